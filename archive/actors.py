"""Actor names: the alias table (archive/actors.tsv) and typo-tolerant lookup.

Statements name their actor canonically ("Danske Regioner"), but people type "DR",
"danske regioner" or "Danske Regoner". Aliases are data, not code: add a line to
actors.tsv when a new abbreviation shows up in real minutes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

# A typo ("Kommunernes Landsforning") scores ~97, a different name of similar length
# ("Region Midtjylland" / "Region Nordjylland") ~78: between them lies the cut.
FUZZY_CUTOFF = 85.0
# Names shorter than this are abbreviations: fuzzy matching would turn "DR" into "KL".
FUZZY_MIN_LENGTH = 4


def normalise(name: str) -> str:
    """The form names are compared in: case-folded, single spaces, aa as å.

    Example:
        >>> normalise("  Aarhus   Kommune ")
        'århus kommune'
    """
    return " ".join(name.casefold().replace("aa", "å").split())


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """The alias table: normalised alias → canonical name.

    Example:
        >>> aliases()["kl"]
        'Kommunernes Landsforening'
    """
    table: dict[str, str] = {}
    text = resources.files("referat.archive").joinpath("actors.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, canonical = (part.strip() for part in line.split("\t", 1))
        table[normalise(alias)] = canonical
        table[normalise(canonical)] = canonical
    return table


def canonical_actor(name: str) -> str:
    """The canonical name for an actor as extracted: the alias table, else the name itself.

    Example:
        >>> canonical_actor("KL"), canonical_actor("Ballerup Kommune")
        ('Kommunernes Landsforening', 'Ballerup Kommune')
    """
    return aliases().get(normalise(name), " ".join(name.split()))


@dataclass(frozen=True)
class Resolution:
    """Which actor a typed name means. ``canonical`` is None when nothing matched."""

    canonical: str | None
    how: str  # alias | exact | fuzzy | none
    candidates: tuple[str, ...] = field(default=())


def resolve_actor(name: str, known: Iterable[str] = ()) -> Resolution:
    """Resolve what a user typed to one canonical actor: alias, exact name, then typo-tolerant.

    ``known`` are the canonical actors in the archive.

    Example:
        >>> resolve_actor("DR").canonical
        'Danske Regioner'
        >>> resolve_actor("Kommunernes Landsforning").how
        'fuzzy'
    """
    typed = normalise(name)
    table = aliases()
    if typed in table:
        return Resolution(table[typed], "alias")
    names: dict[str, str] = {normalise(actor): actor for actor in known}
    if typed in names:
        return Resolution(names[typed], "exact")
    if len(typed) < FUZZY_MIN_LENGTH:
        return Resolution(None, "none")
    choices = {**{key: value for key, value in table.items() if len(key) >= FUZZY_MIN_LENGTH}, **names}
    matches = process.extract(typed, list(choices), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
    found = list(dict.fromkeys(choices[match] for match, _score, _index in matches))
    if not found:
        close = process.extract(typed, list(choices), scorer=fuzz.WRatio, score_cutoff=60, limit=3)
        return Resolution(None, "none", tuple(dict.fromkeys(choices[m] for m, _s, _i in close)))
    if len(found) > 1 and matches[0][1] - matches[1][1] < 2 and choices[matches[1][0]] != found[0]:
        return Resolution(None, "ambiguous", tuple(found))
    return Resolution(found[0], "fuzzy")
