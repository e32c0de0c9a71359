"""Reading the PostgreSQL archive besides search: who-said, amounts, actors, one item
(``show``), the export and an import run's report, by the same rules as queries.py: the
same rows, shaped by the same pure functions (queries.item_view, statement_view,
amount_view, actor_views), so both backends print the same. Rows are ordered by text
with ``COLLATE "C"``, byte order, as SQLite orders them whatever the database's locale."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from referat.archive.pg_query import exclude_sql, match_sql
from referat.archive.pg_search import PgSearching
from referat.archive.public import public_view
from referat.archive.queries import ITEM_FACTS, actor_views, amount_view, item_view, statement_view
from referat.archive.query import Query, QueryError, parse_query
from referat.archive.types import ALL_AMOUNTS, AmountFilters, ArchiveError, SearchFilters
from referat.models import Document

# queries.ITEM_FACTS with PostgreSQL's placeholder (their only parameter is the item's id).
_ITEM_FACTS = {name: sql.replace("?", "%s") for name, sql in ITEM_FACTS.items()}


class PgQueries(PgSearching):
    """who-said (:meth:`statements_by`), :meth:`amounts`, :meth:`actors`, :meth:`item`,
    :meth:`export` and :meth:`run_report` (see queries.Queries)."""

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
               ORDER BY i.id <> %(kept)s, d.path COLLATE "C"
            """,
            {"kept": kept_id, "number": number},
        )
        return [{"item": key, "path": path, "pages": [first, last]} for key, path, first, last in rows]

    def export(
        self, what: Literal["documents", "items"] = "documents", public: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Every stored Document as its JSON, or one flat row per item (queries.Queries.export)."""
        if what == "documents":
            documents = 'SELECT json, closed_text FROM documents ORDER BY path COLLATE "C"'
            for text, closed in self.connection.execute(documents):
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
               ORDER BY d.path COLLATE "C", m.ordinal, i.ordinal"""
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

    def statements_by(
        self,
        actor: str,
        about: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        public: bool = False,
    ) -> tuple[str, list[dict[str, Any]]]:
        """Statements and positions by one actor, oldest meeting first (queries.Queries.statements_by)."""
        canonical = self.resolve_actor(actor)
        params: list[Any] = [canonical, canonical]
        where = ""
        for value, condition in ((date_from, " AND m.date >= %s"), (date_to, " AND m.date <= %s")):
            if value:
                where += condition
                params.append(value)
        where += " AND i.access <> 'closed'" if public else ""
        where += " AND i.same_as IS NULL"  # an item's copy in another file of the meeting: counted once
        if about:
            parsed = _parsed(about)
            match, match_params = match_sql(parsed)
            # its own passage matches, or its item's title does
            where += (
                f" AND EXISTS (SELECT 1 FROM passages p WHERE p.search @@ {match}"
                " AND (p.id = x.passage_id OR (p.item_id = x.item_id AND p.section_kind = 'title')))"
            )
            params += match_params
            where, params = _without_excluded(parsed, where, params, "x.item_id")
        rows = self._dict_rows(
            f"""
            WITH x AS (
                SELECT 'statement' AS type, s.id, s.item_id, s.actor, s.canonical, s.actor_type, s.verb,
                       NULL AS stance, s.text, s.page,
                       (SELECT id FROM passages WHERE item_id = s.item_id AND source = 'statement' AND fact_id = s.id)
                       AS passage_id
                FROM statements s WHERE s.canonical = %s
                UNION ALL
                SELECT 'position', po.id, po.item_id, po.actor, po.canonical, NULL, NULL, po.stance,
                       po.text, NULL,
                       (SELECT id FROM passages WHERE item_id = po.item_id AND source = 'position' AND fact_id = po.id)
                FROM positions po WHERE po.canonical = %s
            )
            SELECT x.*, i.key, i.number, i.title, m.body, m.date, m.kind AS meeting_kind, d.path
            FROM x JOIN items i ON i.id = x.item_id JOIN meetings m ON m.id = i.meeting_id
                   JOIN documents d ON d.id = m.document_id
            WHERE TRUE{where}
            ORDER BY m.date IS NULL, m.date, d.path COLLATE "C", i.ordinal, x.type COLLATE "C" DESC, x.id""",
            params,
        )
        return canonical, [statement_view(row) for row in rows]

    def amounts(self, filters: AmountFilters = ALL_AMOUNTS, limit: int = 100) -> list[dict[str, Any]]:
        """Amounts of money in the items, largest first (queries.Queries.amounts)."""
        where, params = self._filter_sql(
            SearchFilters(body=filters.body, date_from=filters.date_from, date_to=filters.date_to)
        )
        for condition, value in (
            ("a.value >= %s", filters.minimum),
            ("a.value <= %s", filters.maximum),
            ("a.year = %s", filters.year),
        ):
            if value is not None:
                where += f" AND {condition}"
                params.append(value)
        if filters.decided:
            where += " AND EXISTS (SELECT 1 FROM decisions dc WHERE dc.item_id = i.id)"
        if filters.public:
            where += " AND i.access <> 'closed'"
        if filters.about:
            parsed = _parsed(filters.about)
            match, match_params = match_sql(parsed)
            where += f" AND EXISTS (SELECT 1 FROM passages p WHERE p.item_id = i.id AND p.search @@ {match})"
            params += match_params
            where, params = _without_excluded(parsed, where, params, "i.id")
        rows = self._dict_rows(
            f"""SELECT a.text, a.value, a.currency, a.qualifier, a.year, i.key, i.number, i.title,
                       (SELECT string_agg(coalesce(dc.outcome, ''), ',' ORDER BY dc.id) FROM decisions dc
                        WHERE dc.item_id = i.id) AS outcomes,
                       m.body, m.date, m.kind AS meeting_kind, d.path
                FROM amounts a JOIN items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id
                     JOIN documents d ON d.id = m.document_id
                WHERE TRUE{where}
                ORDER BY a.value DESC, m.date, d.path COLLATE "C", i.ordinal, a.id
                LIMIT %s""",
            [*params, limit],
        )
        return [amount_view(row) for row in rows]

    def actors(self, public: bool = False, roles: bool = False) -> list[dict[str, Any]]:
        """Canonical actors with their numbers of statements, positions and meetings (queries.Queries.actors)."""
        open_only = " WHERE i.same_as IS NULL" + (" AND i.access <> 'closed'" if public else "")
        rows = self._dict_rows(
            f"""
            SELECT canonical, count(*) FILTER (WHERE type = 'statement') AS statements,
                   count(*) FILTER (WHERE type = 'position') AS positions,
                   count(DISTINCT meeting_id) AS meetings, string_agg(DISTINCT actor, ',') AS spellings
            FROM (SELECT 'statement' AS type, s.canonical, s.actor, i.meeting_id
                  FROM statements s JOIN items i ON i.id = s.item_id{open_only}
                  UNION ALL
                  SELECT 'position', p.canonical, p.actor, i.meeting_id
                  FROM positions p JOIN items i ON i.id = p.item_id{open_only}) AS facts
            GROUP BY canonical ORDER BY count(*) DESC, canonical COLLATE "C"
            """
        )
        return actor_views(rows, roles)


def _parsed(query: str) -> Query:
    try:
        return parse_query(query)
    except QueryError as error:
        raise ArchiveError(str(error)) from None


def _without_excluded(parsed: Query, where: str, params: list[Any], item_id: str) -> tuple[str, list[Any]]:
    """``-word``: no item that holds it in any passage."""
    excluded = exclude_sql(parsed)
    if excluded is None:
        return where, params
    sql, excluded_params = excluded
    return (
        where + f" AND NOT EXISTS (SELECT 1 FROM passages xp WHERE xp.item_id = {item_id} AND xp.search @@ {sql})",
        params + excluded_params,
    )
