"""Lesson 05's runs: one (n, seed) run trains every arm; the grid repeats it over n and seeds.

One cGAN is trained per (n, seed), on that run's subset only, and shared by
the arms that use it. :func:`run_grid` returns a tidy table, one row per
(n, arm, seed), that :mod:`gencourse.augment.report` summarises.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from gencourse.augment.report import summarize
from gencourse.augment.scoring import final_accuracy
from gencourse.augment.sets import (
    ARMS,
    CGAN_ARMS,
    CVAE_ARMS,
    DIFFAUG_ARMS,
    DIFFUSION_ARMS,
    classic_copies,
    filtered_samples,
    scarce_subset,
)
from gencourse.augment.training import (
    Budget,
    default_budget,
    recogniser_trainer,
    train_cgan,
    train_cvae,
    train_diffaug_cgan,
    train_diffusion,
)


@dataclass
class Run:
    """Everything one (n, seed) run made, for a notebook to look at.

    ``cgan`` (and ``cvae``, ``diffaug``, ``diffusion``) are the process's shared models (see
    :class:`~gencourse.augment.training.StepLoop`): each holds this run's
    weights until the next run trains it again. ``synthetic`` holds the plain
    cGAN's samples; ``made`` the other makers' (``"cvae"``, ``"diffaug"``,
    ``"diffusion"``, ``"filtered"``), each ``(images, labels)``; ``quality`` each maker's label
    agreement (read by the shipped judge, for the report only) and median
    distance to the nearest training image.
    """

    n: int
    seed: int
    real: tuple
    classic: tuple
    synthetic: tuple | None
    cgan: object | None
    accuracies: dict = field(default_factory=dict)
    made: dict = field(default_factory=dict)
    models: dict = field(default_factory=dict)
    quality: dict = field(default_factory=dict)
    accepted: float | None = None


def training_sets(run: Run) -> dict:
    """The training set of each arm of ``run`` whose images exist: ``{arm: (images, labels)}``."""
    from gencourse.augment import augmented_training_set  # the exercise's reference

    x, y = run.real

    def plus(extra):
        return augmented_training_set(x, y, *extra, len(extra[0]) / len(x))

    sets = {"real": (x, y), "real_classic": plus(run.classic)}
    if run.synthetic is not None:
        sx, sy = run.synthetic
        sets["real_cgan"] = plus(run.synthetic)
        both_x, both_y = plus(run.classic)
        sets["real_both"] = (np.concatenate([both_x, sx]), np.concatenate([both_y, sy]))
        sets["synthetic"] = (sx, sy)
    if "cvae" in run.made:
        sets["real_cvae"] = plus(run.made["cvae"])
        sets["synthetic_cvae"] = run.made["cvae"]
    if "diffaug" in run.made:
        sets["real_diffaug"] = plus(run.made["diffaug"])
    if "filtered" in run.made:
        sets["real_filtered"] = plus(run.made["filtered"])
    if "diffusion" in run.made:
        sets["real_diffusion"] = plus(run.made["diffusion"])
        sets["synthetic_diffusion"] = run.made["diffusion"]
    return sets


@lru_cache(maxsize=1)
def _judge():
    from gencourse.metrics import load_judge

    return load_judge()


def sample_quality(images, labels, training_images) -> dict:
    """Label agreement (the shipped judge's reading; a report, never a filter) and nearness.

    Returns ``{"agreement": share, "nearest": median RMS distance to the
    nearest of ``training_images``}``.
    """
    from gencourse.augment.training import nearest_distance
    from gencourse.metrics import label_agreement

    return {
        "agreement": float(label_agreement(_judge(), images, labels).overall),
        "nearest": float(np.median(nearest_distance(images, training_images))),
    }


def run_once(
    data,
    n: int,
    seed: int,
    synthetic_per_class: int = 100,
    budget: Budget | None = None,
    arms: Sequence[str] = ARMS,
    progress: Callable[[str], None] | None = None,
    quality: bool = False,
) -> Run:
    """One (n, seed) run: the subset, its data makers, and every arm's held-out accuracy.

    Args:
        data: a :class:`gencourse.data.Dataset` (``mnist5k``).
        n: labelled real digits per class.
        seed: chooses the subset, the augmentation, the makers' and the
            recogniser's initial weights and batches.
        synthetic_per_class: extra images per class (classic copies and
            every maker's samples alike).
        budget: training sizes (default: :func:`default_budget`).
        arms: the arms to run, from :data:`ARMS`.
        progress: called with a short description after each trained model.
        quality: also measure each maker's samples (:func:`sample_quality`).
    """
    from gencourse.augment import balanced_labels  # the exercise's reference

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
    wanted = balanced_labels(synthetic_per_class, data.num_classes)
    run = Run(n, seed, real, classic, None, None)
    width = {"width": budget.cgan_width}
    makers = (
        ("cgan", CGAN_ARMS, train_cgan, budget.cgan_steps, budget.cgan_batch_size, width),
        ("cvae", CVAE_ARMS, train_cvae, budget.cvae_steps, budget.cvae_batch_size, {}),
        (
            "diffaug",
            DIFFAUG_ARMS,
            train_diffaug_cgan,
            budget.cgan_steps,
            budget.cgan_batch_size,
            width,
        ),
        (
            "diffusion",
            DIFFUSION_ARMS,
            train_diffusion,
            budget.diffusion_steps,
            budget.diffusion_batch_size,
            {
                "width": budget.diffusion_width,
                "sample_steps": budget.diffusion_sample_steps,
                "guidance": budget.diffusion_guidance,
            },
        ),
    )
    for name, needs, train, steps, batch_size, size in makers:
        if any(a in needs for a in arms):
            # The process's shared model: sampled here, before the next run resets it.
            model = train(*real, steps, batch_size, seed, keep=False, **size)
            run.models[name] = model
            run.made[name] = (model.generate(wanted, seed=seed + 500), wanted)
            say(f"n={n} seed={seed} {name}")
    if "cgan" in run.made:
        run.cgan, run.synthetic = run.models["cgan"], run.made.pop("cgan")
    # One recogniser, reset to the seed's initial weights for every arm.
    trainer = recogniser_trainer(data.x_train.shape[1:], data.num_classes)

    def score(arm, images, labels):
        trainer.fit(images, labels, budget.recogniser_steps, budget.batch_size, seed)
        run.accuracies[arm] = final_accuracy(trainer.predict, data)
        say(f"n={n} seed={seed} {arm}")

    if "real_filtered" in arms:
        # The filter is this run's own real-only recogniser: it knows only the n labels.
        score("real", *real)
        *filtered, run.accepted = filtered_samples(
            run.cgan.generate, trainer.predict, synthetic_per_class, data.num_classes, seed + 500
        )
        run.made["filtered"] = tuple(filtered)
    sets = training_sets(run)
    for arm in arms:
        if arm not in run.accuracies:
            score(arm, *sets[arm])
    if "real" not in arms:
        run.accuracies.pop("real", None)
    if quality:
        makers = {"cgan": run.synthetic, **run.made}
        run.quality = {
            name: sample_quality(*made, real[0]) for name, made in makers.items() if made
        }
    return run


def _models_per_run(arms) -> int:
    needed = (CGAN_ARMS, CVAE_ARMS, DIFFAUG_ARMS, DIFFUSION_ARMS)
    makers = sum(any(a in needs for a in arms) for needs in needed)
    return len(set(arms) | ({"real"} if "real_filtered" in arms else set())) + makers


def grid_size(n_values, seeds, arms=ARMS) -> int:
    """The number of models the grid trains (the progress total)."""
    return len(n_values) * len(seeds) * _models_per_run(arms)


@dataclass
class Results:
    """The grid's rows (n, arm, seed, accuracy), its makers' quality rows, and how long it took.

    ``quality``: one row per (n, maker, seed) with the samples' label
    agreement and median nearest-training-image distance (see
    :func:`sample_quality`), and for ``"filtered"`` the share accepted.
    """

    rows: list
    seconds: float
    synthetic_per_class: int
    budget: Budget
    quality: list = field(default_factory=list)

    def summary(self) -> list:
        return summarize(self.rows)


def check_grid(data, n_values, seeds, keep: int = 0) -> None:
    """Refuses a grid without an n or a seed, or with an n that leaves no room for validation.

    Every n needs ``n`` labelled digits per class and as many validation digits
    (:func:`~gencourse.augment.sets.validation_size`), so n lies in 1..(digits per class
    - keep) / 2. ``keep``: training digits per class that must stay out of both (lesson 06
    keeps at least one unlabelled).
    """
    most = (int(np.bincount(data.y_train).min()) - keep) // 2
    bad = [n for n in n_values if not 1 <= int(n) <= most]
    if bad or not n_values or not seeds:
        why = "half the training digits per class: the rest holds as many for validation" + (
            ", leaving some unlabelled" if keep else ""
        )
        raise ValueError(
            f"Give at least one n and one seed; every n must lie in 1..{most} ({why}). "
            f"Received: n_values={list(n_values)}, seeds={list(seeds)}"
        )


def run_cell(
    n: int,
    seed: int,
    data=None,
    progress: Callable[[str], None] | None = None,
    synthetic_per_class: int = 100,
    budget: Budget | None = None,
    arms: Sequence[str] = ARMS,
    quality: bool = True,
) -> dict:
    """One cell of :func:`run_grid`: :func:`run_once` for (n, seed), as table rows.

    Runs wherever the grid sends it (this process, a worker process, a Dask
    worker), so it takes plain values and returns plain rows:
    ``{"rows": [{n, arm, seed, accuracy}, ...], "quality": [{n, maker, seed, ...}, ...]}``.
    ``data``: the data set (default: ``mnist5k``, loaded once per process).
    """
    data = data if data is not None else _mnist5k()
    run = run_once(data, int(n), int(seed), synthetic_per_class, budget, arms, progress, quality)
    return {
        "rows": [
            {"n": int(n), "arm": arm, "seed": int(seed), "accuracy": float(acc)}
            for arm, acc in run.accuracies.items()
        ],
        "quality": [
            {"n": int(n), "maker": maker, "seed": int(seed), **values}
            | {"accepted": run.accepted if maker == "filtered" else ""}
            for maker, values in run.quality.items()
        ],
    }


@lru_cache(maxsize=1)
def _mnist5k():
    from gencourse.data import load

    return load("mnist5k")


def run_grid(
    n_values: Sequence[int] = (10, 20, 50, 100),
    seeds: Sequence[int] = (0, 1, 2),
    synthetic_per_class: int = 100,
    budget: Budget | None = None,
    arms: Sequence[str] = ARMS,
    data=None,
    progress=None,
    quality: bool = True,
    *,
    out=None,
    fresh: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    threads: int | None = None,
) -> Results:
    """Runs every (n, seed) and returns a tidy table: one row per (n, arm, seed).

    ``quality`` also measures each maker's samples (:attr:`Results.quality`).

    ``progress(done, total, text)`` is called once with ``done=0`` at the start,
    then after each trained model (after each cell with ``workers`` or
    ``scheduler``); a :class:`gencourse.grid.progress.Progress` (e.g. the
    command line's bar) is used as it is.

    The grid's cells (one per (n, seed), :func:`run_cell`) run through
    :func:`gencourse.grid.run`: in this process by default; ``out``: a folder
    where each finished cell is saved and from which a re-run resumes
    (``fresh``: start over); ``workers``: that many worker processes;
    ``scheduler``: a Dask scheduler's address; ``threads``: TensorFlow threads
    per cell in workers. The table is the same however the cells ran.
    """
    from gencourse import grid

    data = data if data is not None else _mnist5k()
    budget = budget or default_budget()
    check_grid(data, n_values, seeds)
    params = {
        "synthetic_per_class": synthetic_per_class,
        "budget": budget,
        "arms": tuple(arms),
        "quality": quality,
    }
    done = grid.run(
        grid.Grid("augment", run_cell, grid.grid_cells(n_values, seeds), params),
        out=out,
        fresh=fresh,
        workers=workers,
        scheduler=scheduler,
        data=data,
        progress=grid.as_progress(progress, _models_per_run(arms)),
        threads=threads,
    )
    return Results(
        done.table("rows"), done.seconds, synthetic_per_class, budget, done.table("quality")
    )
