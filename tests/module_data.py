"""Rows that every test of a module reads, written once for the module instead of once per test.

For modules whose tests all start from one costly set-up (a WordPress import, the demo content): the rows
are written in a transaction that stays open while the module's tests run, each test in a savepoint inside
it (pytest-django's ``db``), and rolled back after the module's last test. Mark such a module
``pytest.mark.xdist_group`` so that one xdist worker runs all of its tests after a single set-up
(``--dist loadgroup`` in ``pyproject.toml``). Not for ``transactional_db`` tests: they flush the database.
"""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def kept_for_the_module(django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
