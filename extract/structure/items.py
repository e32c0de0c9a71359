"""Pass 3 of the agenda grammar: an item's lines become its metadata, sections, sub-items
and unheaded text; each section is then read by its kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from referat.extract.pages import Line
from referat.extract.section_words import SECTION_HEADINGS
from referat.extract.structure.access_marks import ACCESS_LINE, access_in_fields, access_of
from referat.extract.structure.attachments import BILAG_LINE, attachment_refs
from referat.extract.structure.decisions import classify_outcome, decision_text
from referat.extract.structure.heading_lines import (
    LEADING_BULLET,
    PART_LABEL,
    SUBITEM_HEADING,
    SUBITEM_MARKER,
    Heading,
    is_structural,
    leading_section,
    match_heading,
    section_kind,
)
from referat.extract.structure.item_fields import case_number_after_title, take_item_metadata
from referat.extract.structure.recommendations import split_recommendations
from referat.extract.structure.result import LinePages, pages_of
from referat.extract.structure.segment import ItemDraft
from referat.extract.structure.subitem_numbers import (
    DECIMAL_SUBITEM,
    LETTERED_SUBITEM,
    SET_APART_LETTER,
    is_next_letter,
    letter_follows,
    nested_point,
    next_decimal,
    points_of_text,
)
from referat.extract.structure.titles import minutes_after_title
from referat.extract.vocabulary import (
    ABSENCE_LABELS,
    CLOSED_PART,
    DECISION_HEADING,
    OPEN_PART,
    TITLE_CONTINUES_AFTER,
)
from referat.models import AttachmentRef, Decision, Item, Section


def build_item(draft: ItemDraft, line_pages: LinePages) -> Item:
    """An item from its heading and the lines under it: metadata first (case number,
    responsible person), then sections, sub-items and the text under no heading."""
    heading = draft.heading
    title, case_number = case_number_after_title(heading.title)
    item = Item(
        number=heading.number,
        title=title,
        case_numbers=[case_number] if case_number else [],
        access=heading.access,
        pages=pages_of(draft.lines) if draft.lines else (draft.heading_page, draft.heading_page),
    )
    meta_done = False
    body: list[Line] = []
    last = max((position for position, line in enumerate(draft.lines) if line.text.strip()), default=-1)
    for position, line in enumerate(draft.lines):
        text = line.text.strip()
        if PART_LABEL.match(text):
            continue  # "Lukket referat" between the open and the closed items
        if position == last and meta_done and ACCESS_LINE.fullmatch(text):
            continue  # "Lukket" / "Åben" over the next item's heading: that item's access
        if not meta_done:
            group = _LETTERED_GROUP.match(text)
            label = group.group("label") if group else ""
            if CLOSED_PART.match(label) or OPEN_PART.match(label):
                # "E. Lukkede sager" repeated under the heading: the group it stands in
                if CLOSED_PART.match(label):
                    item.access = "closed"
                continue
            field_access, field_case = access_in_fields(text)
            if field_access == "closed":  # "… | Lukket", "Status: Lukket", "Lukket - 82.02.00-…"
                item.access = "closed"
            if field_case and field_case not in item.case_numbers:
                item.case_numbers.append(field_case)
            consumed = take_item_metadata(item, text, draft.lines, position) or field_access is not None
            if consumed:
                continue
            marker = ACCESS_LINE.fullmatch(text)
            if marker:  # "Lukket sag" on the line under the heading (Rødovre)
                if access_of(marker.group("word")) == "closed":
                    item.access = "closed"
                continue
            if section_kind(text) or SUBITEM_HEADING.match(text) or len(text) > 60:
                meta_done = True
            elif _looks_like_person(text) and item.responsible is None and position < 4:
                item.responsible = text
                continue
            else:
                meta_done = True
        body.append(line)
    reader = _ItemBody(item, body, heading)
    reader.read()
    reader.finish(line_pages)
    return item


# A lettered group of the agenda ("E. Lukkede sager"); the part words say its items' access.
_LETTERED_GROUP = re.compile(r"^[A-H]\.\s+(?P<label>\S.*)$")


def _looks_like_person(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if any(word.lower() in SECTION_HEADINGS for word in words):
        return False
    return all(re.fullmatch(r"[A-ZÆØÅ][a-zæøåéü'’]+(?:-[A-ZÆØÅ][a-zæøåéü'’]+)*", word) for word in words)


@dataclass(eq=False)
class SectionDraft:
    """A section while its item is being read: its heading line and the lines under it."""

    kind: str
    heading: str
    page: int
    lines: list[Line] = field(default_factory=list)


class _ItemBody:
    """Reads an item's body line by line into its sections, sub-items and unheaded text.

    New sections go to the item or, after a sub-item heading ("a) …"), to that sub-item,
    until a bare marker restating a sub-item ("a)") or a section about several sub-items
    hands them back to the item (gold/README.md).
    """

    def __init__(self, item: Item, body: list[Line], heading: Heading) -> None:
        self.item = item
        self.body = body
        self.heading = heading
        self.current: SectionDraft | None = None
        self.sections: list[SectionDraft] = []
        self.subitems: list[Item] = []
        self.subitem_sections: list[list[SectionDraft]] = []  # draft sections of each sub-item, in order
        self.subitem_text: dict[int, list[Line]] = {}
        self.target = self.sections  # where new sections go: the item or its last sub-item
        self.last_letter = ""
        self.preamble: list[Line] = []
        self.skip: set[int] = set()

    def read(self) -> None:
        # (an agenda's nested points of this item, answered in the minutes: its sub-items,
        # and the minutes under the item's heading its own text)
        for line in self.heading.points:
            self._inner_list_point(line, line.text.strip(), self.heading.points, from_agenda=True)
        self.target, self.current = self.sections, None
        for line in self.body:
            if id(line) in self.skip:
                continue
            text = line.text.strip()
            if (
                self._starts_subitem(line, text)
                or self._restates_marker(line, text)
                or self._starts_section(line, text)
            ):
                continue
            self._add_text(line, text)

    def _in_subitem(self) -> bool:
        return self.target is not self.sections

    def _starts_subitem(self, line: Line, text: str) -> bool:
        if self._inner_list_point(line, text):
            return True
        decimal = DECIMAL_SUBITEM.match(text)
        if decimal and decimal.group("item") == self.item.number:
            return self._open_subitem(line, decimal.group("number"), decimal.group("title"), f"{self.item.number}.")
        # "3. Aktuelle drøftelser" / "3a. Redigering af pjecen": the item's number with the
        # sub-item's letter, right under a heading with no minutes of its own (a point "5a" added
        # after an item with text is an item of its own)
        own = LETTERED_SUBITEM.match(text)
        first = not self.heading.rest and bool(self.body) and line is self.body[0]
        letter = (own.group("letter") or own.group("dotted")) if own else ""
        if (
            own
            and own.group("item") == self.item.number
            and (first or self.last_letter)
            and is_next_letter(self.last_letter[-1:], letter)
        ):
            return self._open_subitem(line, own.group("printed").strip(" |.)"), own.group("title"))
        spaced = SET_APART_LETTER.match(text) if line.bold or (line.style or "").startswith("Heading") else None
        if spaced and letter_follows(self.last_letter, spaced.group("letter")):
            # "a Kollektiv forsikring:" set bold: a letter and a space, no stop (and a point
            # left out of the count: "d Fælleshuset:" then "g Generalforsamling:")
            return self._open_subitem(line, spaced.group("letter"), spaced.group("title"))
        sub = SUBITEM_HEADING.match(text)
        if not (
            sub
            and is_next_letter(self.last_letter, sub.group("letter"))
            and not _in_recommendation_list(self.current, text)
        ):
            return False
        if sub.group("letter").isupper() and not self._capital_subitem(line, text, sub.group("letter")):
            return False
        if not self.last_letter and points_of_text([other.text for other in self.body[self.body.index(line) :]]):
            return False
        return self._open_subitem(line, sub.group("letter"), sub.group("title"))

    def _inner_list_point(
        self, line: Line, text: str, lines: tuple[Line, ...] | list[Line] = (), from_agenda: bool = False
    ) -> bool:
        """A point of a word processor's or web page's inner list level (``nested_point``);
        ``from_agenda``: the agenda's point, read before the answer under the heading."""
        if self.current is not None:
            return False
        own_text = not from_agenda and bool(self.preamble or self.heading.rest)
        point = nested_point(line, text, self.last_letter, self._in_subitem(), own_text, lines or self.body)
        if point is None:
            return False
        number, title = point
        return True if not title else self._open_subitem(line, number, title)

    def _open_subitem(self, line: Line, number: str, printed_title: str, prefix: str = "") -> bool:
        """A sub-item from its heading line: "b) Title" or "2.1 Title" (``prefix`` "2.")."""
        if prefix and number != f"{prefix}{next_decimal(self.last_letter, prefix)}":
            return False  # "2.3" after "2.1": not the numbering of sub-items
        # "a) Medlemsfolder: er under udvikling. …": the minutes on the sub-item's line, or in
        # the row's next cells ("Formanden | Der er kommet invitation …")
        title_cell, _, cells = printed_title.partition(" | ")
        title, minutes = minutes_after_title(" ".join(title_cell.split()))
        minutes = " ".join(filter(None, [minutes, *(cell.strip() for cell in cells.split(" | "))]))
        if len(title) >= 150:
            return False
        self.last_letter = number
        subitem = Item(number=self.last_letter, title=title, pages=(line.page, line.page))
        if minutes:
            self.subitem_text[id(subitem)] = [line.with_text(minutes)]
        elif any(other is line for other in self.body):  # (an agenda's nested point is one line)
            wrapped_title_lines = _subitem_title_continuation(self.body, self.body.index(line), title)
            if wrapped_title_lines:
                subitem.title = " ".join([title] + [wrapped.text.strip() for wrapped in wrapped_title_lines])
                self.skip.update(id(wrapped) for wrapped in wrapped_title_lines)
        self.subitems.append(subitem)
        self.subitem_sections.append([])
        self.target = self.subitem_sections[-1]
        self.current = None
        return True

    def _capital_subitem(self, line: Line, text: str, letter: str) -> bool:
        """ "A. Børge Hansen Cup" / "B. Midler til …" under an item: sub-items. Not "A.
        Forslaget godkendes." in an Indstilling (a clause), nor a lone "A. Sager til
        afgørelse i byrådet" (the group the item belongs to): "A" needs its "B"."""
        if self.current is not None or text.endswith((".", ",")):
            return False
        if letter != "A":
            return True
        for other in self.body[self.body.index(line) + 1 :]:
            sub = SUBITEM_HEADING.match(other.text.strip())
            if sub and sub.group("letter") == "B":
                return True
            if section_kind(other.text):
                return False  # (Odense's "B. Sager til afgørelse i udvalget" after a Beslutning: the next group)
        return False

    def _restates_marker(self, line: Line, text: str) -> bool:
        marker = SUBITEM_MARKER.match(text)
        if not (marker and self.subitems and marker.group("letter") <= self.last_letter):
            return False
        # "a)" alone restating a sub-item inside minutes after the last sub-item:
        # the section belongs to the parent item (gold/README.md).
        if self.current is not None and self._in_subitem() and any(d is self.current for d in self.target):
            self.target.remove(self.current)
            self.sections.append(self.current)
            self.target = self.sections
        if self.current is not None:
            self.current.lines.append(line)
        return True

    def _starts_section(self, line: Line, text: str) -> bool:
        kind = section_kind(text)
        beside = leading_section(text) if not kind else None
        if beside is not None:
            # "Baggrund | Der er …": the heading in a left column, its text beside it.
            kind, heading, rest = beside
            self.current = SectionDraft(kind=kind, heading=heading, page=line.page)
            self.target.append(self.current)
            self.current.lines.append(line.with_text(rest))
            return True
        if not kind:
            return False
        if self.current is not None and self.current.kind == "decision" and _absence_label(text):
            return False  # "Beslutning …:" / "Fraværende:" / "Godkendt." (Slagelse): the decision's own field
        decision = DECISION_HEADING.match(text.rstrip(":"))
        destination = self.target
        own_item = decision and (decision.group("item") or decision.group("item3"))
        if own_item and own_item == self.heading.number:
            destination = self.sections  # "… beslutning den … Punkt 1" is item 1's own
        heading = LEADING_BULLET.sub("", text)  # "• Resume": the bullet is no part of the heading
        self.current = SectionDraft(
            kind=kind, heading=heading.rstrip(":") if kind != "decision" else heading, page=line.page
        )
        destination.append(self.current)
        return True

    def _add_text(self, line: Line, text: str) -> None:
        bilag = BILAG_LINE.match(text)
        if bilag:
            owner = self.subitems[-1] if self._in_subitem() and self.subitems else self.item
            owner.attachments.append(AttachmentRef(label=bilag.group("label"), title=bilag.group("title")))
        if self.current is not None:
            self.current.lines.append(line)
        elif self.subitems and self._in_subitem():
            self.subitems[-1].pages = (self.subitems[-1].pages[0], line.page)
            self.subitem_text.setdefault(id(self.subitems[-1]), []).append(line)
        else:
            self.preamble.append(line)

    def finish(self, line_pages: LinePages) -> None:
        _return_parent_sections(self.subitem_sections, self.sections)
        for subitem, drafts in zip(self.subitems, self.subitem_sections, strict=True):
            _apply_sections(subitem, drafts, line_pages)
            own = self.subitem_text.get(id(subitem), [])
            if own:
                subitem.text = "\n".join(line.text for line in own)
                line_pages.record(subitem, own)
        _apply_sections(self.item, self.sections, line_pages)
        self.item.subitems = self.subitems
        if self.preamble:
            # Text under no heading (seed 002's items have nothing else): kept, not dropped.
            self.item.text = "\n".join(line.text for line in self.preamble)
            line_pages.record(self.item, self.preamble)
            if not self.item.recommendations and all(draft.kind != "recommendation" for draft in self.sections):
                self.item.recommendations.extend(_recommendation_in_text(self.preamble))


