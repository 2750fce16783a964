"""Settings for the test suite (pytest). DATABASE_URL selects PostgreSQL; SQLite otherwise."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="newsroom-media-")
# whitenoise warns about a missing STATIC_ROOT on every request; tests serve nothing from it.
STATIC_ROOT = os.path.join(MEDIA_ROOT, "static")
os.makedirs(STATIC_ROOT, exist_ok=True)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# The test database for SQLite must be a file so that a live server thread (Playwright) sees it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(MEDIA_ROOT, "test.sqlite3")}  # noqa: F405
# Wagtail's and Django's test clients sign in without a request, which django-axes refuses; the
# lockout tests (tests/test_login_lockout.py) switch it back on.
AXES_ENABLED = False
# The page and fragment caches are off unless a test turns them on (tests/test_pagecache*.py use the
# `settings` fixture) or PAGE_CACHE=true is set for a whole run; their store shares the default
# cache's memory (same LocMemCache name), so conftest's cache.clear() empties it between tests.
PAGE_CACHE = os.environ.get("PAGE_CACHE", "false").lower() == "true"
FRAGMENT_CACHE = os.environ.get("FRAGMENT_CACHE", str(PAGE_CACHE)).lower() == "true"
CACHES[PAGE_CACHE_ALIAS] = {  # noqa: F405
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "newsroom",
}
