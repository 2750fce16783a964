"""``manage.py load_demo_content``: the demo site in English, Azerbaijani and Russian."""

from django.core.management.base import BaseCommand

from demo.content import DEFAULT_ARTICLES, build
from news.models import ArticlePage


class Command(BaseCommand):
    help = "Create or update the demo site (sections, articles, authors, tags, images, settings)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has articles (keeps editors' changes).",
        )
        parser.add_argument(
            "--articles",
            type=int,
            default=DEFAULT_ARTICLES,
            help=f"How many articles to create (default {DEFAULT_ARTICLES}).",
        )

    def handle(self, *args, if_empty=False, articles=DEFAULT_ARTICLES, **options):
        if if_empty and ArticlePage.objects.exists():
            self.stdout.write(
                f"The site already has {ArticlePage.objects.count()} articles; demo content not loaded."
            )
            return
        build(stdout=self.stdout, articles=max(0, articles))
