"""The archive in a PostgreSQL database (``--archive postgresql://…``; docs/postgresql.md):
opening it, import runs, and storing documents (their rows inserted by pg_insert.py; a
lost connection made again by pg_connection.py).

The rows are those prepare.py makes for SQLite (closed items withheld, CPR numbers
redacted, words stemmed, in the import's workers); here they are only inserted. A
document is one transaction, under a transaction-level advisory lock (pg_schema.WRITE_LOCK)
so that several importers store one document at a time: the sha256 is checked under the
lock (no duplicates), and item keys are chosen under it (no clashes). A killed importer's
connection ends, and the server rolls its open transaction back: nothing half-stored.
In the same transaction the document's words are counted into the ``words`` table ("did
you mean", pg_suggest.py), its items are linked to the other files of the same meeting
(same_meeting.py) and its folder's attachment files to their items (attachments.py).
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable
from typing import Any

from referat.archive.attachments import FolderLinking, link_attachments
from referat.archive.core import ActorNames, now
from referat.archive.names import Spellings
from referat.archive.pg_connection import (
    Reconnects,
    connect,
    reconnecting,
    shown_url,
)
from referat.archive.pg_connection import document_refused as document_refused  # (for importer.py)
from referat.archive.pg_connection import is_postgres_error as is_postgres_error
from referat.archive.pg_connection import is_postgres_url as is_postgres_url
from referat.archive.pg_insert import insert_document
from referat.archive.pg_schema import PASSAGE_RANGE, WRITE_LOCK, migrate, range_index
from referat.archive.prepare import PreparedDocument, prepare_document
from referat.archive.runs import _process_alive
from referat.archive.same_meeting import link_copies, neighbours
from referat.archive.schema import SchemaError
from referat.archive.types import ArchiveError, StoreOutcome
from referat.archive.write import EXTRACTOR
from referat.models import Document
from referat.models.paths import printable_path

# The text tables whose dead rows hold a replaced document's text until VACUUM.
_TEXT_TABLES = ("documents", "items", "sections", "decisions", "statements", "positions", "passages", "words")


# The words (as printed: weight A) of some documents' passages with their numbers of
# passages, for the ``words`` table (pg_schema.py, migration 2). The ids are integers
# formatted into ts_stat's query text (it takes SQL, not parameters).
_DOCUMENT_WORDS = """SELECT word, ndoc FROM ts_stat(
    'SELECT p.search FROM passages p JOIN items i ON i.id = p.item_id JOIN meetings m ON m.id = i.meeting_id
     WHERE m.document_id IN ({ids})', 'a') WHERE word !~ '[0-9]'"""


def count_words(connection: Any, document_ids: list[int], sign: int) -> None:
    """Count the words of these stored documents' passages into the ``words`` table
    (``sign`` +1), or out of it (-1, before they are deleted)."""
    words = _DOCUMENT_WORDS.format(ids=",".join(str(int(document_id)) for document_id in document_ids))
    if sign > 0:
        connection.execute(
            f"INSERT INTO words (word, passages) {words}"
            " ON CONFLICT (word) DO UPDATE SET passages = words.passages + excluded.passages"
        )
    else:
        counted = connection.execute(
            f"UPDATE words w SET passages = w.passages - s.ndoc FROM ({words}) s WHERE w.word = s.word"
            " RETURNING w.word, w.passages"
        ).fetchall()
        # A word no passage holds any more goes: a withheld closed item's words, stored by an
        # earlier --include-closed import, must not stay behind in the table (purge_replaced
        # VACUUMs it with the text tables).
        gone = [word for word, passages in counted if passages <= 0]
        if gone:
            connection.execute("DELETE FROM words WHERE word = ANY(%s)", (gone,))


class QmarkConnection:
    """A psycopg connection as same_meeting.py and attachments.py use sqlite3's: their SQL
    is written with ``?`` placeholders (and no ``?`` or ``%`` of its own)."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        return self.connection.execute(sql.replace("?", "%s"), parameters)

    def executemany(self, sql: str, parameters: Any, /) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), list(parameters))


class PgCore(Reconnects, ActorNames):
    """An open PostgreSQL archive (created or migrated on open unless ``readonly``)."""

    def __init__(
        self, url: str, create: bool = True, notice: Callable[[str], None] | None = None, readonly: bool = False
    ) -> None:
        self.path = url
        self.readonly = readonly
        self._notice = notice
        shown = shown_url(url)
        self.connection = connect(url)
        try:
            # The index cuts words by Unicode letters ([:alnum:], pg_schema.PASSAGE_WORDS):
            # in a database of another encoding æ, ø and å would cut words apart.
            encoding = self.connection.execute("SHOW server_encoding").fetchone()[0]
            if encoding != "UTF8":
                raise SchemaError(f"the database's encoding is {encoding}; create it with: createdb -E UTF8 …")
            if readonly:
                self._check_version()
            else:
                migrate(self.connection, notice=None if notice is None else lambda text: notice(f"{shown}: {text}"))
        except SchemaError as error:
            self.connection.close()
            raise ArchiveError(f"{shown}: {error}") from None
        except BaseException:
            self.connection.close()
            raise
        self._replaced_since_purge = False
        self._spellings_cache: tuple[int, Spellings] | None = None
        self._body_names: tuple[int, Any] | None = None  # (pg_search.PgSearching._bodies)
        self._ranges_made = -1  # the highest passage id range whose index this archive made or found

    def _connected_again(self) -> None:
        self._spellings_cache = None
        self._body_names = None
        self._known_actors = None

    def _check_version(self) -> None:
        """A reading command opens only an archive this referat can read (and upgrades an
        older one first, as SQLite's does)."""
        exists = self.connection.execute("SELECT to_regclass('referat_schema') IS NOT NULL").fetchone()[0]
        if not exists:
            raise SchemaError("no archive there (create one with `referat import PATH --archive URL`)")
        migrate(self.connection)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def counts(self) -> dict[str, int]:
        """Rows per main table (as the SQLite archive's counts)."""
        tables = ["documents", "meetings", "items", "sections", "statements", "positions", "votes"]
        tables += ["passages", "import_errors"]
        return {table: self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}

    # -- import runs (as runs.py) ----------------------------------------------------

    @reconnecting
    def start_run(self, paths: list[str]) -> int:
        self.mark_killed_runs()
        row = self.connection.execute(
            "INSERT INTO import_runs (started_at, paths, pid, host) VALUES (%s, %s, %s, %s) RETURNING id",
            (
                now(),
                json.dumps([printable_path(p) for p in paths], ensure_ascii=False),
                os.getpid(),
                socket.gethostname(),
            ),
        ).fetchone()
        return int(row[0])

    @reconnecting
    def mark_killed_runs(self) -> int:
        """Runs of this host still 'running' whose process is gone are recorded as killed."""
        running = self.connection.execute(
            "SELECT id, pid FROM import_runs WHERE status = 'running' AND host = %s", (socket.gethostname(),)
        ).fetchall()
        gone = [run_id for run_id, pid in running if not _process_alive(pid)]
        for run_id in gone:
            self.connection.execute(
                "UPDATE import_runs SET status = 'killed', finished_at = %s WHERE id = %s AND status = 'running'",
                (now(), run_id),
            )
        return len(gone)

    @reconnecting
    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        self.connection.execute(
            "UPDATE import_runs SET finished_at = %s, status = %s, files = %s, imported = %s, skipped = %s,"
            " failed = %s WHERE id = %s",
            (now(), status, *(counts.get(name, 0) for name in ("files", "imported", "skipped", "failed")), run_id),
        )

    @reconnecting
    def record_failure(self, path: str, reason: str, run_id: int | None = None) -> None:
        self.connection.execute(
            "INSERT INTO import_errors (run_id, path, reason, at) VALUES (%s, %s, %s, %s)",
            (run_id, printable_path(path), reason, now()),
        )


class PgWriting(FolderLinking, PgCore):
    """Storing documents, as write.py does for SQLite."""

    @reconnecting
    def has_document(
        self,
        sha256: str,
        include_closed: bool | None = None,
        keep_personal_data: bool | None = None,
        current_only: bool = False,
    ) -> bool:
        """Whether this sha256 is stored (as write.Writing.has_document decides)."""
        row = self.connection.execute(
            "SELECT closed_text, personal_data, extracted_by FROM documents WHERE sha256 = %s", (sha256,)
        ).fetchone()
        if row is None:
            return False
        closed, personal, extracted_by = row
        if current_only and extracted_by != EXTRACTOR:
            return False
        if include_closed is not None and closed == ("withheld" if include_closed else "included"):
            return False
        return keep_personal_data is None or personal != ("redacted" if keep_personal_data else "kept")

    @reconnecting
    def relocate_document(self, sha256: str, path: str) -> bool:
        path = printable_path(path)
        row = self.connection.execute("SELECT path FROM documents WHERE sha256 = %s", (sha256,)).fetchone()
        if row is None or row[0] == path or os.path.exists(row[0]):
            return False
        self.connection.execute("UPDATE documents SET path = %s WHERE sha256 = %s", (path, sha256))
        return True

    def _archive_error(self, error: Exception) -> bool:
        return is_postgres_error(error) or isinstance(error, ArchiveError)  # (ArchiveError: the server gone)

    @reconnecting
    def _link_folder(self, folder: str) -> None:
        with self.connection.transaction():
            self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            link_attachments(QmarkConnection(self.connection), folder)

    @reconnecting
    def purge_replaced(self) -> None:
        """After a run that replaced documents: VACUUM the text tables, so the space of
        the old rows is reclaimed (PostgreSQL has no secure_delete: it is reused, not zeroed)."""
        if not self._replaced_since_purge:
            return
        for table in _TEXT_TABLES:
            self.connection.execute(f"VACUUM {table}")
        self._replaced_since_purge = False

    def store_document(
        self,
        document: Document,
        path: str | None = None,
        run_id: int | None = None,
        include_closed: bool = False,
        reextracted: bool = False,
    ) -> StoreOutcome:
        """Store one Document (see write.Writing.store_document)."""
        return self.store_prepared(prepare_document(document, include_closed), path, run_id, reextracted)

    @reconnecting
    def store_prepared(
        self,
        document: PreparedDocument,
        path: str | None = None,
        run_id: int | None = None,
        reextracted: bool = False,
    ) -> StoreOutcome:
        """Store a prepared document in one transaction, one writer at a time."""
        path = printable_path(path or document.path)
        cpr = document.personal_data
        connection = self.connection
        with connection.transaction():
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            if self.has_document(
                document.sha256,
                document.include_closed,
                None if cpr == "none" else cpr == "kept",
                current_only=reextracted,
            ):
                return "skipped"
            qmark = QmarkConnection(connection)
            around = neighbours(qmark, path, document.sha256)  # (linked again once the old file is gone)
            spellings = self._spellings()  # (read before the replaced file goes, as write.py)
            first = connection.execute(
                "SELECT imported_at FROM documents WHERE sha256 = %s", (document.sha256,)
            ).fetchone()
            gone = [
                int(row[0])
                for row in connection.execute(
                    "SELECT id FROM documents WHERE path = %s OR sha256 = %s", (path, document.sha256)
                )
            ]
            if gone:
                count_words(connection, gone, -1)
            replaced = connection.execute("DELETE FROM documents WHERE id = ANY(%s)", (gone,)).rowcount
            imported_at = first[0] if first else now()
            document_id, meetings = insert_document(connection, document, path, run_id, imported_at, spellings)
            self._next_range(connection)
            count_words(connection, [document_id], +1)
            link_copies(qmark, [*meetings, *sorted(around)])
            self._link_after_store(qmark, path)
            self._spellings_cache = (self._newest_meeting(), spellings)
        self._known_actors = None
        if replaced:
            self._replaced_since_purge = True
        return "replaced" if replaced else "imported"

    def _next_range(self, connection: Any) -> None:
        """The index of the passage id range after the newest passage's, made while the ids
        are still in the one before (pg_schema.range_index; migration 4 made those of the
        ranges stored then and the next)."""
        newest = connection.execute("SELECT max(id) FROM passages").fetchone()[0] or 0
        wanted = newest // PASSAGE_RANGE + 1
        if self._ranges_made < wanted:
            connection.execute(range_index(wanted))
            self._ranges_made = wanted

    def _newest_meeting(self) -> int:
        return int(self.connection.execute("SELECT coalesce(max(id), 0) FROM meetings").fetchone()[0])

    def _spellings(self) -> Spellings:
        """The spellings the archive stores (names.py), read again only when another
        importer has stored a meeting since this one last did (its newest meeting id)."""
        newest = self._newest_meeting()
        if self._spellings_cache is None or self._spellings_cache[0] != newest:
            self._spellings_cache = (newest, Spellings(self.connection))
        return self._spellings_cache[1]
