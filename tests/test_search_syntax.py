"""The query language on a real archive, SQLite and PostgreSQL: "phrases", OR, -word, prefix*, the "did you
mean" from the archive's own words, --sort date, and malformed queries as one line."""

from __future__ import annotations

import json

import pytest
from archive_documents import document, item, store_all, stored_archive
from click.testing import CliRunner

from referat.archive import ArchiveError, SearchFilters, open_archive
from referat.archive.query import parse_query
from referat.cli import main

# Three meetings of a regional committee and a municipal council; the dates are chosen so
# that the newest meeting's item is not the best match for "psykiatri" (see the sort test).
DOCUMENTS = [
    document(
        "psu-2023.txt",
        "Psykiatriudvalget",
        "2023-02-07",
        [
            item(
                "1",
                "Psykiatri og ventetider",
                [
                    ("summary", "Psykiatri: ventetiderne i psykiatri er steget, og psykiatri skal prioriteres."),
                    ("decision", "Sagen blev taget til efterretning."),
                ],
            ),
            item(
                "2",
                "Kræftplan V",
                [
                    ("background", "Kræftbehandlingen i regionen følger pakkeforløbene."),
                    ("decision", "Udvalget tog orienteringen til efterretning."),
                ],
            ),
        ],
    ),
    document(
        "rr-2024.txt",
        "Regionsrådet",
        "2024-05-21",
        [
            item(
                "3",
                "Anlægsbudget for psykiatrisygehuset",
                [
                    ("background", "Anlægsbudgettet for byggeriet af det nye sygehus er forhøjet."),
                    ("economy", "Merudgiften til psykiatri afholdes af budgettet for 2025."),
                ],
            ),
            item(
                "4",
                "Budget 2025 for sundhedsområdet",
                [("recommendation", "Det indstilles, at budgettet for sundhed og psykiatri godkendes.")],
            ),
            item(
                "5",
                "Efterretning om beredskab",
                [("minutes", "Til efterretning: beredskabet er taget i brug ved stormen.")],
            ),
        ],
    ),
    document(
        "byraad-2025.txt",
        "Byrådet",
        "2025-09-30",
        [
            item(
                "6",
                "Orientering om sundhedsaftalen",
                [
                    ("summary", "Sundhedsaftalen nævner også psykiatri kort."),
                    ("decision", "Byrådet tog orienteringen til efterretning."),
                ],
            ),
        ],
    ),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def archive_file(request, tmp_path_factory):
    """DOCUMENTS in an archive on each backend: its file, or its URL."""
    if request.param == "postgresql":
        return store_all(request.getfixturevalue("pg_server").new_database(), DOCUMENTS)
    return stored_archive(tmp_path_factory.mktemp("syntax"), DOCUMENTS)


@pytest.fixture
def archive(archive_file):
    with open_archive(str(archive_file), create=False, readonly=True) as opened:
        yield opened


def titles(result) -> set[str]:
    return {hit.title for hit in result.hits}


def test_a_phrase_needs_its_words_together_and_in_order(archive):
    # The three words meet in items 1, 2, 5 and 6; only item 1 has them side by side
    # ("tog … til efterretning" in 2 and 6, "Til efterretning: … taget" in 5).
    assert titles(archive.search("taget til efterretning")) >= {"Psykiatri og ventetider", "Efterretning om beredskab"}
    assert titles(archive.search('"taget til efterretning"')) == {"Psykiatri og ventetider"}
    # each word of a phrase matches by its stem too: "tage" and "taget" share "tag"
    assert titles(archive.search('"tage til efterretning"')) == {"Psykiatri og ventetider"}
    assert titles(archive.search('"efterretning til taget"')) == set()
    hit = archive.search('"taget til efterretning"').hits[0]
    assert hit.snippet == "Sagen blev «taget til efterretning»."


def test_or_finds_either_word(archive):
    assert titles(archive.search("kræftbehandlingen stormen")) == set()  # both: no item has both
    assert titles(archive.search("kræftbehandlingen OR stormen")) == {"Kræftplan V", "Efterretning om beredskab"}
    # OR joins phrases too, and binds tighter than the AND between clauses: items 2 and 6
    # say "til efterretning" but not "taget" ("tog")
    found = titles(archive.search('"til efterretning" OR beredskabet taget'))
    assert found == {"Psykiatri og ventetider", "Efterretning om beredskab"}
    # a lower-case "or" is a word, not the operator
    assert parse_query("kræft or psykiatri").words == ("kræft", "or", "psykiatri")


def test_a_left_out_word_removes_every_item_that_holds_it(archive):
    everything = titles(archive.search("psykiatri", limit=50))
    assert {"Anlægsbudget for psykiatrisygehuset", "Budget 2025 for sundhedsområdet"} <= everything
    # "budget" is in item 3's economy section, not the passage that matches "psykiatri" best,
    # and as a compound part in "Anlægsbudget": the whole item goes
    left = titles(archive.search("psykiatri -budget", limit=50))
    assert left == everything - {"Anlægsbudget for psykiatrisygehuset", "Budget 2025 for sundhedsområdet"}
    # facets count only what is left
    assert archive.search("psykiatri -budget", facets=True).facets["body"].get("Regionsrådet") is None
    assert archive.search("psykiatri", facets=True).facets["body"]["Regionsrådet"] >= 2
    # a left-out phrase
    assert "Psykiatri og ventetider" not in titles(archive.search('psykiatri -"taget til efterretning"'))


def test_a_prefix_finds_words_and_compound_parts_that_begin_so(archive):
    # A word of fewer than four letters (text.MIN_PREFIX) is not a prefix by itself; a star makes it one.
    assert titles(archive.search("ber")) == set()
    assert titles(archive.search("ber*")) == {"Efterretning om beredskab"}
    # a prefix inside a compound: "Kræftbehandlingen" has the part "behandling"
    assert titles(archive.search("behandl*")) == {"Kræftplan V"}


def test_a_word_the_archive_does_not_hold_gets_a_suggestion(archive, archive_file):
    result = archive.search("psykiatir")
    assert result.hits == []
    assert result.suggestions == {"psykiatir": ["psykiatri"]}
    assert result.did_you_mean == "psykiatri"
    # only the word that is missing; the query keeps its syntax
    result = archive.search('"taget til efterretnig" -budget')
    assert result.suggestions == {"efterretnig": ["efterretning"]}
    assert result.did_you_mean == '"taget til efterretning" -budget'
    assert archive.search("psykiatri").suggestions == {}
    runner = CliRunner()
    out = runner.invoke(main, ["search", "psykiatir", "--archive", str(archive_file)])
    assert out.exit_code == 0 and "did you mean psykiatri?" in out.output, out.output
    out = runner.invoke(main, ["search", "ventetidr", "--archive", str(archive_file), "--json"])
    payload = json.loads(out.output)
    # the title's "ventetider" is one edit away; "ventetiderne" (three) is too far
    assert payload["suggestions"] == {"ventetidr": ["ventetider"]} and payload["hits"] == []


def test_sort_by_date_puts_the_newest_meeting_first(archive, archive_file):
    by_relevance = archive.search("psykiatri", limit=10).hits
    by_date = archive.search("psykiatri", limit=10, sort="date").hits
    assert by_relevance[0].title == "Psykiatri og ventetider"  # 2023, but says it four times
    assert [hit.date for hit in by_date] == sorted((hit.date for hit in by_date), reverse=True)
    assert by_date[0].title == "Orientering om sundhedsaftalen" and by_date[0].date == "2025-09-30"
    assert [hit.rank for hit in by_date] == list(range(1, len(by_date) + 1))
    assert {hit.item for hit in by_date} == {hit.item for hit in by_relevance}
    # with a filter and a check of every clause (two clauses take the slower path)
    dated = archive.search("psykiatri budget", sort="date", filters=SearchFilters(date_from="2024")).hits
    both = ["Budget 2025 for sundhedsområdet", "Anlægsbudget for psykiatrisygehuset"]  # one meeting: by rank
    if isinstance(archive_file, str):  # PostgreSQL ranks by the best passage, not the whole item (docs/postgresql.md)
        assert sorted(hit.title for hit in dated) == sorted(both)
    else:
        assert [hit.title for hit in dated] == both
    out = CliRunner().invoke(main, ["search", "psykiatri", "--sort", "date", "--archive", str(archive_file), "--json"])
    assert [hit["date"] for hit in json.loads(out.output)["hits"]][0] == "2025-09-30"
    with pytest.raises(ArchiveError, match="cannot sort by 'size'"):
        archive.search("psykiatri", sort="size")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ('"taget til efterretning', "unmatched quote"),
        ("psykiatri OR", "OR must stand between"),
        ("OR psykiatri", "OR must stand between"),
        ("psykiatri OR OR kræft", "OR must stand between"),
        ("psykiatri OR -kræft", "OR cannot join a left-out term"),
        ("-budget -kræft", "only leaves words out"),
        ('psykiatri ""', "has no words"),
        ("p*", "at least 2 letters"),
    ],
)
def test_a_malformed_query_is_one_line_and_a_failing_exit(archive_file, query, says):
    out = CliRunner().invoke(main, ["search", "--archive", str(archive_file), "--", query])
    assert out.exit_code == 1
    assert out.output.count("\n") == 1 and says in out.output and "fts5" not in out.output.lower(), out.output


