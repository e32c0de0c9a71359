"""Bodies and organisations by one name in the archive: stored under their canonical names
(:mod:`referat.data.bodies`, the table ``data/body_names.tsv``), and found by any spelling.

A name the table does not know is stored in the spelling the archive first stored for it
(compared by ``name_key``: "Kultur- og fritidsudvalg" after "Kultur- og Fritidsudvalget" is
stored as the latter), so facets and filters count each body once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

from referat.data.bodies import bodies_named, canonical_names, name_key, organisation_stem
from referat.models import Meeting


class Spellings:
    """The spellings an archive stores, by name key; read once per stored document."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.bodies: dict[str, str] = {}
        self.organisations: dict[str, str] = {}
        for body, organisation in connection.execute(
            "SELECT body, organisation FROM meetings WHERE body IS NOT NULL OR organisation IS NOT NULL"
            " GROUP BY body, organisation ORDER BY min(id)"
        ):
            if body:
                self.bodies.setdefault(name_key(body), body)
            if organisation:
                self.organisations.setdefault(name_key(organisation), organisation)

    def of(self, meeting: Meeting) -> Meeting:
        """The meeting with its organisation and body as the archive stores them: the
        canonical names, in the spelling stored first."""
        organisation, body = self.spelled(*canonical_names(meeting.organisation, meeting.body))
        return meeting.model_copy(update={"organisation": organisation, "body": body})

    def spelled(self, organisation: str | None, body: str | None) -> tuple[str | None, str | None]:
        """A canonical organisation and body (``canonical_names``) in the spelling the
        archive stored first, which from now on is theirs."""
        if organisation is not None:
            organisation = self.organisations.setdefault(name_key(organisation), organisation)
        if body is not None:
            body = self.bodies.setdefault(name_key(body), body)
        return organisation, body


class SpokenName(NamedTuple):
    """A stored (body, organisation) pair as ``--body`` compares it: its "organisation|body"
    key, the body's name key, and the name keys of the names it goes by."""

    key: str
    body_key: str
    spoken: tuple[str, ...]
    # The keys of ``spoken`` on lines of their own: a typed name's key (no line break in it)
    # is looked for in them with one ``in`` per pair (thousands of pairs at 1M sections:
    # one generator per pair cost ~2 ms a ``--body`` search).
    spoken_lines: str


def spoken_names(stored: Iterable[tuple[str, str]]) -> list[SpokenName]:
    """The stored meetings' (body, organisation) pairs with their name keys worked out, once
    per change of the archive (search_plan.BodyKeys): ``name_key`` costs ~15 µs, and an
    archive of 1M sections holds thousands of pairs."""
    names = []
    for body, organisation in stored:
        spoken = [f"{organisation} {body}", f"{organisation_stem(organisation)} {body}"] if organisation else [body]
        keys = tuple(name_key(name) for name in spoken)
        names.append(SpokenName(f"{organisation}|{body}", name_key(body), keys, "\n".join(keys)))
    return names


def matching_spoken(names: Iterable[SpokenName], typed: str) -> list[str]:
    """The "organisation|body" keys of the stored pairs (as :func:`spoken_names`) that a
    typed name means: a body by any of its spellings ("Sogneraadets", "ØU", "Økonomiudvalg"),
    part of a body's name read with its organisation's ("Elev" finds Elev Sognekommune's
    "Sognerådet", and "Elev Sogneraad", as the book calls it, too), in any case and in the
    old spelling."""
    wanted = name_key(typed)
    named = bodies_named(typed)
    # (as "organisation|body" keys: "Elev" must not find every parish's "Sognerådet")
    return sorted({name.key for name in names if name.body_key in named or wanted in name.spoken_lines})
