"""Forms met in real-dev17 and the eighteenth failure survey (2026-12-07), each in a document
written for the test (invented text; the forms are those of the real pages):

- a transcript whose page runs the items on with their minutes ("… Henning Hansen 1.
  Godkendelse af dagsorden <minutes> … punkt 20. Med tilføjelsen … 2. Godkendelse af …");
- a committee's code between each contents entry's number and its title ("5 ØK Salg af …");
- a web page's menu of the publisher's bodies above the minutes' own header;
- place forms: "Afholdt: <place>", "kl. 19,00 i <place>", "<date>, <place> kl. <time>",
  "afholdt i <place>" under the title; the body in "Referat bestyrelsesmøde …".
"""

from __future__ import annotations

from builders import only_meeting

from referat.extract import extract_bytes

FILLER = "Direktørerne drøftede sagen, og der blev stillet flere spørgsmål til sekretariatet undervejs. " * 4


def test_items_run_on_with_their_minutes_are_cut_at_numbers_that_count_on() -> None:
    # One transcript page: the header, the members, then item 1 with its minutes (which
    # mention "punkt 20." before a new sentence), then item 2 and its attachment line.
    page = (
        "1 Referat fra møde i direktørnetværket Tid og sted: Fredag 14. oktober 2011 Mødelokale C, Medborgerhuset,"
        " Torvet 5, Silkeborg Deltagere: Anna Holm, Bo Berg, Carl Dam 1. Godkendelse af dagsorden Anna Holm bad om,"
        " at høringen fra erhvervsakademiet kom med under punkt 20. Med tilføjelsen blev dagsordenen godkendt."
        " 2. Godkendelse af referatet fra mødet den 19. august 2011 Bilag 1. Referat fra mødet i august " + FILLER
    )
    text = f'Referat\n\nDownload "Referat"\n\nTranskript\n\n{page}\n\n2 {FILLER}\n'
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Godkendelse af referatet fra mødet den 19. august 2011"),
    ]
    # ("punkt 20." in item 1's minutes is no item: 21 never follows)
    assert meeting.items[0].decisions and meeting.items[0].decisions[0].outcome == "approved"
    # "Mødelokale C, Medborgerhuset": a room named by its letter, then its building
    assert meeting.location == "Mødelokale C, Medborgerhuset, Torvet 5, Silkeborg"
    assert meeting.body == "direktørnetværket"


def test_a_committee_code_between_number_and_title_opens_each_contents_entry() -> None:
    contents = (
        "Indholdsfortegnelse: Åben dagsorden 1 ØK Havnen A/S - årsrapport ØK Vandselskabet A/S - årsrapport"
        " ØK Energibesparelser 4 ØK Salg af grund ved Skolevej 5 ØK Gensalg af Kærvej 6, Egebjerg 6 ØK Mødekalender"
        " 7 TM Vejnavne i Nørreby"
    )
    text = (
        'Møde nr.: 5 Mødedato: 26. april 2011\n\nDownload "Møde nr.: 5 Mødedato: 26. april 2011"\n\nTranskript\n\n'
        f"1 REFERAT Byråd Møde nr.: 5 Mødedato: Mødested: Byrådssalen {contents}\n\n2 {FILLER}\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Havnen A/S - årsrapport"),
        ("", "Vandselskabet A/S - årsrapport"),
        ("", "Energibesparelser"),
        ("4", "Salg af grund ved Skolevej"),
        ("5", "Gensalg af Kærvej 6, Egebjerg"),
        ("6", "Mødekalender"),
        ("7", "Vejnavne i Nørreby"),
    ]
    assert meeting.body == "Byråd"


def test_a_contents_with_an_open_group_label_keeps_the_first_number() -> None:
    contents = (
        "Indholdsfortegnelse Sag nr. Side Åbne sager: 01 Spørgetid for byrådsmedlemmer Åbning af Algade for"
        " kørende trafik Midtvejsregulering af bevillinger Kommunegaranti - Nordby Fjernvarme Orientering"
    )
    text = (
        "Byrådet. Beslutningsprotokol\n\nTranskript\n\n1 Byrådet Beslutningsprotokol Dato: 26. november 2009"
        f"\n\n2 {contents}\n\n3 {FILLER}\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items][:3] == [
        ("01", "Spørgetid for byrådsmedlemmer"),
        ("", "Åbning af Algade for kørende trafik"),
        ("", "Midtvejsregulering af bevillinger"),
    ]
    assert "Åbne sager" not in [item.title.rstrip(":") for item in meeting.items]


