"""Danish full-text search on a real SQLite archive: stems, compounds, æøå, aa/å, facets,
filters, and queries that would break a naive FTS5 MATCH."""

from __future__ import annotations

import json
import sqlite3

import pytest
from archive_documents import document, downgrade_to_schema_3, item, store_all, stored_archive
from click.testing import CliRunner

from referat.archive import ArchiveError, SearchFilters, open_archive
from referat.archive import facets as facets_module
from referat.archive.query import parse_query
from referat.archive.schema import MIGRATIONS
from referat.cli import main

DOCUMENTS = [
    document(
        "byraad-2024.txt",
        "Aarhus Byråd",
        "2024-06-12",
        [
            item(
                "1",
                "Økonomiaftalen for 2025",
                [
                    ("background", "Regeringen og KL har indgået økonomiaftalen for 2025."),
                    ("decision", "Byrådet tog orienteringen til efterretning."),
                ],
            ),
            item("2", "Søen ved rådhuset", [("background", "Søen skal renses, og arbejdet udbydes i foråret.")]),
            item(
                "3",
                "Budget 2025",
                [("recommendation", "Det indstilles, at budgettet godkendes.")],
                statements=[("KL", "bemærker", "at budgettet skal følge aftalen.")],
            ),
        ],
    ),
    document(
        "psu-2025.txt",
        "Psykiatri- og Socialudvalget",
        "2025-03-04",
        [
            item(
                "4",
                "Udmøntningsaftalen for psykiatrien",
                [
                    ("summary", "Udmøntningsaftalen fordeler midler til psykiatrien."),
                    ("decision", "Udvalget godkendte indstillingen."),
                ],
            ),
            item(
                "5",
                "Kapacitet i børne- og ungdomspsykiatrien",
                [("minutes", "Ventetiderne i børne- og ungdomspsykiatrien er faldet.")],
                statements=[("Danske Regioner", "understreger", "at kapaciteten skal øges.")],
            ),
            item("6", "Soen og radhuset", [("background", "Et sted uden danske bogstaver: soen ved radhuset.")]),
        ],
    ),
    document(
        "aarhus-2023.txt",
        "Sundhedsudvalget",
        "2023-11-01",
        [
            item(
                "7",
                "Samarbejde med Århus Universitetshospital",
                [("background", "Aftaler med hospitalet om udskrivning.")],
            ),
            item(
                "8",
                "Aarhus Kommunes sundhedspolitik",
                [("background", "Politikken gælder fra 2024.")],
                decisions=[("Sagen blev udsat.", "postponed")],
            ),
        ],
        kind="beslutningsprotokol",
    ),
]


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory):
    return stored_archive(tmp_path_factory.mktemp("archive"), DOCUMENTS)


@pytest.fixture(scope="module")
def pg_archive_url(request):
    """DOCUMENTS in a PostgreSQL archive (a database of the session's throwaway server)."""
    return store_all(request.getfixturevalue("pg_server").new_database(), DOCUMENTS)


@pytest.fixture(params=["sqlite", "postgresql"])
def archive(request, archive_file):
    """The archive of DOCUMENTS on each backend; a test marked ``sqlite_only`` (a part of
    the interface the PostgreSQL archive has not yet) skips on PostgreSQL with the reason."""
    path = str(archive_file)
    if request.param == "postgresql":
        marker = request.node.get_closest_marker("sqlite_only")
        if marker is not None:
            pytest.skip(f"not on PostgreSQL yet: {marker.args[0]}")
        path = request.getfixturevalue("pg_archive_url")
    with open_archive(path, create=False) as opened:
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
        "Psykiatri- og Socialudvalget",
        "2025-03-04",
        "5",
        "minutes",
        "psu-2025.txt",
        1,
    )
    assert "«Ventetiderne»" in hit.snippet
    assert archive.item(hit.item)["title"] == "Kapacitet i børne- og ungdomspsykiatrien"


def test_facets_count_every_match_by_body_year_section_and_actor(archive):
    result = archive.search("aftale", facets=True, limit=1)
    assert len(result.hits) == 1
    facets = result.facets
    assert (
        result.total == sum(facets["body"].values()) == sum(facets["year"].values()) == sum(facets["section"].values())
    )
    assert facets["year"]["2025"] >= 2 and facets["year"]["2024"] >= 2
    assert facets["body"]["Psykiatri- og Socialudvalget"] == 2  # title and summary of item 4
    assert facets["section"]["title"] >= 2
    # item 3 has a statement by KL and its recommendation does not say "aftale"; the statement does.
    assert facets["actor"] == {"Kommunernes Landsforening": 1}


