"""The translation workflow in a real Chromium: an editor reads the status view, starts the Russian
version of an English-only article from the English content, and lands in the editor with the
Russian body filled in."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from news.models import ArticlePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "correct-horse")


def log_in(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label(re.compile("Username", re.I)).fill("editor")
    page.get_by_label(re.compile("Password", re.I)).fill("correct-horse")
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(f"{live_server.url}/admin/")


def test_status_view_and_copy_translation(live_server, browser_page, editor, site_tree, make_article):
    translated = make_article(site_tree.economy, title_en="Fully translated story")
    english_only = make_article(site_tree.opinion, title_en="Story still in English", languages=("en",))
    page = browser_page
    log_in(page, live_server)

    # The dashboard shows the counts and leads to the status view.
    panel = page.locator("#translation-counts-section")
    expect(panel.locator('tr[data-language="ru"] [data-count="missing"]')).to_have_text("1")
    panel.get_by_role("link", name=re.compile("translation status")).click()
    expect(page).to_have_url(f"{live_server.url}/admin/translations/")

    rows = page.locator("table[data-translation-status] tbody tr")
    expect(rows).to_have_count(2)
    done = page.locator(f'tr[data-article="{translated.pk}"]')
    expect(done.locator('td[data-language="ru"]')).to_have_attribute("data-status", "translated")
    todo = page.locator(f'tr[data-article="{english_only.pk}"]')
    expect(todo.locator('td[data-language="ru"]')).to_have_attribute("data-status", "missing")

    # Filter: articles missing in Russian.
    page.get_by_label("Language").select_option("ru")
    page.get_by_label("Status").select_option("missing")
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Story still in English")

    # Start the Russian version from English.
    todo.locator('td[data-language="ru"] [data-copy-translation]').click()
    expect(page.locator("[data-fill]")).to_contain_text("Body")
    page.get_by_role("button", name="Copy from English").click()
    expect(page).to_have_url(f"{live_server.url}/admin/pages/{english_only.pk}/edit/")
    expect(page.locator(".messages")).to_contain_text("content copied into the empty Russian fields")

    # The editor now holds the English structure in the Russian body, ready to translate.
    russian_heading = page.locator('[name^="body_ru-"][name$="-value-text"]').first
    expect(russian_heading).to_have_value("Heading en", timeout=15_000)

    draft = ArticlePage.objects.get(pk=english_only.pk).get_latest_revision_as_object()
    assert [block.block_type for block in draft.body_ru] == ["heading", "paragraph", "quote", "image"]
    assert draft.ready_ru is False


def test_editor_fills_latin_slugs_per_language(live_server, browser_page, editor, site_tree):
    page = browser_page
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/add/news/articlepage/{site_tree.opinion.pk}/")
    page.locator("#id_title_en").press_sequentially("Energy today")
    page.keyboard.press("Tab")
    for code in ("az", "ru"):  # wagtail-modeltranslation's locale picker shows each language's fields
        page.locator("button.locale-toggle", has_text=code).first.click()
    page.locator("#id_title_az").press_sequentially("Şuşa şəhəri")
    page.keyboard.press("Tab")
    page.locator("#id_title_ru").press_sequentially("Азербайджан и энергетика")
    page.keyboard.press("Tab")
    expect(page.locator("#id_slug_en")).to_have_value("energy-today")
    expect(page.locator("#id_slug_az")).to_have_value("susa-seheri")
    expect(page.locator("#id_slug_ru")).to_have_value("azerbaidzhan-i-energetika")
