"""Inserting one prepared document into the PostgreSQL archive in few round trips.

Row by row, with ``RETURNING id`` for every item and fact, an import into PostgreSQL was
one round trip per row: the corpus's 286 documents took 7-10 s to store against SQLite's
2 s. Here the new rows' ids are taken from the tables' sequences in advance (one
statement for the whole document), the rows are built in Python with those ids (by
write_rows.py, as SQLite's), the item keys the archive already holds are asked for in one
statement, and each table's rows go in one ``executemany`` (which psycopg sends as a
pipeline). The order of the statements keeps the foreign keys: meetings, then items
(parents before their sub-items), then their facts, then the passages.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from referat.archive.names import Spellings
from referat.archive.prepare import PreparedDocument, PreparedItem, with_body
from referat.archive.write import EXTRACTOR, ItemKeys, meeting_key
from referat.archive.write_rows import (
    DOCUMENT_COLUMNS,
    FACT_COLUMNS,
    ITEM_COLUMNS,
    LOOKUP_COLUMNS,
    MEETING_COLUMNS,
    PASSAGE_COLUMNS,
    ItemFactRows,
    document_row,
    fact_sql,
    insert_sql,
    item_fact_rows,
    item_row,
    lookup_sql,
    meeting_row,
    passage_rows,
)

# The tables whose new rows get their ids in advance (the others are pointed to by none).
_WITH_IDS = ("meetings", "items", "sections", "decisions", "statements", "positions")


class _PgItemKeys(ItemKeys):
    """ItemKeys with the archive's keys among ``bases`` read in one statement; a suffixed
    key (another file of the same meeting holds the base) is asked for on its own."""

    def __init__(self, connection: Any, bases: list[str]) -> None:
        super().__init__(connection)
        self.asked = set(bases)
        self.held = {key for (key,) in connection.execute("SELECT key FROM items WHERE key = ANY(%s)", (bases,))}

    def _taken(self, key: str) -> bool:
        if key in self.asked:
            return key in self.held
        return self.connection.execute("SELECT 1 FROM items WHERE key = %s", (key,)).fetchone() is not None


@dataclass
class _Item:
    """An item to insert: where it is (its meeting, its parent's place in the list) and its facts."""

    item: PreparedItem
    meeting: int  # index into the document's meetings
    parent: int | None  # index into the items
    base: str  # the key it gets unless another item holds it
    facts: ItemFactRows


def insert_document(
    connection: Any, document: PreparedDocument, path: str, run_id: int | None, imported_at: str, spellings: Spellings
) -> tuple[int, list[int]]:
    """Insert the document's rows (in the caller's transaction); its id and its meetings' ids."""
    document_id = connection.execute(
        insert_sql("documents", DOCUMENT_COLUMNS, "%s") + " RETURNING id",
        document_row(document, path, run_id, imported_at, EXTRACTOR),
    ).fetchone()[0]
    meetings = []
    items: list[_Item] = []
    for meeting_ordinal, meeting in enumerate(document.meetings, start=1):
        organisation, body = spellings.spelled(meeting.organisation, meeting.body)
        meetings.append((meeting_ordinal, body, organisation, with_body(meeting, body)))
        prefix = meeting_key(organisation, body, meeting.date) or f"{document.sha256[:12]}-{meeting_ordinal}"
        for item in meeting.items:
            _flatten(item, len(meetings) - 1, None, prefix, body, items)
    ids = _new_ids(connection, _counts(len(meetings), items))
    rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in (*_WITH_IDS, "votes", *LOOKUP_COLUMNS)}
    rows["passages"] = []
    meeting_ids = [next(ids["meetings"]) for _ in meetings]
    for meeting_id, (ordinal, body, organisation, meeting) in zip(meeting_ids, meetings, strict=True):
        rows["meetings"].append((meeting_id, *meeting_row(document_id, ordinal, body, organisation, meeting)))
    keys = _PgItemKeys(connection, list(dict.fromkeys(entry.base for entry in items)))
    item_ids: list[int] = []
    ordinals = [itertools.count(1) for _ in meetings]
    for entry in items:
        item_id = next(ids["items"])
        item_ids.append(item_id)
        parent = None if entry.parent is None else item_ids[entry.parent]
        key = keys.new(entry.base)
        meeting_id, ordinal = meeting_ids[entry.meeting], next(ordinals[entry.meeting])
        rows["items"].append((item_id, *item_row(key, meeting_id, parent, ordinal, entry.item)))
        fact_ids = {}
        for table in ("sections", "decisions", "statements", "positions"):
            fact_ids[table] = [next(ids[table]) for _ in entry.facts.rows[table]]
            for index, (fact_id, row) in enumerate(zip(fact_ids[table], entry.facts.rows[table], strict=True)):
                rows[table].append((fact_id, item_id, index, *row))
        rows["votes"] += [(item_id, index, *vote) for index, vote in enumerate(entry.facts.rows["votes"])]
        for table in LOOKUP_COLUMNS:  # (not searched as passages)
            rows[table] += [(item_id, *row) for row in entry.facts.rows[table]]
        by_source = entry.facts.by_source(*(fact_ids[t] for t in ("sections", "decisions", "statements", "positions")))
        rows["passages"] += passage_rows(entry.item, item_id, by_source)
    _insert_rows(connection, rows)
    return int(document_id), meeting_ids


