"""Saying what was not understood: facts a meeting document should print but the grammar
did not find, and the heading-like lines it did not recognise (``referat doctor``), so an
archivist sees what is missing and can report it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.pipeline import read_structure
from referat.extract.structure.attachments import BILAG_LINE
from referat.extract.structure.heading_lines import PART_LABEL, SUBITEM_HEADING, match_heading, section_kind
from referat.extract.structure.result import missing_facts
from referat.extract.vocabulary import (
    CASE_NUMBER_LABEL,
    DECIDED_BY_LABEL,
    DOCUMENT_NUMBER_LABEL,
    HEADER_LABELS,
    MEETING_KIND_WORDS,
    PARTICIPANT_HEADINGS,
)
from referat.models import Meeting, walk_items


@dataclass(frozen=True)
class UnreadLine:
    """A line that looks like a heading or a header label but that the grammar did not use."""

    page: int
    text: str
    looks_like: str  # why it looks like a heading


_LABEL = re.compile(r"^(?P<label>[A-ZÆØÅ][\wæøå .\-/]{1,30}?)\s*:(?:\s|$)")
_NUMBERED = re.compile(r"^(?:[-–•]\s*)?(?:[A-ZÆØÅ][a-zæøå]{0,14}\.?\s*)?\d{1,4}\s*[.):]?\s+[A-ZÆØÅ]")


def unread_lines(layout: Layout, meetings: list[Meeting]) -> list[UnreadLine]:
    """Heading-like lines the grammar left as text: numbered lines that did not become items,
    "Label:" lines that are no header label the vocabulary knows, and short bold or large
    lines that are neither an item nor a known section heading."""
    items = [item for meeting in meetings for item in walk_items(meeting.items)]
    numbered_titles = {(item.number, item.title) for item in items}
    headings = Counter(section.heading for item in items for section in item.sections)
    body_size = _body_font_size(layout.lines)
    found = []
    for line in layout.lines:
        text = line.text.strip()
        if not text or len(text) > 100 or section_kind(text):
            continue
        reason = _looks_like_heading(line, text, body_size)
        if reason is None:
            continue
        if _is_known_line(text, meetings):
            continue
        heading = match_heading(line)
        if heading is not None and any(
            (number, title[:20]) == (heading.number, heading.title[:20]) for number, title in numbered_titles
        ):
            continue
        if text.rstrip(":") in headings or any(text in title for _, title in numbered_titles if len(text) > 8):
            continue
        found.append(UnreadLine(page=line.page, text=text, looks_like=reason))
    return found


def _is_known_line(text: str, meetings: list[Meeting]) -> bool:
    """Metadata labels, kind and part words, participant headings, and the names the front
    matter was read into: understood, though they look like headings."""
    low = text.lower().rstrip(":").strip()
    if CASE_NUMBER_LABEL.match(text) or DOCUMENT_NUMBER_LABEL.match(text) or DECIDED_BY_LABEL.match(text):
        return True
    if low in MEETING_KIND_WORDS or low in PARTICIPANT_HEADINGS or low in HEADER_LABELS or PART_LABEL.match(text):
        return True
    if BILAG_LINE.match(text) or SUBITEM_HEADING.match(text):
        return True  # attachment lines and sub-item headings ("a) …") are read where they stand
    names = {value for meeting in meetings for value in (meeting.body, meeting.organisation, meeting.title) if value}
    return any(text == name or (len(text) > 12 and text in name) for name in names)


def _looks_like_heading(line: Line, text: str, body_size: float | None) -> str | None:
    if _NUMBERED.match(text):
        return "numbered line"
    label = _LABEL.match(text)
    if label:
        word = label.group("label").lower().strip()
        if word in HEADER_LABELS or word in PARTICIPANT_HEADINGS:
            return None
        return "label"
    if len(text) < 70 and not text.endswith((".", ",")):
        if line.bold:
            return "bold line"
        if body_size and line.font_size and line.font_size > body_size + 1:
            return "large line"
    return None


def _body_font_size(lines: list[Line]) -> float | None:
    sizes = Counter(line.font_size for line in lines if line.font_size)
    return sizes.most_common(1)[0][0] if sizes else None


def diagnose(path: str, data: bytes) -> tuple[list[str], list[UnreadLine]]:
    """What ``referat doctor`` prints for a file: the warnings of its extraction (without
    enrichment) and the heading-like lines the grammar did not recognise."""
    result, layout, structure = read_structure(path, data)
    return structure.warnings + missing_facts(structure.meetings), unread_lines(layout, structure.meetings)
