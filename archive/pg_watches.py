"""Saved searches in the PostgreSQL archive: watches.py's methods (add, list, remove, run,
the Atom feed) through its three hooks, with PostgreSQL's placeholders, transactions and
snapshot (a run reads its hits and the newest import time in one REPEATABLE READ
transaction, as SQLite's reads them in one BEGIN … COMMIT)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from referat.archive.watches import SavedSearches


class PgWatching(SavedSearches):
    """watches.SavedSearches on a psycopg connection (autocommit: each hook opens its own transaction)."""

    connection: Any

    def _watch_rows(self, sql: str, params: list[Any]) -> list[Any]:
        from psycopg.rows import dict_row

        with self.connection.cursor(row_factory=dict_row) as cursor:
            cursor.execute(sql.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description is not None else []

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            yield

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        with self.connection.transaction():
            self.connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield
