"""Dates and times as the 1940s books write them: old month spellings and abbreviations,
slashed and short-year dates, the year first ("Aar 1942 den 19. Januar"), and "Kl." times
on the afternoon clock the councils met by."""

from __future__ import annotations

import re

from referat.extract.dates import MONTHS

# The books abbreviate months their own way too: "Septbr.", "Novbr.", "Decbr.".
OLD_MONTHS = {
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
ALL_MONTHS = {**MONTHS, **OLD_MONTHS}
# Every listed month form, longest first, as a regex alternation ("1. Januar 1942 at regne"
# starts with an ordinal, not a point number).
MONTH_NAMES = "|".join(sorted((re.escape(m) for m in ALL_MONTHS), key=len, reverse=True))
# The months written out, for the forms no list can hold: "Septmb.", "Nvbr", "Dcbr.".
FULL_MONTHS = (
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
# "den 11/2 1941", "d. 10/1 1945"
SLASH_DATE = re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[ -.]?(?P<year>(?:19|18)\d\d)\b")
# "Sogneraadsmøde paa de gamles Hjem den 25-3-41", "… d 10/2 42"
SHORT_YEAR_DATE = re.compile(r"\b(?P<day>[0-3]?\d)(?:-(?P<month>[01]?\d)-|/(?P<slash_month>[01]?\d)\s)(?P<year>\d\d)\b")
# "28 Januar 1942", "21' Oktober 1942", "d. 3' Aug.", "d. 4de Dcbr." (the year may be left
# out); the word after the day is a month only if :func:`month_number` knows it. The day
# may carry an ordinal's mark: "8d Januar", "4de Dcbr.", "5t April", "13´ Marts".
DAY = r"(?P<day>[0-3]?\d)(?:\.?['’´]|\.|ste|nde|die|de|te|ne|d|t)?"
MONTH_WORD = r"(?P<month>[A-Za-zÆØÅæøå]{3,}\.?)(?![\wæøå])"
NAMED_DATE = re.compile(rf"\b{DAY}\s+{MONTH_WORD}(?:\s+(?P<year>(?:19|18)\d\d)\b)?", re.I)
# "Tirsdag", "Onsdagen": a weekday before the date.
WEEKDAY = r"(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:en)?"
# "Aar 1942 den 19. Januar", "Aar 1942 den 8. Septbr. Kl. 19", "Aar 1941. den 18' April",
# "Aar 1943 d 1ste Juni", "Aar 1943 2 Decbr", "Aar 1943 Tirsdag d. 12' Januar", "Aaret 1940, den 3' Juni"
YEAR_FIRST = re.compile(
    rf"\bAar(?:et)?\s+(?P<year>(?:19|18)\d\d)\.?,?\s+(?:{WEEKDAY},?\s+)?(?:(?:den|d)\.?\s*)?\.?{DAY}\s+{MONTH_WORD}",
    re.I,
)
# "Aaret 1940 den 16/9 afholdt Viby Sogneraad"
YEAR_FIRST_SLASH = re.compile(
    rf"\bAar(?:et)?\s+(?P<year>(?:19|18)\d\d)\.?,?\s+(?:{WEEKDAY},?\s+)?(?:(?:den|d)\.?\s*)?(?P<day>[0-3]?\d)/(?P<month>[01]?\d)\b",
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


def month_number(word: str) -> int | None:
    """A month as the books write it: "Januar", "Febr.", "Septbr", "Septmb.", "Nvbr", "Dcbr."
    — a listed form, or the first letter and then some of the month's letters in order.

    >>> [month_number(word) for word in ("Januar", "Septmb.", "Dcbr.", "Ma", "Paa")]
    [1, 9, 12, None, None]
    """
    lower = word.lower()
    if lower in ALL_MONTHS:
        return ALL_MONTHS[lower]
    lower = lower.rstrip(".")
    if lower in ALL_MONTHS:
        return ALL_MONTHS[lower]

    def within(name: str) -> bool:
        letters = iter(name)
        return all(letter in letters for letter in lower)

    found = [number for number, name in enumerate(FULL_MONTHS, 1) if lower[:1] == name[0] and within(name)]
    return found[0] if len(found) == 1 and len(lower) >= 3 else None


def _month_of(match: re.Match[str]) -> str:
    return match.group("month") or match.groupdict().get("slash_month") or ""


def _names_a_month(match: re.Match[str]) -> bool:
    month = _month_of(match)
    return month.isdigit() or bool(month_number(month))


def date_in(text: str, book_year: int | None = None, short_years: bool = True) -> str | None:
    """The first date in ``text`` as ISO, the most specific form first; a date printed
    without its year takes ``book_year`` (or is no date without one).

    >>> date_in("Aar 1942 den 8. Septbr. Kl. 19 afholdt Sogneraadet Møde")
    '1942-09-08'
    >>> date_in("Sogneraadsmøde paa de gamles Hjem den 25-3-41")
    '1941-03-25'
    >>> date_in("Mødet d. 4de Dcbr."), date_in("Mødet d. 4de Dcbr.", book_year=1943)
    (None, '1943-12-04')
    """
    patterns = (YEAR_FIRST, YEAR_FIRST_SLASH, NAMED_DATE, SLASH_DATE) + ((SHORT_YEAR_DATE,) if short_years else ())
    for pattern in patterns:
        match = next((m for m in pattern.finditer(text) if _names_a_month(m)), None)
        if not match:
            continue
        month = _month_of(match)
        number = int(month) if month.isdigit() else month_number(month) or 0
        year = int(match.group("year")) if match.group("year") else book_year
        if year is None:
            continue
        day = int(match.group("day"))
        year += 1900 if year < 100 else 0
        if 1 <= number <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{number:02d}-{day:02d}"
    return None


def time_in(text: str) -> str | None:
    """The meeting's start time as "HH:MM", read on the councils' afternoon clock.

    >>> [time_in(text) for text in ("Kl. 19,30", "Kl 1400", "Kl. 7", "Kl. 5½ Em.", "Kl. 10 Formiddag")]
    ['19:30', '14:00', '19:00', '17:30', '10:00']
    """
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
