"""``gencourse new-assignment`` and ``gencourse release <assignment>``: options and console lines.

Errors are said in one line or two (``$GENCOURSE_LANG``'s language), never
as a traceback: an :class:`~gencourse.assign.spec.AssignmentError` names the
rule, a :class:`~gencourse.assign.errors.ChecksError` the checks file's line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gencourse.i18n import LANGUAGES, default_language, t


def add_new_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", help="the new assignment's folder; its name is the assignment's")
    p.add_argument(
        "--from",
        dest="lesson",
        help="a lesson to start from (e.g. 02_vae); default: a small worked example",
    )
    p.add_argument(
        "--lang",
        choices=[*LANGUAGES, "all"],
        default=default_language(),
        help="the editions to make: ko, en or all (default: $GENCOURSE_LANG, else en)",
    )


def add_release_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "assignment", nargs="?", help="an assignment folder to release (default: the lessons)"
    )
    p.add_argument("--out", help="with an assignment: the folder to write the release to")
    p.add_argument(
        "--students",
        help="with an assignment: a roster (one student id per line) for per-student notebooks",
    )


def _say_error(exc) -> int:
    from gencourse.assign.errors import ChecksError

    lang = default_language()
    if isinstance(exc, ChecksError):  # it says whose error it is itself
        print(exc.message(lang), file=sys.stderr)
    else:
        print(t("assign.cli.error", lang, message=t(exc.key, lang, **exc.values)), file=sys.stderr)
    return 2


def run_new(args, root: Path) -> int:
    from gencourse.assign.spec import AssignmentError
    from gencourse.assign.template import new_assignment

    langs = LANGUAGES if args.lang == "all" else (args.lang,)
    if args.lang == "all":  # the checks file's comments: the console's language first
        langs = (default_language(), *(lang for lang in LANGUAGES if lang != default_language()))
    try:
        written = new_assignment(Path(args.folder), args.lesson, langs, root)
    except AssignmentError as exc:
        return _say_error(exc)
    files = "\n".join(f"  {path}" for path in written)
    print(
        t(
            "assign.cli.created",
            default_language(),
            name=Path(args.folder).name,
            files=files,
            folder=args.folder,
        )
    )
    return 0


def run_grade(args, root: Path) -> int:
    """``gencourse grade --assignment FOLDER``: the course's grader, judging on the assignment."""
    from gencourse.assign.grading import judge
    from gencourse.grade.cli import run_grade as grade

    return grade(args, root, judge=judge(args.assignment))


def run_release(args) -> int:
    from gencourse.assign import public
    from gencourse.assign.errors import ChecksError
    from gencourse.assign.release import read_roster, release
    from gencourse.assign.spec import AssignmentError
    from gencourse.quiet import import_tensorflow_quietly

    if not args.out:
        print("error: --out is required with an assignment", file=sys.stderr)
        return 2
    import_tensorflow_quietly()  # a checks file may use Keras; keep its log lines out
    try:
        students = read_roster(args.students) if args.students else None
        done = release(args.assignment, args.out, students)
    except (AssignmentError, ChecksError) as exc:
        return _say_error(exc)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        t(
            "assign.cli.released",
            default_language(),
            notebooks=len(done.notebooks),
            checks=len(done.checks),
            out=args.out,
            file=public.file_name(Path(args.assignment).resolve().name),
        )
    )
    return 0
