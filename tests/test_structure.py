"""The Danish agenda grammar on small documents shaped like the real ones."""

from __future__ import annotations

import pytest

from referat.extract import extract_bytes
from referat.extract.dates import first_full_date
from referat.extract.pages import Line
from referat.extract.structure import classify_outcome, split_recommendations


def extract_text(text: str):
    return extract_bytes("m.txt", text.encode())


def items_of(text: str):
    return [(item.number, item.title, item.access) for item in extract_text(text).meetings[0].items]


@pytest.mark.parametrize(
    "headings, expected",
    [
        (["Punkt 1 Velkomst", "Punkt 2 Orientering om økonomi"], [("1", "Velkomst"), ("2", "Orientering om økonomi")]),
        (["Punkt 1. Velkomst", "Punkt 2. Status"], [("1", "Velkomst"), ("2", "Status")]),
        (["Punkt 1: Velkomst", "Punkt 2: Status"], [("1", "Velkomst"), ("2", "Status")]),
        (
            [" 2 (Offentlig) Godkendelse af referat", " 3 (Offentlig) Aftale om sundhedsreform"],
            [("2", "Godkendelse af referat"), ("3", "Aftale om sundhedsreform")],
        ),
    ],
)
def test_item_numbering_styles(headings, expected):
    text = "\n".join(f"{heading}\nReferat\nDer var ingen bemærkninger." for heading in headings)
    assert [(n, t) for n, t, _ in items_of(text)] == expected


def test_closed_items_without_title_and_lukket_prefix():
    text = "\n".join(
        [
            " 3 (Offentlig) Aftale om sundhedsreform",
            "Beslutninger",
            "Udvalget drøftede aftalen.",
            "4 (Fortrolig)",
            " 5 (Offentlig) Status for 10-årsplanen og Aftale om bedre",
            "psykiatri",
            "Beslutninger",
            "Udvalget tog orienteringen til efterretning.",
        ]
    )
    assert items_of(text) == [
        ("3", "Aftale om sundhedsreform", "public"),
        ("4", "", "closed"),
        ("5", "Status for 10-årsplanen og Aftale om bedre psykiatri", "public"),
    ]


def test_a_closed_items_printed_text_is_extracted_and_its_mark_is_not_its_title():
    # A members' copy prints the closed items' text; extraction keeps it (the archive
    # decides what it stores). Appended material after the last item is still split off.
    document = extract_text(
        "\n".join(
            [
                "Punkt 1 Budgetopfølgning",
                "Beslutning",
                "Taget til efterretning.",
                "Punkt 2 (Fortrolig) Køb af ejendommen Storegade 12",
                "Sagsfremstilling",
                "Sælger har accepteret tilbudsprisen.",
                "Beslutning",
                "Godkendt.",
                "Lukket: 3. Personalesag",
                "Beslutning",
                "Godkendt.",
                "Bilag Titel: Kontrakt om køb",
                "Købsaftalen er underskrevet af begge parter.",
            ]
        )
    )
    items = document.meetings[0].items
    assert [(i.number, i.title, i.access) for i in items] == [
        ("1", "Budgetopfølgning", "public"),
        ("2", "Køb af ejendommen Storegade 12", "closed"),
        ("3", "Personalesag", "closed"),
    ]
    assert [(s.kind, s.text) for s in items[1].sections] == [
        ("background", "Sælger har accepteret tilbudsprisen."),
        ("decision", "Godkendt."),
    ]
    assert [d.outcome for d in items[2].decisions] == ["approved"]
    assert [a.title for a in document.attachments] == ["Kontrakt om køb"]


