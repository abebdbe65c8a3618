"""``gencourse augment``: lesson 05's experiment from the command line.

Writes ``augment.csv`` (every run), ``summary.csv`` (mean and standard
deviation per n and arm) and ``augment.png`` (accuracy against n) to ``--out``,
and prints the table and the conclusions computed from it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def _progress(lang):
    """A progress callback: a tqdm bar when tqdm is installed, else one line per model."""
    from gencourse.i18n import t

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


def run_augment(args) -> int:
    from gencourse import augment
    from gencourse.i18n import set_language

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
    import gencourse

    gencourse._import_tensorflow_quietly()
    budget = augment.QUICK if args.quick else augment.FULL
    budget = augment.with_budget(budget, recogniser_steps=args.steps, cgan_steps=args.cgan_steps)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    progress, close = _progress(args.lang)
    try:
        results = augment.run_grid(
            args.n, list(range(args.seeds)), args.synthetic, budget, progress=progress
        )
    finally:
        close()
    summary = results.summary()
    augment.write_csv(results.rows, out / "augment.csv")
    augment.write_csv(summary, out / "summary.csv")
    fig = augment.plot_accuracy(summary, args.lang)
    fig.savefig(out / "augment.png", dpi=120)
    print()
    augment.print_summary(summary, args.lang)
    print()
    for line in augment.conclusions(summary, args.lang):
        print(line)
    print()
    print(
        f"{results.seconds:.0f} s; budget: {budget}; synthetic per class: {args.synthetic}\n"
        f"wrote {out / 'augment.csv'}, {out / 'summary.csv'}, {out / 'augment.png'}"
    )
    return 0
