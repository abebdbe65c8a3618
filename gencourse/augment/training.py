"""Lesson 05's models: the recogniser and the cGAN, trained for a fixed number of steps.

Every arm's recogniser gets the same :class:`Budget` of gradient steps, not
epochs, so that a bigger training set does not also mean more updates.
:func:`nearest_distance` tells whether the cGAN copies its training digits.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

import numpy as np

from gencourse.config import quick_mode


@dataclass(frozen=True)
class Budget:
    """Training sizes. Steps are gradient steps, the same for every arm."""

    recogniser_steps: int = 400
    batch_size: int = 64
    cgan_steps: int = 600
    cgan_batch_size: int = 64
    cvae_steps: int = 600
    cvae_batch_size: int = 64
    cgan_width: int = 64  # both cGANs' generator width; their discriminators' is half
    # Lesson 07's diffusion model as a data maker: its U-Net's first width, the steps (its
    # learning rate falls to zero along a cosine over them), and its DDIM sampling.
    diffusion_steps: int = 1000
    diffusion_batch_size: int = 64
    diffusion_width: int = 8
    diffusion_sample_steps: int = 20
    diffusion_guidance: float = 3.0


#: The grid's recipe (``gencourse augment``): lesson 04's cGAN, 600 maker steps, 400
#: recogniser steps. Fixed in advance (see ``bench/README.md``, "Recipes").
FULL = Budget()
#: Lesson 05's live slice in full mode (n = 10, three seeds, within the lesson's 5 minutes)
#: and its shipped grid: makers right-sized for 100 training digits and 200 recogniser
#: steps. The cGANs' size (half width, 800 steps) was chosen on validation digits and the
#: judge's label agreement at n = 10, seeds 0 and 1, among five sizes that fit the time
#: (``bench/README.md``, "Recipes"); ``bench/right_sized.py`` compares its conclusions with
#: :data:`FULL`'s. Its diffusion maker (the class's defaults, :data:`FULL`'s too): a U-Net of
#: width 8 trained 1,000 steps, sampled with DDIM in 20 steps at guidance 3; fixed in advance
#: by its cost, about a minute per cell on an idle 2-core CPU (training and 100 samples per class).
LESSON = Budget(recogniser_steps=200, cgan_steps=800, cgan_width=32, cvae_steps=400)
QUICK = Budget(
    recogniser_steps=4,
    batch_size=32,
    cgan_steps=2,
    cgan_batch_size=32,
    cvae_steps=2,
    cvae_batch_size=32,
    diffusion_steps=2,
    diffusion_batch_size=32,
    diffusion_sample_steps=2,
)


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


class RecogniserTrainer:
    """One recogniser reused for every arm: reset, trained and scored without retracing.

    A 2-core CPU spent a quarter of the grid's time not on arithmetic but on
    each fresh model's set-up: Keras traces ``fit`` and ``predict`` again for
    every new model (about 1.7 s each here). This keeps one model, one Adam
    and two compiled functions per process: :meth:`reset` puts back the
    initial weights that ``seed`` gives (the same as
    ``keras.utils.set_random_seed(seed); build_recogniser()``), zeroes the
    optimizer and restarts the dropout's random stream; :meth:`fit` then runs
    the steps inside one compiled loop (``tf.function`` over many steps).

    Use :func:`train_recogniser` for a model of one's own; the grid uses
    :func:`recogniser_trainer` and :meth:`fit_score`.
    """

    def __init__(self, image_shape=(28, 28, 1), num_classes: int = 10):
        import keras
        import tensorflow as tf

        self.image_shape = tuple(image_shape)
        self.num_classes = num_classes
        self.model = build_recogniser(self.image_shape, num_classes)
        self.optimizer = keras.optimizers.Adam(1e-3)
        self.optimizer.build(self.model.trainable_variables)
        # Its state at the start (zero moments and step count, and the learning
        # rate, which is one of its variables too), put back by :meth:`reset`.
        self._optimizer_start = [v.numpy() for v in self.optimizer.variables]
        loss_fn = keras.losses.SparseCategoricalCrossentropy()
        model, optimizer = self.model, self.optimizer

        @tf.function(reduce_retracing=True)
        def steps(images, labels):  # (steps, batch, h, w, c), (steps, batch)
            loss = tf.constant(0.0)
            for i in tf.range(tf.shape(images)[0]):
                with tf.GradientTape() as tape:
                    loss = loss_fn(labels[i], model(images[i], training=True))
                weights = model.trainable_variables
                optimizer.apply_gradients(zip(tape.gradient(loss, weights), weights, strict=True))
            return loss

        @tf.function(reduce_retracing=True)
        def probabilities(images):
            return model(images, training=False)

        self._steps, self._probabilities = steps, probabilities

    def reset(self, seed: int) -> None:
        """The initial state a fresh recogniser has under ``seed``: weights, optimizer, dropout."""
        import keras

        keras.utils.set_random_seed(seed)
        fresh = build_recogniser(self.image_shape, self.num_classes)
        # ``variables`` holds the weights and the dropout's seed state, in build order.
        for mine, theirs in zip(self.model.variables, fresh.variables, strict=True):
            mine.assign(theirs)
        for v, start in zip(self.optimizer.variables, self._optimizer_start, strict=True):
            v.assign(start)

    def fit(self, images, labels, steps: int, batch_size: int = 64, seed: int = 0, chunk=100):
        """Resets to ``seed``'s initial state, then exactly ``steps`` steps of ``batch_size``."""
        self.reset(seed)
        idx = _step_indices(len(images), steps, batch_size, np.random.default_rng([seed, 11]))
        images = np.asarray(images, "float32")
        labels = np.asarray(labels).reshape(-1)
        # Chunks of whole steps bound the memory a long run stacks at once.
        for start in range(0, steps, chunk):
            part = idx[start * batch_size : min(steps, start + chunk) * batch_size]
            self._steps(
                images[part].reshape(-1, batch_size, *images.shape[1:]),
                labels[part].reshape(-1, batch_size),
            )
        return self

    def probabilities(self, images, batch_size: int = 1000) -> np.ndarray:
        """The class probabilities of each image, (N, num_classes)."""
        images = np.asarray(images, "float32")
        parts = [
            self._probabilities(images[i : i + batch_size]).numpy()
            for i in range(0, len(images), batch_size)
        ]
        return np.concatenate(parts) if parts else np.zeros((0, self.num_classes), "float32")

    def predict(self, images, batch_size: int = 1000) -> np.ndarray:
        """The predicted class of each image, (N,)."""
        return np.argmax(self.probabilities(images, batch_size), axis=1).astype("int64")

    def score(self, images, labels) -> float:
        """The share of ``images`` classified as their ``labels``."""
        return float(np.mean(self.predict(images) == np.asarray(labels).reshape(-1)))

    def fit_score(self, images, labels, test_images, test_labels, steps, batch_size=64, seed=0):
        """:meth:`fit`, then the held-out accuracy."""
        return self.fit(images, labels, steps, batch_size, seed).score(test_images, test_labels)


