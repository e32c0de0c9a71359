"""Where the meeting was held: a place label, the lines after the date line, the place after
the time on it, the line under an unlabelled date line, or a sentence that says it ("Afholdt
onsdag den 24. maj 2023 kl. 17.30 i fælleshuset", "04-01-2021 kl. 19:00" / "Skype", "Mødet
afholdes i personalerummet."); cut where the text after it starts.
"""

from __future__ import annotations

import re

from referat.extract.body_words import BODY_HEAD
from referat.extract.dates import MONTHS
from referat.extract.participant_words import heading_alternation
from referat.extract.person_names import is_first_name, split_run_on_names
from referat.extract.place_words import BUILDING_WORDS, ONLINE_MEETING_WORDS, ROOM_WORDS, word_ending
from referat.extract.section_words import SECTION_HEADINGS
from referat.extract.structure.header_fields import header_date, labelled_field
from referat.extract.vocabulary import (
    CLOSED_PART,
    DECISION_HEADING,
    ENGLISH_MONTHS,
    HEADER_LABELS,
    MEETING_KIND_WORDS,
    PARTICIPANT_HEADINGS,
    TOC_HEADINGS,
    WEB_FURNITURE_LINE,
    WEEKDAYS,
)

# "… den 24. maj 2023 kl. 17.30 i fælleshuset", "Mandag den 25. september 2006, kl. 17 i
# Kommunalbestyrelsens mødesal": the place after the time (or the date) on the date line.
_PLACE_AFTER_TIME = re.compile(
    # ("kl. 19,00 i Sognegården": a comma in the clock, as typed)
    r"(?:kl\.?\s*\d{1,2}(?:[.:,]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:,]\d{2})?)?|\b\d{4}|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b)"
    r"\s*,?\s+(?-i:i|på|hos)\s+(?P<place>.{3,120})"
    # "Onsdag 24. maj 2023, Hotel Phønix kl. 17.30": between the date and the time
    r"|\b\d{4}\s*,\s+(?P<between>(?-i:[A-ZÆØÅ])[^,]{2,60}?)\s*,?\s+kl\b"
    # "… kl. 12.30 – 16.00, Mødelokale 292, 2. sal, Rådhuset": after the time and a comma
    r"|kl\.?\s*\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*,\s+(?P<after_comma>(?-i:[A-ZÆØÅ]).{2,120})"
    # a transcript that lost the clock's digits: "… 2009 Kl Regionsgården i Hillerød, …"
    r"|\bkl\s+(?:(?:i|på)\s+)?(?P<after_bare>(?-i:[A-ZÆØÅ]).{2,120})"
    # a header table's row flattened: the date, the time, the room ("… kl. 16:00 Byrådssalen
    # Tilgår pressen"): kept up to its last room, building or address word (``_room_first``)
    r"|kl\.?\s*\d{1,2}[.:]\d{2}\s+(?P<room>(?-i:[A-ZÆØÅ]).{2,120})",
    re.I,
)
_PLACE_WORD = re.compile(rf"\d|{word_ending(ROOM_WORDS + BUILDING_WORDS)}", re.I)


def _room_first(text: str) -> str | None:
    """The place a flattened header row prints right after the time: its words up to the last
    one that names a room or building or holds a number, within the first eight ("Lokale
    D116, Silkeborg Rådhus Afbud: …"); None when none does (an item's title after the time)."""
    words = text.split()[:8]
    last = max((i for i, word in enumerate(words) if _PLACE_WORD.search(word.strip(",."))), default=None)
    return " ".join(words[: last + 1]).rstrip(",") if last is not None else None


def _until_sentence_end(text: str) -> str:
    """A place up to the end of its sentence: "Tapperiet, Sdr. Badevej 1. Mødet …" keeps
    "Sdr." (an abbreviation: a short word before the full stop) and stops before "Mødet"."""
    for match in re.finditer(r"\.(?=\s+[A-ZÆØÅ]|\s*$)", text):
        word = re.search(r"(\w+)$", text[: match.start()])
        if word is None or len(word.group(1)) > 3 or word.group(1).isdigit():
            return text[: match.start()].strip()
    return text.strip().rstrip(".")


