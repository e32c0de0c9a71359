"""Search narrowed and counted by what an item holds: a decision, an amount of money, the
kind of meeting document (issue 13: "facets … meeting kind, decided/amount")."""

from __future__ import annotations

import pytest
from archive_documents import document, item, store_all
from click.testing import CliRunner

from referat.archive import SearchFilters, open_archive
from referat.cli import main
from referat.models.document import Amount

# Four items that all say "skolebyggeri": item 1 decided with an amount, item 2 decided
# without one, item 3 an amount without a decision, item 4 neither (an agenda).
_BUILDING = [
    item(
        "1",
        "Skolebyggeri i Nordby",
        [("background", "Skolebyggeriet i Nordby koster 42 mio. kr.")],
        decisions=[("Indstillingen blev godkendt.", "approved")],
    ),
    item(
        "2",
        "Skolebyggeri, tidsplan",
        [("background", "Tidsplanen for skolebyggeriet er forsinket.")],
        decisions=[("Taget til efterretning.", "noted")],
    ),
    item("3", "Skolebyggeri, tilskud", [("background", "Et tilskud til skolebyggeriet på 3 mio. kr.")]),
]
_BUILDING[0].amounts.append(Amount(text="42 mio. kr.", value=42e6))
_BUILDING[2].amounts.append(Amount(text="3 mio. kr.", value=3e6))

DOCUMENTS = [
    document("bu-2025.txt", "Børne- og Skoleudvalget", "2025-05-06", _BUILDING),
    document(
        "bu-2025-dagsorden.txt",
        "Børne- og Skoleudvalget",
        "2025-09-02",
        [item("4", "Skolebyggeri, orientering", [("background", "Status på skolebyggeriet.")])],
        kind="dagsorden",
    ),
]


@pytest.fixture(scope="module")
def archive_file(module_archives):
    """DOCUMENTS in an archive on each backend."""
    return store_all(module_archives(), DOCUMENTS)


def numbers(archive, **filters) -> set[str]:
    return {hit.number for hit in archive.search("skolebyggeri", SearchFilters(**filters)).hits}


def test_decided_and_amount_filters_keep_the_items_that_hold_one(archive_file):
    with open_archive(str(archive_file), create=False) as archive:
        assert numbers(archive) == {"1", "2", "3", "4"}
        assert numbers(archive, decided=True) == {"1", "2"}
        assert numbers(archive, decided=False) == {"3", "4"}
        assert numbers(archive, amount=True) == {"1", "3"}
        assert numbers(archive, amount=False) == {"2", "4"}
        assert numbers(archive, decided=True, amount=True) == {"1"}
        assert numbers(archive, kind="dagsorden") == {"4"}


def test_facets_count_meeting_kind_decided_and_amount(archive_file):
    with open_archive(str(archive_file), create=False) as archive:
        result = archive.search("skolebyggeri", facets=True)
    # each item matches twice (title and background): 8 passages, 6 of the referat
    assert result.total == 8
    assert result.facets["kind"] == {"referat": 6, "dagsorden": 2}
    assert result.facets["decided"] == {"yes": 4, "no": 4}
    assert result.facets["amount"] == {"yes": 4, "no": 4}
    assert sum(result.facets["kind"].values()) == result.total


def test_cli_search_and_watch_take_the_decided_and_amount_switches(archive_file):
    runner = CliRunner()
    found = runner.invoke(
        main, ["search", "skolebyggeri", "--archive", str(archive_file), "--decided", "--without-amount", "--json"]
    )
    assert found.exit_code == 0, found.output
    assert found.output.count('"number": "2"') == 1 and '"number": "1"' not in found.output
    added = runner.invoke(
        main, ["watch", "add", "byggeri", "skolebyggeri", "--archive", str(archive_file), "--undecided"]
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(main, ["watch", "list", "--archive", str(archive_file)])
    assert "byggeri: skolebyggeri --undecided" in listed.output
    ran = runner.invoke(main, ["watch", "run", "--archive", str(archive_file), "--json"])
    assert ran.exit_code == 1, ran.output  # exit 1: new hits
    assert '"number": "3"' in ran.output and '"number": "4"' in ran.output and '"number": "2"' not in ran.output
