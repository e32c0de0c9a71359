"""Shared fixtures. Tests that read ../shared skip with a reason when it is absent
(a user's clone has no ../shared; CI does)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside this checkout (it holds the real documents; CI has it)")
    return SHARED


@pytest.fixture(scope="session")
def web_archive(tmp_path_factory):
    """The archive ``referat serve`` is tested on (tests/web_archive.py), built once."""
    from web_archive import build_web_archive

    return build_web_archive(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for the session (tests/pg_server.py), or a skip with
    the reason (no binaries, no psycopg)."""
    from pg_server import running_server, why_not

    reason = why_not()
    if reason:
        pytest.skip(reason)
    with running_server() as server:
        yield server


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty database on the session's PostgreSQL server."""
    return pg_server.new_database()


def _archive_maker(request, folder: Path):
    numbers = itertools.count(1)
    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None

    def make() -> str:
        return server.new_database() if server is not None else str(folder / f"referat-{next(numbers)}.db")

    return make


@pytest.fixture(params=["sqlite", "postgresql"])
def make_archive(request, tmp_path):
    """Where to make new archives, on each backend: each call a new file in the test's
    folder, or a new database on the session's PostgreSQL server (the test is skipped with
    the reason when there is none)."""
    return _archive_maker(request, tmp_path)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_archives(request, tmp_path_factory):
    """make_archive for a module's fixtures: the archives a module builds once, on each backend."""
    return _archive_maker(request, tmp_path_factory.mktemp("archives"))


@pytest.fixture
def new_archive(make_archive) -> str:
    """Where to make a new archive, on each backend (see make_archive)."""
    return make_archive()
