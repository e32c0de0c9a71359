"""The words of item titles: where a heading line's title ends and the minutes printed on
the same line begin (structure/titles.py). Data the structure grammar reads, like
``vocabulary``."""

from __future__ import annotations

import re

# A case type some publishers print before every title ("Orientering: Dialog med Movia om
# busdrift", "Beslutning: Budgetopfølgning III"). Also a standing title, so after one of these
# the words are the title's own unless they read as minutes.
CASE_TYPE_PREFIXES = frozenset({"orientering", "beslutning", "drøftelse", "godkendelse", "høring", "temadrøftelse"})
# A heading line that goes on with the minutes after a colon: "1. Valg af dirigent: Kim
# (have 22) blev valgt" (allotment association). The words that show the rest is minutes.
MINUTES_AFTER_TITLE = re.compile(
    r"\b(?:blev|valgt|genvalgt|godkendt|vedtaget|forkastet|enstemmigt|ingen|intet|udsat|taget til efterretning)\b",
    re.I,
)

# Agenda items nearly every Danish meeting has, councils and associations alike. Where one
# opens a heading line and prose follows without a separator ("3. Eventuelt Formanden
# fortalte …", "Godkendelse af referat Referatet blev godkendt"), the standing title is the
# item's title and the rest is its minutes.
STANDING_ITEM_TITLES = (
    "eventuelt", "evt.", "meddelelser", "orientering", "orienteringssager", "siden sidst", "nyt siden sidst",
    "godkendelse af dagsorden", "godkendelse af dagsordenen", "godkendelse af referat", "godkendelse af referatet",
    "godkendelse af sidste referat", "underskrift", "underskrivelse af referat", "underskrivelse af protokol",
    "valg af dirigent", "valg af referent", "valg af stemmetællere", "valg af ordstyrer",
    "formandens beretning", "bestyrelsens beretning", "kassererens beretning", "beretning",
    "regnskab", "godkendelse af regnskab", "fremlæggelse af regnskab", "forelæggelse af regnskab",
    "budget", "godkendelse af budget", "indkomne forslag", "behandling af indkomne forslag",
    "fastsættelse af kontingent", "valg af bestyrelse", "valg af bestyrelsesmedlemmer", "valg til bestyrelsen",
    "valg af suppleanter", "valg af suppleant", "valg af revisor", "valg af revisorer", "valg af revisorsuppleant",
    "næste møde", "punkter til næste møde", "kirkeværgens beretning", "præstens beretning",
    "kontaktpersonens beretning", "kassererens orientering", "formandens orientering",
    "meddelelser fra formanden", "meddelelser fra borgmesteren", "meddelelser fra direktionen",
    "orientering fra formanden", "orientering fra direktøren", "orientering fra administrationen",
    "nyt fra formanden", "gensidig orientering", "godkendelse af dagsorden og referat",
    "valg af dirigent og referent", "godkendelse af referat fra sidste møde", "næste møde og eventuelt",
    "velkomst", "spørgetid", "godkendelse af referat og dagsorden", "diverse",
)  # fmt: skip
# Words that open a sentence of minutes, not a title's next word: "… 2013 Den udsendte
# protokol godkendes.", "Spørgetid Ingen havde spørgsmål.", "(10 min.) Med 13 stemmer …"
# (followed by a word in lower case: "Den Blå Planet" is a name).
SENTENCE_OPENERS = (
    "Den", "Det", "De", "Der", "Dette", "Denne", "Disse", "Ingen", "Intet", "Vi", "Man", "Han", "Hun",
    "Med", "Efter", "Alle", "Begge",
)  # fmt: skip


# The nouns an agenda title opens with ("Godkendelse af …", "Støttepulje til …", "Anlægsregnskab
# vedr. …"): the head of a Danish compound is its last part, so a capitalised word ending in one
# of these ("Tillægsregulativ", "Byggeregnskab") opens a title as the plain noun does. Where a
# transcript ran a contents' titles together, such a word followed by a small word starts the
# next title even after a name ("… Himmerlands Udviklingsråd Støtte til videreførelse …").
TITLE_OPENING_HEADS = (
    "godkendelse", "forslag", "ansøgning", "orientering", "ændring", "ændringer", "regnskab", "budget",
    "bevilling", "udpegning", "høring", "evaluering", "renovering", "etablering", "tillæg", "meddelelser",
    "beretning", "støtte", "tilskud", "disponering", "overførsel", "overførsler", "fastsættelse", "principper",
    "strategi", "politik", "drøftelse", "opfølgning", "rapport", "udbud", "aftale", "dispensation",
    "genoptagelse", "nedlæggelse", "oprettelse", "sammenlægning", "forlængelse", "frigivelse", "takster",
    "ansættelse", "klage", "henvendelse", "forespørgsel", "anmodning", "redegørelse", "vedtægter", "vedtægt",
    "regulativ", "pulje", "udmøntning", "afrapportering", "analyse", "undersøgelse", "prioritering",
    "lokalplan", "kommuneplan", "handleplan", "indsatsplan", "byggeprogram", "helhedsplan", "status", "salg",
    "køb", "revision", "revisionsberetning", "indstilling", "temadrøftelse", "nedrivning", "udvidelse",
    "tilbagebetaling", "garanti", "lånoptagelse", "kvalitetsrapport", "forpagtning", "udlejning", "opsigelse",
)  # fmt: skip
# (Short nouns that end other words too count only alone: "Udvalg" ends in "valg".)
TITLE_OPENING_WORDS = frozenset({"valg", "plan", "sag"})


def opens_a_title(word: str) -> bool:
    """Whether a capitalised word is a noun agenda titles open with, alone or as a compound's
    head ("Støttepulje", "Anlægsregnskab"; not "Indsatsplanområde", whose head is "område").

    Example:
        >>> [opens_a_title(w) for w in ("Støtte", "Byggeregnskab", "Tillægsregulativ", "Udviklingsråd", "Udvalg")]
        [True, True, True, False, False]
    """
    bare = word.strip(",.:;()").lower()
    return bare in TITLE_OPENING_WORDS or (len(bare) >= 4 and bare.endswith(TITLE_OPENING_HEADS))
