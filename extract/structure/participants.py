"""Participant lists: members, absentees and secretaries, with party letters and roles."""

from __future__ import annotations

import re

from referat.data.gazetteer import entries
from referat.extract.participant_words import (
    ATTENDANCE_NOTE,
    NOBODY_WORDS,
    OFFICER_ALTERNATION,
    OFFICER_ROLES,
    ROLE_BEFORE_NAME,
    ROLE_WORDS_IN_BRACKETS,
    SECRETARY_NOTE,
)
from referat.extract.structure.member_initials import initialled_entry, without_initials
from referat.extract.structure.member_runs import (
    NAME_WITH_PARTY,
    PARTY,
    PERSON_NAME,
    members_with_parties,
    organisation_runs,
    party_run,
    role_runs,
)
from referat.extract.vocabulary import PARTICIPANT_HEADINGS
from referat.models import Participant
from referat.models.document import ParticipantStatus


def read_participants(texts: list[str]) -> list[Participant]:
    """Participant lists under Tilstede / Deltagere / Afbud / Sekretær, in the shapes the
    documents use: "Lolan Ottesen (A) - formand", "Marianne Thorbjørn (A), formand",
    "Mette Kjærsgaard Lund, Sundhedsstyrelsen (formand)", "Afbud: Hanne Rytter Bach,
    Region Nordjylland", "Fra sekretariatet: Lotte Bundgaard Ravn, Karim Haddad", and
    two-column rows "Jesper Mathiesen (A) | Ole Bjerregaard (V)". A member listed as
    present and again as absent is absent."""
    found: dict[str, Participant] = {}
    status: ParticipantStatus | None = None
    bare_heading: ParticipantStatus | None = None  # the status of a heading line just before, with no names yet
    rows = _joined_comma_lists(_stacked_members(texts))
    for position, text in enumerate(rows):
        # "Tilstede: …" or, from a table or a tab, "Tilstede | …"
        label, _, rest = text.partition(":") if ":" in text else text.partition(" | ")
        low = _heading_key(text.lower().rstrip(":").strip())
        if low in PARTICIPANT_HEADINGS:
            status = bare_heading = PARTICIPANT_HEADINGS[low]
            continue
        two_columns = bare_heading == "present"
        bare_heading = None
        heading = _heading_key(label.lower().strip())
        labelled = bool(rest and heading in PARTICIPANT_HEADINGS)
        phrase = None if labelled else _HEADING_BEFORE_NAMES.match(text)
        if phrase:  # "Til stede var Karen, Mette og Jørgen" (no colon)
            labelled, label, rest = True, phrase.group("heading"), phrase.group("rest")
            heading = label.lower()
        run_on = None if labelled or phrase else _heading_then_members(text)
        if run_on:  # "MØDEDELTAGERE Grethe Olsen (F) Anne-Lise Kuhre (A) … 1 / 48" (a transcript)
            for person in run_on[1]:
                person.status = PARTICIPANT_HEADINGS[run_on[0]]
                found.setdefault(person.name, person)
            continue
        ends_list = False
        if labelled:
            status = PARTICIPANT_HEADINGS[heading]
            text = rest.strip()
            # "Fraværende: A, B. Til behandling forelå:" (a transcript's run-on page): the
            # next label ends the list, and what follows it is no name.
            next_label = _NEXT_LABEL.search(text)
            if next_label:
                text, ends_list = text[: next_label.start()], True
        elif status is None:
            continue
        if text.lower().rstrip(".").strip() in NOBODY_WORDS or text.lower().startswith(("ingen ", "ingen.")):
            continue  # "Afbud: Ingen", "Fraværende: Ingen Bemærkninger" (the next label run on)
        people = _people_on_line(text, labelled, heading, label, rest)
        if people is None:
            if status is not None and found and _group_label(rows, position):
                status = "present"
                continue
            if found or len(text) > 60:
                status = None
            continue
        if two_columns and status == "absent" and len(people) >= 4:
            # "I mødet deltager: Afbud fra: Formand Per Tærsbøl …" (a whole board): a table's
            # two column heads, then its cells read row by row; most of a board attends, so
            # the names are the first column's
            status = "present"
        for person in people:
            person.status = person.status or status
            # "Anders Fog- Petersen": a double name broken at its hyphen
            person.name = re.sub(r"(?<=\w)- (?=[A-ZÆØÅ])", "-", person.name)
            if person.name in found and status != "absent":
                continue
            found[person.name] = person
        if ends_list:
            status = None
    return list(found.values())


