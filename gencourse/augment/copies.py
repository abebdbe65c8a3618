"""Does a data maker copy its training digits? The nearest-training-image check, in words.

The measure: each sample's distance to its nearest training image, against the same
distance for new real digits. If samples were as new as real digits, about 10% of them
would be nearer than the real digits' 10% quantile; the share is printed with its
binomial standard error, and called high or low only when it lies more than three
standard errors from 10%. A high share is not proof of copying: a blurry sample (an
average of several digits) also lies near many training images, so the check also
reports how sharp the samples are against real digits (:func:`sharpness`).
"""

from __future__ import annotations

import numpy as np

from gencourse.i18n import t

#: The share of new real digits below their own 10% quantile, by construction.
EXPECTED = 0.10
#: How many binomial standard errors from :data:`EXPECTED` count as a clear departure.
Z = 3.0


def sharpness(images) -> float:
    """The mean squared horizontal and vertical pixel difference: lower means blurrier."""
    x = np.asarray(images, "float64")
    return float(np.mean(np.diff(x, axis=1) ** 2) + np.mean(np.diff(x, axis=2) ** 2))


def copy_report(samples, training_images, new_real, lang: str | None = None) -> list:
    """The lines the lesson prints: distances, the near share with its error, and a reading.

    Args:
        samples: generated images, (N, h, w, 1).
        training_images: the images the maker learned from.
        new_real: real digits it never saw (the reference for "new").
        lang: ``"ko"`` or ``"en"`` (default: the current language).
    """
    from gencourse.augment.training import nearest_distance

    d_samples = nearest_distance(samples, training_images)
    d_real = nearest_distance(new_real, training_images)
    share = float(np.mean(d_samples < np.quantile(d_real, EXPECTED)))
    se = float(np.sqrt(EXPECTED * (1 - EXPECTED) / len(d_samples)))
    sharp = sharpness(samples) / sharpness(new_real)
    values = {
        "samples": float(np.median(d_samples)),
        "real": float(np.median(d_real)),
        "share": 100 * share,
        "se": 100 * se,
        "z": Z,
        "count": len(d_samples),
        "sharp": sharp,
    }
    if share > EXPECTED + Z * se:
        reading = "augment.copies.high"
    elif share < EXPECTED - Z * se:
        reading = "augment.copies.low"
    else:
        reading = "augment.copies.usual"
    keys = ("augment.copies.distances", "augment.copies.share", reading, "augment.copies.sharp")
    return [t(key, lang, **values) for key in keys]
