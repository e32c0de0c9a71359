"""What keeps a search's cost bounded as the archive grows (issue 14), apart from the
search itself (search.py) so each can change without the other.

Measured on a synthetic archive of 1 000 000 sections (bench/archive_benchmark.py,
docs/scale.md): the costs that grew with the archive were reading every meeting's body
to resolve ``--body`` (a full scan of ``meetings``: ~150 ms at 1M sections) and bm25 over
every item that matches a common word (~1.7 µs per item). This module holds the answers
to both: a per-connection cache of the meetings' bodies, and the bounded candidate set
for ranking; a per-connection cache of the index's words for "did you mean", whose
reading grows with the archive too; and the words a prefix stands for, so that a MATCH
that is not ranked need not merge a prefix's doclists (FTS5 does that before its first row,
3-10 ms at 1M sections for a common word).
"""

from __future__ import annotations

import re
import sqlite3
from collections import OrderedDict
from dataclasses import dataclass, field

from referat.archive.names import SpokenName, spoken_names


@dataclass
class BodyKeys:
    """The archive's distinct (body, organisation) pairs, read once per change of the file.

    ``--body`` matches part of a body's name, so the typed name is compared with every
    distinct body in Python; reading them is a scan of an index of ``meetings`` that grows
    with the archive. The pairs change only when a document is stored or removed, so they are kept
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
            # (read in the order of the index meetings_names, schema.py migration 13: a
            # DISTINCT would sort them again)
            rows = connection.execute(
                "SELECT body, organisation FROM meetings WHERE body IS NOT NULL GROUP BY body, organisation"
            )
            self._rows = list(dict.fromkeys((body, organisation or "") for body, organisation in rows))
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


def qualifying_items(connection: sqlite3.Connection, match: str, section: str | None, first_item: int) -> set[int]:
    """The items from ``first_item`` on with a passage (of ``section`` kind) that matches
    ``match`` (a MATCH expression of the passage index). Narrowing a ranked window to them
    reads the passage index only (search.py). An item's passages are stored right after it
    (write.py), so the index is read from the first item's first passage on."""
    first = connection.execute("SELECT min(id) FROM passages WHERE item_id = ?", [first_item]).fetchone()[0]
    return {
        row[0]
        for row in connection.execute(
            "SELECT p.item_id FROM passages_fts CROSS JOIN passages p INDEXED BY passages_lookup"
            " ON p.id = passages_fts.rowid WHERE passages_fts MATCH ? AND passages_fts.rowid >= ?"
            + (" AND p.section_kind = ?" if section else ""),
            [match, first or 0, *([section] if section else [])],
        )
    }


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


# A prefix in a MATCH (``{text parts} : "budget" *``) makes FTS5 merge the doclists of
# every word with that prefix into one, before its first row and again for each statement
# that reads it: 3-10 ms for a common word at 1M sections, whether the statement wants one
# row or all of them. The same words written out as a list of terms are read lazily, row by
# row (a cut-off of the newest 1 000 matches: 7.4 → 0.6 ms for "budget"). Where the score
# of a row does not matter (no bm25 over that MATCH), a prefix of at most this many words
# is written out; bm25 would score each written-out word as a phrase of its own, so the
# ranking statements keep the prefix.
PREFIX_TERMS = 64
# A statement that reads every match (the facets' sample) reads a list of many words more
# slowly than FTS5 reads the merged prefix (each row asks every word of the list): counting
# the passages of "budget" (62 words) took 9.3 ms as a prefix and 13.6 ms written out, of
# "Aarhus" (9 words) 15.0 and 11.4 ms, of "taget til efterretning" (5 and 4) 24.8 and 17.3 ms.
WALKED_PREFIX_TERMS = 16
_PREFIX = re.compile(r'(\{[^}]*\} : )"((?:[^"]|"")+)" \*')


@dataclass
class PrefixTerms:
    """The words of a full-text index that begin with a prefix, read once per change of the
    file (as :class:`BodyKeys`), to write a prefix of a MATCH out as the words it stands for.

    Example:
        >>> connection = sqlite3.connect(":memory:")
        >>> _ = connection.execute("CREATE VIRTUAL TABLE passages_fts USING fts5(text, stems, parts)")
        >>> _ = connection.execute("INSERT INTO passages_fts VALUES ('Budget og budgettet 2025', '', '')")
        >>> PrefixTerms().written_out(connection, "passages_fts", '({text parts} : "budget" * OR "budg")')
        '({text parts} : ("budget" OR "budgettet") OR "budg")'
    """

    _version: tuple[int, int] | None = None
    _terms: OrderedDict[tuple[str, str], tuple[str, ...] | None] = field(default_factory=OrderedDict)

    def written_out(self, connection: sqlite3.Connection, table: str, match: str, most: int = PREFIX_TERMS) -> str:
        """``match`` (a MATCH expression for the index ``table``) with each prefix of at most
        ``most`` words written out; a prefix of more words stays a prefix, and so does one no
        word begins with (it reads nothing)."""
        version = (connection.execute("PRAGMA data_version").fetchone()[0], connection.total_changes)
        if version != self._version:
            self._terms.clear()
            self._version = version

        def write_out(found: re.Match[str]) -> str:
            terms = self._read(connection, table, found.group(2).replace('""', '"'))
            if not terms or len(terms) > most:
                return found.group(0)
            return found.group(1) + "(" + " OR ".join('"' + term.replace('"', '""') + '"' for term in terms) + ")"

        return _PREFIX.sub(write_out, match)

    def _read(self, connection: sqlite3.Connection, table: str, prefix: str) -> tuple[str, ...] | None:
        key = (table, prefix)
        if key in self._terms:
            self._terms.move_to_end(key)
            return self._terms[key]
        vocabulary = f"referat_terms_{table}"
        # (a temporary table, so a read-only archive has it too; "row": one row per word)
        connection.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{vocabulary} USING fts5vocab(main, {table}, row)")
        # fts5vocab reads each word's doclist to count it: at most PREFIX_TERMS + 1 words are read.
        rows = connection.execute(
            f"SELECT term FROM temp.{vocabulary} WHERE term >= ? AND term < ? LIMIT {PREFIX_TERMS + 1}",
            [prefix, prefix + "\U0010ffff"],
        ).fetchall()
        terms = tuple(row[0] for row in rows) if len(rows) <= PREFIX_TERMS else None
        self._terms[key] = terms
        if len(self._terms) > VOCABULARY_SLICES * 4:
            self._terms.popitem(last=False)
        return terms
