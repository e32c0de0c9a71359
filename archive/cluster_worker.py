"""What a distributed import runs on a Dask worker: one file's extraction, under the same
limits as a local import's worker (pool.py).

The client ships each file's bytes with its task (:class:`ShippedFile`), so the workers
need no view of the client's file system. A Dask worker cannot stop a task that hangs
(its tasks are threads), and its process is a daemon that multiprocessing may not give
children, so the task does not extract in its own thread: it hands the file to a child
process of its own, started with ``subprocess`` and kept for the next files (spaCy loads
once), and waits for the answer at most ``--timeout`` seconds. A child over its time
kills only itself (the file fails with the reason, a fresh child takes the next); the
child's address space is capped at ``--max-memory`` (RLIMIT_AS), and a child whose
Dask worker is gone dies on its own (its socket closes, or its alarm rings).

The child is ``python -m referat.archive.cluster_worker FD``: it talks pickles over a
socket pair, exactly as pool.py's workers do over their pipes, and sends back the same
:class:`~referat.archive.pool.Extracted` message, at most MAX_MESSAGE_BYTES a file.
"""

from __future__ import annotations

import math
import pickle
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection

from referat.archive.pool import READY, STARTUP_SECONDS, Extracted, _message
from referat.archive.prepare import checked, prepare_document

# A child outlives its file's --timeout by at most this much even when its Dask worker is
# gone and nobody kills it (SIGALRM, whose default action ends the process).
ALARM_GRACE_SECONDS = 30


@dataclass(frozen=True)
class ExtractionSettings:
    """The import's choices that a worker needs for every file (``referat import``'s options)."""

    referat_version: str
    timeout: float
    max_memory_mb: int | None
    keep_personal_data: bool = False
    ocr: str = "auto"
    include_closed: bool = False
    tasks_per_worker: int = 200


@dataclass(frozen=True)
class ShippedFile:
    """One file as the client read it: its path (recorded, and named in messages) and bytes."""

    path: str
    data: bytes


# -- the child process -------------------------------------------------------------------


def extract_shipped(shipped: ShippedFile, settings: ExtractionSettings) -> Extracted:
    """Extract one file from its bytes and prepare its rows, or say in one line why not:
    ``extract_or_reason`` and pool.py's ``_extract_for_archive`` for a file that is not on
    this machine's disk (``extract_bytes`` records ``path`` and reads ``data``)."""
    from referat.extract.pipeline import extract_bytes, failure_reason

    path = shipped.path
    try:
        document = extract_bytes(path, shipped.data, keep_personal_data=settings.keep_personal_data, ocr=settings.ocr)
    except Exception as error:  # a reader bug must not stop the other files
        reason = failure_reason(error)
        if isinstance(error, MemoryError):
            reason += " (over the --max-memory ceiling)"
        return Extracted(path, None, reason)
    try:
        return Extracted(path, prepare_document(checked(document), settings.include_closed), None)
    except MemoryError:
        return Extracted(path, None, "ran out of memory while indexing (over the --max-memory ceiling)")
    except ValueError as error:  # pydantic's ValidationError: an extraction bug, reported per file
        return Extracted(path, None, f"extracted document is not valid ({str(error).splitlines()[0]})")


