"""Errors a user can act on: each carries one sentence saying what is wrong with the file."""

from __future__ import annotations


class ExtractionError(Exception):
    """A file could not be read. ``str(error)`` is one line meant for the user.

    Example:
        >>> str(ExtractionError("a.pdf", "not a PDF (starts with 'hello')"))
        "a.pdf: not a PDF (starts with 'hello')"
    """

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFormat(ExtractionError):
    """The file is of a kind referat does not read."""
