"""Score extracted Documents against hand-checked gold, field by field (GROBID-style).

Every field is reduced to a multiset of keyed facts, e.g. ``(meeting 0, item "5/a",
kind "minutes")``; precision, recall and F1 count facts. Text facts match *exactly*
after whitespace, dash and quote normalisation, or *fuzzily* (rapidfuzz ratio ≥ 90 on
case-folded text). A fact in the gold file's ``null`` is not counted for either side,
except in the per-meeting "right" counts where null == null is right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

FUZZY_THRESHOLD = 90

MEETING_FIELDS = ("kind", "body", "organisation", "title", "date", "start_time", "location")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "’": "'", "‘": "'", "”": '"', "“": '"', "\u00a0": " "})


def normalise(text: str | None) -> str:
    """Whitespace, dashes and quotes made uniform.

    Example:
        >>> normalise(" KL’s  proces – nu ")
        "KL's proces - nu"
    """
    if text is None:
        return ""
    return " ".join(str(text).translate(_DASHES).split())


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FieldScore:
    exact: Tally = field(default_factory=Tally)
    fuzzy: Tally = field(default_factory=Tally)

    def add(self, other: FieldScore) -> None:
        self.exact.add(other.exact)
        self.fuzzy.add(other.fuzzy)


@dataclass
class Report:
    fields: dict[str, FieldScore] = field(default_factory=dict)
    meetings_right: Counter = field(default_factory=Counter)  # "date" -> right count
    meetings_total: int = 0
    files: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)

    def field(self, name: str) -> FieldScore:
        return self.fields.setdefault(name, FieldScore())

    def add(self, other: Report) -> None:
        for name, score in other.fields.items():
            self.field(name).add(score)
        self.meetings_right.update(other.meetings_right)
        self.meetings_total += other.meetings_total
        self.files.extend(other.files)
        self.mismatches.extend(other.mismatches)


def _match_facts(gold: list[tuple], predicted: list[tuple], fuzzy: bool) -> Tally:
    """Greedy one-to-one matching of (key, text) facts; keys must be equal."""
    remaining = list(predicted)
    tally = Tally()
    for key, text in gold:
        hit = None
        for position, (p_key, p_text) in enumerate(remaining):
            if p_key != key:
                continue
            if normalise(p_text) == normalise(text) or (
                fuzzy and fuzz.ratio(normalise(p_text).casefold(), normalise(text).casefold()) >= FUZZY_THRESHOLD
            ):
                hit = position
                break
        if hit is None:
            tally.fn += 1
        else:
            tally.tp += 1
            remaining.pop(hit)
    tally.fp = len(remaining)
    return tally


def _score_facts(report: Report, name: str, gold: list[tuple], predicted: list[tuple], label: str) -> None:
    score = FieldScore(exact=_match_facts(gold, predicted, False), fuzzy=_match_facts(gold, predicted, True))
    report.field(name).add(score)
    if score.fuzzy.fn or score.fuzzy.fp:
        missing = [f for f in gold if not _match_facts([f], predicted, True).tp]
        extra = [f for f in predicted if not _match_facts([f], gold, True).tp]
        for fact in missing[:25]:
            report.mismatches.append(f"{label} {name}: missing {fact}")
        for fact in extra[:25]:
            report.mismatches.append(f"{label} {name}: extra   {fact}")


def _walk_items(items: list[dict], prefix: str = "") -> Iterable[tuple[str, dict]]:
    for item in items:
        path = f"{prefix}{item.get('number', '')}"
        yield path, item
        yield from _walk_items(item.get("subitems", []) or [], path + "/")


# One scored fact: (field name, key, value). A value of None, "" or [] is no fact.
Fact = tuple[str, Any, Any]


def _listed(record: dict, name: str) -> list:
    """A list field of a meeting or item; absent or null is empty."""
    return record.get(name, []) or []


def _meeting_facts(meeting: dict, m: int) -> Iterator[Fact]:
    """The meeting's own fields and case numbers, keyed by the (gold) meeting index."""
    for name in MEETING_FIELDS:
        yield f"meeting.{name}", m, meeting.get(name)
    for number in _listed(meeting, "case_numbers"):
        yield "meeting.case_numbers", m, number


def _participant_facts(meeting: dict, m: int) -> Iterator[Fact]:
    """Each participant's name, and party and status keyed by that name."""
    for person in _listed(meeting, "participants"):
        yield "participants.name", m, person.get("name")
        yield "participants.party+status", (m, person.get("name")), f"{person.get('party')}|{person.get('status')}"


