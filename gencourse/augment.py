"""Lesson 05's experiment: does a cGAN's output help a recogniser trained on few labels?

The question, measured rather than assumed: with only ``n`` labelled digits
per class, does adding labelled samples from a conditional GAN, trained on
those same ``n`` digits per class and nothing else, make a digit recogniser
more accurate on real digits it has never seen?

Five arms share everything except their training set:

``real``          the ``n`` real digits per class;
``real_classic``  plus ``k`` shifted and slightly rotated copies per class;
``real_cgan``     plus ``k`` cGAN samples per class, with the labels asked for;
``real_both``     plus both (``2k`` extra images per class);
``synthetic``     the ``k`` cGAN samples per class alone: the classification
                  accuracy score (train on synthetic, test on real).

Every arm is scored on the same 1,000 held-out real digits of ``mnist5k``.

Fairness. The recogniser gets a fixed number of gradient steps, not epochs,
so an arm with a bigger training set is not also given more updates; with
the same seed the arms of one run also start from the same initial weights.
One cGAN is trained per (n, seed) and shared by the arms that use it; it
never sees a digit outside that run's subset, and is never reused for
another seed (another seed draws another subset).
"""

from __future__ import annotations

import csv
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from gencourse.config import quick_mode
from gencourse.i18n import get_language, t

ARMS = ("real", "real_classic", "real_cgan", "real_both", "synthetic")
CGAN_ARMS = ("real_cgan", "real_both", "synthetic")


# --- the scarce training set ------------------------------------------------------


def scarce_subset(data, n_per_class: int, seed: int):
    """``n_per_class`` training digits of each class, drawn with ``seed``.

    Only ``data.x_train`` is used, so the held-out digits never enter. For one
    seed the subsets are nested: the 10 digits per class of ``n=10`` are the
    first 10 of the 20 of ``n=20``, so a larger ``n`` only adds digits.

    Returns:
        ``(images, labels)``: (10 * n, h, w, 1) float32 and (10 * n,) int64,
        shuffled.

    Raises:
        ValueError: if ``n_per_class`` is below 1 or above what a class has.
    """
    available = int(np.bincount(data.y_train).min())
    if not isinstance(n_per_class, int | np.integer) or not 1 <= n_per_class <= available:
        raise ValueError(
            f"n_per_class must be an int from 1 to {available} (the training digits per class "
            f"in {data.name}). Received: n_per_class={n_per_class!r}"
        )
    rng = np.random.default_rng([int(seed), 5])
    chosen = [
        rng.permutation(np.flatnonzero(data.y_train == k))[:n_per_class]
        for k in range(data.num_classes)
    ]
    order = rng.permutation(np.concatenate(chosen))
    return data.x_train[order], data.y_train[order]


# --- classic augmentation ---------------------------------------------------------


def classic_augment(images, labels, seed: int, max_shift: int = 2, max_rotation: float = 10.0):
    """Randomly shifted and slightly rotated copies of ``images``; labels unchanged.

    Each image is rotated about its centre by an angle drawn uniformly from
    [-max_rotation, max_rotation] degrees and shifted by a whole number of
    pixels from -max_shift to max_shift along each axis (bilinear
    interpolation, zeros come in at the borders).

    Returns:
        ``(images, labels)`` with the shapes of the inputs; pixels stay in [0, 1].
    """
    from scipy import ndimage

    images = np.asarray(images, "float32")
    labels = np.asarray(labels)
    if images.ndim != 4 or len(labels) != len(images):
        raise ValueError(
            "images must have shape (n, height, width, channels) with one label each. "
            f"Received: images {images.shape}, labels {labels.shape}"
        )
    rng = np.random.default_rng(seed)
    n, h, w, _ = images.shape
    angles = np.deg2rad(rng.uniform(-max_rotation, max_rotation, n))
    shifts = rng.integers(-max_shift, max_shift + 1, size=(n, 2))
    centre = np.array([(h - 1) / 2, (w - 1) / 2])
    out = np.empty_like(images)
    for i in range(n):
        c, s = math.cos(angles[i]), math.sin(angles[i])
        rotation = np.array([[c, -s], [s, c]])
        # Output pixel o reads input pixel R (o - centre - shift) + centre.
        offset = centre - rotation @ (centre + shifts[i])
        for ch in range(images.shape[-1]):
            out[i, :, :, ch] = ndimage.affine_transform(
                images[i, :, :, ch], rotation, offset=offset, order=1, cval=0.0
            )
    return np.clip(out, 0.0, 1.0), labels.copy()


