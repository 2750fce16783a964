"""How many database queries a reader's page view costs, and that it does not grow with the archive.

Method: an anonymous client; every page is requested once first to warm the caches a running site keeps
warm (the cached navigation tree, image renditions), then the second request is counted. An N+1 in a
listing (a query per card, per author, per image rendition) shows up as a count that grows from 10 to
200 articles.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.languages import LANGUAGES
from translations.links import page_url

BUDGETS = {"article": 12, "home": 12, "section": 12}
MISS_BUDGETS = {"article": 6, "home": 3, "section": 6}
# Where the first ten articles go (the measured article is one of the Economy ones).
FIRST_TEN = {"economy": 3, "energy": 2, "opinion": 2, "karabakh": 2, "news": 1}
GROWN_TO = 200


@pytest.fixture
def archive(site_tree, tag):
    authors = factories.AuthorFactory.create_batch(3)
    measured = factories.create_article(
        site_tree.economy, title_en="The measured article", authors=authors[:2], tags=[tag]
    )

    def add(count, section_name, publish_it):
        for i in range(count):
            factories.create_article(
                getattr(site_tree, section_name), authors=[authors[i % 3]], tags=[tag], publish_it=publish_it
            )

    for name, count in FIRST_TEN.items():
        add(count - (name == "economy"), name, publish_it=False)

    def grow(total):
        missing = total - 10
        names = list(FIRST_TEN)
        for i in range(missing):
            add(1, names[i % len(names)], publish_it=False)  # live pages, built through add_child

    return measured, grow


def urls(tree, article, language):
    return {
        "article": page_url(article, language),
        "home": page_url(tree.home, language),
        "section": page_url(tree.news, language),  # News lists its sub-sections' articles too
    }


def count_queries(client, url):
    warm = client.get(url)
    assert warm.status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), captured


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(BUDGETS))
def test_page_stays_within_its_query_budget(
    client, site_tree, archive, django_assert_max_num_queries, kind, language
):
    article, _grow = archive
    url = urls(site_tree, article, language)[kind]
    client.get(url)  # warm-up
    with django_assert_max_num_queries(BUDGETS[kind]):
        response = client.get(url)
    assert response.status_code == 200


def test_query_counts_do_not_grow_with_the_archive(client, site_tree, archive):
    article, grow = archive
    before = {
        (kind, code): count_queries(client, url)
        for code in LANGUAGES
        for kind, url in urls(site_tree, article, code).items()
    }
    grow(GROWN_TO)
    for (kind, code), (count, _captured) in before.items():
        after, captured = count_queries(client, urls(site_tree, article, code)[kind])
        queries = "\n".join(q["sql"][:200] for q in captured.captured_queries)
        assert after == count, f"{kind} /{code}/: {count} queries at 10, {after} at {GROWN_TO}\n{queries}"
        assert after <= BUDGETS[kind], f"{kind} /{code}/: {after} queries\n{queries}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_cache_miss_reads_the_site_its_home_and_settings_from_the_process_copy(
    client, settings, site_tree, archive, language
):
    """What a page costs in production when the page cache has no copy of it (fragments cached): the
    Site, its root page, its settings and whether the home page is private come from the process's copy
    for the generation; routing tells Wagtail whether the page is private."""
    settings.FRAGMENT_CACHE = True
    article, _grow = archive
    for kind, url in urls(site_tree, article, language).items():
        count, captured = count_queries(client, url)
        assert count <= MISS_BUDGETS[kind], (kind, [query["sql"][:80] for query in captured.captured_queries])
