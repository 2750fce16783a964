"""Search in each language: the rules of issue 3, over real Azerbaijani and Russian text.

Runs on SQLite by default and on PostgreSQL with DATABASE_URL set (same tests, same expectations).
"""

import pytest

from tests import search_corpus
from tests.search_corpus import result_titles, url_in


def title(page, language):
    return getattr(page, f"title_{language}")


@pytest.mark.parametrize(
    ("query", "article"),
    [
        ("переговоры", "talks"),  # "переговорах"
        ("Азербайджан", "russian_only"),  # "Азербайджана"
        ("азербайджанский боксер", "talks"),  # "азербайджанского боксёра" in the body
        ("ЗНАМЕНА", "parade"),  # "знамёна": case and ё
        ("прославленная часть", "parade"),  # "прославленных частей"
    ],
)
def test_russian_morphology_case_and_yo(client, corpus, query, article):
    page = getattr(corpus, article)
    assert title(page, "ru") in result_titles(client, "ru", query)


@pytest.mark.parametrize(
    ("query", "article"),
    [
        ("Qarabag", "talks"),  # "Qarabağ"
        ("seher", "talks"),  # "şəhər"
        ("Baki", "parade"),  # "Bakı"
        ("BAKI", "parade"),  # capital dotless I
        ("islami", "islam"),  # "İslamı": dotted capital, dotless small
        ("İSLAMI", "islam"),
        ("serqin seherleri", "islam"),  # "ŞƏRQİN ŞƏHƏRLƏRİ"
        ("Qarabağ", "talks"),  # typed with the letters, too
    ],
)
def test_azerbaijani_letters_fold(client, corpus, query, article):
    page = getattr(corpus, article)
    assert title(page, "az") in result_titles(client, "az", query)


def test_english_plural_finds_singular(client, corpus):
    assert title(corpus.talks, "en") in result_titles(client, "en", "sanctions")
    assert title(corpus.parade, "en") in result_titles(client, "en", "veteran marching")


def test_quoted_phrase_matches_the_phrase_only(client, corpus):
    expected = title(corpus.talks, "az")
    assert result_titles(client, "az", '"müasir şəhər infrastrukturu"') == [expected]
    assert result_titles(client, "az", '"infrastrukturu müasir"') == []
    # The same words unquoted match in any order.
    assert result_titles(client, "az", "infrastrukturu müasir") == [expected]


def test_each_language_searches_its_own_text(client, corpus):
    # An article without an Azerbaijani version is not listed in Azerbaijani, whatever is typed.
    assert result_titles(client, "en", "visit capital") == ["A visit to the capital"]
    assert result_titles(client, "az", "visit capital") == []
    assert result_titles(client, "az", "Азербайджана") == []
    # Russian text does not answer an Azerbaijani search, and the other way round.
    assert result_titles(client, "az", "переговоры") == []
    assert result_titles(client, "ru", "Qarabag") == []


def test_other_page_types_match(client, corpus, site_tree):
    assert result_titles(client, "ru", "издания") == ["Кто мы"]  # "Независимое издание."
    assert sorted(result_titles(client, "ru", "независимый")) == ["Кто мы", "Поддержать"]
    # Azerbaijani is stemmed: the bare word finds "jurnalistikaya", typed without its letters too.
    assert result_titles(client, "az", "jurnalistika") == ["Dəstək olun"]
    assert result_titles(client, "az", "jurnalistikaya") == ["Dəstək olun"]


def test_best_match_first(client, site_tree, make_article):
    body_only = make_article(
        site_tree.news, title_en="Weather report", body=search_corpus.paragraph("Mentions the pipeline once.")
    )
    in_title = make_article(
        site_tree.news, title_en="Pipeline opens", body=search_corpus.paragraph("Gas flows west.")
    )
    assert result_titles(client, "en", "pipeline") == [in_title.title_en, body_only.title_en]


def test_results_show_card_details(client, soup, corpus):
    response = client.get("/ru/search/", {"q": "переговоры"})
    html = soup(response)
    card = html.select_one(".search-results li")
    assert card.select_one(".card-title a")["href"] == url_in(corpus.talks, "ru")
    assert card.select_one(".kicker").get_text(strip=True) == "Карабах"  # section, in Russian
    assert card.select_one("time")["datetime"]
    assert card.select_one("img") is not None
    assert "Standfirst ru" in card.select_one(".card-intro").get_text()


def test_unpublished_article_disappears(client, corpus):
    corpus.parade.unpublish()
    assert result_titles(client, "ru", "знамена") == []


def test_rebuild_command_restores_the_index(client, corpus):
    from django.core.management import call_command

    from search.models import SearchDocument

    SearchDocument.objects.all().delete()
    call_command("rebuild_search_documents", "--if-empty")
    assert title(corpus.talks, "ru") in result_titles(client, "ru", "переговоры")


def test_empty_query_shows_the_form(client, soup, site_tree):
    response = client.get("/az/search/")
    assert response.status_code == 200
    html = soup(response)
    assert html.select_one("form.search-form input[name=q]") is not None
    assert html.select_one(".search-results") is None
    assert html.select_one(".search-no-results") is None


def test_no_results_state(client, soup, corpus):
    response = client.get("/ru/search/", {"q": "гиппопотам"})
    html = soup(response)
    assert html.select_one(".search-no-results") is not None
    assert html.find("html")["lang"] == "ru"
    assert "гиппопотам" in html.select_one(".search-no-results").get_text()


def test_pagination_keeps_the_query(client, soup, site_tree, make_articles):
    make_articles(site_tree.news, 14, body=search_corpus.paragraph("Caspian shipping news."))
    first = soup(client.get("/en/search/", {"q": "caspian"}))
    assert len(first.select(".search-results > li")) == 12
    next_link = first.select_one("a[rel=next]")["href"]
    assert "q=caspian" in next_link and "page=2" in next_link
    second = client.get(f"/en/search/{next_link}")
    assert len(soup(second).select(".search-results > li")) == 2
    assert client.get("/en/search/", {"q": "caspian", "page": "-1"}).status_code == 200


def test_draft_changes_stay_out_until_published(client, corpus):
    page = corpus.parade
    page.title_ru = "Черновик о землетрясении"
    page.save_revision()
    assert result_titles(client, "ru", "землетрясения") == []
    assert result_titles(client, "ru", "знамена") == ["Герои парада"]
    page.get_latest_revision().publish()
    assert result_titles(client, "ru", "землетрясения") == ["Черновик о землетрясении"]
