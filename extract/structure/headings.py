"""Pass 1 of the agenda grammar: which lines are item headings.

Item headings come in the numbering styles publishers print ("Punkt 3 …", "3 (Offentlig) …",
"1. Meddelelser", "Lukket: 9. …"); a "7. Titel" line needs evidence before it is an item
(the table of contents lists it, Word numbered it as a heading, it is bold or larger, or a
case number or a section heading follows), because numbered lists in prose look the same.
Section headings are recognised by the vocabulary (``referat.extract.vocabulary``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.vocabulary import (
    CASE_NUMBER,
    CASE_NUMBER_LABEL,
    CLOSED_ACCESS_WORDS,
    DECIDED_BY_LABEL,
    DECISION_HEADING,
    DOCUMENT_NUMBER_LABEL,
    ITEM_NUMBER_LABELS,
    ITEM_NUMBER_LABELS_WEAK,
    MEETING_KIND_WORDS,
    MINUTES_AFTER_TITLE,
    OPEN_ACCESS_WORDS,
    SECTION_HEADINGS,
    TITLE_CONTINUES_AFTER,
    WEB_FURNITURE_TAIL,
)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_ACCESS_WORD = rf"(?:{_alternation(CLOSED_ACCESS_WORDS + OPEN_ACCESS_WORDS)})"
# A bullet before the number: "• Pkt. 42 …", "- 3. …" (web pages, Word lists).
_BULLET = re.compile(r"^[-–•·▪●◦*]\s+")
# "Punkt 3 Titel", "Punkt 2. Titel", "Punkt 1: Titel", "Pkt. 42" alone (the title on the next line)
PUNKT_HEADING = re.compile(
    rf"^(?:{_alternation(ITEM_NUMBER_LABELS)})\s*(?P<number>\d{{1,4}})\s*[.:]?(?:\s+(?P<title>[^\sa-zæøå].*))?$"
)
# " 3 (Offentlig) Titel", "4 (Fortrolig)" (FirstAgenda)
ACCESS_HEADING = re.compile(
    r"^(?P<number>\d{1,3})\s*\((?P<access>Offentlig|Åben|Fortrolig|Lukket)\)\s*(?P<title>.*)$", re.IGNORECASE
)
_ACCESS_MARK = re.compile(r"^\((?P<access>Offentlig|Åben|Fortrolig|Lukket)\)\s*", re.IGNORECASE)
# "1. Meddelelser", "715. Kulturkommune 2017" (eDoc, Acadre), "3) Indkomne forslag", "Nr. 12 …",
# "§ 4 Valg af bestyrelse": numbered lines that need confirmation (lists in prose look the same).
# A title starts with a capital, a quote or a bracket, or with an ordinal ("272. 2. behandling af …").
_TITLE_START = r"(?:[A-ZÆØÅ\"”'‘(§]|\d{1,2}\.\s+[a-zæøåA-ZÆØÅ])"
# "1. Meddelelser", "715. Kulturkommune 2017" (eDoc, Acadre), "3) Indkomne forslag", "1: VALG AF DIRIGENT",
# "01 – Valg af dirigent": numbered lines that need confirmation (lists in prose look the same).
DOTTED_HEADING = re.compile(rf"^(?P<number>\d{{1,4}})(?:[.):]|\s+[-–])\s*(?P<title>{_TITLE_START}.*)$")
# "Nr. 12 Lokalplan", "Nr.143 - Godkendelse af dagsorden", "§ 4 Valg af bestyrelse", "Sag 3: Budget"
WEAK_LABEL_HEADING = re.compile(
    rf"^(?:{_alternation(ITEM_NUMBER_LABELS_WEAK)})\s*(?P<number>\d{{1,4}})\s*(?:[.):]|\s[-–])?\s+(?P<title>{_TITLE_START}.*)$"
)
# "1 Fraværende og bemærkninger" (one space): an item only when an agenda list announces it or
# an access line stands above it ("Åbent punkt" / "1 Fraværende …", Bornholm's web minutes).
BARE_SINGLE_HEADING = re.compile(r"^(?P<number>\d{1,3})\s(?P<title>[A-ZÆØÅ§][\wæøå§-].*)$")
# An access line standing above an item heading: "Åbent punkt", "Lukket sag", "Fortrolig".
ACCESS_LINE = re.compile(rf"^(?P<word>{_ACCESS_WORD})(?:\s+(?:punkt|sag|dagsordenspunkt))?$", re.I)
# "1." alone on its line, the title on the next (web pages of Hjørring, Region Sjælland).
NUMBER_ALONE = re.compile(r"^(?P<number>\d{1,4})[.)]$")
# " 1  Fraværende og bemærkninger" (number, two spaces or a tab, title), or after an access word
# ("åbent 1 Fraværende …", Bornholm's agenda list): needs confirmation like "1. Titel".
BARE_HEADING = re.compile(
    rf"^(?:(?P<access>{_ACCESS_WORD})(?:\s+punkt)?\s+(?P<marked>\d{{1,4}})\s+|(?P<number>\d{{1,4}})(?:\s{{2,}}|\t))"
    rf"(?P<title>{_TITLE_START}.*)$",
    re.I,
)
# "Lukket: 9. Køb af ejendom", "Lukket punkt: Køb af …", "Fortrolig: 4. …", "LUKKET 12. …"
CLOSED_HEADING = re.compile(
    r"^(?:(?i:lukket|fortrolig)(?:\s+(?i:punkt|sag))?\s*:\s*(?:(?P<number>\d{1,4})[.)]?\s+)?"
    r"|(?:LUKKET|FORTROLIG|\((?i:lukket|fortrolig)\))\s*(?P<marked>\d{1,4})[.)]?\s+)(?P<title>\S.*)$"
)
# An access marker opening the title: "3. Fortrolig: Køb af …", "4. (Lukket) Salg af …"
_LEADING_ACCESS = re.compile(
    rf"^(?:\((?P<paren>{_ACCESS_WORD})\)|(?P<word>{_ACCESS_WORD})(?:\s+(?:punkt|sag))?\s*[:|])\s*", re.I
)
# … or closing it: "Salg af grund (Lukket)", "Salg af grund - lukket punkt", "Status Åbent"
_TRAILING_ACCESS = re.compile(
    rf"\s*(?:\((?P<paren>{_ACCESS_WORD})(?:\s+(?:punkt|sag))?\)|[-–]\s*(?P<dash>{_ACCESS_WORD})(?:\s+(?:punkt|sag))?"
    rf"|(?<=\s)(?P<word>{_ACCESS_WORD})\s+(?:punkt|sag)|(?<=\s)(?P<bare>Åbent|Åben|Lukket|LUKKET|ÅBENT))\s*$",
    re.I,
)


# Sub-items: "a) Titel", "- a) Titel", "a. Titel"; a bare "a)" restates a marker in minutes.
SUBITEM_HEADING = re.compile(r"^(?:[-–•]\s*)?(?P<letter>[a-z])(?P<mark>[.)])\s+(?P<title>\S.*)$")


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


def match_heading(line: Line) -> Heading | None:
    """The item heading a line prints, if any: its number, title, access and style."""
    text = _BULLET.sub("", line.text.strip())
    for style, pattern in (
        ("punkt", PUNKT_HEADING),
        ("access", ACCESS_HEADING),
        ("closed", CLOSED_HEADING),
        ("dotted", DOTTED_HEADING),
        ("dotted", WEAK_LABEL_HEADING),
        ("dotted", BARE_HEADING),
        ("dotted", NUMBER_ALONE),
        ("bare", BARE_SINGLE_HEADING),
    ):
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        number = groups.get("number") or groups.get("marked") or ""
        title = " ".join((groups.get("title") or "").split())
        access = "public"
        title = re.sub(r"^[-–:]\s*", "", title)  # "Pkt. 01 – Valg af dirigent"
        title = title.rstrip(":").rstrip()  # "4. Formandens beretning:" with the minutes under it
        title = WEB_FURNITURE_TAIL.sub("", title)
        if style == "access":
            access = _access_of(match.group("access"))
        elif style == "closed":
            access = "closed"
            inner = match_heading(line.with_text(title)) if title and not number else None
            if inner is not None and inner.number:
                # "Lukket punkt: Punkt 5: Ansættelse …", "LUKKET: • 4. Personalesag"
                number, title = inner.number, inner.title
        elif groups.get("access"):
            access = _access_of(groups["access"])
        # " 1.  1. Godkendelse …": a web page's list number before the typed one.
        title = re.sub(rf"^{re.escape(number)}[.)]\s+(?=[A-ZÆØÅ])", "", title) if number else title
        # FirstAgenda's "(Offentlig)" already says the access; "Eventuelt - åbent" is its title.
        marked = None
        if style != "access":
            title, marked = _strip_access_marks(title)
        if marked is not None:
            access = "closed" if "closed" in (access, marked) else marked
        if style != "access" and re.search(r"\((?:fortrolig|lukket)\)", title, re.I):
            access = "closed"
        if style in ("dotted", "bare") and _looks_like_year(number):
            continue  # "2023. Udgifterne …": a year at the start of a wrapped line, not an item
        return Heading(index=-1, number=number, title=title, access=access, style=style)
    return None


def _looks_like_year(number: str) -> bool:
    return len(number) == 4 and 1900 <= int(number) <= 2100


def _access_of(word: str) -> str:
    return "closed" if word.lower() in CLOSED_ACCESS_WORDS else "public"


def _strip_access_marks(title: str) -> tuple[str, str | None]:
    """Take access markers off the ends of a title: the title without them, and the access
    they say (None when there is none). A title that is only a marker stays as printed."""
    access: str | None = None
    leading = _LEADING_ACCESS.match(title)
    if leading and title[leading.end() :]:
        access = _access_of(leading.group("paren") or leading.group("word"))
        title = title[leading.end() :]
    trailing = _TRAILING_ACCESS.search(title)
    if trailing and title[: trailing.start()].strip():
        word = next(group for group in trailing.groups() if group)
        said = _access_of(word)
        access = "closed" if "closed" in (access, said) else said
        title = title[: trailing.start()].rstrip(" -–")
    return title, access


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


def find_item_headings(lines: list[Line], layout: Layout) -> list[Heading]:
    candidates: list[Heading] = []
    for index, line in enumerate(lines):
        heading = match_heading(line)
        if heading is not None:
            heading.index = index
            heading.title, heading.consumed = _join_title(lines, heading)
            heading.title, heading.rest = _minutes_after_title(heading.title)
            candidates.append(heading)
    marked = _marked_by_access_lines(lines, candidates)
    toc_numbers = {entry.number for entry in layout.toc if entry.number}
    body_size = _body_font_size(lines)
    # "Lukket: 9. …" goes with any numbering style, so it never decides the style.
    styles = Counter(h.style for h in candidates if h.style in ("punkt", "access"))
    if styles:
        # The document has an unambiguous item style; numbered lines are lists.
        dominant = styles.most_common(1)[0][0]
        chosen = [h for h in candidates if h.style == dominant or h.style == "closed"]
    else:
        confirmed = [
            h
            for h in candidates
            if h.style == "closed" or (h.style == "dotted" and _confirmed_dotted(lines, h, toc_numbers, body_size))
        ]
        announcing, announced = _announcements(candidates)
        # A bare "1 Titel" is an item only when announced, under an access line, or set as a
        # heading (bold or larger type, a Word list number, a section heading under it).
        set_as_headings = [
            h for h in candidates if h.style == "bare" and _confirmed_dotted(lines, h, toc_numbers, body_size)
        ]
        vouched = {id(h) for h in announced} | {id(h) for h in marked} | {id(h) for h in set_as_headings}
        candidates = [h for h in candidates if h.style != "bare" or id(h) in vouched]
        for heading in candidates:
            if heading.style == "bare":
                heading.style = "dotted"
        confirmed += [h for h in marked + set_as_headings if h.style == "dotted" and all(h is not c for c in confirmed)]
        confirmed = [h for h in confirmed if all(h is not a for a in announcing)]
        confirmed += [h for h in announced if all(h is not c for c in confirmed)]
        candidates = [
            h for h in candidates if all(h is not a for a in announcing) and not _in_prose_list(lines, h, candidates)
        ]
        chosen = _extend_by_numbering(candidates, sorted(confirmed, key=lambda h: h.index))
    # "1." alone with no title found after it is a list number, not an item.
    chosen = [h for h in chosen if h.title or h.style != "dotted"]
    return chosen or _unnumbered_headings(lines)


def _unnumbered_headings(lines: list[Line]) -> list[Heading]:
    """Where nothing is numbered (Aarhus' web minutes), an item heading is a title line set
    apart (a blank line or bold type before it) with a section heading right under it:
    "Byrådets mødeplan 2020" / "Beslutning". The items get an empty number."""
    found = []
    for index, line in enumerate(lines[:-1]):
        text = line.text.strip()
        set_apart = line.blank_before or line.bold
        if (
            set_apart
            and 3 <= len(text) <= 150
            and text[0].isupper()
            and not text.endswith((".", ":", ";", ","))
            and not is_structural(text)
            and section_kind(lines[index + 1].text)
        ):
            found.append(
                Heading(index=index, number="", title=" ".join(text.split()), access="public", style="unnumbered")
            )
    return found if len(found) >= 2 else []


def _minutes_after_title(title: str) -> tuple[str, str]:
    """ "Valg af dirigent: Kim (have 22) blev valgt" → the title, and the minutes after it."""
    head, colon, rest = title.partition(": ")
    if colon and head and MINUTES_AFTER_TITLE.search(rest) and not MINUTES_AFTER_TITLE.search(head):
        return head.strip(), rest.strip()
    return title, ""


def _marked_by_access_lines(lines: list[Line], candidates: list[Heading]) -> list[Heading]:
    """Headings under or over an access line ("Åbent punkt", "Lukket punkt"): the line says
    their access."""
    marked = []
    for heading in candidates:
        above = lines[heading.index - 1].text.strip() if heading.index else ""
        below_at = heading.index + heading.consumed
        below = lines[below_at].text.strip() if below_at < len(lines) else ""
        match = ACCESS_LINE.match(above) or ACCESS_LINE.match(below)
        if match:
            if heading.access == "public":
                heading.access = _access_of(match.group("word"))
            marked.append(heading)
    return marked


def _tight_runs(candidates: list[Heading]) -> list[list[Heading]]:
    """Runs of numbered lines on consecutive lines, counting up: agenda lists and lists in prose."""
    runs: list[list[Heading]] = []
    for heading in candidates:
        if heading.style != "dotted":
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and last.index == heading.index - 1 and _number_of(last) == (_number_of(heading) or 0) - 1:
            runs[-1].append(heading)
        else:
            runs.append([heading])
    return [run for run in runs if len(run) >= 2]


def _announcements(candidates: list[Heading]) -> tuple[list[Heading], list[Heading]]:
    """Numbered lines that announce a later one with the same number and title (an agenda
    list, a table of contents: close together), and the later ones they announce, which
    are items ("Dagsorden: 1. Valg af dirigent 2. …" and then "1: VALG AF DIRIGENT" with its text)."""
    dotted = [h for h in candidates if h.style in ("dotted", "bare")]
    announcing: list[Heading] = []
    announced: list[Heading] = []
    for position, heading in enumerate(dotted):
        following = dotted[position + 1] if position + 1 < len(dotted) else None
        if following is None or following.index - heading.index > _LISTING_GAP:
            continue
        title = heading.title.casefold()
        later = next(
            (
                h
                for h in dotted[position + 1 :]
                if h.number == heading.number and _same_words(title, h.title.casefold()) and h not in announcing
            ),
            None,
        )
        if later is not None:
            announcing.append(heading)
            if all(later is not h for h in announced):
                announced.append(later)
    announced = [h for h in announced if all(h is not a for a in announcing)]
    return announcing, announced


# An agenda list's entries stand at most this many lines apart (a line or two of remarks under each).
_LISTING_GAP = 8


def _same_words(listed: str, title: str) -> bool:
    # An agenda list may shorten a title, or the heading may wrap it: compare the shorter's words.
    first, second = listed.split(), title.split()
    shorter = min(len(first), len(second))
    return shorter > 0 and first[:shorter] == second[:shorter]


def _in_prose_list(lines: list[Line], heading: Heading, candidates: list[Heading]) -> bool:
    """A numbered line in a list that a sentence introduces ("… spørgsmål om:" then "1. …"),
    directly or after the list's earlier lines; an agenda's own "Dagsorden:" does not count."""
    if heading.style != "dotted":
        return False
    at = {h.index for h in candidates if h.style == "dotted"}
    index = heading.index
    while index - 1 in at:
        index -= 1
    if index == 0:
        return False
    introduction = lines[index - 1].text.strip()
    if section_kind(introduction) in ("attachments", "recommendation", "decision"):
        return True  # "Bilag" / "1. Høringssvar samlet": the section's own list
    return introduction.endswith(":") and not _introduces_agenda(introduction)


def _introduces_agenda(text: str) -> bool:
    words = text.rstrip(":").strip().casefold()
    return (
        words in MEETING_KIND_WORDS
        or "dagsorden" in words
        or words.endswith(("indhold", "indholdsfortegnelse", "punkter"))
    )


def _number_of(heading: Heading) -> int | None:
    return int(heading.number) if heading.number.isdigit() else None


def _extend_by_numbering(candidates: list[Heading], confirmed: list[Heading]) -> list[Heading]:
    """Numbered lines without evidence of their own are items when the numbering says so.

    Where some item headings are confirmed, an unconfirmed "N. Titel" is an item when it
    carries on their numbering (the item before it is N-1, the next confirmed one comes
    after N): "1." bold, "2." plain, "3." bold. Where none is (plain text, a web page),
    the items are the longest run of numbered lines counting 1, 2, 3 … with text between
    them: a numbered list inside an item is shorter, or starts again at 1 inside the run.
    """
    numbered = [h for h in candidates if h.style == "dotted" and _number_of(h) is not None]
    if not any(h.style == "dotted" for h in confirmed):
        run = _longest_run(numbered) or _flat_numbering(numbered)
        return sorted(confirmed + run, key=lambda h: h.index)
    accepted = {id(h) for h in confirmed}
    chosen = list(confirmed)
    sequence = sorted((h for h in confirmed if _number_of(h) is not None), key=lambda h: h.index)
    for heading in numbered:
        if id(heading) in accepted:
            continue
        before = [h for h in sequence if h.index < heading.index]
        after = [h for h in sequence if h.index > heading.index]
        number = _number_of(heading)
        follows = bool(before) and _number_of(before[-1]) == (number or 0) - 1
        if follows and (not after or (_number_of(after[0]) or 0) > (number or 0)):
            accepted.add(id(heading))
            chosen.append(heading)
            sequence = sorted(sequence + [heading], key=lambda h: h.index)
    return sorted(chosen, key=lambda h: h.index)


def _flat_numbering(numbered: list[Heading]) -> list[Heading]:
    """A web page or Word export that lost its list numbers prints every item as "1."
    (Birkeparken's and Brøndby Vester's minutes): numbered lines that all say 1, with text
    between them, are the items, numbered as printed."""
    ones = [h for h in numbered if h.number.lstrip("0") == "1" and h.title]
    spaced = all(b.index - a.index >= 2 for a, b in zip(ones, ones[1:], strict=False))
    return ones if len(ones) >= 2 and len(ones) == len(numbered) and spaced else []


def _longest_run(numbered: list[Heading]) -> list[Heading]:
    """The longest run of headings numbered n, n+1, n+2 … in document order (at least two);
    between runs of the same length, the one with more text between its headings (the
    items, not the agenda list above them)."""
    best_run: list[int] = [1] * len(numbered)
    previous: list[int | None] = [None] * len(numbered)
    # The longest run so far that ends in each number (linear: documents may hold thousands of numbered lines).
    longest_ending_in: dict[int, int] = {}
    for i, heading in enumerate(numbered):
        number = _number_of(heading) or 0
        j = longest_ending_in.get(number - 1)
        if j is not None:
            best_run[i], previous[i] = best_run[j] + 1, j
        current = longest_ending_in.get(number)
        if current is None or best_run[i] >= best_run[current]:
            longest_ending_in[number] = i
    ends = [i for i in range(len(numbered)) if best_run[i] >= 2]
    if not ends:
        return []

    def run_of(end: int) -> list[Heading]:
        run: list[Heading] = []
        at: int | None = end
        while at is not None:
            run.append(numbered[at])
            at = previous[at]
        return run[::-1]

    runs = [run_of(end) for end in ends]
    return max(runs, key=lambda run: (len(run), run[-1].index - run[0].index))


def _body_font_size(lines: list[Line]) -> float | None:
    sizes = Counter(line.font_size for line in lines if line.font_size)
    return sizes.most_common(1)[0][0] if sizes else None


def _confirmed_dotted(lines: list[Line], heading: Heading, toc_numbers: set[str], body_size: float | None) -> bool:
    """A "7. Titel" line is an item only with evidence: the TOC lists it, Word numbered it
    as a heading, it is set bold or larger than the body text, or a case number or a
    section heading follows right under it. A numbered list in prose has none of these."""
    line = lines[heading.index]
    if heading.number in toc_numbers:
        return True
    if line.list_label or (line.style or "").lower().startswith("heading"):
        return True
    if line.bold or (body_size and line.font_size and line.font_size > body_size + 0.5):
        return True
    for following in lines[heading.index + 1 : heading.index + 4]:
        text = following.text
        if CASE_NUMBER_LABEL.match(text) or DECIDED_BY_LABEL.match(text) or DOCUMENT_NUMBER_LABEL.match(text):
            return True
        if section_kind(text) or leading_section(text):
            return True
        if match_heading(following):
            break
    return False


def _join_title(lines: list[Line], heading: Heading) -> tuple[str, int]:
    """Join a title that wraps onto following lines ("… fra mødet den 8." + "november 2024")."""
    title = heading.title
    consumed = 1
    if not title and heading.style in ("punkt", "dotted") and heading.index + 1 < len(lines):
        # "Pkt. 42" or "1." on a line of its own, the title on the next (web minutes).
        following = lines[heading.index + 1]
        text = following.text.strip()
        if text and len(text) < 160 and not is_structural(text) and match_heading(following) is None:
            title, consumed = text, 2
    while heading.index + consumed < len(lines) and consumed < 3:
        current = lines[heading.index + consumed - 1]
        following = lines[heading.index + consumed]
        text = following.text.strip()
        if not text or not title or is_structural(text) or match_heading(following) is not None:
            break
        last_word = title.split()[-1].lower() if title.split() else ""
        continues = last_word in TITLE_CONTINUES_AFTER or title.endswith((",", "-"))
        # (a line of digits alone is a page number in a table of contents, not a title's end)
        lowercase_start = text[0].islower() or (
            text[0].isdigit() and not re.match(r"^\d+[.)]\s", text) and not text.isdigit()
        )
        same_style = current.font_size is None or following.font_size == current.font_size
        if same_style and current.bold == following.bold and (continues or lowercase_start) and len(text) < 120:
            title = (
                f"{title} {text}".strip()
                if not title.endswith("-") or text.split()[0].lower() in ("og", "eller")
                else title + text
            )
            consumed += 1
            continue
        break
    return " ".join(title.split()), consumed


def is_structural(text: str) -> bool:
    return bool(
        section_kind(text)
        or CASE_NUMBER_LABEL.match(text)
        or DOCUMENT_NUMBER_LABEL.match(text)
        or CASE_NUMBER.fullmatch(text.strip())
        or SUBITEM_HEADING.match(text)
        or text.startswith(("-", "•", "–"))
    )


def leading_section(text: str) -> tuple[str, str, str] | None:
    """A section heading in a left column with its first text beside it ("Baggrund | Der er
    modtaget …", a tab or a layout table in the reader): kind, heading and the text.

    Example:
        >>> leading_section("Baggrund | Der er modtaget en henvendelse.")
        ('background', 'Baggrund', 'Der er modtaget en henvendelse.')
    """
    head, separator, rest = text.partition(" | ")
    if not separator or not rest.strip():
        return None
    kind = section_kind(head)
    return (kind, head.strip().rstrip(":"), rest.strip()) if kind else None


def section_kind(text: str) -> str | None:
    stripped = text.strip().rstrip(":").strip()
    if len(stripped) > 140:
        return None
    kind = SECTION_HEADINGS.get(stripped.lower())
    if kind:
        return kind
    if DECISION_HEADING.match(stripped):
        return "decision"
    return _known_heading_with_date(stripped)


# "Sagens forløb 25-03-2019 Magistraten", "Beslutning Byrådet 12.03.2025": a known heading
# followed by a date (and the body that met): the heading's kind.
_DATE_AFTER_HEADING = re.compile(r"^\s*(?:den\s+)?\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b")


def _known_heading_with_date(text: str) -> str | None:
    words = text.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        kind = SECTION_HEADINGS.get(" ".join(words[:size]).lower())
        if kind and _DATE_AFTER_HEADING.match(" ".join(words[size:])):
            return kind
    return None
