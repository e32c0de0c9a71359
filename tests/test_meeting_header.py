"""A meeting's header as boards, advisory councils and regional bodies print it (issue 9,
gold/real-dev11): who met, when, where and who took part. Each document is written by us
in the layout those publishers use; the expected values were read off it by hand."""

from __future__ import annotations

from referat.extract import extract_bytes


def meeting_of(text: str):
    return extract_bytes("minutes.txt", text.encode("utf-8"), enrich=False).meetings[0]


BOARD = """Referat af bestyrelsesmøde - Naturparkens bestyrelse

ENDELIGT referat Udsendt 12. juni 2024

Møde i Naturparkbestyrelsen 29. maj 2024

Mødested: Besøgscentret, Strandvejen 14, 6990 Ulfborg

Mødet fandt sted fra kl. 14.30 til 18.00

Deltagere:

Formand Inger Holm (IH)

Holstebro Kommune Peder Bak (PB)

Lemvig Kommune Anna Mette Krog (AMK) Afbud

Friluftsrådet Jens Vig (JV)

Sekretariatet Karen Lund Sø (KLS, Referent)

Punkter på dagsordenen:

1. Velkomst

Formanden bød velkommen.
"""


def test_a_boards_header_with_initials_an_issue_date_and_a_told_time():
    meeting = meeting_of(BOARD)
    # the date the minutes were sent out is not the meeting's
    assert meeting.date == "2024-05-29"
    assert meeting.start_time == "14:30"
    # "Møde i Naturparkbestyrelsen" names the body more fully than "bestyrelsesmøde"
    assert meeting.body == "Naturparkbestyrelsen"
    people = [(p.name, p.organisation, p.role, p.status, p.party) for p in meeting.participants]
    assert people == [
        ("Inger Holm", None, "formand", "present", None),
        ("Peder Bak", "Holstebro Kommune", None, "present", None),
        ("Anna Mette Krog", "Lemvig Kommune", None, "absent", None),
        ("Jens Vig", "Friluftsrådet", None, "present", None),
        ("Karen Lund Sø", "Sekretariatet", "referent", "secretary", None),
    ]


def test_initials_in_a_comma_list_are_no_party_letters_but_party_letters_stay():
    meeting = meeting_of(
        "Bestyrelsesmøde 3. marts 2024\n"
        "Til stede: Søren Berg (SB), Hanne Dahl (HD), Mette Krag\n"
        "Afbud: Lise Holt (A)\n\n1. Godkendelse af dagsorden\nGodkendt.\n"
    )
    people = {p.name: (p.party, p.status) for p in meeting.participants}
    assert people == {
        "Søren Berg": (None, "present"),
        "Hanne Dahl": (None, "present"),
        "Mette Krag": (None, "present"),
        "Lise Holt": ("A", "absent"),
    }


def test_a_body_in_the_genitive_before_its_meeting_and_a_place_after_the_meeting_kind():
    meeting = meeting_of(
        "Kultur og frititds logo\n\nKultur og fritids møde den 4. marts 2024\n\n"
        "Ekstraordinært møde - Mødelokale B2 kl. 15.00\n\nReferat\n\n"
        "12Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt\n"
    )
    assert (meeting.body, meeting.date, meeting.start_time, meeting.location) == (
        "Kultur og fritid",
        "2024-03-04",
        "15:00",
        "Mødelokale B2",
    )


def test_a_place_sentence_whose_address_runs_onto_the_next_line_and_a_comma_time():
    meeting = meeting_of(
        "Seniorrådets 2. møde i 2024 tirsdag den 16. april kl. 10,30-12,00\n\n"
        "Mødet holdes i Seniorrådets sekretariats mødelokale, Hans\n\n"
        "Tausens Gade 9, 2100 Ø\n\n"
        "Til stede: Kaj Mørk, Berit Lind\n\n"
        "1. Godkendelse af referat. Godkendt.\n"
    )
    assert meeting.start_time == "10:30"
    assert meeting.location == "Seniorrådets sekretariats mødelokale, Hans Tausens Gade 9, 2100 Ø"
    assert meeting.body == "Seniorrådet"


