"""Browsing the PostgreSQL archive (``referat serve``'s pages): bodies and their meetings,
one meeting, where an item is kept and a document's file, as browse.py gives them for
SQLite (the same columns; a meeting shaped by browse.meeting_view). Text is ordered with
``COLLATE "C"``, byte order, as SQLite orders it."""

from __future__ import annotations

from typing import Any

from referat.archive.browse import meeting_view
from referat.archive.pg_queries import PgQueries
from referat.archive.pg_schema import INDEX_WORDS as _INDEX_WORDS


class PgBrowsing(PgQueries):
    """:meth:`bodies`, :meth:`meetings_of`, :meth:`meeting`, :meth:`item_place`, :meth:`document_file`,
    and :meth:`check`."""

    def bodies(self) -> list[dict[str, Any]]:
        """Every meeting body with its organisation, number of meetings, first and last date."""
        return self._dict_rows(
            """SELECT body, organisation, count(*) AS meetings, min(date) AS first, max(date) AS last
               FROM meetings WHERE body IS NOT NULL
               GROUP BY body, organisation
               ORDER BY meetings DESC, body COLLATE "C", organisation COLLATE "C" NULLS FIRST"""
        )

    def meetings_of(self, body: str, organisation: str | None = None) -> list[dict[str, Any]]:
        """The meetings of one body, newest first, each with its number of kept items and its document."""
        where = "m.body = %s" + (" AND coalesce(m.organisation, '') = %s" if organisation is not None else "")
        params: list[Any] = [body] + ([organisation] if organisation is not None else [])
        return self._dict_rows(
            f"""SELECT m.id, m.body, m.organisation, m.kind, m.title, m.date, m.start_time, m.location,
                       d.path, d.sha256,
                       (SELECT count(*) FROM items i WHERE i.meeting_id = m.id AND i.same_as IS NULL) AS items
                FROM meetings m JOIN documents d ON d.id = m.document_id
                WHERE {where}
                ORDER BY m.date IS NULL, m.date DESC, d.path COLLATE "C", m.ordinal""",
            params,
        )

    def meeting(self, meeting_id: int) -> dict[str, Any] | None:
        """One meeting with its document and its items in order, or None."""
        found = self._dict_rows(
            """SELECT m.*, d.path, d.sha256, d.media_type, d.closed_text, d.pages AS document_pages
               FROM meetings m JOIN documents d ON d.id = m.document_id WHERE m.id = %s""",
            (meeting_id,),
        )
        if not found:
            return None
        items = self._dict_rows(
            """SELECT i.key, i.number, i.title, i.access, i.first_page, i.last_page,
                      (SELECT key FROM items WHERE id = i.parent_id) AS parent,
                      (SELECT key FROM items WHERE id = i.same_as) AS same_as,
                      (SELECT string_agg(outcome, ',' ORDER BY dc.id) FROM decisions dc
                       WHERE dc.item_id = i.id) AS outcomes
               FROM items i WHERE i.meeting_id = %s ORDER BY i.ordinal""",
            (meeting_id,),
        )
        return meeting_view(found[0], items)

    def item_place(self, key: str) -> dict[str, Any] | None:
        """Where an item is kept (its meeting, its document) and its attachment files."""
        found = self._dict_rows(
            """SELECT i.id, i.meeting_id, d.sha256, d.media_type FROM items i JOIN meetings m ON m.id = i.meeting_id
               JOIN documents d ON d.id = m.document_id WHERE i.key = %s""",
            (key,),
        )
        if not found:
            return None
        place = found[0]
        place["attachment_files"] = self._dict_rows(
            'SELECT sha256, path FROM documents WHERE attachment_of = %s ORDER BY path COLLATE "C"',
            (place.pop("id"),),
        )
        return place

    def document_file(self, sha256: str) -> dict[str, Any] | None:
        """The stored document with this sha256: its path, media type and closed_text."""
        found = self._dict_rows(
            "SELECT path, media_type, sha256, closed_text FROM documents WHERE sha256 = %s", (sha256,)
        )
        return found[0] if found else None

    def check(self) -> dict[str, Any]:
        """Integrity, in the shape of the SQLite archive's check: PostgreSQL checksums and
        keeps its own pages and enforces the foreign keys, so what is checked is what could
        be left broken: an index a failed build left invalid (``integrity``), a foreign key
        not validated (``foreign_keys``), and the ``words`` table of "did you mean" against
        the passages' own words (``fts``: "ok", or how many words it counts wrong). Reads
        every passage's tsvector: as long as a full search of the archive."""
        invalid = self.connection.execute(
            """SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_index x
               JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = current_schema() AND NOT (x.indisvalid AND x.indisready)"""
        ).fetchone()[0]
        foreign = self.connection.execute(
            """SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
               WHERE n.nspname = current_schema() AND c.contype = 'f' AND NOT c.convalidated"""
        ).fetchone()[0]
        wrong = self.connection.execute(
            f"""SELECT count(*) FROM ({_INDEX_WORDS}) s FULL JOIN (SELECT * FROM words WHERE passages <> 0) w
                ON w.word = s.word WHERE w.passages IS DISTINCT FROM s.ndoc"""
        ).fetchone()[0]
        return {
            "integrity": "ok" if invalid is None else f"invalid indexes: {invalid}",
            "foreign_keys": int(foreign),
            "fts": "ok" if not wrong else f"words: {wrong} words counted wrong (of the passages' own words)",
        }
