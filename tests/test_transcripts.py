"""Document-sharing sites publish a PDF's text as a transcript: each page one paragraph,
led by the page's number, its printed lines run together. The documents here are written
for these tests in that form (invented text; the forms are those of the real transcripts
in corpus/real-dev3)."""

from __future__ import annotations

from referat.extract import extract_bytes
from referat.extract.layout import clean_layout
from referat.extract.pages import Line, Page

FILLER = "Udvalget drøftede sagen grundigt, og der blev stillet flere spørgsmål til administrationen. " * 4

PAGES = [
    "Kultur- og Fritidsudvalget Referat fra møde Tirsdag den 10. januar 2012 kl. 16.00 i Hallen, Jægerspris"
    f" MØDEDELTAGERE Grethe Olsen (F) Jens Ross Andersen (V) {FILLER}",
    "Indholdsfortegnelse 1. Skulpturlandskab ved Gerlevparken 3 2. Musikskolen Status 2011 4 3. Kulturpris Side 2",
    "Sag nr. 1 Skulpturlandskab ved Gerlevparken Side 3 Sagsfremstilling Sekretariatet har holdt møde med stedets"
    " repræsentanter. Indstilling: Forvaltningen indstiller, at sagen tages til efterretning."
    " Beslutning: Taget til efterretning.",
    "Sag nr. 2 Musikskolen Status 2011 Sagsfremstilling Musikskolen har sendt sin status for året."
    " Beslutning: Godkendt.",
    "Sag nr. 3 Kulturpris Sagsfremstilling Prisen uddeles hvert år i marts. Beslutning: Godkendt.",
]
# The sharing site's wrapper, then one paragraph a page led by the page's number.
TRANSCRIPT = (
    'Kultur- og Fritidsudvalget\n\nDownload "Kultur- og Fritidsudvalget"\n\nStørrelse: px\n\nTranskript\n\n'
    + "\n\n".join(f"{number} {text}" for number, text in enumerate(PAGES, start=1))
    + "\n"
)


def test_a_transcripts_items_are_read_from_its_run_on_pages() -> None:
    document = extract_bytes("kfu.txt", TRANSCRIPT.encode(), enrich=False)
    assert len(document.meetings) == 1
    meeting = document.meetings[0]
    assert meeting.kind == "referat"
    assert str(meeting.date) == "2012-01-10"
    assert (meeting.body, meeting.start_time, meeting.location) == (
        "Kultur- og Fritidsudvalget",
        "16:00",
        "Hallen, Jægerspris",
    )
    # the site's own controls are no text of the document
    assert "Størrelse" not in document.model_dump_json()
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Skulpturlandskab ved Gerlevparken"),
        ("2", "Musikskolen Status 2011"),
        ("3", "Kulturpris"),
    ]
    # the page number that leads each paragraph is the page the item is on
    assert [item.pages[0] for item in meeting.items] == [3, 4, 5]
    first = meeting.items[0]
    assert [section.kind for section in first.sections][:1] == ["background"]
    assert first.decisions and first.decisions[0].outcome == "noted"


def test_a_heading_in_capitals_is_not_cut_inside_its_own_words() -> None:
    text = "1 " + FILLER + "\n\n2 SAG NR. 1 VALGBOG ADMINISTRATIONENS INDSTILLING at valgbogen godkendes. " + FILLER
    pages = extract_bytes("rh.txt", text.encode(), enrich=False)
    item = pages.meetings[0].items[0]
    assert item.title.upper() == "VALGBOG"
    assert any(section.heading.upper() == "ADMINISTRATIONENS INDSTILLING" for section in item.sections)


def test_a_text_without_run_on_lines_is_left_as_it_is() -> None:
    text = "Referat\nØkonomiudvalget\n\n1. Godkendelse af dagsorden Side 3\nBeslutning: Godkendt.\n"
    meeting = extract_bytes("ok.txt", text.encode(), enrich=False).meetings[0]
    assert meeting.items[0].title == "Godkendelse af dagsorden Side 3"


