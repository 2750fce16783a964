"""Queries the ORM builds once per database: only the one value that changes is bound on each call.

The queries that check what readers may see carry subqueries (a view restriction above the page, an
alias on its path, a language not ready: ``translations.availability``). The ORM took far longer to
build them than the database takes to answer: over forty times for the lookup of a page by its path
(``translations.routing``), 3.3 of a common search's 8.3 ms of candidates (``search.backends``). A caller
builds its SQL with :data:`VALUE` where the value goes; :func:`rows` keeps it and binds the value.
"""

from django.db import connection

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
    params = [value if isinstance(param, str) and param == VALUE else param for param in params]
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        params += [limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