def test_dotted_items_need_evidence_and_a_numbered_list_in_prose_is_not_items():
    text = "\n".join(
        [
            "Punkt 4. Kriterier for prioritering",
            "Styrelserne har opstillet et forslag til 4 kriterier:",
            "1. Bred iværksættelse af anbefalinger",
            "2. Gradvis kapacitetsopbygning",
            "Punkt 5. Eventuelt",
            "Intet.",
        ]
    )
    assert [n for n, _, _ in items_of(text)] == ["4", "5"]
    edoc = "\n".join(
        [
            "1. Meddelelser",
            "Sagsnr.: 2011-29298",
            "Dok.nr.: 2012-202935",
            "Sammendrag",
            "Kort tekst.",
            "2. Bygningsvedligeholdelse 2013 - anlægsbevilling",
            "Sagsnr.: 2012-28504",
            "Indstilling",
            "Center for Ejendomme indstiller, at",
            "A) De foreslåede arbejder godkendes.",
            "B) Anlægsbevillingen på 1.316.000 kr. frigives.",
            "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2",
            "Indstillingen godkendt",
            "Følgende deltog ikke i behandlingen af punktet:",
        ]
    )
    document = extract_text(edoc)
    items = document.meetings[0].items
    assert [(i.number, i.title, i.case_numbers) for i in items] == [
        ("1", "Meddelelser", ["2011-29298"]),
        ("2", "Bygningsvedligeholdelse 2013 - anlægsbevilling", ["2012-28504"]),
    ]
    assert items[1].recommendations == [
        "De foreslåede arbejder godkendes.",
        "Anlægsbevillingen på 1.316.000 kr. frigives.",
    ]
    assert [(d.text, d.outcome) for d in items[1].decisions] == [("Indstillingen godkendt", "approved")]
    assert [s.kind for s in items[1].sections] == ["recommendation", "decision"]
    assert document.meetings[0].date == "2012-12-04"


def test_front_agenda_list_is_not_items_and_subitems_with_sections():
    text = "\n".join(
        [
            "Referat",
            "Emne",
            "1. møde i Task Force for Kræft- og Psykiatriområdet",
            "Mødedato",
            "26. februar 2026",
            "Punkt 1 Velkomst",
            "Punkt 2 Monitorering",
            "- a) Psykiatri",
            "- b) Kræft",
            "Punkt 3 Eventuelt",
            "Punkt 1 Velkomst",
            "Referat",
            "Alle bød velkommen.",
            "Punkt 2 Monitorering",
            "a) Psykiatri",
            "Indstilling",
            "Det indstilles, at Task Force tager orienteringen til efterretning.",
            "b) Kræft",
            "Indstilling",
            "Det indstilles, at Task Force drøfter rapporten.",
            "Referat",
            "a)",
            "Ministeriet orienterede.",
            "b)",
            "Styrelsen orienterede.",
            "Punkt 3 Eventuelt",
            "Referat",
            "Intet.",
        ]
    )
    meeting = extract_text(text).meetings[0]
    assert (meeting.kind, meeting.date, meeting.body) == (
        "referat",
        "2026-02-26",
        "Task Force for Kræft- og Psykiatriområdet",
    )
    assert [item.number for item in meeting.items] == ["1", "2", "3"]
    monitoring = meeting.items[1]
    assert [(s.number, s.title) for s in monitoring.subitems] == [("a", "Psykiatri"), ("b", "Kræft")]
    assert [s.kind for s in monitoring.subitems[0].sections] == ["recommendation"]
    assert monitoring.subitems[1].recommendations == ["Task Force drøfter rapporten."]
    # The Referat restating "a)" and "b)" covers both sub-items: it is the parent's.
    assert [s.kind for s in monitoring.sections] == ["minutes"]
    assert [s.kind for s in monitoring.subitems[1].sections] == ["recommendation"]


def test_numbering_restart_starts_a_second_meeting():
    text = "\n".join(
        [
            " 9 (Offentlig) Eventuelt",
            "Indstilling",
            "Det indstilles,",
            "at udvalget drøfter eventuelt",
            "10 (Fortrolig)",
            " 1 (Fortrolig)",
            " 2 (Offentlig) Godkendelse af referat",
            "Beslutninger",
            "Psykiatri- og Socialudvalget godkendte referatet.",
        ]
    )
    meetings = extract_text(text).meetings
    assert [[i.number for i in m.items] for m in meetings] == [["9", "10"], ["1", "2"]]
    assert [m.kind for m in meetings] == ["dagsorden", "referat"]
    assert meetings[1].body == "Psykiatri- og Socialudvalget"


