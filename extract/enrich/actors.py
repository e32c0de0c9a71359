"""Actors in the text: who can say something, their canonical names, and resolving short forms.

The names come from the gazetteer (referat.data.gazetteer, the one actor table the
archive resolves typed names against too); this module adds the grammar of the minutes.
"KL" and "Kommunernes Landsforening (KL)" are one actor; "Danske Regioners" is the
genitive of "Danske Regioner"; "Styrelsen", "Regionen", "Ministeriet" and "hun" refer
back to the last actor of a compatible kind (:class:`ActorContext`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from referat.data.bodies import name_key
from referat.data.gazetteer import closest, entries, is_role

# Collectives that speak as one: canonical spelling as the contract's examples have them.
COLLECTIVES = {
    "medlemmerne": "Medlemmerne",
    "rådsmedlemmerne": "Rådsmedlemmerne",
    "udvalgsmedlemmerne": "Udvalgsmedlemmerne",
    "flere medlemmer": "Medlemmerne",
    "enkelte medlemmer": "Medlemmerne",
    "mange medlemmer": "Medlemmerne",
    "task force": "Task Force",
    "task forcen": "Task Force",
    "taskforcen": "Task Force",
    "regionerne": "Regionerne",
    "kommunerne": "Kommunerne",
    "styrelserne": "Styrelserne",
    "udvalget": "Udvalget",
    "rådet": "Rådet",
    "sekretariatet": "Sekretariatet",
    "deltagerne": "Deltagerne",
    "parterne": "Parterne",
    "formanden": "Formanden",
    "formandskabet": "Formandskabet",
    "direktionen": "Direktionen",
}
# Definite short forms and the suffix of the actor they refer back to.
SHORT_FORMS = {
    "styrelsen": "styrelsen",
    "ministeriet": "ministeriet",
    "departementet": "ministeriet",
    "regionen": "Region ",
    "kommunen": "Kommune",
    "foreningen": "forening",
}
PRONOUNS = {"han", "hun"}
# The head of a role noun that names the meeting's own body: "udvalget" in "Økonomiudvalget".
_BODY_ROLE_HEADS = {
    "udvalget": "udvalg", "rådet": "råd", "bestyrelsen": "bestyrelse", "forsamlingen": "forsamling",
    "repræsentantskabet": "repræsentantskab", "task force": "task force", "task forcen": "task force",
    "taskforcen": "task force",
}  # fmt: skip


# Titles that stand before a person's name and are not part of it.
PERSON_TITLES = re.compile(
    r"^(?:(?:[A-ZÆØÅ][\wæøå-]*\s*[-–]?\s+og\s+)?[\wæøå-]*(?:formand|næstformand|minister|direktør|chef|konsulent|borgmester|rådmand|"
    r"sekretær|leder|overlæge|professor|ordfører)\w*\s+)+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Actor:
    canonical: str
    kind: str  # organisation | person | body


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Actor]:
    """Every name and alias (and genitive) → Actor; built once per process."""
    names: dict[str, Actor] = {}
    for entry in entries():
        actor = Actor(entry.canonical, "body" if entry.kind == "body" else "organisation")
        for name in (entry.canonical, *entry.aliases):
            if entry.kind == "party" and len(name) == 1:
                continue  # party letters are resolved only in vote contexts
            names.setdefault(name, actor)
            if not name.endswith("s") and len(name) > 3:
                names.setdefault(name + "s", actor)  # genitive
    return names


@lru_cache(maxsize=1)
def party_letters() -> dict[str, str]:
    """Ballot letter → party name ("V" → "Venstre")."""
    return {
        alias: entry.canonical
        for entry in entries()
        if entry.kind == "party"
        for alias in entry.aliases
        if len(alias) == 1
    }


@lru_cache(maxsize=1)
def actor_pattern() -> re.Pattern:
    """One regex for every actor mention the statement grammar can anchor on."""
    return re.compile(f"(?P<actor>{actor_alternation()})")


@lru_cache(maxsize=1)
def actor_alternation() -> str:
    """The alternation behind :func:`actor_pattern`, without a group name, to embed."""
    names = sorted(gazetteer(), key=len, reverse=True)
    name_alternatives = "|".join(re.escape(name) for name in names)
    collectives = "|".join(sorted((re.escape(c) for c in COLLECTIVES), key=len, reverse=True))
    short = "|".join(SHORT_FORMS)
    rules = (
        r"Region\s+[A-ZÆØÅ][\wæøå]+"
        r"|[A-ZÆØÅ][\wæøå]+(?:-[A-ZÆØÅ][\wæøå]+)?\s+Kommunes?"
        r"|(?:[A-ZÆØÅ][\wæøå]*-\s+og\s+)?[A-ZÆØÅ][\wæøå]*(?:styrelsen|ministeriet|udvalget|rådet|sekretariatet)s?"
        # A minister by office alone: "Indenrigs- og Sundhedsministeren".
        r"|(?:[A-ZÆØÅ][\wæøå]*-\s+og\s+)?[A-ZÆØÅ][\wæøå]+ministeren"
    )
    # "Udvalgsformand Jacob Klærke", "Social – og Boligminister Sophie Hæstorp Andersen"
    person = (
        r"(?:[A-ZÆØÅ][\wæøå]*\s?[-–]\s*og\s+|[A-ZÆØÅ][\wæøå-]*\s+)?"
        r"(?:[A-ZÆØÅ][\wæøå-]*(?:formand|minister|direktør|chef|konsulent|borgmester)\s+)"
        r"[A-ZÆØÅ][\wæøå'’-]+(?:\s+[A-ZÆØÅ][\wæøå'’-]+){1,3}"
    )
    return rf"(?:{name_alternatives})(?![\wæøå])|{rules}|{person}|(?i:{collectives}|{short}|han|hun)(?![\wæøå])"


@dataclass
class ActorContext:
    """What short forms refer back to: the actors seen so far in an item, in order."""

    participants: list[str] = field(default_factory=list)
    seen: list[Actor] = field(default_factory=list)
    # The meeting's chair and vice-chair from its participant list: "Formanden orienterede …".
    chair: str | None = None
    vice_chair: str | None = None
    # The meeting's body: "Udvalget" in a committee's minutes is that committee.
    body: str | None = None

    def note(self, actor: Actor) -> None:
        self.seen.append(actor)

    def resolve(self, mention: str) -> Actor | None:
        """Canonical actor for a mention, or None when it refers to nothing known.

        Example:
            >>> context = ActorContext()
            >>> context.note(resolve_name("Sundhedsstyrelsen"))
            >>> context.resolve("Styrelsen").canonical
            'Sundhedsstyrelsen'
            >>> ActorContext(body="Sognerådet").resolve("Sogneraadet")
            Actor(canonical='Sognerådet', kind='body')
        """
        text = " ".join(mention.split())
        low = text.lower()
        if low in SHORT_FORMS:
            suffix = SHORT_FORMS[low]
            for actor in reversed(self.seen):
                if actor.kind != "person" and (
                    actor.canonical.lower().endswith(suffix.lower()) or actor.canonical.startswith(suffix)
                ):
                    return actor
            return None
        if low in PRONOUNS:
            for actor in reversed(self.seen):
                if actor.kind == "person":
                    return actor
            return None
        if low == "formanden" and self.chair:
            return Actor(self.chair, "person")
        if low == "næstformanden" and self.vice_chair:
            return Actor(self.vice_chair, "person")
        head = _BODY_ROLE_HEADS.get(low)
        if head and self.body and head in self.body.lower():
            return Actor(self.body, "body")
        # "Byrådet" in the Byråd's minutes, "Sogneraadet" in Sognerådet's book: the body itself
        if self.body and is_role(text) and name_key(text) == name_key(self.body):
            return Actor(self.body, "body")
        if low in COLLECTIVES:
            return Actor(COLLECTIVES[low], "body")
        named = resolve_name(text, self.participants)
        if named is not None:
            self.note(named)
        return named


@lru_cache(maxsize=1)
def _canonical_names() -> list[str]:
    return sorted({actor.canonical for actor in gazetteer().values()})


def canonical_organisation(text: str) -> str | None:
    """The gazetteer's name for a spelling variant ("Faaborg Midtfyn Kommune",
    "Indenrigs og Sundhedsministeriet", "Psykiatri - og Socialudvalget").

    Example:
        >>> canonical_organisation("Aarhus kommune")
        'Aarhus Kommune'
    """
    text = re.sub(r"\s+-\s*og\s+", "- og ", " ".join(text.split()))
    text = re.sub(r"\s+kommune$", " Kommune", text)
    # "Psykiatri- og socialudvalget" → "Psykiatri- og Socialudvalget"; "Behandlingsrådets" → "Behandlingsrådet"
    text = re.sub(r"(- og )([a-zæøå])", lambda match: match.group(1) + match.group(2).upper(), text)
    text = re.sub(r"(styrelsen|ministeriet|udvalget|rådet)s$", r"\1", text)
    actor = resolve_name(text)
    if actor is not None:
        return actor.canonical
    best = closest(text, _canonical_names(), 92, limit=1)
    return best[0][0] if best else text


def resolve_name(text: str, participants: list[str] | None = None) -> Actor | None:
    """A name as written → canonical Actor, through the gazetteer, genitives and titles.

    Example:
        >>> resolve_name("Kommunernes Landsforening (KL)").canonical
        'Kommunernes Landsforening'
        >>> resolve_name("Udvalgsformand Jacob Klærke")
        Actor(canonical='Jacob Klærke', kind='person')
    """
    text = re.sub(r"\s*\([^)]*\)\s*$", "", " ".join(text.split()))
    names = gazetteer()
    if text in names:
        return names[text]
    if text.endswith("s") and text[:-1] in names:
        return names[text[:-1]]
    match = re.fullmatch(r"(Region\s+[A-ZÆØÅ][\wæøå]+?)s?", text)
    if match:
        return Actor(match.group(1), "organisation")
    match = re.fullmatch(r"([A-ZÆØÅ][\wæøå-]+\s+Kommune)s?", text)
    if match:
        return Actor(match.group(1), "organisation")
    stripped = PERSON_TITLES.sub("", text)
    if stripped != text and re.fullmatch(r"[A-ZÆØÅ][\wæøå'’-]+(?:\s+[A-ZÆØÅ][\wæøå'’-]+){1,3}", stripped):
        return Actor(stripped, "person")
    if participants:
        best = closest(text, participants, 90, limit=1)
        if best:
            return Actor(best[0][0], "person")
    if re.fullmatch(r"(?:[A-ZÆØÅ][\wæøå]*-\s+og\s+)?[A-ZÆØÅ][\wæøå]+ministeren", text):
        return Actor(text, "person")  # the office speaks as a person ("hun", "han")
    if re.fullmatch(r"[A-ZÆØÅ][\wæøå-]*(?:-\s+og\s+[A-ZÆØÅ][\wæøå]*)?(?:styrelsen|ministeriet)", text):
        return Actor(text, "organisation")
    if re.fullmatch(r"[A-ZÆØÅ][\wæøå-]*(?:-\s+og\s+[A-ZÆØÅ][\wæøå]*)?(?:udvalget|rådet|sekretariatet)", text):
        return Actor(text, "body")
    return None
