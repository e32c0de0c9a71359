"""Writing the archive: one Document and all its facts in one transaction, as rows
prepared by prepare.py (import runs and their failures: runs.py)."""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import sqlite3
from collections.abc import Iterator

from referat import __version__ as referat_version
from referat.archive.attachments import FolderLinking, link_attachments
from referat.archive.core import now
from referat.archive.names import Spellings
from referat.archive.prepare import PreparedDocument, PreparedItem, prepare_document, with_body
from referat.archive.runs import ImportRuns
from referat.archive.same_meeting import link_copies, neighbours
from referat.archive.types import StoreOutcome
from referat.archive.write_rows import (
    DOCUMENT_COLUMNS,
    ITEM_COLUMNS,
    LOOKUP_COLUMNS,
    MEETING_COLUMNS,
    PASSAGE_COLUMNS,
    document_row,
    fact_sql,
    insert_sql,
    item_fact_rows,
    item_row,
    lookup_sql,
    meeting_row,
    passage_rows,
)
from referat.models import Document
from referat.models.paths import printable_path

# Recorded with every stored document (documents.extracted_by): see ``import --reextract``.
EXTRACTOR = f"referat {referat_version}"

# A fact a passage comes from: its id, and the canonical actor the passage names (None
# but for statements and positions).
Fact = tuple[int, str | None]


def meeting_key(organisation: str | None, body: str | None, date: str | None) -> str | None:
    """The stable part of an item key: who met and when, so the keys survive a corrected
    re-publication of the file (new bytes, same meeting); None when the date or the body is
    not known (then the file's hash names the meeting).

    Example:
        >>> meeting_key("Aarhus Kommune", "Økonomiudvalget", "2019-03-25")
        'aarhus-kommune.oekonomiudvalget.2019-03-25'
        >>> meeting_key(None, "Byrådet", None) is None
        True
    """
    if not date or not body:
        return None
    parts = [_slug(organisation)[:24]] if organisation else []
    return ".".join([*parts, _slug(body)[:40], date])


def _slug(name: str) -> str:
    folded = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


