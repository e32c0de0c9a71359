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


def _meetings(text: str):
    return extract_bytes("sogneraad_bog.txt", text.encode(), enrich=False).meetings


def _points(meeting):
    return [(item.number, item.title) for item in meeting.items]


# Hasle style: "N. Tekst" and the decision column "ad N." after it.
DECISION_COLUMN = """Aar 1942 den 3. Marts Kl. 19 afholdt Sogneraadet
ordinært Møde i Skolen. Mødet blev holdt paa Sogneforstanderskabets
1. Møde for 100 Aar siden.
Til Behandling forelaa:
1. Efterretningssager
a) Indenrigsm. Cirk. af 2/2 42 ang. Brændsel.
b) Skr. fra Amtet om Vejskilte.
ad 1.
Til Efterretning
ad 2.
Til Efterretning
3. Landbrugsm. Cirk. af 4/2 42 ang. Kartofler til
Skolebørnene. Cirkulæret blev oplæst.
ad 4. Bevilget
3. Udsat.
4 a) Andragende fra Gaardejer N. Holm om Hjælp
til Brændsel.
b) Andragende fra Enke Marie Bak om det samme.
ad 4 a) Bevilget
4 b) Afslaaet
Tilbud fra Tørvemand P. Ravn paa Levering
af 100 Tons Tørv til Skolerne for 50 Kr. pr. Ton.
ad 5. Det vedtoges
at antage Tilbudet.
Oplæst. Mødet hævet.
"""


def test_decision_column_ad_numbers_confirm_or_stand_for_points():
    (meeting,) = _meetings(DECISION_COLUMN + "\n" + DECISION_COLUMN.replace("3. Marts", "17. Marts"))[:1]
    assert (meeting.date, meeting.start_time) == ("1942-03-03", "19:00")
    assert _points(meeting) == [
        # The heading's "1. Møde" comes before "Til Behandling forelaa:" and is no point.
        ("1", "Efterretningssager"),
        # Only "ad 2." is written: the point exists, its text was not.
        ("2", ""),
        # "Landbrugsm." and "Cirk." are abbreviations; "3. Udsat." is point 3's decision.
        ("3", "Landbrugsm. Cirk. af 4/2 42 ang. Kartofler til Skolebørnene."),
        # "4 a)" opens point 4 with its first sub-point; "4 b)" belongs to it.
        ("4", "Andragende fra Gaardejer N. Holm om Hjælp til Brændsel."),
        # A point written without its number, just above its "ad 5.".
        ("5", "Tilbud fra Tørvemand P. Ravn paa Levering af 100 Tons Tørv til Skolerne for 50 Kr. pr. Ton."),
    ]


# Ormslev style: the margin number beside the decision, below the point's text, and the
# first meeting's "1" on the line above its heading.
NUMBER_BESIDE_DECISION = """Julehjælpen uddeles som sædvanlig.
A. Holm P. Ravn
1
Ordinær Møde d. 9/1 1946 - Kl 1400
Handelsministeriets Cirkulære af 20/12 45 om Rationering
af Kaffe og The.
Til Efterretning
Socialministeriets Cirkulære af 21/12 45 om Julehjælp
til Aldersrentenydere.
2.
Til Efterretning
Købmand J. Ravn ansøger Sogneraadet om Tilladelse til at
holde aaben til Kl. 22.
3
Anbefales
A. Holm
Ekstra Møde d. 16/1 1946 - Kl 1400
Cirkulære om Snekastning i Vinteren 1946.
1
Til Efterretning
"""


