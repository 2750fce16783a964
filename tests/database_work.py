"""How much work SQLite does for a request, measured so that it does not depend on the machine: the
virtual machine's instructions, counted with ``sqlite3.Connection.set_progress_handler``. A query that
sorts or counts the whole archive shows as work that grows with it, though it is still one query.

SQLite plans without statistics (the schema's indexes decide), so the plans at a test's few hundred
articles are the plans at 30,000. PostgreSQL plans by table size (at a test's size it reads small tables
whole), so its plans at 30,000 are looked at in ``bench/pages.py``'s EXPLAIN instead."""

from contextlib import contextmanager

from django.db import connection

STEP = 100  # instructions per call of the progress handler


class Work:
    units = 0


@contextmanager
def measured():
    """``with measured() as work:`` ... ``work.units``: SQLite's instructions inside the block."""
    work = Work()
    connection.ensure_connection()

    def tick():
        work.units += STEP
        return 0  # go on

    connection.connection.set_progress_handler(tick, STEP)
    try:
        yield work
    finally:
        connection.connection.set_progress_handler(None, STEP)
