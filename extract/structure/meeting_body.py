"""Who met: the body a meeting's front matter names — its title ("Møde i X"), a body label, a
body line or title line of the header ("Byrådet - Referat", "Referat fra møde i X den …"),
a name before "Møde nr." or a colon, the meeting noun ("Referat af bestyrelsesmøde" →
Bestyrelsen), and last what the items say (``acting_body``). Read by ``front_matter``."""

from __future__ import annotations

import re
from collections import Counter

from referat.data.bodies import name_key
from referat.extract.body_words import (
    BODY_ENDS,
    BODY_HEAD,
    BODY_TITLE_LINES,
    MEETING_NOUN_BODIES,
    ORGANISATION_IN_TITLE,
)
from referat.extract.dates import first_full_date
from referat.extract.layout import Layout
from referat.extract.pages import Line
from referat.extract.structure.acting_body import body_from_items, deciding_body
from referat.extract.structure.header_fields import labelled_field
from referat.extract.vocabulary import DECISION_HEADING, MEETING_KIND_WORDS, TIME_TEXT, WEEKDAYS
from referat.models import Item

_BODY_LINE = re.compile(
    # "Økonomiudvalget", "Teknik- og Miljøudvalget", "Kultur-, Fritid- og Idrætsudvalget",
    # "Handicaprådet", "Skolebestyrelsen", "Beredskabskommissionen": a name ending in a body's head
    # ("Miljø og Grøn Vækstudvalget": after "og", a capitalised word before the compound that ends it)
    rf"(?:[A-ZÆØÅ][\w-]*(?:,?\s+(?:og\s+)?[\w-]+-)*(?:\s+og\s+[\w-]+(?:\s+[A-ZÆØÅ][\w-]*)?)?{BODY_HEAD}"
    r"|Udvalget for .+|Byrådet|Kommunalbestyrelsen|Regionsrådet|Borgerrepræsentationen|Magistraten|.+ Byråd"
    # "Brønshøj-Husum Lokaludvalg" (a local council's name, set as the page's heading),
    # "Lokaludvalget Amager Vest", "Rådet for Socialt Udsatte"
    # ("Gjessø Lokalråd", a village council's name the same way)
    r"|[A-ZÆØÅ][\w-]*(?:\s[A-ZÆØÅ][\w-]*)? (?:[Ll]okaludvalg|[Ll]okalråd)"
    r"|(?:(?:Lokaludvalget|Lokalrådet)\s+|(?:Rådet|Bestyrelsen|Udvalget)\s+for\s+)[A-ZÆØÅ][\w-]*(?:\s+[A-ZÆØÅ][\w-]*){0,3})"
    # a period after the name: "Uddannelsesudvalget (2018-2021)", "Kommunalbestyrelsen 2018-21"
    r"(?:\s+\(?\d{4}\s*[-–]\s*\d{2,4}\)?)?"
)


def _is_body_line(text: str) -> bool:
    """A line that is a body's name, as printed or set in capitals ("FORRETNINGSUDVALGET"),
    after words that say what kind of meeting it is ("EKSTRAORDINÆRT MØDE …")."""
    text = _body_named(text)
    return bool(
        _BODY_LINE.fullmatch(text)
        or (text.isupper() and _BODY_LINE.fullmatch(text.capitalize()))
        # ("MILJØ OG GRØN VÆKSTUDVALGET": a coordinated name, its words capitalised)
        or (text.isupper() and " OG " in text and bool(_BODY_LINE.fullmatch(_as_name_case(text))))
    )


def _body_on_line(text: str) -> str:
    """The body a body line names, as printed; in capitals before its municipality ("MØDE I
    SAMMENLÆGNINGSUDVALGET FOR X KOMMUNE") as a name is written, like ``_body_after_meeting_of``."""
    named = _body_named(text)
    with_organisation = _ORGANISATION_AFTER_BODY.search(_BODY_PREFIX.sub("", text).rstrip(":"))
    return _as_name_case(named) if named.isupper() and with_organisation else named


def _body_named(text: str) -> str:
    """The body's name on a body line, without the words around it: "Referat fra mødet i",
    the municipality before or after it ("Kommunalbestyrelsen for Nordfyns Kommune")."""
    # (a transcript's title line ends in a stop: "REBILD KOMMUNE. REFERAT Økonomiudvalget.")
    named = _ORGANISATION_BEFORE_BODY.sub("", _BODY_PREFIX.sub("", text)).rstrip(":").rstrip(".")
    return _ORGANISATION_AFTER_BODY.sub("", named)


