"""An item's metadata: the case number printed after its title or on a line of its own under
the heading (with its label or alone), and the field lines that are no text of the item (a
document number, who decides, an earlier treatment)."""

from __future__ import annotations

import re

from referat.extract.pages import Line
from referat.extract.vocabulary import CASE_NUMBER, CASE_NUMBER_LABEL, DECIDED_BY_LABEL, DOCUMENT_NUMBER_LABEL
from referat.models import Item


def case_number_after_title(title: str) -> tuple[str, str | None]:
    """A case number printed in brackets after the title ("Ansøgninger til puljen
    (2018-0087413)", eDoc on kk.dk) or with its label before it belongs to the item's case
    numbers, not to its title.

    Example:
        >>> case_number_after_title("Ansøgninger til puljen (2018-0087413)")
        ('Ansøgninger til puljen', '2018-0087413')
        >>> case_number_after_title("J.nr. 78 Navneforslag")
        ('Navneforslag', '78')
    """
    # "J.nr. 329 Interessevaretagelsen …": a journal number before the title (a utility's
    # agenda); any value goes, the label says what it is
    leading = _LEADING_JOURNAL_NUMBER.match(title)
    if leading and title[leading.end() :].strip():
        return title[leading.end() :], leading.group("number")
    found = re.search(r"\s*\((?P<number>[^()]{4,40})\)$", title)
    if found and title[: found.start()].strip():
        # ("… (Sag nr. 24/100)", "… (Sagsnr.: 19/7724)": a label before the number)
        inside = found.group("number").strip()
        labelled = CASE_NUMBER_LABEL.match(inside) or re.match(r"sag\s*nr\.?\s*:?\s*(?P<value>.*)$", inside, re.I)
        number = labelled.group("value").strip() if labelled else inside
        if CASE_NUMBER.fullmatch(number):
            return title[: found.start()], number
    return title, None


_LEADING_JOURNAL_NUMBER = re.compile(
    r"^(?:J\.\s?nr|Journalnr|Sagsnr|Sag nr)\.?\s*:?\s*(?P<number>\d[\w./-]*)\s+(?=[A-ZÆØÅ])"
)


def take_item_metadata(item: Item, text: str, lines: list[Line], position: int) -> bool:
    """A metadata line under an item's heading, taken into the item: a case number with its
    label or alone, a document number, who decides, an earlier treatment. False for a line of
    text."""
    match = CASE_NUMBER_LABEL.match(text)
    if match:
        value = match.group("value").split(" | ")[0].strip(" |")  # "Sagsnr.: X | Dok.nr.: Y | Åbent"
        value = re.split(r",\s*[A-ZÆØÅ][\wæøå]*\s*:", value)[0].strip()  # "19/77, Sagsinitialer: bei"
        # a value that is no number ("J.nr.:. Sagsid.: Initialer: Åben sag Økonomiafdelingen
        # sender …", empty fields run together with the text) is text, not a case number
        plausible = bool(value) and len(value) <= 40 and any(char.isdigit() for char in value)
        if not CASE_NUMBER.findall(value) and value and not plausible and len(value) > 40:
            return False
        found = CASE_NUMBER.findall(value) or ([value.rstrip("/")] if plausible else [])
        if re.fullmatch(r"[\w./-]{4,40}", value) and found != [value]:
            found = [value]  # one token after the label is the number whole ("1-51-71-3321-08")
        if not found and position + 1 < len(lines):
            found = CASE_NUMBER.findall(lines[position + 1].text)
        for number in found:
            if number not in item.case_numbers:
                item.case_numbers.append(number)
        return True
    if CASE_NUMBER.fullmatch(text.strip(" |")):
        value = text.strip(" |")
        if value not in item.case_numbers:
            item.case_numbers.append(value)
        return True
    if DOCUMENT_NUMBER_LABEL.match(text) or DECIDED_BY_LABEL.match(text):
        return True
    # "Kommunalbestyrelsen den 30. januar 2012 Punkt 5": an earlier treatment.
    return bool(re.match(r"^.{3,80}\sden\s\d{1,2}\.\s*\w+\s\d{4}\s+Punkt\s+\d+$", text))
