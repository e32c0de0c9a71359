"""Agenda XML exports of eDoc and Acadre → the lines of the agenda they describe.

eDoc's ``eDocAgendaPublishing.xml`` and Acadre's ``<root><table name="agenda">`` exports list a
meeting's committee, date, place, members and items (number, title, access, case number, the
sections' text in Acadre, the attachments' titles). They are structured data, not text: the
reader writes them out as the label–value header and "Punkt N Title" lines a printed agenda
has, so the one structure grammar builds the meeting from them and nothing downstream knows
the format. The XML parser resolves no entities and fetches nothing (XXE-safe) and recovers
from the stray control characters eDoc writes (``&#12;``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import lxml.html
from lxml import etree

from referat.extract.errors import ExtractionError, UnsupportedFormat
from referat.extract.pages import Line, Page, ReadResult

_MONTHS = [
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
]
MEDIA_TYPE = "application/xml"


def is_agenda_export(head: bytes) -> bool:
    """Whether an XML file's first bytes are an eDoc or Acadre agenda export.

    Example:
        >>> is_agenda_export(b'<?xml version="1.0"?>\\n<Meeting>\\n  <Committee>Byr'), is_agenda_export(b"<rss>")
        (True, False)
    """
    return bool(re.search(rb"<Meeting>\s*<Committee>|<root>\s*<table name=\"agenda\"", head[:4096]))


def looks_like_xml(head: bytes) -> bool:
    """An XML declaration, or an export's root element without one (Acadre writes none)."""
    return bool(re.match(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml\b|<root>|<Meeting>)", head))


def read_xml_export(path: str, data: bytes) -> ReadResult:
    """Read an eDoc or Acadre agenda export into pages of lines (one page)."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ExtractionError(path, f"damaged XML ({error})") from None
    if root is None:
        raise ExtractionError(path, "damaged XML (no element could be read)")
    if root.tag == "Meeting":
        texts = list(_edoc_lines(root))
    elif root.tag == "root" and root.find(".//table[@name='agendaitem']") is not None:
        texts = list(_acadre_lines(root))
    elif root.tag == "root" and root.find("table[@name='producedAgenda']") is not None:
        reason = "Acadre list of produced agenda files, not an agenda (read the agenda's own XML)"
        raise UnsupportedFormat(path, reason)
    else:
        raise UnsupportedFormat(path, f"XML file that is not an eDoc or Acadre agenda export (root <{root.tag}>)")
    lines = [Line(text=" ".join(text.split()), page=1) for text in texts if text and text.strip()]
    return ReadResult(pages=[Page(number=1, lines=lines)], media_type=MEDIA_TYPE)


def _danish_date(value: str) -> tuple[str, str]:
    """ "04-12-2012 13:00:00" or "2013-06-20 10:30" → ("4. december 2012", "13:00").

    Example:
        >>> _danish_date("04-12-2012 13:00:00"), _danish_date("2013-06-20 10:30")
        (('4. december 2012', '13:00'), ('20. juni 2013', '10:30'))
    """
    for form in ("%d-%m-%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            moment = datetime.strptime(value.strip(), form)
        except ValueError:
            continue
        return f"{moment.day}. {_MONTHS[moment.month - 1]} {moment.year}", moment.strftime("%H:%M")
    return "", ""


def _header(kind: str, body: str, when: str, place: str = "") -> Iterator[str]:
    yield kind
    yield f"Udvalg: {body}"
    day, time = _danish_date(when)
    if day:
        yield f"Mødedato: {day}"
    if time and time != "00:00":
        yield f"Tidspunkt: kl. {time}"
    if place:
        yield f"Mødested: {place}"


def _edoc_lines(meeting) -> Iterator[str]:
    state = meeting.findtext("MeetingState") or ""
    kind = "Referat" if "referat" in state.lower() else "Dagsorden"
    yield from _header(kind, meeting.findtext("Committee") or "", meeting.findtext("MeetingDate") or "")
    for agenda_type in meeting.iter("MeetingAgendaType"):
        closed = "lukket" in (agenda_type.findtext("AgendaType") or "").lower()
        items = sorted(
            agenda_type.iter("MeetingAgendaItem"), key=lambda item: _number(item.findtext("AgendaItemNumber"))
        )
        for item in items:
            title = item.findtext("Document/Title") or item.findtext(".//Title") or ""
            yield f"Punkt {(item.findtext('AgendaItemNumber') or '').strip()} {title.strip()}" + (
                " (Lukket)" if closed else ""
            )
            yield from _attachments([a.findtext(".//Title") or "" for a in item.iter("Attachment")])


def _fields(table) -> dict[str, str]:
    """Acadre's ``<fields><field name="x">value</field>`` rows as a dict (first value wins)."""
    found: dict[str, str] = {}
    for field in table.findall("fields/field"):
        name = field.get("name")
        if name and name not in found:
            found[name] = field.text or ""
    return found


def _acadre_lines(root) -> Iterator[str]:
    agenda = root.find("table[@name='agenda']")
    committee_table = agenda.find(".//table[@name='committee']")
    committee = _fields(committee_table) if committee_table is not None else {}
    meeting_table = agenda.find(".//table[@name='meeting']")
    meeting = _fields(meeting_table) if meeting_table is not None else {}
    kind = _fields(agenda).get("name", "Dagsorden")
    yield from _header(kind, committee.get("name", ""), meeting.get("date", ""), meeting.get("location", ""))
    members = [_fields(member).get("name", "") for member in agenda.iter("table") if member.get("name") == "member"]
    if any(members):
        yield "Medlemmer:"
        yield from (" ".join(name.split()) for name in members if name)
    order = {
        _fields(link).get("agitemid", ""): _number(_fields(link).get("sort"))
        for link in agenda.iter("table")
        if link.get("name") == "agendaitemparents"
    }
    items = [table for table in agenda.iter("table") if table.get("name") == "agendaitem"]
    items.sort(key=lambda table: order.get(_fields(table).get("sysid", ""), 0))
    for table in items:
        yield from _acadre_item(table, order)


def _acadre_item(table, order: dict[str, int]) -> Iterator[str]:
    item = _fields(table)
    number = order.get(item.get("sysid", ""), 0)
    closed = item.get("accessname", "Åben").lower() not in ("åben", "åbent", "")
    yield f"Punkt {number} {item.get('name', '').strip()}" + (" (Lukket)" if closed else "")
    if item.get("caseno"):
        yield f"Sagsnr.: {item['caseno']}"
    for bullet in table.iter("table"):
        if bullet.get("name") != "bullet":
            continue
        fields = _fields(bullet)
        yield fields.get("bulletname", "")
        yield from _html_text(fields.get("bulletcontent", ""))
    yield from _attachments([_fields(e).get("name", "") for e in table.iter("table") if e.get("name") == "enclosure"])


def _attachments(titles: list[str]) -> Iterator[str]:
    """The Bilag list as a printed agenda has it ("Bilag 1: Titel")."""
    titles = [title.strip() for title in titles if title and title.strip()]
    if titles:
        yield "Bilag"
        yield from (f"Bilag {number}: {title}" for number, title in enumerate(titles, start=1))


def _html_text(fragment: str) -> Iterator[str]:
    """A section's HTML (Acadre stores each section as HTML) as its paragraphs' text."""
    if not fragment.strip():
        return
    try:
        body = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        yield re.sub(r"<[^>]+>", " ", fragment)
        return
    for block in body.iter("p", "li", "div", "h1", "h2", "h3", "h4", "tr"):
        if block.getparent() is not None and block.getparent().tag in ("p", "li", "tr") and block.tag == "div":
            continue
        own = [child for child in block if child.tag in ("p", "li", "div", "table")]
        if own and block.tag == "div":
            continue
        text = " ".join(block.text_content().split())
        if text:
            yield text


def _number(value: str | None) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return 0
