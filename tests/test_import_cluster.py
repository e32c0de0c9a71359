"""`referat import --cluster`: extraction on a Dask cluster's workers, storing here (issue 14).

A local cluster of two worker processes (one thread each) stands in for machines: the
distributed import must give the same archive as the local one (documents, items,
passages), resume an interrupted run without storing anything twice, and report a file
that fails, or runs past its time limit on a worker, with its reason.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_documents import minutes_text, write_minutes
from click.testing import CliRunner

pytest.importorskip("distributed", reason="the cluster extra (dask.distributed) is not installed")

import referat  # noqa: E402
from referat.archive import open_archive  # noqa: E402
from referat.archive.cluster import ClusterAddress, ClusterError, parse_cluster, start_local_cluster  # noqa: E402
from referat.archive.importer import import_paths  # noqa: E402
from referat.cli import main  # noqa: E402
from referat.extract import extract_or_reason  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
# A PDF's header and nothing a PDF reader can open.
CORRUPT_PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer garbage\n"


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A scheduler and two worker processes on this machine, for the module's tests."""
    local = start_local_cluster(2)
    try:
        yield local.scheduler_address
    finally:
        local.close()


def archive_contents(database: Path) -> dict[str, object]:
    """What two imports of the same files must agree on: the rows' counts, each document's
    stored JSON by its hash, the (document hash, item number, title) of every item and the
    text of every passage."""
    connection = sqlite3.connect(database)
    try:
        tables = ("documents", "meetings", "items", "sections", "decisions", "statements", "passages")
        return {
            "counts": {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables},
            "documents": dict(connection.execute("SELECT sha256, json FROM documents")),
            "items": Counter(
                connection.execute(
                    "SELECT d.sha256, i.number, i.title FROM items i JOIN meetings m ON m.id = i.meeting_id"
                    " JOIN documents d ON d.id = m.document_id"
                )
            ),
            "passages": Counter(text for (text,) in connection.execute("SELECT text FROM passages")),
            "errors": sorted(connection.execute("SELECT path, reason FROM import_errors")),
        }
    finally:
        connection.close()


def import_both_ways(tmp_path: Path, paths: list[str], cluster: str) -> tuple[dict, dict]:
    """The same files imported by the local worker processes and by the cluster, each into an archive of its own."""
    contents = []
    for name, options in (("local.db", {"workers": 2}), ("cluster.db", {"cluster": cluster})):
        with open_archive(str(tmp_path / name)) as archive:
            summary = import_paths(archive, paths, **options)
        assert summary.imported > 0 and not summary.interrupted
        contents.append(archive_contents(tmp_path / name))
    return contents[0], contents[1]


def test_the_cluster_gives_the_archive_the_local_import_gives(tmp_path, cluster):
    local, distributed = import_both_ways(tmp_path, [str(REPO / "corpus")], cluster)
    assert local["counts"]["documents"] > 250 and local["counts"]["passages"] > 3000
    assert distributed == local


@pytest.mark.slow
def test_the_cluster_gives_the_same_archive_of_the_shared_documents(tmp_path, cluster, shared):
    # (slow: the scanned parish books are read by OCR; some 2 minutes each way on 2 cores)
    paths = [str(shared / "seeds"), str(shared / "corpus-real")]
    local, distributed = import_both_ways(tmp_path, paths, cluster)
    assert local["counts"]["documents"] >= 80
    assert distributed == local


def test_a_resumed_run_stores_nothing_twice(tmp_path, cluster):
    folder = tmp_path / "docs"
    write_minutes(folder, 8)
    database = tmp_path / "a.db"

    def stop_after_three(summary, path) -> None:
        if summary.imported == 3:
            raise KeyboardInterrupt  # as Ctrl-C would, between two stored documents

    with open_archive(str(database)) as archive:
        first = import_paths(archive, [str(folder)], cluster=cluster, progress=stop_after_three)
        second = import_paths(archive, [str(folder)], cluster=cluster)
        rows = archive.connection.execute("SELECT status, imported, skipped FROM import_runs ORDER BY id")
        runs = [tuple(row) for row in rows]
    assert first.interrupted and first.imported == 3
    assert (second.imported, second.skipped, second.failed) == (5, 3, 0)
    assert runs == [("interrupted", 3, 0), ("done", 5, 3)]
    with open_archive(str(tmp_path / "once.db")) as archive:
        import_paths(archive, [str(folder)], cluster=cluster)
    resumed, once = archive_contents(database), archive_contents(tmp_path / "once.db")
    assert resumed["counts"] == once["counts"] and resumed["counts"]["documents"] == 8
    assert resumed["items"] == once["items"] and resumed["passages"] == once["passages"]


