"""How sub-items under an item are numbered: a letter after the item's number ("3a.", "3.a"),
a Word outline's second level ("2.1"), or letters alone ("a)", "B.") that count on."""

from __future__ import annotations

import re

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
