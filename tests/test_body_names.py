"""Bodies and organisations by one name: spellings folded, the alias table (data/body_names.tsv),
the archive storing canonical names and finding a body by any spelling, the 1940s books'
parish as organisation."""

from __future__ import annotations

import sqlite3

import pytest
from archive_documents import WITHOUT_MIGRATION_14, is_postgresql, item, rows
from click.testing import CliRunner

from referat.archive import SearchFilters, open_archive
from referat.cli import main
from referat.data.bodies import canonical_body, canonical_names, name_key
from referat.extract import extract_bytes, extract_file
from referat.models import Document, Meeting, Source


@pytest.mark.parametrize(
    ("printed", "organisation", "canonical"),
    [
        ("Sogneraadet", "Elev Sognekommune", "Sognerådet"),  # the 1940s books
        ("Sogneraadets", None, "Sognerådet"),  # genitive, old spelling
        ("Sogneraad", "Tiset Sognekommune", "Sognerådet"),
        ("ØU", "Aarhus Kommune", "Økonomiudvalget"),
        ("FORRETNINGSUDVALGET", None, "Forretningsudvalget"),  # a letterhead in capitals
        ("Udvalget for plan, udvikling og kultur (PUK)", "Syddjurs Kommune", "Udvalget for Plan, Udvikling og Kultur"),
        ("PUK", "Syddjurs Kommune", "Udvalget for Plan, Udvikling og Kultur"),
        ("PUK", "Aarhus Kommune", "PUK"),  # another organisation's PUK is not Syddjurs's committee
        ("Psykiatri- og Socialudvalget", "Danske Regioner", "Psykiatri- og Socialudvalget"),  # not in the table
    ],
)
def test_a_body_printed_any_way_gets_its_canonical_name(printed, organisation, canonical):
    assert canonical_body(printed, organisation) == canonical


def test_spellings_of_one_body_share_a_key_and_different_bodies_do_not():
    same = ["Økonomiudvalget", "Økonomiudvalg", "ØKONOMIUDVALGET", "Økonomiudvalgets", "økonomiudvalget"]
    assert {name_key(name) for name in same} == {"økonomiudvalg"}
    assert name_key("Kultur- og fritidsudvalg") == name_key("Kultur- og Fritidsudvalget")
    assert name_key("Børn & Læringsudvalget") == name_key("Børn og Læringsudvalget")
    different = ["Byrådet", "Regionsrådet", "Sognerådet", "Menighedsrådet", "Økonomiudvalget", "Teknikudvalget"]
    assert len({name_key(name) for name in different}) == len(different)
    assert canonical_names("Århus Kommune", "Byraadet") == ("Aarhus Kommune", "Byrådet")
    assert canonical_names("Region H", "Regionsraadet") == ("Region Hovedstaden", "Regionsrådet")


def _meeting_document(name: str, organisation: str | None, body: str, date: str, title: str) -> Document:
    import hashlib

    meeting = Meeting(
        organisation=organisation,
        body=body,
        kind="referat",
        date=date,
        items=[item("1", title, [("decision", f"{title}: sagen blev drøftet.")])],
        pages=(1, 1),
    )
    digest = hashlib.sha256((name + meeting.model_dump_json()).encode()).hexdigest()
    return Document(source=Source(path=name, sha256=digest, media_type="text/plain", pages=1), meetings=[meeting])


ARCHIVED = [
    ("elev-1941.txt", "Elev Sognekommune", "Sogneraadet", "1941-03-04", "Skolens Kakkelovn"),
    ("elev-1942.txt", "Elev Sognekommune", "Sogneraad", "1942-05-12", "Skolens Tag"),
    ("tiset-1941.txt", "Tiset Sognekommune", "Sogneraadet", "1941-06-02", "Skolens Brønd"),
    ("aarhus-oeu-1.txt", "Aarhus Kommune", "Økonomiudvalg", "2019-03-25", "Skolernes budget"),
    ("aarhus-oeu-2.txt", "Århus Kommune", "ØKONOMIUDVALGET", "2019-04-08", "Skolernes anlæg"),
    ("aarhus-by.txt", "Aarhus Kommune", "Byrådet", "2019-04-10", "Skolernes struktur"),
    ("forening.txt", None, "bestyrelse", "2024-01-10", "Skolegården"),  # no organisation printed
]


@pytest.fixture
def names_archive(new_archive):
    path = new_archive
    with open_archive(path) as archive:
        for row in ARCHIVED:
            archive.store_document(_meeting_document(*row))
    return path


