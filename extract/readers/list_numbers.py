"""List counters as they are printed: 3 → "c", "III", "iii" (shared by the DOCX and HTML readers)."""

from __future__ import annotations

# Bounds past which no document printed a letter or a numeral (a hostile w:start or HTML
# start="99999999999" must not build a billion-letter label).
MAX_LETTER_VALUE = 26 * 4
MAX_ROMAN_VALUE = 3999


def format_list_number(value: int, fmt: str) -> str:
    """A list counter as printed in Word's number format names (HTML's ``type`` maps onto them).

    Example:
        >>> format_list_number(3, "lowerLetter"), format_list_number(4, "upperRoman"), format_list_number(2, "decimal")
        ('c', 'IV', '2')
    """
    if (fmt.endswith("Letter") and not 0 < value <= MAX_LETTER_VALUE) or (
        fmt.endswith("Roman") and not 0 < value <= MAX_ROMAN_VALUE
    ):
        return str(value)  # "aaaaa…" or a million M's is no label anyone printed
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "upperRoman":
        return _roman(value)
    return str(value)


def _letters(value: int) -> str:
    # Word repeats the letter after z: aa, bb …
    value = max(value, 1)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    numerals = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = []
    for number, numeral in numerals:
        while value >= number:
            out.append(numeral)
            value -= number
    return "".join(out)
