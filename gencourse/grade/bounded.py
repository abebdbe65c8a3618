"""Reading what a submission sent without letting its size decide the grader's memory or time.

Every file and message the grader reads from a learner (a notebook, the
sandbox's messages, their arrays) passes through here before it is parsed:
a file is read to at most its bound plus one byte (its size is checked
first, so a sparse file of 2 GB is never read), and JSON is parsed with a
bound on its nesting depth, so a header nested 300,000 levels deep is a
verdict, not a ``RecursionError`` that ends a reader thread.
"""

from __future__ import annotations

import json
import os

_CHUNK = 1 << 20


class TooLarge(ValueError):
    """A file is larger than its bound; ``size`` and ``limit`` in bytes."""

    def __init__(self, size: int, limit: int):
        super().__init__(f"{size} bytes, at most {limit}")
        self.size, self.limit = size, limit


class TooDeep(ValueError):
    """JSON nested deeper than its bound; ``depth`` (at least) and ``limit``."""

    def __init__(self, depth: int, limit: int):
        super().__init__(f"nested {depth} deep, at most {limit}")
        self.depth, self.limit = depth, limit


def read_file(path, limit: int) -> bytes:
    """The bytes of ``path``, read only when it holds at most ``limit`` of them.

    The size is checked on the open file (``fstat``) and at most ``limit + 1``
    bytes are read, so a file that grows while it is read is caught too.

    Raises:
        TooLarge: if the file holds more than ``limit`` bytes.
        OSError: if it cannot be opened or read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise TooLarge(size, limit)
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise TooLarge(len(data), limit)
        return data
    finally:
        os.close(fd)


def loads(data: bytes, max_depth: int):
    """``json.loads`` of ``data``, its nesting depth at most ``max_depth``.

    The decoder itself stops at Python's recursion limit (about 1,000 levels)
    with a ``RecursionError``, in constant memory; that and any depth above
    ``max_depth`` (checked on the parsed value without recursion) are
    :class:`TooDeep`.

    Raises:
        TooDeep: nested deeper than ``max_depth``.
        ValueError: not UTF-8 (``UnicodeDecodeError``), or not JSON
            (``json.JSONDecodeError``); both are ``ValueError``.
    """
    try:
        value = json.loads(data.decode("utf-8") if isinstance(data, bytes) else data)
    except RecursionError:
        raise TooDeep(max_depth + 1, max_depth) from None
    depth = nesting(value, max_depth)
    if depth > max_depth:
        raise TooDeep(depth, max_depth)
    return value


def nesting(value, limit: int) -> int:
    """The nesting depth of a parsed JSON value (a scalar is 0), counted up to ``limit + 1``."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        depth += 1
        deepest = max(deepest, depth)
        if depth > limit:
            return depth
        stack.extend((part, depth) for part in item if isinstance(part, dict | list))
    return deepest
