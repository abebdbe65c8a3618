"""Grading a batch of submissions in parallel workers, resumable after a crash.

Each submission's result is written to ``OUT/results/<name>.json`` as soon as
it is graded, with the file's hash and a fingerprint of the settings and of
the grading code. A later run over the same folder reuses every result whose
file and fingerprint still match, so a batch that died part-way loses only
the submissions it was grading, and re-grading gives the same gradebook.
A result that failed on the grader's side (its process never started, the
grader's own error) is never reused: a later run grades it again.

The checking inputs are drawn from a secret seed kept in ``OUT/seed``
(made on the first run, readable by the grading account only), so a resumed
or repeated run draws the same inputs and gives the same gradebook.

Besides the gradebook (``gradebook.csv``, ``gradebook.json``) a batch writes
the two forms instructors upload: ``scores.csv`` (one row per student: id,
each exercise's points, total) and ``gradescope/<name>.json`` (one
Gradescope autograder ``results.json`` per submission).

An instructor's assignment (``judge=``, a
:class:`~gencourse.grade.judging.Judge` that :mod:`gencourse.assign` makes)
is graded the same way, on its own exercises; an error in its checks file
stops the batch before any submission when it shows on the batch's cases,
and otherwise marks the exercises it hit ``checks_error`` (graded again on
the next run), listed once in :attr:`BatchResult.checks_errors`.

Ctrl-C stops the batch cleanly: no new submission starts, the running
sandboxes are ended, and the gradebook of what finished is written before
:class:`Interrupted` reaches the caller.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from gencourse import check, release
from gencourse.files import atomic_write
from gencourse.grade import book, bounded, fallback, jail, outlock, secretfile, submission
from gencourse.grade.grader import Context, grade_one, rejected_result
from gencourse.grade.judging import LessonJudge
from gencourse.grade.limits import held
from gencourse.grade.outlock import Locked
from gencourse.grade.sandbox import Interrupted as _RunInterrupted
from gencourse.grade.sandbox import Limits
from gencourse.grade.secretfile import Unreadable as SeedUnreadable
from gencourse.i18n import t


class LessonMissing(LookupError):
    """The lesson named for grading has no notebook in the course."""

    def __init__(self, lesson: str, available: list[str]):
        super().__init__(lesson)
        self.lesson, self.available = lesson, available


class NoExercises(LookupError):
    """The lesson exists but has no exercise the checks know."""

    def __init__(self, lesson: str):
        super().__init__(lesson)
        self.lesson = lesson


class Interrupted(Exception):
    """Ctrl-C stopped the batch; ``batch`` holds what finished (its gradebook is written)."""

    def __init__(self, batch):
        super().__init__("interrupted")
        self.batch = batch


#: Statuses of results that failed on the grader's side: graded again on the next run.
GRADER_SIDE = ("error", "checks_error")


__all__ = ["Locked", "SeedUnreadable", "grade_batch", "read_seed"]


def read_seed(out: Path) -> int:
    """The batch's secret seed, from ``OUT/seed`` (made atomically, mode 0600, if absent).

    Raises:
        SeedUnreadable: if the file exists but holds no seed (never replaced:
            a new seed would change every earlier result).
    """
    return secretfile.read_or_make(Path(out) / "seed")


def lesson_exercises(root, lesson: str) -> tuple[str, list[str]]:
    """The lesson's full name and its graded exercises, in notebook order.

    The exercises are the names in the released notebook's cell metadata that
    :data:`gencourse.check.EXERCISES` knows, so a new lesson's exercises are
    graded as soon as their checks exist.
    """
    root = Path(root)
    for source in ("notebooks", "solutions"):
        for lang in release.LANGS:
            try:
                path = release.find_lesson(root, lesson, lang, source)
            except release.LessonNotFound:
                continue
            nb = release.read(path)
            names = [n for n in release.exercises(nb) if n in check.EXERCISES]
            return path.stem, names
    raise LessonMissing(lesson, release.available_lessons(root))


def _walk(folder: Path, rel: str = ""):
    """``(id, path, kind)`` under ``folder``, links neither followed nor entered (kind: file, link, other)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        sub_id = f"{rel}{entry.name}"
        path = Path(entry.path)
        if entry.is_symlink():
            # A link to a notebook or to a folder is handed in as a submission: reported.
            if entry.name.endswith(".ipynb") or os.path.isdir(path):
                yield sub_id, path, "link"
        elif entry.is_dir(follow_symlinks=False):
            if entry.name != ".ipynb_checkpoints":
                yield from _walk(path, f"{sub_id}/")
        elif entry.name.endswith(".ipynb"):
            kind = "file" if entry.is_file(follow_symlinks=False) else "other"
            yield sub_id, path, kind


