"""One entry of a participant list, in the shapes minutes print it: "Name (A) - formand",
"Name, Organisation (formand)", "Name - Organisation", "Formand Name (A)", a table row
"Name | A | næstformand" or "Name | #72 | Formand", "Name: Deltog", a comma list of
members. ``participants`` reads the lists these entries stand in."""

from __future__ import annotations

import re

from referat.data.gazetteer import entries
from referat.extract.participant_words import (
    ATTENDANCE_NOTE,
    OFFICER_ALTERNATION,
    ROLE_BEFORE_NAME,
    ROLE_ENDINGS,
    ROLE_WORDS_IN_BRACKETS,
    SECRETARY_NOTE,
    STATUS_AFTER_NAME,
    STATUS_AFTER_NAME_ALTERNATION,
)
from referat.extract.person_names import is_first_name
from referat.extract.structure.member_initials import (
    bracketed_initials_run,
    initialled_entry,
    initialled_run,
    without_initials,
)
from referat.extract.structure.member_runs import (
    NAME_WITH_PARTY,
    PARTY,
    PERSON_NAME,
    organisation_runs,
    party_run,
    role_runs,
)
from referat.extract.vocabulary import PARTICIPANT_HEADINGS
from referat.models import Participant

# A word of an address or an authority, never of a person's name.
_PLACE_WORD = re.compile(r"(?i:kommune|region|rådhus|plads|allé|torv|postboks|[\wæøå]+(?:vej|gade))")


def plausible_name(name: str) -> bool:
    """A name may open with any word but one longer than given names run, unless it is a
    known given name: "Landliggersammenslutningen Gribskov Vest" is an organisation; no
    word of it is a participant heading or a word of an address or an authority."""
    words = name.split()
    if any(word.lower() in PARTICIPANT_HEADINGS or _PLACE_WORD.fullmatch(word) for word in words):
        return False  # "Afbud Bruno": a heading run into the name after it; "KOMMUNE QEQERTALIK"
    return bool(words) and (len(words[0]) <= 13 or is_first_name(words[0]))


def _comma_list(text: str) -> list[Participant] | None:
    """Members in one comma list: "Maja Nygaard (F), formand, Mikkel Gregersen (B) og Eva
    Kragh (B)"; a role word alone belongs to the member before it, a role before a colon
    to the member after it ("… samt suppleant: Anne Roesgaard.")."""
    people: list[Participant] = []
    for part in (part.strip() for part in re.split(r",\s*|\s+og\s+|\s+samt\s+", text.rstrip("."))):
        if not part:
            continue
        if people and re.fullmatch(
            r"[a-zæøå][\wæøå.-]*(?:\s+[a-zæøå][\wæøå.-]*){0,2}", part
        ):  # a role: a few small words
            people[-1].role = people[-1].role or part
            continue
        secretary = SECRETARY_NOTE.search(part)  # ("…, Karen Tommerup (ref.)": who keeps the minutes)
        part = SECRETARY_NOTE.sub("", part)
        role_first = re.fullmatch(r"(?P<role>[a-zæøå][\wæøå -]*):\s*(?P<rest>[A-ZÆØÅ].*)", part)
        # "Næstformand Bo Lund (V)": a role before the name
        before = None if role_first else ROLE_BEFORE_NAME.match(part)
        one = participant_line(role_first.group("rest") if role_first else part[before.end() :] if before else part)
        said_role = role_first or before
        if one and len(one) == 1 and said_role is not None:
            one[0].role = one[0].role or said_role.group("role").lower()
        if one is None or len(one) != 1:
            return None
        if secretary:
            one[0].status = "secretary"
        people.extend(one)
    return people if len(people) >= 2 else None


