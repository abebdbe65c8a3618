"""Grading one submission: read it, plan its cells, run it sandboxed, judge it here.

The judging happens in this (the grader's) process, on the plain arrays the
sandbox sent back, with the same :mod:`gencourse.check` exercises the
notebooks use. Their inputs are drawn from the batch's secret seed, which
never enters a sandbox, so an answer must be computed, not known. A result is a plain dictionary (JSON-ready) holding points,
statuses, the reasons for anything that went wrong as message keys, and each
exercise's verdict in both languages, so feedback can be written in either.

An instructor's assignment (a :class:`~gencourse.grade.judging.Judge`) brings its own exercises
(``registry``), may judge each student on exercises and cases of their own
(``per_student``), and its checks file's errors are the instructor's
(``checks_error``): such an exercise is marked ``checks_error``, not failed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import threading
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from gencourse import check
from gencourse.check.core import (
    Case,
    Recorded,
    RecordsMismatch,
    drawn_cases,
    evaluate_recorded,
)
from gencourse.grade import bounded, fallback, jail, plan, submission
from gencourse.grade.judging import Judging
from gencourse.grade.redact import without_values
from gencourse.grade.sandbox import (
    ExerciseRun,
    Interrupted,
    Limits,
    Problem,
    RunReport,
    Sandbox,
    Stopper,
)
from gencourse.i18n import LANGUAGES, t

# Problems that cut a run short; an "output" problem costs nothing.
_CUTTING = {"timeout", "memory", "crash", "total_timeout"}


@dataclass
class Context:
    """What every submission of one batch is graded with."""

    lesson: str
    exercises: list[str]
    limits: Limits = field(default_factory=Limits)
    cells: str = "needed"
    lang: str = "en"
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: The secret seed the checking inputs are drawn from (None: the notebooks' own inputs).
    seed: int | None = None
    #: False with ``--no-sandbox``: the children run as plain processes of the grading account.
    sandboxed: bool = True
    stopper: Stopper = field(default_factory=Stopper)
    #: The exercises by name (default: the course's own, :data:`gencourse.check.EXERCISES`).
    registry: dict | None = None
    #: ``per_student(submission_id) -> Judging``: exercises and cases of each student's own.
    per_student: object = None
    #: ``checks_error(exc, exercise) -> dict``: an exercise author's error, told as such.
    checks_error: object = None
    #: What else decides a result (an assignment's checks file, say), for the fingerprint.
    extra_fingerprint: str | None = None
    #: ``student_of(submission_id) -> str``: whose submission it is, where that matters.
    student_of: object = None
    #: The boundary the runs have (:data:`gencourse.grade.fallback.BOUNDARIES`; default:
    #: bubblewrap if ``sandboxed``, else none). ``fallback.USER`` goes with ``sandboxed=False``.
    boundary: str | None = None

    def __post_init__(self):
        if self.boundary is None:
            self.boundary = fallback.BUBBLEWRAP if self.sandboxed else fallback.NONE
        if self.boundary not in fallback.BOUNDARIES:
            raise ValueError(f"Unknown boundary. Received: boundary={self.boundary!r}")
        if self.registry is None:
            self.registry = check.EXERCISES
        unknown = [n for n in self.exercises if n not in self.registry]
        if unknown:
            raise ValueError(f"Unknown exercises {unknown}. Known: {sorted(self.registry)}")
        exercises = {n: self.registry[n] for n in self.exercises}
        self.batch = Judging(
            exercises, {n: drawn_cases(ex, self.seed) for n, ex in exercises.items()}
        )
        self.cases = self.batch.cases
        self.case_inputs = self.batch.case_inputs
        self.packs = self.batch.packs
        self._fingerprint = None
        self._copy: Path | None = None
        self._copy_lock = threading.Lock()

    def grading_copy(self) -> Path:
        """The grading copy of the package every sandbox of the batch sees (made once)."""
        with self._copy_lock:
            if self._copy is None:
                base = fallback.temp_base() if self.boundary == fallback.USER else None
                self._copy = jail.build_copy(
                    Path(tempfile.mkdtemp(prefix="gencourse-copy-", dir=base)), self.cells
                )
            return self._copy

    def close(self) -> None:
        """Removes the grading copy."""
        with self._copy_lock:
            if self._copy is not None:
                shutil.rmtree(self._copy, ignore_errors=True)
                self._copy = None

    def judging(self, sub_id: str) -> Judging:
        """What submission ``sub_id`` is judged on (the batch's, unless each student has their own)."""
        if self.per_student is None:
            return self.batch
        with self.lock:  # drawing cases patches NumPy's default_rng for a moment
            return self.per_student(sub_id)

    def fingerprint(self) -> str:
        """A hash of everything that decides a result, besides the file itself."""
        if self._fingerprint is None:
            self._fingerprint = self._compute_fingerprint()
        return self._fingerprint

    def _compute_fingerprint(self) -> str:
        pkg = Path(check.__file__).resolve().parent.parent
        sources = sorted((pkg / "check").glob("*.py")) + sorted((pkg / "grade").glob("*.py"))
        code = hashlib.sha256()
        for path in sources:
            code.update(path.name.encode() + b"\0" + path.read_bytes())
        limits = asdict(self.limits)
        limits.pop("startup_timeout", None)
        settings = {
            "lesson": self.lesson,
            "exercises": [(n, self.registry[n].points) for n in self.exercises],
            "limits": limits,
            "cells": self.cells,
            "code": code.hexdigest(),
            "sandboxed": self.sandboxed,
            "boundary": self.boundary,
        }
        if self.extra_fingerprint is not None:
            settings["extra"] = self.extra_fingerprint
        if self.seed is not None:  # the seed's hash only: the fingerprint is stored in results
            settings["seed"] = hashlib.sha256(str(self.seed).encode()).hexdigest()
        return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:20]


