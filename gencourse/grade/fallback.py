"""The second boundary: a user of its own, where bubblewrap cannot make namespaces (containers).

Inside Docker (Gradescope's autograder, most CI runners) bubblewrap usually
cannot create the namespaces it needs. A grader running as root there does
not refuse, nor run the learner's code as itself: each run's child drops to
an unprivileged user of its own (a user number without a name on the host,
:func:`gencourse.grade.jail.next_uid`; ``setgroups``, ``setresgid`` and
``setresuid`` before anything of the learner's runs), and

- the secret material (the output folder with the seed and every result, the
  course's ``solutions/``, the package whose modules hold the references and
  the checks, an assignment's folder with its checks file and secret, the
  submissions folder) loses every permission for anyone but its owner while
  the batch runs (:func:`protected`), so that user can read none of it;
- the run's folder is the user's own (mode 0700), under a folder others may
  pass through but not list (mode 0711), and so is its ``TMPDIR``;
- the limits are the child's own ``setrlimit`` (address space, file size,
  and a process count that is that user's alone), the grader's clock and
  its output cap, as under bubblewrap;
- when a run ends, every process of its user is killed (a process that left
  the session is found by its user) and what it left in the shared
  temporary folders is removed.

Weaker than bubblewrap: the child sees the host's file system as any
unprivileged user does (world-readable files, the process list) and has
the network. The gradebook says which boundary held (:data:`BOUNDARIES`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

#: The boundary each grading records, by the grader's name for it.
BUBBLEWRAP = "bubblewrap"
USER = "unprivileged user"
NONE = "none (--no-sandbox)"
BOUNDARIES = (BUBBLEWRAP, USER, NONE)
#: The shared folders a run's user may write to besides its own; emptied of its files after.
SHARED_TMP = ("/tmp", "/var/tmp", "/dev/shm")


def possible() -> bool:
    """Whether this grader can give its children users of their own (root on Linux)."""
    return sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0


def _passable(path: Path) -> bool:
    """Whether every folder from ``/`` to ``path`` lets others pass (the ``x`` bit for others)."""
    path = path.resolve()
    for folder in [*reversed(path.parents), path]:
        try:
            if not os.stat(folder).st_mode & stat.S_IXOTH:
                return False
        except OSError:
            return False
    return True


def _readable(path: Path) -> bool:
    """Whether others may pass to ``path`` and read it (a folder: list it too)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    wanted = stat.S_IROTH | (stat.S_IXOTH if stat.S_ISDIR(mode) else 0)
    return _passable(path.parent) and mode & wanted == wanted


def unreachable() -> str | None:
    """The first part of this Python that a user of its own could not read (None: all readable).

    The child runs this interpreter as that user, so the interpreter, its
    standard library and its site-packages must be readable by others: a
    Python under root's home (pyenv's default, mode 0700) is not.
    """
    paths = sysconfig.get_paths()
    wanted = [Path(sys.executable).resolve()]
    wanted += [Path(paths[k]) for k in ("stdlib", "platstdlib", "purelib", "platlib") if k in paths]
    for path in wanted:
        if path.exists() and not _readable(path.resolve()):
            return str(path)
    return None


def temp_base() -> str:
    """A folder for the runs' own folders that a run's user can reach: ``TMPDIR`` if it can, else ``/tmp``."""
    given = tempfile.gettempdir()
    return given if _passable(Path(given)) else "/tmp"


def open_to_pass(folder: Path) -> None:
    """Lets others pass through ``folder`` without listing it (mode 0711)."""
    os.chmod(folder, 0o711)


def own_folder(folder: Path, uid: int) -> None:
    """Gives ``folder`` and what it holds to ``uid``, readable by nobody else (mode 0700)."""
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, uid, uid, follow_symlinks=False)
    os.chmod(folder, 0o700)


@contextlib.contextmanager
def protected(paths):
    """While the block runs, ``paths`` (files or folders) give nothing to group or others.

    Each path's mode loses its group and other bits (a folder: nobody else may
    list or pass it; a file: nobody else may read it); the modes are put back
    afterwards. Paths that do not exist are skipped; a path is changed once.
    """
    changed: list[tuple[str, int]] = []
    seen: set[str] = set()
    try:
        for path in paths:
            if path is None:
                continue
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            try:
                mode = stat.S_IMODE(os.stat(real).st_mode)
            except OSError:
                continue
            if mode & 0o077:
                os.chmod(real, mode & ~0o077)
                changed.append((real, mode))
        yield [real for real, _ in changed]
    finally:
        for real, mode in reversed(changed):
            with contextlib.suppress(OSError):
                os.chmod(real, mode)


def status_of(pid) -> dict[str, str]:
    """The fields of ``/proc/<pid>/status`` (empty: gone or unreadable)."""
    fields = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
    except OSError:
        return {}
    return fields


def live_uid(fields: dict[str, str]) -> int | None:
    """The real user in a process's status fields (:func:`status_of`); None if it has ended.

    A process that has ended and only waits to be reaped (a zombie) runs nothing
    any more, though it still shows its user: a container whose first process
    reaps nobody keeps a killed orphan so for good. The user is read from
    ``/proc/<pid>/status``, not from the owner of ``/proc/<pid>``: a process that
    changed its user without an ``exec`` since (a fork of the child) is not
    dumpable, and its ``/proc`` entries belong to root.
    """
    if fields.get("State", "").startswith("Z"):
        return None
    try:
        return int(fields["Uid"].split()[0])
    except (KeyError, ValueError, IndexError):
        return None


def _pids_of(uid: int) -> list[int]:
    """The live processes of ``uid``."""
    return [int(e) for e in os.listdir("/proc") if e.isdigit() and live_uid(status_of(e)) == uid]


def end_user(uid: int, rounds: int = 50) -> int:
    """Kills every process of ``uid`` (those that left the session too); returns how many were seen.

    A process of the user may fork while it is being killed: the list is read
    again until it is empty (``rounds`` times at most).
    """
    seen: set[int] = set()
    for _ in range(rounds):
        pids = _pids_of(uid)
        if not pids:
            break
        seen.update(pids)
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.02)
    return len(seen)


def remove_files_of(uid: int, folders=SHARED_TMP) -> None:
    """Removes what ``uid`` left at the top of the shared temporary folders."""
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.stat(follow_symlinks=False).st_uid != uid:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
            except OSError:
                continue
