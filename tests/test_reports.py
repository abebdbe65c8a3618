"""Do lessons 01-04's verdicts say what their numbers say, in both languages?

Every branch of every verdict function, in Korean and in English; the printing reports
on small made-up numbers (tables with the catalogue's headers, the verdict line); the
measurements (bumps of a 1-D mixture, the effective number of classes) against values
worked out by hand.
"""

import types

import numpy as np
import pytest

from gencourse import i18n, reports, toy
from gencourse.reports import cgan, gan, generative, vae

LANGS = ("ko", "en")


@pytest.fixture(params=LANGS)
def lang(request):
    before = i18n.get_language()
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language(before)


def _history(**values):
    return types.SimpleNamespace(history={k: list(v) for k, v in values.items()})


# --- lesson 01 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bayes", "logistic", "key"),
    [
        (0.80, 0.70, "r01.generative_wins"),
        (0.70, 0.80, "r01.logistic_wins"),
        (0.800, 0.798, "r01.classifiers_tie"),
    ],
)
def test_does_the_classifier_verdict_name_the_more_accurate_one(lang, bayes, logistic, key):
    gap = 100 * (bayes - logistic)
    text = generative.classifier_verdict(bayes, logistic)
    assert text == i18n.t(key, points=-gap if key == "r01.logistic_wins" else gap)
    assert f"{abs(gap):.1f}" in text


def test_does_the_sweep_report_find_the_best_k_and_the_gap(lang, capsys):
    sweep = {
        "k": np.array([5, 10, 20]),
        "accuracy": np.array([[0.80, 0.82], [0.90, 0.90], [0.85, 0.87]]),
        "samples": np.array([[0.5, 0.5], [0.6, 0.6], [0.7, 0.7]]),
    }
    generative.sweep_report(sweep, k=20)
    out = capsys.readouterr().out
    assert reports.headers("r01.sweep_headers")[1] in out
    assert (
        "90.0%" in out and "86.0%" in out and "4.0" in out
    )  # best k = 10, k = 20 is 4 points below


def test_does_the_classifier_report_print_three_rows_and_the_verdict(lang, capsys):
    generative.classifier_report(0.80, 0.70, 0.98)
    out = capsys.readouterr().out
    assert "80.0%" in out and "70.0%" in out and "98.0%" in out
    assert out.rstrip().endswith(generative.classifier_verdict(0.80, 0.70))


def test_does_the_log_prob_report_print_median_lowest_and_confidence(lang, capsys):
    generative.log_prob_report(
        {"a": np.array([-10.0, -30.0, -20.0])}, {"a": np.array([0.5, 0.7, 0.9])}
    )
    out = capsys.readouterr().out
    assert "-20" in out and "-30" in out and "70%" in out


# --- lesson 02 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sure_2d", "sure_16d", "key"),
    [
        (0.50, 0.60, "r02.sure_2_to_16"),
        (0.50, 0.52, "r02.sure_2_to_16_equal"),
        (0.6, 0.5, "r02.sure_2_to_16"),
    ],
)
def test_does_the_latent_size_verdict_call_small_changes_equal(lang, sure_2d, sure_16d, key):
    assert vae.latent_size_verdict(sure_2d, sure_16d) == i18n.t(key, change=sure_16d - sure_2d)


@pytest.mark.parametrize(("prior", "codes", "lines"), [(0.5, 0.6, 1), (0.5, 0.51, 2)])
def test_does_the_code_density_verdict_add_about_equal_only_within_3_points(
    lang, prior, codes, lines
):
    out = vae.code_density_verdict(prior, codes)
    assert len(out) == lines
    assert f"{prior:.1%}" in out[0] and f"{codes:.1%}" in out[0]
    if lines == 2:
        assert out[1] == i18n.t("r02.about_equal")


def test_does_the_held_out_loss_line_name_the_epochs_and_both_terms(lang, capsys):
    history = _history(
        val_loss=[200.0, 150.25], val_reconstruction_loss=[190.0, 140.0], val_kl_loss=[10.0, 10.25]
    )
    vae.held_out_loss(history, latent_dim=16)
    out = capsys.readouterr().out
    assert "16" in out and " 2" in out and "150.2" in out and "140.0" in out and "10.25" in out


