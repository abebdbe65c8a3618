"""Lesson 05's models: the recogniser and the cGAN, trained for a fixed number of steps.

Every arm's recogniser gets the same :class:`Budget` of gradient steps, not
epochs, so that a bigger training set does not also mean more updates.
:func:`nearest_distance` tells whether the cGAN copies its training digits.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from gencourse.config import quick_mode


@dataclass(frozen=True)
class Budget:
    """Training sizes. Steps are gradient steps, the same for every arm."""

    recogniser_steps: int = 400
    batch_size: int = 64
    cgan_steps: int = 600
    cgan_batch_size: int = 64


FULL = Budget()
QUICK = Budget(recogniser_steps=4, batch_size=32, cgan_steps=2, cgan_batch_size=32)


def default_budget() -> Budget:
    """:data:`QUICK` in quick mode (``GENCOURSE_QUICK=1``), else :data:`FULL`."""
    return QUICK if quick_mode() else FULL


def with_budget(budget: Budget, **changes) -> Budget:
    """A copy of ``budget`` with some sizes changed (``None`` values are ignored)."""
    return replace(budget, **{k: v for k, v in changes.items() if v is not None})


def _step_indices(size: int, steps: int, batch_size: int, rng) -> np.ndarray:
    """Indices for exactly ``steps`` batches: whole shuffled passes, cut to length."""
    passes = -(-steps * batch_size // size)
    return np.concatenate([rng.permutation(size) for _ in range(passes)])[: steps * batch_size]


def build_recogniser(image_shape=(28, 28, 1), num_classes: int = 10):
    """A small CNN digit classifier (softmax outputs)."""
    import keras
    from keras import layers

    inputs = keras.Input(shape=image_shape)
    h = layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
    h = layers.MaxPooling2D()(h)
    h = layers.Conv2D(32, 3, activation="relu", padding="same")(h)
    h = layers.MaxPooling2D()(h)
    h = layers.Flatten()(h)
    h = layers.Dropout(0.3)(h)
    h = layers.Dense(64, activation="relu")(h)
    outputs = layers.Dense(num_classes, activation="softmax")(h)
    return keras.Model(inputs, outputs, name="recogniser")


def train_recogniser(images, labels, steps: int, batch_size: int = 64, seed: int = 0):
    """Trains a fresh recogniser for exactly ``steps`` gradient steps; returns the model.

    The same ``seed`` gives the same initial weights, whatever the training set.
    """
    import keras

    keras.utils.set_random_seed(seed)
    model = build_recogniser(images.shape[1:], 10)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    idx = _step_indices(len(images), steps, batch_size, np.random.default_rng([seed, 11]))
    model.fit(images[idx], labels[idx], batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    return model


def accuracy(model, images, labels) -> float:
    """The share of ``images`` the model classifies as their ``labels``."""
    predicted = model.predict(images, batch_size=500, verbose=0).argmax(axis=1)
    return float(np.mean(predicted == np.asarray(labels).reshape(-1)))


def train_cgan(images, labels, steps: int, batch_size: int = 64, seed: int = 0):
    """The course's conditional GAN, trained for ``steps`` steps on these images only."""
    from gencourse.models import make_conditional_gan

    cgan = make_conditional_gan(latent_dim=64, num_classes=10, seed=seed)
    idx = _step_indices(len(images), steps, batch_size, np.random.default_rng([seed, 13]))
    cgan.fit(images[idx], labels[idx], batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    return cgan


def nearest_distance(images, reference, batch_size: int = 500) -> np.ndarray:
    """Each image's root-mean-square pixel distance to its nearest image in ``reference``.

    A cGAN that copies its training images gives samples much nearer to them
    than new real digits of the same classes are.
    """
    ref = np.asarray(reference, "float32").reshape(len(reference), -1)
    ref_sq = np.sum(ref**2, axis=1)
    x = np.asarray(images, "float32").reshape(len(images), -1)
    out = np.empty(len(x), "float32")
    for start in range(0, len(x), batch_size):
        part = x[start : start + batch_size]
        d2 = np.sum(part**2, axis=1)[:, None] + ref_sq[None, :] - 2.0 * part @ ref.T
        out[start : start + batch_size] = np.sqrt(np.maximum(d2.min(axis=1), 0.0) / x.shape[1])
    return out
