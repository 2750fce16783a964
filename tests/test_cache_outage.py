"""Redis is an accelerator, never a single point of failure.

Each test points the cache at a real ``redis-server`` of its own (``tests.redis_server``, one per module on a
free 127.0.0.1 port) with the production backend and options (``settings.REDIS_CACHE_BACKEND``: django-redis
with a per-process stand-in while Redis does not answer, 0.25 s timeouts, the fail-fast client), then stops
it (connections refused) or freezes it (SIGSTOP: connections accepted, never answered). Reader pages must
answer 200, within a second when frozen, and be kept by the stand-in for a few seconds; publishing must
succeed; what publishing cleared during the outage is cleared in Redis when it answers again, the rest
expires; the outage is logged once each way, not per call. A frozen server is always thawed
(``RedisServer.frozen`` and the fixture's teardown), and the server is killed when the module ends.
"""

import ast
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_redis.pool import ConnectionFactory
from redis import Redis

from navigation import tree
from navigation.menus import main_menu
from news.models import ArticlePage, CategoryIndexPage
from newsroom.settings.redis_cache import ResilientRedisCache
from newsroom.settings.redis_client import Breaker
from pagecache import store
from tests import factories
from tests.languages import LANGUAGES
from tests.redis_server import RedisServer
from translations.links import page_url

BASE_DIR = Path(__file__).resolve().parent.parent
PAGE_BUDGET = 1.0  # seconds a reader page may take with Redis frozen
REDIS_LOGGER = "django_redis.cache"
CACHE_LOGGER = "newsroom.cache"


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


def _drop_connection_pools():
    # django-redis keeps one pool per URL for the life of the process, and the fail-fast state lives on it:
    # every test starts with fresh connections and a closed breaker.
    for pool in ConnectionFactory._pools.values():
        pool.disconnect()
    ConnectionFactory._pools.clear()


def _point_cache_at(settings, server, **client_kwargs):
    options = dict(settings.REDIS_CACHE_OPTIONS)
    options["REDIS_CLIENT_KWARGS"] = {**options.get("REDIS_CLIENT_KWARGS", {}), **client_kwargs}
    redis = {
        "BACKEND": settings.REDIS_CACHE_BACKEND,
        "LOCATION": server.url,
        "KEY_PREFIX": "newsroom-test",
        "OPTIONS": options,
    }
    # The page cache on the same Redis, as production has it with REDIS_URL.
    settings.CACHES = {"default": redis, settings.PAGE_CACHE_ALIAS: redis}


@pytest.fixture
def redis(settings, redis_server):
    """The cache on the module's redis-server, running and empty, its errors logged as LOGGING says;
    thawed and cleared afterwards."""
    if redis_server.process is None:  # an earlier test stopped it
        redis_server.start()
    redis_server.flush()
    _drop_connection_pools()
    _point_cache_at(settings, redis_server)
    yield redis_server
    redis_server.thaw()
    tree._local_copy.clear()
    store._pending.since = 0.0
    _drop_connection_pools()


@pytest.fixture
def article(site_tree, make_article):
    return make_article(site_tree.economy, title_en="Caspian pipeline talks resume")


def section_feed(section, language):
    return f"/{language}/feed/{page_url(section, language).removeprefix(f'/{language}/').strip('/')}/rss/"


def reader_urls(site_tree, article):
    urls = ["/sitemap.xml", "/sitemap-pages.xml"]
    for language in LANGUAGES:
        urls += [
            f"/{language}/",
            page_url(site_tree.news, language),
            page_url(site_tree.economy, language),
            page_url(site_tree.about, language),
            page_url(article, language),
            f"/{language}/search/?q=Caspian",
            f"/{language}/search/live/?q=Caspian",
            f"/{language}/feed/rss/",
            f"/{language}/feed/atom/",
            section_feed(site_tree.economy, language),
            f"/sitemap-news-{language}.xml",
        ]
    return urls


def get_all(client, urls):
    """Every URL's status and seconds taken."""
    timings = {}
    for url in urls:
        started = time.monotonic()
        response = client.get(url)
        timings[url] = (response.status_code, time.monotonic() - started)
    return timings