def test_a_contents_list_named_sagsoversigt_with_wrapped_entries_is_not_items() -> None:
    lines = [
        "Referat",
        "Økonomiudvalget",
        "Sagsoversigt",
        "Side",
        "01.",
        "Godkendelse af dagsorden ........................4",
        "02.",
        "Ansøgning om ekstraordinær garantistillelse til forbedringer i en",
        "almen boligafdeling .............................23",
        "03.",
        "Lovliggørelse af en ejendom .....................25",
    ]
    layout = clean_layout([Page(1, [Line(text, 1) for text in lines])])
    assert [line.text for line in layout.lines] == ["Referat", "Økonomiudvalget"]
    assert [(entry.number, entry.page) for entry in layout.toc] == [("01", 4), ("02", 23), ("03", 25)]


def test_a_transcripts_title_in_capitals_is_the_header_and_a_group_label_no_decision():
    # A document-sharing transcript of old council minutes: the title line, then page 1 as one
    # line with the kind word and the date in capitals; page 2 files its item under a label
    # that names who decides ("TIL KOMMUNALBESTYRELSENS AFGØRELSE"), its case labels empty.
    page_two = (
        "2 Kommunalbestyrelsen 29. januar 2009 Side: 2 TIL KOMMUNALBESTYRELSENS AFGØRELSE 562. Lån til "
        "varmeværket Sagsnr J.nr Varmeværket søger om en garanti for et lån på 12 mio. kr. til udskiftning af "
        "ledninger i den nordlige del af byen, og sagen har været drøftet i økonomiudvalget. "
        * 2
        + "KOMMUNALBESTYRELSENS AFGØRELSE Godkendt."
    )
    text = (
        "KOMMUNALBESTYRELSEN FOR EGNS KOMMUNE\n\nStørrelse: px\nStarte visningen fra side:\n\nTranskript\n\n"
        "1 KOMMUNALBESTYRELSEN FOR EGNS KOMMUNE REFERAT FRA MØDE NR. 26 TORSDAG DEN 29. JANUAR 2009, "
        "KL PÅ BYENS RÅDHUS, BYRÅDSSALEN Fraværende: Bent Hansen, Arne Kruse. Til behandling forelå: "
        + "Lån til varmeværket og andre sager, som kommunalbestyrelsen skal tage stilling til i dag. " * 3
        + "\n\n"
        + page_two
        + "\n"
    )
    meeting = extract_bytes("egns.txt", text.encode(), enrich=False).meetings[0]
    assert (meeting.body, meeting.date) == ("Kommunalbestyrelsen", "2009-01-29")
    assert [(item.number, item.title) for item in meeting.items] == [("562", "Lån til varmeværket")]
    assert [(d.text, d.outcome) for d in meeting.items[0].decisions] == [("Godkendt.", "approved")]


def test_a_label_over_several_items_with_the_first_item_after_its_colon():
    # "Sager til beslutning: 1. …": the label is no decision heading, the item starts at "1."
    text = (
        "Busselskabet Bestyrelse. Referat.\n\nTranskript\n\n"
        "1 Busselskabet Bestyrelse Referat Torsdag den 8. december 2016 Deltagere: Formand Ole Holm, "
        + FILLER
        + "\n\n2 Sager til beslutning: 1. Afdækning af risici ved oliepriser Resumé: "
        + FILLER
        + "Indstilling: Direktionen indstiller, at bestyrelsen godkender aftalen. "
        + FILLER
        + "\n"
    )
    meeting = extract_bytes("bus.txt", text.encode(), enrich=False).meetings[0]
    assert [(item.number, item.title) for item in meeting.items] == [("1", "Afdækning af risici ved oliepriser")]
    assert [s.kind for s in meeting.items[0].sections] == ["summary", "recommendation"]


