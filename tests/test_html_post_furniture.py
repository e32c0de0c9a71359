"""A blog post's meta and the pager between posts are site furniture, not the minutes: the
publication date would otherwise pass for the meeting's date. Written for these tests."""

from __future__ import annotations

from referat.extract.pipeline import extract_bytes
from referat.extract.read import read_bytes

POST = """<html><head><meta charset="utf-8"></head><body><main><article>
<header class="entry-header"><div class="entry-meta"><span class="posted-on">Udgivet
<time>30. januar 2024</time></span> <span class="byline">af Magnus</span></div>
<h1 class="entry-title">Bestyrelsesmøde</h1></header>
<dl class="article-info"><dt>Detaljer</dt><dd>Kategori: Referater</dd><dd>Visninger: 412</dd></dl>
<p>Tirsdag den 5. september 2023</p>
<h2>1. Godkendelse af dagsorden</h2><p>Godkendt.</p><h2>2. Eventuelt</h2><p>Intet.</p>
</article>
<ul class="pager pagenav"><li><a href="/24">&lt; Forrige</a></li><li><a href="/26">Næste &gt;</a></li></ul>
<nav class="navigation post-navigation"><div class="nav-links">Forrige indlæg: Bestyrelsesmøde 10-01-2019</div></nav>
</main></body></html>"""


def test_post_meta_and_pager_are_not_read():
    texts = [line.text for page in read_bytes("post.html", POST.encode("utf-8")).pages for line in page.lines]
    assert not any("Udgivet" in text or "Visninger" in text or "Forrige" in text for text in texts)


def test_the_meeting_date_is_the_minutes_date_not_the_publication_date():
    document = extract_bytes("post.html", POST.encode("utf-8"), enrich=False)
    assert str(document.meetings[0].date) == "2023-09-05"


def test_a_number_in_a_box_before_a_heading_numbers_the_heading():
    page = """<html><head><meta charset="utf-8"></head><body><main>
    <h1>Referat - Ældrerådet 10. maj 2017</h1>
    <div class="item"><div class="nr">1</div><h2>Godkendelse af dagsorden</h2><p>Godkendt.</p></div>
    <div class="item"><div class="nr">2</div><h2>Budget 2018</h2><p>Rådet drøftede budgettet.</p></div>
    <div class="item"><div class="nr">3</div><h2>Eventuelt</h2><p>Intet.</p></div>
    </main></body></html>"""
    texts = [line.text for page in read_bytes("p.html", page.encode("utf-8")).pages for line in page.lines]
    assert "1 Godkendelse af dagsorden" in texts and "1" not in texts
    document = extract_bytes("p.html", page.encode("utf-8"), enrich=False)
    assert [(item.number, item.title) for item in document.meetings[0].items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Budget 2018"),
        ("3", "Eventuelt"),
    ]


def _texts(page: str) -> list[str]:
    return [line.text for page_ in read_bytes("p.html", page.encode("utf-8")).pages for line in page_.lines]


def test_a_bold_title_with_its_minutes_on_the_same_line_is_read_as_two_lines():
    page = """<html><body><main><h2>Referat af bestyrelsesmøde den 12. oktober 2015</h2>
    <p>Tilstede: Bo, Lars og Anja</p>
    <p><strong>Godkendelse af referat:</strong> Referatet blev godkendt.</p>
    <p><strong>Økonomi:</strong> Økonomien blev gennemgået.</p>
    <p><strong>Grønt udvalg:</strong> Bestyrelsen besluttede at tage imod tilbuddet.</p>
    <p><strong>Vejfest:</strong> Festen holdes i juni.</p>
    </main></body></html>"""
    assert _texts(page)[2:4] == ["Godkendelse af referat:", "Referatet blev godkendt."]
    document = extract_bytes("p.html", page.encode("utf-8"), enrich=False)
    assert [item.title for item in document.meetings[0].items] == [
        "Godkendelse af referat",
        "Økonomi",
        "Grønt udvalg",
        "Vejfest",
    ]


def test_labels_of_fields_and_numbers_stay_with_their_value():
    page = """<html><body><main><p><strong>Dato:</strong> 4. maj 2021</p><p><b>Afbud:</b> Ole</p>
    <p><strong>Status:</strong> Lukket</p>
    <p><strong>Punkt 1:</strong> Godkendelse af dagsorden</p></main></body></html>"""
    assert _texts(page) == ["Dato: 4. maj 2021", "Afbud: Ole", "Status: Lukket", "Punkt 1: Godkendelse af dagsorden"]


def test_a_bold_title_and_a_dash_in_a_bullet_list_head_the_points():
    page = """<html><body><main><h1>Referat 3. marts 2021</h1><p>Bestyrelsesmøde i Vandværket</p><ul>
    <li><strong>Godkendelse af referat</strong> – godkendt.</li>
    <li><strong>Drift</strong> – pumpe 2 er skiftet.</li>
    <li><strong>Nye målere</strong> – tilbuddene kommer i april.</li>
    <li><strong>Eventuelt</strong> – intet.</li></ul></main></body></html>"""
    document = extract_bytes("p.html", page.encode("utf-8"), enrich=False)
    assert [item.title for item in document.meetings[0].items] == [
        "Godkendelse af referat",
        "Drift",
        "Nye målere",
        "Eventuelt",
    ]
