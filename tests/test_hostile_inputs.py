"""Hostile and broken files through the real command line, each in its own process.

Every file of the generated bad-file corpus (tests/hostile/generate.py) goes through
`python -m referat extract -o OUTDIR -- FILE` in a child process limited to a 2 GB address
space. Whatever the file, the user sees no traceback: either exit 0 and a valid Document
JSON in OUTDIR, or exit 1 and exactly one stderr line naming the file and the reason.
Nothing is written outside OUTDIR, external entities are never fetched, and the bombs
fail fast. One more run feeds all the files to one `referat extract` call.

A file that shows a product bug nobody has fixed yet carries ``known_bug`` in the corpus,
which makes its tests strict xfails (a fix then turns them into failures that ask for the
mark to go). The bugs these files and the fuzzer found are fixed; the tests at the end of
this file and in test_fuzz_short.py are their minimal reproductions.
"""

from __future__ import annotations

import json
import os
import re
import resource
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile.generate import SECRET, ZIP_SLIP_MARK, Case, generate_corpus, hostile_cases
from own_peak_rss import module_command, read_peak_mb

from referat.models import Document

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="uses RLIMIT_AS and /proc/self/status (Linux)")

REPO = Path(__file__).resolve().parent.parent
ADDRESS_SPACE = 2 << 30  # the child's ceiling: a bomb that expands dies, it cannot take the machine
FAST_SECONDS = 10.0  # bombs and other bounded cases must end within this
TIMEOUT_SECONDS = 60.0
# A known-slow case is stopped soon after it has missed its bound, to keep this file quick.
KNOWN_SLOW_KILL_SECONDS = FAST_SECONDS + 0.5
# The 2 GB ceiling is the hard bound; this catches a regression well before it. (The
# paragraph bomb peaks near 1 GB today: lxml's tree of a 60 MB document.xml.)
PEAK_RSS_LIMIT_MB = 1536

CASES = hostile_cases()


@dataclass
class Run:
    """One child process: what it printed, how it ended, what it cost."""

    args: list[str]
    returncode: int | None  # None: killed at the timeout
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float
    outdir: Path

    @property
    def written(self) -> list[Path]:
        return sorted(self.outdir.rglob("*")) if self.outdir.exists() else []


