"""Extraction: read a file, clean its layout, parse its structure into the contract.

Example:
    >>> from referat.extract import extract_file
    >>> document = extract_file("corpus/kommune-edoc-referat.pdf")  # doctest: +SKIP
"""

from referat.extract.errors import ExtractionError, UnsupportedFormat
from referat.extract.pipeline import extract_bytes, extract_file, extract_or_reason

__all__ = ["ExtractionError", "UnsupportedFormat", "extract_bytes", "extract_file", "extract_or_reason"]
