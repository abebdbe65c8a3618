"""Issue 16: a weaker DiffAugment for lesson 05's cGAN, against the arm's own at n = 10.

    .venv/bin/python bench/diffaug_variants.py                      # shift <= 2, no cutout; 3 seeds
    .venv/bin/python bench/diffaug_variants.py --shift 1 --cutout 0
    .venv/bin/python bench/diffaug_variants.py --quick              # a smoke run

For each seed: the grid's subset, a DiffAugment cGAN with the given
augmentation trained with the grid's steps and batches, its 100 samples per
class added to the real digits, and the grid's recogniser on that set
(the ``real_diffaug`` arm, but with other DiffAugment settings). Prints the
held-out accuracy, the samples' label agreement (the shipped judge, a report
only) and their median distance to the nearest training image, then mean and
standard deviation. Compare with the grid's ``real_diffaug`` and
``real_cgan`` rows and ``quality.csv``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--shift", type=int, default=2, help="largest shift, pixels each way")
    p.add_argument("--cutout", type=int, default=0, help="cutout side, pixels (0: none)")
    p.add_argument("--n", type=int, default=10)
    p.add_argument("--seeds", type=int, default=3)
    p.add_argument("--quick", action="store_true", help="tiny budgets: a smoke run")
    args = p.parse_args(argv)
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    import numpy as np

    from gencourse import augment
    from gencourse.augment import training
    from gencourse.augment.experiment import sample_quality
    from gencourse.data import load
    from gencourse.models.diffaugment import make_diffaugment_cgan

    digits = load("mnist5k")
    budget = augment.QUICK if args.quick else augment.FULL
    seeds = range(1 if args.quick else args.seeds)

    def make(seed):
        return make_diffaugment_cgan(
            latent_dim=64, num_classes=10, seed=seed, max_shift=args.shift, cutout_size=args.cutout
        )

    loop = training.StepLoop(make)
    recogniser = training.recogniser_trainer()
    wanted = augment.balanced_labels(100, 10)
    print(f"load average at the start: {os.getloadavg()[0]:.1f}", flush=True)
    rows = []
    for seed in seeds:
        x, y = augment.scarce_subset(digits, args.n, seed)
        model = loop.fit(x, y, budget.cgan_steps, budget.cgan_batch_size, seed)
        made = (model.generate(wanted, seed=seed + 500), wanted)
        images, labels = augment.augmented_training_set(x, y, *made, len(made[0]) / len(x))
        accuracy = recogniser.fit_score(
            images, labels, digits.x_test, digits.y_test, budget.recogniser_steps,
            budget.batch_size, seed,
        )  # fmt: skip
        quality = sample_quality(*made, x)
        rows.append((100 * accuracy, 100 * quality["agreement"], quality["nearest"]))
        print(
            f"shift {args.shift}, cutout {args.cutout}, n = {args.n}, seed {seed}: "
            f"real + DiffAugment cGAN {rows[-1][0]:.1f}%, label agreement {rows[-1][1]:.1f}%, "
            f"nearest {rows[-1][2]:.3f}",
            flush=True,
        )
    values = np.array(rows)
    spread = values.std(axis=0, ddof=1) if len(values) > 1 else np.zeros(3)
    print(
        f"mean ± std over {len(values)} seed{'s' * (len(values) != 1)}: accuracy {values[:, 0].mean():.1f} ± {spread[0]:.1f}, "
        f"label agreement {values[:, 1].mean():.1f} ± {spread[1]:.1f}, "
        f"nearest {values[:, 2].mean():.3f} ± {spread[2]:.3f}"
    )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
