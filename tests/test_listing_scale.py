"""Listings keep their cost as the archive grows: the same number of queries at ten articles and at
several hundred (built with bench/archive.py, the benchmark's own generator), the home page's blocks
hold each section's newest articles, deep pages work up to the cap and 404 past it, and the
denormalised ``ArticlePage.top_section`` follows page moves."""

import datetime
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from news import listings
from news.models import ArticlePage
from news.models.pages import ARTICLES_PER_PAGE
from tests.languages import LANGUAGES
from translations.links import page_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import archive  # noqa: E402  (bench/archive.py)

BUDGET = 12
GROWN_BY = 600


def listing_urls(tree, tag, language):
    return {
        "home": page_url(tree.home, language),
        "section": page_url(tree.news, language),
        "section page 2": page_url(tree.news, language) + "?page=2",
        "sub-section": page_url(tree.economy, language),
        "tag": f"/{language}/tags/{tag.slug}/",
        "feed": f"/{language}/feed/rss/",
    }


def queries(client, url) -> tuple[int, str]:
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries), "\n".join(q["sql"][:160] for q in captured.captured_queries)


@pytest.fixture
def small_site(site_tree, make_articles, tag):
    for section in (
        site_tree.news,
        site_tree.economy,
        site_tree.energy,
        site_tree.opinion,
        site_tree.karabakh,
    ):
        make_articles(section, 5, tags=[tag])  # News and its sub-sections: two pages
    return site_tree


def test_listing_queries_do_not_grow_with_the_archive(client, settings, small_site, tag):
    settings.PAGE_CACHE = False
    before = {
        (name, code): queries(client, url)[0]
        for code in LANGUAGES
        for name, url in listing_urls(small_site, tag, code).items()
    }
    assert archive.build(GROWN_BY, stdout=None) == GROWN_BY
    for (name, code), count in before.items():
        after, sql = queries(client, listing_urls(small_site, tag, code)[name])
        assert after == count, f"{name} /{code}/: {count} queries before, {after} after\n{sql}"
        assert after <= BUDGET, f"{name} /{code}/: {after} queries\n{sql}"


def pages_loaded(client, url) -> int:
    """How many pages a second request for ``url`` read from the database (404 expected)."""
    client.get(url)  # the menu's tree, read once and kept
    loaded = []

    def count(sender, instance, **kwargs):
        if isinstance(instance, Page):
            loaded.append(instance.pk)

    post_init.connect(count)
    try:
        assert client.get(url).status_code == 404, url
    finally:
        post_init.disconnect(count)
    return len(loaded)


def test_an_address_that_is_no_page_reads_no_section_from_the_database(client, settings, small_site):
    """A mistyped or removed article's address answers 404 after a lookup per level, whatever the size of
    the section: the tree walk it replaced loaded every article of the section (140-220 ms at 30,000)."""
    settings.PAGE_CACHE = False
    urls = [
        page_url(small_site.news, "en") + "no-such-article/",
        page_url(small_site.economy, "ru") + "net-takoy-stati/",
        page_url(small_site.economy, "az") + "bele-meqale-yoxdur/more/",
        "/en/no-such-section/",
    ]
    before = {url: pages_loaded(client, url) for url in urls}
    assert archive.build(GROWN_BY, stdout=None) == GROWN_BY
    for url in urls:
        after = pages_loaded(client, url)
        assert after == before[url], f"{url}: {before[url]} pages read before, {after} after"
        assert after <= 3, url  # the home page (plain, then specific), the section it is under


def test_an_address_of_many_levels_costs_no_more_queries_than_a_short_one(client, settings, small_site):
    """A 404 reads the longest path that is a page in one query, not one per level: an address of a
    thousand levels (a crawler's loop, someone trying their luck) costs what a mistyped article's does."""
    settings.PAGE_CACHE = False
    short = page_url(small_site.news, "ru") + "net-takoy-stati/"
    for url in (short, page_url(small_site.news, "ru") + "x/" * 40, "/ru/" + "x/" * 1000):
        client.get(url)  # the menu's tree, read once and kept
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 404
        if url == short:
            budget = len(captured.captured_queries)
        assert len(captured.captured_queries) <= budget, f"{len(url)} characters: {captured.captured_queries}"


def test_home_shows_the_newest_articles_of_every_section(client, site_tree, make_article):
    now = timezone.now()
    # Eight fresh ones fill the lead and the latest rail; the blocks show what comes after them.
    for minutes in range(8):
        make_article(site_tree.karabakh, date=now - datetime.timedelta(minutes=minutes), publish_it=False)
    older = {}
    for offset, section in enumerate([site_tree.economy, site_tree.news, site_tree.opinion]):
        older[section.pk] = [
            make_article(
                section, date=now - datetime.timedelta(hours=2 + offset, minutes=m), publish_it=False
            )
            for m in range(6)
        ]
    response = client.get(page_url(site_tree.home, "en"))
    blocks = {block["section"]["path"]: block["articles"] for block in response.context["sections"]}
    shown_on_top = {response.context["lead"].pk, *(a.pk for a in response.context["latest"])}
    # News includes its sub-section Economy: its newest four of the twelve (Economy's are newer).
    news_expected = sorted(
        older[site_tree.economy.pk] + older[site_tree.news.pk], key=lambda a: a.date, reverse=True
    )
    assert [a.pk for a in blocks[site_tree.news.path]] == [a.pk for a in news_expected[:4]]
    assert [a.pk for a in blocks[site_tree.opinion.path]] == [a.pk for a in older[site_tree.opinion.pk][:4]]
    assert not shown_on_top & {a.pk for articles in blocks.values() for a in articles}
    text = response.content.decode()
    assert news_expected[0].title_en in text


def test_deep_pages_work_up_to_the_cap_and_404_after_it(client, site_tree, make_articles, monkeypatch):
    """A listing shows at most MAX_PAGES pages (3 here, 50 on the site): the last one is full, the next
    is a clear 404, and the tag page says there are more."""
    monkeypatch.setattr(listings, "MAX_PAGES", 3)
    make_articles(site_tree.opinion, 3 * ARTICLES_PER_PAGE + 5)
    url = page_url(site_tree.opinion, "en")
    last = client.get(url, {"page": 3})
    assert last.status_code == 200
    page = last.context["articles"]
    assert len(page.object_list) == ARTICLES_PER_PAGE
    assert page.paginator.num_pages == 3 and page.paginator.capped
    assert client.get(url, {"page": 4}).status_code == 404
    assert client.get(url, {"page": "9" * 30}).status_code == 404


def test_top_section_follows_a_move(client, site_tree, make_article):
    article = make_article(site_tree.economy, title_en="Moves with its section", publish_it=False)
    assert ArticlePage.objects.get(pk=article.pk).top_section_id == site_tree.news.pk
    site_tree.economy.move(site_tree.opinion, pos="last-child")
    assert ArticlePage.objects.get(pk=article.pk).top_section_id == site_tree.opinion.pk
    opinion = client.get(page_url(site_tree.opinion, "en"))
    assert "Moves with its section" in opinion.content.decode()
    news = client.get(page_url(site_tree.news, "en"))
    assert "Moves with its section" not in news.content.decode()
