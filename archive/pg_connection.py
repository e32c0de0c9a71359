"""The PostgreSQL archive's connection (docs/postgresql.md): what is told about the URL and
psycopg's errors without importing psycopg (an optional extra), and connecting again when
the server goes away in the middle of a run.

A long import must not die because the server restarted or a network hop dropped the
connection: the methods an import calls are :func:`reconnecting`. When one of them finds
the connection lost, the archive connects again (waiting up to RECONNECT_SECONDS, or
``$REFERAT_RECONNECT_SECONDS``) and runs the method once more. That is safe because each
of them is one transaction: a document's rows were either committed (then the retry finds
its sha256 and skips it) or rolled back by the server with the dead connection. When the
server cannot be reached again in time, the run ends with one line (an ArchiveError) that
says to run the command again: the import resumes where it stopped.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
import urllib.parse
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from referat.archive.types import ArchiveError

URL_SCHEMES = ("postgresql://", "postgres://")

# How long a lost server is waited for before the run ends (seconds).
RECONNECT_SECONDS = 30.0


def is_postgres_url(path: str) -> bool:
    """Whether ``--archive`` names a PostgreSQL database rather than an SQLite file.

    Example:
        >>> is_postgres_url("postgresql://archivist@db/referat"), is_postgres_url("referat.db")
        (True, False)
    """
    return path.startswith(URL_SCHEMES)


def is_postgres_error(error: BaseException) -> bool:
    """Whether an exception is psycopg's (without importing psycopg, an optional extra)."""
    return type(error).__module__.split(".")[0] == "psycopg"


def document_refused(error: BaseException) -> bool:
    """Whether a psycopg error concerns the one document being stored (data PostgreSQL
    refuses: a NUL character in a text, a value out of range), not the archive (the
    connection, the disk, permissions): then that file fails and the import goes on."""
    if not is_postgres_error(error):
        return False
    import psycopg

    return isinstance(error, (psycopg.DataError, psycopg.IntegrityError))


def shown_url(url: str) -> str:
    """The URL as printed in messages: without its password.

    Example:
        >>> shown_url("postgresql://anne:hemmelig@db.example:5432/referat")
        'postgresql://anne@db.example:5432/referat'
    """
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def one_line(error: BaseException) -> str:
    """An error's message on one line."""
    return " ".join(str(error).split()) or type(error).__name__


def connect(url: str) -> Any:
    """A psycopg connection in autocommit mode, or ArchiveError (one line)."""
    import psycopg

    try:
        connection = psycopg.connect(url, autocommit=True)
        # No JIT compilation: the archive's statements are short, but a statement the planner
        # expects many rows of (a prefix it has no statistics for: 27 626) passed JIT's cost
        # threshold and spent ~300 ms compiling to rank 382 passages in 30 ms (1M sections).
        connection.execute("SET jit = off")
        return connection
    except psycopg.Error as error:
        raise ArchiveError(f"{shown_url(url)}: cannot connect to the archive ({one_line(error)})") from None


def reconnect_seconds() -> float:
    """RECONNECT_SECONDS, or ``$REFERAT_RECONNECT_SECONDS`` when set to a number."""
    with contextlib.suppress(ValueError):
        return max(0.0, float(os.environ.get("REFERAT_RECONNECT_SECONDS", RECONNECT_SECONDS)))
    return RECONNECT_SECONDS


class Reconnects:
    """The connection of a PostgreSQL archive, connected again when it is lost (see the module docstring)."""

    path: str
    connection: Any
    _notice: Callable[[str], None] | None = None
    _depth = 0  # (only the outermost reconnecting call connects again: an inner one's transaction is gone)
    _gone = False  # the server could not be reached again: later calls fail at once

    def _lost(self, error: BaseException) -> bool:
        """Whether ``error`` is the connection's loss (not an error of one statement)."""
        return is_postgres_error(error) and bool(self.connection.closed or self.connection.broken)

    def _reconnect(self, error: BaseException) -> None:
        """Connect again, waiting up to reconnect_seconds(); ArchiveError when the server stays away."""
        import psycopg

        shown, reason = shown_url(self.path), one_line(error)
        waited, delay, seconds = time.monotonic(), 0.25, reconnect_seconds()
        while not self._gone:
            try:
                connection = psycopg.connect(self.path, autocommit=True)
            except psycopg.Error as again:
                reason = one_line(again)
                if time.monotonic() - waited + delay > seconds:
                    self._gone = True
                    break
                time.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            with contextlib.suppress(Exception):
                self.connection.close()
            self.connection = connection
            self._connected_again()
            if self._notice is not None:
                self._notice(f"{shown}: the connection to the archive was lost ({reason}); connected again")
            return
        raise ArchiveError(
            f"{shown}: the connection to the archive was lost and the server was not back within"
            f" {seconds:g} s ({reason}); run the same command again to resume"
        )

    def _connected_again(self) -> None:
        """Forget what was read on the lost connection (the archive's subclasses' caches)."""


P = ParamSpec("P")
R = TypeVar("R")


def reconnecting(method: Callable[Concatenate[Any, P], R]) -> Callable[Concatenate[Any, P], R]:
    """A method of a :class:`Reconnects` archive that is run once more on a new connection
    when the connection is lost (the method must be one transaction, or only read)."""

    @functools.wraps(method)
    def run(self: Any, *args: P.args, **kwargs: P.kwargs) -> R:
        if self._depth:
            return method(self, *args, **kwargs)
        self._depth += 1
        try:
            try:
                return method(self, *args, **kwargs)
            except Exception as error:
                if not self._lost(error):
                    raise
                self._reconnect(error)
            return method(self, *args, **kwargs)
        finally:
            self._depth -= 1

    return run
