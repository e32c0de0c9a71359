"""Item headings where nothing is numbered, the fallbacks of pass 1 (``headings``): items
lettered A, B, C; titles set as bullet points; title lines set apart above a section
heading; untitled blocks that each start at a case number; untitled items when a page
prints only its items' sections.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from referat.extract.body_words import BODY_HEAD, BODY_TITLE_LINES
from referat.extract.decision_words import PROSE_DECISION
from referat.extract.pages import Line
from referat.extract.place_words import MEETING_TOOLS, ROOM_WORDS, word_ending
from referat.extract.structure.access_marks import ACCESS_LINE, access_of, title_and_access
from referat.extract.structure.heading_lines import (
    Heading,
    is_structural,
    section_kind,
)
from referat.extract.structure.titles import minutes_after_title
from referat.extract.vocabulary import (
    CASE_NUMBER_LABEL,
    HEADER_LABELS,
    MEETING_KIND_WORDS,
    PARTICIPANT_HEADINGS,
    TOC_HEADINGS,
)

# "A. Godkendelse af referat" / "B. Debatpunkter" (an association's board minutes), "C:
# Kassererens beretning: Regnskabet blev godkendt." (the minutes run in after the title).
_LETTERED = re.compile(r"^(?P<letter>[A-H])[.):]\s+(?P<title>[A-ZÆØÅ][\wæøå].*)$")


def lettered_items(lines: list[Line]) -> list[Heading]:
    """Where nothing is numbered, items lettered A, B, C … with text under each."""
    found: list[Heading] = []
    for index, line in enumerate(lines):
        match = _LETTERED.match(line.text.strip())
        expected = chr(ord("A") + len(found))
        if match and match.group("letter") == expected:
            title, minutes = minutes_after_title(" ".join(match.group("title").split()))
            head, colon, after = title.partition(": ")
            if not minutes and colon and len(head.split()) <= 8:  # "D: Indkommende forslag: Der var 5 forslag:"
                title, minutes = head, after
            title = title.rstrip(":").strip()
            if found and index - found[-1].index < 2 and not (found[-1].rest or minutes):
                continue  # two lettered lines in a row without minutes: a list
            found.append(
                Heading(index=index, number=expected, title=title, access="public", style="lettered", rest=minutes)
            )
    return found if len(found) >= 2 else []


def inside_one_lettered_item(lettered: list[Heading], numbered: list[Heading]) -> bool:
    """ "D: Indkommende forslag: Der var kommet 5 forslag ind:" then "1. …" to "5. …" and
    "E: …": a numbered list between two of three or more lettered items is the text of
    the item before it, not the meeting's items. (Numbered items spread under several
    lettered lines are items in lettered groups: "A. Åbne sager", "B. Lukkede sager".)"""
    if len(lettered) < 3 or not numbered:
        return False
    starts = [heading.index for heading in lettered]
    spans = {bisect_right(starts, heading.index) for heading in numbered}
    # (between two lettered items: after the last one, the numbered lines may be the items
    # an agenda list's lettered groups announced)
    return len(spans) == 1 and 0 < min(spans) < len(lettered)


# A time slot alone on its line, the point's process after it or not: "19.00 - 19.45",
# "19.15-19.45 - Drøftelse" (a school board's agenda that times each point).
_SLOT_LINE = re.compile(
    r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}(?:\s*[-–]\s*(?P<process>[A-ZÆØÅ][\wæøå /-]{2,30}))?$"
)


def time_slot_items(lines: list[Line]) -> list[Heading]:
    """Where nothing is numbered, points each opened by their time slot on a line of its own
    (three at least): the title is the short line under the slot, or none where text follows
    at once ("19.15-19.45 - Drøftelse" / "Se skriftlig orientering …").

    Example:
        >>> texts = ["19.00 - 19.45", "Bestyrelsens arbejde", "Orientering v. TP", "19.45 – 20.00", "Status",
        ...          "Tonni laver en plan.", "20.00-20.30", "Der planlægges møder, hvor trivsel er i fokus."]
        >>> [(h.title, h.consumed) for h in time_slot_items([Line(text, 1) for text in texts])]
        [('Bestyrelsens arbejde', 2), ('Status', 2), ('', 1)]
    """
    headings: list[Heading] = []
    for index, line in enumerate(lines):
        if not _SLOT_LINE.match(line.text.strip()):
            continue
        below = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
        titled = (
            below[:1].isupper()
            and len(below.split()) <= 10
            and not below.endswith((".", ":", ","))
            and not is_structural(below)
            and not _SLOT_LINE.match(below)
        )
        headings.append(
            Heading(
                index=index,
                number="",
                title=below if titled else "",
                access="public",
                style="unnumbered",
                consumed=2 if titled else 1,
            )
        )
    return headings if len(headings) >= 3 else []


# "· Nyt fra formanden:" / "- Stor ros til …": a bullet before each item's title, other
# bullets (or none) before the lines under it.
_BULLETED_TITLE = re.compile(r"^(?P<bullet>[·•▪●◦■□➢►*])\s+(?P<title>[A-ZÆØÅ][^.!?]{2,80}?)\s*:?$")


def bulleted_headings(lines: list[Line]) -> list[Heading]:
    """Where nothing is numbered, items set as bullet points (an association's minutes): every
    line with that bullet is a short title with text under it, at least two of them; a bullet
    that also opens sentences is a list, not headings."""
    by_bullet: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        text = line.text.strip()
        if text[:1] in "·•▪●◦■□➢►*":
            by_bullet.setdefault(text[0], []).append(index)
    for indexes in by_bullet.values():
        matches = [_BULLETED_TITLE.match(lines[index].text.strip()) for index in indexes]
        spaced = all(later - earlier >= 2 for earlier, later in zip(indexes, indexes[1:], strict=False))
        titles = [match.group("title").lower() for match in matches if match]
        # (the same word before every block is a button, "• Udskriv", not a title)
        distinct = len(set(titles)) == len(titles)
        if len(indexes) >= 2 and all(matches) and spaced and distinct and indexes[-1] < len(lines) - 1:
            return [
                Heading(index=index, number="", title=match.group("title"), access="public", style="unnumbered")
                for index, match in zip(indexes, matches, strict=True)
                if match
            ]
    return []


# The section an item's case opens with when its summary is left out. (Not the summary's
# kind itself: Ishøj prints "Beslutningstema" after the decision, inside the same item.)
_OPENING_KINDS = ("background",)


def untitled_items(lines: list[Line]) -> list[Heading]:
    """A page that prints its items' sections but not their titles (Ishøj's, København's,
    Stevns' web minutes): the text from the first section heading on is an untitled item,
    and so is the text from each time that heading comes again after a decision ("Resume" …
    "Beslutning" … "Resume" …); a recommendation or decision heading among at least two
    section headings says they are items."""
    # ("Referat" or "Dagsorden" at the top is the document's kind, not a section)
    at = [
        index
        for index, line in enumerate(lines)
        if section_kind(line.text) and line.text.strip().lower().rstrip(":") not in MEETING_KIND_WORDS
    ]
    kinds = {section_kind(lines[index].text) for index in at}
    if len(at) == 1 and kinds & {"recommendation", "decision"}:
        # (a page of one item cut off after its recommendation: an item where its title stands
        # above it, "Mødested: …" / "<title>" / a sentence / "Indstilling")
        alone = Heading(index=at[0], number="", title="", access="public", style="untitled", consumed=0)
        _title_above(lines, alone)
        return [alone] if alone.title else []
    if len(at) < 2 or not kinds & {"recommendation", "decision"}:
        return []
    opening = lines[at[0]].text.strip().lower()
    starts = [at[0]]
    # (a page whose every item opens with its decision, "Regionsrådets beslutning den …:")
    decided = section_kind(lines[at[0]].text) == "decision"
    for index in at[1:]:
        # (an item whose summary is left out opens at its case's background: "Beslutning" /
        # "Bilag" / "Sagsfremstilling")
        opens = lines[index].text.strip().lower() == opening or section_kind(lines[index].text) in _OPENING_KINDS
        if opens and decided:
            starts.append(index)
            decided = False
        decided = decided or section_kind(lines[index].text) == "decision"
    headings = [
        Heading(index=index, number="", title="", access="public", style="untitled", consumed=0) for index in starts
    ]
    if len(headings) == 1:
        _title_above(lines, headings[0])
    return headings


def _title_above(lines: list[Line], heading: Heading) -> None:
    """A page of one item prints its title once, as a line between the meeting's header and
    the item's text ("Mødested: …" / "Forslag til tilpasninger af lokaludvalg" / a sentence
    or two / "Indstilling"): that line heads the item."""
    for index in range(heading.index - 1, max(-1, heading.index - 8), -1):
        text = lines[index].text.strip()
        if not text:
            continue
        if _reads_as_title(text):
            title, access = title_and_access(text, "public")
            heading.index, heading.title, heading.access, heading.consumed = index, title, access, 1
            return
        if not text.endswith((".", "!", "?")):
            return  # (only sentences stand between a title and its text)


def _reads_as_title(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 20
        and text[0].isupper()
        and not text.endswith((".", ":", ","))
        and ":" not in text
        and not is_structural(text)
        and not re.search(r"\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\b(?:19|20)\d{2}\b.*\bkl\b", text)
        and words[0].lower() not in MEETING_KIND_WORDS
        and not _BODY_NAMED.search(text)
        and not _PLACE_FIRST.search(text)
    )


# A body's own name ends the line ("Kultur- og udviklingsudvalget", "Aarhus Byråd"); a
# title may end on a body word used in general ("… tilpasninger af lokaludvalg").
_BODY_NAMED = re.compile(r"(?i:udvalget|rådet|bestyrelsen|nævnet|forsamlingen|byråd|regionsråd)$")
# The meeting's place under its date line ("Mødelokale Vandværket", "På Rådhuset", "Teams"),
# not a title: a room or building word first.
_PLACE_FIRST = re.compile(
    rf"^(?:i|på|hos)\s|^\S*{word_ending(ROOM_WORDS)}|\b{word_ending(MEETING_TOOLS)}"
    r"|^\S+(?:vej|gade|plads|torv|allé|alle|stræde|park)\s+\d",  # an address: "Nicolaiplads 6 - Festsalen"
    re.I,
)


def untitled_case_blocks(lines: list[Line]) -> list[Heading]:
    """Web pages that print no item titles in their text (Aabenraa, Kolding, Halsnæs): each
    block starts at its case number line ("Sagsnr.: 19/7724", "Sagsid.: 18/44, …") with a
    section heading right under it. The items get an empty number and title, and the case
    number line stays in the item, where it is read as the case number."""
    found = []
    for index, line in enumerate(lines[:-1]):
        below = lines[index + 1 : index + 3]
        if CASE_NUMBER_LABEL.match(line.text.strip()) and any(section_kind(b.text) for b in below):
            found.append(Heading(index=index, number="", title="", access="public", style="untitled", consumed=0))
    _titles_under_running_header(lines, found)
    return found


def _titles_under_running_header(lines: list[Line], headings: list[Heading]) -> None:
    """A PDF transcript that starts each item on a new page prints its title inside the
    page's running header, right above the case number: "Vordingborg Kommune Dato Side
    Erhvervsudvalget Godkendelse af dagsorden", "Økonomiudvalget d Meddelelser Åben sag".
    What those lines share at their start is the header; the rest is each item's title."""
    if len(headings) < 2 or any(h.index == 0 for h in headings):
        return
    above = [lines[h.index - 1].text.split() for h in headings]
    if any(not words or len(words) > 30 or section_kind(" ".join(words)) for words in above):
        return
    if len({" ".join(words) for words in above}) < len(above):
        return  # the same line above every block ("• Udskriv"): a button, not titles
    shared = 0
    while all(len(words) > shared + 1 and words[shared] == above[0][shared] for words in above):
        shared += 1
    if shared == 0:
        return
    for heading, words in zip(headings, above, strict=True):
        title, access = title_and_access(" ".join(words[shared:]), "public")
        heading.index, heading.title, heading.access, heading.consumed = heading.index - 1, title, access, 1


