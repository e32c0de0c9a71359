"""Who said what: actor + speech verb + content, in the word orders Danish minutes use.

- subject first:   "Danske Regioner foreslog, at formatet evalueres"
- inverted (V2):   "Hertil tilføjede Danske Regioner, at …"
- passive + agent: "Det blev [af Sundhedsdatastyrelsen] fremhævet, at …" (with or
                   without brackets; a passive without an agent names nobody and is skipped)
- coordinated:     "…, men pegede samtidig på, at …" keeps the sentence's subject
- lists:           "Task Force bemærkede bl.a. følgende:" takes the bullets below

Verbs are matched by their written forms (past tense and participle) and reported by
their infinitive with its particle ("pege på", "gøre opmærksom på").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from referat.extract.enrich.actors import Actor, ActorContext, actor_alternation, actor_pattern
from referat.extract.textscan import lower_keeping_offsets

# infinitive → (past tense forms, participle forms, particle after the verb or None)
SPEECH_VERBS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str | None]] = {
    "orientere": (("orienterede",), ("orienteret",), None),
    "foreslå": (("foreslog",), ("foreslået",), None),
    "bemærke": (("bemærkede",), ("bemærket",), None),
    "understrege": (("understregede",), ("understreget",), None),
    "fremhæve": (("fremhævede",), ("fremhævet",), None),
    "tilkendegive": (("tilkendegav",), ("tilkendegivet",), None),
    "påpege": (("påpegede",), ("påpeget",), None),
    "oplyse": (("oplyste",), ("oplyst",), None),
    "anerkende": (("anerkendte",), ("anerkendt",), None),
    "takke": (("takkede",), ("takket",), None),
    "tilføje": (("tilføjede",), ("tilføjet",), None),
    "pege på": (("pegede",), ("peget",), "på"),
    "udtrykke": (("udtrykte",), ("udtrykt",), None),
    "gøre opmærksom på": (("gjorde",), ("gjort",), "opmærksom på"),
    "præsentere": (("præsenterede",), ("præsenteret",), None),
    "introducere": (("introducerede",), ("introduceret",), None),
    "gennemgå": (("gennemgik",), ("gennemgået",), None),
    "bekræfte": (("bekræftede",), ("bekræftet",), None),
    "opfordre": (("opfordrede",), ("opfordret",), None),
    "efterspørge": (("efterspurgte",), ("efterspurgt",), None),
    "forespørge": (("forespurgte",), ("forespurgt",), None),
    "efterlyse": (("efterlyste",), ("efterlyst",), None),
    "minde om": (("mindede",), ("mindet",), "om"),
    "indstille": (("indstillede",), (), None),
    "betone": (("betonede",), ("betonet",), None),
    "pointere": (("pointerede",), ("pointeret",), None),
    "rejse": (("rejste",), ("rejst",), None),
    "anbefale": (("anbefalede",), ("anbefalet",), None),
    "ønske": (("ønskede",), ("ønsket",), None),
    "bede": (("bad",), ("bedt",), None),
    "byde velkommen": (("bød",), (), "velkommen"),
    "henvise til": (("henviste",), ("henvist",), "til"),
    "redegøre": (("redegjorde",), ("redegjort",), None),
    "præcisere": (("præciserede",), ("præciseret",), None),
    "konstatere": (("konstaterede",), ("konstateret",), None),
    "nævne": (("nævnte",), ("nævnt",), None),
    "spørge": (("spurgte",), ("spurgt",), None),
    "svare": (("svarede",), ("svaret",), None),
    "informere": (("informerede",), ("informeret",), None),
    "fortælle": (("fortalte",), ("fortalt",), None),
    # Verbs that report what was taken up rather than said (the gold annotates them too).
    "beskrive": (("beskrev",), ("beskrevet",), None),
    "indlede": (("indledte",), ("indledt",), None),
    "drøfte": (("drøftede",), ("drøftet",), None),
    "berøre": (("berørte",), ("berørt",), None),
    "vende": (("vendte",), ("vendt",), None),
}
_FORMS: dict[str, tuple[str, bool]] = {}
for _lemma, (_past, _participles, _particle) in SPEECH_VERBS.items():
    for _form in _past:
        _FORMS[_form] = (_lemma, False)
    for _form in _participles:
        _FORMS[_form] = (_lemma, True)
VERB = re.compile(r"(?<![\wæøå])(?P<verb>" + "|".join(sorted(_FORMS, key=len, reverse=True)) + r")(?![\wæøå])", re.I)
# The same forms for one pass over lower-cased text; the lookahead skips positions
# whose first letter starts no verb form.
_VERB_LOWER = re.compile(
    "(?=["
    + "".join(sorted({form[0] for form in _FORMS}))
    + r"])(?<![\wæøå])(?:"
    + "|".join(sorted(_FORMS, key=len, reverse=True))
    + r")(?![\wæøå])"
)

# Present tense, used only in a relative clause about a letter or report ("brev fra
# Indenrigs- og Sundhedsministeren, hvor hun understreger, at …"). Everywhere else minutes
# report in the past; present forms there are mostly the item's own prose ("Regionen
# ønsker …"), and taking them cost precision.
_PRESENT_IRREGULAR = {"gøre opmærksom på": "gør"}
_PRESENT: dict[str, str] = {}
for _lemma in SPEECH_VERBS:
    _PRESENT[_PRESENT_IRREGULAR.get(_lemma, _lemma.split()[0] + "r")] = _lemma
_PRESENT_ALTERNATION = "|".join(sorted(map(re.escape, _PRESENT), key=len, reverse=True))

# Sentence adverbs that may stand between verb and content (or actor and verb in a
# subordinate clause): "tilkendegav endvidere", "introducerede kort".
ADVERBS = (
    r"(?:indledningsvist|indledningsvis|endvidere|også|dog|samtidig|kort|afslutningsvis|afslutningsvist|"
    r"bl\.a\.|blandt andet|herefter|yderligere|desuden|efterfølgende|tillige|ligeledes|særligt|især|"
    r"generelt|overordnet|løbende|mundtligt|skriftligt|igen|ikke|tidligere|nu|derudover|hertil|her|"
    r"i den forbindelse|på mødet|i forlængelse heraf|videre)"
)
_ADVERB_RUN = re.compile(rf"^(?:\s*,?\s*{ADVERBS}(?![\wæøå]))*\s*", re.I)
# Where a clause can start: after punctuation, a conjunction, "at", or a minutes marker
# restating a sub-item ("Ad b) KL spurgte, om …").
_CLAUSE_START = re.compile(r"(?:^|[,;:]\s*|\b(?:og|men|samt|mens)\s+|\bat\s+|\b[Aa]d\s+[a-h][.)]\s*)$", re.I)
_COORDINATION = re.compile(r"^\s*(?:,\s*)?(?:og|men|samt)\s+$|^\s*,\s*$", re.I)
# Where one statement's content stops: a new clause with a finite verb joined by
# og/men/herunder ("… for inputtene og vil tage …", "…, herunder beskrev formatet …").
_AUXILIARIES = r"(?:vil|skal|kan|har|er|var|blev|bliver|ville|kunne|skulle|havde|må|gik|tog|fik|gav)"


@lru_cache(maxsize=2)
def _next_clause(with_auxiliaries: bool) -> re.Pattern:
    """Where content stops: og/men/herunder + (an actor +) a speech verb — or, for an
    object rather than an "at"-clause, any finite auxiliary ("… og vil tage …")."""
    verbs = "|".join(sorted(_FORMS, key=len, reverse=True)) + (f"|{_AUXILIARIES}" if with_auxiliaries else "")
    return re.compile(
        rf",?\s+(?:og|men|herunder)\s+(?:(?:{ADVERBS})\s+)?"
        rf"(?=(?:(?:{actor_alternation()})\s+(?:(?:{ADVERBS})\s+)*)?(?:{verbs})(?![\wæøå]))",
        re.I,
    )


@dataclass(frozen=True)
class StatementMatch:
    actor: Actor
    verb: str
    text: str
    start_char: int


# A full stop ends a sentence only before an upper-case start, a bullet or the end:
# "1. møde", "2. kvartal", "bl.a. følgende" do not end one.
_SENTENCE_END = re.compile(r"[.!?]+(?=\s*$|\s*\n|\s+[A-ZÆØÅ\"„«(•-])|\n")


def _sentences(text: str) -> list[tuple[int, str]]:
    """Sentences with their offsets."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        piece = text[start : end.end()]
        if piece.strip():
            pieces.append((start, piece))
        start = end.end()
    if text[start:].strip():
        pieces.append((start, text[start:]))
    return pieces


