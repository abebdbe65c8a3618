import numpy as np
import pytest

from gencourse import data, metrics


@pytest.fixture(scope="module")
def judged():
    digits = data.load("digits8x8", seed=0)
    judge, accuracy = metrics.train_judge(digits, epochs=3)
    return digits, judge, accuracy


def test_is_the_label_agreement_of_real_digits_the_judges_accuracy(judged):
    digits, judge, accuracy = judged
    agreement = metrics.label_agreement(judge, digits.x_test, digits.y_test)
    assert agreement.overall == pytest.approx(accuracy, abs=1e-6)
    # Per class: the share of each class the judge gets right, by hand.
    predicted = judge.predict(digits.x_test, verbose=0).argmax(1)
    for k in range(10):
        mask = digits.y_test == k
        assert agreement.per_class[k] == pytest.approx(np.mean(predicted[mask] == k))
    assert agreement.worst_class() == int(np.argmin(agreement.per_class))


def test_does_a_wrong_label_for_every_image_give_zero_agreement(judged):
    digits, judge, _ = judged
    predicted = judge.predict(digits.x_test, verbose=0).argmax(1)
    assert metrics.label_agreement(judge, digits.x_test, (predicted + 1) % 10).overall == 0.0


def test_does_label_agreement_refuse_a_label_count_that_differs(judged):
    digits, judge, _ = judged
    with pytest.raises(ValueError, match="one label per image"):
        metrics.label_agreement(judge, digits.x_test[:5], digits.y_test[:4])
