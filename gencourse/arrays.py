"""Small array checks shared by the models and the plots."""

from __future__ import annotations

import numpy as np


def as_images(images, dtype: str = "float32") -> np.ndarray:
    """``images`` as an array of shape ``(n, height, width)``; a trailing channel of 1 is dropped.

    Raises:
        ValueError: for any other shape, with the shape received.
    """
    images = np.asarray(images, dtype=dtype)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    if images.ndim != 3:
        raise ValueError(
            "images must have shape (n, height, width) or (n, height, width, 1). "
            f"Received: shape={images.shape}"
        )
    return images
