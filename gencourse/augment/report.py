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

from gencourse.augment.paired import PER_SEED
from gencourse.augment.sets import ARMS, SEMI_ARMS
from gencourse.i18n import t

#: Every arm of lessons 05 and 06, in table order (lesson 06 shares lesson 05's references).
ALL_ARMS = ARMS + tuple(a for a in SEMI_ARMS if a not in ARMS)
#: The arms only lesson 06 has: a summary with one of them is lesson 06's.
_SEMI_ONLY = frozenset(SEMI_ARMS) - frozenset(ARMS)


def summarize(rows) -> list:
    """Per (n, arm), in grid order: each seed's accuracy, their mean and standard deviation.

    Args:
        rows: the grid's rows, ``{"n", "arm", "seed", "accuracy"}`` each (one per
            run of an arm).

    Returns:
        One dict per (n, arm): ``n``, ``arm``, ``mean``, ``std`` (ddof=1; None
        with one seed, where no spread is measured), ``runs`` and ``accuracies``
        (``{seed: accuracy}``, by seed), which the paired comparisons of
        :mod:`gencourse.augment.paired` need.

    Raises:
        ValueError: on an unknown arm, a row without a seed, or a seed that
            appears twice for one (n, arm).
    """
    groups: dict = {}
    for row in rows:
        missing = [key for key in ("n", "arm", "seed", "accuracy") if key not in row]
        if missing:
            raise ValueError(
                f"summarize needs the grid's rows (n, arm, seed, accuracy). Missing {missing} "
                f"in {dict(row)}"
            )
        cell = groups.setdefault((int(row["n"]), row["arm"]), {})
        seed = int(row["seed"])
        if seed in cell:
            raise ValueError(f"Seed {seed} appears twice for n={row['n']}, arm={row['arm']!r}.")
        cell[seed] = float(row["accuracy"])
    unknown = sorted({arm for _, arm in groups} - set(ALL_ARMS))
    if unknown:
        raise ValueError(f"Unknown arms {unknown}: arms come from {ALL_ARMS}.")
    return [
        _summary_row(n, arm, by_seed)
        for (n, arm), by_seed in sorted(
            groups.items(), key=lambda kv: (kv[0][0], ALL_ARMS.index(kv[0][1]))
        )
    ]


def _summary_row(n: int, arm: str, by_seed: dict) -> dict:
    """One (n, arm) of the summary from ``{seed: accuracy}``."""
    values = [by_seed[s] for s in sorted(by_seed)]
    return {
        "n": n,
        "arm": arm,
        "mean": float(np.mean(values)),
        "std": float(np.std(values, ddof=1)) if len(values) > 1 else None,
        "runs": len(values),
        PER_SEED: {s: by_seed[s] for s in sorted(by_seed)},
    }


# --- files ------------------------------------------------------------------------

#: summary.csv keeps each seed's accuracy in a column of its own (a scalar per column).
_SEED_COLUMN = "accuracy_seed_"


def _flat(row) -> dict:
    """``row`` with its per-seed accuracies as ``accuracy_seed_<seed>`` columns; None as ''."""
    out = {}
    for key, value in row.items():
        if key == PER_SEED:
            out.update({f"{_SEED_COLUMN}{seed}": acc for seed, acc in value.items()})
        else:
            out[key] = "" if value is None else value
    return out


def write_csv(rows, path) -> Path:
    """Writes dict rows to ``path``: the grid's rows, or a summary.

    A summary row's per-seed accuracies become one column per seed
    (``accuracy_seed_0``, ``accuracy_seed_1``, ...; empty where an arm did not
    run that seed) and a missing standard deviation (one seed) an empty cell,
    so that every column holds one number and :func:`read_summary` reads the
    file back whole.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    flat = [_flat(row) for row in rows]
    fields: list = []
    for row in flat:
        fields += [key for key in row if key not in fields]
    seeds = sorted(
        (f for f in fields if f.startswith(_SEED_COLUMN)), key=lambda f: int(f[len(_SEED_COLUMN) :])
    )
    fields = [f for f in fields if not f.startswith(_SEED_COLUMN)] + seeds
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields, restval="")
        writer.writeheader()
        for row in flat:
            writer.writerow(
                {k: (f"{v:.4f}" if isinstance(v, float) else v) for k, v in row.items()}
            )
    return path


def read_rows(path) -> list:
    """Reads the grid's rows (``augment.csv``, ``semi.csv``) written by :func:`write_csv`.

    Raises:
        ValueError: if the file is a summary (no ``seed`` column): read it with
            :func:`read_summary`, or summarise the rows file instead.
    """
    with Path(path).open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if "seed" not in (reader.fieldnames or []):
            raise ValueError(
                f"{path} holds no seed column: it is not a file of the grid's rows "
                "(augment.csv, semi.csv). A summary.csv is read with read_summary. "
                f"Received columns: {reader.fieldnames}"
            )
        return [
            {
                "n": int(r["n"]),
                "arm": r["arm"],
                "seed": int(r["seed"]),
                "accuracy": float(r["accuracy"]),
            }
            for r in reader
        ]


def read_summary(path) -> list:
    """Reads a ``summary.csv`` written by :func:`write_csv` back into summary rows.

    The per-seed columns become each row's ``accuracies`` again, and the mean
    and standard deviation are computed from them as :func:`summarize` does,
    so the paired comparisons work on the file as on the grid's rows. A file
    without per-seed columns (written before they existed) gives rows with
    the file's mean and std and no per-seed accuracies, which the
    conclusions refuse.
    """
    out = []
    with Path(path).open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            by_seed = {
                int(key[len(_SEED_COLUMN) :]): float(value)
                for key, value in r.items()
                if key.startswith(_SEED_COLUMN) and value != ""
            }
            if by_seed:
                out.append(_summary_row(int(r["n"]), r["arm"], by_seed))
                continue
            out.append(
                {
                    "n": int(r["n"]),
                    "arm": r["arm"],
                    "mean": float(r["mean"]),
                    "std": float(r["std"]) if r["std"] != "" else None,
                    "runs": int(r["runs"]),
                    PER_SEED: {},
                }
            )
    return out


# --- the table and the plot ---------------------------------------------------------


def arm_name(arm: str, lang: str | None = None) -> str:
    """The arm's name for people, in ``lang``."""
    return t(f"augment.arm.{arm}", lang)


