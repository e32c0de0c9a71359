"""The points of one meeting in a book, with their titles.

How the books number their points (each is a rule here or in
:mod:`~referat.extract.historic.numbers`):

* "1. Tekst", "3) Tekst", "11, Tekst": the number and the point's text on one line;
* "1" or "1." alone: a margin number, the text on the next line; Tiset repeats it before
  the decision;
* "14 a) Tekst", "4. a) Tekst": the number opens with its first sub-point; "8 b)", "1. j)"
  after it belong to the point;
* "ad 3. Til Efterretning": the decision column (Hasle); it confirms a point, or is the
  only trace of one;
* text, "2.", "Til Efterretning": the margin number written beside the decision, below
  its text (Ormslev).

A number counts when it continues the sequence; ordinals at a line start ("1. Klasse",
"Punkt" / "1. Hvis …") and numbers in lists do not. A point's title is the first sentence
of its text (:mod:`~referat.extract.historic.titles`). Most transcriptions set a point's
text apart from its decision and from the next point with a blank line
(``Line.blank_before``): in such a book the text ends there too, unless the sentence
plainly runs on over a page turn. Where the blank line is absent, or the book leaves one
only where a page turned (Todbjerg-Mejlby), those starts are recognised by their words.

Some books number no points at all (Beder-Malling, Elev): there each paragraph of a
meeting is one matter, an unnumbered point (:func:`paragraph_points`).
"""

from __future__ import annotations

import re

from referat.extract.historic.minutes import CLOSING_LINE, HistoricMeeting, HistoricPoint, body_start, signatures_start
from referat.extract.historic.numbers import (
    Candidate,
    candidate,
    candidates_in,
    numbers_after_text,
    sequence_number,
)
from referat.extract.historic.sentences import first_sentence
from referat.extract.historic.titles import backward_text, forward_title
from referat.extract.historic.verdicts import is_verdict, verdict_word_first
from referat.extract.pages import Line

# A paragraph needs a word of three letters to be a matter (not a page's "1941." or "---").
_WORD = re.compile(r"[A-Za-zÆØÅæøå]{3}")
# A paragraph that names the meeting opens the minutes: its heading, not a matter.
_MEETING_WORD = re.compile(r"møde", re.I)


class _PointReader:
    """Reads the numbered points of one meeting's lines in order: which numbers continue
    the sequence, and each one's title. ``floor`` is the last line that belongs to the
    heading or to earlier points (a title read backwards stops there)."""

    def __init__(self, block: list[Line], leading: bool, narrow: float, paragraphs: bool) -> None:
        self.block = block
        self.leading = leading
        self.narrow = narrow
        self.texts = [line.text.strip() for line in block]
        self.blanks = [paragraphs and line.blank_before for line in block]
        start = body_start(self.texts)
        self.candidates = candidates_in(self.texts, start)
        self.after_text = numbers_after_text(self.candidates, self.texts)
        self.signatures = signatures_start(self.texts, start)
        self.printed_numbers = {c.number for c in self.candidates if c.kind != "ad"}
        self.points: list[HistoricPoint] = []
        self.last = 0
        self.floor = start - 1 if start or leading else 0

    def read(self) -> list[HistoricPoint]:
        for position, number in enumerate(self.candidates):
            if number.kind == "ad" and (number.number <= self.last or number.number in self.printed_numbers):
                # "ad N" is the decision of point N, printed after it or, out of order, before.
                self.floor = max(self.floor, number.index)
                continue
            if number.kind == "sub" and number.number == self.last:
                continue  # "8 b)": a later sub-point of point 8
            place = self._place(number, position)
            if place is not None:
                self._add(number, place)
        return self.points

    def _place(self, number: Candidate, position: int) -> int | None:
        """The number's place in the sequence; text before the first opening takes its
        first number as printed."""
        if not self.points and self.leading:
            return number.number
        return sequence_number(self.candidates, position, self.last)

    def _add(self, number: Candidate, place: int) -> None:
        title, used = self._title(number, place)
        self.points.append(HistoricPoint(_printed(number, place), title, self.block[number.index].page, number.index))
        self.last = place
        self.floor = max(self.floor, used)

    def _title(self, number: Candidate, place: int) -> tuple[str, int]:
        """The point's title and the last line it used."""
        index = number.index
        if number.kind == "numbered" or (number.kind == "sub" and number.text):
            return forward_title(self.texts, index, number.text, place, self.signatures, self.blanks)
        if number.kind == "ad":
            # A point printed without its number just above its "ad N", or not at all.
            return backward_text(self.texts, index, self.floor, self.narrow) or "", index
        return self._margin_title(index, place)

    def _margin_title(self, index: int, place: int) -> tuple[str, int]:
        """A number alone in the margin: beside its decision, its text is above it;
        otherwise the text follows it."""
        following = self.texts[index + 1] if index + 1 < len(self.texts) else ""
        beside_decision = verdict_word_first(following) or not following
        before = (
            backward_text(self.texts, index, self.floor, self.narrow) if self.after_text or beside_decision else None
        )
        if before:
            return before, index
        if (
            following
            and not candidate(following)
            and not verdict_word_first(following)
            and not CLOSING_LINE.match(following)
        ):
            return forward_title(self.texts, index + 1, following, place, self.signatures, self.blanks)
        return "", index