def _msg(key: str, **values) -> dict:
    return {lang: t(key, lang, **values) for lang in LANGUAGES}


def first_line(source: str, width: int = 50) -> str:
    """The first non-blank line of a cell, short and without backticks."""
    for line in source.splitlines():
        if line.strip():
            line = line.strip().replace("`", "'")
            return line if len(line) <= width else line[: width - 1] + "…"
    return ""


def problem_entry(problem: Problem) -> dict:
    """A problem as a message key and its values (cells numbered from 1, as people count)."""
    values = dict(problem.detail)
    if problem.kind in ("timeout", "memory", "crash"):
        if problem.cell is not None:
            return {
                "key": f"grade.problem.cell.{problem.kind}",
                "values": {"cell": problem.cell + 1, **values},
            }
        return {
            "key": f"grade.problem.exercise.{problem.kind}",
            "values": {"name": problem.exercise, **values},
        }
    return {"key": f"grade.problem.{problem.kind}", "values": values}


def _exercise(
    name: str, run: ExerciseRun | None, ctx: Context, sub, report, judging: Judging | None = None
) -> tuple[dict, list]:
    """Judges one exercise; returns its entry and the problems it adds."""
    judging = judging or ctx.batch
    ex = judging.exercises[name]
    entry = {
        "name": name,
        "points": 0.0,
        "possible": ex.points,
        "status": "missing",
        "cases_passed": 0,
        "cases": 0,
        "hint": None,
    }
    extra = []
    if run is None:
        run = ExerciseRun(name, "failed", problem=Problem("startup"))
    if run.state == "ran":
        with ctx.lock:  # Keras computes some references; one judge at a time
            try:
                cases = [_shown(case) for case in judging.cases[name]]
                result = evaluate_recorded(ex, [_scrubbed(r) for r in run.records], cases)
            except RecordsMismatch:
                result = None
            except Exception as exc:
                if ctx.checks_error is None:
                    raise  # the course's own checks: the grader's bug
                return _checks_error_entry(entry, ctx.checks_error(exc, name)), extra
        if result is None:
            entry.update(status="crash", message=_msg("grade.ex.crash", name=name, code="protocol"))
            return entry, extra
        entry.update(
            status=result.status,
            cases_passed=result.cases_passed,
            cases=len(result.outcomes),
            points=result.points,
            hint=(result.first_failure().hint if result.first_failure() else None),
        )
        entry["message"] = {lang: result.message(lang) for lang in LANGUAGES}
        if run.library or run.tampered:
            calls = ", ".join(run.library) or "sys.setprofile"
            key = "library" if run.library else "tampered"
            entry.update(points=0.0, status=f"{key}_call" if key == "library" else "tampered")
            entry["message"] = _msg(f"grade.ex.{key}", name=name, calls=calls)
            extra.append({"key": f"grade.problem.{key}", "values": {"name": name, "calls": calls}})
        return entry, extra
    if run.state == "not_callable":
        entry.update(status="not_callable")
        entry["message"] = _msg("check.not_callable", name=name, type=run.type_name)
        return entry, extra
    if run.state == "missing":
        by_index = {c.index: c for c in sub.cells}
        bad = {p.cell: p for p in report.problems if p.cell is not None}
        reasons = []
        for index in plan.defining_cells(sub.cells, name):
            if index in bad:
                cut = problem_entry(bad[index])
                reasons.append(_msg(cut["key"], **cut["values"]))
            elif index in report.cell_errors:
                reasons.append(
                    _msg(
                        "grade.fb.cell_error",
                        cell=index + 1,
                        first_line=first_line(by_index[index].source),
                        error=report.cell_errors[index],
                    )
                )
        head = _msg("grade.ex.not_defined" if reasons else "grade.ex.missing", name=name)
        lines = [head, *reasons]
        entry["message"] = {lang: "\n   ".join(m[lang] for m in lines) for lang in LANGUAGES}
        return entry, extra
    kind = run.problem.kind if run.problem else "startup"
    entry.update(status=kind)
    values = {"name": name, **(run.problem.detail if run.problem else {})}
    entry["message"] = _msg(f"grade.ex.{kind}", **values)
    return entry, extra


