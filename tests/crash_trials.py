"""Kill `referat import` with SIGKILL at random moments and check what it leaves behind.

Shared by tests/test_crash_safety.py (a fixed seed, ≥ 20 kills) and bench/kill_trials.py
(the same loop, 100 kills or more). One *trial* starts a real `python -m referat import`
in its own process group, waits a seeded-random time and kills the whole group — the
parent and its worker processes — with SIGKILL; then the archive is checked:

* ``PRAGMA integrity_check`` is "ok", ``PRAGMA foreign_key_check`` finds nothing and both
  FTS5 indexes pass their own 'integrity-check' against their content;
* the schema is exactly that of a whole number of migrations (its tables, indexes,
  views and triggers), never part of one;
* no orphans: no row in a child table without its parent (meetings, items, sub-items,
  sections, decisions, statements, positions, entities, dates, amounts, passages, a
  passage's fact, FTS rows without their passage or item), no document without meetings;
* every stored document is *whole*: its rows in every table — meetings, items, sections,
  decisions, statements, positions, entities, dates, amounts, passages, rows of the two
  FTS indexes — number exactly as in a reference import of the same file done once
  without kills, and its stored JSON is the reference's;
* nothing stored before is lost, re-imported or changed (same row id, same run id).

Trials run in *chains* on one archive: each killed run is resumed by the next trial's
run, and a chain ends with a run that is not killed (or one that finished before its
kill). That run must skip exactly the documents already stored and import exactly the
rest (its summary line and its ``import_runs`` row say so), after which the archive must
equal the reference: the same sha256s with the same rows.

Where a kill landed is read from SQLite's own lock: the parent holds the WAL write lock
(a byte-range lock on the ``-shm`` file) exactly while it is inside a write transaction.
Storing a document holds it for milliseconds, the other writes (the schema, the run's
record, a failure) for well under one, so a kill while the lock has been held for
STORE_PROBE_SECONDS landed in the middle of storing a document.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import random
import re
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Tables whose rows hang off an item, counted per document.
ITEM_TABLES = ("sections", "decisions", "statements", "positions", "entities", "dates", "amounts", "passages")
COUNTED = ("meetings", "items", *ITEM_TABLES, "passages_fts", "items_fts")


def _content_check(connection: sqlite3.Connection, name: str) -> int:
    """The 'integrity-check' rank for an FTS5 index: 1 (against its content as well) unless
    its declared content table holds no text (items_fts from migration 10: schema.py)."""
    (sql,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return 0 if 'content="items"' in sql else 1


def schema_objects(connection: sqlite3.Connection) -> set[tuple[str, str]]:
    """(type, name) of every table, index, view and trigger."""
    return set(connection.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall())


@functools.lru_cache(maxsize=1)
def schemas_by_version() -> dict[int, set[tuple[str, str]]]:
    """What each schema version holds, from archive/schema.py's migrations applied one by
    one: a kill during a migration must leave an archive at one of these, never between."""
    from referat.archive.schema import MIGRATIONS, register_functions

    connection = sqlite3.connect(":memory:", isolation_level=None)
    register_functions(connection)
    schemas = {0: set()}
    for version, script in enumerate(MIGRATIONS, start=1):
        connection.executescript(script)
        schemas[version] = schema_objects(connection)
    connection.close()
    return schemas


# -- documents ------------------------------------------------------------------------------

BODIES = [
    ("Økonomiudvalget", "Skovbjerg Kommune"),
    ("Børne- og Skoleudvalget", "Nørreå Kommune"),
    ("Teknik- og Miljøudvalget", "Skovbjerg Kommune"),
    ("Social- og Sundhedsudvalget", "Nørreå Kommune"),
    ("Kultur- og Fritidsudvalget", "Skovbjerg Kommune"),
    ("Ældre- og Sundhedsudvalget", "Nørreå Kommune"),
]
TOPICS = [
    "Budget 2027 - første behandling",
    "Renovering af Søndermarkskolen",
    "Takster for madservice 2026",
    "Cykelsti langs Åvej",
    "Udmøntning af økonomiaftalen",
    "Plan for børne- og ungdomspsykiatrien",
    "Klimatilpasning ved Ærøvej",
    "Høring om sundhedsreformen",
    "Anlægsbevilling til plejecenter Solgården",
    "Halvårsregnskab for ældreområdet",
    "Ny skolestruktur i Østbyen",
    "Forebyggelsesplan for rygning",
    "Tilskud til foreningslivet",
    "Vintertjeneste og saltning",
    "Samarbejdsaftale med regionen om akutpladser",
]
ACTORS = ["KL", "Danske Regioner", "Sundhedsstyrelsen", "Forvaltningen", "Ældrerådet", "Handicaprådet"]
VERBS = ["bemærkede", "fremhævede", "foreslog", "oplyste"]
OUTCOMES = [
    "Godkendt.",
    "Indstillingen blev godkendt.",
    "Taget til efterretning.",
    "Udsat til næste møde.",
    "Et flertal bestående af A og F stemte for. V stemte imod. Indstillingen blev godkendt.",
]
MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]


def minutes_lines(rng: random.Random, items: int) -> list[tuple[str, bool]]:
    """Danish minutes as (line, is a heading): body, date, numbered items with
    Sagsfremstilling (amounts, a statement), Indstilling ("at …, og at …") and Beslutning."""
    body, organisation = rng.choice(BODIES)
    year = rng.choice([2024, 2025, 2026])
    lines = [
        (organisation, True),
        (body, True),
        ("Referat", True),
        ("Mødedato", False),
        (f"{rng.randint(1, 28)}. {rng.choice(MONTHS)} {year}", False),
    ]
    for number in range(1, items + 1):
        topic = rng.choice(TOPICS)
        amount = f"{rng.randint(1, 95)},{rng.randint(0, 9)} mio. kr."
        actor, verb = rng.choice(ACTORS), rng.choice(VERBS)
        lines += [
            (f"Punkt {number} {topic}", True),
            ("Sagsfremstilling", True),
            (f"Sagen om {topic.lower()} blev forelagt udvalget. Udgiften er anslået til {amount} i {year + 1}.", False),
            (
                f"{actor} {verb}, at sagen skal ses i sammenhæng med aftalen fra"
                f" {rng.randint(1, 28)}. {rng.choice(MONTHS)} {year}.",
                False,
            ),
            ("Indstilling", True),
            (f"Forvaltningen indstiller, at udvalget godkender forslaget, og at {amount} afsættes i budgettet.", False),
            ("Beslutning", True),
            (rng.choice(OUTCOMES), False),
        ]
    return lines


def _pdf(lines: list[tuple[str, bool]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    _, height = A4
    y = 72.0
    for text, heading in lines:
        for part in textwrap.wrap(text, 95) or [""]:
            if y > height - 72:
                pdf.showPage()
                y = 72.0
            pdf.setFont("Helvetica-Bold" if heading else "Helvetica", 10)
            pdf.drawString(60, height - y, part)
            y += 14
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _docx(lines: list[tuple[str, bool]]) -> bytes:
    from xml.sax.saxutils import escape

    from builders import make_docx, paragraph

    return make_docx("".join(paragraph(escape(text), bold=heading) for text, heading in lines))


def write_documents(
    folder: Path, count: int, seed: int = 5, items: tuple[int, int] = (8, 24), broken: bool = True
) -> list[Path]:
    """``count`` generated minutes (TXT, PDF and DOCX in turn) plus the five corpus
    documents in ``folder``, and one file that fails (a PDF cut short) when ``broken``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        lines = minutes_lines(rng, rng.randint(*items))
        lines.insert(3, (f"Møde nr. {index + 1}", False))  # every file different
        kind = ("txt", "pdf", "docx")[index % 3]
        path = folder / f"referat-{index:03d}.{kind}"
        if kind == "txt":
            path.write_text("\n".join(text for text, _ in lines) + "\n", encoding="utf-8")
        else:
            path.write_bytes(_pdf(lines) if kind == "pdf" else _docx(lines))
        paths.append(path)
    for source in sorted((REPO / "corpus").glob("*.*")):
        if source.suffix in (".pdf", ".docx"):
            paths.append(Path(shutil.copy(source, folder / source.name)))
    if broken:
        cut = folder / "afskåret.pdf"
        cut.write_bytes(_pdf(minutes_lines(rng, 2))[:700])
        paths.append(cut)
    return paths


