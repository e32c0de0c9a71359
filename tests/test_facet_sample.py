"""The index of sampled passages (schema.py migration 14, facets.py): it holds exactly the
passages the facets' sample can draw at a low rate, stays so as documents are stored and
replaced, is built when an older archive is upgraded, and facets drawn from it are the
facets drawn from the whole passage index."""

from __future__ import annotations

import sqlite3

from archive_documents import WITHOUT_MIGRATION_14, document, item

from referat.archive import facets as facets_module
from referat.archive import open_archive
from referat.archive.facets import SAMPLE_INDEX_THRESHOLD, count_facets, facet_statement

_SAMPLED = f"(id * 40503) % 65536 < {SAMPLE_INDEX_THRESHOLD}"


def _archive(path: str, documents: int = 40):
    """``documents`` meetings of three bodies, each with three budget items of two passages."""
    archive = open_archive(path)
    for number in range(documents):
        body = ("Økonomiudvalget", "Skoleudvalget", "Byrådet")[number % 3]
        items = [
            item(str(n), f"Budget {number}.{n}", [("background", f"Budgettet for år {number} og punkt {n}.")])
            for n in range(1, 4)
        ]
        archive.store_document(document(f"{number}.txt", body, f"20{10 + number % 15}-03-01", items))
    return archive


def _indexed(archive) -> list[int]:
    return [row[0] for row in archive.connection.execute("SELECT rowid FROM passages_sample_fts ORDER BY rowid")]


def _sampled(archive) -> list[int]:
    return [row[0] for row in archive.connection.execute(f"SELECT id FROM passages WHERE {_SAMPLED} ORDER BY id")]


def test_the_index_holds_the_sampled_passages_as_documents_are_stored_and_replaced(tmp_path):
    with _archive(str(tmp_path / "a.db")) as archive:
        assert _indexed(archive) == _sampled(archive) and len(_sampled(archive)) >= 10
        replaced = document("0.txt", "Byrådet", "2024-01-01", [item("1", "Andet", [("background", "Intet her.")])])
        archive.store_document(replaced)
        archive.purge_replaced()
        assert _indexed(archive) == _sampled(archive)
        assert archive.check() == {"integrity": "ok", "foreign_keys": 0, "fts": "ok"}
        found = archive.connection.execute(
            "SELECT rowid FROM passages_sample_fts WHERE passages_sample_fts MATCH 'budgettet' ORDER BY rowid"
        ).fetchall()
        found = [row[0] for row in found]
        held = archive.connection.execute(
            f"SELECT id FROM passages WHERE {_SAMPLED} AND text LIKE '%Budgettet%' ORDER BY id"
        ).fetchall()
        held = [row[0] for row in held]
    assert found == held and found


def test_an_archive_of_schema_13_gets_the_index_when_upgraded(tmp_path):
    path = str(tmp_path / "a.db")
    _archive(path).close()
    connection = sqlite3.connect(path)
    connection.executescript(WITHOUT_MIGRATION_14 + " PRAGMA user_version = 13;")
    connection.close()
    with open_archive(path, create=False) as archive:
        assert archive.connection.execute("PRAGMA user_version").fetchone()[0] == 14
        assert _indexed(archive) == _sampled(archive) and _indexed(archive)
        assert archive.check()["fts"] == "ok"


def test_facets_from_the_index_of_sampled_passages_are_those_of_the_whole_index(monkeypatch):
    # (in memory, the facets are counted on the searching connection, which is traced here)
    with _archive(":memory:") as archive:
        for threshold in (SAMPLE_INDEX_THRESHOLD, 2000, 1):
            params = [threshold, '({text parts} : "budget" *)']
            whole = count_facets(archive.connection, facet_statement("passages_fts", "", False), params)
            sampled = count_facets(archive.connection, facet_statement("passages_sample_fts", "", False), params)
            assert whole == sampled
        # A search whose sample rate is that low draws it from the index of sampled passages.
        monkeypatch.setattr(facets_module, "FACET_SAMPLE", 2)
        statements: list[str] = []
        archive.connection.set_trace_callback(statements.append)
        result = archive.search("budget", facets=True)
        archive.connection.set_trace_callback(None)
    assert result.estimated and result.total > 0
    assert any("FROM passages_sample_fts" in statement for statement in statements)


def test_each_way_of_setting_the_sample_rate_estimates_the_total(monkeypatch):
    # 360 passages say "budget", 23 of them sampled passages; the files repeat 15 meetings,
    # so 120 of them are counted (an item's copies in another file of its meeting are not)
    with _archive(":memory:", documents=60) as archive:
        exact = archive.search("budget", facets=True)
        assert not exact.estimated and exact.total == 120
        # more sampled matches than the sample: drawn from the index of sampled passages;
        # a few hundred matches: the newest matches' reach sets the rate; fewer: one counting walk
        for sample in (8, 40, 100):
            monkeypatch.setattr(facets_module, "FACET_SAMPLE", sample)
            result = archive.search("budget", facets=True)
            assert result.estimated and abs(result.total - exact.total) <= exact.total // 2, sample
            assert set(result.facets["body"]) <= set(exact.facets["body"])
