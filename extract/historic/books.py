"""Historic minute books (1940s sogneråd): many meetings in one file, in old spelling.

They have no agenda layout: a meeting opens with a sentence ("Sogneraadsmøde paa de
gamles Hjem den 11/2 1941", "Aar 1942 den 19. Januar Kl. 15 afholdt Sogneraadet
ordinært Møde", "Ordinær Møde d. 10/1 1945", "Aaret 1940 den 16/9 afholdt Viby
Sogneraad Møde", Trige's "19 Møde") and ends with signatures; its points are numbered
in the margin in several ways (see "points" below). This module finds those meetings
and points; it is used only for documents that read like such a book (see
:func:`looks_historic`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from referat.extract.dates import MONTHS
from referat.extract.pages import Line

# The books abbreviate months their own way too: "Septbr.", "Novbr.", "Decbr.".
_OLD_MONTHS = {
    "januar": 1,
    "febr.": 2,
    "septbr.": 9,
    "oktbr.": 10,
    "octbr.": 10,
    "novbr.": 11,
    "decbr.": 12,
    "dec.": 12,
    # … and often without the full stop ("Aar 1943 den 4 Febr var Sogneraadet forsamlet").
    "jan": 1,
    "janr": 1,
    "janr.": 1,
    "febr": 2,
    "aug": 8,
    "sept": 9,
    "septbr": 9,
    "okt": 10,
    "oktbr": 10,
    "octbr": 10,
    "nov": 11,
    "novbr": 11,
    "dec": 12,
    "decbr": 12,
    # … and spelt the old way: "2' October", "5' Desember", "4 Mai".
    "october": 10,
    "oct": 10,
    "desember": 12,
    "mai": 5,
}
_ALL_MONTHS = {**MONTHS, **_OLD_MONTHS}
_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in _ALL_MONTHS), key=len, reverse=True))
_FULL_MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
# "den 11/2 1941", "d. 10/1 1945", "den 28 Januar 1942", "Tirsdag, den 14. Januar 1941",
# "Aar 1942 den 19. Januar"
SLASH_DATE = re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[ -.]?(?P<year>(?:19|18)\d\d)\b")
# "Sogneraadsmøde paa de gamles Hjem den 25-3-41", "… d 10/2 42"
SHORT_YEAR_DATE = re.compile(r"\b(?P<day>[0-3]?\d)(?:-(?P<month>[01]?\d)-|/(?P<slash_month>[01]?\d)\s)(?P<year>\d\d)\b")
# "28 Januar 1942", "21' Oktober 1942", "d. 3' Aug.", "d. 4de Dcbr." (the year may be left
# out); the word after the day is a month only if :func:`_month_number` knows it.
_DAY = (
    r"(?P<day>[0-3]?\d)(?:\.?['’´]|\.|ste|nde|die|de|te|ne|d|t)?"  # "8d Januar", "4de Dcbr.", "5t April", "13´ Marts"
)
_MONTH_WORD = r"(?P<month>[A-Za-zÆØÅæøå]{3,}\.?)(?![\wæøå])"
NAMED_DATE = re.compile(rf"\b{_DAY}\s+{_MONTH_WORD}(?:\s+(?P<year>(?:19|18)\d\d)\b)?", re.I)
_WEEKDAY = r"(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:en)?"
# "Aar 1942 den 19. Januar", "Aar 1942 den 8. Septbr. Kl. 19", "Aar 1941. den 18' April",
# "Aar 1943 d 1ste Juni", "Aar 1943 2 Decbr", "Aar 1943 Tirsdag d. 12' Januar", "Aaret 1940, den 3' Juni"
YEAR_FIRST = re.compile(
    rf"\bAar(?:et)?\s+(?P<year>(?:19|18)\d\d)\.?,?\s+(?:{_WEEKDAY},?\s+)?(?:(?:den|d)\.?\s*)?\.?{_DAY}\s+{_MONTH_WORD}",
    re.I,
)
# "Aaret 1940 den 16/9 afholdt Viby Sogneraad"
YEAR_FIRST_SLASH = re.compile(
    rf"\bAar(?:et)?\s+(?P<year>(?:19|18)\d\d)\.?,?\s+(?:{_WEEKDAY},?\s+)?(?:(?:den|d)\.?\s*)?(?P<day>[0-3]?\d)/(?P<month>[01]?\d)\b",
    re.I,
)
# "Kl. 15", "Kl. 19,30", "Kl 1400", "Kl. 7½", "Kl. 7 Aften", "Kl. 5½ Em."
TIME = re.compile(
    r"\bKl\.?\s*(?:(?P<compact>[0-2]\d[0-5]\d)\b|(?P<hour>[0-2]?\d)(?:[.:,](?P<minute>\d\d)\b|\s?(?P<half>½)|\b))"
    r"(?:(?P<afternoon>\.?\s*(?:em\b\.?|eftermiddag|aften))|(?P<morning>\.?\s*(?:fm\b\.?|formiddag|morgen)))?",
    re.I,
)
# Councils in these books meet between 13 and 20 o'clock (every time in the gold). An
# hour of 1 to 7 without "Formiddag" is on the 12-hour clock: "Kl. 7 holdt Tiset
# Sogneraad" is 19:00, "Kl. 2" 14:00. From 8 the hour is taken as written ("Kl. 10" may be
# a morning inspection, "Kl. 20" is already 24-hour), and so is an hour written with
# two digits ("Kl 0700", "Kl. 07").
LAST_AFTERNOON_HOUR = 7

# A line that opens a meeting.
MEETING_OPENING = re.compile(
    r"^(?:(?:ordinært?|ekstraordinært?)\s+)?sogneraadsmøde\b"
    r"|^(?:ordinær|ekstraordinær|ordinært|ekstraordinært|ekstra|extra)\s+møde\b"
    r"|\b(?:af)?holdt(?:es)?\b.{0,60}møde\b"  # "… afholdtes Sogneraadsmøde"
    r"|^\d{1,3}\.?\s+møde$"  # "19 Møde": Trige numbers its meetings
    r"|\bholdtes\s+sogneraadsmøde\b"
    r"|^[\wæøå-]+\s+sogneraad\s+afholdt\b",
    re.I,
)
_CLOSING = re.compile(r"^mødet\s+(?:hævet|sluttet)\.?$", re.I)
# Signature lines: a few capitalised names ("N. Jensen   P. Hansen", "Jens Hedegaard").
_SIGNATURE = re.compile(r"^(?:[A-ZÆØÅ][\wæøå.'-]*\s*){1,8}$")
SOGNERAAD = re.compile(r"sogneraad|sogneforstander|sognefoged", re.I)


@dataclass
class HistoricPoint:
    number: str  # as printed; "" in a book that numbers none
    title: str
    page: int
    line: int  # the index in the meeting's lines where the point starts


@dataclass
class HistoricMeeting:
    lines: list[Line]
    date: str | None = None
    start_time: str | None = None
    body: str | None = None
    points: list[HistoricPoint] = field(default_factory=list)
    # The minutes proper: after the heading (and a "følgende behandledes:" lead-in), before
    # the signatures. A point's text runs from its line to the next point or this end.
    text_end: int = 0

    def point_lines(self, index: int) -> list[Line]:
        """The lines of point ``index``, from its number to the next point or the signatures."""
        end = self.points[index + 1].line if index + 1 < len(self.points) else self.text_end
        return self.lines[self.points[index].line : max(end, self.points[index].line + 1)]


def looks_historic(lines: list[Line]) -> bool:
    """A sogneråd book: the council named in old spelling and two or more dated openings."""
    text = "\n".join(line.text for line in lines[:4000])
    if not SOGNERAAD.search(text):
        return False
    return sum(1 for index in range(len(lines)) if _opens_meeting(lines, index)) >= 2


_WEEKDAY_OPENING = re.compile(r"^(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:en)?,?\s+(?:den|d\.)\s", re.I)


def _opens_meeting(lines: list[Line], index: int) -> bool:
    text = lines[index].text.strip()
    if text[:1].islower() and not re.match(r"aar\b|sogneraadsmøde|ordinær|ekstraordinær", text, re.I):
        return False  # "… at der berammes" / "afholdt Aastedsmøde …" continues a sentence
    two_lines = " ".join(line.text for line in lines[index : index + 2])
    if not (
        MEETING_OPENING.search(text)
        # "Aar 1942 den 19. Januar …", "Aaret 1940 den 16/9 …", "Aar 1943 var Sogneraadet forsamlet"
        # — not "Aaret 1944/45" or "Aaret 1944 ved Anskaffelse af Saasæd" in a point's text
        or YEAR_FIRST.match(text)
        or YEAR_FIRST_SLASH.match(text)
        or re.match(r"aar\s+\d{4}\s+var\s+sogneraadet", text, re.I)
        # (a weekday and a date alone, "Torsdag d. 3/12 42 Kl. 10", may name an inspection)
        or (_WEEKDAY_OPENING.match(text) and _date_in(text, short_years=False))
        # "Onsdagen den 28 Januar 1942 afholdt Sogneraadet" / "Møde i Forsamlingshuset"
        or (
            re.search(r"\b(?:af)?holdt", text, re.I)
            and re.search(r"\b(?:af)?holdt\b.{0,80}\bmøde\b", two_lines, re.I)
            and _date_in(text)
        )
    ):
        return False
    # "Mødet blev afholdt paa 100 Aarsdagen …" is about the meeting, not its opening:
    # an opening names the date (on its line or the next two), or names the council as
    # a heading — not as the last word of a sentence ("… paa næste\nSogneraadsmøde.").
    nearby = " ".join(line.text for line in lines[index : index + 3])
    if _date_in(nearby):
        return True
    if re.match(
        r"^[\wæøå-]+\s+sogneraad\s+afholdt|^(?:(?:ordinært?|ekstraordinært?)\s+)?sogneraadsmøde\s*$|^\d{1,3}\.?\s+møde$",
        text,
        re.I,
    ):
        return True
    # Elev dates its meetings only under them ("Elev Sogneraad d. 5/4 1945") and opens them,
    # after a blank line, "Sogneraadet afholdt i Dag Møde" or "I Dag afholdtes Sogneraadsmøde".
    # (Without the blank line, "Sogneraadet afholdt Møde" may be a heading's second line:
    # "Onsdag Den 13´ Marts 1940 har" / "Sogneraadet afholdt Møde i Haarup".)
    return (index == 0 or lines[index].blank_before) and bool(
        re.match(r"^sogneraadet\s+afholdt|^i\s+dag\s+(?:af)?holdtes\s+sogneraadsmøde", text, re.I)
    )


def _month_number(word: str) -> int | None:
    """A month as the books write it: "Januar", "Febr.", "Septbr", "Septmb.", "Nvbr", "Dcbr."
    — a listed form, or the first letter and then some of the month's letters in order."""
    lower = word.lower()
    if lower in _ALL_MONTHS:
        return _ALL_MONTHS[lower]
    lower = lower.rstrip(".")
    if lower in _ALL_MONTHS:
        return _ALL_MONTHS[lower]

    def within(name: str) -> bool:
        letters = iter(name)
        return all(letter in letters for letter in lower)

    found = [number for number, name in enumerate(_FULL_MONTHS, 1) if lower[:1] == name[0] and within(name)]
    return found[0] if len(found) == 1 and len(lower) >= 3 else None


