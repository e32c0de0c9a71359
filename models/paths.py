"""How a file name is written where it must be text: in a Document's ``source.path``, in
the archive (SQLite text is UTF-8) and in messages."""

from __future__ import annotations


def printable_path(path: str) -> str:
    """A path that prints on one line and encodes as UTF-8: a file name can hold a newline
    or bytes that are not UTF-8 (Python keeps those as lone surrogates). Such bytes are
    shown escaped (``\\xe6``), so two names that differ only there stay apart, in
    messages and in the archive alike.

    Example:
        >>> printable_path("a" + chr(10) + "b.pdf") == "a" + chr(92) + "nb.pdf"
        True
        >>> print(printable_path(b"ref\\xe6rat.txt".decode("utf-8", "surrogateescape")))
        ref\\xe6rat.txt
    """
    try:
        raw = path.encode("utf-8", "surrogateescape")  # the file name's own bytes
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogatepass")
    text = raw.decode("utf-8", "backslashreplace")
    return text.replace("\n", "\\n").replace("\r", "\\r")
