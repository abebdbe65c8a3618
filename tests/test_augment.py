"""Lesson 05's experiment: the scarce subset, classic augmentation, the grid, the conclusions."""

import csv
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from gencourse import augment, data, i18n

ROOT = Path(__file__).resolve().parent.parent


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


def test_do_the_arms_train_on_the_sets_they_are_named_after(digits):
    x, y = augment.scarce_subset(digits, 3, seed=0)
    classic = augment.classic_copies(x, y, 4, seed=0)
    synthetic = (np.full((40, 28, 28, 1), 0.5, "float32"), augment.balanced_labels(4))
    run = augment.Run(3, 0, (x, y), classic, synthetic, cgan=None)
    sets = augment.training_sets(run)
    sizes = {arm: len(images) for arm, (images, labels) in sets.items()}
    assert sizes == {
        "real": 30,
        "real_classic": 70,
        "real_cgan": 70,
        "real_both": 110,
        "synthetic": 40,
    }
    for images, labels in sets.values():
        assert len(images) == len(labels)
        assert np.bincount(labels, minlength=10).std() == 0  # every arm is balanced


# --- the grid ------------------------------------------------------------------------


def test_does_a_tiny_grid_give_every_n_arm_and_seed_an_accuracy(digits):
    seen = []
    results = augment.run_grid(
        [2],
        [1],
        synthetic_per_class=2,
        budget=augment.QUICK,
        data=digits,
        progress=lambda done, total, text: seen.append((done, total)),
    )
    keys = {(r["n"], r["arm"], r["seed"]) for r in results.rows}
    assert keys == {(2, arm, 1) for arm in augment.ARMS}
    assert all(0.0 <= r["accuracy"] <= 1.0 for r in results.rows)
    assert seen[0] == (0, 6) and seen[-1] == (6, 6) == (len(seen) - 1, augment.grid_size([2], [1]))
    summary = results.summary()
    assert [(s["n"], s["arm"], s["runs"]) for s in summary] == [(2, a, 1) for a in augment.ARMS]


# --- the summary and the conclusions ----------------------------------------------------


def test_does_the_summary_give_mean_and_sample_std_per_n_and_arm():
    rows = [
        {"n": 10, "arm": "real", "seed": s, "accuracy": a} for s, a in enumerate([0.5, 0.6, 0.7])
    ]
    (only,) = augment.summarize(rows)
    assert only["mean"] == pytest.approx(0.6) and only["std"] == pytest.approx(0.1)


def _summary(table):
    """{n: {arm: (mean, std)}} to summary rows."""
    return [
        {"n": n, "arm": arm, "mean": m, "std": s, "runs": 3}
        for n, arms in table.items()
        for arm, (m, s) in arms.items()
    ]


HELPS_SMALL = _summary(
    {
        10: {
            "real": (0.60, 0.02),
            "real_classic": (0.66, 0.02),
            "real_cgan": (0.70, 0.02),
            "real_both": (0.72, 0.02),
            "synthetic": (0.55, 0.03),
        },
        100: {
            "real": (0.93, 0.01),
            "real_classic": (0.95, 0.005),
            "real_cgan": (0.925, 0.01),
            "real_both": (0.94, 0.01),
            "synthetic": (0.70, 0.02),
        },
    }
)


