"""Running a SearchQuery against the full-text index of the database in use, ranked the same way on
SQLite and PostgreSQL.

Matching uses each database's index: FTS5 ``MATCH`` on SQLite (a join to the FTS5 table,
``search.models.FullTextEntry``), a GIN-indexed ``tsvector`` on PostgreSQL. Both see the same tokens
(the terms of ``search.normalize``, which neither database changes), the same phrases (adjacent
terms) and the same prefixes, so they match the same documents.

Ranking does not use either database's own function (``bm25()`` and ``ts_rank_cd`` disagree). Every
matching document gets the same BM25F score, computed by one SQL text on both databases from the
stored terms (``" term "`` counted with ``REPLACE``/``LENGTH``), the stored lengths and figures worked
out in Python from one statistics query (``Ranking``):

    score = Σ over query terms t of  idf(t) · (k1 + 1) · w / (k1 + w)
    w     = 3 · tf_title / (1 − b + b · title_length / avg_title)
            + tf_body / (1 − b + b · body_length / avg_body)
    idf   = ln(1 + (N − df + 0.5) / (df + 0.5))      (N, df: documents of the language)

with k1 = 1.2, b = 0.75: a term in the title counts three times one in the body. Ties go to the
newest page (``date``), then the higher page id. A query matching more than ``MAX_RANKED`` documents
ranks the newest ``MAX_RANKED`` of them, and the count stops there too ("more than 1000 results"):
they are read newest first along the ``(language, date)`` index, checking each against the set of
matching ids, so a common word costs ``MAX_RANKED`` index steps, not one per match. All arithmetic is
in double precision, in the same order on both databases, so equal inputs give bit-equal scores. The query
expression is always a bound parameter. Other databases get an unranked substring match so the site
still works.
"""

import math
from dataclasses import dataclass

from django.contrib.postgres import search as pg
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from translations import compiled

from .fts import FTS_TABLE, SearchVectorColumn
from .models import SearchDocument
from .query import SearchQuery

# A query matching more documents than this ranks the newest this many (a news archive's readers want
# recent pieces; scoring every one of 10,000 matches cost 100+ ms): the same cut on both databases.
MAX_RANKED = 1000
K1 = 1.2
B = 0.75
TITLE_WEIGHT = 3.0
TABLE = SearchDocument._meta.db_table


def _fts5_phrase(terms: list[str]) -> str:
    return f'"{" ".join(terms)}"'


def fts5_expression(query: SearchQuery) -> str:
    parts = [_fts5_phrase(group) for group in query.groups]
    if query.prefix:
        options = [f'"{query.prefix}"*'] + [_fts5_phrase([term]) for term in query.prefix_terms]
        parts.append("(" + " OR ".join(options) + ")")
    return " AND ".join(parts)


def tsquery_expression(query: SearchQuery) -> str:
    parts = ["(" + " <-> ".join(group) + ")" for group in query.groups]
    if query.prefix:
        options = [f"{query.prefix}:*", *query.prefix_terms]
        parts.append("(" + " | ".join(options) + ")")
    return " & ".join(parts)


def _match_term(term: str) -> str:
    return _fts5_phrase([term]) if connection.vendor == "sqlite" else term


def match_expression(query: SearchQuery) -> str | None:
    """``query`` as the database's full-text index reads it (FTS5 ``MATCH``, ``to_tsquery``); None on
    other databases."""
    vendor = connection.vendor
    if vendor == "sqlite":
        return fts5_expression(query)
    if vendor == "postgresql":
        return tsquery_expression(query)
    return None


def _matching(expression: str, language: str):
    documents = SearchDocument.objects.filter(language=language)
    if connection.vendor == "sqlite":
        # The FTS5 matches as a set of ids (``IN``), not a join: SQLite then walks the documents along
        # the (language, date) index, newest first, and stops after the newest MAX_RANKED + 1.
        return documents.filter(id__in=RawSQL(_FTS5_IDS, [expression]))  # noqa: S611 - bound
    tsquery = pg.SearchQuery(expression, search_type="raw", config="simple")
    return documents.alias(search_vector=SearchVectorColumn()).filter(search_vector=tsquery)


