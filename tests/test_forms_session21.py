"""Forms read from the development sets in the session of 2026-12-07 (evening), each in a
document written for the test (invented text; the forms are those of real minutes):

- an agenda printed as a bare list, then "Referat" and the minutes numbered again from 1:
  either the minutes' own points (text under each, another order than the agenda's) or
  answers on the agenda's numbers ("2. OK");
"""

from __future__ import annotations

from referat.extract import extract_bytes


def _meeting(text: str, name: str = "doc.txt"):
    document = extract_bytes(name, text.encode(), enrich=False)
    assert len(document.meetings) == 1
    return document.meetings[0]


def test_minutes_numbered_again_under_the_agenda_are_the_items() -> None:
    text = (
        "Bestyrelsesmøde 4. marts 2021\n"
        "Dagsorden til bestyrelsesmødet 4. marts 2021 kl. 19:00\n"
        "1. Sommerfesten\n2. Budget 2021\n3. Eventuelt\n"
        "Referat\n"
        "Til stede:\nKaren, Ib og Rasmus\n"
        "1. Valg af referent\nIb valgt\n"
        "2. Sommerfest\nFesten holdes i år på fælledarealet den 19. juni.\n"
        "3. Budget 2021\nBudgettet for 2021 er godkendt.\n"
        "4. Eventuelt\nIntet.\n"
    )
    meeting = _meeting(text)
    # (the minutes' own points, in their own order; the agenda's list is no item)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Valg af referent"),
        ("2", "Sommerfest"),
        ("3", "Budget 2021"),
        ("4", "Eventuelt"),
    ]
    assert meeting.kind == "referat"  # the agenda's title line, but the document holds the minutes
    assert [d.outcome for d in meeting.items[0].decisions] == ["approved"]
    assert [d.text for d in meeting.items[2].decisions] == ["Budgettet for 2021 er godkendt."]


def test_minutes_answering_the_agenda_on_its_numbers_keep_the_agenda_titles() -> None:
    text = (
        "Referat af bestyrelsesmøde tirsdag den 9/3 2021\n"
        "Tilstede: Karen, Ib, Rasmus\n"
        "Dagsorden:\n"
        "1. Valg af ordstyrer og referent\n"
        "2. Godkendelse af sidste referat\n"
        "3. Legepladsen\n"
        "4. Eventuelt\n"
        "Referat:\n"
        "1. Ordstyrer: Karen – Referent: Ib\n"
        "2. OK\n"
        "3. Legepladsen\n"
        "Gyngerne males i april.\n"
    )
    meeting = _meeting(text)
    # (one meeting, the agenda's titles; point 4, which no answer repeats, is listed only)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Valg af ordstyrer og referent"),
        ("2", "Godkendelse af sidste referat"),
        ("3", "Legepladsen"),
        ("4", "Eventuelt"),
    ]
    assert meeting.items[0].text == "Ordstyrer: Karen – Referent: Ib"
    assert [(d.text, d.outcome) for d in meeting.items[1].decisions] == [("OK", "approved")]
    assert [d.text for d in meeting.items[2].decisions] == ["Gyngerne males i april."]


def test_an_agenda_whose_items_repeat_its_titles_is_read_as_before() -> None:
    text = (
        "Referat af bestyrelsesmøde 9. marts 2021\n"
        "Dagsorden:\n1. Regnskab\n2. Legepladsen\n"
        "Referat:\n"
        "1. Regnskab\nRegnskabet blev godkendt.\n"
        "2. Legepladsen\nGyngerne males i april.\n"
    )
    meeting = _meeting(text)
    assert [(item.number, item.title, item.text) for item in meeting.items] == [
        ("1", "Regnskab", "Regnskabet blev godkendt."),
        ("2", "Legepladsen", "Gyngerne males i april."),
    ]
