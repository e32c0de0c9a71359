"""Forms read from the development sets in the session of 2026-12-08, each in a document
written for the test (invented text; the forms are those of real minutes):

- a web page's or word processor's list nested under an item ("4. Beboermøde" with "1. Oplæg"
  / "2. Lokale" one level in): the item's sub-items; nested points that are sentences are its
  minutes; an agenda's nested points stay the item's sub-items when the minutes answer the
  agenda on its numbers.
"""

from __future__ import annotations

from builders import only_meeting


def _outline(meeting) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [(i.number, i.title, [(s.number, s.title) for s in i.subitems]) for i in meeting.items]


_PAGE = "<html><head><meta charset='utf-8'><title>Referat</title></head><body><main>{}</main></body></html>"


def test_a_nested_web_list_under_an_item_holds_its_subitems() -> None:
    page = _PAGE.format(
        "<h1>Referat af bestyrelsesmøde 3. april 2019</h1>"
        "<p>Til stede: Hanne, Per og Ali</p>"
        "<ol><li>Godkendelse af dagsorden</li>"
        "<li>Haven<ol><li>Nye bede</li><li>Vanding i sommerferien</li></ol></li>"
        "<li>Eventuelt</li></ol>"
    )
    meeting = only_meeting(page, "bestyrelse.html")
    assert _outline(meeting) == [
        ("1", "Godkendelse af dagsorden", []),
        ("2", "Haven", [("1", "Nye bede"), ("2", "Vanding i sommerferien")]),
        ("3", "Eventuelt", []),
    ]


def test_nested_points_that_are_sentences_are_the_items_minutes() -> None:
    page = _PAGE.format(
        "<h1>Referat af bestyrelsesmøde 3. april 2019</h1>"
        "<ol><li>Godkendelse af dagsorden</li>"
        "<li>Haven<ol><li>Der blev plantet nye roser ved indgangen.</li>"
        "<li>Per har købt en ny slange til vandingen.</li></ol></li>"
        "<li>Eventuelt</li></ol>"
    )
    meeting = only_meeting(page, "bestyrelse.html")
    assert _outline(meeting) == [
        ("1", "Godkendelse af dagsorden", []),
        ("2", "Haven", []),
        ("3", "Eventuelt", []),
    ]
    assert "nye roser" in (meeting.items[1].text or "")


def test_an_agendas_nested_points_stay_subitems_when_the_minutes_answer_it() -> None:
    page = _PAGE.format(
        "<h1>Referat af afdelingsbestyrelsesmøde 2/9 2015</h1>"
        "<p>Dagsorden:</p>"
        "<ol><li>Valg af referent</li><li>Godkendelse af referat</li>"
        "<li>Beboermødet<ol><li>Oplæg fra formanden</li><li>Lokale og kaffe</li></ol></li>"
        "<li>Eventuelt</li></ol>"
        "<p>Referat:</p>"
        "<ol><li>Referent: Kim</li><li>OK</li>"
        "<li>Beboermødet<ol><li>Formanden sender oplægget rundt i næste uge.</li>"
        "<li>Kim bestiller lokalet og sørger for kaffe.</li></ol></li>"
        "<li>Intet</li></ol>"
    )
    meeting = only_meeting(page, "afdeling.html")
    assert _outline(meeting) == [
        ("1", "Valg af referent", []),
        ("2", "Godkendelse af referat", []),
        ("3", "Beboermødet", [("1", "Oplæg fra formanden"), ("2", "Lokale og kaffe")]),
        ("4", "Eventuelt", []),
    ]
    assert "bestiller lokalet" in (meeting.items[2].text or "")


def test_a_portal_roll_says_each_members_attendance_after_a_dash() -> None:
    text = (
        "Teknik- og Miljøudvalget\n"
        "14.03.2017 kl. 16:30\n"
        "Deltagere\n"
        "Birgit Holm (A) (formand) - Deltog\n"
        "Jonas Vestergaard (V) - Deltog\n"
        "Sara Lind (Ø) - Afbud\n"
        "Poul Dam (teknisk direktør) - Deltog\n"
        "Afbud/fraværende\n"
        "Rikke Bach (C) - Afbud\n"
        "1. Trafikplan\nUdvalget drøftede planen.\n"
        "2. Eventuelt\nIntet.\n"
    )
    people = {(p.name, p.party, p.role, p.status) for p in only_meeting(text).participants}
    assert people == {
        ("Birgit Holm", "A", "formand", "present"),
        ("Jonas Vestergaard", "V", None, "present"),
        ("Sara Lind", "Ø", None, "absent"),
        ("Poul Dam", None, "teknisk direktør", "present"),
        ("Rikke Bach", "C", None, "absent"),
    }


