"""How sub-items under an item are numbered: a letter after the item's number ("3a.", "3.a"),
a Word outline's second level ("2.1"), or letters alone ("a)", "B.") that count on; and when
lettered lines are no sub-items but the item's minutes told point by point."""

from __future__ import annotations

import re

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
