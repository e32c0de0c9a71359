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


def split_run_on_names(text: str) -> list[str] | None:
    """The names of a run of capitalised words, split before each given name that follows
    a surname; None unless the run reads as two names at least, each opening with a given
    name and having two to five words.

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
    for name in names:
        if not (2 <= len(name) <= 5 and is_first_name(name[0])) or _INITIAL.fullmatch(name[-1]):
            return None
    return [" ".join(name) for name in names]
