"""Web pages of board minutes whose items are not numbered: the titles are the lines the page
sets apart (a heading level, or bold paragraphs), and numbers inside the items are references.

The pages are written for these tests in the forms association and school-board sites use
(a WordPress post with <h3> topics, a Joomla article with bold "Label:" paragraphs, an Aula
page with "Title - Ansvarlig (…) - Proces (…)" lines); none is copied from a real site.
"""

from __future__ import annotations

from referat.extract.pipeline import extract_bytes


def _items(page: str) -> list[tuple[str, str]]:
    document = extract_bytes("page.html", page.encode("utf-8"), enrich=False)
    return [(item.number, item.title) for meeting in document.meetings for item in meeting.items]


H3_TOPICS = """<html><head><meta charset="utf-8"><title>Bestyrelsesmøde</title></head><body>
<header class="site-header"><p class="site-title">Eksempel Varmeværk</p></header>
<main><article><h1>Bestyrelsesmøde 14-03-2022</h1>
<p>Afbud fra Hanne</p>
<h3>Drift</h3><p>Værket har kørt uden driftsstop siden sidste møde.</p>
<h3>Økonomi</h3><p>Årsregnskabet viser et lille overskud.</p>
<h3>Nye målere</h3><p>Vi indhenter to tilbud på fjernaflæste målere.</p><p>Peter tager kontakt til leverandørerne.</p>
<h3>Eventuelt</h3><p>Intet.</p>
</article></main></body></html>"""


def test_heading_topics_are_items_and_a_section_word_among_them_is_a_title():
    assert _items(H3_TOPICS) == [("", "Drift"), ("", "Økonomi"), ("", "Nye målere"), ("", "Eventuelt")]


BOLD_LABELS = """<html><head><meta charset="utf-8"></head><body><main>
<h2>Referat af bestyrelsesmøde den 3. maj 2021</h2>
<p>Tilstede: Ib, Lis og Ole<br>Afbud: ingen<br>Ref: Lis</p>
<p><strong>Godkendelse af referat:</strong><br>Referatet blev godkendt.</p>
<p><strong>Vejfest:</strong><br>Festen holdes i juni. Bestyrelsen besluttede at leje et telt.</p>
<p><strong>Grønne områder:</strong><br>Græsset slås hver anden uge.</p>
</main></body></html>"""


def test_bold_labels_with_text_under_them_are_items_without_their_colon():
    assert _items(BOLD_LABELS) == [("", "Godkendelse af referat"), ("", "Vejfest"), ("", "Grønne områder")]


FIELDED_TITLES = """<html><head><meta charset="utf-8"></head><body><main>
<h2>Referat af skolebestyrelsesmøde 2. oktober 2024</h2>
<p><strong>Dato:</strong> onsdag den 2. oktober 2024 kl. 17.00</p>
<p><strong>Budget - Ansvarlig (Skoleleder) - Proces (Information)</strong><br>Status på budgettet.</p>
<ul><li>Ad 1. Budgettet holder.</li></ul>
<p><strong>Forretningsorden - Ansvarlig (Formand) - Proces (Beslutning)</strong><br>Udkastet er vedhæftet.</p>
<ul><li>Ad 2. Forretningsordenen blev godkendt.</li></ul>
<p><strong>Eventuelt - Ansvarlig (Alle) - Proces (Information)</strong></p>
<ul><li>Intet.</li></ul>
</main></body></html>"""


def test_fields_after_a_bold_title_are_dropped_and_ad_references_are_no_items():
    assert _items(FIELDED_TITLES) == [("", "Budget"), ("", "Forretningsorden"), ("", "Eventuelt")]


NUMBERED_WITH_BOLD_TOPICS = """<html><head><meta charset="utf-8"></head><body><main>
<h1>Bestyrelsesmøde 5. september 2023</h1>
<h2>1. Godkendelse af dagsorden.</h2><p>Godkendt.</p>
<h2>2. Nye punkter</h2>
<p><strong>Legeplads:</strong></p><ul><li>Legepladsen flyttes.</li></ul>
<p><strong>Fællesareal:</strong></p><ul><li>Græsset slås oftere.</li></ul>
<p><strong>Naboer:</strong></p><ul><li>Vi skriver til de nye naboer.</li></ul>
<h2>3. Eventuelt</h2><p>Intet.</p>
</main></body></html>"""