def test_a_menu_of_the_publishers_bodies_is_not_the_meetings_body() -> None:
    menu = "\n".join(
        [
            "Byrådet (2014-2017)",
            "Byrådet (2010-2013)",
            "Økonomiudvalget",
            "Socialudvalget",
            "Det Lokale Beskæftigelsesråd",
            "Handicaprådet",
            "Plan- og Miljøudvalget",
            "Ældrerådet",
        ]
    )
    text = (
        f"Dagsordener og beslutningsprotokoller\n\n{menu}\n\n[ Log på ]\nPrintvenlig version\n\nReferat\n\n"
        "Plan- og Miljøudvalget\n\n25-06-2013\n\nDato\n\n25. juni 2013\n\nTid\n\n13:30\n\n"
        "Sted\n\nRådhuset, mødelokale 2\n\n"
        "Indholdsfortegnelse\n\n1.  - Helhedsplan for Strandby\n2.  - Boligprojekt ved Havnevej\n\n"
        "1.  - Helhedsplan for Strandby\nSagsfremstilling\nPlanen er sendt i høring.\nBeslutning\nGodkendt.\n\n"
        "2.  - Boligprojekt ved Havnevej\nSagsfremstilling\nProjektet omfatter 40 boliger.\nBeslutning\nGodkendt.\n"
    )
    meeting = only_meeting(text)
    assert (meeting.kind, meeting.body, str(meeting.date)) == ("referat", "Plan- og Miljøudvalget", "2013-06-25")
    assert [item.title for item in meeting.items] == ["Helhedsplan for Strandby", "Boligprojekt ved Havnevej"]


ITEMS = "\n1. Valg af dirigent\nJens Holm blev valgt.\n\n2. Beretning\nBeretningen blev godkendt.\n"


def test_places_printed_around_the_date_and_time() -> None:
    held = "Referat af generalforsamling\nafholdt i Medborgerhuset, Viby,\n24. maj 2023\n" + ITEMS
    assert only_meeting(held).location == "Medborgerhuset, Viby"
    between = "Generalforsamling\n\nOnsdag 24. maj 2023, Hotel Phønix kl. 17.30\n" + ITEMS
    assert (only_meeting(between).location, only_meeting(between).start_time) == ("Hotel Phønix", "17:30")
    comma_clock = "Referat af menighedsrådsmøde onsdag den 6. marts 2019 kl. 19,00 i Sognegården på Torvet\n" + ITEMS
    assert only_meeting(comma_clock).location == "Sognegården på Torvet"
    labelled = (
        "Mødereferat\n\nd.: 10-09-2009 kl.: 16:30\n\nKontaktudvalg\n\nAfholdt: Gillelejehuset, Den gl. Byrådssal\n"
        + ITEMS
    )
    assert only_meeting(labelled).location == "Gillelejehuset, Den gl. Byrådssal"


def test_the_body_in_a_meeting_noun_after_the_kind_word() -> None:
    for title, body in (
        ("Referat bestyrelsesmøde tirsdag den 5. marts 2019 kl. 19.30", "Bestyrelsen"),
        ("REFERAT BESTYRELSESMØDE 5. MARTS 2019", "Bestyrelsen"),
        ("Referat — menighedsrådsmøde, Højby, tirsdag den 5. marts 2019", "Menighedsrådet"),
    ):
        assert only_meeting(title + "\n" + ITEMS).body == body, title


def test_a_print_buttons_line_is_no_place() -> None:
    text = "Referat af lokalrådsmøde 6 d. 19.02.2018\n\nPrint Friendly, PDF & Email\n" + ITEMS
    meeting = only_meeting(text)
    assert meeting.location is None
    assert "Print Friendly" not in meeting.model_dump_json()


def test_an_answer_keyed_ad_n_in_a_run_on_line_takes_the_agenda_title() -> None:
    # ("punkt 6." in the minutes of point 2 stands between "Ad 2." and "Ad 3.")
    page = (
        "1 Referat af møde i bestyrelsen den 23. september 2014 Dagsorden: 1. Godkendelse af referat"
        " 2. Nyt fra formanden og rektor 3. Eventuelt Ad 1. Godkendelse af referat Beslutning Bestyrelsen"
        " godkendte referatet. Ad 2. Nyt fra formanden og rektor Orientering Formanden fortalte om skolens"
        " nye elevtal, se også punkt 6. Renovering af gården. Ad 3. Eventuelt Intet. " + FILLER
    )
    meeting = only_meeting(f"Referat\n\nTranskript\n\n{page}\n\n2 {FILLER}\n")
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Godkendelse af referat"),
        ("2", "Nyt fra formanden og rektor"),
        ("3", "Eventuelt"),
    ]


