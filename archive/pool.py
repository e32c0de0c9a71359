"""Extraction in supervised worker processes, for the importer.

Workers extract and write nothing: each receives a path and sends back the Document as
JSON with the stems and compound tails of its words (document_words.py: the parent,
storing it, stems nothing), or a one-line reason. Each worker runs under a memory
ceiling (RLIMIT_AS) and each file under a time limit this (the parent) process enforces:
a file that hangs or blows up kills only its worker, comes back as failed with the
reason, and a fresh worker takes the next file. Every cost that grows with a document's
text but the parent's writing of it is paid here, under those limits.
Workers are started with ``spawn`` (no inherited sqlite handles or threads) and replaced
after :data:`TASKS_PER_WORKER` files, so a slow leak in a reader cannot grow.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import signal
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from referat.archive.document_words import document_words
from referat.archive.text import IndexWords

DEFAULT_TIMEOUT = 120.0  # seconds per file; the 220-page benchmark PDF takes ~3 s
DEFAULT_MAX_MEMORY_MB = 2048
# A worker is replaced after this many files, so a slow leak in a reader cannot grow.
TASKS_PER_WORKER = 200
# How long a new worker may take to start (import referat, build the NLP pipeline: ~1 s,
# much more on a loaded machine) before its first file's --timeout starts to count.
STARTUP_SECONDS = 300.0
# What a worker sends once it is ready for its first file.
READY = "ready"


@dataclass(frozen=True)
class Extracted:
    """One file done: the Document as JSON and its words' stems and tails
    (document_words.py), or ``None`` and the one-line reason it failed."""

    path: str
    payload: str | None
    reason: str | None
    index_words: IndexWords | None = None


# -- worker side -----------------------------------------------------------------------


def _extract_for_archive(path: str, keep_personal_data: bool = False, ocr: str = "auto") -> Extracted:
    """Extract one file (CPR numbers redacted unless ``keep_personal_data``) and stem its
    words for the index; what failed comes back with its one-line reason."""
    from referat.extract import extract_or_reason

    document, reason = extract_or_reason(path, keep_personal_data=keep_personal_data, ocr=ocr)
    if document is None:
        if reason == "ran out of memory while reading":
            reason += " (over the --max-memory ceiling)"
        return Extracted(path, None, reason)
    try:
        # (here, under the limits, not in the parent's write transaction: document_words.py)
        words = document_words(document)
        return Extracted(path, document.model_dump_json(), None, words)
    except MemoryError:
        return Extracted(path, None, "ran out of memory while indexing (over the --max-memory ceiling)")


def _worker_main(
    connection: Connection, max_memory_bytes: int | None, keep_personal_data: bool = False, ocr: str = "auto"
) -> None:
    """A worker: receive paths, send back each one :class:`Extracted`, until told to stop or orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if max_memory_bytes:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (max_memory_bytes, max_memory_bytes))
        except (ImportError, ValueError, OSError):
            pass  # not on this platform; the time limit still holds
    # Import and build the pipeline before saying ready: the first file's time limit
    # starts then, so --timeout does not count the worker's start-up.
    from referat.extract.enrich.components import get_nlp

    get_nlp()
    try:
        connection.send(READY)
    except (BrokenPipeError, OSError):
        return

    while True:
        try:
            path = connection.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if path is None:
            return
        extracted = _extract_for_archive(path, keep_personal_data, ocr)
        try:
            connection.send(extracted)
        except (BrokenPipeError, OSError):
            return


# -- parent side -----------------------------------------------------------------------


class _Worker:
    def __init__(
        self,
        context: multiprocessing.context.SpawnContext,
        max_memory_bytes: int | None,
        keep_personal_data: bool = False,
        ocr: str = "auto",
    ) -> None:
        self.connection, child = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_worker_main, args=(child, max_memory_bytes, keep_personal_data, ocr), daemon=True
        )
        self.process.start()
        child.close()
        self.path: str | None = None
        self.ready = False
        self.born = time.monotonic()
        self.started = 0.0
        self.tasks = 0

    def give(self, path: str) -> None:
        self.connection.send(path)
        self.path, self.started, self.tasks = path, time.monotonic(), self.tasks + 1

    def deadline(self, timeout: float) -> float:
        """When the file being read times out; before the worker is ready, when its start-up does."""
        return self.started + timeout if self.ready else self.born + STARTUP_SECONDS

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


