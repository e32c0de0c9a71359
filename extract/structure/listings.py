"""Numbered lines that are no items: an agenda list or table of contents announcing the
items, a list that a sentence or a recommendation's introduction opens, and a section's own
list (Bilag, Indstilling, Beslutning). ``headings`` asks these questions while it decides
which numbered lines are items.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from referat.extract.pages import Line
from referat.extract.structure.heading_lines import (
    Heading,
    absent_from,
    leading_section,
    number_of,
    section_kind,
)
from referat.extract.vocabulary import CLOSED_PART, MEETING_KIND_WORDS, OPEN_PART, PARTICIPANT_HEADINGS


def continues_list_beside_heading(lines: list[Line], heading: Heading) -> bool:
    """ "Vedlagte bilag | 1. Tidsplan …" then "2. Tidsplan …": the list began beside its
    section heading, so the next numbered line is its second entry, whatever follows it."""
    if not heading.index:
        return False
    beside = leading_section(lines[heading.index - 1].text.strip())
    first = re.match(r"^(\d{1,2})[.)]\s", beside[2]) if beside and beside[0] in _LISTING_SECTIONS else None
    return bool(first) and int(first.group(1)) + 1 == number_of(heading) if first else False


def _tight_runs(
    lines: list[Line], candidates: list[Heading], styles: tuple[str, ...] = ("dotted",)
) -> list[list[Heading]]:
    """Runs of numbered lines on consecutive lines, counting up: agenda lists and lists in prose."""
    # (a contents list may print each entry's number, title and page on lines of their own:
    # "1." / "Godkendelse af dagsorden" / "5" — the page number is a bare number alone)
    page_numbers = {h.index for h in candidates if h.style == "bare" and not h.title and h.number.isdigit()}
    runs: list[list[Heading]] = []
    for heading in candidates:
        last = runs[-1][-1] if runs else None
        if heading.style not in styles or (
            heading.index in page_numbers and last and _next_to(lines, last, heading, set())
        ):
            continue  # (an entry's page number on the line after it is no entry)
        step = (number_of(heading) or 0) - (number_of(last) or 0) if last is not None else 0
        # (a transcript's list may lose a number or a few on the way: "5. Satser …" / "7. Regulering …",
        # the entry on the very next line, in a run already under way)
        skips_lost = (
            2 <= step <= 4 and len(runs[-1]) >= 2 and last is not None and last.index + last.consumed == heading.index
        )
        counts_up = step == 1 or skips_lost
        if last is not None and counts_up and _next_to(lines, last, heading, page_numbers):
            runs[-1].append(heading)
        else:
            runs.append([heading])
    return [run for run in runs if len(run) >= 2]


def _next_to(lines: list[Line], last: Heading, heading: Heading, page_numbers: set[int]) -> bool:
    """``heading`` follows ``last`` directly: on the next line, or after the lines ``last``'s
    title took and its page number, or after its own lettered or bulleted points ("3. Økonomi"
    / "A. Økonomirapport" / "B. Udsigterne for 2010" / "4. …"), or after a closed part's
    heading."""
    if last.index == heading.index - 1:
        return True
    between = range(last.index + last.consumed, heading.index)
    if len(between) <= 1 and all(index in page_numbers for index in between):
        return True
    # (the list's closed part after its open one: "9. Status på IT...8" / "LUKKET MØDE:" / "10. …",
    # or the label over its next group: "2. Revisionsprotokol" / "Politiske sager:" / "3. …")
    between_text = lines[last.index + last.consumed].text.strip() if len(between) == 1 else ""
    if between_text and (CLOSED_PART.match(between_text) or _GROUP_LABEL_LINE.fullmatch(between_text)):
        return True
    return len(between) <= 4 and all(_SUB_ENTRY.match(lines[index].text.strip()) for index in between)


# A label over a group of a list's entries: "Politiske sager:", "Afdelingsrelaterede sager:".
_GROUP_LABEL_LINE = re.compile(r"[A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå-]+){0,3}:")
# A list entry's own points: "A. Økonomirapport 2", "b) Budget", "- Formanden".
_SUB_ENTRY = re.compile(r"^(?:[A-Za-z][.)]\s+\S|[-–•]\s*\S)")


def announcements(
    lines: list[Line], candidates: list[Heading], styles: tuple[str, ...] = ("dotted", "bare")
) -> tuple[list[Heading], list[Heading]]:
    """Numbered lines that announce a later one with the same number and title (an agenda
    list, a table of contents: close together), and the later ones they announce, which
    are items ("Dagsorden: 1. Valg af dirigent 2. …" and then "1: VALG AF DIRIGENT" with its text)."""
    # (a person listed twice, "1. Robert Sørensen, Ø" under "Afbud:", announces nothing)
    dotted = [h for h in candidates if h.style in styles and not _PERSON_ENTRY.fullmatch(h.title)]
    announcing: list[Heading] = []
    announced: list[Heading] = []
    # (the later lines of each number and first word, looked up rather than scanned for every
    # line: titles of the same words share their first)
    positions_of: dict[tuple[str, str], list[int]] = {}
    for position, heading in enumerate(dotted):
        positions_of.setdefault(_number_and_first_word(heading), []).append(position)
    for position, heading in enumerate(dotted):
        following = dotted[position + 1] if position + 1 < len(dotted) else None
        if following is None or following.index - heading.index > _LISTING_GAP:
            continue
        title = heading.title.casefold()
        same_number = positions_of[_number_and_first_word(heading)]
        later = next(
            (
                dotted[other]
                for other in same_number[bisect.bisect_right(same_number, position) :]
                if same_words(title, dotted[other].title.casefold()) and dotted[other] not in announcing
            ),
            None,
        )
        if later is not None and _list_agrees(dotted, position):
            announcing.append(heading)
            if all(later is not h for h in announced):
                announced.append(later)
    announcing = _whole_lists(lines, candidates, announcing, styles)
    announced = [h for h in announced if absent_from(h, announcing)]
    return announcing, announced


def _number_and_first_word(heading: Heading) -> tuple[str, str]:
    words = heading.title.casefold().split()
    return heading.number, words[0] if words else ""


def _list_agrees(dotted: list[Heading], position: int) -> bool:
    """The list an entry stands in names the headings after it more often than it
    contradicts them: one title repeated across two meetings ("3. Tilbud på …" in both,
    each under its own "1." and "2.") is an item carried over, not an agenda list."""
    start = end = position
    while start > 0 and _counts_on(dotted[start - 1], dotted[start]):
        start -= 1
    while end + 1 < len(dotted) and _counts_on(dotted[end], dotted[end + 1]):
        end += 1
    after = dotted[end + 1 :]
    agree = disagree = 0
    for entry in dotted[start : end + 1]:
        later = [h.title.casefold() for h in after if h.number == entry.number]
        if any(same_words(entry.title.casefold(), title) for title in later):
            agree += 1
        elif later:  # (only headings of other titles carry its number: another meeting's items)
            disagree += 1
    return agree > disagree


def _counts_on(entry: Heading, following: Heading) -> bool:
    return following.index - entry.index <= _LISTING_GAP and number_of(entry) == (number_of(following) or 0) - 1


_DOT_LEADER = re.compile(r"\.{2,}\s*\d+\s*$")


def unrepeated_entries(
    lines: list[Line], candidates: list[Heading], kept: list[Heading], announcing: list[Heading]
) -> list[Heading]:
    """The entries of an agenda list or table of contents that no item heading of the text
    repeats: items whose text the document leaves out (a closed item, published by title
    only; an excerpt that ends after the first items). They are items all the same, with
    the number, title and access the list gives them. A list may be cut into groups by
    lines of their own ("A. Sager til afgørelse i byrådet", "Lukkede punkter").
    ``announcing``: the candidates that announce a later heading (:func:`announcements`)."""
    announcing = list(announcing)
    # (a list whose entries are set in another style than the items: "1. Godkendelse af
    # dagsorden" in the list, "Pkt. 1: Godkendelse af dagsorden" over the item)
    listed = [h for h in candidates if h.style in ("dotted", "bare") and absent_from(h, kept + announcing)]
    more = _whole_lists(lines, candidates, [h for h in listed if _repeated_by(h, kept)], ("dotted", "bare"))
    announcing += [h for h in more if absent_from(h, announcing)]
    announcing += [h for h in _grouped_list(lines, candidates, announcing) if absent_from(h, announcing)]
    numbers = {heading.number for heading in kept}
    named = _lists_naming_items(announcing, numbers)
    named += [h for h in _closed_list(lines, candidates, kept) if absent_from(h, named)]
    return [
        h
        for h in named
        if h.number not in numbers
        and (h.title or h.access == "closed")
        # (the same attachment listed under two items' Bilag announces nothing)
        and not in_section_list(lines, h, candidates)
    ]


def _closed_list(lines: list[Line], candidates: list[Heading], kept: list[Heading]) -> list[Heading]:
    """A list of the meeting's closed items by title only, line after line before the open
    ones ("12. Professionel scenekunst … (Lukket)" / "16. …(Lukket)"): numbers rising,
    every entry marked closed, none an item heading."""
    entries = [h for h in candidates if h.style == "dotted" and absent_from(h, kept)]
    run: list[Heading] = []
    found: list[Heading] = []
    for heading in entries:
        follows = (
            run and _next_to(lines, run[-1], heading, set()) and (number_of(heading) or 0) > (number_of(run[-1]) or 0)
        )
        run = [*run, heading] if follows else [heading]
        if len(run) >= 2 and all(h.access == "closed" for h in run):
            found += [h for h in run if absent_from(h, found)]
    return found


def _lists_naming_items(entries: list[Heading], numbers: set[str]) -> list[Heading]:
    """The entries of the lists (entries close together) that name the meeting's items: an
    item heading has the number of one of their entries. (Two Bilag lists naming the same
    attachment announce only each other.)"""
    lists: list[list[Heading]] = []
    for entry in sorted(entries, key=lambda h: h.index):
        if lists and entry.index - lists[-1][-1].index <= _LISTING_GAP:
            lists[-1].append(entry)
        else:
            lists.append([entry])
    return [entry for listed in lists if any(other.number in numbers for other in listed) for entry in listed]


def _repeated_by(entry: Heading, kept: list[Heading]) -> bool:
    return any(
        heading.number == entry.number and same_words(entry.title.casefold(), heading.title.casefold())
        for heading in kept
    )


# A line that cuts an agenda list into groups: "A. Sager til afgørelse i byrådet", "D. Orientering".
_GROUP_LINE = re.compile(r"^[A-H]\.\s+[A-ZÆØÅ][\wæøå /,-]{2,60}$")


def _grouped_list(lines: list[Line], candidates: list[Heading], announcing: list[Heading]) -> list[Heading]:
    """The whole of each list some of whose entries announce items: the numbered lines next
    to them and to each other, over the group lines between them."""
    listed = [h for h in candidates if h.style in ("dotted", "bare")]
    by_index = {h.index: h for h in listed}
    # (an entry's title may stand on the lines after its number: "1." / "Godkendelse af dagsorden")
    title_lines = {index for h in listed for index in range(h.index + 1, h.index + h.consumed)}
    found: list[Heading] = []
    for entry in announcing:
        for step in (-1, 1):
            index = entry.index + step
            while 0 <= index < len(lines):
                if index in by_index:
                    found.append(by_index[index])
                elif index not in title_lines and not _divides_a_list(lines[index].text.strip()):
                    break
                index += step
    return found


def _divides_a_list(text: str) -> bool:
    return bool(_GROUP_LINE.match(text) or CLOSED_PART.match(text) or OPEN_PART.match(text))


def contents_lists(lines: list[Line], headings: list[Heading], style: str) -> list[Heading]:
    """Runs of three or more headings on consecutive lines with a contents line's dot leader
    and page number ("Punkt nr. 44: Web-løsning...7"), one of which is printed again later
    with its text: a table of contents in the item style itself. (An agenda list without
    page numbers is left to ``segment.drop_agenda_lists``.)"""
    listing: list[Heading] = []
    for run in _tight_runs(lines, headings, (style,)):
        if not any(_DOT_LEADER.search(lines[h.index].text) for h in run):
            continue
        later = [h for h in headings if h.index > run[-1].index]
        repeated = any(
            any(h.number == entry.number and same_words(entry.title.casefold(), h.title.casefold()) for h in later)
            for entry in run
        )
        if len(run) >= 3 and repeated:
            listing += run
    return listing


def _whole_lists(
    lines: list[Line], candidates: list[Heading], announcing: list[Heading], styles: tuple[str, ...]
) -> list[Heading]:
    """A list some of whose entries announce later headings is a table of contents as a
    whole: its other entries (items the excerpt or document leaves out) are no items either."""
    for run in _tight_runs(lines, candidates, styles):
        if any(not absent_from(h, announcing) for h in run):
            announcing = announcing + [h for h in run if absent_from(h, announcing)]
    return announcing


# An agenda list's entries stand at most this many lines apart (a line or two of remarks under each).
_LISTING_GAP = 8


def same_words(listed: str, title: str) -> bool:
    # An agenda list may shorten a title, or the heading may wrap it: compare the shorter's words
    # (a hyphen or a space between two: "AU-referat" in the list, "AU referat" over the minutes).
    first, second = re.findall(r"[^\s-]+", listed), re.findall(r"[^\s-]+", title)
    shorter = min(len(first), len(second))
    return shorter > 0 and first[:shorter] == second[:shorter]


# Sections whose text is often a numbered list (attachments, recommendation clauses, decision points).
_LISTING_SECTIONS = ("attachments", "recommendation", "decision")


def in_prose_list(lines: list[Line], heading: Heading, candidates: list[Heading]) -> bool:
    """A numbered line in a list that a sentence introduces ("… spørgsmål om:" then "1. …")
    or a section's own list, directly or after the list's earlier lines; an agenda's own
    "Dagsorden:" does not count."""
    introduction = _introduction(lines, heading, candidates)
    if introduction is None:
        return False
    # A sentence ending in ':' (a label such as "Fraværende:" or "Afbud:" is no sentence) or
    # a recommendation's introduction ("… indstiller, at") introduces a list; under a
    # participant label, numbered people ("Afbud:" / "1. Robert Sørensen, Ø") are a list too.
    sentence = introduction.endswith(":") and len(introduction.split()) >= 3
    if _PERSON_ENTRY.fullmatch(heading.title) and introduction.lower().rstrip(":").strip() in PARTICIPANT_HEADINGS:
        return True
    return (
        _is_listing_section(introduction)
        or (sentence and not _introduces_agenda(introduction))
        or bool(_CLAUSE_INTRODUCTION.search(introduction))
    )


# "Robert Sørensen, Ø", "Jens Hansen (V)": a person as a list entry.
_PERSON_ENTRY = re.compile(
    r"[A-ZÆØÅ][a-zæøåé][\wæøå-]*(?:\s+[A-ZÆØÅ][a-zæøåé][\wæøå-]*){1,3}(?:,\s*[A-ZÆØÅ]{1,2}|\s*\([A-ZÆØÅ]{1,2}\))?"
)


# "Kommunaldirektøren indstiller, at" / "… indstiller til Økonomiudvalget at anbefale": the
# numbered lines under it are clauses of the recommendation.
_CLAUSE_INTRODUCTION = re.compile(r"(?:\bat|indstille[rs],?|indstilles,?|foreslår,?|anbefaler,?)$", re.I)


def in_section_list(lines: list[Line], heading: Heading, candidates: list[Heading]) -> bool:
    """A numbered line in the list of a Bilag, Indstilling or Beslutning section, or of a
    recommendation's introduction ("Direktionen indstiller, at" / "1. Byrådet hjemtager …")."""
    introduction = _introduction(lines, heading, candidates)
    return introduction is not None and (
        _is_listing_section(introduction) or bool(_CLAUSE_INTRODUCTION.search(introduction))
    )


