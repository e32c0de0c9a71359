"""Search that stays fast as the archive grows (issue 14, archive/search_plan.py): past
RANK_WINDOW matching items only the newest are ranked, and say so; the filters widen that
window until they have enough; --body reads the meetings' bodies once per change of the file;
facets of many matches are estimates, and the page and the JSON say so; a word of a search
with hits is not looked up again for "did you mean"."""

from __future__ import annotations

import pytest
from archive_documents import WITHOUT_MIGRATION_14, document, item
from click.testing import CliRunner

from referat.archive import ArchiveError, SearchFilters, open_archive, search_plan
from referat.archive import facets as facets_module
from referat.cli import main


def _budget_archive(path: str):
    """Twelve meetings of one body each with one budget item, stored oldest first; the
    first stored item says "budget" in its title and four times in its text, so it ranks
    first by bm25 when every match is ranked."""
    archive = open_archive(path)
    archive.store_document(
        document(
            "first.txt",
            "Økonomiudvalget",
            "2010-01-05",
            [item("1", "Budget og budgetopfølgning", [("background", "Budget, budget, budget og budget.")])],
        )
    )
    for number in range(2, 13):
        body = "Skoleudvalget" if number % 2 else "Teknik- og Miljøudvalget"
        archive.store_document(
            document(
                f"{number}.txt",
                body,
                f"20{10 + number}-03-01",
                [item("1", f"Orientering {number}", [("background", f"Sagen nævner et budget for år {number}.")])],
            )
        )
    return archive


def test_every_match_is_ranked_below_the_window(tmp_path):
    with _budget_archive(str(tmp_path / "a.db")) as archive:
        result = archive.search("budget", limit=5)
    assert result.ranked_among is None and "ranked_among" not in result.as_dict()
    assert result.hits[0].title == "Budget og budgetopfølgning"


def test_past_the_window_the_newest_matches_are_ranked_and_it_is_said(tmp_path, monkeypatch):
    monkeypatch.setattr(search_plan, "RANK_WINDOW", 4)
    with _budget_archive(str(tmp_path / "a.db")) as archive:
        result = archive.search("budget", limit=3)
    assert result.ranked_among == 4 and result.as_dict()["ranked_among"] == 4
    # the best item overall was stored first, so it is outside the newest four
    titles = [hit.title for hit in result.hits]
    assert "Budget og budgetopfølgning" not in titles
    assert set(titles) <= {f"Orientering {number}" for number in (9, 10, 11, 12)}


def test_the_window_holds_the_newest_items_the_filters_leave(tmp_path, monkeypatch):
    monkeypatch.setattr(search_plan, "RANK_WINDOW", 2)
    monkeypatch.setattr(search_plan, "WIDEN", 2)
    with _budget_archive(str(tmp_path / "a.db")) as archive:
        # only the oldest item is Økonomiudvalget's: found, though 11 newer items match
        result = archive.search("budget", filters=SearchFilters(body="økonomiudvalg"), limit=5)
        assert [hit.title for hit in result.hits] == ["Budget og budgetopfølgning"]
        assert result.ranked_among is None  # the window held every match the filter left
        older = archive.search("budget", filters=SearchFilters(date_to="2015-12-31"), limit=2)
    # five items are of 2015 or before; the window holds the newest two of them
    assert older.ranked_among == 2
    assert sorted(hit.title for hit in older.hits) == ["Orientering 4", "Orientering 5"]


def test_a_body_stored_by_another_connection_is_found(tmp_path):
    path = str(tmp_path / "a.db")
    with _budget_archive(path) as reader:
        assert reader.search("budget", filters=SearchFilters(body="skoleudvalg")).hits
        with pytest.raises(ArchiveError, match="no meeting body matching 'fritidsudvalg'"):
            reader.search("budget", filters=SearchFilters(body="fritidsudvalg"))
        with open_archive(path) as writer:
            writer.store_document(
                document(
                    "kultur.txt",
                    "Kultur- og Fritidsudvalget",
                    "2024-02-01",
                    [item("1", "Budget for biblioteker", [("background", "Budgettet drøftes.")])],
                )
            )
        hits = reader.search("budget", filters=SearchFilters(body="fritidsudvalg")).hits
    assert [hit.body for hit in hits] == ["Kultur- og Fritidsudvalget"]


def test_a_section_kind_or_two_words_read_only_the_windows_passages(tmp_path, monkeypatch):
    monkeypatch.setattr(search_plan, "RANK_WINDOW", 8)
    with _budget_archive(str(tmp_path / "a.db")) as archive:
        # (a section kind ranks limit + limit // 2 + 5 items, checked passage by passage)
        newest = archive.search("budget", filters=SearchFilters(section="background"), limit=1)
        phrase = archive.search('"et budget"', limit=20)
        every = archive.search("budget", filters=SearchFilters(section="background"), limit=20)
    assert newest.ranked_among == 8
    assert [hit.title for hit in newest.hits] != ["Budget og budgetopfølgning"]  # the best, and the oldest
    assert len(newest.hits) == 1 and newest.hits[0].section == "background"
    # 11 items say "et budget": the newest 8 are ranked, and all 8 hold the phrase
    assert phrase.ranked_among == 8
    assert sorted(hit.title for hit in phrase.hits) == sorted(f"Orientering {number}" for number in range(5, 13))
    assert len(every.hits) == 8 and every.ranked_among == 8  # the window's items, not more


