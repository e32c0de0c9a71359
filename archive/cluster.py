"""A distributed import's client side: extraction fanned out over a Dask cluster.

:class:`ClusterPool` stands in for pool.py's WorkerPool in ``import_paths`` (the same
context manager and ``extract(queue)`` iterator of :class:`Extracted`), so everything
else of an import is the same code: discovery, the sha256 dedupe that makes a run
resumable, the one writer (this process) that stores each document in its own
transaction, the progress and the failures in ``import_errors``.

The client reads each file and ships its bytes with the task (cluster_worker.py): it reads
every file for its sha256 anyway, and workers on other machines then need neither a
shared file system nor the same mount points. At most a few files per worker thread are
in flight, so the client holds a bounded amount of them. What comes back is the file's
rows as the archive inserts them, or the one-line reason it failed.

``dask.distributed`` is the ``cluster`` extra; it is imported only here, when used.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import math
import os
import re
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from referat.archive.cluster_worker import ExtractionSettings, ShippedFile, extract_on_worker, referat_version
from referat.archive.pool import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, TASKS_PER_WORKER, Extracted
from referat.extract.files import open_regular
from referat.extract.pipeline import MAX_FILE_BYTES

MISSING_EXTRA = "--cluster needs the 'cluster' extra: pip install 'referat[cluster]'"
# Files in flight per worker thread: one running, the next already on the worker.
IN_FLIGHT_PER_THREAD = 2
# Larger files go to the workers with scatter, not inside the task (Dask warns about
# tasks of 10 MB and more, and routes them through the scheduler).
SCATTER_BYTES = 4 << 20
# How long to wait for a scheduler to answer, and for a first worker to join it.
CONNECT_SECONDS = 30
WORKERS_SECONDS = 120
# How often the number of worker threads (what is kept in flight) is asked again.
THREADS_SECONDS = 5.0

_LOCAL = re.compile(r"local:(\d+)")
_ADDRESS = re.compile(r"(tcp|tls|ws|wss|ucx)://\S+")


class ClusterError(Exception):
    """The cluster cannot be used (not reachable, no workers, another referat version): one sentence."""


@dataclass(frozen=True)
class ClusterAddress:
    """Where the extraction runs: a scheduler's address, or ``local`` worker processes started here."""

    scheduler: str | None = None
    local_workers: int = 0


def parse_cluster(text: str) -> ClusterAddress:
    """``--cluster``'s value: a Dask scheduler's address, or ``local:N`` for N worker
    processes on this machine (one thread each).

    Example:
        >>> parse_cluster("tcp://10.0.0.5:8786")
        ClusterAddress(scheduler='tcp://10.0.0.5:8786', local_workers=0)
        >>> parse_cluster("local:2")
        ClusterAddress(scheduler=None, local_workers=2)
    """
    text = text.strip()
    local = _LOCAL.fullmatch(text)
    if local and int(local.group(1)) >= 1:
        return ClusterAddress(local_workers=int(local.group(1)))
    if _ADDRESS.fullmatch(text):
        return ClusterAddress(scheduler=text)
    raise ValueError(f"{text!r} is neither a scheduler address (tcp://host:8786) nor local:N (N worker processes)")


