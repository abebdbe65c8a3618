"""Lesson 05's reading of the numbers (gencourse.augment.verdicts): paired findings and sentences.

The summaries are built from per-seed accuracies (as the grid gives them), so
every expected difference below can be checked by hand: seed by seed, then
mean ± standard deviation (ddof=1) and the number of seeds.
"""

import csv
import re

import pytest

from gencourse import augment, i18n
from gencourse.augment import verdicts
from gencourse.i18n import LANGUAGES


def _summary(table):
    """{n: {arm: [accuracy of seed 0, seed 1, ...]}} to a summary."""
    rows = [
        {"n": n, "arm": arm, "seed": s, "accuracy": a}
        for n, arms in table.items()
        for arm, accs in arms.items()
        for s, a in enumerate(accs)
    ]
    return augment.summarize(rows)


def _part(lang, n, gap, spread, seeds=3):
    return i18n.t("augment.c.part", lang, n=n, gap=gap, spread=f"{spread:.1f}", seeds=seeds)


def _said(key, lines, lang):
    """The lines that hold the message's longest fixed text (the key's sentence, any values)."""
    fixed = max(re.split(r"\{[^}]*\}", i18n.texts(key)[lang]), key=len)
    return [line for line in lines if fixed in line]


# n = 10: the cGAN helps (per seed +9, +10, +11 points); 'real + both' wins (+12, +11, +13);
# both minus classic: +6, +5, +7. n = 100: the cGAN ties (+0.5, -1, -1); classic wins
# (+2.5, +2, +1.5) and beats the cGAN (+2, +3, +2.5); the samples alone are weak (-24, -23, -22).
HELPS_SMALL = _summary(
    {
        10: {
            "real": [0.58, 0.60, 0.62],
            "real_classic": [0.64, 0.66, 0.68],
            "real_cgan": [0.67, 0.70, 0.73],
            "real_both": [0.70, 0.71, 0.75],
            "synthetic": [0.52, 0.55, 0.58],
        },
        100: {
            "real": [0.92, 0.93, 0.94],
            "real_classic": [0.945, 0.95, 0.955],
            "real_cgan": [0.925, 0.92, 0.93],
            "real_both": [0.93, 0.94, 0.95],
            "synthetic": [0.68, 0.70, 0.72],
        },
    }
)


def test_does_a_finding_compare_arms_seed_by_seed():
    small, large = augment.findings(HELPS_SMALL)
    assert small.winner == "real_both" and small.verdict("real_cgan") == "helps"
    d = small.vs("real_cgan")
    assert (d.mean, d.std, d.seeds) == pytest.approx((0.10, 0.01, 3))
    assert large.winner == "real_classic" and large.verdict("real_cgan") == "tie"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_do_the_conclusions_give_paired_differences_with_their_seeds(lang):
    lines = augment.conclusions(HELPS_SMALL, lang)
    arm = augment.arm_name
    assert lines == [
        i18n.t("augment.c.paired", lang),
        i18n.t("augment.c.winner_clear", lang, n=10, arm=arm("real_both", lang), mean=72.0,
               gap="+12.0", spread="1.0", seeds=3),
        i18n.t("augment.c.winner_clear", lang, n=100, arm=arm("real_classic", lang), mean=95.0,
               gap="+2.0", spread="0.5", seeds=3),
        i18n.t("augment.c.cgan_helps", lang, ns="10", parts=_part(lang, 10, "+10.0", 1.0)),
        i18n.t("augment.c.cgan_tie", lang, ns="100", parts=_part(lang, 100, "-0.5", 0.8660)),
        i18n.t("augment.c.why_weak", lang, ns="100", parts=i18n.t(
            "augment.c.alone_part", lang, n=100, synthetic=70.0, real=93.0, gap="-23.0",
            spread="1.0", seeds=3)),
        i18n.t("augment.c.classic_better", lang, ns="100", parts=_part(lang, 100, "+2.5", 0.5)),
        i18n.t("augment.c.on_top_clear", lang, ns="10",
               parts=_part(lang, 10, "+6.0", 1.0) + "; " + _part(lang, 100, "-1.0", 0.5)),
    ]  # fmt: skip
    # Every sentence with a difference gives its spread and its seeds.
    for line in lines[1:]:
        assert "±" in line and ("3 seeds" in line or "시드 3개" in line)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_does_pairing_find_a_gain_that_the_unpaired_spread_would_hide(lang):
    # The seeds' draws differ a lot (60% to 90%), and the cGAN's arm follows them, 2 points up.
    draws = [0.60, 0.90, 0.75, 0.68, 0.83]
    summary = _summary(
        {
            20: {
                "real": draws,
                "real_cgan": [
                    d + g for d, g in zip(draws, [0.021, 0.019, 0.02, 0.022, 0.018], strict=True)
                ],
            }
        }
    )
    cells = {s["arm"]: s for s in summary}
    unpaired = (cells["real"]["std"] ** 2 + cells["real_cgan"]["std"] ** 2) ** 0.5
    assert unpaired > 0.15  # a 2-point gain would be a tie against this spread
    lines = augment.conclusions(summary, lang)
    helps = i18n.t("augment.c.cgan_helps", lang, ns="20", parts=_part(lang, 20, "+2.0", 0.158, 5))
    assert helps in lines
    assert i18n.t("augment.c.winner_clear", lang, n=20, arm=augment.arm_name("real_cgan", lang),
                  mean=100 * cells["real_cgan"]["mean"], gap="+2.0", spread="0.2", seeds=5) in lines  # fmt: skip


