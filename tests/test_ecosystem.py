"""The archive in the tools the README names: `sqlite-utils search` and datasette's
``_search`` on the ``items`` table find the items `referat search` finds, because the item
index is declared on ``items`` (schema.py, migration 10), and an archive from before that
migration is upgraded to it."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from archive_documents import WITHOUT_MIGRATION_14
from click.testing import CliRunner

from referat.archive import open_archive
from referat.archive.schema import _V10, ITEMS_FTS, MIGRATIONS
from referat.cli import main

datasette_app = pytest.importorskip("datasette.app", reason="datasette is not installed (test extra)")
sqlite_utils_cli = pytest.importorskip("sqlite_utils.cli", reason="sqlite-utils is not installed (test extra)")


def referat_items(archive_path, query: str) -> set[str]:
    result = CliRunner().invoke(main, ["search", query, "--archive", str(archive_path), "--json", "--limit", "1000"])
    assert result.exit_code == 0, result.output
    return {hit["item"] for hit in json.loads(result.stdout)["hits"]}


def sqlite_utils_items(archive_path, query: str) -> set[str]:
    result = CliRunner().invoke(sqlite_utils_cli.cli, ["search", str(archive_path), "items", query, "-c", "key"])
    assert result.exit_code == 0, result.output
    return {row["key"] for row in json.loads(result.output)}


def datasette_items(archive_path, query: str, raw: bool = False) -> set[str]:
    async def fetch():
        datasette = datasette_app.Datasette([str(archive_path)])
        response = await datasette.client.get(
            f"/{archive_path.stem}/items.json",
            params={"_search": query, "_shape": "array", "_size": "max", "_col": "key"}
            | ({"_searchmode": "raw"} if raw else {}),
        )
        assert response.status_code == 200, response.text
        return {row["key"] for row in response.json()}

    return asyncio.run(fetch())


@pytest.mark.parametrize(
    "word, expected",
    [
        ("ventetider", {"sundhedsstyrelsen.task-force-for-boerne-og-ungdomspsykiatr.2025-09-11-2"}),
        ("cykelstierne", {"teknik-og-miljoeudvalget.2024-05-14-1", "teknik-og-miljoeudvalget.2024-05-14-2"}),
    ],
)
def test_sqlite_utils_and_datasette_find_what_referat_search_finds(web_archive, word, expected):
    assert referat_items(web_archive.path, word) == expected
    assert sqlite_utils_items(web_archive.path, word) == expected
    assert datasette_items(web_archive.path, word) == expected


def test_a_prefix_in_the_tools_finds_compounds_as_referat_does(web_archive):
    # referat searches a word's prefix in the text and in compounds' parts ("psykiatri"
    # finds "Ungdomspsykiatrien", "psykiatriplanen"); the tools do so when asked with "*".
    found = referat_items(web_archive.path, "psykiatri")
    assert len(found) == 9
    assert sqlite_utils_items(web_archive.path, "psykiatri*") == found
    assert datasette_items(web_archive.path, "psykiatri*", raw=True) == found


def test_an_archive_from_before_migration_10_is_upgraded_for_the_tools(web_archive, tmp_path):
    path = tmp_path / "older.db"
    with sqlite3.connect(web_archive.path) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    before = referat_items(path, "psykiatri")
    # The item index as migrations 2 and 4 left it: its content the view item_documents.
    connection = sqlite3.connect(path, isolation_level=None)
    connection.executescript(
        f"DROP TABLE items_fts; {ITEMS_FTS} INSERT INTO items_fts(items_fts) VALUES ('rebuild');"
        # (and without migration 11's columns, which the upgrade adds again)
        " DROP INDEX documents_attachment; DROP INDEX meetings_names;"
        " ALTER TABLE documents DROP COLUMN attachment_of; ALTER TABLE positions DROP COLUMN votes;"
        f" {WITHOUT_MIGRATION_14} PRAGMA user_version = {MIGRATIONS.index(_V10)};"
    )
    connection.close()
    result = CliRunner().invoke(sqlite_utils_cli.cli, ["search", str(path), "items", "ventetider"])
    assert result.exit_code != 0 and "not configured for full-text search" in result.output

    with open_archive(str(path), create=False) as archive:  # the upgrade
        assert archive.check() == {"integrity": "ok", "foreign_keys": 0, "fts": "ok"}
        declared = archive.connection.execute("SELECT sql FROM sqlite_master WHERE name = 'items_fts'").fetchone()[0]
    assert 'content="items"' in declared
    assert referat_items(path, "psykiatri") == before
    assert (
        sqlite_utils_items(path, "ventetider")
        == datasette_items(path, "ventetider")
        == {"sundhedsstyrelsen.task-force-for-boerne-og-ungdomspsykiatr.2025-09-11-2"}
    )


def test_the_check_finds_an_item_missing_from_the_index(web_archive, tmp_path):
    path = tmp_path / "damaged.db"
    with sqlite3.connect(web_archive.path) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(
        "INSERT INTO items_fts(items_fts, rowid, text, stems, parts, title_text, title_stems, title_parts)"
        " SELECT 'delete', id, text, stems, parts, title_text, title_stems, title_parts FROM item_documents"
        " WHERE id = (SELECT min(id) FROM items)"
    )
    connection.close()
    with open_archive(str(path), create=False) as archive:
        assert archive.check()["fts"] == "items_fts: 1 items not indexed, 0 index rows without their item"
