"""Lesson 06's non-generative control: pseudo-labelling unlabelled images by confidence.

It lives in ``gencourse.models`` so that the grading copy of the package (which
replaces ``models`` with stand-ins) never holds this exercise's answer.

A recogniser trained on the few labelled digits labels the unlabelled ones; the
images it is confident about (largest class probability at least ``threshold``)
join the training set with those labels, and the recogniser trains again. If a
generative model's gain from unlabelled images is no larger than this control's,
the gain is the unlabelled images', not the generative model's.
"""

from __future__ import annotations

import numpy as np


def confident_pseudo_labels(probabilities, threshold=0.95, per_class=None):
    """The unlabelled images a recogniser is confident about, and the labels it gives them.

    Args:
        probabilities: (N, K) class probabilities of N unlabelled images (rows sum to 1).
        threshold: keep an image when its largest probability is at least this.
        per_class: None, or keep at most this many of each class (the most confident
            ones), so that a class the recogniser favours does not crowd out the rest.

    Returns:
        ``(indices, labels)``: integer arrays, the kept rows in order of decreasing
        confidence (ties: lower index first) and their argmax classes.

    Raises:
        ValueError: on a probabilities array that is not (N, K) with rows summing to 1,
            a threshold outside (0, 1], or a per_class below 1.
    """
    p = np.asarray(probabilities, dtype="float64")
    if p.ndim != 2 or p.shape[1] < 2:
        raise ValueError(
            f"probabilities must have shape (N, K) with K >= 2. Received: shape={p.shape}"
        )
    if not np.all(np.isfinite(p)) or np.any(p < 0) or not np.allclose(p.sum(axis=1), 1, atol=1e-4):
        raise ValueError(
            "probabilities must be non-negative rows that sum to 1 (softmax outputs, not logits)."
        )
    if not 0 < float(threshold) <= 1:
        raise ValueError(f"threshold must lie in (0, 1]. Received: threshold={threshold!r}")
    if per_class is not None and (not isinstance(per_class, int | np.integer) or per_class < 1):
        raise ValueError(f"per_class must be None or a positive int. Received: {per_class!r}")
    confidence, labels = p.max(axis=1), p.argmax(axis=1)
    order = np.lexsort((np.arange(len(p)), -confidence))  # most confident first, then index
    order = order[confidence[order] >= threshold]
    if per_class is not None:
        rank = np.zeros(len(order), dtype=int)
        for c in np.unique(labels[order]):
            members = labels[order] == c
            rank[members] = np.arange(members.sum())
        order = order[rank < per_class]
    return order.astype("int64"), labels[order].astype("int64")
