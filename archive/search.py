"""Searching the archive: items ranked by bm25, each shown with its best passage, and
facets counted beside the ranking."""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from referat.archive.core import ArchiveCore, closed_item, connect
from referat.archive.facets import FacetCount
from referat.archive.hits import best_passage, snippet
from referat.archive.query import Query, Term, parse_query
from referat.archive.search_plan import (
    PREFIX_TERMS,
    WALKED_PREFIX_TERMS,
    PrefixTerms,
    RankWindow,
    Vocabulary,
    qualifying_items,
)
from referat.archive.suggest import SUGGESTIONS, closest, looked_up
from referat.archive.text import QueryError
from referat.archive.types import (
    NO_FILTERS,
    SORTS,
    ArchiveError,
    Facets,
    SearchFilters,
    SearchHit,
    SearchResult,
    Sort,
)

# Items are ranked by bm25 over all their text (schema.py, migration 2 says why items).
# Weights of the text, stems and parts columns, then of the same three for the title: a
# word as printed ranks above a word with the same stem, which ranks above a hit inside a
# compound, and a hit in the title counts twice.
_RANK = "bm25(items_fts, 4.0, 2.0, 1.0, 8.0, 4.0, 2.0)"
# The condition on a passage ``p`` that --public searches add: only the title of a closed
# item may be searched.
# Under --public a closed item is ranked by its title alone (the text columns weigh 0), so
# its hidden text cannot lift it above an open item either.
_PUBLIC_RANK = (
    f"CASE WHEN {closed_item('items_fts.rowid')} THEN bm25(items_fts, 0.0, 0.0, 0.0, 8.0, 4.0, 2.0) ELSE {_RANK} END"
)
_PUBLIC_PASSAGE = f"(p.section_kind = 'title' OR NOT {closed_item('p.item_id')})"


