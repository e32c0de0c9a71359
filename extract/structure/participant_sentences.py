"""Participants told in sentences rather than listed: attendance ("Der er afbud fra Lone
Hansen.", "Hans Bang-Hansen deltog ikke i mødet.") and the officers association minutes
name ("Pia Lund blev valgt til dirigent", "Formand Kim Holm bød velkommen")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from referat.extract.participant_words import (
    ATTENDANCE_AFTER_NAMES,
    ATTENDANCE_BEFORE_NAMES,
    OFFICER_ALTERNATION,
    OFFICER_ROLES,
)
from referat.extract.structure.member_runs import PARTY
from referat.extract.structure.participant_entries import ORGANISATION_WORD
from referat.models import Participant

# One person in a sentence: "Jens K. Jensen (V)", "Hans Bang-Hansen", "René Christensen".
_BARE_NAME = r"[A-ZÆØÅ][\wæøåéü'’-]+(?:\s+(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][\wæøåéü'’-]+)){1,3}"
_NAME_IN_SENTENCE = rf"{_BARE_NAME}(?:\s*\((?:{PARTY})\))?"
_NAMES_IN_SENTENCE = rf"(?P<names>{_NAME_IN_SENTENCE}(?:\s*,\s*{_NAME_IN_SENTENCE})*(?:\s+og\s+{_NAME_IN_SENTENCE})?)"
_ONE_NAME = re.compile(rf"(?P<name>{_BARE_NAME})(?:\s*\((?P<party>{PARTY})\))?")


def _attendance_patterns() -> list[tuple[re.Pattern[str], str]]:
    def words(phrase: str) -> str:
        return r"\s+".join(re.escape(word) for word in phrase.split())

    before = [
        (re.compile(rf"(?i:\b{words(phrase)})\s*:?\s+{_NAMES_IN_SENTENCE}"), status)
        for phrase, status in ATTENDANCE_BEFORE_NAMES.items()
    ]
    # the names open a sentence: at the line's start or after a full stop or a colon
    after = [
        (re.compile(rf"(?:^|(?<=[.:–-]\s)|(?<=^\d\.\s)){_NAMES_IN_SENTENCE}\s+(?i:{words(phrase)})\b"), status)
        for phrase, status in ATTENDANCE_AFTER_NAMES.items()
    ]
    return before + after


_ATTENDANCE = _attendance_patterns()
# Every attendance phrase holds one of these words.
_ATTENDANCE_WORDS = ("afbud", "deltog", "fravær", "indkaldt", "mødt")
assert all(
    any(word in phrase for word in _ATTENDANCE_WORDS) for phrase in (*ATTENDANCE_BEFORE_NAMES, *ATTENDANCE_AFTER_NAMES)
)


def attendance_sentences(texts: list[str]) -> list[Participant]:
    """People whose attendance a sentence tells: "Der er afbud fra Lone Hansen.", "Hans
    Bang-Hansen deltog ikke i mødet.", "… som stedfortræder deltog Birgit Holse.".

    Example:
        >>> told = attendance_sentences(["Jens K. Jensen (V) og Ole Hansen havde meldt afbud."])
        >>> [(person.name, person.party, person.status) for person in told]
        [('Jens K. Jensen', 'V', 'absent'), ('Ole Hansen', None, 'absent')]
    """
    found: dict[str, Participant] = {}
    for text in texts:
        low = text.lower()
        if not any(word in low for word in _ATTENDANCE_WORDS):  # most lines: no regex run at all
            continue
        for pattern, status in _ATTENDANCE:
            for match in pattern.finditer(text):
                for name, party in _people_named(match.group("names")):
                    found.setdefault(name, Participant(name=name, party=party, status=status))
    return list(found.values())


def _people_named(names: str) -> Iterator[tuple[str, str | None]]:
    """The people a sentence's run of names holds ("Jens K. Jensen (V) og Ole Hansen"), with
    their parties; an organisation named among them is no person."""
    for entry in _ONE_NAME.finditer(names):
        name = entry.group("name").strip()
        if not ORGANISATION_WORD.search(name):
            yield name, entry.group("party")


# "Pia Lund blev valgt til dirigent", "Mette Bro og Linda Holm blev valgt som stemmetællere"
_ELECTED_OFFICER = re.compile(
    rf"{_NAMES_IN_SENTENCE}(?:,\s*have\s+\d+)?\s+blev\s+(?:gen)?valgt\s+(?:som|til)\s+(?P<role>{OFFICER_ALTERNATION})\b"
)
# "Formand Kim Holm bød velkommen", "Kasserer Jytte Engsig fremlagde regnskabet"
_OFFICER_BEFORE_NAME = re.compile(
    rf"(?:^|(?<=[.:]\s))(?P<role>(?i:{OFFICER_ALTERNATION}))\s+(?P<names>{_BARE_NAME})\s+[a-zæøå]"
)


# An officer's title opening a sentence, as "Formand Kim Holm bød velkommen" needs it.
_OFFICER_CUE = re.compile("|".join(role.capitalize() for role in OFFICER_ROLES))


def officer_sentences(texts: list[str]) -> list[Participant]:
    """The officers the minutes name in sentences (association and board minutes): who was
    elected to chair or minute the meeting, and who spoke as chair or treasurer.

    Example:
        >>> told = officer_sentences(["Punkt 1. Pia Lund blev valgt til dirigent.", "Formand Kim Holm bød velkommen."])
        >>> [(person.name, person.role, person.status) for person in told]
        [('Pia Lund', 'dirigent', 'present'), ('Kim Holm', 'formand', 'present')]
    """
    found: dict[str, Participant] = {}
    for text in texts:
        patterns = [_ELECTED_OFFICER] if "valgt" in text else []
        if _OFFICER_CUE.search(text):  # (most lines: neither, and no pattern runs)
            patterns.append(_OFFICER_BEFORE_NAME)
        for pattern in patterns:
            for match in pattern.finditer(text):
                role = match.group("role").lower()
                for name, party in _people_named(match.group("names")):
                    found.setdefault(name, Participant(name=name, party=party, role=role, status=OFFICER_ROLES[role]))
    return list(found.values())
