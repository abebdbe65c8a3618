"""Measuring generated digits with a judge classifier trained on real ones.

The judge (:mod:`gencourse.models.judge`) is a small CNN trained on real
training digits. Its verdicts on generated images say which classes a
generator covers and how confidently they read as digits; its accuracy on
held-out real digits is the yardstick.

A trained judge for ``mnist5k`` ships with the package (:func:`load_judge`).
On top of it:

- :func:`label_agreement`: the share of conditional samples the judge reads
  as the label they were made for;
- :func:`frechet_distance`: the Frechet distance between two image sets,
  computed on the judge's penultimate-layer features;
- :func:`class_coverage`: how many classes the judge finds in a set, and how
  evenly they are spread; :func:`class_shares`: the share of each class;
- :func:`confident_share`: the share of images the judge reads with at least
  90% confidence;
- :func:`classification_accuracy_score`: train a fresh recogniser on
  synthetic images only, test it on real held-out images.
"""

from __future__ import annotations

from dataclasses import dataclass

import keras
import numpy as np

# load_judge is the notebooks' way to the shipped judge (metrics.load_judge()).
from gencourse.models.judge import FEATURES, build_judge, compile_classifier, load_judge


def _images(images, judge, what: str = "images") -> np.ndarray:
    """``images`` as float32 ``(n, h, w, 1)``, or a ValueError that says what the judge reads."""
    want = tuple(judge.input_shape[1:])
    x = np.asarray(images, "float32")
    if x.ndim == len(want):  # (n, 28, 28): add the channel axis
        x = x[..., None]
    if x.ndim != len(want) + 1 or tuple(x.shape[1:]) != want or len(x) == 0:
        shape = ", ".join(map(str, want))
        raise ValueError(
            f"The judge reads {what} as an array of shape (n, {shape}) with n >= 1. "
            f"Received: shape={np.shape(images)}"
        )
    return x


@dataclass
class Verdict:
    """What the judge says about a set of images."""

    counts: np.ndarray  # images per predicted class
    confident_share: float  # share of images with top probability >= threshold
    mean_confidence: float

    @property
    def classes_found(self) -> int:
        """Classes holding at least 2% of the images."""
        return int(np.sum(self.counts >= 0.02 * self.counts.sum()))

    @property
    def shares(self) -> np.ndarray:
        """The share of the images read as each class (sums to 1)."""
        return self.counts / self.counts.sum()


def confident_share(judge, images, threshold: float = 0.9) -> float:
    """The share of ``images`` that the judge reads with top probability >= ``threshold``."""
    return judge_images(judge, images, threshold).confident_share


def class_shares(judge, images) -> np.ndarray:
    """The share of ``images`` that the judge reads as each class, ``(num_classes,)``.

    ``class_shares(judge, images).min()`` is the rarest class's share: an even
    spread over ten digits gives 0.1 each.
    """
    return judge_images(judge, images).shares


def judge_images(judge, images, threshold: float = 0.9) -> Verdict:
    """Classifies ``images`` with ``judge`` and summarises the verdicts."""
    probs = judge.predict(_images(images, judge), verbose=0, batch_size=256)
    top = probs.max(axis=1)
    counts = np.bincount(probs.argmax(axis=1), minlength=probs.shape[1])
    return Verdict(counts, float(np.mean(top >= threshold)), float(top.mean()))


@dataclass
class Agreement:
    """How often the judge reads generated images as the label they were made for."""

    overall: float  # share of all images
    per_class: np.ndarray  # share within each conditioning label

    def worst_class(self) -> int:
        return int(np.argmin(self.per_class))


def label_agreement(judge, images, labels) -> Agreement:
    """The share of ``images`` the judge assigns to their ``labels``, overall and per label.

    On real held-out digits with their true labels this is the judge's accuracy.
    """
    labels = np.asarray(labels).reshape(-1)
    if len(labels) != len(images):
        raise ValueError(
            f"Need one label per image. Received {len(images)} images and {len(labels)} labels."
        )
    predicted = judge.predict(_images(images, judge), verbose=0, batch_size=256).argmax(1)
    hits = predicted == labels
    num_classes = judge.output_shape[-1]
    per_class = np.array(
        [hits[labels == k].mean() if np.any(labels == k) else np.nan for k in range(num_classes)]
    )
    return Agreement(float(hits.mean()), per_class)


def _feature_model(judge) -> keras.Model:
    return keras.Model(judge.inputs, judge.get_layer(FEATURES).output)


def _features(extractor, judge, images) -> np.ndarray:
    x = _images(images, judge)
    return np.asarray(extractor.predict(x, verbose=0, batch_size=256), "float64")


def judge_features(judge, images) -> np.ndarray:
    """The judge's penultimate-layer (``features``) outputs for ``images``: ``(n, 128)``."""
    return _features(_feature_model(judge), judge, images)