def test_a_flattened_contents_table_numbers_its_items_and_drops_the_committee_labels() -> None:
    # A transcript of a council's contents table, "Pkt. | Tekst | Side" with the committee
    # over each row, run together: number, title, page, then the next committee.
    run = (
        "Pkt. Tekst Side Udvalget for Politisk Koordination og Økonomi 70 Ansættelse af flere "
        "medarbejdere i Jobcentret 4 Udvalget for Beskæftigelse 71 Ekstraopgaver ved reform af "
        "førtidspension 7 Udvalget for Fritid og Fællesskab 72 Tilskud til energirenovering af "
        "haller 9 Udvalget for Teknik 73 Indsamling af husholdningsaffald 14"
    )
    layout = clean_layout([Page(2, [Line("Indholdsfortegnelse", 2), Line(run, 2)])])
    assert [(entry.number, entry.title) for entry in layout.toc] == [
        ("70", "Ansættelse af flere medarbejdere i Jobcentret"),
        ("71", "Ekstraopgaver ved reform af førtidspension"),
        ("72", "Tilskud til energirenovering af haller"),
        ("73", "Indsamling af husholdningsaffald"),
    ]


def test_group_labels_in_a_run_on_contents_list_are_no_entries() -> None:
    run = (
        "Åbne efterretningssager Strukturplan for sygehusvæsenet i regionen Åbne beslutningssager "
        "Valgsteder i kommunen Udbetaling af kørselsgodtgørelse til medlemmerne Sammenhængende "
        "børnepolitik for kommunen Bilagsliste...1 Side 199"
    )
    layout = clean_layout([Page(2, [Line("Indholdsfortegnelse:", 2), Line(run, 2)])])
    assert [entry.title for entry in layout.toc] == [
        "Strukturplan for sygehusvæsenet i regionen",
        "Valgsteder i kommunen",
        "Udbetaling af kørselsgodtgørelse til medlemmerne",
        "Sammenhængende børnepolitik for kommunen",
    ]


def test_a_boards_members_run_together_after_their_titles_are_each_read_once() -> None:
    # A utility's board: the member table flattened into "<title> <name>" pairs, the
    # agenda run on after the last name.
    page = (
        "1 Referat af bestyrelsesmøde den 27. februar 2014 Dato: 27. februar 2014 Sted: Renseanlægget "
        "Deltagere: Formand Per Tærsbøl Næstformand Gitte Kondrup Bestyrelsesmedlem Dennis J. Knudsen "
        "Adm. direktør Jacob Brønnum Direktionssekretær Helle Andersen Vandchef Morten Timmermann "
        "Dagsorden Introduktion til bestyrelsesarbejdet ved advokat Klavs Gravesen "
        "1. Godkendelse af dagsorden 2. Formanden orienterer 3. Direktionen orienterer " + FILLER
    )
    transcript = f'Referat\n\nDownload "Referat"\n\nTranskript\n\n{page}\n'
    [meeting] = extract_bytes("board.txt", transcript.encode(), enrich=False).meetings
    assert [(person.name, person.role) for person in meeting.participants] == [
        ("Per Tærsbøl", "formand"),
        ("Gitte Kondrup", "næstformand"),
        ("Dennis J. Knudsen", "bestyrelsesmedlem"),
        ("Jacob Brønnum", "adm. direktør"),
        ("Helle Andersen", "direktionssekretær"),
        ("Morten Timmermann", "vandchef"),
    ]


# A transcript of an old eDoc-style PDF: its header table read label column first (the place
# label has no value of its own; the room follows the date among the values), and contents
# whose front matter is numbered in roman, with the open and closed parts' labels between
# the entries and a page footer ("åben") after the last one.
ROMAN_CONTENTS = (
    'Nordby Kommune. Teknisk Udvalg. Referat\n\nDownload "Nordby Kommune. Teknisk Udvalg. Referat"\n\n'
    "Transkript\n\n"
    "1 Nordby Kommune Teknisk Udvalg Referat Dato: Starttidspunkt for møde: Kl Mødested: Udsendelsesdato:"
    " Afbud fra: Tirsdag den 12-marts-2002 Udvalgsværelse III Fraværende: Ingen. Mødedeltagere: Anne Holm,"
    " Bo Lind, Carl Juhl åben\n\n"
    "2 Indholdsfortegnelse Til efterretning - for åbne døre...i 21. Til efterretning - Vintertjenesten...i"
    " 22. Til efterretning - Havnens regnskab...ii Til behandling - for åbne døre...iii 23. Vejplan"
    " for bymidten...iii 24. Cykelsti langs Strandvejen v 25. Budget...iv Til behandling - for lukkede"
    " døre...vi 26. Lukket sag: Køb af jord...vi åben\n\n"
    "3 Side i Til efterretning - for åbne døre 21. Til efterretning - Vintertjenesten J.nr.: Sagsid.:"
    " Åben sag Forvaltningen orienterer om vinterens saltforbrug, som var lavere end sidste år.\n"
)


