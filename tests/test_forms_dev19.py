"""Forms met in real-dev19 (2026-12-07), each in a document written for the test (invented
text; the forms are those of the real pages):

- an agenda whose item headings lead their paragraphs with 1, 2, 3 ("1 Åbent <title>") like
  a transcript's page numbers, with the items' text between them;
- a run-on contents of bare numbers without a page column ("1 <title> 2 <title> …"), one
  title opening with a number, one ending in a number, one cut at a full stop;
- a header row of labels without colons ("Mødedato … Mødetidspunkt … Mødelokale …");
- a transcript's running header on two pages of three; the body before "Møde nr.";
- points of earlier minutes ("Pkt. 6 …:") inside items numbered "1." … "5.";
- a contents list of "Pkt. N" entries, some without their page numbers; attachment lines
  run onto item titles ("Bilag 1: referat august 2010").
"""

from __future__ import annotations

from builders import only_meeting

FILLER = "Udvalget drøftede sagen grundigt, og der blev stillet flere spørgsmål til forvaltningen. " * 4


CONTENTS = (
    "1 Meddelelser fra formanden 2 Lokalplan 12.1 - tillæg til lokalplan 12 for Havnevej. Forslag"
    " 3 Anlægsbevilling til cykelsti 4 17, Den selvejende institution Solgården, godkendelse af skema C"
    " 5 Lånoptagelse Skolevej Fase 2 6 Ansøgning om midler fra puljen til grønne tage 7 Telefonisk deltagelse"
    " i udvalgsmøder"
)


def test_numbered_headings_with_text_between_are_no_transcript_and_a_bare_numbered_contents_is_read() -> None:
    text = (
        "Kommune\n\nDagsorden til møde i Kommunalbestyrelsen\n\n"
        "Mødedato 3. marts 2014 Mødetidspunkt 18.00 Mødelokale Rådssalen\n\n"
        "Indholdsfortegnelse\n\nKommunalbestyrelsen\n\nden 3. marts 2014\n\nÅben dagsorden\n\n"
        f"{CONTENTS}\n\n"
        "1 Åbent Meddelelser fra formanden\n\n012345-2014\n\nResumé\n\nFormanden orienterer.\n\n"
        "2 Åbent Lokalplan 12.1 - tillæg til lokalplan 12 for Havnevej. Forslag\n\n012346-2014\n\n"
        f"Resumé\n\n{FILLER}\n"
    )
    meeting = only_meeting(text)
    assert (str(meeting.date), meeting.start_time, meeting.location) == ("2014-03-03", "18:00", "Rådssalen")
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Meddelelser fra formanden"),
        ("2", "Lokalplan 12.1 - tillæg til lokalplan 12 for Havnevej. Forslag"),
        # listed only: the excerpt ends before them
        ("3", "Anlægsbevilling til cykelsti"),
        ("4", "17, Den selvejende institution Solgården, godkendelse af skema C"),
        ("5", "Lånoptagelse Skolevej Fase 2"),
        ("6", "Ansøgning om midler fra puljen til grønne tage"),
        ("7", "Telefonisk deltagelse i udvalgsmøder"),
    ]
    assert [section.kind for section in meeting.items[0].sections] == ["summary"]


def test_a_running_header_on_two_pages_and_the_body_before_the_meetings_number() -> None:
    header = "Miljøudvalget onsdag den 12. januar MILJØUDVALGET"
    pages = [
        "NORDBY KOMMUNE Miljøudvalget Møde nr. 4 Mødet blev holdt onsdag den 12. januar 2011 på Rådhuset i"
        " Mødelokale C. Mødet begyndte kl. 07:30. Medlemmer: Formand Agnete Holm (B), Karen Lund (A) " + FILLER,
        f"{header} 1. Bemærkninger til dagsordenen Sagsnr.: 10/230 Sagsbeskrivelse Ingen."
        " Beslutning Ingen bemærkninger.",
        f"{header} 2. Meddelelser Sagsnr.: 10/231 Sagsbeskrivelse Formanden orienterede."
        " Beslutning Taget til efterretning.",
    ]
    text = 'Møde\n\nDownload "Møde"\n\nTranskript\n\n' + "\n\n".join(f"{n} {page}" for n, page in enumerate(pages, 1))
    meeting = only_meeting(text)
    assert meeting.body == "Miljøudvalget"
    assert meeting.location.startswith("Rådhuset i Mødelokale C")  # not cut at its room's label
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Bemærkninger til dagsordenen"),  # an item's title, though it is also a heading's
        ("2", "Meddelelser"),
    ]
    assert [item.case_numbers for item in meeting.items] == [["10/230"], ["10/231"]]


