#!/usr/bin/env python3
"""Style zoo: invented Danish meeting minutes in PDF, DOCX, TXT and HTML, with gold.

Usage (from the repository root):

    python corpus/zoo/generate.py --out DIR --count N --seed S [--split dev|heldout|mixed] [--html]

Each document combines publisher conventions ("dimensions": how the header is laid
out, how items are numbered, what the section headings are called, how closed items
are marked, how recommendations and votes are written …) chosen independently of each
other, so the extractor meets combinations no real publisher prints. The values of
every dimension live in ``variants.py`` (development) and ``heldout_values.py``
(held out from rule writing); this module only knows how to print them. A document of
split "dev" uses development values only; one of split "heldout" uses held-out values
in at least one dimension (its gold ``notes`` name those dimensions); "mixed"
alternates the two.

Next to every ``NAME.pdf|docx|txt`` the generator writes ``NAME.json`` in the gold
format of ``gold/README.md`` (source = the file name), written from what it printed.
With ``--html`` each document is also written as a municipal web page, ``NAME.html``
(site furniture around it, markup instead of typography; see ``render_html``), with the
same gold in ``NAME.html.json``; the other files do not change.
All content is invented and deterministic for a seed: the same arguments give the
same files, byte for byte.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
import time
import zipfile
from dataclasses import dataclass, field
from html import escape as html_escape
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent


def _load_values(name: str) -> dict[str, list]:
    spec = importlib.util.spec_from_file_location(f"referat_zoo_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.VALUES


DEV = _load_values("variants")
HELD_OUT = _load_values("heldout_values")
FORMATS = ("pdf", "docx", "txt", "html")
# Each document is planned for one of these, by its index (as before HTML came); with
# ``html`` every document is also written as a web page (``render_html``).
PLANNED_FORMATS = ("pdf", "docx", "txt")

# -- Danish base vocabulary (generic; the forms are in the value files) ------------------

MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
FIRST = [
    "Anne",
    "Birgitte",
    "Camilla",
    "Dorthe",
    "Eva",
    "Frida",
    "Gitte",
    "Hanne",
    "Inge",
    "Jette",
    "Karen",
    "Lene",
    "Mette",
    "Nina",
    "Pia",
    "Rikke",
    "Sanne",
    "Tina",
    "Ulla",
    "Vibeke",
    "Anders",
    "Bent",
    "Christian",
    "Dennis",
    "Erik",
    "Flemming",
    "Gert",
    "Henrik",
    "Jakob",
    "Jens",
    "Kasper",
    "Lars",
    "Mikkel",
    "Niels",
    "Ole",
    "Peter",
    "Rasmus",
    "Søren",
    "Torben",
    "Ulrik",
    "Kirsten",
    "Lone",
    "Maja",
    "Signe",
    "Troels",
    "Morten",
    "Jesper",
]
MIDDLE = ["Bach", "Krogh", "Lund", "Holm", "Skov", "Dahl", "Juhl", "Bech", "Brink", "Vad"]
LAST = [
    "Andersen",
    "Bertelsen",
    "Christoffersen",
    "Damgaard",
    "Eriksen",
    "Frandsen",
    "Gregersen",
    "Hald",
    "Iversen",
    "Jeppesen",
    "Kjeldsen",
    "Lauridsen",
    "Mikkelsen",
    "Nygaard",
    "Overgaard",
    "Poulsen",
    "Quist",
    "Riis",
    "Sørensen",
    "Thomsen",
    "Vestergaard",
    "Winther",
    "Østergaard",
    "Aagaard",
    "Bundgaard",
    "Fogh",
    "Højer",
    "Lykke",
    "Mølgaard",
    "Rytter",
    "Stenbæk",
    "Toft",
    "Uhre",
    "Vinther",
    "Westh",
    "Ebbesen",
    "Kragh",
]
TOWNS = [
    "Skovbjerg",
    "Nørreå",
    "Egelund",
    "Vesterhede",
    "Bøgely",
    "Solvang",
    "Kildemose",
    "Fjordby",
    "Lundager",
    "Hedelund",
    "Stenager",
    "Søby Strand",
    "Åmose",
    "Havrevang",
    "Birkedal",
    "Lyngmark",
]
REGIONS = ["Vestkysten", "Midtfjord", "Østersøen", "Nordlandet"]
NAMES = ["Engblommen", "Solsikken", "Kastanjen", "Bøgehøj", "Lærkevang", "Havbrise", "Rosenly", "Tjørnebakken"]
STREETS = ["Torvet", "Rådhuspladsen", "Skolevej", "Kirkegade", "Havnegade", "Stationsvej", "Bakkevej", "Engvej"]
ROLES_POLITICAL = ["formand", "næstformand"]
ROLES_ASSOCIATION = ["formand", "næstformand", "kasserer"]
PARTIES = ["A", "A", "A", "V", "V", "V", "C", "F", "F", "Ø", "O", "B", "I", "Æ", "M", "Å"]
PARTY_NAMES = {
    "A": "Socialdemokratiet",
    "B": "Radikale Venstre",
    "C": "Det Konservative Folkeparti",
    "F": "SF - Socialistisk Folkeparti",
    "I": "Liberal Alliance",
    "M": "Moderaterne",
    "O": "Dansk Folkeparti",
    "V": "Venstre",
    "Ø": "Enhedslisten",
    "Å": "Alternativet",
    "Æ": "Danmarksdemokraterne",
}
PLACES = [
    "Byrådssalen, {Town} Rådhus",
    "Udvalgsværelse {k}, {Town} Rådhus",
    "Kantinen, {Town} Rådhus",
    "Klubhuset, {Street} {no}",
    "Regionshuset, {Town}",
    "Personalerummet",
    "Fælleshuset, {Street} {no}",
    "Mødesal {k}, {Street} {no}, {zip} {Town}",
]

SERVICES = [
    "madservice",
    "dagtilbud",
    "vinterbekæmpelse",
    "affaldsordningen",
    "svømmehallen",
    "musikskolen",
    "hjemmeplejen",
    "busbetjeningen",
    "biblioteket",
    "skolefritidsordningen",
]
SUBJECTS = [
    "frivillighedsstrategien",
    "trafiksikkerhedsplanen",
    "sundhedspolitikken",
    "klimahandleplanen",
    "ventelisten til plejeboliger",
    "digitaliseringsstrategien",
    "skolestrukturen",
    "sommerferieaktiviteterne",
    "rekrutteringen af pædagoger",
    "vedligeholdelsesplanen",
]
PROJECTS = [
    "ny daginstitution i {Town}",
    "renovering af {Name}skolen",
    "cykelsti langs {Street}",
    "udvidelse af {Name}hallen",
    "nyt tag på {Name}centret",
    "legeplads ved {Street}",
    "klimasikring af havnen i {Town}",
    "byfornyelse i {Town} midtby",
]
PLANS = [
    "kommuneplantillæg nr. {no}",
    "handleplan for grønne områder",
    "udviklingsplan for {Town}",
    "lokalplan nr. {num}",
    "plan for fremtidens ældreboliger",
    "strategi for idrætsfaciliteter",
]
FUNDS = ["kassebeholdningen", "den afsatte pulje til anlæg", "driftsrammen for {yyyy}", "puljen til byfornyelse"]
CHANGES = [
    "tidsplanen forlænges med en måned",
    "beløbet nedsættes til {amount}",
    "der gives en status efter et år",
    "ordningen evalueres i {yyyy2}",
]
OBJECTS = [
    "takstmodellen for {service} {yyyy}",
    "budgettet for {yyyy}",
    "den reviderede tidsplan for {project}",
    "{subject}",
    "udkastet til {plan}",
    "retningslinjerne for {service}",
    "regnskabet for {yyyy0}",
    "kvalitetsstandarden for {service}",
    "mødeplanen for {yyyy2}",
]
# (passive ending, active verb phrase with {obj}); the object comes first in the passive.
CLAUSE_VERBS = [
    ("godkendes", "godkender {obj}"),
    ("vedtages", "vedtager {obj}"),
    ("sendes i offentlig høring i {w} uger", "sender {obj} i offentlig høring i {w} uger"),
    ("tages til efterretning", "tager {obj} til efterretning"),
    ("drøftes", "drøfter {obj}"),
    ("indarbejdes i budgetopfølgningen", "indarbejder {obj} i budgetopfølgningen"),
]
TITLES = [
    "Anlægsbevilling til {project}",
    "Budgetopfølgning pr. {d}. {month} {yyyy}",
    "Takster for {service} {yyyy}",
    "Høring om {subject}",
    "Ansøgning om tilskud fra {Name}foreningen",
    "Evaluering af {subject}",
    "Udkast til {plan}",
    "Udpegning af medlem til {Name}rådet",
    "Status på {project}",
    "Godkendelse af regnskab {yyyy0}",
    "Mødeplan for {yyyy2}",
    "Retningslinjer for {service}",
    "Lokalplan nr. {num} for boliger ved {Street} - endelig vedtagelse",
    "Kvalitetsstandard for {service}",
    "Tillægsbevilling til {service}",
    "Orientering om {subject}",
]
CLOSED_TITLES = [
    "Personalesag",
    "Køb af ejendom",
    "Salg af grund ved {Street}",
    "Udbud af {service} - tildeling",
    "Klagesag",
    "Ansættelse af ny leder",
    "Lejekontrakt for {Name}huset",
    "Erstatningssag",
]
SUB_TITLES = [
    "Status på {project}",
    "Henvendelse fra {Name}foreningen",
    "Kommende arrangementer",
    "Nyt fra {Town}",
    "Orientering om {subject}",
    "Svar fra ministeriet om {service}",
    "Regnskabsstatus for {service}",
]
BACKGROUND = [
    "{Dept} har udarbejdet et udkast til {plan}, som nu forelægges til beslutning.",
    "Der er i {yyyy} afsat {amount} til {project}.",
    "Sagen blev senest behandlet på et møde i {month0} {yyyy0}.",
    "Projektet forventes afsluttet i {month} {yyyy2}.",
    "Der har været afholdt borgermøde i {Town} med cirka {k0} deltagere.",
    "Det vurderes, at {obj} kan gennemføres inden for den eksisterende ramme.",
    "Høringssvarene er samlet i et notat, der er vedlagt sagen.",
    "Udgifterne til {service} er steget med {pct} procent siden {yyyy0}.",
    "Målet er at sikre et ensartet serviceniveau i hele {Town}.",
    "Arbejdet har været drøftet med de berørte medarbejdere og brugere.",
]
SUMMARY = ["Sagen handler om {obj}.", "{Dept} lægger op til en beslutning om {obj}.", "Med sagen præsenteres {obj}."]
ECONOMY = [
    "Udgiften på {amount} afholdes af {fund}.",
    "Sagen har ingen økonomiske konsekvenser for {yyyy}.",
    "Der søges en tillægsbevilling på {amount} i {yyyy}.",
]
OTHER = [
    "Sagen har været sendt til udtalelse hos de relevante parter.",
    "Sagen behandles efter de gældende regler på området.",
    "Der er ingen konsekvenser for antallet af medarbejdere.",
]
PROCESS = [
    "Efter behandlingen sendes sagen videre, og der følges op i {month} {yyyy2}.",
    "Der udarbejdes en tidsplan for det videre arbejde.",
]
COMMUNICATION = ["Beslutningen offentliggøres på hjemmesiden.", "Borgerne orienteres ved et informationsmøde."]
MINUTES = [
    "Formanden gennemgik status for {subject}.",
    "Der var en kort drøftelse af {obj}.",
    "Medlemmerne stillede spørgsmål til tidsplanen.",
]
ATTACHMENTS = ["Notat om {subject}", "Tidsplan for {project}", "Økonomisk oversigt {yyyy}", "Høringssvar samlet"]
SUB_TEXT = [
    "Der blev orienteret om {subject}.",
    "{Dept} orienterede om {project}.",
    "Der er modtaget en henvendelse om {service}.",
]


# -- templates -------------------------------------------------------------------------------

_TOKEN = re.compile(r"\{(\w+)\}")


def fill(template: str, tokens: dict[str, object]) -> str:
    """Fill ``{token}`` fields. ``{TOKEN}`` prints a token in capitals, ``{Token}`` with a
    capital first letter, when only the other spelling is defined.

    Example:
        >>> fill("{KIND} {When}", {"Kind": "Referat", "when": "onsdag den 1. maj"})
        'REFERAT Onsdag den 1. maj'
    """

    def one(match: re.Match) -> str:
        name = match.group(1)
        if name in tokens:
            return str(tokens[name])
        if name.isupper() and len(name) > 1:
            for key, value in tokens.items():
                if key.lower() == name.lower():
                    return str(value).upper()
        alternative = name[0].lower() + name[1:] if name[0].isupper() else name[0].upper() + name[1:]
        if alternative in tokens:
            value = str(tokens[alternative])
            return value[:1].upper() + value[1:] if name[0].isupper() else value[:1].lower() + value[1:]
        raise KeyError(name)

    return _TOKEN.sub(one, template)


def pattern_of(value: object) -> str:
    return value["pattern"] if isinstance(value, dict) else value  # type: ignore[index]


def weighted(rng: random.Random, values: list) -> object:
    weights = [value.get("weight", 1) if isinstance(value, dict) else 1 for value in values]
    return rng.choices(values, weights=weights)[0]


def literal_fragments(value: object) -> list[str]:
    """The literal text of a value (its strings with ``{tokens}`` cut out), for tests
    that check which values a document prints."""
    strings: list[str] = []

    def walk(node: object, key: str = "") -> None:
        if key in ("mode", "kind", "outcome", "weight", "only"):
            return
        if isinstance(node, str):
            strings.extend(part for part in _TOKEN.split(node)[::2])
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)

    walk(value)
    return [" ".join(s.split()) for s in strings if s.strip()]


class Style:
    """The value chosen for each dimension in one document (held-out or development).

    A dimension is fixed for the whole document the first time it is asked for, as a
    publisher is consistent; ``used`` records which dimensions the document printed.
    """

    def __init__(self, rng: random.Random, held_out: set[str]):
        self.rng = rng
        self.held_out = held_out
        self.chosen: dict[str, object] = {}
        self.used: set[str] = set()

    def pool(self, dimension: str) -> list:
        return HELD_OUT[dimension] if dimension in self.held_out else DEV[dimension]

    def get(self, dimension: str) -> object:
        self.used.add(dimension)
        if dimension not in self.chosen:
            self.chosen[dimension] = weighted(self.rng, self.pool(dimension))
        return self.chosen[dimension]

    def peek(self, dimension: str) -> object:
        """The value without marking the dimension used (to plan around it)."""
        if dimension not in self.chosen:
            self.chosen[dimension] = weighted(self.rng, self.pool(dimension))
        return self.chosen[dimension]

    def decision(self, outcome: str | None, plain: bool = False) -> dict:
        """A phrase for one outcome: mostly the document's usual one, sometimes another.
        ``plain``: only phrases without fields (approving the agenda is "Godkendt.")."""
        key = f"decision_phrase:{outcome}:{plain}"
        self.used.add("decision_phrase")
        options = [
            v for v in self.pool("decision_phrase") if v["outcome"] == outcome and not (plain and "{" in v["text"])
        ]
        options = options or [v for v in self.pool("decision_phrase") if v["outcome"] == outcome]
        if key not in self.chosen:
            self.chosen[key] = weighted(self.rng, options)
        if self.rng.random() < 0.25:
            return weighted(self.rng, options)
        return self.chosen[key]


# -- the printed document, format-neutral ---------------------------------------------------


@dataclass
class Para:
    text: str  # "\n" a forced line break, "\t" a tab gap
    bold: bool = False
    size: float = 10.0
    tab: float = 40.0  # tab gap in points (PDF, DOCX)
    space_before: float = 0.0
    numbered: tuple[int, int] | None = None  # DOCX list: (list id, level); then ``docx_text`` is printed
    docx_text: str = ""
    indent: float = 0.0
    # What the line is, for renderers that print structure rather than typography (HTML):
    # "org", "title", "field", "label", "person", "part", "item", "subitem", "section",
    # "section_inline" (heading and text on one line); "" plain text.
    role: str = ""
    # A "field" line's label-value pairs as printed: (label, value, the field's own line).
    fields: list[tuple[str, str, str]] = field(default_factory=list)
    # A "section_inline" line's heading and the separator after it.
    label: str = ""
    sep: str = ""


@dataclass
class Table:
    rows: list[list[str]]
    widths: list[float]  # fractions of the text width


@dataclass
class PageBreak:
    pass


@dataclass
class Section:
    """One meeting's share of the document: its blocks and its running header/footer."""

    blocks: list = field(default_factory=list)
    header: str = ""
    footer: str = ""
    lists: dict[int, list[str]] = field(default_factory=dict)  # DOCX list id -> level formats


