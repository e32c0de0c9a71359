"""Attachments published as files of their own are linked to the item whose Bilag list names
them (archive/attachments.py), and a hit in one shows the item it belongs to."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from referat.archive import open_archive
from referat.archive.attachments import SAME_ATTACHMENT, attachment_name
from referat.cli import main
from referat.extract import extract_file

# Minutes in Ballerup's layout whose Bilag list prints the attachment's title otherwise than
# its file name does ("taksreduktioner" for "takstreduktion", no year), as the real minutes do.
MINUTES = """Ballerup Kommune
Sundheds- og Forebyggelsesudvalget
Referat
Mødedato: 4. december 2012

Punkt 1 Takstreduktion på aflastningstilbuddet Torvevej i 2013
Sagsfremstilling
Forvaltningen foreslår en lavere takst for aflastning på Torvevej i 2013.
Beslutning
Godkendt.
Bilag
1. Forslag til taksreduktioner aflastningstilbuddet Torvevej
2. KL's proces vedrørende det nære sundhedsvæsen

Punkt 2 Meddelelser
Sagsfremstilling
Formanden orienterede om årets julefrokost.
Beslutning
Taget til efterretning.
"""
FILES = {
    # listed as bilag 1 of item 1
    "Forslag_til_takstreduktion_aflastningstilbuddet_Torvevej_2013.txt": (
        "Notat\n\nTakstreduktion for aflastningstilbuddet Torvevej\n\n"
        "Prisen pr. aflastningsdøgn sænkes fra 1.450 kr. til 1.100 kr. fra 1. januar 2013.\n"
    ),
    # listed as bilag 2, with the typographic apostrophe of a file system's name
    "KL’s_proces_vedrørende_det_nære_sundhedsvæsen.txt": (
        "KL's proces\n\nKL inviterer kommunerne til dialogmøder om sundhedsaftalerne i foråret.\n"
    ),
    # another KL paper in the folder, listed by no item: it shares words with bilag 2 only
    "Det_nære_sundhedsvæsen_-_KL.txt": "Det nære sundhedsvæsen\n\nKL beskriver visioner for forebyggelsespakker.\n",
}


def test_the_measured_cut_separates_a_title_from_its_variant_and_from_a_neighbour():
    from rapidfuzz import fuzz

    variant = fuzz.token_sort_ratio(
        attachment_name("Forslag_til_takstreduktion_aflastningstilbuddet_Torvevej_2013.pdf"),
        attachment_name("Forslag til taksreduktioner aflastningstilbuddet Torvevej"),
    )
    neighbour = fuzz.token_sort_ratio(
        attachment_name("Det_nære_sundhedsvæsen_-_KL.pdf"),
        attachment_name("KL’s proces vedrørende det nære sundhedsvæsen"),
    )
    assert neighbour < SAME_ATTACHMENT < variant


def _store_all(archive, folder, names):
    for name in names:
        path = str(folder / name)
        archive.store_document(extract_file(path, enrich=False), path=path)


def test_attachment_files_are_linked_to_their_item_in_either_order(tmp_path, make_archive):
    (tmp_path / "referat.txt").write_text(MINUTES, encoding="utf-8")
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    # the attachments before the minutes in one archive, after them in the other
    for order in ([*FILES, "referat.txt"], ["referat.txt", *FILES]):
        with open_archive(make_archive()) as archive:
            _store_all(archive, tmp_path, order)
            [hit] = archive.search("aflastningsdøgn").hits
            assert hit.path.endswith("Torvevej_2013.txt")
            assert hit.attachment_of_title == "Takstreduktion på aflastningstilbuddet Torvevej i 2013"
            assert archive.item(hit.attachment_of)["number"] == "1"
            [kl_hit] = archive.search("dialogmøder").hits
            assert kl_hit.attachment_of == hit.attachment_of
            [neighbour] = archive.search("forebyggelsespakker").hits
            assert neighbour.attachment_of is None
            [minutes_hit] = archive.search("julefrokost").hits
            assert minutes_hit.attachment_of is None


def _minutes_and_one_attachment(tmp_path, archive_path: str) -> tuple[str, str]:
    """An archive of the minutes and the first attachment file: its path, and the file's name."""
    (tmp_path / "referat.txt").write_text(MINUTES, encoding="utf-8")
    name = next(iter(FILES))
    (tmp_path / name).write_text(FILES[name], encoding="utf-8")
    with open_archive(archive_path) as archive:
        _store_all(archive, tmp_path, ["referat.txt", name])
    return archive_path, name


