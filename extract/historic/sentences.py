"""Where a sentence ends in the books' text: full stops after abbreviations ("Kr.", "Matr.
Nr.", "Chr. Jensen") and ordinals ("1. Behandling") go on, and the words a sentence cannot
end with, or a new one starts with. A point's title is its text's first sentence."""

from __future__ import annotations

import re

# Words that open a new sentence: nouns are capitalised in these books, so a capitalised
# pronoun, conjunction or preposition at a line start begins a sentence of its own
# ("Ligeledes Meddelelse fra Amtsraadet …", "Desuden var mødt for Aarhus Amts Vejvæsen …").
SENTENCE_OPENERS = {
    "da",
    "der",
    "det",
    "den",
    "de",
    "dette",
    "denne",
    "disse",
    "man",
    "han",
    "hun",
    "hvis",
    "naar",
    "men",
    "som",
    "saa",
    "hertil",
    "herefter",
    "derefter",
    "endvidere",
    "desuden",
    "ligeledes",
    "efter",
    "ved",
    "i",
    "paa",
    "til",
    "fra",
    "for",
    "med",
    "om",
    "under",
    "ifølge",
}
# A line ending in one of these words goes on: the sentence cannot end there ("Fra
# Socialministeriet forelaa Cirkulære af 14/10 vedrørende", "… Kasse- og" / "Regnskabsudvalget.").
FUNCTION_WORDS = {
    "af",
    "til",
    "fra",
    "for",
    "om",
    "i",
    "paa",
    "på",
    "med",
    "ved",
    "og",
    "eller",
    "samt",
    "at",
    "en",
    "et",
    "den",
    "det",
    "de",
    "der",
    "som",
    "mellem",
    "under",
    "over",
    "efter",
    "hos",
    "ang",
    "angaaende",
    "vedrørende",
    "mod",
    "uden",
    "hvor",
    "naar",
    "saa",
    "idet",
    "hvorved",
    "hvilket",
    "men",
    "da",
    "end",
}


def ends_open(title: str) -> bool:
    """The title's last line ends on a word the sentence cannot end with.

    >>> ends_open("Skrivelse fra Amtet angaaende"), ends_open("Skrivelse fra Amtet.")
    (True, False)
    """
    words = title.split()
    return bool(words) and words[-1].lower() in FUNCTION_WORDS


# A full stop ends the title unless it closes a number ("1. Behandling") or an
# abbreviation ("Kr.", "ang.", "Ndr.", "Matr. Nr.", "Skr.", "Landbrugsm.", "Grd.").
_FULL_STOP = re.compile(r"\.\)?(?=\s+[A-ZÆØÅ(\"]|\s*$)")
_ABBREVIATIONS = {
    "kr",
    "ang",
    "angaa",
    "ndr",
    "sdr",
    "nrd",
    "matr",
    "nr",
    "tilh",
    "sædv",
    "vedr",
    "mht",
    "bl",
    "pr",
    "ca",
    "jf",
    "jvf",
    "st",
    "hr",
    "frk",
    "dr",
    "ass",
    "skr",
    "cirk",
    "medd",
    "bek",
    "min",
    "off",
    "arb",
    "komm",
    "stk",
    "grd",
    "gdr",
    "fhv",
    "fmd",
    "frmd",
    "smst",
    "ds",
    "ugl",
    "mdl",
    "md",
    "kvt",
    "kvtl",
    "kv",
    "iflg",
    "ifl",
    "ift",
    "evt",
    "paag",
    "afd",
    "anl",
    "adr",
    "tlf",
    "do",
    "vedk",
    "politibetj",
    "toldass",
    "arbmd",
    "murerm",
    "snedkerm",
    "tømrerm",
    "købmd",
    "kgl",
    "gl",
    "ord",
    "ekstraord",
    "alm",
    "fl",
    "mm",
    "mv",
    "el",
    "jan",
    "janr",
    "febr",
    "aug",
    "sept",
    "septbr",
    "okt",
    "oktbr",
    "octbr",
    "nov",
    "novbr",
    "dec",
    "decbr",
    "kl",
    "etc",
    "inkl",
    "ekskl",
    "ovenn",
    "herv",
    "sogneraadsm",
    # first names written short: "Chr. Jensen", "Fr. Vilh. Bording", "Johs. Andersen"
    "chr",
    "th",
    "fr",
    "vilh",
    "wilh",
    "joh",
    "johs",
    "jac",
    "ingv",
    "vald",
    "sv",
    "rs",
    "hj",
    "mich",
    "fred",
}
# Units may end a sentence after a number ("… for 5000 Kr.", "… indenfor 10 km.").
_UNITS = {"kr", "km", "øre", "pct", "tdr", "tdl", "ha", "rm"}
# A word without a vowel is an abbreviation: "Gdr. Jens Sørensen".
_VOWELS = set("aeiouyæøåAEIOUYÆØÅ")
# Only the text just before a full stop decides whether it ends a sentence (the word,
# "Punkt 1", "1941/42"): a window, not all of it, or a line of 30 000 digits and dots takes
# minutes (a "[\w]+$" search from every position, and a copy of the text at every dot).
_ABBREVIATION_WINDOW = 200
_WORD_AT_END = re.compile(r"([\wæøå]+)$")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
# "Ejendom-" / "men": a word broken before a syllable that is also a word.
_BROKEN_BEFORE_WORD = re.compile(r"(?<=[\wæøå])-\n(?=(?:men|til|end)\b)")


