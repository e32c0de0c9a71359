"""Bulk import: find the documents, have them extracted in worker processes (pool.py),
store them here.

Workers extract and prepare each document's rows (prepare.py: checked, closed items
withheld, every word stemmed); this (the parent) process only inserts them, one
transaction per document, so a Ctrl-C or ``kill -9`` at any moment leaves whole
documents or none, and running the same import again skips what is stored (by sha256).
A file that fails (unreadable, timed out, a worker that died) is recorded with its reason
and the run goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from referat.archive.cluster import ClusterError, ClusterPool
from referat.archive.paths import FOLDER_TEXT_SUFFIXES, discover, discover_files, open_regular
from referat.archive.pg_store import document_refused, is_postgres_error
from referat.archive.pool import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, TASKS_PER_WORKER, WorkerPool
from referat.archive.prepare import PreparedDocument
from referat.archive.store import SQLiteArchive

__all__ = ["FOLDER_TEXT_SUFFIXES", "ImportSummary", "discover", "file_sha256", "import_paths"]


@dataclass
class ImportSummary:
    """What an import run did; ``failures`` are (path, one-line reason)."""

    run_id: int | None = None
    files: int = 0
    imported: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    warned: int = 0  # stored documents with something not understood (``referat report``)
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
        if self.warned:
            text += f"; {self.warned} with warnings (referat report lists them)"
        return text + ("; interrupted — run the same command again to resume" if self.interrupted else "")


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open_regular(path) as handle:  # never blocks on a FIFO swapped in since discovery
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
    ocr: str = "auto",
    follow_symlinks: bool = False,
    cluster: str | None = None,
) -> ImportSummary:
    """Import files and folders into ``archive``; return what happened.

    Closed items keep only number, title and decision outcomes unless ``include_closed``;
    CPR numbers are redacted unless ``keep_personal_data``. A stored file is extracted
    again when it was stored with the other choice, and with ``reextract`` when an older
    version of referat extracted it. Files are extracted in worker processes (pool.py)
    under ``timeout`` seconds each and ``max_memory_mb`` per worker; scanned pages are read
    by OCR as ``ocr`` says (auto: pages without a text layer). Which paths are read is
    paths.py's decision: links out of the named folders only with ``follow_symlinks``;
    FIFOs, devices and unreadable paths are failures with their reason. With ``cluster``
    (a Dask scheduler's address, or ``local:N``: cluster.py) the files are extracted on
    that cluster's workers instead, under the same limits, and stored here all the same.

    ``progress(summary, path)`` is called once when the files are known (path None)
    and after each file. Ctrl-C stops the run cleanly: the summary says ``interrupted``.

    Example:
        >>> with open_archive("referat.db") as archive:  # doctest: +SKIP
        ...     print(import_paths(archive, ["corpus/"]).line())
    """
    start = time.monotonic()
    run = _Run(archive, paths, progress, include_closed, keep_personal_data, reextract)
    summary = run.summary
    pool: WorkerPool | ClusterPool
    if cluster:
        pool = ClusterPool(cluster, timeout, max_memory_mb, keep_personal_data, tasks_per_worker, ocr, include_closed)
    else:
        size = max(1, workers or os.cpu_count() or 1)
        pool = WorkerPool(size, timeout, max_memory_mb, keep_personal_data, tasks_per_worker, ocr, include_closed)
    try:
        with pool:  # (a cluster is reached first: an unreachable one fails before the files are read)
            found = discover_files(paths, follow_symlinks)
            files = found.files
            summary.files = len(files) + len(found.refused)
            run.notify(None)
            for path, reason in found.refused:
                run.fail(path, reason)
                run.notify(path)
            queue = run.to_extract(files)
            with archive.attachments_linked_at_end():
                for done in pool.extract(queue):
                    if done.prepared is None:
                        run.fail(done.path, done.reason or "unknown error")
                    else:
                        run.store(done.path, done.prepared)
                    run.notify(done.path)
        archive.purge_replaced()  # replaced documents leave nothing of their old text
        archive.finish_run(run.run_id, "done", summary.counts())
    except KeyboardInterrupt:
        summary.interrupted = True
        archive.purge_replaced()
        archive.finish_run(run.run_id, "interrupted", summary.counts())
    except Exception as error:
        # The archive itself failed (full, read-only, damaged; a PostgreSQL server gone), or
        # the cluster cannot be used: record the run as failed if it can still be written,
        # and let the caller say why in one line.
        if isinstance(error, (sqlite3.Error, ClusterError)) or is_postgres_error(error):
            with contextlib.suppress(Exception):
                archive.finish_run(run.run_id, "failed", summary.counts())
        raise
    finally:
        summary.seconds = time.monotonic() - start
    return summary


class _Run:
    """One import run: what it has done so far, and how each file's outcome is recorded."""

    def __init__(
        self,
        archive: SQLiteArchive,
        paths: list[str],
        progress: Progress | None,
        include_closed: bool,
        keep_personal_data: bool,
        reextract: bool,
    ) -> None:
        self.archive = archive
        self.progress = progress
        self.include_closed = include_closed
        self.keep_personal_data = keep_personal_data
        self.reextract = reextract
        self.summary = ImportSummary()
        self.run_id = self.summary.run_id = archive.start_run(list(paths))

    def notify(self, path: str | None) -> None:
        if self.progress is not None:
            self.progress(self.summary, path)

    def fail(self, path: str, reason: str) -> None:
        self.summary.failed += 1
        self.summary.failures.append((path, reason))
        self.archive.record_failure(path, reason, self.run_id)

    def to_extract(self, files: list[str]) -> deque[str]:
        """The files that need extracting: not stored already (the same bytes, stored the
        way this run asks) and not the same bytes as an earlier file of this run."""
        queue: deque[str] = deque()
        seen: set[str] = set()
        for path in files:
            try:
                digest = file_sha256(path)
            except OSError as error:
                self.fail(path, f"cannot be read ({error.strerror or error})")
                self.notify(path)
                continue
            if digest in seen or self.archive.has_document(
                digest, self.include_closed, self.keep_personal_data, current_only=self.reextract
            ):
                self.summary.skipped += 1  # same bytes as a stored document (or an earlier file here)
                if digest not in seen:
                    self.archive.relocate_document(digest, path)  # the file moved: follow it
                self.notify(path)
                continue
            seen.add(digest)
            queue.append(path)
        return queue

    def store(self, path: str, document: PreparedDocument) -> None:
        """Store one document, its rows as a worker prepared them, and count the outcome."""
        try:
            outcome = self.archive.store_prepared(document, path=path, run_id=self.run_id, reextracted=self.reextract)
        except sqlite3.OperationalError:
            raise  # the archive itself (full, read-only, locked): every later file would fail too
        except Exception as error:
            # This document only (SQLite's errors but OperationalError, PostgreSQL's data
            # errors: a NUL character, which its text cannot hold): the run goes on.
            if not isinstance(error, (ValueError, sqlite3.Error)) and not document_refused(error):
                raise
            self.fail(path, f"could not be stored ({type(error).__name__}: {' '.join(str(error).split())[:200]})")
            return
        if outcome == "skipped":
            self.summary.skipped += 1
            return
        if outcome == "replaced":
            self.summary.replaced += 1
        else:
            self.summary.imported += 1
        if document.warned:
            self.summary.warned += 1
        self.summary.pages += document.pages
