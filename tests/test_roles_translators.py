"""Translator groups: an Azerbaijani or Russian translator edits only their language's fields and marks
only their language ready, through the real page edit form; editors are unchanged."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from news.models import ArticlePage
from tests.editor_fixtures import edit_form_data, ensure_translator_groups
from tests.factories import AuthorFactory

GROUPS = {"az": "Azerbaijani translators", "ru": "Russian translators"}


@pytest.fixture(autouse=True)
def translator_groups(db):
    ensure_translator_groups()


@pytest.fixture
def translator_client(client, db):
    def log_in(language, admin_language="en"):
        user = get_user_model().objects.create_user(
            f"translator-{language}", f"t-{language}@example.org", "pw"
        )
        user.groups.add(Group.objects.get(name=GROUPS[language]))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = admin_language
        profile.save()
        client.force_login(user)
        return client

    return log_in


def latest(article):
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()


def test_the_groups_exist_with_what_a_translator_needs(db):
    for code, name in GROUPS.items():
        group = Group.objects.get(name=name)
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert {"access_admin", f"translate_{code}"} <= codenames
        assert group.page_permissions.filter(permission__codename="change_page", page__depth=1).exists()
        assert not group.page_permissions.filter(permission__codename="publish_page").exists()


def test_russian_translator_saves_russian_and_nothing_else(translator_client, site_tree, make_article, soup):
    article = make_article(site_tree.economy, ready_ru=False)
    translator = translator_client("ru")
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])

    form = soup(translator.get(url))
    assert form.select_one("#id_title_ru").get("disabled") is None
    assert form.select_one("#id_title_en").has_attr("disabled")
    assert form.select_one("#id_ready_az").has_attr("disabled")

    data = edit_form_data(
        article,
        title_ru="Новый русский заголовок",
        intro_ru="Новый русский лид.",
        ready_ru="on",
        title_en="An English title the translator must not change",
        intro_az="Azərbaycan mətnini dəyişmək olmaz.",
        hero_credit="Someone else",
    )
    data.pop("ready_az")  # trying to take the Azerbaijani version off the site
    response = translator.post(url, data)
    assert response.status_code == 302, [
        e.get_text(" ", strip=True) for e in soup(response).select(".error-message")
    ]
    response = translator.get(response["Location"])
    draft = latest(article)
    assert draft.title_ru == "Новый русский заголовок" and draft.intro_ru == "Новый русский лид."
    assert draft.ready_ru is True
    assert draft.title_en == article.title_en and draft.intro_az == article.intro_az
    assert draft.hero_credit == "Agency" and draft.ready_az is True
    message = " ".join(m.get_text(" ", strip=True) for m in soup(response).select(".messages li"))
    assert "were not saved" in message and "Title" in message and "Photo credit" in message
    assert "Publication date" not in message and "Body" not in message  # sent back unchanged


def test_translator_cannot_change_the_authors(translator_client, site_tree, make_article, soup):
    article = make_article(site_tree.economy)
    translator = translator_client("az", admin_language="az")
    other = AuthorFactory()
    data = edit_form_data(article, intro_az="Yeni lid.")
    data["article_authors-0-author"] = other.pk
    response = translator.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 200  # refused: the form comes back
    text = soup(response).get_text(" ", strip=True)
    assert "Müəlliflər" in text or "müəllif" in text.lower()
    assert latest(article).intro_az == article.intro_az
    assert (
        soup(response).select_one("#id_intro_az").get_text().strip() == "Yeni lid."
    )  # what they typed is kept


def test_translator_starts_only_their_language(translator_client, site_tree, make_article):
    article = make_article(site_tree.opinion, languages=("en",))
    translator = translator_client("az")
    copy = reverse("newsdesk:copy", args=[article.pk])
    # Refused: Wagtail sends a user without permission back to the dashboard.
    assert translator.get(copy, {"target": "ru"})["Location"] == "/admin/"
    assert translator.post(copy, {"source": "en", "target": "ru"})["Location"] == "/admin/"
    assert not latest(article).body_ru
    assert translator.get(copy, {"target": "az"}).status_code == 200
    edit = translator.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert f"{copy}?target=az" in edit and f"{copy}?target=ru" not in edit


def test_editors_still_edit_every_language(admin_client, site_tree, make_article):
    article = make_article(site_tree.economy)
    data = edit_form_data(article, title_en="Editor's English", intro_az="Redaktorun lidi.")
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302
    draft = latest(article)
    assert (draft.title_en, draft.intro_az) == ("Editor's English", "Redaktorun lidi.")