def test_margin_numbers_beside_the_decision_take_the_text_above_them():
    meetings = _meetings(NUMBER_BESIDE_DECISION)
    meeting = next(m for m in meetings if m.date == "1946-01-09")
    assert meeting.start_time == "14:00"
    assert _points(meeting) == [
        ("1", "Handelsministeriets Cirkulære af 20/12 45 om Rationering af Kaffe og The."),
        ("2", "Socialministeriets Cirkulære af 21/12 45 om Julehjælp til Aldersrentenydere."),
        ("3", "Købmand J. Ravn ansøger Sogneraadet om Tilladelse til at holde aaben til Kl. 22."),
    ]
    assert _points(next(m for m in meetings if m.date == "1946-01-16")) == [
        ("1", "Cirkulære om Snekastning i Vinteren 1946.")
    ]


NUMBER_SEQUENCE = """Ordinært Sogneraadsmøde
Tirsdag, den 3. Juni 1941.
1. Meddelelser fra Formanden.
2. Ansøgning fra Lærer Bak om Tilskud til
Udflugt med Skolens 1. Klasse.
3. Valg af Vurderingsmand efter Lov af 1938, der omtales i Punkt
1. Hvis ingen vil vælges, udsættes Valget.
9. Ansøgning om Lys paa Skolevejen.
Anbefales.
5. Forslag om ny Sprøjte til Brandvæsenet.
Vedtoges.
6. Ansøgning fra Foreningen af 1920.
Bevilgedes.
7. Skrivelse fra Amtet.
8. Skrivelse fra Politimesteren.
9. Skrivelse fra Sygekassen.
910. Indstilling fra Vejudvalget om Grus.
"""


def test_numbers_count_when_they_continue_the_sequence():
    (meeting,) = _meetings(NUMBER_SEQUENCE)
    assert _points(meeting) == [
        ("1", "Meddelelser fra Formanden."),
        # "1. Klasse" at a line start is an ordinal, not point 1 again.
        ("2", "Ansøgning fra Lærer Bak om Tilskud til Udflugt med Skolens 1. Klasse."),
        # "… Punkt" / "1. Hvis …": a number that cannot be the next point continues the text.
        ("3", "Valg af Vurderingsmand efter Lov af 1938, der omtales i Punkt 1."),
        # A misprint between 3 and 5 is the fourth point, kept as printed.
        ("9", "Ansøgning om Lys paa Skolevejen."),
        ("5", "Forslag om ny Sprøjte til Brandvæsenet."),
        ("6", "Ansøgning fra Foreningen af 1920."),
        ("7", "Skrivelse fra Amtet."),
        ("8", "Skrivelse fra Politimesteren."),
        ("9", "Skrivelse fra Sygekassen."),
        # A stray digit before the expected number.
        ("10", "Indstilling fra Vejudvalget om Grus."),
    ]


TITLE_ENDS = """Onsdagen den 4 Marts 1942 afholdt Sogneraadet
Møde i Forsamlingshuset
følgende forhandledes
1
Andragende fra Husmandsforeningen om Tilskud
til et Sykursus
nægtedes
2
Til en Udflugt for de gamle
bevilgedes 100 Kr.
3
Skrivelse fra Amtet om Istandsættelse af Broen
ved Møllen
Da Sagen ikke er oplyst, udsættes den.
4
Ansøgninger om Udstykninger:
Matr. Nr. 4 a tilh. P. Holm
5
Valg af Sneplovsfører og Stedfortræder
Husmand Jens Ravn
Gaardejer N. Bak.
6
Fra Landbrugsministeriet foreligger Meddelelse om at Tilskudet
til Dræning er fastsat til 900 Kr. Arbejdet skal være færdigt i Aar.
7
Skatteklage fra Tjenestekarl P. Holm, der
mener sig ansat for højt
Ansættelsen fastholdes
Mødet hævet
N. Bak
P. Holm
"""


