"""Live coverage of a developing story (news.models.live, news.live_views, templates/news/live_*.html):
timestamped updates newest first with their own anchors, in the reader's language only; the "Live"
badge on the article and its cards; "Live coverage ended" once the editor ends it; LiveBlogPosting
JSON-LD; the small cacheable endpoint open pages poll, and purging it on publish.
"""

import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from news.models import ArticlePage, LiveUpdate
from pagecache import purge
from tests import factories
from tests.languages import LANGUAGES
from translations.links import page_url

BAKU = datetime.timezone(datetime.timedelta(hours=4))
NOON = datetime.datetime(2025, 11, 14, 12, 0, tzinfo=BAKU)
BADGE = {"en": "Live", "az": "Canlı", "ru": "Онлайн"}
ENDED = {"en": "Live coverage ended", "az": "Canlı yayım başa çatıb", "ru": "Трансляция завершена"}
MONTH = {"en": "Nov.", "az": "noyabr", "ru": "ноября"}  # Azerbaijani month names are lower case


def everywhere(text: str) -> dict:
    return {code: f"{text} ({code})" for code in LANGUAGES}


def add_update(article, *, at, text=None, headline=None, publish=True):
    """Add an update to ``article`` as an editor would (a new revision, published); return it saved."""
    page = ArticlePage.objects.get(pk=article.pk)
    update = LiveUpdate(
        published_at=at,
        **factories.translated("text", {code: f"<p>{value}</p>" for code, value in (text or {}).items()}),
        **factories.translated("headline", headline or {}),
    )
    page.live_updates.add(update)
    if publish:
        factories.publish(page)
    return LiveUpdate.objects.filter(page=page).order_by("-pk").first()


def end_coverage(article):
    page = ArticlePage.objects.get(pk=article.pk)
    page.live_ended = True
    factories.publish(page)
    return ArticlePage.objects.get(pk=article.pk)


@pytest.fixture
def live_article(site_tree, make_article, tag):
    article = make_article(site_tree.economy, title_en="Flooding in Lankaran", tags=[tag], live_coverage=True)
    updates = [
        add_update(
            article,
            at=NOON + datetime.timedelta(minutes=minutes),
            text=everywhere(f"Update at {minutes} minutes"),
            headline=everywhere(f"Headline {minutes}") if minutes == 30 else None,
        )
        for minutes in (0, 30, 10)  # added out of order: shown by time
    ]
    return ArticlePage.objects.get(pk=article.pk), updates


def updates_on(html):
    return html.select(".live-coverage .live-update")


def endpoint(article, language, after=None):
    url = f"/{language}/live/{article.pk}/updates/"
    return url if after is None else f"{url}?after={after}"


def json_ld(html):
    return [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]


# --- The article -----------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_updates_are_newest_first_each_with_its_anchor_and_time(client, soup, live_article, language):
    article, (at_0, at_30, at_10) = live_article
    html = soup(client.get(page_url(article, language)))
    shown = updates_on(html)
    assert [item["id"] for item in shown] == [f"update-{u.pk}" for u in (at_30, at_10, at_0)]
    assert shown[0].select_one("h3").get_text(strip=True) == f"Headline 30 ({language})"
    assert shown[1].select_one("h3") is None  # no headline: none shown, and no English one either
    assert f"Update at 10 minutes ({language})" in shown[1].get_text()
    link = shown[0].select_one(".live-update-time a")
    assert link["href"] == f"#update-{at_30.pk}"
    time = link.select_one("time")
    assert time["datetime"] == "2025-11-14T12:30:00+04:00"
    assert MONTH[language] in time.get_text() and "14" in time.get_text() and "2025" in time.get_text()
    badge = html.select_one("[data-live-badge]")
    assert badge.get_text(strip=True) == BADGE[language]
    section = html.select_one(".live-coverage")
    assert section["data-live-updates-url"] == endpoint(article, language)
    assert section["data-live-after"] == str(max(u.pk for u in (at_0, at_30, at_10)))
    assert html.select_one('script[src$="js/live.js"]') is not None
    assert html.select_one('link[href$="css/live.css"]') is not None