def child_main(connection: Connection, max_memory_bytes: int | None) -> None:
    """The child: receive (file, settings), send back each one's message, until the socket closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C at the client is the client's to handle
    if max_memory_bytes:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (max_memory_bytes, max_memory_bytes))
        except (ImportError, ValueError, OSError):
            pass  # not on this platform; the time limit still holds
    from referat.extract.enrich.components import get_nlp

    get_nlp()  # before READY, so that the first file's --timeout does not count the start-up
    try:
        connection.send(READY)
    except OSError:
        return
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return  # the Dask worker is gone
        if task is None:
            return
        shipped, settings = task
        if hasattr(signal, "SIGALRM"):
            signal.alarm(math.ceil(settings.timeout) + ALARM_GRACE_SECONDS)
        message = _message(extract_shipped(shipped, settings))
        if hasattr(signal, "SIGALRM"):
            signal.alarm(0)
        try:
            connection.send_bytes(message)
        except OSError:
            return


# -- the Dask worker's side --------------------------------------------------------------


def _death_reason(returncode: int | None) -> str:
    if returncode is not None and returncode < 0:
        number = -returncode
        name = signal.Signals(number).name if number in signal.Signals._value2member_map_ else str(number)
        hint = " (out of memory?)" if number == signal.SIGKILL else ""
        return f"worker process died while reading it ({name}{hint})"
    return f"worker process exited while reading it (exit code {returncode})"


class _Child:
    """One extracting child process of this Dask worker, and the socket to it."""

    def __init__(self, max_memory_mb: int | None) -> None:
        ours, theirs = socket.socketpair()
        memory = str(max_memory_mb * 1024 * 1024 if max_memory_mb else 0)
        command = [sys.executable, "-m", "referat.archive.cluster_worker", str(theirs.fileno()), memory]
        self.process = subprocess.Popen(command, pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        theirs.close()
        self.connection = Connection(ours.detach())
        self.max_memory_mb = max_memory_mb
        self.born = time.monotonic()
        self.ready = False
        self.tasks = 0

    def wait_ready(self) -> bool:
        """Whether the child has built its pipeline and takes files (waits for it, up to
        STARTUP_SECONDS from its start)."""
        if not self.ready:
            left = self.born + STARTUP_SECONDS - time.monotonic()
            try:
                self.ready = left > 0 and self.connection.poll(left) and self.connection.recv() == READY
            except (EOFError, OSError):
                self.ready = False
        return self.ready

    def extract(self, shipped: ShippedFile, settings: ExtractionSettings) -> tuple[Extracted, bool]:
        """The file's outcome, and whether this child may take another file."""
        path = shipped.path
        if not self.wait_ready():
            code = self.process.poll()
            if code is None:
                return Extracted(path, None, f"the worker process did not start within {STARTUP_SECONDS:g} s"), False
            reason = f"the worker process could not start (exit code {code}; is --max-memory too low for it?)"
            return Extracted(path, None, reason), False
        try:
            self.connection.send((shipped, settings))
            if not self.connection.poll(settings.timeout):
                return Extracted(path, None, f"timed out after {settings.timeout:g} s (see --timeout)"), False
            # (never more than MAX_MESSAGE_BYTES: the child sends the reason instead)
            message = self.connection.recv_bytes()
        except (EOFError, OSError):
            return Extracted(path, None, _death_reason(self._gone())), False
        self.tasks += 1
        return pickle.loads(message), True

    def _gone(self) -> int | None:
        try:
            return self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.connection.close()


# Children waiting for a file, in this Dask worker process, by memory ceiling. A task takes
# one (or starts one) and gives it back: one child per task running at once (nthreads).
_IDLE: dict[int | None, list[_Child]] = {}
_IDLE_LOCK = threading.Lock()


def _take_child(max_memory_mb: int | None) -> _Child:
    """An idle child that is still alive (one killed while idle must not fail the next
    file), or a new one."""
    while True:
        with _IDLE_LOCK:
            idle = _IDLE.get(max_memory_mb)
            child = idle.pop() if idle else None
        if child is None:
            return _Child(max_memory_mb)
        if child.process.poll() is None:
            return child
        child.stop()


def _give_back(child: _Child) -> None:
    with _IDLE_LOCK:
        _IDLE.setdefault(child.max_memory_mb, []).append(child)


def extract_on_worker(shipped: ShippedFile, settings: ExtractionSettings) -> Extracted:
    """The Dask task: one file extracted by a child process of this worker, under the
    settings' time and memory limits. Never raises for a file's sake: the reason comes back."""
    from referat import __version__

    if __version__ != settings.referat_version:
        reason = f"this Dask worker has referat {__version__}; the import runs {settings.referat_version}"
        return Extracted(shipped.path, None, reason)
    child = _take_child(settings.max_memory_mb)
    try:
        extracted, reusable = child.extract(shipped, settings)
    except BaseException:
        child.stop()
        raise
    if reusable and child.tasks < settings.tasks_per_worker:
        _give_back(child)
    else:
        child.stop()  # timed out, dead, or due for a fresh process (a reader's slow leak)
    return extracted


def dask_setup(worker: object) -> None:
    """Run in each worker process of ``--cluster local:N`` (its preload): Ctrl-C at the
    terminal reaches every process of the import, and is the client's to handle (it stops
    the run, and the cluster with it), so the workers do not die of it first, loudly."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def referat_version() -> str:
    """This worker's referat version (the client asks every worker before it sends files)."""
    from referat import __version__

    return __version__


if __name__ == "__main__":  # the child: python -m referat.archive.cluster_worker FD MAX_MEMORY_BYTES
    child_main(Connection(int(sys.argv[1])), int(sys.argv[2]) or None)
