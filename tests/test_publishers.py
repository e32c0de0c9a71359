"""Forms from publishers the grammar was not first written for (issue 9): each document
here is written by us in the layout those publishers use; the expected values were read
off the document by hand."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from referat.cli import main
from referat.extract import extract_bytes
from referat.extract.pages import Line
from referat.extract.structure.heading_lines import match_heading


def extract_text(text: str):
    return extract_bytes("minutes.txt", text.encode("utf-8"), enrich=False)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("• Pkt. 42 Beslutninger om dagsordenen", ("42", "Beslutninger om dagsordenen", "public")),
        ("Nr. 12 Lokalplan for Engvej", ("12", "Lokalplan for Engvej", "public")),
        ("3) Indkomne forslag", ("3", "Indkomne forslag", "public")),
        ("§ 4 Valg af bestyrelse", ("4", "Valg af bestyrelse", "public")),
        ("LUKKET 367. Genudlejning af butikslokale", ("367", "Genudlejning af butikslokale", "closed")),
        ("3. Fortrolig: Køb af ejendom", ("3", "Køb af ejendom", "closed")),
        ("12. Lukket sag: Tandpleje for børn", ("12", "Tandpleje for børn", "closed")),
        ("5. Salg af grund (Lukket)", ("5", "Salg af grund", "closed")),
        ("6. Salg af grund - lukket punkt", ("6", "Salg af grund", "closed")),
        ("7. Status på budget Åbent", ("7", "Status på budget", "public")),
        # FirstAgenda's own marker says the access; "- åbent" stays part of the title there.
        ("9 (Offentlig) Eventuelt - åbent", ("9", "Eventuelt - åbent", "public")),
        # a municipal company's board: confidentiality not waived closes the item
        ("8. Kundeforhold Vand A/S Tavshedspligt ikke fraveget", ("8", "Kundeforhold Vand A/S", "closed")),
        # a label over the next items, run onto the title before it by the text layer
        ("3. Direktionen orienterer Punkter til beslutning:", ("3", "Direktionen orienterer", "public")),
        ("7. Kontrol af vandkvalitet Punkter til orientering: Drift", ("7", "Kontrol af vandkvalitet", "public")),
        ("4. Vejbelysning Sager til efterretning", ("4", "Vejbelysning", "public")),
        # … or printed before the first item of its group
        ("ÅBNE EFTERRETNINGSSAGER 73. Strukturplan for sygehusene", ("73", "Strukturplan for sygehusene", "public")),
        ("LUKKEDE BESLUTNINGSSAGER 80. Salg af grund", ("80", "Salg af grund", "closed")),
        # a case-number label and the case's text run onto the title
        (
            "Punkt 135 Budget 2007 og overslagsårene J. nr Ifølge § 3 skal",
            ("135", "Budget 2007 og overslagsårene", "public"),
        ),
        # (lower case inside a title is no label: "punkter til" is part of it)
        ("5. Forslag om punkter til beslutning", ("5", "Forslag om punkter til beslutning", "public")),
        # compound numbers: the case's running number and the agenda place, a year and a serial
        ("49/1. Spørgetid (Åben sag)", ("49/1", "Spørgetid", "public")),
        ("61 /13 Køb og salg (Lukket sag)", ("61/13", "Køb og salg", "closed")),
        ("19-006 skilift projekt", ("19-006", "skilift projekt", "public")),
        ("KOM 19-050, Godkendelse af dagsorden", ("19-050", "Godkendelse af dagsorden", "public")),
        # … but a range of points stays a range
        ("3. - 8. Valg af enkeltmandsposter", ("3-8", "Valg af enkeltmandsposter", "public")),
    ],
)
def test_item_heading_forms_of_many_publishers(line, expected):
    heading = match_heading(Line(line, 1))
    assert heading is not None
    assert (heading.number, heading.title, heading.access) == expected


def test_a_lower_case_sentence_with_a_number_is_no_heading():
    assert match_heading(Line("3. at udvalget godkender planen", 1)) is None
    assert match_heading(Line("punkt 5 blev udsat til næste møde", 1)) is None


GENERAL_ASSEMBLY = """Referat af ordinær generalforsamling i Grundejerforeningen Kildevang
Afholdt tirsdag den 14. marts 2023 kl. 19.00 i Kildevangs fælleshus

Dagsorden:
1. Valg af dirigent
2. Bestyrelsens beretning
3. Fremlæggelse af regnskab
4. Indkomne forslag
5. Eventuelt

1. Valg af dirigent
Bestyrelsen pegede på Lise Holm, som blev valgt uden modkandidat.

2. Bestyrelsens beretning
Formanden gennemgik året. Der kom spørgsmål til to emner:
1. Belysning på stierne
2. Vedligehold af legepladsen
Beretningen blev godkendt.

3. Fremlæggelse af regnskab
Kassereren viste et overskud. Regnskabet blev godkendt.

4. Indkomne forslag
Et forslag om fælles snerydning blev drøftet og sat til afstemning.

5. Eventuelt
Ingen bemærkninger.
"""


def test_a_general_assembly_in_plain_text_gets_its_items_not_the_lists_inside_them():
    [meeting] = extract_text(GENERAL_ASSEMBLY).meetings
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Valg af dirigent"),
        ("2", "Bestyrelsens beretning"),
        ("3", "Fremlæggelse af regnskab"),
        ("4", "Indkomne forslag"),
        ("5", "Eventuelt"),
    ]
    # The list inside item 2 stays its text.
    assert "Belysning på stierne" in (meeting.items[1].text or "")


def test_a_general_assembly_header_gives_kind_body_organisation_date_time_and_place():
    [meeting] = extract_text(GENERAL_ASSEMBLY).meetings
    assert meeting.kind == "referat"
    # The general assembly is who meets; the association is its organisation (gold/real-dev convention).
    assert (meeting.body, meeting.organisation) == ("Generalforsamling", "Grundejerforeningen Kildevang")
    assert (meeting.date, meeting.start_time) == ("2023-03-14", "19:00")
    assert meeting.location == "Kildevangs fælleshus"


WEB_MINUTES = """Byrådet - Referat
Dato: 29. januar 2020 Lokale: Byrådssalen, Rådhuset Tidspunkt: Kl. 19:00

1. Godkendelse af dagsorden
Sagsfremstilling
Dagsordenen forelægges til godkendelse.
Beslutning
Godkendt.
Til toppen

2. Salg af byggegrund
Sagsfremstilling
Forvaltningen har modtaget et bud på grunden.
Beslutning
Godkendt.
"""


def test_label_value_pairs_on_one_line_and_the_body_in_the_title_line():
    [meeting] = extract_text(WEB_MINUTES).meetings
    assert meeting.kind == "referat"
    assert meeting.body == "Byrådet"
    assert (meeting.date, meeting.start_time) == ("2020-01-29", "19:00")
    assert meeting.location == "Byrådssalen, Rådhuset"
    assert [item.title for item in meeting.items] == ["Godkendelse af dagsorden", "Salg af byggegrund"]


def test_a_labelled_number_alone_on_its_line_takes_its_title_from_the_next():
    text = "Referat\nPkt. 42\nMeddelelser fra formanden\nBeslutning\nTaget til efterretning.\n"
    text += "Pkt. 43\nBudgetopfølgning\nBeslutning\nGodkendt.\n"
    [meeting] = extract_text(text).meetings
    assert [(item.number, item.title) for item in meeting.items] == [
        ("42", "Meddelelser fra formanden"),
        ("43", "Budgetopfølgning"),
    ]


def test_a_minutes_document_without_date_or_body_says_so():
    document = extract_text("Referat\n\nPunkt 1 Velkomst\nReferat\nFormanden bød velkommen.\n")
    assert "meeting 1 (pages 1-1): no meeting date found" in document.warnings
    assert "meeting 1 (pages 1-1): no body (who met) found" in document.warnings


def test_doctor_names_the_lines_it_did_not_understand(tmp_path):
    path = tmp_path / "generalforsamling.txt"
    path.write_text(GENERAL_ASSEMBLY, encoding="utf-8")
    result = CliRunner().invoke(main, ["doctor", str(path)])
    assert result.exit_code == 0
    assert "not understood (numbered line): 1. Belysning på stierne" in result.output
    # Items that were read are not listed.
    assert "Valg af dirigent" not in result.output


def test_doctor_on_a_missing_file_is_one_line_and_exit_1(tmp_path):
    result = CliRunner().invoke(main, ["doctor", str(tmp_path / "none.pdf")])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("none.pdf: No such file or directory")


COMMITTEE_WITH_CLOSED_PART = """Økonomiudvalget - Referat
Mødedato: Tirsdag den 4. juni 2019
Mødested: Mødelokale 1

Indhold:
101. Godkendelse af dagsorden
102. Budgetopfølgning
LUKKET MØDE
103. Køb af ejendom

ÅBENT MØDE

101. Godkendelse af dagsorden
Beslutning
Godkendt.

102. Budgetopfølgning
Beslutning
Taget til efterretning.

LUKKET MØDE

