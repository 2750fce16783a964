"""Publish and unpublish scheduled pages every minute: Wagtail's ``publish_scheduled`` in a loop, and
``flush_read_counts`` (article views buffered in the cache, readership); and, every few seconds, make the
image renditions of articles published since the last pass (``news.renditions.build_for``), so a new
article's first reader does not wait for them, then ``warm_pages`` (after a content change, the home
page and the newest articles are built before readers ask: pagecache) and ``expire_breaking_news``
(banners whose time is up).

``make run`` starts it beside the development server. Production runs ``publish_scheduled`` from a
systemd timer instead (``deploy/newsroom-publish-scheduled.timer``); this loop suits a container or
a process manager that keeps one long-running process per role. SIGTERM and Ctrl+C stop it between
runs, never in the middle of publishing.
"""

import datetime
import logging
import signal
import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from django.utils import timezone

from news.models import ArticlePage
from news.renditions import build_for

# On start, articles published this far back get their renditions checked (a restart loses nothing).
LOOK_BACK = datetime.timedelta(days=1)
# Articles published at about the same moment as a pass are looked at again by the next one.
OVERLAP = datetime.timedelta(seconds=30)

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled every --interval seconds (default 60) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs.")
        parser.add_argument(
            "--renditions-interval",
            type=float,
            default=5.0,
            help="Seconds between passes making the renditions of newly published articles.",
        )
        parser.add_argument(
            "--newsletter-interval",
            type=float,
            default=900.0,
            help="Seconds between runs of send_newsletter (0: never; each digest goes once a day or week).",
        )
        parser.add_argument("--once", action="store_true", help="Run each job once and exit.")

    def handle(self, *args, interval, renditions_interval, newsletter_interval, once, **options):
        self.published_since = timezone.now() - LOOK_BACK
        if once:
            self.run_once()
            self.make_renditions()
            self.call("flush_read_counts")
            self.call("expire_breaking_news")
            self.call("warm_pages")
            if newsletter_interval:
                self.send_newsletter()
            return
        self.stop = threading.Event()
        previous = self._on_sigterm()
        self.stdout.write(f"Publishing scheduled pages every {interval:g} s (Ctrl+C to stop).")
        tick = max(0.5, min(interval, renditions_interval))
        next_publish = next_newsletter = 0.0
        try:
            while not self.stop.is_set():
                started = time.monotonic()
                if started >= next_publish:
                    self.run_once()
                    self.call("flush_read_counts")  # views buffered in the cache (readership)
                    next_publish = started + interval
                self.make_renditions()
                self.call("expire_breaking_news")  # banners whose time is up leave cached pages
                self.call("warm_pages")  # after a content change: home and the newest articles
                if newsletter_interval and started >= next_newsletter:
                    self.send_newsletter()
                    next_newsletter = started + newsletter_interval
                self.stop.wait(max(0.0, tick - (time.monotonic() - started)))
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

    def make_renditions(self):
        """Renditions of the articles published since the previous pass (a failure is logged and the
        articles are tried again next time)."""
        started = timezone.now()
        try:
            articles = ArticlePage.objects.filter(live=True, last_published_at__gte=self.published_since)
            made = sum(build_for(article) for article in articles.select_related("hero_image"))
            if made:
                self.stdout.write(f"Made {made} image renditions of newly published articles.")
            self.published_since = started - OVERLAP
        except Exception:
            logger.exception("making renditions failed")
        finally:
            release_connections()

    def call(self, name):
        """Another app's command, by name (news imports none of them); a failure is logged, not fatal."""
        try:
            call_command(name, stdout=self.stdout, stderr=self.stderr)
        except Exception:
            logger.exception("%s failed", name)
        finally:
            release_connections()

    def send_newsletter(self):
        """The newsletter digests that are due (the command sends each at most once per period)."""
        try:
            call_command("send_newsletter", stdout=self.stdout, stderr=self.stderr)
        except Exception:
            logger.exception("send_newsletter failed")
        finally:
            release_connections()


def release_connections():
    """Drop connections that are broken or past CONN_MAX_AGE, as Django does after each request,
    so a long-running loop survives a database restart (never inside a transaction)."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
