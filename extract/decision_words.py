"""The words of decisions: what a decision section's outcome is, and which sentences of
prose minutes are decisions (associations and parish councils write them without a
Beslutning heading). Data the structure grammar reads, like ``vocabulary``."""

from __future__ import annotations

import re

from referat.extract.body_words import DEFINITE_BODY

# Decision outcomes, checked sentence by sentence; the first sentence that says
# anything decides. Order within a sentence: negations before what they negate.
OUTCOME_PATTERNS: list[tuple[str, re.Pattern]] = [
    (
        "rejected",
        re.compile(
            r"\b(ikke godkendt|ikke godkendte|ikke vedtaget|ikke anbefale\w*|forkast\w*|afvist|afviste|afvises"
            r"|nedstemt|nedstemte|kunne ikke tiltræde|faldt|besluttede ikke at|ikke at gå videre med"
            r"|(?:siger|sagde) nej til)\b",
            re.I,
        ),
    ),
    (
        "postponed",
        re.compile(
            r"\b(udsat|udsættes|udskudt|udskydes|genoptages|afventer|udgik|udgår|venter til|tages op igen"
            r"|skydes til|(?:tages op|kommer) på (?:et )?(?:senere|næste) (?:møde|gang)|træffes beslutning på)\b",
            re.I,
        ),
    ),
    (
        "referred",
        re.compile(
            r"\b(oversend\w*|henvis\w*|sendes videre|sendes tilbage|videresend\w*|fremsendes til|videregives til"
            r"|sendes til (?!høring|orientering|offentlig)\w+)",
            re.I,
        ),
    ),
    (
        "noted",
        re.compile(
            r"\b(til efterretning|til orientering|orienteringen blev taget|taget til efterretning"
            # ("Formanden orienterede om …" reports, it decides nothing: gold says null)
            r"|tages til efterretning|orienteringen tages|orientering(?:en)? (?:blev )?givet|tog orienteringen)\b",
            re.I,
        ),
    ),
    (
        "approved",
        re.compile(
            r"\b(godkend\w*|vedt[ao]g\w*|tiltrådt|tiltrådte|tiltræder|tiltrædes|indstilles til godkendelse"
            r"|anbefal\w*|bevilge[ts]|bevilli?get|imødekommet|indstillingen følges|valgt|genvalgt"
            r"|(?:gen)?vælges|(?:gen)?valgtes|(?-i:OK)|(?<!ikke\s)enighed\s+om|(?:var|blev)\s+(?:alle\s+)?enige?\s+om"
            r"|(?:siger|sagde) ja til)\b",
            re.I,
        ),
    ),
    ("discussed", re.compile(r"\b(drøft\w*|debatter\w*|diskuter\w*)\b", re.I)),
]

