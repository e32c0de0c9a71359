"""What the structure stage hands on: the contract models, plus the page of every line of
their texts (enrichment needs it to give each fact its page; the contract keeps only where each
page begins, ``text_pages``).
Both grammars, the modern agenda grammar and the 1940s books', build their result from here."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from referat.extract.pages import Line
from referat.models import Attachment, Item, Meeting, Section


class LinePages:
    """The page of each line of an item's or a section's text, by the model it belongs to.

    Keyed by object identity: the models are the ones in the result's meetings, which the
    registry keeps alive, so an identity is never reused while the registry exists.

    Example:
        >>> section = Section(kind="other", heading="", text="a\\nb", pages=(1, 2))
        >>> registry = LinePages()
        >>> registry.record(section, [Line("a", 1), Line("b", 2)])
        >>> registry.of(section)
        [1, 2]
        >>> registry.of(Section(kind="other", heading="", text="", pages=(1, 1)))
        []
    """

    def __init__(self) -> None:
        self._pages: dict[int, tuple[BaseModel, list[int]]] = {}

    def record(self, model: BaseModel, lines: list[Line]) -> None:
        """Record the pages of the lines behind ``model``'s text; a Section's or an Item's
        ``text_pages`` is filled from them, so the archive can give every passage its page."""
        pages = [line.page for line in lines]
        self._pages[id(model)] = (model, pages)
        if isinstance(model, (Section, Item)):
            model.text_pages = page_starts(pages, model.pages[0])

    def of(self, model: BaseModel) -> list[int]:
        found = self._pages.get(id(model))
        return found[1] if found is not None and found[0] is model else []


@dataclass
class StructureResult:
    meetings: list[Meeting]
    attachments: list[Attachment]
    warnings: list[str]
    line_pages: LinePages = field(default_factory=LinePages)


def page_starts(pages: list[int], first_page: int) -> list[tuple[int, int]]:
    """(line, page) where each page of a text begins, from the page of each of its lines;
    empty when every line is on ``first_page`` (the contract's ``text_pages``).

    Example:
        >>> page_starts([3, 3, 4, 4, 5], 3)
        [(0, 3), (2, 4), (4, 5)]
        >>> page_starts([2, 2], 2), page_starts([3, 3], 2)
        ([], [(0, 3)])
    """
    if all(page == first_page for page in pages):
        return []
    return [(index, page) for index, page in enumerate(pages) if index == 0 or page != pages[index - 1]]


def pages_of(lines: list[Line]) -> tuple[int, int]:
    """First and last page of some lines ((1, 1) for none)."""
    if not lines:
        return (1, 1)
    pages = [line.page for line in lines]
    return (min(pages), max(pages))


def keep_text_without_items(meeting: Meeting, lines: list[Line], warnings: list[str], line_pages: LinePages) -> None:
    """A meeting without agenda items keeps its whole text as one section of the meeting,
    so that nothing of the document is lost (the archive searches it)."""
    text_lines = [line for line in lines if line.text.strip()]
    if not text_lines:
        return
    pages = _keep_as_meeting_text(meeting, text_lines, line_pages)
    if meeting.kind != "kommissorium":  # a kommissorium has no agenda by its nature
        warnings.append(
            f"pages {pages[0]}-{pages[1]}: no agenda items found; the text is kept as the meeting's own section"
        )


def shows_a_meeting(meeting: Meeting) -> bool:
    """Whether anything marks the text as an agenda or minutes: a meeting kind word, a date,
    body, place or start time of the meeting, a participant list, or an item with a
    recommendation, a decision or a section only agendas have. Numbered headings alone do not (a report's chapters); the
    caller also counts headings in agenda words ("Punkt 4", "Lukket punkt").
    (Two of the header facts instead of one cost real minutes their items: measured.)

    Example:
        >>> from referat.models import Item
        >>> chapters = [Item(number="1", title="Indledning", pages=(1, 1))]
        >>> shows_a_meeting(Meeting(kind="other", items=chapters, pages=(1, 1)))
        False
        >>> shows_a_meeting(Meeting(kind="referat", body="Byrådet", items=chapters, pages=(1, 1)))
        True
    """
    # (a place or a start time is printed only for a meeting: "Mødet påbegyndt: kl. 14:30")
    header = (meeting.date, meeting.body, meeting.participants, meeting.start_time, meeting.location)
    if meeting.kind != "other" or any(header):
        return True
    return any(
        item.decisions
        or item.recommendations
        or item.case_numbers
        # "Baggrund", "Økonomi" head a report's chapters too; these head only an agenda's items
        or any(section.kind in ("decision", "recommendation", "minutes", "process") for section in item.sections)
        for item in meeting.items
    )


def keep_text_as_document(meeting: Meeting, lines: list[Line], warnings: list[str], line_pages: LinePages) -> None:
    """A text that is not agenda or minutes keeps its whole text (searchable) and no items."""
    text_lines = [line for line in lines if line.text.strip()]
    if text_lines:
        pages = _keep_as_meeting_text(meeting, text_lines, line_pages)
        warnings.append(
            f"pages {pages[0]}-{pages[1]}: not agenda or minutes (no meeting word, date, body, participants, "
            "decisions or known section headings); the text is kept without items"
        )


def keep_prose_before_items(meeting: Meeting, front: list[Line], line_pages: LinePages) -> None:
    """Text before the first item that is more than a header (who attended and how many, the
    chair's welcome, the election of a chairman in associations' minutes) is kept as the
    meeting's own section, so that nothing of the document is lost (the archive searches it)."""
    text_lines = [line for line in front if line.text.strip()]
    if any(_is_prose(line.text.strip()) for line in text_lines):
        _keep_as_meeting_text(meeting, text_lines, line_pages)


def _keep_as_meeting_text(meeting: Meeting, text_lines: list[Line], line_pages: LinePages) -> tuple[int, int]:
    """The lines as the meeting's one section of kind "other"; its pages."""
    pages = pages_of(text_lines)
    section = Section(kind="other", heading="", text="\n".join(line.text for line in text_lines), pages=pages)
    line_pages.record(section, text_lines)
    meeting.sections = [section]
    return pages


def _is_prose(text: str) -> bool:
    # A sentence: several words ending in a full stop, not a label ("Afbud: …") or a name list.
    words = text.split()
    return len(words) >= 5 and text.endswith((".", "!")) and ":" not in text[:25]


# Kinds of document that have a date, a body and items by their nature.
_MEETING_KINDS = ("referat", "dagsorden", "beslutningsprotokol")


def missing_content(has_text: bool, meetings: list[Meeting]) -> list[str]:
    """A warning when a file gave nothing to archive, so an empty result is never silent.

    Example:
        >>> missing_content(False, []), missing_content(True, [])
        (['no text found in the file'], ['no meeting found: nothing in the text reads as agenda or minutes'])
    """
    if not has_text:
        return ["no text found in the file"]
    if not meetings:
        return ["no meeting found: nothing in the text reads as agenda or minutes"]
    return []


def missing_facts(meetings: list[Meeting]) -> list[str]:
    """One warning per fact a meeting document should print and the grammar did not find.

    Example:
        >>> for warning in missing_facts([Meeting(kind="referat", pages=(1, 2))]):
        ...     print(warning)
        meeting 1 (pages 1-2): no agenda items found
        meeting 1 (pages 1-2): no meeting date found
        meeting 1 (pages 1-2): no body (who met) found
        >>> missing_facts([Meeting(kind="kommissorium", pages=(1, 1))])
        []
    """
    warnings = []
    for number, meeting in enumerate(meetings, start=1):
        if meeting.kind not in _MEETING_KINDS:
            continue
        where = f"meeting {number} (pages {meeting.pages[0]}-{meeting.pages[1]})"
        if not meeting.items and not meeting.sections:  # (with sections kept, the structure stage has said so)
            warnings.append(f"{where}: no agenda items found")
        if meeting.date is None:
            warnings.append(f"{where}: no meeting date found")
        if meeting.body is None:
            warnings.append(f"{where}: no body (who met) found")
    return warnings