# "Ad a) Godkendt. Ad b) …", "som beskrevet under a) og b)": text about several sub-items.
_LETTER_REFERENCE = re.compile(r"(?:^|[\s(])(?:[Aa]d\s+)?([a-hA-H])\)")


def _return_parent_sections(subitem_sections: list[list[SectionDraft]], parent_sections: list[SectionDraft]) -> None:
    """A section after the last sub-item whose text speaks of several sub-items
    ("Ad a) … Ad b) …") is the parent's, and so is every section after it."""
    if len(subitem_sections) < 2:
        return
    last = subitem_sections[-1]
    for position, draft in enumerate(last):
        text = "\n".join(line.text for line in draft.lines)
        letters = set(_LETTER_REFERENCE.findall(text))
        if len(letters) >= 2:
            parent_sections.extend(last[position:])
            del last[position:]
            return


def _subitem_title_continuation(body: list[Line], position: int, title: str) -> list[Line]:
    """Lines continuing a wrapped sub-item title: lower-case start, or after "og", "i" …"""
    taken: list[Line] = []
    current = title
    for following in body[position + 1 : position + 3]:
        text = following.text.strip()
        if not text or is_structural(text) or match_heading(following) is not None or len(text) > 100:
            break
        last_word = current.split()[-1].lower() if current.split() else ""
        if text[0].islower() or last_word in TITLE_CONTINUES_AFTER:
            taken.append(following)
            current = f"{current} {text}"
            continue
        break
    return taken