def test_a_place_under_a_later_date_line_and_what_follows_the_meeting_left_out():
    labelled_first = meeting_of(
        "Kategori: Ældrerådet\nType: Referat\nMødedato: Onsdag 8. maj 2024\n\n"
        "Ældrerådet - 08-05-2024 - Referat\n\nReferat\ntil\nmødet i Ældrerådet\n"
        "den 8. maj 2024 kl. 13:00\ni Medborgerhuset\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"
    )
    assert labelled_first.location == "Medborgerhuset"
    told = meeting_of(
        "Referat af møde i Handicaprådet torsdag den 6. juni 2024 kl. 9-12 i Rådhusets kantine"
        " samt efterfølgende frokost på Havnekroen\n\n1. Velkomst. Formanden bød velkommen.\n"
    )
    assert told.location == "Rådhusets kantine"


def test_members_with_what_they_are_or_sit_for_after_a_colon_and_a_guest():
    meeting = meeting_of(
        "Socialrådet\nDato: Mandag d. 3.6. 2024\nTid: kl. 15.00-17.00\n\nDeltagere:\n\n"
        " • Lene Holt: Kommunalbestyrelsesmedlem for Socialdemokratiet\n"
        " • Ib Dam: Byrådsmedlem for Venstre\n"
        " • Mona Ravn: Blå Kors\n\n"
        "Afbud:\n\n • Per Skov KFUM\n\nGæst:\n\n • Sara Bach, SSP\n\n"
        "Dagsorden med referat:\n\nGodkendelse af dagsorden\n\nReferat\n\nGodkendt.\n"
    )
    people = [(p.name, p.party, p.status, p.organisation) for p in meeting.participants]
    assert people == [
        ("Lene Holt", "Socialdemokratiet", "present", None),
        ("Ib Dam", "Venstre", "present", None),
        ("Mona Ravn", None, "present", "Blå Kors"),
        ("Per Skov", None, "absent", "KFUM"),
        ("Sara Bach", None, "guest", "SSP"),
    ]


def test_the_next_items_heading_glued_to_the_text_before_it_starts_that_item():
    meeting = meeting_of(
        "Referat\ntil\nmødet i Ældrerådet\nden 8. maj 2024 kl. 13:00\n\n"
        "4. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.5. Orientering om budget\n\n"
        "Sagsfremstilling\n\nBudgettet for 2025 er vedtaget i 2.5. behandling.6. Eventuelt\n\nBeslutning\n\nIntet.\n"
    )
    assert [(item.number, item.title) for item in meeting.items] == [
        ("4", "Godkendelse af dagsorden"),
        ("5", "Orientering om budget"),
        ("6", "Eventuelt"),
    ]
    assert [d.text for d in meeting.items[0].decisions] == ["Godkendt."]


def test_a_member_list_run_onto_one_line_with_roles_after_commas_and_party_brackets():
    meeting = meeting_of(
        "KOMMUNALBESTYRELSEN\nORDINÆRT MØDE tirsdag den 3 december 2024 KL. 10:00\n\n"
        "Medlemmer: Aki Lund, Borgmester (S) Pilu Berg, 1. viceborgmester (S) Ole Kunak, 2. viceborgmester (PN)"
        " Karl Dahl (A) Ane M. Holm (IA)\n\n1. Godkendelse af dagsorden\nGodkendt.\n"
    )
    assert [(p.name, p.party, p.role) for p in meeting.participants] == [
        ("Aki Lund", "S", "borgmester"),
        ("Pilu Berg", "S", "1. viceborgmester"),
        ("Ole Kunak", "PN", "2. viceborgmester"),
        ("Karl Dahl", "A", None),
        ("Ane M. Holm", "IA", None),
    ]


def test_elections_told_in_brief_are_decisions_in_minutes_without_headings():
    meeting = meeting_of(
        "Referat fra Seniorrådets møde torsdag den 6. juni 2024 kl. 10.00-12.00\n\n"
        "1. Valg af mødeleder. Karen valgt som mødeleder og Per som ordstyrer.\n\n"
        "2. Hjemmesiden. Siden virker godt, og Per er derfor genvalgt som redaktør.\n\n"
        "3. Eventuelt. Karen valgte at fortælle om sommerturen.\n"
    )
    decided = [(item.number, [d.text for d in item.decisions]) for item in meeting.items]
    assert decided == [
        ("1", ["Karen valgt som mødeleder og Per som ordstyrer."]),
        ("2", ["Siden virker godt, og Per er derfor genvalgt som redaktør."]),
        ("3", []),
    ]