103. Køb af ejendom
Beslutning
Godkendt.
"""


def test_items_under_a_closed_part_heading_are_closed_and_the_agenda_list_marker_does_not_leak():
    [meeting] = extract_text(COMMITTEE_WITH_CLOSED_PART).meetings
    assert [(item.number, item.access) for item in meeting.items] == [
        ("101", "public"),
        ("102", "public"),
        ("103", "closed"),
    ]
    assert [d.outcome for item in meeting.items for d in item.decisions] == ["approved", "noted", "approved"]


def test_a_capitalised_closed_marker_needs_a_number_to_be_an_item():
    assert match_heading(Line("LUKKET MØDE", 1)) is None


@pytest.mark.parametrize(
    "header, date, time",
    [
        ("Dato: Onsdag, April 3, 2019 - 18:00", "2019-04-03", "18:00"),
        ("Dato:\nTorsdag, 14 marts, 2019 - 18:30", "2019-03-14", "18:30"),
        ("Referat fra generalforsamling\nSøndag d. 31/3 2019\npå Pedersholm", "2019-03-31", None),
        ("01-10-2018 kl. 18:00\nByrådssalen", "2018-10-01", "18:00"),
    ],
)
def test_header_dates_in_web_forms(header, date, time):
    [meeting] = extract_text(f"Referat\n{header}\n\nPunkt 1 Velkomst\nReferat\nFormanden bød velkommen.\n").meetings
    assert (meeting.date, meeting.start_time) == (date, time)


def test_a_place_on_the_line_under_an_unlabelled_date_line():
    text = "Referat fra generalforsamling\nSøndag d. 31/3 2019\npå Pedersholm\n\n1. Valg af dirigent\nKim blev valgt.\n"
    text += "\n2. Beretning\nBeretningen blev godkendt.\n"
    [meeting] = extract_text(text).meetings
    assert meeting.location == "Pedersholm"
    assert [(d.text, d.outcome) for item in meeting.items for d in item.decisions] == [
        ("Kim blev valgt.", "approved"),
        ("Beretningen blev godkendt.", "approved"),
    ]


def test_votes_written_stance_first_and_several_absentees():
    from referat.extract.enrich.positions import find_positions

    votes = (
        "For forslaget stemte 21, Venstre, Eli Jacobi Nielsen (O), Enhedslisten og Socialdemokratiet.\n"
        "Imod forslaget stemte 4, Lars Folmann (O), Borgerlisten.\n"
        "Undlod at stemme: F"
    )
    assert [(p.actor, p.stance) for p in find_positions(votes)] == [
        ("Venstre", "for"),
        ("Eli Jacobi Nielsen", "for"),
        ("Enhedslisten", "for"),
        ("Socialdemokratiet", "for"),
        ("Lars Folmann", "against"),
        ("Borgerlisten", "against"),
        ("SF - Socialistisk Folkeparti", "abstain"),
    ]
    absent = "Rådmand Kristian Würtz og Keld Hvalsø var forhindret i at deltage i sagens behandling."
    assert [(p.actor, p.stance) for p in find_positions(absent)] == [
        ("Kristian Würtz", "not_participating"),
        ("Keld Hvalsø", "not_participating"),
    ]


# Items numbered by Word at level 0 (from 1) and a numbered list inside an item at level 1.
_TWO_LEVELS = """
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
"""


def test_a_second_level_word_list_under_an_item_is_no_new_meeting():
    from builders import make_docx, paragraph

    body = (
        paragraph("Referat")
        + paragraph("Økonomiudvalget")
        + paragraph("Budgetopfølgning", num_id="1", level=0, bold=True)
        + paragraph("Beslutning")
        + paragraph("Udvalget besluttede:")
        + paragraph("Anlægsprojekter udskydes", num_id="1", level=1)
        + paragraph("Driftsrammen fastholdes", num_id="1", level=1)
        + paragraph("Mødeplan 2026", num_id="1", level=0, bold=True)
        + paragraph("Beslutning")
        + paragraph("Godkendt.")
    )
    document = extract_bytes("referat.docx", make_docx(body, _TWO_LEVELS), enrich=False)
    [meeting] = document.meetings
    assert [(item.number, item.title) for item in meeting.items] == [("1", "Budgetopfølgning"), ("2", "Mødeplan 2026")]


def test_prose_before_the_first_item_is_kept_as_the_meetings_own_text():
    text = (
        "Referat af ordinær generalforsamling i Grundejerforeningen Bakkely\n"
        "Afholdt den 4. marts 2024 kl. 19.30\n\n"
        "Til stede var 21 medlemmer, der repræsenterede 15 parceller.\n"
        "Formanden bød velkommen og takkede for fremmødet.\n\n"
        "1. Valg af dirigent\nPeter Holm blev valgt.\n\n2. Beretning\nBeretningen blev godkendt.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [item.title for item in meeting.items] == ["Valg af dirigent", "Beretning"]
    assert "Til stede var 21 medlemmer" in meeting.sections[0].text
    # A header without prose adds nothing (the meeting's text is in its items).
    [plain] = extract_text("Referat\nPunkt 1 Velkomst\nReferat\nFormanden bød velkommen.\n").meetings
    assert plain.sections == []


def test_amounts_with_the_currency_first_and_minus_signs():
    from referat.extract.enrich.amounts import find_amounts

    text = "Overskuddet var kr. 181.147, underskuddet kr. -12.500 og resultatet -2,5 mio. kr."
    assert [(a.text, a.value) for a in find_amounts(text)] == [
        ("kr. 181.147", 181147.0),
        ("kr. -12.500", -12500.0),
        ("-2,5 mio. kr.", -2500000.0),
    ]


def test_a_year_stated_just_before_places_a_date_printed_without_one():
    import datetime

    from referat.extract.dates import find_dates

    meeting_date = datetime.date(2024, 3, 1)
    found = find_dates("Generalforsamlingen blev i 2024 holdt den 5. oktober.", meeting_date)
    assert [(d.text, d.start) for d in found][-1] == ("den 5. oktober", datetime.date(2024, 10, 5))
    # Without a year in the sentence the nearest 5 October to the meeting stands.
    assert find_dates("Mødet holdes den 5. oktober.", meeting_date)[0].start == datetime.date(2023, 10, 5)


BOARD_MINUTES_ONE_PARAGRAPH_AN_ITEM = """Referat af bestyrelsesmøde i Boldklubben Vestergård
Mødet blev holdt den 9. oktober 2024 kl. 19.00

1) Godkendelse af referat Referatet fra sidste møde blev godkendt uden bemærkninger.

2) Opfølgning fra sidste møde
a) Klubhus – status. Jonas har bestilt en ny dør. Malerarbejdet er udsat til foråret.
b) Nøgler: Venter til næste møde.
c) Boldrum: Camilla rydder op i weekenden, og de gamle net bliver kasseret.

3) Kontingent – bestyrelsen foreslår, at kontingentet for 2025 forbliver 600 kr. om året.

