"""What the database does for a reader's page does not grow with the archive: measured as work
(``tests.database_work``: SQLite's instructions), not as a count of queries, since a query that sorts or
counts the whole archive is still one query. Each page is measured with the
lists and figures the page cache's store keeps (``FRAGMENT_CACHE``) and without the page cache, as a
signed-in reader or the first view of a page gets it, on an archive that already fills every list,
then again after it has grown fivefold (bench/archive.py, the benchmark's own generator)."""

import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.database_work import measured
from tests.languages import LANGUAGES
from translations.links import page_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import archive  # noqa: E402  (bench/archive.py)

FIRST, GROWN_BY = 150, 600
# Rendering the same number of cards reads a few more rows from a bigger table's index (deeper B-trees).
ALLOWED_GROWTH = 1.3


def work(client, url) -> int:
    assert client.get(url).status_code == 200, url  # what is kept is built
    with measured() as done:
        response = client.get(url)
    assert response.status_code == 200, url
    return done.units


def reader_urls(tree, tag, author, language) -> dict[str, str]:
    section = page_url(tree.news, language)
    return {
        "home": page_url(tree.home, language),
        "section": section,
        "section page 2": f"{section}?page=2",
        "sub-section": page_url(tree.economy, language),
        "tag": f"/{language}/tags/{tag.slug}/",
        "author": f"/{language}/authors/{author.slug}/",
        "feed": f"/{language}/feed/rss/",
        "section feed": section.replace(f"/{language}/", f"/{language}/feed/", 1) + "rss/",
        "author feed": f"/{language}/feed/authors/{author.slug}/rss/",
    }


@pytest.fixture
def archive_site(site_tree, make_articles, tag, author):
    for section in (site_tree.news, site_tree.economy, site_tree.opinion):
        make_articles(section, 2, tags=[tag], authors=[author])
    assert archive.build(FIRST, seed=3, stdout=None) == FIRST  # every list above is full
    return site_tree


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="measures SQLite's instructions; PostgreSQL's plans at 30,000 are in bench/pages.py's EXPLAIN",
)
def test_a_reader_page_costs_the_database_the_same_at_five_times_the_archive(
    client, settings, archive_site, tag, author
):
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True
    urls = {
        (name, code): url
        for code in LANGUAGES
        for name, url in reader_urls(archive_site, tag, author, code).items()
    }
    urls[("robots.txt", "")] = "/robots.txt"
    urls[("authors' sitemap", "")] = "/sitemap-authors.xml"
    before = {key: work(client, url) for key, url in urls.items()}
    assert archive.build(GROWN_BY, seed=4, stdout=None) == GROWN_BY
    grown = {key: work(client, url) for key, url in urls.items()}
    report = "\n".join(f"{name} /{code}/: {before[name, code]} -> {grown[name, code]}" for name, code in urls)
    for key, url in urls.items():
        assert grown[key] <= before[key] * ALLOWED_GROWTH + 200, f"{url} grew\n{report}"