def _shown(case: Case) -> Case:
    """The case as feedback may name it: a hidden case by no label or hint of its own."""
    if not case.hidden:
        return case
    return replace(case, label="grade.case.hidden", hint=None)


def _scrubbed(record: Recorded) -> Recorded:
    """A record whose error text (the learner's, maybe holding the inputs) shows no values."""
    if "text" not in record.detail:
        return record
    return replace(record, detail={**record.detail, "text": without_values(record.detail["text"])})


def _checks_error_entry(entry: dict, error: dict) -> dict:
    """An exercise the instructor's checks could not judge: no score, no blame on the student."""
    entry.update(status="checks_error", checks_error=error)
    entry["message"] = _msg("assign.ex.checks_error", name=entry["name"])
    return entry


def _unique(entries: list[dict]) -> list[dict]:
    seen, kept = set(), []
    for entry in entries:
        key = json.dumps(entry, sort_keys=True)
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


def _summary(entries: list[dict]) -> tuple[float, float, float]:
    total = round(sum(e["points"] for e in entries), 4)
    possible = round(sum(e["possible"] for e in entries), 4)
    percent = round(100.0 * total / possible, 1) if possible else 0.0
    return total, possible, percent


def rejected_result(
    sub_id: str, sha: str | None, ctx: Context, key: str, values: dict, status="rejected"
) -> dict:
    entries = [
        {
            "name": n,
            "points": 0.0,
            "possible": ctx.registry[n].points,
            "status": status,
            "cases_passed": 0,
            "cases": 0,
            "hint": None,
            "message": None,
        }
        for n in ctx.exercises
    ]
    total, possible, percent = _summary(entries)
    return {
        "submission": sub_id,
        "sha256": sha,
        "fingerprint": ctx.fingerprint(),
        "lang": None,
        "status": status,
        "problems": [{"key": key, "values": values}],
        "cell_errors": [],
        "exercises": entries,
        "total": total,
        "possible": possible,
        "percent": percent,
        "sandboxed": ctx.boundary != fallback.NONE,
        "boundary": ctx.boundary,
    }


