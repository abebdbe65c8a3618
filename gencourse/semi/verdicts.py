"""What lesson 06's numbers say, as sentences computed from the summary.

For each n: which arm won (lesson 05's sentence), whether the best method that
uses the unlabelled digits beat ``real + classic`` by more than the spread
between seeds, and which part of the gain is the generative model's: the best
generative arm (M1 or a semi-supervised GAN) against the pseudo-labelling
control, which uses the same unlabelled digits without a generative model.
Across n: what lesson 05's classic copies of the labelled digits changed for the
semi-supervised GAN.
The sentences are in the catalogue (``semi.c.*``, ``gencourse/i18n/catalog/semi.py``).
"""

from __future__ import annotations

import math

from gencourse.augment.report import arm_name
from gencourse.augment.sets import UNLABELLED_ARMS
from gencourse.augment.verdicts import ANY, EACH_N, ONE, SEVERAL, findings
from gencourse.i18n import get_language, t

#: The arms whose gain a generative model makes.
GENERATIVE = ("m1", "ssgan", "ssgan_classic")


def _pts(x: float) -> str:
    return f"{100 * x:+.1f}"


def _gap(f, a: str, b: str) -> tuple[float, float]:
    """mean(a) - mean(b) and the spread of that difference (the two stds combined)."""
    return f.means[a] - f.means[b], math.hypot(f.stds[a], f.stds[b])


def _verdict(gap: float, spread: float, several: bool) -> str:
    if not several:
        return "mean"
    if gap > spread:
        return "above"
    if gap < -spread:
        return "below"
    return "tie"


def conclusions(summary, lang: str | None = None) -> list:
    """The findings as sentences in ``lang``.

    With one seed per cell the spread is unknown: the first line says so, and
    differences are given as means only.
    """
    lang = lang or get_language()
    several = min(s["runs"] for s in summary) >= 2
    lines = [] if several else [t("augment.c.one_seed", lang)]
    found = findings(summary)
    seeds = SEVERAL if several else ONE
    for f in found:
        rule = next(r for r in EACH_N if r.seeds in (seeds, ANY) and r.about(f))
        lines.append(t(rule.key, lang, **rule.values(f, lang)))
        # The best arm of a group against a reference: 'real + classic', then the control.
        for key, group, reference in (
            ("semi.c.vs_classic", UNLABELLED_ARMS, "real_classic"),
            ("semi.c.generative", GENERATIVE, "pseudo"),
        ):
            present = [a for a in group if a in f.means]
            if not present or reference not in f.means:
                continue
            best = max(present, key=lambda a: f.means[a])
            gap, spread = _gap(f, best, reference)
            values = dict(n=f.n, arm=arm_name(best, lang), gap=_pts(gap), spread=100 * spread)
            values.update(mean=100 * f.means[best], classic=100 * f.means.get("real_classic", 0.0))
            lines.append(t(f"{key}.{_verdict(gap, spread, several)}", lang, **values))
    # Across n: one arm against another, where both ran.
    for key, arm, other in (
        ("semi.c.gan_part", "ssgan_classic", "ssgan_supervised"),
        ("semi.c.classic", "ssgan_classic", "ssgan"),
    ):
        parts = []
        for f in found:
            if arm in f.means and other in f.means:
                gap, spread = _gap(f, arm, other)
                parts.append(
                    f"n = {f.n}: {_pts(gap)}" + (f" ± {100 * spread:.1f}" if several else "")
                )
        if parts:
            lines.append(t(key, lang, parts="; ".join(parts)))
    return lines