def find_statements(text: str, context: ActorContext | None = None) -> list[StatementMatch]:
    """Statements in a section's text (line breaks kept, so bullets can be found).

    Example:
        >>> text = "Hertil tilføjede Danske Regioner, at det bør overvejes."
        >>> [(s.actor.canonical, s.verb, s.text) for s in find_statements(text)]
        [('Danske Regioner', 'tilføje', 'det bør overvejes.')]
    """
    context = context or ActorContext()
    lowered = lower_keeping_offsets(text)
    verb_positions = [match.start() for match in _VERB_LOWER.finditer(lowered)]
    relative_positions = [match.start() for match in _RELATIVE_CUE.finditer(lowered)]
    if not verb_positions and not relative_positions:
        return []
    # Re-join sentences broken over lines (same length, so offsets hold); remember where
    # the breaks were: a line that starts with a name may start a clause after a sub-heading.
    soft_breaks = {match.start() for match in re.finditer(r"(?<![.:!?])\n(?![-•])", text)}
    joined = re.sub(r"(?<![.:!?])\n(?![-•])", " ", text)
    found: list[StatementMatch] = []
    for offset, sentence in _sentences_with_abbreviations(joined):
        has_verb = _any_within(verb_positions, offset, offset + len(sentence))
        has_relative = _any_within(relative_positions, offset, offset + len(sentence))
        if not has_verb and not has_relative:
            continue  # most sentences say nothing; skip them before any per-sentence search
        verbs = list(VERB.finditer(sentence)) if has_verb else []
        sentence_subject: Actor | None = None
        last_actor: Actor | None = None
        leading = actor_pattern().match(sentence, len(sentence) - len(sentence.lstrip()))
        if leading:
            sentence_subject = context.resolve(leading.group("actor"))
        for verb_match in verbs:
            lemma, participle = _FORMS[verb_match.group("verb").lower()]
            particle = SPEECH_VERBS[lemma][2]
            actor, content_from = _actor_for(
                sentence, verb_match, participle, context, last_actor or sentence_subject, offset, soft_breaks
            )
            if actor is None:
                continue
            rest = sentence[content_from:]
            if particle:
                particle_match = re.match(rf"^\s*(?:{ADVERBS}\s+)*{re.escape(particle)}(?![\wæøå])", rest, re.I)
                if not particle_match:
                    continue  # "gjorde" without "opmærksom på" is not speech
                rest = rest[particle_match.end() :]
            content = _content(
                rest, text, offset + len(sentence)
            )  # the list after a colon is read from the lines as printed
            if not content:
                continue
            found.append(StatementMatch(actor, lemma, content, offset + verb_match.start()))
            last_actor = actor
        if has_relative:
            found.extend(_relative_statements(sentence, offset, text, context))
    found.sort(key=lambda statement: statement.start_char)
    return found


