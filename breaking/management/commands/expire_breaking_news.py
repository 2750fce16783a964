"""Retire the cached pages that still show a breaking news whose time is up (``run_scheduler`` runs it
every few seconds).

Saving the expired item is the change: the page cache retires every cached page and purges the front
cache on any snippet save (``pagecache.signals``), and the banner's own cache is dropped
(``breaking.banner.forget``). Each item is handled once (``expiry_handled``).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from breaking.models import BreakingNews


class Command(BaseCommand):
    help = "Purge cached pages that still show a breaking news banner past its expiry."

    def handle(self, *args, **options):
        expired = BreakingNews.objects.filter(expiry_handled=False, expires_at__lte=timezone.now())
        for item in expired:
            item.expiry_handled = True
            item.save(update_fields=["expiry_handled"])
            self.stdout.write(f"Breaking news {item.pk} expired: cached pages purged.")