def test_a_points_title_ends_where_its_decision_list_or_next_sentence_starts():
    (meeting,) = _meetings(TITLE_ENDS + "\n" + TITLE_ENDS.replace("4 Marts", "18 Marts"))[:1]
    assert _points(meeting) == [
        # A short verdict under a complete text is the decision …
        ("1", "Andragende fra Husmandsforeningen om Tilskud til et Sykursus"),
        # … but completes a text that opened with an adverbial.
        ("2", "Til en Udflugt for de gamle bevilgedes 100 Kr."),
        # A capitalised "Da" (no noun) at a line start begins a new sentence.
        ("3", "Skrivelse fra Amtet om Istandsættelse af Broen ved Møllen"),
        # A colon at the line end introduces a list.
        ("4", "Ansøgninger om Udstykninger:"),
        # The names under an election.
        ("5", "Valg af Sneplovsfører og Stedfortræder"),
        # The first sentence; "900 Kr." after a number may end it.
        ("6", "Fra Landbrugsministeriet foreligger Meddelelse om at Tilskudet til Dræning er fastsat til 900 Kr."),
        # A noun and a verdict verb: "Ansættelsen fastholdes".
        ("7", "Skatteklage fra Tjenestekarl P. Holm, der mener sig ansat for højt"),
    ]


DATES_AND_TIMES = """Aar 1943 den 8. Septbr. Kl. 19,30 afholdt Sogneraadet Møde.
Mødet hævet
N. Bak
Aar 1943 Tirsdag d. 12' Oktober Kl 7 Aften holdt Sogneraadet
Møde i Forsamlingshuset.
Mødet hævet
N. Bak
Aaret 1943 den 16/11 afholdt Sogneraadet Møde
hvor følgende Sager behandledes:
Skolens Regnskab blev godkendt.
Sogneraadsmøde paa Skolen den 25-11-43
Kassebeholdningen eftersaas.
Valg af Snefogeder.
Aar 1943 den 8d December Kl. 5½ Em. afholdtes Sogneraadsmøde
Valg af Skolekommission.
Julehjælpen uddeles som sædvanlig.
21 Møde
Aar 1943 den 21 Decbr var Sogneraadet forsamlet i Skolen
"""


def test_meeting_headings_in_the_books_own_date_and_time_styles():
    meetings = _meetings(DATES_AND_TIMES)
    assert [(m.date, m.start_time) for m in meetings] == [
        ("1943-09-08", "19:30"),  # "Septbr." with its full stop
        ("1943-10-12", "19:00"),  # a weekday after the year; "Kl 7 Aften"
        ("1943-11-16", None),  # "Aaret 1943 den 16/11"
        ("1943-11-25", None),  # "25-11-43"
        ("1943-12-08", "17:30"),  # "8d December", "Kl. 5½ Em."
        ("1943-12-21", None),  # "21 Møde" over "Aar 1943 den 21 Decbr"
    ]


TWELVE_HOUR_CLOCK = """Mandag den 20' Januar 1941 Kl. 7 holdt Tiset Sogneraad Møde i Forsamlingshuset.
Mødet hævet
N. Bak
Aar 1941 den 3. Februar Kl. 2 afholdt Sogneraadet Møde.
Mødet hævet
N. Bak
Aar 1941 den 4. Marts Kl. 9 Formiddag afholdt Sogneraadet Møde.
Mødet hævet
N. Bak
Aar 1941 den 8. April Kl 0700 afholdt Sogneraadet Møde.
Mødet hævet
N. Bak
Aar 1941 den 6. Maj Kl. 10 afholdt Sogneraadet Møde.
"""


def test_a_single_digit_hour_up_to_7_is_afternoon_or_evening():
    # The books write "Kl. 7" for the evening meeting (Tiset 20 January 1941: gold 19:00);
    # a morning needs "Formiddag", and a two-digit hour is the 24-hour clock.
    assert [(m.date, m.start_time) for m in _meetings(TWELVE_HOUR_CLOCK)] == [
        ("1941-01-20", "19:00"),
        ("1941-02-03", "14:00"),
        ("1941-03-04", "09:00"),
        ("1941-04-08", "07:00"),
        ("1941-05-06", "10:00"),
    ]


