"""Items a document names only in its agenda list or table of contents, and the forms of
the third failure survey (issue 9). Each document is written by us in a layout real
publishers use; the expected values were read off the document by hand."""

from __future__ import annotations

from referat.extract import extract_bytes


def extract_text(text: str):
    return extract_bytes("minutes.txt", text.encode("utf-8"), enrich=False)


def items_of(text: str) -> list[tuple[str, str, str]]:
    meeting = extract_text(text).meetings[0]
    return [(item.number, item.title, item.access) for item in meeting.items]


# A web page that lists every item and prints the text of the first two (an excerpt, or
# closed items published by title only).
FIRSTAGENDA_PAGE = """Referat
Social- og Sundhedsudvalget
12-03-2019 kl. 15:00
Rådhuset, mødelokale 3
Dagsordenspunkter
  åbent 1 Regnskab 2018 for udvalget
  åbent 2 Praktikpladsaftale 2020-2021
  åbent 3 Magtanvendelser i 2018
  åbent 4 Meddelelser
  lukket 5 Lukket punkt
Til indholdsfortegnelse
Åbent Møde.
1 Regnskab 2018 for udvalget
Sagsfremstilling
Regnskabet viser et mindreforbrug på driften.
Beslutning
Godkendt.
2 Praktikpladsaftale 2020-2021
Sagsfremstilling
Aftalen fastsætter antallet af praktikpladser.
Beslutning
Godkendt.
"""


def test_entries_of_the_agenda_list_without_text_are_items_with_the_access_the_list_gives():
    assert items_of(FIRSTAGENDA_PAGE) == [
        ("1", "Regnskab 2018 for udvalget", "public"),
        ("2", "Praktikpladsaftale 2020-2021", "public"),
        ("3", "Magtanvendelser i 2018", "public"),
        ("4", "Meddelelser", "public"),
        ("5", "", "closed"),
    ]


GROUPED_LIST = """Referat
til
mødet i Økonomiudvalget
den 26. april 2017 kl. 08:30
A. Sager til afgørelse i byrådet
1 Boliger ved Engvej 18-20
2 Ny skolestruktur
9 Investeringsprojekter
B. Sager til afgørelse i udvalget
3 Parkering ved stationen
C. Orientering
4 Orientering om lufthavnen
A. Sager til afgørelse i byrådet
1. Boliger ved Engvej 18-20
RESUMÉ
Et forslag til lokalplan for boliger ved Engvej er klar til høring.
BESLUTNING
Anbefales.
"""


def test_an_agenda_list_cut_into_groups_names_its_items_in_any_order():
    assert [number for number, _, _ in items_of(GROUPED_LIST)] == ["1", "2", "3", "4", "9"]


LIST_IN_ANOTHER_STYLE = """Referat af møde i museets bestyrelse fredag d. 17. december 2010
Pkt. 1: Godkendelse af dagsorden
Forslag til dagsorden:
1. Godkendelse af dagsorden
2. Meddelelser fra formanden
3. Bygningsdrift
4. Eventuelt
Dagsordenen blev godkendt.
Pkt. 2: Meddelelser fra formanden
Formanden orienterede om sagen om konkurrenceloven.
"""


def test_a_list_set_in_another_style_than_its_items_names_the_items():
    assert items_of(LIST_IN_ANOTHER_STYLE) == [
        ("1", "Godkendelse af dagsorden", "public"),
        ("2", "Meddelelser fra formanden", "public"),
        ("3", "Bygningsdrift", "public"),
        ("4", "Eventuelt", "public"),
    ]


RECOMMENDATION_LIST = """Udvalget for Ældre og Sundhed
Referat
04-06-2020
50. Godkendelse af anbefalinger fra projektudvalget
Indstilling
Administrationen indstiller, at
1. anbefalingerne til plejecentrene godkendes
2. Udvalget følger op på anbefalingerne i december
Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020
Godkendt.
51. Orienteringer
Beslutning i Udvalget for Ældre og Sundhed den 04-06-2020
Taget til efterretning.
"""


