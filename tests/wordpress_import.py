"""Running the WordPress import in tests, and what the tests read back (``test_wordpress*.py``).

Fixtures: ``tests/data/wordpress`` (written by its ``make_fixtures.py``): a Polylang export in en/az/ru
with a block-editor post in three languages, a classic post, draft/scheduled/private posts, broken markup,
invalid UTF-8, nested categories, tags, three authors and attachments with files; a truncated copy and
an entity bomb.
"""

import json
from pathlib import Path

from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from news.models import ArticlePage, Author, Tag
from wordpress.models import ImportedObject

DATA = Path(__file__).parent / "data" / "wordpress"
EXPORT = DATA / "export.xml"


def run_import(tmp_path, export=EXPORT, **options):
    report = tmp_path / f"report-{len(list(tmp_path.iterdir()))}.json"
    call_command("import_wordpress", str(export), media=str(DATA / "uploads"), report=str(report), **options)
    return json.loads(report.read_text(encoding="utf-8"))


def raw(body) -> str:
    return json.dumps(body.get_prep_value(), ensure_ascii=False)


def oil():
    return ArticlePage.objects.get(title_en="Oil prices rise in Baku")


def counts():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Redirect.objects.count(),
        get_image_model().objects.count(),
        Tag.objects.count(),
        Author.objects.count(),
        ImportedObject.objects.count(),
    )
