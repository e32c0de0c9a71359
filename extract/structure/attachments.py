"""Attachments: the titles an item lists under Bilag, and material appended after the
last item (slide handouts, notes), split into attachments of the document."""

from __future__ import annotations

import re

from referat.extract.pages import Line
from referat.extract.structure.heading_lines import PART_LABEL, section_kind
from referat.extract.structure.segment import ItemDraft
from referat.extract.vocabulary import CASE_NUMBER, CASE_NUMBER_LABEL, DOCUMENT_NUMBER_LABEL, TITLE_CONTINUES_AFTER
from referat.models import Attachment, AttachmentRef

# Bilag lines: "Bilag 1: Titel" (Sundhedsstyrelsen) wherever they stand in an item.
BILAG_LINE = re.compile(r"^(?P<label>Bilag\s+\d+)\s*[:.–-]\s*(?P<title>\S.*)$")


# Under a Bilag heading: "1. Titel (123 - EMN-…)", "2012-208960 - Titel", "1 | Åben | Titel | 222359/12"
BILAG_NUMBERED = re.compile(r"^(?P<label>\d{1,2})[.)]?\s+(?P<title>\S.*)$")


BILAG_DOCNO = re.compile(r"^(?P<label>\d{4}[-–]\d{3,7})\s+[-–]\s+(?P<title>\S.*)$")


BILAG_ACADRE = re.compile(
    r"^(?P<label>\d{1,2})\s*\|?\s*(?:Åben|Lukket|Fortrolig)\s*\|?\s*(?P<title>.+?)(?:\s*\|?\s*\d+/\d{2})?$"
)


# Appended attachments after the last item (FirstAgenda "Bilag Titel: …").
APPENDIX_START = re.compile(r"^(?:Bilag\s+Titel\s*:|Dagsordens\s+titel)\s*(?P<title>.*)$", re.I)


def attachment_refs(lines: list[Line]) -> list[AttachmentRef]:
    refs: list[AttachmentRef] = []
    texts = [line.text.strip() for line in lines]
    for text in texts:
        if not text or text.lower() in ("ingen", "ingen bilag", "-"):
            continue
        for pattern in (BILAG_LINE, BILAG_DOCNO, BILAG_ACADRE, BILAG_NUMBERED):
            match = pattern.match(text)
            if match:
                title = match.group("title").replace(" | ", " ").strip(" |")
                refs.append(AttachmentRef(label=match.group("label"), title=title))
                break
        else:
            if re.fullmatch(r"\d+/\d{2}", text):
                continue  # Acadre's file number column
            if refs:
                # A wrapped attachment title: "(1740088 - EMN-2022-" + "00567)".
                joiner = "" if refs[-1].title.endswith("-") else " "
                refs[-1] = AttachmentRef(label=refs[-1].label, title=refs[-1].title + joiner + text)
    return refs


def listed_attachments(draft: ItemDraft) -> list[AttachmentRef]:
    """Attachment titles an item lists under its Bilag heading (before building the item)."""
    refs: list[AttachmentRef] = []
    in_bilag = False
    section_lines: list[Line] = []
    for line in draft.lines:
        kind = section_kind(line.text)
        if kind:
            if in_bilag:
                refs.extend(attachment_refs(section_lines))
            in_bilag, section_lines = kind == "attachments", []
        elif in_bilag:
            section_lines.append(line)
    if in_bilag:
        refs.extend(attachment_refs(section_lines))
    return refs


def appendix_start(draft: ItemDraft) -> int | None:
    for position, line in enumerate(draft.lines):
        if APPENDIX_START.match(line.text.strip()):
            return position
    if draft.heading.access == "closed":
        # A published closed item prints its metadata and, in minutes, its decision (a
        # members' copy may print its sections too): what follows those, unheaded or on
        # a later page, is appended material.
        in_section = False
        for position, line in enumerate(draft.lines):
            text = line.text.strip()
            if (
                CASE_NUMBER_LABEL.match(text)
                or CASE_NUMBER.fullmatch(text)
                or DOCUMENT_NUMBER_LABEL.match(text)
                or PART_LABEL.match(text)
            ):
                continue
            if section_kind(text):
                in_section = True
                continue
            if in_section and position and line.page == draft.lines[position - 1].page:
                continue
            return position
    return None


