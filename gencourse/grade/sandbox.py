"""Runs one submission's cells and exercise functions in child processes, within limits.

Each child runs inside bubblewrap (:mod:`gencourse.grade.jail`) on the
grading copy of the package; ``sandboxed=False`` (``--no-sandbox``) runs it
as a plain process of the grading account, on the same copy. The child gets
its job on a pipe and sends back plain trees of number arrays, which are
packed (the exercise's own ``pack``) and cut to size here.

The limits, and what enforces them, are in :mod:`gencourse.grade.limits`;
the job and the child's command line in :mod:`gencourse.grade.job`; the
threads that read the child's output and messages in :mod:`gencourse.grade.pumps`.

When a cell runs out of time or memory, or the process dies in it
(``os._exit``, a crash), that cell is marked bad and a fresh process runs the
plan again without it; when this happens while an exercise's function runs,
that exercise alone fails. So a broken cell costs only the exercises that
need what it would have defined, and one broken function costs only its own
exercise. ``sys.exit`` in a cell is an ordinary error, as in Jupyter.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from gencourse.check.core import Recorded, recorded_value
from gencourse.grade import cgroup, fallback, jail, plain, wire
from gencourse.grade.job import _child_env, child_command, job_bytes
from gencourse.grade.limits import (
    STARTUP_MB,
    Interrupted,
    Limits,
    Problem,
    Steps,
    Stopper,
    _kill_group,
    _signal_name,
    held,
    user_namespace_counts,
)
from gencourse.grade.pumps import _Output, _read_messages, _write_job
from gencourse.grade.submission import Cell
from gencourse.i18n import has

__all__ = [
    "MAX_ARRAY_VALUES",
    "Cell",
    "ExerciseRun",
    "Interrupted",
    "Limits",
    "Problem",
    "RunReport",
    "Sandbox",
    "Stopper",
    "_Output",
    "_child_env",
    "_signal_name",
]

MAX_ARRAY_VALUES = 1 << 22


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
    #: Which limits held for this run (see :func:`gencourse.grade.limits.held`).
    limits: dict = field(default_factory=dict)
    #: The most memory the run's cgroup held at once, in bytes (``None``: no cgroup).
    memory_peak: int | None = None


@dataclass
class _Stop:
    finished: bool
    problem: Problem | None = None
    step: tuple | None = None


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
        user_boundary: bool = False,
    ):
        self.limits = limits
        self.lang = lang
        # The grading copy's folder, or a function that makes it (once, for a whole batch).
        self.copy_root = copy_root
        self.sandboxed = sandboxed
        self.cells_mode = cells
        self.stopper = stopper or Stopper()
        # No bubblewrap, a root grader: the child runs as a user of its own (gencourse.grade.fallback).
        self.user_boundary = user_boundary and not sandboxed and jail.is_root()

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
            with tempfile.TemporaryDirectory(prefix="gencourse-copy-", dir=self._base()) as tmp:
                if self.user_boundary:
                    fallback.open_to_pass(Path(tmp))
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
        self.held = held(self.sandboxed, user=self.user_boundary)
        self.memory_peak = None
        with tempfile.TemporaryDirectory(prefix="gencourse-grade-", dir=self._base()) as tmp:
            if self.user_boundary:  # the run's user passes through to its own folder
                fallback.open_to_pass(Path(tmp))
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
            dict(self.held),
            self.memory_peak,
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
        # A root grader's child runs as a user of its own, an unprivileged grader's in a user
        # namespace of its own: either way its process limit counts its own processes only.
        root_child = (self.sandboxed or self.user_boundary) and jail.is_root()
        uid = jail.next_uid() if root_child else None
        own = uid is not None or (self.sandboxed and user_namespace_counts())
        processes = jail.MAX_PROCESSES if own else 0
        job = job_bytes(cells, exercises, all_exercises, cases, limits, msg_w, processes)
        # A fresh folder for each start: what a killed run wrote there is gone.
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir()
        jail.prepare_workdir(self.copy_root, workdir, uid)
        if self.user_boundary:
            fallback.own_folder(workdir, uid)
        argv, inside, keras_home = child_command(
            self.copy_root,
            workdir,
            job_r,
            sandboxed=self.sandboxed,
            cells_mode=self.cells_mode,
            disk_mb=limits.disk_mb,
        )
        group = self._group()
        if group is not None:
            argv = group.wrap(argv)  # the run enters its cgroup before bwrap starts
        env = _child_env(inside, self.lang, keras_home)
        if uid is not None:
            env["GENCOURSE_GRADE_UID"] = str(uid)
        if self.user_boundary:  # not the host's shared /tmp: the user's own folder
            env["TMPDIR"] = str(workdir)
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
            self._end_group(group)
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
                target=_read_messages,
                # Only the planned cells and the asked exercises: anything else is a violation.
                args=(os.fdopen(msg_r, "rb"), inbox, _expected(cells, exercises)),
                daemon=True,
            ),
            threading.Thread(target=_write_job, args=(job_w, job), daemon=True),
        ]
        for reader in readers:
            reader.start()
        steps = Steps(
            [("cell", c.index) for c in cells] + [("exercise", e) for e in exercises], limits
        )
        try:
            return self._drive(proc, inbox, t0, runs, cell_errors, exercises, steps, group)
        finally:
            self._kill(proc)
            self._end_group(group)
            if self.user_boundary:  # no PID namespace: the user's processes, wherever they went
                fallback.end_user(uid)
                fallback.remove_files_of(uid)
            self.stopper.discard(proc)
            for reader in readers:
                reader.join(timeout=5)

    def _base(self) -> str | None:
        """Where this run's temporary folders go (one the run's own user can reach, if it has one)."""
        return fallback.temp_base() if self.user_boundary else None

    @staticmethod
    def _kill(proc: subprocess.Popen) -> None:
        _kill_group(proc)  # bwrap's namespace ends with it: every process of the submission
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass

    def _group(self) -> cgroup.Group | None:
        """This start's cgroup, where the grader can make one (else the run's record says so)."""
        if not self.sandboxed:
            return None
        where, _why = cgroup.place()
        if where is None:
            return None
        ceiling = (self.limits.memory_mb + STARTUP_MB) * 2**20
        group = cgroup.make(where, ceiling, jail.MAX_PROCESSES)
        if group is None:  # the place refused this one: say what held instead
            self.held = held(self.sandboxed, cgroups=False)
        return group

    def _end_group(self, group: cgroup.Group | None) -> None:
        if group is None:
            return
        peak = group.peak()
        if peak is not None:
            self.memory_peak = max(self.memory_peak or 0, peak)
        group.kill()
        for _ in range(40):  # the PID namespace's last processes may take a moment to go
            group.remove()
            if not any(d.exists() for d in group._dirs):
                break
            time.sleep(0.05)

    def _drive(
        self, proc, inbox, t0, runs, cell_errors, exercises, steps: Steps, group=None
    ) -> _Stop:
        """Follows the child's messages on the grader's clock (``steps``) until it is done or stopped."""
        limits = self.limits
        total_end = t0 + limits.total_timeout
        memory = Problem("memory", detail={"mb": limits.memory_mb})
        while True:
            end = min(steps.deadline, total_end) if steps.ready else steps.deadline
            try:
                header, payload = inbox.get(timeout=min(max(end - time.monotonic(), 0.0), 0.5))
            except queue.Empty:
                if self.stopper.stopping:
                    self._kill(proc)
                    interrupted = Problem("crash", detail={"code": "interrupted"})
                    return _Stop(False, interrupted, steps.where)
                if time.monotonic() < end:
                    continue
                self._kill(proc)
                if group is not None and group.oom_kills():
                    return _Stop(False, memory, steps.where)
                if steps.ready and time.monotonic() >= total_end:
                    problem = Problem("total_timeout", detail={"seconds": limits.total_timeout})
                    return _Stop(False, problem, steps.where)
                if steps.where is None:
                    seconds = limits.cell_timeout if steps.ready else limits.startup_timeout
                    return _Stop(False, Problem("startup", detail={"seconds": seconds}), None)
                timeout = Problem("timeout", detail={"seconds": limits.cell_timeout})
                return _Stop(False, timeout, steps.where)
            if header == "eof":
                return self._died(proc, steps.where, group)
            event = header.get("event")
            if event == "ready" and steps.on_ready():
                used = group.memory_used() if group is not None else None
                if used is not None:  # from now on: what the imports hold, plus the limit
                    group.set_memory(used + limits.memory_mb * 2**20)
                continue
            if event == "cell" and steps.on_start(("cell", header.get("index"))):
                continue
            if event == "cell_done" and steps.on_done(("cell", header.get("index"))):
                error = header.get("error")
                if error:
                    cell_errors[steps.last[1]] = str(error)[:100]
                if error == "MemoryError" or (group is not None and group.oom_kills()):
                    # What the cell allocated may still be held by a global: start afresh.
                    self._kill(proc)
                    return _Stop(False, memory, steps.last)
                continue
            if event == "exercise" and steps.on_start(("exercise", header.get("name"))):
                continue
            if event == "exercise_done" and steps.current == ("exercise", header.get("name")):
                name = steps.current[1]
                if group is not None and group.oom_kills():
                    self._kill(proc)  # one of its processes was killed for memory
                    return _Stop(False, memory, steps.current)
                try:
                    runs[name] = self._exercise_run(name, header, payload, self.packs.get(name))
                except wire.WireError:
                    self._kill(proc)
                    return _Stop(False, Problem("crash", detail={"code": "protocol"}), steps.where)
                steps.on_done(("exercise", name))
                continue
            if event == "done" and steps.finished and all(e in runs for e in exercises):
                return _Stop(True)
            self._kill(proc)
            return _Stop(False, Problem("crash", detail={"code": "protocol"}), steps.where)

    def _died(self, proc, where, group=None) -> _Stop:
        try:
            code = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # alive, but it closed the grader's pipe
            self._kill(proc)
            return _Stop(False, Problem("crash", detail={"code": "protocol"}), where)
        oom = group is not None and group.oom_kills() > 0
        if oom or (code is not None and code < 0 and -code == signal.SIGKILL):
            # Killed for its cgroup's memory, or not by us: the system's out-of-memory killer.
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


def _expected(cells, exercises) -> wire.Expected:
    """The messages one start of the child may send: its planned cells and asked exercises."""
    return wire.Expected(frozenset(c.index for c in cells), frozenset(exercises))


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
