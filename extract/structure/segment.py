"""Pass 2 of the agenda grammar: item headings cut the lines into items and meetings.

A run of headings with nothing between them is a front agenda list, not items; numbering
that falls back to 1 starts a new meeting, whose own header stands before its first item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from referat.extract.contents_table import TocEntry
from referat.extract.date_grammar import MONTH_NAMES
from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.structure.access_marks import title_and_access
from referat.extract.structure.heading_lines import (
    SUBITEM_HEADING,
    Heading,
)
from referat.extract.title_match import same_title
from referat.extract.vocabulary import (
    CLOSED_PART,
    HEADER_LABELS,
    MEETING_KIND_WORDS,
    OPEN_PART,
    PARTICIPANT_HEADINGS,
    TOC_HEADINGS,
    WEEKDAYS,
)
from referat.models import Item, Meeting


@dataclass
class ItemDraft:
    heading: Heading
    lines: list[Line] = field(default_factory=list)
    heading_page: int = 1  # where the heading stands: the page of an item that has no text


def meeting_header_start(lines: list[Line], last_heading: Heading, next_first: int) -> int:
    """Where the next meeting's header begins: a kind word ("Referat") followed within a
    few lines by a date label or date line; else the next meeting's first item heading."""
    for index in range(last_heading.index + last_heading.consumed, next_first):
        if _KIND_AND_DATE_LINE.match(lines[index].text.strip()):
            return index  # "Referat af menighedsrådsmøde … torsdag den 3. oktober 2019": one line says both
        if lines[index].text.strip().lower() in MEETING_KIND_WORDS:
            window = [line.text for line in lines[index + 1 : index + 5]]
            if any(
                re.match(r"^(?:møde)?dato\b", text, re.I) or re.match(rf"^(?:{WEEKDAYS})\s+den", text, re.I)
                for text in window
            ):
                return index
    return next_first


# A kind word opening a line that also dates the meeting: a weekday and a day, or a full date.
_KIND_AND_DATE_LINE = re.compile(
    rf"^(?:{'|'.join(MEETING_KIND_WORDS)})\b.*?(?:\b(?:{WEEKDAYS}),?\s+(?:den\s+|d\.\s*)?\d{{1,2}}\."
    rf"|\b\d{{1,2}}\.\s*(?:{MONTH_NAMES})\s+\d{{4}}|\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b)",
    re.I,
)


def drop_agenda_lists(lines: list[Line], headings: list[Heading]) -> list[Heading]:
    """A front agenda list repeats the items with nothing under them: drop it when the
    same numbers come again later with content."""
    if len(headings) < 3:
        return headings
    keep = [True] * len(headings)
    run_start = 0
    for i in range(1, len(headings) + 1):
        bare = (
            i < len(headings)
            and _only_list_lines_between(lines, headings[i - 1], headings[i])
            and _number_value(headings[i]) > _number_value(headings[i - 1])
        )
        if bare:
            continue
        run = list(range(run_start, i))
        if len(run) >= 3:
            numbers = [headings[j].number for j in run]
            later = [h.number for h in headings[i:]]
            if numbers and all(number in later for number in numbers):
                for j in run:
                    keep[j] = False
        run_start = i
    return [heading for heading, kept in zip(headings, keep, strict=True) if kept]


def _number_value(heading: Heading) -> int:
    return int(heading.number) if heading.number.isdigit() else -1


def _only_list_lines_between(lines: list[Line], first: Heading, second: Heading) -> bool:
    between = lines[first.index + first.consumed : second.index]
    return all(SUBITEM_HEADING.match(line.text) or line.text.startswith(("-", "•")) for line in between)


