"""Clean lines → meetings, items, sections: the Danish agenda grammar.

The parser works in three passes over the cleaned lines:

1. *classify*: each line is an item heading (in one of the numbering styles the real
   documents use), a sub-item heading, a section heading, or text;
2. *segment*: item headings split the text into items; restarts of the numbering
   split it into meetings; a run of headings with nothing between them is a front
   agenda list, not items;
3. *fill*: each item's lines become metadata (case number, responsible person),
   sections, recommendations, decisions and attachments; each meeting's front
   matter becomes its metadata.

Where the layout is ambiguous, the parser prefers fewer, correct items.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from referat.extract.dates import first_full_date
from referat.extract.historic import looks_historic, split_historic
from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.vocabulary import (
    CASE_NUMBER,
    CASE_NUMBER_LABEL,
    DECIDED_BY_LABEL,
    DECISION_HEADING,
    DOCUMENT_NUMBER_LABEL,
    MEETING_KIND_WORDS,
    OUTCOME_PATTERNS,
    PARTICIPANT_HEADINGS,
    PAST_TENSE_MARKERS,
    SECTION_HEADINGS,
    TIME_TEXT,
    TITLE_CONTINUES_AFTER,
    WEEKDAYS,
)
from referat.models import Attachment, AttachmentRef, Decision, Item, Meeting, Participant, Section, walk_items

# --- item heading styles -------------------------------------------------------------
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

# Labels that divide a document into its open and closed parts.
PART_LABEL = re.compile(r"^(?:åbent|lukket)\s+(?:referat|dagsorden|møde)$|^(?:åben|lukket)\s+dagsorden$", re.I)

RECOMMENDATION_LETTERED = re.compile(r"^(?P<letter>[A-Z])\)\s+(?P<text>\S.*)$")


@dataclass
class _Heading:
    index: int  # position in the line list
    number: str
    title: str
    access: str
    style: str  # punkt, access, dotted, closed
    consumed: int = 1  # how many lines the heading (title) spans


@dataclass
class _ItemDraft:
    heading: _Heading
    lines: list[Line] = field(default_factory=list)


@dataclass
class StructureResult:
    meetings: list[Meeting]
    attachments: list[Attachment]
    warnings: list[str]


def parse_structure(layout: Layout, warnings: list[str] | None = None) -> StructureResult:
    """Turn cleaned pages into meetings with items, and appended attachments.

    Example:
        >>> from referat.extract.pages import Page
        >>> from referat.extract.layout import clean_layout
        >>> lines = ["Referat", "Punkt 1 Velkomst", "Referat", "Formanden bød velkommen."]
        >>> layout = clean_layout([Page(1, [Line(t, 1) for t in lines])])
        >>> [item.title for item in parse_structure(layout).meetings[0].items]
        ['Velkomst']
    """
    warnings = list(warnings or [])
    lines = layout.lines
    if not lines:
        return StructureResult(meetings=[], attachments=[], warnings=warnings)
    headings = _find_item_headings(lines, layout)
    if not any(h.style in ("punkt", "access") for h in headings) and looks_historic(lines):
        return _historic_structure(lines, warnings)
    headings = _drop_agenda_lists(lines, headings)
    meetings_headings = _split_meetings(headings)
    meetings: list[Meeting] = []
    attachments: list[Attachment] = []
    # A later meeting's own header (Referat / body / Mødedato …) stands before its first
    # item, inside what would otherwise be the previous meeting's last item.
    header_starts = [
        _meeting_header_start(lines, meetings_headings[n - 1][-1], group[0].index)
        for n, group in enumerate(meetings_headings)
        if n
    ]
    previous_end = 0
    listed: list[str] = []  # every title items list under Bilag, to recognise appended ones
    for position, group in enumerate(meetings_headings):
        front_start = previous_end
        front_end = group[0].index if group else len(lines)
        next_start = header_starts[position] if position + 1 < len(meetings_headings) else len(lines)
        drafts = []
        for i, heading in enumerate(group):
            end = group[i + 1].index if i + 1 < len(group) else next_start
            drafts.append(_ItemDraft(heading, lines[heading.index + heading.consumed : end]))
        listed.extend(ref.title for draft in drafts for ref in _listed_attachments(draft))
        if position == len(meetings_headings) - 1 and drafts:
            appendix_at = _appendix_start(drafts[-1])
            if appendix_at is not None:
                appendix_lines = drafts[-1].lines[appendix_at:]
                drafts[-1].lines = drafts[-1].lines[:appendix_at]
                attachments = _appended_attachments(appendix_lines, listed)
        for draft in drafts:
            _cut_at_signatures(draft)
        front = lines[front_start:front_end]
        items = [_build_item(draft) for draft in drafts]
        meeting = _build_meeting(front, items, layout, lines[front_start:next_start])
        if not items:
            _keep_text_without_items(meeting, lines[front_start:next_start], warnings)
        meetings.append(meeting)
        previous_end = next_start
    _cross_check_toc(meetings, layout, warnings)
    return StructureResult(meetings=meetings, attachments=attachments, warnings=warnings)


def _keep_text_without_items(meeting: Meeting, lines: list[Line], warnings: list[str]) -> None:
    """A meeting without agenda items keeps its whole text as one section of the meeting,
    so that nothing of the document is lost (the archive searches it)."""
    text_lines = [line for line in lines if line.text.strip()]
    if not text_lines:
        return
    pages = _pages_of(text_lines)
    section = Section(kind="other", heading="", text="\n".join(line.text for line in text_lines), pages=pages)
    section._line_pages = [line.page for line in text_lines]
    meeting.sections = [section]
    if meeting.kind != "kommissorium":  # a kommissorium has no agenda by its nature
        warnings.append(
            f"pages {pages[0]}-{pages[1]}: no agenda items found; the text is kept as the meeting's own section"
        )


def _historic_structure(lines: list[Line], warnings: list[str]) -> StructureResult:
    """A 1940s sogneråd book: meetings found by their opening sentences (extract/historic.py)."""
    meetings = []
    for found in split_historic(lines):
        items = []
        for index, point in enumerate(found.points):
            # The point's whole text as printed, so the archive can search all of the minutes
            # (the title is only its first sentence); the books do not type their sections.
            point_lines = found.point_lines(index)
            pages = _pages_of(point_lines)
            section = Section(
                kind="minutes", heading="", text="\n".join(line.text for line in point_lines), pages=pages
            )
            section._line_pages = [line.page for line in point_lines]
            items.append(Item(number=point.number, title=point.title, sections=[section], pages=pages))
        meeting = Meeting(
            body=found.body,
            kind="referat",
            date=found.date,
            start_time=found.start_time,
            items=items,
            pages=_pages_of(found.lines),
        )
        if not items:  # an election board's minutes in a numbered book: kept, not lost
            _keep_text_without_items(meeting, found.lines, [])
        meetings.append(meeting)
    return StructureResult(meetings=meetings, attachments=[], warnings=warnings)


# --- pass 1: item headings -----------------------------------------------------------


def _match_heading(line: Line) -> _Heading | None:
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
        return _Heading(index=-1, number=number, title=title, access=access, style=style)
    return None


def _find_item_headings(lines: list[Line], layout: Layout) -> list[_Heading]:
    candidates: list[_Heading] = []
    for index, line in enumerate(lines):
        heading = _match_heading(line)
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


def _confirmed_dotted(lines: list[Line], heading: _Heading, toc_numbers: set[str], body_size: float | None) -> bool:
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
        if _section_kind(text):
            return True
        if _match_heading(following):
            break
    return False


def _join_title(lines: list[Line], heading: _Heading) -> tuple[str, int]:
    """Join a title that wraps onto following lines ("… fra mødet den 8." + "november 2024")."""
    title = heading.title
    consumed = 1
    while heading.index + consumed < len(lines) and consumed < 3:
        current = lines[heading.index + consumed - 1]
        following = lines[heading.index + consumed]
        text = following.text.strip()
        if not text or not title or _is_structural(text) or _match_heading(following) is not None:
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


def _is_structural(text: str) -> bool:
    return bool(
        _section_kind(text)
        or CASE_NUMBER_LABEL.match(text)
        or DOCUMENT_NUMBER_LABEL.match(text)
        or CASE_NUMBER.fullmatch(text.strip())
        or SUBITEM_HEADING.match(text)
        or text.startswith(("-", "•", "–"))
    )


def _meeting_header_start(lines: list[Line], last_heading: _Heading, next_first: int) -> int:
    """Where the next meeting's header begins: a kind word ("Referat") followed within a
    few lines by a date label or date line; else the next meeting's first item heading."""
    for index in range(last_heading.index + last_heading.consumed, next_first):
        if lines[index].text.strip().lower() in MEETING_KIND_WORDS:
            window = [line.text for line in lines[index + 1 : index + 5]]
            if any(
                re.match(r"^(?:møde)?dato\b", text, re.I) or re.match(rf"^(?:{WEEKDAYS})\s+den", text, re.I)
                for text in window
            ):
                return index
    return next_first


