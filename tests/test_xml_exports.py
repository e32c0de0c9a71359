"""Agenda XML exports (eDoc, Acadre) are read as the structured agendas they are: items,
titles, access, case numbers, the meeting's date, body and place; other XML is refused with
one line. The small exports here are written for the tests in the two systems' shapes; the
real exports in ../shared are read too when it is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from referat.extract.errors import UnsupportedFormat
from referat.extract.pipeline import extract_bytes
from referat.extract.read import read_bytes

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus-real"

EDOC = """<?xml version="1.0"?>
<Meeting>
  <Committee>Børne- og Skoleudvalget</Committee>
  <MeetingDate>07-03-2023 16:00:00</MeetingDate>
  <MeetingState>Referat endeligt godkendt</MeetingState>
  <MeetingAgendaTypes>
    <MeetingAgendaType><AgendaType>Åben dagsorden</AgendaType><MeetingAgendaItems>
      <MeetingAgendaItem><AgendaItemNumber>2</AgendaItemNumber>
        <Document><Title>Skolernes ferieplan 2024</Title></Document>
        <Attachments><Attachment><Document><Title>Forslag til ferieplan</Title></Document></Attachment></Attachments>
      </MeetingAgendaItem>
      <MeetingAgendaItem><AgendaItemNumber>1</AgendaItemNumber>
        <Document><Title>Godkendelse af dagsorden &#12;</Title></Document></MeetingAgendaItem>
    </MeetingAgendaItems></MeetingAgendaType>
    <MeetingAgendaType><AgendaType>Lukket dagsorden</AgendaType><MeetingAgendaItems>
      <MeetingAgendaItem><AgendaItemNumber>3</AgendaItemNumber>
        <Document><Title>Personalesag</Title></Document></MeetingAgendaItem>
    </MeetingAgendaItems></MeetingAgendaType>
  </MeetingAgendaTypes>
</Meeting>
"""

ACADRE = """<root><table name="agenda"><fields><field name="name">Referat</field></fields>
<table name="committee"><fields><field name="name">Teknisk Udvalg</field></fields>
<table name="commember"><table name="member"><fields><field name="name">Anna  Holm (A)</field></fields></table>
<table name="member"><fields><field name="name">Bo Lind (V)</field></fields></table></table></table>
<table name="meeting"><fields><field name="date">2023-05-11 09:00</field>
<field name="location">Rådhuset, mødelokale 1</field></fields></table>
<table name="agendaitemparents"><fields><field name="agitemid">41</field><field name="sort">57</field></fields></table>
<table name="agendaitem"><fields><field name="sysid">41</field><field name="name">Vejbelysning i Nordby</field>
<field name="caseno">23/10457</field><field name="accessname">Åben</field></fields>
<table name="bullet"><fields><field name="bulletname">Indstilling</field>
<field name="bulletcontent">&lt;p&gt;Direktøren indstiller, at belysningen skiftes til LED.&lt;/p&gt;</field>
</fields></table>
<table name="bullet"><fields><field name="bulletname">Beslutning i Teknisk Udvalg den 11-05-2023</field>
<field name="bulletcontent">&lt;p&gt;Godkendt.&lt;/p&gt;</field></fields></table>
</table></table></root>"""


def test_an_edoc_export_is_an_agenda_with_closed_items() -> None:
    document = extract_bytes("eDocAgendaPublishing.xml", EDOC.encode(), enrich=False)
    assert document.source.media_type == "application/xml"
    [meeting] = document.meetings
    assert (meeting.kind, meeting.body, str(meeting.date), meeting.start_time) == (
        "referat",
        "Børne- og Skoleudvalget",
        "2023-03-07",
        "16:00",
    )
    assert [(item.number, item.title, item.access) for item in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "public"),
        ("2", "Skolernes ferieplan 2024", "public"),
        ("3", "Personalesag", "closed"),
    ]
    assert [ref.title for ref in meeting.items[1].attachments] == ["Forslag til ferieplan"]


def test_an_acadre_export_gives_members_sections_and_the_decision() -> None:
    document = extract_bytes("3687981.XML", ACADRE.encode(), enrich=False)
    [meeting] = document.meetings
    assert (meeting.body, str(meeting.date), meeting.location) == (
        "Teknisk Udvalg",
        "2023-05-11",
        "Rådhuset, mødelokale 1",
    )
    assert [person.name for person in meeting.participants] == ["Anna Holm", "Bo Lind"]
    [item] = meeting.items
    assert (item.number, item.title, item.case_numbers) == ("57", "Vejbelysning i Nordby", ["23/10457"])
    assert item.recommendations == ["belysningen skiftes til LED."]
    assert [decision.outcome for decision in item.decisions] == ["approved"]


def test_other_xml_is_refused_with_its_reason() -> None:
    with pytest.raises(UnsupportedFormat, match="not an eDoc or Acadre agenda export \\(root <rss>\\)"):
        read_bytes("feed.xml", b'<?xml version="1.0"?><rss><channel><title>Nyt</title></channel></rss>')


def test_no_entity_is_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("HEMMELIG", encoding="utf-8")
    hostile = EDOC.replace(
        '<?xml version="1.0"?>', f'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file://{secret}">]>'
    ).replace("Personalesag", "&x;")
    document = extract_bytes("x.xml", hostile.encode(), enrich=False)
    assert "HEMMELIG" not in document.model_dump_json()


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus-real is not beside this checkout")
def test_the_real_exports_read_as_agendas() -> None:
    edoc = extract_bytes("x.xml", (SHARED / "ballerup-2012" / "eDocAgendaPublishing.xml").read_bytes(), enrich=False)
    assert [item.number for item in edoc.meetings[0].items] == [str(n) for n in range(1, 9)]
    acadre = extract_bytes("x.XML", (SHARED / "syddjurs-2013" / "3687981.XML").read_bytes(), enrich=False)
    [item] = acadre.meetings[0].items
    assert (item.number, item.case_numbers) == ("715", ["12/27845"])
    with pytest.raises(UnsupportedFormat, match="list of produced agenda files"):
        read_bytes("x.xml", (SHARED / "syddjurs-2013" / "XML_1863.xml").read_bytes())
