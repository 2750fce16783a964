"""The translation workflow in a real Chromium: an editor reads the status view, starts the Russian
version of an English-only article from the English content, and lands in the editor with the
Russian body filled in."""

import os
import re
from pathlib import Path

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


# --- The desk in Russian and Azerbaijani: preview per language, the translator's view, screenshots -------
SCREENS = os.environ.get("NEWSROOM_SCREENS", "")


SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def shoot(page, tmp_path, name):
    """``admin-<name>-desktop.png`` and ``admin-<name>-phone.png`` (in $NEWSROOM_SCREENS when set)."""
    folder = Path(SCREENS) if SCREENS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        page.wait_for_timeout(300)
        page.screenshot(path=str(folder / f"admin-{name}-{size}.png"), full_page=False)
    page.set_viewport_size(SIZES["desktop"])


def log_in_as(page, live_server, username, password):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")


@pytest.mark.parametrize("language", ["ru", "az"])
def test_the_desk_in_each_admin_language(
    live_server, browser_page, site_tree, make_article, tmp_path, language
):
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    other = "az" if language == "ru" else "ru"
    article = make_article(site_tree.economy, title_en="Talks in Baku resume", languages=("en", other))
    make_article(site_tree.opinion, title_en="Energy prices", languages=("en", "az", "ru"))
    editor = get_user_model().objects.create_superuser(
        f"editor-{language}", f"{language}@example.org", "correct-horse"
    )
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    page = browser_page
    page.set_viewport_size(SIZES["desktop"])
    log_in_as(page, live_server, editor.username, "correct-horse")
    expect(page.locator("html")).to_have_attribute("lang", language)

    # The status view.
    page.goto(f"{live_server.url}/admin/translations/")
    expect(page.locator("table[data-translation-status]")).to_be_visible()
    shoot(page, tmp_path, f"{language}-status")

    # The page editor, with the preview panel open, previewing in the other language.
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    expect(page.locator("#id_title_en")).to_have_value("Talks in Baku resume")
    shoot(page, tmp_path, f"{language}-editor")
    # The phone-sized shot re-lays the editor out; open the preview in a freshly loaded editor.
    page.reload()
    expect(page.locator("#id_title_en")).to_have_value("Talks in Baku resume")
    page.locator('[data-side-panel-toggle="preview"]').click()
    mode = page.locator("select#id_preview_mode").first
    expect(mode).to_have_value(language)  # starts in the admin's language
    frame = page.frame_locator("iframe.w-preview__iframe").last
    expect(frame.locator("html")).to_have_attribute("lang", language, timeout=20_000)
    # Wagtail drops a mode change made while the first preview is still being swapped in (its update
    # promise is reused), as an editor would see: wait for that swap to end, as an editor does.
    expect(page.locator("iframe.w-preview__iframe")).to_have_count(1)
    expect(page.locator(".w-preview__spinner").first).to_be_hidden()
    mode.select_option(other)
    expect(frame.locator("html")).to_have_attribute("lang", other, timeout=20_000)
    expect(frame.locator("h1")).to_have_text(
        getattr(ArticlePage.objects.get(pk=article.pk), f"title_{other}")
    )
    shoot(page, tmp_path, f"{language}-preview")

    # The translator's view: a translator of this language writes only their language's fields.
    translator = get_user_model().objects.create_user(
        f"translator-{language}", f"t{language}@example.org", "correct-horse"
    )
    from tests.editor_fixtures import ensure_translator_groups

    ensure_translator_groups()
    translator.groups.add(
        Group.objects.get(name={"az": "Azerbaijani translators", "ru": "Russian translators"}[language])
    )
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = language
    profile.save()
    page.context.clear_cookies()
    log_in_as(page, live_server, translator.username, "correct-horse")
    page.goto(f"{live_server.url}/admin/translations/copy/{article.pk}/?target={language}")
    page.locator("form[data-copy-form] button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    page.locator("button.locale-toggle", has_text=language).first.click()
    expect(page.locator("#id_title_en")).to_be_disabled()
    # Beside the field they write, the translator reads the English original (newsdesk's
    # translation_source.js), kept current as the English changes.
    source = ArticlePage.objects.get(pk=article.pk)
    for field in ("title", "intro"):
        note = page.locator(f".w-field__input:has(#id_{field}_{language}) > [data-translation-source]")
        expect(note).to_be_visible()
        expect(note).to_have_attribute("lang", "en")
        expect(note).to_contain_text(" ".join(getattr(source, f"{field}_en").split()))
    expect(page.locator(".w-field__input:has(#id_title_en) > [data-translation-source]")).to_have_count(0)
    page.locator(f"#id_title_{language}").scroll_into_view_if_needed()
    shoot(page, tmp_path, f"{language}-translator")
