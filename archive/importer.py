"""Bulk import: find the documents, extract them in worker processes, store them here.

Workers only extract; this (the parent) process does every database write, one
transaction per document, so a Ctrl-C or ``kill -9`` at any moment leaves whole
documents or none, and running the same import again skips what is stored (by sha256).

Each worker runs under a memory ceiling (RLIMIT_AS) and each file under a time limit
the parent enforces: a file that hangs or blows up kills only its worker, is recorded
as failed with the reason, and a fresh worker takes the next file.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import time
import zipfile
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from referat.archive.store import SQLiteArchive
from referat.extract.read import sniff_media_type
from referat.models import Document

DEFAULT_TIMEOUT = 120.0  # seconds per file; the 220-page benchmark PDF takes ~3 s
DEFAULT_MAX_MEMORY_MB = 2048
# A worker is replaced after this many files, so a slow leak in a reader cannot grow.
TASKS_PER_WORKER = 200
# Text files found in folders: .txt only. A folder's README.md is documentation, not minutes
# (name .md files explicitly to import them).
FOLDER_TEXT_SUFFIXES = {".txt", ".text"}


@dataclass
class ImportSummary:
    """What an import run did; ``failures`` are (path, one-line reason)."""

    run_id: int | None = None
    files: int = 0
    imported: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.imported + self.replaced + self.skipped + self.failed

    def counts(self) -> dict[str, int]:
        return {
            "files": self.files,
            "imported": self.imported + self.replaced,
            "skipped": self.skipped,
            "failed": self.failed,
        }

    def line(self) -> str:
        """One line for the terminal.

        Example:
            >>> ImportSummary(files=3, imported=2, failed=1, pages=10, seconds=2.0).line()
            'imported 2, skipped 0 (already in the archive), failed 1 of 3 files in 2.0 s (1.0 files/s, 5.0 pages/s)'
        """
        rate = self.seconds or 1e-9
        extracted = self.imported + self.replaced
        text = (
            f"imported {extracted}"
            + (f" ({self.replaced} replaced)" if self.replaced else "")
            + f", skipped {self.skipped} (already in the archive), failed {self.failed} of {self.files} files"
            + f" in {self.seconds:.1f} s ({extracted / rate:.1f} files/s, {self.pages / rate:.1f} pages/s)"
        )
        return text + ("; interrupted — run the same command again to resume" if self.interrupted else "")


def _is_document(path: str) -> bool:
    """Whether a file found in a folder is one we read: PDF, DOCX or a text file, by content."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError:
        return True  # let the import report why it cannot be read
    media_type = sniff_media_type(path, head)
    if media_type == "application/pdf":
        return True
    if media_type == "application/zip":
        try:
            with zipfile.ZipFile(path) as archive:
                return "word/document.xml" in archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return path.lower().endswith(".docx")  # a broken DOCX is reported, not ignored
    if media_type == "application/msword":
        return True  # reported as unsupported, so the user knows it was not imported
    return os.path.splitext(path)[1].lower() in FOLDER_TEXT_SUFFIXES


def discover(paths: Iterable[str]) -> list[str]:
    """The files to import: files named as they are, folders walked (sorted, hidden entries skipped).

    Inside folders only PDF, DOCX, legacy .doc (to report it) and .txt files are taken,
    judged by their first bytes, not their names. Paths come back absolute, each once.

    Example:
        >>> discover(["corpus"])[0].endswith(".docx")  # doctest: +SKIP
        True
    """
    found: dict[str, None] = {}
    for path in paths:
        if os.path.isdir(path):
            for root, folders, files in os.walk(path):
                folders[:] = sorted(f for f in folders if not f.startswith("."))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if not name.startswith(".") and os.path.isfile(full) and _is_document(full):
                        found[os.path.abspath(full)] = None
        else:
            found[os.path.abspath(path)] = None
    return list(found)


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- worker side -----------------------------------------------------------------------


def _extract_for_archive(path: str, keep_personal_data: bool = False) -> tuple[str | None, str | None]:
    """Extract one file (CPR numbers redacted unless ``keep_personal_data``); return
    (Document JSON, None) or (None, one-line reason)."""
    from referat.extract import extract_or_reason

    document, reason = extract_or_reason(path, keep_personal_data=keep_personal_data)
    if document is None:
        if reason == "ran out of memory while reading":
            reason += " (over the --max-memory ceiling)"
        return None, reason
    return document.model_dump_json(), None


