"""Attacks on the archive and the importer, as a hostile user or a careless operator would
make them (issue 11), each through the real command line, and whether each held.

Every attack is a small function: it sets up what it needs in a fresh temporary folder,
runs ``python -m referat …`` in child processes, and returns (held, what it saw). An attack
holds when referat did the right thing: refused with one line naming the file and a reason,
kept the archive whole and unchanged where it should, imported the other files, and left
no withheld word or CPR digit in the archive's files. A traceback, a hang (every child has
a time limit), a crash or a leak breaks it.

Usage:
    python bench/attack.py                 # every attack (~3 min on 2 cores)
    python bench/attack.py -k symlink cpr  # those whose name holds one of the words
    python bench/attack.py --list

Run it as root and without capabilities (``setpriv --inh-caps=-all --bounding-set=-all
python bench/attack.py``, or as another user): the read-only archive attack needs a user
for whom a read-only file is read-only, and says n/a otherwise.
The exit code is the number of attacks that broke (0: all held).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
Outcome = tuple[bool | None, str]  # held (None: not applicable here), what was seen

MINUTES = """\
Økonomiudvalget
Referat
Mødedato
12. marts 2025
Punkt {n} {title}
Sagsfremstilling
{text}
Beslutning
Taget til efterretning.
"""

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
Sælger xylofonhemmelighed har accepteret tilbudsprisen.
Beslutning
Godkendt.
"""


@dataclass
class Run:
    code: int | None  # None: killed at its time limit
    out: str
    err: str

    @property
    def one_line(self) -> bool:
        """Failed with exactly one line on stderr and no traceback."""
        return self.code == 1 and len(self.err.splitlines()) == 1 and "Traceback" not in self.err

    @property
    def clean(self) -> bool:
        return self.code == 0 and "Traceback" not in self.err


