"""The Danish agenda vocabulary: headings, labels and phrases, each with the document that
motivated it. Patterns live here, not inside the parser, so they can be read and extended."""

from __future__ import annotations

import re

from referat.models.document import MeetingKind, ParticipantStatus

# Who was absent when the item was decided, printed as a field of the decision (often
# empty): "Beslutning i … den 12. januar 2021:" / "Fraværende:" / "Godkendt.".
ABSENCE_LABELS = ("fraværende", "afbud", "fravær")

# "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1" (Ballerup),
# "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 10-04-2013" (Syddjurs),
# "Byrådets beslutning den 12. marts 2025".
DECISION_HEADING = re.compile(
    # ("Økonomiudvalgets beslutning i mødet den 31. marts 2020", Copenhagen's form)
    r"^(?:(?P<body>.+?)s\s+beslutning\s+(?:(?:i|på)\s+mødet\s+)?den\s+(?P<date1>[\d.\-/ ]+\d|\d{1,2}\.\s*\w+\s+\d{4})"
    r"(?:\s+punkt\s+(?P<item>\d+))?"
    # "Beslutning i Byrådet den …", "Behandling i Udvalget for sundhed for alle onsdag den 28. august 2019, pkt. 1"
    r"|(?:beslutning|behandling)\s+(?:i\s+)?(?!om\b)(?P<body2>.+?)\s+"
    r"(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s+)?den\s+"
    r"(?P<date2>[\d.\-/]+\d|\d{1,2}\.\s*\w+\s+\d{4})(?:,?\s*(?:pkt\.?|punkt)\s*(?P<item2>\d+))?"
    # "Beslutning i Byrådet 27. november 2018:", "BESLUTNING: Økonomiudvalget den 22-10-2020":
    # without "den", or after a colon, the body must end as a body's name ends
    r"|(?:beslutning|behandling)(?:\s+i|\s*:)\s+(?P<body6>[A-ZÆØÅ][\w ,-]{0,60}?"
    r"(?:udvalg|udvalget|rådet|bestyrelsen|Byrådet|Kommunalbestyrelsen|Regionsrådet))\s+(?:den\s+)?"
    r"(?:\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}|\d{1,2}\.\s*[a-zæøå]+\s+\d{4})"
    # "Kommunalbestyrelsens møde 25. september 2006 Punkt 1:" (Ballerup 2006)
    r"|(?P<body3>[A-ZÆØÅ].+?)s\s+møde\s+(?:den\s+)?(?P<date3>\d{1,2}\.\s*\w+\s+\d{4}|[\d.\-/]+\d)"
    # ("Integrationsudvalgets møde den 12. december 2011:": a colon says it heads the minute)
    r"(?:\s+punkt\s+(?P<item3>\d+)|(?=\s*:$))"
    # "BØRNE- OG UNGEUDVALGETS BESLUTNING", "Beslutning i Økonomiudvalget" (no date printed)
    r"|(?P<body4>[A-ZÆØÅ][\w ,-]{2,60}?(?:udvalg|råd|bestyrelse|Byråd|Kommunalbestyrelse|Regionsråd)(?:et|en)?)"
    r"s\s+beslutning"
    r"|beslutning\s+(?:i\s+)?(?P<body5>[A-ZÆØÅ][\w ,-]{2,60}?"
    r"(?:udvalget|rådet|bestyrelsen|Byrådet|Kommunalbestyrelsen|Regionsrådet))(?:\s+den)?"  # (a lost date)
    # "Børne- og Skoleudvalget den 6. november 2018:" under "Indstilling og beslutning" (Bornholm):
    # the body and the date alone, closed by a colon
    r"|(?P<body7>(?-i:[A-ZÆØÅ])[\w ,-]{2,60}?(?:udvalget|rådet|bestyrelsen|Byrådet|Kommunalbestyrelsen|Regionsrådet))"
    r"\s+den\s+(?:\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}|\d{1,2}\.\s*[a-zæøå]+\s+\d{4})(?=\s*:$))"
    r"\s*:?$",
    re.IGNORECASE,
)

