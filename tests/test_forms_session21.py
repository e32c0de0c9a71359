"""Forms read from the development sets in the session of 2026-12-07 (evening), each in a
document written for the test (invented text; the forms are those of real minutes):

- an agenda printed as a bare list, then "Referat" and the minutes numbered again from 1:
  either the minutes' own points (text under each, another order than the agenda's) or
  answers on the agenda's numbers ("2. OK");
- the first item's number typed without its stop ("1 Indledning" over "2. Fokuspunkt");
- a point's letter followed by a wide gap ("F.    Kalender") in plain text;
- "Beslutning;" with a semicolon for the colon;
- a question as an item's title, with its text in lower case under it; "3 . Titel"; a title
  that opens with a count ("4. 23. december?" written "4. 23 december?");
- case numbers under the headings of items that each open a page (not a running header);
- a web page's publisher: the site's name in its header (the logo's text or image text);
- an association named on the title line beside its general assembly or board meeting;
- first names on the line under a heading that stands alone ("Til stede:" / "Morten, Jacob og
  Anne"), "(og Michael fra vejudvalget)", a heading typed with a semicolon, titles after names;
- decisions with the body after the verb ("Dette tager udvalget til efterretning", "Derfor har
  en enig bestyrelse besluttet …"), after a doubled bullet, and with dates among the words;
- lettered points that are sentences: the item's minutes point by point, not sub-items;
- a place with the members or a clause run on after it in a transcript;
- "Diverse" as a standing title, and a dash left dangling after an item's run-in minutes.
"""

from __future__ import annotations

from builders import only_meeting

from referat.extract import extract_bytes
from referat.extract.layout import clean_layout
from referat.extract.pages import Line, Page
from referat.extract.structure.decisions import prose_decisions
from referat.extract.structure.meeting_place import meeting_location
from referat.extract.structure.participants import read_participants


def test_minutes_numbered_again_under_the_agenda_are_the_items() -> None:
    text = (
        "Bestyrelsesmøde 4. marts 2021\n"
        "Dagsorden til bestyrelsesmødet 4. marts 2021 kl. 19:00\n"
        "1. Sommerfesten\n2. Budget 2021\n3. Eventuelt\n"
        "Referat\n"
        "Til stede:\nKaren, Ib og Rasmus\n"
        "1. Valg af referent\nIb valgt\n"
        "2. Sommerfest\nFesten holdes i år på fælledarealet den 19. juni.\n"
        "3. Budget 2021\nBudgettet for 2021 er godkendt.\n"
        "4. Eventuelt\nIntet.\n"
    )
    meeting = only_meeting(text)
    # (the minutes' own points, in their own order; the agenda's list is no item)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Valg af referent"),
        ("2", "Sommerfest"),
        ("3", "Budget 2021"),
        ("4", "Eventuelt"),
    ]
    assert meeting.kind == "referat"  # the agenda's title line, but the document holds the minutes
    assert [d.outcome for d in meeting.items[0].decisions] == ["approved"]
    assert [d.text for d in meeting.items[2].decisions] == ["Budgettet for 2021 er godkendt."]


def test_minutes_answering_the_agenda_on_its_numbers_keep_the_agenda_titles() -> None:
    text = (
        "Referat af bestyrelsesmøde tirsdag den 9/3 2021\n"
        "Tilstede: Karen, Ib, Rasmus\n"
        "Dagsorden:\n"
        "1. Valg af ordstyrer og referent\n"
        "2. Godkendelse af sidste referat\n"
        "3. Legepladsen\n"
        "4. Eventuelt\n"
        "Referat:\n"
        "1. Ordstyrer: Karen – Referent: Ib\n"
        "2. OK\n"
        "3. Legepladsen\n"
        "Gyngerne males i april.\n"
    )
    meeting = only_meeting(text)
    # (one meeting, the agenda's titles; point 4, which no answer repeats, is listed only)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Valg af ordstyrer og referent"),
        ("2", "Godkendelse af sidste referat"),
        ("3", "Legepladsen"),
        ("4", "Eventuelt"),
    ]
    assert meeting.items[0].text == "Ordstyrer: Karen – Referent: Ib"
    assert [(d.text, d.outcome) for d in meeting.items[1].decisions] == [("OK", "approved")]
    assert [d.text for d in meeting.items[2].decisions] == ["Gyngerne males i april."]


