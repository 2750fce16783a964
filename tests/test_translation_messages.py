"""`make messages` extracts every kind of interface string: Python (models, choices, help texts),
templates, and JavaScript (the djangojs catalogue).

makemessages runs on a copy of the sources with its own locale folder, so the real catalogues in
locale/ are never touched by the test.
"""

import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

BASE = Path(settings.BASE_DIR)
SKIP = {".venv", ".git", "locale", "staticfiles", "media", "node_modules", "tests", "bench"}
PROBE_JS = 'window.probe = gettext("Probe: a string only JavaScript uses");\n'
JS_GETTEXT = re.compile(r"""\b(?:gettext|gettext_noop)\(\s*(["'])(.+?)\1\s*\)""")


def makefile_options():
    """The options `make messages` passes to makemessages, read from the Makefile."""
    line = next(line for line in (BASE / "Makefile").read_text().splitlines() if "makemessages -l" in line)
    return {
        "no_location": "--no-location" in line,
        "ignore_patterns": re.findall(r"--ignore=(\S+)", line),
    }


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory):
    work = tmp_path_factory.mktemp("messages")
    for entry in BASE.iterdir():
        if entry.is_dir() and entry.name not in SKIP and not entry.name.startswith("."):
            shutil.copytree(entry, work / entry.name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    (work / "static" / "js").mkdir(parents=True, exist_ok=True)
    (work / "static" / "js" / "zz_probe.js").write_text(PROBE_JS)
    (work / "locale").mkdir()
    options = makefile_options()
    here = os.getcwd()
    os.chdir(work)
    try:
        with override_settings(LOCALE_PATHS=[str(work / "locale")]):
            call_command("makemessages", locale=["ru"], verbosity=0, **options)
            call_command("makemessages", locale=["ru"], domain="djangojs", verbosity=0, **options)
    finally:
        os.chdir(here)
    folder = work / "locale" / "ru" / "LC_MESSAGES"
    return {
        "django": {entry.msgid for entry in polib.pofile(str(folder / "django.po"))},
        "djangojs": {entry.msgid for entry in polib.pofile(str(folder / "djangojs.po"))},
    }


def test_python_strings_are_extracted(catalogues):
    django = catalogues["django"]
    assert "ready for readers" in django  # a model field's verbose_name (gettext_lazy)
    assert "Show this language version to readers. Leave unticked while it is being translated." in django
    assert "outdated" in django  # a TextChoices label
    assert "Start %(language)s from %(source)s" in django  # a string built in wagtail_hooks.py


def test_template_strings_are_extracted(catalogues):
    assert "Not ready for readers" in catalogues["django"]  # {% translate %}
    assert "Start from %(source)s" in catalogues["django"]  # {% blocktranslate %}


def test_javascript_strings_go_to_the_djangojs_catalogue(catalogues):
    js = catalogues["djangojs"]
    assert "Probe: a string only JavaScript uses" in js
    assert "Probe: a string only JavaScript uses" not in catalogues["django"]
    for path in sorted((BASE / "static" / "js").glob("*.js")):
        for _quote, msgid in JS_GETTEXT.findall(path.read_text(encoding="utf-8")):
            assert msgid in js, f"{path.name}: {msgid!r} missing from djangojs.po"


def test_javascript_catalogue_is_served_per_language(client):
    response = client.get("/ru/jsi18n/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "django.gettext" in response.content.decode() or "gettext" in response.content.decode()