# "Referat. af mødet i Regionsrådet 14. november 2007 kl. 14:00", "Dagsorden til mødet i Udvalg
# for regional udvikling": the body after "mødet i", up to a date, a time or a comma; a comma
# inside a coordinated name stays ("Udvalg for natur, miljø og grøn omstilling").
_MEETING_OF_BODY = re.compile(
    r"\b(?i:mødet?)\s+i\s+(?P<body>[A-ZÆØÅ][\w-]*(?:(?:\s+|,\s+(?=(?:[\w-]+\s+){1,2}og\s))(?!den\b|d\.|kl\b)[\w-]+){0,7}?)"
    r"(?=\s+(?:den\s+|d\.\s*)?\d|\s+(?:den|kl)\b|\s*[,(]|\s*$)"
)


def _body_after_meeting_of(texts: list[str]) -> str | None:
    for text in texts:
        # "MØDE I SAMMENLÆGNINGSUDVALGET FOR JAMMERBUGT KOMMUNE": capitals read as a name
        capitals = text.isupper() and re.match(r"^(?:REFERAT\s+)?MØDET?\s+I\s+", text)
        match = _MEETING_OF_BODY.search(_as_name_case(text) if capitals else text)
        if match and match.group("body").lower() not in MEETING_KIND_WORDS:
            return _ORGANISATION_AFTER_BODY.sub("", match.group("body"))
    return None


# A dated line that names its body in the genitive before "møde": "Social og sundheds møde
# den 17. april 2023", "Forretningsudvalgets 3. møde i 2012 torsdag den 23. august".
_GENITIVE_BEFORE_MEETING = re.compile(
    r"^(?P<body>[A-ZÆØÅ][\w-]*(?:\s+(?:og\s+|for\s+)?[\w-]+){0,5}?)s\s+(?:\d{1,2}\.\s+)?"
    r"(?:(?:ekstra)?ordinære\s+)?møde\b"
)


def _body_in_genitive_before_meeting(texts: list[str]) -> str | None:
    """The body of a dated "<body>s møde …" line, without its genitive s."""
    for text in texts:
        match = _GENITIVE_BEFORE_MEETING.match(text.strip())
        if match and (first_full_date(text) or TIME_TEXT.search(text)):
            return match.group("body")
    return None


# "… for Jammerbugt Kommune": the organisation after the body it holds
_ORGANISATION_AFTER_BODY = re.compile(r"\s+(?i:for|i)\s+[A-ZÆØÅ][\w-]+\s+(?i:Kommune|Region)$")


def _as_name_case(text: str) -> str:
    """ "MØDE I SAMMENLÆGNINGSUDVALGET FOR JAMMERBUGT KOMMUNE" → "møde i Sammenlægningsudvalget
    for Jammerbugt Kommune": small words small, names capitalised."""
    small = {"møde", "mødet", "i", "for", "og", "af", "referat"}
    return " ".join(word.lower() if word.lower() in small else word.capitalize() for word in text.split())


# The organisation before its body on a title line ("Egebjerg Kommune. Kommunalbestyrelsen").
_ORGANISATION_BEFORE_BODY = re.compile(
    r"^(?:[A-ZÆØÅ][\w-]+\s+Kommune|Region\s+[A-ZÆØÅ][\w-]+|REGION\s+[A-ZÆØÅ]+"
    # "Sct. Jørgens Sogn, Menighedsrådet": the parish before its council
    r"|[A-ZÆØÅ][\w.-]*(?:\s+[A-ZÆØÅ][\w.-]*){0,3}\s+(?:Sogn|Pastorat|Provsti))[.,:]?\s+(?=[A-ZÆØÅ])"
)
# A genitive on a title line ("Kultur- og fritidsudvalgs møde", "Bestyrelsens møde") names the body.
_GENITIVE_BODY = re.compile(r"(?<=udvalg)s$|(?<=rådet)s$|(?<=bestyrelsen)s$|(?<=udvalget)s$")


