"""The gazetteer: the one table of actor names (gazetteer.tsv), and the one resolver over it.

Every organisation, body and party referat knows, with its aliases. Enrichment reads
the names in minutes against it (extract/enrich/actors.py adds the grammar: genitives,
titles, "Styrelsen" referring back); the archive stores each statement under its
canonical actor (:func:`canonical_actor`) and resolves what a user types, "KL",
"danske regioner" or "Danske Regoner" (:func:`resolve_actor`). Aliases are data, not
code: add one in data/build_gazetteer.py when a new abbreviation shows up in real
minutes, and build the table again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from referat.data import read_data

# A typo ("Kommunernes Landsforning") scores ~97, a different name of similar length
# ("Region Midtjylland" / "Region Nordjylland") ~78: between them lies the cut.
FUZZY_CUTOFF = 85.0
# Names shorter than this are abbreviations: fuzzy matching would turn "DR" into "KL".
FUZZY_MIN_LENGTH = 4
# An abbreviation as the minutes write it: "KL", "SDS", "STPS" (a party's one letter is not one).
ABBREVIATION = re.compile(r"[A-ZÆØÅ]{2,}")


@dataclass(frozen=True)
class Entry:
    """One row of the gazetteer."""

    canonical: str
    label: str  # the entity label (ORG)
    kind: str  # organisation | body | party
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """The gazetteer's rows, in the file's order; read once per process.

    Example:
        >>> entries()[1].canonical, entries()[1].aliases
        ('Kommunernes Landsforening', ('KL', 'Kommunernes Landsforenings'))
    """
    rows = []
    for line in read_data("gazetteer.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, label, kind, aliases = (line.split("\t") + [""] * 4)[:4]
        rows.append(Entry(canonical, label, kind, tuple(alias for alias in aliases.split("|") if alias)))
    return tuple(rows)


def normalise(name: str) -> str:
    """The form typed names are compared in: case-folded, single spaces, aa as å.

    Example:
        >>> normalise("  Aarhus   Kommune ")
        'århus kommune'
    """
    return " ".join(name.casefold().replace("aa", "å").split())


def closest(text: str, names: Sequence[str], cutoff: float, limit: int = 5) -> list[tuple[str, float]]:
    """The names most like ``text`` (rapidfuzz ratio, 0-100, at least ``cutoff``), best
    first: the typo tolerance of both the enrichment and the archive.

    Example:
        >>> closest("Sundhedsstyrelssen", ["Sundhedsstyrelsen", "Sundhedsministeriet"], 90)
        [('Sundhedsstyrelsen', 97.14285714285714)]
    """
    return [
        (match, score)
        for match, score, _index in process.extract(text, names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
    ]


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Normalised abbreviation → canonical name, for the actors known by one ("KL", "DR",
    "SDS"), and their canonical names too: what a user may type for an actor the archive
    holds under another spelling, or not at all.

    Example:
        >>> aliases()["kl"], aliases()["kommunernes landsforening"]
        ('Kommunernes Landsforening', 'Kommunernes Landsforening')
    """
    table: dict[str, str] = {}
    for entry in entries():
        short = [alias for alias in entry.aliases if ABBREVIATION.fullmatch(alias)]
        if short:
            table.update((normalise(alias), entry.canonical) for alias in short)
            table[normalise(entry.canonical)] = entry.canonical
    return table


# Role nouns and pronouns: who they are depends on the meeting ("Udvalget" is this
# meeting's committee, "Formanden" its chair). The extractor resolves them where the document
# says who; otherwise they are kept as printed and never counted as actors of their own.
ROLE_NOUNS = frozenset({
    "han", "hun", "de", "den", "udvalget", "rådet", "bestyrelsen", "forsamlingen", "repræsentantskabet",
    "formanden", "næstformanden", "formandskabet", "borgmesteren", "direktøren", "direktionen",
    "administrationen", "forvaltningen", "sekretariatet", "kassereren", "sekretæren", "medlemmerne",
    "rådsmedlemmerne", "udvalgsmedlemmerne", "deltagerne", "parterne", "regionerne", "kommunerne",
    "styrelserne", "styrelsen", "ministeriet", "departementet", "regionen", "kommunen", "foreningen",
    "lejeren", "ejeren", "ansøgeren", "byrådet", "kommunalbestyrelsen", "regionsrådet", "mødet", "myndighederne",
    "sognerådet", "sogneraadet", "menighedsrådet", "menighedsraadet", "task force", "task forcen", "taskforcen",
})  # fmt: skip


def is_role(name: str | None) -> bool:
    """Whether an actor as extracted is a role noun or a pronoun, not a named actor.

    Example:
        >>> is_role("Udvalget"), is_role("Formanden"), is_role("han"), is_role("Danske Regioner")
        (True, True, True, False)
    """
    return name is not None and " ".join(name.split()).lower() in ROLE_NOUNS


def canonical_actor(name: str) -> str:
    """The canonical name for an actor as extracted: by its abbreviation, else the name itself.

    Example:
        >>> canonical_actor("KL"), canonical_actor("Ballerup Kommune")
        ('Kommunernes Landsforening', 'Ballerup Kommune')
    """
    return aliases().get(normalise(name), " ".join(name.split()))


@dataclass(frozen=True)
class Resolution:
    """Which actor a typed name means. ``canonical`` is None when nothing matched."""

    canonical: str | None
    how: str  # alias | exact | fuzzy | ambiguous | none
    candidates: tuple[str, ...] = field(default=())


def resolve_actor(name: str, known: Iterable[str] = ()) -> Resolution:
    """Resolve what a user typed to one canonical actor: abbreviation, exact name, then
    typo-tolerant. ``known`` are the canonical actors in the archive.

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
    matches = closest(typed, list(choices), FUZZY_CUTOFF)
    found = list(dict.fromkeys(choices[match] for match, _score in matches))
    if not found:
        close = process.extract(typed, list(choices), scorer=fuzz.WRatio, score_cutoff=60, limit=3)
        return Resolution(None, "none", tuple(dict.fromkeys(choices[m] for m, _s, _i in close)))
    if len(found) > 1 and matches[0][1] - matches[1][1] < 2 and choices[matches[1][0]] != found[0]:
        return Resolution(None, "ambiguous", tuple(found))
    return Resolution(found[0], "fuzzy")
