"""Which of Tesseract's words on one line are text, and how its known misreadings are undone.

Three kinds of error come back from scans that are not misread letters, and each is undone
here, on one line of words at a time, before the words become a ``Line``:

- *Specks read as punctuation.* A speck of dirt beside a word comes back as a word of its
  own: ";", ":", "|", "'", often at a confidence of 50-90. Print never sets those apart by a
  space (Danish puts no space before a colon), so a lone one is dropped. A dash, "§", "&"
  and "%" do stand alone ("§ 17", "25 %") and are kept, except a dash ending a line after a
  full stop.
- *A list marker set apart from its title by a tab* ("a.", "4.", "715."). Tesseract reads
  the wide white gap after the stop as more dots ("a..", "c.…", "715...") or moves a dot to
  the title (".Bygningsvedligeholdelse"), and doubts the marker (confidence 0-30), so the
  marker was dropped and the structure stage lost the item or the sub-item.
- *A picture on a line.* A coat of arms beside the letterhead comes back as a doubted word
  ("531 BALLERUP"), which made a heading of the letterhead; it sits off the line's baseline.
- *A good word doubted.* A word on a line of confident words is rarely noise (noise comes in
  runs: a logo, a stamp, ruling); dropping it lost "påvirker" (read "Baker", confidence 23)
  and "hjælp" from an item title. Such a word is kept.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Words Tesseract itself doubts this much are noise (stains, ruling, handwriting strokes) ...
MIN_WORD_CONFIDENCE = 30.0
# ... unless both words beside it on its line are at least this sure: noise comes in runs.
CONFIDENT_NEIGHBOUR = 80.0

# One character standing alone that print never sets apart: a speck or a ruling line.
_SPECK_MARKS = frozenset(".,:;|'\"‘’‚“”„´`~_^<>»«•·")
_DASHES = frozenset("-–—")
# A line's first word that is a list marker with the gap after it read as dots.
_MARKER_WITH_DOTS = re.compile(r"(\d{1,4}|[^\W\d_]{1,2})(?:\.{2,}|\.?…+)")
# A list marker at the head of a line: kept whatever Tesseract thinks of it.
_MARKER = re.compile(r"(\d{1,4}|[^\W\d_])[.)]")
# Dots glued to the front of a word: the gap before the word read as a stop.
_LEADING_DOTS = re.compile(r"\.+(?=[^\W\d_])")


class Word(NamedTuple):
    box: tuple[float, float, float, float]
    text: str
    confidence: float


def clean_words(words: list[Word]) -> list[Word]:
    """The words of one line that are text, with Tesseract's gap and speck misreadings undone.

    Example:
        >>> box = (0.0, 0.0, 1.0, 1.0)
        >>> line = [Word(box, "b..", 0), Word(box, "Konference", 96), Word(box, ";", 71)]
        >>> [word.text for word in clean_words(line)]
        ['b.', 'Konference']
        >>> line = [Word(box, "Garantien", 90), Word(box, "Baker", 23), Word(box, "ikke", 96)]
        >>> [word.text for word in clean_words(line)]
        ['Garantien', 'Baker', 'ikke']
        >>> [word.text for word in clean_words([Word(box, "2.", 92), Word(box, ".Bygning", 70)])]
        ['2.', 'Bygning']
        >>> [word.text for word in clean_words([Word(box, "KE", 15), Word(box, "sml", 26)])]
        []
    """
    words = [word for word in words if word.text not in _SPECK_MARKS]
    words = [word for index, word in enumerate(words) if not _off_the_line(words, index)]
    if len(words) > 1 and words[-1].text in _DASHES and words[-2].text.endswith((".", "!", "?")):
        words.pop()  # a spaced dash goes on with a sentence; after a full stop it is a speck
    if not words:
        return []
    first = words[0]
    marker = _MARKER_WITH_DOTS.fullmatch(first.text)
    if marker:
        words[0] = first = first._replace(text=marker.group(1) + ".")
    kept: list[Word] = []
    for index, word in enumerate(words):
        if index and kept and kept[-1].text.endswith(".") and _LEADING_DOTS.match(word.text):
            word = word._replace(text=_LEADING_DOTS.sub("", word.text, count=1))
        if word.confidence >= MIN_WORD_CONFIDENCE or _confident_between(words, index) or _marker_of(words, index):
            kept.append(word)
    return kept


def _off_the_line(words: list[Word], index: int) -> bool:
    """A doubted word that does not sit on the line of the nearest surer word (its middle more
    than half a word's height above or below it): a picture Tesseract put on the line, such as
    a coat of arms beside the letterhead read as "531" before "BALLERUP". The nearest word,
    because a line skewed by a degree climbs a word's height over its width."""
    word = words[index]
    if word.confidence >= CONFIDENT_NEIGHBOUR:
        return False
    nearest = sorted(range(len(words)), key=lambda other: abs(other - index))
    surer = next((words[other] for other in nearest if words[other].confidence > word.confidence), None)
    if surer is None:
        return False
    middle, other = (word.box[1] + word.box[3]) / 2, (surer.box[1] + surer.box[3]) / 2
    return abs(middle - other) > 0.5 * max(_height(word), _height(surer))


def _marker_of(words: list[Word], index: int) -> bool:
    """A list marker heading its line, before a title read with confidence (a logo's smudge
    read as "2." has no confident word after it)."""
    return (
        index == 0
        and len(words) > 1
        and words[1].confidence >= CONFIDENT_NEIGHBOUR
        and _MARKER.fullmatch(words[0].text) is not None
    )


# A doubted word taller than this many times its neighbours is a picture Tesseract put on the
# line (a logo beside a letterhead read as "HERO"), not a word of it; one wider per letter than
# this many times theirs is a row of dot leaders read as letters ("ss" over 300 points).
MAX_HEIGHT_OF_NEIGHBOURS = 1.5
MAX_WIDTH_PER_CHARACTER_OF_NEIGHBOURS = 2.5


def _confident_between(words: list[Word], index: int) -> bool:
    """Both neighbours on the line are confident, and the word holds a letter or a digit and
    is of their size."""
    if index == 0 or index + 1 >= len(words):
        return False
    before, word, after = words[index - 1], words[index], words[index + 1]
    return (
        before.confidence >= CONFIDENT_NEIGHBOUR
        and after.confidence >= CONFIDENT_NEIGHBOUR
        and any(char.isalnum() for char in word.text)
        and _height(word) <= MAX_HEIGHT_OF_NEIGHBOURS * max(_height(before), _height(after))
        and _pitch(word) <= MAX_WIDTH_PER_CHARACTER_OF_NEIGHBOURS * max(_pitch(before), _pitch(after))
    )


def _height(word: Word) -> float:
    return word.box[3] - word.box[1]


def _pitch(word: Word) -> float:
    return (word.box[2] - word.box[0]) / len(word.text)
