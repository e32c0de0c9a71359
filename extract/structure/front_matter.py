"""Pass 4 of the agenda grammar: a meeting's front matter (the lines before its first
item, and the page furniture) becomes its metadata: kind, title, date and time, location,
body, organisation, participants and case numbers."""

from __future__ import annotations

import re
from collections import Counter

from referat.extract.body_words import (
    ASSOCIATION_NAME,
    BODY_HEAD,
)
from referat.extract.dates import first_full_date
from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.structure.header_fields import labelled_values, meeting_date
from referat.extract.structure.meeting_body import (
    bare_body_name,
    meeting_body,
    organisation_in_title,
    without_body_menus,
    without_term,
)
from referat.extract.structure.meeting_place import meeting_location
from referat.extract.structure.participant_sentences import attendance_sentences, officer_sentences
from referat.extract.structure.participants import read_participants
from referat.extract.structure.result import pages_of
from referat.extract.vocabulary import (
    CASE_NUMBER_LABEL,
    HEADER_LABELS,
    MEETING_KIND_WORDS,
    MINUTES_BEGIN,
    PARTICIPANT_HEADINGS,
    PAST_TENSE_MARKERS,
    SHARING_SITE_CONTROLS,
    WEB_FURNITURE_LINE,
    WEEKDAYS,
)
from referat.models import Item, Meeting, walk_items
from referat.models.document import MeetingKind


def build_meeting(
    front: list[Line], items: list[Item], layout: Layout, all_lines: list[Line], first_item: list[Line] | None = None
) -> Meeting:
    # (a web page's label table: "Dato: |" / "22-06-2022 17:30:00 |" / "---|---|")
    texts = [line.text.strip().strip("|").strip() for line in front]
    # (a sharing site's controls above a transcript push the document's own header down)
    texts = without_body_menus(
        [
            text
            for text in texts
            if text and not re.fullmatch(r"[-|: ]+", text) and not SHARING_SITE_CONTROLS.match(text)
        ]
    )
    meeting = Meeting(items=items, pages=pages_of(all_lines))
    labels = labelled_values(texts)
    meeting.kind = _meeting_kind(texts, layout, items, all_lines)
    meeting.title = labels.get("emne") or labels.get("titel") or labels.get("mødets titel")
    if meeting.kind == "kommissorium" and meeting.title is None and texts:
        meeting.title = texts[0]
    meeting.date, meeting.start_time = meeting_date(texts, labels, layout, items)
    meeting.location = meeting_location(texts, labels)
    meeting.body = without_term(meeting_body(texts, labels, meeting.title, layout, items, all_lines))
    named_organisation = None
    if meeting.body:
        meeting.body = bare_body_name(meeting.body)
        # "FynBus Bestyrelse", "Midttrafik Repræsentantskab": the company, then its board
        with_generic = _ORGANISATION_AND_GENERIC_BODY.match(meeting.body)
        if with_generic:
            meeting.body, named_organisation = with_generic.group("body"), with_generic.group("organisation")
        # "bestyrelsen for AVV-Affaldsselskabet Vendsyssel Vest I/S": the board, then its company
        of_organisation = _GENERIC_BODY_OF_ORGANISATION.match(meeting.body)
        if of_organisation:
            meeting.body = of_organisation.group("body").capitalize()
            named_organisation = of_organisation.group("organisation")
    if meeting.title is None:
        meeting.title = _title_from_front(texts, meeting.body, meeting.kind)
    meeting.participants = read_participants(texts)
    if not meeting.participants and first_item:
        # "Godkendelse af dagsorden" / "Beslutning" / "Deltagerne var:" …: the list minuted
        # under the first item (Københavns Økonomiudvalg, Halsnæs' decisions)
        meeting.participants = read_participants([line.text.strip() for line in first_item])
    listed = {person.name for person in meeting.participants}
    # attendance told in sentences, in the header or under an item ("Der er afbud fra …")
    all_texts = [line.text for line in all_lines]
    for person in attendance_sentences(all_texts) + officer_sentences(all_texts):
        # (a sentence read over a list the list reading split: "Afbud fra: Formand Per
        # Tærsbøl Næstformand …" is Per Tærsbøl, listed)
        if person.name not in listed and not any(f" {name} " in f" {person.name} " for name in listed):
            meeting.participants.append(person)
            listed.add(person.name)
    titled = organisation_in_title(texts)[0]
    meeting.organisation = named_organisation or _letterhead(layout) or titled or _organisation(layout)
    municipal = (meeting.organisation or "").endswith("Kommune")
    if municipal and re.search("region", meeting.body or "", re.I):
        meeting.organisation = None  # a region's council names municipalities in its cases, not its publisher
    for line in layout.sidebar:
        match = CASE_NUMBER_LABEL.match(line.text)
        if match:
            value = match.group("value").strip().rstrip("/")
            if value and value not in meeting.case_numbers:
                meeting.case_numbers.append(value)
    return meeting