def _given(given: Path):
    """The submissions one command-line argument names: a folder walked, or one file."""
    try:
        info = os.lstat(given)
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode) and not given.is_dir():
        yield given.name, given, "link"  # a file named directly is judged as a walk would
    elif given.is_dir():  # the folder the instructor named is followed, what is inside is not
        yield from _walk(given)
    else:
        yield given.name, given, "file" if stat.S_ISREG(info.st_mode) else "other"


def find_entries(paths) -> list[tuple[str, Path, str]]:
    """``(id, path, kind)`` for every notebook named or found (recursively) in the given folders.

    The id is the path relative to the folder given (or the file's name), so
    it does not depend on where the grader runs; ids are unique and sorted.
    Links are never followed: a link (to a file or a folder) named like a
    submission has kind ``link``; a notebook-named entry that is no regular
    file (a pipe, a device) has kind ``other``; both are reported, not graded.
    The same path reached twice (a file named and its folder walked) counts once.
    """
    found: dict[str, tuple[Path, str]] = {}
    seen: set[str] = set()
    for given in paths:
        for sub_id, path, kind in _given(Path(given)):
            key = os.path.abspath(path)
            if key in seen:
                continue
            seen.add(key)
            unique, n = sub_id, 2
            while unique in found:
                unique, n = f"{sub_id}#{n}", n + 1
            found[unique] = (path, kind)
    return [(sub_id, path, kind) for sub_id, (path, kind) in sorted(found.items())]


def find_submissions(paths) -> list[tuple[str, Path]]:
    """``(id, path)`` of every submission :func:`find_entries` finds, links and others included."""
    return [(sub_id, path) for sub_id, path, _ in find_entries(paths)]


@dataclass
class BatchResult:
    results: list[dict]
    not_graded: list[str]
    reused: int
    csv: Path
    json: Path
    feedback: Path
    outputs: dict = field(default_factory=dict)
    not_finished: list = field(default_factory=list)
    #: Each distinct error of an assignment's checks file, once: ``{"error": {...}, "submissions": [...]}``.
    checks_errors: list = field(default_factory=list)
    #: Students with more than one submission: ``{student: [submission, ...]}`` (all graded).
    same_student: dict = field(default_factory=dict)
    #: What the batch was graded on (its ``checks_error_text`` says a checks error).
    judge: object = None


def _result_path(out: Path, sub_id: str, names: dict) -> Path:
    return out / "results" / f"{names[sub_id]}.json"


def _unique_names(ids: list[str]) -> dict[str, str]:
    names, used = {}, set()
    for sub_id in ids:
        name, n = book.safe_name(sub_id), 2
        while name in used:
            name, n = f"{book.safe_name(sub_id)}-{n}", n + 1
        used.add(name)
        names[sub_id] = name
    return names


def _previous(path: Path, sha: str | None, fingerprint: str) -> dict | None:
    try:
        result = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(result, dict) or sha is None:
        return None
    if result.get("status") in GRADER_SIDE:
        return None  # the grader's failure, not the submission's: grade it again
    if result.get("sha256") == sha and result.get("fingerprint") == fingerprint:
        return result
    return None


