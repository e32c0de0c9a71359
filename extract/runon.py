"""Run-on lines: a document-sharing site's transcript of a PDF keeps a whole page as one
line ("1 Referat MØDE I SAMMENLÆGNINGSUDVALGET … Punkt nr. 42: Forslag til …
ADMINISTRATIONENS INDSTILLING 1. at …"), each page's line led by the page's number. No
printed line is that long, so a text with such a line is a transcript, and every line of
it is cut where the grammar needs a line to start: before a labelled item number, a run
of consecutive item numbers (an agenda list), a section heading set in capitals, a long
section heading before its text, a header label with its colon, and around a "Side N"
page mark. The page number that leads a page's line becomes the page break it stands
for. A text without run-on lines is left as it is, except for lines a web page glued
together ("10. Eventuelt1. Orientering …", "BeslutningstemaSagsfremstilling"), cut apart in
every text.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from referat.extract.label_blocks import labels_before_values
from referat.extract.pages import Line, Page
from referat.extract.runon_lists import (
    INLINE_NUMBER,
    NUMBERED_LINE,
    listed_numbers,
    lost_numbers,
    split_at_listed,
    spread_titles,
)
from referat.extract.section_words import HEADING_QUALIFIERS, SECTION_HEADINGS
from referat.extract.transcript_pages import transcript_pages
from referat.extract.vocabulary import (
    CASE_FIELD_LABEL_RUN,
    CONTENTS_NUMBER_COLUMN,
    CONTENTS_PAGE_COLUMN,
    CONTENTS_TITLE_COLUMN,
    HEADER_LABELS,
    ITEM_NUMBER_LABELS,
    MEETING_KIND_WORDS,
    PARTICIPANT_HEADINGS,
    TOC_HEADINGS,
    WEEKDAYS,
)

# Longer than any printed line (a wide A4 line in 8 pt is ~150 characters).
RUN_ON_LENGTH = 300
# A contents table's column headers run on between the header and the entries: "… Fraværende:
# Per Nørgaard Sag nr.: Emne: 1. Forlængelse af …" (vocabulary's CONTENTS_*_COLUMN; contents_table
# reads them on a line of their own).
# ("Sag nr. Side 1. Godkendelse …": the page column's header, not a page mark "Side 1")
_COLUMN_HEADERS = re.compile(
    rf"(?:(?<=\s)|^)(?:(?:{CONTENTS_NUMBER_COLUMN})\.?:\s+(?:{CONTENTS_TITLE_COLUMN}):"
    rf"|(?:{CONTENTS_NUMBER_COLUMN})\.?:?\s+(?:(?:{CONTENTS_TITLE_COLUMN})\s+)?{CONTENTS_PAGE_COLUMN}:?)(?=\s)"
)
# A printed page mark inside a run-on line ("… referat Side 3 Sagsfremstilling …").
_PAGE_MARK = re.compile(
    r"(?:(?<=\s)|^)(?:Side|SIDE)\s+(?:\d{1,4}(?:\s*(?:af|/)\s*\d{1,4})?|[ivxl]{1,6})\b(?!\s*[,.]?\s*[a-zæøå])"
)


@lru_cache(maxsize=1)
def _boundary() -> re.Pattern[str]:
    """Where a new line starts; matched left to right, so a heading's own words ("INDSTILLING"
    in "ADMINISTRATIONENS INDSTILLING") are consumed by the heading and never cut again."""
    # Section headings in capitals: "ADMINISTRATIONENS INDSTILLING", "BESLUTNING", "RESUMÉ".
    capitals = sorted({heading.upper() for heading in SECTION_HEADINGS if len(heading) >= 6}, key=len, reverse=True)
    titles = sorted({heading for heading in SECTION_HEADINGS if len(heading) >= 12}, key=len, reverse=True)
    qualified = "|".join(
        sorted({re.escape(heading) for heading in SECTION_HEADINGS if len(heading) >= 6}, key=len, reverse=True)
    )
    labels = sorted(
        {label for label in (*HEADER_LABELS, *PARTICIPANT_HEADINGS, *SECTION_HEADINGS) if len(label) >= 4},
        key=len,
        reverse=True,
    )
    bare_labels = sorted(
        {label for label in (*HEADER_LABELS, *PARTICIPANT_HEADINGS) if len(label) >= 7 and " " not in label},
        key=len,
        reverse=True,
    )
    # "MØDEDELTAGERE", "FRAVÆRENDE" set in capitals without a colon
    participants = sorted({heading.upper() for heading in PARTICIPANT_HEADINGS if len(heading) >= 6}, key=len)
    phrases = sorted((heading for heading in PARTICIPANT_HEADINGS if len(heading.split()) >= 3), key=len, reverse=True)
    # "Referat fra møde", "Dagsorden til mødet": the document's title line
    kinds = sorted({word.capitalize() for word in MEETING_KIND_WORDS if " " not in word and len(word) >= 7}, key=len)
    # (the labels that make a heading by themselves, and "Sag nr." of the weak ones; "Pkt"
    # and "Punkt" only with their full stop or a space before the number, as printed)
    item_labels = "|".join(
        re.escape(label).replace(r"\ ", r"\s+")
        for label in sorted({*ITEM_NUMBER_LABELS, "Sag nr.", "SAG NR."} - {"Pkt", "Punkt nr"}, key=len, reverse=True)
    )
    return re.compile(
        r"(?<!\S)(?:"
        # item numbers with a label: "Punkt nr. 42:", "Punkt 3", "SAG NR. 1", "Pkt. 12", "Mødepunkt 1"
        rf"(?:{item_labels})\s*\d{{1,4}}\b"
        # … and section headings, on a line of their own: "BESLUTNING", "Sagsfremstilling Kommunens …"
        # (with the body's genitive before it, and "TIL" before a group label: "KOMMUNALBESTYRELSENS
        # AFGØRELSE" is a heading, "TIL KOMMUNALBESTYRELSENS AFGØRELSE" a label over several items)
        r"|(?P<heading>(?:TIL\s+)?(?:[A-ZÆØÅ/-]{3,}S\s+)?"
        rf"(?:{'|'.join(re.escape(word) for word in capitals)})\b(?![a-zæøå])"
        rf"|(?:{'|'.join(word.capitalize() for word in TOC_HEADINGS)}):?(?=\s)"
        # the agenda list after the header ("… Peter Poulsen Dagsorden Introduktion til …",
        # "… kl Dagsorden: 1. Velkomst"), not "Godkendelse af Dagsorden"
        r"|(?<!\baf )(?<!\btil )(?<!\bpå )(?<!\bom )Dagsorden:?(?=\s+[A-ZÆØÅ\d])"
        # (not an item's title that is also a heading's: "1. Bemærkninger til dagsordenen Meddelelser …")
        rf"|(?<!\d\.\s)(?:{'|'.join(re.escape(word.capitalize()) for word in titles)}):?(?=\s+[A-ZÆØÅ])"
        # … and a heading after its qualifier: "… MBA Åbent Administrativ indstilling Centerchefen …"
        rf"|(?:{'|'.join(word.capitalize() for word in HEADING_QUALIFIERS)})\s+(?:{qualified}):?(?=\s+[A-ZÆØÅ]))"
        # (not after "til": "Sager til beslutning:" is a label over the items that follow)
        rf"|(?<!til )(?<!TIL )(?i:{'|'.join(re.escape(label) for label in labels)})\s*:"
        rf"|(?:{'|'.join(re.escape(word) for word in reversed(participants))})\b(?![a-zæøå])"
        # a participant phrase opening its sentence of names: "… 2014 I mødet deltog Peder …"
        rf"|(?:{'|'.join(re.escape(phrase.capitalize()) for phrase in phrases)})(?=\s+[A-ZÆØÅ][a-zæøå])"
        # (not an item's title: "2. Referat fra mødet den 11. januar")
        rf"|(?<!\d\.\s)(?:{'|'.join(re.escape(word) for word in reversed(kinds))})\s+(?:fra|for|til|af|over)\s"
        # the closed part of the meeting after a contents entry's page number: "… Status på
        # IT...31 LUKKET MØDE: Punkt nr. 55: …"
        r"|(?<=\d\s)LUKKET\s+MØDE\b:?"
        # a date led by its weekday: "Tirsdag den 10. januar 2012"
        rf"|(?:{WEEKDAYS.title()}),?(?:\s+den)?\s+\d"
        # a header label printed without its colon: "Mødested Hotel …", "Mødedato Torsdag, …"
        # (not inside a sentence's place: "… på Rådhuset i Mødelokale C.", nor after a genitive:
        # "Møde i Syddansk Universitets Bestyrelse")
        rf"|(?<!\bi\s)(?<!\bpå\s)(?<![a-zæøå]s\s)(?:{'|'.join(re.escape(label.capitalize()) for label in bare_labels)})"
        r"(?=\s+[A-ZÆØÅ\d])"
        r"|(?:Sagsnr|Sags\s?nr|Sagnr|J\.\s?nr)\.?\s*:"
        # … or without its colon before the next label ("Sagsnr J.nr Fjernvarme Fyn A/S …",
        # "Sag Dok Initialer: MBA Åbent": labels whose values the transcript lost)
        rf"|{CASE_FIELD_LABEL_RUN}"
        # the first item after a label over several items: "Sager til beslutning: 1. Afdækning …"
        r"|(?:(?<=beslutning: )|(?<=orientering: )|(?<=drøftelse: )|(?<=godkendelse: ))\d{1,3}\.\s+(?=[A-ZÆØÅ])"
        # the minutes of a point under its number: "… for Syddansk Universitet Ad 1. Bemærkninger …"
        r"|(?:Ad|AD)\s+(?:(?i:pkt|punkt)\.?\s*)?\d{1,3}\.\s+(?=[A-ZÆØÅ])"
        # a recommendation's numbered at-clauses: "… godkendes, og 2. at regionsrådet …"
        r"|\d{1,2}\.\s+at\s"
        # an item's attachment list after its title or text: "… august 2011 Bilag 1. Referat fra …"
        # (not a reference in a sentence: "jf. bilag 1", "se Bilag 2")
        # ("… kommunikationsstrategi Bilag 3: Handlingsplan", "Bilag 1: referat august 2010")
        r"|(?<!\bjf\. )(?<!\bse )(?<!\bi )(?<!\baf )(?<!\btil )Bilag\s+\d{1,2}(?:\.\s+(?=[A-ZÆØÅ])|:\s+(?=\S))"
        r")"
    )


def split_run_on_lines(pages: list[Page]) -> list[Page]:
    """A transcript's pages, their run-on lines cut at item numbers, headings and labels.

    Example:
        >>> page = Page(1, [Line("x " * 160 + "Punkt nr. 42: Styrelsesvedtægt BESLUTNING Godkendt.", 1)])
        >>> [line.text[:30] for line in split_run_on_lines([page])[0].lines][1:]
        ['Punkt nr. 42: Styrelsesvedtægt', 'BESLUTNING', 'Godkendt.']
        >>> runon = Line("2 " + "y " * 160, 1, blank_before=True)
        >>> item = Line("3 1. Valg af dirigent Side 3 Sagsfremstilling Bestyrelsen foreslår X.", 1, blank_before=True)
        >>> pages = split_run_on_lines([Page(1, [Line("1 Referat", 1), runon, item])])
        >>> [(page.number, [line.text for line in page.lines]) for page in pages[::2]]
        [(1, ['Referat']), (3, ['1. Valg af dirigent', 'Side 3', 'Sagsfremstilling', 'Bestyrelsen foreslår X.'])]
    """
    pages = [_unglued(page) for page in pages]
    if not any(len(line.text) > RUN_ON_LENGTH for page in pages for line in page.lines):
        return pages
    transcript = transcript_pages(pages)
    # In a transcript every line is a page's text run together, however short the page;
    # elsewhere only the long lines are (a text extraction keeps paragraphs on one line).
    shortest = 0 if transcript is not None else RUN_ON_LENGTH
    split = [
        Page(page.number, lost_numbers(spread_titles(_split_lines(page.lines, shortest))), page.width, page.height)
        for page in (transcript or pages)
    ]
    listed = listed_numbers(split)
    if not listed:
        return split
    return [Page(page.number, split_at_listed(page.lines, listed), page.width, page.height) for page in split]


# "10. Eventuelt1. Orientering og rundvisning": an agenda list's last entry with the first
# item's heading glued to it (a web page that lost the break between them).
# ("26. Konferencer mv.:1. Meddelelser", and after a date: "14. Eventuelt - Udvalget den
# 29.01.20138. Godkendelse af dagsorden": the year, then the first item's number)
_GLUED_FIRST_ITEM = re.compile(
    r"^(?P<entry>\d{1,3}\.\s+\S.*?(?:[a-zæøå):]|\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d))(?P<first>\d{1,3}\.\s+[A-ZÆØÅ].*)$"
)


@lru_cache(maxsize=1)
def _glued_heading() -> re.Pattern[str]:
    """Two section headings glued together by a page that lost the break between them:
    "BeslutningstemaSagsfremstilling og økonomi". (A heading glued to a line of text is left
    alone: the same letters open titles and sentences.)"""
    headings = sorted(
        {heading.capitalize() for heading in SECTION_HEADINGS if len(heading) >= 6}, key=len, reverse=True
    )
    alternation = "|".join(re.escape(heading) for heading in headings)
    return re.compile(rf"^(?P<entry>{alternation})(?P<first>(?:{alternation})(?![a-zæøå]).*)$")


@lru_cache(maxsize=1)
def _heading_glued_to_item() -> re.Pattern[str]:
    """An item's numbered heading glued to the heading or tab label before it:
    "Indholdsfortegnelse1. Fraværende", "Referat9. Frigivelse af …", "Sagsfremstilling2. …"."""
    words = {heading.capitalize() for heading in SECTION_HEADINGS if len(heading) >= 6}
    words |= {word.capitalize() for word in (*TOC_HEADINGS, *MEETING_KIND_WORDS) if len(word) >= 6}
    alternation = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?P<entry>{alternation})(?P<first>\d{{1,3}}\.\s+(?:[A-ZÆØÅ]|\d{{1,4}}\s+[a-zæøå]).*)$")


@lru_cache(maxsize=1)
def _toc_heading_glued_after() -> re.Pattern[str]:
    """A contents heading glued to the end of the line before it: the last participant or the
    last entry's page number ("Egon Bo (I)Indholdsfortegnelse åbent møde", "53Indholdsfortegnelse
    lukket møde", "7860 SpøttrupIndholdsfortegnelse")."""
    alternation = "|".join(re.escape(word.capitalize()) for word in TOC_HEADINGS if len(word) >= 10)
    return re.compile(rf"^(?P<entry>.*[^\s])(?P<first>(?:{alternation})(?![a-zæøå]).*)$")