# A document-type word on its own line starts an appended document (with the date,
# case number and author lines just above it, as Danske Regioner prints a notat).
APPENDIX_DOCUMENT_TYPE = re.compile(r"^(?:NOTAT|Notat|NOTE|BREV|Høringssvar|HØRINGSSVAR|Præsentation)$")


_APPENDIX_METADATA = re.compile(
    r"^(?:\d{1,2}[-.]\d{1,2}[-.]\d{4}|[A-ZÆØÅ]{2,5}-\d{4}-\d{3,6}|\d{5,8}|[A-ZÆØÅ][\w-]+(?:\s+[A-ZÆØÅ][\w-]+){1,3})$"
)


def appended_attachments(lines: list[Line], listed_titles: list[str]) -> list[Attachment]:
    """Split appended material into attachments: at "Bilag Titel:", at a document-type
    word, and at a line that starts a title some item lists under its Bilag."""
    starts: list[tuple[int, str | None]] = []  # (line index, title)
    for index in range(len(lines)):
        start = _attachment_start(lines, index, listed_titles, starts[-1][1] if starts else None)
        if start is not None:
            starts.append(start)
    if not starts or starts[0][0] != 0:
        starts.insert(0, (0, lines[0].text.strip() if lines else None))
    attachments = []
    for n, (begin, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        if end > begin:
            attachments.append(_attachment(title, lines[begin:end]))
    return attachments


def _attachment_start(
    lines: list[Line], index: int, listed_titles: list[str], current: str | None
) -> tuple[int, str | None] | None:
    """Whether an appended attachment starts at ``lines[index]``: its first line and title."""
    text = lines[index].text.strip()
    marker = APPENDIX_START.match(text)
    if marker and text.lower().startswith("bilag"):
        return index, marker.group("title").strip() or None
    if APPENDIX_DOCUMENT_TYPE.match(text) and index + 1 < len(lines):
        title, _ = _appendix_title(lines, index + 1)
        begin = index
        while begin > 0 and index - begin < 6 and _APPENDIX_METADATA.match(lines[begin - 1].text.strip()):
            begin -= 1
        return begin, title
    if index and len(text) >= 25:
        title, _ = _appendix_title(lines, index)
        if _is_listed_title(title, listed_titles) and not (current and _same_title(title, current)):
            return index, title
    return None


def _appendix_title(lines: list[Line], index: int) -> tuple[str, int]:
    title = lines[index].text.strip()
    span = 1
    while index + span < len(lines) and span < 4:
        following = lines[index + span].text.strip()
        last_word = title.split()[-1].lower() if title.split() else ""
        if following and (following[0].islower() or last_word in TITLE_CONTINUES_AFTER) and len(following) < 90:
            title = f"{title} {following}"
            span += 1
        else:
            break
    return title, span


def _core_title(title: str) -> str:
    # "Akutpladser … - præsentation (1823456 - EMN-2025-00412)": drop the document id.
    return re.sub(r"\s*\([^()]*\d[^()]*\)\s*$", "", title).casefold()


def _same_title(first: str, second: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(_core_title(first), _core_title(second)) >= 90


def _is_listed_title(title: str, listed_titles: list[str]) -> bool:
    """Does ``title`` (a line and its continuation) print one of the titles listed under
    an item's Bilag? It must cover most of it: a slide heading that is only its first
    words ("Kortlægning af de udgående teams") does not start a new attachment."""
    from rapidfuzz import fuzz

    folded = title.casefold()
    for listed in listed_titles:
        core = _core_title(listed)
        if len(core) >= 25 and len(folded) >= 0.8 * len(core) and fuzz.ratio(folded[: len(core) + 10], core) >= 85:
            return True
    return False


def _attachment(title: str | None, lines: list[Line]) -> Attachment:
    pages = (lines[0].page, lines[-1].page) if lines else (1, 1)
    return Attachment(title=title, text="\n".join(line.text for line in lines), pages=pages)
