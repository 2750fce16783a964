"""Most read (readership/): the read beacon counts readers' views in the cache (not bots, not signed-in
editors, not previews), ``flush_read_counts`` moves them into the database, and the home page and the
aside beside articles list the most-read articles of each language over 24 hours and 7 days.

Counting works behind the page cache (a cached article still sends its beacon), costs no database write
per view, and a cache outage loses counts, never a page (a real redis-server, stopped).
"""

import datetime
import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_redis.pool import ConnectionFactory

from readership import counting
from readership.flush import flush, hour_start
from readership.models import ReadCount
from readership.ranking import most_read_lists, since
from tests.languages import LANGUAGES
from tests.redis_server import RedisServer
from tests.test_query_budgets import BUDGETS
from translations.links import page_url

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
DAY = 24 * 3600


def beacon(client, article, language, body="read", content_type="text/plain;charset=UTF-8", **headers):
    headers.setdefault("HTTP_USER_AGENT", BROWSER)
    return client.post(f"/{language}/read/{article.pk}/", body, content_type=content_type, **headers)


def read(client, article, language, times=1, now=None):
    """``times`` views through the beacon; ``now`` (epoch seconds) counts them in an earlier hour."""
    for _ in range(times):
        if now is None:
            assert beacon(client, article, language).status_code == 204
        else:
            assert counting.count_view(language, article.pk, now=now)


def views(article, language) -> int:
    rows = ReadCount.objects.filter(article=article, language=language)
    return sum(rows.values_list("views", flat=True))


@pytest.fixture
def articles(site_tree, make_article):
    """Three articles in every language, plus one in English only."""
    made = [
        make_article(
            site_tree.economy, title_en=f"Story {name}", title_az=f"Xəbər {name}", title_ru=f"Новость {name}"
        )
        for name in ("one", "two", "three")
    ]
    english_only = make_article(site_tree.energy, title_en="English only story", languages=["en"])
    return [*made, english_only]


# --- The beacon ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_view_is_counted_in_the_cache_then_flushed_into_the_database(client, articles, language):
    article = articles[0]
    with CaptureQueriesContext(connection) as captured:
        response = beacon(client, article, language)
    assert response.status_code == 204
    assert not response.cookies and "Set-Cookie" not in response
    assert "no-store" in response["Cache-Control"]
    # A read, no write: the view is in the cache.
    assert not [q for q in captured.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert ReadCount.objects.count() == 0
    read(client, article, language, times=2)
    assert counting.pending() == {(counting.current_hour(), language, article.pk): 3}

    call_command("flush_read_counts")
    assert views(article, language) == 3
    assert counting.pending() == {}  # taken out of the buffer
    read(client, article, language)
    call_command("flush_read_counts")  # an existing row gets the new views added
    assert views(article, language) == 4
    assert ReadCount.objects.filter(article=article).count() == 1
    assert {row.language for row in ReadCount.objects.all()} == {language}


@pytest.mark.parametrize(
    "user_agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0",
        "curl/8.5.0",
        "python-requests/2.32",
    ],
)
def test_bots_and_link_previews_are_answered_but_not_counted(client, articles, user_agent):
    assert beacon(client, articles[0], "en", HTTP_USER_AGENT=user_agent).status_code == 204
    call_command("flush_read_counts")
    assert ReadCount.objects.count() == 0


def test_signed_in_editors_are_not_counted_and_previews_send_no_beacon(admin_client, articles):
    article = articles[0]
    assert beacon(admin_client, article, "en").status_code == 204
    call_command("flush_read_counts")
    assert ReadCount.objects.count() == 0
    preview = article.make_preview_request()  # what the editor's preview panel renders
    preview.render()
    assert preview.status_code == 200 and article.title.encode() in preview.content
    assert b"read-beacon.js" not in preview.content
    assert b"read-beacon.js" in admin_client.get(page_url(article, "en")).content


