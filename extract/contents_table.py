"""A table of contents lifted out of the pages: its heading ("Indholdsfortegnelse", or an
agenda label over entries with dot leaders and page numbers), its entries (number, title,
page; wrapped entries joined; a transcript's run-on contents read by ``contents_runs``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.extract.contents_runs import run_on_entries
from referat.extract.pages import Line, Page
from referat.extract.section_words import SECTION_HEADINGS
from referat.extract.vocabulary import (
    COMPOUND_NUMBER,
    CONTENTS_NUMBER_COLUMN,
    CONTENTS_PAGE_COLUMN,
    CONTENTS_TITLE_COLUMN,
    TOC_HEADINGS,
)

TOC_HEADING = re.compile(rf"^(?:{'|'.join(TOC_HEADINGS)})\s*:?$", re.IGNORECASE)
# A TOC entry ends in its page number, often after dot leaders: "715. Kulturkommune ....2"
# (front matter numbered in roman after the leaders: "95. Sydfyns Elforsyning...vii")
TOC_ENTRY = re.compile(
    r"^(?P<title>.*?\S)(?:(?:\s*\.{3,}\s*|\s+)(?P<page>\d{1,3})|\s*\.{3,}\s*(?P<roman>[ivxlc]{1,7}))$"
)
TOC_LABELS = re.compile(
    r"^(åbent referat|lukket referat|åben dagsorden|lukket dagsorden|punkt nr\.?(\s*side)?|side|punkt)$", re.I
)


@dataclass
class TocEntry:
    number: str | None
    title: str
    page: int | None
    listed_on: int = 1  # the page the table of contents stands on
    access: str = "public"  # what a run-on contents says of it ("LUKKEDE SAGER LUKKET PUNKT:")
    run_on: bool = False  # read from a transcript's run-on contents (no numbers left)

    def __post_init__(self) -> None:
        # "1.  - Helhedsplan for …": a dash between the number and the title is no part of it
        self.title = re.sub(r"^[-–]\s+", "", self.title)


def lift_toc(pages: list[Page]) -> tuple[list[TocEntry], list[Line]]:
    """Remove a table of contents from the pages: its entries, for cross-checking and for the
    items it names, and its lines (furniture now)."""
    toc: list[TocEntry] = []
    lifted: list[Line] = []
    run_on_to_the_end = False  # the page before ended in a transcript's run-on contents
    for page in pages:
        start = next((i for i in range(len(page.lines)) if _opens_contents(page.lines, i)), None)
        if start is None:
            # the run-on contents carried over: its rest is the page's first line ("23.
            # Vedtægter … Overordnet it-sikkerhedspolitik …", no heading of its own)
            carried = _run_on_entries(page.lines, 0) if run_on_to_the_end and _carries_on(page.lines) else None
            run_on_to_the_end = False
            if carried is None:
                continue
            lines, start, (entries, end) = page.lines, 0, carried
        else:
            lines = _rejoin_page_numbers(page.lines, start)
            entries, end = _toc_entries(lines, start + 1)
            if not entries or any(len(entry.title) > 150 for entry in entries):
                # (one "entry" of 150 characters is many entries run together)
                entries, end = _run_on_entries(lines, start + 1) or _numbered_list(lines, start + 1) or (entries, end)
            run_on_to_the_end = bool(entries) and entries[-1].run_on and end == len(lines)
            if not entries:
                continue
        for entry in entries:
            entry.listed_on = page.number
        toc.extend(entries)
        lifted.extend(lines[start:end])
        page.lines = lines[:start] + lines[end:]
    return toc, lifted


def _carries_on(lines: list[Line]) -> bool:
    """A page opening with the rest of a run-on contents: an entry's number, then titles with
    no sentence between them (not a page of minutes whose first line is long)."""
    text = lines[0].text if lines else ""
    return bool(re.match(r"^\d{1,3}\.?\s+[A-ZÆØÅ]", text)) and len(re.findall(r"\w{3}\.\s+[A-ZÆØÅ]", text)) <= 1


# "Dagsorden:" over entries with dot leaders and page numbers: a table of contents too.
# (The entries' first line may carry several: "19-001 Budget ...... 3 19-002 …", a transcript's.)
_AGENDA_LABEL = re.compile(r"^(?:dagsorden|punkter\s+på\s+dagsordenen)\s*:?$", re.I)
_LEADERED_ENTRY = re.compile(
    rf"^(?:(?:[A-ZÆØÅ]{{2,4}}\s+)?(?:{COMPOUND_NUMBER})|\d{{1,3}}(?:\.\d{{1,2}})?)[.,]?\s+\S.*?\S\s*\.{{3,}}\s*\d{{1,3}}\b"
)


def _opens_contents(lines: list[Line], index: int) -> bool:
    """A contents heading ("Indholdsfortegnelse"), or an agenda label with its colon whose next
    two lines are numbered entries ending in dot leaders and page numbers."""
    text = lines[index].text.strip()
    if TOC_HEADING.match(text):
        return True
    if COLUMN_HEADERS.match(text) and index + 1 < len(lines) and len(lines[index + 1].text) >= 150:
        return True  # the columns' headers over a transcript's run-on contents ("Sag nr.: Emne:")
    following = [line.text.strip() for line in lines[index + 1 : index + 3]]
    return bool(_AGENDA_LABEL.match(text)) and len(following) == 2 and all(map(_LEADERED_ENTRY.match, following))


def _rejoin_page_numbers(lines: list[Line], heading: int) -> list[Line]:
    """After the TOC heading, a right-aligned page number that came out as a line of its
    own joins the line before it."""
    merged: list[Line] = list(lines[: heading + 1])
    for line in lines[heading + 1 :]:
        if (
            line.text.strip().isdigit()
            and merged
            and not merged[-1].text.strip().isdigit()
            and len(merged) > heading + 1
        ):
            merged[-1] = merged[-1].with_text(f"{merged[-1].text} {line.text.strip()}")
        else:
            merged.append(line)
    return merged


# A dot leader and page inside a contents line: an entry ends there and the next begins.
_LEADER_AND_PAGE = r"\s*\.{3,}\s*(?:\d{1,3}|[ivxlc]{1,7})"
_INNER_LEADER = re.compile(rf"{_LEADER_AND_PAGE}\s+(?=[A-ZÆØÅ\d])")


def _split_at_inner_leaders(text: str) -> list[str]:
    """A contents line's entries, cut at the leaders and pages inside it; a title that breaks
    at its dash runs on after the leader ("… organisation - ...... 40 Centraladministrationen
    og …": the leader stands where the title wrapped)."""
    pieces: list[str] = []
    for piece in _INNER_LEADER.split(text):
        if pieces and re.search(r"\s[-–]$", pieces[-1]):
            pieces[-1] = f"{pieces[-1]} {piece.strip()}"
        else:
            pieces.append(piece)
    return pieces


def _toc_entries(lines: list[Line], first: int) -> tuple[list[TocEntry], int]:
    """The TOC entries from line ``first`` on, and the index just after the table."""
    end = first
    pending: list[str] = []
    entries: list[TocEntry] = []
    roman_pages = 0  # entries whose page is printed in roman (front matter)
    while end < len(lines):
        text = re.sub(r"[.…]*…[.…]*", "...", lines[end].text.strip())  # a leader of ellipses ("kr………...... 14")
        if TOC_LABELS.match(text):
            end += 1
            continue
        entry = TOC_ENTRY.match(text)
        if entry and not re.fullmatch(r"[\d\s.:/-]+", text):
            roman_pages += bool(entry.group("roman"))
            # ("90. … Dallund Slot...ii Til behandling - for åbne døre...iii": two entries on
            # one line, the first ending in its leader and page)
            *earlier, title = _split_at_inner_leaders(" ".join(pending + [entry.group("title").rstrip(". ")]))
            entries += [_toc_entry(piece.strip(), None) for piece in earlier if piece.strip()]
            entries.append(_toc_entry(title.strip(), int(entry.group("page")) if entry.group("page") else None))
            pending = []
            end += 1
            continue
        # An entry whose page number was lost (a transcript's last entry before "Side 2"):
        # taken when it carries on the entries' numbering.
        # (A group label may stand between: "102. SPØRGETID...xv" / "Til behandling - for lukkede
        # døre...xv" / "103. Lukket sag: …...xv åben", the page's footer after the leader.)
        numbered = re.match(r"^(\d{1,3})\.?\s+(?=\S)", _ENTRY_LABEL.sub("", text))
        last_number = next((entry.number for entry in reversed(entries) if entry.number), None)
        if numbered and last_number and int(numbered.group(1)) == int(last_number) + 1:
            title = re.sub(rf"{_LEADER_AND_PAGE}\b.*$", "", text)
            if roman_pages >= 2:  # "93. … regnskab v": a roman page whose leader was lost
                title = re.sub(r"(?<=\w)\s+[ivxlc]{1,7}$", "", title)
            entries.append(_toc_entry(title, None))
            end += 1
            continue
        # A wrapped entry: this line continues in one of the next, which ends in a page number
        # ("07." / "Ansøgning om … i Røntofte" / "Andelsboligforening ....23").
        ahead = [TOC_ENTRY.match(line.text.strip()) for line in lines[end + 1 : end + 3 - len(pending)]]
        if any(ahead) and _ends_in_page_of_pages(text):
            end += 1  # a page's footer or running header between the entries ("… Side 1/54")
            continue
        if any(ahead) and len(pending) < 2:
            pending.append(text)
            end += 1
            continue
        break
    return entries, end - len(pending)


def _ends_in_page_of_pages(text: str) -> bool:
    """A line ending in its page's number among the pages ("Side 1/54", "side 3 af 12"): page
    furniture, never a wrapped contents entry."""
    return bool(re.search(r"\b(?:side|page)\s*\d{1,4}\s*(?:/|af|of)\s*\d{1,4}$", text, re.I))


# A contents table's column headers on a line of their own, without a contents heading: the
# number's column, then the title's ("Sag nr.: Emne:", "Pkt. Tekst Side").
COLUMN_HEADERS = re.compile(
    rf"^(?:{CONTENTS_NUMBER_COLUMN})[.:]*\s+(?:{CONTENTS_TITLE_COLUMN})\s*:?(?:\s+{CONTENTS_PAGE_COLUMN}\s*:?)?$", re.I
)
# A contents table's column headers before its run-on entries: "Pkt. Tekst Side", "Sag nr: Side:".
_CONTENTS_COLUMNS = re.compile(
    rf"^(?:(?:{CONTENTS_PAGE_COLUMN}|{CONTENTS_NUMBER_COLUMN}|{CONTENTS_TITLE_COLUMN})[.:]*\s+)+", re.I
)


def _run_on_entries(lines: list[Line], first: int) -> tuple[list[TocEntry], int] | None:
    """A transcript's contents run together on the lines after the heading (contents_runs)."""
    while first < len(lines) and _column_headers_only(lines[first]):
        first += 1  # the table's column headers on lines of their own ("Sag nr.", "Side")
    # (the page's running header between the heading and the columns: "Indholdsfortegnelse" /
    # "Byrådet den 5. oktober 2009 kl" / "Sag nr. Side" / the entries)
    headers = first + 1
    while headers < len(lines) and _column_headers_only(lines[headers]):
        headers += 1
    if headers > first + 1 and len(lines[first].text) < 60 and headers < len(lines):
        first = headers
    # (or the page's running header alone, a few short lines: "Kommunalbestyrelsen" / "den 16.
    # december 2013" / "Åben dagsorden" / the entries)
    ahead = first
    while ahead < len(lines) and ahead - first < 3 and len(lines[ahead].text) < 60:
        ahead += 1
    if ahead < len(lines) and len(lines[ahead].text) >= 150:
        first = ahead
    if first >= len(lines) or len(lines[first].text) < 150:
        return None  # (a contents list of wrapped lines is read by _toc_entries)
    end = first
    while end < len(lines) and len(lines[end].text) >= 60:
        end += 1
    text = " ".join(line.text for line in lines[first:end]).lstrip(". ")
    text = re.sub(r"^(1)\.\s+", r"\1 ", _CONTENTS_COLUMNS.sub("", text))  # "1. Orientering …": the first number
    entries = [
        TocEntry(number or None, title, None, access=access, run_on=True)
        for number, title, access in run_on_entries(_CONTENTS_COLUMNS.sub("", text))
    ]
    return (entries, end) if len(entries) >= 3 else None


def _numbered_list(lines: list[Line], first: int) -> tuple[list[TocEntry], int] | None:
    """Under a contents heading, a list without page numbers: lines "1. …", "2. …", "3. …" one
    after the other (three at least; a number the text layer lost leaves a gap of one). Not
    when a section heading follows the last: then they are the item headings themselves, under
    a web page's "Indholdsfortegnelse" (empty items, then the first with its text)."""
    entries: list[TocEntry] = []
    end = first
    while end < len(lines):
        numbered = re.match(r"^(\d{1,3})\.\s+(\S.*)$", lines[end].text.strip())
        last = int(entries[-1].number or 0) if entries else 0
        if (
            not numbered
            or int(numbered.group(1)) not in (last + 1, last + 2)
            or (not entries and numbered.group(1) != "1")
        ):
            break

        entries.append(TocEntry(numbered.group(1), numbered.group(2), None))
        end += 1
    following = lines[end].text.strip().rstrip(":").lower() if end < len(lines) else ""
    return (entries, end) if len(entries) >= 3 and following not in SECTION_HEADINGS else None


def _column_headers_only(line: Line) -> bool:
    return not _CONTENTS_COLUMNS.sub("", line.text.strip() + " ").strip(" .")


def _toc_entry(title: str, page: int | None) -> TocEntry:
    """An entry, its number split off when the title starts with one ("715. Kulturkommune")."""
    # ("1......... Forslag …"; "6.1 Pressedækning": a sub-entry of 6; "KOM 19-050, Budget": a
    # compound number after the committee's code)
    # "Pkt. 1 Godkendelse af referater" (not a run of entries: "Sag nr. 2 … Sag nr. 3 …")
    labelled = _ENTRY_LABEL.sub("", title)
    title = labelled if not _INNER_ENTRY_LABEL.search(labelled) else title
    compound = COMPOUND_ENTRY.match(title)
    if compound:
        return TocEntry(re.sub(r"\s", "", compound.group(1)), compound.group(2), page)
    number_match = re.match(r"^(\d+(?:\.\d{1,2}(?=\s))?)(?:\.?\s+|\.{3,}\s*)(.*)$", title)
    if number_match:
        return TocEntry(number_match.group(1), number_match.group(2), page)
    return TocEntry(None, title, page)


# The item label before an entry's number: "Pkt. 3", "Punkt 3", "Sag nr. 3".
_ENTRY_LABEL = re.compile(r"^(?:Pkt|PKT|Punkt|PUNKT|Sag|SAG)\.?\s*(?:nr\.?\s*)?(?=\d)")
_INNER_ENTRY_LABEL = re.compile(r"\s(?:Pkt|PKT|Punkt|PUNKT|Sag|SAG)\.?\s*(?:nr\b\.?\s*)?(?:\d|$)")
COMPOUND_ENTRY = re.compile(rf"^(?:[A-ZÆØÅ]{{2,4}}\s+)?({COMPOUND_NUMBER})[.,:]?\s+(\S.*)$")