def _drop_agenda_lists(lines: list[Line], headings: list[_Heading]) -> list[_Heading]:
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
    return [heading for heading, kept in zip(headings, keep) if kept]


def _number_value(heading: _Heading) -> int:
    return int(heading.number) if heading.number.isdigit() else -1


def _only_list_lines_between(lines: list[Line], first: _Heading, second: _Heading) -> bool:
    between = lines[first.index + first.consumed : second.index]
    return all(SUBITEM_HEADING.match(line.text) or line.text.startswith(("-", "•")) for line in between)


def _split_meetings(headings: list[_Heading]) -> list[list[_Heading]]:
    """Numbering that falls back (10 → 1) starts a new meeting."""
    groups: list[list[_Heading]] = [[]]
    previous: int | None = None
    for heading in headings:
        number = int(heading.number) if heading.number.isdigit() else None
        if number is not None and previous is not None and number < previous and number <= 2 and groups[-1]:
            groups.append([])
        groups[-1].append(heading)
        if number is not None:
            previous = number
    return groups


# --- pass 2/3: items -----------------------------------------------------------------


def _section_kind(text: str) -> str | None:
    stripped = text.strip().rstrip(":").strip()
    if len(stripped) > 140:
        return None
    kind = SECTION_HEADINGS.get(stripped.lower())
    if kind:
        return kind
    if DECISION_HEADING.match(stripped):
        return "decision"
    return None