def _introduction(lines: list[Line], heading: Heading, candidates: list[Heading]) -> str | None:
    """The line before the run of numbered lines that ``heading`` belongs to."""
    if heading.style != "dotted":
        return None
    # Walk back over the list's earlier entries: adjacent lines counting down ("2." above "3.").
    index = heading.index
    number = number_of(heading)
    # (an entry that starts in lower case is no candidate but is the list's all the same:
    # "1. anbefalinger til …" above "2. Udvalget for …")
    while (
        index
        and number is not None
        and _entry_number(lines[index - 1].text, _dotted_number_at(candidates, index - 1)) == number - 1
    ):
        index, number = index - 1, number - 1
    return lines[index - 1].text.strip() if index else None


def _dotted_number_at(candidates: list[Heading], index: int) -> int | None:
    """The number of the "N." candidate on line ``index`` (candidates are in document order;
    a lookup, not a scan: a document of thousands of "1." lines stays linear)."""
    position = bisect.bisect_left(candidates, index, key=lambda h: h.index)
    if position < len(candidates) and candidates[position].index == index and candidates[position].style == "dotted":
        return number_of(candidates[position])
    return None


def _entry_number(text: str, known: int | None) -> int | None:
    if known is not None:
        return known
    entry = re.match(r"^\s*(\d{1,3})[.)]\s+[a-zæøå]", text)
    return int(entry.group(1)) if entry else None