def _people_on_line(text: str, labelled: bool, heading: str, label: str, rest: str) -> list[Participant] | None:
    """The people one line of a list names, in any of the list's shapes."""
    people = (
        _participant_entry(text)
        or ((_first_names(text) or _initials(text)) if labelled else None)
        or _named_parts(text, labelled)
    )
    if people:  # ("Afbud: …" / "DAGSORDEN PUNKT": the heading of the table under the list)
        people = [person for person in people if not _HEADING_WORD.search(person.name)] or None
    if people and labelled and heading in OFFICER_ROLES:  # "Dirigent: Pia Lund"
        for person in people:
            person.role = person.role or heading
    if people is None and rest and not labelled and re.fullmatch(r"[A-ZÆØÅ][\wæøå -]{2,30}", label.strip()):
        # a group inside the list: "Deltagere:" / "Forældrevalgte: Palle Krog, Tina Schou."
        people = _participant_entry(rest.strip().rstrip("."))
    return people


def _group_label(rows: list[str], position: int) -> bool:
    """ "Rektorat" / "Rektor Lars Holm": a group of the list without a colon, people under it;
    who the list names under a group came."""
    return (
        bool(_GROUP_LABEL.fullmatch(rows[position]))
        and position + 1 < len(rows)
        and _participant_entry(rows[position + 1]) is not None
    )


# A label after the names on their line: ". Til behandling forelå:"
_NEXT_LABEL = re.compile(r"\.\s+[A-ZÆØÅ][^,.:]{2,40}:$")


# A participant heading that runs straight into the names: "Til stede var Karen, Mette og Jørgen".
_HEADING_BEFORE_NAMES = re.compile(
    r"^(?P<heading>(?i:"
    + "|".join(
        re.escape(h)
        for h in sorted(PARTICIPANT_HEADINGS, key=len, reverse=True)
        if h.endswith((" var", " fra", " deltog", " deltager"))
    )
    + r"))\s+(?P<rest>[A-ZÆØÅ].*)$"
)


def _heading_then_members(text: str) -> tuple[str, list[Participant]] | None:
    """A participant heading, then members with their party letters run together on one
    line, as a transcript flattens a list: the heading and the members (two at least)."""
    words = text.split()
    for size in (3, 2, 1):
        heading = " ".join(words[:size]).lower().rstrip(":")
        if heading in PARTICIPANT_HEADINGS:
            rest = " ".join(words[size:])
            members = members_with_parties(rest)
            if len(members) >= 2:
                return heading, members
            with_places = organisation_runs(rest)
            return (heading, with_places) if with_places else None
    return None


def _heading_key(heading: str) -> str:
    """A participant heading without the body it names: "medlemmer af udvalget" → "medlemmer".

    Example:
        >>> _heading_key("medlemmer af udvalget"), _heading_key("afbud fra bestyrelsen")
        ('medlemmer', 'afbud fra bestyrelsen')
    """
    if heading in PARTICIPANT_HEADINGS:
        return heading
    named = re.fullmatch(
        r"(?P<head>.+?)\s+(?:af|i)\s+[\wæøå-]*(?:udvalget|rådet|bestyrelsen|nævnet|forsamlingen)", heading
    )
    return named.group("head") if named and named.group("head") in PARTICIPANT_HEADINGS else heading


