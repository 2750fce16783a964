"""One ranking on SQLite and PostgreSQL (search.backends): the order the database returns is the
BM25F order computed here in Python from the stored documents, title above body, ties to the newest.

The suite runs on both databases (``make test``, and with DATABASE_URL on PostgreSQL) with these same
expectations, so both return the same results in the same order."""

import datetime
import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import PageViewRestriction

from search import backends, results
from search.models import SearchDocument
from search.query import parse
from search.results import ranked_documents
from tests.search_corpus import paragraph, result_titles

TEXTS = [
    ("Pipeline opens to Europe", "Gas flows west through the new pipeline. The pipeline is long."),
    ("Weather report", "Rain tomorrow. The pipeline project was mentioned once."),
    ("Pipeline pipeline pipeline", "Short."),
    ("Harvest news", "Farmers expect a record harvest of cotton and grain this year, the ministry says."),
    (
        "Gas prices",
        "Gas prices rose; the pipeline operator blamed the cold and the long winter of the north.",
    ),
    ("Caspian shipping", "Ships cross the sea. A pipeline under the sea is planned by the two governments."),
    ("Grain exports", "Grain exports grew. Gas exports did not."),
]


def dated(make_article, section, title, body, dates):
    """An English article per date, ``title`` numbered from 0, ``body`` its one paragraph."""
    return [
        make_article(section, title_en=f"{title} {n}", languages=("en",), body=paragraph(body), date=date)
        for n, date in enumerate(dates)
    ]


def reference_order(query_text, language="en"):
    """The score of search.backends' docstring, in Python, over every matching stored document."""
    query = parse(query_text, language)
    terms = query.ranked_terms
    docs = list(SearchDocument.objects.filter(language=language))
    total = len(docs)
    avg_title = max(sum(d.title_length for d in docs) / total, 1.0)
    avg_body = max(sum(d.body_length for d in docs) / total, 1.0)
    matching = set(backends.matching_documents(query, language).values_list("page_id", flat=True))
    frequency = {t: sum(1 for d in docs if f" {t} " in d.title_terms + d.body_terms) for t in terms}

    def score(doc):
        total_score = 0.0
        for t in terms:
            idf = math.log(1.0 + (total - frequency[t] + 0.5) / (frequency[t] + 0.5))
            tf_title, tf_body = doc.title_terms.count(f" {t} "), doc.body_terms.count(f" {t} ")
            w = (
                backends.TITLE_WEIGHT
                * tf_title
                / (1 - backends.B + backends.B * doc.title_length / avg_title)
            )
            w += tf_body / (1 - backends.B + backends.B * doc.body_length / avg_body)
            total_score += idf * (backends.K1 + 1) * w / (backends.K1 + w)
        return total_score

    ranked = [d for d in docs if d.page_id in matching]
    ranked.sort(key=lambda d: (-round(score(d), 9), -d.date.timestamp(), -d.page_id))
    return [d.page_id for d in ranked]


@pytest.fixture
def articles(site_tree, make_article):
    start = timezone.now() - datetime.timedelta(days=30)
    return [
        make_article(
            site_tree.news,
            title_en=title,
            languages=("en",),
            body=paragraph(body),
            date=start + datetime.timedelta(days=n),
        )
        for n, (title, body) in enumerate(TEXTS)
    ]


@pytest.mark.parametrize(
    "query", ["pipeline", "gas", "gas pipeline", "pipelines sea", '"the pipeline"', "grain"]
)
def test_the_database_ranks_by_the_documented_formula(articles, query):
    assert list(ranked_documents(parse(query, "en"), "en")[:12]) == reference_order(query)


def test_title_counts_more_than_body(client, articles):
    titles = result_titles(client, "en", "pipeline")
    assert titles.index("Pipeline opens to Europe") < titles.index("Weather report")
    assert titles[0] in ("Pipeline pipeline pipeline", "Pipeline opens to Europe")


