"""1940s minute books: many meetings in one file, found by their opening sentences."""

from __future__ import annotations

from referat.extract import extract_bytes

BOOK = """Ordinært Sogneraadsmøde
Tirsdag, den 14. Januar 1941.
1. Meddelelser fra Formanden.
Til Efterretning.
2. Ansøgning om Tilskud til Ungdomsforeningen.
Bevilgedes 50 Kr.
N. Jensen   P. Hansen

Onsdagen den 12 Februar 1941 afholdt Sogneraadet
Møde i Forsamlingshuset Kl. 19
1
Skrivelse fra Amtet angaaende Vejvedligeholdelse
1
Til Efterretning
2
Andragende om Bevilling til Skolekøkken
2
Bevilgedes 25 Kr
Mødet blev afholdt paa Formandens Fødselsdag, men det blev ikke fejret.

Sogneraadsmøde paa Skolen den 11/3 1941
Bekendt=
gørelse om Brændselsrationering oplæstes.
"""


def test_a_sogneraad_book_is_split_into_dated_meetings_with_their_points():
    meetings = extract_bytes("sogneraad_1941.txt", BOOK.encode(), enrich=False).meetings
    assert [(m.kind, m.body, m.date, m.start_time) for m in meetings] == [
        ("referat", "Sogneraadet", "1941-01-14", None),
        ("referat", "Sogneraadet", "1941-02-12", "19:00"),
        ("referat", "Sogneraadet", "1941-03-11", None),
    ]
    assert [(i.number, i.title) for i in meetings[0].items] == [
        ("1", "Meddelelser fra Formanden."),
        ("2", "Ansøgning om Tilskud til Ungdomsforeningen."),
    ]
    # The margin number repeated for the decision is the same point.
    assert [(i.number, i.title) for i in meetings[1].items] == [
        ("1", "Skrivelse fra Amtet angaaende Vejvedligeholdelse"),
        ("2", "Andragende om Bevilling til Skolekøkken"),
    ]


def test_modern_minutes_never_take_the_historic_path():
    text = "Referat\nPunkt 1 Sogneraadets gamle protokoller\nReferat\nUdvalget afholdt møde den 4. marts 2025.\n"
    meetings = extract_bytes("m.txt", text.encode(), enrich=False).meetings
    assert [(i.number, i.title) for i in meetings[0].items] == [("1", "Sogneraadets gamle protokoller")]
