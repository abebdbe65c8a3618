"""Lesson 05's runs: one (n, seed) run trains every arm; the grid repeats it over n and seeds.

One cGAN is trained per (n, seed), on that run's subset only, and shared by
the arms that use it. :func:`run_grid` returns a tidy table, one row per
(n, arm, seed), that :mod:`gencourse.augment.report` summarises.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from gencourse.augment.report import summarize
from gencourse.augment.sets import ARMS, CGAN_ARMS, classic_copies, scarce_subset
from gencourse.augment.training import (
    Budget,
    default_budget,
    recogniser_trainer,
    train_cgan,
)


@dataclass
class Run:
    """Everything one (n, seed) run made, for a notebook to look at.

    ``cgan`` is the process's shared cGAN (see :class:`~gencourse.augment.training.StepLoop`):
    it holds this run's weights until the next run trains it again.
    """

    n: int
    seed: int
    real: tuple
    classic: tuple
    synthetic: tuple | None
    cgan: object | None
    accuracies: dict = field(default_factory=dict)


def training_sets(run: Run) -> dict:
    """The training set of each arm of ``run``: ``{arm: (images, labels)}``."""
    from gencourse.augment import augmented_training_set  # the exercise's reference

    (x, y), (cx, cy) = run.real, run.classic
    sets = {"real": (x, y), "real_classic": augmented_training_set(x, y, cx, cy, len(cx) / len(x))}
    if run.synthetic is not None:
        sx, sy = run.synthetic
        sets["real_cgan"] = augmented_training_set(x, y, sx, sy, len(sx) / len(x))
        both_x, both_y = augmented_training_set(x, y, cx, cy, len(cx) / len(x))
        sets["real_both"] = (np.concatenate([both_x, sx]), np.concatenate([both_y, sy]))
        sets["synthetic"] = (sx, sy)
    return sets


def run_once(
    data,
    n: int,
    seed: int,
    synthetic_per_class: int = 100,
    budget: Budget | None = None,
    arms: Sequence[str] = ARMS,
    progress: Callable[[str], None] | None = None,
) -> Run:
    """One (n, seed) run: the subset, its cGAN, and every arm's held-out accuracy.

    Args:
        data: a :class:`gencourse.data.Dataset` (``mnist5k``).
        n: labelled real digits per class.
        seed: chooses the subset, the augmentation, the cGAN's and the
            recogniser's initial weights and batches.
        synthetic_per_class: extra images per class (classic copies and cGAN
            samples alike).
        budget: training sizes (default: :func:`default_budget`).
        arms: the arms to run, from :data:`ARMS`.
        progress: called with a short description after each trained model.
    """
    budget = budget or default_budget()
    unknown = [a for a in arms if a not in ARMS]
    if unknown:
        raise ValueError(f"arms must come from {ARMS}. Received: {unknown}")
    if not isinstance(synthetic_per_class, int | np.integer) or synthetic_per_class < 1:
        raise ValueError(
            "synthetic_per_class must be a positive int. "
            f"Received: synthetic_per_class={synthetic_per_class!r}"
        )
    say = progress or (lambda text: None)
    real = scarce_subset(data, n, seed)
    classic = classic_copies(*real, synthetic_per_class, seed, data.num_classes)
    cgan = synthetic = None
    if any(a in CGAN_ARMS for a in arms):
        from gencourse.augment import balanced_labels  # the exercise's reference

        # The process's shared cGAN: sampled here, before the next run resets it.
        cgan = train_cgan(*real, budget.cgan_steps, budget.cgan_batch_size, seed, keep=False)
        wanted = balanced_labels(synthetic_per_class, data.num_classes)
        synthetic = (cgan.generate(wanted, seed=seed + 500), wanted)
        say(f"n={n} seed={seed} cgan")
    run = Run(n, seed, real, classic, synthetic, cgan)
    sets = training_sets(run)
    # One recogniser, reset to the seed's initial weights for every arm.
    trainer = recogniser_trainer(data.x_train.shape[1:], data.num_classes)
    for arm in arms:
        images, labels = sets[arm]
        run.accuracies[arm] = trainer.fit_score(
            images,
            labels,
            data.x_test,
            data.y_test,
            budget.recogniser_steps,
            budget.batch_size,
            seed,
        )
        say(f"n={n} seed={seed} {arm}")
    return run


def grid_size(n_values, seeds, arms=ARMS) -> int:
    """The number of models the grid trains (the progress total)."""
    per_run = len(arms) + any(a in CGAN_ARMS for a in arms)
    return len(n_values) * len(seeds) * per_run


@dataclass
class Results:
    """The grid's rows (n, arm, seed, accuracy) and how long it took."""

    rows: list
    seconds: float
    synthetic_per_class: int
    budget: Budget

    def summary(self) -> list:
        return summarize(self.rows)


def run_grid(
    n_values: Sequence[int] = (10, 20, 50, 100),
    seeds: Sequence[int] = (0, 1, 2),
    synthetic_per_class: int = 100,
    budget: Budget | None = None,
    arms: Sequence[str] = ARMS,
    data=None,
    progress: Callable[[int, int, str], None] | None = None,
) -> Results:
    """Runs every (n, seed) and returns a tidy table: one row per (n, arm, seed).

    ``progress(done, total, text)`` is called once with ``done=0`` at the start,
    then after each trained model.
    """
    from gencourse.data import load

    data = data if data is not None else load("mnist5k")
    budget = budget or default_budget()
    available = int(np.bincount(data.y_train).min())
    bad = [n for n in n_values if not 1 <= int(n) <= available]
    if bad or not n_values or not seeds:
        raise ValueError(
            f"Give at least one n and one seed; every n must lie in 1..{available} "
            f"(training digits per class). Received: n_values={list(n_values)}, seeds={list(seeds)}"
        )
    total, done = grid_size(n_values, seeds, arms), [0]

    def step(text):
        done[0] += 1
        if progress:
            progress(done[0], total, text)

    started = time.perf_counter()
    if progress:
        progress(0, total, "")  # lets a progress bar start its clock now
    rows = []
    for n in n_values:
        for seed in seeds:
            run = run_once(data, int(n), int(seed), synthetic_per_class, budget, arms, step)
            rows += [
                {"n": int(n), "arm": arm, "seed": int(seed), "accuracy": acc}
                for arm, acc in run.accuracies.items()
            ]
    return Results(rows, time.perf_counter() - started, synthetic_per_class, budget)
