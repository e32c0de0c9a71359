"""Personal data in extracted text: CPR numbers are redacted, e-mail addresses and phone
numbers are kept but reported.

A CPR number is ddmmyy-xxxx (or without the dash) whose first six digits are a real
date; the modulus-11 check is not required since 2007, so it is not used. Case numbers
such as "2011-29298" or "12/27845" do not have that shape.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from pydantic import BaseModel

CPR = re.compile(r"(?<![\d-])(?P<day>[0-3]\d)(?P<month>[01]\d)(?P<year>\d\d)-?(?P<serial>\d{4})(?![\d-])")
# Bounded parts (RFC 5321 limits) keep the search linear on long runs of word characters.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")
# Danish phone numbers: "+45 72 22 74 00", "72 22 74 00", "7222 7400", "tlf. 44773500".
PHONE = re.compile(r"(?<![\d-])(?:\+45\s?)?(?:\d{2}\s?\d{2}\s?\d{2}\s?\d{2}|\d{4}\s\d{4})(?![\d-])")
REDACTED = "[CPR-nummer fjernet]"


def is_cpr(match: re.Match) -> bool:
    """Do the six first digits form a date (the century does not matter for that)?"""
    day, month, year = int(match.group("day")), int(match.group("month")), int(match.group("year"))
    for century in (1900, 2000):
        try:
            datetime.date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def redact_cpr(text: str) -> tuple[str, int]:
    """Replace every CPR number in ``text``; return the text and how many were replaced.

    Example:
        >>> redact_cpr("Borger med cpr 010203-1234 og sag 2011-29298")
        ('Borger med cpr [CPR-nummer fjernet] og sag 2011-29298', 1)
    """
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        if not is_cpr(match):
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
        redacted += sum(1 for match in CPR.finditer(value) if is_cpr(match))
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
