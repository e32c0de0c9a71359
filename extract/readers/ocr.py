"""Pages without a text layer → lines with boxes, through Tesseract and its Danish data.

Why the ``tesseract`` program directly and not pytesseract or OCRmyPDF: pytesseract is itself
a wrapper that starts the same program, and OCRmyPDF rewrites the PDF (and needs Ghostscript
and qpdf) when all we need is words with boxes. Calling the program ourselves keeps one
dependency (Debian's ``tesseract-ocr`` + ``tesseract-ocr-dan``), lets every page have its own
time limit (the process is killed, the page reported), and reads Tesseract's hOCR output,
which gives each word its box and confidence and each line its x-height. The words are grouped into Tesseract's lines
and the boxes scaled to PDF points, so the layout and structure stages treat an OCR page as
they treat a born-digital one.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import lxml.html
import numpy
from lxml import etree
from PIL import Image

from referat.extract.pages import Line
from referat.extract.readers.ocr_cleaning import clean_scan
from referat.extract.readers.ocr_words import Word, clean_words

OCR_MODES = ("auto", "always", "never")
# 300 dpi is what Tesseract is trained for; text smaller than ~8 pt degrades fast below it.
OCR_DPI = 300
# Seconds one page may take before the process is killed and the page reported.
OCR_PAGE_TIMEOUT = 120.0
# A page whose kept words average below this is reported as not reliably read (handwriting).
RELIABLE_PAGE_CONFIDENCE = 60.0
# Tesseract's page segmentation mode: 3 finds text blocks itself, 4 reads the page as one
# column of lines of varying size. 4, because 3 drops a lone item number set apart from its
# title ("4." ... "Budget"): on the scanned Ballerup minutes items F1 0.143 (3) -> 0.600 (4),
# CER 2.53 % -> 2.44 % (bench/ocr_benchmark.py).
PAGE_SEGMENTATION = "4"
NO_TESSERACT = "no text layer (scanned); install tesseract-ocr-dan to read it"

Progress = Callable[[int, int], None]  # (page number, page count)


@dataclass(frozen=True)
class OcrPage:
    lines: list[Line]
    confidence: float | None  # mean word confidence of the kept words, 0–100
    warning: str | None = None
    size: tuple[float, float] | None = None  # the page as read (turned upright), in points


@functools.cache
def ocr_available() -> bool:
    """Whether Tesseract with its Danish data is installed.

    Example:
        >>> isinstance(ocr_available(), bool)
        True
    """
    program = shutil.which("tesseract")
    if program is None:
        return False
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return "dan" in (listed.stdout + listed.stderr).split()


def ocr_image(image: Image.Image, page_number: int, dpi: int = OCR_DPI, timeout: float = OCR_PAGE_TIMEOUT) -> OcrPage:
    """OCR one page image into lines whose boxes are in PDF points. A page scanned sideways
    or upside down (a landscape table) is turned upright first, as Tesseract's orientation
    detection says; the time limit covers both runs."""
    deadline = time.monotonic() + timeout
    try:
        read = _read_upright(image, page_number, dpi, deadline)
        # A printed page read badly or hardly at all may lie on its side; a photograph (a
        # report's chapter picture) is not asked about: that doubled the time on such pages.
        if (
            read.warning is None
            and (_words(read) < SIDEWAYS_MIN_WORDS or _low_confidence(read))
            and looks_like_paper(image)
        ):
            turn = _rotation(_pnm(image), dpi, max(deadline - time.monotonic(), 1.0))
            if turn:
                image = image.rotate(-turn, expand=True)  # PIL turns counter-clockwise
                read = _read_upright(image, page_number, dpi, deadline)
    except subprocess.TimeoutExpired:
        return OcrPage([], None, f"page {page_number}: OCR gave up after {timeout:.0f} s")
    except OSError as error:
        return OcrPage([], None, f"page {page_number}: OCR could not run ({error.strerror or error})")
    if read.warning is not None:
        return read
    scale = 72.0 / dpi
    lines = mark_bold(read.lines, image, dpi)
    return OcrPage(lines, read.confidence, size=(image.width * scale, image.height * scale))


# A page of print read upright into fewer words than this, or at a low mean confidence, may
# lie on its side: Tesseract is asked for its orientation.
SIDEWAYS_MIN_WORDS = 20
# A page whose words average below this may be sideways (upright print reads at 85-95).
SIDEWAYS_CONFIDENCE = 75.0


# Share of near-white pixels from which an image is a page of print (text, tables, even
# sideways), not a photograph: scanned minutes measure 0.85-0.97, photographs far less.
PAPER_WHITE_SHARE = 0.7


def looks_like_paper(image: Image.Image) -> bool:
    """Mostly white: a page of print (even sideways), not a photograph."""
    gray = numpy.asarray(image.convert("L").reduce(4))
    return bool(gray.size) and float((gray > 200).mean()) >= PAPER_WHITE_SHARE


def _words(read: OcrPage) -> int:
    return sum(len(line.text.split()) for line in read.lines)


def _low_confidence(read: OcrPage) -> bool:
    return read.confidence is None or read.confidence < SIDEWAYS_CONFIDENCE


def _read_upright(image: Image.Image, page_number: int, dpi: int, deadline: float) -> OcrPage:
    """One Tesseract run over the page as it lies; a failed run is a warning."""
    command = ["tesseract", "stdin", "stdout", "-l", "dan", "--psm", PAGE_SEGMENTATION, "--dpi", str(dpi), "hocr"]
    done = _tesseract(command, _pnm(clean_scan(image)), max(deadline - time.monotonic(), 1.0))
    if done.returncode != 0:
        reason = " ".join(done.stderr.decode("utf-8", "replace").split())[:200] or f"exit {done.returncode}"
        return OcrPage([], None, f"page {page_number}: OCR failed ({reason})")
    return lines_from_hocr(done.stdout.decode("utf-8", "replace"), page_number, dpi)


# A line is bold when its strokes are this much wider than the page's typical line's,
# measured against the font size. Measured on the repository's minutes scanned at 300 dpi
# with noise: bold lines 0.16-0.24 of the font size, regular ones 0.10-0.14.
BOLD_STROKE_RATIO = 1.3


def mark_bold(lines: list[Line], image: Image.Image, dpi: int) -> list[Line]:
    """OCR gives no font weight; the structure stage reads bold headings. The stroke width
    (dark pixels per dark run, row by row), relative to the line's font size, tells it,
    against the page's typical text: the stroke width of most of its characters, not of
    most of its lines. A page of short bold section headings ("Resumé", "Økonomi") over
    one-line paragraphs has as many bold lines as plain ones, and their median made no
    line bold (a wrapped item title then lost its second line)."""
    scale = dpi / 72.0
    gray = image.convert("L")
    widths: list[float | None] = []
    for line in lines:
        if not line.bbox or not line.font_size:
            widths.append(None)
            continue
        x0, top, x1, bottom = (int(value * scale) for value in line.bbox)
        ink = numpy.asarray(gray.crop((x0, top, max(x1, x0 + 1), max(bottom, top + 1)))) < 128
        starts = int((numpy.diff(ink.astype(numpy.int8), axis=1, prepend=0) == 1).sum())
        widths.append(float(ink.sum()) / starts / (line.font_size * scale) if starts else None)
    known = sorted((width, len(line.text)) for line, width in zip(lines, widths, strict=True) if width is not None)
    if len(known) < 5:
        return lines
    typical = _weighted_median(known)
    return [
        replace(line, bold=True) if width is not None and width >= BOLD_STROKE_RATIO * typical else line
        for line, width in zip(lines, widths, strict=True)
    ]


def _weighted_median(values: list[tuple[float, int]]) -> float:
    """The value at which half the weight lies below, of (value, weight) pairs sorted by value.

    Example:
        >>> _weighted_median([(0.11, 80), (0.16, 10), (0.17, 12), (0.18, 9)])
        0.11
    """
    half, running = sum(weight for _, weight in values) / 2, 0
    for value, weight in values:
        running += weight
        if running >= half:
            return value
    return values[-1][0]


def _tesseract(command: list[str], image: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
    # One thread per page: the import already runs one worker per core.
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(command, input=image, capture_output=True, timeout=timeout, env=environment, check=False)


_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_ORIENTATION_CONFIDENCE = re.compile(r"Orientation confidence:\s*([\d.]+)")
# Below this Tesseract's orientation guess is a coin toss (a page with a few words).
MIN_ORIENTATION_CONFIDENCE = 2.0


def _rotation(image: bytes, dpi: int, timeout: float) -> int:
    """Degrees to turn the page clockwise to make it upright (0, 90, 180, 270); 0 when the
    page has too little text to tell."""
    done = _tesseract(["tesseract", "stdin", "stdout", "--psm", "0", "--dpi", str(dpi)], image, timeout)
    report = done.stdout.decode("utf-8", "replace")
    turn, confidence = _ROTATE.search(report), _ORIENTATION_CONFIDENCE.search(report)
    if done.returncode != 0 or not turn or not confidence or float(confidence.group(1)) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    return int(turn.group(1)) % 360


def _pnm(image: Image.Image) -> bytes:
    # Uncompressed: Tesseract reads PNM as fast as PNG, and nothing is spent compressing.
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    return buffer.getvalue()


_BBOX = re.compile(r"bbox (\d+) (\d+) (\d+) (\d+)")
_NUMBER_FIELD = re.compile(r"(x_size|x_descenders|x_ascenders|x_wconf) ([\d.]+)")
# Tesseract's line kinds in hOCR; words are ``ocrx_word``.
_LINE_CLASSES = {"ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat"}
# x-height as a share of the font size (em) in the sans and serif faces of minutes (Arial,
# Calibri, Times: 0.47-0.53): the x-height is the one line measure accents and descenders
# do not change, so the font size is read from it.
X_HEIGHT_PER_EM = 0.52


def lines_from_hocr(hocr: str, page_number: int, dpi: int) -> OcrPage:
    """Tesseract's hOCR → Lines, one per Tesseract line, boxes and font size in points.
    Words that are noise are dropped and Tesseract's known misreadings undone (ocr_words.py);
    lines on one row close together (a number and its title that Tesseract put in two
    blocks) are joined.

    Example:
        >>> line = '<span class="ocr_line" title="bbox 300 300 600 350; x_size 42; x_descenders 9; x_ascenders 10">'
        >>> words = ('<span class="ocrx_word" title="bbox 300 300 500 350; x_wconf 91">Punkt</span>'
        ...          '<span class="ocrx_word" title="bbox 520 300 560 350; x_wconf 88">1</span>'
        ...          '<span class="ocrx_word" title="bbox 580 300 600 350; x_wconf 12">~</span></span>')
        >>> page = lines_from_hocr(f"<html><body>{line}{words}</body></html>", 1, 300)
        >>> page.lines[0].text, page.lines[0].bbox, page.lines[0].font_size, round(page.confidence)
        ('Punkt 1', (72.0, 72.0, 134.4, 84.0), 10.6, 90)
    """
    scale = 72.0 / dpi
    try:
        root = lxml.html.document_fromstring(hocr.encode("utf-8"))
    except (etree.ParserError, ValueError):
        return OcrPage([], None)
    read: list[tuple[tuple[float, float], float | None, list]] = []  # (top and bottom, font size, words) per line
    confidences: list[float] = []
    for element in root.iter("span"):
        if (element.get("class") or "") not in _LINE_CLASSES:
            continue
        fields = {name: float(value) for name, value in _NUMBER_FIELD.findall(element.get("title") or "")}
        words = []
        for word in element.iter("span"):
            text = (word.text_content() or "").strip()
            box = _BBOX.search(word.get("title") or "")
            if (word.get("class") or "") != "ocrx_word" or not text or not box:
                continue
            confidence = float(dict(_NUMBER_FIELD.findall(word.get("title") or "")).get("x_wconf", 0))
            x0, top, x1, bottom = (float(value) * scale for value in box.groups())
            words.append(Word((x0, top, x1, bottom), text, confidence))
        cleaned = clean_words(words)
        confidences.extend(word.confidence for word in cleaned)
        kept = [(word.box, word.text) for word in cleaned]
        if not kept:
            continue
        x_height = fields.get("x_size", 0) - fields.get("x_descenders", 0) - fields.get("x_ascenders", 0)
        vertical = (min(box[1] for box, _ in kept), max(box[3] for box, _ in kept))
        read.append((vertical, x_height * scale / X_HEIGHT_PER_EM if x_height > 0 else None, kept))
    lines: list[Line] = []
    for kept, size in zip((words for *_, words in read), _run_sizes(read), strict=True):
        for piece in _pieces(kept, size):
            if not any(char.isalnum() for _, text in piece for char in text):
                continue  # ";", "|", "~" alone: specks and ruling read as punctuation
            lines.append(
                Line(
                    text=" ".join(text for _, text in piece),
                    page=page_number,
                    bbox=(
                        round(min(b[0] for b, _ in piece), 1),
                        round(min(b[1] for b, _ in piece), 1),
                        round(max(b[2] for b, _ in piece), 1),
                        round(max(b[3] for b, _ in piece), 1),
                    ),
                    font_size=size,
                )
            )
    mean = statistics.fmean(confidences) if confidences else None
    return OcrPage(_join_rows(sorted(lines, key=_top)), mean)


# Lines one under the other whose font sizes, read from their x-heights, lie within this share
# of the first one's are set in one size.
SAME_SIZE_SHARE = 0.1


def _run_sizes(read: list[tuple[tuple[float, float], float | None, list]]) -> list[float | None]:
    """Each line's font size, a run of lines one under the other of about one size given the
    same one (the run's median).

    The x-height Tesseract measures scatters from line to line ("4 (Offentlig) Regionale
    tilbud til gravide med" 11.5 pt, "rusmiddelforbrug" 12.0 pt, both 11 pt in print), and
    the structure stage continues a title onto the next line only in the same size: the
    wrapped title lost its second line. A line set in a size further off starts a run of
    its own; so does a line more than a line's height below the one before (a new block).

    Example:
        >>> lines = [((100, 140), 11.46, []), ((150, 190), 12.04, []), ((200, 240), 9.7, []), ((900, 940), 9.7, [])]
        >>> _run_sizes(lines)
        [11.5, 11.5, 9.7, 9.7]
    """
    runs: list[list[int]] = []
    for index, ((top, _bottom), size, _) in enumerate(read):
        if index and runs and size is not None:
            (first_top, first_bottom), first_size, _ = read[runs[-1][0]]
            (_, previous_bottom), _, _ = read[index - 1]
            if (
                first_size is not None
                and abs(size - first_size) <= SAME_SIZE_SHARE * first_size
                and 0 <= top - previous_bottom < first_bottom - first_top
            ):
                runs[-1].append(index)
                continue
        runs.append([index])
    sizes: list[float | None] = [None] * len(read)
    for run in runs:
        known = [size for _, size, _ in (read[index] for index in run) if size is not None]
        for index in run:
            sizes[index] = round(statistics.median_low(known), 1) if known else None
    return sizes


def _pieces(words: list, size: float | None) -> list[list]:
    """A Tesseract line cut where a gap wider than JOIN_GAP_EMS font sizes shows two blocks
    sharing a baseline (a letterhead sidebar beside the body), as the PDF reader cuts; a
    label and its value at a tab stop ("Sagsnr.:      12/27845") stay one line."""
    limit = JOIN_GAP_EMS * (size or 10.0)
    pieces = [[words[0]]]
    for word in words[1:]:
        gap = word[0][0] - pieces[-1][-1][0][2]
        if gap > limit and not pieces[-1][-1][1].endswith(":"):
            pieces.append([word])
        else:
            pieces[-1].append(word)
    return pieces


def _top(line: Line) -> float:
    return line.bbox[1] if line.bbox else 0.0


# Two lines on one row closer than this many font sizes are one line (the PDF reader splits
# at 2.5, so a gap the OCR opened inside a line, by dot leaders or a wide space, is closed).
JOIN_GAP_EMS = 2.5


def _join_rows(lines: list[Line]) -> list[Line]:
    """Lines on one row (their boxes overlap by half a line height) left to right; those close
    together joined into one line, as the PDF reader would have read them."""
    rows: list[list[Line]] = []
    for line in lines:
        if rows and _same_row(rows[-1][0], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    joined: list[Line] = []
    for row in rows:
        row.sort(key=lambda line: line.bbox[0] if line.bbox else 0.0)
        current = row[0]
        for line in row[1:]:
            size = current.font_size or line.font_size or 10.0
            if current.bbox and line.bbox and line.bbox[0] - current.bbox[2] < JOIN_GAP_EMS * size:
                text = current.text + ("" if line.text[:1] in ".,:;" else " ") + line.text
                box = (
                    current.bbox[0],
                    min(current.bbox[1], line.bbox[1]),
                    line.bbox[2],
                    max(current.bbox[3], line.bbox[3]),
                )
                current = Line(text=text, page=current.page, bbox=box, font_size=current.font_size or line.font_size)
            else:
                joined.append(current)
                current = line
        joined.append(current)
    return joined


def _same_row(first: Line, other: Line) -> bool:
    if not first.bbox or not other.bbox:
        return False
    overlap = min(first.bbox[3], other.bbox[3]) - max(first.bbox[1], other.bbox[1])
    return overlap > 0.5 * min(first.bbox[3] - first.bbox[1], other.bbox[3] - other.bbox[1])


# The most pixels a page is rendered with for OCR: A1 at 300 dpi (an A0 drawing gets about
# 250 dpi). A page's size is the file's to say, up to 200 inches a side and more with a
# user unit: a damaged or hostile one asked for a bitmap of gigabytes (fuzz input 5451).
MAX_OCR_PIXELS = 70_000_000


def page_image(page, dpi: int = OCR_DPI) -> Image.Image:
    """A pdfium page rendered to a greyscale image at ``dpi``, or at the lower resolution
    that keeps it within MAX_OCR_PIXELS."""
    width, height = page.get_size()  # in points
    scale = dpi / 72.0
    area = max(width, 1.0) * max(height, 1.0)
    if area * scale * scale > MAX_OCR_PIXELS:
        scale = (MAX_OCR_PIXELS / area) ** 0.5
    return page.render(scale=scale, grayscale=True).to_pil()
