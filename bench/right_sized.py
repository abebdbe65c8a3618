"""Lesson 05's live slice: do the right-sized makers and recogniser change a conclusion?

Runs the grid's cells at one n (default 10) for several seeds twice in one process,
alternating by seed: with the full recipe (``gencourse.augment.FULL``: lesson 04's cGAN
width, 600 maker steps, 400 recogniser steps) and with the right-sized one the lesson
runs live (``gencourse.augment.LESSON``). Prints each recipe's time per cell, each arm's
accuracy (mean ± std over seeds), the paired difference LESSON - FULL per arm, and the
conclusions each recipe's table prints, so a reader can compare them line by line.

    .venv/bin/python bench/right_sized.py                   # n = 10, seeds 0-2
    .venv/bin/python bench/right_sized.py --seeds 5 --n 20
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="tiny budgets (the smoke test)")
    args = parser.parse_args()
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    from gencourse import augment
    from gencourse.data import load

    data = load("mnist5k")
    recipes = {"full": augment.FULL, "lesson": augment.LESSON}
    if args.quick:
        recipes = {name: augment.QUICK for name in recipes}
    print(f"cpu cores: {os.cpu_count()}; load average at the start: {os.getloadavg()[0]:.1f}")
    for name, budget in recipes.items():
        print(f"{name:>6}: {budget}")
    rows = {name: [] for name in recipes}
    seconds = {name: [] for name in recipes}
    for seed in range(args.seeds):
        for name, budget in recipes.items():
            started = time.perf_counter()
            run = augment.run_once(data, args.n, seed, 100, budget, augment.ARMS)
            seconds[name].append(time.perf_counter() - started)
            rows[name] += [
                {"n": args.n, "arm": arm, "seed": seed, "accuracy": acc}
                for arm, acc in run.accuracies.items()
            ]
            print(f"seed {seed} {name:>6}: {seconds[name][-1]:.0f} s", flush=True)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    for name in recipes:
        print(f"{name}: {np.mean(seconds[name]):.0f} s per cell (n = {args.n})")
    by = {name: {(r["arm"], r["seed"]): r["accuracy"] for r in rows[name]} for name in recipes}
    print("\n| arm | full (%) | lesson (%) | lesson - full, paired (points) |")
    print("| --- | --- | --- | --- |")
    for arm in augment.ARMS:
        full = np.array([by["full"][arm, s] for s in range(args.seeds)])
        small = np.array([by["lesson"][arm, s] for s in range(args.seeds)])
        diff = 100 * (small - full)
        spread = f" ± {diff.std(ddof=1):.1f}" if args.seeds > 1 else ""
        print(
            f"| {augment.arm_name(arm, 'en')} | {100 * full.mean():.1f} | {100 * small.mean():.1f} "
            f"| {diff.mean():+.1f}{spread} |"
        )
    for name in recipes:
        print(f"\nconclusions with the {name} recipe:")
        for line in augment.conclusions(augment.summarize(rows[name]), "en"):
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
