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

Each process also keeps a copy of the entries it read or built lately (:class:`LocalCopies`, at most
``PAGE_CACHE_LOCAL_BYTES``). A copy is used only while its generation is the current one, so a hit on a
page this process has seen reads just the generation from the shared cache (a few bytes) instead of the
whole page; a content change anywhere retires the copies of every process as it retires the entries.
A copy ends when the entry it was taken from does.
"""

import logging
import secrets
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger("newsroom.pagecache")

GENERATION_KEY = "pagecache:generation"
RETRY_EVERY = 2.0  # seconds between attempts to store a bump that failed


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


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


class LocalCopies:
    """This process's copies of shared entries, ``key → (generation, value, expires, size)``, the
    least recently used dropped first beyond ``max_bytes``. Thread-safe (gthread workers)."""

    def __init__(self):
        self._entries: OrderedDict = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str, generation: str | None = None):
        """The copy's ``(generation, value)`` if it has not expired (and is of ``generation``)."""
        with self._lock:
            held = self._entries.get(key)
            if held is None:
                return None
            if held[2] <= time.time() or (generation is not None and held[0] != generation):
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return held[0], held[1]

    def put(self, key: str, generation: str, value, expires: float) -> None:
        limit = settings.PAGE_CACHE_LOCAL_BYTES
        size = _size(value)
        if size > limit // 4:
            return
        with self._lock:
            self._drop(key)
            self._entries[key] = (generation, value, expires, size)
            self._size += size
            while self._size > limit:
                self._drop(next(iter(self._entries)))

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0

    def _drop(self, key: str) -> None:
        held = self._entries.pop(key, None)
        if held is not None:
            self._size -= held[3]


def _size(value) -> int:
    body = getattr(value, "body", value)
    return len(body) + 512 if isinstance(body, bytes | str) else 1024


local_copies = LocalCopies()


def _expires(stored) -> float:
    # Entries stored before copies existed carry no end: give their copy the shortest life.
    return stored[2] if len(stored) > 2 else time.time() + 1


def lookup(key: str):
    """``(generation, value or None)``: the value stored under ``key`` if built in this generation.

    With a copy in this process, only the generation is read from the shared cache; otherwise the
    generation and the entry, together."""
    held = local_copies.get(key)
    if held is not None:
        generation = current_generation(cache().get(GENERATION_KEY))
        if held[0] == generation:
            return generation, held[1]
        stored = cache().get(key)
    else:
        found = cache().get_many([GENERATION_KEY, key])
        generation = current_generation(found.get(GENERATION_KEY))
        stored = found.get(key)
    return generation, _current(key, generation, stored)


def lookup_in(key: str, generation: str):
    """The value stored under ``key`` if built in ``generation`` (already read for this request)."""
    held = local_copies.get(key, generation)
    if held is not None:
        return held[1]
    return _current(key, generation, cache().get(key))


def _current(key: str, generation: str, stored):
    if stored is None or stored[0] != generation:
        return None
    local_copies.put(key, generation, stored[1], _expires(stored))
    return stored[1]


def save(key: str, generation: str, value) -> None:
    expires = time.time() + entry_seconds()
    cache().set(key, (generation, value, expires), entry_seconds())
    local_copies.put(key, generation, value, expires)


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
