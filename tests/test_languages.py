"""Languages as a reader meets them: the switcher, hreflang alternates, the missing-translation policy
and the redirect from ``/``."""

from urllib.parse import urlparse

import pytest
from django.conf import settings

from tests.languages import LANGUAGES
from translations.links import page_url

DEFAULT = settings.LANGUAGE_CODE


def switcher_links(doc) -> dict[str, str]:
    """The language switcher's links by language: ``<a hreflang="ru">`` (or ``<a lang="ru">``)."""
    anchors = doc.body.select("a[hreflang]") or doc.body.select("a[lang]")
    links: dict[str, str] = {}
    for anchor in anchors:
        links.setdefault(anchor.get("hreflang") or anchor.get("lang"), anchor["href"])
    return links


def alternate_links(doc) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in doc.select('link[rel="alternate"][hreflang]')}


def path_of(url: str) -> str:
    return urlparse(url).path


def h1_text(doc) -> str:
    return doc.find("h1").get_text(" ", strip=True)


@pytest.fixture
def trilingual(site_tree, make_article):
    return make_article(
        site_tree.economy,
        title_en="Gas exports grow",
        title_az="Qaz ixracı artır",
        title_ru="Экспорт газа растёт",
        slugs={"en": "gas-exports-grow", "az": "qaz-ixraci-artir", "ru": "eksport-gaza-rastet"},
    )


@pytest.fixture
def without_russian(site_tree, make_article, tag):
    return make_article(
        site_tree.news,
        title_en="Only in two languages",
        title_az="Yalnız iki dildə",
        languages=("en", "az"),
        slugs={"en": "two-languages", "az": "iki-dilde"},
        tags=[tag],
    )