def _is_abbreviation(word: str, before: str, at_line_end: bool) -> bool:
    lower = word.lower()
    if word.isdigit():
        # "1. Klasse", "22. Decbr.": an ordinal — unless a year or an amount ends the
        # sentence, a number is referred to ("… med Punkt 1."), or the line ends with it
        # ("… Stok 13 og 14." / "Rækkehusene …").
        referred = re.search(r"(?:punkt|pkt\.?)\s*\d+$", before, re.I)
        year = re.search(r"/\d+$|\d/\d+\s+\d\d$", before)  # "1941/42.", "30/6 42."
        return len(word) <= 2 and not year and not at_line_end and not referred
    if word[-1].isdigit():
        return False  # "… pr. m2."
    if lower in _UNITS and re.search(r"\d\s*$", before[: len(before) - len(word)]):
        return False
    if len(word) == 1:
        # An initial ("J. P. Rørholm") — but "p.a." closes an interest rate.
        return not re.search(r"\bp\.a$", before, re.I)
    if lower in _ABBREVIATIONS or lower.endswith("sm") or not (_VOWELS & set(word)):
        return True  # "Skr.", "Landbrugsm.", "Gdr."
    return bool(re.search(r"[^aeiouyæøå]{4}$", lower))  # "Vurderingsfmd."


def sentence_end(text: str) -> int | None:
    """Index just after the first full stop that ends a sentence, or None. A line break
    may follow the full stop ("\\n"); an ordinal is never at a line end.

    >>> text = "Ansøgning fra Chr. Jensen om 1. Prioritet paa 500 Kr. Bevilges."
    >>> text[: sentence_end(text)]
    'Ansøgning fra Chr. Jensen om 1. Prioritet paa 500 Kr.'
    >>> sentence_end("Skrivelse ang. Vejen") is None
    True
    """
    for match in _FULL_STOP.finditer(text):
        before = text[max(0, match.start() - _ABBREVIATION_WINDOW) : match.start()]
        word = _WORD_AT_END.search(before)
        at_line_end = _LINE_END.match(text, match.end()) is not None
        if word and _is_abbreviation(word.group(1), before, at_line_end):
            continue
        return match.end()
    return None


def first_sentence(text: str) -> str:
    """The text's first sentence on one line: a point's title.

    >>> first_sentence("Skrivelse ang. Ejendom-\\nmen i Skejby. Bevilges 25 Kr.")
    'Skrivelse ang. Ejendommen i Skejby.'
    """
    text = _BROKEN_BEFORE_WORD.sub("", text)
    end = sentence_end(text)
    return " ".join((text[:end] if end else text).split())
