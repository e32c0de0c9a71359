"""`referat import` on real files into real SQLite files: dedupe, changed files, failures
recorded and summarised, the per-file time limit, and resume after SIGKILL."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive_documents import execute, is_postgresql, minutes_text, rows, write_minutes
from click.testing import CliRunner

import referat
from referat.archive import open_archive
from referat.archive.importer import discover, import_paths
from referat.cli import main


def run_import(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "referat", "import", *args], capture_output=True, text=True, timeout=120
    )


def table_count(database: Path | str, table: str) -> int:
    return rows(database, f"SELECT count(*) FROM {table}")[0][0]


def assert_whole_documents(database: Path) -> None:
    """integrity_check ok, no orphans, and every document has all its meetings and items."""
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        # The passage index against its content; the item index (declared on items, which
        # holds no text: schema.py's ITEMS_FTS_V10) against itself and row for row.
        connection.execute("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)")
        connection.execute("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 0)")
        assert connection.execute(
            "SELECT count(*) FROM items FULL JOIN items_fts_docsize d ON d.id = items.id"
            " WHERE items.id IS NULL OR d.id IS NULL"
        ).fetchone() == (0,)
        for document_id, text in connection.execute("SELECT id, json FROM documents"):
            stored = json.loads(text)

            def count_items(items):
                return sum(1 + count_items(i["subitems"]) for i in items)

            meetings = connection.execute(
                "SELECT count(*) FROM meetings WHERE document_id = ?", (document_id,)
            ).fetchone()[0]
            items = connection.execute(
                "SELECT count(*) FROM items JOIN meetings ON meetings.id = items.meeting_id WHERE document_id = ?",
                (document_id,),
            ).fetchone()[0]
            assert meetings == len(stored["meetings"]) > 0
            assert items == sum(count_items(m["items"]) for m in stored["meetings"]) > 0
        orphans = connection.execute(
            "SELECT (SELECT count(*) FROM meetings WHERE document_id NOT IN (SELECT id FROM documents))"
            " + (SELECT count(*) FROM items WHERE meeting_id NOT IN (SELECT id FROM meetings))"
            " + (SELECT count(*) FROM sections WHERE item_id NOT IN (SELECT id FROM items))"
            " + (SELECT count(*) FROM passages WHERE item_id NOT IN (SELECT id FROM items))"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        connection.close()


def test_same_file_twice_is_one_document(tmp_path, new_archive):
    folder = tmp_path / "docs"
    (first,) = write_minutes(folder, 1)
    shutil.copy(first, folder / "copy-of-it.txt")
    database = new_archive
    result = CliRunner().invoke(main, ["import", str(folder), str(first), "--archive", str(database), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "imported 1, skipped 1" in result.output
    assert table_count(database, "documents") == 1
    result = CliRunner().invoke(main, ["import", str(folder), "--archive", str(database), "--workers", "1"])
    assert result.exit_code == 0 and "imported 0, skipped 2" in result.output
    assert table_count(database, "documents") == 1


@pytest.mark.slow
def test_a_changed_file_replaces_its_old_version(tmp_path):
    path = tmp_path / "referat.txt"
    path.write_text(minutes_text(1, words="Oprindelig tekst om cykelstier."), encoding="utf-8")
    database = str(tmp_path / "a.db")
    with open_archive(database) as archive:
        assert import_paths(archive, [str(path)], workers=1).imported == 1
        path.write_text(minutes_text(1, words="Ny tekst om letbanen."), encoding="utf-8")
        summary = import_paths(archive, [str(path)], workers=1)
        assert (summary.replaced, summary.imported, summary.skipped) == (1, 0, 0)
        assert archive.counts()["documents"] == 1
        assert archive.search("letbanen").hits and not archive.search("cykelstier").hits
    assert_whole_documents(Path(database))


@pytest.mark.slow
def test_reextract_redoes_what_an_older_referat_extracted_and_resumes(tmp_path, new_archive):
    folder = tmp_path / "docs"
    write_minutes(folder, 3)
    database = new_archive
    arguments = ["import", str(folder), "--archive", str(database), "--workers", "1"]
    assert CliRunner().invoke(main, arguments).exit_code == 0
    # Two of the three as an older version stored them (a run cut short would leave the third redone).
    execute(database, "UPDATE documents SET extracted_by = 'referat 0.1.0' WHERE path NOT LIKE ?", "%002.txt")
    result = CliRunner().invoke(main, arguments)
    assert "imported 0, skipped 3" in result.output  # without the flag an upgrade changes nothing
    result = CliRunner().invoke(main, [*arguments, "--reextract"])
    assert result.exit_code == 0 and "imported 2 (2 replaced), skipped 1" in result.output, result.output
    result = CliRunner().invoke(main, [*arguments, "--reextract"])
    assert "imported 0, skipped 3" in result.output
    assert rows(database, "SELECT DISTINCT extracted_by FROM documents") == [(f"referat {referat.__version__}",)]
    if not is_postgresql(database):
        assert_whole_documents(database)


def test_failures_are_recorded_and_summarised_and_the_rest_imported(tmp_path, new_archive):
    folder = tmp_path / "docs"
    write_minutes(folder, 3)
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "notes.md").write_text("# not minutes")  # folders give only PDF, DOCX, .doc and .txt
    (folder / "data.xml").write_text("<x/>")
    database = new_archive
    result = run_import(str(folder), "--archive", str(database), "--workers", "2")
    assert result.returncode == 1, result.stderr
    assert "empty.pdf: empty file (0 bytes)" in result.stderr
    assert "imported 3, skipped 0 (already in the archive), failed 1 of 4 files" in result.stdout
    assert table_count(database, "documents") == 3
    errors = rows(database, "SELECT path, reason FROM import_errors")
    (run,) = rows(database, "SELECT status, files, imported, failed FROM import_runs")
    assert [(Path(p).name, reason) for p, reason in errors] == [("empty.pdf", "empty file (0 bytes)")]
    assert run == ("done", 4, 3, 1)


def test_a_file_over_the_time_limit_fails_alone(tmp_path, new_archive):
    # A 50 ms limit is shorter than a 400-item document takes to extract (the worker's
    # start-up does not count, issue 11): every file times out, each is recorded, the
    # worker is replaced each time, and the run still ends.
    paths = write_minutes(tmp_path / "docs", 2, items=400)
    with open_archive(new_archive) as archive:
        summary = import_paths(archive, [str(p) for p in paths], workers=1, timeout=0.05)
        assert summary.failed == 2 and summary.imported == 0
        assert all("timed out after 0.05 s" in reason for _, reason in summary.failures)
        assert archive.counts()["import_errors"] == 2


def test_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["import"]).exit_code == 2
    assert runner.invoke(main, ["import", str(tmp_path / "missing")]).exit_code == 2
    assert runner.invoke(main, ["import", str(tmp_path), "--workers", "0"]).exit_code == 2


def test_discover_takes_documents_by_content(tmp_path):
    (tmp_path / "a.txt").write_text("Punkt 1 Velkomst")
    (tmp_path / "scan.bin").write_bytes(b"%PDF-1.7\n...")  # a PDF whatever its name
    (tmp_path / "README.md").write_text("# docs")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "referat.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert [Path(p).name for p in discover([str(tmp_path)])] == ["a.txt", "scan.bin"]


@pytest.mark.slow
def test_kill_9_mid_import_leaves_whole_documents_and_a_rerun_resumes(tmp_path):
    folder = tmp_path / "docs"
    write_minutes(folder, 48, items=60)
    database = tmp_path / "a.db"
    command = [sys.executable, "-m", "referat", "import", str(folder), "--archive", str(database), "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        stored = 0
        while time.monotonic() < deadline and process.poll() is None:
            if database.exists():
                try:
                    stored = table_count(database, "documents")
                except sqlite3.OperationalError:
                    stored = 0  # the schema is still being created
                if stored >= 3:
                    break
            time.sleep(0.01)
        assert process.poll() is None, "the import finished before it could be killed: make the documents larger"
        process.send_signal(signal.SIGKILL)  # the parent only, the harder case: its workers are orphaned
        process.wait(timeout=10)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    first = table_count(database, "documents")
    assert 3 <= first < 48
    assert_whole_documents(database)

    result = run_import(str(folder), "--archive", str(database), "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert f"skipped {first}" in result.stdout
    assert table_count(database, "documents") == 48
    assert table_count(database, "items") == 48 * 60
    assert_whole_documents(database)
    connection = sqlite3.connect(database)
    statuses = [row[0] for row in connection.execute("SELECT status FROM import_runs ORDER BY id")]
    connection.close()
    # The killed run never got to say so; the next run found its process gone.
    assert statuses == ["killed", "done"]


def test_progress_bar_draws_and_closes(tmp_path):
    from referat.terminal import ImportProgress

    paths = write_minutes(tmp_path / "docs", 2)
    with open_archive(str(tmp_path / "a.db")) as archive, ImportProgress(enabled=True) as progress:
        summary = import_paths(archive, [str(p) for p in paths], workers=1, progress=progress)
    assert summary.imported == 2 and summary.failed == 0


def test_a_republished_file_keeps_every_item_key(new_archive):
    from referat.extract import extract_bytes

    first = (
        "Økonomiudvalget\nReferat\nMødedato: 25. marts 2019\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n2. Budget 2020\nBeslutning\nGodkendt.\n"
    )
    corrected = first.replace("2020\nBeslutning\nGodkendt.", "2020\nBeslutning\nGodkendt med en rettelse.")
    with open_archive(new_archive) as archive:
        archive.store_document(extract_bytes("oeu.txt", first.encode()), path="oeu.txt")
        before = [r[0] for r in archive.connection.execute("SELECT key FROM items ORDER BY id")]
        assert archive.store_document(extract_bytes("oeu.txt", corrected.encode()), path="oeu.txt") == "replaced"
        after = [r[0] for r in archive.connection.execute("SELECT key FROM items ORDER BY id")]
        # another file of the same meeting (its agenda, say) gets keys of its own
        archive.store_document(extract_bytes("dagsorden.txt", (first + "\n").encode()), path="dagsorden.txt")
        both = [r[0] for r in archive.connection.execute("SELECT key FROM items ORDER BY id")]
    assert before == after == ["oekonomiudvalget.2019-03-25-1", "oekonomiudvalget.2019-03-25-2"]
    assert both[2:] == ["oekonomiudvalget.2019-03-25-1~2", "oekonomiudvalget.2019-03-25-2~2"]


def test_a_moved_file_imported_again_is_not_extracted_again_but_its_path_follows(tmp_path, new_archive):
    old_paths = write_minutes(tmp_path / "indbakke", 2)
    archive_path = new_archive
    with open_archive(archive_path) as archive:
        assert import_paths(archive, [str(p) for p in old_paths], workers=1).imported == 2
    shutil.move(str(tmp_path / "indbakke"), str(tmp_path / "arkiv"))
    (tmp_path / "kopi").mkdir()
    shutil.copy(tmp_path / "arkiv" / old_paths[0].name, tmp_path / "kopi" / old_paths[0].name)
    with open_archive(archive_path) as archive:
        summary = import_paths(archive, [str(tmp_path / "arkiv")], workers=1)
        assert (summary.imported, summary.skipped) == (0, 2)
        # a copy found while the stored file is where it was does not move the record
        assert import_paths(archive, [str(tmp_path / "kopi")], workers=1).skipped == 1
        stored = sorted(row[0] for row in archive.connection.execute("SELECT path FROM documents"))
    assert stored == sorted(str(tmp_path / "arkiv" / p.name) for p in old_paths)