def test_equal_scores_go_to_the_newest(client, site_tree, make_article):
    now = timezone.now()
    older = make_article(
        site_tree.news,
        title_en="Caviar",
        slugs={"en": "caviar-older"},
        languages=("en",),
        body=paragraph("Same."),
        date=now - datetime.timedelta(days=2),
    )
    newer = make_article(
        site_tree.news,
        title_en="Caviar",
        slugs={"en": "caviar-newer"},
        languages=("en",),
        body=paragraph("Same."),
        date=now - datetime.timedelta(days=1),
    )
    ids = list(ranked_documents(parse("caviar", "en"), "en")[:12])
    assert ids == [newer.pk, older.pk]


def test_a_common_word_ranks_the_newest_visible_matches_up_to_the_cut(monkeypatch, site_tree, make_article):
    """More matches than ``MAX_RANKED``: the newest visible ones are ranked, private pages are skipped
    even when a whole batch of the newest is private, and the count stops at the cut."""
    monkeypatch.setattr(backends, "MAX_RANKED", 3)
    start = timezone.now() - datetime.timedelta(days=30)
    made = dated(
        make_article,
        site_tree.news,
        "Caviar",
        "Caviar from the Caspian.",
        [start + datetime.timedelta(days=n) for n in range(10)],
    )
    for article in made[-5:]:  # the five newest are for subscribers only
        PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    ranked = ranked_documents(parse("caviar", "en"), "en")
    assert ranked.count() == 3 and ranked.more
    assert sorted(ranked[:12]) == sorted(article.pk for article in made[2:5])
    assert len(ranked_documents(parse("caviar", "en"), "en").candidates()) == 4  # the cut, and one more


def test_kept_figures_follow_what_is_published(client, settings, site_tree, make_article):
    """The index's figures (how many documents hold each term) are kept with the cached pages
    (``search.results.ranking``): a publish that makes a rare word common reorders the results at once."""
    settings.FRAGMENT_CACHE = True

    def add(title, body, count=1):
        return [
            make_article(
                site_tree.news,
                title_en=title,
                slugs={"en": f"{slugify(title)}-{n}"},
                languages=("en",),
                body=paragraph(body),
            )
            for n in range(count)
        ]

    (gas,) = add("Gas gas gas", "A pipeline.")
    (pipeline,) = add("Pipeline pipeline pipeline", "Some gas.")
    add("Gas report", "Gas was cheap.", count=4)
    query = "gas pipeline"
    assert result_titles(client, "en", query)[:2] == [pipeline.title_en, gas.title_en]
    add("Pipeline report", "The pipeline was long.", count=8)
    assert reference_order(query)[:2] == [gas.pk, pipeline.pk]
    assert result_titles(client, "en", query)[:2] == [gas.title_en, pipeline.title_en]


def test_kept_results_follow_each_publish_and_unpublish(
    client, settings, site_tree, make_article, monkeypatch
):
    """A query that matches many documents keeps its ranked pages with the cached pages
    (``search.results.ranked_pages``): asked again it is not ranked again, and a publish or an unpublish
    shows in the results and in the live box at once."""
    settings.FRAGMENT_CACHE = True
    monkeypatch.setattr(results, "KEEP_RANKED_FROM", 3)
    days_ago = [timezone.now() - datetime.timedelta(days=n + 1) for n in range(4)]
    older = dated(make_article, site_tree.news, "Harvest report", "The caviar harvest was small.", days_ago)

    def live_titles():
        response = client.get("/en/search/live/", {"q": "caviar"})
        assert response.status_code == 200
        return [item["title"] for item in response.json()["results"]]

    def ranking_queries(request):
        with CaptureQueriesContext(connection) as captured:
            request()
        return [query["sql"] for query in captured.captured_queries if "WITH matched" in query["sql"]]

    before = result_titles(client, "en", "caviar")
    assert sorted(before) == sorted(article.title_en for article in older)
    assert ranking_queries(lambda: result_titles(client, "en", "caviar")) == []  # kept
    assert ranking_queries(live_titles) == []  # the live box reads the same list
    assert live_titles() == before

    new = make_article(
        site_tree.news, title_en="Caviar caviar caviar", languages=("en",), body=paragraph("Caviar.")
    )
    assert result_titles(client, "en", "caviar") == [new.title_en, *before]
    assert live_titles() == [new.title_en, *before][:5]

    new.unpublish()
    assert result_titles(client, "en", "caviar") == before
    assert live_titles() == before
