"""Reading the PostgreSQL archive besides search: one item (``show``), the export and an
import run's report, by the same rules as queries.py: the item's facts are read by the
same statements (queries.ITEM_FACTS) and shaped by the same function (queries.item_view)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from referat.archive.pg_search import PgSearching
from referat.archive.public import public_view
from referat.archive.queries import ITEM_FACTS, item_view
from referat.models import Document

# queries.ITEM_FACTS with PostgreSQL's placeholder (their only parameter is the item's id).
_ITEM_FACTS = {name: sql.replace("?", "%s") for name, sql in ITEM_FACTS.items()}


class PgQueries(PgSearching):
    """:meth:`item`, :meth:`export` and :meth:`run_report` (see queries.Queries)."""

    def _dict_rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        from psycopg.rows import dict_row

        with self.connection.cursor(row_factory=dict_row) as cursor:
            return cursor.execute(sql, params).fetchall()

    def item(self, key: str, public: bool = False) -> dict[str, Any] | None:
        """One item with its meeting, source and every fact, by key (or numeric id)."""
        found = self._dict_rows(
            """SELECT i.*, m.body, m.organisation, m.date, m.kind AS meeting_kind, m.title AS meeting_title,
                      d.path, d.sha256,
                      (SELECT key FROM items WHERE id = i.parent_id) AS parent,
                      (SELECT key FROM items WHERE id = i.same_as) AS kept_key
               FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = m.document_id
               WHERE i.key = %s OR i.id::text = %s""",
            (key, key),
        )
        if not found:
            return None
        row = found[0]
        item_id = row["id"]
        facts = {name: self._dict_rows(sql, (item_id,)) for name, sql in _ITEM_FACTS.items()}
        subitems = [
            subitem
            for (subitem,) in self.connection.execute(
                "SELECT key FROM items WHERE parent_id = %s ORDER BY ordinal", (item_id,)
            )
        ]
        return item_view(row, facts, self._sources(row["same_as"] or item_id, row["number"]), subitems, public)

    def _sources(self, kept_id: int, number: str) -> list[dict[str, Any]]:
        """Every file that holds the item (the kept copy first): its path, pages and item key."""
        rows = self.connection.execute(
            """SELECT i.key, d.path, i.first_page, i.last_page
               FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = m.document_id
               WHERE i.id = %(kept)s OR (i.same_as = %(kept)s AND i.number = %(number)s)
               ORDER BY i.id <> %(kept)s, d.path""",
            {"kept": kept_id, "number": number},
        )
        return [{"item": key, "path": path, "pages": [first, last]} for key, path, first, last in rows]

    def export(
        self, what: Literal["documents", "items"] = "documents", public: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Every stored Document as its JSON, or one flat row per item (queries.Queries.export)."""
        if what == "documents":
            for text, closed in self.connection.execute("SELECT json, closed_text FROM documents ORDER BY path"):
                if public and closed != "none":
                    yield public_view(Document.model_validate_json(text)).model_dump(mode="json")
                else:
                    yield json.loads(text)
            return
        for row in self._dict_rows(
            """SELECT i.key AS item, d.path, d.sha256, m.body, m.organisation, m.date, m.kind AS meeting_kind,
                      i.number, i.title, i.access, i.case_numbers, i.first_page, i.last_page,
                      (SELECT string_agg(kind, ' ' ORDER BY id) FROM sections WHERE item_id = i.id) AS sections,
                      (SELECT string_agg(nullif(text, ''), ' | ' ORDER BY id) FROM decisions
                       WHERE item_id = i.id) AS decisions,
                      (SELECT string_agg(outcome, ' ' ORDER BY id) FROM decisions WHERE item_id = i.id) AS outcomes,
                      (SELECT count(*) FROM statements WHERE item_id = i.id) AS statements,
                      (SELECT key FROM items WHERE id = i.same_as) AS same_as
               FROM items i JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = m.document_id
               ORDER BY d.path, m.ordinal, i.ordinal"""
        ):
            if public and row["access"] == "closed":
                row.update(case_numbers="[]", sections=None, decisions=None, statements=0)
            yield row

    def run_report(self, run_id: int | None = None) -> dict[str, Any]:
        """An import run's failures and its stored documents' warnings (the latest run by default)."""
        if run_id is None:
            run_id = self.connection.execute("SELECT max(id) FROM import_runs").fetchone()[0]
        if run_id is None:
            return {"run": None, "failures": [], "warnings": []}
        failures = self.connection.execute(
            "SELECT path, reason FROM import_errors WHERE run_id = %s ORDER BY id", (run_id,)
        ).fetchall()
        warnings = self.connection.execute(
            "SELECT d.path, warning.value FROM documents d,"
            " json_array_elements_text(d.json::json -> 'warnings') WITH ORDINALITY AS warning(value, key)"
            " WHERE d.run_id = %s ORDER BY d.id, warning.key",
            (run_id,),
        ).fetchall()
        return {
            "run": run_id,
            "failures": [{"path": path, "reason": reason} for path, reason in failures],
            "warnings": [{"path": path, "warning": warning} for path, warning in warnings],
        }
