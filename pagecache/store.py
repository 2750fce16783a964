"""Where cached pages and fragments live, and the generation number that retires them all at once.

Everything is stored in the ``PAGE_CACHE_ALIAS`` cache (``"pagecache"``: Redis when ``REDIS_URL`` is set,
else a file cache every process on the host shares). Each entry carries the *generation* that was
current when it was built; any content change stores a new random generation (:func:`bump`), so every
page and fragment built before it stops matching and is rebuilt on its next request. One ``get_many``
reads the generation and a page together: a hit is a single cache round trip.

Redis is an accelerator here as everywhere: django-redis ignores its errors (a miss on read, a no-op on
write). A bump that could not be stored (Redis stopped or frozen while an editor publishes) is retried
by this process on its next request (:func:`retry_pending_bump`), and every entry expires after
``PAGE_CACHE_SECONDS`` anyway (60 s): that is what bounds a stale page when the retry cannot happen.
"""

import logging
import secrets
import time

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger("newsroom.pagecache")

GENERATION_KEY = "pagecache:generation"
RETRY_EVERY = 2.0  # seconds between attempts to store a bump that failed


def cache():
    # Settings that replace CACHES whole (a test's own Redis) fall back to the default cache.
    alias = settings.PAGE_CACHE_ALIAS
    return caches[alias if alias in settings.CACHES else "default"]


def entry_seconds() -> int:
    return settings.PAGE_CACHE_SECONDS


def _new_generation() -> str:
    return secrets.token_hex(6)


def current_generation(cached: str | None = None) -> str:
    """The generation now in force, created if the cache has none (first start, Redis restarted empty).

    A missing generation is never taken to mean a fixed value: entries built under an earlier one can
    never match again, whatever happened to the key.
    """
    if cached:
        return cached
    generation = _new_generation()
    store = cache()
    if store.add(GENERATION_KEY, generation, None):
        return generation
    return store.get(GENERATION_KEY) or generation


def lookup(key: str):
    """``(generation, value or None)``: the value stored under ``key`` if built in this generation."""
    found = cache().get_many([GENERATION_KEY, key])
    generation = current_generation(found.get(GENERATION_KEY))
    stored = found.get(key)
    if stored is not None and stored[0] == generation:
        return generation, stored[1]
    return generation, None


def save(key: str, generation: str, value) -> None:
    cache().set(key, (generation, value), entry_seconds())


class _Pending:
    """A bump this process could not store, retried on its next requests (``RETRY_EVERY``)."""

    def __init__(self):
        self.since = 0.0  # 0: nothing pending
        self.next_try = 0.0


_pending = _Pending()


def bump() -> bool:
    """Retire every cached page and fragment; ``False`` when the cache did not take it (retried later)."""
    generation = _new_generation()
    store = cache()
    # Deleted, then set: a cache that stands in for Redis while it is down (newsroom.settings.redis_cache)
    # deletes in Redis, once it answers, what it deleted meanwhile, so the old generation cannot return.
    store.delete(GENERATION_KEY)
    store.set(GENERATION_KEY, generation, None)
    # Backends disagree on what set() answers (django-redis with IGNORE_EXCEPTIONS answers None on
    # failure, the others always), so read it back: one extra call per content change.
    stored = store.get(GENERATION_KEY) == generation
    now = time.monotonic()
    if stored:
        _pending.since = 0.0
    else:
        if not _pending.since:
            logger.warning("Page cache: could not store a new generation; retrying every %g s.", RETRY_EVERY)
            _pending.since = now
        _pending.next_try = now + RETRY_EVERY
    return stored


def retry_pending_bump() -> None:
    """Called on every request: nothing to do unless a bump failed (one attribute read)."""
    if _pending.since and time.monotonic() >= _pending.next_try and bump():
        logger.info("Page cache: the new generation is stored; pages cached before it are retired.")
