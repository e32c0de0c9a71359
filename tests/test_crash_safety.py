"""`referat import` killed with SIGKILL at seeded-random moments, 20 times and more.

Each trial runs the real command in its own process group and kills the group (the
parent and its workers) while it starts, hashes, extracts, stores a document or records
a failure; the archive must then pass `PRAGMA integrity_check`, hold only whole
documents (their rows in every table equal a reference import's, no orphans), and the
next run must resume: a run that is not killed imports exactly the missing files and
leaves the archive equal to the reference. tests/crash_trials.py holds the loop and the
checks; `python bench/kill_trials.py` runs it 100 times or more.

A failure names the trial, its chain, the kill (mode and moment) and where it landed.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from crash_trials import COUNTED, ArchiveState, compare, inspect, reference_import, run_trials, write_documents

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads SQLite's locks through fcntl and /proc (Linux)")
pytest.importorskip("reportlab", reason="the generated PDFs need reportlab (the test extra)")

SEED = 20260226
KILLS = 20
MID_STORE = 3  # kills that must land while a document is being stored
GENERATED = 18  # plus the 5 corpus documents and one PDF that fails


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return write_documents(tmp_path_factory.mktemp("crash") / "docs", GENERATED, seed=SEED)[0].parent


@pytest.fixture(scope="module")
def reference(folder, tmp_path_factory):
    """The same folder imported once, not killed: what every stored document must equal."""
    return reference_import(folder, tmp_path_factory.mktemp("reference") / "reference.db", workers=1)


def test_reference_import_is_what_the_trials_need(reference):
    assert len(reference.state.documents) == GENERATED + 5 and reference.failed == 1
    for stored in reference.state.documents.values():
        counts = dict(zip(COUNTED, stored.counts, strict=True))
        assert counts["meetings"] >= 1 and counts["items"] >= 5 and counts["passages"] > counts["items"], (
            stored.path,
            counts,
        )
        assert counts["passages_fts"] == counts["passages"] and counts["items_fts"] == counts["items"]


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_whole_documents_and_a_rerun_imports_exactly_the_rest(
    folder, reference, tmp_path
):
    lines: list[str] = []

    def report(trial) -> None:
        lines.append(trial.line())
        print(lines[-1])

    totals = run_trials(
        folder, tmp_path, reference, kills=KILLS, seed=SEED, workers=(1, 2), report=report, mid_store=MID_STORE
    )
    print(totals.summary())
    failed = [trial.line() for trial in totals.trials if trial.problems]
    assert not failed, "\n".join(failed + ["", totals.summary()])
    assert len(totals.kills) >= KILLS, totals.summary()
    # The kills are spread: some land in the middle of storing a document, some elsewhere.
    assert totals.landed("mid-store") >= MID_STORE, totals.summary()
    assert len(totals.kills) - totals.landed("mid-store") >= 3, totals.summary()
    # Every chain ended with a run that was not killed and passed the resume check, and
    # some of those found an archive that killed runs had partly filled.
    ends = [trial for trial in totals.trials if not trial.outcome.killed]
    assert len(ends) == len({trial.chain for trial in totals.trials}), totals.summary()
    assert any(0 < trial.stored_before < len(reference.state.documents) for trial in ends), totals.summary()


def test_the_checks_see_a_half_imported_document_and_orphans(reference, tmp_path):
    """The checker is not vacuous: rows taken out of one stored document are seen."""
    database = tmp_path / "broken.db"
    shutil.copy(reference.database, database)
    connection = sqlite3.connect(database, isolation_level=None)
    item_id = connection.execute(
        "SELECT id FROM items WHERE id IN (SELECT item_id FROM sections) ORDER BY id LIMIT 1"
    ).fetchone()[0]
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("DELETE FROM sections WHERE id = (SELECT min(id) FROM sections WHERE item_id = ?)", (item_id,))
    connection.execute("DELETE FROM meetings WHERE id = (SELECT max(id) FROM meetings)")  # its items stay, orphaned
    connection.close()
    problems = compare(inspect(database), reference.state, ArchiveState())
    assert any(p.startswith("half-imported:") and "'sections'" in p for p in problems), problems
    assert any(p.startswith("integrity:") and "items without their meeting" in p for p in problems), problems
    assert any(p.startswith("integrity:") and "passages without their section" in p for p in problems), problems
