"""How many modes of a toy mixture a GAN's samples reach, epoch by epoch (lesson 03)."""

from __future__ import annotations

import keras

from gencourse import toy


class ModeCoverage(keras.callbacks.Callback):
    """After each epoch, counts the modes of ``mixture`` that the generator's samples reach.

    The samples come from ``model.generate(n, seed=seed)``: the same noise every
    epoch, so the epochs differ only in the generator. A mode counts as found as
    in :func:`gencourse.toy.mode_coverage`. The count also goes into the epoch's
    logs (and so into the ``History``) as ``"modes_covered"``.

    Args:
        mixture: the :class:`gencourse.toy.Mixture` the GAN learns, e.g. ``toy.ring()``.
        n: samples drawn after each epoch.
        seed: the noise seed of those samples.

    Attributes (after training):
        found: the number of modes found after each epoch, a list of ints.
        samples: the last epoch's samples, (n, mixture.dim).
        coverage: the last epoch's :class:`gencourse.toy.Coverage`.

    Raises:
        ValueError: for an ``n`` below 1.

    Example:
        >>> coverage = callbacks.ModeCoverage(toy.ring(), n=2000, seed=1)
        >>> ring_gan.fit(points, epochs=10, verbose=0, callbacks=[coverage])
        >>> coverage.found  # e.g. [3, 5, 6, 8, ...]
    """

    def __init__(self, mixture: toy.Mixture, n: int = 2000, seed: int = 1):
        super().__init__()
        if not isinstance(n, int) or n < 1:
            raise ValueError(f"n must be an int >= 1. Received: n={n!r}")
        self.mixture, self.n, self.seed = mixture, n, seed
        self.found: list[int] = []
        self.samples = self.coverage = None

    def on_train_begin(self, logs=None):
        self.found = []

    def on_epoch_end(self, epoch, logs=None):
        self.samples = self.model.generate(self.n, seed=self.seed)
        self.coverage = toy.mode_coverage(self.samples, self.mixture)
        self.found.append(self.coverage.modes_covered)
        if logs is not None:
            logs["modes_covered"] = self.coverage.modes_covered
