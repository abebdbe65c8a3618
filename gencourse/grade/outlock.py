"""One grading run per output folder at a time: a lock held for the whole batch.

Two runs writing one gradebook would grade everything twice and race on
every file. The lock is an operating-system lock on ``OUT/.lock``
(``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows), which the
system releases when its process ends, so a run that crashed or was killed
leaves no stale lock; the file keeps the holder's process id to name it.
Where neither exists, :func:`hold` says so and grades without a lock.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
try:
    import msvcrt
except ImportError:  # not Windows
    msvcrt = None

LOCK_FILE = ".lock"


class Locked(Exception):
    """Another run holds the folder's lock; ``holder`` says which (its process id, if known)."""

    def __init__(self, folder: Path, holder: str):
        super().__init__(f"{folder} is locked by {holder}")
        self.folder, self.holder = folder, holder


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def hold(folder, unsupported=None):
    """Holds ``folder``'s lock while the ``with`` block runs.

    Args:
        folder: the output folder (made if absent).
        unsupported: called once, with no argument, where this system has no
            file locks (the block then runs unlocked).

    Raises:
        Locked: if another run holds it.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if fcntl is None and msvcrt is None:
        if unsupported is not None:
            unsupported()
        yield
        return
    path = folder / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if not _try_lock(fd):
            try:
                holder = (
                    os.pread(fd, 64, 0).decode("ascii", "replace").strip()
                    if hasattr(os, "pread")
                    else ""
                )
            except OSError:
                holder = ""
            raise Locked(folder, f"pid {holder}" if holder.isdigit() else "another process")
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield
    finally:
        os.close(fd)  # releases the lock