def menu_titles(language="en"):
    return [item["title"] for item in main_menu(language)] + [
        child["title"] for item in main_menu(language) for child in item.get("children", [])
    ]


def add_section(site_tree, title):
    slug = title.lower()
    return factories.add_page(
        site_tree.home,
        CategoryIndexPage,
        titles={"en": title, "az": f"{title} az", "ru": f"{title} ru"},
        slugs={"en": slug, "az": f"{slug}-az", "ru": f"{slug}-ru"},
        show_in_menus=True,
        publish_it=True,
    )


# --- With Redis up, the cache is Redis --------------------------------------------------------------
def test_with_redis_up_pages_are_cached_in_redis_for_at_most_a_minute(client, site_tree, article, redis):
    assert client.get("/en/").status_code == 200
    assert cache.get(tree.CACHE_KEY) is not None  # the navigation tree went to Redis
    assert 0 < cache.ttl(tree.CACHE_KEY) <= 60


def reads_from_redis(monkeypatch):
    """The keys the default cache (Redis) is asked for from now on, and its own ``get``."""
    reads = []
    redis_cache = caches["default"]
    real_get = redis_cache.get

    def counted_get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(redis_cache, "get", counted_get)
    return reads, real_get


def test_a_page_built_for_a_reader_reads_the_navigation_tree_from_redis_once(
    client, settings, site_tree, article, redis, monkeypatch
):
    """An article built from scratch (an editor, a first view, ``PAGE_CACHE=false``) reads the section
    tree from Redis once, not once per menu, breadcrumb and footer (8 round trips and unpicklings); the
    next request reads it again, so another process's publish shows in the menu at once."""
    settings.PAGE_CACHE = False
    url = page_url(article, "en")
    assert client.get(url).status_code == 200
    reads, real_get = reads_from_redis(monkeypatch)
    assert client.get(url).status_code == 200
    assert reads.count(tree.CACHE_KEY) == 1, reads
    # Another app server publishes a section: it clears the tree in Redis, not in this process.
    stored = real_get(tree.CACHE_KEY)
    stored["sections"].append({**stored["sections"][-1], "titles": dict.fromkeys(LANGUAGES, "Culture")})
    cache.set(tree.CACHE_KEY, stored, 60)
    assert "Culture" in client.get(url).content.decode()
    assert reads.count(tree.CACHE_KEY) == 2


def test_a_page_built_for_a_reader_reads_each_languages_site_root_paths_from_redis_once(
    client, settings, site_tree, article, redis, monkeypatch
):
    """An article's links in every language (switcher, hreflang, canonical) read the site's root paths
    from Redis once per language, not 7 times (wagtail-modeltranslation keeps one language's on the
    request); the next request reads them again. (With the fragments kept, as in production: a list
    rendered on a fragment miss links its items without the request, which reads them once more.)"""
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True
    url = page_url(article, "ru")
    assert client.get(url).status_code == 200
    reads, _real_get = reads_from_redis(monkeypatch)
    response = client.get(url)
    assert response.status_code == 200
    root_paths = sorted(key for key in reads if key.startswith("wagtail_site_root_paths"))
    assert root_paths == sorted(f"wagtail_site_root_paths_{code}" for code in LANGUAGES), reads
    for code in LANGUAGES:  # and every language's link is there, from those paths
        assert f'hreflang="{code}"' in response.content.decode()
    assert client.get(url).status_code == 200
    assert len([key for key in reads if key.startswith("wagtail_site_root_paths")]) == 2 * len(LANGUAGES)


# --- (1) Redis stopped -------------------------------------------------------------------------------
def test_reader_pages_answer_with_redis_stopped(client, site_tree, article, redis):
    urls = reader_urls(site_tree, article)
    assert {url: status for url, (status, _t) in get_all(client, urls).items()} == dict.fromkeys(urls, 200)
    redis.kill()
    assert {url: status for url, (status, _t) in get_all(client, urls).items()} == dict.fromkeys(urls, 200)


