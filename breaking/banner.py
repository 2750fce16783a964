"""The banner a language shows now: the newest live, unexpired breaking news with a headline in it.

Kept in the cache every process shares (the page cache's store) for at most ``BANNER_SECONDS`` and
never past its expiry, and deleted on every save or delete (now and after commit), so a page built
after a change never shows the previous banner. Cached pages are retired by the page cache itself
(``pagecache.signals``: any snippet change retires every cached page and purges the front cache) when
an editor saves, and by ``expire_breaking_news`` (run by the scheduler every few seconds) at expiry.
"""

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone

from translations.languages import language_codes, localized_field

from .models import BreakingNews

BANNER_SECONDS = 60
NONE = {}  # cached "no banner" (``None`` is a cache miss)


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def cache_key(language: str) -> str:
    return f"breaking:banner:{language}"


def current(language: str) -> dict | None:
    """``{"headline", "link", "expires"}`` of the banner ``language`` shows now, or ``None``."""
    now = timezone.now()
    store = _cache()
    banner = store.get(cache_key(language))
    if banner is None or (banner and banner["expires"] <= now):
        headline, link = localized_field("headline", language), localized_field("link", language)
        row = BreakingNews.objects.showing_in(language, now).values_list(headline, link, "expires_at").first()
        if row:
            row = {"headline": row[0], "link": row[1] or "", "expires": row[2]}
        banner = row or NONE
        seconds = BANNER_SECONDS
        if row:
            seconds = max(1, min(seconds, int((row["expires"] - now).total_seconds())))
        store.set(cache_key(language), banner, seconds)
    return banner or None


def forget(**kwargs) -> None:
    """Drop every language's cached banner, now and once the transaction has committed."""
    keys = [cache_key(language) for language in language_codes()]
    _cache().delete_many(keys)
    transaction.on_commit(lambda: _cache().delete_many(keys))
