"""Danish text for the full-text index: words, Snowball stems, compound tails, queries.

The index has three columns over the same passage (see schema.py):

- ``text``  the words as printed (exact hits, and what snippets are cut from);
- ``stems`` each word's Snowball stem, so "aftalen", "aftaler" and "aftale" meet at "aftal";
- ``parts`` the tails of long stems, so compounds are found by their last parts:
  "økonomiaftal" (from "økonomiaftalen") also indexes "aftal", and
  "ungdomspsykiatri" (from "Børne- og Ungdomspsykiatrien") also indexes "psykiatri".

A query never reaches FTS5 as the user typed it: it is cut into words, and the MATCH
expression is built here with every word quoted, so quotes, NEAR, ``*``, ``-`` and SQL
fragments are only ever searched for as words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

# FTS5's unicode61 tokenizer treats letters and digits as word characters, everything
# else as a separator ("Børne- og" → "børne", "og"); this regex cuts words the same way.
WORD = re.compile(r"[^\W_]+")

# A compound's first part has at least this many letters ("sags|behandling"), and an
# indexed tail at least this many ("økonomi|aftal"): shorter tails match almost anything.
MIN_HEAD = 3
MIN_TAIL = 3
# Query words this long or longer are matched as prefixes too ("aftale" → "aftalegrundlag").
MIN_PREFIX = 4
MAX_QUERY_WORDS = 32

_stemmer = Stemmer.Stemmer("danish")


class QueryError(ValueError):
    """A query that cannot be searched; the message is one sentence for the user."""


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Danish) stem of one lower-cased word.

    Example:
        >>> stem("økonomiaftalen"), stem("aftaler")
        ('økonomiaftal', 'aftal')
    """
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``, cut as FTS5's unicode61 tokenizer cuts them.

    Example:
        >>> words("Børne- og Ungdomspsykiatrien, 2024")
        ['børne', 'og', 'ungdomspsykiatrien', '2024']
    """
    return WORD.findall(text.lower())


def tails(stemmed: str) -> list[str]:
    """The tails of a long stem that may be the last parts of a compound.

    Example:
        >>> tails("økonomiaftal")[-4:]
        ['iaftal', 'aftal', 'ftal', 'tal']
    """
    if len(stemmed) < MIN_HEAD + MIN_TAIL + 1 or not stemmed.isalpha():
        return []
    return [stemmed[start:] for start in range(MIN_HEAD, len(stemmed) - MIN_TAIL + 1)]


def index_columns(text: str) -> tuple[str, str]:
    """The ``stems`` and ``parts`` column values for a passage's text.

    Example:
        >>> index_columns("Økonomiaftalen")[0]
        'økonomiaftal'
    """
    stems = [stem(word) for word in words(text)]
    parts = [tail for stemmed in stems for tail in tails(stemmed)]
    return " ".join(stems), " ".join(parts)


def spelling_variants(word: str) -> list[str]:
    """The word and its aa ↔ å spelling ("Aarhus" is also written "Århus").

    Example:
        >>> spelling_variants("aarhus")
        ['aarhus', 'århus']
    """
    variants = [word]
    if "aa" in word:
        variants.append(word.replace("aa", "å"))
    if "å" in word:
        variants.append(word.replace("å", "aa"))
    return variants


@dataclass(frozen=True)
class Query:
    """A parsed user query: its words, and each word's spellings and stems."""

    words: tuple[str, ...]
    spellings: tuple[tuple[str, ...], ...]  # per word: itself and its aa/å spelling
    stems: tuple[tuple[str, ...], ...]  # per word: the stems of its spellings
    _hits: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def match(self) -> str:
        """The FTS5 MATCH expression: every word must occur, as printed, by stem or as a compound part."""
        return " AND ".join(
            _word_expression(spellings, stems) for spellings, stems in zip(self.spellings, self.stems)
        )

    def matches_word(self, word: str) -> bool:
        """Whether a lower-cased word of a passage is a hit, by the same rules as :attr:`match`."""
        known = self._hits.get(word)
        if known is None:
            known = self._hits[word] = self._matches(word)
        return known

    def _matches(self, word: str) -> bool:
        word_stem = stem(word)
        compound = len(word_stem) >= MIN_HEAD + MIN_TAIL + 1 and word_stem.isalpha()
        for spellings, stems in zip(self.spellings, self.stems):
            for spelling in spellings:
                if word == spelling or (len(spelling) >= MIN_PREFIX and word.startswith(spelling)):
                    return True
                if compound and len(spelling) >= MIN_PREFIX and word_stem.find(spelling, MIN_HEAD) >= 0:
                    return True
            for query_stem in stems:
                if word_stem == query_stem:
                    return True
                if compound and len(query_stem) >= MIN_TAIL and word_stem.endswith(query_stem) \
                        and len(word_stem) - len(query_stem) >= MIN_HEAD:
                    return True
        return False


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _word_expression(spellings: tuple[str, ...], stems: tuple[str, ...]) -> str:
    # Prefixes of the word as typed, not of its stem: Snowball cuts "styrelsen" to "styr",
    # and "styr"* would match half of every archive ("styring", "styrke", …).
    alternatives = []
    for spelling in spellings:
        prefix = " *" if len(spelling) >= MIN_PREFIX else ""
        alternatives.append(f"text : {_quote(spelling)}{prefix}")  # "aftale" → "aftalegrundlag"
        if prefix:
            alternatives.append(f"parts : {_quote(spelling)} *")  # "økonomi|aftalegrundlag"
    for stemmed in stems:
        alternatives.append(f"stems : {_quote(stemmed)}")  # "aftalen", "aftaler"
        if len(stemmed) >= MIN_TAIL:
            alternatives.append(f"parts : {_quote(stemmed)}")  # "økonomi|aftalen"
    return "(" + " OR ".join(dict.fromkeys(alternatives)) + ")"