def test_bold_topics_inside_numbered_items_stay_in_their_item():
    assert _items(NUMBERED_WITH_BOLD_TOPICS) == [
        ("1", "Godkendelse af dagsorden."),
        ("2", "Nye punkter"),
        ("3", "Eventuelt"),
    ]


SHORT_TITLE_THEN_MINUTES = """<html><head><meta charset="utf-8"></head><body><main>
<h1>Referat fra bestyrelsesmøde 7. november 2012</h1>
<p>Tilstede: Lars, Nina, Henrik</p>
<p>1. Valg af referent<br>Lars</p>
<p>2. Godkendelse af dagsorden<br>Godkendt</p>
<p>3. Eventuelt<br>intet</p>
</main></body></html>"""


def test_minutes_in_lower_case_under_a_short_title_do_not_continue_it():
    assert _items(SHORT_TITLE_THEN_MINUTES) == [
        ("1", "Valg af referent"),
        ("2", "Godkendelse af dagsorden"),
        ("3", "Eventuelt"),
    ]


TABLE_OF_POINTS = """<html><head><meta charset="utf-8"></head><body><main>
<h1>Referat af bestyrelsesmøde 2. februar 2020</h1>
<table border="1"><tr><th>Emne</th><th>Referat</th></tr>
<tr><td>Godkendelse af dagsorden</td><td>Godkendt.</td></tr>
<tr><td>Arbejdsdag</td><td>Arbejdsdagen holdes 4. april.</td></tr>
<tr><td>Eventuelt</td><td>Intet.</td></tr></table>
</main></body></html>"""


def test_rows_under_a_subject_column_are_items_with_their_minutes():
    document = extract_bytes("page.html", TABLE_OF_POINTS.encode("utf-8"), enrich=False)
    items = document.meetings[0].items
    assert [(item.number, item.title) for item in items] == [
        ("", "Godkendelse af dagsorden"),
        ("", "Arbejdsdag"),
        ("", "Eventuelt"),
    ]
    assert [decision.text for decision in items[0].decisions] == ["Godkendt."]


LETTERED_UNDER_ITEM = """<html><head><meta charset="utf-8"></head><body><main>
<h1>Referat af Ældrerådets møde 15. marts 2018</h1>
<p><b>1. Godkendelse af dagsorden</b></p><p>Godkendt.</p>
<p><b>2. Aktuelle drøftelser</b></p>
<p><b>2a. Pjecen om rådets arbejde</b></p><p>Pjecen blev godkendt.</p>
<p><b>2b. Orienteringsmøde i Vinderup</b></p><p>Punktet blev udsat.</p>
<p><b>3. Eventuelt</b></p><p>Intet.</p>
</main></body></html>"""


def test_the_items_number_with_a_letter_under_a_bare_heading_opens_sub_items():
    document = extract_bytes("page.html", LETTERED_UNDER_ITEM.encode("utf-8"), enrich=False)
    items = document.meetings[0].items
    assert [(item.number, item.title) for item in items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Aktuelle drøftelser"),
        ("3", "Eventuelt"),
    ]
    assert [(sub.number, sub.title) for sub in items[1].subitems] == [
        ("2a", "Pjecen om rådets arbejde"),
        ("2b", "Orienteringsmøde i Vinderup"),
    ]


AGENDA_THEN_TITLES = """<html><head><meta charset="utf-8"></head><body><main>
<h1>Referat af bestyrelsesmøde 2. juni 2022</h1>
<p><strong>Dagsorden:</strong></p>
<ol><li>Godkendelse af dagsorden</li><li>Regnskab</li><li>Sommerudflugt</li></ol>
<h2>Godkendelse af dagsorden</h2><p>Dagsordenen blev godkendt.</p>
<h2>Regnskab</h2><p>Regnskabet blev gennemgået.</p>
<h2>Sommerudflugt</h2><p>Bestyrelsen besluttede at tage til Møns Klint.</p>
</main></body></html>"""


def test_an_agenda_list_repeated_as_titles_gives_each_point_its_own_text():
    document = extract_bytes("page.html", AGENDA_THEN_TITLES.encode("utf-8"), enrich=False)
    items = document.meetings[0].items
    assert [(item.number, item.title) for item in items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Regnskab"),
        ("3", "Sommerudflugt"),
    ]
    assert [decision.text for decision in items[0].decisions] == ["Dagsordenen blev godkendt."]
    assert [decision.text for decision in items[2].decisions] == ["Bestyrelsen besluttede at tage til Møns Klint."]
