"""Danish dates, periods and deadlines: our own grammar, the one place dates are read.

The structure stage takes a meeting's date from it (:func:`first_full_date`); enrichment
takes every date mention with its span, precision and kind (:func:`find_dates`). Only the
1940s minute books (historic.py) add forms of their own ("11/2 1941", "3' Aug.").

dateparser returns nothing for most of these and reads "kl. 10" as the year 2010, so
each form the documents use is a rule here, tried most specific first; matches never
overlap. Conventions (../shared/CONTRACT.md): primo/medio/ultimo are the first,
middle and last third (month: 1–10, 11–20, 21–end; year: Jan–Apr, May–Aug, Sep–Dec);
forår Mar–May, sommer Jun–Aug, efterår Sep–Nov, vinter Dec–Feb; "uge 48" is the ISO
week; a date without a year takes the year that puts it nearest the meeting date.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from referat.extract.textscan import lower_keeping_offsets, merged_stretches

MONTHS = {
    "januar": 1,
    "februar": 2,
    "marts": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    "jan.": 1,
    "feb.": 2,
    "febr.": 2,
    "mar.": 3,
    "apr.": 4,
    "jun.": 6,
    "jul.": 7,
    "aug.": 8,
    "sep.": 9,
    "sept.": 9,
    "okt.": 10,
    "nov.": 11,
    "dec.": 12,
}
_MONTH = "(?P<month>" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")(?![\wæøå])"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
_OPT_YEAR = rf"(?:\s+{_YEAR})?"
_DAY = r"(?P<day>[0-3]?\d)\."
_WEEKDAY = r"(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:\s+(?:den|d\.))?\s+)?"
_PREFIX = r"(?:(?:den|d\.)\s*)?"

PART_OF = {
    "primo": 0,
    "start": 0,
    "starten": 0,
    "begyndelsen": 0,
    "første del": 0,
    "medio": 1,
    "midten": 1,
    "ultimo": 2,
    "slutningen": 2,
    "udgangen": 2,
    "enden": 2,
    "sidste del": 2,
}
_PART = r"(?P<part>primo|medio|ultimo|(?:i\s+)?(?:starten|begyndelsen|midten|slutningen|enden)\s+af|(?:ved\s+)?udgangen\s+af)"
ORDINALS = {"1": 1, "2": 2, "3": 3, "4": 4, "første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4, "sidste": 4}
SEASONS = {"forår": (3, 5), "sommer": (6, 8), "efterår": (9, 11), "vinter": (12, 2)}

DEADLINE_CUE = re.compile(
    r"\b(senest|inden|til og med|(?:frist(?:en)?|deadline)(?:\s+(?:er|var|for\s+\w+))?|ved udgangen af|før|forud for)"
    r"\s*(?:den|d\.|i|ved|med)?\s*$",
    re.I,
)
# "Dette senest på møde d. 8. november 2024": "senest" meaning "most recently" is no deadline.
MEETING_CUE = re.compile(r"\b(møde\w*|rådsmøde\w*|udvalgsmøde\w*)\b", re.I)
EVENT_CUE = re.compile(r"\b(topmøde\w*|konference\w*|seminar\w*|workshop\w*|temadag\w*|høring\w*)\b", re.I)
PUBLICATION_CUE = re.compile(r"\b(offentligg\w*|udkomm\w*|udgiv\w*|udgivelse\w*|publicer\w*|udsend\w*)\b", re.I)
FRAME_YEAR = re.compile(r"(?:frem mod|frem til|siden|for)\s", re.I)
PERIOD_CUE = re.compile(r"\b(i perioden|perioden)\s*$", re.I)
# Prepositions that make a bare year a time expression ("i 2026"), not part of a name.
YEAR_PREPOSITION = (
    r"(?P<prep>\b(?:i|siden|fra|til|frem mod|frem til|inden|efter|før|indtil|i løbet af|gennem|år|for)\s+)"
)


@dataclass(frozen=True)
class DateMatch:
    """One date expression: where it is in the text and what span of days it means."""

    start_char: int
    end_char: int
    text: str
    start: datetime.date
    end: datetime.date
    precision: str
    kind: str


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _nearest_year(month: int, day: int, reference: datetime.date | None) -> int | None:
    if reference is None:
        return None
    best = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = datetime.date(year, month, min(day, _last_day(year, month)))
        except ValueError:
            continue
        distance = abs((candidate - reference).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _month_part(year: int, month: int, part: int) -> tuple[datetime.date, datetime.date]:
    bounds = [(1, 10), (11, 20), (21, _last_day(year, month))][part]
    return datetime.date(year, month, bounds[0]), datetime.date(year, month, bounds[1])


def _year_part(year: int, part: int) -> tuple[datetime.date, datetime.date]:
    months = [(1, 4), (5, 8), (9, 12)][part]
    return datetime.date(year, months[0], 1), datetime.date(year, months[1], _last_day(year, months[1]))


def _part_index(word: str) -> int:
    word = re.sub(r"^(?:i|ved)\s+|\s+af$", "", word.lower()).strip()
    return PART_OF[word]


# Each rule: (name, compiled pattern, builder(match, reference) -> (start, end, precision) | None)
def _day(m, ref):
    month = MONTHS[m.group("month").lower()]
    day = int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else _nearest_year(month, day, ref)
    if year is None:
        return None
    date = datetime.date(year, month, day)
    return date, date, "day"


def _day_range(m, ref):
    month = MONTHS[m.group("month").lower()]
    first, last = int(m.group("day")), int(m.group("day2"))
    year = int(m.group("year")) if m.group("year") else _nearest_year(month, first, ref)
    if year is None or last < first:
        return None
    return datetime.date(year, month, first), datetime.date(year, month, last), "day"


def _iso(m, ref):
    date = datetime.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    return date, date, "day"


def _numeric(m, ref):
    day, month, year = int(m.group("nd")), int(m.group("nm")), int(m.group("ny"))
    if year < 100:
        year += 2000
    date = datetime.date(year, month, day)
    return date, date, "day"


def _part_month(m, ref):
    month = MONTHS[m.group("month").lower()]
    year = int(m.group("year")) if m.group("year") else _nearest_year(month, 15, ref)
    if year is None:
        return None
    start, end = _month_part(year, month, _part_index(m.group("part")))
    return start, end, "part_of_month"


def _part_year(m, ref):
    start, end = _year_part(int(m.group("year")), _part_index(m.group("part")))
    return start, end, "year_part"


def _quarter(m, ref):
    quarter = ORDINALS[m.group("ord").lower()]
    year = int(m.group("year")) if m.group("year") else (ref.year if ref else None)
    if year is None:
        return None
    first_month = 3 * (quarter - 1) + 1
    return (
        datetime.date(year, first_month, 1),
        datetime.date(year, first_month + 2, _last_day(year, first_month + 2)),
        "quarter",
    )


def _half(m, ref):
    half = ORDINALS[m.group("ord").lower()]
    if half not in (1, 2):
        return None
    year = int(m.group("year")) if m.group("year") else (ref.year if ref else None)
    if year is None:
        return None
    return (
        (datetime.date(year, 1, 1), datetime.date(year, 6, 30), "half")
        if half == 1
        else (datetime.date(year, 7, 1), datetime.date(year, 12, 31), "half")
    )


def _season(m, ref):
    name = re.sub(r"(?:et|en)$", "", m.group("season").lower())
    year = int(m.group("year")) if m.group("year") else (ref.year if ref else None)
    if year is None or name not in SEASONS:
        return None
    first, last = SEASONS[name]
    if name == "vinter":
        return datetime.date(year, 12, 1), datetime.date(year + 1, 2, _last_day(year + 1, 2)), "season"
    return datetime.date(year, first, 1), datetime.date(year, last, _last_day(year, last)), "season"


def _week(m, ref):
    week = int(m.group("week"))
    year = int(m.group("year")) if m.group("year") else (ref.year if ref else None)
    if year is None or not 1 <= week <= 53:
        return None
    start = datetime.date.fromisocalendar(year, week, 1)
    return start, start + datetime.timedelta(days=6), "week"


def _month(m, ref):
    month = MONTHS[m.group("month").lower()]
    year = int(m.group("year")) if m.group("year") else _nearest_year(month, 15, ref)
    if year is None:
        return None
    return datetime.date(year, month, 1), datetime.date(year, month, _last_day(year, month)), "month"


def _years(m, ref):
    first, last = int(m.group("y1")), int(m.group("y2"))
    if last < 100:
        last += first // 100 * 100
    if not first < last <= first + 100:
        return None
    return datetime.date(first, 1, 1), datetime.date(last, 12, 31), "years"


def _year(m, ref):
    year = int(m.group("year"))
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"


RULES = [
    (
        "day_range",
        re.compile(rf"{_WEEKDAY}{_PREFIX}{_DAY}\s*[-–]\s*(?P<day2>[0-3]?\d)\.\s*{_MONTH}{_OPT_YEAR}", re.I),
        _day_range,
    ),
    ("day", re.compile(rf"{_WEEKDAY}{_PREFIX}{_DAY}\s*{_MONTH}{_OPT_YEAR}", re.I), _day),
    (
        "numeric",
        re.compile(
            r"(?<![\d.])(?:(?:den|d\.)\s*)?(?P<nd>[0-3]?\d)[./-](?P<nm>[01]?\d)[./-](?P<ny>(?:19|20)\d{2})(?![\d.]\d)",
            re.I,
        ),
        _numeric,
    ),
    ("iso", re.compile(r"(?<![\d-])(?P<iy>(?:19|20)\d{2})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d-])"), _iso),
    ("part_month", re.compile(rf"{_PART}\s+{_MONTH}{_OPT_YEAR}", re.I), _part_month),
    ("part_year", re.compile(rf"{_PART}\s+{_YEAR}", re.I), _part_year),
    (
        "quarter",
        re.compile(
            rf"(?P<ord>[1-4]|første|andet|tredje|fjerde|sidste)\.?\s*kvartal(?:\s+(?:af\s+|i\s+)?{_YEAR})?", re.I
        ),
        _quarter,
    ),
    (
        "half",
        re.compile(rf"(?P<ord>[12]|første|andet|anden|sidste)\.?\s*halvår(?:et)?(?:\s+(?:af\s+|i\s+)?{_YEAR})?", re.I),
        _half,
    ),
    (
        "season",
        re.compile(
            rf"(?:i\s+)?(?P<season>foråret|forår|sommeren|sommer|efteråret|efterår|vinteren|vinter)(?![\wæøå]){_OPT_YEAR}",
            re.I,
        ),
        _season,
    ),
    ("week", re.compile(rf"\buge\s+(?P<week>\d{{1,2}})(?!\d)(?:\s+{_YEAR})?", re.I), _week),
    ("month", re.compile(rf"(?<![\wæøå.]){_MONTH}{_OPT_YEAR}", re.I), _month),
    ("years", re.compile(r"(?<![\d\w-])(?P<y1>(?:19|20)\d{2})\s*[-–]\s*(?P<y2>(?:19|20)?\d{2})(?![\d-])"), _years),
    # Not the first year of a range: "fra 2017-2024" is the range.
    ("year", re.compile(rf"{YEAR_PREPOSITION}{_YEAR}(?!\s*[-–]\s*(?:19|20)?\d\d(?!\d))", re.I), _year),
    ("year_and", re.compile(rf"(?<=\d{{4}})(?P<prep>\s+(?:og|eller|samt)\s+){_YEAR}", re.I), _year),
    # "(2022)" after an agreement's name; "2026:" as a list label in a status table.
    ("year_cited", re.compile(rf"(?<=\(){_YEAR}(?=\))"), _year),
    ("year_label", re.compile(rf"(?:^|(?<=\n)|(?<=[-•] )){_YEAR}(?=:)"), _year),
]
_BUILDERS = {name: builder for name, _, builder in RULES}

# Cheap tests before a rule's regex runs at all: most section texts hold no date.
_SEASON_WORDS = ("forår", "sommer", "efterår", "vinter")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_MONTH_STEM_SET = set(_MONTH_STEMS)
_PART_WORDS = ("primo", "medio", "ultimo", "start", "begyndelsen", "midten", "slutningen", "enden", "udgangen")
_CUE_WORD = re.compile("|".join(_MONTH_STEMS + _SEASON_WORDS + _PART_WORDS + ("kvartal", "halvår", "uge")))
RULE_CUES: dict[str, object] = {
    "day_range": "month",
    "day": "month",
    "month": "month",
    "part_month": "month",
    "part_year": ("primo", "medio", "ultimo", "start", "begyndelsen", "midten", "slutningen", "enden", "udgangen"),
    "quarter": ("kvartal",),
    "half": ("halvår",),
    "season": _SEASON_WORDS,
    "week": ("uge",),
}

# "maj" and friends are also ordinary words in a few idioms; a month alone must stand
# after a preposition or before a year to count.
_MONTH_ALONE_CUE = re.compile(
    r"\b(i|fra|til|siden|inden|efter|før|primo|medio|ultimo|indtil|frem mod|frem til|i løbet af|,)\s*$", re.I
)


# Every date expression holds one of these (a year, "4. m", "20.12", a month, a period
# word); the rules run only on short stretches of text around them (13 rules over a
# 100-page text cost ~185 ms). Searched in lower-cased text. Every alternative starts
# with a literal character, so the regex engine skips in C to the positions that can
# start one (a word-start check, where needed, comes after the first letters).
def _anchor_pattern() -> str:
    digits = []
    for digit in "0123456789":
        year = {"1": "9\\d\\d|", "2": "0\\d\\d|"}.get(digit, "")
        digits.append(f"{digit}(?:{year}\\.\\s*[a-zæøå]|[./-]\\d)")
    months = [
        f"{m}(?<!\\w{m})[a-z.]"
        for m in ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
    ]
    words = ["kvartal", "halvår", "forår", "sommer", "efterår", "vinter", "uge(?<!\\wuge)\\s*\\d"]
    return "|".join(digits + words + months)


DATE_ANCHOR = re.compile(_anchor_pattern())
# How far a date expression reaches before and after an anchor inside it: "mandag den
# 12.-13. maj", "i begyndelsen af marts", "ved udgangen af 2026" start ≤ 17 characters
# before theirs; "kvartal af 2026" ends 15 after. Generous margins, then out to whitespace.
_REACH_BEFORE, _REACH_AFTER = 40, 30
# Rules with no cue word need a year or a numeric date in their stretch.
_YEAR_IN = re.compile(r"(?:19|20)\d\d")
_NUMERIC_IN = re.compile(r"\d[./-]\d")
_NEEDS_YEAR = {"years", "year", "year_and", "year_cited", "year_label"}


def find_dates(text: str, reference: datetime.date | None = None) -> list[DateMatch]:
    """Dates in ``text``: the grammar run on the stretches around anchors.

    Example:
        >>> [d.text for d in find_dates("Intet her.\\nOffentliggøres medio marts\\n2026 ved et møde.")]
        ['medio marts\\n2026']
    """
    found: list[DateMatch] = []
    lower = lower_keeping_offsets(text)  # offsets hold
    stretches = merged_stretches(
        (_back_to_space(text, max(0, anchor.start() - _REACH_BEFORE)), _to_space(text, anchor.end() + _REACH_AFTER))
        for anchor in DATE_ANCHOR.finditer(lower)
    )
    for start, end in stretches:
        for match in _find_dates_in(text, lower, start, end, reference):
            if not found or match.start_char >= found[-1].end_char:
                found.append(match)
    return found


# A stretch is widened to whitespace, but only this far: in a 100 000-character run with
# no space ("1.1.1.…") every anchor would otherwise walk to its end (quadratic).
_WORD_REACH = 50


def _to_space(text: str, position: int) -> int:
    """The first whitespace at or after ``position`` (or the end), so a stretch does not end inside a word."""
    limit = min(len(text), position + _WORD_REACH)
    while position < limit and not text[position].isspace():
        position += 1
    return min(position, len(text))


def _back_to_space(text: str, position: int) -> int:
    limit = max(0, position - _WORD_REACH)
    while position > limit and not text[position - 1].isspace():
        position -= 1
    return position


def _find_dates_in(
    text: str, lower: str, stretch_start: int, stretch_end: int, reference: datetime.date | None
) -> list[DateMatch]:
    """Every date expression within ``text[stretch_start:stretch_end]``, leftmost and longest
    first, without overlap. The rules see the whole text around the stretch (their
    lookbehinds, the cue words before a date and its sentence), but match only inside it.

    Example:
        >>> [(d.text, str(d.start), str(d.end), d.precision) for d in find_dates("offentliggøres medio marts 2026")]
        [('medio marts 2026', '2026-03-11', '2026-03-20', 'part_of_month')]
    """
    candidates: list[tuple[int, int, str, re.Match]] = []
    stretch = lower[stretch_start:stretch_end]
    present = set(_CUE_WORD.findall(stretch))
    has_month = bool(present & _MONTH_STEM_SET)
    has_year = _YEAR_IN.search(stretch) is not None
    for name, pattern, builder in RULES:
        cue = RULE_CUES.get(name)
        if cue is not None and not (has_month if cue == "month" else present.intersection(cue)):
            continue
        if (name in _NEEDS_YEAR and not has_year) or (name == "numeric" and not _NUMERIC_IN.search(stretch)):
            continue
        for match in pattern.finditer(text, stretch_start, stretch_end):
            start = match.start()
            if name in ("year_and", "year_cited", "year_label"):
                start = match.start("year")  # "i 2027 og 2030": the second mention is "2030"
            candidates.append((start, match.end(), name, match))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    taken: list[DateMatch] = []
    occupied_until = -1
    for start, end, name, match in candidates:
        if start < occupied_until:
            continue
        if (
            name == "month"
            and not match.group("year")
            and not _MONTH_ALONE_CUE.search(text[max(0, start - 20) : start])
        ):
            continue
        try:
            built = _BUILDERS[name](match, reference)
        except (ValueError, KeyError):
            built = None
        if built is None:
            continue
        first, last, precision = built
        surface = text[start:end].strip()
        taken.append(DateMatch(start, end, surface, first, last, precision, _kind(text, start, end, name)))
        occupied_until = end
    return taken


# Where a sentence ends: a full stop before a space or line break, or a blank line
# (PDF text puts spaces on its blank lines). Searched at most this far from a date.
_SENTENCE_BREAK = re.compile(r"\.(?=\s)|\n[ \t\f]*\n")
_SENTENCE_REACH = 600
_LIST_LEAD_IN_LINES = 12


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], as far as full stops and blank lines tell.

    Example:
        >>> _sentence_around("Intet. Mødet er 3. maj.\\n \\nAndet.", 16, 22)
        ' Mødet er 3. maj'
    """
    first = max(0, start - _SENTENCE_REACH)
    sentence_start = first
    for match in _SENTENCE_BREAK.finditer(text, first, start):
        # "3. maj": a full stop after a number is an ordinal, not a sentence end.
        if match.group() != "." or not text[match.start() - 1 : match.start()].isdigit():
            sentence_start = match.end()
    sentence_end = min(len(text), end + _SENTENCE_REACH)
    for match in _SENTENCE_BREAK.finditer(text, end, sentence_end):
        if match.group() != "." or not text[match.start() - 1 : match.start()].isdigit():
            sentence_end = match.start()
            break
    return text[sentence_start:sentence_end]