def classic_copies(images, labels, per_class: int, seed: int, num_classes: int = 10):
    """``per_class`` augmented copies per class, made from the class's own images in turn."""
    labels = np.asarray(labels)
    rng = np.random.default_rng([int(seed), 7])
    sources = []
    for k in range(num_classes):
        idx = rng.permutation(np.flatnonzero(labels == k))
        if len(idx):
            sources.append(np.resize(idx, per_class))
    sources = np.concatenate(sources) if sources else np.zeros(0, int)
    return classic_augment(np.asarray(images)[sources], labels[sources], seed=int(seed) + 1000)


# --- labelled synthetic samples and the mixed training set --------------------------


def balanced_labels(per_class: int, num_classes: int = 10) -> np.ndarray:
    """``per_class`` copies of each label 0..num_classes-1, in order: (per_class * num_classes,)."""
    return np.repeat(np.arange(num_classes), per_class)


def augmented_training_set(real_images, real_labels, synthetic_images, synthetic_labels, ratio):
    """The real images plus ``round(ratio * len(real_images))`` synthetic ones, with their labels.

    The synthetic images are taken from the start of the pool; each keeps its
    own label. Real images come first, then synthetic ones (the recogniser's
    batches are drawn at random, so the order does not matter).

    Raises:
        ValueError: if the ratio is negative or asks for more synthetic images
            than the pool holds.
    """
    count = round(ratio * len(real_images))
    if ratio < 0 or count > len(synthetic_images):
        raise ValueError(
            f"ratio must be >= 0 and ask for at most the {len(synthetic_images)} synthetic images "
            f"available. Received: ratio={ratio!r} ({count} synthetic images)"
        )
    images = np.concatenate([real_images, synthetic_images[:count]], axis=0)
    labels = np.concatenate([np.reshape(real_labels, -1), np.reshape(synthetic_labels, -1)[:count]])
    return images, labels


# --- the recogniser and the cGAN, trained for a fixed number of steps ----------------


@dataclass(frozen=True)
class Budget:
    """Training sizes. Steps are gradient steps, the same for every arm."""

    recogniser_steps: int = 400
    batch_size: int = 64
    cgan_steps: int = 600
    cgan_batch_size: int = 64


FULL = Budget()
QUICK = Budget(recogniser_steps=4, batch_size=32, cgan_steps=2, cgan_batch_size=32)


def default_budget() -> Budget:
    """:data:`QUICK` in quick mode (``GENCOURSE_QUICK=1``), else :data:`FULL`."""
    return QUICK if quick_mode() else FULL


