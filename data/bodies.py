"""One name per organisation and per body: the spellings documents print folded to one.

A body is printed "Sogneraadet" in a 1940s book and "Sognerådet" today, "Økonomiudvalg" in
a portal's title line and "Økonomiudvalget" in the minutes, "FORRETNINGSUDVALGET" in a
letterhead, "Økonomiudvalgets" in a sentence. :func:`name_key` folds case, aa/å, a
genitive "s" and the indefinite form, so those compare equal; the table
``body_names.tsv`` (data, not code) adds the aliases no rule can know ("ØU", "PUK",
"Region H") and the spelling to store. The archive stores every meeting under
:func:`canonical_names` and finds a typed body by any of its spellings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from referat.data import read_data

ANY_ORGANISATION = "*"

# The definite ending of the nouns bodies are named by, and their indefinite form: a
# portal's title line says "Økonomiudvalg", the minutes "Økonomiudvalget".
DEFINITE_ENDINGS = (
    ("udvalget", "udvalg"),
    ("rådet", "råd"),
    ("bestyrelsen", "bestyrelse"),
    ("forsamlingen", "forsamling"),
    ("skabet", "skab"),  # repræsentantskabet, formandskabet
    ("tinget", "ting"),
    ("forummet", "forum"),
    ("samvirket", "samvirke"),
    ("kommissionen", "kommission"),
)
# A genitive "s" after a definite ending or a name ("Økonomiudvalgets", "Ballerup Kommunes").
_GENITIVE = re.compile(r"(?<=[a-zæøå]{3})(et|en|ne|er|de)s$")
# An abbreviation in brackets after the name: "Udvalget for plan, udvikling og kultur (PUK)".
_BRACKETED = re.compile(r"\s*\([^()]*\)\s*$")
_QUOTES = re.compile(r"[\"“”„«»'’]")


def name_key(name: str) -> str:
    """The form spellings of one name are compared in: case-folded, aa as å, quotes and a
    bracketed abbreviation dropped, "&" as "og", the last word without its genitive "s" and in
    its indefinite form.

    Example:
        >>> name_key("Sogneraadet") == name_key("Sognerådets") == name_key("sogneråd")
        True
        >>> name_key("Økonomiudvalg") == name_key("ØKONOMIUDVALGET"), name_key("Byrådet") == name_key("Regionsrådet")
        (True, False)
        >>> name_key('GRUNDEJERFORENINGEN "FOSSGAARDEN"') == name_key("Grundejerforeningen Fossgården")
        True
    """
    folded = _QUOTES.sub("", _BRACKETED.sub("", name)).casefold().replace("aa", "å").replace("&", " og ")
    words = folded.split()
    if not words:
        return ""
    last = _GENITIVE.sub(r"\1", words[-1])
    for definite, indefinite in DEFINITE_ENDINGS:
        if last.endswith(definite):
            last = last[: -len(definite)] + indefinite
            break
    return " ".join([*words[:-1], last])


@dataclass(frozen=True)
class _Table:
    organisations: dict[str, str]  # name_key(spelling) → canonical organisation
    bodies: dict[tuple[str, str], str]  # (name_key(organisation) or "*", name_key(spelling)) → canonical body


@lru_cache(maxsize=1)
def _table() -> _Table:
    organisations: dict[str, str] = {}
    bodies: dict[tuple[str, str], str] = {}
    for line in read_data("body_names.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        organisation, body, aliases = (line.split("\t") + ["", ""])[:3]
        spellings = [body or organisation, *(alias for alias in aliases.split("|") if alias.strip())]
        if not body:
            organisations.update((name_key(spelling), organisation) for spelling in spellings)
            continue
        scope = ANY_ORGANISATION if organisation == ANY_ORGANISATION else name_key(organisation)
        bodies.update(((scope, name_key(spelling)), body) for spelling in spellings)
    return _Table(organisations, bodies)


def tidy(name: str) -> str:
    """A name as printed, with its spaces made single and a name set in capitals written
    with a capital first letter only (a letterhead's "FORRETNINGSUDVALGET").

    Example:
        >>> tidy("  FORRETNINGSUDVALGET "), tidy("Task Force for Kræft- og Psykiatriområdet")
        ('Forretningsudvalget', 'Task Force for Kræft- og Psykiatriområdet')
    """
    name = " ".join(name.split())
    return name[:1] + name[1:].lower() if name.isupper() and len(name) > 3 else name


def canonical_organisation(name: str | None) -> str | None:
    """The table's name for an organisation, or the name as printed (tidied).

    Example:
        >>> canonical_organisation("Region H"), canonical_organisation("Århus Kommune")
        ('Region Hovedstaden', 'Aarhus Kommune')
        >>> canonical_organisation("Elev Sognekommune"), canonical_organisation(None)
        ('Elev Sognekommune', None)
    """
    if name is None or not name.strip():
        return None
    return _table().organisations.get(name_key(name), tidy(name))


def canonical_body(body: str | None, organisation: str | None = None) -> str | None:
    """The table's name for ``organisation``'s body, else for that body of any
    organisation, else the body as printed (tidied).

    Example:
        >>> canonical_body("Sogneraadet", "Elev Sognekommune"), canonical_body("ØU")
        ('Sognerådet', 'Økonomiudvalget')
        >>> canonical_body("PUK", "Syddjurs Kommune"), canonical_body("PUK")
        ('Udvalget for Plan, Udvikling og Kultur', 'PUK')
        >>> canonical_body("Udvalget for plan, udvikling og kultur (PUK)", "Syddjurs Kommune")
        'Udvalget for Plan, Udvikling og Kultur'
    """
    if body is None or not body.strip():
        return None
    table = _table().bodies
    key = name_key(body)
    organisation = canonical_organisation(organisation)
    if organisation is not None and (name_key(organisation), key) in table:
        return table[name_key(organisation), key]
    return table.get((ANY_ORGANISATION, key), tidy(body))


def canonical_names(organisation: str | None, body: str | None) -> tuple[str | None, str | None]:
    """A meeting's organisation and body by their canonical names.

    Example:
        >>> canonical_names("Hjortshøj-Egaa Sognekommune", "Sogneraadet")
        ('Hjortshøj-Egaa Sognekommune', 'Sognerådet')
    """
    return canonical_organisation(organisation), canonical_body(body, organisation)


def bodies_named(typed: str) -> set[str]:
    """The keys (:func:`name_key`) of every body ``typed`` may mean: itself, and the
    canonical body the table gives it for any organisation.

    Example:
        >>> sorted(bodies_named("ØU"))
        ['økonomiudvalg', 'øu']
    """
    keys = {name_key(typed)}
    keys |= {name_key(body) for (_scope, key), body in _table().bodies.items() if key == name_key(typed)}
    return keys


def organisation_stem(organisation: str) -> str:
    """An organisation's name without the word for its kind, as it stands before a body's
    name ("Elev Sogneraad", "Aarhus Byråd").

    Example:
        >>> organisation_stem("Elev Sognekommune"), organisation_stem("Aarhus Kommune"), organisation_stem("FynBus")
        ('Elev', 'Aarhus', 'FynBus')
    """
    return re.sub(r"\s+(?:sogne)?kommunes?$|\s+amts?$", "", organisation.strip(), flags=re.I) or organisation