def test_a_line_about_a_meeting_inside_a_point_opens_none():
    # Headings may say "afholdtes Sogneraadsmøde" or begin "Aaret 1940 den …", but a line
    # that continues a sentence, or names a financial year, opens no meeting.
    text = """Aar 1941 den 6. Maj Kl. 19 afholdt Sogneraadet Møde.
1. Vejudvalget indstiller, at der berammes
afholdt Aastedsmøde vedr. Vejene den 27/6 1941
Kl. 4.
2. Regnskabet for
Aaret 1941/42 blev fremlagt den 2/5 1941.
Aar 1941 den 20. Maj Kl. 19 afholdt Sogneraadet Møde.
"""
    meetings = _meetings(text)
    assert [m.date for m in meetings] == ["1941-05-06", "1941-05-20"]
    assert [i.number for i in meetings[0].items] == ["1", "2"]


def test_points_start_after_the_sentence_that_hands_over_to_them():
    text = """Aar 1940 den 2. Juli Kl. 15 afholdt Sogneraadet Møde til Minde om
Sogneraadets 1. Møde for 100 Aar siden.
Til Behandling forelaa:
1. Skrivelse fra Amtet.
Oplæst. Mødet hævet.
Ekstra Møde d. 26de Juli 1940.
1.
Til Behandling forelaa et Forslag fra Vejudvalget om Grus til Skolevejen.
Vedtoges.
"""
    meetings = _meetings(text)
    assert [(m.date, _points(m)) for m in meetings] == [
        ("1940-07-02", [("1", "Skrivelse fra Amtet.")]),
        # "Til Behandling forelaa et Forslag …" is the point's own text, not the hand-over.
        ("1940-07-26", [("1", "Til Behandling forelaa et Forslag fra Vejudvalget om Grus til Skolevejen.")]),
    ]


# Tiset style: the margin number, the point's text, a blank line, the decision; a blank
# line also sets one point apart from the next.
BLANK_LINES = """Onsdagen den 8 April 1942 afholdt Sogneraadet
Møde i Forsamlingshuset
følgende forhandledes


1
Til en Sommerlejr for Byens Børn


bevilgedes 75 Kr.


2
Andragende fra Skytteforeningen om Tilskud til Skiver


Foreningen har 40 Medlemmer
nægtedes


3
Skrivelse fra Amtet om Vejenes Istandsættelse efter


Vinteren og om Grus til Vejmanden


Til Efterretning


4
Andragende fra Husmandsforeningen


om Tilskud til et Kursus i Havebrug
Bevilgedes 20 Kr


Mødet hævet
N. Bak
P. Holm
"""


def test_a_blank_line_ends_a_points_text_unless_the_sentence_runs_on():
    (meeting,) = _meetings(BLANK_LINES + "\n" + BLANK_LINES.replace("8 April", "22 April"))[:1]
    assert _points(meeting) == [
        # The verdict after a blank line is the decision, even under an adverbial opening
        # (without the blank line it would complete the text, see TITLE_ENDS).
        ("1", "Til en Sommerlejr for Byens Børn"),
        # A remark after a blank line is no part of the title, though its words would be.
        ("2", "Andragende fra Skytteforeningen om Tilskud til Skiver"),
        # A page turn: the text ends on a word a sentence cannot end with …
        ("3", "Skrivelse fra Amtet om Vejenes Istandsættelse efter Vinteren og om Grus til Vejmanden"),
        # … or goes on in lower case after the blank line.
        ("4", "Andragende fra Husmandsforeningen om Tilskud til et Kursus i Havebrug"),
    ]


# A book that leaves a blank line only where a page turned: its numbers do not stand
# after blank lines, so a blank line ends nothing and the words decide.
PAGE_TURN = """Aar 1941 den 6. Maj Kl. 19 afholdt Sogneraadet Møde.
1. Et Andragende fra Husmand Jens Holm
Tværmose om Statslaan anbefaledes.
2. Et Andragende fra Karl Bak

Vestergaard om Tilskud til Dræning anbefaledes.
3. Der forelaa en Skrivelse fra Amtet om Snekastning.
"""


