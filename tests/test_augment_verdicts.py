"""Lesson 05's reading of the numbers (gencourse.augment.verdicts): findings and conclusions."""

import numpy as np
import pytest

from gencourse import augment, i18n
from gencourse.i18n import LANGUAGES


def _summary(table, runs=3):
    """{n: {arm: (mean, std) or (mean, std, runs)}} to summary rows, in the table's order."""
    return [
        {
            "n": n,
            "arm": arm,
            "mean": cell[0],
            "std": cell[1],
            "runs": cell[2] if len(cell) > 2 else runs,
        }
        for n, arms in table.items()
        for arm, cell in arms.items()
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


# --- the recorded sentences ----------------------------------------------------------------
# A varied set of hand-made summaries and the exact sentences that the branching version of
# ``conclusions`` (gencourse/augment.py at commit 1d86846, before the rules became a table)
# gave for them in en and ko. EXPECTED was generated by running that old code on CASES and
# pasting its output; the table-driven version must say exactly the same.


def _one_seed(summary):
    return [dict(s, std=0.0, runs=1) for s in summary]


def _without(summary, arm):
    return [s for s in summary if s["arm"] != arm]


TIE = _summary(
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
# The cGAN's samples make the recogniser worse (weak samples at 10, redundant ones at 50).
HURTS = _summary(
    {
        10: {
            "real": (0.70, 0.01),
            "real_classic": (0.72, 0.01),
            "real_cgan": (0.60, 0.02),
            "real_both": (0.65, 0.02),
            "synthetic": (0.40, 0.03),
        },
        50: {
            "real": (0.90, 0.01),
            "real_classic": (0.91, 0.01),
            "real_cgan": (0.85, 0.01),
            "real_both": (0.92, 0.005),
            "synthetic": (0.88, 0.02),
        },
    }
)
# Real digits alone do best at every n, by a clear margin or within the spread.
REAL_WINS = _summary(
    {
        5: {
            "real": (0.50, 0.05),
            "real_classic": (0.45, 0.04),
            "real_cgan": (0.30, 0.05),
            "real_both": (0.35, 0.06),
            "synthetic": (0.20, 0.05),
        },
        200: {
            "real": (0.97, 0.005),
            "real_classic": (0.968, 0.004),
            "real_cgan": (0.969, 0.006),
            "real_both": (0.965, 0.005),
            "synthetic": (0.90, 0.01),
        },
    }
)
# Four n with every verdict, several n in one sentence, and gains on top of classic.
MIXED = _summary(
    {
        10: {
            "real": (0.55, 0.02),
            "real_classic": (0.60, 0.02),
            "real_cgan": (0.65, 0.02),
            "real_both": (0.70, 0.01),
            "synthetic": (0.50, 0.02),
        },
        20: {
            "real": (0.70, 0.02),
            "real_classic": (0.74, 0.02),
            "real_cgan": (0.75, 0.02),
            "real_both": (0.76, 0.03),
            "synthetic": (0.62, 0.02),
        },
        50: {
            "real": (0.88, 0.01),
            "real_classic": (0.90, 0.01),
            "real_cgan": (0.885, 0.01),
            "real_both": (0.905, 0.01),
            "synthetic": (0.87, 0.02),
        },
        100: {
            "real": (0.93, 0.01),
            "real_classic": (0.94, 0.01),
            "real_cgan": (0.90, 0.01),
            "real_both": (0.93, 0.01),
            "synthetic": (0.75, 0.02),
        },
    }
)
# Exactly on the boundaries: a margin equal to the spread is no win; equal means.
BOUNDARY = _summary(
    {
        10: {
            "real": (0.5, 0.25),
            "real_classic": (0.75, 0.0),
            "real_cgan": (0.75, 0.0),
            "real_both": (0.75, 0.0),
            "synthetic": (0.25, 0.25),
        },
        20: {
            "real_classic": (0.75, 0.0),
            "real": (0.75, 0.0),
            "real_cgan": (0.75, 0.0),
            "synthetic": (0.75, 0.0),
        },
    }
)
# Several seeds but no spread at all: any positive margin exceeds it.
ZERO_SPREAD = _summary(
    {
        30: {
            "real": (0.80, 0.0),
            "real_classic": (0.81, 0.0),
            "real_cgan": (0.82, 0.0),
            "real_both": (0.80, 0.0),
            "synthetic": (0.85, 0.0),
        }
    }
)
# Some cells with one run, others with three: the single-seed reading applies.
MIXED_RUNS = _summary(
    {
        10: {
            "real": (0.60, 0.02),
            "real_classic": (0.66, 0.02),
            "real_cgan": (0.70, 0.0, 1),
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
ONLY_REAL = _summary({10: {"real": (0.6, 0.02)}, 20: {"real": (0.7, 0.01)}})
# The cGAN's arm at some n only.
PARTIAL = _summary(
    {
        10: {"real": (0.60, 0.02), "real_classic": (0.66, 0.02)},
        20: {
            "real": (0.70, 0.02),
            "real_cgan": (0.76, 0.02),
            "synthetic": (0.65, 0.02),
        },
    }
)

BASES = {
    "helps_small": HELPS_SMALL,
    "tie": TIE,
    "hurts": HURTS,
    "real_wins": REAL_WINS,
    "mixed": MIXED,
    "boundary": BOUNDARY,
    "zero_spread": ZERO_SPREAD,
    "mixed_runs": MIXED_RUNS,
    "only_real": ONLY_REAL,
    "partial": PARTIAL,
}

CASES = {}
for _name, _base in BASES.items():
    CASES[_name] = _base
    CASES[f"{_name}/one_seed"] = _one_seed(_base)
for _name in ("helps_small", "hurts", "mixed"):
    for _arm in augment.ARMS[1:5]:  # the five original arms (the new ones: tests at the end)
        CASES[f"{_name}/no_{_arm}"] = _without(BASES[_name], _arm)
        CASES[f"{_name}/one_seed/no_{_arm}"] = _one_seed(_without(BASES[_name], _arm))

EXPECTED = {
    "helps_small": {
        "en": [
            "n = 10: 'real + both' did best (72.0%), +12.0 points above real only, more than the spread between seeds (±2.8 points).",
            "n = 100: 'real + classic' did best (95.0%), +2.0 points above real only, more than the spread between seeds (±1.1 points).",
            "Adding cGAN samples raised the accuracy by more than the spread at n = 10 (+10.0 ± 2.8 points over real only).",
            "At n = 100 the cGAN samples made no clear difference: their differences from real only (-0.5 ± 1.4 points) lie within the spread between seeds.",
            "A likely reason (n = 100): trained on cGAN samples alone the recogniser reaches 70.0%, below the 93.0% of the real digits alone: the samples carry less than the real digits the cGAN learned from. And with the number of steps fixed, every place a sample takes in a batch is a place a real digit does not get. The same holds for the copies of classic augmentation, so comparing with 'real + classic' shows how useful the extra images themselves are.",
            "At n = 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
            "cGAN samples on top of classic augmentation ('real + both' − 'real + classic', points): n = 10: +6.0 ± 2.8; n = 100: -1.0 ± 1.1. The gain exceeds the spread at n = 10.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +12.0%p로, 시드 간 퍼짐(±2.8%p)보다 큽니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(95.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.1%p)보다 큽니다.",
            "cGAN 샘플을 더하니 n = 10에서 퍼짐보다 큰 차이로 정확도가 올랐습니다(실제 데이터만 쓴 경우 대비 +10.0 ± 2.8%p).",
            "n = 100에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이(-0.5 ± 1.4%p)가 시드 간 퍼짐 안에 있습니다.",
            "가능한 이유(n = 100): cGAN 샘플만으로 훈련한 인식기는 70.0%로, 실제 숫자만으로 훈련한 경우(93.0%)보다 낮습니다. 샘플에 담긴 정보가 cGAN이 배운 실제 숫자보다 적다는 뜻입니다. 게다가 훈련 단계 수가 고정되어 있으므로, 샘플이 배치의 자리를 차지하는 만큼 인식기가 실제 숫자를 보는 횟수가 줄어듭니다. 이 점은 고전적 증강의 사본에도 똑같이 해당하므로, '실제 + 고전적 증강'과 비교하면 추가 이미지 자체가 얼마나 쓸모 있는지 가늠할 수 있습니다.",
            "n = 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
            "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강', %p): n = 10: +6.0 ± 2.8; n = 100: -1.0 ± 1.1. 퍼짐보다 큰 이득은 n = 10에서 나왔습니다.",
        ],
    },
    "helps_small/one_seed": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + both' had the highest mean (72.0%), +12.0 points from real only.",
            "n = 100: 'real + classic' had the highest mean (95.0%), +2.0 points from real only.",
            "At n = 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +12.0%p입니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(95.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "tie": {
        "en": [
            "n = 20: 'real + cGAN' had the highest mean (81.0%), but its lead over real only (+1.0 points) lies within the spread between seeds (±4.2 points): not a clear win.",
            "At n = 20 the cGAN samples made no clear difference: their differences from real only (+1.0 ± 4.2 points) lie within the spread between seeds.",
            "A likely reason (n = 20): the samples alone reach 79.0% (real digits alone: 80.0%), so they are usable; but the cGAN learned from those very digits, so its samples probably repeat the variation the real digits already show and add little new information.",
            "cGAN samples on top of classic augmentation ('real + both' − 'real + classic', points): n = 20: +1.5 ± 5.0. At no n does the gain exceed the spread.",
        ],
        "ko": [
            "n = 20: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'(81.0%)이지만, 실제 데이터만 쓴 경우와의 차이(+1.0%p)가 시드 간 퍼짐(±4.2%p) 안에 있어 분명한 우위라고 할 수 없습니다.",
            "n = 20에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이(+1.0 ± 4.2%p)가 시드 간 퍼짐 안에 있습니다.",
            "가능한 이유(n = 20): cGAN 샘플만으로도 79.0%(실제 숫자만: 80.0%)에 이르므로 샘플 자체는 쓸 만합니다. 하지만 cGAN은 바로 그 실제 숫자들에서 배웠기 때문에, 샘플은 실제 숫자가 이미 보여 준 변화를 되풀이할 뿐 새로운 정보를 거의 더하지 못하는 것으로 보입니다.",
            "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강', %p): n = 20: +1.5 ± 5.0. 어느 n에서도 퍼짐보다 큰 이득은 없었습니다.",
        ],
    },
    "tie/one_seed": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 20: 'real + cGAN' had the highest mean (81.0%), +1.0 points from real only.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'입니다(81.0%). 실제 데이터만 쓴 경우와의 차이는 +1.0%p입니다.",
        ],
    },
    "hurts": {
        "en": [
            "n = 10: 'real + classic' did best (72.0%), +2.0 points above real only, more than the spread between seeds (±1.4 points).",
            "n = 50: 'real + both' did best (92.0%), +2.0 points above real only, more than the spread between seeds (±1.1 points).",
            "At n = 10, 50 the cGAN samples made the recogniser worse: -10.0 ± 2.2, -5.0 ± 1.4 points against real only, more than the spread between seeds.",
            "A likely reason (n = 10): trained on cGAN samples alone the recogniser reaches 40.0%, below the 70.0% of the real digits alone: the samples carry less than the real digits the cGAN learned from. And with the number of steps fixed, every place a sample takes in a batch is a place a real digit does not get. The same holds for the copies of classic augmentation, so comparing with 'real + classic' shows how useful the extra images themselves are.",
            "A likely reason (n = 50): the samples alone reach 88.0% (real digits alone: 90.0%), so they are usable; but the cGAN learned from those very digits, so its samples probably repeat the variation the real digits already show and add little new information.",
            "At n = 10, 50 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
            "cGAN samples on top of classic augmentation ('real + both' − 'real + classic', points): n = 10: -7.0 ± 2.2; n = 50: +1.0 ± 1.1. At no n does the gain exceed the spread.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.4%p)보다 큽니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(92.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.1%p)보다 큽니다.",
            "n = 10, 50에서는 cGAN 샘플을 더하자 오히려 정확도가 떨어졌습니다. 실제 데이터만 쓴 경우와의 차이(-10.0 ± 2.2, -5.0 ± 1.4%p)가 시드 간 퍼짐보다 큽니다.",
            "가능한 이유(n = 10): cGAN 샘플만으로 훈련한 인식기는 40.0%로, 실제 숫자만으로 훈련한 경우(70.0%)보다 낮습니다. 샘플에 담긴 정보가 cGAN이 배운 실제 숫자보다 적다는 뜻입니다. 게다가 훈련 단계 수가 고정되어 있으므로, 샘플이 배치의 자리를 차지하는 만큼 인식기가 실제 숫자를 보는 횟수가 줄어듭니다. 이 점은 고전적 증강의 사본에도 똑같이 해당하므로, '실제 + 고전적 증강'과 비교하면 추가 이미지 자체가 얼마나 쓸모 있는지 가늠할 수 있습니다.",
            "가능한 이유(n = 50): cGAN 샘플만으로도 88.0%(실제 숫자만: 90.0%)에 이르므로 샘플 자체는 쓸 만합니다. 하지만 cGAN은 바로 그 실제 숫자들에서 배웠기 때문에, 샘플은 실제 숫자가 이미 보여 준 변화를 되풀이할 뿐 새로운 정보를 거의 더하지 못하는 것으로 보입니다.",
            "n = 10, 50에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
            "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강', %p): n = 10: -7.0 ± 2.2; n = 50: +1.0 ± 1.1. 어느 n에서도 퍼짐보다 큰 이득은 없었습니다.",
        ],
    },
    "hurts/one_seed": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + classic' had the highest mean (72.0%), +2.0 points from real only.",
            "n = 50: 'real + both' had the highest mean (92.0%), +2.0 points from real only.",
            "At n = 10, 50 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(92.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 10, 50에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "real_wins": {
        "en": [
            "n = 5: real digits alone did best (50.0%); no augmentation raised the mean.",
            "n = 200: real digits alone did best (97.0%); no augmentation raised the mean.",
            "At n = 200 the cGAN samples made no clear difference: their differences from real only (-0.1 ± 0.8 points) lie within the spread between seeds.",
            "At n = 5 the cGAN samples made the recogniser worse: -20.0 ± 7.1 points against real only, more than the spread between seeds.",
            "A likely reason (n = 5, 200): trained on cGAN samples alone the recogniser reaches 20.0, 90.0%, below the 50.0, 97.0% of the real digits alone: the samples carry less than the real digits the cGAN learned from. And with the number of steps fixed, every place a sample takes in a batch is a place a real digit does not get. The same holds for the copies of classic augmentation, so comparing with 'real + classic' shows how useful the extra images themselves are.",
            "At n = 5 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
            "cGAN samples on top of classic augmentation ('real + both' − 'real + classic', points): n = 5: -10.0 ± 7.2; n = 200: -0.3 ± 0.6. At no n does the gain exceed the spread.",
        ],
        "ko": [
            "n = 5: 실제 데이터만 쓴 경우가 가장 좋았습니다(50.0%). 어떤 증강도 평균을 올리지 못했습니다.",
            "n = 200: 실제 데이터만 쓴 경우가 가장 좋았습니다(97.0%). 어떤 증강도 평균을 올리지 못했습니다.",
            "n = 200에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이(-0.1 ± 0.8%p)가 시드 간 퍼짐 안에 있습니다.",
            "n = 5에서는 cGAN 샘플을 더하자 오히려 정확도가 떨어졌습니다. 실제 데이터만 쓴 경우와의 차이(-20.0 ± 7.1%p)가 시드 간 퍼짐보다 큽니다.",
            "가능한 이유(n = 5, 200): cGAN 샘플만으로 훈련한 인식기는 20.0, 90.0%로, 실제 숫자만으로 훈련한 경우(50.0, 97.0%)보다 낮습니다. 샘플에 담긴 정보가 cGAN이 배운 실제 숫자보다 적다는 뜻입니다. 게다가 훈련 단계 수가 고정되어 있으므로, 샘플이 배치의 자리를 차지하는 만큼 인식기가 실제 숫자를 보는 횟수가 줄어듭니다. 이 점은 고전적 증강의 사본에도 똑같이 해당하므로, '실제 + 고전적 증강'과 비교하면 추가 이미지 자체가 얼마나 쓸모 있는지 가늠할 수 있습니다.",
            "n = 5에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
            "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강', %p): n = 5: -10.0 ± 7.2; n = 200: -0.3 ± 0.6. 어느 n에서도 퍼짐보다 큰 이득은 없었습니다.",
        ],
    },
    "real_wins/one_seed": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 5: real digits alone did best (50.0%); no augmentation raised the mean.",
            "n = 200: real digits alone did best (97.0%); no augmentation raised the mean.",
            "At n = 5 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 5: 실제 데이터만 쓴 경우가 가장 좋았습니다(50.0%). 어떤 증강도 평균을 올리지 못했습니다.",
            "n = 200: 실제 데이터만 쓴 경우가 가장 좋았습니다(97.0%). 어떤 증강도 평균을 올리지 못했습니다.",
            "n = 5에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "mixed": {
        "en": [
            "n = 10: 'real + both' did best (70.0%), +15.0 points above real only, more than the spread between seeds (±2.2 points).",
            "n = 20: 'real + both' did best (76.0%), +6.0 points above real only, more than the spread between seeds (±3.6 points).",
            "n = 50: 'real + both' did best (90.5%), +2.5 points above real only, more than the spread between seeds (±1.4 points).",
            "n = 100: 'real + classic' had the highest mean (94.0%), but its lead over real only (+1.0 points) lies within the spread between seeds (±1.4 points): not a clear win.",
            "Adding cGAN samples raised the accuracy by more than the spread at n = 10, 20 (+10.0 ± 2.8, +5.0 ± 2.8 points over real only).",
            "At n = 50 the cGAN samples made no clear difference: their differences from real only (+0.5 ± 1.4 points) lie within the spread between seeds.",
            "At n = 100 the cGAN samples made the recogniser worse: -3.0 ± 1.4 points against real only, more than the spread between seeds.",
            "A likely reason (n = 100): trained on cGAN samples alone the recogniser reaches 75.0%, below the 93.0% of the real digits alone: the samples carry less than the real digits the cGAN learned from. And with the number of steps fixed, every place a sample takes in a batch is a place a real digit does not get. The same holds for the copies of classic augmentation, so comparing with 'real + classic' shows how useful the extra images themselves are.",
            "A likely reason (n = 50): the samples alone reach 87.0% (real digits alone: 88.0%), so they are usable; but the cGAN learned from those very digits, so its samples probably repeat the variation the real digits already show and add little new information.",
            "At n = 50, 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
            "cGAN samples on top of classic augmentation ('real + both' − 'real + classic', points): n = 10: +10.0 ± 2.2; n = 20: +2.0 ± 3.6; n = 50: +0.5 ± 1.4; n = 100: -1.0 ± 1.4. The gain exceeds the spread at n = 10.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(70.0%). 실제 데이터만 쓴 경우와의 차이는 +15.0%p로, 시드 간 퍼짐(±2.2%p)보다 큽니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(76.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p로, 시드 간 퍼짐(±3.6%p)보다 큽니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(90.5%). 실제 데이터만 쓴 경우와의 차이는 +2.5%p로, 시드 간 퍼짐(±1.4%p)보다 큽니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'(94.0%)이지만, 실제 데이터만 쓴 경우와의 차이(+1.0%p)가 시드 간 퍼짐(±1.4%p) 안에 있어 분명한 우위라고 할 수 없습니다.",
            "cGAN 샘플을 더하니 n = 10, 20에서 퍼짐보다 큰 차이로 정확도가 올랐습니다(실제 데이터만 쓴 경우 대비 +10.0 ± 2.8, +5.0 ± 2.8%p).",
            "n = 50에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이(+0.5 ± 1.4%p)가 시드 간 퍼짐 안에 있습니다.",
            "n = 100에서는 cGAN 샘플을 더하자 오히려 정확도가 떨어졌습니다. 실제 데이터만 쓴 경우와의 차이(-3.0 ± 1.4%p)가 시드 간 퍼짐보다 큽니다.",
            "가능한 이유(n = 100): cGAN 샘플만으로 훈련한 인식기는 75.0%로, 실제 숫자만으로 훈련한 경우(93.0%)보다 낮습니다. 샘플에 담긴 정보가 cGAN이 배운 실제 숫자보다 적다는 뜻입니다. 게다가 훈련 단계 수가 고정되어 있으므로, 샘플이 배치의 자리를 차지하는 만큼 인식기가 실제 숫자를 보는 횟수가 줄어듭니다. 이 점은 고전적 증강의 사본에도 똑같이 해당하므로, '실제 + 고전적 증강'과 비교하면 추가 이미지 자체가 얼마나 쓸모 있는지 가늠할 수 있습니다.",
            "가능한 이유(n = 50): cGAN 샘플만으로도 87.0%(실제 숫자만: 88.0%)에 이르므로 샘플 자체는 쓸 만합니다. 하지만 cGAN은 바로 그 실제 숫자들에서 배웠기 때문에, 샘플은 실제 숫자가 이미 보여 준 변화를 되풀이할 뿐 새로운 정보를 거의 더하지 못하는 것으로 보입니다.",
            "n = 50, 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
            "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강', %p): n = 10: +10.0 ± 2.2; n = 20: +2.0 ± 3.6; n = 50: +0.5 ± 1.4; n = 100: -1.0 ± 1.4. 퍼짐보다 큰 이득은 n = 10에서 나왔습니다.",
        ],
    },
    "mixed/one_seed": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + both' had the highest mean (70.0%), +15.0 points from real only.",
            "n = 20: 'real + both' had the highest mean (76.0%), +6.0 points from real only.",
            "n = 50: 'real + both' had the highest mean (90.5%), +2.5 points from real only.",
            "n = 100: 'real + classic' had the highest mean (94.0%), +1.0 points from real only.",
            "At n = 50, 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(70.0%). 실제 데이터만 쓴 경우와의 차이는 +15.0%p입니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(76.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p입니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(90.5%). 실제 데이터만 쓴 경우와의 차이는 +2.5%p입니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(94.0%). 실제 데이터만 쓴 경우와의 차이는 +1.0%p입니다.",
            "n = 50, 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "boundary": {
        "en": [
            "n = 10: 'real + classic' had the highest mean (75.0%), but its lead over real only (+25.0 points) lies within the spread between seeds (±25.0 points): not a clear win.",
            "n = 20: 'real + classic' had the highest mean (75.0%), but its lead over real only (+0.0 points) lies within the spread between seeds (±0.0 points): not a clear win.",
            "At n = 10, 20 the cGAN samples made no clear difference: their differences from real only (+25.0 ± 25.0, +0.0 ± 0.0 points) lie within the spread between seeds.",
            "A likely reason (n = 10, 20): the samples alone reach 25.0, 75.0% (real digits alone: 50.0, 75.0%), so they are usable; but the cGAN learned from those very digits, so its samples probably repeat the variation the real digits already show and add little new information.",
            "cGAN samples on top of classic augmentation ('real + both' − 'real + classic', points): n = 10: +0.0 ± 0.0. At no n does the gain exceed the spread.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'(75.0%)이지만, 실제 데이터만 쓴 경우와의 차이(+25.0%p)가 시드 간 퍼짐(±25.0%p) 안에 있어 분명한 우위라고 할 수 없습니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + 고전적 증강'(75.0%)이지만, 실제 데이터만 쓴 경우와의 차이(+0.0%p)가 시드 간 퍼짐(±0.0%p) 안에 있어 분명한 우위라고 할 수 없습니다.",
            "n = 10, 20에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이(+25.0 ± 25.0, +0.0 ± 0.0%p)가 시드 간 퍼짐 안에 있습니다.",
            "가능한 이유(n = 10, 20): cGAN 샘플만으로도 25.0, 75.0%(실제 숫자만: 50.0, 75.0%)에 이르므로 샘플 자체는 쓸 만합니다. 하지만 cGAN은 바로 그 실제 숫자들에서 배웠기 때문에, 샘플은 실제 숫자가 이미 보여 준 변화를 되풀이할 뿐 새로운 정보를 거의 더하지 못하는 것으로 보입니다.",
            "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강', %p): n = 10: +0.0 ± 0.0. 어느 n에서도 퍼짐보다 큰 이득은 없었습니다.",
        ],
    },
    "boundary/one_seed": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + classic' had the highest mean (75.0%), +25.0 points from real only.",
            "n = 20: 'real + classic' had the highest mean (75.0%), +0.0 points from real only.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(75.0%). 실제 데이터만 쓴 경우와의 차이는 +25.0%p입니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(75.0%). 실제 데이터만 쓴 경우와의 차이는 +0.0%p입니다.",
        ],
    },
    "zero_spread": {
        "en": [
            "n = 30: 'real + cGAN' did best (82.0%), +2.0 points above real only, more than the spread between seeds (±0.0 points).",
            "Adding cGAN samples raised the accuracy by more than the spread at n = 30 (+2.0 ± 0.0 points over real only).",
            "cGAN samples on top of classic augmentation ('real + both' − 'real + classic', points): n = 30: -1.0 ± 0.0. At no n does the gain exceed the spread.",
        ],
        "ko": [
            "n = 30: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'입니다(82.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±0.0%p)보다 큽니다.",
            "cGAN 샘플을 더하니 n = 30에서 퍼짐보다 큰 차이로 정확도가 올랐습니다(실제 데이터만 쓴 경우 대비 +2.0 ± 0.0%p).",
            "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강', %p): n = 30: -1.0 ± 0.0. 어느 n에서도 퍼짐보다 큰 이득은 없었습니다.",
        ],
    },
    "zero_spread/one_seed": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 30: 'real + cGAN' had the highest mean (82.0%), +2.0 points from real only.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 30: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'입니다(82.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
        ],
    },
    "mixed_runs": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + both' had the highest mean (72.0%), +12.0 points from real only.",
            "n = 100: 'real + classic' had the highest mean (95.0%), +2.0 points from real only.",
            "At n = 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +12.0%p입니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(95.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "mixed_runs/one_seed": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + both' had the highest mean (72.0%), +12.0 points from real only.",
            "n = 100: 'real + classic' had the highest mean (95.0%), +2.0 points from real only.",
            "At n = 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +12.0%p입니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(95.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "only_real": {
        "en": [
            "n = 10: real digits alone did best (60.0%); no augmentation raised the mean.",
            "n = 20: real digits alone did best (70.0%); no augmentation raised the mean.",
        ],
        "ko": [
            "n = 10: 실제 데이터만 쓴 경우가 가장 좋았습니다(60.0%). 어떤 증강도 평균을 올리지 못했습니다.",
            "n = 20: 실제 데이터만 쓴 경우가 가장 좋았습니다(70.0%). 어떤 증강도 평균을 올리지 못했습니다.",
        ],
    },
    "only_real/one_seed": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: real digits alone did best (60.0%); no augmentation raised the mean.",
            "n = 20: real digits alone did best (70.0%); no augmentation raised the mean.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 실제 데이터만 쓴 경우가 가장 좋았습니다(60.0%). 어떤 증강도 평균을 올리지 못했습니다.",
            "n = 20: 실제 데이터만 쓴 경우가 가장 좋았습니다(70.0%). 어떤 증강도 평균을 올리지 못했습니다.",
        ],
    },
    "partial": {
        "en": [
            "n = 10: 'real + classic' did best (66.0%), +6.0 points above real only, more than the spread between seeds (±2.8 points).",
            "n = 20: 'real + cGAN' did best (76.0%), +6.0 points above real only, more than the spread between seeds (±2.8 points).",
            "Adding cGAN samples raised the accuracy by more than the spread at n = 20 (+6.0 ± 2.8 points over real only).",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(66.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p로, 시드 간 퍼짐(±2.8%p)보다 큽니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'입니다(76.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p로, 시드 간 퍼짐(±2.8%p)보다 큽니다.",
            "cGAN 샘플을 더하니 n = 20에서 퍼짐보다 큰 차이로 정확도가 올랐습니다(실제 데이터만 쓴 경우 대비 +6.0 ± 2.8%p).",
        ],
    },
    "partial/one_seed": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + classic' had the highest mean (66.0%), +6.0 points from real only.",
            "n = 20: 'real + cGAN' had the highest mean (76.0%), +6.0 points from real only.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(66.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p입니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'입니다(76.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p입니다.",
        ],
    },
    "helps_small/no_real_classic": {
        "en": [
            "n = 10: 'real + both' did best (72.0%), +12.0 points above real only, more than the spread between seeds (±2.8 points).",
            "n = 100: 'real + both' had the highest mean (94.0%), but its lead over real only (+1.0 points) lies within the spread between seeds (±1.4 points): not a clear win.",
            "Adding cGAN samples raised the accuracy by more than the spread at n = 10 (+10.0 ± 2.8 points over real only).",
            "At n = 100 the cGAN samples made no clear difference: their differences from real only (-0.5 ± 1.4 points) lie within the spread between seeds.",
            "A likely reason (n = 100): trained on cGAN samples alone the recogniser reaches 70.0%, below the 93.0% of the real digits alone: the samples carry less than the real digits the cGAN learned from. And with the number of steps fixed, every place a sample takes in a batch is a place a real digit does not get. The same holds for the copies of classic augmentation, so comparing with 'real + classic' shows how useful the extra images themselves are.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +12.0%p로, 시드 간 퍼짐(±2.8%p)보다 큽니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 둘 다'(94.0%)이지만, 실제 데이터만 쓴 경우와의 차이(+1.0%p)가 시드 간 퍼짐(±1.4%p) 안에 있어 분명한 우위라고 할 수 없습니다.",
            "cGAN 샘플을 더하니 n = 10에서 퍼짐보다 큰 차이로 정확도가 올랐습니다(실제 데이터만 쓴 경우 대비 +10.0 ± 2.8%p).",
            "n = 100에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이(-0.5 ± 1.4%p)가 시드 간 퍼짐 안에 있습니다.",
            "가능한 이유(n = 100): cGAN 샘플만으로 훈련한 인식기는 70.0%로, 실제 숫자만으로 훈련한 경우(93.0%)보다 낮습니다. 샘플에 담긴 정보가 cGAN이 배운 실제 숫자보다 적다는 뜻입니다. 게다가 훈련 단계 수가 고정되어 있으므로, 샘플이 배치의 자리를 차지하는 만큼 인식기가 실제 숫자를 보는 횟수가 줄어듭니다. 이 점은 고전적 증강의 사본에도 똑같이 해당하므로, '실제 + 고전적 증강'과 비교하면 추가 이미지 자체가 얼마나 쓸모 있는지 가늠할 수 있습니다.",
        ],
    },
    "helps_small/one_seed/no_real_classic": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + both' had the highest mean (72.0%), +12.0 points from real only.",
            "n = 100: 'real + both' had the highest mean (94.0%), +1.0 points from real only.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +12.0%p입니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(94.0%). 실제 데이터만 쓴 경우와의 차이는 +1.0%p입니다.",
        ],
    },
    "helps_small/no_real_cgan": {
        "en": [
            "n = 10: 'real + both' did best (72.0%), +12.0 points above real only, more than the spread between seeds (±2.8 points).",
            "n = 100: 'real + classic' did best (95.0%), +2.0 points above real only, more than the spread between seeds (±1.1 points).",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +12.0%p로, 시드 간 퍼짐(±2.8%p)보다 큽니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(95.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.1%p)보다 큽니다.",
        ],
    },
    "helps_small/one_seed/no_real_cgan": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + both' had the highest mean (72.0%), +12.0 points from real only.",
            "n = 100: 'real + classic' had the highest mean (95.0%), +2.0 points from real only.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +12.0%p입니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(95.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
        ],
    },
    "helps_small/no_real_both": {
        "en": [
            "n = 10: 'real + cGAN' did best (70.0%), +10.0 points above real only, more than the spread between seeds (±2.8 points).",
            "n = 100: 'real + classic' did best (95.0%), +2.0 points above real only, more than the spread between seeds (±1.1 points).",
            "Adding cGAN samples raised the accuracy by more than the spread at n = 10 (+10.0 ± 2.8 points over real only).",
            "At n = 100 the cGAN samples made no clear difference: their differences from real only (-0.5 ± 1.4 points) lie within the spread between seeds.",
            "A likely reason (n = 100): trained on cGAN samples alone the recogniser reaches 70.0%, below the 93.0% of the real digits alone: the samples carry less than the real digits the cGAN learned from. And with the number of steps fixed, every place a sample takes in a batch is a place a real digit does not get. The same holds for the copies of classic augmentation, so comparing with 'real + classic' shows how useful the extra images themselves are.",
            "At n = 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'입니다(70.0%). 실제 데이터만 쓴 경우와의 차이는 +10.0%p로, 시드 간 퍼짐(±2.8%p)보다 큽니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(95.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.1%p)보다 큽니다.",
            "cGAN 샘플을 더하니 n = 10에서 퍼짐보다 큰 차이로 정확도가 올랐습니다(실제 데이터만 쓴 경우 대비 +10.0 ± 2.8%p).",
            "n = 100에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이(-0.5 ± 1.4%p)가 시드 간 퍼짐 안에 있습니다.",
            "가능한 이유(n = 100): cGAN 샘플만으로 훈련한 인식기는 70.0%로, 실제 숫자만으로 훈련한 경우(93.0%)보다 낮습니다. 샘플에 담긴 정보가 cGAN이 배운 실제 숫자보다 적다는 뜻입니다. 게다가 훈련 단계 수가 고정되어 있으므로, 샘플이 배치의 자리를 차지하는 만큼 인식기가 실제 숫자를 보는 횟수가 줄어듭니다. 이 점은 고전적 증강의 사본에도 똑같이 해당하므로, '실제 + 고전적 증강'과 비교하면 추가 이미지 자체가 얼마나 쓸모 있는지 가늠할 수 있습니다.",
            "n = 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "helps_small/one_seed/no_real_both": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + cGAN' had the highest mean (70.0%), +10.0 points from real only.",
            "n = 100: 'real + classic' had the highest mean (95.0%), +2.0 points from real only.",
            "At n = 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'입니다(70.0%). 실제 데이터만 쓴 경우와의 차이는 +10.0%p입니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(95.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "helps_small/no_synthetic": {
        "en": [
            "n = 10: 'real + both' did best (72.0%), +12.0 points above real only, more than the spread between seeds (±2.8 points).",
            "n = 100: 'real + classic' did best (95.0%), +2.0 points above real only, more than the spread between seeds (±1.1 points).",
            "Adding cGAN samples raised the accuracy by more than the spread at n = 10 (+10.0 ± 2.8 points over real only).",
            "At n = 100 the cGAN samples made no clear difference: their differences from real only (-0.5 ± 1.4 points) lie within the spread between seeds.",
            "At n = 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
            "cGAN samples on top of classic augmentation ('real + both' − 'real + classic', points): n = 10: +6.0 ± 2.8; n = 100: -1.0 ± 1.1. The gain exceeds the spread at n = 10.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +12.0%p로, 시드 간 퍼짐(±2.8%p)보다 큽니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(95.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.1%p)보다 큽니다.",
            "cGAN 샘플을 더하니 n = 10에서 퍼짐보다 큰 차이로 정확도가 올랐습니다(실제 데이터만 쓴 경우 대비 +10.0 ± 2.8%p).",
            "n = 100에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이(-0.5 ± 1.4%p)가 시드 간 퍼짐 안에 있습니다.",
            "n = 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
            "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강', %p): n = 10: +6.0 ± 2.8; n = 100: -1.0 ± 1.1. 퍼짐보다 큰 이득은 n = 10에서 나왔습니다.",
        ],
    },
    "helps_small/one_seed/no_synthetic": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + both' had the highest mean (72.0%), +12.0 points from real only.",
            "n = 100: 'real + classic' had the highest mean (95.0%), +2.0 points from real only.",
            "At n = 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +12.0%p입니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(95.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "hurts/no_real_classic": {
        "en": [
            "n = 10: real digits alone did best (70.0%); no augmentation raised the mean.",
            "n = 50: 'real + both' did best (92.0%), +2.0 points above real only, more than the spread between seeds (±1.1 points).",
            "At n = 10, 50 the cGAN samples made the recogniser worse: -10.0 ± 2.2, -5.0 ± 1.4 points against real only, more than the spread between seeds.",
            "A likely reason (n = 10): trained on cGAN samples alone the recogniser reaches 40.0%, below the 70.0% of the real digits alone: the samples carry less than the real digits the cGAN learned from. And with the number of steps fixed, every place a sample takes in a batch is a place a real digit does not get. The same holds for the copies of classic augmentation, so comparing with 'real + classic' shows how useful the extra images themselves are.",
            "A likely reason (n = 50): the samples alone reach 88.0% (real digits alone: 90.0%), so they are usable; but the cGAN learned from those very digits, so its samples probably repeat the variation the real digits already show and add little new information.",
        ],
        "ko": [
            "n = 10: 실제 데이터만 쓴 경우가 가장 좋았습니다(70.0%). 어떤 증강도 평균을 올리지 못했습니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(92.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.1%p)보다 큽니다.",
            "n = 10, 50에서는 cGAN 샘플을 더하자 오히려 정확도가 떨어졌습니다. 실제 데이터만 쓴 경우와의 차이(-10.0 ± 2.2, -5.0 ± 1.4%p)가 시드 간 퍼짐보다 큽니다.",
            "가능한 이유(n = 10): cGAN 샘플만으로 훈련한 인식기는 40.0%로, 실제 숫자만으로 훈련한 경우(70.0%)보다 낮습니다. 샘플에 담긴 정보가 cGAN이 배운 실제 숫자보다 적다는 뜻입니다. 게다가 훈련 단계 수가 고정되어 있으므로, 샘플이 배치의 자리를 차지하는 만큼 인식기가 실제 숫자를 보는 횟수가 줄어듭니다. 이 점은 고전적 증강의 사본에도 똑같이 해당하므로, '실제 + 고전적 증강'과 비교하면 추가 이미지 자체가 얼마나 쓸모 있는지 가늠할 수 있습니다.",
            "가능한 이유(n = 50): cGAN 샘플만으로도 88.0%(실제 숫자만: 90.0%)에 이르므로 샘플 자체는 쓸 만합니다. 하지만 cGAN은 바로 그 실제 숫자들에서 배웠기 때문에, 샘플은 실제 숫자가 이미 보여 준 변화를 되풀이할 뿐 새로운 정보를 거의 더하지 못하는 것으로 보입니다.",
        ],
    },
    "hurts/one_seed/no_real_classic": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: real digits alone did best (70.0%); no augmentation raised the mean.",
            "n = 50: 'real + both' had the highest mean (92.0%), +2.0 points from real only.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 실제 데이터만 쓴 경우가 가장 좋았습니다(70.0%). 어떤 증강도 평균을 올리지 못했습니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(92.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
        ],
    },
    "hurts/no_real_cgan": {
        "en": [
            "n = 10: 'real + classic' did best (72.0%), +2.0 points above real only, more than the spread between seeds (±1.4 points).",
            "n = 50: 'real + both' did best (92.0%), +2.0 points above real only, more than the spread between seeds (±1.1 points).",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.4%p)보다 큽니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(92.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.1%p)보다 큽니다.",
        ],
    },
    "hurts/one_seed/no_real_cgan": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + classic' had the highest mean (72.0%), +2.0 points from real only.",
            "n = 50: 'real + both' had the highest mean (92.0%), +2.0 points from real only.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(92.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
        ],
    },
    "hurts/no_real_both": {
        "en": [
            "n = 10: 'real + classic' did best (72.0%), +2.0 points above real only, more than the spread between seeds (±1.4 points).",
            "n = 50: 'real + classic' had the highest mean (91.0%), but its lead over real only (+1.0 points) lies within the spread between seeds (±1.4 points): not a clear win.",
            "At n = 10, 50 the cGAN samples made the recogniser worse: -10.0 ± 2.2, -5.0 ± 1.4 points against real only, more than the spread between seeds.",
            "A likely reason (n = 10): trained on cGAN samples alone the recogniser reaches 40.0%, below the 70.0% of the real digits alone: the samples carry less than the real digits the cGAN learned from. And with the number of steps fixed, every place a sample takes in a batch is a place a real digit does not get. The same holds for the copies of classic augmentation, so comparing with 'real + classic' shows how useful the extra images themselves are.",
            "A likely reason (n = 50): the samples alone reach 88.0% (real digits alone: 90.0%), so they are usable; but the cGAN learned from those very digits, so its samples probably repeat the variation the real digits already show and add little new information.",
            "At n = 10, 50 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.4%p)보다 큽니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 고전적 증강'(91.0%)이지만, 실제 데이터만 쓴 경우와의 차이(+1.0%p)가 시드 간 퍼짐(±1.4%p) 안에 있어 분명한 우위라고 할 수 없습니다.",
            "n = 10, 50에서는 cGAN 샘플을 더하자 오히려 정확도가 떨어졌습니다. 실제 데이터만 쓴 경우와의 차이(-10.0 ± 2.2, -5.0 ± 1.4%p)가 시드 간 퍼짐보다 큽니다.",
            "가능한 이유(n = 10): cGAN 샘플만으로 훈련한 인식기는 40.0%로, 실제 숫자만으로 훈련한 경우(70.0%)보다 낮습니다. 샘플에 담긴 정보가 cGAN이 배운 실제 숫자보다 적다는 뜻입니다. 게다가 훈련 단계 수가 고정되어 있으므로, 샘플이 배치의 자리를 차지하는 만큼 인식기가 실제 숫자를 보는 횟수가 줄어듭니다. 이 점은 고전적 증강의 사본에도 똑같이 해당하므로, '실제 + 고전적 증강'과 비교하면 추가 이미지 자체가 얼마나 쓸모 있는지 가늠할 수 있습니다.",
            "가능한 이유(n = 50): cGAN 샘플만으로도 88.0%(실제 숫자만: 90.0%)에 이르므로 샘플 자체는 쓸 만합니다. 하지만 cGAN은 바로 그 실제 숫자들에서 배웠기 때문에, 샘플은 실제 숫자가 이미 보여 준 변화를 되풀이할 뿐 새로운 정보를 거의 더하지 못하는 것으로 보입니다.",
            "n = 10, 50에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "hurts/one_seed/no_real_both": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + classic' had the highest mean (72.0%), +2.0 points from real only.",
            "n = 50: 'real + classic' had the highest mean (91.0%), +1.0 points from real only.",
            "At n = 10, 50 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(91.0%). 실제 데이터만 쓴 경우와의 차이는 +1.0%p입니다.",
            "n = 10, 50에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "hurts/no_synthetic": {
        "en": [
            "n = 10: 'real + classic' did best (72.0%), +2.0 points above real only, more than the spread between seeds (±1.4 points).",
            "n = 50: 'real + both' did best (92.0%), +2.0 points above real only, more than the spread between seeds (±1.1 points).",
            "At n = 10, 50 the cGAN samples made the recogniser worse: -10.0 ± 2.2, -5.0 ± 1.4 points against real only, more than the spread between seeds.",
            "At n = 10, 50 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
            "cGAN samples on top of classic augmentation ('real + both' − 'real + classic', points): n = 10: -7.0 ± 2.2; n = 50: +1.0 ± 1.1. At no n does the gain exceed the spread.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.4%p)보다 큽니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(92.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.1%p)보다 큽니다.",
            "n = 10, 50에서는 cGAN 샘플을 더하자 오히려 정확도가 떨어졌습니다. 실제 데이터만 쓴 경우와의 차이(-10.0 ± 2.2, -5.0 ± 1.4%p)가 시드 간 퍼짐보다 큽니다.",
            "n = 10, 50에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
            "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강', %p): n = 10: -7.0 ± 2.2; n = 50: +1.0 ± 1.1. 어느 n에서도 퍼짐보다 큰 이득은 없었습니다.",
        ],
    },
    "hurts/one_seed/no_synthetic": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + classic' had the highest mean (72.0%), +2.0 points from real only.",
            "n = 50: 'real + both' had the highest mean (92.0%), +2.0 points from real only.",
            "At n = 10, 50 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(72.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(92.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 10, 50에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "mixed/no_real_classic": {
        "en": [
            "n = 10: 'real + both' did best (70.0%), +15.0 points above real only, more than the spread between seeds (±2.2 points).",
            "n = 20: 'real + both' did best (76.0%), +6.0 points above real only, more than the spread between seeds (±3.6 points).",
            "n = 50: 'real + both' did best (90.5%), +2.5 points above real only, more than the spread between seeds (±1.4 points).",
            "n = 100: real digits alone did best (93.0%); no augmentation raised the mean.",
            "Adding cGAN samples raised the accuracy by more than the spread at n = 10, 20 (+10.0 ± 2.8, +5.0 ± 2.8 points over real only).",
            "At n = 50 the cGAN samples made no clear difference: their differences from real only (+0.5 ± 1.4 points) lie within the spread between seeds.",
            "At n = 100 the cGAN samples made the recogniser worse: -3.0 ± 1.4 points against real only, more than the spread between seeds.",
            "A likely reason (n = 100): trained on cGAN samples alone the recogniser reaches 75.0%, below the 93.0% of the real digits alone: the samples carry less than the real digits the cGAN learned from. And with the number of steps fixed, every place a sample takes in a batch is a place a real digit does not get. The same holds for the copies of classic augmentation, so comparing with 'real + classic' shows how useful the extra images themselves are.",
            "A likely reason (n = 50): the samples alone reach 87.0% (real digits alone: 88.0%), so they are usable; but the cGAN learned from those very digits, so its samples probably repeat the variation the real digits already show and add little new information.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(70.0%). 실제 데이터만 쓴 경우와의 차이는 +15.0%p로, 시드 간 퍼짐(±2.2%p)보다 큽니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(76.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p로, 시드 간 퍼짐(±3.6%p)보다 큽니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(90.5%). 실제 데이터만 쓴 경우와의 차이는 +2.5%p로, 시드 간 퍼짐(±1.4%p)보다 큽니다.",
            "n = 100: 실제 데이터만 쓴 경우가 가장 좋았습니다(93.0%). 어떤 증강도 평균을 올리지 못했습니다.",
            "cGAN 샘플을 더하니 n = 10, 20에서 퍼짐보다 큰 차이로 정확도가 올랐습니다(실제 데이터만 쓴 경우 대비 +10.0 ± 2.8, +5.0 ± 2.8%p).",
            "n = 50에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이(+0.5 ± 1.4%p)가 시드 간 퍼짐 안에 있습니다.",
            "n = 100에서는 cGAN 샘플을 더하자 오히려 정확도가 떨어졌습니다. 실제 데이터만 쓴 경우와의 차이(-3.0 ± 1.4%p)가 시드 간 퍼짐보다 큽니다.",
            "가능한 이유(n = 100): cGAN 샘플만으로 훈련한 인식기는 75.0%로, 실제 숫자만으로 훈련한 경우(93.0%)보다 낮습니다. 샘플에 담긴 정보가 cGAN이 배운 실제 숫자보다 적다는 뜻입니다. 게다가 훈련 단계 수가 고정되어 있으므로, 샘플이 배치의 자리를 차지하는 만큼 인식기가 실제 숫자를 보는 횟수가 줄어듭니다. 이 점은 고전적 증강의 사본에도 똑같이 해당하므로, '실제 + 고전적 증강'과 비교하면 추가 이미지 자체가 얼마나 쓸모 있는지 가늠할 수 있습니다.",
            "가능한 이유(n = 50): cGAN 샘플만으로도 87.0%(실제 숫자만: 88.0%)에 이르므로 샘플 자체는 쓸 만합니다. 하지만 cGAN은 바로 그 실제 숫자들에서 배웠기 때문에, 샘플은 실제 숫자가 이미 보여 준 변화를 되풀이할 뿐 새로운 정보를 거의 더하지 못하는 것으로 보입니다.",
        ],
    },
    "mixed/one_seed/no_real_classic": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + both' had the highest mean (70.0%), +15.0 points from real only.",
            "n = 20: 'real + both' had the highest mean (76.0%), +6.0 points from real only.",
            "n = 50: 'real + both' had the highest mean (90.5%), +2.5 points from real only.",
            "n = 100: real digits alone did best (93.0%); no augmentation raised the mean.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(70.0%). 실제 데이터만 쓴 경우와의 차이는 +15.0%p입니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(76.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p입니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(90.5%). 실제 데이터만 쓴 경우와의 차이는 +2.5%p입니다.",
            "n = 100: 실제 데이터만 쓴 경우가 가장 좋았습니다(93.0%). 어떤 증강도 평균을 올리지 못했습니다.",
        ],
    },
    "mixed/no_real_cgan": {
        "en": [
            "n = 10: 'real + both' did best (70.0%), +15.0 points above real only, more than the spread between seeds (±2.2 points).",
            "n = 20: 'real + both' did best (76.0%), +6.0 points above real only, more than the spread between seeds (±3.6 points).",
            "n = 50: 'real + both' did best (90.5%), +2.5 points above real only, more than the spread between seeds (±1.4 points).",
            "n = 100: 'real + classic' had the highest mean (94.0%), but its lead over real only (+1.0 points) lies within the spread between seeds (±1.4 points): not a clear win.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(70.0%). 실제 데이터만 쓴 경우와의 차이는 +15.0%p로, 시드 간 퍼짐(±2.2%p)보다 큽니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(76.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p로, 시드 간 퍼짐(±3.6%p)보다 큽니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(90.5%). 실제 데이터만 쓴 경우와의 차이는 +2.5%p로, 시드 간 퍼짐(±1.4%p)보다 큽니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'(94.0%)이지만, 실제 데이터만 쓴 경우와의 차이(+1.0%p)가 시드 간 퍼짐(±1.4%p) 안에 있어 분명한 우위라고 할 수 없습니다.",
        ],
    },
    "mixed/one_seed/no_real_cgan": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + both' had the highest mean (70.0%), +15.0 points from real only.",
            "n = 20: 'real + both' had the highest mean (76.0%), +6.0 points from real only.",
            "n = 50: 'real + both' had the highest mean (90.5%), +2.5 points from real only.",
            "n = 100: 'real + classic' had the highest mean (94.0%), +1.0 points from real only.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(70.0%). 실제 데이터만 쓴 경우와의 차이는 +15.0%p입니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(76.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p입니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(90.5%). 실제 데이터만 쓴 경우와의 차이는 +2.5%p입니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(94.0%). 실제 데이터만 쓴 경우와의 차이는 +1.0%p입니다.",
        ],
    },
    "mixed/no_real_both": {
        "en": [
            "n = 10: 'real + cGAN' did best (65.0%), +10.0 points above real only, more than the spread between seeds (±2.8 points).",
            "n = 20: 'real + cGAN' did best (75.0%), +5.0 points above real only, more than the spread between seeds (±2.8 points).",
            "n = 50: 'real + classic' did best (90.0%), +2.0 points above real only, more than the spread between seeds (±1.4 points).",
            "n = 100: 'real + classic' had the highest mean (94.0%), but its lead over real only (+1.0 points) lies within the spread between seeds (±1.4 points): not a clear win.",
            "Adding cGAN samples raised the accuracy by more than the spread at n = 10, 20 (+10.0 ± 2.8, +5.0 ± 2.8 points over real only).",
            "At n = 50 the cGAN samples made no clear difference: their differences from real only (+0.5 ± 1.4 points) lie within the spread between seeds.",
            "At n = 100 the cGAN samples made the recogniser worse: -3.0 ± 1.4 points against real only, more than the spread between seeds.",
            "A likely reason (n = 100): trained on cGAN samples alone the recogniser reaches 75.0%, below the 93.0% of the real digits alone: the samples carry less than the real digits the cGAN learned from. And with the number of steps fixed, every place a sample takes in a batch is a place a real digit does not get. The same holds for the copies of classic augmentation, so comparing with 'real + classic' shows how useful the extra images themselves are.",
            "A likely reason (n = 50): the samples alone reach 87.0% (real digits alone: 88.0%), so they are usable; but the cGAN learned from those very digits, so its samples probably repeat the variation the real digits already show and add little new information.",
            "At n = 50, 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'입니다(65.0%). 실제 데이터만 쓴 경우와의 차이는 +10.0%p로, 시드 간 퍼짐(±2.8%p)보다 큽니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'입니다(75.0%). 실제 데이터만 쓴 경우와의 차이는 +5.0%p로, 시드 간 퍼짐(±2.8%p)보다 큽니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(90.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p로, 시드 간 퍼짐(±1.4%p)보다 큽니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'(94.0%)이지만, 실제 데이터만 쓴 경우와의 차이(+1.0%p)가 시드 간 퍼짐(±1.4%p) 안에 있어 분명한 우위라고 할 수 없습니다.",
            "cGAN 샘플을 더하니 n = 10, 20에서 퍼짐보다 큰 차이로 정확도가 올랐습니다(실제 데이터만 쓴 경우 대비 +10.0 ± 2.8, +5.0 ± 2.8%p).",
            "n = 50에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이(+0.5 ± 1.4%p)가 시드 간 퍼짐 안에 있습니다.",
            "n = 100에서는 cGAN 샘플을 더하자 오히려 정확도가 떨어졌습니다. 실제 데이터만 쓴 경우와의 차이(-3.0 ± 1.4%p)가 시드 간 퍼짐보다 큽니다.",
            "가능한 이유(n = 100): cGAN 샘플만으로 훈련한 인식기는 75.0%로, 실제 숫자만으로 훈련한 경우(93.0%)보다 낮습니다. 샘플에 담긴 정보가 cGAN이 배운 실제 숫자보다 적다는 뜻입니다. 게다가 훈련 단계 수가 고정되어 있으므로, 샘플이 배치의 자리를 차지하는 만큼 인식기가 실제 숫자를 보는 횟수가 줄어듭니다. 이 점은 고전적 증강의 사본에도 똑같이 해당하므로, '실제 + 고전적 증강'과 비교하면 추가 이미지 자체가 얼마나 쓸모 있는지 가늠할 수 있습니다.",
            "가능한 이유(n = 50): cGAN 샘플만으로도 87.0%(실제 숫자만: 88.0%)에 이르므로 샘플 자체는 쓸 만합니다. 하지만 cGAN은 바로 그 실제 숫자들에서 배웠기 때문에, 샘플은 실제 숫자가 이미 보여 준 변화를 되풀이할 뿐 새로운 정보를 거의 더하지 못하는 것으로 보입니다.",
            "n = 50, 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "mixed/one_seed/no_real_both": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + cGAN' had the highest mean (65.0%), +10.0 points from real only.",
            "n = 20: 'real + cGAN' had the highest mean (75.0%), +5.0 points from real only.",
            "n = 50: 'real + classic' had the highest mean (90.0%), +2.0 points from real only.",
            "n = 100: 'real + classic' had the highest mean (94.0%), +1.0 points from real only.",
            "At n = 50, 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'입니다(65.0%). 실제 데이터만 쓴 경우와의 차이는 +10.0%p입니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + cGAN 샘플'입니다(75.0%). 실제 데이터만 쓴 경우와의 차이는 +5.0%p입니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(90.0%). 실제 데이터만 쓴 경우와의 차이는 +2.0%p입니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(94.0%). 실제 데이터만 쓴 경우와의 차이는 +1.0%p입니다.",
            "n = 50, 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
    "mixed/no_synthetic": {
        "en": [
            "n = 10: 'real + both' did best (70.0%), +15.0 points above real only, more than the spread between seeds (±2.2 points).",
            "n = 20: 'real + both' did best (76.0%), +6.0 points above real only, more than the spread between seeds (±3.6 points).",
            "n = 50: 'real + both' did best (90.5%), +2.5 points above real only, more than the spread between seeds (±1.4 points).",
            "n = 100: 'real + classic' had the highest mean (94.0%), but its lead over real only (+1.0 points) lies within the spread between seeds (±1.4 points): not a clear win.",
            "Adding cGAN samples raised the accuracy by more than the spread at n = 10, 20 (+10.0 ± 2.8, +5.0 ± 2.8 points over real only).",
            "At n = 50 the cGAN samples made no clear difference: their differences from real only (+0.5 ± 1.4 points) lie within the spread between seeds.",
            "At n = 100 the cGAN samples made the recogniser worse: -3.0 ± 1.4 points against real only, more than the spread between seeds.",
            "At n = 50, 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
            "cGAN samples on top of classic augmentation ('real + both' − 'real + classic', points): n = 10: +10.0 ± 2.2; n = 20: +2.0 ± 3.6; n = 50: +0.5 ± 1.4; n = 100: -1.0 ± 1.4. The gain exceeds the spread at n = 10.",
        ],
        "ko": [
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(70.0%). 실제 데이터만 쓴 경우와의 차이는 +15.0%p로, 시드 간 퍼짐(±2.2%p)보다 큽니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(76.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p로, 시드 간 퍼짐(±3.6%p)보다 큽니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(90.5%). 실제 데이터만 쓴 경우와의 차이는 +2.5%p로, 시드 간 퍼짐(±1.4%p)보다 큽니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'(94.0%)이지만, 실제 데이터만 쓴 경우와의 차이(+1.0%p)가 시드 간 퍼짐(±1.4%p) 안에 있어 분명한 우위라고 할 수 없습니다.",
            "cGAN 샘플을 더하니 n = 10, 20에서 퍼짐보다 큰 차이로 정확도가 올랐습니다(실제 데이터만 쓴 경우 대비 +10.0 ± 2.8, +5.0 ± 2.8%p).",
            "n = 50에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이(+0.5 ± 1.4%p)가 시드 간 퍼짐 안에 있습니다.",
            "n = 100에서는 cGAN 샘플을 더하자 오히려 정확도가 떨어졌습니다. 실제 데이터만 쓴 경우와의 차이(-3.0 ± 1.4%p)가 시드 간 퍼짐보다 큽니다.",
            "n = 50, 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
            "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강', %p): n = 10: +10.0 ± 2.2; n = 20: +2.0 ± 3.6; n = 50: +0.5 ± 1.4; n = 100: -1.0 ± 1.4. 퍼짐보다 큰 이득은 n = 10에서 나왔습니다.",
        ],
    },
    "mixed/one_seed/no_synthetic": {
        "en": [
            "With a single seed the spread between seeds cannot be measured. The comparisons below look at means only and cannot tell whether a difference is clear.",
            "n = 10: 'real + both' had the highest mean (70.0%), +15.0 points from real only.",
            "n = 20: 'real + both' had the highest mean (76.0%), +6.0 points from real only.",
            "n = 50: 'real + both' had the highest mean (90.5%), +2.5 points from real only.",
            "n = 100: 'real + classic' had the highest mean (94.0%), +1.0 points from real only.",
            "At n = 50, 100 classic augmentation (shifts and rotations) had a higher mean than the cGAN samples.",
        ],
        "ko": [
            "시드가 하나뿐이라 시드 간 퍼짐을 잴 수 없습니다. 아래 비교는 평균만 본 것이며, 분명한 차이인지 알 수 없습니다.",
            "n = 10: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(70.0%). 실제 데이터만 쓴 경우와의 차이는 +15.0%p입니다.",
            "n = 20: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(76.0%). 실제 데이터만 쓴 경우와의 차이는 +6.0%p입니다.",
            "n = 50: 평균이 가장 높은 방법은 '실제 + 둘 다'입니다(90.5%). 실제 데이터만 쓴 경우와의 차이는 +2.5%p입니다.",
            "n = 100: 평균이 가장 높은 방법은 '실제 + 고전적 증강'입니다(94.0%). 실제 데이터만 쓴 경우와의 차이는 +1.0%p입니다.",
            "n = 50, 100에서는 고전적 증강(이동과 회전)의 평균이 cGAN 샘플보다 높았습니다.",
        ],
    },
}


def test_does_every_case_have_its_recorded_sentences():
    assert set(EXPECTED) == set(CASES)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(CASES))
def test_are_the_conclusions_the_recorded_sentences(name, lang):
    assert augment.conclusions(CASES[name], lang) == EXPECTED[name][lang]


@pytest.mark.parametrize("name", [name for name in BASES if name != "only_real"])  # not empty
def test_is_a_summary_that_lost_the_real_arm_refused(name):
    with pytest.raises(ValueError, match="needs the 'real' arm at every n"):
        augment.conclusions(_without(BASES[name], "real"), "en")


def test_does_every_rule_name_a_message_and_every_n_get_a_first_sentence_for_any_seeds():
    from gencourse.augment import verdicts

    for rule in verdicts.EACH_N + verdicts.MAKERS_EACH_N + verdicts.ACROSS_N:
        assert i18n.has(rule.key) and rule.seeds in (verdicts.ONE, verdicts.SEVERAL, verdicts.ANY)
    # The last rule for each kind of summary is about every finding, so no n goes unsaid.
    for seeds in (verdicts.ONE, verdicts.SEVERAL):
        last = [r for r in verdicts.EACH_N if r.seeds in (seeds, verdicts.ANY)][-1]
        assert all(last.about(f) for f in augment.findings(HELPS_SMALL))


# --- the data makers and the fixes (the arms added after the first five) -------------

ALL_ARMS = _summary(
    {
        10: {
            "real": (0.80, 0.03),
            "real_classic": (0.88, 0.01),
            "real_cgan": (0.79, 0.02),
            "real_both": (0.87, 0.01),
            "synthetic": (0.60, 0.04),
            "real_cvae": (0.83, 0.02),
            "synthetic_cvae": (0.70, 0.03),
            "real_diffaug": (0.84, 0.01),
            "real_filtered": (0.81, 0.02),
        },
        100: {
            "real": (0.94, 0.004),
            "real_classic": (0.95, 0.004),
            "real_cgan": (0.93, 0.005),
            "real_both": (0.95, 0.004),
            "synthetic": (0.85, 0.01),
            "real_cvae": (0.97, 0.003),
            "synthetic_cvae": (0.90, 0.01),
            "real_diffaug": (0.94, 0.004),
            "real_filtered": (0.935, 0.004),
        },
    }
)


def test_do_the_conclusions_name_the_best_data_maker_per_n_and_what_each_fix_changed():
    lines = augment.conclusions(ALL_ARMS, "en")
    assert (
        "n = 10: of the data makers (the real digits plus one maker's samples, nothing else), "
        "'real + DiffAugment cGAN' had the highest mean (84.0%, +4.0 points from real only)."
    ) in lines
    assert any(
        line.startswith(
            "n = 100: of the data makers (the real digits plus one maker's samples, "
            "nothing else), 'real + CVAE'"
        )
        for line in lines
    )
    fixes = [line for line in lines if line.startswith("What '")]
    assert fixes == [
        "What 'real + DiffAugment cGAN' changed against the plain cGAN ('real + cGAN'), in points "
        "(± spread): n = 10: +5.0 ± 2.2; n = 100: +1.0 ± 0.6.",
        "What 'real + filtered cGAN' changed against the plain cGAN ('real + cGAN'), in points "
        "(± spread): n = 10: +2.0 ± 2.8; n = 100: +0.5 ± 0.6.",
        "What 'real + CVAE' changed against the plain cGAN ('real + cGAN'), in points "
        "(± spread): n = 10: +4.0 ± 2.8; n = 100: +4.0 ± 0.6.",
    ]
    # The CVAE at n = 100 beats classic by 2.0 points, more than the spread (0.5).
    assert (
        "Generated data beat 'real + classic' by more than the spread: n = 100: 'real + CVAE' +2.0 ± 0.5."
        in lines
    )
    assert not any(line.startswith("At no n did an arm with generated data") for line in lines)
    # The CAS of the CVAE is never the winner of an n (it is not trained on real digits).
    assert all("CVAE samples only" not in line for line in lines if "did best" in line)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_is_it_said_when_no_generated_data_beats_classic_augmentation(lang):
    summary = [dict(s) for s in ALL_ARMS]
    for s in summary:
        if s["n"] == 100 and s["arm"] == "real_cvae":
            s["mean"] = 0.951
    lines = augment.conclusions(summary, lang)
    key = "augment.c.no_beats_classic"
    start = i18n.t(key, lang, parts="@").split("@")[0]
    said = [line for line in lines if line.startswith(start)]
    assert len(said) == 1
    assert "n = 10" in said[0] and "n = 100" in said[0]