def test_a_reference_to_a_later_point_does_not_set_the_item_style() -> None:
    text = (
        "Referat af generalforsamling\n\nlørdag den 4. marts 2023 kl. 10.00 på Biblioteket\n\n"
        "1. Velkomst\n\nFormanden bød velkommen.\n\n2. Valg af dirigent\n\nJens Holm blev valgt til dirigent.\n\n"
        "Punkt 15. ”Eventuelt” blev tilføjet dagsordenen.\n\n3. Formandens beretning\n\nBeretningen blev godkendt.\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Velkomst"),
        ("2", "Valg af dirigent"),
        ("3", "Formandens beretning"),
    ]


def test_a_minute_running_on_from_its_title_is_a_decision_with_its_subject() -> None:
    text = (
        "Referat af generalforsamling 2018\n\n1. Valg af dirigent – Bent Holm\n"
        "2. Formandens beretning blev godkendt. Formanden kan udlevere beretningen.\n"
        "3. Kassererens beretning blev godkendt – kan fås hos kassereren\n"
    )
    meeting = only_meeting(text)
    decisions = {item.number: [d.text for d in item.decisions] for item in meeting.items}
    assert decisions["2"] == ["Formandens beretning blev godkendt."]
    assert decisions["3"] == ["Kassererens beretning blev godkendt – kan fås hos kassereren"]


def test_run_on_sub_items_labels_before_values_and_a_meeting_forum() -> None:
    page = (
        "1 Referat Dato: Mødeforum: Ordinært møde i bestyrelsen for Nordby Professionshøjskole Dato: Torsdag den"
        " 12. september 2013 Sted: Mødeleder: Deltagere: Campus Nordby, Skolevej 28, 8700 Horsens (mødelokale i"
        " fælleshuset, se kortet over campus) Anna Holm Anna Holm,"
        " Bo Berg, Carl Dam Dagsorden 1. Godkendelse af dagsorden 2. Undertegnelse af referat 3. Økonomi"
        " 3a. Orientering om årsrapport 2012 3b. Regnskab for andet kvartal 4. Eventuelt " + FILLER
    )
    meeting = only_meeting(f"Referat\n\nTranskript\n\n{page}\n\n2 {FILLER}\n")
    assert (meeting.body, meeting.organisation) == ("Bestyrelsen", "Nordby Professionshøjskole")
    assert meeting.location == "Campus Nordby, Skolevej 28, 8700 Horsens"
    economy = next(item for item in meeting.items if item.number == "3")
    assert (economy.title, [(sub.number, sub.title) for sub in economy.subitems]) == (
        "Økonomi",
        [("3a", "Orientering om årsrapport 2012"), ("3b", "Regnskab for andet kvartal")],
    )


def test_a_video_link_under_a_decision_is_no_part_of_it() -> None:
    html = (
        "<html><body><h1>Byrådet</h1><p>Referat 20-06-2018</p>"
        "<div><h3>Punkt 139 Årsregnskab 2017</h3><ul><li><a href='#'>Beslutning i Byrådet den 20-06-2018</a>"
        "<div><p>Godkendt.</p></div></li></ul><a class='show-video' href='tv#t=95'>Show video</a></div>"
        "<div><h3>Punkt 140 Budget 2019</h3><ul><li><a href='#'>Beslutning i Byrådet den 20-06-2018</a>"
        "<div><p>Taget til efterretning.</p></div></li></ul><a class='show-video' href='tv#t=410'>Show video</a></div>"
        "</body></html>"
    )
    document = extract_bytes("byraad.html", html.encode(), enrich=False)
    decisions = [d.text for item in document.meetings[0].items for d in item.decisions]
    assert decisions == ["Godkendt.", "Taget til efterretning."]


