"""A short seeded run of the fuzzer (bench/fuzz_readers.py), and a regression test for every
crash or hang its long runs found (2 × 10 000 inputs: see the notes on each test).

The long runs (≥ 10 000 inputs) are `python bench/fuzz_readers.py`; this runs 300 inputs
with a fixed seed in this process, so CI sees the same inputs every time. A crash is any
exception from ``extract_bytes`` other than ``ExtractionError``; the CLI turns those into
"internal error while reading (…)", which is still a bug.

A crash the product does not handle yet goes into KNOWN_CRASHES with a strict-xfail
reproduction below; when the fix lands the xfail passes, pytest says so, and both go.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import struct
import sys
import time
import zipfile
from pathlib import Path

import pytest
from builders import make_docx, paragraph
from hostile.generate import make_docx as make_deflated_docx

from referat.extract import ExtractionError, extract_bytes

REPO = Path(__file__).resolve().parent.parent
FUZZ_INPUTS = 300
FUZZ_SEED = 20260226
# (the largest PDF seeds take 2 s alone and 5-6 s on a machine shared with other jobs; an
# input the readers choke on takes far longer, up to the 60 s hang limit)
SLOW_SECONDS = 10.0

# (exception type, file, function) of crashes found and not fixed yet; each would have a
# strict-xfail reproduction below. Empty: everything the long runs found is fixed.
KNOWN_CRASHES: set[tuple[str, str, str]] = set()


def load_fuzzer():
    """bench/ is not a package: load the script as a module."""
    spec = importlib.util.spec_from_file_location("fuzz_readers", REPO / "bench" / "fuzz_readers.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_readers"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _signature(crash: dict) -> tuple[str, str, str]:
    where, _, function = crash["where"].partition(" in ")
    return crash["type"], where.rsplit(":", 1)[0], function


@pytest.mark.slow
def test_a_short_seeded_fuzz_run_finds_no_new_crash_and_no_slow_input(tmp_path):
    fuzz = load_fuzzer()
    recorder = fuzz.Recorder(tmp_path, slow=SLOW_SECONDS)
    start = time.monotonic()
    # Without the 30 000-character lines: they hit the quadratic regexes reported in
    # test_hostile_inputs.py (strict xfails there) and would make this run slow.
    fuzz.fuzz(
        FUZZ_INPUTS,
        FUZZ_SEED,
        workers=0,
        slow=SLOW_SECONDS,
        hang=60,
        pool=fuzz.seeds(),
        on_outcome=recorder,
        long_runs=False,
    )
    summary = recorder.summary(time.monotonic() - start)
    recorder.close()
    assert summary["inputs"] == FUZZ_INPUTS
    assert summary["outcomes"].get("ok", 0) > FUZZ_INPUTS // 3, summary[
        "outcomes"
    ]  # the mutations leave most files readable
    new = [crash for crash in summary["crashes"] if _signature(crash) not in KNOWN_CRASHES]
    assert not new, f"new crashes (inputs saved in {tmp_path}): {new}"
    assert not summary["slow_inputs"], summary["slow_inputs"]


def test_the_fuzzer_is_deterministic():
    fuzz = load_fuzzer()
    pool = fuzz.seeds()
    first = [fuzz.make_input(index, 7, pool) for index in range(30)]
    again = [fuzz.make_input(index, 7, pool) for index in range(30)]
    assert [(i.data, i.enrich, i.name) for i in first] == [(i.data, i.enrich, i.name) for i in again]
    assert len({i.data for i in first}) > 25


# -- regression tests: one per crash or hang the long runs found ------------------------------

NUMBERING = (
    '<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
    '<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="3"><w:abstractNumId w:val="7"/>{override}</w:num>'
)


def numbered(
    ilvl: str = "0",
    start: str = "1",
    fmt: str = "decimal",
    override: str = "",
    paragraph_ilvl: str = "0",
    style: str = "",
) -> bytes:
    """A DOCX with one list paragraph, its numbering definition built from these values."""
    body = (
        (
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{paragraph_ilvl}"/><w:numId w:val="3"/></w:numPr></w:pPr>'
            "<w:r><w:t>Velkomst</w:t></w:r></w:p>"
        )
        + paragraph("Referat")
        + paragraph("Alle bød velkommen.")
    )
    return make_docx(body, NUMBERING.format(ilvl=ilvl, start=start, fmt=fmt, override=override), styles_xml=style)


def _extract_or_reject(data: bytes, name: str = "x.docx") -> None:
    with contextlib.suppress(ExtractionError):
        extract_bytes(name, data, enrich=False)


def _corrupt_deflate(docx: bytes, member: str = "word/document.xml") -> bytes:
    """Overwrite the start of ``member``'s deflate stream: zlib then fails, the CRC is never reached."""
    archive = zipfile.ZipFile(io.BytesIO(docx))
    info = archive.getinfo(member)
    name_length, extra_length = struct.unpack_from("<HH", docx, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    return docx[:start] + b"\xff" * 8 + docx[start + 8 :]


# "Found" notes give the place as it was at commit c0161ff (the fixes came after it).


def test_a_damaged_deflate_stream_in_a_docx_is_reported_not_raised():
    # Found (161 + 136 fuzz inputs): docx.py _parse_part caught BadZipFile, OSError, EOFError and
    # NotImplementedError around archive.open/stream.read (lines 69-73), not zlib.error:
    # "Error -3 while decompressing data: invalid block type / distance too far back".
    data = _corrupt_deflate(make_deflated_docx(paragraph("Punkt 1 Velkomst")))
    with pytest.raises(ExtractionError, match="damaged DOCX"):
        extract_bytes("x.docx", data, enrich=False)


def test_a_zip_whose_directory_offset_is_too_large_is_reported_not_raised():
    # Found (8 + 17 inputs): when the end record's central-directory offset is too large,
    # zipfile computes a negative header offset and archive.open (docx.py line 70) raised
    # ValueError("negative seek value -3440").
    data = bytearray(make_docx(paragraph("Punkt 1 Velkomst")))
    end = data.rindex(b"PK\x05\x06")
    offset = struct.unpack_from("<I", data, end + 16)[0]
    struct.pack_into("<I", data, end + 16, offset + 100_000)
    with pytest.raises(ExtractionError):
        extract_bytes("x.docx", bytes(data), enrich=False)


def test_a_zip_that_needs_a_newer_zip_version_is_reported_not_raised():
    # Found (1 + 3 inputs): read_docx (line 41) caught only BadZipFile from zipfile.ZipFile();
    # a central directory asking for zip version 8.4 raised NotImplementedError.
    data = bytearray(make_docx(paragraph("Punkt 1 Velkomst")))
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 6, 84)  # "version needed to extract": 8.4
    with pytest.raises(ExtractionError):
        extract_bytes("x.docx", bytes(data), enrich=False)


