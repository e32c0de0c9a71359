"""The rows one document writes, the same for every back end: which columns each table gets
and the values of an item's facts, with the SQL that inserts them in a back end's
placeholder style ("?" for SQLite, "%s" for PostgreSQL). The back ends differ only in how
they run the statements and learn the new rows' ids (write.py, pg_store.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from referat.archive.prepare import PreparedDocument, PreparedItem, PreparedMeeting

DOCUMENT_COLUMNS = (
    "sha256", "path", "media_type", "pages", "imported_at", "run_id", "json", "closed_text", "personal_data",
    "extracted_by",
)  # fmt: skip

MEETING_COLUMNS = (
    "document_id", "ordinal", "body", "organisation", "kind", "title", "date", "start_time", "location",
    "case_numbers", "participants", "first_page", "last_page",
)  # fmt: skip

ITEM_COLUMNS = (
    "key", "meeting_id", "parent_id", "ordinal", "number", "title", "access", "responsible", "case_numbers",
    "recommendations", "attachments", "first_page", "last_page",
)  # fmt: skip
PASSAGE_COLUMNS = (
    "item_id", "source", "fact_id", "section_kind", "heading", "actor", "page", "text", "indexed_text", "stems",
    "parts",
)  # fmt: skip

# An item's facts by table: the columns after (item_id, ordinal).
FACT_COLUMNS = {
    "sections": ("kind", "heading", "text", "first_page", "last_page"),
    "decisions": ("text", "outcome"),
    "statements": ("actor", "canonical", "actor_type", "verb", "text", "page"),
    "positions": ("actor", "canonical", "stance", "text", "votes"),
    "votes": ("text", "in_favour", "against", "abstained", "unanimous"),
}
# Facts not searched as passages, stored without an ordinal: the columns after item_id.
LOOKUP_COLUMNS = {
    "entities": ("text", "label", "canonical", "page"),
    "dates": ("text", "kind", "start", '"end"', "precision"),
    "amounts": ("text", "value", "currency", "qualifier", "year"),
}


def insert_sql(table: str, columns: tuple[str, ...], mark: str) -> str:
    """An INSERT of ``columns`` into ``table`` in a back end's placeholder style.

    Example:
        >>> insert_sql("decisions", ("item_id", "ordinal", *FACT_COLUMNS["decisions"]), "%s")
        'INSERT INTO decisions (item_id, ordinal, text, outcome) VALUES (%s, %s, %s, %s)'
    """
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"


def fact_sql(table: str, mark: str) -> str:
    """The INSERT of one of an item's facts: item_id, ordinal, then the fact's columns."""
    return insert_sql(table, ("item_id", "ordinal", *FACT_COLUMNS[table]), mark)


def lookup_sql(table: str, mark: str) -> str:
    return insert_sql(table, ("item_id", *LOOKUP_COLUMNS[table]), mark)


def document_row(
    document: PreparedDocument, path: str, run_id: int | None, imported_at: str, extracted_by: str
) -> tuple[Any, ...]:
    """A documents row in DOCUMENT_COLUMNS order."""
    return (
        document.sha256, path, document.media_type, document.pages, imported_at, run_id, document.json,
        document.closed_text, document.personal_data, extracted_by,
    )  # fmt: skip


def meeting_row(
    document_id: int | None, ordinal: int, body: str | None, organisation: str | None, meeting: PreparedMeeting
) -> tuple[Any, ...]:
    """A meetings row in MEETING_COLUMNS order (the body and organisation as the archive spells them)."""
    return (
        document_id, ordinal, body, organisation, meeting.kind, meeting.title, meeting.date, meeting.start_time,
        meeting.location, meeting.case_numbers, meeting.participants, *meeting.pages,
    )  # fmt: skip


@dataclass(frozen=True)
class ItemFactRows:
    """An item's fact rows by table (without item_id and ordinal), and the actor each
    statement's and position's passage names: an actor that is the meeting's own body
    ("Sogneraadet" in Sognerådet's book) goes by the body's stored name."""

    rows: dict[str, list[tuple[Any, ...]]]
    statement_names: list[str]
    position_names: list[str]

    def by_source(
        self, sections: list[int], decisions: list[int], statements: list[int], positions: list[int]
    ) -> dict[str, list[tuple[int, str | None]]]:
        """Given the new rows' ids: by passage source, each fact's id and the actor its passage names."""
        return {
            "section": [(fact, None) for fact in sections],
            "decision": [(fact, None) for fact in decisions],
            "statement": list(zip(statements, self.statement_names, strict=True)),
            "position": list(zip(positions, self.position_names, strict=True)),
        }


def item_fact_rows(item: PreparedItem, body: str | None) -> ItemFactRows:
    statement_names = [body if row[1] and body else row[2] for row in item.statements]
    position_names = [body if row[1] and body else row[2] for row in item.positions]
    rows: dict[str, list[tuple[Any, ...]]] = {
        "sections": list(item.sections),
        "decisions": list(item.decisions),
        "statements": [(row[0], name, *row[3:]) for row, name in zip(item.statements, statement_names, strict=True)],
        "positions": [(row[0], name, *row[3:]) for row, name in zip(item.positions, position_names, strict=True)],
        "votes": list(item.votes),
        "entities": list(item.entities),
        "dates": list(item.dates),
        "amounts": list(item.amounts),
    }
    return ItemFactRows(rows, statement_names, position_names)


def item_row(key: str, meeting_id: int, parent_id: int | None, ordinal: int, item: PreparedItem) -> tuple[Any, ...]:
    """An items row in ITEM_COLUMNS order."""
    return (
        key, meeting_id, parent_id, ordinal, item.number, item.title, item.access, item.responsible,
        item.case_numbers, item.recommendations, item.attachments, *item.pages,
    )  # fmt: skip


def passage_rows(
    item: PreparedItem, item_id: int, facts: dict[str, list[tuple[int, str | None]]]
) -> list[tuple[Any, ...]]:
    """The item's passages rows in PASSAGE_COLUMNS order, each pointing at its fact's new id
    and naming the actor the fact's row names (``ItemFactRows.by_source``)."""
    return [
        (
            item_id,
            source,
            None if fact is None else facts[source][fact][0],
            kind,
            heading,
            None if fact is None else facts[source][fact][1],
            *rest,
        )
        for source, fact, kind, heading, *rest in item.passages
    ]
