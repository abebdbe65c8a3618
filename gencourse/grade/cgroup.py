"""A control group for each submission's run: its memory and its processes, counted together.

A cgroup counts every process of the run (bwrap's, the child's, everything it
forks) and every page they hold, files on the sandbox's tmpfs included (the
kernel charges tmpfs pages to the cgroup of the process that wrote them). The
grader makes one where it can:

- cgroup v2: the grader's own cgroup or, when that holds processes (the
  grader's own), its parent, which must offer the ``memory`` and ``pids``
  controllers to its children and be writable: the whole hierarchy for root,
  a delegated subtree (systemd's ``user@UID.service``) for another user;
- cgroup v1 (a hybrid host): the ``memory`` and ``pids`` hierarchies, each
  below the grader's own cgroup in it, where writable (root).

Where it cannot, :func:`place` says why and the run keeps the limits each
process has (see :mod:`gencourse.grade.limits`). The child enters its groups
before bwrap starts (a tiny shell writes its own id, then becomes bwrap), so
nothing the submission runs is ever outside them.
"""

from __future__ import annotations

import itertools
import os
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path

_counter = itertools.count()
_found: dict = {}
_found_lock = threading.Lock()
_ENTER_FAILED = 125


@dataclass
class Place:
    """Where this grader makes its groups: a folder per controller (one for v2)."""

    version: int
    memory: Path | None = None
    pids: Path | None = None


@dataclass
class Group:
    """One run's cgroup (v2) or pair of cgroups (v1); made by :func:`make`."""

    version: int
    memory: Path | None = None
    pids: Path | None = None
    _dirs: list[Path] = field(default_factory=list)

    @property
    def procs_files(self) -> list[Path]:
        return [d / "cgroup.procs" for d in self._dirs]

    def wrap(self, argv: list[str]) -> list[str]:
        """``argv`` run by a shell that first enters this group (then becomes ``argv[0]``)."""
        files = [str(p) for p in self.procs_files]
        script = "".join(
            f'echo $$ > "${i + 1}" || exit {_ENTER_FAILED}; ' for i in range(len(files))
        )
        script += f'shift {len(files)}; exec "$@"'
        return ["/bin/sh", "-c", script, "sh", *files, *argv]

    def set_memory(self, limit: int) -> bool:
        """Caps the memory of every process of the group, and their tmpfs files, at ``limit`` bytes."""
        if self.memory is None:
            return False
        if self.version == 2:
            ok = _write(self.memory / "memory.max", str(limit))
            _write(self.memory / "memory.swap.max", "0")
            return ok
        # memory+swap may never be below memory: the order depends on the direction.
        ok = _write(self.memory / "memory.limit_in_bytes", str(limit))
        _write(self.memory / "memory.memsw.limit_in_bytes", str(limit))
        return ok or _write(self.memory / "memory.limit_in_bytes", str(limit))

    def memory_used(self) -> int | None:
        if self.memory is None:
            return None
        name = "memory.current" if self.version == 2 else "memory.usage_in_bytes"
        return _read_int(self.memory / name)

    def peak(self) -> int | None:
        """The most memory the group held (bytes), where the kernel says it."""
        if self.memory is None:
            return None
        name = "memory.peak" if self.version == 2 else "memory.max_usage_in_bytes"
        return _read_int(self.memory / name)

    def oom_kills(self) -> int:
        """How many of the group's processes the kernel killed for its memory limit."""
        if self.memory is None:
            return 0
        name = "memory.events" if self.version == 2 else "memory.oom_control"
        return _keyed(self.memory / name).get("oom_kill", 0)

    def pids_refused(self) -> int:
        """How many forks or new threads the group's process limit refused."""
        if self.pids is None:
            return 0
        return _keyed(self.pids / "pids.events").get("max", 0)

    def kill(self) -> None:
        """Kills every process still in the group (those that left bwrap's session too)."""
        for d in self._dirs:
            if _write(d / "cgroup.kill", "1"):
                continue
            for _ in range(20):
                pids = _pids(d)
                if not pids:
                    break
                for pid in pids:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass

    def remove(self) -> None:
        """Removes the group's folders (after :meth:`kill`; an empty group only)."""
        for d in self._dirs:
            try:
                d.rmdir()
            except OSError:
                pass


def _write(path: Path, text: str) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY)
    except OSError:
        return False
    try:
        os.write(fd, text.encode())
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except OSError:
        return None


def _read_int(path: Path) -> int | None:
    text = _read(path)
    try:
        return int(text.split()[0]) if text else None
    except ValueError:
        return None


def _keyed(path: Path) -> dict[str, int]:
    found = {}
    for line in (_read(path) or "").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            found[parts[0]] = int(parts[1])
    return found


def _pids(d: Path) -> list[int]:
    return [int(x) for x in (_read(d / "cgroup.procs") or "").split() if x.isdigit()]