# -- looking at an archive ------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    """One stored document as the checks see it."""

    id: int
    run_id: int | None
    path: str
    counts: tuple[int, ...]  # rows per table of COUNTED
    json_sha256: str


@dataclass
class ArchiveState:
    """What is in an archive file: its documents by sha256, its runs, and every problem found."""

    documents: dict[str, Stored] = field(default_factory=dict)
    runs: list[dict] = field(default_factory=list)
    version: int = 0
    problems: list[str] = field(default_factory=list)


def inspect(database: Path) -> ArchiveState:
    """Read ``database`` after a run (no process may be using it) and check it whole."""
    state = ArchiveState()
    if not database.exists():
        return state
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        problems = state.problems
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity: integrity_check says {integrity[:5]}")
            return state
        state.version = connection.execute("PRAGMA user_version").fetchone()[0]
        objects = schema_objects(connection)
        expected = schemas_by_version().get(state.version)
        if objects != expected:
            extra, missing = sorted(objects - (expected or set())), sorted((expected or set()) - objects)
            problems.append(
                f"integrity: schema version {state.version} with {extra} more and {missing} missing:"
                " a migration was left half done"
            )
            return state
        tables = {name for kind, name in objects if kind in ("table", "view")}
        if state.version == 0:
            return state
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            problems.append(f"integrity: foreign_key_check finds {len(foreign)} rows, e.g. {foreign[:3]}")
        fts = [name for name in ("passages_fts", "items_fts") if name in tables]
        for name in fts:
            try:
                connection.execute(
                    f"INSERT INTO {name}({name}, rank) VALUES ('integrity-check', {_content_check(connection, name)})"
                )
            except sqlite3.DatabaseError as error:
                problems.append(f"integrity: {name} integrity-check says {error}")
        problems.extend(_orphans(connection, fts))
        state.runs = [
            dict(zip(("id", "status", "files", "imported", "skipped", "failed"), row, strict=True))
            for row in connection.execute(
                "SELECT id, status, files, imported, skipped, failed FROM import_runs ORDER BY id"
            )
        ]
        counts = _counts(connection, fts)
        for document_id, sha256, path, run_id, text in connection.execute(
            "SELECT id, sha256, path, run_id, json FROM documents"
        ):
            state.documents[sha256] = Stored(
                id=document_id,
                run_id=run_id,
                path=path,
                counts=tuple(counts[table].get(document_id, 0) for table in COUNTED),
                json_sha256=hashlib.sha256(text.encode()).hexdigest(),
            )
    finally:
        connection.close()
    return state


