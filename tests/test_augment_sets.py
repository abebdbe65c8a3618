"""Lesson 05's training sets (gencourse.augment.sets and the exercises' references)."""

import numpy as np
import pytest

from gencourse import augment, data


@pytest.fixture(scope="module")
def digits():
    return data.load("mnist5k")


# --- the scarce subset -------------------------------------------------------------


def test_does_the_subset_hold_n_digits_of_each_class_from_the_training_part_only(digits):
    x, y = augment.scarce_subset(digits, 7, seed=3)
    assert x.shape == (70, 28, 28, 1) and y.shape == (70,)
    assert np.bincount(y, minlength=10).tolist() == [7] * 10
    train = {im.tobytes() for im in digits.x_train}
    held_out = {im.tobytes() for im in digits.x_test}
    assert all(im.tobytes() in train and im.tobytes() not in held_out for im in x)


def test_is_the_subset_the_same_for_a_seed_different_across_seeds_and_nested_in_n(digits):
    a, _ = augment.scarce_subset(digits, 10, seed=1)
    b, _ = augment.scarce_subset(digits, 10, seed=1)
    c, _ = augment.scarce_subset(digits, 10, seed=2)
    bigger, _ = augment.scarce_subset(digits, 20, seed=1)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(np.sort(a.ravel()), np.sort(c.ravel()))
    assert {im.tobytes() for im in a} <= {im.tobytes() for im in bigger}


@pytest.mark.parametrize("n", [0, 401, 2.5])
def test_is_an_impossible_n_refused_with_the_allowed_range(digits, n):
    with pytest.raises(ValueError, match=r"n_per_class must be an int from 1 to 400"):
        augment.scarce_subset(digits, n, seed=0)


# --- classic augmentation ----------------------------------------------------------


def test_does_classic_augmentation_keep_shape_range_and_labels_and_move_pixels(digits):
    x, y = digits.x_train[:50], digits.y_train[:50]
    ax, ay = augment.classic_augment(x, y, seed=0)
    assert ax.shape == x.shape and ax.dtype == np.float32
    assert ax.min() >= 0.0 and ax.max() <= 1.0
    np.testing.assert_array_equal(ay, y)
    changed = np.abs(ax - x).reshape(50, -1).max(axis=1) > 0.1
    assert changed.mean() > 0.8
    # The same seed gives the same copies.
    np.testing.assert_array_equal(ax, augment.classic_augment(x, y, seed=0)[0])


def _dot(row, col, size=28):
    image = np.zeros((1, size, size, 1), "float32")
    image[0, row, col, 0] = 1.0
    return image


def test_does_a_one_pixel_dot_move_by_a_whole_shift_within_the_limit():
    moves = set()
    for seed in range(30):
        out, _ = augment.classic_augment(_dot(14, 12), [3], seed=seed, max_shift=2, max_rotation=0)
        rows, cols = np.nonzero(out[0, :, :, 0] > 0.99)
        assert len(rows) == 1 and out.sum() == pytest.approx(1.0)
        moves.add((int(rows[0]) - 14, int(cols[0]) - 12))
    assert all(abs(dr) <= 2 and abs(dc) <= 2 for dr, dc in moves)
    assert len(moves) > 5  # it really moves, in several directions


def test_does_rotation_turn_an_off_centre_dot_about_the_centre_by_a_small_angle():
    centre = 13.5
    for seed in range(10):
        out, _ = augment.classic_augment(_dot(4, 13), [0], seed=seed, max_shift=0, max_rotation=10)
        image = out[0, :, :, 0]
        rows, cols = np.indices(image.shape)
        r = (rows * image).sum() / image.sum()
        c = (cols * image).sum() / image.sum()
        radius = np.hypot(r - centre, c - centre)
        angle = np.degrees(np.arctan2(c - centre, centre - r) - np.arctan2(13 - centre, centre - 4))
        assert radius == pytest.approx(np.hypot(4 - centre, 13 - centre), abs=0.6)
        assert abs(angle) <= 10.5


# --- the augmented training set ------------------------------------------------------


def test_does_the_augmented_set_keep_every_real_image_and_add_ratio_times_as_many():
    rng = np.random.default_rng(0)
    real, synthetic = rng.uniform(size=(20, 4, 4, 1)), rng.uniform(size=(100, 4, 4, 1))
    real_labels, synthetic_labels = rng.integers(0, 10, 20), augment.balanced_labels(10)
    images, labels = augment.augmented_training_set(
        real, real_labels, synthetic, synthetic_labels, 2.5
    )
    assert images.shape == (70, 4, 4, 1) and labels.shape == (70,)
    np.testing.assert_array_equal(images[:20], real)
    np.testing.assert_array_equal(labels[:20], real_labels)
    np.testing.assert_array_equal(images[20:], synthetic[:50])
    np.testing.assert_array_equal(labels[20:], synthetic_labels[:50])


def test_is_a_ratio_beyond_the_synthetic_pool_refused():
    x = np.zeros((10, 4, 4, 1))
    with pytest.raises(ValueError, match="ask for at most the 5 synthetic images"):
        augment.augmented_training_set(x, np.zeros(10), x[:5], np.zeros(5), 1.0)


# --- the filtered samples ------------------------------------------------------------


def test_are_filtered_samples_the_accepted_ones_refilled_to_the_same_count():
    """A fake generator whose image holds its asked label, and a recogniser that rejects some."""
    calls = []

    def generate(labels, seed):
        calls.append(seed)
        # The pixel value says which round and which label: round r adds 100 * r.
        r = len(calls) - 1
        return (np.asarray(labels, "float32") + 100 * r).reshape(-1, 1, 1, 1) + np.zeros(
            (1, 2, 2, 1)
        )

    def predict(images):
        value = images[:, 0, 0, 0]
        label = value % 100
        # Class 3 is never accepted; every other class is accepted in the second round only.
        return np.where((label != 3) & (value >= 100), label, (label + 1) % 10)

    images, labels, accepted = augment.filtered_samples(
        generate, predict, 4, 10, seed=7, pool_factor=2
    )
    assert images.shape == (40, 2, 2, 1) and labels.tolist() == np.repeat(np.arange(10), 4).tolist()
    values = images[:, 0, 0, 0]
    for k in range(10):
        mine = values[labels == k]
        if k == 3:  # never accepted: refilled with its rejected samples, the count kept
            assert (mine % 100 == 3).all() and len(mine) == 4
        else:  # the accepted ones, from the second round
            assert (mine == 100 + k).all()
    assert calls[:2] == [7, 1007]  # seeded rounds
    assert 0 < accepted < 1


def test_do_filtered_samples_stop_drawing_once_every_class_is_full():
    calls = []

    def generate(labels, seed):
        calls.append(seed)
        return np.asarray(labels, "float32").reshape(-1, 1, 1, 1)

    images, labels, accepted = augment.filtered_samples(
        generate, lambda im: im[:, 0, 0, 0].astype(int), 5, 10, seed=0
    )
    assert len(calls) == 1 and accepted == 1.0 and len(images) == 50
