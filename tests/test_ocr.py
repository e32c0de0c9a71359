"""Scanned PDFs: pages without a text layer are read by Tesseract, or the file is refused
with one line saying how to read it. Never an empty result without a word.

The scans are made here: the repository's eDoc-style minutes PDF rendered to page images
(one turned sideways, as a landscape table is scanned) and saved as an image-only PDF.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from referat.cli import main
from referat.extract.errors import ExtractionError
from referat.extract.pipeline import extract_bytes
from referat.extract.read import read_bytes
from referat.extract.readers import ocr, pdf

ROOT = Path(__file__).resolve().parents[1]
BORN_DIGITAL = ROOT / "corpus" / "kommune-edoc-referat.pdf"
needs_tesseract = pytest.mark.skipif(
    not ocr.ocr_available(), reason="Tesseract with Danish data is not installed (apt install tesseract-ocr-dan)"
)


def _scanned(pages: int, dpi: int = 300, sideways: frozenset[int] = frozenset()) -> bytes:
    """The first ``pages`` pages of the born-digital PDF as an image-only PDF."""
    document = pdfium.PdfDocument(BORN_DIGITAL.read_bytes())
    images = []
    for index in range(pages):
        image = document[index].render(scale=dpi / 72, grayscale=True).to_pil()
        images.append(image.rotate(90, expand=True) if index in sideways else image)
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def two_scanned_pages() -> bytes:
    return _scanned(2, sideways=frozenset({1}))


def test_without_tesseract_a_scan_is_refused_with_the_way_to_read_it(two_scanned_pages, monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "ocr_available", lambda: False)
    with pytest.raises(ExtractionError, match="no text layer \\(scanned\\); install tesseract-ocr-dan to read it"):
        read_bytes("scan.pdf", two_scanned_pages)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(two_scanned_pages)
    result = CliRunner().invoke(main, ["extract", "--no-enrich", str(scan)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"referat: {scan}: no text layer (scanned); install tesseract-ocr-dan to read it"
    assert result.stdout == ""


def test_ocr_never_refuses_a_scan_too(two_scanned_pages):
    with pytest.raises(ExtractionError, match="OCR is off"):
        read_bytes("scan.pdf", two_scanned_pages, ocr="never")


@needs_tesseract
@pytest.mark.slow
def test_a_scanned_meeting_reads_like_the_born_digital_one(two_scanned_pages):
    seen: list[tuple[int, int]] = []
    document = extract_bytes("scan.pdf", two_scanned_pages, enrich=False, progress=lambda p, n: seen.append((p, n)))
    assert seen == [(1, 2), (2, 2)]  # each page reported as it is read
    digital = extract_bytes("digital.pdf", BORN_DIGITAL.read_bytes(), enrich=False)
    [meeting] = document.meetings
    assert (meeting.body, meeting.date) == (digital.meetings[0].body, digital.meetings[0].date)
    # Page 2, scanned sideways, was turned upright: its items are read, in order.
    expected = [(item.number, item.title) for item in digital.meetings[0].items if item.pages[0] <= 2]
    found = [(item.number, item.title) for item in meeting.items]
    assert found[: len(expected)] == expected
    assert not [warning for warning in document.warnings if "OCR" in warning]


@needs_tesseract
@pytest.mark.slow
def test_a_blank_scan_is_not_silently_empty(monkeypatch, tmp_path):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (1700, 2200), color=255).save(buffer, format="PDF", resolution=200)
    document = extract_bytes("blank.pdf", buffer.getvalue(), enrich=False)
    assert document.meetings == []
    assert document.warnings == [
        "page 1: no text layer, and OCR found no text on it (a blank page?)",
        "no text found in the file",
    ]


def test_handwriting_is_reported_not_archived_as_noise() -> None:
    # What Tesseract returns for a handwritten page: words it doubts (confidence 38-41 %).
    words = "".join(
        f'<span class="ocr_line" title="bbox 100 {100 * n} 400 {100 * n + 60}; x_size 60; x_descenders 12; '
        f'x_ascenders 14"><span class="ocrx_word" title="bbox 100 {100 * n} 400 {100 * n + 60}; x_wconf {c}">'
        "Sogneraadet</span></span>"
        for n, c in ((1, 41), (2, 38))
    )
    read = ocr.lines_from_hocr(f"<html><body>{words}</body></html>", 1, 300)
    assert read.confidence is not None and read.confidence < ocr.RELIABLE_PAGE_CONFIDENCE
    assert [line.text for line in read.lines] == ["Sogneraadet", "Sogneraadet"]


def _born_digital_with(extra: bytes) -> bytes:
    """The born-digital minutes with the pages of ``extra`` appended."""
    merged = pdfium.PdfDocument.new()
    merged.import_pages(pdfium.PdfDocument(BORN_DIGITAL.read_bytes()))
    merged.import_pages(pdfium.PdfDocument(extra))
    buffer = io.BytesIO()
    merged.save(buffer)
    return buffer.getvalue()


def _photograph() -> bytes:
    """A page-filling picture: mid-tones everywhere, as a report's chapter photograph."""
    from PIL import Image

    picture = Image.linear_gradient("L").resize((1240, 1754)).point(lambda value: 60 + value // 2)
    buffer = io.BytesIO()
    picture.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()


def test_a_picture_in_a_born_digital_document_is_not_sent_to_ocr(monkeypatch):
    """A report's full-page photograph has no text layer but no print either: OCR would
    spend a second on it for nothing. A scanned page of print appended to minutes is read."""
    read: list[int] = []
    monkeypatch.setattr(pdf, "ocr_available", lambda: True)
    monkeypatch.setattr(pdf, "ocr_image", lambda image, number: read.append(number) or ocr.OcrPage([], 90.0))
    document = pdfium.PdfDocument(BORN_DIGITAL.read_bytes())
    pages = len(document)
    with_picture = read_bytes("report.pdf", _born_digital_with(_photograph()))
    assert read == []
    assert f"page {pages + 1}: a picture without a text layer; not read by OCR" in with_picture.warnings
    read_bytes("minutes.pdf", _born_digital_with(_scanned(1)))
    assert read == [pages + 1]  # the scanned page of print is read


# --- What a scan's dirt and a list's tab stops do to Tesseract, and what the reader undoes ---

# Printed as minutes print them: the number or letter, a tab, the title. Invented text.
_HEADINGS = [("4.", "Budgetopfølgning for vejområdet"), ("5.", "Nyt parkeringsregulativ for bymidten")]
_SUB_ITEMS = [
    ("a.", "Møder og konferencer"),
    ("b.", "Konference om trafiksikkerhed i skolevejene"),
    ("c.", "Redegørelse fra vejteamet om vintertjenesten"),
    ("d.", "Udvalgets aktiviteter i det kommende år"),
]
_BODY = [
    "Udvalget skal tage stilling til den samlede opfølgning på budgettet for vejområdet,",
    "herunder vintertjenesten og vedligeholdelsen af kommunens cykelstier og fortove.",
    "Forvaltningen har gennemgået forbruget for de første tre kvartaler og forventer,",
    "at rammen overholdes, når de udskudte asfaltarbejder flyttes til foråret.",
]


def _minutes_page_with_tab_stops() -> bytes:
    """One born-digital page: bold headings and lettered sub-items set apart from their titles
    by a wide gap, and body text around them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    height = A4[1]
    y = 90.0

    def write(x: float, text: str, font: str = "Helvetica", size: float = 11) -> None:
        pdf.setFont(font, size)
        pdf.drawString(x, height - y, text)

    for (number, title), sub_items in ((_HEADINGS[0], _SUB_ITEMS), (_HEADINGS[1], [])):
        write(56, number, "Helvetica-Bold", 13)
        write(100, title, "Helvetica-Bold", 13)
        y += 28
        for text in _BODY:
            write(56, text)
            y += 16
        y += 10
        for letter, title in sub_items:
            write(72, letter)
            write(108, title)
            y += 22
        y += 20
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _scanned_with_dirt(pdf: bytes, dpi: int = 300, seed: int = 7) -> bytes:
    """The page as a poor scan: grey noise over the paper and 150 black and 150 white specks
    of 1-3 pixels, stored as JPEG in an image-only PDF."""
    import numpy
    from PIL import Image

    image = pdfium.PdfDocument(pdf)[0].render(scale=dpi / 72, grayscale=True).to_pil()
    generator = numpy.random.default_rng(seed)
    pixels = numpy.asarray(image, dtype=numpy.float32) + generator.normal(0.0, 8.0, (image.height, image.width))
    for value in (0.0, 255.0):
        for y, x, size in zip(
            generator.integers(0, image.height - 3, 150),
            generator.integers(0, image.width - 3, 150),
            generator.integers(1, 4, 150),
            strict=True,
        ):
            pixels[y : y + size, x : x + size] = value
    scan = Image.fromarray(numpy.clip(pixels, 0, 255).astype(numpy.uint8), mode="L")
    buffer = io.BytesIO()
    scan.save(buffer, format="PDF", resolution=dpi)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def dirty_scan_lines() -> list:
    if not ocr.ocr_available():
        pytest.skip("Tesseract with Danish data is not installed (apt install tesseract-ocr-dan)")
    scan = _scanned_with_dirt(_minutes_page_with_tab_stops())
    return [line for page in read_bytes("scan.pdf", scan).pages for line in page.lines]


def _found(text: str, lines: list) -> list:
    """The scan's lines that read as ``text``, allowing a misread letter or two (what this
    file tests is the words and cues kept, not Tesseract's spelling)."""
    from rapidfuzz import fuzz

    return [line for line in lines if fuzz.ratio(line.text.casefold(), text.casefold()) >= 93]


@needs_tesseract
@pytest.mark.slow
def test_a_number_or_letter_set_apart_from_its_title_keeps_its_stop_on_a_dirty_scan(dirty_scan_lines):
    """Tesseract reads the tab's white after "a." as more dots ("a..", "c.…") and doubts the
    marker; it was dropped, and the structure stage lost the sub-item. The scan reads as the
    born-digital page does: the marker and the title on one line, or as two beside each other
    (the tab is about as wide as the gap at which both readers cut a line in two)."""
    for marker, title in _HEADINGS + _SUB_ITEMS:
        if _found(f"{marker} {title}", dirty_scan_lines):
            continue
        [heading] = _found(title, dirty_scan_lines)
        [number] = [line for line in dirty_scan_lines if line.text.casefold() == marker]
        assert number.bbox[2] < heading.bbox[0] and number.bbox[3] > heading.bbox[1]  # beside it


@needs_tesseract
@pytest.mark.slow
def test_specks_on_a_scan_do_not_become_words(dirty_scan_lines):
    for text in _BODY:
        assert len(_found(text, dirty_scan_lines)) == 2  # the body is printed twice
    assert not [line.text for line in dirty_scan_lines if line.text.split()[-1] in {".", ":", ";", "|", "'", ",", "-"}]


@needs_tesseract
@pytest.mark.slow
def test_a_bold_heading_on_a_scan_comes_back_bold(dirty_scan_lines):
    """OCR gives no font weight; the stroke width does (the structure stage reads bold
    headings, and a scan's heading must look like the born-digital one)."""
    for _, title in _HEADINGS:
        assert [line.bold for line in _found(title, dirty_scan_lines)] == [True]
    assert not [line.text for text in _BODY for line in _found(text, dirty_scan_lines) if line.bold]


def _hocr_line(words: list[tuple[str, int, tuple[int, int, int, int]]]) -> str:
    spans = "".join(
        f'<span class="ocrx_word" title="bbox {x0} {top} {x1} {bottom}; x_wconf {confidence}">{text}</span>'
        for text, confidence, (x0, top, x1, bottom) in words
    )
    x0, top = min(box[0] for *_, box in words), min(box[1] for *_, box in words)
    x1, bottom = max(box[2] for *_, box in words), max(box[3] for *_, box in words)
    return (
        f'<html><body><span class="ocr_line" title="bbox {x0} {top} {x1} {bottom}; x_size 42; '
        f'x_descenders 9; x_ascenders 10">{spans}</span></body></html>'
    )


def test_a_doubted_word_between_confident_ones_is_kept() -> None:
    """'påvirker' read as 'Baker' at confidence 23 was dropped; a wrong word costs the text
    less than a missing one, and it is rarely noise among words Tesseract is sure of."""
    line = [
        ("Garantien", 90, (300, 300, 520, 342)),
        ("Baker", 23, (540, 300, 700, 342)),
        ("ikke", 96, (720, 300, 800, 342)),
    ]
    [read] = ocr.lines_from_hocr(_hocr_line(line), 1, 300).lines
    assert read.text == "Garantien Baker ikke"


def test_a_logo_or_dot_leaders_among_confident_words_stay_out() -> None:
    logo = [
        ("kultur", 96, (1706, 140, 1807, 172)),
        ("HERO", 9, (1820, 142, 1931, 217)),
        ("Side", 96, (1950, 140, 2030, 172)),
    ]
    assert [line.text for line in ocr.lines_from_hocr(_hocr_line(logo), 1, 300).lines] == ["kultur", "Side"]
    leaders = [
        ("2029", 81, (626, 2245, 714, 2276)),
        ("ss", 8, (734, 2271, 2127, 2293)),
        ("4", 96, (2153, 2265, 2173, 2293)),
    ]
    assert [line.text for line in ocr.lines_from_hocr(_hocr_line(leaders), 1, 300).lines] == ["2029", "4"]


def test_a_marker_read_with_the_tab_as_dots_keeps_its_line_and_a_smudge_does_not() -> None:
    """What Tesseract returned for the Ballerup minutes' sub-items: the marker with the gap
    after it read as dots, at confidence 0, and a speck after the title."""
    sub_item = [
        ("b..", 0, (366, 1200, 399, 1225)),
        ("Konference", 96, (520, 1196, 760, 1225)),
        (";", 71, (780, 1200, 786, 1225)),
    ]
    assert [line.text for line in ocr.lines_from_hocr(_hocr_line(sub_item), 1, 300).lines] == ["b.", "Konference"]
    moved_dot = [("2.", 92, (254, 847, 294, 881)), (".Bygningsvedligeholdelse", 70, (330, 847, 800, 881))]
    assert [line.text for line in ocr.lines_from_hocr(_hocr_line(moved_dot), 1, 300).lines] == [
        "2. Bygningsvedligeholdelse"
    ]
    smudge = [("2.", 6, (900, 100, 980, 180)), ("0F5", 6, (990, 100, 1100, 180))]
    assert ocr.lines_from_hocr(_hocr_line(smudge), 1, 300).lines == []


def test_a_page_of_short_bold_headings_keeps_them_bold() -> None:
    """A case page of the regional committee's layout: a bold item title over two lines, then
    short bold section headings over one-line paragraphs, as many bold lines as plain ones.
    Measured against the median line, no line was bold and the title's second line was lost."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    y = A4[1] - 80
    rows = [
        ("Helvetica-Bold", 11, "4 (Offentlig) Regionale tilbud til gravide med"),
        ("Helvetica-Bold", 11, "rusmiddelforbrug"),
    ]
    for heading, text in [
        ("Resumé", "Udvalget orienteres om mulighederne for et specialiseret tilbud i regionen."),
        ("Indstilling", "Det indstilles, at udvalget tager orienteringen til efterretning."),
        ("Økonomi", "Ingen bemærkninger"),
        ("Kommunikation", "Ingen bemærkninger"),
        ("Beslutninger", "Udvalget tog orienteringen til efterretning."),
    ]:
        rows += [("Helvetica-Bold", 9.5, heading), ("Helvetica", 9.5, text)]
    for font, size, text in rows:
        pdf.setFont(font, size)
        pdf.drawString(60, y, text)
        y -= 22
    pdf.showPage()
    pdf.save()
    page = read_bytes("case.pdf", buffer.getvalue()).pages[0]
    image = pdfium.PdfDocument(buffer.getvalue())[0].render(scale=300 / 72, grayscale=True).to_pil()
    marked = ocr.mark_bold([replace(line, bold=False) for line in page.lines], image, 300)
    assert [line.bold for line in marked] == [line.bold for line in page.lines]
    assert sum(line.bold for line in page.lines) == 7


def test_a_wrapped_title_reads_as_one_size_on_a_scan() -> None:
    """Tesseract's x-heights for the two lines of one wrapped title (11 pt in print) gave
    11.5 and 12.0 pt, and the structure stage joins a title's lines only in one size."""
    lines = "".join(
        f'<span class="ocr_line" title="bbox 250 {top} 1500 {top + 50}; x_size {x_size}; x_descenders 10; '
        f'x_ascenders 12"><span class="ocrx_word" title="bbox 250 {top} 1500 {top + 50}; x_wconf 95">{text}'
        "</span></span>"
        for top, x_size, text in (
            (1000, 46.9, "Regionale tilbud til gravide med"),
            (1060, 48.0, "rusmiddelforbrug"),
        )
    )
    page = ocr.lines_from_hocr(f'<html><body><p class="ocr_par">{lines}</p></body></html>', 1, 300)
    first, second = page.lines
    assert first.font_size == second.font_size
