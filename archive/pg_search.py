"""Search in the PostgreSQL archive (docs/postgresql.md).

An item is a hit when one of its passages holds every clause of the query (the tsquery
of pg_query.py, matched on the passage's ``search`` column through its GIN index) and
none of its passages holds a left-out term; the filters are SearchFilters' as in SQLite
(search.py, core._filter_sql). Items are ranked by their best passage's ``ts_rank`` (a
title's counts double, as the title columns weigh double in SQLite's bm25), or newest
meeting first. The passage shown and its snippet are chosen by hits.py, as in SQLite.
"""

from __future__ import annotations

from typing import Any

from referat.archive import facets
from referat.archive.facets import _SAMPLE_MULTIPLIER as SAMPLE_MULTIPLIER  # (the same sample as SQLite's)
from referat.archive.facets import UNSAMPLED, count_facets
from referat.archive.hits import best_passage, snippet
from referat.archive.names import matching_spoken, spoken_names
from referat.archive.pg_query import RANK_WEIGHTS, exclude_sql, found_sql, match_sql
from referat.archive.pg_schema import PASSAGE_RANGE, SAMPLE_LEVELS, in_range, sampled_passage
from referat.archive.pg_suggest import PUBLIC_PASSAGE as _PUBLIC_PASSAGE
from referat.archive.pg_suggest import PgSuggesting
from referat.archive.query import Query, QueryError, parse_query
from referat.archive.search import did_you_mean
from referat.archive.search_plan import RANK_WINDOW, WIDEN
from referat.archive.types import (
    NO_FILTERS,
    SORTS,
    ArchiveError,
    SearchFilters,
    SearchHit,
    SearchResult,
    Sort,
)

# A match's item, meeting and document, for the filters (``where``: ``AND …`` on ``i``,
# ``m``, ``d`` and the passage ``p``) and the date and facets: read for each match by its
# keys (LATERAL, kept a subquery by OFFSET 0). As joins, the planner's estimate of the
# matches (often tens of times too many for a rare word's prefix) made it hash every item,
# meeting and document instead: 52 ms for 41 matches of "sengepladser" at 100k sections.
_ROW = """SELECT m.body, m.date, m.kind FROM items i JOIN meetings m ON m.id = i.meeting_id
          JOIN documents d ON d.id = m.document_id WHERE i.id = {item}{where} OFFSET 0"""
_ACCESS = "SELECT access FROM items WHERE id = p.item_id OFFSET 0"  # (for --public's passages)
_ITEM = "SELECT i.id FROM items i WHERE i.id = p.item_id{where} OFFSET 0"  # (--public, a left-out word)

# Every match is ranked, as before, when no more passages are expected to match than this
# many times RANK_WINDOW (SQLite ranks every match up to RANK_WINDOW matching items).
RANK_ALL = 1
# A count of sampled matches that estimates the whole (within ~15 %, one standard error).
ESTIMATE_FROM = 50


