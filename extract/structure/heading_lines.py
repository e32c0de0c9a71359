"""What one line says, before the document decides: is it an item heading (its number,
title, access and numbering style), a section heading (its kind), a sub-item, or a line of
metadata? ``headings`` then decides over the whole document which headings are items.

Item headings come in the numbering styles publishers print ("Punkt 3 …", "3 (Offentlig) …",
"1. Meddelelser", "Lukket: 9. …", "Pkt. 42", "Nr.143 - …", "1  Fraværende …"), with access
markers before or after number and title; the words live in ``referat.extract.vocabulary``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.extract.pages import Line
from referat.extract.section_words import HEADING_QUALIFIERS, SECTION_HEADINGS
from referat.extract.structure.access_marks import ACCESS_WORD, access_of, alternation, title_and_access
from referat.extract.vocabulary import (
    CASE_FIELD_LABEL_RUN,
    CASE_NUMBER,
    CASE_NUMBER_LABEL,
    CLOSED_PART,
    COMPOUND_NUMBER,
    DECISION_HEADING,
    DOCUMENT_NUMBER_LABEL,
    ITEM_GROUP_LABEL,
    ITEM_NUMBER_LABELS,
    ITEM_NUMBER_LABELS_WEAK,
    JOURNAL_LINE,
    OPEN_PART,
    TITLE_CONTINUES_AFTER,
    WEB_FURNITURE_TAIL,
)

# A bullet before the number: "• Pkt. 42 …", "- 3. …" (web pages, Word lists).
LEADING_BULLET = re.compile(r"^[-–•·▪●◦*]\s+")


# "Punkt 3 Titel", "Punkt 2. Titel", "Punkt 1: Titel", "Pkt. 42" alone (the title on the next line)
PUNKT_HEADING = re.compile(
    rf"^(?:{alternation(ITEM_NUMBER_LABELS)})\s*(?P<number>\d{{1,4}})\s*[.:)]?(?:\s+(?P<title>[^\sa-zæøå].*))?$"
)


# " 3 (Offentlig) Titel", "4 (Fortrolig)" (FirstAgenda)
ACCESS_HEADING = re.compile(
    r"^(?P<number>\d{1,3})\s*\((?P<access>Offentlig|Åben|Fortrolig|Lukket)\)\s*(?P<title>.*)$", re.IGNORECASE
)


_ACCESS_MARK = re.compile(r"^\((?P<access>Offentlig|Åben|Fortrolig|Lukket)\)\s*", re.IGNORECASE)


# "1. Meddelelser", "715. Kulturkommune 2017" (eDoc, Acadre), "3) Indkomne forslag", "Nr. 12 …",
# "§ 4 Valg af bestyrelse": numbered lines that need confirmation (lists in prose look the same).
# A title starts with a capital, a quote or a bracket, with an ordinal ("272. 2. behandling af …")
# or with a count ("89. 17 nye seniorboliger på …").
# (A count stands apart from the number: "18.15 på Byrådssalen" is a time.)
TITLE_START = r"(?:[A-ZÆØÅ\"”'‘(§]|\d{1,2}\.\s+[a-zæøåA-ZÆØÅ]|(?<=\s)\d{1,4}\s+[a-zæøå]{2,}(?:\s|[?!.:]?$))"


# "1. Meddelelser", "715. Kulturkommune 2017" (eDoc, Acadre), "3) Indkomne forslag", "1: VALG AF DIRIGENT",
# "01 – Valg af dirigent": numbered lines that need confirmation (lists in prose look the same).
# (" 1. : Tildeling af …": a colon left before the title where a Word field was; "1. - Budget";
# "1. | Budget": the number and the title in cells of a table row; "3 . Budget": a space typed
# before the stop.)
DOTTED_HEADING = re.compile(
    rf"^(?P<number>\d{{1,4}})(?:[.)]?\s*\|\s*|[.):]\s*(?:[-–:]\s+(?!\d))?|\s+[-–]\s*(?!\d)|\s\.\s+)(?P<title>{TITLE_START}.*)$"
)


# " 1. godkendelse af dagsorden: Dagsordenen blev godkendt." (a parish's web page): a small
# letter is a title only with the minutes after a colon, and needs confirmation like "1. Titel".
LOWER_TITLE_HEADING = re.compile(r"^(?P<number>\d{1,3})\.\s+(?P<title>(?=[a-zæøå][^:]{3,80}:\s+[A-ZÆØÅ])[a-zæøå].*)$")


# "1.0 Godkendelse af dagsorden", "2.0 Budget": a Word outline's first level.
DECIMAL_HEADING = re.compile(rf"^(?P<number>\d{{1,3}})\.0\.?\s+(?P<title>{TITLE_START}.*)$")


# "Nr. 12 Lokalplan", "Nr.143 - Godkendelse af dagsorden", "§ 4 Valg af bestyrelse", "Sag 3: Budget"
WEAK_LABEL_HEADING = re.compile(
    rf"^(?:{alternation(ITEM_NUMBER_LABELS_WEAK)})\s*(?P<number>\d{{1,4}})\s*(?:[.):]|\s[-–])?(?:\s*\|)?"
    rf"(?:\s+(?P<title>{TITLE_START}.*))?$"
)


# "HR. 1 Præsentation …", "HR 2. Økonomi", "ØU-12 Budget": a committee's short code before
# every number (a handicap council's, a finance committee's own numbering); needs
# confirmation like "1. Titel".
CODED_HEADING = re.compile(
    rf"^(?P<code>[A-ZÆØÅ]{{2,4}})(?:\.\s*|\s+|-)(?P<number>\d{{1,4}})"
    rf"(?:[.)]?\s*\|\s*|[.:)]\s*|\s+[-–]\s+|\s+)(?P<title>{TITLE_START}.*)$"  # ("HR 1. | Titel": a table row)
)


# "49/1. Spørgetid (Åben sag)", "19-006 skilift projekt", "KOM 19-050, Godkendelse af dagsorden"
# (a committee's code before it): needs confirmation like "1. Titel"; the number is distinctive
# enough that a title may start in lower case.
COMPOUND_HEADING = re.compile(
    rf"^(?:[A-ZÆØÅ]{{2,4}}\s+)?(?P<number>{COMPOUND_NUMBER})(?:[.,:)]\s*|\s+[-–]\s+|\s+)(?P<title>[^\s\d.,].*)$"
)


# "1 Fraværende og bemærkninger" (one space): an item only when an agenda list announces it or
# an access line stands above it ("Åbent punkt" / "1 Fraværende …", Bornholm's web minutes).
# Never "00 Referat uden bilag - …" (a document-sharing site's title line).
BARE_SINGLE_HEADING = re.compile(r"^(?!0+\s)(?P<number>\d{1,3})\s(?P<title>[A-ZÆØÅ§][\wæøå§-].*)$")
# "3Budget 2024": a web export that set the number in a box of its own, glued to the title;
# vouched for like "1 Titel".
GLUED_HEADING = re.compile(r"^(?P<number>\d{1,3})(?P<title>[A-ZÆØÅ][a-zæøå]{2,}.*)$")


# "3. - 8. Valg af enkeltmandsposter": one heading for a range of points (a parish council's agenda).
RANGE_HEADING = re.compile(
    rf"^(?P<number>\d{{1,3}})(?:\.\s*[-–]\s*|\s+[-–]\s+)(?P<to>\d{{1,3}})\.?\s+(?P<title>{TITLE_START}.*)$"
)
# "5" alone on its line, the title on the next (a PDF whose number stands in a column of
# its own): an item only when set as a heading or vouched for like "1 Titel".
BARE_NUMBER_ALONE = re.compile(r"^(?P<number>\d{1,3})$")
# "1." alone on its line, the title on the next (web pages of Hjørring, Region Sjælland).
NUMBER_ALONE = re.compile(r"^(?P<number>\d{1,4})[.)]$")


# " 1  Fraværende og bemærkninger" (number, two spaces or a tab, title), or after an access word
# ("åbent 1 Fraværende …", Bornholm's agenda list): needs confirmation like "1. Titel".
BARE_HEADING = re.compile(
    rf"^(?:(?P<access>{ACCESS_WORD})(?:\s+punkt)?\s+(?P<marked>\d{{1,4}})\s+|(?P<number>\d{{1,4}})(?:\s{{2,}}|\t))"
    rf"(?P<title>{TITLE_START}.*)$",
    re.I,
)


# "Lukket: 9. Køb af ejendom", "Lukket punkt: Køb af …", "Fortrolig: 4. …", "LUKKET 12. …"
CLOSED_HEADING = re.compile(
    r"^(?:(?i:lukket|fortrolig)(?:\s+(?i:punkt|sag))?\s*:\s*(?:(?P<number>\d{1,4})[.)]?\s+)?"
    r"|(?:LUKKET|FORTROLIG|\((?i:lukket|fortrolig)\))\s*(?P<marked>\d{1,4})[.)]?\s+)(?P<title>\S.*)$"
)


# … and before the first item of its group, on the same line.
_LEADING_GROUP_LABEL = re.compile(rf"^(?:{ITEM_GROUP_LABEL.pattern})\s*:?\s+(?=\d)")


# A case-number label run onto the title by the text layer: "Budget 2007 og overslagsårene
# J. nr Ifølge …", "Strukturplan … J.nr.: A09 Sagsid:", "… dagsorden Dok.nr.: 1965" (the
# title ends before it).
_CASE_LABEL_TAIL = re.compile(
    rf"(?<=\w\w)\s+(?:J\.\s?nr|Journalnr|Sagsnr|Sagsid|Dok\.\s?nr|Dokumentnr\b|{CASE_FIELD_LABEL_RUN})\.?.*$"
)


# A group label run onto the title before it, and the group's name after its colon.
_LABEL_OVER_NEXT_GROUP = re.compile(
    r"(?<=[\wæøå)])(?<!\baf)(?<!\btil)(?<!\bfor)(?<!\bom)(?<!\bi)(?<!\bpå)\s+[A-ZÆØÅ][a-zæøå]+(?:\s+[a-zæøå]+){1,2}:$"
)
_GROUP_LABEL_TAIL = re.compile(rf"\s+(?:{ITEM_GROUP_LABEL.pattern})(?:\s*:.*)?$")


# Sub-items: "a) Titel", "- a) Titel", "a. Titel", "A. Titel"; a bare "a)" restates a marker in minutes.
SUBITEM_HEADING = re.compile(r"^(?:[-–•]\s*)?(?P<letter>[a-zA-Z])(?P<mark>[.)])\s+(?P<title>\S.*)$")


SUBITEM_MARKER = re.compile(r"^(?P<letter>[a-z])\)$")


# Labels that divide a document into its open and closed parts.
PART_LABEL = re.compile(r"^(?:åbent|lukket)\s+(?:referat|dagsorden|møde)$|^(?:åben|lukket)\s+dagsorden$", re.I)


@dataclass
class Heading:
    index: int  # position in the line list
    number: str
    title: str
    access: str
    style: str  # punkt, access, dotted, closed
    consumed: int = 1  # how many lines the heading (title) spans
    rest: str = ""  # minutes printed on the heading line after the title ("…: Kim blev valgt")
    # the points nested under this item's entry in an agenda list that the minutes answer on
    # its numbers ("4. Beboermødeplaner" / "1. Bentes oplæg" …): its sub-items (minutes_lists)
    points: tuple[Line, ...] = ()


_HEADING_FORMS = (
    ("punkt", PUNKT_HEADING),
    ("access", ACCESS_HEADING),
    ("closed", CLOSED_HEADING),
    ("dotted", COMPOUND_HEADING),
    ("dotted", DOTTED_HEADING),
    ("dotted", DECIMAL_HEADING),
    ("dotted", LOWER_TITLE_HEADING),
    ("dotted", WEAK_LABEL_HEADING),
    ("dotted", CODED_HEADING),
    ("dotted", BARE_HEADING),
    ("dotted", NUMBER_ALONE),
    ("dotted", RANGE_HEADING),
    ("bare", BARE_SINGLE_HEADING),
    ("bare", GLUED_HEADING),
    ("bare", BARE_NUMBER_ALONE),
)


def match_heading(line: Line) -> Heading | None:
    """The item heading a line prints, if any: its number, title, access and style."""
    text = LEADING_BULLET.sub("", line.text.strip())
    # "ÅBNE EFTERRETNINGSSAGER 73. Strukturplan …": the label over a group of items, printed
    # on the first item's line
    group = _LEADING_GROUP_LABEL.match(text)
    if group:
        text = text[group.end() :]
    # "1......... Forslag til …": a contents line's dot leader between the number and its title
    text = re.sub(r"^(\d{1,4})\.{3,}\s*(?=\S)", r"\1. ", text)
    for style, pattern in _HEADING_FORMS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        number = re.sub(r"\s", "", groups.get("number") or groups.get("marked") or "")
        if groups.get("to"):
            number = f"{number}-{groups['to']}"
        if style in ("dotted", "bare") and _looks_like_year(number):
            continue  # "2023. Udgifterne …": a year at the start of a wrapped line, not an item
        title = _clean_title(groups.get("title") or "")
        access = access_of(groups["access"]) if groups.get("access") else "public"
        if style == "closed":
            access = "closed"
            inner = match_heading(line.with_text(title)) if title and not number else None
            if inner is not None and inner.number:
                # "Lukket punkt: Punkt 5: Ansættelse …", "LUKKET: • 4. Personalesag"
                number, title = inner.number, inner.title
        # " 1.  1. Godkendelse …": a web page's list number before the typed one.
        title = re.sub(rf"^{re.escape(number)}[.)]\s+(?=[A-ZÆØÅ])", "", title) if number else title
        if style != "access":
            # FirstAgenda's "(Offentlig)" already says the access; "Eventuelt - åbent" is its title.
            title, access = title_and_access(title, access)
        if group and group.group(0).lower().startswith("lukke"):
            access = "closed"
        return Heading(index=-1, number=number, title=title, access=access, style=style)
    return None


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    title = re.sub(r"^[-–:|]\s*", "", title)  # "Pkt. 01 – Valg af dirigent", "LUKKET: 8 | Salg af …"
    # the initials of who answers for the point, before its title: "1. (AF) Status på …", "(AF, SC)"
    title = re.sub(r"^\((?:[A-ZÆØÅ]{2,4})(?:\s*,\s*[A-ZÆØÅ]{2,4})*\)\s+(?=[A-ZÆØÅ])", "", title)
    # "2. Revisionsprotokol Politiske sager:": the label over the list's next group run on after
    # the entry (two words or three, the first capitalised, then a colon)
    title = _LABEL_OVER_NEXT_GROUP.sub("", title)
    title = title.rstrip(":").rstrip()  # "4. Formandens beretning:" with the minutes under it
    # a contents line's dot leader and page, in front matter numbered in roman: "…...3", "…...vii"
    title = re.sub(r"\s*\.{2,}\s*(?:\d+|[ivxlc]{1,7})$", "", title)
    title = re.sub(r"\s*\(\s*\)$", "", title)  # an empty case-number slot: "Valg af dirigent ( )" (eDoc)
    title = _GROUP_LABEL_TAIL.sub("", title)
    title = _CASE_LABEL_TAIL.sub("", title) if len(title.split()) > 3 else title
    return WEB_FURNITURE_TAIL.sub("", title)


def _looks_like_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100


def has_typed_item_headings(lines: list[Line]) -> bool:
    """Whether the document numbers items in a style that needs no confirmation ("Punkt 3 …",
    "3 (Offentlig) …"), twice at least: then it is an agenda, not a minute book (whose prose
    may mention "Pkt. 2" once at the start of a line)."""
    typed = 0
    for line in lines:
        heading = match_heading(line)
        if (
            heading is not None
            and heading.style in ("punkt", "access")
            and (heading.title or heading.access != "public")
        ):
            typed += 1
            if typed >= 2:
                return True
    return False


def join_title(lines: list[Line], heading: Heading) -> tuple[str, int]:
    """Join a title that wraps onto following lines ("… fra mødet den 8." + "november 2024")."""
    title, consumed = heading.title, heading.consumed
    # (a closed item whose marker was all its line holds no title: "7. Lukket møde" / its text)
    if (
        not title
        and heading.access != "closed"
        and heading.style in ("punkt", "dotted", "bare")
        and heading.index + 1 < len(lines)
    ):
        # "Pkt. 42" or "1." on a line of its own, the title on the next (web minutes).
        following = lines[heading.index + 1]
        text = following.text.strip()
        vote = re.match(r"(?:for|imod)\s+(?:\w+\s+)?stemte|undlod\s+at\s+stemme", text, re.I)
        # (nor its first sub-item: "6." / "a. Medlemsforslag: …", the item's title left out)
        lettered = SUBITEM_HEADING.match(text)
        if (
            text
            and len(text) < 160
            and not is_structural(text)
            and match_heading(following) is None
            and not vote
            and not lettered
        ):
            title, consumed = text, 2
    while heading.index + consumed < len(lines) and consumed < 3:
        current, following = lines[heading.index + consumed - 1], lines[heading.index + consumed]
        text = following.text.strip()
        if not text or not title or is_structural(text) or match_heading(following) is not None:
            break
        if not _goes_on(title, current, following, text):
            break
        joined_without_space = title.endswith("-") and text.split()[0].lower() not in ("og", "eller")
        title = title + text if joined_without_space else f"{title} {text}".strip()
        consumed += 1
    return " ".join(title.split()), consumed


def _goes_on(title: str, current: Line, following: Line, text: str) -> bool:
    """Whether ``following`` continues a title: same type, and the title ends on a word that
    needs more ("og", "for", a comma, a hyphen) or the next line starts in lower case."""
    last_word = title.split()[-1].lower() if title.split() else ""
    continues = last_word in TITLE_CONTINUES_AFTER or title.endswith((",", "-"))
    # (a line of digits alone is a page number in a table of contents, not a title's end)
    lowercase_start = text[0].islower() or (
        # ("3a.", "3.a" and "2.1" open sub-items, also in a table's first cell: "4.a | Budget")
        text[0].isdigit()
        and not re.match(r"^\d+(?:[a-z]?[.)]|\.\d{1,2}\.?|\.[a-z]\.?)(?:\s|\s*\|)", text)
        and not text.isdigit()
    )
    # (a title of a word or two was not wrapped: "Eventuelt" / "intet" is the minutes under it)
    lowercase_start = lowercase_start and len(title) >= _SHORTEST_WRAPPED
    # (a question is a whole title: "Hvad gør vi ved restancer?" / "skal der laves …" is its text)
    lowercase_start = lowercase_start and not title.endswith(("?", "!"))
    same_style = current.font_size is None or following.font_size == current.font_size
    if _FILE_NAME.fullmatch(text):  # an attachment's file name under the heading ("udkast_plan.pdf")
        return False
    if JOURNAL_LINE.match(text):  # the case's journal reference under the heading ("18.00Ø00 - 2014/06569")
        return False
    if _TIME_SLOT.fullmatch(text):  # the item's time on the agenda ("18.35-18.50", "kl. 19.00")
        return False
    return same_style and current.bold == following.bold and (continues or lowercase_start) and len(text) < 120


_SHORTEST_WRAPPED = 20
_FILE_NAME = re.compile(r"\S+\.(?:pdf|docx?|xlsx?|pptx?|odt|txt|jpe?g|png|zip|msg)", re.I)
_TIME_SLOT = re.compile(r"(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?(?:\s*\(\d+\s*min\.?\))?", re.I)


def is_structural(text: str) -> bool:
    return bool(
        section_kind(text)
        or CASE_NUMBER_LABEL.match(text)
        or DOCUMENT_NUMBER_LABEL.match(text)
        or CASE_NUMBER.fullmatch(text.strip())
        or SUBITEM_HEADING.match(text)
        or text.startswith(("-", "•", "–"))
        or OPEN_PART.match(text)  # "Åbent møde." / "Lukkede punkter": a part of the meeting begins
        or CLOSED_PART.match(text)
    )


def leading_section(text: str) -> tuple[str, str, str] | None:
    """A section heading in a left column with its first text beside it ("Baggrund | Der er
    modtaget …", a tab or a layout table in the reader), or before a colon on its text's
    line: kind, heading and the text.

    Example:
        >>> leading_section("Baggrund | Der er modtaget en henvendelse.")
        ('background', 'Baggrund', 'Der er modtaget en henvendelse.')
        >>> leading_section("Beslutning: Godkendt.")
        ('decision', 'Beslutning', 'Godkendt.')
        >>> leading_section("Beslutning: Til orientering")
        ('decision', 'Beslutning', 'Til orientering')
        >>> leading_section("Beslutning; Listen er lavet.")
        ('decision', 'Beslutning', 'Listen er lavet.')
    """
    head, separator, rest = text.partition(" | ")
    if not separator:
        # "Beslutning: Godkendt.", "Indstilling: Forvaltningen indstiller, at …": a typed heading
        # and its prose ("Kompetence: Økonomiudvalget", "Sagsforløb: ØK/BY" are metadata)
        head, separator, rest = text.partition(": ")
        if not separator:  # (a semicolon typed for the colon: "Beslutning; Kaj har lavet listen.")
            head, separator, rest = text.partition("; ")
        # A decision may be a word or two ("Beslutning: Godkendt", "Beslutning: Til orientering"):
        # listing pages print each item's decision so.
        prose = rest.rstrip().endswith((".", "!", "?")) or len(rest.split()) >= 4 or section_kind(head) == "decision"
        if len(head) > 40 or not prose or section_kind(head) in (None, "other"):
            return None
    if not separator or not rest.strip():
        return None
    kind = section_kind(head)
    return (kind, head.strip().rstrip(":"), rest.strip()) if kind else None


def section_kind(text: str) -> str | None:
    stripped = text.strip().rstrip(":").strip()
    if len(stripped) > 140:
        return None
    kind = SECTION_HEADINGS.get(stripped.lower())
    bullet = None if kind else LEADING_BULLET.match(stripped)
    if bullet:  # "• Resume": an accordion sets its headings as bullets
        kind = SECTION_HEADINGS.get(stripped[bullet.end() :].lower())
    if kind:
        return kind
    if DECISION_HEADING.match(stripped):
        return "decision"
    if text.rstrip().endswith(":") and DECISION_HEADING.match(text.strip()):  # (a form that needs its colon)
        return "decision"
    return _known_heading_with_date(stripped) or _qualified_heading(stripped)


# A body that meets, in the genitive: "kommunalbestyrelsens", "økonomiudvalgets", "byrådets"
# (not "klagenævnets" or "styrelsens": another authority's decision is not this meeting's).
_OWN_BODY_GENITIVE = re.compile(r"[\wæøå/-]*(?:udvalgets|bestyrelsens|rådets|repræsentantskabets|forsamlingens)")


def _qualified_heading(text: str) -> str | None:
    """ "Administrativ indstilling", "Borgmesterens indstilling", "Supplerende
    sagsfremstilling": a known heading after a word that says whose or which it is."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not words[0][0].isupper() or text.endswith((".", ",", ";")):
        return None
    kind = SECTION_HEADINGS.get(words[-1].lower())
    qualifiers = words[:-1]
    if kind == "decision" and len(qualifiers) == 1 and _OWN_BODY_GENITIVE.fullmatch(qualifiers[0].lower()):
        return kind  # "KOMMUNALBESTYRELSENS AFGØRELSE", "Udvalgets beslutning": the meeting's own
    if kind in (None, "minutes", "other", "decision"):
        return None  # ("Klagenævnets afgørelse" tells another authority's decision)
    if all(word.lower() in HEADING_QUALIFIERS or (word.lower().endswith("s") and len(word) > 4) for word in qualifiers):
        return kind
    return None


# "Sagens forløb 25-03-2019 Magistraten", "Beslutning Byrådet 12.03.2025": a known heading
# followed by a date (and the body that met): the heading's kind.
_DATE_AFTER_HEADING = re.compile(r"^\s*(?:den\s+)?\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b")


# "Indstilling fra Regionsdirektøren", "Beslutning fra Økonomiudvalget", "Bemærkninger til
# sagen": a known heading that says from or to whom: the heading's kind.
# (a name after it is capitalised: "Forslag til dagsorden" is a title, not a recommendation)
_QUALIFIER_AFTER_HEADING = re.compile(
    r"^(?:fra|til|af)\s+(?:(?-i:[A-ZÆØÅ])[\wæøå-]*|den|det|de|sagen|direktionen|administrationen|forvaltningen"
    r"|borgmesteren|udvalget|formanden|sekretariatet|mødet)(?:\s+\S+){0,5}$",
    re.I,
)


def _known_heading_with_date(text: str) -> str | None:
    """A known heading followed by a date, or by whom it is from ("Indstilling fra X")."""
    if len(text) > 70 or text.endswith((".", ",", ";")):
        return None
    words = text.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        kind = SECTION_HEADINGS.get(" ".join(words[:size]).lower())
        rest = " ".join(words[size:])
        # ("Referat fra …" names a document, not a section)
        qualified = kind != "minutes" and _QUALIFIER_AFTER_HEADING.match(rest)
        if kind and (_DATE_AFTER_HEADING.match(rest) or qualified):
            return kind
    return None


def number_span(number: str) -> tuple[int, int] | None:
    """The numbers an item's number counts by, first and last: (3, 8) for the range "3-8"
    ("3. - 8. Valg af enkeltmandsposter"); (49, 49) for "49/1" (the case's running number,
    which counts on from meeting to meeting); (50, 50) for the year and serial "19-050"."""
    compound = re.fullmatch(r"(\d{1,4})/\d{1,3}|\d{2}-(\d{3})", number)
    if compound:
        counted = int(compound.group(1) or compound.group(2))
        return counted, counted
    first, _, last = number.partition("-")
    if not first.isdigit():
        return None
    return int(first), int(last) if last.isdigit() else int(first)


def number_of(heading: Heading) -> int | None:
    """An item's number, the first of a range ("3-8": "3. - 8. Valg af enkeltmandsposter")."""
    span = number_span(heading.number)
    return span[0] if span else None


def absent_from(heading: Heading, among: list[Heading]) -> bool:
    """``heading`` is not in ``among`` (by identity: two headings may read the same)."""
    return all(heading is not other for other in among)