class Writing(FolderLinking, ImportRuns):
    """Storing documents (see :meth:`store_document`); import runs are recorded by ImportRuns (runs.py)."""

    # A document was replaced since the last purge_replaced(): its old terms are still in
    # the full-text indexes' segments (FTS5 deletes by adding delete markers).
    _replaced_since_purge = False
    # The spellings of bodies and organisations stored (see _spellings).
    _stored_spellings: Spellings | None = None
    _spellings_version: int | None = None

    def close(self) -> None:
        if self._replaced_since_purge:
            with contextlib.suppress(sqlite3.Error):  # closing must not fail; the next purge does it
                self.purge_replaced()
        super().close()

    def purge_replaced(self) -> None:
        """Remove what replaced documents left in the file: merge each full-text index into
        one segment ('optimize' drops the terms of deleted rows; secure_delete zeroes the
        freed pages) and empty the WAL file, which still holds the old pages. After this,
        no word of a withheld closed item or a redacted CPR number of an earlier import is
        anywhere in the archive's files. Costs a rewrite of the indexes: done once per
        import run, and only when the run replaced something."""
        if not self._replaced_since_purge:
            return
        for table in ("passages_fts", "passages_sample_fts", "items_fts"):
            self.connection.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._replaced_since_purge = False

    def _spellings(self) -> Spellings:
        """The spellings the archive stores (names.py), read once and kept up to date by
        this connection's own stores; read again when another connection has written
        (``PRAGMA data_version``). Reading them for every document made a bulk import
        quadratic: 86 % of a store's time at 25 000 meetings."""
        version = self.connection.execute("PRAGMA data_version").fetchone()[0]
        if self._stored_spellings is None or version != self._spellings_version:
            self._stored_spellings, self._spellings_version = Spellings(self.connection), version
        return self._stored_spellings

    def _archive_error(self, error: Exception) -> bool:
        return isinstance(error, sqlite3.Error)

    def _link_folder(self, folder: str) -> None:
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            link_attachments(self.connection, folder)
            self.connection.execute("COMMIT")
        except BaseException:
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            raise

    def has_document(
        self,
        sha256: str,
        include_closed: bool | None = None,
        keep_personal_data: bool | None = None,
        current_only: bool = False,
    ) -> bool:
        """Whether a document with this sha256 is stored; with ``include_closed`` or
        ``keep_personal_data`` given, only if it is stored that way (a document without
        closed items or CPR numbers is stored every way); with ``current_only``, only if
        this version of referat extracted it."""
        row = self.connection.execute(
            "SELECT closed_text, personal_data, extracted_by FROM documents WHERE sha256 = ?", (sha256,)
        ).fetchone()
        if row is None:
            return False
        if current_only and row["extracted_by"] != EXTRACTOR:
            return False
        if include_closed is not None and row["closed_text"] == ("withheld" if include_closed else "included"):
            return False
        return keep_personal_data is None or row["personal_data"] != ("redacted" if keep_personal_data else "kept")

    def relocate_document(self, sha256: str, path: str) -> bool:
        """Record ``path`` as where the stored document with this sha256 now is, when the
        file it was imported from is gone (moved or renamed; the same bytes imported from
        a new place are not extracted again, but the source link must follow them).
        Whether the path changed."""
        path = printable_path(path)
        row = self.connection.execute("SELECT path FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None or row["path"] == path or os.path.exists(row["path"]):
            return False
        with self.connection:
            self.connection.execute("UPDATE documents SET path = ? WHERE sha256 = ?", (path, sha256))
        return True

    def store_document(
        self,
        document: Document,
        path: str | None = None,
        run_id: int | None = None,
        include_closed: bool = False,
        reextracted: bool = False,
    ) -> StoreOutcome:
        """Store one Document and all its facts in one transaction.

        ``path`` identifies the file (default: ``document.source.path``). A document
        whose sha256 is already stored is skipped; one stored under the same path with
        another sha256 (the file changed) is replaced, and so is one stored with the
        other treatment of closed items or of CPR numbers, or, when ``reextracted``, one
        that an older referat extracted.

        Closed items keep only number, title and decision outcomes (archive/public.py)
        unless ``include_closed``; sub-items of closed items are stored as closed. The
        rows are prepared here (prepare.py); an import prepares them in its workers and
        calls :meth:`store_prepared`.

        Example:
            >>> from referat.extract import extract_bytes
            >>> from referat.archive import open_archive
            >>> with open_archive(":memory:") as archive:
            ...     archive.store_document(extract_bytes("m.txt", b"Punkt 1 Velkomst\\nReferat\\nGodkendt."))
            'imported'
        """
        return self.store_prepared(prepare_document(document, include_closed), path, run_id, reextracted)

    def store_prepared(
        self,
        document: PreparedDocument,
        path: str | None = None,
        run_id: int | None = None,
        reextracted: bool = False,
    ) -> StoreOutcome:
        """Store a prepared document (prepare.py) as :meth:`store_document` does: only
        inserts here, in the write transaction; what grows with the text was done where
        it was prepared."""
        # SQLite text is UTF-8: a file name's bytes that are not are stored escaped.
        path = printable_path(path or document.path)
        cpr = document.personal_data
        connection = self.connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            if self.has_document(
                document.sha256,
                document.include_closed,
                None if cpr == "none" else cpr == "kept",
                current_only=reextracted,
            ):
                connection.execute("ROLLBACK")
                return "skipped"
            # The other files of the meetings being replaced: their items are linked again
            # once these are gone (a copy may now be the one kept).
            around = neighbours(connection, path, document.sha256)
            # (read before the replaced file goes: its spelling of the body names the meeting
            # in the item keys, so a re-publication that prints it otherwise keeps them)
            spellings = self._spellings()
            # The same bytes extracted again (--reextract, the other closed-items choice) keep
            # the time they first came in: saved searches decide what is new by it (watches.py).
            first_import = connection.execute(
                "SELECT imported_at FROM documents WHERE sha256 = ?", (document.sha256,)
            ).fetchone()
            replaced = connection.execute(
                "DELETE FROM documents WHERE path = ? OR sha256 = ?", (path, document.sha256)
            ).rowcount
            imported_at = first_import[0] if first_import else now()
            stored_meetings = self._insert_document(document, path, run_id, imported_at, spellings)
            link_copies(connection, [*stored_meetings, *sorted(around)])
            self._link_after_store(connection, path)
            connection.execute("COMMIT")
        except BaseException:
            # BaseException: a Ctrl-C between two inserts must not leave half a document.
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            self._stored_spellings = None  # it may hold the spellings of what was rolled back
            raise
        self._known_actors = None
        if replaced:
            self._replaced_since_purge = True
        return "replaced" if replaced else "imported"

    def _insert_document(
        self, document: PreparedDocument, path: str, run_id: int | None, imported_at: str, spellings: Spellings
    ) -> list[int]:
        """Insert the document's rows; return its meetings' ids."""
        cursor = self.connection.execute(
            insert_sql("documents", DOCUMENT_COLUMNS, "?"), document_row(document, path, run_id, imported_at, EXTRACTOR)
        )
        document_id = cursor.lastrowid
        keys = ItemKeys(self.connection)
        meeting_ids: list[int] = []
        for meeting_ordinal, meeting in enumerate(document.meetings, start=1):
            # One name per organisation and body (names.py); a body the archive spells
            # otherwise is blanked out of the index in that spelling.
            organisation, body = spellings.spelled(meeting.organisation, meeting.body)
            meeting = with_body(meeting, body)
            meeting_id = self.connection.execute(
                insert_sql("meetings", MEETING_COLUMNS, "?"),
                meeting_row(document_id, meeting_ordinal, body, organisation, meeting),
            ).lastrowid
            assert meeting_id is not None
            meeting_ids.append(meeting_id)
            ordinal = itertools.count(1)
            prefix = meeting_key(organisation, body, meeting.date) or f"{document.sha256[:12]}-{meeting_ordinal}"
            for item in meeting.items:
                self._insert_item(item, meeting_id, body, None, prefix, ordinal, keys)
        return meeting_ids

    def _insert_item(
        self,
        item: PreparedItem,
        meeting_id: int,
        body: str | None,
        parent_id: int | None,
        prefix: str,
        ordinal: Iterator[int],
        keys: ItemKeys,
    ) -> None:
        execute = self.connection.execute
        number = "_".join(item.number.split()) or "0"
        item_id = execute(
            insert_sql("items", ITEM_COLUMNS, "?"),
            item_row(keys.new(f"{prefix}-{number}"), meeting_id, parent_id, next(ordinal), item),
        ).lastrowid
        assert item_id is not None
        facts = self._insert_facts(item, item_id, body)
        self.connection.executemany(
            insert_sql("passages", PASSAGE_COLUMNS, "?"),
            passage_rows(item, item_id, facts),
        )
        # The item's row in the ranking index, read back through the view the delete trigger reads.
        execute(
            "INSERT INTO items_fts (rowid, text, stems, parts, title_text, title_stems, title_parts)"
            " SELECT id, text, stems, parts, title_text, title_stems, title_parts FROM item_documents WHERE id = ?",
            (item_id,),
        )
        for subitem in item.subitems:
            self._insert_item(subitem, meeting_id, body, item_id, f"{prefix}-{number}", ordinal, keys)

    def _insert_facts(self, item: PreparedItem, item_id: int, body: str | None) -> dict[str, list[Fact]]:
        """The item's sections, decisions, statements, positions, ballots, entities, dates and
        amounts; by source, each fact's id and the actor its passage names. An actor that is
        the meeting's own body ("Sogneraadet" in Sognerådet's book) goes by the body's
        stored name."""
        execute = self.connection.execute
        facts = item_fact_rows(item, body)

        def ids(table: str) -> list[int]:
            sql = fact_sql(table, "?")
            return [execute(sql, (item_id, index, *row)).lastrowid or 0 for index, row in enumerate(facts.rows[table])]

        sections, decisions = ids("sections"), ids("decisions")
        statement_ids, position_ids = ids("statements"), ids("positions")
        self.connection.executemany(
            fact_sql("votes", "?"), [(item_id, index, *vote) for index, vote in enumerate(facts.rows["votes"])]
        )
        # (entities, dates and amounts are not searched as passages)
        for table in LOOKUP_COLUMNS:
            self.connection.executemany(lookup_sql(table, "?"), [(item_id, *row) for row in facts.rows[table]])
        return facts.by_source(sections, decisions, statement_ids, position_ids)


class ItemKeys:
    """The keys of the items being stored, each new: ``base``, else ``base~2``, ``base~3`` …,
    the first that neither this document nor the archive holds. (Numbers repeat in some
    minutes, "1" in two agendas, or every item "1" where the numbers were lost; another
    document may hold the same meeting: its agenda and its minutes.) The suffix tried last
    for a base is remembered: the keys taken only grow while a document is stored, so no
    smaller one frees up, and n items of one number cost n tries, not n²/2."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.used: set[str] = set()
        self.next_suffix: dict[str, int] = {}

    def new(self, base: str) -> str:
        key, suffix = base, 2
        if base in self.next_suffix:
            suffix = self.next_suffix[base]
            key, suffix = f"{base}~{suffix}", suffix + 1
        while key in self.used or self._taken(key):
            key, suffix = f"{base}~{suffix}", suffix + 1
        self.used.add(key)
        self.next_suffix[base] = suffix
        return key

    def _taken(self, key: str) -> bool:
        """Whether the archive holds an item with this key (the PostgreSQL archive asks in its SQL)."""
        return self.connection.execute("SELECT 1 FROM items WHERE key = ?", (key,)).fetchone() is not None