class Searching(ArchiveCore):
    """Search (see :meth:`search`); facets are counted on a second connection of their own."""

    # Facets are counted beside the ranking, on a connection of their own (_start_facets).
    _facet_worker: ThreadPoolExecutor | None = None
    _facet_connection: sqlite3.Connection | None = None
    _vocabulary: Vocabulary | None = None  # words for "did you mean" (search_plan.py)
    _prefix_terms: PrefixTerms | None = None  # prefixes written out (search_plan.py)

    def close(self) -> None:
        if self._facet_worker is not None:
            self._facet_worker.shutdown()  # after a count still running
        if self._facet_connection is not None:
            self._facet_connection.close()
        super().close()

    def search(
        self,
        query: str,
        filters: SearchFilters = NO_FILTERS,
        limit: int = 20,
        facets: bool = False,
        sort: Sort = "relevance",
        suggest: bool = True,
    ) -> SearchResult:
        """Items with a passage that matches every word of ``query`` (by word, stem or
        compound part; see :func:`~referat.archive.query.parse_query` for phrases, OR,
        ``-word`` and ``prefix*``), best first or, with ``sort="date"``, newest meeting
        first; each shown with its best matching passage. With ``suggest``, each word the
        archive does not hold at all gets the closest words it does hold
        (``SearchResult.suggestions``, ``did_you_mean``).

        Example:
            >>> from referat.extract import extract_bytes
            >>> from referat.archive import open_archive
            >>> text = "Punkt 1 Økonomiaftalen\\nReferat\\nDrøftet."
            >>> with open_archive(":memory:") as archive:
            ...     _ = archive.store_document(extract_bytes("m.txt", text.encode()))
            ...     archive.search("aftale").hits[0].snippet
            '«Økonomiaftalen»'
        """
        try:
            parsed = parse_query(query)
        except QueryError as error:
            raise ArchiveError(str(error)) from None
        if limit < 1:
            raise ArchiveError("--limit must be at least 1")
        if sort not in SORTS:
            raise ArchiveError(f"cannot sort by '{sort}' (choose {' or '.join(SORTS)})")
        counting = self._start_facets(parsed, filters) if facets else None
        window = RankWindow()
        result = SearchResult(hits=self._search_hits(parsed, filters, limit, sort, window))
        if window.bounded:  # the hits are the best of the newest matching items, not of all
            result.ranked_among = window.size
        if counting is not None:
            result.facets, result.total, result.estimated = counting.result()
        if suggest:
            result.suggestions = self._suggestions(parsed, filters.public, found=bool(result.hits))
            result.did_you_mean = did_you_mean(query, result.suggestions)
        return result

    def _search_hits(
        self, parsed: Query, filters: SearchFilters, limit: int, sort: Sort, window: RankWindow | None = None
    ) -> list[SearchHit]:
        """The best ``limit`` items with a passage that holds every query word (of the
        section kind asked for), as hits.

        The item index matches an item whose words are spread over its passages. With
        one word and no section kind, every such item has a passage with the word.
        Otherwise the best items usually have one too: a few more items than asked for
        are ranked and checked here (:func:`best_passage`), and only when too few pass is
        the ranking narrowed, in the passage index, to the items that qualify (exact, but
        it reads the item of every matching passage: 40 000 for "budget og").
        """
        if len(parsed.clauses) == 1 and not parsed.has_phrase and not filters.section:
            ranked = self._rank_items(parsed, filters, limit, sort, window=window)
            found = self._hits(parsed, ranked, filters.section, public=filters.public)
            return [hit for hit in found if hit is not None]  # (None only with every_word)
        # (a phrase is checked too: the item index may find it across two passages)
        wanted = limit + limit // 2 + 5
        # The window ranked in one statement (search_plan.RankWindow) is kept whole, so that
        # narrowing it to the items that qualify reads the passage index only, not the item
        # index again (its prefix merges and bm25's frequencies: ~15 ms at 1M sections).
        whole = window is not None and sort == "relevance" and not filters.public
        while True:
            ranked = self._rank_items(parsed, filters, window.size if whole and window else wanted, sort, window=window)
            checked = self._hits(
                parsed, ranked[:wanted], filters.section, every_word=True, public=filters.public, enough=limit
            )
            hits = [hit for hit in checked if hit is not None][:limit]
            if len(hits) >= limit or len(ranked) < wanted or (whole and len(ranked) == wanted):
                break
            if not whole:
                narrowed = self._rank_items(parsed, filters, limit, sort, narrow=True, window=window)
            else:
                match = self._written_out("passages_fts", parsed.match)
                qualifying = qualifying_items(self.connection, match, filters.section, min(pair[0] for pair in ranked))
                narrowed = [pair for pair in ranked if pair[0] in qualifying][:limit]
                if len(narrowed) < limit and window is not None and window.bounded:
                    window.widen()  # too few in the window: a wider one, ranked again
                    continue
            found = self._hits(parsed, narrowed, filters.section, public=filters.public)
            hits = [hit for hit in found if hit is not None]
            break
        for rank, hit in enumerate(hits, start=1):
            hit.rank = rank
        return hits

    def _rank_items(
        self,
        parsed: Query,
        filters: SearchFilters,
        limit: int,
        sort: Sort = "relevance",
        narrow: bool = False,
        window: RankWindow | None = None,
    ) -> list[tuple[int, float]]:
        """The ids and bm25 scores of the best ``limit`` items that match, ranked without
        stop words (text.STOP_WORDS), or the newest (``sort="date"``); with ``narrow``,
        only items with a passage that holds every word, stop words too (of the section
        kind asked for). Items that hold a left-out term (``-word``) are not among them.
        With ``window``, only the newest matching items are ranked when many match."""
        # The MATCH must drive every query here: a leading "+" keeps SQLite from handing
        # "rowid IN (…)" to FTS5 (one index lookup per listed item), and CROSS JOIN fixes the
        # join order (SQLite's planner may otherwise scan passages_lookup and probe the matches).
        where, params = self._filter_sql(filters, "+items_fts.rowid")
        if narrow:
            kind = " AND p.section_kind = ?" if filters.section else ""
            if filters.public:
                kind += f" AND {_PUBLIC_PASSAGE}"
            where = (
                " AND +items_fts.rowid IN (SELECT p.item_id FROM passages_fts"
                " CROSS JOIN passages p INDEXED BY passages_lookup ON p.id = passages_fts.rowid"
                f" WHERE passages_fts MATCH ?__PASSAGES__{kind})" + where
            )
            params = [parsed.match, *([filters.section] if filters.section else []), *params]
        if filters.public and not narrow and sort == "relevance" and window is not None:
            return self._rank_public(parsed, filters, limit, window)
        if filters.public:
            where += _public_sql("+items_fts.rowid")
            params.append(self._written_out("items_fts", parsed.title_match))
        match = parsed.rank_match
        if parsed.exclude_items is not None:
            if filters.public:  # a closed item is left out only for what its title holds
                excluded, excluded_params = _excluded_sql(parsed, filters, "+items_fts.rowid")
                where += excluded
                params += excluded_params
            else:
                match = f"({match}) NOT ({parsed.exclude_items})"
        joins = ""
        if filters.body or filters.date_from or filters.date_to or filters.kind or sort == "date":
            joins = " JOIN items i ON i.id = items_fts.rowid JOIN meetings m ON m.id = i.meeting_id"
        order = "m.date IS NULL, m.date DESC, score" if sort == "date" else "score"
        sql = f"""SELECT items_fts.rowid, {_PUBLIC_RANK if filters.public else _RANK} AS score FROM items_fts{joins}
            WHERE items_fts MATCH ?{where}__WINDOW__ ORDER BY {order} LIMIT ?"""
        if sort != "relevance" or window is None:
            unbounded = sql.replace("__WINDOW__", "").replace("__PASSAGES__", "")
            return [(row[0], row[1]) for row in self.connection.execute(unbounded, [match, *params, limit])]
        # Past search_plan.RANK_WINDOW matching items, only the newest are ranked (bm25 costs
        # per match; search_plan.py).
        if "__PASSAGES__" not in sql:
            # One statement: FTS5 hands out the matches newest first, the filters drop theirs,
            # bm25 is computed for the first RANK_WINDOW left and they are sorted by it. (A
            # MATCH of a common prefix costs ~9 ms to set up at 1M sections, so once, not twice.)
            newest = sql.replace("__WINDOW__", "").replace(
                f"ORDER BY {order} LIMIT ?", f"ORDER BY items_fts.rowid DESC LIMIT {int(window.size)}"
            )
            ranked = self.connection.execute(
                f"SELECT rowid, score, count(*) OVER () FROM ({newest}) ORDER BY score LIMIT ?", [match, *params, limit]
            ).fetchall()
            window.bounded = bool(ranked) and ranked[0][2] >= window.size
            return [(row[0], row[1]) for row in ranked]
        # Narrowed to passages: the window's cut-off first, the passages read bounded to the
        # window's (widened while the filters leave too few).
        while True:
            cutoff = window.cutoff(self.connection, self._written_out("items_fts", match))
            bounded = sql.replace("__WINDOW__", window.items_sql("items_fts.rowid", cutoff))
            passages = window.passages_sql(self.connection, "passages_fts.rowid", cutoff)
            bounded = bounded.replace("__PASSAGES__", passages)
            ranked = self.connection.execute(bounded, [match, *params, limit]).fetchall()
            if cutoff is None or len(ranked) >= limit:
                return [(row[0], row[1]) for row in ranked]
            window.widen()

    def _rank_public(
        self, parsed: Query, filters: SearchFilters, limit: int, window: RankWindow
    ) -> list[tuple[int, float]]:
        """:meth:`_rank_items` under --public: the best ``limit`` of the newest ``window.size``
        matching items that the filters, --public's among them, leave (widened while they
        leave too few). One FTS5 cursor over the item index reads the window: a cut-off
        found first would set up the MATCH of a common prefix twice (~9 ms each at 1M
        sections); and whether a closed item's title holds every word is asked of the
        item index's title columns from the window's first item on."""
        where, params = self._filter_sql(filters, "newest.id")
        where += _public_sql("newest.id", " AND rowid >= (SELECT min(id) FROM newest)")
        params.append(self._written_out("items_fts", parsed.title_match))
        excluded, excluded_params = _excluded_sql(parsed, filters, "newest.id")
        where += excluded
        params += excluded_params
        joins = ""
        if filters.body or filters.date_from or filters.date_to or filters.kind:
            joins = " JOIN items i ON i.id = newest.id JOIN meetings m ON m.id = i.meeting_id"
        while True:
            rows = self.connection.execute(
                f"""WITH newest AS MATERIALIZED (
                        SELECT items_fts.rowid AS id, {_PUBLIC_RANK} AS score FROM items_fts
                        WHERE items_fts MATCH ? ORDER BY items_fts.rowid DESC LIMIT {int(window.size)}),
                    ranked AS (SELECT newest.id, newest.score FROM newest{joins} WHERE 1{where}
                               ORDER BY newest.score LIMIT ?)
                SELECT (SELECT count(*) FROM newest), ranked.id, ranked.score
                FROM (SELECT 1) LEFT JOIN ranked ON 1 ORDER BY ranked.score""",
                [parsed.rank_match, *params, limit],
            ).fetchall()
            window.bounded = rows[0][0] >= window.size
            ranked = [(row[1], row[2]) for row in rows if row[1] is not None]
            if not window.bounded or len(ranked) >= limit:
                return ranked
            window.widen()

    def _written_out(self, table: str, match: str, most: int = PREFIX_TERMS) -> str:
        """``match`` with its prefixes written out as the words they stand for, for a MATCH
        that is not ranked (search_plan.PrefixTerms)."""
        if self._prefix_terms is None:
            self._prefix_terms = PrefixTerms()
        return self._prefix_terms.written_out(self.connection, table, match, most)

    def _hits(
        self,
        parsed: Query,
        ranked: list[tuple[int, float]],
        section: str | None,
        every_word: bool = False,
        public: bool = False,
        enough: int | None = None,
    ) -> list[SearchHit | None]:
        """Each ranked item as a hit: its best passage (of ``section`` kind), with a snippet;
        with ``every_word``, ``None`` for an item where no such passage holds every word;
        with ``public``, a closed item's passages are its title only; with ``enough``, no
        more after that many hits."""
        if not ranked:
            return []
        # With ``enough``, the passages of the first ``enough`` items are read first: most of
        # them hold every word, and the rest (ranked in case they do not) are read only if
        # needed (a multi-word query ranks 35 items to show 20; their passages cost ~2 ms
        # to read at 1M sections).
        first = len(ranked) if enough is None else enough
        passages: dict[int, list[sqlite3.Row]] = {}
        hits: list[SearchHit | None] = []
        for position, (item_id, score) in enumerate(ranked):
            # (the items ranked below the first ``enough`` that hold every word are not
            # shown: their passages are not read for hits and snippets; issue 14)
            if enough is not None and len(hits) - hits.count(None) >= enough:
                break
            if position in (0, first):
                batch = ranked[:first] if position == 0 else ranked[first:]
                passages = self._passages([ranked_id for ranked_id, _ in batch], section, public)
            rows = passages.get(item_id)
            # Hits are found in the text as indexed (the body's own name blanked, offsets kept),
            # so the passage shown and the words marked are those the search matched.
            index, word_hits = best_passage([_indexed(row) for row in rows], parsed) if rows else (0, [])
            words_found = 0
            for word_hit in word_hits:
                words_found |= word_hit.words
            if every_word and words_found != parsed.all_words:
                hits.append(None)
                continue
            if not rows:  # the item changed between the two statements (another process replaced its document)
                continue
            row = rows[index]
            hits.append(
                SearchHit(
                    rank=len(hits) + 1,
                    score=round(-score, 4),
                    item=row["key"],
                    number=row["number"],
                    title=row["title"],
                    section=row["section_kind"],
                    heading=row["heading"],
                    actor=row["actor"],
                    snippet=snippet(row["text"], parsed, hits=word_hits),
                    body=row["body"],
                    date=row["date"],
                    meeting_kind=row["meeting_kind"],
                    path=row["path"],
                    page=row["page"],
                    imported=row["imported_at"],
                    attachment_of=row["owner_key"],
                    attachment_of_title=row["owner_title"],
                )
            )
        return hits

    def _passages(self, item_ids: list[int], section: str | None, public: bool) -> dict[int, list[sqlite3.Row]]:
        """The passages of the items ``item_ids`` (of ``section`` kind) by item, in passage
        order, each with its item's, meeting's and file's columns for a hit; with
        ``public``, a closed item's title only."""
        passages: dict[int, list[sqlite3.Row]] = {}
        for row in self.connection.execute(
            f"""SELECT p.item_id, p.section_kind, p.heading, p.actor, p.page, p.text, p.indexed_text,
                       i.key, i.number, i.title, m.body, m.date, m.kind AS meeting_kind, d.path, d.imported_at,
                       owner.key AS owner_key, owner.title AS owner_title
                FROM passages p JOIN items i ON i.id = p.item_id JOIN meetings m ON m.id = i.meeting_id
                     JOIN documents d ON d.id = m.document_id LEFT JOIN items owner ON owner.id = d.attachment_of
                WHERE p.item_id IN (SELECT value FROM json_each(?)){" AND p.section_kind = ?" if section else ""}
                      {"AND (p.section_kind = 'title' OR i.access <> 'closed')" if public else ""}
                ORDER BY p.id""",
            [json.dumps(item_ids), *([section] if section else [])],
        ):
            passages.setdefault(row["item_id"], []).append(row)
        return passages

    def _start_facets(self, parsed: Query, filters: SearchFilters) -> Future[Facets]:
        """Count the facets beside the ranking: the counting statements run on a second
        connection in a worker thread while this one ranks, which halves a faceted
        search on a machine with a free core (SQLite lets go of the GIL while it works).
        Body and actor names are resolved here, on this thread's connection."""
        counting = self._facet_count(parsed, filters)
        if self.path == ":memory:":  # a second connection would open another, empty database
            done: Future[Facets] = Future()
            done.set_result(counting.count(self.connection))
            return done
        if self._facet_worker is None:
            self._facet_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="referat-facets")
        return self._facet_worker.submit(self._count_facets_in_worker, counting)

    def _count_facets_in_worker(self, counting: FacetCount) -> Facets:
        if self._facet_connection is None:  # opened in the worker thread, used only there
            self._facet_connection = connect(self.path, check_same_thread=False, readonly=self.readonly)
        return counting.count(self._facet_connection)

    def _facet_count(self, parsed: Query, filters: SearchFilters) -> FacetCount:
        """What counts the facets of ``parsed`` under ``filters`` (facets.py)."""
        where, params = self._filter_sql(filters, "m.item_id")
        if filters.section:
            where += " AND m.section_kind = ?"
            params.append(filters.section)
        excluded, excluded_params = _excluded_sql(parsed, filters, "m.item_id")
        where += excluded
        params += excluded_params
        walked = self._written_out("passages_fts", parsed.match, most=WALKED_PREFIX_TERMS)
        return FacetCount(walked, where, params, filters.public, self._written_out("passages_fts", parsed.match))

    def _suggestions(self, parsed: Query, public: bool = False, found: bool = False) -> dict[str, list[str]]:
        """Each word of the query (not a prefix, not a word left out) that no passage holds,
        in any form the query matches, with the closest words the index holds. With
        ``public``, what only closed items' hidden text holds counts as not there: neither
        the absence of a "no such word" nor a suggestion may tell what it says. ``found``:
        the search has hits (that --public shows, under ``public``)."""
        return {
            word: self._similar_words(word, public)
            for word in looked_up(parsed, found)
            if not self._held(Term("word", (word,)).expression(), public)
        }

    def _held(self, match: str, public: bool) -> bool:
        """Whether a passage (under ``public``, one that --public shows) matches ``match``."""
        sql = "SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT 1"
        if public:
            sql = (
                "SELECT 1 FROM passages_fts CROSS JOIN passages p INDEXED BY passages_lookup"
                f" ON p.id = passages_fts.rowid WHERE passages_fts MATCH ? AND {_PUBLIC_PASSAGE} LIMIT 1"
            )
        return self.connection.execute(sql, [self._written_out("passages_fts", match)]).fetchone() is not None

    def _similar_words(self, word: str, public: bool = False) -> list[str]:
        """The SUGGESTIONS words of the index (as printed) closest to ``word``: fewest
        edits, then the most passages, then alphabetical (under ``public``, words that
        --public shows)."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary()
        vocabulary = self._vocabulary
        ranked = closest(word, lambda begin: vocabulary.words(self.connection, begin))
        if public:
            shown = (term for term in ranked if self._held('{text} : "' + term.replace('"', '""') + '"', True))
            return list(itertools.islice(shown, SUGGESTIONS))
        return ranked[:SUGGESTIONS]


def _indexed(passage: sqlite3.Row) -> str:
    """A passage's text as indexed: its ``indexed_text`` (the body's own name blanked) when
    it has one. (Read apart, not as ``coalesce(indexed_text, text)`` beside ``text``: that
    decoded most passages' text twice.)"""
    indexed = passage["indexed_text"]
    return passage["text"] if indexed is None else indexed


def _public_sql(item_id: str, bound: str = "") -> str:
    """``AND …`` keeping, under --public, the items (the SQL expression ``item_id``) that are
    open or whose title holds every word (one parameter: :attr:`Query.title_match`); a
    closed item is ranked by its title alone (_PUBLIC_RANK) and only its title is shown
    (see _hits). ``bound`` narrows the item index's title matches (on their ``rowid``)."""
    return (
        f" AND (NOT {closed_item(item_id)} OR {item_id} IN"
        f" (SELECT rowid FROM items_fts WHERE items_fts MATCH ?{bound}))"
    )


def _excluded_sql(parsed: Query, filters: SearchFilters, item_id: str) -> tuple[str, list[Any]]:
    """``AND …`` leaving out the items (the SQL expression ``item_id``) that hold a term
    the query leaves out (``-word``) anywhere; under ``--public``, a closed item only for
    what its title holds (its hidden text must not decide what is shown)."""
    if parsed.exclude is None:
        return "", []
    if not filters.public:
        return f" AND {item_id} NOT IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)", [parsed.exclude_items]
    return (
        f" AND {item_id} NOT IN (SELECT p.item_id FROM passages_fts"
        " CROSS JOIN passages p INDEXED BY passages_lookup ON p.id = passages_fts.rowid"
        f" WHERE passages_fts MATCH ? AND {_PUBLIC_PASSAGE})",
        [parsed.exclude],
    )


def did_you_mean(query: str, suggestions: dict[str, list[str]]) -> str | None:
    """``query`` with each word that has suggestions replaced by the first, or None.

    Example:
        >>> did_you_mean('"Psykiatir og somatik" -budget', {"psykiatir": ["psykiatri"], "somatik": []})
        '"psykiatri og somatik" -budget'
    """
    corrected = query
    for word, found in suggestions.items():
        if found:
            corrected = re.sub(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", found[0], corrected, flags=re.IGNORECASE)
    return corrected if corrected != query else None


def timed_search(archive: Searching, query: str, **options: Any) -> tuple[SearchResult, float]:
    """Run a search and return it with its wall time in milliseconds (for the benchmark)."""
    start = time.perf_counter()
    result = archive.search(query, **options)
    return result, (time.perf_counter() - start) * 1000
