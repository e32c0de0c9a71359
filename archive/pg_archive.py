"""The PostgreSQL archive assembled from its parts, as store.py assembles SQLite's:
pg_store.py (connection, import runs, storing), pg_search.py (search), pg_queries.py
(show, export, report). What it does not have yet says so in one line (docs/postgresql.md)."""

from __future__ import annotations

from typing import Any

from referat.archive.pg_queries import PgQueries
from referat.archive.types import AmountFilters, ArchiveError


def _not_yet(what: str) -> ArchiveError:
    return ArchiveError(f"{what} is not available for a PostgreSQL archive yet (issue 14); use an SQLite archive")


class PostgresArchive(PgQueries):
    """The archive in a PostgreSQL database. Use as a context manager."""

    def statements_by(self, actor: str, *args: Any, **kwargs: Any) -> tuple[str, list[dict[str, Any]]]:
        raise _not_yet("who-said")

    def actors(self, public: bool = False, roles: bool = False) -> list[dict[str, Any]]:
        raise _not_yet("actors")

    def amounts(self, filters: AmountFilters, limit: int = 100) -> list[dict[str, Any]]:
        raise _not_yet("amounts")