# Case-field labels in a row whose values the text layer lost ("Sagsnr J.nr Fjernvarme …",
# "Sag Dok Initialer: MBA Åbent", "Sagsnr Dok nr. Side 1/1"): the first label, before the next.
CASE_FIELD_LABEL_RUN = r"(?:Sag|Sagsnr|Sags\s?nr|J\.\s?nr)\.?:?\s+(?=(?:Dok|J\.\s?nr|Initialer|Sagsbehandler)\b)"
# Lines under an item heading that carry metadata, not content.
CASE_NUMBER_LABEL = re.compile(
    # "Sagnr.:" (Region Midtjylland), "Sag 306-2019-5520" (PolWeb: the label before a case number)
    # (a web page's bullet before it, or its "Udskriv" button glued on: " • Sagsid.: 19/48",
    # "UdskrivSagsid.: 14/513")
    r"^(?:[•·▪]\s*)?(?:udskriv\s*)?"
    r"(?:sagsnr|sags\s?nr|sagsnummer|sagnr|sags\s?id|j\.?\s?nr|journalnr|sag(?=\s+\d{1,4}-\d{4}-\d))\.?\s*:?\s*(?:\|\s*)?"
    r"(?P<value>.*)$",
    re.I,
)
DOCUMENT_NUMBER_LABEL = re.compile(r"^(?:dok\.?\s?nr|dokumentnr)\.?\s*:?", re.I)
DECIDED_BY_LABEL = re.compile(r"^sagen\s+afgøres\s+i\s*:?\s*(?:\|\s*)?(?P<value>.*)$", re.I)
# A compound item number: a case's running number and the item's place on the agenda ("49/1",
# "49 /1": older municipal agenda systems), or a year and a serial ("19-050": Greenland's
# municipalities). Distinct from a range ("3-8", "3. - 8."): the serial is three digits.
COMPOUND_NUMBER = r"\d{1,4}\s?/\s?\d{1,3}|\d{2}-\d{3}"
# A line that is only the case's journal reference, under the item's heading: a KLE number
# with its facet, the case's year and serial ("18.00Ø00 - 2014/06569", "00.01.00P35-0098").
JOURNAL_LINE = re.compile(
    r"^(?:\d{2}\.\d{2}(?:\.\d{2})?\s?-?\s?[A-ZÆØÅ]\d{2}(?:\s*[-–]\s*(?:19|20)\d{2}/\d{3,6}|-\d{1,4})?"
    r"|(?:19|20)\d{2}/\d{3,6})$"
)
# "EMN-2022-00567", "MDR-2024-00036" (FirstAgenda), "2011-29298" (eDoc), "12/27845" (Acadre)
CASE_NUMBER = re.compile(
    # "330-2020-164" (a municipality's number, the year and a serial: Acadre, SBSYS)
    r"\b(?:[A-ZÆØÅ]{2,5}-\d{4}-\d{3,6}|\d{3}-(?:19|20)\d{2}-\d{1,7}|\d{4}-\d{3,7}|\d{2}/\d{3,6}|\d{2}-\d{2}-\d{2,4}-\d{2,4}"
    # "018520-2013" (Gentofte: a serial number and its year)
    r"|\d{6}-(?:19|20)\d{2}"
    # KLE journal numbers: "00.01.00P35-0098" (Bornholm), "00.30.10-Ø00-4-16" (Frederiksberg)
    r"|\d{2}\.\d{2}\.\d{2}(?:-?[A-ZÆØÅ]\d{2})(?:-\d{1,4}){1,2})(?![\w-])"
)

# Participant list headings → status.
PARTICIPANT_HEADINGS: dict[str, ParticipantStatus] = {
    "tilstede": "present",
    "til stede": "present",
    "tilstedeværende": "present",
    "deltagere": "present",
    "deltagerliste": "present",
    "deltagerfortegnelse": "present",
    "medlemmer": "present",
    "fremmødte": "present",
    "afbud": "absent",
    "afbud/fraværende": "absent",
    "fraværende": "absent",
    "fraværende med afbud": "absent",
    "sekretær": "secretary",
    "referent": "secretary",
    "fra sekretariatet": "secretary",
    "sekretariat": "secretary",
    "fra administrationen": "guest",
    "gæster": "guest",
    "gæst": "guest",
    "øvrige deltagere": "guest",
    "øvrige": "guest",  # "Øvrige: Direktør Lars Berg, …" after the members
    "andre": "guest",
    "andre deltagere": "guest",
    "desuden deltog": "guest",
    # From the catalogue (docs/publishers.md): Albertslund, Haver til Maver, Region Sjælland …
    "indkaldelse": "present",
    "indkaldte": "present",
    "mødedeltagere": "present",
    "til stede var": "present",
    "fremmødte medlemmer": "present",
    "tilstedeværende medlemmer": "present",
    "fra bestyrelsen": "present",
    "deltagende medlemmer": "present",
    "medlemmer i øvrigt": "present",
    "afbud fra": "absent",
    "afbud fra bestyrelsen": "absent",
    "fraværende uden afbud": "absent",
    "fra sekretariatet deltog": "secretary",
    "protokolfører": "secretary",
    "referat skrevet af": "secretary",
    "dirigent": "present",
    "ordstyrer": "present",
    "mødeleder": "present",
    "deltagerne var": "present",
    "bestyrelsen": "present",
    "bestyrelse": "present",  # "Bestyrelse: Torben Nøhr TN Formand …" (a board's agenda)
    "mødedeltagelse": "present",
    "stedfortræder": "present",
    "stedfortrædere": "present",
    "suppleant": "present",
    "suppleanter": "present",
    "deltagere var": "present",
    "tilstede var": "present",
    "fremmødt": "present",
    "fremmødte var": "present",
    "i mødet deltager": "present",  # "I mødet deltager: Afbud fra:" (a board's two columns)
    "i mødet deltog": "present",
    "fra bestyrelsen deltog": "present",
    "endvidere deltog": "guest",
}

