"""The GANs' views: walking between two noise vectors (lesson 03), picking a class (lesson 04).

Seed s names the noise vectors of ``gan.generate(n, seed=s)`` (:meth:`GAN.noise
<gencourse.models.gan.GAN.noise>`), so a view started at a seed shows exactly
the images ``generate`` makes for it.
"""

from __future__ import annotations

import math

import numpy as np

from gencourse.i18n import t
from gencourse.widgets.images import BIG, ipywidgets, to_numpy, to_png
from gencourse.widgets.picker import RowPicker


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


class LatentInterpolation:
    """Two seeds give two noise vectors; a slider moves along the arc between them.

    Attributes:
        seed_a, seed_b: ``BoundedIntText`` widgets.
        slider: the ``FloatSlider`` t in [0, 1] (0 = seed A, 1 = seed B).
        image: the generated digit at t (PNG).
        path: ``steps`` digits along the way from A to B (PNG, one row).
        widget: the whole view (a ``VBox``).
    """

    def __init__(self, gan, seed_a=0, seed_b=1, steps=9, label=None, scale=BIG):
        if not all(hasattr(gan, name) for name in ("generator", "latent_dim", "noise")):
            raise ValueError(
                "gan must be a trained GAN (with .generator, .latent_dim and .noise). "
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
        w = ipywidgets()
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
        return to_numpy(images)

    def noise(self, fraction=None) -> np.ndarray:
        """The noise vector at ``fraction`` (default: the slider's t), shape (latent_dim,)."""
        fraction = self.slider.value if fraction is None else fraction
        return slerp(self._a, self._b, fraction).astype("float32")

    def _new_seeds(self, change=None):
        self._a = self.gan.noise(1, self.seed_a.value)[0]
        self._b = self.gan.noise(1, self.seed_b.value)[0]
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

    def _ipython_display_(self):
        # Displays the widget itself: ipywidgets 7 (Colab's) has no _repr_mimebundle_.
        from IPython.display import display

        display(self.widget)


def gan_interpolation(gan, seed_a=1, seed_b=2, steps=9, label=None) -> LatentInterpolation:
    """Slide between the noise vectors of two seeds and watch the generated digit morph.

    Seed s gives the noise of ``gan.generate(1, seed=s)``, so t = 0 shows that image.
    For a conditional GAN, ``label`` fixes the digit while the noise moves.

    Example:
        >>> widgets.gan_interpolation(gan, seed_a=1, seed_b=2)
    """
    return LatentInterpolation(gan, seed_a=seed_a, seed_b=seed_b, steps=steps, label=label)


# --- the conditional GAN's class picker (lesson 04) -----------------------------------


class ClassPicker(RowPicker):
    """Choose a digit class and a noise seed; see a row of generated digits of that class.

    Attributes:
        label: ``ToggleButtons`` with the classes 0..num_classes-1.
        seed: ``BoundedIntText``; ``reroll`` (a ``Button``) draws a new seed.
        image: one row of ``n`` generated digits (PNG).
        widget: the whole view (a ``VBox``).
    """

    def __init__(self, cgan, label=0, seed=0, n=10, scale=3):
        num_classes = getattr(cgan, "num_classes", None)
        if num_classes is None or not (hasattr(cgan, "generator") and hasattr(cgan, "noise")):
            raise ValueError(
                "cgan must be a conditional GAN (with .num_classes), e.g. from "
                f"make_conditional_gan. Received: {type(cgan).__name__}"
            )
        self.cgan = cgan
        self._build(
            num_classes, label, seed, n, scale,
            css_class="gencourse-class-picker", row_class="gencourse-class-row",
        )  # fmt: skip

    def generated(self) -> np.ndarray:
        """The row of images for the current class and seed, (n, height, width, channels)."""
        noise = self.cgan.noise(self.n, self.seed.value)
        labels = np.full((self.n, 1), self.label.value, dtype="int32")
        return to_numpy(self.cgan.generator([noise, labels], training=False))

    def caption_text(self) -> str:
        return t("widget.picker_caption", label=self.label.value, n=self.n, seed=self.seed.value)


def class_picker(cgan, label=0, seed=0, n=10) -> ClassPicker:
    """Pick a digit and a seed (or re-roll); see ``n`` digits the conditional GAN makes.

    Seed s and class k give ``cgan.generate([k] * n, seed=s)``.

    Example:
        >>> widgets.class_picker(cgan)
    """
    return ClassPicker(cgan, label=label, seed=seed, n=n)