# -- content ---------------------------------------------------------------------------------


def amount(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.randint(2, 95) * 50_000:,} kr.".replace(",", ".")
    return f"{rng.randint(11, 99) / 10:.1f}".replace(".", ",") + " mio. kr."


def full_name(rng: random.Random) -> str:
    parts = [rng.choice(FIRST)]
    if rng.random() < 0.3:
        parts.append(rng.choice(MIDDLE))
    parts.append(rng.choice(LAST))
    return " ".join(parts)


def join_words(words: list[str], sep: str, last: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return sep.join(words[:-1]) + last + words[-1]


class Content:
    """Invented words for one meeting: the tokens every content template can use."""

    def __init__(self, rng: random.Random, town: str, year: int, dept: str):
        self.rng = rng
        self.town = town
        self.year = year
        self.dept = dept

    def tokens(self) -> dict[str, object]:
        rng = self.rng
        base = {
            "Town": self.town,
            "Name": rng.choice(NAMES),
            "Street": rng.choice(STREETS),
            "service": rng.choice(SERVICES),
            "subject": rng.choice(SUBJECTS),
            "yyyy": self.year,
            "yyyy0": self.year - 1,
            "yyyy2": self.year + 1,
            "month": rng.choice(MONTHS),
            "month0": rng.choice(MONTHS),
            "d": rng.randint(1, 28),
            "no": rng.randint(2, 48),
            "num": rng.randint(100, 999),
            "k0": rng.randint(30, 240),
            "pct": rng.randint(3, 19),
            "w": rng.choice([4, 6, 8]),
            "amount": amount(rng),
            "Dept": self.dept,
        }
        base["project"] = fill(rng.choice(PROJECTS), base)
        base["plan"] = fill(rng.choice(PLANS), base)
        base["fund"] = fill(rng.choice(FUNDS), base)
        base["obj"] = fill(rng.choice(OBJECTS), base)
        return base

    def sentences(self, templates: list[str], count: int = 1) -> list[str]:
        return [fill(t, self.tokens()) for t in self.rng.sample(templates, min(count, len(templates)))]

    def text(self, templates: list[str], count: int = 1) -> str:
        return " ".join(self.sentences(templates, count))

    def clause(self, body: str) -> dict[str, str]:
        """One recommendation clause, in its passive, active and verb-first forms."""
        tokens = self.tokens()
        passive, active = self.rng.choice(CLAUSE_VERBS)
        obj = tokens["obj"]
        tokens["obj"] = obj
        verb_phrase = fill(active, tokens)
        return {
            "passive": f"{obj} {fill(passive, tokens)}",
            "active": f"{body} {verb_phrase}",
            "verb": verb_phrase,
        }


# -- one meeting ------------------------------------------------------------------------------


@dataclass
class Meeting:
    body: str
    body_value: dict
    organisation: str | None
    dept: str
    unit: str
    kind_word: dict
    date: tuple[int, int, int]
    start: tuple[int, int]
    end: tuple[int, int]
    place: str
    town: str
    street: str
    zip: str
    phone: str
    participants: list[dict]
    show_present: bool
    show_secretary: bool


def make_meeting(rng: random.Random, style: Style, previous: Meeting | None) -> Meeting:
    body_value = style.get("body_form") if previous is None else previous.body_value
    town = previous.town if previous else rng.choice(TOWNS)
    tokens = {"Town": town, "Region": rng.choice(REGIONS), "Name": rng.choice(NAMES)}
    if previous is not None and rng.random() < 0.6:
        body = previous.body
    else:
        body = fill(body_value["body"], {**tokens, "topic": rng.choice(body_value.get("topic", [""]))})
    organisation = previous.organisation if previous else fill(body_value["org"], tokens)
    dept = rng.choice(body_value["dept"])
    kind_word = style.get("kind_word") if previous is None else weighted(rng, style.pool("kind_word"))
    if previous is None:
        date = (rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28))
    else:
        year, month, day = previous.date
        month += rng.randint(1, 2)
        date = (year + (month - 1) // 12, (month - 1) % 12 + 1, rng.randint(1, 28))
    start = (rng.choice([8, 9, 10, 13, 14, 15, 16, 17, 18, 19]), rng.choice([0, 0, 0, 15, 30]))
    end = (min(start[0] + rng.randint(1, 3), 23), rng.choice([0, 15, 30, 45]))
    street = rng.choice(STREETS)
    zip_code = str(rng.randint(1000, 9990))
    place = fill(
        rng.choice(PLACES),
        {"Town": town, "Street": street, "no": rng.randint(1, 60), "k": rng.randint(1, 4), "zip": zip_code},
    )
    political = body_value["political"]
    count = rng.randint(5, 11) if political else rng.randint(4, 7)
    names: list[str] = []
    while len(names) < count:
        name = full_name(rng)
        if name not in names and all(name.split()[-1] != n.split()[-1] for n in names):
            names.append(name)
    roles = ROLES_POLITICAL if political else ROLES_ASSOCIATION
    participants = []
    absent = set(rng.sample(range(1, count), rng.choice([0, 1, 1, 2])))
    for index, name in enumerate(names):
        role = roles[index] if index < len(roles) and rng.random() < 0.8 else None
        participants.append(
            {
                "name": name,
                "party": rng.choice(PARTIES) if political else None,
                "role": role,
                "status": "absent" if index in absent else "present",
            }
        )
    participants.append({"name": full_name(rng), "party": None, "role": None, "status": "secretary"})
    return Meeting(
        body=body,
        body_value=body_value,
        organisation=organisation,
        dept=dept,
        unit=rng.choice(body_value["unit"]),
        kind_word=kind_word,
        date=date,
        start=start,
        end=end,
        place=place,
        town=town,
        street=street,
        zip=zip_code,
        phone=f"{rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        participants=participants,
        show_present=rng.random() < 0.85,
        show_secretary=rng.random() < 0.6,
    )


def weekday(date: tuple[int, int, int]) -> str:
    import datetime

    return WEEKDAYS[datetime.date(*date).weekday()]


def format_date(style: Style, date: tuple[int, int, int]) -> str:
    value = style.get("date_format")
    months = value.get("months", MONTHS) if isinstance(value, dict) else MONTHS
    year, month, day = date
    return fill(
        pattern_of(value),
        {
            "d": day,
            "dd": f"{day:02d}",
            "m": month,
            "mm": f"{month:02d}",
            "yyyy": year,
            "month": months[month - 1],
        },
    )


def format_when(style: Style, date: tuple[int, int, int]) -> str:
    prefix = fill(style.get("weekday_form"), {"weekday": weekday(date)})
    return prefix + format_date(style, date)


def format_time(style: Style, meeting: Meeting) -> str:
    (h, m), (eh, em) = meeting.start, meeting.end
    return fill(style.get("time_format"), {"HH": f"{h:02d}", "MM": f"{m:02d}", "EH": f"{eh:02d}", "EM": f"{em:02d}"})


def genitive(name: str) -> str:
    return name if name.endswith("s") else name + "s"


# -- the document builder ---------------------------------------------------------------------


class Builder:
    """Prints meetings as blocks and writes the gold of what it printed."""

    def __init__(self, rng: random.Random, style: Style, fmt: str):
        self.rng = rng
        self.style = style
        self.fmt = fmt
        self.sections: list[Section] = []
        self.gold_meetings: list[dict] = []
        self.list_ids = 0

    # header --------------------------------------------------------------------------------

    def meeting(self, meeting: Meeting, first_number: int) -> None:
        style, rng = self.style, self.rng
        section = Section()
        self.sections.append(section)
        blocks = section.blocks
        kind_word = meeting.kind_word
        date_text = format_date(style, meeting.date)
        when = format_when(style, meeting.date)
        time_text = format_time(style, meeting)
        tokens = {
            "Kind": kind_word["word"],
            "kind": kind_word["word"],
            "prep": kind_word["prep"],
            "Body": meeting.body,
            "when": when,
            "date": date_text,
            "time": time_text,
            "place": meeting.place,
            "Org": meeting.organisation,
            "Dept": meeting.dept,
            "Unit": meeting.unit,
        }
        gold: dict = {
            "kind": kind_word["kind"],
            "body": meeting.body,
            "organisation": None,
            "date": "{:04d}-{:02d}-{:02d}".format(*meeting.date),
            "start_time": "{:02d}:{:02d}".format(*meeting.start),
            "location": meeting.place,
            "participants": [],
            "items": [],
        }
        self.gold_meetings.append(gold)

        if rng.random() < 0.75:
            gold["organisation"] = meeting.organisation
            for line in fill(style.get("org_form"), tokens).split("\n"):
                blocks.append(Para(line, size=9, role="org"))
            blocks.append(Para("", size=6))
        header = style.get("header_form")
        body_field = header["fields"] == "all" and rng.random() < 0.2
        for index, line in enumerate(header["lines"]):
            if body_field and "{Body}" in line and len(header["lines"]) > 1:
                continue
            text = fill(line, tokens)
            if "{when}" in line and not line.startswith("{when}"):
                text = fill(line, {**tokens, "when": when[:1].lower() + when[1:]})
            blocks.append(
                Para(text, bold=True, size=16 if index == 0 else 12, space_before=4 if index else 0, role="title")
            )
        blocks.append(Para("", size=6))

        fields: list[tuple[str, str]] = []
        if body_field:
            fields.append((style.get("label_body"), meeting.body))
        if header["fields"] == "all":
            fields.append((style.get("label_date"), when))
            if "{EH}" not in style.peek("time_format") and rng.random() < 0.3:
                start_only = fill(
                    style.get("time_format"),
                    {"HH": f"{meeting.start[0]:02d}", "MM": f"{meeting.start[1]:02d}", "EH": "", "EM": ""},
                )
                (eh, em) = meeting.end
                end_text = fill(style.get("time_format"), {"HH": f"{eh:02d}", "MM": f"{em:02d}", "EH": "", "EM": ""})
                fields.append((style.get("label_time"), start_only))
                fields.append((style.get("label_end"), end_text))
            else:
                fields.append((style.get("label_time"), time_text))
            fields.append((style.get("label_location"), meeting.place))
        layout = style.get("field_layout")
        self._fields(blocks, layout, fields)
        self._participants(blocks, layout, meeting, gold)
        blocks.append(Para("", size=8))
        self._items(section, meeting, gold, tokens, first_number)

    def _fields(self, blocks: list, layout: dict, fields: list[tuple[str, str]]) -> None:
        per_row = layout.get("per_row", 1)
        if "cells" in layout:
            if fields:
                blocks.append(
                    Table(
                        [
                            [fill(c, {"label": label, "value": value}) for c in layout["cells"]]
                            for label, value in fields
                        ],
                        [0.3, 0.7],
                    )
                )
            return
        row: list[str] = []
        printed: list[tuple[str, str, str]] = []
        label_form = "{LABEL}" if "{LABEL}" in layout["line"] else "{label}"
        for label, value in fields:
            row.append(fill(layout["line"], {"label": label, "value": value}))
            printed.append((fill(label_form, {"label": label}), value, row[-1]))
            if len(row) == per_row or len(layout.get("sep", "").join(row)) > 60:
                blocks.append(Para(layout.get("sep", "").join(row), tab=110, role="field", fields=printed))
                row, printed = [], []
        if row:
            blocks.append(Para(layout.get("sep", "").join(row), tab=110, role="field", fields=printed))

    @staticmethod
    def _label_line(layout: dict, label: str) -> str:
        """A label printed alone above a list ("Deltagere:" from "{label}: {value}")."""
        return fill(layout["line"], {"label": label, "value": ""}).rstrip("\t\n ")

    def _person(self, person: dict, political: bool) -> str:
        formats = self.style.get("participant_format")
        key = ("party_" if person["party"] else "") + ("role" if person["role"] else "")
        key = {"": "plain", "party_": "party"}.get(key, key)
        role = person["role"] or ""
        return fill(formats[key], {"name": person["name"], "party": person["party"] or "", "role": role})

    def _participants(self, blocks: list, layout: dict, meeting: Meeting, gold: dict) -> None:
        style = self.style
        political = meeting.body_value["political"]
        groups = []
        members = [p for p in meeting.participants if p["status"] != "secretary"]
        if meeting.show_present:
            groups.append(("label_present", [p for p in members if p["status"] == "present"]))
        absent = [p for p in members if p["status"] == "absent"]
        if absent:
            groups.append(("label_absent", absent))
        if meeting.show_secretary:
            groups.append(("label_secretary", [p for p in meeting.participants if p["status"] == "secretary"]))
        if not groups:
            return
        people_layout = style.get("participant_layout")
        for dimension, people in groups:
            label = style.get(dimension)
            for person in people:
                gold["participants"].append(dict(person))
            if people_layout["mode"] == "table":
                if "cells" in layout:
                    blocks.append(Table([[fill(layout["cells"][0], {"label": label, "value": ""}), ""]], [0.3, 0.7]))
                else:
                    blocks.append(Para(self._label_line(layout, label), role="label"))
                rows = [[p["name"], p["party"] or "", p["role"] or ""] for p in people]
                if not political:
                    rows = [[r[0], r[2]] for r in rows]
                blocks.append(Table(rows, [0.45, 0.15, 0.4] if political else [0.5, 0.5]))
                continue
            texts = [self._person(p, political) for p in people]
            if people_layout["mode"] == "inline":
                value = join_words(texts, people_layout["sep"], people_layout.get("last", people_layout["sep"]))
                self._fields(blocks, {**layout, "per_row": 1}, [(label, value)])
            else:
                bullet = people_layout.get("bullet", "")
                if "cells" in layout:
                    blocks.append(
                        Table(
                            [
                                [
                                    fill(layout["cells"][0], {"label": label, "value": ""}),
                                    "\n".join(bullet + t for t in texts),
                                ]
                            ],
                            [0.3, 0.7],
                        )
                    )
                else:
                    blocks.append(Para(self._label_line(layout, label), role="label"))
                    for text in texts:
                        blocks.append(Para(bullet + text, indent=12, role="person"))

    # items ---------------------------------------------------------------------------------

    def _items(self, section: Section, meeting: Meeting, gold: dict, tokens: dict, first_number: int) -> None:
        style, rng = self.style, self.rng
        content = Content(rng, meeting.town, meeting.date[0], meeting.dept)
        n_items = rng.choice([3, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 10, 11, 12])
        n_closed = 0
        if rng.random() < 0.55 and n_items >= 4:
            n_closed = rng.choice([1, 1, 2, 3])
        heading = style.get("item_heading")
        lettered = "{L}" in heading
        closed_value = style.peek("access_closed") if n_closed else None
        numbering_ok = (
            self.fmt == "docx"
            and rng.random() < 0.45
            and heading.index("{title}") > 0
            and (closed_value is None or closed_value["mode"] != "prefix")
        )
        list_id = None
        if numbering_ok:
            self.list_ids += 1
            list_id = self.list_ids
            prefix = heading.split("{title}")[0]
            sub = style.peek("subitem_form").split("{title}")[0]
            section.lists[list_id] = [
                _lvl_text(prefix, 0, first_number if not lettered else 1, lettered),
                _lvl_text(sub, 1, 1, False),
            ]
        standard_first = ["Godkendelse af dagsorden"] if rng.random() < 0.5 else []
        standard_last = ["Eventuelt"] if rng.random() < 0.5 else []
        public_count = n_items - n_closed
        if public_count - len(standard_first) - len(standard_last) < 2:
            standard_first = standard_last = []
        meddelelser = rng.random() < 0.45 and public_count >= 3
        plan: list[tuple[str, str]] = [("standard", t) for t in standard_first]
        if meddelelser:
            plan.append(
                ("news", rng.choice(["Meddelelser", "Orientering fra formanden", "Meddelelser og orientering"]))
            )
        while len(plan) < public_count - len(standard_last):
            plan.append(("case", ""))
        plan += [("standard", t) for t in standard_last]
        plan = plan[:public_count] if public_count > 0 else []
        plan += [("closed", "")] * n_closed

        used_titles: set[str] = set()
        agenda = meeting.kind_word["kind"] == "dagsorden"
        public_value = style.peek("access_public")
        if public_value["mode"] == "part":
            style.get("access_public")
            section.blocks.append(Para(public_value["text"], bold=True, size=13, space_before=6, role="part"))
        for position, (kind, fixed_title) in enumerate(plan):
            number = first_number + position
            number_text = _letter(position + 1) if lettered else str(number)
            closed = kind == "closed"
            if closed and (position == 0 or plan[position - 1][0] != "closed"):
                closed_value = style.get("access_closed")
                if closed_value["mode"] == "part":
                    section.blocks.append(Para(closed_value["text"], bold=True, size=13, space_before=8, role="part"))
            if fixed_title:
                title = fixed_title
            else:
                pool = CLOSED_TITLES if closed else TITLES
                for _ in range(20):
                    title = fill(rng.choice(pool), content.tokens())
                    if title not in used_titles:
                        break
            used_titles.add(title)
            item_gold = self._item(
                section, meeting, content, tokens, kind, number_text, title, list_id, agenda, heading, lettered
            )
            gold["items"].append(item_gold)

    def _heading_text(self, template: str, number_text: str, title: str, tokens: dict) -> str:
        return fill(template, {"n": number_text, "L": number_text, "title": title})

    def _item(
        self,
        section: Section,
        meeting: Meeting,
        content: Content,
        tokens: dict,
        kind: str,
        number_text: str,
        title: str,
        list_id: int | None,
        agenda: bool,
        heading: str,
        lettered: bool,
    ) -> dict:
        style, rng = self.style, self.rng
        closed = kind == "closed"
        blocks = section.blocks
        head = self._heading_text(heading, number_text, title, tokens)
        docx_title = title
        marker_line = None
        if closed:
            access_value = style.get("access_closed")
        else:
            access_value = style.peek("access_public")
            if access_value["mode"] == "part":
                access_value = {"mode": "none"}  # the part heading above the items says it
            else:
                style.get("access_public")
        mode = access_value["mode"]
        if closed and mode == "part":
            mode = "none"
        if mode == "prefix":
            head = f"{access_value['text']} {head}"
        elif mode == "suffix":
            head = f"{head} {access_value['text']}"
            docx_title = f"{title} {access_value['text']}"
        elif mode == "line":
            marker_line = access_value["text"]
        blocks.append(
            Para(
                head,
                bold=True,
                size=12,
                tab=36,
                space_before=10,
                numbered=(list_id, 0) if list_id else None,
                docx_text=docx_title,
                role="item",
            )
        )
        if marker_line:
            blocks.append(Para(marker_line, size=9))
        if rng.random() < 0.25:
            blocks.append(Para(f"Sagsnr.: {rng.randint(19, 26)}/{rng.randint(1000, 29999)}", size=9))
        item_gold: dict = {
            "number": number_text,
            "title": title,
            "access": "closed" if closed else "public",
            "sections": [],
            "recommendations": [],
            "decisions": [],
            "positions": [],
            "subitems": [],
        }
        item_tokens = {**tokens, "n": number_text}
        if closed:
            if not agenda and rng.random() < 0.65:
                self._decision_section(
                    blocks,
                    meeting,
                    item_gold,
                    item_tokens,
                    rng.choice(["approved", "approved", "noted", "postponed"]),
                    votes=False,
                    plain=True,
                )
            return item_gold
        if kind == "standard":
            if title.startswith("Godkendelse"):
                if not agenda:
                    self._decision_section(blocks, meeting, item_gold, item_tokens, "approved", votes=False, plain=True)
            else:
                if rng.random() < 0.5:
                    self._section(blocks, item_gold, "minutes", [content.text(MINUTES, 1)], item_tokens)
                if not agenda and rng.random() < 0.7:
                    self._decision_section(
                        blocks,
                        meeting,
                        item_gold,
                        item_tokens,
                        rng.choice([None, "discussed", "noted"]),
                        votes=False,
                        plain=True,
                    )
            return item_gold
        if kind == "news":
            self._news(section, meeting, content, item_gold, item_tokens, number_text, list_id, agenda, lettered)
            return item_gold
        self._case(blocks, meeting, content, item_gold, item_tokens, agenda)
        return item_gold

    def _news(
        self,
        section: Section,
        meeting: Meeting,
        content: Content,
        item_gold: dict,
        tokens: dict,
        number_text: str,
        list_id: int | None,
        agenda: bool,
        lettered: bool,
    ) -> None:
        style, rng = self.style, self.rng
        blocks = section.blocks
        if lettered or rng.random() < 0.25:
            self._section(blocks, item_gold, "minutes", [content.text(SUB_TEXT, 2)], tokens)
            if not agenda:
                self._decision_section(blocks, meeting, item_gold, tokens, "noted", votes=False, plain=True)
            return
        template = style.get("subitem_form")
        own_sections = rng.random() < 0.4
        markers = []
        titles: set[str] = set()
        for k in range(1, rng.randint(2, 4) + 1):
            for _ in range(20):
                sub_title = fill(rng.choice(SUB_TITLES), content.tokens())
                if sub_title not in titles:
                    break
            titles.add(sub_title)
            letter = _letter(k).lower()
            values = {"l": letter, "L": letter.upper(), "n": number_text, "k": k, "title": sub_title}
            if "{k}" in template:
                sub_number = f"{number_text}.{k}"
            elif "{L}" in template:
                sub_number = letter.upper()
            else:
                sub_number = letter
            markers.append(fill(template.split("{title}")[0], values).strip())
            blocks.append(
                Para(
                    fill(template, values),
                    bold=True,
                    size=10.5,
                    space_before=6,
                    numbered=(list_id, 1) if list_id else None,
                    docx_text=sub_title,
                    role="subitem",
                )
            )
            sub_gold: dict = {
                "number": sub_number,
                "title": sub_title,
                "access": "public",
                "sections": [],
                "recommendations": [],
                "decisions": [],
                "positions": [],
                "subitems": [],
            }
            if own_sections:
                self._section(blocks, sub_gold, "background", [content.text(SUB_TEXT, 1)], tokens)
                if not agenda:
                    self._decision_section(blocks, meeting, sub_gold, tokens, "noted", votes=False, plain=True)
            else:
                blocks.append(Para(content.text(SUB_TEXT, 1)))
            item_gold["subitems"].append(sub_gold)
        if not own_sections and not agenda:
            # After the last sub-item, a decision that names the sub-items belongs to the item.
            phrase = fill(style.decision("noted", plain=True)["text"], self._phrase_tokens(meeting, tokens))
            text = f"Ad {join_words(markers, ', ', ' og ')}: {phrase}"
            self._decision_section(blocks, meeting, item_gold, tokens, "noted", votes=False, text=text)

    def _case(
        self, blocks: list, meeting: Meeting, content: Content, item_gold: dict, tokens: dict, agenda: bool
    ) -> None:
        style, rng = self.style, self.rng
        order = style.get("section_order")
        chosen = {"background"} if rng.random() < 0.9 else set()
        for kind, p in (
            ("summary", 0.4),
            ("economy", 0.45),
            ("other", 0.2),
            ("process", 0.15),
            ("communication", 0.12),
            ("attachments", 0.35),
            ("recommendation", 0.8),
        ):
            if rng.random() < p:
                chosen.add(kind)
        if not agenda:
            chosen.add("decision")
        for kind in order:
            if kind not in chosen:
                continue
            if kind == "recommendation":
                self._recommendation(blocks, meeting, content, item_gold, tokens)
            elif kind == "decision":
                outcome = rng.choices(
                    ["approved", "noted", "postponed", "rejected", "referred", "discussed"],
                    weights=[50, 16, 9, 7, 10, 5],
                )[0]
                self._decision_section(
                    blocks,
                    meeting,
                    item_gold,
                    tokens,
                    outcome,
                    votes=meeting.body_value["political"] and rng.random() < 0.3,
                )
            elif kind == "attachments":
                titles = list(dict.fromkeys(fill(rng.choice(ATTACHMENTS), content.tokens()) for _ in range(3)))
                lines = [f"{i}. {title}" for i, title in enumerate(titles[: rng.randint(1, 3)], start=1)]
                self._section(blocks, item_gold, kind, lines, tokens, as_lines=True)
            else:
                pools = {
                    "summary": SUMMARY,
                    "background": BACKGROUND,
                    "economy": ECONOMY,
                    "other": OTHER,
                    "process": PROCESS,
                    "communication": COMMUNICATION,
                }
                count = rng.randint(2, 6) if kind == "background" else 1
                sentences = content.sentences(pools[kind], count)
                cut = rng.randint(1, len(sentences)) if len(sentences) > 2 and rng.random() < 0.5 else len(sentences)
                paragraphs = [p for p in (" ".join(sentences[:cut]), " ".join(sentences[cut:])) if p]
                self._section(blocks, item_gold, kind, paragraphs, tokens)

    # sections ------------------------------------------------------------------------------

    def _heading(self, kind: str, tokens: dict) -> str:
        template = self.style.get(f"sec_{kind}")
        return fill(template, {**tokens, "BodyGen": genitive(tokens["Body"])})

    def _section(
        self,
        blocks: list,
        item_gold: dict,
        kind: str,
        paragraphs: list[str],
        tokens: dict,
        as_lines: bool = False,
        heading: str | None = None,
    ) -> None:
        """A heading and its paragraphs; returns nothing, records the section in gold."""
        heading = heading if heading is not None else self._heading(kind, tokens)
        style = self.style.get("section_heading_style")
        printed = heading.upper() if style.get("upper") else heading
        item_gold["sections"].append({"kind": kind, "heading": printed})
        texts = list(paragraphs)
        if as_lines:
            texts = ["\n".join(paragraphs)]
        if style["mode"] == "inline" and texts:
            first = texts[0]
            sep = style["sep"]
            first_line, _, rest = first.partition("\n")
            blocks.append(
                Para(
                    f"{printed}{sep}{first_line}",
                    tab=120,
                    space_before=5,
                    role="section_inline",
                    label=printed,
                    sep=sep,
                )
            )
            if rest:
                blocks.append(Para(rest, indent=120 if sep == "\t" else 0))
            for text in texts[1:]:
                blocks.append(Para(text, indent=120 if sep == "\t" else 0))
            return
        blocks.append(Para(printed, bold=bool(style.get("bold")), size=10.5, space_before=6, role="section"))
        for text in texts:
            blocks.append(Para(text))

    def _recommendation(self, blocks: list, meeting: Meeting, content: Content, item_gold: dict, tokens: dict) -> None:
        style, rng = self.style, self.rng
        form = style.get("rec_form")
        intro = fill(style.get("rec_intro"), tokens)
        clauses = [content.clause(meeting.body) for _ in range(rng.choice([1, 1, 2, 2, 3, 4]))]
        printed: list[str] = []
        gold: list[str] = []
        n = len(clauses)
        for index, clause in enumerate(clauses):
            lower = clause["passive"] if rng.random() < 0.6 else clause["active"]
            # A verb-first clause ("Godkender …") stands only under a heading, with no intro sentence.
            capital = rng.choice(
                [clause["passive"], clause["active"]] + ([clause["verb"]] if not form.get("intro", "x") else [])
            )
            capital = capital[:1].upper() + capital[1:]
            if index == n - 1:
                ending = form["end"]
            elif index == n - 2:
                ending = form["last_sep"]
            else:
                ending = form["sep"]
            text_lower = lower
            if form["mode"] == "inline":
                printed.append(text_lower)
                gold.append(text_lower + (ending if index == n - 1 else ""))
                continue
            item = fill(form["item"], {"c": text_lower, "C": capital, "k": index + 1, "K": _letter(index + 1)})
            printed.append(item + ending)
            core = text_lower if "{c}" in form["item"] else capital
            gold.append(core + (ending if ending == "." or index == n - 1 else ""))
        if form["mode"] == "inline":
            sentence = fill(form["first"], {"intro": intro}) + printed[0]
            for index, text in enumerate(printed[1:], start=1):
                sentence += (form["last_sep"] if index == n - 1 else form["sep"]) + text
            sentence += form["end"]
            paragraphs = [sentence]
        else:
            lines = ([fill(form["intro"], {"intro": intro})] if form["intro"] else []) + printed
            paragraphs = ["\n".join(lines)]
        item_gold["recommendations"].extend(gold)
        self._section(blocks, item_gold, "recommendation", paragraphs, tokens)

    def _phrase_tokens(self, meeting: Meeting, tokens: dict) -> dict:
        rng = self.rng
        value = meeting.body_value
        upper = value["upper"][0] if value["upper"] else "Byrådet"
        refer = rng.choice([r for r in value["refer"] if r != meeting.body] or ["Byrådet"])
        change = fill(rng.choice(CHANGES), {"amount": amount(rng), "yyyy2": meeting.date[0] + 1})
        return {**tokens, "Upper": upper, "Refer": refer, "change": change}

    def _decision_section(
        self,
        blocks: list,
        meeting: Meeting,
        item_gold: dict,
        tokens: dict,
        outcome: str | None,
        votes: bool,
        text: str | None = None,
        plain: bool = False,
    ) -> None:
        style, rng = self.style, self.rng
        if text is None:
            phrase_value = style.decision(outcome, plain)
            if "{Upper}" in phrase_value["text"] and not meeting.body_value["upper"]:
                phrase_value = next(
                    v for v in style.pool("decision_phrase") if v["outcome"] == outcome and "{Upper}" not in v["text"]
                )
            text = fill(phrase_value["text"], self._phrase_tokens(meeting, tokens))
            outcome = phrase_value["outcome"]
        lines = [text]
        positions: list[dict] = []
        if votes and outcome in ("approved", "rejected"):
            lines += self._votes(meeting, outcome, positions)
        if meeting.body_value["political"] and rng.random() < 0.08:
            member = rng.choice([p for p in meeting.participants if p["status"] == "present"])
            who = f"{member['name']} ({member['party']})" if member["party"] else member["name"]
            sentence = fill(style.get("not_participating"), {"who": who})
            lines.append(sentence)
            positions.append({"actor": member["name"], "stance": "not_participating", "text": sentence})
        item_gold["decisions"].append({"text": " ".join(" ".join(lines).split()), "outcome": outcome})
        item_gold["positions"].extend(positions)
        self._section(blocks, item_gold, "decision", ["\n".join(lines)], tokens)

    def _votes(self, meeting: Meeting, outcome: str, positions: list[dict]) -> list[str]:
        style, rng = self.style, self.rng
        options = [v for v in style.pool("vote_form") if v.get("only") in (None, outcome)]
        if "vote_form" not in style.chosen or style.chosen["vote_form"] not in options:
            style.chosen["vote_form"] = weighted(rng, options)
        form = style.get("vote_form")
        join = style.peek("letters_join")
        letters = sorted(
            {p["party"] for p in meeting.participants if p["party"] and p["status"] == "present"}, key=PARTIES.index
        )
        if len(letters) < 2:
            return []
        rng.shuffle(letters)
        cut = (len(letters) + 1) // 2
        majority, minority = letters[:cut], letters[cut:]
        abstain = minority[-1:] if len(minority) > 1 and rng.random() < 0.4 else []
        minority = [x for x in minority if x not in abstain]
        groups = {"for": majority, "against": minority, "abstain": abstain}
        if outcome == "rejected":
            groups["for"], groups["against"] = minority, majority
        counts = {k: sum(rng.randint(1, 4) for _ in v) for k, v in groups.items()}
        if counts["for"] <= counts["against"] and outcome == "approved":
            counts["for"] = counts["against"] + rng.randint(1, 3)
        if counts["against"] <= counts["for"] and outcome == "rejected":
            counts["against"] = counts["for"] + rng.randint(1, 3)
        lines = []
        for template in form["lines"]:
            needed = [
                k for k in ("for", "against", "abstain") if "{" + k + "}" in template or "{n" + k + "}" in template
            ]
            if any(not groups[k] for k in needed):
                continue
            if any("{" + k + "}" in template for k in needed):
                style.get("letters_join")
            values = {k: join_words(sorted(v, key=PARTIES.index), join["sep"], join["last"]) for k, v in groups.items()}
            values.update({"n" + k: v for k, v in counts.items()})
            line = fill(template, values)
            lines.append(line)
            for k in needed:
                if "{" + k + "}" in template:
                    stance = {"for": "for", "against": "against", "abstain": "abstain"}[k]
                    for letter in groups[k]:
                        positions.append({"actor": PARTY_NAMES[letter], "stance": stance, "text": line})
        return lines


def _letter(index: int) -> str:
    return chr(ord("A") + index - 1)


def _lvl_text(prefix: str, level: int, start: int, lettered: bool) -> str:
    """A Word list level: "fmt|start|lvlText|suffix" from a heading's printed prefix."""
    token = "%1" if level == 0 else "%2"
    if "{k}" in prefix:
        fmt, text = "decimal", prefix.replace("{n}", "%1").replace("{k}", "%2")
    elif "{L}" in prefix:
        fmt, text = "upperLetter", prefix.replace("{L}", token)
    elif "{l}" in prefix:
        fmt, text = "lowerLetter", prefix.replace("{l}", token)
    else:
        fmt, text = ("upperLetter" if lettered else "decimal"), prefix.replace("{n}", token)
    suffix = "tab" if "\t" in text else "space"
    return f"{fmt}|{start}|{text.strip()}|{suffix}"


# -- rendering: PDF ---------------------------------------------------------------------------

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 70.0, 60.0, 76.0, 72.0


def _pdf_font(bold: bool) -> str:
    return "Helvetica-Bold" if bold else "Helvetica"


def _wrap(words: list[str], width: float, font: str, size: float, measure) -> list[str]:
    lines, line = [], ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if line and measure(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def render_pdf(path: Path, sections: list[Section], furniture: list[tuple[str, str, dict]]) -> int:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    pages: list[list[tuple]] = []
    page_section: list[int] = []
    width = PAGE_W - LEFT - RIGHT
    y = 0.0

    def new_page(section_index: int) -> None:
        nonlocal y
        pages.append([])
        page_section.append(section_index)
        y = PAGE_H - TOP

    def need(height: float, section_index: int) -> None:
        if y - height < BOTTOM:
            new_page(section_index)

    for section_index, section in enumerate(sections):
        new_page(section_index)
        for block in section.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    cells = [
                        [
                            ln
                            for part in cell.split("\n")
                            for ln in (_wrap(part.split(), width * w - 8, "Helvetica", 9.5, stringWidth) or [""])
                        ]
                        for cell, w in zip(row, block.widths, strict=True)
                    ]
                    height = max(len(c) for c in cells) * 12.5 + 2
                    need(height, section_index)
                    x = LEFT
                    for cell, w in zip(cells, block.widths, strict=True):
                        for k, text in enumerate(cell):
                            pages[-1].append((x, y - 10 - k * 12.5, text, "Helvetica", 9.5))
                        x += width * w
                    y -= height
                y -= 4
                continue
            if isinstance(block, PageBreak):
                new_page(section_index)
                continue
            size = block.size
            leading = size * 1.3
            font = _pdf_font(block.bold)
            if not block.text.strip():
                y -= leading * 0.6
                continue
            y -= block.space_before
            for segment in block.text.split("\n"):
                x0 = LEFT + block.indent
                if "\t" in segment:
                    left, _, right = segment.partition("\t")
                    right = right.replace("\t", " ")
                    left_width = stringWidth(left, font, size)
                    gap = block.tab if left_width + 6 <= block.tab else left_width + 8
                    lines = _wrap(right.split(), width - block.indent - gap, font, size, stringWidth) or [""]
                    need(leading, section_index)
                    pages[-1].append((x0, y - size, left, font, size))
                    for k, text in enumerate(lines):
                        if k:
                            need(leading, section_index)
                        pages[-1].append((x0 + gap, y - size, text, font, size))
                        y -= leading
                    continue
                lines = _wrap(segment.split(), width - block.indent, font, size, stringWidth) or [""]
                for text in lines:
                    need(leading, section_index)
                    pages[-1].append((x0, y - size, text, font, size))
                    y -= leading
            y -= 3
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setCreator("referat corpus/zoo/generate.py")
    total = len(pages)
    for number, ops in enumerate(pages, start=1):
        header, footer, tokens = furniture[page_section[number - 1]]
        values = {**tokens, "p": number, "P": total}
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(LEFT, PAGE_H - 40, fill(header, values))
        if footer:
            c.setFont("Helvetica", 8)
            c.drawString(LEFT, 36, fill(footer, values))
        for x, yy, text, font, size in ops:
            c.setFont(font, size)
            c.drawString(x, yy, text)
        c.showPage()
    c.save()
    return total


# -- rendering: TXT ---------------------------------------------------------------------------


def render_txt(path: Path, sections: list[Section], furniture: list[tuple[str, str, dict]], rng: random.Random) -> int:
    width = rng.randint(72, 110)
    page_lines = rng.randint(48, 64)
    pages: list[list[str]] = []
    page_section: list[int] = []
    for section_index, section in enumerate(sections):
        pages.append([])
        page_section.append(section_index)

        def emit(line: str, index: int = section_index) -> None:
            if len(pages[-1]) >= page_lines:
                pages.append([])
                page_section.append(index)
            pages[-1].append(line)

        for block in section.blocks:
            if isinstance(block, Table):
                columns = max(len(r) for r in block.rows)
                rows = [r + [""] * (columns - len(r)) for r in block.rows]
                widths = [max(len(part) for r in rows for part in r[c].split("\n")) for c in range(columns)]
                for row in rows:
                    depth = max(len(cell.split("\n")) for cell in row)
                    for k in range(depth):
                        parts = [
                            (cell.split("\n")[k] if k < len(cell.split("\n")) else "").ljust(widths[c])
                            for c, cell in enumerate(row)
                        ]
                        emit("   ".join(parts).rstrip())
                emit("")
                continue
            if isinstance(block, PageBreak):
                pages.append([])
                page_section.append(section_index)
                continue
            if not block.text.strip():
                emit("")
                continue
            if block.space_before >= 6:
                emit("")
            indent = " " * int(block.indent // 6)
            for segment in block.text.split("\n"):
                words = segment.split(" ")
                line = indent
                for word in words:
                    if len(line) + len(word) + 1 > width and line.strip():
                        emit(line.rstrip())
                        line = indent
                    line = f"{line}{word}" if not line.strip() else f"{line} {word}"
                emit(line.rstrip())
    total = len(pages)
    out = []
    for number, lines in enumerate(pages, start=1):
        header, footer, tokens = furniture[page_section[number - 1]]
        values = {**tokens, "p": number, "P": total}
        text = []
        if header:
            text += [fill(header, values), ""]
        text += lines
        if footer:
            text += ["", fill(footer, values)]
        out.append("\n".join(text) + "\n")
    path.write_text("\f".join(out), encoding="utf-8")
    return total


# -- rendering: DOCX --------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOCX_TIME = (2025, 1, 1, 8, 0, 0)
_FIELD = {
    "p": '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
    '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    "P": '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText>'
    '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
}


def _run(text: str, bold: bool = False, size: float | None = None) -> str:
    rpr = ""
    if bold or size:
        rpr = (
            "<w:rPr>"
            + ("<w:b/><w:bCs/>" if bold else "")
            + (f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>' if size else "")
            + "</w:rPr>"
        )
    pieces = []
    for k, line in enumerate(text.split("\n")):
        if k:
            pieces.append("<w:br/>")
        for j, part in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if part:
                pieces.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>"


def _para(block: Para, page_break: bool = False) -> str:
    ppr = ""
    if page_break:
        ppr += "<w:pageBreakBefore/>"
    if block.numbered:
        list_id, level = block.numbered
        ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{list_id}"/></w:numPr>'
    if "\t" in block.text:
        ppr += f'<w:tabs><w:tab w:val="left" w:pos="{int(block.tab * 20)}"/></w:tabs>'
    if block.space_before:
        ppr += f'<w:spacing w:before="{int(block.space_before * 20)}"/>'
    if block.indent:
        ppr += f'<w:ind w:left="{int(block.indent * 20)}"/>'
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    text = block.docx_text if block.numbered else block.text
    return f"<w:p>{ppr}{_run(text, block.bold, block.size if block.size != 10 else None)}</w:p>"


def _table(block: Table) -> str:
    total = 9070
    widths = [int(total * w) for w in block.widths]
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
    ]
    for row in block.rows:
        out.append("<w:tr>")
        for cell, w in zip(row, widths, strict=True):
            paras = "".join(f"<w:p>{_run(line)}</w:p>" for line in cell.split("\n"))
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{paras}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _furniture_para(template: str, tokens: dict, style: str) -> str:
    parts = re.split(r"(\{[pP]\})", fill(template, {**tokens, "p": "{p}", "P": "{P}"}))
    runs = "".join(_FIELD[part[1]] if part in ("{p}", "{P}") else _run(part) for part in parts if part)
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>'


def render_docx(path: Path, sections: list[Section], furniture: list[tuple[str, str, dict]]) -> None:
    body = []
    parts: list[tuple[str, str]] = []
    rels = []
    overrides = []
    lists: dict[int, list[str]] = {}
    for index, section in enumerate(sections):
        lists.update(section.lists)
        for k, block in enumerate(section.blocks):
            if isinstance(block, Table):
                body.append(_table(block))
            elif isinstance(block, Para):
                body.append(_para(block, page_break=(k == 0 and index > 0)))
        header, footer, tokens = furniture[index]
        refs = ""
        for kind, template, tag, style in (("header", header, "hdr", "Header"), ("footer", footer, "ftr", "Footer")):
            if not template:
                continue
            name = f"{kind}{index + 1}.xml"
            parts.append(
                (
                    f"word/{name}",
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    f'<w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{_furniture_para(template, tokens, style)}'
                    f"</w:{tag}>",
                )
            )
            rid = f"rId{kind.capitalize()}{index + 1}"
            rels.append(
                f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                f'relationships/{kind}" Target="{name}"/>'
            )
            overrides.append(
                f'<Override PartName="/word/{name}" ContentType="application/vnd.openxmlformats-'
                f'officedocument.wordprocessingml.{kind}+xml"/>'
            )
            refs += f'<w:{kind}Reference w:type="default" r:id="{rid}"/>'
        sect = (
            f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1700" w:right="1200" w:bottom="1400" w:left="1400" w:header="700" w:footer="600"'
            ' w:gutter="0"/></w:sectPr>'
        )
        if index < len(sections) - 1:
            body.append(f"<w:p><w:pPr>{sect}</w:pPr></w:p>")
        else:
            body.append(sect)
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" '
        f'xmlns:r="{R_NS}"><w:body>' + "".join(body) + "</w:body></w:document>"
    )
    abstracts, nums = [], []
    for list_id, levels in sorted(lists.items()):
        lvls = []
        for level, spec in enumerate(levels):
            fmt, start, text, suffix = spec.split("|")
            lvls.append(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
                '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>'
            )
        abstracts.append(
            f'<w:abstractNum w:abstractNumId="{list_id}"><w:multiLevelType w:val="multilevel"/>'
            + "".join(lvls)
            + "</w:abstractNum>"
        )
        nums.append(f'<w:num w:numId="{list_id}"><w:abstractNumId w:val="{list_id}"/></w:num>')
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W_NS}">'
        + "".join(abstracts)
        + "".join(nums)
        + "</w:numbering>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="20"/>'
        '<w:lang w:val="da-DK"/></w:rPr></w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
        '</w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>'
        '<w:basedOn w:val="Normal"/></w:style></w:styles>'
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.styles+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.numbering+xml"/>' + "".join(overrides) + "</Types>"
    )
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>'
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'styles" Target="styles.xml"/>'
        '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'numbering" Target="numbering.xml"/>' + "".join(rels) + "</Relationships>"
    )
    members = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", package_rels),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", document_rels),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
        *parts,
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=DOCX_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data.encode("utf-8"))