def cluster_available() -> bool:
    """Whether dask.distributed can be imported here."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def start_local_cluster(workers: int) -> Any:
    """A Dask cluster of ``workers`` processes with one thread each on this machine, on the
    loopback interface only, without a dashboard. Close it when done."""
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",  # (no dashboard without bokeh; its HTTP server on loopback, any port)
        silence_logs=logging.ERROR,
        preload=["referat.archive.cluster_worker"],  # (its dask_setup: Ctrl-C is the client's)
    )


def read_for_shipping(path: str) -> bytes | str:
    """The file's bytes, or the one-line reason it cannot be sent (as a local import's
    worker would say it)."""
    try:
        with open_regular(path) as handle:  # a FIFO swapped in since discovery would block
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                return f"file is {size} bytes; the limit is {MAX_FILE_BYTES}"
            return handle.read()
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"


def task_failure(error: BaseException) -> str:
    """The one-line reason for a file whose task itself failed on the cluster (not its
    extraction, which comes back as a reason): its workers died, it was cancelled …"""
    name = type(error).__name__
    if name == "KilledWorker":
        return "the Dask workers that ran it died while reading it (see the workers' logs)"
    message = " ".join(str(error).split())[:200]
    return f"failed on the cluster ({name}: {message})" if message else f"failed on the cluster ({name})"


def _connection_lost(error: BaseException) -> bool:
    """A task's error that says the client lost the scheduler, not that the task failed:
    its future was cancelled, or the connection closed under it (Dask's CommClosedError is
    an OSError). A worker that died reading a file (KilledWorker) is that file's failure.

    Example:
        >>> from concurrent.futures import CancelledError
        >>> _connection_lost(CancelledError()), _connection_lost(ConnectionResetError()), _connection_lost(ValueError())
        (True, True, False)
    """
    return isinstance(error, OSError | concurrent.futures.CancelledError) or "Cancelled" in type(error).__name__


def _not_a_cancelled_reconnection(record: logging.LogRecord) -> bool:
    """A client that lost its scheduler gives up reconnecting and logs the cancelled attempt
    as a traceback; the import says what happened in one line instead."""
    return not (record.exc_info and isinstance(record.exc_info[1], asyncio.CancelledError))


class ClusterPool:
    """Extract files on a Dask cluster; a context manager that connects (or starts the
    local cluster) on entry and lets go of it on exit, also on Ctrl-C.

    Example:
        >>> with ClusterPool("local:2") as pool:  # doctest: +SKIP
        ...     for done in pool.extract(deque(["a.pdf", "b.docx"])):
        ...         print(done.path, done.reason)
    """

    def __init__(
        self,
        cluster: str,
        timeout: float = DEFAULT_TIMEOUT,
        max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB,
        keep_personal_data: bool = False,
        tasks_per_worker: int = TASKS_PER_WORKER,
        ocr: str = "auto",
        include_closed: bool = False,
    ) -> None:
        from referat import __version__

        self.address = parse_cluster(cluster)
        self.settings = ExtractionSettings(
            __version__, timeout, max_memory_mb, keep_personal_data, ocr, include_closed, tasks_per_worker
        )
        self.client: Any = None
        self.local: Any = None
        self._threads, self._threads_asked = 1, -math.inf

    def __enter__(self) -> ClusterPool:
        if not cluster_available():
            raise ClusterError(MISSING_EXTRA)
        logging.getLogger("distributed.client").addFilter(_not_a_cancelled_reconnection)
        try:
            self._connect()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        # (tasks still running finish on their workers, each within --timeout, unseen)
        with contextlib.suppress(Exception):
            if self.client is not None:
                self.client.close()
        with contextlib.suppress(Exception):
            if self.local is not None:
                self.local.close()
        self.client = self.local = None
        logging.getLogger("distributed.client").removeFilter(_not_a_cancelled_reconnection)

    def _connect(self) -> None:
        from distributed import Client

        address = self.address.scheduler
        if address is None:
            self.local = start_local_cluster(self.address.local_workers)
            address = self.local.scheduler_address
        try:
            self.client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
        except OSError as error:
            reason = " ".join(str(error).split())
            raise ClusterError(f"cannot reach the Dask scheduler at {address} ({reason})") from None
        try:
            self.client.wait_for_workers(1, timeout=WORKERS_SECONDS)
        except TimeoutError:
            raise ClusterError(f"no Dask worker joined the scheduler at {address} within {WORKERS_SECONDS} s") from None
        self._check_versions()

    def _check_versions(self) -> None:
        """Every worker must run this referat: another version extracts otherwise, and the
        archive would record it as this one's work."""
        try:
            versions = self.client.run(referat_version)
        except Exception as error:  # (a worker without referat cannot even load the function)
            raise ClusterError(f"a Dask worker cannot run referat ({type(error).__name__}: {error})") from None
        other = {worker: version for worker, version in versions.items() if version != self.settings.referat_version}
        if other:
            worker, version = sorted(other.items())[0]
            raise ClusterError(
                f"the Dask worker {worker} has referat {version}; this is {self.settings.referat_version}"
                " (install the same version on every worker)"
            )

    def threads(self) -> int:
        """Worker threads in the cluster, asked again every few seconds (workers may join
        or leave during a run)."""
        now = time.monotonic()
        if now - self._threads_asked > THREADS_SECONDS:
            self._threads = max(1, sum(self.client.nthreads().values()))
            self._threads_asked = now
        return self._threads

    def extract(self, queue: deque[str]) -> Iterator[Extracted]:
        """Extract every path in ``queue`` on the cluster, yielding each file as it is done
        (in the order they finish); a file that cannot be read or sent, or whose task
        fails on the cluster, comes back with the reason."""
        from distributed import as_completed

        assert self.client is not None, "use ClusterPool as a context manager"
        running = as_completed(loop=self.client.loop)
        paths: dict[str, str] = {}  # task key → path
        while queue or paths:
            try:
                refused = self._submit(queue, running, paths)
            except OSError as error:  # (Dask's CommClosedError: the scheduler is gone for good)
                raise self._lost(error) from None
            yield from refused
            if not paths:
                continue
            future = next(running)
            path = paths.pop(future.key)
            try:
                done = future.result()
            except Exception as error:
                # (cancelled as the client gave up, or cut off while it still tries to reconnect:
                # the task never raises for a file's sake, so neither is this file's fault)
                if self.client.status != "running" or _connection_lost(error):
                    raise self._lost(error) from None
                done = Extracted(path, None, task_failure(error))
            finally:
                future.release()
            yield done if done.path == path else Extracted(path, done.prepared, done.reason)

    def _lost(self, error: BaseException) -> ClusterError:
        address = self.client.scheduler.address if self.client is not None else "?"
        reason = f" ({' '.join(str(error).split())[:200]})" if isinstance(error, OSError) else ""
        resume = "what was stored is kept: run the same command again to resume"
        return ClusterError(f"lost the Dask scheduler at {address}{reason}; {resume}")

    def _submit(self, queue: deque[str], running: Any, paths: dict[str, str]) -> list[Extracted]:
        """Send files until the cluster has enough in flight; those that cannot be read come back."""
        refused = []
        limit = IN_FLIGHT_PER_THREAD * self.threads()
        while queue and len(paths) < limit:
            path = queue.popleft()
            data = read_for_shipping(path)
            if isinstance(data, str):
                refused.append(Extracted(path, None, data))
                continue
            shipped: Any = ShippedFile(path, data)
            if len(data) > SCATTER_BYTES:
                shipped = self.client.scatter(shipped, hash=False)
            future = self.client.submit(extract_on_worker, shipped, self.settings, pure=False, retries=0)
            paths[future.key] = path
            running.add(future)
        return refused
