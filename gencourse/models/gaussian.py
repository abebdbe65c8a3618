"""A generative model of digits you can fit in seconds: one Gaussian per class in a PCA space.

Lesson 01 contrasts it with a discriminative classifier on the same features.
The images are projected onto their first principal components; in that space
each class ``y`` gets a full-covariance Gaussian ``p(z | y) = N(mu_y, Sigma_y)``
and a prior ``p(y)``. The pixels the projection discards are modelled as
isotropic Gaussian noise around the subspace (as in probabilistic PCA), so
``log_likelihood`` is a density over the pixels themselves: an image far from
every digit, such as noise, gets a very low ``log p(x)`` even when its PCA
coordinates alone look ordinary. That residual term is the same for every
class, so it never changes the posterior.

Everything here is NumPy (and scikit-learn for the discriminative baseline):
no TensorFlow, no training loop, a fit takes a second or two on a CPU.
"""

from __future__ import annotations

import numpy as np
from scipy.linalg import solve_triangular
from scipy.special import logsumexp
from threadpoolctl import threadpool_limits

from gencourse.arrays import as_images

_LOG_2PI = float(np.log(2 * np.pi))


def sample_gaussian(mean, cov_factor, eps):
    """Turns standard normal noise into samples of ``N(mean, L L^T)``: ``z = mean + L eps``.

    Args:
        mean: the mean, shape ``(k,)``.
        cov_factor: a factor ``L`` of the covariance (``Sigma = L L^T``, e.g. its
            Cholesky factor), shape ``(k, k)``.
        eps: standard normal noise, one row per sample, shape ``(n, k)``.

    Returns:
        The samples, shape ``(n, k)``: row ``i`` is ``mean + L @ eps[i]``.

    Example:
        >>> sample_gaussian(np.zeros(2), np.eye(2), np.ones((3, 2))).shape
        (3, 2)
    """
    mean = np.asarray(mean, "float64")
    cov_factor = np.asarray(cov_factor, "float64")
    eps = np.asarray(eps, "float64")
    k = mean.shape[-1] if mean.ndim else 0
    if mean.ndim != 1 or cov_factor.shape != (k, k) or eps.ndim != 2 or eps.shape[1] != k:
        raise ValueError(
            "Expected mean (k,), cov_factor (k, k) and eps (n, k). "
            f"Received: mean={mean.shape}, cov_factor={cov_factor.shape}, eps={eps.shape}"
        )
    return mean + eps @ cov_factor.T


def bayes_posterior(log_likelihoods, log_priors):
    """Bayes' rule: ``p(y | x) = p(x | y) p(y) / p(x)``, computed stably from logs.

    Args:
        log_likelihoods: ``log p(x | y)``, shape ``(n, num_classes)``.
        log_priors: ``log p(y)``, shape ``(num_classes,)``.

    Returns:
        The posteriors ``p(y | x)``, shape ``(n, num_classes)``; each row sums to 1.
    """
    joint = _joint(log_likelihoods, log_priors)
    # Subtracting each row's maximum keeps exp() finite and nonzero for log-likelihoods
    # of +800 or -5000, as digits and noise get in lesson 01.
    joint = joint - joint.max(axis=1, keepdims=True)
    weights = np.exp(joint)
    return weights / weights.sum(axis=1, keepdims=True)


def log_marginal(log_likelihoods, log_priors):
    """``log p(x) = log sum_y p(x | y) p(y)``, computed stably (log-sum-exp).

    Args:
        log_likelihoods: ``log p(x | y)``, shape ``(n, num_classes)``.
        log_priors: ``log p(y)``, shape ``(num_classes,)``.

    Returns:
        ``log p(x)``, shape ``(n,)``.
    """
    return logsumexp(_joint(log_likelihoods, log_priors), axis=1)


def _joint(log_likelihoods, log_priors) -> np.ndarray:
    log_likelihoods = np.asarray(log_likelihoods, "float64")
    log_priors = np.asarray(log_priors, "float64")
    if log_likelihoods.ndim != 2 or log_priors.shape != (log_likelihoods.shape[1],):
        raise ValueError(
            "Expected log_likelihoods (n, num_classes) and log_priors (num_classes,). "
            f"Received: log_likelihoods={log_likelihoods.shape}, log_priors={log_priors.shape}"
        )
    return log_likelihoods + log_priors


