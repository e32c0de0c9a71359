"""Pass 1 of the agenda grammar: which lines are item headings, decided over the whole
document. What one line says on its own is ``heading_lines``; here the numbering style,
the evidence that confirms a numbered line (type, Word numbering, a section heading or case
number under it, an agenda list announcing it, an access line), the runs 1, 2, 3 … that
plain text and web pages leave as the only evidence. Which numbered lines are lists rather
than items (agenda lists, lists in prose, a section's own list) is ``listings``.
"""

from __future__ import annotations

import bisect
from collections import Counter

from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.structure.access_marks import ACCESS_LINE, access_of
from referat.extract.structure.ad_items import ANSWERING_POINT, ad_lettered_items
from referat.extract.structure.heading_candidates import heading_candidates
from referat.extract.structure.heading_lines import (
    SUBITEM_HEADING,
    Heading,
    absent_from,
    leading_section,
    match_heading,
    number_of,
    number_span,
    section_kind,
)
from referat.extract.structure.listings import (
    announcements,
    contents_lists,
    continues_list_beside_heading,
    in_prose_list,
    in_section_list,
    titles_from_agenda_list,
    titles_repeating_a_list,
    unrepeated_entries,
    without_word_processor_lists,
)
from referat.extract.structure.lowercase_titles import lowercase_titles_in_gaps
from referat.extract.structure.minutes_lists import minutes_after_agenda
from referat.extract.structure.not_items import lists_of_sentences, references_beside_numbered_items
from referat.extract.structure.unnumbered import (
    bulleted_headings,
    colon_topics,
    inside_one_lettered_item,
    lettered_items,
    stopped_titles,
    styled_titles,
    time_slot_items,
    titled_rows,
    unnumbered_headings,
    untitled_case_blocks,
    untitled_items,
)
from referat.extract.vocabulary import (
    CASE_NUMBER_LABEL,
    DECIDED_BY_LABEL,
    DOCUMENT_NUMBER_LABEL,
    ITEM_COLUMN_HEADER,
)


def find_item_headings(lines: list[Line], layout: Layout) -> tuple[list[Heading], list[Heading]]:
    """The item headings of a document, in order, and the entries of its agenda list that
    no heading repeats (``listings.unrepeated_entries``).

    A document that numbers its items in a style that needs no confirmation ("Punkt 3",
    "3 (Offentlig)") has those; otherwise numbered lines are items when something confirms
    them (type, Word numbering, a section heading or case number under them, an agenda list
    that announces them, an access line) or when they carry on such items' numbering; with
    nothing numbered, title lines set apart above a section heading.
    """
    candidates = heading_candidates(lines)
    titles_from_agenda_list(lines, candidates)
    marked = _marked_by_access_lines(lines, candidates)
    # (lines that announce later ones, and those they announce: both the numbered items and
    # the listed-only entries are read from this one pairing)
    listing_pairs = announcements(lines, candidates)
    # "Lukket: 9. …" goes with any numbering style, so it never decides the style.
    styles = Counter(h.style for h in candidates if h.style in ("punkt", "access"))
    dotted_run = _longest_run([h for h in candidates if h.style == "dotted"])
    if references_beside_numbered_items(candidates, sum(styles.values()), dotted_run):
        styles = Counter()
    listing: list[Heading] = []
    if styles:
        # The document has an unambiguous item style; numbered lines are lists.
        dominant = styles.most_common(1)[0][0]
        chosen = [h for h in candidates if h.style == dominant or h.style == "closed"]
        # A contents list in the typed style ("Punkt nr. 42: …...3" then the items) is no items.
        listing = contents_lists(lines, chosen, dominant)
        chosen = [h for h in chosen if absent_from(h, listing)]
    else:
        evidence = _Evidence(lines, layout)
        chosen = _numbered_items(lines, candidates, marked, evidence, listing_pairs)
    # "1." alone with no title found after it is a list number, not an item ("52. Lukket
    # punkt" is an item whose title is withheld).
    # (nor is "6." over "a. Medlemsforslag: …": an item whose points carry the titles)
    chosen = [h for h in chosen if h.title or h.style != "dotted" or h.access == "closed" or _over_subitems(lines, h)]
    chosen = without_word_processor_lists(lines, chosen)
    chosen = titles_repeating_a_list(lines, _numbers_under_titles(lines, chosen))
    chosen = lowercase_titles_in_gaps(lines, chosen)
    chosen, agenda = minutes_after_agenda(lines, candidates, chosen)
    lettered = lettered_items(lines) if chosen else []
    if inside_one_lettered_item(lettered, chosen):
        return lettered, []
    if chosen:
        # (a contents list in the item style names the items the text leaves out as well)
        return chosen, unrepeated_entries(lines, candidates, chosen, listing_pairs[0] + listing + agenda)
    minuted_by_letter = ad_lettered_items(lines)
    if minuted_by_letter is not None:
        return minuted_by_letter
    return (
        lettered_items(lines)
        or bulleted_headings(lines)
        or time_slot_items(lines)
        or colon_topics(lines)
        or unnumbered_headings(lines)
        or stopped_titles(lines)
        or untitled_case_blocks(lines)
        or untitled_items(lines)
        or styled_titles(lines)
        or titled_rows(lines)
    ), []