def test_roman_contents_pages_and_a_room_among_a_header_tables_values() -> None:
    document = extract_bytes("tu.txt", ROMAN_CONTENTS.encode(), enrich=False)
    meeting = document.meetings[0]
    assert str(meeting.date) == "2002-03-12"
    assert meeting.location == "Udvalgsværelse III"
    assert [(item.number, item.title, item.access) for item in meeting.items] == [
        ("21", "Til efterretning - Vintertjenesten", "public"),
        ("22", "Til efterretning - Havnens regnskab", "public"),
        ("23", "Vejplan for bymidten", "public"),
        ("24", "Cykelsti langs Strandvejen", "public"),
        ("25", "Budget", "public"),
        ("26", "Køb af jord", "closed"),
    ]


def test_a_run_on_contents_under_its_column_headers_goes_on_over_the_next_page() -> None:
    # No contents heading: the table's column headers ("Sag nr.: Emne:") run on after the
    # header, and the list's rest opens the next page with an entry's number.
    first = (
        "MØDESTED: Rådhuset, Byrådssalen REFERAT Økonomiudvalget 12-03-2006 Deltagere: Anne Holm, Bo Lind"
        " Fraværende: Bo Lind Sag nr.: Emne: 1. Forlængelse af lån i KommuneKredit Opførelse af nye"
        " klasselokaler ved Nordby Skole Etablering af Strandpark - bevillingssag Partnerskabsaftale med"
        " Region Midtjylland om autisme Aftale med Vestby Lufthavn a.m.b.a om drift... 12"
    )
    second = (
        "23. Vedtægter for EU-kontoret Udkast til kommissorium for landsbyudvalget Oprettelse af kommunearkiv"
        " Brugerbetaling for madservice Servicepakker på ældrecentrene"
    )
    text = f'Økonomiudvalget\n\nDownload "Økonomiudvalget"\n\nTranskript\n\n1 {first}\n\n2 {second}\n'
    document = extract_bytes("oeu.txt", text.encode(), enrich=False)
    assert [(item.number, item.title) for item in document.meetings[0].items] == [
        ("1", "Forlængelse af lån i KommuneKredit"),
        ("", "Opførelse af nye klasselokaler ved Nordby Skole"),
        ("", "Etablering af Strandpark - bevillingssag"),
        ("", "Partnerskabsaftale med Region Midtjylland om autisme"),
        ("", "Aftale med Vestby Lufthavn a.m.b.a om drift"),
        ("23", "Vedtægter for EU-kontoret"),
        ("", "Udkast til kommissorium for landsbyudvalget"),
        ("", "Oprettelse af kommunearkiv"),
        ("", "Brugerbetaling for madservice"),
        ("", "Servicepakker på ældrecentrene"),
    ]


def test_contents_under_a_running_header_and_its_columns_sag_nr_side() -> None:
    # "Indholdsfortegnelse" / the page's running header / "Sag nr. Side 1. <titles run on>":
    # "Side 1." is the page column's header and the first entry's number, not a page mark.
    contents = (
        "Indholdsfortegnelse Byrådet den 5. oktober 2009 kl Sag nr. Side 1. Godkendelse af dagsorden"
        " Indkaldelse af stedfortræder Anlægsregnskab vedr. Udstykning Kassebjerggård, område 1 og 6-7"
        " Disponering af overførte driftsmidler Ændring af vedtægter for Korsør Havn...15"
    )
    text = (
        'Byrådet\n\nDownload "Byrådet"\n\nStørrelse: px\n\nTranskript\n\n1 Referat Byrådet Mødedato 5. oktober 2009'
        f" Mødelokale Rådhuset\n\n2 {contents}\n\n3 Byrådet den 5. oktober 2009 kl 1. Godkendelse af"
        " dagsorden Sagsnr.: Kompetence: Åben sag Borgmesteren indstiller, at dagsordenen godkendes."
        f" {FILLER} Beslutning Godkendt.\n"
    )
    meeting = extract_bytes("by.txt", text.encode(), enrich=False).meetings[0]
    assert meeting.body == "Byrådet"
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("", "Indkaldelse af stedfortræder"),
        ("", "Anlægsregnskab vedr. Udstykning Kassebjerggård, område 1 og 6-7"),
        ("", "Disponering af overførte driftsmidler"),
        ("", "Ændring af vedtægter for Korsør Havn"),
    ]