def test_a_run_on_contents_with_closed_markers_after_titles() -> None:
    # A transcript's contents: the title column's header, standing titles run into the next
    # title, and "LUKKET SAG" after each closed entry's title (with or without a dash).
    contents = (
        "Indholdsfortegnelse Punkter til dagsorden Side 1. Godkendelse af dagsorden Meddelelser Flytning af skel"
        " langs kanalen Budget Nørre Gård, omlægning af lån Deltagelse i årsmøde LUKKET SAG Besvarelse af"
        " henvendelse fra ministeriet - LUKKET SAG KL's Social- og Sundhedspolitiske Forum maj LUKKET SAG"
        " Salg af ejendom - LUKKET SAG...25 Bilagsoversigt"
    )
    text = (
        "Åbent referat til Økonomiudvalget\n\nTranskript\n\n1 Åbent referat til Økonomiudvalget Mødedato: Tirsdag"
        f" den 10. marts 2015 Mødetidspunkt: 9:00 {FILLER}\n\n2 {contents}\n\n3 {FILLER}\n"
    )
    meeting = only_meeting(text)
    assert [(item.title, item.access) for item in meeting.items] == [
        ("Godkendelse af dagsorden", "public"),
        ("Meddelelser", "public"),
        ("Flytning af skel langs kanalen", "public"),
        ("Budget", "public"),
        ("Nørre Gård, omlægning af lån", "public"),
        ("Deltagelse i årsmøde", "closed"),
        ("Besvarelse af henvendelse fra ministeriet", "closed"),
        ("KL's Social- og Sundhedspolitiske Forum maj", "closed"),
        ("Salg af ejendom", "closed"),
    ]


def test_a_run_on_agenda_list_with_group_labels_and_lost_numbers() -> None:
    page = (
        "1 Referat af bestyrelsesmøde Mødedato: 5. december 2012 Til stede: Anna Holm, Bo Berg Protokoller:"
        " 1. Godkendelse af referat fra sidste møde 2. Revisionsprotokol Politiske sager: 3. Evaluering af"
        " repræsentantskabsmødet Gennemførelse af projekt om tryghed i afdelingerne 5. Satser til budget"
        " 6. Regulering af honorar Afdelingsrelaterede sager: 7. Evaluering af medlemsmøder 8. Eventuelt"
    )
    items_page = "2 1. Godkendelse af referat Sagsfremstilling Referatet skal godkendes. " + FILLER
    meeting = only_meeting(f"Referat\n\nTranskript\n\n{page} {FILLER}\n\n{items_page}\n")
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Godkendelse af referat"),
        ("2", "Revisionsprotokol"),
        ("3", "Evaluering af repræsentantskabsmødet"),
        ("4", "Gennemførelse af projekt om tryghed i afdelingerne"),
        ("5", "Satser til budget"),
        ("6", "Regulering af honorar"),
        ("7", "Evaluering af medlemsmøder"),
        ("8", "Eventuelt"),
    ]


def test_an_excerpt_that_ends_in_its_contents_list_keeps_the_listed_items() -> None:
    # The stored page stops before the first item: the agenda's contents are all there is.
    # "Åben dagsorden <udvalg> <administration>" names the kind and the body; the lost date
    # leaves the start time and the room to say it is a meeting.
    first = (
        "1 Åben dagsorden Økonomiudvalget Borgmesterkontoret Side 1. Mødedato: Mødet påbegyndt: kl. 14:30"
        " Mødested: Mødelokale 122, 1. sal, Rådhuset Fraværende: Følgende sager behandles: Pkt. Tekst Side"
        " 1 Budget, regnskab og likviditet 4 3 Godkendelse af beskæftigelsesplan 9 4 Frigivelse af"
        " vedligeholdsmidler til kulturbygninger 19 5 Ansøgning om frigivelse af beløb til haller 28"
    )
    meeting = only_meeting(
        f"Åben dagsorden Økonomiudvalget Borgmesterkontoret\n\nTranskript\n\n{first} {FILLER}\n\n2 {FILLER}\n"
    )
    assert (meeting.kind, meeting.body, meeting.start_time) == ("dagsorden", "Økonomiudvalget", "14:30")
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Budget, regnskab og likviditet"),
        ("3", "Godkendelse af beskæftigelsesplan"),
        ("4", "Frigivelse af vedligeholdsmidler til kulturbygninger"),
        ("5", "Ansøgning om frigivelse af beløb til haller"),
    ]