def _build_item(draft: _ItemDraft) -> Item:
    heading = draft.heading
    item = Item(
        number=heading.number,
        title=heading.title,
        access=heading.access,
        pages=_pages_of([]) if not draft.lines else _pages_of(draft.lines),
    )
    meta_done = False
    body: list[Line] = []
    for position, line in enumerate(draft.lines):
        text = line.text.strip()
        if PART_LABEL.match(text):
            continue  # "Lukket referat" between the open and the closed items
        if not meta_done:
            consumed = _take_item_metadata(item, text, draft.lines, position)
            if consumed:
                continue
            if _section_kind(text) or SUBITEM_HEADING.match(text) or len(text) > 60:
                meta_done = True
            elif _looks_like_person(text) and item.responsible is None and position < 4:
                item.responsible = text
                continue
            else:
                meta_done = True
        body.append(line)
    first_page = draft.lines[0].page if draft.lines else None
    _fill_sections(item, body, heading, first_page)
    return item


def _take_item_metadata(item: Item, text: str, lines: list[Line], position: int) -> bool:
    match = CASE_NUMBER_LABEL.match(text)
    if match:
        value = match.group("value").strip(" |")
        found = CASE_NUMBER.findall(value) or ([value.rstrip("/")] if value else [])
        if not found and position + 1 < len(lines):
            found = CASE_NUMBER.findall(lines[position + 1].text)
        for number in found:
            if number not in item.case_numbers:
                item.case_numbers.append(number)
        return True
    if CASE_NUMBER.fullmatch(text.strip(" |")):
        value = text.strip(" |")
        if value not in item.case_numbers:
            item.case_numbers.append(value)
        return True
    if DOCUMENT_NUMBER_LABEL.match(text) or DECIDED_BY_LABEL.match(text):
        return True
    if re.match(r"^.{3,80}\sden\s\d{1,2}\.\s*\w+\s\d{4}\s+Punkt\s+\d+$", text):
        # "Kommunalbestyrelsen den 30. januar 2012 Punkt 5": an earlier treatment.
        return True
    return False