def matching_documents(query: SearchQuery, language: str):
    """SearchDocument rows of ``language`` matching ``query`` (unordered, lazy)."""
    expression = match_expression(query)
    if expression is not None:
        return _matching(expression, language)
    condition = Q()
    for group in query.groups:
        text = f" {' '.join(group)} "
        condition &= Q(title_terms__contains=text) | Q(body_terms__contains=text)
    if query.prefix:
        condition &= Q(title_terms__contains=f" {query.prefix}") | Q(body_terms__contains=f" {query.prefix}")
    return SearchDocument.objects.filter(language=language).filter(condition)


_FTS5_IDS = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608


def _document_frequency_sql(vendor: str) -> str:
    if vendor == "sqlite":
        return f"(SELECT COUNT(*) FROM {TABLE} d WHERE d.id IN ({_FTS5_IDS}) AND d.language = %s)"  # noqa: S608
    return (
        f"(SELECT COUNT(*) FROM {TABLE} d "  # noqa: S608
        "WHERE d.search_vector @@ to_tsquery('simple'::regconfig, %s) AND d.language = %s)"
    )


@dataclass
class Ranking:
    """The figures of the score that come from the whole index: one statistics query."""

    idf: dict[str, float]
    avg_title: float
    avg_body: float

    @classmethod
    def load(cls, terms: list[str], language: str) -> "Ranking":
        vendor = connection.vendor
        columns = ["COUNT(*)", "COALESCE(SUM(title_length), 0)", "COALESCE(SUM(body_length), 0)"]
        params: list = []
        if vendor in ("sqlite", "postgresql"):
            for term in terms:
                columns.append(_document_frequency_sql(vendor))
                params += [_match_term(term), language]
        sql = f"SELECT {', '.join(columns)} FROM {TABLE} WHERE language = %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, language])
            row = cursor.fetchone()
        total, title_sum, body_sum = (int(value) for value in row[:3])
        frequencies = [int(value) for value in row[3:]] or [0] * len(terms)
        idf = {
            term: math.log(1.0 + (total - df + 0.5) / (df + 0.5))
            for term, df in zip(terms, frequencies, strict=True)
        }
        total = max(total, 1)
        return cls(idf, max(title_sum / total, 1.0), max(body_sum / total, 1.0))


def _octets(sql: str) -> str:
    """The length of a text in bytes: counting characters costs a scan of multi-byte text, and the
    count below only needs a difference of lengths (2.5x faster on Russian text on PostgreSQL)."""
    return f"OCTET_LENGTH({sql})" if connection.vendor == "postgresql" else f"LENGTH(CAST({sql} AS BLOB))"


def _tf(column: str) -> str:
    """How many times the bound term (``" term "``) occurs in ``column``, as a double: the bytes the
    occurrences take, divided by the bytes of one (the bound byte length of the term and one space)."""
    replaced = f"REPLACE({column}, %s, ' ')"
    return f"CAST(({_octets(column)} - {_octets(replaced)}) / %s AS DOUBLE PRECISION)"


