"""Move the article views counted in the cache into the database (``run_scheduler`` runs it every minute)."""

from django.core.management.base import BaseCommand

from readership.flush import flush
from readership.ranking import forget


class Command(BaseCommand):
    help = "Move the article views buffered in the cache into the database and prune counts over 8 days old."

    def handle(self, *args, **options):
        moved, pruned = flush()
        if moved:
            forget()  # the lists are worked out again from the new counts (two queries per language)
        if moved or pruned:
            self.stdout.write(f"Read counts: {moved} views stored, {pruned} old rows pruned.")
