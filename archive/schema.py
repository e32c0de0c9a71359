"""The archive's SQLite schema as an ordered list of migrations.

``PRAGMA user_version`` holds the number of migrations applied. A migration is only
ever appended, never edited: an archive written by an older referat is brought up to
date by running the scripts after its version, each in its own transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from referat.archive.schema_v1 import _V1  # migration 1, the contract's tables: a module of its own for its length
from referat.archive.text import index_columns, without_own_name
from referat.data.bodies import canonical_body, canonical_organisation, name_key

# The views and the item index that migrations create, each written once. Migrations are
# frozen history: a migration that changes one of them gets a new constant (_V4 below).

# The content of ``items_fts`` as migration 2 made it: an item's passages concatenated in
# passage order, and its title again.
ITEM_DOCUMENTS_VIEW_V2 = """\
CREATE VIEW item_documents AS
SELECT i.id,
    (SELECT group_concat(text, ' ') FROM (SELECT text FROM passages WHERE item_id = i.id ORDER BY id)) AS text,
    (SELECT group_concat(stems, ' ') FROM (SELECT stems FROM passages WHERE item_id = i.id ORDER BY id)) AS stems,
    (SELECT group_concat(parts, ' ') FROM (SELECT parts FROM passages WHERE item_id = i.id ORDER BY id)) AS parts,
    t.text AS title_text, t.stems AS title_stems, t.parts AS title_parts
FROM items i LEFT JOIN passages t ON t.item_id = i.id AND t.source = 'title';"""

# ``items_fts`` reads its content through ``item_documents``; migrations 2 and 4 create
# it alike.
ITEMS_FTS = """\
CREATE VIRTUAL TABLE items_fts USING fts5(
    text, stems, parts, title_text, title_stems, title_parts,
    content='item_documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0'
);"""

# Before an item is deleted, its terms leave ``items_fts`` (read back through the view).
ITEMS_DELETE_TRIGGER = """\
CREATE TRIGGER items_bd BEFORE DELETE ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, text, stems, parts, title_text, title_stems, title_parts)
    SELECT 'delete', id, text, stems, parts, title_text, title_stems, title_parts FROM item_documents WHERE id = old.id;
END;"""

# Migration 2: rank items, not passages. bm25 costs about a microsecond per matching row,
# and a common word occurs in a quarter of all passages: ranking passages took 30-40 ms at
# 100 000 sections. A word in 42 000 passages is in 12 000 items, which rank in ~11 ms.
# ``items_fts`` indexes each item's passages as one document, and its title once more in
# title_* columns: bm25 weighs those higher, so "Køb af ejendom" ranks first for
# "ejendom" although long items say it more often. Its external content is the view
# ``item_documents`` (the passages' columns concatenated in passage order), so the text is
# stored once; the view is read only to rebuild and check the index and, by the trigger,
# to remove an item's terms before the item is deleted (the same view, the same order,
# hence the same terms). store.py inserts an item's row after its passages.
# ``passages_fts`` stays: it says which passages match, for facets, for filters on a
# section kind and for who-said. ``passages_lookup`` gives a matching passage's item and
# kind from a small index instead of its row (a passage row holds its text: reading
# 40 000 of them for "budget" takes ~40 ms, the index ~10 ms).
_V2 = f"""
CREATE INDEX passages_lookup ON passages(id, item_id, section_kind);

{ITEM_DOCUMENTS_VIEW_V2}

{ITEMS_FTS}
INSERT INTO items_fts(items_fts) VALUES ('rebuild');
INSERT INTO items_fts(items_fts) VALUES ('optimize');

{ITEMS_DELETE_TRIGGER}
"""

# Migration 3: closed items and personal data (archive/public.py). ``closed_text`` says
# what the archive holds of a document's closed items: none (it has none), withheld
# (number, title and decision outcome only, the default) or included (``referat import
# --include-closed``); ``personal_data`` whether its CPR numbers were redacted or kept
# (none: it held none). An import asked for the other treatment extracts the file again.
# Archives written before stored closed items whole and sub-items of closed items as
# public: they are recorded as such, and the sub-items closed. ``items_closed`` lists the
# closed items for ``--public`` searches.
_V3 = """
ALTER TABLE documents ADD COLUMN closed_text TEXT NOT NULL DEFAULT 'none';
ALTER TABLE documents ADD COLUMN personal_data TEXT NOT NULL DEFAULT 'none';

WITH RECURSIVE closed(id) AS (
    SELECT id FROM items WHERE access = 'closed'
    UNION SELECT i.id FROM items i JOIN closed c ON i.parent_id = c.id
)
UPDATE items SET access = 'closed' WHERE access <> 'closed' AND id IN (SELECT id FROM closed);

