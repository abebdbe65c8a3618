"""Pseudo-label selection (lesson 06's control) against a plain loop written independently."""

import numpy as np
import pytest

from gencourse.models.pseudo import confident_pseudo_labels


def _loop(p, threshold, per_class):
    rows = sorted(range(len(p)), key=lambda i: (-p[i].max(), i))
    kept, counts = [], {}
    for i in rows:
        c = int(np.argmax(p[i]))
        if p[i].max() >= threshold and (per_class is None or counts.get(c, 0) < per_class):
            kept.append(i)
            counts[c] = counts.get(c, 0) + 1
    return kept


@pytest.mark.parametrize("threshold", [0.3, 0.6, 0.9])
@pytest.mark.parametrize("per_class", [None, 1, 3])
def test_is_the_selection_the_one_a_plain_loop_makes(threshold, per_class):
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(200, 5)) * 2
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    indices, labels = confident_pseudo_labels(p, threshold, per_class)
    assert indices.tolist() == _loop(p, threshold, per_class)
    assert np.array_equal(labels, p[indices].argmax(axis=1))
    assert np.all(p[indices].max(axis=1) >= threshold)
    if per_class is not None:
        assert np.bincount(labels, minlength=5).max() <= per_class


def test_is_the_threshold_inclusive_and_ties_kept_in_index_order():
    p = np.array([[0.9, 0.1], [0.1, 0.9], [0.5, 0.5], [0.95, 0.05]])
    indices, labels = confident_pseudo_labels(p, threshold=0.9)
    assert indices.tolist() == [3, 0, 1] and labels.tolist() == [0, 0, 1]
    assert confident_pseudo_labels(p, threshold=1.0)[0].size == 0


@pytest.mark.parametrize(
    "p, kwargs, match",
    [
        (np.ones(4) / 4, {}, r"shape \(N, K\)"),
        (np.array([[2.0, -1.0]]), {}, "rows that sum to 1"),
        (np.array([[0.5, 0.5]]), {"threshold": 0}, "threshold must lie"),
        (np.array([[0.5, 0.5]]), {"per_class": 0}, "per_class must be None"),
    ],
)
def test_are_bad_inputs_refused_with_what_to_do(p, kwargs, match):
    with pytest.raises(ValueError, match=match):
        confident_pseudo_labels(p, **kwargs)
