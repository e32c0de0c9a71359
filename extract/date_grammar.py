"""The date grammar: one rule per form the documents write a date, period or deadline in.

Each rule in :data:`RULES` is (name, compiled pattern, builder); the builder turns a match
and the reference (meeting) date into (first day, last day, precision), or None when the
match means no date. :mod:`referat.extract.dates` runs the rules, most specific first, on
the stretches of text that can hold a date.

Conventions (../shared/CONTRACT.md): primo/medio/ultimo are the first, middle and last
third (month: 1–10, 11–20, 21–end; year: Jan–Apr, May–Aug, Sep–Dec); forår Mar–May,
sommer Jun–Aug, efterår Sep–Nov, vinter Dec–Feb; "uge 48" is the ISO week; a date
without a year takes the year that puts it nearest the meeting date.

Example:
    >>> name, pattern, builder = RULES[1]
    >>> name, builder(pattern.search("mødet den 4. december 2012"), None)
    ('day', (datetime.date(2012, 12, 4), datetime.date(2012, 12, 4), 'day'))
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable

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
# The full month names as a regex alternation ("januar|februar|…"), for patterns that
# need a written month.
MONTH_NAMES = "|".join(month for month in MONTHS if not month.endswith("."))
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
_PART = (
    r"(?P<part>primo|medio|ultimo|(?:i\s+)?(?:starten|begyndelsen|midten|slutningen|enden)\s+af"
    r"|(?:ved\s+)?udgangen\s+af)"
)
ORDINALS = {"1": 1, "2": 2, "3": 3, "4": 4, "første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4, "sidste": 4}
SEASONS = {"forår": (3, 5), "sommer": (6, 8), "efterår": (9, 11), "vinter": (12, 2)}
# Prepositions that make a bare year a time expression ("i 2026"), not part of a name.
YEAR_PREPOSITION = (
    r"(?P<prep>\b(?:i|siden|fra|til|frem mod|frem til|inden|efter|før|indtil|i løbet af|gennem|år|for)\s+)"
)


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
Built = tuple[datetime.date, datetime.date, str]
Builder = Callable[[re.Match[str], datetime.date | None], Built | None]


def _day(m: re.Match[str], ref: datetime.date | None) -> Built | None:
    month = MONTHS[m.group("month").lower()]
    day = int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else _nearest_year(month, day, ref)
    if year is None:
        return None
    date = datetime.date(year, month, day)
    return date, date, "day"


def _day_range(m: re.Match[str], ref: datetime.date | None) -> Built | None:
    month = MONTHS[m.group("month").lower()]
    first, last = int(m.group("day")), int(m.group("day2"))
    year = int(m.group("year")) if m.group("year") else _nearest_year(month, first, ref)
    if year is None or last < first:
        return None
    return datetime.date(year, month, first), datetime.date(year, month, last), "day"


def _iso(m: re.Match[str], ref: datetime.date | None) -> Built | None:
    date = datetime.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    return date, date, "day"


def _numeric(m: re.Match[str], ref: datetime.date | None) -> Built | None:
    day, month, year = int(m.group("nd")), int(m.group("nm")), int(m.group("ny"))
    if year < 100:
        year += 2000
    date = datetime.date(year, month, day)
    return date, date, "day"


def _part_month(m: re.Match[str], ref: datetime.date | None) -> Built | None:
    month = MONTHS[m.group("month").lower()]
    year = int(m.group("year")) if m.group("year") else _nearest_year(month, 15, ref)
    if year is None:
        return None
    start, end = _month_part(year, month, _part_index(m.group("part")))
    return start, end, "part_of_month"


def _part_year(m: re.Match[str], ref: datetime.date | None) -> Built | None:
    start, end = _year_part(int(m.group("year")), _part_index(m.group("part")))
    return start, end, "year_part"


def _quarter(m: re.Match[str], ref: datetime.date | None) -> Built | None:
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


def _half(m: re.Match[str], ref: datetime.date | None) -> Built | None:
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


def _season(m: re.Match[str], ref: datetime.date | None) -> Built | None:
    name = re.sub(r"(?:et|en)$", "", m.group("season").lower())
    year = int(m.group("year")) if m.group("year") else (ref.year if ref else None)
    if year is None or name not in SEASONS:
        return None
    first, last = SEASONS[name]
    if name == "vinter":
        return datetime.date(year, 12, 1), datetime.date(year + 1, 2, _last_day(year + 1, 2)), "season"
    return datetime.date(year, first, 1), datetime.date(year, last, _last_day(year, last)), "season"


def _week(m: re.Match[str], ref: datetime.date | None) -> Built | None:
    week = int(m.group("week"))
    year = int(m.group("year")) if m.group("year") else (ref.year if ref else None)
    if year is None or not 1 <= week <= 53:
        return None
    start = datetime.date.fromisocalendar(year, week, 1)
    return start, start + datetime.timedelta(days=6), "week"


def _month(m: re.Match[str], ref: datetime.date | None) -> Built | None:
    month = MONTHS[m.group("month").lower()]
    year = int(m.group("year")) if m.group("year") else _nearest_year(month, 15, ref)
    if year is None:
        return None
    return datetime.date(year, month, 1), datetime.date(year, month, _last_day(year, month)), "month"


def _years(m: re.Match[str], ref: datetime.date | None) -> Built | None:
    first, last = int(m.group("y1")), int(m.group("y2"))
    if last < 100:
        last += first // 100 * 100
    if not first < last <= first + 100:
        return None
    return datetime.date(first, 1, 1), datetime.date(last, 12, 31), "years"


def _year(m: re.Match[str], ref: datetime.date | None) -> Built | None:
    year = int(m.group("year"))
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"


RULES: list[tuple[str, re.Pattern[str], Builder]] = [
    (
        "day_range",
        re.compile(rf"{_WEEKDAY}{_PREFIX}{_DAY}\s*[-–]\s*(?P<day2>[0-3]?\d)\.\s*{_MONTH}{_OPT_YEAR}", re.I),
        _day_range,
    ),
    ("day", re.compile(rf"{_WEEKDAY}{_PREFIX}{_DAY}\s*{_MONTH}{_OPT_YEAR}", re.I), _day),
    # "Onsdag den 15-maj-2002" (an older system's date field)
    ("day_dashed", re.compile(rf"{_WEEKDAY}{_PREFIX}(?<![\d-])(?P<day>[0-3]?\d)-{_MONTH}-{_YEAR}", re.I), _day),
    (
        "numeric",
        re.compile(
            r"(?<![\d.])(?:(?:den|d\.)\s*)?(?P<nd>[0-3]?\d)[./-](?P<nm>[01]?\d)[./-](?P<ny>(?:19|20)\d{2})(?![\d.]\d)",
            re.I,
        ),
        _numeric,
    ),
    # "d. 28/4-22": day and month with a slash, the year's last two digits after a dash (after
    # "den" or "d." only: "14/40-22" alone may be a case number)
    (
        "numeric_short",
        re.compile(r"(?<![\d./-])(?:den|d\.)\s*(?P<nd>[0-3]?\d)/(?P<nm>[01]?\d)-(?P<ny>\d{2})(?![\d./-])", re.I),
        _numeric,
    ),
    # "2018-08-27", "Referat-2024-04-03", and year first with stops or slashes ("2018.08.27")
    (
        "iso",
        re.compile(
            r"(?<![\d.])(?<!\d[-./])(?P<iy>(?:19|20)\d{2})(?P<sep>[-./])(?P<im>[01]\d)(?P=sep)(?P<id>[0-3]\d)(?![\d-]|\.\d)"
        ),
        _iso,
    ),
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
BUILDERS = {name: builder for name, _, builder in RULES}
