"""The SQLite archive's connection, and what its reading parts share: actor names and the
meeting filters of a search.

The SQLite file is ordinary: WAL journal, foreign keys on, the schema in schema.py.
``sqlite-utils`` and ``datasette`` open it as it is. :class:`ArchiveCore` opens it; the
writing, searching and query parts (write.py, search.py, queries.py) build on it, and
store.py assembles them into :class:`~referat.archive.store.SQLiteArchive`.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
import urllib.parse
from collections.abc import Callable
from contextlib import closing
from datetime import datetime, timezone
from typing import Any, TypeVar

from referat.archive.names import matching_spoken
from referat.archive.schema import MIGRATIONS, SchemaError, migrate, register_functions, schema_version
from referat.archive.search_plan import BodyKeys
from referat.archive.types import ArchiveError, SearchFilters
from referat.data.gazetteer import Resolution, resolve_actor


def closed_item(item_id: str) -> str:
    """SQL that holds when the item (the SQL expression ``item_id``) is closed: one look-up
    in the partial index items_closed per row asked. (``item_id IN (SELECT id FROM items
    WHERE access = 'closed')`` listed every closed item first, in every statement that
    asked, once per place it asked: ~9 000 items at 1M sections.)"""
    return (
        "EXISTS (SELECT 1 FROM items closed_items INDEXED BY items_closed"
        f" WHERE closed_items.id = {item_id} AND closed_items.access = 'closed')"
    )


# Items that are copies of an item another file of the same meeting holds (same_meeting.py):
# counted once, through the copy that is kept.
COPIES = "SELECT id FROM items WHERE same_as IS NOT NULL"

_Core = TypeVar("_Core", bound="ArchiveCore")


# How long a command waits for another's write lock before saying the archive is busy;
# REFERAT_BUSY_SECONDS changes it (a cron import that may wait longer, or a test).
BUSY_SECONDS = float(os.environ.get("REFERAT_BUSY_SECONDS") or 30.0)

# The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every referat archive has had since schema 1: a database without them is not one.
ARCHIVE_TABLES = {"import_runs", "import_errors", "documents", "meetings", "items", "passages"}


def connect(path: str, check_same_thread: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit: BEGIN IMMEDIATE … COMMIT);
    with ``readonly``, one that cannot change the file (SQLite's mode=ro)."""
    if readonly and path != ":memory:":
        connection = _connect_readonly(path, check_same_thread)
    else:
        connection = sqlite3.connect(
            path, isolation_level=None, timeout=BUSY_SECONDS, check_same_thread=check_same_thread
        )
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
    connection.execute("PRAGMA foreign_keys = ON")
    # 64 MiB of page cache (SQLite's default is 2 MiB): a search reads a few thousand
    # scattered rows (the passages and meetings of its matches), and a connection that
    # keeps them cached answers the next search ~3× faster. Memory is taken only as used.
    connection.execute("PRAGMA cache_size = -65536")
    return connection


def _connect_readonly(path: str, check_same_thread: bool) -> sqlite3.Connection:
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
    connection = sqlite3.connect(
        uri, uri=True, isolation_level=None, timeout=BUSY_SECONDS, check_same_thread=check_same_thread
    )
    try:
        connection.execute("PRAGMA user_version").fetchone()
    except sqlite3.OperationalError as error:
        # A WAL archive in a folder this user cannot write: SQLite cannot create the -shm
        # file it reads through. With no -wal file nothing is pending, and no writer can
        # start there, so the file is read as it is (immutable).
        connection.close()
        if "readonly" not in str(error) or os.path.exists(path + "-wal"):
            raise
        connection = sqlite3.connect(
            uri + "&immutable=1", uri=True, isolation_level=None, check_same_thread=check_same_thread
        )
    except sqlite3.DatabaseError:  # garbage: left for the caller's checks to name
        pass
    return connection


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def storage_error(path: str, error: sqlite3.Error | OSError) -> ArchiveError:
    """What an error of the storage means for the user, in one line naming the archive and
    what to do (a full disk, a read-only file, another command's lock, a damaged file).

    Example:
        >>> str(storage_error("a.db", sqlite3.OperationalError("database or disk is full")))
        'a.db: the disk is full; free some space and run the same command again (what was stored is kept)'
    """
    text = " ".join(str(error).split()) or type(error).__name__
    lowered = text.lower()
    if isinstance(error, OSError) and error.errno == errno.ENOSPC or "disk is full" in lowered:
        return ArchiveError(
            f"{path}: the disk is full; free some space and run the same command again (what was stored is kept)"
        )
    if "locked" in lowered or "busy" in lowered:
        return ArchiveError(
            f"{path}: the archive is busy (another referat command is writing it);"
            " run this command again when that one is done"
        )
    if "readonly" in lowered or "read-only" in lowered or isinstance(error, PermissionError):
        return ArchiveError(
            f"{path}: cannot write the archive (the file or its folder is read-only: {text});"
            " make it writable or choose another --archive"
        )
    if "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered:
        return ArchiveError(
            f"{path}: the archive is damaged ({text}); restore it from a backup"
            f" (sqlite3 {path} 'PRAGMA integrity_check' says where)"
        )
    if "unable to open" in lowered:
        return ArchiveError(f"{path}: cannot open the archive ({text})")
    if "disk i/o error" in lowered:
        return ArchiveError(f"{path}: the archive could not be read or written (disk I/O error); check the disk")
    return ArchiveError(f"{path}: cannot use the archive ({text})")


