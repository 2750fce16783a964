"""``manage.py warm_pages``: build the home page and the newest articles for readers after a content
change (:mod:`pagecache.warming`); nothing when the current generation was warmed already.
``run_scheduler`` runs it every few seconds."""

from django.core.management.base import BaseCommand

from pagecache.warming import NEWEST_ARTICLES, warm


class Command(BaseCommand):
    help = "Build the home page and the newest articles in every language after a content change."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=NEWEST_ARTICLES, help="How many of the newest articles."
        )
        parser.add_argument("--force", action="store_true", help="Even if this generation was warmed.")

    def handle(self, *args, articles, force, **options):
        requested = warm(force=force, articles=max(0, articles))
        if requested:
            self.stdout.write(f"Built {requested} pages for readers.")
