"""What the archive keeps of closed items (marked Fortrolig or Lukket): pure functions
over Documents; store.py applies them before writing.

A closed item keeps its number, its title and the outcome of each decision (approved,
noted, …), nothing else: no sections, no text, no recommendations, statements,
positions, entities, dates, amounts, case numbers or attachments. Sub-items of a closed
item are closed too. ``referat import --include-closed`` stores them whole instead, and
``--public`` on the reading commands hides them again.
"""

from __future__ import annotations

import re
from typing import Literal

from referat.models import Document, Item
from referat.models.document import Decision, walk_items

ClosedText = Literal["none", "withheld", "included"]
PersonalData = Literal["none", "redacted", "kept"]

# The warning extract/personal_data.py adds when a document held CPR numbers.
_CPR_WARNING = re.compile(r"CPR number\(s\) (kept|redacted)")


def close_subitems(document: Document) -> Document:
    """A copy in which every sub-item of a closed item is closed too.

    Example:
        >>> from referat.models import Source
        >>> from referat.models.document import Meeting
        >>> sub = Item(number="a", title="Tilbud", pages=(1, 1))
        >>> top = Item(number="9", title="Køb af ejendom", access="closed", subitems=[sub], pages=(1, 1))
        >>> doc = Document(source=Source(path="x", sha256="0" * 64, media_type="text/plain", pages=1),
        ...                meetings=[Meeting(items=[top], pages=(1, 1))])
        >>> close_subitems(doc).meetings[0].items[0].subitems[0].access, sub.access
        ('closed', 'public')
    """
    copy = document.model_copy(deep=True)
    for meeting in copy.meetings:
        for item in meeting.items:
            _close_below(item, item.access == "closed")
    return copy


def _close_below(item: Item, closed: bool) -> None:
    if closed:
        item.access = "closed"
    for subitem in item.subitems:
        _close_below(subitem, item.access == "closed")


def reduced_item(item: Item) -> Item:
    """A closed item as the archive keeps it: number, title, decision outcomes, pages,
    and its sub-items reduced the same way."""
    return Item(
        number=item.number,
        title=item.title,
        access="closed",
        decisions=[Decision(text="", outcome=decision.outcome) for decision in item.decisions],
        subitems=[reduced_item(subitem) for subitem in item.subitems],
        pages=item.pages,
    )


def public_view(document: Document) -> Document:
    """The document without the text of its closed items (see the module docstring).

    Appended material that starts on the last page of a closed last item is left out
    as well: the extractor puts whatever stands under a closed item after its decision
    among the document's appended attachments, so there it may be the item's own text.

    Example:
        >>> from referat.models import Source
        >>> from referat.models.document import Meeting, Section
        >>> secret = Section(kind="background", heading="Sagsfremstilling", text="Prisen er 4,2 mio. kr.", pages=(1, 1))
        >>> item = Item(number="9", title="Køb af ejendom", access="closed", sections=[secret],
        ...             decisions=[Decision(text="Købet godkendt.", outcome="approved")], pages=(1, 1))
        >>> doc = Document(source=Source(path="x", sha256="0" * 64, media_type="text/plain", pages=1),
        ...                meetings=[Meeting(items=[item], pages=(1, 1))])
        >>> kept = public_view(doc).meetings[0].items[0]
        >>> kept.title, kept.sections, kept.decisions
        ('Køb af ejendom', [], [Decision(text='', outcome='approved')])
    """
    view = close_subitems(document)
    items = [item for meeting in view.meetings for item in walk_items(meeting.items)]
    if items and items[-1].access == "closed":
        view.attachments = [a for a in view.attachments if a.pages[0] > items[-1].pages[1]]
    for meeting in view.meetings:
        meeting.items = [_view_item(item) for item in meeting.items]
    return view


def _view_item(item: Item) -> Item:
    """A closed item reduced; a public one with its closed sub-items reduced (in place:
    ``item`` belongs to the copy public_view made)."""
    if item.access == "closed":
        return reduced_item(item)
    item.subitems = [_view_item(subitem) for subitem in item.subitems]
    return item


def has_closed(document: Document) -> bool:
    """Whether any item of the document is closed."""
    return any(item.access == "closed" for meeting in document.meetings for item in walk_items(meeting.items))


def closed_text(document: Document, include_closed: bool) -> ClosedText:
    """What the archive records about the document's closed items: 'none' (it has none),
    'withheld' (reduced by :func:`public_view`) or 'included' (``--include-closed``)."""
    if not has_closed(document):
        return "none"
    return "included" if include_closed else "withheld"


def personal_data(document: Document) -> PersonalData:
    """Whether the document's CPR numbers were redacted or kept at extraction, read from
    the warning extraction adds; 'none' when it held none."""
    for warning in document.warnings:
        match = _CPR_WARNING.search(warning)
        if match:
            return "kept" if match.group(1) == "kept" else "redacted"
    return "none"
