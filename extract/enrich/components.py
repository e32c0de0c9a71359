"""The enrichment components: one ``spacy.blank("da")`` with our components, built once.

Each component is registered the spaCy way, declares what it assigns and requires
(``nlp.analyze_pipes()`` finds no problem), and does one thing to a ``Doc``:

=====================  ==============================================================
``referat_lemmas``     token.lemma from the Danish lookup table (data/da_lemmas.txt.gz,
                       from spacy-lookups-data, MIT); looked up lower-cased, since the
                       table is case-sensitive and sentence starts are capitalised
``referat_entities``   doc.ents: ORG (gazetteer phrases + "Region X", "X Kommune",
                       "-styrelsen" …), PER (titles + names, participants), LOC, LAW
``referat_dates``      doc._.dates: DateMention dicts (our Danish grammar)
``referat_amounts``    doc._.amounts: Amount dicts
``referat_statements`` doc._.statements: who said what
``referat_positions``  doc._.positions: votes, reservations, abstentions; after the
                       statements, whose actors resolve its "Styrelsen" and "hun"
``referat_votes``      doc._.votes: each ballot's counts (for, against, abstaining)
=====================  ==============================================================

Every component reads the text (the original string, see :func:`_text`). Per-document
context (meeting date, participants, the actors seen so far in the item, for "Styrelsen"
and "hun") travels in ``doc._.referat_context``; :func:`run` sets it before the first
component, so no component assigns it and none lists it in ``requires``.
"""

from __future__ import annotations

import array
import bisect
import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import cast

import numpy
import spacy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from thinc.types import Ints2d

from referat.data import read_data
from referat.extract.dates import iter_dates
from referat.extract.enrich import positions as positions_module
from referat.extract.enrich import statements as statements_module
from referat.extract.enrich.actors import ActorContext, actor_pattern, gazetteer
from referat.extract.enrich.amounts import iter_amounts
from referat.extract.enrich.positions import find_positions
from referat.extract.enrich.statements import StatementMatch, find_statements
from referat.extract.enrich.votes import find_votes