def _is_listing_section(text: str) -> bool:
    # "Bilag" / "1. Høringssvar samlet": the section's own list ("Beslutning: Godkendt." on
    # one line is a finished section, not an introduction)
    beside = leading_section(text) if " | " in text or text.endswith(":") else None
    return section_kind(text) in _LISTING_SECTIONS or bool(beside and beside[0] in _LISTING_SECTIONS)


def _introduces_agenda(text: str) -> bool:
    # "D A G S O R D E N:" spaced out for emphasis reads as "dagsorden"
    words = re.sub(r"(?<=\b\w) (?=\w\b)", "", text.rstrip(":").strip()).casefold()
    return (
        words in MEETING_KIND_WORDS
        or "dagsorden" in words
        or words.endswith(("indhold", "indholdsfortegnelse", "punkter"))
    )


def without_word_processor_lists(lines: list[Line], chosen: list[Heading]) -> list[Heading]:
    """Where items carry typed numbers ("49. Godkendelse …" in a heading), a line whose number
    the word processor or browser generated (a Word list, an HTML ``<ol>``) is a list inside an
    item — the recommendation's "1. …", "2. …" — not an item of its own.

    Example:
        >>> from referat.extract.structure.heading_lines import match_heading
        >>> texts = [("49. Godkendelse af dagsorden", None), ("50. Budget", None), ("2. Udvalget sørger for", "2.")]
        >>> lines = [Line(text, 1, list_label=label) for text, label in texts]
        >>> headings = [match_heading(line) for line in lines]
        >>> for index, heading in enumerate(headings):
        ...     heading.index = index
        >>> [h.number for h in without_word_processor_lists(lines, headings)]
        ['49', '50']
    """
    typed = [h for h in chosen if not lines[h.index].list_label]
    if len(typed) >= 2 and len(typed) < len(chosen):
        return typed
    return chosen