def grade_batch(
    paths,
    lesson: str,
    out,
    *,
    root=None,
    limits: Limits | None = None,
    workers: int | None = None,
    cells: str = "needed",
    lang: str = "en",
    feedback_lang: str = "auto",
    fresh: bool = False,
    sandbox: bool = True,
    seed: int | None = None,
    judge=None,
    say=print,
    boundary: str | None = None,
) -> BatchResult:
    """Grades every submission and writes the gradebook and feedback under ``out``.

    Args:
        paths: notebook files and folders holding them.
        lesson: e.g. ``"02_vae"`` (or ``"02"``, ``"vae"``); ignored with ``assignment``.
        out: the output folder (``gradebook.csv``, ``gradebook.json``,
            ``feedback/``, ``results/``, ``logs/``).
        root: the course folder (default: this package's parent).
        limits: time, memory and output limits per submission.
        workers: submissions graded at once (default: the number of CPUs).
        cells: ``"needed"`` (the cells the exercises depend on) or ``"all"``.
        lang: the language of the gradebook's reasons and of console lines.
        feedback_lang: ``"ko"``, ``"en"`` or ``"auto"`` (each notebook's own language).
        fresh: grade everything again instead of reusing earlier results.
        sandbox: run each submission in bubblewrap (False: ``--no-sandbox``;
            every row is then marked unsandboxed).
        seed: the secret seed of the checking inputs (default: ``OUT/seed``,
            made on the first run).
        judge: ``judge(seed) -> Judge``: what to grade on instead of the
            lesson (an instructor's assignment: see
            :func:`gencourse.assign.grading.judge`).
        say: where console lines go.
        boundary: ``fallback.USER`` (``"unprivileged user"``): no bubblewrap, each
            run as a user of its own, the secret material closed to others while
            the batch runs (root only; see :mod:`gencourse.grade.fallback`).
            Default: bubblewrap if ``sandbox``, else none.

    Raises:
        LessonMissing: if the lesson does not exist.
        NoExercises: if it has no exercise to grade.
        gencourse.grade.jail.Unavailable: if ``sandbox`` and bwrap cannot run.
        gencourse.grade.judging.JudgeError: the judge's own error (a broken
            assignment folder, a checks file that fails on the batch's cases).
        Interrupted: on Ctrl-C, after writing the gradebook of what finished.
    """
    root = Path(root) if root else Path(__file__).resolve().parent.parent.parent
    if boundary is None:
        boundary = fallback.BUBBLEWRAP if sandbox else fallback.NONE
    if boundary == fallback.USER:
        sandbox = False
        if not fallback.possible():
            raise jail.Unavailable("grade.sandbox.fallback_not_root")
        if fallback.unreachable():
            raise jail.Unavailable("grade.sandbox.fallback_python")
    if judge is None:
        lesson_name, exercises = lesson_exercises(root, lesson)
        if not exercises:
            raise NoExercises(lesson_name)
    if sandbox:
        jail.check_available()
    out = Path(out)
    (out / "results").mkdir(parents=True, exist_ok=True)
    secret = []  # what the fallback's users must not read (nothing to close for bubblewrap)
    if boundary == fallback.USER:
        package = jail._package()  # its references and checks; a checkout's solutions beside it
        secret = [out, root / "solutions", package, package.parent / "solutions"]
        secret.append(getattr(judge, "folder", None))
        secret += [Path(p) for p in paths]
    with (
        fallback.protected(secret),
        outlock.hold(out, unsupported=lambda: say(t("grade.cli.lock_unsupported", lang))),
    ):
        seed = read_seed(out) if seed is None else seed
        own = LessonJudge(lesson_name, exercises) if judge is None else judge(seed)
        lesson_name, exercises, options = own.name, own.names, own.context_options()
        ctx = Context(
            lesson_name,
            exercises,
            limits or Limits(),
            cells,
            lang,
            seed=seed,
            sandboxed=sandbox,
            boundary=boundary,
            **options,
        )
        try:
            done = _grade(
                ctx, paths, out, lesson_name, exercises, lang, feedback_lang, fresh, say, workers
            )
        except Interrupted as exc:
            exc.batch.judge = own
            raise
        else:
            done.judge = own
            return done
        finally:
            ctx.stopper.stop()  # nothing of the batch outlives it
            ctx.close()


