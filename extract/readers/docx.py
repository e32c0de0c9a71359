"""DOCX → pages of lines, with lxml on the OOXML parts.

Why not python-docx: it does not compute list numbers, and it is far slower at
resolving styles. Word list numbering is where agenda items get their numbers
("715.", "a)"), so we compute it from ``w:numPr`` + ``word/numbering.xml`` here.
Headers and footers live in their own parts and are never read into the body.

The zip and XML are untrusted: members are read with a size cap (zip bombs), and the
XML parser resolves no entities, loads no DTD and touches no network.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from referat.extract.errors import ExtractionError
from referat.extract.pages import Line, Page, ReadResult
from referat.extract.readers.list_numbers import format_list_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
# A document.xml larger than this unpacked is not minutes; it is an attack or an accident.
MAX_PART_BYTES = 64 * 1024 * 1024

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
)


def read_docx(path: str, data: bytes) -> ReadResult:
    """Read the body of a DOCX: paragraphs (with computed list numbers) and table rows.

    Example (from the repository root):
        >>> from pathlib import Path
        >>> result = read_docx("a.docx", Path("corpus/byraad-acadre-referat.docx").read_bytes())
        >>> [line.text for line in result.pages[0].lines[:3]], result.furniture[0].region
        (['Referat', 'Byrådet', 'Ordinært byrådsmøde'], 'footer')
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ExtractionError(path, "not a DOCX (not a zip archive)") from None
    except (ValueError, NotImplementedError, OSError, EOFError) as error:
        # A damaged central directory: negative offsets, an unknown zip version.
        raise ExtractionError(path, f"damaged DOCX zip ({error})") from None
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise ExtractionError(path, "not a DOCX (no word/document.xml in the zip)")
        document = _parse_part(archive, "word/document.xml", path)
        styles = _Styles(_parse_part(archive, "word/styles.xml", path) if "word/styles.xml" in names else None)
        numbering = _Numbering(
            _parse_part(archive, "word/numbering.xml", path) if "word/numbering.xml" in names else None
        )
        furniture_parts = [
            (name, _parse_part(archive, name, path))
            for name in sorted(names)
            if re.fullmatch(r"word/(?:header|footer)\d*\.xml", name)
        ]
    body = document.find(_W + "body")
    if body is None:
        raise ExtractionError(path, "not a DOCX (document.xml has no body)")
    pages = _Paginator()
    for count, line in enumerate(_block_lines(body, styles, numbering, pages), start=1):
        if count > MAX_LINES:
            raise ExtractionError(path, f"DOCX has more than {MAX_LINES} paragraphs and rows (refused)")
        pages.add(line)
    furniture = []
    for name, part in furniture_parts:
        region = "header" if "header" in name else "footer"
        for paragraph in part.iter(_W + "p"):
            words = "".join(node.text or "" for node in paragraph.iter(_W + "t"))
            if words.strip():
                furniture.append(Line(text=" ".join(words.split()), page=1, region=region))
    return ReadResult(pages=pages.pages, media_type=_MEDIA_TYPE, furniture=furniture)


_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _parse_part(archive: zipfile.ZipFile, name: str, path: str) -> etree._Element:
    info = archive.getinfo(name)
    if info.file_size > MAX_PART_BYTES:
        raise ExtractionError(path, f"DOCX part {name} unpacks to {info.file_size} bytes (limit {MAX_PART_BYTES})")
    try:
        with archive.open(info) as stream:
            # The header's size can lie; never inflate more than the limit.
            raw = stream.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError, zlib.error) as error:
        raise ExtractionError(path, f"damaged DOCX ({name}: {error})") from None
    if len(raw) > MAX_PART_BYTES:
        raise ExtractionError(path, f"DOCX part {name} unpacks to more than {MAX_PART_BYTES} bytes")
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw[:65536]:
        raise ExtractionError(path, f"DOCX part {name} declares a DTD or entities (refused)")
    # The paragraph cap (MAX_LINES), applied before parsing: a 60 MB part of 1.8 million
    # empty paragraphs takes ~1 GB as a tree before the cap could count them there.
    if raw.count(b"<w:p>") + raw.count(b"<w:p ") > MAX_LINES:
        raise ExtractionError(path, f"DOCX has more than {MAX_LINES} paragraphs and rows (refused)")
    try:
        return etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as error:
        if error.code == etree.ErrorTypes.ERR_NO_MEMORY:  # libxml2 ran out (a --max-memory ceiling): not damage
            raise MemoryError(f"DOCX part {name} does not fit in memory") from None
        raise ExtractionError(path, f"damaged DOCX ({name}: {error.msg})") from None


