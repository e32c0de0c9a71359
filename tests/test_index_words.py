"""The index's words stemmed where a document is extracted (archive/document_words.py,
issue 11): the import's workers send the stems and tails of a document's words with it,
the parent looks each word up instead of stemming it in its write transaction, and the
archive is the same as when the parent stems them, row for row and term for term.
(That the parent then stems nothing, and that the stemming is under --timeout: in
test_import_limits.py.)"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from archive_documents import minutes_text

from referat.archive import open_archive
from referat.archive.document_words import document_words, holder_title
from referat.archive.importer import import_paths
from referat.archive.pool import _extract_for_archive
from referat.archive.text import IndexWords, words
from referat.extract import extract_or_reason
from referat.models import Document

REPO = Path(__file__).resolve().parent.parent

# Our corpus, and development documents whose meeting has no items and no title: the
# archive titles it by its first line cut at 120 characters, which cuts a word.
DOCUMENTS = [
    *sorted((REPO / "corpus").glob("*.pdf")),
    REPO / "corpus" / "byraad-acadre-referat.docx",
    REPO / "corpus" / "real-dev" / "bronderslev-2020-referat.txt",
    REPO / "corpus" / "real-dev2" / "hvidovre-2019-dagsorden.txt",
]

# Minutes with a closed item (the archive keeps its title only), a sub-item, the meeting's
# own body named in the text (blanked out of the index) and a word longer than a compound.
WRITTEN = """\
Teknik- og Miljøudvalget
Referat
Mødedato
4. marts 2025

Punkt 1 Trafiksikkerhedsplan for skolevejene
Sagsfremstilling
Teknik- og Miljøudvalgets trafiksikkerhedsplan omfatter fartdæmpning ved alle skoler.
1.a Cykelstier langs Skolevej
Anlægget af cykelstierne finansieres af anlægspuljen. {long}
Beslutning
Godkendt.

Punkt 2 (Fortrolig) Erstatningssag vedrørende vejskade
Sagsfremstilling
Skadelidte kræver erstatning for en ødelagt forhjulsophæng.
Beslutning
Godkendt.
""".format(long="vejbelysningsrenoveringsprojektet" * 3)


def _documents(folder: Path, more: list[Path] = ()) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = folder / "teknik-2025-03-04.txt"
    written.write_text(WRITTEN, encoding="utf-8")
    minutes = folder / "sundhed-2026-02-01.txt"
    minutes.write_text(minutes_text(1, items=3), encoding="utf-8")
    return [*DOCUMENTS, *more, written, minutes]


def index_rows(database: Path) -> dict[str, list[tuple]]:
    """Everything search reads of the index: the passages with their index columns, the
    items' rows as the item index holds them (item_documents), the terms of both FTS5
    indexes with their positions, and the indexes' segments as stored (their bytes)."""
    connection = sqlite3.connect(database)
    try:
        rows = {
            "passages": connection.execute("SELECT * FROM passages ORDER BY id").fetchall(),
            "item_documents": connection.execute("SELECT * FROM item_documents ORDER BY id").fetchall(),
        }
        for index in ("passages_fts", "items_fts"):
            connection.execute(f"CREATE VIRTUAL TABLE temp.{index}_terms USING fts5vocab(main, {index}, instance)")
            rows[index] = connection.execute(
                f"SELECT term, doc, col, offset FROM temp.{index}_terms ORDER BY term, doc, col, offset"
            ).fetchall()
            rows[f"{index}_data"] = connection.execute(f"SELECT id, block FROM {index}_data ORDER BY id").fetchall()
        return rows
    finally:
        connection.close()


def _one_stem_wrong(table: IndexWords) -> dict[str, tuple[str, str]]:
    """The table with the word 'godkendt' left unstemmed: what a table from another stemmer
    would hold."""
    return {word: (word, tails) if word == "godkendt" else (stemmed, tails) for word, (stemmed, tails) in table.items()}


def test_stems_from_the_worker_store_what_the_parent_would_store(tmp_path):
    paths = _documents(tmp_path / "docs")
    sent = [_extract_for_archive(str(path)) for path in paths]  # what a worker sends
    assert all(done.payload and done.index_words for done in sent), [done.reason for done in sent]
    tables = {
        "worker": [done.index_words for done in sent],
        "parent": [None for _ in sent],
        "wrong": [_one_stem_wrong(done.index_words) for done in sent],
    }
    for way, tables_of_way in tables.items():
        with open_archive(str(tmp_path / f"{way}.db")) as archive:
            for done, table in zip(sent, tables_of_way, strict=True):
                document = Document.model_validate_json(done.payload)
                assert archive.store_document(document, path=done.path, index_words=table) == "imported"
    by_parent = index_rows(tmp_path / "parent.db")
    assert len(by_parent["passages"]) > 100 and len(by_parent["items_fts"]) > 10_000
    assert index_rows(tmp_path / "worker.db") == by_parent
    # ... and the comparison sees a single wrong stem in a table.
    wrong = index_rows(tmp_path / "wrong.db")
    assert wrong["passages"] != by_parent["passages"] and wrong["items_fts"] != by_parent["items_fts"]


def test_the_table_holds_every_word_the_index_holds(tmp_path):
    # What lets the parent stem nothing: every word of every passage as indexed (the body's
    # name blanked out, a closed item reduced, a meeting's title cut at 120 characters).
    with open_archive(str(tmp_path / "a.db")) as archive:
        for path in _documents(tmp_path / "docs"):
            document, reason = extract_or_reason(str(path))
            assert document is not None, reason
            archive.store_document(document, path=str(path))
            indexed = archive.connection.execute(
                "SELECT coalesce(p.indexed_text, p.text) FROM passages p JOIN items i ON i.id = p.item_id"
                " JOIN meetings m ON m.id = i.meeting_id JOIN documents d ON d.id = m.document_id WHERE d.path = ?",
                (str(path),),
            ).fetchall()
            missing = {word for (text,) in indexed for word in words(text)} - document_words(document).keys()
            assert not missing, (path.name, sorted(missing)[:10])


def test_the_word_a_cut_title_ends_in_is_in_the_table():
    document, _ = extract_or_reason(str(REPO / "corpus" / "real-dev" / "bronderslev-2020-referat.txt"))
    assert document is not None
    meeting = next(meeting for meeting in document.meetings if meeting.sections and not meeting.title)
    cut = set(words(holder_title(meeting))) - set(words(meeting.sections[0].text))
    assert cut and cut <= document_words(document).keys()


@pytest.mark.slow
def test_an_import_through_the_workers_stores_what_the_parent_would_store(tmp_path):
    # The real pool, one worker (so the documents are stored in the order given), against
    # the same documents extracted and stored here without a table.
    development = sorted((REPO / "corpus" / "real-dev").glob("*.txt"))
    paths = [os.path.abspath(path) for path in dict.fromkeys(_documents(tmp_path / "docs", development))]
    with open_archive(str(tmp_path / "worker.db")) as archive:
        summary = import_paths(archive, paths, workers=1)
    assert (summary.imported, summary.failures) == (len(paths), [])
    with open_archive(str(tmp_path / "parent.db")) as archive:
        for path in paths:
            document, reason = extract_or_reason(path)
            assert document is not None, reason
            archive.store_document(document, path=path)
    assert index_rows(tmp_path / "worker.db") == index_rows(tmp_path / "parent.db")