def _any_within(positions: list[int], start: int, end: int) -> bool:
    first = bisect.bisect_left(positions, start)
    return first < len(positions) and positions[first] < end


_RELATIVE_CUE = re.compile(r"\bhvori?\s+(?:hun|han|de|den|det)\s")


@lru_cache(maxsize=1)
def _relative_clause() -> re.Pattern:
    """ACTOR, hvor/hvori hun/han/de/den/det + a present-tense speech verb: the pronoun is
    the actor just named (the letter's or report's author), not the last speaker."""
    return re.compile(
        rf"(?P<actor>{actor_alternation()})\s*,\s*(?i:hvor|hvori)\s+(?i:hun|han|de|den|det)\s+"
        rf"(?i:(?:{ADVERBS})\s+)*(?P<verb>(?i:{_PRESENT_ALTERNATION}))(?![\wæøå])"
    )


@lru_cache(maxsize=1)
def _next_present_verb() -> re.Pattern:
    """Where one present-tense statement stops and the next, by the same author, starts: "… og henviser til …"."""
    return re.compile(rf",?\s+og\s+(?:(?:{ADVERBS})\s+)*(?P<verb>{_PRESENT_ALTERNATION})(?![\wæøå])", re.I)


def _relative_statements(sentence: str, offset: int, whole: str, context: ActorContext) -> list[StatementMatch]:
    found = []
    for relative in _relative_clause().finditer(sentence):
        actor = context.resolve(relative.group("actor"))
        if actor is None:
            continue
        verb, start, rest_from = relative.group("verb"), relative.start("verb"), relative.end()
        while verb is not None:
            lemma = _PRESENT[verb.lower()]
            rest = sentence[rest_from:]
            particle = SPEECH_VERBS[lemma][2]
            if particle:
                particle_match = re.match(rf"^\s*(?:{ADVERBS}\s+)*{re.escape(particle)}(?![\wæøå])", rest, re.I)
                if not particle_match:
                    break
                rest = rest[particle_match.end() :]
            following = _next_present_verb().search(rest)
            content = _content(rest[: following.start()] if following else rest, whole, offset + len(sentence))
            if content:
                found.append(StatementMatch(actor, lemma, content, offset + start))
            if following is None:
                break
            verb = following.group("verb")
            start = len(sentence) - len(rest) + following.start("verb")
            rest_from = len(sentence) - len(rest) + following.end()
    return found