def _orphans(connection: sqlite3.Connection, fts: list[str]) -> list[str]:
    checks = {
        "meetings without their document": (
            "SELECT count(*) FROM meetings WHERE document_id NOT IN (SELECT id FROM documents)"
        ),
        "documents without meetings": (
            "SELECT count(*) FROM documents WHERE id NOT IN (SELECT document_id FROM meetings)"
        ),
        "items without their meeting": "SELECT count(*) FROM items WHERE meeting_id NOT IN (SELECT id FROM meetings)",
        "sub-items without their parent": (
            "SELECT count(*) FROM items WHERE parent_id IS NOT NULL AND parent_id NOT IN (SELECT id FROM items)"
        ),
        **{
            f"{table} without their item": f"SELECT count(*) FROM {table} WHERE item_id NOT IN (SELECT id FROM items)"
            for table in ITEM_TABLES
        },
        **{
            f"passages without their {source}": f"SELECT count(*) FROM passages WHERE source = '{source}'"
            f" AND fact_id NOT IN (SELECT id FROM {table})"
            for source, table in (
                ("section", "sections"),
                ("decision", "decisions"),
                ("statement", "statements"),
                ("position", "positions"),
            )
        },
    }
    if "passages_fts" in fts:
        checks["passages_fts rows without their passage"] = (
            "SELECT count(*) FROM passages_fts_docsize WHERE id NOT IN (SELECT id FROM passages)"
        )
        checks["passages without their passages_fts row"] = (
            "SELECT count(*) FROM passages WHERE id NOT IN (SELECT id FROM passages_fts_docsize)"
        )
    if "items_fts" in fts:
        checks["items_fts rows without their item"] = (
            "SELECT count(*) FROM items_fts_docsize WHERE id NOT IN (SELECT id FROM items)"
        )
        checks["items without their items_fts row"] = (
            "SELECT count(*) FROM items WHERE id NOT IN (SELECT id FROM items_fts_docsize)"
        )
    found = []
    for what, sql in checks.items():
        count = connection.execute(sql).fetchone()[0]
        if count:
            found.append(f"integrity: {count} {what}")
    return found


