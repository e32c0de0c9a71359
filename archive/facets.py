"""Facets of a search: how many matching passages each body, year, section kind, meeting
kind, actor, and items with and without a decision or an amount hold, counted inside
SQLite from one statement, on an even sample when there are many."""

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

# How many passages match is estimated from how far back the newest FACET_SAMPLE + 1 reach
# in the passage ids (FTS5 hands them out newest first and stops there); below that many
# every passage counts (the threshold keeps all).
_THRESHOLD = """
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
    prefixes written out as words (search_plan.PrefixTerms), for the first read, which
    stops after the newest FACET_SAMPLE + 1 matches and so need not merge a prefix's
    doclists.

    Counted inside SQLite: the matches among the sampled passages, or when there are few,
    the newest FACET_SAMPLE + 1 matches, set the sample's rate (writing every match of a
    common word down before sampling cost ~20 ms at 1M sections); then the matches are
    read once more to draw the sample, and only the sampled ones are joined to their item
    and meeting. That second read is of the index of sampled passages when the rate is low
    enough for it to hold the whole sample (SAMPLE_INDEX_THRESHOLD), so a common word's walk
    reads a sixteenth of its matches."""

    match: str
    where: str
    params: list[Any]
    public: bool
    written_out: str | None = None

    def count(self, connection: sqlite3.Connection) -> Facets:
        """The counts by facet, the total, and whether they are estimates (count_facets)."""
        sample = int(FACET_SAMPLE)
        # More than FACET_SAMPLE matches among the sampled passages alone: then more than
        # that many match (no exact count), about 16 times as many, and the sample's rate
        # is set from that count (a sixteenth of the walk). The newest matches' reach costs
        # more for a common prefix of more words than PREFIX_TERMS (FTS5 merges their
        # doclists: "budget" 7.7 ms at 1M sections, its sampled passages counted 0.8 ms).
        sampled = connection.execute(
            "SELECT count(*) FROM passages_sample_fts WHERE passages_sample_fts MATCH ?", [self.match]
        ).fetchone()[0]
        if sampled > sample:
            threshold = max(1, SAMPLE_INDEX_THRESHOLD * sample // sampled)
        else:
            threshold_sql = _THRESHOLD.format(modulus=_SAMPLE_MODULUS, sample=sample)
            threshold = connection.execute(threshold_sql, [self.written_out or self.match]).fetchone()[0]
        index = "passages_sample_fts" if threshold <= SAMPLE_INDEX_THRESHOLD else "passages_fts"
        sql = facet_statement(index, self.where, self.public)
        return count_facets(connection, sql, [threshold, self.match, *self.params])


def facet_statement(index: str, where: str, public: bool) -> str:
    """The statement that counts, by facet, the passages of the sample (passage ids below
    the first parameter, the threshold, once scrambled) that match the second (an FTS5
    expression of ``index``, the passage index or its index of sampled passages) and that
    the meeting filters ``where`` (``AND …`` on ``m``, with the parameters after) keep.

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
        WITH sampling AS MATERIALIZED (SELECT ? AS threshold),
        sampled AS MATERIALIZED (
            SELECT p.item_id, p.section_kind, m.body, m.organisation, m.date, m.kind
            FROM {index}
            CROSS JOIN passages p INDEXED BY passages_lookup ON p.id = {index}.rowid
            CROSS JOIN items i ON i.id = p.item_id
            CROSS JOIN meetings m ON m.id = i.meeting_id
            WHERE {index} MATCH ?
                  AND ({index}.rowid * {_SAMPLE_MULTIPLIER}) % {_SAMPLE_MODULUS} < (SELECT threshold FROM sampling)
                  {public_passages}
        ),
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
