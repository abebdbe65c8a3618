"""Lesson 07's measurements: noising digits, sampling steps, guidance and memorisation.

Each report samples with a :class:`~gencourse.models.diffusion.DiffusionModel`,
measures the samples with the course's judge (label agreement, the share read
with at least 0.9 confidence, the Fréchet distance on the judge's features,
per-digit shares), prints a table and the sentences the numbers support. The
verdict functions (numbers in, one sentence out) are tested branch by branch;
their texts are in ``gencourse/i18n/catalog/diffusion.py``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np

from gencourse import metrics
from gencourse.i18n import t
from gencourse.reports.printing import say, table

# Fréchet distances within this fraction of the lowest count as "as good".
CLOSE = 0.10
# Sharpness below this share of the real digits' reads as blurred, above this one as noisy.
BLURRED = 0.8
NOISY = 1.25
# A share of copies above this reads as copying.
COPYING = 0.10


@dataclass
class Quality:
    """What the judge measures on one set of samples."""

    agreement: float  # share read as the label asked for (nan for unconditional samples)
    confident: float  # share read with top probability >= 0.9
    frechet: float  # judge-feature Fréchet distance to held-out real digits
    shares: np.ndarray  # share read as each digit
    diversity: float  # mean pixel distance between two samples of the same label
    seconds_per_1000: float  # sampling time per 1,000 images


def diversity(images, labels) -> float:
    """The mean root-mean-square pixel distance between two images of the same label.

    Averaged over labels (all pairs within a label); 0 when every image of a
    label is the same.
    """
    images = np.asarray(images, "float64").reshape(len(images), -1)
    labels = np.asarray(labels).reshape(-1)
    values = []
    for label in np.unique(labels):
        group = images[labels == label]
        if len(group) < 2:
            continue
        squared = (group**2).sum(1)
        d2 = np.maximum(squared[:, None] + squared[None, :] - 2 * group @ group.T, 0.0)
        pairs = np.triu_indices(len(group), 1)
        values.append(np.sqrt(d2[pairs] / group.shape[1]).mean())
    return float(np.mean(values)) if values else float("nan")


def measure(model, judge, real_images, labels, seed=0, **sample_args) -> Quality:
    """Samples one image per label with ``model.sample(labels, **sample_args)`` and measures it."""
    labels = np.asarray(labels).reshape(-1)
    started = time.perf_counter()
    images = model.sample(labels, seed=seed, **sample_args)
    seconds = time.perf_counter() - started
    verdict = metrics.judge_images(judge, images)
    conditional = labels < model.num_classes
    agreement = (
        metrics.label_agreement(judge, images[conditional], labels[conditional]).overall
        if conditional.any()
        else float("nan")
    )
    return Quality(
        agreement=agreement,
        confident=verdict.confident_share,
        frechet=metrics.frechet_distance(images, real_images, judge),
        shares=verdict.shares,
        diversity=diversity(images, labels),
        seconds_per_1000=1000 * seconds / max(len(labels), 1),
    )


# --- the forward process on digits ------------------------------------------------------


def noising_figure(image, schedules: dict, timesteps, seed=0):
    """One digit noised at ``timesteps`` under each schedule, above their ᾱ_t curves.

    Args:
        image: one digit in [0, 1], (28, 28) or (28, 28, 1).
        schedules: ``{name: Schedule}``, e.g. the linear and the cosine one.
        timesteps: the steps to show, ints counted from 0.
    """
    from gencourse.models.diffusion import q_sample

    x0 = 2.0 * np.asarray(image, "float64").reshape(1, 28, 28, 1) - 1.0
    noise = np.random.default_rng(seed).standard_normal(x0.shape)
    fig = plt.figure(figsize=(1.3 * len(timesteps) + 3.6, 1.4 * len(schedules) + 0.6))
    grid = fig.add_gridspec(len(schedules), len(timesteps) + 3)
    for row, (name, schedule) in enumerate(schedules.items()):
        for col, step in enumerate(timesteps):
            x_t = q_sample(x0, np.array([step]), noise, schedule.alpha_bars)
            ax = fig.add_subplot(grid[row, col])
            ax.imshow(np.clip((x_t[0, :, :, 0] + 1) / 2, 0, 1), cmap="gray_r", vmin=0, vmax=1)
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_title(f"t = {step}", fontsize=8)
            if col == 0:
                ax.set_ylabel(t(f"r07.schedule_{name}"), fontsize=9)
    curve = fig.add_subplot(grid[:, len(timesteps) :])
    for name, schedule in schedules.items():
        curve.plot(schedule.alpha_bars, label=t(f"r07.schedule_{name}"))
    curve.set_xlabel(t("r07.timestep"))
    curve.set_ylabel(r"$\bar{\alpha}_t$")
    curve.legend()
    fig.suptitle(t("r07.noising_title"))
    fig.tight_layout()
    return fig


# --- sampling steps ---------------------------------------------------------------------


def steps_verdict(steps, frechets, seconds) -> str:
    """The fewest steps whose Fréchet distance is within :data:`CLOSE` of the lowest, and their cost."""
    frechets, seconds = np.asarray(frechets, float), np.asarray(seconds, float)
    best = int(np.argmin(frechets))
    if best == 0:  # the fewest steps measured were already the best
        return t("r07.steps_fewest", steps=steps[0], frechet=frechets[0])
    enough = next(i for i in range(len(steps)) if frechets[i] <= (1 + CLOSE) * frechets[best])
    if enough == best:
        return t("r07.steps_best", steps=steps[best], frechet=frechets[best])
    return t(
        "r07.steps_enough",
        steps=steps[enough],
        frechet=frechets[enough],
        best_steps=steps[best],
        best=frechets[best],
        share=seconds[enough] / seconds[best],
    )


def method_verdict(steps, ddim, ddpm) -> str:
    """DDIM against DDPM at the same number of steps, by Fréchet distance."""
    if abs(ddim - ddpm) <= CLOSE * min(ddim, ddpm):
        return t("r07.methods_tie", steps=steps, ddim=ddim, ddpm=ddpm)
    key = "r07.ddim_lower" if ddim < ddpm else "r07.ddpm_lower"
    return t(key, steps=steps, ddim=ddim, ddpm=ddpm)


def steps_report(model, judge, real_images, labels, ddim_steps, ddpm_steps, seed=0) -> dict:
    """Measures DDIM and DDPM at each number of steps; prints the table and the verdicts.

    Returns:
        ``{(method, steps): Quality}``.
    """
    runs = {("ddim", s): None for s in ddim_steps} | {("ddpm", s): None for s in ddpm_steps}
    for method, steps in runs:
        runs[method, steps] = measure(
            model, judge, real_images, labels, seed, steps=steps, method=method
        )
    rows = [
        [
            method.upper(),
            steps,
            f"{q.seconds_per_1000:.1f}",
            f"{q.agreement:.1%}",
            f"{q.confident:.1%}",
            f"{q.frechet:.1f}",
        ]
        for (method, steps), q in runs.items()
    ]
    table("r07.steps_headers", rows)
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.2))
    for method, steps_list in (("ddim", ddim_steps), ("ddpm", ddpm_steps)):
        qs = [runs[method, s] for s in steps_list]
        axes[0].plot(steps_list, [q.frechet for q in qs], "o-", label=method.upper())
        axes[1].plot(steps_list, [q.seconds_per_1000 for q in qs], "o-", label=method.upper())
    ticks = sorted(set(ddim_steps) | set(ddpm_steps))
    for ax, key in zip(axes, ("r07.frechet", "r07.seconds_per_1000"), strict=True):
        ax.set_xscale("log")
        ax.minorticks_off()
        ax.set_xticks(ticks, [str(s) for s in ticks])
        ax.set_xlabel(t("r07.steps"))
        ax.set_ylabel(t(key))
        ax.legend()
    fig.suptitle(t("r07.steps_title"))
    fig.tight_layout()
    plt.show()
    ddim = [runs["ddim", s] for s in ddim_steps]
    lines = [
        steps_verdict(
            list(ddim_steps), [q.frechet for q in ddim], [q.seconds_per_1000 for q in ddim]
        )
    ]
    shared = [s for s in ddpm_steps if s in ddim_steps]
    if shared:
        s = shared[0]
        lines.append(method_verdict(s, runs["ddim", s].frechet, runs["ddpm", s].frechet))
    say(*lines)
    return runs


# --- guidance ---------------------------------------------------------------------------


def guidance_verdict(scales, agreements, diversities, real_diversity) -> str:
    """What raising the guidance scale from the lowest to the highest did to agreement and diversity."""
    rose = agreements[-1] > agreements[0] + 0.01
    fell = diversities[-1] < diversities[0] * 0.95
    key = "r07.trade" if rose and fell else "r07.no_trade"
    return t(
        key,
        low=scales[0],
        high=scales[-1],
        agreement_low=agreements[0],
        agreement_high=agreements[-1],
        diversity_low=diversities[0],
        diversity_high=diversities[-1],
        real=real_diversity,
    )


def coverage_verdict(shares) -> str:
    """The rarest digit among unconditional samples (an even spread gives 10% each)."""
    shares = np.asarray(shares, float)
    digit = int(np.argmin(shares))
    return t("r07.coverage", digit=digit, share=shares[digit], most=shares.max())


def guidance_report(model, judge, real_images, real_labels, labels, scales, steps, seed=0) -> dict:
    """Measures each guidance scale; prints the table, a plot and the verdicts.

    Returns:
        ``{scale: Quality}``.
    """
    runs = {
        s: measure(model, judge, real_images, labels, seed, steps=steps, guidance=s) for s in scales
    }
    real_diversity = diversity(real_images, real_labels)
    rows = [
        [
            f"{s:g}",
            f"{q.agreement:.1%}",
            f"{q.confident:.1%}",
            f"{q.frechet:.1f}",
            f"{q.diversity:.3f}",
            f"{q.shares.min():.1%}",
        ]
        for s, q in runs.items()
    ]
    rows.append([t("r07.real_digits"), "", "", "", f"{real_diversity:.3f}", ""])
    table("r07.guidance_headers", rows)
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.2))
    values = [
        ("r07.agreement", [q.agreement for q in runs.values()]),
        ("r07.frechet", [q.frechet for q in runs.values()]),
        ("r07.diversity", [q.diversity for q in runs.values()]),
    ]
    for ax, (key, ys) in zip(axes, values, strict=True):
        ax.plot(list(scales), ys, "o-")
        ax.set_xlabel(t("r07.scale"))
        ax.set_ylabel(t(key))
    axes[2].axhline(real_diversity, color="0.5", linestyle="--", label=t("r07.real_digits"))
    axes[2].legend()
    fig.suptitle(t("r07.guidance_title"))
    fig.tight_layout()
    plt.show()
    qs = list(runs.values())
    best = min(runs, key=lambda s: runs[s].frechet)
    lines = [
        guidance_verdict(
            list(scales), [q.agreement for q in qs], [q.diversity for q in qs], real_diversity
        ),
        t("r07.best_frechet", scale=best, frechet=runs[best].frechet),
    ]
    if 0 in runs:
        lines.append(coverage_verdict(runs[0].shares))
    say(*lines)
    return runs


# --- memorisation -----------------------------------------------------------------------


def nearest_distances(images, train_images, skip_self=False) -> tuple[np.ndarray, np.ndarray]:
    """Each image's root-mean-square pixel distance to its nearest training image, and its index."""
    a = np.asarray(images, "float64").reshape(len(images), -1)
    b = np.asarray(train_images, "float64").reshape(len(train_images), -1)
    d2 = (a**2).sum(1)[:, None] + (b**2).sum(1)[None, :] - 2 * a @ b.T
    if skip_self:
        np.fill_diagonal(d2, np.inf)
    nearest = d2.argmin(1)
    return np.sqrt(np.maximum(d2[np.arange(len(a)), nearest], 0.0) / a.shape[1]), nearest


