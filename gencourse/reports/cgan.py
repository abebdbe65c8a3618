"""Lesson 04's measurement: a conditional GAN trained with and without mismatched pairs."""

from __future__ import annotations

from gencourse.i18n import t
from gencourse.reports.printing import say, table

# Label agreements closer than one percentage point count as a tie.
TIE = 0.01


def mismatch_verdict(with_pairs: float, without_pairs: float) -> str:
    """Did training mismatched pairs as fake raise the label agreement by more than a point?"""
    gap = with_pairs - without_pairs
    if gap > TIE:
        return t("r04.mismatch_helps", gap=gap)
    if gap < -TIE:
        return t("r04.mismatch_hurts", gap=-gap)
    return t("r04.mismatch_tie", gap=gap)


def mismatch_report(with_pairs, without_pairs, history, plain_history) -> None:
    """Prints both cGANs' label agreement and D on mismatched pairs, the verdict and chance.

    Args:
        with_pairs, without_pairs: ``metrics.label_agreement`` of the two cGANs' samples.
        history, plain_history: their ``History`` (with ``d_mismatched``).
    """
    with_d = history.history["d_mismatched"][-1]
    without_d = plain_history.history["d_mismatched"][-1]
    rows = [
        [t("r04.with_mismatched"), f"{with_pairs.overall:.1%}", f"{with_d:.3f}"],
        [t("r04.without_mismatched"), f"{without_pairs.overall:.1%}", f"{without_d:.3f}"],
    ]
    table("r04.mismatch_headers", rows)
    say(mismatch_verdict(with_pairs.overall, without_pairs.overall))
    chance = without_pairs.overall / 0.1
    print(t("r04.chance", agreement=without_pairs.overall, times=chance))
