"""Historic minute books (1940s sogneråd): many meetings in one file, in old spelling.

They have no agenda layout: a meeting opens with a sentence ("Sogneraadsmøde paa de
gamles Hjem den 11/2 1941", "Aar 1942 den 19. Januar Kl. 15 afholdt Sogneraadet
ordinært Møde", "Ordinær Møde d. 10/1 1945", "Aaret 1940 den 16/9 afholdt Viby
Sogneraad Møde", Trige's "19 Møde") and ends with signatures; its points are numbered
in the margin in several ways (see :mod:`~referat.extract.historic.points`). This module
finds those meetings, their dates, times and council; it is used only for documents that
read like such a book (see :func:`looks_historic`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from referat.extract.historic.dates import YEAR_FIRST, YEAR_FIRST_SLASH, date_in, time_in
from referat.extract.historic.minutes import (
    MEETING_CLOSED,
    SIGNATURE,
    SOGNERAAD,
    HistoricMeeting,
    minutes_end,
    signature_date,
)
from referat.extract.historic.numbers import sets_points_apart
from referat.extract.historic.points import numbered_points, paragraph_points
from referat.extract.pages import Line

# A line that opens a meeting.
MEETING_OPENING = re.compile(
    r"^(?:(?:ordinært?|ekstraordinært?)\s+)?sogneraadsmøde\b"
    r"|^(?:ordinær|ekstraordinær|ordinært|ekstraordinært|ekstra|extra)\s+møde\b"
    r"|\b(?:af)?holdt(?:es)?\b.{0,60}møde\b"  # "… afholdtes Sogneraadsmøde"
    r"|^\d{1,3}\.?\s+møde$"  # "19 Møde": Trige numbers its meetings
    r"|\bholdtes\s+sogneraadsmøde\b"
    r"|^[\wæøå-]+\s+sogneraad\s+afholdt\b",
    re.I,
)
# An opening written in lower case ("sogneraadsmøde paa de gamles hjem den 11/3 1941",
# "ekstraordinært"); any other line in lower case continues a sentence ("… at der berammes",
# "afholdt Aastedsmøde …").
_LOWER_CASE_OPENING = re.compile(r"aar\b|sogneraadsmøde|ordinær|ekstraordinær", re.I)
# "Aar 1943 var Sogneraadet forsamlet"
_YEAR_COUNCIL_MET = re.compile(r"aar\s+\d{4}\s+var\s+sogneraadet", re.I)
# "Torsdag d. 3/12 42 Kl. 10", "Tirsdag, den 14. Januar 1941.": a weekday and a date.
_WEEKDAY_OPENING = re.compile(r"^(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:en)?,?\s+(?:den|d\.)\s", re.I)
# "Onsdagen den 28 Januar 1942 afholdt Sogneraadet" / "Møde i Forsamlingshuset"
_HELD = re.compile(r"\b(?:af)?holdt", re.I)
_HELD_MEETING = re.compile(r"\b(?:af)?holdt\b.{0,80}\bmøde\b", re.I)
# An opening that needs no date beside it: "Elev Sogneraad afholdt i Dag Møde", a
# "Sogneraadsmøde" heading alone on its line, Trige's "19 Møde".
_UNDATED_OPENING = re.compile(
    r"^[\wæøå-]+\s+sogneraad\s+afholdt|^(?:(?:ordinært?|ekstraordinært?)\s+)?sogneraadsmøde\s*$|^\d{1,3}\.?\s+møde$",
    re.I,
)
# Elev's openings after a blank line: "Sogneraadet afholdt i Dag Møde hvor følgende", "I Dag
# afholdtes Sogneraadsmøde".
_TODAY_OPENING = re.compile(r"^sogneraadet\s+afholdt|^i\s+dag\s+(?:af)?holdtes\s+sogneraadsmøde", re.I)
# Ormslev writes the margin's "1" on the line above the heading: "1" / "Ordinær Møde d. 8/1
# 1941 - Kl 1400" / the first point's text.
_MARGIN_ONE = re.compile(r"1\.?")


def looks_historic(lines: list[Line]) -> bool:
    """A sogneråd book: the council named in old spelling and two or more dated openings.

    >>> book = ["Sogneraadsmøde den 11/2 1941", "1. Skat.", "Ordinær Møde d. 10/1 1945"]
    >>> looks_historic([Line(text, 1) for text in book])
    True
    """
    text = "\n".join(line.text for line in lines[:4000])
    if not SOGNERAAD.search(text):
        return False
    return sum(1 for index in range(len(lines)) if _opens_meeting(lines, index)) >= 2


def _reads_as_opening(text: str, two_lines: str) -> bool:
    """The words of an opening sentence, before its date is checked."""
    return bool(
        MEETING_OPENING.search(text)
        # "Aar 1942 den 19. Januar …", "Aaret 1940 den 16/9 …", "Aar 1943 var Sogneraadet forsamlet"
        # — not "Aaret 1944/45" or "Aaret 1944 ved Anskaffelse af Saasæd" in a point's text
        or YEAR_FIRST.match(text)
        or YEAR_FIRST_SLASH.match(text)
        or _YEAR_COUNCIL_MET.match(text)
        # (a weekday and a date alone, "Torsdag d. 3/12 42 Kl. 10", may name an inspection)
        or (_WEEKDAY_OPENING.match(text) and date_in(text, short_years=False))
        # "Onsdagen den 28 Januar 1942 afholdt Sogneraadet" / "Møde i Forsamlingshuset"
        or (_HELD.search(text) and _HELD_MEETING.search(two_lines) and date_in(text))
    )


def _opens_meeting(lines: list[Line], index: int) -> bool:
    text = lines[index].text.strip()
    if text[:1].islower() and not _LOWER_CASE_OPENING.match(text):
        return False  # "… at der berammes" / "afholdt Aastedsmøde …" continues a sentence
    if not _reads_as_opening(text, " ".join(line.text for line in lines[index : index + 2])):
        return False
    # "Mødet blev afholdt paa 100 Aarsdagen …" is about the meeting, not its opening:
    # an opening names the date (on its line or the next two), or names the council as
    # a heading — not as the last word of a sentence ("… paa næste\nSogneraadsmøde.").
    nearby = " ".join(line.text for line in lines[index : index + 3])
    if date_in(nearby):
        return True
    if _UNDATED_OPENING.match(text):
        return True
    # Elev dates its meetings only under them ("Elev Sogneraad d. 5/4 1945") and opens them,
    # after a blank line, "Sogneraadet afholdt i Dag Møde" or "I Dag afholdtes Sogneraadsmøde".
    # (Without the blank line, "Sogneraadet afholdt Møde" may be a heading's second line:
    # "Onsdag Den 13´ Marts 1940 har" / "Sogneraadet afholdt Møde i Haarup".)
    return (index == 0 or lines[index].blank_before) and bool(_TODAY_OPENING.match(text))


def _after_signatures(lines: list[Line], index: int) -> int:
    """The first line from ``index`` on that is no signature."""
    while index < len(lines) and SIGNATURE.match(lines[index].text.strip()):
        index += 1
    return index


def _with_closings(lines: list[Line], openings: list[int]) -> list[int]:
    """The openings, and (in a book that closes its meetings with "Mødet hævet") the line
    after the signatures under each closing, where no opening was found near it."""
    closings = [index for index, line in enumerate(lines) if MEETING_CLOSED.match(line.text.strip())]
    if len(closings) < 2:
        return openings
    for closing in closings:
        after = _after_signatures(lines, closing + 1)
        # (a signature the pattern misses, ".P.Sørensen.", or a page's "1941." may
        # stand between them and the next heading)
        if after < len(lines) and not any(0 <= opening - after <= 6 for opening in openings):
            openings.append(after)
    return sorted(openings)


def _meeting_starts(lines: list[Line]) -> list[int]:
    """Where each meeting starts. An opening line followed at once by its date line
    ("Ordinært Sogneraadsmøde" / "Tirsdag, den 14. Januar 1941.") is one opening."""
    openings = _with_closings(lines, [index for index in range(len(lines)) if _opens_meeting(lines, index)])
    starts: list[int] = []
    for index in openings:
        if starts and index - starts[-1] <= 2:
            continue
        starts.append(index)
    return starts


def _book_year(lines: list[Line], starts: list[int]) -> int | None:
    """A book covers about a year: a date printed without one takes the book's most common
    year among its openings."""
    dates = (date_in(" ".join(line.text for line in lines[start : start + 3])) for start in starts)
    years = Counter(int(date[:4]) for date in dates if date)
    return years.most_common(1)[0][0] if years else None


def _narrow(lines: list[Line]) -> float:
    """The margin column is narrower than the text column: a quarter of the book's lines
    are longer than its typical text line, and a margin line is well short of it."""
    lengths = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    return 0.6 * lengths[len(lengths) * 3 // 4] if lengths else 0.0


@dataclass
class _Book:
    """What the whole book tells about each meeting in it."""

    starts: list[int]  # the line each meeting starts at
    margin_one: set[int]  # starts whose margin "1" stands on the line above
    narrow: float  # a line shorter than this may be in the margin column
    paragraphs: bool  # blank lines set the points apart
    year: int | None  # the year of a date printed without one

    @classmethod
    def read(cls, lines: list[Line]) -> _Book:
        starts = _meeting_starts(lines)
        margin_one = {start for start in starts if start > 0 and _MARGIN_ONE.fullmatch(lines[start - 1].text.strip())}
        return cls(starts, margin_one, _narrow(lines), sets_points_apart(lines), _book_year(lines, starts))


def _blocks(lines: list[Line], book: _Book) -> Iterator[tuple[int, list[Line]]]:
    """Each meeting's start and lines (text before the first opening is one too), with
    a margin "1" above the heading moved below it."""
    bounds = ([0] if book.starts and book.starts[0] > 0 else []) + book.starts + [len(lines)]
    for start, end in pairwise(bounds):
        stop = end - 1 if end in book.margin_one else end
        block = lines[start:stop]
        if start in book.margin_one:
            block = [lines[start], lines[start - 1], *lines[start + 1 : stop]]
        if block:
            yield start, block


def _meeting(start: int, block: list[Line], book: _Book) -> HistoricMeeting:
    head = " ".join(line.text for line in block[:3])
    # The heading's own line first: "… d 8/4 1941" / "… Lov af 31 Marts 1941".
    date = date_in(block[0].text) or date_in(head) or signature_date(block) or date_in(head, book.year)
    council = SOGNERAAD.search(head) or SOGNERAAD.search(" ".join(line.text for line in block[-6:]))
    meeting = HistoricMeeting(lines=block, date=date, start_time=time_in(head), body="Sogneraadet" if council else None)
    leading = start == 0 and start not in book.starts
    meeting.points = numbered_points(block, leading=leading, narrow=book.narrow, paragraphs=book.paragraphs)
    meeting.text_end = minutes_end([line.text.strip() for line in block])
    return meeting


def split_historic(lines: list[Line]) -> list[HistoricMeeting]:
    """Meetings of a historic minute book, each with its date, time, council and points.

    >>> book = ["Sogneraadsmøde den 11/2 1941 Kl. 7", "1. Skat.", "N. Jensen", "Ordinær Møde d. 10/3 1941"]
    >>> [(m.date, m.start_time, [p.title for p in m.points]) for m in split_historic([Line(t, 1) for t in book])]
    [('1941-02-11', '19:00', ['Skat.']), ('1941-03-10', None, [])]
    """
    book = _Book.read(lines)
    meetings = [_meeting(start, block, book) for start, block in _blocks(lines, book)]
    # Some books number no points at all (Beder-Malling, Elev): there each paragraph of a
    # meeting is one matter, kept as a point without a number, so that no minutes are lost.
    # In a book that numbers its points, a meeting without any (an election board's) has
    # none: that is the gold's reading.
    if meetings and 2 * sum(1 for meeting in meetings if meeting.points) < len(meetings):
        for meeting in meetings:
            if not meeting.points:
                meeting.points = paragraph_points(meeting)
    return meetings
