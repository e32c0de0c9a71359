"""read → layout → structure: one file in, one validated Document out."""

from __future__ import annotations

import hashlib
import os

from referat.extract.errors import ExtractionError
from referat.extract.files import NotRegularFile, open_regular
from referat.extract.historic import book_title, is_historic_book, parse_historic
from referat.extract.layout import Layout, clean_layout
from referat.extract.pages import ReadResult
from referat.extract.personal_data import protect_personal_data
from referat.extract.read import read_bytes
from referat.extract.readers.ocr import Progress
from referat.extract.runon import split_run_on_lines
from referat.extract.structure import StructureResult, parse_structure
from referat.extract.structure.result import missing_content, missing_facts
from referat.models import Document, Meeting, Source
from referat.models.paths import printable_path

# Formats whose pages were printed, so running headers and page numbers repeat on them.
# DOCX pages and HTML sections have their furniture in markup (or none).
PRINTED_PAGE_FORMATS = frozenset({"application/pdf", "text/plain"})
# Larger files are not minutes; refuse them before reading them into memory.
MAX_FILE_BYTES = 512 * 1024 * 1024


def read_structure(
    path: str, data: bytes, ocr: str = "auto", progress: Progress | None = None
) -> tuple[ReadResult, Layout, StructureResult]:
    """read → layout → structure: the stages before enrichment, each one's output."""
    result = read_bytes(path, data, ocr=ocr, progress=progress)
    pages = split_run_on_lines(result.pages)  # a transcript's whole page on one line
    layout = clean_layout(pages, running_furniture=result.media_type in PRINTED_PAGE_FORMATS)
    layout.furniture.extend(result.furniture)
    # Two grammars: a 1940s minute book's, and the agenda grammar for everything else.
    if is_historic_book(layout):
        return result, layout, parse_historic(layout, result.warnings, book_title(path))
    return result, layout, parse_structure(layout, result.warnings)


def _missing(result: ReadResult, meetings: list[Meeting]) -> list[str]:
    return missing_content(any(page.lines for page in result.pages), meetings) + missing_facts(meetings)


def extract_bytes(
    path: str,
    data: bytes,
    enrich: bool = True,
    keep_personal_data: bool = False,
    ocr: str = "auto",
    progress: Progress | None = None,
) -> Document:
    """Extract a Document from a file's bytes; ``path`` is only recorded and used in messages.

    Example:
        >>> text = "Punkt 1 Velkomst\\nReferat\\nAlle bød velkommen."
        >>> extract_bytes("m.txt", text.encode()).meetings[0].items[0].number
        '1'
    """
    result, _layout, structure = read_structure(path, data, ocr=ocr, progress=progress)
    document = Document(
        source=Source(
            path=printable_path(path),
            sha256=hashlib.sha256(data).hexdigest(),
            media_type=result.media_type,
            pages=len(result.pages),
        ),
        meetings=structure.meetings,
        attachments=structure.attachments,
        warnings=structure.warnings + _missing(result, structure.meetings),
    )
    if enrich:
        from referat.extract.enrich import enrich_document  # spaCy loads only when needed

        enrich_document(document, structure.line_pages)
    # Last, so that no stage's output escapes it: CPR numbers out, e-mails/phones noted.
    document.warnings.extend(protect_personal_data(document, keep=keep_personal_data))
    return document


def extract_file(
    path: str,
    enrich: bool = True,
    keep_personal_data: bool = False,
    ocr: str = "auto",
    progress: Progress | None = None,
) -> Document:
    """Extract a Document from a file on disk.

    Example:
        >>> extract_file("corpus/kommune-edoc-referat.pdf").meetings[0].kind  # doctest: +SKIP
        'referat'
    """
    try:
        size = os.path.getsize(path)
        if os.path.isdir(path):
            raise ExtractionError(path, "is a folder, not a file")
        if size > MAX_FILE_BYTES:
            raise ExtractionError(path, f"file is {size} bytes; the limit is {MAX_FILE_BYTES}")
        with open_regular(path) as handle:  # a FIFO or a device would block or never end
            data = handle.read()
    except NotRegularFile as error:
        raise ExtractionError(path, error.strerror or str(error)) from None
    except FileNotFoundError:
        raise ExtractionError(path, "no such file") from None
    except PermissionError:
        raise ExtractionError(path, "permission denied") from None
    except IsADirectoryError:
        raise ExtractionError(path, "is a folder, not a file") from None
    except OSError as error:
        raise ExtractionError(path, f"cannot be read ({error.strerror or error})") from None
    return extract_bytes(path, data, enrich=enrich, keep_personal_data=keep_personal_data, ocr=ocr, progress=progress)


def extract_or_reason(
    path: str,
    enrich: bool = True,
    keep_personal_data: bool = False,
    ocr: str = "auto",
    progress: Progress | None = None,
) -> tuple[Document | None, str | None]:
    """Extract one file; any failure becomes a one-line reason, never a traceback.

    The CLI and the import workers both report failures through this.

    Example:
        >>> extract_or_reason("no/such/file.pdf")
        (None, 'no such file')
    """
    try:
        document = extract_file(path, enrich=enrich, keep_personal_data=keep_personal_data, ocr=ocr, progress=progress)
        return document, None
    except Exception as error:  # a reader bug must not stop the other files
        return None, failure_reason(error)


def failure_reason(error: Exception) -> str:
    """The one line a failed extraction reports, whatever was raised.

    Example:
        >>> failure_reason(RecursionError("maximum recursion depth exceeded"))
        'structure too deeply nested to read'
    """
    if isinstance(error, ExtractionError):
        return error.reason
    if isinstance(error, MemoryError):
        return "ran out of memory while reading"
    if isinstance(error, RecursionError):
        return "structure too deeply nested to read"
    message = " ".join(str(error).split())  # one line, whatever the exception says
    message = message if len(message) <= 300 else message[:299] + "…"
    return f"internal error while reading ({type(error).__name__}: {message})"
