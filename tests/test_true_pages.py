"""Every word of an extracted text is found on the page it is printed on: Item.text and
sections that run onto several pages are indexed page by page (contract 1.4's text_pages)."""

from __future__ import annotations

from referat.archive import open_archive
from referat.extract import extract_bytes
from referat.terminal import render_item

# Association minutes with no section headings: item 2's text runs from page 1 onto page 2
# (a form feed is a page break in a text file).
MINUTES = (
    "Referat af generalforsamling i Haveforeningen Solbakken, lørdag den 20. april 2024\n\n"
    "1. Valg af dirigent: Ole Bak blev valgt.\n\n"
    "2. Bestyrelsens beretning\n"
    "Formanden fortalte om årets arbejde i foreningen.\n"
    "\f"
    "Hun nævnte også den nye hækklipperordning for fællesarealerne.\n"
    "Beretningen blev godkendt.\n"
)


def test_a_word_only_in_item_text_on_page_two_is_found_there_and_shown(tmp_path):
    document = extract_bytes("solbakken.txt", MINUTES.encode(), enrich=False)
    beretning = document.meetings[0].items[1]
    assert beretning.sections == []  # the words are in Item.text only
    lines = beretning.text.split("\n")
    assert lines[0] == "Formanden fortalte om årets arbejde i foreningen."
    # the page break falls before "Hun nævnte …", the text's first line on page 2
    [(first_line, first_page), (second_line, second_page)] = beretning.text_pages
    assert (first_line, first_page, second_page) == (0, 1, 2)
    assert lines[second_line].startswith("Hun nævnte også den nye hækklipperordning")
    with open_archive(str(tmp_path / "a.db")) as archive:
        archive.store_document(document)
        [hit] = archive.search("hækklipperordning").hits
        assert (hit.title, hit.section, hit.page) == ("Bestyrelsens beretning", "text", 2)
        [earlier] = archive.search("årets arbejde").hits
        assert earlier.page == 1
        shown = archive.item(hit.item)
        assert archive.check()["fts"] == "ok"
    # show prints the whole text, both pages, in order
    assert shown["text"].split("\n") == lines
    rendered = render_item(shown)
    assert "Formanden fortalte om årets arbejde" in rendered
    assert "hækklipperordning for fællesarealerne" in rendered


def test_a_hit_in_a_document_without_items_gives_its_own_page(tmp_path):
    letter = (
        "Kære udvalg\n\nHermed notatet om kommunens takster.\n"
        "\fSide to handler om hjemmeplejen og dens visitation.\n"
        "\fSide tre: taksterne for madservice 2026 stiger med to procent.\n\nMed venlig hilsen\nJens Holm\n"
    )
    document = extract_bytes("brev.txt", letter.encode(), enrich=False)
    assert document.meetings[0].items == []
    with open_archive(str(tmp_path / "letter.db")) as archive:
        archive.store_document(document)
        assert [hit.page for hit in archive.search("madservice").hits] == [3]
        assert [hit.page for hit in archive.search("visitation").hits] == [2]
        assert [hit.page for hit in archive.search("takster").hits] == [
            1
        ]  # "takster" p. 1, "taksterne" p. 3: best first
        [hit] = archive.search("madservice").hits
        shown = archive.item(hit.item)
    assert "madservice 2026" in render_item(shown)
