"""Whether two printed titles name one item: the one comparison used wherever the same
item turns up twice (an agenda list's entry and its heading, a full referat's item and
its per-item PDF)."""

from __future__ import annotations

from rapidfuzz import fuzz

from referat.data.gazetteer import normalise

# How alike two titles must read (rapidfuzz token_sort_ratio, 0-100): one copy may lose a
# word to a PDF text layer or break a word across lines where the other does not.
SAME_TITLE = 85


def same_title(a: str, b: str) -> bool:
    """Whether two printed titles name one item: alike once case, accents and line-break
    hyphens are set aside, or one the other's first words (a list may shorten a title).

    Example:
        >>> same_title("Evaluering af rygestopkurser", "Evaluering af rygestop- kurser")
        True
        >>> same_title("Budget 2013", "Budget 2013 - 1. behandling")
        True
        >>> same_title("Meddelelser", "Budget 2013")
        False
        >>> same_title("Orientering", "Orientering om gebyrer")
        False
    """
    a, b = normalise(a.replace("- ", "")), normalise(b.replace("- ", ""))
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    # (a word alone is too little to shorten to: "Orientering" and "Orientering vedr. gebyrer"
    # are two items)
    shortened = " " in shorter and longer.startswith(shorter + " ")
    return a == b or shortened or fuzz.token_sort_ratio(a, b) >= SAME_TITLE