# A body's name ends the line: "Kultur- og udviklingsudvalget", "Handicaprådet".
_BODY_NAME_END = re.compile(rf"(?i:{BODY_HEAD})$")


def unnumbered_headings(lines: list[Line]) -> list[Heading]:
    """Where nothing is numbered (Aarhus' web minutes), an item heading is a title line set
    apart (a blank line or bold type before it) with a section heading right under it, or
    under its case-number line: "Byrådets mødeplan 2020" / "Beslutning". The items get an
    empty number."""
    found: list[Heading] = []
    for index, line in enumerate(lines[:-1]):
        text = line.text.strip()
        set_apart = line.blank_before or line.bold
        below = lines[index + 1].text.strip()
        if CASE_NUMBER_LABEL.match(below) and index + 2 < len(lines):
            below = lines[index + 2].text.strip()  # "Sagsid.: 17/28411" between title and section
        access_below = ACCESS_LINE.match(below)
        if not found and any(pattern.match(text) for pattern in BODY_TITLE_LINES):
            # "Byrådet 13. november 2023" / "Åben" before the first item: the meeting's title
            # line (an item may be titled so later: "Referat fra Magistratens møde den …")
            continue
        if below.lower().rstrip(":") in MEETING_KIND_WORDS and (index < 12 or _BODY_NAME_END.search(text)):
            # "Kultur- og udviklingsudvalget" / "REFERAT": the document's title, not an item
            continue
        if (
            set_apart
            and 3 <= len(text) <= 150
            and text[0].isupper()
            and not text.endswith((".", ":", ";", ","))
            and not is_structural(text)
            and (section_kind(below) or access_below)
        ):
            # "Personalesag" / "Lukket punkt": an access line under the title says the access.
            title, access = title_and_access(" ".join(text.split()), "public")
            if access_below:
                access = "closed" if "closed" in (access, access_of(access_below.group("word"))) else access
            found.append(Heading(index=index, number="", title=title, access=access, style="unnumbered"))
    return found if len(found) >= 2 else []