def test_a_title_typed_in_lower_case_is_an_item_where_the_numbering_leaves_its_place() -> None:
    page = _PAGE.format(
        "<h1>Referat fra bestyrelsesmøde 12. november 2015</h1>"
        "<p><b>1 godkendelse af referat.</b></p><p>Referatet blev godkendt.</p>"
        "<p><b>2 Nyt fra kassereren</b></p><p>Der er 14.000 kr. på kontoen.</p>"
        "<p><b>3 trafiksituationen</b></p><p>Bent undersøger parkeringen ved skolen.</p>"
        "<p><b>4 Næste møde</b></p><p>Mødet holdes i januar.</p>"
        "<p><b>5 orientering fra udvalgene</b></p><p>Festudvalget har holdt møde.</p>"
        # (a numbered sentence in plain type after the last item is its text)
        "<p>6 medlemmer havde meldt afbud til festen.</p>"
    )
    meeting = only_meeting(page, "lokalraad.html")
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "godkendelse af referat"),
        ("2", "Nyt fra kassereren"),
        ("3", "trafiksituationen"),
        ("4", "Næste møde"),
        ("5", "orientering fra udvalgene"),
    ]


def test_bold_letters_without_a_stop_open_subitems_and_may_skip_a_letter() -> None:
    page = _PAGE.format(
        "<h1>Referat af bestyrelsesmøde 1. september 2020</h1>"
        "<p><b>1 Godkendelse af referat</b></p><p>Godkendt.</p>"
        "<p><b>2 Nyt fra formanden:</b></p>"
        "<p><b>a Forsikring:</b></p><p>Flere har tilmeldt sig ordningen.</p>"
        "<p><b>b Vandrør:</b></p><p>Intet nyt.</p>"
        "<p><b>d Generalforsamling:</b></p><p>Vi leder stadig efter et lokale.</p>"
        "<p><b>3 Eventuelt</b></p><p>Intet.</p>"
    )
    meeting = only_meeting(page, "haveforening.html")
    assert _outline(meeting) == [
        ("1", "Godkendelse af referat", []),
        ("2", "Nyt fra formanden", [("a", "Forsikring"), ("b", "Vandrør"), ("d", "Generalforsamling")]),
        ("3", "Eventuelt", []),
    ]


def test_a_rows_time_cell_before_the_title_and_the_agenda_with_minutes_written_in() -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>Referat</title></head><body>"
        "<header><a class='site-logo' href='/'><img alt='Logo Hvidebæk Skole'></a></header><main>"
        "<h2>Dagsorden/Referat fra skolebestyrelsesmøde</h2>"
        "<p>Dato: 03-04-2024 kl. 18:00-20:00</p>"
        "<table><tr><td>Punkt 1</td><td>5 min</td><td>Godkendelse af dagsorden</td></tr>"
        "<tr><td>18.00 - 18.05</td><td>Godkendt.</td></tr>"
        "<tr><td>Punkt 2</td><td>20 min</td><td>Trivsel i udskolingen</td></tr>"
        "<tr><td>18.05 - 18.25</td><td>Skolelederen fortalte om årets trivselsmåling.</td></tr>"
        "<tr><td>Punkt 3</td><td>kl. 18.25-18.40</td><td>Eventuelt</td></tr></table>"
        "</main></body></html>"
    )
    meeting = only_meeting(page, "skole.html")
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Trivsel i udskolingen"),
        ("3", "Eventuelt"),
    ]
    assert meeting.kind == "referat"
    assert meeting.organisation == "Hvidebæk Skole"


def test_a_date_written_year_first_with_stops_slashes_or_after_a_word_and_a_dash() -> None:
    from referat.extract.dates import first_full_date

    assert first_full_date("Bestyrelsesmøde 2018.08.27") == "2018-08-27"
    assert first_full_date("Bestyrelsesmøde 2018/08/27") == "2018-08-27"
    assert first_full_date("Referat-2024-04-03") == "2024-04-03"
    # (a range of years before a date's digits, and numbers that go on, are no such date)
    assert first_full_date("sag 2019-2020-01-02") is None
    assert first_full_date("version 1.2018.08.27") is None


