"""Interactive views for the lessons: explore, interpolate, pick, and watch training.

Each view is one line in a lesson:

    widgets.latent_explorer(vae_2d, z_mean=z_mean_test, labels=digits.y_test)  # lesson 02
    widgets.gan_interpolation(gan, seed_a=1, seed_b=2)                           # lesson 03
    widgets.class_picker(cgan)                                                   # lesson 04
    model.fit(..., callbacks=[widgets.live_training()])                          # all three

Images are ``ipywidgets.Image`` PNG bytes, so the browser shows them and a
test can read them back (:func:`from_png`). A slider move decodes one latent
vector and re-encodes one small PNG; the latent map is drawn once with
matplotlib and only its marker is redrawn (with Pillow), so sliders stay fast.
Text comes from :mod:`gencourse.i18n`, in the notebook's language.

The live training view needs a notebook front end to show widgets. When none is
there (nbval, ``gencourse run``, a terminal) :func:`live_training` returns a
callback that prints a few lines of plain text instead (see :func:`has_front_end`).
"""

from __future__ import annotations

import io
import math
import os
import sys
import time

import keras
import numpy as np

from gencourse.i18n import has, t

# Pixel scale of the digit images in the widgets (28 px digits become 168 px).
_BIG = 6


# --- images -----------------------------------------------------------------------


def _as_image(image) -> np.ndarray:
    image = np.asarray(image, dtype="float32")
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    if image.ndim != 2:
        raise ValueError(
            "image must have shape (height, width) or (height, width, 1). "
            f"Received: shape={image.shape}"
        )
    if not np.all(np.isfinite(image)):
        raise ValueError("image holds NaN or infinite values: the model's output is broken.")
    return image


def to_png(image, scale: int = 1) -> bytes:
    """A grey image with pixel values in [0, 1] as PNG bytes, dark strokes on white.

    The colours match :mod:`gencourse.viz` (``cmap="gray_r"``): 0 is white, 1 black.

    Args:
        image: (height, width) or (height, width, 1) values in [0, 1] (clipped).
        scale: each pixel becomes a ``scale`` x ``scale`` block (nearest neighbour).

    Returns:
        The PNG file's bytes.

    Raises:
        ValueError: for another shape, a scale below 1, or NaN values.
    """
    from PIL import Image

    if not isinstance(scale, int) or scale < 1:
        raise ValueError(f"scale must be an int >= 1. Received: scale={scale!r}")
    pixels = np.round((1.0 - np.clip(_as_image(image), 0.0, 1.0)) * 255).astype(np.uint8)
    if scale > 1:
        pixels = np.repeat(np.repeat(pixels, scale, axis=0), scale, axis=1)
    buffer = io.BytesIO()
    Image.fromarray(pixels, mode="L").save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def from_png(data: bytes, scale: int = 1) -> np.ndarray:
    """The inverse of :func:`to_png`: pixel values in [0, 1] (1 = dark), one per block."""
    from PIL import Image

    pixels = np.asarray(Image.open(io.BytesIO(data)).convert("L"), dtype="float32")
    return 1.0 - pixels[::scale, ::scale] / 255.0


