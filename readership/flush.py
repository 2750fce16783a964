"""Moving the buffered counts into ``ReadCount``: one upsert for the whole batch, then pruning."""

import datetime
import logging

from django.db import connection, transaction
from django.utils import timezone

from news.models import ArticlePage

from . import counting
from .models import ReadCount

logger = logging.getLogger("newsroom.readership")

KEEP_DAYS = 8  # "7 days" plus the hour being counted, and a margin


def hour_start(hour: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(hour * counting.HOUR, tz=datetime.UTC)


def _upsert_sql() -> str:
    quote = connection.ops.quote_name
    table = quote(ReadCount._meta.db_table)
    article, language, hour, views = (
        quote(ReadCount._meta.get_field(name).column) for name in ("article", "language", "hour", "views")
    )
    # INSERT ... ON CONFLICT ... DO UPDATE (SQLite 3.24+, PostgreSQL 9.5+): an existing row gets the new
    # views added in the database, as F("views") + n would, so no count is read and written back.
    columns = f"{article}, {language}, {hour}"
    return (
        f"INSERT INTO {table} ({columns}, {views}) VALUES (%s, %s, %s, %s) "  # noqa: S608 (model's names)
        f"ON CONFLICT ({columns}) DO UPDATE SET {views} = {table}.{views} + excluded.{views}"
    )


def store(counts: dict[tuple[int, str, int], int]) -> int:
    """Add ``{(hour, language, page id): views}`` to the table; the number of rows written."""
    existing = set(ArticlePage.objects.filter(pk__in={key[2] for key in counts}).values_list("pk", flat=True))
    rows = [
        (page_id, language, connection.ops.adapt_datetimefield_value(hour_start(hour)), views)
        for (hour, language, page_id), views in sorted(counts.items())
        if page_id in existing  # an article deleted since it was read
    ]
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(_upsert_sql(), rows)
    return len(rows)


def prune(now: datetime.datetime | None = None) -> int:
    cutoff = (now or timezone.now()) - datetime.timedelta(days=KEEP_DAYS)
    deleted, _by_model = ReadCount.objects.filter(hour__lt=cutoff).delete()
    return deleted


def flush(now: float | None = None) -> tuple[int, int]:
    """Buffered counts into the database, old rows out: ``(views moved, rows pruned)``."""
    counts = counting.pending(now)
    if counts:
        counting.take(counts)
        try:
            with transaction.atomic():
                store(counts)
        except Exception:
            counting.give_back(counts)
            raise
    return sum(counts.values()), prune()
