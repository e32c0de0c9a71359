"""The Danish words the web pages show for the archive's English codes (section kinds,
meeting kinds, decision outcomes, stances, date kinds), in one place.

The codes are the contract's (models/document.py) and the archive's passage kinds
(title, text, decision, statement, position); a code without a word here is shown as it is.
"""

from __future__ import annotations

SECTION_KINDS = {
    "summary": "Resumé",
    "recommendation": "Indstilling",
    "background": "Sagsfremstilling",
    "minutes": "Referat",
    "decision": "Beslutning",
    "economy": "Økonomi",
    "attachments": "Bilag",
    "process": "Proces",
    "communication": "Kommunikation",
    "secretariat_note": "Sekretariatets bemærkning",
    "proposal": "Forslag",
    "other": "Andet",
    "title": "Titel",
    "text": "Tekst",
    "statement": "Udtalelse",
    "position": "Holdning",
}

MEETING_KINDS = {
    "referat": "Referat",
    "dagsorden": "Dagsorden",
    "beslutningsprotokol": "Beslutningsprotokol",
    "kommissorium": "Kommissorium",
    "other": "Andet",
}

OUTCOMES = {
    "approved": "godkendt",
    "noted": "taget til efterretning",
    "rejected": "forkastet",
    "postponed": "udsat",
    "referred": "oversendt",
    "discussed": "drøftet",
}

STANCES = {
    "for": "for",
    "against": "imod",
    "reservation": "forbehold",
    "abstain": "undlod at stemme",
    "not_participating": "deltog ikke",
}

DATE_KINDS = {
    "deadline": "frist",
    "meeting": "møde",
    "event": "begivenhed",
    "period": "periode",
    "publication": "offentliggørelse",
    "other": "andet",
}

QUALIFIERS = {"approx": "ca.", "at_least": "mindst", "at_most": "højst"}

# What a facet is called on the search page, in the order it is shown.
FACET_NAMES = {
    "body": "Udvalg",
    "year": "År",
    "section": "Afsnit",
    "kind": "Mødetype",
    "decided": "Beslutning",
    "amount": "Beløb",
    "actor": "Aktør",
}

# The yes/no values of the decided and amount facets, as the page says them.
FACT_VALUES = {
    "decided": {"yes": "med beslutning", "no": "uden beslutning"},
    "amount": {"yes": "med beløb", "no": "uden beløb"},
}

ALL = {
    "section": SECTION_KINDS,
    "meeting_kind": MEETING_KINDS,
    "outcome": OUTCOMES,
    "stance": STANCES,
    "date_kind": DATE_KINDS,
    "qualifier": QUALIFIERS,
    **FACT_VALUES,
}


def facet_value(facet: str, value: str) -> str:
    """A facet's value as the search page shows it.

    Example:
        >>> facet_value("section", "decision"), facet_value("decided", "no"), facet_value("body", "Byrådet")
        ('Beslutning', 'uden beslutning', 'Byrådet')
    """
    what = {"section": "section", "kind": "meeting_kind"}.get(facet, facet)
    return danish(value, what) if what in ALL else value


def danish(code: str | None, what: str) -> str:
    """The Danish word for an archive code of kind ``what`` (a key of ALL).

    Example:
        >>> danish("background", "section"), danish("approved", "outcome"), danish("x", "section")
        ('Sagsfremstilling', 'godkendt', 'x')
    """
    if code is None:
        return ""
    return ALL[what].get(code, code)
