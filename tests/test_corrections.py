"""Corrections and significant updates: dated correction notes at the foot of an article in each language,
the "significant update" box that records when a story changed ("Updated <time>" in the byline, JSON-LD
``dateModified``), and the corrections page of each language (``/<lang>/corrections/``)."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from modelcluster.models import get_all_child_relations
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from news.models import ArticleCorrection, ArticlePage
from news.models.pages import ARTICLES_PER_PAGE
from seo.absolute import w3c
from tests import factories
from tests.languages import LANGUAGES
from translations.links import page_url

TEXTS = {
    "en": "An earlier version misstated the pipeline's capacity.",
    "az": "Əvvəlki versiyada boru kəmərinin gücü səhv göstərilmişdi.",
    "ru": "В первой версии была неверно указана мощность трубопровода.",
}
SHOWN = {
    "en": f"Correction, Dec. 3, 2026: {TEXTS['en']}",
    "az": f"Düzəliş, 3 dekabr 2026: {TEXTS['az']}",
    "ru": f"Исправление, 3 декабря 2026 г.: {TEXTS['ru']}",
}
# "Updated" and the date and time in the language's own format: Azerbaijani months in lower case.
UPDATED_LINE = {
    "en": re.compile(r"Updated [A-Z][a-z]+\.? \d{1,2}, \d{4}, .+"),
    "az": re.compile(r"Yeniləndi: \d{1,2} [a-zəçğıöşü]+ \d{4}, \d{1,2}:\d{2}"),
    "ru": re.compile(r"Обновлено \d{1,2} [а-я]+ \d{4} г\. \d{1,2}:\d{2}"),
}


def json_ld(html):
    return [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]


def news_article(html):
    return next(item for item in json_ld(html) if item.get("@type") == "NewsArticle")


def publish_with(article, *corrections, significant=False):
    """What an editor does: add correction notes, maybe tick the box, press Publish."""
    with translation.override("en"):
        for date, texts in corrections:
            article.corrections.add(
                ArticleCorrection(date=date, **{f"text_{code}": text for code, text in texts.items()})
            )
        article.significant_update = significant
        article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


@pytest.fixture
def article(site_tree, make_article):
    return make_article(site_tree.energy, title_en="Pipeline deal signed")


# --- At the foot of the article -------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_correction_is_shown_at_the_foot_with_its_date_in_each_language(client, soup, article, language):
    publish_with(article, (datetime.date(2026, 12, 3), TEXTS))
    html = soup(client.get(page_url(article, language)))
    notes = [" ".join(li.get_text().split()) for li in html.select(".article-body .corrections .correction")]
    assert notes == [SHOWN[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_correction_shows_only_in_the_languages_it_is_written_in(client, soup, article, language):
    publish_with(
        article,
        (datetime.date(2026, 11, 30), {"en": "First note."}),
        (datetime.date(2026, 12, 2), {"en": "Second note.", "ru": "Вторая заметка."}),
    )
    html = soup(client.get(page_url(article, language)))
    notes = [li.get_text() for li in html.select(".corrections .correction")]
    expected = {"en": ["First note.", "Second note."], "az": [], "ru": ["Вторая заметка."]}[language]
    assert [note.split(": ", 1)[1] for note in notes] == expected  # oldest first
    assert (html.select_one(".corrections") is None) is (not expected)


# --- Significant update --------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_without_the_box_ticked_there_is_no_updated_line_and_date_modified_is_unchanged(
    client, soup, article, language
):
    article = publish_with(article)
    html = soup(client.get(page_url(article, language)))
    assert html.select_one(".article-meta .updated") is None
    assert article.last_significant_update is None
    assert news_article(html)["dateModified"] == w3c(article.modified_date)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_significant_update_shows_updated_and_becomes_date_modified(client, soup, article, language):
    before = timezone.now()
    article = publish_with(article, significant=True)
    updated = article.last_significant_update
    assert updated is not None and updated >= before.replace(microsecond=0)
    assert article.significant_update is False  # cleared for the next publish

    html = soup(client.get(page_url(article, language)))
    line = html.select_one(".article-meta .updated")
    local = timezone.localtime(updated)
    assert line.find("time")["datetime"] == local.isoformat()
    assert UPDATED_LINE[language].fullmatch(" ".join(line.get_text().split())), line.get_text()
    assert news_article(html)["dateModified"] == w3c(updated)
    assert html.find("meta", property="article:modified_time") is not None

    # A minor fix later (box not ticked) keeps the time of the significant update.
    later = publish_with(article)
    assert later.last_significant_update == updated
    html = soup(client.get(page_url(later, language)))
    assert news_article(html)["dateModified"] == w3c(updated)


def child_formsets(data):
    """Empty formsets for the article's other inline panels (what the edit form posts when none is added)."""
    for relation in get_all_child_relations(ArticlePage):
        name = relation.get_accessor_name()
        if f"{name}-TOTAL_FORMS" not in data:
            data.update(nested_form_data({name: inline_formset([])}))
    return data


def edit_form_data(article, author, image, *, significant, corrections):
    languages = {
        code: {
            "title": getattr(article, f"title_{code}"),
            "slug": getattr(article, f"slug_{code}"),
            "intro": getattr(article, f"intro_{code}"),
            "ready": True,
            "body": [("paragraph", rich_text(f"<p>Body {code}</p>"))],
        }
        for code in LANGUAGES
    }
    extra = {"corrections": inline_formset(corrections), "action-publish": "action-publish"}
    if significant:
        extra["significant_update"] = "on"
    data = factories.article_form_data(authors=[author], image=image, languages=languages, **extra)
    return child_formsets(data)