# Found from the dot backwards: a dot before a capital is rare, a word boundary is everywhere.
_DOT_BEFORE_CAPITAL = re.compile(r"\.(?=\s+[A-ZÆØÅ])")
_ABBREVIATION_BEFORE_DOT = re.compile(
    r"(?<!\w)(?:bl\.a|f\.eks|fx|mhp|jf|ift|evt|ca|pga|inkl|ekskl|hhv|mv|vedr|d|nr|kl|pct|mio|mia|kr|dvs|el|mht|st|tlf)$",
    re.I,
)


def _sentences_with_abbreviations(text: str) -> list[tuple[int, str]]:
    # "jf. Aftale …", "ca. 20 …": an abbreviation's dot before a capital is no sentence end.
    # The marker has the same length as the dot, so offsets hold.
    dots = [
        dot.start()
        for dot in _DOT_BEFORE_CAPITAL.finditer(text)
        if _ABBREVIATION_BEFORE_DOT.search(text, max(0, dot.start() - 6), dot.start())
    ]
    if not dots:
        return _sentences(text)
    characters = list(text)
    for dot in dots:
        characters[dot] = "\x00"
    protected = "".join(characters)
    return [(offset, piece.replace("\x00", ".")) for offset, piece in _sentences(protected)]


@lru_cache(maxsize=1)
def _subject_before_verb() -> re.Pattern:
    return re.compile(rf"(?P<actor>{actor_alternation()})\s*(?:\([^)]{{1,40}}\))?\s*(?:(?:{ADVERBS})\s+){{0,3}}$")


@lru_cache(maxsize=1)
def _actor_after_verb() -> re.Pattern:
    return re.compile(rf"^\s*(?P<actor>{actor_alternation()})\s*(?:\([^)]{{1,40}}\))?")


def _actor_for(
    sentence: str,
    verb: re.Match,
    participle: bool,
    context: ActorContext,
    inherited: Actor | None,
    offset: int = 0,
    soft_breaks: frozenset[int] | set[int] = frozenset(),
) -> tuple[Actor | None, int]:
    """Who speaks through ``verb``, and where in ``sentence`` the content starts: the agent
    of a passive, else a subject before the verb, else one after it (inverted word order),
    else the ``inherited`` subject of a coordinated verb."""
    before = sentence[: verb.start()]
    after_start = verb.end()
    perfect = participle and re.search(rf"\b(?:har|havde)\s+(?:(?:{ADVERBS})\s+)*$", before, re.I)
    if perfect:
        # "Regionen har tidligere orienteret om …": active perfect; the subject stands before "har".
        before = before[: perfect.start()]
        participle = False
    if participle:
        return _passive_agent(before, context), after_start
    actor = _subject_before(before, context, offset, soft_breaks)
    if actor is not None:
        return actor, after_start
    inverted = _subject_after(sentence, after_start, before, context)
    if inverted is not None:
        return inverted
    # A second verb joined by og/men keeps the subject: "…, men pegede samtidig på, at …"
    if inherited is not None and re.search(
        r"(?:,\s*|\s)(?:og|men|samt|herunder)\s+(?:(?:" + ADVERBS + r")\s+)*$", before, re.I
    ):
        return inherited, after_start
    return None, after_start


def _passive_agent(before: str, context: ActorContext) -> Actor | None:
    """The agent of a passive: "Det blev [af X] fremhævet, at" / "blev det af X fremhævet" /
    "er det af X oplyst"; a passive without one names nobody."""
    agent = re.search(r"\b(?:blev|er|bliver)\s+(?:det\s+)?\[?\s*af\s+(?P<agent>[^\]\[,]+?)\s*\]?\s*$", before, re.I)
    if not agent:
        return None
    return context.resolve(agent.group("agent"))