def _header_looks_wrong(path: str, head: bytes) -> bool:
    """Whether an SQLite file's header disagrees with the file (a page size that is no
    power of two, a size that is no whole number of pages, a page count that is not the
    file's): then the file is checked page by page before it is used."""
    if len(head) < 100:
        return True
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return True
    size = os.path.getsize(path)
    if size % page_size:
        return True
    pages = int.from_bytes(head[28:32], "big")
    # The page count in the header is valid when "version-valid-for" equals the change counter.
    return head[24:28] == head[92:96] and pages != size // page_size


def _sniff(path: str) -> tuple[bool, bool]:
    """(empty, header looks wrong) for an existing file; ArchiveError when it is not an
    SQLite file at all (it is left as it is)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError as error:
        raise ArchiveError(f"{path}: cannot read the archive ({error.strerror or error})") from None
    if not head:
        return True, False
    if not head.startswith(SQLITE_HEADER):
        raise ArchiveError(f"{path}: not a referat archive (not an SQLite database); it was left as it is")
    return False, _header_looks_wrong(path, head)


def _set_wal(connection: sqlite3.Connection) -> None:
    """WAL journal, once per file. Switching needs the only connection; a second command
    opening the new file at the same moment gets SQLITE_BUSY without the busy handler, so
    this waits and tries again for as long as the busy timeout."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class ActorNames:
    """Actors by any of their names, for both backends: the canonical names of every actor
    with a statement or position (one statement both SQLite and PostgreSQL run), and a
    typed name resolved among them."""

    connection: Any
    _known_actors: list[str] | None = None

    def known_actors(self) -> list[str]:
        """Canonical names of every actor with a statement or position."""
        if self._known_actors is None:
            self._known_actors = [
                row[0]
                for row in self.connection.execute(
                    "SELECT canonical FROM statements UNION SELECT canonical FROM positions"
                )
            ]
        return self._known_actors

    def resolve_actor(self, name: str) -> str:
        """The canonical actor a typed name means, or ArchiveError saying why not."""
        resolution: Resolution = resolve_actor(name, self.known_actors())
        if resolution.canonical:
            return resolution.canonical
        if resolution.how == "ambiguous":
            raise ArchiveError(f"actor '{name}' is ambiguous: " + " · ".join(resolution.candidates))
        hint = (
            f"; did you mean {' · '.join(resolution.candidates)}?"
            if resolution.candidates
            else "; `referat actors` lists them"
        )
        raise ArchiveError(f"no actor '{name}' in the archive{hint}")