def _rgba_png(rgba: np.ndarray) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(rgba, mode="RGBA").save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def _figure(width: float, height: float):
    """A matplotlib figure outside pyplot (nothing pops up in the notebook), Hangul font set."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from gencourse import viz

    viz.use_hangul_font()
    fig = Figure(figsize=(width, height), dpi=80)
    FigureCanvasAgg(fig)
    return fig


def _png_of(fig) -> bytes:
    buffer = io.BytesIO()
    fig.canvas.print_png(buffer)
    return buffer.getvalue()


# --- latent vectors -----------------------------------------------------------------


def noise_for_seed(seed: int, latent_dim: int, n: int = 1) -> np.ndarray:
    """The (n, latent_dim) noise that ``GAN.generate(n, seed=seed)`` uses."""
    if not isinstance(seed, int | np.integer) or seed < 0:
        raise ValueError(f"seed must be an int >= 0. Received: seed={seed!r}")
    return np.random.default_rng(int(seed)).normal(size=(n, latent_dim)).astype("float32")


def slerp(a, b, fraction: float) -> np.ndarray:
    """Spherical interpolation from ``a`` (fraction 0) to ``b`` (fraction 1).

    Noise vectors of a GAN lie near a sphere of radius sqrt(latent_dim); the
    straight line between two of them passes through shorter vectors the
    generator rarely saw, while this path follows the sphere.

    Args:
        a, b: vectors of the same shape (d,).
        fraction: in [0, 1].

    Raises:
        ValueError: for a fraction outside [0, 1] or vectors of different shapes.
    """
    a, b = np.asarray(a, dtype="float64"), np.asarray(b, dtype="float64")
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape. Received: {a.shape} and {b.shape}")
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"fraction must lie in [0, 1]. Received: fraction={fraction!r}")
    cosine = np.dot(a.ravel(), b.ravel()) / max(np.linalg.norm(a) * np.linalg.norm(b), 1e-12)
    omega = math.acos(float(np.clip(cosine, -1.0, 1.0)))
    if omega < 1e-6:  # (nearly) the same direction: the straight line is the arc
        return (1.0 - fraction) * a + fraction * b
    return (math.sin((1.0 - fraction) * omega) * a + math.sin(fraction * omega) * b) / math.sin(
        omega
    )


def _numpy(x) -> np.ndarray:
    from keras import ops

    return np.asarray(ops.convert_to_numpy(x))


# --- the VAE latent explorer (lesson 02) ----------------------------------------------


def _widgets():
    import ipywidgets

    return ipywidgets


def _decoder_of(decode):
    """(callable from (m, 2) latent points to images, latent size or None)."""
    if hasattr(decode, "decode") and hasattr(decode, "latent_dim"):
        return decode.decode, decode.latent_dim
    if callable(decode):
        return decode, None
    raise ValueError(
        "decode must be a VAE (with .decode) or a function from (m, 2) latent points to "
        f"images. Received: {type(decode).__name__}"
    )


class LatentExplorer:
    """Sliders over a 2-D latent vector z, its decoded image, and the latent map.

    Use :func:`latent_explorer`; the attributes are for tests and curious learners.

    Attributes:
        sliders: the two ``FloatSlider`` widgets, z[0] and z[1].
        image: the ``Image`` widget with the decoded digit (PNG, ``scale`` times enlarged).
        map: the ``Image`` widget with the latent map and a red marker at z.
        widget: the whole view (an ``HBox``); a notebook shows it when it is returned.
    """

    def __init__(self, decode, z_mean=None, labels=None, limit=2.5, step=0.05, scale=_BIG):
        self._decode, latent_dim = _decoder_of(decode)
        if latent_dim is not None and latent_dim != 2:
            raise ValueError(
                "The latent explorer needs a 2-D latent space. Pass the VAE with "
                f"latent_dim=2 (vae_2d in lesson 02). Received: latent_dim={latent_dim}"
            )
        if not limit > 0:
            raise ValueError(f"limit must be > 0. Received: limit={limit!r}")
        if z_mean is not None:
            z_mean = np.asarray(z_mean, dtype="float32")
            if z_mean.ndim != 2 or z_mean.shape[1] != 2:
                raise ValueError(f"z_mean must have shape (k, 2). Received: shape={z_mean.shape}")
        self.limit, self.scale = float(limit), int(scale)
        w = _widgets()
        self.sliders = [
            w.FloatSlider(
                value=0.0,
                min=-self.limit,
                max=self.limit,
                step=step,
                description=f"z[{i}]",
                readout_format=".2f",
                continuous_update=True,
            )
            for i in range(2)
        ]
        self.caption = w.HTML()
        self.image = w.Image(format="png")
        self.image.add_class("gencourse-decoded")
        self._map_rgba, self._to_pixel = self._draw_map(z_mean, labels)
        self.map = w.Image(format="png")
        self.map.add_class("gencourse-latent-map")
        title = w.HTML(f"<b>{t('widget.latent_title')}</b>")
        left = w.VBox([title, self.caption, self.image, *self.sliders])
        self.widget = w.HBox([left, self.map])
        self.widget.add_class("gencourse-latent-explorer")
        for slider in self.sliders:
            slider.observe(self._update, names="value")
        self._update()

    @property
    def z(self) -> np.ndarray:
        """The latent vector the sliders point at, shape (2,)."""
        return np.array([s.value for s in self.sliders], dtype="float32")

    def decoded(self) -> np.ndarray:
        """The decoder's image for :attr:`z`, (height, width)."""
        return _as_image(np.asarray(self._decode(self.z[None, :]))[0])

    def _draw_map(self, z_mean, labels):
        """The latent map as an RGBA array, and the function from z to its pixel (x, y)."""
        fig = _figure(4.6, 4.2)
        ax = fig.add_subplot()
        lim = self.limit
        if z_mean is not None:
            points = ax.scatter(z_mean[:, 0], z_mean[:, 1], c=labels, cmap="tab10", s=5, alpha=0.7)
            if labels is not None:
                fig.colorbar(points, ax=ax, ticks=range(10), label=t("fig.digit"))
        else:
            from gencourse import viz

            n = 15
            images = viz._as_images(self._decode(viz.latent_grid(lim, n)))
            ax.imshow(
                viz.tile(images, n), cmap="gray_r", vmin=0, vmax=1, extent=(-lim, lim, -lim, lim)
            )
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        ax.set_aspect("equal")
        ax.set_xlabel("z[0]")
        ax.set_ylabel("z[1]")
        ax.set_title(t("widget.map_title"), fontsize=10)
        fig.tight_layout()
        fig.canvas.draw()
        rgba = np.asarray(fig.canvas.buffer_rgba()).copy()
        height = rgba.shape[0]
        transform = ax.transData

        def to_pixel(z):
            x, y = transform.transform([float(z[0]), float(z[1])])
            return x, height - y

        return rgba, to_pixel

    def _map_png(self) -> bytes:
        from PIL import Image, ImageDraw

        picture = Image.fromarray(self._map_rgba, mode="RGBA")
        draw = ImageDraw.Draw(picture)
        x, y = self._to_pixel(self.z)
        r = 6
        draw.ellipse((x - r, y - r, x + r, y + r), outline=(220, 20, 20, 255), width=3)
        draw.line((x - 2 * r, y, x + 2 * r, y), fill=(220, 20, 20, 255), width=1)
        draw.line((x, y - 2 * r, x, y + 2 * r), fill=(220, 20, 20, 255), width=1)
        return _rgba_png(np.asarray(picture))

    def _update(self, change=None):
        z = self.z
        self.image.value = to_png(self.decoded(), self.scale)
        self.map.value = self._map_png()
        self.caption.value = t("widget.decoded", z0=float(z[0]), z1=float(z[1]))

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def latent_explorer(vae, z_mean=None, labels=None, limit=2.5) -> LatentExplorer:
    """Sliders over the 2-D latent space of ``vae``, the decoded digit, and the latent map.

    Args:
        vae: a VAE with ``latent_dim=2``, or a function from (m, 2) points to images.
        z_mean: optional (k, 2) encoder means of real images, drawn as the map.
            Without them the map shows decoded images over a grid.
        labels: their classes (colours).
        limit: the sliders and the map span [-limit, limit].

    Example:
        >>> widgets.latent_explorer(vae_2d, z_mean=z_mean_test, labels=digits.y_test)
    """
    return LatentExplorer(vae, z_mean=z_mean, labels=labels, limit=limit)