def test_participants_with_party_letters_roles_and_status():
    text = "\n".join(
        [
            "Referat",
            "Sundheds- og Forebyggelsesudvalget",
            "tirsdag den 4. december 2012, kl. 13:00",
            "i Mødecenter C, Lokale 32 på Ballerup Rådhus",
            "Tilstede",
            "Lolan Ottesen (A) - formand",
            "Karl Vilhelm Nielsen (V)",
            "Afbud/Fraværende",
            "Birte Kramhøft (F)",
            "Sekretær",
            "Mie Helene Andresen",
            "1. Meddelelser",
            "Sagsnr.: 2011-29298",
            "Sagsfremstilling",
            "Intet nyt.",
        ]
    )
    meeting = extract_text(text).meetings[0]
    assert (meeting.date, meeting.start_time, meeting.body) == (
        "2012-12-04",
        "13:00",
        "Sundheds- og Forebyggelsesudvalget",
    )
    assert meeting.location == "Mødecenter C, Lokale 32 på Ballerup Rådhus"
    assert [(p.name, p.party, p.role, p.status) for p in meeting.participants] == [
        ("Lolan Ottesen", "A", "formand", "present"),
        ("Karl Vilhelm Nielsen", "V", None, "present"),
        ("Birte Kramhøft", "F", None, "absent"),
        ("Mie Helene Andresen", None, None, "secretary"),
    ]


def test_kommissorium_has_no_invented_items():
    text = (
        "KOMMISSORIUM FOR TASK FORCE FOR KRÆFT- OG PSYKIATRIOMRÅDET\nFormål\n"
        "Task Force for kræft- og psykiatriområdet følger udviklingen.\n1. Udviklingen på området\n"
    )
    meeting = extract_text(text).meetings[0]
    assert meeting.kind == "kommissorium"
    assert meeting.items == []
    assert meeting.body == "Task Force for kræft- og psykiatriområdet"
    # Its text is kept whole as the meeting's own section; a kommissorium is expected to
    # have no agenda, so no warning.
    [section] = meeting.sections
    assert section.kind == "other" and section.text == text.rstrip("\n") and section.pages == (1, 1)
    assert extract_text(text).warnings == []


def test_a_document_without_agenda_items_keeps_its_text_and_says_so():
    letter = "Kære udvalg\n\nVedlagt er notatet om takster for madservice 2026.\n\nMed venlig hilsen\nJens Holm\n"
    document = extract_text(letter)
    [meeting] = document.meetings
    assert meeting.items == [] and meeting.sections[0].text.splitlines() == [
        "Kære udvalg",
        "Vedlagt er notatet om takster for madservice 2026.",
        "Med venlig hilsen",
        "Jens Holm",
    ]
    assert document.warnings == ["pages 1-1: no agenda items found; the text is kept as the meeting's own section"]
    # A meeting with items keeps no copy of its text there.
    assert extract_text("Referat\nPunkt 1 Velkomst\nReferat\nFormanden bød velkommen.\n").meetings[0].sections == []


@pytest.mark.parametrize(
    "text, outcome",
    [
        ("Indstillingen godkendt", "approved"),
        ("Taget til efterretning", "noted"),
        ("Psykiatri- og Socialudvalget godkendte referatet.", "approved"),
        ("Indstillingen blev ikke godkendt.", "rejected"),
        ("Punktet genoptages.", "postponed"),
        ("Punktet blev drøftet. Sagen genoptages på næste møde.", "discussed"),
        ("Sagen oversendes til Økonomiudvalget.", "referred"),
        ("Der indkaldes til et ekstraordinært møde.", None),
    ],
)
def test_decision_outcomes(text, outcome):
    assert classify_outcome(text) == outcome


def test_recommendation_at_clauses():
    lines = [
        Line(t, 1)
        for t in [
            "Det indstilles,",
            "at Psykiatri - og Socialudvalget tager orienteringen til efterretning, og",
            "at udvalget drøfter, hvordan regionerne kan være med til",
            "at løfte opgaven med de mest udsatte borgere.",
        ]
    ]
    assert split_recommendations(lines) == [
        "Psykiatri - og Socialudvalget tager orienteringen til efterretning",
        "udvalget drøfter, hvordan regionerne kan være med til at løfte opgaven med de mest udsatte borgere.",
    ]
    running = [
        Line(t, 1)
        for t in [
            (
                "Det indstilles, at Task Force tager orienteringen til efterretning."
                " Det indstilles herudover, at Task Force"
            ),
            "drøfter møderne.",
            "Task Force kan komme med bemærkninger.",
        ]
    ]
    assert split_recommendations(running) == [
        "Task Force tager orienteringen til efterretning.",
        "Task Force drøfter møderne.",
    ]


