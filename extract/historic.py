"""Historic minute books (1940s sogneråd): many meetings in one file, in old spelling.

They have no agenda layout: a meeting opens with a sentence ("Sogneraadsmøde paa de
gamles Hjem den 11/2 1941", "Aar 1942 den 19. Januar Kl. 15 afholdt Sogneraadet
ordinært Møde", "Ordinær Møde d. 10/1 1945") and ends with signatures; its points are
numbered in the margin ("1." or a bare "1"), Tiset-style books repeat the number for the
decision. This module finds those meetings and points; it is used only for documents
that read like such a book (see :func:`looks_historic`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from referat.extract.pages import Line
from referat.extract.dates import MONTHS

# The books abbreviate months their own way too: "Septbr.", "Novbr.", "Decbr.".
_OLD_MONTHS = {"januar": 1, "febr.": 2, "septbr.": 9, "oktbr.": 10, "octbr.": 10, "novbr.": 11, "decbr.": 12, "dec.": 12}
_ALL_MONTHS = {**MONTHS, **_OLD_MONTHS}
_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in _ALL_MONTHS), key=len, reverse=True))
# "den 11/2 1941", "d. 10/1 1945", "den 28 Januar 1942", "Tirsdag, den 14. Januar 1941",
# "Aar 1942 den 19. Januar"
SLASH_DATE = re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[ -.]?(?P<year>(?:19|18)\d\d)\b")
# "28 Januar 1942", "21' Oktober 1942", "d. 3' Aug." (the year may be left out)
NAMED_DATE = re.compile(rf"\b(?P<day>[0-3]?\d)['’.]?\s+(?P<month>{_MONTH_NAMES})(?![\wæøå])(?:\s+(?P<year>(?:19|18)\d\d)\b)?", re.I)
YEAR_FIRST = re.compile(rf"\bAar\s+(?P<year>(?:19|18)\d\d)\s+den\s+(?P<day>[0-3]?\d)\.?\s+(?P<month>{_MONTH_NAMES})\b", re.I)
TIME = re.compile(r"\bKl\.?\s*(?P<hour>[0-2]?\d)(?:[.:,](?P<minute>\d\d))?\b|\bKl\.?\s*(?P<compact>[0-2]\d[0-5]\d)\b", re.I)

# A line that opens a meeting.
MEETING_OPENING = re.compile(
    r"^(?:(?:ordinært?|ekstraordinært?)\s+)?sogneraadsmøde\b"
    r"|^(?:ordinær|ekstraordinær|ordinært|ekstraordinært)\s+møde\b"
    r"|^aar\s+\d{4}\s+den\b"
    r"|\b(?:af)?holdt(?:es)?\b.{0,60}\bmøde\b"
    r"|\bholdtes\s+sogneraadsmøde\b"
    r"|^[\wæøå-]+\s+sogneraad\s+afholdt\b",
    re.I,
)
_CLOSING = re.compile(r"^mødet\s+(?:hævet|sluttet)\.?$", re.I)
# Signature lines: a few capitalised names ("N. Jensen   P. Hansen", "Jens Hedegaard").
_SIGNATURE = re.compile(r"^(?:[A-ZÆØÅ][\wæøå.'-]*\s*){1,8}$")
SOGNERAAD = re.compile(r"sogneraad|sogneforstander|sognefoged", re.I)
DOTTED_POINT = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<text>\S.*)$")
BARE_POINT = re.compile(r"^(?P<number>\d{1,2})\.?$")


@dataclass
class HistoricMeeting:
    lines: list[Line]
    date: Optional[str] = None
    start_time: Optional[str] = None
    body: Optional[str] = None
    points: list[tuple[str, str, int]] = field(default_factory=list)  # number, title, page


def looks_historic(lines: list[Line]) -> bool:
    """A sogneråd book: the council named in old spelling and two or more dated openings."""
    text = "\n".join(line.text for line in lines[:4000])
    if not SOGNERAAD.search(text):
        return False
    return sum(1 for index in range(len(lines)) if _opens_meeting(lines, index)) >= 2


_WEEKDAY_OPENING = re.compile(r"^(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:en)?,?\s+(?:den|d\.)\s", re.I)


def _opens_meeting(lines: list[Line], index: int) -> bool:
    text = lines[index].text.strip()
    two_lines = " ".join(line.text for line in lines[index : index + 2])
    if not (
        MEETING_OPENING.search(text)
        or (_WEEKDAY_OPENING.match(text) and _date_in(text))
        # "Onsdagen den 28 Januar 1942 afholdt Sogneraadet" / "Møde i Forsamlingshuset"
        or (re.search(r"\b(?:af)?holdt", text, re.I) and re.search(r"\b(?:af)?holdt\b.{0,80}\bmøde\b", two_lines, re.I) and _date_in(text))
    ):
        return False
    # "Mødet blev afholdt paa 100 Aarsdagen …" is about the meeting, not its opening:
    # an opening names the date (on its line or the next two), or names the council as
    # a heading — not as the last word of a sentence ("… paa næste\nSogneraadsmøde.").
    nearby = " ".join(line.text for line in lines[index : index + 3])
    if _date_in(nearby):
        return True
    return bool(re.match(r"^[\wæøå-]+\s+sogneraad\s+afholdt|^(?:(?:ordinært?|ekstraordinært?)\s+)?sogneraadsmøde\s*$", text, re.I))


def _date_in(text: str, book_year: Optional[int] = None) -> Optional[str]:
    for pattern in (YEAR_FIRST, NAMED_DATE, SLASH_DATE):
        match = pattern.search(text)
        if not match:
            continue
        month = match.group("month")
        month_number = int(month) if month.isdigit() else _ALL_MONTHS[month.lower()]
        if not match.group("year") and book_year is None:
            continue
        day, year = int(match.group("day")), int(match.group("year") or book_year)
        if 1 <= month_number <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month_number:02d}-{day:02d}"
    return None


def _time_in(text: str) -> Optional[str]:
    match = TIME.search(text)
    if not match:
        return None
    if match.group("compact"):
        hour, minute = int(match.group("compact")[:2]), int(match.group("compact")[2:])
    else:
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def split_historic(lines: list[Line]) -> list[HistoricMeeting]:
    """Meetings of a historic minute book, each with its date, time, council and points."""
    openings = [index for index in range(len(lines)) if _opens_meeting(lines, index)]
    # "Mødet hævet" closes a meeting; the next one opens after the signatures under it.
    closings = [index for index, line in enumerate(lines) if _CLOSING.match(line.text.strip())]
    if len(closings) >= 2:
        for closing in closings:
            after = closing + 1
            while after < len(lines) and _SIGNATURE.match(lines[after].text.strip()):
                after += 1
            if after < len(lines) and not any(0 <= opening - after <= 3 for opening in openings):
                openings.append(after)
        openings.sort()
    # An opening line followed at once by its date line ("Ordinært Sogneraadsmøde" /
    # "Tirsdag, den 14. Januar 1941.") is one opening.
    merged: list[int] = []
    for index in openings:
        if merged and index - merged[-1] <= 2:
            continue
        merged.append(index)
    meetings = []
    bounds = ([0] if merged and merged[0] > 0 else []) + merged + [len(lines)]
    # A book covers about a year: a date printed without one takes the book's most common year.
    years = Counter(
        int(date[:4]) for start in merged for date in [_date_in(" ".join(l.text for l in lines[start : start + 3]))] if date
    )
    book_year = years.most_common(1)[0][0] if years else None
    for start, end in zip(bounds, bounds[1:]):
        block = lines[start:end]
        if not block:
            continue
        head = " ".join(line.text for line in block[:3])
        date = _date_in(head) or _signature_date(block) or _date_in(head, book_year)
        meeting = HistoricMeeting(
            lines=block,
            date=date,
            start_time=_time_in(head),
            body="Sogneraadet" if SOGNERAAD.search(head) or SOGNERAAD.search(" ".join(l.text for l in block[-6:])) else None,
        )
        meeting.points = _points(block)
        meetings.append(meeting)
    return meetings


def _signature_date(block: list[Line]) -> Optional[str]:
    # "Elev Sogneraad den 2/12 1940" under the minutes.
    for line in reversed(block[-8:]):
        if SOGNERAAD.search(line.text):
            date = _date_in(line.text)
            if date:
                return date
    return None


def _points(block: list[Line]) -> list[tuple[str, str, int]]:
    """Numbered points: "1. Tekst" or a bare "1" with the text on the next line; a number
    repeated right after its point (the decision in the margin) is the same point."""
    points: list[tuple[str, str, int]] = []
    index = 0
    while index < len(block):
        text = block[index].text.strip()
        dotted = DOTTED_POINT.match(text)
        bare = BARE_POINT.match(text)
        number = title = None
        if dotted:
            number, title = dotted.group("number"), dotted.group("text")
        elif bare and index + 1 < len(block):
            number, title = bare.group("number"), block[index + 1].text.strip()
            index += 1
        if number is not None and title:
            expected_next = int(points[-1][0]) + 1 if points else None
            if points and number == points[-1][0]:
                index += 1
                continue  # the decision under the same margin number
            if expected_next is None or int(number) == expected_next:
                # The title runs to the first full stop that ends a sentence, over a few lines.
                look = index + 1
                while _sentence_end(title) is None and look < len(block) and look - index <= 6:
                    following = block[look].text.strip()
                    if not following or DOTTED_POINT.match(following) or BARE_POINT.match(following) or _CLOSING.match(following):
                        break
                    title = f"{title} {following}"
                    look += 1
                points.append((number, _first_sentence(title), block[index].page))
        index += 1
    return points


# A full stop ends the title unless it closes a number ("1. Behandling") or a common
# abbreviation of the books ("Kr.", "ang.", "Ndr.", "Matr. Nr.").
_FULL_STOP = re.compile(r"\.(?=\s+[A-ZÆØÅ]|\s*$)")
_ABBREVIATIONS = {"kr", "ang", "ndr", "sdr", "matr", "nr", "tilh", "sædv", "vedr", "mht", "bl", "pr", "ca",
                  "jf", "st", "hr", "fru", "frk", "dr", "ass", "a", "m", "v", "p"}


def _sentence_end(text: str) -> Optional[int]:
    """Index just after the first full stop that ends a sentence, or None."""
    for match in _FULL_STOP.finditer(text):
        word = re.search(r"([\wæøå]+)$", text[: match.start()])
        if word and (word.group(1).isdigit() or word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        return match.end()
    return None


def _first_sentence(text: str) -> str:
    end = _sentence_end(text)
    return text[:end].strip() if end else text.strip()