# A name, then a body every company or association has: the name is the organisation.
_ORGANISATION_AND_GENERIC_BODY = re.compile(
    r"^(?P<organisation>[A-ZÆØÅ][\w&.-]*(?:\s+[A-ZÆØÅ][\w&.-]*){0,2})\s+"
    r"(?P<body>(?i:bestyrelse(?:n)?|repræsentantskab(?:et)?|direktion(?:en)?))$"
)


_GENERIC_BODY_OF_ORGANISATION = re.compile(
    r"^(?P<body>(?i:bestyrelsen|repræsentantskabet|direktionen))\s+(?:for|i)\s+"
    r"(?P<organisation>[A-ZÆØÅ][\w&./-]*(?:\s+[A-ZÆØÅ][\w&./-]*){0,5})$"
)


def _meeting_kind(texts: list[str], layout: Layout, items: list[Item], all_lines: list[Line]) -> MeetingKind:
    """What the document is: a title line's kind word first ("Referat fra mødet i …"), then
    a kind word on a line of its own, then what the items hold."""
    # (a title line names the kind before a lone word does: "Dagsorden" may be a menu's link,
    # "By- og Kulturudvalget - Referat 15. februar 2011" is the page's own title)
    for text in texts[:6]:
        kind = _kind_in_title_line(text)
        # (an agenda followed by "Referat" and the minutes of its points is the minutes)
        if kind == "dagsorden" and any(MINUTES_BEGIN.match(later.strip()) for later in texts):
            return "referat"
        if kind:
            return kind
    for text in texts[:8] + [line.text for line in layout.furniture[:6]]:
        kind = MEETING_KIND_WORDS.get(text.lower().strip(" :"))
        # ("Dagsorden:" labels the list of items that minutes open with; what the
        # items hold says what the document is)
        if kind and not (kind == "dagsorden" and text.rstrip().endswith(":")):
            return kind
        if text.lower().startswith("kommissorium"):
            return "kommissorium"
    for text in texts[6:8] + [line.text for line in layout.furniture[:6]]:  # (texts[:6] read above)
        kind = _kind_in_title_line(text)
        if kind:
            return kind
    return _kind_from_items(items, all_lines)


def _kind_from_items(items: list[Item], all_lines: list[Line]) -> MeetingKind:
    kinds = {section.kind for item in walk_items(items) for section in item.sections}
    if "decision" in kinds or "minutes" in kinds:
        return "referat"
    if any(item.decisions for item in walk_items(items)):
        return "referat"  # decisions written as sentences (associations' minutes)
    if "recommendation" in kinds:
        return "dagsorden"
    text = " ".join(line.text for line in all_lines)
    markers = len(PAST_TENSE_MARKERS.findall(text))
    # Minutes tell what happened on every page; a report says "blev aftalt" now and then
    # (13 times in KL's 108-page report: 1 per 20 000 characters, minutes 1 per 300-1 500).
    if items and markers >= 3 and markers * 2000 >= len(text):
        return "referat"
    return "other"


_KIND_IN_TITLE = re.compile(
    # "Referat fra …", "side 1 Åbent referat for …", "Referat Kommunalbestyrelsen mandag den …"
    r"^(?:(?:side\s+)?\d{1,3}\s+)?(?:(?:åbent|åben|lukket)\s+)?(?P<first>referat|dagsorden|beslutningsprotokol|beslutningsreferat)"
    # "Referat 27. oktober", "Referat 27.10.2020" (not "Dagsorden 19-001 <the first item>")
    # (a sharing site's title joins the PDF title's lines with a stop: "Referat. af mødet i …")
    # (a dash may stand between: "Referat – Bestyrelsesmøde, den 24. november 2016")
    r"\.?\s+(?:[-–]\s+)?(?:(?:fra|af|for|over|til)(?:\s|$)|(?=[A-ZÆØÅ])"
    r"|(?=(?:den\s+|d\.\s*)?\d{1,2}(?:\.\s*\w|[./-]\d{1,2}[./-])))"
    r"|\s[-–]\s+(?P<last>referat|dagsorden|beslutningsprotokol)(?:\s+(?:[-–]\s+)?(?:[\d.\-/]+|\d{1,2}\.\s*[a-zæøå]+\s+\d{4}))?$|\s(?P<caps>(?-i:REFERAT|DAGSORDEN|Referat|Dagsorden))$"
    # "Erhvervsudvalget. Referat. Dato …", "Økonomiudvalg Referat Møde 22. marts 2011": after the body
    # ("Økonomiudvalget Åben beslutningsprotokol", "Hedensted Kommune. Byrådet. Referat med …")
    rf"|^(?-i:[A-ZÆØÅ])[\w,.\- ]{{0,70}}?(?:{BODY_HEAD}|Byrådet|Kommunalbestyrelsen|Regionsrådet)\s*[.,|]?\s+"
    r"(?:(?:åben|åbent|lukket)\s+)?(?P<after_body>referat|dagsorden|beslutningsprotokol)\b",
    re.I,
)