def _counts(connection: sqlite3.Connection, fts: list[str]) -> dict[str, dict[int, int]]:
    """Rows per document in every table of COUNTED (FTS rows through their docsize tables)."""
    item_document = "(SELECT i.id AS item_id, m.document_id FROM items i JOIN meetings m ON m.id = i.meeting_id)"
    queries = {
        "meetings": "SELECT document_id, count(*) FROM meetings GROUP BY document_id",
        "items": f"SELECT document_id, count(*) FROM {item_document} GROUP BY document_id",
        **{
            table: f"SELECT d.document_id, count(*) FROM {table} t"
            f" JOIN {item_document} d ON d.item_id = t.item_id GROUP BY d.document_id"
            for table in ITEM_TABLES
        },
        "passages_fts": f"SELECT d.document_id, count(*) FROM passages_fts_docsize f JOIN passages p ON p.id = f.id"
        f" JOIN {item_document} d ON d.item_id = p.item_id GROUP BY d.document_id",
        "items_fts": f"SELECT d.document_id, count(*) FROM items_fts_docsize f"
        f" JOIN {item_document} d ON d.item_id = f.id GROUP BY d.document_id",
    }
    return {
        table: dict(connection.execute(sql).fetchall()) if not table.endswith("_fts") or table in fts else {}
        for table, sql in queries.items()
    }


def compare(state: ArchiveState, reference: ArchiveState, before: ArchiveState | None = None) -> list[str]:
    """Problems of ``state`` against the reference import (every stored document whole)
    and against the state before this run (nothing stored earlier lost or changed)."""
    problems = list(state.problems)
    for sha256, stored in state.documents.items():
        expected = reference.documents.get(sha256)
        name = Path(stored.path).name
        if expected is None:
            problems.append(f"resume: {name} is stored, but not in the reference import")
            continue
        if stored.json_sha256 != expected.json_sha256:
            # Extracted differently from the reference (the code changed under a long run?):
            # its rows cannot be held against the reference's.
            problems.append(f"extraction: {name}: stored JSON differs from the reference import")
        elif stored.counts != expected.counts:
            diff = {
                t: (got, want)
                for t, got, want in zip(COUNTED, stored.counts, expected.counts, strict=True)
                if got != want
            }
            problems.append(f"half-imported: {name}, rows (stored, reference) {diff}")
    if before is not None:
        for sha256, earlier in before.documents.items():
            now = state.documents.get(sha256)
            if now is None:
                problems.append(f"resume: {Path(earlier.path).name} was stored, now gone")
            elif (now.id, now.run_id) != (earlier.id, earlier.run_id):
                problems.append(
                    f"resume: {Path(earlier.path).name} stored again by run {now.run_id} (was run {earlier.run_id})"
                )
        new_runs = [run["id"] for run in state.runs if run["id"] not in {r["id"] for r in before.runs}]
        for sha256, stored in state.documents.items():
            if sha256 not in before.documents and stored.run_id not in new_runs:
                problems.append(
                    f"resume: {Path(stored.path).name} is new, but tagged with run {stored.run_id},"
                    f" not this run's {new_runs}"
                )
    return problems


# -- the write lock -------------------------------------------------------------------------

# SQLite's unix VFS takes the WAL locks as fcntl byte-range locks on the -shm file, from
# byte 120 on (UNIX_SHM_BASE); slot 0 is WAL_WRITE_LOCK, held by a writer from BEGIN
# IMMEDIATE (or an autocommit write) to COMMIT/ROLLBACK.
_WAL_WRITE_LOCK_BYTE = 120
_FLOCK = "hhqqi4x"  # struct flock on Linux (64-bit off_t)