def _item_field_facts(item: dict, key: tuple) -> Iterator[Fact]:
    """Number and title, access, case numbers, case officer and attachments of one item."""
    yield "item.number+title", key, item.get("title") if item.get("title") else "<no title>"
    yield "item.access", key, item.get("access")
    for number in _listed(item, "case_numbers"):
        yield "item.case_numbers", key, number
    yield "item.responsible", key, item.get("responsible")
    for ref in _listed(item, "attachments"):
        yield "item.attachments", key, ref.get("title")


def _section_facts(item: dict, key: tuple) -> Iterator[Fact]:
    for section in _listed(item, "sections"):
        yield "section.kind", key, section.get("kind")


def _recommendation_facts(item: dict, key: tuple) -> Iterator[Fact]:
    for text in _listed(item, "recommendations"):
        yield "recommendations", key, text


def _decision_facts(item: dict, key: tuple) -> Iterator[Fact]:
    for decision in _listed(item, "decisions"):
        yield "decisions.text", key, decision.get("text")
        yield "decisions.outcome", key, decision.get("outcome") or "null"


def _statement_facts(item: dict, key: tuple) -> Iterator[Fact]:
    """Statement text and verb, keyed by (meeting, item path, actor), and the actor of
    each statement in its item (``statements.actor``: its precision is how many of the
    actors named are right, whatever the text's bounds)."""
    for statement in _listed(item, "statements"):
        yield "statements.actor", key, statement.get("actor")
        yield "statements", (*key, statement.get("actor")), statement.get("text")
        yield "statements.verb", (*key, statement.get("actor")), statement.get("verb")


def _date_facts(item: dict, key: tuple) -> Iterator[Fact]:
    for mention in _listed(item, "dates"):
        yield "dates.start+end", key, f"{mention.get('start')}..{mention.get('end')}"
        yield "dates.kind", (key, mention.get("start"), mention.get("end")), mention.get("kind")


def _amount_facts(item: dict, key: tuple) -> Iterator[Fact]:
    for amount in _listed(item, "amounts"):
        value = f"{float(amount.get('value')):.2f}"
        yield "amounts.value", key, value
        yield "amounts.qualifier+year", (key, value), f"{amount.get('qualifier')}|{amount.get('year')}"


def _position_facts(item: dict, key: tuple) -> Iterator[Fact]:
    for position in _listed(item, "positions"):
        yield "positions", key, f"{position.get('actor')}|{position.get('stance')}"


def _entity_facts(item: dict, key: tuple) -> Iterator[Fact]:
    for entity in _listed(item, "entities"):
        yield f"entities.{entity.get('label')}", key, entity.get("canonical") or entity.get("text")


def _document_attachment_facts(document: dict) -> Iterator[Fact]:
    for attachment in _listed(document, "attachments"):
        yield "document.attachments", "doc", attachment.get("title") or "<untitled>"


# The field extractors: each turns one meeting, or one item keyed (meeting, item path), into facts.
MEETING_EXTRACTORS: tuple[Callable[[dict, int], Iterator[Fact]], ...] = (_meeting_facts, _participant_facts)
ITEM_EXTRACTORS: tuple[Callable[[dict, tuple], Iterator[Fact]], ...] = (
    _item_field_facts,
    _section_facts,
    _recommendation_facts,
    _decision_facts,
    _statement_facts,
    _date_facts,
    _amount_facts,
    _position_facts,
    _entity_facts,
)


@dataclass
class _Facts:
    """Gold (side 0) and predicted (side 1) facts by field name, and the items on which
    the gold declares each item field."""

    by_name: dict[str, tuple[list, list]] = field(default_factory=dict)
    declared: dict[str, set] = field(default_factory=dict)

    def add(self, side: int, facts: Iterable[Fact]) -> None:
        for name, key, value in facts:
            if value in (None, "", []):
                continue
            self.by_name.setdefault(name, ([], []))[side].append((key, value))

    def declare_meeting(self, meeting: dict, m: int) -> None:
        """Note which meeting fields a gold meeting annotates (a parish book's gold leaves
        the organisation out: nothing is scored there)."""
        for name in MEETING_FIELDS:
            if name in meeting:
                self.declared.setdefault(f"meeting.{name}", set()).add(m)

    def declare(self, item: dict, key: tuple) -> None:
        """Note which item fields and enrichment fields a gold item annotates."""
        for name in ENRICHMENT_FIELDS + tuple(ITEM_FIELD_KEYS.values()):
            if name in item:
                self.declared.setdefault(name, set()).add(key)


