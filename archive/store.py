"""The archive's SQLite implementation, assembled from its parts, and how to open it.

Everything the commands need goes through :class:`~referat.archive.types.Archive`:

- core.py opens the file (WAL journal, foreign keys on, the schema in schema.py) and
  holds what the reading parts share (actor names, meeting filters);
- write.py stores documents, runs.py records import runs;
- search.py ranks items and shows their best passages, with facets.py counting the facets;
- queries.py answers who-said, amounts, actors, show, export, counts and check;
- browse.py lists bodies and their meetings, one meeting, and a document's file.
- watches.py keeps saved searches, finds their new hits and writes their Atom feeds.

The names callers import from here (the types, ``date_bound``, ``EXTRACTOR``,
``FACET_SAMPLE``, ``count_facets``, ``timed_search``) are those of the parts.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import cast

from referat.archive.browse import Browsing
from referat.archive.facets import FACET_SAMPLE, FACETS, count_facets
from referat.archive.pg_connection import is_postgres_url
from referat.archive.queries import Queries
from referat.archive.search import timed_search
from referat.archive.types import (
    AmountFilters,
    Archive,
    ArchiveError,
    Facets,
    SearchFilters,
    SearchHit,
    SearchResult,
    StoreOutcome,
    date_bound,
)
from referat.archive.watches import Watching
from referat.archive.write import EXTRACTOR, Writing

__all__ = [
    "EXTRACTOR",
    "FACETS",
    "FACET_SAMPLE",
    "AmountFilters",
    "Archive",
    "ArchiveError",
    "Facets",
    "SQLiteArchive",
    "SearchFilters",
    "SearchHit",
    "SearchResult",
    "StoreOutcome",
    "count_facets",
    "date_bound",
    "default_archive_path",
    "open_archive",
    "refuse_archive_as_output",
    "timed_search",
]

# The files SQLite keeps beside an archive: writing over any of them loses or corrupts it.
SIDE_FILES = ("", "-wal", "-shm", "-journal")


class SQLiteArchive(Writing, Watching, Queries, Browsing):
    """The archive in one SQLite file (stdlib sqlite3). Use as a context manager."""


def default_archive_path() -> str:
    """``$REFERAT_ARCHIVE`` if set, else ``./referat.db``.

    Example:
        >>> os.environ.pop("REFERAT_ARCHIVE", None) and None; default_archive_path()
        'referat.db'
    """
    return os.environ.get("REFERAT_ARCHIVE") or "referat.db"


def _same_file(first: str, second: str) -> bool:
    """Whether two paths name one file: the same resolved path (symlinks, "./", "..") or,
    for files that exist, the same inode (a hard link)."""
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist yet
        return False


def refuse_archive_as_output(output: str, archive_path: str) -> None:
    """Raise ArchiveError when writing ``output`` (or its ``.part`` file, written first)
    would overwrite the archive or one of SQLite's files beside it.

    Example:
        >>> refuse_archive_as_output("./referat.db", "referat.db")
        Traceback (most recent call last):
        ...
        referat.archive.types.ArchiveError: ./referat.db: is the archive itself (referat.db); choose another output file
    """
    if archive_path == ":memory:" or is_postgres_url(archive_path):
        return
    for written in (output, output + ".part"):
        for side in SIDE_FILES:
            if _same_file(written, archive_path + side):
                raise ArchiveError(
                    f"{output}: is the archive itself ({archive_path}{side}); choose another output file"
                )


def open_archive(
    path: str, create: bool = True, notice: Callable[[str], None] | None = None, readonly: bool = False
) -> SQLiteArchive:
    """Open (and create or migrate) the archive at ``path``, an SQLite file or a
    ``postgresql://`` URL (pg_store.py, psycopg needed); ``notice`` is told, in one
    line, when an older archive is being upgraded (which may take a while). With
    ``readonly`` the file is only read, and refused unless it is a referat archive.

    Example:
        >>> with open_archive(":memory:") as archive:
        ...     archive.counts()["documents"]
        0
    """
    if is_postgres_url(path):
        from referat.archive.pg_archive import PostgresArchive  # psycopg is an optional extra: only when asked

        # (typed as the SQLite archive until the PostgreSQL one has every method: those it
        # lacks raise ArchiveError with one line; docs/postgresql.md lists them)
        return cast(SQLiteArchive, PostgresArchive(path, create=create, notice=notice, readonly=readonly))
    return SQLiteArchive(path, create=create, notice=notice, readonly=readonly)
