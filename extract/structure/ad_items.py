"""Points minuted under their agenda letter: an association's statutory agenda lettered
"a. Valg af dirigent" … "j. Eventuelt", then the minutes of each point under "Ad a",
"Ad. b", "Ad c. Aflæggelse af årsregnskab". The "Ad" lines are the items; a point's title
is the one beside its letter or, where the line holds the letter alone, the agenda's; a
point of the agenda no "Ad" line takes up is an item listed only."""

from __future__ import annotations

import re

from referat.extract.pages import Line
from referat.extract.structure.heading_lines import Heading
from referat.extract.structure.titles import minutes_after_title

# "Ad 1.", "Ad. 2", "ad pkt. 3": minutes that answer their agenda point by point (a numbered
# heading with that label needs no other evidence).
ANSWERING_POINT = re.compile(r"^(?:Ad|AD|ad)\.?\s*(?:(?i:pkt|punkt)\.?\s*)?\d{1,3}\b")
# "Ad a", "Ad. b", "AD c.", "Ad d) Indkomne forslag", "Ad. d og e" (two points minuted together).
_AD_LINE = re.compile(
    r"^(?:Ad|AD|ad)\.?\s*(?P<letter>[a-zA-Z])(?![\wæøå])[.):]?(?:\s+(?:og|&)\s+[a-zA-Z](?![\wæøå])[.)]?)?"
    r"(?:\s+(?P<title>\S.*))?$"
)
# An agenda entry: "a. Valg af dirigent", "b) Beretning".
_ENTRY = re.compile(r"^(?P<letter>[a-zA-Z])[.)]\s+(?P<title>[A-ZÆØÅ\d].*)$")


def ad_lettered_items(lines: list[Line]) -> tuple[list[Heading], list[Heading]] | None:
    """The items minuted under "Ad <letter>" lines, and the agenda's points no such line
    takes up; None unless two "Ad" lines at least follow each other in the alphabet.

    Example:
        >>> texts = ["Dagsorden", "a. Valg af dirigent", "b. Beretning", "c. Regnskab", "Ad. a",
        ...          "Kim blev valgt.", "Ad b. Beretning", "Godkendt."]
        >>> items, listed = ad_lettered_items([Line(text, 1) for text in texts])
        >>> [(h.number, h.title, h.rest) for h in items], [(h.number, h.title) for h in listed]
        ([('a', 'Valg af dirigent', ''), ('b', 'Beretning', '')], [('c', 'Regnskab')])
    """
    headings: list[Heading] = []
    for index, line in enumerate(lines):
        match = _AD_LINE.match(line.text.strip())
        if match is None:
            continue
        letter = match.group("letter")
        if headings and ord(letter.lower()) <= ord(headings[-1].number.lower()):
            continue  # ("Ad a" in a later paragraph's text refers back)
        title, minutes = minutes_after_title(" ".join((match.group("title") or "").split()))
        headings.append(
            Heading(
                index=index, number=letter, title=title.rstrip(":. "), access="public", style="lettered", rest=minutes
            )
        )
    if len(headings) < 2:
        return None
    agenda = _agenda(lines, headings[0].index)
    for heading in headings:
        heading.title = heading.title or agenda.get(heading.number.lower(), ("", 0))[0]
    taken = {heading.number.lower() for heading in headings}
    listed = [
        Heading(index=at, number=letter, title=title, access="public", style="lettered")
        for letter, (title, at) in agenda.items()
        if letter not in taken
    ]
    return headings, listed


def _agenda(lines: list[Line], before: int) -> dict[str, tuple[str, int]]:
    """The lettered agenda above the first "Ad" line: letter → (title, line index), the
    letters in order from "a"."""
    entries: dict[str, tuple[str, int]] = {}
    for index in range(before):
        match = _ENTRY.match(lines[index].text.strip())
        if match and ord(match.group("letter").lower()) == ord("a") + len(entries):
            title = " ".join(match.group("title").split()).rstrip(". ")
            entries[match.group("letter").lower()] = (title, index)
    return entries
