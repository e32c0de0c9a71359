"""Run-on lines: a document-sharing site's transcript of a PDF keeps a whole page as one
line ("1 Referat MØDE I SAMMENLÆGNINGSUDVALGET … Punkt nr. 42: Forslag til …
ADMINISTRATIONENS INDSTILLING 1. at …"). No printed line is that long, so such a line is
cut where the grammar needs a line to start: before a labelled item number, a section
heading set in capitals and a header label with its colon. Lines of ordinary length are
left as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from referat.extract.pages import Line, Page
from referat.extract.vocabulary import HEADER_LABELS, PARTICIPANT_HEADINGS, SECTION_HEADINGS

# Longer than any printed line (a wide A4 line in 8 pt is ~150 characters).
RUN_ON_LENGTH = 300


@lru_cache(maxsize=1)
def _boundary() -> re.Pattern[str]:
    # Section headings in capitals: "ADMINISTRATIONENS INDSTILLING", "BESLUTNING", "RESUMÉ".
    capitals = sorted({heading.upper() for heading in SECTION_HEADINGS if len(heading) >= 6}, key=len, reverse=True)
    titles = sorted({heading for heading in SECTION_HEADINGS if len(heading) >= 12}, key=len, reverse=True)
    labels = sorted(
        {label for label in (*HEADER_LABELS, *PARTICIPANT_HEADINGS) if len(label) >= 4}, key=len, reverse=True
    )
    return re.compile(
        r"(?<=\S)\s+(?="
        # item numbers with a label: "Punkt nr. 42:", "Punkt 3", "SAG NR. 1", "Pkt. 12"
        r"(?:Punkt(?:\s+nr\.)?|PUNKT|SAG\s+NR\.|Sag\s+nr\.|Pkt\.)\s*\d{1,4}\b"
        rf"|(?:{'|'.join(re.escape(word) for word in capitals)})\b(?![a-zæøå])"
        # long section headings as printed, before a capitalised sentence: "Sagsfremstilling Kommunens …"
        rf"|(?:{'|'.join(re.escape(word.capitalize()) for word in titles)})\s+(?=[A-ZÆØÅ])"
        rf"|(?i:{'|'.join(re.escape(label) for label in labels)})\s*:"
        r")"
    )


def split_run_on_lines(pages: list[Page]) -> list[Page]:
    """Pages whose run-on lines are cut at item numbers, capital headings and labels.

    Example:
        >>> page = Page(1, [Line("x " * 160 + "Punkt nr. 42: Styrelsesvedtægt BESLUTNING Godkendt.", 1)])
        >>> [line.text[:30] for line in split_run_on_lines([page])[0].lines][1:]
        ['Punkt nr. 42: Styrelsesvedtægt', 'BESLUTNING Godkendt.']
    """
    if not any(len(line.text) > RUN_ON_LENGTH for page in pages for line in page.lines):
        return pages
    return [Page(page.number, _split_lines(page.lines), page.width, page.height) for page in pages]


def _split_lines(lines: list[Line]) -> list[Line]:
    split: list[Line] = []
    for line in lines:
        if len(line.text) <= RUN_ON_LENGTH:
            split.append(line)
            continue
        pieces = [piece.strip() for piece in _boundary().split(line.text) if piece.strip()]
        split.extend(line.with_text(piece) for piece in pieces)
    return split
