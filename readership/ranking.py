"""Most read: the articles readers of a language opened most over the last 24 hours and 7 days.

Each list is one query (live, public and available in the language: ``ArticlePage.for_readers``, summed
over that language's hourly rows); both lists are kept ``MOST_READ_SECONDS`` per language in the shared
cache, and dropped at once when an article with reads in that week is published or unpublished, when
an article is deleted, and when ``flush_read_counts`` has stored new views (once a minute at most).
"""

import datetime

from django.db.models import Sum
from django.utils import translation

from news.models import ArticlePage
from translations.languages import language_codes
from translations.links import page_url

from . import counting
from .flush import hour_start
from .models import ReadCount

MOST_READ_COUNT = 5
MOST_READ_SECONDS = 300
WINDOWS = {"day": 24, "week": 7 * 24}  # hours


def since(hours: int, now: float | None = None) -> datetime.datetime:
    """The first hour of a window of ``hours`` hours that ends with the current one."""
    return hour_start(counting.current_hour(now) - hours + 1)


def most_read(language: str, hours: int, limit: int = MOST_READ_COUNT, now: float | None = None):
    """A queryset of the ``limit`` articles with the most views in ``language`` over ``hours`` hours,
    each with ``recent_views``; ties go to the newer article."""
    return (
        ArticlePage.objects.for_readers(language)
        .filter(read_counts__language=language, read_counts__hour__gte=since(hours, now))
        .annotate(recent_views=Sum("read_counts__views"))
        .card_rows()
        .order_by("-recent_views", "-date", "-pk")[:limit]
    )


def _entries(language: str, hours: int) -> list[dict]:
    with translation.override(language):
        return [
            {"title": article.title, "url": page_url(article, language), "views": article.recent_views}
            for article in most_read(language, hours)
        ]


def cache_key(language: str) -> str:
    return f"readership:most-read:{language}"


def most_read_lists(language: str) -> dict[str, list[dict]]:
    """``{"day": [...], "week": [...]}`` of ``{"title", "url", "views"}`` for ``language``, cached."""
    store = counting.counts_cache()
    key = cache_key(language)
    lists = store.get(key)
    if lists is None:
        lists = {name: _entries(language, hours) for name, hours in WINDOWS.items()}
        store.set(key, lists, MOST_READ_SECONDS)
    return lists


def forget(**kwargs) -> None:
    """Drop the cached lists of every language (an article was deleted, new counts were stored)."""
    counting.counts_cache().delete_many([cache_key(language) for language in language_codes()])


def forget_if_read(instance=None, **kwargs) -> None:
    """An article published or unpublished: only an article read within the longest window can be in
    the lists (its title changed, it left the site, or it came back with its reads). A new article has
    no reads, so publishing it keeps the lists (the next page would otherwise rebuild them: two queries)."""
    longest = max(WINDOWS.values())
    if (
        instance is None
        or ReadCount.objects.filter(article_id=instance.pk, hour__gte=since(longest)).exists()
    ):
        forget()
