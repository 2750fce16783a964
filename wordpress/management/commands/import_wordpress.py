"""``manage.py import_wordpress EXPORT.xml [--media DIR] [--dry-run] [--report FILE.json]
[--language CODE] [--force]``

Exit status 0 when the export was read (skipped and failed posts are in the summary and the report);
1 with a one-line message when it cannot be read, is unsafe, or ends early (what was complete is imported).
"""

import logging
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from translations.languages import default_language, language_codes
from wordpress.importer import Importer
from wordpress.wxr import ExportError

QUIET_LOGGERS = ("wagtail", "django_tasks", "sanitize", "pymorphy3")


class Command(BaseCommand):
    help = "Import a WordPress export (WXR), with Polylang translations, into the site."

    def add_arguments(self, parser):
        parser.add_argument("export", help="the .xml file from WordPress's Tools > Export or `wp export`")
        parser.add_argument("--media", help="a copy of the WordPress site's wp-content/uploads folder")
        parser.add_argument(
            "--dry-run", action="store_true", help="read and convert everything, save nothing"
        )
        parser.add_argument("--report", help="write what was imported, skipped and why to this JSON file")
        parser.add_argument(
            "--language",
            default=default_language(),
            choices=language_codes(),
            help="the language of posts that carry no language information (default: %(default)s)",
        )
        parser.add_argument(
            "--force", action="store_true", help="overwrite pages edited in Wagtail since their import"
        )

    def handle(self, *args, **options):
        if options["verbosity"] < 2:
            # Each publish logs a few lines (Wagtail, its background tasks): thousands in an import.
            for name in QUIET_LOGGERS:
                logging.getLogger(name).setLevel(logging.WARNING)
        out = self.stdout
        tty = hasattr(out, "isatty") and out.isatty()
        started = time.monotonic()

        def progress(done, total):
            width = 30
            filled = int(width * done / total) if total else width
            rate = done / max(time.monotonic() - started, 0.001)
            out.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total} ({rate:.0f}/s)", ending="")
            out.flush()

        importer = Importer(
            options["export"],
            media_dir=options["media"],
            dry_run=options["dry_run"],
            unmarked_language=options["language"],
            force=options["force"],
            progress=progress if tty else None,
        )
        try:
            report = importer.run()
        except ExportError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"cannot read {options['export']}: {error}") from None
        if tty:
            out.write("")
        out.write(report.table())
        if options["report"]:
            try:
                report.write_json(options["report"])
            except OSError as error:
                raise CommandError(f"cannot write the report {options['report']}: {error}") from None
        if report.error:
            sys.stdout.flush()
            raise CommandError(report.error)