def _collect_facts(gold: dict, predicted: dict, aligned: dict[int, int]) -> _Facts:
    """Every fact of both sides. Facts are keyed by the gold meeting they belong to: a
    predicted meeting counts as the gold meeting it is aligned with, so one missed or extra
    meeting does not shift all the meetings after it."""
    facts = _Facts()
    for side, meetings in ((0, gold.get("meetings", [])), (1, predicted.get("meetings", []))):
        for index, meeting in enumerate(meetings):
            m = index if side == 0 else aligned.get(index, -1 - index)
            for meeting_extractor in MEETING_EXTRACTORS:
                facts.add(side, meeting_extractor(meeting, m))
            if side == 0:
                facts.declare_meeting(meeting, m)
            for path, item in _walk_items(_listed(meeting, "items")):
                key = (m, path)
                for item_extractor in ITEM_EXTRACTORS:
                    facts.add(side, item_extractor(item, key))
                if side == 0:
                    # Item fields and enrichment: scored only on items whose gold declares them.
                    facts.declare(item, key)
    if "attachments" in gold:
        for side, document in ((0, gold), (1, predicted)):
            facts.add(side, _document_attachment_facts(document))
    return facts


def _declaring_field(name: str) -> str | None:
    """The item key a gold item must have for fact field ``name`` to be scored on it
    (None: scored on every item)."""
    if name in ITEM_FIELD_KEYS:
        # Gold files may annotate some fields only (the parish books: number and title).
        return ITEM_FIELD_KEYS[name]
    root = name.split(".")[0]
    return root if root in ENRICHMENT_FIELDS else None


def _keep_declared(facts: _Facts) -> None:
    """Drop predicted item facts on items whose gold does not declare that field, and
    predicted meeting fields on gold meetings that leave the field out."""
    for name, (gold_facts, predicted_facts) in facts.by_name.items():
        if name in {f"meeting.{field_name}" for field_name in MEETING_FIELDS}:
            # (a predicted meeting aligned with no gold meeting keeps its facts: they are extra)
            meetings_declared = facts.declared.get(name, set())
            facts.by_name[name] = (
                gold_facts,
                [f for f in predicted_facts if f[0] < 0 or f[0] in meetings_declared],
            )
            continue
        item_key = _declaring_field(name)
        if item_key is not None:
            items_declared = facts.declared.get(item_key, set())
            facts.by_name[name] = (gold_facts, [f for f in predicted_facts if _item_key(f[0]) in items_declared])


def _count_meetings_right(
    report: Report, gold_meetings: list[dict], predicted_meetings: list[dict], aligned: dict[int, int]
) -> None:
    """Date, body and kind right per gold meeting (null == null is right)."""
    report.meetings_total = len(gold_meetings)
    predicted_for = {g: p for p, g in aligned.items()}
    for m, meeting in enumerate(gold_meetings):
        other = predicted_meetings[predicted_for[m]] if m in predicted_for else {}
        for name in ("date", "body", "kind"):
            if name in meeting and normalise(meeting.get(name)) == normalise(other.get(name)):
                report.meetings_right[name] += 1


def score_document(gold: dict, predicted: dict, label: str = "") -> Report:
    """Compare one predicted Document (as a dict) with one gold ``document`` dict.

    Example:
        >>> gold = {"meetings": [{"date": "2024-03-01", "items": [{"number": "1", "title": "Budget"}]}]}
        >>> predicted = {"meetings": [{"date": "2024-03-01", "items": [{"number": "1", "title": "Budget 2025"}]}]}
        >>> report = score_document(gold, predicted)
        >>> report.field("item.number+title").exact.fn, report.meetings_right["date"]
        (1, 1)
    """
    report = Report(files=[label])
    gold_meetings = gold.get("meetings", [])
    predicted_meetings = predicted.get("meetings", [])
    aligned = align_meetings(gold_meetings, predicted_meetings)
    facts = _collect_facts(gold, predicted, aligned)
    _keep_declared(facts)
    # A field the gold file leaves out entirely is not scored.
    gold_has = {name for name, (g, _) in facts.by_name.items() if g}
    for name, (gold_facts, predicted_facts) in sorted(facts.by_name.items()):
        if name.startswith("meeting.") or name in gold_has or _gold_declares(gold, name):
            _score_facts(report, name, gold_facts, predicted_facts, label)
    _count_meetings_right(report, gold_meetings, predicted_meetings, aligned)
    return report


def _meeting_likeness(gold: dict, predicted: dict) -> float:
    """How alike two meetings are, for alignment: any pair may align (0.5), more so with
    the same date (+3) or body (+1), and by the share of gold item titles predicted."""
    score = 0.5
    if gold.get("date") and gold.get("date") == predicted.get("date"):
        score += 3
    if gold.get("body") and normalise(gold.get("body")) == normalise(predicted.get("body")):
        score += 1
    gold_titles = {normalise(item.get("title")) for item in gold.get("items", []) or []}
    if gold_titles:
        predicted_titles = {normalise(item.get("title")) for item in predicted.get("items", []) or []}
        score += len(gold_titles & predicted_titles) / len(gold_titles)
    return score


