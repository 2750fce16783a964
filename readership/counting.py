"""Counting a view: one cache increment, bucketed by hour, and the list of what to flush.

The counts live in the cache every process of the site shares (``READ_COUNTS_CACHE``, by default the page
cache's store: Redis when ``REDIS_URL`` is set, else a file cache on this host), never in the database:
``flush_read_counts`` moves them there every minute (:mod:`readership.flush`).

Keys, for the hour ``h`` (hours since the epoch, UTC):

- ``readership:h:<lang>:<page id>``: the views not flushed yet (``add``, then ``incr``: atomic in Redis);
- ``readership:h:n``: how many (language, article) pairs were seen in that hour, and
  ``readership:h:slot:<i>``: the i-th of them, written once by the view that created its count, so the
  flush finds every count with two ``get_many`` and no key scan (the cache API has none).

Counting must never cost a reader a page: if the cache is away, the view is not counted, nothing else.
With the file cache (no Redis) an increment is a read and a write, so two views at the same instant can
count once: good enough for a ranking, and production has Redis.
"""

import logging
import re
import time

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger("newsroom.readership")

HOUR = 3600
KEEP_SECONDS = 6 * HOUR  # a count not flushed within this time is dropped by the cache
FLUSH_HOURS = 5  # how many hours back a flush looks (the scheduler may have been stopped for a while)

# Crawlers, link-preview fetchers, monitors and scripts: not readers. (Their pages are counted only if
# they run JavaScript and send the beacon at all; these are the ones that do or claim to.)
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|scrap|archiver|facebookexternalhit|embedly|quora link|"
    r"whatsapp|telegram|skype|discord|slack|lighthouse|pagespeed|headless|phantomjs|puppeteer|playwright|"
    r"selenium|python|curl|wget|httpclient|okhttp|java/|go-http|node-fetch|axios|monitor|uptime|pingdom",
    re.IGNORECASE,
)


def counts_cache():
    return caches[settings.READ_COUNTS_CACHE]


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or bool(BOT_USER_AGENT.search(user_agent))


def current_hour(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // HOUR)


def count_key(hour: int, language: str, page_id: int) -> str:
    return f"readership:{hour}:{language}:{page_id}"


def slots_key(hour: int) -> str:
    return f"readership:{hour}:n"


def slot_key(hour: int, index: int) -> str:
    return f"readership:{hour}:slot:{index}"


def _incr_or_add(store, key: str) -> int:
    """``key`` + 1, created at 1 if missing (``incr`` raises on a missing key); the new value."""
    for _attempt in range(3):
        try:
            return store.incr(key)
        except ValueError:
            if store.add(key, 1, KEEP_SECONDS):
                return 1
    raise ValueError(key)


def count_view(language: str, page_id: int, now: float | None = None) -> bool:
    """Count one view of ``page_id`` in ``language``; ``False`` when the cache could not take it."""
    store = counts_cache()
    hour = current_hour(now)
    key = count_key(hour, language, page_id)
    try:
        if store.add(key, 1, KEEP_SECONDS):
            # The first view of this article in this language this hour: list it for the flush.
            index = _incr_or_add(store, slots_key(hour))
            store.set(slot_key(hour, index), (language, page_id), KEEP_SECONDS)
        else:
            _incr_or_add(store, key)
    except Exception:  # the cache is away: this view is not counted, the reader notices nothing
        logger.warning("Readership: could not count a view (cache unavailable)", exc_info=True)
        return False
    return True


def pending(now: float | None = None) -> dict[tuple[int, str, int], int]:
    """``{(hour, language, page id): views}`` not flushed yet, over the last ``FLUSH_HOURS`` hours."""
    store = counts_cache()
    hours = range(current_hour(now) - FLUSH_HOURS + 1, current_hour(now) + 1)
    sizes = store.get_many([slots_key(hour) for hour in hours])
    slots = [
        slot_key(hour, index)
        for hour in hours
        for index in range(1, int(sizes.get(slots_key(hour)) or 0) + 1)
    ]
    keys = {}
    for key, (language, page_id) in store.get_many(slots).items():
        hour = int(key.split(":")[1])
        keys[count_key(hour, language, page_id)] = (hour, language, page_id)
    counts = store.get_many(list(keys))
    return {keys[key]: int(value) for key, value in counts.items() if int(value) > 0}


def take(counts: dict[tuple[int, str, int], int]) -> None:
    """Subtract what is being flushed from the buffer (views counted meanwhile stay for the next flush)."""
    store = counts_cache()
    for (hour, language, page_id), views in counts.items():
        try:
            store.decr(count_key(hour, language, page_id), views)
        except ValueError:  # expired meanwhile
            pass


def give_back(counts: dict[tuple[int, str, int], int]) -> None:
    """Put back what :func:`take` took when the database did not store it."""
    store = counts_cache()
    for (hour, language, page_id), views in counts.items():
        try:
            store.incr(count_key(hour, language, page_id), views)
        except ValueError:
            pass
