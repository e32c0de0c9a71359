"""A point's title: the first sentence of its text, read forward from its number (or from
the line after a margin number) or, where the number stands beside the decision, back
from it. Without a full stop the text ends where the decision, a list, a number or a new
sentence starts, or, in a book that sets its points apart, at a blank line."""

from __future__ import annotations

import re

from referat.extract.historic.minutes import CLOSING_LINE, MEETING_CLOSED
from referat.extract.historic.numbers import SUB_POINT, Candidate, candidate
from referat.extract.historic.sentences import SENTENCE_OPENERS, ends_open, first_sentence, sentence_end
from referat.extract.historic.verdicts import is_verdict, subject_verdict, verdict_word_first

# "Ansøgninger om Udstykninger:": a title ending in a colon heads the list under it.
_LIST_HEADING = re.compile(r"[\wæøå]{2}:$")
# Lists under the point: "Matr. Nr. 221 g tilh. …", ditto marks ('" " 13 b').
_LIST_LINE = re.compile(r'^(?:matr\.?\s*nr\b|"\s)', re.I)
# "… til midlertidig" / "Have henvistes til …": a title ending on an adjective goes on to its
# noun, even where the next line reads like a subject and a verdict.
_ADJECTIVE_END = re.compile(r"\s[a-zæøå]+(?:e|ig|isk)$")
# "Valg af Maskintilsynsmand og Stedfortræder" / "Mekaniker Walther": the names elected.
_ELECTION = re.compile(r"^(?:gen|ny)?valg\b", re.I)
_NAME_LINE = re.compile(r"^(?:[A-ZÆØÅ][\wæøå.'-]*,?\s*){1,5}$")
# A bracket of a few words belongs to the text ("(Præstegaardsjorden)", "(Snog");
# a longer one is a remark of its own ("(Direktør Merlin … vil være til Stede …").
_SHORT_BRACKET = re.compile(r"^\((?:[^()\s]+(?:\s+[^()\s]+){0,2}\)|[^()\s]+$)")
# "… anmoder Sogneraadet" / "" / "om Tilskud.", "Bekendt=" / "gørelse": a broken word.
_BROKEN_WORD = re.compile(r"[-=]$")


def _number_stops(number: Candidate, title: str, current: int | None) -> bool:
    """Another number stops the text — unless it cannot be a point here and the sentence
    runs on ("… i Overensstemmelse med Punkt" / "1. Hvis …")."""
    if number.kind in ("ad", "sub") or current is None or current <= number.number <= current + 3:
        return True
    return sentence_end(title + "\n") is not None


def _lower_case_stops(text: str, title: str) -> bool:
    """A short verdict is the decision ("… Nørregade 43 København" / "nægtedes"), but
    completes a text that opened with an adverbial ("Til en Fest for de arbejdsløse" /
    "bevilgedes 200 Kr.") and a longer line runs on ("forventes" / "godkendt, idet …")."""
    opens_with_adverbial = title.split()[0].lower() in SENTENCE_OPENERS if title.split() else False
    return verdict_word_first(text) and len(text.split()) <= 3 and "," not in text and not opens_with_adverbial


def _capitalised_stops(text: str, title: str, election: bool) -> bool:
    """Whether a capitalised line starts something else: a decision, a list, a remark in
    brackets, a new sentence, or (under an election) the names elected."""
    if subject_verdict([w.strip(".,;:") for w in text.split()]) and _ADJECTIVE_END.search(title):
        return False
    if is_verdict(text) or _LIST_LINE.match(text):
        return True
    if text.startswith("(") and not _SHORT_BRACKET.match(text):
        return True  # "(Direktør Merlin … vil være til Stede …)": a remark of its own
    first = text.split()[0].strip(".,;:")
    if first.lower() in SENTENCE_OPENERS:
        return True
    return election and bool(_NAME_LINE.match(text))


def _stops_title(text: str, title: str, current: int | None, election: bool) -> bool:
    """Whether a line after a point's first line starts something else than its text.

    >>> _stops_title("Bevilges 25 Kr.", "Ansøgning om Tilskud", 2, False)
    True
    >>> _stops_title("Kommune om Tilskud", "Ansøgning fra Hammel", 2, False)
    False
    """
    if not text or SUB_POINT.match(text) or CLOSING_LINE.match(text) or MEETING_CLOSED.match(text):
        return True
    if _LIST_HEADING.search(title.rstrip()):
        return True  # "Ansøgninger om Udstykninger:" and the list under it
    number = candidate(text)
    if number:
        return _number_stops(number, title, current)
    if ends_open(title):
        return False
    if text[:1].islower():
        return _lower_case_stops(text, title)
    return _capitalised_stops(text, title, election)


def _runs_on(title: str, following: str) -> bool:
    """Whether a sentence runs on over a blank line: some books leave one where the page
    turns ("… anmoder Sogneraadet" / "" / "om Tilskud."): the title ends in a broken word or
    a word the sentence cannot end with, or the next line goes on in lower case — unless
    that is a verdict, the decision under the point ("" / "nægtedes", "do.")."""
    if candidate(following) or is_verdict(following):
        return False
    return bool(_BROKEN_WORD.search(title)) or ends_open(title) or following[:1].islower()


def forward_title(
    texts: list[str], start: int, first: str, current: int | None, end: int, blanks: list[bool], limit: int = 30
) -> tuple[str, int]:
    """The point's text from ``first`` on, over the lines after ``start`` that continue it;
    the title is its first sentence. Returns the title and the last line index used.

    >>> texts = ["1. Ansøgning fra Hammel", "Kommune om Tilskud", "Bevilges 25 Kr."]
    >>> forward_title(texts, 0, "Ansøgning fra Hammel", 1, 3, [False] * 3)
    ('Ansøgning fra Hammel Kommune om Tilskud', 1)
    """
    title = first
    election = bool(_ELECTION.match(first))
    index = start
    while index + 1 < min(end, len(texts)) and index - start < limit:
        following = texts[index + 1]
        if blanks[index + 1] and not _runs_on(title, following):
            break  # a blank line ends the point's paragraph
        # A full stop at the line end ends the text unless the next line runs on in lower case.
        if sentence_end(title + "\n") is not None and not (
            following[:1].islower() and not verdict_word_first(following)
        ):
            break
        if _stops_title(following, title, current, election):
            break
        title = f"{title}\n{following}"
        index += 1
    return first_sentence(title), index


def backward_text(texts: list[str], end: int, floor: int, narrow: float) -> str | None:
    """The paragraph just above ``end`` and after ``floor``: a point's text written before
    its margin number. It stops at a decision, a number, or a line of the narrower margin
    column, and needs one line of the text column's width.

    >>> backward_text(["Møde", "Skrivelse fra Amtet om Vejene.", "2.", "Til Efterretning"], 2, 0, 10.0)
    'Skrivelse fra Amtet om Vejene.'
    """

    def usable(text: str) -> bool:
        return bool(text) and not candidate(text) and not is_verdict(text) and not CLOSING_LINE.match(text)

    index = end - 1
    if index <= floor or not usable(texts[index]):
        return None
    while index - 1 > floor and usable(texts[index - 1]) and len(texts[index - 1]) >= narrow:
        index -= 1
    if all(len(text) < narrow for text in texts[index:end]):
        return None
    return first_sentence("\n".join(texts[index:end]))
