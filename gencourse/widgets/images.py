"""Images for the widgets and the live training view: PNG bytes and off-screen figures.

``ipywidgets.Image`` shows PNG bytes, and a test reads them back with
:func:`from_png`. Figures are drawn with matplotlib outside pyplot, so that
nothing pops up in the notebook besides the widget.
"""

from __future__ import annotations

import io

import numpy as np

# Pixel scale of the digit images in the widgets (28 px digits become 168 px).
BIG = 6


def ipywidgets():
    """The ``ipywidgets`` module, imported when a view is first made."""
    import ipywidgets

    return ipywidgets


def as_image(image) -> np.ndarray:
    """One grey image as a (height, width) float32 array.

    Raises:
        ValueError: for another shape, or NaN or infinite values.
    """
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
    pixels = np.round((1.0 - np.clip(as_image(image), 0.0, 1.0)) * 255).astype(np.uint8)
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


def rgba_png(rgba: np.ndarray) -> bytes:
    """An (height, width, 4) uint8 RGBA array as PNG bytes."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(rgba, mode="RGBA").save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def figure(width: float, height: float):
    """A matplotlib figure outside pyplot (nothing pops up in the notebook), Hangul font set."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from gencourse import viz

    viz.use_hangul_font()
    fig = Figure(figsize=(width, height), dpi=80)
    FigureCanvasAgg(fig)
    return fig


def png_of(fig) -> bytes:
    """A figure from :func:`figure` as PNG bytes."""
    buffer = io.BytesIO()
    fig.canvas.print_png(buffer)
    return buffer.getvalue()


def to_numpy(x) -> np.ndarray:
    """A tensor (or array) as a NumPy array."""
    from keras import ops

    return np.asarray(ops.convert_to_numpy(x))
