"""A web page's bytes as text, in the charset the page declares, as a browser reads them."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)""", re.I)


def decode_page(data: bytes) -> tuple[str, list[str]]:
    """The page's text in the charset it declares (BOM, then ``<meta charset>`` or the
    http-equiv Content-Type), else UTF-8, else Windows-1252 with a warning."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, encoding in boms:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        # Browsers read a page declared Latin-1 as Windows-1252 (the WHATWG encoding standard).
        name = "cp1252" if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else name
        try:
            return data.decode(name, errors="replace"), []
        except LookupError:
            pass
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        warning = "page declares no charset and is not UTF-8; read as Windows-1252"
        return data.decode("cp1252", errors="replace"), [warning]