for _name in ("referat_context", "dates", "amounts", "statements", "positions", "votes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass
class EnrichContext:
    """What a section's Doc needs to know about its meeting and item."""

    reference_date: datetime.date | None = None
    actors: ActorContext = field(default_factory=ActorContext)
    with_statements: bool = True
    # Where statements may be looked for (minutes, decisions, unheaded text); None: everywhere.
    statement_ranges: list[tuple[int, int]] | None = None
    # doc.text rebuilds the string from Token objects on every call: keep the original.
    text: str = ""


def _text(doc: Doc) -> str:
    context: EnrichContext | None = doc._.referat_context
    return context.text if context is not None and context.text else doc.text


class LemmaTable:
    """The Danish lookup table (474 000 forms that are not their own lemma) as two
    newline-joined strings sorted by form, searched by bisection.

    As a Python dict it would cost ~110 MB and a second per process (and each import
    worker holds one); this costs ~15 MB. A lookup is done once per word type (cached
    in ``_LEMMA_BY_LOWER``). The file is built by data/build_lemma_table.py.
    """

    def __init__(self, forms: str, lemmas: str):
        self._forms, self._lemmas = forms, lemmas
        self._form_starts = array.array("I", _line_starts(forms))
        self._lemma_starts = array.array("I", _line_starts(lemmas))
        # Every BLOCK-th form, bisected in C; then one block is split and bisected. A pure
        # Python bisection over all forms cost ~13 µs a lookup (20 slices), and the first
        # document of a process looks up thousands of new words.
        self._block_firsts = [
            self._slice(forms, self._form_starts, index) for index in range(0, len(self._form_starts), self.BLOCK)
        ]

    BLOCK = 16

    @classmethod
    def load(cls, name: str = "da_lemmas.txt.gz") -> LemmaTable:
        """The table from the shipped data file ``name`` (referat.data)."""
        forms, _, lemmas = read_data(name).partition("\0")
        return cls(forms, lemmas)

    def get(self, form: str, default: str) -> str:
        block = bisect.bisect_right(self._block_firsts, form) - 1
        if block < 0:
            return default
        first = block * self.BLOCK
        last = min(first + self.BLOCK, len(self._form_starts)) - 1
        end = self._form_starts[last + 1] - 1 if last + 1 < len(self._form_starts) else len(self._forms)
        forms = self._forms[self._form_starts[first] : end].split("\n")
        index = bisect.bisect_left(forms, form)
        if index < len(forms) and forms[index] == form:
            return self._slice(self._lemmas, self._lemma_starts, first + index)
        return default

    @staticmethod
    def _slice(text: str, starts: array.array, index: int) -> str:
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
        return text[starts[index] : end]


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


@lru_cache(maxsize=1)
def _lemma_table() -> LemmaTable:
    return LemmaTable.load()


# Words (letters with inner hyphens/apostrophes), numbers with Danish separators,
# single punctuation marks, and whitespace runs (kept, so doc.text == the input text).
# Group 2 takes one following space (spaCy's "whitespace after this token") unless more follow.
_TOKEN = re.compile(r"(\s+|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]|\w+)( (?! ))?")


class RegexTokenizer:
    """A tokenizer for enrichment, 6–8× faster than spaCy's rule-based one on our texts
    (measured: 33 ms vs 196–266 ms for the 108-page KL PDF). None of our components
    needs finer Danish tokenization; the gazetteer phrases are tokenized the same way."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        pairs = _TOKEN.findall(text)
        return Doc(self.vocab, words=[word for word, _ in pairs], spaces=[space == " " for _, space in pairs])


@spacy.registry.tokenizers("referat_regex_tokenizer")
def create_regex_tokenizer():
    def create(nlp: Language) -> RegexTokenizer:
        return RegexTokenizer(nlp.vocab)

    return create


_LEMMA_BY_LOWER: dict[int, int] = {}  # lower-case hash → lemma hash, shared by all docs


@Language.component("referat_lemmas", assigns=["token.lemma"], requires=[])
def lemmas(doc: Doc) -> Doc:
    """Reads each token's lower-case form; writes token.lemma (the lookup table's lemma of
    the lower-cased word, or the lower-cased word itself when the table has none).

    Works on attribute arrays, not Token objects: a Token per word costs more than the lookup.
    """
    if not len(doc):
        return doc
    table = _lemma_table()
    strings = doc.vocab.strings
    # Look up each word type once (a text repeats its words), then spread back to tokens.
    types, token_type = numpy.unique(doc.to_array([LOWER]).reshape(-1), return_inverse=True)
    type_lemmas = numpy.empty(len(types), dtype="uint64")
    for position, lower_id in enumerate(types.tolist()):
        lemma_id = _LEMMA_BY_LOWER.get(lower_id)
        if lemma_id is None:
            lower = strings[lower_id]
            lemma_id = strings.add(table.get(lower, lower))
            _LEMMA_BY_LOWER[lower_id] = lemma_id
        type_lemmas[position] = lemma_id
    doc.from_array([LEMMA], cast(Ints2d, type_lemmas[token_type].reshape(-1, 1)))
    return doc


# ORG rules beyond the gazetteer, LAW references, person titles.
# Every alternative starts with a capital letter: the lookahead lets the regex engine
# skip all other positions at once instead of trying each alternative there.
ORG_RULES = re.compile(
    r"(?=[A-ZÆØÅ])(?:\bRegion\s+[A-ZÆØÅ][\wæøå]+"
    # "Aarhus Kommune", "Aarhus kommune", "Faaborg-Midtfyn Kommune", "Faaborg Midtfyn Kommune"
    r"|\b[A-ZÆØÅ][\wæøå]+(?:[- ][A-ZÆØÅ][\wæøå]+)?\s+[Kk]ommune\b"
    # "Indenrigs- og Sundhedsministeriet", "Psykiatri - og Socialudvalget", "Behandlingsrådet"
    # (and the genitive, "Behandlingsrådets"; after "X- og" the second part may be lower-case:
    # "Psykiatri- og socialudvalget")
    r"|\b(?:[A-ZÆØÅ][\wæøå]*\s?-\s+og\s+[\wæøå]|[A-ZÆØÅ][\wæøå]*\s+og\s+[A-ZÆØÅ]|[A-ZÆØÅ])"
    r"[\wæøå]*(?:styrelsen|ministeriet|udvalget|rådet)s?\b"
    # "Nationalt råd for psykiske lidelser og mental sundhed": up to the last head noun
    r"|\b(?:Rådet|Task Force|Nationalt [Rr]åd)\s+for\s+(?:[\wæøå-]+\s+){0,6}"
    r"[\wæøå-]*(?:området|psykiatrien|sundhed|lidelser)\b)"
)
# Laws, each alternative starting at a distinctive literal so the scan is cheap:
# "sundhedslovens §119" (the § found first, the law's name taken from just before it),
# "§ 108", "Lovforslag L91", "FL24", "lov om social service § 101", "serviceloven".
# "sundhedslovens §119 og §140" is two references, each its own entity.
LAW_PARAGRAPH = re.compile(r"§\s?\d+[a-z]?(?:,\s*stk\.\s*\d+)?")
LAW_NAME_BEFORE = re.compile(r"(?:[a-zæøå]+lovens|lov\s+om\s+[a-zæøå ]{3,40}?)\s+$")
# "Lovforslag L91"; "FL24" (the finance act for 2024); "…loven".
# Each alternative starts with a literal letter, so the engine skips in C to where one can start.
LAW_OTHER = re.compile(r"Lovforslag\s+L\s?\d+|lovforslag\s+L\s?\d+|FL(?<!\wFL)\s?(?:20)?\d\d\b|lov(?=en\b)")


def find_laws(text: str) -> list[tuple[int, int]]:
    """Character spans of law references.

    Example:
        >>> [text[a:b] for text in ["efter sundhedslovens §119 og serviceloven"] for a, b in find_laws(text)]
        ['sundhedslovens §119', 'serviceloven']
    """
    spans = []
    for match in LAW_PARAGRAPH.finditer(text):
        before = LAW_NAME_BEFORE.search(text, max(0, match.start() - 50), match.start())
        spans.append((before.start() if before else match.start(), match.end()))
    for match in LAW_OTHER.finditer(text):
        if match.group(0).lower().startswith(("lovforslag", "fl")):
            spans.append((match.start(), match.end()))
            continue
        # "…loven": the whole word ending in "loven" ("serviceloven", "sundhedsloven").
        start = match.start()
        while start > 0 and text[start - 1].isalpha() and text[start - 1].islower():
            start -= 1
        if start < match.start():
            spans.append((start, match.end() + 2))
    return spans


# "Lotte Lyhne, chefkonsulent i Socialpædagogerne": a name with its title after it.
PERSON_TITLED_AFTER = re.compile(
    r"(?P<name>[A-ZÆØÅ][\wæøå'’-]+(?:\s+[A-ZÆØÅ][\wæøå'’-]+){1,3}),\s+[a-zæøå-]*(?:konsulent|chef|direktør|formand|leder|minister|rådgiver|medarbejder|ordfører)\b"
)
# "Udvalgsformand Jacob Klærke", "Social- og Boligminister Sophie Hæstorp Andersen": the
# match starts at the title word (also inside a compound), and the name follows it.
PERSON_RULES = re.compile(
    r"(?:formand|minister|direktør|chef|konsulent|borgmester)\s+"
    r"(?P<name>[A-ZÆØÅ][\wæøå'’-]+(?:\s+[A-ZÆØÅ][\wæøå'’-]+){1,3})"
)


@Language.factory(
    "referat_entities",
    default_config={},
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    requires=[],
)
def make_entities(nlp: Language, name: str) -> EntityRecogniser:
    """The entity recogniser, its gazetteer phrases tokenized by ``nlp`` (see :class:`EntityRecogniser`)."""
    return EntityRecogniser(nlp)


class EntityRecogniser:
    """Reads the text, the gazetteer and the participants in ``doc._.referat_context``;
    writes doc.ents (and so token.ent_iob, token.ent_type): ORG, PER, LOC, LAW."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[str]] = {"ORG": [], "LOC": []}
        for surface in gazetteer():
            if len(surface) <= 1:
                continue
            by_label["ORG"].append(surface)
            if surface.endswith(" Kommune"):
                by_label["LOC"].append(
                    surface[: -len(" Kommune")].rstrip("s")
                    if surface.startswith("Københavns")
                    else surface[: -len(" Kommune")]
                )
        by_label["LOC"] += ["Danmark", "Christiansborg", "Grønland", "Færøerne"]
        for label, surfaces in by_label.items():
            self.matcher.add(label, [nlp.make_doc(surface) for surface in sorted(set(surfaces))])

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        spans: list[Span] = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        spans += _char_spans(doc, ((m.start(), m.end()) for m in ORG_RULES.finditer(text)), "ORG")
        spans += _char_spans(doc, _law_spans(text), "LAW")
        spans += _char_spans(doc, _titled_person_spans(text), "PER")
        spans += _char_spans(doc, _participant_spans(text, doc._.referat_context), "PER")
        doc.ents = filter_spans(spans)
        return doc


