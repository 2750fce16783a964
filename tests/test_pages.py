"""Every page type renders in every language with that language's content, and the article page shows
what a reader expects: breadcrumbs, related and new articles, share links, the source line, reading time
and dates in the reader's language."""

import datetime
import re
from urllib.parse import unquote, urlparse
from zoneinfo import ZoneInfo

import pytest
from pytest_django.asserts import assertTemplateUsed

from news.models.pages import NEW_ARTICLES_COUNT, RELATED_COUNT
from tests.languages import LANGUAGES
from translations.links import page_url


def text_of(doc) -> str:
    """Visible text with non-breaking spaces made plain."""
    return re.sub(r"\s+", " ", doc.get_text(" ").replace("\xa0", " "))


def h1_text(doc) -> str:
    return doc.find("h1").get_text(" ", strip=True)


@pytest.fixture
def article(site_tree, make_article, tag):
    return make_article(
        site_tree.economy,
        title_en="Caspian gas reaches Europe",
        title_az="Xəzər qazı Avropaya çatır",
        title_ru="Каспийский газ доходит до Европы",
        tags=[tag],
    )


def rendered(client, soup, url, language):
    response = client.get(url)
    assert response.status_code == 200, url
    doc = soup(response)
    assert doc.html["lang"] == language
    return response, doc


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_lists_articles_in_the_language(client, soup, site_tree, article, language):
    response, doc = rendered(client, soup, f"/{language}/", language)
    assertTemplateUsed(response, "home/home_page.html")
    assert getattr(article, f"title_{language}") in text_of(doc)
    assert getattr(site_tree.news, f"title_{language}") in text_of(doc)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("section", ["news", "economy", "energy", "opinion", "karabakh"])
def test_sections_and_subsections_render_in_the_language(client, soup, site_tree, article, language, section):
    page = getattr(site_tree, section)
    response, doc = rendered(client, soup, page_url(page, language), language)
    assertTemplateUsed(response, "news/category_index_page.html")
    assert h1_text(doc) == getattr(page, f"title_{language}")
    if section in ("news", "economy"):  # the article is filed under Economy, a sub-section of News
        assert getattr(article, f"title_{language}") in text_of(doc)


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_renders_in_the_language_with_its_blocks(client, soup, article, language):
    response, doc = rendered(client, soup, page_url(article, language), language)
    assert h1_text(doc) == getattr(article, f"title_{language}")
    for template in (
        "news/article_page.html",
        "blocks/heading.html",
        "blocks/paragraph.html",
        "blocks/quote.html",
        "blocks/image.html",
    ):
        assertTemplateUsed(response, template)
    text = text_of(doc)
    assert f"Quote {language}" in text and f"Heading {language}" in text
    other_languages = [code for code in LANGUAGES if code != language]
    assert not any(f"Quote {code}" in text for code in other_languages)
    hero = doc.find("img", alt=f"Hero alt {language}")
    assert hero is not None and hero.get("src")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "which, template", [("about", "about/about_page.html"), ("donate", "about/content_page.html")]
)
def test_about_and_donate_render_in_the_language(client, soup, site_tree, language, which, template):
    page = getattr(site_tree, which)
    response, doc = rendered(client, soup, page_url(page, language), language)
    assertTemplateUsed(response, template)
    assert h1_text(doc) == getattr(page, f"title_{language}")
    assert getattr(page, f"intro_{language}") in text_of(doc)


@pytest.mark.parametrize("language", LANGUAGES)
def test_tag_page_renders_in_the_language(client, soup, article, tag, language):
    response, doc = rendered(client, soup, f"/{language}/tags/{tag.slug}/", language)
    assertTemplateUsed(response, "news/tag.html")
    assert getattr(tag, f"name_{language}") in h1_text(doc)
    assert getattr(article, f"title_{language}") in text_of(doc)


# --- Reading time and dates -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "words, expected",
    [(50, "1 минута"), (300, "2 минуты"), (900, "5 минут")],
)
def test_reading_time_uses_russian_plural_forms(client, soup, site_tree, make_article, words, expected):
    article = make_article(site_tree.opinion, words=words)
    with_language = client.get(page_url(article, "ru"))
    text = text_of(soup(with_language))
    assert re.search(rf"(?<!\d){expected}(?!\w)", text), f"{expected!r} not shown"


