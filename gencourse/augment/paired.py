"""Paired differences between two arms, over the seeds both ran (lessons 05 and 06).

In both lessons' grids a seed draws the labelled digits, and every arm of that
seed starts from them: the arms of one seed are a matched set. A comparison of
two arms is therefore made seed by seed, ``accuracy(a, seed) - accuracy(b, seed)``,
and summarised by the mean and the sample standard deviation (ddof=1) of those
differences, with their number. What the draw of the labelled digits does to
both arms alike cancels in the difference, so the spread of a paired difference
can be far smaller (or larger) than the two arms' spreads combined.

:func:`paired_difference` is the one place that computes it; both lessons'
verdicts (:mod:`gencourse.augment.verdicts`, :mod:`gencourse.semi.verdicts`)
call it. It reads the per-seed accuracies that
:func:`gencourse.augment.report.summarize` keeps in each summary row.

The rule that reads a difference, clear when its mean lies beyond one
standard deviation of the per-seed differences and no claim with fewer than
two seeds, is :func:`clear_verdict`; :func:`paired_claim` applies it to the
per-seed differences themselves (the reference of lesson 05's exercise).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: The summary rows' key that holds ``{seed: accuracy}``.
PER_SEED = "accuracies"


@dataclass(frozen=True)
class Difference:
    """Arm ``a`` minus arm ``b`` at one n, paired by seed (accuracy units, not points).

    Attributes:
        a, b: the arms.
        n: labelled digits per class.
        mean: the mean of the per-seed differences.
        std: their sample standard deviation (ddof=1); None with one shared seed,
            where it cannot be measured.
        seeds: the number of seeds both arms ran.
    """

    a: str
    b: str
    n: int
    mean: float
    std: float | None
    seeds: int

    @property
    def measured(self) -> bool:
        """Are there at least two shared seeds, so that the spread is measured?"""
        return self.std is not None

    def verdict(self) -> str | None:
        """``"above"``, ``"below"`` or ``"tie"``: is ``a - b`` larger than its spread?

        The difference is clear when its mean lies beyond one standard deviation
        of the per-seed differences; None with one seed (no verdict).
        """
        return clear_verdict(self.mean, self.std)


def clear_verdict(mean: float, std: float | None) -> str | None:
    """``"above"``, ``"below"`` or ``"tie"``: does a paired difference's mean lie beyond its spread?

    Args:
        mean: the mean of the per-seed differences.
        std: their sample standard deviation (ddof=1); None with fewer than two seeds.

    Returns:
        ``"above"`` when ``mean > std``, ``"below"`` when ``mean < -std``, ``"tie"``
        otherwise (a mean exactly at one standard deviation included); None
        when ``std`` is None: one seed measures no spread, so it allows no verdict.
    """
    if std is None:
        return None
    if mean > std:
        return "above"
    if mean < -std:
        return "below"
    return "tie"


#: What a verdict allows one to claim about arm ``a`` against arm ``b``.
CLAIMS = {"above": "gain", "below": "loss", "tie": "none", None: "none"}


def paired_claim(differences) -> str:
    """``"gain"``, ``"loss"`` or ``"none"``: what per-seed paired differences allow one to claim.

    The differences are arm ``a`` minus arm ``b``, one per seed (in any unit).
    ``a`` gains when the differences' mean exceeds their sample standard
    deviation (ddof=1), loses when it is below minus that, and nothing can be
    claimed otherwise, nor with fewer than two seeds (:func:`clear_verdict`).

    Args:
        differences: a 1-D sequence of numbers, one per seed.

    Returns:
        One of the strings ``"gain"``, ``"loss"``, ``"none"``.

    Raises:
        ValueError: if ``differences`` is not 1-D.

    Example:

    >>> paired_claim([2.1, 3.0, 1.2]), paired_claim([0.0, 1.5, 3.0]), paired_claim([4.2])
    ('gain', 'none', 'none')
    """
    diffs = np.asarray(differences, dtype="float64")
    if diffs.ndim != 1:
        raise ValueError(
            "The paired differences must be a 1-D sequence, one number per seed. "
            f"Received: shape {diffs.shape}"
        )
    mean, std = _mean_std(diffs)
    return CLAIMS[clear_verdict(mean, std)]


def _mean_std(diffs: np.ndarray) -> tuple[float, float | None]:
    """The mean and the sample standard deviation (None with fewer than two values)."""
    std = float(np.std(diffs, ddof=1)) if len(diffs) > 1 else None
    return (float(np.mean(diffs)) if len(diffs) else float("nan")), std


def per_seed(cell) -> dict:
    """``{seed: accuracy}`` of one summary row.

    Raises:
        ValueError: if the row has no per-seed accuracies (e.g. one read from a
            ``summary.csv`` written without them): a paired difference needs them.
    """
    values = cell.get(PER_SEED)
    if not values:
        raise ValueError(
            "Comparing arms needs each seed's accuracy (a paired difference), but the summary "
            f"row for n={cell.get('n')}, arm={cell.get('arm')!r} has none. Summarise the grid's "
            "rows with gencourse.augment.summarize(rows) (or read summary.csv with "
            f"gencourse.augment.read_summary). Received keys: {sorted(cell)}"
        )
    return values


def paired_difference(summary, a: str, b: str, n: int) -> Difference:
    """``a`` minus ``b`` at ``n``, paired over the seeds both arms ran.

    Args:
        summary: rows of :func:`gencourse.augment.report.summarize` (each with its
            per-seed accuracies).
        a, b: the two arms.
        n: labelled digits per class.

    Returns:
        A :class:`Difference`: the mean and sample standard deviation (ddof=1) of
        ``accuracy(a, seed) - accuracy(b, seed)`` over the shared seeds.

    Raises:
        ValueError: if either arm is missing at ``n``, a row lacks per-seed
            accuracies, or the two arms share no seed.

    Example:

    >>> rows = [{"n": 10, "arm": arm, "seed": s, "accuracy": acc}
    ...         for arm, accs in {"real": (0.6, 0.7, 0.8), "real_cgan": (0.62, 0.73, 0.81)}.items()
    ...         for s, acc in enumerate(accs)]
    >>> from gencourse.augment import summarize
    >>> d = paired_difference(summarize(rows), "real_cgan", "real", 10)
    >>> round(d.mean, 3), round(d.std, 3), d.seeds
    (0.02, 0.01, 3)
    """
    cells = {s["arm"]: s for s in summary if int(s["n"]) == int(n) and s["arm"] in (a, b)}
    missing = [arm for arm in (a, b) if arm not in cells]
    if missing:
        raise ValueError(f"The summary has no row for arm(s) {missing} at n={n}.")
    acc_a, acc_b = per_seed(cells[a]), per_seed(cells[b])
    shared = sorted(set(acc_a) & set(acc_b))
    if not shared:
        raise ValueError(
            f"Arms {a!r} and {b!r} share no seed at n={n}, so they cannot be paired. "
            f"Received seeds: {sorted(acc_a)} and {sorted(acc_b)}"
        )
    diffs = np.array([acc_a[s] - acc_b[s] for s in shared], dtype="float64")
    mean, std = _mean_std(diffs)
    return Difference(a, b, int(n), mean, std, len(diffs))
