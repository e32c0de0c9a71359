"""A Document as the archive writes it, row by row: pure functions, run where the document
was extracted.

An import's worker (pool.py) prepares each document it extracted, under ``--timeout`` and
``--max-memory``: the JSON round trip that checks it, the copy that withholds closed
items' text (public.py), the JSON the archive keeps, the passages cut per page with the
meeting's own name blanked out, every word's stem and compound tails, and the canonical
actors. The parent, in its write transaction, only inserts these rows (write.py): no
cost there grows faster than the rows themselves, and none of it parses, copies or stems.

Only two things depend on the archive and are settled by the parent: the spelling the
archive already stores for a body (names.py), and the items' keys. A meeting whose body
the archive spells otherwise has its passages indexed again by :func:`with_body`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from referat.archive.public import ClosedText, PersonalData, close_subitems, closed_text, personal_data, public_view
from referat.archive.text import index_columns, index_words, page_parts, without_own_name
from referat.data.bodies import canonical_names, name_key
from referat.data.gazetteer import canonical_actor
from referat.models import Document, Item, Meeting
from referat.models.document import walk_items

# One passage of an item: source ('title', 'text', 'section', 'decision', 'statement',
# 'position'), the fact's place among its item's facts of that source (None for the title
# and the text), section kind, heading, page, text, text as indexed (None: as printed),
# stems, parts. Its actor is its statement's or position's canonical actor.
PassageRow = tuple[str, int | None, str, str | None, int | None, str, str | None, str, str]
# A statement: actor, whether the actor is the meeting's own body (then its canonical name
# is the body's stored spelling), canonical actor, actor type, verb, text, page.
StatementRow = tuple[str, bool, str, str, str, str, int]
# A position: actor, own body (as above), canonical actor, stance, text, votes.
PositionRow = tuple[str, bool, str, str, str, int | None]


@dataclass(frozen=True)
class PreparedItem:
    """One item's row and every row under it, in the order write.py inserts them."""

    number: str
    title: str
    access: str
    responsible: str | None
    case_numbers: str  # JSON
    recommendations: str  # JSON
    attachments: str  # JSON
    pages: tuple[int, int]
    sections: list[tuple[str, str, str, int, int]]  # kind, heading, text, first page, last page
    decisions: list[tuple[str, str | None]]  # text, outcome
    statements: list[StatementRow]
    positions: list[PositionRow]
    votes: list[tuple[str, int | None, int | None, int | None, int]]
    entities: list[tuple[str, str, str | None, int]]
    dates: list[tuple[str, str, str, str, str]]
    amounts: list[tuple[str, float, str, str | None, int | None]]
    passages: list[PassageRow]
    subitems: list[PreparedItem] = field(default_factory=list)


@dataclass(frozen=True)
class PreparedMeeting:
    """A meeting's row with its organisation and body by their canonical names (the
    archive's own spelling of them is the parent's to choose), and its items; a meeting
    without agenda items has one item that holds its text."""

    organisation: str | None
    body: str | None
    kind: str
    title: str | None
    date: str | None
    start_time: str | None
    location: str | None
    case_numbers: str  # JSON
    participants: str  # JSON
    pages: tuple[int, int]
    items: list[PreparedItem]


@dataclass(frozen=True)
class PreparedDocument:
    """Everything the archive stores of one Document, ready to insert."""

    path: str
    sha256: str
    media_type: str
    pages: int
    json: str  # the Document as kept: closed items reduced unless --include-closed
    include_closed: bool
    closed_text: ClosedText
    personal_data: PersonalData
    warned: bool  # something was not understood (``referat report``); personal data aside
    meetings: list[PreparedMeeting]


