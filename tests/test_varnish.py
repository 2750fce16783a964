"""A real Varnish (deploy/varnish.vcl) in front of the site: it keeps readers' pages, passes editors and
search through, takes PURGE from this host only, and publishing leaves it fresh in every language
within a second (Wagtail's frontend_cache purges every URL the change touches, after commit)."""

import http.client
import socket
import time

import pytest
from django.utils import timezone, translation

from tests.languages import LANGUAGES
from tests.varnish_server import VarnishServer
from translations.links import page_url

FRESH_WITHIN = 1.0  # seconds


@pytest.fixture
def varnish(live_server, settings):
    server = VarnishServer(int(live_server.url.rsplit(":", 1)[1])).start()
    settings.PAGE_CACHE = True
    settings.FRAGMENT_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "pagecache.frontend.HTTPBackend", "LOCATION": server.url},
    }
    yield server
    server.stop()


def request(varnish, path, method="GET", headers=None, source=None):
    """``(status, headers, body)`` through Varnish, as the site's host (the Wagtail Site: localhost)."""
    conn = http.client.HTTPConnection(
        "127.0.0.1", varnish.port, timeout=10, source_address=(source, 0) if source else None
    )
    try:
        conn.request(method, path, headers={"Host": "localhost", **(headers or {})})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_edited_article_is_fresh_through_varnish_in_every_language_within_a_second(
    varnish, site_tree, make_article, make_articles
):
    make_articles(site_tree.economy, 13)  # the section has a second page
    article = make_article(site_tree.economy, title_en="Harbour expansion approved", date=timezone.now())
    urls = {
        language: [
            page_url(article, language),
            page_url(site_tree.economy, language),
            page_url(site_tree.economy, language) + "?page=2",
            f"/{language}/",
            f"/{language}/feed/rss/",
        ]
        for language in LANGUAGES
    }
    for path in [path for paths in urls.values() for path in paths]:
        assert request(varnish, path)[0] == 200, path
        status, headers, _body = request(varnish, path)
        assert (status, headers["x-cache"]) == (200, "HIT"), path

    with translation.override("en"):
        for language in LANGUAGES:
            setattr(article, f"title_{language}", f"Corrected headline {language}")
        article.save_revision().publish()
    published = time.monotonic()

    stale = {language: list(paths[:2] + paths[3:]) for language, paths in urls.items()}
    while True:
        for language, paths in stale.items():
            stale[language] = [
                path
                for path in paths
                if f"Corrected headline {language}".encode() not in request(varnish, path)[2]
            ]
        if not any(stale.values()) or time.monotonic() - published > FRESH_WITHIN:
            break
    assert not any(stale.values()), f"still stale after {FRESH_WITHIN} s: {stale}"
    # The listing's later pages went with it (they shift when an article is published).
    for language in LANGUAGES:
        assert request(varnish, urls[language][2])[1]["x-cache"] == "MISS"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editors_search_and_other_hosts_purges_are_passed_or_refused(varnish, site_tree, make_article):
    article = make_article(site_tree.economy, title_en="Harbour expansion approved")
    path = page_url(article, "en")
    request(varnish, path)
    assert request(varnish, path)[1]["x-cache"] == "HIT"
    # A signed-in editor (session cookie) goes to the application every time.
    status, headers, _body = request(varnish, path, headers={"Cookie": "sessionid=abc; theme=dark"})
    assert status == 200 and headers["x-cache"] != "HIT"
    # An analytics cookie does not stop the cache.
    assert request(varnish, path, headers={"Cookie": "_ga=1"})[1]["x-cache"] == "HIT"
    for _ in range(2):
        assert request(varnish, "/en/search/?q=harbour")[1]["x-cache"] != "HIT"
    # PURGE only from this host (the app server): another address is refused and nothing is purged.
    assert request(varnish, path, method="PURGE", source=_other_loopback_address())[0] == 405
    assert request(varnish, path)[1]["x-cache"] == "HIT"
    assert request(varnish, path, method="PURGE")[0] == 200
    assert request(varnish, path)[1]["x-cache"] == "MISS"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_campaign_and_click_identifiers_are_served_the_cached_page(varnish, site_tree, make_articles):
    article, *_others = make_articles(site_tree.economy, 13)  # the section has a second page
    path = page_url(article, "en")
    request(varnish, path)
    for tracked in ("?utm_source=newsletter&utm_medium=email", "?fbclid=IwAR0one", "?fbclid=IwAR0two&_gl=1"):
        status, headers, _body = request(varnish, path + tracked)
        assert (status, headers["x-cache"]) == (200, "HIT"), tracked
    section = page_url(site_tree.economy, "en")
    assert request(varnish, f"{section}?utm_campaign=spring&page=2&gclid=ad")[1]["x-cache"] == "MISS"
    status, headers, body = request(varnish, f"{section}?page=2")
    assert (status, headers["x-cache"]) == (200, "HIT")
    assert body != request(varnish, section)[2]


def _other_loopback_address() -> str:
    """127.0.0.2: the loopback network, but not the address the purge ACL trusts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.2", 0))
    return "127.0.0.2"
