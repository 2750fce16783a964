"""A fourth language (Turkish) works once enabled in settings: URLs, switcher, hreflang, status view.

django-modeltranslation adds the ``*_tr`` fields when the models are imported, so the check runs in a
separate process with ``newsroom.settings.test_fourth_language``: ``makemigrations`` writes the
project's migrations for four languages into a scratch folder, then pytest runs
``tests/fourth_language/check_turkish.py`` on a database built from them.
"""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings

SETTINGS = "newsroom.settings.test_fourth_language"


@pytest.fixture
def run(tmp_path):
    (tmp_path / "tr_migrations").mkdir()
    (tmp_path / "tr_migrations" / "__init__.py").write_text("")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "FOURTH_LANGUAGE_MIGRATIONS": str(tmp_path),
        "TEST_MEDIA_ROOT": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)

    def run(*args, timeout=600):
        return subprocess.run(  # noqa: S603
            [sys.executable, *args],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    return run


def test_site_works_with_a_fourth_language(run, tmp_path):
    apps = ("home", "news", "about", "translations", "breaking", "readership")  # FOURTH_LANGUAGE_APPS
    made = run("manage.py", "makemigrations", *apps, "-v", "1")
    assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-3000:]
    news_migration = next((tmp_path / "tr_migrations" / "news").glob("0001_*.py")).read_text()
    assert "'ready_tr'" in news_migration and "'body_tr'" in news_migration

    result = run(
        "-m",
        "pytest",
        "tests/fourth_language/check_turkish.py",
        f"--ds={SETTINGS}",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "addopts=",
        "-W",
        "ignore::DeprecationWarning",
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"^6 passed", result.stdout, re.M), result.stdout[-2000:]


def test_adding_a_language_is_one_migration_per_app_with_translated_fields(run):
    """Against the committed migrations, ``makemigrations`` finds only the new language's columns."""
    code = (
        "import django; django.setup();"
        "from django.test import override_settings; from django.core.management import call_command;"
        "override_settings(MIGRATION_MODULES={}).enable();"
        "call_command('makemigrations', dry_run=True, verbosity=1)"
    )
    result = run("-c", code, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    for expected in (
        "Add field ready_tr to articlepage",
        "Add field intro_tr to articlepage",
        "Add field tagline_tr to homepage",
        "Add field intro_tr to aboutpage",
    ):
        assert expected in result.stdout, result.stdout[-3000:]
    # Page's own columns (title_tr, slug_tr, url_path_tr) are added by `migrate` itself
    # (wagtail-modeltranslation's sync), not by a migration.
    assert "wagtailcore" not in result.stdout
    assert "translations" not in result.stdout  # TranslationState has a row per language, no column
