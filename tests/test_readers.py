"""Readers: every format becomes pages of lines, with the format's own knowledge used."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from builders import make_docx, make_pdf, paragraph

from referat.extract import extract_bytes, extract_file, extract_or_reason
from referat.extract.errors import ExtractionError
from referat.extract.read import read_bytes
from referat.extract.readers import doc as doc_reader
from referat.extract.readers.ocr import ocr_available
from referat.extract.readers.text import read_text

NUMBERING = """
<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="715"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
"""


def test_text_form_feed_is_a_page_break_and_blank_lines_vanish():
    result = read_text("m.txt", b"Referat\n\nPunkt 1 Velkomst\fPunkt 2 Eventuelt\n")
    assert [page.number for page in result.pages] == [1, 2]
    assert [line.text for line in result.pages[0].lines] == ["Referat", "Punkt 1 Velkomst"]
    assert result.pages[1].lines[0].page == 2


def test_text_falls_back_to_cp1252_with_a_warning():
    result = read_text("m.txt", "Mødedato: 4. december 2012 – Økonomi".encode("cp1252"))
    assert result.pages[0].lines[0].text == "Mødedato: 4. december 2012 – Økonomi"
    assert result.warnings == ["text is not UTF-8; read as Windows-1252 (cp1252)"]


def test_text_reads_utf16_with_bom():
    result = read_bytes("m.txt", "Punkt 1 Åbning".encode("utf-16"))
    assert result.pages[0].lines[0].text == "Punkt 1 Åbning"


def test_docx_computes_word_list_numbers_and_letters():
    body = (
        paragraph("Kulturkommune 2017", num_id="3", bold=True)
        + paragraph("Første delpunkt", num_id="3", level=1)
        + paragraph("Andet delpunkt", num_id="3", level=1)
        + paragraph("Budget 2026", num_id="3", bold=True)
        + paragraph("Nyt delpunkt", num_id="3", level=1)
    )
    result = read_bytes("a.docx", make_docx(body, NUMBERING))
    texts = [line.text for line in result.pages[0].lines]
    assert texts == [
        "715. Kulturkommune 2017",
        "a) Første delpunkt",
        "b) Andet delpunkt",
        "716. Budget 2026",
        "a) Nyt delpunkt",  # a deeper level restarts under a new parent
    ]
    assert result.pages[0].lines[0].bold and result.pages[0].lines[0].list_label == "715."


def test_docx_two_column_table_is_read_row_by_row_and_headers_stay_out():
    def cell(*names: str) -> str:
        return "<w:tc>" + "".join(paragraph(n) for n in names) + "</w:tc>"

    table = (
        "<w:tbl><w:tr>"
        + cell("Jesper Mathiesen (A)", "Ole Bollesen (A)")
        + cell("Ole Bjerregaard (V)")
        + "</w:tr></w:tbl>"
    )
    header = (
        '<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + paragraph("Referat – side 1")
        + "</w:hdr>"
    )
    result = read_bytes("a.docx", make_docx(paragraph("Medlemmer") + table, extra={"word/header1.xml": header}))
    texts = [line.text for line in result.pages[0].lines]
    assert texts == ["Medlemmer", "Jesper Mathiesen (A) | Ole Bjerregaard (V)", "Ole Bollesen (A)"]


def test_docx_page_breaks_count_pages():
    body = paragraph("Side et") + '<w:p><w:r><w:br w:type="page"/><w:t>Side to</w:t></w:r></w:p>'
    result = read_bytes("a.docx", make_docx(body))
    assert [(line.text, line.page) for page in result.pages for line in page.lines] == [("Side et", 1), ("Side to", 2)]


def test_pdf_lines_carry_geometry_and_a_sidebar_beside_the_text_is_split_off(tmp_path):
    pdf = make_pdf(
        tmp_path / "a.pdf", [[(72, 100, "Punkt 1 Velkomst og præsentation"), (450, 100, "Sagsnr. 05-0400-33")]]
    )
    result = read_bytes(str(pdf), pdf.read_bytes())
    lines = result.pages[0].lines
    assert [line.text for line in lines] == ["Punkt 1 Velkomst og præsentation", "Sagsnr. 05-0400-33"]
    assert lines[0].bbox[0] < 80 and lines[1].bbox[0] > 440
    assert lines[0].font_size == 10
    assert 90 < lines[0].bbox[1] < 100 < lines[0].bbox[3] + 5


def test_pdf_page_without_text_is_a_warning_not_an_error(tmp_path, monkeypatch):
    from referat.extract.readers import pdf as pdf_reader

    pdf = make_pdf(tmp_path / "a.pdf", [[(72, 100, "Referat")], []])
    monkeypatch.setattr(pdf_reader, "ocr_available", lambda: False)
    result = read_bytes(str(pdf), pdf.read_bytes())
    assert len(result.pages) == 2
    assert result.warnings == ["page 2: no text layer (scanned); install tesseract-ocr-dan to read it"]
    if ocr_available():  # with Tesseract the blank page is looked at, and said to be blank
        monkeypatch.undo()
        result = read_bytes(str(pdf), pdf.read_bytes())
        assert result.warnings == ["page 2: no text layer, and OCR found no text on it (a blank page?)"]


def test_a_paragraph_bomb_is_refused_before_it_is_parsed(tmp_path):
    # 1.8 million empty paragraphs in a 200 kB DOCX: refused by counting them in the raw
    # part, in well under a second and without building a ~1 GB tree (measured before the
    # count: ~3 s and ~1.0 GB peak; after: ~0.4 s and ~160 MB, mostly the 60 MB part).
    from hostile.generate import write_case
    from own_peak_rss import PRINT_OWN_PEAK_MB

    bomb = write_case(tmp_path, "paragraph-bomb.docx")
    probe = (
        "import sys\n"
        "from referat.extract import extract_or_reason\n"
        "document, reason = extract_or_reason(sys.argv[1])\n"
        "print(reason)\n" + PRINT_OWN_PEAK_MB
    )
    completed = subprocess.run([sys.executable, "-c", probe, str(bomb)], capture_output=True, text=True, timeout=60)
    reason, peak_mb = completed.stdout.strip().splitlines()
    assert reason == "DOCX has more than 300000 paragraphs and rows (refused)"
    # (~180 MB; the bound is the ~1 GB tree this guards against. The probe's own VmHWM, since
    # ru_maxrss would count the pytest it was forked from: see own_peak_rss.py)
    assert int(peak_mb) < 600, f"peak RSS {peak_mb} MB"


# -- legacy Word .doc, through LibreOffice ------------------------------------------------

needs_office = pytest.mark.skipif(
    doc_reader.office_program() is None,
    reason="LibreOffice is not installed (.ci/run installs it; a .doc is then read through it)",
)


@needs_office
def test_a_legacy_doc_is_read_through_libreoffice(tmp_path):

    # Minutes written as text, saved by LibreOffice as a Word 97 .doc, then read back.
    text = tmp_path / "referat.txt"
    text.write_text(
        "\n".join(
            [
                "Kultur- og Fritidsudvalget",
                "Referat",
                "Mødedato",
                "4. marts 2009",
                "Punkt 1 Tilskud til spejderhytten",
                "Beslutning",
                "Godkendt.",
                "Punkt 2 Orientering om biblioteket",
                "Beslutning",
                "Taget til efterretning.",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    subprocess.run(
        [
            doc_reader.office_program(),
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "doc:MS Word 97",
            "--outdir",
            str(tmp_path / "doc"),
            str(text),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    data = (tmp_path / "doc" / "referat.doc").read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0")  # a real Word 97 file

    document = extract_bytes("referat.doc", data, enrich=False)
    assert document.source.media_type == "application/msword"
    assert "legacy Word .doc, read after conversion to DOCX by LibreOffice" in document.warnings
    meeting = document.meetings[0]
    assert (meeting.body, meeting.date) == ("Kultur- og Fritidsudvalget", "2009-03-04")
    assert [(item.number, item.title, [d.outcome for d in item.decisions]) for item in meeting.items] == [
        ("1", "Tilskud til spejderhytten", ["approved"]),
        ("2", "Orientering om biblioteket", ["noted"]),
    ]


@needs_office
def test_a_damaged_doc_is_one_clear_reason():

    with tempfile.NamedTemporaryFile(suffix=".doc") as handle:
        handle.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"not really a Word file" * 20)
        handle.flush()
        document, reason = extract_or_reason(handle.name)
    assert document is None
    assert reason.startswith("legacy Word .doc that LibreOffice could not convert (damaged, or not a Word document)")


def test_without_libreoffice_a_doc_is_refused_saying_what_to_do(monkeypatch):

    monkeypatch.setattr(doc_reader, "office_program", lambda: None)
    with tempfile.NamedTemporaryFile(suffix=".doc") as handle:
        handle.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
        handle.flush()
        document, reason = extract_or_reason(handle.name)
    assert (document, reason) == (
        None,
        "legacy Word .doc needs LibreOffice to be read (install it, or save the file as DOCX or PDF)",
    )


@needs_office
def test_the_real_syddjurs_doc_is_read():

    found = sorted(
        (Path(__file__).resolve().parent.parent.parent / "shared" / "corpus-real" / "syddjurs-2013").glob("*.doc")
    )
    if not found:
        pytest.skip("../shared is not beside this checkout (it holds the real .doc; CI has it)")
    document = extract_file(str(found[0]), enrich=False)
    # A policy paper the municipality appended to its minutes (5 pages), not minutes itself.
    assert (document.source.media_type, document.source.pages) == ("application/msword", 5)
    assert document.meetings[0].organisation == "Syddjurs Kommune"


def test_text_marks_the_line_after_a_blank_line():
    data = "1\nSkrivelse fra Amtet\n\n\nTil Efterretning\n  \nMødet hævet\fN. Bak\n\nP. Holm".encode()
    pages = read_text("bog.txt", data).pages
    assert [(line.text, line.blank_before) for line in pages[0].lines] == [
        ("1", False),
        ("Skrivelse fra Amtet", False),
        ("Til Efterretning", True),  # two blank lines are one break
        ("Mødet hævet", True),  # a line of spaces is blank too
    ]
    assert [(line.text, line.blank_before) for line in pages[1].lines] == [("N. Bak", False), ("P. Holm", True)]


def test_a_doc_conversion_that_hangs_is_stopped_with_a_reason(tmp_path, monkeypatch):
    # A stand-in for LibreOffice that never finishes: the time limit ends it and its
    # process group, and the file gets one line saying so.

    fake = tmp_path / "soffice"
    fake.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(60)\n")
    fake.chmod(0o755)
    monkeypatch.setattr(doc_reader, "office_program", lambda: str(fake))
    monkeypatch.setattr(doc_reader, "CONVERT_TIMEOUT", 0.5)

    with pytest.raises(ExtractionError) as raised:
        extract_bytes("gammel.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert str(raised.value) == "gammel.doc: legacy Word .doc: LibreOffice did not finish converting it in 0.5 s"
