"""Items whose titles were typed in lower case ("10 trafiksituationen", "5. orientering fra
afdelingerne", "1 godkendelse af ref. fra sidste møde.").

A numbered line with a lower-case title reads as a list point in prose, so the heading forms
leave it out; small boards' minutes type some titles that way all the same. Such a line is an
item where the items around it leave exactly its number free and it is set like them: bold or
in a heading's style like its neighbours (a line of plain text between two plain headings is
taken only inside the run, never at its ends, where a numbered sentence of the minutes may
stand).
"""

from __future__ import annotations

import re

from referat.extract.pages import Line
from referat.extract.structure.heading_lines import Heading, number_of

# "10 trafiksituationen", "5. orientering fra afdelingerne", "3) forslag til arrangementer":
# a short line, no sentence inside it.
_LOWER_TITLE = re.compile(r"^(?P<number>\d{1,3})(?:[.)]\s*|\s+)(?P<title>[a-zæøå][^!?]{2,90}?)[.:]?$")
_LONGEST_TITLE_WORDS = 14


def lowercase_titles_in_gaps(lines: list[Line], chosen: list[Heading]) -> list[Heading]:
    """``chosen`` with the lower-case titled items its numbering leaves a place for.

    Example:
        >>> from referat.extract.structure.heading_lines import match_heading
        >>> texts = ["1. Velkomst", "Alle var mødt.", "2. orientering fra formanden", "Intet.", "3. Eventuelt"]
        >>> lines = [Line(text, 1, bold=text[0].isdigit()) for text in texts]
        >>> chosen = [match_heading(lines[0]), match_heading(lines[4])]
        >>> chosen[0].index, chosen[1].index = 0, 4
        >>> [(h.number, h.title) for h in lowercase_titles_in_gaps(lines, chosen)]
        [('1', 'Velkomst'), ('2', 'orientering fra formanden'), ('3', 'Eventuelt')]
    """
    numbered = sorted((h for h in chosen if number_of(h) is not None), key=lambda h: h.index)
    if len(numbered) < 2:
        return chosen
    found: list[Heading] = []
    pairs = list(zip(numbered, numbered[1:], strict=False))
    for before, after in pairs:
        if number_of(after) == (number_of(before) or 0) + 2:
            wanted = (number_of(before) or 0) + 1
            found += _one_between(
                lines, range(before.index + before.consumed, after.index), wanted, before, inside=True
            )
    first, last = numbered[0], numbered[-1]
    if number_of(first) == 2:
        found += _one_between(lines, range(first.index), 1, first, inside=False)
    wanted = (number_of(last) or 0) + 1
    found += _one_between(lines, range(last.index + last.consumed, len(lines)), wanted, last, inside=False)
    return sorted(chosen + found, key=lambda h: h.index) if found else chosen


def _one_between(lines: list[Line], span: range, wanted: int, neighbour: Heading, inside: bool) -> list[Heading]:
    """The one line in ``span`` that is item ``wanted``, set like its ``neighbour``; none when
    there is none or more than one."""
    like = lines[neighbour.index]
    found = []
    for index in span:
        line = lines[index]
        match = _LOWER_TITLE.match(line.text.strip())
        if not match or int(match.group("number")) != wanted:
            continue
        if len(match.group("title").split()) > _LONGEST_TITLE_WORDS or not _set_alike(line, like, inside):
            continue
        found.append(Heading(index, match.group("number"), match.group("title").strip(), "public", neighbour.style))
    return found if len(found) == 1 else []


def _set_alike(line: Line, like: Line, inside: bool) -> bool:
    """Set as its neighbour is: bold as it, in its heading style; plain only inside a run."""
    distinctive = like.bold or (like.style or "").lower().startswith("heading")
    if not distinctive:
        return inside and not line.bold and not line.style
    return line.bold == like.bold and (line.style or "") == (like.style or "")