def _limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_referat(arguments: list[str], outdir: Path, cwd: Path, timeout: float = TIMEOUT_SECONDS) -> Run:
    """Run `python -m referat ARGUMENTS` with a 2 GB address space; measure time and peak RSS."""
    peak_path = outdir.with_name(outdir.name + ".peak")
    args = module_command("referat", arguments, peak_path)
    stdout_path, stderr_path = outdir.with_name(outdir.name + ".stdout"), outdir.with_name(outdir.name + ".stderr")
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        start = time.monotonic()
        child = subprocess.Popen(
            args, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd, preexec_fn=_limit_address_space
        )
        returncode: int | None = None
        while True:
            pid, status = os.waitpid(child.pid, os.WNOHANG)
            if pid:
                returncode = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() - start > timeout:
                child.kill()
                os.waitpid(child.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.monotonic() - start
        child.returncode = returncode if returncode is not None else -9  # Popen must not wait again
    return Run(
        args=args,
        returncode=returncode,
        stdout=stdout_path.read_text("utf-8", "replace"),
        stderr=stderr_path.read_text("utf-8", "replace"),
        seconds=seconds,
        # The program's own peak (VmHWM; wait4's ru_maxrss would count this pytest's memory
        # too, see own_peak_rss.py); a child killed before it could write it counts as unbounded.
        peak_rss_mb=read_peak_mb(peak_path) or float("inf"),
        outdir=outdir,
    )


class _Listener:
    """A TCP port that counts connections: where the URL payloads point."""

    def __init__(self) -> None:
        self.connections = 0
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(8)
        self._socket.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}/referat-xxe.dtd"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._socket.close()


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every path under ``root`` with its size and mtime: a before/after fingerprint."""
    return {str(path.relative_to(root)): (path.lstat().st_size, path.lstat().st_mtime_ns) for path in root.rglob("*")}


@dataclass
class Corpus:
    root: Path  # the session folder: corpus/, cwd/, out/ live here
    folder: Path  # the generated files
    cwd: Path  # the children's working directory: must stay empty
    listener: _Listener
    before: dict[str, tuple[int, int]]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Corpus:
    root = tmp_path_factory.mktemp("hostile")
    listener = _Listener()
    folder = root / "corpus"
    generate_corpus(folder, xxe_url=listener.url)
    cwd = root / "cwd"
    cwd.mkdir()
    (root / "out").mkdir()
    yield Corpus(root=root, folder=folder, cwd=cwd, listener=listener, before=_tree(folder))
    listener.close()


def _timeout(case: Case) -> float:
    return KNOWN_SLOW_KILL_SECONDS if case.bounded and case.known_bug else TIMEOUT_SECONDS


@pytest.fixture(scope="session")
def runs(corpus) -> dict[str, Run]:
    """Every case once, two children at a time (the test machine has two cores)."""

    def run(indexed: tuple[int, Case]) -> tuple[str, Run]:
        index, case = indexed
        outdir = corpus.root / "out" / f"{index:03d}"
        options = [] if case.enrich else ["--no-enrich"]
        return case.name, run_referat(
            ["extract", "-o", str(outdir), *options, "--", str(corpus.folder / case.name)],
            outdir,
            corpus.cwd,
            _timeout(case),
        )

    # The known-slow cases first, so that they do not run alone at the end.
    order = sorted(enumerate(CASES), key=lambda indexed: not (indexed[1].known_bug and indexed[1].bounded))
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, order))


def _params(cases: list[Case]) -> list:
    return [
        pytest.param(
            case,
            id=case.name.encode("ascii", "backslashreplace").decode().replace("\n", "\\n"),
            marks=[pytest.mark.xfail(strict=True, reason=case.known_bug)] if case.known_bug else [],
        )
        for case in cases
    ]


def _printable(path: str) -> bool:
    """Can the name be shown as it is: valid UTF-8, on one line?"""
    return "\n" not in path and "\r" not in path and not any("\udc80" <= char <= "\udcff" for char in path)


def _names_the_file(shown: str, path: str) -> bool:
    """``shown`` is how referat printed ``path``: as it is, or (for a name with a newline or
    bytes that are not UTF-8) the same folder and a file name that differs only there."""
    if _printable(path):
        return shown == path
    folder, name = os.path.split(path)
    shown_folder, shown_name = os.path.split(shown)
    readable = [part for part in re.split(r"[\n\r\udc80-\udcff]+", name) if part]
    return shown_folder == folder and _printable(shown) and all(part in shown_name for part in readable)


def _check_run(case: Case, path: str, result: Run) -> None:
    assert result.returncode is not None, f"killed after {result.seconds:.0f} s"
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), (result.returncode, result.stderr)
    assert SECRET not in result.stdout + result.stderr
    if result.returncode == 0:
        # Only warnings, one line each, naming the file: what was not understood is said.
        for line in result.stderr.splitlines():
            assert line.startswith("referat: ") and ": warning: " in line, line
        written = [p for p in result.written if p.is_file()]
        assert len(written) == 1 and written[0].suffix == ".json", written
        if _printable(path):
            assert written[0].name == os.path.splitext(os.path.basename(path))[0] + ".json"
        text = written[0].read_text(encoding="utf-8")
        document = Document.model_validate_json(text)
        assert _names_the_file(document.source.path, path), document.source.path
        assert SECRET not in text
        for expected in case.contains:
            assert expected in text, f"{expected!r} missing: the file was not read correctly"
        assert case.expect != "fail", f"expected a failure ({case.reason}), got a Document"
    else:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, f"expected one line, got {lines!r}"
        assert lines[0].startswith("referat: "), lines[0]
        shown, separator, reason = lines[0][len("referat: ") :].rpartition(": ")
        while separator and not _names_the_file(shown, path) and ": " in shown:  # a reason may hold ": "
            shown, _, more = shown.rpartition(": ")
            reason = more + ": " + reason
        assert _names_the_file(shown, path), f"the line does not name {path!r}: {lines[0]!r}"
        assert reason.strip(), "no reason given"
        assert not reason.startswith("internal error"), f"a reader crashed: {reason}"
        assert result.written == [], f"a failed file left {result.written}"
        assert case.expect != "ok", f"expected a Document, got: {reason}"
        if case.reason:
            assert case.reason in reason, reason


@pytest.mark.slow
@pytest.mark.parametrize("case", _params(CASES))
def test_each_bad_file_gives_a_document_or_one_line_naming_it(case: Case, corpus, runs):
    _check_run(case, str(corpus.folder / case.name), runs[case.name])


@pytest.mark.slow
@pytest.mark.parametrize("case", _params([case for case in CASES if case.bounded]))
def test_bombs_and_deep_nesting_end_fast_in_bounded_memory(case: Case, runs):
    result = runs[case.name]
    assert result.returncode in (0, 1), f"returncode {result.returncode} after {result.seconds:.1f} s"
    assert result.seconds < FAST_SECONDS, f"took {result.seconds:.1f} s"
    assert result.peak_rss_mb < PEAK_RSS_LIMIT_MB, f"peak RSS {result.peak_rss_mb:.0f} MB"


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["zip-bomb.docx", "billion-laughs.docx", "billion-laughs-padded.docx", "quadratic-blowup-padded.docx"]
)
def test_zip_bomb_and_billion_laughs_fail_fast_with_a_clear_reason(name, corpus, runs):
    result = runs[name]
    assert result.returncode == 1 and result.seconds < FAST_SECONDS
    assert result.peak_rss_mb < 512, f"peak RSS {result.peak_rss_mb:.0f} MB"
    reason = result.stderr.strip().split(": ", 2)[2]
    assert any(words in reason for words in ("unpacks to", "declares a DTD or entities", "amplification")), reason


@pytest.mark.slow
def test_text_in_utf16_and_latin1_is_read_correctly(corpus, runs):
    for name in ("utf16-le-bom.txt", "utf16-be-bom.txt", "latin1.txt", "cp1252.txt", "utf8-bom.txt"):
        result = runs[name]
        assert result.returncode == 0, result.stderr
        document = json.loads(next(result.outdir.glob("*.json")).read_text(encoding="utf-8"))
        titles = [item["title"] for meeting in document["meetings"] for item in meeting["items"]]
        assert titles == ["Godkendelse af dagsorden", "Budget 2027 for Ærø og Åbenrå"], (name, titles)


@pytest.mark.slow
def test_names_with_spaces_and_aeoeaa_work(corpus, runs):
    for case in CASES:
        if case.kind == "file-name" and not case.known_bug and case.expect == "ok":
            result = runs[case.name]
            assert result.returncode == 0, result.stderr
            if _printable(case.name):
                stem = os.path.splitext(os.path.basename(case.name))[0]
                assert (result.outdir / f"{stem}.json").is_file()


@pytest.mark.slow
def test_nothing_is_written_outside_the_output_folder(corpus, runs):
    assert _tree(corpus.folder) == corpus.before, "a file in the corpus folder changed or appeared"
    assert list(corpus.cwd.iterdir()) == [], "something was written in the working directory"
    for result in runs.values():
        for path in result.written:
            assert path.parent == result.outdir, path
    # The zip-slip members' names, wherever ../ could have led.
    for place in {
        corpus.root,
        corpus.root.parent,
        corpus.folder.parent,
        corpus.cwd.parent,
        Path("/tmp"),
        REPO,
        REPO.parent,
        Path.cwd(),
    }:
        if place.is_dir():
            assert not [p for p in place.iterdir() if ZIP_SLIP_MARK in p.name], place
    for result in runs.values():
        for place in (result.outdir.parent, result.outdir.parent.parent):
            assert not [p for p in place.iterdir() if ZIP_SLIP_MARK in p.name]


@pytest.mark.slow
def test_external_entities_are_never_fetched(corpus, runs):
    time.sleep(0.3)  # let the listener see a late connection
    assert corpus.listener.connections == 0


@pytest.mark.slow
def test_all_bad_files_in_one_call_one_line_each_and_good_files_still_written(corpus, runs, tmp_path):
    # Files showing a known bug (none today) are left out: a traceback would end the run.
    cases = [case for case in CASES if not case.known_bug]
    stems = [os.path.splitext(os.path.basename(case.name))[0] for case in cases if runs[case.name].returncode == 0]
    assert len(set(stems)) == len(stems), "two corpus files would write the same <name>.json"
    outdir = tmp_path / "out"
    result = run_referat(
        ["extract", "-o", str(outdir), "--", *(str(corpus.folder / case.name) for case in cases)], outdir, corpus.cwd
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    failed = [case for case in cases if runs[case.name].returncode == 1]
    succeeded = [case for case in cases if runs[case.name].returncode == 0]
    assert failed and succeeded
    # The failures, one line each, as in the runs one by one; warnings of the files that
    # were read are marked as such and left aside here.
    lines = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    assert lines == [runs[case.name].stderr.rstrip("\n") for case in failed]
    written = sorted(outdir.iterdir())
    assert len(written) == len(succeeded)
    expected = {
        os.path.splitext(os.path.basename(case.name))[0] + ".json" for case in succeeded if _printable(case.name)
    }
    assert expected <= {p.name for p in written}
    for path in written:
        Document.model_validate_json(path.read_text(encoding="utf-8"))


# -- minimal reproductions of the product bugs the corpus found (all fixed now) -------------


@pytest.mark.slow
def test_a_file_name_that_is_not_utf8_gives_a_document(tmp_path):
    # Found: json.dump(ensure_ascii=False) of a source.path holding lone surrogates raised
    # UnicodeEncodeError in cli.py extract -o (a traceback) and left <name>.json.part behind.
    name = b"referat-\xe6\xf8\xe5.txt".decode(sys.getfilesystemencoding(), "surrogateescape")
    (tmp_path / name).write_text("Punkt 1 Velkomst\nReferat\nAlle bød velkommen.\n", encoding="utf-8")
    result = run_referat(
        ["extract", "-o", str(tmp_path / "out"), "--", str(tmp_path / name)], tmp_path / "out", tmp_path
    )
    assert "Traceback" not in result.stderr and result.returncode == 0, result.stderr
    assert [p.suffix for p in result.written] == [".json"]


def test_a_newline_in_a_file_name_still_gives_one_failure_line(tmp_path):
    # Found: cli.py _fail_line printed the path as it is, so the line split in two.
    bad = tmp_path / "tom\nfil.txt"
    bad.write_bytes(b"")
    result = run_referat(["extract", "--", str(bad)], tmp_path / "out", tmp_path)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1, result.stderr


@pytest.mark.slow
def test_two_inputs_with_the_same_stem_do_not_overwrite_each_other(tmp_path):
    # Found: extract -o named every output <stem>.json, so x/referat.txt and y/referat.txt
    # (or a.pdf and a.txt) in one call overwrote each other silently, with exit code 0.
    text = "Punkt 1 Velkomst\nReferat\nAlle bød velkommen.\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "referat.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "referat.txt").write_text(text.replace("Velkomst", "Eventuelt"), encoding="utf-8")
    outdir = tmp_path / "out"
    result = run_referat(
        ["extract", "-o", str(outdir), str(tmp_path / "a" / "referat.txt"), str(tmp_path / "b" / "referat.txt")],
        outdir,
        tmp_path,
    )
    # Either both Documents are kept, or the second is refused with a line: never lost silently.
    assert len(result.written) == 2 or (result.returncode == 1 and "referat.txt" in result.stderr), (
        result.written,
        result.stderr,
    )


def test_personal_data_scan_is_linear_on_a_long_dotted_run():
    # Found: personal_data.EMAIL = r"\b[\w.+-]+@…" was tried at every word boundary and scanned
    # the whole run each time: ~1 s for 24 000 characters, ~24 s for 100 000.
    from referat.extract import extract_bytes

    # 96 000 characters: ~20 s when quadratic, ~15 ms when linear; the bound is far from both.
    start = time.monotonic()
    extract_bytes("x.txt", ("Punkt 1 Velkomst\nReferat\n" + "1." * 48_000 + "\nBeslutning\n").encode(), enrich=False)
    assert time.monotonic() - start < 2.0


def test_hyphen_joining_is_linear_on_a_long_word():
    # Found: hyphens.join_hyphenated_pair ran re.search(r"(\w+)[-=]$", first) over the whole
    # line, which retries from every position of a run of word characters (quadratic), for
    # every line: one 100 000-letter line took minutes.
    from referat.extract.hyphens import join_hyphenated_pair

    # 80 000 letters: ~1.7 s at 20 000 before, so ~27 s now if it came back; well under 1 ms linear.
    start = time.monotonic()
    assert join_hyphenated_pair("æ" * 80_000, "og mere") == ("æ" * 80_000, "og mere")
    assert join_hyphenated_pair("æ" * 80_000 + "-", "øl") == ("æ" * 80_000 + "øl", "")
    assert time.monotonic() - start < 2.0


@pytest.mark.slow
def test_the_whole_corpus_imported_at_once_never_aborts(corpus, tmp_path):
    # Found (issue 11): a file name that is not UTF-8 (one of this corpus's) ended the whole
    # import with UnicodeEncodeError, and every file queued after it was never imported.
    database = tmp_path / "a.db"
    args = [sys.executable, "-m", "referat", "import", "-q", "--workers", "2", "--timeout", "30"]
    result = subprocess.run(
        [*args, str(corpus.folder), "--archive", str(database)],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=900,
        cwd=corpus.cwd,
    )
    assert "Traceback" not in result.stderr and result.returncode in (0, 1), result.stderr[-2000:]
    assert SECRET not in result.stdout + result.stderr
    import sqlite3

    connection = sqlite3.connect(database)
    try:
        (status, files, imported, skipped, failed) = connection.execute(
            "SELECT status, files, imported, skipped, failed FROM import_runs"
        ).fetchone()
        assert status == "done" and files == imported + skipped + failed > 0
        assert failed == len(result.stderr.splitlines())  # one line per failed file
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
