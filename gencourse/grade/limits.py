"""The limits of one submission's run, and what enforces them from the grader's side.

Limits:
- time: each cell and each exercise's set of calls gets ``cell_timeout``
  seconds; the whole submission (restarts included) gets ``total_timeout``;
- memory: the child caps its address space at what it needed for its own
  imports plus ``memory_mb`` (``RLIMIT_AS``), so a memory bomb meets a
  ``MemoryError`` or dies, and a child killed by the system counts as memory;
- files: ``RLIMIT_FSIZE`` caps each file the learner's code writes;
- output: what the learner prints goes through a pipe; the first
  ``output_cap`` bytes are kept for the log and the rest is discarded.
"""

from __future__ import annotations

import os
import signal
import threading
from dataclasses import dataclass, field


@dataclass
class Limits:
    """Limits for one submission (seconds, megabytes, bytes)."""

    cell_timeout: float = 120.0
    total_timeout: float = 900.0
    memory_mb: int = 2048
    output_cap: int = 1 << 20
    file_mb: int = 64
    startup_timeout: float = 180.0


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
