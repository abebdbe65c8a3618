"""The judge: a small CNN digit classifier that :mod:`gencourse.metrics` measures with.

A judge trained on the 4,000 ``mnist5k`` training digits ships with the
package (:func:`load_judge`, its card :func:`judge_card`);
``gencourse rebuild judge`` trains it again (:func:`rebuild_judge`).

    >>> from gencourse.models.judge import load_judge
    >>> judge = load_judge()
    >>> judge.predict(images).argmax(1)  # the digit each image reads as
"""

from __future__ import annotations

import json
from pathlib import Path

import keras
from keras import layers

WEIGHTS = Path(__file__).resolve().parent.parent / "weights"
JUDGE_FILE = WEIGHTS / "judge_mnist5k.weights.h5"
JUDGE_CARD = WEIGHTS / "judge_mnist5k.json"
FEATURES = "features"  # the judge's penultimate layer
REBUILD = "gencourse rebuild judge"


def build_judge(image_shape=(28, 28, 1), num_classes=10) -> keras.Model:
    """A small CNN digit classifier (softmax outputs).

    Three conv blocks, then a 128-unit layer named ``features`` whose outputs
    are the features of :func:`gencourse.metrics.frechet_distance`.
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


def compile_classifier(model: keras.Model) -> keras.Model:
    """Compiles a softmax classifier as the judge is compiled (Adam 1e-3, sparse labels)."""
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
        trainer = compile_classifier(keras.Model(inputs, model(h)))
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
    judge = compile_classifier(build_judge(data.image_shape, data.num_classes))
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
            f"Reinstall gencourse, or rebuild them with `{REBUILD}`."
        )
    judge = compile_classifier(build_judge())
    judge.load_weights(JUDGE_FILE)
    return judge


def rebuild_judge(out=WEIGHTS, epochs: int = 30) -> float:
    """Trains the shipped judge again, writes its weights and card to ``out``; returns its accuracy."""
    from gencourse import data  # noqa: PLC0415  (only the rebuild needs the data)

    out = Path(out)
    digits = data.load("mnist5k", seed=0)
    judge, accuracy = train_judge(digits, epochs=epochs, augment=True, seed=0)
    out.mkdir(parents=True, exist_ok=True)
    judge.save_weights(out / JUDGE_FILE.name)
    card = {
        "data": "mnist5k, seed 0: 4,000 training digits (400 per class)",
        "held_out": "the 1,000 mnist5k held-out digits (100 per class), never trained on",
        "epochs": epochs,
        "augment": "random shifts up to 8% and rotations up to 0.03 turns",
        "held_out_accuracy": round(accuracy, 4),
        "made_by": REBUILD,
    }
    (out / JUDGE_CARD.name).write_text(json.dumps(card, indent=2) + "\n", "utf-8")
    return accuracy
