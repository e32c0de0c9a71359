"""HTML → pages of lines: the text a browser shows, one line per block, web furniture left out.

Minutes published as web pages (municipal portals, FirstAgenda/Prepare and eDoc exports,
PolWeb's table layouts, association sites) carry their structure in markup rather than in
typography. The reader turns that markup into the facts the other readers give: a heading
element becomes a line with a heading style, ``<b>``/``<strong>`` a bold line, an ordered list
item a line prefixed with the number the browser would print (``start``, ``type``, ``value``
honoured) and its list level, a table row one line of " | "-joined cells, a ``<dt>``/``<dd>``
pair one "Label | value" line. The structure stage downstream does not know the format.

Pages mean the source's sections: a new page starts at each heading of the shallowest level
that occurs more than once (each item on its own page when items are headings), so every
fact still has a page to point to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from referat.extract.errors import ExtractionError
from referat.extract.pages import Line, Page, ReadResult
from referat.extract.readers.html_charset import decode_page
from referat.extract.readers.html_labels import bold_label
from referat.extract.readers.html_site import site_name
from referat.extract.readers.list_numbers import format_list_number
from referat.extract.vocabulary import WEB_FURNITURE_CLASS, WEB_FURNITURE_LINE

# Elements whose content is never shown as text.
_INVISIBLE = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "map",
    "select",
    "option",
    "input",
    "textarea",
    "head",
    "title",
    "meta",
    "link",
}
# Elements that are site furniture wherever they stand (content does not live in them).
_FURNITURE_TAGS = {"nav", "aside", "dialog"}
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alertdialog"}
# Block elements: each starts and ends a line.
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "blockquote",
    "address",
    "figure",
    "figcaption",
    "center",
    "fieldset",
    "legend",
    "details",
    "summary",
    "form",
    "body",
    "html",
    "caption",
    "ul",
    "ol",
    "dl",
    "hr",
    "tbody",
    "thead",
    "tfoot",
}
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BOLD_TAGS = {"b", "strong", "th"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
# Word's names for list number formats, by HTML's ``type`` attribute (CSS list-style too).
_LIST_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_CSS_LIST_TYPES = {
    "lower-alpha": "lowerLetter",
    "lower-latin": "lowerLetter",
    "upper-alpha": "upperLetter",
    "upper-latin": "upperLetter",
    "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman",
    "none": "none",
}
# A cell holding this much block content is a layout cell (old table-built pages), not data.
_LAYOUT_CELL_BLOCKS = 2
_NUMBER_BADGE = re.compile(r"\d{1,3}[.)]?")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
MAX_LINES = 300_000


@dataclass
class _Run:
    text: str
    bold: bool


@dataclass
class _Block:
    """Inline runs gathered for the line being built, and what kind of line it will be."""

    runs: list[_Run] = field(default_factory=list)
    style: str | None = None
    list_label: str | None = None
    list_level: int | None = None
    region: str = "body"
    paragraph_start: bool = True


class _LineWriter:
    """Collects lines as the walk meets block boundaries."""

    def __init__(self) -> None:
        self.lines: list[tuple[Line, int | None]] = []  # line, heading level
        self.block = _Block()

    def add(self, text: str, bold: bool) -> None:
        if text:
            self.block.runs.append(_Run(text, bold))

    def flush(self, heading_level: int | None = None, next_paragraph: bool = True) -> None:
        block = self.block
        text = " ".join("".join(run.text for run in block.runs).split())
        label = bold_label(block.runs) if heading_level is None and not block.list_label else None
        if label and not _is_furniture_line(text):
            # "<b>Grønt udvalg:</b> Bo har fået et tilbud …": the title in bold on a line of its
            # own, as a page that breaks the line after it prints it
            line = Line(label, page=1, bold=True, region=block.region, blank_before=block.paragraph_start)
            self.lines.append((line, None))
            text = text[len(label) :].strip()
            block.runs, block.paragraph_start = [_Run(text, False)], False
        if text and not _is_furniture_line(text):
            visible = [run.bold for run in block.runs if run.text.strip()]
            if block.list_label:
                text = f"{block.list_label} {text}"
            line = Line(
                text=text,
                page=1,
                bold=bool(visible) and all(visible) or heading_level is not None,
                style=block.style,
                list_label=block.list_label,
                list_level=block.list_level,
                region=block.region,
                blank_before=block.paragraph_start,
            )
            if len(self.lines) < MAX_LINES:
                self.lines.append((line, heading_level))
            # A list item's further lines (after a <br>) are its text, not new items.
            self.block = _Block(paragraph_start=next_paragraph)
        elif text:
            self.block = _Block(paragraph_start=next_paragraph)
        else:
            block.runs.clear()

    def start_block(self, **kwargs) -> None:
        self.flush()
        self.block = _Block(**kwargs)


def _is_furniture_line(text: str) -> bool:
    """ "Til toppen", or a row of such links ("Fold alle ud | Udskriv", "Del · Print")."""
    return all(WEB_FURNITURE_LINE.fullmatch(part) for part in re.split(r"\s*[|·•]\s*", text) if part)


def _is_control(element) -> bool:
    """A button that works the page ("fold dette punkt ind", "Udskriv"); an accordion's
    button that carries the item's title is read."""
    return element.tag == "button" and _is_furniture_line(" ".join(element.text_content().split()))


