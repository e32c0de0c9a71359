"""Lines → clean lines: remove page furniture, lift the letterhead sidebar, join hyphens.

Everything removed is kept (``Layout.furniture``, ``Layout.sidebar``, ``Layout.toc``):
the running header carries the meeting date, the sidebar the case number, the table
of contents the item list to cross-check against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from referat.extract.contents_table import TocEntry, lift_toc
from referat.extract.hyphens import join_hyphenated_pair
from referat.extract.pages import Line, Page
from referat.extract.section_words import SECTION_HEADINGS
from referat.extract.vocabulary import CASE_NUMBER_LABEL, WEB_FURNITURE_LINE

# "Side 3", "Side 3 af 5", "2 of 5", "Page 2", "- 3 -", "3/5": page numbers wherever they stand.
PAGE_NUMBER = re.compile(
    r"^(?:(?:side|page|s\.)\s*\d{1,4}(?:\s*(?:af|of|/)\s*\d{1,4})?|side\s+[ivxl]{1,6}|\d{1,4}\s*(?:af|of)\s*\d{1,4}|\d{1,3}\s*/\s*\d{1,3}|[-–]\s*\d{1,4}\s*[-–])$",
    re.IGNORECASE,
)
# Running headers differ between pages only in their digits ("Side 4", "Dato: 04.12.2012").
_DIGITS = re.compile(r"\d+")
# Fraction of the page height where running headers and footers live.
HEADER_ZONE = 0.2
FOOTER_ZONE = 0.12
# Lines at the start/end of a page considered for furniture when there is no geometry.
TEXT_EDGE_LINES = 6

# Letterhead sidebar lines (Sundhedsstyrelsen, ministries): contact block beside the text.
SIDEBAR_MARKER = re.compile(
    r"^(?:sagsnr\.?|sags nr\.?|j\.?\s?nr\.?|journalnr\.?|sagsbehandler|ref\.?|dok\.?\s?nr\.?)\b"
    r"|^(?:t|tlf\.?|telefon|f|fax|e|e-?mail|m|mail)\.?:?\s*[+\d(]"
    r"|^(?:e|e-?mail|mail):?\s*\S+@\S+$|^\S+@\S+\.\w+$"
    r"|^www\.\S+$|^https?://\S+$"
    r"|^\d{4}\s+[A-ZÆØÅ][\wæøå.]+(?:\s[A-ZÆØÅ]\w*)?$"
    r"|^(?:danmark|denmark)$",
    re.IGNORECASE,
)
SIDEBAR_LINE_MAX_CHARS = 45
_CASE_OR_DOC_LABEL = re.compile(r"^(?:sagsnr|sags nr|j\.?\s?nr|journalnr|sagsbehandler|ref|dok\.?\s?nr)\b", re.I)

# A line that is only a link (footnote targets, "Link til …" annotations) is not prose.
URL_LINE = re.compile(r"^\S*https?://\S+$|^<https?://\S+>$")
FOOTNOTE_LINE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S")


@dataclass
class Layout:
    """The cleaned pages plus everything lifted out of them."""

    pages: list[Page]
    furniture: list[Line] = field(default_factory=list)
    sidebar: list[Line] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    footnotes: list[Line] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]


def clean_layout(pages: list[Page], running_furniture: bool = True) -> Layout:
    """Run every clean-up step in order.

    ``running_furniture=False`` skips finding headers and footers by repetition, for
    formats that keep them out of the body already (DOCX keeps them in their own parts,
    and there a repeated line is content: a signature page repeating the members).

    Example:
        >>> page = Page(1, [Line("Side 1", 1), Line("Punkt 1 Velkomst", 1)])
        >>> [line.text for line in clean_layout([page]).lines]
        ['Punkt 1 Velkomst']
    """
    layout = Layout(pages=[Page(p.number, list(p.lines), p.width, p.height) for p in pages])
    _remove_running_furniture(layout, by_repetition=running_furniture)
    _read_columns_as_rows(layout)
    _lift_sidebar(layout)
    _remove_link_and_footnote_lines(layout)
    _remove_web_buttons(layout)
    toc, lifted = lift_toc(layout.pages)
    layout.toc.extend(toc)
    layout.furniture.extend(lifted)
    _join_hyphenated(layout)
    return layout


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", text.lower()).strip()


def _position_key(line: Line, page: Page, index: int) -> tuple[str, int]:
    """Text without digits, and where on the page it stands (10-point bands; or the
    line's distance from the nearer page edge when there is no geometry)."""
    if line.bbox is not None:
        return _furniture_key(line.text), round(line.bbox[1] / 10)
    return _furniture_key(line.text), min(index, len(page.lines) - 1 - index)


def _in_edge_zone(line: Line, page: Page, index: int) -> bool:
    if line.bbox is not None and page.height:
        top, bottom = line.bbox[1], line.bbox[3]
        return top < page.height * HEADER_ZONE or bottom > page.height * (1 - FOOTER_ZONE)
    return index < TEXT_EDGE_LINES or index >= len(page.lines) - TEXT_EDGE_LINES


def _remove_running_furniture(layout: Layout, by_repetition: bool) -> None:
    """Drop page numbers anywhere, and edge lines that repeat on most pages."""
    repeated = _repeated_edge_lines(layout.pages) if by_repetition else set()
    for page in layout.pages:
        kept = []
        for i, line in enumerate(page.lines):
            if _is_furniture(line, page, i, repeated):
                layout.furniture.append(line)
            else:
                kept.append(line)
        page.lines = kept


def _is_furniture(line: Line, page: Page, index: int, repeated: set[tuple[str, int]]) -> bool:
    """A page number, a short number at a page edge, or an edge line repeated on most pages."""
    text = line.text.strip()
    if PAGE_NUMBER.match(text):
        return True
    in_edge_zone = _in_edge_zone(line, page, index)
    if text.isdigit() and len(text) <= 3 and in_edge_zone and line.bbox is not None:
        return True
    return in_edge_zone and _position_key(line, page, index) in repeated


def _repeated_edge_lines(pages: list[Page]) -> set[tuple[str, int]]:
    """The (text without digits, band) of edge lines that repeat on enough pages.

    Running headers and footers repeat at the same height on every page; a heading that
    merely recurs near some page tops ("Referat", "Sagsnr.: 25/0212") does not. Bands are
    10 points; a header that moves a few points lands in the next band, so a line counts
    every page that has the same text within one band of it.
    """
    pages_at: dict[tuple[str, int], set[int]] = {}
    case_numbers_at: dict[str, set[str]] = {}  # (by text alone: bands shift on a short page)
    for page in pages:
        for i, line in enumerate(page.lines):
            if _in_edge_zone(line, page, i):
                key = _position_key(line, page, i)
                pages_at.setdefault(key, set()).add(page.number)
                if CASE_NUMBER_LABEL.match(line.text.strip()):
                    case_numbers_at.setdefault(key[0], set()).add(line.text.strip())

    def repeat_count(key: tuple[str, int]) -> int:
        text, band = key
        return len(set().union(*(pages_at.get((text, band + shift), set()) for shift in (-1, 0, 1))))

    texty_pages = sum(1 for page in pages if page.lines)
    has_geometry = any(line.bbox for page in pages for line in page.lines)
    if texty_pages < 3 and not has_geometry:
        return set()
    # Repetition is only evidence with enough pages; two of two pages is a coincidence
    # for short text documents but a pattern for laid-out ones.
    threshold = max(2, round(0.5 * texty_pages)) if texty_pages >= 3 else 2
    if not has_geometry:
        # Without coordinates "edge" is a guess: ask for more evidence.
        threshold = max(3, threshold)
    # Without coordinates, a section heading that opens every page's item ("Sagsfremstilling"
    # in a transcript, one item a page) is content; a PDF's running header is told by its band.
    return {
        key
        for key in pages_at
        if repeat_count(key) >= threshold
        and len(key[0]) > 1
        and (has_geometry or key[0].rstrip(" :") not in SECTION_HEADINGS)
        # (the case numbers of items that each open a page differ: "Sagsnr.: 08/1377" on one,
        # "Sagsnr.: 08/3562" on the next; a running header prints the same one on every page)
        and len(case_numbers_at.get(key[0], ())) <= 1
    }


# Lines narrower than this share of the page can be cells of a side-by-side list.
COLUMN_CELL_MAX_WIDTH = 0.45
COLUMN_MIN_GAP = 100.0  # points between the left edges of two columns
SAME_ROW_TOLERANCE = 2.5  # points


def _read_columns_as_rows(layout: Layout) -> None:
    """Two-column lists (members beside members) come out of the PDF column by column;
    read them row by row instead, one line per row with cells joined by " | " — the shape
    the DOCX reader gives the same table."""
    for page in layout.pages:
        if not page.width or not any(line.bbox for line in page.lines):
            continue
        lines = page.lines
        output: list[Line] = []
        index = 0
        while index < len(lines):
            end = index
            while end < len(lines) and _is_cell(lines[end], page):
                end += 1
            block = lines[index:end]
            if len(block) >= 3 and _rows_in(block) >= 2:
                output.extend(_merge_rows(block))
                index = end
            else:
                output.append(lines[index])
                index += 1
        page.lines = output


def _is_cell(line: Line, page: Page) -> bool:
    return (
        line.bbox is not None
        and page.width is not None
        and (line.bbox[2] - line.bbox[0]) < COLUMN_CELL_MAX_WIDTH * page.width
    )


def _box(cell: Line) -> tuple[float, float, float, float]:
    assert cell.bbox is not None  # (a cell has its box: _is_cell)
    return cell.bbox


def _rows_in(block: list[Line]) -> int:
    """How many rows have two cells side by side (same height, columns far apart)."""
    rows = 0
    for position, line in enumerate(block):
        if any(
            abs(_box(other)[1] - _box(line)[1]) <= SAME_ROW_TOLERANCE
            and _box(other)[0] - _box(line)[0] > COLUMN_MIN_GAP
            for other in block[position + 1 :]
        ):
            rows += 1
    return rows


def _merge_rows(block: list[Line]) -> list[Line]:
    ordered = sorted(block, key=lambda line: (_box(line)[1], _box(line)[0]))
    rows: list[list[Line]] = []
    for line in ordered:
        if rows and abs(_box(rows[-1][0])[1] - _box(line)[1]) <= SAME_ROW_TOLERANCE:
            rows[-1].append(line)
        else:
            rows.append([line])
    merged = []
    for row in rows:
        first, last = row[0], row[-1]
        merged.append(
            Line(
                text=" | ".join(cell.text for cell in row),
                page=first.page,
                bbox=(_box(first)[0], min(_box(c)[1] for c in row), _box(last)[2], max(_box(c)[3] for c in row)),
                font_size=first.font_size,
                bold=all(cell.bold for cell in row),
                region="table" if len(row) > 1 else first.region,
            )
        )
    return merged


def _lift_sidebar(layout: Layout) -> None:
    """Remove the letterhead contact block: a run of short lines with contact markers, or
    (where the lines have boxes) the column of short lines at the page's right edge that
    holds such markers."""
    for page in layout.pages:
        lines = page.lines
        remove = _sidebar_indices(lines) | _sidebar_column(lines, page.width)
        if remove:
            layout.sidebar.extend(lines[i] for i in sorted(remove))
            page.lines = [line for i, line in enumerate(lines) if i not in remove]


def _sidebar_indices(lines: list[Line]) -> set[int]:
    """Indices of the lines of every letterhead block on a page."""
    marked = [bool(SIDEBAR_MARKER.search(line.text)) and len(line.text) <= 60 for line in lines]
    contact = [m and not _CASE_OR_DOC_LABEL.match(line.text) for m, line in zip(marked, lines, strict=True)]
    remove: set[int] = set()
    for i in range(len(lines)):
        if not marked[i] or i in remove:
            continue
        window = range(i, min(len(lines), i + 8))
        # Case and document numbers also stand under item headings; a letterhead
        # is only a letterhead with contact lines (phone, e-mail, web, postcode).
        if sum(marked[j] for j in window) < 3 or sum(contact[j] for j in window) < 2:
            continue
        start, end = _sidebar_run(lines, marked, i)
        remove.update(range(start, end + 1))
    return remove


# A letterhead column starts this far right on the page (a share of its width).
SIDEBAR_COLUMN_START = 0.65


def _sidebar_column(lines: list[Line], page_width: float | None) -> set[int]:
    """Indices of the short lines at the page's right edge when two of them at least are
    contact lines (phone, e-mail, web, postcode): the letterhead beside the text. OCR reads
    a page row by row, so its lines come interleaved with the text's, not as one run
    (tests/test_layout.py)."""
    if not page_width:
        return set()
    right = [
        index
        for index, line in enumerate(lines)
        if line.bbox is not None
        and line.bbox[0] >= SIDEBAR_COLUMN_START * page_width
        and len(line.text) <= SIDEBAR_LINE_MAX_CHARS
    ]
    contacts = [
        index
        for index in right
        if SIDEBAR_MARKER.search(lines[index].text) and not _CASE_OR_DOC_LABEL.match(lines[index].text)
    ]
    return set(right) if len(contacts) >= 2 else set()


def _sidebar_run(lines: list[Line], marked: list[bool], i: int) -> tuple[int, int]:
    """First and last line of the block around marked line ``i``, grown over neighbouring
    short lines (date, organisation, street)."""
    start = i
    while start > 0 and _sidebar_neighbour(lines[start - 1]) and i - start < 3:
        start -= 1
    end = i
    while end + 1 < len(lines) and (marked[end + 1] or _sidebar_neighbour(lines[end + 1])):
        end += 1
        if not marked[end] and not any(marked[end + 1 : end + 3]):
            end -= 1
            break
    return start, end


def _sidebar_neighbour(line: Line) -> bool:
    text = line.text
    if len(text) > SIDEBAR_LINE_MAX_CHARS or text.endswith((".", ":", ",")):
        return False
    return not re.match(r"^(?:(?i:punkt|bilag)\b|\d+[.)]?\s+[A-ZÆØÅ]|[a-z]\)\s)", text)


def _remove_link_and_footnote_lines(layout: Layout) -> None:
    for page in layout.pages:
        kept = []
        for line in page.lines:
            if URL_LINE.match(line.text) or FOOTNOTE_LINE.match(line.text):
                layout.footnotes.append(line)
            else:
                kept.append(line)
        page.lines = kept


_ICON_TEXT = re.compile(r"([A-ZÆØÅ][\wæøå]+)\s+Ikon")


def _remove_web_buttons(layout: Layout) -> None:
    """A web page's buttons and links copied with its text ("Til toppen", "• Udskriv", "Del",
    "Hent PDF-version"): a line that is nothing else is furniture, not the minutes (they
    would end up inside a decision's text)."""
    for page in layout.pages:
        kept = []
        for line in page.lines:
            text = re.sub(r"^[•·▪*-]\s*", "", line.text.strip()).lower()
            if text and WEB_FURNITURE_LINE.fullmatch(text):
                layout.furniture.append(line)
                continue
            icon = _ICON_TEXT.fullmatch(line.text.strip())
            # "Tidspunkt Ikon" / "Udvalg Ikon": an icon's alternative text after its label
            kept.append(line.with_text(icon.group(1)) if icon else line)
        page.lines = kept


def _join_hyphenated(layout: Layout) -> None:
    lines = [line for page in layout.pages for line in page.lines]
    for i in range(len(lines) - 1):
        first, second = lines[i], lines[i + 1]
        joined_first, rest = join_hyphenated_pair(first.text, second.text)
        if joined_first != first.text:
            lines[i] = first.with_text(joined_first)
            lines[i + 1] = second.with_text(rest)
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        if line.text.strip():
            by_page.setdefault(line.page, []).append(line)
    for page in layout.pages:
        page.lines = by_page.get(page.number, [])
