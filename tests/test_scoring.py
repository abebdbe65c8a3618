"""Do the experiments read the test digits only for the final score, after training?

Lessons 05 and 06 run every arm here on a data set whose test digits refuse to be
read anywhere but in :func:`gencourse.augment.scoring.final_accuracy`; and the
validation digits a recipe is chosen on never overlap a seed's labelled digits.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

import numpy as np
import pytest

from gencourse.augment import QUICK, run_once, scoring, sets
from gencourse.data import load


@dataclass
class _Guarded:
    """``mnist5k`` whose test digits may be read only inside ``final_accuracy``."""

    inner: object
    reads: int = 0

    def __getattr__(self, name):
        if name in ("x_test", "y_test"):
            callers = [frame.frame.f_code for frame in inspect.stack()[1:]]
            if scoring.final_accuracy.__code__ not in callers:
                where = inspect.stack()[1]
                raise AssertionError(
                    f"{name} read outside final_accuracy, in {where.function} ({where.filename}:{where.lineno})"
                )
            self.reads += 1
        return getattr(self.inner, name)


@pytest.fixture(scope="module")
def digits():
    return load("mnist5k")


def test_does_lesson_05_read_the_test_digits_only_to_score_each_arm(digits):
    guarded = _Guarded(digits)
    run = run_once(guarded, 3, 0, 2, QUICK, sets.ARMS, quality=True)
    assert set(run.accuracies) == set(sets.ARMS)
    assert guarded.reads == 2 * len(sets.ARMS)  # x_test and y_test, once per scored arm


def test_does_lesson_06_read_the_test_digits_only_to_score_each_arm(digits):
    from gencourse import semi

    guarded = _Guarded(digits)
    run = semi.run_once(guarded, 3, 0, semi.QUICK, sets.SEMI_ARMS)
    assert set(run.accuracies) == set(sets.SEMI_ARMS)
    assert guarded.reads == 2 * len(sets.SEMI_ARMS)


def test_does_the_guard_catch_a_read_before_the_final_score(digits):
    """The control: the same guard trips on code that peeks at the test digits."""
    guarded = _Guarded(digits)
    with pytest.raises(AssertionError, match="x_test read outside final_accuracy"):
        np.mean(guarded.x_test)


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_is_validation_disjoint_from_the_labelled_digits_at_every_n_and_never_test(digits, seed):
    for n in (1, 10, 50, 100, 200):
        val = sets.validation_indices(digits, n, seed)
        assert len(val) == 10 * sets.validation_size(n) == 10 * n  # no larger than the labels
        assert np.bincount(digits.y_train[val], minlength=10).tolist() == [n] * 10
        for m in (1, 10, 50, 100, 200):  # every labelled subset of the seed, any n
            if m + n <= 400:
                assert not set(val) & set(sets.scarce_indices(digits, m, seed))
    with pytest.raises(ValueError, match="kept for validation"):
        sets.validation_indices(digits, 201, seed)


def test_does_lesson_06_keep_validation_out_of_the_unlabelled_digits(digits):
    part = sets.split(digits, 10, 0)
    val = sets.validation_indices(digits, 10, 0)
    assert len(part.x) == 100 and len(part.u) == 4000 - 100 - 100
    unlabelled = {img.tobytes() for img in part.u}
    assert not any(digits.x_train[i].tobytes() in unlabelled for i in val)
    # The labelled digits are lesson 05's subset, as before the validation split.
    np.testing.assert_array_equal(part.x, sets.scarce_subset(digits, 10, 0)[0])