def _cell(s) -> str:
    """A summary row as table text: ``mean ± std`` in %, or the mean alone with one seed."""
    if s["std"] is None:
        return f"{100 * s['mean']:.1f}"
    return f"{100 * s['mean']:.1f} ± {100 * s['std']:.1f}"


def table_rows(summary, lang: str | None = None) -> tuple[list, list]:
    """``(headers, rows)`` of the summary as text, one row per n, one column per arm.

    A cell reads ``mean ± std`` (accuracy %); a cell of one seed shows its
    accuracy alone, with no spread (none was measured).
    """
    arms = [a for a in ALL_ARMS if any(s["arm"] == a for s in summary)]
    headers = [t("augment.col.n", lang)] + [arm_name(a, lang) for a in arms]
    rows = []
    for n in sorted({s["n"] for s in summary}):
        cells = {s["arm"]: s for s in summary if s["n"] == n}
        rows.append([str(n)] + [_cell(cells[a]) if a in cells else "-" for a in arms])
    return headers, rows


def table_title(summary, lang: str | None = None) -> str:
    """The table's title: what a cell holds, and the seeds per cell (e.g. ``3`` or ``3-5``)."""
    runs = sorted({s["runs"] for s in summary})
    if runs == [1]:
        return t("augment.table_title_one", lang)
    text = str(runs[0]) if len(runs) == 1 else f"{runs[0]}-{runs[-1]}"
    return t("augment.table_title", lang, runs=text)


def print_summary(summary, lang: str | None = None) -> None:
    """Prints the summary as a table of accuracy (%): mean ± standard deviation over seeds.

    With one seed per cell the title says so and the cells hold the accuracy alone.
    """
    from gencourse.viz import print_table

    print(table_title(summary, lang))
    print_table(*table_rows(summary, lang))


def _errors(cells) -> list | None:
    """Error bar lengths (points) for the cells: None where no cell has a spread (one seed)."""
    if all(c["std"] is None for c in cells):
        return None
    return [np.nan if c["std"] is None else 100 * c["std"] for c in cells]


def _y_label(summary, lang) -> str:
    measured = any(s["std"] is not None for s in summary)
    return t("augment.fig.y" if measured else "augment.fig.y_one", lang)


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
    "real_diffusion": ("tab:cyan", "d"),
    "synthetic_diffusion": ("tab:cyan", "<"),
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
            yerr=_errors(rows),
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
    """One horizontal bar per arm (mean, error bar = std, none for one seed) for a single n.

    The accuracy axis runs from 0 to 100%, so that a bar's length is its accuracy and the
    gaps between arms are not magnified.
    """
    import matplotlib.pyplot as plt

    cells = sorted(summary, key=lambda s: ALL_ARMS.index(s["arm"]))
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(cells) + 1.6))
    y = np.arange(len(cells))[::-1]
    ax.barh(
        y,
        [100 * c["mean"] for c in cells],
        xerr=_errors(cells),
        color=[_STYLE[c["arm"]][0] for c in cells],
        capsize=3,
    )
    for yi, c in zip(y, cells, strict=True):  # inside the bar's start: clear of the error bar
        ax.text(1.5, yi, f"{100 * c['mean']:.1f}", va="center", fontsize=8, color="white")
    ax.set_yticks(y)
    ax.set_yticklabels([arm_name(c["arm"], lang) for c in cells])
    ax.set_xlim(0, 100)  # from 0: an axis cut near the lowest bar would magnify the gaps
    ax.set_xlabel(_y_label(cells, lang))
    ax.grid(alpha=0.3, axis="x")
    key = "semi.fig.title" if {c["arm"] for c in cells} & _SEMI_ONLY else "augment.fig.title"
    ax.set_title(f"{t(key, lang)} (n = {cells[0]['n']})")
    fig.tight_layout()
    return fig


def plot_accuracy(summary, lang: str | None = None):
    """Held-out accuracy against labelled digits per class, one line per arm, error bars = std.

    A summary of a single n is drawn as one bar per arm instead. Cells of one
    seed have no error bar (no spread was measured); with one seed everywhere
    the plot has none, and its axis says so.

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
        ax.set_ylabel(_y_label(summary, lang))
        ax.set_title(t("semi.fig.title", lang))
    elif present <= set(ARMS[:5]):
        fig, ax = plt.subplots(figsize=(7.5, 4.6))
        _panel(ax, summary, ARMS, lang)
        ax.set_ylabel(_y_label(summary, lang))
        ax.set_title(t("augment.fig.title", lang))
    else:
        fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8), sharey=True)
        _panel(left, summary, MAKER_ARMS, lang)
        _panel(right, summary, FIX_ARMS, lang)
        left.set_ylabel(_y_label(summary, lang))
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
    order = ("cgan", "diffaug", "filtered", "cvae", "diffusion")
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