@lru_cache(maxsize=1)
def _participant_label_glued_after() -> re.Pattern[str]:
    """A participant label glued to the end of the line before it, a small letter then the
    label's capital: "… kl. 16.00 i bispegårdenFraværende stiftsrådsmedlemmer:" (a capital
    never stands inside a Danish word)."""
    labels = {label for label in PARTICIPANT_HEADINGS if len(label) >= 5 and "/" not in label}
    alternation = "|".join(re.escape(label.capitalize()) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^(?P<entry>.*[a-zæøå])(?P<first>(?:{alternation})(?![a-zæøå]).*)$")


@lru_cache(maxsize=1)
def _label_glued_to_value() -> re.Pattern[str]:
    """A header or participant label glued to its value by a web form that set them in
    cells of their own: "DeltagereSine Kamstrup, Ea Schou", "AfbudClaus Kroman", "StedSkolen".
    (Short or common words that may open a name or a word are left out: "Tid", "Andre".)"""
    labels = {label for label in (*HEADER_LABELS, *PARTICIPANT_HEADINGS) if " " not in label and "/" not in label}
    labels -= _LABELS_THAT_OPEN_WORDS
    alternation = "|".join(re.escape(label.capitalize()) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^(?P<label>{alternation})(?P<value>[A-ZÆØÅ][a-zæøå].*)$")


_LABELS_THAT_OPEN_WORDS = frozenset(
    {"tid", "start", "emne", "titel", "organ", "andre", "øvrige", "gæst", "bestyrelsen", "forum"}
)


# A word set with its letters spaced out, read as single letters by the text layer: "R e f e r a t",
# "M Ø D E R E F E R A T" (five to thirty letters, so "Gruppe A B C" and filler are left alone).
_LETTER_SPACED = re.compile(
    r"(?<!\S)(?<![A-Za-zÆØÅæøå] )(?:[A-Za-zÆØÅæøå] ){4,30}[A-Za-zÆØÅæøå](?!\S)(?! [A-Za-zÆØÅæøå](?!\S))"
)


# The next item's heading glued to the end of the text before it: "… Godkendt.11. Briefing fra …".
_GLUED_NEXT_ITEM = re.compile(r"^(?P<entry>.*\S[.!?])(?P<first>(?P<number>\d{1,3})\.\s+[A-ZÆØÅ].*)$")
# "6. a. Medlemsforslag: …": an item without a title of its own, its first sub-item on its line.
_NUMBER_BEFORE_FIRST_LETTER = re.compile(r"^(?P<entry>\d{1,3}\.)\s+(?P<first>[aA][.)]\s+[A-ZÆØÅ][a-zæøå]{2,}.*)$")


def _unglued(page: Page) -> Page:
    """Lines a web page glued together cut apart: an agenda list's last entry and the first
    item's heading, two section headings, and a text and the heading of the item after
    the one it belongs to (the number one higher than the last item's seen).

    Example:
        >>> lines = [Line("10. Godkendelse af dagsorden", 1), Line("Godkendt.11. Briefing om X", 1)]
        >>> [line.text for line in _unglued(Page(1, lines)).lines]
        ['10. Godkendelse af dagsorden', 'Godkendt.', '11. Briefing om X']
    """
    patterns = (
        _GLUED_FIRST_ITEM,
        _glued_heading(),
        _heading_glued_to_item(),
        _toc_heading_glued_after(),
        _participant_label_glued_after(),
        _NUMBER_BEFORE_FIRST_LETTER,
    )
    lines: list[Line] = []
    last_number = None
    for line in page.lines:
        if _LETTER_SPACED.search(line.text):
            line = line.with_text(_LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), line.text))
        text = line.text.strip()
        glued = next((m for m in (pattern.match(text) for pattern in patterns) if m), None)
        if glued is None and last_number is not None:
            next_item = _GLUED_NEXT_ITEM.match(text)
            glued = next_item if next_item and int(next_item.group("number")) == last_number + 1 else None
        labelled = None if glued else _label_glued_to_value().match(text)
        if labelled:
            lines.append(line.with_text(f"{labelled.group('label')}: {labelled.group('value')}"))
        elif glued:
            lines += [line.with_text(glued.group("entry")), line.with_text(glued.group("first"))]
        else:
            lines.append(line)
        opening = NUMBERED_LINE.match(lines[-1].text.strip())
        last_number = int(opening.group(1)) if opening else last_number
    return Page(page.number, lines, page.width, page.height)


