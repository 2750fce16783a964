"""HEAD works wherever GET does; TRACE, OPTIONS, the write methods and unknown methods get 405.

Views outside the page tree answer GET and HEAD only (``require_safe``). Pages go through Wagtail's
view wrapped in ``newsroom.urls.serve_page``: GET, HEAD and POST (which the CSRF check still guards);
Wagtail alone would answer DELETE, OPTIONS, PATCH and PUT with the page.
"""

import pytest
from django.test import Client

URL_CLASSES = {
    "home": "/en/",
    "section": "/en/news/",
    "subsection": "/ru/novosti/ekonomika/",
    "article": "{article}",
    "tag": "/en/tags/{tag}/",
    "search": "/en/search/?q=talks",
    "live search": "/en/search/live/?q=talks",
    "rss": "/en/feed/rss/",
    "atom": "/en/feed/atom/",
    "section rss": "/az/feed/xeberler/rss/",
    "section atom": "/ru/feed/novosti/atom/",
    "sitemap index": "/sitemap.xml",
    "pages sitemap": "/sitemap-pages.xml",
    "news sitemap": "/sitemap-news-en.xml",
    "robots.txt": "/robots.txt",
    "jsi18n": "/az/jsi18n/",
}
PAGES = {"home", "section", "subsection", "article"}
REFUSED = ("TRACE", "OPTIONS", "PUT", "DELETE", "PATCH", "FOO", "PROPFIND")


@pytest.fixture
def urls(site_tree, make_article, tag):
    article = make_article(site_tree.economy, tags=[tag])
    return {name: url.format(article=article.get_url(), tag=tag.slug) for name, url in URL_CLASSES.items()}


@pytest.mark.parametrize("name", URL_CLASSES)
def test_get_and_head_answer_other_methods_get_405(client, urls, name):
    url = urls[name]
    get = client.get(url)
    assert get.status_code == 200, url

    head = client.head(url)
    assert head.status_code == 200, url
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]

    for method in REFUSED:
        response = client.generic(method, url)
        assert response.status_code == 405, (method, url)
        allowed = {m.strip() for m in response["Allow"].split(",")}
        assert {"GET", "HEAD"} <= allowed
        assert not allowed & {"TRACE", "OPTIONS", "PUT", "DELETE", "PATCH"}


@pytest.mark.parametrize("name", sorted(set(URL_CLASSES) - PAGES))
def test_post_is_405_outside_the_page_tree(client, urls, name):
    assert client.post(urls[name]).status_code == 405


@pytest.mark.parametrize("name", sorted(PAGES))
def test_post_to_a_page_is_left_to_wagtail_behind_the_csrf_check(client, urls, name):
    # Wagtail serves a page to POST as to GET (a form page would take it); without a CSRF token it is 403.
    assert Client(enforce_csrf_checks=True).post(urls[name]).status_code == 403
    assert client.post(urls[name]).status_code == 200


def test_wagtails_own_urls_and_page_urls_still_resolve(client, site_tree):
    # The front-end login Wagtail sends readers of private pages to still answers.
    assert client.get("/en/_util/login/").status_code == 200
    assert site_tree.news.get_url() == "/en/news/"
