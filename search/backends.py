"""Running a SearchQuery against the full-text index of the database in use.

``matching_documents`` returns SearchDocument rows (``page_id``) matching the query in one language,
best first: FTS5 ``bm25`` on SQLite (a join to the FTS5 table, ``search.models.FullTextEntry``),
``ts_rank_cd`` over a GIN-indexed ``tsvector`` on PostgreSQL (``django.contrib.postgres.search``),
each weighting the title ten times the body; ties go to the newest page. The query expression is
always a bound parameter. Other databases get a slower substring match so the site still works.
"""

from django.contrib.postgres import search as pg
from django.db import connection
from django.db.models import F, FloatField, Func, Q, Value

from .fts import SearchVectorColumn
from .models import SearchDocument
from .query import SearchQuery


def fts5_expression(query: SearchQuery, prefix_stem: str | None) -> str:
    parts = [f'"{" ".join(group)}"' for group in query.groups]
    if query.prefix:
        # The typed prefix, or the whole word stemmed: "переговоры" finds "переговорах" too.
        options = [f'"{query.prefix}"*'] + ([f'"{prefix_stem}"'] if prefix_stem else [])
        parts.append("(" + " OR ".join(options) + ")")
    return " AND ".join(parts)


def tsquery_expression(query: SearchQuery, prefix_stem: str | None) -> str:
    parts = [" <-> ".join(group) for group in query.groups]
    parts = [f"({part})" for part in parts]
    if query.prefix:
        options = [f"{query.prefix}:*"] + ([prefix_stem] if prefix_stem else [])
        parts.append("(" + " | ".join(options) + ")")
    return " & ".join(parts)


def matching_documents(query: SearchQuery, language: str, prefix_stem: str | None = None):
    """SearchDocument rows of ``language`` matching ``query``, ranked, as a lazy queryset."""
    documents = SearchDocument.objects.filter(language=language)
    vendor = connection.vendor
    if vendor == "sqlite":
        # bm25() is lower for better matches; its weights are per FTS5 column (title, body).
        rank = Func(F("fts__table"), Value(10.0), Value(1.0), function="bm25", output_field=FloatField())
        return (
            documents.filter(fts__table__fts5_match=fts5_expression(query, prefix_stem))
            .annotate(rank=rank)
            .order_by("rank", "-page_id")
        )
    if vendor == "postgresql":
        tsquery = pg.SearchQuery(tsquery_expression(query, prefix_stem), search_type="raw", config="simple")
        return (
            documents.alias(search_vector=SearchVectorColumn())
            .filter(search_vector=tsquery)
            .annotate(rank=pg.SearchRank(F("search_vector"), tsquery, normalization=1, cover_density=True))
            .order_by("-rank", "-page_id")
        )
    condition = Q()
    for group in query.groups:
        text = " ".join(group)
        condition &= Q(title_terms__contains=text) | Q(body_terms__contains=text)
    if query.prefix:
        condition &= Q(title_terms__contains=query.prefix) | Q(body_terms__contains=query.prefix)
    return documents.filter(condition).order_by("-page_id")