def test_an_ordinal_in_a_street_name_and_a_first_entry_numbered_after_the_page_column() -> None:
    from referat.extract.contents_runs import run_on_titles
    from referat.extract.runon import split_run_on_lines

    # "Chr. 8. Vej": an ordinal inside a name goes on with the name
    assert run_on_titles("Leje af lokaler på Chr. 8. Vej i Silkeborg...12 Gensidig orientering...13") == [
        ("", "Leje af lokaler på Chr. 8. Vej i Silkeborg"),
        ("", "Gensidig orientering"),
    ]
    # "Indholdsfortegnelse Side 246. Godkendelse …": 246 is the first entry's number, no page
    line = Line("Indholdsfortegnelse Side 246. Godkendelse af anlægsbevilling " + "Budget for året " * 20, 2)
    texts = [line.text for line in split_run_on_lines([Page(2, [line])])[0].lines]
    assert texts[:2] == [
        "Indholdsfortegnelse",
        "Side 246. Godkendelse af anlægsbevilling " + "Budget for året " * 19 + "Budget for året",
    ]


def test_a_noun_titles_open_with_starts_the_next_run_on_title_even_after_a_name() -> None:
    from referat.extract.contents_runs import run_on_titles

    # "Udviklingsråd Støtte til …", "Skole Byggeregnskab for …": a capitalised word after a
    # capitalised one opens a title when it is a noun titles open with (alone or as a
    # compound's head) and a small word follows; a name's next word does not.
    assert run_on_titles(
        "Himmerlands Udviklingsråd Støtte til videreførelse af Center for Indlejrede Software Systemer "
        "Renovering af Farsø Skole Byggeregnskab for Solhøjvej, bygherre Nordby Kommune"
    ) == [
        ("", "Himmerlands Udviklingsråd"),
        ("", "Støtte til videreførelse af Center for Indlejrede Software Systemer"),
        ("", "Renovering af Farsø Skole"),
        ("", "Byggeregnskab for Solhøjvej, bygherre Nordby Kommune"),
    ]


def test_a_contents_opening_with_the_attachments_overview_and_an_entry_that_lost_its_number() -> None:
    from referat.extract.contents_runs import run_on_titles

    # "<title> <page> <number> <title> …", the attachments' overview listed first (no entry),
    # and the entry between 4 and 6 whose number the transcript lost (an item all the same).
    assert run_on_titles(
        "Bilagsoversigt 4 1 Meddelelser 5 2 Forventede udgifter på socialområdet 6 3 Salg af grund 8 "
        "4 Analyse af daghjemsbehovet i Nordby Kommune Daghjem til borgere med autisme 14 "
        "6 Renovering af Birkehuset 18 7 Høring om Fingerplan"
    ) == [
        ("1", "Meddelelser"),
        ("2", "Forventede udgifter på socialområdet"),
        ("3", "Salg af grund"),
        ("4", "Analyse af daghjemsbehovet i Nordby Kommune"),
        ("", "Daghjem til borgere med autisme"),
        ("6", "Renovering af Birkehuset"),
        ("7", "Høring om Fingerplan"),
    ]