def test_a_title_referat_above_the_agenda_does_not_hide_the_minutes_under_it() -> None:
    text = (
        "Referat\nBestyrelsesmøde 9. marts 2021\n"
        "Dagsorden:\n1. Valg af referent\n2. Regnskab\n3. Eventuelt\n"
        "Referat:\n1. Ib valgt\n2. Regnskab\nRegnskabet blev godkendt.\n3. Intet\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title, item.text) for item in meeting.items] == [
        ("1", "Valg af referent", "Ib valgt"),
        ("2", "Regnskab", "Regnskabet blev godkendt."),
        ("3", "Eventuelt", "Intet"),
    ]


def test_an_agenda_whose_items_repeat_its_titles_is_read_as_before() -> None:
    text = (
        "Referat af bestyrelsesmøde 9. marts 2021\n"
        "Dagsorden:\n1. Regnskab\n2. Legepladsen\n"
        "Referat:\n"
        "1. Regnskab\nRegnskabet blev godkendt.\n"
        "2. Legepladsen\nGyngerne males i april.\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title, item.text) for item in meeting.items] == [
        ("1", "Regnskab", "Regnskabet blev godkendt."),
        ("2", "Legepladsen", "Gyngerne males i april."),
    ]


def test_the_first_number_without_its_stop_and_lettered_points_after_a_wide_gap() -> None:
    text = (
        "Referat af menighedsrådsmøde d. 3. marts 2020\n\n"
        "1 Indledning (19.00)\n\n"
        "A.   Sang\n\nB.    Godkendelse af dagsorden\n\n"
        "Dagsordenen blev godkendt.\n\n"
        "2. Fokuspunkt (19.15)\n\nDer blev talt om haven.\n\n"
        "3. Orientering (19.45)\n\nIntet nyt.\n\n"
        "4. Eventuelt (20.00)\n\nIntet.\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Indledning (19.00)"),
        ("2", "Fokuspunkt (19.15)"),
        ("3", "Orientering (19.45)"),
        ("4", "Eventuelt (20.00)"),
    ]
    assert [(sub.number, sub.title) for sub in meeting.items[0].subitems] == [
        ("A", "Sang"),
        ("B", "Godkendelse af dagsorden"),  # (not "| Godkendelse …": four spaces are no column)
    ]


def test_a_semicolon_after_beslutning_questions_as_titles_and_typed_slips_in_numbers() -> None:
    text = (
        "Bestyrelsesmøde den 8-2-2017\n\n"
        "1. Hvad gør vi ved restancer?\n\n"
        "skal der være en fast regel, der gælder for alle.\n\n"
        "Beslutning; Vi skriver en regel ind i vedtægterne.\n\n"
        "2. Kost\n\nDer blev talt om frugt.\n\n"
        "3 . Personalets timer.\n\nBeslutning; Udsat til næste møde.\n\n"
        "4. 23 december?\n\nDer holdes lukket.\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Hvad gør vi ved restancer?"),
        ("2", "Kost"),
        ("3", "Personalets timer."),
        ("4", "23 december?"),
    ]
    assert [section.kind for section in meeting.items[0].sections] == ["decision"]
    assert [(d.text, d.outcome) for d in meeting.items[2].decisions] == [("Udsat til næste møde.", "postponed")]


def test_case_numbers_under_items_that_each_open_a_page_stay_with_their_items() -> None:
    def page(number: int, title: str, case: str) -> Page:
        texts = [f"Side {number}", title, f"Sagsnr.: {case}", "Beslutning", "Godkendt.", "Intet at tilføje."]
        return Page(number, [Line(text, number) for text in texts])

    pages = [page(1, "1. Budget", "08/1377"), page(2, "2. Regnskab", "08/1377"), page(3, "3. Lokaler", "08/3562")]
    texts = [line.text for line in clean_layout(pages).lines]
    assert texts.count("Sagsnr.: 08/1377") == 2 and "Sagsnr.: 08/3562" in texts
    # (a running header prints one case number on every page: furniture)
    same = [page(n, f"{n}. Punkt", "08/1377") for n in (1, 2, 3)]
    assert not any(line.text.startswith("Sagsnr.") for line in clean_layout(same).lines)