# --- lesson 03 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("means", "tallest", "narrowest", "key"),
    [
        ((0.7, 0.3), 1.0, 0.3, "r03.toy_not_half"),
        ((0.52, 0.48), 2.0, 0.3, "r03.toy_half_but_different"),
        ((0.52, 0.48), 1.0, 0.1, "r03.toy_half_but_different"),
        ((0.52, 0.48), 1.2, 0.28, "r03.toy_half_and_same"),
    ],
)
def test_does_the_toy_verdict_separate_near_half_from_matching_bumps(
    lang, means, tallest, narrowest, key
):
    text = gan.toy_verdict(*means, tallest, narrowest, data_std=0.3)
    assert text == i18n.t(key, tallest=tallest, narrowest=narrowest, std=0.3)


@pytest.mark.parametrize(
    ("d_real", "d_fake", "key"), [(0.7, 0.4, "r03.d_ahead"), (0.52, 0.5, "r03.d_balanced")]
)
def test_does_the_balance_verdict_say_who_is_ahead(lang, d_real, d_fake, key):
    assert gan.balance_verdict(d_real, d_fake) == i18n.t(key, lead=d_real - d_fake)


@pytest.mark.parametrize(
    ("own", "average", "key"),
    [(18.4, 17.5, "r03.ema_same"), (25.0, 17.0, "r03.ema_closer"), (17.0, 25.0, "r03.ema_farther")],
)
def test_does_the_ema_verdict_follow_the_distances(lang, own, average, key):
    # 18.4 against 17.5: lesson 03's own run, which the old text called a smoothing.
    assert gan.ema_verdict(own, average) == i18n.t(key, margin=gan.FD_MARGIN)


def test_are_bumps_measured_like_the_lesson_measured_them():
    mixture = toy.Mixture([-4.0, 0.0, 4.0], std=0.3)
    grid = np.linspace(-6, 6, 601).astype("float32")
    rng = np.random.default_rng(0)
    samples = np.concatenate([rng.normal(-4, 0.3, 500), rng.normal(0, 0.1, 500)])  # no bump at +4
    found = gan.bumps(samples, mixture, grid)
    assert found.centres == [-4.0, 0.0, 4.0]
    assert found.shares == pytest.approx([0.5, 0.5, 0.0], abs=0.01)  # 3 sd = 0.9 < radius 1
    assert found.widths[0] == pytest.approx(0.3, rel=0.1) and found.widths[2] == 0.0
    assert found.widths[1] == pytest.approx(0.1, rel=0.1)
    # The narrow bump: density 0.5 * N(0; 0, 0.1) ~ 2.0 against the data's peak 1/3 * 1.33.
    assert found.tallest > 3


def test_is_the_effective_number_of_classes_ten_for_even_shares_and_one_for_one_class():
    assert gan.effective_classes(np.full(10, 0.1)) == pytest.approx(10)
    assert gan.effective_classes([0, 0, 5, 0]) == pytest.approx(1)
    assert gan.effective_classes([1, 1]) == pytest.approx(2)


def test_does_the_toy_report_print_means_table_and_verdict(lang, capsys):
    mixture = toy.Mixture([-4.0, 0.0, 4.0], std=0.3)
    grid = np.linspace(-6, 6, 601).astype("float32")
    samples = np.random.default_rng(1).choice([-4.0, 0.0, 4.0], 3000) + np.random.default_rng(
        2
    ).normal(0, 0.3, 3000)
    history = _history(d_real=[0.6, 0.51], d_fake=[0.4, 0.49])
    gan.toy_report(history, samples, mixture, grid, np.full(601, 0.5))
    out = capsys.readouterr().out
    assert "0.510" in out and "0.490" in out and "33.3%" in out
    assert out.rstrip().endswith(i18n.t("r03.toy_half_and_same"))


def test_does_mode_counts_print_each_setting(lang, capsys):
    coverage = types.SimpleNamespace(found=[3, 5, 8])
    gan.mode_counts({"setting": coverage}, k=8)
    out = capsys.readouterr().out
    assert "setting" in out and "[3, 5, 8]" in out and "8" in out.splitlines()[-1]


