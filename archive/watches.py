"""Saved searches ("watches") and their alerts: the hits that are new since a watch last ran,
an Atom feed of a watch's newest hits, and the e-mail that carries new hits.

A watch is a query with the filters of ``referat search``, stored in the archive (the
``watches`` table, migration 9). What is new is decided by the import time of the item's
document (``documents.imported_at``), never by the meeting's date: minutes of a March
meeting imported in May are news in May. Importing the same file again skips it, and
extracting it again (``import --reextract``, the other ``--include-closed`` choice) keeps
its first import time (write.py), so neither alerts again; a file whose content changed
is a new document, and its matching items are reported again. The first run of a watch
reports everything that matches, unless the watch was added ``since`` a day or ``now``.
"""

from __future__ import annotations

import json
import os
import smtplib
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields, replace
from email.message import EmailMessage
from typing import Any

from lxml import etree

from referat import __version__
from referat.archive.core import now
from referat.archive.search import Searching
from referat.archive.types import NO_FILTERS, ArchiveError, SearchFilters, SearchHit, SearchResult, date_bound

# The most hits one run reports (newest meeting first); more are left for the next run to
# say nothing about, so the run says it stopped there (``WatchRun.truncated``).
WATCH_LIMIT = 1000
FEED_LIMIT = 50
ATOM = "http://www.w3.org/2005/Atom"
MAX_NAME = 100


@dataclass(frozen=True)
class Watch:
    """A saved search and what its last run saw (see the module docstring)."""

    name: str
    query: str
    filters: SearchFilters
    created_at: str
    last_run_at: str | None = None
    # What the runs so far reported: every document imported before ``seen_until``, and of
    # those imported at or after it the items in ``seen_items`` (item key, import time).
    seen_until: str | None = None
    seen_items: frozenset[tuple[str, str]] = frozenset()

    def is_new(self, hit: SearchHit) -> bool:
        """Whether no run has reported ``hit`` (an item of a document imported again with
        new content has a new import time: it is new again)."""
        imported = hit.imported or ""
        return (self.seen_until is None or imported >= self.seen_until) and (hit.item, imported) not in self.seen_items

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "query": self.query,
            "filters": stored_filters(self.filters),
            "created_at": self.created_at,
            "last_run_at": self.last_run_at,
        }


@dataclass
class WatchRun:
    """One run of a watch: its new hits (newest meeting first) and what to record as seen."""

    watch: Watch
    hits: list[SearchHit]
    seen_until: str | None
    seen_items: list[tuple[str, str]]
    truncated: bool = False  # more new hits than the limit: the next run reports the rest

    def as_dict(self) -> dict[str, Any]:
        return {**self.watch.as_dict(), "new": [asdict(hit) for hit in self.hits], "truncated": self.truncated}


def stored_filters(filters: SearchFilters) -> dict[str, Any]:
    """The filters a watch keeps, without the defaults (and never an import time).

    Example:
        >>> stored_filters(SearchFilters(body="Regionsrådet", public=True))
        {'body': 'Regionsrådet', 'public': True}
    """
    return {
        field.name: getattr(filters, field.name)
        for field in fields(SearchFilters)
        if getattr(filters, field.name) != field.default and field.name != "imported_since"
    }


