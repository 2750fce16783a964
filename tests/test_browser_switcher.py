"""What only a browser shows: the language switcher followed by a reader, the mobile menu, the skip link.

Chromium at /usr/bin/chromium drives the site served by pytest-django's ``live_server``. Elements are
found by roles, labels and ``hreflang``/``lang`` attributes, not by CSS classes.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLES = {
    "en": "Trains return to Aghdam",
    "az": "Qatarlar Ağdama qayıdır",
    "ru": "Поезда возвращаются в Агдам",
}
SLUGS = {"en": "trains-return-to-aghdam", "az": "qatarlar-agdama-qayidir", "ru": "poezda-vozvrashchayutsya"}


@pytest.fixture
def article(site_tree, make_article):
    return make_article(
        site_tree.karabakh, title_en=TITLES["en"], title_az=TITLES["az"], title_ru=TITLES["ru"], slugs=SLUGS
    )


def switch_to(page, code):
    page.locator(f"body a[hreflang='{code}']").first.click()
    page.wait_for_load_state()


def test_reader_switches_language_and_stays_on_the_article(live_server, browser_page, article):
    page = browser_page
    page.goto(f"{live_server.url}/en/karabakh/{SLUGS['en']}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES["en"])

    switch_to(page, "ru")
    expect(page).to_have_url(f"{live_server.url}/ru/karabakh/{SLUGS['ru']}/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES["ru"])

    switch_to(page, "az")
    expect(page).to_have_url(f"{live_server.url}/az/qarabag/{SLUGS['az']}/")
    expect(page.locator("html")).to_have_attribute("lang", "az")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES["az"])


def test_mobile_menu_button_opens_the_menu(live_server, browser_page, site_tree):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/en/")
    button = page.get_by_role("button", name="Menu")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    menu = page.locator(f"#{button.get_attribute('aria-controls')}")
    section_link = menu.get_by_role("link", name="Opinion")
    expect(section_link).to_be_hidden()

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(section_link).to_be_visible()
    section_link.click()
    expect(page).to_have_url(re.compile(r"/en/opinion/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Opinion")


def test_first_tab_focuses_the_skip_link(live_server, browser_page, site_tree):
    page = browser_page
    page.goto(f"{live_server.url}/ru/")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("href", "#main")
    expect(focused).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
