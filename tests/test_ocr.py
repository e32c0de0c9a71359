"""Scanned PDFs: pages without a text layer are read by Tesseract, or the file is refused
with one line saying how to read it. Never an empty result without a word.

The scans are made here: the repository's eDoc-style minutes PDF rendered to page images
(one turned sideways, as a landscape table is scanned) and saved as an image-only PDF.
"""

from __future__ import annotations

import io
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
