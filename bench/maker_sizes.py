"""Lesson 05's cGAN sized on validation digits: width and steps against agreement and accuracy.

For each seed and each size (generator width x steps; the discriminator is half as wide),
trains the cGAN on the seed's n labelled digits, asks it for 100 samples per class,
reads them with the shipped judge (trained on training digits only), trains the
recogniser (200 steps) on the real digits plus the samples, and scores it on the seed's
**validation** digits (``augment.validation_subset``). The test digits are not read.

    .venv/bin/python bench/maker_sizes.py 32x400 32x800 48x600 64x400 64x600
    .venv/bin/python bench/maker_sizes.py --quick 8x2
"""

from __future__ import annotations

import argparse
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", help="WIDTHxSTEPS, e.g. 32x800")
    parser.add_argument("--n", type=int, default=10)
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="2 recogniser steps (smoke test)")
    args = parser.parse_args()
    sizes = [tuple(int(v) for v in size.split("x")) for size in args.sizes]
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    from gencourse import augment, metrics
    from gencourse.data import load

    digits = load("mnist5k")
    judge = metrics.load_judge()
    steps = 2 if args.quick else augment.LESSON.recogniser_steps
    wanted = augment.balanced_labels(100, 10)
    trainer = augment.recogniser_trainer()
    for seed in range(args.seeds):
        x, y = augment.scarce_subset(digits, args.n, seed)
        x_val, y_val = augment.validation_subset(digits, args.n, seed)
        for width, cgan_steps in sizes:
            started = time.perf_counter()
            cgan = augment.train_cgan(x, y, cgan_steps, 64, seed, keep=False, width=width)
            seconds = time.perf_counter() - started
            samples = cgan.generate(wanted, seed=seed + 500)
            agreement = metrics.label_agreement(judge, samples, wanted).overall
            joined = augment.augmented_training_set(x, y, samples, wanted, len(wanted) / len(x))
            trainer.fit(*joined, steps, 64, seed)
            print(
                f"seed {seed} width {width} steps {cgan_steps}: {seconds:.0f} s, agreement "
                f"{agreement:.1%}, validation accuracy real + cGAN {trainer.score(x_val, y_val):.1%}",
                flush=True,
            )
        trainer.fit(x, y, steps, 64, seed)
        print(f"seed {seed} real only: validation accuracy {trainer.score(x_val, y_val):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
