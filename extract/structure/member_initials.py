"""Members listed with their initials, as boards and secretariats print them so the
minutes can refer to each by the letters: "Varde Kommune Gylling Haahr (GH) Afbud",
"Alette Houman Dyhrfjeld (AHD, Referent)", "Søren Ejlersen (SE), Thomas Harttung (TH)".
Initials are letters of the name itself; a party's abbreviation is not (SF, DF …)."""

from __future__ import annotations

import re

from referat.extract.participant_words import ROLE_BEFORE_NAME, SECRETARY_NOTE
from referat.models import Participant

# One member a line: before the name what the member sits for, or a role; after the
# initials the member's absence; in the bracket a note ("Referent").
_INITIALLED = re.compile(
    r"(?P<before>[^(),]+?)\s*\((?P<initials>[A-ZÆØÅ]{2,4})(?:\s*,\s*(?P<note>[^()]{2,30}))?\)"
    r"\s*(?P<after>(?i:afbud|fraværende|deltog ikke)?)\.?"
)
# Abbreviations that are parties, not a member's initials, even where they match the name.
_PARTY_ABBREVIATIONS = frozenset({"SF", "DF", "RV", "KF", "LA", "EL", "KD", "NB", "DD", "ALT", "FK", "SP"})
# A name and its initials anywhere in a line.
_NAME_AND_INITIALS = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøåéü'’.-]+(?:\s+[A-ZÆØÅ][\wæøåéü'’.-]+){1,3})\s*\((?P<initials>[A-ZÆØÅ]{2,4})\)"
)


def are_initials(initials: str, name: str) -> bool:
    """Whether ``initials`` are those of the last words of ``name`` (and no party's)."""
    words = name.split()[-len(initials) :]
    return (
        initials not in _PARTY_ABBREVIATIONS
        and len(words) == len(initials)
        and "".join(word[0] for word in words) == initials
    )


def initials_among(initials: str, words: list[str]) -> bool:
    """Whether ``initials`` are the first letters of some of ``words`` in order, the first
    word's first: a member called by given name and one more ("Lars Køster Svendsen" LK).

    Example:
        >>> initials_among("LK", ["Lars", "Køster", "Svendsen"]), initials_among("KS", ["Lars", "Køster", "Svendsen"])
        (True, False)
    """
    if not words or initials[0] != words[0][:1]:
        return False
    rest = iter(word[:1] for word in words[1:])
    return all(letter in rest for letter in initials[1:])


def without_initials(text: str) -> str:
    """``text`` with the initials after each name left out ("Søren Ejlersen (SE), Thomas
    Harttung (TH)"), so they are not read as party letters; a party stays.

    Example:
        >>> without_initials("Søren Ejlersen (SE), Lise Holt (A), Susanne Fischer (SF)")
        'Søren Ejlersen, Lise Holt (A), Susanne Fischer (SF)'
    """
    return _NAME_AND_INITIALS.sub(
        lambda match: (
            match.group("name") if are_initials(match.group("initials"), match.group("name")) else match.group(0)
        ),
        text,
    )


def initialled_entry(text: str) -> Participant | None:
    """A member whose bracket holds the initials of the name before it, and what the line
    says of them besides: the organisation or role before the name, "Afbud" after it, a
    note in the bracket ("Referent").

    Example:
        >>> p = initialled_entry("Esbjerg Kommune Kurt Jakobsen (KJ) Afbud")
        >>> (p.name, p.organisation, p.status, p.party)
        ('Kurt Jakobsen', 'Esbjerg Kommune', 'absent', None)
        >>> initialled_entry("Ida Holm (A)") is None, initialled_entry("Søren Frandsen (SF)") is None
        (True, True)
    """
    found = _INITIALLED.fullmatch(text.strip())
    if not found or not are_initials(found.group("initials"), found.group("before")):
        return None
    initials = found.group("initials")
    words = found.group("before").split()
    name = words[-len(initials) :]
    if not all(re.fullmatch(r"[A-ZÆØÅ][\wæøåéü'’.-]+", word) for word in name):
        return None
    person = Participant(name=" ".join(name))
    before = " ".join(words[: -len(initials)])
    if before and ROLE_BEFORE_NAME.match(before + " X"):
        person.role = before.lower()
    elif before:
        person.organisation = before
    note = (found.group("note") or "").strip()
    if note and SECRETARY_NOTE.search(f"({note})"):
        person.status, person.role = "secretary", person.role or note.lower()
    elif note:
        person.role = person.role or note.lower()
    if found.group("after"):
        person.status = "absent"
    return person