# --- (2) Redis frozen --------------------------------------------------------------------------------
def test_reader_pages_answer_within_a_second_with_redis_frozen(client, site_tree, article, redis):
    urls = reader_urls(site_tree, article)
    get_all(client, urls)  # warm: every page has its entries in Redis, and open connections to it
    with redis.frozen():
        timings = get_all(client, urls)
    assert {url: status for url, (status, _t) in timings.items()} == dict.fromkeys(urls, 200)
    slow = {url: round(seconds, 2) for url, (_status, seconds) in timings.items() if seconds > PAGE_BUDGET}
    assert not slow, f"slower than {PAGE_BUDGET}s with Redis frozen: {slow}"


def test_a_cold_page_with_redis_frozen_waits_for_redis_once(client, site_tree, article, redis):
    # An empty cache is the worst case: a page then makes over 200 cache calls (Wagtail's site root paths,
    # the navigation tree, renditions); after the first times out the rest fail at once.
    assert client.get(page_url(article, "en")).status_code == 200  # the process is warm (templates, images)
    redis.flush()
    with redis.frozen():
        for language in LANGUAGES:
            started = time.monotonic()
            assert client.get(page_url(article, language)).status_code == 200
            assert time.monotonic() - started < PAGE_BUDGET


def test_every_cache_operation_fails_fast_once_redis_has_timed_out(redis):
    cache.set("warm", 1)  # a pooled connection that will time out, as in a running server
    with redis.frozen():
        started = time.monotonic()
        assert cache.get("warm") is None  # waits out SOCKET_TIMEOUT once
        assert 0.2 < time.monotonic() - started < PAGE_BUDGET
        started = time.monotonic()
        assert cache.get("warm") is None
        assert cache.get_many(["warm", "other"]) == {}
        # Answered by this process's stand-in meanwhile: kept for a few seconds, not lost, not an error.
        assert cache.set("key", 1) and cache.get("key") == 1 and not cache.add("key", 2)
        cache.set_many({"a": 1, "b": 2})
        assert cache.get_many(["a", "b"]) == {"a": 1, "b": 2}
        cache.delete("key")
        cache.delete_many(["a", "b"])
        assert cache.get_many(["key", "a", "b"]) == {}
        assert time.monotonic() - started < 0.05
    assert cache.get("warm") is None  # the fail-fast interval (5 s) is not over: still skipped


def _wait_for_interval_start(seconds: float) -> None:
    while time.time() % seconds > 0.1:
        time.sleep(0.01)


def test_the_stand_in_keeps_entries_a_few_seconds_only_and_drops_them_together(settings, redis):
    interval = settings.REDIS_FALLBACK_SECONDS
    assert interval <= 2
    redis.kill()
    _wait_for_interval_start(interval)
    cache.set("forever", 1, None)
    cache.set("an-hour", 1, 3600)
    assert 0 < cache.ttl("forever") <= interval and 0 < cache.ttl("an-hour") <= interval
    time.sleep(interval * 0.6)
    # A page built now from an entry stored earlier must not outlive that entry by a full interval: the
    # stand-in's entries all end at the same instant, whenever they were stored.
    cache.set("built-later", 1, None)
    assert cache.get("forever") == cache.get("an-hour") == cache.get("built-later") == 1
    time.sleep(interval * 0.4 + 0.05)
    assert cache.get_many(["forever", "an-hour", "built-later"]) == {}


def test_pages_are_not_rebuilt_on_every_request_while_redis_is_stopped(client, site_tree, article, redis):
    urls = [page_url(article, "ru"), "/az/", page_url(site_tree.economy, "en")]
    get_all(client, urls)
    redis.kill()
    get_all(client, urls)  # the first request of each page after the outage builds it
    with CaptureQueriesContext(connection) as again:
        assert {status for status, _t in get_all(client, urls).values()} == {200}
    # What the first requests computed (navigation tree, site root paths, renditions, cached parts) is
    # kept by the stand-in: the repeat requests cost what they cost with Redis up, not a cold build.
    redis.restart()
    _drop_connection_pools()
    get_all(client, urls)
    with CaptureQueriesContext(connection) as redis_up:
        get_all(client, urls)
    assert len(again) <= len(redis_up) + 2, (len(again), len(redis_up))