@dataclass
class _Paginator:
    """Counts pages from Word's own page-break marks."""

    pages: list[Page] = field(default_factory=lambda: [Page(number=1)])

    @property
    def number(self) -> int:
        return self.pages[-1].number

    def break_page(self) -> None:
        if self.pages[-1].lines:
            self.pages.append(Page(number=self.number + 1))

    def add(self, line: Line) -> None:
        self.pages[-1].lines.append(line)


class _Styles:
    """Paragraph styles: name, outline level, bold, numbering, following basedOn."""

    def __init__(self, root: etree._Element | None):
        self._by_id: dict[str, etree._Element] = {}
        if root is not None:
            for style in root.iter(_W + "style"):
                style_id = style.get(_W + "styleId")
                if style_id:
                    self._by_id[style_id] = style

    def _chain(self, style_id: str | None) -> Iterator[etree._Element]:
        seen = set()
        while style_id and style_id in self._by_id and style_id not in seen:
            seen.add(style_id)
            style = self._by_id[style_id]
            yield style
            based = style.find(_W + "basedOn")
            style_id = based.get(_W + "val") if based is not None else None

    def name(self, style_id: str | None) -> str | None:
        for style in self._chain(style_id):
            name = style.find(_W + "name")
            return name.get(_W + "val") if name is not None else style_id
        return style_id

    def bold(self, style_id: str | None) -> bool:
        for style in self._chain(style_id):
            flag = style.find(f"{_W}rPr/{_W}b")
            if flag is not None:
                return _on(flag)
        return False

    def num_pr(self, style_id: str | None) -> tuple[str, int] | None:
        for style in self._chain(style_id):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(_W + "numId")
                level = num_pr.find(_W + "ilvl")
                if num_id is not None:
                    return num_id.get(_W + "val"), _int(level.get(_W + "val")) if level is not None else 0
        return None