def align_meetings(gold: list[dict], predicted: list[dict]) -> dict[int, int]:
    """Predicted meeting index → gold meeting index, in order (an edit-distance alignment
    that maximises :func:`_meeting_likeness`); unaligned predicted meetings are left out.

    Example:
        >>> gold = [{"date": "1943-01-11"}, {"date": "1943-02-02"}, {"date": "1943-02-19"}]
        >>> align_meetings(gold, [{"date": "1943-01-11"}, {"date": "1943-02-05"}, {"date": "1943-02-19"}])
        {0: 0, 1: 1, 2: 2}
        >>> align_meetings(gold, [{"date": "1943-01-11"}, {"date": "1943-02-19"}])
        {0: 0, 1: 2}
    """
    rows, columns = len(gold), len(predicted)
    best = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for g in range(rows - 1, -1, -1):
        for p in range(columns - 1, -1, -1):
            best[g][p] = max(
                best[g + 1][p], best[g][p + 1], _meeting_likeness(gold[g], predicted[p]) + best[g + 1][p + 1]
            )
    aligned: dict[int, int] = {}
    g = p = 0
    while g < rows and p < columns:
        if best[g][p] == _meeting_likeness(gold[g], predicted[p]) + best[g + 1][p + 1]:
            aligned[p] = g
            g, p = g + 1, p + 1
        elif best[g][p] == best[g + 1][p]:
            g += 1
        else:
            p += 1
    return aligned


ENRICHMENT_FIELDS = ("statements", "dates", "amounts", "positions", "entities")
# Scored field → the item key a gold item must have for that field to be scored there.
ITEM_FIELD_KEYS = {
    "item.access": "access",
    "item.case_numbers": "case_numbers",
    "item.responsible": "responsible",
    "section.kind": "sections",
    "recommendations": "recommendations",
    "decisions.text": "decisions",
    "decisions.outcome": "decisions",
    "item.attachments": "attachments",
}


def _item_key(key: Any) -> tuple:
    """(meeting, item path) from any enrichment fact key."""
    if isinstance(key, tuple) and len(key) == 3 and isinstance(key[0], int):
        return key[:2]  # (m, path, actor)
    if isinstance(key, tuple) and key and isinstance(key[0], tuple):
        return key[0]  # ((m, path), ...)
    return key


def _gold_declares(gold: dict, name: str) -> bool:
    # An empty list in gold is a claim ("no items") and is scored; a missing key is not.
    if (
        name.startswith("item.")
        or name.startswith("section.")
        or name in ("recommendations",)
        or name.startswith("decisions")
    ):
        return any("items" in meeting for meeting in gold.get("meetings", []))
    if name.startswith("participants"):
        return any("participants" in meeting for meeting in gold.get("meetings", []))
    if name == "document.attachments":
        return "attachments" in gold
    if name.split(".")[0] in ENRICHMENT_FIELDS:
        return any(
            field_name in item
            for meeting in gold.get("meetings", [])
            for _, item in _walk_items(meeting.get("items", []) or [])
            for field_name in ENRICHMENT_FIELDS
            if name.startswith(field_name)
        )
    return False


def format_report(report: Report) -> str:
    """The per-field table that ``referat eval`` prints."""
    lines = [
        f"{'field':28} {'gold':>5} {'pred':>5} | {'P':>5} {'R':>5} {'F1':>5} exact | {'P':>5} {'R':>5} {'F1':>5} fuzzy"
    ]
    for name in sorted(report.fields):
        score = report.fields[name]
        e, f = score.exact, score.fuzzy
        lines.append(
            f"{name:28} {f.tp + f.fn:5d} {f.tp + f.fp:5d} | {e.precision:5.3f} {e.recall:5.3f} {e.f1:5.3f}       | "
            f"{f.precision:5.3f} {f.recall:5.3f} {f.f1:5.3f}"
        )
    if report.meetings_total:
        right = ", ".join(
            f"{name} {report.meetings_right[name]}/{report.meetings_total}" for name in ("date", "body", "kind")
        )
        lines.append(f"meetings right (null == null counts): {right}")
    return "\n".join(lines)


def report_as_dict(report: Report) -> dict:
    return {
        "files": report.files,
        "fields": {
            name: {
                kind: {
                    "tp": t.tp,
                    "fp": t.fp,
                    "fn": t.fn,
                    "precision": round(t.precision, 4),
                    "recall": round(t.recall, 4),
                    "f1": round(t.f1, 4),
                }
                for kind, t in (("exact", s.exact), ("fuzzy", s.fuzzy))
            }
            for name, s in sorted(report.fields.items())
        },
        "meetings_right": dict(report.meetings_right),
        "meetings_total": report.meetings_total,
    }
