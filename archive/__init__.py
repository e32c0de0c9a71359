"""The searchable archive: store extracted Documents, search them in Danish, ask who said what.

Example:
    >>> from referat.archive import open_archive
    >>> with open_archive("referat.db") as archive:  # doctest: +SKIP
    ...     for hit in archive.search("økonomiaftale", limit=5).hits:
    ...         print(hit.body, hit.date, hit.number, hit.title, hit.snippet)
"""

from referat.archive.store import (
    AmountFilters,
    Archive,
    ArchiveError,
    SearchFilters,
    SearchHit,
    SearchResult,
    SQLiteArchive,
    date_bound,
    default_archive_path,
    open_archive,
    refuse_archive_as_output,
)
from referat.archive.types import parse_amount
from referat.data.gazetteer import canonical_actor, resolve_actor

__all__ = [
    "AmountFilters",
    "Archive",
    "ArchiveError",
    "SQLiteArchive",
    "SearchFilters",
    "SearchHit",
    "SearchResult",
    "canonical_actor",
    "date_bound",
    "default_archive_path",
    "open_archive",
    "parse_amount",
    "refuse_archive_as_output",
    "resolve_actor",
]
