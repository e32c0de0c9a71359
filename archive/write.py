"""Writing the archive: one Document and all its facts in one transaction (import runs
and their failures: runs.py)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator

from referat import __version__ as referat_version
from referat.archive.attachments import link_attachments
from referat.archive.core import now
from referat.archive.document_words import holder_title
from referat.archive.names import Spellings
from referat.archive.public import close_subitems, closed_text, personal_data, public_view
from referat.archive.runs import ImportRuns
from referat.archive.same_meeting import link_copies, meetings_like
from referat.archive.text import IndexWords, index_columns, page_parts, without_own_name
from referat.archive.types import StoreOutcome
from referat.data.bodies import name_key
from referat.data.gazetteer import canonical_actor
from referat.models import Document, Item, Meeting
from referat.models.paths import printable_path

# Recorded with every stored document (documents.extracted_by): see ``import --reextract``.
EXTRACTOR = f"referat {referat_version}"

# One row of ``passages`` before it is indexed: source, fact id, section kind, heading,
# canonical actor, page, text.
Passage = tuple[str, int | None, str, str | None, str | None, int | None, str]


def meeting_key(meeting: Meeting) -> str | None:
    """The stable part of an item key: who met and when, so the keys survive a corrected
    re-publication of the file (new bytes, same meeting); None when the date or the body is
    not known (then the file's hash names the meeting).

    Example:
        >>> meeting_key(Meeting(organisation="Aarhus Kommune", body="Økonomiudvalget", date="2019-03-25", pages=(1, 1)))
        'aarhus-kommune.oekonomiudvalget.2019-03-25'
        >>> meeting_key(Meeting(body="Byrådet", pages=(1, 1))) is None
        True
    """
    if not meeting.date or not meeting.body:
        return None
    parts = [_slug(meeting.organisation)[:24]] if meeting.organisation else []
    return ".".join([*parts, _slug(meeting.body)[:40], meeting.date])


def _slug(name: str) -> str:
    folded = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


class Writing(ImportRuns):
    """Storing documents (see :meth:`store_document`); import runs are recorded by ImportRuns (runs.py)."""

    # A document was replaced since the last purge_replaced(): its old terms are still in
    # the full-text indexes' segments (FTS5 deletes by adding delete markers).
    _replaced_since_purge = False
    # The spellings of bodies and organisations stored (see _spellings).
    _stored_spellings: Spellings | None = None
    _spellings_version: int | None = None
    # The folders whose attachment files are linked when the run ends (attachments_linked_at_end).
    _folders_to_link: set[str] | None = None

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
        for table in ("passages_fts", "items_fts"):
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

    @contextlib.contextmanager
    def attachments_linked_at_end(self) -> Iterator[None]:
        """Store documents without linking their folders' attachment files after each one,
        and link each folder once at the end (an import run: linking a folder compares its
        files with its Bilag titles, so once per document made a folder's import quadratic)."""
        self._folders_to_link = set()
        try:
            yield
        except BaseException:
            # (a Ctrl-C or a failing archive: link what was stored, if the archive still can)
            with contextlib.suppress(sqlite3.Error):
                self._link_folders()
            raise
        self._link_folders()

    def _link_folders(self) -> None:
        folders, self._folders_to_link = self._folders_to_link or set(), None
        for folder in sorted(folders):
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
        index_words: IndexWords | None = None,
    ) -> StoreOutcome:
        """Store one Document and all its facts in one transaction.

        ``path`` identifies the file (default: ``document.source.path``). A document
        whose sha256 is already stored is skipped; one stored under the same path with
        another sha256 (the file changed) is replaced, and so is one stored with the
        other treatment of closed items or of CPR numbers, or, when ``reextracted``, one
        that an older referat extracted.

        Closed items keep only number, title and decision outcomes (archive/public.py)
        unless ``include_closed``; sub-items of closed items are stored as closed.

        ``index_words`` are the stems and tails of the document's words (document_words.py),
        computed where it was extracted: in the import's workers, under their time and
        memory limits. A word found there is not stemmed here; what is stored is the same
        with or without them.

        Example:
            >>> from referat.extract import extract_bytes
            >>> from referat.archive import open_archive
            >>> with open_archive(":memory:") as archive:
            ...     archive.store_document(extract_bytes("m.txt", b"Punkt 1 Velkomst\\nReferat\\nGodkendt."))
            'imported'
        """
        # SQLite text is UTF-8: a file name's bytes that are not are stored escaped.
        path = printable_path(path or document.source.path)
        treatment = closed_text(document, include_closed), personal_data(document)
        cpr = treatment[1]
        document = close_subitems(document) if include_closed else public_view(document)
        connection = self.connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            if self.has_document(
                document.source.sha256,
                include_closed,
                None if cpr == "none" else cpr == "kept",
                current_only=reextracted,
            ):
                connection.execute("ROLLBACK")
                return "skipped"
            # The other files of the meetings being replaced: their items are linked again
            # once these are gone (a copy may now be the one kept).
            neighbours = {
                other
                for (meeting_id,) in connection.execute(
                    "SELECT m.id FROM meetings m JOIN documents d ON d.id = m.document_id"
                    " WHERE d.path = ? OR d.sha256 = ?",
                    (path, document.source.sha256),
                ).fetchall()
                for other in meetings_like(connection, meeting_id)
            }
            # (read before the replaced file goes: its spelling of the body names the meeting
            # in the item keys, so a re-publication that prints it otherwise keeps them)
            spellings = self._spellings()
            # The same bytes extracted again (--reextract, the other closed-items choice) keep
            # the time they first came in: saved searches decide what is new by it (watches.py).
            first_import = connection.execute(
                "SELECT imported_at FROM documents WHERE sha256 = ?", (document.source.sha256,)
            ).fetchone()
            replaced = connection.execute(
                "DELETE FROM documents WHERE path = ? OR sha256 = ?", (path, document.source.sha256)
            ).rowcount
            imported_at = first_import[0] if first_import else now()
            stored_meetings = self._insert_document(
                document, path, run_id, treatment, imported_at, spellings, index_words
            )
            link_copies(connection, [*stored_meetings, *sorted(neighbours)])
            if self._folders_to_link is None:
                link_attachments(connection, os.path.dirname(path))
            else:
                self._folders_to_link.add(os.path.dirname(path))
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
        self,
        document: Document,
        path: str,
        run_id: int | None,
        treatment: tuple[str, str],
        imported_at: str,
        spellings: Spellings,
        index_words: IndexWords | None,
    ) -> list[int]:
        """Insert the document's rows; return its meetings' ids."""
        source = document.source
        cursor = self.connection.execute(
            "INSERT INTO documents (sha256, path, media_type, pages, imported_at, run_id, json, closed_text,"
            " personal_data, extracted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                source.sha256,
                path,
                source.media_type,
                source.pages,
                imported_at,
                run_id,
                document.model_dump_json(),
                *treatment,
                EXTRACTOR,
            ),
        )
        document_id = cursor.lastrowid
        used_keys: set[str] = set()
        meeting_ids: list[int] = []
        for meeting_ordinal, meeting in enumerate(document.meetings, start=1):
            meeting = spellings.of(meeting)  # one name per organisation and body (names.py)
            meeting_id = self.connection.execute(
                "INSERT INTO meetings (document_id, ordinal, body, organisation, kind, title, date, start_time,"
                " location, case_numbers, participants, first_page, last_page)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document_id,
                    meeting_ordinal,
                    meeting.body,
                    meeting.organisation,
                    meeting.kind,
                    meeting.title,
                    meeting.date,
                    meeting.start_time,
                    meeting.location,
                    json.dumps(meeting.case_numbers, ensure_ascii=False),
                    json.dumps([p.model_dump(mode="json") for p in meeting.participants], ensure_ascii=False),
                    meeting.pages[0],
                    meeting.pages[1],
                ),
            ).lastrowid
            assert meeting_id is not None
            meeting_ids.append(meeting_id)
            ordinal = iter(range(1, 1_000_000))
            prefix = meeting_key(meeting) or f"{source.sha256[:12]}-{meeting_ordinal}"
            for item in meeting.items:
                self._insert_item(item, meeting_id, meeting.body, None, prefix, ordinal, used_keys, index_words)
            if meeting.sections:
                # A meeting without agenda items (a kommissorium, a letter) keeps its text in
                # Meeting.sections; the archive holds it as an item without a number, titled
                # by the meeting, so it is searched and shown like any item.
                holder = Item(
                    number="",
                    title=holder_title(meeting),
                    sections=meeting.sections,
                    pages=meeting.pages,
                )
                self._insert_item(holder, meeting_id, meeting.body, None, prefix, ordinal, used_keys, index_words)
        return meeting_ids

    def _insert_item(
        self,
        item: Item,
        meeting_id: int,
        body: str | None,
        parent_id: int | None,
        prefix: str,
        ordinal: Iterator[int],
        used_keys: set[str],
        index_words: IndexWords | None,
    ) -> None:
        execute = self.connection.execute
        number = "_".join(item.number.split()) or "0"
        key = f"{prefix}-{number}"
        suffix = 2
        # (numbers repeat in some minutes, "1" in two agendas; another document may hold the
        # same meeting: its agenda and its minutes, a full referat and one PDF per item)
        while key in used_keys or execute("SELECT 1 FROM items WHERE key = ?", (key,)).fetchone():
            key, suffix = f"{prefix}-{number}~{suffix}", suffix + 1
        used_keys.add(key)
        item_id = execute(
            "INSERT INTO items (key, meeting_id, parent_id, ordinal, number, title, access, responsible, case_numbers,"
            " recommendations, attachments, first_page, last_page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                meeting_id,
                parent_id,
                next(ordinal),
                item.number,
                item.title,
                item.access,
                item.responsible,
                json.dumps(item.case_numbers, ensure_ascii=False),
                json.dumps(item.recommendations, ensure_ascii=False),
                json.dumps([a.model_dump(mode="json") for a in item.attachments], ensure_ascii=False),
                item.pages[0],
                item.pages[1],
            ),
        ).lastrowid
        assert item_id is not None
        passages: list[Passage] = []
        if item.title.strip():
            passages.append(("title", None, "title", None, None, item.pages[0], item.title))
        # Text under no section heading (association minutes hold most of what happened
        # there): searchable like a section, read back by ``item()``.
        passages += [
            ("text", None, "text", None, None, page, text)
            for page, text in page_parts(item.text, item.text_pages, item.pages[0])
        ]
        passages += self._insert_sections(item, item_id)
        passages += self._insert_speech(item, item_id, body)
        self._insert_mentions(item, item_id)
        self._insert_passages(item_id, body, passages, index_words)
        for subitem in item.subitems:
            self._insert_item(subitem, meeting_id, body, item_id, f"{prefix}-{number}", ordinal, used_keys, index_words)

    def _insert_sections(self, item: Item, item_id: int) -> list[Passage]:
        """The item's sections and decisions; their passages."""
        execute = self.connection.execute
        passages: list[Passage] = []
        decision_texts = []
        for index, section in enumerate(item.sections):
            section_id = execute(
                "INSERT INTO sections (item_id, ordinal, kind, heading, text, first_page, last_page)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (item_id, index, section.kind, section.heading, section.text, section.pages[0], section.pages[1]),
            ).lastrowid
            if section.kind == "decision":
                decision_texts.append(" ".join(section.text.split()))
            passages += [
                ("section", section_id, section.kind, section.heading, None, page, text)
                for page, text in page_parts(section.text, section.text_pages, section.pages[0])
            ]
        for index, decision in enumerate(item.decisions):
            decision_id = execute(
                "INSERT INTO decisions (item_id, ordinal, text, outcome) VALUES (?, ?, ?, ?)",
                (item_id, index, decision.text, decision.outcome),
            ).lastrowid
            # Decisions are usually the text of a decision section: index them only once.
            flat = " ".join(decision.text.split())
            if flat and not any(flat in text for text in decision_texts):
                passages.append(("decision", decision_id, "decision", None, None, item.pages[0], decision.text))
        return passages

    def _insert_speech(self, item: Item, item_id: int, body: str | None) -> list[Passage]:
        """The item's statements and positions, by canonical actor, and its ballots' counts;
        the passages of the statements and positions. An actor that is the meeting's own
        body ("Sogneraadet" in Sognerådet's book) goes by the body's stored name."""
        execute = self.connection.execute
        passages: list[Passage] = []

        def canonical_of(actor: str) -> str:
            return body if body and name_key(actor) == name_key(body) else canonical_actor(actor)

        for index, statement in enumerate(item.statements):
            canonical = canonical_of(statement.actor)
            statement_id = execute(
                "INSERT INTO statements (item_id, ordinal, actor, canonical, actor_type, verb, text, page)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    item_id,
                    index,
                    statement.actor,
                    canonical,
                    statement.actor_type,
                    statement.verb,
                    statement.text,
                    statement.page,
                ),
            ).lastrowid
            passages.append(
                ("statement", statement_id, "statement", statement.verb, canonical, statement.page, statement.text)
            )
        for index, position in enumerate(item.positions):
            canonical = canonical_of(position.actor)
            position_id = execute(
                "INSERT INTO positions (item_id, ordinal, actor, canonical, stance, text, votes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (item_id, index, position.actor, canonical, position.stance, position.text, position.votes),
            ).lastrowid
            if position.text.strip():
                passages.append(
                    ("position", position_id, "position", position.stance, canonical, item.pages[0], position.text)
                )
        self.connection.executemany(
            "INSERT INTO votes (item_id, ordinal, text, in_favour, against, abstained, unanimous)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (item_id, index, vote.text, vote.in_favour, vote.against, vote.abstained, int(vote.unanimous))
                for index, vote in enumerate(item.votes)
            ],
        )
        return passages

    def _insert_mentions(self, item: Item, item_id: int) -> None:
        """The item's entities, dates and amounts (not searched as passages)."""
        self.connection.executemany(
            "INSERT INTO entities (item_id, text, label, canonical, page) VALUES (?, ?, ?, ?, ?)",
            [(item_id, e.text, e.label, e.canonical, e.page) for e in item.entities],
        )
        self.connection.executemany(
            'INSERT INTO dates (item_id, text, kind, start, "end", precision) VALUES (?, ?, ?, ?, ?, ?)',
            [(item_id, d.text, d.kind, d.start, d.end, d.precision) for d in item.dates],
        )
        self.connection.executemany(
            "INSERT INTO amounts (item_id, text, value, currency, qualifier, year) VALUES (?, ?, ?, ?, ?, ?)",
            [(item_id, a.text, a.value, a.currency, a.qualifier, a.year) for a in item.amounts],
        )

    def _insert_passages(
        self, item_id: int, body: str | None, passages: list[Passage], index_words: IndexWords | None
    ) -> None:
        """The passages with their index columns (each word looked up in ``index_words``),
        then the item's row in the ranking index."""
        rows = []
        for source, fact_id, kind, heading, actor, page, text in passages:
            indexed = without_own_name(text, body)  # the meeting's own body is not indexed (text.py)
            stems, parts = index_columns(text if indexed is None else indexed, index_words)
            rows.append((item_id, source, fact_id, kind, heading, actor, page, text, indexed, stems, parts))
        self.connection.executemany(
            "INSERT INTO passages (item_id, source, fact_id, section_kind, heading, actor, page, text, indexed_text,"
            " stems, parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        # The item's row in the ranking index, read back through the view the delete trigger reads.
        self.connection.execute(
            "INSERT INTO items_fts (rowid, text, stems, parts, title_text, title_stems, title_parts)"
            " SELECT id, text, stems, parts, title_text, title_stems, title_parts FROM item_documents WHERE id = ?",
            (item_id,),
        )