def gaussian_frechet_distance(mean_a, cov_a, mean_b, cov_b) -> float:
    """The Frechet distance between N(mean_a, cov_a) and N(mean_b, cov_b).

    ``|mean_a - mean_b|^2 + tr(cov_a + cov_b - 2 (cov_a cov_b)^(1/2))``. The trace
    of the matrix square root is taken as the sum of the square roots of the
    eigenvalues of ``A^(1/2) cov_b A^(1/2)`` (``A = cov_a``), a symmetric
    positive semi-definite matrix with the same eigenvalues as ``cov_a cov_b``.
    """
    mean_a, mean_b = np.asarray(mean_a, "float64"), np.asarray(mean_b, "float64")
    cov_a, cov_b = np.atleast_2d(cov_a).astype("float64"), np.atleast_2d(cov_b).astype("float64")
    d = mean_a.shape[-1]
    if mean_b.shape != (d,) or cov_a.shape != (d, d) or cov_b.shape != (d, d):
        raise ValueError(
            "Need two means of shape (d,) and two covariances of shape (d, d). Received: "
            f"{mean_a.shape}, {cov_a.shape}, {mean_b.shape}, {cov_b.shape}"
        )
    w, v = np.linalg.eigh((cov_a + cov_a.T) / 2)
    root_a = (v * np.sqrt(np.clip(w, 0, None))) @ v.T
    middle = root_a @ cov_b @ root_a
    trace_root = np.sum(np.sqrt(np.clip(np.linalg.eigvalsh((middle + middle.T) / 2), 0, None)))
    distance = np.sum((mean_a - mean_b) ** 2) + np.trace(cov_a) + np.trace(cov_b) - 2 * trace_root
    return float(max(distance, 0.0))


def feature_frechet_distance(features_a, features_b) -> float:
    """The Frechet distance between Gaussians fitted to two feature sets ``(n, d)``."""
    fa, fb = np.asarray(features_a, "float64"), np.asarray(features_b, "float64")
    if fa.ndim != 2 or fb.ndim != 2 or fa.shape[1] != fb.shape[1] or min(len(fa), len(fb)) < 2:
        raise ValueError(
            "Need two feature arrays of shape (n, d) with the same d and n >= 2. "
            f"Received: {fa.shape} and {fb.shape}"
        )
    return gaussian_frechet_distance(
        fa.mean(0), np.cov(fa, rowvar=False), fb.mean(0), np.cov(fb, rowvar=False)
    )


def frechet_distance(images_a, images_b, judge=None) -> float:
    """The Frechet distance between two image sets on the judge's features (0 = alike).

    Lower is better when one set is generated and the other real. It depends on
    the number of images (a small set looks farther away), so compare sets of
    the same size. ``judge`` defaults to the shipped one (:func:`load_judge`).
    """
    judge = load_judge() if judge is None else judge
    extractor = _feature_model(judge)  # one model for both sets
    return feature_frechet_distance(
        _features(extractor, judge, images_a), _features(extractor, judge, images_b)
    )


@dataclass
class ClassCoverage:
    """How the judge spreads a set of images over the classes."""

    counts: np.ndarray  # images per predicted class
    classes_found: int  # classes holding at least ``min_share`` of the images
    evenness: float  # entropy of the class shares over log(num_classes): 1 = uniform, 0 = one class


def class_coverage(judge, images, min_share: float = 0.02) -> ClassCoverage:
    """How many classes the judge finds in ``images``, and how evenly (see :class:`ClassCoverage`)."""
    counts = judge_images(judge, images).counts
    num_classes = len(counts)
    shares = counts / counts.sum()
    nonzero = shares[shares > 0]
    evenness = float(-np.sum(nonzero * np.log(nonzero)) / np.log(num_classes))
    return ClassCoverage(counts, int(np.sum(shares >= min_share)), abs(evenness))


def classification_accuracy_score(
    train_images, train_labels, test_images, test_labels, *, epochs: int = 10,
    batch_size: int = 64, seed: int = 0, build=None,
) -> float:  # fmt: skip
    """Trains a fresh recogniser on ``train_images`` only and returns its accuracy on the test set.

    With generated images and the labels they were made for as the training
    set, and real held-out digits as the test set, this is the classification
    accuracy score (CAS): how much of what a recogniser needs the samples
    carry. ``build(image_shape, num_classes)`` makes the recogniser (default:
    :func:`gencourse.models.judge.build_judge`).
    """
    x = np.asarray(train_images, "float32")
    y = np.asarray(train_labels).reshape(-1)
    xt = np.asarray(test_images, "float32")
    yt = np.asarray(test_labels).reshape(-1)
    if len(x) != len(y) or len(xt) != len(yt) or len(x) == 0 or len(xt) == 0:
        raise ValueError(
            "Need one label per image in both sets, and at least one image in each. Received: "
            f"{len(x)} training images, {len(y)} labels; {len(xt)} test images, {len(yt)} labels"
        )
    if x.shape[1:] != xt.shape[1:]:
        raise ValueError(
            f"Training and test images must have the same shape. Received: {x.shape[1:]} and {xt.shape[1:]}"
        )
    num_classes = int(max(y.max(), yt.max())) + 1
    keras.utils.set_random_seed(seed)
    model = compile_classifier((build or build_judge)(x.shape[1:], num_classes))
    model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0, shuffle=True)
    predicted = model.predict(xt, verbose=0, batch_size=256).argmax(1)
    return float(np.mean(predicted == yt))