def participant_entry(text: str) -> list[Participant] | None:
    """One line of a list: a bullet, a role before the name ("Formand Steen Christiansen (A)"),
    a party after a comma ("John Engelhardt, V") and a minute-taker's note are read around
    the name forms of ``participant_line``."""
    text = re.sub(r"^(?:[-–•·▪]|\d{1,2}\.)\s*", "", text.strip())  # a bullet or a list number
    text = re.sub(r"\s*\(\s*\)", "", text)  # "Arne Bech ()": a party field left empty
    # "Kirsten Del Campo (for Caroline Møller Jensen)": whom a substitute came for
    text = re.sub(r"\s*\((?:i stedet for|stedfortræder for|suppleant for|for)\s+[A-ZÆØÅ][^()]*\)", "", text)
    # "Heino Knudsen (A), Formand": a role after the party, capitalised
    text = re.sub(rf"(?<=\)),\s*((?i:{OFFICER_ALTERNATION}))\b", lambda m: ", " + m.group(1).lower(), text)
    bracketed = bracketed_initials_run(text)  # ("Ida Holm (IH), Nordby Kommune, formand Bo Lund (BL), …")
    if bracketed:
        return bracketed
    initialled = initialled_entry(text)
    if initialled:
        return [initialled]
    text = without_initials(text)  # "Søren Ejlersen (SE), Thomas Harttung (TH)": no party letters
    said = _STATUS_AFTER_NAME.fullmatch(text)
    if said:  # "Lars Gaardhøj: Deltog", "Sofie Olsen: Afbud (Stedfortræder …)"
        status = STATUS_AFTER_NAME[" ".join(said.group("status").lower().split())]
        return [Participant(name=" ".join(said.group("name").split()), status=status)]
    affiliated = _affiliated_entry(text)
    if affiliated:
        return [affiliated]
    with_organisation = _ORGANISATION_IN_BRACKETS.fullmatch(text)
    if with_organisation and not re.fullmatch(PARTY, with_organisation.group("org")):
        # "Lars La Cour (Idrætsrådet)": a member for an organisation, not a party ("(Løsgænger)")
        return [Participant(name=with_organisation.group("name"), organisation=with_organisation.group("org"))]
    text = re.sub(rf",\s*(\((?:{PARTY})\))", r" \1", text)  # "Erling Larsen, (A)"
    # "Eik Møller (kommunaldirektør)", "Mette Brinch (sekretariatschef for Politisk Sekretariat)":
    # an official's title in brackets where a member's party stands
    official = _TITLE_IN_BRACKETS.fullmatch(text)
    if official:
        return [Participant(name=official.group("name"), role=official.group("role"))]
    # A row of a member table: "Birgitte Vestergaard | Å | næstformand".
    # (a user id after the name, "Klaus Hansen (hjkh) | V", and "-" for no party: Ringsted's SBSYS)
    text = re.sub(r"^(" + PERSON_NAME + r")\s+\((?!referent|protokol|sekretær)[a-zæøå]{2,8}\)(?= \||$)", r"\1", text)
    row = re.fullmatch(rf"(?P<name>{PERSON_NAME}) \| (?P<party>[A-ZÆØÅ]|-)(?: \| (?P<role>[a-zæøå][\wæøå .-]*))?", text)
    if row:
        party = f" ({row.group('party')})" if row.group("party") != "-" else ""
        text = f"{row.group('name')}{party}" + (f" - {row.group('role')}" if row.group("role") else "")
    else:
        text = _table_row(text)
    role = None
    before = ROLE_BEFORE_NAME.match(text)
    if before:
        role, text = before.group("role").lower(), text[before.end() :]
    secretary = bool(SECRETARY_NOTE.search(text))
    text = SECRETARY_NOTE.sub("", text)
    party_after_comma = re.fullmatch(rf"(?P<name>{PERSON_NAME}),\s*(?P<party>[A-ZÆØÅ])", text)
    if party_after_comma:
        text = f"{party_after_comma.group('name')} ({party_after_comma.group('party')})"
    run_on = (
        party_run(text)
        or role_runs(f"{before.group('role')} {text}" if before else text)
        or organisation_runs(text)
        or initialled_run(text)
    )
    people = run_on or participant_line(text) or _comma_list(text)
    if people and role and not people[0].role:
        people[0].role = role  # "Formand Ida Holm (A), Bo Lund (V)": the first named's role
    if people and len(people) == 1 and secretary:
        people[0].status = "secretary"
    return people


def _table_row(text: str) -> str:
    """A member table's row with a house or member number and a role cell: "Anna Hallgren |
    #72 | Formand" → "Anna Hallgren - formand"; any other line unchanged."""
    cells = text.split(" | ")
    name = re.fullmatch(rf"(?P<name>{PERSON_NAME})(?P<note>\s*\([a-zæøå]+\))?", cells[0])
    if len(cells) < 2 or not name:
        return text
    roles = []
    for cell in cells[1:]:
        if re.fullmatch(r"(?:#|nr\.\s*)?\d{1,4}[a-z]?", cell, re.I):
            continue  # a house or member number
        if not ROLE_CELL.fullmatch(cell):
            return text
        roles.append(cell.lower())
    # ("Preben Skov (referent) | #1 | Suppleant": the note on the minutes goes last, where it is read)
    return name.group("name") + (f" - {roles[0]}" if roles else "") + (name.group("note") or "")


