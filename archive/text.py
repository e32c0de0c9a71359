"""Danish text for the full-text index: words, Snowball stems, compound tails, queries.

Both indexes (passages and items, see schema.py) have three columns over the same text:

- ``text``  the words as printed (exact hits, and what snippets are cut from);
- ``stems`` each word's Snowball stem, so "aftalen", "aftaler" and "aftale" meet at "aftal";
- ``parts`` the tails of long stems, so compounds are found by their last parts:
  "økonomiaftal" (from "økonomiaftalen") also indexes "aftal", and
  "ungdomspsykiatri" (from "Børne- og Ungdomspsykiatrien") also indexes "psykiatri".

A query term may match in any column; the column only weighs the hit when ranking
(a word as printed above a stem above a compound part).

A query never reaches FTS5 as the user typed it: it is cut into words, and the MATCH
expression is built here with every word quoted, so quotes, NEAR, ``*``, ``-`` and SQL
fragments are only ever searched for as words. :func:`find_hits` finds the same hits in a
text again, for snippets and for choosing which passage of an item to show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

import Stemmer

# FTS5's unicode61 tokenizer treats letters and digits as word characters, everything
# else as a separator ("Børne- og" → "børne", "og"); this regex cuts words the same way.
WORD = re.compile(r"[^\W_]+")

# A compound's first part has at least this many letters ("sags|behandling"), and an
# indexed tail at least this many ("økonomi|aftal"): shorter tails match almost anything.
MIN_HEAD = 3
MIN_TAIL = 3
# ... and a stem this long at most: Danish compounds run to some 50 letters
# ("speciallægepraksisplanlægning…"); a longer "word" is a hash, a run of letters or an
# attack, and its tails would cost the square of its length (a 200 kB word: 20 GB).
MAX_COMPOUND = 64
# Query words this long or longer are matched as prefixes too ("aftale" → "aftalegrundlag").
MIN_PREFIX = 4
MAX_QUERY_WORDS = 32

# Snowball's Danish stop words (snowballstem.org/algorithms/danish/stop.txt). They must
# still occur in a hit, but they do not rank it: a word in most items has an inverse
# document frequency near zero (bm25 floors it at 1e-6), yet bm25 would read every one of
# its thousands of positions ("til" in "taget til efterretning").
# fmt: off
STOP_WORDS = frozenset([
    "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af", "for",
    "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham", "hun", "nu",
    "over", "da", "fra", "du", "ud", "sin", "dem", "os", "op", "man", "hans", "hvor", "eller", "hvad", "skal",
    "selv", "her", "alle", "vil", "blev", "kunne", "ind", "når", "være", "dog", "noget", "ville", "jo", "deres",
    "efter", "ned", "skulle", "denne", "end", "dette", "mit", "også", "under", "have", "dig", "anden", "hende",
    "mine", "alt", "meget", "sit", "sine", "vor", "mod", "disse", "hvis", "din", "nogle", "hos", "blive",
    "mange", "ad", "bliver", "hendes", "været", "thi", "jer", "sådan",
])
# fmt: on

_stemmer = Stemmer.Stemmer("danish")


class QueryError(ValueError):
    """A query that cannot be searched; the message is one sentence for the user."""


def stem(word: str) -> str:
    """The Snowball (Danish) stem of one lower-cased word.

    Example:
        >>> stem("økonomiaftalen"), stem("aftaler")
        ('økonomiaftal', 'aftal')
    """
    # Only words of a compound's length are cached: 65 536 cached 200 kB words are 13 GB.
    return _cached_stem(word) if len(word) <= MAX_COMPOUND else _stemmer.stemWord(word)


@lru_cache(maxsize=65536)
def _cached_stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``, cut as FTS5's unicode61 tokenizer cuts them.

    Example:
        >>> words("Børne- og Ungdomspsykiatrien, 2024")
        ['børne', 'og', 'ungdomspsykiatrien', '2024']
    """
    return WORD.findall(text.lower())


def tails(stemmed: str) -> list[str]:
    """The tails of a long stem that may be the last parts of a compound; none for a stem
    longer than any compound (MAX_COMPOUND), so the parts of a text grow linearly with it.

    Example:
        >>> tails("økonomiaftal")[-4:]
        ['iaftal', 'aftal', 'ftal', 'tal']
        >>> tails("a" * (MAX_COMPOUND + 1))
        []
    """
    if not is_compound(stemmed):
        return []
    return [stemmed[start:] for start in range(MIN_HEAD, len(stemmed) - MIN_TAIL + 1)]


