"""What readers see on the results page: snippets with the matched words marked (through stems and
folded letters too), safely escaped; "Did you mean" for a misspelt query; the live box's results are
the first results of "View all results"."""

import pytest

from tests.search_corpus import article_in, result_titles


def snippets(soup, response):
    return soup(response).select(".search-results .search-snippet")


def test_snippet_marks_the_matched_words_through_stems_and_folding(client, soup, site_tree, make_article):
    article_in(
        make_article,
        site_tree.news,
        "az",
        "Yeni muzey",
        "Dünən Bakıda yeni muzey açıldı. Muzeyin kolleksiyası Bakının tarixindən danışır.",
    )
    [snippet] = snippets(soup, client.get("/az/search/", {"q": "baki"}))
    assert [mark.get_text() for mark in snippet.select("mark")] == ["Bakıda", "Bakının"]
    assert "yeni muzey açıldı" in snippet.get_text()


def test_snippet_marks_russian_forms(client, soup, site_tree, make_article):
    article_in(
        make_article,
        site_tree.news,
        "ru",
        "Стройка",
        "Строители начали работу. Они начнут вторую очередь весной.",
    )
    [snippet] = snippets(soup, client.get("/ru/search/", {"q": "начнем"}))
    assert [mark.get_text() for mark in snippet.select("mark")] == ["начали", "начнут"]


def test_snippet_text_is_escaped(client, soup, site_tree, make_article):
    article_in(
        make_article,
        site_tree.news,
        "en",
        "Markup",
        "Tom &amp; Jerry: 5 &lt; 7 &gt; 3, &lt;img src=x onerror=alert(1)&gt; about the caviar.",
    )
    html = client.get("/en/search/", {"q": "caviar"}).content.decode()
    [snippet] = snippets(soup, client.get("/en/search/", {"q": "caviar"}))
    assert "Tom & Jerry: 5 < 7 > 3," in snippet.get_text()
    assert "Tom &amp; Jerry: 5 &lt; 7 &gt; 3," in html
    assert "<mark>caviar</mark>" in html
    assert "<img src=x" not in html and "onerror" not in html


def test_long_text_shows_the_passage_with_the_match(client, soup, site_tree, make_article):
    filler = " ".join(f"word{n}" for n in range(200))
    article_in(
        make_article,
        site_tree.news,
        "en",
        "Long read",
        f"{filler} The sturgeon returned to the river. {filler}",
    )
    [snippet] = snippets(soup, client.get("/en/search/", {"q": "sturgeon"}))
    text = snippet.get_text()
    assert text.startswith("…") and text.endswith("…")
    assert len(text.split()) < 40
    assert snippet.select_one("mark").get_text() == "sturgeon"


@pytest.mark.parametrize(
    ("language", "typed", "suggested", "title"),
    [
        ("en", "sanctoins", "sanction", "Sides agree to new sanction talks"),
        ("az", "Qarabah", "qarabağ", "Tərəflər Qarabağ barədə danışıqlara razılaşdı"),
        ("ru", "перенговоры", "переговорах", "Стороны договорились о новых переговорах"),
    ],
)
def test_did_you_mean(client, soup, corpus, language, typed, suggested, title):
    html = soup(client.get(f"/{language}/search/", {"q": typed}))
    link = html.select_one(".search-no-results .search-suggestion a")
    assert link.get_text() == suggested
    assert title in result_titles(client, language, suggested)
    assert html.select_one(".search-no-results").get_text()


def test_no_suggestion_without_a_close_word(client, soup, corpus):
    html = soup(client.get("/en/search/", {"q": "xylophone"}))
    assert html.select_one(".search-no-results") is not None
    assert html.select_one(".search-suggestion") is None


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("az", "Bak"),
        ("az", "Qaraba"),
        ("ru", "перегово"),
        ("ru", "знамен"),
        ("en", "sanc"),
        ("en", "veteran marc"),
    ],
)
def test_live_box_and_view_all_results_agree(client, corpus, make_articles, site_tree, language, typed):
    live = client.get(f"/{language}/search/live/", {"q": typed}).json()
    assert live["results"], typed
    page = client.get(live["all_url"])
    titles = [item["page"].title for item in page.context["results"].items]
    assert [item["title"] for item in live["results"]] == titles[: len(live["results"])]