# A role cell of a member table: "Formand", "Bestyrelsesmedlem", "Suppleant".
ROLE_CELL = re.compile(rf"(?i:{ROLE_WORDS_IN_BRACKETS}|bestyrelsesmedlem|medlem|[a-zæøå]*(?:{ROLE_ENDINGS}))")


# A member and, after a colon or a comma, what the member is or sits for: "Karen Holm:
# Kommunalbestyrelsesmedlem for Enhedslisten", "Susanne Lodberg: Kirkens Korshær",
# "Katrine Linneboe, SIOU"; or an organisation's acronym after the name ("Martin Vibe SAND").
_NAME_AND_AFFILIATION = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøåéü'’.-]+(?:\s+[A-ZÆØÅ][\wæøåéü'’-]+){1,3})"
    r"(?::\s+(?P<about>[A-ZÆØÅ][^:]{2,80})|,\s+(?P<acronym>[A-ZÆØÅ]{2,6})|\s+(?P<trailing>[A-ZÆØÅ]{3,6})"
    # "Gunnar Lerche - Grundejersammenslutningen": the organisation after a dash
    r"|\s+[-–]\s+(?P<dashed>[A-ZÆØÅ][\wæøå.&-]*(?:\s+[\wæøå.&-]+){0,5}))"
)


def _affiliated_entry(text: str) -> Participant | None:
    """A member with an affiliation (see _NAME_AND_AFFILIATION); a party named in it is
    the member's party."""
    found = _NAME_AND_AFFILIATION.fullmatch(text.strip().rstrip("."))
    if not found or found.group("name").isupper():
        return None
    person = Participant(name=found.group("name"))
    dashed = found.group("dashed")
    if dashed:
        if re.match(rf"(?i:{STATUS_AFTER_NAME_ALTERNATION})\b", dashed):
            return None
        if ROLE_CELL.fullmatch(dashed.split()[0]):  # "Dorethe Pedersen - Afdelingschef TVF"
            person.role = dashed
        elif looks_like_people(dashed):
            return None
        else:
            person.organisation = dashed
        return person
    about = found.group("about")
    if about is None:
        person.organisation = found.group("acronym") or found.group("trailing")
        if person.organisation and "," in text and looks_like_people(person.organisation):
            return None  # "Iver Nielsen, Søren Kaarup Jensen og Gert Vogel": a list of members
        return person
    if re.match(rf"(?i:{STATUS_AFTER_NAME_ALTERNATION})\b", about):
        return None  # "Lars Gaardhøj: Deltog" (_STATUS_AFTER_NAME)
    party = next((word for word in re.findall(r"[\wæøå]+", about) if word in _PARTY_NAMES), None)
    if party:
        person.party = party
    else:
        person.organisation = about
    return person


# The parties' names as a member's description prints them ("… for Enhedslisten").
_PARTY_NAMES = frozenset(
    name
    for entry in entries()
    if entry.kind == "party"
    for name in (entry.canonical, *entry.aliases)
    if len(name) > 3 and " " not in name
)


# A member's attendance after the name: "Lars Gaardhøj: Deltog", "Sofie Olsen: Afbud (…)".
_STATUS_AFTER_NAME = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøåéü'’.-]+(?:\s+(?:[A-ZÆØÅ][\wæøåéü'’.-]+|de|von|van)){1,4}):\s*"
    rf"(?P<status>(?i:{STATUS_AFTER_NAME_ALTERNATION}))\b.*"
)
# A person and their job title in brackets: "Eik Møller (kommunaldirektør)", "(teknisk direktør)".
_TITLE_IN_BRACKETS = re.compile(
    rf"(?P<name>{PERSON_NAME})\s+\((?P<role>(?:[a-zæøå]+\s+)?[a-zæøå]*(?:{ROLE_ENDINGS}|{ROLE_WORDS_IN_BRACKETS})(?:\s+[^()]+)?)\)"
)
# A person and the organisation they sit for, in brackets (the closing one may be lost).
_ORGANISATION_IN_BRACKETS = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøåéü'’.-]+(?:\s+[A-ZÆØÅ][\wæøåéü'’.-]+){1,3})\s*"
    r"\((?P<org>[A-ZÆØÅ][\wæøå]{3,}(?:[\s-]+[\wæøå]+){0,6})\)?"
)
ORGANISATION_WORD = re.compile(
    r"(?i:region|kommune|styrelse|ministeri|regioner|forening|råd|udvalg|sekretariat|institut|center|hospital)|^[A-ZÆØÅ]{2,}$"
)