@pytest.mark.parametrize(
    "values",
    [
        pytest.param({"paragraph_ilvl": "abc"}, id="paragraph-ilvl"),
        pytest.param({"ilvl": "x"}, id="lvl-ilvl"),
        pytest.param({"start": "én"}, id="lvl-start"),
        pytest.param(
            {"override": '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1e3"/></w:lvlOverride>'},
            id="start-override",
        ),
        pytest.param(
            {
                "style": (
                    '<w:style w:styleId="Liste"><w:pPr><w:numPr><w:ilvl w:val="?"/><w:numId w:val="3"/></w:numPr>'
                    "</w:pPr></w:style>"
                )
            },
            id="style-ilvl",
        ),
    ],
)
def test_a_numbering_value_that_is_not_a_number_is_ignored_or_reported(values):
    # Found (11 + 9 inputs): int() of w:val / w:ilvl without a guard raised ValueError —
    # docx.py lines 143 (_Styles.num_pr), 175, 178, 188 (_Numbering.__init__), 253 (_paragraph_lines).
    if "style" in values:
        body = '<w:p><w:pPr><w:pStyle w:val="Liste"/></w:pPr><w:r><w:t>Velkomst</w:t></w:r></w:p>'
        data = make_docx(
            body, NUMBERING.format(ilvl="0", start="1", fmt="decimal", override=""), styles_xml=values["style"]
        )
    else:
        data = numbered(**values)
    _extract_or_reject(data)


