"""Tags in the article editor (newsdesk.tags): type part of a tag's name in any language to find it, pick
several, create a new one inline in the admin's language; through the real edit form and in Chromium."""

import os
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from news.models import ArticlePage, Tag
from tests.editor_fixtures import edit_form_data, ensure_translator_groups


def make_tag(en, az, ru, slug):
    return Tag.objects.create(name_en=en, name_az=az, name_ru=ru, slug=slug)


@pytest.fixture
def oil(db):
    return make_tag("Oil", "Neft", "Нефть", "oil")


@pytest.fixture
def shusha(db):
    return make_tag("Shusha", "Şuşa", "Шуша", "shusha")


def latest(article):
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()


def suggest(client, term):
    response = client.get(reverse("newsdesk:tag_autocomplete"), {"term": term})
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
def test_the_tag_field_is_wagtails_tag_widget_in_the_admins_language(
    admin_client_in, site_tree, make_article, soup
):
    article = make_article(site_tree.economy, tags=[make_tag("Oil", "Neft", "Нефть", "oil")])
    client = admin_client_in("ru")
    html = soup(client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    field = html.select_one("input[name=tags]")
    assert field["data-controller"] == "w-tag"
    assert field["data-w-tag-url-value"] == reverse("newsdesk:tag_autocomplete")
    assert field["value"] == "Нефть"  # the tag as the Russian admin names it
    assert not html.select("select[name=tags]")  # no list box any more
    assert "Начните вводить" in field.find_next("p", class_="help").get_text()


@pytest.mark.django_db
def test_typing_part_of_a_name_in_any_language_finds_the_tag(admin_client_in, oil, shusha):
    client = admin_client_in("ru")
    # Part of the Russian, the Azerbaijani or the English name: offered under its Russian name.
    for term in ("неф", "Nef", "oil", "NEFT"):
        assert [item["value"] for item in suggest(client, term)] == ["Нефть"], term
    # Diacritics and scripts do not matter: "susa" finds Şuşa, "шуш" and "shu" find it too.
    for term in ("susa", "ŞUŞ", "шуш", "shu"):
        assert [item["value"] for item in suggest(client, term)] == ["Шуша"], term
    assert suggest(client, "Şuşa")[0]["label"] == "Шуша (Shusha, Şuşa)"
    assert suggest(client, "zzz") == [] and suggest(client, "") == []


@pytest.mark.django_db
def test_suggestions_are_in_the_editors_language_names_that_start_with_it_first(admin_client_in, oil):
    make_tag("Neftchala", "Neftçala", "Нефтечала", "neftchala")
    make_tag("Crude oil", "Xam neft", "Сырая нефть", "crude-oil")
    client = admin_client_in("az")
    assert [item["value"] for item in suggest(client, "neft")] == ["Neft", "Neftçala", "Xam neft"]


@pytest.mark.django_db
def test_the_autocomplete_is_for_the_admin_only(client, oil):
    response = client.get(reverse("newsdesk:tag_autocomplete"), {"term": "oil"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_saving_the_form_keeps_chosen_tags_and_creates_a_new_one_in_the_admins_language(
    admin_client_in, site_tree, make_article, oil, shusha, soup
):
    article = make_article(site_tree.economy, tags=[oil])
    client = admin_client_in("az")
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    # What the widget posts: the Azerbaijani name of one tag, the Russian of another (found in any
    # language), and a name no tag has yet, with a space (quoted by Wagtail's widget).
    data = edit_form_data(article, tags='Neft, Шуша, "Qarabağ dirçəlişi"')
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""

    new = Tag.objects.get(name_az="Qarabağ dirçəlişi")
    assert new.slug == "qarabag-dircelisi"  # Latin, as the page slugs
    assert new.name_ru in (None, "")  # filled later in the Tag snippet
    assert Tag.objects.count() == 3
    assert {tag.pk for tag in latest(article).tags.all()} == {oil.pk, shusha.pk, new.pk}

    # The form shows them back in the admin's language.
    field = soup(client.get(url)).select_one("input[name=tags]")
    assert field["value"] == '"Qarabağ dirçəlişi", Neft, Şuşa'  # taggit's edit string, spaces quoted

    # Saving again finds the new tag by name instead of making a second one.
    client.post(url, edit_form_data(article, tags='"Qarabağ dirçəlişi"'))
    assert Tag.objects.count() == 3
    assert [tag.pk for tag in latest(article).tags.all()] == [new.pk]


@pytest.mark.django_db
def test_a_new_russian_tag_gets_a_latin_slug_and_a_clear_error_when_too_long(
    admin_client_in, site_tree, make_article
):
    article = make_article(site_tree.economy)
    client = admin_client_in("ru")
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert client.post(url, edit_form_data(article, tags="Выборы")).status_code == 302
    assert Tag.objects.get(name_ru="Выборы").slug == "vybory"

    response = client.post(url, edit_form_data(article, tags="Я" * 81))
    assert response.status_code == 200
    assert "не более 80 символов" in str(response.context["form"].errors["tags"])
    assert not Tag.objects.filter(name_ru="Я" * 81).exists()


@pytest.mark.django_db
def test_removing_every_tag(admin_client_in, site_tree, make_article, oil):
    article = make_article(site_tree.economy, tags=[oil])
    client = admin_client_in("en")
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), edit_form_data(article, tags="")
    )
    assert response.status_code == 302
    assert list(latest(article).tags.all()) == []


@pytest.mark.django_db
def test_a_translator_creates_no_tag(client, site_tree, make_article, oil):
    ensure_translator_groups()
    article = make_article(site_tree.economy, tags=[oil])
    user = get_user_model().objects.create_user("translator-ru", "t@example.org", "pw")
    user.groups.add(Group.objects.get(name="Russian translators"))
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    field = client.get(url).content.decode()
    assert re.search(r'<input[^>]*name="tags"[^>]*disabled', field)
    response = client.post(url, edit_form_data(article, tags="Нефть, Новый тег", title_ru="Новый заголовок"))
    assert response.status_code == 302
    assert not Tag.objects.filter(name_ru="Новый тег").exists()
    draft = latest(article)
    assert draft.title_ru == "Новый заголовок"
    assert [tag.pk for tag in draft.tags.all()] == [oil.pk]


# --- In a real browser --------------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_type_pick_create_and_save_in_the_browser(live_server, browser_page, site_tree, make_article):
    oil = make_tag("Oil", "Neft", "Нефть", "oil")
    make_tag("Shusha", "Şuşa", "Шуша", "shusha")
    article = make_article(site_tree.economy, title_en="Pipeline talks")
    editor = get_user_model().objects.create_superuser("editor-ru", "ru@example.org", "correct-horse")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "ru"
    profile.save()
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("editor-ru")
    page.locator("#id_password").fill("correct-horse")
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    box = page.locator("[data-tag-choice] + ul.tagit input.ui-autocomplete-input")
    box.scroll_into_view_if_needed()
    # Part of the Azerbaijani name, typed in a Russian admin: the tag is offered under its Russian name.
    box.press_sequentially("nef", delay=50)
    offer = page.locator("ul.ui-autocomplete li", has_text="Нефть")
    expect(offer).to_be_visible()
    offer.click()
    # Diacritics do not matter.
    box.press_sequentially("susa", delay=50)
    page.locator("ul.ui-autocomplete li", has_text="Шуша").click()
    # A new tag, created inline.
    box.press_sequentially("Переговоры", delay=30)
    box.press("Enter")
    chips = page.locator("ul.tagit li.tagit-choice .tagit-label")
    expect(chips).to_have_text(["Нефть", "Шуша", "Переговоры"])
    if os.environ.get("NEWSROOM_SCREENS"):
        page.screenshot(path=f"{os.environ['NEWSROOM_SCREENS']}/admin-ru-tags-desktop.png")

    page.locator("button.action-save:visible").first.click()  # "Save draft"
    expect(page.locator(".messages")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/admin/pages/"))
    saved = ArticlePage.objects.get(pk=article.pk)
    new = Tag.objects.get(name_ru="Переговоры")
    assert new.slug == "peregovory"
    assert {tag.pk for tag in latest(saved).tags.all()} == {oil.pk, Tag.objects.get(slug="shusha").pk, new.pk}

    # Opened again, the editor shows the three tags (in alphabetical order).
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    expect(chips).to_have_text(["Нефть", "Переговоры", "Шуша"])