def test_a_flattened_two_column_table_of_attendance_gives_the_whole_board_as_present():
    from referat.extract.structure.participants import read_participants

    board = read_participants(
        [
            "I mødet deltager:",
            "Afbud fra: Formand Ole Lind Næstformand Eva Holm Bestyrelsesmedlem Bo Berg Bestyrelsesmedlem Ida Kjær",
        ]
    )
    assert [(p.name, p.status) for p in board] == [
        ("Ole Lind", "present"),
        ("Eva Holm", "present"),
        ("Bo Berg", "present"),
        ("Ida Kjær", "present"),
    ]
    # a list of its own after the members' heading is what it says: two names sent their regrets
    regrets = read_participants(["Deltagere:", "Afbud: Ole Lind, Eva Holm"])
    assert [(p.name, p.status) for p in regrets] == [("Ole Lind", "absent"), ("Eva Holm", "absent")]


def test_a_board_named_with_its_company_is_the_board_of_that_organisation():
    meeting = meeting_of(
        "DAGSORDEN for møde i bestyrelsen for Vestegnens Affaldsselskab I/S tirsdag 5. marts 2024, kl. 09.00\n"
        "Mødested: Administrationen\n\n1. Godkendelse af dagsorden\n2. Budget 2025\n"
    )
    assert (meeting.body, meeting.organisation) == ("Bestyrelsen", "Vestegnens Affaldsselskab I/S")


def test_members_described_after_a_dash():
    from referat.extract.structure.participants import read_participants

    people = read_participants(
        [
            "Deltagere:",
            "Ove Lund – frit mandat",
            "Kaj Berg – repr. for Egebjerg Borgerforening",
            "Tea Holm – ældrerepr. (suppl. for Gitte Dam)",
            "Fraværende: Bo Dahl (M) - næstformand og Lis Kjær (Æ)",
        ]
    )
    assert [(p.name, p.status) for p in people] == [
        ("Ove Lund", "present"),
        ("Kaj Berg", "present"),
        ("Tea Holm", "present"),
        ("Bo Dahl", "absent"),
        ("Lis Kjær", "absent"),
    ]
    assert people[1].role == "repr. for Egebjerg Borgerforening"


# A parish council's minutes on its web page: the header prints only the meeting's date and
# place; the minutes tell the council acting, and the text names another body once.
PARISH_PAGE = """Rådsmøde 27.09.2022
Mødet holdes tirsdag 27.09.2022 kl. 19 i sognegården
1 Godkendelse af dagsorden
Godkendt
2 Revisionsprotokollat for årsregnskab 2021
Menighedsrådet godkendte protokollatet, og formanden skrev under.
3 Kirkegårdens hegn
Provstiudvalget har givet tilskud. Menighedsrådet vedtog at sætte arbejdet i gang.
"""


def test_the_body_the_minutes_tell_acting_when_the_header_names_none():
    assert meeting_of(PARISH_PAGE).body == "Menighedsrådet"


ASSEMBLY_NOTICE = """Referat af ekstraordinær generalforsamling
Mødested: Hotel Pauli, Vojens 23.2.2008
1. Valg af dirigent
Niels Falsig blev valgt.
2. Vedtægtsændringer
Forslaget blev vedtaget.
"""


def test_the_date_printed_after_the_place_is_no_part_of_the_place():
    meeting = meeting_of(ASSEMBLY_NOTICE)
    assert (meeting.location, str(meeting.date)) == ("Hotel Pauli, Vojens", "2008-02-23")


# A school's web page sets each label and its value in cells of their own, and the text
# export glues them; a water works' board lists its members in one sentence with "og".
SCHOOL_PAGE = """Referat af skolebestyrelsesmøde 04.12.2023
Tid
04-12-2023, kl. 17.00 – 19.00
StedSkolen
DeltagereSine Kamstrup, Ea Schou Petersen, Dorte Vestergaard Sørensen
AfbudClaus Kroman Sørensen, Christine Nielsen
1. Godkendelse af dagsorden
Godkendt.
"""

WATER_WORKS = """Referat af bestyrelsesmøde i vandværket mandag d. 11 februar 2008.

Deltagere: Iver Nielsen, Søren Kaarup Jensen, Martin Bonderup og Gert Vogel.
Afbud fra Kjeld Kristensen

1. Formanden bød velkommen
2. Regnskab
Regnskabet blev godkendt.
"""


