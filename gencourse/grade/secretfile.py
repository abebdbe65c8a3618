"""A secret number kept in a file: made once, atomically, and never silently made again.

The grader's seed (``OUT/seed``) and an assignment's secret (``hw1/secret``)
decide every student's inputs, so two runs that start at once must read the
same number, and a file that exists but cannot be read must stop the run
rather than be replaced (a new number would change every earlier result).

The number is written whole to a temporary file of its own, which is then
hard-linked to the final name: the link either appears complete or fails
because another run made the file first, whose number is then read. Where
hard links are unavailable (some file systems), the file is created
exclusively and written in place; a reader that meets it half-written reads
again.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

#: How long a reader waits for a file another run is writing (seconds).
WAIT = 2.0


class Unreadable(Exception):
    """The file exists but holds no number (``path``, ``error``): said, never replaced."""

    def __init__(self, path: Path, error: str):
        super().__init__(f"{path}: {error}")
        self.path, self.error = path, error


def read_or_make(path, create: bool = True) -> int:
    """The number in ``path``, made (a random 63-bit number, mode 0600) if there is none.

    Args:
        path: the file.
        create: make it when absent (False: raise ``FileNotFoundError``).

    Raises:
        Unreadable: if the file exists but cannot be read, or holds no number
            even after :data:`WAIT` seconds.
        FileNotFoundError: if it is absent and ``create`` is False.
    """
    path = Path(path)
    deadline = time.monotonic() + WAIT
    while True:
        try:
            text = path.read_bytes().decode("ascii")
        except FileNotFoundError:
            if not create:
                raise
            made = _make(path)
            if made is not None:
                return made
            continue  # another run made it first: read theirs
        except (OSError, UnicodeDecodeError) as exc:
            raise Unreadable(path, type(exc).__name__) from None
        if text.endswith("\n") and text.strip().isdigit():
            return int(text.strip())
        if time.monotonic() > deadline:
            if text.strip().isdigit():  # written by hand, without a newline: it has not changed
                return int(text.strip())
            raise Unreadable(path, "not a number" if text.endswith("\n") else "incomplete")
        time.sleep(0.01)  # written in place by a run without hard links: read again


def _make(path: Path) -> int | None:
    """Makes the file with a new number; None if another run made it first."""
    value = secrets.randbits(63)
    data = f"{value}\n".encode("ascii")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(6)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)
        return value
    except FileExistsError:
        return None
    except OSError:  # no hard links here: create exclusively, write in place
        return _make_in_place(path, data, value)
    finally:
        os.unlink(tmp)


def _make_in_place(path: Path, data: bytes, value: int) -> int | None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return None
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    return value
