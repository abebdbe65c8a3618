"""The VAE's latent explorer (lesson 02): sliders over z, the decoded digit, the latent map.

A slider move decodes one latent vector and re-encodes one small PNG; the
latent map is drawn once with matplotlib and only its marker is redrawn (with
Pillow), so the sliders stay fast.
"""

from __future__ import annotations

import numpy as np

from gencourse.i18n import t
from gencourse.widgets.images import BIG, as_image, figure, ipywidgets, rgba_png, to_png


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

    def __init__(self, decode, z_mean=None, labels=None, limit=2.5, step=0.05, scale=BIG):
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
        w = ipywidgets()
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
        return as_image(np.asarray(self._decode(self.z[None, :]))[0])

    def _draw_map(self, z_mean, labels):
        """The latent map as an RGBA array, and the function from z to its pixel (x, y)."""
        fig = figure(4.6, 4.2)
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
        return rgba_png(np.asarray(picture))

    def _update(self, change=None):
        z = self.z
        self.image.value = to_png(self.decoded(), self.scale)
        self.map.value = self._map_png()
        self.caption.value = t("widget.decoded", z0=float(z[0]), z1=float(z[1]))

    def _ipython_display_(self):
        # Displays the widget itself: ipywidgets 7 (Colab's) has no _repr_mimebundle_.
        from IPython.display import display

        display(self.widget)


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
