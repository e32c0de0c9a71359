"""Legacy Word .doc → DOCX by LibreOffice (when it is installed) → the DOCX reader.

Older municipal archives hold minutes as .doc (Word 97–2003). Reading that binary format
well is LibreOffice's job; we convert the file in a private temporary folder and read
the result as any DOCX, so list numbers, tables and headers are handled by one reader.
Without LibreOffice the file is refused with a reason that says what to do.

LibreOffice runs as a child process with its own throw-away profile (so parallel import
workers never share one), a time limit, and its whole process group killed on timeout.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from referat.extract.errors import ExtractionError, UnsupportedFormat
from referat.extract.pages import ReadResult
from referat.extract.readers.docx import read_docx

MEDIA_TYPE = "application/msword"
# A .doc of minutes converts in about a second; a file that takes this long is not one.
CONVERT_TIMEOUT = 120.0


def office_program() -> str | None:
    """LibreOffice's command line program, if it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(path: str, data: bytes) -> ReadResult:
    """Read a legacy Word file by converting it to DOCX with LibreOffice."""
    office = office_program()
    if office is None:
        raise UnsupportedFormat(
            path, "legacy Word .doc needs LibreOffice to be read (install it, or save the file as DOCX or PDF)"
        )
    docx = _convert_to_docx(path, data, office)
    result = read_docx(path, docx)
    result.media_type = MEDIA_TYPE
    result.warnings.append("legacy Word .doc, read after conversion to DOCX by LibreOffice")
    return result


def _convert_to_docx(path: str, data: bytes, office: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="referat-doc-") as work:
        # A plain name: LibreOffice fails on some names (decomposed æøå, leading dashes).
        source = Path(work) / "input.doc"
        source.write_bytes(data)
        command = [
            office,
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            f"-env:UserInstallation={(Path(work) / 'profile').as_uri()}",
            # Only Word's own binary format: anything else (junk, a spreadsheet) must fail, not
            # be imported as text.
            "--infilter=MS Word 97",
            "--convert-to",
            "docx",
            "--outdir",
            str(Path(work) / "out"),
            str(source),
        ]
        try:
            process = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
            )
        except OSError as error:
            raise ExtractionError(
                path, f"legacy Word .doc: LibreOffice could not be started ({error.strerror or error})"
            ) from None
        try:
            _, errors = process.communicate(timeout=CONVERT_TIMEOUT)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):  # it may have ended just now
                os.killpg(process.pid, signal.SIGKILL)  # soffice starts soffice.bin: end them all
            process.wait()
            raise ExtractionError(
                path, f"legacy Word .doc: LibreOffice did not finish converting it in {CONVERT_TIMEOUT:g} s"
            ) from None
        converted = Path(work) / "out" / "input.docx"
        if not converted.is_file():
            # LibreOffice exits 0 even when it cannot load the file; the missing output says so.
            said = " ".join(errors.decode("utf-8", "replace").split())
            detail = said[said.find("Error:") :][:200] if "Error:" in said else ""
            raise ExtractionError(
                path,
                "legacy Word .doc that LibreOffice could not convert (damaged, or not a Word document)"
                + (f"; LibreOffice: {detail}" if detail else ""),
            )
        return converted.read_bytes()
