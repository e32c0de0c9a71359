"""Pass 4 of the agenda grammar: a meeting's front matter (the lines before its first
item, and the page furniture) becomes its metadata: kind, title, date and time, location,
body, organisation, participants and case numbers."""

from __future__ import annotations

import re
from collections import Counter

from referat.extract.dates import first_full_date
from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.structure.participants import read_participants
from referat.extract.structure.result import pages_of
from referat.extract.vocabulary import (
    CASE_NUMBER_LABEL,
    DECISION_HEADING,
    MEETING_KIND_WORDS,
    PARTICIPANT_HEADINGS,
    PAST_TENSE_MARKERS,
    TIME_TEXT,
    WEEKDAYS,
)
from referat.models import Item, Meeting, walk_items


def build_meeting(front: list[Line], items: list[Item], layout: Layout, all_lines: list[Line]) -> Meeting:
    texts = [line.text.strip() for line in front]
    meeting = Meeting(items=items, pages=pages_of(all_lines))
    labels = _labelled_values(texts)
    meeting.kind = _meeting_kind(texts, layout, items, all_lines)
    meeting.title = labels.get("emne") or labels.get("titel") or labels.get("mødets titel")
    if meeting.kind == "kommissorium" and meeting.title is None and texts:
        meeting.title = texts[0]
    meeting.date, meeting.start_time = _meeting_date(texts, labels, layout, items)
    meeting.location = labels.get("sted") or labels.get("mødested") or _location_from_front(texts)
    meeting.body = _meeting_body(texts, meeting.title, layout, items, all_lines)
    if meeting.title is None:
        meeting.title = _title_from_front(texts, meeting.body, meeting.kind)
    meeting.participants = read_participants(texts)
    meeting.organisation = _organisation(layout)
    for line in layout.sidebar:
        match = CASE_NUMBER_LABEL.match(line.text)
        if match:
            value = match.group("value").strip().rstrip("/")
            if value and value not in meeting.case_numbers:
                meeting.case_numbers.append(value)
    return meeting


_FRONT_LABELS = ("emne", "titel", "mødets titel", "mødedato", "dato", "sted", "mødested", "tidspunkt", "mødetidspunkt")


def _labelled_values(texts: list[str]) -> dict[str, str]:
    """ "Mødedato" on one line and "26. februar 2026" on the next, or "Sted: …" on one."""
    values: dict[str, str] = {}
    for i, text in enumerate(texts):
        low = text.lower().rstrip(":")
        if low in _FRONT_LABELS and i + 1 < len(texts):
            value = texts[i + 1]
            # "Sundhedsstyrelsen, Islands Brygge 67, 2300 København S," + "mødelokale 2.14"
            if value.endswith(",") and i + 2 < len(texts) and texts[i + 2].lower().rstrip(":") not in _FRONT_LABELS:
                value = f"{value} {texts[i + 2]}"
            values.setdefault(low, value)
            continue
        match = re.match(r"^(" + "|".join(_FRONT_LABELS) + r")\s*:\s*(.+)$", text, re.I)
        if match:
            values.setdefault(match.group(1).lower(), match.group(2).strip())
    return values


def _meeting_kind(texts: list[str], layout: Layout, items: list[Item], all_lines: list[Line]) -> str:
    for text in texts[:8] + [line.text for line in layout.furniture[:6]]:
        kind = MEETING_KIND_WORDS.get(text.lower().strip(" :"))
        if kind:
            return kind
        if text.lower().startswith("kommissorium"):
            return "kommissorium"
    kinds = {section.kind for item in walk_items(items) for section in item.sections}
    if "decision" in kinds or "minutes" in kinds:
        return "referat"
    if "recommendation" in kinds:
        return "dagsorden"
    if items and len(PAST_TENSE_MARKERS.findall(" ".join(line.text for line in all_lines))) >= 3:
        return "referat"
    return "other"


def _parse_time(text: str) -> str | None:
    match = TIME_TEXT.search(text)
    if not match:
        return None
    if match.group("h"):
        return f"{int(match.group('h')):02d}:{match.group('m')}"
    return f"{int(match.group('h2')):02d}:00"


def _meeting_date(texts, labels, layout: Layout, items: list[Item]) -> tuple[str | None, str | None]:
    date = None
    time = None
    for key in ("mødedato", "dato"):
        if key in labels:
            date = first_full_date(labels[key])
            time = _parse_time(labels[key])
            if date:
                break
    if date is None:
        for i, text in enumerate(texts[:25]):
            if re.match(rf"^(?:{WEEKDAYS})\s+den\s", text, re.I) or re.match(r"^(?:mødet\s+)?den\s+\d", text, re.I):
                date = first_full_date(text)
                time = _parse_time(text) or (_parse_time(texts[i + 1]) if i + 1 < len(texts) else None)
                if date:
                    break
    if date is None:
        decision_dates = Counter()
        for item in items:
            for section in item.sections:
                match = DECISION_HEADING.match(section.heading)
                if match:
                    parsed = first_full_date(section.heading)
                    if parsed:
                        decision_dates[parsed] += 1
        if decision_dates:
            date = decision_dates.most_common(1)[0][0]
    if date is None:
        for line in layout.furniture:
            if re.match(r"^(?:dato|mødedato)\s*:", line.text, re.I):
                date = first_full_date(line.text)
                if date:
                    break
    if time is None:
        for text in texts[:25]:
            if re.match(r"^(?:kl\.|klokken|tidspunkt|mødetidspunkt)", text, re.I) or re.search(
                rf"(?:{WEEKDAYS}).*kl\.", text, re.I
            ):
                time = _parse_time(text)
                if time:
                    break
    return date, time


