"""Settings shared by every environment.

The one list of languages lives here (``LANGUAGES``); URLs, the language switcher, hreflang,
listings and tests all loop over it, so adding a language is a change here plus a migration.
"""

import datetime
import hashlib
import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
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
    "sanitize",
    "translations",
    "navigation",
    "seo",
    "news",
    "readership",
    "breaking",
    "about",
    "home",
    "newsdesk",
    "accounts",
    "pagecache",
    "newsletter",
    "search",
    "maintenance",
    "wordpress",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
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
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cached pages for anonymous readers are answered here, before the middleware below (pagecache/).
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# --- Signing in: django-axes locks an account for one address after repeated failures ------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # other people, other addresses unaffected
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
AXES_ENABLE_ADMIN = False  # unlocking is in Wagtail's settings menu (accounts.wagtail_hooks)

# --- Content-Security-Policy on reader pages (django-csp) -----------------------------------------
# Everything from this site; the one inline script and the JSON-LD blocks carry the request's nonce.
# Video embeds may frame their providers. The admin (Wagtail's own scripts) is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}

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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No parallel workers for one query: a reader's queries read a few hundred rows, and starting and
    # merging a worker costs more than it saves (a section's page 50 at 30,000 articles: 32.8 ms with
    # one worker, 9.8 ms without, EXPLAIN ANALYZE). PG_PARALLEL_WORKERS sets PostgreSQL's own setting.
    _parallel = int(os.environ.get("PG_PARALLEL_WORKERS", "0"))
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"-c max_parallel_workers_per_gather={_parallel}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is the optional shared cache when several app servers run. It is an accelerator, never a single
# point of failure (tests/test_cache_outage.py stops and freezes a real redis-server):
# - the timeouts are short because a frozen Redis (SIGSTOP, a swapping host, a lost network path) accepts
#   connections and never answers; a healthy Redis on the local network answers in well under 1 ms;
# - after one connection error or timeout FailFastRedis skips Redis for REDIS_FAIL_FAST_SECONDS, then
#   lets one call try again (newsroom/settings/redis_client.py): a frozen Redis costs each process one
#   REDIS_TIMEOUT per REDIS_FAIL_FAST_SECONDS, a stopped one nothing; it logs once each way;
# - while Redis does not answer, ResilientRedisCache answers from a small per-process memory cache whose
#   entries all end at the next multiple of REDIS_FALLBACK_SECONDS (newsroom/settings/redis_cache.py), so
#   pages, the navigation tree and rendition lookups are built once per interval per process, not on every
#   request, and an article published meanwhile shows within it; publishing still succeeds, and the keys
#   it deleted (and DELETE_ON_RECOVERY's) are deleted in Redis too when it answers again.
# Without REDIS_URL each process keeps its own in-memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.25"))  # seconds, to connect and per command
REDIS_FAIL_FAST_SECONDS = float(os.environ.get("REDIS_FAIL_FAST_SECONDS", "5"))
REDIS_FALLBACK_SECONDS = float(os.environ.get("REDIS_FALLBACK_SECONDS", "2"))
REDIS_CACHE_BACKEND = "newsroom.settings.redis_cache.ResilientRedisCache"
REDIS_CACHE_OPTIONS = {
    "FALLBACK_SECONDS": REDIS_FALLBACK_SECONDS,
    "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
    "SOCKET_TIMEOUT": REDIS_TIMEOUT,
    "REDIS_CLIENT_CLASS": "newsroom.settings.redis_client.FailFastRedis",
    "REDIS_CLIENT_KWARGS": {"fail_fast_seconds": REDIS_FAIL_FAST_SECONDS},
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": REDIS_CACHE_BACKEND,
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
            "OPTIONS": REDIS_CACHE_OPTIONS,
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
# The project's own strings first; then the admin catalogues it ships for Wagtail and the packages
# the admin shows (locale/admin, kept current by `make admin-messages`, TRANSLATING.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "admin"]
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
# Live coverage (news/models/live.py): how often an open article asks for new updates, and how long
# browsers and a CDN may keep an answer, in seconds.
LIVE_POLL_SECONDS = 20
LIVE_UPDATES_MAX_AGE = 10
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
    "filters": {
        "without_traceback": {"()": "newsroom.settings.host_logging.WithoutTraceback"},
        "database_outage_once_a_minute": {
            "()": "newsroom.settings.log_filters.DatabaseOutageOncePerInterval",
            "seconds": 60,
        },
    },
    "loggers": {
        # A request with a bad Host header is one line in the log, not a traceback.
        "django.security.DisallowedHost": {"filters": ["without_traceback"]},
        # While the database is down, the 503s it causes are one traceback a minute, not one per request.
        "django.request": {"filters": ["database_outage_once_a_minute"]},
    },
}


