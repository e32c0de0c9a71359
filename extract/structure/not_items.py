"""Numbered lines that are not the meeting's items though they look like them: points of
earlier minutes referred to beside the items' own numbering, and a numbered list of
sentences under a sentence that introduces it."""

from __future__ import annotations

from referat.extract.structure.heading_lines import Heading, number_of
from referat.extract.structure.titles import reads_as_sentences


def references_beside_numbered_items(candidates: list[Heading], typed_count: int, run: list[Heading]) -> bool:
    """Typed points in the minutes of items "1." … "5." that refer to points outside their
    numbering, not the document's item style: one "Punkt 15. ”Eventuelt” blev tilføjet
    dagsordenen." (a one-item page's "Punkt 1: Godkendelse …" over a numbered list is the
    style), or a few that do not count up ("Pkt. 6 DK-Stafetten: …" then "Pkt. 3
    Indsatsområder: …" under "1. Opfølgning på referatet": the earlier minutes' points).
    ``run``: the longest run of dotted candidates counting on."""
    if not typed_count:
        return False
    typed = [h for h in candidates if h.style in ("punkt", "access")]
    numbers = [number for h in run if (number := number_of(h)) is not None]
    references = [number_of(h) for h in typed]
    if len(run) < 3 or None in references:
        return False
    if typed_count == 1:
        reference = references[0]
        return (
            reference is not None
            and not min(numbers) - 1 <= reference <= max(numbers) + 1
            and typed[0].title.rstrip().endswith(".")
        )
    counted = [number for number in references if number is not None]
    return len(typed) < len(run) and any(later <= earlier for earlier, later in zip(counted, counted[1:], strict=False))


def lists_of_sentences(listed: list[Heading]) -> list[Heading]:
    """The entries of the lists (numbers counting up by one) whose entries read as sentences,
    most of them."""
    runs: list[list[Heading]] = []
    for heading in listed:
        previous = runs[-1][-1] if runs else None
        if previous is not None and number_of(heading) == (number_of(previous) or 0) + 1:
            runs[-1].append(heading)
        else:
            runs.append([heading])
    return [
        heading
        for run in runs
        if 2 * sum(reads_as_sentences(heading.title, fewest_words=6) for heading in run) > len(run)
        for heading in run
    ]
