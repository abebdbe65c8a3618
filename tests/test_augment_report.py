"""Lesson 05's summary of the grid (gencourse.augment.report)."""

import pytest

from gencourse import augment


def test_does_the_summary_give_mean_and_sample_std_per_n_and_arm():
    rows = [
        {"n": 10, "arm": "real", "seed": s, "accuracy": a} for s, a in enumerate([0.5, 0.6, 0.7])
    ]
    (only,) = augment.summarize(rows)
    assert only["mean"] == pytest.approx(0.6) and only["std"] == pytest.approx(0.1)


def test_does_a_summary_with_the_new_arms_plot_two_panels_and_the_quality_table(capsys):
    import matplotlib.pyplot as plt

    from gencourse import augment

    rows = [
        {"n": n, "arm": arm, "seed": s, "accuracy": 0.5 + 0.01 * s}
        for n in (10, 20)
        for arm in augment.ARMS
        for s in (0, 1)
    ]
    summary = augment.summarize(rows)
    fig = augment.plot_accuracy(summary, "en")
    assert len(fig.axes) == 2
    left, right = fig.axes
    assert [t.get_text() for t in left.get_legend().get_texts()] == [
        augment.arm_name(a, "en") for a in augment.MAKER_ARMS
    ]
    assert [t.get_text() for t in right.get_legend().get_texts()] == [
        augment.arm_name(a, "en") for a in augment.FIX_ARMS
    ]
    plt.close(fig)
    old = augment.summarize([r for r in rows if r["arm"] in augment.ARMS[:5]])
    fig = augment.plot_accuracy(old, "en")
    assert len(fig.axes) == 1
    plt.close(fig)
    quality = [
        {
            "n": 10,
            "maker": m,
            "seed": s,
            "agreement": 0.5,
            "nearest": 0.2,
            "accepted": 0.4 if m == "filtered" else "",
        }
        for m in ("cvae", "cgan", "filtered")
        for s in (0, 1)
    ]
    cells = augment.summarize_quality(quality)
    assert [c["maker"] for c in cells] == ["cgan", "filtered", "cvae"]
    assert cells[1]["accepted"] == 0.4 and "accepted" not in cells[0]
    augment.print_quality(cells, "en")
    assert "label agreement" in capsys.readouterr().out
