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
    "velkomst", "spørgetid", "godkendelse af referat og dagsorden",
)  # fmt: skip
# Words that open a sentence of minutes, not a title's next word: "… 2013 Den udsendte
# protokol godkendes.", "Spørgetid Ingen havde spørgsmål.", "(10 min.) Med 13 stemmer …"
# (followed by a word in lower case: "Den Blå Planet" is a name).
SENTENCE_OPENERS = (
    "Den", "Det", "De", "Der", "Dette", "Denne", "Disse", "Ingen", "Intet", "Vi", "Man", "Han", "Hun",
    "Med", "Efter", "Alle", "Begge",
)  # fmt: skip
