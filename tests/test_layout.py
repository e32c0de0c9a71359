"""Layout clean-up: page furniture, sidebar, hyphens, table of contents."""

from __future__ import annotations

import pytest

from referat.extract.layout import PAGE_NUMBER, clean_layout, join_hyphenated_pair
from referat.extract.pages import Line, Page


@pytest.mark.parametrize(
    "first, second, joined, rest",
    [
        (
            "orienterede om indholdet i Af-",
            "tale om løft af psykiatrien",
            "orienterede om indholdet i Aftale",
            "om løft af psykiatrien",
        ),
        (
            "styrelserne med afsæt i rå-",
            "dgivningen på 2. rådsmøde",
            "styrelserne med afsæt i rådgivningen",
            "på 2. rådsmøde",
        ),
        ("Børne-", "og Ungdomspsykiatri", "Børne-", "og Ungdomspsykiatri"),
        ("Indenrigs-", "og Sundhedsministeriet", "Indenrigs-", "og Sundhedsministeriet"),
        ("inden for social-", "og sundhedsområdet", "inden for social-", "og sundhedsområdet"),
        ("Sundhedsreformen (1740088 - EMN-2022-", "00567)", "Sundhedsreformen (1740088 - EMN-2022-00567)", ""),
        ("en del ikke-", "planlagte opgaver", "en del ikke-planlagte", "opgaver"),
        ("slut.", "Næste linje", "slut.", "Næste linje"),
    ],
)
def test_line_end_hyphens(first, second, joined, rest):
    assert join_hyphenated_pair(first, second) == (joined, rest)


@pytest.mark.parametrize("text", ["Side 3", "Side 3 af 5", "2 of 5", "Page 2", "- 4 -", "3/5"])
def test_page_numbers(text):
    assert PAGE_NUMBER.match(text)


@pytest.mark.parametrize("text", ["12/27845", "2011-29298", "Punkt 3", "Side om side med regionerne"])
def test_not_page_numbers(text):
    assert not PAGE_NUMBER.match(text)


def _page(number: int, rows: list[tuple[float, str]], height: float = 842) -> Page:
    return Page(
        number, [Line(text, number, bbox=(72, top, 300, top + 10), font_size=10) for top, text in rows], 595, height
    )


def test_running_header_repeated_on_every_page_is_removed_and_kept_as_furniture():
    pages = [
        _page(
            n,
            [
                (40, "Sundheds- og Forebyggelsesudvalget"),
                (60, "Dato: 04.12.2012"),
                (70, f"Side {n}"),
                (300, f"Brødtekst på side {n}."),
            ],
        )
        for n in range(1, 5)
    ]
    layout = clean_layout(pages)
    assert [line.text for line in layout.lines] == [f"Brødtekst på side {n}." for n in range(1, 5)]
    assert "Dato: 04.12.2012" in {line.text for line in layout.furniture}


def test_a_line_repeated_in_the_middle_of_pages_is_content():
    pages = [_page(n, [(400, "Indstillingen godkendt"), (420, f"Tekst {n}")]) for n in range(1, 5)]
    assert len(clean_layout(pages).lines) == 8


def test_letterhead_sidebar_is_lifted_out_of_the_text():
    texts = [
        "Bilag 5: Monitorering af forløbstider",
        "28. maj 2026",
        "Sagsnr. 05-0400-33/",
        "Sagsbehandler meli/lalep",
        "Sundhedsstyrelsen",
        "Islands Brygge 67",
        "2300 København S",
        "Danmark",
        "T +45 72 22 74 00",
        "E sst@sst.dk",
        "www.sst.dk",
        "Bilag 6: Opgørelse over forløb",
    ]
    layout = clean_layout([Page(1, [Line(t, 1) for t in texts])])
    assert [line.text for line in layout.lines] == [texts[0], texts[-1]]
    assert [line.text for line in layout.sidebar] == texts[1:-1]


