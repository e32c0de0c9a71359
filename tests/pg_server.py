"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, pg_ctl on a
unix socket there (no TCP port: listen_addresses=''), stopped and removed at the end.

Tests that need it skip with the reason when the binaries or psycopg are missing, so
README's commands work on a machine without PostgreSQL. As root (a container, CI) initdb
refuses to run; the server then runs as the ``postgres`` user, which Debian's package
creates, and the folder is made that user's.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

# Debian installs the binaries under /usr/lib/postgresql/<version>/bin, not on PATH.
_DEBIAN = Path("/usr/lib/postgresql")


def find_binary(name: str) -> str | None:
    """``initdb`` or ``pg_ctl`` on PATH, else the newest of Debian's versioned folders."""
    found = shutil.which(name)
    if found:
        return found
    if _DEBIAN.is_dir():
        versions = sorted(_DEBIAN.iterdir(), key=lambda path: path.name, reverse=True)
        for version in versions:
            candidate = version / "bin" / name
            if candidate.exists():
                return str(candidate)
    return None


def why_not() -> str | None:
    """Why no server can be started here (a skip reason), or None."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[postgresql]')"
    if find_binary("initdb") is None or find_binary("pg_ctl") is None:
        return "no PostgreSQL binaries (initdb, pg_ctl) on this machine"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
    return None


class Server:
    """A running throwaway server; :meth:`new_database` gives each test a database of its own."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.user = "referat"
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *command: str) -> None:
        subprocess.run([*self._as, *command], check=True, capture_output=True, timeout=120)

    def start(self, *settings: str) -> None:
        """Start the server (initdb first when the folder holds no data); ``settings`` are
        more ``name=value`` server settings (the benchmark's memory sizes)."""
        if self._as:
            shutil.chown(self.folder, user="postgres")
        initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
        assert initdb and pg_ctl
        if not self.data.exists():  # (started again after a stop: the same data)
            self._run(initdb, "-D", str(self.data), "-A", "trust", "-U", self.user, "-E", "UTF8", "--locale=C.UTF-8")
        # fsync off: a test server's data need not survive a power cut, and fsync is most
        # of a small transaction's cost.
        options = f"-k {self.folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
        options += "".join(f" -c {setting}" for setting in settings)
        self._run(pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")

    def stop(self) -> None:
        pg_ctl = find_binary("pg_ctl")
        assert pg_ctl
        with contextlib.suppress(subprocess.SubprocessError):
            self._run(pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        """A libpq URL to ``database`` over the socket (the host is the socket's folder)."""
        return f"postgresql://{self.user}@/{database}?host={self.folder}"

    def new_database(self) -> str:
        """The URL of a new, empty database."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextlib.contextmanager
def running_server() -> Iterator[Server]:
    """A started server, stopped and removed when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="referat-pg-"))
    # A socket's path is limited to ~107 bytes; mkdtemp under /tmp stays well below it.
    server = Server(folder)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