def test_a_recommendation_list_whose_first_clause_starts_in_lower_case_makes_no_items():
    assert [number for number, _, _ in items_of(RECOMMENDATION_LIST)] == ["50", "51"]


def test_a_closed_part_named_in_the_contents_closes_no_item():
    text = """Referat af møde i Klima- og Planudvalget
Den 09.01.2020 kl. 13:00 i Tapperiet
Indholdsfortegnelse
Lukkede Punkter
Deltagere:
Erling Larsen, (A)
Mette Jorsø, (V)
1. Godkendelse af dagsorden
Beslutning
Godkendt.
2. Støj fra byggepladser efter kl. 18
Beslutning
Godkendt.
"""
    assert [access for _, _, access in items_of(text)] == ["public", "public"]


def test_a_title_may_start_with_a_count_and_a_heading_glued_to_a_tab_label_is_cut_off():
    text = """Kommunalbestyrelsen
Referat
Mødedato: 27. april 2015
88. Skolen ved Søerne, skybrudssikring
Beslutning
Godkendt.
Referat89. 17 nye seniorboliger på Thurøvej
Beslutning
Godkendt.
90. Forskrift for brændeovne
Beslutning
Godkendt.
"""
    assert [(number, title) for number, title, _ in items_of(text)] == [
        ("88", "Skolen ved Søerne, skybrudssikring"),
        ("89", "17 nye seniorboliger på Thurøvej"),
        ("90", "Forskrift for brændeovne"),
    ]


def test_the_title_line_of_a_page_of_one_item():
    text = """Mødedato: 22.04.2021, kl. 17:30
Mødested: Telefonmøde via Teams
Forslag til tilpasninger af lokaludvalg
Se alle bilag
Borgerrepræsentationen skal tage stilling til et forslag om lokaludvalgene.
Indstilling
Forvaltningen indstiller, at forslaget godkendes.
Beslutning
Godkendt.
"""
    assert items_of(text) == [("", "Forslag til tilpasninger af lokaludvalg", "public")]


def test_header_facts_council_term_sentence_dates_and_copenhagens_decision_line():
    regional = extract_text(
        """Referat - Regionsrådet 2018-2021
08-03-2021 16:00
1. Godkendelse af dagsorden
Beslutning
Godkendt.
2. Råstofindvinding på Engvej i Guldborgsund Kommune
Beslutning
Godkendt.
"""
    ).meetings[0]
    assert (regional.body, regional.organisation, regional.date) == ("Regionsrådet", None, "2021-03-08")
    sentence_first = extract_text(
        """Teknik- og Bygningsudvalget tirsdag den 13. august 2024 kl. 16.30
Den 30. maj 2024 indgik regeringen en aftale om en ny model for affaldssortering i hele landet.
1. Affaldsplan
Beslutning
Godkendt.
"""
    ).meetings[0]
    assert sentence_first.date == "2024-08-13"
    copenhagen = extract_text(
        """1. Godkendelse af dagsorden
Beslutning
Økonomiudvalgets beslutning i mødet den 31. marts 2020
Dagsordenen blev godkendt.
"""
    ).meetings[0]
    assert (copenhagen.body, copenhagen.date) == ("Økonomiudvalget", "2020-03-31")


def test_members_stacked_as_name_role_and_party_lines_and_member_list_forms():
    text = """Referat - Regionsrådet
08-03-2021 16:00
Medlemmer af udvalget:
Heino Knudsen
Formand
(A)
Jacob Jensen
2. næstformand
(V)
Freddy Blak
(A)
1. Godkendelse af dagsorden
Beslutning
Godkendt.
"""
    people = extract_text(text).meetings[0].participants
    assert [(p.name, p.party, p.role) for p in people] == [
        ("Heino Knudsen", "A", "formand"),
        ("Jacob Jensen", "V", "2. næstformand"),
        ("Freddy Blak", "A", None),
    ]
    listed = """Social- og Sundhedsudvalget
Referat
12-03-2019
Deltagere:
Peter Jacobsen (O), 1. næstformand- afbud
Lars La Cour (Idrætsrådet)
• Arne Bech ()
1. Godkendelse af dagsorden
Beslutning
Godkendt.
"""
    people = extract_text(listed).meetings[0].participants
    assert [(p.name, p.organisation, p.status) for p in people] == [
        ("Peter Jacobsen", None, "absent"),
        ("Lars La Cour", "Idrætsrådet", "present"),
        ("Arne Bech", None, "present"),
    ]


