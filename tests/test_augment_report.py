"""Lesson 05's summary of the grid (gencourse.augment.report)."""

import pytest

from gencourse import augment


def test_does_the_summary_give_mean_and_sample_std_per_n_and_arm():
    rows = [
        {"n": 10, "arm": "real", "seed": s, "accuracy": a} for s, a in enumerate([0.5, 0.6, 0.7])
    ]
    (only,) = augment.summarize(rows)
    assert only["mean"] == pytest.approx(0.6) and only["std"] == pytest.approx(0.1)