class RankedDocuments:
    """The page ids of the documents matching a query, best first; sliceable and countable, for
    django.core.paginator.Paginator. Each slice is one SQL query; ``count()`` another."""

    def __init__(self, query: SearchQuery, language: str, visible_pages, figures=None):
        """``visible_pages(language)``: the pages readers may see (a queryset); ``figures(terms,
        language)``: the :class:`Ranking` (default: ``Ranking.load``, one query)."""
        self.query = query
        self.language = language
        self.visible_pages = visible_pages
        self.expression = match_expression(query)
        self.figures = figures or Ranking.load
        self._candidates = None
        self._ranking = None

    def candidates(self) -> list[int]:
        """Ids of the newest ``MAX_RANKED + 1`` matching documents of pages readers may see: the ones
        ranked, and whether there are more.

        Two queries, not one: the newest matching documents (index-ordered, no join), then which of
        their pages are visible, looked up by primary key. Checking visibility inside the first query
        made PostgreSQL hash every visible page of the language (a scan of the page table, 40 ms at
        30,000 articles); documents exist only for live pages, so a second batch is rarely needed."""
        if self._candidates is None:
            wanted = MAX_RANKED + 1
            found: list[int] = []
            start = 0
            while len(found) < wanted:
                rows = self._newest(start, wanted)
                if not rows:
                    break
                visible = self._visible({page for _id, page in rows})
                found += [document for document, page in rows if page in visible]
                if len(rows) < wanted:
                    break
                start += wanted
            self._candidates = found[:wanted]
        return self._candidates

    def _newest(self, start: int, count: int) -> list[tuple[int, int]]:
        """(document id, page id) of the matching documents, newest first, from ``start``."""
        if self.expression is None:
            newest = matching_documents(self.query, self.language).order_by("-date", "-id")
            return list(newest.values_list("id", "page_id")[start : start + count])
        language = self.language

        def build():
            newest = _matching(compiled.VALUE, language).order_by("-date", "-id")
            return newest.values("id", "page_id").query.sql_with_params()

        return compiled.rows(("search: newest", language), build, self.expression, count, start)

    def _visible(self, page_ids: set[int]) -> set[int]:
        """Those of ``page_ids`` readers may see."""
        if self.expression is None:
            pages = self.visible_pages(self.language).filter(pk__in=page_ids)
            return set(pages.values_list("pk", flat=True))
        ids_sql, (ids,) = compiled.id_list(page_ids)
        visible_pages, language = self.visible_pages, self.language

        def build():
            pages = visible_pages(language).order_by().filter(pk__in=RawSQL(ids_sql, [compiled.VALUE]))  # noqa: S611
            return pages.values("pk").query.sql_with_params()

        key = ("search: visible", self.language, self.visible_pages)
        return {row[0] for row in compiled.rows(key, build, ids)}

    def count(self) -> int:
        """How many results there are to page through: at most ``MAX_RANKED`` (see ``more``)."""
        return min(len(self.candidates()), MAX_RANKED)

    @property
    def more(self) -> bool:
        """More than ``MAX_RANKED`` documents match (only the newest ``MAX_RANKED`` are ranked)."""
        return len(self.candidates()) > MAX_RANKED

    def __len__(self):
        return self.count()

    def ranked_sql(self) -> tuple[str, list]:
        """SQL (and parameters) selecting the matching page ids, best first (the module docstring)."""
        ids = self.candidates()[:MAX_RANKED]
        ids_sql, ids_params = compiled.id_list(ids)
        if connection.vendor not in ("sqlite", "postgresql"):
            ordered = SearchDocument.objects.filter(id__in=ids).order_by("-date", "-page_id")
            sql, params = ordered.values("page_id").query.sql_with_params()
            return sql, list(params)
        terms = self.query.ranked_terms
        if self._ranking is None:
            self._ranking = self.figures(terms, self.language)
        ranking = self._ranking
        counts, count_params, weights, weight_params, score, score_params = [], [], [], [], [], []
        for index, term in enumerate(terms):
            needle = f" {term} "
            for column, name in (("title_terms", f"t{index}"), ("body_terms", f"b{index}")):
                counts.append(f"{_tf(column)} AS {name}")
                count_params += [needle, len(needle.encode()) - 1]
            weights.append(
                f"(%s * t{index} / (%s + %s * CAST(title_length AS DOUBLE PRECISION)) "
                f"+ b{index} / (%s + %s * CAST(body_length AS DOUBLE PRECISION))) AS w{index}"
            )
            weight_params += [TITLE_WEIGHT, 1 - B, B / ranking.avg_title, 1 - B, B / ranking.avg_body]
            score.append(f"%s * w{index} / (%s + w{index})")
            score_params += [ranking.idf[term] * (K1 + 1), K1]
        # The matching documents with their term counts, each computed once (MATERIALIZED: SQLite
        # would otherwise copy every REPLACE into each place the score uses it).
        sql = (
            f"WITH matched AS MATERIALIZED (SELECT page_id, date, title_length, body_length, "  # noqa: S608
            f"{', '.join(counts)} FROM {TABLE} WHERE id IN ({ids_sql})), "
            f"weighted AS MATERIALIZED (SELECT page_id, date, {', '.join(weights)} FROM matched) "
            f"SELECT page_id FROM weighted ORDER BY {' + '.join(score)} DESC, date DESC, page_id DESC"
        )
        return sql, [*count_params, *ids_params, *weight_params, *score_params]

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start = key.start or 0
        if not self.candidates() or start >= MAX_RANKED:
            return []
        sql, params = self.ranked_sql()
        if key.stop is not None:
            sql += " LIMIT %s OFFSET %s"
            params += [max(key.stop - start, 0), start]
        elif start:
            sql += " LIMIT -1 OFFSET %s" if connection.vendor == "sqlite" else " OFFSET %s"
            params += [start]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]
