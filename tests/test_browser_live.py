"""Live coverage in Chromium: a reader has a live article open, an editor publishes an update, and it
appears at the top of the page without a reload, announced in the status line; when the editor ends
the coverage the badge says so. The page cache is on, as in production, and the page runs under the
site's Content-Security-Policy. The poll interval and the endpoint's max-age are set to one second.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from news.models import ArticlePage, LiveUpdate
from tests import factories
from translations.links import page_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_UPDATES = {"en": "1 new update", "az": "1 yeni yenilənmə", "ru": "1 новая запись"}
ENDED = {"en": "Live coverage ended", "az": "Canlı yayım başa çatıb", "ru": "Трансляция завершена"}


@pytest.fixture
def fast_polling(settings):
    settings.LIVE_POLL_SECONDS = 0.5
    settings.LIVE_UPDATES_MAX_AGE = 1
    settings.PAGE_CACHE = True
    settings.FRAGMENT_CACHE = True
    return settings


def publish_update(article, text: dict, minutes_from_now=0):
    page = ArticlePage.objects.get(pk=article.pk)
    at = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=minutes_from_now)
    page.live_updates.add(
        LiveUpdate(
            published_at=at, **factories.translated("text", {k: f"<p>{v}</p>" for k, v in text.items()})
        )
    )
    factories.publish(page)
    return LiveUpdate.objects.filter(page=page).order_by("-pk").first()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_published_update_appears_without_a_reload(
    live_server, browser_page, fast_polling, site_tree, make_article, language
):
    article = make_article(site_tree.economy, title_en="Flooding in Lankaran", live_coverage=True)
    first = publish_update(
        article, {"en": "Rain keeps falling", "az": "Yağış davam edir", "ru": "Дождь не стихает"}
    )
    page = browser_page
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    page.goto(live_server.url + page_url(article, language))
    page.evaluate("window.loadedOnce = true")  # gone if the page reloads
    updates = page.locator(".live-coverage .live-update")
    expect(updates).to_have_count(1)
    expect(page.locator("[data-live-badge]")).to_have_text(
        re.compile({"en": "Live", "ru": "Онлайн"}[language])
    )

    second = publish_update(
        article, {"en": "Evacuation ordered", "az": "Təxliyə elan edilib", "ru": "Объявлена эвакуация"}, 1
    )
    expect(updates).to_have_count(2, timeout=10_000)
    expect(updates.first).to_have_id(f"update-{second.pk}")
    expect(updates.first).to_contain_text({"en": "Evacuation ordered", "ru": "Объявлена эвакуация"}[language])
    expect(updates.nth(1)).to_have_id(f"update-{first.pk}")
    expect(page.locator("[data-live-status]")).to_have_text(NEW_UPDATES[language])
    assert page.evaluate("window.loadedOnce") is True

    # The editor ends the coverage: the open page says so and stops asking.
    ended = ArticlePage.objects.get(pk=article.pk)
    ended.live_ended = True
    factories.publish(ended)
    expect(page.locator("[data-live-badge]")).to_have_text(ENDED[language], timeout=10_000)
    assert page.evaluate("window.loadedOnce") is True
    assert violations == []


def test_polling_waits_while_the_tab_is_hidden(
    live_server, browser_page, fast_polling, site_tree, make_article
):
    article = make_article(site_tree.economy, title_en="Flooding in Lankaran", live_coverage=True)
    page = browser_page
    asked = []
    page.on("request", lambda request: "/live/" in request.url and asked.append(request.url))
    page.goto(live_server.url + page_url(article, "en"))
    page.wait_for_timeout(1500)
    assert asked, "the open page asks for updates"
    # Hide the tab (as switching to another one does) and publish: nothing is asked meanwhile.
    page.evaluate(
        "Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});"
        "document.dispatchEvent(new Event('visibilitychange'))"
    )
    page.wait_for_timeout(600)  # a request already on its way may land
    asked.clear()
    update = publish_update(article, {"en": "Bridge closed"})
    page.wait_for_timeout(2000)
    assert asked == []
    expect(page.locator(f"#update-{update.pk}")).to_have_count(0)
    # Back on the tab: it catches up at once.
    page.evaluate(
        "Object.defineProperty(document, 'hidden', {configurable: true, get: () => false});"
        "document.dispatchEvent(new Event('visibilitychange'))"
    )
    expect(page.locator(f"#update-{update.pk}")).to_be_visible(timeout=5_000)
