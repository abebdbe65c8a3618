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
        using = [a for a in UNLABELLED_ARMS if a in f.means]
        if using and "real_classic" in f.means:
            best = max(using, key=lambda a: f.means[a])
            gap, spread = _gap(f, best, "real_classic")
            lines.append(
                t(
                    f"semi.c.vs_classic.{_verdict(gap, spread, several)}",
                    lang,
                    n=f.n,
                    arm=arm_name(best, lang),
                    mean=100 * f.means[best],
                    classic=100 * f.means["real_classic"],
                    gap=_pts(gap),
                    spread=100 * spread,
                )
            )
        generative = [a for a in GENERATIVE if a in f.means]
        if generative and "pseudo" in f.means:
            best = max(generative, key=lambda a: f.means[a])
            gap, spread = _gap(f, best, "pseudo")
            lines.append(
                t(
                    f"semi.c.generative.{_verdict(gap, spread, several)}",
                    lang,
                    n=f.n,
                    arm=arm_name(best, lang),
                    gap=_pts(gap),
                    spread=100 * spread,
                )
            )
    ablated = [f for f in found if "ssgan_classic" in f.means and "ssgan_supervised" in f.means]
    if ablated:
        parts = []
        for f in ablated:
            gap, spread = _gap(f, "ssgan_classic", "ssgan_supervised")
            parts.append(f"n = {f.n}: {_pts(gap)}" + (f" ± {100 * spread:.1f}" if several else ""))
        lines.append(t("semi.c.gan_part", lang, parts="; ".join(parts)))
    shifted = [f for f in found if "ssgan" in f.means and "ssgan_classic" in f.means]
    if shifted:
        parts = []
        for f in shifted:
            gap, spread = _gap(f, "ssgan_classic", "ssgan")
            parts.append(f"n = {f.n}: {_pts(gap)}" + (f" ± {100 * spread:.1f}" if several else ""))
        lines.append(t("semi.c.classic", lang, parts="; ".join(parts)))
    return lines