@pytest.mark.django_db
def test_an_update_is_shown_only_in_the_languages_it_is_written_in(client, soup, live_article):
    article, updates = live_article
    english_only = add_update(
        article,
        at=NOON + datetime.timedelta(hours=1),
        text={"en": "Only in English"},
        headline={"en": "English headline"},
    )
    for language in LANGUAGES:
        html = soup(client.get(page_url(article, language)))
        ids = [item["id"] for item in updates_on(html)]
        assert (f"update-{english_only.pk}" in ids) == (language == "en"), language
        assert len(ids) == len(updates) + (language == "en")
        assert ("English headline" in html.get_text()) == (language == "en")


@pytest.mark.django_db
def test_update_text_is_cleaned_to_what_the_editor_allows(client, soup, live_article):
    article, _updates = live_article
    update = add_update(
        article,
        at=NOON + datetime.timedelta(hours=2),
        text={"en": 'Calm<script>alert(1)</script> <b onclick="x()">now</b>'},
    )
    assert "script" not in update.text_en and "onclick" not in update.text_en
    html = soup(client.get(page_url(article, "en")))
    item = html.select_one(f"#update-{update.pk}")
    assert item.select("script") == [] and item.select_one("b").get_text() == "now"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_ended_coverage_says_so_keeps_its_updates_and_stops_polling(client, soup, live_article, language):
    article, updates = live_article
    before = timezone.now()
    ended = end_coverage(article)
    assert ended.live_ended_at is not None and ended.live_ended_at >= before
    html = soup(client.get(page_url(article, language)))
    status = html.select_one("[data-live-badge]")
    assert ENDED[language] in status.get_text()
    assert BADGE[language] not in status.get_text().replace(ENDED[language], "")
    assert status.select_one("time")["datetime"]
    assert len(updates_on(html)) == len(updates)
    assert not html.select_one(".live-coverage").has_attr("data-live-updates-url")
    assert html.select_one('script[src$="js/live.js"]') is None


@pytest.mark.django_db
def test_reopening_coverage_forgets_when_it_ended(live_article):
    article, _updates = live_article
    page = end_coverage(article)
    page.live_ended = False
    factories.publish(page)
    assert ArticlePage.objects.get(pk=article.pk).live_ended_at is None


@pytest.mark.django_db
def test_an_ordinary_article_has_no_live_parts(client, soup, site_tree, make_article):
    article = make_article(site_tree.economy)
    html = soup(client.get(page_url(article, "en")))
    assert html.select(".live-coverage, [data-live-badge], .live-badge") == []
    assert html.select_one('script[src$="js/live.js"]') is None


# --- Listings --------------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_cards_carry_the_live_badge_while_live(
    client, soup, site_tree, live_article, make_article, tag, language
):
    article, _updates = live_article
    ordinary = make_article(site_tree.economy, title_en="Budget passed", tags=[tag])
    over = make_article(site_tree.economy, title_en="Storm passed", tags=[tag], live_coverage=True)
    end_coverage(over)
    listings = [f"/{language}/", page_url(site_tree.economy, language), f"/{language}/tags/{tag.slug}/"]
    for url in listings:
        html = soup(client.get(url))
        cards = {card.select_one(".card-title a")["href"]: card for card in html.select("article.card")}
        live_card = cards[page_url(article, language)]
        assert live_card.select_one(".live-badge").get_text(strip=True) == BADGE[language], url
        assert cards[page_url(ordinary, language)].select_one(".live-badge") is None, url
        assert cards[page_url(over, language)].select_one(".live-badge") is None, url


@pytest.mark.django_db
def test_badges_cost_no_query_per_card(client, site_tree, make_article):
    for _ in range(4):
        make_article(site_tree.economy, publish_it=False)
    url = page_url(site_tree.economy, "en")

    def queries():
        client.get(url)  # warm the navigation tree and renditions
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    without = queries()
    ArticlePage.objects.update(live_coverage=True)
    assert b"live-badge" in client.get(url).content
    assert queries() == without


