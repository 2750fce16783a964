"""A repeated error is one log record a minute, not one per request.

django-redis (``DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS``) logs ``"Exception ignored"`` with its traceback on the
``django_redis.cache`` logger for every cache call it turns into a miss; while Redis is down a single page
makes dozens of them. :class:`OncePerInterval`, set on that logger in ``LOGGING``, lets the first record
through and drops the same one (same logger, same message template) for ``seconds`` seconds; the next one
that passes says how many were dropped before it::

    "filters": {
        "once_a_minute": {"()": "newsroom.settings.log_filters.OncePerInterval", "seconds": 60},
    },
    "loggers": {"django_redis.cache": {"filters": ["once_a_minute"]}},

The state is per process (each gunicorn worker logs once a minute). This module is imported by
``logging.config`` while settings load: it imports nothing from Django.

:class:`DatabaseOutageOncePerInterval` does the same on ``django.request`` for the requests that failed
because the database did not answer (answered 503 by ``maintenance.views.server_error``): one traceback
a minute during an outage instead of one per request; every other error is logged as it comes.
"""

import logging
import threading
import time


class OncePerInterval(logging.Filter):
    """Pass one record per ``seconds`` for each (logger, message template); count the rest."""

    def __init__(self, seconds: float = 60.0, name: str = ""):
        super().__init__(name)
        self.seconds = float(seconds)
        self._lock = threading.Lock()
        self._next_pass: dict[tuple[str, str], float] = {}
        self._dropped: dict[tuple[str, str], int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, str(record.msg))
        now = time.monotonic()
        with self._lock:
            if now < self._next_pass.get(key, 0.0):
                self._dropped[key] = self._dropped.get(key, 0) + 1
                return False
            self._next_pass[key] = now + self.seconds
            dropped = self._dropped.pop(key, 0)
        if dropped:
            # Appended to the formatted text, so a "%" in it cannot upset the record's own arguments.
            record.msg = f"{record.getMessage()} ({dropped} more like it since the last one logged)"
            record.args = None
        return True


# Django wraps every driver's connection failures in these (django.db.utils); matched by name and module
# so that this module needs no Django import while logging is configured.
DATABASE_UNREACHABLE = {("django.db.utils", "OperationalError"), ("django.db.utils", "InterfaceError")}


class DatabaseOutageOncePerInterval(OncePerInterval):
    """Throttle only the records of requests that failed because the database did not answer."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is None or (type(error).__module__, type(error).__name__) not in DATABASE_UNREACHABLE:
            return True
        return super().filter(record)
