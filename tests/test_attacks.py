"""Hostile users and careless operators against the archive and the importer (issue 11):
each test is one attack, reproduced small, and what must hold. bench/attack.py runs the
same attacks through the real command line and prints held/broke."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive_documents import WITHOUT_MIGRATION_14, downgrade_to_schema_3, write_minutes
from click.testing import CliRunner

from referat.archive import SQLiteArchive, open_archive
from referat.archive.importer import import_paths
from referat.archive.paths import discover_files
from referat.archive.text import index_columns, stem, tails
from referat.cli import main
from referat.extract import extract_bytes


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("attack")
    write_minutes(folder / "docs", 2)
    database = folder / "a.db"
    result = invoke("import", str(folder / "docs"), "--archive", str(database), "--workers", "1", "-q")
    assert result.exit_code == 0, result.output
    return database


def _documents(database: Path) -> int:
    connection = sqlite3.connect(database)
    try:
        return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        connection.close()


# -- output paths that are the archive -------------------------------------------------


@pytest.mark.parametrize("how", ["same", "relative", "symlink", "hardlink", "wal"])
def test_export_refuses_to_write_over_the_archive(archive_file, how, tmp_path, monkeypatch):
    before = archive_file.read_bytes()
    output = str(archive_file)
    if how == "relative":
        monkeypatch.chdir(archive_file.parent)
        output = f"./{archive_file.name}"
    elif how == "symlink":
        os.symlink(archive_file, tmp_path / "link.jsonl")
        output = str(tmp_path / "link.jsonl")
    elif how == "hardlink":
        os.link(archive_file, tmp_path / "hard.jsonl")
        output = str(tmp_path / "hard.jsonl")
    elif how == "wal":
        output = str(archive_file) + "-wal"
    result = invoke("export", "--archive", str(archive_file), "-o", output)
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and "is the archive itself" in result.stderr, result.stderr
    assert archive_file.read_bytes() == before and _documents(archive_file) == 2
    assert not Path(output + ".part").exists()


# -- which paths an import reads ---------------------------------------------------------


def _import(*args: str, timeout: float = 120):
    return subprocess.run(
        [sys.executable, "-m", "referat", "import", "--workers", "1", "-q", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _searchable(database: Path, word: str) -> bool:
    connection = sqlite3.connect(database)
    try:
        return bool(connection.execute("SELECT 1 FROM passages_fts WHERE passages_fts MATCH ?", (word,)).fetchall())
    finally:
        connection.close()


def test_a_file_name_that_is_not_utf8_is_imported_and_the_rest_too(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    name = b"a-ref\xe6rat.txt".decode(sys.getfilesystemencoding(), "surrogateescape")
    (folder / name).write_text("Punkt 1 Velkomst\nReferat\nAlle bød velkommen.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Punkt 1 Budget\nReferat\nBudgettet blev godkendt.\n", encoding="utf-8")
    database = tmp_path / "a.db"
    result = _import(str(folder), "--archive", str(database))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert _documents(database) == 2
    connection = sqlite3.connect(database)
    paths = sorted(os.path.basename(row[0]) for row in connection.execute("SELECT path FROM documents"))
    connection.close()
    assert paths == ["a-ref\\xe6rat.txt", "b.txt"]  # escaped, and told apart from any other byte


def test_a_symlink_out_of_the_folder_is_not_followed_unless_asked(tmp_path):
    secret = tmp_path / "outside" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text("Punkt 1 Hemmeligt\nReferat\nrootkodeord blev nævnt.\n", encoding="utf-8")
    folder = tmp_path / "docs"
    write_minutes(folder, 1)
    os.symlink(secret, folder / "passwd.txt")
    os.symlink(tmp_path / "outside", folder / "ud")
    database = tmp_path / "a.db"
    result = _import(str(folder), "--archive", str(database))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all("symbolic link" in line for line in lines), lines
    assert _documents(database) == 1 and not _searchable(database, "rootkodeord")
    followed = _import(str(folder), "--archive", str(database), "--follow-symlinks")
    assert followed.returncode == 0, followed.stderr
    assert _searchable(database, "rootkodeord")


def test_a_link_inside_the_folder_is_read_once(tmp_path):
    folder = tmp_path / "docs"
    (first,) = write_minutes(folder, 1)
    os.symlink(first, folder / "same.txt")
    os.symlink(folder, folder / "loop")
    result = _import(str(folder), "--archive", str(tmp_path / "a.db"))
    assert result.returncode == 0, result.stderr
    assert _documents(tmp_path / "a.db") == 1


def test_fifos_and_devices_are_refused_with_a_line_and_never_opened(tmp_path):
    folder = tmp_path / "docs"
    write_minutes(folder, 1)
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(tmp_path / "named.txt")
    database = tmp_path / "a.db"
    result = _import(str(folder), str(tmp_path / "named.txt"), "/dev/zero", "--archive", str(database), timeout=60)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3, lines
    assert sum("FIFO" in line for line in lines) == 2 and sum("a character device" in line for line in lines) == 1
    assert _documents(database) == 1


def test_a_folder_tree_1200_deep_is_walked(tmp_path):
    deep = tmp_path / "docs"
    deep.mkdir()
    os.chdir(deep)  # a relative mkdir per level: the absolute path soon passes what one call takes
    try:
        for _ in range(1200):
            os.mkdir("d")
            os.chdir("d")
        Path("m.txt").write_text("Punkt 1 Dybt\nReferat\nDet dybeste referat.\n", encoding="utf-8")
    finally:
        os.chdir(tmp_path)
    try:
        found = discover_files([str(tmp_path / "docs")])
        assert len(found.files) == 1 and found.refused == []
    finally:
        _remove_deep_tree(tmp_path / "docs")


def _remove_deep_tree(top: Path) -> None:
    """Remove a tree too deep for shutil.rmtree (which recurses): down by chdir, up by rmdir."""
    here = os.getcwd()
    os.chdir(top)
    depth = 0
    while os.path.isdir("d"):
        os.chdir("d")
        depth += 1
    for name in os.listdir("."):
        os.remove(name)
    for _ in range(depth):
        os.chdir("..")
        os.rmdir("d")
    os.chdir(here)


def test_one_document_that_cannot_be_stored_does_not_stop_the_run(tmp_path, monkeypatch):
    folder = tmp_path / "docs"
    write_minutes(folder, 3)
    original = SQLiteArchive.store_prepared  # (an import stores the rows its workers prepared)

    def store(self, document, path=None, **options):
        if path and path.endswith("001.txt"):
            raise ValueError("a bad document")
        return original(self, document, path=path, **options)

    monkeypatch.setattr(SQLiteArchive, "store_prepared", store)
    with open_archive(str(tmp_path / "a.db")) as archive:
        summary = import_paths(archive, [str(folder)], workers=1)
    assert (summary.imported, summary.failed) == (2, 1), summary
    assert "a bad document" in summary.failures[0][1]


# -- per-document costs ------------------------------------------------------------------


def test_a_200_kb_word_is_indexed_in_linear_time_and_memory():
    # Found: every suffix of every long stem was a compound "tail": a 200 kB word gave
    # 20 GB of tails in the parent, inside the write transaction (the kernel killed it).
    word = "økonomiaftale" * 400  # 5 200 letters: 13 M characters of tails before, at once
    stems, parts = index_columns(f"Aftalen {word} gælder")
    assert len(stems) < 2 * len(word) and len(parts) < 100
    assert tails(stem("økonomiaftalen")) and not tails(stem(word))


def test_an_item_longer_than_spacys_max_length_is_enriched_in_pieces(monkeypatch):
    # Found: an item of more than 1 000 000 characters failed its whole document (spaCy's
    # max_length). The limit is lowered here so that the piece boundaries are many.
    from referat.extract.enrich import enrich_document
    from referat.extract.enrich.components import get_nlp

    sentence = "Kommunen afsætter 5 mio. kr. i 2026 til projektet.\n"
    text = "Punkt 1 Anlæg\nReferat\n" + sentence * 200 + "Beslutning\nGodkendt.\n"
    whole = extract_bytes("m.txt", text.encode(), enrich=False)
    monkeypatch.setattr(get_nlp(), "max_length", 1000)
    enriched = enrich_document(whole.model_copy(deep=True))
    item = enriched.meetings[0].items[0]
    assert len(item.amounts) == 200 and all(amount.value == 5_000_000 for amount in item.amounts)


# -- the archive file: read commands never write, foreign and damaged files, locks -------

READ_COMMANDS = [
    ["search", "budget"],
    ["export"],
    ["report"],
    ["actors"],
    ["amounts"],
    ["who-said", "KL"],
    ["show", "x-1-1"],
]


def _one_line_error(result, *words: str) -> None:
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert len(result.stderr.splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize("kind", ["foreign", "garbage", "empty", "empty-sqlite"])
def test_a_file_that_is_not_an_archive_is_refused_and_left_as_it_is(tmp_path, kind):
    write_minutes(tmp_path / "docs", 1)
    (tmp_path / "a").mkdir()
    path = tmp_path / "a" / "x.db"
    if kind == "foreign":
        connection = sqlite3.connect(path)
        connection.executescript("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
        connection.close()
    elif kind == "garbage":
        path.write_bytes(os.urandom(8192))
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        sqlite3.connect(path).execute("PRAGMA user_version = 0").connection.close()
    before = path.read_bytes()
    for command in READ_COMMANDS:
        _one_line_error(invoke(*command, "--archive", str(path)), str(path), "archive")
    if kind in ("foreign", "garbage"):  # import refuses them too; an empty file becomes an archive
        _one_line_error(invoke("import", str(tmp_path / "docs"), "--archive", str(path)), "not a referat archive")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["x.db"]  # no -wal, no -journal


def test_read_commands_never_write_the_archive(archive_file):
    before = archive_file.read_bytes(), archive_file.stat().st_mtime_ns
    for command in READ_COMMANDS:
        invoke(*command, "--archive", str(archive_file))
    assert (archive_file.read_bytes(), archive_file.stat().st_mtime_ns) == before


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file (not the header), as a bad disk block would."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for number in range(2, len(data) // page, 3):
        data[number * page : number * page + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def test_a_damaged_archive_is_one_line_for_every_command_and_import_does_not_succeed(tmp_path):
    folder = tmp_path / "docs"
    write_minutes(folder, 3)
    database = tmp_path / "a.db"
    assert invoke("import", str(folder), "--archive", str(database), "--workers", "1", "-q").exit_code == 0
    _damage(database)
    for command in READ_COMMANDS[:3]:
        result = invoke(*command, "--archive", str(database))
        assert (
            "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
        ), result.exception
        if result.exit_code:  # a command that reads no damaged page may still answer
            _one_line_error(result, str(database))
    (more,) = write_minutes(tmp_path / "more", 1)
    result = invoke("import", str(more), "--archive", str(database), "--workers", "1", "-q")
    _one_line_error(result, "damaged")


def test_a_truncated_archive_is_found_damaged_by_reading_commands(tmp_path, archive_file):
    copy = tmp_path / "cut.db"
    data = archive_file.read_bytes()
    copy.write_bytes(data[: len(data) // 2 + 100])
    _one_line_error(invoke("search", "budget", "--archive", str(copy)), "damaged")


# A child that waits for a common moment, then opens (creates or upgrades) the archive.
_OPEN_AT = """
import sys, time
from referat.archive import open_archive
while time.time() < float(sys.argv[2]):
    time.sleep(0.001)