def test_points_of_earlier_minutes_inside_numbered_items_are_not_the_items() -> None:
    text = (
        "Tid og sted\nLørdag d. 16. august 2003 kl. 9.00 på Kroen\n\nDagsorden\n"
        "1. Opfølgning på AU-referat nr. 04.03 og ref. fra mødet m. FS\n2. Meddelelser\n3. Ny struktur\n"
        "4. Ideer til beretning\n5. Evt.\n\n"
        "1. Opfølgning på AU referat nr. 04.03\n"
        "Pkt. 6 Stafetten: En ny forening er med, men en anden har meldt fra.\n\n"
        "Pkt. 3 Indsatsområder 2004-2006: Udvalget tager styrelsens svar til efterretning.\n\n"
        "2. Meddelelser\nIngen.\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Opfølgning på AU referat nr. 04.03"),  # (the list's "AU-referat" is the same title)
        ("2", "Meddelelser"),
        ("3", "Ny struktur"),
        ("4", "Ideer til beretning"),
        ("5", "Evt."),
    ]


def test_a_contents_of_labelled_entries_some_without_pages_and_attachment_lines_after_titles() -> None:
    page = (
        "1 Bestyrelsesmøde Dagsorden Møde/referat nr.: 7, 2010 Sted: Foreningen Dato: 26. november 2010"
        " Dagsorden: Indhold Pkt. 1 Godkendelse af referater... 1 Pkt. 2 Kommunikationsstrategi... 1"
        " Pkt. 3 Studierejse i foråret Pkt. 4 Årsmødet Pkt. 5 Eventuelt... 7"
        " Pkt. 1 Godkendelse af referater Bilag 1: referat august 2010 Referaterne godkendes."
        " Pkt. 2 Kommunikationsstrategi Bilag 3: Handlingsplan " + FILLER
    )
    text = f'Bestyrelsesmøde\n\nDownload "Bestyrelsesmøde"\n\nTranskript\n\n{page}\n\n2 {FILLER}\n'
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Godkendelse af referater"),
        ("2", "Kommunikationsstrategi"),
        ("3", "Studierejse i foråret"),
        ("4", "Årsmødet"),
        ("5", "Eventuelt"),
    ]


def test_a_parish_councils_table_of_points_with_lettered_sub_points_and_rulings_in_prose() -> None:
    # html-dev5's form: a Word table pasted into a church's page, "Pkt. | Tekst | <minutes>",
    # sub-points numbered "3.a", the rulings written as sentences.
    rows = [
        ("Pkt.", "Tekst", ""),
        ("1.", "Godkendelse af dagsorden", "Ingen afbud."),
        ("2.", "Orientering", ""),
        ("2.a", "Formanden", "Der er kommet invitation til provstiudvalgsmøde."),
        ("2.b", "Kirkeværgen", "Tagrenderne er renset."),
        ("3.", "Sager til beslutning", ""),
        ("3.a", "Budget 2021", "MR godkendte det reviderede budget."),
        ("3.b", "Budget 2022", "Budgettet, afleveret til provstiet den 6.6.2021, er godkendt."),
    ]
    cells = "".join("<tr>" + "".join(f"<td><p>{cell}</p></td>" for cell in row) + "</tr>" for row in rows)
    page = (
        "<html><head><title>Referat</title></head><body><h1>Referat af menighedsrådsmøde</h1>"
        f"<p>Onsdag den 9. juni 2021 kl. 19.00</p><table>{cells}</table></body></html>"
    )
    meeting = only_meeting(page, "mr.html")
    outline = [(item.number, item.title, [(sub.number, sub.title) for sub in item.subitems]) for item in meeting.items]
    assert outline == [
        ("1", "Godkendelse af dagsorden", []),
        ("2", "Orientering", [("2.a", "Formanden"), ("2.b", "Kirkeværgen")]),
        ("3", "Sager til beslutning", [("3.a", "Budget 2021"), ("3.b", "Budget 2022")]),
    ]
    budgets = meeting.items[2].subitems
    assert [(d.text, d.outcome) for d in budgets[0].decisions] == [("MR godkendte det reviderede budget.", "approved")]
    assert [d.outcome for d in budgets[1].decisions] == ["approved"]


def test_a_goal_told_in_an_at_clause_is_no_decision() -> None:
    text = (
        "Referat af møde i Landdistriktsudvalget den 5. marts 2007\n\n1. Kommuneplan\n\n"
        "Målet er, at en ny kommuneplan er vedtaget før udgangen af 2009.\n\n2. Eventuelt\n\nIntet.\n"
    )
    meeting = only_meeting(text)
    assert meeting.items[0].decisions == []