def test_an_editor_publishes_a_correction_and_a_significant_update_from_the_admin(
    admin_client, client, soup, article
):
    author = article.authors[0]
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    form = soup(admin_client.get(edit_url))
    assert form.find("input", attrs={"name": "significant_update", "type": "checkbox"}) is not None
    assert form.find(attrs={"name": "corrections-TOTAL_FORMS"}) is not None

    note = {"date": "2026-12-03", **{f"text_{code}": text for code, text in TEXTS.items()}}
    data = edit_form_data(article, author, article.hero_image, significant=True, corrections=[note])
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.last_significant_update is not None
    assert not article.significant_update
    for language in LANGUAGES:
        html = soup(client.get(page_url(article, language)))
        assert html.select_one(".article-meta .updated") is not None
        notes = [" ".join(li.get_text().split()) for li in html.select(".corrections .correction")]
        assert notes == [SHOWN[language]]
    # The next edit starts with the box cleared.
    form = soup(admin_client.get(edit_url))
    assert not form.find("input", attrs={"name": "significant_update"}).has_attr("checked")


def test_an_empty_correction_is_refused_with_a_clear_message(admin_client, article):
    empty = {"date": "2026-12-03", **{f"text_{code}": "" for code in LANGUAGES}}
    data = edit_form_data(
        article, article.authors[0], article.hero_image, significant=False, corrections=[empty]
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 200
    assert "Write the correction in at least one language." in response.content.decode()
    assert not ArticleCorrection.objects.filter(page=article).exists()


# --- The corrections page ------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_corrections_page_lists_corrected_articles_newest_correction_first(
    client, soup, site_tree, make_article, language
):
    old = make_article(site_tree.economy, title_en="Old correction")
    new = make_article(site_tree.economy, title_en="New correction")
    english = make_article(site_tree.economy, title_en="English-only correction")
    make_article(site_tree.economy, title_en="Never corrected")
    publish_with(old, (datetime.date(2026, 11, 1), TEXTS))
    publish_with(new, (datetime.date(2026, 12, 3), TEXTS))
    publish_with(english, (datetime.date(2026, 12, 1), {"en": "English note."}))

    response = client.get(f"/{language}/corrections/")

    assert response.status_code == 200
    html = soup(response)
    titles = [a.get_text(strip=True) for a in html.select(".corrections-item .card-title a")]
    expected = [new, english, old] if language == "en" else [new, old]
    assert titles == [getattr(article, f"title_{language}") for article in expected]
    assert html.select_one(".corrections-item .card-title a")["href"] == page_url(new, language)
    first_note = " ".join(html.select_one(".corrections-item .correction").get_text().split())
    assert first_note == SHOWN[language]
    assert html.find("link", rel="canonical")["href"] == f"http://localhost/{language}/corrections/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_corrections_page_says_so_when_there_are_none(client, soup, site_tree, language):
    html = soup(client.get(f"/{language}/corrections/"))
    expected = {
        "en": "No corrections in this language yet.",
        "az": "Bu dildə hələ düzəliş yoxdur.",
        "ru": "На этом языке исправлений пока нет.",
    }[language]
    assert html.find(class_="empty").get_text(strip=True) == expected


def corrected_articles(site_tree, count):
    articles = []
    for number in range(count):
        article = factories.create_article(site_tree.opinion, publish_it=False)
        ArticleCorrection.objects.create(
            page=article,
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
            **{f"text_{c}": t for c, t in TEXTS.items()},
        )
        articles.append(article)
    return articles


def test_corrections_page_paginates_and_bad_pages_are_404(client, soup, site_tree):
    corrected_articles(site_tree, ARTICLES_PER_PAGE + 1)
    second = client.get("/ru/corrections/", {"page": "2"})
    assert second.status_code == 200
    assert len(soup(second).select(".corrections-item")) == 1
    assert soup(second).find("link", rel="canonical")["href"] == "http://localhost/ru/corrections/?page=2"
    for value in ["0", "3", "x"]:
        assert client.get("/ru/corrections/", {"page": value}).status_code == 404


def test_corrections_page_query_count_stays_flat(client, site_tree):
    corrected_articles(site_tree, 2)

    def count():
        assert client.get("/az/corrections/").status_code == 200
        with CaptureQueriesContext(connection) as captured:
            client.get("/az/corrections/")
        return len(captured.captured_queries)

    before = count()
    corrected_articles(site_tree, 10)
    assert count() == before <= 12


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    settings.FRAGMENT_CACHE = True
    return settings


def test_corrections_page_is_cached_and_fresh_after_a_correction_is_published(
    client, soup, page_cache, article
):
    urls = [f"/{code}/corrections/" for code in LANGUAGES]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "HIT"
    publish_with(article, (datetime.date(2026, 12, 3), TEXTS))
    for code, url in zip(LANGUAGES, urls, strict=True):
        response = client.get(url)
        assert response["X-Page-Cache"] == "MISS"
        assert TEXTS[code] in soup(response).select_one(".corrections-item .correction").get_text()
