"""Agenda lists and contents in a transcript's run-on lines, once they are cut at their
numbers (``runon``): a contents table read by columns (numbers stacked before their titles),
the label over a group of entries, an entry whose number the text lost, and the items a
contents list names cut out of the line they ran into."""

from __future__ import annotations

import re

from referat.extract.contents_runs import run_on_titles
from referat.extract.pages import Line, Page
from referat.extract.vocabulary import ITEM_GROUP_LABEL

# "1. Title" inside a run-on line; a cut is made only where numbers run on (1., 2., 3.).
INLINE_NUMBER = re.compile(r"(?:(?<=\s)|^)(\d{1,3})\.\s+(?=[A-ZÆØÅ])")

# "Sag nr. 83" alone, its title not beside it: a contents table whose number column came out
# ahead of its title column.
_NUMBER_WITHOUT_TITLE = re.compile(r"^(?P<label>(?:Sag|Punkt|Pkt)\.?\s*(?:nr\.?)?\s*)(?P<number>\d{1,4})\.?$")


def spread_titles(lines: list[Line]) -> list[Line]:
    """A contents table read by columns: "Sag nr. 83" … "Sag nr. 87" alone, then "Sag nr. 88"
    with the six titles run together. When the titles split (``run_on_titles``) into exactly
    as many as there are numbers, each number gets its title in order; otherwise the lines
    stay as they are (a guess would give an item another's title).

    Example:
        >>> lines = [Line("Sag nr. 91", 2), Line("Sag nr. 92 Lokalplan for Havnen - endelig vedtagelse Venskabsby", 2)]
        >>> [line.text for line in spread_titles(lines)]
        ['Sag nr. 91 Lokalplan for Havnen - endelig vedtagelse', 'Sag nr. 92 Venskabsby']
    """
    spread = list(lines)
    start = 0
    while start < len(spread):
        end = start
        while end < len(spread) and _NUMBER_WITHOUT_TITLE.match(spread[end].text.strip()):
            end += 1
        if end == start or end >= len(spread):
            start = end + 1
            continue
        bare = [_NUMBER_WITHOUT_TITLE.match(line.text.strip()) for line in spread[start:end]]
        label = bare[0].group("label") if bare[0] else ""
        last = re.match(rf"^{re.escape(label)}(?P<number>\d{{1,4}})\.?\s+(?P<titles>\S.*)$", spread[end].text.strip())
        titles = run_on_titles(last.group("titles")) if last else []
        if last and len(titles) == len(bare) + 1 and not any(number for number, _ in titles):
            numbers = [match.group("number") for match in bare if match] + [last.group("number")]
            for offset, (number, (_, title)) in enumerate(zip(numbers, titles, strict=True)):
                spread[start + offset] = spread[start + offset].with_text(f"{label}{number} {title}")
        start = end + 1
    return spread


_GROUP_LABEL_AFTER_ENTRY = re.compile(
    r"^(?P<entry>\d{1,3}\.\s+\S.*?)\s+(?P<label>[A-ZÆØÅ][a-zæøå]+(?:\s+[a-zæøå]+){1,2}:)$"
)
# A line that opens with an item's number: "10. Godkendelse af dagsorden".
NUMBERED_LINE = re.compile(r"^(?P<number>\d{1,3})\.\s+(?P<title>[A-ZÆØÅ].*)$")


def lost_numbers(lines: list[Line]) -> list[Line]:
    """A transcript's agenda list cut at its numbers: the label over the next group run on after
    an entry stands on a line of its own, and where the numbering skips one ("3. Evaluering af
    mødet Gennemførelse af projekt … 5. Satser …") the entry before the gap holds two titles,
    the second the entry whose number the text lost, when the titles split (``run_on_titles``)
    into exactly two.

    Example:
        >>> lines = [Line(t, 1) for t in ("3. Evaluering af mødet Gennemførelse af projekt om tryghed", "5. Satser")]
        >>> [line.text for line in lost_numbers(lines)]
        ['3. Evaluering af mødet', '4. Gennemførelse af projekt om tryghed', '5. Satser']
    """
    cut: list[Line] = []
    for line in lines:
        # "2. Revisionsprotokol Politiske sager:": the label over the next group run on after an
        # entry goes on a line of its own ("Punkter til beslutning:" and the other labels of
        # vocabulary.ITEM_GROUP_LABEL are read off titles where they stand)
        grouped = _GROUP_LABEL_AFTER_ENTRY.match(line.text.strip())
        if grouped and not ITEM_GROUP_LABEL.search(grouped.group("label")):
            cut += [line.with_text(grouped.group("entry")), line.with_text(grouped.group("label"))]
        else:
            cut.append(line)
    entries = [(index, match) for index, line in enumerate(cut) if (match := NUMBERED_LINE.match(line.text.strip()))]
    split: dict[int, list[Line]] = {}
    for (index, entry), (next_index, following) in zip(entries, entries[1:], strict=False):
        # (on lines next to each other: a line between may hold the lost number)
        lost_one = int(following.group("number")) - int(entry.group("number")) == 2 and next_index == index + 1
        if not lost_one or len(entry.group("title")) > 150:
            continue
        titles = run_on_titles(entry.group("title"))
        if len(titles) == 2 and not any(number for number, _ in titles):
            number = int(entry.group("number"))
            split[index] = [
                cut[index].with_text(f"{number + offset}. {title}") for offset, (_, title) in enumerate(titles)
            ]
    return [piece for index, line in enumerate(cut) for piece in split.get(index, [line])]


# A contents entry on its line: "95. Sydfyns Elforsyning...vii", "3. Budget 2013 ..... 12"
_CONTENTS_ENTRY = re.compile(r"^(\d{1,4})\.\s+\S.*?(?:\.{3,}\s*(?:\d{1,3}|[ivxlc]{1,7})|\s\d{1,3})$")


def listed_numbers(pages: list[Page]) -> set[str]:
    """Item numbers a contents list names (two entries at least)."""
    numbers = {match.group(1) for page in pages for line in page.lines if (match := _CONTENTS_ENTRY.match(line.text))}
    return numbers if len(numbers) >= 2 else set()


def split_at_listed(lines: list[Line], listed: set[str]) -> list[Line]:
    """Lines cut before "89. Title" where the contents list names 89: the item's heading run
    on after a group heading ("Til efterretning - for åbne døre 89. Til efterretning - …")."""
    split: list[Line] = []
    for line in lines:
        if _CONTENTS_ENTRY.match(line.text):
            split.append(line)
            continue
        cuts = [m.start() for m in INLINE_NUMBER.finditer(line.text) if m.start() and m.group(1) in listed]
        pieces = [line.text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line.text)], strict=True)]
        split.extend(line.with_text(piece) for piece in pieces if piece)
    return split
