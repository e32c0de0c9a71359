"""Import runs as the archive records them: when each started and ended and how, what
failed in it, and which runs a kill -9 or a power cut left "running"."""

from __future__ import annotations

import json
import os
import socket

from referat.archive.core import ArchiveCore, now
from referat.models.paths import printable_path


def _process_alive(pid: int | None) -> bool:
    if pid is None or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


class ImportRuns(ArchiveCore):
    """Recording import runs and their failures (``import_runs``, ``import_errors``)."""

    def start_run(self, paths: list[str]) -> int:
        """Record the start of an import run; its id tags the documents and errors it adds.
        Earlier runs of this host whose process is gone are recorded as killed first."""
        self.mark_killed_runs()
        run_id = self.connection.execute(
            "INSERT INTO import_runs (started_at, paths, pid, host) VALUES (?, ?, ?, ?)",
            (
                now(),
                json.dumps([printable_path(path) for path in paths], ensure_ascii=False),
                os.getpid(),
                socket.gethostname(),
            ),
        ).lastrowid
        assert run_id is not None  # (an INSERT gives its row id)
        return run_id

    def mark_killed_runs(self) -> int:
        """Record as 'killed' the runs still 'running' whose process (on this host) is gone:
        a kill -9 or a power cut ends a run without its last update. Runs of other hosts
        (an archive on a shared disk) are left alone. Returns how many were marked."""
        running = self.connection.execute(
            "SELECT id, pid FROM import_runs WHERE status = 'running' AND host = ?", (socket.gethostname(),)
        ).fetchall()
        gone = [run_id for run_id, pid in running if not _process_alive(pid)]
        self.connection.executemany(
            "UPDATE import_runs SET status = 'killed', finished_at = ? WHERE id = ? AND status = 'running'",
            [(now(), run_id) for run_id in gone],
        )
        return len(gone)

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        self.connection.execute(
            "UPDATE import_runs SET finished_at = ?, status = ?, files = ?, imported = ?, skipped = ?, failed = ?"
            " WHERE id = ?",
            (
                now(),
                status,
                counts.get("files", 0),
                counts.get("imported", 0),
                counts.get("skipped", 0),
                counts.get("failed", 0),
                run_id,
            ),
        )

    def record_failure(self, path: str, reason: str, run_id: int | None = None) -> None:
        self.connection.execute(
            "INSERT INTO import_errors (run_id, path, reason, at) VALUES (?, ?, ?, ?)",
            (run_id, printable_path(path), reason, now()),
        )
