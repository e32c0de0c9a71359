"""Enrichment: entities, dates, amounts, positions and who-said-what for every item.

Example (from the repository root):
    >>> from referat.extract import extract_file
    >>> from referat.extract.enrich import enrich_document
    >>> document = enrich_document(extract_file("corpus/sst-taskforce-referat.pdf", enrich=False))
    >>> [statement.actor for statement in document.meetings[0].items[1].statements][:3]
    ['Sundhedsstyrelsen', 'Sundhedsstyrelsen', 'Danske Regioner']
"""

from __future__ import annotations

import bisect
import datetime
import re
from typing import TYPE_CHECKING

from referat.extract.dates import date_context
from referat.extract.enrich.actors import ActorContext, canonical_organisation, resolve_name
from referat.extract.enrich.components import EnrichContext, get_nlp, run
from referat.extract.structure.result import LinePages
from referat.models import Amount, DateMention, Document, Entity, Item, Position, Statement, Vote, walk_items

# Speech is reported in the minutes and decisions, and in item text with no heading;
# a Sagsfremstilling's "Sundhedsstyrelsen orienterede …" is background, not the meeting.
if TYPE_CHECKING:
    from spacy.tokens import Doc

STATEMENT_SECTIONS = {"minutes", "decision", "other"}


_NEWLINE = re.compile("\n")


class _Pages:
    """Page of a character offset in a section text whose lines carry their pages."""

    def __init__(self, text: str, line_pages: list[int], fallback: int):
        self.line_starts = [0] + [match.end() for match in _NEWLINE.finditer(text)] if line_pages else []
        self.line_pages = line_pages
        self.fallback = fallback

    def at(self, offset: int) -> int:
        if not self.line_pages:
            return self.fallback
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return self.line_pages[min(line, len(self.line_pages) - 1)]


def enrich_document(document: Document, line_pages: LinePages | None = None) -> Document:
    """Fill every item's entities, dates, amounts, positions and statements (in place).

    ``line_pages`` (from the structure stage) gives each fact the page of its line; without
    it a fact gets its section's first page.

    The pipeline is built once per process and reused.
    """
    get_nlp()
    for meeting in document.meetings:
        reference = _parse_iso(meeting.date)
        if reference is None:
            # No printed meeting date: resolve year-less dates against the text's own dates.
            reference = date_context([text for item in walk_items(meeting.items) for text in _texts(item)])
        participants = [p.name for p in meeting.participants]
        chair = next((p.name for p in meeting.participants if p.role and re.match(r"^formand", p.role, re.I)), None)
        vice_chair = next(
            (p.name for p in meeting.participants if p.role and re.match(r"^næstformand", p.role, re.I)), None
        )
        for item in walk_items(meeting.items):
            _enrich_item(item, line_pages or LinePages(), reference, participants, chair, vice_chair, meeting.body)
    return document


def _enrich_item(
    item: Item,
    paged: LinePages,
    reference: datetime.date | None,
    participants: list[str],
    chair: str | None = None,
    vice_chair: str | None = None,
    body: str | None = None,
) -> None:
    """Run the pipeline once over the item: its title, text and sections joined by blank
    lines (one Doc per item, not per section: most sections are a line or two long)."""
    parts: list[tuple[str, list[int], bool]] = [(item.title, [item.pages[0]], False)]
    if item.text:
        parts.append((item.text, paged.of(item) or [item.pages[0]], True))
    for section in item.sections:
        if section.text.strip():
            parts.append((section.text, paged.of(section) or [section.pages[0]], section.kind in STATEMENT_SECTIONS))
    texts: list[str] = []
    line_pages: list[int] = []
    statement_ranges: list[tuple[int, int]] = []
    offset = 0
    for text, pages_of_lines, with_statements in parts:
        if texts:
            line_pages.append(pages_of_lines[0])  # the blank line between two parts
            offset += 2
        texts.append(text)
        line_pages.extend(pages_of_lines[: text.count("\n") + 1])
        line_pages.extend([pages_of_lines[-1]] * (text.count("\n") + 1 - len(pages_of_lines)))
        if with_statements and item.access == "public":
            statement_ranges.append((offset, offset + len(text)))
        offset += len(text)
    joined = "\n\n".join(texts)
    pages = _Pages(joined, line_pages, item.pages[0])
    seen: set[tuple[str, str, int]] = set()
    if item.responsible:
        # The case officer printed under the title is a person of the item.
        seen.add((item.responsible, "PER", item.pages[0]))
        item.entities.append(Entity(text=item.responsible, label="PER", canonical=item.responsible, page=item.pages[0]))
    actors = ActorContext(participants=participants, chair=chair, vice_chair=vice_chair, body=body)
    for start, end in windows(joined, get_nlp().max_length):
        ranges = [(max(a, start) - start, min(b, end) - start) for a, b in statement_ranges if a < end and b > start]
        context = EnrichContext(reference_date=reference, actors=actors, statement_ranges=ranges)
        _collect(item, run(joined[start:end], context), pages, start, participants, seen)


def windows(text: str, limit: int) -> list[tuple[int, int]]:
    """``text`` cut into pieces of at most ``limit`` characters, as (start, end): spaCy
    refuses a longer text (its max_length, 1 000 000), and one item of a scanned book or a
    transcript can be longer. A piece ends at a blank line, else a line end, else a space,
    so few sentences are cut; most items are one piece.

    Example:
        >>> windows("ab cd\\n\\nef gh", 8), windows("abcdef", 4)
        ([(0, 7), (7, 12)], [(0, 4), (4, 6)])
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        for separator in ("\n\n", "\n", " "):
            cut = text.rfind(separator, start + 1, end)
            if cut > start:
                end = cut + len(separator)
                break
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def _collect(
    item: Item, doc: Doc, pages: _Pages, start: int, participants: list[str], seen: set[tuple[str, str, int]]
) -> None:
    """Add the facts of one piece of the item's text (its Doc, from offset ``start``) to the item."""
    for span in doc.ents:
        page = pages.at(start + span.start_char)
        surface = " ".join(span.text.split())
        if (surface, span.label_, page) in seen:
            continue
        seen.add((surface, span.label_, page))
        canonical = None
        if span.label_ == "ORG":
            canonical = canonical_organisation(surface)
        elif span.label_ == "PER":
            actor = resolve_name(surface, participants)
            canonical = actor.canonical if actor else surface
        item.entities.append(Entity(text=surface, label=span.label_, canonical=canonical, page=page))
    item.dates.extend(DateMention(**mention) for mention in doc._.dates)
    item.amounts.extend(Amount(**amount) for amount in doc._.amounts)
    item.statements.extend(
        Statement(
            actor=found.actor.canonical,
            actor_type=found.actor.kind,
            verb=found.verb,
            text=found.text,
            page=pages.at(start + found.start_char),
        )
        for found in doc._.statements
    )
    item.positions.extend(Position(actor=p.actor, stance=p.stance, text=p.text, votes=p.votes) for p in doc._.positions)
    item.votes.extend(
        Vote(text=v.text, in_favour=v.in_favour, against=v.against, abstained=v.abstained, unanimous=v.unanimous)
        for v in doc._.votes
    )


def _texts(item: Item) -> list[str]:
    return [item.title, item.text] + [section.text for section in item.sections]


def _parse_iso(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None