def test_keys_deleted_during_the_outage_are_deleted_in_redis_when_it_answers_again(settings, redis):
    _point_cache_at(settings, redis, fail_fast_seconds=0.3)
    cache.set("tree", "old", 600)
    cache.set("kept", "old", 600)
    redis.freeze()
    try:
        assert cache.get("tree") is None  # times out: Redis is given up
        cache.delete("tree")  # publishing clears it: only this process's stand-in hears of it
    finally:
        redis.thaw()
    time.sleep(0.4)  # the fail-fast interval
    assert cache.get("kept") == "old"  # Redis answers again: its copy is used ...
    assert cache.get("tree") is None  # ... and the delete it missed was sent to it
    assert Redis.from_url(redis.url).get("newsroom-test:1:tree") is None


def test_the_breaker_lets_one_caller_try_again_after_the_interval():
    breaker = Breaker("127.0.0.1:1")
    assert breaker.allow(0.2)
    breaker.failed(0.2, ConnectionError("refused"))
    assert not breaker.allow(0.2)
    time.sleep(0.25)
    assert breaker.allow(0.2)  # this caller tries Redis again ...
    assert not breaker.allow(0.2)  # ... the others keep failing fast meanwhile
    breaker.succeeded()
    assert breaker.allow(0.2) and breaker.allow(0.2)


# --- (3) Publishing while Redis is down ------------------------------------------------------------
@pytest.mark.parametrize("outage", ["stopped", "frozen"])
def test_publishing_succeeds_while_redis_is_down(client, site_tree, article, redis, outage):
    assert client.get("/en/").status_code == 200
    if outage == "stopped":
        redis.kill()
    else:
        redis.freeze()
    try:
        article.title_en = "Caspian pipeline talks resume, with a new date"
        started = time.monotonic()
        revision = article.save_revision()
        revision.publish()
        new = factories.create_article(site_tree.opinion, title_en="Published during the outage")
        section = add_section(site_tree, "Culture")
        elapsed = time.monotonic() - started
    finally:
        redis.thaw()
    article.refresh_from_db()
    assert article.live and article.live_revision_id == revision.pk
    assert article.title_en == "Caspian pipeline talks resume, with a new date"
    assert ArticlePage.objects.live().filter(pk=new.pk).exists()
    assert elapsed < 5 * PAGE_BUDGET
    # This process cleared its own copy of the tree: its readers see the new section at once.
    assert "Culture" in menu_titles()
    assert client.get(page_url(section, "en")).status_code == 200


def test_with_a_directory_the_processes_of_a_host_share_the_stand_in(settings, redis, tmp_path):
    # Two processes of one host as the page cache sees them: nothing shared but the directory.
    options = {**settings.REDIS_CACHE_OPTIONS, "FALLBACK_DIRECTORY": str(tmp_path / "stand-in")}
    worker, editor = (
        ResilientRedisCache(redis.url, {"KEY_PREFIX": "newsroom-test", "OPTIONS": options}) for _ in range(2)
    )
    redis.kill()
    _wait_for_interval_start(settings.REDIS_FALLBACK_SECONDS)
    worker.set(store.GENERATION_KEY, "before", None)
    worker.set("page", ("before", "<p>the page</p>"), 60)
    assert editor.get("page") == ("before", "<p>the page</p>")  # built once for the host
    editor.delete(store.GENERATION_KEY)  # publishing (pagecache.store.bump) ...
    editor.set(store.GENERATION_KEY, "after", None)
    assert worker.get(store.GENERATION_KEY) == "after"  # ... retires the pages of every process at once
    time.sleep(settings.REDIS_FALLBACK_SECONDS)
    assert worker.get("page") is None and editor.get(store.GENERATION_KEY) is None  # and they end together


def silently_retitle(article, text: str) -> dict:
    """Another process publishing while Redis is down, as this process sees it: the rows change and nothing
    this process keeps is told (a queryset update sends no signal; the other process's own clearing went
    to its own stand-in)."""
    titles = {language: f"{text} {language}" for language in LANGUAGES}
    fields = {f"title_{language}": title for language, title in titles.items()}
    ArticlePage.objects.filter(pk=article.pk).update(title=titles["en"], **fields)
    return titles