_MEETING_NOUN = re.compile(
    # ("2023/09/05 Bestyrelsesmøde": a web page's title may open with the date)
    r"^(?:\d{1,4}[-./]\d{1,2}[-./]\d{1,4}\s+)?"
    # ("HOVE VANDVÆRK - REFERAT AF GENERALFORSAMLING 2020": the organisation before the title)
    r"(?:[A-ZÆØÅ][^-–:|]{1,60}?\s+[-–]\s+(?=(?:referat|dagsorden|beslutningsprotokol)\b))?"
    # ("Referat bestyrelsesmøde …", "REFERAT — MENIGHEDSRÅDSMØDE": the kind word, then the meeting)
    r"(?:vedr\.?\s+|(?:referat|dagsorden|beslutningsprotokol|protokol)(?:\s+(?:fra|af|for|til)\s+|\s*[-–—:,]\s*|\s+))?"
    r"(?:det\s+|den\s+)?(?:\d{1,3}\.\s+)?"
    r"(?P<noun>(?:ordinære?\s+|ordinært\s+|ekstraordinære?\s+|ekstraordinært\s+)?[\wæøå]+)\b",
    re.I,
)


def _body_from_meeting_noun(texts: list[str]) -> str | None:
    """ "Referat fra den ordinære generalforsamling 2018" → Generalforsamling,
    "Referat af bestyrelsesmøde d. 16. august 2012" → Bestyrelsen."""
    parts = [part for text in texts for part in text.split(" | ")]  # "Grf. Lundevang | Referat af …"
    for text in parts:
        match = _MEETING_NOUN.match(text.strip())
        if match:
            noun = re.sub(r"^(ordinær|ekstraordinær)[et]\b", r"\1", match.group("noun").lower())
            body = MEETING_NOUN_BODIES.get(noun) or MEETING_NOUN_BODIES.get(noun.split()[-1])
            if body or (body := body_of_meeting_compound(noun.split()[-1])):
                return body
    return None


# The heads of Danish body names and their definite forms: "-råd" → "-rådet" …
_BODY_HEADS = {"råd": "rådet", "udvalg": "udvalget", "bestyrelse": "bestyrelsen", "skab": "skabet", "nævn": "nævnet"}


def body_of_meeting_compound(word: str) -> str | None:
    """The body a compound meeting noun names: "hovedbestyrelsesmøde" → Hovedbestyrelsen,
    "ældrerådsmødet" → Ældrerådet; None when the noun names no body ("borgermøde").

    Example:
        >>> body_of_meeting_compound("skolebestyrelsesmøde"), body_of_meeting_compound("borgermøde")
        ('Skolebestyrelsen', None)
    """
    stem = re.sub(r"s?-?møde(?:t|r)?$", "", word.lower())
    if stem == word.lower():
        return None
    for head, definite in _BODY_HEADS.items():
        if stem.endswith(head) and len(stem) > len(head):  # ("rådsmøde": which råd is not said)
            return (stem[: -len(head)] + definite).capitalize()
    return None


_BODY_PREFIX = re.compile(
    r"^(?:(?:referat|dagsorden|beslutningsprotokol)\s*[-–:]?\s+(?:(?:af|fra|for|til)\s+)?(?:det\s+)?"
    r"|(?:(?:ekstraordinært|ordinært|ekstraordinære|ordinære)\s+)?mødet?\s+(?:i\s+)?)+",
    re.I,
)


def _body_from_title_line(texts: list[str]) -> str | None:
    """The body a title line names ("Byrådet - Referat", "Referat fra møde i X den …")."""
    noun_body = _body_from_meeting_noun(texts)
    if noun_body:
        # "Referat af bestyrelsesmøde" … "Møde i Nationalparkbestyrelsen": the full name
        named = _body_after_meeting_of(texts)
        return named if named and name_key(named).endswith(name_key(noun_body)) else noun_body
    for text in texts:
        decided = DECISION_HEADING.match(text.strip())
        if decided:  # "Beslutning i Byrådet den 29-04-2013": the body that decided, not a title
            deciding = deciding_body(decided)
            if deciding:
                return deciding
            continue
        # ("1 Referat for: …": a transcript's page number opens its page's first line)
        title_line = re.sub(r"^\d{1,3}\s+(?=[A-ZÆØÅ])", "", text.strip())
        for pattern in BODY_TITLE_LINES:
            match = pattern.match(title_line)
            if match:
                body = BODY_ENDS.sub("", match.group("body")).strip(" -–:")
                # ("… møde i kommunaldirektørnetværket i den midtjyske region": the small word
                # before the cut belongs to what was cut)
                body = re.sub(r"\s+(?:i|for|af|på|til|ved|og)$", "", body)
                # "Referat - Kommunalbestyrelsen", "EKSTRAORDINÆRT MØDE FORRETNINGSUDVALGET"
                body = _BODY_PREFIX.sub("", body).strip(" -–:.")
                # "Ekstraordinært Ældrerådsmøde – Referat": the meeting's noun names the body
                last = body.split()[-1] if body else ""
                body = MEETING_NOUN_BODIES.get(last.lower()) or body_of_meeting_compound(last) or body
                if len(body) >= 3 and body.lower() not in MEETING_KIND_WORDS:
                    return body
    return None


