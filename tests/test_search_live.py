"""The JSON endpoint behind the header box: up to five results, a link to all results, fixed queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import search_corpus
from tests.search_corpus import url_in


def live(client, language, query):
    response = client.get(f"/{language}/search/live/", {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_live_results_in_the_readers_language(client, corpus):
    data = live(client, "ru", "переговоры")
    assert [item["title"] for item in data["results"]] == ["Стороны договорились о новых переговорах"]
    item = data["results"][0]
    assert item["url"] == url_in(corpus.talks, "ru")
    assert item["url"].startswith("/ru/")
    assert item["section"] == "Карабах"
    assert item["date"]
    assert data["all_url"].startswith("/ru/search/?q=")
    assert data["labels"]["all"]


def test_last_word_matches_as_a_prefix(client, corpus):
    # "Bak" finds "Bakı"; "перегово" finds "переговорах"; "Qaraba" finds "Qarabağ".
    assert [i["title"] for i in live(client, "az", "Bak")["results"]] == ["Paradın qəhrəmanları"]
    assert live(client, "ru", "перегово")["results"][0]["title"].startswith("Стороны")
    assert live(client, "az", "radio Qaraba")["results"] == []
    assert live(client, "az", "Qaraba")["results"][0]["title"].startswith("Tərəflər")


def queries_of(request):
    """Queries of a warm request: the navigation tree and image renditions are made on the first."""
    request()
    with CaptureQueriesContext(connection) as captured:
        response = request()
    return response, len(captured.captured_queries)


def test_at_most_five_results_and_a_fixed_number_of_queries(client, site_tree, make_articles):
    caviar = search_corpus.paragraph("Caspian caviar harvest.")
    make_articles(site_tree.news, 2, body=caviar)
    response, few = queries_of(lambda: client.get("/en/search/live/", {"q": "caviar"}))
    assert len(response.json()["results"]) == 2
    make_articles(site_tree.news, 8, body=caviar)
    response, many = queries_of(lambda: client.get("/en/search/live/", {"q": "caviar"}))
    assert len(response.json()["results"]) == 5
    assert many == few


def test_results_page_takes_a_fixed_number_of_queries(client, site_tree, make_articles):
    caviar = search_corpus.paragraph("Caspian caviar harvest.")
    make_articles(site_tree.news, 2, body=caviar)
    response, few = queries_of(lambda: client.get("/en/search/", {"q": "caviar"}))
    assert response.context["results"].count == 2
    make_articles(site_tree.news, 12, body=caviar)
    response, many = queries_of(lambda: client.get("/en/search/", {"q": "caviar"}))
    assert response.context["results"].count == 14
    assert many == few


def test_empty_query_gives_no_results(client, corpus):
    assert live(client, "en", "")["results"] == []
    assert live(client, "en", "   ")["results"] == []
    assert live(client, "en", "?!")["results"] == []
