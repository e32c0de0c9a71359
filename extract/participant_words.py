"""The words of participant lists and attendance: who was there, who sent word, who kept
the minutes. Data the structure grammar reads, like ``vocabulary`` (whose
``PARTICIPANT_HEADINGS`` the other passes share)."""

from __future__ import annotations

import re
from collections.abc import Callable

from referat.extract.vocabulary import PARTICIPANT_HEADINGS

# Attendance told in a sentence instead of a list (council and board minutes): the phrase
# before or after the names, and the status it gives them. A member who "did not take part
# in the item's treatment" was at the meeting: present.
ATTENDANCE_BEFORE_NAMES: dict[str, str] = {
    "der er afbud fra": "absent",
    "der var afbud fra": "absent",
    "afbud fra": "absent",
    "som stedfortræder deltog": "present",
    "som suppleant deltog": "present",
    "som stedfortræder mødte": "present",
    "som suppleant mødte": "present",
    "alle medlemmer var mødt undtagen": "absent",
    "alle var mødt undtagen": "absent",
    # "Medlemmerne var mødt, bortset fra A, B og C, der havde meldt afbud."
    "var mødt, bortset fra": "absent",
    "var mødt bortset fra": "absent",
    "deltog i mødet i stedet for": "absent",  # "Inger Andersen (A) deltog i mødet i stedet for Tanja Larsson (A)"
    "mødte i stedet for": "absent",
}
ATTENDANCE_AFTER_NAMES: dict[str, str] = {
    "deltog ikke i mødet": "absent",
    "deltog ikke på mødet": "absent",
    "deltog i mødet": "present",
    "deltog som suppleanter": "present",
    "havde meldt afbud": "absent",
    "har meldt afbud": "absent",
    "havde afbud": "absent",
    "var fraværende": "absent",
    "er fraværende": "absent",
    "mødte ikke": "absent",
    "er indkaldt som suppleant": "present",
    "er indkaldt som stedfortræder": "present",
    "var indkaldt som suppleant": "present",
    "deltog som suppleant": "present",
    "deltog som stedfortræder": "present",
    "deltog ikke i sagens behandling": "present",
    "deltog ikke i behandlingen": "present",
    "deltog ikke under behandlingen": "present",
}

# Attendance said after each name of a list, behind a dash (a council portal's roll:
# "Ida Holm (A) (formand) - Deltog", "Bo Lund (V) - Afbud"), and the status it gives.
STATUS_AFTER_NAME: dict[str, str] = {
    "deltog": "present",
    "deltager": "present",
    "til stede": "present",
    "mødt": "present",
    "afbud": "absent",
    "meldt afbud": "absent",
    "fraværende": "absent",
    "forfald": "absent",
    "deltog ikke": "absent",
    "deltager ikke": "absent",
    "ikke til stede": "absent",
    "ikke mødt": "absent",
}
# (longest first: "deltog ikke" before "deltog")
STATUS_AFTER_NAME_ALTERNATION = "|".join(sorted(STATUS_AFTER_NAME, key=len, reverse=True))
STATUS_AFTER_NAME_LINE = re.compile(rf"\s+[-–]\s+(?P<status>{STATUS_AFTER_NAME_ALTERNATION})\.?\s*$", re.I)

# Words that fill a participant field without naming anyone ("Afbud: Ingen").
NOBODY_WORDS = ("ingen", "intet", "ingen afbud", "alle", "alle mødt", "-")
# A role printed before a participant's name ("Formand Steen Christiansen (A)").
# A job title does too, lower-case or not ("kirkegårdsleder Eva Nødskov", "Medarbejderrepræsentant
# Lene Thorvaldsen"): it ends in one of these words.
ROLE_ENDINGS = (
    r"leder|repræsentant|sekretær|chef|direktør|konsulent|præst|værge|medarbejder"
    r"|jurist|rektor|fuldmægtig|koordinator|rådgiver"
)
ROLE_BEFORE_NAME = re.compile(
    r"^(?P<role>formand|næstformand|borgmester|viceborgmester|rådmand|overborgmester|regionsrådsformand"
    rf"|[a-zæøå]*(?:{ROLE_ENDINGS}))\s+(?=[A-ZÆØÅ])",
    re.I,
)
# A role in brackets of its own after the name and party: "Ida Holm (A) (formand)".
# (case aside: "(Suppleant)", "(Medarbejderrepræsentant)")
ROLE_WORDS_IN_BRACKETS = (
    r"formand|næstformand|forkvinde|næstforkvinde|borgmester|viceborgmester|rådmand|kasserer|suppleant"
    r"|stedfortræder|medarbejderrepræsentant|kirkeværge|kontaktperson|sognepræst|præst|graver|organist"
    r"|observatør|tilforordnet|sekretær|referent"
)
# A note on the member's attendance in brackets after the name: "(ankom 19.30)", "(gik
# efter pkt. 5)", "(fra kl. 17)". The person attended; the note is not part of the name.
# (and how the member took part: "(på teams)", "(online)", "(via Zoom)", "(telefonisk)")
ATTENDANCE_NOTE = (
    r"(?:ankom|kom|gik|forlod|deltog|fra|til|indtil|efter)\b[^()]{0,40}"
    r"|(?:på|via|pr\.?)\s+(?:teams|zoom|skype|video|telefon|link)|online|virtuelt|telefonisk"
)
# A note after a name that says the person keeps the minutes: "Hanne Pedersen (protokol)".
# ("Gitte Fensman ref.": the abbreviation after the name)
# ("Karen Tommerup (ref.)": the abbreviation in brackets)
SECRETARY_NOTE = re.compile(r"\s*\((?:protokol|referent|protokolfører|sekretær|ref\.?)\)$|\s+ref\.?$", re.I)

# The officers a meeting elects or names in its minutes, and the status that gives them
# ("Pia Lund blev valgt til dirigent", "Formand Kim Holm bød velkommen").
OFFICER_ROLES: dict[str, str] = {
    "dirigent": "present",
    "ordstyrer": "present",
    "mødeleder": "present",
    "stemmetæller": "present",
    "stemmetællere": "present",
    "referent": "secretary",
    "formand": "present",
    "næstformand": "present",
    "kasserer": "present",
}

# The officer roles as one regex alternation, longest first ("næstformand" before "formand").
OFFICER_ALTERNATION = "|".join(sorted(OFFICER_ROLES, key=len, reverse=True))

# A line that tells who attended from which point ("Punkt 4: Per Schleiter deltager", "Fra
# pkt. 3: Anne Holm ankom"): a person's name and an attendance verb, not an item's title.
ATTENDANCE_TITLE = re.compile(
    r"^[A-ZÆØÅ][\wæøåé'.-]+(?:\s+[A-ZÆØÅ][\wæøåé'.-]+){1,3}\s+(?:deltager|deltog|ankom|ankommer|forlod|forlader|kom)\b"
)


def heading_alternation(keep: Callable[[str], bool], capitalised: bool = False) -> str:
    """The participant headings ``keep`` chooses as a regex alternation, longest first (so
    "afbud fra" is tried before "afbud"); ``capitalised``: as a line's label prints them.

    Example:
        >>> re.match(heading_alternation(lambda h: h.startswith("afbud")), "afbud fra bestyrelsen: Bo").group(0)
        'afbud fra bestyrelsen'
        >>> heading_alternation(lambda h: h == "afbud", capitalised=True)
        'Afbud'
    """
    chosen = sorted((h for h in PARTICIPANT_HEADINGS if keep(h)), key=len, reverse=True)
    return "|".join(re.escape(h[:1].upper() + h[1:] if capitalised else h) for h in chosen)
