"""Sitemaps, news sitemaps and robots.txt, parsed with an XML parser."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.languages import LANGUAGES

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"sm": SITEMAP_NS, "xhtml": XHTML_NS, "news": NEWS_NS}


def get_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own output)


def local(url):
    """The path and query of an absolute URL, for the test client."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sitemap_urls(client):
    """{loc: {"lastmod": str, "alternates": {hreflang: href}}} for every page URL in the sitemap index."""
    index = get_xml(client, "/sitemap.xml")
    assert index.tag == f"{{{SITEMAP_NS}}}sitemapindex"
    entries = {}
    for loc in index.findall("sm:sitemap/sm:loc", NS):
        if "sitemap-news-" in loc.text or "sitemap-authors" in loc.text:
            continue
        urlset = get_xml(client, local(loc.text))
        assert urlset.tag == f"{{{SITEMAP_NS}}}urlset"
        for url in urlset.findall("sm:url", NS):
            links = url.findall("xhtml:link", NS)
            assert all(link.get("rel") == "alternate" for link in links)
            entries[url.findtext("sm:loc", namespaces=NS)] = {
                "lastmod": url.findtext("sm:lastmod", namespaces=NS),
                "alternates": {link.get("hreflang"): link.get("href") for link in links},
            }
    return entries


def test_sitemap_lists_every_page_in_every_language_it_exists_in(client, site_tree, make_article):
    make_article(site_tree.economy, slugs={"en": "full", "az": "tam", "ru": "polnaya"})
    make_article(site_tree.opinion, languages=("en", "az"), slugs={"en": "part", "az": "yarim"})
    make_article(site_tree.opinion, publish_it=False, live=False, slugs={"en": "draft"})

    entries = sitemap_urls(client)

    base = "http://localhost"
    for url in (
        f"{base}/en/",
        f"{base}/az/",
        f"{base}/ru/",
        f"{base}/en/news/economy/",
        f"{base}/ru/novosti/ekonomika/",
        f"{base}/az/haqqimizda/",
        f"{base}/en/news/economy/full/",
        f"{base}/az/xeberler/iqtisadiyyat/tam/",
        f"{base}/ru/novosti/ekonomika/polnaya/",
        f"{base}/en/opinion/part/",
        f"{base}/az/fikir/yarim/",
    ):
        assert url in entries, url
    # No Russian version of the partial article, no draft.
    assert [url for url in entries if url.startswith(f"{base}/ru/mnenie/")] == [f"{base}/ru/mnenie/"]
    assert not any("/draft/" in url for url in entries)
    assert entries[f"{base}/az/fikir/yarim/"]["lastmod"]

    assert entries[f"{base}/ru/novosti/ekonomika/polnaya/"]["alternates"] == {
        "en": f"{base}/en/news/economy/full/",
        "az": f"{base}/az/xeberler/iqtisadiyyat/tam/",
        "ru": f"{base}/ru/novosti/ekonomika/polnaya/",
        "x-default": f"{base}/en/news/economy/full/",
    }
    assert entries[f"{base}/az/fikir/yarim/"]["alternates"] == {
        "en": f"{base}/en/opinion/part/",
        "az": f"{base}/az/fikir/yarim/",
        "x-default": f"{base}/en/opinion/part/",
    }


def test_every_sitemap_url_lists_itself_and_reciprocal_alternates(client, site_tree, make_article):
    make_article(site_tree.news)
    make_article(site_tree.energy, languages=("en", "ru"))
    make_article(site_tree.karabakh, languages=("en",))
    entries = sitemap_urls(client)
    assert entries
    for loc, entry in entries.items():
        alternates = entry["alternates"]
        assert loc in alternates.values()
        assert set(alternates) - {"x-default"} <= set(LANGUAGES)
        assert alternates["x-default"] in alternates.values()
        for code, href in alternates.items():
            assert entries[href]["alternates"] == alternates, (loc, code)


def test_sitemap_lastmod_is_the_last_publication(client, site_tree, make_article):
    article = make_article(site_tree.news, slugs={"en": "dated"})
    entries = sitemap_urls(client)
    lastmod = datetime.datetime.fromisoformat(entries["http://localhost/en/news/dated/"]["lastmod"])
    article.refresh_from_db()
    assert abs(lastmod - article.last_published_at) < datetime.timedelta(seconds=1)


