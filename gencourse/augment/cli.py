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
import time
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
    p.add_argument("--steps", type=int, help="the recogniser's gradient steps")
    p.add_argument("--cgan-steps", type=int, help="the cGAN's gradient steps (scarce)")
    p.add_argument(
        "--ssgan-steps", type=int, help="the semi-supervised GAN's gradient steps (unlabelled)"
    )


def _progress(lang, key="augment.progress"):
    """A progress callback: a tqdm bar when tqdm is installed, else one line per model."""
    try:
        from tqdm import tqdm
    except ImportError:  # plain text, one line per trained model
        start = time.perf_counter()

        def plain(done, total, text):
            elapsed = time.perf_counter() - start
            print(f"[{done}/{total}] {text} ({elapsed:.0f} s)", file=sys.stderr, flush=True)

        return plain, lambda: None
    bar = {}

    def update(done, total, text):
        if "bar" not in bar:
            bar["bar"] = tqdm(total=total, desc=t(key, lang), unit="model")
        bar["bar"].set_postfix_str(text)
        bar["bar"].update(done - bar["bar"].n)

    return update, lambda: bar and bar["bar"].close()


def _error(text: str) -> int:
    print(f"error: {text}", file=sys.stderr)
    return 2


def common_errors(args, most: int = 400) -> str | None:
    """What is wrong with the options both settings share, or None."""
    if args.seeds < 1:
        return f"--seeds must be at least 1. Received: --seeds {args.seeds}"
    if args.synthetic < 1:
        return f"--synthetic must be at least 1. Received: --synthetic {args.synthetic}"
    bad = [n for n in args.n if not 1 <= n <= most]
    if bad:
        return (
            f"every --n must lie in 1..{most}: mnist5k has 400 training digits per class "
            "(the other 100 are held out)"
            + ("; lesson 06 leaves at least one of each unlabelled" if most < 400 else "")
            + f". Received: --n {','.join(map(str, args.n))}"
        )
    for name in ("steps", "cgan_steps", "ssgan_steps"):
        value = getattr(args, name, None)
        if value is not None and value < 1:
            return f"--{name.replace('_', '-')} must be at least 1. Received: {value}"
    return None


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
    budget = augment.QUICK if args.quick else augment.FULL
    budget = augment.with_budget(budget, recogniser_steps=args.steps, cgan_steps=args.cgan_steps)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    progress, close = _progress(args.lang)
    try:
        results = augment.run_grid(
            args.n, list(range(args.seeds)), args.synthetic, budget, arms, progress=progress
        )
    finally:
        close()
    summary = results.summary()
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