def test_a_transcripts_header_table_read_label_column_first():
    # one PDF page per line, as a document-sharing site prints it
    text = (
        "Teknikudvalget Referat\n\nStørrelse: px\nStarte visningen fra side:\n\n"
        'Download "Teknikudvalget Referat"\n\nTranskript\n\n'
        "1 Teknikudvalget Referat Dato 24. september 2013 Mødetidspunkt 16:00 Sluttidspunkt 17:50 "
        "Sted Medlemmer Fraværende Mødelokale 2, Vordingborg Rådhus Søren Nybo, Per Stig Sørensen, "
        "Carsten Olsen Ingen Bemærkninger\n\n"
        "2 1. Godkendelse af dagsorden Sagsfremstilling Udvalget får forelagt dagsordenen for mødet til "
        "godkendelse, og der er ikke kommet bemærkninger til den fra medlemmerne. Formanden foreslår, at "
        "punktet om vejbelysning behandles før punktet om vintertjenesten, fordi forvaltningens chef for "
        "vej og park skal gå tidligt. Beslutning Godkendt.\n\n"
        "3 2. Vejbelysning Sagsfremstilling Forvaltningen har undersøgt, hvad en udskiftning af lamperne "
        "langs hovedvejen vil koste, og foreslår en plan over tre år. Beslutning Godkendt.\n"
    )
    meeting = extract_text(text).meetings[0]
    assert (meeting.date, meeting.start_time, meeting.location) == (
        "2013-09-24",
        "16:00",
        "Mødelokale 2, Vordingborg Rådhus",
    )
    assert [p.name for p in meeting.participants] == ["Søren Nybo", "Per Stig Sørensen", "Carsten Olsen"]


def test_a_short_month_without_its_stop_and_the_place_under_the_body_line():
    text = """Skip til hoved indholdet
Dagsorden
Torsdag 10. nov 2016 kl. 10:30
Ældrerådet
Nicolaiplads 6 - Festsalen
Resumé
Den nye chef for seniorområdet præsenterer sig.
Beslutning
Taget til efterretning.
"""
    meeting = extract_text(text).meetings[0]
    assert (meeting.date, meeting.start_time, meeting.body, meeting.location) == (
        "2016-11-10",
        "10:30",
        "Ældrerådet",
        "Nicolaiplads 6 - Festsalen",
    )


def test_closed_parts_and_markers_of_agenda_lists():
    text = """Referat
Byrådet
Mødedato 17. december 2013
Mødelokale Byrådssalen
Åbne dagsordenspunkter
1 Godkendelse af dagsorden
2 Budgetomplacering 2013
Lukkede dagsordenspunkter
3 Aktuel sag om kvarteret
4 Salg af areal
1 Godkendelse af dagsorden
Beslutning
Godkendt.
5......... Lånegaranti til fjernvarmeværket. 7
"""
    assert items_of(text)[:4] == [
        ("1", "Godkendelse af dagsorden", "public"),
        ("2", "Budgetomplacering 2013", "public"),
        ("3", "Aktuel sag om kvarteret", "closed"),
        ("4", "Salg af areal", "closed"),
    ]


def test_english_and_dotted_access_markers_and_a_subject_after_a_standing_title():
    text = """Forretningsudvalget
Referat
Mødedato: 12. marts 2013
22. Meddelelser - Den Skandinaviske Arena
Beslutning
Taget til efterretning.
23. Fornyelse af alkoholbevilling... LUKKET
Beslutning
Godkendt.
24. Closed item
Beslutning
Godkendt.
"""
    assert items_of(text) == [
        ("22", "Meddelelser - Den Skandinaviske Arena", "public"),
        ("23", "Fornyelse af alkoholbevilling", "closed"),
        ("24", "", "closed"),
    ]


