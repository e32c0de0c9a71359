"""Helpers for the scans that search a text cheaply before running a grammar on it.

Several scans search a lower-cased copy of a text and use the offsets they find in the
original: ``str.lower`` can lengthen a text ("İ" becomes "i" plus a combining dot), which
would shift every offset after it; :func:`lower_keeping_offsets` never does. And several
run their patterns only on stretches around cheap hits: :func:`merged_stretches`.
"""

from __future__ import annotations

from collections.abc import Iterable


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


def merged_stretches(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) spans in order of their starts, with overlapping or touching ones merged.

    Example:
        >>> merged_stretches([(0, 10), (5, 20), (30, 40), (40, 45)])
        [(0, 20), (30, 45)]
    """
    stretches: list[tuple[int, int]] = []
    for start, end in spans:
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(end, stretches[-1][1]))
        else:
            stretches.append((start, end))
    return stretches