def write_lock_held(database: Path) -> bool | None:
    """Whether another process is inside a write transaction on ``database`` now (None: cannot tell here)."""
    if sys.platform != "linux":
        return None
    import fcntl

    try:
        descriptor = os.open(f"{database}-shm", os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        query = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, _WAL_WRITE_LOCK_BYTE, 1, 0)
        answer = fcntl.fcntl(descriptor, fcntl.F_GETLK, query)
        return struct.unpack(_FLOCK, answer)[0] != fcntl.F_UNLCK
    except OSError:
        return None
    finally:
        os.close(descriptor)


# -- one trial ------------------------------------------------------------------------------


@dataclass
class KillPlan:
    mode: str  # time | store | write | early, see plan_kill
    delay: float

    def __str__(self) -> str:
        if self.mode == "schema":
            return f"schema kill at WAL+{self.delay * 1000:.1f} ms"
        return f"{self.mode} kill at {self.delay:.3f} s"


@dataclass
class Outcome:
    killed: bool  # False: the run ended before its kill
    landed: str  # mid-store | write-start | between-stores | before-first-store | finished
    seconds: float
    returncode: int | None
    stdout: str
    stderr: str


def import_command(folder: Path, database: Path, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "referat",
        "import",
        str(folder),
        "--archive",
        str(database),
        "--workers",
        str(workers),
        "--timeout",
        "60",
    ]


def _document_count(database: Path) -> int:
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.05)
    except sqlite3.Error:
        return 0
    try:
        return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        connection.close()


# Storing a document holds the write lock for 2–11 ms here; recording the run or a
# failure for well under 0.5 ms. A lock seen held twice this far apart is a document store.
STORE_PROBE_SECONDS = 0.0005


def _storing(database: Path) -> bool:
    """Whether the importer is (very probably) storing a document now: the write lock is
    held, and still held STORE_PROBE_SECONDS later."""
    if not write_lock_held(database):
        return False
    time.sleep(STORE_PROBE_SECONDS)
    return bool(write_lock_held(database))


def run_and_kill(
    command: list[str], database: Path, plan: KillPlan | None, logs: Path, stored_before: int = 0
) -> Outcome:
    """Run ``command`` in a new process group and SIGKILL the whole group as ``plan`` says
    (``None``: let it finish)."""
    logs.mkdir(parents=True, exist_ok=True)
    out_path, err_path = logs / "stdout.txt", logs / "stderr.txt"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.monotonic()
        process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, start_new_session=True)
        killed, landed = False, "finished"
        try:
            if plan is None:
                process.wait(timeout=300)
            elif plan.mode == "schema":  # a fresh archive: the delay counts from its WAL's creation
                while process.poll() is None and not os.path.exists(f"{database}-wal"):
                    time.sleep(0.00005)
                deadline = time.monotonic() + plan.delay
                while time.monotonic() < deadline:
                    pass  # a busy wait: sleep() is too coarse for a few milliseconds
            else:
                deadline = start + plan.delay
                while process.poll() is None and time.monotonic() < deadline:
                    time.sleep(min(0.005, max(0.0, deadline - time.monotonic())))
                if plan.mode == "write":  # the first document store from here on
                    while process.poll() is None and not _storing(database):
                        time.sleep(0.0002)
                elif plan.mode == "early":  # the first write of any kind from here on
                    while process.poll() is None and not write_lock_held(database):
                        time.sleep(0.0001)
            if plan is not None and process.poll() is None:
                # Two looks at the lock, the kill right after the second.
                held_before = plan.mode not in ("early", "schema") and write_lock_held(database)
                if held_before:
                    time.sleep(STORE_PROBE_SECONDS)
                held = write_lock_held(database)
                os.killpg(process.pid, signal.SIGKILL)
                killed = True
                process.wait(timeout=30)
                if held and held_before:
                    landed = "mid-store"
                elif held:
                    landed = "write-start"
                else:
                    landed = "between-stores" if _document_count(database) > stored_before else "before-first-store"
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # whatever is left of the group: workers, resource tracker
            if process.poll() is None:
                process.kill()
            process.wait()
        seconds = time.monotonic() - start
    _wait_for_group(process.pid)
    return Outcome(
        killed,
        landed,
        seconds,
        process.returncode,
        out_path.read_text(encoding="utf-8", errors="replace"),
        err_path.read_text(encoding="utf-8", errors="replace"),
    )


