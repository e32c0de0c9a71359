"""The data files referat ships, and the one way to read them.

``gazetteer.tsv`` (the actor table, see gazetteer.py) and ``da_lemmas.txt.gz`` (the
Danish lemma table) are written by the build scripts beside them and read through
importlib.resources, so an installed wheel, an editable install and a zip import find
them alike.
"""

from __future__ import annotations

import gzip
from importlib import resources


def read_data(name: str) -> str:
    """The text of the shipped data file ``name`` (UTF-8; a ``.gz`` file decompressed).

    Example:
        >>> read_data("gazetteer.tsv").splitlines()[1].split("\\t")[:3]
        ['Danske Regioner', 'ORG', 'organisation']
    """
    resource = resources.files(__name__).joinpath(name)
    if name.endswith(".gz"):
        with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
            return handle.read()
    return resource.read_text(encoding="utf-8")
