"""The PostgreSQL archive (docs/postgresql.md) through the real CLI, on a throwaway server
(tests/pg_server.py): import and search of corpus documents, dedupe and replacement,
closed items and CPR numbers withheld as in SQLite, several importers at once, and a
kill -9 mid-import that loses and duplicates nothing. The search behaviour shared with
SQLite is tested on both backends in tests/test_archive_search.py."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive_documents import write_minutes
from click.testing import CliRunner
from test_archive_closed import CLOSED_MINUTES, CPR_MINUTES, SECRETS

from referat.cli import main

REPO = Path(__file__).resolve().parent.parent
CORPUS_FILES = [REPO / "corpus" / "regioner-psu-dagsorden-referat.pdf", REPO / "corpus" / "sst-taskforce-referat.pdf"]


def invoke(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.output


def rows(url: str, sql: str, *params) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as connection:
        return connection.execute(sql, params).fetchall()


def count(url: str, table: str) -> int:
    return rows(url, f"SELECT count(*) FROM {table}")[0][0]


def search_json(url: str, query: str, *options: str) -> dict:
    return json.loads(invoke("search", query, "--archive", url, "--json", *options))


def assert_whole_documents(url: str) -> None:
    """Every stored document has all the meetings and items its JSON holds, and each
    sha256 is stored once."""

    def count_items(items: list[dict]) -> int:
        return sum(1 + count_items(item["subitems"]) for item in items)

    for document_id, text in rows(url, "SELECT id, json FROM documents"):
        stored = json.loads(text)
        meetings = rows(url, "SELECT count(*) FROM meetings WHERE document_id = %s", document_id)[0][0]
        items = rows(
            url,
            "SELECT count(*) FROM items JOIN meetings ON meetings.id = items.meeting_id WHERE document_id = %s",
            document_id,
        )[0][0]
        assert meetings == len(stored["meetings"]) > 0
        assert items == sum(count_items(m["items"]) for m in stored["meetings"]) > 0
    assert rows(url, "SELECT count(*) - count(DISTINCT sha256) FROM documents") == [(0,)]
    assert rows(url, "SELECT count(*) - count(DISTINCT key) FROM items") == [(0,)]


def test_corpus_documents_are_imported_and_searched_through_the_cli(pg_url, tmp_path):
    output = invoke("import", *map(str, CORPUS_FILES), "--archive", pg_url, "--workers", "1")
    assert "imported 2, skipped 0" in output and "failed 0" in output
    # REFERAT_ARCHIVE names the database as --archive does.
    found = json.loads(invoke("search", "psykiatri", "--json", env={"REFERAT_ARCHIVE": pg_url}))
    assert found["hits"] and all("psykiatri" in hit["snippet"].lower() for hit in found["hits"])
    assert {hit["path"] for hit in found["hits"]} <= {str(path) for path in CORPUS_FILES}
    # A compound found by its tail: the task force's name is blanked in its own minutes,
    # but "Børne- og Ungdomspsykiatrien" elsewhere says it.
    text = invoke("search", "psykiatri", "--archive", pg_url, "--limit", "3")
    assert "«" in text and "referat show" in text
    # The same files again: skipped by sha256, nothing stored twice.
    documents, items = count(pg_url, "documents"), count(pg_url, "items")
    output = invoke("import", *map(str, CORPUS_FILES), "--archive", pg_url, "--workers", "1")
    assert "imported 0, skipped 2" in output
    assert (count(pg_url, "documents"), count(pg_url, "items")) == (documents, items)
    assert rows(pg_url, "SELECT status FROM import_runs ORDER BY id") == [("done",), ("done",)]


def test_both_backends_find_the_same_items(pg_url, tmp_path):
    # Words are cut alike: PostgreSQL's own parser read "EMN-2024-01187" as signed numbers
    # and "Beslutning/godkendelse/bemærkninger" as a file path (pg_schema.PASSAGE_WORDS).
    from archive_documents import document, item

    from referat.archive import open_archive

    documents = [
        document(
            "a.txt",
            "Regionsrådet",
            "2025-10-23",
            [
                item("1", "Tvang i psykiatrien (EMN-2024-01187)", [("background", "Målsætning for 2021-2024.")]),
                item("2", "Beslutning/godkendelse/bemærkninger", [("decision", "Taget til efterretning.")]),
                item("3", "Børne- og ungdomspsykiatrien", [("background", "Ventetiderne på Århus Sygehus.")]),
            ],
        ),
        document(
            "b.txt",
            "Økonomiudvalget",
            "2024-02-01",
            [item("1", "Økonomiaftalen 2024", [("decision", "Godkendt; økonomiaftalerne tages til efterretning.")])],
        ),
    ]
    queries = ["2024", "godkendelse", "godkendt", "psykiatri", "aarhus", "aftale", '"taget til efterretning"', "emn"]
    found = {}
    for path in (pg_url, str(tmp_path / "referat.db")):
        with open_archive(path) as archive:
            for stored in documents:
                archive.store_document(stored)
            found[path] = [sorted(hit.item for hit in archive.search(query).hits) for query in queries]
    assert found[pg_url] == found[str(tmp_path / "referat.db")]
    assert all(found[pg_url]), dict(zip(queries, found[pg_url], strict=True))


def test_a_reading_command_on_an_empty_database_is_one_line(pg_url):
    result = CliRunner().invoke(main, ["search", "x", "--archive", pg_url])
    assert result.exit_code == 1 and "no archive there" in result.output and result.output.count("\n") == 1
    result = CliRunner().invoke(main, ["who-said", "KL", "--archive", pg_url])
    assert result.exit_code == 1


@pytest.mark.slow  # (two or three imports, each starting a worker)
def test_a_changed_file_replaces_its_old_version(pg_url, tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(CLOSED_MINUTES, encoding="utf-8")
    invoke("import", str(path), "--archive", pg_url, "--workers", "1")
    path.write_text(CLOSED_MINUTES.replace("vintervedligeholdelse", "sommervedligeholdelse"), encoding="utf-8")
    output = invoke("import", str(path), "--archive", pg_url, "--workers", "1")
    assert "imported 1 (1 replaced)" in output
    assert count(pg_url, "documents") == 1
    assert search_json(pg_url, "vintervedligeholdelse")["hits"] == []
    assert search_json(pg_url, "sommervedligeholdelse")["hits"][0]["number"] == "3"


def test_a_closed_items_text_is_not_stored_or_found_by_default(pg_url, tmp_path):
    path = tmp_path / "okonomiudvalget-2025-03-12.txt"
    path.write_text(CLOSED_MINUTES, encoding="utf-8")
    invoke("import", str(path), "--archive", pg_url, "--workers", "1")
    assert search_json(pg_url, "tilbudsprisen")["hits"] == []
    assert search_json(pg_url, "fratrædelsesgodtgørelse")["hits"] == []
    stored = " ".join(
        text or ""
        for table, column in (
            ("documents", "json"),
            ("sections", "text"),
            ("decisions", "text"),
            ("passages", "text"),
            ("passages", "search::text"),
            ("amounts", "text"),
        )
        for (text,) in rows(pg_url, f"SELECT {column} FROM {table}")
    )
    for secret in SECRETS:
        assert secret not in stored
    closed = rows(
        pg_url, "SELECT p.source, p.text FROM passages p JOIN items i ON i.id = p.item_id WHERE i.access = 'closed'"
    )
    assert sorted(closed) == [
        ("title", "Køb af ejendommen Storegade 12"),
        ("title", "Personalesag vedrørende direktørens fratræden"),
    ]
    assert rows(pg_url, "SELECT closed_text FROM documents") == [("withheld",)]
    assert search_json(pg_url, "mindreforbrug")["hits"][0]["number"] == "1"
    # show, export and report, as on SQLite (tests/test_archive_closed.py)
    key = rows(pg_url, "SELECT key FROM items WHERE number = '2'")[0][0]
    shown = json.loads(invoke("show", key, "--archive", pg_url, "--json"))
    assert (shown["number"], shown["title"], shown["access"]) == ("2", "Køb af ejendommen Storegade 12", "closed")
    assert shown["decisions"] == [{"text": "", "outcome": "approved"}]
    assert shown["sections"] == shown["amounts"] == shown["statements"] == []
    assert "punkt 2 Køb af ejendommen Storegade 12  [closed]" in invoke("show", key, "--archive", pg_url)
    exported = invoke("export", "--archive", pg_url)
    assert "fratrædelsesgodtgørelse" not in exported and "Personalesag vedrørende direktørens fratræden" in exported
    assert json.loads(invoke("report", "--archive", pg_url, "--json"))["failures"] == []


@pytest.mark.slow  # (two or three imports, each starting a worker)
def test_include_closed_and_public_search(pg_url, tmp_path):
    path = tmp_path / "okonomiudvalget-2025-03-12.txt"
    path.write_text(CLOSED_MINUTES, encoding="utf-8")
    invoke("import", str(path), "--archive", pg_url, "--workers", "1", "--include-closed")
    hits = search_json(pg_url, "tilbudsprisen")["hits"]
    assert [(hit["number"], hit["section"]) for hit in hits] == [("2", "background")]
    assert search_json(pg_url, "tilbudsprisen", "--public")["hits"] == []
    assert search_json(pg_url, "godkendte", "--public")["hits"] == []
    public = search_json(pg_url, "køb", "--public")
    assert [(hit["number"], hit["section"]) for hit in public["hits"]] == [("2", "title")]
    # facets count the closed decision ("købet") only without --public
    assert search_json(pg_url, "køb")["facets"]["section"] == {"decision": 1, "title": 1}
    assert public["facets"]["section"] == {"title": 1} and public["total"] == 1
    # Imported again with the default choice: replaced, and the closed text is gone.
    output = invoke("import", str(path), "--archive", pg_url, "--workers", "1")
    assert "1 replaced" in output
    assert search_json(pg_url, "tilbudsprisen")["hits"] == []
    assert rows(pg_url, "SELECT closed_text FROM documents") == [("withheld",)]


@pytest.mark.slow  # (two or three imports, each starting a worker)
def test_cpr_numbers_are_redacted_unless_asked_to_keep_them(pg_url, tmp_path):
    path = tmp_path / "teknik.txt"
    path.write_text(CPR_MINUTES, encoding="utf-8")
    invoke("import", str(path), "--archive", pg_url, "--workers", "1")
    assert search_json(pg_url, "010190")["hits"] == []
    assert "010190-1234" not in rows(pg_url, "SELECT json FROM documents")[0][0]
    assert rows(pg_url, "SELECT personal_data FROM documents") == [("redacted",)]
    invoke("import", str(path), "--archive", pg_url, "--workers", "1", "--keep-personal-data")
    assert rows(pg_url, "SELECT personal_data FROM documents") == [("kept",)]
    assert search_json(pg_url, "010190")["hits"][0]["number"] == "1"


def test_a_document_postgresql_refuses_fails_alone_and_the_import_goes_on(pg_url):
    # PostgreSQL's text cannot hold a NUL character (SQLite's can): that file is one
    # failure with its reason, and the next is stored.
    from archive_documents import document, item

    from referat.archive import open_archive
    from referat.archive.importer import _Run
    from referat.archive.prepare import prepare_document

    refused = document("nul.txt", "Byrådet", "2024-01-01", [item("1", "Vej\x00en", [("background", "Tekst")])])
    fine = document("ok.txt", "Byrådet", "2024-01-02", [item("1", "Vejen", [("background", "Tekst om vejen")])])
    with open_archive(pg_url) as archive:
        run = _Run(archive, ["nul.txt", "ok.txt"], None, False, False, False)
        run.store("nul.txt", prepare_document(refused))
        run.store("ok.txt", prepare_document(fine))
        assert (run.summary.failed, run.summary.imported) == (1, 1)
        assert "NUL" in run.summary.failures[0][1]
        assert archive.counts()["documents"] == 1
        assert [hit.title for hit in archive.search("vejen").hits] == ["Vejen"]


@pytest.mark.slow  # (two imports)
def test_show_export_and_report_are_those_of_the_sqlite_archive(pg_url, tmp_path):
    path = tmp_path / "okonomiudvalget-2025-03-12.txt"
    path.write_text(CLOSED_MINUTES, encoding="utf-8")
    database = str(tmp_path / "referat.db")
    for archive in (pg_url, database):
        invoke("import", str(path), "--archive", archive, "--workers", "1", "--include-closed")
    for args in (["export"], ["export", "--format", "csv"], ["export", "--public", "--format", "csv"]):
        assert invoke(*args, "--archive", pg_url) == invoke(*args, "--archive", database), args
    keys = [key for (key,) in rows(pg_url, "SELECT key FROM items ORDER BY id")]
    assert len(keys) == 4
    for key in keys:
        for public in ([], ["--public"]):
            assert invoke("show", key, "--json", *public, "--archive", pg_url) == invoke(
                "show", key, "--json", *public, "--archive", database
            )
    report = json.loads(invoke("report", "--json", "--archive", pg_url))
    assert {**report, "run": 1} == {**json.loads(invoke("report", "--json", "--archive", database)), "run": 1}


def test_serve_shows_search_items_meetings_bodies_and_saved_searches(pg_url):
    from starlette.testclient import TestClient

    from referat.archive import open_archive
    from referat.extract import extract_bytes
    from referat.web.app import create_app

    with open_archive(pg_url) as archive:
        archive.store_document(extract_bytes("okonomiudvalget.txt", CLOSED_MINUTES.encode(), enrich=False))
    result = CliRunner().invoke(main, ["watch", "add", "ejendomme", "ejendom*", "--archive", pg_url])
    assert result.exit_code == 0, result.output
    with TestClient(create_app(pg_url)) as client:
        page = client.get("/", params={"q": "mindreforbrug"})
        assert page.status_code == 200 and "mindreforbrug" in page.text
        key = rows(pg_url, "SELECT key FROM items WHERE number = '1'")[0][0]
        assert "Budgetopfølgning" in client.get(f"/item/{key}").text
        meeting_id = rows(pg_url, "SELECT id FROM meetings")[0][0]
        meeting = client.get(f"/meeting/{meeting_id}")
        assert meeting.status_code == 200 and "Køb af ejendommen Storegade 12" in meeting.text
        assert "tilbudsprisen" not in meeting.text
        assert "Økonomiudvalget" in client.get("/bodies").text
        watches = client.get("/watches")
        assert watches.status_code == 200 and "ejendomme" in watches.text
        feed = client.get("/watch/ejendomme/feed.atom")
        assert feed.status_code == 200 and feed.text.count("<entry>") == 1
        # the closed item is in the feed by its title only (serve searches as --public)
        assert "Køb af ejendommen Storegade 12" in feed.text and "tilbudsprisen" not in feed.text
        assert client.get("/watch/andet/feed.atom").status_code == 404
    result = CliRunner().invoke(main, ["watch", "list", "--archive", pg_url])
    assert result.exit_code == 0 and "ejendomme: 'ejendom*'" in result.output


def _import_process(folder: Path, url: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "referat", "import", str(folder), "--archive", url, "--workers", "1", "-q"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


@pytest.mark.slow
def test_several_importers_at_once_store_each_document_once(pg_url, tmp_path):
    folder = tmp_path / "docs"
    write_minutes(folder, 12, items=8)
    processes = [_import_process(folder, pg_url) for _ in range(3)]
    for process in processes:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    assert count(pg_url, "documents") == 12
    assert count(pg_url, "items") == 12 * 8
    assert_whole_documents(pg_url)
    # Each run stored some and skipped the rest (found stored when it came to store them).
    runs = rows(pg_url, "SELECT status, files, imported, skipped FROM import_runs")
    assert [status for status, *_ in runs] == ["done"] * 3
    assert sum(imported for _, _, imported, _ in runs) == 12
    assert all(files == imported + skipped == 12 for _, files, imported, skipped in runs)


@pytest.mark.slow
def test_kill_9_mid_import_loses_nothing_and_duplicates_nothing(pg_url, tmp_path):
    folder = tmp_path / "docs"
    write_minutes(folder, 40, items=60)
    process = _import_process(folder, pg_url)
    try:
        _wait_for_documents(process, pg_url, 3)
        process.send_signal(signal.SIGKILL)  # the parent, mid-transaction or between two
        process.wait(timeout=10)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    time.sleep(0.5)  # the server notices the closed connection and rolls its transaction back
    first = count(pg_url, "documents")
    assert 3 <= first < 40
    assert_whole_documents(pg_url)
    rerun = _import_process(folder, pg_url)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr
    assert count(pg_url, "documents") == 40
    assert count(pg_url, "items") == 40 * 60
    assert_whole_documents(pg_url)
    assert [status for (status,) in rows(pg_url, "SELECT status FROM import_runs ORDER BY id")] == ["killed", "done"]


def test_did_you_mean_follows_replaced_documents_and_check_finds_a_words_table_counted_wrong(pg_url):
    from archive_documents import document, item

    from referat.archive import open_archive
    from referat.archive.pg_schema import PG_MIGRATIONS, SAMPLE_LEVELS, migrate

    first = document("psu.txt", "Psykiatriudvalget", "2025-03-04", [item("1", "Sengepladser i psykiatrien")])
    second = document("psu.txt", "Psykiatriudvalget", "2025-03-04", [item("1", "Ventetider i psykiatrien")])
    with open_archive(pg_url) as archive:
        archive.store_document(first)
        assert archive.search("sengepladsr").suggestions == {"sengepladsr": ["sengepladser"]}
        assert archive.check() == {"integrity": "ok", "foreign_keys": 0, "fts": "ok"}
        assert archive.store_document(second) == "replaced"  # the same path, new text
        # the replaced text's words are counted out: no longer suggested
        assert archive.search("sengepladsr").suggestions == {"sengepladsr": []}
        assert archive.search("ventetidr").did_you_mean == "ventetider"
        assert archive.check() == {"integrity": "ok", "foreign_keys": 0, "fts": "ok"}
        archive.connection.execute("UPDATE words SET passages = passages + 1 WHERE word = 'ventetider'")
        assert archive.check()["fts"] == "words: 1 words counted wrong (of the passages' own words)"
    # an archive of schema 1 (before the words table and the index of sampled passages)
    # gets the table filled from its passages and the index built
    with open_archive(pg_url) as archive:
        archive.connection.execute("DROP TABLE words")
        for threshold in SAMPLE_LEVELS:
            archive.connection.execute(f"DROP INDEX passages_sample_{threshold}")
        archive.connection.execute("UPDATE referat_schema SET version = 1")
        assert migrate(archive.connection) == len(PG_MIGRATIONS)
        assert archive.check()["fts"] == "ok"
        assert archive.search("ventetidr").did_you_mean == "ventetider"
        for threshold in SAMPLE_LEVELS:
            name = f"passages_sample_{threshold}"
            assert archive.connection.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()[0]


def _wait_for_documents(process: subprocess.Popen, url: str, wanted: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(Exception):  # (the schema may still be being created)
            if count(url, "documents") >= wanted:
                return
        time.sleep(0.02)
    assert process.poll() is None, "the import finished first: make the documents larger"


@pytest.mark.slow
def test_an_import_whose_connection_is_lost_connects_again_and_goes_on(pg_url, tmp_path):
    folder = tmp_path / "docs"
    write_minutes(folder, 30, items=60)
    process = _import_process(folder, pg_url)
    try:
        _wait_for_documents(process, pg_url, 3)
        # the server ends the importer's connection (a restart, a dropped network hop)
        rows(
            pg_url,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        _, stderr = process.communicate(timeout=300)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 0, stderr
    assert "the connection to the archive was lost" in stderr and "connected again" in stderr
    assert "Traceback" not in stderr
    assert count(pg_url, "documents") == 30
    assert count(pg_url, "items") == 30 * 60
    assert_whole_documents(pg_url)
    assert [status for (status,) in rows(pg_url, "SELECT status FROM import_runs")] == ["done"]


@pytest.mark.slow
def test_an_import_whose_server_stays_away_ends_in_one_line_and_a_rerun_resumes(tmp_path):
    from pg_server import running_server

    folder = tmp_path / "docs"
    write_minutes(folder, 30, items=60)
    with running_server() as server:  # a server of its own, to stop
        url = server.new_database()
        process = subprocess.Popen(
            [sys.executable, "-m", "referat", "import", str(folder), "--archive", url, "--workers", "1", "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
            env={**os.environ, "REFERAT_RECONNECT_SECONDS": "1"},
        )
        try:
            _wait_for_documents(process, url, 3)
            server.stop()
            _, stderr = process.communicate(timeout=120)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        assert process.returncode == 1, stderr
        assert "Traceback" not in stderr and stderr.count("\n") == 1, stderr
        assert "the server was not back within 1 s" in stderr and "run the same command again to resume" in stderr
        server.start()
        # (an immediate stop of a server without fsync may lose its last commits: a test server's choice)
        assert count(url, "documents") < 30
        assert_whole_documents(url)
        rerun = _import_process(folder, url)
        _, stderr = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, stderr
        assert count(url, "documents") == 30
        assert_whole_documents(url)


def test_a_withheld_closed_items_words_leave_the_words_table(pg_url):
    from archive_documents import document, item

    from referat.archive import SearchFilters, open_archive

    closed = item("2", "Køb af grund", [("background", "Landinspektøren opmåler matriklen.")])
    closed = closed.model_copy(update={"access": "closed"})
    minutes = document("teknik.txt", "Teknik- og Miljøudvalget", "2025-05-06", [item("1", "Vejplan"), closed])
    with open_archive(pg_url) as archive:
        archive.store_document(minutes, include_closed=True)
        assert rows(pg_url, "SELECT passages FROM words WHERE word = 'landinspektøren'") == [(1,)]
        assert archive.search("landinspektøen").suggestions == {"landinspektøen": ["landinspektøren"]}
        public = SearchFilters(public=True)
        assert archive.search("landinspektøen", filters=public).suggestions == {"landinspektøen": []}
        assert archive.store_document(minutes) == "replaced"  # the default: the closed text withheld
        archive.purge_replaced()
        assert rows(pg_url, "SELECT word FROM words WHERE word IN ('landinspektøren', 'matriklen')") == []
        assert archive.search("landinspektøen").suggestions == {"landinspektøen": []}
        assert archive.check()["fts"] == "ok"


def test_the_index_query_without_weights_finds_the_passages_the_weighted_query_matches(pg_url):
    # pg_query.found_sql: the GIN index answers without weights (no row read again); it must
    # find exactly the passages match_sql's weighted query matches, for every word the
    # corpus's passages hold, as a whole word and as its first letters (a prefix search).
    import re

    from referat.archive import open_archive
    from referat.archive.pg_query import found_sql, match_sql
    from referat.archive.query import parse_query

    invoke("import", *map(str, CORPUS_FILES), "--archive", pg_url, "--workers", "1")
    with open_archive(pg_url) as archive:
        text = " ".join(row[0] for row in archive.connection.execute("SELECT text FROM passages"))
        words = sorted({word.lower() for word in re.findall(r"[^\W\d_]{3,}", text)})
        assert len(words) > 400
        queries = words[::2] + [word[:5] + "*" for word in words[1::7] if len(word) > 6]
        queries += ["børne- og ungdomspsykiatrien", "regionsrådet psykiatri", "aftale OR budget"]
        for query in queries:
            parsed = parse_query(query)
            ids = []
            for sql, params in (match_sql(parsed), found_sql(parsed)):
                found = archive.connection.execute(f"SELECT id FROM passages p WHERE p.search @@ {sql}", params)
                ids.append(sorted(row[0] for row in found))
            assert ids[0] == ids[1], query


def test_past_the_rank_window_the_newest_matching_items_are_ranked(pg_url, monkeypatch):
    # As SQLite's (search_plan.RankWindow): when more items match than the window, only the
    # newest that the filters leave are ranked, and the result says how many.
    from archive_documents import document, item

    from referat.archive import SearchFilters, open_archive, pg_schema, pg_search, pg_store

    monkeypatch.setattr(pg_search, "RANK_WINDOW", 4)
    monkeypatch.setattr(pg_search, "RANK_ALL", 1)
    # passage id ranges of 8 (pg_schema.PASSAGE_RANGE): the window spans several, each
    # asked of its own index, which the writer makes as the ids reach it
    for module in (pg_schema, pg_store, pg_search):
        monkeypatch.setattr(module, "PASSAGE_RANGE", 8)
    with open_archive(pg_url) as archive:
        for number in range(30):
            body = "Byrådet" if number % 3 == 0 else "Økonomiudvalget"
            words = " ".join(["budget"] * (1 + number % 5))  # (the oldest are not the best)
            archive.store_document(
                document(
                    f"{number}.txt",
                    body,
                    f"{1990 + number}-01-02",
                    [item("1", f"Punkt {number}", [("background", f"Om {words} og drift.")])],
                )
            )
        archive.connection.execute("ANALYZE")
        newest_passage = archive.connection.execute("SELECT max(id) FROM passages").fetchone()[0]
        assert newest_passage > 40
        made = f"passages_search_{newest_passage // 8 + 1}"
        assert archive.connection.execute("SELECT to_regclass(%s) IS NOT NULL", [made]).fetchone()[0]
        items = [row[0] for row in archive.connection.execute("SELECT id FROM items ORDER BY id")]
        result = archive.search("budget", limit=3)
        assert result.ranked_among == 4
        newest = {
            key for (key,) in archive.connection.execute("SELECT key FROM items WHERE id = ANY(%s)", (items[-4:],))
        }
        assert {hit.item for hit in result.hits} <= newest and len(result.hits) == 3
        # the filters first: the newest four of the body's
        filtered = archive.search("budget", limit=10, filters=SearchFilters(body="byråd"))
        assert filtered.ranked_among == 4 and len(filtered.hits) == 4
        assert all(hit.body == "Byrådet" for hit in filtered.hits)
        # a window that holds every match ranks as before
        monkeypatch.setattr(pg_search, "RANK_WINDOW", 100)
        whole = archive.search("budget", limit=30)
        assert whole.ranked_among is None and len(whole.hits) == 30
        monkeypatch.setattr(pg_search, "RANK_ALL", 1000)
        assert [hit.item for hit in archive.search("budget", limit=30).hits] == [hit.item for hit in whole.hits]
