"""``gencourse augment``: lesson 05's experiment from the command line (and lesson 06's).

With ``--setting unlabelled`` the command runs lesson 06's grid instead
(:mod:`gencourse.semi.cli`, which shares these options).
Lesson 05's writes ``augment.csv`` (every run), ``summary.csv`` (mean and standard
deviation per n and arm) and ``augment.png`` (accuracy against n) to ``--out``,
and prints the table and the conclusions computed from it.
:func:`add_arguments` declares the options; :func:`run` carries them out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gencourse import augment
from gencourse.i18n import LANGUAGES, default_language, set_language, t


def _int_list(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected whole numbers separated by commas, e.g. 10,20,50. Received: {text!r}"
        ) from None
    if not values:
        raise argparse.ArgumentTypeError(f"expected at least one number. Received: {text!r}")
    return values


def _arm_list(text: str) -> list[str]:
    from gencourse.augment.sets import SEMI_ARMS

    arms = [a.strip() for a in text.split(",") if a.strip()]
    known = augment.ARMS + tuple(a for a in SEMI_ARMS if a not in augment.ARMS)
    unknown = [a for a in arms if a not in known]
    if unknown or not arms:
        raise argparse.ArgumentTypeError(
            f"arms must come from {','.join(augment.ARMS)} (--setting scarce) or "
            f"{','.join(SEMI_ARMS)} (--setting unlabelled). Received: {text!r}"
        )
    return arms


def chosen_arms(arms, setting_arms) -> list[str] | None:
    """The arms asked for, in table order, with 'real' (every comparison's reference) added.

    None if one of them is not an arm of this setting.
    """
    if arms is None:
        return list(setting_arms)
    if any(a not in setting_arms for a in arms):
        return None
    return [a for a in setting_arms if a in arms or a == "real"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declares the options of ``gencourse augment`` on its subparser ``p``."""
    from gencourse.augment.sets import SEMI_ARMS

    p.add_argument(
        "--n", type=_int_list, default=[10, 20, 50, 100], help="labelled digits per class"
    )
    p.add_argument("--seeds", type=int, default=3, help="seeds per n (0, 1, ...)")
    p.add_argument("--synthetic", type=int, default=100, help="extra images per class")
    p.add_argument("--out", default="augment_results", help="output folder")
    p.add_argument(
        "--lang",
        choices=list(LANGUAGES),
        default=default_language(),
        help="language of the table, plot and conclusions (default: $GENCOURSE_LANG, else en)",
    )
    p.add_argument(
        "--setting",
        choices=("scarce", "unlabelled"),
        default="scarce",
        help="scarce: lesson 05 (n labelled digits per class and nothing else); unlabelled: "
        "lesson 06 (the other training digits also, without labels)",
    )
    p.add_argument(
        "--arms",
        type=_arm_list,
        default=None,
        help=f"arms to run, comma-separated (default: all). Scarce: {','.join(augment.ARMS)}. "
        f"Unlabelled: {','.join(SEMI_ARMS)}",
    )
    p.add_argument("--quick", action="store_true", help="tiny training budgets (for CI)")
    p.add_argument(
        "--recipe",
        choices=("full", "lesson"),
        default="full",
        help="the grid's training sizes: full (scarce: lesson 04's cGAN, 600 maker steps, "
        "400 recogniser steps; unlabelled: 6,000 GAN steps) or lesson (the lesson's live "
        "slice: right-sized makers, fewer GAN steps)",
    )
    p.add_argument(
        "--ship",
        metavar="FILE",
        help="also write the rows with their provenance (commit, date, machine, wall time, "
        "seeds, budget, recipe hash, this command) to FILE, e.g. gencourse/results/x.json",
    )
    p.add_argument("--steps", type=int, help="the recogniser's gradient steps")
    p.add_argument("--cgan-steps", type=int, help="the cGAN's gradient steps (scarce)")
    p.add_argument(
        "--ssgan-steps", type=int, help="the semi-supervised GAN's gradient steps (unlabelled)"
    )
    grid = p.add_argument_group(
        "running the grid",
        "Each finished (n, seed) cell is saved in OUT/cells; the same command again "
        "skips the finished cells (resumes after Ctrl-C or a crash).",
    )
    grid.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="run the cells in N worker processes, each with cores/N TensorFlow threads "
        "(default: one after another in this process)",
    )
    grid.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="send the cells to an existing Dask cluster, e.g. tcp://10.0.0.5:8786 "
        "(needs pip install 'gencourse[cluster]' here and on the workers)",
    )
    grid.add_argument(
        "--threads",
        type=int,
        metavar="T",
        help="TensorFlow threads per cell with --workers or --scheduler "
        "(default: cores/N with --workers, 1 on Dask)",
    )
    grid.add_argument(
        "--fresh",
        action="store_true",
        help="discard the cells an earlier run saved in --out and start over",
    )