def test_the_archive_stores_one_name_per_body_and_organisation(names_archive):
    with open_archive(names_archive) as archive:
        facets = archive.search("skole", facets=True).facets["body"]
    # facets count matching passages: each item's title and its decision say "Skole…"
    assert facets == {"Sognerådet": 6, "Økonomiudvalget": 4, "Byrådet": 2, "Bestyrelsen": 2}
    stored = rows(names_archive, "SELECT DISTINCT organisation FROM meetings")
    assert {name for (name,) in stored} == {"Elev Sognekommune", "Tiset Sognekommune", "Aarhus Kommune", None}


@pytest.mark.parametrize(
    ("typed", "titles"),
    [
        ("Elev", {"Skolens Kakkelovn", "Skolens Tag"}),  # the parish, not every parish's council
        ("Elev Sogneraad", {"Skolens Kakkelovn", "Skolens Tag"}),  # as the book names its council
        ("Elev Sognerådet", {"Skolens Kakkelovn", "Skolens Tag"}),
        ("Sogneraadets", {"Skolens Kakkelovn", "Skolens Tag", "Skolens Brønd"}),
        ("sognerådet", {"Skolens Kakkelovn", "Skolens Tag", "Skolens Brønd"}),
        ("ØU", {"Skolernes budget", "Skolernes anlæg"}),
        ("Økonomiudvalgets", {"Skolernes budget", "Skolernes anlæg"}),
        ("Aarhus Byråd", {"Skolernes struktur"}),
        ("Århus Kommune", {"Skolernes budget", "Skolernes anlæg", "Skolernes struktur"}),
    ],
)
def test_body_filter_finds_a_body_by_any_of_its_spellings(names_archive, typed, titles):
    with open_archive(names_archive) as archive:
        hits = archive.search("skole", filters=SearchFilters(body=typed), limit=50).hits
    assert {hit.title for hit in hits} == titles


def test_an_unknown_body_is_still_one_clear_line(names_archive):
    result = CliRunner().invoke(main, ["search", "skole", "--body", "Menighedsrådet", "--archive", names_archive])
    assert result.exit_code != 0
    assert "no meeting body matching 'Menighedsrådet'" in result.output


def test_an_older_archive_takes_the_canonical_names_when_opened(names_archive):
    if is_postgresql(names_archive):
        pytest.skip("SQLite's migration 11 (PostgreSQL's schema began with the canonical names)")

    # Back to before migration 11 by hand: the names as an older referat stored them.
    connection = sqlite3.connect(names_archive, isolation_level=None)
    connection.executescript(
        "UPDATE meetings SET body = 'Sogneraadet' WHERE body = 'Sognerådet';"
        "UPDATE meetings SET body = 'Økonomiudvalg' WHERE body = 'Økonomiudvalget';"
        "UPDATE meetings SET body = 'ØKONOMIUDVALGET', organisation = 'Århus Kommune' WHERE id = 5;"
        "UPDATE meetings SET body = 'bestyrelse' WHERE organisation IS NULL;"
        "DROP INDEX documents_attachment; DROP INDEX meetings_names;"
        " ALTER TABLE documents DROP COLUMN attachment_of; ALTER TABLE positions DROP COLUMN votes;"
        + WITHOUT_MIGRATION_14
        + "PRAGMA user_version = 10;"
    )
    connection.close()
    with open_archive(names_archive) as archive:
        facets = archive.search("skole", facets=True).facets["body"]
        assert archive.check()["integrity"] == "ok"
    assert facets == {"Sognerådet": 6, "Økonomiudvalget": 4, "Byrådet": 2, "Bestyrelsen": 2}
    rows = sqlite3.connect(names_archive).execute("SELECT DISTINCT organisation FROM meetings ORDER BY 1").fetchall()
    assert [name for (name,) in rows] == [None, "Aarhus Kommune", "Elev Sognekommune", "Tiset Sognekommune"]


BOOK = (
    "Aar 1941 den 4 Marts holdt Elev Sogneraad Møde i Skolen. Alle Medlemmer var mødt.\n"
    "1. Skolens Kakkelovn. Der bevilgedes 40 Kr. til en ny Kakkelovn.\n"
    "2. Fattigvæsenet. Elev Sogneraad vedtog at yde Hjælp til Enken.\n"
    "Mødet hævet. Elev Sogneraad, Jens Jensen.\n"
    "\n"
    "Aar 1941 den 8 April holdt Sogneraadet Møde i Skolen. Alle Medlemmer var mødt.\n"
    "1. Vejene. Ølsted Sogneraad har skrevet om Vejen til Elev. Sagen udsat.\n"
    "Mødet hævet.\n"
)