def test_blank_lines_count_only_in_a_book_that_sets_its_points_apart_with_them():
    meeting = _meetings(PAGE_TURN + PAGE_TURN.replace("6. Maj", "20. Maj"))[0]
    assert _points(meeting)[1] == ("2", "Et Andragende fra Karl Bak Vestergaard om Tilskud til Dræning anbefaledes.")
    # The same page turn in a book whose points stand after blank lines ends the text.
    apart = PAGE_TURN.replace("\n1.", "\n\n1.").replace("\n2.", "\n\n2.").replace("\n3.", "\n\n3.")
    meeting = _meetings(apart + apart.replace("6. Maj", "20. Maj"))[0]
    assert _points(meeting)[1] == ("2", "Et Andragende fra Karl Bak")


def test_each_point_keeps_its_whole_text_up_to_the_signatures():
    first, second, _third = _meetings(BOOK)
    # Point 2 runs from its number to the signatures, its decision included; the signatures are not minutes.
    assert [section.text for section in first.items[1].sections] == [
        "2. Ansøgning om Tilskud til Ungdomsforeningen.\nBevilgedes 50 Kr."
    ]
    assert first.items[1].sections[0].kind == "minutes"
    # A margin-number book: the repeated number and the decision belong to the point.
    assert (
        second.items[0].sections[0].text == "1\nSkrivelse fra Amtet angaaende Vejvedligeholdelse\n1\nTil Efterretning"
    )
    assert "Formandens Fødselsdag" in second.items[1].sections[0].text


# Beder-Malling style: no point is numbered; each paragraph is a matter, a decision may
# stand apart under it, and the members sign under the last.
UNNUMBERED_BOOK = """Sogneraadsmøde paa Skolen den 4/2 1941


Andragende fra Skytteforeningen om Leje af Skolens Gymnastiksal
hver Torsdag i Vinterhalvaaret.


Bevilges for 5 Kr om Aftenen


Meddelelse fra Amtsraadet at Vejen ved Mosen
istandsættes i Foraaret for Amtets Regning


Mødet hævet.
P Madsen
K Larsen
Hans Nielsen


Sogneraadsmøde paa Skolen den 4/3 1941


Formanden oplæste en Skrivelse fra Indenrigsministeriet
om Brændselsrationering. Til Efterretning
Hans Nielsen
P Madsen
"""


def test_a_book_that_numbers_no_points_keeps_its_paragraphs_as_unnumbered_points():
    first, second = _meetings(UNNUMBERED_BOOK)
    assert (first.date, second.date) == ("1941-02-04", "1941-03-04")
    assert _points(first) == [
        ("", "Andragende fra Skytteforeningen om Leje af Skolens Gymnastiksal hver Torsdag i Vinterhalvaaret."),
        ("", "Meddelelse fra Amtsraadet at Vejen ved Mosen istandsættes i Foraaret for Amtets Regning"),
    ]
    # The decision set apart under the application is part of its text; the heading,
    # "Mødet hævet" and the signatures are no matter.
    assert first.items[0].sections[0].text.endswith("Bevilges for 5 Kr om Aftenen")
    assert "Mødet hævet" not in first.items[1].sections[0].text and "Larsen" not in first.items[1].sections[0].text
    assert _points(second) == [("", "Formanden oplæste en Skrivelse fra Indenrigsministeriet om Brændselsrationering.")]
    assert second.items[0].sections[0].text.endswith("Til Efterretning")


def test_in_a_numbered_book_a_meeting_without_numbers_has_no_points():
    meetings = _meetings(
        BOOK + "\nSogneraadsmøde paa Skolen den 18/3 1941\nValgbestyrelsen gennemgik Valglisten.\nN. Jensen\n"
    )
    assert [len(meeting.items) for meeting in meetings] == [2, 2, 0, 0]


