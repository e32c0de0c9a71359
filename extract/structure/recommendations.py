"""Recommendations: one string per "at …" clause (or lettered point) of an Indstilling."""

from __future__ import annotations

import re

from referat.extract.dates import MONTHS
from referat.extract.pages import Line
from referat.extract.vocabulary import TITLE_CONTINUES_AFTER

RECOMMENDATION_LETTERED = re.compile(r"^(?P<letter>[A-Z])\)\s+(?P<text>\S.*)$")


def split_recommendations(lines: list[Line]) -> list[str]:
    """One string per "at …" clause (or listed point) of an Indstilling.

    The readers are tried in turn, and the first that finds clauses decides: lettered
    points ("A) …"), numbered or bulleted points after an introduction ("indstiller, at:"
    then "1. …", "At 1) …", "- at …", "at | … |"), line-initial "at" clauses, "at"
    clauses in running text, and last a recommendation that is one short sentence
    ("Til orientering.").

    Example:
        >>> split_recommendations([Line("Det indstilles,", 1), Line("at udvalget godkender referatet", 1)])
        ['udvalget godkender referatet']
        >>> split_recommendations([Line("Direktøren indstiller, at:", 1), Line("1. planen godkendes,", 1),
        ...                        Line("2. at sagen sendes i høring.", 1)])
        ['planen godkendes', 'sagen sendes i høring.']
    """
    lines = [line for line in lines if line.text.strip()]
    outer = min((line.list_level for line in lines if line.list_level is not None), default=None)
    texts = [_without_table_bars(_as_continuation(line, outer)) for line in lines]
    # A new paragraph that is not a point (a web page's <p> after its <ol>) ends the list:
    # the last point does not run on into it. Only where the reader marks list points.
    marked = any(line.list_label for line in lines)
    ends = {i for i, line in enumerate(lines) if marked and line.blank_before and not line.list_label}
    readers = (
        _lettered_points,
        lambda texts: _listed_points(texts, ends),
        _line_initial_clauses,
        _clause_lines,
        _running_clauses,
    )
    for reader in (*readers, _one_sentence):
        clauses = reader(texts)
        if clauses:
            return clauses
    return []


def _as_continuation(line: Line, outer: int | None) -> str:
    """A line's text; a point of a list nested inside a point (a deeper list level, as DOCX
    and HTML readers report it) loses its label, so it reads as part of the outer clause."""
    if line.list_label and line.list_level is not None and outer is not None and line.list_level > outer:
        return line.text.strip()[len(line.list_label) :].strip()
    return line.text.strip()


def _without_table_bars(text: str) -> str:
    # "at | dagsordenen godkendes |": a recommendation laid out as a table row (Hedensted).
    return " ".join(part.strip() for part in text.strip(" |").split(" | ")) if " | " in text else text


def _lettered_points(texts: list[str]) -> list[str]:
    lettered = [i for i, t in enumerate(texts) if RECOMMENDATION_LETTERED.match(t)]
    clauses = []
    for n, start in enumerate(lettered):
        end = lettered[n + 1] if n + 1 < len(lettered) else len(texts)
        first = RECOMMENDATION_LETTERED.match(texts[start])
        if first:
            clauses.append(_normalise_clause(" ".join([first.group("text")] + texts[start + 1 : end])))
    return clauses


_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
# A listed point: "1. …", "1) …", "At 1) …", "a) at …", "- at …", "• …" (numbers, small
# letters as browsers and Word print them for lettered lists, bullets, dashes).
_NUMBERED_POINT = re.compile(
    rf"^(?:[Aa]t\s+)?(?:\d{{1,2}}|[a-h](?=[.)]\s+at\b))[.)]\s+(?!(?:{_MONTHS})\b)(?P<text>\S.*)$", re.I
)
_BULLET_POINT = re.compile(r"^[-–•·▪]\s*(?P<text>\S.*)$")
# An introduction that leaves the clauses to the list under it: "indstiller, at:", "Det
# indstilles:", "Forslag:", "… indstiller," — no "at" clause of its own has started.
_INTRODUCTION = re.compile(
    # ("… indstiller, at Økonomiudvalget over for Borgerrepræsentationen anbefaler," København)
    r"(?:\bat|indstille[rs](?:\s+til\s+[^.,]{3,60})?|indstilles|foreslår|foreslås|forslag|beslutningspunkter"
    r"|anbefaler|anbefales)\s*[,:]?$",
    re.I,
)
# A line that introduces recommendations again, repeated by a web page after its list (Herning).
_REPEATED_INTRODUCTION = re.compile(r"\bindstiller,?$")


