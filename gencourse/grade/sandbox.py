"""Runs one submission's cells and exercise functions in child processes, within limits.

Each child runs inside bubblewrap (:mod:`gencourse.grade.jail`) on the
grading copy of the package; ``sandboxed=False`` (``--no-sandbox``) runs it
as a plain process of the grading account, on the same copy. The child gets
its job on a pipe and sends back plain trees of number arrays, which are
packed (the exercise's own ``pack``) and cut to size here.

Limits:
- time: each cell and each exercise's set of calls gets ``cell_timeout``
  seconds; the whole submission (restarts included) gets ``total_timeout``;
- memory: the child caps its address space at what it needed for its own
  imports plus ``memory_mb`` (``RLIMIT_AS``), so a memory bomb meets a
  ``MemoryError`` or dies, and a child killed by the system counts as memory;
- files: ``RLIMIT_FSIZE`` caps each file the learner's code writes;
- output: what the learner prints goes through a pipe; the first
  ``output_cap`` bytes are kept for the log and the rest is discarded.

When a cell runs out of time or memory, or the process dies in it
(``os._exit``, a crash), that cell is marked bad and a fresh process runs the
plan again without it; when this happens while an exercise's function runs,
that exercise alone fails. So a broken cell costs only the exercises that
need what it would have defined, and one broken function costs only its own
exercise. ``sys.exit`` in a cell is an ordinary error, as in Jupyter.
"""

from __future__ import annotations

import os
import pickle
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from gencourse.check.core import Recorded, recorded_value
from gencourse.grade import jail, plain, wire
from gencourse.grade.submission import Cell
from gencourse.i18n import has

# The child's first statement: a root grader's child drops to an unprivileged
# user before anything else runs (bwrap kept it the two capabilities for that).
_BOOT = (
    "import os, sys\n"
    "uid = int(os.environ.pop('GENCOURSE_GRADE_UID', '-1'))\n"
    "if uid >= 0:\n"
    "    os.setgroups([]); os.setresgid(uid, uid, uid); os.setresuid(uid, uid, uid)\n"
    "sys.path.insert(0, {root!r})\n"
    "from gencourse.grade.child import main; main(int(sys.argv[1]))"
)
MAX_ARRAY_VALUES = 1 << 22


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


@dataclass
class ExerciseRun:
    """What the sandbox brought back for one exercise."""

    name: str
    state: str  # ran, missing, not_callable, failed
    records: list[Recorded] = field(default_factory=list)
    library: list[str] = field(default_factory=list)
    tampered: bool = False
    type_name: str | None = None
    problem: Problem | None = None


@dataclass
class RunReport:
    exercises: dict[str, ExerciseRun]
    cell_errors: dict[int, str]
    problems: list[Problem]
    output: bytes
    output_dropped: int
    starts: int
    seconds: float


@dataclass
class _Stop:
    finished: bool
    problem: Problem | None = None
    step: tuple | None = None


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


class _Output:
    """Drains the child's stdout/stderr, keeping the first ``cap`` bytes."""

    def __init__(self, cap: int):
        self.cap = cap
        self.kept = bytearray()
        self.dropped = 0
        self.lock = threading.Lock()

    def drain(self, fd: int) -> None:
        try:
            while True:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    break
                with self.lock:
                    room = self.cap - len(self.kept)
                    if room > 0:
                        self.kept += chunk[:room]
                    self.dropped += max(0, len(chunk) - max(room, 0))
        except OSError:
            pass
        finally:
            try:
                os.close(fd)
            except OSError:
                pass


def _read_messages(stream, inbox: queue.Queue) -> None:
    try:
        while True:
            inbox.put(wire.receive(stream))
    except (wire.WireError, OSError, ValueError) as exc:
        inbox.put(("eof", str(exc)))
    finally:
        try:
            stream.close()
        except OSError:
            pass


def _child_env(workdir: Path, lang: str, keras_home: str | None = None) -> dict:
    """The child's environment: a few variables, and homes inside its own folder ``workdir``."""
    keep = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(
        HOME=str(workdir),
        TMPDIR="/tmp" if sys.platform != "win32" else str(workdir),
        MPLCONFIGDIR=str(workdir / ".mpl"),
        KERAS_HOME=keras_home or str(workdir / ".keras"),
    )
    env.update(
        GENCOURSE_QUICK="1",
        GENCOURSE_LANG=lang,
        MPLBACKEND="Agg",
        TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONHASHSEED="0",
        PYTHONDONTWRITEBYTECODE="1",
        MALLOC_ARENA_MAX="2",
        OMP_NUM_THREADS="1",
        TF_NUM_INTRAOP_THREADS="1",
        TF_NUM_INTEROP_THREADS="1",
        IPYTHONDIR=str(workdir / ".ipython"),
    )
    return env