def _in_recommendation_list(section: SectionDraft | None, text: str) -> bool:
    # "a) at udvalget godkender …" inside an Indstilling is a clause, not a sub-item.
    return (
        section is not None
        and section.kind == "recommendation"
        and bool(re.match(r"^(?:[-–•]\s*)?[a-z][.)]\s+at\s", text))
    )


def _absence_label(text: str) -> bool:
    return text.strip().rstrip(":").strip().lower() in ABSENCE_LABELS


def _apply_sections(item: Item, drafts: list[SectionDraft], line_pages: LinePages) -> None:
    """Turn draft sections into the item's sections, and read each by its kind:
    recommendations, a decision and its outcome, attachment lists."""
    for draft in drafts:
        lines = draft.lines
        pages = (draft.page, lines[-1].page if lines else draft.page)
        section = Section(
            kind=draft.kind, heading=draft.heading, text="\n".join(line.text for line in lines), pages=pages
        )
        line_pages.record(section, lines)
        item.sections.append(section)
        if draft.kind == "recommendation":
            item.recommendations.extend(split_recommendations(lines))
        elif draft.kind == "decision":
            decided = decision_text(lines)
            if decided:
                item.decisions.append(Decision(text=decided, outcome=classify_outcome(decided)))
        elif draft.kind == "attachments":
            for ref in attachment_refs(lines):
                if all(ref.title != existing.title for existing in item.attachments):
                    item.attachments.append(ref)
    if not any(draft.kind == "recommendation" for draft in drafts):
        for draft in drafts:
            if draft.kind in ("summary", "background", "other") and not item.recommendations:
                item.recommendations.extend(_recommendation_in_text(draft.lines))
    all_pages = [p for s in item.sections for p in s.pages] + list(item.pages)
    item.pages = (min(all_pages), max(all_pages))