def listing_urls(site_tree) -> dict:
    return {
        language: [f"/{language}/", page_url(site_tree.economy, language), f"/{language}/feed/rss/"]
        for language in LANGUAGES
    }


def seconds_until_shown(client, urls: dict, titles: dict, limit: float) -> dict:
    """Per URL, the seconds until its answer shows the language's title (None: not within ``limit``)."""
    started = time.monotonic()
    shown = {}
    while len(shown) < sum(map(len, urls.values())) and time.monotonic() - started < limit:
        for language, paths in urls.items():
            for path in paths:
                if path not in shown and titles[language] in client.get(path).content.decode():
                    shown[path] = round(time.monotonic() - started, 2)
        time.sleep(0.05)
    return {path: shown.get(path) for paths in urls.values() for path in paths}


def test_an_article_another_process_publishes_while_redis_is_stopped_shows_within_the_interval(
    client, site_tree, article, settings, redis
):
    settings.PAGE_CACHE = settings.FRAGMENT_CACHE = True
    interval = settings.REDIS_FALLBACK_SECONDS
    urls = listing_urls(site_tree)
    redis.kill()
    before = {language: getattr(article, f"title_{language}") for language in LANGUAGES}
    assert all(t is not None for t in seconds_until_shown(client, urls, before, limit=1).values())
    # Half an interval of readers: pages, menus, footers and "New articles" are kept by the stand-in.
    for _round in range(3):
        assert {client.get(path).status_code for paths in urls.values() for path in paths} == {200}
        time.sleep(interval / 6)
    titles = silently_retitle(article, "Pipeline talks moved to Baku")
    delays = seconds_until_shown(client, urls, titles, limit=interval + 3)
    # One interval, plus the time a round of these nine pages takes to build here.
    late = {path: delay for path, delay in delays.items() if delay is None or delay > interval + 1.0}
    assert not late, f"not shown within {interval + 1.0:.1f} s: {late}"


def test_pages_redis_kept_through_a_freeze_are_retired_when_it_answers_again(
    client, site_tree, article, settings, redis
):
    # The pages Redis kept predate what another process published during the freeze, and that process
    # may not call Redis again for a while: the first process to come back retires them all.
    settings.PAGE_CACHE = settings.FRAGMENT_CACHE = True
    _point_cache_at(settings, redis, fail_fast_seconds=0.3)
    settings.CACHES[settings.PAGE_CACHE_ALIAS] = {
        **settings.CACHES["default"],
        "OPTIONS": {**settings.CACHES["default"]["OPTIONS"], "DELETE_ON_RECOVERY": [store.GENERATION_KEY]},
    }
    urls = listing_urls(site_tree)
    paths = [path for paths in urls.values() for path in paths]
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "HIT"  # kept in Redis
    with redis.frozen():
        assert client.get(paths[0]).status_code == 200  # this process gives Redis up
        titles = silently_retitle(article, "Pipeline talks moved to Baku")
    time.sleep(0.4)  # the fail-fast interval: the next request finds Redis again
    delays = seconds_until_shown(client, urls, titles, limit=1)
    assert all(delay is not None for delay in delays.values()), delays
    assert client.get(paths[0])["X-Page-Cache"] == "HIT"  # and the cache is in use again


