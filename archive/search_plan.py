"""What keeps a search's cost bounded as the archive grows (issue 14), apart from the
search itself (search.py) so each can change without the other.

Measured on a synthetic archive of 1 000 000 sections (bench/archive_benchmark.py,
docs/scale.md): the costs that grew with the archive were reading every meeting's body
to resolve ``--body`` (a full scan of ``meetings``: ~150 ms at 1M sections) and bm25 over
every item that matches a common word (~1.7 µs per item). This module holds the answers
to both: a per-connection cache of the meetings' bodies, and the bounded candidate set
for ranking; and a per-connection cache of the index's words for "did you mean", whose
reading grows with the archive too.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from dataclasses import dataclass, field

from referat.archive.names import SpokenName, spoken_names


@dataclass
class BodyKeys:
    """The archive's distinct (body, organisation) pairs, read once per change of the file.

    ``--body`` matches part of a body's name, so the typed name is compared with every
    distinct body in Python; reading them is a scan of ``meetings`` that grows with the
    archive. The pairs change only when a document is stored or removed, so they are kept
    until the file changes: ``PRAGMA data_version`` changes when another connection
    commits, ``total_changes`` when this one writes.

    Example:
        >>> connection = sqlite3.connect(":memory:")
        >>> _ = connection.execute("CREATE TABLE meetings (body TEXT, organisation TEXT)")
        >>> _ = connection.execute("INSERT INTO meetings VALUES ('Byrådet', 'Aarhus Kommune'), (NULL, NULL)")
        >>> keys = BodyKeys()
        >>> keys.read(connection)
        [('Byrådet', 'Aarhus Kommune')]
        >>> _ = connection.execute("INSERT INTO meetings VALUES ('Skoleudvalget', '')")
        >>> sorted(keys.read(connection))
        [('Byrådet', 'Aarhus Kommune'), ('Skoleudvalget', '')]
    """

    _version: tuple[int, int] | None = None
    _rows: list[tuple[str, str]] = field(default_factory=list)
    _names: list[SpokenName] | None = None

    def read(self, connection: sqlite3.Connection) -> list[tuple[str, str]]:
        version = (connection.execute("PRAGMA data_version").fetchone()[0], connection.total_changes)
        if version != self._version:
            self._rows = [
                (body, organisation)
                for body, organisation in connection.execute(
                    "SELECT DISTINCT body, coalesce(organisation, '') FROM meetings WHERE body IS NOT NULL"
                )
            ]
            self._version = version
            self._names = None
        return self._rows

    def names(self, connection: sqlite3.Connection) -> list[SpokenName]:
        """The pairs of :meth:`read` with their name keys (names.spoken_names), worked out
        once per change of the file too: for every pair on every ``--body`` search they cost
        ~15 ms at 100 000 sections."""
        rows = self.read(connection)
        if self._names is None:
            self._names = spoken_names(rows)
        return self._names


# Ranking by bm25 costs ~1.7 µs for every item that matches (FTS5 reads each one's column
# sizes and hit positions), and a common word matches 10 % of all items: 13 000 items and
# 22 ms at 100 000 sections, 130 000 and ~200 ms at 1 000 000. When more items match than
# this, only the newest this many that the filters leave (the highest item ids: the last
# stored) are ranked, so ranking costs about the same at any size. Below it the ranking is
# exact, as before. At 1M sections, 2 000 cost 30-48 ms for the commonest queries, 1 000
# 15-32 ms (docs/scale.md).
RANK_WINDOW = 1000
# Narrowed to passages (a section kind) or under --public, the window is found first and
# the passages read are bounded to it; when too few hits are left, it is widened this many
# times over and ranked again, until it holds enough or every matching item.
WIDEN = 8


@dataclass
class RankWindow:
    """Which matching items a search ranks: all of them, or (``bounded``) the newest ``size``.

    ``cutoff`` finds the item id from which the newest ``size`` matching items start, in
    the item index's own order (FTS5 walks its doclists by rowid without ranking them, and
    stops after ``size``): ``None`` when fewer match, and then every match is ranked.
    """

    size: int = field(default_factory=lambda: RANK_WINDOW)
    bounded: bool = False

    def cutoff(self, connection: sqlite3.Connection, match: str) -> int | None:
        row = connection.execute(
            "SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            [match, self.size - 1],
        ).fetchone()
        self.bounded = row is not None
        return None if row is None else int(row[0])

    def widen(self) -> None:
        self.size *= WIDEN

    @staticmethod
    def items_sql(item_id: str, cutoff: int | None) -> str:
        """``AND`` the SQL expression ``item_id`` (an item index rowid, which FTS5 seeks to)
        in the window, or nothing when every match is ranked."""
        return "" if cutoff is None else f" AND {item_id} >= {int(cutoff)}"

    @staticmethod
    def passages_sql(connection: sqlite3.Connection, passage_id: str, cutoff: int | None) -> str:
        """``AND`` the SQL expression ``passage_id`` (a passage index rowid) at or past the
        first passage of the window's first item, or nothing when every match is ranked.

        An item's passages are stored right after it (write.py), so the passages of the
        items in the window are the passages from there on; the passage index seeks to it
        instead of reading every matching passage of the archive."""
        if cutoff is None:
            return ""
        row = connection.execute("SELECT min(id) FROM passages WHERE item_id = ?", [cutoff]).fetchone()
        return "" if row is None or row[0] is None else f" AND {passage_id} >= {int(row[0])}"


# "Did you mean" compares a word the archive lacks with the index's words that begin with
# its first two letters (search.py). fts5vocab counts each word's passages by reading its
# whole doclist, so reading the words of two letters costs ~2.4 ms at 100 000 sections and
# grows with the archive (56 ms at 1M for "sengepladser": "se" and "es"). The words change
# only when the archive does, so each two letters' words are kept until the file changes;
# this many of them at most (the least recently used go first).
VOCABULARY_SLICES = 64


@dataclass
class Vocabulary:
    """The passage index's words as printed (its ``text`` column) with their passage counts,
    by their first two letters, read once per change of the file (as :class:`BodyKeys`).

    Example:
        >>> connection = sqlite3.connect(":memory:")
        >>> _ = connection.execute("CREATE VIRTUAL TABLE passages_fts USING fts5(text, stems, parts)")
        >>> _ = connection.execute("INSERT INTO passages_fts VALUES ('Budget og budgettet 2025', '', '')")
        >>> Vocabulary().words(connection, "bu")
        [('budget', 1), ('budgettet', 1)]
    """

    _version: tuple[int, int] | None = None
    _slices: OrderedDict[str, list[tuple[str, int]]] = field(default_factory=OrderedDict)

    def words(self, connection: sqlite3.Connection, begin: str) -> list[tuple[str, int]]:
        """The words of letters only that begin with the two letters ``begin``, each with the
        number of passages that hold it."""
        version = (connection.execute("PRAGMA data_version").fetchone()[0], connection.total_changes)
        if version != self._version:
            self._slices.clear()
            self._version = version
        found = self._slices.get(begin)
        if found is not None:
            self._slices.move_to_end(begin)
            return found
        # fts5vocab lists the index's terms; a temporary table, so a read-only archive has it too.
        connection.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.referat_vocabulary USING fts5vocab(main, passages_fts, col)"
        )
        end = begin[0] + chr(ord(begin[1]) + 1)
        found = [
            (term, passages)
            for term, passages in connection.execute(
                "SELECT term, doc FROM temp.referat_vocabulary WHERE col = 'text' AND term >= ? AND term < ?",
                [begin, end],
            )
            if term.isalpha()
        ]
        self._slices[begin] = found
        if len(self._slices) > VOCABULARY_SLICES:
            self._slices.popitem(last=False)
        return found
