"""Danish text for the full-text index: words, Snowball stems, compound tails.

Both indexes (passages and items, see schema.py) have three columns over the same text:

- ``text``  the words as printed (exact hits, and what snippets are cut from);
- ``stems`` each word's Snowball stem, so "aftalen", "aftaler" and "aftale" meet at "aftal";
- ``parts`` the tails of long stems, so compounds are found by their last parts:
  "økonomiaftal" (from "økonomiaftalen") also indexes "aftal", and
  "ungdomspsykiatri" (from "Børne- og Ungdomspsykiatrien") also indexes "psykiatri".

A query term may match in any column; the column only weighs the hit when ranking
(a word as printed above a stem above a compound part).

An import computes a document's index columns where it is extracted, in its worker
process, under ``--timeout`` and ``--max-memory`` (prepare.py, with :func:`index_words`
and :func:`index_columns`); the process that writes the archive only inserts them.

Queries are read and matched in query.py, by these same rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import Stemmer

# FTS5's unicode61 tokenizer treats letters and digits as word characters, everything
# else as a separator ("Børne- og" → "børne", "og"); this regex cuts words the same way.
WORD = re.compile(r"[^\W_]+")

# A compound's first part has at least this many letters ("sags|behandling"), and an
# indexed tail at least this many ("økonomi|aftal"): shorter tails match almost anything.
MIN_HEAD = 3
MIN_TAIL = 3
# ... and a stem this long at most: Danish compounds run to some 50 letters
# ("speciallægepraksisplanlægning…"); a longer "word" is a hash, a run of letters or an
# attack, and its tails would cost the square of its length (a 200 kB word: 20 GB).
MAX_COMPOUND = 64
# Query words this long or longer are matched as prefixes too ("aftale" → "aftalegrundlag").
MIN_PREFIX = 4
MAX_QUERY_WORDS = 32

# Snowball's Danish stop words (snowballstem.org/algorithms/danish/stop.txt). They must
# still occur in a hit, but they do not rank it: a word in most items has an inverse
# document frequency near zero (bm25 floors it at 1e-6), yet bm25 would read every one of
# its thousands of positions ("til" in "taget til efterretning").
# fmt: off
STOP_WORDS = frozenset([
    "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af", "for",
    "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham", "hun", "nu",
    "over", "da", "fra", "du", "ud", "sin", "dem", "os", "op", "man", "hans", "hvor", "eller", "hvad", "skal",
    "selv", "her", "alle", "vil", "blev", "kunne", "ind", "når", "være", "dog", "noget", "ville", "jo", "deres",
    "efter", "ned", "skulle", "denne", "end", "dette", "mit", "også", "under", "have", "dig", "anden", "hende",
    "mine", "alt", "meget", "sit", "sine", "vor", "mod", "disse", "hvis", "din", "nogle", "hos", "blive",
    "mange", "ad", "bliver", "hendes", "været", "thi", "jer", "sådan",
])
# fmt: on

_stemmer = Stemmer.Stemmer("danish")


class QueryError(ValueError):
    """A query that cannot be searched; the message is one sentence for the user."""


def stem(word: str) -> str:
    """The Snowball (Danish) stem of one lower-cased word.

    Example:
        >>> stem("økonomiaftalen"), stem("aftaler")
        ('økonomiaftal', 'aftal')
    """
    # Only words of a compound's length are cached: 65 536 cached 200 kB words are 13 GB.
    return _cached_stem(word) if len(word) <= MAX_COMPOUND else _stemmer.stemWord(word)


@lru_cache(maxsize=65536)
def _cached_stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``, cut as FTS5's unicode61 tokenizer cuts them.

    Example:
        >>> words("Børne- og Ungdomspsykiatrien, 2024")
        ['børne', 'og', 'ungdomspsykiatrien', '2024']
    """
    return WORD.findall(text.lower())


def tails(stemmed: str) -> list[str]:
    """The tails of a long stem that may be the last parts of a compound; none for a stem
    longer than any compound (MAX_COMPOUND), so the parts of a text grow linearly with it.

    Example:
        >>> tails("økonomiaftal")[-4:]
        ['iaftal', 'aftal', 'ftal', 'tal']
        >>> tails("a" * (MAX_COMPOUND + 1))
        []
    """
    if not is_compound(stemmed):
        return []
    return [stemmed[start:] for start in range(MIN_HEAD, len(stemmed) - MIN_TAIL + 1)]


def is_compound(stemmed: str) -> bool:
    """Whether a stem may be a compound whose tails are indexed (and matched by queries)."""
    return MIN_HEAD + MIN_TAIL + 1 <= len(stemmed) <= MAX_COMPOUND and stemmed.isalpha()


# What one word adds to a passage's two index columns: its stem, and its compound tails
# joined by spaces ('' when it has none).
WordColumns = tuple[str, str]
# Words with their columns, looked up by index_columns (see index_words).
IndexWords = Mapping[str, WordColumns]


