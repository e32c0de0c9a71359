"""Participant lists: members, absentees and secretaries, with party letters and roles."""

from __future__ import annotations

import itertools
import re
from typing import cast

from referat.extract.participant_words import (
    NOBODY_WORDS,
    OFFICER_ALTERNATION,
    OFFICER_ROLES,
    ROLE_BEFORE_NAME,
    ROLE_ENDINGS,
    ROLE_WORDS_IN_BRACKETS,
    STATUS_AFTER_NAME,
    STATUS_AFTER_NAME_LINE,
    heading_alternation,
)
from referat.extract.person_names import is_first_name, leading_run_on_names, split_run_on_names
from referat.extract.structure.member_initials import are_initials, initials_among
from referat.extract.structure.member_runs import (
    NAME_WITH_PARTY,
    PARTY,
    PERSON_NAME,
    members_with_parties,
    organisation_runs,
)
from referat.extract.structure.participant_entries import (
    participant_entry,
    participant_line,
    plausible_name,
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
    rows = _joined_comma_lists(_stacked_members(_split_at_labels(texts)))
    for position, text in enumerate(rows):
        if re.fullmatch(r"[-–—_*•·.]+", text.strip()):
            continue  # a rule between the list's groups
        # "Tilstede: …" or, from a table or a tab, "Tilstede | …"
        label, _, rest = text.partition(":") if ":" in text else text.partition(" | ")
        low = _heading_key(text.lower().rstrip(":;").strip())  # (";" typed for the colon)
        if low in PARTICIPANT_HEADINGS:
            status = bare_heading = PARTICIPANT_HEADINGS[low]
            continue
        two_columns = bare_heading == "present"
        # (the line right under a heading alone is its list as much as the text after a colon:
        # "Til stede:" / "Morten, Jacob og Anne")
        under_heading = bare_heading is not None
        bare_heading = None
        heading = _heading_key(label.lower().strip())
        labelled = bool(rest and heading in PARTICIPANT_HEADINGS)
        phrase = None if labelled else _HEADING_BEFORE_NAMES.match(text)
        if phrase:  # "Til stede var Karen, Mette og Jørgen" (no colon)
            labelled, label, rest = True, phrase.group("heading"), phrase.group("rest")
            heading = label.lower()
        # "MØDEDELTAGERE Grethe Olsen (F) Anne-Lise Kuhre (A) … 1 / 48" (a transcript), or a
        # council's roll on a page of its own, without a heading
        whole_line = None if labelled else _heading_then_members(text) or _unlabelled_members(text, status)
        if whole_line:
            for person in whole_line:
                found.setdefault(person.name, person)
            continue
        inline = None if labelled else _heading_in_line(text)
        if inline:  # "Fraværende Rudy Rune, Lasse Braae", "… 4540 Til stede Annelis Stamm, …"
            labelled, (heading, label, rest) = True, inline
        ends_list = False
        if labelled:
            status, text, ends_list = _after_label(heading, rest)
        elif status is None:
            continue
        if text.lower().rstrip(".").strip() in NOBODY_WORDS or text.lower().startswith(("ingen ", "ingen.")):
            continue  # "Afbud: Ingen", "Fraværende: Ingen Bemærkninger" (the next label run on)
        # "Ida Holm (A) (formand) - Deltog": each name's attendance after it, in a list under a
        # heading ("Deltagere", "Afbud/fraværende")
        text, said = _status_said_after(text) if status is not None else (text, None)
        # (not a group's label: "Byråd: Kai …"; a lone word must be a known given name:
        # "Fraværende:" / "Resume" is the next heading, the list being empty)
        listed = (under_heading or bool(said)) and ":" not in text and not _lone_word_no_name(text)
        people = _people_on_line(text, labelled or listed, heading, label, rest, known_names=not labelled)
        if people is None:
            group = _group_status(rows, position) if status is not None and found else None
            if group:
                status = group
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
            if not plausible_name(person.name):
                continue
            person.status = person.status or said or status
            _tidy(person)
            if person.name in found and status != "absent":
                continue
            found[person.name] = person
        if ends_list:
            status = None
    return list(found.values())


def _after_label(heading: str, rest: str) -> tuple[ParticipantStatus, str, bool]:
    """The status a label gives, the names after it, and whether the list ends on this line."""
    status = PARTICIPANT_HEADINGS[heading]
    text = rest.strip().lstrip("|").strip()  # ("Deltagere: | Anna Hallgren | #72": a table's cells)
    # "Fraværende: A, B. Til behandling forelå:" (a transcript's run-on page): the
    # next label ends the list, and what follows it is no name.
    next_label = _NEXT_LABEL.search(text)
    if next_label:
        text = text[: next_label.start()]
    inner = _HEADING_BEFORE_NAMES.match(text)
    if inner:  # "FRAVÆRENDE: Afbud fra Bo Lund": the phrase says it again, before the names
        status, text = PARTICIPANT_HEADINGS[inner.group("heading").lower()], inner.group("rest")
    return status, text, next_label is not None


def _status_said_after(text: str) -> tuple[str, ParticipantStatus | None]:
    """The line without the attendance said after its name, and the status it says."""
    said = STATUS_AFTER_NAME_LINE.search(text)
    if not said:
        return text, None
    return text[: said.start()], cast("ParticipantStatus", STATUS_AFTER_NAME[said.group("status").lower()])


def _tidy(person: Participant) -> None:
    """A name as the list's text layer left it, put right."""
    # "Anders Fog- Petersen": a double name broken at its hyphen
    person.name = re.sub(r"(?<=\w)- (?=[A-ZÆØÅ])", "-", person.name)
    # "… Ove Johnsen. Fraværende: …": the sentence's stop, not an initial's ("Jens K.")
    person.name = re.sub(r"(?<=[a-zæøåéü]{2})\.$", "", person.name)
    if person.party and len(person.party) >= 2 and are_initials(person.party, person.name):
        person.party = None  # "Hugo Madsen (HM)": the member's initials, not a party
    # "Lars Køster Svendsen LK", "Anette Ohm AO.": the initials the minutes call the member by,
    # after the name without brackets (letters of the name's words, in order, the first first)
    words = person.name.split()
    last = words[-1].rstrip(".") if len(words) >= 3 else ""
    if re.fullmatch(r"[A-ZÆØÅ]{2,4}", last) and initials_among(last, words[:-1]):
        person.name = " ".join(words[:-1])


def _lone_word_no_name(text: str) -> bool:
    words = text.split()
    return len(re.split(r",|\s+og\s+", text)) == 1 and not (words and is_first_name(words[0]))


def _people_on_line(
    text: str, labelled: bool, heading: str, label: str, rest: str, known_names: bool = False
) -> list[Participant] | None:
    """The people one line of a list names, in any of the list's shapes. ``known_names``: a
    first name alone must be one the table of given names holds (a line under a heading, where
    "Name, Sundhedsstyrelsen (formand)" is a name and an organisation)."""
    # (a list of first names before the entry forms: "Svend Erik, Pernille, Winnie" is no
    # "Name, Organisation")
    people = (
        ((_first_names(text, known_names) or _initials(text)) if labelled else None)
        or participant_entry(text)
        or _named_parts(text, labelled)
    )
    if people:  # ("Afbud: …" / "DAGSORDEN PUNKT": the heading of the table under the list)
        people = [person for person in people if not _HEADING_WORD.search(person.name)] or None
    if people and labelled and heading in OFFICER_ROLES:  # "Dirigent: Pia Lund"
        for person in people:
            person.role = person.role or heading
    if people is None and rest and not labelled and re.fullmatch(r"[A-ZÆØÅ][\wæøå -]{2,30}", label.strip()):
        # a group inside the list: "Deltagere:" / "Forældrevalgte: Palle Krog, Tina Schou."
        people = participant_entry(rest.strip().rstrip("."))
    if people is None:
        # "Medlemmer: Vibeke Storm Rasmussen Lars Engberg … Bente Møller 1": a transcript's
        # list with its separators (and the page number after it) lost
        names = leading_run_on_names(text.strip(), after_heading=labelled)
        people = [Participant(name=name) for name in names] if names else None
    return _names_parted(people) if people else people


def _names_parted(people: list[Participant]) -> list[Participant]:
    """ "Ole M. Jørgensen Flemming Christensen": two names a row of a two-column table ran
    together, read as one; parted where a given name follows a surname. A party or role
    printed after them is the last name's."""
    parted: list[Participant] = []
    for person in people:
        names = split_run_on_names(person.name) if len(person.name.split()) >= 4 else None
        if not names:
            parted.append(person)
            continue
        parted.extend(Participant(name=name, status=person.status) for name in names[:-1])
        person.name = names[-1]
        parted.append(person)
    return parted


def _group_status(rows: list[str], position: int) -> ParticipantStatus | None:
    """ "Rektorat" / "Rektor Lars Holm", "Fra forvaltningen:" / "Mads Kamp Hansen, Thomas
    Bach": a group of the list, people under it; the status of who the list names under it
    (the group's own words say absent, staff or guests; any other group is members)."""
    text = rows[position].strip()
    labelled = _COLON_GROUP.fullmatch(text)
    if not (_GROUP_LABEL.fullmatch(text) or labelled) or position + 1 >= len(rows):
        return None
    following = rows[position + 1].strip()
    if participant_entry(following) is None and not split_run_on_names(following.rstrip(".")):
        return None
    low = text.lower()
    if re.search(r"afbud|fravær|forhindret|ikke (?:til stede|mødt)", low):
        return "absent"
    if labelled and re.search(r"sekretariat|referent", low):
        return "secretary"
    if labelled and re.search(r"forvaltning|administration|gæst|desuden|endvidere|øvrige|andre", low):
        return "guest"
    return "present"


# A group inside a participant list: a capitalised word or two alone on the line.
_GROUP_LABEL = re.compile(r"[A-ZÆØÅ][a-zæøå]+(?:\s+[a-zæøå]+)?")
# … or a short label with a colon: "Fra den folkeoplysende voksenundervisning:", "Følgende
# havde meldt afbud:".
_COLON_GROUP = re.compile(r"[A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå-]+){0,6}:")


# A label after the names on their line: ". Til behandling forelå:"
_NEXT_LABEL = re.compile(r"\.\s+[A-ZÆØÅ][^,.:]{2,40}:$")


# A participant heading that runs straight into the names: "Til stede var Karen, Mette og Jørgen".
_HEADING_BEFORE_NAMES = re.compile(
    r"^(?P<heading>(?i:"
    + heading_alternation(lambda h: h.endswith((" var", " fra", " deltog", " deltager")))
    + r"))\s+(?P<rest>[A-ZÆØÅ].*)$"
)


def _split_at_labels(texts: list[str]) -> list[str]:
    """A transcript's run-on header parted before each participant label with its colon
    after the first: "Referent: Merete Ruager Fra bestyrelsen deltog: Lars Nørby Johansen
    (formand), …" → "Referent: Merete Ruager" / "Fra bestyrelsen deltog: Lars …"."""
    rows: list[str] = []
    for text in texts:
        starts = [match.start() for match in _LABEL_INSIDE.finditer(text) if match.start() > 0]
        if not starts or len(text) > 5000:
            rows.append(text)
            continue
        rows.extend(text[a:b].strip() for a, b in zip([0, *starts], [*starts, len(text)], strict=True))
    return [row for row in rows if row]


# A participant label with its colon inside a line, capitalised: "… Fra bestyrelsen deltog:".
_LABEL_INSIDE = re.compile(r"(?<=\s)(?:" + heading_alternation(lambda h: len(h) >= 5, capitalised=True) + r"):\s")


def _heading_in_line(text: str) -> tuple[str, str, str] | None:
    """A participant heading without its colon, or inside a line a transcript ran on,
    followed by names: "Medlemmer Anders Hind", "Fraværende Rudy Rune, Lasse Braae",
    "Mødelokale 1+2, Rådhusvej 75 Til stede Annelis Stamm, Brian Jensen, …", "… På
    Skovrådsmødet deltog: Gertrud Jørgensen (Formand) Nora Hansen …". The heading's key,
    the heading and the rest; inside a line, the rest must name two people at least."""
    # (the first few headings only: a line of thousands of "Afbud" is no list, and reading
    # the rest after each would take time quadratic in the line)
    for match in itertools.islice(_INLINE_HEADING.finditer(text), 4):
        if not text[match.start()].isupper():
            continue
        heading = match.group("heading")
        key = "i mødet deltog" if heading.lower().endswith(" deltog") else _heading_key(heading.lower())
        rest = text[match.end() :]
        people = _people_on_line(rest, True, key, heading, rest)
        if people and (match.start() == 0 or len(people) >= 2):
            return key, heading, rest
    return None


# The participant headings, capitalised where the line has them, and "På mødet deltog".
_INLINE_HEADING = re.compile(
    r"(?:^|(?<=\s))(?P<heading>(?i:"
    + heading_alternation(lambda h: len(h) >= 6)
    + r"|(?:på|i)\s+(?:[\wæøå-]+\s+){1,2}deltog))(?::\s*|\s+)(?=[A-ZÆØÅ])"
)


def _heading_then_members(text: str) -> list[Participant] | None:
    """A participant heading, then members with their party letters run together on one
    line, as a transcript flattens a list: the members (two at least), with the heading's
    status."""
    words = text.split()
    for size in (3, 2, 1):
        heading = " ".join(words[:size]).lower().rstrip(":")
        if heading in PARTICIPANT_HEADINGS:
            rest = " ".join(words[size:])
            members = members_with_parties(rest)
            members = members if len(members) >= 2 else organisation_runs(rest) or []
            for member in members:  # (a group heading inside the run said its own)
                member.status = member.status or PARTICIPANT_HEADINGS[heading]
            return members or None
    return None


def _unlabelled_members(text: str, status: ParticipantStatus | None) -> list[Participant] | None:
    """A line that is nothing but members with their parties, four at least: "Mikael
    Klitgaard, Formand (V) Jens Arne Hedegaard (V) Hans Christian Holst (V) …" (a council's
    roll printed without a heading), outside a list. The members are present: a roll names
    who met."""
    if status is not None:
        return None
    text = re.sub(rf"({PERSON_NAME}),\s*((?i:{OFFICER_ALTERNATION}))\s*\(({PARTY})\)", r"\1 (\3) - \2", text)
    members = members_with_parties(text)
    if len(members) < 4:
        return None
    covered = sum(len(match.group(0)) for match in NAME_WITH_PARTY.finditer(text))
    if covered < 0.8 * len(text.strip()):
        return None
    for member in members:
        member.status = "present"
    return members


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
        # (nor a heading without its colon: "Fraværende Rudy Rune, Lasse Braae")
        opening = text.split()[:3]
        headed = any(" ".join(opening[:size]).lower() in PARTICIPANT_HEADINGS for size in (1, 2, 3))
        continues = (
            not text.endswith(":") and label not in PARTICIPANT_HEADINGS and not headed and not _LABEL_START.match(text)
        )
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
        # ("Formand Agnete Fog (B)": the member's role before the name)
        before = None if substitute else ROLE_BEFORE_NAME.match(part.strip())
        named = part.strip()[before.end() :] if before else part.strip()
        named = named if re.search(r"\b[A-ZÆØÅ]\.$", named) else named.rstrip(".")  # "… Jørgen Honoré."
        one = participant_line(substitute.group("name") if substitute else named)
        if one and len(one) == 1 and before:
            one[0].role = one[0].role or before.group("role").lower()
        if one and len(one) == 1:
            if substitute:
                one[0].status = "present"
            people.extend(one)
    return people or None


def _first_names(text: str, known_names: bool = False) -> list[Participant] | None:
    """ "Til stede: Allan, Anna, John og Lise" (a small board's minutes): first names only,
    read so after a participant label and nowhere else."""
    # "Morten(online)": a note on how one took part; "Elevrådet (Ask og Benjamin)": a group and
    # the people who came for it
    if re.search(r"\((?:[A-ZÆØÅ]{1,2}|Løsgænger)\)", text):
        return None  # "Lene Rasmussen (F)": party letters, a council's members in full
    text = _ATTENDANCE_MODE.sub("", text)
    text = re.sub(r"\b[A-ZÆØÅ][a-zæøå]+(?:et|en)\s*\((?P<names>[A-ZÆØÅ][^()]*)\)", r"\g<names>", text)
    # "Anders (og Michael fra vejudvalget)": one more, and the group that person came for
    text = re.sub(r"\s*\(og\s+(?P<name>[A-ZÆØÅ][a-zæøå]+)\s+(?:fra|for)\s+[^()]+\)", r", \g<name>", text)
    # "Ejnar Emil (6.c)", "Tem (KBH)": a class or a place after the name
    text = re.sub(r"\s*\([^()]{1,12}\)", "", text)
    parts = [part.strip() for part in re.split(r",\s*|\s+og\s+|\s+samt\s+", text.strip().rstrip("."))]
    # "… samt fra elevrådet Mai Lillelund og Kristina": the group the last ones came for
    parts = [re.sub(r"^(?:fra|for)\s+(?:[a-zæøå]+\s+){1,3}(?=[A-ZÆØÅ])", "", part) for part in parts]
    # "Ulrik – Bodils praktikant": who the person is, after a dash
    parts = [re.sub(r"\s+[–-]\s+\S.*$", "", part) for part in parts]
    # (a first name and the initial that tells two apart: "Mette S")
    first_name = r"[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?(?:\s[A-ZÆØÅ]\.?)?"
    # (a title after a name is no one: "Svend-Erik Nielsen, Direktør", "Mariann Holm, Socialchef")
    named = [part for part in parts if not _ROLE_WORD.fullmatch(part)]
    titled = len(named) < len(parts)
    parts = named
    alone = [
        part
        for part in parts
        if re.fullmatch(first_name, part) and (not known_names or is_first_name(re.split(r"[-\s]", part)[0]))
    ]
    # (a few given in full among them: "Hans Henrik", "Mai Lillelund")
    if (
        parts
        and (2 * len(alone) >= len(parts) or titled)
        and all(part in alone or re.fullmatch(PERSON_NAME, part) for part in parts)
    ):
        return [Participant(name=part) for part in parts if part.lower() not in NOBODY_WORDS] or None
    return None


_ROLE_WORD = re.compile(rf"(?i:[a-zæøå]*(?:{ROLE_ENDINGS})|{ROLE_WORDS_IN_BRACKETS})")


def _initials(text: str) -> list[Participant] | None:
    """ "Mødedeltagere: LKB, TQF, MC": members by their initials only, read so after a
    participant label and nowhere else."""
    parts = [part.strip() for part in re.split(r",\s*|\s+og\s+", text.strip().rstrip("."))]
    if parts and all(re.fullmatch(r"[A-ZÆØÅ]{2,5}", part) for part in parts):
        return [Participant(name=part) for part in parts]
    return None


# A word of a document's headings, never of a name.
_HEADING_WORD = re.compile(
    r"\b(?i:dagsorden|referat|punkt|beslutning|sagsfremstilling|indstilling|bilag|kommentarer|sagsindhold)\b"
)


_ATTENDANCE_MODE = re.compile(r"\s*\((?:online|virtuelt|på\s+skype|på\s+teams|via\s+\w+|telefonisk)\)", re.I)


# A stacked member's lines: the party alone ("(A)"), the role alone ("Formand", "2. næstformand").
_PARTY_ALONE = re.compile(r"\(([A-ZÆØÅ]{1,3})\)")
_ROLE_ALONE = re.compile(rf"(?:\d\.\s*)?(?i:{OFFICER_ALTERNATION})")
