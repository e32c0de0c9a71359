"""Ballots' counts for, against and abstaining, and each party's count where a ballot prints
it (Position.votes, contract 1.4). The forms are those of council minutes; names invented."""

from __future__ import annotations

import pytest

from referat.archive import open_archive
from referat.extract import extract_bytes
from referat.extract.enrich.positions import find_positions
from referat.extract.enrich.votes import find_votes
from referat.terminal import render_item


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # abstentions in brackets after a count-first ballot
        ("Forslaget blev vedtaget med 15 stemmer mod 10 (3 undlod at stemme).", (15, 10, 3)),
        # … joined by "idet"
        ("Indstillingen blev godkendt med 20 stemmer for og 5 imod, idet 2 undlod at stemme.", (20, 5, 2)),
        # against first
        ("Ændringsforslaget blev forkastet med 12 stemmer imod og 9 for.", (9, 12, None)),
        # each party's count and no total: the counts summed
        ("For stemte: A (5), V (4) og F (2)\nImod stemte: O (3)\nUndlod at stemme: C (1)", (11, 3, 1)),
        # a total before the names keeps its total ("For: 20 (names (party) …)")
        ("For: 3 (Ane Bak (A), Ib Holm (A), Eva Lund (V))\nImod: 2 (Per Mose (B), Ida Krog (Ø))", (3, 2, None)),
    ],
)
def test_ballot_counts(text, counts):
    [vote] = find_votes(text)
    assert (vote.in_favour, vote.against, vote.abstained) == counts


def test_each_partys_count_is_its_positions_votes():
    found = find_positions("For stemte: A (5), V (4) og F (2)\nImod stemte: O (3)\nUndlod at stemme: C (1)")
    assert [(p.actor, p.stance, p.votes) for p in found] == [
        ("Socialdemokratiet", "for", 5),
        ("Venstre", "for", 4),
        ("SF - Socialistisk Folkeparti", "for", 2),
        ("Dansk Folkeparti", "against", 3),
        ("Det Konservative Folkeparti", "abstain", 1),
    ]
    # a list of parties without counts gives positions without counts
    assert {p.votes for p in find_positions("For stemte 11 (A, C, V)")} == {None}


def test_party_counts_are_stored_and_shown(tmp_path):
    minutes = (
        "Referat\nByrådet\nMødedato: 12. juni 2024\n"
        "1. Ny skolestruktur\nBeslutning\nFor stemte: A (9), V (6)\nImod stemte: Ø (4)\n"
        "Indstillingen blev godkendt.\n"
    )
    document = extract_bytes("skole.txt", minutes.encode())
    [ballot] = document.meetings[0].items[0].votes
    assert (ballot.in_favour, ballot.against) == (15, 4)
    with open_archive(str(tmp_path / "a.db")) as archive:
        archive.store_document(document)
        [hit] = archive.search("skolestruktur").hits
        shown = archive.item(hit.item)
    assert [(p["canonical"], p["stance"], p["votes"]) for p in shown["positions"]] == [
        ("Socialdemokratiet", "for", 9),
        ("Venstre", "for", 6),
        ("Enhedslisten", "against", 4),
    ]
    assert "Socialdemokratiet — for (9 votes): For stemte: A (9), V (6)" in render_item(shown)


def test_the_web_item_page_shows_a_partys_count(tmp_path):
    pytest.importorskip("starlette", reason="referat serve needs the web extra")
    from starlette.testclient import TestClient

    from referat.web.app import create_app

    minutes = "Referat\nByrådet\nMødedato: 12. juni 2024\n1. Ny skolestruktur\nBeslutning\nFor stemte: A (9), V (6)\n"
    archive_path = str(tmp_path / "a.db")
    with open_archive(archive_path) as archive:
        archive.store_document(extract_bytes("skole.txt", minutes.encode()))
        [hit] = archive.search("skolestruktur").hits
    with TestClient(create_app(archive_path)) as client:
        page = client.get(f"/item/{hit.item}").text
    assert "Socialdemokratiet</a>: for (9 stemmer) – For stemte" in page and "Venstre</a>: for (6 stemmer)" in page
