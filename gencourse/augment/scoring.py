"""The one door through which the experiments read the test digits: the final score.

Lessons 05 and 06 train every model on training digits only, choose every recipe
on training or validation digits (:func:`gencourse.augment.sets.validation_indices`),
and read ``data.x_test`` and ``data.y_test`` only here, once a model is trained, to
score it. ``tests/test_scoring.py`` runs both experiments with a data set whose test
digits refuse to be read anywhere else.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def final_accuracy(predict: Callable[[np.ndarray], np.ndarray], data) -> float:
    """The share of ``data``'s test digits that ``predict`` (images -> labels) gets right.

    Args:
        predict: a trained model's prediction, e.g. ``trainer.predict``.
        data: a :class:`gencourse.data.Dataset`.

    Returns:
        The accuracy, a float in [0, 1].
    """
    predicted = np.asarray(predict(data.x_test)).reshape(-1)
    truth = np.asarray(data.y_test).reshape(-1)
    if predicted.shape != truth.shape:
        raise ValueError(
            f"predict must return one label per test digit. Received: {predicted.shape} "
            f"labels for {truth.shape[0]} digits"
        )
    return float(np.mean(predicted == truth))
