"""A Redis client that stops waiting for a Redis that does not answer (a circuit breaker).

django-redis with ``IGNORE_EXCEPTIONS`` turns a failed cache call into a miss, but it does not remember the
failure: against a frozen Redis (SIGSTOP, a swapping host, a dropped network path: the connection is accepted
or hangs, nothing answers) every call waits out ``SOCKET_TIMEOUT``, and a reader page makes many calls
(measured on the test tree: 16 to 23 with a warm cache, over 200 with an empty one, mostly Wagtail's site root
paths and the navigation tree). At 0.25 s each that is seconds per page and every worker stalls.

:class:`FailFastRedis` (django-redis's ``REDIS_CLIENT_CLASS`` option) remembers, per connection pool (one per
Redis URL and process), that a command failed with a connection error or timeout. For ``fail_fast_seconds``
after that every command fails at once with ``redis.ConnectionError``, which django-redis ignores like any
other (a miss, a no-op write). Then one command is let through to try Redis again; the others keep failing
fast until it has answered. So a process pays one timeout per ``fail_fast_seconds`` while Redis is frozen, and
nothing at all while it is stopped (a refused connection fails at once). Errors Redis itself answers with
(``ResponseError``) do not count: the server is there.

The state change is logged once each way on the ``newsroom.cache`` logger (warning when Redis is given up,
info when it answers again).
"""

import logging
import threading
import time

from redis import Redis
from redis.client import Pipeline
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("newsroom.cache")

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
DEFAULT_FAIL_FAST_SECONDS = 5.0


class Breaker:
    """Whether to talk to one Redis: closed (yes), open until ``retry_at`` (no), then one caller retries."""

    def __init__(self, name: str):
        self.name = name
        self.retry_at = 0.0  # 0: closed
        self._lock = threading.Lock()

    def allow(self, seconds: float) -> bool:
        if not self.retry_at:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self.retry_at:
                return False
            # This caller tries Redis again; everybody else keeps failing fast until it has an answer.
            self.retry_at = now + seconds
            return True

    def failed(self, seconds: float, error: Exception) -> None:
        with self._lock:
            was_closed = not self.retry_at
            self.retry_at = time.monotonic() + seconds
        if was_closed:
            logger.warning(
                "Redis at %s does not answer (%s: %s): the cache is skipped, and tried again every %g s.",
                self.name,
                type(error).__name__,
                error,
                seconds,
            )

    def succeeded(self) -> None:
        if self.retry_at:
            with self._lock:
                was_open, self.retry_at = bool(self.retry_at), 0.0
            if was_open:
                logger.info("Redis at %s answers again; the cache is back in use.", self.name)

    def refuse(self) -> RedisConnectionError:
        return RedisConnectionError(f"Redis at {self.name} skipped after a connection error or timeout")


def breaker_for(pool) -> Breaker:
    breaker = pool.__dict__.get("_newsroom_breaker")
    if breaker is None:
        kwargs = pool.connection_kwargs
        name = kwargs.get("path") or f"{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}"
        breaker = pool.__dict__.setdefault("_newsroom_breaker", Breaker(name))
    return breaker


class _FailFast:
    fail_fast_seconds = DEFAULT_FAIL_FAST_SECONDS

    def _guarded(self, call, *args, **kwargs):
        breaker = breaker_for(self.connection_pool)
        if not breaker.allow(self.fail_fast_seconds):
            raise breaker.refuse()
        try:
            result = call(*args, **kwargs)
        except UNREACHABLE as error:
            breaker.failed(self.fail_fast_seconds, error)
            raise
        except Exception:
            breaker.succeeded()  # Redis answered, with an error of its own
            raise
        breaker.succeeded()
        return result


class FailFastPipeline(_FailFast, Pipeline):
    """django-redis's ``set_many`` and ``delete_many`` run through a pipeline: guarded when it executes."""

    def execute(self, raise_on_error: bool = True):
        return self._guarded(super().execute, raise_on_error)


class FailFastRedis(_FailFast, Redis):
    def __init__(self, *args, fail_fast_seconds: float = DEFAULT_FAIL_FAST_SECONDS, **kwargs):
        super().__init__(*args, **kwargs)
        self.fail_fast_seconds = float(fail_fast_seconds)

    def execute_command(self, *args, **options):
        return self._guarded(super().execute_command, *args, **options)

    def pipeline(self, transaction=True, shard_hint=None) -> FailFastPipeline:
        pipeline = FailFastPipeline(self.connection_pool, self.response_callbacks, transaction, shard_hint)
        pipeline.fail_fast_seconds = self.fail_fast_seconds
        return pipeline
