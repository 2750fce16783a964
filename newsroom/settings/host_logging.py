"""A bad ``Host`` header is one log line, not a traceback.

Django answers a request whose ``Host`` is not in ``ALLOWED_HOSTS`` with 400 and logs
``DisallowedHost`` on the ``django.security.DisallowedHost`` logger with the exception attached, so
every scanner's request writes a full traceback. The message already says everything
("Invalid HTTP_HOST header: 'evil.example'. You may need to add ..."; the host is quoted with
``repr``, so it is one line). :class:`WithoutTraceback`, set on that logger in ``LOGGING``, keeps the
record and drops the traceback, for every handler (console, mail to admins) alike::

    "filters": {"without_traceback": {"()": "newsroom.settings.host_logging.WithoutTraceback"}},
    "loggers": {"django.security.DisallowedHost": {"filters": ["without_traceback"]}},

This module is imported by ``logging.config`` while settings load: it imports nothing from Django.
"""

import logging


class WithoutTraceback(logging.Filter):
    """Let the record through without its exception or stack: the message alone, on one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