class SavedSearches:
    """Saved searches (see the module docstring) on either backend; every method raises
    ArchiveError for what the user can fix. The backend gives ``search``, ``readonly``,
    ``path`` and three hooks: :meth:`_watch_rows` (SQL written with ``?`` placeholders),
    :meth:`_writing` (a write transaction) and :meth:`_snapshot` (one snapshot to read in)."""

    path: str
    readonly: bool
    search: Callable[..., SearchResult]

    def _watch_rows(self, sql: str, params: list[Any]) -> list[Any]:
        """The rows of ``sql`` (each readable by column name)."""
        raise NotImplementedError

    def _transaction(self) -> Any:
        """A context manager: one write transaction."""
        raise NotImplementedError

    def _snapshot(self) -> Any:
        """A context manager: the statements in it read one snapshot of the archive."""
        raise NotImplementedError

    def add_watch(self, name: str, query: str, filters: SearchFilters = NO_FILTERS, since: str | None = None) -> Watch:
        """Save ``query`` with ``filters`` as ``name``. ``since`` (YYYY, YYYY-MM, YYYY-MM-DD or
        ``now``) makes the first run report only documents imported from then on.

        Example:
            >>> from referat.archive import open_archive
            >>> with open_archive(":memory:") as archive:
            ...     archive.add_watch("psykiatri", "psykiatri OR psykiatrien", since="2025").seen_until
            '2025-01-01'
        """
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME or not name.isprintable():
            raise ArchiveError(f"a watch needs a name of 1 to {MAX_NAME} printable characters")
        self.search(query, filters, limit=1, suggest=False)  # the query and filters must work (body, actor)
        seen_until = None
        if since is not None and since != "now":
            try:
                seen_until = date_bound(since)
            except ValueError as error:
                raise ArchiveError(f"--since: {error}") from None
        with self._writing():
            if self._watch_rows("SELECT 1 FROM watches WHERE name = ?", [name]):
                raise ArchiveError(f"there is a watch named '{name}' already (`referat watch remove` it first)")
            self._watch_rows(
                "INSERT INTO watches (name, query, filters, created_at, seen_until) VALUES (?, ?, ?, ?, ?)",
                [name, query, json.dumps(stored_filters(filters), ensure_ascii=False), now(), seen_until],
            )
        if since == "now":  # everything there is now counts as seen
            self.mark_watch_run(self.new_watch_hits(name))
        return self.watch(name)

    def watches(self) -> list[Watch]:
        """Every saved search, by name."""
        # (sorted here: code point order is SQLite's byte order, and PostgreSQL's locale may differ)
        return sorted((_watch(row) for row in self._watch_rows("SELECT * FROM watches", [])), key=lambda w: w.name)

    def watch(self, name: str) -> Watch:
        """The saved search ``name``."""
        rows = self._watch_rows("SELECT * FROM watches WHERE name = ?", [" ".join(name.split())])
        if not rows:
            known = [watch.name for watch in self.watches()]
            hint = f" (there are: {', '.join(known)})" if known else " (add one with `referat watch add NAME QUERY`)"
            raise ArchiveError(f"no watch named '{name}'{hint}")
        return _watch(rows[0])

    def remove_watch(self, name: str) -> None:
        """Forget the saved search ``name``."""
        watch = self.watch(name)
        with self._writing():
            self._watch_rows("DELETE FROM watches WHERE name = ?", [watch.name])

    def new_watch_hits(self, name: str, limit: int = WATCH_LIMIT) -> WatchRun:
        """The hits of ``name`` that no run has reported, newest meeting first (at most
        ``limit``: the next run reports the rest), and what to record as seen once they are
        delivered (:meth:`mark_watch_run`). Reads only."""
        watch = self.watch(name)
        filters = replace(watch.filters, imported_since=watch.seen_until)
        # One snapshot: a document committed while this runs is either in both the hits and
        # the newest import time, or in neither (then the next run finds it).
        with self._snapshot():
            newest = self._watch_rows("SELECT max(imported_at) AS newest FROM documents", [])[0]["newest"]
            # (the hits already reported at or after seen_until come back too, and one more tells there are more)
            wanted = limit + len(watch.seen_items) + 1
            result = self.search(watch.query, filters, limit=wanted, sort="date", suggest=False)
        new = [hit for hit in result.hits if watch.is_new(hit)]
        truncated = len(new) > limit
        new = new[:limit]
        for rank, hit in enumerate(new, start=1):
            hit.rank = rank
        seen: set[tuple[str, str]]
        if truncated:  # the marker stays; what this run reported is remembered by item
            seen_until, seen = watch.seen_until, {*watch.seen_items, *((hit.item, hit.imported or "") for hit in new)}
        else:  # everything up to the newest document is reported: the marker moves there
            seen_until = max(filter(None, [watch.seen_until, newest]), default=None)
            seen = {(hit.item, hit.imported or "") for hit in result.hits if hit.imported == seen_until}
        return WatchRun(watch, new, seen_until, sorted(seen), truncated=truncated)

    def mark_watch_run(self, run: WatchRun) -> None:
        """Record that ``run``'s hits were delivered: the next run reports only newer ones."""
        with self._writing():
            self._watch_rows(
                "UPDATE watches SET last_run_at = ?, seen_until = ?, seen_items = ? WHERE name = ?",
                [now(), run.seen_until, json.dumps(run.seen_items, ensure_ascii=False), run.watch.name],
            )

    def watch_feed(
        self,
        name: str,
        limit: int = FEED_LIMIT,
        item_link: Callable[[SearchHit], str] | None = None,
        feed_link: str | None = None,
        public: bool = False,
    ) -> str:
        """The Atom feed (a string) of the saved search ``name``: its ``limit`` hits of the
        newest meetings, each entry updated when its document was imported. ``item_link``
        gives an entry's link (default: the source file, at its page); ``feed_link`` is the
        feed's own address, if it is served; ``public`` searches as ``--public`` does (a
        closed item by its title only), whatever the saved search says. Reads only.

        Example:
            >>> from referat.extract import extract_bytes
            >>> from referat.archive import open_archive
            >>> text = "Psykiatriudvalget\\nMødedato: 4. marts 2025\\nPunkt 1 Ventetider i psykiatrien\\nDrøftet."
            >>> with open_archive(":memory:") as archive:
            ...     _ = archive.store_document(extract_bytes("m.txt", text.encode()))
            ...     _ = archive.add_watch("ventetider", "ventetider")
            ...     feed = archive.watch_feed("ventetider", item_link=lambda hit: "https://example.org/" + hit.item)
            >>> feed.count("<entry>"), 'href="https://example.org/' in feed
            (1, True)
        """
        watch = self.watch(name)
        filters = replace(watch.filters, public=True) if public else watch.filters
        hits = self.search(watch.query, filters, limit=limit, sort="date", suggest=False).hits
        return atom_feed(watch, hits, item_link=item_link, feed_link=feed_link)

    def _writing(self) -> Any:
        if self.readonly:
            raise ArchiveError(f"{self.path}: opened read-only; saved searches are changed by `referat watch`")
        return self._transaction()