@pytest.mark.parametrize(
    "language, month",
    [("en", "nov"), ("az", "noyabr"), ("ru", "ноябр")],
)
def test_article_date_uses_the_languages_month_names(client, soup, site_tree, make_article, language, month):
    date = datetime.datetime(2025, 11, 14, 12, 0, tzinfo=ZoneInfo("Asia/Baku"))
    article = make_article(site_tree.opinion, date=date)
    doc = soup(client.get(page_url(article, language)))
    time = doc.find("time", attrs={"datetime": re.compile("^2025-11-14")})
    assert time is not None
    shown = time.get_text(" ", strip=True).lower()
    assert month in shown and "14" in shown and "2025" in shown
    if language != "en":
        assert "nov" not in shown


# --- What the article page shows ---------------------------------------------------------------------
def test_breadcrumbs_lead_home_then_to_the_sections(client, soup, site_tree, article):
    doc = soup(client.get(page_url(article, "ru")))
    # The breadcrumb trail: a labelled <nav> holding an ordered list that starts at the home page.
    trails = [nav for nav in doc.find_all("nav", attrs={"aria-label": True}) if nav.find("ol")]
    trails = [nav for nav in trails if (first := nav.find("a")) and first["href"] == "/ru/"]
    assert len(trails) == 1
    links = [(a.get_text(strip=True), a["href"]) for a in trails[0].find_all("a")]
    assert links[1:] == [("Новости", "/ru/novosti/"), ("Экономика", "/ru/novosti/ekonomika/")]


def test_related_articles_are_from_the_same_section_and_language(
    client, soup, site_tree, make_article, make_articles, article
):
    same_section = make_articles(site_tree.economy, RELATED_COUNT + 2)
    not_in_russian = make_articles(site_tree.economy, 2, languages=("en", "az"))
    elsewhere = make_articles(site_tree.energy, 3)
    doc = soup(client.get(page_url(article, "ru")))
    shown = [a["href"] for a in doc.select("section.related .card-title a")]
    assert len(shown) == RELATED_COUNT
    newest_first = sorted(same_section, key=lambda a: (a.date, a.pk), reverse=True)
    assert shown == [page_url(a, "ru") for a in newest_first[:RELATED_COUNT]]
    assert page_url(article, "ru") not in shown
    text = text_of(doc.select_one("section.related"))
    for hidden in not_in_russian:
        assert hidden.title_en not in text
    assert not set(shown) & {page_url(a, "ru") for a in elsewhere}


def test_new_articles_are_the_newest_ten_in_the_language_without_the_article(
    client, soup, site_tree, make_articles, article
):
    newer = make_articles(site_tree.karabakh, NEW_ARTICLES_COUNT + 2)
    doc = soup(client.get(page_url(article, "az")))
    items = doc.select(".article-aside .headline-list li")
    newest_first = sorted(newer, key=lambda a: (a.date, a.pk), reverse=True)[:NEW_ARTICLES_COUNT]
    assert [(li.a["href"], li.a.get_text()) for li in items] == [
        (page_url(a, "az"), a.title_az) for a in newest_first
    ]
    assert page_url(article, "az") not in {li.a["href"] for li in items}


def test_share_links_carry_the_article_address(client, soup, article):
    path = page_url(article, "en")
    doc = soup(client.get(path))
    shares = [
        a["href"]
        for a in doc.select("a[href^=http]")
        if urlparse(a["href"]).hostname not in ("testserver", "localhost") and path in unquote(a["href"])
    ]
    assert len(shares) >= 2, "expected share links (Facebook, X, Telegram...) with the article URL"


def test_source_line_shows_only_when_set(client, soup, site_tree, make_article, article):
    republished = make_article(
        site_tree.news,
        source_name="The Moscow Times",
        source_url="https://www.themoscowtimes.com/2025/11/14/a",
    )
    doc = soup(client.get(page_url(republished, "en")))
    source = doc.find("a", href="https://www.themoscowtimes.com/2025/11/14/a")
    assert source is not None and source.get_text(strip=True) == "The Moscow Times"
    assert "The Moscow Times" not in text_of(soup(client.get(page_url(article, "en"))))
