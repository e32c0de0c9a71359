"""Which paths an import may read: the one place that decides it.

An import reads regular files: those named on the command line, and those found in the
named folders. Folders are walked without recursion (a tree thousands of levels deep is
walked like a flat one), each folder once (a bind mount or a followed link cannot loop).
A symbolic link found in a folder is followed only when its target lies inside one of the
named folders, unless the caller asks to follow every link (``--follow-symlinks``): a
link to /etc/passwd dropped into an import folder must not put it in a searchable
archive. FIFOs, devices and sockets are never opened (opening a FIFO blocks until someone
writes to it); each is refused with a reason, and so is whatever cannot be listed or read.

File names are ``str`` as the operating system gives them: bytes that are not UTF-8 are
kept as surrogate escapes (PEP 383) so the file can be opened again; only what is shown or
stored is made printable (``referat.extract.pipeline.printable_path``).
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

from referat.extract.files import kind_of, open_regular
from referat.extract.read import sniff_media_type
from referat.extract.readers.xml_export import is_agenda_export

# Text files found in folders: .txt only. A folder's README.md is documentation, not minutes
# (name .md files explicitly to import them).
FOLDER_TEXT_SUFFIXES = {".txt", ".text"}


def _is_document(path: str) -> bool:
    """Whether a file found in a folder is one we read: PDF, DOCX or a text file, by content."""
    try:
        with open_regular(path) as handle:
            head = handle.read(1024)
    except OSError:
        return True  # let the import report why it cannot be read
    media_type = sniff_media_type(path, head)
    if media_type == "application/pdf":
        return True
    if media_type == "application/zip":
        try:
            with zipfile.ZipFile(path) as archive:
                return "word/document.xml" in archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return path.lower().endswith(".docx")  # a broken DOCX is reported, not ignored
    if media_type == "application/msword":
        return True  # reported as unsupported, so the user knows it was not imported
    if media_type == "text/html":
        return True
    if media_type == "application/xml":
        return is_agenda_export(head)  # other XML in a folder (feeds, settings) is not minutes
    return os.path.splitext(path)[1].lower() in FOLDER_TEXT_SUFFIXES


def _is_saved_page_folder(folder: str, files: list[str]) -> bool:
    """A browser's "save page" folder ("referat_files" beside "referat.html"): the page's
    images, styles and frames, not documents of their own.

    Example:
        >>> _is_saved_page_folder("referat_files", ["referat.html"]), _is_saved_page_folder("2019", ["a.pdf"])
        (True, False)
    """
    for suffix in ("_files", "-filer", "_filer"):
        if folder.endswith(suffix):
            stem = folder[: -len(suffix)]
            return any(os.path.splitext(name)[0] == stem for name in files)
    return False


def _reason(error: OSError) -> str:
    return f"cannot be read ({error.strerror or error})"


@dataclass
class Discovery:
    """The files an import reads (absolute, each once, in order) and the paths it refused,
    each with a one-line reason."""

    files: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


class _Walk:
    def __init__(self, roots: list[str], follow_symlinks: bool) -> None:
        self.roots = roots  # the named folders, resolved: links may point inside them
        self.follow_symlinks = follow_symlinks
        self.found: dict[str, None] = {}
        self.refused: list[tuple[str, str]] = []
        self.seen_folders: set[tuple[int, int]] = set()

    def inside(self, target: str) -> bool:
        return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots)

    def walk(self, top: str) -> None:
        """Every document under ``top``, depth first in name order, with a stack of its own."""
        stack = [top]
        while stack:
            folder = stack.pop()
            try:
                identity = os.stat(folder)
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda entry: entry.name)
            except OSError as error:
                self.refused.append((folder, _reason(error)))
                continue
            if (identity.st_dev, identity.st_ino) in self.seen_folders:
                continue  # reached again through a followed link or a bind mount
            self.seen_folders.add((identity.st_dev, identity.st_ino))
            names = [entry.name for entry in entries]
            below = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                folder_below = self.entry(entry, names)
                if folder_below:
                    below.append(folder_below)
            stack.extend(reversed(below))  # popped in name order

    def entry(self, entry: os.DirEntry[str], names: list[str]) -> str | None:
        """Take a file, refuse what may not be read; return a folder to walk into."""
        path = entry.path
        try:
            if entry.is_symlink():
                target = os.path.realpath(path)
                if not (self.follow_symlinks or self.inside(target)):
                    self.refused.append(
                        (path, "a symbolic link to outside the imported folders; not followed (--follow-symlinks)")
                    )
                    return None
                mode = os.stat(path).st_mode
                if stat.S_ISDIR(mode):
                    # A link to a folder inside the import is walked there already.
                    return path if self.follow_symlinks else None
            else:
                mode = entry.stat(follow_symlinks=False).st_mode
        except OSError as error:  # a dangling link, a file gone meanwhile, no permission
            self.refused.append((path, _reason(error)))
            return None
        if stat.S_ISDIR(mode):
            return None if _is_saved_page_folder(entry.name, names) else path
        if not stat.S_ISREG(mode):
            self.refused.append((path, f"{kind_of(mode)}, not a regular file; not read"))
        elif _is_document(path):
            self.found[os.path.abspath(path)] = None
        return None


def discover_files(paths: Iterable[str], follow_symlinks: bool = False) -> Discovery:
    """The files to import and the paths refused (see the module docstring).

    Files named as they are (a link named on the command line is the user's choice and is
    followed), folders walked for PDF, DOCX, legacy .doc (to report it), web pages and
    .txt files, judged by their first bytes, hidden entries skipped; a saved web page's
    "_files" folder is part of its page.

    Example:
        >>> discover_files(["/dev/null"]).refused
        [('/dev/null', 'a character device, not a regular file; not read')]
    """
    paths = list(paths)
    named_folders = []
    for path in paths:
        try:
            if stat.S_ISDIR(os.stat(path).st_mode):
                named_folders.append(os.path.realpath(path))
        except OSError:
            pass
    walk = _Walk(named_folders, follow_symlinks)
    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            walk.refused.append((path, _reason(error)))
            continue
        if stat.S_ISDIR(mode):
            walk.walk(path)
        elif stat.S_ISREG(mode):
            walk.found[os.path.abspath(path)] = None
        else:
            walk.refused.append((path, f"{kind_of(mode)}, not a regular file; not read"))
    return Discovery(list(walk.found), walk.refused)


def discover(paths: Iterable[str], follow_symlinks: bool = False) -> list[str]:
    """The files to import (:func:`discover_files` without the refused paths).

    Example:
        >>> discover(["corpus"])[0].endswith(".docx")  # doctest: +SKIP
        True
    """
    return discover_files(paths, follow_symlinks).files