def _kind(text: str, start: int, end: int, rule: str) -> str:
    """deadline > period > publication > meeting > event: a date is when something happens."""
    # "til og med **d. 10. marts 2026**": emphasis marks and brackets between cue and date.
    before = text[max(0, start - 40) : start].rstrip(" *_\"'(\n")
    sentence = _sentence_around(text, start, end)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if not text[line_start:start].strip() and not text[end : line_end if line_end >= 0 else len(text)].strip():
        # A date alone on its line is an entry in a list of dates ("Herunder udkast til
        # mødeplan for 2025" above six dates, each with a place under it): the list's
        # lead-in, some lines up, says what they are.
        lead_in_start = line_start
        for _ in range(_LIST_LEAD_IN_LINES):
            lead_in_start = text.rfind("\n", 0, max(0, lead_in_start - 1)) + 1
        sentence = text[lead_in_start:start] + sentence
    surface = text[start:end].lower()
    if (
        DEADLINE_CUE.search(before + " ")
        or DEADLINE_CUE.search(before)
        or surface.startswith(("ved udgangen", "udgangen"))
    ):
        return "deadline"
    if rule == "years" or PERIOD_CUE.search(before):
        return "period"
    # "frem mod 2030", "siden 2021", "for 2025": a year as a frame for something else
    # (a goal, a trend, a budget), not the time of an event.
    if rule == "year" and FRAME_YEAR.match(text, start):
        return "other"
    if PUBLICATION_CUE.search(sentence):
        return "publication"
    if MEETING_CUE.search(sentence) and not EVENT_CUE.search(sentence):
        return "meeting"
    return "event"