def test_does_the_reading_name_the_winner_and_where_the_cgan_helps():
    small, large = augment.findings(HELPS_SMALL)
    assert small.winner == "real_both" and small.verdict("real_cgan") == "helps"
    assert small.margins["real_cgan"] == pytest.approx(0.10)
    assert small.spreads["real_cgan"] == pytest.approx(np.hypot(0.02, 0.02))
    assert large.winner == "real_classic" and large.verdict("real_cgan") == "tie"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_do_the_conclusions_say_where_the_cgan_helps_and_why_not_elsewhere(lang):
    lines = augment.conclusions(HELPS_SMALL, lang)
    text = "\n".join(lines)
    assert lines[0].startswith("n = 10") and augment.arm_name("real_both", lang) in lines[0]
    assert "+12.0" in lines[0]  # the margin of real + both over real only at n = 10
    assert augment.arm_name("real_classic", lang) in lines[1]
    cgan_helps = i18n.t("augment.c.cgan_helps", lang, ns="10", margins="+10.0 ± 2.8")
    assert cgan_helps in text
    spread = 100 * np.hypot(0.01, 0.01)
    assert i18n.t("augment.c.cgan_tie", lang, ns="100", margins=f"-0.5 ± {spread:.1f}") in text
    # Trained alone, the samples reach 70% against 93%: they carry less than the real digits.
    assert i18n.t("augment.c.why_weak", lang, ns="100", synthetic="70.0", real="93.0") in text
    assert i18n.t("augment.c.classic_better", lang, ns="100") in text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_is_a_lead_within_the_spread_called_a_tie_and_not_a_win(lang):
    tie = _summary(
        {
            20: {
                "real": (0.80, 0.03),
                "real_classic": (0.79, 0.03),
                "real_cgan": (0.81, 0.03),
                "real_both": (0.805, 0.04),
                "synthetic": (0.79, 0.02),
            }
        }
    )
    lines = augment.conclusions(tie, lang)
    assert lines[0] == i18n.t(
        "augment.c.winner_tie",
        lang,
        n=20,
        arm=augment.arm_name("real_cgan", lang),
        mean=81.0,
        margin="+1.0",
        spread=100 * np.hypot(0.03, 0.03),
    )
    assert not any(
        i18n.t("augment.c.cgan_helps", lang, ns="20", margins="")[:12] in line for line in lines
    )
    # The samples alone are as good as the real digits: the reason given is redundancy.
    why = i18n.t("augment.c.why_redundant", lang, ns="20", synthetic="79.0", real="80.0")
    assert why in lines


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_does_a_single_seed_say_the_spread_is_unknown_and_give_only_means(lang):
    # One seed per cell: std is undefined (summarize writes 0), so no difference may be
    # weighed against a spread. Means are still compared, with the caveat first.
    one_seed = [dict(s, std=0.0, runs=1) for s in HELPS_SMALL]
    lines = augment.conclusions(one_seed, lang)
    assert lines == [
        i18n.t("augment.c.one_seed", lang),
        i18n.t(
            "augment.c.winner_mean",
            lang,
            n=10,
            arm=augment.arm_name("real_both", lang),
            mean=72.0,
            margin="+12.0",
        ),
        i18n.t(
            "augment.c.winner_mean",
            lang,
            n=100,
            arm=augment.arm_name("real_classic", lang),
            mean=95.0,
            margin="+2.0",
        ),
        i18n.t("augment.c.classic_better", lang, ns="100"),
    ]
    # With three seeds the caveat is not printed.
    assert i18n.t("augment.c.one_seed", lang) not in augment.conclusions(HELPS_SMALL, lang)


def test_is_a_summary_without_the_real_arm_refused():
    with pytest.raises(ValueError, match="needs the 'real' arm"):
        augment.findings(_summary({10: {"real_cgan": (0.5, 0.1)}}))


# --- the command line --------------------------------------------------------------------


def _gencourse(*args):
    return subprocess.run(
        [sys.executable, "-m", "gencourse", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_does_gencourse_augment_quick_write_the_tables_and_the_plot(tmp_path):
    out = tmp_path / "results"
    proc = _gencourse("augment", "--quick", "--n", "2", "--seeds", "1", "--synthetic", "2",
                      "--out", str(out), "--lang", "ko")  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with (out / "augment.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert {r["arm"] for r in rows} == set(augment.ARMS) and len(rows) == 5
    assert list(rows[0]) == ["n", "arm", "seed", "accuracy"]
    assert augment.read_rows(out / "augment.csv")[0]["n"] == 2
    assert (out / "summary.csv").read_text().startswith("n,arm,mean,std,runs")
    assert (out / "augment.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert i18n.t("augment.arm.real_cgan", "ko") in proc.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--n", "10,500"], "every --n must lie in 1..400"),
        (["--n", "ten"], "expected whole numbers separated by commas"),
        (["--seeds", "0"], "--seeds must be at least 1"),
        (["--synthetic", "0"], "--synthetic must be at least 1"),
    ],
)
def test_are_bad_options_refused_with_a_clear_message(tmp_path, args, message):
    proc = _gencourse("augment", "--quick", "--out", str(tmp_path / "x"), *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert not (tmp_path / "x").exists()


def test_is_the_nearest_distance_zero_for_a_copy_and_the_rms_gap_otherwise():
    rng = np.random.default_rng(0)
    reference = rng.uniform(size=(30, 5, 5, 1))
    images = np.concatenate([reference[[3]], reference[[7]] + 0.25])
    brute = [min(np.sqrt(np.mean((im - r) ** 2)) for r in reference) for im in images]
    np.testing.assert_allclose(augment.nearest_distance(images, reference), brute, atol=1e-5)
    assert augment.nearest_distance(images, reference)[0] == pytest.approx(0.0, abs=1e-3)