@pytest.mark.parametrize(
    "text, date",
    [
        ("tirsdag den 4. december 2012, kl. 13:00", "2012-12-04"),
        ("Dato: 04.12.2012", "2012-12-04"),
        ("den 10-04-2013", "2013-04-10"),
        ("26. februar 2026", "2026-02-26"),
        ("uden dato", None),
        ("Mødedato: 2013-06-20", "2013-06-20"),
        ("den 22. august", None),
        ("Sagsnr. EMN-2022-00567", None),
        ("Onsdag den 15-maj-2002", "2002-05-15"),
        ("J.nr. 315-maj-2002", None),
    ],
)
def test_meeting_dates(text, date):
    assert first_full_date(text) == date


def test_a_web_agenda_that_lost_its_list_numbers_keeps_every_entry() -> None:
    """A parish council's web agenda prints its Word list as "1." for every entry, and the
    numbers come back for the last three ("10.", "11.", "12."); nothing stands between the
    entries. All of them are the items, numbered as printed."""
    titles = ["Velkomstsang", "Godkendelse af dagsorden", "Regnskab 2022", "Skrivelser", "Nye stole", "Kirkesyn"]
    text = "Dagsorden for menighedsrådsmøde den 27. september 2023\n\n" + "\n".join(f"1. {t}" for t in titles)
    text += "\n10. Siden sidst\n11. Eventuelt\nOplægget om liturgi rykkes til november.\n12. Afslutningssang\n"
    meeting = extract_bytes("mr.txt", text.encode(), enrich=False).meetings[0]
    assert [(item.number, item.title) for item in meeting.items] == [("1", title) for title in titles] + [
        ("10", "Siden sidst"),
        ("11", "Eventuelt"),
        ("12", "Afslutningssang"),
    ]


@pytest.mark.parametrize(
    ("header", "body"),
    [
        # a body line with a list of names before "-udvalget"
        (
            "Kultur-, Fritid- og Idrætsudvalget\nReferat fra møde tirsdag den 10. januar 2012",
            "Kultur-, Fritid- og Idrætsudvalget",
        ),
        # the body after "mødet i", up to the date
        ("Referat. af mødet i Regionsrådet 14. november 2007 kl. 14:00 i Regionshuset", "Regionsrådet"),
        (
            "Dagsorden\ntil\nmødet i Udvalg for regional udvikling\nden 1. februar 2023 kl. 09:00",
            "Udvalg for regional udvikling",
        ),
        # a body line in capitals after the kind of meeting
        ("EKSTRAORDINÆRT MØDE FORRETNINGSUDVALGET\nTirsdag den 8. december 2009", "FORRETNINGSUDVALGET"),
        ("Møde i Kommunalbestyrelsen\nOnsdag den 3. maj 2006", "Kommunalbestyrelsen"),
        # the organisation before the body on a title line
        ("Egebjerg Kommune. Kommunalbestyrelsen. Referat\nOnsdag den 15. maj 2002", "Kommunalbestyrelsen"),
        # a genitive names the body
        ("Åbent referat for Kultur- og fritidsudvalgs møde den 11.06.2012 kl. 16:00", "Kultur- og fritidsudvalg"),
    ],
)
def test_the_body_is_read_from_the_forms_headers_print_it_in(header: str, body: str) -> None:
    text = header + "\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Eventuelt\nBeslutning\nIntet.\n"
    meeting = extract_bytes("h.txt", text.encode(), enrich=False).meetings[0]
    assert meeting.body == body


@pytest.mark.parametrize(
    ("header", "location"),
    [
        # the place after the time, members run on after it
        (
            "Referat mandag den 24. april 2017 Kl. 18:00 i Rådssalen, Lejrevej 15, 4320, Allerslev Jens Hansen (V)",
            "Rådssalen, Lejrevej 15, 4320, Allerslev",
        ),
        # a transcript lost the clock's digits; the meeting's number follows the place
        (
            "Forretningsudvalget\nTirsdag den 8. december 2009 Kl Regionsgården i Hillerød, mødelokale H 23"
            " Møde nr. 14",
            "Regionsgården i Hillerød, mødelokale H 23",
        ),
        ("Sted: Regionshuset, mødelokale 4.\nDato: 5. marts 2007", "Regionshuset, mødelokale 4"),
        (
            "Sted: Mødelokale Nykøbing F., Parkvej 37, 4800 Nyk. F.\nDato: 7. marts 2016",
            "Mødelokale Nykøbing F., Parkvej 37, 4800 Nyk. F.",
        ),
        # what stands under a date line is no place when it is a button, a heading or a label
        ("Regionsrådet\n22-12-2020 13:00\nUdskriv", None),
        ("Dagsorden for menighedsrådsmøde den 27. september 2023\nBeslutning/godkendelse/bemærkninger", None),
        ("Mødested: Udsendelsesdato:\nDato: 15. maj 2002", None),
    ],
)
def test_the_place_is_what_reads_as_a_place(header: str, location: str | None) -> None:
    text = header + "\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Eventuelt\nBeslutning\nIntet.\n"
    meeting = extract_bytes("p.txt", text.encode(), enrich=False).meetings[0]
    assert meeting.location == location