def looks_like_people(text: str) -> bool:
    """ "Karim Haddad", "Karim Haddad, Lotte Ravn" or "Martin Bonderup og Gert Vogel.": names,
    not an organisation."""
    parts = re.split(r",|\s+og\s+|\s+&\s+", text.strip().rstrip("."))
    return all(
        re.fullmatch(PERSON_NAME, part.strip()) and not ORGANISATION_WORD.search(part) and plausible_name(part.strip())
        for part in parts
    )


def _names_among(text: str) -> bool:
    """ "Rikke Madsen, Allan Sørensen, elevråd": two parts at least are people by their given
    names, so the list goes on after a comma; it is no organisation."""
    parts = [part.strip() for part in text.split(",")]
    return sum(1 for part in parts if re.fullmatch(PERSON_NAME, part) and is_first_name(part.split()[0])) >= 2


def participant_line(text: str) -> list[Participant] | None:
    """The people on one line of a participant list, or None if it is not such a line."""
    people = []
    for part in (p.strip() for p in text.split(" | ") if p.strip()):
        # "Name (A) - formand" / "Name (A), formand" / "Name (A)"
        match = re.fullmatch(
            rf"(?P<name>{PERSON_NAME})\s*(?:\((?P<party>{PARTY})\))?"
            rf"\s*(?:[-–,]\s*(?P<role>(?:\d\.\s*)?[a-zæøå][\wæøå.-]*(?:\s+[a-zæøå][\wæøå.-]*){{0,3}})"
            # a description after a dash: "Karsten Møller Pedersen – repr. for Donslund Borgerforening"
            rf"|\s[-–]\s+(?P<description>(?!afbud|fravær|deltog|mødt|ikke)(?!.*\bog\s+[A-ZÆØÅ])(?!.*\([A-ZÆØÅ]{{1,3}}\))[a-zæøå][\wæøå.-]*(?:\s+[\wæøå.()-]+){{1,7}})"
            # "Ida Holm (A) (formand)": the role in brackets of its own
            rf"|\((?P<role_bracketed>(?i:{ROLE_WORDS_IN_BRACKETS}))\))?"
            rf"(?:\s*\((?i:{ATTENDANCE_NOTE})\))?",
            part,
        )
        if match:
            bracketed = (match.group("role_bracketed") or "").lower()
            role = match.group("role") or match.group("description") or bracketed or None
            # "Peter Jacobsen (O), 1. næstformand- afbud": the member's absence after the role
            absence = re.search(r"\s*[-–]?\s*\b(?:afbud|fraværende|fraværende med afbud)$", role or "")
            if absence and role is not None:
                role = role[: absence.start()].strip(" -–") or None
            people.append(
                Participant(
                    name=" ".join(match.group("name").split()),
                    party=match.group("party"),
                    role=role,
                    status="absent" if absence else None,
                )
            )
            continue
        # "Name, Organisation (formand)" — but "Name, Name" is two people.
        match = re.fullmatch(
            rf"(?P<name>{PERSON_NAME}),\s*(?P<org>[A-ZÆØÅ][^()]{{1,60}}?)\s*(?:\((?P<role>[a-zæøå][\wæøå .-]*)\))?",
            part,
        )
        if (
            match
            and not re.search(r"\d", match.group("org"))
            and not looks_like_people(match.group("org"))
            and not _names_among(match.group("org"))
        ):
            people.append(
                Participant(
                    name=" ".join(match.group("name").split()),
                    organisation=match.group("org").strip(),
                    role=match.group("role"),
                )
            )
            continue
        # "Name (A) Name (V)": two columns read as one row
        pairs = NAME_WITH_PARTY.findall(part)
        if len(pairs) > 1 and re.fullmatch(rf"(?:\s*{PERSON_NAME}\s*\((?:{PARTY})\))+\s*", part):
            people.extend(Participant(name=" ".join(name.split()), party=party) for name, party in pairs)
            continue
        # "Lotte Bundgaard Ravn, Karim Haddad"
        names = [n.strip() for n in part.split(",")]
        if len(names) > 1 and all(re.fullmatch(PERSON_NAME, n) for n in names):
            people.extend(Participant(name=n) for n in names)
            continue
        return None
    return people or None
