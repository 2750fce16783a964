"""Settings shared by every environment.

The one list of languages lives here (``LANGUAGES``); URLs, the language switcher, hreflang,
listings and tests all loop over it, so adding a language is a change here plus a migration.
"""

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before the apps whose models it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    # The project's apps, from the ground floor up (docs/architecture.md; make check enforces it).
    "translations",
    "navigation",
    "seo",
    "news",
    "about",
    "home",
    "newsdesk",
    "search",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default; production sets DATABASE_URL (PostgreSQL).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is the optional shared cache when several app servers run.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("az", _("Azerbaijani")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Baku"

# Field-level translation (django-modeltranslation through wagtail-modeltranslation).
# Wagtail's own page-tree localisation must stay off: the two models of translation exclude each other.
WAGTAIL_I18N_ENABLED = False
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# Untranslated fields of non-article pages (section names, settings) fall back to the default language.
# Articles do not: an article missing a language is left out of that language (translations.availability).
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

# The admin interface in every site language, each named in itself ("Azərbaycanca", "Русский").
# English and Russian have full Wagtail catalogues; Azerbaijani is partial.
WAGTAILADMIN_PERMITTED_LANGUAGES = [(code, LANG_INFO[code]["name_local"]) for code, _name in LANGUAGES]

# --- Static files and media ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "false").lower() == "true"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Aze.Media"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "bmp": "png", "webp": "webp"}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
# --- Search (search/, see the README's "Search" section) ------------------------------------
# Readers' search runs on the "documents" engine: one row per page and language of folded, stemmed
# text in the site's own database (FTS5 on SQLite, tsvector + GIN on PostgreSQL). Wagtail's search
# backend below serves the admin. A site that outgrows one database sets SEARCH_URL: Wagtail's
# Elasticsearch/OpenSearch backend takes over, every translated field gets its language's analyser
# (search.analysis) and readers' search moves there too (NEWSROOM_SEARCH_ENGINE = "wagtail").
SEARCH_URL = os.environ.get("SEARCH_URL", "")
NEWSROOM_SEARCH_ENGINE = os.environ.get("NEWSROOM_SEARCH_ENGINE", "wagtail" if SEARCH_URL else "documents")
# Per-language analysers for Elasticsearch/OpenSearch (merged into Wagtail's index settings).
NEWSROOM_SEARCH_ANALYSIS = {
    "char_filter": {
        # Readers type "seher" for "şəhər", "Baki" for "Bakı"; asciifolding does not fold ə or ı.
        "newsroom_az_letters": {"type": "mapping", "mappings": ["ə=>e", "Ə=>e", "ı=>i", "I=>i", "İ=>i"]},
        "newsroom_yo": {"type": "mapping", "mappings": ["ё=>е", "Ё=>Е"]},
    },
    "filter": {
        "newsroom_english_stemmer": {"type": "stemmer", "language": "english"},
        "newsroom_russian_stemmer": {"type": "stemmer", "language": "russian"},
    },
    "analyzer": {
        "newsroom_en": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding", "newsroom_english_stemmer"],
        },
        "newsroom_az": {
            "type": "custom",
            "tokenizer": "standard",
            "char_filter": ["newsroom_az_letters"],
            "filter": ["lowercase", "asciifolding"],
        },
        "newsroom_ru": {
            "type": "custom",
            "tokenizer": "standard",
            "char_filter": ["newsroom_yo"],
            "filter": ["lowercase", "newsroom_russian_stemmer"],
        },
    },
}
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # e.g. wagtail.search.backends.opensearch2 for OpenSearch.
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
            "URLS": [SEARCH_URL],
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "newsroom_"),
            "TIMEOUT": 5,
            "INDEX_SETTINGS": {"settings": {"analysis": NEWSROOM_SEARCH_ANALYSIS}},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
