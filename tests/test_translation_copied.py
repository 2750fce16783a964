"""A language still repeating the text it was copied from is "copied, not translated", and is not made
ready for readers without an explicit confirmation."""

import pytest
from django.urls import reverse

from news.models import ArticlePage
from tests.editor_fixtures import edit_form_data


def latest(article):
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()


def ru_status(admin_client, soup, article):
    cell = soup(admin_client.get(reverse("newsdesk:status"))).select_one(
        f'tr[data-article="{article.pk}"] td[data-language="ru"]'
    )
    return cell["data-status"]


@pytest.fixture
def copied(admin_client, site_tree, make_article):
    """An English article whose Russian version was started from English."""
    article = make_article(site_tree.opinion, title_en="Only in English", languages=("en",))
    response = admin_client.post(
        reverse("newsdesk:copy", args=[article.pk]), {"source": "en", "target": "ru"}
    )
    assert response.status_code == 302
    return article


def test_a_copied_language_is_not_called_translated(admin_client, soup, copied):
    url = reverse("wagtailadmin_pages:edit", args=[copied.pk])
    data = edit_form_data(latest(copied), title_ru="Только по-английски")
    assert admin_client.post(url, {**data, "action-publish": "publish"}).status_code == 302
    assert ru_status(admin_client, soup, copied) == "copied"
    panel = soup(admin_client.get(reverse("wagtailadmin_home"))).select_one("[data-translation-counts]")
    assert panel.select_one('tr[data-language="ru"] [data-count="copied"]').text == "1"


def test_making_a_copy_ready_asks_for_confirmation(admin_client_in, soup, copied):
    editor = admin_client_in("ru")
    url = reverse("wagtailadmin_pages:edit", args=[copied.pk])
    data = edit_form_data(latest(copied), title_ru="Только по-английски", ready_ru="on")

    refused = editor.post(url, data)
    assert refused.status_code == 200
    page = soup(refused)
    error = page.select_one("[data-field-wrapper] .error-message, .w-field__errors")
    errors = " ".join(e.get_text(" ", strip=True) for e in page.select(".error-message"))
    assert "скопирован" in errors, errors  # in the editor's language
    assert page.select_one("#id_title_ru")["value"] == "Только по-английски"  # what they typed is kept
    assert page.select_one('input[name="publish_copies"][value="ru"]') is not None
    assert latest(copied).ready_ru is False
    assert error is not None

    confirmed = editor.post(url, {**data, "publish_copies": ["ru"]})
    assert confirmed.status_code == 302
    assert latest(copied).ready_ru is True


def test_a_translated_text_needs_no_confirmation(admin_client, soup, copied):
    url = reverse("wagtailadmin_pages:edit", args=[copied.pk])
    draft = latest(copied)
    data = edit_form_data(draft, title_ru="Переведено", ready_ru="on", intro_ru="Русский лид.")
    for key in list(data):
        if key.startswith("body_ru-") and key.endswith("-value-text"):
            data[key] = data[key].replace("Heading en", "Заголовок").replace("Quote en", "Цитата")
        if key.startswith("body_ru-") and key.endswith("-value") and "blocks" in str(data[key]):
            data[key] = data[key].replace("word", "слово")
    response = admin_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert latest(copied).ready_ru is True
    assert ru_status(admin_client, soup, copied) == "translated"


def test_the_confirmation_is_hidden_until_needed(admin_client, soup, copied):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[copied.pk]))
    assert soup(response).select_one('input[name="publish_copies"]') is None
