"""An agenda list, then the minutes numbered again from 1 under a line of their own.

Small boards' and associations' minutes often print the agenda as a bare list
("Dagsorden:" / "1. Valg af referent" / "2. Regnskab" / …) and, under a line that says
the minutes begin ("Referat", "Referat:"), number the points again from 1. Two forms:

- the minutes' own list of points, each with its text under it ("1. Valg af referent" /
  "Anne valgt" / "2. Generalforsamling" / …), which may differ from the agenda (a point
  added, the points in another order): its points are the items, the agenda is a list;
- the minutes answering the agenda point by point on its numbers ("1. Ordstyrer: Ole" /
  "2. OK" / "4. Beboermødeplaner" / …; where the answer repeats the agenda's title, the
  numbers agree): the items are the agenda's points, each answer the first line of its
  item's text.

Either way there is one meeting, not two, and the agenda's entries are no items of their
own: the ones no answer repeats are listed-only items (``listings.unrepeated_entries``).
"""

from __future__ import annotations

import re

from referat.extract.pages import Line
from referat.extract.structure.heading_lines import Heading, absent_from, number_of
from referat.extract.structure.listings import same_words
from referat.extract.vocabulary import MINUTES_BEGIN

# (the agenda's last entry stands right above that line, or a line or two above it)
_NEAR = 3
# (an agenda is a page's list, not thousands of numbered lines: each answer is compared with it)
_LONGEST_AGENDA = 100


def minutes_after_agenda(
    lines: list[Line], candidates: list[Heading], chosen: list[Heading]
) -> tuple[list[Heading], list[Heading]]:
    """The item headings and the agenda list's entries when ``chosen`` begins with a bare
    agenda list followed by minutes numbered again from 1 (see the module's text); else
    ``chosen`` as it is and no entries.

    Example:
        >>> from referat.extract.structure.heading_candidates import heading_candidates
        >>> text = ["Dagsorden:", "1. Valg af referent", "2. Regnskab", "3. Eventuelt", "Referat:",
        ...         "1. Anne blev valgt", "2. Regnskab", "Godkendt.", "3. Intet"]
        >>> lines = [Line(t, 1) for t in text]
        >>> found, agenda = minutes_after_agenda(lines, heading_candidates(lines), heading_candidates(lines)[:3])
        >>> [(h.number, h.title, h.rest) for h in found]
        [('1', 'Valg af referent', 'Anne blev valgt'), ('2', 'Regnskab', ''), ('3', 'Eventuelt', 'Intet')]
    """
    dotted = [h for h in candidates if h.style == "dotted" and number_of(h) is not None]
    # (the "Referat" line right under an agenda list: a title "Referat" above it opens nothing)
    # (the first few such lines only: a hostile file may hold thousands)
    openings = [i for i, line in enumerate(lines) if MINUTES_BEGIN.match(line.text.strip())][:5]
    found = next(
        (
            (begin, agenda)
            for begin in openings
            if len(agenda := _bare_list([h for h in dotted if h.index < begin], lines)) >= 2
            and begin - (agenda[-1].index + agenda[-1].consumed) < _NEAR
        ),
        None,
    )
    if found is None:
        return chosen, []
    begin, agenda = found
    if len(agenda) > _LONGEST_AGENDA:
        return chosen, []
    if any(h.index < agenda[0].index for h in chosen):
        return chosen, []  # (items before the agenda list: not this form)
    minutes = _counting_from_one([h for h in dotted if h.index > begin])
    if len(minutes) < 2:
        return chosen, []
    listed = {h.number: h for h in agenda}
    agreeing = [h for h in minutes if h.number in listed and _same(listed[h.number], h)]
    # (an answer that prints another entry's title under its own number is the minutes' own
    # order of points, not an answer: "2. Generalforsamling" where the agenda's 1 says it)
    moved = any(
        _same(entry, h) for h in minutes if absent_from(h, agreeing) for entry in agenda if entry.number != h.number
    )
    if agreeing and not moved:
        for heading in minutes:
            entry = listed.get(heading.number)
            if entry is not None:
                _answer(heading, entry)
                heading.points = _nested_points(lines, entry, agenda)
    later = [h for h in chosen if h.index > begin and absent_from(h, minutes)]
    return sorted(minutes + later, key=lambda h: h.index), agenda


def _nested_points(lines: list[Line], entry: Heading, agenda: list[Heading]) -> tuple[Line, ...]:
    """The points a word processor's or web page's list nests under an agenda entry."""
    later = [h.index for h in agenda if h.index > entry.index]
    end = later[0] if later else entry.index + entry.consumed
    between = lines[entry.index + entry.consumed : end]
    return tuple(line for line in between if line.list_level and line.list_label)


def _bare_list(entries: list[Heading], lines: list[Line]) -> list[Heading]:
    """The list that ends the entries: numbered 1, 2, 3 … with nothing but its own entries and
    their points ("a. …", "- …", a nested "1. …") between them."""
    run: list[Heading] = []
    for heading in entries:
        follows = run and number_of(heading) == (number_of(run[-1]) or 0) + 1
        if follows and _only_points_between(lines, run[-1], heading):
            run.append(heading)
        else:
            run = [heading] if number_of(heading) == 1 else []
    return run


_POINT = re.compile(r"^(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-–•])\s*\S")


def _only_points_between(lines: list[Line], first: Heading, second: Heading) -> bool:
    between = lines[first.index + first.consumed : second.index]
    return all(_POINT.match(line.text.strip()) for line in between)


def _counting_from_one(entries: list[Heading]) -> list[Heading]:
    """The run 1, 2, 3 … from the first "1." on, passing over the numbered lines of a list
    inside a point (which count from 1 again)."""
    start = next((i for i, h in enumerate(entries) if number_of(h) == 1), None)
    if start is None:
        return []
    run = [entries[start]]
    for heading in entries[start + 1 :]:
        if number_of(heading) == (number_of(run[-1]) or 0) + 1:
            run.append(heading)
    return run


def _same(entry: Heading, heading: Heading) -> bool:
    return same_words(entry.title.casefold(), heading.title.casefold())


def _answer(heading: Heading, entry: Heading) -> None:
    """``heading`` answers the agenda's ``entry``: the entry's title, and what the line says
    beyond it as the item's first line of text."""
    if heading.title == entry.title:
        return
    words, entry_words = heading.title.split(), entry.title.split()
    said = " ".join(words[len(entry_words) :]) if _same(entry, heading) else heading.title
    heading.title, heading.consumed = entry.title, 1
    heading.rest = " ".join(part for part in (said, heading.rest) if part)
