"""Lesson 03's measurements: D against D*, the toy GANs, the digit GAN and its moving average."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gencourse import metrics
from gencourse.i18n import t
from gencourse.reports.printing import say, table

# |mean D - 1/2| under which both means count as "near 1/2".
NEAR_HALF = 0.05
# A generated bump is "too tall" when the histogram's tallest bar exceeds the data's peak
# density by this factor, "too narrow" when its spread is under this share of the data's.
TOO_TALL, TOO_NARROW = 1.5, 0.8
# Two Fréchet distances closer than this count as about equal (the spread between runs).
FD_MARGIN = 2.0


def optimal_discriminator_table(grid, p_data, p_g, d_star, d_trained, points=(-4, -2, 0, 2, 4)):
    """Prints how far the trained D is from D*, weighted by where its samples were.

    Args:
        grid: (n,) points x.
        p_data, p_g: (n,) the two densities at ``grid``.
        d_star, d_trained: (n,) the formula's D* and the trained D at ``grid``.
        points: the x of the table's rows (the nearest grid points).
    """
    weight = (p_data + p_g) / 2  # the density of the points the discriminator saw
    error = np.abs(d_trained - d_star)
    print(t("r03.d_error_mean", error=(error * weight).sum() / weight.sum()))
    print(t("r03.d_error_max", error=error[weight > 0.05].max()))
    picked = [int(np.argmin(np.abs(grid - x))) for x in points]
    rows = [
        [f"{grid[i]:+.0f}", f"{d_star[i]:.2f}", f"{d_trained[i]:.2f}", f"{weight[i]:.3f}"]
        for i in picked
    ]
    table("r03.d_star_headers", rows)


@dataclass
class Bumps:
    """The generated samples near each bump of a 1-D mixture."""

    centres: list
    shares: list  # share of all samples within ``radius`` of the centre
    widths: list  # their standard deviation (0 when fewer than two)
    tallest: float  # the histogram's tallest bar over the data's peak density


def bumps(samples, mixture, grid, radius: float = 1.0, bins: int = 150) -> Bumps:
    """Measures the samples around each centre of a 1-D ``mixture`` (histogram over ``grid``)."""
    samples = np.ravel(samples)
    centres = [float(c) for c in mixture.means[:, 0]]
    shares, widths = [], []
    for centre in centres:
        near = samples[np.abs(samples - centre) < radius]
        shares.append(len(near) / len(samples))
        widths.append(float(near.std()) if len(near) > 1 else 0.0)
    heights, _ = np.histogram(samples, bins=bins, range=(grid.min(), grid.max()), density=True)
    return Bumps(centres, shares, widths, float(heights.max() / mixture.pdf(grid).max()))


def toy_verdict(d_real: float, d_fake: float, tallest: float, narrowest: float, data_std: float):
    """The sentence for the toy GAN: are both means near 1/2, and do the bumps match?"""
    half = abs(d_real - 0.5) < NEAR_HALF and abs(d_fake - 0.5) < NEAR_HALF
    if not half:
        return t("r03.toy_not_half")
    if tallest > TOO_TALL or narrowest < TOO_NARROW * data_std:
        return t("r03.toy_half_but_different", tallest=tallest, narrowest=narrowest, std=data_std)
    return t("r03.toy_half_and_same")


def last_epoch(history) -> dict:
    """The last epoch's value of every metric in a Keras ``History``."""
    return {key: values[-1] for key, values in history.history.items()}


def toy_report(history, samples, mixture, grid, d_output) -> Bumps:
    """Prints the toy GAN's last means, D's range on the data, a table per bump and the verdict.

    Args:
        history: the ``History`` of ``GAN.fit`` (``d_real``, ``d_fake`` per epoch).
        samples: the generator's samples, (n,) or (n, 1).
        mixture: the 1-D :class:`gencourse.toy.Mixture` it was trained on.
        grid: (m,) points where ``d_output`` was taken.
        d_output: (m,) the discriminator's probability at ``grid``.
    """
    final = last_epoch(history)
    near_data = mixture.pdf(grid) > 0.05
    print(t("r03.last_epoch", d_real=final["d_real"], d_fake=final["d_fake"]))
    low, high = d_output[near_data].min(), d_output[near_data].max()
    print(t("r03.d_range", low=low, high=high))
    found = bumps(samples, mixture, grid)
    rows = [
        [f"{c:+.0f}", f"{s:.1%}", f"{w:.2f}"]
        for c, s, w in zip(found.centres, found.shares, found.widths, strict=True)
    ]
    table("r03.bump_headers", rows, share=1 / len(found.centres), std=mixture.std)
    narrowest = min(found.widths)
    say(toy_verdict(final["d_real"], final["d_fake"], found.tallest, narrowest, mixture.std))
    return found


