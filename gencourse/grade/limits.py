"""The limits of one submission's run, and what enforces them from the grader's side.

Limits:
- time, on the grader's clock (:class:`Steps`): each cell and each
  exercise's set of calls gets ``cell_timeout`` seconds from the moment the
  child says it starts, and each step may start once, in the planned order,
  so a message the learner's code forges cannot buy more time; the whole
  submission (restarts included) gets ``total_timeout``;
- memory: where the grader can make a cgroup (:mod:`gencourse.grade.cgroup`),
  every process of the run and every file it writes on the sandbox's tmpfs
  count together against what the child needed for its own imports plus
  ``memory_mb``. In each process the child also caps its address space the same
  way (``RLIMIT_AS``), so a memory bomb meets a ``MemoryError``. A child
  killed by the kernel counts as memory;
- files: the writable folders (``/submission``, ``/tmp``) are tmpfs of
  ``disk_mb`` each (``/dev/shm``: ``SHM_MB``), never the host's disk, and
  ``RLIMIT_FSIZE`` caps each file at ``file_mb``;
- processes: ``MAX_PROCESSES`` per run, counted for that run alone: a pids
  cgroup where there is one, and ``RLIMIT_NPROC`` for a user that only that
  run has (a root grader's users of their own, or an unprivileged grader's
  user namespace per sandbox, where the kernel counts per namespace: 5.14 and
  later);
- output: what the learner prints goes through a pipe; the first
  ``output_cap`` bytes are kept for the log and the rest is discarded.

:func:`held` says which of these hold on this machine, for the gradebook.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass, field

#: What a run may hold before its child is ready (its imports: TensorFlow, Keras), on top of
#: ``memory_mb``; when it is ready, its cgroup's limit becomes what it holds plus ``memory_mb``.
STARTUP_MB = 2048
#: The size of the sandbox's ``/dev/shm``.
SHM_MB = 64


@dataclass
class Limits:
    """Limits for one submission (seconds, megabytes, bytes)."""

    cell_timeout: float = 120.0
    total_timeout: float = 900.0
    memory_mb: int = 2048
    output_cap: int = 1 << 20
    file_mb: int = 64
    startup_timeout: float = 180.0
    disk_mb: int = 256


@dataclass
class Problem:
    """Something that cut a learner's run short: a limit or a dead process.

    ``kind`` is ``timeout``, ``memory``, ``crash``, ``total_timeout``, ``output``
    or ``startup``; ``cell`` (0-based index in the notebook) or ``exercise`` says
    where; ``detail`` holds the numbers for the message.
    """

    kind: str
    cell: int | None = None
    exercise: str | None = None
    detail: dict = field(default_factory=dict)


class Interrupted(Exception):
    """The batch is stopping (Ctrl-C): this submission's run was ended, not finished."""


class Stopper:
    """The running children of a batch, so that Ctrl-C can end them all at once."""

    def __init__(self):
        self.event = threading.Event()
        self._procs: set = set()
        self._lock = threading.Lock()

    def add(self, proc) -> None:
        with self._lock:
            self._procs.add(proc)
        if self.event.is_set():
            _kill_group(proc)

    def discard(self, proc) -> None:
        with self._lock:
            self._procs.discard(proc)

    def stop(self) -> None:
        """No new child starts; every running one is killed (its whole PID namespace with it)."""
        self.event.set()
        with self._lock:
            procs = list(self._procs)
        for proc in procs:
            _kill_group(proc)

    @property
    def stopping(self) -> bool:
        return self.event.is_set()


def _kill_group(proc) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


class Steps:
    """The grader's clock over one start of the child.

    The child says when it is ready and when each step (``("cell", index)`` or
    ``("exercise", name)``) starts and ends. Each planned step may start once,
    in the planned order, and only after the one before it ended; a message out
    of that order is the protocol broken. A step's deadline is fixed when it
    starts, and the time between steps is a step's too: so the child's messages
    can end a step early but never give it more time.

    Args:
        planned: the steps the child was given, in order.
        limits: the run's :class:`Limits`.
    """

    def __init__(self, planned: list[tuple], limits: Limits):
        self.planned = list(planned)
        self.limits = limits
        self.ready = False
        self.current: tuple | None = None
        self.last: tuple | None = None
        self._next = 0
        self.deadline = time.monotonic() + limits.startup_timeout

    def _tick(self) -> None:
        self.deadline = time.monotonic() + self.limits.cell_timeout

    def on_ready(self) -> bool:
        if self.ready:
            return False
        self.ready = True
        self._tick()
        return True

    def on_start(self, step: tuple) -> bool:
        """Whether ``step`` may start now (the next planned one, nothing running).

        The running step's start said again is allowed but changes nothing: its
        deadline stays where it was.
        """
        if self.current is not None and self.current == step:
            return True
        if not self.ready or self.current is not None or self._next >= len(self.planned):
            return False
        if self.planned[self._next] != step:
            return False
        self._next += 1
        self.current = step
        self._tick()
        return True

    def on_done(self, step: tuple) -> bool:
        """Whether ``step`` is the one running (then it ended)."""
        if self.current is None or self.current != step:
            return False
        self.last, self.current = self.current, None
        self._tick()
        return True

    @property
    def finished(self) -> bool:
        return self.ready and self.current is None and self._next == len(self.planned)

    @property
    def where(self) -> tuple | None:
        """The step to blame: the one running, else the last one that ended."""
        return self.current or self.last


def user_namespace_counts() -> bool:
    """Whether this kernel counts ``RLIMIT_NPROC`` per user namespace (Linux 5.14 and later)."""
    try:
        major, minor = (int(x) for x in os.uname().release.split(".")[:2])
    except (ValueError, AttributeError):
        return False
    return (major, minor) >= (5, 14)


def held(sandboxed: bool, cgroups: bool = True, user: bool = False) -> dict:
    """Which limits hold on this machine for this grader, in words for the gradebook.

    Returns:
        ``{"memory": ..., "processes": ..., "files": ...}``: ``memory`` is
        ``"cgroup v1"``/``"cgroup v2"`` (all processes and their tmpfs files
        together) or ``"per-process"`` (``RLIMIT_AS`` for each process; files on
        tmpfs apart, bounded by the tmpfs sizes); ``processes`` is ``"cgroup"``,
        ``"own user"`` (a root grader's), ``"user namespace"`` or ``"shared"``
        (counted with every process of the grader's user); ``files`` is
        ``"tmpfs"`` or ``"host disk"`` (no sandbox, or a bwrap that cannot size a
        tmpfs: per-file size only).

    Args:
        sandboxed: whether the runs are sandboxed (``--no-sandbox`` promises nothing).
        cgroups: ``False`` when a run's cgroup could not be made after all.
        user: the runs have no bubblewrap but a user of their own each
            (:mod:`gencourse.grade.fallback`).
    """
    from gencourse.grade import cgroup, jail

    if user:
        return {"memory": "per-process", "processes": "own user", "files": "host disk"}
    if not sandboxed:
        return {"memory": "per-process", "processes": "shared", "files": "host disk"}
    where, _why = cgroup.place() if cgroups else (None, "")
    memory = f"cgroup v{where.version}" if where and where.memory else "per-process"
    if where and where.pids:
        processes = "cgroup"
    elif jail.is_root():
        processes = "own user"
    elif user_namespace_counts():
        processes = "user namespace"
    else:
        processes = "shared"
    files = "tmpfs" if jail.sizes_tmpfs() else "host disk"
    return {"memory": memory, "processes": processes, "files": files}
