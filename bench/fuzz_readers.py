"""Mutation fuzzing of the readers and the structure parser (a long run; not part of CI).

Seeds are the documents we have: corpus/*.pdf, corpus/*.docx, ../shared/seeds/*.txt (when
present) and a few built-in ones. Each input is one seed put through a few mutations —
bit flips, interesting bytes, truncation, chunk duplication, deletion and splicing, PDF
tokens, and, for DOCX, edits of the zip's members (XML-aware: duplicated or nested
elements, odd attribute values, renamed, dropped or ../ members, other compression) — and
then fed to ``extract_bytes(..., enrich=True or False)`` in a worker process with a 2 GB
address space. Every exception that is not ``ExtractionError``, every worker that dies or
hangs, and every input slower than ``--slow`` seconds is recorded with the input saved
under bench/results/fuzz/ (git-ignored). Input ``i`` of seed ``s`` is always the same bytes,
so ``--only i`` regenerates it and ``--replay FILE`` re-runs a saved one.

Usage:
    python bench/fuzz_readers.py                       # 10 000 inputs, 2 workers
    python bench/fuzz_readers.py --inputs 50000 --seed 7 --workers 4
    python bench/fuzz_readers.py --replay bench/results/fuzz/crash-ValueError-….docx

atheris is not needed (it needs an instrumented build to guide mutations, and pip often
cannot install it); the mutator here knows the formats instead.

Example:
    >>> data, steps = mutate(seeds()[0], random.Random(1))  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import io
import json
import multiprocessing
import os
import random
import re
import resource
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results" / "fuzz"
ADDRESS_SPACE = 2 << 30


@dataclass(frozen=True)
class Seed:
    name: str  # shown in reports: "corpus/kommune-edoc-referat.pdf"
    suffix: str  # ".pdf", ".docx", ".txt": the name the input is given
    data: bytes


_BUILTIN_TEXT = (
    "Referat\nØkonomiudvalget\nMødedato: 26. februar 2026\nTilstede: Lolan Ottesen (A) - formand\n"
    "Punkt 1 Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\f 3 (Offentlig) Budget 2027\nIndstilling\n"
    "Det indstilles,\nat udvalget godkender budgettet på 4,5 mio. kr.\nBeslutning\nIndstillingen blev godkendt. "
    "Danske Regioner foreslog, at formatet evalueres.\n4 (Fortrolig) Køb af ejendom\nSagsnr.: 2011-29298\n"
)


def seeds(shared: Path | None = None) -> list[Seed]:
    """The seed files: our corpus, the real seeds in ../shared when present, a built-in text."""
    found = []
    for path in sorted((REPO / "corpus").glob("*.pdf")) + sorted((REPO / "corpus").glob("*.docx")):
        found.append(Seed(f"corpus/{path.name}", path.suffix, path.read_bytes()))
    shared = shared or REPO.parent / "shared"
    for path in sorted((shared / "seeds").glob("*.txt")):
        found.append(Seed(f"../shared/seeds/{path.name}", ".txt", path.read_bytes()))
    # 1940s books take their own path (extract/historic.py): a numbered book, a margin-number
    # book, one that numbers nothing, one dated under its minutes.
    parish = shared / "corpus-real" / "parish-1940s"
    for name in ("Tiset_1942.txt", "Ormslev-Kolt_1941.txt", "Beder-Malling_1941.txt", "Elev_1945.txt"):
        if (parish / name).exists():
            found.append(Seed(f"../shared/corpus-real/parish-1940s/{name}", ".txt", (parish / name).read_bytes()))
    found.append(Seed("builtin/minutes.txt", ".txt", _BUILTIN_TEXT.encode()))
    return found


# -- mutations -----------------------------------------------------------------------------

_INTERESTING_BYTES = b"\x00\x01\x7f\x80\xff()<>[]/\\%\n\r\f 0123456789"
_PDF_TOKENS = [
    b"obj",
    b"endobj",
    b"stream",
    b"endstream",
    b"xref",
    b"trailer",
    b"startxref",
    b"%%EOF",
    b"/Length 999999999",
    b"/Length -1",
    b"/Filter /FlateDecode",
    b"/Filter /LZWDecode",
    b"/Type /Pages",
    b"/Kids [1 0 R 1 0 R]",
    b"/Count 2147483647",
    b"[[[[[[[[[[[[[[[[",
    b"<<<<<<<<<<",
    b"9999999999 0 R",
    b"/Encrypt 1 0 R",
    b"BT /F1 1e30 Tf (x) Tj ET",
    b"q q q q q q q q",
    b"/ToUnicode 1 0 R",
]
_TEXT_LINES = [
    "Punkt 999 Eventuelt",
    " 3 (Offentlig) Aftale",
    "4 (Fortrolig)",
    "Lukket: 9. Køb",
    "a)",
    "715.",
    "Indstilling",
    "Beslutning",
    "at ",
    "Det indstilles,",
    "Bilag",
    "Side 2 af 9",
    "\f",
    "\x00",
    "\u2028",
    "\ufeff",
    "Af-",
    "-",
    "Mødedato: 31. februar 2026",
    "den 1. januar 0000",
    "kr. 99999999999999999999",
    "KL foreslog, at ",
    "(A)",
    "Sagsnr.: ",
    "1" * 300,
    "æøå" * 200,
    "Punkt 1 " * 50,
    "\t\t\t",
    "http://x.dk/" + "a." * 200,
    "Mødet hævet.",
    "Sogneraadsmøde paa Skolen den 11/3 1941",
    "ad 3.",
    "Kl. 7½ Aften",
    "Onsdag Den 13´ Marts 1940 har",
    "Sogneraadet afholdt i Dag Møde hvor følgende",
    "Elev Sogneraad d. 5/4 1945",
    "Bevilges 25 Kr.",
    "N K Rasmussen",
    "",
]
# Long runs without spaces: regexes that backtrack show up as slow inputs.
_LONG_RUNS = ["æ" * 30_000, "1." * 15_000, "a-" * 15_000, "x@" * 10_000, "0" * 30_000]
_XML_VALUES = [
    "-1",
    "0",
    "99999999999",
    "abc",
    "",
    "1e9",
    "%1.%2.%3.%99",
    "bullet",
    "none",
    "upperRoman",
    "lowerLetter",
    "2147483648",
    " 3",
]


def _bit_flips(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    out = bytearray(data)
    count = rng.choice([1, 1, 2, 4, 8, 32])
    for _ in range(count):
        index = rng.randrange(len(out))
        out[index] ^= 1 << rng.randrange(8)
    return bytes(out), f"flip×{count}"


def _interesting_bytes(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    out = bytearray(data)
    for _ in range(rng.choice([1, 3, 10])):
        out[rng.randrange(len(out))] = rng.choice(_INTERESTING_BYTES)
    return bytes(out), "bytes"


def _truncate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    cut = rng.randrange(len(data))
    return data[:cut], f"cut@{cut}"


def _chunk(data: bytes, rng: random.Random) -> tuple[int, int]:
    start = rng.randrange(len(data))
    return start, min(len(data), start + rng.choice([1, 4, 16, 64, 256, 4096]))


def _duplicate_chunk(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    start, end = _chunk(data, rng)
    times = rng.choice([1, 2, 10, 100])
    where = rng.randrange(len(data) + 1)
    return data[:where] + data[start:end] * times + data[where:], f"dup[{start}:{end}]×{times}@{where}"


def _delete_chunk(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    start, end = _chunk(data, rng)
    return data[:start] + data[end:], f"del[{start}:{end}]"


def _splice(data: bytes, rng: random.Random, others: list[bytes]) -> tuple[bytes, str]:
    other = rng.choice(others)
    cut, other_cut = rng.randrange(len(data)), rng.randrange(len(other))
    return data[:cut] + other[other_cut:], f"splice@{cut}"


def _pdf_token(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    token = rng.choice(_PDF_TOKENS)
    where = rng.randrange(len(data) + 1)
    if rng.random() < 0.5:  # replace an existing token instead of inserting
        hits = [m.span() for m in re.finditer(rb"/Length \d+|\d+ 0 R|/Count \d+|/Filter /\w+|/Type /\w+", data)]
        if hits:
            start, end = rng.choice(hits)
            return data[:start] + token + data[end:], f"pdf-replace:{token[:20]!r}"
    return data[:where] + b" " + token + b" " + data[where:], f"pdf-insert:{token[:20]!r}"


def _text_lines(data: bytes, rng: random.Random, long_runs: bool = True) -> tuple[bytes, str]:
    text = data.decode("utf-8", "surrogateescape")
    lines = text.split("\n")
    op = rng.choice(["insert", "duplicate", "swap", "join", "repeat"])
    index = rng.randrange(len(lines))
    if op == "insert":
        line = rng.choice(_TEXT_LINES + (_LONG_RUNS if long_runs else []))
        lines.insert(index, line)
        op += f":{line[:12]!r}" + (f"×{len(line)}" if len(line) > 12 else "")
    elif op == "duplicate":
        lines[index:index] = lines[index : index + rng.choice([1, 5, 50])] * rng.choice([2, 20])
    elif op == "swap":
        other = rng.randrange(len(lines))
        lines[index], lines[other] = lines[other], lines[index]
    elif op == "join":
        lines[index : index + 30] = [" ".join(lines[index : index + 30])]
    else:
        lines[index] = lines[index] * rng.choice([10, 200])
    return "\n".join(lines).encode("utf-8", "surrogateescape"), f"text-{op}"


def _mutate_xml(xml: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Edits of an OOXML part that keep it mostly well formed, so the reader's logic is reached."""
    op = rng.choice(["dup-element", "nest", "attr", "attr", "drop-tag", "numpr", "breaks", "bytes"])
    if op == "dup-element":
        spans = [
            m.span()
            for m in re.finditer(rb"<w:(p|tbl|tr|tc|r|lvl|abstractNum|num|style)\b[^>]*>.*?</w:\1>", xml, re.DOTALL)
        ]
        if spans:
            start, end = rng.choice(spans)
            return xml[:end] + xml[start:end] * rng.choice([1, 3, 50]) + xml[end:], "xml-dup"
    if op == "nest":
        spans = [m.span() for m in re.finditer(rb"<w:p\b[^>]*>.*?</w:p>", xml, re.DOTALL)]
        if spans:
            start, end = rng.choice(spans)
            depth = rng.choice([2, 20, 100, 300])
            wrapper = rng.choice(
                [
                    (b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>"),
                    (b"<w:tbl><w:tr><w:tc>", b"</w:tc></w:tr></w:tbl>"),
                ]
            )
            return xml[:start] + wrapper[0] * depth + xml[start:end] + wrapper[1] * depth + xml[
                end:
            ], f"xml-nest×{depth}"
    if op == "attr":
        hits = list(re.finditer(rb'w:(val|ilvl|numId|abstractNumId|styleId|type)="([^"]*)"', xml))
        if hits:
            hit = rng.choice(hits)
            value = rng.choice(_XML_VALUES).encode()
            return xml[: hit.start(2)] + value + xml[
                hit.end(2) :
            ], f"xml-attr:{hit.group(1).decode()}={value.decode()!r}"
    if op == "drop-tag":
        hits = [m.span() for m in re.finditer(rb"<[^>]+>", xml)]
        if hits:
            start, end = rng.choice(hits)
            return xml[:start] + xml[end:], "xml-drop-tag"
    if op == "numpr":
        hits = [m.end() for m in re.finditer(rb"<w:pPr>", xml)]
        if hits:
            at = rng.choice(hits)
            num = b'<w:numPr><w:ilvl w:val="%s"/><w:numId w:val="%s"/></w:numPr>' % (
                rng.choice([b"0", b"1", b"8", b"9", b"-1", b"100000"]),
                rng.choice([b"0", b"1", b"2", b"7", b"999"]),
            )
            return xml[:at] + num + xml[at:], "xml-numpr"
    if op == "breaks":
        hits = [m.end() for m in re.finditer(rb"<w:r>", xml)]
        if hits:
            at = rng.choice(hits)
            brk = rng.choice(
                [b'<w:br w:type="page"/>', b"<w:br/>", b"<w:cr/>", b"<w:lastRenderedPageBreak/>", b"<w:tab/>"]
            )
            return xml[:at] + brk * rng.choice([1, 10, 1000]) + xml[at:], "xml-breaks"
    return _interesting_bytes(xml, rng) if xml else (xml, "xml-empty")


def _mutate_zip(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Open the DOCX, edit its members, write a new zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info, archive.read(info)) for info in archive.infolist()]
    except Exception:  # a mutation already broke the zip: fall back to bytes
        return _bit_flips(data, rng)
    if not members:
        return _bit_flips(data, rng)
    op = rng.choice(["part"] * 8 + ["drop", "rename", "duplicate", "add", "stored"])
    parts = [
        i for i, (info, _) in enumerate(members) if info.filename.startswith("word/") and info.filename.endswith(".xml")
    ] or list(range(len(members)))
    index = rng.choice(parts)
    step = f"zip-{op}"
    if op == "part":
        info, content = members[index]
        content, inner = _mutate_xml(content, rng)
        members[index] = (info, content)
        step = f"zip-part:{info.filename}:{inner}"
    elif op == "drop":
        step = f"zip-drop:{members[index][0].filename}"
        del members[index]
    elif op == "rename":
        info, content = members[index]
        new = rng.choice(
            [
                "../word/document.xml",
                "word/document.xml",
                "WORD/DOCUMENT.XML",
                "word/../word/document.xml",
                "/word/document.xml",
                "word/numbering.xml",
                "x",
            ]
        )
        members[index] = (zipfile.ZipInfo(new, info.date_time), content)
        step = f"zip-rename:{info.filename}->{new}"
    elif op == "duplicate":
        members.append(members[index])
    elif op == "add":
        members.append(
            (
                zipfile.ZipInfo(
                    rng.choice(["../escape.txt", "word/media/big.bin", "word/numbering.xml", "word/styles.xml"]),
                    (2026, 1, 1, 0, 0, 0),
                ),
                rng.choice(
                    [
                        b"",
                        b"<x/>",
                        b"\x00" * 1000,
                        b"<w:numbering xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'/>",
                    ]
                ),
            )
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info, content in members:
            fresh = zipfile.ZipInfo(info.filename, info.date_time)
            fresh.compress_type = zipfile.ZIP_STORED if op == "stored" else zipfile.ZIP_DEFLATED
            with _quiet_duplicates():
                archive.writestr(fresh, content)
    return buffer.getvalue(), step


class _quiet_duplicates:
    """zipfile warns about duplicate member names; here they are the point."""

    def __enter__(self):
        import warnings

        self._catch = warnings.catch_warnings()
        self._catch.__enter__()
        warnings.simplefilter("ignore")

    def __exit__(self, *exc):
        self._catch.__exit__(*exc)


def mutate(
    seed: Seed, rng: random.Random, others: list[bytes] | None = None, long_runs: bool = True
) -> tuple[bytes, list[str]]:
    """One fuzz input from ``seed``: one to four mutations, chosen for the format.

    ``long_runs=False`` leaves out the 30 000-character lines (which find slow regexes,
    and make slow inputs): the short CI run uses that.
    """
    data = seed.data
    steps = []
    generic: list[Callable] = [_bit_flips, _interesting_bytes, _truncate, _duplicate_chunk, _delete_chunk]
    for _ in range(rng.choice([1, 1, 2, 3, 4])):
        if not data:
            break
        if seed.suffix == ".docx" and rng.random() < 0.85:
            data, step = _mutate_zip(data, rng)
        elif seed.suffix == ".pdf" and rng.random() < 0.35:
            data, step = _pdf_token(data, rng)
        elif seed.suffix == ".txt" and rng.random() < 0.5:
            data, step = _text_lines(data, rng, long_runs)
        elif others and rng.random() < 0.05:
            data, step = _splice(data, rng, others)
        else:
            data, step = rng.choice(generic)(data, rng)
        steps.append(step)
    return data, steps


@dataclass
class FuzzInput:
    index: int
    seed: str
    name: str  # the path given to extract_bytes
    enrich: bool
    steps: list[str]
    data: bytes = field(repr=False)


def make_input(index: int, run_seed: int, pool: list[Seed], long_runs: bool = True) -> FuzzInput:
    """Input ``index`` of a run: the same bytes for the same run seed and seed files."""
    rng = random.Random(f"{run_seed}:{index}")
    # Each format gets an equal share, however many seed files it has.
    suffix = rng.choice(sorted({s.suffix for s in pool}))
    seed = rng.choice([s for s in pool if s.suffix == suffix])
    data, steps = mutate(seed, rng, [s.data for s in pool], long_runs)
    suffix = seed.suffix if rng.random() > 0.05 else rng.choice([".pdf", ".docx", ".txt", ".bin"])  # lie about the type
    return FuzzInput(
        index=index, seed=seed.name, name=f"fuzz-{index}{suffix}", enrich=rng.random() < 0.5, steps=steps, data=data
    )


# -- running --------------------------------------------------------------------------------


@dataclass
class Outcome:
    index: int
    status: str  # "ok", "rejected" (ExtractionError), "crash", "died", "hang"
    seconds: float
    error_type: str = ""
    message: str = ""
    where: str = ""  # innermost referat frame: "extract/readers/docx.py:175 in label"
    trace: str = ""


def _innermost_referat_frame(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/referat/" in f.filename or str(REPO) in f.filename]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "?"
    name = frame.filename
    if name.startswith(str(REPO) + os.sep):
        name = name[len(str(REPO)) + 1 :]
    return f"{name}:{frame.lineno} in {frame.name}"


def _type_name(error: BaseException) -> str:
    kind = type(error)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def run_one(item: FuzzInput) -> Outcome:
    """Feed one input to extract_bytes; classify what happened."""
    from referat.extract import ExtractionError, extract_bytes

    start = time.perf_counter()
    try:
        extract_bytes(item.name, item.data, enrich=item.enrich)
        return Outcome(item.index, "ok", time.perf_counter() - start)
    except ExtractionError:
        return Outcome(item.index, "rejected", time.perf_counter() - start)
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt):
            raise
        return Outcome(
            item.index,
            "crash",
            time.perf_counter() - start,
            _type_name(error),
            str(error)[:500],
            _innermost_referat_frame(error),
            "".join(traceback.format_exception(error))[-6000:],
        )


def _worker(connection, stack_path: str, stack_after: float) -> None:
    import faulthandler

    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    from referat.extract import extract_bytes

    extract_bytes("warm.txt", b"Punkt 1 Velkomst\nReferat\nGodt.\n", enrich=True)  # load spaCy before timing
    connection.send("ready")
    with open(stack_path, "w") as stacks:
        while True:
            item = connection.recv()
            if item is None:
                return
            # If this input hangs, its stack lands in stack_path before the parent kills us.
            stacks.seek(0)
            stacks.truncate()
            faulthandler.dump_traceback_later(stack_after, file=stacks)
            outcome = run_one(item)
            faulthandler.cancel_dump_traceback_later()
            connection.send(outcome)


_FRAME = re.compile(r'File "(?P<file>[^"]+)", line (?P<line>\d+) in (?P<function>\S+)')


def _hang_outcome(item: FuzzInput, seconds: float, stack: str) -> Outcome:
    """Where a killed worker was: the innermost frame of ours in its faulthandler dump."""
    where = ""
    for match in _FRAME.finditer(stack):  # most recent call first
        file = match["file"]
        if file.startswith(str(REPO) + os.sep) and not file.endswith("fuzz_readers.py"):
            where = f"{file[len(str(REPO)) + 1 :]}:{match['line']} in {match['function']}"
            break
    return Outcome(item.index, "hang", seconds, "Hang", f"killed after {seconds:.0f} s", where, stack[-6000:])


class _Worker:
    def __init__(self, context, hang: float) -> None:
        self.connection, child = context.Pipe()
        handle, self.stack_path = tempfile.mkstemp(prefix="fuzz-stack-", suffix=".txt")
        os.close(handle)
        self.process = context.Process(
            target=_worker, args=(child, self.stack_path, max(hang - 2, hang * 0.8)), daemon=True
        )
        self.process.start()
        child.close()
        self.connection.recv()  # "ready"
        self.item: FuzzInput | None = None
        self.started = 0.0

    def submit(self, item: FuzzInput) -> None:
        self.item, self.started = item, time.monotonic()
        self.connection.send(item)

    def stack(self) -> str:
        try:
            return Path(self.stack_path).read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        with contextlib.suppress(OSError):
            os.unlink(self.stack_path)


def fuzz(
    inputs: int,
    run_seed: int,
    workers: int,
    slow: float,
    hang: float,
    pool: list[Seed],
    on_outcome: Callable[[FuzzInput, Outcome], None],
    only: list[int] | None = None,
    long_runs: bool = True,
) -> None:
    """Run inputs 0 … inputs-1 (or ``only``): in this process (workers=0) or in worker processes."""
    indexes = only if only is not None else range(inputs)
    make = functools.partial(make_input, run_seed=run_seed, pool=pool, long_runs=long_runs)
    if workers == 0:
        for index in indexes:
            item = make(index)
            on_outcome(item, run_one(item))
        return
    context = multiprocessing.get_context("fork")
    crew = [_Worker(context, hang) for _ in range(workers)]
    pending = iter(indexes)
    try:
        busy: dict = {}
        for worker in crew:
            index = next(pending, None)
            if index is not None:
                worker.submit(make(index))
                busy[worker.connection] = worker
        while busy:
            for connection in wait(list(busy), timeout=0.5):
                worker = busy.pop(connection)
                item = worker.item
                try:
                    outcome = connection.recv()
                except (EOFError, OSError):  # the worker died: pdfium crashed, or the kernel killed it
                    worker.process.join()
                    outcome = Outcome(
                        item.index,
                        "died",
                        time.monotonic() - worker.started,
                        "WorkerDied",
                        f"exit code {worker.process.exitcode}",
                    )
                    crew[crew.index(worker)] = worker = _Worker(context, hang)
                on_outcome(item, outcome)
                index = next(pending, None)
                if index is not None:
                    worker.submit(make(index))
                    busy[worker.connection] = worker
            for connection, worker in list(busy.items()):
                if time.monotonic() - worker.started > hang:
                    busy.pop(connection)
                    stack = worker.stack()
                    worker.stop()
                    on_outcome(worker.item, _hang_outcome(worker.item, time.monotonic() - worker.started, stack))
                    replacement = _Worker(context, hang)
                    crew[crew.index(worker)] = replacement
                    index = next(pending, None)
                    if index is not None:
                        replacement.submit(make(index))
                        busy[replacement.connection] = replacement
    finally:
        for worker in crew:
            with contextlib.suppress(BrokenPipeError, OSError):
                worker.connection.send(None)
            worker.stop()


class Recorder:
    """Counts outcomes, keeps the slowest, saves crashing/slow inputs for reproduction."""

    def __init__(self, results: Path | None, slow: float, keep_per_signature: int = 20, label: str = "") -> None:
        self.results = results
        self.slow = slow
        self.keep = keep_per_signature
        self.statuses: Counter = Counter()
        self.signatures: Counter = Counter()  # (status, type, where) → count
        self.examples: dict[tuple, list[str]] = {}
        self.slowest: list[tuple[float, int, str]] = []
        self.slow_inputs: list[tuple[float, int, str]] = []
        self.count = 0
        if results:
            results.mkdir(parents=True, exist_ok=True)
            # open for the whole campaign; close() closes it
            self._log = open(results / f"log{label}.jsonl", "w", encoding="utf-8")  # noqa: SIM115
        else:
            self._log = None

    def __call__(self, item: FuzzInput, outcome: Outcome) -> None:
        self.count += 1
        self.statuses[outcome.status] += 1
        self.slowest = sorted(self.slowest + [(outcome.seconds, item.index, item.seed)], reverse=True)[:10]
        bad = outcome.status in ("crash", "died", "hang")
        if outcome.seconds > self.slow and not bad:
            self.slow_inputs.append((outcome.seconds, item.index, item.seed))
            self._save(item, outcome, ("slow", f"{outcome.seconds:.0f}s", item.seed))
        if bad:
            signature = (outcome.status, outcome.error_type, outcome.where)
            self.signatures[signature] += 1
            if self.signatures[signature] <= self.keep:
                path = self._save(item, outcome, signature)
                self.examples.setdefault(signature, []).append(path or f"input {item.index}")
        if self._log and (bad or outcome.seconds > self.slow):
            self._log.write(
                json.dumps(
                    {
                        **asdict(outcome),
                        "seed": item.seed,
                        "name": item.name,
                        "enrich": item.enrich,
                        "steps": item.steps,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            self._log.flush()

    def _save(self, item: FuzzInput, outcome: Outcome, signature: tuple) -> str | None:
        if not self.results:
            return None
        digest = hashlib.sha1(item.data).hexdigest()[:12]
        kind = re.sub(r"[^\w.-]+", "_", f"{signature[0]}-{signature[1]}")[:60]
        path = self.results / f"{kind}-{digest}{Path(item.name).suffix}"
        path.write_bytes(item.data)
        path.with_name(path.name + ".txt").write_text(
            f"input {item.index} of seed file {item.seed}; name {item.name}; enrich={item.enrich}\n"
            f"mutations: {' | '.join(item.steps)}\nstatus: {outcome.status} after {outcome.seconds:.2f} s\n"
            f"{outcome.error_type}: {outcome.message}\nat {outcome.where}\n\n{outcome.trace}\n"
            f"reproduce: python bench/fuzz_readers.py"
            f" --replay {path.relative_to(REPO) if path.is_relative_to(REPO) else path}"
            f"{' --enrich' if item.enrich else ''}\n",
            encoding="utf-8",
        )
        return str(path.relative_to(REPO) if path.is_relative_to(REPO) else path)

    def summary(self, seconds: float) -> dict:
        return {
            "inputs": self.count,
            "seconds": round(seconds, 1),
            "inputs_per_second": round(self.count / seconds, 1) if seconds else None,
            "outcomes": dict(self.statuses),
            "crashes": [
                {"status": s, "type": t, "where": w, "count": n, "saved": self.examples.get((s, t, w), [])}
                for (s, t, w), n in self.signatures.most_common()
            ],
            "slow_inputs": [
                {"seconds": round(t, 2), "index": i, "seed": s} for t, i, s in sorted(self.slow_inputs, reverse=True)
            ],
            "slowest": [{"seconds": round(t, 3), "index": i, "seed": s} for t, i, s in self.slowest],
        }

    def close(self) -> None:
        if self._log:
            self._log.close()


def print_summary(summary: dict, out=sys.stdout) -> None:
    print(f"\n{summary['inputs']} inputs in {summary['seconds']} s ({summary['inputs_per_second']}/s)", file=out)
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(summary["outcomes"].items())), file=out)
    if summary["crashes"]:
        print("crashes by type and place:", file=out)
        for crash in summary["crashes"]:
            print(f"  {crash['count']:>6}  {crash['status']:6} {crash['type']:20} {crash['where']}", file=out)
            for path in crash["saved"][:2]:
                print(f"          e.g. {path}", file=out)
    else:
        print("crashes: none", file=out)
    if summary["slow_inputs"]:
        print(f"slower than the limit: {len(summary['slow_inputs'])}", file=out)
    print(
        "slowest: " + ", ".join(f"#{s['index']} {s['seconds']} s ({s['seed']})" for s in summary["slowest"][:5]),
        file=out,
    )


def replay(path: Path, enrich: bool, timeout: float) -> int:
    """Run one saved input in this process and show what happens (a traceback, if any).

    A hang prints every thread's stack after ``timeout`` seconds and exits.
    """
    import cProfile
    import faulthandler
    import pstats

    from referat.extract import ExtractionError, extract_bytes

    faulthandler.dump_traceback_later(timeout, exit=True)
    profile = cProfile.Profile()
    start = time.perf_counter()
    try:
        with profile:
            document = extract_bytes(path.name, path.read_bytes(), enrich=enrich)
        print(f"ok after {time.perf_counter() - start:.2f} s: {sum(len(m.items) for m in document.meetings)} items")
    except ExtractionError as error:
        print(f"rejected after {time.perf_counter() - start:.2f} s: {error}")
    if time.perf_counter() - start > 1.0:  # slow: say where the time went
        stats = pstats.Stats(profile).stats
        ours = sorted(
            ((value[3], key) for key, value in stats.items() if key[0].startswith(str(REPO / "extract"))), reverse=True
        )
        print("most time (cumulative) in:")
        for seconds, (file, line, function) in ours[:6]:
            print(f"  {seconds:7.2f} s  {Path(file).relative_to(REPO)}:{line} {function}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="how many inputs (default 10 000)")
    parser.add_argument("--seed", type=int, default=1, help="run seed: the same seed gives the same inputs")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 2, help="worker processes; 0 runs in this process"
    )
    parser.add_argument("--slow", type=float, default=5.0, help="save inputs slower than this many seconds")
    parser.add_argument(
        "--hang",
        type=float,
        default=60.0,
        help="kill a worker after this many seconds on one input (with --replay: dump the stack)",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="where crashing inputs are saved")
    parser.add_argument("--only", type=int, nargs="+", help="run only these input numbers (to reproduce)")
    parser.add_argument("--replay", type=Path, help="re-run one saved input file")
    parser.add_argument("--enrich", action="store_true", help="with --replay: enrich too")
    parser.add_argument("--no-long-runs", action="store_true", help="leave out the 30 000-character lines")
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay, args.enrich, args.hang)
    pool = seeds()
    print(
        f"{len(pool)} seed files; {args.inputs} inputs; run seed {args.seed}; {args.workers} workers → {args.results}"
    )
    recorder = Recorder(args.results, args.slow, label=f"-seed{args.seed}")
    start = time.monotonic()
    last = [start]

    def progress(item: FuzzInput, outcome: Outcome) -> None:
        recorder(item, outcome)
        if outcome.status in ("crash", "died", "hang"):
            print(
                f"  #{item.index} {outcome.status}: {outcome.error_type} at {outcome.where}"
                f" ({item.seed}; {' | '.join(item.steps)})",
                flush=True,
            )
        if time.monotonic() - last[0] > 30:
            last[0] = time.monotonic()
            print(f"  … {recorder.count} inputs, {dict(recorder.statuses)}", flush=True)

    try:
        fuzz(
            args.inputs,
            args.seed,
            args.workers,
            args.slow,
            args.hang,
            pool,
            progress,
            args.only,
            long_runs=not args.no_long_runs,
        )
    except KeyboardInterrupt:
        print("interrupted")
    summary = recorder.summary(time.monotonic() - start)
    summary.update(run_seed=args.seed, seed_files=[s.name for s in pool])
    recorder.close()
    if args.results:
        (args.results / f"summary-seed{args.seed}.json").write_text(
            json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    print_summary(summary)
    return 1 if summary["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
