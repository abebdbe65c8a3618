"""``gencourse grade``: the options and the console report (kept light: no TensorFlow at import)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gencourse.i18n import LANGUAGES, default_language


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("submissions", nargs="+", help="notebook files, or folders holding them")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--lesson", help="e.g. 02_vae, 02 or vae")
    which.add_argument(
        "--assignment", help="an instructor's assignment folder (see gencourse new-assignment)"
    )
    p.add_argument("--out", required=True, help="output folder for the gradebook and feedback")
    p.add_argument(
        "--lang",
        choices=list(LANGUAGES),
        default=default_language(),
        help="language of the gradebook's reasons and of these console lines "
        "(default: $GENCOURSE_LANG, else en)",
    )
    p.add_argument(
        "--feedback-lang",
        choices=["auto", *LANGUAGES],
        default="auto",
        help="language of the feedback files; auto: each notebook's own language",
    )
    p.add_argument("--workers", type=int, default=None, help="submissions at once (default: CPUs)")
    p.add_argument(
        "--cell-timeout", type=float, default=120.0, help="seconds per cell and per exercise"
    )
    p.add_argument("--total-timeout", type=float, default=900.0, help="seconds per submission")
    p.add_argument("--memory-mb", type=int, default=2048, help="memory a submission may use (MB)")
    p.add_argument("--output-mb", type=float, default=1.0, help="output kept per submission (MB)")
    p.add_argument(
        "--cells",
        choices=["needed", "all"],
        default="needed",
        help="run only the cells the exercises need (default), or every cell but the checks",
    )
    p.add_argument("--fresh", action="store_true", help="grade all again; reuse no earlier result")
    p.add_argument(
        "--no-sandbox",
        action="store_true",
        help="grade without bubblewrap (learner code runs as this account); rows are marked",
    )


def _known_lesson(root: Path, lesson: str) -> list[str] | None:
    """None if the lesson has a notebook; else the lessons there are (found without TensorFlow)."""
    from gencourse import release

    for source in ("notebooks", "solutions"):
        for lang in release.LANGS:
            try:
                release.find_lesson(root, lesson, lang, source)
                return None
            except release.LessonNotFound:
                continue
    return release.available_lessons(root)


def run_grade(args, root: Path, judge=None) -> int:
    """Runs ``gencourse grade``; ``judge`` (``judge(seed) -> Judge``) grades an assignment.

    The caller that knows assignments (``gencourse.assign.cli``) passes it, so
    that this package never imports :mod:`gencourse.assign`.
    """
    from gencourse.i18n import t

    lang = args.lang
    try:
        return _run_grade(args, root, judge)
    except KeyboardInterrupt:  # before the batch began, or while it wrote its files
        print(t("grade.cli.interrupted_early", lang), file=sys.stderr)
        return 130


def _run_grade(args, root: Path, judge=None) -> int:
    from gencourse.i18n import t

    lang = args.lang
    available = None if judge is not None else _known_lesson(Path(root), args.lesson)
    if available is not None:  # said at once, before TensorFlow loads
        available = ", ".join(available) or "-"
        print(
            t("grade.cli.no_lesson", lang, lesson=args.lesson, available=available),
            file=sys.stderr,
        )
        return 2
    from gencourse.grade import fallback, jail

    boundary = None
    if not args.no_sandbox:
        try:  # said at once too: grading without the sandbox is the instructor's choice
            jail.check_available()
        except jail.Unavailable as exc:
            if not fallback.possible():
                print(t(exc.args[0], lang, detail=jail.probe_detail()), file=sys.stderr)
                return 2
            where = fallback.unreachable()
            if where:  # the runs' users could not even start this Python: both reasons
                print(t(exc.args[0], lang, detail=jail.probe_detail()), file=sys.stderr)
                print(t("grade.sandbox.fallback_python", lang, detail=where), file=sys.stderr)
                return 2
            # A root grader in a container: a user of its own per run, not a refusal.
            boundary = fallback.USER
            reason = t(exc.args[0], lang, detail=jail.probe_detail()).splitlines()[0]
            print(t("grade.cli.fallback", lang, reason=reason), file=sys.stderr)
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()  # the judge's references use Keras; keep its log lines out
    from gencourse.grade.batch import (
        Interrupted,
        LessonMissing,
        Locked,
        NoExercises,
        SeedUnreadable,
        grade_batch,
    )
    from gencourse.grade.book import console_name
    from gencourse.grade.sandbox import Limits

    limits = Limits(
        cell_timeout=args.cell_timeout,
        total_timeout=args.total_timeout,
        memory_mb=args.memory_mb,
        output_cap=int(args.output_mb * 2**20),
    )
    from gencourse.grade.batch import find_submissions

    if not find_submissions(args.submissions):
        print(
            t("grade.cli.no_submissions", lang, paths=" ".join(args.submissions)), file=sys.stderr
        )
        return 2
    from gencourse.grade.judging import JudgeError

    try:
        batch = grade_batch(
            args.submissions,
            args.lesson,
            args.out,
            judge=judge,
            root=root,
            limits=limits,
            workers=args.workers,
            cells=args.cells,
            lang=lang,
            feedback_lang=args.feedback_lang,
            fresh=args.fresh,
            sandbox=not args.no_sandbox,
            boundary=boundary,
            say=lambda line: print(line, flush=True),
        )
    except jail.Unavailable as exc:
        detail = jail.probe_detail()
        print(t(exc.args[0], lang, detail=detail), file=sys.stderr)
        return 2
    except Interrupted as exc:
        done = exc.batch
        print(
            t(
                "grade.cli.interrupted",
                lang,
                graded=len(done.results),
                left=len(done.not_finished),
                csv=done.csv,
            ),
            file=sys.stderr,
        )
        return 130
    except Locked as exc:
        print(t("grade.cli.locked", lang, out=exc.folder, detail=exc.holder), file=sys.stderr)
        return 2
    except SeedUnreadable as exc:
        print(t("grade.cli.bad_seed", lang, path=exc.path, error=exc.error), file=sys.stderr)
        return 2
    except LessonMissing as exc:
        available = ", ".join(exc.available) or "-"
        print(
            t("grade.cli.no_lesson", lang, lesson=exc.lesson, available=available), file=sys.stderr
        )
        return 2
    except NoExercises as exc:
        print(t("grade.cli.no_exercises", lang, lesson=exc.lesson), file=sys.stderr)
        return 2
    except JudgeError as exc:  # e.g. checks that fail on the batch's cases: before any student
        print(exc.stop_line(lang), file=sys.stderr)
        return 2
    graded = len(batch.results) - len(batch.not_graded)
    print(
        t(
            "grade.cli.summary",
            lang,
            graded=graded,
            count=len(batch.results),
            csv=batch.csv,
            json=batch.json,
            feedback=batch.feedback,
        )
    )
    for item in batch.checks_errors:  # the instructor's error, said once, not per student
        print(
            t(
                "assign.cli.checks_error",
                lang,
                n=len(item["submissions"]),
                message=batch.judge.checks_error_text(item["error"], lang),
            )
        )
    if batch.not_graded:
        print(t("grade.cli.not_graded", lang, n=len(batch.not_graded)))
        for result in batch.results:
            if result["submission"] in batch.not_graded:
                from gencourse.grade.book import error_text

                print(f"  {console_name(result['submission'])}: {error_text(result, lang)}")
        return 1
    return 1 if batch.checks_errors else 0
