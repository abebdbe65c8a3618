"""The grid's wall time serially, with local worker processes and on a local Dask cluster.

Runs the same ``gencourse augment`` grid three ways, one after another, each
from scratch (``--fresh``) in its own folder under ``--out``:

- ``serial``: one process, TensorFlow's own thread count;
- ``workers``: ``--workers W`` (W processes of cores / W threads);
- ``dask``: a ``dask scheduler`` and W ``dask worker`` processes started here
  (``--nthreads 1 --no-nanny``), the grid sent with ``--scheduler`` and cores / W threads.

It checks that the three tables are identical, prints each way's wall time
(the command's, TensorFlow's start included) and the grid's (from its cells),
and projects the grid's time on more cores from the measured per-cell times
(:func:`projected_seconds`: the cells list-scheduled onto cores / cores-per-cell
workers, each cell as long as measured in the ``workers`` run).

The grid is the command's own options (default: ``gencourse augment``'s full
grid). On a shared machine try it small first, e.g.::

    python bench/grid_scale.py --quick --n 2,3 --seeds 2 --arms real_classic,real_cgan
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
MODES = ("serial", "workers", "dask")


def makespan(durations, workers: int) -> float:
    """Wall time of ``durations`` list-scheduled onto ``workers`` (longest first, least loaded).

    Longest-processing-time-first list scheduling: each job, longest first, goes to
    the worker that is free soonest. E.g. jobs of 3, 3, 2, 2, 2 s on 2 workers: 3 | 3,
    then 2 and 2 (5 | 5), then 2: 7 s.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1. Received: workers={workers}")
    loads = [0.0] * workers
    for duration in sorted(durations, reverse=True):
        loads[loads.index(min(loads))] += duration
    return max(loads)


def projected_seconds(cell_seconds, cores: int, cores_per_cell: int = 1) -> float:
    """The grid's projected wall time on ``cores`` cores, ``cores_per_cell`` threads per cell.

    The cells go to ``cores // cores_per_cell`` workers (at least one) by :func:`makespan`;
    each cell takes the time measured for it at ``cores_per_cell`` threads. It ignores
    start-up (TensorFlow's ~10 s per worker) and any slowdown from shared memory bandwidth.
    """
    return makespan(cell_seconds, max(1, cores // cores_per_cell))


def grid_options(args) -> list[str]:
    """The ``gencourse augment`` options that choose the grid (the same for every mode)."""
    options = ["--setting", args.setting, "--n", args.n, "--seeds", str(args.seeds)]
    for name in ("arms", "recipe", "synthetic", "steps", "cgan_steps", "ssgan_steps"):
        value = getattr(args, name)
        if value is not None:
            options += [f"--{name.replace('_', '-')}", str(value)]
    return options + (["--quick"] if args.quick else []) + ["--lang", "en"]


def cells(folder: Path) -> list[dict]:
    """The cells a run saved: each one's n, seed, seconds and worker."""
    return [
        json.loads(path.read_text())["result"] for path in sorted(folder.glob("cells/n*_s*.json"))
    ]


def table(folder: Path) -> list[dict]:
    """The run's table (augment.csv or semi.csv) as rows of strings."""
    (path,) = [p for p in (folder / "augment.csv", folder / "semi.csv") if p.exists()]
    with path.open() as f:
        return list(csv.DictReader(f))


def differences(first: list[dict], second: list[dict]) -> str:
    """How two tables of the same grid differ: accuracies that differ, and by how many points.

    TensorFlow's thread count changes the order of floating-point sums, so a cell
    trained with 2 threads can end a little apart from the same cell with 1 thread.
    E.g. ``"0 of 2 accuracies differ"`` or ``"1 of 2 accuracies differ: first - second
    per cell +1.00 (mean), 1.00 at most (points)"``.
    """
    key = ("n", "arm", "seed")
    a = {tuple(r[k] for k in key): float(r["accuracy"]) for r in first}
    b = {tuple(r[k] for k in key): float(r["accuracy"]) for r in second}
    if a.keys() != b.keys():
        return f"different cells ({len(a)} against {len(b)})"
    gaps = [100 * (a[k] - b[k]) for k in a if a[k] != b[k]]
    text = f"{len(gaps)} of {len(a)} accuracies differ"
    if not gaps:
        return text
    every = [100 * (a[k] - b[k]) for k in a]
    sd = float(np.std(every, ddof=1)) if len(every) > 1 else 0.0
    return (
        f"{text}: first - second per cell {np.mean(every):+.2f} (mean), {sd:.2f} (std), "
        f"{max(abs(g) for g in gaps):.2f} at most (points)"
    )


def start_cluster(workers: int, folder: Path) -> tuple[str, list]:
    """A Dask scheduler and ``workers`` one-thread workers on this machine: (address, processes)."""
    file = folder / "scheduler.json"
    file.unlink(missing_ok=True)
    logs = (folder / "dask.log").open("w")
    common = {"stdout": logs, "stderr": logs, "cwd": ROOT}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(file),
            ],
            **common,
        )  # fmt: skip
    ]
    processes += [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_worker",
                "--scheduler-file",
                str(file),
                "--nthreads",
                "1",
                "--no-nanny",  # the worker starts a process for its cells
                "--no-dashboard",
                "--host",
                "127.0.0.1",
            ],
            **common,
        )  # fmt: skip
        for _ in range(workers)
    ]
    deadline = time.monotonic() + 120
    while not file.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    address = json.loads(file.read_text())["address"]
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(workers, timeout=120)
    return address, processes