def _split_lines(lines: list[Line], shortest: int) -> list[Line]:
    split: list[Line] = []
    for line in lines:
        if len(line.text) <= shortest:
            split.append(line)
            continue
        text = labels_before_values(line.text)  # a header table read label column first
        cuts = _cuts(text)
        pieces = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        split.extend(line.with_text(piece) for piece in pieces if piece)
    return split


# "5a. Orientering …" inside a run-on line: a sub-item of item 5
_INLINE_SUBNUMBER = re.compile(r"(?:(?<=\s)|^)(\d{1,3})[a-h]\.\s+(?=[A-ZÆØÅ])")
# The label an item's number may carry: "Ad 3. Nyt fra formanden", "Ad pkt. 4.", "Punkt 5."
_LABEL_BEFORE_NUMBER = re.compile(r"(?:\b(?:Ad|AD)\s+(?:(?i:pkt|punkt)\.?\s*)?|\b(?:Pkt|PKT|Punkt|PUNKT)\.?\s*)$")


def _label_start(text: str, number_start: int) -> int:
    """Where an item number's cut goes: before the label it carries, if any."""
    start = max(0, number_start - 16)  # (the label is a few letters: no search from the line's start)
    label = _LABEL_BEFORE_NUMBER.search(text, start, number_start)
    return label.start() if label else number_start


