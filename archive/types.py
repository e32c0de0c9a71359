"""What the archive offers, whatever stores it: the :class:`Archive` interface, its
filters and results, and the one error users see.

Everything the commands need goes through :class:`Archive`; only the SQLite
implementation (store.py and the modules it is assembled from) writes SQL. A PostgreSQL
backend implements the same methods (its full-text search on ``tsvector`` with the
Danish configuration plus the same ``stems``/``parts`` columns).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Protocol

from referat.models import Document

StoreOutcome = Literal["imported", "replaced", "skipped"]
Facets = tuple[dict[str, dict[str, int]], int, bool]  # counts by facet, total, estimated


class ArchiveError(Exception):
    """Something the user can fix (no archive there, unknown actor, bad query); one sentence."""


@dataclass(frozen=True)
class SearchFilters:
    """Narrow a search. ``body`` matches part of the body's name, ignoring case; dates
    are inclusive ``YYYY-MM-DD``; ``section`` is a Section.kind or title|decision|statement|position.
    ``decided`` True: only items with a decision, False: only items without one; ``amount``
    likewise for items that name an amount of money (None: either).
    ``public`` leaves out everything of closed items but their titles (``--public``)."""

    body: str | None = None
    actor: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    section: str | None = None
    kind: str | None = None
    decided: bool | None = None
    amount: bool | None = None
    public: bool = False
    # Only items of documents imported at or after this time (ISO 8601, as
    # ``documents.imported_at``): what a saved search has not seen yet (watches.py).
    imported_since: str | None = None


NO_FILTERS = SearchFilters()


@dataclass(frozen=True)
class AmountFilters:
    """Narrow ``referat amounts``: values in DKK (inclusive), the year the amount is for,
    meeting dates and body as in :class:`SearchFilters`, ``about`` a search query the item
    must match, ``decided`` only items with a decision, ``public`` none of closed items."""

    minimum: float | None = None
    maximum: float | None = None
    year: int | None = None
    body: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    about: str | None = None
    decided: bool = False
    public: bool = False


ALL_AMOUNTS = AmountFilters()


@dataclass
class SearchHit:
    rank: int
    score: float
    item: str  # the item key that ``referat show`` takes
    number: str
    title: str
    section: str
    heading: str | None
    actor: str | None
    snippet: str
    body: str | None
    date: str | None
    meeting_kind: str
    path: str
    page: int | None
    imported: str | None = None  # when the item's document came into the archive (ISO 8601, UTC)
    # The item a hit in an attachment file belongs to (its key and title): archive/attachments.py
    attachment_of: str | None = None
    attachment_of_title: str | None = None


SORTS = ("relevance", "date")
Sort = Literal["relevance", "date"]  # best first (bm25), or newest meeting first


@dataclass
class SearchResult:
    """Ranked hits, one per item (its best matching passage); with facets, the number of
    matching passages and their counts by body, year, section kind, meeting kind, decided, amount and actor.

    ``suggestions`` maps each word of the query that the archive does not hold at all to
    the closest words it does hold (best first, maybe none); ``did_you_mean`` is the query
    with each such word replaced by its best suggestion."""

    hits: list[SearchHit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    total: int | None = None  # number of matching passages, counted with facets
    estimated: bool = False  # total and facets are estimated from a sample (see search.FACET_SAMPLE)
    suggestions: dict[str, list[str]] = field(default_factory=dict)
    did_you_mean: str | None = None
    # When more items match than search_plan.RANK_WINDOW, the hits are the best of the
    # newest this many matching items (by bm25), not of every match; None: of every match.
    ranked_among: int | None = None

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "hits": [asdict(hit) for hit in self.hits],
            "facets": self.facets,
            "suggestions": self.suggestions,
            "did_you_mean": self.did_you_mean,
        }
        if self.total is not None:
            result["total"] = self.total
            result["estimated"] = self.estimated
        if self.ranked_among is not None:
            result["ranked_among"] = self.ranked_among
        return result


class Connection(Protocol):
    """What same_meeting.py and attachments.py ask of a connection: sqlite3's, or a
    PostgreSQL one through pg_store.QmarkConnection (``?`` placeholders, rows as tuples)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...


class Archive(Protocol):
    """What every backend offers. Methods raise ArchiveError for things the user can fix."""

    def close(self) -> None: ...
    def has_document(
        self,
        sha256: str,
        include_closed: bool | None = None,
        keep_personal_data: bool | None = None,
        current_only: bool = False,
    ) -> bool: ...
    def relocate_document(self, sha256: str, path: str) -> bool: ...
    def store_document(
        self,
        document: Document,
        path: str | None = None,
        run_id: int | None = None,
        include_closed: bool = False,
        reextracted: bool = False,
    ) -> StoreOutcome: ...
    def start_run(self, paths: list[str]) -> int: ...
    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None: ...
    def record_failure(self, path: str, reason: str, run_id: int | None = None) -> None: ...
    def search(
        self,
        query: str,
        filters: SearchFilters = NO_FILTERS,
        limit: int = 20,
        facets: bool = False,
        sort: Sort = "relevance",
        suggest: bool = True,
    ) -> SearchResult: ...
    def statements_by(
        self,
        actor: str,
        about: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        public: bool = False,
    ) -> tuple[str, list[dict[str, Any]]]: ...
    def actors(self, public: bool = False, roles: bool = False) -> list[dict[str, Any]]: ...
    def amounts(self, filters: AmountFilters, limit: int = 100) -> list[dict[str, Any]]: ...
    def item(self, key: str, public: bool = False) -> dict[str, Any] | None: ...
    def export(self, what: Literal["documents", "items"], public: bool = False) -> Iterator[dict[str, Any]]: ...
    def counts(self) -> dict[str, int]: ...


def date_bound(text: str, end: bool = False) -> str:
    """A --from/--to value as an inclusive ``YYYY-MM-DD``: a year or month means its first
    (or, with ``end``, last) day. Raises ValueError with a sentence.

    Example:
        >>> date_bound("2024"), date_bound("2024-02", end=True), date_bound("2024-03-05")
        ('2024-01-01', '2024-02-29', '2024-03-05')
    """
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match.group(1))
    month = int(match.group(2) or (12 if end else 1))
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    last = calendar.monthrange(year, month)[1]
    day = int(match.group(3) or (last if end else 1))
    if not 1 <= day <= last:
        raise ValueError(f"'{text}' has no day {day}")
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_amount(text: str) -> float:
    """An amount as typed for --min/--max ("100 mio", "1,5 mia.", "75.000", "100000000",
    with or without "kr.") in DKK, read by the same grammar as amounts in minutes.
    Raises ValueError with a sentence.

    Example:
        >>> parse_amount("100mio"), parse_amount("1,5 mia. kr."), parse_amount("75.000")
        (100000000.0, 1500000000.0, 75000.0)
    """
    from referat.extract.enrich.amounts import find_amounts  # the enrichment package loads spaCy: only when asked

    found = find_amounts(f"{text.strip().removesuffix('kr.').removesuffix('kr').strip()} kr.")
    if len(found) == 1:
        return found[0].value
    raise ValueError(f"{text!r} is not an amount (write e.g. 100mio, '1,5 mia.' or 75.000)")
