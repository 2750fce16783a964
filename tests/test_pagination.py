"""A section's pages of articles: each page its own canonical URL (``?page=1`` canonicalises to the bare
URL), hreflang to the same page in the other languages, anything that is not a page a clear 404."""

import pytest
from django.utils import timezone

from news.models.pages import ARTICLES_PER_PAGE
from tests import factories
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


NOT_A_PAGE = ["", "abc", "1.5", "0", "-1", "3", "99999", "2%00", "\u0662"]


def test_bad_page_numbers_answer_404(client, section_with_two_pages):
    """A page number that is not a page of the list is a clear 404 (each listing page is one URL)."""
    section, _articles = section_with_two_pages
    for value in NOT_A_PAGE:
        response = client.get(page_url(section, "en"), {"page": value})
        assert response.status_code == 404, f"?page={value!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_one_canonicalises_to_the_bare_url(client, soup, section_with_two_pages, language):
    section, articles = section_with_two_pages
    url = page_url(section, language)
    response = client.get(url, {"page": "1"})
    assert response.status_code == 200
    assert response.context["articles"].number == 1
    assert soup(response).find("link", rel="canonical")["href"].endswith(url)
    assert getattr(articles[0], f"title_{language}") in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_is_its_own_canonical_with_hreflang_to_the_same_page(
    client, soup, section_with_two_pages, language
):
    section, _articles = section_with_two_pages
    first = soup(client.get(page_url(section, language)))
    assert first.find("link", rel="canonical")["href"].endswith(page_url(section, language))
    second = soup(client.get(page_url(section, language), {"page": 2}))
    assert second.find("link", rel="canonical")["href"].endswith(f"{page_url(section, language)}?page=2")
    alternates = {
        link["hreflang"]: link["href"] for link in second.find_all("link", rel="alternate", hreflang=True)
    }
    for code in LANGUAGES:
        assert alternates[code].endswith(f"{page_url(section, code)}?page=2"), code
    assert alternates["x-default"] == alternates["en"]


def test_hreflang_leaves_out_a_language_without_that_page(client, soup, site_tree, make_articles):
    """Page 2 exists in English only: the Russian and Azerbaijani alternates are left out there."""
    make_articles(site_tree.opinion, ARTICLES_PER_PAGE + 1, languages=["en"])
    make_articles(site_tree.opinion, 2)
    page = soup(client.get(page_url(site_tree.opinion, "en"), {"page": 2}))
    alternates = {link["hreflang"] for link in page.find_all("link", rel="alternate", hreflang=True)}
    assert alternates == {"en", "x-default"}


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


@pytest.mark.parametrize("language", LANGUAGES)
def test_kept_lists_follow_each_publish_and_unpublish(
    client, settings, site_tree, make_articles, tag, language
):
    """In production a listing's ids are kept until the next change (``news.listings``): the pages of a
    section and of a tag show a new article at once, push the others a page down, and drop it again when
    it is unpublished."""
    settings.FRAGMENT_CACHE = True
    older = make_articles(site_tree.opinion, TOTAL, tags=[tag])
    older.sort(key=lambda a: (a.date, a.pk), reverse=True)
    listings = [page_url(site_tree.opinion, language), f"/{language}/tags/{tag.slug}/"]

    def titles(url, number):
        response = client.get(url, {"page": number})
        assert response.status_code == 200, (url, number)
        shown = shown_titles(response, language)
        assert all(title in response.content.decode() for title in shown)
        return shown

    def title(article):
        return getattr(article, f"title_{language}")

    for url in listings:
        assert titles(url, 2) == [title(a) for a in older[ARTICLES_PER_PAGE:]]
        assert client.get(url, {"page": 3}).status_code == 404
    new = factories.create_article(site_tree.opinion, tags=[tag], date=timezone.now())
    for url in listings:
        assert titles(url, 1)[0] == title(new)
        assert titles(url, 2) == [title(a) for a in older[ARTICLES_PER_PAGE - 1 :]]
    new.unpublish()
    for url in listings:
        assert title(new) not in titles(url, 1)
        assert titles(url, 2) == [title(a) for a in older[ARTICLES_PER_PAGE:]]
