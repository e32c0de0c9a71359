"""The archive: one narrow storage interface, and its SQLite implementation.

Everything the commands need goes through :class:`Archive`; nothing outside this module
writes SQL. A PostgreSQL backend implements the same methods (its full-text search on
``tsvector`` with the Danish configuration plus the same ``stems``/``parts`` columns).

The SQLite file is ordinary: WAL journal, foreign keys on, the schema in schema.py.
``sqlite-utils`` and ``datasette`` open it as it is.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any, Literal, Protocol

from referat import __version__ as referat_version
from referat.archive.actors import Resolution, canonical_actor, normalise, resolve_actor
from referat.archive.public import close_subitems, closed_text, personal_data, public_view
from referat.archive.schema import SchemaError, migrate
from referat.archive.text import Query, QueryError, best_passage, index_columns, parse_query, snippet, without_own_name
from referat.models import Document, Item

StoreOutcome = Literal["imported", "replaced", "skipped"]
# Recorded with every stored document (documents.extracted_by): see ``import --reextract``.
EXTRACTOR = f"referat {referat_version}"
Facets = tuple[dict[str, dict[str, int]], int, bool]  # counts by facet, total, estimated

# Items are ranked by bm25 over all their text (schema.py, migration 2 says why items).
# Weights of the text, stems and parts columns, then of the same three for the title: a
# word as printed ranks above a word with the same stem, which ranks above a hit inside a
# compound, and a hit in the title counts twice.
_RANK = "bm25(items_fts, 4.0, 2.0, 1.0, 8.0, 4.0, 2.0)"
FACETS = ("body", "year", "section", "actor")
# Facets count every matching passage when there are at most this many; beyond that they
# are estimated from an even sample of about this many: a common word matches 40 000
# passages at 100 000 sections, and finding the item, meeting and actors of each costs
# ~20 ms more than of 2 000 (whose estimates are within a few percent).
FACET_SAMPLE = 2000
# The sample: passages whose id, scrambled by an odd multiplier modulo 2^16 (a bijection,
# so every 65 536 consecutive ids hold exactly ``threshold`` sampled ones), falls below a
# threshold. Deterministic, so the same query gives the same estimates.
_SAMPLE_MODULUS, _SAMPLE_MULTIPLIER = 65536, 40503
# Closed items (by the partial index items_closed), and the condition on a passage ``p``
# that --public searches add: only the title of a closed item may be searched.
_CLOSED_ITEMS = "SELECT id FROM items WHERE access = 'closed'"
# Under --public a closed item is ranked by its title alone (the text columns weigh 0), so
# its hidden text cannot lift it above an open item either.
_PUBLIC_RANK = f"CASE WHEN items_fts.rowid IN ({_CLOSED_ITEMS}) THEN bm25(items_fts, 0.0, 0.0, 0.0, 8.0, 4.0, 2.0) ELSE {_RANK} END"
_PUBLIC_PASSAGE = f"(p.section_kind = 'title' OR p.item_id NOT IN ({_CLOSED_ITEMS}))"


class ArchiveError(Exception):
    """Something the user can fix (no archive there, unknown actor, bad query); one sentence."""


@dataclass(frozen=True)
class SearchFilters:
    """Narrow a search. ``body`` matches part of the body's name, ignoring case; dates
    are inclusive ``YYYY-MM-DD``; ``section`` is a Section.kind or title|decision|statement|position.
    ``public`` leaves out everything of closed items but their titles (``--public``)."""

    body: str | None = None
    actor: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    section: str | None = None
    kind: str | None = None
    public: bool = False


@dataclass(frozen=True)
class AmountFilters:
    """Narrow ``referat amounts``: values in DKK (inclusive), the year the amount is for,
    meeting dates and body as in :class:`SearchFilters`, ``about`` a search query the item
    must match, ``decided`` only items with a decision, ``public`` none of closed items."""

    minimum: float | None = None
    maximum: float | None = None
    year: int | None = None
    body: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    about: str | None = None
    decided: bool = False
    public: bool = False


@dataclass
class SearchHit:
    rank: int
    score: float
    item: str  # the item key that ``referat show`` takes
    number: str
    title: str
    section: str
    heading: str | None
    actor: str | None
    snippet: str
    body: str | None
    date: str | None
    meeting_kind: str
    path: str
    page: int | None


@dataclass
class SearchResult:
    """Ranked hits, one per item (its best matching passage); with facets, the number of
    matching passages and their counts by body, year, section kind and actor."""

    hits: list[SearchHit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    total: int | None = None  # number of matching passages, counted with facets
    estimated: bool = False  # total and facets are estimated from a sample (see FACET_SAMPLE)

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"hits": [asdict(hit) for hit in self.hits], "facets": self.facets}
        if self.total is not None:
            result["total"] = self.total
            result["estimated"] = self.estimated
        return result


class Archive(Protocol):
    """What every backend offers. Methods raise ArchiveError for things the user can fix."""

    def close(self) -> None: ...
    def has_document(
        self,
        sha256: str,
        include_closed: bool | None = None,
        keep_personal_data: bool | None = None,
        current_only: bool = False,
    ) -> bool: ...
    def store_document(
        self,
        document: Document,
        path: str | None = None,
        run_id: int | None = None,
        include_closed: bool = False,
        reextracted: bool = False,
    ) -> StoreOutcome: ...
    def start_run(self, paths: list[str]) -> int: ...
    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None: ...
    def record_failure(self, path: str, reason: str, run_id: int | None = None) -> None: ...
    def search(
        self, query: str, filters: SearchFilters = SearchFilters(), limit: int = 20, facets: bool = False
    ) -> SearchResult: ...
    def statements_by(
        self,
        actor: str,
        about: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        public: bool = False,
    ) -> tuple[str, list[dict[str, Any]]]: ...
    def actors(self, public: bool = False) -> list[dict[str, Any]]: ...
    def amounts(self, filters: AmountFilters, limit: int = 100) -> list[dict[str, Any]]: ...
    def item(self, key: str, public: bool = False) -> dict[str, Any] | None: ...
    def export(self, what: Literal["documents", "items"], public: bool = False) -> Iterator[dict[str, Any]]: ...
    def counts(self) -> dict[str, int]: ...


def default_archive_path() -> str:
    """``$REFERAT_ARCHIVE`` if set, else ``./referat.db``.

    Example:
        >>> os.environ.pop("REFERAT_ARCHIVE", None) and None; default_archive_path()
        'referat.db'
    """
    return os.environ.get("REFERAT_ARCHIVE") or "referat.db"


def open_archive(path: str, create: bool = True, notice: Callable[[str], None] | None = None) -> SQLiteArchive:
    """Open (and create or migrate) the archive at ``path``; ``notice`` is told, in one
    line, when an older archive is being upgraded (which may take a while).

    Example:
        >>> with open_archive(":memory:") as archive:
        ...     archive.counts()["documents"]
        0
    """
    return SQLiteArchive(path, create=create, notice=notice)


def _first_line(text: str, limit: int = 120) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _connect(path: str, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit: BEGIN IMMEDIATE … COMMIT)."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=check_same_thread)
    connection.execute("PRAGMA busy_timeout = 30000")
    connection.execute("PRAGMA foreign_keys = ON")
    # 64 MiB of page cache (SQLite's default is 2 MiB): a search reads a few thousand
    # scattered rows (the passages and meetings of its matches), and a connection that
    # keeps them cached answers the next search ~3× faster. Memory is taken only as used.
    connection.execute("PRAGMA cache_size = -65536")
    return connection


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SQLiteArchive:
    """The archive in one SQLite file (stdlib sqlite3). Use as a context manager."""

    def __init__(self, path: str, create: bool = True, notice: Callable[[str], None] | None = None) -> None:
        self.path = path
        if path != ":memory:" and not create and not os.path.exists(path):
            raise ArchiveError(f"{path}: no archive there (create one with `referat import PATH --archive {path}`)")
        if path != ":memory:" and os.path.isdir(path):
            raise ArchiveError(f"{path}: is a folder, not an archive file")
        try:
            self.connection = _connect(path)
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
        # Facets are counted beside the ranking, on a connection of their own (_start_facets).
        self._facet_worker: ThreadPoolExecutor | None = None
        self._facet_connection: sqlite3.Connection | None = None

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        if self._facet_worker is not None:
            self._facet_worker.shutdown()  # after a count still running
        if self._facet_connection is not None:
            self._facet_connection.close()
        self.connection.close()

    def __enter__(self) -> SQLiteArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------

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
        unless ``include_closed``; sub-items of closed items are stored as closed.

        Example:
            >>> from referat.extract import extract_bytes
            >>> with open_archive(":memory:") as archive:
            ...     archive.store_document(extract_bytes("m.txt", b"Punkt 1 Velkomst\\nReferat\\nGodkendt."))
            'imported'
        """
        path = path or document.source.path
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
            replaced = connection.execute(
                "DELETE FROM documents WHERE path = ? OR sha256 = ?", (path, document.source.sha256)
            ).rowcount
            self._insert_document(document, path, run_id, treatment)
            connection.execute("COMMIT")
        except BaseException:
            # BaseException: a Ctrl-C between two inserts must not leave half a document.
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        self._known_actors = None
        return "replaced" if replaced else "imported"

    def _insert_document(
        self, document: Document, path: str, run_id: int | None, treatment: tuple[str, str]
    ) -> None:
        source = document.source
        cursor = self.connection.execute(
            "INSERT INTO documents (sha256, path, media_type, pages, imported_at, run_id, json, closed_text, personal_data, extracted_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                source.sha256,
                path,
                source.media_type,
                source.pages,
                _now(),
                run_id,
                document.model_dump_json(),
                *treatment,
                EXTRACTOR,
            ),
        )
        document_id = cursor.lastrowid
        used_keys: set[str] = set()
        for meeting_ordinal, meeting in enumerate(document.meetings, start=1):
            meeting_id = self.connection.execute(
                "INSERT INTO meetings (document_id, ordinal, body, organisation, kind, title, date, start_time, location,"
                " case_numbers, participants, first_page, last_page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            ordinal = iter(range(1, 1_000_000))
            for item in meeting.items:
                self._insert_item(
                    item, meeting_id, meeting.body, None, f"{source.sha256[:12]}-{meeting_ordinal}", ordinal, used_keys
                )
            if meeting.sections:
                # A meeting without agenda items (a kommissorium, a letter) keeps its text in
                # Meeting.sections; the archive holds it as an item without a number, titled
                # by the meeting, so it is searched and shown like any item.
                holder = Item(
                    number="",
                    title=meeting.title or _first_line(meeting.sections[0].text),
                    sections=meeting.sections,
                    pages=meeting.pages,
                )
                self._insert_item(
                    holder,
                    meeting_id,
                    meeting.body,
                    None,
                    f"{source.sha256[:12]}-{meeting_ordinal}",
                    ordinal,
                    used_keys,
                )

    def _insert_item(
        self,
        item: Item,
        meeting_id: int,
        body: str | None,
        parent_id: int | None,
        prefix: str,
        ordinal: Iterator[int],
        used_keys: set[str],
    ) -> None:
        execute = self.connection.execute
        number = "_".join(item.number.split()) or "0"
        key = f"{prefix}-{number}"
        suffix = 2
        while key in used_keys:  # numbers repeat in some minutes ("1" in two agendas)
            key, suffix = f"{prefix}-{number}~{suffix}", suffix + 1
        used_keys.add(key)
        first_page = item.pages[0]
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
        passages: list[tuple[str, int | None, str, str | None, str | None, int | None, str]] = []
        if item.title.strip():
            passages.append(("title", None, "title", None, None, first_page, item.title))
        decision_texts = []
        for index, section in enumerate(item.sections):
            section_id = execute(
                "INSERT INTO sections (item_id, ordinal, kind, heading, text, first_page, last_page) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (item_id, index, section.kind, section.heading, section.text, section.pages[0], section.pages[1]),
            ).lastrowid
            if section.kind == "decision":
                decision_texts.append(" ".join(section.text.split()))
            if section.text.strip():
                passages.append(
                    ("section", section_id, section.kind, section.heading, None, section.pages[0], section.text)
                )
        for index, decision in enumerate(item.decisions):
            decision_id = execute(
                "INSERT INTO decisions (item_id, ordinal, text, outcome) VALUES (?, ?, ?, ?)",
                (item_id, index, decision.text, decision.outcome),
            ).lastrowid
            # Decisions are usually the text of a decision section: index them only once.
            flat = " ".join(decision.text.split())
            if flat and not any(flat in text for text in decision_texts):
                passages.append(("decision", decision_id, "decision", None, None, first_page, decision.text))
        for index, statement in enumerate(item.statements):
            canonical = canonical_actor(statement.actor)
            statement_id = execute(
                "INSERT INTO statements (item_id, ordinal, actor, canonical, actor_type, verb, text, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
            canonical = canonical_actor(position.actor)
            position_id = execute(
                "INSERT INTO positions (item_id, ordinal, actor, canonical, stance, text) VALUES (?, ?, ?, ?, ?, ?)",
                (item_id, index, position.actor, canonical, position.stance, position.text),
            ).lastrowid
            if position.text.strip():
                passages.append(
                    ("position", position_id, "position", position.stance, canonical, first_page, position.text)
                )
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
        rows = []
        for source, fact_id, kind, heading, actor, page, text in passages:
            indexed = without_own_name(text, body)  # the meeting's own body is not indexed (text.py)
            stems, parts = index_columns(text if indexed is None else indexed)
            rows.append((item_id, source, fact_id, kind, heading, actor, page, text, indexed, stems, parts))
        self.connection.executemany(
            "INSERT INTO passages (item_id, source, fact_id, section_kind, heading, actor, page, text, indexed_text, stems, parts)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        # The item's row in the ranking index, read back through the view the delete trigger reads.
        execute(
            "INSERT INTO items_fts (rowid, text, stems, parts, title_text, title_stems, title_parts)"
            " SELECT id, text, stems, parts, title_text, title_stems, title_parts FROM item_documents WHERE id = ?",
            (item_id,),
        )
        for subitem in item.subitems:
            self._insert_item(subitem, meeting_id, body, item_id, f"{prefix}-{number}", ordinal, used_keys)

    def start_run(self, paths: list[str]) -> int:
        """Record the start of an import run; its id tags the documents and errors it adds."""
        return self.connection.execute(
            "INSERT INTO import_runs (started_at, paths) VALUES (?, ?)", (_now(), json.dumps(paths, ensure_ascii=False))
        ).lastrowid

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        self.connection.execute(
            "UPDATE import_runs SET finished_at = ?, status = ?, files = ?, imported = ?, skipped = ?, failed = ? WHERE id = ?",
            (
                _now(),
                status,
                counts.get("files", 0),
                counts.get("imported", 0),
                counts.get("skipped", 0),
                counts.get("failed", 0),
                run_id,
            ),
        )

    def record_failure(self, path: str, reason: str, run_id: int | None = None) -> None:
        self.connection.execute(
            "INSERT INTO import_errors (run_id, path, reason, at) VALUES (?, ?, ?, ?)", (run_id, path, reason, _now())
        )

    # -- reading ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per main table.

        Example:
            >>> with open_archive(":memory:") as archive:
            ...     sorted(archive.counts())[:3]
            ['documents', 'import_errors', 'items']
        """
        tables = ("documents", "meetings", "items", "sections", "statements", "positions", "passages", "import_errors")
        return {table: self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}

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
        wanted = normalise(typed)
        bodies = [
            row[0] for row in self.connection.execute("SELECT DISTINCT body FROM meetings WHERE body IS NOT NULL")
        ]
        found = [body for body in bodies if wanted in normalise(body)]
        if not found:
            raise ArchiveError(f"no meeting body matching '{typed}' in the archive")
        return found

    def _filter_sql(self, filters: SearchFilters, item_id: str) -> tuple[str, list[Any]]:
        """``AND …`` conditions for the meeting filters (on ``m``, meetings) and the actor
        filter (on the SQL expression ``item_id``); the section kind is the caller's."""
        clauses, params = [], []
        if filters.body:
            bodies = self._bodies(filters.body)
            clauses.append(f"m.body IN ({','.join('?' * len(bodies))})")
            params += bodies
        if filters.actor:
            actor = self.resolve_actor(filters.actor)
            clauses.append(
                f"{item_id} IN (SELECT item_id FROM statements WHERE canonical = ? UNION SELECT item_id FROM positions WHERE canonical = ?)"
            )
            params += [actor, actor]
            if filters.public:  # what a closed item's actors said is closed too
                clauses.append(f"{item_id} NOT IN ({_CLOSED_ITEMS})")
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

    def search(
        self, query: str, filters: SearchFilters = SearchFilters(), limit: int = 20, facets: bool = False
    ) -> SearchResult:
        """Items with a passage that matches every word of ``query`` (by word, stem or
        compound part), best first, each shown with its best matching passage.

        Example:
            >>> from referat.extract import extract_bytes
            >>> with open_archive(":memory:") as archive:
            ...     _ = archive.store_document(extract_bytes("m.txt", "Punkt 1 Økonomiaftalen\\nReferat\\nDrøftet.".encode()))
            ...     archive.search("aftale").hits[0].snippet
            '«Økonomiaftalen»'
        """
        try:
            parsed = parse_query(query)
        except QueryError as error:
            raise ArchiveError(str(error)) from None
        if limit < 1:
            raise ArchiveError("--limit must be at least 1")
        counting = self._start_facets(parsed, filters) if facets else None
        result = SearchResult(hits=self._search_hits(parsed, filters, limit))
        if counting is not None:
            result.facets, result.total, result.estimated = counting.result()
        return result

    def _search_hits(self, parsed: Query, filters: SearchFilters, limit: int) -> list[SearchHit]:
        """The best ``limit`` items with a passage that holds every query word (of the
        section kind asked for), as hits.

        The item index matches an item whose words are spread over its passages. With
        one word and no section kind, every such item has a passage with the word.
        Otherwise the best items usually have one too: a few more items than asked for
        are ranked and checked here (:func:`best_passage`), and only when too few pass is
        the ranking narrowed, in the passage index, to the items that qualify (exact, but
        it reads the item of every matching passage: 40 000 for "budget og").
        """
        if len(parsed.words) == 1 and not filters.section:
            return self._hits(parsed, self._rank_items(parsed, filters, limit), filters.section, public=filters.public)
        wanted = limit + limit // 2 + 5
        ranked = self._rank_items(parsed, filters, wanted)
        checked = self._hits(parsed, ranked, filters.section, every_word=True, public=filters.public)
        hits = [hit for hit in checked if hit is not None][:limit]
        if len(hits) < limit and len(ranked) == wanted:
            hits = self._hits(
                parsed, self._rank_items(parsed, filters, limit, narrow=True), filters.section, public=filters.public
            )
        for rank, hit in enumerate(hits, start=1):
            hit.rank = rank
        return hits

    def _rank_items(
        self, parsed: Query, filters: SearchFilters, limit: int, narrow: bool = False
    ) -> list[tuple[int, float]]:
        """The ids and bm25 scores of the best ``limit`` items that match, ranked without
        stop words (text.STOP_WORDS); with ``narrow``, only items with a passage that
        holds every word, stop words too (of the section kind asked for)."""
        # The MATCH must drive every query here: a leading "+" keeps SQLite from handing
        # "rowid IN (…)" to FTS5 (one index lookup per listed item), and CROSS JOIN fixes the
        # join order (SQLite's planner may otherwise scan passages_lookup and probe the matches).
        where, params = self._filter_sql(filters, "+items_fts.rowid")
        if narrow:
            kind = " AND p.section_kind = ?" if filters.section else ""
            if filters.public:
                kind += f" AND {_PUBLIC_PASSAGE}"
            where = (
                " AND +items_fts.rowid IN (SELECT p.item_id FROM passages_fts"
                " CROSS JOIN passages p INDEXED BY passages_lookup ON p.id = passages_fts.rowid"
                f" WHERE passages_fts MATCH ?{kind})" + where
            )
            params = [parsed.match, *([filters.section] if filters.section else []), *params]
        if filters.public:
            # A closed item takes part only when its title holds every word; it is ranked
            # by its title alone (_PUBLIC_RANK), and only its title is shown (see _hits).
            where += (
                f" AND (+items_fts.rowid NOT IN ({_CLOSED_ITEMS}) OR +items_fts.rowid IN (SELECT p.item_id FROM passages_fts"
                " CROSS JOIN passages p INDEXED BY passages_lookup ON p.id = passages_fts.rowid"
                " WHERE passages_fts MATCH ? AND p.section_kind = 'title'))"
            )
            params.append(parsed.match)
        joins = ""
        if filters.body or filters.date_from or filters.date_to or filters.kind:
            joins = " JOIN items i ON i.id = items_fts.rowid JOIN meetings m ON m.id = i.meeting_id"
        sql = f"""SELECT items_fts.rowid, {_PUBLIC_RANK if filters.public else _RANK} AS score FROM items_fts{joins}
            WHERE items_fts MATCH ?{where} ORDER BY score LIMIT ?"""
        return [(row[0], row[1]) for row in self.connection.execute(sql, [parsed.rank_match, *params, limit])]

    def _hits(
        self,
        parsed: Query,
        ranked: list[tuple[int, float]],
        section: str | None,
        every_word: bool = False,
        public: bool = False,
    ) -> list[SearchHit | None]:
        """Each ranked item as a hit: its best passage (of ``section`` kind), with a snippet;
        with ``every_word``, ``None`` for an item where no such passage holds every word;
        with ``public``, a closed item's passages are its title only."""
        if not ranked:
            return []
        passages: dict[int, list[sqlite3.Row]] = {}
        for row in self.connection.execute(
            f"""SELECT p.item_id, p.section_kind, p.heading, p.actor, p.page, p.text, coalesce(p.indexed_text, p.text) AS indexed,
                       i.key, i.number, i.title, m.body, m.date, m.kind AS meeting_kind, d.path
                FROM passages p JOIN items i ON i.id = p.item_id JOIN meetings m ON m.id = i.meeting_id
                     JOIN documents d ON d.id = m.document_id
                WHERE p.item_id IN (SELECT value FROM json_each(?)){" AND p.section_kind = ?" if section else ""}
                      {"AND (p.section_kind = 'title' OR i.access <> 'closed')" if public else ""}
                ORDER BY p.id""",
            [json.dumps([item_id for item_id, _ in ranked]), *([section] if section else [])],
        ):
            passages.setdefault(row["item_id"], []).append(row)
        hits: list[SearchHit | None] = []
        for item_id, score in ranked:
            rows = passages.get(item_id)
            # Hits are found in the text as indexed (the body's own name blanked, offsets kept),
            # so the passage shown and the words marked are those the search matched.
            index, word_hits = best_passage([row["indexed"] for row in rows], parsed) if rows else (0, [])
            words_found = 0
            for word_hit in word_hits:
                words_found |= word_hit.words
            if every_word and words_found != parsed.all_words:
                hits.append(None)
                continue
            if not rows:  # the item changed between the two statements (another process replaced its document)
                continue
            row = rows[index]
            hits.append(
                SearchHit(
                    rank=len(hits) + 1,
                    score=round(-score, 4),
                    item=row["key"],
                    number=row["number"],
                    title=row["title"],
                    section=row["section_kind"],
                    heading=row["heading"],
                    actor=row["actor"],
                    snippet=snippet(row["text"], parsed, hits=word_hits),
                    body=row["body"],
                    date=row["date"],
                    meeting_kind=row["meeting_kind"],
                    path=row["path"],
                    page=row["page"],
                )
            )
        return hits

    def _start_facets(self, parsed: Query, filters: SearchFilters) -> Future[Facets]:
        """Count the facets beside the ranking: the counting statement runs on a second
        connection in a worker thread while this one ranks, which halves a faceted
        search on a machine with a free core (SQLite lets go of the GIL while it works).
        Body and actor names are resolved here, on this thread's connection."""
        sql, params = self._facet_statement(parsed, filters)
        if self.path == ":memory:":  # a second connection would open another, empty database
            done: Future[Facets] = Future()
            done.set_result(count_facets(self.connection, sql, params))
            return done
        if self._facet_worker is None:
            self._facet_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="referat-facets")
        return self._facet_worker.submit(self._count_facets_in_worker, sql, params)

    def _count_facets_in_worker(self, sql: str, params: list[Any]) -> Facets:
        if self._facet_connection is None:  # opened in the worker thread, used only there
            self._facet_connection = _connect(self.path, check_same_thread=False)
        return count_facets(self._facet_connection, sql, params)

    def _facet_statement(self, parsed: Query, filters: SearchFilters) -> tuple[str, list[Any]]:
        """The statement that counts matching passages by body, year, section kind and
        actor (see :func:`count_facets`), sampling FACET_SAMPLE of them when there are more.

        One statement, counted inside SQLite: the matches are read from the index once,
        and only the sampled ones are joined to their item and meeting. Filters apply to
        the sample, so the more a filter narrows, the fewer sampled passages it leaves and
        the rougher the estimate. (Filtering inside the join instead lets SQLite build a
        Bloom filter over every passage once the archive has statistics: ~80 ms.)
        """
        where, params = self._filter_sql(filters, "m.item_id")
        if filters.section:
            where += " AND m.section_kind = ?"
            params.append(filters.section)
        # --public: a closed item's passages count only if they are its title, and its
        # actors not at all.
        public = " AND (p.section_kind = 'title' OR i.access <> 'closed')" if filters.public else ""
        public_actors = f" WHERE h.item_id NOT IN ({_CLOSED_ITEMS})" if filters.public else ""
        sql = f"""
            WITH matches AS MATERIALIZED (
                SELECT rowid AS id FROM passages_fts WHERE passages_fts MATCH ?
            ),
            sampling AS (
                SELECT CASE WHEN count(*) <= {FACET_SAMPLE} THEN {_SAMPLE_MODULUS}
                            ELSE max(1, {_SAMPLE_MODULUS} * {FACET_SAMPLE} / count(*)) END AS threshold
                FROM matches
            ),
            sampled AS MATERIALIZED (
                SELECT p.item_id, p.section_kind, m.body, m.date, m.kind
                FROM matches
                CROSS JOIN passages p INDEXED BY passages_lookup ON p.id = matches.id
                CROSS JOIN items i ON i.id = p.item_id
                CROSS JOIN meetings m ON m.id = i.meeting_id
                WHERE (matches.id * {_SAMPLE_MULTIPLIER}) % {_SAMPLE_MODULUS} < (SELECT threshold FROM sampling){public}
            ),
            hits AS MATERIALIZED (
                SELECT coalesce(body, '(unknown)') AS body, coalesce(substr(date, 1, 4), '(unknown)') AS year,
                       section_kind AS section, item_id
                FROM sampled AS m WHERE 1{where}
            ),
            item_hits AS (SELECT item_id, count(*) AS hits FROM hits GROUP BY item_id),
            -- An actor counts the hits in items where it has a statement or a position.
            actors AS (
                SELECT h.item_id, h.hits, s.canonical FROM item_hits h JOIN statements s ON s.item_id = h.item_id{public_actors}
                UNION
                SELECT h.item_id, h.hits, po.canonical FROM item_hits h JOIN positions po ON po.item_id = h.item_id{public_actors}
            )
            SELECT 'threshold', NULL, threshold FROM sampling
            UNION ALL SELECT 'total', NULL, count(*) FROM hits
            UNION ALL SELECT 'body', body, count(*) FROM hits GROUP BY body
            UNION ALL SELECT 'year', year, count(*) FROM hits GROUP BY year
            UNION ALL SELECT 'section', section, count(*) FROM hits GROUP BY section
            UNION ALL SELECT 'actor', canonical, sum(hits) FROM actors GROUP BY canonical"""
        return sql, [parsed.match, *params]

    def statements_by(
        self,
        actor: str,
        about: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        public: bool = False,
    ) -> tuple[str, list[dict[str, Any]]]:
        """Statements and positions by one actor (resolved by alias and typo-tolerantly), oldest meeting first.

        With ``about``, only those whose own text or whose item's title matches the query;
        with ``public``, none of closed items. Returns the canonical name and the rows.
        """
        canonical = self.resolve_actor(actor)
        named: dict[str, Any] = {"canonical": canonical, "date_from": date_from, "date_to": date_to}
        where = (" AND m.date >= :date_from" if date_from else "") + (" AND m.date <= :date_to" if date_to else "")
        where += " AND i.access <> 'closed'" if public else ""
        about_sql = ""
        if about:
            try:
                parsed = parse_query(about)
            except QueryError as error:
                raise ArchiveError(str(error)) from None
            about_sql = (
                " AND (x.passage_id IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH :match)"
                " OR x.item_id IN (SELECT p.item_id FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid"
                " WHERE passages_fts MATCH :match AND p.section_kind = 'title'))"
            )
        sql = f"""
            WITH x AS (
                SELECT 'statement' AS type, s.id, s.item_id, s.actor, s.canonical, s.actor_type, s.verb, NULL AS stance,
                       s.text, s.page, (SELECT id FROM passages WHERE item_id = s.item_id AND source = 'statement' AND fact_id = s.id) AS passage_id
                FROM statements s WHERE s.canonical = :canonical
                UNION ALL
                SELECT 'position', po.id, po.item_id, po.actor, po.canonical, NULL, NULL, po.stance,
                       po.text, NULL, (SELECT id FROM passages WHERE item_id = po.item_id AND source = 'position' AND fact_id = po.id)
                FROM positions po WHERE po.canonical = :canonical
            )
            SELECT x.*, i.key, i.number, i.title, m.body, m.date, m.kind AS meeting_kind, d.path
            FROM x JOIN items i ON i.id = x.item_id JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = m.document_id
            WHERE 1{where}{about_sql}
            ORDER BY m.date IS NULL, m.date, d.path, i.ordinal, x.type DESC, x.id"""
        if about:
            named["match"] = parsed.match
        rows = self.connection.execute(sql, named).fetchall()
        return canonical, [
            {
                "type": row["type"],
                "actor": row["canonical"],
                "as_printed": row["actor"],
                "actor_type": row["actor_type"],
                "verb": row["verb"],
                "stance": row["stance"],
                "text": row["text"],
                "page": row["page"],
                "item": row["key"],
                "number": row["number"],
                "title": row["title"],
                "body": row["body"],
                "date": row["date"],
                "meeting_kind": row["meeting_kind"],
                "path": row["path"],
            }
            for row in rows
        ]

    def amounts(self, filters: AmountFilters = AmountFilters(), limit: int = 100) -> list[dict[str, Any]]:
        """Amounts of money in the items, largest first, with their item and meeting:
        "all decisions with an amount over 100 mio. kr." is ``AmountFilters(minimum=1e8, decided=True)``.

        Example:
            >>> from referat.extract import extract_bytes
            >>> text = "Punkt 1 Anlægsbudget\\nBeslutning\\nByrådet bevilgede 175 mio. kr. i 2026.\\n"
            >>> with open_archive(":memory:") as archive:
            ...     _ = archive.store_document(extract_bytes("m.txt", text.encode()))
            ...     [(row["value"], row["year"], row["title"]) for row in archive.amounts(AmountFilters(minimum=1e8, decided=True))]
            [(175000000.0, 2026, 'Anlægsbudget')]
        """
        # Meeting body and dates as search filters them (the same matching of body names).
        where, params = self._filter_sql(
            SearchFilters(body=filters.body, date_from=filters.date_from, date_to=filters.date_to), "i.id"
        )
        for clause, value in (
            ("a.value >= ?", filters.minimum),
            ("a.value <= ?", filters.maximum),
            ("a.year = ?", filters.year),
        ):
            if value is not None:
                where += f" AND {clause}"
                params.append(value)
        if filters.decided:
            where += " AND EXISTS (SELECT 1 FROM decisions dc WHERE dc.item_id = i.id)"
        if filters.public:
            where += " AND i.access <> 'closed'"
        if filters.about:
            try:
                params.append(parse_query(filters.about).match)
            except QueryError as error:
                raise ArchiveError(str(error)) from None
            where += " AND i.id IN (SELECT p.item_id FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid WHERE passages_fts MATCH ?)"
        rows = self.connection.execute(
            f"""SELECT a.text, a.value, a.currency, a.qualifier, a.year, i.key, i.number, i.title,
                       (SELECT group_concat(coalesce(dc.outcome, ''), ',') FROM decisions dc WHERE dc.item_id = i.id) AS outcomes,
                       m.body, m.date, m.kind AS meeting_kind, d.path
                FROM amounts a JOIN items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id
                     JOIN documents d ON d.id = m.document_id
                WHERE 1{where}
                ORDER BY a.value DESC, m.date, d.path, i.ordinal, a.id
                LIMIT ?""",
            [*params, limit],
        ).fetchall()
        return [
            {
                "text": row["text"],
                "value": row["value"],
                "currency": row["currency"],
                "qualifier": row["qualifier"],
                "year": row["year"],
                "item": row["key"],
                "number": row["number"],
                "title": row["title"],
                "decisions": [outcome or None for outcome in row["outcomes"].split(",")]
                if row["outcomes"] is not None
                else [],
                "body": row["body"],
                "date": row["date"],
                "meeting_kind": row["meeting_kind"],
                "path": row["path"],
            }
            for row in rows
        ]

    def actors(self, public: bool = False) -> list[dict[str, Any]]:
        """Canonical actors with their numbers of statements, positions and meetings, most
        active first; with ``public``, none from closed items."""
        open_only = " WHERE i.access <> 'closed'" if public else ""
        rows = self.connection.execute(
            f"""
            SELECT canonical, sum(type = 'statement') AS statements, sum(type = 'position') AS positions,
                   count(DISTINCT meeting_id) AS meetings, group_concat(DISTINCT actor) AS spellings
            FROM (SELECT 'statement' AS type, s.canonical, s.actor, i.meeting_id FROM statements s JOIN items i ON i.id = s.item_id{open_only}
                  UNION ALL
                  SELECT 'position', p.canonical, p.actor, i.meeting_id FROM positions p JOIN items i ON i.id = p.item_id{open_only})
            GROUP BY canonical ORDER BY statements + positions DESC, canonical"""
        ).fetchall()
        return [
            {
                "actor": r["canonical"],
                "statements": r["statements"],
                "positions": r["positions"],
                "meetings": r["meetings"],
                "as_printed": sorted(set((r["spellings"] or "").split(","))),
            }
            for r in rows
        ]

    def item(self, key: str, public: bool = False) -> dict[str, Any] | None:
        """One item with its meeting, source and every fact, by key (or numeric id); with
        ``public``, a closed item with only its number, title and decision outcomes."""
        row = self.connection.execute(
            """SELECT i.*, m.body, m.organisation, m.date, m.kind AS meeting_kind, m.title AS meeting_title, d.path, d.sha256,
                      (SELECT key FROM items WHERE id = i.parent_id) AS parent
               FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = m.document_id
               WHERE i.key = ? OR (i.id = ? AND ? GLOB '[0-9]*')""",
            (key, key, key),
        ).fetchone()
        if row is None:
            return None
        item_id = row["id"]
        fetch = lambda sql: [dict(r) for r in self.connection.execute(sql, (item_id,))]  # noqa: E731
        if public and row["access"] == "closed":
            # What public_view keeps of a closed item (it may be stored whole: --include-closed).
            outcomes = [
                {"text": "", "outcome": r[0]}
                for r in self.connection.execute(
                    "SELECT outcome FROM decisions WHERE item_id = ? ORDER BY ordinal", (item_id,)
                )
            ]
            fetch = lambda sql: outcomes if " FROM decisions " in sql else []  # noqa: E731
            row = {**dict(row), "responsible": None, "case_numbers": "[]", "recommendations": "[]", "attachments": "[]"}
        return {
            "item": row["key"],
            "parent": row["parent"],
            "number": row["number"],
            "title": row["title"],
            "access": row["access"],
            "responsible": row["responsible"],
            "case_numbers": json.loads(row["case_numbers"]),
            "recommendations": json.loads(row["recommendations"]),
            "attachments": json.loads(row["attachments"]),
            "pages": [row["first_page"], row["last_page"]],
            "meeting": {
                "body": row["body"],
                "organisation": row["organisation"],
                "date": row["date"],
                "kind": row["meeting_kind"],
                "title": row["meeting_title"],
            },
            "source": {"path": row["path"], "sha256": row["sha256"]},
            "sections": fetch(
                "SELECT kind, heading, text, first_page, last_page FROM sections WHERE item_id = ? ORDER BY ordinal"
            ),
            "decisions": fetch("SELECT text, outcome FROM decisions WHERE item_id = ? ORDER BY ordinal"),
            "statements": fetch(
                "SELECT actor, canonical, actor_type, verb, text, page FROM statements WHERE item_id = ? ORDER BY ordinal"
            ),
            "positions": fetch(
                "SELECT actor, canonical, stance, text FROM positions WHERE item_id = ? ORDER BY ordinal"
            ),
            "entities": fetch("SELECT text, label, canonical, page FROM entities WHERE item_id = ? ORDER BY id"),
            "dates": fetch('SELECT text, kind, start, "end", precision FROM dates WHERE item_id = ? ORDER BY id'),
            "amounts": fetch(
                "SELECT text, value, currency, qualifier, year FROM amounts WHERE item_id = ? ORDER BY id"
            ),
            "subitems": [
                r[0]
                for r in self.connection.execute(
                    "SELECT key FROM items WHERE parent_id = ? ORDER BY ordinal", (item_id,)
                )
            ],
        }

    def export(
        self, what: Literal["documents", "items"] = "documents", public: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Every stored Document as its JSON, or one flat row per item (for CSV); with
        ``public``, closed items keep only number, title and decision outcomes."""
        if what == "documents":
            for text, closed in self.connection.execute("SELECT json, closed_text FROM documents ORDER BY path"):
                if public and closed != "none":
                    yield public_view(Document.model_validate_json(text)).model_dump(mode="json")
                else:
                    yield json.loads(text)
            return
        for row in self.connection.execute(
            """SELECT i.key AS item, d.path, d.sha256, m.body, m.organisation, m.date, m.kind AS meeting_kind,
                      i.number, i.title, i.access, i.case_numbers, i.first_page, i.last_page,
                      (SELECT group_concat(kind, ' ') FROM sections WHERE item_id = i.id) AS sections,
                      (SELECT group_concat(nullif(text, ''), ' | ') FROM decisions WHERE item_id = i.id) AS decisions,
                      (SELECT group_concat(outcome, ' ') FROM decisions WHERE item_id = i.id) AS outcomes,
                      (SELECT count(*) FROM statements WHERE item_id = i.id) AS statements
               FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = m.document_id
               ORDER BY d.path, m.ordinal, i.ordinal"""
        ):
            row = dict(row)
            if public and row["access"] == "closed":
                row.update(case_numbers="[]", sections=None, decisions=None, statements=0)
            yield row

    def check(self) -> dict[str, Any]:
        """Integrity: SQLite's own check, foreign keys, and no document without its meetings' rows."""
        integrity = self.connection.execute("PRAGMA integrity_check").fetchone()[0]
        foreign = self.connection.execute("PRAGMA foreign_key_check").fetchall()
        fts = "ok"
        try:
            for table in ("passages_fts", "items_fts"):  # each index against its content
                self.connection.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as error:
            fts = str(error)
        return {"integrity": integrity, "foreign_keys": len(foreign), "fts": fts}


def count_facets(connection: sqlite3.Connection, sql: str, params: list[Any]) -> Facets:
    """Run a facet statement (``SQLiteArchive._facet_statement``): the counts by facet,
    the total, and whether they are estimates, scaled up from the sample if there was one."""
    rows = connection.execute(sql, params).fetchall()
    threshold = next(count for facet, _, count in rows if facet == "threshold")
    scale = _SAMPLE_MODULUS / threshold
    counted: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for facet, value, count in sorted(rows, key=lambda row: (-row[2], row[1] or "")):
        if facet in counted:
            counted[facet][value] = round(count * scale)
    total = next(count for facet, _, count in rows if facet == "total")
    return counted, round(total * scale), threshold < _SAMPLE_MODULUS


def timed_search(archive: SQLiteArchive, query: str, **options: Any) -> tuple[SearchResult, float]:
    """Run a search and return it with its wall time in milliseconds (for the benchmark)."""
    start = time.perf_counter()
    result = archive.search(query, **options)
    return result, (time.perf_counter() - start) * 1000


def date_bound(text: str, end: bool = False) -> str:
    """A --from/--to value as an inclusive ``YYYY-MM-DD``: a year or month means its first
    (or, with ``end``, last) day. Raises ValueError with a sentence.

    Example:
        >>> date_bound("2024"), date_bound("2024-02", end=True), date_bound("2024-03-05")
        ('2024-01-01', '2024-02-29', '2024-03-05')
    """
    import calendar
    import re

    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match.group(1))
    month = int(match.group(2) or (12 if end else 1))
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    last = calendar.monthrange(year, month)[1]
    day = int(match.group(3) or (last if end else 1))
    if not 1 <= day <= last:
        raise ValueError(f"'{text}' has no day {day}")
    return f"{year:04d}-{month:02d}-{day:02d}"
