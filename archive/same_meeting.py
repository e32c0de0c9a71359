"""One meeting once, however many files publish it.

A municipality publishes the same meeting as a full referat and as one PDF per item, and
its agenda before its minutes. Each file is stored whole (nothing of it is lost, and
``export`` gives it back as read), but an item that another file of the same meeting
also holds is marked as that item's copy (``items.same_as``), so search, facets,
amounts, who-said and actors count it once, and ``show`` lists every file it came from.

Two meetings are the same when they have the same date and body (compared folded, see
``referat.data.bodies.name_key``) and their organisations do not differ (one may be
unknown: a per-item PDF often lacks the letterhead). Two items of such meetings are the same when they have the
same number and titles that read alike. Of the copies of one item, the one kept is the
one from minutes rather than an agenda, then the one with the most text, then the first
stored.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from referat.data.bodies import name_key
from referat.extract.title_match import same_title

# How alike two titles must read (rapidfuzz token_sort_ratio, 0-100) for one item: a
# per-item PDF prints the title as the full referat does, up to a line break or a word
# the PDF text layer lost.
SAME_TITLE = 85

# Minutes say what happened; an agenda only what was to happen: a copy from minutes is kept.
_KIND_RANK = {"referat": 2, "beslutningsprotokol": 2, "dagsorden": 1}


@dataclass(frozen=True)
class _Copy:
    item_id: int
    meeting_id: int
    number: str
    title: str
    rank: tuple[int, int, int]  # (kind, text length, -id): the highest is kept


def _same_organisation(a: str | None, b: str | None) -> bool:
    return a is None or b is None or name_key(a) == name_key(b)


def meetings_like(connection: sqlite3.Connection, meeting_id: int) -> list[int]:
    """The stored meetings that are the same meeting as ``meeting_id`` (itself included), or
    only itself when its date or body is unknown."""
    row = connection.execute("SELECT date, body, organisation FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    if row is None:
        return []
    date, body, organisation = row
    if not date or not body:
        return [meeting_id]
    return [
        other
        for other, other_body, other_organisation in connection.execute(
            "SELECT id, body, organisation FROM meetings WHERE date = ?", (date,)
        )
        if name_key(other_body or "") == name_key(body) and _same_organisation(organisation, other_organisation)
    ]


def link_copies(connection: sqlite3.Connection, meeting_ids: Iterable[int]) -> None:
    """Mark the items these meetings share with other stored files of the same meeting:
    the kept copy gets ``same_as`` NULL, every other copy (and all under it) points to it.
    Idempotent: run again after a file of the meeting is stored or removed."""
    done: set[int] = set()
    for meeting_id in meeting_ids:
        if meeting_id in done:
            continue
        group = meetings_like(connection, meeting_id)
        done.update(group)
        _link_group(connection, group)


def _link_group(connection: sqlite3.Connection, meeting_ids: list[int]) -> None:
    copies = _top_level_items(connection, meeting_ids)
    clusters: list[list[_Copy]] = []
    for copy in copies:
        cluster = next(
            (
                cluster
                for cluster in clusters
                if all(other.meeting_id != copy.meeting_id for other in cluster)
                and cluster[0].number == copy.number
                and same_title(cluster[0].title, copy.title)
            ),
            None,
        )
        if cluster is None:
            clusters.append([copy])
        else:
            cluster.append(copy)
    for cluster in clusters:
        kept = max(cluster, key=lambda copy: copy.rank)
        for copy in cluster:
            _point(connection, copy.item_id, None if copy is kept else kept.item_id)


def _top_level_items(connection: sqlite3.Connection, meeting_ids: list[int]) -> list[_Copy]:
    marks = ",".join("?" * len(meeting_ids))
    rows = connection.execute(
        f"""SELECT i.id, i.meeting_id, i.number, i.title, m.kind,
                   (SELECT coalesce(sum(length(p.text)), 0) FROM passages p WHERE p.item_id = i.id) AS size
            FROM items i JOIN meetings m ON m.id = i.meeting_id
            WHERE i.meeting_id IN ({marks}) AND i.parent_id IS NULL AND i.number <> ''
            ORDER BY i.id""",
        meeting_ids,
    ).fetchall()
    return [
        _Copy(item_id, meeting, number.strip().rstrip("."), title, (_KIND_RANK.get(kind, 0), size, -item_id))
        for item_id, meeting, number, title, kind, size in rows
    ]


def _point(connection: sqlite3.Connection, item_id: int, kept: int | None) -> None:
    """``item_id`` and everything under it are copies of ``kept`` (or, with None, the kept ones)."""
    connection.execute(
        """WITH RECURSIVE under(id) AS (
               SELECT ? UNION ALL SELECT i.id FROM items i JOIN under u ON i.parent_id = u.id)
           UPDATE items SET same_as = ? WHERE id IN (SELECT id FROM under) AND same_as IS NOT ?""",
        (item_id, kept, kept),
    )
