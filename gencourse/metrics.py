"""Measuring generated digits with a judge classifier trained on real ones.

The judge is a small CNN trained on real training digits. Its verdicts on
generated images say which classes a generator covers and how confidently
they read as digits; its accuracy on held-out real digits is the yardstick.
"""

from __future__ import annotations

from dataclasses import dataclass

import keras
import numpy as np
from keras import layers


def build_judge(image_shape=(28, 28, 1), num_classes=10) -> keras.Model:
    """A small CNN digit classifier (softmax outputs)."""
    inputs = keras.Input(shape=image_shape)
    h = layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
    h = layers.MaxPooling2D()(h)
    h = layers.Conv2D(32, 3, activation="relu", padding="same")(h)
    h = layers.MaxPooling2D()(h)
    h = layers.Flatten()(h)
    h = layers.Dense(64, activation="relu", name="features")(h)
    outputs = layers.Dense(num_classes, activation="softmax")(h)
    return keras.Model(inputs, outputs, name="judge")


def train_judge(data, epochs: int = 6, batch_size: int = 64, seed: int = 0):
    """Trains the judge on ``data.x_train`` and returns ``(judge, held_out_accuracy)``."""
    keras.utils.set_random_seed(seed)
    judge = build_judge(data.image_shape, data.num_classes)
    judge.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    judge.fit(data.x_train, data.y_train, epochs=epochs, batch_size=batch_size, verbose=0)
    _, accuracy = judge.evaluate(data.x_test, data.y_test, verbose=0)
    return judge, float(accuracy)


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
    probs = judge.predict(np.asarray(images, "float32"), verbose=0, batch_size=256)
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
    predicted = judge.predict(np.asarray(images, "float32"), verbose=0, batch_size=256).argmax(1)
    hits = predicted == labels
    num_classes = judge.output_shape[-1]
    per_class = np.array(
        [hits[labels == k].mean() if np.any(labels == k) else np.nan for k in range(num_classes)]
    )
    return Agreement(float(hits.mean()), per_class)
