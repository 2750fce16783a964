"""The header's live search as a reader uses it: type, see results, choose one with the keyboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.search_corpus import url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_type_arrow_to_a_result_and_open_it(live_server, browser_page, corpus):
    page = browser_page
    page.goto(f"{live_server.url}/az/")
    box = page.get_by_role("combobox", name=re.compile("Search|Sayt", re.I))
    box.click()
    box.press_sequentially("Qarabag", delay=40)  # typed without Azerbaijani letters
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.first).to_contain_text(corpus.talks.title_az)

    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))
    box.press("Enter")
    expected_url = url_in(corpus.talks, "az")
    assert expected_url.startswith("/az/")
    expect(page).to_have_url(f"{live_server.url}{expected_url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(corpus.talks.title_az)


def test_view_all_results_opens_the_results_page(live_server, browser_page, corpus):
    page = browser_page
    page.goto(f"{live_server.url}/ru/")
    box = page.get_by_role("combobox")
    box.fill("переговоры")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    view_all = listbox.get_by_role("option").last
    box.press("ArrowUp")  # from the box, up wraps to the last option: "View all results"
    expect(view_all).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/ru/search/\?q="))
    expect(page.locator(".search-results")).to_contain_text(corpus.talks.title_ru)

    page.get_by_role("combobox").fill("переговоры")
    expect(page.get_by_role("listbox")).to_be_visible()
    page.get_by_role("combobox").press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()


def test_without_javascript_the_box_is_a_form(live_server, browser, corpus):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")
    box = page.get_by_role("searchbox")
    box.fill("sanctions")
    box.press("Enter")
    page.wait_for_load_state()
    assert "/en/search/?q=sanctions" in page.url
    expect(page.locator(".search-results")).to_contain_text(corpus.talks.title_en)
    context.close()