def _over_subitems(lines: list[Line], heading: Heading) -> bool:
    below = lines[heading.index + 1].text.strip() if heading.index + 1 < len(lines) else ""
    lettered = SUBITEM_HEADING.match(below)
    return lettered is not None and lettered.group("letter") in ("a", "A")


def _numbers_under_titles(lines: list[Line], chosen: list[Heading]) -> list[Heading]:
    """Numbered lines in plain type that all stand under titles the document sets apart (bold
    lines or a heading style, more of them than the numbers: "Forretningsorden - Ansvarlig
    (…)" / "Ad 2. Forretningsordenen blev godkendt."), are references to the points inside
    them; the titles head the items."""
    if not chosen or any(lines[h.index].bold or (lines[h.index].style or "").startswith("Heading") for h in chosen):
        return chosen
    titled = styled_titles(lines)
    if len(titled) > len(chosen) and all(h.index > titled[0].index for h in chosen):
        return titled
    return chosen


class _Evidence:
    """What confirms a numbered line as an item: the table of contents, the body text size."""

    def __init__(self, lines: list[Line], layout: Layout) -> None:
        self.lines = lines
        self.toc_numbers = {entry.number for entry in layout.toc if entry.number}
        self.body_size = _body_font_size(lines)

    def confirms(self, heading: Heading) -> bool:
        """A "7. Titel" line is an item only with evidence: the TOC lists it, Word numbered it
        as a heading, it is set bold or larger than the body text, it answers its agenda
        point ("Ad 1."), or a case number or a section heading follows right under it. A
        numbered list in prose has none of these."""
        return (
            heading.number in self.toc_numbers
            or self.set_as_heading(heading)
            # "Ad 1.    Per Nielsen valgt til dirigent …": the minutes of point 1
            or bool(ANSWERING_POINT.match(self.lines[heading.index].text.strip()))
            or _confirmed_below(self.lines, heading)
        )

    def set_as_heading(self, heading: Heading) -> bool:
        """Type or Word numbering sets the line apart as a heading (not the lines after it)."""
        return self.set_apart_by_type(heading) or bool(self.lines[heading.index].list_label)

    def set_apart_by_type(self, heading: Heading) -> bool:
        """Bold, a larger size or a heading style: type alone sets the line apart."""
        line = self.lines[heading.index]
        larger = bool(self.body_size and line.font_size and line.font_size > self.body_size + 0.5)
        return line.bold or larger or (line.style or "").lower().startswith("heading")


def _numbered_items(
    lines: list[Line],
    candidates: list[Heading],
    marked: list[Heading],
    evidence: _Evidence,
    listing_pairs: tuple[list[Heading], list[Heading]],
) -> list[Heading]:
    confirmed = [h for h in candidates if h.style == "closed" or (h.style == "dotted" and evidence.confirms(h))]
    announcing, announced = listing_pairs
    bare = [h for h in candidates if h.style == "bare"]
    candidates, set_as_headings = _vouched_bare_headings(candidates, announced, marked, evidence)
    unvouched = [h for h in bare if absent_from(h, candidates)]
    confirmed = _including(confirmed, [h for h in marked + set_as_headings if h.style == "dotted"])
    confirmed = _including([h for h in confirmed if absent_from(h, announcing)], announced)
    in_lists = [h for h in candidates if in_prose_list(lines, h, candidates)]
    in_section_lists = [h for h in candidates if in_section_list(lines, h, candidates)]
    prose_entries = lists_of_sentences(in_lists)
    candidates = [h for h in candidates if absent_from(h, announcing) and absent_from(h, in_lists)]
    # A numbered line in a section's own list counts as an item only when set as a heading
    # (bold, larger, Word heading numbering): "Bilag" / "1. Notat …" is a list even when a
    # Beslutning heading follows it.
    items_so_far = [h for h in confirmed if absent_from(h, in_section_lists)]
    confirmed = [
        h
        for h in confirmed
        if not continues_list_beside_heading(lines, h)
        and (
            absent_from(h, in_section_lists)
            or evidence.set_as_heading(h)
            or _carries_items_on_after_a_list(lines, h, items_so_far)
        )
        # (a list of sentences a sentence introduces, "… disse 4 særlige fokusområder:" / "1.
        # Ungeområdet, fordi …", stays a list though a web page's <ol> numbers it: only type
        # sets its lines apart)
        and (absent_from(h, prose_entries) or evidence.set_apart_by_type(h))
    ]
    chosen = _extend_by_numbering(candidates, sorted(confirmed, key=lambda h: h.index))
    return _first_without_its_stop(unvouched, chosen) + chosen