def _mounts(mounts_text: str) -> tuple[list[Path], dict[str, Path]]:
    """The cgroup v2 mount points, and each v1 controller's mount point."""
    v2, v1 = [], {}
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 4:
            continue
        where = Path(parts[1].replace("\\040", " "))
        if parts[2] == "cgroup2":
            v2.append(where)
        elif parts[2] == "cgroup":
            for option in parts[3].split(","):
                if option in ("memory", "pids"):
                    v1[option] = where
    return v2, v1


def _own(cgroup_text: str) -> tuple[str | None, dict[str, str]]:
    """The grader's own cgroup path in v2, and in each v1 controller's hierarchy."""
    v2, v1 = None, {}
    for line in cgroup_text.splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        if parts[0] == "0" and parts[1] == "":
            v2 = parts[2]
        for controller in parts[1].split(","):
            if controller in ("memory", "pids"):
                v1[controller] = parts[2]
    return v2, v1


def _inside(mount: Path, path: str) -> Path:
    return mount / path.lstrip("/")


def _can_make_in(parent: Path) -> bool:
    probe = parent / f"gencourse-probe-{os.getpid()}-{next(_counter)}"
    try:
        probe.mkdir()
    except OSError:
        return False
    try:
        probe.rmdir()
    except OSError:
        pass
    return True


def _v2_place(mount: Path, own: str) -> Place | None:
    here = _inside(mount, own)
    candidates = [here]
    if here != mount:
        candidates.append(here.parent)  # the grader is in ``here``: its children are siblings
    for parent in candidates:
        offered = (_read(parent / "cgroup.controllers") or "").split()
        if not {"memory", "pids"} <= set(offered):
            continue
        given = set((_read(parent / "cgroup.subtree_control") or "").split())
        if not {"memory", "pids"} <= given:
            _write(parent / "cgroup.subtree_control", "+memory +pids")
            given = set((_read(parent / "cgroup.subtree_control") or "").split())
        # Moving a process needs the common ancestor's cgroup.procs (the grader's is below).
        if (
            {"memory", "pids"} <= given
            and os.access(parent / "cgroup.procs", os.W_OK)
            and _can_make_in(parent)
        ):
            return Place(2, memory=parent, pids=parent)
    return None


def find(
    mounts_text: str | None = None, cgroup_text: str | None = None
) -> tuple[Place | None, str]:
    """Where this grader can make a cgroup for each run, or ``None`` and why not.

    Args:
        mounts_text: the text of ``/proc/self/mounts`` (read when ``None``).
        cgroup_text: the text of ``/proc/self/cgroup`` (read when ``None``).

    Returns:
        ``(place, reason)``: ``reason`` is ``"v2"``, ``"v1"``, ``"v1-memory"``,
        ``"v1-pids"`` (one of the two controllers only), or why there is none
        (``"none"``: no cgroup file system or no writable one).
    """
    if mounts_text is None:
        mounts_text = _read(Path("/proc/self/mounts")) or ""
    if cgroup_text is None:
        cgroup_text = _read(Path("/proc/self/cgroup")) or ""
    v2_mounts, v1_mounts = _mounts(mounts_text)
    own_v2, own_v1 = _own(cgroup_text)
    if own_v2 is not None:
        for mount in v2_mounts:
            place = _v2_place(mount, own_v2)
            if place is not None:
                return place, "v2"
    found = {}
    for controller in ("memory", "pids"):
        if controller in v1_mounts and controller in own_v1:
            parent = _inside(v1_mounts[controller], own_v1[controller])
            if os.access(parent / "cgroup.procs", os.W_OK) and _can_make_in(parent):
                found[controller] = parent
    if not found:
        return None, "none"
    reason = "v1" if len(found) == 2 else f"v1-{next(iter(found))}"
    return Place(1, memory=found.get("memory"), pids=found.get("pids")), reason


def place() -> tuple[Place | None, str]:
    """:func:`find`, once per grader process (``GENCOURSE_GRADE_CGROUP=0`` turns it off)."""
    with _found_lock:
        if "place" not in _found:
            if os.environ.get("GENCOURSE_GRADE_CGROUP") == "0":
                _found["place"] = (None, "off")
            else:
                _found["place"] = find()
        return _found["place"]


def make(where: Place, memory: int, processes: int) -> Group | None:
    """A new group under ``where`` with ``memory`` bytes and ``processes`` tasks at most."""
    name = f"gencourse-{os.getpid()}-{next(_counter)}"
    dirs, group = [], Group(where.version)
    for controller in ("memory", "pids"):
        parent = getattr(where, controller)
        if parent is None:
            continue
        d = parent / name
        if d not in dirs:
            try:
                d.mkdir()
            except OSError:
                for made in dirs:
                    made.rmdir()
                return None
            dirs.append(d)
        setattr(group, controller, d)
    group._dirs = dirs
    if group.memory is not None and not group.set_memory(memory):
        group.remove()
        return None
    if group.pids is not None and not _write(group.pids / "pids.max", str(processes)):
        group.remove()
        return None
    return group