class PgSearching(PgSuggesting):
    """:meth:`search` over the passages' tsvector."""

    def search(
        self,
        query: str,
        filters: SearchFilters = NO_FILTERS,
        limit: int = 20,
        facets: bool = False,
        sort: Sort = "relevance",
        suggest: bool = True,
    ) -> SearchResult:
        """Items with a passage that matches every word of ``query``, best first or newest
        meeting first (as the SQLite archive's search); with ``facets``, the matching passages
        counted by facet (estimated from a sample past FACET_SAMPLE, as SQLite's); with ``suggest``, "did you mean"
        (pg_suggest.py)."""
        try:
            parsed = parse_query(query)
        except QueryError as error:
            raise ArchiveError(str(error)) from None
        if limit < 1:
            raise ArchiveError("--limit must be at least 1")
        if sort not in SORTS:
            raise ArchiveError(f"cannot sort by '{sort}' (choose {' or '.join(SORTS)})")
        ranked, window = self._rank_items(parsed, filters, limit, sort)
        result = SearchResult(hits=self._hits(parsed, ranked, filters))
        result.ranked_among = window
        if suggest:
            result.suggestions = self._suggestions(parsed, filters.public, found=bool(result.hits))
            result.did_you_mean = did_you_mean(query, result.suggestions)
        if facets:
            result.facets, result.total, result.estimated = count_facets(
                self.connection, *self._facet_statement(parsed, filters)
            )
        return result

    def _rank_items(
        self, parsed: Query, filters: SearchFilters, limit: int, sort: Sort
    ) -> tuple[list[tuple[int, float]], int | None]:
        """The ids and scores of the best ``limit`` matching items that the filters leave,
        and, when only the newest RANK_WINDOW of them were ranked, that number.

        Ranking reads each matching passage's tsvector: "Aarhus"'s ~200 000 matches at 1M
        sections cost 2.6 s. As in SQLite (search_plan.RankWindow),
        when more items match than RANK_WINDOW, only the newest RANK_WINDOW that the filters
        leave are ranked. They are found in a range of the newest passage ids (an item's
        passages follow it, so item and passage ids grow together), the index's matches
        ANDed with that range, so only the range's matches are read: the range is set from
        the planner's estimate of the matches and widened while it holds too few."""
        match, params = match_sql(parsed)
        found, found_params = found_sql(parsed)
        passage_where = ""
        passage_params: list[Any] = []
        if filters.section:
            passage_where += " AND p.section_kind = %s"
            passage_params.append(filters.section)
        if filters.public:
            passage_where += f" AND {_PUBLIC_PASSAGE}"
        where, where_params = self._filter_sql(filters)
        excluded, excluded_params = _excluded_sql(parsed, filters)
        where += excluded
        where_params += excluded_params
        # The index's query is written into each statement, not read from the CTE as ts_rank's
        # is: so the planner knows it, and how many passages it matches (from ANALYZE's
        # statistics), when it plans the joins (taken for a thousand, a few dozen matches of
        # "sengepladser" were joined to every item by a scan of the items table: 52 ms at 100k).
        queries = f"WITH q AS MATERIALIZED (SELECT {match} AS q)"
        query_params = [*params]
        score = f"""max(ts_rank('{RANK_WEIGHTS}', p.search, q.q) * CASE WHEN p.source = 'title' THEN 2 ELSE 1 END)"""
        estimate = self._estimate(found, found_params)
        if sort == "date" or estimate <= RANK_WINDOW * RANK_ALL:
            order = "f.date DESC NULLS LAST, score DESC, item_id DESC" if sort == "date" else "score DESC, item_id DESC"
            sql = f"""{queries},
                matched AS MATERIALIZED (
                    SELECT p.item_id, {score} AS score
                    FROM passages p CROSS JOIN q CROSS JOIN LATERAL ({_ACCESS}) AS i
                    WHERE p.search @@ {found}{passage_where}
                    GROUP BY p.item_id)
                SELECT matched.item_id, matched.score AS score
                FROM matched CROSS JOIN LATERAL ({_ROW.format(item="matched.item_id", where=where)}) AS f
                ORDER BY {order} LIMIT %s"""
            statement_params = [*query_params, *found_params, *passage_params, *where_params, limit]
            rows = self.connection.execute(sql, statement_params).fetchall()
            return [(int(row[0]), float(row[1])) for row in rows], None
        first, last = self.connection.execute("SELECT min(id), max(id) FROM passages").fetchone()
        if first is None:
            return [], None
        # The range: an item of the window has ~1.5 matching passages and the estimate is
        # about twice the matches, so some three times the window's passages are expected in
        # it. A filter that leaves a share of the matches (a body, dates, a section kind…)
        # starts it four times as wide: a second statement would read the first range again.
        # The item, meeting and document of each match are read only for the filters that
        # need them (~8 µs a match at 1M); --public and a left-out word read the item only;
        # a section kind is the passage's own column; a copy (same_as) is left out after.
        narrowing = where != " AND i.same_as IS NULL" + excluded
        wanted = (16 if narrowing or filters.section else 4) * RANK_WINDOW
        span = max(4 * RANK_WINDOW, int((last - first + 1) * min(1.0, wanted / estimate)))
        joins, own, params_in_range = "", "", []
        if narrowing:
            joins = f" CROSS JOIN LATERAL ({_ROW.format(item='p.item_id', where=passage_where + where)}) AS f"
            params_in_range = [*passage_params, *where_params]
        elif filters.public or excluded:
            joins = f" CROSS JOIN LATERAL ({_ITEM.format(where=passage_where + excluded)}) AS i"
            params_in_range = [*passage_params, *excluded_params]
        elif filters.section:
            own, params_in_range = "p.section_kind = %s AND ", [filters.section]
        # Each range of passage ids in the window is asked of its own index (pg_schema.py,
        # migration 4), which reads that range's matches only. ``p.id + 0``: the cut-off is
        # checked on the rows the index finds (as an index condition it made a bitmap of
        # every id past it: 10 ms for 137 000 at 100k). The window's passages are read again
        # by their row addresses (ctid), not by the key.
        in_window = f"""
                SELECT p.ctid AS tid, p.item_id FROM passages p{joins}
                WHERE {own}p.search @@ {found} AND __RANGE__ AND p.id + 0 > %s"""
        rest = f"""
            newest AS MATERIALIZED (SELECT DISTINCT item_id FROM matches ORDER BY item_id DESC LIMIT {RANK_WINDOW}),
            scored AS MATERIALIZED (
                SELECT p.item_id, {score} AS score
                FROM passages p CROSS JOIN q
                WHERE p.ctid = ANY(ARRAY(SELECT tid FROM matches WHERE item_id IN (SELECT item_id FROM newest)))
                GROUP BY p.item_id)
            SELECT item_id, score, (SELECT count(*) FROM newest) FROM scored
            WHERE NOT EXISTS (SELECT 1 FROM items c WHERE c.id = scored.item_id AND c.same_as IS NOT NULL)
            ORDER BY score DESC, item_id DESC LIMIT %s"""
        while True:
            cutoff = last - span
            ranges = range(last // PASSAGE_RANGE, max(0, cutoff) // PASSAGE_RANGE - 1, -1)
            matches = " UNION ALL".join(in_window.replace("__RANGE__", in_range(number)) for number in ranges)
            sql = f"{queries},\n            matches AS MATERIALIZED ({matches}),{rest}"
            statement_params = [*query_params, *([*params_in_range, *found_params, cutoff] * len(ranges)), limit]
            rows = self.connection.execute(sql, statement_params).fetchall()
            window = int(rows[0][2]) if rows else 0
            if window >= RANK_WINDOW:
                return [(int(row[0]), float(row[1])) for row in rows], RANK_WINDOW
            if cutoff < first:  # every match was in the range
                return [(int(row[0]), float(row[1])) for row in rows], None
            # widened by what the range held (times 1.5), from 2 to WIDEN times
            span = int(span * min(WIDEN, max(2.0, 1.5 * RANK_WINDOW / max(window, 1))))

    def _estimate(self, found: str, params: list[Any]) -> float:
        """How many passages match ``found``, estimated from the indexes of sampled passages
        (pg_schema.SAMPLE_LEVELS): counted in the smallest (a 1 024th of the passages) and
        in the next while fewer than ESTIMATE_FROM are there; the count times the index's
        rate. At most some ESTIMATE_FROM × 4 rows are read in each after the first.

        The planner's own estimate (ANALYZE's statistics) took a prefix it has no statistics
        for at 27 626 matches at 1M sections, whatever its word: "økonomiaftalen" (2 335)
        was ranked in a window far too narrow, and ranked again in a wider one."""
        for level in sorted(SAMPLE_LEVELS):
            found_here = self._count_in_sample(found, params, level)
            if found_here >= ESTIMATE_FROM or level == max(SAMPLE_LEVELS):
                return float(found_here * UNSAMPLED / level)
        return 0.0

    def _facet_statement(self, parsed: Query, filters: SearchFilters) -> tuple[str, list[Any]]:
        """The statement that counts the matching passages by facet, for facets.count_facets:
        the same facets as SQLite's (facets.facet_statement), on the same even sample when
        more than FACET_SAMPLE passages match, every one otherwise.

        The sample's rate is estimated in the indexes of sampled passages (pg_schema.py,
        migration 3; :meth:`_sample_rate`) and the sample drawn from the smallest that holds
        about FACET_SAMPLE matches: the index reads that share of the matches only, and no
        row but the sample's is read (counting a common word's every match reads each
        one's row, ~200 ms at 1M sections). When few match (some 4 800 or fewer), every
        match is counted and the count sets the rate, as before. The filters apply to the
        sample (as in SQLite)."""
        match, params = found_sql(parsed)
        where, where_params = self._filter_sql(filters)
        if filters.section:
            where += " AND p.section_kind = %s"
            where_params.append(filters.section)
        if filters.public:
            where += f" AND {_PUBLIC_PASSAGE}"
        excluded, excluded_params = _excluded_sql(parsed, filters)
        closed = "SELECT id FROM items WHERE access = 'closed'"
        sample = int(facets.FACET_SAMPLE)
        level, threshold = self._sample_rate(match, params)
        if level is not None:
            sampling = f"SELECT {threshold} AS threshold"
            in_sample = f" AND {sampled_passage(level)} AND mod(p.id * {SAMPLE_MULTIPLIER}, {UNSAMPLED}) < {threshold}"
        else:
            sampling = f"""
                SELECT CASE WHEN n <= {sample} THEN {UNSAMPLED}
                            ELSE greatest(1, least({UNSAMPLED}, {UNSAMPLED} * {sample} / n)) END AS threshold
                FROM (SELECT count(*) AS n FROM passages p CROSS JOIN q WHERE p.search @@ q.q) AS matched"""
            in_sample = f" AND mod(p.id * {SAMPLE_MULTIPLIER}, {UNSAMPLED}) < (SELECT threshold FROM sampling)"
        # under --public a closed item's decisions, amounts and actors are not told
        public_facts = f" WHERE item_id NOT IN ({closed})" if filters.public else ""
        public_actors = f" WHERE h.item_id NOT IN ({closed})" if filters.public else ""
        sql = f"""
            WITH q AS MATERIALIZED (SELECT {match} AS q),
            sampling AS MATERIALIZED ({sampling}),
            hits AS MATERIALIZED (
                SELECT coalesce(m.body, '(unknown)') AS body, coalesce(substr(m.date, 1, 4), '(unknown)') AS year,
                       p.section_kind AS section, coalesce(m.kind, '(unknown)') AS kind, p.item_id
                FROM passages p CROSS JOIN LATERAL ({_ROW.format(item="p.item_id", where=where + excluded)}) AS m
                WHERE p.search @@ {match}{in_sample}
            ),
            item_hits AS MATERIALIZED (SELECT item_id, count(*) AS hits FROM hits GROUP BY item_id),
            facts AS (
                SELECT CASE WHEN EXISTS (SELECT 1 FROM decisions dc WHERE dc.item_id = item_hits.item_id)
                            THEN 'yes' ELSE 'no' END AS decided,
                       CASE WHEN EXISTS (SELECT 1 FROM amounts a WHERE a.item_id = item_hits.item_id)
                            THEN 'yes' ELSE 'no' END AS amount,
                       hits
                FROM item_hits{public_facts}
            ),
            actors AS (
                SELECT h.item_id, h.hits, s.canonical
                FROM item_hits h JOIN statements s ON s.item_id = h.item_id{public_actors}
                UNION
                SELECT h.item_id, h.hits, po.canonical
                FROM item_hits h JOIN positions po ON po.item_id = h.item_id{public_actors}
            )
            SELECT 'threshold', NULL::text, threshold::bigint FROM sampling
            UNION ALL SELECT 'total', NULL, count(*) FROM hits
            UNION ALL SELECT 'body', body, count(*) FROM hits GROUP BY body
            UNION ALL SELECT 'year', year, count(*) FROM hits GROUP BY year
            UNION ALL SELECT 'section', section, count(*) FROM hits GROUP BY section
            UNION ALL SELECT 'kind', kind, count(*) FROM hits GROUP BY kind
            UNION ALL SELECT 'decided', decided, sum(hits)::bigint FROM facts GROUP BY decided
            UNION ALL SELECT 'amount', amount, sum(hits)::bigint FROM facts GROUP BY amount
            UNION ALL SELECT 'actor', canonical, sum(hits)::bigint FROM actors GROUP BY canonical"""
        # (the query written into ``hits`` too, for the planner: see _rank_items)
        return sql, [*params, *where_params, *excluded_params, *params]

    def _count_in_sample(self, match: str, params: list[Any], level: int) -> int:
        """How many passages of the sample at ``level`` (an index of sampled passages) match."""
        return int(
            self.connection.execute(
                f"SELECT count(*) FROM passages p WHERE p.search @@ {match} AND {sampled_passage(level)}", params
            ).fetchone()[0]
        )

    def _sample_rate(self, match: str, params: list[Any]) -> tuple[int | None, int]:
        """The index of sampled passages (its threshold, one of pg_schema.SAMPLE_LEVELS) and
        the threshold of the sample drawn from it for about FACET_SAMPLE passages, or
        ``(None, 0)`` when every match is to be counted (about FACET_SAMPLE / 4 * 16 or
        fewer: then the count sets the rate, as SQLite's).

        The matches are counted in the smallest index first (a 1 024th of them), then in
        the next up while too few are there for an estimate (FACET_SAMPLE / 8)."""
        sample = int(facets.FACET_SAMPLE)
        levels = sorted(SAMPLE_LEVELS)
        for index, level in enumerate(levels):
            found = self._count_in_sample(match, params, level)
            last = index == len(levels) - 1
            if found < sample // 8 and not last:
                continue
            if last and found <= sample // 4:
                return None, 0
            expected = found * UNSAMPLED / level  # matches in all
            # the smallest index that holds about FACET_SAMPLE of them (at or above ``level``)
            chosen = next(
                (each for each in levels if each >= level and expected * each / UNSAMPLED >= sample), levels[-1]
            )
            return chosen, max(1, min(chosen, round(UNSAMPLED * sample / expected)))
        return None, 0

    def _filter_sql(self, filters: SearchFilters) -> tuple[str, list[Any]]:
        """``AND …`` conditions on the item ``i``, its meeting ``m`` and document ``d``, as
        core.ArchiveCore._filter_sql for SQLite."""
        clauses: list[str] = ["i.same_as IS NULL"]
        params: list[Any] = []
        closed = "i.access = 'closed'"
        if filters.body:
            bodies = self._bodies(filters.body)
            clauses.append("coalesce(m.organisation, '') || '|' || m.body = ANY(%s)")
            params.append(bodies)
        if filters.actor:
            actor = self.resolve_actor(filters.actor)
            clauses.append(
                "i.id IN (SELECT item_id FROM statements WHERE canonical = %s"
                " UNION SELECT item_id FROM positions WHERE canonical = %s)"
            )
            params += [actor, actor]
            if filters.public:  # what a closed item's actors said is closed too
                clauses.append(f"NOT {closed}")
        for value, condition in ((filters.date_from, "m.date >= %s"), (filters.date_to, "m.date <= %s")):
            if value:
                clauses.append(condition)
                params.append(value)
        if filters.kind:
            clauses.append("m.kind = %s")
            params.append(filters.kind)
        for wanted, facts in ((filters.decided, "decisions"), (filters.amount, "amounts")):
            if wanted is not None:
                clauses.append(f"{'' if wanted else 'NOT '}EXISTS (SELECT 1 FROM {facts} f WHERE f.item_id = i.id)")
                if filters.public:  # whether a closed item was decided or costs money is closed too
                    clauses.append(f"NOT {closed}")
        if filters.imported_since:
            clauses.append("d.imported_at >= %s")
            params.append(filters.imported_since)
        return "".join(f" AND {clause}" for clause in clauses), params

    def _bodies(self, typed: str) -> list[str]:
        """The meetings' "organisation|body" keys a typed name means (names.matching_spoken)."""
        # The stored pairs' name keys, worked out again only when a meeting has been stored
        # since (the newest meeting's id, as the spellings in pg_store.py): reading every
        # meeting's pair cost 9-18 ms a search at 100k sections (SQLite's BodyKeys, the same).
        newest = self._newest_meeting()
        if self._body_names is None or self._body_names[0] != newest:
            pairs = self.connection.execute(
                "SELECT DISTINCT body, coalesce(organisation, '') FROM meetings WHERE body IS NOT NULL"
            ).fetchall()
            self._body_names = (newest, spoken_names([(body, organisation) for body, organisation in pairs]))
        found = matching_spoken(self._body_names[1], typed)
        if not found:
            raise ArchiveError(f"no meeting body matching '{typed}' in the archive")
        return found

    def _hits(self, parsed: Query, ranked: list[tuple[int, float]], filters: SearchFilters) -> list[SearchHit]:
        """Each ranked item with its best passage (of the section kind asked for) and a snippet."""
        if not ranked:
            return []
        section = " AND p.section_kind = %s" if filters.section else ""
        public = f" AND {_PUBLIC_PASSAGE}" if filters.public else ""
        rows = self.connection.execute(
            f"""SELECT p.item_id, p.section_kind, p.heading, p.actor, p.page, p.text,
                       coalesce(p.indexed_text, p.text), i.key, i.number, i.title, m.body, m.date, m.kind,
                       d.path, d.imported_at, owner.key, owner.title
                FROM passages p JOIN items i ON i.id = p.item_id JOIN meetings m ON m.id = i.meeting_id
                     JOIN documents d ON d.id = m.document_id LEFT JOIN items owner ON owner.id = d.attachment_of
                WHERE p.item_id = ANY(%s){section}{public}
                ORDER BY p.id""",
            [[item_id for item_id, _ in ranked], *([filters.section] if filters.section else [])],
        ).fetchall()
        passages: dict[int, list[tuple[Any, ...]]] = {}
        for row in rows:
            passages.setdefault(row[0], []).append(row)
        hits: list[SearchHit] = []
        for item_id, score in ranked:
            found = passages.get(item_id)
            if not found:  # the item was replaced between the two statements
                continue
            index, word_hits = best_passage([row[6] for row in found], parsed)
            row = found[index]
            hits.append(
                SearchHit(
                    rank=len(hits) + 1,
                    score=round(score, 4),
                    item=row[7],
                    number=row[8],
                    title=row[9],
                    section=row[1],
                    heading=row[2],
                    actor=row[3],
                    snippet=snippet(row[5], parsed, hits=word_hits),
                    body=row[10],
                    date=row[11],
                    meeting_kind=row[12],
                    path=row[13],
                    page=row[4],
                    imported=row[14],
                    attachment_of=row[15],
                    attachment_of_title=row[16],
                )
            )
        return hits


def _excluded_sql(parsed: Query, filters: SearchFilters) -> tuple[str, list[Any]]:
    """``AND NOT EXISTS …``: no item ``i`` with a passage that holds a left-out term
    (``-word``); under --public only a closed item's title counts."""
    excluded = exclude_sql(parsed)
    if excluded is None:
        return "", []
    public = f" AND {_PUBLIC_PASSAGE.replace('p.', 'x.')}" if filters.public else ""
    sql = f" AND NOT EXISTS (SELECT 1 FROM passages x WHERE x.item_id = i.id AND x.search @@ {excluded[0]}{public})"
    return sql, excluded[1]
