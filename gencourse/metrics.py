"""Measuring generated digits with a judge classifier trained on real ones.

The judge is a small CNN trained on real training digits. Its verdicts on
generated images say which classes a generator covers and how confidently
they read as digits; its accuracy on held-out real digits is the yardstick.

A trained judge for ``mnist5k`` ships with the package (:func:`load_judge`).
On top of it:

- :func:`label_agreement`: the share of conditional samples the judge reads
  as the label they were made for;
- :func:`frechet_distance`: the Frechet distance between two image sets,
  computed on the judge's penultimate-layer features;
- :func:`class_coverage`: how many classes the judge finds in a set, and how
  evenly they are spread;
- :func:`classification_accuracy_score`: train a fresh recogniser on
  synthetic images only, test it on real held-out images.

Regenerate the shipped judge with ``python -m gencourse.metrics``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import keras
import numpy as np
from keras import layers

WEIGHTS = Path(__file__).parent / "weights"
JUDGE_FILE = WEIGHTS / "judge_mnist5k.weights.h5"
JUDGE_CARD = WEIGHTS / "judge_mnist5k.json"
FEATURES = "features"  # the judge's penultimate layer


def build_judge(image_shape=(28, 28, 1), num_classes=10) -> keras.Model:
    """A small CNN digit classifier (softmax outputs).

    Three conv blocks, then a 128-unit layer named ``features`` whose outputs
    are the features of :func:`frechet_distance`.
    """
    inputs = keras.Input(shape=image_shape)
    h = inputs
    for filters in (32, 64, 64):
        h = layers.Conv2D(filters, 3, activation="relu", padding="same")(h)
        h = layers.MaxPooling2D()(h)
    h = layers.Flatten()(h)
    h = layers.Dropout(0.3)(h)
    h = layers.Dense(128, activation="relu", name=FEATURES)(h)
    h = layers.Dropout(0.3)(h)
    outputs = layers.Dense(num_classes, activation="softmax")(h)
    return keras.Model(inputs, outputs, name="judge")


def _compile(model: keras.Model) -> keras.Model:
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def _fit(model, images, labels, epochs, batch_size, augment=False, seed=0):
    """Fits ``model``; with ``augment``, on randomly shifted and rotated copies each epoch."""
    if augment:
        inputs = keras.Input(shape=model.input_shape[1:])
        h = layers.RandomTranslation(0.08, 0.08, fill_mode="constant", seed=seed + 1)(inputs)
        h = layers.RandomRotation(0.03, fill_mode="constant", seed=seed + 2)(h)
        trainer = _compile(keras.Model(inputs, model(h)))
    else:
        trainer = model
    trainer.fit(images, labels, epochs=epochs, batch_size=batch_size, verbose=0, shuffle=True)
    return model


def train_judge(data, epochs: int = 6, batch_size: int = 64, seed: int = 0, augment: bool = False):
    """Trains a judge on ``data.x_train`` and returns ``(judge, held_out_accuracy)``.

    The shipped judge (:func:`load_judge`) was made by this function with
    ``epochs=30, augment=True`` on ``data.load("mnist5k", seed=0)``.
    """
    keras.utils.set_random_seed(seed)
    judge = _compile(build_judge(data.image_shape, data.num_classes))
    _fit(judge, data.x_train, data.y_train, epochs, batch_size, augment=augment, seed=seed)
    _, accuracy = judge.evaluate(data.x_test, data.y_test, verbose=0)
    return judge, float(accuracy)


def judge_card() -> dict:
    """What the shipped judge was trained on, and its measured held-out accuracy."""
    return json.loads(JUDGE_CARD.read_text("utf-8"))


def load_judge() -> keras.Model:
    """The judge trained on the 4,000 ``mnist5k`` training digits, ready to use.

    Its held-out accuracy (on the 1,000 ``mnist5k`` held-out digits, which it
    never saw) is in :func:`judge_card`. Each call returns a fresh model, so a
    notebook that trains it further does not change anyone else's judge.
    """
    if not JUDGE_FILE.exists():
        raise FileNotFoundError(
            f"The shipped judge weights are missing: {JUDGE_FILE}. "
            "Reinstall gencourse, or rebuild them with `python -m gencourse.metrics`."
        )
    judge = _compile(build_judge())
    judge.load_weights(JUDGE_FILE)
    return judge


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
    :func:`build_judge`).
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
    model = _compile((build or build_judge)(x.shape[1:], num_classes))
    model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0, shuffle=True)
    predicted = model.predict(xt, verbose=0, batch_size=256).argmax(1)
    return float(np.mean(predicted == yt))


def _rebuild(argv=None) -> int:
    """Trains the shipped judge again and writes its weights and card."""
    from gencourse import data  # noqa: PLC0415  (only the rebuild needs the data)

    parser = argparse.ArgumentParser(
        prog="python -m gencourse.metrics", description=_rebuild.__doc__
    )
    parser.add_argument("--out", type=Path, default=WEIGHTS, help="folder for the two files")
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args(argv)
    digits = data.load("mnist5k", seed=0)
    judge, accuracy = train_judge(digits, epochs=args.epochs, augment=True, seed=0)
    args.out.mkdir(parents=True, exist_ok=True)
    judge.save_weights(args.out / JUDGE_FILE.name)
    card = {
        "data": "mnist5k, seed 0: 4,000 training digits (400 per class)",
        "held_out": "the 1,000 mnist5k held-out digits (100 per class), never trained on",
        "epochs": args.epochs,
        "augment": "random shifts up to 8% and rotations up to 0.03 turns",
        "held_out_accuracy": round(accuracy, 4),
        "made_by": "python -m gencourse.metrics",
    }
    (args.out / JUDGE_CARD.name).write_text(json.dumps(card, indent=2) + "\n", "utf-8")
    print(f"judge: held-out accuracy {accuracy:.2%}, written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_rebuild())
