"""Members run together on one line, as a text layer or a transcript flattens a list:
each closed by a party bracket ("Palle Jerimiassen, Borgmester (S) Sakio Fleischer (S) …"),
each opened by a title ("Formand Per Tærsbøl Næstformand …"), or each followed by the
place they come from ("Thomas Kastrup-Larsen, Aalborg kommune Svend Heiselberg, …")."""

from __future__ import annotations

import re

from referat.data.gazetteer import entries
from referat.extract.participant_words import OFFICER_ALTERNATION
from referat.extract.vocabulary import PARTICIPANT_HEADINGS
from referat.models import Participant
from referat.models.document import ParticipantStatus

# A party letter, or a word for a member outside the parties ("(Løsgænger)", "(UP)").
PARTY = r"[A-ZÆØÅ]{1,3}|Løsgænger|løsgænger|Uden for partierne|UFG"
# (a middle initial may have lost its stop: "Vagn E Larsen")
PERSON_NAME = r"[A-ZÆØÅ][\wæøåéü'’.-]+(?:\s+(?:[A-ZÆØÅ][\wæøåéü'’.-]+|[A-ZÆØÅ](?=\s+[A-ZÆØÅ])|von|van|de|la)){1,4}"
# "Grethe Olsen (F)": a name and its party letter, found anywhere in a line.
NAME_WITH_PARTY = re.compile(rf"({PERSON_NAME})\s*\(({PARTY})\)")
# "Thomas Kastrup-Larsen, Aalborg kommune Svend Heiselberg, Region Nordjylland …": a member's
# name, a comma, then the municipality or region the member comes from.
# (or the municipality's name alone, "Knud Erik Hansen, Faxe Hans Barlach, Greve …", when it
# is one the gazetteer holds)
_MUNICIPALITY_NAMES = sorted(
    {entry.canonical.removesuffix(" Kommune") for entry in entries() if entry.canonical.endswith(" Kommune")},
    key=len,
    reverse=True,
)
_PLACE = (
    r"Region\s+[A-ZÆØÅ][\wæøå]+|[A-ZÆØÅ][\wæøå-]+\s+[Kk]ommune|[A-ZÆØÅ]{2,5}"
    rf"|(?:{'|'.join(map(re.escape, _MUNICIPALITY_NAMES))})(?![\wæøå-])"
)
_FROM_PLACE = re.compile(
    rf"\s*(?P<name>{PERSON_NAME}),\s*(?P<place>{_PLACE})(?:\s*\((?P<note>[^)]{{1,30}})\))?(?=\s+[A-ZÆØÅ]|\s*$)"
)
# An officer's title glued before the next name in a run-on list ("Formand Bjarne Kvist").
_ROLE_OPENING = re.compile(rf"(?P<role>(?i:{OFFICER_ALTERNATION})):?\s+(?=[A-ZÆØÅ]\S*\s+[A-ZÆØÅ])")


def members_with_parties(text: str) -> list[Participant]:
    """ "Mogens Brag (V) - Formand Bjarne Kvist (A) Ole Jensen (A)": the members with their
    parties; a role after a dash belongs to the member before it, not to the next name.

    Example:
        >>> [(p.name, p.role) for p in members_with_parties("Mogens Brag (V) - Formand Bjarne Kvist (A)")]
        [('Mogens Brag', 'formand'), ('Bjarne Kvist', None)]
        >>> [(p.name, p.role) for p in members_with_parties("Formand Agnete Fog (B), Karen Lund (A)")]
        [('Agnete Fog', 'formand'), ('Karen Lund', None)]
        >>> [(p.name, p.status) for p in members_with_parties("Ib Holm (A) Afbud Bo Lund Berg (D) Eva Lund (IA)")]
        [('Ib Holm', None), ('Bo Lund Berg', 'absent'), ('Eva Lund', 'absent')]
    """
    members: list[Participant] = []
    status: ParticipantStatus | None = None
    for match in NAME_WITH_PARTY.finditer(text):
        name = " ".join(match.group(1).split())
        # "… Erling Madsen (A) Indkaldte suppleanter Charlotte Ludvigsen (IA) … Afbud Andreas
        # Uldum (D)": a group's heading before its first member, without its colon
        heading = _group_heading(name)
        if heading:
            status, name = PARTICIPANT_HEADINGS[heading], " ".join(name.split()[len(heading.split()) :])
        role = _ROLE_OPENING.match(name)
        own_role = None
        if role and members and re.search(r"[-–]\s*$", text[: match.start()]):
            members[-1].role = members[-1].role or role.group("role").lower()
            name = name[role.end() :]
        elif role:  # "Formand Agnete Fog (B), Næstformand Emma Glæsel (C)": the member's own
            own_role, name = role.group("role").lower(), name[role.end() :]
        members.append(Participant(name=name, party=match.group(2), role=own_role, status=status))
    return members


def _group_heading(name: str) -> str | None:
    """The participant heading that opens a "name" of three words or more, if any."""
    words = name.split()
    for size in (2, 1):
        heading = " ".join(words[:size]).lower()
        if len(words) - size >= 2 and heading in PARTICIPANT_HEADINGS:
            return heading
    return None