def test_sitemap_query_count_does_not_grow_with_pages(client, site_tree, make_articles):
    def count():
        client.get("/sitemap-pages.xml")  # warms the site-root cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap-pages.xml").status_code == 200
        return len(queries)

    make_articles(site_tree.news, 2)
    few = count()
    make_articles(site_tree.economy, 15)
    assert count() == few <= 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_sitemap_lists_the_last_48_hours_in_its_language(client, site_tree, make_article, language):
    now = timezone.now()
    fresh = make_article(site_tree.news, date=now - datetime.timedelta(hours=3))
    old = make_article(site_tree.news, date=now - datetime.timedelta(hours=49))
    english_only = make_article(site_tree.news, languages=("en",), date=now - datetime.timedelta(hours=1))

    urlset = get_xml(client, f"/sitemap-news-{language}.xml")

    assert urlset.tag == f"{{{SITEMAP_NS}}}urlset"
    items = {url.findtext("news:news/news:title", namespaces=NS): url for url in urlset.findall("sm:url", NS)}
    field = f"title_{language}"
    assert getattr(fresh, field) in items
    assert getattr(old, field) not in items
    assert (english_only.title_en in items) is (language == "en")
    item = items[getattr(fresh, field)]
    slug = getattr(fresh, f"slug_{language}")
    assert item.findtext("sm:loc", namespaces=NS).startswith(f"http://localhost/{language}/")
    assert item.findtext("sm:loc", namespaces=NS).endswith(f"/{slug}/")
    assert item.findtext("news:news/news:publication/news:name", namespaces=NS) == "Aze.Media"
    assert item.findtext("news:news/news:publication/news:language", namespaces=NS) == language
    published = datetime.datetime.fromisoformat(
        item.findtext("news:news/news:publication_date", namespaces=NS)
    )
    assert abs(published - fresh.date) < datetime.timedelta(seconds=1)


def test_unknown_news_sitemap_language_is_404(client, site_tree):
    assert client.get("/sitemap-news-de.xml").status_code == 404


def test_sitemap_index_lists_the_news_sitemaps(client, site_tree):
    index = get_xml(client, "/sitemap.xml")
    locs = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert "http://localhost/sitemap-pages.xml" in locs
    for code in LANGUAGES:
        assert f"http://localhost/sitemap-news-{code}.xml" in locs
    assert "http://localhost/sitemap-authors.xml" in locs


def test_a_large_site_is_split_into_files_that_together_list_every_page_once(
    client, site_tree, make_articles, monkeypatch
):
    """The index lists each file of the page sitemap (``?p=2``...): every URL is in exactly one, and a
    file past the last or a page number that is not one answers 404."""
    make_articles(site_tree.economy, 9)
    whole = sitemap_urls(client)
    monkeypatch.setattr("seo.sitemaps.PAGES_PER_SITEMAP", 4)
    index = get_xml(client, "/sitemap.xml")
    files = [local(loc.text) for loc in index.findall("sm:sitemap/sm:loc", NS) if "sitemap-pages" in loc.text]
    assert files[:2] == ["/sitemap-pages.xml", "/sitemap-pages.xml?p=2"] and len(files) >= 4
    listed = [
        url.findtext("sm:loc", namespaces=NS)
        for path in files
        for url in get_xml(client, path).findall("sm:url", NS)
    ]
    assert sorted(listed) == sorted(whole)
    assert client.get(f"/sitemap-pages.xml?p={len(files) + 1}").status_code == 404
    for number in ("two", "0", "-1", "2.0", "99999999999999999999999", "%D9%A3"):  # the last: Arabic-Indic 3
        assert client.get(f"/sitemap-pages.xml?p={number}").status_code == 404, number
    assert sitemap_urls(client) == whole


def test_robots_txt_points_at_sitemaps_and_keeps_crawlers_out_of_admin_and_search(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = [line.strip() for line in response.content.decode().splitlines() if line.strip()]
    assert lines[0] == "User-agent: *"
    disallowed = {line.split(":", 1)[1].strip() for line in lines if line.startswith("Disallow:")}
    assert {"/admin/", "/en/search/", "/az/search/", "/ru/search/"} <= disallowed
    sitemaps = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Sitemap:")]
    assert "http://localhost/sitemap.xml" in sitemaps
    for url in sitemaps:
        assert client.get(local(url)).status_code == 200
    # What robots.txt keeps out really is there, and pages stay crawlable.
    assert not any("/en/news/".startswith(path) for path in disallowed)


def test_a_version_not_ready_for_readers_is_left_out(client, site_tree, make_article):
    """A translation still being written (its "ready" box unticked) is not published anywhere."""
    article = make_article(
        site_tree.news, slugs={"en": "wip", "az": "hazirlanir", "ru": "gotovitsya"}, ready_ru=False
    )
    entries = sitemap_urls(client)
    assert "http://localhost/ru/novosti/gotovitsya/" not in entries
    assert entries["http://localhost/az/xeberler/hazirlanir/"]["alternates"] == {
        "en": "http://localhost/en/news/wip/",
        "az": "http://localhost/az/xeberler/hazirlanir/",
        "x-default": "http://localhost/en/news/wip/",
    }
    news = get_xml(client, "/sitemap-news-ru.xml")
    assert article.title_ru not in [title.text for title in news.iter(f"{{{NEWS_NS}}}title")]