# --- GAN latent interpolation (lesson 03) ---------------------------------------------


class LatentInterpolation:
    """Two seeds give two noise vectors; a slider moves along the arc between them.

    Attributes:
        seed_a, seed_b: ``BoundedIntText`` widgets.
        slider: the ``FloatSlider`` t in [0, 1] (0 = seed A, 1 = seed B).
        image: the generated digit at t (PNG).
        path: ``steps`` digits along the way from A to B (PNG, one row).
        widget: the whole view (a ``VBox``).
    """

    def __init__(self, gan, seed_a=0, seed_b=1, steps=9, label=None, scale=_BIG):
        if not hasattr(gan, "generator") or not hasattr(gan, "latent_dim"):
            raise ValueError(
                "gan must be a trained GAN (with .generator and .latent_dim). "
                f"Received: {type(gan).__name__}"
            )
        num_classes = getattr(gan, "num_classes", None)
        if num_classes is not None and label is None:
            raise ValueError(
                "This is a conditional GAN: pass label= (the digit to generate), "
                "or use widgets.class_picker(cgan)."
            )
        if not isinstance(steps, int) or steps < 2:
            raise ValueError(f"steps must be an int >= 2. Received: steps={steps!r}")
        self.gan, self.label, self.steps, self.scale = gan, label, steps, int(scale)
        w = _widgets()
        self.seed_a = w.BoundedIntText(
            value=seed_a, min=0, max=2**31 - 1, description=t("widget.seed_a")
        )
        self.seed_b = w.BoundedIntText(
            value=seed_b, min=0, max=2**31 - 1, description=t("widget.seed_b")
        )
        self.slider = w.FloatSlider(
            value=0.0, min=0.0, max=1.0, step=0.02, description="t", readout_format=".2f"
        )
        self.caption = w.HTML()
        self.image = w.Image(format="png")
        self.image.add_class("gencourse-interpolated")
        self.path = w.Image(format="png")
        self.path_caption = w.HTML()
        title = w.HTML(f"<b>{t('widget.interp_title')}</b>")
        self.widget = w.VBox(
            [
                title,
                w.HBox([self.seed_a, self.seed_b]),
                self.slider,
                self.caption,
                self.image,
                self.path_caption,
                self.path,
            ]
        )
        self.widget.add_class("gencourse-interpolation")
        self.seed_a.observe(self._new_seeds, names="value")
        self.seed_b.observe(self._new_seeds, names="value")
        self.slider.observe(self._update, names="value")
        self._new_seeds()

    def _generate(self, noise) -> np.ndarray:
        noise = np.asarray(noise, dtype="float32")
        if self.label is None:
            images = self.gan.generator(noise, training=False)
        else:
            labels = np.full((len(noise), 1), int(self.label), dtype="int32")
            images = self.gan.generator([noise, labels], training=False)
        return _numpy(images)

    def noise(self, fraction=None) -> np.ndarray:
        """The noise vector at ``fraction`` (default: the slider's t), shape (latent_dim,)."""
        fraction = self.slider.value if fraction is None else fraction
        return slerp(self._a, self._b, fraction).astype("float32")

    def _new_seeds(self, change=None):
        dim = self.gan.latent_dim
        self._a = noise_for_seed(self.seed_a.value, dim)[0]
        self._b = noise_for_seed(self.seed_b.value, dim)[0]
        fractions = np.linspace(0.0, 1.0, self.steps)
        images = self._generate(np.stack([self.noise(f) for f in fractions]))
        from gencourse import viz

        self.path.value = to_png(viz.tile(images, self.steps), 2)
        self.path_caption.value = t(
            "widget.path", n=self.steps, a=self.seed_a.value, b=self.seed_b.value
        )
        self._update()

    def _update(self, change=None):
        self.image.value = to_png(self._generate(self.noise()[None, :])[0], self.scale)
        self.caption.value = t(
            "widget.interp_caption",
            t=self.slider.value,
            a=self.seed_a.value,
            b=self.seed_b.value,
        )

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def gan_interpolation(gan, seed_a=1, seed_b=2, steps=9, label=None) -> LatentInterpolation:
    """Slide between the noise vectors of two seeds and watch the generated digit morph.

    Seed s gives the noise of ``gan.generate(1, seed=s)``, so t = 0 shows that image.
    For a conditional GAN, ``label`` fixes the digit while the noise moves.

    Example:
        >>> widgets.gan_interpolation(gan, seed_a=1, seed_b=2)
    """
    return LatentInterpolation(gan, seed_a=seed_a, seed_b=seed_b, steps=steps, label=label)


