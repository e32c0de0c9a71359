"""Facets of a search: how many matching passages each body, year, section kind, meeting
kind, actor, and items with and without a decision or an amount hold, counted inside
SQLite (one statement after a count of the sampled passages), on an even sample when
there are many."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from referat.archive.core import closed_item
from referat.archive.types import Facets
from referat.data.gazetteer import is_role

FACETS = ("body", "year", "section", "kind", "decided", "amount", "actor")
# Facets count every matching passage when there are at most this many; beyond that they
# are estimated from an even sample of about this many: a common word matches 40 000
# passages at 100 000 sections, and finding the item, meeting and actors of each costs
# ~20 ms more than of 2 000. At 1M sections each sampled passage costs ~5 µs (its item,
# meeting, decisions and actors are rarely in the page cache): 1 000 rather than 2 000
# took "aftale" from 23 to 11 ms. 1 200 keeps a result of that many passages exact; the
# sample's total is within ~3 % (one standard error), a value with a tenth of the hits
# within ~9 %, and the page and the JSON say the counts are estimates.
FACET_SAMPLE = 1200
# The sample: passages whose id, scrambled by an odd multiplier modulo 2^16 (a bijection,
# so every 65 536 consecutive ids hold exactly ``threshold`` sampled ones), falls below a
# threshold. Deterministic, so the same query gives the same estimates.
_SAMPLE_MODULUS, _SAMPLE_MULTIPLIER = 65536, 40503
# The threshold that keeps every passage: what a statement that counted them all (the
# PostgreSQL archive's, pg_search.py) reports to count_facets.
UNSAMPLED = _SAMPLE_MODULUS


# The passages the second passage index (passages_sample_fts, schema.py migration 14)
# holds: those below this threshold of the sample's scramble. A sample of a lower threshold
# (more than 19 200 matches, 1 200 of them sampled) is drawn from that index, a sixteenth
# of the rows to walk. Fixed by the migration: a change needs one that refills the index.
SAMPLE_INDEX_THRESHOLD = 4096


# The sample's threshold from how far back in the passage ids the newest FACET_SAMPLE + 1
# matches reach (FTS5 hands them out newest first and stops there); every passage (the
# modulus) when fewer match.
_NEWEST_REACH = """
    SELECT CASE WHEN back.id IS NULL THEN {modulus}
                ELSE max(1, min({modulus}, {modulus} * {sample} * (ids.top - back.id + 1)
                                           / (({sample} + 1) * ids.top))) END
    FROM (SELECT max(id) AS top FROM passages) AS ids
    LEFT JOIN (SELECT rowid AS id FROM passages_fts WHERE passages_fts MATCH ?
               ORDER BY rowid DESC LIMIT 1 OFFSET {sample}) AS back ON 1"""


@dataclass(frozen=True)
class FacetCount:
    """The facets of one search on the SQLite archive: the passages matching ``match`` (an
    FTS5 expression of the passage index) that the meeting filters ``where`` (``AND …`` on
    ``m``, with ``params``) keep, counted by facet. ``written_out`` is ``match`` with its
    prefixes written out as words (search_plan.PrefixTerms), for a walk of the whole index:
    FTS5 reads a list of words lazily where another clause of the query is rarer ("regnskab
    2024": 7.5 ms with "regnskab" a merged prefix at 1M sections, 2.1 ms written out).

    Counted inside SQLite, on an even sample when many match: the matches among the sampled
    passages (passages_sample_fts, SAMPLE_INDEX_THRESHOLD) are counted first. More than
    FACET_SAMPLE of them means about 16 times as many match in all, and the sample is drawn
    from that index at the rate their count sets: a sixteenth of the walk. A few hundred,
    and how far back the newest FACET_SAMPLE + 1 matches reach sets the rate, then the
    whole index is walked for the sample. Fewer, and the whole index is walked once, its
    matches counted and the sample drawn from them in one statement: finding the newest
    matches of a rare combination of words walks most of the index, and the sample's walk
    did that again ("børne- og ungdomspsykiatrien" 4.6 + 4.8 ms at 1M sections). (Writing
    every match of a common word down before sampling cost ~20 ms.)"""

    match: str
    where: str
    params: list[Any]
    public: bool
    written_out: str | None = None

    def count(self, connection: sqlite3.Connection) -> Facets:
        """The counts by facet, the total, and whether they are estimates (count_facets)."""
        sample = int(FACET_SAMPLE)
        sampled = connection.execute(
            "SELECT count(*) FROM passages_sample_fts WHERE passages_sample_fts MATCH ?", [self.match]
        ).fetchone()[0]
        whole = self.written_out or self.match
        if sampled > sample:  # then more than FACET_SAMPLE match: no exact count
            threshold = max(1, SAMPLE_INDEX_THRESHOLD * sample // sampled)
            sql = facet_statement("passages_sample_fts", self.where, self.public)
            return count_facets(connection, sql, [threshold, self.match, *self.params])
        if sampled > sample // 4:
            # Thousands match (~16 times ``sampled``): counting them would store them all
            # (~2.5 ms more for "psykiatri" at 1M sections), while the newest FACET_SAMPLE + 1
            # are near and how far back they reach sets the rate as well.
            reach = _NEWEST_REACH.format(modulus=_SAMPLE_MODULUS, sample=sample)
            threshold = connection.execute(reach, [whole]).fetchone()[0]
            if threshold <= SAMPLE_INDEX_THRESHOLD:  # (the reach says more match than ``sampled`` did)
                sql = facet_statement("passages_sample_fts", self.where, self.public)
                return count_facets(connection, sql, [threshold, self.match, *self.params])
            sql = facet_statement("passages_fts", self.where, self.public)
            return count_facets(connection, sql, [threshold, whole, *self.params])
        sql = facet_statement("passages_fts", self.where, self.public, counted=True)
        return count_facets(connection, sql, [whole, *self.params])


def facet_statement(index: str, where: str, public: bool, counted: bool = False) -> str:
    """The statement that counts, by facet, the passages of the sample (passage ids below
    the first parameter, the threshold, once scrambled) that match the second (an FTS5
    expression of ``index``, the passage index or its index of sampled passages) and that
    the meeting filters ``where`` (``AND …`` on ``m``, with the parameters after) keep.
    With ``counted``, there is no threshold parameter: the matches of ``index`` are
    counted, and every one is kept up to FACET_SAMPLE, an even sample of about that many
    beyond.

    Filters apply to the sample, so the more a filter narrows, the fewer sampled passages
    it leaves and the rougher the estimate. (Filtering inside the join instead lets SQLite
    build a Bloom filter over every passage once the archive has statistics: ~80 ms.)
    """
    # --public: a closed item's passages count only if they are its title, and its
    # actors not at all.
    public_passages = " AND (p.section_kind = 'title' OR i.access <> 'closed')" if public else ""
    public_actors = f" WHERE NOT {closed_item('h.item_id')}" if public else ""
    public_facts = f" WHERE NOT {closed_item('item_hits.item_id')}" if public else ""
    return f"""
        WITH {_sampled(index, public_passages, counted)},
        hits AS MATERIALIZED (
            SELECT coalesce(body, '(unknown)') AS body, coalesce(substr(date, 1, 4), '(unknown)') AS year,
                   section_kind AS section, coalesce(kind, '(unknown)') AS kind, item_id
            FROM sampled AS m WHERE 1{where}
        ),
        item_hits AS MATERIALIZED (SELECT item_id, count(*) AS hits FROM hits GROUP BY item_id),
        -- Whether the hits' item has a decision, an amount (yes/no), asked once per item;
        -- under --public a closed item's are not told.
        facts AS (
            -- (EXISTS looks each item up in the index; IN would list every decision first)
            SELECT CASE WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.item_id = item_hits.item_id)
                        THEN 'yes' ELSE 'no' END AS decided,
                   CASE WHEN EXISTS (SELECT 1 FROM amounts a WHERE a.item_id = item_hits.item_id)
                        THEN 'yes' ELSE 'no' END AS amount,
                   hits
            FROM item_hits{public_facts}
        ),
        -- An actor counts the hits in items where it has a statement or a position.
        actors AS (
            SELECT h.item_id, h.hits, s.canonical
            FROM item_hits h JOIN statements s ON s.item_id = h.item_id{public_actors}
            UNION
            SELECT h.item_id, h.hits, po.canonical
            FROM item_hits h JOIN positions po ON po.item_id = h.item_id{public_actors}
        )
        SELECT 'threshold', NULL, threshold FROM sampling
        UNION ALL SELECT 'total', NULL, count(*) FROM hits
        UNION ALL SELECT 'body', body, count(*) FROM hits GROUP BY body
        UNION ALL SELECT 'year', year, count(*) FROM hits GROUP BY year
        UNION ALL SELECT 'section', section, count(*) FROM hits GROUP BY section
        UNION ALL SELECT 'kind', kind, count(*) FROM hits GROUP BY kind
        UNION ALL SELECT 'decided', decided, sum(hits) FROM facts GROUP BY decided
        UNION ALL SELECT 'amount', amount, sum(hits) FROM facts GROUP BY amount
        UNION ALL SELECT 'actor', canonical, sum(hits) FROM actors GROUP BY canonical"""


def count_facets(connection: sqlite3.Connection, sql: str, params: list[Any]) -> Facets:
    """Run a statement of :func:`facet_statement` (or the PostgreSQL archive's): the counts by facet,
    the total, and whether they are estimates, scaled up from the sample if there was one."""
    rows = connection.execute(sql, params).fetchall()
    threshold = next(count for facet, _, count in rows if facet == "threshold")
    scale = _SAMPLE_MODULUS / threshold
    counted: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for facet, value, count in sorted(rows, key=lambda row: (-row[2], row[1] or "")):
        # a role noun ("Medlemmerne", "Formanden") is not an actor of its own (as `actors`)
        if facet in counted and not (facet == "actor" and is_role(value)):
            counted[facet][value] = round(count * scale)
    total = next(count for facet, _, count in rows if facet == "total")
    return counted, round(total * scale), threshold < _SAMPLE_MODULUS


def _sampled(index: str, public_passages: str, counted: bool) -> str:
    """The CTEs ``sampling`` (the threshold) and ``sampled`` (the sampled matches with their
    item's and meeting's columns) of :func:`facet_statement`."""
    source, passage_id, match = f"{index}", f"{index}.rowid", f"{index} MATCH ? AND "
    head = "sampling AS MATERIALIZED (SELECT ? AS threshold)"
    if counted:
        sample = int(FACET_SAMPLE)
        source, passage_id, match = "matched", "matched.id", ""
        head = f"""matched AS MATERIALIZED (SELECT rowid AS id FROM {index} WHERE {index} MATCH ?),
        sampling AS MATERIALIZED (
            SELECT CASE WHEN count(*) <= {sample} THEN {_SAMPLE_MODULUS}
                        ELSE max(1, {_SAMPLE_MODULUS} * {sample} / count(*)) END AS threshold
            FROM matched
        )"""
    return f"""{head},
        sampled AS MATERIALIZED (
            SELECT p.item_id, p.section_kind, m.body, m.organisation, m.date, m.kind
            FROM {source}
            CROSS JOIN passages p INDEXED BY passages_lookup ON p.id = {passage_id}
            CROSS JOIN items i ON i.id = p.item_id
            CROSS JOIN meetings m ON m.id = i.meeting_id
            WHERE {match}({passage_id} * {_SAMPLE_MULTIPLIER}) % {_SAMPLE_MODULUS} < (SELECT threshold FROM sampling)
                  {public_passages}
        )"""