EXPECTED_TRILINGUAL = {
    "en": "/en/news/economy/gas-exports-grow/",
    "az": "/az/xeberler/iqtisadiyyat/qaz-ixraci-artir/",
    "ru": "/ru/novosti/ekonomika/eksport-gaza-rastet/",
}
TRILINGUAL_TITLES = {"en": "Gas exports grow", "az": "Qaz ixracı artır", "ru": "Экспорт газа растёт"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_links_to_the_same_article_in_every_language(client, soup, trilingual, language):
    response = client.get(EXPECTED_TRILINGUAL[language])
    assert response.status_code == 200
    links = switcher_links(soup(response))
    others = [code for code in LANGUAGES if code != language]
    assert set(others) <= set(links), f"switcher links found: {links}"
    for code, href in links.items():
        assert path_of(href) == EXPECTED_TRILINGUAL[code]
    for code in others:
        followed = client.get(links[code])
        assert followed.status_code == 200
        doc = soup(followed)
        assert doc.html["lang"] == code
        assert h1_text(doc) == TRILINGUAL_TITLES[code]


@pytest.mark.parametrize("language", LANGUAGES)
def test_hreflang_alternates_list_every_language_and_x_default(client, soup, trilingual, language):
    doc = soup(client.get(EXPECTED_TRILINGUAL[language]))
    alternates = alternate_links(doc)
    assert set(alternates) == {*LANGUAGES, "x-default"}
    for code in LANGUAGES:
        assert urlparse(alternates[code]).scheme in ("http", "https"), "hreflang URLs must be absolute"
        assert path_of(alternates[code]) == EXPECTED_TRILINGUAL[code]
    assert alternates["x-default"] == alternates[DEFAULT]
    for code in LANGUAGES:
        assert client.get(path_of(alternates[code])).status_code == 200


# --- Missing translation ----------------------------------------------------------------------------
def listing_urls(site_tree, tag, language):
    return {
        "home": page_url(site_tree.home, language),
        "section": page_url(site_tree.news, language),
        "tag": f"/{language}/tags/{tag.slug}/",
    }


def mentions(doc, article) -> bool:
    """Whether a listing shows ``article``: its title in any language, or a link to it."""
    text = doc.get_text(" ")
    titles = [t for t in (article.title_en, article.title_az, article.title_ru) if t]
    hrefs = [a["href"] for a in doc.select("a[href]")]
    slugs = [s for s in (article.slug_en, article.slug_az) if s]
    return any(t in text for t in titles) or any(f"/{slug}/" in href for href in hrefs for slug in slugs)


@pytest.mark.parametrize("listing", ["home", "section", "tag"])
def test_article_missing_a_language_is_left_out_of_that_languages_listings(
    client, soup, site_tree, make_article, tag, without_russian, listing
):
    complete = make_article(site_tree.news, title_en="In every language", tags=[tag])
    for language in LANGUAGES:
        response = client.get(listing_urls(site_tree, tag, language)[listing])
        assert response.status_code == 200
        doc = soup(response)
        assert mentions(doc, complete), f"{language} {listing} should list the complete article"
        assert mentions(doc, without_russian) == (language != "ru"), f"{language} {listing}"


def test_article_missing_a_language_has_hreflang_only_for_its_languages(client, soup, without_russian):
    doc = soup(client.get(page_url(without_russian, "en")))
    alternates = alternate_links(doc)
    assert set(alternates) == {"en", "az", "x-default"}
    assert path_of(alternates["az"]) == "/az/xeberler/iki-dilde/"
    assert alternates["x-default"] == alternates["en"]


def test_switcher_sends_russian_readers_to_the_section_when_the_article_has_no_russian(
    client, soup, without_russian
):
    doc = soup(client.get("/en/news/two-languages/"))
    links = switcher_links(doc)
    assert path_of(links["az"]) == "/az/xeberler/iki-dilde/"
    assert path_of(links["ru"]) == "/ru/novosti/"
    response = client.get(links["ru"])
    assert response.status_code == 200
    assert soup(response).html["lang"] == "ru"
    assert h1_text(soup(response)) == "Новости"


def test_article_missing_a_language_redirects_to_the_section_in_that_language(client, without_russian):
    response = client.get(page_url(without_russian, "ru"))
    assert response.status_code == 302
    assert path_of(response["Location"]) == "/ru/novosti/"


# --- "/" and unknown prefixes -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "accept, expected",
    [
        ("ru", "/ru/"),
        ("ru-RU,ru;q=0.9,en;q=0.5", "/ru/"),
        ("az", "/az/"),
        ("az-AZ,az;q=0.9", "/az/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, site_tree, accept, expected):
    response = client.get("/", headers={"accept-language": accept} if accept else {})
    assert response.status_code in (301, 302)
    assert path_of(response["Location"]) == expected
    assert client.get(expected).status_code == 200


@pytest.mark.parametrize("path", ["/xx/", "/de/news/", "/xx/news/economy/"])
def test_unknown_language_prefix_is_not_found(client, site_tree, path):
    """Django's LocaleMiddleware may first redirect to ``/en/xx/``; the reader ends on a 404 page."""
    response = client.get(path, follow=True)
    assert response.status_code == 404
    assert len(response.redirect_chain) <= 1


OTHER_PAGES = {
    "home": {"en": "/en/", "az": "/az/", "ru": "/ru/"},
    "energy": {"en": "/en/news/energy/", "az": "/az/xeberler/enerji/", "ru": "/ru/novosti/energetika/"},
    "about": {"en": "/en/about/", "az": "/az/haqqimizda/", "ru": "/ru/o-nas/"},
    "donate": {"en": "/en/donate/", "az": "/az/destek/", "ru": "/ru/podderzhat/"},
}


@pytest.mark.parametrize("name", list(OTHER_PAGES))
def test_switcher_and_hreflang_on_other_pages(client, soup, site_tree, name):
    expected = OTHER_PAGES[name]
    for language in LANGUAGES:
        response = client.get(expected[language])
        assert response.status_code == 200, expected[language]
        doc = soup(response)
        assert {code: path_of(href) for code, href in switcher_links(doc).items()} == expected
        alternates = alternate_links(doc)
        assert {code: path_of(alternates[code]) for code in LANGUAGES} == expected
        assert alternates["x-default"] == alternates[DEFAULT]


def test_tag_page_switcher_keeps_the_tag(client, soup, site_tree, tag):
    doc = soup(client.get(f"/ru/tags/{tag.slug}/", {"page": "1"}))
    links = switcher_links(doc)
    for code in LANGUAGES:
        assert path_of(links[code]) == f"/{code}/tags/{tag.slug}/"
        assert client.get(links[code]).status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_page_is_a_404_in_the_readers_language(client, soup, site_tree, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert soup(response).html["lang"] == language