def test_a_sharing_sites_title_joined_with_stops_gives_the_kind_and_the_body() -> None:
    # The site joins the PDF title's lines with stops: "Referat. af mødet i …", "… REFERAT Teknikudvalget."
    title = (
        "Referat. af mødet i Regionsrådet 3. marts 2008 kl. 13:00 i Regionsrådssalen, Regionshuset Nordby,"
        " Havnegade 26, 9900 Nordby"
    )
    text = (
        f'{title}\n\nDownload "{title}"\n\nStørrelse: px\n\nTranskript\n\n1 Region Nordby Regionssekretariatet'
        " Nordby, den 4. marts 2008 Refer af mødet i Regionsrådet 3. marts 2008 kl. 13:00 Medlemmerne var mødt,"
        f" bortset fra Anne Holm, der havde meldt afbud. {FILLER}\n\n2 Indholdsfortegnelse Pkt. Tekst Side 1 Budget"
        " 2009 for regionen Ligestillingsredegørelse 2007 for regionen Offentliggørelse af budget Beretning"
        " vedrørende revisionen af regionens årsregnskab\n"
    )
    meeting = extract_bytes("rr.txt", text.encode(), enrich=False).meetings[0]
    assert (meeting.kind, meeting.body) == ("referat", "Regionsrådet")
    text = (
        "NORDBY KOMMUNE. REFERAT Teknikudvalget. Mødedato: Onsdag den 18-06-2008.\n\nStørrelse: px\n\nTranskript\n\n"
        f"1 Mødedato: 18-06-2008. Sted: Mødelokale 1. {FILLER}\n\n2 1. Budget 2009 Sagsfremstilling {FILLER}"
        " Beslutning Godkendt.\n"
    )
    meeting = extract_bytes("tu.txt", text.encode(), enrich=False).meetings[0]
    assert meeting.body == "Teknikudvalget"


def test_a_contents_table_read_number_column_first_gets_each_title_in_order() -> None:
    from referat.extract.contents_runs import run_on_titles

    # "bygherre Nordby Kommune": a municipality's name after a noun stays in the title
    assert run_on_titles("Byggeregnskab for Solhøjvej, bygherre Nordby Kommune Salg af grund ved havnen...12") == [
        ("", "Byggeregnskab for Solhøjvej, bygherre Nordby Kommune"),
        ("", "Salg af grund ved havnen"),
    ]
    # three numbers, then their three titles run together: each number gets its own
    contents = (
        "Indhold Åben dagsorden Sag nr. 6 Orientering om likviditet Sag nr. 7 Sag nr. 8 Sag nr. 9 Lokalplan for"
        " Havnen - endelig vedtagelse Venskabsbysamarbejde med Polen Budgetopfølgning for udvalgets område Side 2 af 9"
    )
    text = (
        'Referat fra møde i Økonomiudvalget\n\nDownload "Referat fra møde i Økonomiudvalget"\n\nStørrelse: px\n\n'
        "Transkript\n\n1 Referat fra møde i Økonomiudvalget Tirsdag den 18. maj 2010 kl. 16.00 i Borgmesterens"
        f" kontor {FILLER} Side 1 af 9\n\n2 {contents}\n"
    )
    items = extract_bytes("oeu.txt", text.encode(), enrich=False).meetings[0].items
    assert [(item.number, item.title) for item in items] == [
        ("6", "Orientering om likviditet"),
        ("7", "Lokalplan for Havnen - endelig vedtagelse"),
        ("8", "Venskabsbysamarbejde med Polen"),
        ("9", "Budgetopfølgning for udvalgets område"),
    ]


def test_a_run_on_contents_is_never_cut_inside_a_quotation_and_a_closing_label_is_no_entry() -> None:
    from referat.extract.contents_runs import run_on_titles

    assert run_on_titles(
        'Principper for fordeling af puljen Ansøgning om støtte til "Åbent Nordby 2012" Meddelelser og orientering'
        " Punkter på lukket møde:"
    ) == [
        ("", "Principper for fordeling af puljen"),
        ("", 'Ansøgning om støtte til "Åbent Nordby 2012"'),
        ("", "Meddelelser og orientering"),
    ]


