""" "Did you mean", the part both backends share: which words of a query are looked up,
and the archive's words closest to one the archive does not hold. Where the words come
from is the backend's (SQLite: fts5vocab, search_plan.Vocabulary; PostgreSQL: the
``words`` table its writer keeps, pg_suggest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rapidfuzz.distance import OSA

from referat.archive.query import Query

# A word the archive does not hold is compared with the words it holds that begin with
# the same two letters (or those two swapped: "sp" for "psykiatri"), by edit distance
# with transpositions (OSA), at most this far for a word this long or longer.
SUGGESTION_DISTANCES = ((8, 2), (4, 1))
SUGGESTIONS = 3


def looked_up(parsed: Query, found: bool) -> list[str]:
    """The words of the query to look up (not a prefix, not a word left out, letters only,
    three or more). ``found``: the search has hits, so the word of a clause without OR is
    held (every hit holds every clause), and asking the index again would cost a match of
    its own (~9 ms for a common word at 1M sections, docs/scale.md)."""
    return list(
        dict.fromkeys(
            word
            for clause in parsed.clauses
            if not (found and len(clause) == 1)
            for term in clause
            if term.kind != "prefix"
            for word in term.words
            if len(word) >= 3 and word.isalpha()
        )
    )


def closest(word: str, words_from: Callable[[str], Iterable[tuple[str, int]]]) -> list[str]:
    """The archive's words near ``word``, closest first: fewest edits, then the most
    passages, then alphabetical. ``words_from(two letters)`` gives the archive's words
    that begin with them, each with its number of passages.

    Example:
        >>> held = {"ps": [("psykiatri", 40), ("psykiatrien", 12)], "sp": [("spørgsmål", 9)]}
        >>> closest("psykiarti", lambda begin: held.get(begin, []))
        ['psykiatri']
    """
    farthest = next((distance for length, distance in SUGGESTION_DISTANCES if len(word) >= length), 0)
    scored: dict[str, tuple[int, int]] = {}
    for begin in dict.fromkeys([word[:2], word[1] + word[0]]):
        for term, passages in words_from(begin):
            if abs(len(term) - len(word)) > farthest:
                continue
            distance = OSA.distance(word, term, score_cutoff=farthest)
            if 0 < distance <= farthest:
                scored[term] = (distance, -passages)
    return sorted(scored, key=lambda term: (*scored[term], term))
