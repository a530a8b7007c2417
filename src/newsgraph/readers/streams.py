"""Byte streams the readers share: sniffed heads put back, bounded lines, and true sizes.

A reader looks at the first bytes of a stream to tell its format, reads at most one article's
worth into memory, and reports an input over the limit with its real size (never the size of
what it read to find out that it is too large).
"""
from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from typing import Any, BinaryIO

CHUNK = 1 << 20


class _Prefixed(io.RawIOBase):
    """A stream that gives `head` first, then the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = io.BytesIO(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._head.read(len(buffer)) or self._stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def prefixed(head: bytes, stream: BinaryIO) -> BinaryIO:
    """`head` (bytes already read from `stream` to sniff it) then the rest of `stream`, as one stream."""
    return io.BufferedReader(_Prefixed(head, stream), buffer_size=CHUNK)


def drain(stream: BinaryIO) -> int:
    """Read a stream to its end without keeping it; returns the number of bytes read."""
    size = 0
    while chunk := stream.read(CHUNK):
        size += len(chunk)
    return size


def total_size(stream: BinaryIO, consumed: int) -> int:
    """Size in bytes of the whole input, `consumed` bytes of which have been read: the file
    system's figure for a regular file, else (gzip, stdin) by reading on to the end."""
    raw = getattr(stream, "raw", None)
    if isinstance(raw, io.FileIO):
        try:
            info = os.fstat(raw.fileno())
        except OSError:
            info = None
        if info is not None and stat.S_ISREG(info.st_mode):
            return info.st_size
    return consumed + drain(stream)


def lines(stream: BinaryIO, limit: int) -> Iterator[bytes | int]:
    """The stream's lines; for a line over `limit` bytes, its size instead of its text (never held whole)."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit:
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(CHUNK)):
            size += len(line)
        yield size
