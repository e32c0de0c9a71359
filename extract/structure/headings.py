"""Pass 1 of the agenda grammar: which lines are item headings, decided over the whole
document. What one line says on its own is ``heading_lines``; here the numbering style,
the evidence that confirms a numbered line (type, Word numbering, a section heading or case
number under it, an agenda list announcing it, an access line), the runs 1, 2, 3 … that
plain text and web pages leave as the only evidence, and lists that are not items (agenda
lists, lists in prose, a section's own list).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.structure.heading_lines import (
    ACCESS_LINE,
    Heading,
    access_of,
    is_structural,
    join_title,
    leading_section,
    match_heading,
    minutes_after_title,
    section_kind,
    title_and_access,
)
from referat.extract.vocabulary import (
    CASE_NUMBER_LABEL,
    DECIDED_BY_LABEL,
    DOCUMENT_NUMBER_LABEL,
    MEETING_KIND_WORDS,
    PARTICIPANT_HEADINGS,
)


def find_item_headings(lines: list[Line], layout: Layout) -> list[Heading]:
    """The item headings of a document, in order.

    A document that numbers its items in a style that needs no confirmation ("Punkt 3",
    "3 (Offentlig)") has those; otherwise numbered lines are items when something confirms
    them (type, Word numbering, a section heading or case number under them, an agenda list
    that announces them, an access line) or when they carry on such items' numbering; with
    nothing numbered, title lines set apart above a section heading.
    """
    candidates = _candidates(lines)
    marked = _marked_by_access_lines(lines, candidates)
    # "Lukket: 9. …" goes with any numbering style, so it never decides the style.
    styles = Counter(h.style for h in candidates if h.style in ("punkt", "access"))
    if styles:
        # The document has an unambiguous item style; numbered lines are lists.
        dominant = styles.most_common(1)[0][0]
        chosen = [h for h in candidates if h.style == dominant or h.style == "closed"]
        # A contents list in the typed style ("Punkt nr. 42: …...3" then the items) is no items.
        listing = _contents_lists(lines, chosen, dominant)
        chosen = [h for h in chosen if _absent(h, listing)]
    else:
        evidence = _Evidence(lines, layout)
        chosen = _numbered_items(lines, candidates, marked, evidence)
    # "1." alone with no title found after it is a list number, not an item.
    chosen = [h for h in chosen if h.title or h.style != "dotted"]
    return (
        chosen
        or _lettered_items(lines)
        or _unnumbered_headings(lines)
        or _untitled_case_blocks(lines)
        or _one_untitled_item(lines)
    )


# "A. Godkendelse af referat" / "B. Debatpunkter" (an association's board minutes).
_LETTERED = re.compile(r"^(?P<letter>[A-H])[.)]\s+(?P<title>[A-ZÆØÅ][\wæøå].*)$")


def _lettered_items(lines: list[Line]) -> list[Heading]:
    """Where nothing is numbered, items lettered A, B, C … with text under each."""
    found: list[Heading] = []
    for index, line in enumerate(lines):
        match = _LETTERED.match(line.text.strip())
        expected = chr(ord("A") + len(found))
        if match and match.group("letter") == expected and (not found or index - found[-1].index >= 2):
            title = " ".join(match.group("title").split())
            found.append(Heading(index=index, number=expected, title=title, access="public", style="lettered"))
    return found if len(found) >= 2 else []


def _one_untitled_item(lines: list[Line]) -> list[Heading]:
    """A page that prints one item's sections but not its title (Ishøj's, København's web
    minutes): the text from its first section heading on is one item, untitled; a
    recommendation or decision heading among at least two section headings says it is one."""
    # ("Referat" or "Dagsorden" at the top is the document's kind, not a section)
    at = [
        index
        for index, line in enumerate(lines)
        if section_kind(line.text) and line.text.strip().lower().rstrip(":") not in MEETING_KIND_WORDS
    ]
    kinds = {section_kind(lines[index].text) for index in at}
    if len(at) >= 2 and kinds & {"recommendation", "decision"}:
        return [Heading(index=at[0], number="", title="", access="public", style="untitled", consumed=0)]
    return []


def _untitled_case_blocks(lines: list[Line]) -> list[Heading]:
    """Web pages that print no item titles in their text (Aabenraa, Kolding, Halsnæs): each
    block starts at its case number line ("Sagsnr.: 19/7724", "Sagsid.: 18/44, …") with a
    section heading right under it. The items get an empty number and title, and the case
    number line stays in the item, where it is read as the case number."""
    found = []
    for index, line in enumerate(lines[:-1]):
        below = lines[index + 1 : index + 3]
        if CASE_NUMBER_LABEL.match(line.text.strip()) and any(section_kind(b.text) for b in below):
            found.append(Heading(index=index, number="", title="", access="public", style="untitled", consumed=0))
    return found


# A contents line: a dot leader and a page number ("Godkendelse af dagsorden ......... 3").
_CONTENTS_LINE = re.compile(r"(?:\.{3,}|…+|\s\.\s\.\s\.)\s*\d{1,4}\s*$")


def _candidates(lines: list[Line]) -> list[Heading]:
    """Every line that reads as an item heading, its title joined across wrapped lines; a
    line Word numbered at an inner list level is not one where the outer level numbers items."""
    outer = min((line.list_level for line in lines if line.list_level is not None), default=None)
    candidates = []
    for index, line in enumerate(lines):
        if line.list_level is not None and outer is not None and line.list_level > outer:
            continue  # a second-level Word list under an item: a list or sub-items, never a meeting
        heading = match_heading(line)
        if heading is not None and _CONTENTS_LINE.search(line.text) and heading.style != "punkt":
            continue  # an entry of a table of contents the layout stage did not lift
        if heading is not None:
            heading.index = index
            heading.title, heading.consumed = join_title(lines, heading)
            heading.title, heading.rest = minutes_after_title(heading.title)
            candidates.append(heading)
    return candidates


class _Evidence:
    """What confirms a numbered line as an item: the table of contents, the body text size."""

    def __init__(self, lines: list[Line], layout: Layout) -> None:
        self.lines = lines
        self.toc_numbers = {entry.number for entry in layout.toc if entry.number}
        self.body_size = _body_font_size(lines)

    def confirms(self, heading: Heading) -> bool:
        return _confirmed_dotted(self.lines, heading, self.toc_numbers, self.body_size)

    def set_as_heading(self, heading: Heading) -> bool:
        """Type or Word numbering sets the line apart as a heading (not the lines after it)."""
        line = self.lines[heading.index]
        larger = bool(self.body_size and line.font_size and line.font_size > self.body_size + 0.5)
        return line.bold or larger or bool(line.list_label) or (line.style or "").lower().startswith("heading")


def _numbered_items(
    lines: list[Line], candidates: list[Heading], marked: list[Heading], evidence: _Evidence
) -> list[Heading]:
    confirmed = [h for h in candidates if h.style == "closed" or (h.style == "dotted" and evidence.confirms(h))]
    announcing, announced = _announcements(candidates)
    candidates, set_as_headings = _vouched_bare_headings(candidates, announced, marked, evidence)
    confirmed = _including(confirmed, [h for h in marked + set_as_headings if h.style == "dotted"])
    confirmed = _including([h for h in confirmed if _absent(h, announcing)], announced)
    in_lists = [h for h in candidates if _in_prose_list(lines, h, candidates)]
    in_section_lists = [h for h in candidates if _in_section_list(lines, h, candidates)]
    candidates = [h for h in candidates if _absent(h, announcing) and _absent(h, in_lists)]
    # A numbered line in a section's own list counts as an item only when set as a heading
    # (bold, larger, Word heading numbering): "Bilag" / "1. Notat …" is a list even when a
    # Beslutning heading follows it.
    confirmed = [
        h
        for h in confirmed
        if not _continues_list_beside_heading(lines, h) and (_absent(h, in_section_lists) or evidence.set_as_heading(h))
    ]
    return _extend_by_numbering(candidates, sorted(confirmed, key=lambda h: h.index))


def _continues_list_beside_heading(lines: list[Line], heading: Heading) -> bool:
    """ "Vedlagte bilag | 1. Tidsplan …" then "2. Tidsplan …": the list began beside its
    section heading, so the next numbered line is its second entry, whatever follows it."""
    if not heading.index:
        return False
    beside = leading_section(lines[heading.index - 1].text.strip())
    first = re.match(r"^(\d{1,2})[.)]\s", beside[2]) if beside and beside[0] in _LISTING_SECTIONS else None
    return bool(first) and int(first.group(1)) + 1 == _number_of(heading) if first else False


def _vouched_bare_headings(
    candidates: list[Heading], announced: list[Heading], marked: list[Heading], evidence: _Evidence
) -> tuple[list[Heading], list[Heading]]:
    """Candidates without the bare "1 Titel" lines nothing vouches for, and those set as headings."""
    # A bare "1 Titel" is an item only when announced, under an access line, or set as a
    # heading (bold or larger type, a Word list number, a section heading under it).
    set_as_headings = [h for h in candidates if h.style == "bare" and evidence.confirms(h)]
    # (a number alone on its line may be a page number: type or an access line must vouch for it)
    counted = _spaced_run([h for h in candidates if h.style == "bare" and h.consumed == 1])
    vouched = {id(h) for h in announced + marked + set_as_headings + counted}
    # "25 Køb af ejendom" right above a vouched "26 Salg af grund …": counting up to it.
    following: Heading | None = None
    for heading in reversed([h for h in candidates if h.style == "bare"]):
        if id(heading) in vouched:
            following = heading
        elif (
            following is not None
            and _number_of(heading) == (_number_of(following) or 0) - 1
            and following.index - heading.index <= 3
        ):
            vouched.add(id(heading))
            following = heading
    kept = [h for h in candidates if h.style != "bare" or id(h) in vouched]
    for heading in kept:
        if heading.style == "bare":
            heading.style = "dotted"
    return kept, set_as_headings


def _absent(heading: Heading, among: list[Heading]) -> bool:
    return all(heading is not other for other in among)


def _including(headings: list[Heading], more: list[Heading]) -> list[Heading]:
    return headings + [h for h in more if _absent(h, headings)]


def _unnumbered_headings(lines: list[Line]) -> list[Heading]:
    """Where nothing is numbered (Aarhus' web minutes), an item heading is a title line set
    apart (a blank line or bold type before it) with a section heading right under it:
    "Byrådets mødeplan 2020" / "Beslutning". The items get an empty number."""
    found = []
    for index, line in enumerate(lines[:-1]):
        text = line.text.strip()
        set_apart = line.blank_before or line.bold
        below = lines[index + 1].text.strip()
        access_below = ACCESS_LINE.match(below)
        if (
            set_apart
            and 3 <= len(text) <= 150
            and text[0].isupper()
            and not text.endswith((".", ":", ";", ","))
            and not is_structural(text)
            and (section_kind(below) or access_below)
        ):
            # "Personalesag" / "Lukket punkt": an access line under the title says the access.
            title, access = title_and_access(" ".join(text.split()), "public")
            if access_below:
                access = "closed" if "closed" in (access, access_of(access_below.group("word"))) else access
            found.append(Heading(index=index, number="", title=title, access=access, style="unnumbered"))
    return found if len(found) >= 2 else []


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


def _tight_runs(candidates: list[Heading], styles: tuple[str, ...] = ("dotted",)) -> list[list[Heading]]:
    """Runs of numbered lines on consecutive lines, counting up: agenda lists and lists in prose."""
    runs: list[list[Heading]] = []
    for heading in candidates:
        if heading.style not in styles:
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and last.index == heading.index - 1 and _number_of(last) == (_number_of(heading) or 0) - 1:
            runs[-1].append(heading)
        else:
            runs.append([heading])
    return [run for run in runs if len(run) >= 2]


def _announcements(
    candidates: list[Heading], styles: tuple[str, ...] = ("dotted", "bare")
) -> tuple[list[Heading], list[Heading]]:
    """Numbered lines that announce a later one with the same number and title (an agenda
    list, a table of contents: close together), and the later ones they announce, which
    are items ("Dagsorden: 1. Valg af dirigent 2. …" and then "1: VALG AF DIRIGENT" with its text)."""
    # (a person listed twice, "1. Robert Sørensen, Ø" under "Afbud:", announces nothing)
    dotted = [h for h in candidates if h.style in styles and not _PERSON_ENTRY.fullmatch(h.title)]
    announcing: list[Heading] = []
    announced: list[Heading] = []
    for position, heading in enumerate(dotted):
        following = dotted[position + 1] if position + 1 < len(dotted) else None
        if following is None or following.index - heading.index > _LISTING_GAP:
            continue
        title = heading.title.casefold()
        later = next(
            (
                h
                for h in dotted[position + 1 :]
                if h.number == heading.number and _same_words(title, h.title.casefold()) and h not in announcing
            ),
            None,
        )
        if later is not None:
            announcing.append(heading)
            if all(later is not h for h in announced):
                announced.append(later)
    announcing = _whole_lists(candidates, announcing, styles)
    announced = [h for h in announced if _absent(h, announcing)]
    return announcing, announced


_DOT_LEADER = re.compile(r"\.{2,}\s*\d+\s*$")


def _contents_lists(lines: list[Line], headings: list[Heading], style: str) -> list[Heading]:
    """Runs of three or more headings on consecutive lines with a contents line's dot leader
    and page number ("Punkt nr. 44: Web-løsning...7"), one of which is printed again later
    with its text: a table of contents in the item style itself. (An agenda list without
    page numbers is left to ``segment.drop_agenda_lists``.)"""
    listing: list[Heading] = []
    for run in _tight_runs(headings, (style,)):
        if not any(_DOT_LEADER.search(lines[h.index].text) for h in run):
            continue
        later = [h for h in headings if h.index > run[-1].index]
        repeated = any(
            any(h.number == entry.number and _same_words(entry.title.casefold(), h.title.casefold()) for h in later)
            for entry in run
        )
        if len(run) >= 3 and repeated:
            listing += run
    return listing


def _whole_lists(candidates: list[Heading], announcing: list[Heading], styles: tuple[str, ...]) -> list[Heading]:
    """A list some of whose entries announce later headings is a table of contents as a
    whole: its other entries (items the excerpt or document leaves out) are no items either."""
    for run in _tight_runs(candidates, styles):
        if any(not _absent(h, announcing) for h in run):
            announcing = announcing + [h for h in run if _absent(h, announcing)]
    return announcing


# An agenda list's entries stand at most this many lines apart (a line or two of remarks under each).
_LISTING_GAP = 8


def _same_words(listed: str, title: str) -> bool:
    # An agenda list may shorten a title, or the heading may wrap it: compare the shorter's words.
    first, second = listed.split(), title.split()
    shorter = min(len(first), len(second))
    return shorter > 0 and first[:shorter] == second[:shorter]


# Sections whose text is often a numbered list (attachments, recommendation clauses, decision points).
_LISTING_SECTIONS = ("attachments", "recommendation", "decision")


def _in_prose_list(lines: list[Line], heading: Heading, candidates: list[Heading]) -> bool:
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


def _in_section_list(lines: list[Line], heading: Heading, candidates: list[Heading]) -> bool:
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
    numbers = {h.index: _number_of(h) for h in candidates if h.style == "dotted"}
    index = heading.index
    while index - 1 in numbers and numbers[index - 1] is not None and numbers[index - 1] == (numbers[index] or 0) - 1:
        index -= 1
    return lines[index - 1].text.strip() if index else None


def _is_listing_section(text: str) -> bool:
    # "Bilag" / "1. Høringssvar samlet": the section's own list
    beside = leading_section(text)
    return section_kind(text) in _LISTING_SECTIONS or bool(beside and beside[0] in _LISTING_SECTIONS)


def _introduces_agenda(text: str) -> bool:
    # "D A G S O R D E N:" spaced out for emphasis reads as "dagsorden"
    words = re.sub(r"(?<=\b\w) (?=\w\b)", "", text.rstrip(":").strip()).casefold()
    return (
        words in MEETING_KIND_WORDS
        or "dagsorden" in words
        or words.endswith(("indhold", "indholdsfortegnelse", "punkter"))
    )


def _number_of(heading: Heading) -> int | None:
    """An item's number, the first of a range ("3-8": "3. - 8. Valg af enkeltmandsposter")."""
    first = heading.number.split("-")[0]
    return int(first) if first.isdigit() else None


def _last_number(heading: Heading) -> int | None:
    """The last number a heading covers: 8 for "3-8", else its number."""
    last = heading.number.split("-")[-1]
    return int(last) if last.isdigit() else None


def _extend_by_numbering(candidates: list[Heading], confirmed: list[Heading]) -> list[Heading]:
    """Numbered lines without evidence of their own are items when the numbering says so.

    Where some item headings are confirmed, an unconfirmed "N. Titel" is an item when it
    carries on their numbering (the item before it is N-1, the next confirmed one comes
    after N): "1." bold, "2." plain, "3." bold. Where none is (plain text, a web page),
    the items are the longest run of numbered lines counting 1, 2, 3 … with text between
    them: a numbered list inside an item is shorter, or starts again at 1 inside the run.
    """
    numbered = [h for h in candidates if h.style == "dotted" and _number_of(h) is not None]
    if not any(h.style == "dotted" for h in confirmed):
        run = _longest_run(numbered) or _flat_numbering(numbered)
        return sorted(confirmed + run, key=lambda h: h.index)
    accepted = {id(h) for h in confirmed}
    chosen = list(confirmed)
    sequence = sorted((h for h in confirmed if _number_of(h) is not None), key=lambda h: h.index)
    positions = [h.index for h in sequence]
    for heading in numbered:
        if id(heading) not in accepted and _carries_on(sequence, positions, heading):
            at = bisect.bisect(positions, heading.index)
            sequence.insert(at, heading)
            positions.insert(at, heading.index)
            accepted.add(id(heading))
            chosen.append(heading)
    chosen += _leading_up_to(numbered, sequence, accepted)
    return sorted(chosen, key=lambda h: h.index)


def _leading_up_to(numbered: list[Heading], sequence: list[Heading], accepted: set[int]) -> list[Heading]:
    """Unconfirmed "1. …", "2. …" before a confirmed "3. …" (items with nothing under them
    in an agenda, a first item with no section heading): counting down to the first item."""
    if not sequence:
        return []
    first = sequence[0]
    found = []
    for heading in reversed([h for h in numbered if h.index < first.index and id(h) not in accepted]):
        if _number_of(heading) == (_number_of(first) or 0) - 1:
            found.append(heading)
            first = heading
    return found


def _carries_on(sequence: list[Heading], positions: list[int], heading: Heading) -> bool:
    """The item before ``heading`` is numbered one less, and the next one more."""
    at = bisect.bisect(positions, heading.index)
    number = _number_of(heading) or 0
    before = sequence[at - 1] if at else None
    after = sequence[at] if at < len(sequence) else None
    return (
        before is not None
        and _last_number(before) == number - 1
        and (after is None or (_number_of(after) or 0) > (_last_number(heading) or number))
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
    ones = [h for h in numbered if h.number.lstrip("0") == "1" and h.title]
    spaced = all(b.index - a.index >= 2 for a, b in zip(ones, ones[1:], strict=False))
    return ones if len(ones) >= 2 and len(ones) == len(numbered) and spaced else []


def _longest_run(numbered: list[Heading]) -> list[Heading]:
    """The longest run of headings numbered n, n+1, n+2 … in document order (at least two);
    between runs of the same length, the one with more text between its headings (the
    items, not the agenda list above them)."""
    best_run: list[int] = [1] * len(numbered)
    previous: list[int | None] = [None] * len(numbered)
    # The longest run so far that ends in each number (linear: documents may hold thousands of numbered lines).
    longest_ending_in: dict[int, int] = {}
    for i, heading in enumerate(numbered):
        number, last = _number_of(heading) or 0, _last_number(heading) or 0
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


def _confirmed_dotted(lines: list[Line], heading: Heading, toc_numbers: set[str], body_size: float | None) -> bool:
    """A "7. Titel" line is an item only with evidence: the TOC lists it, Word numbered it
    as a heading, it is set bold or larger than the body text, or a case number or a
    section heading follows right under it. A numbered list in prose has none of these."""
    line = lines[heading.index]
    if heading.number in toc_numbers:
        return True
    if line.list_label or (line.style or "").lower().startswith("heading"):
        return True
    if line.bold or (body_size and line.font_size and line.font_size > body_size + 0.5):
        return True
    for following in lines[heading.index + 1 : heading.index + 4]:
        text = following.text
        if CASE_NUMBER_LABEL.match(text) or DECIDED_BY_LABEL.match(text) or DOCUMENT_NUMBER_LABEL.match(text):
            return True
        if section_kind(text) or leading_section(text):
            return True
        if match_heading(following):
            break
    return False