MEETING_KIND_WORDS: dict[str, MeetingKind] = {
    "referat": "referat",
    "åbent referat": "referat",
    "beslutningsreferat": "referat",
    "mødereferat": "referat",
    "beslutningsprotokol": "beslutningsprotokol",
    "dagsorden": "dagsorden",
    "åben dagsorden": "dagsorden",
    "kommissorium": "kommissorium",
}

# A line that opens the minutes under an agenda printed above them: the kind word alone.
MINUTES_BEGIN = re.compile(r"^(?:referat|beslutningsreferat|mødereferat)\s*[:.]?$", re.I)

WEEKDAYS = "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag"
# ("kl. 12,30": a comma between hours and minutes, as some write it)
# ("kl. 19.30", "kl. 19", and the clock typed without its stop: "kl. 1930")
TIME_TEXT = re.compile(
    r"\bkl\.?\s*(?P<h>\d{1,2})[.:,](?P<m>[0-5]\d)\b|\bkl\.?\s*(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)\b"
    r"|\bkl\.?\s*(?P<h2>\d{1,2})\b",
    re.IGNORECASE,
)

# Speech in past tense: evidence that a text without headings is minutes, not an agenda.
PAST_TENSE_MARKERS = re.compile(
    r"\b(orienterede|drøftede|bemærkede|besluttede|godkendte|fremhævede|præsenterede|udtrykte|gav|fik|"
    r"blev\s+\w+et|blev\s+\w+t|tilkendegav|bød)\b",
    re.IGNORECASE,
)

# Words that, ending a heading line, say the title goes on in the next line.
TITLE_CONTINUES_AFTER = {
    "og",
    "eller",
    "for",
    "på",
    "af",
    "i",
    "til",
    "om",
    "med",
    "den",
    "det",
    "de",
    "fra",
    "ved",
    "samt",
    "under",
    "mellem",
    "efter",
    "vedrørende",
    "vedr.",
    "en",
    "et",
    "ift.",
    "-",
    "–",
}

# Words after which a capitalised word goes on with a title (a name after a preposition,
# an article or a conjunction: "… vindmøller i Hevring Ådal"), and words that end a name
# rather than start a title ("Nordfyns Kommune"): how a run of contents titles is cut.
NAME_MAY_FOLLOW = TITLE_CONTINUES_AFTER | {
    "mod", "hos", "over", "som", "at", "der", "nr.", "jf.", "ang.", "angående", "omkring", "langs", "inden",
    "uden", "bag", "foran", "via", "pr.",
}  # fmt: skip
NAME_ENDINGS = frozenset(
    ("Kommune", "Kommunes", "Region", "Regions", "Amt", "Amts", "Sogn", "Sogns", "Havn", "Havns", "A/S", "ApS",
     "I/S", "Forsyning", "Hospital", "Lufthavn", "Lufthavns")
)  # fmt: skip
# Words a proper name follows ("Region Midtjylland", "Sankt Jørgens …"): the next capitalised word
# is that name, not a new title.
# (and the adjectives a place's or an event's name opens with: "Store Cykeldag", "Nye Kilden")
NAME_OPENERS = frozenset(
    ("Region", "Regionen", "Sankt", "Skt.", "Kommunen", "Store", "Lille", "Ny", "Nye", "Gamle", "Nordre", "Søndre",
     "Østre", "Vestre", "Øvre", "Nedre")
)  # fmt: skip