def test_a_corrupt_pdf_is_reported_with_its_reason_and_the_rest_stored(tmp_path, cluster):
    folder = tmp_path / "docs"
    write_minutes(folder, 2)
    corrupt = folder / "beskadiget.pdf"
    corrupt.write_bytes(CORRUPT_PDF)
    reason = extract_or_reason(str(corrupt))[1]  # what a local import says of it
    assert reason
    database = tmp_path / "a.db"
    with open_archive(str(database)) as archive:
        summary = import_paths(archive, [str(folder)], cluster=cluster)
        run = tuple(archive.connection.execute("SELECT status, files, imported, failed FROM import_runs").fetchone())
        report = archive.run_report(None)
    assert summary.failures == [(str(corrupt), reason)]
    assert (summary.imported, summary.failed) == (2, 1)
    assert run == ("done", 3, 2, 1)
    assert archive_contents(database)["errors"] == [(str(corrupt), reason)]
    assert reason in str(report)


def test_the_cluster_writes_to_postgresql_as_to_sqlite(tmp_path, cluster, pg_url):
    # The writer is the same code for both back ends (store_prepared); so is the resume.
    folder = tmp_path / "docs"
    write_minutes(folder, 4)
    (folder / "beskadiget.pdf").write_bytes(CORRUPT_PDF)
    outcomes = []
    for location in (str(tmp_path / "a.db"), pg_url):
        with open_archive(location) as archive:
            summary = import_paths(archive, [str(folder)], cluster=cluster)
            again = import_paths(archive, [str(folder)], cluster=cluster)
            outcomes.append((summary.imported, summary.failures, again.skipped, again.imported, archive.counts()))
    assert outcomes[0][:4] == (4, [(str(folder / "beskadiget.pdf"), outcomes[0][1][0][1])], 4, 0)
    assert outcomes[1] == outcomes[0]


def test_files_sent_by_scatter_are_stored_the_same(tmp_path, cluster, monkeypatch):
    # (files over SCATTER_BYTES travel to the workers with scatter, not inside their task)
    import referat.archive.cluster as cluster_module

    folder = tmp_path / "docs"
    write_minutes(folder, 3)
    with open_archive(str(tmp_path / "task.db")) as archive:
        assert import_paths(archive, [str(folder)], cluster=cluster).imported == 3
    monkeypatch.setattr(cluster_module, "SCATTER_BYTES", 0)
    with open_archive(str(tmp_path / "scatter.db")) as archive:
        assert import_paths(archive, [str(folder)], cluster=cluster).imported == 3
    assert archive_contents(tmp_path / "scatter.db") == archive_contents(tmp_path / "task.db")


def test_a_file_over_its_time_limit_fails_on_the_worker_and_the_import_goes_on(tmp_path, cluster):
    # 50 ms is less than a 400-item document takes: each file's child process on the worker
    # is killed at the limit (the worker's start-up does not count) and the run ends.
    paths = write_minutes(tmp_path / "docs", 2, items=400)
    with open_archive(str(tmp_path / "a.db")) as archive:
        summary = import_paths(archive, [str(p) for p in paths], cluster=cluster, timeout=0.05)
        assert (summary.imported, summary.failed) == (0, 2)
        assert [reason for _, reason in summary.failures] == ["timed out after 0.05 s (see --timeout)"] * 2
        assert archive.counts()["import_errors"] == 2


def test_the_cli_imports_on_a_local_cluster_and_says_what_failed(tmp_path):
    folder = tmp_path / "docs"
    write_minutes(folder, 2)
    (folder / "tom.pdf").write_bytes(b"")
    database = tmp_path / "a.db"
    result = CliRunner().invoke(main, ["import", str(folder), "--archive", str(database), "--cluster", "local:1"])
    assert result.exit_code == 1, result.output + result.stderr
    assert result.stderr.splitlines() == [f"referat: {folder / 'tom.pdf'}: empty file (0 bytes)"]
    assert "imported 2, skipped 0 (already in the archive), failed 1 of 3 files" in result.stdout


def test_without_dask_the_cluster_option_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    database = tmp_path / "a.db"
    result = CliRunner().invoke(main, ["import", str(tmp_path), "--archive", str(database), "--cluster", "local:2"])
    assert result.exit_code == 2
    assert result.stderr == "referat: --cluster needs the 'cluster' extra: pip install 'referat[cluster]'\n"
    assert not database.exists()


