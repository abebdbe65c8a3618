"""Where lesson 05's grid spends its time, and the reused loops against fresh Keras models.

One (n, seed) cell of ``gencourse augment`` (its five original arms, the full
budget) is run two ways, in alternating rounds on the same machine:

- ``fresh``: as the grid did before: a new recogniser per arm and a new cGAN
  per run, each trained with Keras ``fit`` and scored with ``predict``
  (Keras traces both again for every new model);
- ``reused``: as the grid does now (:class:`gencourse.augment.training.RecogniserTrainer`
  and :class:`~gencourse.augment.training.StepLoop`): one model of each kind
  per process, reset to the seed's initial state, trained in a compiled
  multi-step loop. Same batches, same initial weights, same accuracies.

Each round prints the time of the cGAN, of the recognisers (training, then
scoring) and of the whole cell, and the accuracies (equal in both ways).
``--grid`` also times the whole grid of the current code once.

    .venv/bin/python bench/augment_grid.py --rounds 2
    .venv/bin/python bench/augment_grid.py --rounds 0 --grid   # the full grid, every arm
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np


def _load():
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    from gencourse.data import load

    return load("mnist5k")


def fresh_cell(data, n, seed, budget):
    """The grid's cell as it ran before: fresh models, Keras fit and predict."""
    import keras

    from gencourse import augment
    from gencourse.augment.training import _step_indices
    from gencourse.models import make_conditional_gan

    times, accs = {}, {}
    real = augment.scarce_subset(data, n, seed)
    classic = augment.classic_copies(*real, 100, seed)
    t0 = time.perf_counter()
    cgan = make_conditional_gan(latent_dim=64, num_classes=10, seed=seed)
    x, y = real
    idx = _step_indices(
        len(x), budget.cgan_steps, budget.cgan_batch_size, np.random.default_rng([seed, 13])
    )
    cgan.fit(x[idx], y[idx], batch_size=budget.cgan_batch_size, epochs=1, shuffle=False, verbose=0)
    wanted = augment.balanced_labels(100)
    synthetic = (cgan.generate(wanted, seed=seed + 500), wanted)
    times["cgan"] = time.perf_counter() - t0
    sets = augment.training_sets(augment.Run(n, seed, real, classic, synthetic, cgan))
    times["recognisers: training"] = times["recognisers: scoring"] = 0.0
    for arm in augment.ARMS[:5]:
        images, labels = sets[arm]
        t0 = time.perf_counter()
        keras.utils.set_random_seed(seed)
        model = augment.build_recogniser(images.shape[1:], 10)
        model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy")
        idx = _step_indices(
            len(images),
            budget.recogniser_steps,
            budget.batch_size,
            np.random.default_rng([seed, 11]),
        )
        model.fit(
            images[idx],
            labels[idx],
            batch_size=budget.batch_size,
            epochs=1,
            shuffle=False,
            verbose=0,
        )
        t1 = time.perf_counter()
        accs[arm] = augment.accuracy(model, data.x_test, data.y_test)
        times["recognisers: training"] += t1 - t0
        times["recognisers: scoring"] += time.perf_counter() - t1
    return times, accs


def reused_cell(data, n, seed, budget):
    """The grid's cell as it runs now: one model of each kind, reset and reused."""
    from gencourse import augment
    from gencourse.augment.training import recogniser_trainer

    times, accs = {}, {}
    real = augment.scarce_subset(data, n, seed)
    classic = augment.classic_copies(*real, 100, seed)
    t0 = time.perf_counter()
    cgan = augment.train_cgan(*real, budget.cgan_steps, budget.cgan_batch_size, seed, keep=False)
    wanted = augment.balanced_labels(100)
    synthetic = (cgan.generate(wanted, seed=seed + 500), wanted)
    times["cgan"] = time.perf_counter() - t0
    sets = augment.training_sets(augment.Run(n, seed, real, classic, synthetic, cgan))
    trainer = recogniser_trainer()
    times["recognisers: training"] = times["recognisers: scoring"] = 0.0
    for arm in augment.ARMS[:5]:
        images, labels = sets[arm]
        t0 = time.perf_counter()
        trainer.fit(images, labels, budget.recogniser_steps, budget.batch_size, seed)
        t1 = time.perf_counter()
        accs[arm] = trainer.score(data.x_test, data.y_test)
        times["recognisers: training"] += t1 - t0
        times["recognisers: scoring"] += time.perf_counter() - t1
    return times, accs


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--rounds", type=int, default=2, help="alternating rounds (fresh, reused)")
    p.add_argument("--grid", action="store_true", help="also time the full grid once")
    p.add_argument("--quick", action="store_true", help="the quick budget (a smoke run)")
    args = p.parse_args(argv)
    from gencourse import augment

    data = _load()
    budget = augment.QUICK if args.quick else augment.FULL
    print(f"load average at the start: {os.getloadavg()[0]:.1f}", flush=True)
    for r in range(args.rounds):
        for name, cell in (("fresh", fresh_cell), ("reused", reused_cell)):
            t0 = time.perf_counter()
            times, accs = cell(data, args.n, args.seed, budget)
            total = time.perf_counter() - t0
            parts = ", ".join(f"{k} {v:.1f} s" for k, v in times.items())
            acc = " ".join(f"{k}={100 * v:.1f}" for k, v in accs.items())
            load = os.getloadavg()[0]
            print(
                f"round {r} {name:6s}: cell {total:.1f} s ({parts}); load {load:.1f}; {acc}",
                flush=True,
            )
    if args.grid:
        t0 = time.perf_counter()
        results = augment.run_grid(budget=budget)
        print(f"full grid, every arm: {time.perf_counter() - t0:.0f} s", flush=True)
        augment.print_summary(results.summary())
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