def test_a_minute_book_gets_its_parish_from_its_title_or_else_from_its_text():
    from_title = extract_bytes("Elev_1941.txt", BOOK.encode(), enrich=False)
    from_text = extract_bytes("protokol.txt", BOOK.encode(), enrich=False)
    for document in (from_title, from_text):
        assert len(document.meetings) == 2
        assert {meeting.organisation for meeting in document.meetings} == {"Elev Sognekommune"}


def test_every_meeting_of_the_real_parish_books_has_its_parish(shared):
    books = sorted((shared / "corpus-real" / "parish-1940s").glob("*_19[0-9][0-9]*.txt"))
    assert len(books) >= 50
    for book in books[::6]:  # a sample of nine: every book takes ~1 s
        parish = book.name.split("_")[0]
        document = extract_file(str(book), enrich=False)
        assert document.meetings, book.name
        assert {meeting.organisation for meeting in document.meetings} == {f"{parish} Sognekommune"}, book.name


def test_a_republication_printing_the_body_otherwise_keeps_every_item_key(new_archive):
    first = (
        "Kultur- og Fritidsudvalget\nReferat\nMødedato: 25. marts 2019\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n2. Tilskud til spejderhytten\nBeslutning\nGodkendt.\n"
    )
    # the corrected file names the committee in the indefinite form, and a decision changed
    corrected = first.replace("Kultur- og Fritidsudvalget\n", "Kultur- og Fritidsudvalg\n").replace(
        "hytten\nBeslutning\nGodkendt.", "hytten\nBeslutning\nGodkendt med 40.000 kr."
    )
    with open_archive(new_archive) as archive:
        archive.store_document(extract_bytes("kfu.txt", first.encode(), enrich=False), path="kfu.txt")
        before = [key for (key,) in archive.connection.execute("SELECT key FROM items ORDER BY id")]
        replaced = archive.store_document(extract_bytes("kfu.txt", corrected.encode(), enrich=False), path="kfu.txt")
        after = [key for (key,) in archive.connection.execute("SELECT key FROM items ORDER BY id")]
    assert replaced == "replaced"
    assert before == after == ["kultur-og-fritidsudvalget.2019-03-25-1", "kultur-og-fritidsudvalget.2019-03-25-2"]


def test_the_stored_spellings_are_read_once_and_again_after_another_connection_wrote(new_archive, monkeypatch):
    from archive_documents import document, item

    from referat.archive import names

    reads = []
    original = names.Spellings.__init__
    monkeypatch.setattr(names.Spellings, "__init__", lambda self, c: reads.append(1) or original(self, c))
    path = new_archive
    with open_archive(path) as archive:
        for n in range(4):  # once per document made a bulk import quadratic
            archive.store_document(document(f"{n}.txt", "Økonomiudvalget", f"2024-0{n + 1}-01", [item("1", "Budget")]))
        assert len(reads) == 1
        with open_archive(path) as other:  # another connection stores "Kulturudvalget" first (its own read) …
            other.store_document(document("x.txt", "Kulturudvalget", "2024-06-01", [item("1", "Bibliotek")]))
        archive.store_document(document("y.txt", "kulturudvalg", "2024-07-01", [item("1", "Musik")]))
        assert len(reads) == 3  # … so this one reads the spellings again and stores its spelling
        bodies = [row[0] for row in archive.connection.execute("SELECT body FROM meetings ORDER BY id")]
    assert list(dict.fromkeys(bodies)) == ["Økonomiudvalget", "Kulturudvalget"]


def test_the_body_that_acts_and_the_body_that_decides_are_read_with_the_same_words():
    # A representatives' council and a river committee, told acting in the definite form:
    # both the acting-body reader and the prose-decision reader know them.
    from referat.extract.structure.acting_body import body_from_items
    from referat.extract.structure.decisions import prose_decisions
    from referat.models import Item

    minutes = "Repræsentantskabet drøftede regnskabet. Repræsentantskabet godkendte budgettet."
    assert body_from_items([Item(number="1", title="Budget", text=minutes, pages=(1, 1))]) == "Repræsentantskabet"
    assert [d.text for d in prose_decisions("Gudenåkomitéen godkendte vandplanen.")] == [
        "Gudenåkomitéen godkendte vandplanen."
    ]