def test_facets_with_a_body_filter_count_that_body_alone(archive):
    # The facet statement reads the body's organisation too (core._filter_sql): a body
    # filter with facets once failed with "no such column: m.organisation".
    everything = archive.search("aftale", facets=True).facets["body"]
    narrowed = archive.search("aftale", SearchFilters(body="byråd"), facets=True)
    assert narrowed.facets["body"] == {"Aarhus Byråd": everything["Aarhus Byråd"]}
    assert narrowed.total == everything["Aarhus Byråd"] >= 3


def test_filters_body_dates_section_kind_actor(archive):
    assert {h.body for h in archive.search("aftale", SearchFilters(body="byråd")).hits} == {"Aarhus Byråd"}
    assert {h.date for h in archive.search("aftale", SearchFilters(date_from="2025-01-01")).hits} == {"2025-03-04"}
    assert {h.date for h in archive.search("aftale", SearchFilters(date_to="2023-12-31")).hits} == {"2023-11-01"}
    assert {h.section for h in archive.search("godkendte", SearchFilters(section="decision")).hits} == {"decision"}
    assert {
        h.meeting_kind for h in archive.search("sundhedspolitik", SearchFilters(kind="beslutningsprotokol")).hits
    } == {"beslutningsprotokol"}
    assert {h.number for h in archive.search("budget", SearchFilters(actor="KL")).hits} == {"3"}
    with pytest.raises(ArchiveError, match="no meeting body"):
        archive.search("aftale", SearchFilters(body="Folketinget"))


def test_a_decision_outside_any_decision_section_is_searchable(archive):
    hit = archive.search("udsat").hits[0]
    assert (hit.number, hit.section) == ("8", "decision")


def test_one_hit_per_item_showing_its_best_passage(archive):
    numbers = [hit.number for hit in archive.search("aftale").hits]
    assert len(numbers) == len(set(numbers)) and {"1", "3", "4", "7"} <= set(numbers)
    # Item 4's title and summary both say "udmøntningsaftalen"; only the summary also says "midler".
    assert [(hit.number, hit.section) for hit in archive.search("udmøntningsaftalen midler").hits] == [("4", "summary")]


def test_an_item_about_the_word_ranks_above_items_that_say_it_more(tmp_path):
    # Items are ranked as a whole, and a title counts twice: "Køb af ejendom" first, though
    # the other item says "ejendom" three times.
    with open_archive(str(tmp_path / "titles.db")) as archive:
        archive.store_document(
            document(
                "e.txt",
                "Økonomiudvalget",
                "2024-02-01",
                [
                    item(
                        "1",
                        "Anlægsbevilling til skoler",
                        [("background", "Ejendommen ved skolen, ejendommens tag og ejendomsskatten.")],
                    ),
                    item("2", "Køb af ejendom", [("background", "Kommunen kan købe grunden.")]),
                ],
            )
        )
        assert titles(archive.search("ejendom")) == ["Køb af ejendom", "Anlægsbevilling til skoler"]


def test_every_word_must_meet_in_one_passage(archive):
    # Item 1 says "orienteringen" in its decision and "økonomiaftalen" in its title and background.
    assert archive.search("orienteringen økonomiaftalen").hits == []
    assert [(hit.number, hit.section) for hit in archive.search("orienteringen efterretning").hits] == [
        ("1", "decision")
    ]


def test_stop_words_must_occur_but_do_not_rank(archive):
    assert titles(archive.search("søen ved rådhuset")) == ["Søen ved rådhuset"]
    # "og" is required like any word: the title lacks it, and the background that has it lacks "rådhuset".
    assert archive.search("søen og rådhuset").hits == []
    assert '"og"' in parse_query("søen og rådhuset").match and '"og"' not in parse_query("søen og rådhuset").rank_match
    assert parse_query("og").rank_match == parse_query("og").match  # nothing else to rank by