# "Referat af menighedsrådsmøde i Konfirmandstuen, Hvilsager præstegård onsdag den 13.
# november 2019": the place between the meeting and its date (a body there is no place:
# "møde i Økonomiudvalget den 3. maj").
# The meeting and where it was held: "… møde i Fensmark Bibliotek", "generalforsamling på …".
_MEETING_AT = r"(?:møde|generalforsamling(?:en)?)\s+(?-i:i|på|hos)\s+(?P<place>[^.;:]{3,80}?)"
_PLACE_BEFORE_DATE = re.compile(
    rf"{_MEETING_AT},?\s+"
    rf"(?:(?:{WEEKDAYS})\b|den\s+\d|d\.\s*\d|\d{{1,2}}[./-]\d)",
    re.I,
)


# A weekday and a day of the month: a date line though its year is left out ("mandag den 8.
# dec, kl. 18-21 på ungdomsskolens kontor, …").
_DAY_WITHOUT_YEAR = re.compile(rf"\b(?:{WEEKDAYS}),?\s+(?:den\s+|d\.\s*)?\d{{1,2}}\.", re.I)


def _location_on_date_line(texts: list[str]) -> str | None:
    for text in texts[:15]:
        if header_date(text) or _DAY_WITHOUT_YEAR.search(text):
            match = _PLACE_AFTER_TIME.search(text)
            if match:
                place = (
                    match.group("place")
                    or match.group("between")
                    or match.group("after_comma")
                    or match.group("after_bare")
                )
                if match.group("room"):
                    place = _room_first(match.group("room"))
                return _until_sentence_end(place).rstrip(",; ") or None if place else None
    return None


_MEETING_AT_PLACE = re.compile(rf"[\wæøå-]*{_MEETING_AT}\.?", re.I)


def _place_before_date(texts: list[str]) -> str | None:
    """The place between the meeting and its date on the date line; the weakest sign, so
    read last."""
    dated = [bool(header_date(text)) for text in texts[:16]]
    for index, text in enumerate(texts[:15]):
        before = _PLACE_BEFORE_DATE.search(text) if dated[index] else None
        if not dated[index] and any(dated[max(index - 1, 0) : index] + dated[index + 1 : index + 2]):
            # (on a line of its own by the date line: "Lokalrådsmøde i Fensmark Bibliotek" /
            # "Onsdag d. 25. november 2015 kl. 19.00-21.00")
            before = _MEETING_AT_PLACE.fullmatch(text)
        # (a room or a building, not the organisation or body met in: "generalforsamling i
        # HF Grøndal", "møde i bestyrelsen for …", "møde i 2012")
        place = before.group("place").strip() if before else ""
        if _LOOKS_LIKE_A_PLACE.search(place) and not re.search(rf"\d|^[\w-]*(?i:{BODY_HEAD})\b", place):
            return place
    return None


# A place label printed without its value: the next label follows it ("Mødested: Udsendelsesdato:
# Afbud fra:"), or the line ends there. A transcript of a header table read label column first.
_EMPTY_PLACE_LABEL = re.compile(
    r"(?:^|\s)(?:mødested|sted|lokale|mødelokale)\s*:\s*(?:$|(?:[A-ZÆØÅa-zæøå]+\s+){0,3}[A-ZÆØÅa-zæøå]+\s*:)", re.I
)
# The values of such a table in a row: the date (and time), then the room, the first thing after
# it ("Onsdag den 15-maj-2002 Kommunalbestyrelsens mødelokaler", "… 07-marts-2002 Udvalgsværelse II").
_ROOM_AFTER_DATE = re.compile(
    r"\b\d{1,2}\.?\s*[-./ ]\s*(?:\d{1,2}|[a-zæø]{3,9})\.?\s*[-./ ]\s*\d{4}"
    r"(?:,?\s*(?:kl\.?\s*)?\d{1,2}[.:]\d{2})?\s+"
    rf"(?P<place>(?:[A-ZÆØÅ\d][\w.-]*,?\s+){{0,3}}?[\wæøåÆØÅ-]*{word_ending(ROOM_WORDS + BUILDING_WORDS)}"
    r"(?:\s+(?:[IVX]{1,4}|\d{1,3}[A-Za-z]?)\b)?)",
    re.I,
)