# "Ad 1.", "ad pkt. 3", "Ad. 5": minutes that answer the agenda point by point.
_ANSWERS_POINT = re.compile(r"^\s*ad\.?\s*(?:pkt\.?\s*|punkt\s*)?(?P<number>\d{1,3})\b[.):]?\s*", re.I)


def titles_from_agenda_list(lines: list[Line], candidates: list[Heading]) -> None:
    """An "Ad 1." line answers the agenda list's point 1: its title is the entry's, and the
    words after the number on its line ("Ad 1. Kim blev valgt som dirigent.", or the next
    line's, where the line has nothing after its number) are the item's first minutes. The
    entry is one of a list (an item's own heading is no list entry: "Ad 1." in its decision
    answers the item's own points)."""
    listed = [h for run in _tight_runs(lines, candidates, ("dotted", "bare")) for h in run if h.title]
    entries: dict[str, list[Heading]] = {}
    for heading in candidates:
        answer = _ANSWERS_POINT.match(lines[heading.index].text)
        if answer is None:
            if not absent_from(heading, listed):
                entries.setdefault(heading.number, []).append(heading)
            continue
        same_number = entries.get(heading.number, [])
        # (an "Ad 1. Velkomst" line prints its title itself; the minutes may run on after it,
        # "Ad 3. Nyt fra formanden Orientering Formanden fortalte …": cut at the list's title
        # where a capitalised word follows it)
        if same_number and same_words(same_number[0].title.casefold(), heading.title.casefold()):
            listed_words, words = same_number[0].title.split(), heading.title.split()
            if len(words) > len(listed_words) and words[len(listed_words)][:1].isupper():
                heading.title = " ".join(words[: len(listed_words)])
                heading.rest = " ".join([*words[len(listed_words) :], heading.rest]).strip()
            continue
        if not same_number or any(same_words(e.title.casefold(), heading.title.casefold()) for e in same_number):
            continue
        heading.title, heading.consumed = same_number[0].title, 1
        heading.rest = lines[heading.index].text[answer.end() :].strip()


def titles_repeating_a_list(lines: list[Line], chosen: list[Heading]) -> list[Heading]:
    """An agenda list ("1. Regnskab", "2. Sommerudflugt" …) whose titles the document prints
    again further on, unnumbered and set apart (a heading, bold type) over each point's text:
    the items begin at those titles, and the list is the meeting's agenda."""
    gaps = [later.index - earlier.index for earlier, later in zip(chosen, chosen[1:], strict=False)]
    if len(chosen) < 2 or max(gaps) > 2:
        return chosen
    moved: list[Heading] = []
    position = chosen[-1].index + 1
    for heading in chosen:
        key = heading.title.strip().rstrip(".:").lower()
        found = next(
            (
                index
                for index in range(position, len(lines))
                if lines[index].text.strip().rstrip(".:").lower() == key
                and (lines[index].bold or (lines[index].style or "").startswith("Heading"))
                and not lines[index].list_label
            ),
            None,
        )
        if found is None or not key:
            return chosen
        moved.append(replace(heading, index=found, consumed=1, rest=""))
        position = found + 1
    return moved
