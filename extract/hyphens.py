"""Line-end hyphens: join a broken word, keep a real hyphen.

Used by the layout stage for hyphens at line ends in text, and by the PDF reader for the
hyphens pdfium has already joined across lines (it marks them with U+FFFE).
"""

from __future__ import annotations

import re

# "Børne- og Ungdomspsykiatri": a hyphen before these words is a real, elided compound.
_KEEP_HYPHEN_BEFORE = {"og", "eller", "samt", "til", "som", "end", "men", "mv", "m.v.", "&"}
# Prefixes that keep their hyphen when the line breaks after them ("ikke-\nplanlagte").
_KEEP_HYPHEN_PREFIXES = {"ikke", "non", "anti", "co", "eks", "ex", "pseudo", "semi", "vice"}


def join_hyphenated_pair(first: str, second: str) -> tuple[str, str]:
    """Move a word broken at a line-end hyphen onto the first line.

    Example:
        >>> join_hyphenated_pair("orienterede om indholdet i Af-", "tale om løft")
        ('orienterede om indholdet i Aftale', 'om løft')
        >>> join_hyphenated_pair("Børne-", "og Ungdomspsykiatri")
        ('Børne-', 'og Ungdomspsykiatri')
    """
    # "=" is the line-break sign of older hand-written books ("Bekendt=\ngørelse").
    if not first.endswith(("-", "=")):
        return first, second
    # Only the last word matters; searching the tail keeps a 100 000-character line linear.
    match = re.search(r"(\w+)[-=]$", first[-200:])
    if not match or not second:
        return first, second
    head, _, rest = second.partition(" ")
    word = head.rstrip(".,;:)")
    if not word or word.lower() in _KEEP_HYPHEN_BEFORE:
        return first, second
    if first.endswith("="):
        return first[:-1] + head, rest
    if word[0].isdigit() or word[0].isupper() or match.group(1).lower() in _KEEP_HYPHEN_PREFIXES:
        # "EMN-2022-\n00567", "Kræftplan-\nV": the hyphen is part of the token.
        return first + head, rest
    if not word[0].isalpha():
        return first, second
    return first[:-1] + head, rest


# pdfium's mark for a hyphen it joined across a line break ("ud\ufffemøntes").
PDFIUM_SOFT_HYPHEN = re.compile(r"(?<=\w)[\ufffe\x02\xad](?=\S)")


def resolve_soft_hyphens(text: str) -> str:
    """Decide each joined line-end hyphen as :func:`join_hyphenated_pair` does.

    Example:
        >>> resolve_soft_hyphens("kan ud\ufffemøntes til Børne\ufffeog Ungdomspsykiatrien")
        'kan udmøntes til Børne- og Ungdomspsykiatrien'
    """
    while True:
        match = PDFIUM_SOFT_HYPHEN.search(text)
        if match is None:
            # A mark with nothing after it on the line is an ordinary hyphen.
            return re.sub(r"[\ufffe\x02\xad]", "-", text)
        joined, rest = join_hyphenated_pair(text[: match.start()] + "-", text[match.end() :])
        text = f"{joined} {rest}" if rest else joined