# --- the conditional GAN's class picker (lesson 04) -----------------------------------


class ClassPicker:
    """Choose a digit class and a noise seed; see a row of generated digits of that class.

    Attributes:
        label: ``ToggleButtons`` with the classes 0..num_classes-1.
        seed: ``BoundedIntText``; ``reroll`` (a ``Button``) draws a new seed.
        image: one row of ``n`` generated digits (PNG).
        widget: the whole view (a ``VBox``).
    """

    def __init__(self, cgan, label=0, seed=0, n=10, scale=3):
        num_classes = getattr(cgan, "num_classes", None)
        if num_classes is None or not hasattr(cgan, "generator"):
            raise ValueError(
                "cgan must be a conditional GAN (with .num_classes), e.g. from "
                f"make_conditional_gan. Received: {type(cgan).__name__}"
            )
        if not 0 <= int(label) < num_classes:
            raise ValueError(f"label must lie in 0..{num_classes - 1}. Received: label={label!r}")
        if not isinstance(n, int) or n < 1:
            raise ValueError(f"n must be an int >= 1. Received: n={n!r}")
        self.cgan, self.n, self.scale = cgan, n, int(scale)
        self._rng = np.random.default_rng(seed)
        w = _widgets()
        self.label = w.ToggleButtons(
            options=[(str(k), k) for k in range(num_classes)],
            value=int(label),
            description=t("widget.class"),
            style={"button_width": "2.6em"},
        )
        self.seed = w.BoundedIntText(value=seed, min=0, max=2**31 - 1, description=t("widget.seed"))
        self.reroll = w.Button(description=t("widget.reroll"), icon="refresh")
        self.caption = w.HTML()
        self.image = w.Image(format="png")
        self.image.add_class("gencourse-class-row")
        self.widget = w.VBox(
            [self.label, w.HBox([self.seed, self.reroll]), self.caption, self.image]
        )
        self.widget.add_class("gencourse-class-picker")
        self.label.observe(self._update, names="value")
        self.seed.observe(self._update, names="value")
        self.reroll.on_click(self._reroll)
        self._update()

    def generated(self) -> np.ndarray:
        """The row of images for the current class and seed, (n, height, width, channels)."""
        noise = noise_for_seed(self.seed.value, self.cgan.latent_dim, self.n)
        labels = np.full((self.n, 1), self.label.value, dtype="int32")
        return _numpy(self.cgan.generator([noise, labels], training=False))

    def _reroll(self, button=None):
        self.seed.value = int(self._rng.integers(0, 1_000_000))

    def _update(self, change=None):
        from gencourse import viz

        self.image.value = to_png(viz.tile(self.generated(), self.n), self.scale)
        self.caption.value = t(
            "widget.picker_caption", label=self.label.value, n=self.n, seed=self.seed.value
        )

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def class_picker(cgan, label=0, seed=0, n=10) -> ClassPicker:
    """Pick a digit and a seed (or re-roll); see ``n`` digits the conditional GAN makes.

    Seed s and class k give ``cgan.generate([k] * n, seed=s)``.

    Example:
        >>> widgets.class_picker(cgan)
    """
    return ClassPicker(cgan, label=label, seed=seed, n=n)


