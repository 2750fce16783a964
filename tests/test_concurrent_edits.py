"""Two people editing one article from the same revision, through the real admin edit view: nobody
silently loses the other's work. What one person did not change keeps the other's newer text."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils.html import strip_tags
from wagtail.test.utils.form_data import rich_text

from news.models import ArticlePage
from tests import factories
from tests.languages import LANGUAGES
from translations.links import page_url

pytestmark = pytest.mark.django_db


def person(username):
    user = get_user_model().objects.create_superuser(username, f"{username}@example.org", "pw")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def article(site_tree, make_article):
    return make_article(
        site_tree.economy,
        title_en="Gas prices",
        title_az="Qaz qiymətləri",
        title_ru="Цены на газ",
        body={code: [{"type": "paragraph", "value": f"<p>Body {code} v1</p>"}] for code in LANGUAGES},
    )


def seen(article) -> dict:
    """What an editor who opens the article sees, per language."""
    return {
        code: {
            "title": getattr(article, f"title_{code}"),
            "intro": getattr(article, f"intro_{code}"),
            "body": f"<p>Body {code} v1</p>",
        }
        for code in LANGUAGES
    }


def open_editor(client, article) -> str:
    """GET the edit view; returns the revision the form was loaded from (its hidden input)."""
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("input", {"name": "loaded_revision_id"})[
        "value"
    ]


def save(client, article, loaded_revision_id, content, publish=False):
    languages = {
        code: {
            "title": content[code]["title"],
            "slug": getattr(article, f"slug_{code}"),
            "intro": content[code]["intro"],
            "ready": True,
            "body": [("paragraph", rich_text(content[code]["body"]))],
        }
        for code in LANGUAGES
    }
    extra = {
        "loaded_revision_id": loaded_revision_id,
        **({"action-publish": "action-publish"} if publish else {}),
    }
    data = factories.article_form_data(
        authors=[link.author for link in article.article_authors.all()],
        image=article.hero_image,
        languages=languages,
        **extra,
    )
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302, response.content[:3000]
    return client.get(response.url).content.decode()  # the page the editor lands on, with its messages


def latest(article):
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()


def body_text(page, code):
    return strip_tags(str(getattr(page, f"body_{code}")[0].value.source))


def edited(content, code, **changes):
    copy = {language: dict(fields) for language, fields in content.items()}
    copy[code].update(changes)
    return copy


def test_two_translators_in_different_languages_keep_both(article):
    azerbaijani, russian = person("leyla"), person("ivan")
    loaded_az, loaded_ru = open_editor(azerbaijani, article), open_editor(russian, article)
    base = seen(article)
    save(russian, article, loaded_ru, edited(base, "ru", intro="Intro ru v2", body="<p>Body ru v2</p>"))
    landed = save(
        azerbaijani, article, loaded_az, edited(base, "az", intro="Intro az v2", body="<p>Body az v2</p>")
    )

    page = latest(article)
    assert (page.intro_az, page.intro_ru) == ("Intro az v2", "Intro ru v2")
    assert body_text(page, "az") == "Body az v2"
    assert body_text(page, "ru") == "Body ru v2"
    assert page.intro_en == base["en"]["intro"]
    assert "their newer text is kept in" in landed
    assert "(Russian)" in landed


def test_an_editor_saving_english_keeps_the_translators_russian(article):
    editor, translator = person("editor"), person("translator")
    loaded_editor, loaded_translator = open_editor(editor, article), open_editor(translator, article)
    base = seen(article)
    save(
        translator,
        article,
        loaded_translator,
        edited(base, "ru", title="Цены на газ растут", body="<p>Новый текст</p>"),
    )
    save(editor, article, loaded_editor, edited(base, "en", title="Gas prices rise", intro="Intro en v2"))

    page = latest(article)
    assert page.title_en == "Gas prices rise" and page.intro_en == "Intro en v2"
    assert page.title_ru == "Цены на газ растут"
    assert body_text(page, "ru") == "Новый текст"


def test_both_publishing_puts_both_languages_live(client, article):
    editor, translator = person("editor"), person("translator")
    loaded_editor, loaded_translator = open_editor(editor, article), open_editor(translator, article)
    base = seen(article)
    save(
        translator,
        article,
        loaded_translator,
        edited(base, "ru", body="<p>Опубликовано переводчиком</p>"),
        publish=True,
    )
    save(
        editor,
        article,
        loaded_editor,
        edited(base, "en", body="<p>Published by the editor</p>"),
        publish=True,
    )

    live = ArticlePage.objects.get(pk=article.pk)
    assert "Published by the editor" in client.get(page_url(live, "en")).content.decode()
    assert "Опубликовано переводчиком" in client.get(page_url(live, "ru")).content.decode()


def test_both_changing_the_same_field_tells_the_second_whose_text_they_replaced(article):
    first, second = person("first"), person("second")
    loaded_first, loaded_second = open_editor(first, article), open_editor(second, article)
    base = seen(article)
    save(first, article, loaded_first, edited(base, "ru", intro="Первый вариант"))
    landed = save(second, article, loaded_second, edited(base, "ru", intro="Второй вариант", title="Газ"))

    page = latest(article)
    assert page.intro_ru == "Второй вариант" and page.title_ru == "Газ"
    assert "both changed" in landed and "Standfirst (Russian)" in landed
    # The first person's text is still in the page's history.
    intros = [
        revision.as_object().intro_ru for revision in ArticlePage.objects.get(pk=article.pk).revisions.all()
    ]
    assert "Первый вариант" in intros


def test_a_save_from_the_latest_revision_merges_nothing(article):
    editor = person("editor")
    landed = save(
        editor, article, open_editor(editor, article), edited(seen(article), "en", intro="Intro en v2")
    )
    assert latest(article).intro_en == "Intro en v2"
    assert "newer text is kept" not in landed and "both changed" not in landed