# A member's title in a board's run-on list: "Formand Morten Andersen, Nordfyn Næstformand
# Poul Andersen, Region Syddanmark Bestyrelsesmedlem Kristian Nielsen, Faaborg-Midtfyn".
_RUN_ROLE = re.compile(
    r"(?<!\S)(?P<role>Formand|Næstformand|Bestyrelsesmedlem|Repræsentantskabsmedlem|Medlem|Suppleant|Observatør"
    r"|Borgmester|Viceborgmester|Rådmand|Direktør|Sekretær|Referent"
    # the staff after the members: "Kontraktchef", "Plan- og udviklingschef", "Økonomidirektør"
    # ("Adm. direktør", "Direktionssekretær": a board's staff)
    r"|(?:Adm\.\s+|Administrerende\s+)?(?:[A-ZÆØÅa-zæøå][a-zæøå]*-?(?:\s+og\s+[a-zæøå]+)?)?(?:chef|direktør|konsulent|leder|sekretær))"
    r"\s+(?=[A-ZÆØÅ][a-zæøå])"
)


def role_runs(text: str) -> list[Participant] | None:
    """A run-on list in which each member's title opens the entry, and the member's place
    or organisation follows the name after a comma: split before each title. Needs two
    titles at least; each entry must read as a person's name."""
    starts = [match.start() for match in _RUN_ROLE.finditer(text)]
    if len(starts) < 2 or starts[0] != 0:
        return None
    people = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        entry = _RUN_ROLE.match(text, start)
        assert entry is not None
        name, _, organisation = text[entry.end() : end].strip(" ,;.").partition(",")
        if not re.fullmatch(PERSON_NAME, name.strip()):
            return None
        # "…, Kerteminde afbud": a note of absence after the member's place
        absent = re.search(r"\s*\b(?:afbud|fraværende)$", organisation, re.I)
        people.append(
            Participant(
                name=" ".join(name.split()),
                role=entry.group("role").lower(),
                organisation=" ".join(organisation[: absent.start() if absent else None].split()) or None,
                status="absent" if absent else None,
            )
        )
    return people


def organisation_runs(text: str) -> list[Participant] | None:
    """A run-on list of members, each with the place they come from, from the text's start
    on (a transcript may run the first item on after it): two members at least."""
    people, position = [], 0
    text = text.strip().rstrip(".")
    while position < len(text):
        match = _FROM_PLACE.match(text, position)
        if match is None:
            break  # (a transcript runs the first item on after the list)
        people.append(Participant(name=" ".join(match.group("name").split()), organisation=match.group("place")))
        position = match.end()
    return people if len(people) >= 2 else None


_PARTY_BRACKET = re.compile(rf"\(({PARTY})\)")
# One member of a party run: the name, and a role after a comma ("Sakio Fleischer, 1. viceborgmester").
_RUN_MEMBER = re.compile(
    rf"(?P<name>{PERSON_NAME})(?:,\s*(?P<role>(?:\d\.\s*)?[A-Za-zæøåÆØÅ][\wæøå.-]*(?:\s+[a-zæøå][\wæøå.-]*){{0,2}}))?"
)


def party_run(text: str) -> list[Participant] | None:
    """A list flattened onto one line, each member closed by a party bracket: "Palle
    Jerimiassen, Borgmester (S) Sakio Fleischer, 1. viceborgmester (S) Jørgen Kristensen (S)"
    (three brackets at least); None if a part between two brackets is no member.

    Example:
        >>> run = party_run("Ib Holm, Borgmester (S) Kaj Berg (A) Eva Lund, 1. viceformand (IA)")
        >>> [(p.name, p.role, p.party) for p in run]
        [('Ib Holm', 'borgmester', 'S'), ('Kaj Berg', None, 'A'), ('Eva Lund', '1. viceformand', 'IA')]
        >>> run = party_run("Formand: Lars Ejby Pedersen (A) Næstformand: Kurt Halling (O) Bente Ankersen (A)")
        >>> [(p.name, p.role, p.party) for p in run]
        [('Lars Ejby Pedersen', 'formand', 'A'), ('Kurt Halling', 'næstformand', 'O'), ('Bente Ankersen', None, 'A')]
    """
    brackets = list(_PARTY_BRACKET.finditer(text))
    if len(brackets) < 3 or text[brackets[-1].end() :].strip():
        return None
    members, start = [], 0
    for bracket in brackets:
        segment = text[start : bracket.start()].strip(" ,;")
        # "Næstformand Bo Lund (V)": the role first; a note before the next name is no name
        # ("… (IA) suppleant deltager Niels Davidsen")
        opening = _ROLE_OPENING.match(segment)
        segment = segment[opening.end() :] if opening else re.sub(r"^(?:[a-zæøå]\S*\s+)+", "", segment)
        member = _RUN_MEMBER.fullmatch(segment)
        if member is None:
            return None
        role = opening.group("role") if opening else member.group("role")
        members.append(
            Participant(name=" ".join(member.group("name").split()), party=bracket.group(1), role=role and role.lower())
        )
        start = bracket.end()
    return members
