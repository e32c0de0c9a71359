"""CPR numbers never leave referat unless asked for; e-mails and phones are reported."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from referat.cli import main
from referat.extract import extract_bytes
from referat.extract.personal_data import redact_cpr

MINUTES = (
    "Referat\nMødedato\n4. december 2025\nPunkt 1 Klagesag\nSagsnr.: 2025-29298\nReferat\n"
    "Borgeren (cpr 010203-1234) klagede. Et andet nummer er 3112991234. Kontakt sag@kommune.dk eller 44 77 35 00.\n"
)


@pytest.mark.parametrize(
    "text, redacted",
    [
        ("cpr 010203-1234", "cpr [CPR-nummer fjernet]"),
        ("3112991234 i teksten", "[CPR-nummer fjernet] i teksten"),
        ("sag 2011-29298 og 12/27845", "sag 2011-29298 og 12/27845"),  # case numbers
        ("dato 320199-1234", "dato 320199-1234"),  # day 32 is no date
        ("beløb 1.316.000 kr.", "beløb 1.316.000 kr."),
        ("EMN-2022-00567", "EMN-2022-00567"),
        # Every common separator (issue 11: these came back unredacted).
        ("cpr 010203 1234.", "cpr [CPR-nummer fjernet]."),
        ("cpr 010203\u2013" + "1234.", "cpr [CPR-nummer fjernet]."),  # en dash
        ("cpr 010203 - 1234.", "cpr [CPR-nummer fjernet]."),
        ("cpr 010203 \u2014 1234.", "cpr [CPR-nummer fjernet]."),  # em dash
        ("cpr 010203\u00a01234.", "cpr [CPR-nummer fjernet]."),  # no-break space
        # The century the serial gives: 29 February 1900 was no day (serial 1xxx: 1900s),
        # 2000's was (serial 4xxx, year 00: 2000s); a birth day in the future is no CPR.
        ("290200-1234", "290200-1234"),
        ("290200-4234", "[CPR-nummer fjernet]"),
        ("010136-4234", "010136-4234"),  # 1 January 2036
        # Case numbers ddmmyy-yyyy: a case label before it, or the year of yy after the dash.
        ("Sagsnr.: 150319-2019", "Sagsnr.: 150319-2019"),
        ("J.nr. 010203-1234", "J.nr. 010203-1234"),
        ("Journalnr. 010203-1234", "Journalnr. 010203-1234"),
        ("Sag 010203-1234", "Sag 010203-1234"),
        ("nummeret 150319-2019 blev", "nummeret 150319-2019 blev"),
        ("cpr 150319-2020", "cpr [CPR-nummer fjernet]"),
        ("Klagesag, cpr-nr. 010203-1234", "Klagesag, cpr-nr. [CPR-nummer fjernet]"),
    ],
)
def test_cpr_numbers_are_redacted_only_when_they_are_dates(text, redacted):
    assert redact_cpr(text)[0] == redacted


def test_extraction_redacts_everywhere_and_reports_personal_data():
    document = extract_bytes("m.txt", MINUTES.encode())
    dumped = json.dumps(document.model_dump(mode="json"), ensure_ascii=False)
    assert "010203-1234" not in dumped and "3112991234" not in dumped
    assert "[CPR-nummer fjernet]" in document.meetings[0].items[0].sections[0].text
    assert document.meetings[0].items[0].case_numbers == ["2025-29298"]
    assert [warning for warning in document.warnings if warning.startswith("personal data")] == [
        "personal data: 2 CPR number(s) redacted",
        "personal data: 1 e-mail address(es) kept",
        "personal data: 1 phone number(s) kept",
    ]
    # The minutes print no body: that is said too (issue 9), before the personal-data lines.
    assert document.warnings[0] == "meeting 1 (pages 1-1): no body (who met) found"


def test_keep_personal_data_flag(tmp_path):
    source = tmp_path / "m.txt"
    source.write_text(MINUTES, encoding="utf-8")
    kept = CliRunner().invoke(main, ["extract", "--keep-personal-data", str(source)])
    assert "010203-1234" in kept.output
    default = CliRunner().invoke(main, ["extract", str(source)])
    assert "010203-1234" not in default.output and "[CPR-nummer fjernet]" in default.output