# -- rendering: HTML --------------------------------------------------------------------------

HTML_MENU = ["Borger", "Erhverv", "Politik og demokrati", "Om kommunen", "Kontakt"]
HTML_BREADCRUMB = ["Forside", "Politik", "Dagsordener og referater"]
# Old table-built pages: the left menu column's attribute (the words differ by site).
HTML_MENU_CELL = ['class="menu"', 'class="menu"', 'class="leftmenu"', 'id="venstremenu"']
_LIST_TYPE = {"decimal": "1", "upperLetter": "A", "lowerLetter": "a"}


def _html_lines(text: str) -> str:
    """Printed text as HTML: line breaks as <br>, a tab gap as a space (a page has no tab stops)."""
    return "<br>\n".join(html_escape(" ".join(line.replace("\t", " ").split())) for line in text.split("\n"))


class _HtmlPage:
    """One document as a web page: the page's markup choices, fixed per document (a site is
    consistent), drawn from the renderer's own random generator."""

    def __init__(self, rng: random.Random, lists: dict[int, list[str]]):
        self.shell = rng.choice(["portal", "portal", "cms", "table"])
        old = self.shell == "table"
        # Heading-like lines: h2/h3 elements, or bold paragraphs (<b> on the old pages).
        self.headings = "strong" if old else rng.choice(["h2", "h3", "strong"])
        self.bold_tag = "b" if old else "strong"
        self.fields = rng.choice(["table", "dl", "p"])  # the header's label-value lines
        self.tab_cells = rng.choice(["cells", "divs"])  # a heading beside its text ("Beslutning<TAB>…")
        self.list_number = rng.choice(["start", "value"])  # <ol start="N"> or <li value="N">
        self.list_heading = rng.random() < 0.3 and self.headings != "strong"  # <li><h2>… rather than <strong>
        self.to_top = rng.choice(["item", "meeting"])
        self.to_top_text = rng.choice(["Til toppen", "Tilbage til toppen"])
        self.breadcrumb_in_main = rng.random() < 0.5
        self.footer_class = rng.choice(["", ' class="site-footer"'])
        self.menu_cell = rng.choice(HTML_MENU_CELL)
        self.lists = lists
        self.counters: dict[int, list[int]] = {}

    # content ----------------------------------------------------------------------------------

    def heading(self, text: str, level: int) -> str:
        if self.headings == "strong":
            inner = f"<{self.bold_tag}>{_html_lines(text)}</{self.bold_tag}>"
            return f'<p><font face="Arial">{inner}</font></p>' if self.shell == "table" else f"<p>{inner}</p>"
        tag = f"h{min(6, int(self.headings[1]) + level)}"
        return f"<{tag}>{_html_lines(text)}</{tag}>"

    def paragraph(self, text: str) -> str:
        if self.shell == "table":
            return f'<p><font face="Arial" size="2">{_html_lines(text)}</font></p>'
        return f"<p>{_html_lines(text)}</p>"

    def numbered(self, block: Para) -> str | None:
        """A Word list paragraph as the browser would number it; None when HTML has no such
        number ("3.1": a second level that repeats the first's number)."""
        list_id, level = block.numbered  # type: ignore[misc]
        specs = [spec.split("|") for spec in self.lists[list_id]]
        if "%1" in specs[level][2] and level > 0:
            return None
        counters = self.counters.setdefault(list_id, [int(specs[0][1]) - 1, int(specs[1][1]) - 1])
        counters[level] += 1
        if level == 0:
            counters[1] = int(specs[1][1]) - 1
        kind = _LIST_TYPE[specs[level][0]]
        text = _html_lines(block.docx_text)
        if self.list_heading:
            tag = f"h{min(6, int(self.headings[1]) + level)}"
            inner = f"<{tag}>{text}</{tag}>"
        else:
            inner = f"<{self.bold_tag}>{text}</{self.bold_tag}>"
        type_attribute = f' type="{kind}"' if kind != "1" or level else ""
        if self.list_number == "start":
            return f'<ol start="{counters[level]}"{type_attribute}><li>{inner}</li></ol>'
        return f'<ol{type_attribute}><li value="{counters[level]}">{inner}</li></ol>'

    def field_rows(self, rows: list[tuple[str, str, str]]) -> str:
        """The header's label-value lines as a table, a definition list or paragraphs."""
        if self.fields == "dl":
            return (
                '<dl class="meeting-facts">\n'
                + "".join(f"<dt>{_html_lines(label)}</dt><dd>{_html_lines(value)}</dd>\n" for label, value, _ in rows)
                + "</dl>"
            )
        if self.fields == "table":
            return (
                '<table class="meeting-facts">\n'
                + "".join(
                    f"<tr><td>{_html_lines(label)}</td><td>{_html_lines(value)}</td></tr>\n" for label, value, _ in rows
                )
                + "</table>"
            )
        return "\n".join(self.paragraph(f"{label}: {value}" if "\t" in line else line) for label, value, line in rows)

    def table(self, block: Table) -> str:
        if block.widths == [0.3, 0.7] and self.fields == "dl":  # label-value cells
            return self.field_rows([(row[0], row[1], "") for row in block.rows])
        rows = "".join(
            "<tr>" + "".join(f"<td>{_html_lines(cell)}</td>" for cell in row) + "</tr>\n" for row in block.rows
        )
        return f'<table border="0">\n{rows}</table>'

    def inline_section(self, block: Para) -> str:
        """A section heading printed beside its first line ("Beslutning<TAB>Godkendt.")."""
        rest = block.text[len(block.label) + len(block.sep) :]
        if block.sep != "\t":
            return self.paragraph(block.text)
        if self.tab_cells == "cells":
            return f"<table><tr><td>{_html_lines(block.label)}</td><td>{_html_lines(rest)}</td></tr></table>"
        return (
            f'<div class="field"><div class="field-label">{_html_lines(block.label)}</div>'
            f'<div class="field-item">{_html_lines(rest)}</div></div>'
        )

    def to_top_link(self) -> str:
        return f'<p class="to-top"><a href="#top">{self.to_top_text}</a></p>'

    def section(self, section: Section) -> str:
        out: list[str] = []
        fields: list[tuple[str, str, str]] = []
        people: list[str] = []
        bullets = False
        items = 0

        def flush() -> None:
            nonlocal fields, people
            if fields:
                out.append(self.field_rows(fields))
            if people and bullets:
                out.append("<ul>\n" + "".join(f"<li>{_html_lines(p)}</li>\n" for p in people) + "</ul>")
            elif people:
                out.append(self.paragraph("\n".join(people)))
            fields, people = [], []

        for block in section.blocks:
            if isinstance(block, Para) and block.role == "field":
                if people:
                    flush()
                fields.extend(block.fields)
                continue
            if isinstance(block, Para) and block.role == "person":
                if fields:
                    flush()
                bullets = block.text.startswith(("• ", "- "))
                people.append(block.text[2:] if bullets else block.text)
                continue
            flush()
            if isinstance(block, Table):
                out.append(self.table(block))
                continue
            if not isinstance(block, Para) or not block.text.strip():
                continue
            role = block.role
            if role == "item":
                if items and self.to_top == "item":
                    out.append(self.to_top_link())
                items += 1
            if block.numbered and (printed := self.numbered(block)) is not None:
                out.append(printed)
            elif role == "title":
                if block.size >= 14 and self.shell != "table":
                    out.append(f"<h1>{_html_lines(block.text)}</h1>")
                elif block.size >= 14:
                    out.append(f'<p><font face="Arial" size="4"><b>{_html_lines(block.text)}</b></font></p>')
                else:
                    out.append(f"<p><{self.bold_tag}>{_html_lines(block.text)}</{self.bold_tag}></p>")
            elif role in ("part", "item"):
                out.append(self.heading(block.text, 0))
            elif role in ("subitem", "section") or block.bold or block.size > 10:
                out.append(self.heading(block.text, 1))
            elif role == "section_inline":
                out.append(self.inline_section(block))
            else:
                out.append(self.paragraph(block.text))
        flush()
        out.append(self.to_top_link())
        return "\n".join(out)

    # the site around it -----------------------------------------------------------------------

    def page(self, sections: list[Section], tokens: dict) -> str:
        org = html_escape(str(tokens["Org"]))
        title = html_escape(f"{tokens['Kind']} - {tokens['Body']} - {tokens['date']}") + f" | {org}"
        address = html_escape(f"{tokens['street']}, {tokens['zip']} {tokens['town']}")
        phone = html_escape(tokens["phone"])
        cookie = (
            f'<div id="cookie-banner" class="cookie-consent"><p>{org} bruger cookies til at forbedre '
            "hjemmesiden.</p><button>Acceptér alle</button> <button>Kun nødvendige</button></div>"
        )
        menu = "".join(f'<li><a href="/{k}">{html_escape(word)}</a></li>' for k, word in enumerate(HTML_MENU))
        crumbs = "".join(f'<li><a href="/{k}">{html_escape(word)}</a></li>' for k, word in enumerate(HTML_BREADCRUMB))
        breadcrumb = f'<ol class="breadcrumb">{crumbs}<li>{html_escape(str(tokens["Kind"]))}</li></ol>'
        share = (
            '<div class="share-links"><a href="#">Del på Facebook</a> <a href="#">Del på LinkedIn</a> '
            '<a href="javascript:window.print()">Udskriv</a></div>'
        )
        meetings = [self.section(section) for section in sections]
        if self.shell == "table":
            menu_cell = "<br>\n".join(
                f'<a href="/{k}"><font face="Arial" size="2">{html_escape(word)}</font></a>'
                for k, word in enumerate(["Forside", *HTML_MENU])
            )
            content = "\n<hr>\n".join(meetings)
            return (
                '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">\n'
                f"<title>{title}</title>\n</head>\n"
                f'<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">\n<a name="top"></a>\n{cookie}\n'
                '<table width="100%" border="0" cellpadding="4" cellspacing="0">\n'
                f'<tr><td colspan="2" bgcolor="#003366"><font face="Arial" size="5" color="#FFFFFF"><b>{org}</b>'
                "</font></td></tr>\n"
                f'<tr><td width="160" valign="top" {self.menu_cell}>\n{menu_cell}\n</td>\n'
                f'<td valign="top">\n{content}\n</td></tr>\n'
                f'<tr><td colspan="2" class="footer"><font face="Arial" size="1">{org} - {address} - tlf. {phone}'
                "</font></td></tr>\n</table>\n</body>\n</html>\n"
            )
        articles = "\n".join(f'<article class="meeting">\n{m}\n</article>' for m in meetings)
        footer = (
            f"<footer{self.footer_class}>\n<p><strong>{org}</strong></p>\n"
            f"<address>{address}<br>\nTlf. {phone}</address>\n</footer>"
        )
        if self.shell == "portal":
            return (
                '<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{title}</title>\n</head>\n<body>\n"
                f'<a class="skip-link" href="#indhold">Gå til indhold</a>\n{cookie}\n'
                f'<header class="site-header" id="top">\n<a class="logo" href="/">{org}</a>\n'
                f'<nav aria-label="Hovedmenu"><ul>{menu}</ul></nav>\n</header>\n'
                + ("" if self.breadcrumb_in_main else breadcrumb + "\n")
                + '<main id="indhold">\n'
                + (breadcrumb + "\n" if self.breadcrumb_in_main else "")
                + f'<p><a href="javascript:window.print()">Udskriv</a></p>\n{articles}\n{share}\n</main>\n'
                f"{footer}\n</body>\n</html>\n"
            )
        return (
            '<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            f'<title>{title}</title>\n</head>\n<body>\n<div id="wrapper">\n{cookie}\n'
            f'<header id="top">\n<div class="logo">{org}</div>\n<nav><ul>{menu}</ul></nav>\n</header>\n'
            f'<div class="content">\n{breadcrumb}\n{articles}\n{share}\n</div>\n{footer}\n</div>\n</body>\n</html>\n'
        )