def is_compound(stemmed: str) -> bool:
    """Whether a stem may be a compound whose tails are indexed (and matched by queries)."""
    return MIN_HEAD + MIN_TAIL + 1 <= len(stemmed) <= MAX_COMPOUND and stemmed.isalpha()


def index_columns(text: str) -> tuple[str, str]:
    """The ``stems`` and ``parts`` column values for a passage's text.

    Example:
        >>> index_columns("Økonomiaftalen")[0]
        'økonomiaftal'
    """
    stems = [stem(word) for word in words(text)]
    parts = [tail for stemmed in stems for tail in tails(stemmed)]
    return " ".join(stems), " ".join(parts)


# A meeting's own body is named in most of its items ("Det indstilles, at Psykiatri- og
# Socialudvalget tager orienteringen til efterretning"). Indexed, that name makes every
# item of the body a hit for each of its words ("psykiatri", or "økonomi" as a prefix of
# "Økonomiudvalget") and buries the items that are about the subject. So the index holds
# a passage's text with its meeting's body name blanked out; ``--body`` is the way to
# search by body. The name may break across a line or lose its hyphen's space, and may
# take the genitive s; case does not matter.
_NAME_GAP = r"[\W_]{1,4}"


@lru_cache(maxsize=1024)
def _own_name(body: str) -> re.Pattern[str] | None:
    parts = WORD.findall(body)
    if not parts:
        return None
    return re.compile(r"(?<![^\W_])" + _NAME_GAP.join(map(re.escape, parts)) + r"s?(?![^\W_])", re.IGNORECASE)


def without_own_name(text: str, body: str | None) -> str | None:
    """``text`` with each mention of ``body`` (the meeting's own body) blanked out, or
    None when it has none. Blanks of the same length keep every offset, so hits found in
    the result can be marked in ``text``.

    Example:
        >>> without_own_name("Psykiatri- og Socialudvalgets møde om psykiatrien", "Psykiatri- og Socialudvalget")
        '                              møde om psykiatrien'
        >>> without_own_name("Regionsrådet godkendte", "Økonomiudvalget") is None
        True
    """
    pattern = _own_name(body) if body else None
    if pattern is None or pattern.search(text) is None:
        return None
    return pattern.sub(lambda found: " " * len(found.group()), text)


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


# How much a word weighs when choosing an item's best passage; the same order as the bm25
# column weights in store.py: a word as printed, then a word with the same stem, then a
# compound part.
AS_PRINTED, SAME_STEM, COMPOUND_PART = 4, 2, 1


class WordHit(NamedTuple):
    """One word of a text that matches the query: where it is, which query words it
    satisfies (bit i for query word i) and how closely (AS_PRINTED, SAME_STEM, COMPOUND_PART)."""

    start: int
    end: int
    words: int
    weight: int


@dataclass(frozen=True)
class Query:
    """A parsed user query: its words, and each word's spellings and stems."""

    words: tuple[str, ...]
    spellings: tuple[tuple[str, ...], ...]  # per word: itself and its aa/å spelling
    stems: tuple[tuple[str, ...], ...]  # per word: the stems of its spellings
    _hits: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @cached_property
    def terms(self) -> tuple[tuple[tuple[str, bool], ...], ...]:
        """Per query word, the index terms it looks for, each with whether it is a prefix (:func:`_terms`)."""
        return tuple(
            tuple(_terms(spellings, stems)) for spellings, stems in zip(self.spellings, self.stems, strict=True)
        )

    @property
    def match(self) -> str:
        """The FTS5 MATCH expression for the passage index: every word must occur, as
        printed, by stem or as a compound part."""
        return " AND ".join(_word_expression(terms, _PREFIX_COLUMNS) for terms in self.terms)

    @property
    def rank_match(self) -> str:
        """The MATCH expression for the item index, which also has title columns: every
        word but the stop words, unless the query has nothing else. Whoever ranks by it
        must also require :attr:`match` in one passage.

        Example:
            >>> print(parse_query("taget til efterretning").rank_match.replace(") AND (", ")\\nAND ("))
            ({text parts title_text title_parts} : "taget" * OR "tag")
            AND ({text parts title_text title_parts} : "efterretning" *)
        """
        kept = [
            terms for word, terms in zip(self.words, self.terms, strict=True) if word not in STOP_WORDS
        ] or self.terms
        return " AND ".join(_word_expression(terms, _PREFIX_COLUMNS + _TITLE_PREFIX_COLUMNS) for terms in kept)

    @property
    def all_words(self) -> int:
        """The bit mask of a text that holds every query word (see :class:`WordHit`)."""
        return (1 << len(self.words)) - 1

    @cached_property
    def needles(self) -> tuple[str, ...]:
        """Strings every matching word contains: its terms. A Snowball stem is a prefix of
        its word, so a word that matches by stem or compound part contains the term too."""
        return tuple(dict.fromkeys(term for terms in self.terms for term, _ in terms))

    def hit(self, word: str) -> tuple[int, int]:
        """Which query words a lower-cased word of a passage satisfies, as a bit mask, and
        its weight; by the same rules as :attr:`match` (``(0, 0)`` for no hit)."""
        known = self._hits.get(word)
        if known is None:
            known = self._hits[word] = self._classify(word)
        return known

    def _classify(self, word: str) -> tuple[int, int]:
        # The index holds, for every word: the word (text), its stem (stems) and its stem's
        # tails (parts); a query term matches them as in _word_expression.
        word_stem = stem(word)
        compound = is_compound(word_stem)
        mask = weight = 0
        for index, terms in enumerate(self.terms):
            best = 0
            for term, prefix in terms:
                if word == term or (prefix and word.startswith(term)):
                    best = AS_PRINTED
                    break
                if word_stem == term and not prefix:
                    best = max(best, SAME_STEM)
                elif compound and _is_part(word_stem, term, prefix):
                    best = max(best, COMPOUND_PART)
            if best:
                mask |= 1 << index
                weight = max(weight, best)
        return mask, weight