@pytest.mark.parametrize("fmt", ["lowerLetter", "upperRoman"])
def test_a_huge_list_start_number_gives_a_short_label(fmt):
    # Found (1 MemoryError, 1 hang): _letters (line 229) repeated a letter value // 26 times and
    # _roman (232-240) appended value // 1000 "M"s. w:start 99999999999 asked for a 3.8-billion-
    # character label (MemoryError in a 2 GB worker); 2147483648 gave an 82-million-character
    # line that then hung the layout in hyphens.join_hyphenated_pair (killed after 60 s).
    from referat.extract.read import read_bytes

    result = read_bytes("x.docx", numbered(start="1000000000", fmt=fmt))  # 10⁹: 38 million letters, a million M's
    assert max(len(line.text) for page in result.pages for line in page.lines) < 1000


def test_a_huge_list_level_is_fast():
    # Found while reducing the hang above: _Numbering.label (line 208) looped
    # `for lvl in range(level + 1)`; w:ilvl="100000000" on a paragraph and its level took ~45 s.
    from referat.extract.read import read_bytes

    # A level ten times the one that took ~1.3 s: ~13 s if the loop came back, ~1 ms now.
    # The bound leaves a slow CI machine a wide margin and still tells the two apart.
    begin = time.monotonic()
    read_bytes("x.docx", numbered(ilvl="30000000", paragraph_ilvl="30000000"))
    assert time.monotonic() - begin < 2.0


def test_a_long_run_of_digits_in_a_1940s_book_is_fast():
    # Found by the long run with 1940s books among the seeds (seed 12, input 18477: 13.6 s):
    # historic._sentence_end searched "[\w]+$" over all the text before each full stop and
    # copied that text at each one; a 30 000-digit line in a numbered point made it quadratic.
    from referat.extract import extract_bytes

    book = (
        "Aar 1941 den 8. April Kl. 19 afholdt Sogneraadet Møde.\n1.\nLandinspektøren har fremsendt Udskrift af\n"
        + "0" * 30_000
        + " Protokollen.\nTiltrædes.\n2.\nSygeplejeforeningen ansøger om Tilskud.\nBevilliges 550 Kr.\n"
        "Aar 1941 den 6. Maj Kl. 19 afholdt Sogneraadet Møde.\n1.\nMeddelelser.\nTil Efterretning.\nA. Holm\n"
    )
    begin = time.monotonic()
    meetings = extract_bytes("sogn.txt", book.encode(), enrich=False).meetings
    assert time.monotonic() - begin < 2.0  # ~0.1 s now; the quadratic scan took 9.4 s on this input
    assert [item.number for item in meetings[0].items] == ["1", "2"]


def test_a_page_of_absurd_size_is_rendered_for_ocr_within_the_pixel_bound():
    # Found (fuzz input 5451, issue 11's fuzz run): a mutated MediaBox made page_image ask
    # pdfium for a bitmap of gigabytes at 300 dpi (MemoryError). The page is 200 inches a
    # side here, PDF's largest without a user unit.
    from referat.extract.readers.ocr import MAX_OCR_PIXELS, OCR_DPI, page_image

    class Page:
        scale = None

        def get_size(self):
            return 14_400.0, 14_400.0

        def render(self, scale, grayscale):
            Page.scale = scale
            return self

        def to_pil(self):
            return None

    page_image(Page())
    assert Page.scale is not None and (14_400 * Page.scale) ** 2 <= MAX_OCR_PIXELS * 1.0001
    page_image(type("A4", (Page,), {"get_size": lambda self: (595.0, 842.0)})())
    assert Page.scale == OCR_DPI / 72.0  # an ordinary page keeps its resolution