def _place_among_values(texts: list[str]) -> str | None:
    """The room after the date in a header whose place label stands without its value."""
    if not any(_EMPTY_PLACE_LABEL.search(text) for text in texts[:15]):
        return None
    for text in texts[:15]:
        match = _ROOM_AFTER_DATE.search(text)
        if match and match.group("place")[0].isupper():
            return match.group("place")
    return None


def _location_from_front(texts: list[str]) -> str | None:
    """Lines after the date/time line up to the participant list ("Kaløvig Kursuscenter" …)."""
    for i, text in enumerate(texts[:25]):
        if re.match(rf"^(?:{WEEKDAYS})\s+den\s", text, re.I) or re.match(r"^kl\.\s*\d", text, re.I):
            collected: list[str] = []
            for following in texts[i + 1 : i + 6]:
                low = following.lower().rstrip(":")
                if low in PARTICIPANT_HEADINGS or low in MEETING_KIND_WORDS or re.match(r"^kl\.\s*\d", following, re.I):
                    if collected or low in PARTICIPANT_HEADINGS or low in MEETING_KIND_WORDS:
                        break
                    continue
                # a place is a short line; a label, a date, a heading in capitals or a sentence ends it
                if (
                    len(following) > 80
                    or re.match(r"^[\w ]{2,30}:|^\d{1,3}[.)]\s", following)  # a label, an item
                    or header_date(following)
                    or (following.isupper() and len(following) > 3)
                    or following.endswith(".")
                ):
                    break
                collected.append(re.sub(r"^i\s+", "", following))
            if collected:
                return ", ".join(collected)
    return None


# What a bare line under the date line needs to be read as the place (not the first item's
# title, "Aftale om salg"): a preposition, a room or building word, a number or a comma (an
# address), or an online meeting.
_LOOKS_LIKE_A_PLACE = re.compile(
    rf"^(?:i|på|hos)\s|\d|,|{word_ending(ROOM_WORDS + BUILDING_WORDS)}|\b{word_ending(ONLINE_MEETING_WORDS)}", re.I
)


# A body's name alone on its line ("Ældrerådet", "Kultur- og Fritidsudvalget").
_BODY_ALONE = re.compile(rf"^[A-ZÆØÅ][\w ,-]*(?i:{BODY_HEAD})$")


def _place_under_date_line(texts: list[str]) -> str | None:
    """A place on the line under an unlabelled date line ("04-01-2021 kl. 19:00" / "Skype",
    "Søndag d. 31/3 2019" / "på Pedersholm"): a short line that is no label, date or sentence."""
    for i, text in enumerate(texts[:12]):
        if not header_date(text) or i + 1 >= len(texts) or DECISION_HEADING.match(text):
            continue  # ("Beslutning i Byrådet den 29-04-2013" / "Sag nr. 58 …": a decision, not a header)
        at = i + 1
        following = texts[at]
        if header_date(following):
            continue  # a title line with the date, then the date line itself: the place is under that
        if _BODY_ALONE.search(following) and len(following.split()) <= 5 and i + 2 < len(texts):
            at = i + 2
            following = texts[at]  # "Torsdag 10. nov 2016 kl. 10:30" / "Ældrerådet" / the place
        low = following.lower().rstrip(":")
        if (
            len(following) <= 80
            # (a place may close with a stop, "Slottet, Salen, indgang C, 1. sal.", a sentence not)
            and not following.endswith(":")
            and not (following.endswith(".") and (len(following.split()) > 8 or "," not in following))
            and low not in PARTICIPANT_HEADINGS
            and low not in MEETING_KIND_WORDS
            and low not in HEADER_LABELS
            and not header_date(following)
            and not re.match(r"^(?:kl\.|\d)", following, re.I)
            and ":" not in following
            and not following.isupper()
            and _LOOKS_LIKE_A_PLACE.search(following)
        ):
            after = texts[at + 1] if at + 1 < len(texts) else ""
            return _with_address_continued(re.sub(r"^(?:i|på|hos)\s+", "", following), after)
        # ("Mødedato: 6. juni 2017" / … / "den 6. juni 2017 kl. 16:30" / "i Café Perlen": a
        # date line further down may have the place under it)
    return None