@contextlib.contextmanager
def _ctrl_c_deferred(flag: list):
    """Ctrl-C while the block runs is noted in ``flag`` instead of raised (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, lambda *_: flag.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _sha(path: Path) -> str | None:
    """The file's hash, if it is one the grader would read (a regular file within the bound)."""
    try:
        return submission.sha256_of(bounded.read_file(path, submission.MAX_BYTES))
    except (OSError, bounded.TooLarge):
        return None


def _not_graded(sub_id: str, path: Path, kind: str, ctx) -> dict:
    """The result of a link or another file that is not a notebook file: reported, not graded."""
    if kind == "link":
        try:
            target = book.console_name(os.readlink(path))[:120]
        except OSError:
            target = "?"
        return rejected_result(sub_id, None, ctx, "grade.reject.link", {"target": target})
    return rejected_result(sub_id, None, ctx, "grade.reject.not_file", {})


def _same_student(results: list[dict], lesson_name: str) -> dict[str, list[str]]:
    """Students with more than one submission: ``{student: [submission, ...]}``."""
    by_student: dict[str, list[str]] = {}
    for result in results:
        student = book.student_id(result["submission"], lesson_name)
        by_student.setdefault(student, []).append(result["submission"])
    return {s: subs for s, subs in by_student.items() if len(subs) > 1}


def _with_same_student(result: dict, student: str, subs: list[str]) -> dict:
    """A copy of ``result`` whose problems name the student's other submissions."""
    others = ", ".join(book.console_name(s)[:80] for s in subs if s != result["submission"])
    note = {"key": "grade.problem.same_student", "values": {"student": student, "others": others}}
    return {**result, "problems": [*result["problems"], note]}


def _grade(ctx, paths, out, lesson_name, exercises, lang, feedback_lang, fresh, say, workers):
    fingerprint = ctx.fingerprint()
    interrupted = False
    subs, results, pending, reused = [], {}, [], 0
    try:
        entries = find_entries(paths)
        subs = [(sub_id, path) for sub_id, path, _ in entries]
        names = _unique_names([sub_id for sub_id, _ in subs])
        for sub_id, path, kind in entries:
            if kind != "file":
                results[sub_id] = _not_graded(sub_id, path, kind, ctx)
                continue
            sha = _sha(path)
            previous = (
                None if fresh else _previous(_result_path(out, sub_id, names), sha, fingerprint)
            )
            if previous is not None:
                previous["submission"] = sub_id
                results[sub_id] = previous
                reused += 1
            else:
                pending.append((sub_id, path))
    except KeyboardInterrupt:  # while the folder was read: write what is known, then stop
        interrupted, pending = True, []
        names = _unique_names([sub_id for sub_id, _ in subs])
    if reused:
        say(t("grade.cli.reused", lang, n=reused))

    def fb_lang(result: dict) -> str:
        return (result["lang"] or lang) if feedback_lang == "auto" else feedback_lang

    def finish(sub_id: str, result: dict, output: bytes) -> None:
        # The result first: it is what a resumed batch relies on.
        atomic_write(
            _result_path(out, sub_id, names),
            json.dumps(result, ensure_ascii=False, indent=1) + "\n",
        )
        atomic_write(
            out / "feedback" / f"{names[sub_id]}.md",
            book.feedback(result, lesson_name, fb_lang(result)),
        )
        if output:
            atomic_write(out / "logs" / f"{names[sub_id]}.log", output)

    def work(sub_id: str, path: Path):
        try:
            return grade_one(path, sub_id, ctx)
        except _RunInterrupted:
            raise
        except Exception as exc:  # the grader's bug: this submission only
            text = f"{type(exc).__name__}: {str(exc)[:200]}"
            return rejected_result(
                sub_id, None, ctx, "grade.problem.internal", {"error": text}, "error"
            ), b""

    workers = max(1, workers or os.cpu_count() or 1)
    futures: dict = {}
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        futures = {pool.submit(work, sub_id, path): sub_id for sub_id, path in pending}
        for future in as_completed(futures):
            sub_id = futures[future]
            try:
                result, output = future.result()
            except _RunInterrupted:
                continue
            results[sub_id] = result
            finish(sub_id, result, output)
            say(
                t(
                    "grade.cli.line",
                    lang,
                    submission=book.console_name(sub_id),
                    total=result["total"],
                    possible=result["possible"],
                    status=result["status"],
                )
            )
    except KeyboardInterrupt:
        interrupted = True
        ctx.stopper.stop()  # no new sandbox starts; the running ones (and their parsing) end now
        pool.shutdown(wait=True, cancel_futures=True)
        for future, sub_id in futures.items():
            if sub_id in results or not future.done() or future.cancelled():
                continue
            try:
                result, output = future.result()
            except BaseException:
                continue
            results[sub_id] = result
            finish(sub_id, result, output)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

    late = []  # a Ctrl-C while the gradebook is written: written whole first, then obeyed
    with _ctrl_c_deferred(late):
        done = _write_book(ctx, out, subs, results, names, lesson_name, exercises, lang, fb_lang)
    done.reused = reused
    done.same_student = _same_student(done.results, lesson_name)
    if done.same_student:
        students = ", ".join(book.console_name(s)[:80] for s in done.same_student)
        say(t("grade.cli.same_student", lang, students=students))
    if interrupted or late:
        done.not_finished = [sub_id for sub_id, _ in subs if sub_id not in results]
        raise Interrupted(done)
    return done


