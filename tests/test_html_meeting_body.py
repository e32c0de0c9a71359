"""Who met, read from the title lines web pages print: a title that opens with the date, a
body's name in capitals before a colon. The pages are written for these tests."""

from __future__ import annotations

from referat.extract.pipeline import extract_bytes


def _body(page: str) -> str | None:
    document = extract_bytes("page.html", page.encode("utf-8"), enrich=False)
    return document.meetings[0].body


def test_a_title_that_opens_with_the_date_still_names_the_meeting():
    page = """<html><body><main><h1>2023/09/05 Bestyrelsesmøde</h1><p>Tirsdag den 5. september 2023</p>
    <h2>1. Godkendelse af dagsorden.</h2><p>Godkendt.</p><h2>2. Eventuelt</h2><p>Intet.</p></main></body></html>"""
    assert _body(page) == "Bestyrelsen"


def test_a_body_in_capitals_before_a_colon_is_written_as_the_text_writes_it():
    page = """<html><body><main><h1>REFERAT ÆLDRERÅDET: Møde nr. 03-2018</h1>
    <p>Udgivet 22. marts 2018 af Ældrerådet</p><p>Torsdag den 15. marts 2018 kl. 12.30</p>
    <p><b>1. Godkendelse af dagsorden</b></p><p>Godkendt.</p><p><b>2. Eventuelt</b></p><p>Intet.</p>
    </main></body></html>"""
    assert _body(page) == "Ældrerådet"


def test_a_group_of_members_before_a_colon_is_no_body():
    page = """<html><body><main><h1>Handicaprådet</h1><p>Mødedato: 4. maj 2018</p>
    <p>Byråd: Kai Nielsen (V), Jette Andersen (A)</p>
    <p><b>1. Godkendelse af dagsorden</b></p><p>Godkendt.</p><p><b>2. Eventuelt</b></p><p>Intet.</p>
    </main></body></html>"""
    assert _body(page) == "Handicaprådet"


def test_a_table_of_points_with_column_headings_is_no_body_and_the_title_names_it():
    page = """<html><body><main><h1>Referat - Bestyrelsesmøde 3. marts 2022</h1>
    <table border="1"><tr><th>Pkt.</th><th>Emne</th><th>Referat</th></tr>
    <tr><td>1</td><td>Godkendelse af dagsorden</td><td>Godkendt.</td></tr>
    <tr><td>2</td><td>Budget 2023</td><td>Budgettet blev drøftet.</td></tr>
    <tr><td>3</td><td>Eventuelt</td><td>Intet.</td></tr></table></main></body></html>"""
    assert _body(page) == "Bestyrelsen"


def test_a_comma_after_the_kind_word_still_names_the_meeting():
    page = """<html><body><main><h1>Referat, bestyrelsesmøde 19. januar 2016</h1>
    <h3>Ad 1: Godkendelse af referat</h3><p>Godkendt.</p><h3>Ad 2: Økonomi</h3><p>Regnskabet balancerer.</p>
    <h3>Ad 3: Evt.</h3><p>Intet.</p></main></body></html>"""
    assert _body(page) == "Bestyrelsen"