def _char_spans(doc: Doc, offsets: Iterable[tuple[int, int]], label: str) -> list[Span]:
    """Character offsets as ``label`` spans, widened to whole tokens (None ones dropped)."""
    spans = []
    for start, end in offsets:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def _law_spans(text: str) -> list[tuple[int, int]]:
    """:func:`find_laws`, run only on a text that holds "§", "lov" or "FL"."""
    return find_laws(text) if "§" in text or "lov" in text.lower() or "FL" in text else []


_PERSON_TITLE_WORDS = ("formand", "minister", "direktør", "chef", "konsulent", "borgmester", "leder", "rådgiver")


def _titled_person_spans(text: str) -> Iterator[tuple[int, int]]:
    """Names after a title ("Udvalgsformand Jacob Klærke") or before one ("Lotte Lyhne, chefkonsulent")."""
    lower = text.lower()
    titled = any(word in lower for word in _PERSON_TITLE_WORDS)
    for pattern in (PERSON_RULES, PERSON_TITLED_AFTER) if titled or "," in text else ():
        for match in pattern.finditer(text):
            yield match.start("name"), match.end("name")


def _participant_spans(text: str, context: EnrichContext | None) -> Iterator[tuple[int, int]]:
    """Every occurrence of a meeting participant's name as printed in the participant list."""
    if context is None:
        return
    for participant in context.actors.participants:
        for match in re.finditer(re.escape(participant), text):
            yield match.start(), match.end()


