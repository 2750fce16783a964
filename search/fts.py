"""The full-text index of migration 0002 as the ORM sees it, for ``search.backends``.

SQLite: ``search.models.FullTextEntry`` is an unmanaged model over the FTS5 table (its ``rowid`` is the
SearchDocument's id), so a query joins it like any one-to-one relation. Its ``table`` field is FTS5's
hidden column named after the table: the left side of ``MATCH`` (lookup ``fts5_match``) and the first
argument of the ``bm25()`` ranking function. The table is written only by the triggers; the model is
never saved or deleted through, and SearchDocument deletions leave it alone (``DO_NOTHING``).

PostgreSQL: ``SearchVectorColumn`` is SearchDocument's generated ``search_vector`` column, which the
model does not declare (it exists on PostgreSQL only), typed for ``django.contrib.postgres.search``.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.expressions import Col, Expression

FTS_TABLE = "newsroom_search_fts"


class FTS5TableColumn(models.Field):
    """FTS5's hidden column that has the table's name; only good for ``fts5_match`` and ``bm25()``."""

    description = "FTS5 table column"


@FTS5TableColumn.register_lookup
class FTS5Match(models.Lookup):
    """``<fts table column> MATCH %s``: the query string is always a bound parameter."""

    lookup_name = "fts5_match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class SearchVectorColumn(Expression):
    """SearchDocument's ``search_vector`` column (PostgreSQL), in the query's SearchDocument table."""

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        if query is None or query.model._meta.model_name != "searchdocument":
            raise ValueError("search_vector is only available in a SearchDocument query")
        field = SearchVectorField()
        field.set_attributes_from_name("search_vector")
        field.model = query.model
        return Col(query.get_initial_alias(), field)
