"""Running a SearchQuery against the full-text index of the database in use.

Each function returns SearchDocument rows (``page_id``) matching the query in one language, best
first: FTS5 ``bm25`` on SQLite, ``ts_rank_cd`` over a GIN-indexed ``tsvector`` on PostgreSQL, each
weighting the title ten times the body; ties go to the newest page. Other databases get a slower
substring match so the site still works.
"""

from django.db import connection
from django.db.models import Q

from .models import SearchDocument
from .query import SearchQuery

FTS = "newsroom_search_fts"
DOCS = SearchDocument._meta.db_table


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
        return documents.extra(  # noqa: S610 - the expression is a bound parameter
            tables=[FTS],
            where=[f"{FTS}.rowid = {DOCS}.id", f"{FTS} MATCH %s"],
            params=[fts5_expression(query, prefix_stem)],
            select={"rank": f"bm25({FTS}, 10.0, 1.0)"},
            order_by=["rank", "-page_id"],
        )
    if vendor == "postgresql":
        expression = tsquery_expression(query, prefix_stem)
        return documents.extra(  # noqa: S610 - the expression is a bound parameter
            where=["search_vector @@ to_tsquery('simple', %s)"],
            params=[expression],
            select={"rank": "ts_rank_cd(search_vector, to_tsquery('simple', %s), 1)"},
            select_params=[expression],
            order_by=["-rank", "-page_id"],
        )
    condition = Q()
    for group in query.groups:
        text = " ".join(group)
        condition &= Q(title_terms__contains=text) | Q(body_terms__contains=text)
    if query.prefix:
        condition &= Q(title_terms__contains=query.prefix) | Q(body_terms__contains=query.prefix)
    return documents.filter(condition).order_by("-page_id")