def sharpness(images) -> float:
    """The mean absolute difference between neighbouring pixels (edges): lower is blurrier."""
    x = np.asarray(images, "float64").reshape(len(images), 28, 28)
    return float((np.abs(np.diff(x, axis=1)).mean() + np.abs(np.diff(x, axis=2)).mean()) / 2)


def memorisation_verdicts(copy_share, threshold, sharp_ratio) -> list[str]:
    """Two sentences: do samples come closer to training images than new real digits; are they
    blurred, as sharp as real digits, or noisy (neighbouring pixels differing more than real strokes).
    """
    if copy_share > COPYING:
        key = "r07.copies"
    elif copy_share == 0:
        key = "r07.no_copies_none"  # not "only 0% of the samples"
    else:
        key = "r07.no_copies"
    lines = [t(key, share=copy_share, threshold=threshold)]
    if sharp_ratio < BLURRED:
        lines.append(t("r07.blurred", ratio=sharp_ratio))
    elif sharp_ratio > NOISY:
        lines.append(t("r07.noisy", ratio=sharp_ratio))
    else:
        lines.append(t("r07.sharp", ratio=sharp_ratio))
    return lines


def memorisation_report(samples, train_images, held_out_images) -> dict:
    """Nearest-training-image distances of samples and of held-out real digits, and sharpness.

    A sample counts as a copy when it lies closer to a training image than
    every held-out real digit does: new real digits never come that close.
    Sharpness tells a blurred average (close to many training images, a copy
    of none) from a sharp copy.
    """
    sample_d, nearest = nearest_distances(samples, train_images)
    held_d, _ = nearest_distances(held_out_images, train_images)
    threshold = float(held_d.min())
    copy_share = float(np.mean(sample_d < threshold))
    sharp_ratio = sharpness(samples) / sharpness(train_images)
    rows = [
        [
            t("r07.samples"),
            f"{np.median(sample_d):.3f}",
            f"{sample_d.min():.3f}",
            f"{sharpness(samples):.3f}",
        ],
        [
            t("r07.held_out_digits"),
            f"{np.median(held_d):.3f}",
            f"{held_d.min():.3f}",
            f"{sharpness(held_out_images):.3f}",
        ],
    ]
    table("r07.memory_headers", rows)
    say(*memorisation_verdicts(copy_share, threshold, sharp_ratio))
    order = np.argsort(sample_d)[:8]
    pairs = np.concatenate([np.asarray(samples)[order], np.asarray(train_images)[nearest[order]]])
    return {
        "copy_share": copy_share,
        "threshold": threshold,
        "sharpness_ratio": sharp_ratio,
        "pairs": pairs,
        "distances": sample_d[order],
    }