class Watching(SavedSearches, Searching):
    """Saved searches in the SQLite archive."""

    def _watch_rows(self, sql: str, params: list[Any]) -> list[Any]:
        return self.connection.execute(sql, params).fetchall()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        self.connection.execute("BEGIN")
        try:
            yield
        finally:
            self.connection.execute("COMMIT")


def _watch(row: Any) -> Watch:
    return Watch(
        name=row["name"],
        query=row["query"],
        filters=SearchFilters(**json.loads(row["filters"])),
        created_at=row["created_at"],
        last_run_at=row["last_run_at"],
        seen_until=row["seen_until"],
        seen_items=frozenset((key, imported) for key, imported in json.loads(row["seen_items"])),
    )


def source_link(hit: SearchHit) -> str:
    """A hit's source file as a ``file:`` URI, at its page (PDF viewers read ``#page=``).

    Example:
        >>> hit = SearchHit(1, 1.0, "k", "1", "T", "title", None, None, "", None, None, "referat", "/a/m 1.pdf", 3)
        >>> source_link(hit)
        'file:///a/m%201.pdf#page=3'
    """
    uri = "file://" + urllib.parse.quote(os.path.abspath(hit.path))
    return uri + (f"#page={hit.page}" if hit.page else "")


def atom_feed(
    watch: Watch,
    hits: list[SearchHit],
    item_link: Callable[[SearchHit], str] | None = None,
    feed_link: str | None = None,
) -> str:
    """``hits`` of ``watch`` as an Atom feed (RFC 4287): one entry per item, its id stable
    across runs and feeds (the item key), updated when its document was imported."""
    link = item_link or source_link
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    _text(feed, "id", f"tag:referat,2025:watch/{urllib.parse.quote(watch.name, safe='')}")
    _text(feed, "title", f"referat: {watch.name}")
    described = " ".join(f"{key}={value}" for key, value in stored_filters(watch.filters).items())
    _text(feed, "subtitle", f"{watch.query} {described}".strip())
    _text(feed, "updated", max((hit.imported for hit in hits if hit.imported), default=watch.created_at))
    etree.SubElement(etree.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "referat"
    _text(feed, "generator", "referat").set("version", __version__)
    if feed_link:
        etree.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=feed_link)
    for hit in hits:
        entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"tag:referat,2025:item/{urllib.parse.quote(hit.item, safe='')}")
        number = f"punkt {hit.number} " if hit.number else ""
        _text(entry, "title", f"{hit.body or '(no body)'} {hit.date or 'undated'}: {number}{hit.title}")
        _text(entry, "updated", hit.imported or watch.created_at)
        etree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=link(hit))
        if hit.body:
            etree.SubElement(entry, f"{{{ATOM}}}category", term=hit.body)
        _text(entry, "summary", hit.snippet.replace("«", "").replace("»", ""))
    return etree.tostring(feed, encoding="unicode", xml_declaration=False, pretty_print=True)


def _text(parent: etree._Element, name: str, text: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = _xml_safe(text)
    return element


def _xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (a control character in a title)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ch >= " " and ch not in "\ufffe\uffff"))


def send_mail(server: str, sender: str, recipients: list[str], subject: str, body: str, timeout: float = 30) -> None:
    """Send one plain-text message through the SMTP server ``HOST:PORT``; ArchiveError
    (one sentence) when it cannot be sent."""
    host, _, port = server.rpartition(":")
    if not host or not port.isdigit():
        raise ArchiveError(f"--smtp {server}: write HOST:PORT (as in localhost:25)")
    message = EmailMessage()
    message["Subject"], message["From"], message["To"] = subject, sender, ", ".join(recipients)
    message.set_content(body)
    try:
        with smtplib.SMTP(host, int(port), timeout=timeout) as connection:
            connection.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise ArchiveError(f"could not send the mail through {server}: {reason}") from None
