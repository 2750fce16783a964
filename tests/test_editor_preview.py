"""Preview in any language from the editor, without touching the account; the admin language switch
works for accounts without a first and last name."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.editor_fixtures import edit_form_data


@pytest.mark.parametrize("mode", ["en", "az", "ru"])
def test_preview_in_each_language_from_the_english_admin(admin_client, soup, site_tree, make_article, mode):
    article = make_article(site_tree.economy, ready_ru=False)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    draft = {"title_en": "Draft headline", "title_az": "Qaralama başlıq", "title_ru": "Черновой заголовок"}
    response = admin_client.post(url, edit_form_data(article, **draft))
    assert json.loads(response.content)["is_valid"] is True

    preview = admin_client.get(url, {"mode": mode})
    assert preview.status_code == 200
    page = soup(preview)
    assert page.html["lang"] == mode
    assert page.find("h1").get_text(strip=True) == draft[f"title_{mode}"]  # even not ready (ru)
    # The interface of the page is in that language too, and the account did not change.
    assert UserProfile.get_for_user(get_user_model().objects.get(username="admin")).preferred_language in (
        "",
        "en",
    )


def test_the_editor_offers_a_preview_mode_per_language(admin_client_in, site_tree, make_article, soup):
    article = make_article(site_tree.economy)
    editor = admin_client_in("az")
    page = soup(editor.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    modes = {
        option["value"]: option.get_text(strip=True)
        for option in page.select("select#id_preview_mode option, [name=preview-mode] option")
    }
    assert set(modes) == {"en", "az", "ru"}, modes
    selected = page.select_one(
        "select#id_preview_mode option[selected], [name=preview-mode] option[selected]"
    )
    assert selected["value"] == "az"  # starts in the admin's own language


def test_account_without_names_switches_the_admin_language(client, db, soup):
    user = get_user_model().objects.create_superuser("nameless", "n@example.org", "pw")
    assert not user.first_name and not user.last_name
    client.force_login(user)
    url = reverse("accounts_admin_language")
    response = client.post(url, {"preferred_language": "ru"})
    assert response.status_code == 302
    assert UserProfile.get_for_user(user).preferred_language == "ru"
    page = soup(client.get(reverse("wagtailadmin_home")))
    assert page.html["lang"] == "ru"
    assert client.post(url, {"preferred_language": "xx"}).status_code == 200  # refused, clearly
    assert reverse("accounts_admin_language") in client.get(reverse("wagtailadmin_account")).content.decode()
