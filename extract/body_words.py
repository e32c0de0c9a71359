"""The words that name who meets: body names and their heads, the title lines that print
a body, meeting nouns that are bodies, associations. Data the front-matter pass reads,
like ``vocabulary``."""

from __future__ import annotations

import re

# Title lines that name the meeting's body: "Byrådet - Referat" (Brønderslev), "Referat fra
# møde i Økonomiudvalget", "Referat af ordinær generalforsamling i Grundejerforeningen X",
# "Dagsorden for Bestyrelsen", "Økonomiudvalget REFERAT". The body ends before a date,
# a weekday, "den", "afholdt" or a comma.
_KIND_WORD = r"(?:referat(?:er)?|dagsorden(?:er)?|beslutningsprotokol|beslutningsreferat|mødereferat|protokol)"
_MEETING_NOUN = (
    r"(?:(?:det\s+|den\s+)?(?:(?:ordinære?|ekstraordinære?|årlige?|konstituerende|\d+\.)\s+)*"
    r"(?:møde(?:t)?|generalforsamling(?:en)?|bestyrelsesmøde(?:t)?|repræsentantskabsmøde(?:t)?|årsmøde(?:t)?))"
)
# The organisation a title line names beside a meeting noun that is a body of its own
# (a general assembly, a board meeting): "Referat af bestyrelsesmøde i KFUMs Boldklub",
# "Referat fra generalforsamlingen i Virksund Lystbådehavn lørdag …", "Referat af Kongelig
# Dansk Yachtklubs ordinære generalforsamling", "Referat af bestyrelsesmøde d. 16. august
# 2012, Det Kolde Gys". (Not "møde i Økonomiudvalget": there the name is the body.)
_BODY_MEETING = (
    r"(?:(?:den\s+)?(?:ordinære?|ekstraordinære?|årlige?)\s+)?"
    r"(?:generalforsamling(?:en)?|bestyrelsesmøde(?:t)?|årsmøde(?:t)?|repræsentantskabsmøde(?:t)?"
    r"|afdelingsmøde(?:t)?|menighedsrådsmøde(?:t)?|skolebestyrelsesmøde(?:t)?|medlemsmøde(?:t)?)"
)
# (a name's words: capitalised, or "og"/"&" between them: "Haver til Maver" is left to others)
_ORGANISATION_NAME = r"(?P<organisation>(?-i:[A-ZÆØÅ])[\w&.'-]*(?:\s+(?:(?-i:[A-ZÆØÅ0-9])[\w&.'-]*|og|&))*)"
# The head of a body's name, in the indefinite or definite form: "Økonomiudvalget",
# "Handicaprådet", "Skolebestyrelsen", "Beredskabskommissionen", "Klagenævnet", "Magistraten".
BODY_HEAD = (
    r"(?:udvalg|råd|bestyrelse|kommission|nævn|forsamling|repræsentantskab|magistrat|borgerrepræsentation"
    r"|komit[eé]|forum|panel|styregruppe|arbejdsgruppe)(?:et|en|n)?"
)
# A body named in the definite form as the subject of a sentence of minutes ("Menighedsrådet
# godkendte …", "Repræsentantskabet besluttede …", "Gudenåkomitéen drøftede …"): who acted
# (``acting_body``) and who decided (``decision_words``) are read with the same words.
# ("Repræsentantskabet", not "Regnskabet" or "Selskabet")
DEFINITE_BODY = r"[A-ZÆØÅ][\wæøå-]*(?:rådet|bestyrelsen|udvalget|komitéen|komiteen|forsamlingen|ntskabet)"
# The words a body's name ends with ("Social- og Sundhedsudvalget", "Kommunalbestyrelsen").
_BODY_END = (
    rf"(?:{BODY_HEAD}|udvalgs|[Rr]åd(?:et)?|[Bb]estyrelse(?:n)?|Byrådet|Kommunalbestyrelsen|Regionsrådet"
    r"|[Ff]orsamling(?:en)?|Magistraten|Borgerrepræsentationen|[Ll]okaludvalg(?:et)?)"
)
BODY_TITLE_LINES: list[re.Pattern] = [
    # "Byrådet - 14-03-2019" (Faxe), "Kommunalbestyrelsen 22-01-2020" (a web page's heading)
    re.compile(r"^(?P<body>[A-ZÆØÅ][^:]{2,80}?)\s+[-–]\s+\d{1,2}[-.]\d{1,2}[-.]\d{4}$"),
    re.compile(
        rf"^(?P<body>(?-i:[A-ZÆØÅ])[\w,.\- ]{{0,70}}?{_BODY_END})"
        r"\s+\d{1,2}(?:[-.]\d{1,2}[-.]|\.\s*[a-zæøå]+\s+)\d{4}$"
    ),
    # "Byrådet 24-06-2020 16:00 Referat Samlet dokument": a row of a meeting table
    re.compile(
        rf"^(?P<body>(?-i:[A-ZÆØÅ])[\w,.\- ]{{0,70}}?{_BODY_END})\s+\d{{1,2}}[-.]\d{{1,2}}[-.]\d{{4}}"
        rf"(?:\s+\d{{1,2}}[:.]\d{{2}})?\s+{_KIND_WORD}\b",
        re.I,
    ),
    # "Menighedsrådet holdt møde tirsdag 27.09.2022 …" (the minutes' first sentence)
    re.compile(rf"^(?P<body>(?-i:[A-ZÆØÅ])[\w,.\- ]{{0,70}}?{_BODY_END})\s+holdt\s+(?:\w+\s+)?møde\b"),
    # (not "HOVE VANDVÆRK - REFERAT AF GENERALFORSAMLING": the organisation, its assembly after)
    re.compile(
        rf"^(?P<body>[A-ZÆØÅ][^:]{{2,80}}?)\s+[-–]\s+{_KIND_WORD}\b"
        r"(?!\s+(?:af|fra)\s+(?:(?:den\s+)?(?:ordinære?|ekstraordinære?)\s+)?(?:generalforsamling|årsmøde|repræsentantskabsmøde))",
        re.I,
    ),
    # (also after a letterhead run into the line: "<Org> SEKRETARIATET (4/2013) Protokol over
    # Møde i <Body> onsdag den …" - the phrase says it wherever it stands)
    re.compile(
        rf"^(?:.{{0,80}}?\s)?{_KIND_WORD}\s+(?:fra|af|for|over)\s+{_MEETING_NOUN}\s+(?:i|for|hos)\s+(?P<body>[^,]{{3,80}})",
        re.I,
    ),
    # ("Referat af Økonomiudvalgets møde"; not "… Yachtklubs ordinære generalforsamling", whose
    # genitive is the organisation: ORGANISATION_IN_TITLE)
    re.compile(
        rf"^{_KIND_WORD}\s+(?:fra|af|for)\s+(?P<body>[A-ZÆØÅ][^,]{{2,80}}?)s\s+(?!{_BODY_MEETING}){_MEETING_NOUN}", re.I
    ),
    re.compile(rf"^{_KIND_WORD}\s+(?:for|fra):?\s+(?P<body>[A-ZÆØÅ][^,]{{2,80}})", re.I),  # "Referat for: …"
    re.compile(r"^(?P<body>[A-ZÆØÅ][^:|]{2,80}?)\s+(?:REFERAT|DAGSORDEN|Referat|Dagsorden)$"),
    # "Referat. Byrådet. Møde nr.: 10/2019", "ReferatByrådet" (a lost line break): the kind
    # word, then the body alone before the meeting's labels
    # ("Åben dagsorden Økonomiudvalget Borgmesterkontoret": the access word before the kind, the
    # administration that serves the body after it)
    re.compile(
        rf"^(?:(?:åben|åbent|lukket)\s+)?(?:{_KIND_WORD})[.:]?\s*(?P<body>(?-i:[A-ZÆØÅ])[\w\- ]{{0,60}}?{_BODY_END})\.?"
        r"(?:\s+(?:møde\s+nr|mødedato|dato|møde\s+den|(?:ekstra)?ordinært\s+møde)\b"
        r"|\s+(?-i:[A-ZÆØÅ])[\wæøå-]*(?:kontoret|forvaltningen|sekretariatet|afdelingen|staben)$|$)",
        re.I,
    ),
    # "Social- og Sundhedsudvalget torsdag den 20. april 2023 kl. 19.00" (Ishøj), "Referat
    # Kommunalbestyrelsen mandag den 24. april 2017" (Lejre): the body before the date.
    re.compile(
        rf"^(?:{_KIND_WORD}\s+)?(?P<body>(?-i:[A-ZÆØÅ])[\w,.\- ]{{0,70}}?{_BODY_END})"
        r"\s+(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag),?\s+)?(?:den|d\.)\s+\d",
        re.I,
    ),
    # "Erhvervsudvalget. Referat. Dato 08. september", "Økonomiudvalg Referat Møde 22. marts",
    # "Økonomiudvalget, Referat, 12. marts 2019", "Social- og Sundhedsudvalget | Referat | …"
    # (after its municipality, and with an access word before the kind: "Hedensted Kommune.
    # Byrådet. Referat med åbne punkter", "Økonomiudvalget Åben beslutningsprotokol")
    re.compile(
        r"^(?:(?-i:[A-ZÆØÅ])[\w-]+\s+(?:Kommune|Region)\.?\s+)?"
        rf"(?P<body>(?-i:[A-ZÆØÅ])[\w,\- ]{{0,70}}?{_BODY_END})\s*[.,|]?\s+(?:(?:åben|åbent|lukket)\s+)?{_KIND_WORD}\b",
        re.I,
    ),
    # "ALLERØD KOMMUNE Klima og Miljøudvalget Møde nr. 13 …": the body before the meeting's
    # number, after its municipality in capitals
    re.compile(
        r"^(?:(?-i:[A-ZÆØÅ]{2,}(?:\s+[A-ZÆØÅ]{2,}){0,2})\s+)?"
        rf"(?P<body>(?-i:[A-ZÆØÅ])[\w,\- ]{{0,70}}?{_BODY_END})\s+møde\s+nr\.?\s*\d",
        re.I,
    ),
    # "Byrådet 12-03-2019 Side 3 af 20": a running header
    re.compile(
        rf"^(?P<body>(?-i:[A-ZÆØÅ])[\w,\- ]{{0,70}}?{_BODY_END})\s+\d{{1,2}}[-.]\d{{1,2}}[-.]\d{{4}}\s+side\s+\d+",
        re.I,
    ),
    # "TÅRNBY KOMMUNE. Åbent referat. til Økonomiudvalget"
    re.compile(
        rf"^.{{0,40}}?\b(?:åbent\s+|lukket\s+)?{_KIND_WORD}\.?\s+til\s+"
        rf"(?P<body>(?-i:[A-ZÆØÅ])[\w,\- ]{{0,70}}?{_BODY_END})",
        re.I,
    ),
    # "side 1 Åbent referat for Kultur- og fritidsudvalgs møde den …" (Kerteminde), "åbent møde
    # for Kultur- og fritidsudvalgets møde den 05. marts 2009" (Vesthimmerland)
    re.compile(
        rf"^.{{0,20}}?(?:{_KIND_WORD}|møde)\s+for\s+(?P<body>(?-i:[A-ZÆØÅ])[\w,.\- ]{{2,70}}?{_BODY_END})s?\s+møde\b",
        re.I,
    ),
    # "Kommunalbestyrelsens møde 12. marts 2019", "Byrådets ordinære møde den …" (last: a kind
    # word before the genitive belongs to the forms above)
    re.compile(
        rf"^(?P<body>(?-i:[A-ZÆØÅ])[\w,\- ]{{0,70}}?{_BODY_END})s\s+(?:ordinære\s+|ekstraordinære\s+)?møde\b", re.I
    ),
]
# Where a body named in a title line stops: "… i Økonomiudvalget den 4. maj", "… tirsdag …"
BODY_ENDS = re.compile(
    r"\s+(?:den|d\.|afholdt|kl\.?|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b.*$|\s+\d.*$|\(.*$"
    # "Tryggevælde Provstiudvalg PU møde": the meeting after the body's name
    r"|(?<=[a-zæøå]{3})\s+(?:[A-ZÆØÅ]{2,5}\s+)?(?:møde|mødet)(?=\s+\d|\s*$)"
    # a comma ends the name unless it lists the name's own parts ("Udvalg for natur, miljø og grøn
    # omstilling"): then the name goes on to its "og"
    r"|,(?!\s+(?:[\w-]+\s+){1,2}og\s).*$"
    rf"|\s+[-–|]\s+{_KIND_WORD}\b.*$"  # "Beredskabskommissionen - referat - 12.03.2019"
    # "Økonomiudvalget Referat Referat", "<Udvalg> Åben Referat" (transcripts' title lines)
    rf"|\s+(?:(?:åben|åbent|lukket)(?:\s+{_KIND_WORD})*|{_KIND_WORD}(?:\s+{_KIND_WORD})*)$",
    re.I,
)