def _listed_points(texts: list[str], ends: set[int] | frozenset[int] = frozenset()) -> list[str]:
    """Points of a list that an introduction announces, each with the lines it wraps onto;
    numbered points may also follow an introduction that is itself an "at" clause ending in
    a colon ("… skal opfylde disse krav:" and then "1. …", Køge)."""
    first = next((i for i, t in enumerate(texts) if _NUMBERED_POINT.match(t) or _BULLET_POINT.match(t)), None)
    if first is None:
        return []
    introduction = texts[first - 1] if first else ""
    numbered = bool(_NUMBERED_POINT.match(texts[first]))
    announced = bool(_INTRODUCTION.search(introduction)) or not introduction
    if not announced and not (numbered and introduction.endswith(":")):
        return []
    points: list[list[str]] = []
    for index, text in enumerate(texts[first:], start=first):
        point = _NUMBERED_POINT.match(text) or _BULLET_POINT.match(text)
        if index in ends and not point:
            break
        if point:
            points.append([re.sub(r"^[Aa]t\s+", "", point.group("text"))])  # ("• At grunden sættes til salg.")
        elif _REPEATED_INTRODUCTION.search(text) or text.endswith(":") or _after_the_clauses(points[-1][-1], text):
            break
        else:
            points[-1].append(text)
    # (a point cut off after its "at" by the end of the page says nothing)
    return [
        clause
        for clause in (_normalise_clause(" ".join(point)) for point in points)
        if clause.lower() not in ("", "at")
    ]


def _line_initial_clauses(texts: list[str]) -> list[str]:
    """Line-initial "at" clauses (FirstAgenda): each runs to the next one."""
    # (a clause a line with no punctuation at all: "at X godkendes" / "at Y finansieres af kassen")
    starts = [
        i
        for i, t in enumerate(texts)
        if re.match(r"^at\s+\S", t)
        and (i == 0 or re.search(r"(?:[,.;:]|\bog|\bsamt|\beller)$", texts[i - 1]) or _whole_clause(texts[i - 1]))
    ]
    # (one clause needs its introduction before it, or opens the Indstilling itself: the
    # heading then says who recommends)
    if not starts or (
        len(starts) == 1 and starts[0] != 0 and not re.search(r"indstille[rs],?$|indstilles,?$", texts[starts[0] - 1])
    ):
        return []
    clauses = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(texts)
        following = texts[start + 1 : end]
        cut = next(
            (
                k
                for k, t in enumerate(following)
                if _REPEATED_INTRODUCTION.search(t) or _after_the_clauses(([texts[start]] + following)[k], t)
            ),
            len(following),
        )
        clauses.append(_normalise_clause(" ".join([texts[start][3:]] + following[:cut])))
    return [c for c in clauses if c]


def _whole_clause(text: str) -> bool:
    """An "at" clause on a line of its own, without punctuation, that does not wrap on
    ("at X godkendes"; not "at udvalget drøfter, hvordan regionerne kan være med til")."""
    words = text.split()
    return len(words) >= 3 and words[0] == "at" and words[-1].lower() not in TITLE_CONTINUES_AFTER


def _after_the_clauses(previous: str, text: str) -> bool:
    """A sentence of its own after a clause that has ended ("… godkendes." / "Økonomiudvalget
    anbefaler indstillingen."): what a committee said of the recommendation, not a clause."""
    return previous.rstrip().endswith(".") and text[:1].isupper() and not re.match(r"^[Aa]t\s", text)