# --- document-sharing sites ---------------------------------------------------------
# A site that shows a PDF's text as a "transcript" wraps it in its own controls, printed
# before the text (docplayer-style pages): lines that are never the document's. (Its
# 'Download "<title>"' line is kept: the title there may keep a time the transcript lost.)
SHARING_SITE_CONTROLS = re.compile(
    r"^(?:save this pdf as:?|word\s+png\s+txt\s+jpg|størrelse:\s*px|starte visningen fra side:?|transkript"
    # (an English-language sharing site: "Upload: others", "Post on 08-Sep-2019", "7 views",
    # "Category:", "Documents", "0 download", "TRANSCRIPT")
    r"|upload:\s*\w+|post(?:ed)? on \d{1,2}-\w{3}-\d{4}|\d+ views?|category:|documents|\d+ downloads?|transcript)$",
    re.IGNORECASE,
)

# --- contents lists ----------------------------------------------------------------
# Headings of a table of contents (entries "N. Title .... page"): "Indholdsfortegnelse"
# (most PDFs), "Sagsoversigt" (Helsingør's eDoc), "Punktoversigt", "Dagsordensoversigt".
# A contents table's column headers: the number's column, the title's and the page's ("Sag nr.:
# Emne:", "Pkt. Tekst Side", "Punkt nr. Side"). contents_table reads them on a line of their own
# and before run-on entries, runon where a transcript ran them into the line before.
CONTENTS_NUMBER_COLUMN = r"Sag\s*nr|Pkt|Punkt|Nr"
CONTENTS_TITLE_COLUMN = (
    r"Emne|Tekst|Titel|Overskrift|Sagens\s+titel|Punkter\s+(?:til|på)\s+dagsorden(?:en)?|Dagsordenspunkter"
)
CONTENTS_PAGE_COLUMN = r"Side"
TOC_HEADINGS = ("indholdsfortegnelse", "indhold", "dagsordensoversigt", "sagsoversigt", "punktoversigt", "sagsliste")

# --- item headings -------------------------------------------------------------------
# Words that label an item's number and make a line an item heading by themselves:
# "Punkt 3" (Sundhedsstyrelsen), "Pkt. 42" (Roskilde web minutes), "Dagsordenspunkt 4".
ITEM_NUMBER_LABELS = (
    "Punkt nr.", "Punkt nr", "Punkt", "PUNKT", "Pkt.", "Pkt", "PKT.", "Dagsordenspunkt", "Dagsordenpunkt", "Mødepunkt",
)  # fmt: skip
# Labels that number items too, but also start ordinary lines ("Nr. 3 i lokalplanen …",
# "§ 5 i vedtægterne …"): such a heading needs the same evidence as "3. Titel".
# "ad 1." / "ad. 5 Generalforsamling" (associations' minutes answering their agenda point by point).
ITEM_NUMBER_LABELS_WEAK = ("Nr.", "NR.", "Sag nr.", "SAG NR.", "Sag", "SAG", "§", "ad", "ad.", "Ad", "Ad.", "AD")
# Access markers, before or after an item's number and title: "(Lukket)", "Lukket punkt:",
# "Lukket sag:", "Fortrolig:", "LUKKET 12.", "Title - lukket punkt", "(Åben)", "Åbent punkt".
CLOSED_ACCESS_WORDS = (
    "lukket",
    "fortrolig",
    "fortroligt",
    "lukkede",
    "closed",
)  # ("24. Closed item": an English portal)
OPEN_ACCESS_WORDS = ("åben", "åbent", "offentlig")
# Phrases after a title that close the item in the boards of municipal companies, where
# confidentiality is the duty of every member unless the board waives it for an item:
# "6. Opkrævning af særbidrag Tavshedspligt ikke fraveget" (a utility's board agenda).
CLOSED_TITLE_TAILS = ("tavshedspligt ikke fraveget", "tavshedsbelagt")
# A label over the items that follow, printed on the agenda's own line and run onto the
# title before it when the text layer joined the lines: "3. Direktionen orienterer Punkter
# til beslutning:", "7. Kontrol af vandkvalitet Punkter til orientering: Drifts- og
# Myndighedsforhold" (the label, then the group's name). Capitalised, as a label starts.
ITEM_GROUP_LABEL = re.compile(
    r"(?:Punkter|Sager|Emner|PUNKTER|SAGER)\s+(?i:til)\s+(?i:beslutning|orientering|drøftelse|godkendelse"
    r"|behandling|efterretning|debat|udtalelse)"
    r"|(?:Åbne|Lukkede|ÅBNE|LUKKEDE)\s+(?i:beslutningssager|orienteringssager|efterretningssager)"
    r"|(?:Beslutningssager|Orienteringssager|Efterretningssager|Drøftelsessager|BESLUTNINGSSAGER"
    r"|ORIENTERINGSSAGER|EFTERRETNINGSSAGER)"
)