def first_full_date(text: str) -> str | None:
    """The first date in ``text`` printed with day, month and year, as YYYY-MM-DD.

    Example:
        >>> first_full_date("tirsdag den 4. december 2012, kl. 13:00"), first_full_date("Dato: 04.12.2012")
        ('2012-12-04', '2012-12-04')
        >>> first_full_date("den 22. august") is None  # no year printed
        True
    """
    # Without a reference date a year-less date cannot be placed, so it is not found.
    for match in find_dates(text, None):
        if match.precision == "day":
            return match.start.isoformat()
    return None


def date_context(texts: list[str]) -> datetime.date | None:
    """A reference date for a meeting that prints none: the median of the fully dated
    mentions in its text (day, month and year printed), else the middle of its median year.

    Example:
        >>> date_context(["aftalen af 3. juli 2023 og notatet af 25. april 2023", "i 2023"])
        datetime.date(2023, 7, 3)
    """
    days = sorted(m.start for text in texts for m in find_dates(text, None) if m.precision == "day")
    if days:
        return days[len(days) // 2]
    years = sorted(m.start.year for text in texts for m in find_dates(text, None) if m.precision == "year")
    return datetime.date(years[len(years) // 2], 7, 1) if years else None


# A quoted title: an opening quote at a word's start, the closing one at a word's end,
# at most three lines apart and no blank line between ("'Monitorering af forløbstider på
# kræftområdet – 4. kvartal 2025'").
_QUOTED = re.compile(
    r"(?<!\w)(?P<open>['‘\"“„«])(?=\w)(?:[^'’\"”»\n]|\n(?![ \t]*\n)){3,300}?(?<=[\w.)?!])['’\"”»](?!\w)"
)
# "Bilag 5: Monitorering af … – 4. kvartal 2025": an attachment's title line.
_ATTACHMENT_LINE = re.compile(r"^[ \t]*(?:[-•][ \t]*)?Bilag\b[^\n:]{0,12}:[^\n]*", re.M)


def name_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` that are titles, not prose: quoted titles and "Bilag N:" lines.

    A date inside them belongs to a name (a report's "– 4. kvartal 2025"), not to the meeting.

    Example:
        >>> text = "Udkast til 'Status – 4. kvartal 2025' sendes i 2026."
        >>> [text[a:b] for a, b in name_spans(text)]
        ["'Status – 4. kvartal 2025'"]
    """
    spans = [match.span() for match in _QUOTED.finditer(text)] if any(q in text for q in "'‘\"“„«") else []
    if "Bilag" in text:
        spans += [match.span() for match in _ATTACHMENT_LINE.finditer(text)]
    return sorted(spans)


def iter_dates(text: str, reference: datetime.date | None) -> Iterator[dict]:
    """The contract's DateMention fields for each date mentioned in ``text``: the
    grammar's dates less those inside titles (:func:`name_spans`)."""
    names = name_spans(text)
    for match in find_dates(text, reference):
        if names and any(start <= match.start_char and match.end_char <= end for start, end in names):
            continue
        yield {
            "text": match.text,
            "kind": match.kind,
            "start": match.start.isoformat(),
            "end": match.end.isoformat(),
            "precision": match.precision,
        }