def test_the_beacon_refuses_what_is_not_a_readers_view(client, articles, make_article, site_tree):
    article, english_only = articles[0], articles[3]
    assert client.get(f"/en/read/{article.pk}/").status_code == 405
    assert client.put(f"/en/read/{article.pk}/", "read", content_type="text/plain").status_code == 405
    assert beacon(client, article, "en", body="").status_code == 400
    assert beacon(client, article, "en", body="read" * 100).status_code == 400
    assert (
        beacon(client, article, "en", body='{"read": 1}', content_type="application/json").status_code == 400
    )
    assert beacon(client, article, "en", HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    assert beacon(client, article, "en", HTTP_ORIGIN="https://elsewhere.example").status_code == 403
    assert beacon(client, article, "en", HTTP_SEC_FETCH_SITE="same-origin").status_code == 204
    assert beacon(client, article, "en", HTTP_ORIGIN="http://testserver").status_code == 204
    assert client.post("/en/read/999999/", "read", content_type="text/plain").status_code == 404
    assert client.post("/en/read/abc/", "read", content_type="text/plain").status_code == 404
    # Not in Russian, not yet live, or a section: not an article readers of that language can see.
    assert beacon(client, english_only, "ru").status_code == 404
    assert beacon(client, english_only, "en").status_code == 204
    draft = make_article(site_tree.economy, title_en="Draft", live=False, publish_it=False)
    assert beacon(client, draft, "en").status_code == 404
    assert beacon(client, site_tree.economy, "en").status_code == 404
    call_command("flush_read_counts")
    assert views(article, "en") == 2 and views(english_only, "en") == 1


def test_counting_works_behind_the_page_cache(client, settings, articles):
    settings.PAGE_CACHE = True
    settings.FRAGMENT_CACHE = True
    article = articles[0]
    url = page_url(article, "en")
    assert client.get(url)["X-Page-Cache"] == "MISS"
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "HIT"
    assert f'data-read-url="/en/read/{article.pk}/"'.encode() in cached.content
    response = beacon(client, article, "en")
    assert response.status_code == 204 and "X-Page-Cache" not in response
    assert beacon(client, article, "en").status_code == 204  # the beacon itself is never cached
    call_command("flush_read_counts")
    assert views(article, "en") == 2


# --- The lists ----------------------------------------------------------------------------------------
def titles(entries) -> list[str]:
    return [entry["title"] for entry in entries]


def test_most_read_is_ordered_per_language_and_per_window(client, articles):
    one, two, three, english_only = articles
    three_days_ago = time.time() - 3 * DAY
    ten_days_ago = time.time() - 10 * DAY + 60
    # English: "three" leads the last 24 hours, "one" the week (an older burst), "two" in between.
    read(client, three, "en", times=3)
    read(client, two, "en", times=2)
    read(client, english_only, "en", times=1)
    read(client, one, "en", times=6, now=three_days_ago)
    read(client, two, "en", times=2, now=three_days_ago)
    flush()
    flush(now=three_days_ago)
    # Russian: its own order, from its own readers.
    read(client, one, "ru", times=1)
    read(client, two, "ru", times=4)
    flush()
    # Counted ten days ago: beyond the week, and pruned by the next flush.
    ReadCount.objects.create(
        article=three, language="az", hour=hour_start(counting.current_hour(ten_days_ago))
    )
    ReadCount.objects.create(article=three, language="en", views=90, hour=since(8 * 24))
    flush()
    assert not ReadCount.objects.filter(language="az").exists()
    assert ReadCount.objects.filter(language="en", views=90).exists()  # 8 days: kept, outside the week

    en = most_read_lists("en")
    assert titles(en["day"]) == ["Story three", "Story two", "English only story"]
    assert titles(en["week"]) == ["Story one", "Story two", "Story three", "English only story"]
    assert [entry["views"] for entry in en["week"]] == [6, 4, 3, 1]
    assert en["week"][0]["url"] == page_url(one, "en")
    ru = most_read_lists("ru")
    assert titles(ru["day"]) == titles(ru["week"]) == ["Новость two", "Новость one"]
    assert ru["day"][0]["url"] == page_url(two, "ru")
    assert most_read_lists("az") == {"day": [], "week": []}


def test_the_lists_take_one_query_per_window_and_are_cached(client, articles, django_assert_num_queries):
    for article in articles[:3]:
        read(client, article, "en")
    flush()
    page_url(articles[0], "en")  # Wagtail's site root paths, cached in a running site
    with django_assert_num_queries(2):
        most_read_lists("en")
    with django_assert_num_queries(0):
        most_read_lists("en")


def test_an_unpublished_article_leaves_the_lists_at_once(client, articles):
    one, two = articles[:2]
    read(client, one, "en", times=2)
    read(client, two, "en")
    flush()
    assert titles(most_read_lists("en")["day"]) == ["Story one", "Story two"]
    one.unpublish()
    assert titles(most_read_lists("en")["day"]) == ["Story two"]


def test_a_title_edit_shows_at_once_and_a_new_article_keeps_the_lists(
    client, articles, make_article, site_tree, django_assert_num_queries
):
    one, two = articles[:2]
    read(client, one, "en", times=2)
    read(client, two, "en")
    flush()
    assert titles(most_read_lists("en")["day"]) == ["Story one", "Story two"]
    make_article(site_tree.economy, title_en="Fresh story")  # published, no reads yet
    with django_assert_num_queries(0):
        assert titles(most_read_lists("en")["day"]) == ["Story one", "Story two"]
    one.title_en = "Story one, corrected"
    one.save_revision().publish()
    assert titles(most_read_lists("en")["day"]) == ["Story one, corrected", "Story two"]
    two.delete()
    assert titles(most_read_lists("en")["day"]) == ["Story one, corrected"]


def test_only_the_top_five_are_listed(client, site_tree, make_articles):
    many = make_articles(site_tree.economy, 7)
    for count, article in enumerate(many, start=1):
        read(client, article, "en", times=count)
    flush()
    assert [entry["views"] for entry in most_read_lists("en")["day"]] == [7, 6, 5, 4, 3]


# --- The pages ----------------------------------------------------------------------------------------
LABELS = {
    "en": ("Most read", "Last 24 hours", "Last 7 days", "Most read in 24 hours"),
    "az": ("Ən çox oxunanlar", "Son 24 saat", "Son 7 gün", "Son 24 saatda ən çox oxunanlar"),
    "ru": ("Самое читаемое", "За 24 часа", "За 7 дней", "Самое читаемое за 24 часа"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_and_articles_show_the_languages_most_read(client, soup, articles, language):
    one, two, three, _english_only = articles
    read(client, two, language, times=3)
    read(client, one, language, times=1)
    read(client, three, language, times=5, now=time.time() - 2 * DAY)
    flush()
    flush(now=time.time() - 2 * DAY)
    heading, day, week, aside_heading = LABELS[language]
    expected_day = [getattr(two, f"title_{language}"), getattr(one, f"title_{language}")]
    expected_week = [getattr(three, f"title_{language}"), *expected_day]

    home = soup(client.get(f"/{language}/"))
    block = home.select_one("section.most-read")
    assert block.select_one("h2").get_text(strip=True) == heading
    windows = block.select(".most-read-window")
    assert [w.select_one("h3").get_text(strip=True) for w in windows] == [day, week]
    assert [a.get_text(strip=True) for a in windows[0].select("ol a")] == expected_day
    assert [a.get_text(strip=True) for a in windows[1].select("ol a")] == expected_week
    assert windows[0].select_one("ol a")["href"] == page_url(two, language)

    page = soup(client.get(page_url(one, language)))
    aside = page.select_one("aside.most-read-aside")
    assert aside.select_one("h2").get_text(strip=True) == aside_heading
    assert [a.get_text(strip=True) for a in aside.select("ol a")] == expected_day
    script = page.select_one("script[data-read-url]")
    assert script["data-read-url"] == f"/{language}/read/{one.pk}/"
    assert script["src"].endswith("js/read-beacon.js") and script.has_attr("defer")


def test_without_reads_there_is_no_block_but_the_beacon_is_there(client, soup, articles):
    home = soup(client.get("/en/"))
    assert home.select_one("section.most-read") is None
    page = soup(client.get(page_url(articles[0], "en")))
    assert page.select_one("aside.most-read-aside") is None
    assert page.select_one("script[data-read-url]") is not None


def test_with_only_older_reads_the_aside_lists_the_week(client, soup, articles):
    read(client, articles[1], "en", times=2, now=time.time() - 3 * DAY)
    flush(now=time.time() - 3 * DAY)
    home = soup(client.get("/en/"))
    assert home.select_one(".most-read-empty").get_text(strip=True) == (
        "No articles have been read in the last 24 hours."
    )
    aside = soup(client.get(page_url(articles[0], "en"))).select_one("aside.most-read-aside")
    assert aside.select_one("h2").get_text(strip=True) == "Most read in 7 days"
    assert [a.get_text(strip=True) for a in aside.select("ol a")] == ["Story two"]


def count_queries(client, url) -> int:
    client.get(url)  # warm, as a running site is (navigation tree, renditions, the lists)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_most_read_adds_no_query_to_a_page_and_two_every_few_minutes(client, articles, language):
    urls = {"home": f"/{language}/", "article": page_url(articles[0], language)}
    without = {kind: count_queries(client, url) for kind, url in urls.items()}
    for article in articles[:3]:
        read(client, article, language, times=2)
    flush()
    cache.delete_many([f"readership:most-read:{code}" for code in LANGUAGES])
    for kind, url in urls.items():
        assert count_queries(client, url) == without[kind], kind  # the lists come from the cache
        cache.delete_many([f"readership:most-read:{code}" for code in LANGUAGES])
        with CaptureQueriesContext(connection) as cold:
            assert client.get(url).status_code == 200
        assert len(cold.captured_queries) == without[kind] + 2, kind  # once per MOST_READ_SECONDS
    assert without["home"] <= BUDGETS["home"]


# --- The cache away -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def redis(settings, redis_server):
    if redis_server.process is None:
        redis_server.start()
    redis_server.flush()
    _drop_connection_pools()
    options = dict(settings.REDIS_CACHE_OPTIONS)
    options["REDIS_CLIENT_KWARGS"] = {**options.get("REDIS_CLIENT_KWARGS", {}), "fail_fast_seconds": 0.2}
    redis = {
        "BACKEND": settings.REDIS_CACHE_BACKEND,
        "LOCATION": redis_server.url,
        "KEY_PREFIX": "newsroom-test",
        "OPTIONS": options,
    }
    settings.CACHES = {"default": redis, settings.PAGE_CACHE_ALIAS: redis}
    yield redis_server
    redis_server.thaw()
    _drop_connection_pools()


def _drop_connection_pools():
    for pool in ConnectionFactory._pools.values():
        pool.disconnect()
    ConnectionFactory._pools.clear()


def test_counts_go_to_redis_and_are_lost_not_a_page_when_it_is_down(client, articles, redis):
    article = articles[0]
    read(client, article, "en", times=2)
    assert counting.counts_cache().get(counting.count_key(counting.current_hour(), "en", article.pk)) == 2
    flush()
    assert views(article, "en") == 2
    redis.kill()
    response = beacon(client, article, "en")
    assert response.status_code == 204
    for url in ("/en/", page_url(article, "en"), "/ru/", page_url(article, "ru")):
        assert client.get(url).status_code == 200, url
    redis.restart()
    time.sleep(0.4)  # the fail-fast interval (0.2 s here) is over: the next call tries Redis again
    read(client, article, "en")
    call_command("flush_read_counts")
    assert views(article, "en") == 3  # the view during the outage is lost, nothing else


def test_a_frozen_redis_does_not_hold_the_beacon(client, articles, redis):
    read(client, articles[0], "en")
    with redis.frozen():
        started = time.monotonic()
        for _ in range(3):
            assert beacon(client, articles[0], "en").status_code == 204
        assert time.monotonic() - started < 1.0


def test_hours_are_utc_hour_starts():
    hour = counting.current_hour(datetime.datetime(2026, 12, 3, 17, 59, tzinfo=datetime.UTC).timestamp())
    assert hour_start(hour) == datetime.datetime(2026, 12, 3, 17, tzinfo=datetime.UTC)