# --- the live training view -----------------------------------------------------------


def _kernel():
    """The running IPython kernel's shell, or None (plain Python, a terminal)."""
    if "IPython" not in sys.modules:
        return None
    shell = sys.modules["IPython"].get_ipython()
    return shell if getattr(shell, "kernel", None) is not None else None


def has_front_end() -> bool:
    """True when widgets would be seen: a kernel that a notebook front end opened.

    A Jupyter server (JupyterLab, Notebook, JupyterHub) names the notebook of a
    kernel it starts in ``JPY_SESSION_NAME``; nbclient, nbval and
    ``gencourse run`` start kernels without it, and a terminal has no kernel.
    ``GENCOURSE_LIVE=text`` or ``=widgets`` overrides the guess (e.g. for
    another front end that shows widgets).
    """
    choice = os.environ.get("GENCOURSE_LIVE", "auto").strip().lower()
    if choice == "text" or _kernel() is None:
        return False
    return choice == "widgets" or bool(os.environ.get("JPY_SESSION_NAME"))


def _metric_name(key: str) -> str:
    base = key[4:] if key.startswith("val_") else key
    name = t(f"metric.{base}") if has(f"metric.{base}") else base
    return f"{name} ({t('fig.held_out')})" if key.startswith("val_") else name


def _ordered(keys) -> list[str]:
    """Training values before held-out ones, the total loss first in each group."""
    return sorted(keys, key=lambda k: (k.startswith("val_"), k.removeprefix("val_") != "loss"))


def _values_text(logs) -> str:
    def number(v):
        return f"{v:.1f}" if abs(v) >= 10 else f"{v:.3f}"

    return " · ".join(f"{_metric_name(k)} {number(logs[k])}" for k in _ordered(logs))


def _minor_label(value, _position) -> str:
    """A minor tick's label on a log axis: only 2, 3 and 5 times a power of ten."""
    mantissa = round(value / 10 ** math.floor(math.log10(value))) if value > 0 else 0
    return f"{value:g}" if mantissa in (2, 3, 5) else ""


class _Samples:
    """Images from a fixed set of latent vectors, so that epochs can be compared."""

    def __init__(self, model, n):
        self.model, self.ncols = model, 8
        rng = np.random.default_rng(0)
        if getattr(model, "num_classes", None) and hasattr(model, "generator"):
            k = model.num_classes
            self.ncols = k
            self.labels = (np.arange(2 * k) % k).reshape(-1, 1).astype("int32")
            self.noise = rng.normal(size=(2 * k, model.latent_dim)).astype("float32")
            self.make = lambda: model.generator([self.noise, self.labels], training=False)
        elif hasattr(model, "generator") and hasattr(model, "latent_dim"):
            self.noise = rng.normal(size=(n, model.latent_dim)).astype("float32")
            self.make = lambda: model.generator(self.noise, training=False)
        elif hasattr(model, "decode") and hasattr(model, "latent_dim"):
            self.noise = rng.normal(size=(n, model.latent_dim)).astype("float32")
            self.make = lambda: model.decode(self.noise)
        else:
            self.make = None

    def png(self) -> bytes | None:
        if self.make is None:
            return None
        from gencourse import viz

        return to_png(viz.tile(_numpy(self.make()), self.ncols), 2)


class TextProgress(keras.callbacks.Callback):
    """Plain-text progress of ``fit``: a few lines, whatever the number of epochs.

    Prints the first epoch, about every tenth of the run, and the last one, each
    with the losses and the seconds so far.
    """

    def __init__(self, lines: int = 10):
        super().__init__()
        if not isinstance(lines, int) or lines < 1:
            raise ValueError(f"lines must be an int >= 1. Received: lines={lines!r}")
        self.lines = lines

    def on_train_begin(self, logs=None):
        self.epochs = int(self.params.get("epochs") or 1)
        self.every = max(1, math.ceil(self.epochs / self.lines))
        self.started = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        done = epoch + 1
        if done == 1 or done == self.epochs or done % self.every == 0:
            seconds = time.perf_counter() - self.started
            print(
                t(
                    "live.status",
                    epoch=done,
                    epochs=self.epochs,
                    values=_values_text(logs or {}),
                    seconds=seconds,
                ),
                flush=True,
            )