def test_labels_glued_to_their_values_and_a_member_sentence_with_og():
    school = meeting_of(SCHOOL_PAGE)
    assert school.location == "Skolen"
    assert [(p.name, p.status) for p in school.participants] == [
        ("Sine Kamstrup", "present"),
        ("Ea Schou Petersen", "present"),
        ("Dorte Vestergaard Sørensen", "present"),
        ("Claus Kroman Sørensen", "absent"),
        ("Christine Nielsen", "absent"),
    ]
    board = meeting_of(WATER_WORKS)
    assert [(p.name, p.status) for p in board.participants] == [
        ("Iver Nielsen", "present"),
        ("Søren Kaarup Jensen", "present"),
        ("Martin Bonderup", "present"),
        ("Gert Vogel", "present"),
        ("Kjeld Kristensen", "absent"),
    ]


SCHOOL_BOARD = """Referat af bestyrelsesmøde 22. marts 2022
Mødedeltagere: Vibe, Kaare, Mette S, Morten(online), Elevrådet (Ask og Benjamin)
Afbud: Mie, Mette T
1. Godkendelse af referat
Godkendt.
"""


def test_first_names_with_an_initial_a_note_on_attending_online_and_a_group_in_brackets():
    assert [(p.name, p.status) for p in meeting_of(SCHOOL_BOARD).participants] == [
        ("Vibe", "present"),
        ("Kaare", "present"),
        ("Mette S", "present"),
        ("Morten", "present"),
        ("Ask", "present"),
        ("Benjamin", "present"),
        ("Mie", "absent"),
        ("Mette T", "absent"),
    ]


AGENDA_PORTAL = """Dagsordener
Hjem
Dagsorden
By- og Kulturudvalget - Referat 15. februar 2011
By- og Kulturudvalget
Tirsdag den 15-02-2011 kl. 08:15
1. Forslag til lokalplan
Beslutning
Godkendt.
"""


def test_the_pages_title_line_names_the_kind_before_a_menus_link_does():
    assert meeting_of(AGENDA_PORTAL).kind == "referat"


def test_a_place_under_the_date_line_may_close_with_a_stop():
    text = AGENDA_PORTAL.replace("kl. 08:15\n", "kl. 08:15\nSlottet, Salen, indgang C, 1. sal.\n")
    assert meeting_of(text).location == "Slottet, Salen, indgang C, 1. sal"


def test_a_roster_sentence_run_on_after_the_title_line_of_a_transcript():
    # A document-sharing transcript keeps a page as one line: the title, then the roster as
    # a sentence ("I mødet deltog …"), then the agenda.
    names = ", ".join(f"Medlem{letter} Holm" for letter in "ABCDEFGHIJKLMNOPQRSTUVWX")
    text = (
        "1 Referat af møde i bestyrelsen for Vestby Gymnasium den 23. september 2014 "
        f"I mødet deltog Peder Østergaard, {names} og Dorte Fristrup. "
        "Dagsorden: 1. Godkendelse af referat 2. Nyt fra rektor 3. Eventuelt "
        "Ad 1. Godkendelse af referat Referatet blev godkendt.\n"
    )
    participants = meeting_of(text).participants
    assert participants[0].name == "Peder Østergaard" and participants[-1].name == "Dorte Fristrup"
    assert len(participants) == 26 and {p.status for p in participants} == {"present"}


def test_a_title_set_in_spaced_letters_is_read_as_words():
    text = (
        "R e f e r a t MØDE Vestby Seniorråd.\nTorsdag den 4. juni 2015 kl. 13.00\n"
        "1. Godkendelse af dagsorden\nGodkendt.\n2. Meddelelser\nIngen.\n"
    )
    meeting = meeting_of(text)
    assert (meeting.kind, meeting.body) == ("referat", "Vestby Seniorråd")


def test_the_place_between_the_meeting_and_its_date_and_after_a_short_date():
    # A parish council's title line names the room before the date; a sports club's names
    # it after a day-month-year date of two-digit year. A body or an organisation after
    # "møde i" is no place.
    items = "\n\n1. Budget\nGodkendt.\n"
    parish = "Referat af menighedsrådsmøde i Sognestuen, Ny Præstegård tirsdag den 4. marts 2025" + items
    club = "Referat af generalforsamlingen onsdag d. 9/4-25 i klublokalet på Stadion kl. 19.00" + items
    body = "Referat af møde i bestyrelsen for Vestby Gymnasium den 4. marts 2025" + items
    assert meeting_of(parish).location == "Sognestuen, Ny Præstegård"
    assert meeting_of(club).location == "klublokalet på Stadion"
    assert meeting_of(body).location is None