def test_facets_of_many_matches_are_estimated_from_a_sample(new_archive, monkeypatch):
    bodies = ["Byrådet", "Økonomiudvalget", "Skoleudvalget", "Teknik- og Miljøudvalget"]
    with open_archive(new_archive) as archive:
        for index, body in enumerate(bodies):
            items = [
                item(
                    str(number),
                    f"Budget {number}",
                    [("background", f"Budgettet for område {number}."), ("decision", "Godkendt.")],
                )
                for number in range(1, 1 + 60 * (index + 1))
            ]
            archive.store_document(document(f"{index}.txt", body, f"202{index}-05-01", items))
        exact = archive.search("budget", facets=True)
        assert not exact.estimated and exact.total == 2 * 60 * (1 + 2 + 3 + 4)
        monkeypatch.setattr(facets_module, "FACET_SAMPLE", 200)
        estimate = archive.search("budget", facets=True)
    assert estimate.estimated and estimate.as_dict()["estimated"] is True
    assert [hit.title for hit in estimate.hits] == [hit.title for hit in exact.hits]  # hits are never sampled
    assert abs(estimate.total - exact.total) <= 0.15 * exact.total
    for facet in ("body", "year", "section"):
        assert set(estimate.facets[facet]) == set(exact.facets[facet])
        for key, count in exact.facets[facet].items():
            assert abs(estimate.facets[facet][key] - count) <= 0.3 * count, (facet, key)


OWN_NAME_DOCUMENTS = [
    document(
        "psu-2026.txt",
        "Psykiatri- og Socialudvalget",
        "2026-02-26",
        [
            item("1", "Godkendelse af referat", [("decision", "Psykiatri- og Socialudvalget godkendte referatet.")]),
            item(
                "2", "Meddelelser", [("minutes", "Formanden orienterede om Psykiatri- og\nsocialudvalgets mødeplan.")]
            ),
            item("3", "Akutpladser i socialpsykiatrien", [("background", "Pladserne aflaster sygehusene.")]),
        ],
    ),
    document(
        "rr-2026.txt",
        "Regionsrådet",
        "2026-03-10",
        [
            item(
                "4",
                "Sager fra udvalgene",
                [("recommendation", "Det indstilles, at sagen sendes til Psykiatri- og Socialudvalget.")],
            ),
        ],
    ),
]


def test_a_meetings_own_body_name_is_not_indexed(tmp_path):
    with open_archive(str(tmp_path / "own.db")) as archive:
        for doc in OWN_NAME_DOCUMENTS:
            archive.store_document(doc)
        # Items 1 and 2 say "psykiatri" only inside their own committee's name (item 2 across
        # a line break and in the genitive); item 3 is about the subject; item 4 names the
        # committee in another body's meeting, where the name is what the item is about.
        result = archive.search("psykiatri", facets=True)
        assert sorted(hit.title for hit in result.hits) == ["Akutpladser i socialpsykiatrien", "Sager fra udvalgene"]
        assert result.total == 2
        hit = next(hit for hit in result.hits if hit.number == "4")
        assert "«Psykiatri»- og Socialudvalget" in hit.snippet
        assert titles(archive.search("socialudvalgets")) == ["Sager fra udvalgene"]
        # Only the index is blanked: what show and export give is the text as printed.
        keys = [row["item"] for row in archive.export("items")]
        shown = json.dumps([archive.item(key) for key in keys], ensure_ascii=False)
        assert "Psykiatri- og Socialudvalget godkendte referatet." in shown
        assert "Psykiatri- og\\nsocialudvalgets mødeplan" in shown
        assert archive.check()["fts"] == "ok"
        # The body is what --body is for.
        assert sorted(titles(archive.search("referatet", SearchFilters(body="Psykiatri- og Socialudvalget")))) == [
            "Godkendelse af referat"
        ]