# "Forretningsudvalget indstiller," / "at …": a recommendation written into a Resume or a
# Sagsfremstilling, under no Indstilling heading of its own (Region Midtjylland).
_RECOMMENDING_LINE = re.compile(
    r"^[A-ZÆØÅ][^.:]{0,100}\b(?:indstiller|indstilles|foreslår)(?:\s+til\s+[^.,]+)?,?(?:\s+at)?:?$"
)


# "• at …", "- at …": the clauses set as a bulleted list.
_AT_CLAUSE_BULLET = re.compile(r"^[-–•·▪●◦*]\s*")


def _recommendation_in_text(lines: list[Line]) -> list[str]:
    for position, line in enumerate(lines[:-1]):
        if not _RECOMMENDING_LINE.match(line.text.strip()):
            continue
        clause_lines = [line]
        for following in lines[position + 1 :]:
            text = _AT_CLAUSE_BULLET.sub("", following.text.strip())
            if not text.startswith("at ") and clause_lines[-1].text.rstrip().endswith("."):
                break
            clause_lines.append(following)
        if len(clause_lines) >= 2 and _AT_CLAUSE_BULLET.sub("", clause_lines[1].text.strip()).startswith("at "):
            return split_recommendations(clause_lines)
    for line in lines:
        # "… forretningsorden. Indstilling Administrationen indstiller, at udkastet … godkendes."
        # (a transcript's run-on text: the recommendation inside the line, its clause after it)
        inline = _INLINE_RECOMMENDING.search(line.text)
        if inline:
            return split_recommendations([line.with_text(line.text[inline.start("intro") :])])
    return []


# "Det indstilles, at …", "Centerchefen indstiller, at …" inside a line of text, after a
# sentence or a heading word.
_INLINE_RECOMMENDING = re.compile(
    r"(?:^|[.:]\s+|\b(?i:indstilling)\s+)(?P<intro>(?:Det\s+indstilles|[A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå-]+){0,3}?\s+indstiller)"
    r"(?:\s+til\s+[^.,]{1,60})?,?\s+at\s+\S)"
)
