"""The PostgreSQL archive assembled from its parts, as store.py assembles SQLite's:
pg_store.py (connection, import runs, storing), pg_search.py (search), pg_queries.py
(who-said, amounts, actors, show, export, report), pg_browse.py (bodies and meetings, for
serve), pg_watches.py (saved searches). It has every public method of the SQLite archive;
docs/postgresql.md says what still differs."""

from __future__ import annotations

from typing import Any

from referat.archive.pg_browse import PgBrowsing
from referat.archive.pg_watches import PgWatching
from referat.archive.types import ArchiveError


class PostgresArchive(PgWatching, PgBrowsing):
    """The archive in a PostgreSQL database. Use as a context manager."""

    def __getattr__(self, name: str) -> Any:
        # A method of the SQLite archive that this one lacks (none today; one added to the
        # SQLite archive alone):
        # the command or page that asks for it says so in one line, not with a traceback.
        # (the parts store.SQLiteArchive is assembled from; store.py imports this module)
        from referat.archive.browse import Browsing
        from referat.archive.queries import Queries
        from referat.archive.watches import Watching
        from referat.archive.write import Writing

        sqlite_method = any(callable(getattr(part, name, None)) for part in (Writing, Watching, Queries, Browsing))
        if name.startswith("_") or not sqlite_method:
            raise AttributeError(name)
        raise ArchiveError(
            f"{name.replace('_', ' ')} is not available for a PostgreSQL archive yet (issue 14); use an SQLite archive"
        )
