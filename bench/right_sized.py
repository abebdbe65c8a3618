"""The lessons' live slices: do the right-sized makers and recogniser change a conclusion?

Runs the grid's cells at one n (default 10) for several seeds twice in one process,
alternating by seed: with the full recipe (``gencourse.augment.FULL``: lesson 04's cGAN
width, 600 maker steps, 400 recogniser steps) and with the right-sized one the lesson
runs live (``gencourse.augment.LESSON``). Prints each recipe's time per cell, each arm's
accuracy (mean ± std over seeds), the paired difference LESSON - FULL per arm, and the
conclusions each recipe's table prints, so a reader can compare them line by line.

    .venv/bin/python bench/right_sized.py                   # n = 10, seeds 0-2
    .venv/bin/python bench/right_sized.py --seeds 5 --n 20
    .venv/bin/python bench/right_sized.py --setting unlabelled   # lesson 06

With ``--setting unlabelled`` the same for lesson 06: ``semi.FULL`` (6,000 GAN steps)
against ``semi.LESSON``, the live slice's arms (``semi.LIVE_ARMS``), lesson 06's
conclusions. ``--seeds-list 0,1`` runs only those seeds (two processes can share the work;
each prints its rows as JSON lines, and ``--merge FILE...`` prints the table from them).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np


def _setting(name, quick):
    """(recipes, arms, run one seed -> {arm: accuracy}, conclusions) of a setting."""
    from gencourse import augment, semi
    from gencourse.semi.verdicts import conclusions as semi_conclusions

    if name == "unlabelled":
        recipes = {"full": semi.FULL, "lesson": semi.LESSON}
        quick_budget, arms = semi.QUICK, semi.LIVE_ARMS

        def once(data, n, seed, budget):
            return semi.run_once(data, n, seed, budget, arms).accuracies

        conclusions = semi_conclusions
    else:
        recipes = {"full": augment.FULL, "lesson": augment.LESSON}
        # The diffusion arms are left out: the live slice never runs them, and both recipes
        # give the diffusion maker the same budget (only their recognisers differ there).
        quick_budget = augment.QUICK
        arms = tuple(arm for arm in augment.ARMS if arm not in augment.DIFFUSION_ARMS)

        def once(data, n, seed, budget):
            return augment.run_once(data, n, seed, 100, budget, arms).accuracies

        conclusions = augment.conclusions
    if quick:
        recipes = {name: quick_budget for name in recipes}
    return recipes, arms, once, conclusions


def _ints(text):
    return [int(v) for v in text.split(",") if v.strip()]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setting", choices=("scarce", "unlabelled"), default="scarce")
    parser.add_argument("--n", type=int, default=10)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--seeds-list", type=_ints, help="run only these seeds, e.g. 0,1")
    parser.add_argument("--merge", nargs="+", metavar="LOG", help="the table from earlier logs")
    parser.add_argument("--quick", action="store_true", help="tiny budgets (the smoke test)")
    args = parser.parse_args(argv)
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    from gencourse import augment
    from gencourse.data import load

    recipes, arms, once, conclusions = _setting(args.setting, args.quick)
    rows = {name: [] for name in recipes}
    seconds = {name: [] for name in recipes}
    if args.merge:
        for log in args.merge:
            for line in Path(log).read_text(encoding="utf-8").splitlines():
                if line.startswith("{"):
                    record = json.loads(line)
                    rows[record["recipe"]] += record["rows"]
                    seconds[record["recipe"]].append(record["seconds"])
    else:
        data = load("mnist5k")
        print(f"cpu cores: {os.cpu_count()}; load average at the start: {os.getloadavg()[0]:.1f}")
        for name, budget in recipes.items():
            print(f"{name:>6}: {budget}")
        for seed in args.seeds_list or range(args.seeds):
            for name, budget in recipes.items():
                started = time.perf_counter()
                accuracies = once(data, args.n, seed, budget)
                took = time.perf_counter() - started
                seconds[name].append(took)
                new = [
                    {"n": args.n, "arm": arm, "seed": seed, "accuracy": acc}
                    for arm, acc in accuracies.items()
                ]
                rows[name] += new
                print(f"seed {seed} {name:>6}: {took:.0f} s", flush=True)
                print(json.dumps({"recipe": name, "seconds": took, "rows": new}), flush=True)
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    seeds = sorted({r["seed"] for r in rows["full"]})
    n = rows["full"][0]["n"] if rows["full"] else args.n
    for name in recipes:
        print(f"{name}: {np.mean(seconds[name]):.0f} s per cell (n = {n})")
    by = {name: {(r["arm"], r["seed"]): r["accuracy"] for r in rows[name]} for name in recipes}
    print("\n| arm | full (%) | lesson (%) | lesson - full, paired (points) |")
    print("| --- | --- | --- | --- |")
    for arm in arms:
        full = np.array([by["full"][arm, s] for s in seeds])
        small = np.array([by["lesson"][arm, s] for s in seeds])
        diff = 100 * (small - full)
        spread = f" ± {diff.std(ddof=1):.1f}" if len(seeds) > 1 else ""
        print(
            f"| {augment.arm_name(arm, 'en')} | {100 * full.mean():.1f} | {100 * small.mean():.1f} "
            f"| {diff.mean():+.1f}{spread} |"
        )
    for name in recipes:
        print(f"\nconclusions with the {name} recipe:")
        for line in conclusions(augment.summarize(rows[name]), "en"):
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
