"""Access markers on an item's heading line: "(Lukket)", "Fortrolig:", "Lukket punkt",
"- lukket punkt", "Tavshedspligt ikke fraveget"; where they stand, the title without them,
and the access they say. Read by the heading forms (heading_lines.py) and the passes that
take titles from elsewhere (contents lists, unnumbered items)."""

from __future__ import annotations

import re

from referat.extract.vocabulary import CLOSED_ACCESS_WORDS, CLOSED_TITLE_TAILS, OPEN_ACCESS_WORDS


def alternation(words: tuple[str, ...]) -> str:
    """Words as a regex alternation, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


ACCESS_WORD = rf"(?:{alternation(CLOSED_ACCESS_WORDS + OPEN_ACCESS_WORDS)})"
# An access line standing above an item heading: "Åbent punkt", "Lukket sag", "Fortrolig"
# (and a cell of an item's field row: "… | Initialer: ABH | Lukket").
ACCESS_LINE = re.compile(rf"^(?P<word>{ACCESS_WORD})(?:\s+(?:punkt|sag|dagsordenspunkt))?$", re.I)


# An access marker opening the title: "3. Fortrolig: Køb af …", "4. (Lukket) Salg af …"
_LEADING_ACCESS = re.compile(
    rf"^(?:\((?P<paren>{ACCESS_WORD})\)|(?P<word>{ACCESS_WORD})(?:\s+(?:punkt|sag))?\s*(?:[:|;]|\s[-–]\s))\s*"
    # "1 Åbent Godkendelse af dagsorden": a capitalised marker, then a capitalised title
    # (not "Åben skole", a title of its own)
    rf"|^(?P<bare>(?-i:Åbent|Åben|Lukket|ÅBENT|LUKKET))\s+(?=(?-i:[A-ZÆØÅ]))",
    re.I,
)


# … or closing it: "Salg af grund (Lukket)", "Salg af grund - lukket punkt", "Status Åbent"
_TRAILING_ACCESS = re.compile(
    rf"\s*(?:\((?P<paren>{ACCESS_WORD})(?:\s+(?:punkt|sag))?\)|[-–]\s*(?P<dash>{ACCESS_WORD})(?:\s+(?:punkt|sag))?"
    rf"|(?<=\s)(?P<word>{ACCESS_WORD})\s+(?:punkt|sag)|(?<=\s)(?P<bare>Åbent|Åben|Lukket|LUKKET|ÅBENT))\s*$",
    re.I,
)


# … or a phrase that says so: "Kundeforhold Vand A/S Tavshedspligt ikke fraveget"
_CLOSED_TAIL = re.compile(rf"\s+[-–(]?\s*(?:{alternation(CLOSED_TITLE_TAILS)})\)?\s*$", re.I)


# A title that is nothing but a marker: "Lukket punkt", "(Fortrolig)", "LUKKET SAG:", and
# the closed part under a number of its own: "7. Lukket møde", "12. Fortroligt".
MARKER_ONLY = re.compile(
    rf"\(?(?P<word>{ACCESS_WORD})(?:\s+(?:punkt|sag|item|møde|del|dagsordenspunkt|punkter|sager))?\)?\s*[:.]?", re.I
)


def title_and_access(title: str, access: str) -> tuple[str, str]:
    """Access markers taken off the title, and the access they and the heading say."""
    title, access = _title_and_access(title, access)
    # ("Fornyelse af alkoholbevilling... LUKKET": a contents line's dot leader before its marker)
    return re.sub(r"(?<=\w)\s*\.{3,}$", "", title), access


def _title_and_access(title: str, access: str) -> tuple[str, str]:
    title, marked = _strip_access_marks(title)
    if marked is not None:
        access = "closed" if "closed" in (access, marked) else marked
    # "Rektoratet fremadrettet (lukket punkt) (bilag)", "Salg af grund (Lukket punkt).": a
    # bracketed marker inside the title or before its last stop says the access too
    inner = _BRACKETED_CLOSED.search(title)
    if inner:
        access = "closed"
        title = " ".join((title[: inner.start()] + " " + title[inner.end() :].lstrip(".")).split())
    return title, access


_BRACKETED_CLOSED = re.compile(r"\s*\((?:fortrolig|lukket|lukkede?)(?:\s+(?:punkt|sag|møde|dagsordenspunkt))?\)", re.I)


def access_of(word: str) -> str:
    return "closed" if word.lower() in CLOSED_ACCESS_WORDS else "public"


def _strip_access_marks(title: str) -> tuple[str, str | None]:
    """Take access markers off the ends of a title: the title without them, and the access
    they say (None when there is none). A title that is only a marker ("52. Lukket punkt")
    says the access and leaves no title."""
    access: str | None = None
    only = MARKER_ONLY.fullmatch(title)
    if only:
        return "", access_of(only.group("word"))
    leading = _LEADING_ACCESS.match(title)
    if leading and title[leading.end() :]:
        access = access_of(leading.group("paren") or leading.group("word") or leading.group("bare"))
        title = title[leading.end() :]
    tail = _CLOSED_TAIL.search(title)
    if tail and title[: tail.start()].strip():
        access, title = "closed", title[: tail.start()]
    trailing = _TRAILING_ACCESS.search(title)
    if trailing and title[: trailing.start()].strip():
        word = next(group for group in trailing.groups() if group)
        said = access_of(word)
        access = "closed" if "closed" in (access, said) else said
        title = title[: trailing.start()].rstrip(" -–")
    return title, access


# The access in an item's field lines under its heading: a cell of a field row ("Sag 306-… |
# Dok. … | Initialer: ABH | Lukket"), a status field ("Status: Lukket"), or the access before
# the case number ("Lukket - 82.02.00-G10-12-17").
_FIELD_ACCESS = re.compile(
    rf"^(?:(?:status|adgang|sagsstatus)\s*:\s*(?P<field>{ACCESS_WORD})(?:\s+(?:punkt|sag))?"
    rf"|(?P<lead>{ACCESS_WORD})(?:\s+(?:punkt|sag))?\s+[-–]\s+(?P<case>[\w./-]*\d[\w./-]*))$",
    re.I,
)


def access_in_fields(text: str) -> tuple[str | None, str | None]:
    """The access an item's field line gives, and the case number it carries, if any.

    Example:
        >>> access_in_fields("Sag 306-2019-5520 | Dok. 306-2019-80034 | Initialer: ABH | Lukket")
        ('closed', None)
        >>> access_in_fields("Status: Lukket")
        ('closed', None)
        >>> access_in_fields("Lukket - 82.02.00-G10-12-17")
        ('closed', '82.02.00-G10-12-17')
        >>> access_in_fields("Lukket skole i Vestby")
        (None, None)
    """
    text = text.strip()
    match = _FIELD_ACCESS.match(text)
    if match:
        return access_of(match.group("field") or match.group("lead")), match.group("case")
    cells = [cell.strip() for cell in text.split(" | ")]
    if len(cells) >= 2:
        for cell in cells:
            access = ACCESS_LINE.match(cell)
            if access:
                return access_of(access.group("word")), None
    return None, None