def test_cluster_addresses():
    assert parse_cluster("tcp://scheduler:8786") == ClusterAddress(scheduler="tcp://scheduler:8786")
    assert parse_cluster("local:3") == ClusterAddress(local_workers=3)
    for wrong in ("scheduler:8786", "local:0", "local", "http://x:1"):
        with pytest.raises(ValueError):
            parse_cluster(wrong)
    result = CliRunner().invoke(main, ["import", ".", "--cluster", "local:zwei"])
    assert result.exit_code == 2 and "neither a scheduler address" in result.stderr
    result = CliRunner().invoke(main, ["import", ".", "--cluster", "local:2", "--workers", "2"])
    assert result.exit_code == 2 and "--workers" in result.stderr


def test_a_scheduler_out_of_reach_is_one_line(tmp_path, monkeypatch):
    import referat.archive.cluster as cluster_module

    monkeypatch.setattr(cluster_module, "CONNECT_SECONDS", 1)
    database = tmp_path / "a.db"
    result = CliRunner().invoke(
        main, ["import", str(tmp_path), "--archive", str(database), "--cluster", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert len(result.stderr.splitlines()) == 1
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT status FROM import_runs").fetchall() == [("failed",)]


def test_workers_with_another_referat_are_refused(tmp_path, cluster, monkeypatch):
    monkeypatch.setattr(referat, "__version__", "0.0.1")
    with open_archive(str(tmp_path / "a.db")) as archive, pytest.raises(ClusterError, match="same version"):
        import_paths(archive, [str(tmp_path)], cluster=cluster)


# -- processes that die ----------------------------------------------------------------------


def _our_extracting_children() -> list[int]:
    """The child processes that extract on this test's Dask workers (cluster_worker.py),
    found by their command line and their interpreter (this test's)."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/cmdline", "rb") as handle:
                command = handle.read().split(b"\0")
        except OSError:
            continue
        if command[:3] == [os.fsencode(sys.executable), b"-m", b"referat.archive.cluster_worker"]:
            found.append(int(entry.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="finds the workers' children in /proc (Linux)")
def test_a_child_that_dies_on_a_worker_fails_its_file_alone(tmp_path, cluster):
    # Killed from outside with SIGKILL, as the out-of-memory killer would: the file fails
    # with the reason, and the worker starts a fresh child for the next one.
    folder = tmp_path / "docs"
    write_minutes(folder, 2)
    long_file = tmp_path / "lang.txt"
    long_file.write_text(minutes_text(99, items=6000), encoding="utf-8")
    with open_archive(str(tmp_path / "a.db")) as archive:
        assert import_paths(archive, [str(folder)], cluster=cluster).imported == 2  # both workers' children ready
        busy = set(_our_extracting_children())
        assert len(busy) >= 2

        def kill_when_busy() -> None:
            time.sleep(1.0)  # long enough for the file to be on a child, far shorter than it takes
            for pid in busy:
                os.kill(pid, signal.SIGKILL)

        threading.Thread(target=kill_when_busy, daemon=True).start()
        summary = import_paths(archive, [str(long_file)], cluster=cluster)
        assert summary.failures == [(str(long_file), "worker process died while reading it (SIGKILL (out of memory?))")]
        more = [tmp_path / f"mere-{index}.txt" for index in range(3)]
        for index, path in enumerate(more):
            path.write_text(minutes_text(50 + index), encoding="utf-8")  # (not the bytes of the first two)
        after = import_paths(archive, [str(path) for path in more], cluster=cluster)
        assert (after.imported, after.failed) == (3, 0)  # fresh children took them


def _processes_in_group(group: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
                if int(fields[2]) == group and fields[0] != b"Z":
                    found.append(int(entry.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="finds the import's processes in /proc (Linux)")
def test_a_killed_distributed_import_resumes_and_stores_nothing_twice(tmp_path, cluster):
    folder = tmp_path / "docs"
    write_minutes(folder, 24, items=80)
    database = tmp_path / "a.db"
    command = [sys.executable, "-m", "referat", "import", str(folder), "--archive", str(database), "-q"]
    process = subprocess.Popen(
        [*command, "--cluster", "local:2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    stored = 0
    deadline = time.monotonic() + 120
    while stored < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(database)) as connection:
            stored = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert process.poll() is None, "the import ended before it could be killed"
    process.kill()  # SIGKILL: no chance to finish anything
    process.wait(timeout=10)
    # The local cluster's processes (its workers and their children) notice that the
    # import is gone, and go too.
    deadline = time.monotonic() + 60
    while (left := _processes_in_group(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.5)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # (not to leave them running if they did not)
    assert left == []
    with open_archive(str(database)) as archive:
        killed = archive.counts()["documents"]
        assert 3 <= killed < 24
        resumed = import_paths(archive, [str(folder)], cluster=cluster)
        assert (resumed.imported, resumed.skipped, resumed.failed) == (24 - killed, killed, 0)
        statuses = [row[0] for row in archive.connection.execute("SELECT status FROM import_runs ORDER BY id")]
    assert statuses == ["killed", "done"]
    with open_archive(str(tmp_path / "once.db")) as archive:
        import_paths(archive, [str(folder)], cluster=cluster)
    after, once = archive_contents(database), archive_contents(tmp_path / "once.db")
    assert after["counts"] == once["counts"] and after["counts"]["documents"] == 24
    assert after["items"] == once["items"] and after["passages"] == once["passages"]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS (Linux)")
def test_a_file_over_the_memory_ceiling_fails_on_the_worker_and_says_so(tmp_path, cluster):
    # A DOCX of 250 000 paragraphs (60 MB of document.xml, a small file): building its tree
    # is more than a child with the pipeline loaded may hold under --max-memory 512.
    from hostile.generate import _document_chunks, _zip_with_streamed_document

    unit = (
        "<w:p><w:r><w:t>" + "Udvalget drøftede sagen om budgettet og økonomiaftalen. " * 4 + "</w:t></w:r></w:p>"
    ).encode()
    docx = tmp_path / "lang.docx"
    with open(docx, "wb") as handle:
        _zip_with_streamed_document(_document_chunks(60 << 20, unit), handle, zip64=False)
    others = write_minutes(tmp_path / "docs", 2)
    with open_archive(str(tmp_path / "a.db")) as archive:
        paths = [str(docx), *map(str, others)]
        summary = import_paths(archive, paths, cluster=cluster, max_memory_mb=512)
    assert summary.failures == [(str(docx), "ran out of memory while reading (over the --max-memory ceiling)")]
    assert summary.imported == 2


@contextlib.contextmanager
def scheduler_and_workers(folder: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`dask scheduler` and `dask worker` (two processes, one thread each) started apart, as
    README says, on the loopback interface: the scheduler's address and its process."""
    address_file = folder / "scheduler.json"
    started: list[subprocess.Popen] = []
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "start_new_session": True}
    try:
        scheduler = [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0"]
        scheduler += ["--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(address_file)]
        started.append(subprocess.Popen(scheduler, **quiet))
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(address_file.read_text())["address"]
        worker = [sys.executable, "-m", "distributed.cli.dask_worker", address, "--host", "127.0.0.1"]
        started.append(subprocess.Popen([*worker, "--nworkers", "2", "--nthreads", "1"], **quiet))
        yield address, started[0]
    finally:
        for process in reversed(started):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


@pytest.mark.slow
def test_the_readme_commands_a_scheduler_and_workers_started_apart(tmp_path):
    # `referat import --cluster tcp://…` run twice: the second run stores nothing.
    folder = tmp_path / "docs"
    write_minutes(folder, 5)
    database = tmp_path / "a.db"
    command = [sys.executable, "-m", "referat", "import", str(folder), "--archive", str(database)]
    with scheduler_and_workers(tmp_path) as (address, _):
        first = subprocess.run([*command, "--cluster", address], capture_output=True, text=True, timeout=180)
        second = subprocess.run([*command, "--cluster", address], capture_output=True, text=True, timeout=180)
    assert first.returncode == 0, first.stderr
    assert "imported 5, skipped 0 (already in the archive), failed 0 of 5 files" in first.stdout
    assert second.returncode == 0, second.stderr
    assert "imported 0, skipped 5 (already in the archive), failed 0 of 5 files" in second.stdout


@pytest.mark.slow
def test_a_scheduler_lost_mid_run_ends_the_run_in_one_sentence(tmp_path):
    # The scheduler killed after two documents are stored: the client gives up reconnecting
    # (after 3 s here; Dask's default is 30 s), the run is recorded as failed, what was
    # stored stays, and the files it had not stored are not recorded as failures.
    import dask

    folder = tmp_path / "docs"
    write_minutes(folder, 30, items=40)
    with scheduler_and_workers(tmp_path) as (address, scheduler):

        def kill_the_scheduler(summary, path) -> None:
            if summary.imported == 2:
                os.killpg(scheduler.pid, signal.SIGKILL)

        with (
            dask.config.set({"distributed.comm.timeouts.connect": "3s"}),
            open_archive(str(tmp_path / "a.db")) as archive,
            pytest.raises(ClusterError, match="lost the Dask scheduler at .*run the same command again"),
        ):
            import_paths(archive, [str(folder)], cluster=address, progress=kill_the_scheduler)
        with open_archive(str(tmp_path / "a.db")) as archive:
            status = archive.connection.execute("SELECT status FROM import_runs").fetchone()[0]
            counts = archive.counts()
    assert status == "failed"
    assert 2 <= counts["documents"] < 30 and counts["import_errors"] == 0