def test_a_transcripts_contents_run_together_on_one_line():
    text = (
        "Kultur- og udviklingsudvalget REFERAT\n\nTranskript\n\n"
        "1 Kultur- og udviklingsudvalget REFERAT Sted: Rådhuset, mødelokale 2 Dato: Mandag den 8. april 2013 "
        "Start kl.: 14:00 Slut kl.: 16:10 Medlemmer: Lars Møller (A) Eigil Henriksen (V) Kirsten Jensen (V) "
        "Fraværende: Ingen Norddjurs Kommune\n\n"
        "2 Kultur- og udviklingsudvalget Indholdsfortegnelse Side 1. Budgetopfølgning ultimo februar måned "
        "Årsregnskab sektorbeskrivelse Forslag til opstilling af vindmøller i Hevring Ådal Renovering af "
        "skulptur af Arnoldi Udmøntning af midler til ungdomsunivers Kulturhuset Stationen Trustrup, "
        "køkkenprojekt Forlængelse af aftale med Djurs Wind Power Meddelelser...36 "
        "LUKKEDE SAGER LUKKET PUNKT:... 37 Bilagsoversigt...38\n"
    )
    # (the numbers are lost with the table's columns: "Side 1" reads as the page's number)
    assert items_of(text) == [
        ("", "Budgetopfølgning ultimo februar måned", "public"),
        ("", "Årsregnskab sektorbeskrivelse", "public"),
        ("", "Forslag til opstilling af vindmøller i Hevring Ådal", "public"),
        ("", "Renovering af skulptur af Arnoldi", "public"),
        ("", "Udmøntning af midler til ungdomsunivers", "public"),
        ("", "Kulturhuset Stationen Trustrup, køkkenprojekt", "public"),
        ("", "Forlængelse af aftale med Djurs Wind Power", "public"),
        ("", "Meddelelser", "public"),
        ("", "", "closed"),
    ]


# A region's web page: the member list runs into the contents heading, each contents entry
# prints its number, title and page on three lines of their own, and the closed part has
# a contents heading of its own glued to the last open entry's page number.
THREE_LINE_CONTENTS = """Referat
Møde i Udvalget for regional udvikling
tirsdag den 8. september 2020 kl. 13:00
Mødelokale 2
Deltagere:
Lise Holm (A), Formand
Per Dam (V)Indholdsfortegnelse åbent møde
1.
Godkendelse af dagsorden
3
2.
Trafikplan 2021
4
4.
Meddelelser
9Indholdsfortegnelse lukket møde
3.
Køb af ejendom (Lukket punkt)
8

1. Godkendelse af dagsorden
Åbent
Beslutning
Godkendt.
"""


def test_a_contents_list_of_number_title_and_page_lines_names_the_items_the_excerpt_leaves_out():
    assert items_of(THREE_LINE_CONTENTS) == [
        ("1", "Godkendelse af dagsorden", "public"),
        ("2", "Trafikplan 2021", "public"),
        ("3", "Køb af ejendom", "closed"),
        ("4", "Meddelelser", "public"),
    ]
    participants = [p.name for p in extract_text(THREE_LINE_CONTENTS).meetings[0].participants]
    assert participants == ["Lise Holm", "Per Dam"]


# An association's minutes answer the agenda point by point with "Ad N." and the minutes,
# not the point's title; the excerpt ends after point 2.
POINT_BY_POINT = """Referat fra generalforsamlingen i Boldklubben Nord
den 12-3-2022.

Dagsorden:
1. Valg af dirigent
2. Beretning
3. Regnskab
4. Eventuelt

Ad 1. Ole Berg blev valgt som dirigent.

Ad 2.
Formanden fortalte om sæsonen, der gik godt trods skader.
Beretningen blev godkendt.
"""


def test_an_ad_line_takes_the_title_of_the_agenda_point_it_answers():
    meeting = extract_text(POINT_BY_POINT).meetings[0]
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Valg af dirigent"),
        ("2", "Beretning"),
        ("3", "Regnskab"),
        ("4", "Eventuelt"),
    ]
    decisions = [(item.number, d.text, d.outcome) for item in meeting.items for d in item.decisions]
    assert decisions == [
        ("1", "Ole Berg blev valgt som dirigent.", "approved"),
        ("2", "Beretningen blev godkendt.", "approved"),
    ]