def _error(text: str) -> int:
    print(f"error: {text}", file=sys.stderr)
    return 2


def common_errors(args, most: int = 200) -> str | None:
    """What is wrong with the options both settings share, or None."""
    if args.seeds < 1:
        return f"--seeds must be at least 1. Received: --seeds {args.seeds}"
    if args.synthetic < 1:
        return f"--synthetic must be at least 1. Received: --synthetic {args.synthetic}"
    bad = [n for n in args.n if not 1 <= n <= most]
    if bad:
        return (
            f"every --n must lie in 1..{most}: mnist5k has 400 training digits per class "
            "(the other 100 are the test digits), and each n keeps as many for validation"
            + ("; lesson 06 leaves at least one of each unlabelled" if most < 200 else "")
            + f". Received: --n {','.join(map(str, args.n))}"
        )
    for name in ("steps", "cgan_steps", "ssgan_steps", "workers", "threads"):
        value = getattr(args, name, None)
        if value is not None and value < 1:
            return f"--{name.replace('_', '-')} must be at least 1. Received: {value}"
    return grid_errors(args)


def grid_errors(args) -> str | None:
    """What is wrong with how the grid is asked to run (--workers, --scheduler), or None."""
    import importlib.util

    scheduler = getattr(args, "scheduler", None)
    if scheduler is not None and getattr(args, "workers", None) is not None:
        return "give --workers (this machine) or --scheduler (a Dask cluster), not both"
    if scheduler is not None and importlib.util.find_spec("distributed") is None:
        return (
            "--scheduler needs Dask's distributed scheduler: pip install 'gencourse[cluster]' "
            "(or pip install 'dask[distributed]')"
        )
    return None


def run_options(args) -> dict:
    """The run_grid keywords that say where the cells run and are kept."""
    return {
        "out": Path(args.out),
        "fresh": args.fresh,
        "workers": args.workers,
        "scheduler": args.scheduler,
        "threads": args.threads,
    }


def run_grid_or_exit(run_grid, lang: str, progress_key: str, *args, **kwargs):
    """``run_grid(*args, progress=bar, **kwargs)``, or an exit code when the grid stops.

    Returns ``(results, None)``, or ``(None, 2)`` when ``--out`` holds cells of
    other parameters, ``(None, 130)`` after Ctrl-C (with one line saying how
    many cells are saved and that the same command resumes).
    """
    from gencourse import grid

    bar = grid.GridBar(t(progress_key, lang))
    try:
        return run_grid(*args, progress=bar, **kwargs), None
    except grid.GridConflict as conflict:
        return None, _error(str(conflict))
    except grid.GridInterrupted as stop:
        bar.close()
        folder = Path(stop.out) / "cells"
        text = t("grid.interrupted", lang, finished=stop.finished, total=stop.total, folder=folder)
        print(f"\n{text}", file=sys.stderr)
        return None, 130


def run(args) -> int:
    """Runs the grid the options ask for; writes the files and prints the reading (exit code)."""
    problem = common_errors(args)
    if problem:
        return _error(problem)
    arms = chosen_arms(getattr(args, "arms", None), augment.ARMS)
    if arms is None:
        return _error(
            f"with --setting scarce, --arms must come from {','.join(augment.ARMS)}. "
            f"Received: --arms {','.join(args.arms)}"
        )
    if args.ssgan_steps is not None:
        return _error("--ssgan-steps belongs to --setting unlabelled; use --cgan-steps here.")
    set_language(args.lang)
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    recipe = augment.LESSON if args.recipe == "lesson" else augment.FULL
    budget = augment.QUICK if args.quick else recipe
    budget = augment.with_budget(budget, recogniser_steps=args.steps, cgan_steps=args.cgan_steps)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results, code = run_grid_or_exit(
        augment.run_grid,
        args.lang,
        "augment.progress",
        args.n,
        list(range(args.seeds)),
        args.synthetic,
        budget,
        arms,
        **run_options(args),
    )
    if results is None:
        return code
    summary = results.summary()
    if args.ship:
        from gencourse.augment import provenance

        provenance.ship_from_args(results, "scarce", args, arms)
    augment.write_csv(results.rows, out / "augment.csv")
    augment.write_csv(summary, out / "summary.csv")
    if results.quality:
        augment.write_csv(results.quality, out / "quality.csv")
    fig = augment.plot_accuracy(summary, args.lang)
    fig.savefig(out / "augment.png", dpi=120)
    print()
    augment.print_summary(summary, args.lang)
    print()
    if results.quality:
        augment.print_quality(augment.summarize_quality(results.quality), args.lang)
        print()
    for line in augment.conclusions(summary, args.lang):
        print(line)
    print()
    print(
        f"{results.seconds:.0f} s; budget: {budget}; synthetic per class: {args.synthetic}\n"
        f"wrote {out / 'augment.csv'}, {out / 'summary.csv'}, {out / 'augment.png'}"
    )
    return 0
