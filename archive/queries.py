"""Reading the archive besides search: who said what, amounts, actors, one item, the
export, row counts and the integrity check."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

from referat.archive.core import ArchiveCore
from referat.archive.public import public_view
from referat.archive.query import parse_query
from referat.archive.text import QueryError
from referat.archive.types import ALL_AMOUNTS, AmountFilters, ArchiveError, SearchFilters
from referat.data.gazetteer import is_role
from referat.models import Document

# An item's facts for ``show``, each read by one statement on the item's id: the same
# statements on both backends (pg_queries.py binds them with %s).
ITEM_FACTS = {
    "text": "SELECT text FROM passages WHERE item_id = ? AND source = 'text' ORDER BY id",
    "sections": "SELECT kind, heading, text, first_page, last_page FROM sections WHERE item_id = ? ORDER BY ordinal",
    "decisions": "SELECT text, outcome FROM decisions WHERE item_id = ? ORDER BY ordinal",
    "statements": "SELECT actor, canonical, actor_type, verb, text, page FROM statements"
    " WHERE item_id = ? ORDER BY ordinal",
    "positions": "SELECT actor, canonical, stance, text, votes FROM positions WHERE item_id = ? ORDER BY ordinal",
    # (unanimous is stored 0 or 1; shown as stored)
    "votes": "SELECT text, in_favour, against, abstained, unanimous FROM votes WHERE item_id = ? ORDER BY ordinal",
    "entities": "SELECT text, label, canonical, page FROM entities WHERE item_id = ? ORDER BY id",
    "dates": 'SELECT text, kind, start, "end", precision FROM dates WHERE item_id = ? ORDER BY id',
    "amounts": "SELECT text, value, currency, qualifier, year FROM amounts WHERE item_id = ? ORDER BY id",
}


def item_view(
    row: dict[str, Any],
    facts: dict[str, list[dict[str, Any]]],
    sources: list[dict[str, Any]],
    subitems: list[str],
    public: bool = False,
) -> dict[str, Any]:
    """What ``show`` gives of an item: its row (with its meeting's and document's columns),
    its facts (ITEM_FACTS' rows), the files that hold it and its sub-items' keys. With
    ``public``, a closed item keeps only its number, title and decision outcomes (what
    public_view keeps: it may be stored whole, --include-closed)."""
    if public and row["access"] == "closed":
        outcomes = [{"text": "", "outcome": decision["outcome"]} for decision in facts["decisions"]]
        facts = {name: outcomes if name == "decisions" else [] for name in facts}
        row = {**row, "responsible": None, "case_numbers": "[]", "recommendations": "[]", "attachments": "[]"}
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
        "same_as": row["kept_key"],
        "sources": sources,
        "text": "\n".join(fact["text"] for fact in facts["text"]) or None,
        **{name: rows for name, rows in facts.items() if name != "text"},
        "subitems": subitems,
    }


def statement_view(row: Mapping[str, Any]) -> dict[str, Any]:
    """A who-said row (a statement or a position with its item and meeting) as shown."""
    return {
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


def amount_view(row: Mapping[str, Any]) -> dict[str, Any]:
    """An amount with its item and meeting as shown; ``outcomes`` are its item's decisions'
    outcomes joined by commas ('' for none), or None when it has no decision."""
    return {
        "text": row["text"],
        "value": row["value"],
        "currency": row["currency"],
        "qualifier": row["qualifier"],
        "year": row["year"],
        "item": row["key"],
        "number": row["number"],
        "title": row["title"],
        "decisions": [outcome or None for outcome in row["outcomes"].split(",")] if row["outcomes"] is not None else [],
        "body": row["body"],
        "date": row["date"],
        "meeting_kind": row["meeting_kind"],
        "path": row["path"],
    }


def actor_views(rows: Iterable[Mapping[str, Any]], roles: bool) -> list[dict[str, Any]]:
    """The actors' rows (canonical name, counts, spellings joined by commas) as listed: the
    actors, or with ``roles`` only the role nouns and pronouns."""
    return [
        {
            "actor": r["canonical"],
            "statements": r["statements"],
            "positions": r["positions"],
            "meetings": r["meetings"],
            "as_printed": sorted(set((r["spellings"] or "").split(","))),
        }
        for r in rows
        if is_role(r["canonical"]) == roles
    ]


class Queries(ArchiveCore):
    """who-said (:meth:`statements_by`), :meth:`amounts`, :meth:`actors`, :meth:`item`,
    :meth:`export`, :meth:`counts`, :meth:`run_report` and :meth:`check`."""

    def counts(self) -> dict[str, int]:
        """Rows per main table.

        Example:
            >>> from referat.archive import open_archive
            >>> with open_archive(":memory:") as archive:
            ...     sorted(archive.counts())[:3]
            ['documents', 'import_errors', 'items']
        """
        tables = ["documents", "meetings", "items", "sections", "statements", "positions", "votes"]
        tables += ["passages", "import_errors"]
        return {table: self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}

    def run_report(self, run_id: int | None = None) -> dict[str, Any]:
        """What an import run could not do or did not understand: its failures (file, reason)
        and the warnings of the documents it stored (file, warning); the latest run by default.

        Example:
            >>> from referat.archive import open_archive
            >>> with open_archive(":memory:") as archive:
            ...     archive.run_report()
            {'run': None, 'failures': [], 'warnings': []}
        """
        if run_id is None:
            row = self.connection.execute("SELECT max(id) FROM import_runs").fetchone()
            run_id = row[0] if row else None
        if run_id is None:
            return {"run": None, "failures": [], "warnings": []}
        failures = self.connection.execute(
            "SELECT path, reason FROM import_errors WHERE run_id = ? ORDER BY id", (run_id,)
        ).fetchall()
        warnings = self.connection.execute(
            "SELECT documents.path, warning.value FROM documents, json_each(documents.json, '$.warnings') AS warning"
            " WHERE documents.run_id = ? ORDER BY documents.id, warning.key",
            (run_id,),
        ).fetchall()
        return {
            "run": run_id,
            "failures": [{"path": path, "reason": reason} for path, reason in failures],
            "warnings": [{"path": path, "warning": warning} for path, warning in warnings],
        }

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
        where += " AND i.same_as IS NULL"  # an item's copy in another file of the meeting: counted once
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
            if parsed.exclude_items is not None:  # -word: no item that holds it (closed ones are left out anyway)
                about_sql += " AND x.item_id NOT IN (SELECT rowid FROM items_fts WHERE items_fts MATCH :exclude)"
        sql = f"""
            WITH x AS (
                SELECT 'statement' AS type, s.id, s.item_id, s.actor, s.canonical, s.actor_type, s.verb, NULL AS stance,
                       s.text, s.page,
                       (SELECT id FROM passages WHERE item_id = s.item_id AND source = 'statement' AND fact_id = s.id)
                       AS passage_id
                FROM statements s WHERE s.canonical = :canonical
                UNION ALL
                SELECT 'position', po.id, po.item_id, po.actor, po.canonical, NULL, NULL, po.stance,
                       po.text, NULL,
                       (SELECT id FROM passages WHERE item_id = po.item_id AND source = 'position' AND fact_id = po.id)
                FROM positions po WHERE po.canonical = :canonical
            )
            SELECT x.*, i.key, i.number, i.title, m.body, m.date, m.kind AS meeting_kind, d.path
            FROM x JOIN items i ON i.id = x.item_id JOIN meetings m ON m.id = i.meeting_id
                   JOIN documents d ON d.id = m.document_id
            WHERE 1{where}{about_sql}
            ORDER BY m.date IS NULL, m.date, d.path, i.ordinal, x.type DESC, x.id"""
        if about:
            named["match"], named["exclude"] = parsed.match, parsed.exclude_items
        rows = self.connection.execute(sql, named).fetchall()
        return canonical, [statement_view(row) for row in rows]

    def amounts(self, filters: AmountFilters = ALL_AMOUNTS, limit: int = 100) -> list[dict[str, Any]]:
        """Amounts of money in the items, largest first, with their item and meeting:
        "all decisions with an amount over 100 mio. kr." is ``AmountFilters(minimum=1e8, decided=True)``.

        Example:
            >>> from referat.extract import extract_bytes
            >>> from referat.archive import open_archive
            >>> text = "Punkt 1 Anlægsbudget\\nBeslutning\\nByrådet bevilgede 175 mio. kr. i 2026.\\n"
            >>> with open_archive(":memory:") as archive:
            ...     _ = archive.store_document(extract_bytes("m.txt", text.encode()))
            ...     rows = archive.amounts(AmountFilters(minimum=1e8, decided=True))
            >>> [(row["value"], row["year"], row["title"]) for row in rows]
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
                about = parse_query(filters.about)
            except QueryError as error:
                raise ArchiveError(str(error)) from None
            where += (
                " AND i.id IN (SELECT p.item_id FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid"
                " WHERE passages_fts MATCH ?)"
            )
            params.append(about.match)
            if about.exclude_items is not None:  # -word: no item that holds it
                where += " AND i.id NOT IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)"
                params.append(about.exclude_items)
        rows = self.connection.execute(
            f"""SELECT a.text, a.value, a.currency, a.qualifier, a.year, i.key, i.number, i.title,
                       (SELECT group_concat(coalesce(dc.outcome, ''), ',') FROM decisions dc WHERE dc.item_id = i.id)
                       AS outcomes,
                       m.body, m.date, m.kind AS meeting_kind, d.path
                FROM amounts a JOIN items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id
                     JOIN documents d ON d.id = m.document_id
                WHERE 1{where}
                ORDER BY a.value DESC, m.date, d.path, i.ordinal, a.id
                LIMIT ?""",
            [*params, limit],
        ).fetchall()
        return [amount_view(row) for row in rows]

    def actors(self, public: bool = False, roles: bool = False) -> list[dict[str, Any]]:
        """Canonical actors with their numbers of statements, positions and meetings, most
        active first; with ``public``, none from closed items. Role nouns and pronouns the
        document did not resolve ("Udvalget", "Formanden", "han") are no actors: with
        ``roles`` only they are listed."""
        # (an item's copy in another file of the same meeting is counted once: same_meeting.py)
        open_only = " WHERE i.same_as IS NULL" + (" AND i.access <> 'closed'" if public else "")
        rows = self.connection.execute(
            f"""
            SELECT canonical, sum(type = 'statement') AS statements, sum(type = 'position') AS positions,
                   count(DISTINCT meeting_id) AS meetings, group_concat(DISTINCT actor) AS spellings
            FROM (SELECT 'statement' AS type, s.canonical, s.actor, i.meeting_id
                  FROM statements s JOIN items i ON i.id = s.item_id{open_only}
                  UNION ALL
                  SELECT 'position', p.canonical, p.actor, i.meeting_id
                  FROM positions p JOIN items i ON i.id = p.item_id{open_only})
            GROUP BY canonical ORDER BY statements + positions DESC, canonical"""
        ).fetchall()
        return actor_views(rows, roles)

    def item(self, key: str, public: bool = False) -> dict[str, Any] | None:
        """One item with its meeting, source and every fact, by key (or numeric id); with
        ``public``, a closed item with only its number, title and decision outcomes."""
        row = self.connection.execute(
            """SELECT i.*, m.body, m.organisation, m.date, m.kind AS meeting_kind, m.title AS meeting_title,
                      d.path, d.sha256,
                      (SELECT key FROM items WHERE id = i.parent_id) AS parent,
                      (SELECT key FROM items WHERE id = i.same_as) AS kept_key
               FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = m.document_id
               WHERE i.key = ? OR (i.id = ? AND ? GLOB '[0-9]*')""",
            (key, key, key),
        ).fetchone()
        if row is None:
            return None
        item_id = row["id"]
        facts = {name: [dict(r) for r in self.connection.execute(sql, (item_id,))] for name, sql in ITEM_FACTS.items()}
        subitems = [
            r[0]
            for r in self.connection.execute("SELECT key FROM items WHERE parent_id = ? ORDER BY ordinal", (item_id,))
        ]
        return item_view(dict(row), facts, self._sources(row["same_as"] or item_id, row["number"]), subitems, public)

    def _sources(self, kept_id: int, number: str) -> list[dict[str, Any]]:
        """Every file that holds the item (the kept copy first): its path, pages and item key."""
        rows = self.connection.execute(
            """SELECT i.key, d.path, i.first_page, i.last_page
               FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = m.document_id
               WHERE i.id = :kept OR (i.same_as = :kept AND i.number = :number)
               ORDER BY i.id <> :kept, d.path""",
            {"kept": kept_id, "number": number},
        )
        return [{"item": key, "path": path, "pages": [first, last]} for key, path, first, last in rows]

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
                      (SELECT count(*) FROM statements WHERE item_id = i.id) AS statements,
                      (SELECT key FROM items WHERE id = i.same_as) AS same_as
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
            # The passage indexes against their content; the item index against itself (its
            # content table is declared as ``items``, which holds no text: schema.py's
            # ITEMS_FTS_V10) and row for row against the items.
            self.connection.execute("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)")
            self.connection.execute(
                "INSERT INTO passages_sample_fts(passages_sample_fts, rank) VALUES ('integrity-check', 1)"
            )
            self.connection.execute("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 0)")
            unindexed, orphaned = self.connection.execute(
                "SELECT (SELECT count(*) FROM items WHERE id NOT IN (SELECT id FROM items_fts_docsize)),"
                " (SELECT count(*) FROM items_fts_docsize WHERE id NOT IN (SELECT id FROM items))"
            ).fetchone()
            if unindexed or orphaned:
                fts = f"items_fts: {unindexed} items not indexed, {orphaned} index rows without their item"
        except sqlite3.DatabaseError as error:
            fts = str(error)
        return {"integrity": integrity, "foreign_keys": len(foreign), "fts": fts}