def test_a_letterhead_column_read_row_by_row_with_the_text_is_lifted_too():
    # OCR reads a page row by row: the letterhead's lines come between the agenda's
    text_rows = ["Referat 3. møde i Task Force", "Punkt 1 Velkomst", "Punkt 2 Kapacitet", "Punkt 3 Monitorering"]
    side_rows = ["2. oktober 2025", "Sagsnr. 07-0311-14/2", "Sundhedsstyrelsen", "2300 København S", "www.sst.dk"]
    lines = []
    for row in range(5):
        top = 100 + 14 * row
        if row < len(text_rows):
            lines.append(Line(text_rows[row], 1, bbox=(70, top, 380, top + 10), font_size=10))
        lines.append(Line(side_rows[row], 1, bbox=(440, top, 540, top + 10), font_size=8))
    layout = clean_layout([Page(1, lines, 595, 842)])
    assert [line.text for line in layout.lines] == text_rows
    assert [line.text for line in layout.sidebar] == side_rows
    # short lines at the right edge without contact lines stay (a table's last column)
    table = [Line("Budget 2025", 1, bbox=(70, 100, 300, 110)), Line("12 mio. kr.", 1, bbox=(450, 100, 520, 110))]
    assert [line.text for line in clean_layout([Page(1, table, 595, 842)]).lines] == ["Budget 2025", "12 mio. kr."]


def test_table_of_contents_is_lifted_and_its_entries_kept():
    texts = [
        "INDHOLDSFORTEGNELSE",
        "Åbent referat",
        "1. Meddelelser 3",
        "2. Bygningsvedligeholdelse 2013 - anlægsbevilling 3",
        "6. Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for",
        "ældre 10",
        "715. Kulturkommune 2017. Politiske fokusområder.............2",
        "Lukket referat",
    ]
    layout = clean_layout([Page(1, [Line(t, 1) for t in texts]), Page(2, [Line("1. Meddelelser", 2)])])
    assert [(e.number, e.title, e.page) for e in layout.toc] == [
        ("1", "Meddelelser", 3),
        ("2", "Bygningsvedligeholdelse 2013 - anlægsbevilling", 3),
        ("6", "Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre", 10),
        ("715", "Kulturkommune 2017. Politiske fokusområder", 2),
    ]
    assert [line.text for line in layout.lines] == ["1. Meddelelser"]


@pytest.mark.parametrize(
    "text, resolved",
    [
        ("kan ud\ufffemøntes, så", "kan udmøntes, så"),
        ("til Børne\ufffeog Ungdomspsykiatrien.", "til Børne- og Ungdomspsykiatrien."),
        ("en del ikke\ufffeplanlagte opgaver", "en del ikke-planlagte opgaver"),
        ("sagen EMN\ufffe2022", "sagen EMN-2022"),
    ],
)
def test_pdfium_joined_hyphens_are_decided_like_line_end_hyphens(text, resolved):
    from referat.extract.hyphens import resolve_soft_hyphens

    assert resolve_soft_hyphens(text) == resolved


def test_a_two_column_member_list_is_read_row_by_row():
    # pdfium gives the left column first, then the right one (Syddjurs' member table).
    rows = [
        (72, 413, "Jesper Mathiesen (A)"),
        (72, 425.5, "Ole Bollesen (A)"),
        (72, 438, "Niels Viderø (A)"),
        (298, 413, "Ole Bjerregaard (V)"),
        (298, 425.5, "Steen Fris (C)"),
    ]
    lines = [Line("Medlemmer", 1, bbox=(72, 390, 160, 400))]
    lines += [Line(text, 1, bbox=(x, top, x + 110, top + 10)) for x, top, text in rows]
    lines += [Line("Fraværende", 1, bbox=(72, 461, 160, 471))]
    layout = clean_layout([Page(1, lines, 595, 842)])
    assert [line.text for line in layout.lines] == [
        "Medlemmer",
        "Jesper Mathiesen (A) | Ole Bjerregaard (V)",
        "Ole Bollesen (A) | Steen Fris (C)",
        "Niels Viderø (A)",
        "Fraværende",
    ]