def test_a_hit_in_an_attachment_prints_the_item_it_belongs_to(tmp_path, new_archive):
    archive_path, _ = _minutes_and_one_attachment(tmp_path, new_archive)
    result = CliRunner().invoke(main, ["search", "aflastningsdøgn", "--archive", archive_path])
    assert result.exit_code == 0, result.output
    assert "bilag to: Takstreduktion på aflastningstilbuddet Torvevej i 2013 · referat show " in result.output


def test_the_web_pages_show_an_attachments_item_and_an_items_attachment_files(tmp_path, new_archive):
    pytest.importorskip("starlette", reason="referat serve needs the web extra")
    from starlette.testclient import TestClient

    from referat.web.app import create_app

    archive_path, name = _minutes_and_one_attachment(tmp_path, new_archive)
    with open_archive(archive_path) as archive:
        [hit] = archive.search("aflastningsdøgn").hits
    with TestClient(create_app(archive_path)) as client:
        found = client.get("/", params={"q": "aflastningsdøgn"}).text
        assert f'Bilag til: <a href="/item/{hit.attachment_of}">{hit.attachment_of_title}</a>' in found
        item_page = client.get(f"/item/{hit.attachment_of}").text
    assert "Bilagsfiler i arkivet" in item_page and f">{tmp_path / name}</a>" in item_page


def _links(archive) -> dict[str, str | None]:
    rows = archive.connection.execute(
        "SELECT d.path, i.title FROM documents d LEFT JOIN items i ON i.id = d.attachment_of"
    ).fetchall()
    return {os.path.basename(path): title for path, title in rows}


def test_an_import_run_links_each_folder_once_at_its_end_as_storing_one_by_one_does(
    tmp_path, monkeypatch, make_archive
):
    from referat.archive import attachments, pg_store, write
    from referat.archive.importer import import_paths

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "referat.txt").write_text(MINUTES, encoding="utf-8")
    for name, text in FILES.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    with open_archive(make_archive()) as archive:
        _store_all(archive, tmp_path / "docs", ["referat.txt", *FILES])
        one_by_one = _links(archive)
    calls = []
    counted = lambda *a: calls.append(a[1]) or attachments.link_attachments(*a)  # noqa: E731
    monkeypatch.setattr(write, "link_attachments", counted)
    monkeypatch.setattr(pg_store, "link_attachments", counted)
    with open_archive(make_archive()) as archive:
        import_paths(archive, [str(tmp_path / "docs")], workers=1)
        assert _links(archive) == one_by_one
    assert calls == [str(tmp_path / "docs")]  # once, not once per file
    assert sum(title is not None for title in one_by_one.values()) == 2


def test_past_every_title_a_name_is_compared_with_the_titles_that_share_a_words_start(monkeypatch):
    from referat.archive import attachments

    titles = ["kronikerindsatser i kommunen", "budget for skoler", "takstreduktion aflastning torvevej"]
    monkeypatch.setattr(attachments, "EVERY_TITLE", 1)
    near = attachments._Candidates(titles).near("kronikerindsats kommunen")
    assert near == [0]
    monkeypatch.setattr(attachments, "EVERY_TITLE", 10)
    assert attachments._Candidates(titles).near("kronikerindsats kommunen") == [0, 1, 2]