# A meeting named by its kind of meeting is the body that meets ("Referat fra den ordinære
# generalforsamling" → Generalforsamling; "Referat af bestyrelsesmøde" → Bestyrelsen); the
# association or parish after "i" is then the organisation.
MEETING_NOUN_BODIES: dict[str, str] = {
    "generalforsamling": "Generalforsamling",
    "generalforsamlingen": "Generalforsamling",
    "ordinær generalforsamling": "Generalforsamling",
    "ekstraordinær generalforsamling": "Generalforsamling",
    "bestyrelsesmøde": "Bestyrelsen",
    "bestyrelsesmødet": "Bestyrelsen",
    "menighedsrådsmøde": "Menighedsrådet",
    "menighedsrådsmødet": "Menighedsrådet",
    "repræsentantskabsmøde": "Repræsentantskabet",
    "repræsentantskabsmødet": "Repræsentantskabet",
    "byrådsmøde": "Byrådet",
    "byrådsmødet": "Byrådet",
    "regionsrådsmøde": "Regionsrådet",
    "afdelingsmøde": "Afdelingsmødet",
    "beboermøde": "Beboermødet",
    "årsmøde": "Årsmødet",
    "mr": "Menighedsrådet",  # "Referat af MR møde …" (parish councils' own abbreviation)
    "mr-møde": "Menighedsrådet",
}
_MEETING = rf"(?P<meeting>{_BODY_MEETING})"
ORGANISATION_IN_TITLE = [
    re.compile(rf"^{_KIND_WORD}\s+(?:fra|af|over)\s+{_MEETING}\s+(?:i|for)\s+{_ORGANISATION_NAME}", re.I),
    re.compile(rf"^{_KIND_WORD}\s+(?:fra|af)\s+{_ORGANISATION_NAME}s\s+{_MEETING}\b", re.I),
    re.compile(rf"^{_KIND_WORD}\s+(?:fra|af)\s+{_MEETING}\b.*\d{{4}},\s+{_ORGANISATION_NAME}\.?$", re.I),
]
# Associations that publish minutes: "Grundejerforeningen Kildevang", "GRUNDEJERFORENINGEN
# ”FOSSGAARDEN”", "Andelsboligforeningen X", "Haveforeningen X", "Ejerforeningen X".
ASSOCIATION_NAME = re.compile(
    # (a compound's first part before the lower-case word: "forening Ny" alone is a common noun
    # and the next title, "… som tilskudsberettiget forening Ny forening - …")
    r"\b(?P<name>(?:[A-ZÆØÅ][a-zæøå]*(?:forening(?:en)?|selskab(?:et)?|klub(?:ben)?)|[A-ZÆØÅ]*FORENING(?:EN)?)"
    r"\s+(?:[”\"«][^”\"»]{2,40}[”\"»]|(?:[A-ZÆØÅ][\wæøå-]*)(?:\s+[A-ZÆØÅ][\wæøå-]*){0,3}))"
)