def render_html(
    path: Path, sections: list[Section], furniture: list[tuple[str, str, dict]], rng: random.Random
) -> None:
    """The document as a municipal web page: the blocks as markup (headings as h2/h3 or bold
    paragraphs, Word list paragraphs as numbered <ol> items, tables as tables, the header's
    label-value lines as a table, <dl> or paragraphs), inside site furniture (cookie banner,
    menu, breadcrumb, share links, "Til toppen", footer). A web page has no pages, so the
    running header and footer are not printed; the organisation names the site instead.
    ``rng`` is the page's own generator (the choices of the site and its markup)."""
    lists: dict[int, list[str]] = {}
    for section in sections:
        lists.update(section.lists)
    page = _HtmlPage(rng, lists)
    text = page.page(sections, furniture[0][2])
    if page.shell == "table":
        path.write_bytes(text.encode("cp1252", errors="xmlcharrefreplace"))
    else:
        path.write_text(text, encoding="utf-8")


# -- one document -----------------------------------------------------------------------------

HELD_OUT_DIMENSIONS = sorted(set(HELD_OUT) & set(DEV))


def build_document(seed: int, index: int, split: str) -> tuple[str, list[Section], list, dict, random.Random]:
    """Plan one document: (format, sections, furniture, gold, rng for the renderer).

    ``split`` is "dev" or "heldout"; a held-out document is re-planned until it prints
    at least one held-out value."""
    fmt = PLANNED_FORMATS[index % len(PLANNED_FORMATS)]
    for attempt in range(50):
        rng = random.Random(f"referat-zoo:{seed}:{split}:{index}:{attempt}")
        held = set(rng.sample(HELD_OUT_DIMENSIONS, rng.choice([1, 1, 2, 3]))) if split == "heldout" else set()
        style = Style(rng, held)
        builder = Builder(rng, style, fmt)
        meetings = [make_meeting(rng, style, None)]
        if rng.random() < 0.1:
            meetings.append(make_meeting(rng, style, meetings[0]))
        first = 1 if rng.random() < 0.7 else rng.randint(2, 400)
        for k, meeting in enumerate(meetings):
            builder.meeting(meeting, first_number=first if k == 0 else 1)
        furniture_value = style.peek("furniture")
        if furniture_value.get("header") or furniture_value.get("footer"):
            style.get("furniture")
        furniture = []
        for meeting in meetings:
            tokens = {
                "Body": meeting.body,
                "date": format_date(style, meeting.date),
                "Kind": meeting.kind_word["word"],
                "street": f"{meeting.street} {1 + len(meeting.body) % 40}",
                "zip": meeting.zip,
                "town": meeting.town,
                "phone": meeting.phone,
                "Org": meeting.organisation,
            }
            furniture.append((furniture_value.get("header", ""), furniture_value.get("footer", ""), tokens))
        used_held_out = sorted(held & style.used)
        if split == "dev" or used_held_out:
            notes = (
                f"Style zoo document (corpus/zoo/generate.py, seed {seed}, index {index}, split {split}); "
                "content invented; gold written by the generator from what it printed."
            )
            if used_held_out:
                notes += " Held-out dimensions: " + ", ".join(used_held_out) + "."
            gold = {
                "notes": notes,
                "split": split,
                "heldout_dimensions": used_held_out,
                "document": {"meetings": builder.gold_meetings},
            }
            return fmt, builder.sections, furniture, gold, rng
    raise RuntimeError(f"document {index}: no held-out value printed after 50 attempts")