def prepare_document(document: Document, include_closed: bool = False) -> PreparedDocument:
    """The rows the archive stores for ``document``: closed items withheld (public.py)
    unless ``include_closed``, sub-items of closed items closed in either case.

    Example:
        >>> from referat.extract import extract_bytes
        >>> text = b"Byraadet\\nReferat\\nPunkt 1 Aftaler\\nReferat\\nGodkendt."
        >>> prepared = prepare_document(extract_bytes("m.txt", text, enrich=False))
        >>> item = prepared.meetings[0].items[0]
        >>> item.title, [(source, stems) for source, _, _, _, _, _, _, stems, _ in item.passages]
        ('Aftaler', [('title', 'aftal'), ('section', 'godkend')])
    """
    kept = close_subitems(document) if include_closed else public_view(document)
    return PreparedDocument(
        path=document.source.path,
        sha256=document.source.sha256,
        media_type=document.source.media_type,
        pages=document.source.pages,
        json=kept.model_dump_json(),
        include_closed=include_closed,
        closed_text=closed_text(document, include_closed),
        personal_data=personal_data(document),
        warned=any(not warning.startswith("personal data") for warning in document.warnings),
        meetings=[_meeting(meeting) for meeting in kept.meetings],
    )


def checked(document: Document) -> Document:
    """The Document read back from its JSON, as the archive would read it: an extraction
    bug that built an invalid one raises ValueError (pydantic's ValidationError) here."""
    return Document.model_validate_json(document.model_dump_json())


def holder_title(meeting: Meeting) -> str:
    """The title of the item the archive makes of a meeting without agenda items (a
    kommissorium, a letter): the meeting's title, or the first line of its text, cut at
    120 characters.

    Example:
        >>> from referat.models.document import Section
        >>> text = "Kommissorium for arbejdsgruppen om " + "ventetider og kapacitet i psykiatrien " * 4
        >>> section = Section(kind="other", heading="", text=text, pages=(1, 1))
        >>> holder_title(Meeting(sections=[section], pages=(1, 1))).split()[-1]
        'ventetid…'
    """
    if meeting.title:
        return meeting.title
    text = meeting.sections[0].text if meeting.sections else ""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= 120 else line[:119].rstrip() + "…"


def _meeting(meeting: Meeting) -> PreparedMeeting:
    organisation, body = canonical_names(meeting.organisation, meeting.body)
    items = list(meeting.items)
    if meeting.sections:
        # A meeting without agenda items (a kommissorium, a letter) keeps its text in
        # Meeting.sections; the archive holds it as an item without a number, titled by
        # the meeting, so it is searched and shown like any item.
        items.append(Item(number="", title=holder_title(meeting), sections=meeting.sections, pages=meeting.pages))
    texts = [text for item in items for text in _texts(item)]
    known = index_words(texts)  # each distinct word stemmed once for the whole meeting
    return PreparedMeeting(
        organisation=organisation,
        body=body,
        kind=meeting.kind,
        title=meeting.title,
        date=meeting.date,
        start_time=meeting.start_time,
        location=meeting.location,
        case_numbers=json.dumps(meeting.case_numbers, ensure_ascii=False),
        participants=json.dumps([p.model_dump(mode="json") for p in meeting.participants], ensure_ascii=False),
        pages=meeting.pages,
        items=[_item(item, body, known) for item in items],
    )


def _texts(item: Item) -> list[str]:
    """The texts passages are cut from, of the item and every item under it."""
    return [
        text
        for each in walk_items([item])
        for text in (
            each.title,
            each.text,
            *(section.text for section in each.sections),
            *(decision.text for decision in each.decisions),
            *(statement.text for statement in each.statements),
            *(position.text for position in each.positions),
        )
    ]


def _item(item: Item, body: str | None, known: dict[str, tuple[str, str]]) -> PreparedItem:
    def own_body(actor: str) -> bool:
        return bool(body) and name_key(actor) == name_key(body or "")

    statements: list[StatementRow] = [
        (s.actor, own_body(s.actor), canonical_actor(s.actor), s.actor_type, s.verb, s.text, s.page)
        for s in item.statements
    ]
    positions: list[PositionRow] = [
        (p.actor, own_body(p.actor), canonical_actor(p.actor), p.stance, p.text, p.votes) for p in item.positions
    ]
    return PreparedItem(
        number=item.number,
        title=item.title,
        access=item.access,
        responsible=item.responsible,
        case_numbers=json.dumps(item.case_numbers, ensure_ascii=False),
        recommendations=json.dumps(item.recommendations, ensure_ascii=False),
        attachments=json.dumps([a.model_dump(mode="json") for a in item.attachments], ensure_ascii=False),
        pages=item.pages,
        sections=[(s.kind, s.heading, s.text, s.pages[0], s.pages[1]) for s in item.sections],
        decisions=[(d.text, d.outcome) for d in item.decisions],
        statements=statements,
        positions=positions,
        votes=[(v.text, v.in_favour, v.against, v.abstained, int(v.unanimous)) for v in item.votes],
        entities=[(e.text, e.label, e.canonical, e.page) for e in item.entities],
        dates=[(d.text, d.kind, d.start, d.end, d.precision) for d in item.dates],
        amounts=[(a.text, a.value, a.currency, a.qualifier, a.year) for a in item.amounts],
        passages=[_indexed(passage, body, known) for passage in _passages(item)],
        subitems=[_item(subitem, body, known) for subitem in item.subitems],
    )


