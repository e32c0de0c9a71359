"""Cross-check against the municipalities' own XML exports (not our annotation):
each Ballerup per-item PDF must yield exactly the item the eDoc export lists for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from referat.extract import extract_file

BALLERUP = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus-real" / "ballerup-2012"


def _export_items():
    if not (BALLERUP / "eDocAgendaPublishing.xml").exists():
        return []
    # The export holds an invalid character reference (&#12;); recover past it.
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    tree = etree.parse(str(BALLERUP / "eDocAgendaPublishing.xml"), parser)
    return [
        (item.findtext("AgendaItemNumber"), item.findtext("PDFDocument"), item.findtext("Document/Title"))
        for item in tree.iter("MeetingAgendaItem")
        if (BALLERUP / item.findtext("PDFDocument")).exists()
    ]


@pytest.mark.parametrize(
    "number, pdf, title",
    _export_items()
    or [pytest.param(None, None, None, marks=pytest.mark.skip(reason="../shared is not beside this checkout"))],
)
def test_per_item_pdf_matches_the_edoc_export(number, pdf, title):
    document = extract_file(str(BALLERUP / pdf))
    assert [(item.number, item.title) for meeting in document.meetings for item in meeting.items] == [(number, title)]
    meeting = document.meetings[0]
    assert (meeting.date, meeting.body) == ("2012-12-04", "Sundheds- og Forebyggelsesudvalget")


def test_syddjurs_acadre_export_lists_our_meeting(shared):
    root = etree.parse(
        str(shared / "corpus-real" / "syddjurs-2013" / "3687981.XML"),
        etree.XMLParser(resolve_entities=False, no_network=True),
    )
    meeting_table = next(t for t in root.iter("table") if t.get("name") == "meeting")
    fields = {f.get("name"): f.text for f in meeting_table.find("fields") if f.get("name")}
    committee = next(t for t in root.iter("table") if t.get("name") == "committee")
    members = [m.findtext("fields/field[@name='name']") for m in committee.iter("table") if m.get("name") == "member"]
    for suffix in ("pdf", "docx"):
        meeting = extract_file(str(shared / "corpus-real" / "syddjurs-2013" / f"Ekstraordinært_PUK.{suffix}")).meetings[
            0
        ]
        assert meeting.date == fields["date"][:10] and meeting.start_time == fields["date"][11:16]
        assert meeting.title == fields["name"] == "Ekstraordinært PUK"
        assert sorted(p.name for p in meeting.participants) == sorted(" ".join(m.split()[:-1]) for m in members)
        assert [item.number for item in meeting.items] == ["715"]
