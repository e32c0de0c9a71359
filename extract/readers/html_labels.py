"""A paragraph that opens with its title in bold: "<b>Økonomi:</b> Kassereren gennemgik regnskabet."."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from referat.extract.vocabulary import (
    ABSENCE_LABELS,
    CASE_NUMBER_LABEL,
    DOCUMENT_NUMBER_LABEL,
    HEADER_LABELS,
    PARTICIPANT_HEADINGS,
)


class Run(Protocol):
    text: str
    bold: bool


# An item's fields, printed "Label: value" on one line ("Status: Lukket", "Ansvarlig: Formanden").
ITEM_FIELD_LABELS = ("status", "ansvarlig", "sagsbehandler", "kompetence", "bilag", "tidsramme", "behandlingsform")


def bold_label(runs: Sequence[Run]) -> str | None:
    """A paragraph's opening bold title ending in a colon (or followed by a dash), with plain
    text after it on the same line ("<b>Økonomi:</b> Kassereren gennemgik regnskabet."); a
    header's or a list's label ("Dato:", "Afbud:") stays on the line with its value."""
    lead = []
    for index, run in enumerate(runs):
        if run.bold or not run.text.strip():
            lead.append(run.text)
            continue
        label = " ".join("".join(lead).split())
        key = label.rstrip(":").strip().lower()
        rest = "".join(other.text for other in runs[index:]).strip()
        # "<b>Drift</b> – pumpe 2 er skiftet.": a dash after the title serves as its colon
        dashed = rest[:1] in ("–", "-") and not label.endswith(":")
        # (not a number's label, "Punkt 1:", whose title follows it)
        shaped = 3 <= len(label) <= 80 and label[0].isupper() and (label.endswith(":") or dashed)
        shaped = shaped and ":" not in label[:-1]
        shaped = shaped and not any(character.isdigit() for character in label)
        known = (
            key in HEADER_LABELS
            or key in PARTICIPANT_HEADINGS
            or key in ABSENCE_LABELS
            or key in ITEM_FIELD_LABELS
            or CASE_NUMBER_LABEL.match(label)
            or DOCUMENT_NUMBER_LABEL.match(label)
        )
        return label if shaped and rest and not known else None
    return None
