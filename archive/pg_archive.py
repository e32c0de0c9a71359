"""The PostgreSQL archive assembled from its parts, as store.py assembles SQLite's:
pg_store.py (connection, import runs, storing), pg_search.py (search), pg_queries.py
(who-said, amounts, actors, show, export, report). docs/postgresql.md says what it does
not have yet."""

from __future__ import annotations

from referat.archive.pg_queries import PgQueries


class PostgresArchive(PgQueries):
    """The archive in a PostgreSQL database. Use as a context manager."""
