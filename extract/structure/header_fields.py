"""The meeting header's fields: labels and their values in the layouts publishers use
(one line, two lines, several pairs per line, all labels first, table rows, no colon), and
the meeting's date and time, labelled or not ("Afholdt onsdag den 24. maj 2023 kl. 17.30",
"Onsdag, April 3, 2019 - 18:00", "04-01-2021 kl. 19:00"). The place is ``meeting_place``.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter

from referat.extract.date_grammar import MONTH_NAMES
from referat.extract.dates import MONTHS, first_full_date
from referat.extract.layout import Layout
from referat.extract.place_words import BUILDING_WORDS, ROOM_WORDS, word_ending
from referat.extract.vocabulary import (
    DECISION_HEADING,
    ENGLISH_MONTHS,
    HEADER_LABELS,
    PARTICIPANT_HEADINGS,
    TIME_TEXT,
    WEEKDAYS,
)
from referat.models import Item

_FRONT_LABELS = tuple(HEADER_LABELS)


# "Dato: 29. januar 2020 Lokale: Byrådssalen": where the next label starts on the same line.
_LABEL_ON_LINE = re.compile(
    r"(?:^|(?<=\s))("
    + "|".join(re.escape(label) for label in sorted(_FRONT_LABELS, key=len, reverse=True))
    + r")\s*:\s*",
    re.I,
)


def labelled_values(texts: list[str]) -> dict[str, str]:
    """Header labels and their values, by label (lower-case): "Mødedato" on one line and
    "26. februar 2026" on the next, "Sted: …" on one, several pairs on one line, or a
    table row "Mødested | Byrådssalen". The first value of a label counts."""
    values: dict[str, str] = {}
    for i, text in enumerate(texts):
        cells = [cell.strip() for cell in text.split(" | ")]
        if len(cells) == 2 and cells[0].lower().rstrip(":") in _FRONT_LABELS and cells[1]:
            values.setdefault(cells[0].lower().rstrip(":"), cells[1])
            continue
        low = text.lower().rstrip(":")
        if low in _FRONT_LABELS and i + 1 < len(texts):
            value = texts[i + 1]
            # "Sundhedsstyrelsen, Islands Brygge 67, 2300 København S," + "mødelokale 2.14"
            if value.endswith(",") and i + 2 < len(texts) and texts[i + 2].lower().rstrip(":") not in _FRONT_LABELS:
                value = f"{value} {texts[i + 2]}"
            if not is_label(value) and not value.endswith(":"):
                values.setdefault(low, value)
            continue
        for label, value in _pairs_on_line(text):
            values.setdefault(label, value)
        glued = _GLUED_LABEL.match(text.strip())
        if glued:  # "MødestedRådssalen", "UdvalgÆldreråd": a web page that lost the cell break
            values.setdefault(glued.group(1).lower(), glued.group("value").strip())
            continue
        # ("Mødedato 16. december 2013 Mødetidspunkt 18.00 Mødelokale Rådssalen": a header row
        # of such labels on one line)
        found = list(_LABEL_NO_COLON_IN_LINE.finditer(text))
        if len(found) >= 2 and found[0].start() == 0:
            ends = [match.start() for match in found[1:]] + [len(text)]
            bare_pairs = [(match.group(1), text[match.end() : end]) for match, end in zip(found, ends, strict=True)]
        else:
            bare = _LABEL_NO_COLON.match(text)
            bare_pairs = [(bare.group(1), bare.group("value"))] if bare else []
        for label_text, value_text in bare_pairs:
            label, value = label_text.lower(), value_text.strip()
            # ("Mødelokale 20", "Mødelokale C, Medborgerhuset, …": without a colon the room's noun
            # is its name, unless the room has a name of its own before the address)
            named_by_noun = label == "mødelokale" and not _ROOM_WORD.search(value.split(",")[0])
            values.setdefault(label, f"{label_text} {value}" if named_by_noun else value)
    for label, value in _label_run_values(texts).items():
        values.setdefault(label, value)
    return values


# A word that makes a value a room or a building of its own ("Udvalgsværelse D", "Byrådssalen").
_ROOM_WORD = re.compile(word_ending(ROOM_WORDS + BUILDING_WORDS), re.I)


# Labels distinctive enough to count without a colon: "Mødedato 10. juni 2013" (Gentofte).
_LABELS_WITHOUT_COLON = ("mødedato", "mødetidspunkt", "mødetid", "mødelokale", "mødested", "starttidspunkt")


_LABEL_NO_COLON = re.compile(r"^(" + "|".join(_LABELS_WITHOUT_COLON) + r")\s+(?P<value>[^:]+)$", re.I)
_LABEL_NO_COLON_IN_LINE = re.compile(
    r"(?:^|(?<=\s))(" + "|".join(label.capitalize() for label in _LABELS_WITHOUT_COLON) + r")\s+(?=[^\s:])"
)


# A label glued to its value by a page that lost the cell between them: the label, then a
# capitalised word ("MødestedRådssalen", "UdvalgÆldreråd", "Dato14. december 2018").
_GLUED_LABEL = re.compile(
    r"^(" + "|".join(sorted((label for label in _FRONT_LABELS if len(label) >= 4 and " " not in label),
                            key=len, reverse=True)) + r")(?P<value>(?-i:[A-ZÆØÅ][a-zæøå]|\d{1,2}\.\s).*)$",
    re.I,
)  # fmt: skip


def _label_run_values(texts: list[str]) -> dict[str, str]:
    """A run of labels with no values, then the values in the same order (Hjørring:
    "Mødedato:" "Mødet påbegyndt:" "Mødested:" then "25. maj 2016" "kl. 18:00" "Hjørring Rådhus")."""
    values: dict[str, str] = {}
    i = 0
    while i < len(texts):
        run = []
        while i < len(texts) and texts[i].endswith(":") and is_label(texts[i]):
            run.append(texts[i].rstrip(":").strip().lower())
            i += 1
        if len(run) >= 2:
            following: list[str] = []
            while i < len(texts) and len(following) < len(run) and not texts[i].endswith(":"):
                following.append(texts[i])
                i += 1
            date_labels = [label for label in run if HEADER_LABELS.get(label) == "date"]
            for label, value in zip(run, following, strict=False):
                if HEADER_LABELS.get(label) not in ("date", "time") and header_date(value):
                    # "Udvalg:" / "Dato:" / "Mandag, 11 januar, 2021 - 19:00": a label left
                    # empty shifts the values; the date is the date label's, and the rest unsure
                    # (with no date label in the run, a date is no other label's value either:
                    # "Mødested:" / "Udsendelsesdato:" / "Onsdag den 15-maj-2002 <room>")
                    if date_labels:
                        values.setdefault(date_labels[0], value)
                    break
                if label in HEADER_LABELS:
                    values.setdefault(label, value)
        else:
            i += 1
    return values


def is_label(text: str) -> bool:
    low = text.rstrip(":").strip().lower()
    return low in HEADER_LABELS or low in PARTICIPANT_HEADINGS


def _pairs_on_line(text: str) -> list[tuple[str, str]]:
    """ "Dato: 3. april 2019 Sted: Mødelokale 2A" → [("dato", "3. april 2019"), ("sted", "Mødelokale 2A")];
    a line that does not start with a label gives nothing."""
    found = list(_LABEL_ON_LINE.finditer(text))
    if not found or found[0].start() != 0:
        return []
    pairs = []
    for n, match in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(text)
        value = text[match.end() : end].strip(" ,;")
        if value:
            pairs.append((match.group(1).lower(), value))
    return pairs


def labelled_field(labels: dict[str, str], field: str) -> str | None:
    """The first labelled value for a meeting field, in the order the labels were read."""
    for label, value in labels.items():
        if HEADER_LABELS.get(label) == field:
            return value
    return None


def parse_time(text: str) -> str | None:
    match = TIME_TEXT.search(text)
    if not match:
        return None
    if match.group("h"):
        return f"{int(match.group('h')):02d}:{match.group('m')}"
    if match.group("h3"):
        return f"{match.group('h3')}:{match.group('m3')}"
    return f"{int(match.group('h2')):02d}:00"


def meeting_date(
    texts: list[str], labels: dict[str, str], layout: Layout, items: list[Item]
) -> tuple[str | None, str | None]:
    """The meeting's date and start time, from the most reliable place that prints them:
    a date label, a "<weekday> den …" line, the decision headings, a dated label in the
    running header, and last any dated line of the header ("Afholdt onsdag den 24. maj 2023
    kl. 17.30 i …", "Referat fra mødet i … den 1. april 2009")."""
    date, time = _date_from_labels(labels)
    if date is None:
        # "Dato 24. maj 2012" / "Tid 15:00": a label a transcript printed without its colon,
        # on a line of its own, below however much of a sharing site's furniture
        date = next((d for text in texts[:40] if _UNCOLONED_DATE_LABEL.match(text) and (d := header_date(text))), None)
    if date is None:
        date, line_time = _date_from_weekday_line(texts)
        time = time or line_time
    if date is None:
        date = _date_from_decision_headings(items)
    if date is None:
        date = next(
            (d for line in layout.furniture if _DATE_LABEL.match(line.text) and (d := first_full_date(line.text))), None
        )
    if date is None:
        date, line_time = _date_from_any_header_line(texts)
        time = time or line_time
    if time is None:
        time = _time_from_front(texts, labels, date)
    return date, time


_DATE_LABEL = re.compile(r"^(?:dato|mødedato)\s*:", re.I)
_UNCOLONED_DATE_LABEL = re.compile(r"^(?:Dato|Mødedato|DATO|MØDEDATO)\s+(?:\w+dag\s+(?:den\s+)?)?\d{1,2}[./ -]")


_WEEKDAY_LINE = re.compile(rf"^(?:{WEEKDAYS}),?\s+(?:den|d\.)\s|^(?:mødet\s+)?den\s+\d", re.I)


_ENGLISH_MONTH_NAMES = "|".join(ENGLISH_MONTHS)


_SHORT_MONTHS = "|".join(m.rstrip(".") for m in MONTHS if m.endswith("."))


_HEADER_DATE_FORMS = [
    # "April 3, 2019"
    re.compile(rf"\b(?P<month>{_ENGLISH_MONTH_NAMES})\s+(?P<day>[0-3]?\d),?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # "14 marts, 2019", "3 April 2019", "10. nov 2016" (a month shortened without its stop)
    re.compile(
        rf"\b(?P<day>[0-3]?\d)\.?\s+(?P<month>{MONTH_NAMES}|{_ENGLISH_MONTH_NAMES}|{_SHORT_MONTHS}),?\s+"
        r"(?P<year>(?:19|20)\d\d)\b",
        re.I,
    ),
    # "31/3 2019"
    re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)\s+(?P<year>(?:19|20)\d\d)\b"),
    # "8/29/2019 4:00:00 PM": a portal printing .NET's US format; the AM/PM says month first
    re.compile(
        r"(?<![\d/])(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M\b"
    ),
]


def header_date(text: str) -> str | None:
    """A meeting date as headers print it: the Danish date grammar first, then the forms
    only headers use.

    Example:
        >>> header_date("Onsdag, April 3, 2019 - 18:00"), header_date("Søndag d. 31/3 2019")
        ('2019-04-03', '2019-03-31')
    """
    found = first_full_date(text)
    if found:
        return found
    for form in _HEADER_DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        month_text = match.group("month").lower()
        month = (
            int(month_text)
            if month_text.isdigit()
            else MONTHS.get(month_text) or MONTHS.get(f"{month_text}.") or ENGLISH_MONTHS.get(month_text)
        )
        try:
            return datetime.date(int(match.group("year")), month or 0, int(match.group("day"))).isoformat()
        except ValueError:
            continue
    return None


# A clock time after a date, without "kl.": "14 marts, 2019 - 18:30", "17-01-2018 18:00:00".
_BARE_CLOCK = re.compile(r"(?<![\d./-])(?P<h>[0-2]?\d)[:.](?P<m>[0-5]\d)(?![\d./-]|\.\d)")


def _time_on_date_line(text: str) -> str | None:
    time = parse_time(text)
    if time:
        return time
    match = _BARE_CLOCK.search(text)
    if match and int(match.group("h")) < 24:
        hour = int(match.group("h"))
        if hour < 12 and re.match(r"(?::\d{2})?\s*PM\b", text[match.end() :]):
            hour += 12  # "4:00:00 PM"
        return f"{hour:02d}:{match.group('m')}"
    return None


def _date_from_labels(labels: dict[str, str]) -> tuple[str | None, str | None]:
    keys = ["mødedato", "dato"] + [label for label in labels if HEADER_LABELS.get(label) == "date"]
    for key in keys:
        if key in labels:
            date = header_date(labels[key])
            if date:
                return date, _time_on_date_line(labels[key])
    return None, None


def _date_from_weekday_line(texts: list[str]) -> tuple[str | None, str | None]:
    for i, text in enumerate(texts[:25]):
        # ("Den 30. maj 2024 indgik regeringen en aftale …" is a sentence of a case, not the header)
        sentence = not re.match(WEEKDAYS, text, re.I) and len(text) > 60 and not re.search(r"\bkl\.?\s*\d", text)
        if _WEEKDAY_LINE.match(text) and not sentence:
            date = first_full_date(text)
            if date:
                return date, parse_time(text) or (parse_time(texts[i + 1]) if i + 1 < len(texts) else None)
    return None, None


def _date_from_decision_headings(items: list[Item]) -> str | None:
    decision_dates: Counter[str] = Counter()
    for item in items:
        for section in item.sections:
            if DECISION_HEADING.match(section.heading):
                parsed = first_full_date(section.heading)
                if parsed:
                    decision_dates[parsed] += 1
    return decision_dates.most_common(1)[0][0] if decision_dates else None


# The labels of a document's own dates (sent out, published, updated).
_PUBLISHED = r"udsendt|udgivet|publiceret|offentliggjort|opdateret"
_NOT_THE_MEETING_DATE = (
    rf"^(?:{_PUBLISHED}|næste\s+møde|dato\s+for\s+næste|oprettet"
    r"|(?:senest\s+|sidst\s+)opdateret|indlæg\s+skrevet)"
)


# Such a label inside a line, right before its date: "ENDELIGT referat Udsendt 3. maj 2013".
_DATE_OF_SOMETHING_ELSE = re.compile(rf"\b(?:{_PUBLISHED})\s*:?\s*(?:den\s+|d\.\s*)?\d", re.I)


_INLINE_DATE_LABEL = re.compile(r"\b(?:Mødedato|Dato|Mødedag)\s*:?\s+(?=\S*\d)")


# A web page's own date stamp alone on its line, as a site's software prints it: weekday, comma,
# day and month name, no "den" ("Mandag, 09 december 2019").
_PAGE_DATE_STAMP = re.compile(rf"^(?:{WEEKDAYS}),\s+\d{{1,2}}\.?\s+(?:{MONTH_NAMES})\s+\d{{4}}$", re.I)


def _date_from_any_header_line(texts: list[str]) -> tuple[str | None, str | None]:
    """A dated line among the first of the header that is not a label of something else
    ("Udsendt", "Næste møde", and a web page's "Udgivet/Opdateret <date>"). A title that
    dates the meeting itself ("Referat af Skovrådets 8. ordinære møde den 6. april 2016")
    goes before a letterhead's date above it ("J.nr. … Ref. … Den 20. april 2016")."""
    # (such a title may stand below a web page's introduction to the body: read further down)
    for text in texts[:30]:
        title = _MEETING_TITLE_DATE.match(text) if len(text) <= 300 else None
        date = header_date(text[title.end() - 1 :]) if title else None
        if date:
            return date, _time_on_date_line(text)
    for text in texts[:15]:
        # (the other dates are counted only when a stamp is met: most headers have none)
        if _PAGE_DATE_STAMP.match(text) and sum(len(t) <= 160 and bool(header_date(t)) for t in texts[:15]) >= 2:
            continue  # a web page's own date above the minutes' ("Mandag, 09 december 2019" / "14. august 2012")
        if len(text) > 160:
            # a transcript's run-on first page: only a date its label names ("… Dato 8. april
            # 2014 Tid 14:00 …"), not any date its prose mentions
            labelled = _INLINE_DATE_LABEL.search(text)
            text = text[labelled.end() : labelled.end() + 60] if labelled else ""
        if not text or re.match(_NOT_THE_MEETING_DATE, text, re.I) or _DATE_OF_SOMETHING_ELSE.search(text):
            continue
        date = header_date(text)
        if date:
            return date, _time_on_date_line(text)
    return None, None


# A title that names the meeting and its date: "Referat af Skovrådets 8. ordinære møde den
# 6. april 2016", "Dagsorden til mødet i Ældrerådet den 3. maj 2019".
_MEETING_TITLE_DATE = re.compile(
    # (the meeting may be a compound: "Referat af forældrebestyrelsesmøde onsdag den 17. …")
    r"^(?:referat|dagsorden|beslutningsprotokol|protokol|mødereferat)\b(?:[^.:]|(?<=\d)\.){0,90}?mødet?\b"
    r"[^.:]{0,50}?\bden\s+\d",
    re.I,
)


def _time_from_front(texts: list[str], labels: dict[str, str], date: str | None = None) -> str | None:
    for label, value in labels.items():
        if HEADER_LABELS.get(label) == "time":
            time = parse_time(value) or _bare_time(value)
            if time:
                return time
    for text in texts[:25]:
        time_label = _TIME_LABEL.match(text)
        if time_label or re.search(rf"(?:{WEEKDAYS}).*kl\.", text, re.I) or _MEETING_LINE_WITH_TIME.search(text):
            # ("Mødetidspunkt 16:00": a transcript's label without its colon says the time)
            time = parse_time(text) or (_bare_time(text[time_label.end() :]) if time_label else None)
            if time:
                return time
    # The time on the header's date line: "01-10-2018 kl. 18:00", "… den 27. marts 2019 kl. 19.00".
    # (not a line dated another day: a web page's publishing stamp, "27. august 2016 kl. 05:39"
    # under the author's name, "Date: 6/29/2021 6:39:43 PM", is no meeting's time)
    for text in texts[:12]:
        if (line_date := header_date(text)) and (date is None or line_date == date):
            time = _time_on_date_line(text)
            if time:
                return time
    return None


# A header line about the meeting that gives its time: "Mødet fandt sted fra kl. 15.00 til
# 19.15", "Ekstraordinært møde - Mødelokale F7 kl. 12.00".
_MEETING_LINE_WITH_TIME = re.compile(r"^.{0,40}\b(?i:mødet?|mødelokale|mødested)\b.{0,60}\bkl\.?\s*\d")


_TIME_LABEL = re.compile(
    r"^(?:kl\.|klokken|(?:møde|start)?tidspunkt(?:\s+for\s+møde)?|mødetid|mødestart|tid)(?![\wæøå])\s*:?", re.I
)


def _bare_time(text: str) -> str | None:
    # "Mødetid: 16.30", "Tidspunkt: 19:00-21:00": a label already says it is a time.
    match = re.match(r"^\s*(\d{1,2})[.:](\d{2})\b", text)
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match and int(match.group(1)) < 24 else None
