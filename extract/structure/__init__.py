"""Clean lines → meetings, items, sections: the Danish agenda grammar, one module a pass.

1. ``headings``: which lines are item headings (in one of the numbering styles the
   documents use), sub-item headings or section headings; ``titles`` says where a title
   ends when the minutes go on on its line;
2. ``segment``: item headings split the text into items, restarts of the numbering into
   meetings; a run of headings with nothing between them is a front agenda list;
3. ``items``: each item's lines become metadata (case number, responsible person),
   sections and sub-items; ``recommendations``, ``decisions`` and ``attachments`` read
   the sections of those kinds, and appended material after the last item;
4. ``front_matter`` (with ``participants``): each meeting's front matter becomes its
   metadata.

Words and phrases live in data modules: ``referat.extract.vocabulary`` (headings, labels,
access words), ``body_words`` (who meets), ``participant_words`` and ``decision_words``.
Where the layout is ambiguous, the grammar prefers fewer, correct items. 1940s minute
books have a grammar of their own (``referat.extract.historic``);
``referat.extract.pipeline`` chooses between the two.
"""

from __future__ import annotations

from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.structure.attachments import appended_attachments, appendix_start, listed_attachments
from referat.extract.structure.decisions import add_prose_decisions, classify_outcome, withdraw_prose_decisions
from referat.extract.structure.front_matter import build_meeting
from referat.extract.structure.heading_lines import Heading
from referat.extract.structure.headings import find_item_headings
from referat.extract.structure.items import build_item
from referat.extract.structure.recommendations import split_recommendations
from referat.extract.structure.result import (
    LinePages,
    StructureResult,
    keep_prose_before_items,
    keep_text_as_document,
    keep_text_without_items,
    shows_a_meeting,
)
from referat.extract.structure.segment import (
    ItemDraft,
    add_listed_items,
    close_items_in_closed_parts,
    cross_check_toc,
    cut_at_signatures,
    drop_agenda_lists,
    meeting_header_start,
    split_meetings,
)
from referat.extract.vocabulary import CASE_NUMBER_LABEL
from referat.models import Attachment, Meeting


def _item_drafts(lines: list[Line], group: list[Heading], end_of_meeting: int) -> list[ItemDraft]:
    """Each heading with the lines under it, up to the next heading or the meeting's end."""
    drafts = []
    carried: Line | None = None  # a case number printed above its item's heading
    for i, heading in enumerate(group):
        end = group[i + 1].index if i + 1 < len(group) else end_of_meeting
        start = heading.index + heading.consumed
        body = lines[start:end]
        if carried is not None or (i == 0 and heading.index and _case_number_line(lines[heading.index - 1])):
            body = [carried or lines[heading.index - 1]] + body
        carried = None
        # "Sagnr.: 1-00-1-23" just above the next heading, when this item has its own case
        # number already, is the next item's (Region Midtjylland prints it before the title).
        if i + 1 < len(group) and body and _case_number_line(body[-1]) and any(map(_case_number_line, body[:-1])):
            carried = body.pop()
        if heading.rest:  # minutes printed on the heading line: the item's first line of text
            body = [lines[heading.index].with_text(heading.rest)] + body
        drafts.append(ItemDraft(heading, body, heading_page=lines[heading.index].page))
    return drafts


def _case_number_line(line: Line) -> bool:
    return bool(CASE_NUMBER_LABEL.match(line.text.strip()))


def _cut_appendix(last: ItemDraft, listed: list[str]) -> list[Attachment]:
    """Material appended after the last item, cut off it and split into attachments."""
    appendix_at = appendix_start(last)
    if appendix_at is None:
        return []
    appendix_lines = last.lines[appendix_at:]
    last.lines = last.lines[:appendix_at]
    return appended_attachments(appendix_lines, listed)


__all__ = ["LinePages", "StructureResult", "classify_outcome", "parse_structure", "split_recommendations"]


def parse_structure(layout: Layout, warnings: list[str] | None = None) -> StructureResult:
    """Turn cleaned pages into meetings with items, and appended attachments.

    Example:
        >>> from referat.extract.pages import Line, Page
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
    line_pages = LinePages()
    candidates, unrepeated = find_item_headings(lines, layout)
    headings = drop_agenda_lists(lines, candidates)
    close_items_in_closed_parts(lines, candidates + unrepeated, headings)
    meetings_headings = split_meetings(headings, lines)
    meetings: list[Meeting] = []
    attachments: list[Attachment] = []
    # A later meeting's own header (Referat / body / Mødedato …) stands before its first
    # item, inside what would otherwise be the previous meeting's last item.
    header_starts = [
        meeting_header_start(lines, meetings_headings[n - 1][-1], group[0].index)
        for n, group in enumerate(meetings_headings)
        if n
    ]
    previous_end = 0
    listed: list[str] = []  # every title items list under Bilag, to recognise appended ones
    for position, group in enumerate(meetings_headings):
        last = position == len(meetings_headings) - 1
        next_start = len(lines) if last else header_starts[position]
        drafts = _item_drafts(lines, group, next_start)
        listed.extend(ref.title for draft in drafts for ref in listed_attachments(draft))
        if last and drafts:
            attachments = _cut_appendix(drafts[-1], listed) or attachments
        for draft in drafts:
            cut_at_signatures(draft)
        front = lines[previous_end : group[0].index if group else len(lines)]
        items = [build_item(draft, line_pages) for draft in drafts]
        prose_given = add_prose_decisions(items)
        # (the first item's title may be the list's heading: "1. Fraværende:" / "Ole Jørgensen, …")
        first_item = (
            [lines[drafts[0].heading.index].with_text(drafts[0].heading.title)] + drafts[0].lines if drafts else None
        )
        meeting = build_meeting(front, items, layout, lines[previous_end:next_start], first_item)
        if meeting.kind == "dagsorden":
            withdraw_prose_decisions(prose_given)
        agenda_words = any(heading.style in ("punkt", "access", "closed") for heading in group)
        if items and not agenda_words and not shows_a_meeting(meeting):
            # A report, a policy or a licence: its numbered chapters are not agenda items.
            meeting.items = []
            keep_text_as_document(meeting, lines[previous_end:next_start], warnings, line_pages)
        elif not items:
            keep_text_without_items(meeting, lines[previous_end:next_start], warnings, line_pages)
        else:
            keep_prose_before_items(meeting, front, line_pages)
        meetings.append(meeting)
        previous_end = next_start
    # (a contents list alone makes items only of what reads as a meeting, not a report's chapters)
    if any(meeting.items for meeting in meetings) or all(shows_a_meeting(meeting) for meeting in meetings):
        add_listed_items(meetings, meetings_headings, unrepeated, layout, lines)
    cross_check_toc(meetings, layout, warnings)
    return StructureResult(meetings=meetings, attachments=attachments, warnings=warnings, line_pages=line_pages)
