"""Positions and votes: who was for, against, reserved, abstained or did not take part.

"Et flertal bestående af A, V og C stemte for", "Ø stemte imod", "Dansk Folkeparti
tog forbehold", "Jens Hansen (V) deltog ikke i sagens behandling". Party letters are
resolved to party names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from referat.extract.enrich.actors import PRONOUNS, ActorContext, actor_alternation, party_letters
from referat.extract.textscan import lower_keeping_offsets, merged_stretches

STANCES: list[tuple[str, re.Pattern]] = [
    (
        "against",
        re.compile(
            r"\b(?:stemte|stemmer)\s+imod\b|\bkunne\s+ikke\s+tiltræde\b|\bønskede\s+(?:sin|deres)\s+stemme\s+ført\s+til\s+protokol\b|\bvar\s+imod\b"
            r"|\b(?:kan|kunne)\s+ikke\s+anbefale\b"
        ),
    ),
    (
        "for",
        re.compile(
            r"\b(?:stemte|stemmer)\s+for\b|\btiltrådte\s+indstillingen\b|\bbakkede\s+op\s+om\b|\btilsluttede\s+sig\b|\bstøttede\s+(?:forslaget|indstillingen)\b"
        ),
    ),
    ("abstain", re.compile(r"\bundlod\s+at\s+stemme\b|\bhverken\s+for\s+eller\s+imod\b")),
    ("reservation", re.compile(r"\btog\s+forbehold\b|\bforbeholdt\s+sig\b|\btager\s+forbehold\b")),
    (
        "not_participating",
        re.compile(
            # ("deltog ikke i Udvalget for sundhed for alles behandling af sagen")
            r"\bdeltog\s+ikke\s+i\s+(?:[\wæøå-]+\s+){0,7}?behandling(?:en)?\b|\berklærede\s+sig\s+inhabil\b"
            # "X og Y var forhindret i at deltage i sagens behandling" (Aarhus), "X var inhabil"
            r"|\bvar\s+forhindret\s+i\s+at\s+deltage\b|\bvar\s+inhabil\b"
        ),
    ),
]
_ANY_STANCE = re.compile(
    r"stemte|stemmer|tiltræde|forbehold|undlod|deltog ikke|inhabil|protokol|var imod|bakkede op"
    r"|tilsluttede sig|støttede|forhindret|anbefale"
)
# A vote with the stance first and the voters listed after it: "For forslaget stemte 21,
# Venstre, Eli Jacobi Nielsen (O) og Enhedslisten." / "Imod stemte: Ø (2)" / "Undlod at
# stemme: F" (Faxe and other councils' vote lines).
_VOTE_LIST = re.compile(
    r"(?:^|(?<=[.\n]))\s*(?P<stance>for|imod)(?:\s+(?:forslaget|indstillingen|ændringsforslaget|det\s+\w+))?"
    r"(?:\s+stemte\s*:?|\s*:)|(?:^|(?<=[.\n]))\s*(?P<abstain>undlod\s+at\s+stemme|hverken\s+for\s+eller\s+imod)\s*:"
    # "Anbefales af Ivar Holm, Dina Lund og Henning Berg." (who recommended, stance first)
    r"|(?:^|(?<=[.\n]))\s*(?P<endorsed>anbefales|tiltrædes|tiltrådt|godkendt|godkendes)\s+af\s+(?=[A-ZÆØÅ])",
    re.I,
)
# A cheap check before the vote-list pattern runs ("For: …" needs no stance word).
_VOTE_CUE = re.compile(r"(?:^|\n)\s*(?:for|imod|anbefales|tiltrædes|tiltrådt|godkendt|godkendes)\b", re.I)
# "Gruppe A", "Gruppen Ø": a party's group named by its ballot letter.
_GROUP_LETTER = re.compile(r"^(?:gruppe(?:n)?|partiet|liste)\s+(?P<letter>[A-ZÆØÅ])$", re.I)
_VOTE_COUNT = re.compile(r"^\s*\d+\s*(?:medlemmer|stemmer)?\s*[,:]?\s*")
# A role before a name in a list of voters or absentees: "Rådmand Kristian Würtz".
_ROLE_PREFIX = re.compile(r"^(?:rådmand|borgmester|viceborgmester|formand|næstformand|byrådsmedlem|medlem)\s+", re.I)
_CLAUSE_BREAK = re.compile(r";|,\s*(?:og|men|mens|samt|hvorimod)\s+")
# The longest stance phrase ("ønskede deres stemme ført til protokol") reaches this far
# from any of the words above.
_STANCE_REACH = 60
# "Et flertal bestående af A, V og C", "A og F", "Ø": ballot letters as actors.
_LETTERS = r"(?P<letters>[A-ZÆØÅ](?:\s*,\s*[A-ZÆØÅ])*(?:\s+og\s+[A-ZÆØÅ])?)"
# Letters are upper-case and stand alone: "V stemte imod", not the last "i" of "Folkeparti".
_GROUP = re.compile(rf"(?:(?i:(?:et\s+)?(?:flertal|mindretal)\s+bestående\s+af)\s+|^){_LETTERS}\s*$")
# A person not in the gazetteer: two to five capitalised words ("Jens Hansen (V)");
# one word ("Følgende deltog ikke …") is a pronoun or a list label, not an actor.
_NAMED = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøå'’-]+(?:\s+(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][\wæøå'’-]+)){1,4})\s*(?:\((?P<party>[A-ZÆØÅ])\))?\s*$"
)  # ("Henrik T. Larsen": an initial between the names)


@lru_cache(maxsize=1)
def _subject_actor() -> re.Pattern:
    # A known actor ending the subject: "Indenrigs- og Sundhedsministeriet tog forbehold".
    return re.compile(rf"(?P<actor>{actor_alternation()})\s*(?:\([^)]{{1,40}}\))?\s*$")


@dataclass(frozen=True)
class PositionMatch:
    actor: str
    stance: str
    text: str
    votes: int | None = None  # the actor's count where a ballot prints it: "A (12)"


def find_positions(text: str, context: ActorContext | None = None) -> list[PositionMatch]:
    """Positions stated in ``text``, one per actor.

    Example:
        >>> [(p.actor, p.stance) for p in find_positions("Et flertal bestående af A og F stemte for. V stemte imod.")]
        [('Socialdemokratiet', 'for'), ('SF - Socialistisk Folkeparti', 'for'), ('Venstre', 'against')]
    """
    lower = lower_keeping_offsets(text)  # offsets hold; the patterns are lower-case
    # The stance patterns run only around the words they all contain (most texts have none).
    stretches = merged_stretches(
        (max(0, word.start() - _STANCE_REACH), min(len(lower), word.end() + _STANCE_REACH))
        for word in _ANY_STANCE.finditer(lower)
    )
    letters = party_letters()
    if not stretches:
        return _vote_lists(text, letters, context) if _VOTE_CUE.search(lower) else []
    found: list[PositionMatch] = []
    hits = sorted(
        (match.start(), match.end(), stance)
        for stance, pattern in STANCES
        for start, end in stretches
        for match in pattern.finditer(lower, start, end)
    )
    for start, _end, stance in hits:
        sentence_start = max(_sentence_start(text, start), text.rfind("\n", 0, start) + 1)
        sentence_end = min(e for e in (text.find(". ", start), text.find("\n", start), len(text)) if e >= 0)
        sentence_text = " ".join(text[sentence_start : sentence_end + 1].split())
        # "V stemte imod, og Ø tog forbehold": a coordinated clause has its own subject.
        subject = _CLAUSE_BREAK.split(text[sentence_start:start])[-1].strip().rstrip(",")
        group = _GROUP.search(subject)
        if group and all(letter in letters for letter in re.findall(r"[A-ZÆØÅ]", group.group("letters"))):
            for letter in re.findall(r"[A-ZÆØÅ]", group.group("letters")):
                found.append(PositionMatch(letters[letter], stance, sentence_text))
            continue
        for actor in _subject_actors(subject, context):
            found.append(PositionMatch(actor, stance, sentence_text))
    found.extend(_vote_lists(text, letters, context))
    return found


# A full stop that ends a sentence: not an initial's ("Henrik T. Larsen").
_SENTENCE_END = re.compile(r"(?<!\b[A-ZÆØÅ])\.\s")


def _sentence_start(text: str, before: int) -> int:
    ends = [match.end() for match in _SENTENCE_END.finditer(text, 0, before)]
    return ends[-1] if ends else 0


def _subject_actors(subject: str, context: ActorContext | None) -> list[str]:
    """The actors a subject names: one ("Venstre", "Jens Hansen (V)"), or several joined by
    "og" and commas ("Rådmand Kristian Würtz og Keld Hvalsø")."""
    parts = [part.strip() for part in re.split(r",\s*|\s+og\s+", subject) if part.strip()]
    if len(parts) > 1:
        actors = [_actor_in(_ROLE_PREFIX.sub("", part), context, whole=True) for part in parts]
        if all(actors):
            return [actor for actor in actors if actor]
    single = _actor_in(subject, context, whole=False)
    return [single] if single else []


def _actor_in(text: str, context: ActorContext | None, whole: bool) -> str | None:
    known = _subject_actor().search(text)
    named = known or _NAMED.search(text)
    if named is None or (whole and named.start() != 0):
        return None
    actor = named.group("actor") if known else named.group("name")
    if context is not None:
        resolved = context.resolve(actor)
        if resolved is None and actor.lower() in PRONOUNS:
            return None  # "han" with no person before it: nobody known took the position
        actor = resolved.canonical if resolved else actor
    return actor


def _vote_lists(text: str, letters: dict[str, str], context: ActorContext | None) -> list[PositionMatch]:
    """Votes written stance first: the voters listed after "For … stemte" up to the full stop."""
    found = []
    for match in _VOTE_LIST.finditer(text):
        if match.group("endorsed"):
            stance = "for"
        elif match.group("abstain"):
            stance = "abstain"
        else:
            stance = "for" if match.group("stance").lower() == "for" else "against"
        end = min(e for e in (text.find(". ", match.end()), text.find("\n", match.end()), len(text)) if e >= 0)
        listed = _VOTE_COUNT.sub("", text[match.end() : end].lstrip(" |")).rstrip(". ")
        # "5 (A+T+V)": the count, then the ballot letters joined by plus signs
        plus = re.fullmatch(r"\(\s*([A-ZÆØÅ](?:\s*\+\s*[A-ZÆØÅ])*)\s*\)|([A-ZÆØÅ](?:\s*\+\s*[A-ZÆØÅ])+)", listed)
        if plus:
            listed = ", ".join(re.findall(r"[A-ZÆØÅ]", plus.group(1) or plus.group(2)))
        sentence = " ".join(text[match.start() : end + 1].split())
        for entry in (part.strip() for part in re.split(r",\s*|\s+og\s+", listed)):
            counted = re.search(r"\s*\((\d+)\)$", entry)  # "A (12)": a party's count
            votes = int(counted.group(1)) if counted else None
            entry = entry[: counted.start()] if counted else entry
            group = _GROUP_LETTER.match(entry)
            if group and group.group("letter") in letters and not entry.lower().startswith("liste"):
                entry = group.group("letter")
            if entry in letters:
                found.append(PositionMatch(letters[entry], stance, sentence, votes))
                continue
            if plus:  # a local list's letter, no national party's: kept as printed
                found.append(PositionMatch(entry, stance, sentence, votes))
                continue
            actor = _actor_in(_ROLE_PREFIX.sub("", entry), context, whole=True) if entry else None
            if actor is None and re.fullmatch(r"[A-ZÆØÅ][\wæøå-]{2,}|[Ll]iste\s+[A-ZÆØÅ]", entry):
                actor = entry  # a list or party in one word, or a local list: "Borgerlisten", "Liste H"
            if actor:
                found.append(PositionMatch(actor, stance, sentence, votes))
    return found
