"""``manage.py load_demo_content``: the demo site in English, Azerbaijani and Russian."""

import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand

from demo.content import DEFAULT_ARTICLES, build
from demo.warm import warm as render_pages
from news.models import ArticlePage

# Loggers that report every page saved and every index task: hundreds of lines for a demo build.
CHATTY_LOGGERS = ("wagtail", "django_tasks", "modelsearch")


@contextmanager
def quiet(verbosity: int):
    """Keep only warnings from the chatty loggers unless ``-v 2`` or more is given."""
    loggers = [logging.getLogger(name) for name in CHATTY_LOGGERS] if verbosity < 2 else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


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
        parser.add_argument(
            "--warm",
            action="store_true",
            help="Afterwards render the home page and sections once, so first views are fast.",
        )

    def handle(self, *args, if_empty=False, articles=DEFAULT_ARTICLES, warm=False, **options):
        if if_empty and ArticlePage.objects.exists():
            self.stdout.write(
                f"The site already has {ArticlePage.objects.count()} articles; demo content not loaded."
            )
            return
        with quiet(options.get("verbosity", 1)):
            build(stdout=self.stdout, articles=max(0, articles))
            if warm:
                render_pages(stdout=self.stdout)