def initialled_run(text: str) -> list[Participant] | None:
    """Members run together, each name followed by its initials without brackets and the
    member's role after them, as a flattened two-column table prints them: "Torben Nøhr TN
    Formand Anders Thanning AT Trine L. Holmberg TLH" (three members at least). None when
    anything but a role stands before the first name.

    Example:
        >>> run = initialled_run("Ida Holm IH Formand Bo Lund BL Eva K. Berg EKB Sekretariatsleder")
        >>> [(p.name, p.role) for p in run]
        [('Ida Holm', 'formand'), ('Bo Lund', None), ('Eva K. Berg', 'sekretariatsleder')]
        >>> initialled_run("Budget 2014 og overslagsår BO Lund") is None
        True
    """
    words = text.split()
    marks = [
        index
        for index, word in enumerate(words)
        if re.fullmatch(r"[A-ZÆØÅ]{2,4}", word)
        and index >= len(word)
        and are_initials(word, " ".join(words[index - len(word) : index]))
        and all(re.fullmatch(r"[A-ZÆØÅ][\wæøåéü'’.-]*", name) for name in words[index - len(word) : index])
    ]
    if len(marks) < 3:
        return None
    people: list[Participant] = []
    start = 0
    for mark in marks:
        name_start = mark - len(words[mark])
        between = words[start:name_start]
        if between and not people:
            return None  # (something else before the first name)
        if between:
            people[-1].role = " ".join(between).lower()  # (the role after the initials)
        people.append(Participant(name=" ".join(words[name_start:mark])))
        start = mark + 1
    rest = words[start:]
    if len(rest) > 4:
        return None
    if rest:
        people[-1].role = " ".join(rest).lower()
    return people


def bracketed_initials_run(text: str) -> list[Participant] | None:
    """Members run together, each name followed by its initials in brackets and what the
    member is after them (organisation, role), as a transcript flattens a members' table:
    "Borgmester Erik Fabrin (EF), Rudersdal Kommune, formand Borgmester Jens Bruhn (JB), Rudersdal
    Kommune Tommy Simonsen (TS), observatør, …" (three members at least). The one role word right
    before a name is that member's; what follows a member's initials up to the next is theirs: the
    first capitalised part its organisation, a lower-case part its role. None when anything
    but a role stands before the first name.

    Example:
        >>> run = bracketed_initials_run(
        ...     "Borgmester Ida Holm (IH), Nordby Kommune, formand Direktør Bo Lund (BL), Sydby Kommune "
        ...     "Eva Kirstine Berg (EKB), observatør, Frivillige Nordby"
        ... )
        >>> [(p.name, p.role, p.organisation) for p in run]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('Ida Holm', 'borgmester', 'Nordby Kommune'), ('Bo Lund', 'direktør', 'Sydby Kommune'),
         ('Eva Kirstine Berg', 'observatør', 'Frivillige Nordby')]
        >>> bracketed_initials_run("Ida Holm (IH) og Bo Lund (BL)") is None
        True
    """
    anchors = []
    for match in _NAME_AND_INITIALS.finditer(text):
        initials = match.group("initials")
        words = match.group("name").split()
        if len(words) < len(initials) or not are_initials(initials, match.group("name")):
            continue
        name_start = match.end("name") - len(" ".join(words[-len(initials) :]))
        anchors.append((name_start, match.end(), " ".join(words[-len(initials) :])))
    if len(anchors) < 3:
        return None
    people: list[Participant] = []
    role_before: str | None = None
    for at, (start, _end, name) in enumerate(anchors):
        before = text[anchors[at - 1][1] : start] if at else text[:start]
        described, role_before = _described_and_role_before(before)
        if (at == 0 and described.strip(" ,")) or "(" in before:
            return None  # (something else before the first name; a bracket no anchor took)
        if people:
            _describe(people[-1], described)
        people.append(Participant(name=name, role=role_before))
    _describe(people[-1], text[anchors[-1][1] :])
    return people


def _described_and_role_before(text: str) -> tuple[str, str | None]:
    """What describes the member before, and the next member's role printed before the name
    ("…, formand Borgmester" / "Morten Slotved (MS)")."""
    words = text.split()
    if words and ROLE_BEFORE_NAME.match(f"{words[-1]} X"):
        return " ".join(words[:-1]), words[-1].lower()
    return text, None


def _describe(person: Participant, text: str) -> None:
    for part in (part.strip() for part in text.split(",")):
        if not part:
            continue
        if part[:1].islower() and person.role is None:
            person.role = part
        elif part[:1].isupper() and person.organisation is None:
            person.organisation = part
