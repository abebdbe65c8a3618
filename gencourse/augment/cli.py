"""``gencourse augment``: lesson 05's experiment from the command line.

Writes ``augment.csv`` (every run), ``summary.csv`` (mean and standard
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
    arms = [a.strip() for a in text.split(",") if a.strip()]
    unknown = [a for a in arms if a not in augment.ARMS]
    if unknown or not arms:
        raise argparse.ArgumentTypeError(
            f"arms must come from {','.join(augment.ARMS)}. Received: {text!r}"
        )
    # 'real' is every comparison's reference: always run.
    return [a for a in augment.ARMS if a in arms or a == "real"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declares the options of ``gencourse augment`` on its subparser ``p``."""
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
        "--arms",
        type=_arm_list,
        default=list(augment.ARMS),
        help=f"arms to run, comma-separated (default: all): {','.join(augment.ARMS)}",
    )
    p.add_argument("--quick", action="store_true", help="tiny training budgets (for CI)")
    p.add_argument("--steps", type=int, help="the recogniser's gradient steps")
    p.add_argument("--cgan-steps", type=int, help="the cGAN's gradient steps")


def _progress(lang):
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
            bar["bar"] = tqdm(total=total, desc=t("augment.progress", lang), unit="model")
        bar["bar"].set_postfix_str(text)
        bar["bar"].update(done - bar["bar"].n)

    return update, lambda: bar and bar["bar"].close()


def _error(text: str) -> int:
    print(f"error: {text}", file=sys.stderr)
    return 2


def run(args) -> int:
    """Runs the grid the options ask for; writes the files and prints the reading (exit code)."""
    if args.seeds < 1:
        return _error(f"--seeds must be at least 1. Received: --seeds {args.seeds}")
    if args.synthetic < 1:
        return _error(f"--synthetic must be at least 1. Received: --synthetic {args.synthetic}")
    bad = [n for n in args.n if not 1 <= n <= 400]
    if bad:
        return _error(
            "every --n must lie in 1..400: mnist5k has 400 training digits per class "
            f"(the other 100 are held out). Received: --n {','.join(map(str, args.n))}"
        )
    for name in ("steps", "cgan_steps"):
        value = getattr(args, name)
        if value is not None and value < 1:
            return _error(f"--{name.replace('_', '-')} must be at least 1. Received: {value}")
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
            args.n, list(range(args.seeds)), args.synthetic, budget, args.arms, progress=progress
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