def test_members_run_together_with_initials_or_their_municipality_after_each_name() -> None:
    from referat.extract.structure.participants import read_participants

    # a transcript's members' table: "Name (INITIALS), organisation, role" run together
    lines = [
        "MEDLEMMER: Borgmester Ida Holm (IH), Nordby Kommune, formand Borgmester Bo Lund (BL), Sydby Kommune "
        "Eva Kirstine Berg (EKB), Nordby Kommune Tom Ravn (TR), observatør, Frivillige Sydby",
        "FRAVÆRENDE: Afbud fra Bo Lund",
    ]
    people = {p.name: p.status for p in read_participants(lines)}
    assert people == {"Ida Holm": "present", "Bo Lund": "absent", "Eva Kirstine Berg": "present", "Tom Ravn": "present"}
    # "Deltagerfortegnelse", then "Name, Municipality" run together
    line = "Deltagerfortegnelse Knud Erik Hansen, Faxe Hans Barlach, Greve Lis Tribler, Slagelse"
    assert [p.name for p in read_participants([line])] == ["Knud Erik Hansen", "Hans Barlach", "Lis Tribler"]


def test_a_place_labelled_hvor_and_a_place_line_opening_with_its_preposition() -> None:
    text = "Referat af skolebestyrelsesmøde\nDato: 03-04-2024 kl. 18:00\nHvor: Agerskov\n"
    text += "1. Velkomst\nIntet.\n2. Eventuelt\n"
    assert only_meeting(text).location == "Agerskov"
    text = (
        "Referat fra generalforsamling i Thorsbro Vandværks Museumsforening\n\n"
        "torsdag den 14. marts 2019 kl. 19.30\n\npå Vandværket\n\n"
        "1. Valg af dirigent\nJens blev valgt.\n2. Beretning\nBeretningen blev godkendt.\n"
    )
    assert only_meeting(text).location == "Vandværket"


def test_decisions_written_as_dash_points_under_an_answering_line() -> None:
    text = (
        "Referat af ordinært møde mandag den 23. februar 2009\n\n"
        "Dagsorden:\n1. Referat fra sidste møde,\n2. Økonomi,\n3. Eventuelt\n\n"
        "Ad. 1\n– Referatet godkendt.\n\n"
        "Ad. 2\n– Årsregnskabet for 2008 blev godkendt.\n"
        "– Regnskabet gav et lille overskud, og kassereren takkede for det\n"
        "– Kontingentet blev fastsat til 200 kr.\n\n"
        "Ad. 3\n– Intet.\n"
    )
    decided = [(item.number, d.text, d.outcome) for item in only_meeting(text).items for d in item.decisions]
    assert decided == [
        ("1", "Referatet godkendt.", "approved"),
        ("2", "Årsregnskabet for 2008 blev godkendt.", "approved"),
        ("2", "Kontingentet blev fastsat til 200 kr.", "approved"),
    ]


def test_a_title_dating_the_meeting_below_a_web_pages_introduction() -> None:
    intro = "".join(
        f"<p>Bestyrelsen arbejder med punkt {n} i sin plan for året, og forældrene høres.</p>" for n in range(18)
    )
    page = _PAGE.format(
        "<h1>Forældrebestyrelsen</h1>"
        + intro
        + "<h3>Referat af forældrebestyrelsesmøde onsdag den 17. september 2025</h3>"
        "<p>Til stede: Line Funch og Vibe From</p>"
        "<p>1. Godkendelse af dagsorden</p><p>Godkendt.</p><p>2. Eventuelt</p><p>Intet.</p>"
    )
    assert only_meeting(page, "dagpleje.html").date == "2025-09-17"


def test_a_clock_typed_without_its_stop() -> None:
    from referat.extract.structure.header_fields import parse_time

    assert parse_time("Tirsdag den 12. februar kl. 1930 i Forsamlingshuset") == "19:30"
    assert parse_time("kl 0900") == "09:00"
    assert parse_time("kl. 2530") is None  # (no hour of the day: a number, not a clock)


def test_the_administrations_recommendation_run_on_after_a_title() -> None:
    from referat.extract.structure.titles import minutes_after_title

    title = (
        "Budgetprocedure Sundheds- og Kulturforvaltningen indstiller, at udvalget tager orienteringen til efterretning."
    )
    assert minutes_after_title(title)[0] == "Budgetprocedure"
    assert minutes_after_title("Direktionen indstiller budget")[0] == "Direktionen indstiller budget"


