"""Lower-casing that keeps character offsets.

Several scans search a lower-cased copy of a text and use the offsets they find in the
original. ``str.lower`` can lengthen a text ("İ" becomes "i" plus a combining dot), which
would shift every offset after it; this never does.
"""

from __future__ import annotations


def lower_keeping_offsets(text: str) -> str:
    """``text.lower()``, except that a character whose lower case is longer stays as it is.

    Example:
        >>> lower_keeping_offsets("İstanbul og KL")
        'İstanbul og kl'
    """
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(character if len(character.lower()) != 1 else character.lower() for character in text)
