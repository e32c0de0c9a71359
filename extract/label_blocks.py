"""A transcript's header table read row-wise: its labels first, then their values.

A PDF page of a meeting's header is a two-column table; a document-sharing site's text
layer reads it label column first: "Sted Medlemmer Fraværende Lokale 1, Vordingborg
Rådhus Søren Nybo, Per Stig Sørensen, Carsten Olsen Ingen Bemærkninger". The values
follow in the labels' order: a place, a list of names, and who was absent. This module
puts each value back behind its label ("Sted: Lokale 1, Vordingborg Rådhus Medlemmer:
Søren Nybo, …"), so the header's label reader reads them as any labelled header.
"""

from __future__ import annotations

import re

from referat.extract.participant_words import NOBODY_WORDS

# The labels of such a block, and what their value is.
_BLOCK_LABELS = {
    "sted": "place",
    "mødested": "place",
    "medlemmer": "names",
    "deltagere": "names",
    "fraværende": "absent",
    "afbud": "absent",
}
_LABEL = r"(?:Sted|Mødested|Medlemmer|Deltagere|Fraværende|Afbud):?"
# Two labels at least, side by side, then the values.
_BLOCK = re.compile(rf"\b(?P<labels>{_LABEL}(?:\s+{_LABEL})+)\s+(?=[A-ZÆØÅ0-9])")
# Where a place ends: its building or room word ("… Vordingborg Rådhus", "Byrådssalen").
_PLACE_WORD = re.compile(
    r"(?:rådhus|rådhuset|sal|salen|lokale|lokalet|mødelokale|værelse|værelset|kontor|kontoret|center|centret)$",
    re.I,
)
_PARTY = re.compile(r"\([A-ZÆØÅ]{1,3}\),?")
_CAPITALISED = re.compile(r"[A-ZÆØÅ][\wæøåéü'’.-]*$")
# A value ends at the next label of the page ("Bemærkninger", "Indholdsfortegnelse").
_NEXT_LABEL = re.compile(r"\s+(?:Bemærkninger|Indholdsfortegnelse|Dagsorden|Sagsoversigt)\b")


def labels_before_values(text: str) -> str:
    """``text`` with a block of labels and its values written as label: value pairs.

    Example:
        >>> labels_before_values("Sted Medlemmer Fraværende Lokale 1, Rådhuset Søren Nybo, Per Stig Sørensen Ingen")
        'Sted: Lokale 1, Rådhuset Medlemmer: Søren Nybo, Per Stig Sørensen Fraværende: Ingen'
    """
    block = _BLOCK.search(text)
    if block is None:
        return text
    labels = [label.rstrip(":") for label in block.group("labels").split()]
    kinds = [_BLOCK_LABELS[label.lower()] for label in labels]
    if len(set(kinds)) != len(kinds):
        return text
    end = _NEXT_LABEL.search(text, block.end())
    values_text = text[block.end() : end.start() if end else len(text)]
    values = _values(values_text.split(), kinds)
    if values is None:
        return text
    pairs = " ".join(f"{label}: {value}" for label, value in zip(labels, values, strict=True) if value)
    return f"{text[: block.start()]}{pairs}{text[block.end() + len(values_text) :]}"


def _values(words: list[str], kinds: list[str]) -> list[str] | None:
    """The words cut into one value per label kind, in order; None when they cannot be."""
    values: list[str] = []
    position = 0
    for number, kind in enumerate(kinds):
        last = number == len(kinds) - 1
        if kind == "place":
            end = _place_end(words, position)
        elif kind == "names":
            end = _names_end(words, position)
        else:
            end = len(words) if last else _names_end(words, position)
        if end is None or (end == position and kind != "absent"):
            return None
        values.append(" ".join(words[position:end]))
        position = end
    return values


def _place_end(words: list[str], start: int) -> int | None:
    """After the last building or room word of the first few words (a place has no names)."""
    ends = [i + 1 for i in range(start, min(start + 8, len(words))) if _PLACE_WORD.search(words[i].rstrip(",."))]
    if not ends:
        return None
    end = ends[-1]
    # the room's number after its word: "Mødelokale 2", "lokale 209"
    return end + 1 if end < len(words) and re.fullmatch(r"\d{1,4}[a-zA-Z]?[,.]?", words[end]) else end


def _names_end(words: list[str], start: int) -> int | None:
    """After a comma list of names: "Søren Nybo, Per Stig Sørensen, Carsten Olsen" (the last
    name is two or three capitalised words, never a word such as "Ingen")."""
    position = start
    while position < len(words):
        if words[position].lower().rstrip(".") in NOBODY_WORDS:
            return position if position > start else position + 1
        name_end = position
        while name_end < len(words) and name_end - position < 5:
            word = words[name_end]
            party = _PARTY.fullmatch(word)  # "Johnny Søtrup (V),"
            if not (party or _CAPITALISED.match(word.rstrip(","))) or word.lower().rstrip(",.") in NOBODY_WORDS:
                break
            name_end += 1
            if word.endswith(",") or party:
                break
        if name_end - position < 2:
            return position if position > start else None
        if not words[name_end - 1].endswith(","):
            return name_end
        position = name_end
    return position
