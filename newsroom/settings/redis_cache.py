"""django-redis's cache with a per-process stand-in for the time Redis does not answer.

django-redis's ``IGNORE_EXCEPTIONS`` turns a failed call into a miss: the site keeps serving, but every
page is then built from scratch on every request (measured with bench/faults.py: p50 7× the normal one
with 20 readers on 2 workers, because nothing any request computed is kept for the next one).

:class:`ResilientRedisCache` keeps django-redis for everything while Redis answers. When a call fails
with a connection error or a timeout (``FailFastRedis`` makes those immediate after the first one), the
call is answered by a small in-memory cache of this process instead, whose entries live at most
``FALLBACK_SECONDS`` (5 s by default): each process then builds a page, a navigation tree, a rendition
lookup once per few seconds instead of once per request, and what one editor publishes during the
outage reaches every process within those seconds, since no process can tell the others.

When Redis answers again, the keys this process deleted during the outage are deleted there too (their
Redis copies predate the outage and may be stale); the in-memory entries are dropped. Everything else in
Redis expires on its own timeout, as it would have. Errors are logged by ``FailFastRedis`` once each way
(given up, back), not per call.
"""

import logging
import threading

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger("newsroom.cache")

UNAVAILABLE = (ConnectionInterrupted, RedisError)
FALLBACK_SECONDS = 5
MAX_REMEMBERED_DELETES = 10_000


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.fallback_seconds = float(options.pop("FALLBACK_SECONDS", FALLBACK_SECONDS))
        # Errors reach this class, which answers from the stand-in instead of ignoring them.
        options["IGNORE_EXCEPTIONS"] = False
        super().__init__(server, {**params, "OPTIONS": options})
        self.local = LocMemCache(
            f"redis-stand-in-{server}", {"TIMEOUT": self.fallback_seconds, "OPTIONS": {"MAX_ENTRIES": 2000}}
        )
        self._lock = threading.Lock()
        self._down = False
        self._deleted_while_down: set[tuple[str, int | None]] = set()

    # --- the switch between Redis and the stand-in ---------------------------------------------

    def _call(self, name, *args, **kwargs):
        if self._down:
            self._recover()
        try:
            return getattr(super(), name)(*args, **kwargs)
        except UNAVAILABLE:
            with self._lock:
                self._down = True
            stand_in = getattr(self, f"_local_{name}", None) or getattr(self.local, name)
            return stand_in(*args, **kwargs)

    def _recover(self):
        """First call after an outage: is Redis back? If so, replay deletes and drop the stand-in."""
        try:
            super().get("__newsroom_probe__")
        except UNAVAILABLE:
            return
        with self._lock:
            if not self._down:
                return
            deleted, self._deleted_while_down = self._deleted_while_down, set()
            self._down = False
        self.local.clear()
        by_version = {}
        for key, version in deleted:
            by_version.setdefault(version, []).append(key)
        try:
            for version, keys in by_version.items():
                super().delete_many(keys, version=version)
        except UNAVAILABLE:
            logger.warning("Redis answered, then failed again: %d stale key(s) left to expire.", len(deleted))

    def _remember_deleted(self, keys):
        with self._lock:
            if len(self._deleted_while_down) < MAX_REMEMBERED_DELETES:
                self._deleted_while_down.update(keys)

    def _timeout(self, timeout):
        if timeout is DEFAULT_TIMEOUT or timeout is None:
            return self.fallback_seconds
        return min(timeout, self.fallback_seconds)

    # --- the stand-in's answers where they differ from LocMemCache's --------------------------

    def _local_set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        self.local.set(key, value, self._timeout(timeout), version=version)
        return True

    def _local_add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self.local.add(key, value, self._timeout(timeout), version=version)

    def _local_set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self.local.set_many(data, self._timeout(timeout), version=version)

    def _local_touch(self, key, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self.local.touch(key, self._timeout(timeout), version=version)

    def _local_delete(self, key, version=None, **kwargs):
        self._remember_deleted([(key, version)])
        return self.local.delete(key, version=version)

    def _local_delete_many(self, keys, version=None, **kwargs):
        keys = list(keys)
        self._remember_deleted([(key, version) for key in keys])
        return self.local.delete_many(keys, version=version)

    def _local_incr(self, key, delta=1, version=None, **kwargs):
        return self.local.incr(key, delta, version=version)

    def _local_decr(self, key, delta=1, version=None, **kwargs):
        return self.local.decr(key, delta, version=version)

    def _local_delete_pattern(self, *args, **kwargs):
        return 0

    def _local_ttl(self, key, version=None, **kwargs):
        return None if not self.local.has_key(key, version=version) else self.fallback_seconds

    # --- Django's cache API --------------------------------------------------------------------

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._call("decr", *args, **kwargs)

    def clear(self):
        return self._call("clear")

    def delete_pattern(self, *args, **kwargs):
        return self._call("delete_pattern", *args, **kwargs)

    def ttl(self, *args, **kwargs):
        return self._call("ttl", *args, **kwargs)
