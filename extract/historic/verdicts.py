"""The decision written under or beside a point in the books: a verdict word ("Nægtedes",
"bev. 10 Kr.", "Udsat."), a subject and a verdict ("Tilskud bevilgedes"), a ditto mark, or a
decision sentence ("Man vedtog", "Til Efterretning"). It ends a point's text."""

from __future__ import annotations

import re

from referat.extract.historic.sentences import SENTENCE_OPENERS

# The margin's decision: a verdict word first ("Nægtedes", "bev. 10 Kr.", "Udsat."), a
# subject and then one ("Tilskud bevilgedes, men"), or a decision sentence ("Man vedtog",
# "Til Efterretning", "Kunde ikke bevilges").
VERDICT_WORDS = {
    "vedtoges",
    "vedtages",
    "vedtaget",
    "bevilges",
    "bevilgedes",
    "bevilget",
    "bevilliges",
    "bevilligedes",
    "bevilliget",
    "bev",
    "nægtedes",
    "nægtes",
    "godkendtes",
    "godkendes",
    "godkendt",
    "valgtes",
    "vagtes",
    "valgt",
    "genvalgtes",
    "genvalgt",
    "nyvalgt",
    "nyvalg",
    "ansættes",
    "udsættes",
    "udsat",
    "anbefales",
    "anbefaledes",
    "anbefalet",
    "tiltrædes",
    "tiltraadt",
    "afslaaet",
    "afslaas",
    "fastsættes",
    "fastholdes",
    "overlades",
    "overlodes",
    "henlægges",
    "henvistes",
    "henvises",
    "foresloges",
    "uddeles",
    "ophæves",
    "nedsættes",
    "indstilles",
    "besvares",
}
_DITTO = re.compile(r"^(?:do|dito|〃)\.?$", re.I)  # "do": the same decision as above
# A decision written as a sentence: "Man vedtog at …", "Det vedtoges at …", "Kunde ikke
# bevilges", "Sogneraadet kan ikke tage Protesten til Følge".
_DECISION_SENTENCE = re.compile(
    r"^(?:Til\s*[Ee]fterretning|Tages\s+til\s+[Ee]fterretning|Kunde?\s+ikke|Kan\s+ikke|Kunne\s+ikke|Fandtes\b"
    r"|Man\s+(?:vedtog|bevilgede|godkendte|besluttede|henstillede|henstiller|overlod|overdrog|valgte|anbefalede)\b"
    r"|Det\s+(?:vedtoges|vedtages|overlodes|overlades|besluttedes)\b|Der\s+(?:bevilges|bevilgedes|overlades|nedsættes)\b"
    r"|Sogneraadet\s+(?:vedtog|vedtager|bevilgede|godkender|godkendte|ønskede|fandt|kan|maa|besluttede|vil|skal|har"
    r"|tiltraadte|tiltræder|anbefaler|overlod)\b)"
)
# "Til Efterretning" (the space may be missing): the note that a point was taken as read.
_TO_NOTE = re.compile(r"^til\s*efterretning", re.I)


def verdict_word_first(text: str) -> bool:
    """ "Nægtedes", "bev. 10 Kr.", "do", "Indstillingen tiltrædes": a bare verdict.

    >>> [verdict_word_first(text) for text in ("bev. 10 Kr.", "do.", "Indstillingen tiltrædes", "Da der bevilges")]
    [True, True, True, False]
    """
    words = [w.strip(".,;:") for w in text.split()]
    if not words:
        return False
    if words[0].lower() in VERDICT_WORDS or _DITTO.match(text) or _TO_NOTE.match(text):
        return True
    return subject_verdict(words)


def subject_verdict(words: list[str]) -> bool:
    """ "Indstillingen tiltrædes", "Tilskud bevilgedes, men": a noun, then the verdict."""
    return (
        len(words) > 1
        and words[0][:1].isupper()
        and words[0].lower() not in SENTENCE_OPENERS
        and words[1].lower() in VERDICT_WORDS
    )


def is_verdict(text: str) -> bool:
    """A line a decision starts with.

    >>> is_verdict("Man vedtog at bevilge 50 Kr."), is_verdict("Mand ansøger om Hjælp")
    (True, False)
    """
    return verdict_word_first(text) or bool(_DECISION_SENTENCE.match(text))
