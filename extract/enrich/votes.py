"""Vote counts: how many were for, against and abstaining in one ballot.

Councils print a ballot in two ways, and both are read here:

* stance first, one stance per line or clause: "For stemte 11 (A, C, V)" / "Imod stemte: 8" /
  "Undlod at stemme 5", "For: 20 (…)" / "Imod: 6 (…)", "hverken for eller imod stemte 0";
  association ballots "Ja: 45, nej: 12, blanke: 3";
* count first, in a sentence: "vedtaget med 15 stemmer mod 10", "med 21 stemmer for, 3 imod
  og 2 undlod at stemme", "forkastet med 5 mod 20 stemmer", "10 stemte for og 3 imod".

"Enstemmigt" is a ballot too: unanimous, with no counts. Who voted how (parties, names) is
read by :mod:`referat.extract.enrich.positions`; this module keeps the numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.extract.vocabulary import VOTE_ABSTAIN_LINKS, VOTE_ABSTAIN_WORDS

# Numbers written as words in running minutes ("med fem stemmer mod fire").
_NUMBER_WORDS = {
    "nul": 0, "ingen": 0, "en": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13,
    "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19, "tyve": 20,
}  # fmt: skip
_COUNT = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"

# Stance-first lines. The object between the stance and "stemte" is a few words at most
# ("For flertalsindstillingen fra ØK stemte 11"); a stance with only a colon needs the count
# right after it, so "For: Jens Hansen …" (names, no count) is left to the positions reader.
_STANCE_FIRST = re.compile(
    r"(?:^|(?<=[\n.;,|]))[ \t•*-]*(?:"
    rf"(?P<stance>for|imod)(?:\s+[\wæøåÆØÅ-]+){{0,4}}?\s+stemte[ \t|]*:?[ \t|]*(?P<count>{_COUNT})?\b"
    rf"|(?P<stance_colon>for|imod|ja|nej)[ \t]*:[ \t|]*(?P<count_colon>{_COUNT})\b"
    r"|(?P<abstain>undlod\s+at\s+stemme|hverken\s+for\s+eller\s+imod(?:\s+stemte)?|blanke?|undlod)"
    rf"[ \t]*:?[ \t|]*(?P<count_abstain>{_COUNT})?\b"
    r")",
    re.I,
)
_ABSTAIN_WORDS = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in VOTE_ABSTAIN_WORDS)
# Count-first: "med 15 stemmer (for) mod 10", "med 21 stemmer for, 3 imod og 2 undlod",
# "med 15 for og 10 imod", "med 5 mod 20 stemmer", "10 stemte for og 3 imod".
_COUNT_FIRST = re.compile(
    rf"\b(?:med\s+(?P<for_med>{_COUNT})\s+(?:stemmer\s+)?(?:for\s*,?\s*(?:og\s+)?(?P<against_for>{_COUNT})\s+(?:stemmer\s+)?imod"
    rf"|(?:for\s+)?mod\s+(?P<against_mod>{_COUNT})(?:\s+stemmer)?)"
    rf"|(?P<for_stemte>{_COUNT})\s+stemte\s+for\s*,?\s*(?:og\s+)?(?P<against_stemte>{_COUNT})\s+(?:stemte\s+)?imod"
    # against first: "forkastet med 12 stemmer imod og 9 for"
    rf"|med\s+(?P<against_first>{_COUNT})\s+(?:stemmer\s+)?imod\s*,?\s*og\s+(?P<for_after>{_COUNT})\s+(?:stemmer\s+)?for)"
    rf"(?:\s*[,(]?\s*(?:(?:{'|'.join(VOTE_ABSTAIN_LINKS)})\s+)?(?P<abstained>{_COUNT})\s+"
    rf"(?:{_ABSTAIN_WORDS}))?",
    re.I,
)
# "For stemte: A (5), V (4) og F (2)": the counts of each party, summed when no total is printed.
_PARTY_COUNT = re.compile(r"(?<![\w(])[A-ZÆØÅ]{1,3}\s*\((\d{1,3})\)")
# "(13)" closing a stance line whose only number it is.
_TRAILING_COUNT = re.compile(r"[^\d\n]*\((\d{1,3})\)[ \t.]*(?:\n|$)")
_UNANIMOUS = re.compile(r"\benstemmig(?:t|e)?\b", re.I)
# A cheap check before the patterns run: most texts hold no ballot.
_CUE = re.compile(r"stemte|stemmer|undlod|enstemmig|\b(?:for|imod|ja|nej|blanke?)\s*:", re.I)


@dataclass(frozen=True)
class VoteMatch:
    text: str
    in_favour: int | None
    against: int | None
    abstained: int | None
    unanimous: bool = False
    start_char: int = 0


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())


def find_votes(text: str) -> list[VoteMatch]:
    """The ballots ``text`` reports, in order, with their counts.

    Example:
        >>> [(v.in_favour, v.against, v.abstained) for v in find_votes(
        ...     "For stemte 11 (A, C, V)\\nImod stemte 8 (Ø)\\nUndlod at stemme 5 (O)\\nGodkendt.")]
        [(11, 8, 5)]
        >>> [(v.in_favour, v.against) for v in find_votes("Forslaget blev vedtaget med 15 stemmer mod 10.")]
        [(15, 10)]
        >>> find_votes("Indstillingen blev enstemmigt godkendt.")[0].unanimous
        True
    """
    if not _CUE.search(text):
        return []
    found = _stance_first_ballots(text)
    taken = [(vote.start_char, vote.start_char + len(vote.text)) for vote in found]
    for match in _COUNT_FIRST.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        in_favour = _number(match.group("for_med") or match.group("for_stemte") or match.group("for_after"))
        against = _number(
            match.group("against_for")
            or match.group("against_mod")
            or match.group("against_stemte")
            or match.group("against_first")
        )
        found.append(
            VoteMatch(" ".join(text[slice(*_sentence_span(text, match.start(), match.end()))].split()),
                      in_favour, against, _number(match.group("abstained")), start_char=match.start())
        )  # fmt: skip
        taken.append(_sentence_span(text, match.start(), match.end()))
    for match in _UNANIMOUS.finditer(text):
        sentence_start, sentence_end = _sentence_span(text, match.start(), match.end())
        if any(start < sentence_end and sentence_start < end for start, end in taken):
            continue  # "enstemmigt" beside a count belongs to that ballot
        sentence = " ".join(text[sentence_start:sentence_end].split())
        found.append(VoteMatch(sentence, None, None, None, unanimous=True, start_char=match.start()))
        taken.append((sentence_start, sentence_end))
    return sorted(found, key=lambda vote: vote.start_char)


def _stance_first_ballots(text: str) -> list[VoteMatch]:
    """Consecutive stance lines ("For stemte …", "Imod stemte …", "Undlod …") as one ballot
    each; a stance that comes again, or other text between two stance lines, starts the next
    ballot (blank lines between them do not)."""
    ballots: list[VoteMatch] = []
    counts: dict[str, int | None] = {}
    start = end = -1
    for match in _STANCE_FIRST.finditer(text):
        stance, count = _stance_and_count(match)
        if stance is None:
            continue
        far = start >= 0 and bool(text[end : match.start()].strip())  # other text between: a new ballot
        if start >= 0 and (stance in counts or far):
            ballots.append(_ballot(text, start, end, counts))
            counts, start = {}, -1
        if start < 0:
            start = match.start()
        end = _line_end(text, match.end())
        if count is None:  # "For stemte: A, V og C (13)": the count after the voters
            parties = _PARTY_COUNT.findall(text, match.end(), end)
            trailing = _TRAILING_COUNT.match(text, match.end(), end + 1)
            if len(parties) > 1:  # "A (5), V (4) og F (2)": each party's count, no total
                count = sum(int(number) for number in parties)
            else:
                count = int(trailing.group(1)) if trailing else None
        counts[stance] = count
    if start >= 0:
        ballots.append(_ballot(text, start, end, counts))
    # A "ballot" of one stance with no number is a list of names, not a count.
    return [vote for vote in ballots if (vote.in_favour, vote.against, vote.abstained) != (None, None, None)]


def _stance_and_count(match: re.Match[str]) -> tuple[str | None, int | None]:
    if match.group("stance"):
        return ("for" if match.group("stance").lower() == "for" else "against"), _number(match.group("count"))
    if match.group("stance_colon"):
        word = match.group("stance_colon").lower()
        return ("for" if word in ("for", "ja") else "against"), _number(match.group("count_colon"))
    abstain_word = match.group("abstain").lower()
    count = _number(match.group("count_abstain"))
    if abstain_word.startswith(("blank", "undlod")) and not abstain_word.startswith("undlod at") and count is None:
        return None, None  # a bare "undlod"/"blank" with no number is prose, not a ballot line
    return "abstain", count


def _ballot(text: str, start: int, end: int, counts: dict[str, int | None]) -> VoteMatch:
    return VoteMatch(
        " ".join(text[start:end].split()),
        counts.get("for"),
        counts.get("against"),
        counts.get("abstain"),
        start_char=start,
    )


def _line_end(text: str, position: int) -> int:
    line_end = text.find("\n", position)
    return len(text) if line_end < 0 else line_end


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: from the last full stop or line break before
    it to the next one after it."""
    stop_before = text.rfind(". ", 0, start)
    sentence_start = max(stop_before + 2 if stop_before >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stops = [position for position in (text.find(". ", end), text.find("\n", end)) if position >= 0]
    return sentence_start, (min(stops) + 1 if stops else len(text))