def _step_indices(size: int, steps: int, batch_size: int, rng) -> np.ndarray:
    """Indices for exactly ``steps`` batches: whole shuffled passes, cut to length."""
    passes = -(-steps * batch_size // size)
    return np.concatenate([rng.permutation(size) for _ in range(passes)])[: steps * batch_size]


def build_recogniser(image_shape=(28, 28, 1), num_classes: int = 10):
    """A small CNN digit classifier (softmax outputs)."""
    import keras
    from keras import layers

    inputs = keras.Input(shape=image_shape)
    h = layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
    h = layers.MaxPooling2D()(h)
    h = layers.Conv2D(32, 3, activation="relu", padding="same")(h)
    h = layers.MaxPooling2D()(h)
    h = layers.Flatten()(h)
    h = layers.Dropout(0.3)(h)
    h = layers.Dense(64, activation="relu")(h)
    outputs = layers.Dense(num_classes, activation="softmax")(h)
    return keras.Model(inputs, outputs, name="recogniser")


def train_recogniser(images, labels, steps: int, batch_size: int = 64, seed: int = 0):
    """Trains a fresh recogniser for exactly ``steps`` gradient steps; returns the model.

    The same ``seed`` gives the same initial weights, whatever the training set.
    """
    import keras

    keras.utils.set_random_seed(seed)
    model = build_recogniser(images.shape[1:], 10)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    idx = _step_indices(len(images), steps, batch_size, np.random.default_rng([seed, 11]))
    model.fit(images[idx], labels[idx], batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    return model


def accuracy(model, images, labels) -> float:
    """The share of ``images`` the model classifies as their ``labels``."""
    predicted = model.predict(images, batch_size=500, verbose=0).argmax(axis=1)
    return float(np.mean(predicted == np.asarray(labels).reshape(-1)))


def train_cgan(images, labels, steps: int, batch_size: int = 64, seed: int = 0):
    """The course's conditional GAN, trained for ``steps`` steps on these images only."""
    from gencourse.models import make_conditional_gan

    cgan = make_conditional_gan(latent_dim=64, num_classes=10, seed=seed)
    idx = _step_indices(len(images), steps, batch_size, np.random.default_rng([seed, 13]))
    cgan.fit(images[idx], labels[idx], batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    return cgan


def nearest_distance(images, reference, batch_size: int = 500) -> np.ndarray:
    """Each image's root-mean-square pixel distance to its nearest image in ``reference``.

    A cGAN that copies its training images gives samples much nearer to them
    than new real digits of the same classes are.
    """
    ref = np.asarray(reference, "float32").reshape(len(reference), -1)
    ref_sq = np.sum(ref**2, axis=1)
    x = np.asarray(images, "float32").reshape(len(images), -1)
    out = np.empty(len(x), "float32")
    for start in range(0, len(x), batch_size):
        part = x[start : start + batch_size]
        d2 = np.sum(part**2, axis=1)[:, None] + ref_sq[None, :] - 2.0 * part @ ref.T
        out[start : start + batch_size] = np.sqrt(np.maximum(d2.min(axis=1), 0.0) / x.shape[1])
    return out


# --- one run and the grid -----------------------------------------------------------


@dataclass
class Run:
    """Everything one (n, seed) run made, for a notebook to look at."""

    n: int
    seed: int
    real: tuple
    classic: tuple
    synthetic: tuple | None
    cgan: object | None
    accuracies: dict = field(default_factory=dict)


def training_sets(run: Run) -> dict:
    """The training set of each arm of ``run``: ``{arm: (images, labels)}``."""
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
        cgan = train_cgan(*real, budget.cgan_steps, budget.cgan_batch_size, seed)
        wanted = balanced_labels(synthetic_per_class, data.num_classes)
        synthetic = (cgan.generate(wanted, seed=seed + 500), wanted)
        say(f"n={n} seed={seed} cgan")
    run = Run(n, seed, real, classic, synthetic, cgan)
    sets = training_sets(run)
    for arm in arms:
        images, labels = sets[arm]
        model = train_recogniser(images, labels, budget.recogniser_steps, budget.batch_size, seed)
        run.accuracies[arm] = accuracy(model, data.x_test, data.y_test)
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


def summarize(rows) -> list:
    """Mean and standard deviation (ddof=1; 0 for one seed) per (n, arm), in grid order."""
    groups: dict = {}
    for row in rows:
        groups.setdefault((int(row["n"]), row["arm"]), []).append(float(row["accuracy"]))
    out = []
    for (n, arm), values in sorted(groups.items(), key=lambda kv: (kv[0][0], ARMS.index(kv[0][1]))):
        std = float(np.std(values, ddof=1)) if len(values) > 1 else 0.0
        out.append(
            {"n": n, "arm": arm, "mean": float(np.mean(values)), "std": std, "runs": len(values)}
        )
    return out


# --- files ------------------------------------------------------------------------


def write_csv(rows, path) -> Path:
    """Writes dict rows to ``path`` (columns from the first row)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {k: (f"{v:.4f}" if isinstance(v, float) else v) for k, v in row.items()}
            )
    return path


def read_rows(path) -> list:
    """Reads ``augment.csv`` written by :func:`write_csv` back into rows."""
    with Path(path).open(encoding="utf-8") as f:
        return [
            {
                "n": int(r["n"]),
                "arm": r["arm"],
                "seed": int(r["seed"]),
                "accuracy": float(r["accuracy"]),
            }
            for r in csv.DictReader(f)
        ]


# --- the table, the plot and the conclusions ----------------------------------------


def arm_name(arm: str, lang: str | None = None) -> str:
    """The arm's name for people, in ``lang``."""
    return t(f"augment.arm.{arm}", lang)


def table_rows(summary, lang: str | None = None) -> tuple[list, list]:
    """``(headers, rows)`` of the summary as text, one row per n, one column per arm."""
    arms = [a for a in ARMS if any(s["arm"] == a for s in summary)]
    headers = [t("augment.col.n", lang)] + [arm_name(a, lang) for a in arms]
    rows = []
    for n in sorted({s["n"] for s in summary}):
        cells = {s["arm"]: s for s in summary if s["n"] == n}
        rows.append(
            [str(n)]
            + [
                f"{100 * cells[a]['mean']:.1f} ± {100 * cells[a]['std']:.1f}" if a in cells else "-"
                for a in arms
            ]
        )
    return headers, rows


def print_summary(summary, lang: str | None = None) -> None:
    """Prints the summary as a table of accuracy (%) mean ± standard deviation."""
    from gencourse.viz import print_table

    print(t("augment.table_title", lang, runs=max(s["runs"] for s in summary)))
    print_table(*table_rows(summary, lang))


_STYLE = {
    "real": ("black", "o"),
    "real_classic": ("tab:blue", "s"),
    "real_cgan": ("tab:red", "^"),
    "real_both": ("tab:purple", "D"),
    "synthetic": ("tab:gray", "v"),
}


def plot_accuracy(summary, lang: str | None = None):
    """Held-out accuracy against labelled digits per class, one line per arm, error bars = std."""
    import matplotlib.pyplot as plt

    from gencourse.viz import use_hangul_font

    use_hangul_font()
    fig, ax = plt.subplots(figsize=(7.5, 4.6))
    n_values = sorted({s["n"] for s in summary})
    arms = [a for a in ARMS if any(s["arm"] == a for s in summary)]
    for i, arm in enumerate(arms):
        rows = sorted((s for s in summary if s["arm"] == arm), key=lambda s: s["n"])
        # Small sideways offsets keep the error bars of the arms apart.
        x = [s["n"] * (1 + 0.025 * (i - (len(arms) - 1) / 2)) for s in rows]
        colour, marker = _STYLE[arm]
        ax.errorbar(
            x,
            [100 * s["mean"] for s in rows],
            yerr=[100 * s["std"] for s in rows],
            label=arm_name(arm, lang),
            color=colour,
            marker=marker,
            capsize=3,
            linestyle="--" if arm == "synthetic" else "-",
        )
    ax.set_xscale("log")
    ax.set_xticks(n_values)
    ax.set_xticklabels([str(n) for n in n_values])
    ax.minorticks_off()
    ax.set_xlabel(t("augment.fig.x", lang))
    ax.set_ylabel(t("augment.fig.y", lang))
    ax.set_title(t("augment.fig.title", lang))
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


@dataclass
class Finding:
    """What the numbers say at one n."""

    n: int
    winner: str
    means: dict
    stds: dict
    margins: dict  # arm -> mean(arm) - mean(real), in accuracy units
    spreads: dict  # arm -> sqrt(std(arm)^2 + std(real)^2)

    def verdict(self, arm: str) -> str:
        """``"helps"``, ``"hurts"`` or ``"tie"``: does ``arm`` beat real-only by more than the spread?"""
        margin, spread = self.margins[arm], self.spreads[arm]
        if margin > spread:
            return "helps"
        if margin < -spread:
            return "hurts"
        return "tie"


def findings(summary) -> list:
    """One :class:`Finding` per n, read from the summary rows."""
    out = []
    for n in sorted({s["n"] for s in summary}):
        cells = {s["arm"]: s for s in summary if s["n"] == n}
        if "real" not in cells:
            raise ValueError(f"The summary needs the 'real' arm at every n. Missing at n={n}.")
        means = {a: c["mean"] for a, c in cells.items()}
        stds = {a: c["std"] for a, c in cells.items()}
        contenders = [a for a in means if a != "synthetic"]
        winner = max(contenders, key=lambda a: means[a])
        margins = {a: means[a] - means["real"] for a in means if a != "real"}
        spreads = {a: math.hypot(stds[a], stds["real"]) for a in margins}
        out.append(Finding(n, winner, means, stds, margins, spreads))
    return out


def _pts(x: float) -> str:
    return f"{100 * x:+.1f}"


def conclusions(summary, lang: str | None = None) -> list:
    """The findings as sentences in ``lang``, computed from the summary.

    For every n: the winning arm and its margin over real-only with the
    spread; then whether the cGAN's samples helped, at which n, and where they
    did not, the reason the numbers suggest (the synthetic-only accuracy tells
    how much the samples carry on their own).

    With one seed per cell the spread between seeds cannot be measured (the
    summary's std of 0 is a placeholder, not a measurement): the first line
    says so, and only the comparisons of means are given, without the
    verdicts that weigh a difference against the spread.
    """
    lang = lang or get_language()
    found = findings(summary)
    one_seed = min(s["runs"] for s in summary) < 2
    lines = [t("augment.c.one_seed", lang)] if one_seed else []
    for f in found:
        if f.winner == "real":
            lines.append(t("augment.c.real_wins", lang, n=f.n, mean=100 * f.means["real"]))
            continue
        if one_seed:
            key = "augment.c.winner_mean"
        elif f.verdict(f.winner) == "helps":
            key = "augment.c.winner_clear"
        else:
            key = "augment.c.winner_tie"
        lines.append(
            t(
                key,
                lang,
                n=f.n,
                arm=arm_name(f.winner, lang),
                mean=100 * f.means[f.winner],
                margin=_pts(f.margins[f.winner]),
                spread=100 * f.spreads[f.winner],
            )
        )
    with_cgan = [f for f in found if "real_cgan" in f.margins]
    if one_seed:
        classic = [
            f
            for f in with_cgan
            if "real_classic" in f.margins and f.margins["real_classic"] > f.margins["real_cgan"]
        ]
        if classic:
            lines.append(
                t("augment.c.classic_better", lang, ns=", ".join(str(f.n) for f in classic))
            )
        return lines
    if not with_cgan:
        return lines
    helps = [f for f in with_cgan if f.verdict("real_cgan") == "helps"]
    if helps:
        lines.append(
            t(
                "augment.c.cgan_helps",
                lang,
                ns=", ".join(str(f.n) for f in helps),
                margins=", ".join(
                    f"{_pts(f.margins['real_cgan'])} ± {100 * f.spreads['real_cgan']:.1f}"
                    for f in helps
                ),
            )
        )
    for verdict in ("tie", "hurts"):
        group = [f for f in with_cgan if f.verdict("real_cgan") == verdict]
        if group:
            lines.append(
                t(
                    f"augment.c.cgan_{verdict}",
                    lang,
                    ns=", ".join(str(f.n) for f in group),
                    margins=", ".join(
                        f"{_pts(f.margins['real_cgan'])} ± {100 * f.spreads['real_cgan']:.1f}"
                        for f in group
                    ),
                )
            )
    not_helped = [
        f for f in with_cgan if f.verdict("real_cgan") != "helps" and "synthetic" in f.means
    ]
    for reason in ("augment.c.why_weak", "augment.c.why_redundant"):
        group = [f for f in not_helped if _reason(f) == reason]
        if group:
            lines.append(
                t(
                    reason,
                    lang,
                    ns=", ".join(str(f.n) for f in group),
                    synthetic=", ".join(f"{100 * f.means['synthetic']:.1f}" for f in group),
                    real=", ".join(f"{100 * f.means['real']:.1f}" for f in group),
                )
            )
    classic = [
        f
        for f in with_cgan
        if f.verdict("real_cgan") != "helps"
        and "real_classic" in f.margins
        and f.margins["real_classic"] > f.margins["real_cgan"]
    ]
    if classic:
        lines.append(t("augment.c.classic_better", lang, ns=", ".join(str(f.n) for f in classic)))
    on_top = [f for f in with_cgan if "real_both" in f.means and "real_classic" in f.means]
    if on_top:
        parts = []
        for f in on_top:
            gap = f.means["real_both"] - f.means["real_classic"]
            spread = math.hypot(f.stds["real_both"], f.stds["real_classic"])
            parts.append(f"n = {f.n}: {_pts(gap)} ± {100 * spread:.1f}")
        clear = [f.n for f in on_top if _on_top_clear(f)]
        key = "augment.c.on_top_clear" if clear else "augment.c.on_top_none"
        lines.append(t(key, lang, parts="; ".join(parts), ns=", ".join(str(n) for n in clear)))
    return lines


def _reason(f: Finding) -> str:
    """Why the cGAN did not help at ``f.n``: weak samples, or samples that only repeat the real ones."""
    gap = f.means["real"] - f.means["synthetic"]
    return "augment.c.why_weak" if gap > f.spreads["synthetic"] else "augment.c.why_redundant"


def _on_top_clear(f: Finding) -> bool:
    """Does real + both beat real + classic by more than their spread?"""
    gap = f.means["real_both"] - f.means["real_classic"]
    return gap > math.hypot(f.stds["real_both"], f.stds["real_classic"])




def with_budget(budget: Budget, **changes) -> Budget:
    """A copy of ``budget`` with some sizes changed (``None`` values are ignored)."""
    return replace(budget, **{k: v for k, v in changes.items() if v is not None})