# A passage before it is indexed: source, fact, section kind, heading, page, text.
_Passage = tuple[str, int | None, str, str | None, int | None, str]


def _passages(item: Item) -> list[_Passage]:
    """The item's passages in the order they are stored: title, text, sections (a part per
    page), decisions that are no section's text, statements, positions with text."""
    passages: list[_Passage] = []
    if item.title.strip():
        passages.append(("title", None, "title", None, item.pages[0], item.title))
    # Text under no section heading (association minutes hold most of what happened there):
    # searchable like a section.
    parts = page_parts(item.text, item.text_pages, item.pages[0])
    passages += [("text", None, "text", None, page, text) for page, text in parts]
    decision_texts = []
    for index, section in enumerate(item.sections):
        if section.kind == "decision":
            decision_texts.append(" ".join(section.text.split()))
        passages += [
            ("section", index, section.kind, section.heading, page, text)
            for page, text in page_parts(section.text, section.text_pages, section.pages[0])
        ]
    for index, decision in enumerate(item.decisions):
        # Decisions are usually the text of a decision section: index them only once.
        flat = " ".join(decision.text.split())
        if flat and not any(flat in text for text in decision_texts):
            passages.append(("decision", index, "decision", None, item.pages[0], decision.text))
    passages += [
        ("statement", index, "statement", statement.verb, statement.page, statement.text)
        for index, statement in enumerate(item.statements)
    ]
    passages += [
        ("position", index, "position", position.stance, item.pages[0], position.text)
        for index, position in enumerate(item.positions)
        if position.text.strip()
    ]
    return passages


def _indexed(passage: _Passage, body: str | None, known: dict[str, tuple[str, str]] | None) -> PassageRow:
    """The passage with its index columns; the meeting's own body is not indexed (text.py)."""
    source, fact, kind, heading, page, text = passage
    indexed = without_own_name(text, body)
    stems, parts = index_columns(text if indexed is None else indexed, known)
    return source, fact, kind, heading, page, text, indexed, stems, parts


def with_body(meeting: PreparedMeeting, body: str | None) -> PreparedMeeting:
    """The meeting as stored under ``body``, the archive's spelling of its body (the same
    name by ``name_key``): its passages indexed again with that spelling blanked out. The
    parent does this, stemming the words itself, only where the archive spells a body
    otherwise than its canonical name (a name the table of bodies does not know, stored
    first in another form).

    Example:
        >>> from referat.extract import extract_bytes
        >>> text = "Kultur- og Fritidsudvalget\\nReferat\\nPunkt 1 Haller\\nReferat\\nKultur- og fritidsudvalg ser."
        >>> meeting = prepare_document(extract_bytes("m.txt", text.encode(), enrich=False)).meetings[0]
        >>> def indexed(meeting):
        ...     return [row[6] for row in meeting.items[0].passages]
        >>> indexed(meeting), indexed(with_body(meeting, "Kultur- og fritidsudvalg"))
        ([None, None], [None, '                         ser.'])
    """
    if body == meeting.body:
        return meeting
    return replace(meeting, body=body, items=[_item_with_body(item, body) for item in meeting.items])


def _item_with_body(item: PreparedItem, body: str | None) -> PreparedItem:
    return replace(
        item,
        passages=[_indexed(row[:6], body, None) for row in item.passages],
        subitems=[_item_with_body(subitem, body) for subitem in item.subitems],
    )
