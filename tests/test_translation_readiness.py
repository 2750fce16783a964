"""A language version reaches readers only once marked ready: listings, article URL, switcher, hreflang,
search, feeds and sitemaps all follow the same rule; the admin form starts a new translation unticked."""

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import ArticlePage
from tests import factories
from tests.languages import LANGUAGES
from translations.availability import available_languages

TITLE_RU = "Русская версия готовится"


@pytest.fixture
def draft_russian(site_tree, make_article):
    """Published in English and Azerbaijani; the Russian version is written but not ready."""
    return make_article(site_tree.opinion, title_en="English is out", title_ru=TITLE_RU, ready_ru=False)


def test_not_ready_language_is_hidden_from_readers(client, soup, draft_russian, site_tree):
    article = draft_russian
    assert available_languages(article) == ["en", "az"]

    english = client.get(article.url_path_en.replace("/home/", "/en/", 1))
    assert english.status_code == 200
    alternates = {link["hreflang"] for link in soup(english).select('link[rel="alternate"][hreflang]')}
    assert alternates == {"en", "az", "x-default"}
    switcher = {a["hreflang"]: a for a in soup(english).select(".lang-switcher a[hreflang]")}
    assert switcher["ru"]["href"] == "/ru/mnenie/" and "is-missing" in switcher["ru"]["class"]
    assert switcher["az"]["href"] == article.url_path_az.replace("/home/", "/az/", 1)

    russian_url = article.url_path_ru.replace("/home/", "/ru/", 1)
    response = client.get(russian_url)
    assert response.status_code == 302 and response["Location"] == "/ru/mnenie/"

    for url in ("/ru/", "/ru/mnenie/", "/ru/feed/rss/", "/sitemap-news-ru.xml", "/sitemap-pages.xml"):
        body = client.get(url).content.decode()
        assert TITLE_RU not in body and russian_url not in body, url
    assert TITLE_RU not in client.get("/ru/search/", {"q": "версия"}).content.decode()
    # English readers still find it.
    assert "English is out" in client.get("/en/opinion/").content.decode()


def test_marking_ready_publishes_the_language(client, draft_russian):
    article = ArticlePage.objects.get(pk=draft_russian.pk)
    article.ready_ru = True
    factories.publish(article)
    assert TITLE_RU in client.get("/ru/mnenie/").content.decode()
    assert client.get(article.url_path_ru.replace("/home/", "/ru/", 1)).status_code == 200
    assert TITLE_RU in client.get("/ru/feed/rss/").content.decode()


def test_default_language_can_be_held_back_too(client, site_tree, make_article):
    article = make_article(site_tree.opinion, title_en="Not yet in English", ready_en=False)
    assert "Not yet in English" not in client.get("/en/opinion/").content.decode()
    assert client.get(article.url_path_en.replace("/home/", "/en/", 1)).status_code == 302


# --- The admin form ------------------------------------------------------------------------------
def checkbox(response, name):
    return BeautifulSoup(response.content, "html.parser").select_one(f'input[name="{name}"]')


def test_new_article_form_starts_translations_unticked(admin_client, site_tree):
    response = admin_client.get(f"/admin/pages/add/news/articlepage/{site_tree.opinion.pk}/")
    assert checkbox(response, "ready_en").has_attr("checked")
    assert not checkbox(response, "ready_az").has_attr("checked")
    assert not checkbox(response, "ready_ru").has_attr("checked")


def test_edit_form_shows_the_stored_readiness(admin_client, draft_russian):
    response = admin_client.get(f"/admin/pages/{draft_russian.pk}/edit/")
    assert checkbox(response, "ready_az").has_attr("checked")
    assert not checkbox(response, "ready_ru").has_attr("checked")


def form_data(article, author, image, titles, ready):
    data = {
        "date": "2025-11-14 10:00",
        "hero_image": image.pk,
        "hero_credit": "",
        "source_url": "",
        "go_live_at": "",
        "expire_at": "",
        "article_authors": inline_formset([{"author": author.pk}]),
        "action-publish": "action-publish",
    }
    for code in LANGUAGES:
        data.update(
            {
                f"title_{code}": titles.get(code, ""),
                f"slug_{code}": getattr(article, f"slug_{code}") or "",
                f"intro_{code}": f"Standfirst {code}" if code in titles else "",
                f"hero_caption_{code}": "",
                f"hero_alt_{code}": "",
                f"source_name_{code}": "",
                f"seo_title_{code}": "",
                f"search_description_{code}": "",
                f"body_{code}": streamfield(
                    [("paragraph", rich_text(f"<p>Text {code}</p>"))] if code in titles else []
                ),
            }
        )
        if code in ready:
            data[f"ready_{code}"] = "on"
    return nested_form_data(factories.with_empty_inlines(data))


@pytest.mark.parametrize("admin_language", LANGUAGES)
def test_translator_adds_russian_then_marks_it_ready(
    client, admin_client_in, site_tree, make_article, admin_language
):
    editor = admin_client_in(admin_language)  # the same client: readers' pages are fetched with it too
    article = make_article(site_tree.opinion, title_en="Gas pipeline", languages=("en",))
    author, image = factories.AuthorFactory(), factories.ImageFactory()
    titles = {"en": "Gas pipeline", "ru": "Газопровод"}
    url = f"/admin/pages/{article.pk}/edit/"

    assert editor.get(url).status_code == 200
    response = editor.post(url, form_data(article, author, image, titles, ready={"en"}))
    assert response.status_code == 302, response.content[:2000]
    article.refresh_from_db()
    # Whatever the admin language, each language's text lands in its own fields.
    assert (article.title, article.title_en, article.title_ru, article.title_az) == (
        "Gas pipeline",
        "Gas pipeline",
        "Газопровод",
        None,
    )
    assert article.intro_ru == "Standfirst ru" and article.intro_en == "Standfirst en"
    assert article.slug_ru == "gazoprovod" and article.slug == article.slug_en
    assert (article.ready_en, article.ready_ru) == (True, False)
    assert "Газопровод" not in client.get("/ru/mnenie/").content.decode()

    response = editor.post(url, form_data(article, author, image, titles, ready={"en", "ru"}))
    assert response.status_code == 302
    assert "Газопровод" in client.get("/ru/mnenie/").content.decode()
    assert client.get("/ru/mnenie/gazoprovod/").status_code == 200