def _location_from_front(texts: list[str]) -> str | None:
    """Lines after the date/time line up to the participant list ("Kaløvig Kursuscenter" …)."""
    for i, text in enumerate(texts[:25]):
        if re.match(rf"^(?:{WEEKDAYS})\s+den\s", text, re.I) or re.match(r"^kl\.\s*\d", text, re.I):
            collected = []
            for following in texts[i + 1 : i + 6]:
                low = following.lower().rstrip(":")
                if low in PARTICIPANT_HEADINGS or low in MEETING_KIND_WORDS or re.match(r"^kl\.\s*\d", following, re.I):
                    if collected or low in PARTICIPANT_HEADINGS or low in MEETING_KIND_WORDS:
                        break
                    continue
                collected.append(re.sub(r"^i\s+", "", following))
            if collected:
                return ", ".join(collected)
    return None


_BODY_LINE = re.compile(
    r"(?:[A-ZÆØÅ][\w-]*(?:\s+og\s+[\w-]+)?udvalget|Udvalget for .+|Byrådet|Kommunalbestyrelsen|Regionsrådet|.+ Byråd)"
)


def _meeting_body(texts, title, layout: Layout, items: list[Item], all_lines: list[Line]) -> str | None:
    if title:
        match = re.search(r"\bmøde\s+i\s+(?P<body>.+)$", title, re.I) or re.match(
            r"^kommissorium\s+for\s+(?:den\s+|det\s+)?(?P<body>.+)$", title, re.I
        )
        if match:
            return _most_common_spelling(match.group("body").strip(), all_lines)
    for text in texts[:12] + [line.text for line in layout.furniture[:4]]:
        if _BODY_LINE.fullmatch(text):
            return text
    # No header: the body named by its own decision headings ("…udvalgets beslutning den …").
    for item in items:
        for section in item.sections:
            match = DECISION_HEADING.match(section.heading)
            if match and (match.group("body") or match.group("body2")):
                return (match.group("body") or match.group("body2")).strip()
    # Still nothing: the committee the recommendations and decisions name most.
    names = Counter()
    for item in items:
        for text in item.recommendations + [d.text for d in item.decisions]:
            for match in re.finditer(r"\b([A-ZÆØÅ][\w]*(?:\s?-\s?og\s+[A-ZÆØÅ]?[\w]+)?udvalget)\b", text):
                names[re.sub(r"\s+-\s*og", "- og", match.group(1))] += 1
    if names:
        return names.most_common(1)[0][0]
    return None


def _most_common_spelling(name: str, lines: list[Line]) -> str:
    """ "TASK FORCE FOR KRÆFT- OG …" → the spelling the text itself uses most."""
    pattern = re.compile(re.escape(name), re.IGNORECASE)
    spellings = Counter(match.group(0) for line in lines for match in pattern.finditer(line.text))
    variants = [(count, spelling) for spelling, count in spellings.items() if spelling != spelling.upper()]
    return max(variants)[1] if variants else name


def _title_from_front(texts: list[str], body: str | None, kind: str) -> str | None:
    """Syddjurs prints the meeting's own name under the committee: "Ekstraordinært PUK"."""
    if not body:
        return None
    for i, text in enumerate(texts[:10]):
        if text == body and i + 1 < len(texts):
            candidate = texts[i + 1]
            if (
                first_full_date(candidate)
                or candidate.lower() in MEETING_KIND_WORDS
                or re.match(rf"^(?:{WEEKDAYS})", candidate, re.I)
            ):
                return None
            if len(candidate) < 60 and candidate.lower().rstrip(":") not in PARTICIPANT_HEADINGS:
                return candidate
    return None


_ORGANISATION = re.compile(
    r"\b(?:(?:[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)\s+Kommune|Region\s+[A-ZÆØÅ][a-zæøå]+"
    r"|Danske Regioners?|Sundhedsstyrelsen|Kommunernes Landsforening)\b"
)


def _organisation(layout: Layout) -> str | None:
    """The authority behind the document: the letterhead's name, else the municipality or
    association the whole document (running headers and footers included) names most."""
    for line in layout.sidebar:
        if re.fullmatch(r"[A-ZÆØÅ][\w-]*(?:styrelsen|ministeriet|Regioner|Kommune|rådet)", line.text.strip()):
            return line.text.strip()
    counted = layout.lines + layout.furniture
    counts = Counter(
        re.sub(r"s$", "", match.group(0)) if match.group(0).endswith("Regioners") else match.group(0)
        for line in counted
        for match in _ORGANISATION.finditer(line.text)
    )
    # A municipality named once is the publisher of municipal minutes; an association
    # like Danske Regioner is mentioned in everyone's minutes, so ask for more evidence.
    municipal = Counter({name: count for name, count in counts.items() if name.endswith("Kommune")})
    regions = counts.get("Danske Regioner", 0)
    if municipal and municipal.most_common(1)[0][1] >= regions:
        return municipal.most_common(1)[0][0]
    if regions >= 4:
        return "Danske Regioner"
    return None