def _terms(spellings: tuple[str, ...], stems: tuple[str, ...]) -> list[tuple[str, bool]]:
    """The index terms one query word looks for, each with whether it is a prefix.

    Prefixes of the word as typed, not of its stem: Snowball cuts "styrelsen" to "styr",
    and "styr"* would match half of every archive ("styring", "styrke", …). A stem that
    such a prefix already covers ("aftale"* covers "aftalen") is left out.

    Example:
        >>> _terms(("aftaler",), ("aftal",))
        [('aftaler', True), ('aftal', False)]
        >>> _terms(("for",), ("for",))
        [('for', False)]
    """
    terms = [(spelling, len(spelling) >= MIN_PREFIX) for spelling in spellings]
    for stemmed in stems:
        if not any(stemmed == term or (prefix and stemmed.startswith(term)) for term, prefix in terms):
            terms.append((stemmed, False))
    return terms


def _is_part(word_stem: str, term: str, prefix: bool) -> bool:
    """Whether ``term`` is a tail of a compound's stem (parts column), or with ``prefix``
    begins one ("økonomi|aftalegrundlag" for "aftale"*); the tail starts after MIN_HEAD letters."""
    if prefix:
        return word_stem.find(term, MIN_HEAD) >= 0
    return len(term) >= MIN_TAIL and len(word_stem) - len(term) >= MIN_HEAD and word_stem.endswith(term)


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


# The columns a prefix is looked for in (see _word_expression): the passage index has
# text, stems and parts; the item index has the same three and title_text, title_stems,
# title_parts.
_PREFIX_COLUMNS = ("text", "parts")
_TITLE_PREFIX_COLUMNS = ("title_text", "title_parts")


def _word_expression(terms: tuple[tuple[str, bool], ...], prefix_columns: tuple[str, ...]) -> str:
    """One query word as FTS5 alternatives.

    A whole term may match in any column (text, stems or parts): the column it matches
    in only weighs the hit (bm25 weights), and one term per column would triple the
    terms to match and rank. A prefix skips the stems columns: a stem is a prefix of its
    word, so a stem that begins with the prefix is a word that does, found in ``text``
    already; counting it twice cost ~20 % of ranking "budget" ("budgettet", stem "budget").

    Example:
        >>> _word_expression((("aftaler", True), ("aftal", False)), ("text", "parts"))
        '({text parts} : "aftaler" * OR "aftal")'
    """
    columns = "{" + " ".join(prefix_columns) + "} : "
    alternatives = [(columns + _quote(term) + " *") if prefix else _quote(term) for term, prefix in terms]
    return "(" + " OR ".join(alternatives) + ")"


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