# A short topic closed by a colon on a line of its own, its text under it: "Daglig drift:",
# "Økonomi:", "Generalforsamling 2011:" (a small board's minutes with no numbers).
_COLON_TOPIC = re.compile(r"^(?P<title>[A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå0-9/-]+){0,4}):$")


def colon_topics(lines: list[Line]) -> list[Heading]:
    """Where nothing is numbered, topics each on a line of their own closed by a colon, with
    text under each (three at least); labels of the header, attendance and agenda are none.

    Example:
        >>> texts = ["Afbud:", "Ole", "Konstituering:", "Formand: Heimo", "Daglig drift:", "Værket kører.",
        ...          "Økonomi:", "Som sidste år.", "Generalforsamling 2011:", "HD skriver til pressen."]
        >>> [h.title for h in colon_topics([Line(text, 1) for text in texts])]
        ['Konstituering', 'Daglig drift', 'Økonomi', 'Generalforsamling 2011']
    """
    found: list[Heading] = []
    sections = 0  # topics that are also section headings ("Økonomi:")
    for index, line in enumerate(lines[:-1]):
        topic = _COLON_TOPIC.match(line.text.strip())
        below = lines[index + 1].text.strip()
        if topic is None or not below or _COLON_TOPIC.match(below):
            continue
        low = topic.group("title").lower()
        if (
            low in PARTICIPANT_HEADINGS
            or low in HEADER_LABELS
            or low in MEETING_KIND_WORDS
            or low in TOC_HEADINGS
            or low == "bilag"  # (the attachments' list, not a topic)
        ):
            continue
        sections += is_structural(line.text.strip())
        title, access = title_and_access(topic.group("title"), "public")
        found.append(Heading(index=index, number="", title=title, access=access, style="unnumbered"))
    # (a section heading is a topic among three others at least; a page of sections alone,
    # "Sagsfremstilling:" / "Beslutning:", is read by ``untitled_items``)
    return found if len(found) - sections >= 3 else []