with open_archive(sys.argv[1]):
    pass
"""


def _open_at_once(path: Path, processes: int = 4) -> list[subprocess.CompletedProcess]:
    start = str(time.time() + 1.0)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN_AT, str(path), start],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    return [(child.wait(timeout=120), child.stderr.read()) for child in children]


def test_two_commands_creating_or_upgrading_an_archive_at_once_both_succeed(tmp_path):
    for trial in range(5):
        results = _open_at_once(tmp_path / f"new-{trial}.db")
        assert results == [(0, "")] * 4, results
    old = tmp_path / "old.db"
    with open_archive(str(old)) as archive:
        archive.store_document(extract_bytes("m.txt", b"Punkt 1 Velkomst\nReferat\nGodkendt."))
    for _trial in range(3):
        downgrade_to_schema_3(old)
        results = _open_at_once(old)
        assert results == [(0, "")] * 4, results


def test_a_command_that_waits_too_long_for_the_write_lock_says_the_archive_is_busy(archive_file, tmp_path, monkeypatch):
    import referat.archive.core

    monkeypatch.setattr(referat.archive.core, "BUSY_SECONDS", 0.2)
    (more,) = write_minutes(tmp_path / "more", 1)
    holder = sqlite3.connect(archive_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = invoke("import", str(more), "--archive", str(archive_file), "--workers", "1", "-q")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _one_line_error(result, "is busy")


# -- withheld text leaves the file -------------------------------------------------------

SECRET_MINUTES = """\
Økonomiudvalget
Referat
Mødedato
12. marts 2025
Punkt 1 Budgetopfølgning
Sagsfremstilling
Borgeren med cpr 010203-4321 klagede over budgetopfølgningen.
Beslutning
Taget til efterretning.
Punkt 2 (Fortrolig) Køb af ejendom
Sagsfremstilling
Sælger xylofonhemmelighed har accepteret tilbudsprisen på kvadratkilometerprisen.
Beslutning
Godkendt.
"""


def _file_bytes(database: Path) -> bytes:
    return b"".join(path.read_bytes() for path in database.parent.glob(database.name + "*"))


@pytest.mark.parametrize(
    "first", [["--include-closed"], ["--keep-personal-data"], ["--include-closed", "--keep-personal-data"]]
)
def test_no_withheld_word_or_cpr_digit_stays_in_the_file_after_a_default_import(tmp_path, first):
    source = tmp_path / "docs" / "m.txt"
    source.parent.mkdir()
    source.write_text(SECRET_MINUTES, encoding="utf-8")
    database = tmp_path / "a.db"
    assert invoke("import", str(source), "--archive", str(database), "--workers", "1", "-q", *first).exit_code == 0
    assert (
        b"xylofonhemmelighed" in _file_bytes(database)
        or b"0102034321" in _file_bytes(database)
        or (b"010203-4321" in _file_bytes(database))
    )
    again = invoke("import", str(source), "--archive", str(database), "--workers", "1")
    assert again.exit_code == 0 and "1 replaced" in again.output, again.output
    stored = _file_bytes(database)
    for secret in ("xylofonhemmelighed", "kvadratkilometerprisen", "xylofon", "010203-4321", "4321"):
        if secret.isdigit() and "--keep-personal-data" not in first:
            continue
        if not secret.isdigit() and "--include-closed" not in first:
            continue
        assert secret.encode() not in stored, secret


# -- storage errors, signs, runs and time limits -------------------------------------------


def _small_files(limit: int):
    def apply() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_during_export_is_one_line_and_leaves_no_part_file(tmp_path):
    write_minutes(tmp_path / "docs", 8, items=30)
    database = tmp_path / "a.db"
    assert _import(str(tmp_path / "docs"), "--archive", str(database)).returncode == 0
    (tmp_path / "out").mkdir()
    output = tmp_path / "out" / "out.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "referat", "export", "--archive", str(database), "-o", str(output)],
        capture_output=True,
        text=True,
        preexec_fn=_small_files(64_000),  # room for the archive's 32 kB -shm file, not for the export
        timeout=120,
    )
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "out.jsonl: cannot write" in result.stderr and "free some space" in result.stderr
    assert sorted(p.name for p in output.parent.iterdir()) == []


def test_a_full_disk_during_import_is_one_line_and_the_archive_stays_whole(tmp_path):
    folder = tmp_path / "docs"
    write_minutes(folder, 1)
    database = tmp_path / "a.db"
    assert _import(str(folder), "--archive", str(database)).returncode == 0
    write_minutes(tmp_path / "more", 30, items=40)
    result = subprocess.run(
        [sys.executable, "-m", "referat", "import", "-q", "--workers", "1", str(tmp_path / "more"), "--archive"]
        + [str(database)],
        capture_output=True,
        text=True,
        preexec_fn=_small_files(database.stat().st_size + 200_000),
        timeout=300,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1 and str(database) in result.stderr, result.stderr
    connection = sqlite3.connect(database)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


@pytest.mark.parametrize(
    "message, words",
    [
        ("attempt to write a readonly database", "read-only"),
        ("database or disk is full", "disk is full"),
        ("database is locked", "busy"),
        ("database disk image is malformed", "damaged"),
    ],
)
def test_storage_errors_say_what_to_do_in_one_line(message, words):
    from referat.archive.core import storage_error

    text = str(storage_error("a.db", sqlite3.OperationalError(message)))
    assert text.startswith("a.db: ") and words in text and "\n" not in text


def test_a_negative_amount_keeps_its_sign():
    from referat.archive import parse_amount

    assert parse_amount("-5") == -5.0 and parse_amount("-5 mio") == -5_000_000.0 and parse_amount("5") == 5.0


def test_a_killed_run_is_not_left_running(archive_file, tmp_path):
    import shutil
    import socket

    copy = tmp_path / "a.db"
    shutil.copy(archive_file, copy)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    connection = sqlite3.connect(copy)
    connection.execute(
        "INSERT INTO import_runs (started_at, paths, pid, host) VALUES ('2026-01-01', '[]', ?, ?)",
        (gone.pid, socket.gethostname()),
    )
    connection.commit()
    connection.close()
    (more,) = write_minutes(tmp_path / "more", 1)
    assert _import(str(more), "--archive", str(copy)).returncode == 0
    connection = sqlite3.connect(copy)
    statuses = [row[0] for row in connection.execute("SELECT status FROM import_runs ORDER BY id")]
    connection.close()
    assert statuses[-2:] == ["killed", "done"] and "running" not in statuses


def test_the_time_limit_does_not_count_the_workers_start_up(tmp_path):
    (first,) = write_minutes(tmp_path / "docs", 1)
    # A worker takes about a second to start (imports, the NLP pipeline); the file 50 ms.
    result = _import(str(first), "--archive", str(tmp_path / "a.db"), "--timeout", "0.5")
    assert result.returncode == 0, result.stderr


def test_an_archive_of_schema_7_is_migrated_and_its_running_runs_recorded_killed(archive_file, tmp_path):
    import shutil

    from referat.archive.schema import MIGRATIONS

    copy = tmp_path / "v7.db"
    shutil.copy(archive_file, copy)
    connection = sqlite3.connect(copy)
    connection.executescript(
        WITHOUT_MIGRATION_14 + "DROP TABLE watches; DROP INDEX documents_attachment; DROP INDEX meetings_names;"
        " ALTER TABLE documents DROP COLUMN attachment_of;"
        " ALTER TABLE positions DROP COLUMN votes;"
        " ALTER TABLE import_runs DROP COLUMN pid; ALTER TABLE import_runs DROP COLUMN host;"
        " UPDATE import_runs SET status = 'running'; PRAGMA user_version = 7;"
    )
    connection.close()
    with open_archive(str(copy)) as archive:
        assert archive.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 14
        assert {row[0] for row in archive.connection.execute("SELECT status FROM import_runs")} == {"killed"}
        assert archive.check()["fts"] == "ok" and archive.counts()["documents"] == 2


def test_an_archive_in_a_read_only_folder_is_searched_and_an_import_says_read_only(archive_file, tmp_path):
    import shutil

    probe = tmp_path / "probe"
    probe.write_bytes(b"")
    probe.chmod(0o444)
    try:
        with open(probe, "ab"):
            pytest.skip("this user writes read-only files (root with capabilities); bench/attack.py runs it without")
    except PermissionError:
        pass
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(archive_file, folder / "a.db")
    (more,) = write_minutes(tmp_path / "more", 1)
    (folder / "a.db").chmod(0o444)
    folder.chmod(0o555)
    try:
        searched = invoke("search", "budget", "--archive", str(folder / "a.db"))
        imported = invoke("import", str(more), "--archive", str(folder / "a.db"), "--workers", "1", "-q")
    finally:
        folder.chmod(0o755)
    assert searched.exit_code == 0, searched.output
    _one_line_error(imported, "read-only")


@pytest.mark.parametrize("command", ["extract", "doctor"])
def test_extract_and_doctor_refuse_a_fifo_and_a_device_without_blocking(tmp_path, command):
    os.mkfifo(tmp_path / "pipe.txt")
    result = subprocess.run(
        [sys.executable, "-m", "referat", command, str(tmp_path / "pipe.txt"), "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = result.stderr.splitlines()
    assert result.returncode == 1 and len(lines) == 2, result.stderr
    assert "a FIFO" in lines[0] and "a character device" in lines[1]
