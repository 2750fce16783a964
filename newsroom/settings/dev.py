"""Local development: `make run`. Never use in production."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Templates and code change under a developer's hands: no page cache unless asked (PAGE_CACHE=true).
PAGE_CACHE = os.environ.get("PAGE_CACHE", "false").lower() == "true"
FRAGMENT_CACHE = os.environ.get("FRAGMENT_CACHE", str(PAGE_CACHE)).lower() == "true"
