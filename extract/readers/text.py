"""Plain text → pages of lines. A form feed is a page break."""

from __future__ import annotations

import codecs
import re

from referat.extract.pages import Line, Page, ReadResult

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM), falling back to cp1252 with a warning.

    Example:
        >>> decode_text("Mødedato".encode("cp1252"))
        ('Mødedato', ['text is not UTF-8; read as Windows-1252 (cp1252)'])
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps them rather than failing.
        try:
            return data.decode("cp1252"), ["text is not UTF-8; read as Windows-1252 (cp1252)"]
        except UnicodeDecodeError:
            return data.decode("latin-1"), ["text is not UTF-8; read as Latin-1"]


# Columns in plain text: a tab, or a gap of four spaces or more ("Mødedato<TAB>4. juni",
# "Baggrund<TAB>Der er …", "Birgitte Vestergaard      Å      næstformand").
_COLUMN_GAP = re.compile(r"\t+| {4,}")


def _cells(raw: str) -> str:
    """A text line whitespace-normalised, its columns joined by " | " like a table row's
    cells in the other readers; a gap after a number or a point's letter is only spacing
    ("1.      Titel", "F.    Titel").

    Example:
        >>> _cells("Baggrund\\tDer er  modtaget en henvendelse")
        'Baggrund | Der er modtaget en henvendelse'
        >>> _cells("  Punkt 1  Velkomst "), _cells("1.          Medlemshenvendelse"), _cells("F.    Kalender")
        ('Punkt 1 Velkomst', '1. Medlemshenvendelse', 'F. Kalender')
    """
    cells = [" ".join(cell.split()) for cell in _COLUMN_GAP.split(raw.strip())]
    cells = [cell for cell in cells if cell]
    if len(cells) >= 2 and (not re.search(r"[^\W\d_]", cells[0]) or re.fullmatch(r"[A-Za-z][.)]", cells[0])):
        cells = [f"{cells[0]} {cells[1]}"] + cells[2:]
    return " | ".join(cells)


def read_text(path: str, data: bytes) -> ReadResult:
    """Read a text file; every line keeps its page (form feeds split pages). Empty lines
    are dropped; the line after one is marked ``blank_before`` (a paragraph starts).

    Example:
        >>> read_text("a.txt", b"Punkt 1\\fPunkt 2").pages[1].lines[0].text
        'Punkt 2'
        >>> [line.blank_before for line in read_text("a.txt", b"1.\\nTekst\\n\\nVedtoges").pages[0].lines]
        [False, False, True]
    """
    text, warnings = decode_text(data)
    pages = []
    for number, chunk in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\f"), start=1):
        lines: list[Line] = []
        blank = False
        for raw in chunk.split("\n"):
            if not raw.strip():
                blank = True
                continue
            lines.append(Line(text=_cells(raw), page=number, blank_before=blank and bool(lines)))
            blank = False
        pages.append(Page(number=number, lines=lines))
    return ReadResult(pages=pages, media_type="text/plain", warnings=warnings)