class ClassGaussians:
    """One full-covariance Gaussian per class in a PCA space of images.

    Args:
        num_components: how many principal components to keep (the size of the
            space the Gaussians live in).
        num_classes: the number of classes; labels run from 0 to ``num_classes - 1``.
        ridge: added to each covariance's diagonal so that it can be inverted
            (in the PCA coordinates' own units; the smallest kept variances of
            ``mnist5k`` are about 0.1).

    Example:
        >>> digits = data.load("mnist5k")
        >>> model = ClassGaussians(num_components=40).fit(digits.x_train, digits.y_train)
        >>> images, labels = model.sample(labels=[3, 3, 7], seed=0)
        >>> images.shape
        (3, 28, 28, 1)
    """

    def __init__(self, num_components: int = 40, num_classes: int = 10, ridge: float = 1e-2):
        if not isinstance(num_components, int | np.integer) or num_components < 1:
            raise ValueError(
                f"num_components must be a positive integer. Received: num_components={num_components!r}"
            )
        if not isinstance(num_classes, int | np.integer) or num_classes < 2:
            raise ValueError(
                f"num_classes must be an integer of at least 2. Received: num_classes={num_classes!r}"
            )
        if not np.isfinite(ridge) or ridge < 0:
            raise ValueError(f"ridge must be a number >= 0. Received: ridge={ridge!r}")
        self.num_components = int(num_components)
        self.num_classes = int(num_classes)
        self.ridge = float(ridge)
        self.fitted = False

    def get_config(self) -> dict:
        return {
            "num_components": self.num_components,
            "num_classes": self.num_classes,
            "ridge": self.ridge,
        }

    # --- fitting ---------------------------------------------------------------------

    def fit(self, images, labels) -> ClassGaussians:
        """Fits the PCA, then a mean, covariance and prior per class.

        Args:
            images: shape ``(n, height, width[, 1])``, pixel values in [0, 1].
            labels: integers from 0 to ``num_classes - 1``, shape ``(n,)``.

        Returns:
            The model itself, fitted.

        Raises:
            ValueError: on mismatched lengths, labels out of range, too few images
                or a class with fewer than two images.
        """
        x = self._flatten(images, fitting=True)
        labels = np.asarray(labels).reshape(-1)
        n, d = x.shape
        if len(labels) != n:
            raise ValueError(
                f"Need one label per image. Received: {n} images and {len(labels)} labels."
            )
        if not np.issubdtype(labels.dtype, np.integer) or labels.min() < 0:
            raise ValueError(f"labels must be integers >= 0. Received: labels.dtype={labels.dtype}")
        if labels.max() >= self.num_classes:
            raise ValueError(
                f"A label is >= num_classes={self.num_classes}. Received: max label {labels.max()}"
            )
        if self.num_components >= min(n, d):
            raise ValueError(
                f"num_components must be below both the number of images ({n}) and of pixels "
                f"({d}). Received: num_components={self.num_components}"
            )
        counts = np.bincount(labels, minlength=self.num_classes)
        if counts.min() < 2:
            raise ValueError(
                "Every class needs at least two images to estimate a covariance. "
                f"Received: images per class {counts.tolist()}"
            )
        self.pixel_mean = x.mean(axis=0)
        centred = x - self.pixel_mean
        # The eigenvectors of the 784x784 pixel covariance: much faster than an
        # SVD of the (n, 784) data on a CPU, and the same principal axes.
        # One BLAS thread: on a busy 2-core CPU OpenBLAS' threaded eigh took 10-20 s
        # where one thread took 0.5 s (measured); on an idle one they are alike.
        with threadpool_limits(limits=1, user_api="blas"):
            variances, vectors = np.linalg.eigh(centred.T @ centred / (n - 1))
        variances, vectors = np.maximum(variances[::-1], 0.0), vectors[:, ::-1]
        k = self.num_components
        # Each axis' sign is arbitrary; fix it (largest entry positive) so fits repeat exactly.
        signs = np.sign(vectors[np.argmax(np.abs(vectors), axis=0), np.arange(d)])
        self.components = (vectors * signs).T[:k]  # (k, pixels), orthonormal rows
        self.explained_variance = variances[:k]
        # The discarded directions: their average variance (PCA's residual noise level).
        self.residual_variance = max(float(variances[k:].sum()) / (d - k), 1e-8)
        z = centred @ self.components.T
        self.means = np.stack([z[labels == c].mean(axis=0) for c in range(self.num_classes)])
        # Maximum-likelihood fits: the mean and the biased (divide by n) covariance.
        covs = np.stack(
            [np.cov(z[labels == c], rowvar=False, bias=True) for c in range(self.num_classes)]
        )
        self.covariances = covs + self.ridge * np.eye(k)
        self.cholesky = np.linalg.cholesky(self.covariances)
        self.log_priors = np.log(counts / n)
        self.fitted = True
        return self

    # --- the PCA space ----------------------------------------------------------------

    def encode(self, images) -> np.ndarray:
        """PCA coordinates of images, shape ``(n, num_components)``."""
        self._require_fit()
        return (self._flatten(images) - self.pixel_mean) @ self.components.T

    def decode(self, z, clip: bool = True) -> np.ndarray:
        """Images from PCA coordinates, shape ``(n, height, width, 1)``, clipped to [0, 1]."""
        self._require_fit()
        z = np.asarray(z, "float64")
        if z.ndim != 2 or z.shape[1] != self.num_components:
            raise ValueError(
                f"z must have shape (n, {self.num_components}). Received: shape={z.shape}"
            )
        x = self.pixel_mean + z @ self.components
        if clip:
            x = np.clip(x, 0.0, 1.0)
        return x.reshape((len(z), *self.image_shape)).astype("float32")

    # --- densities and Bayes' rule ----------------------------------------------------

    def latent_log_likelihood(self, z) -> np.ndarray:
        """``log N(z; mu_y, Sigma_y)`` for every class, shape ``(n, num_classes)``."""
        self._require_fit()
        z = np.asarray(z, "float64")
        k = self.num_components
        out = np.empty((len(z), self.num_classes))
        for c in range(self.num_classes):
            chol = self.cholesky[c]
            # ||L^-1 (z - mu)||^2 is the Mahalanobis distance; no inverse is formed.
            white = solve_triangular(chol, (z - self.means[c]).T, lower=True)
            log_det = 2.0 * np.sum(np.log(np.diag(chol)))
            out[:, c] = -0.5 * (k * _LOG_2PI + log_det + np.sum(white**2, axis=0))
        return out

    def residual_log_likelihood(self, images) -> np.ndarray:
        """``log p`` of the part of each image the PCA discards, shape ``(n,)``.

        The residual ``x - decode(encode(x))`` lives in the ``pixels - num_components``
        discarded directions, modelled as independent Gaussian noise of variance
        ``residual_variance`` (the same for every class).
        """
        self._require_fit()
        centred = self._flatten(images) - self.pixel_mean
        residual = centred - (centred @ self.components.T) @ self.components
        dims = centred.shape[1] - self.num_components
        squared = np.sum(residual**2, axis=1)
        return -0.5 * (
            dims * np.log(2 * np.pi * self.residual_variance) + squared / self.residual_variance
        )

    def log_likelihood(self, images) -> np.ndarray:
        """``log p(x | y)`` of each image under each class, shape ``(n, num_classes)``."""
        return (
            self.latent_log_likelihood(self.encode(images))
            + self.residual_log_likelihood(images)[:, None]
        )

    def log_prob(self, images) -> np.ndarray:
        """``log p(x) = log sum_y p(x | y) p(y)``: how digit-like each image is, shape ``(n,)``."""
        return log_marginal(self.log_likelihood(images), self.log_priors)

    def posterior(self, images) -> np.ndarray:
        """``p(y | x)`` by Bayes' rule, shape ``(n, num_classes)``."""
        # The residual term is the same for every class and cancels; skip it.
        return bayes_posterior(self.latent_log_likelihood(self.encode(images)), self.log_priors)

    def predict(self, images) -> np.ndarray:
        """The most probable class of each image, shape ``(n,)``."""
        return np.argmax(self.posterior(images), axis=1)

    # --- sampling ---------------------------------------------------------------------

    def sample(self, labels=None, *, n: int | None = None, seed=None):
        """New images from the model: ``y ~ p(y)`` (or given), ``z ~ N(mu_y, Sigma_y)``, decoded.

        Args:
            labels: the class of each image to make, shape ``(n,)``; or None,
                then ``n`` labels are drawn from the priors.
            n: how many images, when ``labels`` is None.
            seed: seeds the noise, so a call can be repeated.

        Returns:
            ``(images, labels)``: images of shape ``(n, height, width, 1)`` with
            pixels clipped to [0, 1], and their labels. The residual noise of
            the discarded directions is left out: it would only add pixel snow.
        """
        self._require_fit()
        rng = np.random.default_rng(seed)
        if (labels is None) == (n is None):
            raise ValueError(f"Give either labels or n. Received: labels={labels!r}, n={n!r}")
        if labels is None:
            if not isinstance(n, int | np.integer) or n < 1:
                raise ValueError(f"n must be a positive integer. Received: n={n!r}")
            labels = rng.choice(self.num_classes, size=n, p=np.exp(self.log_priors))
        labels = np.asarray(labels).reshape(-1)
        if (
            not np.issubdtype(labels.dtype, np.integer)
            or labels.min(initial=0) < 0
            or labels.max(initial=0) >= self.num_classes
        ):
            raise ValueError(
                f"labels must be integers from 0 to {self.num_classes - 1}. Received: {labels[:10]}"
            )
        return self.decode(self.sample_latent(labels, rng)), labels

    def generate(self, labels, seed=None) -> np.ndarray:
        """Images of the given labels (like the conditional GAN's ``generate``)."""
        return self.sample(labels, seed=seed)[0]

    def sample_latent(self, labels, rng) -> np.ndarray:
        """PCA coordinates ``z ~ N(mu_y, Sigma_y)``, one row per label."""
        labels = np.asarray(labels).reshape(-1)
        eps = rng.standard_normal((len(labels), self.num_components))
        z = np.empty_like(eps)
        for c in np.unique(labels):
            rows = labels == c
            z[rows] = sample_gaussian(self.means[c], self.cholesky[c], eps[rows])
        return z

    # --- helpers ----------------------------------------------------------------------

    def _flatten(self, images, fitting: bool = False) -> np.ndarray:
        images = as_images(images, "float64")
        if fitting:
            self.image_shape = (*images.shape[1:], 1)
        elif tuple(images.shape[1:]) != self.image_shape[:2]:
            raise ValueError(
                f"The model was fitted on {self.image_shape[:2]} images. "
                f"Received: shape={images.shape}"
            )
        return images.reshape(len(images), -1)

    def _require_fit(self) -> None:
        if not self.fitted:
            raise ValueError("The model is not fitted yet. Call fit(images, labels) first.")