def _place_told(texts: list[str]) -> str | None:
    """ "Mødet afholdes i personalerummet.": the header says where in a sentence of its own,
    or in one after the title on its line ("… 13. september 2013. Mødet afholdtes i Hammel,
    kl. 9.00")."""
    for index, text in enumerate(texts[:15]):
        following = texts[index + 1] if index + 1 < len(texts) else ""
        match = _PLACE_LEAD.match(text)
        # (or the title's own line going on: "Referat af generalforsamling" / "afholdt i …")
        title_goes_on = match is not None and index < 6 and text[:1].islower() and len(text) <= 80
        if match and (match.group(0).lower().startswith("mødet") or title_goes_on) and len(text) <= 120:
            return _until_sentence_end(_with_address_continued(text[match.end() :], following))
        told = _PLACE_TOLD_INSIDE.search(text)
        if told:
            return _until_sentence_end(_with_address_continued(text[told.end() :], following))
    return None


# The rest of an address on the next line: "Pontoppidansvej 4, 2200 N", "8000 Aarhus C".
_ADDRESS_LINE = re.compile(
    r"^(?:[A-ZÆØÅ][\wæøå.'-]*\s+){0,3}(?:\d{1,3}[A-Za-z]?,?\s+)?\d{4}\s+[A-ZÆØÅ][\wæøå.-]*(?:\s+[A-ZÆØÅ]\b)?\.?$"
)


def _with_address_continued(place: str, following: str) -> str:
    """A place whose sentence breaks at the line's end, inside its address ("… lokaler,
    Henrik" / "Pontoppidansvej 4, 2200 N"), with the address's rest."""
    if place.rstrip().endswith((".", "!", "?")) or not _ADDRESS_LINE.match(following.strip()):
        return place
    return f"{place.rstrip()} {following.strip()}"


def meeting_location(texts: list[str], labels: dict[str, str]) -> str | None:
    """Where the meeting was held: a place label, the lines after the date line, the place
    after the time on it, or the line under an unlabelled date line; the first that reads
    as a place, cut where the text after it starts (a time, members, a sentence)."""
    candidates = (
        labels.get("sted"),
        labels.get("mødested"),
        labelled_field(labels, "location"),
        _place_in_held_label(labels),
        _location_from_front(texts),
        _location_on_date_line(texts),
        _place_under_date_line(texts),
        _place_told(texts),
        _place_before_date(texts),
        _place_among_values(texts),
    )
    for candidate in candidates:
        place = _trimmed_place(candidate) if candidate else None
        if place and _reads_as_place(place):
            return place
    return None


def _place_in_held_label(labels: dict[str, str]) -> str | None:
    """ "Afholdt: Gillelejehuset, …": the label that mostly dates a meeting, here placing it
    (a value with no date in it)."""
    values = (labels.get(label) for label in ("afholdt", "møde afholdt"))
    return next((v for v in values if v and not re.search(r"\d{1,2}[./-]\s?\d|\d{1,2}\.\s*[a-zæøå]", v)), None)