def _worker_main(connection: Connection, max_memory_bytes: int | None, keep_personal_data: bool = False) -> None:
    """A worker: receive paths, send back (path, JSON, reason), until told to stop or orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if max_memory_bytes:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (max_memory_bytes, max_memory_bytes))
        except (ImportError, ValueError, OSError):
            pass  # not on this platform; the time limit still holds
    import referat.extract  # noqa: F401  (import once, before the first file is timed)

    while True:
        try:
            path = connection.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if path is None:
            return
        payload, reason = _extract_for_archive(path, keep_personal_data)
        try:
            connection.send((path, payload, reason))
        except (BrokenPipeError, OSError):
            return


# -- parent side -----------------------------------------------------------------------


class _Worker:
    def __init__(
        self,
        context: multiprocessing.context.BaseContext,
        max_memory_bytes: int | None,
        keep_personal_data: bool = False,
    ) -> None:
        self.connection, child = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_worker_main, args=(child, max_memory_bytes, keep_personal_data), daemon=True
        )
        self.process.start()
        child.close()
        self.path: str | None = None
        self.started = 0.0
        self.tasks = 0

    def give(self, path: str) -> None:
        self.connection.send(path)
        self.path, self.started, self.tasks = path, time.monotonic(), self.tasks + 1

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.connection.send(None)
            except OSError:
                kill = True
        if kill and self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def _death_reason(process: multiprocessing.process.BaseProcess) -> str:
    process.join(timeout=1)
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"worker process died while reading it ({name}{hint})"
    return f"worker process exited while reading it (exit code {code})"


Progress = Callable[[ImportSummary, str | None], None]


def import_paths(
    archive: SQLiteArchive,
    paths: list[str],
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB,
    progress: Progress | None = None,
    tasks_per_worker: int = TASKS_PER_WORKER,
    include_closed: bool = False,
    keep_personal_data: bool = False,
    reextract: bool = False,
) -> ImportSummary:
    """Import files and folders into ``archive``; return what happened.

    Closed items keep only number, title and decision outcomes unless ``include_closed``;
    CPR numbers are redacted unless ``keep_personal_data``. A stored file is extracted
    again when it was stored with the other choice, and with ``reextract`` when an older
    version of referat extracted it.

    ``progress(summary, path)`` is called once when the files are known (path None)
    and after each file. Ctrl-C stops the run cleanly: the summary says ``interrupted``.

    Example:
        >>> with open_archive("referat.db") as archive:  # doctest: +SKIP
        ...     print(import_paths(archive, ["corpus/"]).line())
    """
    start = time.monotonic()
    summary = ImportSummary()
    summary.run_id = archive.start_run(list(paths))
    notify = progress or (lambda _summary, _path: None)
    workers_wanted = max(1, workers or os.cpu_count() or 1)
    pool: list[_Worker] = []

    def fail(path: str, reason: str) -> None:
        summary.failed += 1
        summary.failures.append((path, reason))
        archive.record_failure(path, reason, summary.run_id)

    try:
        files = discover(paths)
        summary.files = len(files)
        notify(summary, None)
        queue: deque[str] = deque()
        seen: set[str] = set()
        for path in files:
            try:
                digest = file_sha256(path)
            except OSError as error:
                fail(path, f"cannot be read ({error.strerror or error})")
                notify(summary, path)
                continue
            if digest in seen or archive.has_document(
                digest, include_closed, keep_personal_data, current_only=reextract
            ):
                summary.skipped += 1  # same bytes as a stored document (or an earlier file here)
                notify(summary, path)
                continue
            seen.add(digest)
            queue.append(path)

        context = multiprocessing.get_context("spawn")  # no inherited sqlite handles or threads
        max_memory = max_memory_mb * 1024 * 1024 if max_memory_mb else None
        pool = [_Worker(context, max_memory, keep_personal_data) for _ in range(min(workers_wanted, len(queue)))]
        busy: dict[Connection, _Worker] = {}

        def replace(worker: _Worker, kill: bool) -> None:
            worker.stop(kill=kill)
            pool.remove(worker)
            if queue:
                pool.append(_Worker(context, max_memory, keep_personal_data))

        while queue or busy:
            for worker in pool:
                if worker.path is None and queue:
                    worker.give(queue.popleft())
                    busy[worker.connection] = worker
            now = time.monotonic()
            wait_for = min((w.started + timeout - now for w in busy.values()), default=1.0)
            ready = wait([*busy, *(w.process.sentinel for w in busy.values())], timeout=max(0.0, min(wait_for, 1.0)))
            for worker in list(busy.values()):
                path = worker.path
                assert path is not None
                message = None
                if worker.connection in ready or worker.process.sentinel in ready:
                    try:
                        if worker.connection.poll():
                            message = worker.connection.recv()
                    except (EOFError, OSError):
                        message = None
                    if message is None:
                        del busy[worker.connection]
                        fail(path, _death_reason(worker.process))
                        replace(worker, kill=True)
                        notify(summary, path)
                        continue
                elif time.monotonic() - worker.started > timeout:
                    del busy[worker.connection]
                    fail(path, f"timed out after {timeout:g} s (see --timeout)")
                    replace(worker, kill=True)
                    notify(summary, path)
                    continue
                else:
                    continue
                del busy[worker.connection]
                worker.path = None
                _path, payload, reason = message
                if payload is None:
                    fail(path, reason or "unknown error")
                else:
                    _store(archive, summary, path, payload, fail, include_closed, reextract)
                if worker.tasks >= tasks_per_worker:
                    replace(worker, kill=False)
                notify(summary, path)
        archive.finish_run(summary.run_id, "done", summary.counts())
    except KeyboardInterrupt:
        summary.interrupted = True
        archive.finish_run(summary.run_id, "interrupted", summary.counts())
    finally:
        for worker in pool:
            worker.stop(kill=True)
        summary.seconds = time.monotonic() - start
    return summary


def _store(
    archive: SQLiteArchive,
    summary: ImportSummary,
    path: str,
    payload: str,
    fail: Callable[[str, str], None],
    include_closed: bool = False,
    reextract: bool = False,
) -> None:
    try:
        document = Document.model_validate_json(payload)
    except ValueError as error:  # pydantic ValidationError: an extraction bug, reported per file
        fail(path, f"extracted document is not valid ({str(error).splitlines()[0]})")
        return
    outcome = archive.store_document(
        document, path=path, run_id=summary.run_id, include_closed=include_closed, reextracted=reextract
    )
    if outcome == "skipped":
        summary.skipped += 1
        return
    if outcome == "replaced":
        summary.replaced += 1
    else:
        summary.imported += 1
    summary.pages += document.source.pages
