"""A document's rows prepared where it is extracted (archive/prepare.py, issue 11): the
import's workers send the rows the archive inserts (checked, closed items withheld,
passages cut per page, every word stemmed), the parent only inserts them, and the
archive is the same as when the parent prepares them itself (store_document), row for
row and term for term. (That the parent then parses, copies and stems nothing, and that
preparing is under --timeout: in test_import_limits.py.)"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from archive_documents import minutes_text

from referat.archive import open_archive
from referat.archive.importer import import_paths
from referat.archive.pool import _extract_for_archive
from referat.archive.prepare import PreparedDocument, PreparedItem
from referat.extract import extract_or_reason

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


# A body the table of bodies does not know, stored first in one spelling: the archive
# keeps that spelling for the other (same name_key) and blanks it out of that one's index.
SPELLED = """\
{body}
Referat
Mødedato
{day}. marts 2025

Punkt 1 Idrætshaller
Sagsfremstilling
Kultur- og fritidsudvalg drøftede hallerne; Kultur- og Fritidsudvalgets formand orienterede.
Beslutning
Kultur- og fritidsudvalg udsatte sagen.
"""


def _documents(folder: Path, more: list[Path] = ()) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = folder / "teknik-2025-03-04.txt"
    written.write_text(WRITTEN, encoding="utf-8")
    minutes = folder / "sundhed-2026-02-01.txt"
    minutes.write_text(minutes_text(1, items=3), encoding="utf-8")
    spelled = []
    for day, body in ((4, "Kultur- og fritidsudvalg"), (5, "Kultur- og Fritidsudvalget")):
        spelled.append(folder / f"kultur-2025-03-0{day}.txt")
        spelled[-1].write_text(SPELLED.format(body=body, day=day), encoding="utf-8")
    return [*DOCUMENTS, *more, written, minutes, *spelled]


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


def _one_stem_wrong(document: PreparedDocument) -> PreparedDocument:
    """The rows with the word 'godkendt' left unstemmed: what rows from another stemmer
    would hold."""

    def item(prepared: PreparedItem) -> PreparedItem:
        passages = [
            (*row[:7], " ".join("godkendt" if stem == "godkend" else stem for stem in row[7].split()), row[8])
            for row in prepared.passages
        ]
        return replace(prepared, passages=passages, subitems=[item(sub) for sub in prepared.subitems])

    meetings = [replace(meeting, items=[item(each) for each in meeting.items]) for meeting in document.meetings]
    return replace(document, meetings=meetings)


def test_rows_from_the_worker_store_what_the_parent_would_store(tmp_path):
    paths = _documents(tmp_path / "docs")
    sent = [_extract_for_archive(str(path)) for path in paths]  # what a worker sends
    assert all(done.prepared for done in sent), [done.reason for done in sent]
    ways = {
        "worker": [done.prepared for done in sent],
        "wrong": [_one_stem_wrong(done.prepared) for done in sent],
    }
    for way, prepared in ways.items():
        with open_archive(str(tmp_path / f"{way}.db")) as archive:
            for done, document in zip(sent, prepared, strict=True):
                assert archive.store_prepared(document, path=done.path) == "imported"
    with open_archive(str(tmp_path / "parent.db")) as archive:
        for path in paths:
            document, reason = extract_or_reason(str(path))
            assert document is not None, reason
            assert archive.store_document(document, path=str(path)) == "imported"
    by_parent = index_rows(tmp_path / "parent.db")
    assert len(by_parent["passages"]) > 100 and len(by_parent["items_fts"]) > 10_000
    assert index_rows(tmp_path / "worker.db") == by_parent
    # ... and the comparison sees a single wrong stem in the rows.
    wrong = index_rows(tmp_path / "wrong.db")
    assert wrong["passages"] != by_parent["passages"] and wrong["items_fts"] != by_parent["items_fts"]


def test_a_body_spelled_otherwise_in_the_archive_is_blanked_out_in_that_spelling(tmp_path):
    # The second file's body is stored in the first file's spelling (names.py), and that
    # spelling, not its own, is what its index leaves out: the rows its worker prepared
    # with its own spelling are indexed again.
    first, second = _documents(tmp_path / "docs")[-2:]
    with open_archive(str(tmp_path / "a.db")) as archive:
        for path in (first, second):
            done = _extract_for_archive(str(path))
            assert done.prepared is not None, done.reason
            archive.store_prepared(done.prepared, path=done.path)
        rows = archive.connection.execute(
            "SELECT m.body, p.indexed_text FROM passages p JOIN items i ON i.id = p.item_id"
            " JOIN meetings m ON m.id = i.meeting_id WHERE p.source = 'section' AND m.date = '2025-03-05'"
        ).fetchall()
    assert rows[0][0] == "Kultur- og fritidsudvalg"
    assert [indexed.split(";")[0].strip() for _, indexed in rows] == ["drøftede hallerne", "udsatte sagen."]


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