_TRAINERS: dict = {}


def recogniser_trainer(image_shape=(28, 28, 1), num_classes: int = 10) -> RecogniserTrainer:
    """The process's :class:`RecogniserTrainer` for this image shape (made once)."""
    key = (tuple(image_shape), int(num_classes))
    if key not in _TRAINERS:
        _TRAINERS[key] = RecogniserTrainer(*key)
    return _TRAINERS[key]


def train_recogniser(images, labels, steps: int, batch_size: int = 64, seed: int = 0):
    """Trains a fresh recogniser for exactly ``steps`` gradient steps; returns the model.

    The same ``seed`` gives the same initial weights, whatever the training set.
    The returned model is the learner's own (a copy of the shared trainer's).
    """
    import keras

    trainer = recogniser_trainer(images.shape[1:], 10)
    trainer.fit(images, labels, steps, batch_size, seed)
    model = build_recogniser(images.shape[1:], 10)
    model.set_weights(trainer.model.get_weights())
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def accuracy(model, images, labels) -> float:
    """The share of ``images`` the model classifies as their ``labels``."""
    predicted = model.predict(images, batch_size=500, verbose=0).argmax(axis=1)
    return float(np.mean(predicted == np.asarray(labels).reshape(-1)))


class StepLoop:
    """One generative model reused for every run: reset to a seed, trained in a compiled loop.

    ``make(seed)`` builds and compiles the model exactly as a fresh run would
    (e.g. :func:`gencourse.models.make_conditional_gan`). The loop keeps one
    such model per process; :meth:`fit` copies in the state a fresh
    ``make(seed)`` has (weights, random streams, optimizers) and runs the
    model's own ``train_step`` over the steps inside one ``tf.function``, so
    the model is traced once per process instead of once per run. The
    numbers are those of ``make(seed).fit(...)`` on the same batches.

    Args:
        make: ``seed -> compiled model``; its optimizers are found as
            ``d_optimizer``/``g_optimizer`` (GANs) or ``optimizer``.
        image_shape: the training images' shape.
    """

    def __init__(self, make, image_shape=(28, 28, 1)):
        import tensorflow as tf

        self.make = make
        self.model = make(0)
        model = self.model

        # One trace for any number of steps and any batch size.
        shape = (None, None, *image_shape)

        @tf.function(
            input_signature=[tf.TensorSpec(shape, "float32"), tf.TensorSpec((None, None), "int64")]
        )
        def steps(images, labels):  # (steps, batch, h, w, c), (steps, batch)
            for i in tf.range(tf.shape(images)[0]):
                model.train_step((images[i], labels[i]))

        self._steps = steps

    @staticmethod
    def _state(model) -> list:
        """Every variable that decides training: the model's, then its optimizers'."""
        names = ("d_optimizer", "g_optimizer") if hasattr(model, "d_optimizer") else ("optimizer",)
        variables = list(model.variables)
        for name in names:
            variables += list(getattr(model, name).variables)
        return variables

    def reset(self, seed: int) -> None:
        """The state ``make(seed)`` starts from."""
        fresh = self.make(seed)
        for mine, theirs in zip(self._state(self.model), self._state(fresh), strict=True):
            mine.assign(theirs)

    def fit(self, images, labels, steps: int, batch_size: int, seed: int, chunk: int = 100):
        """Resets to ``seed``, then exactly ``steps`` steps on the given batch order."""
        self.reset(seed)
        idx = _step_indices(len(images), steps, batch_size, np.random.default_rng([seed, 13]))
        images = np.asarray(images, "float32")
        labels = np.asarray(labels).reshape(-1)
        for start in range(0, steps, chunk):
            part = idx[start * batch_size : min(steps, start + chunk) * batch_size]
            self._steps(
                images[part].reshape(-1, batch_size, *images.shape[1:]),
                labels[part].reshape(-1, batch_size).astype("int64"),
            )
        return self.model

    def copy(self, seed: int):
        """A model of its own with the loop's current state (for a learner to keep)."""
        own = self.make(seed)
        for mine, theirs in zip(self._state(own), self._state(self.model), strict=True):
            mine.assign(theirs)
        return own