def test_a_recommendation_inside_a_run_on_line_of_an_items_text_is_read() -> None:
    from referat.extract import extract_bytes

    text = (
        "Referat for Kulturudvalget\nMødedato: 3. marts 2014\n\n"
        "1. Godkendelse af dagsorden\nSagsfremstilling\nDagsordenen er sendt ud efter forretningsordenen. Indstilling"
        " Forvaltningen indstiller, at dagsordenen godkendes.\nBeslutning\nGodkendt.\n\n"
        "2. Orientering fra formanden\nSagsfremstilling\nFormanden orienterer. Det indstilles, at orienteringen tages"
        " til efterretning.\nBeslutning\nTaget til efterretning.\n"
    )
    meeting = extract_bytes("kultur.txt", text.encode(), enrich=False).meetings[0]
    assert [item.recommendations for item in meeting.items] == [
        ["dagsordenen godkendes."],
        ["orienteringen tages til efterretning."],
    ]


# A council's minutes in the template whose field row under each heading prints its labels
# without their values ("Sag Dok Initialer: MBA Åbent"), with a running footer closing every
# page ("Grønt Råd 2014 den 3. juni 2014 Side nr. N", numbered from the second page on), a
# contents list without numbers that opens with the signature sheet and ends with the
# collected attachments, and the place run on into the attendance. Invented text.
FOOTER = "Naturrådet 2014 den 3. juni 2014 Side nr. {}"
FIELD_ROW_PAGES = [
    "Referat Naturrådet 2014 Dato 3. juni 2014 Tidspunkt 16:30 Sted Mødelokale 4, Torvet 2, 4560 Til stede Ane Holm,"
    " Bo Kristensen, Ida Lund Fraværende Ole Bach",
    "Indholdsfortegnelse Underskriftsark Godkendelse af dagsorden Stier langs åen Naturpleje i klitterne Orientering"
    " fra Naturstyrelsen Vejledning om sommerhusområderne Forslag til nyt kommissorie Eventuelt Samlet bilagsliste"
    f" {FOOTER.format(1)}",
    f"1. Godkendelse af dagsorden Sag Dok Initialer: KLM Åbent Godkendt. {FOOTER.format(2)}",
    "2. Stier langs åen Sag Dok Initialer: KLM Åbent Sagsfremstilling Lodsejerne har givet tilladelse til en sti."
    f" {FILLER} Administrativ indstilling Centerchefen indstiller, at rådet anbefaler stien."
    f" {FOOTER.format(3)}",
    f"3. Naturpleje i klitterne Sag Dok Initialer: KLM Åbent Drøftet. {FOOTER.format(4)}",
]


def test_a_field_row_without_values_and_a_running_footer_stay_out_of_the_titles() -> None:
    text = "\n\n".join(f"{number} {page}" for number, page in enumerate(FIELD_ROW_PAGES, start=1))
    meeting = extract_bytes("naturraad.txt", text.encode(), enrich=False).meetings[0]
    assert meeting.location == "Mødelokale 4, Torvet 2, 4560"  # not "… 4560 Til"
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Stier langs åen"),
        ("3", "Naturpleje i klitterne"),
        # listed only (the excerpt ends before them); the signature sheet and the collected
        # attachments are no items
        ("", "Orientering fra Naturstyrelsen"),
        ("", "Vejledning om sommerhusområderne"),
        ("", "Forslag til nyt kommissorie"),
        ("", "Eventuelt"),
    ]
    assert "Side nr" not in meeting.model_dump_json()
    stier = meeting.items[1]
    assert [section.kind for section in stier.sections] == ["background", "recommendation"]
    assert stier.recommendations == ["rådet anbefaler stien."]  # (the at-clause, as the contract says)


def test_a_numbered_roll_of_substitutes_is_not_the_agenda() -> None:
    text = (
        "Skolebestyrelsesmøde\n\nOnsdag den 16. september 2015 kl. 17.00\n\nSuppleanter for forældre:\n"
        "1. Vagn Dinesen -\n2. Anders Koefoed -\n3. Lise Karlsson -\n\nDagsorden\n\n1. Temapunkt\n\n"
        "Oplæg om trivsel.\n\n2. Godkendelse af referat\n\nGodkendt.\n"
    )
    meeting = extract_bytes("sb.txt", text.encode(), enrich=False).meetings[0]
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Temapunkt"),
        ("2", "Godkendelse af referat"),
    ]