# "Dagsorden/Referat fra skolebestyrelsesmøde", "Dagsorden og referat": the agenda with the
# minutes written into it, which is the minutes.
_AGENDA_AND_MINUTES = re.compile(
    r"^(?:dagsorden\s*(?:/|og|&|\+)\s*referat|referat\s*(?:/|og|&|\+)\s*dagsorden)\b", re.I
)


def _kind_in_title_line(text: str) -> MeetingKind | None:
    if _AGENDA_AND_MINUTES.match(text.strip()):
        return "referat"
    match = _KIND_IN_TITLE.search(text.strip())
    if not match:
        return None
    word = (match.group("first") or match.group("last") or match.group("caps") or match.group("after_body")).lower()
    return MEETING_KIND_WORDS.get(word)


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
            low = candidate.lower().strip()
            if (
                len(candidate) < 60
                and low.rstrip(":") not in PARTICIPANT_HEADINGS
                # not a label ("Sted:", "Hent som fil:"), an access word, a link or a place
                and not low.endswith(":")
                and low.rstrip(".") not in ("åben", "åbent", "lukket", "møde", "teams", "skype", "zoom")
                and low not in HEADER_LABELS  # "Tidspunkt" / "Sted": a label whose value is on its own line
                and not WEB_FURNITURE_LINE.fullmatch(low)
            ):
                return candidate
    return None


_ORGANISATION = re.compile(
    r"\b(?:(?:[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)\s+Kommune|Region\s+[A-ZÆØÅ][a-zæøå]+"
    r"|Danske Regioners?|Sundhedsstyrelsen|Kommunernes Landsforening)\b"
)


def _letterhead(layout: Layout) -> str | None:
    """The name a letterhead prints: a PDF's sidebar, a web site's header (its own name)."""
    for line in layout.sidebar:
        if re.fullmatch(r"[A-ZÆØÅ][\w-]*(?:styrelsen|ministeriet|Regioner|Kommune|rådet)", line.text.strip()):
            return line.text.strip()
    return next((line.text for line in layout.furniture if line.region == "site"), None)


def _organisation(layout: Layout) -> str | None:
    """The authority the whole document (running headers and footers included) names most:
    a municipality, a region, Danske Regioner, else an association named in its first lines."""
    counts = _organisations_named(layout.lines + layout.furniture)
    # A municipality named once is the publisher of municipal minutes, a region named more
    # often than any municipality the publisher of a region's ("Region Sjællands psykiatri"
    # twice over one item about a gravel pit in Roskilde Kommune); an association like
    # Danske Regioner is mentioned in everyone's minutes, so ask for more evidence.
    public = Counter(
        {name: count for name, count in counts.items() if name.endswith("Kommune") or name.startswith("Region ")}
    )
    regions = counts.get("Danske Regioner", 0)
    if public:
        # (a tie goes to the municipality: a municipality's minutes name its region too)
        name, count = max(public.items(), key=lambda pair: (pair[1], pair[0].endswith("Kommune")))
        if count >= regions:
            return name
    if regions >= 4:
        return "Danske Regioner"
    return _association(layout)


def _organisations_named(lines: list[Line]) -> Counter[str]:
    # (a genitive names the same body: "Danske Regioners", "Region Sjællands"; no region's
    # name ends in s)
    return Counter(
        re.sub(r"s$", "", name) if name.endswith("Regioners") or name.startswith("Region ") else name
        for line in lines
        for name in (match.group(0) for match in _ORGANISATION.finditer(line.text))
    )


def _association(layout: Layout) -> str | None:
    """An association that publishes its own minutes, named in the first lines
    ("Grundejerforeningen Kildevang", "GRUNDEJERFORENINGEN ”FOSSGAARDEN”")."""
    for line in layout.lines[:12] + layout.furniture[:6]:
        match = ASSOCIATION_NAME.search(line.text)
        if match:
            return " ".join(match.group("name").split())
    return None
