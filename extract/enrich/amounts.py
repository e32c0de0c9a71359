"""Amounts of money in Danish text: "175 mio. kr.", "2,4 mia. kr.", "knap 50 mio. kr."."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from referat.extract.textscan import lower_keeping_offsets, merged_stretches

# Qualifiers before the number, as the contract names them.
QUALIFIERS = {
    "ca.": "approx",
    "ca": "approx",
    "cirka": "approx",
    "omkring": "approx",
    "omtrent": "approx",
    "anslået": "approx",
    "over": "at_least",
    "mindst": "at_least",
    "mere end": "at_least",
    "godt": "at_least",
    "minimum": "at_least",
    "knap": "at_most",
    "op til": "at_most",
    "højst": "at_most",
    "under": "at_most",
    "maksimalt": "at_most",
    "maks.": "at_most",
    "næsten": "at_most",
    "mindre end": "at_most",
}
MULTIPLIERS = {
    "mia.": 1e9,
    "mia": 1e9,
    "milliard": 1e9,
    "milliarder": 1e9,
    "mio.": 1e6,
    "mio": 1e6,
    "mill.": 1e6,
    "million": 1e6,
    "millioner": 1e6,
    "t.kr.": 1e3,
    "tkr.": 1e3,
    "tusind": 1e3,
    "tusinde": 1e3,
}
_QUALIFIER_WORDS = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
# "1.316.000", "2,59", "175", "3,0"; Danish thousands dot, decimal comma.
_NUMBER = r"(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
_MULTIPLIER = (
    "(?:\\s*(?P<multiplier>" + "|".join(sorted((re.escape(m) for m in MULTIPLIERS), key=len, reverse=True)) + "))?"
)
_CURRENCY = r"\s*(?P<currency>kr\.|kr\b|kroner|DKK)"
# The match starts at the number (a cheap first character); the qualifier is looked up behind it.
AMOUNT = re.compile(rf"(?<![\w.,]){_NUMBER}{_MULTIPLIER}{_CURRENCY}", re.IGNORECASE)
# The currency first, as accounts and associations write it: "kr. 181.147", "kr. -12.500",
# "DKK 1.250.000" (not when an amount with the currency after it follows: "kr. 3.000 kr.").
AMOUNT_CURRENCY_FIRST = re.compile(
    rf"(?<![\w.])(?:kr\.|kr\b|DKK)[ \t]*(?P<sign>[-−] ?)?(?<![\w.,]){_NUMBER}{_MULTIPLIER}(?![\d,.]*\s*(?:kr|%|pct))",
    re.IGNORECASE,
)
# A minus before an amount: "-2,5 mio. kr.", "−45.000 kr." (a space or the line's start before it).
_MINUS_BEFORE = re.compile(r"(?:^|(?<=[\s(]))[-−]\s?$")
QUALIFIER_BEFORE = re.compile(rf"(?<![\wæøå])(?P<qualifier>{_QUALIFIER_WORDS})\s+$", re.IGNORECASE)
# "… mio. kr. i 2025", "… kr. årligt fra 2013": the year the amount belongs to.
YEAR_AFTER = re.compile(r"^\s*(?:i|for|in|pr\.|årligt i|om året i)\s+(?P<year>(?:19|20)\d{2})(?!\d)", re.I)


@dataclass(frozen=True)
class AmountMatch:
    start_char: int
    end_char: int
    text: str
    value: float
    qualifier: str | None
    year: int | None


_CLAUSE_YEAR = re.compile(r"\bi\s+(?P<year>(?:19|20)\d{2})(?!\d)")
_CLAUSE_END = re.compile(r"[.;:!?](?:\s|$)|,\s|\n\n")


def _year_later_in_clause(text: str, start: int) -> re.Match | None:
    end_match = _CLAUSE_END.search(text, start)
    end = end_match.start() if end_match else len(text)
    next_amount = AMOUNT.search(text, start, end)
    if next_amount:
        end = next_amount.start()
    return _CLAUSE_YEAR.search(text, start, end)


def parse_number(text: str) -> float:
    """Danish number notation.

    Example:
        >>> parse_number("1.316.000"), parse_number("2,59")
        (1316000.0, 2.59)
    """
    return float(text.replace(".", "").replace(",", "."))


def find_amounts(text: str) -> list[AmountMatch]:
    """Every amount of money in ``text``; percentages and counts are not amounts.

    Example:
        >>> [(a.text, a.value, a.qualifier, a.year) for a in find_amounts("Der allokeres knap 175 mio. kr. i 2025.")]
        [('175 mio. kr.', 175000000.0, 'at_most', 2025)]
    """
    found = []
    stretches = _currency_stretches(text)
    matches = [match for start, end in stretches for match in AMOUNT.finditer(text, start, end)]
    matches += [match for start, end in stretches for match in AMOUNT_CURRENCY_FIRST.finditer(text, start, end)]
    seen: set[int] = set()
    for match in sorted(matches, key=lambda m: m.start("number")):
        if match.start("number") in seen:
            continue
        seen.add(match.start("number"))
        found.append(_amount(text, match))
    return found


def _amount(text: str, match: re.Match) -> AmountMatch:
    value = parse_number(match.group("number"))
    multiplier = match.group("multiplier")
    if multiplier:
        value *= MULTIPLIERS[multiplier.lower()]
    start = match.start("number") if "sign" not in match.re.groupindex else match.start()
    minus = _MINUS_BEFORE.search(text[max(0, match.start() - 2) : match.start()])
    if minus is not None and "sign" not in match.re.groupindex:
        start = match.start() - len(minus.group(0))
    negative = minus is not None or bool(match.groupdict().get("sign"))
    before = QUALIFIER_BEFORE.search(text[max(0, start - 12) : start])
    qualifier = before.group("qualifier") if before else None
    # The year the amount belongs to: "… mio. kr. i 2025", or later in the same clause
    # ("… mio. kr. afsættes i 2026"), but not past the next amount or the sentence end.
    year_match = YEAR_AFTER.match(text[match.end() :]) or _year_later_in_clause(text, match.end())
    return AmountMatch(
        start_char=start,
        end_char=match.end(),
        # The qualifier word is reported as ``qualifier``, not kept in the text.
        text=text[start : match.end()],
        value=round(-value if negative else value, 2),
        qualifier=QUALIFIERS[qualifier.lower()] if qualifier else None,
        year=int(year_match.group("year")) if year_match else None,
    )


# Every amount ends in its currency; the pattern runs only on the stretch before each
# currency word (a number, a multiplier and spaces are far shorter than this).
_CURRENCY_WORD = re.compile(r"kr|dkk")
_REACH_BEFORE = 60
_REACH_AFTER = 30  # "kr. 1.250.000,00 mio." after the currency word


def _currency_stretches(text: str) -> list[tuple[int, int]]:
    """Merged (start, end) stretches of ``text`` that end just after a currency word."""
    return merged_stretches(
        (max(0, word.start() - _REACH_BEFORE), min(len(text), word.end() + _REACH_AFTER))
        for word in _CURRENCY_WORD.finditer(lower_keeping_offsets(text))
    )


def iter_amounts(text: str) -> Iterator[dict]:
    """The contract's Amount fields for each amount in ``text``."""
    for match in find_amounts(text):
        yield {
            "text": match.text,
            "value": match.value,
            "currency": "DKK",
            "qualifier": match.qualifier,
            "year": match.year,
        }
