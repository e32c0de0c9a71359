"""The output contract (schema 1.x) as pydantic models: the single source of the schema.

Field names follow ../shared/CONTRACT.md and never change within 1.x; fields may be
added. Absent facts are ``None`` or ``[]``, never invented. Every fact carries the
page(s) it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# 1.1 adds Meeting.sections; 1.2 keeps prose before the first item there too; 1.3 adds Item.votes;
# 1.4 adds text_pages (Section, Item) and Position.votes
SCHEMA_VERSION = "1.4"

PageRange = tuple[int, int]
# (line, page): the text's line (0-based) at which a page begins.
PageStart = tuple[int, int]

_TEXT_PAGES = (
    "where a text runs onto several pages: (line, page) pairs, the 0-based line of the text at which each page"
    " begins, the first included; empty when the whole text is on the first page of `pages` (added in 1.4)"
)

MeetingKind = Literal["referat", "dagsorden", "beslutningsprotokol", "kommissorium", "other"]
Access = Literal["public", "closed"]
SectionKind = Literal[
    "summary",
    "recommendation",
    "background",
    "minutes",
    "decision",
    "economy",
    "attachments",
    "process",
    "communication",
    "secretariat_note",
    "proposal",
    "other",
]
Outcome = Literal["approved", "noted", "rejected", "postponed", "referred", "discussed"]
ParticipantStatus = Literal["present", "absent", "secretary", "guest"]
Stance = Literal["for", "against", "reservation", "abstain", "not_participating"]
ActorType = Literal["organisation", "person", "body"]
EntityLabel = Literal["ORG", "PER", "LOC", "LAW", "MISC"]
DateKind = Literal["deadline", "meeting", "event", "period", "publication", "other"]
DatePrecision = Literal[
    "day", "week", "part_of_month", "month", "quarter", "half", "season", "year_part", "year", "years"
]
AmountQualifier = Literal["approx", "at_least", "at_most"]


class _Model(BaseModel):
    # Unknown keys are an error: a misspelt field in gold or input JSON must not pass silently.
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    """Where the document came from."""

    path: str
    sha256: str
    media_type: str = Field(description="e.g. application/pdf")
    pages: int


class Participant(_Model):
    name: str
    party: str | None = Field(None, description="party letter as printed: A, V, F, Ø …")
    role: str | None = Field(None, description="formand, næstformand, …")
    organisation: str | None = None
    status: ParticipantStatus | None = None


class Section(_Model):
    kind: SectionKind
    heading: str = Field(description="the heading as printed")
    text: str = ""
    pages: PageRange
    text_pages: list[PageStart] = Field([], description=_TEXT_PAGES)


class Decision(_Model):
    text: str
    outcome: Outcome | None = None


class Position(_Model):
    actor: str
    stance: Stance
    text: str
    votes: int | None = Field(
        None, description="how many votes the actor cast this way, where printed: 'For stemte: A (5)' (added in 1.4)"
    )


class Vote(_Model):
    """One ballot's counts as printed ("vedtaget med 15 stemmer mod 10", "For stemte 11 …").
    Who voted how is in the item's positions; a count the text does not give is ``None``."""

    text: str
    in_favour: int | None = None
    against: int | None = None
    abstained: int | None = None
    unanimous: bool = Field(False, description="'enstemmigt': every vote for, no counts printed")


class Statement(_Model):
    actor: str = Field(description="canonical name: 'Danske Regioner', not 'Regionen'")
    actor_type: ActorType
    verb: str
    text: str
    page: int


class Entity(_Model):
    text: str
    label: EntityLabel
    canonical: str | None = None
    page: int


class DateMention(_Model):
    text: str
    kind: DateKind
    start: str = Field(description="YYYY-MM-DD")
    end: str = Field(description="YYYY-MM-DD")
    precision: DatePrecision


class Amount(_Model):
    text: str
    value: float = Field(description="in DKK")
    currency: Literal["DKK"] = "DKK"
    qualifier: AmountQualifier | None = None
    year: int | None = None


class AttachmentRef(_Model):
    """An attachment listed under an item's Bilag heading."""

    label: str | None = None
    title: str


class Item(_Model):
    number: str = Field(description="as printed: '3', '715'; sub-items 'a', 'b'")
    title: str = Field(description="official title, word for word, joined across lines")
    text: str = Field("", description="the item's text that stands under no section heading (added in 1.1)")
    access: Access = "public"
    case_numbers: list[str] = []
    responsible: str | None = None
    sections: list[Section] = []
    subitems: list[Item] = []
    recommendations: list[str] = []
    decisions: list[Decision] = []
    positions: list[Position] = []
    votes: list[Vote] = Field([], description="ballots with their counts (added in 1.3)")
    statements: list[Statement] = []
    entities: list[Entity] = []
    dates: list[DateMention] = []
    amounts: list[Amount] = []
    attachments: list[AttachmentRef] = []
    pages: PageRange
    text_pages: list[PageStart] = Field([], description="the same for `text`: " + _TEXT_PAGES)


def walk_items(items: list[Item]) -> Iterator[Item]:
    """Every item and, after each, its sub-items (depth first, document order)."""
    for item in items:
        yield item
        yield from walk_items(item.subitems)


class Meeting(_Model):
    body: str | None = Field(None, description="who meets: 'Aarhus Byråd'")
    organisation: str | None = Field(None, description="the authority: 'Aarhus Kommune'")
    kind: MeetingKind = "other"
    title: str | None = None
    date: str | None = Field(None, description="YYYY-MM-DD")
    start_time: str | None = Field(None, description="HH:MM")
    location: str | None = None
    case_numbers: list[str] = []
    participants: list[Participant] = []
    items: list[Item] = []
    # Added in schema 1.1. A document in which no agenda item is found (a kommissorium, a
    # letter, minutes in a style not recognised) would otherwise keep none of its text.
    sections: list[Section] = Field(
        [],
        description=(
            "the meeting's text that belongs to no item: all of it when no item is found, else the prose"
            " before the first item (attendance, the chair's welcome); empty when all its text is in its items"
        ),
    )
    pages: PageRange


class Attachment(_Model):
    """Appended bilag text after the last item: slides, tables, letters."""

    title: str | None = None
    text: str = ""
    pages: PageRange


class Document(_Model):
    """One input file: its meetings and anything appended to them.

    Example:
        >>> Document(source=Source(path="a.txt", sha256="0"*64,
        ...          media_type="text/plain", pages=1)).schema_version
        '1.4'
    """

    schema_version: str = SCHEMA_VERSION
    source: Source
    meetings: list[Meeting] = []
    attachments: list[Attachment] = []
    warnings: list[str] = []


def json_schema() -> dict:
    """The JSON Schema of :class:`Document`, as ``referat schema`` prints it."""
    schema = Document.model_json_schema()
    schema["$id"] = f"https://referat.invalid/schema/{SCHEMA_VERSION}/document.json"
    schema["title"] = "referat Document"
    return schema
