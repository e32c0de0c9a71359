"""Pass 1 of the agenda grammar: which lines are item headings.

Item headings come in the numbering styles publishers print ("Punkt 3 …", "3 (Offentlig) …",
"1. Meddelelser", "Lukket: 9. …"); a "7. Titel" line needs evidence before it is an item
(the table of contents lists it, Word numbered it as a heading, it is bold or larger, or a
case number or a section heading follows), because numbered lists in prose look the same.
Section headings are recognised by the vocabulary (``referat.extract.vocabulary``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.vocabulary import (
    CASE_NUMBER,
    CASE_NUMBER_LABEL,
    DECIDED_BY_LABEL,
    DECISION_HEADING,
    DOCUMENT_NUMBER_LABEL,
    SECTION_HEADINGS,
    TITLE_CONTINUES_AFTER,
)

# "Punkt 3 Titel", "Punkt 2. Titel", "Punkt 1: Titel" (Sundhedsstyrelsen, ministries)
PUNKT_HEADING = re.compile(r"^Punkt\s+(?P<number>\d{1,4})\s*[.:]?\s+(?P<title>\S.*)$")


# " 3 (Offentlig) Titel", "4 (Fortrolig)" (FirstAgenda)
ACCESS_HEADING = re.compile(
    r"^(?P<number>\d{1,3})\s*\((?P<access>Offentlig|Åben|Fortrolig|Lukket)\)\s*(?P<title>.*)$", re.IGNORECASE
)


_ACCESS_MARK = re.compile(r"^\((?P<access>Offentlig|Åben|Fortrolig|Lukket)\)\s*", re.IGNORECASE)


# "1. Meddelelser", "715. Kulturkommune 2017" (eDoc, Acadre); needs confirmation.
DOTTED_HEADING = re.compile(r"^(?P<number>\d{1,4})\.\s*(?P<title>[A-ZÆØÅ\"”'‘].*)$")


# "Lukket: 9. Køb af ejendom", "Lukket punkt: Køb af …"
CLOSED_HEADING = re.compile(r"^Lukket(?:\s+punkt)?\s*:\s*(?:(?P<number>\d{1,4})\.?\s+)?(?P<title>\S.*)$", re.I)


# Sub-items: "a) Titel", "- a) Titel", "a. Titel"; a bare "a)" restates a marker in minutes.
SUBITEM_HEADING = re.compile(r"^(?:[-–•]\s*)?(?P<letter>[a-z])(?P<mark>[.)])\s+(?P<title>\S.*)$")


SUBITEM_MARKER = re.compile(r"^(?P<letter>[a-z])\)$")


# Labels that divide a document into its open and closed parts.
PART_LABEL = re.compile(r"^(?:åbent|lukket)\s+(?:referat|dagsorden|møde)$|^(?:åben|lukket)\s+dagsorden$", re.I)


@dataclass
class Heading:
    index: int  # position in the line list
    number: str
    title: str
    access: str
    style: str  # punkt, access, dotted, closed
    consumed: int = 1  # how many lines the heading (title) spans


def match_heading(line: Line) -> Heading | None:
    text = line.text.strip()
    for style, pattern in (
        ("punkt", PUNKT_HEADING),
        ("access", ACCESS_HEADING),
        ("closed", CLOSED_HEADING),
        ("dotted", DOTTED_HEADING),
    ):
        match = pattern.match(text)
        if not match:
            continue
        number = match.group("number") or ""
        title = " ".join((match.group("title") or "").split())
        access = "public"
        if style == "access":
            access = "closed" if match.group("access").lower() in ("fortrolig", "lukket") else "public"
        elif style == "closed":
            access = "closed"
        elif style == "punkt":
            # "Punkt 2 (Fortrolig) Køb af …": the mark says who may read the item; it is no part of its title.
            marked = _ACCESS_MARK.match(title)
            if marked:
                access = "closed" if marked.group("access").lower() in ("fortrolig", "lukket") else "public"
                title = title[marked.end() :] or title
            elif re.search(r"\((?:fortrolig|lukket)\)", title, re.I):
                access = "closed"
        return Heading(index=-1, number=number, title=title, access=access, style=style)
    return None


def has_typed_item_headings(lines: list[Line]) -> bool:
    """Whether any line is an item heading in a style that needs no confirmation
    ("Punkt 3 …", "3 (Offentlig) …"): then the document is an agenda, not a minute book."""
    for line in lines:
        heading = match_heading(line)
        if heading is not None and heading.style in ("punkt", "access"):
            return True
    return False


def find_item_headings(lines: list[Line], layout: Layout) -> list[Heading]:
    candidates: list[Heading] = []
    for index, line in enumerate(lines):
        heading = match_heading(line)
        if heading is not None:
            heading.index = index
            candidates.append(heading)
    # "Lukket: 9. …" goes with any numbering style, so it never decides the style.
    styles = Counter(h.style for h in candidates if h.style in ("punkt", "access"))
    if styles:
        # The document has an unambiguous item style; numbered lines are lists.
        dominant = styles.most_common(1)[0][0]
        chosen = [h for h in candidates if h.style == dominant or h.style == "closed"]
    else:
        toc_numbers = {entry.number for entry in layout.toc if entry.number}
        body_size = _body_font_size(lines)
        chosen = [
            h
            for h in candidates
            if h.style == "closed" or (h.style == "dotted" and _confirmed_dotted(lines, h, toc_numbers, body_size))
        ]
    for heading in chosen:
        heading.title, heading.consumed = _join_title(lines, heading)
    return chosen


def _body_font_size(lines: list[Line]) -> float | None:
    sizes = Counter(line.font_size for line in lines if line.font_size)
    return sizes.most_common(1)[0][0] if sizes else None


def _confirmed_dotted(lines: list[Line], heading: Heading, toc_numbers: set[str], body_size: float | None) -> bool:
    """A "7. Titel" line is an item only with evidence: the TOC lists it, Word numbered it
    as a heading, it is set bold or larger than the body text, or a case number or a
    section heading follows right under it. A numbered list in prose has none of these."""
    line = lines[heading.index]
    if heading.number in toc_numbers:
        return True
    if line.list_label or (line.style or "").lower().startswith("heading"):
        return True
    if line.bold or (body_size and line.font_size and line.font_size > body_size + 0.5):
        return True
    for following in lines[heading.index + 1 : heading.index + 4]:
        text = following.text
        if CASE_NUMBER_LABEL.match(text) or DECIDED_BY_LABEL.match(text) or DOCUMENT_NUMBER_LABEL.match(text):
            return True
        if section_kind(text):
            return True
        if match_heading(following):
            break
    return False


def _join_title(lines: list[Line], heading: Heading) -> tuple[str, int]:
    """Join a title that wraps onto following lines ("… fra mødet den 8." + "november 2024")."""
    title = heading.title
    consumed = 1
    while heading.index + consumed < len(lines) and consumed < 3:
        current = lines[heading.index + consumed - 1]
        following = lines[heading.index + consumed]
        text = following.text.strip()
        if not text or not title or is_structural(text) or match_heading(following) is not None:
            break
        last_word = title.split()[-1].lower() if title.split() else ""
        continues = last_word in TITLE_CONTINUES_AFTER or title.endswith((",", "-"))
        lowercase_start = text[0].islower() or text[0].isdigit() and not re.match(r"^\d+[.)]\s", text)
        same_style = current.font_size is None or following.font_size == current.font_size
        if same_style and current.bold == following.bold and (continues or lowercase_start) and len(text) < 120:
            title = (
                f"{title} {text}".strip()
                if not title.endswith("-") or text.split()[0].lower() in ("og", "eller")
                else title + text
            )
            consumed += 1
            continue
        break
    return " ".join(title.split()), consumed


def is_structural(text: str) -> bool:
    return bool(
        section_kind(text)
        or CASE_NUMBER_LABEL.match(text)
        or DOCUMENT_NUMBER_LABEL.match(text)
        or CASE_NUMBER.fullmatch(text.strip())
        or SUBITEM_HEADING.match(text)
        or text.startswith(("-", "•", "–"))
    )


def section_kind(text: str) -> str | None:
    stripped = text.strip().rstrip(":").strip()
    if len(stripped) > 140:
        return None
    kind = SECTION_HEADINGS.get(stripped.lower())
    if kind:
        return kind
    if DECISION_HEADING.match(stripped):
        return "decision"
    return None
