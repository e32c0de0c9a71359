"""No silent empty results: what gives nothing (no text, no meeting) or is not minutes at all
(a licence, a report) is said on stderr, counted in the import summary and listed by
``referat report``; a text that is not minutes keeps its text and gets no invented items."""

from __future__ import annotations

from click.testing import CliRunner

from referat.cli import main
from referat.extract.pipeline import extract_bytes

LICENCE = """Open Data Licence

1. Definitions

In this licence the database means the collection of records published with it.

2. Rights granted

You may copy, share and adapt the database on the terms below.

3. Warranty

The database is provided as it is, without any warranty.
"""

REPORT = """Rapport om ældreområdet

1. Indledning

Rapporten beskriver udviklingen i antallet af ældre over 80 år i kommunen.

2. Metode

Tallene stammer fra kommunens egne registre og fra Danmarks Statistik.

3. Resultater

Antallet af ældre over 80 år stiger med 4 procent om året frem mod 2030.

4. Økonomi

Udgifterne til hjemmepleje blev øget med 12 mio. kr. i 2023.
"""

MINUTES = """Referat

Økonomiudvalget
Mødedato: 3. marts 2025

1. Godkendelse af dagsorden

Beslutning
Godkendt.
"""


def test_a_licence_and_a_report_keep_their_text_without_invented_items() -> None:
    for name, text in (("LICENSE.txt", LICENCE), ("rapport.txt", REPORT)):
        document = extract_bytes(name, text.encode(), enrich=False)
        [meeting] = document.meetings
        assert meeting.items == [], name  # chapter headings are not agenda items
        assert "stiger med 4 procent" in meeting.sections[0].text or "without any warranty" in meeting.sections[0].text
        assert any("not agenda or minutes" in warning for warning in document.warnings), document.warnings


def test_minutes_with_numbered_items_are_still_minutes() -> None:
    document = extract_bytes("referat.txt", MINUTES.encode(), enrich=False)
    assert [(item.number, item.title) for item in document.meetings[0].items] == [("1", "Godkendelse af dagsorden")]
    assert not [warning for warning in document.warnings if "not agenda" in warning]


def test_one_line_lists_of_present_and_absent_members() -> None:
    text = MINUTES.replace(
        "Mødedato: 3. marts 2025\n",
        "Mødedato: 3. marts 2025\nTil stede: Anna Holm (A), Bo Lind (V), Carl Berg (C)\nAfbud: Morten Ebbesen (V)\n",
    )
    meeting = extract_bytes("referat.txt", text.encode(), enrich=False).meetings[0]
    assert [(p.name, p.party, p.status) for p in meeting.participants] == [
        ("Anna Holm", "A", "present"),
        ("Bo Lind", "V", "present"),
        ("Carl Berg", "C", "present"),
        ("Morten Ebbesen", "V", "absent"),
    ]


def test_extract_says_what_it_did_not_understand(tmp_path) -> None:
    licence = tmp_path / "LICENSE.txt"
    licence.write_text(LICENCE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--no-enrich", str(licence)])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"referat: {licence}: warning: pages 1-1: not agenda or minutes")


def test_import_counts_warnings_and_report_lists_them(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "LICENSE.txt").write_text(LICENCE, encoding="utf-8")
    (folder / "referat.txt").write_text(MINUTES, encoding="utf-8")
    (folder / "tom.txt").write_text("", encoding="utf-8")
    archive = str(tmp_path / "a.db")
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(folder), "--archive", archive, "--workers", "1"])
    assert result.exit_code == 1  # the empty file failed
    assert "imported 2" in result.stdout and "1 with warnings (referat report lists them)" in result.stdout
    report = runner.invoke(main, ["report", "--archive", archive])
    assert report.exit_code == 0, report.output
    lines = report.stdout.splitlines()
    assert lines[0] == f"failed   {folder / 'tom.txt'}: empty file (0 bytes)"
    assert lines[1].startswith(f"warning  {folder / 'LICENSE.txt'}: pages 1-1: not agenda or minutes")
    assert lines[-1] == "run 1: 1 failed, 1 warning(s)"
    assert not any("referat.txt" in line for line in lines)  # the minutes were understood