# --- meeting header labels ---------------------------------------------------------
# Label → the meeting field its value fills. Publishers print them in any order, as
# "Label: value", as a label line with the value under it, several on one line
# ("Dato: 29. januar 2020 Lokale: Byrådssalen Tidspunkt: Kl. 19:00", Brønderslev), or as
# table rows. Keys are lower-case, without the colon.
HEADER_LABELS: dict[str, str] = {
    "mødedato": "date",
    "dato": "date",
    "mødedag": "date",
    "hvornår": "date",
    "dato og tid": "date",
    "dato og tidspunkt": "date",
    "tid og sted": "date",
    "afholdt": "date",
    "møde afholdt": "date",
    "mødet afholdt": "date",
    "tidspunkt": "time",
    "mødetidspunkt": "time",
    "mødetid": "time",
    "starttidspunkt": "time",
    "starttidspunkt for møde": "time",  # "Starttidspunkt for møde: 19:00" (a transcript's label)
    "start": "time",
    "tid": "time",
    "klokken": "time",
    "sluttidspunkt": "end_time",
    "mødet påbegyndt": "time",
    "mødet afsluttet": "end_time",
    "mødeafholdelse": "location",
    "mødested": "location",
    "hvor": "location",
    "sted": "location",
    "afholdt i": "location",
    "lokale": "location",
    "møde lokation": "location",
    "mødelokation": "location",
    "mødelokale": "location",
    "lokation": "location",
    "adresse": "location",
    "udvalg": "body",
    "forum": "body",
    "mødeforum": "body",
    "organ": "body",
    # dates that are not the meeting's: read as labels so that no value is taken for another's
    "udsendelsesdato": "sent",
    "publiceringsdato": "sent",
    "emne": "title",
    "titel": "title",
    "mødets titel": "title",
}

# Lines that open the closed or the open part of a meeting: every item after "Lukket møde"
# ("LUKKET MØDE" in Haderslev's minutes, "Til behandling - for lukkede døre" in Egebjerg's)
# is closed until a line opens the open part again.
# (a contents list may name its part: "Indholdsfortegnelse lukket møde", "Dagsorden - åbent møde")
_PART_OF_LIST = r"(?:(?:indholdsfortegnelse|dagsorden|sagsoversigt|punktoversigt)\s*[-–:]?\s*)?"
CLOSED_PART = re.compile(
    rf"^{_PART_OF_LIST}(?:lukket\s+(?:møde|del|dagsorden|referat|punkter|sager|beslutningsprotokol)|lukkede\s+(?:(?:dagsordens)?punkter|sager)"
    r"|fortrolige\s+punkter|(?:til\s+\w+\s*[-–]\s*)?for\s+lukkede\s+døre|møde\s+for\s+lukkede\s+døre)[.:]?$",
    re.I,
)
OPEN_PART = re.compile(
    rf"^{_PART_OF_LIST}(?:åbent?\s+(?:møde|del|dagsorden|referat|punkter|sager)|åbne\s+(?:(?:dagsordens)?punkter|sager)"
    r"|(?:til\s+\w+\s*[-–]\s*)?for\s+åbne\s+døre)[.:]?$",
    re.I,
)