# A short title closed by a stop on a line of its own: "Vedtægter.", "Valg.", "Fremtiden."
_STOPPED_TITLE = re.compile(r"^[A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå-]+){0,3}\.$")


def stopped_titles(lines: list[Line]) -> list[Heading]:
    """Where nothing is numbered and no section heading stands (a village council's minutes
    on its web page), an item heading is a title of a few words closed by a stop, set apart
    on its line, with a paragraph of minutes under it: "Vedtægter." / "De blev gennemgået …".
    Three at least, so a verdict told in a word ("Godkendt.") never makes items."""
    found: list[Heading] = []
    for index, line in enumerate(lines[:-1]):
        text = line.text.strip()
        below = lines[index + 1].text.strip()
        if (
            _STOPPED_TITLE.match(text)
            and len(below) >= 40
            and below[0].isupper()
            and not PROSE_DECISION.match(text)
            and text.rstrip(".").lower() not in MEETING_KIND_WORDS
            and not is_structural(text)
        ):
            found.append(Heading(index=index, number="", title=text.rstrip("."), access="public", style="unnumbered"))
    return found if len(found) >= 3 else []


# A title line's trailing fields: "Årshjul - Ansvarlig (René) - Proces (Drøftelse)".
_TITLE_FIELDS = re.compile(r"(?:\s+[-–]\s+[A-ZÆØÅ][\wæøå]+\s*\([^()]*\))+$")
# A date or a clock time: a header line ("Onsdag den 12. april 2023 kl. 18.30"), not a title.
_DATED = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\b(?:19|20)\d{2}\b|\bkl\.?\s*\d|\d{1,2}[.:]\d{2}\b", re.I)