def test_a_web_pages_publisher_is_the_site_name_in_its_header() -> None:
    page = (
        "<html><head><title>Referat af bestyrelsesmøde 5. maj 2022 – Grundejerforeningen Lærkevang</title></head>"
        "<body><header><div class='site-branding'><a class='site-title' href='/'>Grundejerforeningen Lærkevang</a>"
        "<p class='site-description'>Vi passer på vores område</p></div>"
        "<nav><a href='/'>Forside</a><a href='/referater'>Referater</a></nav></header>"
        "<main><h1>Referat af bestyrelsesmøde 5. maj 2022</h1>"
        "<p>1. Regnskab</p><p>Regnskabet blev godkendt.</p><p>2. Vejene</p><p>Huller lappes i juni.</p>"
        "</main></body></html>"
    )
    meeting = only_meeting(page, "side.html")
    assert meeting.organisation == "Grundejerforeningen Lærkevang"
    assert meeting.body == "Bestyrelsen"  # (the site's name is no body)
    # a logo that is only an image names the site by its text; a link home names nothing
    logo = "<html><body><div id='logo'><a href='/'><img alt='AB Fjordvang'></a></div><p>Referat</p></body></html>"
    home = "<html><body><div class='logo'><a href='/'>Til forsiden</a></div><p>Referat</p></body></html>"
    assert _organisation_of(logo) == "AB Fjordvang"
    assert _organisation_of(home) is None


def _organisation_of(page: str) -> str | None:
    document = extract_bytes("side.html", page.encode(), enrich=False)
    return document.meetings[0].organisation if document.meetings else None


def test_the_association_on_the_title_line_is_the_organisation() -> None:
    def meeting_of(title: str):
        return only_meeting(f"{title}\n\n1. Valg af dirigent\n\nKim blev valgt.\n\n2. Eventuelt\n\nIntet.\n")

    assert meeting_of("Referat af bestyrelsesmøde i Brabrand Roklub.").organisation == "Brabrand Roklub"
    found = meeting_of("Referat fra generalforsamlingen i Vejby Strand Bådelaug lørdag den 9. marts 2019.")
    assert (found.body, found.organisation) == ("Generalforsamling", "Vejby Strand Bådelaug")
    # (a genitive names the association; its general assembly is the body)
    found = meeting_of("Referat af Nordsjællands Cykelklubs ordinære generalforsamling den 4. marts 2019")
    assert (found.body, found.organisation) == ("Generalforsamling", "Nordsjællands Cykelklub")
    found = meeting_of("Referat af bestyrelsesmøde d. 4. marts 2019, Det Gamle Bibliotek")
    assert (found.body, found.organisation) == ("Bestyrelsen", "Det Gamle Bibliotek")
    # a committee after "møde i" is the body, not an organisation
    found = meeting_of("Referat fra møde i Teknisk Udvalg den 4. marts 2019")
    assert found.organisation is None


def test_first_names_under_a_heading_of_their_own() -> None:
    def people(*texts: str) -> list[tuple[str, str | None]]:
        return [(person.name, person.status) for person in read_participants(list(texts))]

    assert people("Til stede:", "Morten, Jacob og Anne", "Afbud:", "Merete, Claus (og Michael fra vejudvalget)") == [
        ("Morten", "present"),
        ("Jacob", "present"),
        ("Anne", "present"),
        ("Merete", "absent"),
        ("Claus", "absent"),
        ("Michael", "absent"),
    ]
    assert [name for name, _ in people("Tilstedeværende medlemmer;", "Lone, Tina, Kaj Aage og Palle")] == [
        "Lone",
        "Tina",
        "Kaj Aage",
        "Palle",
    ]
    # (the next heading under an empty list is nobody; nor is an organisation after a name)
    assert people("Fraværende:", "Resume") == []
    found = read_participants(["Deltagere:", "Mette Kjærsgaard Lund, Sundhedsstyrelsen (formand)"])
    assert [(p.name, p.organisation, p.role) for p in found] == [
        ("Mette Kjærsgaard Lund", "Sundhedsstyrelsen", "formand")
    ]
    # (a title after a name is no one)
    assert [name for name, _ in people("Øvrige: Mariann Holm, Socialchef, Gitte Berg, Sekretær")] == [
        "Mariann Holm",
        "Gitte Berg",
    ]