_UNCOLONED_HEADINGS = heading_alternation(lambda heading: True, capitalised=True)
# Where a place printed on a run-on line ends: "…; kl. 19.00", "… Jens K. Jensen (V) …" (the
# members after it), a long sentence after it ("S-04 Mission KL arbejder for …").
_PLACE_ENDS = re.compile(
    r"\s*[;,]\s*kl\b.*$|\s+kl\.?\s*\d.*$|\s+(?:Mødet|Møde\s+nr)\b.*$|\s+[-–]\s+\([^)]*\)$"
    # a note after the place ("… Mødelokale 0.28 NB. Mødet holdes …") and labels run on after it
    r"|\s+NB\b.*$"
    # what follows the meeting ("Selmersbo samt efterfølgende frokost på …")
    r"|\s+samt\s+.*$"
    # the date after the place ("Mødested: Hotel Pauli, Vojens 23.2.2008", "…, den 5. maj 2021")
    rf"|[,\s]+(?:(?i:{WEEKDAYS})\s+)?(?:den\s+|d\.\s*)?\d{{1,2}}(?:[./-]\s?\d{{1,2}}[./-]\d{{2,4}}|\.\s*[a-zæøå]+\s+\d{{4}})$"
    # the next field's label run onto the place's line ("… Færgevej 5, Helsingør I mødet deltager:")
    r"|\s+[A-ZÆØÅ][a-zæøå]*(?:\s+[a-zæøå]+){0,3}:$|\.\s+(?:Ingen|Fraværende|Afbud|Medlemmer|Deltagere|Stedfortræder)\b.*$"
    # … or without its colon, before the first name ("… Rådhusvej 75, 4540 Til stede Annelis Stamm, …")
    rf"|\s+(?:{_UNCOLONED_HEADINGS})"
    r"\s+[A-ZÆØÅ][a-zæøå]+\s+[A-ZÆØÅ].*$"
    # (a member: first name, an initial, last name; a place's last word may stand before it)
    r"|\s+[A-ZÆØÅ][\w-]+(?:\s+[A-ZÆØÅ]\.)?\s+[A-ZÆØÅ][\w-]+\s+\([A-ZÆØÅ][\wæøå]{0,10}\).*$"
)


# "Mødet fandt sted i museets administrationsbygning": the sentence's start is no part of the place.
_HELD_AT = r"(?:fandt\s+sted|afholdes|afholdtes|afholdt|blev\s+afholdt|holdes|foregik)\s+(?:i|på|hos)\s+"
# (and the preposition alone, where the place has a line of its own under the date: "på
# Vandværket", "i Forsamlingshuset")
_PLACE_LEAD = re.compile(rf"^(?:(?:mødet\s+)?{_HELD_AT}|(?:på|i)\s+(?=[A-ZÆØÅ]))", re.I)


# (in a line: the sentence opens with "Mødet", capitalised)
_PLACE_TOLD_INSIDE = re.compile(rf"(?<=\s)Mødet\s+{_HELD_AT}")

# A header label before the place, its own value lost or displaced ("MØDEDATO: Skive
# Rådhus, Byrådssalen": a form whose labels print before their values).
# (labels of a header table read label column first stand before its first value: "Mødeleder:
# Deltagere: Campus Horsens, …")
_LABELS = sorted({*HEADER_LABELS, *PARTICIPANT_HEADINGS}, key=len, reverse=True)
_LEADING_LABEL = re.compile(rf"^(?:(?i:{'|'.join(re.escape(label) for label in _LABELS)})\s*:\s*)+")

# What ran onto the place from the next line: a heading in capitals ("Aars Rådhus PUNKTER
# VEDR."), or a heading glued to its last word ("7860 SpøttrupIndholdsfortegnelse").
_RUN_ON_AFTER_PLACE = re.compile(
    r"(?:\s+[A-ZÆØÅ]{3,}\.?){2,}.*$"
    rf"|(?<=[a-zæøå])(?:{'|'.join(word.capitalize() for word in TOC_HEADINGS)}|Dagsorden|Referat|Deltagere|Afbud)\b.*$"
)

