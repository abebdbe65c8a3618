"""Lesson 05's results for people: the summary, its CSV files, the table and the plot.

:func:`summarize` turns the grid's rows into a mean and standard deviation
per (n, arm); :func:`write_csv` and :func:`read_rows` store and read the
rows; :func:`print_summary` and :func:`plot_accuracy` show the summary in the
current language. What the numbers mean is :mod:`gencourse.augment.verdicts`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from gencourse.augment.sets import ARMS, SEMI_ARMS
from gencourse.i18n import t

#: Every arm of lessons 05 and 06, in table order (lesson 06 shares lesson 05's references).
ALL_ARMS = ARMS + tuple(a for a in SEMI_ARMS if a not in ARMS)
#: The arms only lesson 06 has: a summary with one of them is lesson 06's.
_SEMI_ONLY = frozenset(SEMI_ARMS) - frozenset(ARMS)


def summarize(rows) -> list:
    """Mean and standard deviation (ddof=1; 0 for one seed) per (n, arm), in grid order."""
    groups: dict = {}
    for row in rows:
        groups.setdefault((int(row["n"]), row["arm"]), []).append(float(row["accuracy"]))
    unknown = sorted({arm for _, arm in groups} - set(ALL_ARMS))
    if unknown:
        raise ValueError(f"Unknown arms {unknown}: arms come from {ALL_ARMS}.")
    out = []
    for (n, arm), values in sorted(
        groups.items(), key=lambda kv: (kv[0][0], ALL_ARMS.index(kv[0][1]))
    ):
        std = float(np.std(values, ddof=1)) if len(values) > 1 else 0.0
        out.append(
            {"n": n, "arm": arm, "mean": float(np.mean(values)), "std": std, "runs": len(values)}
        )
    return out


# --- files ------------------------------------------------------------------------


def write_csv(rows, path) -> Path:
    """Writes dict rows to ``path`` (columns from the first row)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {k: (f"{v:.4f}" if isinstance(v, float) else v) for k, v in row.items()}
            )
    return path


def read_rows(path) -> list:
    """Reads ``augment.csv`` written by :func:`write_csv` back into rows."""
    with Path(path).open(encoding="utf-8") as f:
        return [
            {
                "n": int(r["n"]),
                "arm": r["arm"],
                "seed": int(r["seed"]),
                "accuracy": float(r["accuracy"]),
            }
            for r in csv.DictReader(f)
        ]


# --- the table and the plot ---------------------------------------------------------


def arm_name(arm: str, lang: str | None = None) -> str:
    """The arm's name for people, in ``lang``."""
    return t(f"augment.arm.{arm}", lang)


def table_rows(summary, lang: str | None = None) -> tuple[list, list]:
    """``(headers, rows)`` of the summary as text, one row per n, one column per arm."""
    arms = [a for a in ALL_ARMS if any(s["arm"] == a for s in summary)]
    headers = [t("augment.col.n", lang)] + [arm_name(a, lang) for a in arms]
    rows = []
    for n in sorted({s["n"] for s in summary}):
        cells = {s["arm"]: s for s in summary if s["n"] == n}
        rows.append(
            [str(n)]
            + [
                f"{100 * cells[a]['mean']:.1f} ± {100 * cells[a]['std']:.1f}" if a in cells else "-"
                for a in arms
            ]
        )
    return headers, rows


def print_summary(summary, lang: str | None = None) -> None:
    """Prints the summary as a table of accuracy (%) mean ± standard deviation."""
    from gencourse.viz import print_table

    print(t("augment.table_title", lang, runs=max(s["runs"] for s in summary)))
    print_table(*table_rows(summary, lang))


_STYLE = {
    "real": ("black", "o"),
    "real_classic": ("tab:blue", "s"),
    "real_cgan": ("tab:red", "^"),
    "real_both": ("tab:purple", "D"),
    "synthetic": ("tab:red", "v"),
    "real_cvae": ("tab:green", "P"),
    "synthetic_cvae": ("tab:green", "X"),
    "real_diffaug": ("tab:orange", "*"),
    "real_filtered": ("tab:brown", "h"),
    "pseudo": ("tab:gray", "s"),
    "m1": ("tab:green", "P"),
    "ssgan": ("tab:red", "^"),
    "ssgan_classic": ("tab:purple", "D"),
    "ssgan_supervised": ("tab:olive", "x"),
}


def _panel(ax, summary, arms, lang):
    n_values = sorted({s["n"] for s in summary})
    arms = [a for a in arms if any(s["arm"] == a for s in summary)]
    for i, arm in enumerate(arms):
        rows = sorted((s for s in summary if s["arm"] == arm), key=lambda s: s["n"])
        # Small sideways offsets keep the error bars of the arms apart.
        x = [s["n"] * (1 + 0.025 * (i - (len(arms) - 1) / 2)) for s in rows]
        colour, marker = _STYLE[arm]
        ax.errorbar(
            x,
            [100 * s["mean"] for s in rows],
            yerr=[100 * s["std"] for s in rows],
            label=arm_name(arm, lang),
            color=colour,
            marker=marker,
            capsize=3,
            linestyle="--" if arm.startswith("synthetic") else "-",
        )
    ax.set_xscale("log")
    ax.set_xticks(n_values)
    ax.set_xticklabels([str(n) for n in n_values])
    ax.minorticks_off()
    ax.set_xlabel(t("augment.fig.x", lang))
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)


