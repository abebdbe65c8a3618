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

``--floor`` asks how fast the grid could be at all with these models and
steps. It counts the multiply-adds of one training step of each model from
its layers, times those steps in the grid's own compiled loops, times a
large matrix product (about the most arithmetic this CPU does per second),
and prints the grid's total arithmetic and the time it needs at each rate.

    .venv/bin/python bench/augment_grid.py --rounds 2
    .venv/bin/python bench/augment_grid.py --rounds 0 --grid   # the full grid, every arm
    .venv/bin/python bench/augment_grid.py --rounds 0 --floor  # the arithmetic floor
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


def layer_macs(model) -> int:
    """Multiply-adds of one forward pass of one image through ``model``'s dense and conv layers."""
    total = 0
    for layer in model.layers:
        kind = type(layer).__name__
        if kind == "Conv2D":
            _, h, w, filters = layer.output.shape
            kh, kw = layer.kernel_size
            total += h * w * filters * kh * kw * layer.input.shape[-1]
        elif kind == "Conv2DTranspose":
            _, h, w, channels = layer.input.shape
            kh, kw = layer.kernel_size
            total += h * w * channels * kh * kw * layer.filters
        elif kind == "Dense":
            total += int(np.prod(layer.input.shape[1:])) * layer.units
        elif hasattr(layer, "layers"):  # a model inside a model
            total += layer_macs(layer)
    return total


def step_macs(batch: int = 64) -> dict:
    """Multiply-adds of one training step of each of the grid's models, at ``batch``.

    A layer's backward pass costs about twice its forward pass (the gradient
    with respect to its input and to its weights). A cGAN step: the
    generator makes a batch of fakes (forward), the discriminator trains on
    real, mismatched and fake batches (3 x forward + backward), then the
    generator trains through the discriminator (generator forward +
    backward; discriminator forward + input gradient).
    """
    from gencourse.augment.training import build_recogniser
    from gencourse.models import cvae
    from gencourse.models.gan import build_discriminator, build_generator

    recogniser = layer_macs(build_recogniser())
    generator = layer_macs(build_generator(64, (28, 28, 1), 10))
    discriminator = layer_macs(build_discriminator((28, 28, 1), 10))
    vae = layer_macs(cvae.build_conditional_encoder()) + layer_macs(
        cvae.build_conditional_decoder()
    )
    cgan = 4 * generator + 11 * discriminator
    return {
        "recogniser": 3 * recogniser * batch,
        "cgan": cgan * batch,
        "diffaug": cgan * batch,  # its shifts and cutouts are a few thousand more per image
        "cvae": 3 * vae * batch,
    }


def floor(data, budget, cells: int = 12, recognisers_per_cell: int = 10, steps: int = 50) -> None:
    """Prints each model's step: arithmetic, measured time, rate; then the grid's floor."""
    import tensorflow as tf

    from gencourse.augment import training

    a = tf.random.normal((2048, 2048), seed=1)
    product = tf.function(lambda: tf.linalg.matmul(a, a))
    product().numpy()
    t0 = time.perf_counter()
    for _ in range(20):
        product().numpy()
    peak = 2 * 2048**3 * 20 / (time.perf_counter() - t0)
    print(f"a 2048 x 2048 matrix product: {peak / 1e9:.0f} GFLOP/s", flush=True)

    x, y = data.x_train[:1000], data.y_train[:1000].astype("int64")
    loops = {
        "recogniser": training.recogniser_trainer(),
        "cgan": training.step_loop("cgan", training._make_cgan),
        "diffaug": training.step_loop("diffaug", training._make_diffaug),
        "cvae": training.step_loop("cvae", training._make_cvae),
    }
    per_grid = {
        "recogniser": cells * recognisers_per_cell * budget.recogniser_steps,
        "cgan": cells * budget.cgan_steps,
        "diffaug": cells * budget.cgan_steps,
        "cvae": cells * budget.cvae_steps,
    }
    total_flop = total_measured = 0.0
    batches = {
        "recogniser": budget.batch_size,
        "cgan": budget.cgan_batch_size,
        "diffaug": budget.cgan_batch_size,
        "cvae": budget.cvae_batch_size,
    }
    per_image = step_macs(1)  # a step's arithmetic grows with its batch
    for name, loop in loops.items():
        loop.fit(x, y, 4, batches[name], 0)  # traced and warm
        # Two runs of different lengths: their difference is the steps alone, without
        # the reset to a seed's initial state that every run starts with.
        took = []
        for count in (steps, 5 * steps):
            t0 = time.perf_counter()
            loop.fit(x, y, count, batches[name], 0)
            took.append(time.perf_counter() - t0)
        seconds = max((took[1] - took[0]) / (4 * steps), 1e-6)  # a tiny quick run can be noisy
        flop = 2 * per_image[name] * batches[name]
        total_flop += flop * per_grid[name]
        total_measured += seconds * per_grid[name]
        print(
            f"{name:10s}: {flop / 1e9:.3f} GFLOP per step, {1000 * seconds:.1f} ms per step, "
            f"{flop / seconds / 1e9:.0f} GFLOP/s; {per_grid[name]:,} steps in the grid; "
            f"each run's reset {max(0.0, took[0] - steps * seconds):.2f} s",
            flush=True,
        )
    print(
        f"the grid ({cells} cells, {recognisers_per_cell} recognisers each): "
        f"{total_flop / 1e12:.1f} TFLOP; at the models' measured rates {total_measured:.0f} s; "
        f"at the matrix product's rate {total_flop / peak:.0f} s",
        flush=True,
    )


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--rounds", type=int, default=2, help="alternating rounds (fresh, reused)")
    p.add_argument("--grid", action="store_true", help="also time the full grid once")
    p.add_argument("--floor", action="store_true", help="the grid's arithmetic floor")
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
    if args.floor:
        floor(data, augment.FULL, steps=4 if args.quick else 50)
    if args.grid:
        t0 = time.perf_counter()
        results = augment.run_grid(budget=budget)
        print(f"full grid, every arm: {time.perf_counter() - t0:.0f} s", flush=True)
        augment.print_summary(results.summary())
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
