"""What only a browser does: static/js/read-beacon.js sends the read beacon when a reader opens an article
(also when the page comes from the page cache), and static/js/breaking.js takes the breaking news banner
down at its expiry on a page that stays open.

Chromium at /usr/bin/chromium drives the site served by pytest-django's ``live_server``; the reader's
browser has an ordinary user agent (Playwright's own says "HeadlessChrome", which is not counted).
"""

import datetime
import time

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from breaking.models import BreakingNews
from readership import counting
from readership.flush import flush
from readership.models import ReadCount
from tests.languages import LANGUAGES
from translations.links import page_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def reader(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, user_agent=READER)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def article(site_tree, make_article):
    return make_article(site_tree.economy, title_en="Harbour expansion approved")


def counted(article, language) -> int:
    return sum(
        views for (_h, code, pk), views in counting.pending().items() if (code, pk) == (language, article.pk)
    )


def wait_for_count(article, language, expected, within=5.0) -> int:
    deadline = time.monotonic() + within
    while counted(article, language) < expected and time.monotonic() < deadline:
        time.sleep(0.05)
    return counted(article, language)


@pytest.mark.parametrize("page_cache", [False, True], ids=["rendered", "from the page cache"])
def test_opening_an_article_counts_one_view_per_visit(live_server, reader, settings, article, page_cache):
    settings.PAGE_CACHE = page_cache
    settings.FRAGMENT_CACHE = page_cache
    for visit, language in enumerate(LANGUAGES, start=1):
        with reader.expect_response(lambda response: "/read/" in response.url) as beacon:
            response = reader.goto(live_server.url + page_url(article, language))
        assert beacon.value.status == 204
        assert beacon.value.request.method == "POST"
        assert wait_for_count(article, language, 1) == 1
        if page_cache:
            assert response.headers["x-page-cache"] == "MISS"  # stored: the next reader gets it cached
        # A second visit (from the page cache when it is on) is counted all the same.
        with reader.expect_response(lambda response: "/read/" in response.url):
            reader.reload()
        assert wait_for_count(article, language, 2) == 2, visit
    assert reader.context.cookies() == []  # counting sets no cookie
    flush()
    assert {row.language: row.views for row in ReadCount.objects.filter(article=article)} == dict.fromkeys(
        LANGUAGES, 2
    )


def test_the_most_read_list_shows_what_readers_opened(live_server, reader, site_tree, make_article, article):
    other = make_article(site_tree.energy, title_en="Gas output rises")
    for _ in range(2):
        with reader.expect_response(lambda response: "/read/" in response.url):
            reader.goto(live_server.url + page_url(other, "en"))
    with reader.expect_response(lambda response: "/read/" in response.url):
        reader.goto(live_server.url + page_url(article, "en"))
    wait_for_count(other, "en", 2)
    call_command("flush_read_counts")  # as the scheduler does every minute: the lists are rebuilt
    reader.goto(live_server.url + "/en/")
    block = reader.get_by_role("region", name="Most read")
    expect(block.get_by_role("list").first.get_by_role("link")).to_have_text(
        ["Gas output rises", "Harbour expansion approved"]
    )


def test_the_breaking_banner_goes_at_expiry_on_an_open_page(live_server, reader, site_tree):
    item = BreakingNews.objects.create(
        headline_en="Strong winds in Baku",
        expires_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=3),
    )
    reader.goto(live_server.url + "/en/")
    banner = reader.get_by_role("region", name="Breaking news")
    expect(banner).to_be_visible()
    expect(banner.get_by_role("link")).to_have_count(0)
    expect(banner).to_contain_text("Strong winds in Baku")
    expect(banner).to_be_hidden(timeout=5_000)
    assert datetime.datetime.now(datetime.UTC) >= item.expires_at - datetime.timedelta(seconds=0.5)
