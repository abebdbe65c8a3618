"""Toy data for lesson 03: Gaussian mixtures whose densities are known exactly.

With a known data density p_data and a generator whose density p_g is known,
the optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_g(x)) can be
computed in closed form and compared with a trained one. A ring of Gaussians
in 2-D shows mode collapse: :func:`mode_coverage` counts the modes a
generator's samples reach.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Mixture:
    """A mixture of isotropic Gaussians in ``dim`` dimensions.

    Args:
        means: (k, dim) component means.
        std: the standard deviation of every component.
        weights: (k,) mixing weights (default: equal).
    """

    means: np.ndarray
    std: float
    weights: np.ndarray | None = None

    def __post_init__(self):
        means = np.atleast_2d(np.asarray(self.means, "float64"))
        if means.shape[0] == 1 and means.shape[1] > 1 and np.ndim(self.means) == 1:
            means = means.T  # 1-D mixture given as a flat list of means
        object.__setattr__(self, "means", means)
        if not self.std > 0:
            raise ValueError(f"std must be positive. Received: std={self.std!r}")
        weights = (
            np.full(len(means), 1.0 / len(means))
            if self.weights is None
            else np.asarray(self.weights, "float64")
        )
        if (
            weights.shape != (len(means),)
            or np.any(weights < 0)
            or not np.isclose(weights.sum(), 1)
        ):
            raise ValueError(
                f"weights must be {len(means)} non-negative numbers summing to 1. "
                f"Received: weights={self.weights!r}"
            )
        object.__setattr__(self, "weights", weights)

    @property
    def dim(self) -> int:
        return self.means.shape[1]

    def sample(self, n: int, seed=None) -> np.ndarray:
        """``n`` points, shape (n, dim), float32."""
        rng = np.random.default_rng(seed)
        component = rng.choice(len(self.means), size=n, p=self.weights)
        noise = rng.normal(scale=self.std, size=(n, self.dim))
        return (self.means[component] + noise).astype("float32")

    def pdf(self, x) -> np.ndarray:
        """The density at each point of ``x`` ((n, dim), or (n,) when dim is 1)."""
        x = np.asarray(x, "float64").reshape(-1, self.dim)
        sq = ((x[:, None, :] - self.means[None]) ** 2).sum(-1)
        norm = (2 * np.pi * self.std**2) ** (-self.dim / 2)
        return (self.weights[None] * norm * np.exp(-0.5 * sq / self.std**2)).sum(-1)


def ring(k: int = 8, radius: float = 2.0, std: float = 0.05) -> Mixture:
    """``k`` equal Gaussians evenly spaced on a circle (the classic mode-collapse toy)."""
    angles = 2 * np.pi * np.arange(k) / k
    return Mixture(np.stack([radius * np.cos(angles), radius * np.sin(angles)], 1), std)


def gaussian_pdf(x, mean: float, std: float) -> np.ndarray:
    """The 1-D normal density N(mean, std^2) at ``x``."""
    x = np.asarray(x, "float64").reshape(-1)
    return np.exp(-0.5 * ((x - mean) / std) ** 2) / (std * np.sqrt(2 * np.pi))


def optimal_discriminator(p_data, p_g) -> np.ndarray:
    """D*(x) = p_data(x) / (p_data(x) + p_g(x)), from the two densities at the same points.

    Where both densities vanish, D* is undefined; it is returned as 0.5 there.
    """
    p_data, p_g = np.asarray(p_data, "float64"), np.asarray(p_g, "float64")
    total = p_data + p_g
    return np.where(total > 0, p_data / np.where(total > 0, total, 1.0), 0.5)


@dataclass
class Coverage:
    """How a set of samples covers the modes of a mixture."""

    counts: np.ndarray  # samples within ``radius`` stds of each mode
    share_near: float  # share of samples near some mode (sample quality)

    @property
    def modes_covered(self) -> int:
        return int(np.sum(self.counts > 0))


def mode_coverage(samples, mixture: Mixture, radius: float = 3.0, min_share: float = 0.01):
    """Counts the samples near each mode; a mode is covered when it holds ``min_share``.

    A sample is "near" a mode when it lies within ``radius`` standard
    deviations of its mean.
    """
    samples = np.asarray(samples, "float64").reshape(-1, mixture.dim)
    dist = np.sqrt(((samples[:, None, :] - mixture.means[None]) ** 2).sum(-1))
    near = dist <= radius * mixture.std
    counts = near.sum(0)
    counts = np.where(counts >= min_share * len(samples), counts, 0)
    return Coverage(counts, float(near.any(1).mean()))


def gaussian_generator(mean: float, std: float):
    """A frozen 1-D "generator" G(z) = mean + std * z: with z ~ N(0, 1), p_g is N(mean, std^2).

    Its density is known exactly, so a discriminator trained against it can be
    compared with the optimal D*.
    """
    import keras

    layer = keras.layers.Dense(1, trainable=False, name="affine")
    generator = keras.Sequential([keras.Input((1,)), layer], name="gaussian_generator")
    generator.set_weights([np.array([[std]], "float32"), np.array([mean], "float32")])
    return generator
