"""The gold files: hand-checked expected output by the source file they annotate."""

from __future__ import annotations

import json
import os


def gold_sources(gold_dir: str, gold: dict[str, dict]) -> list[str]:
    """The annotated files that exist here. A gold file names its source relative to the
    repository root ("corpus/real-dev/x.txt", "../shared/seeds/…"); the folder above the
    gold folder is tried too, for a gold folder kept elsewhere.

    Example:
        >>> gold_sources("gold/", {"x": {"source": "no/such/file.txt"}})
        []
    """
    found = []
    parent = os.path.dirname(os.path.normpath(gold_dir)) or "."
    for entry in gold.values():
        for base in (".", parent):
            path = os.path.normpath(os.path.join(base, entry["source"]))
            if os.path.exists(path):
                found.append(path)
                break
    return found


def load_gold(gold_dir: str) -> dict[str, dict]:
    """Gold files by the basename of the source they annotate."""
    gold: dict[str, dict] = {}
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(gold_dir, name), encoding="utf-8") as handle:
            data = json.load(handle)
        data["_gold_file"] = name
        gold[os.path.basename(data["source"])] = data
    return gold