# The council term printed with a body's name: "Regionsrådet 2018-2021", "Byrådet (18-21)",
# "09-13 Udvalget for Børn". The body is the same body from term to term.
_TERM = re.compile(r"\s*\(?(?:19|20)?\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\)?$|^\(?\d{2}\s*[-–]\s*\d{2}\)?\s+(?=[A-ZÆØÅ])")


def without_term(body: str | None) -> str | None:
    """A body's name without the council term printed with it.

    Example:
        >>> without_term("Regionsrådet 2018-2021"), without_term("09-13 Udvalget for Børn")
        ('Regionsrådet', 'Udvalget for Børn')
    """
    if body is None:
        return None
    bare = _TERM.sub("", body).strip()
    return bare if len(bare) >= 3 else body


def meeting_body(
    texts: list[str],
    labels: dict[str, str],
    title: str | None,
    layout: Layout,
    items: list[Item],
    all_lines: list[Line],
) -> str | None:
    """Who met, from the most reliable place that says it: the meeting's title ("Møde i
    X"), a body label, a body line or title line of the header, the body's own decision
    headings, and last what the items say (``acting_body``)."""
    # (a running header's line, not a run-on contents lifted with the furniture)
    running = [line.text for line in layout.furniture[:4] if len(line.text) <= 100 and line.region != "site"]
    header = texts[:12] + running
    readers = (
        lambda: _body_from_meeting_title(title, all_lines),
        # ("Mødeforum: Ordinært møde i bestyrelsen for …": the meeting's words before the body)
        lambda: _BODY_PREFIX.sub("", labelled_field(labels, "body") or ""),
        lambda: next((_body_on_line(text) for text in header if _is_body_line(text)), None),
        lambda: _body_before_colon(header, all_lines),
        lambda: _body_from_title_line(texts[:8] + running),
        lambda: _body_after_meeting_of(texts[:8]),
        lambda: _body_in_genitive_before_meeting(texts[:8]),
        lambda: body_from_items(items),
        # ("Referat af <Klub>s ordinære generalforsamling": the assembly, after the club's genitive)
        lambda: _body_of_organisations_meeting(texts),
    )
    return next((body for read in readers if (body := read()) and _names_a_body(body)), None)


def organisation_in_title(texts: list[str]) -> tuple[str | None, str | None]:
    """The association a title line names beside its general assembly or board meeting, and
    that meeting's noun.

    Example:
        >>> organisation_in_title(["Referat fra generalforsamlingen i Virksund Lystbådehavn lørdag den 13. marts"])
        ('Virksund Lystbådehavn', 'generalforsamlingen')
        >>> organisation_in_title(["Referat af Kongelig Dansk Yachtklubs ordinære generalforsamling afholdt …"])
        ('Kongelig Dansk Yachtklub', 'ordinære generalforsamling')
        >>> organisation_in_title(["Referat fra møde i Økonomiudvalget den 3. maj 2021"])
        (None, None)
    """
    for part in (part.strip() for text in texts[:6] for part in text.split(" | ")):
        for pattern in ORGANISATION_IN_TITLE:
            match = pattern.match(part)
            if match:
                name = _WEEKDAY_OR_DATE_AFTER.sub("", match.group("organisation")).strip(" .,")
                if name and not re.search(rf"{BODY_HEAD}$", name, re.I):
                    return name, match.group("meeting")
    return None, None