# Web-page furniture glued to a heading by the page's text export: "Godkendelse af
# dagsordenKlik her for at åbne punktet" (Hedensted). Taken off a title's end.
# (an accordion's button glued to the title: "Godkendelse af dagsordenÅbn/luk punkt")
WEB_FURNITURE_TAIL = re.compile(
    r"\s*(?:Klik her for\b.*|Til toppen|Tilbage til toppen|Til indholdsfortegnelse"
    r"|(?:Åbn/luk|Åbn|Luk|Fold ud)\s+punkt(?:et)?)$"
)
# A table's column header over item rows: "Punkt Titel", "Pkt. | Tekst", "Nr. Emne".
ITEM_COLUMN_HEADER = re.compile(
    r"^(?:punkt|pkt\.?|nr\.?|sag(?:\s+nr\.?)?)\s*\|?\s*(?:titel|tekst|emne|overskrift|sag)$", re.I
)
# Web-page furniture that is a whole line of its own: skip links, "back to top", print and
# share buttons, accordion controls (municipal portals, FirstAgenda/Prepare and eDoc pages).
WEB_FURNITURE_LINE = re.compile(
    r"(?:til toppen|til top|tilbage til toppen|gå til toppen|tilbage|tilbage til oversigt(?:en)?|udskriv|print"
    r"|del|del siden|del på \w+|luk|åbn alle|luk alle|fold alle ud|fold alle sammen|vis alle|skjul alle|læs mere"
    r"|fold (?:alle punkter|dette punkt|punktet) (?:ind|ud)|luk alle punkter|kopier link til punktet"
    r"|spring til (?:indhold|hovedindhold)|gå til (?:indhold|hovedindhold)|hop til (?:indhold|hovedindhold)"
    r"|skip to (?:main )?content|skip til (?:hoved ?)?indhold(?:et)?"
    r"|log ind|søg|menu|cookies?|acceptér(?: alle)?|accepter(?: alle)?|afvis(?: alle)?"
    r"|brødkrumme|du er her:?|abonnér|abonner|rss|facebook|twitter|linkedin|instagram"
    # download links and the header's own heading: "Hent referat som PDF", "Mødedetaljer"
    r"|(?:hent|download)(?: (?:hele )?(?:referat|dagsorden|bilag|dokument)(?:et|en|er)?)?(?: som)? pdf"
    r"|hent (?:referat|dagsorden)(?:et|en)?|mødedetaljer|mødeoplysninger|punktoplysninger|agenda"
    # links beside the minutes: "Hent PDF-version", "Video fra mødet", "Se mødet på video"
    r"|hent pdf-version|video fra mødet|se (?:mødet|video)(?: på video| fra mødet)?|samlet dokument"
    r"|(?:show|play|watch|vis|afspil) video"
    r"|(?:tilbage )?til indholdsfortegnelse(?:n)?|(?:se|vis) (?:alle )?bilag"
    # a WordPress print plugin's button, "Print Friendly, PDF & Email"; "Printvenlig version"
    r"|print friendly(?:, pdf (?:&|og) email)?|printvenlig(?: version| udgave)?)",
    re.I,
)
# id/class words of page regions that are site furniture, not content: cookie banners,
# breadcrumbs, menus, skip links, share bars, site footers (Sitecore, Umbraco, Drupal/OS2,
# WordPress themes). Matched as words of the id and class attributes.
WEB_FURNITURE_CLASS = re.compile(
    # "menu" also inside a word: "leftmenu", "venstremenu", "topmenu" (old table-built pages)
    r"cookie|consent|gdpr|breadcrumb|menu|(?<![a-z])(?:nav|navbar|navigation|skip-?link"
    r"|skip-to-content|share|sharing|social|some-links|site-?footer|page-?footer|footer|site-?header|topbar"
    r"|toolbar|sitemap|search-?form|searchbox|feedback|a11y-links"
    # a post's meta and the pager between posts (WordPress, Joomla): "Udgivet 4. marts 2019 af …",
    # "Kategori: …", "Visninger: 412", "< Forrige | Næste >"
    r"|pager|pagenav|pagination|post-navigation|nav-links|article-info|entry-meta|post-meta|byline)(?![a-z])",
)


# Header date forms outside the Danish date grammar of running text, seen in web headers:
# "Onsdag, April 3, 2019 - 18:00" (Roskilde: English month first), "Torsdag, 14 marts, 2019"
# (Faxe: no full stop after the day), "Søndag d. 31/3 2019" (allotment association).
ENGLISH_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip

# Ballots (extract/enrich/votes.py). How minutes say that members abstained, after the
# counts for and against: "vedtaget med 15 stemmer mod 10 (3 undlod at stemme)", "med 20
# stemmer for og 5 imod, idet 2 undlod at stemme", "hverken for eller imod stemte 5" (the
# Folketing's and councils' form), "2 stemte blankt" (associations).
VOTE_ABSTAIN_WORDS = ("undlod", "hverken", "stemte blankt", "blanke", "afstod")
# Words that join the abstentions to the counts before them: "…, idet 2 undlod", "… og 2
# undlod", "…, mens 2 undlod", "… (2 undlod …)".
VOTE_ABSTAIN_LINKS = ("og", "mens", "medens", "idet", "hvorved")