UPDATE documents SET closed_text = 'included'
WHERE id IN (SELECT m.document_id FROM meetings m JOIN items i ON i.meeting_id = m.id WHERE i.access = 'closed');
UPDATE documents SET personal_data = CASE
    WHEN json LIKE '%CPR number(s) kept%' THEN 'kept'
    WHEN json LIKE '%CPR number(s) redacted%' THEN 'redacted'
    ELSE 'none' END;

CREATE INDEX items_closed ON items(id) WHERE access = 'closed';
"""

# The views of migration 4 (below): both indexes read a passage's ``indexed_text`` when it
# has one.
PASSAGE_DOCUMENTS_VIEW_V4 = """\
CREATE VIEW passage_documents AS
SELECT id, coalesce(indexed_text, text) AS text, stems, parts FROM passages;"""

ITEM_DOCUMENTS_VIEW_V4 = """\
CREATE VIEW item_documents AS
SELECT i.id,
    (SELECT group_concat(text, ' ') FROM (SELECT coalesce(indexed_text, text) AS text FROM passages WHERE item_id = i.id ORDER BY id)) AS text,
    (SELECT group_concat(stems, ' ') FROM (SELECT stems FROM passages WHERE item_id = i.id ORDER BY id)) AS stems,
    (SELECT group_concat(parts, ' ') FROM (SELECT parts FROM passages WHERE item_id = i.id ORDER BY id)) AS parts,
    coalesce(t.indexed_text, t.text) AS title_text, t.stems AS title_stems, t.parts AS title_parts
FROM items i LEFT JOIN passages t ON t.item_id = i.id AND t.source = 'title';"""  # noqa: E501

# Migration 4: a meeting's own body name is not indexed (archive/text.py says why).
# ``passages.indexed_text`` is the text the indexes hold when it differs from ``text``
# (the name blanked out, same length), NULL otherwise, so the text is stored twice only
# for the passages that name their body; ``stems`` and ``parts`` are computed from it.
# Both indexes now read their content through views that take ``indexed_text`` when it
# is there, and are rebuilt. The referat_* functions are registered by :func:`migrate`.
_V4 = f"""
DROP TRIGGER passages_ai;
DROP TRIGGER passages_ad;
DROP TRIGGER items_bd;
DROP TABLE passages_fts;
DROP TABLE items_fts;
DROP VIEW item_documents;

ALTER TABLE passages ADD COLUMN indexed_text TEXT;
UPDATE passages SET indexed_text = referat_without_own_name(text,
    (SELECT m.body FROM items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = passages.item_id));
UPDATE passages SET stems = referat_stems(indexed_text), parts = referat_parts(indexed_text)
WHERE indexed_text IS NOT NULL;

{PASSAGE_DOCUMENTS_VIEW_V4}

CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, stems, parts,
    content='passage_documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0'
);
INSERT INTO passages_fts(passages_fts) VALUES ('rebuild');
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, text, stems, parts)
    VALUES (new.id, coalesce(new.indexed_text, new.text), new.stems, new.parts);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, text, stems, parts)
    VALUES ('delete', old.id, coalesce(old.indexed_text, old.text), old.stems, old.parts);
END;

{ITEM_DOCUMENTS_VIEW_V4}

{ITEMS_FTS}
INSERT INTO items_fts(items_fts) VALUES ('rebuild');
INSERT INTO items_fts(items_fts) VALUES ('optimize');
INSERT INTO passages_fts(passages_fts) VALUES ('optimize');