# A university board's minutes: the agenda list gives item 3 lettered points and item 8
# bulleted ones, marks closed items in brackets inside the title, and the minutes answer
# only the first points ("Ad 1" without a stop). A growth forum's agenda writes its
# recommendation as "Det indstilles," over bulleted at-clauses, under no heading.
BOARD_AGENDA = """Referat af bestyrelsesmøde
Den 22. september 2009 kl. 9.00 på Sandbjerg Gods

Dagsorden
 1. Godkendelse af dagsorden
 2. Økonomi, status (lukket punkt)
  A. Økonomirapport 2 (bilag)
  B. Udsigterne for 2010 (bilag)
 3. Byggesager (bilag)
 4. Rektoratet fremadrettet (lukket punkt) (bilag)
 5. Meddelelser fra
  - Formanden
  - Rektoratet
 6. Eventuelt

Ad 1
Dagsordenen blev godkendt.
"""


def test_list_entries_with_their_own_points_and_bracketed_closed_markers_are_items():
    assert items_of(BOARD_AGENDA) == [
        ("1", "Godkendelse af dagsorden", "public"),
        ("2", "Økonomi, status", "closed"),
        ("3", "Byggesager (bilag)", "public"),
        ("4", "Rektoratet fremadrettet (bilag)", "closed"),
        ("5", "Meddelelser fra", "public"),
        ("6", "Eventuelt", "public"),
    ]


GROWTH_FORUM = """Dagsorden
Møde i Vækstforum for Region Midtjylland
Mandag den 20. marts 2006 kl. 14.00

Punkt 1: Forretningsorden
Forslag til forretningsorden.
Det indstilles,
 • at forretningsordenen godkendes,
 • at formandsudpegningen drøftes og
 • at repræsentanter til formandskabet vælges

Punkt 2: Mødeplan for 2006
Det indstilles,
 • at forslag til mødeplan drøftes
"""


def test_bulleted_at_clauses_under_no_heading_are_recommendations():
    items = extract_text(GROWTH_FORUM).meetings[0].items
    assert [item.recommendations for item in items] == [
        [
            "forretningsordenen godkendes",
            "formandsudpegningen drøftes",
            "repræsentanter til formandskabet vælges",
        ],
        ["forslag til mødeplan drøftes"],
    ]


# A housing company's minutes open with their agenda as a table of contents: dot leaders,
# page numbers and numbered sub-entries; the excerpt ends before the first item's text.
LEADERED_AGENDA = """Boligselskabet Vestly
Referat fra organisationsbestyrelsesmøde nr. 14
18. september 2012 kl. 17.00
Dagsorden:
1 Godkendelse af dagsorden ........................ 2
2 Godkendelse af referat .......................... 2
3 Afdelinger i drift .............................. 3
3.1 Status på renovering af faldstammer ........... 3
3.2 Udbud af ejendomsforsikringer ................. 4
4 Eventuelt ....................................... 5
"""


def test_an_agenda_with_dot_leaders_is_a_contents_list_and_its_sub_entries_are_sub_items():
    meeting = extract_text(LEADERED_AGENDA).meetings[0]
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Godkendelse af referat"),
        ("3", "Afdelinger i drift"),
        ("4", "Eventuelt"),
    ]
    assert [(sub.number, sub.title) for sub in meeting.items[2].subitems] == [
        ("3.1", "Status på renovering af faldstammer"),
        ("3.2", "Udbud af ejendomsforsikringer"),
    ]


# A deanery committee's minutes as a two-column table: the point (number, dash, title) in
# the first cell, what was decided in the second.
TABLE_ROWS = """Provstiudvalgsmøde den 31. maj 2024
Deltagere: Bente Kristiansen, Ejnar Kudsk, Erik Juhl
Mødepunkt | Referat |
1 - Godkendelse af dagsorden | Godkendt. |
2 - Provstesyn 2024 | Ingen bemærkninger. |
3 - Rådgiverkontrakt til godkendelse | Godkendt. |
"""