def _classes(element) -> str:
    return f"{element.get('id') or ''} {element.get('class') or ''}".lower()


def _is_furniture(element) -> bool:
    if element.tag in _FURNITURE_TAGS or (element.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    if element.tag == "footer" and not any(a.tag in ("article", "section") for a in element.iterancestors()):
        return True  # the site's footer (address, links); an article's own footer is content
    if element.get("aria-hidden") == "true":
        return True
    return bool(WEB_FURNITURE_CLASS.search(_classes(element)))


def _content_root(document):
    """The page's main content when it marks one (``<main>``, role=main), else the body."""
    for candidate in document.iter("main"):
        return candidate
    for candidate in document.iter():
        if isinstance(candidate.tag, str) and (candidate.get("role") or "").lower() == "main":
            return candidate
    body = document.find(".//body")
    return body if body is not None else document


def _is_layout_table(table) -> bool:
    """Whether a table arranges the page (cells full of paragraphs, tables or headings) rather
    than holding data rows."""
    for cell in table.iter("td", "th"):
        if cell.getparent() is None:
            continue
        blocks = 0
        for child in cell.iter():
            if child is cell or not isinstance(child.tag, str):
                continue
            if child.tag in ("table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl"):
                return True
            if child.tag in ("p", "div", "br") and (child.text_content() or "").strip():
                blocks += 1
        if blocks >= _LAYOUT_CELL_BLOCKS + 1:
            return True
    return False


def _list_label(counter: int, number_format: str) -> str | None:
    if number_format == "none":
        return None
    return format_list_number(counter, number_format) + "."


def _number_format(list_element) -> str:
    css = re.search(r"list-style(?:-type)?\s*:\s*([-\w]+)", list_element.get("style") or "", re.I)
    if css and css.group(1).lower() in _CSS_LIST_TYPES:
        return _CSS_LIST_TYPES[css.group(1).lower()]
    return _LIST_TYPES.get(list_element.get("type") or "1", "decimal")


def _int_attribute(element, name: str, default: int) -> int:
    try:
        return int((element.get(name) or "").strip())
    except ValueError:
        return default


class _Walker:
    """Walks the content tree in document order, writing lines."""

    def __init__(self) -> None:
        self.out = _LineWriter()
        self.list_depth = 0

    def walk(self, element, bold: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        inherited = bold  # an element's tail text belongs to its parent
        if not tag or tag in _INVISIBLE or _is_furniture(element) or _is_control(element):
            self.out.add(element.tail or "", inherited)
            return
        bold = bold or tag in _BOLD_TAGS or bool(_BOLD_STYLE.search(element.get("style") or ""))
        if tag in _HEADINGS:
            # <li><h3>Title</h3></li>: the heading keeps the number the list prints
            listed = self.out.block if self.out.block.list_label and not self.out.block.runs else _Block()
            self.out.start_block(
                style=f"Heading{_HEADINGS[tag]}", list_label=listed.list_label, list_level=listed.list_level
            )
            self._number_badge()
            self._children(element, True)
            self.out.flush(heading_level=_HEADINGS[tag])
        elif tag == "br":
            self.out.flush(next_paragraph=False)
        elif tag in ("ol", "ul"):
            self._list(element, bold)
        elif tag == "table":
            self._table(element, bold)
        elif tag == "dl":
            self._definitions(element, bold)
        elif tag == "pre":
            self.out.flush()
            for number, raw in enumerate((element.text_content() or "").split("\n")):
                if raw.strip():
                    self.out.block.paragraph_start = number == 0
                    self.out.add(raw, bold)
                    self.out.flush(next_paragraph=False)
        elif tag in _BLOCKS or tag in ("li", "dd", "dt", "tr", "td"):
            self.out.flush()
            self._children(element, bold)
            self.out.flush()
        else:
            self._children(element, bold)
        self.out.add(element.tail or "", inherited)

    def _number_badge(self) -> None:
        """<div class="nr">3</div><h2>Title</h2>: a number set in a box of its own right before
        a heading numbers that heading; it is read as the heading's first word."""
        lines = self.out.lines
        if self.out.block.list_label or not lines or lines[-1][1] is not None:
            return
        badge = lines[-1][0]
        if _NUMBER_BADGE.fullmatch(badge.text) and not badge.list_label and badge.region == "body":
            lines.pop()
            self.out.add(badge.text + " ", True)

    def _children(self, element, bold: bool) -> None:
        self.out.add(element.text or "", bold)
        for child in element:
            self.walk(child, bold)

    def _list(self, element, bold: bool) -> None:
        self.out.flush()
        ordered = element.tag == "ol"
        number_format = _number_format(element) if ordered else "none"
        step = -1 if ordered and element.get("reversed") is not None else 1
        items = [child for child in element if isinstance(child.tag, str) and child.tag == "li"]
        counter = _int_attribute(element, "start", len(items) if step < 0 else 1)
        level = self.list_depth
        self.list_depth += 1
        for child in element:
            if not isinstance(child.tag, str) or child.tag != "li":
                self.walk(child, bold)
                continue
            counter = _int_attribute(child, "value", counter)
            label = _list_label(counter, number_format) if ordered else None
            self.out.start_block(
                list_label=label, list_level=level if label else None, paragraph_start=False, style="ListParagraph"
            )
            self._children(child, bold)
            self.out.flush(next_paragraph=False)
            counter += step
        self.list_depth -= 1

    def _table(self, table, bold: bool) -> None:
        if _is_layout_table(table):
            self.out.flush()
            self._children(table, bold)
            self.out.flush()
            return
        self.out.flush()
        rows = [row for row in table.iter("tr") if _owning_table(row) is table]
        caption = table.find("caption")
        if caption is not None:
            self.walk(caption, bold)
        for row in rows:
            cells = [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
            texts, bolds = [], []
            for cell in cells:
                text, cell_bold = _cell_text(cell, bold)
                if text:
                    texts.append(text)
                    bolds.append(cell_bold)
            if texts:
                self.out.block = _Block(region="table" if len(texts) > 1 else "body", paragraph_start=row is rows[0])
                for index, text in enumerate(texts):
                    self.out.add((" | " if index else "") + text, bolds[index])
                self.out.flush(next_paragraph=False)

    def _definitions(self, element, bold: bool) -> None:
        """``<dt>Mødedato</dt><dd>4. juni</dd>`` → "Mødedato | 4. juni", as a label–value row."""
        self.out.flush()
        label: str | None = None
        for child in element:
            if not isinstance(child.tag, str):
                continue
            text = _cell_text(child, bold)[0]
            if child.tag == "dt":
                if label is not None:
                    self.out.add(label, True)
                    self.out.flush(next_paragraph=False)
                label = text
            elif child.tag == "dd" and label is not None and len(text) <= 200 and not _holds_blocks(child):
                self.out.block = _Block(region="table", paragraph_start=False)
                self.out.add(f"{label} | {text}" if text else label, False)
                self.out.flush(next_paragraph=False)
                label = None
            else:
                if label is not None:
                    self.out.add(label, True)
                    self.out.flush(next_paragraph=False)
                    label = None
                self.walk(child, bold)
        if label is not None:
            self.out.add(label, True)
            self.out.flush()


_BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "section", "article")


def _holds_blocks(element) -> bool:
    """A ``<dd>`` with paragraphs or headings in it is an item's body under its ``<dt>``
    title, not the value of a label."""
    return any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS for d in element.iterdescendants())


def _owning_table(row):
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _inline_runs(node, bold: bool, top: bool = True) -> Iterator[tuple[str, bool]]:
    """A node's shown text as (text, bold) runs: invisible elements and furniture left out,
    line breaks and inner blocks as spaces (a table cell or a <dd> is read as one line)."""
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag and tag not in _INVISIBLE and not _is_furniture(node) and not _is_control(node):
        inner = bold or tag in _BOLD_TAGS or bool(_BOLD_STYLE.search(node.get("style") or ""))
        if tag in ("br", "p", "div", "li"):
            yield " ", inner
        yield node.text or "", inner
        for child in node:
            yield from _inline_runs(child, inner, top=False)
    if not top:
        yield node.tail or "", bold


def _cell_text(cell, bold: bool) -> tuple[str, bool]:
    """A cell's text, whitespace-normalised, and whether all of it is bold."""
    runs = [(text, is_bold) for text, is_bold in _inline_runs(cell, bold) if text]
    text = " ".join("".join(piece for piece, _ in runs).split())
    shown = [is_bold for piece, is_bold in runs if piece.strip()]
    return text, bool(shown) and all(shown)


def _paginate(lines: list[tuple[Line, int | None]]) -> list[Page]:
    """One page per section: a page turns at each heading of the shallowest repeated level."""
    levels = [level for _, level in lines if level is not None]
    repeated = sorted({level for level in levels if levels.count(level) > 1})
    section_level = repeated[0] if repeated else None
    pages = [Page(number=1)]
    for line, level in lines:
        if level is not None and level == section_level and pages[-1].lines:
            pages.append(Page(number=len(pages) + 1))
        pages[-1].lines.append(Line(**{**_as_dict(line), "page": pages[-1].number}))
    return pages


def _as_dict(line: Line) -> dict:
    return {name: getattr(line, name) for name in Line.__slots__}


def read_html(path: str, data: bytes) -> ReadResult:
    """Read a web page. The ``<title>`` goes to ``furniture``: not content, but it often names
    the body and the date; so does the site's name from its header (region "site"), the
    publisher.

    Example:
        >>> page = b"<html><body><nav>Forside</nav><h1>Referat</h1><ol start='3'><li>Budget</li></ol></body></html>"
        >>> [(line.text, line.style) for line in read_html("a.html", page).pages[0].lines]
        [('Referat', 'Heading1'), ('3. Budget', 'ListParagraph')]
    """
    text, warnings = decode_page(data)
    text = _XML_DECLARATION.sub("", text)
    if not text.strip():
        raise ExtractionError(path, "empty web page")
    try:
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise ExtractionError(path, f"not a readable web page ({error})") from None
    furniture = []
    title = document.find(".//title")
    title_text = " ".join(title.text_content().split()) if title is not None else ""
    if title_text:
        furniture.append(Line(text=title_text, page=1, region="header"))
    publisher = site_name(document, title_text)
    if publisher:
        furniture.append(Line(text=publisher, page=1, region="site"))
    walker = _Walker()
    walker.walk(_content_root(document))
    walker.out.flush()
    pages = _paginate(walker.out.lines)
    return ReadResult(pages=pages, media_type="text/html", warnings=warnings, furniture=furniture)