@Language.component("referat_dates", assigns=["doc._.dates"], requires=[])
def dates(doc: Doc) -> Doc:
    """Reads the text and the meeting date in ``doc._.referat_context``; writes doc._.dates
    (DateMention dicts, see :func:`referat.extract.dates.iter_dates`)."""
    context: EnrichContext | None = doc._.referat_context
    doc._.dates = list(iter_dates(_text(doc), context.reference_date if context else None))
    return doc


@Language.component("referat_amounts", assigns=["doc._.amounts"], requires=[])
def amounts(doc: Doc) -> Doc:
    """Reads the text; writes doc._.amounts (Amount dicts, see :func:`iter_amounts`)."""
    text = _text(doc)
    lower = text.lower()
    # Every amount names its currency; most texts name none.
    doc._.amounts = list(iter_amounts(text)) if "kr" in lower or "dkk" in lower else []
    return doc


@Language.component("referat_statements", assigns=["doc._.statements"], requires=[])
def statements(doc: Doc) -> Doc:
    """Reads the text, and from ``doc._.referat_context`` the actors (participants, chair,
    those seen so far), whether to look for statements and where; writes doc._.statements
    (:class:`StatementMatch` list). Every actor it resolves is noted in the context's
    actors, for the short forms of the components after it."""
    context: EnrichContext | None = doc._.referat_context
    actors = context.actors if context else ActorContext()
    if context is not None and not context.with_statements:
        doc._.statements = []
        return doc
    text = _text(doc)
    if context is None or context.statement_ranges is None:
        doc._.statements = find_statements(text, actors)
        return doc
    found: list[StatementMatch] = []
    for start, end in context.statement_ranges:
        found.extend(
            replace(match, start_char=match.start_char + start) for match in find_statements(text[start:end], actors)
        )
    doc._.statements = found
    return doc