def _int(value: str | None, default: int = 0) -> int:
    """An attribute as a whole number; the file is untrusted, so junk gives the default."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# Word has list levels 0–8; anything else is not a list level we render.
MAX_LIST_LEVEL = 8
# Labels beyond these are not something a document means; print the number instead.
# A document with more paragraphs than this is not minutes (and would exhaust memory).
MAX_LINES = 300_000


def _on(flag: etree._Element) -> bool:
    return flag.get(_W + "val") not in ("0", "false", "off")


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


class _Numbering:
    """Computes list labels as Word shows them ("3.", "a)", "1.2")."""

    def __init__(self, root: etree._Element | None):
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._num_to_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iter(_W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(_W + "lvl"):
                level = _Level()
                start = lvl.find(_W + "start")
                fmt = lvl.find(_W + "numFmt")
                text = lvl.find(_W + "lvlText")
                level.start = _int(start.get(_W + "val"), 1) if start is not None else 1
                level.fmt = fmt.get(_W + "val", "decimal") if fmt is not None else "decimal"
                level.text = text.get(_W + "val", "") if text is not None else ""
                levels[_int(lvl.get(_W + "ilvl"), 0)] = level
            self._abstract[abstract.get(_W + "abstractNumId")] = levels
        for num in root.iter(_W + "num"):
            num_id = num.get(_W + "numId")
            abstract_id = num.find(_W + "abstractNumId")
            if abstract_id is not None:
                self._num_to_abstract[num_id] = abstract_id.get(_W + "val")
            for override in num.iter(_W + "lvlOverride"):
                start = override.find(_W + "startOverride")
                if start is not None:
                    self._overrides.setdefault(num_id, {})[_int(override.get(_W + "ilvl"), 0)] = _int(
                        start.get(_W + "val"), 1
                    )

    def label(self, num_id: str, level: int) -> str | None:
        """Advance the counter of (list, level) and return its printed label."""
        levels = self._abstract.get(self._num_to_abstract.get(num_id, ""), {})
        if num_id == "0" or level not in levels or not 0 <= level <= MAX_LIST_LEVEL:
            return None
        # Word shares counters across every w:num that points at one abstractNum.
        key = self._num_to_abstract[num_id]
        counters = self._counters.setdefault(key, {})
        start = self._overrides.get(num_id, {}).get(level, levels[level].start)
        counters[level] = counters[level] + 1 if level in counters else start
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        spec = levels[level]
        if spec.fmt == "bullet" or spec.fmt == "none":
            return None
        text = spec.text
        for lvl in range(level + 1):
            value = counters.get(lvl, levels.get(lvl, _Level()).start)
            text = text.replace(f"%{lvl + 1}", format_list_number(value, levels.get(lvl, _Level()).fmt))
        return text


@dataclass
class _Segment:
    """The runs (text, bold) of a paragraph between two of its line or page breaks."""

    runs: list[tuple[str, bool]] = field(default_factory=list)
    page_break_before: bool = False


def _tab_cells(text: str) -> str:
    """A paragraph's text, whitespace-normalised; a tab after a short label becomes the
    cell separator " | " (a left-column heading or label: "Resume<TAB>Koncern Økonomi …",
    "Mødedato<TAB>4. juni 2024"), any other tab a space ("101.<TAB>Titel").

    Example:
        >>> _tab_cells("Resume\\tKoncern Økonomi  foreslår"), _tab_cells("101.\\tKulturkommune"), _tab_cells("\\tTekst")
        ('Resume | Koncern Økonomi foreslår', '101. Kulturkommune', 'Tekst')
    """
    cells = [" ".join(cell.split()) for cell in text.split("\t")]
    cells = [cell for cell in cells if cell]
    if len(cells) >= 2 and len(cells[0]) <= 80 and re.search(r"[^\W\d_]", cells[0]):
        return cells[0] + " | " + " ".join(cells[1:])
    return " ".join(cells)


def _paragraph_lines(paragraph, styles: _Styles, numbering: _Numbering, pages: _Paginator) -> Iterator[Line]:
    """One paragraph as lines: split at its line and page breaks, the list label before the first."""
    style_id, num_pr = _paragraph_style(paragraph, styles, pages)
    segments, page_turns_after = _segments(paragraph, styles.bold(style_id))
    label = numbering.label(*num_pr) if num_pr is not None else None
    style_name = styles.name(style_id)
    first = True
    for segment in segments:
        if segment.page_break_before:
            pages.break_page()
        text = _tab_cells("".join(text for text, _ in segment.runs))
        if not text:
            continue
        visible = [is_bold for piece, is_bold in segment.runs if piece.strip()]
        if first and label:
            text = f"{label} {text}"
        yield Line(
            text=text,
            page=pages.number,
            bold=bool(visible) and all(visible),
            style=style_name,
            list_label=label if first else None,
            list_level=num_pr[1] if first and label and num_pr is not None else None,
        )
        first = False
    if page_turns_after:
        pages.break_page()


def _paragraph_style(paragraph, styles: _Styles, pages: _Paginator) -> tuple[str | None, tuple[str, int] | None]:
    """The paragraph's style id and list (numId, level), its own or else its style's.
    A page break before the paragraph turns the page here."""
    properties = paragraph.find(_W + "pPr")
    style_id = None
    num_pr = None
    if properties is not None:
        style = properties.find(_W + "pStyle")
        style_id = style.get(_W + "val") if style is not None else None
        num_pr = _own_num_pr(properties)
        if properties.find(_W + "pageBreakBefore") is not None:
            pages.break_page()
    if num_pr is None:
        num_pr = styles.num_pr(style_id)
    return style_id, num_pr


def _own_num_pr(properties) -> tuple[str, int] | None:
    """(numId, level) of a paragraph's own w:numPr, if it names a list."""
    own = properties.find(_W + "numPr")
    if own is None or own.find(_W + "numId") is None:
        return None
    level = own.find(_W + "ilvl")
    return own.find(_W + "numId").get(_W + "val"), _int(level.get(_W + "val")) if level is not None else 0