def _stacked_members(texts: list[str]) -> list[str]:
    """A member set as a stack of lines, the party last ("Heino Knudsen" / "Formand" / "(A)"),
    as one line the list readers know ("Heino Knudsen (A) - formand").

    Example:
        >>> _stacked_members(["Heino Knudsen", "Formand", "(A)", "Freddy Blak", "(A)"])
        ['Heino Knudsen (A) - formand', 'Freddy Blak (A)']
    """
    joined: list[str] = []
    for text in texts:
        party = _PARTY_ALONE.fullmatch(text.strip())
        if party and joined:
            role = _ROLE_ALONE.fullmatch(joined[-1].strip())
            if role and len(joined) >= 2:
                joined.pop()
                joined[-1] = f"{joined[-1].strip()} ({party.group(1)}) - {role.group(0).lower()}"
            else:
                joined[-1] = f"{joined[-1].strip()} ({party.group(1)})"
            continue
        joined.append(text)
    return joined


_LABEL_START = re.compile(r"^[A-ZÆØÅ][\wæøå/ -]{1,30}:\s")


def _joined_comma_lists(texts: list[str]) -> list[str]:
    """Lines with a comma list of members that wraps onto the next line joined into one
    ("Maja Nygaard (F), formand, Karen Brink" + "Overgaard (C), … og Hanne Sørensen (Å)")."""
    joined: list[str] = []
    for text in texts:
        previous = joined[-1] if joined else ""
        wraps = (previous.count(", ") >= 2 or previous.endswith((",", " -"))) and not previous.endswith((".", ":"))
        label = re.split(r":| \| ", text, maxsplit=1)[0].lower().strip()
        # "Afbud: Morten Ebbesen (V)" after a "Til stede: …" list starts a list of its own
        # (nor does any other label at the line's start: "DAGSORDEN: Sager til beslutning …")
        continues = not text.endswith(":") and label not in PARTICIPANT_HEADINGS and not _LABEL_START.match(text)
        if wraps and continues and (", " in text or " og " in text or text.endswith(")")):
            joined[-1] = f"{previous} {text}"
        else:
            joined.append(text)
    return joined


def _named_parts(text: str, labelled: bool) -> list[Participant] | None:
    """After a label, the entries of a list that read as people when the rest does not
    ("Afbud: Kurt Munck, suppleant Martin Hillerup deltog": Kurt Munck; the sentence after
    him is read as a sentence)."""
    if not labelled:
        return None
    people = []
    for part in re.split(r",\s*|\s+og\s+|\s+[–-]\s+", text):
        # "suppleant Martin Hillerup deltog": the substitute who came instead
        substitute = re.fullmatch(r"(?:suppleant|stedfortræder)\s+(?P<name>.+?)\s+(?:deltog|mødte)", part.strip())
        one = _participant_line(substitute.group("name") if substitute else part.strip())
        if one and len(one) == 1:
            if substitute:
                one[0].status = "present"
            people.extend(one)
    return people or None


def _first_names(text: str) -> list[Participant] | None:
    """ "Til stede: Allan, Anna, John og Lise" (a small board's minutes): first names only,
    read so after a participant label and nowhere else."""
    # "Morten(online)": a note on how one took part; "Elevrådet (Ask og Benjamin)": a group and
    # the people who came for it
    text = _ATTENDANCE_MODE.sub("", text)
    text = re.sub(r"\b[A-ZÆØÅ][a-zæøå]+(?:et|en)\s*\((?P<names>[^()]+)\)", r"\g<names>", text)
    parts = [part.strip() for part in re.split(r",\s*|\s+og\s+|\s+samt\s+", text.strip().rstrip("."))]
    # (a first name and the initial that tells two apart: "Mette S")
    first_name = r"[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?(?:\s[A-ZÆØÅ]\.?)?"
    if parts and all(re.fullmatch(first_name, part) for part in parts):
        return [Participant(name=part) for part in parts if part.lower() not in NOBODY_WORDS] or None
    return None


def _initials(text: str) -> list[Participant] | None:
    """ "Mødedeltagere: LKB, TQF, MC": members by their initials only, read so after a
    participant label and nowhere else."""
    parts = [part.strip() for part in re.split(r",\s*|\s+og\s+", text.strip().rstrip("."))]
    if parts and all(re.fullmatch(r"[A-ZÆØÅ]{2,5}", part) for part in parts):
        return [Participant(name=part) for part in parts]
    return None


