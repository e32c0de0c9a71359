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
from referat.archive.pg_query import RANK_WEIGHTS, exclude_sql, match_sql
from referat.archive.pg_suggest import PUBLIC_PASSAGE as _PUBLIC_PASSAGE
from referat.archive.pg_suggest import PgSuggesting
from referat.archive.query import Query, QueryError, parse_query
from referat.archive.search import did_you_mean
from referat.archive.types import (
    NO_FILTERS,
    SORTS,
    ArchiveError,
    SearchFilters,
    SearchHit,
    SearchResult,
    Sort,
)


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
        ranked = self._rank_items(parsed, filters, limit, sort)
        result = SearchResult(hits=self._hits(parsed, ranked, filters))
        if suggest:
            result.suggestions = self._suggestions(parsed, filters.public, found=bool(result.hits))
            result.did_you_mean = did_you_mean(query, result.suggestions)
        if facets:
            result.facets, result.total, result.estimated = count_facets(
                self.connection, *self._facet_statement(parsed, filters)
            )
        return result

    def _rank_items(self, parsed: Query, filters: SearchFilters, limit: int, sort: Sort) -> list[tuple[int, float]]:
        match, params = match_sql(parsed)
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
        order = "m.date DESC NULLS LAST, score DESC, i.id DESC" if sort == "date" else "score DESC, i.id DESC"
        sql = f"""
            WITH q AS MATERIALIZED (SELECT {match} AS q),
            matched AS (
                SELECT p.item_id, max(ts_rank('{RANK_WEIGHTS}', p.search, q.q)
                                      * CASE WHEN p.source = 'title' THEN 2 ELSE 1 END) AS score
                FROM passages p CROSS JOIN q JOIN items i ON i.id = p.item_id
                WHERE p.search @@ q.q{passage_where}
                GROUP BY p.item_id)
            SELECT i.id, matched.score AS score
            FROM matched JOIN items i ON i.id = matched.item_id JOIN meetings m ON m.id = i.meeting_id
                 JOIN documents d ON d.id = m.document_id
            WHERE TRUE{where}
            ORDER BY {order} LIMIT %s"""
        rows = self.connection.execute(sql, [*params, *passage_params, *where_params, limit]).fetchall()
        return [(int(row[0]), float(row[1])) for row in rows]

    def _facet_statement(self, parsed: Query, filters: SearchFilters) -> tuple[str, list[Any]]:
        """The statement that counts the matching passages by facet, for facets.count_facets:
        the same facets as SQLite's (facets.facet_statement), on the same even sample when
        more than FACET_SAMPLE passages match (the passages whose id, scrambled, falls
        below a threshold set by how many match; the filters apply to the sample, as in
        SQLite), every one otherwise."""
        match, params = match_sql(parsed)
        where, where_params = self._filter_sql(filters)
        if filters.section:
            where += " AND p.section_kind = %s"
            where_params.append(filters.section)
        if filters.public:
            where += f" AND {_PUBLIC_PASSAGE}"
        excluded, excluded_params = _excluded_sql(parsed, filters)
        closed = "SELECT id FROM items WHERE access = 'closed'"
        sample = int(facets.FACET_SAMPLE)
        # under --public a closed item's decisions, amounts and actors are not told
        public_facts = f" WHERE item_id NOT IN ({closed})" if filters.public else ""
        public_actors = f" WHERE h.item_id NOT IN ({closed})" if filters.public else ""
        sql = f"""
            WITH q AS MATERIALIZED (SELECT {match} AS q),
            sampling AS MATERIALIZED (
                SELECT CASE WHEN n <= {sample} THEN {UNSAMPLED}
                            ELSE greatest(1, least({UNSAMPLED}, {UNSAMPLED} * {sample} / n)) END AS threshold
                FROM (SELECT count(*) AS n FROM passages p CROSS JOIN q WHERE p.search @@ q.q) AS matched
            ),
            hits AS MATERIALIZED (
                SELECT coalesce(m.body, '(unknown)') AS body, coalesce(substr(m.date, 1, 4), '(unknown)') AS year,
                       p.section_kind AS section, coalesce(m.kind, '(unknown)') AS kind, p.item_id
                FROM passages p CROSS JOIN q JOIN items i ON i.id = p.item_id JOIN meetings m ON m.id = i.meeting_id
                     JOIN documents d ON d.id = m.document_id
                WHERE p.search @@ q.q
                      AND mod(p.id * {SAMPLE_MULTIPLIER}, {UNSAMPLED}) < (SELECT threshold FROM sampling)
                      {where}{excluded}
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
        return sql, [*params, *where_params, *excluded_params]

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
        pairs = self.connection.execute(
            "SELECT DISTINCT body, coalesce(organisation, '') FROM meetings WHERE body IS NOT NULL"
        ).fetchall()
        found = matching_spoken(spoken_names([(body, organisation) for body, organisation in pairs]), typed)
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