# --- JSON-LD ---------------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_json_ld_is_a_live_blog_posting_with_its_updates(client, soup, live_article, language):
    article, (at_0, at_30, at_10) = live_article
    url = page_url(article, language, full=True)
    data = json_ld(soup(client.get(page_url(article, language))))[0]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LiveBlogPosting"
    assert data["headline"] and data["datePublished"] and data["publisher"]["name"]
    assert data["coverageStartTime"] <= "2025-11-14T12:00:00+04:00"
    assert "coverageEndTime" not in data
    entries = data["liveBlogUpdate"]
    assert [entry["url"] for entry in entries] == [f"{url}#update-{u.pk}" for u in (at_30, at_10, at_0)]
    assert entries[0]["@type"] == "BlogPosting"
    assert entries[0]["headline"] == f"Headline 30 ({language})"
    assert entries[1]["headline"] == f"Update at 10 minutes ({language})"  # no headline: the text
    assert entries[0]["datePublished"] == "2025-11-14T12:30:00+04:00"
    assert entries[0]["articleBody"] == f"Update at 30 minutes ({language})"
    assert all(entry["inLanguage"] == language for entry in entries)

    end_coverage(article)
    data = json_ld(soup(client.get(page_url(article, language))))[0]
    assert data["@type"] == "LiveBlogPosting" and data["coverageEndTime"] >= data["coverageStartTime"]


@pytest.mark.django_db
def test_an_ordinary_article_stays_a_news_article(client, soup, site_tree, make_article):
    article = make_article(site_tree.economy)
    data = json_ld(soup(client.get(page_url(article, "en"))))[0]
    assert data["@type"] == "NewsArticle" and "liveBlogUpdate" not in data


