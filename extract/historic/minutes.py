"""A meeting's minutes in a book: the meeting and its points as found, and where the
minutes proper begin and end — after the heading and a "Følgende Sager behandledes:"
lead-in, before "Mødet hævet" and the signatures (and the short line dating the minutes
above them, "Elev Sogneraad d. 5/4 1945")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from referat.extract.historic.dates import date_in
from referat.extract.historic.sentences import ends_open
from referat.extract.pages import Line

# The council, in the books' spelling: "Sogneraadet", "Sogneforstanderskab", "Sognefoged".
SOGNERAAD = re.compile(r"sogneraad|sogneforstander|sognefoged", re.I)
# "Mødet hævet." alone on its line closes a meeting; the next opens after the signatures under it.
MEETING_CLOSED = re.compile(r"^mødet\s+(?:hævet|sluttet)\.?$", re.I)
# A line that closes the minutes and is no point's text: "Oplæst. Mødet hævet.", "oplæst og
# godkendt", "Forhandlingen oplæst. Næste ordinære …".
CLOSING_LINE = re.compile(r"^(?:oplæst[.\-]?\s*)?mødet\s+(?:hævet|sluttet)|^oplæst\b|^forhandlingen\s+oplæst", re.I)
# Signature lines: a few capitalised names ("N. Jensen   P. Hansen", "Jens Hedegaard").
SIGNATURE = re.compile(r"^(?:[A-ZÆØÅ][\wæøå.'-]*\s*){1,8}$")
# A number among the signatures: the next meeting's "20 Møde" (Trige), or a page's "1941.".
_NUMBER_AMONG_SIGNATURES = re.compile(r"^\d+(?:\.|\s+[Mm]øder?)?$")
# The sentence that hands over to the points: "Til Behandling forelaa:", "følgende
# forhandledes", "Følgende Sager behandledes:", "Der forelaa til Behandling".
# The phrase ends its sentence: "Til Behandling forelaa et Forslag …" is a point's text.
AGENDA_INTRO = re.compile(
    r"(?:til\s+behandling(?:en)?\s+forelaa|følgende\s+(?:sager\s+)?(?:forhandledes|behandledes)"
    r"|forhandledes\s+følgende|forelaa\s+til\s+behandling|derefter\s+foretages|^dagsorden)\s*[.:;]?\s*(?:$|(?-i:[A-ZÆØÅ]))",
    re.I,
)


@dataclass
class HistoricPoint:
    number: str  # as printed; "" in a book that numbers none
    title: str
    page: int
    line: int  # the index in the meeting's lines where the point starts


@dataclass
class HistoricMeeting:
    lines: list[Line]
    date: str | None = None
    start_time: str | None = None
    body: str | None = None
    points: list[HistoricPoint] = field(default_factory=list)
    # The minutes proper: after the heading (and a "følgende behandledes:" lead-in), before
    # the signatures. A point's text runs from its line to the next point or this end.
    text_end: int = 0

    def point_lines(self, index: int) -> list[Line]:
        """The lines of point ``index``, from its number to the next point or the signatures."""
        end = self.points[index + 1].line if index + 1 < len(self.points) else self.text_end
        return self.lines[self.points[index].line : max(end, self.points[index].line + 1)]


def body_start(texts: list[str]) -> int:
    """The line after the lead-in to the points among a meeting's first twelve lines, or 0.

    >>> body_start(["Aar 1942 den 19. Januar afholdt Sogneraadet Møde.", "Til Behandling forelaa:", "1. Skat"])
    2
    """
    for index, text in enumerate(texts[:12]):
        if AGENDA_INTRO.search(text):
            return index + 1
    return 0


def _signs(texts: list[str], end: int) -> bool:
    """Whether the line before ``end`` is a signature (or a number among them), and not the
    end of a sentence that runs on ("… Kasse- og" / "Regnskabsudvalget.")."""
    last = texts[end - 1]
    return bool(SIGNATURE.match(last) or _NUMBER_AMONG_SIGNATURES.match(last)) and not ends_open(texts[end - 2])


def signatures_start(texts: list[str], start: int) -> int:
    """Where the signatures under the minutes (and a "20 Møde" heading of the next) begin:
    they end every text.

    >>> signatures_start(["Sogneraadsmøde", "1. Skat.", "Elev Sogneraad d. 5/4 1945", "N. Jensen", ""], 0)
    2
    """
    signatures = len(texts)
    while signatures and not texts[signatures - 1]:
        signatures -= 1
    while signatures > start + 1 and _signs(texts, signatures):
        signatures -= 1
    # The short line dating the minutes above the signatures ("Elev Sogneraad d. 5/4 1945").
    last = texts[signatures - 1] if signatures > start + 1 else ""
    if signatures < len(texts) and len(last.split()) <= 6 and SOGNERAAD.search(last) and date_in(last):
        signatures -= 1
    return signatures


def minutes_end(texts: list[str]) -> int:
    """The end of the minutes proper: before the signatures and the closing lines
    ("Mødet hævet" closes the minutes; it is no point's text)."""
    end = signatures_start(texts, body_start(texts))
    while end > 1 and CLOSING_LINE.match(texts[end - 1]):
        end -= 1
    return end


def signature_date(block: list[Line]) -> str | None:
    """The date under the minutes, beside the council's name: "Elev Sogneraad den 2/12 1940"."""
    for line in reversed(block[-8:]):
        if SOGNERAAD.search(line.text):
            date = date_in(line.text)
            if date:
                return date
    return None
