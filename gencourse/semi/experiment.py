"""Lesson 06's runs: one (n, seed) run scores every arm; the grid repeats it over n and seeds.

The references (``real``, ``real_classic``) are lesson 05's arms with lesson
05's recogniser, subsets and step budget, so the two lessons' tables line up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from gencourse.augment.sets import SEMI_ARMS, SSGAN_ARMS
from gencourse.augment.training import with_budget  # noqa: F401 (lesson 05's, for any Budget)


@dataclass(frozen=True)
class Budget:
    """Training sizes: lesson 05's recogniser budget and the semi-supervised GAN's steps.

    ``label_shift``: 0, or the pixels by which ``ssgan_classic`` also moves its labelled
    images at random at every step (on top of the copies; measured not to pay: 0).
    ``threshold``, ``per_class``: which pseudo-labels are kept.

    How each was set (``bench/README.md``, "Recipes"): the steps, batch and networks and the
    pseudo-label threshold and cap were fixed in advance; ``ssgan_classic``'s classic copies
    (rather than random shifts of the labelled digits) were chosen on validation digits,
    +4.0 ± 1.7 points over 3 seeds (``bench/ssgan_choice.py``).
    """

    recogniser_steps: int = 400
    batch_size: int = 64
    ssgan_steps: int = 6000
    ssgan_batch_size: int = 100
    ssgan_hidden: tuple = (500, 250, 250)
    label_shift: int = 0
    threshold: float = 0.95
    per_class: int | None = 200
    synthetic_per_class: int = 100  # lesson 05's classic copies per class


FULL = Budget()
QUICK = Budget(recogniser_steps=4, batch_size=32, ssgan_steps=3, ssgan_batch_size=16)
#: The lesson's live slice (three seeds at n = 10 in its 5 minutes): lesson 05's live
#: recogniser (``augment.LESSON``), a discriminator half as wide and fewer, smaller GAN
#: steps, sized for the lesson's time (no digits read to choose it).
#: ``bench/right_sized.py --setting unlabelled`` compares it side by side with
#: :data:`FULL`: it does change two of the full recipe's conclusions (``bench/README.md``).
LESSON = Budget(
    recogniser_steps=200, ssgan_steps=3000, ssgan_batch_size=50, ssgan_hidden=(250, 125, 125)
)
#: The arms the lesson runs live: every arm its conclusions name (the GAN without copies
#: is in the shipped grid).
LIVE_ARMS = ("real", "real_classic", "pseudo", "m1", "ssgan_classic", "ssgan_supervised")


def default_budget() -> Budget:
    """:data:`QUICK` in quick mode (``GENCOURSE_QUICK=1``), else :data:`FULL`."""
    from gencourse.config import quick_mode

    return QUICK if quick_mode() else FULL


@dataclass
class Run:
    """One (n, seed) run: its split, every arm's held-out accuracy, and what it made.

    ``models`` holds the semi-supervised GANs (by arm: ``"ssgan"``, ``"ssgan_classic"``, ``"ssgan_supervised"``);
    ``pseudo`` the pseudo-labelling's :class:`~gencourse.semi.methods.PseudoResult`.
    """

    n: int
    seed: int
    split: object
    accuracies: dict = field(default_factory=dict)
    models: dict = field(default_factory=dict)
    pseudo: object | None = None


def run_once(
    data,
    n: int,
    seed: int,
    budget: Budget | None = None,
    arms: Sequence[str] = SEMI_ARMS,
    progress: Callable[[str], None] | None = None,
    vae=None,
) -> Run:
    """Every arm of one (n, seed) run, scored on the 1,000 held-out digits.

    Args:
        data: a :class:`gencourse.data.Dataset` (``mnist5k``).
        n: labelled digits per class; the other training digits are used without labels.
        seed: chooses the subset (lesson 05's), the augmentation and every model's weights.
        budget: training sizes (default: :func:`default_budget`).
        arms: from :data:`~gencourse.augment.sets.SEMI_ARMS`.
        progress: called with a short description after each arm.
        vae: the VAE whose latent means M1 uses (default: the shipped ``vae_mnist5k``).
    """
    from gencourse.augment.scoring import final_accuracy
    from gencourse.augment.sets import with_classic_copies
    from gencourse.augment.training import recogniser_trainer
    from gencourse.semi import methods

    budget = budget or default_budget()
    unknown = [a for a in arms if a not in SEMI_ARMS]
    if unknown or not arms:
        raise ValueError(f"arms must come from {SEMI_ARMS}. Received: {list(arms)}")
    say = progress or (lambda text: None)
    part = methods.split(data, n, seed)
    run = Run(n, seed, part)
    trainer = recogniser_trainer(data.x_train.shape[1:], data.num_classes)
    steps, batch = budget.recogniser_steps, budget.batch_size

    def done(arm, accuracy):
        run.accuracies[arm] = float(accuracy)
        say(f"n={n} seed={seed} {arm}")

    with_copies = with_classic_copies(
        part.x, part.y, budget.synthetic_per_class, seed, data.num_classes
    )

    def scored(predict):  # the test digits are read here only, after training
        return final_accuracy(predict, data)

    if "real" in arms:
        done("real", scored(trainer.fit(part.x, part.y, steps, batch, seed).predict))
    if "real_classic" in arms:
        done("real_classic", scored(trainer.fit(*with_copies, steps, batch, seed).predict))
    if "pseudo" in arms:
        run.pseudo = methods.pseudo_label(
            trainer,
            with_copies,
            part.u,
            part.u_labels,
            scored,
            steps,
            batch,
            seed,
            budget.threshold,
            budget.per_class,
        )
        done("pseudo", run.pseudo.accuracy)
    if "m1" in arms:
        if vae is None:  # loaded once for both feature sets
            from gencourse import pretrained

            vae = pretrained.load("vae_mnist5k")
        m1 = methods.m1_classifier(methods.vae_features(part.x, vae), part.y)
        done("m1", scored(lambda images: m1.predict(methods.vae_features(images, vae))))
    for arm in SSGAN_ARMS:
        if arm in arms:
            # ssgan_classic and its ablation: the labelled digits with lesson 05's classic copies.
            copied = arm in ("ssgan_classic", "ssgan_supervised")
            model = methods.train_semi_gan(
                with_copies if copied else (part.x, part.y),
                part.u,
                budget.ssgan_steps,
                budget.ssgan_batch_size,
                seed,
                budget.label_shift if copied else 0,
                unsupervised_weight=0.0 if arm == "ssgan_supervised" else 1.0,
                hidden=budget.ssgan_hidden,
            )
            run.models[arm] = model
            done(arm, scored(model.classify))
    return run


def grid_size(n_values, seeds, arms=SEMI_ARMS) -> int:
    """The number of arms the grid scores (the progress total)."""
    return len(n_values) * len(seeds) * len(arms)


@dataclass
class Results:
    """The grid's rows (n, arm, seed, accuracy), the pseudo-labels' rows, and how long it took."""

    rows: list
    seconds: float
    budget: Budget
    pseudo: list = field(default_factory=list)

    def summary(self) -> list:
        from gencourse.augment.report import summarize

        return summarize(self.rows)


def run_cell(
    n: int,
    seed: int,
    data=None,
    progress: Callable[[str], None] | None = None,
    budget: Budget | None = None,
    arms: Sequence[str] = SEMI_ARMS,
) -> dict:
    """One cell of :func:`run_grid`: :func:`run_once` for (n, seed), as table rows.

    Runs wherever the grid sends it (this process, a worker process, a Dask
    worker): ``{"rows": [{n, arm, seed, accuracy}, ...], "pseudo": [{n, seed,
    kept, correct}]}``. ``data``: default ``mnist5k``; the shipped VAE (for
    ``m1``) is loaded once per process.
    """
    from gencourse.augment.experiment import _mnist5k

    data = data if data is not None else _mnist5k()
    vae = _shipped_vae() if "m1" in arms else None
    run = run_once(data, int(n), int(seed), budget, arms, progress, vae)
    rows = [
        {"n": int(n), "arm": arm, "seed": int(seed), "accuracy": float(acc)}
        for arm, acc in run.accuracies.items()
    ]
    pseudo = []
    if run.pseudo is not None:
        pseudo.append(
            {"n": int(n), "seed": int(seed), "kept": run.pseudo.kept, "correct": run.pseudo.correct}
        )
    return {"rows": rows, "pseudo": pseudo}


@lru_cache(maxsize=1)
def _shipped_vae():
    from gencourse import pretrained

    return pretrained.load("vae_mnist5k")


def run_grid(
    n_values: Sequence[int] = (10, 20, 50, 100),
    seeds: Sequence[int] = (0, 1, 2),
    budget: Budget | None = None,
    arms: Sequence[str] = SEMI_ARMS,
    data=None,
    progress=None,
    *,
    out=None,
    fresh: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    threads: int | None = None,
) -> Results:
    """Runs every (n, seed); one row per (n, arm, seed). ``progress(done, total, text)``
    is called once with ``done=0`` at the start, then after each arm (after each
    cell with ``workers`` or ``scheduler``); a :class:`gencourse.grid.progress.Progress`
    is used as it is.

    ``out``, ``fresh``, ``workers``, ``scheduler``, ``threads``: where and how the
    cells (:func:`run_cell`) run and are kept, as in
    :func:`gencourse.augment.experiment.run_grid`.
    """
    from gencourse import grid
    from gencourse.augment.experiment import _mnist5k, check_grid

    data = data if data is not None else _mnist5k()
    budget = budget or default_budget()
    check_grid(data, n_values, seeds, keep=1)
    params = {"budget": budget, "arms": tuple(arms)}
    done = grid.run(
        grid.Grid("semi", run_cell, grid.grid_cells(n_values, seeds), params),
        out=out,
        fresh=fresh,
        workers=workers,
        scheduler=scheduler,
        data=data,
        progress=grid.as_progress(progress, len(arms)),
        threads=threads,
    )
    return Results(done.table("rows"), done.seconds, budget, done.table("pseudo"))