# A decision written in prose where no Beslutning heading stands (associations' minutes):
# "Forslaget blev forkastet", "Regnskabet blev godkendt", "Generalforsamlingen vedtog …",
# "Beretningen blev enstemmigt godkendt", "Stigningen blev vedtaget med 15 stemmer mod 10".
# Also the telegraphic forms: a short sentence ending in the outcome ("Formandens beretning
# godkendt.", "Kim, have 22, valgt."), one opening with it ("Godkendt.", "Udskydes til
# næste møde."), any council, board or assembly as the subject ("Menighedsrådet godkendte
# …"), and "Det blev besluttet, at …".
# (a body after the verb, the sentence inverted: in lower case, definite or not)
_BODY_AFTER_VERB = (
    r"(?:bestyrelsen?|udvalget|rådet|generalforsamlingen|forsamlingen|menighedsrådet|repræsentantskabet|mødet"
    rf"|{DEFINITE_BODY})"
)
_OUTCOME_PARTICIPLE = (
    r"(?:godkendt|vedtaget|forkastet|nedstemt|afvist|udsat|taget\s+til\s+efterretning|tiltrådt|genvalgt|valgt|(?-i:OK))"
)
_DECIDING_BODY = (
    r"(?:Generalforsamlingen|Bestyrelsen|Forsamlingen|Repræsentantskabet|Mødet|Udvalget|Rådet"
    # (or the body's abbreviation: "MR godkendte …", "KB vedtog …")
    rf"|Beboerne|Medlemmerne|Deltagerne|Vi|Man|{DEFINITE_BODY}|(?-i:[A-ZÆØÅ]{{2,4}}))"
)
# (past and present: "Menighedsrådet godkendte …", "Menighedsrådet godkender forslaget")
_DECIDING_VERB = (
    r"(?:godkendte|vedtog|forkastede|tiltrådte|besluttede|godkender|vedtager|forkaster|tiltræder|beslutter"
    r"|bevilger|bevilgede|tog\s+\w+\s+til\s+efterretning|tager\s+\w+\s+til\s+efterretning"
    # (the perfect: "Menighedsrådet har besluttet at …", "Bestyrelsen har godkendt budgettet")
    r"|har\s+(?:nu\s+|derfor\s+|enstemmigt\s+)?(?:besluttet|godkendt|vedtaget|tiltrådt)"
    # (agreement: "Bestyrelsen var enige om at …", "Udvalget blev enige om …")
    r"|(?:var|blev)\s+(?:alle\s+)?enige?\s+om"
    r"|siger\s+(?:ja|nej)\s+til|sagde\s+(?:ja|nej)\s+til)"
)
# The present passive that resolves, in a sentence of its own and not inside an
# "at"-clause (which reports a proposal): "Den udsendte protokol godkendes.", "Jens
# Christiansen vælges som ordstyrer.", "Med 13 stemmer besluttes det, at …". After a modal
# verb it only tells a rule ("før forslaget kan vedtages", "Der skal vælges …"), and with
# "der" after it a custom ("Hvert år vælges der …").
_MODAL = r"(?:kan|kunne|skal|skulle|må|måtte|bør|burde|vil|ville)"
_RESOLVING_PASSIVE = (
    r"(?:godkendes|vedtages|vælges|genvælges|besluttes|bevilges|tiltrædes|forkastes|udsættes|udskydes"
    # and the past passive of older minutes: "Til disse poster valgtes …", "Regnskabet godkendtes."
    r"|godkendtes|vedtoges|valgtes|genvalgtes|besluttedes|bevilgedes|forkastedes)"
)
# A course of action settled in the present passive, the verb of the main clause after a
# short subject or adverbial ("Pilekrattet tyndes ud.", "Næste år fjernes den første
# række.", "Kontingentet hæves til 300 kr."): minutes of boards that write no Beslutning
# heading state what they decided this way. Verbs of doing only: reporting passives
# ("Der henvises til …", "Sagen drøftes") are not rulings.
RULING_PASSIVE = (
    r"(?:fastsættes|fastlægges|lukkes|nedlægges|fjernes|fældes|beskæres|tyndes|rengøres|reguleres|ændres|købes"
    r"|indkøbes|anskaffes|bestilles|sælges|udskiftes|aflyses|flyttes|nedsættes|oprettes|opsiges|forlænges"
    r"|indføres|ansættes|iværksættes|igangsættes|gennemføres|repareres|males|udbetales|afskaffes|etableres"
    r"|renoveres|udvides|tilføjes|slettes|sløjfes|fastholdes|bibeholdes|hæves|sænkes|imødekommes|tildeles"
    r"|uddeles|støttes|refunderes|dækkes|udpeges|opsættes|anlægges|plantes|accepteres|afslås|medtages)"
)
# The same rulings told in the past ("Kontingentet blev fastsat til 200 kr.", "Der blev nedsat
# et festudvalg"): the participles of the ones minutes tell that way.
RULING_PARTICIPLE = (
    r"(?:fastsat|fastlagt|nedsat|hævet|sænket|bevilget|bevilliget|aflyst|oprettet|ansat|udpeget|indkøbt"
    r"|iværksat|igangsat|fastholdt|nedlagt|afskaffet|indført)"
)
# (not a subordinate clause: "Hvis hækken beskæres, …" tells a condition)
_NO_SUBORDINATE_CLAUSE = r"(?!(?:Hvis|Når|Som|Da|Fordi|Om|Selvom|Før|Inden|Mens|Efter\s+at)\b)"
# "blev fastsat", "blev derfor nedsat": a ruling told in the past, its verb.
RULING_PAST = rf"blev\s+(?:\w+\s+)?{RULING_PARTICIPLE}"
_RULING_SENTENCE = (
    _NO_SUBORDINATE_CLAUSE
    + r"[A-ZÆØÅ][\wæøå-]*(?:\s+(?!(?:at|hvis|når|som|der|og|men|fordi|da|om)\b)[\wæøå/.-]+){0,5}?"
    rf"\s+{RULING_PASSIVE}(?![\wæøå])"
)
# (what a telegraphic decision may say after its participle: "… godkendt uden kommentarer")
_AFTER_PARTICIPLE = (
    r"(?:\s+(?:uden\s+\w+|enstemmigt|af\s+alle|med\s+\d+\s+stemmer\b.*|og\s+underskrevet\b.*|og\s+underskrives\b.*))?"
)
PROSE_DECISION = re.compile(
    # (the subject with a note between commas: "Bidragsbudget 2022, afleveret den 6.6.2021, er godkendt.")
    # (but not across an at-clause: "Målet er, at en ny plan er vedtaget før …" tells a goal)
    rf"^(?:[A-ZÆØÅ][\wæøå-]*,?(?:\s+(?!(?:at|hvis|når|om)\b)[\wæøå.,-]+){{0,8}}?\s+(?:blev|er|var)\s+(?:\w+\s+){{0,2}}?"
    rf"{_OUTCOME_PARTICIPLE}"
    rf"|{_DECIDING_BODY}\s+(?:\w+\s+)?{_DECIDING_VERB}"
    # "Dirigenten gennemgik dagsordenen, og forsamlingen godkendte den.", "Sagen blev drøftet
    # – bestyrelsen besluttede, at …"
    rf"|[^.!?]*(?:,\s+og|\s[-–])\s+(?i:{_DECIDING_BODY})\s+(?:\w+\s+)?{_DECIDING_VERB}"
    # "MJ gik referatet igennem, og det blev derefter godkendt"
    rf"|[^.!?]*,\s+og\s+(?:det|den|de|[a-zæøå]+(?:et|en|erne)|[A-ZÆØÅ][a-zæøå]+)\s+(?:blev|er)\s+(?:\w+\s+){{0,2}}?"
    rf"{_OUTCOME_PARTICIPLE}\b"
    # an election told in brief: "Lisbet valgt som mødeleder og Mogens som ordstyrer."
    r"|[A-ZÆØÅ][\wæøå-]*(?:\s+[A-ZÆØÅ][\wæøå-]*){0,2}\s+(?:gen|ny)?valgt\s+(?:som|til)\s[^.!?]*[.!?]?"
    # "Sagen tages op igen i oktober", "Punktet skydes til næste møde", "… beslutning venter til foråret"
    r"|(?=[^.!?]{0,120}[.!?]?$)[^.!?]*\b(?:tages\s+op\s+igen|skydes\s+til|venter\s+til|træffes\s+beslutning\s+på"
    r"|udskydes\s+til|udsættes\s+til|[Kk]ommer\s+på\s+(?:et\s+senere|næste)\s+(?:møde|gang))\b"
    r"|De[tr]\s+(?:blev|er)\s+(?:\w+\s+)?(?:besluttet|vedtaget)"
    # the object or an adverb first, the body after the verb: "Dette tager udvalget til
    # efterretning.", "Derfor har en enig bestyrelse besluttet at aflyse …"
    rf"|(?:Dette|Det|Orienteringen|Redegørelsen|Beretningen)\s+(?:tager|tog)\s+{_BODY_AFTER_VERB}\s+(?:\w+\s+)?til\s+efterretning"
    rf"|(?:Derfor|Herefter|Dermed|Endelig|Så)\s+(?:har|blev)\s+(?:en\s+)?(?:enig\s+|samlet\s+)?{_BODY_AFTER_VERB}"
    r"\s+(?:\w+\s+)?(?:besluttet|godkendt|vedtaget)"
    # "Der var enighed om, at …", "Enighed om at vælge …" (not "Der var ikke enighed om …")
    r"|(?:Der\s+var\s+(?:fuld\s+|bred\s+)?|Det\s+blev\s+)?(?<!ikke\s)(?:[Ee]nighed|[Ee]nstemmighed)\s+om\b"
    r"|(?:Godkendt|Godkendes|Vedtaget|Vedtages|Udsat|Udsættes|Udskudt|Udskydes|Tiltrådt|Tiltrædes|Anbefales"
    r"|Forkastet|Taget\s+til\s+efterretning|Tages\s+til\s+efterretning)(?![\wæøå])"
    # (an answer that says only "OK" to its point: "2. Godkendelse af referat" / "OK")
    r"|OK[.!]?$"
    rf"|blev\s+(?:\w+\s+){{0,3}}?{_OUTCOME_PARTICIPLE}(?![\wæøå])"  # after a standing title: "… blev godkendt"
    rf"|(?:(?!\bat\b|\b{_MODAL}\b)[^.!?])*?\b{_RESOLVING_PASSIVE}(?![\wæøå])(?!\s+der\b)"
    rf"|{_RULING_SENTENCE}"
    # (told in the past, the subject first: "Kontingentet blev fastsat til 200 kr.")
    rf"|{_NO_SUBORDINATE_CLAUSE}[A-ZÆØÅ][\wæøå-]*"
    rf"(?:\s+(?!(?:at|hvis|når|som|og|men|fordi|da|om)\b)[\wæøå/.-]+){{0,4}}?\s+{RULING_PAST}(?![\wæøå])"
    # an election's result as a label: "Valgt: Nicklas Lauritzen med 14 stemmer"
    r"|(?:Valgt|Genvalgt|Nyvalgt|Valgt\s+blev)\s*:"
    # a vote's tally: "Kr. 1.365,00 pr. år, 47 stemte for og 0 imod." (its outcome: VOTE_FOR, VOTE_AGAINST)
    r"|.*?\b\d+\s+stemte\s+(?:for|imod)\b"
    # (the words may hold dates and times: "Regnskab 2017 afleveret d 27/2-2018 kl 15.17 gennemgået og godkendt.")
    rf"|(?=[^!?]*[.!?]?$)(?:[\wæøå,./-]+\s+){{1,11}}{_OUTCOME_PARTICIPLE}{_AFTER_PARTICIPLE}[.!]?$)(?![\wæøå])"
)


# A vote's tally in a sentence, either order: "47 stemte for og 0 imod", "2 stemte imod, 40
# stemte for". More for than against approves, fewer rejects, a tie says nothing.
VOTE_FOR = re.compile(r"\b(?P<count>\d+)\s+(?:stemte\s+|stemmer\s+)?for\b")
VOTE_AGAINST = re.compile(r"\b(?P<count>\d+)\s+(?:stemte\s+|stemmer\s+)?imod\b")
