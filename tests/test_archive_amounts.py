"""`referat amounts` on a real SQLite archive: "all decisions with an amount over 100 mio.
kr." and its neighbours, from minutes the extractor reads (the amounts come from the
enrichment step, as in an import)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from referat.archive import AmountFilters, open_archive
from referat.cli import main
from referat.extract import extract_bytes

BUDGET_MINUTES = """\
Økonomiudvalget
Referat
Mødedato
12. marts 2025

Punkt 1 Anlæg af ny skole i Hasle
Sagsfremstilling
Skolen forventes at koste 175 mio. kr. i alt, heraf 60 mio. kr. i 2026.
Beslutning
Økonomiudvalget godkendte en anlægsbevilling på 175 mio. kr.

Punkt 2 Orientering om regionens sygehusbyggeri
Sagsfremstilling
Regionen oplyser, at byggeriet er budgetteret til knap 2,4 mia. kr.

Punkt 3 Tilskud til foreningslivet
Sagsfremstilling
Der er ansøgt om 75.000 kr. til lokaleleje.
Beslutning
Godkendt.
"""

OLDER_MINUTES = """\
Teknik- og Miljøudvalget
Referat
Mødedato
4. december 2023

Punkt 1 Renovering af havnen
Sagsfremstilling
Renoveringen koster over 500 mio. kr. i 2024.
Beslutning
Udvalget anbefalede projektet.
"""


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def archive_file(request, tmp_path_factory):
    """The archive on each backend: an SQLite file, or a database of the session's
    throwaway PostgreSQL server (its URL; skipped with the reason when there is none)."""
    if request.param == "postgresql":
        path = request.getfixturevalue("pg_server").new_database()
    else:
        path = str(tmp_path_factory.mktemp("amounts") / "referat.db")
    with open_archive(path) as archive:
        for name, text in (("budget-2025.txt", BUDGET_MINUTES), ("havn-2023.txt", OLDER_MINUTES)):
            archive.store_document(extract_bytes(name, text.encode()))
    return path


def amounts(archive_file, *options: str) -> list[dict]:
    result = CliRunner().invoke(main, ["amounts", "--archive", str(archive_file), "--json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["amounts"]


def test_decisions_with_an_amount_over_100_mio(archive_file):
    found = amounts(archive_file, "--min", "100 mio", "--decided")
    # The sygehus item (2,4 mia.) has no decision; the school and the harbour have one.
    assert [(row["value"], row["number"], row["title"]) for row in found] == [
        (500_000_000, "1", "Renovering af havnen"),
        (175_000_000, "1", "Anlæg af ny skole i Hasle"),
        (175_000_000, "1", "Anlæg af ny skole i Hasle"),
    ]
    # "Udvalget anbefalede projektet": a committee that recommends a matter to the council
    # approves it at its level (gold/README.md: "anbefales" is approved).
    assert [row["decisions"] for row in found] == [["approved"], ["approved"], ["approved"]]


def test_largest_first_with_qualifier_year_and_meeting(archive_file):
    found = amounts(archive_file)
    assert [row["value"] for row in found] == sorted((row["value"] for row in found), reverse=True)
    largest = found[0]
    assert (largest["value"], largest["qualifier"], largest["body"], largest["date"]) == (
        2_400_000_000,
        "at_most",
        "Økonomiudvalget",
        "2025-03-12",
    )
    harbour = next(row for row in found if row["value"] == 500_000_000)
    assert (harbour["qualifier"], harbour["year"]) == ("at_least", 2024)


def test_filters_narrow_by_range_year_dates_body_and_query(archive_file):
    assert [row["value"] for row in amounts(archive_file, "--max", "100.000")] == [75_000]
    assert [row["value"] for row in amounts(archive_file, "--year", "2026")] == [60_000_000]
    assert {row["date"] for row in amounts(archive_file, "--from", "2025")} == {"2025-03-12"}
    assert {row["body"] for row in amounts(archive_file, "--body", "teknik")} == {"Teknik- og Miljøudvalget"}
    assert {row["title"] for row in amounts(archive_file, "--about", "skole")} == {"Anlæg af ny skole i Hasle"}


def test_amount_arguments_in_danish_and_bad_ones(archive_file):
    runner = CliRunner()
    assert [row["value"] for row in amounts(archive_file, "--min", "1,5 mia.")] == [2_400_000_000]
    result = runner.invoke(main, ["amounts", "--archive", str(archive_file), "--min", "mange penge"])
    assert result.exit_code == 2 and "is not an amount" in result.output
    text = runner.invoke(main, ["amounts", "--archive", str(archive_file), "--min", "100mio", "--decided"]).output
    assert "over 500 mio. kr. (for 2024) · 2023-12-04 · Teknik- og Miljøudvalget" in text
    assert (
        "punkt 1 Renovering af havnen  [approved]" in text and "punkt 1 Anlæg af ny skole i Hasle  [approved]" in text
    )


def test_library_call_matches_the_command(archive_file):
    with open_archive(str(archive_file), create=False) as archive:
        rows = archive.amounts(AmountFilters(minimum=1e8, decided=True))
    assert [row["value"] for row in rows] == [
        row["value"] for row in amounts(archive_file, "--min", "100mio", "--decided")
    ]