def _write_gold(path: Path, gold_path: Path, gold: dict, split: str, fmt: str) -> dict:
    record = {"source": path.name, "notes": gold["notes"], "document": gold["document"]}
    gold_path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {
        "path": str(path),
        "gold": str(gold_path),
        "split": split,
        "heldout_dimensions": gold["heldout_dimensions"],
        "format": fmt,
    }


def write_document(out: Path, name: str, seed: int, index: int, split: str, html: bool = False) -> list[dict]:
    """Write one document (and, with ``html``, the same document as a web page) with gold."""
    fmt, sections, furniture, gold, rng = build_document(seed, index, split)
    path = out / f"{name}.{fmt}"
    if fmt == "pdf":
        render_pdf(path, sections, furniture)
    elif fmt == "docx":
        render_docx(path, sections, furniture)
    else:
        render_txt(path, sections, furniture, rng)
    records = [_write_gold(path, out / f"{name}.json", gold, split, fmt)]
    if html:
        # The web page's own choices come from a generator of their own, so the other
        # formats' files are the same with or without it; its gold is the document's.
        page = out / f"{name}.html"
        render_html(page, sections, furniture, random.Random(f"referat-zoo-html:{seed}:{split}:{index}"))
        records.append(_write_gold(page, out / f"{name}.html.json", gold, split, "html"))
    return records


