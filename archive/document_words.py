"""The words of a Document that the full-text index will see, with their stems and
compound tails (text.py's ``index_words``).

The import's worker processes compute them after extracting a file, under ``--timeout``
and ``--max-memory`` (pool.py), and send them with the Document; the parent, storing it
in its write transaction, looks each word up instead of stemming it (write.py). They are
the words of the texts write.py cuts passages from, a superset of what the index holds
(passages are cut per page, the meeting's own name blanked out, a closed item's text
withheld), with the title the archive gives a meeting kept as one item
(:func:`holder_title`). A word missing here is stemmed by the parent: slower, the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from referat.archive.text import WordColumns, index_words
from referat.models import Document, Meeting
from referat.models.document import walk_items


def holder_title(meeting: Meeting) -> str:
    """The title of the item the archive makes of a meeting without agenda items (a
    kommissorium, a letter): the meeting's title, or the first line of its text, cut at
    120 characters (where it may cut a word: a word the Document does not hold).

    Example:
        >>> from referat.models.document import Section
        >>> text = "Kommissorium for arbejdsgruppen om " + "ventetider og kapacitet i psykiatrien " * 4
        >>> section = Section(kind="other", heading="", text=text, pages=(1, 1))
        >>> holder_title(Meeting(sections=[section], pages=(1, 1))).split()[-1]
        'ventetid…'
    """
    if meeting.title:
        return meeting.title
    text = meeting.sections[0].text if meeting.sections else ""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= 120 else line[:119].rstrip() + "…"


def document_words(document: Document) -> dict[str, WordColumns]:
    """Every word the index may see in ``document``, with its stem and tails.

    Example:
        >>> from referat.extract import extract_bytes
        >>> words = document_words(extract_bytes("m.txt", b"Punkt 1 Aftaler\\nReferat\\nGodkendt.", enrich=False))
        >>> words["aftaler"], words["godkendt"]
        (('aftal', ''), ('godkend', 'kend end'))
    """
    return index_words(_indexed_texts(document))


def _indexed_texts(document: Document) -> Iterator[str]:
    """The texts write.py cuts a Document's passages from: each item's title, text,
    sections, decisions, statements and positions, and a meeting kept as one item.
    Closed items' too: whether they are withheld is the parent's choice (public.py).
    Appended material, participants and the facts' own texts are not indexed."""
    for meeting in document.meetings:
        for item in walk_items(meeting.items):
            yield item.title
            yield item.text
            yield from (section.text for section in item.sections)
            yield from (decision.text for decision in item.decisions)
            yield from (statement.text for statement in item.statements)
            yield from (position.text for position in item.positions)
        if meeting.sections:
            yield holder_title(meeting)
            yield from (section.text for section in meeting.sections)
