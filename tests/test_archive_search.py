"""Danish full-text search on a real SQLite archive: stems, compounds, æøå, aa/å, facets,
filters, and queries that would break a naive FTS5 MATCH."""

from __future__ import annotations

import json
import sqlite3

import pytest
from archive_documents import document, item
from click.testing import CliRunner

from referat.archive import ArchiveError, SearchFilters, open_archive
from referat.archive.text import parse_query
from referat.cli import main

DOCUMENTS = [
    document("byraad-2024.txt", "Aarhus Byråd", "2024-06-12", [
        item("1", "Økonomiaftalen for 2025", [("background", "Regeringen og KL har indgået økonomiaftalen for 2025."),
                                              ("decision", "Byrådet tog orienteringen til efterretning.")]),
        item("2", "Søen ved rådhuset", [("background", "Søen skal renses, og arbejdet udbydes i foråret.")]),
        item("3", "Budget 2025", [("recommendation", "Det indstilles, at budgettet godkendes.")],
             statements=[("KL", "bemærker", "at budgettet skal følge aftalen.")]),
    ]),
    document("psu-2025.txt", "Psykiatri- og Socialudvalget", "2025-03-04", [
        item("4", "Udmøntningsaftalen for psykiatrien", [("summary", "Udmøntningsaftalen fordeler midler til psykiatrien."),
                                                          ("decision", "Udvalget godkendte indstillingen.")]),
        item("5", "Kapacitet i børne- og ungdomspsykiatrien", [("minutes", "Ventetiderne i børne- og ungdomspsykiatrien er faldet.")],
             statements=[("Danske Regioner", "understreger", "at kapaciteten skal øges.")]),
        item("6", "Soen og radhuset", [("background", "Et sted uden danske bogstaver: soen ved radhuset.")]),
    ]),
    document("aarhus-2023.txt", "Sundhedsudvalget", "2023-11-01", [
        item("7", "Samarbejde med Århus Universitetshospital", [("background", "Aftaler med hospitalet om udskrivning.")]),
        item("8", "Aarhus Kommunes sundhedspolitik", [("background", "Politikken gælder fra 2024.")],
             decisions=[("Sagen blev udsat.", "postponed")]),
    ], kind="beslutningsprotokol"),
]


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("archive") / "referat.db"
    with open_archive(str(path)) as archive:
        for doc in DOCUMENTS:
            assert archive.store_document(doc) == "imported"
    return path


@pytest.fixture
def archive(archive_file):
    with open_archive(str(archive_file), create=False) as opened:
        yield opened


def titles(result) -> list[str]:
    return [hit.title for hit in result.hits]


def test_stemming_finds_inflected_forms(archive):
    # "budgetter" and "budgettet" share the Snowball stem "budget".
    assert "Budget 2025" in titles(archive.search("budgetter"))
    assert "Økonomiaftalen for 2025" in titles(archive.search("økonomiaftaler"))


def test_compound_words_are_found_by_their_parts(archive):
    found = titles(archive.search("aftale"))
    assert "Økonomiaftalen for 2025" in found and "Udmøntningsaftalen for psykiatrien" in found
    found = titles(archive.search("psykiatri"))
    assert "Kapacitet i børne- og ungdomspsykiatrien" in found


def test_exact_word_ranks_above_a_compound_part(archive):
    hits = archive.search("aftaler").hits
    # "Aftaler med hospitalet" is the word itself; the compounds come after it.
    assert hits[0].title == "Samarbejde med Århus Universitetshospital"


def test_ae_oe_aa_stay_distinct(archive):
    assert set(titles(archive.search("søen"))) == {"Søen ved rådhuset"}
    assert set(titles(archive.search("soen"))) == {"Soen og radhuset"}
    assert set(titles(archive.search("rådhuset"))) == {"Søen ved rådhuset"}


def test_aa_and_å_are_one_spelling(archive):
    for query in ("Aarhus", "Århus", "aarhus"):
        found = set(titles(archive.search(query)))
        assert {"Samarbejde med Århus Universitetshospital", "Aarhus Kommunes sundhedspolitik"} <= found, query


def test_hit_carries_body_date_item_section_file_page_and_a_marked_snippet(archive):
    hit = archive.search("ventetider").hits[0]
    assert (hit.body, hit.date, hit.number, hit.section, hit.path, hit.page) == (
        "Psykiatri- og Socialudvalget", "2025-03-04", "5", "minutes", "psu-2025.txt", 1)
    assert "«Ventetiderne»" in hit.snippet
    assert archive.item(hit.item)["title"] == "Kapacitet i børne- og ungdomspsykiatrien"