_LOOPS: dict = {}


def step_loop(name: str, make, image_shape=(28, 28, 1)) -> StepLoop:
    """The process's :class:`StepLoop` for ``name`` and ``image_shape`` (made once, with ``make``)."""
    key = (name, tuple(image_shape))
    if key not in _LOOPS:
        _LOOPS[key] = StepLoop(make, image_shape)
    return _LOOPS[key]


def _make_cgan(seed, width=64):
    from gencourse.models import make_conditional_gan

    return make_conditional_gan(latent_dim=64, num_classes=10, seed=seed, width=width)


def _train(kind, make, images, labels, steps, batch_size, seed, keep, **options):
    """Trains the process's shared model of ``kind`` (see :func:`train_cgan` for ``keep``).

    ``options`` go to ``make`` (e.g. ``width``); each set of them has a shared model of its own.
    """
    if options:
        kind = kind + "".join(f"-{key}={value}" for key, value in sorted(options.items()))
        make = partial(make, **options)
    loop = step_loop(kind, make, images.shape[1:])
    loop.fit(images, labels, steps, batch_size, seed)
    return loop.copy(seed) if keep else loop.model


def train_cgan(
    images, labels, steps: int, batch_size: int = 64, seed: int = 0, keep=True, width: int = 64
):
    """The course's conditional GAN, trained for ``steps`` steps on these images only.

    ``keep=False`` returns the process's shared model (:class:`StepLoop`),
    which the next call overwrites: the grid uses it and is done with it
    before then. The default returns a model of the caller's own. ``width``: the
    generator's (the discriminator's is half), see :data:`LESSON`.
    """
    return _train("cgan", _make_cgan, images, labels, steps, batch_size, seed, keep, width=width)


