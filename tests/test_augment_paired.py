"""Two arms compared seed by seed (gencourse.augment.paired): the one home of the maths."""

import math

import numpy as np
import pytest

from gencourse import augment
from gencourse.augment.paired import paired_difference


def _summary(table):
    """{n: {arm: [accuracy of seed 0, seed 1, ...]}} (or {seed: accuracy}) to a summary."""
    rows = []
    for n, arms in table.items():
        for arm, accs in arms.items():
            by_seed = accs if isinstance(accs, dict) else dict(enumerate(accs))
            rows += [{"n": n, "arm": arm, "seed": s, "accuracy": a} for s, a in by_seed.items()]
    return augment.summarize(rows)


def test_is_the_paired_difference_the_hand_computed_one():
    summary = _summary({10: {"real": [0.75, 0.82, 0.74], "real_cgan": [0.80, 0.85, 0.78]}})
    d = paired_difference(summary, "real_cgan", "real", 10)
    # Per seed: 0.05, 0.03, 0.04; mean 0.04; deviations 0.01, -0.01, 0: var 0.0002 / 2.
    assert d.mean == pytest.approx(0.04)
    assert d.std == pytest.approx(0.01)
    assert (d.a, d.b, d.n, d.seeds) == ("real_cgan", "real", 10, 3)
    assert d.verdict() == "above" and d.measured
    # Swapped, the mean changes sign and the spread stays.
    swapped = paired_difference(summary, "real", "real_cgan", 10)
    assert swapped.mean == pytest.approx(-0.04) and swapped.std == pytest.approx(0.01)
    assert swapped.verdict() == "below"


def test_do_arms_that_move_together_have_a_small_paired_spread_and_a_clear_verdict():
    # Each seed draws easier or harder labelled digits; both arms feel it alike.
    draw = np.array([0.60, 0.80, 0.70, 0.90, 0.65])
    gain = np.array([0.021, 0.019, 0.020, 0.022, 0.018])
    summary = _summary({20: {"real": list(draw), "real_classic": list(draw + gain)}})
    d = paired_difference(summary, "real_classic", "real", 20)
    cells = {s["arm"]: s for s in summary}
    unpaired = math.hypot(cells["real_classic"]["std"], cells["real"]["std"])
    assert d.mean == pytest.approx(0.02)
    assert d.std == pytest.approx(np.std(gain, ddof=1))  # 0.0016
    assert unpaired > 0.15 and d.std < unpaired / 50
    # Unpaired, a 2-point gain within a 16-point spread would be a tie; paired it is clear.
    assert d.mean < unpaired and d.verdict() == "above"


def test_can_pairing_also_widen_the_spread_when_arms_move_apart():
    summary = _summary({5: {"real": [0.7, 0.8], "real_cgan": [0.8, 0.7]}})
    d = paired_difference(summary, "real_cgan", "real", 5)
    unpaired = math.hypot(*(s["std"] for s in summary))  # 0.1
    assert d.mean == pytest.approx(0.0) and d.std == pytest.approx(math.sqrt(0.02))
    assert d.std > unpaired and d.verdict() == "tie"


def test_are_only_the_seeds_both_arms_ran_paired():
    summary = _summary(
        {
            10: {
                "real": {0: 0.5, 1: 0.6, 2: 0.7, 3: 0.9, 4: 0.1},
                "real_cgan": {1: 0.65, 2: 0.72, 0: 0.53},
            }
        }
    )
    d = paired_difference(summary, "real_cgan", "real", 10)
    assert d.seeds == 3
    assert d.mean == pytest.approx(np.mean([0.03, 0.05, 0.02]))


def test_does_one_shared_seed_give_a_difference_without_spread_or_verdict():
    summary = _summary({10: {"real": [0.6], "real_cgan": [0.7]}})
    d = paired_difference(summary, "real_cgan", "real", 10)
    assert d.mean == pytest.approx(0.1) and d.seeds == 1
    assert d.std is None and not d.measured and d.verdict() is None


def test_is_a_difference_equal_to_its_spread_a_tie():
    summary = _summary({10: {"real": [0.5, 0.5], "real_cgan": [0.5, 0.6]}})
    d = paired_difference(summary, "real_cgan", "real", 10)
    # Differences 0 and 0.1: mean 0.05, std 0.0707: within the spread.
    assert d.verdict() == "tie"
    same = _summary({10: {"real": [0.5, 0.6], "real_cgan": [0.5, 0.6]}})
    assert paired_difference(same, "real_cgan", "real", 10).verdict() == "tie"


def test_are_summaries_without_seeds_or_shared_seeds_refused_with_a_clear_message():
    without = [
        {"n": 10, "arm": "real", "mean": 0.6, "std": 0.02, "runs": 3},
        {"n": 10, "arm": "real_cgan", "mean": 0.7, "std": 0.02, "runs": 3},
    ]
    with pytest.raises(ValueError, match="needs each seed's accuracy"):
        paired_difference(without, "real_cgan", "real", 10)
    apart = _summary({10: {"real": {0: 0.6, 1: 0.7}, "real_cgan": {2: 0.7, 3: 0.8}}})
    with pytest.raises(ValueError, match="share no seed"):
        paired_difference(apart, "real_cgan", "real", 10)
    with pytest.raises(ValueError, match=r"no row for arm\(s\) \['real_both'\] at n=10"):
        paired_difference(apart, "real_both", "real", 10)


# --- the rule itself, on per-seed differences (lesson 05's exercise) ---------------------


@pytest.mark.parametrize(
    ("differences", "claim"),
    [
        ([2.1, 3.0, 1.2, 2.6, 1.9], "gain"),  # mean 2.16, std 0.69
        ([-1.8, -2.9, -0.7, -2.2, -1.5], "loss"),
        ([3.0, -1.0, 2.5, -2.0, 0.5], "none"),  # mean 0.6, std 2.2
        ([1.5, 3.0, 0.0], "none"),  # mean 1.5 = std 1.5 exactly: not beyond it
        ([-1.5, -3.0, 0.0], "none"),
        ([0.5, 3.0], "none"),  # mean 1.75, std 1.77 (ddof=0 would say 1.25: a gain)
        ([4.2], "none"),  # one seed: no spread, no claim
        ([], "none"),
        ((0.04, 0.05, 0.03), "gain"),  # any unit, any sequence
    ],
)
def test_does_paired_claim_apply_the_rule_by_hand(differences, claim):
    assert augment.paired_claim(differences) == claim


def test_do_the_claim_and_the_summaries_verdict_apply_one_rule():
    real, cgan = [0.70, 0.80, 0.75, 0.72], [0.72, 0.83, 0.76, 0.70]
    for a, b in ((cgan, real), (real, cgan), (cgan[:3], real[:3]), (cgan[:1], real[:1])):
        summary = _summary({10: {"real": b, "real_cgan": a}})
        d = paired_difference(summary, "real_cgan", "real", 10)
        claim = augment.paired_claim(np.subtract(a, b))
        assert {"above": "gain", "below": "loss", "tie": "none", None: "none"}[d.verdict()] == claim
    assert augment.paired_claim(np.subtract(cgan[:3], real[:3])) == "gain"  # 0.02 +- 0.01


def test_is_a_table_of_differences_refused_by_paired_claim():
    with pytest.raises(ValueError, match=r"1-D sequence.*Received: shape \(2, 2\)"):
        augment.paired_claim([[1.0, 2.0], [3.0, 4.0]])