# ("2200 N": Copenhagen's postcodes may print the district's letter without the town)
_POSTCODE_TOWN = re.compile(r",?\s\d{4}\s+(?:[A-ZÆØÅ][\wæøå-]+(?:\s+(?:[SNVØCK]|Sj|St)\b\.?)?|[SNVØK]\b)")


# The kind of meeting before its place: "Ekstraordinært møde - Mødelokale F7".
_MEETING_KIND_BEFORE_PLACE = re.compile(r"^(?i:(?:ekstra)?ordinært\s+møde)\s*[-–,:]\s*")


def _trimmed_place(text: str) -> str:
    text = _MEETING_KIND_BEFORE_PLACE.sub("", _LEADING_LABEL.sub("", text.strip()))
    text = _PLACE_ENDS.sub("", _PLACE_LEAD.sub("", text))
    text = _CLAUSE_AFTER_PLACE.sub("", _without_members_after(text))
    if re.search(r"[a-zæøå]", text):  # (a place printed in capitals keeps its words)
        text = _RUN_ON_AFTER_PLACE.sub("", text)
    if len(text) > 80:  # a place with a sentence run on after it
        # an address ends with its postcode and town: "Søren Nymarks Vej 3, 8270 Højbjerg"
        address = _POSTCODE_TOWN.search(text)
        if address and address.end() <= 100:
            return text[: address.end()]
        words = text.split()
        for end in range(1, len(words)):
            if words[end][:1].isupper() and len(" ".join(words[end:])) > 60 and words[end - 1][-1:] not in ",":
                candidate = " ".join(words[:end])
                if len(candidate) <= 80:
                    return candidate
        return text
    text = text.strip(" ,;")
    # a full stop after a word, not an abbreviation's ("mødelokale 4." but "4800 Nyk. F.")
    last = text.split()[-1] if text else ""
    return text[:-1] if text.endswith(".") and (len(last) > 3 or last[:-1].isdigit()) else text


# A clause run on after the place: "Regionshuset, 4180 Sorø, og offentligheden har adgang".
_CLAUSE_AFTER_PLACE = re.compile(r",\s+og\s+[a-zæøå].*$")


def _without_members_after(text: str) -> str:
    """The place without the members a transcript ran on after it: "Mødelokale 2, Lejre
    Jesper Kejlhof Peter Walsøe" → "Mødelokale 2, Lejre" (two names at least, by the given
    names that open them)."""
    words = text.split()
    for start in range(1, len(words) - 1):
        if is_first_name(words[start]) and words[start - 1][-1:] not in ",":
            names = split_run_on_names(" ".join(words[start:]))
            if names and " ".join(names) == " ".join(words[start:]):
                return " ".join(words[:start])
    return text


def _reads_as_place(text: str) -> bool:
    """Not a label, a button, a section or contents heading, a date or a sentence."""
    low = text.lower().strip()
    parts = [part.strip() for part in re.split(r"[/,]", low) if part.strip()]
    return not (
        low.endswith(":")
        or "!" in text  # "BEMÆRK! Lukket møde": a notice
        or CLOSED_PART.search(text)
        or len(text) > 120
        or WEB_FURNITURE_LINE.fullmatch(low)
        or any(
            part in SECTION_HEADINGS
            or part in TOC_HEADINGS
            or part in PARTICIPANT_HEADINGS
            or part in HEADER_LABELS
            or WEB_FURNITURE_LINE.fullmatch(part)
            for part in parts
        )
        or any(word.strip(".,") in MONTHS or word in ENGLISH_MONTHS for word in low.split())
        # "FynBus Bestyrelse Referat": a title line, not a place
        or any(word.strip(".,:") in ("referat", "dagsorden", "beslutningsprotokol") for word in low.split())
        # "AALBORG BYRÅD", "Økonomiudvalget": a letterhead's body, not where it met
        or (len(low.split()) <= 3 and re.search(rf"{BODY_HEAD}[.,]?$", low) is not None)
    )