@Language.component("referat_positions", assigns=["doc._.positions"], requires=["doc._.statements"])
def positions(doc: Doc) -> Doc:
    """Reads the text and the actors in ``doc._.referat_context``; writes doc._.positions
    (:class:`~referat.extract.enrich.positions.PositionMatch` list). Requires the
    statements: "Styrelsen" and "hun" resolve to the actors that referat_statements noted
    in the context."""
    context: EnrichContext | None = doc._.referat_context
    doc._.positions = find_positions(_text(doc), context.actors if context else None)
    return doc


@Language.component("referat_votes", assigns=["doc._.votes"])
def votes(doc: Doc) -> Doc:
    """Reads the text; writes doc._.votes (:class:`~referat.extract.enrich.votes.VoteMatch`
    list): the counts of each ballot the text reports."""
    doc._.votes = find_votes(_text(doc))
    return doc


PIPELINE = (
    "referat_lemmas",
    "referat_entities",
    "referat_dates",
    "referat_amounts",
    "referat_statements",
    "referat_positions",
    "referat_votes",
)


_WARM_UP = (
    "Danske Regioner foreslog den 1. marts 2026, at 5 mio. kr. afsættes. Regionen har tidligere orienteret om, "
    "at fristen er medio april. Det blev af Sundhedsstyrelsen fremhævet, at planen følger § 108. "
    "Hertil tilføjede KL, at Udvalgsformand Jacob Klærke og Lotte Lyhne, chefkonsulent i Socialpædagogerne, "
    "deltog, og pegede samtidig på, at uge 12 passer. "
    "Styrelsen orienterede udvalget mundtligt om status i 2. kvartal 2026.\n"
    "Medlemmerne bemærkede bl.a. følgende:\n- tidsplanen 2025-2027\n- ca. 20 mio. kr. i 2026\n"
    "V stemte imod, og Ø tog forbehold. "
    "Brevet fra Sundhedsministeren, hvor hun understreger, at fristen holder, og henviser til aftalen."
)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built once per process (the gazetteer phrases take a moment)."""
    nlp = spacy.blank("da", config={"nlp": {"tokenizer": {"@tokenizers": "referat_regex_tokenizer"}}})
    # A word's first appearance computes every lexical attribute spaCy knows (23 for
    # Danish: shape, like_num, like_url …; ~24 µs a word, thousands of new words in a
    # process's first document). Our components read only LOWER.
    nlp.vocab.lex_attr_getters = {LOWER: str.lower}  # type: ignore[attr-defined]  # missing from spaCy's stubs
    for name in PIPELINE:
        nlp.add_pipe(name)
    # Load and compile what every document needs here, once, so the first document is
    # not slower than the rest (the actor patterns alternate over every gazetteer name).
    _lemma_table()
    for compile_once in (
        actor_pattern,
        statements_module._subject_before_verb,
        statements_module._actor_after_verb,
        statements_module._relative_clause,
        statements_module._next_present_verb,
        positions_module._subject_actor,
    ):
        compile_once()
    for with_auxiliaries in (False, True):
        statements_module._next_clause(with_auxiliaries)
    # One short text through every component and every path of the statement grammar
    # (subject first, perfect, passive with agent, inverted, coordinated, bullets), so the
    # patterns built from the adverb list are compiled here and not in the first document.
    _run_with(nlp, _WARM_UP, EnrichContext(reference_date=datetime.date(2026, 1, 15)))
    return nlp


def run(text: str, context: EnrichContext) -> Doc:
    """Run every component on ``text`` with ``context`` set before the first one."""
    return _run_with(get_nlp(), text, context)


def _run_with(nlp: Language, text: str, context: EnrichContext) -> Doc:
    context.text = text
    doc = nlp.make_doc(text)
    doc._.referat_context = context
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc
