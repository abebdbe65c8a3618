"""Figures of the course: image grids, reconstructions, the latent map, curves.

Titles and axis labels come from :mod:`gencourse.i18n`, so a Korean notebook
gets Korean figures. :func:`use_hangul_font` registers the NanumGothic font
shipped in the koreanize-matplotlib wheel, so Hangul renders offline.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import font_manager
from matplotlib.ticker import MaxNLocator

from gencourse import toy
from gencourse.arrays import as_images
from gencourse.i18n import has, t

HANGUL_FONT = "NanumGothic"
# The densities' names in legends, typeset as mathematics (a plain "p_data" shows its underscore).
P_DATA = r"$p_{\mathrm{data}}(x)$"
P_G = r"$p_g(x)$"


def hangul_font_path() -> Path:
    """The NanumGothic font file that koreanize-matplotlib installs."""
    # Locate the package without importing it: importing it changes rcParams and
    # triggers a deprecation warning of its own.
    from importlib.util import find_spec

    spec = find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return Path("koreanize_matplotlib-is-not-installed") / "NanumGothic.ttf"
    return Path(list(spec.submodule_search_locations)[0]) / "fonts" / "NanumGothic.ttf"


def use_hangul_font() -> str:
    """Makes matplotlib draw Hangul (and Latin) text with NanumGothic.

    Returns:
        The font family name now in use.
    """
    path = hangul_font_path()
    if not path.is_file():
        raise FileNotFoundError(
            f"The Hangul font is missing: {path}. Reinstall it with "
            "`pip install --force-reinstall koreanize-matplotlib`."
        )
    if HANGUL_FONT not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(path))
    matplotlib.rcParams["font.family"] = HANGUL_FONT
    # NanumGothic has no U+2212 MINUS SIGN; use the ASCII hyphen for negative ticks.
    matplotlib.rcParams["axes.unicode_minus"] = False
    return HANGUL_FONT


def _as_images(images) -> np.ndarray:
    return as_images(images, "float32")


def tile(images, ncols: int) -> np.ndarray:
    """Tiles (n, h, w[, 1]) images into one (rows*h, ncols*w) array, row by row."""
    images = _as_images(images)
    n, h, w = images.shape
    nrows = -(-n // ncols)
    canvas = np.ones((nrows * h, ncols * w), dtype="float32")
    for i, image in enumerate(images):
        r, c = divmod(i, ncols)
        canvas[r * h : (r + 1) * h, c * w : (c + 1) * w] = image
    return canvas


def image_grid(
    images,
    ncols: int = 10,
    title: str | None = None,
    labels=None,
    size: float = 1.0,
    frame: bool = False,
    headings=None,
):
    """Shows images in a grid.

    Args:
        images: the images, (n, h, w) or (n, h, w, 1).
        ncols: images per row.
        title: the figure's title.
        labels: optional, one text per image, printed above it.
        size: inches per image.
        frame: draw a thin frame round every image, so that a blank one still shows.
        headings: optional, one heading per column, printed above the first row.

    Raises:
        ValueError: if ``headings`` does not hold one text per column.
    """
    images = _as_images(images)
    n = len(images)
    nrows = -(-n // ncols)
    if headings is not None and len(headings) != ncols:
        raise ValueError(
            f"headings must hold one text per column ({ncols}). Received: {len(headings)}"
        )
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(ncols * size, nrows * size * 1.05), squeeze=False
    )
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < n:
            ax.imshow(images[i], cmap="gray_r", vmin=0, vmax=1)
            if frame:
                ax.axis("on")
                ax.set_xticks([])
                ax.set_yticks([])
                for spine in ax.spines.values():
                    spine.set_edgecolor("0.55")
                    spine.set_linewidth(0.8)
            text = [] if labels is None else [str(labels[i])]
            if headings is not None and i < ncols:
                text.insert(0, str(headings[i]))
            if text:
                ax.set_title("\n".join(text), fontsize=8, pad=2)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def sample_panels(panels: dict, title: str | None = None, n: int = 40, ncols: int = 8):
    """Shows sets of images side by side, one panel each, with the first ``n`` of every set.

    Args:
        panels: panel title -> images, (m, h, w) or (m, h, w, 1).
        title: the figure's title.
        n: images shown per panel.
        ncols: images per row inside a panel.

    Raises:
        ValueError: if ``panels`` is empty.
    """
    if not panels:
        raise ValueError("panels must hold at least one set of images. Received: panels={}")
    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 4.4), squeeze=False)
    for ax, (name, images) in zip(axes[0], panels.items(), strict=True):
        ax.imshow(tile(images[:n], ncols=ncols), cmap="gray_r", vmin=0, vmax=1)
        ax.set_title(name)
        ax.axis("off")
    if title:
        fig.suptitle(title)
    return fig


def scored_examples(kinds: dict, scores: dict, rows: int = 2):
    """Shows the first images of each kind in a column, each under its score (lesson 01's log p(x)).

    Args:
        kinds: kind -> images (n, h, w[, 1]); one column per kind.
        scores: kind -> (n,) scores, printed above each image.
        rows: images shown per kind.
    """
    examples = np.concatenate([[images[i] for images in kinds.values()] for i in range(rows)])
    values = np.concatenate([[s[i] for s in scores.values()] for i in range(rows)])
    return image_grid(
        examples,
        ncols=len(kinds),
        labels=[f"{v:,.0f}" for v in values],
        headings=t("fig.log_prob_headings").split("|"),
        frame=True,
        size=1.3,
        title=t("fig.log_prob_title"),
    )


def reconstructions(originals, reconstructed, n: int = 10):
    """Originals (top row) above their reconstructions (bottom row)."""
    originals, reconstructed = _as_images(originals)[:n], _as_images(reconstructed)[:n]
    fig, axes = plt.subplots(2, n, figsize=(n, 2.3), squeeze=False)
    for i in range(n):
        for row, images in enumerate((originals, reconstructed)):
            axes[row, i].imshow(images[i], cmap="gray_r", vmin=0, vmax=1)
            axes[row, i].axis("off")
    axes[0, 0].set_title(t("fig.original"), loc="left", fontsize=10)
    axes[1, 0].set_title(t("fig.reconstruction"), loc="left", fontsize=10)
    fig.tight_layout()
    return fig


def latent_grid(limit: float = 2.5, n: int = 15) -> np.ndarray:
    """An (n*n, 2) grid of latent points over [-limit, limit]^2, top row = largest z2."""
    values = np.linspace(-limit, limit, n, dtype="float32")
    z1, z2 = np.meshgrid(values, values[::-1])
    return np.stack([z1.ravel(), z2.ravel()], axis=1)


def latent_map(decode, limit: float = 2.5, n: int = 15, z_mean=None, labels=None):
    """The 2-D latent space: held-out codes by class (left), decoded grid (right).

    Args:
        decode: maps an (m, 2) array of latent points to (m, h, w[, 1]) images.
            It is called once, on the whole grid.
        limit: the grid spans [-limit, limit] on both axes.
        n: points per axis.
        z_mean: optional (k, 2) encoder means of real images to scatter.
        labels: their classes (colours).
    """
    grid = latent_grid(limit, n)
    images = _as_images(decode(grid))  # one batched call: (n*n, h, w)
    ncols = 2 if z_mean is not None else 1
    fig, axes = plt.subplots(1, ncols, figsize=(6.5 * ncols, 6.2), squeeze=False)
    ax = axes[0, -1]
    ax.imshow(tile(images, n), cmap="gray_r", vmin=0, vmax=1, extent=(-limit, limit, -limit, limit))
    ax.set_title(t("fig.latent_grid"))
    ax.set_xlabel("z[0]")
    ax.set_ylabel("z[1]")
    if z_mean is not None:
        z_mean = np.asarray(z_mean)
        if z_mean.ndim != 2 or z_mean.shape[1] != 2:
            raise ValueError(f"z_mean must have shape (k, 2). Received: shape={z_mean.shape}")
        ax = axes[0, 0]
        # tab10 has one colour per unit over [-0.5, 9.5], so digit k's band is centred on tick k.
        points = ax.scatter(
            z_mean[:, 0], z_mean[:, 1], c=labels, cmap="tab10", vmin=-0.5, vmax=9.5, s=6, alpha=0.8
        )
        if labels is not None:
            fig.colorbar(points, ax=ax, ticks=range(10), label=t("fig.digit"))
        ax.set_xlim(-limit * 1.6, limit * 1.6)
        ax.set_ylim(-limit * 1.6, limit * 1.6)
        ax.add_patch(plt.Rectangle((-limit, -limit), 2 * limit, 2 * limit, fill=False, ls="--"))
        ax.set_title(t("fig.latent_scatter"))
        ax.set_xlabel("z[0]")
        ax.set_ylabel("z[1]")
    fig.tight_layout()
    return fig


def history(history, keys=None, title: str | None = None):
    """Training curves from a Keras ``History`` (or its ``.history`` dict)."""
    curves = getattr(history, "history", history)
    if keys is None:
        # Keras sorts the history by name; show the total loss first.
        keys = [k for k in curves if not k.startswith("val_")]
        keys.sort(key=lambda k: (k != "loss", k == "kl_loss"))
    fig, axes = plt.subplots(1, len(keys), figsize=(4.2 * len(keys), 3.2), squeeze=False)
    for ax, key in zip(axes.flat, keys, strict=True):
        epochs = np.arange(1, len(curves[key]) + 1)
        ax.plot(epochs, curves[key], label=t("fig.train"))
        if f"val_{key}" in curves:
            ax.plot(epochs, curves[f"val_{key}"], label=t("fig.held_out"))
        ax.set_title(t(f"metric.{key}") if has(f"metric.{key}") else key)
        ax.set_xlabel(t("fig.epoch"))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def gan_history(history, title: str | None = None, points: bool = False):
    """A GAN's training curves: the two losses, and D's mean outputs beside the line at 1/2.

    Args:
        history: a ``fit`` history (or its ``history`` dict).
        title: the figure's title.
        points: the samples are points (a toy GAN), not images; the legend says so.
    """
    curves = getattr(history, "history", history)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.2))
    for key in ("d_loss", "g_loss"):
        epochs = np.arange(1, len(curves[key]) + 1)
        left.plot(epochs, curves[key], label=t(f"metric.{key}"))
    for key in ("d_real", "d_fake", "d_mismatched"):
        if key in curves:
            epochs = np.arange(1, len(curves[key]) + 1)
            name = f"metric.{key}_points" if points and key != "d_mismatched" else f"metric.{key}"
            right.plot(epochs, curves[key], label=t(name))
    right.axhline(0.5, color="gray", linestyle="--", linewidth=1, label=t("fig.one_half"))
    right.set_ylim(0, 1)
    left.set_title(t("fig.gan_losses"))
    right.set_title(t("fig.gan_outputs"))
    for ax in (left, right):
        ax.set_xlabel(t("fig.epoch"))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


# --- lesson 03's toy GANs ------------------------------------------------------------


def _curve(values, x, name) -> np.ndarray:
    values = np.asarray(values, dtype="float64").reshape(-1)
    if values.shape != x.shape:
        raise ValueError(
            f"{name} must hold one value per point of x ({len(x)}). Received: shape={values.shape}"
        )
    return values


def discriminator_vs_optimal(x, p_data, p_g, d_trained=None, title: str | None = None):
    """Two 1-D densities, the optimal discriminator D* they give, and a trained discriminator.

    D*(x) = p_data(x) / (p_data(x) + p_g(x)) is computed here from the densities
    (:func:`gencourse.toy.optimal_discriminator`), so the dashed curve is the formula.

    Args:
        x: (m,) points, in order.
        p_data, p_g: the data's and the generator's densities at ``x``.
        d_trained: optional (m,) outputs D(x) of a trained discriminator, in (0, 1).
        title: the figure's title (default: the catalogue's).

    Returns:
        The figure; its lines are p_data, p_g, D* and (if given) the trained D.

    Raises:
        ValueError: if a curve does not hold one value per point of ``x``.
    """
    x = np.asarray(x, dtype="float64").reshape(-1)
    p_data, p_g = _curve(p_data, x, "p_data"), _curve(p_g, x, "p_g")
    fig, ax = plt.subplots(figsize=(7, 3.4))
    ax.plot(x, p_data, label=P_DATA, color="tab:blue")
    ax.plot(x, p_g, label=P_G, color="tab:orange")
    ax.plot(x, toy.optimal_discriminator(p_data, p_g), "k--", label=t("fig.d_star_formula"))
    if d_trained is not None:
        d_trained = _curve(d_trained, x, "d_trained")
        ax.plot(x, d_trained, color="tab:green", alpha=0.8, label=t("fig.d_trained"))
    ax.set_title(title or t("fig.d_star_title"))
    ax.legend(fontsize=8)
    return fig


def samples_and_discriminator(x, p_data, samples, d_output, bins: int = 150):
    """A 1-D GAN after training: its samples (histogram), p_data, and D(x) beside 1/2.

    Args:
        x: (m,) points, in order; the histogram spans x[0] to x[-1].
        p_data: the data's density at ``x``.
        samples: the generator's samples, (n,) or (n, 1).
        d_output: the discriminator's outputs D(x) at ``x``, in (0, 1).
        bins: histogram bins.

    Returns:
        The figure.
    """
    x = np.asarray(x, dtype="float64").reshape(-1)
    p_data, d_output = _curve(p_data, x, "p_data"), _curve(d_output, x, "d_output")
    samples = np.asarray(samples).reshape(-1)
    fig, ax = plt.subplots(figsize=(7, 3.4))
    ax.hist(
        samples,
        bins=bins,
        range=(x[0], x[-1]),
        density=True,
        alpha=0.5,
        label=t("fig.generator_samples"),
    )
    ax.plot(x, p_data, label=P_DATA)
    ax.plot(x, d_output, color="tab:green", label=r"$D(x)$")
    ax.axhline(0.5, color="gray", linestyle="--", linewidth=1)
    ax.set_title(t("fig.toy_after_title"))
    ax.legend(fontsize=8)
    return fig


def generator_loss_curves(n: int = 500):
    """The saturating log(1 - D(G(z))) and the non-saturating -log D(G(z)) against D(G(z)).

    Args:
        n: points on D(G(z)) in [0.001, 0.999].

    Returns:
        The figure; its lines are the saturating then the non-saturating loss.
    """
    d_of_fake = np.linspace(0.001, 0.999, n)
    fig, ax = plt.subplots(figsize=(6, 3.4))
    ax.plot(d_of_fake, np.log(1 - d_of_fake), label=t("fig.saturating"))
    ax.plot(d_of_fake, -np.log(d_of_fake), label=t("fig.non_saturating"))
    ax.set_xlabel("D(G(z))")
    ax.set_ylabel(t("metric.g_loss"))
    ax.set_title(t("fig.steep_title"))
    ax.legend()
    return fig


def ring_samples(mixture, real, samples, limit: float | None = None):
    """Real and generated 2-D points side by side, one panel per run, with the modes found.

    Each panel's title is the run's name and what :func:`gencourse.toy.mode_coverage`
    says of its samples: the modes found and the share of samples near a mode.

    Args:
        mixture: the :class:`gencourse.toy.Mixture` the runs learnt (e.g. ``toy.ring()``).
        real: (m, 2) real points, drawn in every panel.
        samples: ``{run name: (n, 2) generated points}``.
        limit: both axes span [-limit, limit] (default: 1.5 times the farthest mode).

    Returns:
        The figure, one axes per run.

    Raises:
        ValueError: for a mixture that is not 2-D, or no runs.
    """
    if mixture.dim != 2 or not samples:
        raise ValueError(
            "ring_samples draws 2-D mixtures, one run at least. "
            f"Received: dim={mixture.dim}, runs={len(samples)}"
        )
    if limit is None:
        limit = 1.5 * float(np.linalg.norm(mixture.means, axis=1).max())
    real = np.asarray(real)
    fig, axes = plt.subplots(1, len(samples), figsize=(4.5 * len(samples), 4.2), squeeze=False)
    for ax, (name, points) in zip(axes[0], samples.items(), strict=True):
        points = np.asarray(points)
        coverage = toy.mode_coverage(points, mixture)
        ax.scatter(real[:, 0], real[:, 1], s=2, alpha=0.3, label=t("fig.real"))
        ax.scatter(points[:, 0], points[:, 1], s=2, alpha=0.3, label=t("fig.generated"))
        ax.set_xlim(-limit, limit)
        ax.set_ylim(-limit, limit)
        ax.set_aspect("equal")
        found = t(
            "fig.ring_coverage",
            found=coverage.modes_covered,
            k=len(mixture.means),
            near=coverage.share_near,
        )
        ax.set_title(f"{name}\n{found}", fontsize=9)
        ax.legend(fontsize=8, markerscale=4)
    return fig


def _width(text: str) -> int:
    """Display width in a terminal or notebook: Hangul and other wide characters count 2."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(headers, rows) -> None:
    """Prints an aligned text table; the first column is left-aligned, the rest right-aligned.

    Args:
        headers: column titles.
        rows: sequences of cells (already formatted strings or numbers).
    """
    table = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(_width(row[i]) for row in table) for i in range(len(headers))]
    for row in table:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(cell + pad if i == 0 else pad + cell)
        print("  ".join(cells))
