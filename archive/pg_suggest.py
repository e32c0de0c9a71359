""" "Did you mean" in the PostgreSQL archive, as search.py's for SQLite: each word of the
query that no passage holds gets the closest words the archive holds (suggest.py), read
from the ``words`` table its writer keeps (pg_schema.py, migration 2) by their first two
letters. Under --public a word only closed items' hidden text holds counts as not
there, and a word is suggested only when --public shows a passage with it: neither the
absence of a "no such word" nor a suggestion may tell what a closed item says."""

from __future__ import annotations

import itertools

from referat.archive.pg_query import term_sql
from referat.archive.pg_store import PgWriting
from referat.archive.query import Query, Term
from referat.archive.suggest import SUGGESTIONS, closest, looked_up

# Under --public a closed item may be found by its title only (as pg_search._PUBLIC_PASSAGE).
PUBLIC_PASSAGE = "(p.source = 'title' OR i.access <> 'closed')"


class PgSuggesting(PgWriting):
    """:meth:`_suggestions` for pg_search.PgSearching.search."""

    def _suggestions(self, parsed: Query, public: bool = False, found: bool = False) -> dict[str, list[str]]:
        """Each word of the query (not a prefix, not a word left out) that no passage holds,
        in any form the query matches, with the closest words the archive holds."""
        return {
            word: self._similar_words(word, public)
            for word in looked_up(parsed, found)
            if not self._held(*term_sql(Term("word", (word,))), public)
        }

    def _held(self, tsquery: str, params: list[object], public: bool) -> bool:
        """Whether a passage (under ``public``, one that --public shows) matches the tsquery."""
        join, where = (" JOIN items i ON i.id = p.item_id", f" AND {PUBLIC_PASSAGE}") if public else ("", "")
        sql = f"SELECT 1 FROM passages p{join} WHERE p.search @@ {tsquery}{where} LIMIT 1"
        with self.connection.transaction():
            # For one row, the planner would read the passages in order until one matches,
            # when it expects many to: for a prefix its statistics do not hold it expects
            # thousands, and a word no passage holds read all of them (3.1 s at 1M sections).
            self.connection.execute("SET LOCAL enable_seqscan = off")
            return self.connection.execute(sql, params).fetchone() is not None

    def _similar_words(self, word: str, public: bool = False) -> list[str]:
        ranked = closest(word, self._words_from)
        if public:
            printed = "to_tsquery('simple', %s)"
            shown = (term for term in ranked if self._held(printed, ["'" + term.replace("'", "''") + "':A"], True))
            return list(itertools.islice(shown, SUGGESTIONS))
        return ranked[:SUGGESTIONS]

    def _words_from(self, begin: str) -> list[tuple[str, int]]:
        """The archive's words of letters that begin with the two letters ``begin``, with their passages."""
        end = begin[0] + chr(ord(begin[1]) + 1)
        rows = self.connection.execute(
            "SELECT word, passages FROM words WHERE word >= %s AND word < %s AND passages > 0", (begin, end)
        )
        return [(term, int(passages)) for term, passages in rows if term.isalpha()]
