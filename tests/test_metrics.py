import numpy as np
import pytest

from gencourse import data, metrics
from gencourse.models.judge import train_judge


@pytest.fixture(scope="module")
def judged():
    digits = data.load("digits8x8", seed=0)
    judge, accuracy = train_judge(digits, epochs=3)
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


# --- the metrics built on the shipped judge ----------------------------------


@pytest.fixture(scope="module")
def mnist():
    return data.load("mnist5k", seed=0)


@pytest.fixture(scope="module")
def shipped():
    return metrics.load_judge()


def test_does_the_gaussian_frechet_distance_match_scipys_matrix_square_root():
    from scipy import linalg

    rng = np.random.default_rng(0)
    for d in (1, 3, 6):
        a, b = rng.normal(size=(d, d)), rng.normal(size=(d, d))
        cov_a, cov_b = a @ a.T + 0.1 * np.eye(d), b @ b.T + 0.1 * np.eye(d)
        mean_a, mean_b = rng.normal(size=d), rng.normal(size=d)
        root = linalg.sqrtm(cov_a @ cov_b).real
        expected = np.sum((mean_a - mean_b) ** 2) + np.trace(cov_a + cov_b - 2 * root)
        got = metrics.gaussian_frechet_distance(mean_a, cov_a, mean_b, cov_b)
        assert got == pytest.approx(expected, rel=1e-8, abs=1e-9)
    # In one dimension it is (m1 - m2)^2 + (s1 - s2)^2.
    assert metrics.gaussian_frechet_distance([1.0], [[4.0]], [-1.0], [[9.0]]) == pytest.approx(5.0)


def test_does_the_feature_distance_of_samples_approach_the_closed_form():
    rng = np.random.default_rng(1)
    cov_b = np.array([[2.0, 0.5], [0.5, 1.0]])
    a = rng.normal(size=(200_000, 2))
    b = rng.multivariate_normal([1.0, -0.5], cov_b, size=200_000)
    exact = metrics.gaussian_frechet_distance(np.zeros(2), np.eye(2), [1.0, -0.5], cov_b)
    assert metrics.feature_frechet_distance(a, b) == pytest.approx(exact, rel=0.02)


def test_is_the_frechet_distance_zero_to_itself_and_growing_with_noise(mnist, shipped):
    real = mnist.x_test
    assert metrics.frechet_distance(real, real, judge=shipped) == pytest.approx(0.0, abs=1e-6)
    rng = np.random.default_rng(0)
    noise = rng.normal(size=real.shape).astype("float32")
    distances = [
        metrics.frechet_distance(real, np.clip(real + s * noise, 0, 1), judge=shipped)
        for s in (0.1, 0.25, 0.5)
    ]
    assert distances[0] > 0 and distances[0] < distances[1] < distances[2]
    # Two real sets of the same size are far closer than real and noisy digits.
    other_real = mnist.x_train[np.random.default_rng(0).permutation(len(mnist.x_train))[:1000]]
    assert metrics.frechet_distance(other_real, real, judge=shipped) < distances[1]


def test_does_frechet_distance_refuse_images_of_the_wrong_shape(shipped):
    with pytest.raises(ValueError, match=r"shape \(n, 28, 28, 1\).*Received: shape=\(5, 8, 8, 1\)"):
        metrics.frechet_distance(np.zeros((5, 8, 8, 1)), np.zeros((5, 28, 28, 1)), judge=shipped)
    with pytest.raises(ValueError, match="same d and n >= 2"):
        metrics.feature_frechet_distance(np.zeros((1, 3)), np.zeros((4, 3)))


def test_does_coverage_find_one_class_in_a_one_class_set_and_ten_in_real_digits(mnist, shipped):
    sevens = mnist.x_test[mnist.y_test == 7]
    one = metrics.class_coverage(shipped, sevens)
    assert one.classes_found == 1 and one.counts.argmax() == 7
    assert one.evenness < 0.1  # a few misread sevens keep it just above 0
    assert metrics.class_coverage(shipped, sevens[:1]).evenness == 0.0
    every = metrics.class_coverage(shipped, mnist.x_test)
    assert every.classes_found == 10 and every.evenness > 0.99
    assert every.counts.sum() == len(mnist.x_test)


def test_does_the_classification_accuracy_score_reward_right_labels_only(judged):
    digits, _, _ = judged
    right = metrics.classification_accuracy_score(
        digits.x_train, digits.y_train, digits.x_test, digits.y_test, epochs=8
    )
    shuffled = np.random.default_rng(0).permutation(digits.y_train)
    wrong = metrics.classification_accuracy_score(
        digits.x_train, shuffled, digits.x_test, digits.y_test, epochs=8
    )
    assert right > 0.85 and wrong < 0.3


def test_does_the_classification_accuracy_score_refuse_mismatched_sets(judged):
    digits, _, _ = judged
    with pytest.raises(ValueError, match="one label per image"):
        metrics.classification_accuracy_score(
            digits.x_train, digits.y_train[:-1], digits.x_test, digits.y_test
        )


def test_do_the_confident_and_class_shares_match_the_judges_probabilities(mnist, shipped):
    # Real digits, a blur of them and noise: sure and unsure readings mixed.
    rng = np.random.default_rng(0)
    real = mnist.x_test[:60]
    blurred = (real + np.roll(real, 3, axis=1) + np.roll(real, -3, axis=2)) / 3
    images = np.concatenate([real, blurred, rng.uniform(size=(30, 28, 28, 1))]).astype("float32")
    probs = shipped.predict(images, verbose=0)  # the independent computation
    for threshold in (0.5, 0.9, 0.99):
        expected = np.mean(probs.max(axis=1) >= threshold)
        assert metrics.confident_share(shipped, images, threshold) == pytest.approx(expected)
    expected_shares = np.array([np.mean(probs.argmax(1) == k) for k in range(10)])
    shares = metrics.class_shares(shipped, images)
    np.testing.assert_allclose(shares, expected_shares)
    assert shares.sum() == pytest.approx(1.0)
    assert 0 < metrics.confident_share(shipped, images) < 1  # a mixed set, not a trivial one
