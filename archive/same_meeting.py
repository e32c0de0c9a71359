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

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from referat.archive.types import Connection
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
    same_as: int | None = None  # what it points to now


def _same_organisation(a: str | None, b: str | None) -> bool:
    return a is None or b is None or name_key(a) == name_key(b)


def meetings_like(connection: Connection, meeting_id: int) -> list[int]:
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


def neighbours(connection: Connection, path: str, sha256: str) -> set[int]:
    """The meetings of the stored files this one replaces (the same path or bytes) and the
    other files' meetings that are the same meeting: read before the old files go, and
    linked again after (a copy may now be the one kept)."""
    return {
        other
        for (meeting_id,) in connection.execute(
            "SELECT m.id FROM meetings m JOIN documents d ON d.id = m.document_id WHERE d.path = ? OR d.sha256 = ?",
            (path, sha256),
        ).fetchall()
        for other in meetings_like(connection, meeting_id)
    }


def link_copies(connection: Connection, meeting_ids: Iterable[int]) -> None:
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


def _link_group(connection: Connection, meeting_ids: list[int]) -> None:
    for cluster in clusters(_top_level_items(connection, meeting_ids)):
        kept = max(cluster, key=lambda copy: copy.rank)
        for copy in cluster:
            target = None if copy is kept else kept.item_id
            if copy.same_as != target:  # (its sub-items point where it does: they are pointed with it)
                _point(connection, copy.item_id, target)


# A copy is compared with at most this many earlier items of its number (in the order
# stored) that its own meeting has not matched yet. Only the numbers repeat in a meeting
# whose numbers were lost (every item "1."), some tens of items; a file of 20 000 items
# numbered alike would otherwise cost 20 000² title comparisons in the write transaction.
MAX_CANDIDATES = 100


def clusters(copies: list[_Copy]) -> list[list[_Copy]]:
    """The copies (in the order stored) grouped into items: each joins the first group of
    its number, without a copy from its own meeting, whose first title reads like its
    own, or starts a group. Linear in the copies: groups are looked up by number, and by
    meeting among them.

    Example:
        >>> a, b = _Copy(1, 10, "1", "Budget 2024", (2, 0, -1)), _Copy(2, 10, "2", "Skoler", (2, 0, -2))
        >>> c = _Copy(3, 11, "1", "Budget 2024.", (1, 0, -3))
        >>> [[copy.item_id for copy in group] for group in clusters([a, b, c])]
        [[1, 3], [2]]
    """
    groups: list[list[_Copy]] = []
    by_number: dict[str, _Number] = {}
    for copy in copies:
        number = by_number.setdefault(copy.number, _Number())
        group = number.match(copy)
        if group is None:
            groups.append(number.start(copy))
        else:
            group.append(copy)
    return groups


class _Number:
    """The groups of one item number, and for each meeting that has looked, those it may
    still join (none of its copies in them), in the order they were started."""

    def __init__(self) -> None:
        self.groups: list[list[_Copy]] = []
        self.open: dict[int, dict[int, list[_Copy]]] = {}  # meeting → group index → group

    def match(self, copy: _Copy) -> list[_Copy] | None:
        if copy.meeting_id not in self.open:
            self.open[copy.meeting_id] = {
                index: group
                for index, group in enumerate(self.groups)
                if all(other.meeting_id != copy.meeting_id for other in group)
            }
        candidates = self.open[copy.meeting_id]
        for index, group in itertools.islice(candidates.items(), MAX_CANDIDATES):
            if same_title(group[0].title, copy.title):
                del candidates[index]  # (now it holds a copy of this meeting)
                return group
        return None

    def start(self, copy: _Copy) -> list[_Copy]:
        group = [copy]
        index = len(self.groups)
        self.groups.append(group)
        for meeting, candidates in self.open.items():
            if meeting != copy.meeting_id:
                candidates[index] = group
        self.open.setdefault(copy.meeting_id, {})
        return group


def _top_level_items(connection: Connection, meeting_ids: list[int]) -> list[_Copy]:
    if not meeting_ids:  # (a meeting since deleted; PostgreSQL has no empty IN ())
        return []
    marks = ",".join("?" * len(meeting_ids))
    rows = connection.execute(
        f"""SELECT i.id, i.meeting_id, i.number, i.title, m.kind, i.same_as,
                   (SELECT coalesce(sum(length(p.text)), 0) FROM passages p WHERE p.item_id = i.id) AS size
            FROM items i JOIN meetings m ON m.id = i.meeting_id
            WHERE i.meeting_id IN ({marks}) AND i.parent_id IS NULL AND i.number <> ''
            ORDER BY i.id""",
        meeting_ids,
    ).fetchall()
    return [
        _Copy(item_id, meeting, number.strip().rstrip("."), title, (_KIND_RANK.get(kind, 0), size, -item_id), same_as)
        for item_id, meeting, number, title, kind, same_as, size in rows
    ]


def _point(connection: Connection, item_id: int, kept: int | None) -> None:
    """``item_id`` and everything under it are copies of ``kept`` (or, with None, the kept ones)."""
    # (typed, and IS DISTINCT FROM rather than SQLite's IS NOT, so PostgreSQL reads it too)
    connection.execute(
        """WITH RECURSIVE under(id) AS (
               SELECT CAST(? AS BIGINT) UNION ALL SELECT i.id FROM items i JOIN under u ON i.parent_id = u.id)
           UPDATE items SET same_as = ?
           WHERE id IN (SELECT id FROM under) AND same_as IS DISTINCT FROM CAST(? AS BIGINT)""",
        (item_id, kept, kept),
    )
