"""Extraction in supervised worker processes, for the importer.

Workers extract and write nothing: each receives a path and sends back the document's
rows as the archive will insert them (prepare.py: checked, closed items withheld, every
word stemmed), or a one-line reason. Each worker runs under a memory ceiling (RLIMIT_AS)
and each file under a time limit this (the parent) process enforces: a file that hangs
or blows up kills only its worker, comes back as failed with the reason, and a fresh
worker takes the next file. Every cost that grows with a document's text but the
parent's inserting of its rows is paid here, under those limits, and what the parent
receives for one file is at most :data:`MAX_MESSAGE_BYTES`.
Workers are started with ``spawn`` (no inherited sqlite handles or threads) and replaced
after :data:`TASKS_PER_WORKER` files, so a slow leak in a reader cannot grow.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import pickle
import signal
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from referat.archive.prepare import PreparedDocument, checked, prepare_document

DEFAULT_TIMEOUT = 120.0  # seconds per file; the 220-page benchmark PDF takes ~3 s
DEFAULT_MAX_MEMORY_MB = 2048
# A worker is replaced after this many files, so a slow leak in a reader cannot grow.
TASKS_PER_WORKER = 200
# How long a new worker may take to start (import referat, build the NLP pipeline: ~1 s,
# much more on a loaded machine) before its first file's --timeout starts to count.
STARTUP_SECONDS = 300.0
# What a worker sends once it is ready for its first file.
READY = "ready"
# The most the parent takes in for one file: a document's rows with its text and index
# columns, pickled. The parent holds them and SQLite indexes them in its write transaction,
# under no --timeout or --max-memory, so a larger one is a failure of its own. A page of
# minutes comes to 5-11 kB (the corpus's PDFs), so this is some 12 000 pages.
MAX_MESSAGE_BYTES = 128 << 20


@dataclass(frozen=True)
class Extracted:
    """One file done: its rows for the archive (prepare.py), or ``None`` and the one-line
    reason it failed."""

    path: str
    prepared: PreparedDocument | None
    reason: str | None


# -- worker side -----------------------------------------------------------------------


def _extract_for_archive(
    path: str, keep_personal_data: bool = False, ocr: str = "auto", include_closed: bool = False
) -> Extracted:
    """Extract one file (CPR numbers redacted unless ``keep_personal_data``) and prepare
    its rows (closed items withheld unless ``include_closed``); what failed comes back with
    its one-line reason."""
    from referat.extract import extract_or_reason

    document, reason = extract_or_reason(path, keep_personal_data=keep_personal_data, ocr=ocr)
    if document is None:
        if reason == "ran out of memory while reading":
            reason += " (over the --max-memory ceiling)"
        return Extracted(path, None, reason)
    try:
        # (here, under the limits, not in the parent's write transaction: prepare.py)
        return Extracted(path, prepare_document(checked(document), include_closed), None)
    except MemoryError:
        return Extracted(path, None, "ran out of memory while indexing (over the --max-memory ceiling)")
    except ValueError as error:  # pydantic's ValidationError: an extraction bug, reported per file
        return Extracted(path, None, f"extracted document is not valid ({str(error).splitlines()[0]})")


def _message(extracted: Extracted, limit: int | None = None) -> bytes:
    """What a worker sends for one file: ``extracted`` pickled, or, when that is larger than
    the parent takes (``limit``, default :data:`MAX_MESSAGE_BYTES`), the reason instead."""
    limit = MAX_MESSAGE_BYTES if limit is None else limit
    try:
        message = pickle.dumps(extracted, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        message = b""
    if message and len(message) <= limit:
        return message
    size = f"{len(message) / (1 << 20):.0f} MB" if message else "more than this worker could hold"
    reason = (
        f"too large to store: its text and index come to {size}"
        f" (the limit is {limit / (1 << 20):.0f} MB a document; split the file)"
    )
    return pickle.dumps(Extracted(extracted.path, None, reason))


def _worker_main(
    connection: Connection,
    max_memory_bytes: int | None,
    keep_personal_data: bool = False,
    ocr: str = "auto",
    include_closed: bool = False,
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
        message = _message(_extract_for_archive(path, keep_personal_data, ocr, include_closed))
        try:
            connection.send_bytes(message)
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
        include_closed: bool = False,
    ) -> None:
        self.connection, child = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_worker_main, args=(child, max_memory_bytes, keep_personal_data, ocr, include_closed), daemon=True
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
        include_closed: bool = False,
    ) -> None:
        self.size = size
        self.timeout = timeout
        self.max_memory = max_memory_mb * 1024 * 1024 if max_memory_mb else None
        self.keep_personal_data = keep_personal_data
        self.ocr = ocr
        self.include_closed = include_closed
        self.tasks_per_worker = tasks_per_worker
        self.context = multiprocessing.get_context("spawn")  # no inherited sqlite handles or threads
        self.workers: list[_Worker] = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        for worker in self.workers:
            worker.stop(kill=True)

    def _start(self) -> _Worker:
        return _Worker(self.context, self.max_memory, self.keep_personal_data, self.ocr, self.include_closed)

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
            message, failure = None, None
            try:
                if worker.connection.poll():
                    # (never more than MAX_MESSAGE_BYTES: a longer message is an OSError)
                    message = pickle.loads(worker.connection.recv_bytes(MAX_MESSAGE_BYTES))
            except EOFError:
                pass  # the worker is gone
            except Exception as error:  # a message too long, or one this process cannot hold: this file only
                failure = f"its result could not be received ({type(error).__name__}: {' '.join(str(error).split())})"
            if message == READY:  # the file's time starts now (it may be in the pipe already)
                worker.ready, worker.started = True, time.monotonic()
                return None
            if message is None:
                reason = failure if failure and worker.process.is_alive() else _death_reason(worker.process)
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
