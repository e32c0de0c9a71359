"""Who met, read from the items when the meeting's header does not say it: the body its own
decision headings name ("Økonomiudvalgets beslutning den …"), the committee the
recommendations and decisions name most, or the body the minutes tell acting ("Menighedsrådet
godkendte …", "Landsbyrådet er positivt indstillet …"): association, parish and board
minutes often print no body in their header at all."""

from __future__ import annotations

import re
from collections import Counter

from referat.extract.body_words import DEFINITE_BODY
from referat.extract.vocabulary import DECISION_HEADING
from referat.models import Item, walk_items


def body_from_items(items: list[Item]) -> str | None:
    """The body the items name, from the surest sign to the weakest.

    Example:
        >>> from referat.models import Item
        >>> item = Item(number="2", title="Regnskab", text="Menighedsrådet godkendte det.", pages=(1, 1))
        >>> body_from_items([item])
        'Menighedsrådet'
    """
    return _body_from_decision_headings(items) or _committee_named_most(items) or _body_acting_in_minutes(items)


def deciding_body(decision_heading: re.Match[str]) -> str | None:
    """The body a DECISION_HEADING match names, from whichever of its forms matched."""
    for group in ("body", "body2", "body3", "body5", "body6", "body7"):
        if decision_heading.group(group):
            return decision_heading.group(group).strip()
    return None


def _body_from_decision_headings(items: list[Item]) -> str | None:
    """No header: the body named by its own decision headings ("…udvalgets beslutning den …")."""
    for item in items:
        for section in item.sections:
            match = DECISION_HEADING.match(section.heading)
            deciding = deciding_body(match) if match else None
            if deciding:
                return deciding
    return None


def _committee_named_most(items: list[Item]) -> str | None:
    names: Counter[str] = Counter()
    for item in items:
        for text in item.recommendations + [d.text for d in item.decisions]:
            for match in re.finditer(r"\b([A-ZÆØÅ][\w]*(?:\s?-\s?og\s+[A-ZÆØÅ]?[\w]+)?udvalget)\b", text):
                names[re.sub(r"\s+-\s*og", "- og", match.group(1))] += 1
    return names.most_common(1)[0][0] if names else None


# A body's name in its definite form opening a sentence, and the verb after it: the minutes
# telling what the meeting did ("Bestyrelsen besluttede …", "Skolebestyrelsen har drøftet …").
_ACTING_BODY = re.compile(
    rf"(?:^|(?<=[.!?:]\s))(?P<body>{DEFINITE_BODY})"
    r"\s+(?=[a-zæøå]{2,})"
)


def _body_acting_in_minutes(items: list[Item]) -> str | None:
    """The body the minutes tell acting most often."""
    names: Counter[str] = Counter()
    for item in walk_items(items):
        texts = [item.text or "", *(section.text for section in item.sections), *(d.text for d in item.decisions)]
        for text in texts:
            for match in _ACTING_BODY.finditer(text):
                names[match.group("body")] += 1
    return names.most_common(1)[0][0] if names else None