def test_members_by_initials_after_a_label_and_a_table_heading_under_the_list_is_nobody():
    # A parish council's web page lists its members by initials; the heading row of the
    # item table follows the list.
    text = (
        "Referat 4-3-2025\n\nMødedeltagere: ABK, HJ, MLP\n\nAfbud: SØ, KR\n\n"
        "DAGSORDEN PUNKT\n\nBESLUTNING\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n"
    )
    people = [(p.name, p.status) for p in meeting_of(text).participants]
    assert people == [("ABK", "present"), ("HJ", "present"), ("MLP", "present"), ("SØ", "absent"), ("KR", "absent")]


def test_a_group_label_without_colon_inside_the_member_list_keeps_the_list_going():
    # A university board: members, the absent, then the rector's office as a group of its own.
    text = (
        "Referat af bestyrelsesmøde den 3. april 2025\n\nTil stede\nAnne Holm\nBo Krag\n\n"
        "Fraværende\nCarl Dam\n\nRektorat\nRektor Dorte Vang\nProrektor Erik Lund\n\n"
        "1. Godkendelse af dagsorden\nGodkendt.\n"
    )
    people = [(p.name, p.status) for p in meeting_of(text).participants]
    assert people == [
        ("Anne Holm", "present"),
        ("Bo Krag", "present"),
        ("Carl Dam", "absent"),
        ("Dorte Vang", "present"),
        ("Erik Lund", "present"),
    ]


def test_a_region_named_more_often_than_any_municipality_publishes_the_minutes():
    # A region's committee: the region named twice (once in the genitive), one municipality
    # once in an item's title.
    text = (
        "Referat\nForretningsudvalget\nMødedato: 14. august 2025\n\n"
        "1. Status for Region Sjællands sygehuse\nSagsfremstilling\nRegion Sjælland har fået nye tal.\n"
        "2. Råstofindvinding ved Hedehusene, Roskilde Kommune\nSagsfremstilling\nAnsøgningen er behandlet.\n"
    )
    assert meeting_of(text).organisation == "Region Sjælland"


def test_a_title_that_dates_the_meeting_goes_before_a_letterheads_date():
    meeting = meeting_of(
        "Naturstyrelsen\nJ.nr. NST-100 Ref. ABC Den 20. april 2016\n"
        "Referat af Naturrådets 8. ordinære møde den 6. april 2016 hos styrelsen.\n\n"
        "1. Godkendelse af dagsorden\nDagsordenen blev godkendt.\n\n2. Eventuelt\nIntet.\n"
    )
    assert meeting.date == "2016-04-06"


def test_labels_without_colons_below_a_sharing_sites_furniture_give_date_and_time():
    furniture = "".join(f"{line}\n" for line in ["Upload: others", "Post on 08-Sep-2019", "7 views", "Category:"] * 4)
    meeting = meeting_of(
        furniture + "TRANSCRIPT\nReferat Seniorrådet\nOrdinært møde\nDato 24. maj 2012\nTid 15:00\n"
        "Sted Mødelokale 2\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n"
    )
    assert (meeting.date, meeting.start_time) == ("2012-05-24", "15:00")
    # (the site's controls are no part of the header: the body line is its first)
    assert meeting.body == "Seniorrådet"


def test_a_coordinated_committee_name_in_capitals_is_the_body():
    meeting = meeting_of(
        "KLIMA OG GRØN OMSTILLINGSUDVALGET.\nTirsdag den 11. september 2012.\nKlokken: 17.00.\n"
        "Sted: Regionsgården.\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n"
    )
    assert meeting.body == "KLIMA OG GRØN OMSTILLINGSUDVALGET"
    # (two words in capitals before a body word are no coordinated name)
    other = meeting_of(
        "EKSTRAORDINÆR GENERALFORSAMLING\nTirsdag den 3. maj 2022 kl. 19.00\n\n1. Valg af dirigent\nIb.\n"
    )
    assert other.body != "Ekstraordinær Generalforsamling"
