"""Lesson 05's summary of the grid (gencourse.augment.report): per-seed values, files, table, plot."""

import csv

import pytest

from gencourse import augment, i18n


def _rows(table):
    """{n: {arm: {seed: accuracy}}} to the grid's rows."""
    return [
        {"n": n, "arm": arm, "seed": s, "accuracy": a}
        for n, arms in table.items()
        for arm, by_seed in arms.items()
        for s, a in by_seed.items()
    ]


def test_does_the_summary_keep_each_seed_and_give_mean_and_sample_std():
    rows = _rows({10: {"real": {2: 0.7, 0: 0.5, 1: 0.6}, "real_cgan": {0: 0.55}}})
    real, cgan = augment.summarize(rows)
    assert real["mean"] == pytest.approx(0.6) and real["std"] == pytest.approx(0.1)
    assert real["runs"] == 3 and real["accuracies"] == {0: 0.5, 1: 0.6, 2: 0.7}
    assert list(real["accuracies"]) == [0, 1, 2]  # by seed
    # One seed: no spread was measured, so none is given (not a placeholder 0).
    assert cgan["std"] is None and cgan["runs"] == 1 and cgan["accuracies"] == {0: 0.55}


def test_are_rows_without_a_seed_and_repeated_seeds_refused():
    with pytest.raises(ValueError, match=r"Missing \['seed'\]"):
        augment.summarize([{"n": 10, "arm": "real", "accuracy": 0.5}])
    with pytest.raises(ValueError, match="Seed 1 appears twice for n=10, arm='real'"):
        augment.summarize(_rows({10: {"real": {1: 0.5}}}) * 2)


TABLE = {
    10: {"real": {0: 0.61, 1: 0.65, 2: 0.6}, "real_cgan": {0: 0.7, 1: 0.72}},
    20: {"real": {0: 0.8, 1: 0.82, 2: 0.79}, "real_cgan": {0: 0.85, 1: 0.84, 2: 0.83}},
}


def test_do_rows_and_summary_survive_their_csv_files(tmp_path):
    rows = _rows(TABLE)
    summary = augment.summarize(rows)
    # The grid's rows: read_rows + summarize give the same summary.
    augment.write_csv(rows, tmp_path / "augment.csv")
    assert augment.summarize(augment.read_rows(tmp_path / "augment.csv")) == summary
    # The summary: one number per column, a column per seed (empty where an arm lacks it).
    augment.write_csv(summary, tmp_path / "summary.csv")
    with (tmp_path / "summary.csv").open() as f:
        table = list(csv.DictReader(f))
    assert list(table[0]) == [
        "n", "arm", "mean", "std", "runs",
        "accuracy_seed_0", "accuracy_seed_1", "accuracy_seed_2",
    ]  # fmt: skip
    assert table[1]["accuracy_seed_2"] == "" and table[1]["accuracy_seed_1"] == "0.7200"
    assert augment.read_summary(tmp_path / "summary.csv") == summary
    # A summary file is not a rows file: the reader says which function reads it.
    with pytest.raises(ValueError, match="read with read_summary"):
        augment.read_rows(tmp_path / "summary.csv")


def test_does_a_one_seed_summary_round_trip_with_an_empty_std(tmp_path):
    summary = augment.summarize(_rows({10: {"real": {0: 0.61}}}))
    augment.write_csv(summary, tmp_path / "summary.csv")
    with (tmp_path / "summary.csv").open() as f:
        assert next(csv.DictReader(f))["std"] == ""
    assert augment.read_summary(tmp_path / "summary.csv") == summary


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_does_the_table_show_no_spread_for_one_seed(lang, capsys):
    one = augment.summarize(_rows({10: {"real": {0: 0.61}, "real_cgan": {0: 0.7}}}))
    headers, rows = augment.table_rows(one, lang)
    assert rows == [["10", "61.0", "70.0"]]
    augment.print_summary(one, lang)
    out = capsys.readouterr().out
    assert "±" not in out.replace(augment.table_title(one, lang), "")
    assert augment.table_title(one, lang) == i18n.t("augment.table_title_one", lang)
    several = augment.summarize(_rows(TABLE))
    _, rows = augment.table_rows(several, lang)
    # n = 10: real over three seeds (61, 65, 60), the cGAN's arm over two (70, 72).
    assert rows[0] == ["10", "62.0 ± 2.6", "71.0 ± 1.4"]
    assert augment.table_title(several, lang) == i18n.t("augment.table_title", lang, runs="2-3")


def _error_bars(ax):
    from matplotlib.container import ErrorbarContainer

    return [c.has_yerr for c in ax.containers if isinstance(c, ErrorbarContainer)]


def test_does_the_plot_draw_error_bars_only_where_seeds_give_a_spread():
    import matplotlib.pyplot as plt

    one = augment.summarize(
        [r for r in _rows(TABLE) if r["seed"] == 0]
    )  # two n, one seed: lines, no error bars
    fig = augment.plot_accuracy(one, "en")
    (ax,) = fig.axes
    assert _error_bars(ax) == [False, False]
    assert ax.get_ylabel() == i18n.t("augment.fig.y_one", "en")
    plt.close(fig)
    fig = augment.plot_accuracy(augment.summarize(_rows(TABLE)), "en")
    assert _error_bars(fig.axes[0]) == [True, True]
    assert fig.axes[0].get_ylabel() == i18n.t("augment.fig.y", "en")
    plt.close(fig)
    # One n: a bar per arm, without error bars for one seed, on an axis from 0.
    fig = augment.plot_accuracy([s for s in one if s["n"] == 10], "en")
    (bars,) = fig.axes[0].containers
    assert bars.errorbar is None
    assert fig.axes[0].get_xlim() == (0.0, 100.0)
    plt.close(fig)


def test_does_a_summary_with_the_new_arms_plot_two_panels_and_the_quality_table(capsys):
    import matplotlib.pyplot as plt

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
        for m in ("diffusion", "cvae", "cgan", "filtered")
        for s in (0, 1)
    ]
    cells = augment.summarize_quality(quality)
    assert [c["maker"] for c in cells] == ["cgan", "filtered", "cvae", "diffusion"]
    assert cells[1]["accepted"] == 0.4 and "accepted" not in cells[0]
    augment.print_quality(cells, "en")
    out = capsys.readouterr().out
    assert "label agreement" in out and "diffusion model" in out