def word_columns(word: str) -> WordColumns:
    """What :func:`index_columns` adds for one lower-cased word: its stem and its tails.

    Example:
        >>> word_columns("økonomiaftalen")
        ('økonomiaftal', 'nomiaftal omiaftal miaftal iaftal aftal ftal tal')
        >>> word_columns("møder")
        ('mød', '')
    """
    stemmed = stem(word)
    return stemmed, " ".join(tails(stemmed))


def index_words(texts: Iterable[str]) -> dict[str, WordColumns]:
    """Every distinct word of ``texts`` with its columns, so that a meeting's passages
    (prepare.py) stem each word once however often it occurs. Linear in the texts: a word
    costs at most MAX_COMPOUND tails.

    Example:
        >>> index_words(["Aftalen om aftalen", "Om møder"])
        {'aftalen': ('aftal', ''), 'om': ('om', ''), 'møder': ('mød', '')}
    """
    found: dict[str, WordColumns] = {}
    for text in texts:
        for word in words(text):
            if word not in found:
                found[word] = word_columns(word)
    return found


def index_columns(text: str, known: IndexWords | None = None) -> tuple[str, str]:
    """The ``stems`` and ``parts`` column values for a passage's text. Each word is looked
    up in ``known`` (from :func:`index_words`) and computed only when it is not there, so
    the result is the same with or without it.

    Example:
        >>> index_columns("Økonomiaftalen")[0]
        'økonomiaftal'
        >>> index_columns("Økonomiaftalen", index_words(["økonomiaftalen"])) == index_columns("Økonomiaftalen")
        True
    """
    found = words(text)
    if known is None:  # a Document stored without an import's worker, a migration: compute every word
        stems = [stem(word) for word in found]
        return " ".join(stems), " ".join([tail for stemmed in stems for tail in tails(stemmed)])
    columns = [known.get(word) or word_columns(word) for word in found]
    return " ".join([stemmed for stemmed, _ in columns]), " ".join([joined for _, joined in columns if joined])


# A meeting's own body is named in most of its items ("Det indstilles, at Psykiatri- og
# Socialudvalget tager orienteringen til efterretning"). Indexed, that name makes every
# item of the body a hit for each of its words ("psykiatri", or "økonomi" as a prefix of
# "Økonomiudvalget") and buries the items that are about the subject. So the index holds
# a passage's text with its meeting's body name blanked out; ``--body`` is the way to
# search by body. The name may break across a line or lose its hyphen's space, and may
# take the genitive s; case does not matter.
_NAME_GAP = r"[\W_]{1,4}"


@lru_cache(maxsize=1024)
def _own_name(body: str) -> re.Pattern[str] | None:
    parts = WORD.findall(body)
    if not parts:
        return None
    return re.compile(r"(?<![^\W_])" + _NAME_GAP.join(map(re.escape, parts)) + r"s?(?![^\W_])", re.IGNORECASE)


def without_own_name(text: str, body: str | None) -> str | None:
    """``text`` with each mention of ``body`` (the meeting's own body) blanked out, or
    None when it has none. Blanks of the same length keep every offset, so hits found in
    the result can be marked in ``text``.

    Example:
        >>> without_own_name("Psykiatri- og Socialudvalgets møde om psykiatrien", "Psykiatri- og Socialudvalget")
        '                              møde om psykiatrien'
        >>> without_own_name("Regionsrådet godkendte", "Økonomiudvalget") is None
        True
    """
    pattern = _own_name(body) if body else None
    if pattern is None or pattern.search(text) is None:
        return None
    return pattern.sub(lambda found: " " * len(found.group()), text)


def spelling_variants(word: str) -> list[str]:
    """The word and its aa ↔ å spelling ("Aarhus" is also written "Århus").

    Example:
        >>> spelling_variants("aarhus")
        ['aarhus', 'århus']
    """
    variants = [word]
    if "aa" in word:
        variants.append(word.replace("aa", "å"))
    if "å" in word:
        variants.append(word.replace("å", "aa"))
    return variants


def page_parts(text: str, text_pages: list[tuple[int, int]], first_page: int) -> list[tuple[int, str]]:
    """A text cut where its pages begin, each part with its page: one passage per page, so
    a hit says the page its words are on (a 40-page section is not all "p. 1"). Parts
    without words are left out.

    Example:
        >>> page_parts("Punkt\\nmøde\\nSkolen lukker", [(0, 3), (2, 4)], 3)
        [(3, 'Punkt\\nmøde'), (4, 'Skolen lukker')]
        >>> page_parts("Godkendt.", [], 2), page_parts("  ", [], 1)
        ([(2, 'Godkendt.')], [])
    """
    lines = text.split("\n")
    if not text_pages or text_pages[0][0] != 0 or text_pages[-1][0] >= len(lines):
        # (one page, or pages that do not fit the text: a hand-edited Document)
        return [(text_pages[0][1] if text_pages else first_page, text)] if text.strip() else []
    bounds = [line for line, _page in text_pages[1:]] + [len(lines)]
    parts = [(page, "\n".join(lines[start:end])) for (start, page), end in zip(text_pages, bounds, strict=True)]
    return [(page, part) for page, part in parts if part.strip()]
