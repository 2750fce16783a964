"""Publish and unpublish scheduled pages every minute: Wagtail's ``publish_scheduled`` in a loop.

``make run`` starts it beside the development server. Production runs ``publish_scheduled`` from a
systemd timer instead (``deploy/newsroom-publish-scheduled.timer``); this loop suits a container or
a process manager that keeps one long-running process per role. SIGTERM and Ctrl+C stop it between
runs, never in the middle of publishing.
"""

import logging
import signal
import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled every --interval seconds (default 60) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs.")
        parser.add_argument("--once", action="store_true", help="Run publish_scheduled once and exit.")

    def handle(self, *args, interval, once, **options):
        if once:
            self.run_once()
            return
        self.stop = threading.Event()
        previous = self._on_sigterm()
        self.stdout.write(f"Publishing scheduled pages every {interval:g} s (Ctrl+C to stop).")
        try:
            while not self.stop.is_set():
                started = time.monotonic()
                self.run_once()
                self.stop.wait(max(0.0, interval - (time.monotonic() - started)))
        except KeyboardInterrupt:
            pass
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        self.stdout.write("Scheduler stopped.")

    def _on_sigterm(self):
        if threading.current_thread() is not threading.main_thread():
            return None
        return signal.signal(signal.SIGTERM, lambda *_args: self.stop.set())

    def run_once(self):
        try:
            call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
        except Exception:
            # A failing run (database restarting, a bad revision) must not stop the next ones.
            logger.exception("publish_scheduled failed")
        finally:
            release_connections()


def release_connections():
    """Drop connections that are broken or past CONN_MAX_AGE, as Django does after each request,
    so a long-running loop survives a database restart (never inside a transaction)."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
