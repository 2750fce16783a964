"""The test settings plus a fourth language (Turkish), for tests/test_translation_fourth_language.py.

Adding a language to the real site is this change to ``LANGUAGES`` (base.py) and
``WAGTAILADMIN_PERMITTED_LANGUAGES``, then ``makemigrations`` / ``migrate`` /
``update_translation_fields`` and a ``locale/tr`` catalogue (see TRANSLATING.md).

The committed migrations know three languages, so the test generates migrations for the project's
apps into a scratch folder (``FOURTH_LANGUAGE_MIGRATIONS``, holding a ``tr_migrations`` package) with
``makemigrations`` under these settings, and the test database is built from those.
"""

import os
import sys
import tempfile

from .test import *  # noqa: F403

# A plain string: the test language's name is not an interface string for the catalogues.
LANGUAGES = [*LANGUAGES, ("tr", "Turkish")]  # noqa: F405
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
WAGTAILADMIN_PERMITTED_LANGUAGES = [*WAGTAILADMIN_PERMITTED_LANGUAGES, ("tr", "Türkçe")]  # noqa: F405
_migrations = os.environ.get("FOURTH_LANGUAGE_MIGRATIONS")
if _migrations:
    sys.path.insert(0, _migrations)
    # The apps with translated fields, and readership, whose migration depends on news's.
    FOURTH_LANGUAGE_APPS = ("home", "news", "about", "translations", "breaking", "readership")
    MIGRATION_MODULES = {app: f"tr_migrations.{app}" for app in FOURTH_LANGUAGE_APPS}

# Its own SQLite database, whatever DATABASE_URL says: the schema comes from the models above.
_folder = os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="newsroom-tr-")
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.path.join(_folder, "fourth-language.sqlite3"),
        "TEST": {"NAME": os.path.join(_folder, "test-fourth-language.sqlite3")},
    }
}