def mode_counts(coverages: dict, k: int) -> None:
    """Prints, per setting, the modes found after each epoch and after the last one.

    Args:
        coverages: setting name -> :class:`gencourse.callbacks.ModeCoverage` after ``fit``.
        k: the number of modes of the data.
    """
    for name, coverage in coverages.items():
        print(
            t("r03.modes_per_epoch", name=name, found=coverage.found, k=k, last=coverage.found[-1])
        )


def balance_verdict(d_real: float, d_fake: float) -> str:
    """Is the discriminator still ahead (real scored > 0.05 above fakes), or near a balance?"""
    lead = d_real - d_fake
    if lead > NEAR_HALF:
        return t("r03.d_ahead", lead=lead)
    return t("r03.d_balanced", lead=lead)


def balance_report(history) -> None:
    """Prints the last epoch's two means and :func:`balance_verdict`."""
    final = last_epoch(history)
    print(t("r03.last_epoch", d_real=final["d_real"], d_fake=final["d_fake"]))
    print(balance_verdict(final["d_real"], final["d_fake"]))


def effective_classes(shares) -> float:
    """exp of the entropy of the class shares: 10 when ten classes are equally common."""
    shares = np.asarray(shares, "float64")
    shares = shares[shares > 0] / shares.sum()
    return float(np.exp(-np.sum(shares * np.log(shares))))


def digit_shares(judge, samples, real) -> metrics.Verdict:
    """Prints how the judge reads real digits and samples, and how evenly the samples spread.

    Args:
        judge: the judge classifier (``metrics.load_judge()``).
        samples: generated images, (n, 28, 28, 1).
        real: real held-out images to compare with.

    Returns:
        The judge's verdict on ``samples``.
    """
    real_verdict = metrics.judge_images(judge, real)
    verdict = metrics.judge_images(judge, samples)
    rows = [
        [name, v.classes_found, f"{v.confident_share:.1%}", f"{v.shares.max():.1%}"]
        for name, v in ((t("r03.real_digits"), real_verdict), (t("r03.gan_samples"), verdict))
    ]
    table("r03.judge_headers", rows)
    shares = verdict.shares
    say(t("r03.counts", counts=dict(enumerate(verdict.counts.tolist()))))
    print(
        t(
            "r03.commonest_rarest",
            common=int(shares.argmax()),
            common_share=shares.max(),
            rare=int(shares.argmin()),
            rare_share=shares.min(),
        )
    )
    print(t("r03.effective_digits", effective=effective_classes(shares)))
    return verdict


def ema_verdict(own_fd: float, average_fd: float, margin: float = FD_MARGIN) -> str:
    """Did the moving average's samples come closer to the real digits than the own weights'?"""
    if abs(own_fd - average_fd) < margin:
        return t("r03.ema_same", margin=margin)
    if average_fd < own_fd:
        return t("r03.ema_closer")
    return t("r03.ema_farther")


def ema_report(judge, panels: dict, real) -> tuple[float, float]:
    """Prints the judge's table for the two sets of samples, their Fréchet distances and the verdict.

    Args:
        judge: the judge classifier.
        panels: name -> samples: first those made with the generator's own weights after
            the last step, then those made with the moving average (same noise vectors).
        real: the held-out digits the distances are measured to.

    Returns:
        (own_fd, average_fd).
    """
    distances = [metrics.frechet_distance(images, real, judge) for images in panels.values()]
    rows = []
    for (name, images), distance in zip(panels.items(), distances, strict=True):
        v = metrics.judge_images(judge, images)
        rows.append([name, f"{distance:.1f}", f"{v.confident_share:.1%}", f"{v.shares.min():.1%}"])
    table("r03.ema_headers", rows)
    own_fd, average_fd = distances
    say(t("r03.ema_distances", own=own_fd, average=average_fd))
    print(ema_verdict(own_fd, average_fd))
    return own_fd, average_fd


# --- what the pretrained GAN's longer training bought ----------------------------------

# Two shares of 1,000 samples closer than this count as about equal.
SHARE_MARGIN = 0.02


