"""Where one person's name ends and the next begins in a list that lost its separators.

A transcript or a flattened two-column table prints a member list as one run of
capitalised words: "Vibeke Storm Rasmussen Lars Engberg Peter Kay Mortensen". The words
alone do not say where the names part; a given name does, when it follows a surname. The
given names are data (``data/first_names.txt``); the mechanism is one rule: a new name
starts at a given name once the name being read has a surname.
"""

from __future__ import annotations

import re
from functools import lru_cache

from referat.data import read_data

# One word of a person's name: "Kjøller", "Frølund-Møller", "M.", "H.C.", "O'Neill".
_NAME_WORD = re.compile(r"[A-ZÆØÅ][\wæøåéü'’-]*\.?|[A-ZÆØÅ]\.(?:[A-ZÆØÅ]\.)*|von|van|de|la|del")
# An initial: "M.", "H.C.".
_INITIAL = re.compile(r"[A-ZÆØÅ]\.(?:[A-ZÆØÅ]\.?)*")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The given names of ``data/first_names.txt``, lower-cased.

    Example:
        >>> {"mette", "lars"} <= first_names(), "rasmussen" in first_names()
        (True, False)
    """
    lines = read_data("first_names.txt").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def is_first_name(word: str) -> bool:
    """A capitalised given name, or a double one whose first part is ("Hans-Henrik").

    Example:
        >>> is_first_name("Lars"), is_first_name("Hans-Henrik"), is_first_name("Engberg"), is_first_name("lars")
        (True, True, False, False)
    """
    if not word[:1].isupper():
        return False
    low = word.lower()
    return low in first_names() or low.split("-")[0] in first_names()


def split_run_on_names(text: str, after_heading: bool = True) -> list[str] | None:
    """The names of a run of capitalised words, split before each given name that follows
    a surname; None unless the run reads as two names at least, each of two to four words
    and each after the first opening with a given name.

    A given name after another given name is a second given name ("Hans Christian Holst"),
    unless the name read so far has three words already.

    Example:
        >>> split_run_on_names("Vibeke Storm Rasmussen Lars Engberg Peter Kay Mortensen")
        ['Vibeke Storm Rasmussen', 'Lars Engberg', 'Peter Kay Mortensen']
        >>> split_run_on_names("Ole M. Jørgensen Flemming Christensen")
        ['Ole M. Jørgensen', 'Flemming Christensen']
        >>> split_run_on_names("Hans Christian Holst") is None, split_run_on_names("Teknik Mette Touborg") is None
        (True, True)
    """
    words = text.split()
    if len(words) < 4 or not all(_NAME_WORD.fullmatch(word) for word in words):
        return None
    names: list[list[str]] = [[]]
    for word in words:
        current = names[-1]
        if (
            len(current) >= 2
            and is_first_name(word)
            and not _INITIAL.fullmatch(current[-1])
            and (not is_first_name(current[-1]) or len(current) >= 3)
        ):
            names.append([])
        names[-1].append(word)
    if len(names) < 2:
        return None
    # (the first name's given name may be one the table lacks when a heading says where the
    # run starts; a line inside a list, "Underskriftsark Annelis Stamm …", must open with one)
    for position, name in enumerate(names):
        known = is_first_name(name[0]) or (position == 0 and after_heading)
        if not (2 <= len(name) <= 6 and known) or _INITIAL.fullmatch(name[-1]):
            return None
    return [" ".join(part) for name in names for part in _two_names_in_one(name)]


def _two_names_in_one(name: list[str]) -> list[list[str]]:
    """A name of four words or more has two given names or an initial ("Inger Marie Holm
    Lund", "Ole M. Juhl Berg"); any other is two names, the second with a given name the
    table lacks: "Lise Rask Abbas Razvi" → two and two, five words → two and three."""
    if len(name) < 4 or is_first_name(name[1]) or _INITIAL.fullmatch(name[1]):
        return [name]
    return [name[:2], name[2:]] if len(name) <= 5 else [name[:3], name[3:]]


def leading_run_on_names(text: str, after_heading: bool = True) -> list[str] | None:
    """The names a run-on list opens with, up to the first word that is no name's:
    "Bo Normander Jan Kunstmann * *Jesper … deltog i stedet" → the two names; a role in
    brackets after a name ("Gertrud Jørgensen (Formand)") is passed over.

    Example:
        >>> leading_run_on_names("Bo Normander Jan Kunstmann Betina Nygaard * *Jesper Fredshavn deltog")
        ['Bo Normander', 'Jan Kunstmann', 'Betina Nygaard']
    """
    words = re.sub(r"\s*\([^()]{1,20}\)", "", text).split()
    run = 0
    while run < len(words) and _NAME_WORD.fullmatch(words[run]):
        run += 1
    return split_run_on_names(" ".join(words[:run]), after_heading)
