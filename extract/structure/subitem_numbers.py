"""How sub-items under an item are numbered: a letter after the item's number ("3a.", "3.a"),
a Word outline's second level ("2.1"), or letters alone ("a)", "B.") that count on; and when
lettered lines are no sub-items but the item's minutes told point by point."""

from __future__ import annotations

import re
from collections.abc import Sequence

from referat.extract.pages import Line
from referat.extract.structure.heading_lines import SUBITEM_HEADING
from referat.extract.structure.titles import minutes_after_title

# "3a. Redigering af pjecen", "3.a Formanden", and a table's row "3.a | Formanden | <minutes>"
# (the sub-item's number as printed).
LETTERED_SUBITEM = re.compile(
    r"^(?P<printed>(?P<item>\d{1,3})(?:(?P<letter>[a-z])[.)]|\.(?P<dotted>[a-z])\.?)(?:\s*\|)?)\s+(?P<title>[A-ZÆØÅ\d\"].*)$"
)
# "2.1 Valg af næstformand", "2.2. Valg af sekretær": a Word outline's second level.
DECIMAL_SUBITEM = re.compile(r"^(?P<number>(?P<item>\d{1,3})\.\d{1,2})\.?\s+(?P<title>[A-ZÆØÅ\d\"].*)$")


def next_decimal(last: str, prefix: str) -> int:
    """The next decimal sub-item's last digits: 1 first, then one more than ``last``'s.

    Example:
        >>> next_decimal("", "2."), next_decimal("2.1", "2.")
        (1, 2)
    """
    return int(last[len(prefix) :]) + 1 if last.startswith(prefix) and last[len(prefix) :].isdigit() else 1


def is_next_letter(last: str, letter: str) -> bool:
    """ "a" first, then "b", "c" …; capitals ("A.", "B.") the same way, never mixed, and never
    after an outline's decimal sub-item ("1.1").

    Example:
        >>> is_next_letter("a", "b"), is_next_letter("1.1", "b"), is_next_letter("", "A")
        (True, False, True)
    """
    if not last:
        return letter in ("a", "A")
    if len(last) != 1:
        return False
    return ord(letter) == ord(last) + 1 and letter.isupper() == last.isupper()


# A point that is a sentence: it ends as one, or says what happened ("… bliver lukket").
_SENTENCE_POINT = re.compile(r"[.!?]$|\s(?:blev|bliver|er|var|har|havde|skal|vil|kan)\s.*\s\S+\s\S+")


def points_of_text(texts: list[str]) -> bool:
    """ "2. Bestyrelsens beretning:" / "a. Knud Olsen er gået bort, og …" / "b. I 2010 blev der
    …": lettered points from ``texts[0]`` on that are sentences, most of them, are the item's
    minutes told point by point, not sub-items with titles ("a) Medlemsfolder: er under
    udvikling." has a title before its minutes).

    Example:
        >>> points_of_text(["a. Regnskabet blev delt ud til alle.", "b. Kontoen i banken bliver lukket i år", "c. Ok."])
        True
        >>> points_of_text(["a. Valg af formand", "b. Valg af kasserer"])
        False
    """
    points, letter = [], "a"
    for text in texts:
        sub = SUBITEM_HEADING.match(text.strip())
        if sub and sub.group("letter").lower() == letter:
            points.append("" if minutes_after_title(sub.group("title"))[1] else sub.group("title"))
            letter = chr(ord(letter) + 1)
    sentences = sum(1 for point in points if _SENTENCE_POINT.search(point) and len(point.split()) >= 5)
    return len(points) >= 2 and 2 * sentences > len(points)


# A sub-item's letter and title with only a space between, set apart by type ("a Vandrør:").
SET_APART_LETTER = re.compile(r"^(?P<letter>[a-h])\s+(?P<title>[A-ZÆØÅ][^.!?]{1,80}?):?$")


def letter_follows(last: str, letter: str) -> bool:
    """ "a" first; then a later letter, at most two skipped (a point left out of the count).

    Example:
        >>> letter_follows("", "a"), letter_follows("d", "g"), letter_follows("a", "f")
        (True, True, False)
    """
    if not last:
        return letter == "a"
    return len(last) == 1 and last.islower() and 1 <= ord(letter) - ord(last) <= 3


# The number a reader put before a list point's text ("1. ", "2) ").
_LIST_LABEL_PREFIX = re.compile(r"^\d{1,2}[.)]\s*")


def nested_point(
    line: Line, text: str, last: str, in_subitem: bool, after_text: bool, lines: Sequence[Line]
) -> tuple[str, str] | None:
    """ "4. Beboermødeplaner" with a list nested in it, "1. Bentes oplæg" / "2. Forholdsregler …":
    the points of a word processor's or web page's inner list level, counting from 1 right
    under the item's heading or on from the ``last`` such point, are its sub-items: (number,
    title); a point left empty ("2. ..") is ("", ""). None for no such point, for a list after
    text of the item's own (``after_text``: that text's list), and for points that are
    sentences (the item's minutes told point by point)."""
    label = re.fullmatch(r"(\d{1,2})[.)]", line.list_label or "")
    if not label or not line.list_level:
        return None
    expected = int(last) + 1 if last.isdigit() else 1
    if int(label.group(1)) != expected or (expected > 1 and not in_subitem) or (expected == 1 and after_text):
        return None
    title = _LIST_LABEL_PREFIX.sub("", text)
    if expected == 1:
        start = next((at for at, other in enumerate(lines) if other is line), 0)
        run = [other.text for other in lines[start:] if other.list_level == line.list_level]
        lettered = [f"{chr(ord('a') + at % 26)}. {_LIST_LABEL_PREFIX.sub('', point)}" for at, point in enumerate(run)]
        if points_of_text(lettered):
            return None
    if not re.search(r"\w{2}", title):
        return "", ""
    return label.group(1), title