@dataclass
class Figures:
    """What lesson 03 measures of a set of digits, generated or real."""

    frechet: float | None  # to the held-out digits in the judge's features (None: not taken)
    confident_share: float  # read by the judge with >= 0.9 confidence
    rarest_share: float  # the share of the digit the judge reads least often
    effective: float  # the effective number of digits (:func:`effective_classes`)


def figures(judge, images, real=None) -> Figures:
    """The judge's figures for ``images``, with their Fréchet distance to ``real`` if given."""
    verdict = metrics.judge_images(judge, images)
    distance = None if real is None else metrics.frechet_distance(images, real, judge)
    shares = verdict.shares
    return Figures(
        distance, verdict.confident_share, float(shares.min()), effective_classes(shares)
    )


def _direction(change: float, margin: float) -> str:
    """ "same" within ``margin``, else "up" or "down" with the sign of ``change``."""
    if abs(change) < margin:
        return "same"
    return "up" if change > 0 else "down"


def budget_verdict(
    lesson: Figures, pretrained: Figures, real_share: float, epochs: int, pretrained_epochs: int
) -> list[str]:
    """What the longer training bought, from the numbers: the budgets, the distance, the share.

    Args:
        lesson, pretrained: the figures of the lesson's GAN and of the pretrained one.
        real_share: the share of the real held-out digits read with >= 0.9 confidence.
        epochs, pretrained_epochs: how long each was trained.

    Returns:
        The sentences, one per line.
    """
    ratio = pretrained_epochs / epochs
    lines = [t("r03.budget_epochs", lesson=epochs, shipped=pretrained_epochs, ratio=ratio)]
    change = pretrained.frechet - lesson.frechet
    lines.append(
        t(
            f"r03.budget_fd_{_direction(change, FD_MARGIN)}",
            lesson=lesson.frechet,
            shipped=pretrained.frechet,
            change=abs(change),
            margin=FD_MARGIN,
        )
    )
    gain = pretrained.confident_share - lesson.confident_share
    lines.append(
        t(
            f"r03.budget_sure_{_direction(gain, SHARE_MARGIN)}",
            lesson=lesson.confident_share,
            shipped=pretrained.confident_share,
            real=real_share,
            change=abs(gain) * 100,
            margin=SHARE_MARGIN * 100,
        )
    )
    if gain >= SHARE_MARGIN and real_share > lesson.confident_share:
        closed = gain / (real_share - lesson.confident_share)
        lines.append(t("r03.budget_gap_closed", closed=closed))
    return lines


def budget_table(names, rows: list[Figures], real: Figures, epochs, seconds) -> None:
    """Prints one row per GAN (its budget and figures) and the real digits' row under them."""

    def cells(f: Figures) -> list[str]:
        distance = "-" if f.frechet is None else f"{f.frechet:.1f}"
        shares = [f"{f.confident_share:.1%}", f"{f.rarest_share:.1%}", f"{f.effective:.1f}"]
        return [distance, *shares]

    lines = [
        [name, epoch_count, f"{s:.0f}", *cells(f)]
        for name, f, epoch_count, s in zip(names, rows, epochs, seconds, strict=True)
    ]
    table("r03.budget_headers", [*lines, [t("r03.real_digits"), "-", "-", *cells(real)]])


def budget_report(
    judge, panels: dict, real, epochs: int, seconds: float
) -> tuple[Figures, Figures]:
    """Prints the same figures for the lesson's GAN and the pretrained one, and what they say.

    Both sets of samples are measured here, live, the same way; the pretrained GAN's epochs
    and training time come from its card (:func:`gencourse.pretrained.card`).

    Args:
        judge: the judge classifier.
        panels: name -> generated images: first the lesson's GAN's, then the pretrained
            GAN's (1,000 each, from the same noise vectors).
        real: the held-out digits the distances are measured to.
        epochs, seconds: the lesson's GAN's training (epochs, and seconds on this machine).

    Returns:
        The figures of the lesson's GAN and of the pretrained one.
    """
    from gencourse import pretrained

    card = pretrained.card("gan_mnist5k")
    lesson, shipped = (figures(judge, images, real) for images in panels.values())
    real_figures = figures(judge, real)
    budgets = (epochs, card["epochs"]), (seconds, card["train_seconds"])
    budget_table(panels, [lesson, shipped], real_figures, *budgets)
    say(*budget_verdict(lesson, shipped, real_figures.confident_share, epochs, card["epochs"]))
    return lesson, shipped
