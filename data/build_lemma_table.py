"""Build data/da_lemmas.txt.gz from spacy-lookups-data's Danish lemma lookup table.

The source (da_lemma_lookup.json.gz, MIT, ExplosionAI) is a JSON object of 553 000
forms. Loading it as a dict costs ~110 MB and a second per process; this writes the
same facts sorted by form, without the forms that are their own lemma, as two blocks
of newline-separated strings (forms, then lemmas, split by one NUL), which referat
reads as two strings and searches by bisection.

    python data/build_lemma_table.py [path/to/da_lemma_lookup.json.gz]
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "da_lemma_lookup.json.gz"
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    entries = sorted((form, lemma) for form, lemma in table.items() if form != lemma and "\n" not in form + lemma)
    payload = "\n".join(form for form, _ in entries) + "\0" + "\n".join(lemma for _, lemma in entries)
    with gzip.GzipFile(HERE / "da_lemmas.txt.gz", "wb", mtime=0) as handle:
        handle.write(payload.encode("utf-8"))
    print(f"wrote {len(entries)} forms")


if __name__ == "__main__":
    main()
