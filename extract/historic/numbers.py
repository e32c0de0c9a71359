"""The point numbers in a book's margin, and which of them continue the sequence.

A number is written "1. Tekst", "3) Tekst", "11, Tekst" (with the point's text), "1" or
"1." alone (a margin number), "14 a) Tekst" (with the first sub-point) or "ad 3." (the
decision column); see :mod:`referat.extract.historic.points` for how each is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.extract.historic.dates import MONTH_NAMES
from referat.extract.historic.verdicts import verdict_word_first
from referat.extract.pages import Line

# "1. Tekst", "3) Tekst", "11, Tekst" — the text may not start in lower case ("1. og 3.
# Søndag", "9. ds. til Godkendelse" continue a sentence).
_NUMBERED = re.compile(r"^(?P<number>\d{1,3})(?:[.,]\s+|\)\s*)(?P<text>[^\sa-zæøå].*)$")
# "1", "1." or ". 3" alone: a margin number, the point's text on the next line (Tiset
# repeats it before the decision).
_BARE = re.compile(r"^\.?\s*(?P<number>\d{1,3})\s*[.,]?$")
# "11 a) Udkast til Vedtægt …", "19. a) Andragende fra …": the number with its first sub-point.
_NUMBERED_SUB = re.compile(r"^(?P<number>\d{1,3})\s*[.,]?\s*(?P<letter>[a-zæø])\)\s*(?P<text>.*)$")
# "ad 2. Det vedtoges at": the decision column (Hasle), naming the point it decides.
_AD = re.compile(r"^ad\s+(?P<number>\d{1,3})\b", re.I)
# "b) Falcks Redningskorps anerkender": a sub-point, not the point's text.
SUB_POINT = re.compile(r"^[a-zæø]\)")
# "1. Januar 1942 at regne", "2. Behandling": an ordinal at a line start.
_ORDINAL_NOUN = re.compile(rf"^(?:{MONTH_NAMES})(?![\wæøå])|^(?:behandling|klasse|termin|prioritet|søndag|gang)", re.I)


@dataclass
class Candidate:
    """A line that may be a point's number: where, the number, as printed, and the text
    beside it ("numbered" and "sub" only)."""

    index: int
    number: int
    printed: str
    kind: str  # "numbered", "bare", "sub", "ad"
    text: str = ""


def candidate(text: str) -> Candidate | None:
    """The number a line opens with, if it may be a point's.

    >>> candidate("14 a) Ansøgning om Tilskud")
    Candidate(index=-1, number=14, printed='14', kind='sub', text='Ansøgning om Tilskud')
    >>> candidate("1. Januar 1942 at regne") is None, candidate("ad 3. Til Efterretning").kind
    (True, 'ad')
    """
    if match := _AD.match(text):
        return Candidate(-1, int(match.group("number")), match.group("number"), "ad")
    if match := _NUMBERED_SUB.match(text):
        return Candidate(-1, int(match.group("number")), match.group("number"), "sub", match.group("text").strip())
    if match := _BARE.match(text):
        return Candidate(-1, int(match.group("number")), match.group("number"), "bare")
    if (match := _NUMBERED.match(text)) and not _ORDINAL_NOUN.match(match.group("text")):
        return Candidate(-1, int(match.group("number")), match.group("number"), "numbered", match.group("text").strip())
    return None


def candidates_in(texts: list[str], start: int) -> list[Candidate]:
    """Every line from ``start`` on that may be a point's number, with its index."""
    found = []
    for index in range(start, len(texts)):
        number = candidate(texts[index])
        if number:
            number.index = index
            found.append(number)
    return found


def numbers_after_text(candidates: list[Candidate], texts: list[str]) -> bool:
    """Ormslev style: most margin numbers stand beside their decision, below the text."""
    seen: set[int] = set()
    beside_decision = total = 0
    for number in candidates:
        if number.kind != "bare" or number.number in seen:
            continue
        seen.add(number.number)
        total += 1
        following = texts[number.index + 1] if number.index + 1 < len(texts) else ""
        beside_decision += verdict_word_first(following)
    return total >= 2 and beside_decision * 2 >= total


def _stray_digit(printed: str, expected: int) -> bool:
    """ "910." after 9, "145." after 13: a stray digit beside the expected number."""
    wanted = str(expected)
    return len(wanted) > 1 and len(printed) > len(wanted) and (printed.endswith(wanted) or printed.startswith(wanted))


def sequence_number(candidates: list[Candidate], position: int, last: int) -> int | None:
    """The place in the sequence a candidate takes, or None when it does not continue it:
    the next number; a number after a gap that the following numbers continue; a stray
    digit beside the expected number ("910." after 9, "145." after 13); a misprint between n and n + 2
    ("3.", "7.", "5.").

    >>> numbers = [candidate(text) for text in ("3.", "7.", "5.")]
    >>> sequence_number(numbers, 1, 3)
    4
    """
    number = candidates[position].number
    expected = last + 1
    if number == expected:
        return number
    if number <= last:
        return None
    if _stray_digit(candidates[position].printed, expected):
        return expected
    following = next((c.number for c in candidates[position + 1 :] if c.kind != "ad" and c.number > last), None)
    if following == number + 1 and number - last <= 3:
        return number
    if following == expected + 1 and last:
        return expected
    return None


def sets_points_apart(lines: list[Line]) -> bool:
    """Whether the book's blank lines are paragraph breaks: most of its point numbers stand
    after one. (Some transcriptions leave a blank line only where a page turned.)"""
    numbers = [line for line in lines if candidate(line.text.strip())]
    return len(numbers) >= 3 and 2 * sum(line.blank_before for line in numbers) >= len(numbers)
