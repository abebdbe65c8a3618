"""Prints how many lesson-02 submissions `gencourse grade` grades per minute on this machine.

    .venv/bin/python bench/grade_throughput.py                      # 12 submissions, 2 workers
    .venv/bin/python bench/grade_throughput.py -n 20 --workers 1 2  # compare worker counts
    .venv/bin/python bench/grade_throughput.py --cells all -n 4     # run every cell (quick mode)

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=12, help="submissions per run")
    parser.add_argument("--workers", type=int, nargs="+", default=[2])
    parser.add_argument("--cells", choices=["needed", "all"], default="needed")
    args = parser.parse_args()

    import_tensorflow_quietly()
    from gencourse.grade.batch import grade_batch
    from gencourse.grade.sandbox import Limits

    print(f"cpu cores: {os.cpu_count()}, lesson 02_vae, cells={args.cells}, {args.n} submissions")
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
                cells=args.cells, fresh=True, say=lambda line: None,
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
