"""In a real Chromium: while a translator edits the Azerbaijani text, a colleague saves the Russian one.
Wagtail tells the translator someone saved a newer version; when she saves anyway, both texts stay."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from news.models import ArticlePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def signed_in(browser, live_server, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label(re.compile("Username", re.I)).fill(username)
    page.get_by_label(re.compile("Password", re.I)).fill("correct-horse")
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
    return context, page


def test_a_translator_is_warned_and_keeps_her_colleagues_russian(
    browser, live_server, settings, site_tree, make_article
):
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 500  # ms: the warning appears without waiting 10 s
    for username, first_name in (("leyla", "Leyla"), ("ivan", "Ivan")):
        get_user_model().objects.create_superuser(
            username, f"{username}@example.org", "correct-horse", first_name=first_name
        )
    article = make_article(site_tree.economy, title_en="Gas prices")
    edit_url = f"{live_server.url}/admin/pages/{article.pk}/edit/"
    leyla_context, leyla = signed_in(browser, live_server, "leyla")
    ivan_context, ivan = signed_in(browser, live_server, "ivan")
    try:
        leyla.goto(edit_url)
        ivan.goto(edit_url)
        # Each shows their language's fields with wagtail-modeltranslation's locale picker.
        leyla.locator("button.locale-toggle", has_text="az").click()
        ivan.locator("button.locale-toggle", has_text="ru").click()
        expect(leyla.locator("#id_intro_az")).to_be_visible()

        ivan.locator("#id_intro_ru").fill("Русский текст Ивана")
        ivan.get_by_role("button", name=re.compile("^Save draft", re.I)).click()
        expect(ivan.get_by_text(re.compile("has been updated", re.I)).first).to_be_visible()

        # Wagtail's editing sessions learn it while Leyla is still editing (the ping swaps in the news).
        title = leyla.locator("#title-text-w-save-confirmation-dialog")
        expect(title).to_contain_text("Ivan saved a new version")

        leyla.locator("#id_intro_az").fill("Leylanın Azərbaycan mətni")
        leyla.get_by_role("button", name=re.compile("^Save draft", re.I)).click()
        dialog = leyla.locator("#w-save-confirmation-dialog")
        expect(dialog).to_be_visible()
        expect(title).to_contain_text("Ivan saved a new version")
        # Wagtail warns that proceeding overwrites Ivan's changes; the merge keeps his Russian.
        dialog.get_by_role("button", name=re.compile("^Save draft")).click()
        expect(leyla.get_by_text(re.compile("newer text is kept in")).first).to_be_visible()

        draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
        assert draft.intro_az == "Leylanın Azərbaycan mətni"
        assert draft.intro_ru == "Русский текст Ивана"
    finally:
        leyla_context.close()
        ivan_context.close()