def test_a_letterheads_council_is_no_place_and_a_common_noun_no_association() -> None:
    from referat.extract.body_words import ASSOCIATION_NAME
    from referat.extract.structure.meeting_place import meeting_location

    assert meeting_location(["NORDBY BYRÅD", "Folkeoplysningsudvalget"], {"sted": "NORDBY BYRÅD"}) is None
    assert meeting_location([], {"sted": "Rådhuset, lokale 2"}) == "Rådhuset, lokale 2"
    assert ASSOCIATION_NAME.search("godkendelse som tilskudsberettiget forening Ny forening") is None
    assert ASSOCIATION_NAME.search("Referat Haveforeningen Solbakken").group("name") == "Haveforeningen Solbakken"


def test_initials_after_a_name_without_brackets_and_a_dash_after_the_kind_word() -> None:
    page = _PAGE.format(
        "<h1>Referat – Bestyrelsesmøde, den 24. november 2016</h1>"
        "<p>Deltagere: Lars Køster Svendsen LK, Mogens Daniel Bruun MB, Anette Ohm AO.</p>"
        "<p>Afbud: Claus Haakonsson CH</p>"
        "<p><b>Dagsorden</b></p>"
        "<ol><li><b>Godkendelse af dagsordenen</b></li></ol><p>Godkendt</p>"
        "<ol><li><b>Siden sidst</b></li></ol><p>LK har talt med kommunen om hallerne.</p>"
    )
    meeting = only_meeting(page, "idraetsraad.html")
    assert meeting.kind == "referat"
    assert {(p.name, p.status) for p in meeting.participants} == {
        ("Lars Køster Svendsen", "present"),
        ("Mogens Daniel Bruun", "present"),
        ("Anette Ohm", "present"),
        ("Claus Haakonsson", "absent"),
    }


def test_ref_in_brackets_marks_who_keeps_the_minutes() -> None:
    from referat.extract.structure.participants import read_participants

    people = read_participants(["Deltagere: Karen Tommerup (ref.), Per Lyngsie, Egon Madsen"])
    assert {(p.name, p.status) for p in people} == {
        ("Karen Tommerup", "secretary"),
        ("Per Lyngsie", "present"),
        ("Egon Madsen", "present"),
    }


def test_the_meeting_and_its_place_on_a_line_of_their_own_by_the_date_line() -> None:
    from referat.extract.structure.meeting_place import meeting_location

    date_line = "Onsdag d. 25. november 2015 kl. 19.00-21.00"
    assert meeting_location(["Lokalrådsmøde i Fensmark Bibliotek", date_line], {}) == "Fensmark Bibliotek"
    # (a body met in, not a place; and such a line far from any date says nothing)
    assert meeting_location(["Bestyrelsesmøde i Grundejerforeningen", date_line], {}) is None
    assert meeting_location(["Bestyrelsesmøde i klubhuset", "Til stede: Bo og Ida"], {}) is None


def test_the_place_after_the_time_on_a_date_line_without_its_year() -> None:
    from referat.extract.structure.meeting_place import meeting_location

    line = "Ungdomsskolebestyrelsesmøde mandag den 8. dec, kl. 18-21 på ungdomsskolens kontor, Skolevej 1a, 4330 Hvalsø"
    assert meeting_location([line], {}) == "ungdomsskolens kontor, Skolevej 1a, 4330 Hvalsø"


def test_a_village_councils_name_on_a_line_of_its_own_is_the_body() -> None:
    text = (
        "Mødereferat 23.02.2009\n\nGjessø Lokalråd\n\n"
        "Referat af ordinært møde mandag den 23. februar 2009 i fælleshuset\n\n"
        "1. Referat fra sidste møde\nGodkendt.\n2. Eventuelt\nIntet.\n"
    )
    assert only_meeting(text).body == "Gjessø Lokalråd"


def test_an_agendas_nested_points_stay_subitems_under_an_answer_with_words_of_its_own() -> None:
    page = _PAGE.format(
        "<h1>Referat af afdelingsbestyrelsesmøde 2/9 2015</h1>"
        "<p>Dagsorden:</p>"
        "<ol><li>Valg af referent</li>"
        "<li>Beboermødet<ol><li>Oplæg fra formanden</li><li>Lokale og kaffe</li></ol></li>"
        "<li>Eventuelt</li></ol>"
        "<p>Referat:</p>"
        "<ol><li>Referent: Kim</li><li>Beboermødet holdes den 1. oktober</li><li>Intet</li></ol>"
    )
    meeting = only_meeting(page, "afdeling.html")
    assert _outline(meeting)[1] == ("2", "Beboermødet", [("1", "Oplæg fra formanden"), ("2", "Lokale og kaffe")])
