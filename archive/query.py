"""The query language, and finding a query's hits in a text again.

A query never reaches FTS5 as the user typed it: :func:`parse_query` reads its own small
language (words, ``"phrases"``, ``OR``, ``-term``, ``prefix*``) into a :class:`Query`,
whose MATCH expressions are built here with every word quoted, so NEAR, brackets, colons
and SQL fragments are only ever searched for as words, and a malformed query (an
unmatched quote, a lone OR) is a QueryError of one sentence. A word matches by the
index's rules (text.py): as printed, by stem, as a compound part. hits.py finds a
query's hits in a text again.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple

from referat.archive.text import (
    MAX_QUERY_WORDS,
    MIN_HEAD,
    MIN_PREFIX,
    MIN_TAIL,
    STOP_WORDS,
    QueryError,
    is_compound,
    spelling_variants,
    stem,
    words,
)

# How much a word weighs when choosing an item's best passage; the same order as the bm25
# column weights in store.py: a word as printed, then a word with the same stem, then a
# compound part.
AS_PRINTED, SAME_STEM, COMPOUND_PART = 4, 2, 1


class WordHit(NamedTuple):
    """One word (or one phrase) of a text that matches the query: where it is, which query
    clauses it satisfies (bit i for clause i) and how closely (AS_PRINTED, SAME_STEM, COMPOUND_PART)."""

    start: int
    end: int
    words: int
    weight: int


TermKind = Literal["word", "prefix", "phrase"]


@dataclass(frozen=True)
class Term:
    """One thing a query looks for.

    - ``word``: the word as printed, by its stem, as a compound's part, and (from
      MIN_PREFIX letters) as the beginning of a longer word: what a plain word has always
      matched;
    - ``prefix`` (``psyk*``): any word, or compound part, that begins with it;
    - ``phrase`` (``"taget til efterretning"``): the words next to each other in this
      order, each as printed or by its stem (never as a compound part or a prefix).
    """

    kind: TermKind
    words: tuple[str, ...]

    @cached_property
    def spellings(self) -> tuple[tuple[str, ...], ...]:
        """Per word: itself and its aa/å spelling."""
        return tuple(tuple(spelling_variants(word)) for word in self.words)

    @cached_property
    def stems(self) -> tuple[tuple[str, ...], ...]:
        """Per word: the stems of its spellings."""
        return tuple(tuple(dict.fromkeys(stem(v) for v in variants)) for variants in self.spellings)

    @cached_property
    def terms(self) -> tuple[tuple[str, bool], ...]:
        """The index terms a word or prefix looks for, each with whether it is a prefix (:func:`_terms`)."""
        if self.kind == "prefix":
            return tuple((spelling, True) for spelling in self.spellings[0])
        if self.kind == "word":
            return tuple(_terms(self.spellings[0], self.stems[0]))
        return ()

    @property
    def is_stop_word(self) -> bool:
        return self.kind == "word" and self.words[0] in STOP_WORDS

    def expression(self, titles: bool = False, title_only: bool = False) -> str:
        """This term as an FTS5 expression for the passage index, or with ``titles`` for the
        item index (whose title_* columns are searched too), or with ``title_only`` for the
        item index's title columns alone (what the item's title passage matches).

        Example:
            >>> Term("phrase", ("taget", "til")).expression()
            '({text} : "taget" + "til" OR {stems} : "tag" + "til")'
            >>> Term("word", ("aftaler",)).expression(title_only=True)
            '({title_text title_parts} : "aftaler" * OR {title_text title_stems title_parts} : "aftal")'
        """
        if self.kind != "phrase":
            if title_only:
                return _word_expression(self.terms, _TITLE_PREFIX_COLUMNS, _TITLE_COLUMNS)
            return _word_expression(self.terms, _PREFIX_COLUMNS + (_TITLE_PREFIX_COLUMNS if titles else ()))
        text_columns = "{title_text} : " if title_only else "{text title_text} : " if titles else "{text} : "
        stem_columns = "{title_stems} : " if title_only else "{stems title_stems} : " if titles else "{stems} : "
        alternatives = [
            text_columns + " + ".join(map(_quote, spelled)) for spelled in _few(itertools.product(*self.spellings))
        ]
        alternatives += [
            stem_columns + " + ".join(map(_quote, stemmed)) for stemmed in _few(itertools.product(*self.stems))
        ]
        return "(" + " OR ".join(dict.fromkeys(alternatives)) + ")"

    def may_occur_in(self, lowered: str) -> bool:
        """Whether a lower-cased text holds, for each word of this phrase, one of its
        spellings or stems (a word that matches by stem begins with it)."""
        return all(
            any(needle in lowered for needle in (*spellings, *stems))
            for spellings, stems in zip(self.spellings, self.stems, strict=True)
        )

    def matches_word(self, word: str, word_stem: str, position: int) -> bool:
        """Whether a lower-cased word of a text can be word ``position`` of this phrase."""
        return word in self.spellings[position] or word_stem in self.stems[position]

    def __str__(self) -> str:
        if self.kind == "phrase":
            return '"' + " ".join(self.words) + '"'
        return self.words[0] + ("*" if self.kind == "prefix" else "")


def _few(combinations: Iterable[tuple[str, ...]], most: int = 4) -> list[tuple[str, ...]]:
    """The first few spellings of a phrase (each aa/å word doubles them)."""
    return list(itertools.islice(combinations, most))


@dataclass(frozen=True)
class Query:
    """A parsed user query: clauses that must all hold (each one term or several joined by
    OR), and terms that must not occur in a hit (``-word``)."""

    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()
    _hits: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def words(self) -> tuple[str, ...]:
        """Every word the query looks for (not those it leaves out), in order."""
        return tuple(dict.fromkeys(word for clause in self.clauses for term in clause for word in term.words))

    @property
    def has_phrase(self) -> bool:
        return any(term.kind == "phrase" for clause in self.clauses for term in clause)

    @property
    def match(self) -> str:
        """The FTS5 MATCH expression for the passage index: every clause must hold, a
        word as printed, by stem or as a compound part (the terms left out are not in it:
        see :attr:`exclude`).

        Example:
            >>> parse_query("psykiatri OR somatik").match
            '(({text parts} : "psykiatri" *) OR ({text parts} : "somatik" *))'
        """
        return " AND ".join(_clause_expression(clause) for clause in self.clauses)

    @property
    def title_match(self) -> str:
        """:attr:`match` for the item index's title columns: the items whose title passage
        holds every clause (under --public, what a closed item may be found by)."""
        return " AND ".join(
            "(" + " OR ".join(term.expression(title_only=True) for term in clause) + ")" for clause in self.clauses
        )

    @property
    def rank_match(self) -> str:
        """The MATCH expression for the item index, which also has title columns: every
        clause but those of stop words, unless the query has nothing else. Whoever ranks by
        it must also require :attr:`match` in one passage, and leave out :attr:`exclude`.

        Example:
            >>> print(parse_query("taget til efterretning").rank_match.replace(") AND (", ")\\nAND ("))
            (({text parts title_text title_parts} : "taget" * OR "tag"))
            AND (({text parts title_text title_parts} : "efterretning" *))
        """
        kept = [clause for clause in self.clauses if not all(term.is_stop_word for term in clause)] or self.clauses
        return " AND ".join(_clause_expression(clause, titles=True) for clause in kept)

    @property
    def exclude(self) -> str | None:
        """The MATCH expression (passage index) of the terms a hit must not hold, or None."""
        if not self.excluded:
            return None
        return " OR ".join(term.expression() for term in self.excluded)

    @property
    def exclude_items(self) -> str | None:
        """:attr:`exclude` for the item index (an item's text and title)."""
        if not self.excluded:
            return None
        return " OR ".join(term.expression(titles=True) for term in self.excluded)

    @property
    def all_words(self) -> int:
        """The bit mask of a text that holds every clause (see :class:`WordHit`)."""
        return (1 << len(self.clauses)) - 1

    @cached_property
    def _word_terms(self) -> tuple[tuple[tuple[str, bool], ...], ...]:
        """Per clause, the index terms of its words and prefixes (phrases are found apart)."""
        return tuple(tuple(pair for term in clause for pair in term.terms) for clause in self.clauses)

    @cached_property
    def phrases(self) -> tuple[tuple[int, Term], ...]:
        """The phrases of the clauses, each with its clause's index."""
        return tuple(
            (index, term) for index, clause in enumerate(self.clauses) for term in clause if term.kind == "phrase"
        )

    @cached_property
    def needles(self) -> tuple[str, ...]:
        """Strings every matching word contains: its terms. A Snowball stem is a prefix of
        its word, so a word that matches by stem or compound part contains the term too."""
        return tuple(dict.fromkeys(term for terms in self._word_terms for term, _ in terms))

    def hit(self, word: str) -> tuple[int, int]:
        """Which clauses a lower-cased word of a passage satisfies by a word or prefix, as
        a bit mask, and its weight; by the same rules as :attr:`match` (``(0, 0)`` for no hit)."""
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
        for index, terms in enumerate(self._word_terms):
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


def _clause_expression(clause: tuple[Term, ...], titles: bool = False) -> str:
    return "(" + " OR ".join(term.expression(titles) for term in clause) + ")"


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
_TITLE_COLUMNS = ("title_text", "title_stems", "title_parts")


def _word_expression(
    terms: tuple[tuple[str, bool], ...], prefix_columns: tuple[str, ...], whole_columns: tuple[str, ...] = ()
) -> str:
    """One query word as FTS5 alternatives.

    A whole term may match in any column (text, stems or parts; or any of ``whole_columns``
    when given): the column it matches in only weighs the hit (bm25 weights), and one term
    per column would triple the terms to match and rank. A prefix skips the stems columns: a stem is a prefix of its
    word, so a stem that begins with the prefix is a word that does, found in ``text``
    already; counting it twice cost ~20 % of ranking "budget" ("budgettet", stem "budget").

    Example:
        >>> _word_expression((("aftaler", True), ("aftal", False)), ("text", "parts"))
        '({text parts} : "aftaler" * OR "aftal")'
    """
    columns = "{" + " ".join(prefix_columns) + "} : "
    whole = "{" + " ".join(whole_columns) + "} : " if whole_columns else ""  # (none: any column)
    alternatives = [(columns + _quote(term) + " *") if prefix else whole + _quote(term) for term, prefix in terms]
    return "(" + " OR ".join(alternatives) + ")"


# What the query language reads, besides words: a quoted phrase, OR between two terms,
# a leading "-" (leave out) and a trailing "*" (prefix). Everything else that is not a
# letter or a digit separates words, as in the index.
_QUERY_TOKEN = re.compile(
    r'"(?P<phrase>[^"]*)"|(?P<quote>")|(?P<minus>(?<!\S)-(?=[^\W_]))?(?P<word>[^\W_]+)(?P<star>\*)?'
)
# A prefix shorter than this would read most of the index.
MIN_PREFIX_TYPED = 2


def parse_query(text: str) -> Query:
    """Turn what a user typed into a Query, or raise QueryError with one sentence.

    Words are searched as today (as printed, by stem, as compound parts); ``"…"`` is a
    phrase, ``OR`` (in capitals) joins two terms, ``-term`` leaves items with it out and
    ``word*`` is a prefix. Nothing else is syntax: brackets, colons and FTS5 keywords
    other than OR are searched as the words they contain.

    Example:
        >>> query = parse_query('"taget til efterretning" OR godkendt -budget psyk* NEAR(x')
        >>> [" | ".join(map(str, clause)) for clause in query.clauses], [str(t) for t in query.excluded]
        (['"taget til efterretning" | godkendt', 'psyk*', 'near', 'x'], ['budget'])
    """
    items = _query_items(text)
    if not items:
        raise QueryError("the query has no words to search for (letters or digits)")
    counted = sum(len(term.words) for _, term in items if isinstance(term, Term))
    if counted > MAX_QUERY_WORDS:
        raise QueryError(f"the query has {counted} words; at most {MAX_QUERY_WORDS} are searched")
    clauses: list[tuple[Term, ...]] = []
    excluded: list[Term] = []
    position = 0
    while position < len(items):
        negated, term = items[position]
        if term == "OR":
            raise QueryError("OR must stand between two words or phrases (as in: kræft OR psykiatri)")
        assert isinstance(term, Term)
        if negated:
            if position + 1 < len(items) and items[position + 1][1] == "OR":
                raise QueryError(f"OR cannot join a left-out term (-{term}); write the words to find on both sides")
            excluded.append(term)
            position += 1
            continue
        alternatives = [term]
        position += 1
        while position < len(items) and items[position][1] == "OR":
            if position + 1 >= len(items) or items[position + 1][1] == "OR":
                raise QueryError("OR must stand between two words or phrases (as in: kræft OR psykiatri)")
            negated, following = items[position + 1]
            if negated:
                raise QueryError(
                    f"OR cannot join a left-out term (-{following}); write the words to find on both sides"
                )
            assert isinstance(following, Term)
            alternatives.append(following)
            position += 2
        clauses.append(tuple(dict.fromkeys(alternatives)))
    if not clauses:
        raise QueryError("the query only leaves words out (-word); add a word to find")
    # Drop repeated clauses: "aftale aftale" asks for nothing more than "aftale".
    return Query(clauses=tuple(dict.fromkeys(clauses)), excluded=tuple(dict.fromkeys(excluded)))


def _query_items(text: str) -> list[tuple[bool, Term | str]]:
    """The terms and ORs of a query, in order, each with whether it is left out (``-``)."""
    items: list[tuple[bool, Term | str]] = []
    for found in _QUERY_TOKEN.finditer(text):
        if found.group("quote"):
            raise QueryError('the query has an unmatched quote ("); close the phrase or leave the quote out')
        phrase = found.group("phrase")
        negated = text[found.start() - 1 : found.start()] == "-" and (
            found.start() < 2 or text[found.start() - 2].isspace()
        )
        if phrase is not None:
            phrase_words = tuple(words(phrase))
            if not phrase_words:
                raise QueryError(f'the phrase "{phrase}" has no words to search for (letters or digits)')
            items.append((negated, Term("phrase", phrase_words)))
            continue
        word = found.group("word")
        if word == "OR" and not found.group("minus") and not found.group("star"):
            items.append((False, "OR"))
            continue
        cut = words(word)  # (cut as the index cuts it: a letter whose lower case is two characters)
        for lowered in cut[:-1]:
            items.append((bool(found.group("minus")), Term("word", (lowered,))))
        if found.group("star"):
            if len(cut[-1]) < MIN_PREFIX_TYPED:
                raise QueryError(f"a prefix needs at least {MIN_PREFIX_TYPED} letters ({word}*)")
            items.append((bool(found.group("minus")), Term("prefix", (cut[-1],))))
        elif cut:
            items.append((bool(found.group("minus")), Term("word", (cut[-1],))))
    return items
