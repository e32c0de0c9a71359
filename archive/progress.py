"""The import progress bar (rich): files, files/s, pages/s and errors; quiet off a terminal."""

from __future__ import annotations

import sys
import time

from referat.archive.importer import ImportSummary


class ImportProgress:
    """A callback for :func:`referat.archive.importer.import_paths` that draws a bar on stderr.

    Use as a context manager; it draws nothing when stdout or stderr is not a terminal.

    Example:
        >>> with ImportProgress(enabled=False) as progress:
        ...     progress(ImportSummary(files=2), None)
    """

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stdout.isatty() and sys.stderr.isatty() if enabled is None else enabled
        self._progress = None
        self._task = None
        self._start = time.monotonic()

    def __enter__(self) -> ImportProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("importing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rates]}"),
                TimeElapsedColumn(),
                TextColumn("{task.fields[current]}", style="dim"),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("import", total=None, rates="", current="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __call__(self, summary: ImportSummary, path: str | None) -> None:
        if self._progress is None:
            return
        seconds = max(time.monotonic() - self._start, 1e-9)
        extracted = summary.imported + summary.replaced
        rates = f"{extracted / seconds:.1f} files/s · {summary.pages / seconds:.0f} pages/s · {summary.failed} errors"
        current = (path or "").rsplit("/", 1)[-1][:40]
        self._progress.update(self._task, total=summary.files, completed=summary.done, rates=rates, current=current)
