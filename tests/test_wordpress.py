"""The WordPress import run on its own in each test: options, bad files, the reader and the converters.
What one import gives readers and operators is in ``test_wordpress_imported.py``; the fixtures and helpers
are in ``tests/wordpress_import.py``.
"""

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from news.models import ArticlePage
from tests.wordpress_import import DATA, EXPORT, counts, oil, run_import
from wordpress import content, wxr

ROOT = Path(__file__).resolve().parent.parent


def test_post_without_language_uses_the_default_or_the_flag(site_tree, tmp_path):
    run_import(tmp_path, language="ru")
    article = ArticlePage.objects.get(slug_ru="no-language")
    assert article.title_ru == "No language at all" and article.ready_ru and not article.ready_en


def test_dry_run_saves_nothing(site_tree, tmp_path):
    before = counts()
    report = run_import(tmp_path, dry_run=True)
    assert counts() == before
    assert report["dry_run"] and report["counts"]["article"]["imported"] == 8


# --- Bad files ------------------------------------------------------------------------------------------
def test_truncated_file_imports_what_was_complete(site_tree, tmp_path):
    with pytest.raises(CommandError, match="cut short"):
        call_command("import_wordpress", str(DATA / "truncated.xml"), media=str(DATA / "uploads"))
    assert oil().live  # the group before the cut
    assert not ArticlePage.objects.filter(title_en="Classic post").exists()


def manage(*args, env=None):
    return subprocess.run(  # noqa: S603 - our own manage.py, no shell
        [sys.executable, "manage.py", "import_wordpress", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings.test", **(env or {})},
    )


def manage_here(*args) -> tuple[int, str, str]:
    """``manage.py import_wordpress ARGS`` as the command line runs it (argument parsing, system checks, a
    ``CommandError`` printed on stderr and turned into the exit status), in this process: ``(status,
    stdout, stderr)``. The import writes through this test's own connection to this worker's test
    database, so the test sees exactly what it wrote, whatever database and xdist worker it runs on."""
    out, err = io.StringIO(), io.StringIO()
    status = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            ManagementUtility(["manage.py", "import_wordpress", *args]).execute()
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 1
    return status, out.getvalue(), err.getvalue()


# Transactional: the command line closes the database connections when it ends, which a test running
# inside a transaction could not survive.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_truncated_file_exit_status_and_message(site_tree, tmp_path):
    report = tmp_path / "report.json"
    status, stdout, stderr = manage_here(
        str(DATA / "truncated.xml"), "--media", str(DATA / "uploads"), "--report", str(report)
    )
    assert status == 1
    assert "Traceback" not in stderr
    assert stderr.strip().count("\n") == 0 and "cut short" in stderr
    assert "imported" in stdout  # the summary of what was complete
    assert ArticlePage.objects.filter(title_en="Oil prices rise in Baku").exists(), report.read_text()
    assert not ArticlePage.objects.filter(title_en="Classic post").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bomb.xml", None, "refused"),
        ("garbage.xml", b"\x00\x01 not xml at all", "not a WordPress export"),
        ("html.xml", b"<html><body>hello</body></html>", "not a WordPress export"),
        ("missing.xml", "absent", "cannot open"),
    ],
)
def test_unreadable_files_give_one_line_and_exit_status(tmp_path, name, content, message):
    path = DATA / name if content is None else tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    result = manage(str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert message in result.stderr


# --- The reader and the converters ------------------------------------------------------------------------
def test_reader_gives_the_same_items_whatever_the_chunk_size():
    def items(chunk):
        return [
            (v.post_id, v.title, v.content) for kind, v in wxr.read(EXPORT, chunk=chunk) if kind == "item"
        ]

    assert items(7) == items(1 << 20)


def test_reader_accepts_wxr_1_0_and_html_entities_outside_cdata(tmp_path):
    path = tmp_path / "old.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss xmlns:wp="http://wordpress.org/export/1.0/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item>'
        "<title>Caf&eacute; &amp; bar&nbsp;AT&T</title><wp:post_id>9</wp:post_id>"
        "<content:encoded>Hi</content:encoded></item></channel></rss>",
        encoding="utf-8",
    )
    [item] = [value for kind, value in wxr.read(path) if kind == "item"]
    assert (item.post_id, item.title, item.content, item.post_type) == (9, "Café & bar\xa0AT&T", "Hi", "post")


class NoFiles:
    def image(self, attachment_id, src):
        return None

    def links(self, html):
        return html


def test_unknown_blocks_and_shortcodes_are_kept_as_text():
    body = content.convert(
        '<!-- wp:acme/widget {"x":1} --><div>Widget <em>text</em></div><!-- /wp:acme/widget -->'
        '[acme_box title="x"]Inside[/acme_box]',
        NoFiles(),
    )
    assert [block["value"] for block in body.blocks] == ["<p>Widget <em>text</em></p>", "<p>Inside</p>"]
    assert body.unknown == {"acme/widget": 1, "[acme_box]": 1}


@pytest.mark.parametrize("editor", ["block", "classic"])
def test_tables_keep_their_rows_header_and_caption(editor):
    table = (
        "<table><caption>Output <b>2025</b></caption>"
        "<thead><tr><th>Field</th><th colspan=2>Output</th></tr></thead>"
        "<tbody><tr><th>ACG</th><td>318</td><td>kb/d</td></tr><tr><th>Shah Deniz</th><td>64</td></tr>"
        "<tr><td></td><td></td></tr></tbody></table>"
    )
    html = f'<!-- wp:table --><figure class="wp-block-table">{table}</figure><!-- /wp:table -->'
    body = content.convert(html if editor == "block" else f"Before.\n\n{table}", NoFiles())
    value = next(block["value"] for block in body.blocks if block["type"] == "table")
    assert value == {
        "data": [["Field", "Output", ""], ["ACG", "318", "kb/d"], ["Shah Deniz", "64", ""]],
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "table_header_choice": "both",
        "table_caption": "Output 2025",
    }


def test_a_block_editor_table_caption_is_the_figure_caption():
    body = content.convert(
        '<!-- wp:table --><figure class="wp-block-table"><table><tr><td>A</td></tr></table>'
        "<figcaption>Prices <script>x</script>this week</figcaption></figure><!-- /wp:table -->",
        NoFiles(),
    )
    assert body.blocks[0]["type"] == "table"
    assert body.blocks[0]["value"]["table_caption"].startswith("Prices")
    assert "<" not in body.blocks[0]["value"]["table_caption"]