def _first_without_its_stop(bare: list[Heading], chosen: list[Heading]) -> list[Heading]:
    """ "1 Indledning (19.00)" over "2. Fokuspunkt (19.15)", "3. …": the first item's number
    printed without its stop, the only numbered line before items that begin at 2."""
    first = chosen[0] if chosen else None
    if first is None or number_of(first) != 2 or first.style != "dotted":
        return []
    before = [h for h in bare if h.index < first.index]
    if not before or number_of(before[-1]) != 1 or not before[-1].title:
        return []
    before[-1].style = "dotted"
    return [before[-1]]


def _carries_items_on_after_a_list(lines: list[Line], heading: Heading, items: list[Heading]) -> bool:
    """ "Bilag" / "1. Brev …" / "2. Afgørelse …" / (blank) / "3. Godkendelse af …" /
    "Beslutningstema": the line after the list carries the items' numbering on (item 2 came
    before it), stands apart and has a section heading right under it: the next item."""
    before = max((h for h in items if h.index < heading.index), key=lambda h: h.index, default=None)
    below = lines[heading.index + 1].text if heading.index + 1 < len(lines) else ""
    return (
        before is not None
        and number_of(before) == (number_of(heading) or 0) - 1
        and lines[heading.index].blank_before
        and section_kind(below) is not None
    )


def _vouched_bare_headings(
    candidates: list[Heading], announced: list[Heading], marked: list[Heading], evidence: _Evidence
) -> tuple[list[Heading], list[Heading]]:
    """Candidates without the bare "1 Titel" lines nothing vouches for, and those set as headings."""
    # A bare "1 Titel" is an item only when announced, under an access line, or set as a
    # heading (bold or larger type, a Word list number, a section heading under it).
    set_as_headings = [h for h in candidates if h.style == "bare" and evidence.confirms(h)]
    # (a number alone on its line may be a page number: type or an access line must vouch for it)
    counted = _spaced_run([h for h in candidates if h.style == "bare" and h.consumed == 1])
    # (under a table's column header "Punkt Titel": a row of the item table)
    under_header = [h for h in candidates if h.style == "bare" and h.index and _under_column_header(evidence.lines, h)]
    vouched = {id(h) for h in announced + marked + set_as_headings + counted + under_header}
    # "25 Køb af ejendom" right above a vouched "26 Salg af grund …": counting up to it.
    following: Heading | None = None
    for heading in reversed([h for h in candidates if h.style == "bare"]):
        if id(heading) in vouched:
            following = heading
        elif (
            following is not None
            and number_of(heading) == (number_of(following) or 0) - 1
            and following.index - heading.index <= 3
        ):
            vouched.add(id(heading))
            following = heading
    kept = [h for h in candidates if h.style != "bare" or id(h) in vouched]
    for heading in kept:
        if heading.style == "bare":
            heading.style = "dotted"
    return kept, set_as_headings


def _under_column_header(lines: list[Line], heading: Heading) -> bool:
    return bool(ITEM_COLUMN_HEADER.match(lines[heading.index - 1].text.strip()))


def _including(headings: list[Heading], more: list[Heading]) -> list[Heading]:
    return headings + [h for h in more if absent_from(h, headings)]


def _marked_by_access_lines(lines: list[Line], candidates: list[Heading]) -> list[Heading]:
    """Headings under or over an access line ("Åbent punkt", "Lukket punkt"): the line says
    their access."""
    marked = []
    for heading in candidates:
        above = lines[heading.index - 1].text.strip() if heading.index else ""
        below_at = heading.index + heading.consumed
        below = lines[below_at].text.strip() if below_at < len(lines) else ""
        match = ACCESS_LINE.match(above) or ACCESS_LINE.match(below)
        if match:
            if heading.access == "public":
                heading.access = access_of(match.group("word"))
            marked.append(heading)
    return marked


