from django.core.management.base import BaseCommand

from search.indexing import rebuild
from search.models import SearchDocument


class Command(BaseCommand):
    help = "Rebuild the per-language search documents of every live article and page."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Only build when there are no documents yet."
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and SearchDocument.objects.exists():
            self.stdout.write("Search documents exist; nothing to do.")
            return
        count = rebuild()
        self.stdout.write(f"Wrote {count} search documents.")
