"""Lesson 01's measurements: the choice of k, the two classifiers, log p(x) of odd images."""

from __future__ import annotations

import numpy as np

from gencourse.i18n import t
from gencourse.reports.printing import say, table

# Accuracy differences under half a percentage point count as a tie.
TIE = 0.005


def sweep_report(sweep: dict, k: int) -> None:
    """Prints the validation sweep per k and how far ``k`` is from the best.

    Args:
        sweep: ``validation_sweep``'s result: ``k`` (m,), ``accuracy`` and ``samples``
            (m, splits), the validation accuracy and the samples' label agreement.
        k: the number of components the lesson uses (one of ``sweep["k"]``).
    """
    accuracy, agreement = sweep["accuracy"].mean(axis=1), sweep["samples"].mean(axis=1)
    rows = [
        [kk, f"{a:.1%}", f"{s:.1%}"]
        for kk, a, s in zip(sweep["k"], accuracy, agreement, strict=True)
    ]
    table("r01.sweep_headers", rows)
    ours = accuracy[list(sweep["k"]).index(k)]
    best = sweep["k"][np.argmax(accuracy)]
    gap = 100 * (accuracy.max() - ours)
    say(t("r01.sweep_best", best=best, best_accuracy=accuracy.max(), k=k, accuracy=ours, gap=gap))


def classifier_verdict(bayes: float, logistic: float) -> str:
    """Which classifier on the same PCA coordinates was more accurate, if by half a point?"""
    gap = bayes - logistic
    if gap > TIE:
        return t("r01.generative_wins", points=100 * gap)
    if gap < -TIE:
        return t("r01.logistic_wins", points=-100 * gap)
    return t("r01.classifiers_tie", points=100 * gap)


def classifier_report(bayes: float, logistic: float, judge: float) -> None:
    """Prints the three classifiers' held-out accuracies and :func:`classifier_verdict`."""
    rows = [
        [t("r01.classifier_bayes"), "p(x | y), p(y)", f"{bayes:.1%}"],
        [t("r01.classifier_logistic"), "p(y | x)", f"{logistic:.1%}"],
        [t("r01.classifier_judge"), "p(y | x)", f"{judge:.1%}"],
    ]
    table("r01.classifier_headers", rows)
    say(classifier_verdict(bayes, logistic))


def log_prob_report(scores: dict, confidence: dict) -> None:
    """Prints, per kind of image, log p(x) (median, lowest) and the classifier's mean confidence.

    Args:
        scores: kind -> (n,) log p(x) under the generative model.
        confidence: kind -> (n,) the discriminative model's top probability.
    """
    rows = [
        [name, f"{np.median(s):,.0f}", f"{s.min():,.0f}", f"{np.mean(confidence[name]):.0%}"]
        for name, s in scores.items()
    ]
    table("r01.log_prob_headers", rows)