def _last_number(heading: Heading) -> int | None:
    """The last number a heading covers: 8 for "3-8", else its number."""
    span = number_span(heading.number)
    return span[1] if span else None


def _extend_by_numbering(candidates: list[Heading], confirmed: list[Heading]) -> list[Heading]:
    """Numbered lines without evidence of their own are items when the numbering says so.

    Where some item headings are confirmed, an unconfirmed "N. Titel" is an item when it
    carries on their numbering (the item before it is N-1, the next confirmed one comes
    after N): "1." bold, "2." plain, "3." bold. Where none is (plain text, a web page),
    the items are the longest run of numbered lines counting 1, 2, 3 … with text between
    them: a numbered list inside an item is shorter, or starts again at 1 inside the run.
    """
    numbered = [h for h in candidates if h.style == "dotted" and number_of(h) is not None]
    if not any(h.style == "dotted" for h in confirmed):
        run = max(_longest_run(numbered), _flat_numbering(numbered), key=len)
        return sorted(confirmed + run + _runs_beside(numbered, run), key=lambda h: h.index)
    accepted = {id(h) for h in confirmed}
    chosen = list(confirmed)
    sequence = sorted((h for h in confirmed if number_of(h) is not None), key=lambda h: h.index)
    positions = [h.index for h in sequence]
    for at, heading in enumerate(numbered):
        if id(heading) in accepted or _continues_a_list_inside(numbered[at - 1] if at else None, heading, accepted):
            continue
        if _carries_on(sequence, positions, heading):
            at = bisect.bisect(positions, heading.index)
            sequence.insert(at, heading)
            positions.insert(at, heading.index)
            accepted.add(id(heading))
            chosen.append(heading)
    chosen += _leading_up_to(numbered, sequence, accepted)
    return sorted(chosen, key=lambda h: h.index)


def _continues_a_list_inside(previous: Heading | None, heading: Heading, accepted: set[int]) -> bool:
    """The numbered line just before ``heading`` is one less and no item: ``heading`` carries
    on that list (" 1. Orientering om …" / " 2. …" under an item's Sagsfremstilling), not the
    items' numbering, though the item before the list is numbered one less too."""
    return (
        previous is not None
        and id(previous) not in accepted
        and _last_number(previous) == (number_of(heading) or 0) - 1
    )


def _text_under_each(run: list[Heading]) -> bool:
    """Text between each heading and the next: on lines of their own, or on the heading
    line after the title (``Heading.rest``)."""
    return all(b.index - a.index >= 2 or a.rest for a, b in zip(run, run[1:], strict=False))


def _runs_beside(numbered: list[Heading], run: list[Heading]) -> list[Heading]:
    """Other runs counting 1, 2, 3 … wholly before or after the chosen one, with text under
    each heading: a Word list that restarted its numbering ("1. 2. 3." and again "1. 2. 3.").
    A list inside an item lies between the run's headings and is never one of them."""
    if len(run) < 2:
        return []
    found: list[Heading] = []
    for part in ([h for h in numbered if h.index < run[0].index], [h for h in numbered if h.index > run[-1].index]):
        other = _longest_run(part)
        if len(other) >= 2 and number_of(other[0]) == 1 and _text_under_each(other):
            found += other
    return found


def _leading_up_to(numbered: list[Heading], sequence: list[Heading], accepted: set[int]) -> list[Heading]:
    """Unconfirmed "1. …", "2. …" before a confirmed "3. …" (items with nothing under them
    in an agenda, a first item with no section heading): counting down to the first item."""
    if not sequence:
        return []
    first = sequence[0]
    found = []
    for heading in reversed([h for h in numbered if h.index < first.index and id(h) not in accepted]):
        if number_of(heading) == (number_of(first) or 0) - 1:
            found.append(heading)
            first = heading
    return found


def _carries_on(sequence: list[Heading], positions: list[int], heading: Heading) -> bool:
    """The item before ``heading`` is numbered one less, and the next one more."""
    at = bisect.bisect(positions, heading.index)
    number = number_of(heading) or 0
    before = sequence[at - 1] if at else None
    after = sequence[at] if at < len(sequence) else None
    return (
        before is not None
        and _last_number(before) == number - 1
        and (after is None or (number_of(after) or 0) > (_last_number(heading) or number))
    )