class ArchiveCore(ActorNames):
    """An open archive file (created or migrated as needed). Use as a context manager.

    With ``readonly`` (the reading commands) the file is never changed: it is opened
    read-only, and refused when it is not a referat archive (an empty file, a foreign
    SQLite database, garbage), with one line. Only an archive of an older schema is
    written to, once, to upgrade it (under the write lock), before it is opened read-only.
    """

    connection: sqlite3.Connection
    _body_keys: BodyKeys | None = None  # the meetings' bodies for --body (search_plan.py)

    def __init__(
        self,
        path: str,
        create: bool = True,
        notice: Callable[[str], None] | None = None,
        readonly: bool = False,
    ) -> None:
        self.path = path
        self.readonly = readonly and path != ":memory:"
        if path != ":memory:" and not (create and not self.readonly) and not os.path.exists(path):
            raise ArchiveError(f"{path}: no archive there (create one with `referat import PATH --archive {path}`)")
        if path != ":memory:" and os.path.isdir(path):
            raise ArchiveError(f"{path}: is a folder, not an archive file")
        empty, suspect = _sniff(path) if path != ":memory:" and os.path.exists(path) else (True, False)
        if empty and self.readonly:
            raise ArchiveError(f"{path}: is empty, not a referat archive (create one with `referat import`)")
        try:
            self.connection = self._open(notice, suspect)
        except SchemaError as error:
            raise ArchiveError(f"{path}: {error}") from None
        except sqlite3.Error as error:  # no such folder, no permission, locked, damaged
            raise storage_error(path, error) from None
        self._known_actors = None

    def _open(self, notice: Callable[[str], None] | None, suspect: bool) -> sqlite3.Connection:
        """The connection, after the file is known to be an archive (or new, for writing)."""
        path = self.path
        say = None if notice is None else lambda text: notice(f"{path}: {text}")
        connection = connect(path, readonly=self.readonly)
        try:
            version = self._check(connection, suspect)
            if self.readonly and version < len(MIGRATIONS):
                connection.close()  # an older archive is upgraded once, then read
                with closing(connect(path)) as writer:
                    register_functions(writer)
                    migrate(writer, notice=say)
                connection = connect(path, readonly=True)
            if not self.readonly and path != ":memory:":
                _set_wal(connection)
                # NORMAL in WAL mode: a power cut may lose the last commits, never corrupt.
                connection.execute("PRAGMA synchronous = NORMAL")
            if not self.readonly:
                # Deleted rows and freed pages are overwritten with zeros: the text of a
                # replaced document (closed items, CPR numbers) must not stay in the file.
                connection.execute("PRAGMA secure_delete = ON")
            if not self.readonly:
                migrate(connection, notice=say)
            else:
                register_functions(connection)
            connection.row_factory = sqlite3.Row
            return connection
        except BaseException:
            connection.close()
            raise

    def _check(self, connection: sqlite3.Connection, suspect: bool) -> int:
        """The schema version of a referat archive (0: a new, empty database, only when
        writing); SchemaError for any other database. A file whose header looked wrong,
        and any existing archive an import is about to write to, is checked page by page
        first (quick_check): writing onto a damaged archive must not look like success."""
        # Version and tables from one snapshot: read apart, a command creating the file at
        # that moment could commit in between (version 0 yet tables), and a new archive
        # would be refused as "something else".
        connection.execute("BEGIN")
        try:
            version = schema_version(connection)
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.execute("COMMIT")
        if not tables and version == 0:
            if self.readonly:
                raise SchemaError("is an empty SQLite database, not a referat archive")
            return 0
        if not tables >= ARCHIVE_TABLES or version == 0:
            raise SchemaError("not a referat archive (an SQLite database of something else); it was left as it is")
        if suspect or not self.readonly:
            problem = connection.execute("PRAGMA quick_check(1)").fetchone()[0]
            if problem != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed: {problem}")
        return version

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        self.connection.close()

    def __enter__(self: _Core) -> _Core:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- shared by the reading parts -------------------------------------------------

    def _bodies(self, typed: str) -> list[str]:
        """The meetings' "organisation|body" keys a typed name means (names.matching_spoken)."""
        # (the stored pairs are read once per change of the file: a scan of every meeting,
        # ~150 ms at 1M sections; search_plan.BodyKeys)
        if self._body_keys is None:
            self._body_keys = BodyKeys()
        found = matching_spoken(self._body_keys.names(self.connection), typed)
        if not found:
            raise ArchiveError(f"no meeting body matching '{typed}' in the archive")
        return found

    def _filter_sql(self, filters: SearchFilters, item_id: str) -> tuple[str, list[Any]]:
        """``AND …`` conditions for the meeting filters (on ``m``, meetings) and the actor
        filter (on the SQL expression ``item_id``), and never an item's copy (COPIES); the
        section kind is the caller's."""
        # a copy of an item another file of the meeting holds is found through that item
        clauses, params = [f"{item_id} NOT IN ({COPIES})"], []
        if filters.body:
            bodies = self._bodies(filters.body)
            clauses.append(f"coalesce(m.organisation, '') || '|' || m.body IN ({','.join('?' * len(bodies))})")
            params += bodies
        if filters.actor:
            actor = self.resolve_actor(filters.actor)
            clauses.append(
                f"{item_id} IN (SELECT item_id FROM statements WHERE canonical = ?"
                " UNION SELECT item_id FROM positions WHERE canonical = ?)"
            )
            params += [actor, actor]
            if filters.public:  # what a closed item's actors said is closed too
                clauses.append(f"NOT {closed_item(item_id)}")
        if filters.date_from:
            clauses.append("m.date >= ?")
            params.append(filters.date_from)
        if filters.date_to:
            clauses.append("m.date <= ?")
            params.append(filters.date_to)
        if filters.kind:
            clauses.append("m.kind = ?")
            params.append(filters.kind)
        for wanted, facts in ((filters.decided, "decisions"), (filters.amount, "amounts")):
            if wanted is not None:
                clauses.append(f"{item_id} {'' if wanted else 'NOT '}IN (SELECT item_id FROM {facts})")
                if filters.public:  # whether a closed item was decided or costs money is closed too
                    clauses.append(f"NOT {closed_item(item_id)}")
        if filters.imported_since:
            clauses.append(
                f"{item_id} IN (SELECT ni.id FROM documents nd JOIN meetings nm ON nm.document_id = nd.id"
                " JOIN items ni ON ni.meeting_id = nm.id WHERE nd.imported_at >= ?)"
            )
            params.append(filters.imported_since)
        return "".join(f" AND {clause}" for clause in clauses), params