# n = 20: 'real + cGAN' leads real by +1 point on average (per seed +4, -2, +1), within its
# spread (3.0); the samples alone are close to the real digits (-1, +1, -3: -1 ± 2);
# 'real + both' minus classic: +2, -1, +3.5 (+1.5 ± 2.3).
TIE = _summary(
    {
        20: {
            "real": [0.78, 0.80, 0.82],
            "real_classic": [0.76, 0.80, 0.81],
            "real_cgan": [0.82, 0.78, 0.83],
            "real_both": [0.78, 0.79, 0.845],
            "synthetic": [0.77, 0.81, 0.79],
        }
    }
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_is_a_lead_within_the_paired_spread_a_tie_and_the_samples_redundant(lang):
    lines = augment.conclusions(TIE, lang)
    cgan = augment.arm_name("real_cgan", lang)
    assert lines[1] == i18n.t(
        "augment.c.winner_tie", lang, n=20, arm=cgan, mean=81.0, gap="+1.0", spread="3.0", seeds=3
    )
    assert i18n.t("augment.c.cgan_tie", lang, ns="20", parts=_part(lang, 20, "+1.0", 3.0)) in lines
    alone = i18n.t("augment.c.alone_part", lang, n=20, synthetic=79.0, real=80.0, gap="-1.0",
                   spread="2.0", seeds=3)  # fmt: skip
    assert i18n.t("augment.c.why_redundant", lang, ns="20", parts=alone) in lines
    on_top = i18n.t("augment.c.on_top_none", lang, ns="", parts=_part(lang, 20, "+1.5", 2.2913))
    assert on_top in lines
    assert not _said("augment.c.classic_better", lines, lang)  # -2 ± 4.3: not clear


# The cGAN's samples make the recogniser worse at n = 10 (per seed -9, -10, -11 points).
HURTS = _summary(
    {
        10: {
            "real": [0.69, 0.70, 0.71],
            "real_classic": [0.71, 0.72, 0.735],
            "real_cgan": [0.60, 0.60, 0.60],
            "real_both": [0.64, 0.65, 0.66],
            "synthetic": [0.40, 0.42, 0.38],
        }
    }
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_is_a_loss_beyond_the_spread_said_to_hurt(lang):
    lines = augment.conclusions(HURTS, lang)
    hurts = i18n.t("augment.c.cgan_hurts", lang, ns="10", parts=_part(lang, 10, "-10.0", 1.0))
    assert hurts in lines
    assert len(_said("augment.c.why_weak", lines, lang)) == 1
    # Classic minus the cGAN: +11, +12, +13.5.
    better = i18n.t(
        "augment.c.classic_better", lang, ns="10", parts=_part(lang, 10, "+12.2", 1.2583)
    )
    assert better in lines


@pytest.mark.parametrize("lang", LANGUAGES)
def test_does_real_only_at_the_top_name_the_next_best_and_its_paired_gap(lang):
    summary = _summary(
        {
            5: {"real": [0.50, 0.52, 0.48], "real_classic": [0.46, 0.47, 0.45]},
            10: {"real": [0.6, 0.62, 0.61]},
        }
    )
    lines = augment.conclusions(summary, lang)
    assert lines[1:] == [
        i18n.t("augment.c.real_wins", lang, n=5, mean=50.0, arm=augment.arm_name(
            "real_classic", lang), gap="-4.0", spread="1.0", seeds=3),
        i18n.t("augment.c.real_only", lang, n=10, mean=61.0),
    ]  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_does_one_seed_give_one_line_that_allows_no_comparison(lang):
    # HELPS_SMALL's first seed: a 10-point lead of the cGAN's arm, and still no comparison.
    one_seed = [
        {"n": s["n"], "arm": s["arm"], "seed": 0, "accuracy": s["accuracies"][0]}
        for s in HELPS_SMALL
    ]
    lines = augment.conclusions(augment.summarize(one_seed), lang)
    assert lines == [i18n.t("augment.c.one_seed", lang)]
    # With several seeds that line is not printed.
    assert i18n.t("augment.c.one_seed", lang) not in augment.conclusions(HELPS_SMALL, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_are_cells_of_one_seed_left_out_of_the_comparisons_and_named(lang):
    rows = [
        {"n": s["n"], "arm": s["arm"], "seed": seed, "accuracy": acc}
        for s in HELPS_SMALL
        for seed, acc in s["accuracies"].items()
        if not (s["n"] == 10 and s["arm"] == "real_both" and seed > 0)
    ]
    summary = augment.summarize(rows)
    assert verdicts.left_out(summary) == [(10, "real_both")]
    lines = augment.conclusions(summary, lang)
    cells = f"n = 10: '{augment.arm_name('real_both', lang)}'"
    assert lines[:2] == [
        i18n.t("augment.c.paired", lang),
        i18n.t("augment.c.left_out", lang, cells=cells),
    ]
    # Without 'real + both', the cGAN's arm is the best at n = 10 and the classic gain
    # is not weighed at n = 10.
    assert lines[2].startswith("n = 10") and augment.arm_name("real_cgan", lang) in lines[2]
    on_top = [line for line in lines if "'real + both' −" in line or "'실제 + 둘 다' −" in line]
    assert len(on_top) == 1 and "n = 10:" not in on_top[0]


def test_is_a_summary_without_per_seed_values_refused_with_a_clear_message(tmp_path):
    old = [{k: v for k, v in s.items() if k != "accuracies"} for s in HELPS_SMALL]
    with pytest.raises(ValueError, match="needs each seed's accuracy"):
        augment.conclusions(old, "en")
    # A summary.csv without per-seed columns reads, but cannot be concluded from.
    path = tmp_path / "summary.csv"
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, ["n", "arm", "mean", "std", "runs"])
        writer.writeheader()
        writer.writerows({k: s[k] for k in ("n", "arm", "mean", "std", "runs")} for s in old)
    with pytest.raises(ValueError, match="needs each seed's accuracy"):
        augment.conclusions(augment.read_summary(path), "ko")


def test_is_a_summary_that_lost_the_real_arm_refused():
    with pytest.raises(ValueError, match="needs the 'real' arm at every n. Missing at n=10"):
        augment.conclusions([s for s in HELPS_SMALL if s["arm"] != "real"], "en")


def test_does_every_rule_name_a_message_and_every_n_get_a_first_sentence():
    for rule in verdicts.EACH_N + verdicts.MAKERS_EACH_N + verdicts.ACROSS_N:
        assert i18n.has(rule.key)
    # The last rule for each n is about every finding, so no n goes unsaid.
    assert all(verdicts.EACH_N[-1].about(f) for f in augment.findings(HELPS_SMALL))


# --- the data makers and the fixes (the arms added after the first five) -------------

# n = 10: DiffAugment is the best maker (+4, +4, +5 over real); against the cGAN
# DiffAugment +5 ± 1, filtering +2 ± 1, the CVAE +4 ± 1. n = 100: the CVAE beats classic
# (+2, +2.5, +1.5: +2 ± 0.5).
ALL_ARMS = _summary(
    {
        10: {
            "real": [0.79, 0.80, 0.81],
            "real_classic": [0.87, 0.88, 0.89],
            "real_cgan": [0.78, 0.79, 0.80],
            "real_both": [0.86, 0.87, 0.88],
            "synthetic": [0.58, 0.60, 0.62],
            "real_cvae": [0.82, 0.82, 0.85],
            "synthetic_cvae": [0.68, 0.70, 0.72],
            "real_diffaug": [0.83, 0.83, 0.86],
            "real_filtered": [0.80, 0.80, 0.83],
        },
        100: {
            "real": [0.935, 0.94, 0.945],
            "real_classic": [0.945, 0.95, 0.955],
            "real_cgan": [0.925, 0.93, 0.935],
            "real_both": [0.945, 0.95, 0.955],
            "synthetic": [0.84, 0.85, 0.86],
            "real_cvae": [0.965, 0.975, 0.97],
            "synthetic_cvae": [0.89, 0.90, 0.91],
            "real_diffaug": [0.935, 0.94, 0.945],
            "real_filtered": [0.93, 0.935, 0.94],
        },
    }
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_do_the_conclusions_name_the_best_data_maker_and_what_each_fix_changed(lang):
    lines = augment.conclusions(ALL_ARMS, lang)
    arm = augment.arm_name
    best = i18n.t("augment.c.best_maker", lang, n=10, arm=arm("real_diffaug", lang), mean=84.0,
                  gap="+4.0", spread="1.0", seeds=3)  # fmt: skip
    assert best in lines
    assert any(
        line.startswith("n = 100") and arm("real_cvae", lang) in line and "CAS" not in line
        for line in lines
        if line != best
    )
    fixes = [
        i18n.t("augment.c.fix_change", lang, arm=arm(fix, lang), parts=f"{at_10}; {at_100}")
        for fix, at_10, at_100 in [
            ("real_diffaug", _part(lang, 10, "+5.0", 1.0), _part(lang, 100, "+1.0", 0.0)),
            ("real_filtered", _part(lang, 10, "+2.0", 1.0), _part(lang, 100, "+0.5", 0.0)),
            ("real_cvae", _part(lang, 10, "+4.0", 1.0), _part(lang, 100, "+4.0", 0.5)),
        ]
    ]
    assert lines[-3:] == fixes
    beats = i18n.t("augment.c.arm_part", lang, n=100, arm=arm("real_cvae", lang), gap="+2.0",
                   spread="0.5", seeds=3)  # fmt: skip
    # Only the CVAE at n = 100 beats classic by more than the spread.
    assert i18n.t("augment.c.beats_classic", lang, parts=beats) in lines
    assert not _said("augment.c.no_beats_classic", lines, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_is_it_said_when_no_generated_data_beats_classic_augmentation(lang):
    table = {
        n: {s["arm"]: list(s["accuracies"].values()) for s in ALL_ARMS if s["n"] == n}
        for n in (10, 100)
    }
    table[100]["real_cvae"] = [0.946, 0.950, 0.957]  # +0.1, 0, +0.2: +0.1 ± 0.1, not clear
    lines = augment.conclusions(_summary(table), lang)
    said = _said("augment.c.no_beats_classic", lines, lang)
    assert len(said) == 1 and not _said("augment.c.beats_classic", lines, lang)
    # At each n the arm with the largest paired difference: 'real + both' at 10 (-1 ± 0),
    # the CVAE at 100.
    cvae = i18n.t("augment.c.arm_part", lang, n=100, arm=augment.arm_name("real_cvae", lang),
                  gap="+0.1", spread="0.1", seeds=3)  # fmt: skip
    assert "n = 10: " in said[0] and cvae in said[0]


def test_are_a_mean_and_spread_that_round_alike_printed_with_two_decimals():
    from gencourse.augment.paired import Difference
    from gencourse.augment.verdicts import diff_values

    def values(mean, std):
        return diff_values(Difference("a", "b", 10, mean, std, 5))

    # +0.42 against 0.38: one decimal would print "+0.4 ± 0.4" beside "larger than the spread"
    assert values(0.0042, 0.0038) == {"gap": "+0.42", "spread": "0.38", "seeds": 5}
    assert values(-0.0042, 0.0038)["gap"] == "-0.42"
    assert values(0.056, 0.013) == {"gap": "+5.6", "spread": "1.3", "seeds": 5}
    # Equal to two decimals (float noise aside): one decimal is honest
    assert values(0.001, 0.0010000000001) == {"gap": "+0.1", "spread": "0.1", "seeds": 5}
    assert values(0.0, 0.004)["gap"] == "+0.0"


# n = 10: the diffusion model's samples are the best maker (+6, +6, +7 over real: +6.3 ± 0.6);
# n = 100: they cost a little (-1, -0.5, -0.5: -0.7 ± 0.3). The other arms as in ALL_ARMS.
WITH_DIFFUSION = {
    n: {s["arm"]: list(s["accuracies"].values()) for s in ALL_ARMS if s["n"] == n}
    for n in (10, 100)
}
WITH_DIFFUSION[10] |= {"real_diffusion": [0.85, 0.86, 0.88], "synthetic_diffusion": [0.5, 0.6, 0.7]}
WITH_DIFFUSION[100] |= {
    "real_diffusion": [0.925, 0.935, 0.94],
    "synthetic_diffusion": [0.8, 0.8, 0.9],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_is_the_diffusion_arm_read_against_real_only_at_every_n_with_its_paired_spread(lang):
    lines = augment.conclusions(_summary(WITH_DIFFUSION), lang)
    arm = augment.arm_name("real_diffusion", lang)
    parts = f"{_part(lang, 10, '+6.3', 0.6)}; {_part(lang, 100, '-0.7', 0.3)}"
    assert lines[-1] == i18n.t("augment.c.maker_vs_real", lang, arm=arm, parts=parts)
    best = i18n.t("augment.c.best_maker", lang, n=10, arm=arm, mean=86.3, gap="+6.3",
                  spread="0.6", seeds=3)  # fmt: skip
    assert best in lines
    # The fixes to the cGAN are read as before, just above it.
    assert [_said("augment.c.fix_change", [line], lang) != [] for line in lines[-4:]] == [
        True, True, True, False,
    ]  # fmt: skip


def test_is_no_diffusion_sentence_printed_for_a_grid_without_the_diffusion_arm():
    lines = augment.conclusions(ALL_ARMS, "en")
    assert not _said("augment.c.maker_vs_real", lines, "en")