def _segments(paragraph, style_bold: bool) -> tuple[list[_Segment], bool]:
    """A paragraph's runs split at its line and page breaks, and whether the page turns
    after it (Word's last rendered page break falls inside it: we keep the paragraph whole,
    since splitting would cut words, and start the next page after it)."""
    segments = [_Segment()]
    page_turns_after = False
    for element in paragraph.iter(_W + "r", _W + "lastRenderedPageBreak"):
        if element.tag == _W + "lastRenderedPageBreak":
            if any(text.strip() for segment in segments for text, _ in segment.runs):
                page_turns_after = True
            else:
                segments[0].page_break_before = True
            continue
        run_props = element.find(_W + "rPr")
        bold_flag = run_props.find(_W + "b") if run_props is not None else None
        _add_run(element, _on(bold_flag) if bold_flag is not None else style_bold, segments)
    return segments, page_turns_after


def _add_run(run, bold: bool, segments: list[_Segment]) -> None:
    """A run's text and tabs onto the last segment; a break starts a new segment."""
    for child in run:
        tag = child.tag
        if tag == _W + "t":
            segments[-1].runs.append((child.text or "", bold))
        elif tag in (_W + "tab", _W + "ptab"):
            segments[-1].runs.append(("\t", bold))
        elif tag == _W + "br":
            segments.append(_Segment(page_break_before=child.get(_W + "type") == "page"))
        elif tag == _W + "cr":
            segments.append(_Segment())


def _block_lines(container, styles: _Styles, numbering: _Numbering, pages: _Paginator) -> Iterator[Line]:
    """Lines of the paragraphs, tables and content controls directly inside ``container``."""
    for block in container:
        if block.tag == _W + "p":
            yield from _paragraph_lines(block, styles, numbering, pages)
        elif block.tag == _W + "tbl":
            yield from _table_lines(block, styles, numbering, pages)
        elif block.tag == _W + "sdt":  # content controls (often a TOC) wrap paragraphs
            content = block.find(_W + "sdtContent")
            if content is not None:
                yield from _block_lines(content, styles, numbering, pages)


def _table_lines(table, styles: _Styles, numbering: _Numbering, pages: _Paginator) -> Iterator[Line]:
    """Table rows as lines.

    Word documents use tables for layout as much as for data, so: a row with one
    filled cell is just its content; a row of one-line cells is one line with cells
    joined by " | " (a data row); a row of several multi-line cells (a two-column
    member list) is read row by row across the cells.
    """
    for row in table.findall(_W + "tr"):
        cells = [list(_block_lines(cell, styles, numbering, pages)) for cell in row.findall(_W + "tc")]
        filled = [cell for cell in cells if cell]
        if not filled:
            continue
        if len(filled) == 1:
            yield from filled[0]
            continue
        depth = max(len(cell) for cell in filled)
        for index in range(depth):
            parts = [cell[index].text for cell in filled if index < len(cell)]
            first = next(cell[index] for cell in filled if index < len(cell))
            yield Line(
                text=" | ".join(parts),
                page=pages.number,
                bold=all(cell[index].bold for cell in filled if index < len(cell)),
                style=first.style,
                region="table",
            )
