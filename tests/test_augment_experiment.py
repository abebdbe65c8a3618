"""Lesson 05's runs (gencourse.augment.experiment) and the cGAN's nearness to its digits."""

import numpy as np
import pytest

from gencourse import augment, data


@pytest.fixture(scope="module")
def digits():
    return data.load("mnist5k")


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
    # The diffusion model's samples: on top of the real digits, and alone.
    run.made["diffusion"] = (np.zeros((40, 28, 28, 1), "float32"), augment.balanced_labels(4))
    sets = augment.training_sets(run)
    assert len(sets["real_diffusion"][0]) == 70 and len(sets["synthetic_diffusion"][0]) == 40
    np.testing.assert_array_equal(sets["real_diffusion"][0][:30], x)
    assert not sets["real_diffusion"][0][30:].any()  # the samples, not the cGAN's 0.5s
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
    total = len(augment.ARMS) + 4  # every arm's recogniser and the four data makers
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert total == len(seen) - 1 == augment.grid_size([2], [1])
    makers = {(q["maker"], q["seed"]) for q in results.quality}
    assert makers == {(m, 1) for m in ("cgan", "cvae", "diffaug", "diffusion", "filtered")}
    assert all(0.0 <= q["agreement"] <= 1.0 and q["nearest"] >= 0.0 for q in results.quality)
    summary = results.summary()
    assert [(s["n"], s["arm"], s["runs"]) for s in summary] == [(2, a, 1) for a in augment.ARMS]


def test_is_the_nearest_distance_zero_for_a_copy_and_the_rms_gap_otherwise():
    rng = np.random.default_rng(0)
    reference = rng.uniform(size=(30, 5, 5, 1))
    images = np.concatenate([reference[[3]], reference[[7]] + 0.25])
    brute = [min(np.sqrt(np.mean((im - r) ** 2)) for r in reference) for im in images]
    np.testing.assert_allclose(augment.nearest_distance(images, reference), brute, atol=1e-5)
    assert augment.nearest_distance(images, reference)[0] == pytest.approx(0.0, abs=1e-3)


# --- the filtered arm never uses the shipped judge ------------------------------------


class _JudgeLoaded(Exception):
    """Raised by the patched judge loaders: the shipped judge was asked for."""


@pytest.fixture
def no_judge(monkeypatch):
    """Every way to the shipped judge raises :class:`_JudgeLoaded`."""
    import gencourse.metrics
    import gencourse.models.judge
    from gencourse.augment import experiment

    def refuse(*args, **kwargs):
        raise _JudgeLoaded("the shipped judge was loaded")

    monkeypatch.setattr(gencourse.metrics, "load_judge", refuse)
    monkeypatch.setattr(gencourse.models.judge, "load_judge", refuse)
    experiment._judge.cache_clear()  # lru_cached: an earlier test may hold the real judge
    yield
    experiment._judge.cache_clear()  # never leave the refusal cached for later tests


def test_does_the_filtered_arm_filter_without_ever_loading_the_shipped_judge(digits, no_judge):
    run = augment.run_once(
        digits,
        2,
        0,
        synthetic_per_class=2,
        budget=augment.QUICK,
        arms=("real", "real_filtered"),
        quality=False,
    )
    assert set(run.accuracies) == {"real", "real_filtered"}
    assert all(0.0 <= acc <= 1.0 for acc in run.accuracies.values())
    images, labels = run.made["filtered"]
    assert images.shape == (20, 28, 28, 1) and len(labels) == 20
    assert np.bincount(labels, minlength=10).tolist() == [2] * 10  # refilled to the same count
    assert 0.0 <= run.accepted <= 1.0
    assert run.quality == {}


def test_does_the_judge_patch_trip_when_the_quality_report_asks_for_the_judge(digits, no_judge):
    # The control: the same patch catches a run that does load the judge (the quality report).
    with pytest.raises(_JudgeLoaded):
        augment.run_once(
            digits,
            2,
            0,
            synthetic_per_class=2,
            budget=augment.QUICK,
            arms=("real", "real_filtered"),
            quality=True,
        )