def test_a_table_row_gives_the_title_from_its_first_cell_and_the_minutes_from_the_next():
    meeting = extract_text(TABLE_ROWS).meetings[0]
    assert [(item.number, item.title, item.text) for item in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "Godkendt."),
        ("2", "Provstesyn 2024", "Ingen bemærkninger."),
        ("3", "Rådgiverkontrakt til godkendelse", "Godkendt."),
    ]
    assert [[d.text for d in item.decisions] for item in meeting.items] == [["Godkendt."], [], ["Godkendt."]]


# A museum board's Word minutes number the points of an item at a second level ("2.1").
OUTLINE_SUBITEMS = """Referat af bestyrelsesmøde 7. maj 2019
1.     Godkendelse af referat
Godkendt.
2.     Konstituering
      2.1      Valg af næstformand
Peter Holm blev valgt som ny næstformand.
2.2      Valg af sekretær
Som sekretær genvalgtes Palle Birk.
3.   Næste møde
Mødet holdes 4. juni.
"""


def test_second_level_outline_numbers_are_sub_items_with_their_own_decisions():
    items = extract_text(OUTLINE_SUBITEMS).meetings[0].items
    assert [(item.number, item.title) for item in items] == [
        ("1", "Godkendelse af referat"),
        ("2", "Konstituering"),
        ("3", "Næste møde"),
    ]
    assert [(sub.number, sub.title, [d.text for d in sub.decisions]) for sub in items[1].subitems] == [
        ("2.1", "Valg af næstformand", ["Peter Holm blev valgt som ny næstformand."]),
        ("2.2", "Valg af sekretær", ["Som sekretær genvalgtes Palle Birk."]),
    ]


# An agenda page lists the closed items by title before the open ones; their text is not
# published.
CLOSED_FIRST = """By- og Kulturudvalget - Referat 15. februar 2011
Tirsdag den 15-02-2011 kl. 08:15
Oversigtsdagsorden: Åben referat
12. Professionel scenekunst for børn og unge (Lukket)
16. Salg af grund ved havnen (Lukket)
1. Forslag til lokalplan for Anderupvej
Åbent
Sagsresumé
Lokalplanen gør en butik mulig.
Beslutning
Godkendt.
"""


def test_a_list_of_closed_items_before_the_open_ones_gives_closed_items():
    assert items_of(CLOSED_FIRST) == [
        ("1", "Forslag til lokalplan for Anderupvej", "public"),
        ("12", "Professionel scenekunst for børn og unge", "closed"),
        ("16", "Salg af grund ved havnen", "closed"),
    ]


# A village council's minutes on its web page: nothing numbered, no section headings, each
# point a few words closed by a stop over a paragraph of minutes.
VILLAGE_COUNCIL = """Referat 22. november 2007
Referat af mødet 22.11.07
Vedtægter.
De blev gennemgået, og sekretæren skriver ændringerne til årsmødet i maj 2008.
Valg.
Der blev vedtaget at nedsætte et forretningsudvalg med formand, kasserer og sekretær.
Godkendt.
Fremtiden.
Landsbyrådet ønsker mere samarbejde med naboområdet om at tiltrække nye beboere.
"""


def test_short_titles_closed_by_a_stop_over_paragraphs_are_unnumbered_items():
    meeting = extract_text(VILLAGE_COUNCIL).meetings[0]
    assert [(item.number, item.title) for item in meeting.items] == [("", "Vedtægter"), ("", "Valg"), ("", "Fremtiden")]
    assert meeting.body == "Landsbyrådet"


# Two parish council meetings on one page, newest first; the second meeting's item 3 was
# carried over and comes again as the first meeting's item 3 with the same title. That
# one title shared is no agenda list announcing the second meeting's items.
TWO_MEETINGS_ONE_CARRIED_ITEM = """Referat af menighedsrådsmøde i sognehuset onsdag den 12. marts 2025

1. Kirkegårdens hække
Hækkene klippes i maj.

2. Budget 2026
Budgettet blev godkendt.

3. Nyt orgel
Der er indhentet to tilbud, som skal sammenlignes.

4. Eventuelt
Intet.

Referat af menighedsrådsmøde i sognehuset onsdag den 5. februar 2025

1. Kirkebladet
Næste nummer udkommer i april.

2. Konfirmationer
Datoerne blev fastlagt.

3. Nyt orgel
Sagen udsættes til næste møde.
"""