def test_attendance_told_in_sentences_makes_participants() -> None:
    text = (
        "Referat\nØkonomiudvalget\nMødedato: 7. marts 2016\n"
        "Fraværende: René Christensen – som stedfortræder deltog Birgit Holse.\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\nGodkendt. Der er afbud fra Lone Hansen.\n\n"
        "2. Salg af grund\nBeslutning\nGodkendt. Torben Engholm deltog ikke i sagens behandling.\n"
    )
    meeting = extract_bytes("a.txt", text.encode(), enrich=False).meetings[0]
    assert {(person.name, person.status) for person in meeting.participants} == {
        ("René Christensen", "absent"),
        ("Birgit Holse", "present"),  # the substitute attended
        ("Lone Hansen", "absent"),
        ("Torben Engholm", "present"),  # at the meeting, out of one item only
    }


def test_a_case_number_label_before_a_sentence_gives_no_case_number_and_keeps_the_text() -> None:
    """A transcript runs empty fields into the text: "J.nr.:. Sagsid.: … Økonomiafdelingen
    sender …" holds no number; the sentence is the item's text."""
    text = (
        "Referat\nKommunalbestyrelsen\nOnsdag den 15. maj 2002\n\n"
        "89. Kvartalsrapport\n"
        "J.nr.:. Sagsid.: Initialer: Åben sag Økonomiafdelingen sender hermed regnskabsrapporten til orientering.\n"
        "Beslutning\nTaget til efterretning.\n\n"
        "90. Dallund Slot\nSagsnr.: 02/1234\nBeslutning\nGodkendt.\n"
    )
    first, second = extract_bytes("j.txt", text.encode(), enrich=False).meetings[0].items
    assert first.case_numbers == []
    assert "regnskabsrapporten" in " ".join([first.text or "", *(section.text for section in first.sections)])
    assert second.case_numbers == ["02/1234"]


def test_an_item_titled_godkendelse_af_dagsorden_does_not_make_minutes_an_agenda():
    # No kind word in the header; the first item's title ends in "dagsorden" and its
    # contents entry comes within the first lines. The decisions say these are minutes.
    text = (
        "Kultur- og Fritidsudvalget\n\nOnsdag den 2. februar 2022\n\nIndhold\n"
        "1. Godkendelse af dagsorden\n2. Tilskud til foreninger\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\nGodkendt\n\n"
        "2. Tilskud til foreninger\nIndstilling\nAt tilskuddet bevilges.\nBeslutning\nBevilget.\n"
    )
    assert extract_text(text).meetings[0].kind == "referat"
    # A title line that ends in the kind word still says the kind.
    agenda = (
        "Repræsentantskabsmøde i Trafikselskabet Dagsorden\n\n1. Budget 2015\nIndstilling\nAt budgettet godkendes.\n"
    )
    assert extract_text(agenda).meetings[0].kind == "dagsorden"


def test_a_lettered_line_after_a_decimal_sub_item_is_read_without_error():
    # "1.1" opens a sub-item of item 1; a "b." line after it is no next letter (no "a" came).
    # It crashed the reader once (a licence text of the parish corpus has this shape).
    text = (
        "Referat af bestyrelsesmøde den 3. marts 2025\n\n1. Valg\n1.1 Valg af formand\nAnne blev valgt.\n"
        "b. Valg af kasserer\nBo blev valgt.\n2. Eventuelt\nIntet.\n"
    )
    document = extract_bytes("minutes.txt", text.encode("utf-8"), enrich=False)
    first = document.meetings[0].items[0]
    assert (first.number, [sub.number for sub in first.subitems]) == ("1", ["1.1"])
