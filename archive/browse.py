"""Browsing the archive rather than searching it: bodies and their meetings over time, one
meeting with its items, and the stored file of a document (for ``referat serve``).

Every item counted here is a kept item: a copy of an item another file of the same
meeting holds (``items.same_as``) is listed once, through the kept one.
"""

from __future__ import annotations

import json
from typing import Any

from referat.archive.core import ArchiveCore


def meeting_view(row: dict[str, Any], items: list[dict[str, Any]]) -> dict[str, Any]:
    """A meeting's row (with its document's columns) and its items' rows (their decisions'
    outcomes joined by commas) as :meth:`Browsing.meeting` gives them; both backends' rows."""
    meeting = dict(row)
    meeting["case_numbers"] = json.loads(meeting["case_numbers"])
    meeting["participants"] = json.loads(meeting["participants"])
    meeting["items"] = [{**item, "outcomes": [o for o in (item["outcomes"] or "").split(",") if o]} for item in items]
    return meeting


class Browsing(ArchiveCore):
    """:meth:`bodies`, :meth:`meetings_of`, :meth:`meeting`, :meth:`item_place` and :meth:`document_file`."""

    def bodies(self) -> list[dict[str, Any]]:
        """Every meeting body with its organisation, its number of meetings and its first
        and last meeting date, the most meetings first.

        Example:
            >>> from referat.extract import extract_bytes
            >>> from referat.archive import open_archive
            >>> text = "Økonomiudvalget\\nMøde den 3. marts 2025\\nPunkt 1 Budget\\nBeslutning\\nGodkendt."
            >>> with open_archive(":memory:") as archive:
            ...     _ = archive.store_document(extract_bytes("m.txt", text.encode()))
            ...     [(row["body"], row["meetings"], row["first"]) for row in archive.bodies()]
            [('Økonomiudvalget', 1, '2025-03-03')]
        """
        rows = self.connection.execute(
            """SELECT body, organisation, count(*) AS meetings, min(date) AS first, max(date) AS last
               FROM meetings WHERE body IS NOT NULL
               GROUP BY body, organisation ORDER BY meetings DESC, body, organisation"""
        ).fetchall()
        return [dict(row) for row in rows]

    def meetings_of(self, body: str, organisation: str | None = None) -> list[dict[str, Any]]:
        """The meetings of one body (its exact name, and its organisation when given),
        newest first, each with its number of kept items and its document."""
        where = "m.body = ?" + (" AND coalesce(m.organisation, '') = ?" if organisation is not None else "")
        params: list[Any] = [body] + ([organisation] if organisation is not None else [])
        rows = self.connection.execute(
            f"""SELECT m.id, m.body, m.organisation, m.kind, m.title, m.date, m.start_time, m.location,
                       d.path, d.sha256,
                       (SELECT count(*) FROM items i WHERE i.meeting_id = m.id AND i.same_as IS NULL) AS items
                FROM meetings m JOIN documents d ON d.id = m.document_id
                WHERE {where}
                ORDER BY m.date IS NULL, m.date DESC, d.path, m.ordinal""",
            params,
        ).fetchall()
        return [dict(row) for row in rows]

    def meeting(self, meeting_id: int) -> dict[str, Any] | None:
        """One meeting: its facts, its document and its items in order (number, title,
        access, decision outcomes, parent; a copy says which item is kept), or None."""
        row = self.connection.execute(
            """SELECT m.*, d.path, d.sha256, d.media_type, d.closed_text, d.pages AS document_pages
               FROM meetings m JOIN documents d ON d.id = m.document_id WHERE m.id = ?""",
            (meeting_id,),
        ).fetchone()
        if row is None:
            return None
        items = self.connection.execute(
            """SELECT i.key, i.number, i.title, i.access, i.first_page, i.last_page,
                      (SELECT key FROM items WHERE id = i.parent_id) AS parent,
                      (SELECT key FROM items WHERE id = i.same_as) AS same_as,
                      (SELECT group_concat(outcome, ',') FROM decisions dc WHERE dc.item_id = i.id) AS outcomes
               FROM items i WHERE i.meeting_id = ? ORDER BY i.ordinal""",
            (meeting_id,),
        )
        return meeting_view(dict(row), [dict(item) for item in items])

    def item_place(self, key: str) -> dict[str, Any] | None:
        """Where an item is kept: its meeting's id and its document's sha256 and media type;
        and the attachment files linked to it (``attachment_files``: sha256 and path, see
        attachments.py)."""
        row = self.connection.execute(
            """SELECT i.id, i.meeting_id, d.sha256, d.media_type FROM items i JOIN meetings m ON m.id = i.meeting_id
               JOIN documents d ON d.id = m.document_id WHERE i.key = ?""",
            (key,),
        ).fetchone()
        if row is None:
            return None
        place = dict(row)
        place["attachment_files"] = [
            dict(file)
            for file in self.connection.execute(
                "SELECT sha256, path FROM documents WHERE attachment_of = ? ORDER BY path", (place.pop("id"),)
            )
        ]
        return place

    def document_file(self, sha256: str) -> dict[str, Any] | None:
        """The stored document with this sha256: its path as imported, its media type and
        what the archive holds of its closed items (``closed_text``)
        (None when the archive holds no such document)."""
        row = self.connection.execute(
            "SELECT path, media_type, sha256, closed_text FROM documents WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return None if row is None else dict(row)