# --- lesson 04 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("with_pairs", "without_pairs", "key", "gap"),
    [
        (0.80, 0.70, "r04.mismatch_helps", 0.10),
        (0.70, 0.80, "r04.mismatch_hurts", 0.10),
        (0.80, 0.795, "r04.mismatch_tie", 0.005),
    ],
)
def test_does_the_mismatch_verdict_weigh_the_gap_against_one_point(
    lang, with_pairs, without_pairs, key, gap
):
    text = cgan.mismatch_verdict(with_pairs, without_pairs)
    signed = with_pairs - without_pairs
    assert text == i18n.t(key, gap=-signed if key == "r04.mismatch_hurts" else signed)
    assert f"{gap:.1%}" in text


def test_does_the_mismatch_report_print_both_and_chance(lang, capsys):
    agreement = types.SimpleNamespace(overall=0.9)
    plain = types.SimpleNamespace(overall=0.45)
    cgan.mismatch_report(
        agreement, plain, _history(d_mismatched=[0.3, 0.2]), _history(d_mismatched=[0.6, 0.7])
    )
    out = capsys.readouterr().out
    assert "90.0%" in out and "0.200" in out and "0.700" in out
    assert i18n.t("r04.mismatch_helps", gap=0.45) in out
    assert "4.5" in out.splitlines()[-1]


def test_are_table_headers_split_on_the_bar(lang):
    titles = reports.headers("r03.d_star_headers")
    assert len(titles) == 4 and titles[0] == "x" and titles[1] == "D*(x)"
    assert reports.headers("r03.bump_headers", share=0.25, std=0.5)[1].endswith("25.0%)")


# --- lesson 03: what the pretrained GAN's longer training bought --------------------------


def _figures(frechet, share):
    return gan.Figures(frechet, share, rarest_share=0.06, effective=9.8)


@pytest.mark.parametrize(
    ("lesson_fd", "shipped_fd", "fd_key"),
    [(17.5, 9.0, "r03.budget_fd_down"), (17.5, 16.0, "r03.budget_fd_same"),
     (9.0, 17.5, "r03.budget_fd_up")],
)  # fmt: skip
@pytest.mark.parametrize(
    ("lesson_share", "shipped_share", "sure_key"),
    [(0.71, 0.86, "r03.budget_sure_up"), (0.71, 0.72, "r03.budget_sure_same"),
     (0.86, 0.71, "r03.budget_sure_down")],
)  # fmt: skip
def test_does_the_budget_verdict_follow_the_distance_and_the_share(
    lang, lesson_fd, shipped_fd, fd_key, lesson_share, shipped_share, sure_key
):
    lesson, shipped = _figures(lesson_fd, lesson_share), _figures(shipped_fd, shipped_share)
    lines = gan.budget_verdict(lesson, shipped, real_share=0.97, epochs=20, pretrained_epochs=100)
    assert lines[0] == i18n.t("r03.budget_epochs", lesson=20, shipped=100, ratio=5.0)
    change = abs(shipped_fd - lesson_fd)
    assert lines[1] == i18n.t(
        fd_key, lesson=lesson_fd, shipped=shipped_fd, change=change, margin=gan.FD_MARGIN
    )
    gain = shipped_share - lesson_share
    assert lines[2] == i18n.t(
        sure_key, lesson=lesson_share, shipped=shipped_share, real=0.97,
        change=abs(gain) * 100, margin=gan.SHARE_MARGIN * 100,
    )  # fmt: skip
    if sure_key == "r03.budget_sure_up":  # 15 of the 26 points up to the real digits' share
        assert lines[3] == i18n.t("r03.budget_gap_closed", closed=0.15 / 0.26)
        assert "58%" in lines[3]
    else:
        assert len(lines) == 3


def test_does_the_budget_table_print_both_gans_and_the_real_digits(lang, capsys):
    real = gan.Figures(None, 0.971, 0.085, 9.97)
    names = ["lesson", "pretrained"]
    gan.budget_table(names, [_figures(17.46, 0.713), _figures(8.04, 0.861)], real,
                     (20, 100), (131.4, 1502.0))  # fmt: skip
    out = capsys.readouterr().out
    for text in ("17.5", "71.3%", "8.0", "86.1%", "1502", "97.1%", "8.5%", "10.0"):
        assert text in out
    last = out.strip().splitlines()[-1]
    assert i18n.t("r03.real_digits") in last and " - " in f" {last} "