def _make_diffaug(seed, width=64):
    from gencourse.models.diffaugment import make_diffaugment_cgan

    return make_diffaugment_cgan(latent_dim=64, num_classes=10, seed=seed, width=width)


def train_diffaug_cgan(
    images, labels, steps: int, batch_size: int = 64, seed: int = 0, keep=True, width: int = 64
):
    """The cGAN of :func:`train_cgan` with DiffAugment (:mod:`gencourse.models.diffaugment`).

    The same networks, optimizers, steps and batches; only what the
    discriminator sees differs. ``keep`` and ``width`` as in :func:`train_cgan`.
    """
    return _train(
        "diffaug", _make_diffaug, images, labels, steps, batch_size, seed, keep, width=width
    )


def _make_cvae(seed):
    from gencourse.models.cvae import make_cvae

    return make_cvae(latent_dim=16, num_classes=10, seed=seed)


def train_cvae(images, labels, steps: int, batch_size: int = 64, seed: int = 0, keep=True):
    """The conditional VAE (:mod:`gencourse.models.cvae`), ``steps`` steps on these images only.

    ``keep`` as in :func:`train_cgan`.
    """
    return _train("cvae", _make_cvae, images, labels, steps, batch_size, seed, keep)


def _make_diffusion(seed, width=8, decay_steps=None, sample_steps=20, guidance=3.0):
    from gencourse.models.diffusion import make_diffusion

    model = make_diffusion(
        width=width,
        seed=seed,
        decay_steps=decay_steps,
        sample_steps=sample_steps,
        guidance=guidance,
        ema_momentum=None,  # StepLoop calls train_step itself: no fit would put an average in
    )
    # Its slots built now, as a fresh model's would be after one step: StepLoop copies them.
    model.optimizer.build(model.network.trainable_weights)
    return model


def train_diffusion(
    images,
    labels,
    steps: int,
    batch_size: int = 64,
    seed: int = 0,
    keep=True,
    width: int = 8,
    sample_steps: int = 20,
    guidance: float = 3.0,
):
    """Lesson 07's conditional diffusion model, ``steps`` steps on these images only.

    Its learning rate falls to zero along a cosine over exactly these ``steps``
    (``make_diffusion(decay_steps=steps)``), so each step count has a shared
    model of its own; its ``generate`` samples with DDIM in ``sample_steps``
    steps at classifier-free ``guidance``. ``keep`` as in :func:`train_cgan`;
    ``width``: the U-Net's first level's channels (:func:`gencourse.models.unet.build_unet`).
    """
    return _train(
        "diffusion",
        _make_diffusion,
        images,
        labels,
        steps,
        batch_size,
        seed,
        keep,
        width=width,
        decay_steps=int(steps),
        sample_steps=sample_steps,
        guidance=float(guidance),
    )


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