# A group inside a participant list: a capitalised word or two alone on the line.
_GROUP_LABEL = re.compile(r"[A-ZÆØÅ][a-zæøå]+(?:\s+[a-zæøå]+)?")


# A word of a document's headings, never of a name.
_HEADING_WORD = re.compile(
    r"\b(?i:dagsorden|referat|punkt|beslutning|sagsfremstilling|indstilling|bilag|kommentarer|sagsindhold)\b"
)


_ATTENDANCE_MODE = re.compile(r"\s*\((?:online|virtuelt|på\s+skype|på\s+teams|via\s+\w+|telefonisk)\)", re.I)


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
        role_first = re.fullmatch(r"(?P<role>[a-zæøå][\wæøå -]*):\s*(?P<rest>[A-ZÆØÅ].*)", part)
        # "Næstformand Bo Lund (V)": a role before the name
        before = None if role_first else ROLE_BEFORE_NAME.match(part)
        one = _participant_line(role_first.group("rest") if role_first else part[before.end() :] if before else part)
        said_role = role_first or before
        if one and len(one) == 1 and said_role is not None:
            one[0].role = one[0].role or said_role.group("role").lower()
        if one is None or len(one) != 1:
            return None
        people.extend(one)
    return people if len(people) >= 2 else None


def _participant_entry(text: str) -> list[Participant] | None:
    """One line of a list: a bullet, a role before the name ("Formand Steen Christiansen (A)"),
    a party after a comma ("John Engelhardt, V") and a minute-taker's note are read around
    the name forms of ``_participant_line``."""
    text = re.sub(r"^(?:[-–•·▪]|\d{1,2}\.)\s*", "", text.strip())  # a bullet or a list number
    text = re.sub(r"\s*\(\s*\)", "", text)  # "Arne Bech ()": a party field left empty
    # "Heino Knudsen (A), Formand": a role after the party, capitalised
    text = re.sub(rf"(?<=\)),\s*((?i:{OFFICER_ALTERNATION}))\b", lambda m: ", " + m.group(1).lower(), text)
    initialled = initialled_entry(text)
    if initialled:
        return [initialled]
    text = without_initials(text)  # "Søren Ejlersen (SE), Thomas Harttung (TH)": no party letters
    said = _STATUS_AFTER_NAME.fullmatch(text)
    if said:  # "Lars Gaardhøj: Deltog", "Sofie Olsen: Afbud (Stedfortræder …)"
        status = "absent" if said.group("status").lower().startswith(("afbud", "fravær")) else "present"
        return [Participant(name=" ".join(said.group("name").split()), status=status)]
    affiliated = _affiliated_entry(text)
    if affiliated:
        return [affiliated]
    with_organisation = _ORGANISATION_IN_BRACKETS.fullmatch(text)
    if with_organisation and not re.fullmatch(PARTY, with_organisation.group("org")):
        # "Lars La Cour (Idrætsrådet)": a member for an organisation, not a party ("(Løsgænger)")
        return [Participant(name=with_organisation.group("name"), organisation=with_organisation.group("org"))]
    text = re.sub(rf",\s*(\((?:{PARTY})\))", r" \1", text)  # "Erling Larsen, (A)"
    # A row of a member table: "Birgitte Vestergaard | Å | næstformand".
    # (a user id after the name, "Klaus Hansen (hjkh) | V", and "-" for no party: Ringsted's SBSYS)
    text = re.sub(r"^(" + PERSON_NAME + r")\s+\([a-zæøå]{2,8}\)(?= \||$)", r"\1", text)
    row = re.fullmatch(rf"(?P<name>{PERSON_NAME}) \| (?P<party>[A-ZÆØÅ]|-)(?: \| (?P<role>[a-zæøå][\wæøå .-]*))?", text)
    if row:
        party = f" ({row.group('party')})" if row.group("party") != "-" else ""
        text = f"{row.group('name')}{party}" + (f" - {row.group('role')}" if row.group("role") else "")
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
        party_run(text) or role_runs(f"{before.group('role')} {text}" if before else text) or organisation_runs(text)
    )
    people = run_on or _participant_line(text) or _comma_list(text)
    if people and role and not people[0].role:
        people[0].role = role  # "Formand Ida Holm (A), Bo Lund (V)": the first named's role
    if people and len(people) == 1 and secretary:
        people[0].status = "secretary"
    return people


