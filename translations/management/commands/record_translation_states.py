"""Record the current content of every language of every article (TranslationState).

Saves in the admin and in code keep the states up to date; run this once for articles that existed
before translation tracking (or were imported with ``QuerySet.update``). Idempotent: a language whose
content has not changed keeps its date.
"""

from django.core.management.base import BaseCommand

from translations.availability import readiness_models
from translations.tracking import record_changes


class Command(BaseCommand):
    help = "Record when each language version of each article last changed (for the translation status)."

    def handle(self, *args, **options):
        changed = 0
        for model in readiness_models():
            for page in model.objects.order_by("pk").iterator(chunk_size=200):
                when = page.latest_revision_created_at or page.last_published_at
                changed += bool(record_changes(page, when=when))
        self.stdout.write(f"Recorded translation states: {changed} article(s) updated.")