4) Eventuelt Ulla fortalte om sommerens turnering og bad om hjælpere.
"""


def test_titles_end_where_the_minutes_on_the_heading_line_begin():
    [meeting] = extract_text(BOARD_MINUTES_ONE_PARAGRAPH_AN_ITEM).meetings
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Godkendelse af referat"),  # a standing title, then prose without a separator
        ("2", "Opfølgning fra sidste møde"),
        ("3", "Kontingent"),  # a dash before a sentence
        ("4", "Eventuelt"),
    ]
    assert [(sub.number, sub.title) for sub in meeting.items[1].subitems] == [
        ("a", "Klubhus – status"),  # a full stop before sentences (not the dash inside the title)
        ("b", "Nøgler"),  # a colon before a sentence
        ("c", "Boldrum"),
    ]
    # Nothing is lost: the minutes are the item's (or sub-item's) text.
    assert meeting.items[0].text.startswith("Referatet fra sidste møde blev godkendt")
    assert meeting.items[1].subitems[1].text == "Venter til næste møde."
    assert [(d.text, d.outcome) for d in meeting.items[0].decisions] == [
        ("Referatet fra sidste møde blev godkendt uden bemærkninger.", "approved")
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Lokalplan 112 for boliger ved Skovvej. Endelig vedtagelse",
        "Budget 2025: 2. behandling",
        "Kommuneplantillæg nr. 4 - Forslag til offentlig høring",
        "Godkendelse af referat fra mødet den 3. juni 2024",
        "Valg af dirigent og referent",
    ],
)
def test_a_council_title_in_parts_keeps_them(title):
    from referat.extract.structure.titles import minutes_after_title

    assert minutes_after_title(title) == (title, "")


def test_a_word_list_that_lost_its_numbers_keeps_every_item_despite_empty_entries():
    text = (
        "Referat fra menighedsrådsmødet den 12. marts 2024 kl. 19.00\n\n"
        " 1. Godkendelse af dagsorden\nGodkendt.\n\n"
        " 1. Bemærkninger til referatet\n 2.  \n\n"
        " 1. Meddelelser\nFormanden orienterede om provstiets budgetsamråd.\n\n"
        " 1. Kirkegården\nDer er bestilt nye skilte.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [item.title for item in meeting.items] == [
        "Godkendelse af dagsorden",
        "Bemærkninger til referatet",
        "Meddelelser",
        "Kirkegården",
    ]


def test_capital_letter_sub_items_need_their_sibling_and_are_no_clauses():
    text = (
        "Referat af bestyrelsesmøde den 2. februar 2024\n\n"
        "1. Godkendelse af dagsorden\nGodkendt.\n\n"
        "2. Arrangementer\nA. Sommerstævne\nDer er 14 hold tilmeldt.\nB. Juleafslutning\nHoldes i hallen.\n\n"
        "3. Økonomi\nIndstilling\nDet indstilles,\n"
        "A. Regnskabet for 2023 godkendes.\nB. Budgettet for 2024 godkendes.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [(s.number, s.title) for s in meeting.items[1].subitems] == [("A", "Sommerstævne"), ("B", "Juleafslutning")]
    assert meeting.items[2].subitems == []


@pytest.mark.parametrize(
    "sentence, outcome",
    [
        ("Formandens beretning godkendt.", "approved"),
        ("Mette, have 14, genvalgt.", "approved"),
        ("Godkendt.", "approved"),
        ("Udskydes til næste møde, da flere havde meldt afbud.", "postponed"),
        ("Menighedsrådet godkendte kvartalsrapporten.", "approved"),
        ("Det blev besluttet, at klubhuset males til foråret.", "approved"),
        ("Forslaget blev forkastet med 12 stemmer mod 20.", "rejected"),
        # a clause after the report: "…, og det blev …", "– bestyrelsen besluttede, at …"
        ("Kassereren gennemgik regnskabet, og det blev derefter godkendt", "approved"),
        ("Klagen blev drøftet med træneren – bestyrelsen besluttede, at klubben klager igen", "approved"),
        # a longer subject, with no full stop (a web page's bullet)
        ("Referatet af bestyrelsesmødet den 25. februar 2014 blev godkendt", "approved"),
    ],
)
def test_decisions_in_the_telegraphic_style_of_association_minutes(sentence, outcome):
    from referat.extract.structure.decisions import prose_decisions

    assert [(d.text, d.outcome) for d in prose_decisions(sentence)] == [(sentence, outcome)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kassereren har ikke godkendt bilagene endnu, men vi venter på svar.",
        "Godkendelse af regnskab",
        "Formanden fortalte, at kommunen har godkendt byggeriet, og at arbejdet går i gang til sommer.",
        "Banerne blev drøftet – der tages kontakt til naboklubben om træningstider",
    ],
)
def test_prose_that_decides_nothing_is_no_decision(sentence):
    from referat.extract.structure.decisions import prose_decisions

    assert prose_decisions(sentence) == []


def test_recommendations_one_clause_a_line_and_the_committees_word_after_them():
    from referat.extract.structure.recommendations import split_recommendations

    def lines(*texts):
        return [Line(text, 1) for text in texts]

    assert split_recommendations(
        lines(
            "Økonomiudvalget indstiller til Byrådet, at",
            "budgetforslaget for 2025 og overslagsårene vedtages,",
            "udskrivningsprocenten fastsættes til 25,0 procent, og",
            "grundskyldspromillen fastsættes til 24,5.",
        )
    ) == [
        "budgetforslaget for 2025 og overslagsårene vedtages",
        "udskrivningsprocenten fastsættes til 25,0 procent",
        "grundskyldspromillen fastsættes til 24,5.",
    ]
    assert split_recommendations(
        lines("Direktionen indstiller,", "at overførslerne godkendes", "at de finansieres af kassen")
    ) == ["overførslerne godkendes", "de finansieres af kassen"]
    assert split_recommendations(
        lines(
            "Forvaltningen indstiller, at byrådet godkender:",
            "1. Forslaget til lokalplan offentliggøres i 8 uger.",
            "2. Forslaget til kommuneplantillæg offentliggøres samtidig.",
            "Teknik- og Miljøudvalget anbefaler indstillingen.",
        )
    ) == [
        "Forslaget til lokalplan offentliggøres i 8 uger.",
        "Forslaget til kommuneplantillæg offentliggøres samtidig.",
    ]
    assert split_recommendations(lines("Forvaltningen foreslår, at orienteringen tages til efterretning.")) == [
        "orienteringen tages til efterretning."
    ]


def test_a_recommendation_written_into_the_resume_and_a_qualified_indstilling_heading():
    text = (
        "Referat\nRegionsrådet\n\n"
        "1. Godkendelse af dagsorden\nResume\nDagsordenen forelægges.\nForretningsudvalget indstiller,\n"
        "at dagsordenen godkendes.\nBeslutning\nGodkendt.\n\n"
        "2. Skema B for almene boliger\nAdministrativ indstilling\nDirektøren indstiller, at\n"
        "skema B godkendes,\nanskaffelsessummen fastsættes til 48 mio. kr.\nBeslutning\n"
        "Godkendt.\nFraværende:\n\n"
        "3. Status på ventetider\nBeslutning\nFraværende:\nTaget til efterretning.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [item.recommendations for item in meeting.items] == [
        ["dagsordenen godkendes."],
        ["skema B godkendes", "anskaffelsessummen fastsættes til 48 mio. kr."],
        [],
    ]
    # An (empty) absence field inside the decision does not take the decision's text away.
    assert [d.outcome for d in meeting.items[2].decisions] == ["noted"]


@pytest.mark.parametrize(
    "lines, expected",
    [
        (  # a small board: first names after the labels, "Ingen" is nobody
            ["Til stede: Allan, Birte, John og Lise", "Afbud: Jette og Hanne", "Fraværende: Ingen"],
            [("Allan", None, "present"), ("Birte", None, "present"), ("John", None, "present"),
             ("Lise", None, "present"), ("Jette", None, "absent"), ("Hanne", None, "absent")],
        ),
        (  # numbered entries with a role before the name; a party after a comma
            ["Deltagerne var:", "1. Borgmester Mette Holm (A)", "2. Lars Berg, (V)"],
            [("Mette Holm", "A", "present"), ("Lars Berg", "V", "present")],
        ),
        (  # roles after dashes, "samt", a role before a colon, a member outside the parties
            ["Til stede: Helle Bang - formand, Ib Lund, Kaj Moos – graver samt suppleant: Anne Roed.",
             "Fraværende med afbud: Frits Mohr (Løsgænger)"],
            [("Helle Bang", None, "present"), ("Ib Lund", None, "present"), ("Kaj Moos", None, "present"),
             ("Anne Roed", None, "present"), ("Frits Mohr", "Løsgænger", "absent")],
        ),
        (  # groups inside the list
            ["Deltagere:", "Forældrevalgte: Palle Krog, Tina Schou.", "Fraværende:", "Elevrepræsentanter: Marie Bro."],
            [("Palle Krog", None, "present"), ("Tina Schou", None, "present"), ("Marie Bro", None, "absent")],
        ),
    ],
)  # fmt: skip
def test_participant_lists_of_boards_parishes_and_councils(lines, expected):
    from referat.extract.structure.participants import read_participants

    assert [(p.name, p.party, p.status) for p in read_participants(lines)] == expected


def test_attendance_told_as_a_substitution_or_an_exception():
    from referat.extract.structure.participant_sentences import attendance_sentences

    told = attendance_sentences(
        [
            "Alle medlemmer var mødt undtagen Anders Kühn og Inger Trye, der havde meldt afbud.",
            "Ib Holm (A) deltog i mødet i stedet for Tanja Lind (A).",
            "Mødet blev holdt i stedet for Rådhusets sal i Kulturhuset.",
        ]
    )
    assert [(p.name, p.party, p.status) for p in told] == [
        ("Anders Kühn", None, "absent"),
        ("Inger Trye", None, "absent"),
        ("Tanja Lind", "A", "absent"),
        ("Ib Holm", "A", "present"),
    ]


def test_the_participant_list_minuted_under_the_first_item():
    text = (
        "Referat\nØkonomiudvalget\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\nFraværende med afbud:\nIngen.\n"
        "Deltagerne var:\n1. Borgmester Mette Holm (A)\n2. Lars Berg (V)\nDagsordenen blev godkendt.\n\n"
        "2. Meddelelser\nBeslutning\nTaget til efterretning.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [(p.name, p.party, p.status) for p in meeting.participants] == [
        ("Mette Holm", "A", "present"),
        ("Lars Berg", "V", "present"),
    ]


@pytest.mark.parametrize(
    "header, body",
    [
        ("Referat af hovedbestyrelsesmøde 4/2024\nMødested: Hotel Strand", "Hovedbestyrelsen"),
        ("Vedr. Menighedsrådsmøde d. 25. januar 2024\nDeltagere: Alle", "Menighedsrådet"),
        ("Referat af ældrerådsmødet den 3. maj 2024", "Ældrerådet"),
        ("MØDE I SAMMENLÆGNINGSUDVALGET FOR VESTBY KOMMUNE\nTirsdag den 21. marts 2006", "Sammenlægningsudvalget"),
        ("Grf. Solvang | Referat af ekstraordinær generalforsamling 7. juni 2023", "Generalforsamling"),
    ],
)
def test_the_body_a_meeting_noun_or_a_capitalised_title_names(header, body):
    text = header + "\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n"
    assert extract_text(text).meetings[0].body == body


def test_a_meeting_noun_that_names_no_particular_body_gives_none():
    from referat.extract.structure.meeting_body import body_of_meeting_compound

    assert [body_of_meeting_compound(w) for w in ("rådsmøde", "borgermøde", "skolebestyrelsesmødet")] == [
        None,
        None,
        "Skolebestyrelsen",
    ]


@pytest.mark.parametrize(
    "header, place",
    [
        ("Torsdag den 15. marts 2018 kl. 12.30 – 16.00, Mødelokale 292, 2. sal, Rådhuset",
         "Mødelokale 292, 2. sal, Rådhuset"),
        ("Referat af generalforsamling torsdag den 18. juni 2020 hos Vestby Rideklub", "Vestby Rideklub"),
        ("Mødedato 3. maj 2024\nMødelokale Vandværket", "Mødelokale Vandværket"),
        ("Mødedato 3. maj 2024\nMødelokale Udvalgsværelse D", "Udvalgsværelse D"),
        # a header row flattened: date, time, room, then a note (the room up to its last room word)
        ("Åbent referat for Kulturudvalgets møde den 11.06.2012 kl. 16:00 Byrådssalen Tilgår pressen",
         "Byrådssalen"),
        ("Referat af Økonomiudvalgets møde den 25.06.2007 kl. 10:00 Lokale D116, Silkeborg Rådhus",
         "Lokale D116, Silkeborg Rådhus"),
    ],
)  # fmt: skip
def test_places_after_the_time_after_hos_and_rooms_without_a_colon(header, place):
    text = "Referat\nSocialudvalget\n" + header + "\n1. Godkendelse af dagsorden\nGodkendt.\n"
    assert extract_text(text).meetings[0].location == place


@pytest.mark.parametrize(
    "line, expected",
    [
        ("1. | Godkendelse af dagsorden", ("1", "Godkendelse af dagsorden")),  # number and title in table cells
        ("4 | Salg af grund", ("4", "Salg af grund")),
        ("2. - Budgetopfølgning", ("2", "Budgetopfølgning")),
        ("3. - 8. Valg af enkeltmandsposter", ("3-8", "Valg af enkeltmandsposter")),  # a range, not "8. Valg …"
        ("3 | 45 | 2024", None),  # numbers in a table are no heading
    ],
)
def test_heading_forms_of_table_rows_and_dashes(line, expected):
    heading = match_heading(Line(line, 1))
    assert (heading and (heading.number, heading.title)) == expected


def test_titles_printed_in_the_running_header_above_each_case_number():
    text = (
        "Kulturudvalget. Referat. Dato 08. september 2014\nMødetidspunkt 16:00\n"
        "Vestby Kommune Dato Side Kulturudvalget Godkendelse af dagsorden Åben sag\n"
        "Sagsnr.: 14/2201 Sagen afgøres i: Kulturudvalget\nSagsfremstilling\nDagsordenen er udsendt.\n"
        "Beslutning\nGodkendt.\n"
        "Vestby Kommune Dato Side Kulturudvalget Tilskud til spillestedet Lukket sag\n"
        "Sagsnr.: 14/2250 Sagen afgøres i: Kulturudvalget\nSagsfremstilling\nSpillestedet søger tilskud.\n"
        "Beslutning\nBevilget.\n"
    )
    [meeting] = extract_text(text).meetings
    assert meeting.body == "Kulturudvalget"
    assert [(item.title, item.access) for item in meeting.items] == [
        ("Godkendelse af dagsorden", "public"),
        ("Tilskud til spillestedet", "closed"),
    ]


def test_item_rows_under_a_column_header_and_a_glued_accordion_button():
    text = (
        "Byrådet - Referat\nDato: 3. juni 2013\n"
        "Punkt Titel\n88 Indkaldelse af stedfortræder\nBeslutning\nTiltrådt.\n"
        "Punkt Titel\n89 Klage over afgørelse i bevillingsnævnet\nKlagen er modtaget.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [(item.number, item.title) for item in meeting.items] == [
        ("88", "Indkaldelse af stedfortræder"),
        ("89", "Klage over afgørelse i bevillingsnævnet"),
    ]
    heading = match_heading(Line("191. Godkendelse af dagsordenÅbn/luk punkt", 1))
    assert heading is not None and heading.title == "Godkendelse af dagsorden"


@pytest.mark.parametrize(
    "line, body",
    [
        ("VESTBY KOMMUNE. Åbent referat. til Økonomiudvalget", "Økonomiudvalget"),
        ("Økonomiudvalg Referat Møde 22. marts 2011 kl. 08:00", "Økonomiudvalg"),
    ],
)
def test_bodies_in_transcribed_title_lines(line, body):
    text = line + "\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n2. Meddelelser\nBeslutning\nIngen.\n"
    assert extract_text(text).meetings[0].body == body


@pytest.mark.parametrize(
    "sentence, outcome",
    [
        ("Kvartalsrapporten for 2. kvartal 2016 blev gennemgået og godkendt.", "approved"),  # "2." inside
        ("Bestyrelsen pegede på Inge Holm som dirigent, og beboerne godkendte forslaget.", "approved"),
        ("Begge dele godkendt uden kommentarer", "approved"),
        ("Derefter blev årsberetningen godkendt af alle.", "approved"),
        ("Sagen tages op igen i oktober", "postponed"),
        ("Der træffes beslutning på septembermødet.", "postponed"),
        ("Der blev vedtaget at nedsætte et forretningsudvalg.", "approved"),
        ("Til disse poster valgtes Kent Budolfsen og Poul Sørensen.", "approved"),
        ("Referat OK.", "approved"),
        ("Kommer på næste gang", "postponed"),
    ],
)
def test_more_prose_decisions_of_boards_and_parishes(sentence, outcome):
    from referat.extract.structure.decisions import prose_decisions

    assert [(d.text, d.outcome) for d in prose_decisions(sentence)] == [(sentence, outcome)]


def test_one_stray_heading_does_not_silence_the_prose_decisions_of_a_general_assembly():
    text = (
        "Referat af generalforsamling i Vestby Idrætsforening, tirsdag d. 15/9 2020.\n\n"
        "1) Valg af dirigent: Jens Holm blev valgt.\n\n"
        "2) Bestyrelsens beretning\nFormanden gennemgik beretningen.\nDerefter blev beretningen godkendt af alle.\n\n"
        "3) Eventuelt\nForslag:\nFlere hold om formiddagen.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [(item.number, [d.text for d in item.decisions]) for item in meeting.items] == [
        ("1", ["Jens Holm blev valgt."]),
        ("2", ["Derefter blev beretningen godkendt af alle."]),
        ("3", []),
    ]


def test_a_title_that_is_the_minute_is_the_decision():
    text = (
        "Referat fra ekstraordinær generalforsamling\nHaveforeningen Solbakken\nLørdag den 20. januar 2024\n\n"
        "Punkt 1. Pia Lund blev valgt til dirigent.\n\nPunkt 2. Lykke Eriksen blev valgt til referent.\n\n"
        "Punkt 3. Vedtægtsændringer\nForslaget blev forkastet.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [[(d.text, d.outcome) for d in item.decisions] for item in meeting.items] == [
        [("Pia Lund blev valgt til dirigent.", "approved")],
        [("Lykke Eriksen blev valgt til referent.", "approved")],
        [("Forslaget blev forkastet.", "rejected")],
    ]


def test_officers_named_in_the_minutes_of_a_general_assembly():
    text = (
        "Referat fra ordinær generalforsamling\nHaveforeningen Solbakken\nLørdag den 20. april 2024\n"
        "Til stede var Karen, Mette og Jørgen\nDirigent: Ole Bak\n\n"
        "1. Valg af dirigent\nOle Bak blev valgt til dirigent.\n\n"
        "2. Valg af referent\nLykke Eriksen blev valgt som referent.\n\n"
        "3. Beretning\nFormand Kim Holm gennemgik året. Beretningen blev godkendt.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [(p.name, p.role, p.status) for p in meeting.participants] == [
        ("Karen", None, "present"),
        ("Mette", None, "present"),
        ("Jørgen", None, "present"),
        ("Ole Bak", "dirigent", "present"),
        ("Lykke Eriksen", "referent", "secretary"),
        ("Kim Holm", "formand", "present"),
    ]


def test_a_word_list_that_restarted_its_numbering_stays_one_meeting():
    text = (
        "Referat af lokalrådsmødet mandag den 6. marts 2017 klokken 18.30\n\n"
        " 1. Godkendelse af dagsorden og referat\nBegge dele godkendt uden kommentarer\n\n"
        " 2. Regnskab 2016\nKassereren er ved at lave regnskabet.\n\n"
        " 1. Sommerfest\nDer henvises til referatet fra februar.\n\n"
        " 2. Siden sidst\nHusk at søge fonde hos Miljøfonden og Friluftsrådet.\n\n"
        " 3. Eventuelt\nIntet.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Godkendelse af dagsorden og referat"),
        ("2", "Regnskab 2016"),
        ("1", "Sommerfest"),
        ("2", "Siden sidst"),
        ("3", "Eventuelt"),
    ]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("1 Åbent Godkendelse af dagsorden", ("1", "Godkendelse af dagsorden", "public")),
        ("5. LUKKET Køb af ejendom", ("5", "Køb af ejendom", "closed")),
        ("3. Åben skole i Vestby", ("3", "Åben skole i Vestby", "public")),  # a title, not a marker
        ("Punkt 3) Budget 2025", ("3", "Budget 2025", "public")),
        ("3Budget 2025", ("3", "Budget 2025", "public")),  # the number's box glued to the title
    ],
)
def test_access_words_between_number_and_title_and_glued_numbers(line, expected):
    heading = match_heading(Line(line, 1))
    assert heading is not None and (heading.number, heading.title, heading.access) == expected


@pytest.mark.parametrize(
    "header, body",
    [
        ("Økonomiudvalget, Referat, 12. marts 2019", "Økonomiudvalget"),
        ("Kommunalbestyrelsens møde 12. marts 2019", "Kommunalbestyrelsen"),
        ("Byrådet 12-03-2019 Side 3 af 20", "Byrådet"),
        ("Referat af ordinært møde i Kommunalbestyrelsen 12. marts 2019", "Kommunalbestyrelsen"),
        ("Handicaprådet\nReferat af møde den 12. marts 2019", "Handicaprådet"),
        ("Beredskabskommissionen - referat - 12.03.2019", "Beredskabskommissionen"),
        ("Social- og Sundhedsudvalget | Referat | 12-03-2019", "Social- og Sundhedsudvalget"),
        ("Lokaludvalget Amager Vest\nReferat af mødet 12. marts 2019", "Lokaludvalget Amager Vest"),
        # the council term printed with the name is not part of it
        ("Uddannelsesudvalget (2018-2021)\nReferat\n12. marts 2019", "Uddannelsesudvalget"),
    ],
)
def test_body_lines_of_councils_committees_and_boards(header, body):
    text = header + "\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Meddelelser\nBeslutning\nIngen.\n"
    assert extract_text(text).meetings[0].body == body


def test_a_council_title_with_a_dash_keeps_its_second_part_and_vote_lines_are_no_titles():
    text = (
        "Referat\nØkonomiudvalget\n"
        "• 1\nCafé Havblik - ansøgning om ændrede vilkår for udeservering m.m.\nSagsid.: 20/2955\n"
        "Indstilling\nAdministrationen indstiller til Økonomiudvalget\n• at ansøgningen afslås\n"
        "Beslutning\nAd 1\nFor stemte: | 5 (A+V)\nImod stemte: 2 (C+O)\nGodkendt.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Café Havblik - ansøgning om ændrede vilkår for udeservering m.m.")
    ]
    assert meeting.items[0].recommendations == ["ansøgningen afslås"]


def test_a_member_table_with_user_ids_a_title_from_the_next_line_with_its_access_and_a_us_date():
    from referat.extract.structure.header_fields import header_date

    text = (
        "Referat\nByrådet\nMødedato: | 8/29/2019 4:00:00 PM\nMedlemmer\n"
        "Klaus Hansen (hjkh) | V\nLars Tegl Rasmussen (latr) | -\n"
        "124.\nOrientering om budget\nBeslutning\nTaget til efterretning.\n"
        "125.\nKøb af ejendom Lukket punkt\nBeslutning\nGodkendt.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [(p.name, p.party) for p in meeting.participants] == [("Klaus Hansen", "V"), ("Lars Tegl Rasmussen", None)]
    assert [(item.title, item.access) for item in meeting.items] == [
        ("Orientering om budget", "public"),
        ("Køb af ejendom", "closed"),
    ]
    assert (meeting.date, meeting.start_time) == ("2019-08-29", "16:00")
    assert header_date("Mødedato: 3/4/2019") == "2019-04-03"  # without AM/PM: Danish, day first


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Beslutning i Byrådet 27. november 2018:", "decision"),  # no "den"
        ("BESLUTNING: Økonomiudvalget den 22-10-2020", "decision"),
        ("Beslutning i Erhvervsudvalget den", "decision"),  # the date lost by a transcript
        ("Beslutning: Sagen blev udsat til 3. maj 2019", None),  # a decision's text, not its heading
        ("Beslutning vedr. lokaludvalgets mødekalender 2017", None),  # an item's title
    ],
)
def test_decision_headings_without_den_or_after_a_colon(line, kind):
    from referat.extract.structure.heading_lines import section_kind

    assert section_kind(line) == kind


@pytest.mark.parametrize(
    "text, outcome",
    [
        ("Sagen sendes til Økonomiudvalget, som udarbejder et forslag.", "referred"),
        ("Sagen sendes til høring i otte uger.", None),
        ("Et flertal besluttede ikke at gå videre med forslaget.", "rejected"),
    ],
)
def test_more_outcome_phrasing(text, outcome):
    from referat.extract.structure.decisions import classify_outcome

    assert classify_outcome(text) == outcome


def test_the_kind_word_after_the_body_on_a_title_line():
    text = "Erhvervsudvalget. Referat. Dato 08. september 2014\n\n"
    text += "1. Godkendelse af dagsorden\nGodkendt.\n2. Eventuelt\nIntet.\n"
    assert extract_text(text).meetings[0].kind == "referat"


def test_a_board_listed_under_its_own_name_and_a_substitute_in_the_absence_line():
    from referat.extract.structure.participants import read_participants

    lines = ["Bestyrelsen: Niels O. Pedersen, Villum Krog, Thor Temte", "Afbud: Kurt Munck, suppleant Mia Holt deltog"]
    assert [(p.name, p.status, p.role) for p in read_participants(lines)] == [
        ("Niels O. Pedersen", "present", None),
        ("Villum Krog", "present", None),
        ("Thor Temte", "present", None),
        ("Kurt Munck", "absent", None),
        ("Mia Holt", "present", None),
    ]


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Rammer for udvalgene – udsat fra møde nr. 4, den 23. marts 2023",
         ("Rammer for udvalgene – udsat fra møde nr. 4, den 23. marts 2023", "")),
        ("Evt. – Herunder fastsættelse af næste møde.", ("Evt. – Herunder fastsættelse af næste møde.", "")),
        ("Indkomne forslag – ingen", ("Indkomne forslag", "ingen")),
        ("Valg af dirigent – Bent Holm blev valgt", ("Valg af dirigent", "Bent Holm blev valgt")),
    ],
)  # fmt: skip
def test_a_note_after_a_dash_stays_in_the_title_and_a_word_of_minutes_does_not(title, expected):
    from referat.extract.structure.titles import minutes_after_title

    assert minutes_after_title(title) == expected


def test_a_standing_title_with_its_qualifier_ends_where_a_transcript_ran_the_text_on():
    from referat.extract.structure.titles import minutes_after_title

    assert minutes_after_title("Meddelelser fra formanden Sag om klage I løbet af sommeren kom en henvendelse.") == (
        "Meddelelser fra formanden",
        "Sag om klage I løbet af sommeren kom en henvendelse.",
    )


def test_outline_numbers_and_a_case_number_in_brackets_after_the_title():
    text = "Referat\nØkonomiudvalget\nMødedato: 3. maj 2024\n\n" + "".join(
        f"{n}.0 {title} (Sag nr. 24/{n}00)\nSagsfremstilling\nSagen er beskrevet.\nBeslutning\nGodkendt.\n"
        for n, title in ((1, "Godkendelse af dagsorden"), (2, "Budget 2025"))
    )
    [meeting] = extract_text(text).meetings
    assert [(item.number, item.title, item.case_numbers) for item in meeting.items] == [
        ("1", "Godkendelse af dagsorden", ["24/100"]),
        ("2", "Budget 2025", ["24/200"]),
    ]


def test_small_letter_titles_with_their_minutes_after_a_colon_in_a_flat_list():
    text = (
        "Referat / beslutningsprotokol\nVedr. Menighedsrådsmøde d. 25. januar 2017\n\n"
        " 1. godkendelse af dagsorden: Dagsordenen blev godkendt.\n"
        " 1. godkendelse af referatet fra sidste møde: Referatet blev godkendt og underskrevet.\n"
        " 1. Kurser for menighedsrådsmedlemmer: Provstiet tilbyder kurser i foråret.\n"
        "Et numreret punkt i teksten:\n1. at der holdes møde i marts\n"
    )
    [meeting] = extract_text(text).meetings
    assert [item.title for item in meeting.items] == [
        "godkendelse af dagsorden",
        "godkendelse af referatet fra sidste møde",
        "Kurser for menighedsrådsmedlemmer",
    ]
    assert [d.outcome for d in meeting.items[0].decisions] == ["approved"]


def test_a_committees_meeting_date_heading_with_a_colon_is_its_decision_and_a_doubled_kind_word_no_body():
    text = (
        "Vestby Kommune Økonomiudvalget Referat Referat\nMødedato: 15. maj 2014\n\n"
        "1. Bemærkninger til dagsordenen\nÅbent\nSagsnr.: 326-2010-57347\n"
        "Økonomiudvalgets møde den 15. maj 2014:\nIngen bemærkninger.\n"
        "2. Gensidig orientering\nÅbent\nSagsnr.: 326-2010-39103\n"
        "Økonomiudvalgets møde den 15. maj 2014:\nMedlemmerne orienterede hinanden.\n"
    )
    [meeting] = extract_text(text).meetings
    assert meeting.body == "Økonomiudvalget"
    assert [[s.kind for s in item.sections] for item in meeting.items] == [["decision"], ["decision"]]


@pytest.mark.parametrize(
    "header, place",
    [
        ("Fredag d. 17. december 2010\nMødet fandt sted i museets administrationsbygning, Vindeboder 12",
         "museets administrationsbygning, Vindeboder 12"),
        ("Mødedato: 4. marts 2019\nSted: BEMÆRK! Lukket møde", None),
        # an address runs on into the members: it ends with its postcode and town
        ("Referat fra repræsentantskabsmøde 4. marts 2019, kl Trafikhuset, Banegade 3, 8000 Aarhus C "
         "Formand Poul Hansen (Viborg Kommune), næstformand Ib Lund (Region Midtjylland), Eva Bak",
         "Trafikhuset, Banegade 3, 8000 Aarhus C"),
        # a title line repeated under the date is no place
        ("Busselskabet Bestyrelse. Referat.\nTorsdag den 4. marts 2019\nBusselskabet Bestyrelse Referat", None),
        # a capitalised "På" opens the next sentence of a transcript, not a place
        ("Mødedato: 4. marts 2019\nReferatet af mødet den 4. februar 2019 blev godkendt Hovedtal for 2019 På mødet "
         "fik bestyrelsen forelagt tallene for det forventede regnskab.", None),
    ],
)  # fmt: skip
def test_a_place_told_in_a_sentence_and_a_notice_that_is_no_place(header, place):
    text = "Referat\nBestyrelsen\n" + header + "\n\n1. Godkendelse af dagsorden\nGodkendt.\n2. Eventuelt\nIntet.\n"
    assert extract_text(text).meetings[0].location == place


def test_a_transcripts_participant_heading_run_on_with_the_members_and_their_parties():
    from referat.extract.structure.participants import read_participants

    lines = ["MØDEDELTAGERE Grethe Olsen (F) Anne-Lise Kuhre (A) Lis Olsen (V) 1 / 48", "Afbud Jens Holm (V)"]
    assert [(p.name, p.party, p.status) for p in read_participants(lines)] == [
        ("Grethe Olsen", "F", "present"),
        ("Anne-Lise Kuhre", "A", "present"),
        ("Lis Olsen", "V", "present"),
    ]


def test_the_place_under_the_date_line_after_a_title_line_with_the_date():
    text = (
        "Møde den 6. marts 2017\n\n"
        "Referat af lokalrådsmødet mandag den 6. marts 2017 klokken 18.30\n"
        "hos Karen Holst på Svalevej\n\nTil stede var Karen, Mette og Jørgen\n\n"
        " 1. Godkendelse af dagsorden\n  Godkendt.\n\n 2. Eventuelt\n  Intet.\n"
    )
    assert extract_text(text).meetings[0].location == "Karen Holst på Svalevej"


def test_a_proposed_agenda_is_no_recommendation_and_a_numbered_clause_after_at():
    from referat.extract.structure.heading_lines import section_kind
    from referat.extract.structure.recommendations import split_recommendations

    assert section_kind("Forslag til dagsorden") is None  # a title, not an Indstilling
    assert section_kind("Indstilling fra direktionen") == "recommendation"
    assert section_kind("Beslutning fra mødet") == "decision"
    line = Line("Sekretariatet indstiller til Økonomiudvalget, at 1. Dagsordenen godkendes.", 1)
    assert split_recommendations([line]) == ["Dagsordenen godkendes."]


def test_the_parish_before_its_council_on_a_body_line():
    text = "Referat menighedsrådsmøde\nSct. Jørgens Sogn, Menighedsrådet\n\n1. Godkendelse af dagsorden\nGodkendt.\n"
    text += "2. Eventuelt\nIntet.\n"
    assert extract_text(text).meetings[0].body == "Menighedsrådet"


def test_a_councils_short_code_before_every_item_number():
    # A handicap council numbers its items "HR. 1", "HR. 2" (its contents list "HR 1.").
    text = (
        "Handicaprådet\nReferat\nMødedato: 15. februar 2018\n\n"
        "Indholdsfortegnelse\nHR 1. Valg af formand\nHR 2. Rådets budget 2018\n\n"
        "HR. 1 Valg af formand\nIndstilling\nDer vælges en formand.\nBeslutning:\nKirsten Holm blev valgt.\n\n"
        "HR. 2 Rådets budget 2018\nBeslutning:\nBudgettet blev drøftet.\n"
    )
    items = extract_text(text).meetings[0].items
    assert [(item.number, item.title) for item in items] == [("1", "Valg af formand"), ("2", "Rådets budget 2018")]
    assert [item.decisions[0].text for item in items] == ["Kirsten Holm blev valgt.", "Budgettet blev drøftet."]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a case type the publisher prints before each title: the words after it are the title's
        ("Orientering: Dialog med Movia om elbusser", ("Orientering: Dialog med Movia om elbusser", "")),
        ("Beslutning: Salg af parkeringsareal", ("Beslutning: Salg af parkeringsareal", "")),
        # … unless they read as minutes
        ("Orientering: Kassereren gennemgik regnskabet", ("Orientering", "Kassereren gennemgik regnskabet")),
        ("Beretning: Formanden fremlagde beretningen", ("Beretning", "Formanden fremlagde beretningen")),
    ],
)
def test_a_case_type_before_the_title_is_part_of_it(title, expected):
    from referat.extract.structure.titles import minutes_after_title

    assert minutes_after_title(title) == expected


@pytest.mark.parametrize(
    ("header", "body", "location"),
    [
        # a web page that lost the cell break between label and value
        ("Referat\nMandag d. 7 februar 2022, kl. 10:15\nMødestedRådssalen\nUdvalgÆldreråd\n", "Ældreråd", "Rådssalen"),
        # the kind word, then the body alone before the meeting's labels
        ("Referat. Byrådet. Møde nr.: 10/2019\nMødedato: 7. februar 2022\nMødested: Salen\n", "Byrådet", "Salen"),
        # the meeting's noun names the body, after "ekstraordinært" or before the kind word
        ("Referat af ekstraordinært Skolebestyrelsesmøde\nonsdag den 7. februar 2022\n", "Skolebestyrelsen", None),
        ("Ekstraordinært Ældrerådsmøde – Referat\n\nDato: 7. februar 2022\nSted: Hjemmet\n", "Ældrerådet", "Hjemmet"),
    ],
)
def test_body_and_place_from_glued_labels_and_meeting_nouns(header, body, location):
    meeting = extract_text(header + "\n1. Godkendelse af dagsorden\nGodkendt.\n2. Eventuelt\nIntet.\n").meetings[0]
    assert (meeting.body, meeting.location, meeting.date) == (body, location, "2022-02-07")


def test_a_bullet_opens_a_prose_decision():
    from referat.extract.structure.decisions import prose_decisions

    assert [(d.text, d.outcome) for d in prose_decisions(" • Budgettet blev vedtaget uden ændringer")] == [
        ("Budgettet blev vedtaget uden ændringer", "approved")
    ]


def test_a_companys_name_before_its_board_is_the_organisation():
    text = "Busselskabet Bestyrelse. Referat.\nTorsdag den 8. december 2016\n\n1. Godkendelse af dagsorden\nGodkendt.\n"
    text += "2. Eventuelt\nIntet.\n"
    meeting = extract_text(text).meetings[0]
    assert (meeting.body, meeting.organisation) == ("Bestyrelse", "Busselskabet")


def test_items_set_as_bullet_points_with_their_notes_under_them():
    text = (
        "Bestyrelsesmøde d. 20. oktober 2020\n\nReferat\n\nAfbud: Bo Ibsen\n\n"
        "· Nyt fra formanden:\n\n- Klubhuset får nyt tag i foråret.\n\n- Kulturnatten blev drøftet.\n\n"
        "· Nyt fra kassereren:\n\n- Overskud på 12.000 kr. pr. september.\n\n"
        "· Eventuelt:\n\n- Intet.\n"
    )
    items = extract_text(text).meetings[0].items
    assert [(item.number, item.title) for item in items] == [
        ("", "Nyt fra formanden"),
        ("", "Nyt fra kassereren"),
        ("", "Eventuelt"),
    ]


def test_the_same_button_before_every_block_is_no_title():
    from referat.extract.structure.unnumbered import bulleted_headings

    lines = [Line(text, 1) for text in ("• Udskriv", "Sagsid.: 18/5090", "Beslutning", "Godkendt.", "• Udskriv", "x")]
    assert bulleted_headings(lines) == []


def test_untitled_items_each_start_where_their_first_section_heading_comes_again():
    # A web page that prints each item's sections but no titles or numbers.
    text = (
        "Referat\nMandag d. 7 februar 2022, kl. 10:15\nMødested: Rådssalen\n\n"
        "Resume\n\nRådet skal godkende dagsordenen.\n\nIndstilling\n\nForvaltningen indstiller, at\n\n"
        " 1. Rådet godkender dagsordenen.\n\nBeslutning\n\nDagsordenen blev godkendt.\n\n"
        "Resume\n\nForvaltningen orienterer om hjemmeplejen.\n\nIndstilling\n\nForvaltningen indstiller, at\n\n"
        " 1. Rådet tager orienteringen til efterretning.\n\nBeslutning\n\nTaget til efterretning.\n"
    )
    items = extract_text(text).meetings[0].items
    assert [[s.kind for s in item.sections] for item in items] == [["summary", "recommendation", "decision"]] * 2
    assert [item.decisions[0].outcome for item in items] == ["approved", "noted"]


def test_a_school_boards_agenda_times_are_no_part_of_titles_and_the_place_told_in_a_sentence():
    text = (
        "Referat 27. oktober 2021\n\nSkolebestyrelsesmøde den 27. oktober 2021 kl.18.30-20.30\n\n"
        "Mødet afholdes i personalerummet.\n\nDagsorden\n\n"
        "Pkt. 1\n\nGodkendelse af dagsorden\n\n18.30-18.35\n\n"
        "Dagsordenen blev godkendt.\n\nPkt. 2\n\nNyt fra elevrådet\n\n19.50-19.55\n\n"
        "Elevrådet fortalte om skolefesten.\n"
    )
    meeting = extract_text(text).meetings[0]
    assert (meeting.kind, meeting.body, meeting.location) == ("referat", "Skolebestyrelsen", "personalerummet")
    assert [item.title for item in meeting.items] == ["Godkendelse af dagsorden", "Nyt fra elevrådet"]


def test_the_first_item_glued_to_the_agenda_lists_last_entry():
    text = (
        "Handicaprådet\nReferat\nMødedato: 3. november 2015\n\n"
        "1. Godkendelse af dagsorden\n2. Budget 2016\n3. Eventuelt1. Godkendelse af dagsorden\n"
        "Indstilling\nDet indstilles, at dagsordenen godkendes.\nBeslutning\nGodkendt.\n"
        "2. Budget 2016\nBeslutning\nTaget til efterretning.\n3. Eventuelt\nBeslutning\nIntet.\n"
    )
    items = extract_text(text).meetings[0].items
    assert [(item.number, item.title) for item in items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Budget 2016"),
        ("3", "Eventuelt"),
    ]
    assert [item.decisions[0].outcome for item in items] == ["approved", "noted", None]


def test_section_headings_set_as_bullets_on_a_web_page():
    text = (
        "Byrådet - Referat\nDato: 31. oktober 2019\n\n153. Godkendelse af dagsorden\n\n"
        "    • Resume\n\n      Dagsordenen godkendes ved hvert møde.\n\n"
        "    • Indstilling\n\n      Borgmesteren indstiller, at dagsordenen godkendes.\n\n"
        "    • Beslutning\n\n      Godkendt.\n"
    )
    [item] = extract_text(text).meetings[0].items
    assert [(s.kind, s.heading) for s in item.sections] == [
        ("summary", "Resume"),
        ("recommendation", "Indstilling"),
        ("decision", "Beslutning"),
    ]
    assert item.recommendations == ["dagsordenen godkendes."]


@pytest.mark.parametrize(
    "members",
    [
        "Medlemmer: Ida Holm (A) (formand), Bo Lund (V) (næstformand), Eva Berg (C)",
        "Medlemmer: Formand Ida Holm (A), Næstformand Bo Lund (V), Eva Berg (C)",
    ],
)
def test_roles_before_the_name_or_in_brackets_of_their_own(members):
    from referat.extract.structure.participants import read_participants

    assert [(p.name, p.party, p.role) for p in read_participants([members])] == [
        ("Ida Holm", "A", "formand"),
        ("Bo Lund", "V", "næstformand"),
        ("Eva Berg", "C", None),
    ]


@pytest.mark.parametrize(
    ("header", "body", "location"),
    [
        # empty labels stacked above the one value they share: the date is no body
        ("Socialudvalget - 11-01-2021\n\nReferat\nUdvalg:\nDato:\nMandag, 11 januar, 2021 - 19:00\nHent som fil:\n",
         "Socialudvalget", None),
        # a row of the site's meeting table, and a link to the video that is no place
        ("Mødedetaljer\n\nUdvalg Dato Type Hent\nByrådet 11-01-2021 16:00 Referat Samlet dokument\n\n"
         "Video fra mødet\n", "Byrådet", None),
        # the council of Copenhagen on a line of its own; the first item's title is no place
        ("Mødedato: 11.01.2021, kl. 17:30\nAftale om salg\nBorgerrepræsentationen\nBESLUTNINGSPROTOKOL\n",
         "Borgerrepræsentationen", None),
    ],
)  # fmt: skip
def test_header_forms_of_municipal_web_pages(header, body, location):
    meeting = extract_text(header + "\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n").meetings[0]
    assert (meeting.body, meeting.location, meeting.date) == (body, location, "2021-01-11")


def test_the_meetings_title_line_before_untitled_items_is_no_item():
    text = (
        "13. november 2023 - referat fra byrådet\n\nByrådet 13. november 2023\n\nÅben\n\nBeslutning\n\nGodkendt.\n\n"
        "Åben\n\nIndstilling\n\nØkonomiudvalget indstiller, at planen godkendes.\n\nBeslutning\n\nGodkendt.\n"
    )
    meeting = extract_text(text).meetings[0]
    assert meeting.body == "Byrådet"
    assert [(item.title, [s.kind for s in item.sections]) for item in meeting.items] == [
        ("", ["decision"]),
        ("", ["recommendation", "decision"]),
    ]


@pytest.mark.parametrize(
    ("decision", "outcome"),
    [
        ("Fremsendes til Økonomiudvalget til behandling.", "referred"),
        ("Orientering givet.", "noted"),
        ("Formanden orienterede om en invitation fra regionen.", None),  # a report, no outcome
    ],
)
def test_more_decision_phrasings(decision, outcome):
    from referat.extract.structure import classify_outcome

    assert classify_outcome(decision) == outcome


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # one clause opening the Indstilling, no "X indstiller" before it
        (["at anlægsbevillingen på 1,4 mio. kr. til materiel til pesticidfri drift frigives til brug for projektet."],
         ["anlægsbevillingen på 1,4 mio. kr. til materiel til pesticidfri drift frigives til brug for projektet."]),
        # one sentence with an abbreviation inside it
        (["Social- og Sundhedsudvalget godkender", "afrapportering vedr. det gode ældreliv."],
         ["Social- og Sundhedsudvalget godkender afrapportering vedr. det gode ældreliv."]),
    ],
)  # fmt: skip
def test_a_recommendation_of_one_clause_or_one_sentence(lines, expected):
    from referat.extract.structure.recommendations import split_recommendations

    assert split_recommendations([Line(text, 1) for text in lines]) == expected


def test_untitled_case_blocks_behind_a_bullet_or_a_glued_print_button():
    text = (
        "Byrådet\nReferat\nOnsdag den 27. november 2019 kl. 19:00\n"
        " • Sagsid.:\n\n  Beslutning Byrådet den 27-11-2019\n\n  Dagsordenen godkendt.\n\n"
        " • Sagsid.: 19/48\n\n  Indstilling\n\n  Direktionen indstiller, at opfølgningen tages til efterretning.\n\n"
        "UdskrivSagsid.: 19/77, Sagsinitialer: bei\n\n  Beslutning Byrådet den 27-11-2019\n\n  Godkendt.\n"
    )
    items = extract_text(text).meetings[0].items
    assert [(item.case_numbers, [s.kind for s in item.sections]) for item in items] == [
        ([], ["decision"]),
        (["19/48"], ["recommendation"]),
        (["19/77"], ["decision"]),
    ]
    assert items[0].decisions[0].text == "Dagsordenen godkendt."


def test_the_next_item_after_a_numbered_attachment_list():
    text = (
        "Teknik- og Miljøudvalget\nReferat\nMødedato: 11. marts 2019\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
        "2. Meddelelser\n\nBeslutning\n\nTaget til efterretning.\n\nBilag\n\n"
        "  1. Brev til ministeren (pdf)\n  2. Afgørelse fra Vejdirektoratet (pdf)\n\n"
        "3. Godkendelse af indtægtsbevilling\n\nBeslutningstema\n\nUdvalget skal godkende bevillingen.\n\n"
        "Beslutning\n\nGodkendt.\n"
    )
    items = extract_text(text).meetings[0].items
    assert [(item.number, item.title) for item in items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Meddelelser"),
        ("3", "Godkendelse af indtægtsbevilling"),
    ]


def test_a_decision_heading_names_the_body_and_glued_headings_are_cut_apart():
    text = (
        "Nr.57 - Salg af grund\n\nBeslutningstemaSagsfremstilling og økonomi\n\nKommunen har fået et bud.\n\n"
        "Beslutning i Byrådet den 29-04-2013\n\nSag nr. 58 godkendt.\n"
    )
    meeting = extract_text(text).meetings[0]
    assert (meeting.body, meeting.date, meeting.location) == ("Byrådet", "2013-04-29", None)
    assert [s.heading for s in meeting.items[0].sections] == [
        "Beslutningstema",
        "Sagsfremstilling og økonomi",
        "Beslutning i Byrådet den 29-04-2013",
    ]


@pytest.mark.parametrize("under_the_body", ["Hent som fil:", "Åben", "MØDE", "Teams"])
def test_a_label_an_access_word_or_a_place_under_the_body_is_no_meeting_title(under_the_body):
    text = f"Socialudvalget\n{under_the_body}\nDato: 11. januar 2021\n\n1. Godkendelse af dagsorden\nGodkendt.\n"
    text += "2. Eventuelt\nIntet.\n"
    assert extract_text(text).meetings[0].title is None


def test_a_web_pages_buttons_are_not_part_of_the_decision():
    text = (
        "Økonomiudvalget - Referat\nDato: 18. november 2020\n\n1. Fraværende\n\nBeslutning\n\nIngen.\n\nTil toppen\n\n"
        "2. Anlægsregnskab\n\nBeslutning\n\nGodkendt.\n\n • Udskriv\n"
    )
    items = extract_text(text).meetings[0].items
    assert [d.text for item in items for d in item.decisions] == ["Ingen.", "Godkendt."]


def test_a_boards_run_on_member_list_with_titles_places_and_staff():
    from referat.extract.structure.participants import read_participants

    texts = [
        "Deltagere: Formand Morten Holm, Nordby Næstformand Poul Dahl, Region Syddanmark Bestyrelsesmedlem "
        "Eva Berg, Kerteminde afbud Direktør Carsten Lund Økonomichef Søren Bak",
        "DAGSORDEN: Sager til beslutning: Afdækning af risici, køb af busser",
    ]
    assert [(p.name, p.role, p.organisation, p.status) for p in read_participants(texts)] == [
        ("Morten Holm", "formand", "Nordby", "present"),
        ("Poul Dahl", "næstformand", "Region Syddanmark", "present"),
        ("Eva Berg", "bestyrelsesmedlem", "Kerteminde", "absent"),
        ("Carsten Lund", "direktør", None, "present"),
        ("Søren Bak", "økonomichef", None, "present"),
    ]


def test_members_each_with_the_municipality_they_come_from_run_on_in_a_transcript():
    from referat.extract.structure.participants import read_participants

    line = (
        "Deltagere Thomas Lund, Aalborg kommune Svend Holm, Region Nordjylland Ida Bak, Thisted kommune "
        "Ole Vest, NT Godkendelse af referat fra den 25. februar 2014 Referatet blev godkendt"
    )
    assert [(p.name, p.organisation) for p in read_participants([line])] == [
        ("Thomas Lund", "Aalborg kommune"),
        ("Svend Holm", "Region Nordjylland"),
        ("Ida Bak", "Thisted kommune"),
        ("Ole Vest", "NT"),
    ]


@pytest.mark.parametrize(
    "sentence, outcome",
    [
        # the present passive that resolves, and a body's present tense
        ("Den udsendte protokol godkendes.", "approved"),
        ("Anne Marie Holm vælges som ordstyrer.", "approved"),
        ("Med 11 stemmer besluttes det, at præsteboligen sælges.", "approved"),
        ("Menighedsrådet godkender aftalen med graverne.", "approved"),
        ("Vi siger ja til, at kapellet lånes ud.", "approved"),
        # an election result as a label; a telegraphic minute with a second participle
        ("Valgt: Nicklas Holm med 14 stemmer", "approved"),
        ("Referat godkendt og underskrevet.", "approved"),
        ("Regnskabet blev lagt frem og godkendt", "approved"),
    ],
)
def test_prose_decisions_in_the_present_tense(sentence, outcome):
    from referat.extract.structure.decisions import prose_decisions

    assert [(d.text, d.outcome) for d in prose_decisions(sentence)] == [(sentence, outcome)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Forvaltningen foreslår, at budgettet godkendes.",  # a proposal, inside an at-clause
        "Efter vedtægterne skal 2/3 stemme for, før forslaget kan vedtages.",  # a rule, after a modal
        "Hvert år vælges der til posterne i menighedsrådet.",  # a custom
        "Der skal vælges to nye suppleanter.",
    ],
)
def test_passives_that_only_tell_are_no_decisions(sentence):
    from referat.extract.structure.decisions import prose_decisions

    assert prose_decisions(sentence) == []


def test_an_agenda_decides_nothing_even_in_the_words_of_a_decision():
    text = (
        "Dagsorden til menighedsrådsmøde\nTirsdag den 5. november 2019\n\n"
        "1. Mødeplan for 2020\nMenighedsrådets mødeplan for 2020 vedtages.\n\n"
        "2. Eventuelt\n"
    )
    [meeting] = extract_text(text).meetings
    assert meeting.kind == "dagsorden"
    assert [item.decisions for item in meeting.items] == [[], []]
    # The same words in minutes are the decision, and make the document minutes.
    minutes = text.replace("Dagsorden til", "Møde i").replace("\nDagsorden", "\n")
    [meeting] = extract_text(minutes).meetings
    assert [d.outcome for d in meeting.items[0].decisions] == ["approved"]
    assert meeting.kind == "referat"


@pytest.mark.parametrize(
    "line, expected",
    [
        # a role in brackets, whatever its case
        (
            "Deltagere: Jørn Krag (Suppleant), Heidi Frost Andersen (Medarbejderrepræsentant), Bo Ek",
            [("Jørn Krag", "suppleant"), ("Heidi Frost Andersen", "medarbejderrepræsentant"), ("Bo Ek", None)],
        ),
        # a note on attendance in brackets is not part of the name
        (
            "Til stede: Bo Ek, Per Skov (ankom 19.30), Janne Melby (gik efter pkt. 5)",
            [("Bo Ek", None), ("Per Skov", None), ("Janne Melby", None)],
        ),
        # a job title before the name
        (
            "Øvrige: Medarbejderrepræsentant Lene L. Toft, kirkegårdsleder Eva Nørskov",
            [("Lene L. Toft", "medarbejderrepræsentant"), ("Eva Nørskov", "kirkegårdsleder")],
        ),
    ],
)
def test_participant_entries_with_roles_and_notes(line, expected):
    from referat.extract.structure.participants import read_participants

    assert [(p.name, p.role) for p in read_participants([line])] == expected


@pytest.mark.parametrize(
    "line, body",
    [
        # the title phrase after a letterhead run into the same transcript line
        (
            "Foreningen Grænselandet SEKRETARIATET (3/2014) Protokol over Møde i Det Grænselandske Samråd "
            "tirsdag den 9. september 2014 kl. 19 på Borghuset",
            "Det Grænselandske Samråd",
        ),
        # a page number before the title, a colon after "for", the meeting after the name
        ("1 Referat for: Nordskov Provstiudvalg PU møde 29. april 2014 Kl", "Nordskov Provstiudvalg"),
    ],
)
def test_bodies_in_title_phrases_of_transcripts(line, body):
    text = line + "\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n2. Meddelelser\nBeslutning\nIngen.\n"
    assert extract_text(text).meetings[0].body == body


def test_a_transcripts_moedepunkt_items_and_an_attendance_line_that_is_no_item():
    # A document-sharing site's transcript: the page on one line. "Mødepunkt N" numbers the
    # items; "Punkt 4: <name> deltager" says who came from item 4 on.
    page = (
        "1 Referat for: Søndersø Provstiudvalg PU møde 12. maj 2015 Kl Mødested: Provstikontoret "
        "Afbud: Hans Lind Punkt 4: Eva Bruun deltager Mødepunkt 1 Godkendelse af dagsorden Godkendt. "
        "Mødepunkt 2 Kirkegårdstakster Taksterne for 2016 blev gennemgået og godkendt. "
        "Mødepunkt 3 Orientering fra provsten Provsten fortalte om det nye kirkekontor og om "
        "personalesituationen i provstiet, der er uændret siden sidste møde."
    )
    text = "Søndersø Provstiudvalg\n\nTranskript\n\n" + page + "\n"
    [meeting] = extract_text(text).meetings
    assert [item.number for item in meeting.items] == ["1", "2", "3"]
    # (minutes run on after a title without a full stop stay in the title for now: the
    # titles are checked by their start)
    titles = ("Godkendelse af dagsorden", "Kirkegårdstakster", "Orientering fra provsten")
    assert all(item.title.startswith(title) for item, title in zip(meeting.items, titles, strict=True))


def test_a_case_number_under_its_title_in_plain_text():
    # Web minutes saved as text: the title stands alone, "Sag nr. N" under it, then a label.
    # A bare number under a decision word ("Godkendt" / "• 35.") still starts a new item.
    text = """Kommunalbestyrelsen

