"""The HTML reader: web pages of minutes read into the same lines as the other formats.

The pages here are written for these tests in the layouts municipal sites use (a portal page
with menus and a cookie banner, an old table-built page in Windows-1252, an association's
WordPress page with an ordered list); none is copied from a real site.
"""

from __future__ import annotations

import pytest

from referat.archive.importer import discover
from referat.extract.errors import ExtractionError
from referat.extract.pipeline import extract_bytes
from referat.extract.read import read_bytes, sniff_media_type

PORTAL_PAGE = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8">
<title>Referat - Teknik- og Miljøudvalget - 3. april 2024 - Eksempel Kommune</title>
<script>window.dataLayer = [{"punkt": "9. Hemmelig"}];</script>
<style>.accordion { color: red }</style></head>
<body>
<div id="CybotCookiebotDialog"><p>Vi bruger cookies til statistik.</p><button>Tillad alle</button></div>
<a class="skip-link" href="#main">Gå til indhold</a>
<header class="site-header"><nav aria-label="Hovedmenu"><ul><li><a href="/">Forside</a></li>
<li><a href="/politik">Politik</a></li><li><a href="/borger">Borger</a></li></ul></nav></header>
<ol class="breadcrumb"><li>Forside</li><li>Politik</li><li>Dagsordener og referater</li></ol>
<main id="main">
<h1>Teknik- og Miljøudvalget</h1>
<table class="meeting-info">
<tr><th>Mødedato</th><td>3. april 2024</td></tr>
<tr><th>Mødetidspunkt</th><td>kl. 15.30</td></tr>
<tr><th>Mødested</th><td>Mødelokale 2,<br>Rådhuset</td></tr>
</table>
<h2>1. Godkendelse af dagsorden</h2>
<h3>Beslutning</h3><p>Godkendt.</p>
<p><a href="#top">Til toppen</a></p>
<h2>2. Ny busrute til erhvervsområdet</h2>
<h3>Sagsfremstilling</h3>
<p>Trafikselskabet har foreslået en ny rute, som koster 1,2 mio. kr. årligt.</p>
<h3>Indstilling</h3>
<p>Forvaltningen indstiller,</p>
<ol type="a"><li>at ruten oprettes fra august 2024</li><li>at udgiften afholdes inden for rammen</li></ol>
<h3>Beslutning</h3><p>Tiltrådt.</p>
<h2>3. Lukket punkt: Salg af grund</h2>
<div class="share-buttons"><a>Del på Facebook</a><a>Udskriv</a></div>
</main>
<footer class="site-footer"><p>Eksempel Kommune, Torvet 1, 9999 Byen. Tlf. 12 34 56 78</p></footer>
</body></html>
"""


def _lines(page: str | bytes, name: str = "referat.html") -> list[str]:
    data = page.encode() if isinstance(page, str) else page
    return [line.text for p in read_bytes(name, data).pages for line in p.lines]


def test_furniture_of_the_site_is_not_text() -> None:
    lines = _lines(PORTAL_PAGE)
    text = "\n".join(lines)
    for furniture in ("cookies", "Forside", "Gå til indhold", "Til toppen", "Del på Facebook", "Torvet 1", "Hemmelig"):
        assert furniture not in text, furniture
    assert lines[0] == "Teknik- og Miljøudvalget"
    assert "Mødested | Mødelokale 2, Rådhuset" in lines  # a table row is one line, a <br> a space


def test_a_portal_page_gives_meeting_items_sections_and_decisions() -> None:
    document = extract_bytes("referat.html", PORTAL_PAGE.encode(), enrich=False)
    assert document.source.media_type == "text/html"
    [meeting] = document.meetings
    assert (meeting.body, str(meeting.date), meeting.start_time, meeting.location) == (
        "Teknik- og Miljøudvalget",
        "2024-04-03",
        "15:30",
        "Mødelokale 2, Rådhuset",
    )
    assert [(item.number, item.title, item.access) for item in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "public"),
        ("2", "Ny busrute til erhvervsområdet", "public"),
        ("3", "Salg af grund", "closed"),
    ]
    bus = meeting.items[1]
    assert [section.kind for section in bus.sections] == ["background", "recommendation", "decision"]
    assert bus.recommendations == ["ruten oprettes fra august 2024", "udgiften afholdes inden for rammen"]
    assert [decision.outcome for decision in bus.decisions] == ["approved"]
    # Each item is a section of the page, so each fact points to its own "page".
    assert [item.pages[0] for item in meeting.items] == [2, 3, 4]


TABLE_LAYOUT_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Referat</title></head>
<body bgcolor="#FFFFFF">
<table width="100%"><tr><td width="150" valign="top"><a href="/">Forside</a><br><a href="/m">Møder</a></td>
<td valign="top">
<p><font size="4"><b>Referat af møde i Sognerådet</b></font></p>
<p><b>Dato:</b> tirsdag den 14. marts 2006 kl. 19.00<br><b>Sted:</b> Præstegården</p>
<p><b>Punkt 1. Meddelelser fra formanden</b></p>
<p>Formanden orienterede om kirkegårdens nye hegn.</p>
<p><b>Punkt 2. Regnskab 2005</b></p>
<p>Regnskabet blev gennemgået og godkendt.</p>
</td></tr></table>
</body></html>
"""


