"""Do lesson 07's measurements compute what they name, and do their sentences follow the numbers?"""

from __future__ import annotations

import numpy as np
import pytest

from gencourse import i18n
from gencourse.reports import diffusion as report


@pytest.fixture(autouse=True)
def english():
    before = i18n.get_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


# --- measures, against hand-computed values ----------------------------------------------


def test_is_diversity_the_mean_pixel_distance_within_a_label():
    images = np.zeros((4, 28, 28, 1))
    images[1] += 1.0  # label 0: one black, one white image (RMS distance 1)
    images[3] += 0.5  # label 1: distance 0.5
    assert report.diversity(images, [0, 0, 1, 1]) == pytest.approx(0.75)
    assert report.diversity(np.ones((3, 28, 28, 1)), [2, 2, 2]) == pytest.approx(0.0, abs=1e-6)


def test_is_a_single_image_per_label_left_out_of_diversity():
    images = np.random.default_rng(0).random((3, 28, 28, 1))
    assert report.diversity(images, [0, 1, 1]) == pytest.approx(
        report.diversity(images[1:], [1, 1])
    )
    assert np.isnan(report.diversity(images, [0, 1, 2]))


def test_does_the_nearest_distance_find_the_copy_and_skip_itself_when_asked():
    rng = np.random.default_rng(1)
    train = rng.random((5, 28, 28))
    distances, nearest = report.nearest_distances(train[[3, 1]], train)
    np.testing.assert_allclose(distances, 0.0, atol=1e-6)
    assert nearest.tolist() == [3, 1]
    distances, nearest = report.nearest_distances(train, train, skip_self=True)
    assert np.all(distances > 0.1) and np.all(nearest != np.arange(5))
    shifted, _ = report.nearest_distances(train[:1] + 0.1, train[:1])
    assert shifted[0] == pytest.approx(0.1)


def test_does_sharpness_fall_when_an_image_is_blurred():
    stripes = np.zeros((1, 28, 28))
    stripes[:, :, ::2] = 1.0  # every horizontal neighbour differs by 1, no vertical one does
    assert report.sharpness(stripes) == pytest.approx(0.5)
    blurred = (stripes + np.roll(stripes, 1, axis=2)) / 2
    assert report.sharpness(blurred) < report.sharpness(stripes) / 10


def test_does_the_noising_figure_show_each_schedule_at_each_step():
    import matplotlib

    matplotlib.use("Agg")
    from gencourse.models.diffusion import cosine_schedule, linear_schedule

    schedules = {"linear": linear_schedule(10), "cosine": cosine_schedule(10)}
    fig = report.noising_figure(np.zeros((28, 28)), schedules, [0, 5, 9])
    assert len(fig.axes) == 2 * 3 + 1
    assert fig._suptitle.get_text().endswith(r"$\bar{\alpha}_t$")
    assert [line.get_label() for line in fig.axes[-1].lines] == [
        "linear schedule",
        "cosine schedule",
    ]


# --- verdicts, branch by branch ----------------------------------------------------------


def test_does_the_steps_verdict_name_the_fewest_steps_close_to_the_best():
    text = report.steps_verdict([5, 10, 25, 50], [30.0, 12.0, 10.5, 10.0], [1, 2, 5, 10])
    assert "with 25 steps" in text and "taking 50% of the time of 50 steps" in text
    text = report.steps_verdict([5, 10, 50], [30.0, 20.0, 10.0], [1, 2, 10])
    assert text.startswith("DDIM reached its lowest") and "50 steps" in text
    # The fewest steps already the best: no claim about fewer steps than were measured.
    text = report.steps_verdict([5, 10, 25], [9.9, 12.3, 12.5], [1, 2, 5])
    assert text == (
        "DDIM reached its lowest Fréchet distance (9.9) with the fewest steps measured, 5; "
        "more steps did not lower it."
    )


@pytest.mark.parametrize(
    ("ddim", "ddpm", "start"),
    [
        (10.0, 20.0, "At 25 steps, DDIM's"),
        (20.0, 10.0, "At 25 steps, DDPM's"),
        (10.0, 10.5, "At 25 steps, DDIM ("),
    ],
)
def test_does_the_method_verdict_follow_the_distances(ddim, ddpm, start):
    assert report.method_verdict(25, ddim, ddpm).startswith(start)


def test_does_the_guidance_verdict_see_a_trade_only_when_both_move():
    trade = report.guidance_verdict([0, 4], [0.1, 0.98], [0.40, 0.30], 0.38)
    assert trade.endswith("guidance buys labels with diversity.")
    kept = report.guidance_verdict([0, 4], [0.1, 0.98], [0.40, 0.39], 0.38)
    assert "no clear trade" in kept
    flat = report.guidance_verdict([0, 4], [0.5, 0.505], [0.40, 0.30], 0.38)
    assert "no clear trade" in flat


def test_does_the_coverage_verdict_name_the_rarest_digit():
    shares = np.full(10, 0.1)
    shares[7], shares[1] = 0.04, 0.16
    text = report.coverage_verdict(shares)
    assert "the rarest digit, 7, made up 4.0%" in text and "16.0%" in text


@pytest.mark.parametrize(
    ("share", "ratio", "first", "second"),
    [
        (0.5, 1.0, "this model copies", "close to real digits"),
        (0.5, 0.5, "this model copies", "blurred samples"),
        (0.0, 1.0, "no sign of copying", "close to real digits"),
        (0.05, 0.5, "no sign of copying", "blurred samples"),
        (0.0, 2.0, "no sign of copying", "leftover noise"),
    ],
)
def test_do_the_memorisation_verdicts_follow_copies_and_sharpness(share, ratio, first, second):
    copies, sharpness = report.memorisation_verdicts(share, 0.2, ratio)
    assert first in copies and second in sharpness


def test_does_a_share_of_zero_say_none_rather_than_only_zero_percent():
    for lang, none, only in (
        ("en", "None of the samples", "Only"),
        ("ko", "하나도 없었", "뿐이었"),
    ):
        i18n.set_language(lang)
        zero = report.memorisation_verdicts(0.0, 0.2, 1.0)[0]
        some = report.memorisation_verdicts(0.004, 0.2, 1.0)[0]
        assert none in zero and only not in zero and only in some and none not in some


def test_are_the_sentences_there_in_korean_too():
    i18n.set_language("ko")
    assert "DDIM" in report.method_verdict(25, 10.0, 20.0)
    assert "베끼" in report.memorisation_verdicts(0.5, 0.2, 1.0)[0]


# --- the report on known images -----------------------------------------------------------


def test_does_the_memorisation_report_count_exact_copies(capsys):
    rng = np.random.default_rng(2)
    train = (rng.random((20, 28, 28, 1)) > 0.7).astype("float32")
    held = (rng.random((20, 28, 28, 1)) > 0.7).astype("float32")
    result = report.memorisation_report(train[:10], train, held)
    assert result["copy_share"] == 1.0
    assert result["sharpness_ratio"] == pytest.approx(
        report.sharpness(train[:10]) / report.sharpness(train)
    )
    assert result["pairs"].shape == (16, 28, 28, 1)
    np.testing.assert_array_equal(result["pairs"][:8], result["pairs"][8:])
    out = capsys.readouterr().out
    assert "100% of the samples" in out and "this model copies" in out