{ITEMS_DELETE_TRIGGER}
"""

# Migration 5: which referat extracted each document (its version; '' = before this
# column), so ``referat import --reextract`` can redo the documents an older version
# extracted after an upgrade, and resume like any import.
_V5 = """
ALTER TABLE documents ADD COLUMN extracted_by TEXT NOT NULL DEFAULT '';
"""

# Migration 6: each ballot's counts (Item.votes, contract 1.3). Who voted how stays in
# ``positions``; the numbers are facts of their own, so analysts can ask for split votes.
_V6 = """
CREATE TABLE votes (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    in_favour   INTEGER,
    against     INTEGER,
    abstained   INTEGER,
    unanimous   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX votes_item ON votes(item_id);
"""

# Migration 7: one meeting once (same_meeting.py). An item another stored file of the same
# meeting also holds points to the copy that is kept; queries count only kept items.
_V7 = """
ALTER TABLE items ADD COLUMN same_as INTEGER REFERENCES items(id) ON DELETE SET NULL;
CREATE INDEX items_copies ON items(same_as) WHERE same_as IS NOT NULL;
"""

# Migration 8: which process runs an import (its pid and host), so a run whose process
# was killed is not left "running" forever: the next command that writes the archive on
# the same host finds the process gone and records the run as 'killed' (core.py). Runs
# left 'running' before this migration had no process to ask; they are recorded killed.
_V8 = """
ALTER TABLE import_runs ADD COLUMN pid INTEGER;
ALTER TABLE import_runs ADD COLUMN host TEXT;
UPDATE import_runs SET status = 'killed' WHERE status = 'running';
"""

# Migration 9: saved searches (watches.py): a query with the filters of ``referat search``
# (JSON), and what the last ``referat watch run`` saw: the import time of the newest
# document then (``seen_until``) and the items imported at or after that time that it
# reported (``seen_items``, a JSON list of [item key, import time]), so that a document
# imported later in the same second is still new to the next run, and a run that stopped
# at its limit leaves the rest to the next.
_V9 = """
CREATE TABLE watches (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    query       TEXT NOT NULL,
    filters     TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL,
    last_run_at TEXT,
    seen_until  TEXT,
    seen_items  TEXT NOT NULL DEFAULT '[]'
);
"""

# The item index as migration 10 declares it: ``items`` named as its content table. The
# text is still what the view ``item_documents`` gives (write.py inserts each item's row
# from it, ITEMS_DELETE_TRIGGER reads it back), but sqlite-utils and datasette find a
# table's index by this declaration and understand none whose content is a view. What
# FTS5 would read from ``items`` itself ('rebuild', a full scan, the 'integrity-check' of
# the content) is not used; check() checks the index and its rows (queries.py).
ITEMS_FTS_V10 = """\
CREATE VIRTUAL TABLE items_fts USING fts5(
    text, stems, parts, title_text, title_stems, title_parts,
    content="items", content_rowid='id',
    tokenize='unicode61 remove_diacritics 0'
);"""

# Migration 10: `sqlite-utils search` and
# datasette's ``_search`` work on ``items`` (ITEMS_FTS_V10). Refilled like migration 4.
_V10 = f"""
DROP TABLE items_fts;
{ITEMS_FTS_V10}
INSERT INTO items_fts(rowid, text, stems, parts, title_text, title_stems, title_parts)
SELECT id, text, stems, parts, title_text, title_stems, title_parts FROM item_documents;
INSERT INTO items_fts(items_fts) VALUES ('optimize');
"""

# Migration 11: bodies and organisations by one name (archive/names.py): the table's
# canonical names, then per name key the spelling stored first, as imports do. The
# documents' JSON keeps names as printed.
# And a file that is an item's attachment (bilag) points to that item (archive/attachments.py);
# a position keeps its count where the ballot prints one per party (Position.votes, 1.4).
_V11 = """
ALTER TABLE documents ADD COLUMN attachment_of INTEGER REFERENCES items(id) ON DELETE SET NULL;
ALTER TABLE positions ADD COLUMN votes INTEGER;
UPDATE meetings SET body = referat_canonical_body(body, organisation),
    organisation = referat_canonical_organisation(organisation);
CREATE TEMP TABLE spellings AS SELECT 'b' AS what, referat_name_key(body) AS key, body AS name, min(id) FROM meetings
    WHERE body IS NOT NULL GROUP BY 2 UNION ALL SELECT 'o', referat_name_key(organisation), organisation, min(id)
    FROM meetings WHERE organisation IS NOT NULL GROUP BY 2;
UPDATE meetings SET body = (SELECT name FROM spellings WHERE what = 'b' AND key = referat_name_key(coalesce(body, ''))),
    organisation = (SELECT name FROM spellings WHERE what = 'o' AND key = referat_name_key(coalesce(organisation, '')));
DROP TABLE temp.spellings;
"""

# Migration 12: an item's attachment files found by index (an item page asked for them
# with a scan of ``documents``, whose rows hold each document's JSON: 60 ms at 26 000
# documents).
_V12 = """
CREATE INDEX documents_attachment ON documents(attachment_of) WHERE attachment_of IS NOT NULL;
"""

# Migration 13: the meetings' names read from an index instead of their rows, which hold
# each meeting's participants: ``--body`` reads every stored (body, organisation) pair
# (search_plan.BodyKeys; again after every change of the file), so does an import before
# it writes (names.Spellings), and the bodies page counts meetings and dates by name. At
# 26 690 meetings (the 1M-section archive) the pairs cost 172 ms CPU from the rows, 11 ms
# from this index.
_V13 = """
CREATE INDEX meetings_names ON meetings(body, organisation, date);
"""

# Migration 14: a second passage index holding only the passages the facets' sample can
# draw when many passages match (facets.py): those whose id, scrambled as the sample
# scrambles it, falls below SAMPLE_INDEX_THRESHOLD, one passage in 16. Counting facets
# walked every match of the whole index to draw that sample (10-30 ms at 1M sections for
# a common word, FTS5's prefix merge and doclist walk); past 19 200 matches the sample
# needs a threshold this low, and the walk reads this index instead: a sixteenth of the
# rows, the same sample. Its content is a view of the passages it holds, so FTS5's
# integrity check compares it with them; triggers keep it as the passages change.
_V14 = """
CREATE VIEW passage_sample_documents AS
SELECT id, coalesce(indexed_text, text) AS text, stems, parts FROM passages
WHERE (id * 40503) % 65536 < 4096;

CREATE VIRTUAL TABLE passages_sample_fts USING fts5(
    text, stems, parts,
    content='passage_sample_documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0'
);
INSERT INTO passages_sample_fts(passages_sample_fts) VALUES ('rebuild');
INSERT INTO passages_sample_fts(passages_sample_fts) VALUES ('optimize');
CREATE TRIGGER passages_sample_ai AFTER INSERT ON passages WHEN (new.id * 40503) % 65536 < 4096 BEGIN
    INSERT INTO passages_sample_fts(rowid, text, stems, parts)
    VALUES (new.id, coalesce(new.indexed_text, new.text), new.stems, new.parts);
END;
CREATE TRIGGER passages_sample_ad AFTER DELETE ON passages WHEN (old.id * 40503) % 65536 < 4096 BEGIN
    INSERT INTO passages_sample_fts(passages_sample_fts, rowid, text, stems, parts)
    VALUES ('delete', old.id, coalesce(old.indexed_text, old.text), old.stems, old.parts);
END;
"""

MIGRATIONS: list[str] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10, _V11, _V12, _V13, _V14]
"""Ordered SQL scripts; index i brings an archive from version i to i + 1."""


def register_functions(connection: sqlite3.Connection) -> None:
    """The Python functions migrations call: the index's text rules live in text.py only."""

    def stems(text: str | None) -> str | None:
        return None if text is None else index_columns(text)[0]

    def parts(text: str | None) -> str | None:
        return None if text is None else index_columns(text)[1]

    connection.create_function("referat_without_own_name", 2, without_own_name, deterministic=True)
    connection.create_function("referat_canonical_body", 2, canonical_body, deterministic=True)
    connection.create_function("referat_canonical_organisation", 1, canonical_organisation, deterministic=True)
    connection.create_function("referat_name_key", 1, name_key, deterministic=True)
    connection.create_function("referat_stems", 1, stems, deterministic=True)
    connection.create_function("referat_parts", 1, parts, deterministic=True)


class SchemaError(Exception):
    """The file is not an archive this version of referat can use."""


def schema_version(connection: sqlite3.Connection) -> int:
    """The number of migrations applied to this database (0 for a new file)."""
    return connection.execute("PRAGMA user_version").fetchone()[0]


def statements(script: str) -> list[str]:
    """The SQL statements of a script, split where SQLite says a statement is complete
    (a trigger's ``BEGIN … END;`` and a quoted ``;`` stay whole).

    Example:
        >>> statements("CREATE TABLE t (a); CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END;")
        ['CREATE TABLE t (a);', 'CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END;']
    """
    found, pending = [], ""
    for piece in script.split(";")[:-1]:
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    return found


def migrate(connection: sqlite3.Connection, notice: Callable[[str], None] | None = None) -> int:
    """Apply the migrations this database has not seen yet; return the new version.

    The connection must be in autocommit mode (``isolation_level=None``). Each script runs
    in its own transaction together with the version bump, so a crash leaves the archive
    at the previous version, never between two. The version is read again once the write
    lock is held (BEGIN IMMEDIATE): two commands that open a new or older archive at once
    wait for each other, and the second finds the work done instead of repeating it
    ("table import_runs already exists", "duplicate column name").

    Example:
        >>> connection = sqlite3.connect(":memory:", isolation_level=None)
        >>> migrate(connection) == len(MIGRATIONS)
        True
    """
    current = schema_version(connection)
    register_functions(connection)
    if current > len(MIGRATIONS):
        raise SchemaError(
            f"archive schema version {current} is newer than this referat knows ({len(MIGRATIONS)}); upgrade referat"
        )
    if current == len(MIGRATIONS):
        return current
    if notice is not None and current > 0:
        # Migration 4 rebuilds the search indexes: about 25 s at 100 000 sections.
        notice(f"upgrading the archive from schema {current} to {len(MIGRATIONS)}; large archives take a minute")
    while True:
        connection.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(connection)  # under the lock: another command may have done it
            if current >= len(MIGRATIONS):
                connection.execute("COMMIT")
                return current
            for statement in statements(MIGRATIONS[current]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {current + 1}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