def _looks_like_person(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if any(word.lower() in SECTION_HEADINGS for word in words):
        return False
    return all(re.fullmatch(r"[A-ZÆØÅ][a-zæøåéü'’]+(?:-[A-ZÆØÅ][a-zæøåéü'’]+)*", word) for word in words)


def _fill_sections(item: Item, body: list[Line], heading: _Heading, first_page: int | None) -> None:
    """Split an item's body into sections and sub-items."""
    current_section: dict | None = None
    sections: list[dict] = []
    subitems: list[Item] = []
    target_sections = sections  # where new sections go: the item or its last sub-item
    last_letter = ""
    preamble: list[Line] = []
    subitem_sections: list[list[dict]] = []  # draft sections of each sub-item, in order
    subitem_text: dict[int, list[Line]] = {}

    def close_section() -> None:
        nonlocal current_section
        current_section = None

    skip: set[int] = set()
    for line in body:
        if id(line) in skip:
            continue
        text = line.text.strip()
        sub = SUBITEM_HEADING.match(text)
        if (
            sub
            and _is_next_letter(last_letter, sub.group("letter"))
            and len(text) < 160
            and not _in_recommendation_list(current_section, text)
        ):
            last_letter = sub.group("letter")
            title = " ".join(sub.group("title").split())
            subitem = Item(number=last_letter, title=title, pages=(line.page, line.page))
            wrapped_title_lines = _subitem_title_continuation(body, body.index(line), title)
            if wrapped_title_lines:
                subitem.title = " ".join([title] + [l.text.strip() for l in wrapped_title_lines])
                skip.update(id(l) for l in wrapped_title_lines)
            subitems.append(subitem)
            subitem_sections.append([])
            target_sections = subitem_sections[-1]
            close_section()
            continue
        marker = SUBITEM_MARKER.match(text)
        if marker and subitems and marker.group("letter") <= last_letter:
            # "a)" alone restating a sub-item inside minutes after the last sub-item:
            # the section belongs to the parent item (gold/README.md).
            if current_section is not None and current_section in target_sections and target_sections is not sections:
                target_sections.remove(current_section)
                sections.append(current_section)
                target_sections = sections
            if current_section is not None:
                current_section["lines"].append(line)
            continue
        kind = _section_kind(text)
        if kind:
            decision = DECISION_HEADING.match(text.rstrip(":"))
            destination = target_sections
            if decision and decision.group("item") and decision.group("item") == heading.number:
                destination = sections  # "… beslutning den … Punkt 1" is item 1's own
            current_section = {
                "kind": kind,
                "heading": text.rstrip(":") if kind != "decision" else text,
                "lines": [],
                "page": line.page,
            }
            destination.append(current_section)
            continue
        bilag = BILAG_LINE.match(text)
        owner = subitems[-1] if target_sections is not sections and subitems else item
        if bilag:
            owner.attachments.append(AttachmentRef(label=bilag.group("label"), title=bilag.group("title")))
        if current_section is not None:
            current_section["lines"].append(line)
        elif subitems and target_sections is not sections:
            subitems[-1].pages = (subitems[-1].pages[0], line.page)
            subitem_text.setdefault(id(subitems[-1]), []).append(line)
        else:
            preamble.append(line)

    _return_parent_sections(subitem_sections, sections)
    for subitem, drafts in zip(subitems, subitem_sections):
        _apply_sections(subitem, drafts)
        own = subitem_text.get(id(subitem), [])
        if own:
            subitem.text = "\n".join(line.text for line in own)
            subitem._line_pages = [line.page for line in own]
    _apply_sections(item, sections)
    item.subitems = subitems
    if preamble:
        # Text under no heading (seed 002's items have nothing else): kept, not dropped.
        item.text = "\n".join(line.text for line in preamble)
        item._line_pages = [line.page for line in preamble]


# "Ad a) Godkendt. Ad b) …", "som beskrevet under a) og b)": text about several sub-items.
_LETTER_REFERENCE = re.compile(r"(?:^|[\s(])(?:[Aa]d\s+)?([a-h])\)")


def _return_parent_sections(subitem_sections: list[list[dict]], parent_sections: list[dict]) -> None:
    """A section after the last sub-item whose text speaks of several sub-items
    ("Ad a) … Ad b) …") is the parent's, and so is every section after it."""
    if len(subitem_sections) < 2:
        return
    last = subitem_sections[-1]
    for position, draft in enumerate(last):
        text = "\n".join(line.text for line in draft["lines"])
        letters = set(_LETTER_REFERENCE.findall(text))
        if len(letters) >= 2:
            parent_sections.extend(last[position:])
            del last[position:]
            return


def _subitem_title_continuation(body: list[Line], position: int, title: str) -> list[Line]:
    """Lines continuing a wrapped sub-item title: lower-case start, or after "og", "i" …"""
    taken: list[Line] = []
    current = title
    for following in body[position + 1 : position + 3]:
        text = following.text.strip()
        if not text or _is_structural(text) or _match_heading(following) is not None or len(text) > 100:
            break
        last_word = current.split()[-1].lower() if current.split() else ""
        if text[0].islower() or last_word in TITLE_CONTINUES_AFTER:
            taken.append(following)
            current = f"{current} {text}"
            continue
        break
    return taken


def _in_recommendation_list(section: dict | None, text: str) -> bool:
    # "a) at udvalget godkender …" inside an Indstilling is a clause, not a sub-item.
    return (
        section is not None
        and section["kind"] == "recommendation"
        and bool(re.match(r"^(?:[-–•]\s*)?[a-z][.)]\s+at\s", text))
    )


def _is_next_letter(last: str, letter: str) -> bool:
    return (not last and letter == "a") or (last and ord(letter) == ord(last) + 1)


def _apply_sections(item: Item, drafts: list[dict]) -> None:
    for draft in drafts:
        lines: list[Line] = draft["lines"]
        text = "\n".join(line.text for line in lines)
        pages = (draft["page"], lines[-1].page if lines else draft["page"])
        section = Section(kind=draft["kind"], heading=draft["heading"], text=text, pages=pages)
        section._line_pages = [line.page for line in lines]
        item.sections.append(section)
        if draft["kind"] == "recommendation":
            item.recommendations.extend(split_recommendations(lines))
        elif draft["kind"] == "decision":
            decision_text = _decision_text(lines)
            if decision_text:
                item.decisions.append(Decision(text=decision_text, outcome=classify_outcome(decision_text)))
        elif draft["kind"] == "attachments":
            for ref in _attachment_refs(lines):
                if all(ref.title != existing.title for existing in item.attachments):
                    item.attachments.append(ref)
    all_pages = [p for s in item.sections for p in s.pages] + list(item.pages)
    item.pages = (min(all_pages), max(all_pages))


def _decision_text(lines: list[Line]) -> str:
    kept = []
    for line in lines:
        # eDoc prints an (often empty) list of members who did not take part.
        if re.match(r"^Følgende deltog ikke i behandlingen af punktet:?$", line.text.strip()):
            break
        kept.append(line.text.strip())
    return " ".join(" ".join(kept).split())


def classify_outcome(text: str) -> str | None:
    """Say what a decision did, from the first sentence that says anything.

    Example:
        >>> classify_outcome("Indstillingen godkendt")
        'approved'
        >>> classify_outcome("Punktet blev drøftet. Sagen genoptages på næste møde.")
        'discussed'
    """
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        for outcome, pattern in OUTCOME_PATTERNS:
            if pattern.search(sentence):
                return outcome
    return None


def split_recommendations(lines: list[Line]) -> list[str]:
    """One string per "at …" clause (or lettered point) of an Indstilling.

    Example:
        >>> split_recommendations([Line("Det indstilles,", 1), Line("at udvalget godkender referatet", 1)])
        ['udvalget godkender referatet']
    """
    texts = [line.text.strip() for line in lines if line.text.strip()]
    lettered = [i for i, t in enumerate(texts) if RECOMMENDATION_LETTERED.match(t)]
    if lettered:
        clauses = []
        for n, start in enumerate(lettered):
            end = lettered[n + 1] if n + 1 < len(lettered) else len(texts)
            first = RECOMMENDATION_LETTERED.match(texts[start]).group("text")
            clauses.append(_normalise_clause(" ".join([first] + texts[start + 1 : end])))
        return clauses
    # Line-initial "at" clauses (FirstAgenda): each runs to the next one.
    starts = [
        i
        for i, t in enumerate(texts)
        if re.match(r"^at\s+\S", t) and (i == 0 or re.search(r"(?:[,.;:]|\bog|\bsamt|\beller)$", texts[i - 1]))
    ]
    if len(starts) >= 1 and (
        len(starts) > 1 or re.search(r"indstille[rs],?$|indstilles,?$", texts[starts[0] - 1] if starts[0] else "")
    ):
        clauses = []
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(texts)
            clauses.append(_normalise_clause(" ".join([texts[start][3:]] + texts[start + 1 : end])))
        return [c for c in clauses if c]
    # Running text: "Det indstilles, at … . Det indstilles herudover, at …"
    joined = "\n".join(texts)
    clauses = []
    for match in re.finditer(r"(?:indstilles|indstiller|foreslås|anbefales)[^.\n]*?,?\s+at\s+", joined):
        rest = joined[match.end() :]
        clause = _clause_until_sentence_end(rest)
        # "…, og at …" inside one sentence is a second clause.
        for part in re.split(r",?\s+og\s+at\s+", clause):
            if part.strip():
                clauses.append(_normalise_clause(part))
    return [c for c in clauses if c]


def _clause_until_sentence_end(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    for n, line in enumerate(lines):
        sentence_end = re.search(r"\.(?=\s+[A-ZÆØÅ]|\s*$)", line)
        if sentence_end and not line.rstrip().endswith(":"):
            out.append(line[: sentence_end.end()])
            return " ".join(out)
        out.append(line)
        if line.rstrip().endswith(":"):
            # "drøfter følgende:" takes the bullet list that follows.
            for bullet in lines[n + 1 :]:
                if bullet.startswith(("-", "•")):
                    out.append(bullet)
                else:
                    break
            return " ".join(out)
    return " ".join(out)


def _normalise_clause(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r",?\s+og$", "", text)
    return text.rstrip(",;")


def _attachment_refs(lines: list[Line]) -> list[AttachmentRef]:
    refs: list[AttachmentRef] = []
    texts = [line.text.strip() for line in lines]
    for i, text in enumerate(texts):
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


def _listed_attachments(draft: _ItemDraft) -> list[AttachmentRef]:
    """Attachment titles an item lists under its Bilag heading (before building the item)."""
    refs: list[AttachmentRef] = []
    in_bilag = False
    section_lines: list[Line] = []
    for line in draft.lines:
        kind = _section_kind(line.text)
        if kind:
            if in_bilag:
                refs.extend(_attachment_refs(section_lines))
            in_bilag, section_lines = kind == "attachments", []
        elif in_bilag:
            section_lines.append(line)
    if in_bilag:
        refs.extend(_attachment_refs(section_lines))
    return refs


def _cut_at_signatures(draft: _ItemDraft) -> None:
    # Acadre ends with "Underskriftsside": the members' names again, not item content.
    for position, line in enumerate(draft.lines):
        if line.text.strip().lower() in ("underskriftsside", "underskrifter", "underskrift"):
            draft.lines = draft.lines[:position]
            return


# --- appended attachments ------------------------------------------------------------


def _appendix_start(draft: _ItemDraft) -> int | None:
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
            if _section_kind(text):
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


def _appended_attachments(lines: list[Line], listed_titles: list[str]) -> list[Attachment]:
    """Split appended material into attachments: at "Bilag Titel:", at a document-type
    word, and at a line that starts a title some item lists under its Bilag."""
    starts: list[tuple[int, str | None, int]] = []  # (line index, title, lines the title spans)
    for index, line in enumerate(lines):
        text = line.text.strip()
        marker = APPENDIX_START.match(text)
        if marker and text.lower().startswith("bilag"):
            starts.append((index, marker.group("title").strip() or None, 1))
        elif APPENDIX_DOCUMENT_TYPE.match(text) and index + 1 < len(lines):
            title, span = _appendix_title(lines, index + 1)
            begin = index
            while begin > 0 and index - begin < 6 and _APPENDIX_METADATA.match(lines[begin - 1].text.strip()):
                begin -= 1
            starts.append((begin, title, index - begin + 1 + span))
        elif index and len(text) >= 25:
            title, span = _appendix_title(lines, index)
            current = starts[-1][1] if starts else None
            if _is_listed_title(title, listed_titles) and not (current and _same_title(title, current)):
                starts.append((index, title, span))
    if not starts or starts[0][0] != 0:
        starts.insert(0, (0, lines[0].text.strip() if lines else None, 1))
    attachments = []
    for n, (begin, title, span) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        if end > begin:
            attachments.append(_attachment(title, lines[begin:end]))
    return attachments


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


# --- meetings ------------------------------------------------------------------------


def _build_meeting(front: list[Line], items: list[Item], layout: Layout, all_lines: list[Line]) -> Meeting:
    texts = [line.text.strip() for line in front]
    meeting = Meeting(items=items, pages=_pages_of(all_lines))
    labels = _labelled_values(texts)
    meeting.kind = _meeting_kind(texts, layout, items, all_lines)
    meeting.title = labels.get("emne") or labels.get("titel") or labels.get("mødets titel")
    if meeting.kind == "kommissorium" and meeting.title is None and texts:
        meeting.title = texts[0]
    meeting.date, meeting.start_time = _meeting_date(texts, labels, layout, items)
    meeting.location = labels.get("sted") or labels.get("mødested") or _location_from_front(texts)
    meeting.body = _meeting_body(texts, meeting.title, layout, items, all_lines)
    if meeting.title is None:
        meeting.title = _title_from_front(texts, meeting.body, meeting.kind)
    meeting.participants = _participants(texts)
    meeting.organisation = _organisation(layout)
    for line in layout.sidebar:
        match = CASE_NUMBER_LABEL.match(line.text)
        if match:
            value = match.group("value").strip().rstrip("/")
            if value and value not in meeting.case_numbers:
                meeting.case_numbers.append(value)
    return meeting


_FRONT_LABELS = ("emne", "titel", "mødets titel", "mødedato", "dato", "sted", "mødested", "tidspunkt", "mødetidspunkt")


def _labelled_values(texts: list[str]) -> dict[str, str]:
    """ "Mødedato" on one line and "26. februar 2026" on the next, or "Sted: …" on one."""
    values: dict[str, str] = {}
    for i, text in enumerate(texts):
        low = text.lower().rstrip(":")
        if low in _FRONT_LABELS and i + 1 < len(texts):
            value = texts[i + 1]
            # "Sundhedsstyrelsen, Islands Brygge 67, 2300 København S," + "mødelokale 2.14"
            if value.endswith(",") and i + 2 < len(texts) and texts[i + 2].lower().rstrip(":") not in _FRONT_LABELS:
                value = f"{value} {texts[i + 2]}"
            values.setdefault(low, value)
            continue
        match = re.match(r"^(" + "|".join(_FRONT_LABELS) + r")\s*:\s*(.+)$", text, re.I)
        if match:
            values.setdefault(match.group(1).lower(), match.group(2).strip())
    return values


def _meeting_kind(texts: list[str], layout: Layout, items: list[Item], all_lines: list[Line]) -> str:
    for text in texts[:8] + [line.text for line in layout.furniture[:6]]:
        kind = MEETING_KIND_WORDS.get(text.lower().strip(" :"))
        if kind:
            return kind
        if text.lower().startswith("kommissorium"):
            return "kommissorium"
    kinds = {section.kind for item in walk_items(items) for section in item.sections}
    if "decision" in kinds or "minutes" in kinds:
        return "referat"
    if "recommendation" in kinds:
        return "dagsorden"
    if items and len(PAST_TENSE_MARKERS.findall(" ".join(line.text for line in all_lines))) >= 3:
        return "referat"
    return "other"


def _parse_time(text: str) -> str | None:
    match = TIME_TEXT.search(text)
    if not match:
        return None
    if match.group("h"):
        return f"{int(match.group('h')):02d}:{match.group('m')}"
    return f"{int(match.group('h2')):02d}:00"


def _meeting_date(texts, labels, layout: Layout, items: list[Item]) -> tuple[str | None, str | None]:
    date = None
    time = None
    for key in ("mødedato", "dato"):
        if key in labels:
            date = first_full_date(labels[key])
            time = _parse_time(labels[key])
            if date:
                break
    if date is None:
        for i, text in enumerate(texts[:25]):
            if re.match(rf"^(?:{WEEKDAYS})\s+den\s", text, re.I) or re.match(r"^(?:mødet\s+)?den\s+\d", text, re.I):
                date = first_full_date(text)
                time = _parse_time(text) or (_parse_time(texts[i + 1]) if i + 1 < len(texts) else None)
                if date:
                    break
    if date is None:
        decision_dates = Counter()
        for item in items:
            for section in item.sections:
                match = DECISION_HEADING.match(section.heading)
                if match:
                    parsed = first_full_date(section.heading)
                    if parsed:
                        decision_dates[parsed] += 1
        if decision_dates:
            date = decision_dates.most_common(1)[0][0]
    if date is None:
        for line in layout.furniture:
            if re.match(r"^(?:dato|mødedato)\s*:", line.text, re.I):
                date = first_full_date(line.text)
                if date:
                    break
    if time is None:
        for text in texts[:25]:
            if re.match(r"^(?:kl\.|klokken|tidspunkt|mødetidspunkt)", text, re.I) or re.search(
                rf"(?:{WEEKDAYS}).*kl\.", text, re.I
            ):
                time = _parse_time(text)
                if time:
                    break
    return date, time


def _location_from_front(texts: list[str]) -> str | None:
    """Lines after the date/time line up to the participant list ("Kaløvig Kursuscenter" …)."""
    for i, text in enumerate(texts[:25]):
        if re.match(rf"^(?:{WEEKDAYS})\s+den\s", text, re.I) or re.match(r"^kl\.\s*\d", text, re.I):
            collected = []
            for following in texts[i + 1 : i + 6]:
                low = following.lower().rstrip(":")
                if low in PARTICIPANT_HEADINGS or low in MEETING_KIND_WORDS or re.match(r"^kl\.\s*\d", following, re.I):
                    if collected or low in PARTICIPANT_HEADINGS or low in MEETING_KIND_WORDS:
                        break
                    continue
                collected.append(re.sub(r"^i\s+", "", following))
            if collected:
                return ", ".join(collected)
    return None


_BODY_PATTERN = re.compile(
    r"(?P<body>(?:[A-ZÆØÅ][\w-]*(?:\s+og\s+[\w-]+)?|Udvalget\s+for\s+[\w ,.-]+?(?:\s+\([A-ZÆØÅ]+\))?)"
    r"(?:udvalget|udvalg|Byråd|byrådet|Kommunalbestyrelsen|Regionsrådet|\([A-ZÆØÅ]{2,6}\)))"
)


def _meeting_body(texts, title, layout: Layout, items: list[Item], all_lines: list[Line]) -> str | None:
    if title:
        match = re.search(r"\bmøde\s+i\s+(?P<body>.+)$", title, re.I) or re.match(
            r"^kommissorium\s+for\s+(?:den\s+|det\s+)?(?P<body>.+)$", title, re.I
        )
        if match:
            return _most_common_spelling(match.group("body").strip(), all_lines)
    for text in texts[:12] + [line.text for line in layout.furniture[:4]]:
        if re.fullmatch(
            r"(?:[A-ZÆØÅ][\w-]*(?:\s+og\s+[\w-]+)?udvalget|Udvalget for .+|Byrådet|Kommunalbestyrelsen|Regionsrådet|.+ Byråd)",
            text,
        ):
            return text
    # No header: the body named by its own decision headings ("…udvalgets beslutning den …").
    for item in items:
        for section in item.sections:
            match = DECISION_HEADING.match(section.heading)
            if match and (match.group("body") or match.group("body2")):
                return (match.group("body") or match.group("body2")).strip()
    # Still nothing: the committee the recommendations and decisions name most.
    names = Counter()
    for item in items:
        for text in item.recommendations + [d.text for d in item.decisions]:
            for match in re.finditer(r"\b([A-ZÆØÅ][\w]*(?:\s?-\s?og\s+[A-ZÆØÅ]?[\w]+)?udvalget)\b", text):
                names[re.sub(r"\s+-\s*og", "- og", match.group(1))] += 1
    if names:
        return names.most_common(1)[0][0]
    return None


def _most_common_spelling(name: str, lines: list[Line]) -> str:
    """ "TASK FORCE FOR KRÆFT- OG …" → the spelling the text itself uses most."""
    pattern = re.compile(re.escape(name), re.IGNORECASE)
    spellings = Counter(match.group(0) for line in lines for match in pattern.finditer(line.text))
    variants = [(count, spelling) for spelling, count in spellings.items() if spelling != spelling.upper()]
    return max(variants)[1] if variants else name


def _title_from_front(texts: list[str], body: str | None, kind: str) -> str | None:
    """Syddjurs prints the meeting's own name under the committee: "Ekstraordinært PUK"."""
    if not body:
        return None
    for i, text in enumerate(texts[:10]):
        if text == body and i + 1 < len(texts):
            candidate = texts[i + 1]
            if (
                first_full_date(candidate)
                or candidate.lower() in MEETING_KIND_WORDS
                or re.match(rf"^(?:{WEEKDAYS})", candidate, re.I)
            ):
                return None
            if len(candidate) < 60 and candidate.lower().rstrip(":") not in PARTICIPANT_HEADINGS:
                return candidate
    return None


def _participants(texts: list[str]) -> list[Participant]:
    """Participant lists under Tilstede / Deltagere / Afbud / Sekretær, in the shapes the
    documents use: "Lolan Ottesen (A) - formand", "Marianne Thorbjørn (A), formand",
    "Mette Kjærsgaard Lund, Sundhedsstyrelsen (formand)", "Afbud: Hanne Rytter Bach,
    Region Nordjylland", "Fra sekretariatet: Lotte Bundgaard Ravn, Karim Haddad", and
    two-column rows "Jesper Mathiesen (A) | Ole Bjerregaard (V)". A member listed as
    present and again as absent is absent."""
    found: dict[str, Participant] = {}
    status: str | None = None
    for text in texts:
        label, _, rest = text.partition(":")
        low = text.lower().rstrip(":").strip()
        if low in PARTICIPANT_HEADINGS:
            status = PARTICIPANT_HEADINGS[low]
            continue
        if rest and label.lower().strip() in PARTICIPANT_HEADINGS:
            status = PARTICIPANT_HEADINGS[label.lower().strip()]
            text = rest.strip()
        elif status is None:
            continue
        people = _participant_line(text)
        if people is None:
            if found or len(text) > 60:
                status = None
            continue
        for person in people:
            person.status = status
            if person.name in found and status != "absent":
                continue
            found[person.name] = person
    return list(found.values())


_PERSON_NAME = r"[A-ZÆØÅ][\wæøåéü'’.-]+(?:\s+(?:[A-ZÆØÅ][\wæøåéü'’.-]+|von|van|de|la)){1,4}"


_ORGANISATION_WORD = re.compile(
    r"(?i:region|kommune|styrelse|ministeri|regioner|forening|råd|udvalg|sekretariat|institut|center|hospital)|^[A-ZÆØÅ]{2,}$"
)


def _looks_like_people(text: str) -> bool:
    """ "Karim Haddad" or "Karim Haddad, Lotte Ravn": names, not an organisation."""
    return all(
        re.fullmatch(_PERSON_NAME, part.strip()) and not _ORGANISATION_WORD.search(part) for part in text.split(",")
    )


def _participant_line(text: str) -> list[Participant] | None:
    """The people on one line of a participant list, or None if it is not such a line."""
    people = []
    for part in (p.strip() for p in text.split(" | ") if p.strip()):
        # "Name (A) - formand" / "Name (A), formand" / "Name (A)"
        match = re.fullmatch(
            rf"(?P<name>{_PERSON_NAME})\s*(?:\((?P<party>[A-ZÆØÅ]{{1,2}})\))?\s*(?:[-–,]\s*(?P<role>[a-zæøå][\wæøå .-]*))?",
            part,
        )
        if match:
            people.append(
                Participant(
                    name=" ".join(match.group("name").split()), party=match.group("party"), role=match.group("role")
                )
            )
            continue
        # "Name, Organisation (formand)" — but "Name, Name" is two people.
        match = re.fullmatch(
            rf"(?P<name>{_PERSON_NAME}),\s*(?P<org>[A-ZÆØÅ][^()]{{1,60}}?)\s*(?:\((?P<role>[a-zæøå][\wæøå .-]*)\))?",
            part,
        )
        if match and not re.search(r"\d", match.group("org")) and not _looks_like_people(match.group("org")):
            people.append(
                Participant(
                    name=" ".join(match.group("name").split()),
                    organisation=match.group("org").strip(),
                    role=match.group("role"),
                )
            )
            continue
        # "Name (A) Name (V)": two columns read as one row
        pairs = re.findall(rf"({_PERSON_NAME})\s*\(([A-ZÆØÅ]{{1,2}})\)", part)
        if len(pairs) > 1 and re.fullmatch(rf"(?:\s*{_PERSON_NAME}\s*\([A-ZÆØÅ]{{1,2}}\))+\s*", part):
            people.extend(Participant(name=" ".join(name.split()), party=party) for name, party in pairs)
            continue
        # "Lotte Bundgaard Ravn, Karim Haddad"
        names = [n.strip() for n in part.split(",")]
        if len(names) > 1 and all(re.fullmatch(_PERSON_NAME, n) for n in names):
            people.extend(Participant(name=n) for n in names)
            continue
        return None
    return people or None


_ORGANISATION = re.compile(
    r"\b(?:(?:[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)\s+Kommune|Region\s+[A-ZÆØÅ][a-zæøå]+|Danske Regioners?|Sundhedsstyrelsen|Kommunernes Landsforening)\b"
)


def _organisation(layout: Layout) -> str | None:
    """The authority behind the document: the letterhead's name, else the municipality or
    association the whole document (running headers and footers included) names most."""
    for line in layout.sidebar:
        if re.fullmatch(r"[A-ZÆØÅ][\w-]*(?:styrelsen|ministeriet|Regioner|Kommune|rådet)", line.text.strip()):
            return line.text.strip()
    counted = layout.lines + layout.furniture
    counts = Counter(
        re.sub(r"s$", "", match.group(0)) if match.group(0).endswith("Regioners") else match.group(0)
        for line in counted
        for match in _ORGANISATION.finditer(line.text)
    )
    # A municipality named once is the publisher of municipal minutes; an association
    # like Danske Regioner is mentioned in everyone's minutes, so ask for more evidence.
    municipal = Counter({name: count for name, count in counts.items() if name.endswith("Kommune")})
    regions = counts.get("Danske Regioner", 0)
    if municipal and municipal.most_common(1)[0][1] >= regions:
        return municipal.most_common(1)[0][0]
    if regions >= 4:
        return "Danske Regioner"
    return None


def _pages_of(lines: list[Line]) -> tuple[int, int]:
    if not lines:
        return (1, 1)
    pages = [line.page for line in lines]
    return (min(pages), max(pages))


def _cross_check_toc(meetings: list[Meeting], layout: Layout, warnings: list[str]) -> None:
    toc_numbers = [entry.number for entry in layout.toc if entry.number]
    if not toc_numbers:
        return
    found = {item.number for meeting in meetings for item in meeting.items}
    missing = [number for number in toc_numbers if number not in found]
    if missing:
        warnings.append(f"table of contents lists items not found in the text: {', '.join(missing)}")
