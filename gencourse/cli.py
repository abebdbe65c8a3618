"""The ``gencourse`` command line: release student notebooks, run lessons, grade, rebuild weights.

Instructors' own assignments: ``new-assignment``, ``release <assignment>`` and
``grade --assignment`` (see :mod:`gencourse.assign`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gencourse.i18n import LANGUAGES, default_language


def course_root(given: str | None) -> Path:
    """The course folder: --root, $GENCOURSE_ROOT, the current folder, or the package's parent."""
    for candidate in (given, os.environ.get("GENCOURSE_ROOT"), os.getcwd()):
        if candidate and (Path(candidate) / "solutions").is_dir():
            return Path(candidate).resolve()
    return Path(__file__).resolve().parent.parent


def cmd_release(args) -> int:
    from gencourse import release

    if args.assignment:
        from gencourse.assign.cli import run_release

        if args.check or args.force:
            print("error: --check and --force apply to the lessons only", file=sys.stderr)
            return 2
        return run_release(args)
    if args.out or args.students:
        print("error: --out and --students need an assignment folder", file=sys.stderr)
        return 2
    root = course_root(args.root)
    report = release.release(root, check=args.check, force=args.force)
    for path in report.written:
        print(f"wrote     {path.relative_to(root)}")
    for path in report.kept:
        print(
            f"kept      {path.relative_to(root)}: it was edited after it was generated; "
            "rerun with --force to overwrite it (the edits will be lost)"
        )
    if args.check:
        for path in report.drifted:
            print(f"outdated  {path.relative_to(root)}: run `gencourse release` and commit it")
        if report.drifted:
            return 1
        print(f"{len(report.unchanged)} student notebooks match their masters.")
    return 1 if report.kept else 0


def cmd_run(args) -> int:
    from gencourse import release, runner

    root = course_root(args.root)
    langs = LANGUAGES if args.lang == "all" else (args.lang,)
    failed = False
    for lang in langs:
        try:
            result = runner.run_lesson(
                root, args.lesson, lang, args.mode, args.source, args.out, args.cell_timeout
            )
        except release.LessonNotFound as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        status = "ok" if result.ok else f"FAILED: {result.error}"
        print(f"{result.lesson} [{lang}, {args.mode}] {result.seconds:.1f} s  {status}")
        print(f"  notebook: {result.notebook}\n  log:      {result.log}")
        failed |= not result.ok
    return 1 if failed else 0


def cmd_lessons(args) -> int:
    from gencourse import release

    for name in release.available_lessons(course_root(args.root)):
        print(name)
    return 0


def cmd_grade(args) -> int:
    if args.assignment:  # the grader knows no assignments: it is handed one to judge on
        from gencourse.assign.cli import run_grade as run_assignment

        return run_assignment(args, course_root(args.root))
    from gencourse.grade.cli import run_grade

    return run_grade(args, course_root(args.root))


def cmd_autograder(args) -> int:
    from gencourse.autograder.cli import run

    return run(args, course_root(args.root))


def cmd_new_assignment(args) -> int:
    from gencourse.assign.cli import run_new

    return run_new(args, course_root(args.root))


def cmd_rebuild(args) -> int:
    """Trains the shipped judge or pretrained models again and writes their weights and cards."""
    from gencourse import pretrained
    from gencourse.quiet import import_tensorflow_quietly

    unknown = [n for n in getattr(args, "names", []) if n not in pretrained.RECIPES]
    if unknown:
        known = ", ".join(pretrained.RECIPES)
        print(
            f"error: no pretrained model {', '.join(unknown)}; choose from {known}", file=sys.stderr
        )
        return 2
    out = Path(args.out) if args.out else pretrained.WEIGHTS
    import_tensorflow_quietly()
    if args.what == "judge":
        from gencourse.models.judge import rebuild_judge

        accuracy = rebuild_judge(out, epochs=args.epochs)
        print(f"judge: held-out accuracy {accuracy:.2%}, written to {out}")
    else:
        pretrained.rebuild(args.names or None, out)
    return 0


def cmd_site(args) -> int:
    from gencourse.site import cli as site_cli

    return site_cli.run(args, course_root(args.root))


def cmd_augment(args) -> int:
    if args.setting == "unlabelled":  # lesson 06
        from gencourse.semi.cli import run
    else:
        from gencourse.augment.cli import run

    return run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gencourse", description="Tools of the gencourse generative-models course."
    )
    parser.add_argument("--root", help="the course folder (default: found automatically)")
    sub = parser.add_subparsers(dest="command", required=True)

    from gencourse.assign import cli as assign_cli

    p = sub.add_parser(
        "release",
        help="generate notebooks/ (stubs) from solutions/ (masters), or release an assignment",
    )
    p.add_argument("--check", action="store_true", help="write nothing; fail if any is outdated")
    p.add_argument("--force", action="store_true", help="overwrite notebooks somebody edited")
    assign_cli.add_release_arguments(p)
    p.set_defaults(func=cmd_release)

    p = sub.add_parser(
        "new-assignment", help="start an assignment of your own: a private master and checks file"
    )
    assign_cli.add_new_arguments(p)
    p.set_defaults(func=cmd_new_assignment)

    p = sub.add_parser("run", help="execute a lesson headless; save the notebook and a log")
    p.add_argument("lesson", help="e.g. 02_vae, 02 or vae")
    p.add_argument(
        "--lang",
        choices=[*LANGUAGES, "all"],
        default=default_language(),
        help="the edition to run, or all (default: $GENCOURSE_LANG, else en)",
    )
    p.add_argument("--mode", choices=["quick", "full"], default="full")
    p.add_argument("--source", choices=["solutions", "notebooks"], default="solutions")
    p.add_argument("--out", help="output folder (default: <root>/runs)")
    p.add_argument("--cell-timeout", type=int, default=900, help="seconds allowed per cell")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("lessons", help="list the lessons")
    p.set_defaults(func=cmd_lessons)

    p = sub.add_parser("grade", help="grade submitted notebooks; write a gradebook and feedback")
    from gencourse.grade.cli import add_arguments

    add_arguments(p)
    p.set_defaults(func=cmd_grade)

    p = sub.add_parser(
        "autograder", help="a Gradescope autograder zip for a lesson or an assignment"
    )
    from gencourse.autograder.cli import add_arguments as add_autograder_arguments

    add_autograder_arguments(p)
    p.set_defaults(func=cmd_autograder)

    p = sub.add_parser("rebuild", help="train the shipped weights again (minutes on a CPU)")
    what = p.add_subparsers(dest="what", required=True)
    judge = what.add_parser("judge", help="the judge classifier of gencourse.models.judge")
    judge.add_argument(
        "--epochs", type=int, default=30, help="training epochs (default: 30, as shipped)"
    )
    pre = what.add_parser("pretrained", help="the lessons' pretrained VAE, GAN and cGAN")
    pre.add_argument("names", nargs="*", metavar="NAME", help="models to retrain (default: all)")
    for q in (judge, pre):
        q.add_argument(
            "--out", help="folder for the weights and cards (default: gencourse/weights)"
        )
    p.set_defaults(func=cmd_rebuild)

    p = sub.add_parser(
        "augment", help="lesson 05's experiment: does a cGAN help with few labels? (CSV, PNG)"
    )
    from gencourse.augment import cli as augment_cli

    augment_cli.add_arguments(p)
    p.set_defaults(func=cmd_augment)

    p = sub.add_parser("site", help="build the course's website (Sphinx): site/ko, site/en")
    from gencourse.site import cli as site_cli

    site_cli.add_arguments(p)
    p.set_defaults(func=cmd_site)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
