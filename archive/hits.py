"""A query's hits in a text, found again after the index found the text: which words (and
phrases) to mark, which passage of an item to show, and the snippet around the most hits."""

from __future__ import annotations

from collections.abc import Iterable

from referat.archive.query import AS_PRINTED, SAME_STEM, Query, Term, WordHit
from referat.archive.query import parse_query as parse_query  # (the examples below)
from referat.archive.text import WORD, stem


def find_hits(text: str, query: Query) -> list[WordHit]:
    """The words and phrases of ``text`` that match ``query``, in order, none overlapping.

    Without phrases, only the words around an occurrence of a needle
    (:attr:`Query.needles`) are tested, and needles are found with ``str.find`` on the
    lower-cased text: a 50-page section costs little more than a title (a regex over
    every word is ~10× slower). A phrase needs every word's neighbours: a text that may
    hold one is read word by word.

    Example:
        >>> text = "Økonomiaftalen og aftaler."
        >>> [text[h.start:h.end] for h in find_hits(text, parse_query("aftale"))]
        ['Økonomiaftalen', 'aftaler']
        >>> text = "Byrådet tog sagen til efterretning. Taget til efterretning."
        >>> [text[h.start:h.end] for h in find_hits(text, parse_query('"tage til efterretning"'))]
        ['Taget til efterretning']
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): offsets in ``lowered`` would drift
        tokens = _tokens(text)
        hits = [hit for start, end, word in tokens if (hit := _word_hit(query, start, end, word))]
        return _merged(hits + _phrase_hits(tokens, query.phrases)) if query.phrases else hits
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
    # Each word of a phrase holds one of its spellings or stems (a Snowball stem is a prefix
    # of its word): a text without them all is not read word by word.
    phrases = [(clause, phrase) for clause, phrase in query.phrases if phrase.may_occur_in(lowered)]
    return _merged(hits + _phrase_hits(_tokens(text), phrases)) if phrases else hits


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(match.start(), match.end(), match.group().lower()) for match in WORD.finditer(text)]


def _phrase_hits(tokens: list[tuple[int, int, str]], phrases: Iterable[tuple[int, Term]]) -> list[WordHit]:
    """Where each phrase (with its clause's index) occurs among ``tokens`` (start, end, lower-cased word)."""
    hits = []
    stems = [stem(word) for _, _, word in tokens]
    for clause, phrase in phrases:
        size = len(phrase.words)
        for first in range(len(tokens) - size + 1):
            if all(
                phrase.matches_word(tokens[first + offset][2], stems[first + offset], offset) for offset in range(size)
            ):
                exact = all(tokens[first + offset][2] in phrase.spellings[offset] for offset in range(size))
                hits.append(
                    WordHit(
                        tokens[first][0], tokens[first + size - 1][1], 1 << clause, AS_PRINTED if exact else SAME_STEM
                    )
                )
    return hits


def _merged(hits: list[WordHit]) -> list[WordHit]:
    """Hits in order with overlapping ones (a word inside a phrase) made one."""
    merged: list[WordHit] = []
    for hit in sorted(hits):
        if merged and hit.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = WordHit(
                last.start, max(last.end, hit.end), last.words | hit.words, max(last.weight, hit.weight)
            )
        else:
            merged.append(hit)
    return merged


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
