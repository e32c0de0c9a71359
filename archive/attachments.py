"""Attachments (bilag) published as files of their own, linked to the item that lists them.

A municipality publishes an item's bilag beside its minutes, one file each, named by the
bilag's title ("Forebyggelse_af_ulighed_i_sundhedsvæsenet.pdf" beside minutes whose item 1c
lists "Bilag 3 Forebyggelse af ulighed i sundhedsvæsenet"). Such a file is stored as a
document of its own; ``documents.attachment_of`` points to the item whose Bilag list names
it, so a search hit in the attachment shows the item it belongs to.

A file is linked when its name reads like a Bilag title of a kept item (not a copy:
same_meeting.py) of another document in the same folder. What the file holds does not
decide: an attachment may be minutes itself (Syddjurs's "Opsamlingsnotat. Temamøde
20.09.2012", a theme meeting's notes with three numbered points, is bilag 1 of PUK's item
715), and the per-item PDFs and full minutes are named by number or by committee.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from referat.archive.types import Connection
from referat.data.gazetteer import normalise

# rapidfuzz token_sort_ratio (0-100) a file name must reach against a Bilag title. Measured
# on the 13 attachment files of ../shared (Ballerup 2012, Syddjurs 2013) against every Bilag
# title of their folders: a file against its own title scores 100 where the list prints the
# file's name, and 87.6-97.7 against the variants the minutes print ("… stof- og
# alkoholmisbrug 2013" for "…alkoholbehandling_2013", "kronikerindsats" for
# "kronikerindsatser"); the best wrong title scores 71.4 ("Det_nære_sundhedsvæsen_-_KL"
# against "KL's proces vedrørende det nære sundhedsvæsen") and a file that is no attachment
# at most 62.2. The cut lies between 71.4 and 87.6.
SAME_ATTACHMENT = 80.0


def attachment_name(text: str) -> str:
    """A file name or a Bilag title in the form they are compared in.

    Example:
        >>> attachment_name("KL's_proces_vedrørende_det_nære_sundhedsvæsen.pdf")
        "kl's proces vedrørende det nære sundhedsvæsen"
        >>> attachment_name("KL’s proces vedrørende det nære sundhedsvæsen")
        "kl's proces vedrørende det nære sundhedsvæsen"
    """
    stem, extension = os.path.splitext(text)
    if re.fullmatch(r"\.[A-Za-z]{3,4}", extension):
        text = stem
    return normalise(re.sub(r"[_\s–-]+", " ", text.replace("’", "'")).strip(" .?"))


def link_attachments(connection: Connection, folder: str) -> int:
    """Link every attachment candidate in ``folder`` to the kept item whose Bilag title its
    file name reads like best (at least SAME_ATTACHMENT); returns how many are linked."""
    documents = _documents_in(connection, folder)
    titles: list[str] = []
    owners: list[tuple[int, int]] = []  # (item, its document) of each title
    for document_id in documents:
        for item_id, attachments in connection.execute(
            "SELECT i.id, i.attachments FROM meetings m JOIN items i ON i.meeting_id = m.id"
            " WHERE m.document_id = ? AND i.attachments <> '[]' AND i.same_as IS NULL",
            (document_id,),
        ):
            for attachment in json.loads(attachments):
                titles.append(attachment_name(attachment["title"]))
                owners.append((item_id, document_id))
    candidates = _Candidates(titles)
    links = []
    for document_id, path in documents.items():
        name = attachment_name(os.path.basename(path))
        # (a document's own items' titles are left out: it is no attachment of itself)
        others = {index: titles[index] for index in candidates.near(name) if owners[index][1] != document_id}
        best = process.extractOne(name, others, scorer=fuzz.token_sort_ratio, score_cutoff=SAME_ATTACHMENT)
        links.append((owners[best[2]][0] if best else None, document_id))
    connection.executemany("UPDATE documents SET attachment_of = ? WHERE id = ?", links)
    return sum(1 for item_id, _ in links if item_id is not None)


# Up to this many Bilag titles in a folder, every file name is compared with every title.
# A flat folder of thousands of files (an archive's whole export) would cost files × titles
# comparisons; past it, a name is compared with the titles that share the first letters of
# one of its words (a title 80 % alike shares such a start: "kronikerindsats" /
# "kronikerindsatser"), found in an index of those starts.
EVERY_TITLE = 2000
_WORD_START = 5


class _Candidates:
    """Which Bilag titles a file name is compared with (see EVERY_TITLE)."""

    def __init__(self, titles: list[str]) -> None:
        self.count = len(titles)
        self.by_start: dict[str, list[int]] = {}
        if self.count > EVERY_TITLE:
            for index, title in enumerate(titles):
                for start in _word_starts(title):
                    self.by_start.setdefault(start, []).append(index)

    def near(self, name: str) -> list[int]:
        if self.count <= EVERY_TITLE:
            return list(range(self.count))
        return sorted({index for start in _word_starts(name) for index in self.by_start.get(start, ())})


def _word_starts(text: str) -> set[str]:
    return {word[:_WORD_START] for word in text.split() if len(word) >= 3}


def _documents_in(connection: Connection, folder: str) -> dict[int, str]:
    """The stored documents directly in ``folder``, by id."""
    folder = folder.rstrip("/")
    pattern = re.sub(r"([\\%_])", r"\\\1", folder) + "/%" if folder else "%"
    return {
        document_id: path
        for document_id, path in connection.execute(
            "SELECT id, path FROM documents WHERE path LIKE ? ESCAPE '\\'", (pattern,)
        )
        if os.path.dirname(path) == folder
    }


class FolderLinking:
    """Linking the folders of stored files, for both backends: after each store, or once
    per folder at the end of an import run (:meth:`attachments_linked_at_end`). The
    backend gives :meth:`_link_folder` (one folder in a write transaction of its own) and
    :meth:`_archive_error` (whether an error is its database's)."""

    # The folders whose attachment files are linked when the run ends (attachments_linked_at_end).
    _folders_to_link: set[str] | None = None

    @contextlib.contextmanager
    def attachments_linked_at_end(self) -> Iterator[None]:
        """Store documents without linking their folders' attachment files after each one,
        and link each folder once at the end (an import run: linking a folder compares its
        files with its Bilag titles, so once per document made a folder's import quadratic)."""
        self._folders_to_link = set()
        try:
            yield
        except BaseException:
            # (a Ctrl-C or a failing archive: link what was stored, if the archive still can)
            try:
                self._link_folders()
            except Exception as error:
                if not self._archive_error(error):
                    raise
            raise
        self._link_folders()

    def _link_after_store(self, connection: Connection, path: str) -> None:
        """In a store's transaction: link the stored file's folder now, or at the run's end."""
        if self._folders_to_link is None:
            link_attachments(connection, os.path.dirname(path))
        else:
            self._folders_to_link.add(os.path.dirname(path))

    def _link_folders(self) -> None:
        folders, self._folders_to_link = self._folders_to_link or set(), None
        for folder in sorted(folders):
            self._link_folder(folder)

    def _link_folder(self, folder: str) -> None:
        raise NotImplementedError

    def _archive_error(self, error: Exception) -> bool:
        raise NotImplementedError
