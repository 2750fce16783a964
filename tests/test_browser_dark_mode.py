"""Dark mode as a reader meets it in Chromium: it follows the system setting, the header toggle overrides
it, and the choice is remembered on the next page (localStorage), with no flash of the other theme.
"""

import pytest
from playwright.sync_api import expect

from tests.languages import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TOGGLE_NAMES = {"en": "Dark mode", "az": "Qaranlıq rejim", "ru": "Тёмная тема"}


def background(page):
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def is_dark(rgb: str) -> bool:
    red, green, blue = (int(part) for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    return (red + green + blue) / 3 < 80


@pytest.fixture
def reader(browser, live_server):
    contexts = []

    def open_reader(color_scheme):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=color_scheme)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_reader
    for context in contexts:
        context.close()


def test_follows_the_system_setting(reader, live_server, site_tree):
    light = reader("light")
    light.goto(f"{live_server.url}/en/")
    assert not is_dark(background(light))
    dark = reader("dark")
    dark.goto(f"{live_server.url}/en/")
    assert is_dark(background(dark))
    expect(dark.get_by_role("button", name=TOGGLE_NAMES["en"])).to_have_attribute("aria-pressed", "true")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_toggle_overrides_the_system_and_is_remembered(reader, live_server, site_tree, language):
    page = reader("light")
    page.goto(f"{live_server.url}/{language}/")
    toggle = page.get_by_role("button", name=TOGGLE_NAMES[language])
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert is_dark(background(page))

    # The next page opens dark from its first paint: the theme is set before the stylesheet applies.
    page.goto(f"{live_server.url}/{language}/")
    assert page.evaluate("document.documentElement.getAttribute('data-theme')") == "dark"
    assert is_dark(background(page))

    page.get_by_role("button", name=TOGGLE_NAMES[language]).click()
    page.reload()
    assert not is_dark(background(page))
    assert page.evaluate("localStorage.getItem('theme')") == "light"
