"""Decisions: the text of a decision section, and what it decided (its outcome)."""

from __future__ import annotations

import re

from referat.extract.pages import Line
from referat.extract.vocabulary import OUTCOME_PATTERNS


def decision_text(lines: list[Line]) -> str:
    kept = []
    for line in lines:
        # eDoc prints an (often empty) list of members who did not take part.
        if re.match(r"^Følgende deltog ikke i behandlingen af punktet:?$", line.text.strip()):
            break
        kept.append(line.text.strip())
    return " ".join(" ".join(kept).split())


def classify_outcome(text: str) -> str | None:
    """Say what a decision did, from the first sentence that says anything.

    Example:
        >>> classify_outcome("Indstillingen godkendt")
        'approved'
        >>> classify_outcome("Punktet blev drøftet. Sagen genoptages på næste møde.")
        'discussed'
    """
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        for outcome, pattern in OUTCOME_PATTERNS:
            if pattern.search(sentence):
                return outcome
    return None