def _month_of(match: re.Match) -> str:
    return match.group("month") or match.groupdict().get("slash_month") or ""


def _date_in(text: str, book_year: int | None = None, short_years: bool = True) -> str | None:
    patterns = (YEAR_FIRST, YEAR_FIRST_SLASH, NAMED_DATE, SLASH_DATE) + ((SHORT_YEAR_DATE,) if short_years else ())
    for pattern in patterns:
        match = next((m for m in pattern.finditer(text) if _month_of(m).isdigit() or _month_number(_month_of(m))), None)
        if not match:
            continue
        month = _month_of(match)
        month_number = int(month) if month.isdigit() else _month_number(month) or 0
        if not match.group("year") and book_year is None:
            continue
        day, year = int(match.group("day")), int(match.group("year") or book_year)
        year += 1900 if year < 100 else 0
        if 1 <= month_number <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month_number:02d}-{day:02d}"
    return None


def _time_in(text: str) -> str | None:
    match = TIME.search(text)
    if not match:
        return None
    if match.group("compact"):
        hour, minute = int(match.group("compact")[:2]), int(match.group("compact")[2:])
    else:
        hour, minute = int(match.group("hour")), int(match.group("minute") or (30 if match.group("half") else 0))
    if match.group("afternoon") and hour < 12:
        hour += 12  # "Kl. 7 Aften", "Kl. 6 Em." (eftermiddag)
    elif not match.group("morning") and len(match.group("hour") or "") == 1 and 1 <= hour <= LAST_AFTERNOON_HOUR:
        hour += 12  # "Kl. 7", not "Kl 0700" or "Kl. 07"
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def split_historic(lines: list[Line]) -> list[HistoricMeeting]:
    """Meetings of a historic minute book, each with its date, time, council and points."""
    openings = [index for index in range(len(lines)) if _opens_meeting(lines, index)]
    # "Mødet hævet" closes a meeting; the next one opens after the signatures under it.
    closings = [index for index, line in enumerate(lines) if _CLOSING.match(line.text.strip())]
    if len(closings) >= 2:
        for closing in closings:
            after = closing + 1
            while after < len(lines) and _SIGNATURE.match(lines[after].text.strip()):
                after += 1
            # (a signature the pattern misses, ".P.Sørensen.", or a page's "1941." may
            # stand between them and the next heading)
            if after < len(lines) and not any(0 <= opening - after <= 6 for opening in openings):
                openings.append(after)
        openings.sort()
    # An opening line followed at once by its date line ("Ordinært Sogneraadsmøde" /
    # "Tirsdag, den 14. Januar 1941.") is one opening.
    merged: list[int] = []
    for index in openings:
        if merged and index - merged[-1] <= 2:
            continue
        merged.append(index)
    meetings = []
    bounds = ([0] if merged and merged[0] > 0 else []) + merged + [len(lines)]
    # The margin's "1" may be written on the line above the heading (Ormslev:
    # "1" / "Ordinær Møde d. 8/1 1941 - Kl 1400" / the first point's text).
    margin_one = {start for start in merged if start > 0 and re.fullmatch(r"1\.?", lines[start - 1].text.strip())}
    # The margin column is narrower than the text column: a quarter of the book's lines
    # are longer than its typical text line, and a margin line is well short of it.
    lengths = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    narrow = 0.6 * lengths[len(lengths) * 3 // 4] if lengths else 0.0
    paragraphs = _sets_points_apart(lines)
    # A book covers about a year: a date printed without one takes the book's most common year.
    years = Counter(
        int(date[:4])
        for start in merged
        for date in [_date_in(" ".join(l.text for l in lines[start : start + 3]))]
        if date
    )
    book_year = years.most_common(1)[0][0] if years else None
    for start, end in zip(bounds, bounds[1:]):
        if end in margin_one:
            end -= 1
        block = lines[start:end]
        if start in margin_one:
            block = [lines[start], lines[start - 1], *lines[start + 1 : end]]
        if not block:
            continue
        head = " ".join(line.text for line in block[:3])
        # The heading's own line first: "… d 8/4 1941" / "… Lov af 31 Marts 1941".
        date = _date_in(block[0].text) or _date_in(head) or _signature_date(block) or _date_in(head, book_year)
        meeting = HistoricMeeting(
            lines=block,
            date=date,
            start_time=_time_in(head),
            body="Sogneraadet"
            if SOGNERAAD.search(head) or SOGNERAAD.search(" ".join(l.text for l in block[-6:]))
            else None,
        )
        meeting.points = _points(
            block, leading=start == 0 and start not in merged, narrow=narrow, paragraphs=paragraphs
        )
        texts = [line.text.strip() for line in block]
        meeting.text_end = _signatures_start(texts, _body_start(texts))
        while meeting.text_end > 1 and _CLOSING_LINE.match(texts[meeting.text_end - 1]):
            meeting.text_end -= 1  # "Mødet hævet" closes the minutes; it is no point's text
        meetings.append(meeting)
    # Some books number no points at all (Beder-Malling, Elev): there each paragraph of a
    # meeting is one matter, kept as a point without a number, so that no minutes are lost.
    # In a book that numbers its points, a meeting without any (an election board's) has
    # none: that is the gold's reading.
    if meetings and 2 * sum(1 for meeting in meetings if meeting.points) < len(meetings):
        for meeting in meetings:
            if not meeting.points:
                meeting.points = _paragraph_points(meeting)
    return meetings


def _paragraph_points(meeting: HistoricMeeting) -> list[HistoricPoint]:
    """The paragraphs of a meeting's minutes (blank-line separated) as unnumbered points."""
    texts = [line.text.strip() for line in meeting.lines]
    start = _body_start(texts)
    points: list[HistoricPoint] = []
    paragraph: list[int] = []

    def close() -> None:
        text = "\n".join(texts[index] for index in paragraph)
        if not paragraph or not re.search(r"[A-Za-zÆØÅæøå]{3}", text) or _CLOSING_LINE.match(text):
            return
        if paragraph[0] == start == 0 and re.search(r"møde", " ".join(texts[index] for index in paragraph[:3]), re.I):
            # The heading ("Sogneraadsmøde paa de gamles Hjem den 11/2 1941", "I Dag afholdtes
            # Sogneraadsmøde hvor følgende / Sager var til Behandling.") is no matter; what
            # follows it in the same paragraph is.
            heading_end = next(
                (n for n, index in enumerate(paragraph[:3]) if texts[index].endswith((".", ":"))),
                min(len(paragraph), 3) - 1,
            )
            paragraph[: heading_end + 1] = []
            if not paragraph:
                return
            text = "\n".join(texts[index] for index in paragraph)
        if points and _is_verdict(texts[paragraph[0]]):
            return  # the decision set apart under its matter ("Bevilges 25 Kr."): the matter's text runs on
        points.append(HistoricPoint("", _first_sentence(text), meeting.lines[paragraph[0]].page, paragraph[0]))

    for index in range(start, meeting.text_end):
        if not texts[index]:
            continue
        if meeting.lines[index].blank_before and paragraph:
            close()
            paragraph = []
        paragraph.append(index)
    close()
    return points


def _signature_date(block: list[Line]) -> str | None:
    # "Elev Sogneraad den 2/12 1940" under the minutes.
    for line in reversed(block[-8:]):
        if SOGNERAAD.search(line.text):
            date = _date_in(line.text)
            if date:
                return date
    return None


# --- points ------------------------------------------------------------------------
#
# How the books number their points (each is a rule below):
#   "1. Tekst", "3) Tekst", "11, Tekst"        the number and the point's text on one line
#   "1" or "1." alone                           a margin number, the text on the next line;
#                                               Tiset repeats it before the decision
#   "14 a) Tekst", "4. a) Tekst"                the number opens with its first sub-point;
#                                               "8 b)", "1. j)" after it belong to the point
#   "ad 3. Til Efterretning"                    the decision column (Hasle): it confirms a
#                                               point, or is the only trace of one
#   text, "2.", "Til Efterretning"              the margin number written beside the
#                                               decision, below its text (Ormslev)
# A number counts when it continues the sequence; ordinals at a line start ("1. Klasse",
# "Punkt" / "1. Hvis …") and numbers in lists do not. A point's title is the first
# sentence of its text; without a full stop the text ends where the decision, a list or a
# new sentence starts. Most transcriptions set a point's text apart from its decision and
# from the next point with a blank line (``Line.blank_before``): in such a book the text
# ends there too, unless the sentence plainly runs on over a page turn. Where the blank
# line is absent, or the book leaves one only where a page turned (Todbjerg-Mejlby),
# those starts are recognised by their words.

# "1. Tekst", "3) Tekst", "11, Tekst" — the text may not start in lower case ("1. og 3.
# Søndag", "9. ds. til Godkendelse" continue a sentence).
_NUMBERED = re.compile(r"^(?P<number>\d{1,3})(?:[.,]\s+|\)\s*)(?P<text>[^\sa-zæøå].*)$")
_BARE = re.compile(r"^\.?\s*(?P<number>\d{1,3})\s*[.,]?$")
_NUMBERED_SUB = re.compile(r"^(?P<number>\d{1,3})\s*[.,]?\s*(?P<letter>[a-zæø])\)\s*(?P<text>.*)$")
_AD = re.compile(r"^ad\s+(?P<number>\d{1,3})\b", re.I)
_SUB_POINT = re.compile(r"^[a-zæø]\)")
# "1. Januar 1942 at regne", "2. Behandling": an ordinal at a line start.
_ORDINAL_NOUN = re.compile(rf"^(?:{_MONTH_NAMES})(?![\wæøå])|^(?:behandling|klasse|termin|prioritet|søndag|gang)", re.I)
# The sentence that hands over to the points: "Til Behandling forelaa:", "følgende
# forhandledes", "Følgende Sager behandledes:", "Der forelaa til Behandling".
# The phrase ends its sentence: "Til Behandling forelaa et Forslag …" is a point's text.
_AGENDA_INTRO = re.compile(
    r"(?:til\s+behandling(?:en)?\s+forelaa|følgende\s+(?:sager\s+)?(?:forhandledes|behandledes)"
    r"|forhandledes\s+følgende|forelaa\s+til\s+behandling|derefter\s+foretages|^dagsorden)\s*[.:;]?\s*(?:$|(?-i:[A-ZÆØÅ]))",
    re.I,
)
# The margin's decision: a verdict word first ("Nægtedes", "bev. 10 Kr.", "Udsat."), a
# subject and then one ("Tilskud bevilgedes, men"), or a decision sentence ("Man vedtog",
# "Til Efterretning", "Kunde ikke bevilges").
_VERDICT_WORDS = {
    "vedtoges",
    "vedtages",
    "vedtaget",
    "bevilges",
    "bevilgedes",
    "bevilget",
    "bevilliges",
    "bevilligedes",
    "bevilliget",
    "bev",
    "nægtedes",
    "nægtes",
    "godkendtes",
    "godkendes",
    "godkendt",
    "valgtes",
    "vagtes",
    "valgt",
    "genvalgtes",
    "genvalgt",
    "nyvalgt",
    "nyvalg",
    "ansættes",
    "udsættes",
    "udsat",
    "anbefales",
    "anbefaledes",
    "anbefalet",
    "tiltrædes",
    "tiltraadt",
    "afslaaet",
    "afslaas",
    "fastsættes",
    "fastholdes",
    "overlades",
    "overlodes",
    "henlægges",
    "henvistes",
    "henvises",
    "foresloges",
    "uddeles",
    "ophæves",
    "nedsættes",
    "indstilles",
    "besvares",
}
_DITTO = re.compile(r"^(?:do|dito|〃)\.?$", re.I)  # "do": the same decision as above
_DECISION_SENTENCE = re.compile(
    r"^(?:Til\s*[Ee]fterretning|Tages\s+til\s+[Ee]fterretning|Kunde?\s+ikke|Kan\s+ikke|Kunne\s+ikke|Fandtes\b"
    r"|Man\s+(?:vedtog|bevilgede|godkendte|besluttede|henstillede|henstiller|overlod|overdrog|valgte|anbefalede)\b"
    r"|Det\s+(?:vedtoges|vedtages|overlodes|overlades|besluttedes)\b|Der\s+(?:bevilges|bevilgedes|overlades|nedsættes)\b"
    r"|Sogneraadet\s+(?:vedtog|vedtager|bevilgede|godkender|godkendte|ønskede|fandt|kan|maa|besluttede|vil|skal|har"
    r"|tiltraadte|tiltræder|anbefaler|overlod)\b)"
)
# Words that open a new sentence: nouns are capitalised in these books, so a capitalised
# pronoun, conjunction or preposition at a line start begins a sentence of its own.
_SENTENCE_OPENERS = {
    "da",
    "der",
    "det",
    "den",
    "de",
    "dette",
    "denne",
    "disse",
    "man",
    "han",
    "hun",
    "hvis",
    "naar",
    "men",
    "som",
    "saa",
    "hertil",
    "herefter",
    "derefter",
    "endvidere",
    "desuden",
    "ligeledes",
    "efter",
    "ved",
    "i",
    "paa",
    "til",
    "fra",
    "for",
    "med",
    "om",
    "under",
    "ifølge",
}
# A line ending in one of these words goes on: the sentence cannot end there.
_FUNCTION_WORDS = {
    "af",
    "til",
    "fra",
    "for",
    "om",
    "i",
    "paa",
    "på",
    "med",
    "ved",
    "og",
    "eller",
    "samt",
    "at",
    "en",
    "et",
    "den",
    "det",
    "de",
    "der",
    "som",
    "mellem",
    "under",
    "over",
    "efter",
    "hos",
    "ang",
    "angaaende",
    "vedrørende",
    "mod",
    "uden",
    "hvor",
    "naar",
    "saa",
    "idet",
    "hvorved",
    "hvilket",
    "men",
    "da",
    "end",
}
_CLOSING_LINE = re.compile(r"^(?:oplæst[.\-]?\s*)?mødet\s+(?:hævet|sluttet)|^oplæst\b|^forhandlingen\s+oplæst", re.I)
_NAME_LINE = re.compile(r"^(?:[A-ZÆØÅ][\wæøå.'-]*,?\s*){1,5}$")
# A bracket of a few words belongs to the text ("(Præstegaardsjorden)", "(Snog");
# a longer one is a remark of its own ("(Direktør Merlin … vil være til Stede …").
_SHORT_BRACKET = re.compile(r"^\((?:[^()\s]+(?:\s+[^()\s]+){0,2}\)|[^()\s]+$)")


@dataclass
class _Candidate:
    index: int
    number: int
    printed: str
    kind: str  # "numbered", "bare", "sub", "ad"
    text: str = ""


def _candidate(text: str) -> _Candidate | None:
    if match := _AD.match(text):
        return _Candidate(-1, int(match.group("number")), match.group("number"), "ad")
    if match := _NUMBERED_SUB.match(text):
        return _Candidate(-1, int(match.group("number")), match.group("number"), "sub", match.group("text").strip())
    if match := _BARE.match(text):
        return _Candidate(-1, int(match.group("number")), match.group("number"), "bare")
    if (match := _NUMBERED.match(text)) and not _ORDINAL_NOUN.match(match.group("text")):
        return _Candidate(
            -1, int(match.group("number")), match.group("number"), "numbered", match.group("text").strip()
        )
    return None


def _verdict_word_first(text: str) -> bool:
    """ "Nægtedes", "bev. 10 Kr.", "do", "Indstillingen tiltrædes": a bare verdict."""
    words = [w.strip(".,;:") for w in text.split()]
    if not words:
        return False
    if words[0].lower() in _VERDICT_WORDS or _DITTO.match(text) or re.match(r"^til\s*efterretning", text, re.I):
        return True
    return _subject_verdict(words)


def _subject_verdict(words: list[str]) -> bool:
    """ "Indstillingen tiltrædes", "Tilskud bevilgedes, men": a noun, then the verdict."""
    return (
        len(words) > 1
        and words[0][:1].isupper()
        and words[0].lower() not in _SENTENCE_OPENERS
        and words[1].lower() in _VERDICT_WORDS
    )


def _is_verdict(text: str) -> bool:
    """A line a decision starts with."""
    return _verdict_word_first(text) or bool(_DECISION_SENTENCE.match(text))


def _ends_open(title: str) -> bool:
    """The title's last line ends on a word the sentence cannot end with."""
    words = title.split()
    return bool(words) and words[-1].lower() in _FUNCTION_WORDS


def _stops_title(text: str, title: str, current: int | None, election: bool) -> bool:
    """Whether a line after a point's first line starts something else than its text."""
    if not text or _SUB_POINT.match(text) or _CLOSING_LINE.match(text) or _CLOSING.match(text):
        return True
    if re.search(r"[\wæøå]{2}:$", title.rstrip()):
        return True  # "Ansøgninger om Udstykninger:" and the list under it
    candidate = _candidate(text)
    if candidate:
        # Another number stops the text — unless it cannot be a point here and the
        # sentence runs on ("… i Overensstemmelse med Punkt" / "1. Hvis …").
        if candidate.kind in ("ad", "sub") or current is None or current <= candidate.number <= current + 3:
            return True
        return _sentence_end(title + "\n") is not None
    if _ends_open(title):
        return False
    if text[:1].islower():
        # A short verdict is the decision ("… Nørregade 43 København" / "nægtedes"), but
        # completes a text that opened with an adverbial ("Til en Fest for de arbejdsløse" /
        # "bevilgedes 200 Kr.") and a longer line runs on ("forventes" / "godkendt, idet …").
        opens_with_adverbial = title.split()[0].lower() in _SENTENCE_OPENERS if title.split() else False
        return _verdict_word_first(text) and len(text.split()) <= 3 and "," not in text and not opens_with_adverbial
    if _subject_verdict([w.strip(".,;:") for w in text.split()]) and re.search(r"\s[a-zæøå]+(?:e|ig|isk)$", title):
        return False  # "… til midlertidig" / "Have henvistes til …": the adjective's noun
    if _is_verdict(text):
        return True
    # Lists under the point: "Matr. Nr. 221 g tilh. …", ditto marks ('" " 13 b').
    if re.match(r'^(?:matr\.?\s*nr\b|"\s)', text, re.I):
        return True
    if text.startswith("(") and not _SHORT_BRACKET.match(text):
        return True  # "(Direktør Merlin … vil være til Stede …)": a remark of its own
    first = text.split()[0].strip(".,;:")
    if first.lower() in _SENTENCE_OPENERS:
        return True
    # "Valg af Maskintilsynsmand og Stedfortræder" / "Mekaniker Walther": the names elected.
    return election and bool(_NAME_LINE.match(text))


def _runs_on(title: str, following: str) -> bool:
    """Whether a sentence runs on over a blank line: some books leave one where the page
    turns ("… anmoder Sogneraadet" / "" / "om Tilskud."): the title ends in a broken word or
    a word the sentence cannot end with, or the next line goes on in lower case — unless
    that is a verdict, the decision under the point ("" / "nægtedes", "do.")."""
    if _candidate(following) or _is_verdict(following):
        return False
    return bool(re.search(r"[-=]$", title)) or _ends_open(title) or following[:1].islower()


def _forward_title(
    texts: list[str], start: int, first: str, current: int | None, end: int, blanks: list[bool], limit: int = 30
) -> tuple[str, int]:
    """The point's text from ``first`` on, over the lines after ``start`` that continue it;
    the title is its first sentence. Returns the title and the last line index used."""
    title = first
    election = bool(re.match(r"^(?:gen|ny)?valg\b", first, re.I))
    index = start
    while index + 1 < min(end, len(texts)) and index - start < limit:
        following = texts[index + 1]
        if blanks[index + 1] and not _runs_on(title, following):
            break  # a blank line ends the point's paragraph
        # A full stop at the line end ends the text unless the next line runs on in lower case.
        if _sentence_end(title + "\n") is not None and not (
            following[:1].islower() and not _verdict_word_first(following)
        ):
            break
        if _stops_title(following, title, current, election):
            break
        title = f"{title}\n{following}"
        index += 1
    return _first_sentence(title), index


def _backward_text(texts: list[str], end: int, floor: int, narrow: float) -> str | None:
    """The paragraph just above ``end`` and after ``floor``: a point's text written before
    its margin number. It stops at a decision, a number, or a line of the narrower margin
    column, and needs one line of the text column's width."""

    def usable(text: str) -> bool:
        return bool(text) and not _candidate(text) and not _is_verdict(text) and not _CLOSING_LINE.match(text)

    index = end - 1
    if index <= floor or not usable(texts[index]):
        return None
    while index - 1 > floor and usable(texts[index - 1]) and len(texts[index - 1]) >= narrow:
        index -= 1
    if all(len(text) < narrow for text in texts[index:end]):
        return None
    return _first_sentence("\n".join(texts[index:end]))


def _numbers_after_text(candidates: list[_Candidate], texts: list[str]) -> bool:
    """Ormslev style: most margin numbers stand beside their decision, below the text."""
    seen: set[int] = set()
    beside_decision = total = 0
    for candidate in candidates:
        if candidate.kind != "bare" or candidate.number in seen:
            continue
        seen.add(candidate.number)
        total += 1
        following = texts[candidate.index + 1] if candidate.index + 1 < len(texts) else ""
        beside_decision += _verdict_word_first(following)
    return total >= 2 and beside_decision * 2 >= total


def _body_start(texts: list[str]) -> int:
    for index, text in enumerate(texts[:12]):
        if _AGENDA_INTRO.search(text):
            return index + 1
    return 0


def _sequence_number(candidates: list[_Candidate], position: int, last: int) -> int | None:
    """The place in the sequence a candidate takes, or None when it does not continue it:
    the next number; a number after a gap that the following numbers continue; a stray
    digit beside the expected number ("910." after 9, "145." after 13); a misprint between n and n + 2
    ("3.", "7.", "5.")."""
    number = candidates[position].number
    expected = last + 1
    if number == expected:
        return number
    if number <= last:
        return None
    printed, wanted = candidates[position].printed, str(expected)
    if len(wanted) > 1 and len(printed) > len(wanted) and (printed.endswith(wanted) or printed.startswith(wanted)):
        return expected
    following = next((c.number for c in candidates[position + 1 :] if c.kind != "ad" and c.number > last), None)
    if following == number + 1 and number - last <= 3:
        return number
    if following == expected + 1 and last:
        return expected
    return None


def _sets_points_apart(lines: list[Line]) -> bool:
    """Whether the book's blank lines are paragraph breaks: most of its point numbers stand
    after one. (Some transcriptions leave a blank line only where a page turned.)"""
    numbers = [line for line in lines if _candidate(line.text.strip())]
    return len(numbers) >= 3 and 2 * sum(line.blank_before for line in numbers) >= len(numbers)


def _signatures_start(texts: list[str], start: int) -> int:
    """Where the signatures under the minutes (and a "20 Møde" heading of the next) begin:
    they end every text."""
    signatures = len(texts)
    while signatures and not texts[signatures - 1]:
        signatures -= 1
    while (
        signatures > start + 1
        and (_SIGNATURE.match(texts[signatures - 1]) or re.match(r"^\d+(?:\.|\s+[Mm]øder?)?$", texts[signatures - 1]))
        and not _ends_open(texts[signatures - 2])  # "… Kasse- og" / "Regnskabsudvalget."
    ):
        signatures -= 1
    # The short line dating the minutes above the signatures ("Elev Sogneraad d. 5/4 1945").
    last = texts[signatures - 1] if signatures > start + 1 else ""
    if signatures < len(texts) and len(last.split()) <= 6 and SOGNERAAD.search(last) and _date_in(last):
        signatures -= 1
    return signatures


def _points(
    block: list[Line], leading: bool = False, narrow: float = 0.0, paragraphs: bool = False
) -> list[HistoricPoint]:
    """The numbered points of one meeting, with their titles (see the rules above). In a
    book that sets its points apart with blank lines (``paragraphs``), a blank line ends a
    point's text."""
    texts = [line.text.strip() for line in block]
    blanks = [paragraphs and line.blank_before for line in block]
    start = _body_start(texts)
    candidates = []
    for index in range(start, len(texts)):
        candidate = _candidate(texts[index])
        if candidate:
            candidate.index = index
            candidates.append(candidate)
    after_text = _numbers_after_text(candidates, texts)
    signatures = _signatures_start(texts, start)
    printed_numbers = {c.number for c in candidates if c.kind != "ad"}
    points: list[HistoricPoint] = []
    last = 0
    # Lines up to ``floor`` belong to the heading or to earlier points.
    floor = start - 1 if start or leading else 0
    for position, candidate in enumerate(candidates):
        index = candidate.index
        if candidate.kind == "ad" and (candidate.number <= last or candidate.number in printed_numbers):
            # "ad N" is the decision of point N, printed after it or, out of order, before.
            floor = max(floor, index)
            continue
        if candidate.kind == "sub" and candidate.number == last:
            continue  # "8 b)": a later sub-point of point 8
        place = candidate.number if not points and leading else _sequence_number(candidates, position, last)
        if place is None:
            continue
        stray = place < candidate.number and str(place) in (
            candidate.printed[: len(str(place))],
            candidate.printed[-len(str(place)) :],
        )
        printed = str(place) if stray else candidate.printed
        used = index
        title = ""
        following = texts[index + 1] if index + 1 < len(texts) else ""
        if candidate.kind == "numbered" or (candidate.kind == "sub" and candidate.text):
            title, used = _forward_title(texts, index, candidate.text, place, signatures, blanks)
        elif candidate.kind == "ad":
            # A point printed without its number just above its "ad N", or not at all.
            title = _backward_text(texts, index, floor, narrow) or ""
        else:
            # The margin number beside its decision: the text is above it.
            beside_decision = _verdict_word_first(following) or not following
            before = _backward_text(texts, index, floor, narrow) if after_text or beside_decision else None
            if before:
                title = before
            elif (
                following
                and not _candidate(following)
                and not _verdict_word_first(following)
                and not _CLOSING_LINE.match(following)
            ):
                title, used = _forward_title(texts, index + 1, following, place, signatures, blanks)
        points.append(HistoricPoint(printed, title, block[index].page, index))
        last = place
        floor = max(floor, used)
    return points


# A full stop ends the title unless it closes a number ("1. Behandling") or an
# abbreviation ("Kr.", "ang.", "Ndr.", "Matr. Nr.", "Skr.", "Landbrugsm.", "Grd.").
_FULL_STOP = re.compile(r"\.\)?(?=\s+[A-ZÆØÅ(\"]|\s*$)")
_ABBREVIATIONS = {
    "kr",
    "ang",
    "angaa",
    "ndr",
    "sdr",
    "nrd",
    "matr",
    "nr",
    "tilh",
    "sædv",
    "vedr",
    "mht",
    "bl",
    "pr",
    "ca",
    "jf",
    "jvf",
    "st",
    "hr",
    "frk",
    "dr",
    "ass",
    "skr",
    "cirk",
    "medd",
    "bek",
    "min",
    "off",
    "arb",
    "komm",
    "stk",
    "grd",
    "gdr",
    "fhv",
    "fmd",
    "frmd",
    "smst",
    "ds",
    "ugl",
    "mdl",
    "md",
    "kvt",
    "kvtl",
    "kv",
    "iflg",
    "ifl",
    "ift",
    "evt",
    "paag",
    "afd",
    "anl",
    "adr",
    "tlf",
    "do",
    "vedk",
    "politibetj",
    "toldass",
    "arbmd",
    "murerm",
    "snedkerm",
    "tømrerm",
    "købmd",
    "kgl",
    "gl",
    "ord",
    "ekstraord",
    "alm",
    "fl",
    "mm",
    "mv",
    "el",
    "jan",
    "janr",
    "febr",
    "aug",
    "sept",
    "septbr",
    "okt",
    "oktbr",
    "octbr",
    "nov",
    "novbr",
    "dec",
    "decbr",
    "kl",
    "etc",
    "inkl",
    "ekskl",
    "ovenn",
    "herv",
    "sogneraadsm",
    # first names written short: "Chr. Jensen", "Fr. Vilh. Bording", "Johs. Andersen"
    "chr",
    "th",
    "fr",
    "vilh",
    "wilh",
    "joh",
    "johs",
    "jac",
    "ingv",
    "vald",
    "sv",
    "rs",
    "hj",
    "mich",
    "fred",
}
# Units may end a sentence after a number ("… for 5000 Kr.", "… indenfor 10 km.").
_UNITS = {"kr", "km", "øre", "pct", "tdr", "tdl", "ha", "rm"}
_VOWELS = set("aeiouyæøåAEIOUYÆØÅ")


def _is_abbreviation(word: str, before: str, at_line_end: bool) -> bool:
    lower = word.lower()
    if word.isdigit():
        # "1. Klasse", "22. Decbr.": an ordinal — unless a year or an amount ends the
        # sentence, a number is referred to ("… med Punkt 1."), or the line ends with it
        # ("… Stok 13 og 14." / "Rækkehusene …").
        referred = re.search(r"(?:punkt|pkt\.?)\s*\d+$", before, re.I)
        year = re.search(r"/\d+$|\d/\d+\s+\d\d$", before)  # "1941/42.", "30/6 42."
        return len(word) <= 2 and not year and not at_line_end and not referred
    if word[-1].isdigit():
        return False  # "… pr. m2."
    if lower in _UNITS and re.search(r"\d\s*$", before[: len(before) - len(word)]):
        return False
    if len(word) == 1:
        # An initial ("J. P. Rørholm") — but "p.a." closes an interest rate.
        return not re.search(r"\bp\.a$", before, re.I)
    if lower in _ABBREVIATIONS or lower.endswith("sm") or not (_VOWELS & set(word)):
        return True  # "Skr.", "Landbrugsm.", "Gdr."
    return bool(re.search(r"[^aeiouyæøå]{4}$", lower))  # "Vurderingsfmd."


def _sentence_end(text: str) -> int | None:
    """Index just after the first full stop that ends a sentence, or None. A line break
    may follow the full stop ("\\n"); an ordinal is never at a line end."""
    for match in _FULL_STOP.finditer(text):
        # Only the text just before the dot decides (the word, "Punkt 1", "1941/42"): a
        # window, not all of it, or a line of 30 000 digits and dots takes minutes (a
        # "[\w]+$" search from every position, and a copy of the text at every dot).
        before = text[max(0, match.start() - _ABBREVIATION_WINDOW) : match.start()]
        word = _WORD_AT_END.search(before)
        at_line_end = _LINE_END.match(text, match.end()) is not None
        if word and _is_abbreviation(word.group(1), before, at_line_end):
            continue
        return match.end()
    return None


_ABBREVIATION_WINDOW = 200
_WORD_AT_END = re.compile(r"([\wæøå]+)$")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


def _first_sentence(text: str) -> str:
    # "Ejendom-" / "men": a word broken before a syllable that is also a word.
    text = re.sub(r"(?<=[\wæøå])-\n(?=(?:men|til|end)\b)", "", text)
    end = _sentence_end(text)
    return " ".join((text[:end] if end else text).split())