# --- The endpoint ----------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_endpoint_answers_newer_updates_newest_first_cacheable(client, soup, live_article, language):
    article, (at_0, at_30, at_10) = live_article
    response = client.get(endpoint(article, language, after=at_0.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=10", "s-maxage=10"} <= cache_control
    data = response.json()
    assert [update["id"] for update in data["updates"]] == [at_30.pk, at_10.pk]  # after at_0, by time
    assert data["count"] == 2 and data["ended"] is False
    assert (
        data["notice"] == {"en": "2 new updates", "az": "2 yeni yenilənmə", "ru": "2 новые записи"}[language]
    )
    newest = data["updates"][0]
    first = soup(newest["html"]).select_one("article.live-update")
    assert first["id"] == newest["anchor"] == f"update-{at_30.pk}"
    assert f"Headline 30 ({language})" in first.get_text()
    assert MONTH[language] in first.select_one("time").get_text()
    assert newest["time"] == "2025-11-14T12:30:00+04:00"

    # Everything, or what is newer than a time; nothing after the newest.
    assert [u["id"] for u in client.get(endpoint(article, language)).json()["updates"]] == [
        at_30.pk,
        at_10.pk,
        at_0.pk,
    ]
    by_time = client.get(endpoint(article, language, after="2025-11-14T12:05:00%2B04:00")).json()
    assert [u["id"] for u in by_time["updates"]] == [at_30.pk, at_10.pk]
    assert client.get(endpoint(article, language, after=at_10.pk)).json() == {
        "updates": [],
        "count": 0,
        "notice": "",
        "ended": False,
    }


@pytest.mark.django_db
def test_endpoint_leaves_out_updates_not_written_in_the_language(client, live_article):
    article, updates = live_article
    english = add_update(article, at=NOON + datetime.timedelta(hours=1), text={"en": "Only in English"})
    after = max(u.pk for u in updates)
    assert [u["id"] for u in client.get(endpoint(article, "en", after)).json()["updates"]] == [english.pk]
    assert client.get(endpoint(article, "ru", after)).json()["updates"] == []


@pytest.mark.django_db
def test_endpoint_says_when_coverage_has_ended(client, live_article):
    article, _updates = live_article
    end_coverage(article)
    assert client.get(endpoint(article, "az")).json()["ended"] is True


@pytest.mark.django_db
def test_endpoint_404_for_what_is_not_live_coverage_here(client, site_tree, make_article, live_article):
    article, _updates = live_article
    ordinary = make_article(site_tree.economy)
    english_only = make_article(site_tree.economy, languages=("en",), live_coverage=True)
    draft = make_article(site_tree.economy, live_coverage=True)
    draft.unpublish()
    cases = [
        endpoint(article, "en").replace(str(article.pk), "999999"),
        endpoint(ordinary, "en"),
        endpoint(english_only, "az"),
        endpoint(draft, "ru"),
        endpoint(site_tree.economy, "en"),  # a section, not an article
    ]
    for url in cases:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"]
    assert client.get(endpoint(english_only, "en")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("after", ["abc", "-1", "1.5", "2025-13-45T00:00", "9" * 50, "٣"])
def test_endpoint_400_for_a_bad_after(client, live_article, after):
    article, _updates = live_article
    response = client.get(endpoint(article, "en", after))
    assert response.status_code == 400
    assert "after" in response.json()["error"]


@pytest.mark.django_db
def test_endpoint_only_answers_get_and_head(client, live_article):
    article, _updates = live_article
    assert client.head(endpoint(article, "en")).status_code == 200
    assert client.post(endpoint(article, "en")).status_code == 405


# --- Caching and purging ---------------------------------------------------------------------------
@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    settings.FRAGMENT_CACHE = True
    return settings


@pytest.mark.django_db
def test_endpoint_is_served_from_the_page_cache_until_an_update_is_published(
    client, page_cache, live_article
):
    article, updates = live_article
    after = max(u.pk for u in updates)
    urls = {language: endpoint(article, language, after) for language in LANGUAGES}
    pages = {language: page_url(article, language) for language in LANGUAGES}
    for language in LANGUAGES:
        assert client.get(urls[language])["X-Page-Cache"] == "MISS"
        assert client.get(pages[language])["X-Page-Cache"] == "MISS"
        hit = client.get(urls[language])
        assert hit["X-Page-Cache"] == "HIT" and hit.json()["updates"] == []
        assert "max-age=10" in hit["Cache-Control"]
    new = add_update(article, at=timezone.now(), text=everywhere("Water is receding"))
    for language in LANGUAGES:
        fresh = client.get(urls[language])
        assert [u["id"] for u in fresh.json()["updates"]] == [new.pk], language
        assert f"update-{new.pk}".encode() in client.get(pages[language]).content, language


class PurgeRecorder(BaseHTTPRequestHandler):
    """A front cache stand-in that records the paths it is asked to PURGE."""

    purged: list[str] = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        PurgeRecorder.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def front_cache(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.purged = []
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "pagecache.frontend.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


# Transactional: the front cache is told after commit.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_an_update_purges_the_article_and_its_endpoint_in_every_language(
    front_cache, live_article
):
    article, _updates = live_article
    front_cache.clear()
    add_update(article, at=timezone.now(), text=everywhere("Roads reopen"))
    for language in LANGUAGES:
        assert page_url(article, language) in front_cache, language
        assert endpoint(article, language) in front_cache, language
    with translation.override("en"):
        assert endpoint(article, "en") in purge.page_paths(ArticlePage.objects.get(pk=article.pk))


# --- The editor ------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_an_update_needs_text_in_some_language():
    from django.core.exceptions import ValidationError

    update = LiveUpdate(published_at=NOON, headline_en="Only a headline", text_en="<p> </p>")
    with pytest.raises(ValidationError):
        update.clean()


@pytest.mark.django_db
def test_the_article_editor_offers_live_coverage_and_updates_in_every_language(admin_client, live_article):
    article, _updates = live_article
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("live_coverage", "live_ended"):
        assert f'name="{name}"' in html
    for language in LANGUAGES:
        assert f'name="live_updates-0-text_{language}"' in html
        assert f'name="live_updates-0-headline_{language}"' in html
    assert 'name="live_updates-0-published_at"' in html