def test_under_public_a_closed_items_text_stays_out_in_the_window(tmp_path, monkeypatch):
    monkeypatch.setattr(search_plan, "RANK_WINDOW", 3)
    with _budget_archive(str(tmp_path / "a.db")) as archive:
        closed = [
            item("1", "Personalesag", [("background", "Budget for en ansat.")]),
            item("2", "Budgetrevision", [("background", "Lukket budget.")]),
        ]
        for closed_item in closed:
            closed_item.access = "closed"
        # stored with their text (as --include-closed does), so only --public keeps it out
        archive.store_document(document("closed.txt", "Økonomiudvalget", "2026-01-10", closed), include_closed=True)
        public = archive.search("budget", filters=SearchFilters(public=True), limit=2)
    titles = [hit.title for hit in public.hits]
    assert public.ranked_among == 3  # the two closed items and the newest open one
    assert "Personalesag" not in titles  # its text holds the word, its title does not
    assert sorted(titles) == ["Budgetrevision", "Orientering 12"]


def test_the_command_says_when_only_the_newest_matches_were_ranked(tmp_path, monkeypatch):
    path = str(tmp_path / "a.db")
    _budget_archive(path).close()
    monkeypatch.setattr(search_plan, "RANK_WINDOW", 4)
    output = CliRunner().invoke(main, ["search", "budget", "--archive", path, "--limit", "2"]).output
    assert "best of the 4 newest matching items" in output
    exact = CliRunner().invoke(main, ["search", "budgetopfølgning", "--archive", path]).output
    assert "Budget og budgetopfølgning" in exact and "newest matching items" not in exact


def test_the_search_page_says_the_hits_are_the_best_of_the_newest(tmp_path, monkeypatch):
    pytest.importorskip("starlette", reason="referat serve needs the web extra (pip install 'referat[web]')")
    from starlette.testclient import TestClient

    from referat.web.app import create_app

    monkeypatch.setattr(search_plan, "RANK_WINDOW", 4)
    path = str(tmp_path / "a.db")
    with _budget_archive(path):
        pass
    with TestClient(create_app(path, public=False)) as client:
        common = client.get("/", params={"q": "budget"}).text
        rare = client.get("/", params={"q": "budgetopfølgning"}).text
    assert "Bedste blandt de 4 nyeste matchende punkter" in common
    assert "nyeste matchende" not in rare


def test_estimated_facets_say_so_on_the_page_and_in_json(tmp_path, monkeypatch):
    pytest.importorskip("starlette", reason="referat serve needs the web extra (pip install 'referat[web]')")
    from starlette.testclient import TestClient

    from referat.web.app import create_app

    path = str(tmp_path / "a.db")
    with _budget_archive(path) as archive:
        exact = archive.search("budget", facets=True)
        monkeypatch.setattr(facets_module, "FACET_SAMPLE", 4)  # 12 items say "budget": more than 4
        estimate = archive.search("budget", facets=True)
    assert not exact.estimated and exact.total == 13  # (the first item's title says it too)
    assert estimate.estimated and estimate.as_dict()["estimated"] is True
    assert estimate.total > 0 and set(estimate.facets["body"]) <= set(exact.facets["body"])
    with TestClient(create_app(path, public=False)) as client:
        sampled = client.get("/", params={"q": "budget"}).text
        monkeypatch.setattr(facets_module, "FACET_SAMPLE", 2000)
        counted = client.get("/", params={"q": "budget"}).text
    assert "anslået ud fra en stikprøve" in sampled and "(ca. " in sampled and "ca. " in sampled.split("matchende")[0]
    assert "stikprøve" not in counted and "(ca. " not in counted


def test_did_you_mean_still_asks_for_each_word_an_or_joins(tmp_path):
    with _budget_archive(str(tmp_path / "a.db")) as archive:
        found = archive.search("nævner budget")
        either = archive.search("budget OR orienterign")
        missing = archive.search("orienterign")
    assert found.hits and found.suggestions == {}
    # the hits hold "budget" or "orienterign", not necessarily the second: it is still looked up
    assert either.hits and either.suggestions == {"orienterign": ["orientering"]}
    assert not missing.hits and missing.did_you_mean == "orientering"