class WorkerPool:
    """Up to ``size`` worker processes that extract files; use as a context manager, which
    kills every worker on the way out (also on Ctrl-C).

    Example:
        >>> with WorkerPool(size=2) as pool:  # doctest: +SKIP
        ...     for done in pool.extract(deque(["a.pdf", "b.docx"])):
        ...         print(done.path, done.reason)
    """

    def __init__(
        self,
        size: int,
        timeout: float = DEFAULT_TIMEOUT,
        max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB,
        keep_personal_data: bool = False,
        tasks_per_worker: int = TASKS_PER_WORKER,
        ocr: str = "auto",
    ) -> None:
        self.size = size
        self.timeout = timeout
        self.max_memory = max_memory_mb * 1024 * 1024 if max_memory_mb else None
        self.keep_personal_data = keep_personal_data
        self.ocr = ocr
        self.tasks_per_worker = tasks_per_worker
        self.context = multiprocessing.get_context("spawn")  # no inherited sqlite handles or threads
        self.workers: list[_Worker] = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        for worker in self.workers:
            worker.stop(kill=True)

    def _start(self) -> _Worker:
        return _Worker(self.context, self.max_memory, self.keep_personal_data, self.ocr)

    def _replace(self, worker: _Worker, kill: bool, queue: deque[str]) -> None:
        worker.stop(kill=kill)
        self.workers.remove(worker)
        if queue:
            self.workers.append(self._start())

    def extract(self, queue: deque[str]) -> Iterator[Extracted]:
        """Extract every path in ``queue`` (taken from it as workers free up), yielding each
        file as it is done; a worker that dies or runs past the timeout is killed and
        replaced, and its file comes back with the reason."""
        self.workers = [self._start() for _ in range(min(self.size, len(queue)))]
        busy: dict[Connection, _Worker] = {}
        while queue or busy:
            for worker in self.workers:
                if worker.path is None and queue:
                    worker.give(queue.popleft())
                    busy[worker.connection] = worker
            now = time.monotonic()
            wait_for = min((w.deadline(self.timeout) - now for w in busy.values()), default=1.0)
            ready = wait([*busy, *(w.process.sentinel for w in busy.values())], timeout=max(0.0, min(wait_for, 1.0)))
            for worker in list(busy.values()):
                done = self._collect(worker, ready, queue)
                if done is None:
                    continue
                del busy[worker.connection]
                yield done
                if worker.path is None and worker.tasks >= self.tasks_per_worker:
                    self._replace(worker, kill=False, queue=queue)

    def _collect(self, worker: _Worker, ready: list[Any], queue: deque[str]) -> Extracted | None:
        """The file a busy worker is done with (a lost or timed-out worker is replaced
        here), or ``None`` while it is still working on it."""
        path = worker.path
        assert path is not None
        if worker.connection in ready or worker.process.sentinel in ready:
            message = None
            try:
                if worker.connection.poll():
                    message = worker.connection.recv()
            except (EOFError, OSError):
                message = None
            if message == READY:  # the file's time starts now (it may be in the pipe already)
                worker.ready, worker.started = True, time.monotonic()
                return None
            if message is None:
                reason = _death_reason(worker.process)
                self._replace(worker, kill=True, queue=queue)
                return Extracted(path, None, reason)
            worker.path = None
            return replace(message, path=path)
        if time.monotonic() > worker.deadline(self.timeout):
            started = worker.ready
            self._replace(worker, kill=True, queue=queue)
            if not started:
                return Extracted(path, None, f"the worker process did not start within {STARTUP_SECONDS:g} s")
            return Extracted(path, None, f"timed out after {self.timeout:g} s (see --timeout)")
        return None
