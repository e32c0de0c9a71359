"""PDF → pages of lines, with pypdfium2.

Why pypdfium2 and not pdfplumber: measured on the 108-page KL PDF here, pdfplumber's
``extract_text`` reads ~22 pages/s and holds every page's char objects unless each
page is closed; pdfium's own text extraction gives whole lines at ~1000 pages/s.
pdfium already orders text and breaks it into lines (``\\r\\n``), so we ask it for
the page text once and then sample font size, weight and box only at the first and
last character of each line and around each space (to split a line where a wide
gap shows two columns, e.g. a letterhead sidebar beside body text).
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from referat.extract.errors import ExtractionError
from referat.extract.hyphens import resolve_soft_hyphens
from referat.extract.pages import Line, Page, ReadResult
from referat.extract.readers.ocr import (
    NO_TESSERACT,
    RELIABLE_PAGE_CONFIDENCE,
    Progress,
    looks_like_paper,
    ocr_available,
    ocr_image,
    page_image,
)

# A gap wider than this many font sizes between two words on one pdfium line means
# two blocks that merely share a baseline (sidebar beside body, two-column lists).
COLUMN_GAP_EMS = 2.5
# pdfium joins a word hyphenated across lines and marks the hyphen (U+FFFE or U+0002);
# a soft hyphen is U+00AD. They are decided per line by resolve_soft_hyphens.


def read_pdf(path: str, data: bytes, ocr: str = "auto", progress: Progress | None = None) -> ReadResult:
    """Read a PDF's text layer; pages without one are read by OCR (ocr.py) when Tesseract is
    installed and ``ocr`` is "auto" ("always": every page by OCR, "never": none).

    Example (from the repository root):
        >>> from pathlib import Path
        >>> result = read_pdf("x.pdf", Path("corpus/kommune-edoc-referat.pdf").read_bytes())
        >>> len(result.pages), result.pages[0].lines[0].text, result.pages[0].lines[0].bold
        (6, 'Ældre- og Sundhedsudvalget', True)
    """
    head = data[:1024]
    if b"%PDF" not in head:
        raise ExtractionError(path, f"not a PDF (starts with {data[:8]!r})")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            raise ExtractionError(path, "encrypted PDF (needs a password)") from None
        raise ExtractionError(path, f"damaged PDF ({_pdfium_reason(message)})") from None
    warnings: list[str] = []
    pages: list[Page] = []
    try:
        page_count = len(document)
        if page_count == 0:
            raise ExtractionError(path, "PDF has no pages")
        layers: list[Page | None] = []
        for index in range(page_count):
            try:
                layers.append(_read_page(document, index))
            except pdfium.PdfiumError as error:
                warnings.append(f"page {index + 1}: unreadable ({_pdfium_reason(str(error))})")
                layers.append(None)
        # Most pages with a text layer: a born-digital document, whose pages without one are
        # pictures (or scanned attachments, which are print on paper).
        born_digital = sum(1 for layer in layers if layer is not None and layer.lines) * 2 >= page_count
        scanned = _Scanned(ocr, progress, page_count, born_digital)
        for index, layer in enumerate(layers):
            pages.append(Page(number=index + 1) if layer is None else scanned.read(document, index, layer))
    finally:
        document.close()
    warnings.extend(scanned.warnings)
    if scanned.missing and len(scanned.missing) == page_count:
        raise ExtractionError(path, NO_TESSERACT if ocr != "never" else "no text layer (scanned) and OCR is off")
    if scanned.unreliable and len(scanned.unreliable) == page_count:
        raise ExtractionError(
            path, f"scanned pages could not be read by OCR ({scanned.unreliable_reason()}; handwriting or a poor scan)"
        )
    for number in scanned.missing:
        warnings.append(
            f"page {number}: no text layer (scanned); "
            + ("install tesseract-ocr-dan to read it" if ocr != "never" else "OCR is off")
        )
    return ReadResult(pages=pages, media_type="application/pdf", warnings=warnings)


class _Scanned:
    """Decides page by page whether OCR reads a page, and keeps what it could not read."""

    def __init__(self, mode: str, progress: Progress | None, page_count: int, born_digital: bool = False) -> None:
        self.born_digital = born_digital
        self.mode = mode
        self.progress = progress
        self.page_count = page_count
        self.missing: list[int] = []  # pages without text that OCR could not read (absent or off)
        self.unreliable: list[tuple[int, float]] = []  # OCR pages below the confidence floor
        self.warnings: list[str] = []

    def read(self, document: pdfium.PdfDocument, index: int, page: Page) -> Page:
        wanted = self.mode == "always" or (self.mode == "auto" and not page.lines)
        if not wanted:
            if not page.lines:
                self.missing.append(page.number)
            return page
        if not ocr_available():
            if not page.lines:
                self.missing.append(page.number)
            return page
        if self.progress is not None:
            self.progress(page.number, self.page_count)
        pdf_page = document[index]
        try:
            image = page_image(pdf_page)
            if self.mode == "auto" and self.born_digital and not looks_like_paper(image):
                # a photograph or drawing filling a page of a born-digital document
                # (a report's chapter picture): no print to read, and OCR costs a second a page
                self.warnings.append(f"page {page.number}: a picture without a text layer; not read by OCR")
                return page
            read = ocr_image(image, page.number)
        finally:
            pdf_page.close()
        if read.warning:
            self.warnings.append(read.warning)
            return page
        if not read.lines:
            self.warnings.append(f"page {page.number}: no text layer, and OCR found no text on it (a blank page?)")
        if read.confidence is not None and read.confidence < RELIABLE_PAGE_CONFIDENCE:
            # Tesseract reads print; what it returns for handwriting is noise, not text.
            self.unreliable.append((page.number, read.confidence))
            self.warnings.append(
                f"page {page.number}: OCR could not read the page reliably "
                f"(mean word confidence {read.confidence:.0f}%; handwriting or a poor scan); its text is left out"
            )
            return page
        width, height = read.size or (page.width, page.height)
        return Page(number=page.number, lines=read.lines, width=width, height=height)

    def unreliable_reason(self) -> str:
        mean = sum(confidence for _, confidence in self.unreliable) / len(self.unreliable)
        return f"mean word confidence {mean:.0f}%"


def _pdfium_reason(message: str) -> str:
    # "Failed to load document (PDFium: Data format error)." -> "Data format error"
    if "PDFium:" in message:
        return message.split("PDFium:", 1)[1].strip(" ).")
    return message.strip(".")


def _read_page(document: pdfium.PdfDocument, index: int) -> Page:
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            lines = list(_page_lines(textpage.raw, text, index + 1, height))
        finally:
            textpage.close()
    finally:
        page.close()
    return Page(number=index + 1, lines=lines, width=width, height=height)


def _page_lines(textpage, text: str, page_number: int, page_height: float):
    """Split pdfium's page text into Lines, sampling geometry at line ends and spaces."""
    box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top

    def char_box(char_index: int) -> tuple[float, float, float, float]:
        pdfium_c.FPDFText_GetCharBox(textpage, char_index, *box)
        left, right, bottom, top = (value.value for value in box)
        return left, page_height - top, right, page_height - bottom

    position = 0
    for raw_line in text.split("\r\n"):
        start = position
        position += len(raw_line) + 2
        if not raw_line.strip():
            continue
        # Split at wide gaps between words: two blocks sharing one baseline.
        pieces: list[tuple[int, int]] = []
        piece_start = 0
        font_size = pdfium_c.FPDFText_GetFontSize(textpage, start) or 0.0
        gap_limit = COLUMN_GAP_EMS * max(font_size, 6.0)
        for offset, char in enumerate(raw_line):
            if char != " " or offset == 0 or offset + 1 >= len(raw_line):
                continue
            before = char_box(start + offset - 1)
            after = char_box(start + offset + 1)
            # "Sagsnr.:      12/27845" is a label and its value at a tab stop, not two columns.
            if after[0] - before[2] > gap_limit and raw_line[piece_start:offset].rstrip()[-1:] != ":":
                pieces.append((piece_start, offset))
                piece_start = offset + 1
        pieces.append((piece_start, len(raw_line)))
        for piece_start, piece_end in pieces:
            piece = raw_line[piece_start:piece_end]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            first = start + piece_start + lead
            last = first + len(stripped) - 1
            x0, top, _, bottom = char_box(first)
            _, top_last, x1, bottom_last = char_box(last)
            size = pdfium_c.FPDFText_GetFontSize(textpage, first) or None
            weight = pdfium_c.FPDFText_GetFontWeight(textpage, first)
            yield Line(
                text=resolve_soft_hyphens(" ".join(stripped.split())),
                page=page_number,
                bbox=(round(x0, 1), round(min(top, top_last), 1), round(x1, 1), round(max(bottom, bottom_last), 1)),
                font_size=round(size, 1) if size else None,
                bold=weight >= 600 or (weight <= 0 and _font_name_is_bold(textpage, first)),
            )


def _font_name_is_bold(textpage, char_index: int) -> bool:
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    length = pdfium_c.FPDFText_GetFontInfo(textpage, char_index, buffer, 128, ctypes.byref(flags))
    name = buffer.raw[: max(length - 1, 0)].decode("latin-1", "replace")
    return "bold" in name.lower() or "black" in name.lower()