# An introduction that leaves each clause to a line of its own: "Direktøren indstiller, at"
# / "budgettet vedtages," / "skatten fastsættes til 25,7 procent, og" / "… 26,5."
_RECOMMENDING_VERB = r"(?:indstille[rs]|foreslår|foreslås|anbefaler|anbefales)"
_AT_INTRODUCTION = re.compile(rf"{_RECOMMENDING_VERB}\b.*,?\s+at:?$")
_CLAUSE_LINE_END = re.compile(r"(?:[,;]|,?\s+og|,?\s+samt)$")


def _clause_lines(texts: list[str]) -> list[str]:
    start = next((i for i, t in enumerate(texts) if _AT_INTRODUCTION.search(t)), None)
    if start is None:
        return []
    clauses: list[str] = []
    for text in texts[start + 1 :]:
        if len(text) > 300 or _AT_INTRODUCTION.search(text):
            break
        clauses.append(_normalise_clause(re.sub(r"^(?:\d{1,2}[.)]|[-–•])\s+(?=at\s)|^at\s+", "", text)))
        if not _CLAUSE_LINE_END.search(text):
            break
    return clauses if len(clauses) >= 2 else []


# "A, at B, og at C": at least one ", at" before a final ", og at".
_ENUMERATION = re.compile(r",\s+at\s+.*,?\s+og\s+at\s+", re.S)


def _running_clauses(texts: list[str]) -> list[str]:
    """ "Det indstilles, at … . Det indstilles herudover, at …" in running text."""
    joined = "\n".join(texts)
    clauses = []
    for match in re.finditer(rf"{_RECOMMENDING_VERB}[^.\n]*?,?\s+at\s+", joined):
        rest = re.sub(r"^\d{1,2}[.)]\s+", "", joined[match.end() :])  # "…, at 1. Dagsordenen godkendes."
        clause = _clause_until_sentence_end(rest)
        # "…, og at …" inside one sentence is a second clause; in an enumeration
        # "at A, at B, og at C" so is each ", at".
        separator = r",?\s+og\s+at\s+|,\s+at\s+" if _ENUMERATION.search(clause) else r",?\s+og\s+at\s+"
        for part in re.split(separator, clause):
            if part.strip():
                clauses.append(_normalise_clause(part))
    return [c for c in clauses if c]


def _one_sentence(texts: list[str]) -> list[str]:
    """A recommendation that is one short sentence and no clause ("Til orientering."), or a
    few short sentences, one a line, each a recommendation ("Regnskabet for 2020 godkendes." /
    "Tager budgettet for 2021 til efterretning.")."""
    joined = " ".join(texts)
    if _INTRODUCTION.search(joined):
        return []  # "Det indstilles, at" with nothing after it recommends nothing
    # (a sentence ends before a capital or at the end: "vedr. det gode …" is one sentence)
    sentence_ends = re.findall(r"[.!?](?:\s+(?=[A-ZÆØÅ0-9])|\s*$)", joined)
    if 0 < len(joined) <= 120 and len(sentence_ends) <= 1 and not joined.endswith(":"):
        return [_normalise_clause(joined)]
    one_a_line = 2 <= len(texts) <= 6 and all(
        len(text) <= 120 and text[0].isupper() and text.endswith(".") and text.count(". ") == 0 for text in texts
    )
    return [_normalise_clause(text) for text in texts] if one_a_line else []


def _clause_until_sentence_end(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    for n, line in enumerate(lines):
        sentence_end = re.search(r"\.(?=\s+[A-ZÆØÅ]|\s*$)", line)
        if sentence_end and not line.rstrip().endswith(":"):
            out.append(line[: sentence_end.end()])
            return " ".join(out)
        out.append(line)
        if line.rstrip().endswith(":"):
            # "drøfter følgende:" takes the bullet list that follows, "placeres på disse
            # datoer:" the short lines under it ("22. januar", "5. februar" …).
            for bullet in lines[n + 1 :]:
                if bullet.startswith(("-", "•")) or (len(bullet) < 60 and not bullet.rstrip().endswith((".", ":"))):
                    out.append(bullet)
                else:
                    break
            return " ".join(out)
    return " ".join(out)


def _normalise_clause(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r",?\s+og$", "", text)
    return text.rstrip(",;")