class LiveTraining(keras.callbacks.Callback):
    """A live view of ``fit`` in the notebook: progress bar, losses, and samples.

    The bar moves with the batches (at most a few updates a second) and shows
    the current losses. The loss curves (log scale) and a grid of samples from
    fixed latent vectors are redrawn after an epoch ends, unless drawing would
    then take more than about 5% of the training time (short epochs): such
    epochs are skipped until enough time has passed, and the last epoch is
    always drawn. Models with ``generator`` (GANs, conditional GANs: one column
    per class) or ``decode`` (VAEs) get samples; others only curves.

    Attributes (after training starts):
        view: the whole view (a ``VBox``), shown when training starts.
        progress: the ``IntProgress`` bar (one step per batch).
        status: the ``Label`` with the epoch and the current losses.
        plot, samples: ``Image`` widgets (PNG).
        history: the epoch logs seen so far, ``{key: [values]}``.
    """

    def __init__(self, samples: int = 16, refresh_seconds: float = 0.25, display=None):
        super().__init__()
        self.n_samples = samples
        self.refresh_seconds = refresh_seconds
        self._display = display

    def on_train_begin(self, logs=None):
        w = _widgets()
        self.epochs = int(self.params.get("epochs") or 1)
        self.steps = int(self.params.get("steps") or 1)
        self.history: dict[str, list[float]] = {}
        self.started = self._shown = time.perf_counter()
        self.epoch = 0
        self.progress = w.IntProgress(value=0, min=0, max=self.epochs * self.steps)
        self.status = w.Label(t("live.start", epochs=self.epochs))
        self.plot = w.Image(format="png")
        self.samples = w.Image(format="png")
        self.samples_caption = w.HTML()
        self._sampler = _Samples(self.model, self.n_samples)
        self.view = w.VBox(
            [
                w.HTML(f"<b>{t('live.title')}</b>"),
                w.HBox([self.progress, self.status]),
                w.HBox([self.plot, w.VBox([self.samples_caption, self.samples])]),
            ]
        )
        self.view.add_class("gencourse-live-training")
        self._fig = None
        self._drawn_at, self._draw_seconds, self.drawn_epochs = self.started, 0.0, []
        if self._display is not None:
            self._display(self.view)
        else:
            from IPython.display import display

            display(self.view)

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        now = time.perf_counter()
        if now - self._shown < self.refresh_seconds:
            return
        self._shown = now
        self.progress.value = self.epoch * self.steps + batch + 1
        self.status.value = t(
            "live.status",
            epoch=self.epoch + 1,
            epochs=self.epochs,
            values=_values_text(logs or {}),
            seconds=now - self.started,
        )

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        for key, value in logs.items():
            self.history.setdefault(key, []).append(float(value))
        self.progress.value = (epoch + 1) * self.steps
        self.status.value = t(
            "live.status",
            epoch=epoch + 1,
            epochs=self.epochs,
            values=_values_text(logs),
            seconds=time.perf_counter() - self.started,
        )
        # Drawing costs about 0.1 s; keep it under about 5% of the time spent training.
        if time.perf_counter() - self._drawn_at >= 19 * self._draw_seconds:
            self._draw(epoch)

    def _draw(self, epoch):
        began = time.perf_counter()
        self.plot.value = self._plot_png()
        picture = self._sampler.png()
        if picture is not None:
            self.samples.value = picture
            self.samples_caption.value = t("live.samples", epoch=epoch + 1)
        self.drawn_epochs.append(epoch + 1)
        self._drawn_at = time.perf_counter()
        self._draw_seconds = self._drawn_at - began

    def on_train_end(self, logs=None):
        done = len(next(iter(self.history.values()), []))
        if done and (not self.drawn_epochs or self.drawn_epochs[-1] != done):
            self._draw(done - 1)
        self.status.value = t(
            "live.done",
            epochs=done,
            seconds=time.perf_counter() - self.started,
        )

    def _plot_png(self) -> bytes:
        keys = _ordered([k for k in self.history if k.endswith("loss")] or self.history)
        if self._fig is None:
            self._fig = _figure(4.8, 3.0)
            self._ax = self._fig.add_subplot()
            self._lines = {}
            # A held-out curve shares its training curve's colour, dashed.
            bases = list(dict.fromkeys(k.removeprefix("val_") for k in keys))
            for key in keys:
                style = "--" if key.startswith("val_") else "-"
                color = f"C{bases.index(key.removeprefix('val_')) % 10}"
                (self._lines[key],) = self._ax.plot(
                    [], [], style, color=color, marker="o", markersize=3, label=_metric_name(key)
                )
            from matplotlib.ticker import FuncFormatter, MaxNLocator, NullFormatter

            self._ax.set_yscale("log")
            # Plain tick labels (0.5, 1, 10): the default 10^-1 is mathtext, whose minus
            # sign the Hangul font lacks.
            self._all = FuncFormatter(lambda v, _: f"{v:g}")
            self._some, self._none = FuncFormatter(_minor_label), NullFormatter()
            self._ax.yaxis.set_major_formatter(self._all)
            self._ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            self._ax.set_xlabel(t("fig.epoch"))
            self._ax.set_title(t("live.losses"), fontsize=10)
            self._ax.legend(fontsize=7)
            self._fig.tight_layout()
        for key, line in self._lines.items():
            values = self.history.get(key, [])
            line.set_data(np.arange(1, len(values) + 1), values)
        self._ax.relim()
        self._ax.autoscale_view()
        low, high = self._ax.get_ylim()
        # Within about a decade the major ticks (powers of ten) are too few: label minor ones.
        decades = math.log10(high / low) if low > 0 else math.inf
        labels = self._all if decades < 0.5 else self._some if decades < 1.2 else self._none
        self._ax.yaxis.set_minor_formatter(labels)
        self._ax.set_xlim(0.5, max(self.epochs, 1) + 0.5)
        if self.epochs <= 10:  # MaxNLocator puts 0.5, 0.6, ... on an axis of one epoch
            self._ax.set_xticks(range(1, self.epochs + 1))
        return _png_of(self._fig)


def live_training(samples: int = 16, front_end: bool | None = None):
    """The callback that shows ``fit`` as it runs: widgets in a notebook, text elsewhere.

    Args:
        samples: how many samples the widget view shows after each epoch.
        front_end: None to detect (:func:`has_front_end`), True for the widget
            view, False for plain text.

    Example:
        >>> history = vae.fit(x, epochs=30, verbose=0, callbacks=[widgets.live_training()])
    """
    if front_end is None:
        front_end = has_front_end()
    return LiveTraining(samples=samples) if front_end else TextProgress()
