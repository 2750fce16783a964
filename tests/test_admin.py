"""Editors create, edit and preview trilingual articles through Wagtail's real admin forms.

Field names come from the create form itself (wagtail-modeltranslation renames ``title`` to
``title_en``/``title_az``/``title_ru`` and so on); ``test_create_form_has_a_field_per_language`` pins them.
"""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from news.models import ArticlePage, CategoryIndexPage
from tests import factories
from tests.languages import LANGUAGES

TITLES = {
    "en": "Baku hosts peace talks",
    "az": "Bakı sülh danışıqlarına ev sahibliyi edir",
    "ru": "Баку принимает мирные переговоры",
}
SLUGS = {"en": "baku-hosts-peace-talks", "az": "baki-sulh-danisiqlari", "ru": "baku-mirnye-peregovory"}


def article_form_data(author, image, titles=TITLES, slugs=SLUGS, **extra):
    """What an editor submits: every language filled in, published."""
    languages = {
        code: {
            "title": titles[code],
            "slug": slugs[code],
            "ready": True,
            "intro": f"Standfirst {code}",
            "hero_caption": f"Caption {code}",
            "body": [
                ("heading", {"text": f"Heading {code}", "level": "h2"}),
                ("paragraph", rich_text(f"<p>Paragraph {code}.</p>")),
                ("quote", {"text": f"Quote {code}", "attribution": f"Speaker {code}"}),
            ],
        }
        for code in LANGUAGES
    }
    return factories.article_form_data(authors=[author], image=image, languages=languages, **extra)


def publish_data(data):
    return {**data, "action-publish": "action-publish"}


class ArticleCreationTest(WagtailPageTestCase):
    """Wagtail's own assertion: the create form accepts a complete trilingual article."""

    def setUp(self):
        self.tree = factories.site_tree()
        self.user = self.login()

    def test_editor_can_create_a_trilingual_article(self):
        author, image = factories.AuthorFactory(), factories.ImageFactory()
        self.assertCanCreate(self.tree.economy, ArticlePage, article_form_data(author, image))
        article = ArticlePage.objects.get(slug_en=SLUGS["en"])
        self.assertEqual([article.title_en, article.title_az, article.title_ru], list(TITLES.values()))
        self.assertEqual(article.get_parent().pk, self.tree.economy.pk)

    def test_articles_live_only_in_sections(self):
        self.assertAllowedParentPageTypes(ArticlePage, {CategoryIndexPage})
        self.assertCanNotCreateAt(ArticlePage, ArticlePage)


@pytest.fixture
def author_and_image(db):
    return factories.AuthorFactory(), factories.ImageFactory()


@pytest.fixture
def russian_editor(admin_client_in):
    return admin_client_in("ru")


def test_create_form_has_a_field_per_language(admin_client, site_tree):
    response = admin_client.get(f"/admin/pages/add/news/articlepage/{site_tree.economy.pk}/")
    assert response.status_code == 200
    names = {field.get("name") for field in BeautifulSoup(response.content, "html.parser").select("[name]")}
    for code in LANGUAGES:
        assert {f"title_{code}", f"slug_{code}", f"intro_{code}"} <= names
    assert "article_authors-TOTAL_FORMS" in names


def base_columns(pk):
    return Page.objects.values("title", "slug", "url_path", "draft_title", "title_ru", "slug_ru").get(pk=pk)


def test_russian_admin_creates_an_article_with_english_base_columns(
    russian_editor, site_tree, author_and_image
):
    form = russian_editor.get(f"/admin/pages/add/news/articlepage/{site_tree.economy.pk}/")
    assert BeautifulSoup(form.content, "html.parser").html["lang"] == "ru"  # the admin is in Russian
    response = russian_editor.post(
        f"/admin/pages/add/news/articlepage/{site_tree.economy.pk}/",
        publish_data(article_form_data(*author_and_image)),
    )
    assert response.status_code == 302, response.content[:3000]
    article = ArticlePage.objects.get(slug_en=SLUGS["en"])
    assert article.live
    assert base_columns(article.pk) == {
        "title": TITLES["en"],
        "slug": SLUGS["en"],
        "draft_title": TITLES["en"],
        "url_path": f"/home/news/economy/{SLUGS['en']}/",
        "title_ru": TITLES["ru"],
        "slug_ru": SLUGS["ru"],
    }


@pytest.mark.parametrize("editor", ["admin_client", "russian_editor"])
def test_editing_a_published_article_updates_each_language(
    request, client, soup, site_tree, make_article, author_and_image, editor
):
    editor_client = request.getfixturevalue(editor)
    article = make_article(site_tree.economy, title_en="Old title", slugs={"en": "old-title"})
    new_titles = {**TITLES, "en": "New title"}
    response = editor_client.post(
        f"/admin/pages/{article.pk}/edit/",
        publish_data(article_form_data(*author_and_image, titles=new_titles)),
    )
    assert response.status_code == 302, response.content[:3000]
    assert base_columns(article.pk) == {
        "title": "New title",
        "slug": SLUGS["en"],
        "draft_title": "New title",
        "url_path": f"/home/news/economy/{SLUGS['en']}/",
        "title_ru": TITLES["ru"],
        "slug_ru": SLUGS["ru"],
    }
    for code, path in [
        ("en", f"/en/news/economy/{SLUGS['en']}/"),
        ("ru", f"/ru/novosti/ekonomika/{SLUGS['ru']}/"),
    ]:
        page = client.get(path)
        assert page.status_code == 200
        assert soup(page).find("h1").get_text(strip=True) == new_titles[code]


@pytest.mark.parametrize("editor, language", [("admin_client", "en"), ("russian_editor", "ru")])
def test_preview_shows_the_unsaved_article(
    request, site_tree, make_article, author_and_image, soup, editor, language
):
    editor_client = request.getfixturevalue(editor)
    article = make_article(site_tree.economy)
    url = f"/admin/pages/{article.pk}/edit/preview/"
    draft = {**TITLES, "en": "Draft headline", "ru": "Черновой заголовок"}
    response = editor_client.post(url, article_form_data(*author_and_image, titles=draft))
    assert response.status_code == 200
    assert json.loads(response.content)["is_valid"] is True
    preview = editor_client.get(url)
    assert preview.status_code == 200
    doc = soup(preview)
    assert doc.find("h1").get_text(strip=True) == draft[language]
    assert ArticlePage.objects.get(pk=article.pk).title_en != "Draft headline"  # nothing saved
