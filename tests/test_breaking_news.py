"""Breaking news (breaking/): an editor writes a short headline and link per language with an expiry; the
newest one that has not expired shows under the header of every page in that language, nowhere else,
within a second of being saved even with the page cache on (a snippet change retires every cached page)
and through Varnish, and disappears when it expires (``expire_breaking_news``, run by the scheduler)."""

import datetime
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from breaking.models import BreakingNews
from breaking.validators import validate_link
from tests.languages import LANGUAGES
from tests.test_varnish import request, varnish  # noqa: F401 (the real Varnish fixture)
from translations.links import page_url

ADD_URL = "/admin/snippets/breaking/breakingnews/add/"
MENU_LABEL = {"en": "Breaking news", "az": "Təcili xəbərlər", "ru": "Срочные новости"}
LABEL = {"en": "Breaking", "az": "Təcili", "ru": "Срочно"}
FRESH_WITHIN = 1.0  # seconds


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    settings.FRAGMENT_CACHE = True
    return settings


@pytest.fixture
def article(site_tree, make_article):
    return make_article(site_tree.economy, title_en="Harbour expansion approved")


def breaking(expires_in=datetime.timedelta(hours=2), live=True, **headlines_and_links):
    """A saved BreakingNews: ``breaking(headline_en="...", link_ru="/ru/")``."""
    item = BreakingNews(expires_at=timezone.now() + expires_in, live=live, **headlines_and_links)
    item.save()
    return item


def urls(site_tree, article, language):
    return [
        f"/{language}/",
        page_url(site_tree.news, language),
        page_url(article, language),
        page_url(site_tree.about, language),
        f"/{language}/search/",
        f"/{language}/no-such-page/",  # the 404 page has the banner too
    ]


def banner_of(soup, response):
    """``(label, headline, link)`` of the page's banner, or ``None``."""
    banner = soup(response).select_one(".breaking")
    if banner is None:
        return None
    link = banner.select_one("a.breaking-headline")
    headline = banner.select_one(".breaking-headline").get_text(strip=True)
    return banner.select_one(".breaking-label").get_text(strip=True), headline, link and link["href"]


# --- What readers see ---------------------------------------------------------------------------------
def test_the_banner_shows_on_every_page_in_its_language_only(client, soup, site_tree, article):
    breaking(
        headline_en="Earthquake in Shamakhi",
        link_en="/en/news/",
        headline_ru="Землетрясение в Шамахы",
        link_ru="https://example.org/ru/live",
    )  # no Azerbaijani headline: Azerbaijani readers see none
    expected = {
        "en": ("Breaking", "Earthquake in Shamakhi", "/en/news/"),
        "ru": ("Срочно", "Землетрясение в Шамахы", "https://example.org/ru/live"),
        "az": None,
    }
    for language in LANGUAGES:
        for url in urls(site_tree, article, language):
            response = client.get(url)
            assert response.status_code in (200, 404), url
            assert banner_of(soup, response) == expected[language], url


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_banner_is_a_labelled_region_under_the_header(client, soup, site_tree, language):
    breaking(**{f"headline_{language}": "Headline", f"link_{language}": f"/{language}/"})
    page = soup(client.get(f"/{language}/"))
    banner = page.select_one(".breaking")
    assert banner["role"] == "region"
    assert (
        banner["aria-label"]
        == {"en": "Breaking news", "az": "Təcili xəbərlər", "ru": "Срочные новости"}[language]
    )
    assert banner.select_one(".breaking-label").get_text(strip=True) == LABEL[language]
    assert banner.find_previous_sibling("header") is not None  # right under the site header
    assert banner.find_next_sibling("main") is not None
    assert page.select_one("script[src$='js/breaking.js']") is not None  # takes it down at expiry in the page


def test_a_headline_without_a_link_is_plain_text(client, soup, site_tree):
    breaking(headline_en="Roads closed in Baku")
    assert banner_of(soup, client.get("/en/")) == ("Breaking", "Roads closed in Baku", None)


