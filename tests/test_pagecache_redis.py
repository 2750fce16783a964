"""The page cache in a real Redis (tests/redis_server.py): shared, and never a single point of failure.

Pages go to Redis with the generation beside them; with Redis stopped pages are built and served
uncached and publishing works; a publish while Redis is frozen is stored once Redis answers again (the
process retries it), and nothing in Redis outlives PAGE_CACHE_SECONDS anyway.
"""

import time

import pytest
import redis as redis_py
from django_redis.pool import ConnectionFactory

from pagecache import store
from tests import factories
from tests.languages import LANGUAGES
from tests.redis_server import RedisServer
from translations.links import page_url

PREFIX = "newsroom-test-page"
FAIL_FAST_SECONDS = 0.2


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


def _drop_connection_pools():
    for pool in ConnectionFactory._pools.values():
        pool.disconnect()
    ConnectionFactory._pools.clear()


@pytest.fixture
def redis_pages(settings, redis_server, monkeypatch):
    """The page cache (only it) in the module's redis-server, empty; the default cache stays in memory."""
    if redis_server.process is None:
        redis_server.start()
    redis_server.thaw()
    redis_server.flush()
    _drop_connection_pools()
    options = dict(settings.REDIS_CACHE_OPTIONS)
    options["REDIS_CLIENT_KWARGS"] = {"fail_fast_seconds": FAIL_FAST_SECONDS}
    settings.CACHES = {
        **settings.CACHES,
        settings.PAGE_CACHE_ALIAS: {
            "BACKEND": settings.REDIS_CACHE_BACKEND,
            "LOCATION": redis_server.url,
            "KEY_PREFIX": PREFIX,
            "OPTIONS": options,
        },
    }
    settings.PAGE_CACHE = True
    settings.FRAGMENT_CACHE = True
    monkeypatch.setattr(store, "RETRY_EVERY", 0.1)
    yield redis_server
    redis_server.thaw()
    _drop_connection_pools()


def page_keys(server) -> list[bytes]:
    return redis_py.Redis(port=server.port).keys(f"{PREFIX}:*pagecache:page:*")


def edit_titles(article, text):
    for language in LANGUAGES:
        setattr(article, f"title_{language}", f"{text} {language}")
    return factories.publish(article)


@pytest.mark.django_db
def test_pages_are_shared_through_redis_and_expire_within_a_minute(
    client, redis_pages, site_tree, make_article
):
    article = make_article(site_tree.economy)
    urls = [page_url(article, language) for language in LANGUAGES]
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "MISS"
        assert client.get(url)["X-Page-Cache"] == "HIT"
    keys = page_keys(redis_pages)
    assert len(keys) == len(urls)
    ttls = [redis_py.Redis(port=redis_pages.port).ttl(key) for key in keys]
    assert all(0 < ttl <= 60 for ttl in ttls), ttls


@pytest.mark.django_db
def test_redis_stopped_pages_and_publishing_still_work(client, redis_pages, site_tree, make_article):
    article = make_article(site_tree.economy)
    urls = [page_url(article, language) for language in LANGUAGES]
    for url in urls:
        client.get(url)
    redis_pages.kill()
    for url in urls:
        assert client.get(url).status_code == 200
    edit_titles(article, "Published during the outage")  # no error
    for language, url in zip(LANGUAGES, urls, strict=True):
        assert f"Published during the outage {language}".encode() in client.get(url).content
    redis_pages.restart()
    time.sleep(FAIL_FAST_SECONDS + 0.05)
    for language, url in zip(LANGUAGES, urls, strict=True):
        assert f"Published during the outage {language}".encode() in client.get(url).content


@pytest.mark.django_db
def test_a_publish_while_redis_is_frozen_reaches_readers_once_it_answers(
    client, redis_pages, site_tree, make_article
):
    article = make_article(site_tree.economy)
    urls = [page_url(article, language) for language in LANGUAGES]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "HIT"
    with redis_pages.frozen():
        edit_titles(article, "Corrected while frozen")  # the new generation cannot be stored
    # Redis still holds the old generation and the old pages; the first request retries the bump.
    time.sleep(FAIL_FAST_SECONDS + 0.15)
    for language, url in zip(LANGUAGES, urls, strict=True):
        response = client.get(url)
        assert f"Corrected while frozen {language}".encode() in response.content, language
