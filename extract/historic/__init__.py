"""1940s sogneråd minute books: a grammar of their own (no agenda layout, meetings found by
their opening sentences, numbered or unnumbered points). ``referat.extract.pipeline`` uses
it for a document that reads like such a book, and the agenda grammar for everything else.

The grammar's modules, each using only those listed before it:

* ``dates``: old month spellings, dates and "Kl." times;
* ``sentences``: abbreviations, sentence ends, a text's first sentence;
* ``verdicts``: the decision words and sentences that end a point's text;
* ``minutes``: the meeting and point records, where the minutes begin and end (lead-in,
  closing lines, signatures);
* ``numbers``: the margin's point numbers and their sequence;
* ``titles``: a point's title, read forward from its number or back from it;
* ``points``: a meeting's numbered points, or its paragraphs as unnumbered points;
* ``meetings``: the meetings' openings, dates, times and council (:func:`split_historic`).
"""

from __future__ import annotations

import os
import re
from collections import Counter

from referat.extract.historic.meetings import looks_historic, split_historic
from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.structure.heading_lines import has_typed_item_headings
from referat.extract.structure.result import LinePages, StructureResult, keep_text_without_items, pages_of
from referat.models import Item, Meeting, Section

__all__ = ["is_historic_book", "looks_historic", "parse_historic", "split_historic"]


def is_historic_book(layout: Layout) -> bool:
    """A minute book, not an agenda: no "Punkt N" or "N (Offentlig)" item headings, and
    the text reads like a 1940s book (sogneråd words, old spellings, opening sentences)."""
    return bool(layout.lines) and not has_typed_item_headings(layout.lines) and looks_historic(layout.lines)


def book_title(path: str) -> str | None:
    """The parish a minute book's file is named after: "Beder-Malling_1940.pdf" → "Beder-Malling"
    (archives name scanned books by parish and year); None for any other name.

    Example:
        >>> book_title("scans/Hasle-Skejby-Lisbjerg_1943.txt"), book_title("referat.pdf")
        ('Hasle-Skejby-Lisbjerg', None)
    """
    stem = os.path.splitext(os.path.basename(path))[0]
    match = re.fullmatch(r"(?P<parish>[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)*)[ _-]+(?:18|19)\d\d(?:[ _-].*)?", stem)
    return match.group("parish") if match else None


# "Elev Sogneraad", "Beder-Malling Sogneraads", "Tiset Sognekommune": the council or the
# parish commune by the parish's name, as the books print them (../shared parish-1940s).
_PARISH_NAMED = re.compile(
    r"(?<![\w-])(?P<parish>[A-ZÆØ][a-zæøå]+(?:-[A-ZÆØ][a-zæøå]+)*)\s+(?:Kommunes\s+)?"
    r"(?:Sogner(?:aa|å)d(?:et)?s?|Sognekommunes?)\b"
)
# Measured on the 54 transcriptions of ../shared (their file names give the parish): named at
# least 3 times and twice as often as any other, the text gives the parish in 11 books (9 the
# file's parish, 2 "Malling"/"Kolt", part of the commune's name) and nothing in 43; a rule of 2
# also took a neighbouring parish's council that wrote to the book's ("Aaby", "Hørning").
PARISH_MIN_MENTIONS = 3
# Capitalised words before "Sogneraad" that are not a parish: a sentence's first word.
_NOT_A_PARISH = frozenset({"Det", "Den", "Samlede", "Hele", "Hvert", "Ethvert", "Kan", "Naar", "Forstædernes"})


def parish_named(lines: list[Line]) -> str | None:
    """The parish a book's own text names its council or commune by ("Elev Sogneraad"), when
    the file name does not say: the name printed most, at least three times and twice as
    often as any other (a book names neighbouring parishes too).

    Example:
        >>> parish_named([Line("Elev Sogneraad holdt Møde.", 1), Line("Ølsted Sogneraad skrev.", 1),
        ...               Line("Elev Sogneraads Formand", 2), Line("Underskrevet Elev Sogneraad", 2)])
        'Elev'
        >>> parish_named([Line("Mødet hævet.", 1)]) is None
        True
    """
    counts = Counter(
        match.group("parish")
        for line in lines
        for match in _PARISH_NAMED.finditer(line.text)
        if match.group("parish") not in _NOT_A_PARISH
    )
    ranked = [*counts.most_common(2), ("", 0), ("", 0)]
    (parish, count), (_other, other_count) = ranked[:2]
    return parish if count >= PARISH_MIN_MENTIONS and count >= 2 * other_count else None


def parse_historic(layout: Layout, warnings: list[str] | None = None, parish: str | None = None) -> StructureResult:
    """A 1940s sogneråd book: meetings found by their opening sentences, each point an item
    whose whole text, decision included, is one ``minutes`` section. ``parish``, from the
    book's title, is every meeting's organisation (the sognekommune whose council met); without
    it, the parish the book's text names (:func:`parish_named`)."""
    parish = parish or parish_named(layout.lines)
    line_pages = LinePages()
    meetings = []
    for found in split_historic(layout.lines):
        items = []
        for index, point in enumerate(found.points):
            # The point's whole text as printed, so the archive can search all of the minutes
            # (the title is only its first sentence); the books do not type their sections.
            point_lines = found.point_lines(index)
            pages = pages_of(point_lines)
            section = Section(
                kind="minutes", heading="", text="\n".join(line.text for line in point_lines), pages=pages
            )
            line_pages.record(section, point_lines)
            items.append(Item(number=point.number, title=point.title, sections=[section], pages=pages))
        meeting = Meeting(
            body=found.body,
            organisation=f"{parish} Sognekommune" if parish else None,
            kind="referat",
            date=found.date,
            start_time=found.start_time,
            items=items,
            pages=pages_of(found.lines),
        )
        if not items:  # an election board's minutes in a numbered book: kept, not lost
            keep_text_without_items(meeting, found.lines, [], line_pages)
        meetings.append(meeting)
    return StructureResult(meetings=meetings, attachments=[], warnings=list(warnings or []), line_pages=line_pages)