class LogisticClassifier:
    """A discriminative classifier on the same PCA features: it learns only ``p(y | x)``.

    Multinomial logistic regression (scikit-learn) on standardised PCA
    coordinates. It has no model of ``x``: it can classify any image, noise
    included, but it cannot score or make one.

    Args:
        encode: the features, e.g. a fitted :class:`ClassGaussians`' ``encode``.
        C: inverse regularisation strength of the logistic regression.
    """

    def __init__(self, encode, C: float = 1.0):
        if not callable(encode):
            raise ValueError(f"encode must be a function of images. Received: {encode!r}")
        if not C > 0:
            raise ValueError(f"C must be > 0. Received: C={C!r}")
        self.encode = encode
        self.C = float(C)
        self.fitted = False

    def fit(self, images, labels) -> LogisticClassifier:
        """Fits the logistic regression on the features of ``images``; returns the classifier."""
        # Newton-CG: on a busy 2-core CPU it converged in a few iterations and ran
        # several times faster than lbfgs, with the same accuracy.
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        self.pipeline = make_pipeline(
            StandardScaler(), LogisticRegression(C=self.C, solver="newton-cg", max_iter=500)
        )
        with threadpool_limits(limits=1, user_api="blas"):  # see ClassGaussians.fit
            self.pipeline.fit(self.encode(images), np.asarray(labels).reshape(-1))
        self.fitted = True
        return self

    def posterior(self, images) -> np.ndarray:
        """``p(y | x)``, shape ``(n, num_classes)``."""
        if not self.fitted:
            raise ValueError("The classifier is not fitted yet. Call fit(images, labels) first.")
        return self.pipeline.predict_proba(self.encode(images))

    def predict(self, images) -> np.ndarray:
        return np.argmax(self.posterior(images), axis=1)