def test_a_title_repeated_in_the_next_meeting_does_not_make_the_first_meeting_an_agenda_list():
    document = extract_text(TWO_MEETINGS_ONE_CARRIED_ITEM)
    assert [(m.date, [(i.number, i.title) for i in m.items]) for m in document.meetings] == [
        (
            "2025-03-12",
            [("1", "Kirkegårdens hække"), ("2", "Budget 2026"), ("3", "Nyt orgel"), ("4", "Eventuelt")],
        ),
        ("2025-02-05", [("1", "Kirkebladet"), ("2", "Konfirmationer"), ("3", "Nyt orgel")]),
    ]


# A contents list in the item style itself ("Punkt nr. 7: …...3"), with the closed part
# after it; the excerpt prints only the first item's text.
TYPED_CONTENTS = """Referat
Økonomiudvalget
Mandag den 3. marts 2025 kl. 16.00
INDHOLDSFORTEGNELSE ÅBENT MØDE:
Punkt nr. 7: Budgetopfølgning...3
Punkt nr. 8: Salg af byggegrunde...5
Punkt nr. 9: Status på IT...8
LUKKET MØDE:
Punkt nr. 10: Personalesag...9
Punkt nr. 7: Budgetopfølgning
Sagsfremstilling
Forbruget følger budgettet.
Beslutning
Taget til efterretning.
"""


def test_a_contents_list_in_the_item_style_names_the_items_the_text_leaves_out():
    assert items_of(TYPED_CONTENTS) == [
        ("7", "Budgetopfølgning", "public"),
        ("8", "Salg af byggegrunde", "public"),
        ("9", "Status på IT", "public"),
        ("10", "Personalesag", "closed"),
    ]


# A committee's web page: a short agenda list at the top whose closed part is named, then
# the items; each item's field line says its access.
FIELD_ACCESS_PAGE = """Referat af møde i Teknikudvalget
Den 09.01.2025 kl. 13:00 i Rådhuset, mødelokale 2
3. Ny busrute
Lukkede Punkter
4. Salg af grund
1. Godkendelse af dagsorden
Sag 12-2025-1 | Dok. 12-2025-7 | Åben
Beslutning
Godkendt.
2. Vejbump på Skolevej
Status: Åben
Beslutning
Godkendt.
3. Ny busrute
Sag 12-2025-3 | Dok. 12-2025-9 | Åben
Beslutning
Taget til efterretning.
4. Salg af grund
Sag 12-2025-4 | Dok. 12-2025-11 | Lukket
Beslutning
Godkendt.
"""


def test_field_lines_give_access_and_a_closed_part_named_in_the_list_closes_no_open_item():
    assert items_of(FIELD_ACCESS_PAGE) == [
        ("1", "Godkendelse af dagsorden", "public"),
        ("2", "Vejbump på Skolevej", "public"),
        ("3", "Ny busrute", "public"),
        ("4", "Salg af grund", "closed"),
    ]


def test_a_lettered_group_of_closed_items_repeated_under_the_heading_closes_the_item():
    # An agenda in lettered groups prints the group again under each item's title.
    page = (
        "Referat\nØkonomiudvalget\nMandag den 3. marts 2025 kl. 16.00\n"
        "D. Orientering\n4. Status på havnen\nD. Orientering\nÅbent - 00.01.00-A00-9-25\n"
        "BESLUTNING\nTil efterretning.\n"
        "E. Lukkede sager\n5. Salg af ejendom\nE. Lukkede sager\nLukket - 82.02.00-G10-12-25\n"
        "BESLUTNING\nGodkendt.\n"
    )
    assert items_of(page) == [("4", "Status på havnen", "public"), ("5", "Salg af ejendom", "closed")]
