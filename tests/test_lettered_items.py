"""Items lettered A, B, C with their minutes run in after the title, and a numbered list
inside one of them (a general assembly's minutes). The association and its words are
invented."""

from __future__ import annotations

from referat.extract import extract_bytes

ASSEMBLY = """Generalforsamling i Grundejerforeningen Mosevang

Afholdt 12/3 2019

A: Valg af dirigent: Ib Lund blev valgt som dirigent og fastslog, at forsamlingen var lovligt indkaldt.

B: Formandens beretning: Formanden fortalte om vejarbejdet og om den nye legeplads ved søen.
Arbejdet blev forsinket af regn, men er nu færdigt.

C: Kassererens beretning: Regnskabet blev gennemgået og godkendt.

D: Indkomne forslag: Der var kommet tre forslag ind:

1. Fartdæmpning på Mosevej, med en udgift på kr. 40.000
2. Fælles container til haveaffald
3. Ny hjemmeside for foreningen
Forslag 2 blev vedtaget, de to andre blev forkastet.

E: Valg af revisor:
Lis Holm blev genvalgt.
"""


def test_lettered_items_with_run_in_minutes_and_a_numbered_list_inside_one_of_them() -> None:
    document = extract_bytes("mosevang-2019.txt", ASSEMBLY.encode(), enrich=False)
    (meeting,) = document.meetings
    assert [(item.number, item.title) for item in meeting.items] == [
        ("A", "Valg af dirigent"),
        ("B", "Formandens beretning"),
        ("C", "Kassererens beretning"),
        ("D", "Indkomne forslag"),
        ("E", "Valg af revisor"),
    ]
    # the minutes after the title are the item's text: C's sentence is its decision
    assert [decision.outcome for decision in meeting.items[2].decisions] == ["approved"]
    # the numbered proposals are D's text, not items of the meeting
    assert "Fælles container til haveaffald" in meeting.items[3].text


def test_numbered_items_under_lettered_groups_stay_items() -> None:
    agenda = (
        "Dagsorden for bestyrelsesmøde 4. maj 2020\n\n"
        "A. Åbne punkter\n\n1. Godkendelse af referat\n\nReferatet blev godkendt.\n\n"
        "2. Budget 2021\n\nBudgettet blev drøftet.\n\n"
        "B. Orientering\n\n3. Nyt fra formanden\n\nFormanden orienterede om mødet med kommunen.\n\n"
        "C. Eventuelt\n\n4. Eventuelt\n\nIntet.\n"
    )
    (meeting,) = extract_bytes("board.txt", agenda.encode(), enrich=False).meetings
    assert [item.number for item in meeting.items] == ["1", "2", "3", "4"]


FLAT_ONES = """Referat af møde i Frivilligrådet
Onsdag den 6. oktober 2021 kl. 10 – 12
Deltagere: Ole, Rita, Sune, Tove
1. Godkendelse af dagsorden
Godkendt uden bemærkninger.
1. Godkendelse af referat fra sidste møde
Referatet fra mødet den 8/9 2021
1. Mødedatoen var skrevet forkert, og det rettes.
2. Et forslag fra rådet selv var ikke nævnt.
3. Punktet om synlighed tages op igen.
1. Konstituering
Alle fortsætter på deres poster.
1. Meddelelser fra formanden
Formanden havde ingen meddelelser.
1. Eventuelt
Intet.
"""


def test_a_web_list_that_prints_every_point_as_one_keeps_a_list_inside_an_item_as_its_text() -> None:
    (meeting,) = extract_bytes("frivilligraad.txt", FLAT_ONES.encode(), enrich=False).meetings
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("1", "Godkendelse af referat fra sidste møde"),
        ("1", "Konstituering"),
        ("1", "Meddelelser fra formanden"),
        ("1", "Eventuelt"),
    ]
    assert "Et forslag fra rådet selv var ikke nævnt." in meeting.items[1].text


VOTES = """Referat af generalforsamling i Antenneforeningen Lyngbakken
Afholdt 4/3 2021

1. Valg af dirigent
Bo Lund blev valgt.

2. Fastsættelse af kontingent
Kr. 1.200,00 pr. år, 41 stemte for og 3 imod.

3. Forslag om ny kanalpakke
Forslaget fik 12 stemmer for, og 30 stemte imod.
"""


def test_a_votes_tally_is_a_decision_and_says_its_outcome() -> None:
    (meeting,) = extract_bytes("lyngbakken.txt", VOTES.encode(), enrich=False).meetings
    assert [[d.outcome for d in item.decisions] for item in meeting.items] == [["approved"], ["approved"], ["rejected"]]
