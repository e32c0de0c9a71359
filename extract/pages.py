"""The one currency between readers and the structure parser: pages of lines.

PDF, DOCX and TXT readers all produce a list of :class:`Page`; nothing downstream
knows which format a line came from. Coordinates are PDF points with the origin at
the top left (y grows downwards), as pdfplumber has them; readers without geometry
(TXT, DOCX) leave ``bbox`` as ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text as a reader saw it.

    Example:
        >>> Line("Punkt 1 Velkomst", page=1, bold=True).text
        'Punkt 1 Velkomst'
    """

    text: str
    page: int
    bbox: BBox | None = None
    font_size: float | None = None
    bold: bool = False
    # Set by readers that know document structure (DOCX): "Heading1", "ListParagraph" …
    style: str | None = None
    # A number the word processor computed for a list paragraph ("3.", "a)"); the
    # reader already prefixes it to ``text``, this keeps the fact that it was a list.
    list_label: str | None = None
    # The list level Word gave that number (0 the outermost): "1." at level 0 is an item,
    # "1." at level 1 a list inside it (set by the DOCX reader only).
    list_level: int | None = None
    # Where the line sits: "body", "header", "footer", "sidebar", "table"; "site" is a web
    # site's name from its page header (the publisher).
    region: str = "body"
    # An empty line stood between this line and the one before it on its page (set by
    # the TXT reader, where blank lines separate paragraphs; other readers leave it False).
    blank_before: bool = False

    def with_text(self, text: str) -> Line:
        return replace(self, text=text)


@dataclass(slots=True)
class Page:
    """A page: its number (1-based), size in points when known, and its lines."""

    number: int
    lines: list[Line] = field(default_factory=list)
    width: float | None = None
    height: float | None = None

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(slots=True)
class ReadResult:
    """What a reader returns: the pages plus facts about the file itself."""

    pages: list[Page]
    media_type: str
    warnings: list[str] = field(default_factory=list)
    # Lines the format keeps outside the body (DOCX headers and footers): not content,
    # but they name the authority and the date.
    furniture: list[Line] = field(default_factory=list)