def test_facets_count_every_match_by_body_year_section_and_actor(archive):
    result = archive.search("aftale", facets=True, limit=1)
    assert len(result.hits) == 1
    facets = result.facets
    assert result.total == sum(facets["body"].values()) == sum(facets["year"].values()) == sum(facets["section"].values())
    assert facets["year"]["2025"] >= 2 and facets["year"]["2024"] >= 2
    assert facets["body"]["Psykiatri- og Socialudvalget"] == 2  # title and summary of item 4
    assert facets["section"]["title"] >= 2
    # item 3 has a statement by KL and its recommendation does not say "aftale"; the statement does.
    assert facets["actor"] == {"Kommunernes Landsforening": 1}


def test_filters_body_dates_section_kind_actor(archive):
    assert {h.body for h in archive.search("aftale", SearchFilters(body="byråd")).hits} == {"Aarhus Byråd"}
    assert {h.date for h in archive.search("aftale", SearchFilters(date_from="2025-01-01")).hits} == {"2025-03-04"}
    assert {h.date for h in archive.search("aftale", SearchFilters(date_to="2023-12-31")).hits} == {"2023-11-01"}
    assert {h.section for h in archive.search("godkendte", SearchFilters(section="decision")).hits} == {"decision"}
    assert {h.meeting_kind for h in archive.search("sundhedspolitik", SearchFilters(kind="beslutningsprotokol")).hits} == {"beslutningsprotokol"}
    assert {h.number for h in archive.search("budget", SearchFilters(actor="KL")).hits} == {"3"}
    with pytest.raises(ArchiveError, match="no meeting body"):
        archive.search("aftale", SearchFilters(body="Folketinget"))


def test_a_decision_outside_any_decision_section_is_searchable(archive):
    hit = archive.search("udsat").hits[0]
    assert (hit.number, hit.section) == ("8", "decision")


@pytest.mark.parametrize(
    "query",
    ['"aftale', 'aftale"', 'NEAR(aftale psykiatri)', "aftale*", "-aftale", "aftale -psykiatri",
     "'; DROP TABLE items; --", "aftale OR", "AND", "(", '""', "*", "-", "^aftale", "text:aftale", "{stems}: x",
     "a" * 500, "aftale " * 40, "\x00", "%", "\\"],
)
def test_malformed_queries_give_results_or_one_clear_message(archive, archive_file, query):
    try:
        result = archive.search(query, facets=True)
        assert isinstance(result.hits, list)
    except ArchiveError as error:
        assert "\n" not in str(error) and str(error)
    connection = sqlite3.connect(archive_file)
    assert connection.execute("SELECT count(*) FROM items").fetchone()[0] == 8
    connection.close()


def test_operators_are_words_not_syntax():
    query = parse_query("aftale OR NEAR psykiatri")
    assert query.words == ("aftale", "or", "near", "psykiatri")
    assert '"or"' in query.match and " OR " in query.match  # OR between a word's spellings, never from the user


def test_cli_search_json_csv_text_and_errors(archive_file):
    runner = CliRunner()
    result = runner.invoke(main, ["search", "aftale", "--archive", str(archive_file), "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert len(payload["hits"]) == 3 and set(payload["facets"]) == {"body", "year", "section", "actor"}
    result = runner.invoke(main, ["search", "psykiatri", "--archive", str(archive_file), "--csv"])
    assert result.exit_code == 0 and result.output.splitlines()[0].startswith("rank,score,item,number,title")
    result = runner.invoke(main, ["search", "ventetider", "--archive", str(archive_file), "--facets"])
    assert result.exit_code == 0 and "«Ventetiderne»" in result.output and "psu-2025.txt p. 1" in result.output
    assert "body: Psykiatri- og Socialudvalget 1" in result.output
    result = runner.invoke(main, ["search", "*", "--archive", str(archive_file)])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "no words" in result.output
    result = runner.invoke(main, ["search", "x", "--archive", str(archive_file), "--from", "2024-13"])
    assert result.exit_code == 2
    result = runner.invoke(main, ["search", "x", "--archive", str(archive_file.parent / "missing.db")])
    assert result.exit_code == 1 and "no archive there" in result.output


def test_schema_is_versioned_and_the_file_is_plain_sqlite(archive_file):
    connection = sqlite3.connect(archive_file)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "meetings", "items", "sections", "statements", "positions", "entities", "dates", "amounts",
            "import_runs", "import_errors", "passages", "passages_fts"} <= tables
    connection.close()


def test_a_file_that_is_not_an_archive_is_one_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just text, not SQLite " * 100)
    with pytest.raises(ArchiveError, match="not a referat archive"):
        open_archive(str(path))
