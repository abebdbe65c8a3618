"""Lesson 06's live slice: how many semi-supervised GAN steps, chosen on validation digits.

The live slice trains ``ssgan_classic`` and its ablation (the same discriminator with the
unsupervised loss off) for three seeds inside the lesson's 5 minutes, so it needs fewer
than the full recipe's 6,000 steps. This benchmark trains both at each step count for each
seed and scores them on that seed's validation digits (``augment.validation_subset``,
as many as the labelled digits); the test digits are not read. It prints each arm's
validation accuracy, the paired difference "what the GAN adds" (ssgan_classic minus the
ablation) per step count, and the seconds per model, so the smallest step count whose
difference agrees with the full recipe's within the spread can be read off.

    .venv/bin/python bench/ssgan_steps.py                      # n = 10, seeds 0-2
    .venv/bin/python bench/ssgan_steps.py --configs 3000x50x250 --seeds 0,1
    .venv/bin/python bench/ssgan_steps.py --quick              # the smoke test

A config STEPSxBATCHxWIDTH trains for STEPS steps of BATCH labelled and BATCH unlabelled
digits a discriminator with hidden layers (WIDTH, WIDTH/2, WIDTH/2); 6000x100x500 is the
full recipe (``semi.FULL``).
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np


def _ints(text):
    return [int(v) for v in text.split(",") if v.strip()]


def _configs(text):
    """ "6000x100x500,3000x50x250" -> [(6000, 100, 500), (3000, 50, 250)]."""
    out = []
    for item in text.split(","):
        steps, batch, width = (int(v) for v in item.lower().split("x"))
        out.append((steps, batch, width))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10)
    parser.add_argument("--seeds", type=_ints, default=[0, 1, 2])
    parser.add_argument("--configs", type=_configs, default=_configs("6000x100x500,3000x50x250"))
    parser.add_argument("--quick", action="store_true", help="tiny budgets (the smoke test)")
    args = parser.parse_args(argv)
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    from gencourse import augment, semi
    from gencourse.data import load
    from gencourse.semi import methods

    data = load("mnist5k")
    budget = semi.QUICK if args.quick else semi.FULL
    configs = [(3, 16, 8), (5, 16, 8)] if args.quick else args.configs
    names = [f"{s}x{b}x{w}" for s, b, w in configs]
    print(f"cpu cores: {os.cpu_count()}; load average at the start: {os.getloadavg()[0]:.1f}")
    print(f"n = {args.n}, seeds {args.seeds}, configs (steps x batch x width) {names}")
    acc = {}  # (steps, arm, seed) -> validation accuracy
    seconds = {}
    for seed in args.seeds:
        part = augment.sets.split(data, args.n, seed)
        x_val, y_val = augment.validation_subset(data, args.n, seed)
        copies = augment.sets.with_classic_copies(
            part.x, part.y, budget.synthetic_per_class, seed, data.num_classes
        )
        for steps, (n_steps, batch, width) in zip(names, configs, strict=True):
            for arm, weight in (("ssgan_classic", 1.0), ("ssgan_supervised", 0.0)):
                started = time.perf_counter()
                model = methods.train_semi_gan(
                    copies, part.u, n_steps, batch, seed, unsupervised_weight=weight,
                    hidden=(width, width // 2, width // 2),
                )  # fmt: skip
                seconds.setdefault((steps, arm), []).append(time.perf_counter() - started)
                acc[steps, arm, seed] = float(np.mean(model.classify(x_val) == y_val))
                print(
                    f"seed {seed} config {steps} {arm}: validation {acc[steps, arm, seed]:.1%} "
                    f"({seconds[steps, arm][-1]:.0f} s)",
                    flush=True,
                )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    print(
        "\n| steps | ssgan_classic (%) | ablation (%) | GAN adds, paired (points) | s per model |"
    )
    print("| --- | --- | --- | --- | --- |")
    for steps in names:
        on = np.array([acc[steps, "ssgan_classic", s] for s in args.seeds])
        off = np.array([acc[steps, "ssgan_supervised", s] for s in args.seeds])
        diff = 100 * (on - off)
        spread = f" ± {diff.std(ddof=1):.1f}" if len(diff) > 1 else ""
        per = " / ".join(
            f"{np.mean(seconds[steps, a]):.0f}" for a in ("ssgan_classic", "ssgan_supervised")
        )
        print(
            f"| {steps} | {100 * on.mean():.1f} | {100 * off.mean():.1f} | "
            f"{diff.mean():+.1f}{spread} ({len(diff)} seeds) | {per} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