def test_a_web_pages_numbered_list_of_sentences_under_its_introduction_is_no_items() -> None:
    # html-dev5's form: a committee page whose items print no number or title, their
    # sections only; a Sagsfremstilling lists its points in an <ol> after a sentence ending
    # in a colon.
    section = "<h3>Sagsfremstilling</h3><p>{}</p>"
    page = (
        "<html><body><h1>Referat</h1><p>Beskæftigelsesudvalget onsdag den 6. marts 2024 kl. 19.00</p>"
        "<div class='punkt'>"
        + section.format("Studieturen til Esbjerg er aflyst, fordi mange har meldt fra.")
        + "<h3>Beslutning</h3><p>Til efterretning.</p></div>"
        "<div class='punkt'>"
        + section.format("Strategien samler sig om fire områder, som udvalget har udpeget:")
        + "<ol><li>Ungeområdet, fordi en indsats her er en investering i at undgå ledighed senere.</li>"
        "<li>Dagpengeområdet, hvor der er flere ledige, end der burde være, og hvor samarbejdet ændres.</li>"
        "<li>Sygedagpengeområdet, hvor udvalget vil sætte særligt fokus på hurtige afklaringer.</li></ol>"
        "<h3>Beslutning</h3><p>Tiltrådt.</p></div></body></html>"
    )
    meeting = only_meeting(page, "udvalg.html")
    assert [(item.number, item.title) for item in meeting.items] == [("", ""), ("", "")]
    assert [[d.outcome for d in item.decisions] for item in meeting.items] == [["noted"], ["approved"]]


def test_an_item_whose_first_point_stands_on_its_number_line_keeps_its_points() -> None:
    text = (
        "Referat fra generalforsamlingen lørdag den 13. marts 2010\n\n"
        "1. Valg af dirigent\n\nMogens Hansen blev valgt.\n\n"
        "2. Forslag\n\nIngen.\n\n"
        "3. a. Medlemsforslag: Der er ikke kommet forslag.\n\n   b. Bestyrelsesforslag: ingen.\n\n"
        "4. Eventuelt\n\nIntet.\n"
    )
    meeting = only_meeting(text)
    outline = [(item.number, item.title, [(sub.number, sub.title) for sub in item.subitems]) for item in meeting.items]
    assert outline == [
        ("1", "Valg af dirigent", []),
        ("2", "Forslag", []),
        ("3", "", [("a", "Medlemsforslag"), ("b", "Bestyrelsesforslag")]),
        ("4", "Eventuelt", []),
    ]


def test_members_with_roles_before_their_names_a_roll_with_group_headings_and_initials() -> None:
    # A committee's members, the officers' roles before their names, the list run on into
    # the agenda's first line.
    committee = only_meeting(
        "NORDBY KOMMUNE Miljøudvalget Møde nr. 4\n\nMødet blev holdt onsdag den 12. januar 2011.\n\n"
        "Medlemmer: Formand Agnete Holm (B), Næstformand Emma Lund (C), Karen Berg (A), John Dam (D)\n\n"
        "1. Meddelelser\n\nIngen.\n"
    )
    assert [(p.name, p.party, p.role) for p in committee.participants] == [
        ("Agnete Holm", "B", "formand"),
        ("Emma Lund", "C", "næstformand"),
        ("Karen Berg", "A", None),
        ("John Dam", "D", None),
    ]
    # A council's roll run together, its groups under headings without colons.
    roll = (
        "Medlemmer Ane Berg (IA) Bo Holm (S) Kim Dahl (S) Indkaldte suppleanter Eva Lund (IA) "
        "Afbud Ole Bach (D) Lis Krog (IA)"
    )
    text = f"Dagsorden\n\nTirsdag den 27. januar 2015 kl. 13.00\n\n{roll}\n\n1. Meddelelser\n\nIngen.\n"
    council = only_meeting(text)
    assert [(p.name, p.status) for p in council.participants] == [
        ("Ane Berg", "present"),
        ("Bo Holm", "present"),
        ("Kim Dahl", "present"),
        ("Eva Lund", "present"),
        ("Ole Bach", "absent"),
        ("Lis Krog", "absent"),
    ]
    # A board's members, each name followed by its initials and role, under "Bestyrelse:".
    board = only_meeting(
        "Bestyrelsesmøde\n\nDato: 26. november 2010\n\n"
        "Bestyrelse: Torben Holm TH Formand Anders Bach AB Trine L. Lund TLL Lene Dam LD\n\n"
        "Øvrige: Irene Berg IB Redaktør Jesper Krog JK Konsulent Ane Marie Kjær AMK Sekretariatsleder\n\n"
        "Pkt. 1 Godkendelse af referat\n\nGodkendt.\n"
    )
    assert [(p.name, p.role, p.status) for p in board.participants] == [
        ("Torben Holm", "formand", "present"),
        ("Anders Bach", None, "present"),
        ("Trine L. Lund", None, "present"),
        ("Lene Dam", None, "present"),
        ("Irene Berg", "redaktør", "guest"),
        ("Jesper Krog", "konsulent", "guest"),
        ("Ane Marie Kjær", "sekretariatsleder", "guest"),
    ]
