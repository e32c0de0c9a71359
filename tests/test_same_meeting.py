"""One meeting once: an agenda and its minutes, or a full referat and one PDF per item, are
stored whole, and each item is counted once (archive/same_meeting.py)."""

from __future__ import annotations

import pytest

from referat.archive import AmountFilters, SearchFilters, open_archive
from referat.extract import extract_bytes, extract_file
from referat.extract.title_match import same_title

AGENDA = """Teknik- og Miljøudvalget
Dagsorden
Mødedato: 3. marts 2025
Mødested: Rådhuset, mødelokale 2

Punkt 1 Godkendelse af dagsorden
Sagsfremstilling
Dagsordenen forelægges til godkendelse.

Punkt 2 Renovering af Søndergade, anlægsbevilling
Sagsfremstilling
Forvaltningen har fået tilbud på renoveringen af kloak og belægning i Søndergade.
Indstilling
Forvaltningen indstiller, at der gives en anlægsbevilling på 140 mio. kr. til renoveringen.

Punkt 3 Vintertjeneste
Sagsfremstilling
Regulativet for glatførebekæmpelse skal revideres før sæsonen.
"""

MINUTES = """Teknik- og Miljøudvalget
Referat
Mødedato: 3. marts 2025
Mødested: Rådhuset, mødelokale 2

Punkt 1 Godkendelse af dagsorden
Sagsfremstilling
Dagsordenen forelægges til godkendelse.
Beslutning
Godkendt.

Punkt 2 Renovering af Søndergade, anlægsbevilling
Sagsfremstilling
Forvaltningen har fået tilbud på renoveringen af kloak og belægning i Søndergade.
Indstilling
Forvaltningen indstiller, at der gives en anlægsbevilling på 140 mio. kr. til renoveringen.
Beslutning
Godkendt. Udvalget bad om en status på Søndergade efter sommerferien.

Punkt 3 Vintertjeneste
Sagsfremstilling
Regulativet for glatførebekæmpelse skal revideres før sæsonen.
Beslutning
Taget til efterretning.
"""


def stored(archive, name: str, text: str) -> str:
    return archive.store_document(extract_bytes(name, text.encode()))


def kept_items(archive) -> list[tuple[str, str]]:
    rows = archive.connection.execute(
        "SELECT i.number, m.kind FROM items i JOIN meetings m ON m.id = i.meeting_id"
        " WHERE i.parent_id IS NULL AND i.same_as IS NULL ORDER BY i.number"
    )
    return [tuple(row) for row in rows]


@pytest.mark.parametrize("order", [("agenda", "minutes"), ("minutes", "agenda")])
def test_an_agenda_and_its_minutes_are_one_meeting_whose_minutes_are_kept(order):
    texts = {"agenda": ("dagsorden.txt", AGENDA), "minutes": ("referat.txt", MINUTES)}
    with open_archive(":memory:") as archive:
        for which in order:
            assert stored(archive, *texts[which]) == "imported"
        # both files are stored whole …
        assert archive.counts()["items"] == 6
        # … and each item is counted once, through the minutes (they say what was decided)
        assert kept_items(archive) == [("1", "referat"), ("2", "referat"), ("3", "referat")]
        hits = archive.search("Søndergade", SearchFilters()).hits
        assert [hit.number for hit in hits] == ["2"]
        amounts = archive.amounts(AmountFilters(minimum=1e8))
        assert [(row["value"], row["number"]) for row in amounts] == [(140_000_000.0, "2")]
        item = archive.item(hits[0].item)
        assert sorted(source["path"] for source in item["sources"]) == ["dagsorden.txt", "referat.txt"]
        assert item["sources"][0]["path"] == "referat.txt"  # the kept copy first
        assert item["same_as"] is None


def test_meetings_of_another_date_or_another_organisation_stay_apart():
    with open_archive(":memory:") as archive:
        stored(archive, "referat.txt", MINUTES)
        stored(archive, "marts-10.txt", MINUTES.replace("3. marts 2025", "10. marts 2025"))
        stored(archive, "andet-udvalg.txt", MINUTES.replace("Teknik- og Miljøudvalget", "Økonomiudvalget"))
        assert len(kept_items(archive)) == 9


def test_replacing_the_kept_file_links_the_copies_again(tmp_path):
    minutes = tmp_path / "referat.txt"
    agenda = tmp_path / "dagsorden.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    agenda.write_text(AGENDA, encoding="utf-8")
    with open_archive(str(tmp_path / "a.db")) as archive:
        for path in (agenda, minutes):
            archive.store_document(extract_file(str(path)))
        # a corrected re-publication of the minutes: item 3 renamed, so only 1 and 2 match
        minutes.write_text(MINUTES.replace("Punkt 3 Vintertjeneste", "Punkt 3 Affaldsplan 2026"), encoding="utf-8")
        assert archive.store_document(extract_file(str(minutes))) == "replaced"
        assert kept_items(archive) == [("1", "referat"), ("2", "referat"), ("3", "dagsorden"), ("3", "referat")]
        assert [hit.number for hit in archive.search("Søndergade", SearchFilters()).hits] == ["2"]


def test_titles_that_read_alike_name_one_item():
    assert same_title("Renovering af Søndergade, anlægsbevilling", "Renovering af Søndergade, anlægs- bevilling")
    assert same_title(
        "KL's opfølgningsproces vedrørende det nære sundhedsvæsen",
        "KL's opfølgningsproces vedr. det nære sundhedsvæsen",
    )
    assert not same_title("Godkendelse af dagsorden", "Godkendelse af regnskab")


def test_the_full_ballerup_referat_and_its_per_item_pdfs_give_eight_items_with_two_sources_each(shared):
    folder = shared / "corpus-real" / "ballerup-2012"
    full = folder / "Sundheds-_og_Forebyggelsesudvalget.pdf"
    per_item = sorted(folder.glob("15528*.PDF"))
    assert len(per_item) == 8
    with open_archive(":memory:") as archive:
        for path in [*per_item, full]:
            archive.store_document(extract_file(str(path)))
        rows = archive.connection.execute(
            "SELECT key, number FROM items WHERE parent_id IS NULL AND same_as IS NULL ORDER BY CAST(number AS int)"
        ).fetchall()
        assert [number for _, number in rows] == [str(n) for n in range(1, 9)]
        for key, _ in rows:
            sources = archive.item(key)["sources"]
            assert len(sources) == 2
            assert {source["path"].endswith(".PDF") for source in sources} == {True, False}
        hits = archive.search("rygestopkurser", SearchFilters(), limit=20).hits
        assert [hit.number for hit in hits] == ["8"]
        decided = archive.amounts(AmountFilters(minimum=1e8, decided=True))
        assert len(decided) == len({(row["item"], row["text"]) for row in decided}) > 0
