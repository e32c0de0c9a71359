"""who-said, actors, show and export on a real SQLite archive. Statements are built here
the way the enrichment step will fill them (canonical names, sometimes an abbreviation)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from archive_documents import document, item, store_all, stored_archive
from click.testing import CliRunner

from referat.archive import ArchiveError, open_archive, resolve_actor
from referat.cli import main
from referat.data.gazetteer import is_role

DOCUMENTS = [
    document(
        "kl-2024.txt",
        "Psykiatri- og Socialudvalget",
        "2024-05-02",
        [
            item(
                "1",
                "Aftale om sundhedsreform",
                statements=[
                    ("KL", "bemærker", "at kommunerne skal have tid til omstillingen."),
                    ("Danske Regioner", "understreger", "at reformen kræver flere sengepladser."),
                ],
                positions=[("Kommunernes Landsforening", "reservation", "KL tager forbehold for finansieringen.")],
            ),
            item(
                "2",
                "Ventetider i psykiatrien",
                statements=[("Kommunernes Landsforening", "foreslår", "et fælles sprog om ventetider.")],
            ),
        ],
    ),
    document(
        "dr-2025.txt",
        "Task Force for Børne- og Ungdomspsykiatri",
        "2025-09-11",
        [
            item(
                "3",
                "Kapacitet og ventetider",
                statements=[
                    ("DR", "oplyser", "at ventetiderne er faldet i alle regioner."),
                    ("SDS", "orienterer", "om nye data for aktivitet."),
                ],
            ),
        ],
    ),
]


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory):
    return stored_archive(tmp_path_factory.mktemp("who"), DOCUMENTS)


@pytest.fixture(scope="module")
def pg_archive_url(request):
    """DOCUMENTS in a PostgreSQL archive (a database of the session's throwaway server)."""
    return store_all(request.getfixturevalue("pg_server").new_database(), DOCUMENTS)


@pytest.fixture(params=["sqlite", "postgresql"])
def archive(request, archive_file):
    """The archive of DOCUMENTS on each backend."""
    path = request.getfixturevalue("pg_archive_url") if request.param == "postgresql" else str(archive_file)
    with open_archive(path, create=False) as opened:
        yield opened


def test_alias_and_full_name_are_one_actor(archive):
    for name in ("KL", "kl", "Kommunernes Landsforening", "kommunernes landsforening"):
        canonical, rows = archive.statements_by(name)
        assert canonical == "Kommunernes Landsforening"
        assert [(row["type"], row["number"]) for row in rows] == [
            ("statement", "1"),
            ("position", "1"),
            ("statement", "2"),
        ]
    canonical, rows = archive.statements_by("DR")
    assert canonical == "Danske Regioner" and [row["as_printed"] for row in rows] == ["Danske Regioner", "DR"]


def test_a_typo_still_finds_the_actor(archive):
    assert archive.statements_by("Kommunernes Landsforning")[0] == "Kommunernes Landsforening"
    assert archive.statements_by("Danske Regoner")[0] == "Danske Regioner"
    assert archive.statements_by("sundhedsdatastyrelsn")[0] == "Sundhedsdatastyrelsen"


def test_an_unknown_actor_is_one_clear_message(archive):
    with pytest.raises(ArchiveError, match="no actor 'Folketinget'"):
        archive.statements_by("Folketinget")
    # Abbreviations are never guessed fuzzily: "KK" is not "KL".
    assert resolve_actor("KK").canonical is None


def test_about_and_dates_narrow_the_statements(archive):
    _, rows = archive.statements_by("KL", about="ventetid")
    assert [row["number"] for row in rows] == ["2"]
    _, rows = archive.statements_by("KL", about="sundhedsreform")  # matches the item title
    assert [row["number"] for row in rows] == ["1", "1"]
    _, rows = archive.statements_by("DR", date_from="2025-01-01")
    assert [row["date"] for row in rows] == ["2025-09-11"]
    _, rows = archive.statements_by("DR", date_to="2024-12-31")
    assert [row["date"] for row in rows] == ["2024-05-02"]


def test_cli_who_said_json_and_text(archive_file):
    runner = CliRunner()
    result = runner.invoke(main, ["who-said", "KL", "--archive", str(archive_file), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["actor"] == "Kommunernes Landsforening" and len(payload["statements"]) == 3
    assert payload["statements"][0]["text"] == "at kommunerne skal have tid til omstillingen."
    result = runner.invoke(main, ["who-said", "Danske Regoner", "--archive", str(archive_file)])
    assert result.exit_code == 0 and "DR (oplyser): at ventetiderne er faldet" in result.output
    result = runner.invoke(main, ["who-said", "Folketinget", "--archive", str(archive_file)])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    # A statement and a position in the same item stand under one heading of it.
    result = runner.invoke(main, ["who-said", "KL", "--archive", str(archive_file)])
    assert re.sub(r"\(referat show [^)]+\)", "(referat show KEY)", result.output).splitlines()[1:] == [
        "2024-05-02 · Psykiatri- og Socialudvalget · kl-2024.txt",
        "  punkt 1 Aftale om sundhedsreform  (referat show KEY)",
        "    KL (bemærker): at kommunerne skal have tid til omstillingen. (p. 1)",
        "    Kommunernes Landsforening — reservation: KL tager forbehold for finansieringen.",
        "  punkt 2 Ventetider i psykiatrien  (referat show KEY)",
        "    Kommunernes Landsforening (foreslår): et fælles sprog om ventetider. (p. 1)",
    ]


def test_actors_lists_canonical_names_with_counts(archive):
    rows = {row["actor"]: row for row in archive.actors()}
    assert rows["Kommunernes Landsforening"]["statements"] == 2
    assert rows["Kommunernes Landsforening"]["positions"] == 1
    assert rows["Danske Regioner"]["meetings"] == 2
    assert rows["Danske Regioner"]["as_printed"] == ["DR", "Danske Regioner"]
    assert list(rows)[0] == "Kommunernes Landsforening"  # most active first


def test_search_finds_statements_and_filters_by_actor(archive):
    hits = archive.search("sengepladser").hits
    assert [(hit.section, hit.actor) for hit in hits] == [("statement", "Danske Regioner")]
    from referat.archive import SearchFilters

    assert {hit.number for hit in archive.search("ventetider", SearchFilters(actor="kl")).hits} == {"2"}


def test_show_and_export(archive_file):
    runner = CliRunner()
    with open_archive(str(archive_file)) as archive:
        key = archive.search("sundhedsreform").hits[0].item
    result = runner.invoke(main, ["show", key, "--archive", str(archive_file), "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["title"] == "Aftale om sundhedsreform" and len(shown["statements"]) == 2
    assert shown["statements"][0]["canonical"] == "Kommunernes Landsforening"
    result = runner.invoke(main, ["show", key, "--archive", str(archive_file)])
    assert "Kommunernes Landsforening (bemærker)" in result.output
    result = runner.invoke(main, ["show", "nope", "--archive", str(archive_file)])
    assert result.exit_code == 1 and "no item 'nope'" in result.output

    result = runner.invoke(main, ["export", "--archive", str(archive_file)])
    lines = result.output.splitlines()
    assert result.exit_code == 0 and len(lines) == 2
    assert {json.loads(line)["source"]["path"] for line in lines} == {"kl-2024.txt", "dr-2025.txt"}
    result = runner.invoke(main, ["export", "--format", "csv", "--archive", str(archive_file)])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [row["number"] for row in rows] == ["3", "1", "2"]  # by path: dr-2025 before kl-2024
    assert rows[1]["statements"] == "2"


def test_role_nouns_are_resolved_to_the_meeting_or_listed_apart_as_roles(tmp_path):
    from referat.extract import extract_bytes

    minutes = (
        "Referat\nSocial- og Sundhedsudvalget\nMødedato: 3. marts 2025\n"
        "Medlemmer: Ida Holm (A) (formand), Bo Lund (V)\n\n"
        "1. Ventetider i hjemmeplejen\nReferat\n"
        "Udvalget understregede, at ventetiderne skal ned. Formanden foreslog, at sagen genoptages i maj. "
        "Medlemmerne bemærkede, at der mangler personale.\n"
    )
    document = extract_bytes("sundhed.txt", minutes.encode())
    said = [(s.actor, s.verb) for s in document.meetings[0].items[0].statements]
    # "Udvalget" is this meeting's committee, "Formanden" its chair; "Medlemmerne" stays a role
    assert said == [
        ("Social- og Sundhedsudvalget", "understrege"),
        ("Ida Holm", "foreslå"),
        ("Medlemmerne", "bemærke"),
    ]
    with open_archive(str(tmp_path / "a.db")) as archive:
        archive.store_document(document)
        assert [row["actor"] for row in archive.actors()] == ["Ida Holm", "Social- og Sundhedsudvalget"]
        assert [row["actor"] for row in archive.actors(roles=True)] == ["Medlemmerne"]
    result = CliRunner().invoke(main, ["actors", "--roles", "--archive", str(tmp_path / "a.db")])
    assert result.exit_code == 0 and "Medlemmerne" in result.output and "Ida Holm" not in result.output


def test_the_meetings_own_body_named_as_a_role_is_stored_under_the_bodys_name(tmp_path):
    from referat.extract.enrich.actors import ActorContext

    # "Byrådet" in the Byråd's minutes and "Sogneraadet" in Sognerådet's book are the body itself
    assert ActorContext(body="Byrådet").resolve("Byrådet").canonical == "Byrådet"
    assert ActorContext(body="Sogneraadet").resolve("Sognerådet").canonical == "Sogneraadet"
    # "Task Force" with no body to resolve it to stays a collective role, never an actor of its own
    assert is_role("Task Force") and is_role("taskforcen")
    # the archive stores an actor that is the meeting's body under the body's stored (folded) name
    old_spelling = document(
        "sogn-1942.txt",
        "Sogneraadet",
        "1942-03-04",
        [item("1", "Vejvedligeholdelse", positions=[("Sogneraadet", "for", "Sogneraadet vedtog forslaget.")])],
    )
    with open_archive(str(tmp_path / "a.db")) as archive:
        archive.store_document(old_spelling)
        stored_body = archive.connection.execute("SELECT body FROM meetings").fetchone()[0]
        canonical = archive.connection.execute("SELECT canonical FROM positions").fetchone()[0]
    assert canonical == stored_body == "Sognerådet"