def _spaced_run(bare: list[Heading]) -> list[Heading]:
    """Bare "1 Titel" lines that count 1, 2, 3 … with text under each (a parish council's
    minutes: "1 Godkendelse af dagsorden" / "Godkendt" / "2 …"): three at least."""
    # (titles, not sentences: footnotes "1 Jf. politisk aftale om …" also count 1, 2, 3)
    run = _longest_run([h for h in bare if len(h.title) <= 90 and not h.title.endswith((",", "."))])
    spaced = all(b.index - a.index >= 2 for a, b in zip(run, run[1:], strict=False))
    return run if len(run) >= 3 and spaced else []


def _flat_numbering(numbered: list[Heading]) -> list[Heading]:
    """A web page or Word export that lost its list numbers prints every item as "1."
    (Birkeparken's and Brøndby Vester's minutes): numbered lines that all say 1, with text
    between them, are the items, numbered as printed."""
    numbered = [h for h in numbered if h.title]  # (" 2. " alone: an empty entry of the broken list)
    ones = [h for h in numbered if h.number.lstrip("0") == "1"]
    spaced = _text_under_each(ones)
    # (an agenda's entries may stand with nothing between them: five at least, then)
    if len(ones) < 2 or not (spaced or len(ones) >= 5):
        return []
    if len(ones) == len(numbered):
        return ones
    # The numbers come back for the last entries ("1." … "1.", "10.", "11.", "12."): a run
    # counting up after the last "1.", and the list is still the items.
    rest = [h for h in numbered if h.number.lstrip("0") != "1"]
    counting = all(number_of(b) == (number_of(a) or 0) + 1 for a, b in zip(rest, rest[1:], strict=False))
    if len(ones) >= 3 and rest[0].index > ones[-1].index and counting:
        return ones + rest
    # A list inside one item counts on from its own "1." ("1. Godkendelse af referat" /
    # "1. Nogle mente …" / "2. …" / "3. …" / "1. Konstituering"): the list, opener and all,
    # is that item's text.
    opener = max((h for h in ones if h.index < rest[0].index), key=lambda h: h.index, default=None)
    after = [h for h in ones if opener is not None and h.index > opener.index]
    inside = opener is not None and after and all(h.index < after[0].index for h in rest)
    if len(ones) >= 4 and counting and number_of(rest[0]) == 2 and inside:
        return [h for h in ones if h is not opener]
    return []


def _longest_run(numbered: list[Heading]) -> list[Heading]:
    """The longest run of headings numbered n, n+1, n+2 … in document order (at least two);
    between runs of the same length, the one with more text between its headings (the
    items, not the agenda list above them)."""
    best_run: list[int] = [1] * len(numbered)
    previous: list[int | None] = [None] * len(numbered)
    # The longest run so far that ends in each number (linear: documents may hold thousands of numbered lines).
    longest_ending_in: dict[int, int] = {}
    for i, heading in enumerate(numbered):
        number, last = number_of(heading) or 0, _last_number(heading) or 0
        j = longest_ending_in.get(number - 1)
        if j is not None:
            best_run[i], previous[i] = best_run[j] + 1, j
        current = longest_ending_in.get(last)
        if current is None or best_run[i] >= best_run[current]:
            longest_ending_in[last] = i
    ends = [i for i in range(len(numbered)) if best_run[i] >= 2]
    if not ends:
        return []

    def run_of(end: int) -> list[Heading]:
        run: list[Heading] = []
        at: int | None = end
        while at is not None:
            run.append(numbered[at])
            at = previous[at]
        return run[::-1]

    runs = [run_of(end) for end in ends]
    return max(runs, key=lambda run: (len(run), run[-1].index - run[0].index))


def _body_font_size(lines: list[Line]) -> float | None:
    sizes = Counter(line.font_size for line in lines if line.font_size)
    return sizes.most_common(1)[0][0] if sizes else None


def _confirmed_below(lines: list[Line], heading: Heading) -> bool:
    """A case number or a section heading right under the numbered line (before the next)."""
    for following in lines[heading.index + 1 : heading.index + 4]:
        text = following.text
        if CASE_NUMBER_LABEL.match(text) or DECIDED_BY_LABEL.match(text) or DOCUMENT_NUMBER_LABEL.match(text):
            return True
        if section_kind(text) or leading_section(text):
            return True
        if match_heading(following):
            break
    return False