def _title_style(line: Line) -> str | None:
    """How a line is set apart as a title: its heading style, or bold type on a body line."""
    if line.list_label or line.region != "body":
        return None
    if line.style and line.style.startswith("Heading"):
        return line.style
    return "bold" if line.bold and not line.style else None


def _styled_title(text: str, sectioned: bool = True) -> str | None:
    """The title a heading-styled or bold line gives, or None when the line is no title:
    a label with its value ("Afbud: ingen"), a section heading (where sections are headed), a
    dated header line."""
    title = _TITLE_FIELDS.sub("", text.strip()).rstrip(":").strip()
    if not (2 <= len(title) <= 120) or not title[0].isupper() or title.endswith((".", ",", ";", ":")):
        return None
    structural = is_structural(title) or is_structural(text.strip())
    if ":" in title or (structural and (sectioned or not section_kind(title))) or _DATED.search(title):
        return None
    if title.lower() in MEETING_KIND_WORDS or any(pattern.match(title) for pattern in BODY_TITLE_LINES):
        return None
    return title


def styled_titles(lines: list[Line]) -> list[Heading]:
    """Where nothing is numbered and no section heading says where an item begins (a board's
    minutes on a web page or in a word processor): the items are headed by the lines the
    document sets as its titles — one heading style, or bold lines — at least three of them,
    each with text under it and none repeated. "Daglig drift" (a heading) / "Grønt udvalg:"
    (bold, the colon dropped) / "Årshjul - Ansvarlig (René) - Proces (Drøftelse)" (the fields
    after the title dropped). The items get an empty number."""
    # (a title that is also a section word, "Økonomi", is a title where no other line of the
    # document heads a section)
    sectioned = any(section_kind(line.text) and not _title_style(line) for line in lines)
    by_style: dict[str, list[tuple[int, str]]] = {}
    for index, line in enumerate(lines):
        style = _title_style(line)
        title = _styled_title(line.text, sectioned) if style else None
        if style and title:
            by_style.setdefault(style, []).append((index, title))
    best: list[tuple[int, str]] = []
    for found in by_style.values():
        indexes = [index for index, _ in found]
        # (text under every title but the last: two titles in a row are a heading and its
        # sub-heading, or a list set in bold)
        spaced = all(later - earlier >= 2 for earlier, later in zip(indexes, indexes[1:], strict=False))
        distinct = len({title.lower() for _, title in found}) == len(found)
        titled = [title for _, title in found if not section_kind(title)]
        if len(titled) >= 3 and spaced and distinct and len(found) > len(best):
            best = found
    return [Heading(index=index, number="", title=title, access="public", style="unnumbered") for index, title in best]


# The column headings of a table of points: "Emne | Referat", "Punkt | Beslutning".
_POINT_COLUMN = re.compile(r"^(?:emne|punkt|dagsordenspunkt|sag|titel|overskrift)$", re.I)


def titled_rows(lines: list[Line]) -> list[Heading]:
    """Where nothing is numbered, a table whose first column is headed "Emne" (or "Punkt",
    "Sag" …) lists the points: each row below is an item, its first cell the title and the
    other cells its minutes ("Arbejdsdag | Arbejdsdagen holdes 4. april.")."""
    for index, line in enumerate(lines):
        cells = [cell.strip() for cell in line.text.split(" | ")]
        if line.region != "table" or len(cells) < 2 or not _POINT_COLUMN.match(cells[0]):
            continue
        found: list[Heading] = []
        for row in range(index + 1, len(lines)):
            row_cells = [cell.strip() for cell in lines[row].text.split(" | ")]
            if lines[row].region != "table" or len(row_cells) < 2:
                break
            title = row_cells[0]
            if not title[:1].isupper() or len(title) > 150:
                break
            minutes = " ".join(row_cells[1:])
            found.append(Heading(index=row, number="", title=title, access="public", style="unnumbered", rest=minutes))
        if len(found) >= 2:
            return found
    return []