def _bars(summary, lang):
    """One horizontal bar per arm (mean, error bar = std) for a summary of a single n."""
    import matplotlib.pyplot as plt

    cells = sorted(summary, key=lambda s: ALL_ARMS.index(s["arm"]))
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(cells) + 1.6))
    y = np.arange(len(cells))[::-1]
    ax.barh(
        y,
        [100 * c["mean"] for c in cells],
        xerr=[100 * c["std"] for c in cells],
        color=[_STYLE[c["arm"]][0] for c in cells],
        capsize=3,
    )
    for yi, c in zip(y, cells, strict=True):
        ax.text(100 * c["mean"] + 0.3, yi, f"{100 * c['mean']:.1f}", va="center", fontsize=8)
    ax.set_yticks(y)
    ax.set_yticklabels([arm_name(c["arm"], lang) for c in cells])
    low = min(100 * (c["mean"] - c["std"]) for c in cells)
    ax.set_xlim(max(0.0, low - 5), 100)
    ax.set_xlabel(t("augment.fig.y", lang))
    ax.grid(alpha=0.3, axis="x")
    key = "semi.fig.title" if {c["arm"] for c in cells} & _SEMI_ONLY else "augment.fig.title"
    ax.set_title(f"{t(key, lang)} (n = {cells[0]['n']})")
    fig.tight_layout()
    return fig


def plot_accuracy(summary, lang: str | None = None):
    """Held-out accuracy against labelled digits per class, one line per arm, error bars = std.

    A summary of a single n is drawn as one bar per arm instead.

    With the new arms in the summary, two panels that share the y axis: the
    data makers side by side (:data:`~gencourse.augment.sets.MAKER_ARMS`) and
    the fixes to the plain cGAN (:data:`~gencourse.augment.sets.FIX_ARMS`);
    with only the five original arms, one panel.
    """
    import matplotlib.pyplot as plt

    from gencourse.augment.sets import FIX_ARMS, MAKER_ARMS
    from gencourse.viz import use_hangul_font

    use_hangul_font()
    present = {s["arm"] for s in summary}
    if len({s["n"] for s in summary}) == 1:  # one n: a bar per arm reads better than points
        return _bars(summary, lang)
    if present <= set(SEMI_ARMS) and present & _SEMI_ONLY:  # lesson 06
        fig, ax = plt.subplots(figsize=(7.5, 4.6))
        _panel(ax, summary, SEMI_ARMS, lang)
        ax.set_ylabel(t("augment.fig.y", lang))
        ax.set_title(t("semi.fig.title", lang))
    elif present <= set(ARMS[:5]):
        fig, ax = plt.subplots(figsize=(7.5, 4.6))
        _panel(ax, summary, ARMS, lang)
        ax.set_ylabel(t("augment.fig.y", lang))
        ax.set_title(t("augment.fig.title", lang))
    else:
        fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8), sharey=True)
        _panel(left, summary, MAKER_ARMS, lang)
        _panel(right, summary, FIX_ARMS, lang)
        left.set_ylabel(t("augment.fig.y", lang))
        left.set_title(t("augment.fig.makers", lang), fontsize=10)
        right.set_title(t("augment.fig.fixes", lang), fontsize=10)
        fig.suptitle(t("augment.fig.title", lang))
    fig.tight_layout()
    return fig


def summarize_quality(quality) -> list:
    """Mean label agreement, nearest distance (and share accepted) per (n, maker), over seeds."""
    groups: dict = {}
    for row in quality:
        groups.setdefault((int(row["n"]), row["maker"]), []).append(row)
    order = ("cgan", "diffaug", "filtered", "cvae")
    out = []
    for (n, maker), rows in sorted(
        groups.items(), key=lambda kv: (kv[0][0], order.index(kv[0][1]))
    ):
        cell = {"n": n, "maker": maker, "runs": len(rows)}
        for key in ("agreement", "nearest", "accepted"):
            values = [float(r[key]) for r in rows if r.get(key, "") != ""]
            if values:
                cell[key] = float(np.mean(values))
        out.append(cell)
    return out


def print_quality(quality_summary, lang: str | None = None) -> None:
    """Prints each maker's label agreement and nearest-training-image distance per n."""
    from gencourse.viz import print_table

    headers = [
        t("augment.col.n", lang),
        t("augment.col.maker", lang),
        t("augment.col.agreement", lang),
        t("augment.col.nearest", lang),
    ]
    rows = [
        [
            str(q["n"]),
            t(f"augment.maker.{q['maker']}", lang),
            f"{100 * q['agreement']:.1f}",
            f"{q['nearest']:.3f}",
        ]
        for q in quality_summary
    ]
    print_table(headers, rows)
