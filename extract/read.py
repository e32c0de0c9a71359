"""Pick the reader for a file by what its bytes are, not by what its name claims."""

from __future__ import annotations

import os
import re

from referat.extract.errors import ExtractionError, UnsupportedFormat
from referat.extract.pages import ReadResult
from referat.extract.readers.doc import read_doc
from referat.extract.readers.docx import read_docx
from referat.extract.readers.html import read_html
from referat.extract.readers.ocr import Progress
from referat.extract.readers.pdf import read_pdf
from referat.extract.readers.text import read_text
from referat.extract.readers.xml_export import looks_like_xml, read_xml_export

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls
# A web page announces itself in its first bytes, whatever its name ("referat.aspx", "vis").
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S,
)
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".aspx", ".asp", ".php")


def sniff_media_type(path: str, head: bytes) -> str:
    """Name the format from the first bytes, falling back to the file name for text.

    Example:
        >>> sniff_media_type("minutes.bin", b"%PDF-1.7")
        'application/pdf'
        >>> sniff_media_type("vis.aspx", b"<!DOCTYPE html><html lang='da'>")
        'text/html'
    """
    if b"%PDF" in head[:1024]:
        return "application/pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "application/zip"
    if head.startswith(_OLE_MAGIC):
        return "application/msword"
    if _HTML_START.match(head):
        return "text/html"
    if looks_like_xml(head):
        return "application/xml"
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES and b"<" in head:
        return "text/html"
    if suffix == ".pdf":
        return "application/pdf"
    if suffix == ".docx":
        return "application/zip"
    return "text/plain"


def read_bytes(path: str, data: bytes, ocr: str = "auto", progress: Progress | None = None) -> ReadResult:
    """Read one file's bytes into pages of lines, or raise ExtractionError with the reason.
    ``ocr`` (auto, always, never) says when PDF pages are read by OCR; ``progress(page, pages)``
    is told of each OCR page."""
    if not data:
        raise ExtractionError(path, "empty file (0 bytes)")
    media_type = sniff_media_type(path, data[:1024])
    if media_type == "application/pdf":
        return read_pdf(path, data, ocr=ocr, progress=progress)
    if media_type == "application/zip":
        return read_docx(path, data)
    if media_type == "application/msword":
        return read_doc(path, data)
    if media_type == "text/html":
        return read_html(path, data)
    if media_type == "application/xml":
        return read_xml_export(path, data)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat(path, "binary file of unknown format (not PDF, DOCX or text)")
    return read_text(path, data)