def parse_query(text: str) -> Query:
    """Turn what a user typed into a Query, or raise QueryError with one sentence.

    Example:
        >>> parse_query('"aftale* NEAR(x').words
        ('aftale', 'near', 'x')
    """
    found = words(text)
    if not found:
        raise QueryError("the query has no words to search for (letters or digits)")
    if len(found) > MAX_QUERY_WORDS:
        raise QueryError(f"the query has {len(found)} words; at most {MAX_QUERY_WORDS} are searched")
    # Drop repeated words: "aftale aftale" asks for nothing more than "aftale".
    unique = tuple(dict.fromkeys(found))
    spellings = tuple(tuple(spelling_variants(word)) for word in unique)
    stems = tuple(tuple(dict.fromkeys(stem(v) for v in variants)) for variants in spellings)
    return Query(words=unique, spellings=spellings, stems=stems)


def _candidates(query: Query) -> re.Pattern:
    """Words that contain a spelling or stem of a query word: the only ones worth testing."""
    pattern = query._hits.get(None)
    if pattern is None:
        needles = sorted({n for group in (*query.spellings, *query.stems) for n in group}, key=len, reverse=True)
        alternation = "|".join(re.escape(needle) for needle in needles)
        pattern = query._hits[None] = re.compile(rf"[^\W_]*(?:{alternation})[^\W_]*", re.IGNORECASE)
    return pattern


def snippet(text: str, query: Query, width: int = 200, mark: tuple[str, str] = ("«", "»")) -> str:
    """About ``width`` characters of ``text`` around the most hits, each hit between ``mark``.

    Only words containing a query word or stem are tested (one regex pass in C), so a
    50-page section costs little more than a title.

    Example:
        >>> snippet("Udvalget godkendte økonomiaftalen for 2025.", parse_query("aftale"))
        'Udvalget godkendte «økonomiaftalen» for 2025.'
    """
    hits = [m.span() for m in _candidates(query).finditer(text) if query.matches_word(m.group().lower())]
    begin, end = 0, min(len(text), width)
    if hits:
        # The window of ``width`` characters that holds the most hits, starting a little before its first.
        best, best_count, last = 0, 0, 0
        for first in range(len(hits)):
            last = max(last, first)
            while last + 1 < len(hits) and hits[last + 1][1] - hits[first][0] <= width * 3 // 4:
                last += 1
            if last - first + 1 > best_count:
                best, best_count = first, last - first + 1
        begin = max(0, hits[best][0] - width // 4)
        end = min(len(text), begin + width)
    if begin > 0:  # cut at word boundaries
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < hits[best][0] else begin
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    pieces, cursor = [], begin
    for hit_start, hit_end in hits:
        if hit_start >= begin and hit_end <= end:
            pieces += [text[cursor:hit_start], mark[0], text[hit_start:hit_end], mark[1]]
            cursor = hit_end
    pieces.append(text[cursor:end])
    body = " ".join("".join(pieces).split())
    return ("…" if begin > 0 else "") + body + ("…" if end < len(text) else "")
