"""Measure referat's entity recognition (PER, ORG, LOC) on DaN+ Danish NER data.

DaN+ (MIT, ../shared/data/ner/DaNplus) is news text; referat's recogniser is built for
public-sector minutes (a gazetteer of Danish public bodies, titles before names, the
meeting's participants). This script says how far that carries outside its domain:
exact-span precision, recall and F1 per label on the outer (first-level) annotation,
with DaN+'s -deriv and -part subtypes left out (they are not entities in our contract).

Run:  python bench/danplus_ner_eval.py [--split da_news_test]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DANPLUS = HERE.parent.parent / "shared" / "data" / "ner" / "DaNplus"
LABELS = ("PER", "ORG", "LOC")


def read_sentences(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences as (token, outer BIO tag) pairs."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        parts = line.split("\t")
        current.append((parts[0], parts[1] if len(parts) > 1 else "O"))
    if current:
        sentences.append(current)
    return sentences


def gold_spans(sentence: list[tuple[str, str]]) -> set[tuple[int, int, str]]:
    """Character spans (in the space-joined sentence) of PER/ORG/LOC entities."""
    spans, offset, start, label, end = set(), 0, None, None, 0
    for token, tag in sentence:
        if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and tag[2:] != label):
            if start is not None and label in LABELS:
                spans.add((start, end, label))
            start, label = (offset, tag[2:]) if tag.startswith("B-") else (None, None)
        end = offset + len(token)
        offset = end + 1
    if start is not None and label in LABELS:
        spans.add((start, end, label))
    return spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="da_news_test", help="DaN+ file without .tsv (default da_news_test)")
    args = parser.parse_args()
    path = DANPLUS / f"{args.split}.tsv"
    if not path.exists():
        print(f"skipped: {path} is not here (../shared holds DaN+)")
        return 0
    from referat.extract.enrich.components import EnrichContext, run

    counts = {label: Counter() for label in LABELS}
    for sentence in read_sentences(path):
        text = " ".join(token for token, _ in sentence)
        gold = gold_spans(sentence)
        doc = run(text, EnrichContext(with_statements=False))
        predicted = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}
        for label in LABELS:
            g = {s for s in gold if s[2] == label}
            p = {s for s in predicted if s[2] == label}
            counts[label]["tp"] += len(g & p)
            counts[label]["fp"] += len(p - g)
            counts[label]["fn"] += len(g - p)
    print(f"DaN+ {args.split}: exact spans, outer level")
    print(f"{'label':6} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for label in LABELS:
        c = counts[label]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:6} {c['tp'] + c['fn']:5d} {c['tp'] + c['fp']:5d} {p:6.3f} {r:6.3f} {f:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