def test_under_public_a_closed_items_hidden_text_does_not_decide_what_is_left_out(new_archive):
    closed = item(
        "9",
        "Køb af ejendom",
        [("decision", "Udvalget godkendte ekspropriationen af ejendommen.")],
    ).model_copy(update={"access": "closed"})
    open_item = item("8", "Køb af grund", [("background", "Kommunen køber grunden ved havnen.")])
    minutes = document("teknik-2025.txt", "Teknik- og Miljøudvalget", "2025-05-06", [open_item, closed])
    with open_archive(new_archive) as archive:
        archive.store_document(minutes, include_closed=True)
        assert titles(archive.search("køb")) == {"Køb af grund", "Køb af ejendom"}
        assert titles(archive.search("køb -ekspropriationen")) == {"Køb af grund"}
        # --public: the closed item is found by its title, and what only its hidden text says
        # must neither find it nor leave it out (a -word would tell what the text holds)
        public = SearchFilters(public=True)
        assert titles(archive.search("køb -ekspropriationen", filters=public)) == {"Køb af grund", "Køb af ejendom"}
        assert titles(archive.search("køb -ejendom", filters=public)) == {"Køb af grund"}  # its title says it
        facets = archive.search("køb -ekspropriationen", filters=public, facets=True)
        # the open item's title and background ("køber": stem "køb"), and the closed item's title
        assert facets.total == 3 and facets.facets["section"] == {"title": 2, "background": 1}
        # nor does "did you mean" tell what the hidden text says (a word only it holds is no word)
        assert archive.search("ekspropriationen").suggestions == {}
        assert archive.search("ekspropriationen", filters=public).suggestions == {"ekspropriationen": []}
        assert archive.search("ekspropriationem").suggestions == {"ekspropriationem": ["ekspropriationen"]}
        assert archive.search("ekspropriationem", filters=public).suggestions == {"ekspropriationem": []}
        assert archive.search("grumden", filters=public).suggestions == {"grumden": ["grunden"]}