def _group_alive(pgid: int) -> bool:
    """Whether a process of group ``pgid`` is still running: zombies (dead, waiting for
    init to reap them, their files and locks already released) do not count."""
    if sys.platform == "linux":
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    with open(f"/proc/{entry.name}/stat", "rb") as handle:
                        fields = handle.read().rsplit(b")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[2]) == pgid and fields[0] not in (b"Z", b"X"):
                    return True
        return False
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _wait_for_group(pgid: int, seconds: float = 10.0) -> None:
    """Until every process of the group has died (a killed worker may take a moment)."""
    deadline = time.monotonic() + seconds
    while _group_alive(pgid):
        if time.monotonic() > deadline:
            raise AssertionError(f"process group {pgid} still has live processes after SIGKILL")
        time.sleep(0.005)


# -- the trial loop -------------------------------------------------------------------------


@dataclass
class Reference:
    """The import of the folder done once, without kills."""

    state: ArchiveState
    files: int
    failed: int
    seconds: float  # wall time of the whole run
    first_store: float  # when its first document was stored
    database: Path


def reference_import(folder: Path, database: Path, workers: int) -> Reference:
    start = time.monotonic()
    process = subprocess.Popen(
        import_command(folder, database, workers), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    first_store = None
    while process.poll() is None:
        if first_store is None and _document_count(database) > 0:
            first_store = time.monotonic() - start
        time.sleep(0.005)
    seconds = time.monotonic() - start
    stdout, stderr = process.communicate()
    state = inspect(database)
    if state.problems or not state.documents or len(state.runs) != 1 or state.runs[0]["status"] != "done":
        raise AssertionError(f"the reference import went wrong: {state.problems} {state.runs} {stdout} {stderr}")
    run = state.runs[0]
    if run["imported"] != len(state.documents):
        raise AssertionError(f"the reference import stored {len(state.documents)} documents but says {run}")
    return Reference(
        state, run["files"], run["failed"], seconds, first_store if first_store is not None else seconds / 2, database
    )


@dataclass
class Trial:
    number: int
    chain: int
    workers: int
    plan: KillPlan | None  # None: the run that ends a chain, not killed
    outcome: Outcome
    stored_before: int
    stored_after: int
    version: int  # the archive's schema version after the run
    problems: list[str]  # each "category: text", see CATEGORIES

    def line(self) -> str:
        what = str(self.plan) if self.plan else "no kill (resume check)"
        where = self.outcome.landed if self.outcome.killed else f"ran to the end (exit {self.outcome.returncode})"
        verdict = "ok" if not self.problems else "PROBLEMS: " + "; ".join(self.problems[:4])
        return (
            f"trial {self.number:3d} chain {self.chain:2d} workers {self.workers}  {what:<27} {where:<23} "
            f"schema v{self.version}  documents {self.stored_before:2d} -> {self.stored_after:2d}"
            f"  {self.outcome.seconds:5.2f} s  {verdict}"
        )


CATEGORIES = {
    "integrity": "integrity failures (integrity_check, foreign keys, FTS, schema, orphans)",
    "half-imported": "half-imported documents (rows differ from the reference)",
    "resume": "resume mismatches (lost, re-imported, or a resumed run's counts wrong)",
    "extraction": "documents extracted differently from the reference (not a crash: the code or the extractor changed)",
    "run": "runs that were not killed and failed",
}


@dataclass
class Totals:
    trials: list[Trial] = field(default_factory=list)

    @property
    def kills(self) -> list[Trial]:
        return [t for t in self.trials if t.plan is not None and t.outcome.killed]

    def landed(self, where: str) -> int:
        return sum(t.outcome.landed == where for t in self.kills)

    def unfinished_schema(self, in_migration: bool = False) -> int:
        latest = max(schemas_by_version())
        return sum(t.version < latest and (not in_migration or t.outcome.landed == "write-start") for t in self.kills)

    def problems(self, category: str = "") -> list[str]:
        return [
            f"trial {t.number} ({t.plan or 'no kill'}): {p}"
            for t in self.trials
            for p in t.problems
            if p.startswith(category)
        ]

    def summary(self) -> str:
        chains = len({t.chain for t in self.trials})
        planned = sum(t.plan is not None for t in self.trials)
        lines = [
            (
                f"trials: {planned} planned kills, {len(self.kills)} SIGKILLs landed, {chains} chains"
                f" ({len(self.trials) - planned} runs not killed, each checked as the resume of its chain)"
            ),
            f"  mid-store (the WAL write lock held at two looks {STORE_PROBE_SECONDS * 1000:g} ms apart):"
            f" {self.landed('mid-store')}",
            "  at the start of a write (a short one - the schema, the run's record, a failure - or a store):"
            f" {self.landed('write-start')}",
            f"  between documents (not writing; this run had stored some): {self.landed('between-stores')}",
            "  before this run stored any document (start-up, hashing, first extraction):"
            f" {self.landed('before-first-store')}",
            "  runs that ended before their kill:"
            f" {sum(t.plan is not None and not t.outcome.killed for t in self.trials)}",
            "  kills that left the schema unfinished (no archive yet, or killed in or between the migrations):"
            f" {self.unfinished_schema()}",
            f"    of them in a migration (the write lock held): {self.unfinished_schema(in_migration=True)}",
        ]
        lines += [f"{text}: {len(self.problems(category))}" for category, text in CATEGORIES.items()]
        return "\n".join(lines)


def plan_kill(
    rng: random.Random,
    reference: Reference,
    remaining: int,
    total: int,
    fresh: bool = False,
    mode: str | None = None,
    pace: float = 1.0,
) -> KillPlan:
    """A seeded-random kill moment spread over the run expected for ``remaining`` documents:
    "time" anywhere in it, "store" within its storing phase, "write" at the first document
    store after a moment in the first half of that phase, "early" at the first write of
    any kind after a moment in the start-up (the run's record, a failure or the first
    store), and on a ``fresh`` archive, half the time, "schema": 0–2 ms after its WAL
    appears, while the migrations create the schema (they take about 1–2 ms here).
    ``mode`` forces one of the modes (not "schema"); ``pace`` scales the reference's times
    (below 1 where runs go faster than the reference import did)."""
    if mode is None and fresh and rng.random() < 0.5:
        return KillPlan("schema", rng.uniform(0.0, 0.002))
    first_store = reference.first_store * pace
    storing = (reference.seconds - reference.first_store) * pace * max(remaining, 1) / max(total, 1)
    expected = first_store + storing
    mode = mode or rng.choices(["time", "store", "write", "early"], weights=[3, 2, 4, 1])[0]
    if mode == "time":
        return KillPlan(mode, rng.uniform(0.0, expected))
    if mode == "early":
        return KillPlan(mode, rng.uniform(0.0, first_store))
    if mode == "write":
        # It waits for the next store after the moment, so the moment is kept in the
        # first half of the storing phase: a run with more workers, or on a machine
        # faster than the reference's, stores sooner and would end before a later one.
        return KillPlan(mode, rng.uniform(first_store * 0.8, first_store + storing / 2))
    return KillPlan(mode, rng.uniform(first_store * 0.8, expected))


_SUMMARY = re.compile(
    r"imported (\d+)(?: \(\d+ replaced\))?, skipped (\d+) \(already in the archive\), failed (\d+) of (\d+) files"
)


def check_resumed_run(state: ArchiveState, before: ArchiveState, reference: Reference, outcome: Outcome) -> list[str]:
    """A run that went to the end: it must have imported exactly the missing documents and
    skipped exactly the stored ones, as its ``import_runs`` row and its summary line say."""
    problems = []
    run = state.runs[-1] if state.runs else None
    missing = len(reference.state.documents) - len(before.documents)
    expected = {
        "status": "done",
        "files": reference.files,
        "imported": missing,
        "skipped": len(before.documents),
        "failed": reference.failed,
    }
    if run is None or {key: run[key] for key in expected} != expected:
        problems.append(f"resume: import_runs says {run}, expected {expected}")
    if not outcome.killed:
        found = _SUMMARY.search(outcome.stdout)
        numbers = tuple(int(n) for n in found.groups()) if found else None
        if numbers != (missing, len(before.documents), reference.failed, reference.files):
            problems.append(
                f"resume: summary {outcome.stdout.strip()!r}, expected imported {missing},"
                f" skipped {len(before.documents)}, failed {reference.failed} of {reference.files}"
            )
    if set(state.documents) != set(reference.state.documents):
        problems.append(
            f"resume: {len(state.documents)} documents after the run,"
            f" expected the reference's {len(reference.state.documents)}"
        )
    return problems


def run_trial(
    number: int,
    chain: int,
    folder: Path,
    database: Path,
    workdir: Path,
    workers: int,
    plan: KillPlan | None,
    before: ArchiveState,
    reference: Reference,
) -> tuple[Trial, ArchiveState]:
    """One run of ``referat import``, killed as ``plan`` says, and every check of what it left."""
    outcome = run_and_kill(
        import_command(folder, database, workers),
        database,
        plan,
        workdir / "logs" / f"{number:03d}",
        stored_before=len(before.documents),
    )
    state = inspect(database)
    problems = compare(state, reference.state, before)
    finished = (
        bool(state.runs)
        and state.runs[-1]["status"] == "done"
        and state.runs[-1]["id"] not in {r["id"] for r in before.runs}
    )
    if not outcome.killed and outcome.returncode not in (0, 1):
        problems.append(f"run: exit code {outcome.returncode}: {outcome.stderr.strip()[-300:]}")
    if not outcome.killed or finished:  # a kill after the run recorded its end still checks the resume
        problems += check_resumed_run(state, before, reference, outcome)
    return Trial(
        number, chain, workers, plan, outcome, len(before.documents), len(state.documents), state.version, problems
    ), state


def run_trials(
    folder: Path,
    workdir: Path,
    reference: Reference,
    kills: int,
    seed: int,
    workers: Sequence[int] = (1,),
    kills_per_chain: int = 4,
    report: Callable[[Trial], None] = lambda trial: None,
    max_trials: int | None = None,
    mid_store: int = 0,
) -> Totals:
    """Kill runs until ``kills`` SIGKILLs have landed, ``mid_store`` of them while a
    document was being stored, in chains on one archive each: each killed run is resumed
    by the next, and a chain ends with a run that is not killed (after ``kills_per_chain``
    kills, or when a run ends before its kill). Chain ``c`` runs with
    ``workers[c % len(workers)]`` worker processes.

    Where a kill lands depends on the machine's timing, so the seeded plan alone cannot
    promise ``mid_store`` landings: when the kills left to make are no more than the
    mid-store landings still missing, every kill waits for a document store ("write"),
    and the run goes on past ``kills`` until they have landed (at most ``max_trials``)."""
    rng = random.Random(seed)
    totals = Totals()
    total = len(reference.state.documents)
    chain, chain_kills, number = 0, 0, 0
    before = ArchiveState()
    limit = max_trials if max_trials is not None else 3 * kills + 10
    # (the reference import may have run on a busier machine than the trials: a run that ends
    # before its timed kill makes the next kills come sooner)
    pace = 1.0

    def wanted() -> bool:
        return len(totals.kills) < kills or totals.landed("mid-store") < mid_store

    while number < limit and (wanted() or chain_kills):
        remaining = total - len(before.documents)
        last = not wanted() or chain_kills >= kills_per_chain or remaining == 0
        number += 1
        database = workdir / f"chain-{chain:02d}.db"
        missing_mid_store = mid_store - totals.landed("mid-store")
        force = "write" if missing_mid_store > 0 and kills - len(totals.kills) <= missing_mid_store else None
        plan = (
            None
            if last
            else plan_kill(rng, reference, remaining, total, fresh=not database.exists(), mode=force, pace=pace)
        )
        trial, state = run_trial(
            number, chain, folder, database, workdir, workers[chain % len(workers)], plan, before, reference
        )
        totals.trials.append(trial)
        report(trial)
        if plan is not None and plan.mode != "schema" and not trial.outcome.killed:
            expected = reference.first_store + (reference.seconds - reference.first_store) * remaining / max(total, 1)
            pace = max(0.1, min(pace, trial.outcome.seconds / max(expected, 1e-6)) * 0.8)
        if trial.outcome.killed:
            chain_kills += 1
            before = state
        else:
            chain, chain_kills, before = chain + 1, 0, ArchiveState()
    return totals
