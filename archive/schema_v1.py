"""Migration 1 of the archive (schema.py): the contract's tables, the passages and their index.

A migration is never edited once released; this one is kept in a module of its own because
it is as long as all the others together."""

# Migration 1: the contract's tables, one row per fact, plus ``passages``: every text a
# user searches (item titles, sections, decisions, statements, positions) as one row,
# indexed by ``passages_fts``. The FTS table uses ``passages`` as its external content
# (one copy of the text) and is kept in step by triggers, the sqlite-utils/datasette
# pattern, so a cascade delete of a document also removes its index entries.
_V1 = """
CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    paths       TEXT NOT NULL,              -- JSON list of the PATH arguments
    status      TEXT NOT NULL DEFAULT 'running',  -- running|done|interrupted (|failed|killed: see _V7)
    files       INTEGER NOT NULL DEFAULT 0,
    imported    INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_errors (
    id      INTEGER PRIMARY KEY,
    run_id  INTEGER REFERENCES import_runs(id) ON DELETE CASCADE,
    path    TEXT NOT NULL,
    reason  TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX import_errors_run ON import_errors(run_id);

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    path        TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    pages       INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    run_id      INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
    json        TEXT NOT NULL               -- the whole Document, as extracted
);
CREATE INDEX documents_path ON documents(path);

CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    body         TEXT,
    organisation TEXT,
    kind         TEXT NOT NULL,
    title        TEXT,
    date         TEXT,
    start_time   TEXT,
    location     TEXT,
    case_numbers TEXT NOT NULL DEFAULT '[]',
    participants TEXT NOT NULL DEFAULT '[]',
    first_page   INTEGER,
    last_page    INTEGER
);
CREATE INDEX meetings_document ON meetings(document_id);
CREATE INDEX meetings_body_date ON meetings(body, date);
CREATE INDEX meetings_date ON meetings(date);

CREATE TABLE items (
    id              INTEGER PRIMARY KEY,
    key             TEXT NOT NULL UNIQUE,   -- stable id users type: <sha256[:12]>-<meeting>-<number>
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    parent_id       INTEGER REFERENCES items(id) ON DELETE CASCADE,
    ordinal         INTEGER NOT NULL,
    number          TEXT NOT NULL,
    title           TEXT NOT NULL,
    access          TEXT NOT NULL,
    responsible     TEXT,
    case_numbers    TEXT NOT NULL DEFAULT '[]',
    recommendations TEXT NOT NULL DEFAULT '[]',
    attachments     TEXT NOT NULL DEFAULT '[]',
    first_page      INTEGER,
    last_page       INTEGER
);
CREATE INDEX items_meeting ON items(meeting_id);
CREATE INDEX items_parent ON items(parent_id);

CREATE TABLE sections (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    heading    TEXT NOT NULL,
    text       TEXT NOT NULL,
    first_page INTEGER,
    last_page  INTEGER
);
CREATE INDEX sections_item ON sections(item_id);

CREATE TABLE decisions (
    id      INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    text    TEXT NOT NULL,
    outcome TEXT
);
CREATE INDEX decisions_item ON decisions(item_id);

CREATE TABLE statements (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    actor      TEXT NOT NULL,               -- as extracted
    canonical  TEXT NOT NULL,               -- after the alias table: 'Kommunernes Landsforening' for 'KL'
    actor_type TEXT NOT NULL,
    verb       TEXT NOT NULL,
    text       TEXT NOT NULL,
    page       INTEGER
);
CREATE INDEX statements_item ON statements(item_id);
CREATE INDEX statements_canonical ON statements(canonical);

CREATE TABLE positions (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    canonical TEXT NOT NULL,
    stance    TEXT NOT NULL,
    text      TEXT NOT NULL
);
CREATE INDEX positions_item ON positions(item_id);
CREATE INDEX positions_canonical ON positions(canonical);

CREATE TABLE entities (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    text      TEXT NOT NULL,
    label     TEXT NOT NULL,
    canonical TEXT,
    page      INTEGER
);
CREATE INDEX entities_item ON entities(item_id);

CREATE TABLE dates (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    text      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    start     TEXT NOT NULL,
    "end"     TEXT NOT NULL,
    precision TEXT NOT NULL
);
CREATE INDEX dates_item ON dates(item_id);

CREATE TABLE amounts (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    text      TEXT NOT NULL,
    value     REAL NOT NULL,
    currency  TEXT NOT NULL,
    qualifier TEXT,
    year      INTEGER
);
CREATE INDEX amounts_item ON amounts(item_id);

-- What search reads. source: title|section|decision|statement|position.
-- stems and parts are derived from text (archive/text.py): Snowball stems, and the
-- tails of long stems so a compound's last parts are words of their own.
CREATE TABLE passages (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    source       TEXT NOT NULL,
    fact_id      INTEGER,                   -- id in sections/decisions/statements/positions
    section_kind TEXT NOT NULL,             -- a Section.kind, or title|decision|statement|position
    heading      TEXT,
    actor        TEXT,                      -- canonical actor of a statement/position
    page         INTEGER,
    text         TEXT NOT NULL,
    stems        TEXT NOT NULL,
    parts        TEXT NOT NULL
);
CREATE INDEX passages_item ON passages(item_id);

-- remove_diacritics 0: the default tokenizer folds å to a and ø to o, which would make
-- "rå" find "ra" and "sø" find "so".
CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, stems, parts,
    content='passages', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0'
);
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, text, stems, parts) VALUES (new.id, new.text, new.stems, new.parts);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, text, stems, parts)
    VALUES ('delete', old.id, old.text, old.stems, old.parts);
END;
"""
