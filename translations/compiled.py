"""Queries the ORM builds once per database: only the one value that changes is bound on each call.

The queries that check what readers may see carry subqueries (a view restriction above the page, an
alias on its path, a language not ready: ``translations.availability``). The ORM took far longer to
build them than the database takes to answer: over forty times for the lookup of a page by its path
(``translations.routing``), 3.3 of a common search's 8.3 ms of candidates (``search.backends``). A caller
builds its SQL with :data:`VALUE` where the value goes (``Value(VALUE)`` for a number); :func:`rows`
keeps it and binds the value, and :func:`instances` does the same for a queryset of model instances (an
article's own row, its bylines and tags: compiling them was a third of an article view's routing).
"""

import copy
import json

from django.db import connection, connections
from django.db.models.query import ModelIterable

# Stands, among a compiled query's parameters, for the value given to each call.
VALUE = "\x00value\x00"
_compiled: dict[tuple, tuple[str, list]] = {}


def rows(key: tuple, build, value, limit: int | None = None, offset: int = 0) -> list[tuple]:
    """The rows of the SQL that ``build()`` returns as ``(sql, params)``, for ``value``: built once per
    database and ``key``, read with the cursor (a thousand rows through the ORM's and modeltranslation's
    iterators cost more than the query). ``limit`` and ``offset`` are bound too."""
    key = (connection.vendor, *key)
    if key not in _compiled:
        sql, params = build()
        _compiled[key] = sql, list(params)
    sql, params = _compiled[key]
    params = _bind(params, value)
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        params += [limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _bind(params: list, value) -> list:
    """A compiled query's parameters with ``value`` in place of :data:`VALUE`."""
    return [value if isinstance(param, str) and param == VALUE else param for param in params]


def id_list(ids) -> tuple[str, list]:
    """A subquery giving ``ids``, bound as one parameter (an array on PostgreSQL, a JSON list read by
    ``json_each`` on SQLite): a thousand placeholders cost the worker more CPU than the queries they
    are in (20 ms of the 60 for a common word's results page at 30,000 articles), and one parameter
    lets a query that takes a list be compiled once (:func:`binds_id_lists`)."""
    if connection.vendor == "postgresql":
        return "SELECT UNNEST(%s::bigint[])", [list(ids)]
    if connection.vendor == "sqlite":
        return "SELECT value FROM json_each(%s)", [json.dumps(list(ids))]
    return ", ".join(["%s"] * len(ids)) or "NULL", list(ids)


def binds_id_lists() -> bool:
    """Whether :func:`id_list` binds its ids as one parameter on the database in use."""
    return connection.vendor in ("postgresql", "sqlite")


_plans: dict[tuple, tuple] = {}


def instances(key: tuple, build, value) -> list:
    """The model instances of the queryset ``build()`` returns, for ``value``: compiled once per database
    and ``key`` (select_related and deferred columns as the queryset has them; not its prefetches). The
    rows become instances the way the ORM's own iteration makes them (Django's ``ModelIterable``)."""
    key = (connection.vendor, *key)
    if key not in _plans:
        queryset = build()
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()  # also fills the compiler's select and klass_info
        _plans[key] = queryset.model, queryset.db, compiler, sql, list(params)
    model, alias, compiler, sql, params = _plans[key]
    bound = _bind(params, value)
    compiler = copy.copy(compiler)  # shared by threads: each call binds its own SQL and connection
    compiler.connection = connections[alias]
    compiler.as_sql = lambda *args, **kwargs: (sql, bound)
    source = _Compiled(model, alias, compiler)
    return list(ModelIterable(source))


class _Compiled:
    """What ``ModelIterable`` reads of a queryset (and of its ``query``: the compiler, already made)."""

    _known_related_objects: dict = {}

    def __init__(self, model, db, compiler):
        self.model, self.db, self._compiler = model, db, compiler
        self.query = self

    def get_compiler(self, using=None):
        return self._compiler