def _subject_before(
    before: str, context: ActorContext, offset: int, soft_breaks: frozenset[int] | set[int]
) -> Actor | None:
    """Subject first (in main or subordinate clause): actor, optional "(KL)", adverbs, verb,
    the actor at the start of a clause or a line."""
    # Only the last ~120 characters can hold the subject: keeps the search short.
    window_start = max(0, len(before) - 120)
    tail = _subject_before_verb().search(before, window_start)
    if not tail:
        return None
    prefix = before[: tail.start()]
    starts_line = offset + tail.start() - 1 in soft_breaks
    if (
        starts_line
        or _CLAUSE_START.search(prefix)
        or not prefix.strip()
        or re.search(r"\b(?:hvor|da|når|mens|idet|fordi|som)\s+$", prefix, re.I)
    ):
        return context.resolve(tail.group("actor"))
    return None


def _subject_after(sentence: str, after_start: int, before: str, context: ActorContext) -> tuple[Actor, int] | None:
    """Inverted after an adverbial: "Hertil tilføjede Danske Regioner, at …"; the actor and
    where the content starts after it."""
    inverted = _actor_after_verb().match(sentence[after_start:])
    # Only after an adverbial: a short one ("Hertil", "I den forbindelse") or one closed
    # by a comma ("På baggrund af oplæg fra …, drøftede udvalget …"); never after a subject.
    short_adverbial = len(before.split()) <= 6 and not actor_pattern().search(before)
    if (
        inverted
        and before.strip()
        and (short_adverbial or before.rstrip().endswith(","))
        and not re.search(r"\b(?:og|men)\s*$", before, re.I)
    ):
        actor = context.resolve(inverted.group("actor"))
        if actor is not None:
            return actor, after_start + inverted.end()
    return None


def _content(rest: str, whole: str, sentence_end: int) -> str:
    rest = _ADVERB_RUN.sub("", rest, count=1)
    # "bemærkede over for Sundhedsstyrelsen, at …", "indstillede … til bestyrelsen, at …":
    # a prepositional addressee before the "at"-clause is not the content.
    rest = re.sub(r"^(?:over\s+for|overfor|til|for|i|på)\s+[^,.]{1,100}?,\s*(?=at\s)", "", rest, flags=re.I)
    # "orienterede udvalget mundtligt om …": the addressee is not the content.
    rest = re.sub(
        rf"^(?:udvalget|rådet|medlemmerne|task force|deltagerne|dem|ham|hende)\s+(?:(?:{ADVERBS})\s+)*(?=om\b)",
        "",
        rest,
        flags=re.I,
    )
    clause = re.match(r"^,?\s*(?:om\s*,?\s*)?at\s+(?P<content>.*)$", rest, re.I | re.S) or re.match(
        r"^,?\s*om\s+(?P<content>.*)$", rest, re.I | re.S
    )
    content = clause.group("content") if clause else rest
    # Stop before the next coordinated statement. Inside an "at"-clause only a new speech
    # verb ends it ("… vil blive udarbejdet … og vil bestå af …" is still the content).
    stop = _next_clause(with_auxiliaries=not clause).search(content)
    if stop:
        content = content[: stop.start()]
    content = content.strip()
    if content.endswith(":") or re.search(r"følgende(?:\s+\w+){0,3}\s*:?$", content, re.I):
        listed = _list_after(whole, sentence_end)
        if listed:
            # "bemærkede bl.a. følgende:" says the list; "informerede om, at følgende er
            # besluttet:" says its clause, and the list completes it.
            return " ".join(f"{content} {listed}".split()) if clause else listed
    content = " ".join(content.split()).rstrip(":;, ")
    if not clause:
        # "gennemgik orienteringerne kort." — an adverb after an object is not content
        # (inside an "at"-clause the same word is the content: "at fristen er kort").
        content = re.sub(rf"\s+(?:{ADVERBS})(?=\.?$)", "", content, flags=re.I)
    return content


_LIST_MARK = re.compile(r"^(?:[-•]|\d{1,2}[.)])\s")


def _list_after(whole: str, position: int) -> str:
    """The list that follows a colon: bullets ("- …", "• …") or numbered points ("1) …"),
    each with its continuation lines."""
    lines = whole[position:].lstrip("\n").split("\n")
    bullets = []
    for line in lines:
        stripped = line.strip()
        if _LIST_MARK.match(stripped):
            bullets.append(stripped)
        elif bullets and stripped and not re.match(r"^[A-ZÆØÅ]", stripped):
            bullets[-1] += " " + stripped
        else:
            break
    return " ".join(" ".join(bullets).split())