# (the words after a name that begin the meeting's date: "… Lystbådehavn Lørdag den 13. …")
_WEEKDAY_OR_DATE_AFTER = re.compile(rf"\s+(?:(?i:{WEEKDAYS})|Den|D\.)(?:\s.*)?$")


def _body_of_organisations_meeting(texts: list[str]) -> str | None:
    meeting = organisation_in_title(texts)[1]
    return MEETING_NOUN_BODIES.get(meeting.split()[-1].lower()) if meeting else None


def _names_a_body(body: str) -> bool:
    """A name, not a phrase about a meeting: "sidste møde" ("Referat fra sidste møde:"), "BR
    møde December" ("Referat fra BR møde December 2015") name no body."""
    return not re.search(r"(?i)\bmøde\b", body)


def _body_before_colon(header: list[str], all_lines: list[Line]) -> str | None:
    """A body's name before a colon or comma, the meeting after it ("REFERAT ÆLDRERÅDET: Møde nr.
    03-2018", "Regionsrådet, mødedato 24. marts 2021"), spelled as the text spells it most."""
    for text in header:
        parts = re.split(r"[:,]", text, maxsplit=1)
        head, rest = parts[0], parts[1] if len(parts) > 1 else ""
        # "Byråd Møde nr.: 5": the label of the meeting's number after the body
        numbered = re.match(r"^(?P<body>.+?)\s+(?i:møde\s+nr)\.?$", head)
        head, rest = (numbered.group("body"), "møde " + rest) if numbered else (head, rest)
        # (what follows says which meeting: "Møde nr. …", a date; not members "Byråd: Kai …")
        if re.search(r"(?i:møde)|\d", rest) and _is_body_line(head):
            return _most_common_spelling(_body_on_line(head), all_lines)
    return None


def _body_from_meeting_title(title: str | None, all_lines: list[Line]) -> str | None:
    if not title:
        return None
    match = re.search(r"\bmøde\s+i\s+(?P<body>.+)$", title, re.I) or re.match(
        r"^kommissorium\s+for\s+(?:den\s+|det\s+)?(?P<body>.+)$", title, re.I
    )
    return _most_common_spelling(match.group("body").strip(), all_lines) if match else None


def _most_common_spelling(name: str, lines: list[Line]) -> str:
    """ "TASK FORCE FOR KRÆFT- OG …" → the spelling the text itself uses most."""
    pattern = re.compile(re.escape(name), re.IGNORECASE)
    spellings = Counter(match.group(0) for line in lines for match in pattern.finditer(line.text))
    variants = [(count, spelling) for spelling, count in spellings.items() if spelling != spelling.upper()]
    return max(variants)[1] if variants else name


def without_body_menus(texts: list[str]) -> list[str]:
    """The header without a web page's menu of the publisher's bodies ("Byrådet (2010-2013)" /
    "Økonomiudvalget" / "Socialudvalget" / …, one link a line): four body names at least, at
    most one other line between two of them. The meeting's own body stands alone.

    Example:
        >>> without_body_menus(["Byrådet", "Økonomiudvalget", "Det Lokale Beskæftigelsesråd",
        ...                      "Handicaprådet", "Ældrerådet", "Referat", "Ældrerådet", "Dato"])
        ['Referat', 'Ældrerådet', 'Dato']
    """
    bodies = [index for index, text in enumerate(texts) if len(text) <= 80 and _is_body_line(text)]
    runs: list[list[int]] = []
    for index in bodies:
        # (the line between two menu entries is another entry, never the page's kind or a label)
        between = texts[index - 1] if index >= 1 else ""
        linked = (
            index - runs[-1][-1] == 1
            or (index - runs[-1][-1] == 2 and ":" not in between and between.lower() not in MEETING_KIND_WORDS)
            if runs
            else False
        )
        if linked:
            runs[-1].append(index)
        else:
            runs.append([index])
    menu = {index for run in runs if len(run) >= 4 for index in range(run[0], run[-1] + 1)}
    return [text for index, text in enumerate(texts) if index not in menu] if menu else texts


def bare_body_name(body: str) -> str:
    """A body's name without the organisation printed before it and a genitive's s."""
    return _GENITIVE_BODY.sub("", _ORGANISATION_BEFORE_BODY.sub("", body))