24-09-2019

Spørgetid
Sag nr. 129

Beslutningskompetence: KB

Beslutning

Taget til efterretning.

Salg af areal ved Islevdalvej
Sag nr. 130

Beslutningskompetence: KB

Sagens kerne

Der er indkommet et bud på arealet.

Beslutning

Godkendt

• 131.

Orienteringssag: Status på arbejdsmiljøet i kommunen

Indstilling

Direktionen indstiller, at orienteringen tages til efterretning.
"""
    meeting = extract_text(text).meetings[0]
    assert [(item.number, item.title) for item in meeting.items] == [
        ("129", "Spørgetid"),
        ("130", "Salg af areal ved Islevdalvej"),
        ("131", "Orienteringssag: Status på arbejdsmiljøet i kommunen"),
    ]


@pytest.mark.parametrize(
    "header, place",
    [
        # a form whose labels print before their values: the place follows the wrong label
        ("MØDESTED:\nMØDEDATO: Skive Rådhus, Byrådssalen\n", "Skive Rådhus, Byrådssalen"),
        # a group label in capitals run onto the title line after the place
        (
            "Referat fra udvalgets møde mandag den 18. september 2006 på Aars Rådhus PUNKTER VEDR. KOMMUNEN\n",
            "Aars Rådhus",
        ),
        # the contents heading glued to the place's last word
        (
            "Mandag den 3. maj 2004 kl. 17:00\nBlåt mødelokale, 7860 SpøttrupIndholdsfortegnelse\n",
            "Blåt mødelokale, 7860 Spøttrup",
        ),
        # told in a sentence after the title, the time lost its digits
        ("Referat fra møde i Gudenåkomitéen 13. september 2013 Mødet afholdtes i Hammel, kl Dagsorden:\n", "Hammel"),
        # the next label run onto the place's line
        (
            "Dato: 27. februar 2014\nSted: Helsingør Renseanlæg, Færgevej 5, Helsingør I mødet deltager:\n",
            "Helsingør Renseanlæg, Færgevej 5, Helsingør",
        ),
    ],
)
def test_a_place_is_cut_from_the_labels_and_headings_run_onto_it(header, place):
    [meeting] = extract_text(f"Referat\n{header}\n1. Velkomst\nReferat\nFormanden bød velkommen.\n").meetings
    assert meeting.location == place


@pytest.mark.parametrize(
    "heading, title, minutes",
    [
        ("3. Spørgetid Ingen havde spørgsmål til udvalget.", "Spørgetid", "Ingen havde spørgsmål til udvalget."),
        (
            "2. Godkendelse af referat fra 3. maj 2013 Den udsendte protokol godkendes.",
            "Godkendelse af referat fra 3. maj 2013",
            "Den udsendte protokol godkendes.",
        ),
        ("4. Dagsorden v/ Inge Frandsen Dagsorden godkendt.", "Dagsorden v/ Inge Frandsen", "Dagsorden godkendt."),
        (
            "5. Vandplaner (10 min.) Inge Frandsen indledte om status.",
            "Vandplaner (10 min.)",
            "Inge Frandsen indledte om status.",
        ),
        # (a name and a verb in the past also where the sentence goes on past the line)
        (
            "8. Velkomst og sang (10 min.) Inge Frandsen indledte med at byde alle velkommen",
            "Velkomst og sang (10 min.)",
            "Inge Frandsen indledte med at byde alle velkommen",
        ),
        # a name after a preposition, and a title without a sentence's stop, stay whole
        ("6. Status på Den Blå Planet.", "Status på Den Blå Planet.", ""),
        ("7. Aftale med Det Kongelige Teater", "Aftale med Det Kongelige Teater", ""),
    ],
)
def test_minutes_run_onto_the_title_without_a_stop_are_minutes(heading, title, minutes):
    text = f"Referat\nBestyrelsesmøde 3. juni 2013\n\nPunkt 1 Velkomst\nFormanden bød velkommen.\n\nPunkt {heading}\n"
    [meeting] = extract_text(text).meetings
    item = meeting.items[-1]
    assert item.title == title
    assert " ".join([item.text or "", *(section.text for section in item.sections)]).strip() == minutes


def test_an_agenda_list_above_headings_run_on_with_their_minutes_gives_every_item():
    text = (
        "Referat fra møde i Gudenåkomitéen 13. september 2013\nDagsorden:\n"
        "1. Velkomst v/ Anne Neergaard (kl. 09:00)\n"
        "2. Godkendelse af referat og dagsorden v/ Anne Neergaard (kl. 09:05)\n"
        "3. Vandoplandsplan v/ Jens Albert Hansen (kl. 09:10)\n\n"
        "Punkt 1. Velkomst Anne Neergaard bød alle velkommen. Den nye koordinator var med for første gang.\n"
    )
    [meeting] = extract_text(text).meetings
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Velkomst"),
        ("2", "Godkendelse af referat og dagsorden v/ Anne Neergaard (kl. 09:05)"),
        ("3", "Vandoplandsplan v/ Jens Albert Hansen (kl. 09:10)"),
    ]


@pytest.mark.parametrize(
    "title_line, body, kind",
    [
        # a sharing site's title: municipality, body and kind as sentences
        ("Hedensted Kommune. Byrådet. Referat med åbne punkter.", "Byrådet", "referat"),
        ("Egebjerg Kommune. Kommunalbestyrelsen. Referat", "Kommunalbestyrelsen", "referat"),
        # the access word between the body and the kind
        ("Økonomiudvalget Åben beslutningsprotokol", "Økonomiudvalget", "beslutningsprotokol"),
    ],
)
def test_the_body_and_kind_in_a_title_line_after_the_municipality_or_before_an_access_word(title_line, body, kind):
    text = f"{title_line}\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Budget\nBeslutning\nGodkendt.\n"
    [meeting] = extract_text(text).meetings
    assert (meeting.body, meeting.kind) == (body, kind)


def test_a_decision_headed_by_the_body_and_its_date_under_a_joint_recommendation_heading():
    # Bornholm's agenda pages: "Indstilling og beslutning", the recommendation, then the
    # committee and the date of its meeting with a colon, then what it decided.
    text = (
        "Børne- og Skoleudvalget\n06-11-2018 kl. 14:00\n"
        "1. Budget 2019\nSagsfremstilling\nBudgettet er vedtaget af kommunalbestyrelsen.\n"
        "Indstilling og beslutning\nServicedirektøren indstiller,\n· at dialogen tages til efterretning.\n"
        "Børne- og Skoleudvalget den 6. november 2018:\nTaget til efterretning.\n"
        "2. Meddelelser\nSagsfremstilling\nIngen.\n"
    )
    [meeting] = extract_text(text).meetings
    first = meeting.items[0]
    assert [(d.text, d.outcome) for d in first.decisions] == [("Taget til efterretning.", "noted")]
    assert first.sections[-1].heading == "Børne- og Skoleudvalget den 6. november 2018:"


def test_a_table_rows_first_cell_holds_the_title_and_then_its_description():
    # A small body's Word table: "Mødepunkt | Referat", the point's cell its title and a sentence
    # describing it, the minutes in the next cell.
    text = (
        "Provstiudvalgsmøde den 3. juni 2024\nDeltagere: Anne Holm, Bo Lind\n"
        "Mødepunkt | Referat |\n1 - Godkendelse af dagsorden | Godkendt. |\n"
        "2 - Kirkegården - Budget 2025 Forslag til budget for kirkegården i Nordby. | Godkendt uden bemærkninger. |\n"
        "3 - Syn 2024 - kirker Provstesyn af kirkerne i Nordby og Sønderby. | Ingen bemærkninger. |\n"
    )
    items = extract_text(text).meetings[0].items
    assert [(item.number, item.title) for item in items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Kirkegården - Budget 2025"),
        ("3", "Syn 2024 - kirker"),
    ]
    assert "Forslag til budget for kirkegården" in items[1].model_dump_json()


def test_a_web_pages_publishing_stamp_is_no_start_time():
    # A club's blog post: the author and the posting time above the minutes of another day.
    text = (
        "Referat bestyrelsesmøde 18. august 2016\n\nKirsten Lund\n27. august 2016 kl. 05:39\n\n"
        "REFERAT AF BESTYRELSESMØDE\n\n18. august 2016\n\nMødt: Bestyrelsen\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Økonomi\nBeslutning\nTaget til efterretning.\n"
    )
    meeting = extract_text(text).meetings[0]
    assert (str(meeting.date), meeting.start_time) == ("2016-08-18", None)


def test_a_participant_label_glued_to_the_place_before_it():
    # A web export lost the break between the place and the next cell's label.
    text = (
        "Beslutningsprotokol\nStiftsrådet\nonsdag den 6. december 2017 kl. 16.00 i bispegårdenFraværende"
        " stiftsrådsmedlemmer:\nAnne Holm\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
        "2. Meddelelser\nBeslutning\nTaget til efterretning.\n"
    )
    meeting = extract_text(text).meetings[0]
    assert (meeting.location, meeting.start_time) == ("bispegården", "16:00")


def test_a_web_pages_own_date_stamp_above_the_minutes_date_is_not_the_meeting_date():
    # A parish's web page: the site's posting date, then the meeting's date line.
    text = (
        "Mandag, 09 december 2019\n14. august 2012 (ekstraordinær)\n\nREFERAT\n\n"
        "Deltagere: Anne Holm, Bo Lind.\n\n1. Godkendelse af dagsorden.\nDagsorden godkendt.\n\n"
        "2. Orientering fra formanden.\nFormanden orienterede om valget.\n"
    )
    assert str(extract_text(text).meetings[0].date) == "2012-08-14"
    # alone, the stamp is the only date there is
    alone = "Mandag, 09 december 2019\n\nREFERAT\n\n1. Godkendelse af dagsorden.\nDagsorden godkendt.\n"
    assert str(extract_text(alone).meetings[0].date) == "2019-12-09"


def test_a_contents_of_compound_numbers_with_leaders_run_together_lists_every_item():
    # A Greenland municipality's agenda: year-serial numbers after the committee's code, several
    # entries on one transcript line, a title wrapped around its leader, a letterhead between.
    text = "\n\n".join(
        [
            "KOMMUNALBESTYRELSEN",
            "ORDINÆRT MØDE tirsdag den 26 november 2019 KL. 10:00",
            "Dagsorden",
            "KOM 19-050, Godkendelse af dagsorden ...... 2 KOM 19-051, Budgetrevision 2019 ...... 3 "
            "KOM 19-052, Ny tilpasning af den administrative organisation - ...... 5 Ledelsen i byerne ...... 5",
            "KOM 19-053, Revisionsberetning ...... 9 KOM 19-054, godkendelse af politisk kalender ...... 11",
            "KOMMUNIA Postboks 1023 - 3952 Tlf. 70 18 00 Side 1/54",
            "KOM 19-055, Valg af løsningsmodel, affaldshåndtering ...... 13 ORIENTERINGSSAGER ...... 15",
            "KOM 19-050, Godkendelse af dagsorden",
            "Beslutning: Godkendt.",
        ]
    )
    meeting = extract_text(text).meetings[0]
    assert [(item.number, item.title) for item in meeting.items] == [
        ("19-050", "Godkendelse af dagsorden"),
        ("19-051", "Budgetrevision 2019"),
        ("19-052", "Ny tilpasning af den administrative organisation - Ledelsen i byerne"),
        ("19-053", "Revisionsberetning"),
        ("19-054", "godkendelse af politisk kalender"),
        ("19-055", "Valg af løsningsmodel, affaldshåndtering"),
    ]


def test_a_numbered_list_under_the_first_items_text_does_not_carry_on_the_items_numbering():
    # A web page cut after its first item: the list under Sagsfremstilling counts 1, 2, 3 …
    # right after item 1; its 2. and 3. carry on the list, not the items.
    text = "\n".join(
        [
            "Referat - Folkeoplysningsudvalget den 6. december 2018",
            "",
            "1. Meddelelser",
            "",
            "Beslutning",
            "Meddelelser taget til efterretning.",
            "",
            "Sagsfremstilling",
            " 1. Orientering om aktive ansøgninger.",
            " 2. Orientering om foreningsaftenen.",
            " 3. Oversigt over ansøgninger om lokaler.",
        ]
    )
    meeting = extract_text(text).meetings[0]
    assert [(item.number, item.title) for item in meeting.items] == [("1", "Meddelelser")]


def test_the_journal_reference_under_a_heading_is_not_part_of_the_title():
    text = "\n".join(
        [
            "Kulturrådet - Referat",
            "Dato: 17. november 2014",
            "",
            "59. Godkendelse af protokol",
            "18.00Ø00 - 2014/06569",
            "",
            "Sagsfremstilling",
            "Protokollen lægges frem.",
            "",
            "60. Meddelelser fra formanden",
            "18.00Ø00 - 2014/17823",
            "",
            "Beslutning",
            "Taget til efterretning.",
        ]
    )
    meeting = extract_text(text).meetings[0]
    assert [item.title for item in meeting.items] == ["Godkendelse af protokol", "Meddelelser fra formanden"]


def test_a_contents_list_without_page_numbers_lists_its_items_and_a_lost_number_leaves_a_gap():
    text = "\n".join(
        [
            "Teknik- og Miljøudvalget",
            "Referat",
            "",
            "Indholdsfortegnelse",
            "1. Klimahandlingsplan",
            "2. Oprensning af kanalen",
            "3. Kolonihavetakster",
            "5. Støjhandlingsplan",
            "",
            "Side 1 af 40",
        ]
    )
    meeting = extract_text(text).meetings[0]
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Klimahandlingsplan"),
        ("2", "Oprensning af kanalen"),
        ("3", "Kolonihavetakster"),
        ("5", "Støjhandlingsplan"),
    ]


def test_a_web_pages_contents_heading_over_the_item_headings_themselves_lifts_nothing():
    # The page's "Indholdsfortegnelse" stands over the items; the first two are empty.
    text = "\n".join(
        [
            "Dagsorden - Økonomiudvalget den 2. april 2019",
            "",
            "Indholdsfortegnelse",
            "",
            "1. Godkendelse af dagsorden",
            "",
            "2. Meddelelser",
            "",
            "3. Garanti for lån til helhedsplan",
            "",
            "Indstilling",
            "Direktionen indstiller, at garantien godkendes.",
        ]
    )
    meeting = extract_text(text).meetings[0]
    assert [item.number for item in meeting.items] == ["1", "2", "3"]
    assert [section.kind for section in meeting.items[2].sections] == ["recommendation"]


def test_the_body_and_date_from_a_decision_heading_on_a_page_without_a_header():
    # An item page of a city's agenda system: no header; the committee's decision heading
    # ("<Body>s beslutning på mødet den …:") says who met and when.
    text = "\n".join(
        [
            "1. Godkendelse af dagsorden",
            "",
            "Beslutning",
            "",
            "I mødet deltog: Rikke Lauritzen og Ole Sørensen.",
            "",
            "Folkeoplysningsudvalgets beslutning på mødet den 5. april 2019:",
            "",
            "Dagsordenen blev godkendt.",
        ]
    )
    meeting = extract_text(text).meetings[0]
    assert (meeting.body, meeting.date) == ("Folkeoplysningsudvalget", "2019-04-05")
