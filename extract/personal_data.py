"""Personal data in extracted text: CPR numbers are redacted, e-mail addresses and phone
numbers are kept but reported.

A CPR number is ddmmyy-xxxx, written with a hyphen or a dash (with or without spaces
around it), a space or nothing between the two parts, whose birth date (the century read
from the serial's first digit, python-stdnum's ``dk.cpr``) is a real day that has passed;
the modulus-11 check is not required since 2007, so it is not used. Case numbers such as
"2011-29298" or "12/27845" do not have that shape. Some municipalities number cases
ddmmyy-yyyy ("150319-2019": the day the case opened and its year): a number after a case
label (Sagsnr., J.nr., Sag …) or whose last four digits are the year of its first six is
a case number, not a CPR number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel
from stdnum.dk import cpr
from stdnum.exceptions import ValidationError

# The separators people type between the parts: hyphen, the Unicode hyphens and dashes
# (a word processor turns "-" into "–"), the minus sign, with or without spaces; or a
# single space (no-break space too); or nothing.
_DASHES = "\\-\u2010-\u2015\u2212"
_SEPARATOR = rf"(?:[ \u00a0]?[{_DASHES}][ \u00a0]?|[ \u00a0])?"
CPR = re.compile(
    rf"(?<![\d{_DASHES}])(?P<day>[0-3]\d)(?P<month>[01]\d)(?P<year>\d\d){_SEPARATOR}(?P<serial>\d{{4}})(?![\d{_DASHES}])"
)
# A case label right before a number makes it a case number ("Sagsnr.: 150319-2019",
# "J.nr. 010203-1234", "Sag 150319-2019"); "cpr" before it is checked first and wins.
_CASE_LABEL = re.compile(
    r"(?:\bsag(?:s?nr|snummer|s\.?\s?nr)?|\bj\.?\s?nr|\bjournal(?:nr|nummer)|\bjour\.?\s?nr|\bemne(?:nr)?)"
    r"\.?\s*(?:nr\.?\s*)?:?\s*$",
    re.IGNORECASE,
)
_CPR_LABEL = re.compile(r"\b(?:cpr|personnummer|personnr)\b[^\d]{0,20}$", re.IGNORECASE)
_LABEL_WINDOW = 30
# Bounded parts (RFC 5321 limits) keep the search linear on long runs of word characters.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")
# Danish phone numbers: "+45 72 22 74 00", "72 22 74 00", "7222 7400", "tlf. 44773500".
PHONE = re.compile(r"(?<![\d-])(?:\+45\s?)?(?:\d{2}\s?\d{2}\s?\d{2}\s?\d{2}|\d{4}\s\d{4})(?![\d-])")
REDACTED = "[CPR-nummer fjernet]"


def is_cpr(match: re.Match, text: str = "") -> bool:
    """Is a CPR-shaped match (of :data:`CPR` in ``text``) a CPR number: a birth date that
    is a real, past day for the century its serial gives, and not a case number (a case
    label before it, or ddmmyy-yyyy with yyyy the year of yy)?"""
    digits = match.group("day") + match.group("month") + match.group("year") + match.group("serial")
    try:
        cpr.validate(digits)
    except ValidationError:
        return False
    before = text[max(0, match.start() - _LABEL_WINDOW) : match.start()]
    if _CPR_LABEL.search(before):
        return True
    if _CASE_LABEL.search(before):
        return False
    serial = match.group("serial")
    return not (serial[:2] in ("19", "20") and serial[2:] == match.group("year"))


def cpr_numbers(text: str) -> Iterator[re.Match]:
    """The CPR numbers in ``text`` (:func:`is_cpr`).

    Example:
        >>> [m.group() for m in cpr_numbers("010203 1234, 010203–1234, Sagsnr. 150319-2019")]
        ['010203 1234', '010203–1234']
    """
    return (match for match in CPR.finditer(text) if is_cpr(match, text))


def redact_cpr(text: str) -> tuple[str, int]:
    """Replace every CPR number in ``text``; return the text and how many were replaced.

    Example:
        >>> redact_cpr("Borger med cpr 010203-1234 og sag 2011-29298")
        ('Borger med cpr [CPR-nummer fjernet] og sag 2011-29298', 1)
    """
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        if not is_cpr(match, text):
            return match.group(0)
        count += 1
        return REDACTED

    return CPR.sub(replace, text), count


def _string_fields(model: BaseModel) -> Iterator[tuple[BaseModel, str, str]]:
    """Every string field in a model tree, as (owner, field name, value)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, str):
            yield model, name, value
        elif isinstance(value, BaseModel):
            yield from _string_fields(value)
        elif isinstance(value, (list, tuple)):
            for element in value:
                if isinstance(element, BaseModel):
                    yield from _string_fields(element)


def protect_personal_data(document: BaseModel, keep: bool = False) -> list[str]:
    """Redact CPR numbers in every text field (unless ``keep``) and return warnings that
    name what personal data the document holds.

    The source path and hash are left alone: they identify the file, not a person.
    """
    redacted = 0
    emails = phones = 0
    for owner, name, value in _string_fields(document):
        if name in ("path", "sha256", "media_type"):
            continue
        emails += len(EMAIL.findall(value)) if "@" in value else 0
        phones += len(PHONE.findall(value))
        if not keep:
            new_value, count = redact_cpr(value)
            if count:
                setattr(owner, name, new_value)
                redacted += count
            continue
        redacted += sum(1 for _ in cpr_numbers(value))
    warnings = []
    if redacted:
        warnings.append(
            f"personal data: {redacted} CPR number(s) " + ("kept (--keep-personal-data)" if keep else "redacted")
        )
    if emails:
        warnings.append(f"personal data: {emails} e-mail address(es) kept")
    if phones:
        warnings.append(f"personal data: {phones} phone number(s) kept")
    return warnings
