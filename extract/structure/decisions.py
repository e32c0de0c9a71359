"""Decisions: the text of a decision section, and what it decided (its outcome)."""

from __future__ import annotations

import re

from referat.extract.decision_words import (
    OUTCOME_PATTERNS,
    PROSE_DECISION,
    RULING_PASSIVE,
    RULING_PAST,
    VOTE_AGAINST,
    VOTE_FOR,
)
from referat.extract.pages import Line
from referat.models import Decision, Item, walk_items


def decision_text(lines: list[Line]) -> str:
    """A decision section's text, whitespace-normalised, without the list of members who
    did not take part."""
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
        tally = _vote_outcome(sentence)
        if tally:
            return tally
        for outcome, pattern in OUTCOME_PATTERNS:
            if pattern.search(sentence):
                return outcome
    return None


def _vote_outcome(sentence: str) -> str | None:
    """What a vote's tally decided: "47 stemte for og 0 imod" approves, "12 stemte for, 30
    imod" rejects; a sentence without a tally of both, or a tie, says nothing here.

    Example:
        >>> _vote_outcome("Kontingent 1.365 kr., 47 stemte for og 0 imod."), _vote_outcome("12 stemte for, 30 imod")
        ('approved', 'rejected')
    """
    if "stemte" not in sentence:
        return None
    votes_for, votes_against = VOTE_FOR.search(sentence), VOTE_AGAINST.search(sentence)
    if not (votes_for and votes_against):
        return None
    difference = int(votes_for.group("count")) - int(votes_against.group("count"))
    return "approved" if difference > 0 else "rejected" if difference < 0 else None


# A sentence ends at ". ", "! " or "? " before a capital letter or a digit, or at the end;
# a full stop before a small letter is inside it ("for 2. kvartal 2016 blev godkendt").
# An abbreviation's stop before a number ends nothing ("kr. 241.400", "d. 1/9"); before a
# capital it ends the sentence too ("… på 8.240 kr. Regnskabet blev godkendt.").
_ABBREVIATION_STOP = "|".join(
    rf"(?<=\b{word})" for word in ("kr", "nr", "pkt", "ca", "jf", "d", "evt", "inkl", "stk", "kl")
)
_SENTENCE = re.compile(rf"(?:[^.!?]|(?:{_ABBREVIATION_STOP})\.(?=\s+\d)|[.!?]+(?!\s+[A-ZÆØÅ0-9\"']|\s*$))+(?:[.!?]+|$)")


def prose_decisions(text: str) -> list[Decision]:
    """Decisions written as sentences where no Beslutning heading stands (associations'
    minutes): one per sentence that says what the meeting decided.

    Example:
        >>> [(d.text, d.outcome) for d in prose_decisions("Der var debat. Forslaget blev forkastet. Intet mere.")]
        [('Forslaget blev forkastet.', 'rejected')]
        >>> [(d.text, d.outcome) for d in prose_decisions("Vi så på hækken. Hækken beskæres i maj. Intet mere.")]
        [('Hækken beskæres i maj.', 'approved')]
        >>> [d.text for d in prose_decisions("Rådet godkender et tilskud på kr. 5.000 til koret.")]
        ['Rådet godkender et tilskud på kr. 5.000 til koret.']
        >>> prose_decisions("Hvis hækken beskæres i maj, kan fuglene ikke yngle der.")
        []
    """
    decisions = []
    for paragraph in _paragraphs(text):
        for match in _SENTENCE.finditer(paragraph):
            sentence = match.group(0).strip()
            if PROSE_DECISION.match(sentence):
                # ("Det blev besluttet, at …" decides; in a report, "… er besluttet" only tells)
                resolved = _RESOLVED.search(sentence)
                # ("Sagen blev drøftet – bestyrelsen besluttede, at …": what was resolved counts)
                deciding = sentence[resolved.start() :] if resolved else sentence
                # (a course of action settled, "Pilekrattet tyndes ud.", is approved as the
                # board's own ruling)
                ruling = re.search(rf"\b(?:{RULING_PASSIVE}|{RULING_PAST})\b", deciding)
                outcome = classify_outcome(deciding) or ("approved" if resolved or ruling else None)
                decisions.append(Decision(text=sentence, outcome=outcome))
    return decisions


_RESOLVED = re.compile(r"\b(?:besluttet|besluttede|besluttes)\b")


# (a list's bullet twice over: "• • Det er besluttet …"; a dash for a bullet: "– Referatet godkendt.")
_BULLET = re.compile(r"^(?:[•·▪●◦*–—-]\s+)+")


def _paragraphs(text: str) -> list[str]:
    """Lines joined into paragraphs; a short line without closing punctuation (a list entry,
    a label) ends its paragraph, so "2. Snerydning" does not run into the next sentence."""
    paragraphs: list[list[str]] = [[]]
    for line in text.splitlines():
        stripped = _BULLET.sub("", line.strip())  # "• Referatet blev godkendt": a bullet opens a sentence
        if not stripped:
            paragraphs.append([])
            continue
        if stripped != line.strip() and paragraphs[-1]:
            paragraphs.append([])  # (and a paragraph: the point before it ended without a stop)
        paragraphs[-1].append(stripped)
        if len(stripped) < 50 and not stripped.endswith((",", ";", "-", "–")):
            paragraphs.append([])
    return [" ".join(lines) for lines in paragraphs if lines]


def add_prose_decisions(items: list[Item]) -> list[tuple[Item, int]]:
    """Give items their prose decisions, in a meeting whose items have no section headings
    at all (associations' minutes). Where items have headings, the publisher writes its
    decisions under a Beslutning heading, and prose under other headings reports the meeting.
    Returns each item given decisions with how many it had before, so that an agenda's can
    be taken back (:func:`withdraw_prose_decisions`)."""
    every_item = list(walk_items(items))
    # (one stray heading - a "Forslag:" under Eventuelt - does not make a sectioned document)
    if sum(1 for item in every_item if item.sections) >= max(2, len(every_item) / 4):
        return []
    given: list[tuple[Item, int]] = []
    for item in every_item:
        if item.decisions or item.access != "public" or any(s.kind == "decision" for s in item.sections):
            continue
        # Only text under no heading: a "Referat" section reports the meeting, and the
        # publishers that head one annotate decisions under their own heading. A title that
        # is itself the minute ("Punkt 2. Lykke Hansen blev valgt til referent.") counts.
        title = item.title if item.title.endswith((".", "!")) else ""
        text = item.text or ""
        if text[:1].islower() and not title:
            # "3. Formandens beretning blev godkendt.": the minute runs on from the title, which
            # is its subject
            text = f"{item.title} {text}"
        found = prose_decisions("\n".join(filter(None, (title, text))))
        if found:
            given.append((item, len(item.decisions)))
            item.decisions.extend(found)
    return given


def withdraw_prose_decisions(given: list[tuple[Item, int]]) -> None:
    """An agenda decides nothing: what its prose says ("Mødeplanen for 2020 vedtages.") is
    the proposal, read as a decision only where the document turned out to be minutes."""
    for item, before in given:
        del item.decisions[before:]
