"""Generate the bad-file corpus: broken, hostile and odd inputs that referat must survive.

Nothing is downloaded. Every file is built here from fixed bytes, reportlab (invariant=1)
and random numbers seeded per file name, so a folder gets the same files on every run
(the external-entity payloads name the folder's own secret file and the URL you pass).
Each file has a ``Case``: what referat should do with it — "ok", "fail" with a reason, or
"either" where both are acceptable and the tests record which one happened.

Usage:
    python tests/hostile/generate.py OUTDIR        # writes the files, prints the table

Example:
    >>> from hostile.generate import generate_corpus, hostile_cases
    >>> [case.name for case in hostile_cases() if case.kind == "zip-bomb"][:2]
    ['zip-bomb.docx', 'zip-bomb-lying-size.docx']
    >>> cases = generate_corpus(Path("/tmp/hostile"))  # doctest: +SKIP
"""

from __future__ import annotations

import codecs
import functools
import io
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SEED = 20260226
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DEFAULT_XXE_URL = "http://127.0.0.1:9/referat-xxe"
# What a leaked external entity would show: the tests look for it in every output.
SECRET = "HEMMELIG-XXE-NØGLE-7f3a"
SECRET_FILE = "secrets/secret.txt"
# Part of every ../ zip member's name: no file with it may appear anywhere.
ZIP_SLIP_MARK = "referat-zip-slip-escape"

MINUTES_LINES = [
    "Referat",
    "Økonomiudvalget",
    "Mødedato: 26. februar 2026",
    "Punkt 1 Godkendelse af dagsorden",
    "Beslutning",
    "Dagsordenen blev godkendt.",
    "Punkt 2 Budget 2027 for Ærø og Åbenrå",
    "Indstilling",
    "Direktionen indstiller, at budgettet godkendes.",
    "Beslutning",
    "Indstillingen blev godkendt.",
]
MINUTES_TEXT = "\n".join(MINUTES_LINES) + "\n"
# Strings a correctly decoded file must give back (UTF-16, Latin-1, æøå …).
MINUTES_CHECK = ("Økonomiudvalget", "Godkendelse af dagsorden", "Budget 2027 for Ærø og Åbenrå")

Expect = Literal["ok", "fail", "either"]


@dataclass(frozen=True)
class Case:
    """One generated file and what referat should do with it."""

    name: str  # path inside the corpus folder (spaces, æøå, subfolders allowed)
    kind: str  # its group, e.g. "truncated-pdf"
    expect: Expect
    reason: str | None = None  # a substring of the failure line, when expect == "fail"
    contains: tuple[str, ...] = ()  # strings the Document JSON must hold, when it succeeds
    bounded: bool = False  # must end in < 10 s (and within a 2 GB address space)
    # Whether the per-file run enriches. Off where the hostility is all in what the reader
    # sees (bytes, encodings, names), to keep the test quick; the one-call run enriches all.
    enrich: bool = True
    note: str = ""
    known_bug: str = ""  # a product bug this file shows and nobody has fixed yet: its tests are strict xfails


# A builder returns the file's bytes, or writes ``path`` itself (the zip bomb streams).
Builder = Callable[["_Context", Path], bytes | None]


@dataclass(frozen=True)
class _Context:
    folder: Path
    xxe_url: str
    name: str

    @property
    def rng(self) -> random.Random:
        # Seeded by the file name, so one file's bytes never depend on the others.
        return random.Random(SEED ^ zlib.crc32(self.name.encode("utf-8", "surrogateescape")))

    @property
    def secret_uri(self) -> str:
        return (self.folder / SECRET_FILE).resolve().as_uri()


# -- PDF builders -----------------------------------------------------------------------


