"""Builders for the archive tests: Documents made directly from the pydantic models
(statements filled as the enrichment step will fill them) and TXT minutes on disk."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from referat.archive import open_archive
from referat.models import Document, Source
from referat.models.document import Decision, Item, Meeting, Position, Section, Statement


def item(
    number: str,
    title: str,
    sections: list[tuple[str, str]] = (),
    statements: list[tuple[str, str, str]] = (),
    positions: list[tuple[str, str, str]] = (),
    decisions: list[tuple[str, str | None]] = (),
    page: int = 1,
) -> Item:
    """An item; sections as (kind, text), statements as (actor, verb, text), positions as (actor, stance, text)."""
    return Item(
        number=number,
        title=title,
        sections=[
            Section(kind=kind, heading=kind.capitalize(), text=text, pages=(page, page)) for kind, text in sections
        ],
        statements=[
            Statement(actor=actor, actor_type="organisation", verb=verb, text=text, page=page)
            for actor, verb, text in statements
        ],
        positions=[Position(actor=actor, stance=stance, text=text) for actor, stance, text in positions],
        decisions=[Decision(text=text, outcome=outcome) for text, outcome in decisions],
        pages=(page, page),
    )


def document(name: str, body: str | None, date: str | None, items: list[Item], kind: str = "referat") -> Document:
    """A one-meeting Document whose sha256 is derived from its name and content."""
    meeting = Meeting(
        body=body, kind=kind, date=date, items=items, pages=(1, max(i.pages[1] for i in items) if items else 1)
    )
    digest = hashlib.sha256((name + meeting.model_dump_json()).encode()).hexdigest()
    return Document(
        source=Source(path=name, sha256=digest, media_type="text/plain", pages=meeting.pages[1]), meetings=[meeting]
    )


def stored_archive(folder: Path, documents: list[Document]) -> Path:
    """An archive at ``folder``/referat.db holding ``documents``, each newly imported."""
    path = folder / "referat.db"
    store_all(str(path), documents)
    return path


def store_all(location: str, documents: list[Document]) -> str:
    """``documents``, each newly imported, into the archive at ``location`` (a file, or a
    PostgreSQL URL such as a database of the tests' throwaway server)."""
    with open_archive(location) as archive:
        for document in documents:
            assert archive.store_document(document) == "imported"
    return location


def is_postgresql(location: str | Path) -> bool:
    return str(location).startswith(("postgresql://", "postgres://"))


def rows(location: str | Path, sql: str, *params) -> list[tuple]:
    """The rows of ``sql`` (``?`` placeholders) read behind referat's back from the archive
    at ``location``, an SQLite file or a PostgreSQL URL."""
    if is_postgresql(location):
        import psycopg

        with psycopg.connect(str(location)) as connection:
            return connection.execute(sql.replace("?", "%s"), params).fetchall()
    connection = sqlite3.connect(location)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def execute(location: str | Path, sql: str, *params) -> None:
    """Run one statement (``?`` placeholders) on the archive behind referat's back, committed
    (as an older referat would have written)."""
    if is_postgresql(location):
        import psycopg

        with psycopg.connect(str(location), autocommit=True) as connection:
            connection.execute(sql.replace("?", "%s"), params)
        return
    connection = sqlite3.connect(location)
    try:
        with connection:
            connection.execute(sql, params)
    finally:
        connection.close()


def minutes_text(index: int, items: int = 6, body: str = "Sundheds- og Forebyggelsesudvalget", words: str = "") -> str:
    """TXT minutes the extractor reads: a body, a date, numbered items with background and decision."""
    day = 1 + index % 28
    lines = [body, "Referat", "Mødedato", f"{day}. februar 2026"]
    for number in range(1, items + 1):
        lines += [
            f"Punkt {number} Orientering om økonomiaftalen, møde {index} sag {number}",
            "Sagsfremstilling",
            f"Udvalget drøftede udmøntningsaftalen for børne- og ungdomspsykiatrien (dokument {index}). {words}",
            "Beslutning",
            "Godkendt.",
        ]
    return "\n".join(lines) + "\n"


def write_minutes(folder: Path, count: int, items: int = 6) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"referat-{index:03d}.txt"
        path.write_text(minutes_text(index, items=items), encoding="utf-8")
        paths.append(path)
    return paths


# What migration 14 adds (the index of sampled passages), dropped to make an older archive.
WITHOUT_MIGRATION_14 = (
    "DROP TRIGGER passages_sample_ai; DROP TRIGGER passages_sample_ad; DROP TABLE passages_sample_fts;"
    " DROP VIEW passage_sample_documents;"
)


def downgrade_to_schema_3(path) -> None:
    """Make a fresh archive what referat wrote before migration 4: the body name indexed,
    the indexes over ``passages`` and the view without ``indexed_text`` (and, from
    migration 5, no ``documents.extracted_by``; from migration 6, no ``votes``; from
    migration 7, no ``items.same_as``; from migration 8, no ``import_runs.pid`` and ``host``;
    from migration 9, no ``watches``; from migration 11, no ``documents.attachment_of`` and
    ``positions.votes``; from migration 14, no index of sampled passages)."""
    from referat.archive.schema import _V1, _V2, register_functions

    connection = sqlite3.connect(path, isolation_level=None)
    register_functions(connection)
    connection.executescript(
        WITHOUT_MIGRATION_14 + "DROP TABLE watches; ALTER TABLE documents DROP COLUMN extracted_by; DROP TABLE votes;"
        "DROP INDEX documents_attachment; DROP INDEX meetings_names;"
        " ALTER TABLE documents DROP COLUMN attachment_of; ALTER TABLE positions DROP COLUMN votes;"
        "DROP INDEX items_copies; ALTER TABLE items DROP COLUMN same_as;"
        "ALTER TABLE import_runs DROP COLUMN pid; ALTER TABLE import_runs DROP COLUMN host;"
        "DROP TRIGGER passages_ai; DROP TRIGGER passages_ad; DROP TRIGGER items_bd; DROP TABLE passages_fts;"
        "DROP TABLE items_fts; DROP VIEW item_documents; DROP VIEW passage_documents; DROP INDEX passages_lookup;"
        "UPDATE passages SET stems = referat_stems(text), parts = referat_parts(text);"
        "ALTER TABLE passages DROP COLUMN indexed_text;"
    )
    connection.executescript(_V1[_V1.index("CREATE VIRTUAL TABLE passages_fts") :])
    connection.executescript(
        "INSERT INTO passages_fts(passages_fts) VALUES ('rebuild');" + _V2 + "PRAGMA user_version = 3;"
    )
    connection.close()