def _write_book(ctx, out, subs, results, names, lesson_name, exercises, lang, fb_lang):
    """Writes the gradebook, the exports and every feedback file; the batch's result."""
    ordered = [results[sub_id] for sub_id, _ in subs if sub_id in results]
    twice = _same_student(ordered, lesson_name)
    for i, result in enumerate(ordered):
        student = book.student_id(result["submission"], lesson_name)
        if student in twice:
            ordered[i] = _with_same_student(result, student, twice[student])
    for result in ordered:  # feedback of reused results too, in the language asked for now
        name = names[result["submission"]]
        atomic_write(
            out / "feedback" / f"{name}.md",
            book.feedback(result, lesson_name, fb_lang(result)),
        )
        atomic_write(
            out / "gradescope" / f"{name}.json", book.gradescope_json(result, fb_lang(result))
        )
    csv_path, json_path = out / "gradebook.csv", out / "gradebook.json"
    atomic_write(csv_path, book.gradebook_csv(ordered, exercises, lang))
    atomic_write(out / "scores.csv", book.scores_csv(ordered, exercises, lesson_name))
    meta = [{"name": n, "points": ctx.registry[n].points} for n in exercises]
    user = ctx.boundary == fallback.USER
    promises = {
        "sandboxed": ctx.boundary != fallback.NONE,
        "boundary": ctx.boundary,
        "cells": ctx.cells,
        "limits": held(ctx.sandboxed, user=user),
    }
    atomic_write(json_path, book.gradebook_json(ordered, lesson_name, meta, lang, promises))
    not_graded = [r["submission"] for r in ordered if r["status"] in ("rejected", "error")]
    done = BatchResult(ordered, not_graded, 0, csv_path, json_path, out / "feedback")
    done.checks_errors = _checks_errors(ordered)
    return done


def _checks_errors(results: list[dict]) -> list[dict]:
    """Each distinct error of an assignment's checks file, with the submissions it held up."""
    found: dict[str, dict] = {}
    for result in results:
        for entry in result["exercises"]:
            error = entry.get("checks_error")
            if entry.get("status") != "checks_error" or not error:
                continue
            key = json.dumps(error, sort_keys=True)
            item = found.setdefault(key, {"error": error, "submissions": []})
            if result["submission"] not in item["submissions"]:
                item["submissions"].append(result["submission"])
    return list(found.values())