def test_did_you_mean_finds_a_word_another_connection_stored(tmp_path):
    # (the index's words are kept per connection until the file changes: search_plan.Vocabulary)
    path = str(tmp_path / "a.db")
    with _budget_archive(path) as reader:
        assert reader.search("biblotek").suggestions == {"biblotek": []}
        with open_archive(path) as writer:
            writer.store_document(
                document("b.txt", "Kulturudvalget", "2024-02-01", [item("1", "Bibliotek", [("background", "Nyt.")])])
            )
        assert reader.search("biblotek").suggestions == {"biblotek": ["bibliotek"]}


def _kinds_archive(path: str):
    """Twelve meetings with one budget item each, stored oldest first: the three oldest say
    "budget" in a recommendation, the nine newest only in their background."""
    archive = open_archive(path)
    for number in range(1, 13):
        kind = "recommendation" if number <= 3 else "background"
        archive.store_document(
            document(
                f"{number}.txt",
                "Økonomiudvalget",
                f"20{10 + number}-03-01",
                [item("1", f"Sag {number}", [(kind, f"Budgetter og budget for år {number}."), ("decision", "Ja.")])],
            )
        )
    return archive


def test_a_section_kind_past_the_window_widens_it_without_ranking_twice(tmp_path, monkeypatch):
    # The newest 8 matching items hold "budget" only in their background: the window is
    # narrowed to the items with a recommendation that holds it (none), then widened.
    monkeypatch.setattr(search_plan, "RANK_WINDOW", 8)
    with _kinds_archive(str(tmp_path / "a.db")) as archive:
        result = archive.search("budget", filters=SearchFilters(section="recommendation"), limit=1)
        newest = archive.search("budget", filters=SearchFilters(section="background"), limit=1)
    assert [hit.title for hit in result.hits] in (["Sag 1"], ["Sag 2"], ["Sag 3"])
    assert result.hits[0].section == "recommendation" and result.ranked_among is None  # the widened window held all
    assert newest.hits[0].section == "background" and newest.ranked_among == 8


@pytest.mark.parametrize("most", [0, 1, 64])
def test_prefixes_written_out_or_not_find_the_same(tmp_path, monkeypatch, most):
    # A MATCH that is not ranked has its prefixes written out as the words they stand for
    # (search_plan.PrefixTerms), up to PREFIX_TERMS words: the hits and facets are the same.
    path = str(tmp_path / "a.db")
    with _kinds_archive(path) as archive:
        expected = [
            archive.search(query, filters=filters, facets=True).as_dict()
            for query, filters in [("budget", SearchFilters(section="recommendation")), ("budget", SearchFilters())]
        ]
    monkeypatch.setattr(search_plan, "PREFIX_TERMS", most)
    monkeypatch.setattr(search_plan, "WALKED_PREFIX_TERMS", most)
    with open_archive(path, create=False) as archive:
        found = [
            archive.search(query, filters=filters, facets=True).as_dict()
            for query, filters in [("budget", SearchFilters(section="recommendation")), ("budget", SearchFilters())]
        ]
    assert found == expected and expected[0]["hits"]


def test_a_prefix_finds_a_word_another_connection_stored(tmp_path):
    # (a prefix's words are kept per connection until the file changes, as for did you mean)
    path = str(tmp_path / "a.db")
    with _kinds_archive(path) as reader:
        before = reader.search("budget", filters=SearchFilters(section="decision"), facets=True)
        with open_archive(path) as writer:
            new = item("1", "Ny", [("decision", "Budgetrammen godkendt.")])
            writer.store_document(document("n.txt", "Skoleudvalget", "2024-02-01", [new]))
        after = reader.search("budget", filters=SearchFilters(section="decision"), facets=True)
    assert not before.hits and [hit.title for hit in after.hits] == ["Ny"] and after.total == 1


def test_an_archive_of_schema_12_is_migrated_and_reads_the_bodies_from_an_index(tmp_path):
    import sqlite3

    from referat.archive.schema import MIGRATIONS

    path = str(tmp_path / "a.db")
    _budget_archive(path).close()
    # Back to before migration 13: the meetings' names read from their rows (and no index
    # of sampled passages, migration 14).
    connection = sqlite3.connect(path)
    connection.executescript(WITHOUT_MIGRATION_14 + " DROP INDEX meetings_names; PRAGMA user_version = 12;")
    connection.close()
    with open_archive(path, create=False) as archive:
        assert archive.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 14
        plan = " ".join(
            row[3]
            for row in archive.connection.execute(
                "EXPLAIN QUERY PLAN SELECT body, organisation FROM meetings WHERE body IS NOT NULL"
                " GROUP BY body, organisation"
            )
        )
        assert "COVERING INDEX meetings_names" in plan and "TEMP B-TREE" not in plan
        hits = archive.search("budget", filters=SearchFilters(body="økonomiudvalg")).hits
        assert [hit.title for hit in hits] == ["Budget og budgetopfølgning"]
        assert archive.check()["integrity"] == "ok"