def test_an_archive_of_schema_3_is_migrated_and_its_body_names_leave_the_index(tmp_path):
    path = tmp_path / "v3.db"
    with open_archive(str(path)) as archive:
        for doc in OWN_NAME_DOCUMENTS:
            archive.store_document(doc)
    downgrade_to_schema_3(path)
    connection = sqlite3.connect(path)
    # Before: all four items hold the word (1, 2 and 4 in the name, 3 as a compound part).
    assert connection.execute("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'psykiatri'").fetchone()[0] == 4
    connection.close()
    # The first command on the old archive says, in one line, that it upgrades it.
    result = CliRunner().invoke(main, ["search", "psykiatri", "--archive", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert (
        result.stderr
        == f"referat: {path}: upgrading the archive from schema 3 to {len(MIGRATIONS)}; large archives take a minute\n"
    )
    assert sorted(hit["title"] for hit in json.loads(result.stdout)["hits"]) == [
        "Akutpladser i socialpsykiatrien",
        "Sager fra udvalgene",
    ]
    with open_archive(str(path), create=False, notice=pytest.fail) as archive:  # up to date: nothing to say
        assert archive.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert archive.check()["fts"] == "ok"
        assert sorted(titles(archive.search("psykiatri"))) == ["Akutpladser i socialpsykiatrien", "Sager fra udvalgene"]
        # A document stored after the migration is indexed the same way, and replacing one keeps the index whole.
        replaced = OWN_NAME_DOCUMENTS[0].model_copy(
            update={"source": OWN_NAME_DOCUMENTS[0].source.model_copy(update={"sha256": "1" * 64})}
        )
        assert archive.store_document(replaced) == "replaced"
        assert sorted(titles(archive.search("psykiatri"))) == ["Akutpladser i socialpsykiatrien", "Sager fra udvalgene"]
        assert archive.check()["fts"] == "ok"


def test_an_archive_of_schema_1_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    with open_archive(str(path)) as archive:
        for doc in DOCUMENTS:
            archive.store_document(doc)
    downgrade_to_schema_3(path)
    # What referat wrote before migration 2: the same tables, no item index (and none of
    # what migration 3 adds).
    connection = sqlite3.connect(path)
    connection.executescript(
        "DROP INDEX items_closed; ALTER TABLE documents DROP COLUMN closed_text;"
        " ALTER TABLE documents DROP COLUMN personal_data;"
        "DROP TRIGGER items_bd; DROP TABLE items_fts; DROP VIEW item_documents; DROP INDEX passages_lookup;"
        " PRAGMA user_version = 1;"
    )
    connection.close()
    with open_archive(str(path), create=False) as archive:
        assert archive.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert archive.check()["fts"] == "ok"
        assert {"Økonomiaftalen for 2025", "Udmøntningsaftalen for psykiatrien"} <= set(
            titles(archive.search("aftale"))
        )
        assert (
            archive.store_document(
                DOCUMENTS[0].model_copy(update={"source": DOCUMENTS[0].source.model_copy(update={"sha256": "0" * 64})})
            )
            == "replaced"
        )
        assert archive.check()["fts"] == "ok"


@pytest.mark.parametrize(
    "query",
    [
        '"aftale',
        'aftale"',
        "NEAR(aftale psykiatri)",
        "aftale*",
        "-aftale",
        "aftale -psykiatri",
        "'; DROP TABLE items; --",
        "aftale OR",
        "AND",
        "(",
        '""',
        "*",
        "-",
        "^aftale",
        "text:aftale",
        "{stems}: x",
        "a" * 500,
        "aftale " * 40,
        "\x00",
        "%",
        "\\",
    ],
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


def test_fts_operators_are_words_not_syntax():
    query = parse_query("aftale or NEAR psykiatri AND x:y")
    assert query.words == ("aftale", "or", "near", "psykiatri", "and", "x", "y")
    assert '"or"' in query.match and '"near"' in query.match and '"and"' in query.match
    # the one OR of the query language joins two clauses' terms; every word stays quoted
    expected = '(({text parts} : "aftale" * OR "aftal") OR ({text parts} : "psykiatri" *))'
    assert parse_query("aftale OR psykiatri").match == expected


def test_cli_search_json_csv_text_and_errors(archive_file):
    runner = CliRunner()
    result = runner.invoke(main, ["search", "aftale", "--archive", str(archive_file), "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert len(payload["hits"]) == 3
    assert set(payload["facets"]) == {"body", "year", "section", "kind", "decided", "amount", "actor"}
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
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {
        "documents",
        "meetings",
        "items",
        "sections",
        "statements",
        "positions",
        "entities",
        "dates",
        "amounts",
        "import_runs",
        "import_errors",
        "passages",
        "passages_fts",
        "items_fts",
    } <= tables
    connection.close()


def test_a_file_that_is_not_an_archive_is_one_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just text, not SQLite " * 100)
    with pytest.raises(ArchiveError, match="not a referat archive"):
        open_archive(str(path))


def test_a_document_without_agenda_items_is_searched_by_its_text(tmp_path):
    from referat.extract import extract_bytes

    letter = "Kære udvalg\n\nVedlagt er notatet om takster for madservice 2026.\n\nMed venlig hilsen\nJens Holm\n"
    with open_archive(str(tmp_path / "letter.db")) as archive:
        archive.store_document(extract_bytes("brev.txt", letter.encode()))
        [hit] = archive.search("madservice").hits
        assert (hit.number, hit.title, hit.section, hit.page) == ("", "Kære udvalg", "other", 1)
        assert "«madservice»" in hit.snippet
        assert archive.check()["fts"] == "ok"


def test_a_word_found_only_in_an_items_unheaded_text_is_searchable_and_shown(tmp_path):
    from referat.extract import extract_bytes
    from referat.terminal import render_item

    minutes = (
        "Referat af generalforsamling i Haveforeningen Solbakken, lørdag den 20. april 2024\n\n"
        "1. Valg af dirigent: Ole Bak blev valgt.\n\n"
        "2. Bestyrelsens beretning\nFormanden fortalte om den nye hækklipperordning.\n"
        "Beretningen blev godkendt.\n"
    )
    document = extract_bytes("solbakken.txt", minutes.encode(), enrich=False)
    assert document.meetings[0].items[1].text.startswith("Formanden fortalte")  # no section heading
    with open_archive(str(tmp_path / "a.db")) as archive:
        archive.store_document(document)
        [hit] = archive.search("hækklipperordning").hits
        assert (hit.title, hit.section, hit.page) == ("Bestyrelsens beretning", "text", 1)
        shown = archive.item(hit.item)
    assert shown["text"].startswith("Formanden fortalte om den nye hækklipperordning.")
    assert "Formanden fortalte om den nye hækklipperordning." in render_item(shown)


def test_a_ballots_counts_are_stored_and_shown(tmp_path):
    from referat.extract import extract_bytes
    from referat.terminal import render_item

    minutes = (
        "Referat\nByrådet\nMødedato: 12. juni 2024\n"
        "1. Ny skolestruktur\nBeslutning\nFor stemte 17 (A, F, Ø)\nImod stemte 8 (V, C)\nUndlod at stemme 2 (O)\n"
        "Indstillingen blev godkendt.\n"
        "2. Lukket punkt: Salg af grund\nBeslutning\nSalget blev godkendt med 20 stemmer mod 7.\n"
    )
    document = extract_bytes("skole.txt", minutes.encode())
    with open_archive(str(tmp_path / "a.db")) as archive:
        archive.store_document(document)
        [hit] = archive.search("skolestruktur").hits
        shown = archive.item(hit.item)
        [closed_hit] = archive.search("grund").hits
        closed = [archive.item(closed_hit.item)]
        assert archive.counts()["votes"] == 1  # the closed item's ballot is withheld with its text
    counts = [(v["in_favour"], v["against"], v["abstained"], v["unanimous"]) for v in shown["votes"]]
    assert counts == [(17, 8, 2, False)]
    assert "vote: 17 for, 8 against, 2 abstaining" in render_item(shown)
    assert [item["votes"] for item in closed] == [[]]


def test_a_body_in_another_case_or_the_old_spelling_is_stored_once(tmp_path):
    spellings = [
        "Task Force for Kræft- og Psykiatriområdet",
        "Task Force for kræft- og psykiatriområdet",
        "Sogneraadet",
        "Sognerådet",
    ]
    with open_archive(str(tmp_path / "a.db")) as archive:
        for n, body in enumerate(spellings):
            ventetider = item("1", "Ventetider", [("decision", "Ventetiderne blev drøftet.")])
            archive.store_document(document(f"{n}.txt", body, f"2025-03-0{n + 1}", [ventetider]))
        facets = archive.search("ventetider", facets=True).facets["body"]
        # "--body" finds the body by either spelling
        assert len(archive.search("ventetider", filters=SearchFilters(body="sognerådet")).hits) == 2
    # one spelling each: the old spelling under today's (data/body_names.tsv)
    assert set(facets) == {"Task Force for Kræft- og Psykiatriområdet", "Sognerådet"}
