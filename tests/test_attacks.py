"""Hostile users and careless operators against the archive and the importer (issue 11):
each test is one attack, reproduced small, and what must hold. bench/attack.py runs the
same attacks through the real command line and prints held/broke."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from archive_documents import write_minutes
from click.testing import CliRunner

from referat.cli import main


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("attack")
    write_minutes(folder / "docs", 2)
    database = folder / "a.db"
    result = invoke("import", str(folder / "docs"), "--archive", str(database), "--workers", "1", "-q")
    assert result.exit_code == 0, result.output
    return database


def _documents(database: Path) -> int:
    connection = sqlite3.connect(database)
    try:
        return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        connection.close()


# -- output paths that are the archive -------------------------------------------------


@pytest.mark.parametrize("how", ["same", "relative", "symlink", "hardlink", "wal"])
def test_export_refuses_to_write_over_the_archive(archive_file, how, tmp_path, monkeypatch):
    before = archive_file.read_bytes()
    output = str(archive_file)
    if how == "relative":
        monkeypatch.chdir(archive_file.parent)
        output = f"./{archive_file.name}"
    elif how == "symlink":
        os.symlink(archive_file, tmp_path / "link.jsonl")
        output = str(tmp_path / "link.jsonl")
    elif how == "hardlink":
        os.link(archive_file, tmp_path / "hard.jsonl")
        output = str(tmp_path / "hard.jsonl")
    elif how == "wal":
        output = str(archive_file) + "-wal"
    result = invoke("export", "--archive", str(archive_file), "-o", output)
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and "is the archive itself" in result.stderr, result.stderr
    assert archive_file.read_bytes() == before and _documents(archive_file) == 2
    assert not Path(output + ".part").exists()