def test_the_archive_finds_a_word_in_an_unnumbered_books_minutes(tmp_path):
    from click.testing import CliRunner

    from referat.archive import open_archive
    from referat.cli import main

    database = tmp_path / "sogn.db"
    with open_archive(str(database)) as archive:
        archive.store_document(extract_bytes("beder_1941.txt", UNNUMBERED_BOOK.encode()))
    # "Aftenen" is only in the decision under the first matter, not in any title.
    result = CliRunner().invoke(main, ["search", "aftenen", "--archive", str(database)])
    assert result.exit_code == 0, result.output
    first_line = result.output.splitlines()[0]
    assert first_line.endswith(
        "· 1941-02-04 · Andragende fra Skytteforeningen om Leje af Skolens Gymnastiksal hver Torsdag i Vinterhalvaaret."
    )
    assert "«Aftenen»" in result.output and "punkt" not in first_line


# Elev style: the meeting opens "Sogneraadet afholdt i Dag Møde" after a blank line and is
# dated only by the line above the signatures.
DATED_UNDER = """Sogneraadet afholdt i Dag Møde hvor følgende
behandledes.


Skattelisten forelaa til Underskrift af samtlige Medlemmer.


Elev Sogneraad d. 5/4 1945
Niels Sørensen


I Dag afholdtes Sogneraadsmøde hvor følgende
Sager var til Behandling.
Fra Elektricitetsselskabet forelaa Anmodning om Garanti for et Laan.


Elev Sogneraad d. 20/12 1945
Niels Sørensen
"""


def test_meetings_opened_today_and_dated_under_the_minutes():
    meetings = _meetings(DATED_UNDER)
    assert [m.date for m in meetings] == ["1945-04-05", "1945-12-20"]
    assert [item.title for item in meetings[1].items] == [
        "Fra Elektricitetsselskabet forelaa Anmodning om Garanti for et Laan."
    ]
    # Without the blank line, the same words are a heading's second line, not an opening.
    heading = (
        "Onsdag Den 13´ Marts 1940 har\nSogneraadet afholdt Møde i Forsamlingshuset.\n"
        "1. Meddelelser.\nMødet sluttet.\nA. Holm\n"
    )
    assert [m.date for m in _meetings(DATED_UNDER + "\n\n" + heading)] == ["1945-04-05", "1945-12-20", "1940-03-13"]


def test_every_parish_book_transcription_is_read_without_an_internal_error(shared):
    # A number such as "7-24" (a range of pages or hymns) once reached a year test that
    # assumed digits and stopped a whole book; every book must give its meetings.
    books = sorted((shared / "corpus-real" / "parish-1940s").glob("*_19[0-9][0-9].txt"))
    assert len(books) >= 30
    meetings = 0
    for book in books:
        document = extract_bytes(book.name, book.read_bytes(), enrich=False)
        assert document.meetings, book.name
        meetings += len(document.meetings)
    assert meetings >= 10 * len(books)  # a book holds a year or more of meetings


def test_a_books_parish_from_its_title_is_every_meetings_organisation_and_finds_its_council(tmp_path):
    from referat.archive import SearchFilters, open_archive

    with open_archive(str(tmp_path / "a.db")) as archive:
        for name in ("Elev_1941.txt", "Tiset_1941.txt"):
            document = extract_bytes(name, (BOOK + f"Protokol for {name[:4]}\n").encode(), enrich=False)
            assert {(m.body, m.organisation) for m in document.meetings} >= {
                ("Sogneraadet", name.split("_")[0] + " Sognekommune")
            }
            archive.store_document(document, path=name)
        # "--body Elev": that parish's council only; the old spelling finds both parishes'
        elev = archive.search("Vejvedligeholdelse", filters=SearchFilters(body="Elev")).hits
        both = archive.search("Vejvedligeholdelse", filters=SearchFilters(body="Sogneråd")).hits
    assert len(elev) == 1 and len(both) == 2