def validation_split(labels, per_class: int, seed) -> tuple[np.ndarray, np.ndarray]:
    """Indices of a split of training data: ``per_class`` items of each class for validation.

    Args:
        labels: the training labels, shape ``(n,)``.
        per_class: how many items of each class go to validation.
        seed: seeds the draw.

    Returns:
        ``(fit, validation)``: sorted index arrays that together hold every index once.
    """
    labels = np.asarray(labels).reshape(-1)
    rng = np.random.default_rng(seed)
    validation = []
    for c in np.unique(labels):
        members = np.flatnonzero(labels == c)
        if len(members) <= per_class + 1:
            raise ValueError(
                f"Class {c} has {len(members)} items: too few to hold out {per_class} and fit on "
                f"the rest. Received: per_class={per_class}"
            )
        validation.append(rng.choice(members, size=per_class, replace=False))
    validation = np.sort(np.concatenate(validation))
    return np.setdiff1d(np.arange(len(labels)), validation), validation


def validation_sweep(
    images,
    labels,
    candidates,
    *,
    splits: int = 3,
    per_class: int = 80,
    seed: int = 0,
    score_samples=None,
    samples_per_class: int = 100,
) -> dict:
    """Chooses ``num_components`` on the training data alone: each candidate on several splits.

    For every split (``per_class`` digits of each class held out for validation, the rest
    fitted) and every candidate ``k`` this fits ``ClassGaussians(k)`` and measures its
    Bayes-rule accuracy on the validation digits; with ``score_samples`` it also scores
    ``samples_per_class`` samples of each class (e.g. a judge's label agreement).

    Args:
        images, labels: the training digits (never the held-out ones).
        candidates: the numbers of components to try.
        splits: how many different random splits to average over.
        per_class: validation digits per class in each split.
        seed: seeds the splits and the samples.
        score_samples: optional ``f(images, labels) -> float`` scoring samples of the
            labels asked for.
        samples_per_class: samples per class for ``score_samples``.

    Returns:
        ``{"k": (m,), "accuracy": (m, splits), "samples": (m, splits) or None}``.
    """
    candidates = [int(k) for k in candidates]
    if not candidates or min(candidates) < 1:
        raise ValueError(f"candidates must be positive integers. Received: candidates={candidates}")
    if not isinstance(splits, int | np.integer) or splits < 1:
        raise ValueError(f"splits must be a positive integer. Received: splits={splits!r}")
    images = as_images(images, "float64")
    labels = np.asarray(labels).reshape(-1)
    accuracy = np.zeros((len(candidates), splits))
    scores = np.zeros((len(candidates), splits)) if score_samples is not None else None
    classes = np.unique(labels)
    asked = np.repeat(classes, samples_per_class)
    for s in range(splits):
        fit, held = validation_split(labels, per_class, seed=[seed, s])
        for i, k in enumerate(candidates):
            model = ClassGaussians(num_components=k, num_classes=int(classes.max()) + 1)
            model.fit(images[fit], labels[fit])
            accuracy[i, s] = np.mean(model.predict(images[held]) == labels[held])
            if scores is not None:
                scores[i, s] = float(score_samples(model.generate(asked, seed=[seed, s, k]), asked))
    return {"k": np.asarray(candidates), "accuracy": accuracy, "samples": scores}
