"""Recommendations: one string per "at …" clause (or lettered point) of an Indstilling."""

from __future__ import annotations

import re

from referat.extract.pages import Line

RECOMMENDATION_LETTERED = re.compile(r"^(?P<letter>[A-Z])\)\s+(?P<text>\S.*)$")


def split_recommendations(lines: list[Line]) -> list[str]:
    """One string per "at …" clause (or lettered point) of an Indstilling.

    Example:
        >>> split_recommendations([Line("Det indstilles,", 1), Line("at udvalget godkender referatet", 1)])
        ['udvalget godkender referatet']
    """
    texts = [line.text.strip() for line in lines if line.text.strip()]
    lettered = [i for i, t in enumerate(texts) if RECOMMENDATION_LETTERED.match(t)]
    if lettered:
        clauses = []
        for n, start in enumerate(lettered):
            end = lettered[n + 1] if n + 1 < len(lettered) else len(texts)
            first = RECOMMENDATION_LETTERED.match(texts[start]).group("text")
            clauses.append(_normalise_clause(" ".join([first] + texts[start + 1 : end])))
        return clauses
    # Line-initial "at" clauses (FirstAgenda): each runs to the next one.
    starts = [
        i
        for i, t in enumerate(texts)
        if re.match(r"^at\s+\S", t) and (i == 0 or re.search(r"(?:[,.;:]|\bog|\bsamt|\beller)$", texts[i - 1]))
    ]
    if len(starts) >= 1 and (
        len(starts) > 1 or re.search(r"indstille[rs],?$|indstilles,?$", texts[starts[0] - 1] if starts[0] else "")
    ):
        clauses = []
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(texts)
            clauses.append(_normalise_clause(" ".join([texts[start][3:]] + texts[start + 1 : end])))
        return [c for c in clauses if c]
    # Running text: "Det indstilles, at … . Det indstilles herudover, at …"
    joined = "\n".join(texts)
    clauses = []
    for match in re.finditer(r"(?:indstilles|indstiller|foreslås|anbefales)[^.\n]*?,?\s+at\s+", joined):
        rest = joined[match.end() :]
        clause = _clause_until_sentence_end(rest)
        # "…, og at …" inside one sentence is a second clause.
        for part in re.split(r",?\s+og\s+at\s+", clause):
            if part.strip():
                clauses.append(_normalise_clause(part))
    return [c for c in clauses if c]


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
            # "drøfter følgende:" takes the bullet list that follows.
            for bullet in lines[n + 1 :]:
                if bullet.startswith(("-", "•")):
                    out.append(bullet)
                else:
                    break
            return " ".join(out)
    return " ".join(out)


def _normalise_clause(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r",?\s+og$", "", text)
    return text.rstrip(",;")