# --- Serving: public address, page cache, front cache (pagecache/, README "Production") ----------
def _env_flag(name: str, default: bool) -> bool:
    return os.environ.get(name, "true" if default else "false").strip().lower() in ("1", "true", "yes", "on")


# The address readers reach the site at (scheme, host, port): `manage.py set_site_url` (run by
# `make serve` and `make run`) writes it into the default Wagtail Site, which every absolute URL
# (canonical, hreflang, Open Graph, sitemaps, feeds) is built from.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
if SITE_URL and not os.environ.get("WAGTAILADMIN_BASE_URL"):
    WAGTAILADMIN_BASE_URL = SITE_URL

# Whole pages for anonymous readers, and the parts every page shares, kept until the next content
# change (pagecache.store's generation) and at most PAGE_CACHE_SECONDS: that bounds what a purge lost
# while Redis was down can leave behind. PAGE_CACHE=false turns both off (measuring, debugging).
PAGE_CACHE = _env_flag("PAGE_CACHE", True)
FRAGMENT_CACHE = _env_flag("FRAGMENT_CACHE", PAGE_CACHE)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
# Each process keeps copies of the pages and fragments it served lately, up to this many bytes, and
# reads only the generation from the shared cache for them (pagecache.store.LocalCopies; 0: none).
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", str(8 * 1024 * 1024)))
# s-maxage for a CDN or Varnish, which publishing purges explicitly (WAGTAILFRONTENDCACHE below).
PAGE_CACHE_CDN_SECONDS = int(os.environ.get("PAGE_CACHE_CDN_SECONDS", "300"))
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/documents/", STATIC_URL, MEDIA_URL]
PAGE_CACHE_UNCACHED_PARAMETERS = ["q"]  # search results
# Campaign and click identifiers that newsletters, social networks and ads add to links: they change
# nothing on a page, so the page cache drops them from a reader's request (one cached copy, and no
# reader's identifier inside a page served to others). Names, or prefixes ending in "*".
# deploy/varnish.vcl strips the same ones.
PAGE_CACHE_IGNORED_PARAMETERS = [
    "utm_*",
    "fbclid",
    "gclid",
    "gbraid",
    "wbraid",
    "dclid",
    "msclkid",
    "yclid",
    "twclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
]
# The page cache's own store: the shared Redis when there is one; else a file cache that all the
# processes of this host share (gunicorn workers, the scheduler), so a publish clears it for all.
PAGE_CACHE_ALIAS = "pagecache"
# Read counts (readership/) live in the cache every process shares: the page cache's store.
READ_COUNTS_CACHE = PAGE_CACHE_ALIAS
PAGE_CACHE_DIR = os.environ.get("PAGE_CACHE_DIR") or os.path.join(
    tempfile.gettempdir(), f"newsroom-pagecache-{hashlib.sha256(bytes(BASE_DIR)).hexdigest()[:10]}"
)
if REDIS_URL:
    CACHES[PAGE_CACHE_ALIAS] = {
        "BACKEND": REDIS_CACHE_BACKEND,
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "newsroom",
        "OPTIONS": {
            **REDIS_CACHE_OPTIONS,
            # While Redis does not answer, the processes of this host share their pages through files.
            "FALLBACK_DIRECTORY": f"{PAGE_CACHE_DIR}-redis-down",
            # Pages Redis kept through an outage predate what was published meanwhile: a process that
            # comes back to Redis retires them (pagecache.store.GENERATION_KEY; tests/test_cache_outage.py).
            "DELETE_ON_RECOVERY": ["pagecache:generation"],
        },
    }
else:
    CACHES[PAGE_CACHE_ALIAS] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": PAGE_CACHE_DIR,
        "OPTIONS": {"MAX_ENTRIES": 3000},
    }

# A front cache (Varnish, deploy/varnish.vcl) that publishing purges through Wagtail's frontend_cache:
# FRONTEND_CACHE_URL is where Varnish listens (http://127.0.0.1:6081).
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "").strip()
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "pagecache.frontend.HTTPBackend", "LOCATION": FRONTEND_CACHE_URL},
    }

# --- Outgoing e-mail and the newsletter (newsletter/, .env.example) -----------------------------------
from .email import *  # noqa: E402, F403