@functools.cache
def minutes_pdf(
    lines: tuple[str, ...] = tuple(MINUTES_LINES), pages: int = 2, top: float = 90, password: str = "", owner: str = ""
) -> bytes:
    """A small valid PDF of Danish minutes drawn with reportlab (deterministic: invariant=1)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    encrypt = StandardEncryption(password, owner, canPrint=0, canCopy=0, canModify=0) if owner else None
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1, encrypt=encrypt)
    height = A4[1]
    per_page = max(1, -(-len(lines) // pages))
    for start in range(0, len(lines), per_page):
        pdf.setFont("Helvetica", 11)
        for offset, text in enumerate(lines[start : start + per_page]):
            pdf.drawString(72, height - top - 18 * offset, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def hand_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from raw object bodies (object n is objects[n-1]) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def pdf_stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def text_ops(lines: list[str], top: int = 750, size: int = 11) -> bytes:
    """Content-stream operators that show ``lines`` in Helvetica (WinAnsi, so æøå work)."""
    ops = [b"BT /F1 %d Tf %d TL 72 %d Td" % (size, size + 3, top)]
    for text in lines:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("cp1252") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
FONT_RESOURCES = b"<< /Font << /F1 4 0 R >> >>"


def one_page_pdf(content: bytes, resources: bytes = FONT_RESOURCES, more: tuple[bytes, ...] = ()) -> bytes:
    """Catalog 1, Pages 2, Page 3, Font 4, content 5, then ``more`` as objects 6, 7, …"""
    return hand_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources + b" /Contents 5 0 R >>",
            FONT,
            pdf_stream(content),
            *more,
        ]
    )


def _truncated(offset: int) -> Builder:
    return lambda ctx, path: minutes_pdf()[:offset]


def _truncation_offsets() -> list[int]:
    size = len(minutes_pdf())
    return sorted(
        {
            1,
            4,
            8,
            9,
            16,
            64,
            256,
            1024,
            2048,
            *(size * k // 10 for k in range(1, 10)),
            size - 200,
            size - 40,
            size - 6,
            size - 1,
        }
    )


def _broken_xref_offsets(ctx: _Context, path: Path) -> bytes:
    good = minutes_pdf()
    xref_at, start_at = good.rindex(b"xref"), good.rindex(b"startxref")
    rows = good[xref_at:start_at].split(b"\n")
    garbled = b"\n".join(b"9%09d 00000 n " % (i * 7919) if row.endswith(b" n ") else row for i, row in enumerate(rows))
    return good[:xref_at] + garbled + good[start_at:]


def _broken_xref_missing(ctx: _Context, path: Path) -> bytes:
    good = minutes_pdf()
    return good[: good.rindex(b"xref")] + b"startxref\n999999\n%%EOF\n"


def _broken_startxref(ctx: _Context, path: Path) -> bytes:
    good = minutes_pdf()
    return good[: good.rindex(b"startxref")] + b"startxref\n-12\n%%EOF\n"


def _xref_prev_loop(ctx: _Context, path: Path) -> bytes:
    looped = hand_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    return looped.replace(b"/Root 1 0 R", b"/Root 1 0 R /Prev %d" % looped.rindex(b"xref"))


NEST = 100_000


def _nested_page_tree(ctx: _Context, path: Path, levels: int = 5000) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(levels):
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (level + 3))
    page = levels + 2
    objects.append(
        b"<< /Type /Page /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
        % (page + 1, page + 2)
    )
    objects.append(FONT)
    objects.append(pdf_stream(text_ops(["Punkt 1 Velkomst"])))
    return hand_pdf(objects)


def _long_line_words(ctx: _Context) -> str:
    rng = ctx.rng
    vocabulary = [
        "Punkt",
        "at",
        "udvalget",
        "godkender",
        "1.",
        "kr.",
        "den",
        "26.",
        "februar",
        "2026,",
        "Region",
        "Kommune",
    ]
    words = " ".join(rng.choice(vocabulary) for _ in range(14_000))
    return (words * 2)[:100_000]


def _huge_image_pdf(ctx: _Context, path: Path) -> bytes:
    pixels = zlib.compress(b"\x00" * (64 * 1024 * 1024), 9)  # a sliver of what the header claims
    image = pdf_stream(
        pixels,
        b"/Type /XObject /Subtype /Image /Width 100000 /Height 100000"
        b" /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode ",
    )
    return one_page_pdf(
        b"q 500 0 0 500 50 50 cm /Im1 Do Q " + text_ops(MINUTES_LINES),
        resources=b"<< /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >>",
        more=(image,),
    )


# -- DOCX builders ----------------------------------------------------------------------


def document(body_xml: str, prolog: str = "") -> str:
    """A word/document.xml around ``body_xml``; ``prolog`` goes before the root (a DOCTYPE)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body_xml}</w:body></w:document>'
    )