def referat(*args: str, timeout: float = 180, limit_files: int | None = None, env: dict | None = None) -> Run:
    """``python -m referat ARGS`` in a child; killed at ``timeout`` (a hang breaks the attack)."""

    def limits() -> None:
        if limit_files is not None:  # a disk that fills up after limit_files bytes per file
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_files, limit_files))

    try:
        done = subprocess.run(
            [sys.executable, "-m", "referat", *args],
            capture_output=True,
            timeout=timeout,
            preexec_fn=limits,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
    except subprocess.TimeoutExpired:
        return Run(None, "", f"killed after {timeout:g} s")
    decode = lambda data: data.decode("utf-8", "replace")  # noqa: E731
    return Run(done.returncode, decode(done.stdout), decode(done.stderr))


def import_(folder: Path, *paths: str | Path, extra: tuple[str, ...] = (), **options) -> Run:
    return referat(
        "import", *map(str, paths), "--archive", str(folder / "a.db"), "--workers", "1", "-q", *extra, **options
    )


def minutes(path: Path, title: str = "Budget", text: str = "Budgettet blev drøftet.", n: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MINUTES.format(n=n, title=title, text=text), encoding="utf-8")
    return path


def archive_with(folder: Path, count: int = 2) -> Path:
    for index in range(count):
        minutes(folder / "docs" / f"m{index}.txt", title=f"Sag nummer {index}", text=f"Tekst {index} om budgettet.")
    run = import_(folder, folder / "docs")
    assert run.clean, run.err
    return folder / "a.db"


def rows(database: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def files_bytes(database: Path) -> bytes:
    return b"".join(path.read_bytes() for path in database.parent.glob(database.name + "*"))


def say(run: Run) -> str:
    return f"exit {run.code}: " + (run.err.strip().splitlines() or [""])[-1][:160]


# -- output paths ------------------------------------------------------------------------


def export_onto_the_archive(tmp: Path) -> Outcome:
    database = archive_with(tmp)
    before = database.read_bytes()
    run = referat("export", "--archive", str(database), "-o", str(database))
    return run.one_line and database.read_bytes() == before, say(run)


def export_onto_the_archive_through_a_symlink(tmp: Path) -> Outcome:
    database = archive_with(tmp)
    os.symlink(database, tmp / "out.jsonl")
    before = database.read_bytes()
    run = referat("export", "--archive", str(database), "-o", str(tmp / "out.jsonl"))
    return run.one_line and database.read_bytes() == before, say(run)


def export_onto_the_wal_file(tmp: Path) -> Outcome:
    database = archive_with(tmp)
    run = referat("export", "--archive", str(database), "-o", str(database) + "-wal")
    return run.one_line and len(rows(database, "SELECT id FROM documents")) == 2, say(run)


def export_into_a_missing_folder(tmp: Path) -> Outcome:
    database = archive_with(tmp)
    run = referat("export", "--archive", str(database), "-o", str(tmp / "no" / "such" / "x.jsonl"))
    return run.one_line, say(run)


# -- which paths an import reads -----------------------------------------------------------


def symlink_to_etc_passwd(tmp: Path) -> Outcome:
    minutes(tmp / "docs" / "m.txt")
    os.symlink("/etc/passwd", tmp / "docs" / "passwd.txt")
    run = import_(tmp, tmp / "docs")
    found = rows(tmp / "a.db", "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'root'")[0][0]
    return run.code == 1 and "symbolic link" in run.err and found == 0, say(run)


def symlinked_folder_outside(tmp: Path) -> Outcome:
    minutes(tmp / "docs" / "m.txt")
    minutes(tmp / "outside" / "o.txt", title="Udenfor", text="Hemmeligt udenfor.")
    os.symlink(tmp / "outside", tmp / "docs" / "ud")
    run = import_(tmp, tmp / "docs")
    return run.code == 1 and len(rows(tmp / "a.db", "SELECT id FROM documents")) == 1, say(run)


def symlink_loop_inside(tmp: Path) -> Outcome:
    minutes(tmp / "docs" / "m.txt")
    os.symlink(tmp / "docs", tmp / "docs" / "loop")
    run = import_(tmp, tmp / "docs")
    return run.clean and len(rows(tmp / "a.db", "SELECT id FROM documents")) == 1, say(run)


def fifo_in_a_folder(tmp: Path) -> Outcome:
    minutes(tmp / "docs" / "m.txt")
    os.mkfifo(tmp / "docs" / "pipe.txt")
    run = import_(tmp, tmp / "docs", timeout=60)
    return run.code == 1 and "FIFO" in run.err and len(rows(tmp / "a.db", "SELECT id FROM documents")) == 1, say(run)


def fifo_on_the_command_line(tmp: Path) -> Outcome:
    os.mkfifo(tmp / "pipe.txt")
    run = import_(tmp, tmp / "pipe.txt", timeout=60)
    return run.one_line and "FIFO" in run.err, say(run)


def device_on_the_command_line(tmp: Path) -> Outcome:
    run = import_(tmp, "/dev/zero", timeout=60)
    return run.one_line and "device" in run.err, say(run)


def file_name_not_utf8(tmp: Path) -> Outcome:
    name = b"a-ref\xe6rat.txt".decode(sys.getfilesystemencoding(), "surrogateescape")
    minutes(tmp / "docs" / name)
    minutes(tmp / "docs" / "b.txt", title="Efter", text="Importeres efter det dårlige navn.")
    run = import_(tmp, tmp / "docs")
    return run.clean and len(rows(tmp / "a.db", "SELECT id FROM documents")) == 2, say(run)


def newline_in_a_file_name(tmp: Path) -> Outcome:
    (tmp / "docs").mkdir()
    (tmp / "docs" / "tom\nfil.txt").write_bytes(b"")
    minutes(tmp / "docs" / "m.txt")
    run = import_(tmp, tmp / "docs")
    return run.one_line and len(rows(tmp / "a.db", "SELECT id FROM documents")) == 1, say(run)


def folder_tree_1200_deep(tmp: Path) -> Outcome:
    here = os.getcwd()
    os.makedirs(tmp / "docs")
    os.chdir(tmp / "docs")
    try:
        for _ in range(1200):
            os.mkdir("d")
            os.chdir("d")
        minutes(Path("m.txt"))
    finally:
        os.chdir(here)
    run = import_(tmp, tmp / "docs")
    held = run.clean and len(rows(tmp / "a.db", "SELECT id FROM documents")) == 1
    subprocess.run(["rm", "-rf", str(tmp / "docs")], check=False)  # shutil.rmtree recurses
    return held, say(run)


def one_bad_file_among_good(tmp: Path) -> Outcome:
    minutes(tmp / "docs" / "a.txt")
    (tmp / "docs" / "b.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(4000))
    minutes(tmp / "docs" / "c.txt", title="Sidste", text="Den sidste fil.")
    run = import_(tmp, tmp / "docs")
    return run.one_line and len(rows(tmp / "a.db", "SELECT id FROM documents")) == 2, say(run)


# -- per-document costs ----------------------------------------------------------------------


def one_200_kb_word(tmp: Path) -> Outcome:
    path = tmp / "docs" / "ord.txt"
    minutes(path, text="økonomiaftale" * 16_000)
    start = time.monotonic()
    run = import_(tmp, tmp / "docs", timeout=180)
    return run.clean, f"{say(run)} in {time.monotonic() - start:.1f} s"


def item_over_a_million_characters(tmp: Path) -> Outcome:
    sentence = "Kommunen afsætter 5 mio. kr. i 2026 til projektet om veje.\n"
    minutes(tmp / "docs" / "lang.txt", text=sentence * (1_100_000 // len(sentence)))
    run = import_(tmp, tmp / "docs", timeout=600, extra=("--timeout", "580", "--max-memory", "4096"))
    return run.clean and len(rows(tmp / "a.db", "SELECT id FROM documents")) == 1, say(run)


def timeout_counts_no_start_up(tmp: Path) -> Outcome:
    minutes(tmp / "docs" / "m.txt")
    run = import_(tmp, tmp / "docs", extra=("--timeout", "0.5"))
    return run.clean, say(run)


# -- personal data -------------------------------------------------------------------------------


def _cpr(tmp: Path, written: str) -> Outcome:
    minutes(tmp / "docs" / "m.txt", text=f"Borgeren med cpr {written} klagede.")
    run = import_(tmp, tmp / "docs")
    exported = referat("export", "--archive", str(tmp / "a.db")).out
    leaked = "4321" in exported or b"4321" in files_bytes(tmp / "a.db")
    return run.clean and not leaked and "[CPR-nummer fjernet]" in exported, say(run)


def cpr_with_a_space(tmp: Path) -> Outcome:
    return _cpr(tmp, "010203 4321")


def cpr_with_an_en_dash(tmp: Path) -> Outcome:
    return _cpr(tmp, "010203\u20134321")


def cpr_with_a_spaced_dash(tmp: Path) -> Outcome:
    return _cpr(tmp, "010203 - 4321")


def case_number_ddmmyy_yyyy_kept(tmp: Path) -> Outcome:
    minutes(tmp / "docs" / "m.txt", text="Sagsnr.: 150319-2019. Sagen blev oprettet i 2019.")
    run = import_(tmp, tmp / "docs")
    exported = referat("export", "--archive", str(tmp / "a.db")).out
    return run.clean and "150319-2019" in exported, say(run)


def _withheld(tmp: Path, first: tuple[str, ...]) -> Outcome:
    (tmp / "docs").mkdir()
    (tmp / "docs" / "m.txt").write_text(SECRET_MINUTES, encoding="utf-8")
    import_(tmp, tmp / "docs", extra=first)
    run = import_(tmp, tmp / "docs")
    stored = files_bytes(tmp / "a.db")
    secrets = ([b"xylofonhemmelighed"] if "--include-closed" in first else []) + (
        [b"4321"] if "--keep-personal-data" in first else []
    )
    found = [secret.decode() for secret in secrets if secret in stored]
    return run.clean and not found, say(run) + (f"; found {found} in the file" if found else "")


def withheld_words_after_include_closed(tmp: Path) -> Outcome:
    return _withheld(tmp, ("--include-closed",))


def cpr_digits_after_keep_personal_data(tmp: Path) -> Outcome:
    return _withheld(tmp, ("--keep-personal-data",))


def both_after_both(tmp: Path) -> Outcome:
    return _withheld(tmp, ("--include-closed", "--keep-personal-data"))


# -- the archive file --------------------------------------------------------------------------


def _refused_unchanged(tmp: Path, path: Path, command: tuple[str, ...]) -> Outcome:
    before = path.read_bytes()
    run = referat(*command, "--archive", str(path))
    unchanged = path.read_bytes() == before and sorted(p.name for p in path.parent.iterdir()) == [path.name]
    return run.one_line and unchanged, say(run)


def _foreign(tmp: Path) -> Path:
    (tmp / "f").mkdir()
    path = tmp / "f" / "notes.db"
    connection = sqlite3.connect(path)
    connection.executescript("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
    connection.close()
    return path


def foreign_sqlite_searched(tmp: Path) -> Outcome:
    return _refused_unchanged(tmp, _foreign(tmp), ("search", "x"))


def foreign_sqlite_imported_into(tmp: Path) -> Outcome:
    minutes(tmp / "docs" / "m.txt")
    return _refused_unchanged(tmp, _foreign(tmp), ("import", str(tmp / "docs"), "--workers", "1"))


def garbage_file_as_archive(tmp: Path) -> Outcome:
    (tmp / "f").mkdir()
    (tmp / "f" / "x.db").write_bytes(os.urandom(10_000))
    return _refused_unchanged(tmp, tmp / "f" / "x.db", ("export",))


def empty_file_as_archive(tmp: Path) -> Outcome:
    (tmp / "f").mkdir()
    (tmp / "f" / "x.db").write_bytes(b"")
    return _refused_unchanged(tmp, tmp / "f" / "x.db", ("search", "budget"))


def read_commands_never_write(tmp: Path) -> Outcome:
    database = archive_with(tmp)
    before = database.read_bytes(), database.stat().st_mtime_ns
    for command in (("search", "budget"), ("export",), ("report",), ("actors",), ("amounts",)):
        referat(*command, "--archive", str(database))
    return (database.read_bytes(), database.stat().st_mtime_ns) == before, "archive bytes and mtime compared"


def _damage(database: Path) -> None:
    data = bytearray(database.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for number in range(2, len(data) // page, 3):
        data[number * page : number * page + 64] = b"\xff" * 64
    database.write_bytes(bytes(data))


def damaged_archive_searched(tmp: Path) -> Outcome:
    database = archive_with(tmp, 4)
    _damage(database)
    runs = [referat(*command, "--archive", str(database)) for command in (("search", "budget"), ("export",))]
    return all(run.one_line or run.clean for run in runs), "; ".join(say(run) for run in runs)


def import_onto_a_damaged_archive(tmp: Path) -> Outcome:
    database = archive_with(tmp, 4)
    _damage(database)
    minutes(tmp / "more" / "n.txt", title="Ny", text="Ny tekst.")
    run = import_(tmp, tmp / "more")
    return run.one_line and "damaged" in run.err, say(run)


def truncated_archive(tmp: Path) -> Outcome:
    database = archive_with(tmp, 4)
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2 + 100])
    run = referat("search", "budget", "--archive", str(database))
    return run.one_line, say(run)


def _at_once(commands: list[list[str]]) -> list[Run]:
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "referat", *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for command in commands
    ]
    return [Run(child.wait(timeout=300), child.stdout.read(), child.stderr.read()) for child in children]


def two_imports_create_an_archive_at_once(tmp: Path) -> Outcome:
    minutes(tmp / "a" / "m.txt")
    minutes(tmp / "b" / "n.txt", title="Andet", text="Andet dokument.")
    broken = []
    for trial in range(5):
        database = str(tmp / f"new{trial}.db")
        runs = _at_once([["import", str(tmp / d), "--archive", database, "--workers", "1", "-q"] for d in "ab"])
        broken += [say(run) for run in runs if not run.clean]
    return not broken, f"{5 - len(broken) // 2}/5 trials clean" + (f"; {broken[0]}" if broken else "")


def two_commands_upgrade_an_archive_at_once(tmp: Path) -> Outcome:
    database = archive_with(tmp)
    broken = []
    for _trial in range(5):
        connection = sqlite3.connect(database)  # back to schema 7: migration 8 runs again
        connection.executescript(
            "DROP TABLE IF EXISTS watches; ALTER TABLE import_runs DROP COLUMN pid;"
            " ALTER TABLE import_runs DROP COLUMN host; DROP INDEX documents_attachment;"
            " ALTER TABLE documents DROP COLUMN attachment_of;"
            " ALTER TABLE positions DROP COLUMN votes; PRAGMA user_version = 7;"
        )
        connection.close()
        runs = _at_once([["search", "budget", "--archive", str(database)]] * 2)
        broken += [say(run) for run in runs if not run.clean]
    return not broken, "5 trials" + (f"; {broken[0]}" if broken else "")


def import_waits_for_a_lock_too_long(tmp: Path) -> Outcome:
    database = archive_with(tmp)
    minutes(tmp / "more" / "n.txt", title="Ny", text="Ny tekst.")
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        run = import_(tmp, tmp / "more", env={"REFERAT_BUSY_SECONDS": "2"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    return run.one_line and "busy" in run.err, say(run)


def disk_full_during_export(tmp: Path) -> Outcome:
    for index in range(8):
        minutes(tmp / "docs" / f"m{index}.txt", text=f"Budget {index} blev drøftet grundigt. " * 300)
    import_(tmp, tmp / "docs")
    (tmp / "out").mkdir()
    run = referat("export", "--archive", str(tmp / "a.db"), "-o", str(tmp / "out" / "x.jsonl"), limit_files=64_000)
    return run.one_line and not list((tmp / "out").iterdir()), say(run)


def disk_full_during_import(tmp: Path) -> Outcome:
    database = archive_with(tmp)
    for index in range(20):
        minutes(tmp / "more" / f"m{index}.txt", text=f"Budget {index} blev drøftet grundigt. " * 400)
    run = import_(tmp, tmp / "more", limit_files=database.stat().st_size + 150_000)
    whole = rows(database, "PRAGMA integrity_check") == [("ok",)]
    return run.one_line and whole, say(run)


def read_only_archive(tmp: Path) -> Outcome:
    probe = tmp / "probe"
    probe.write_bytes(b"")
    probe.chmod(0o444)
    try:
        with open(probe, "ab"):
            return None, "n/a: this user writes read-only files (root); run without capabilities"
    except PermissionError:
        pass
    database = archive_with(tmp)
    minutes(tmp / "more" / "n.txt", title="Ny", text="Ny tekst.")
    os.chmod(database, 0o444)
    os.chmod(tmp, 0o555)
    try:
        run = import_(tmp, tmp / "more")
        search = referat("search", "budget", "--archive", str(database))
    finally:
        os.chmod(tmp, 0o755)
    return run.one_line and "read-only" in run.err and search.clean, say(run) + " / search " + say(search)


def killed_run_not_left_running(tmp: Path) -> Outcome:
    for index in range(40):
        minutes(tmp / "docs" / f"m{index:02d}.txt", text=f"Budget {index} blev drøftet grundigt. " * 200)
    child = subprocess.Popen(
        [sys.executable, "-m", "referat", "import", str(tmp / "docs"), "--archive", str(tmp / "a.db"), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        try:
            if rows(tmp / "a.db", "SELECT count(*) FROM documents")[0][0] >= 2:
                break
        except sqlite3.Error:
            pass
        time.sleep(0.02)
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    run = import_(tmp, tmp / "docs")
    statuses = [row[0] for row in rows(tmp / "a.db", "SELECT status FROM import_runs ORDER BY id")]
    return run.clean and "running" not in statuses, f"runs: {statuses}"


def stale_run_of_this_host(tmp: Path) -> Outcome:
    database = archive_with(tmp)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    connection = sqlite3.connect(database)
    connection.execute(
        "INSERT INTO import_runs (started_at, paths, pid, host) VALUES ('2026-01-01', '[]', ?, ?)",
        (gone.pid, socket.gethostname()),
    )
    connection.commit()
    connection.close()
    minutes(tmp / "more" / "n.txt", title="Ny", text="Ny tekst.")
    run = import_(tmp, tmp / "more")
    statuses = [row[0] for row in rows(database, "SELECT status FROM import_runs ORDER BY id")]
    return run.clean and "running" not in statuses, f"runs: {statuses}"


# -- queries and options ------------------------------------------------------------------------


def query_with_sql_and_fts_syntax(tmp: Path) -> Outcome:
    database = archive_with(tmp)
    runs = [
        referat("search", "--archive", str(database), "--", query)
        for query in ['"; DROP TABLE documents; --', "NEAR(budget", "bud*", '"', "-budget OR 1=1"]
    ]
    intact = len(rows(database, "SELECT id FROM documents")) == 2
    return intact and all(run.clean or run.one_line for run in runs), "; ".join(say(run) for run in runs[:2])


def negative_minimum_amount(tmp: Path) -> Outcome:
    minutes(tmp / "docs" / "m.txt", text="Udgiften er 3 kr. pr. borger.")
    import_(tmp, tmp / "docs")
    run = referat("amounts", "--min", "-5", "--max", "10", "--json", "--archive", str(tmp / "a.db"))
    return run.clean and '"value": 3' in run.out, say(run)


def same_file_twice(tmp: Path) -> Outcome:
    path = minutes(tmp / "docs" / "m.txt")
    shutil.copy(path, tmp / "docs" / "copy.txt")
    run = import_(tmp, tmp / "docs", path)
    return run.clean and len(rows(tmp / "a.db", "SELECT id FROM documents")) == 1, say(run)


def zip_bomb_in_a_folder(tmp: Path) -> Outcome:
    import io
    import zipfile

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (300 * 1024 * 1024))
    (tmp / "docs").mkdir()
    (tmp / "docs" / "bomb.docx").write_bytes(bomb.getvalue())
    minutes(tmp / "docs" / "m.txt")
    run = import_(tmp, tmp / "docs", timeout=120)
    return run.one_line and len(rows(tmp / "a.db", "SELECT id FROM documents")) == 1, say(run)


ATTACKS: list[Callable[[Path], Outcome]] = [
    export_onto_the_archive,
    export_onto_the_archive_through_a_symlink,
    export_onto_the_wal_file,
    export_into_a_missing_folder,
    symlink_to_etc_passwd,
    symlinked_folder_outside,
    symlink_loop_inside,
    fifo_in_a_folder,
    fifo_on_the_command_line,
    device_on_the_command_line,
    file_name_not_utf8,
    newline_in_a_file_name,
    folder_tree_1200_deep,
    one_bad_file_among_good,
    one_200_kb_word,
    item_over_a_million_characters,
    timeout_counts_no_start_up,
    cpr_with_a_space,
    cpr_with_an_en_dash,
    cpr_with_a_spaced_dash,
    case_number_ddmmyy_yyyy_kept,
    withheld_words_after_include_closed,
    cpr_digits_after_keep_personal_data,
    both_after_both,
    foreign_sqlite_searched,
    foreign_sqlite_imported_into,
    garbage_file_as_archive,
    empty_file_as_archive,
    read_commands_never_write,
    damaged_archive_searched,
    import_onto_a_damaged_archive,
    truncated_archive,
    two_imports_create_an_archive_at_once,
    two_commands_upgrade_an_archive_at_once,
    import_waits_for_a_lock_too_long,
    disk_full_during_export,
    disk_full_during_import,
    read_only_archive,
    killed_run_not_left_running,
    stale_run_of_this_host,
    query_with_sql_and_fts_syntax,
    negative_minimum_amount,
    same_file_twice,
    zip_bomb_in_a_folder,
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", nargs="*", default=[], help="only attacks whose name holds one of these words")
    parser.add_argument("--list", action="store_true", help="list the attacks and stop")
    options = parser.parse_args()
    chosen = [a for a in ATTACKS if not options.k or any(word in a.__name__ for word in options.k)]
    if options.list:
        print("\n".join(attack.__name__ for attack in chosen))
        return 0
    held = broke = skipped = 0
    os.chdir(REPO)  # `python -m referat` is this checkout
    for attack in chosen:
        start = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="referat-attack-") as folder:
            try:
                ok, seen = attack(Path(folder))
            except Exception as error:  # the attack's own setup or check failed: that is a break too
                ok, seen = False, f"{type(error).__name__}: {error}"
            finally:
                subprocess.run(["rm", "-rf", folder], check=False)  # deep trees, read-only folders
        label = "n/a  " if ok is None else ("held " if ok else "BROKE")
        held, broke, skipped = held + (ok is True), broke + (ok is False), skipped + (ok is None)
        line = f"{label} {attack.__name__:<44} {time.monotonic() - start:5.1f} s  {seen}"
        print(textwrap.shorten(line, 220), flush=True)
    print(f"\n{held} held, {broke} broke, {skipped} not applicable, of {len(chosen)} attacks")
    return broke


if __name__ == "__main__":
    sys.exit(main())