class Sandbox:
    """Grades nothing: runs one submission and brings back plain arrays and problems."""

    def __init__(
        self,
        limits: Limits,
        lang: str = "en",
        *,
        copy_root=None,
        sandboxed: bool = True,
        cells: str = "needed",
        stopper: Stopper | None = None,
    ):
        self.limits = limits
        self.lang = lang
        # The grading copy's folder, or a function that makes it (once, for a whole batch).
        self.copy_root = copy_root
        self.sandboxed = sandboxed
        self.cells_mode = cells
        self.stopper = stopper or Stopper()

    def run(
        self,
        cells: list[Cell],
        exercises: list[str],
        cases: dict[str, list[tuple]],
        all_exercises: list[str] | None = None,
        packs: dict | None = None,
    ) -> RunReport:
        """Runs ``cells`` in order, then records each exercise's answers on ``cases``.

        Args:
            cells: the planned cells (see :func:`gencourse.grade.plan.plan`).
            exercises: the exercises to record, in order.
            cases: for each exercise, ``(label, args, kwargs)`` per case.
            all_exercises: every exercise of the lesson (calls made inside
                another exercise's function are not held against this one).
            packs: each exercise's ``pack``, applied here to what came back.

        Raises:
            Interrupted: when the batch's stopper stopped this run.
        """
        self.packs = packs or {}
        if callable(self.copy_root):
            self.copy_root = self.copy_root()
        if self.copy_root is None:  # one's own copy (a batch shares one: see grader.Context)
            with tempfile.TemporaryDirectory(prefix="gencourse-copy-") as tmp:
                self.copy_root = jail.build_copy(Path(tmp), self.cells_mode)
                try:
                    return self._run(cells, exercises, cases, all_exercises)
                finally:
                    self.copy_root = None
        return self._run(cells, exercises, cases, all_exercises)

    def _run(self, cells, exercises, cases, all_exercises) -> RunReport:
        start = time.monotonic()
        output = _Output(self.limits.output_cap)
        bad: dict[int, Problem] = {}
        runs: dict[str, ExerciseRun] = {}
        cell_errors: dict[int, str] = {}
        problems: list[Problem] = []
        starts = 0
        startup_failures = 0
        with tempfile.TemporaryDirectory(prefix="gencourse-grade-") as tmp:
            workdir = Path(tmp) / "work"
            workdir.mkdir()
            while True:
                if self.stopper.stopping:
                    raise Interrupted()
                remaining = [e for e in exercises if e not in runs]
                if not remaining:
                    break
                if time.monotonic() - start >= self.limits.total_timeout:
                    problem = Problem(
                        "total_timeout", detail={"seconds": self.limits.total_timeout}
                    )
                    problems.append(problem)
                    for name in remaining:
                        runs[name] = ExerciseRun(name, "failed", problem=problem)
                    break
                todo = [c for c in cells if c.index not in bad]
                starts += 1
                stop = self._start(
                    todo,
                    remaining,
                    cases,
                    all_exercises or exercises,
                    workdir,
                    start,
                    output,
                    runs,
                    cell_errors,
                )
                if self.stopper.stopping:
                    raise Interrupted()
                if stop.finished:
                    break
                problem = stop.problem
                kind, key = stop.step if stop.step else ("startup", None)
                if kind == "cell":
                    problem.cell = key
                    bad[key] = problem
                    problems.append(problem)
                elif kind == "exercise":
                    problem.exercise = key
                    runs[key] = ExerciseRun(key, "failed", problem=problem)
                    problems.append(problem)
                elif problem.kind == "total_timeout":
                    continue  # the loop's head marks what is left
                else:
                    startup_failures += 1
                    if startup_failures >= 2:
                        failure = Problem("startup", detail=problem.detail)
                        problems.append(failure)
                        for name in remaining:
                            runs[name] = ExerciseRun(name, "failed", problem=failure)
                        break
        if output.dropped:
            problems.append(Problem("output", detail={"cap_mb": self.limits.output_cap / 2**20}))
        return RunReport(
            runs,
            cell_errors,
            problems,
            bytes(output.kept),
            output.dropped,
            starts,
            time.monotonic() - start,
        )

    def _start(
        self,
        cells,
        exercises,
        cases,
        all_exercises,
        workdir,
        t0,
        output,
        runs,
        cell_errors,
    ) -> _Stop:
        limits = self.limits
        msg_r, msg_w = os.pipe()
        out_r, out_w = os.pipe()
        job_r, job_w = os.pipe()
        # A root grader's child runs as a user of its own, with a process limit of its own.
        uid = jail.next_uid() if self.sandboxed and jail.is_root() else None
        job = {
            "fd": msg_w,
            "cells": [(c.index, c.source) for c in cells],
            "exercises": list(exercises),
            "all_exercises": list(all_exercises),
            "cases": {name: cases[name] for name in exercises},
            "memory_bytes": int(limits.memory_mb * 2**20),
            "file_bytes": int(limits.file_mb * 2**20),
            "max_processes": jail.MAX_PROCESSES if uid is not None else 0,
        }
        job_bytes = pickle.dumps(job)
        # A fresh folder for each start: what a killed run wrote there is gone.
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir()
        jail.prepare_workdir(self.copy_root, workdir, uid)
        keras_home = None
        if self.sandboxed:
            inside = Path(jail.WORK_AT)
            if self.cells_mode == "all":
                keras_home = jail.DATA_AT
            argv = [sys.executable, "-I", "-c", _BOOT.format(root=jail.COPY_AT), str(job_r)]
            data = _keras_datasets() if self.cells_mode == "all" else None
            argv = jail.command(self.copy_root, workdir, argv, data)
        else:
            inside = workdir
            argv = [sys.executable, "-I", "-c", _BOOT.format(root=str(self.copy_root)), str(job_r)]
        env = _child_env(inside, self.lang, keras_home)
        if uid is not None:
            env["GENCOURSE_GRADE_UID"] = str(uid)
        try:
            proc = subprocess.Popen(
                argv,
                cwd=workdir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out_w,
                stderr=out_w,
                pass_fds=(msg_w, job_r),
                start_new_session=True,
            )
        except OSError:
            for fd in (msg_r, msg_w, out_r, out_w, job_r, job_w):
                os.close(fd)
            return _Stop(False, Problem("startup", detail={"seconds": 0}), None)
        finally:
            for fd in (msg_w, out_w, job_r):
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.stopper.add(proc)
        inbox: queue.Queue = queue.Queue()
        readers = [
            threading.Thread(target=output.drain, args=(out_r,), daemon=True),
            threading.Thread(
                target=_read_messages, args=(os.fdopen(msg_r, "rb"), inbox), daemon=True
            ),
            threading.Thread(target=_write_job, args=(job_w, job_bytes), daemon=True),
        ]
        for reader in readers:
            reader.start()
        try:
            return self._drive(proc, inbox, t0, runs, cell_errors, exercises)
        finally:
            self._kill(proc)
            self.stopper.discard(proc)
            for reader in readers:
                reader.join(timeout=5)

    @staticmethod
    def _kill(proc: subprocess.Popen) -> None:
        _kill_group(proc)  # bwrap's namespace ends with it: every process of the submission
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass

    def _drive(self, proc, inbox, t0, runs, cell_errors, exercises=()) -> _Stop:
        limits = self.limits
        step, last = None, None
        total_end = t0 + limits.total_timeout
        step_end = time.monotonic() + limits.startup_timeout
        started = False
        while True:
            now = time.monotonic()
            wait = min(step_end, total_end if started else step_end) - now
            try:
                header, payload = inbox.get(timeout=min(max(wait, 0.0), 0.5))
            except queue.Empty:
                if self.stopper.stopping:
                    self._kill(proc)
                    return _Stop(False, Problem("crash", detail={"code": "interrupted"}), step)
                if time.monotonic() < min(step_end, total_end if started else step_end):
                    continue
                self._kill(proc)
                where = step or last
                if started and time.monotonic() >= total_end:
                    return _Stop(
                        False,
                        Problem("total_timeout", detail={"seconds": limits.total_timeout}),
                        where,
                    )
                if step is None:
                    detail = {"seconds": limits.startup_timeout}
                    return _Stop(False, Problem("startup", detail=detail), last)
                return _Stop(
                    False, Problem("timeout", detail={"seconds": limits.cell_timeout}), step
                )
            if header == "eof":
                return self._died(proc, step or last)
            event = header.get("event")
            if event == "ready":
                started = True
                step_end = time.monotonic() + limits.startup_timeout
            elif event == "cell":
                step = ("cell", header.get("index"))
                step_end = time.monotonic() + limits.cell_timeout
            elif event == "cell_done" and step == ("cell", header.get("index")):
                error = header.get("error")
                if error:
                    cell_errors[step[1]] = str(error)[:100]
                if error == "MemoryError":
                    # What the cell allocated may still be held by a global: start afresh.
                    self._kill(proc)
                    return _Stop(False, Problem("memory", detail={"mb": limits.memory_mb}), step)
                last, step = step, None
                step_end = time.monotonic() + limits.startup_timeout
            elif event == "exercise":
                step = ("exercise", header.get("name"))
                step_end = time.monotonic() + limits.cell_timeout
            elif event == "exercise_done" and step == ("exercise", header.get("name")):
                try:
                    pack = self.packs.get(step[1])
                    runs[step[1]] = self._exercise_run(step[1], header, payload, pack)
                except wire.WireError:
                    self._kill(proc)
                    return _Stop(False, Problem("crash", detail={"code": "protocol"}), step)
                last, step = step, None
                step_end = time.monotonic() + limits.startup_timeout
            elif event == "done" and step is None and all(e in runs for e in exercises):
                return _Stop(True)
            else:
                self._kill(proc)
                return _Stop(False, Problem("crash", detail={"code": "protocol"}), step or last)

    def _died(self, proc, where) -> _Stop:
        try:
            code = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # alive, but it closed the grader's pipe
            self._kill(proc)
            return _Stop(False, Problem("crash", detail={"code": "protocol"}), where)
        if code is not None and code < 0 and -code == signal.SIGKILL:
            # Not killed by us: the system's out-of-memory killer is the likely one.
            problem = Problem("memory", detail={"mb": self.limits.memory_mb})
        elif code is not None and code < 0:
            problem = Problem("crash", detail={"code": _signal_name(code)})
        else:
            problem = Problem("crash", detail={"code": str(code)})
        return _Stop(False, problem, where)

    @staticmethod
    def _exercise_run(name: str, header: dict, payload: bytes, pack=None) -> ExerciseRun:
        state = header.get("state")
        if state == "missing":
            return ExerciseRun(name, "missing")
        if state == "not_callable":
            return ExerciseRun(name, "not_callable", type_name=str(header.get("type"))[:60])
        arrays = wire.unpack_arrays(payload)
        records = []
        for i, item in enumerate(header.get("records") or []):
            status = str(item.get("status"))
            detail = item.get("detail") if isinstance(item.get("detail"), dict) else {}
            detail = {str(k): str(v)[:200] for k, v in detail.items()}
            if status == "error":
                detail = {"error": detail.get("error", "?"), "text": detail.get("text", "")}
            elif status == "wrong_type":
                detail = {"type": detail.get("type", "?")}
            elif status == "wrong_form":
                hint = detail.get("hint", "")
                # Only a hint the course defines: the learner's process wrote this.
                detail = {"hint": hint} if hint.startswith("hint.") and has(hint) else {}
            if status == "value" and "tree" in item:
                records.append(_packed(item, arrays, pack))
                continue
            if status == "value":
                value = arrays.get(f"c{i}")
                if value is None or value.dtype != np.float64 or value.size > MAX_ARRAY_VALUES:
                    records.append(Recorded("wrong_type", detail={"type": "array"}))
                    continue
                records.append(Recorded("value", value))
            elif status in ("not_implemented", "error", "wrong_type", "wrong_form"):
                records.append(Recorded(status, detail=detail))
            else:
                records.append(Recorded("error", detail={"error": "?", "text": ""}))
        library = [str(x)[:120] for x in (header.get("library") or [])][:10]
        return ExerciseRun(
            name, "ran", records, library=library, tampered=bool(header.get("tampered"))
        )


def _packed(item: dict, arrays: dict, pack) -> Recorded:
    """A returned plain tree as the one array the exercise judges (its ``pack``, applied here)."""
    type_name = str(item.get("type"))[:60]
    try:
        returned = plain.from_tree(item.get("tree"), arrays, MAX_ARRAY_VALUES)
    except plain.TreeError:
        return Recorded("wrong_type", detail={"type": type_name})
    rec = recorded_value(returned, pack, type_name)
    if rec.status == "value" and rec.value.size > MAX_ARRAY_VALUES:
        return Recorded("wrong_type", detail={"type": type_name})
    return rec


def _write_job(fd: int, data: bytes) -> None:
    try:
        wire._write_all(fd, data)
    except OSError:
        pass
    finally:
        try:
            os.close(fd)
        except OSError:
            pass


def _keras_datasets() -> Path:
    """The host's Keras data sets folder (shown read-only in ``--cells all`` mode only)."""
    return Path(os.environ.get("KERAS_HOME", Path.home() / ".keras")) / "datasets"