def test_decisions_with_the_body_after_the_verb_and_dates_among_the_words() -> None:
    def decided(text: str) -> list[tuple[str, str | None]]:
        return [(decision.text, decision.outcome) for decision in prose_decisions(text)]

    assert decided("Kassereren gav en status. Dette tager udvalget til efterretning.") == [
        ("Dette tager udvalget til efterretning.", "noted")
    ]
    assert decided("Derfor har en enig bestyrelse besluttet at aflyse sommerfesten.") == [
        ("Derfor har en enig bestyrelse besluttet at aflyse sommerfesten.", "approved")
    ]
    assert decided("• • Det er endelig besluttet, at ingen får forskud.") == [
        ("Det er endelig besluttet, at ingen får forskud.", "approved")
    ]
    assert decided("Regnskab 2017 afleveret d 27/2-2018 kl 15.17 gennemgået og godkendt.") == [
        ("Regnskab 2017 afleveret d 27/2-2018 kl 15.17 gennemgået og godkendt.", "approved")
    ]
    assert decided("Det tager tid at få svar fra kommunen.") == []


def test_lettered_sentences_are_minutes_and_lettered_titles_are_subitems() -> None:
    text = (
        "Referat af generalforsamling 19. august 2011\n\n"
        "1. Bestyrelsens beretning:\n"
        "a. Et æresmedlem er gået bort, og klubben sendte blomster til begravelsen.\n"
        "b. I 2010 blev der registreret 16 nye både i Danmark.\n"
        "c. Tallet på aktive medlemmer er vokset fra 78 til 90.\n"
        "2. Aktiviteter\n"
        "a) Klublokale: Paw køber en knage til depotrummet.\n"
        "b) Kontrakter: Venter til næste møde.\n"
        "3. Eventuelt\nIntet.\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Bestyrelsens beretning"),
        ("2", "Aktiviteter"),
        ("3", "Eventuelt"),
    ]
    assert meeting.items[0].subitems == []
    assert "16 nye både" in (meeting.items[0].text or "")
    assert [(sub.number, sub.title) for sub in meeting.items[1].subitems] == [("a", "Klublokale"), ("b", "Kontrakter")]


def test_a_place_ends_before_the_members_or_a_clause_run_on_after_it() -> None:
    header = "Referat fra møde onsdag den 21. maj 2008 Mødet startede kl. 19:00 i Mødelokale 2, Lejre"
    assert meeting_location([f"{header} Jesper Holm Peter Walsøe"], {}) == "Mødelokale 2, Lejre"
    assert meeting_location([], {"mødested": "Regionshuset, 4180 Sorø, og offentligheden har adgang"}) == (
        "Regionshuset, 4180 Sorø"
    )
    assert meeting_location([], {"mødested": "Hos Jens Hansen"}) == "Hos Jens Hansen"


def test_diverse_is_a_standing_title_and_a_dangling_dash_ends_nothing() -> None:
    text = (
        "Bestyrelsesmøde afdeling 27\nDato: 20. september 2023\n"
        "Punkt 1. – Opfølgning efter afdelingsmøde. Bestyrelsen blev enige om at holde et fællesmøde. -\n"
        "Punkt 2. – Diverse Afdelingsbestyrelsen minder om husordenen. -\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Opfølgning efter afdelingsmøde"),
        ("2", "Diverse"),
    ]
    assert (meeting.items[0].text or "").startswith("Bestyrelsen blev enige")