def _flatten(
    item: PreparedItem, meeting: int, parent: int | None, prefix: str, body: str | None, items: list[_Item]
) -> None:
    """``item`` and its sub-items, parents first, as write.py numbers and keys them."""
    number = "_".join(item.number.split()) or "0"
    items.append(_Item(item, meeting, parent, f"{prefix}-{number}", item_fact_rows(item, body)))
    index = len(items) - 1
    for subitem in item.subitems:
        _flatten(subitem, meeting, index, f"{prefix}-{number}", body, items)


def _counts(meetings: int, items: list[_Item]) -> dict[str, int]:
    counts = {"meetings": meetings, "items": len(items)}
    for table in ("sections", "decisions", "statements", "positions"):
        counts[table] = sum(len(entry.facts.rows[table]) for entry in items)
    return counts


def _new_ids(connection: Any, counts: dict[str, int]) -> dict[str, Iterator[int]]:
    """``counts[table]`` new ids of each table, from its sequence, in one statement."""
    wanted = [table for table in _WITH_IDS if counts[table]]
    found: dict[str, Iterator[int]] = {table: iter(()) for table in _WITH_IDS}
    if not wanted:
        return found
    columns = ", ".join(
        f"(SELECT array_agg(nextval(pg_get_serial_sequence('{table}', 'id'))) FROM generate_series(1, %s))"
        for table in wanted
    )
    row = connection.execute(f"SELECT {columns}", [counts[table] for table in wanted]).fetchone()
    for table, ids in zip(wanted, row, strict=True):
        found[table] = iter(ids)
    return found


def _insert_rows(connection: Any, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """Each table's rows in one executemany, in the order the foreign keys need."""
    statements = {
        "meetings": insert_sql("meetings", ("id", *MEETING_COLUMNS), "%s"),
        "items": insert_sql("items", ("id", *ITEM_COLUMNS), "%s"),
        **{
            table: insert_sql(table, ("id", "item_id", "ordinal", *FACT_COLUMNS[table]), "%s")
            for table in ("sections", "decisions", "statements", "positions")
        },
        "votes": fact_sql("votes", "%s"),
        **{table: lookup_sql(table, "%s") for table in LOOKUP_COLUMNS},
        "passages": insert_sql("passages", PASSAGE_COLUMNS, "%s"),
    }
    with connection.cursor() as cursor:
        for table, sql in statements.items():
            if rows[table]:
                cursor.executemany(sql, rows[table])