def test_the_newest_live_unexpired_one_shows(client, soup, site_tree):
    older = breaking(headline_en="Older news")
    newer = breaking(headline_en="Newer news")
    breaking(headline_en="Taken down", live=False)
    assert banner_of(soup, client.get("/en/"))[1] == "Newer news"
    newer.live = False
    newer.save()
    assert banner_of(soup, client.get("/en/"))[1] == "Older news"
    older.delete()
    assert banner_of(soup, client.get("/en/")) is None


def test_the_banner_disappears_at_expiry(client, soup, site_tree):
    item = breaking(expires_in=datetime.timedelta(seconds=2), headline_en="Short-lived")
    response = client.get("/en/")
    assert banner_of(soup, response)[1] == "Short-lived"
    expires = soup(response).select_one(".breaking")["data-expires"]
    assert datetime.datetime.fromisoformat(expires) == item.expires_at
    time.sleep(max(0.0, (item.expires_at - timezone.now()).total_seconds()) + 0.05)
    assert banner_of(soup, client.get("/en/")) is None


# --- Fresh with the page cache on ---------------------------------------------------------------------
def test_saved_in_the_admin_it_shows_within_a_second_with_the_page_cache_on(
    client, admin_client, soup, page_cache, site_tree, article
):
    pages = [url for language in LANGUAGES for url in urls(site_tree, article, language)[:4]]
    for url in pages:
        assert client.get(url)["X-Page-Cache"] == "MISS"
        assert client.get(url)["X-Page-Cache"] == "HIT"

    expires = timezone.localtime() + datetime.timedelta(hours=3)
    response = admin_client.post(
        ADD_URL,
        {
            "headline_en": "Flood warning for Kura",
            "link_en": "/en/news/",
            "headline_az": "Kür çayında daşqın təhlükəsi",
            "link_az": "/az/",
            "headline_ru": "",
            "link_ru": "",
            "expires_at": expires.strftime("%Y-%m-%d %H:%M"),
            "live": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = time.monotonic()
    item = BreakingNews.objects.get()
    headlines = {"en": "Flood warning for Kura", "az": "Kür çayında daşqın təhlükəsi", "ru": None}
    for url in pages:
        language = url.split("/")[1]
        shown = banner_of(soup, client.get(url))
        assert (shown and shown[1]) == headlines[language], url
    assert time.monotonic() - saved < FRESH_WITHIN

    edit = admin_client.post(
        f"/admin/snippets/breaking/breakingnews/edit/{item.pk}/",
        {
            "headline_en": "Flood warning lifted",
            "link_en": "/en/news/",
            "headline_az": "",
            "link_az": "",
            "headline_ru": "",
            "link_ru": "",
            "expires_at": expires.strftime("%Y-%m-%d %H:%M"),
            "live": "on",
        },
    )
    assert edit.status_code == 302
    assert banner_of(soup, client.get("/en/"))[1] == "Flood warning lifted"
    assert banner_of(soup, client.get("/az/")) is None
    delete = admin_client.post(f"/admin/snippets/breaking/breakingnews/delete/{item.pk}/")
    assert delete.status_code == 302
    assert banner_of(soup, client.get("/en/")) is None


def test_cached_pages_lose_the_banner_when_the_scheduler_sees_it_expire(client, soup, page_cache, site_tree):
    item = breaking(expires_in=datetime.timedelta(seconds=2), headline_en="Short-lived")
    assert banner_of(soup, client.get("/en/"))[1] == "Short-lived"
    assert client.get("/en/")["X-Page-Cache"] == "HIT"
    call_command("expire_breaking_news")  # not yet expired: nothing happens
    assert client.get("/en/")["X-Page-Cache"] == "HIT"
    time.sleep(max(0.0, (item.expires_at - timezone.now()).total_seconds()) + 0.05)
    call_command("expire_breaking_news")
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "MISS"
    assert banner_of(soup, response) is None
    item.refresh_from_db()
    assert item.expiry_handled
    call_command("expire_breaking_news")  # handled once: the cache is not purged again
    assert client.get("/en/")["X-Page-Cache"] == "HIT"


def test_the_scheduler_runs_the_expiry_and_the_flush(site_tree):
    item = breaking(expires_in=datetime.timedelta(hours=-1), headline_en="Old")
    call_command("run_scheduler", "--once", "--newsletter-interval", "0")
    item.refresh_from_db()
    assert item.expiry_handled


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_through_varnish_it_shows_and_disappears_within_a_second(varnish, site_tree):  # noqa: F811
    for language in LANGUAGES:
        request(varnish, f"/{language}/")
        assert request(varnish, f"/{language}/")[1]["x-cache"] == "HIT"
    item = breaking(
        expires_in=datetime.timedelta(seconds=3), headline_en="Through Varnish", headline_ru="Через Varnish"
    )
    saved = time.monotonic()
    expected = {"en": b"Through Varnish", "ru": "Через Varnish".encode(), "az": None}
    for language in LANGUAGES:
        body = request(varnish, f"/{language}/")[2]
        if expected[language]:
            assert expected[language] in body, language
        else:
            assert b'class="breaking"' not in body
    assert time.monotonic() - saved < FRESH_WITHIN
    for language in LANGUAGES:
        assert request(varnish, f"/{language}/")[1]["x-cache"] == "HIT"
    time.sleep(max(0.0, (item.expires_at - timezone.now()).total_seconds()) + 0.05)
    call_command("expire_breaking_news")
    expired = time.monotonic()
    for language in LANGUAGES:
        assert b'class="breaking"' not in request(varnish, f"/{language}/")[2], language
    assert time.monotonic() - expired < FRESH_WITHIN


# --- The admin ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_has_a_menu_entry_and_a_form_per_language(admin_client_in, soup, language):
    client = admin_client_in(language)
    dashboard = client.get("/admin/").content.decode()
    assert '"breaking-news"' in dashboard and "/admin/snippets/breaking/breakingnews/" in dashboard
    listing = client.get("/admin/snippets/breaking/breakingnews/")
    assert listing.status_code == 200
    assert MENU_LABEL[language].lower() in listing.content.decode().lower()
    form = soup(client.get(ADD_URL))
    for code in LANGUAGES:
        assert form.select_one(f"[name=headline_{code}]") is not None
        assert form.select_one(f"[name=link_{code}]") is not None
    assert form.select_one("[name=expires_at]") is not None


def test_the_admin_refuses_a_past_expiry_a_bad_link_and_no_headline(admin_client, site_tree):
    past = (timezone.localtime() - datetime.timedelta(minutes=5)).strftime("%Y-%m-%d %H:%M")
    future = (timezone.localtime() + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    base = {f"{field}_{code}": "" for field in ("headline", "link") for code in LANGUAGES}
    cases = [
        ({**base, "headline_en": "A", "expires_at": past, "live": "on"}, "Choose a time in the future."),
        ({**base, "expires_at": future, "live": "on"}, "Write the headline in at least one language."),
        (
            {**base, "headline_en": "A", "link_en": "javascript:alert(1)", "expires_at": future},
            "Enter a web address starting with https:// or a path on this site starting with /.",
        ),
        ({**base, "headline_en": "A"}, "This field is required."),
    ]
    for data, message in cases:
        response = admin_client.post(ADD_URL, data)
        assert response.status_code == 200, data
        assert message in response.content.decode(), message
    assert not BreakingNews.objects.exists()


@pytest.mark.parametrize(
    "link", ["/en/news/", "https://example.org/live?x=1", "http://example.org", "/az/xəbərlər/"]
)
def test_links_to_web_addresses_and_site_paths_are_accepted(link):
    validate_link(link)


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "data:text/html,x", "//evil.example/", "news", "https://", "/a b/"]
)
def test_other_links_are_refused(link):
    with pytest.raises(ValidationError):
        validate_link(link)