def split_meetings(headings: list[Heading], lines: list[Line]) -> list[list[Heading]]:
    """Numbering that falls back (10 → 1) starts a new meeting: typed item numbers always,
    a plain "1." list when a meeting's header stands before it (a kind word, a date label,
    a weekday date). Without one, a plain list numbering again is the same meeting: its
    closed part ("LUKKET MØDE" / "1. Personalesag") or a Word list that restarted."""
    groups: list[list[Heading]] = [[]]
    previous: int | None = None
    for heading in headings:
        number = int(heading.number) if heading.number.isdigit() else None
        if number is not None and previous is not None and number < previous and number <= 2 and groups[-1]:
            last = groups[-1][-1]
            # (an agenda system's typed numbering - "1 (Fortrolig)", "Punkt 1" - restarts only
            # with a new meeting, even where the page header that said so was furniture)
            typed = heading.style in ("access", "punkt", "closed")
            if typed or _header_between(lines, last.index + last.consumed, heading.index):
                groups.append([])
        groups[-1].append(heading)
        if number is not None:
            previous = number
    return groups


# What opens a meeting's header: "Referat …", "Dagsorden", "Mødedato: …", "Mandag den 3. maj".
_HEADER_LINE = re.compile(
    rf"^(?:(?:referat|dagsorden|beslutningsprotokol|protokol|mødereferat)\b|(?:møde)?dato\b|(?:{WEEKDAYS}),?\s+(?:den\s+|d\.\s*)?\d)",
    re.I,
)


def _header_between(lines: list[Line], start: int, end: int) -> bool:
    """A meeting's header: its opening line, its time ("09.30 - 12.30 på …"), or its
    participant list ("Afbud", "Deltagere:") - what a running header left of it."""
    for line in lines[start:end]:
        text = line.text.strip()
        label = text.split(":")[0].strip().lower()
        if (
            _HEADER_LINE.match(text)
            or _TIME_SPAN.match(text)
            or label in PARTICIPANT_HEADINGS
            or label in HEADER_LABELS
        ):
            return True
    return False


