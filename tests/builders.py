"""Builders for small real-format test files (DOCX parts, PDFs drawn with reportlab)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path


def make_docx(body_xml: str, numbering_xml: str = "", styles_xml: str = "", extra: dict | None = None) -> bytes:
    """A minimal DOCX whose body is ``body_xml`` (the inside of w:body)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr(
            "word/document.xml", f'<?xml version="1.0"?><w:document {w}><w:body>{body_xml}</w:body></w:document>'
        )
        if numbering_xml:
            archive.writestr(
                "word/numbering.xml", f'<?xml version="1.0"?><w:numbering {w}>{numbering_xml}</w:numbering>'
            )
        if styles_xml:
            archive.writestr("word/styles.xml", f'<?xml version="1.0"?><w:styles {w}>{styles_xml}</w:styles>')
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def paragraph(
    text: str, num_id: str | None = None, level: int = 0, bold: bool = False, style: str | None = None
) -> str:
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num_id:
        props += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    run_props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:pPr>{props}</w:pPr><w:r>{run_props}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def make_pdf(
    path: Path, pages: list[list[tuple[float, float, str]]], font_size: float = 10, encrypt: str | None = None
) -> Path:
    """A PDF with text drawn at (x, y-from-top) positions, one list of strings per page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt)
    width, height = A4
    for page in pages:
        pdf.setFont("Helvetica", font_size)
        for x, y, text in page:
            pdf.drawString(x, height - y, text)
        pdf.showPage()
    pdf.save()
    return path


def only_meeting(text: str, name: str = "doc.txt"):
    """The one meeting a small document written for a test holds, extracted without
    enrichment (``name`` chooses the reader: "doc.txt", "page.html")."""
    from referat.extract import extract_bytes

    document = extract_bytes(name, text.encode(), enrich=False)
    assert len(document.meetings) == 1
    return document.meetings[0]