def _printed(number: Candidate, place: int) -> str:
    """The number as printed, or the place it takes where a stray digit stands beside it
    ("910." after 9 is point 10)."""
    wanted = str(place)
    stray = place < number.number and wanted in (number.printed[: len(wanted)], number.printed[-len(wanted) :])
    return wanted if stray else number.printed


def numbered_points(
    block: list[Line], leading: bool = False, narrow: float = 0.0, paragraphs: bool = False
) -> list[HistoricPoint]:
    """The numbered points of one meeting, with their titles (see the rules above). In a
    book that sets its points apart with blank lines (``paragraphs``), a blank line ends a
    point's text.

    >>> lines = ["Sogneraadsmøde den 11/2 1941", "1. Skrivelse fra Amtet.", "Til Efterretning.", "2", "Andragende"]
    >>> [(p.number, p.title) for p in numbered_points([Line(text, 1) for text in lines])]
    [('1', 'Skrivelse fra Amtet.'), ('2', 'Andragende')]
    """
    return _PointReader(block, leading, narrow, paragraphs).read()


def _heading_end(texts: list[str], paragraph: list[int]) -> int:
    """Where the meeting's heading ends in its first paragraph: at the first of its first
    three lines that ends a sentence, or after the third."""
    return next(
        (n for n, index in enumerate(paragraph[:3]) if texts[index].endswith((".", ":"))),
        min(len(paragraph), 3) - 1,
    )


def paragraph_points(meeting: HistoricMeeting) -> list[HistoricPoint]:
    """The paragraphs of a meeting's minutes (blank-line separated) as unnumbered points."""
    texts = [line.text.strip() for line in meeting.lines]
    start = body_start(texts)
    points: list[HistoricPoint] = []
    paragraph: list[int] = []

    def close() -> None:
        text = "\n".join(texts[index] for index in paragraph)
        if not paragraph or not _WORD.search(text) or CLOSING_LINE.match(text):
            return
        if paragraph[0] == start == 0 and _MEETING_WORD.search(" ".join(texts[index] for index in paragraph[:3])):
            # The heading ("Sogneraadsmøde paa de gamles Hjem den 11/2 1941", "I Dag afholdtes
            # Sogneraadsmøde hvor følgende / Sager var til Behandling.") is no matter; what
            # follows it in the same paragraph is.
            paragraph[: _heading_end(texts, paragraph) + 1] = []
            if not paragraph:
                return
            text = "\n".join(texts[index] for index in paragraph)
        if points and is_verdict(texts[paragraph[0]]):
            return  # the decision set apart under its matter ("Bevilges 25 Kr."): the matter's text runs on
        points.append(HistoricPoint("", first_sentence(text), meeting.lines[paragraph[0]].page, paragraph[0]))

    for index in range(start, meeting.text_end):
        if not texts[index]:
            continue
        if meeting.lines[index].blank_before and paragraph:
            close()
            paragraph = []
        paragraph.append(index)
    close()
    return points