_TIME_SPAN = re.compile(r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\b")


def cut_at_signatures(draft: ItemDraft) -> None:
    # Acadre ends with "Underskriftsside": the members' names again, not item content.
    for position, line in enumerate(draft.lines):
        if line.text.strip().lower() in ("underskriftsside", "underskrifter", "underskrift"):
            draft.lines = draft.lines[:position]
            return


def _names_a_contents_part(lines: list[Line], index: int) -> bool:
    """ "Indholdsfortegnelse" / "Lukkede Punkter" (a web page's contents, its parts folded
    away): the marker names a part of the contents, and opens no closed part of the meeting."""
    above = next((line.text.strip() for line in reversed(lines[:index]) if line.text.strip()), "")
    return above.lower().rstrip(":") in TOC_HEADINGS or bool(OPEN_PART.match(above))


def add_listed_items(
    meetings: list[Meeting],
    groups: list[list[Heading]],
    entries: list[Heading],
    layout: Layout,
    lines: list[Line],
) -> None:
    """Items an agenda list (``entries``) or the table of contents names that the text has no
    heading for join the meeting whose items the list stands before, in number order: a
    closed item published by its title only is an item of the meeting all the same."""
    listed: list[tuple[int, Item]] = []
    for entry in entries:
        access = "closed" if entry.access == "closed" or _in_closed_part(lines, entry) else entry.access
        page = lines[entry.index].page
        listed.append((entry.index, Item(number=entry.number, title=entry.title, access=access, pages=(page, page))))
    sub_entries = [toc for toc in layout.toc if toc.number and "." in toc.number]
    for toc in layout.toc:
        if toc in sub_entries:
            continue
        if toc.number or toc.run_on:
            listed.append((-1, _toc_item(toc)))  # (lifted out of the lines: it stood before the items)
    if not meetings or not groups:
        return
    for index, item in listed:
        position = next((n for n, group in enumerate(groups) if group and group[0].index > index), len(groups) - 1)
        meeting = meetings[position]
        if any(_same_item(other, item) for other in meeting.items):
            continue
        meeting.items.append(item)
        if all(other.number.isdigit() for other in meeting.items):
            meeting.items.sort(key=lambda other: int(other.number))
    for toc in sub_entries:  # "6.1 Pressedækning" under "6 Boligselskabet DFB"
        number = toc.number or ""
        parent = next(
            (item for meeting in meetings for item in meeting.items if item.number == number.split(".")[0]), None
        )
        if parent is not None and all(sub.number != number for sub in parent.subitems):
            parent.subitems.append(_toc_item(toc))


def _toc_item(toc: TocEntry) -> Item:
    """The item a contents entry names: its number, title and access, on the contents' page."""
    title, access = title_and_access(toc.title, toc.access)
    return Item(number=toc.number or "", title=title, access=access, pages=(toc.listed_on, toc.listed_on))


def _same_item(item: Item, listed: Item) -> bool:
    """A listed entry the text already has: the same number, or (an entry whose number the
    transcript lost) a title that reads alike."""
    if listed.number:
        return item.number == listed.number
    if not listed.title:
        return False
    # (or the end of a title whose run-on entry was cut in two: "Evaluering af pilotprojekt -
    # kontraktstyring" + "Vesthimmerlands Biblioteker samt …" under the heading of the whole)
    tail = len(listed.title.split()) >= 3 and item.title.endswith(" " + listed.title)
    return tail or same_title(item.title, listed.title)


def _in_closed_part(lines: list[Line], entry: Heading) -> bool:
    """Whether a "Lukket møde" / "Lukkede punkter" line stands over the entry in its list
    (an "Åbent møde" line ends that part)."""
    for line in reversed(lines[max(0, entry.index - 40) : entry.index]):
        text = line.text.strip()
        if OPEN_PART.match(text):
            return False
        if CLOSED_PART.match(text):
            return True
    return False


def cross_check_toc(meetings: list[Meeting], layout: Layout, warnings: list[str]) -> None:
    toc_numbers = [entry.number for entry in layout.toc if entry.number]
    if not toc_numbers:
        return
    found = {item.number for meeting in meetings for item in meeting.items}
    missing = [number for number in toc_numbers if number not in found]
    if missing:
        warnings.append(f"table of contents lists items not found in the text: {', '.join(missing)}")


# A numbered line with its stop: "14. Køb af areal ved Ølby" (a bare "12 Medlemmer …" may be
# anything, and a closed meeting's marker must not be taken back for it).
_NUMBERED_ENTRY = re.compile(r"^\d{1,3}[.)]\s+[A-ZÆØÅ]")


def close_items_in_closed_parts(lines: list[Line], candidates: list[Heading], kept: list[Heading]) -> None:
    """Every item after a "Lukket møde" line (and before an "Åbent møde" line) is closed,
    whatever its own heading says about access unless it says "open" itself. A marker in an
    agenda list or table of contents (listing headings between it and the next item) is the
    list's, not the body's."""
    # (and the numbered lines of an agenda list above the first item that the item passes
    # left out altogether: "Lukkede Punkter" / "14. Køb af areal" at the top, then the items
    # 1, 2, 3 …; numbered lines inside a closed item's text never reopen the closed part)
    first = kept[0].index if kept else 0
    listing = sorted(
        [h.index for h in candidates if all(h is not k for k in kept)]
        + [index for index in range(first) if _NUMBERED_ENTRY.match(lines[index].text.strip())]
    )
    closed_from: int | None = None
    position = 0
    for heading in kept:
        for index in range(position, heading.index):
            text = lines[index].text.strip()
            if OPEN_PART.match(text):
                closed_from = None
            elif CLOSED_PART.match(text) and not _names_a_contents_part(lines, index):
                closed_from = index
        position = heading.index + 1
        if closed_from is None:
            continue
        if any(closed_from < index < heading.index for index in listing):
            closed_from = None  # the marker belonged to an agenda list
            continue
        if heading.access == "public" and not re.search(
            r"\b(?:åben|åbent|offentlig)\b", lines[heading.index].text, re.I
        ):
            heading.access = "closed"
