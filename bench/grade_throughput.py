"""Prints how many lesson-02 submissions `gencourse grade` grades per minute on this machine.

    .venv/bin/python bench/grade_throughput.py                      # 12 submissions, 2 workers
    .venv/bin/python bench/grade_throughput.py -n 20 --workers 1 2  # compare worker counts
    .venv/bin/python bench/grade_throughput.py --cells all -n 4     # run every cell (quick mode)
    .venv/bin/python bench/grade_throughput.py --no-sandbox         # the same, without bubblewrap

It also prints the sandbox's own cost: the time bubblewrap adds to starting
a Python process (the median of ``--starts`` starts of ``python -c 0``, with
and without ``bwrap``) and the time to make the grading copy of the package
(once per batch).

The submissions are made from the released English student notebook: a
third correct (the masters' code), a third stubs, a third with a wrong
`kl_divergence`. Each run grades them afresh into a temporary folder. The
figures are wall-clock time on this machine (state its cores when you quote
them); they include the grader's own start (TensorFlow) once per run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nbformat  # noqa: E402

from gencourse import release  # noqa: E402
from gencourse.quiet import import_tensorflow_quietly  # noqa: E402

WRONG_KL = (
    "def kl_divergence(z_mean, z_log_var):\n"
    "    return 0.5 * np.sum(1.0 + z_log_var - np.square(z_mean) - np.exp(z_log_var), axis=-1)\n"
)


def make_submissions(folder: Path, n: int, lesson: str = "02_vae") -> None:
    student = release.read(ROOT / "notebooks" / "en" / f"{lesson}.ipynb")
    master = release.read(ROOT / "solutions" / "en" / f"{lesson}.ipynb")
    where = release.exercises(student)
    answers = {
        name: master.cells[release.exercises(master)[name]["solution"]].source for name in where
    }
    for i in range(n):
        nb = nbformat.from_dict(student)
        kind = ("correct", "stubs", "wrong")[i % 3]
        if kind != "stubs":
            for name, roles in where.items():
                nb.cells[roles["stub"]].source = answers[name]
        if kind == "wrong":
            nb.cells[where["kl_divergence"]["stub"]].source = WRONG_KL
        (folder / f"student{i:03d}_{kind}.ipynb").write_text(
            nbformat.writes(nb) + "\n", encoding="utf-8"
        )


def sandbox_cost(starts: int, cells: str) -> None:
    """Prints what bubblewrap adds to one process start, and the grading copy's making."""
    import statistics
    import subprocess

    from gencourse.grade import jail

    jail.check_available()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        copy_root = jail.build_copy(Path(tmp) / "copy", cells)
        copy_s = time.perf_counter() - t0
        work = Path(tmp) / "work"
        work.mkdir()
        plain = [sys.executable, "-I", "-c", "0"]
        boxed = jail.command(copy_root, work, plain)

        def median(cmd) -> float:
            times = []
            for _ in range(starts):
                t = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True)
                times.append(time.perf_counter() - t)
            return statistics.median(times)

        bare, wrapped = median(plain), median(boxed)
    print(
        f"sandbox start-up: {1000 * (wrapped - bare):.0f} ms per process start "
        f"(python -c 0: {1000 * bare:.0f} ms bare, {1000 * wrapped:.0f} ms in bwrap); "
        f"grading copy made once per batch in {1000 * copy_s:.0f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=12, help="submissions per run")
    parser.add_argument("--workers", type=int, nargs="+", default=[2])
    parser.add_argument("--cells", choices=["needed", "all"], default="needed")
    parser.add_argument("--no-sandbox", action="store_true", help="grade without bubblewrap")
    parser.add_argument("--starts", type=int, default=9, help="starts timed for the sandbox cost")
    args = parser.parse_args()
    if not args.no_sandbox:
        sandbox_cost(args.starts, args.cells)

    import_tensorflow_quietly()
    from gencourse.grade.batch import grade_batch
    from gencourse.grade.sandbox import Limits

    mode = "without sandbox" if args.no_sandbox else "in bubblewrap"
    print(
        f"cpu cores: {os.cpu_count()}, lesson 02_vae, cells={args.cells}, "
        f"{args.n} submissions, {mode}"
    )
    print(f"{'workers':>8}{'seconds':>10}{'per minute':>12}{'s/submission':>14}  statuses")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        make_submissions(folder, args.n)
        for workers in args.workers:
            out = Path(tmp) / f"out{workers}"
            t0 = time.perf_counter()
            batch = grade_batch(
                [folder], "02_vae", out, root=ROOT, limits=Limits(), workers=workers,
                cells=args.cells, fresh=True, sandbox=not args.no_sandbox, say=lambda line: None,
            )  # fmt: skip
            seconds = time.perf_counter() - t0
            statuses = sorted({r["status"] for r in batch.results})
            print(
                f"{workers:>8}{seconds:>10.1f}{60 * args.n / seconds:>12.1f}"
                f"{seconds / args.n:>14.2f}  {','.join(statuses)}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