# A member and, after a colon or a comma, what the member is or sits for: "Karen Holm:
# Kommunalbestyrelsesmedlem for Enhedslisten", "Susanne Lodberg: Kirkens Korshær",
# "Katrine Linneboe, SIOU"; or an organisation's acronym after the name ("Martin Vibe SAND").
_NAME_AND_AFFILIATION = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøåéü'’.-]+(?:\s+[A-ZÆØÅ][\wæøåéü'’-]+){1,3})"
    r"(?::\s+(?P<about>[A-ZÆØÅ][^:]{2,80})|,\s+(?P<acronym>[A-ZÆØÅ]{2,6})|\s+(?P<trailing>[A-ZÆØÅ]{3,6}))"
)


def _affiliated_entry(text: str) -> Participant | None:
    """A member with an affiliation (see _NAME_AND_AFFILIATION); a party named in it is
    the member's party."""
    found = _NAME_AND_AFFILIATION.fullmatch(text.strip().rstrip("."))
    if not found or found.group("name").isupper():
        return None
    person = Participant(name=found.group("name"))
    about = found.group("about")
    if about is None:
        person.organisation = found.group("acronym") or found.group("trailing")
        if person.organisation and "," in text and _looks_like_people(person.organisation):
            return None  # "Iver Nielsen, Søren Kaarup Jensen og Gert Vogel": a list of members
        return person
    if re.match(rf"(?i:{_ATTENDANCE_WORDS})\b", about):
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


# What a member's attendance is said with after the name.
_ATTENDANCE_WORDS = r"deltog|deltager|til stede|mødt|afbud|fraværende"
# A member's attendance after the name: "Lars Gaardhøj: Deltog", "Sofie Olsen: Afbud (…)".
_STATUS_AFTER_NAME = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøåéü'’.-]+(?:\s+(?:[A-ZÆØÅ][\wæøåéü'’.-]+|de|von|van)){1,4}):\s*"
    rf"(?P<status>(?i:{_ATTENDANCE_WORDS}))\b.*"
)
# A person and the organisation they sit for, in brackets (the closing one may be lost).
_ORGANISATION_IN_BRACKETS = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøåéü'’.-]+(?:\s+[A-ZÆØÅ][\wæøåéü'’.-]+){1,3})\s*"
    r"\((?P<org>[A-ZÆØÅ][\wæøå]{3,}(?:[\s-]+[\wæøå]+){0,6})\)?"
)
ORGANISATION_WORD = re.compile(
    r"(?i:region|kommune|styrelse|ministeri|regioner|forening|råd|udvalg|sekretariat|institut|center|hospital)|^[A-ZÆØÅ]{2,}$"
)


def _looks_like_people(text: str) -> bool:
    """ "Karim Haddad", "Karim Haddad, Lotte Ravn" or "Martin Bonderup og Gert Vogel.": names,
    not an organisation."""
    parts = re.split(r",|\s+og\s+|\s+&\s+", text.strip().rstrip("."))
    return all(re.fullmatch(PERSON_NAME, part.strip()) and not ORGANISATION_WORD.search(part) for part in parts)


def _participant_line(text: str) -> list[Participant] | None:
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
        if match and not re.search(r"\d", match.group("org")) and not _looks_like_people(match.group("org")):
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


# A stacked member's lines: the party alone ("(A)"), the role alone ("Formand", "2. næstformand").
_PARTY_ALONE = re.compile(r"\(([A-ZÆØÅ]{1,3})\)")
_ROLE_ALONE = re.compile(rf"(?:\d\.\s*)?(?i:{OFFICER_ALTERNATION})")
