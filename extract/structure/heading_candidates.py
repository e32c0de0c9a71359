"""Every line that reads as an item heading on its own (``heading_lines.match_heading``), with
its title joined across wrapped lines, taken from the line above where only a number stands,
its access said at the title's end, and the minutes that run on after the title set apart.
Which of these candidates are items is decided over the whole document (``headings``)."""

from __future__ import annotations

import re

from referat.extract.pages import Line
from referat.extract.participant_words import ATTENDANCE_TITLE
from referat.extract.person_names import is_first_name
from referat.extract.structure.access_marks import title_and_access
from referat.extract.structure.heading_lines import Heading, is_structural, join_title, match_heading
from referat.extract.structure.titles import minutes_after_title, title_before_description

# Cells before a row's title that give the point its time: a duration or a time slot.
_TIME_CELL = r"(?:(?:ca\.\s*)?\d{1,3}\s*min(?:\.|utter)?|(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?)"
_TIME_CELLS = re.compile(rf"^{_TIME_CELL}(?:\s*\|\s*{_TIME_CELL})*\s*\|\s*(?=\S)", re.I)
# A contents line: a dot leader and a page number ("Godkendelse af dagsorden ......... 3").
_CONTENTS_LINE = re.compile(r"(?:\.{3,}|…+|\s\.\s\.\s\.)\s*\d{1,4}\s*$")


def heading_candidates(lines: list[Line]) -> list[Heading]:
    """Every line that reads as an item heading, its title joined across wrapped lines; a
    line Word numbered at an inner list level is not one where the outer level numbers items."""
    outer = min((line.list_level for line in lines if line.list_level is not None), default=None)
    candidates = []
    for index, line in enumerate(lines):
        if line.list_level is not None and outer is not None and line.list_level > outer:
            continue  # a second-level Word list under an item: a list or sub-items, never a meeting
        heading = match_heading(line)
        if heading is not None and _CONTENTS_LINE.search(line.text) and heading.style != "punkt":
            continue  # an entry of a table of contents the layout stage did not lift
        if heading is not None and ATTENDANCE_TITLE.match(heading.title):
            continue  # "Punkt 4: Per Schleiter deltager": who came from that point on
        if heading is not None:
            heading.index = index
            _title_from_heading_above(lines, heading)
            heading.title, heading.consumed = join_title(lines, heading)
            # (a title taken from the next line or joined across lines says its access at its
            # end: "125." / "Køb af ejendom Lukket punkt")
            if heading.style != "access":  # (FirstAgenda's "(Offentlig)" said it: "Eventuelt - åbent" is a title)
                heading.title, heading.access = title_and_access(heading.title, heading.access)
            # "1 - Godkendelse af dagsorden | Godkendt. |": a table row, the point in its first
            # cell and the minutes in the next
            # ("Punkt 1 | 5 min | Godkendelse …", "3 | 18.15-18.40 | …": the time the point has,
            # a column of its own before the title's)
            title, _, cells = _TIME_CELLS.sub("", heading.title).partition(" | ")
            # (and the first cell may describe the point after its title)
            title, description = title_before_description(title.strip()) if cells.strip() else (title, "")
            heading.title, heading.rest = minutes_after_title(title.strip())
            heading.rest = " ".join(filter(None, (description, heading.rest)))
            minutes = " ".join(cell.strip() for cell in cells.split("|") if cell.strip())
            heading.rest = " ".join(filter(None, (heading.rest, minutes)))
            candidates.append(heading)
    return _without_rolls(candidates)


# A numbered line that is a person's name, a dash or a note after it: "3. Lars Hemmingsen -",
# "1. Eva Holm (suppleant)".
_PERSON_TITLE = re.compile(r"(?P<name>[A-ZÆØÅ][\w-]+(?:\s+[A-ZÆØÅ][\w.-]+){1,3})\s*(?:\([^)]*\))?\s*[-–]?")


def _without_rolls(candidates: list[Heading]) -> list[Heading]:
    """The candidates without a numbered roll of people ("Suppleanter: 1. Vagn Dinesen - 2.
    Anders Koefoed - …"): three numbered lines in a row, each a name that opens with a given
    name, are list members, not items."""
    rolls: set[int] = set()
    run: list[int] = []  # positions in ``candidates`` of the roll being read

    def close() -> None:
        if len(run) >= 3:
            rolls.update(run)
        run.clear()

    for at, heading in enumerate(candidates):
        if not (heading.number and _is_person(heading.title)):
            close()
            continue
        previous = candidates[run[-1]] if run else None
        if previous is not None and heading.index != previous.index + previous.consumed:
            close()  # (a line between them: not one list)
        run.append(at)
    close()
    return [heading for at, heading in enumerate(candidates) if at not in rolls]


def _is_person(title: str) -> bool:
    match = _PERSON_TITLE.fullmatch(title.strip())
    return match is not None and is_first_name(match.group("name").split()[0])


_LABEL_AND_VALUE = re.compile(r"[A-ZÆØÅ][\w\-]+(?: [\w\-]+){0,3}:\s+\S+(?:\s\S+)?\s*$")  # a label and a short value


def _title_from_heading_above(lines: list[Line], heading: Heading) -> None:
    """ "Spørgetid" set as a heading, then "Sag nr. 129" under it (Rødovre's web minutes): a
    number label without a title takes the heading line above as its title, and the item
    starts there."""
    if heading.title or heading.index == 0 or heading.style not in ("punkt", "dotted"):
        return
    above = lines[heading.index - 1]
    text = above.text.strip()
    set_as_heading = (above.style or "").lower().startswith("heading") or above.bold
    # In plain text the same form shows by its neighbours: a paragraph of one line above the
    # number, and under it a label ("Beslutningskompetence: KB") or a section heading, never
    # a title.
    starts_paragraph = above.blank_before or heading.index == 1
    below = next((line.text.strip() for line in lines[heading.index + 1 :] if line.text.strip()), "")
    untitled_below = bool(_LABEL_AND_VALUE.match(below)) or is_structural(below)
    # (only after a number label: a bare "35." under "Godkendt" starts the next item)
    labelled = lines[heading.index].text.strip()[:1].isalpha()
    plain_title = labelled and starts_paragraph and untitled_below and not text.endswith((".", ":", ","))
    if (
        (set_as_heading or plain_title)
        and text
        and len(text) < 160
        and not is_structural(text)
        and match_heading(above) is None
    ):
        heading.index -= 1
        heading.title, heading.consumed = text, 2  # the title and the number's own line