def test_an_old_table_built_page_in_windows_1252() -> None:
    data = TABLE_LAYOUT_PAGE.encode("cp1252")
    lines = _lines(data)
    assert lines[:2] == ["Forside", "Møder"]  # no class names to tell a menu in 2006 markup
    assert "Referat af møde i Sognerådet" in lines  # ø and å read through the declared charset
    assert "Dato: tirsdag den 14. marts 2006 kl. 19.00" in lines  # <br> ends a line
    document = extract_bytes("vis.asp", data, enrich=False)
    [meeting] = document.meetings
    assert str(meeting.date) == "2006-03-14"
    assert [(item.number, item.title) for item in meeting.items] == [
        ("1", "Meddelelser fra formanden"),
        ("2", "Regnskab 2005"),
    ]
    assert meeting.items[1].decisions[0].outcome == "approved"


ASSOCIATION_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Generalforsamling 2023</title></head>
<body><div class="entry-content">
<h2>Referat af ordinær generalforsamling</h2>
<p>Afholdt onsdag den 24. maj 2023 kl. 17.30 i fælleshuset.</p>
<ol>
<li><strong>Valg af dirigent</strong><br>Mette Holm blev valgt.</li>
<li><strong>Bestyrelsens beretning</strong><br>Beretningen blev godkendt.</li>
<li><strong>Regnskab</strong><br>Regnskabet blev godkendt.</li>
</ol>
<ol start="4">
<li><strong>Indkomne forslag</strong>
<ol type="a"><li>Forslag om ny hæk</li><li>Forslag om fælles grill</li></ol></li>
<li><strong>Eventuelt</strong><br>Intet.</li>
</ol>
</div></body></html>
"""


def test_ordered_lists_keep_the_numbers_a_browser_prints() -> None:
    lines = _lines(ASSOCIATION_PAGE)
    assert "1. Valg af dirigent" in lines and "Mette Holm blev valgt." in lines
    assert "4. Indkomne forslag" in lines  # start="4" continues the numbering
    assert "a. Forslag om ny hæk" in lines and "b. Forslag om fælles grill" in lines
    read = read_bytes("gf.html", ASSOCIATION_PAGE.encode())
    levels = {line.text: line.list_level for page in read.pages for line in page.lines}
    assert (levels["5. Eventuelt"], levels["a. Forslag om ny hæk"]) == (0, 1)


def test_definition_lists_are_label_value_rows() -> None:
    page = "<html><body><dl><dt>Udvalg</dt><dd>Børneudvalget</dd><dt>Lokale</dt><dd>Byrådssalen</dd></dl></body></html>"
    assert _lines(page) == ["Udvalg | Børneudvalget", "Lokale | Byrådssalen"]


def test_a_definition_list_of_items_keeps_each_items_body_apart_from_its_title() -> None:
    page = (
        "<html><body><dl><dt>1. Godkendelse af dagsorden</dt><dd><h4>Beslutning</h4><p>Godkendt.</p></dd>"
        "<dt>2. Salg af grund</dt><dd><h4>Beslutning</h4><p>Udsat.</p></dd></dl></body></html>"
    )
    assert _lines(page) == [
        "1. Godkendelse af dagsorden",
        "Beslutning",
        "Godkendt.",
        "2. Salg af grund",
        "Beslutning",
        "Udsat.",
    ]


def test_web_pages_are_known_by_their_bytes() -> None:
    assert sniff_media_type("vis", b"  <!DOCTYPE html>\n<html>") == "text/html"
    assert sniff_media_type("referat.htm", b"<?xml version='1.0'?><html>") == "text/html"
    assert sniff_media_type("notes.txt", b"1. Valg af dirigent <kim>") == "text/plain"
    xhtml = "<?xml version='1.0' encoding='utf-8'?><html><body><p>Mødedato: 1. maj 2020</p></body></html>"
    assert _lines(xhtml, "a.xhtml") == ["Mødedato: 1. maj 2020"]


def test_an_empty_page_is_one_clear_reason() -> None:
    with pytest.raises(ExtractionError, match=r"^tom.html: .*web page"):
        read_bytes("tom.html", b"<!DOCTYPE html>\n")
    document = extract_bytes("tom.html", b"<html><body><nav>Menu</nav></body></html>", enrich=False)
    assert document.meetings == [] and document.warnings


def test_a_saved_page_folder_is_part_of_its_page(tmp_path) -> None:
    (tmp_path / "referat.html").write_text(PORTAL_PAGE, encoding="utf-8")
    assets = tmp_path / "referat_files"
    assets.mkdir()
    (assets / "style.css").write_text("body { margin: 0 }")
    (assets / "frame.htm").write_text("<html><body><p>Annonce</p></body></html>")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "dagsorden.htm").write_text("<html><body><h1>Dagsorden</h1></body></html>")
    found = [path.removeprefix(str(tmp_path)) for path in discover([str(tmp_path)])]
    assert found == ["/referat.html", "/notes/dagsorden.htm"]  # a folder's files, then its subfolders


def test_list_headings_menus_footers_and_accordion_buttons() -> None:
    page = """<html><head><meta charset="utf-8"></head><body>
    <table><tr><td class="leftmenu"><a>Forside</a><br><a>Politik</a></td><td>
    <h1>Kultur- og Fritidsudvalget</h1>
    <ol><li value="142"><h3>Godkendelse af dagsorden</h3><p>Godkendt.</p></li></ol>
    <h3><button aria-expanded="false">143. Tilskud til foreninger</button></h3>
    </td></tr></table>
    <footer><p>Nørreå Kommune, Skolevej 20</p></footer></body></html>"""
    lines = _lines(page)
    # a menu named inside a longer class word, and the site's bare <footer>, are furniture
    assert "Forside" not in lines and not any("Skolevej" in line for line in lines)
    assert "142. Godkendelse af dagsorden" in lines  # the number the list prints stays with its heading
    assert "143. Tilskud til foreninger" in lines  # an accordion's button text is what the reader sees