def grade_one(path: Path, sub_id: str, ctx: Context) -> tuple[dict, bytes]:
    """Grades one submission; returns its result and the (capped) output of its run."""
    try:
        sub = submission.load(path, ctx.lesson)
    except submission.Rejected as rejected:
        sha = None
        try:  # what a resumed batch compares: only a file the grader would read
            sha = submission.sha256_of(bounded.read_file(path, submission.MAX_BYTES))
        except (OSError, bounded.TooLarge):
            pass
        return rejected_result(sub_id, sha, ctx, rejected.key, rejected.values), b""
    _stop_if_stopping(ctx)
    try:
        judging = ctx.judging(sub_id)
    except Exception as exc:
        if ctx.checks_error is None:
            raise
        error = ctx.checks_error(exc, None)
        result = rejected_result(
            sub_id, sub.sha256, ctx, "assign.problem.checks", _error_values(error), "checks_error"
        )
        for entry in result["exercises"]:
            _checks_error_entry(entry, error)
        return result, b""
    cells = plan.plan(sub.cells, ctx.exercises, ctx.cells, check=lambda: _stop_if_stopping(ctx))
    sandbox = Sandbox(
        ctx.limits,
        sub.lang or ctx.lang,
        copy_root=ctx.grading_copy,
        sandboxed=ctx.sandboxed,
        cells=ctx.cells,
        stopper=ctx.stopper,
        user_boundary=ctx.boundary == fallback.USER,
    )
    report: RunReport = sandbox.run(
        cells, ctx.exercises, judging.case_inputs, ctx.exercises, judging.packs
    )
    entries, extra = [], []
    for name in ctx.exercises:
        entry, more = _exercise(name, report.exercises.get(name), ctx, sub, report, judging)
        entries.append(entry)
        extra += more
    errors = [e["checks_error"] for e in entries if e["status"] == "checks_error"]
    extra += [{"key": "assign.problem.checks", "values": _error_values(e)} for e in errors]
    if ctx.student_of is not None and sub.student and sub.student != ctx.student_of(sub_id):
        # Released to someone else: costs nothing by itself, but the instructor should know.
        values = {"released_to": sub.student, "student": ctx.student_of(sub_id)}
        extra.append({"key": "assign.problem.other_student", "values": values})
    order = {n: i for i, n in enumerate(ctx.exercises)}

    def sort_key(p: Problem):
        if p.cell is not None:
            return (0, p.cell, p.kind)
        if p.exercise is not None:
            return (1, order.get(p.exercise, 99), p.kind)
        return (2, 0, p.kind)

    problems = sorted(report.problems, key=sort_key)
    by_index = {c.index: c for c in sub.cells}
    total, possible, percent = _summary(entries)
    if any(p.kind == "startup" for p in problems):
        status = "error"
    elif errors:
        status = "checks_error"
    elif any(p.kind in _CUTTING for p in problems):
        status = "incomplete"
    else:
        status = "ok"
    result = {
        "submission": sub_id,
        "sha256": sub.sha256,
        "fingerprint": ctx.fingerprint(),
        "lang": sub.lang,
        "status": status,
        "problems": _unique([problem_entry(p) for p in problems] + extra),
        "cell_errors": [
            {"cell": i + 1, "error": e, "first_line": first_line(by_index[i].source)}
            for i, e in sorted(report.cell_errors.items())
            if i in by_index and not any(p.cell == i for p in problems)
        ],
        "exercises": entries,
        "total": total,
        "possible": possible,
        "percent": percent,
        "sandboxed": ctx.boundary != fallback.NONE,
        "boundary": ctx.boundary,
    }
    return result, report.output


def _stop_if_stopping(ctx: Context) -> None:
    """Ends this submission's grading (parsing, planning) once the batch is stopping (Ctrl-C)."""
    if ctx.stopper.stopping:
        raise Interrupted()


def _error_values(error: dict) -> dict:
    """A checks error as the values of its gradebook message."""
    where = f"{error['path']}:{error['line']}" if error.get("line") else error["path"]
    return {"where": where, "error": error["error"]}