def find_hits(text: str, query: Query) -> list[WordHit]:
    """The words of ``text`` that match ``query``, in order.

    Only the words around an occurrence of a needle (:attr:`Query.needles`) are tested,
    and needles are found with ``str.find`` on the lower-cased text: a 50-page section
    costs little more than a title (a regex over every word is ~10× slower).

    Example:
        >>> text = "Økonomiaftalen og aftaler."
        >>> [text[h.start:h.end] for h in find_hits(text, parse_query("aftale"))]
        ['Økonomiaftalen', 'aftaler']
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): offsets would drift
        return [
            hit
            for match in WORD.finditer(text)
            if (hit := _word_hit(query, match.start(), match.end(), match.group().lower()))
        ]
    starts = set()
    for needle in query.needles:
        position = lowered.find(needle)
        while position >= 0:
            start = position
            while start > 0 and lowered[start - 1].isalnum():  # [^\W_] is exactly str.isalnum
                start -= 1
            starts.add(start)
            position = lowered.find(needle, position + len(needle))
    hits = []
    for start in sorted(starts):
        end = start
        while end < len(lowered) and lowered[end].isalnum():
            end += 1
        hit = _word_hit(query, start, end, lowered[start:end])
        if hit:
            hits.append(hit)
    return hits


def best_passage(texts: list[str], query: Query) -> tuple[int, list[WordHit]]:
    """Which of an item's passages to show for ``query``, and its hits: the one holding
    the most query words (all, for a matching item), then the most weight of hits (a
    word as printed outweighs a stem, a stem a compound part); the first on a tie.

    Example:
        >>> passages = ["Budget 2025", "Budgettet for 2025 og budgetter for 2026 blev vedtaget."]
        >>> best_passage(passages, parse_query("budget 2025"))[0]
        1
    """
    best, best_key, best_hits = 0, (-1, -1), []
    for index, text in enumerate(texts):
        hits = find_hits(text, query)
        words_matched = 0
        for hit in hits:
            words_matched |= hit.words
        key = (words_matched.bit_count(), sum(hit.weight for hit in hits))
        if key > best_key:
            best, best_key, best_hits = index, key, hits
    return best, best_hits


def _word_hit(query: Query, start: int, end: int, word: str) -> WordHit | None:
    words_matched, weight = query.hit(word)
    return WordHit(start, end, words_matched, weight) if words_matched else None


def snippet(
    text: str, query: Query, width: int = 200, mark: tuple[str, str] = ("«", "»"), hits: list[WordHit] | None = None
) -> str:
    """About ``width`` characters of ``text`` around the most hits, each hit between ``mark``.

    ``hits`` are :func:`find_hits` of ``text`` when the caller has them already.

    Example:
        >>> snippet("Udvalget godkendte økonomiaftalen for 2025.", parse_query("aftale"))
        'Udvalget godkendte «økonomiaftalen» for 2025.'
    """
    if hits is None:
        hits = find_hits(text, query)
    spans = [(hit.start, hit.end) for hit in hits]
    begin, end = 0, min(len(text), width)
    if spans:
        # The window of ``width`` characters that holds the most hits, starting a little before its first.
        best, best_count, last = 0, 0, 0
        for first in range(len(spans)):
            last = max(last, first)
            while last + 1 < len(spans) and spans[last + 1][1] - spans[first][0] <= width * 3 // 4:
                last += 1
            if last - first + 1 > best_count:
                best, best_count = first, last - first + 1
        begin = max(0, spans[best][0] - width // 4)
        end = min(len(text), begin + width)
    if begin > 0:  # cut at word boundaries
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < spans[best][0] else begin
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    pieces, cursor = [], begin
    for hit_start, hit_end in spans:
        if hit_start >= begin and hit_end <= end:
            pieces += [text[cursor:hit_start], mark[0], text[hit_start:hit_end], mark[1]]
            cursor = hit_end
    pieces.append(text[cursor:end])
    body = " ".join("".join(pieces).split())
    return ("…" if begin > 0 else "") + body + ("…" if end < len(text) else "")


def page_parts(text: str, text_pages: list[tuple[int, int]], first_page: int) -> list[tuple[int, str]]:
    """A text cut where its pages begin, each part with its page: one passage per page, so
    a hit says the page its words are on (a 40-page section is not all "p. 1"). Parts
    without words are left out.

    Example:
        >>> page_parts("Punkt\\nmøde\\nSkolen lukker", [(0, 3), (2, 4)], 3)
        [(3, 'Punkt\\nmøde'), (4, 'Skolen lukker')]
        >>> page_parts("Godkendt.", [], 2), page_parts("  ", [], 1)
        ([(2, 'Godkendt.')], [])
    """
    lines = text.split("\n")
    if not text_pages or text_pages[0][0] != 0 or text_pages[-1][0] >= len(lines):
        # (one page, or pages that do not fit the text: a hand-edited Document)
        return [(text_pages[0][1] if text_pages else first_page, text)] if text.strip() else []
    bounds = [line for line, _page in text_pages[1:]] + [len(lines)]
    parts = [(page, "\n".join(lines[start:end])) for (start, page), end in zip(text_pages, bounds, strict=True)]
    return [(page, part) for page, part in parts if part.strip()]