def _cuts(text: str) -> list[int]:
    """Offsets where a run-on line is cut."""
    cuts: set[int] = set()
    for match in _boundary().finditer(text):
        cuts.add(match.start())
        if match.group("heading"):
            cuts.add(match.end())
    columns = [(match.start(), match.end()) for match in _COLUMN_HEADERS.finditer(text)]
    for mark in _PAGE_MARK.finditer(text):
        # ("Indholdsfortegnelse Side 246. Godkendelse …": the page column's header, then the
        # first entry's number; "Side 1." there may be either, and stays a page)
        after_contents = text[: mark.start()].rstrip().lower().endswith(TOC_HEADINGS) and bool(
            re.match(r"Side\s+(?!1\.)\d{1,3}\.\s+[A-ZÆØÅ]", text[mark.start() :])
        )
        if not after_contents and not any(start <= mark.start() < end for start, end in columns):
            cuts.update((mark.start(), mark.end()))
    for start, end in columns:  # one line, though "Emne:" is a label too
        cuts = {cut for cut in cuts if not start < cut < end} | {start, end}
    # A run of numbers (an agenda list, or items run on with their text): each number whose
    # successor follows it, however much text lies between ("… punkt 20. Med tilføjelsen …"
    # inside item 1's text is no item: 21 never follows).
    numbers = list(INLINE_NUMBER.finditer(text))
    # (and, from a number of such a run, the number after the next where the text lost one:
    # "3. Evaluering … Gennemførelse af … 5. Satser …")
    # (each number's next occurrence found by bisection: a contents line of tens of thousands
    # of numbers must not be read quadratically)
    positions: dict[int, list[int]] = {}
    for index, match in enumerate(numbers):
        positions.setdefault(int(match.group(1)), []).append(index)

    def next_with(value: int, index: int) -> int | None:
        found = positions.get(value, [])
        at = bisect.bisect_right(found, index)
        return found[at] if at < len(found) else None

    linked: set[int] = set()
    for index, before in enumerate(numbers):
        value = int(before.group(1))
        after = next_with(value + 1, index)
        if after is None and index in linked:
            after = next_with(value + 2, index)
        if after is not None:
            linked.update((index, after))
            cuts.update((_label_start(text, before.start()), _label_start(text, numbers[after].start())))
    # "5. Økonomi 5a. Orientering om … 5b. Regnskab …": the sub-items of an item cut there
    items = {match.group(1) for match in numbers}
    cuts.update(match.start() for match in _INLINE_SUBNUMBER.finditer(text) if match.group(1) in items)
    return sorted(cut for cut in cuts if 0 < cut < len(text))