def run_mode(mode: str, args, folder: Path) -> dict:
    """Runs the grid one way; returns its wall time, cells and table."""
    from gencourse.grid.local import threads_per_worker

    command = [sys.executable, "-m", "gencourse", "augment", *grid_options(args)]
    command += ["--out", str(folder), "--fresh"]
    cluster = []
    if mode == "workers":
        command += ["--workers", str(args.workers)]
    elif mode == "dask":
        address, cluster = start_cluster(args.workers, folder.parent)
        command += ["--scheduler", address, "--threads", str(threads_per_worker(args.workers))]
    try:
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - started
    finally:
        for process in cluster:
            process.terminate()
        for process in cluster:
            process.wait(timeout=60)
    if done.returncode != 0:
        raise SystemExit(f"{mode}: exit code {done.returncode}\n{done.stderr[-3000:]}")
    return {
        "mode": mode,
        "wall": wall,
        "cells": cells(folder),
        "table": table(folder),
        # serial: TensorFlow's own choice (its pools as large as the machine)
        "threads": "default" if mode == "serial" else threads_per_worker(args.workers),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--setting", choices=("scarce", "unlabelled"), default="scarce")
    parser.add_argument("--n", default="10,20,50,100", help="as gencourse augment --n")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--arms", help="as gencourse augment --arms (default: all)")
    parser.add_argument("--recipe", help="as gencourse augment --recipe (default: its own)")
    parser.add_argument("--synthetic", type=int)
    parser.add_argument("--steps", type=int)
    parser.add_argument("--cgan-steps", type=int)
    parser.add_argument("--ssgan-steps", type=int)
    parser.add_argument("--quick", action="store_true", help="the quick budgets")
    parser.add_argument("--workers", type=int, default=2, help="local and Dask workers")
    parser.add_argument("--modes", default=",".join(MODES), help="which ways, in this order")
    parser.add_argument("--project", default="16,64", help="cores to project the time onto")
    parser.add_argument("--cores-per-cell", type=int, default=1)
    parser.add_argument("--out", help="folder for the runs (default: a temporary folder)")
    args = parser.parse_args(argv)
    modes = [m for m in args.modes.split(",") if m]
    if any(m not in MODES for m in modes):
        parser.error(f"--modes must come from {','.join(MODES)}. Received: {args.modes}")

    from gencourse.grid.local import cores

    out = Path(args.out or tempfile.mkdtemp(prefix="grid_scale_"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"grid: gencourse augment {' '.join(grid_options(args))}")
    print(f"machine: {cores()} cores; runs in {out}")
    runs = [run_mode(mode, args, out / mode) for mode in modes]

    print("\n| way | threads per cell | cells | wall s (command) | cell-seconds | vs serial |")
    print("| --- | --- | --- | --- | --- | --- |")
    serial = next((r["wall"] for r in runs if r["mode"] == "serial"), None)
    for r in runs:
        busy = sum(c["seconds"] for c in r["cells"])
        ratio = f"{serial / r['wall']:.2f}x" if serial else "-"
        way = {"serial": "serial", "workers": f"{args.workers} local workers",
               "dask": f"Dask, {args.workers} workers"}[r["mode"]]  # fmt: skip
        print(f"| {way} | {r['threads']} | {len(r['cells'])} | {r['wall']:.0f} | {busy:.0f} "
              f"| {ratio} |")  # fmt: skip
    same = all(r["table"] == runs[0]["table"] for r in runs)
    print(f"\ntables identical across the ways: {same}")
    for i, a in enumerate(runs):  # where they differ: how much, and at which thread counts
        for b in runs[i + 1 :]:
            print(f"  {a['mode']} ({a['threads']} threads) against {b['mode']} "
                  f"({b['threads']} threads): {differences(a['table'], b['table'])}")  # fmt: skip

    basis = next((r for r in runs if r["mode"] == "workers"), runs[0])
    seconds = [c["seconds"] for c in basis["cells"]]
    print(
        f"per-cell seconds ({basis['mode']} run, {basis['threads']} threads): "
        + ", ".join(f"n{c['n']}/s{c['seed']} {c['seconds']:.0f}" for c in basis["cells"])
    )
    for target in [int(c) for c in args.project.split(",") if c]:
        projected = projected_seconds(seconds, target, args.cores_per_cell)
        workers = max(1, target // args.cores_per_cell)
        print(
            f"projected on {target} cores ({workers} workers x {args.cores_per_cell} "
            f"thread(s)): {projected:.0f} s for {len(seconds)} cells"
        )
    return 0 if same else 1


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    sys.exit(main())
