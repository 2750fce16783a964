"""django-redis's cache with a per-process stand-in for the time Redis does not answer.

django-redis's ``IGNORE_EXCEPTIONS`` turns a failed call into a miss: the site keeps serving, but every
page is then built from scratch on every request (measured with bench/faults.py: p50 7× the normal one
with 20 readers on 2 workers, because nothing any request computed is kept for the next one).

:class:`ResilientRedisCache` keeps django-redis for everything while Redis answers. When a call fails
with a connection error or a timeout (``FailFastRedis`` makes those immediate after the first one), the
call is answered by a small in-memory cache of this process instead. Its entries all end together at the
next multiple of ``FALLBACK_SECONDS`` of the clock (2 s in settings): each process then builds a page, a
navigation tree, a rendition lookup once per interval instead of once per request, and what an editor
publishes during the outage (in another process, which cannot tell this one) shows within one interval.
Ending them together matters: a page built from a part that was already a few seconds old would
otherwise live its own full interval on top (bench/faults.py measured 5.7 s until a new article showed
with 5 s entries that each ended 5 s after they were stored).

With ``FALLBACK_DIRECTORY`` the stand-in is a file cache there instead, which every process of the host
shares (the page cache's: settings.base): a page is then built once per interval on the host, not once
per process, and a publish on this host retires the pages of all its processes at once, as it does with
Redis (bench/faults.py, Redis stopped, 3 workers: p50 715 ms with a stand-in per process).

When Redis answers again, the keys this process deleted during the outage are deleted there too (their
Redis copies predate the outage and may be stale), and so are the ``DELETE_ON_RECOVERY`` keys: what
Redis kept through a freeze predates whatever other processes published meanwhile, and the process that
published may not call Redis again for a while (the page cache's generation is one: deleting it retires
every page Redis kept). The in-memory entries are dropped. Everything else in Redis expires on its own
timeout, as it would have. Errors are logged by ``FailFastRedis`` once each way (given up, back), not per
call.
"""

import logging
import os
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger("newsroom.cache")

UNAVAILABLE = (ConnectionInterrupted, RedisError)
FALLBACK_SECONDS = 2
MAX_REMEMBERED_DELETES = 10_000


def _usable(directory) -> bool:
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as error:
        logger.warning("Redis stand-in: %s is not usable (%s); each process keeps its own.", directory, error)
        return False
    return True


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.fallback_seconds = float(options.pop("FALLBACK_SECONDS", FALLBACK_SECONDS))
        self.delete_on_recovery = list(options.pop("DELETE_ON_RECOVERY", ()))
        directory = options.pop("FALLBACK_DIRECTORY", None)
        # Errors reach this class, which answers from the stand-in instead of ignoring them.
        options["IGNORE_EXCEPTIONS"] = False
        super().__init__(server, {**params, "OPTIONS": options})
        local_params = {"TIMEOUT": self.fallback_seconds, "OPTIONS": {"MAX_ENTRIES": 2000}}
        if directory and _usable(directory):
            self.local = FileBasedCache(str(directory), local_params)
        else:
            self.local = LocMemCache(f"redis-stand-in-{server}", local_params)
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
        by_version = {None: list(self.delete_on_recovery)}
        for key, version in deleted:
            by_version.setdefault(version, []).append(key)
        try:
            for version, keys in by_version.items():
                if keys:
                    super().delete_many(keys, version=version)
        except UNAVAILABLE:
            logger.warning("Redis answered, then failed again: %d stale key(s) left to expire.", len(deleted))

    def _remember_deleted(self, keys):
        with self._lock:
            if len(self._deleted_while_down) < MAX_REMEMBERED_DELETES:
                self._deleted_while_down.update(keys)

    def _timeout(self, timeout):
        """Until the next multiple of ``fallback_seconds`` of the clock (the same instant in every process),
        or sooner when asked."""
        left = self.fallback_seconds - time.time() % self.fallback_seconds
        if timeout is DEFAULT_TIMEOUT or timeout is None:
            return left
        return min(timeout, left)

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
        return None if not self.local.has_key(key, version=version) else self._timeout(None)

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
