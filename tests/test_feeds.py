"""RSS 2.0 and Atom feeds per language and per section, read back with feedparser."""

import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.feeds import FEED_LENGTH
from tests.languages import LANGUAGES

FORMATS = ("rss", "atom")
SECTION_PATHS = {"en": "news", "az": "xeberler", "ru": "novosti"}
ECONOMY_PATHS = {"en": "news/economy", "az": "xeberler/iqtisadiyyat", "ru": "novosti/ekonomika"}


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_language_feed_lists_articles_in_that_language_with_all_fields(
    client, site_tree, make_article, author, tag, language, kind
):
    article = make_article(site_tree.economy, authors=[author], tags=[tag])
    make_article(site_tree.opinion, languages=("en",), title_en="Only in English")

    response, feed = fetch(client, f"/{language}/feed/{kind}/")

    expected_type = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(expected_type)
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    assert feed.feed.language == language
    titles = [entry.title for entry in feed.entries]
    assert ("Only in English" in titles) is (language == "en")
    entry = next(e for e in feed.entries if e.title == getattr(article, f"title_{language}"))
    slug = getattr(article, f"slug_{language}")
    assert entry.link == f"http://localhost/{language}/{ECONOMY_PATHS[language]}/{slug}/"
    assert entry.summary == getattr(article, f"intro_{language}")
    assert entry.author == getattr(author, f"name_{language}")
    section_title = getattr(site_tree.economy, f"title_{language}")
    assert section_title in [term.term for term in entry.tags]
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(published - article.date) < datetime.timedelta(seconds=1)
    enclosures = [link for link in entry.links if link.rel == "enclosure"]
    assert len(enclosures) == 1
    assert enclosures[0].type == "image/jpeg"
    assert enclosures[0].href.startswith("http://localhost/media/images/")
    if kind == "rss":
        assert entry.media_content[0]["url"] == enclosures[0].href
        assert int(entry.media_content[0]["width"]) > 0


@pytest.mark.parametrize("kind", FORMATS)
def test_feed_keeps_the_30_newest_articles_newest_first(client, site_tree, make_articles, kind):
    now = timezone.now()
    articles = make_articles(site_tree.opinion, FEED_LENGTH + 3)
    for n, article in enumerate(articles):
        article.date = now - datetime.timedelta(hours=n)
        article.save(update_fields=["date"])

    _response, feed = fetch(client, f"/en/feed/{kind}/")

    assert [entry.title for entry in feed.entries] == [a.title_en for a in articles[:FEED_LENGTH]]


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_section_feed_covers_the_section_and_its_subsections(client, site_tree, make_article, language, kind):
    in_section = make_article(site_tree.news)
    in_subsection = make_article(site_tree.energy)
    elsewhere = make_article(site_tree.karabakh)

    _response, feed = fetch(client, f"/{language}/feed/{SECTION_PATHS[language]}/{kind}/")

    titles = {entry.title for entry in feed.entries}
    field = f"title_{language}"
    assert titles == {getattr(in_section, field), getattr(in_subsection, field)}
    assert getattr(elsewhere, field) not in titles
    assert getattr(site_tree.news, field) in feed.feed.title


def test_nested_section_feed_uses_the_sections_address_in_the_language(client, site_tree, make_article):
    article = make_article(site_tree.economy)
    _response, feed = fetch(client, "/ru/feed/novosti/ekonomika/rss/")
    assert [entry.title for entry in feed.entries] == [article.title_ru]
    assert feed.feed.link == "http://localhost/ru/novosti/ekonomika/"


def test_unknown_section_feed_is_404(client, site_tree):
    assert client.get("/en/feed/no-such-section/rss/").status_code == 404
    # The Russian address of a section does not resolve under /en/.
    assert client.get("/en/feed/novosti/rss/").status_code == 404


def test_unpublished_and_unavailable_articles_stay_out(client, site_tree, make_article):
    draft = make_article(site_tree.news, publish_it=False, live=False)
    english_only = make_article(site_tree.news, languages=("en",))
    _response, feed = fetch(client, "/az/feed/rss/")
    titles = {entry.title for entry in feed.entries}
    assert draft.title_az not in titles
    assert not any(str(english_only.pk) in entry.link for entry in feed.entries)
    assert english_only.title_en not in titles


def count_queries(client, url):
    client.get(url)  # the first request generates the renditions
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/en/feed/rss/", "/ru/feed/novosti/atom/"])
def test_feed_query_count_does_not_grow_with_articles(client, site_tree, make_articles, url):
    make_articles(site_tree.news, 2)
    few = count_queries(client, url)
    make_articles(site_tree.economy, 12)
    assert count_queries(client, url) == few <= 10


def test_a_version_not_ready_for_readers_stays_out_of_its_feed(client, site_tree, make_article):
    article = make_article(site_tree.news, ready_az=False)
    _response, az_feed = fetch(client, "/az/feed/rss/")
    _response, ru_feed = fetch(client, "/ru/feed/rss/")
    assert article.title_az not in [entry.title for entry in az_feed.entries]
    assert article.title_ru in [entry.title for entry in ru_feed.entries]
