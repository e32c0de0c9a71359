"""Opening the files referat reads: regular files only, and never blocking on a FIFO."""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotRegularFile(OSError):
    """The path names something other than a regular file; ``strerror`` says what."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words.

    Example:
        >>> kind_of(stat.S_IFIFO)
        'a FIFO (named pipe)'
    """
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file, without ever blocking: a
    FIFO opened for reading waits for a writer, so the file is opened non-blocking and
    checked (fstat) before a byte is read. Raises OSError (NotRegularFile for a FIFO,
    device or socket)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(0, f"{kind_of(mode)}, not a regular file; not read")
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