# --- (4) After Redis is back ----------------------------------------------------------------------
def test_a_section_published_while_redis_was_frozen_is_in_the_menu_within_the_expiry(
    client, site_tree, settings, redis, monkeypatch
):
    # Redis keeps what it had while frozen, so the tree cached before the publish survives a clearing that
    # was never sent (the publishing process had given Redis up): the expiry is what ends it.
    # CACHE_SECONDS (60) is shortened here to keep the test short.
    assert tree.CACHE_SECONDS <= 60
    expiry = 5
    monkeypatch.setattr(tree, "CACHE_SECONDS", expiry)
    assert client.get("/en/").status_code == 200
    cached_at = time.monotonic()
    assert "Culture" not in [section["titles"]["en"] for section in cache.get(tree.CACHE_KEY)["sections"]]
    with redis.frozen():
        # The first command waits out the timeout (and stays in the socket: a thawed Redis still runs it);
        # after it this process skips Redis, so publishing's clearing is not sent at all.
        assert client.get("/en/").status_code == 200
        add_section(site_tree, "Culture")  # page_published -> invalidate
        assert "Culture" in menu_titles()  # this process dropped its own copy
    # Another app server, which never saw the outage, reads Redis: the old tree is still there ...
    _drop_connection_pools()
    _point_cache_at(settings, redis)
    stale = cache.get(tree.CACHE_KEY)
    assert stale is not None and "Culture" not in [s["titles"]["en"] for s in stale["sections"]]
    # ... until it expires.
    while "Culture" not in menu_titles():
        assert time.monotonic() - cached_at < expiry + 2, "the stale tree outlived its expiry"
        time.sleep(0.2)
    assert 'href="/en/culture/"' in client.get("/en/").content.decode()


def test_a_section_published_while_redis_was_stopped_is_in_the_menu_once_it_restarts(
    client, site_tree, settings, redis
):
    _point_cache_at(settings, redis, fail_fast_seconds=0.3)
    assert client.get("/en/").status_code == 200
    redis.kill()
    add_section(site_tree, "Culture")
    redis.restart()  # empty: a stopped Redis forgot everything
    time.sleep(0.4)
    assert 'href="/en/culture/"' in client.get("/en/").content.decode()
    assert cache.get(tree.CACHE_KEY) is not None  # and the cache is in use again


# --- (5) Logged once, not per request --------------------------------------------------------------
def test_an_outage_is_logged_once_each_way_not_per_request(
    client, site_tree, article, redis, caplog, settings
):
    _point_cache_at(settings, redis, fail_fast_seconds=0.3)
    caplog.set_level(logging.INFO)
    redis.kill()
    for url in ["/en/", page_url(article, "en"), page_url(site_tree.economy, "ru"), "/az/feed/rss/"]:
        assert client.get(url).status_code == 200
        time.sleep(0.1)
    given_up = [r for r in caplog.records if r.name == CACHE_LOGGER]
    assert len(given_up) == 1 and "does not answer" in given_up[0].getMessage()
    assert given_up[0].levelno == logging.WARNING
    assert not [r for r in caplog.records if r.name == REDIS_LOGGER]  # no traceback per cache call
    assert not [r for r in caplog.records if r.name == "django.request"]  # no server error anywhere
    redis.restart()
    time.sleep(0.4)
    assert client.get("/en/").status_code == 200
    back = [r.getMessage() for r in caplog.records if r.name == CACHE_LOGGER][1:]
    assert len(back) == 1 and "answers again" in back[0]


# --- Redis stays optional --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "redis_url, backend",
    [
        ("", "django.core.cache.backends.locmem.LocMemCache"),
        ("redis://127.0.0.1:1/0", "newsroom.settings.redis_cache.ResilientRedisCache"),
    ],
)
def test_redis_is_used_only_when_redis_url_is_set(redis_url, backend):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(DJANGO_SETTINGS_MODULE="newsroom.settings.test", REDIS_URL=redis_url)
    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.CACHES['default'])"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert f"'BACKEND': '{backend}'" in result.stdout
    if redis_url:
        assert "'FALLBACK_SECONDS': 2.0" in result.stdout and "'SOCKET_TIMEOUT': 0.25" in result.stdout


def test_in_production_the_page_cache_is_in_redis_and_retired_after_an_outage():
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PAGE_CACHE_DIR")}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="localhost",
        REDIS_URL="redis://127.0.0.1:1/0",
    )
    code = "import django; django.setup(); from django.conf import settings; print(settings.CACHES)"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    caches = ast.literal_eval(result.stdout)
    pages = caches["pagecache"]
    assert pages["BACKEND"] == "newsroom.settings.redis_cache.ResilientRedisCache"
    assert pages["OPTIONS"]["DELETE_ON_RECOVERY"] == [store.GENERATION_KEY]
    assert pages["OPTIONS"]["FALLBACK_DIRECTORY"].endswith("-redis-down")
