"""Danish dates, periods and deadlines: our own grammar, the one place dates are read.

The structure stage takes a meeting's date from it (:func:`first_full_date`); enrichment
takes every date mention with its span, precision and kind (:func:`find_dates`). Only the
1940s minute books (extract/historic/) add forms of their own ("11/2 1941", "3' Aug.").

dateparser returns nothing for most of these and reads "kl. 10" as the year 2010, so
each form the documents use is a rule (:mod:`referat.extract.date_grammar`, which also
states the conventions: primo/medio/ultimo, seasons, weeks, year-less dates), tried most
specific first; matches never overlap. Here the rules are run, and each date gets its
kind (deadline, period, publication, meeting, event, other).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from referat.extract.date_grammar import BUILDERS, MONTHS, RULES
from referat.extract.textscan import lower_keeping_offsets, merged_stretches

__all__ = ["MONTHS", "RULES", "DateMatch", "date_context", "find_dates", "first_full_date", "iter_dates", "name_spans"]

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


# Cheap tests before a rule's regex runs at all: most section texts hold no date.
_SEASON_WORDS = ("forår", "sommer", "efterår", "vinter")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_MONTH_STEM_SET = set(_MONTH_STEMS)
_PART_WORDS = ("primo", "medio", "ultimo", "start", "begyndelsen", "midten", "slutningen", "enden", "udgangen")
_CUE_WORD = re.compile("|".join(_MONTH_STEMS + _SEASON_WORDS + _PART_WORDS + ("kvartal", "halvår", "uge")))
# A rule's cue: "month" (any month stem), or words of which one must be present.
RULE_CUES: dict[str, str | tuple[str, ...]] = {
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


# "i 2024 … den 5. oktober": a year stated earlier in the same sentence places a date printed
# without one (not the meeting date, which may fall in the year after).
_YEAR_IN_SENTENCE = re.compile(r"\b(?:i|året)\s+(?P<year>(?:19|20)\d{2})\b", re.I)
_YEAR_REACH = 80  # the year must stand close before the date
_SENTENCE_START = re.compile(r"[.!?]\s|\n\n")


def _year_stated_before(text: str, match: re.Match[str], start: int) -> datetime.date | None:
    """A reference date inside the year the sentence states before a date without a year."""
    groups = match.groupdict()
    if "day" not in groups or groups.get("year") or not groups.get("month"):
        return None  # a day of a month printed without its year only
    window_start = max(0, start - _YEAR_REACH)
    boundaries = list(_SENTENCE_START.finditer(text, window_start, start))
    sentence_start = boundaries[-1].end() if boundaries else window_start
    stated = list(_YEAR_IN_SENTENCE.finditer(text, sentence_start, start))
    if not stated:
        return None
    month = MONTHS.get(groups["month"].lower())
    return datetime.date(int(stated[-1].group("year")), month, 15) if month else None


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
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pattern in _rules_for(lower[stretch_start:stretch_end]):
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
            built = BUILDERS[name](match, _year_stated_before(text, match, start) or reference)
        except (ValueError, KeyError):
            built = None
        if built is None:
            continue
        first, last, precision = built
        surface = text[start:end].strip()
        taken.append(DateMatch(start, end, surface, first, last, precision, _kind(text, start, end, name)))
        occupied_until = end
    return taken


def _rules_for(stretch: str) -> Iterator[tuple[str, re.Pattern[str]]]:
    """The rules that can match in ``stretch`` (lower-cased), in order: those whose cue
    words it holds, and those that need a year or a numeric date only if it holds one."""
    present = set(_CUE_WORD.findall(stretch))
    has_month = bool(present & _MONTH_STEM_SET)
    has_year = _YEAR_IN.search(stretch) is not None
    for name, pattern, _builder in RULES:
        cue = RULE_CUES.get(name)
        if cue is not None and not (has_month if cue == "month" else present.intersection(cue)):
            continue
        if (name in _NEEDS_YEAR and not has_year) or (name == "numeric" and not _NUMERIC_IN.search(stretch)):
            continue
        yield name, pattern


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
        >>> first_full_date("Generalforsamlingen torsdag d. 28/4-22 kl. 19.30")  # the year's last digits
        '2022-04-28'
        >>> first_full_date("Sag 14/40-22") is None  # (a case number: no "den" or "d." before it)
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