def test_a_transcripts_running_header_and_run_in_verdicts() -> None:
    header = "Nordø Regionskommune Tirsdag den side"
    pages = [
        f"1 {header} 1 Referat Møde den 15. februar 2011 kl. 09.30 {FILLER}",
        f"2 {header} 2 Fraværende: Ingen Bemærkninger til dagsordenen: Ingen. {FILLER}",
        f"3 {header} 3 1. Godkendelse af dagsorden. Godkendt. 2. Referat fra mødet den 11. januar Godkendt."
        f" 3. Besøg af projektlederen Projektlederen orienterede om byggeriet. {FILLER}",
    ]
    meeting = only_meeting("Referat\n\nTranskript\n\n" + "\n\n".join(pages) + "\n")
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Referat fra mødet den 11. januar"),
        ("3", "Besøg af projektlederen"),
    ]
    assert [d.outcome for d in meeting.items[1].decisions] == ["approved"]
    # the page's running header is no place, and no text after the first page (where it
    # stands before the document's title)
    assert meeting.location is None
    assert meeting.model_dump_json().count("Regionskommune Tirsdag") <= 1


def test_section_headings_and_recommendation_lead_ins_of_more_systems() -> None:
    text = (
        "Byrådet - Referat - 12.03.2019\n\n"
        "1. Salg af grund ved Skolevej\nPræsentation:\nKommunen ejer en grund ved Skolevej.\n"
        "Forvaltningen foreslår:\n• At grunden sættes til salg.\n• At mindsteprisen fastsættes til 500.000 kr.\n"
        "Beslutning:\nGodkendt.\n\n"
        "2. Vejnavne i Nørreby\nSagstema\nNye vejnavne.\nRedegørelse\nDer er bygget nye boliger.\n"
        "Høring og sagsgang\nSagen afgøres af byrådet.\nHovedindstilling\nDirektøren indstiller, at:\n"
        "1. vejnavnene godkendes.\nBeslutning\nGodkendt.\n"
    )
    meeting = only_meeting(text)
    assert meeting.kind == "referat"
    first, second = meeting.items
    assert [s.kind for s in first.sections] == ["summary", "recommendation", "decision"]
    assert first.recommendations == ["grunden sættes til salg.", "mindsteprisen fastsættes til 500.000 kr."]
    assert [s.kind for s in second.sections] == ["summary", "background", "process", "recommendation", "decision"]
    assert second.recommendations == ["vejnavnene godkendes."]


def test_the_first_item_glued_to_the_agenda_lists_last_date() -> None:
    text = (
        "Udvalget for Børn\n\n29-01-2013 18:00:00\n\nPUNKTER\n"
        "8. Godkendelse af dagsorden\n9. Frigivelse af anlægsmidler\n"
        "10. Eventuelt - Udvalget for Børn den 29.01.20138. Godkendelse af dagsorden\n"
        "Indstilling\nDirektøren indstiller, at:\n1. dagsordenen godkendes\n"
        "Beslutning i Udvalget for Børn den 29-01-2013\nGodkendt\n\n"
        "9. Frigivelse af anlægsmidler\nIndstilling\nDirektøren indstiller, at:\n1. midlerne frigives\n"
        "Beslutning i Udvalget for Børn den 29-01-2013\nGodkendt\n"
    )
    meeting = only_meeting(text)
    first = next(item for item in meeting.items if item.number == "8")
    # (the decision under the glued heading is item 8's, not lost under the list's last entry)
    assert first.recommendations == ["dagsordenen godkendes"]
    assert [d.outcome for d in first.decisions] == ["approved"]


def test_a_one_item_page_cut_off_after_its_recommendation() -> None:
    # A city's item page: the meeting's fields, the item's title without a number, a lead, and
    # the recommendation, where the stored page ends ("8. at" cut off).
    text = (
        "Mødedato: 23.08.2017, kl. 11:00\nMødested: Hotel Strandly, Snekkersten\n\n"
        "Første behandling af budgetforslag 2018 (augustindstillingen)\n\nSe alle bilag\n\n"
        "Den 5. oktober skal budgettet vedtages, og forvaltningen har lagt forslaget frem.\n\nIndstilling\n\n"
        "Økonomiforvaltningen indstiller, at Økonomiudvalget over for Borgerrepræsentationen anbefaler,\n\n"
        "1. at budgetforslaget lægges til grund for budgetforhandlingen,\n\n"
        "2. at fristen for ændringsforslag fastsættes til den 18. september 2017,\n\n8. at"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("", "Første behandling af budgetforslag 2018 (augustindstillingen)")
    ]
    assert meeting.items[0].recommendations == [
        # (the list's commas are no part of a clause)
        "budgetforslaget lægges til grund for budgetforhandlingen",
        "fristen for ændringsforslag fastsættes til den 18. september 2017",
    ]