def generate(
    out: str | Path, count: int, seed: int, split: str = "dev", prefix: str = "zoo", html: bool = False
) -> list[dict]:
    """Write ``count`` documents and their gold into ``out``; returns one record per file
    (two per document with ``html``: the planned format's and the web page's)."""
    if split not in ("dev", "heldout", "mixed"):
        raise ValueError(f"split must be dev, heldout or mixed, not {split!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    records = []
    for index in range(count):
        doc_split = split if split != "mixed" else ("dev" if index % 2 == 0 else "heldout")
        records.extend(write_document(out, f"{prefix}-{seed}-{index:05d}", seed, index, doc_split, html))
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="output folder (created)")
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--split", choices=["dev", "heldout", "mixed"], default="dev")
    parser.add_argument("--prefix", default="zoo", help="file name prefix")
    parser.add_argument(
        "--html", action="store_true", help="also write every document as a web page (NAME.html, gold NAME.html.json)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    records = generate(args.out, args.count, args.seed, args.split, args.prefix, args.html)
    elapsed = time.perf_counter() - started
    by_format = {f: sum(r["format"] == f for r in records) for f in FORMATS}
    by_format = {f: n for f, n in by_format.items() if n or f != "html"}
    print(
        f"{len(records)} documents in {args.out} ({', '.join(f'{n} {f}' for f, n in by_format.items())}) "
        f"in {elapsed:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
