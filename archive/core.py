"""The SQLite archive's connection, and what its reading parts share: actor names and the
meeting filters of a search.

The SQLite file is ordinary: WAL journal, foreign keys on, the schema in schema.py.
``sqlite-utils`` and ``datasette`` open it as it is. :class:`ArchiveCore` opens it; the
writing, searching and query parts (write.py, search.py, queries.py) build on it, and
store.py assembles them into :class:`~referat.archive.store.SQLiteArchive`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, TypeVar

from referat.archive.schema import SchemaError, migrate
from referat.archive.types import ArchiveError, SearchFilters
from referat.data.gazetteer import Resolution, normalise, resolve_actor

# Closed items (by the partial index items_closed).
CLOSED_ITEMS = "SELECT id FROM items WHERE access = 'closed'"
# Items that are copies of an item another file of the same meeting holds (same_meeting.py):
# counted once, through the copy that is kept.
COPIES = "SELECT id FROM items WHERE same_as IS NOT NULL"

_Core = TypeVar("_Core", bound="ArchiveCore")


def connect(path: str, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit: BEGIN IMMEDIATE … COMMIT)."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=check_same_thread)
    connection.execute("PRAGMA busy_timeout = 30000")
    connection.execute("PRAGMA foreign_keys = ON")
    # 64 MiB of page cache (SQLite's default is 2 MiB): a search reads a few thousand
    # scattered rows (the passages and meetings of its matches), and a connection that
    # keeps them cached answers the next search ~3× faster. Memory is taken only as used.
    connection.execute("PRAGMA cache_size = -65536")
    return connection


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class ArchiveCore:
    """An open archive file (created or migrated as needed). Use as a context manager."""

    def __init__(self, path: str, create: bool = True, notice: Callable[[str], None] | None = None) -> None:
        self.path = path
        if path != ":memory:" and not create and not os.path.exists(path):
            raise ArchiveError(f"{path}: no archive there (create one with `referat import PATH --archive {path}`)")
        if path != ":memory:" and os.path.isdir(path):
            raise ArchiveError(f"{path}: is a folder, not an archive file")
        try:
            self.connection = connect(path)
            self.connection.row_factory = sqlite3.Row
            if path != ":memory:":
                self.connection.execute("PRAGMA journal_mode = WAL")
                # NORMAL in WAL mode: a power cut may lose the last commits, never corrupt.
                self.connection.execute("PRAGMA synchronous = NORMAL")
            migrate(self.connection, notice=None if notice is None else lambda text: notice(f"{path}: {text}"))
        except SchemaError as error:
            raise ArchiveError(f"{path}: {error}") from None
        except sqlite3.OperationalError as error:  # no such folder, no permission, locked
            raise ArchiveError(f"{path}: cannot open the archive ({error})") from None
        except sqlite3.DatabaseError as error:
            raise ArchiveError(f"{path}: not a referat archive ({error})") from None
        self._known_actors: list[str] | None = None

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        self.connection.close()

    def __enter__(self: _Core) -> _Core:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- shared by the reading parts -------------------------------------------------

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

    def _bodies(self, typed: str) -> list[str]:
        """The meetings' "organisation|body" keys a typed name means: part of the body's name
        read with its organisation's ("Elev" finds Elev Sognekommune's "Sogneraadet"), in any
        case and in the old spelling ("Sogneråd" finds "Sogneraadet")."""
        wanted = normalise(typed)
        rows = self.connection.execute(
            "SELECT DISTINCT body, coalesce(organisation, '') FROM meetings WHERE body IS NOT NULL"
        ).fetchall()
        # (as "organisation|body" keys: "Elev" must not find every parish's "Sogneraadet")
        found = sorted(
            {f"{organisation}|{body}" for body, organisation in rows if wanted in normalise(f"{organisation} {body}")}
        )
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
                clauses.append(f"{item_id} NOT IN ({CLOSED_ITEMS})")
        if filters.date_from:
            clauses.append("m.date >= ?")
            params.append(filters.date_from)
        if filters.date_to:
            clauses.append("m.date <= ?")
            params.append(filters.date_to)
        if filters.kind:
            clauses.append("m.kind = ?")
            params.append(filters.kind)
        return "".join(f" AND {clause}" for clause in clauses), params