def paragraphs(lines: list[str]) -> str:
    return "".join(f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>' for text in lines)


CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def member(name: str, compress_type: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    """A zip entry with a fixed time (so the bytes never change) and the name exactly as given."""
    info = zipfile.ZipInfo(name, date_time=(2026, 2, 26, 0, 0, 0))
    info.compress_type = compress_type
    return info


def make_docx(
    body_xml: str = "", extra: dict[str, str | bytes] | None = None, document_xml: str | None = None
) -> bytes:
    """A minimal DOCX; ``document_xml`` replaces the whole document part when given.

    ``extra`` members are written under the exact name given: a ZipInfo keeps "../".
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member("[Content_Types].xml"), CONTENT_TYPES)
        archive.writestr(member("word/document.xml"), document_xml if document_xml is not None else document(body_xml))
        for name, content in (extra or {}).items():
            archive.writestr(member(name), content)
    return buffer.getvalue()


def _zip_without_document(ctx: _Context, path: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member("word/dokument.xml"), document(paragraphs(MINUTES_LINES)))  # misspelt: not the part
    return buffer.getvalue()


@functools.cache
def minutes_docx() -> bytes:
    return make_docx(paragraphs(MINUTES_LINES))


def _patch_zip_sizes(data: bytes, member: str, declared: int) -> bytes:
    """Make the local and central headers of ``member`` claim ``declared`` unpacked bytes."""
    out = bytearray(data)
    name = member.encode()
    for signature, size_at, name_length_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        position = out.find(signature)
        while position != -1:
            name_length = struct.unpack_from("<H", out, position + name_length_at)[0]
            if out[position + name_at : position + name_at + name_length] == name:
                struct.pack_into("<I", out, position + size_at, declared)
            position = out.find(signature, position + 4)
    return bytes(out)


def _patch_zip_method(data: bytes, method: int) -> bytes:
    """Set every member's compression method (9 is Deflate64, which Python cannot inflate)."""
    out = bytearray(data)
    for signature, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        position = out.find(signature)
        while position != -1:
            struct.pack_into("<H", out, position + method_at, method)
            position = out.find(signature, position + 4)
    return bytes(out)


def _document_chunks(total: int, unit: bytes, chunk: int = 1 << 20) -> Iterator[bytes]:
    """A document.xml streamed in pieces: one real paragraph, then ``total`` bytes of ``unit``."""
    closing = "</w:body></w:document>"
    yield document(paragraphs(["Punkt 1 Velkomst"]))[: -len(closing)].encode()
    block = unit * (chunk // len(unit))
    for _ in range(total // len(block)):
        yield block
    yield closing.encode()


def _zip_with_streamed_document(chunks: Iterator[bytes], target, zip64: bool) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(member("[Content_Types].xml"), CONTENT_TYPES)
        with archive.open(member("word/document.xml"), "w", force_zip64=zip64) as stream:
            for chunk in chunks:
                stream.write(chunk)


def _zip_bomb(ctx: _Context, path: Path) -> None:
    # Streamed member by member: the generator never holds more than 1 MB of the 1.1 GB.
    _zip_with_streamed_document(_document_chunks(1100 << 20, b" "), path, zip64=True)


def _zip_bomb_lying(ctx: _Context, path: Path) -> bytes:
    buffer = io.BytesIO()
    _zip_with_streamed_document(_document_chunks(200 << 20, b" "), buffer, zip64=False)
    return _patch_zip_sizes(buffer.getvalue(), "word/document.xml", 2048)


def _paragraph_bomb(ctx: _Context, path: Path) -> bytes:
    buffer = io.BytesIO()
    _zip_with_streamed_document(_document_chunks(60 << 20, b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"), buffer, zip64=False)
    return buffer.getvalue()


def _huge_image_docx(ctx: _Context, path: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(member("word/document.xml", zipfile.ZIP_STORED), document(paragraphs(MINUTES_LINES)))
        # Incompressible, so the file really is 48 MB on disk.
        archive.writestr(
            member("word/media/image1.png", zipfile.ZIP_STORED), b"\x89PNG\r\n\x1a\n" + ctx.rng.randbytes(48 << 20)
        )
    return buffer.getvalue()


# libxml2 reads a DOCTYPE after any amount of comment: 70 kB of it hides the DTD from a
# check that only looks at the first 4 kB / 64 kB, so the parser's own settings must hold.
_PADDING = "<!--" + "polstring " * 7000 + "-->"


def _xxe_docx(where: str, padded: bool, part: str = "document") -> Builder:
    def build(ctx: _Context, path: Path) -> bytes:
        url = ctx.secret_uri if where == "local-file" else ctx.xxe_url
        if where == "parameter-entity":
            dtd = f'<!DOCTYPE w:document [<!ENTITY % remote SYSTEM "{ctx.xxe_url}"> %remote;]>'
        else:
            dtd = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{url}">]>'
        prolog = (_PADDING if padded else "") + dtd
        if part == "styles":
            styles = f'<?xml version="1.0"?>{prolog}<w:styles xmlns:w="{W_NS}"><w:style w:styleId="&xxe;"/></w:styles>'
            return make_docx(paragraphs(["Punkt 1 Velkomst"]), extra={"word/styles.xml": styles})
        return make_docx(
            document_xml=document(
                paragraphs(["Punkt 1 Velkomst &xxe;" if where != "parameter-entity" else "Punkt 1 Velkomst"]), prolog
            )
        )

    return build


_LAUGHS = (
    "<!DOCTYPE w:document ["
    + '<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    + "]>"
)


def _billion_laughs(padded: bool) -> Builder:
    return lambda ctx, path: make_docx(
        document_xml=document(paragraphs(["Punkt 1 &lol9;"]), (_PADDING if padded else "") + _LAUGHS)
    )


def _quadratic_blowup(ctx: _Context, path: Path) -> bytes:
    dtd = '<!DOCTYPE w:document [<!ENTITY big "' + "x" * 50_000 + '">]>'
    return make_docx(document_xml=document(paragraphs(["Punkt 1 " + "&big;" * 20_000]), _PADDING + dtd))


# -- the list -----------------------------------------------------------------------------

_REGISTRY: list[tuple[Case, Builder]] = []


_READER_ONLY_KINDS = {"truncated-pdf", "broken-xref", "encrypted", "encoding", "file-name", "zip-slip"}


def _add(name: str, kind: str, expect: Expect, build: Builder, **options) -> None:
    options.setdefault("enrich", kind not in _READER_ONLY_KINDS)
    _REGISTRY.append((Case(name=name, kind=kind, expect=expect, **options), build))


def _const(data: bytes) -> Builder:
    return lambda ctx, path: data


def _text(text: str, encoding: str = "utf-8", prefix: bytes = b"") -> Builder:
    return lambda ctx, path: prefix + text.encode(encoding)


def _register() -> None:
    # 1. zero bytes, random bytes
    for suffix in ("pdf", "docx", "txt"):
        _add(f"empty.{suffix}", "empty", "fail", _const(b""), reason="empty file (0 bytes)")

    def noise(ctx: _Context, path: Path) -> bytes:
        return ctx.rng.randbytes(64 * 1024)

    _add("random-64k.bin", "random", "fail", noise, reason="binary file of unknown format")
    _add("random-64k.pdf", "random", "fail", noise, reason="not a PDF")
    _add("random-64k.docx", "random", "fail", noise, reason="not a DOCX")
    _add(
        "random-no-nul.txt",
        "random",
        "either",
        lambda ctx, path: bytes(ctx.rng.randrange(1, 256) for _ in range(16 * 1024)),
        note="no NUL byte, so it is read as cp1252 text",
    )

    # 2. good files, then the good PDF cut at many offsets
    _add("good/minutes.pdf", "good", "ok", lambda ctx, path: minutes_pdf(), contains=MINUTES_CHECK)
    _add("good/minutes-word.docx", "good", "ok", lambda ctx, path: minutes_docx(), contains=MINUTES_CHECK)
    _add("good/minutes-text.txt", "good", "ok", _text(MINUTES_TEXT), contains=MINUTES_CHECK)
    for offset in _truncation_offsets():
        _add(
            f"truncated/minutes-cut-{offset:05d}.pdf",
            "truncated-pdf",
            "either",
            _truncated(offset),
            note="pdfium rebuilds a cut file when all it needs lies before the cut",
        )

    # 3. broken cross-reference tables
    _add(
        "broken-xref-offsets.pdf",
        "broken-xref",
        "either",
        _broken_xref_offsets,
        note="every xref offset points past the end",
    )
    _add("broken-xref-missing.pdf", "broken-xref", "either", _broken_xref_missing, note="no xref table, no trailer")
    _add("broken-startxref.pdf", "broken-xref", "either", _broken_startxref, note="startxref is -12")
    _add(
        "broken-xref-prev-loop.pdf",
        "broken-xref",
        "fail",
        _xref_prev_loop,
        reason="damaged PDF",
        note="/Prev points at its own xref; the page list is empty",
    )

    # 4. encrypted PDFs
    _add(
        "encrypted-user-password.pdf",
        "encrypted",
        "fail",
        lambda ctx, path: minutes_pdf(password="bruger", owner="ejer"),
        reason="encrypted PDF (needs a password)",
    )
    _add(
        "encrypted-owner-only.pdf",
        "encrypted",
        "ok",
        lambda ctx, path: minutes_pdf(owner="ejer"),
        contains=MINUTES_CHECK,
        note="owner password only (no printing, copying, changing): the empty user password opens it, as in any viewer",
    )

    # 5. one 100 000-character line, with lines after it (the layout looks at line pairs)
    def around(line: str) -> bytes:
        return ("Punkt 1 Velkomst\nReferat\n" + line + "\nBeslutning\nGodkendt.\n").encode()

    _add(
        "long-line-words.txt",
        "long-line",
        "ok",
        lambda ctx, path: around(_long_line_words(ctx)),
        contains=("Velkomst",),
        bounded=True,
    )
    _add(
        "long-line-one-word.txt",
        "long-line",
        "ok",
        lambda ctx, path: around("æ" * 100_000),
        contains=("Velkomst",),
        bounded=True,
        note="found: hyphens.join_hyphenated_pair searched (\\w+)[-=]$ over the whole line, quadratic (minutes)",
    )
    _add(
        "long-line-dotted.txt",
        "long-line",
        "ok",
        lambda ctx, path: around("1." * 50_000),
        contains=("Velkomst",),
        bounded=True,
        note="found: personal_data.EMAIL backtracked over the whole run, quadratic (~24 s)",
    )
    _add(
        "long-line.pdf",
        "long-line",
        "either",
        lambda ctx, path: one_page_pdf(
            text_ops(["Punkt 1 Velkomst", "Referat"])
            + b"\nBT /F1 1 Tf 10 600 Td ("
            + _long_line_words(ctx).encode("cp1252")
            + b") Tj ET\n"
            + text_ops(["Beslutning", "Godkendt."], top=500)
        ),
        bounded=True,
        note="a 1-pt line of 100 000 characters running far off the page",
    )

    # 6. 2 000 pages, one short line each, mid-page (at the top, lines that differ only in
    # their digits on every page are a running header, and rightly dropped)
    _add(
        "pages-2000.pdf",
        "many-pages",
        "ok",
        lambda ctx, path: minutes_pdf(tuple(f"Punkt {n} Emne nummer {n}" for n in range(1, 2001)), pages=2000, top=400),
        contains=("Emne nummer 1", "Emne nummer 2000"),
        note="with enrichment: ~1.5 s",
    )

    # 7. deeply nested PDF objects
    _add(
        "nested-arrays.pdf",
        "nested-pdf",
        "either",
        lambda ctx, path: one_page_pdf(
            text_ops(["Punkt 1 Velkomst"]),
            resources=b"<< /Font << /F1 4 0 R >> /Deep " + b"[" * NEST + b"]" * NEST + b" >>",
        ),
        bounded=True,
        note="100 000 nested arrays in the page resources",
    )
    _add(
        "nested-dicts.pdf",
        "nested-pdf",
        "either",
        lambda ctx, path: one_page_pdf(
            text_ops(["Punkt 1 Velkomst"]),
            resources=b"<< /Font << /F1 4 0 R >> /Deep " + b"<< /A " * NEST + b"1" + b" >>" * NEST + b" >>",
        ),
        bounded=True,
        note="100 000 nested dictionaries",
    )
    _add(
        "nested-graphics-state.pdf",
        "nested-pdf",
        "either",
        lambda ctx, path: one_page_pdf(b"q " * NEST + text_ops(["Punkt 1 Velkomst"]) + b" Q" * NEST),
        bounded=True,
        note="100 000 nested q … Q",
    )
    _add(
        "nested-xobject-self.pdf",
        "nested-pdf",
        "either",
        lambda ctx, path: one_page_pdf(
            text_ops(["Punkt 1 Velkomst"]) + b" /X1 Do",
            resources=b"<< /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >>",
            more=(
                pdf_stream(
                    b"/X1 Do " + text_ops(["Gentaget"]),
                    b"/Type /XObject /Subtype /Form /BBox [0 0 595 842]"
                    b" /Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> ",
                ),
            ),
        ),
        bounded=True,
        note="a form XObject that draws itself",
    )
    _add(
        "nested-page-tree.pdf",
        "nested-pdf",
        "either",
        _nested_page_tree,
        bounded=True,
        note="a page tree 5 000 levels deep",
    )
    _add(
        "cyclic-page-tree.pdf",
        "nested-pdf",
        "either",
        lambda ctx, path: hand_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
            ]
        ),
        bounded=True,
        note="two page-tree nodes that are each other's kid",
    )

    # 8. DOCX that are not DOCX, or barely
    _add(
        "not-a-zip.docx",
        "not-docx",
        "fail",
        _text("Dette er ikke en DOCX-fil.\n"),
        reason="not a DOCX (not a zip archive)",
    )
    _add(
        "not-a-zip-pk.docx",
        "not-docx",
        "fail",
        lambda ctx, path: b"PK\x03\x04" + ctx.rng.randbytes(4000),
        reason="not a DOCX",
    )
    _add(
        "truncated-half.docx",
        "not-docx",
        "fail",
        lambda ctx, path: minutes_docx()[: len(minutes_docx()) // 2],
        reason="not a DOCX",
    )
    _add("zip-without-document.docx", "not-docx", "fail", _zip_without_document, reason="no word/document.xml")
    _add(
        "deflate64-method.docx",
        "not-docx",
        "fail",
        lambda ctx, path: _patch_zip_method(minutes_docx(), 9),
        reason="damaged DOCX",
    )
    _add(
        "nested-xml.docx",
        "nested-docx",
        "fail",
        lambda ctx, path: make_docx(
            "<w:sdt><w:sdtContent>" * 2000 + paragraphs(["Punkt 1 Velkomst"]) + "</w:sdtContent></w:sdt>" * 2000
        ),
        reason="damaged DOCX",
        bounded=True,
        note="4 000 XML levels: past libxml2's limit of 256 without huge_tree",
    )
    _add(
        "nested-tables.docx",
        "nested-docx",
        "either",
        lambda ctx, path: make_docx(
            "<w:tbl><w:tr><w:tc>" * 80 + paragraphs(["Punkt 1 Velkomst"]) + "</w:tc></w:tr></w:tbl>" * 80
        ),
        bounded=True,
        note="tables in tables, 240 XML levels: under libxml2's limit",
    )

    # 9. external entities and entity expansion (the secret file is written by generate_corpus)
    for where in ("local-file", "url", "parameter-entity"):
        _add(
            f"xxe-{where}.docx",
            "xxe",
            "fail",
            _xxe_docx(where, padded=False),
            reason="declares a DTD or entities",
            bounded=True,
        )
        _add(
            f"xxe-{where}-padded.docx",
            "xxe",
            "either",
            _xxe_docx(where, padded=True),
            bounded=True,
            note="the DOCTYPE after 70 kB of comment, past the prefix check: the parser must resolve nothing",
        )
    for where in ("local-file", "url"):
        _add(
            f"xxe-{where}-styles.docx",
            "xxe",
            "fail",
            _xxe_docx(where, padded=False, part="styles"),
            reason="declares a DTD or entities",
            bounded=True,
        )
    _add(
        "billion-laughs.docx",
        "billion-laughs",
        "fail",
        _billion_laughs(padded=False),
        reason="declares a DTD or entities",
        bounded=True,
    )
    _add(
        "billion-laughs-padded.docx",
        "billion-laughs",
        "fail",
        _billion_laughs(padded=True),
        reason="damaged DOCX",
        bounded=True,
        note="past the prefix check; libxml2's amplification limit stops it",
    )
    _add(
        "quadratic-blowup-padded.docx",
        "billion-laughs",
        "fail",
        _quadratic_blowup,
        reason="damaged DOCX",
        bounded=True,
        note="one 50 kB entity used 20 000 times (1 GB if expanded)",
    )

    # 10. zip bombs
    _add(
        "zip-bomb.docx",
        "zip-bomb",
        "fail",
        _zip_bomb,
        reason="unpacks to",
        bounded=True,
        note="1.1 MB on disk; document.xml inflates to 1.1 GB",
    )
    _add(
        "zip-bomb-lying-size.docx",
        "zip-bomb",
        "fail",
        _zip_bomb_lying,
        reason="damaged DOCX",
        bounded=True,
        note="headers claim 2 048 bytes, the stream inflates to 200 MB: the CRC check catches the lie",
    )
    _add(
        "paragraph-bomb.docx",
        "zip-bomb",
        "either",
        _paragraph_bomb,
        bounded=True,
        note="200 kB on disk; a 60 MB document.xml (under the 64 MB cap) of 1.8 million one-letter paragraphs "
        "(found: ~45 s and ~1.5 GB before the DOCX reader capped paragraphs)",
    )

    # 11. zip members named ../ (zip slip): referat must never write them anywhere
    slip = {
        f"../{ZIP_SLIP_MARK}.txt": "flugt",
        f"../../{ZIP_SLIP_MARK}-2.txt": "flugt",
        f"word/../../{ZIP_SLIP_MARK}-3.txt": "flugt",
        f"/tmp/{ZIP_SLIP_MARK}-absolute.txt": "flugt",
        f"..\\..\\{ZIP_SLIP_MARK}-windows.txt": "flugt",
    }
    _add(
        "zip-slip.docx",
        "zip-slip",
        "ok",
        lambda ctx, path: make_docx(paragraphs(MINUTES_LINES), extra=slip),
        contains=MINUTES_CHECK,
    )
    _add(
        "zip-slip-document.docx",
        "zip-slip",
        "ok",
        lambda ctx, path: make_docx(
            paragraphs(MINUTES_LINES), extra={"../word/document.xml": document(paragraphs(["Punkt 9 Flugt"]))}
        ),
        contains=MINUTES_CHECK,
        note="a second document.xml one folder up is ignored",
    )

    # 12. huge embedded images
    _add(
        "huge-image-media.docx",
        "huge-image",
        "ok",
        _huge_image_docx,
        contains=MINUTES_CHECK,
        bounded=True,
        note="a 48 MB media part",
    )
    _add(
        "huge-image-xobject.pdf",
        "huge-image",
        "ok",
        _huge_image_pdf,
        contains=MINUTES_CHECK,
        bounded=True,
        note="an image declared 100 000 × 100 000 pixels (30 GB decoded)",
    )

    # 13. text encodings
    _add("utf16-le-bom.txt", "encoding", "ok", _text(MINUTES_TEXT, "utf-16"), contains=MINUTES_CHECK)
    _add(
        "utf16-be-bom.txt",
        "encoding",
        "ok",
        _text(MINUTES_TEXT, "utf-16-be", codecs.BOM_UTF16_BE),
        contains=MINUTES_CHECK,
    )
    _add(
        "utf16-le-no-bom.txt",
        "encoding",
        "either",
        _text(MINUTES_TEXT, "utf-16-le"),
        note="no BOM: the NUL bytes look binary",
    )
    _add("utf8-bom.txt", "encoding", "ok", _text(MINUTES_TEXT, "utf-8-sig"), contains=MINUTES_CHECK)
    _add("latin1.txt", "encoding", "ok", _text(MINUTES_TEXT, "latin-1"), contains=MINUTES_CHECK)
    _add(
        "cp1252.txt",
        "encoding",
        "ok",
        _text(MINUTES_TEXT + "Budget – 5 mio. kr. – “godkendt”\n", "cp1252"),
        contains=MINUTES_CHECK + ("“godkendt”",),
    )

    # 14. file names
    _add("møde referat æøå ÆØÅ.txt", "file-name", "ok", _text(MINUTES_TEXT), contains=MINUTES_CHECK)
    _add("Byråd – dagsorden 2026.pdf", "file-name", "ok", lambda ctx, path: minutes_pdf(), contains=MINUTES_CHECK)
    _add("referat med  to mellemrum.docx", "file-name", "ok", lambda ctx, path: minutes_docx(), contains=MINUTES_CHECK)
    _add(
        "nfd-a\u030angstrøm.txt",
        "file-name",
        "ok",
        _text(MINUTES_TEXT),
        contains=MINUTES_CHECK,
        note="å decomposed (a + ring)",
    )
    _add(
        "-begynder-med-bindestreg.txt",
        "file-name",
        "ok",
        _text(MINUTES_TEXT),
        contains=MINUTES_CHECK,
        note="needs -- before it",
    )
    _add(
        "mappe med æøå/under mappe/referat i mappe.txt", "file-name", "ok", _text(MINUTES_TEXT), contains=MINUTES_CHECK
    )
    _add("'citat' og \"anførsel\" $(ikke-kør) *.txt", "file-name", "ok", _text(MINUTES_TEXT), contains=MINUTES_CHECK)
    _add(
        "tom fil\nmed linjeskift.txt",
        "file-name",
        "fail",
        _const(b""),
        reason="empty file (0 bytes)",
        note="a newline in the name must not split the one failure line (found: it did)",
    )
    _add(
        b"latin1-navn-\xe6\xf8\xe5.txt".decode("utf-8", "surrogateescape"),
        "file-name",
        "ok",
        _text(MINUTES_TEXT),
        contains=MINUTES_CHECK,
        note="the name is Latin-1 bytes, not UTF-8, as old Windows shares and zips leave them "
        "(found: a UnicodeEncodeError traceback writing <name>.json, and a .part left behind)",
    )


_register()


def hostile_cases() -> list[Case]:
    """Every case, without writing anything (cheap: for test parametrisation)."""
    return [case for case, _ in _REGISTRY]


def generate_corpus(folder: Path, xxe_url: str = DEFAULT_XXE_URL) -> list[Case]:
    """Write every bad file into ``folder`` (created if needed) and return the cases.

    ``xxe_url`` is where the external-entity payloads point; a test can listen there to
    prove nothing is fetched. ``folder/secrets/secret.txt`` is what the local-file payloads
    name; it holds ``SECRET``.
    """
    folder = Path(folder)
    secret = folder / SECRET_FILE
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(SECRET + "\n", encoding="utf-8")
    for case, build in _REGISTRY:
        path = folder / case.name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = build(_Context(folder=folder, xxe_url=xxe_url, name=case.name), path)
        if data is not None:
            path.write_bytes(data)
    return hostile_cases()


def write_case(folder: Path, name: str, xxe_url: str = DEFAULT_XXE_URL) -> Path:
    """Write only the case called ``name`` into ``folder``; return its path."""
    for case, build in _REGISTRY:
        if case.name == name:
            path = Path(folder) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            data = build(_Context(folder=Path(folder), xxe_url=xxe_url, name=name), path)
            if data is not None:
                path.write_bytes(data)
            return path
    raise KeyError(name)


def _main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/hostile/generate.py OUTDIR", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    cases = generate_corpus(folder)
    for case in cases:
        size = (folder / case.name).stat().st_size
        shown = case.name.encode("utf-8", "backslashreplace").decode().replace("\n", "\\n")
        print(f"{case.expect:6} {size:>12,}  {shown}  {case.reason or ''}")
    print(f"{len(cases)} files in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
