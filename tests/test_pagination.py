"""A section's pages of articles: bad ``?page=`` values give a real page, never an error."""

import pytest

from news.models.pages import ARTICLES_PER_PAGE
from tests.languages import LANGUAGES
from translations.links import page_url

TOTAL = ARTICLES_PER_PAGE + 3  # two pages: a full first page and a last page of three


@pytest.fixture
def section_with_two_pages(site_tree, make_articles):
    articles = make_articles(site_tree.opinion, TOTAL)
    # Newest first: the first page starts with the last one created.
    newest_first = sorted(articles, key=lambda a: (a.date, a.pk), reverse=True)
    return site_tree.opinion, newest_first


def shown_titles(response, language):
    page_of_articles = response.context["articles"]
    return [getattr(article, f"title_{language}") for article in page_of_articles.object_list]


BAD_INPUT = [
    ("", 1),
    ("1", 1),
    ("2", 2),
    ("abc", 1),
    ("1.5", 1),
    ("0", 2),  # Django's Paginator.get_page: out of range -> the last page
    ("-1", 2),
    ("99999", 2),
    ("2%00", 1),
]


def test_bad_page_numbers_show_a_sensible_page(client, section_with_two_pages):
    """One archive, every value (building the archive once keeps this quick)."""
    section, articles = section_with_two_pages
    for value, expected_page in BAD_INPUT:
        response = client.get(page_url(section, "en"), {"page": value})
        assert response.status_code == 200, f"?page={value!r}"
        assert response.context["articles"].number == expected_page, f"?page={value!r}"
        start = (expected_page - 1) * ARTICLES_PER_PAGE
        expected = [a.title_en for a in articles[start : start + ARTICLES_PER_PAGE]]
        assert shown_titles(response, "en") == expected, f"?page={value!r}"
        assert expected[0] in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_second_page_holds_the_oldest_articles_in_every_language(client, section_with_two_pages, language):
    section, articles = section_with_two_pages
    response = client.get(page_url(section, language), {"page": 2})
    assert response.status_code == 200
    titles = shown_titles(response, language)
    assert titles == [getattr(a, f"title_{language}") for a in articles[ARTICLES_PER_PAGE:]]
    text = response.content.decode()
    assert all(title in text for title in titles)
    assert getattr(articles[0], f"title_{language}") not in text
