"""A parsed query (query.py) as a PostgreSQL ``tsquery``, by the rules the SQLite index
matches it by (docs/postgresql.md).

A passage's ``search`` column (pg_schema.PASSAGE_SEARCH) holds its words as printed at
weight A, through the ``danish`` configuration at weight B, and its compound tails at
weight C. A query word matches as printed (from MIN_PREFIX letters also as the beginning
of a longer word), by its stem, or as a compound's tail, as in SQLite; its stem is looked
for as PyStemmer computes it and as PostgreSQL's ``danish`` configuration does.

The expression is built from parameters only: the words are bound, never spliced into
the SQL, and each is quoted inside the tsquery text (words are letters and digits,
query.py's tokenizer; a quote could not reach here, but is doubled all the same).
"""

from __future__ import annotations

import itertools
from typing import Any

from referat.archive.query import Query, Term

# ts_rank's weights for D, C, B, A: a word as printed above a stem above a compound part,
# the order of the bm25 column weights in SQLite (search.py).
RANK_WEIGHTS = "{0.05, 0.25, 0.5, 1.0}"


def _quoted(word: str) -> str:
    return "'" + word.replace("'", "''") + "'"


def term_sql(term: Term, weighted: bool = True) -> tuple[str, list[Any]]:
    """One term as a tsquery SQL expression and its parameters; without ``weighted``, a
    word's forms at any weight (``found_sql``).

    Example:
        >>> term_sql(Term("word", ("aftaler",)))
        ("(to_tsquery('simple', %s) || to_tsquery('danish', %s))", ["'aftaler':*AC | 'aftal':ABC", "'aftaler':B"])
        >>> term_sql(Term("prefix", ("psyk",)))
        ("to_tsquery('simple', %s)", ["'psyk':*AC"])
        >>> term_sql(Term("phrase", ("taget", "til")))
        ("(to_tsquery('simple', %s) || phraseto_tsquery('danish', %s))", ["'taget':A <-> 'til':A", 'taget til'])
    """
    if term.kind == "phrase":
        spelled = [
            " <-> ".join(_quoted(word) + ":A" for word in words)
            for words in itertools.islice(itertools.product(*term.spellings), 4)
        ]
        simple = " | ".join(f"({each})" if len(spelled) > 1 else each for each in spelled)
        return "(to_tsquery('simple', %s) || phraseto_tsquery('danish', %s))", [simple, " ".join(term.words)]
    # A prefix is looked for as printed and among compound tails; a whole word (a stem)
    # in every part: the weight it matches at only ranks it (as in query._word_expression).
    if weighted:
        alternatives = [_quoted(word) + (":*AC" if prefix else ":ABC") for word, prefix in term.terms]
    else:
        alternatives = [_quoted(word) + (":*" if prefix else "") for word, prefix in term.terms]
    simple = " | ".join(alternatives)
    if term.kind == "prefix":
        return "to_tsquery('simple', %s)", [simple]
    danish = " | ".join(_quoted(spelling) + (":B" if weighted else "") for spelling in term.spellings[0])
    return "(to_tsquery('simple', %s) || to_tsquery('danish', %s))", [simple, danish]


def clause_sql(clause: tuple[Term, ...], weighted: bool = True) -> tuple[str, list[Any]]:
    """Terms joined by OR."""
    pieces, params = [], []
    for term in clause:
        sql, term_params = term_sql(term, weighted)
        pieces.append(sql)
        params += term_params
    return "(" + " || ".join(pieces) + ")", params


def match_sql(query: Query) -> tuple[str, list[Any]]:
    """The tsquery a passage must match: every clause (&&).

    Example:
        >>> from referat.archive.query import parse_query
        >>> sql, params = match_sql(parse_query("psykiatri OR somatik budget"))
        >>> sql.count("&&"), sql.count("||"), len(params)
        (1, 4, 6)
    """
    return _all_clauses(query, weighted=True)


def found_sql(query: Query) -> tuple[str, list[Any]]:
    """The tsquery that finds the passages :func:`match_sql` matches, for the GIN index:
    the same words without their weights (phrases keep theirs).

    A tsquery with weights is checked again on every row the index finds (the index does
    not store weights): the row read and its tsvector decompressed, ~10-17 µs a match,
    most of a common word's search at 1M sections. Without the weights the index's answer
    is final. It finds the same passages: a prefix or a word as printed (A) or a compound
    tail (C) matches at weight B only as a Danish stem, and a Danish Snowball stem is the
    beginning of its word (the algorithm only cuts endings off), so the word as printed
    beginning with that prefix is at A in the same passage; a Python stem is looked for at
    every weight already, and PostgreSQL's stem at A or C only adds a passage where the two
    Snowballs disagree and the text prints the stem as a word.

    Example:
        >>> from referat.archive.query import parse_query
        >>> found_sql(parse_query("aftaler"))[1]
        ["'aftaler':* | 'aftal'", "'aftaler'"]
    """
    return _all_clauses(query, weighted=False)


def _all_clauses(query: Query, weighted: bool) -> tuple[str, list[Any]]:
    pieces, params = [], []
    for clause in query.clauses:
        sql, clause_params = clause_sql(clause, weighted)
        pieces.append(sql)
        params += clause_params
    return "(" + " && ".join(pieces) + ")", params


def exclude_sql(query: Query) -> tuple[str, list[Any]] | None:
    """The tsquery of the terms a hit must not hold (``-word``), or None."""
    if not query.excluded:
        return None
    return clause_sql(query.excluded)
