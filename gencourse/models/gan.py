"""The GAN of lesson 03, and the networks, losses and training step that lesson 04's builds on.

One training step follows the game as the lessons tell it:

1. N noise vectors give N fake images.
2. They are mixed with N real images (real labelled 1, fake 0) and the
   discriminator takes one step on the mixed batch.
3. A fresh batch of N noise vectors goes through the generator, and the
   generator takes one step so that the discriminator calls its images real
   (the non-saturating loss, -log D(G(z))). Only the generator's weights move.

The conditional GAN of lesson 04 (:mod:`gencourse.models.cgan`) is this GAN
with the digit class given to both networks: :func:`build_generator` and
:func:`build_discriminator` build its networks when given ``num_classes``
(through :class:`OneHot`), and its model subclasses :class:`GAN`.

The networks output logits; the loss functions below accept logits
(``from_logits=True``, what the models use) or probabilities D(x) in (0, 1)
(what the exercises use, clipped to [1e-7, 1 - 1e-7] before the log).

The networks are small on purpose: on a 2-core CPU the conditional GAN gives
digits that a classifier reads as their label within a few minutes.
"""

from __future__ import annotations

import keras
import numpy as np
from keras import layers, ops

from gencourse.models import distribute

_EPS = 1e-7


# --- losses and batches, written once and used by the models and the checks --------


def _bce(targets, outputs, from_logits):
    """Element-wise binary cross-entropy of ``outputs`` against 0/1 ``targets``."""
    if from_logits:
        # log(1 + exp(-|l|)) + max(l, 0) - l * t: stable for large logits.
        return ops.softplus(-ops.abs(outputs)) + ops.relu(outputs) - outputs * targets
    p = ops.clip(outputs, _EPS, 1.0 - _EPS)
    return -(targets * ops.log(p) + (1.0 - targets) * ops.log(1.0 - p))


def discriminator_loss(real_output, fake_output, from_logits=True):
    """Binary cross-entropy over the mixed batch: real labelled 1, fake labelled 0.

    The mean runs over all 2N outputs of the mixed batch, so with N real and
    N fake outputs it equals 0.5 * (mean(-log D(x)) + mean(-log(1 - D(G(z))))).

    Args:
        real_output: (N, 1) or (N,) discriminator outputs on real images.
        fake_output: (M, 1) or (M,) outputs on generated images.
        from_logits: True for logits, False for probabilities D(x).

    Returns:
        A scalar tensor.
    """
    real_output = ops.reshape(ops.convert_to_tensor(real_output, "float32"), (-1,))
    fake_output = ops.reshape(ops.convert_to_tensor(fake_output, "float32"), (-1,))
    outputs = ops.concatenate([real_output, fake_output])
    targets = ops.concatenate([ops.ones_like(real_output), ops.zeros_like(fake_output)])
    return ops.mean(_bce(targets, outputs, from_logits))


def generator_loss(fake_output, from_logits=True):
    """The non-saturating generator loss: mean(-log D(G(z))) (a scalar).

    The generator wants the discriminator to call its images real (label 1).
    The saturating form mean(log(1 - D(G(z)))) has the same optimum but almost
    no gradient early on, when D easily rejects the fakes.
    """
    fake_output = ops.reshape(ops.convert_to_tensor(fake_output, "float32"), (-1,))
    return ops.mean(_bce(ops.ones_like(fake_output), fake_output, from_logits))


def mixed_batch(real_images, fake_images):
    """Stacks real then fake images, with targets 1 for real and 0 for fake.

    Returns:
        ``(images, targets)``: (N + M, ...) images and (N + M, 1) float targets.
    """
    real_images = ops.convert_to_tensor(real_images, "float32")
    fake_images = ops.convert_to_tensor(fake_images, "float32")
    images = ops.concatenate([real_images, fake_images], axis=0)
    targets = ops.concatenate(
        [
            ops.ones((ops.shape(real_images)[0], 1), "float32"),
            ops.zeros((ops.shape(fake_images)[0], 1), "float32"),
        ],
        axis=0,
    )
    return images, targets


# --- networks ---------------------------------------------------------------------


@keras.saving.register_keras_serializable(package="gencourse")
class OneHot(layers.Layer):
    """Integer labels (N,) or (N, 1) to one-hot vectors (N, num_classes)."""

    def __init__(self, num_classes, **kwargs):
        super().__init__(**kwargs)
        self.num_classes = int(num_classes)

    def call(self, labels):
        labels = ops.cast(ops.reshape(labels, (-1,)), "int32")
        return ops.one_hot(labels, self.num_classes, dtype=self.compute_dtype)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.num_classes)

    def get_config(self):
        return {**super().get_config(), "num_classes": self.num_classes}


def _check_sizes(latent_dim, image_shape, num_classes):
    if not isinstance(latent_dim, int) or latent_dim < 1:
        raise ValueError(f"latent_dim must be a positive int. Received: latent_dim={latent_dim!r}")
    if len(image_shape) != 3 or image_shape[0] % 4 or image_shape[1] % 4:
        raise ValueError(
            "image_shape must be (height, width, channels) with height and width divisible "
            f"by 4. Received: image_shape={image_shape!r}"
        )
    if num_classes is not None and (not isinstance(num_classes, int) or num_classes < 2):
        raise ValueError(
            f"num_classes must be None or an int >= 2. Received: num_classes={num_classes!r}"
        )


def build_generator(latent_dim=64, image_shape=(28, 28, 1), num_classes=None, width=64):
    """Noise (and, with ``num_classes``, an integer label) to images in [0, 1].

    Dense to a (h/4, w/4, 2*width) map, then two strided transposed convolutions.
    """
    _check_sizes(latent_dim, image_shape, num_classes)
    h, w, c = image_shape
    noise = keras.Input(shape=(latent_dim,), name="noise")
    inputs, x = [noise], noise
    if num_classes:
        label = keras.Input(shape=(1,), dtype="int32", name="label")
        inputs.append(label)
        x = layers.Concatenate()([noise, OneHot(num_classes)(label)])
    x = layers.Dense((h // 4) * (w // 4) * 2 * width)(x)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.Reshape((h // 4, w // 4, 2 * width))(x)
    x = layers.Conv2DTranspose(width, 4, strides=2, padding="same")(x)
    x = layers.LeakyReLU(0.2)(x)
    images = layers.Conv2DTranspose(c, 4, strides=2, padding="same", activation="sigmoid")(x)
    name = "conditional_generator" if num_classes else "generator"
    return keras.Model(inputs if num_classes else noise, images, name=name)


def build_discriminator(
    image_shape=(28, 28, 1), num_classes=None, width=32, dropout=0.3, hidden=None
):
    """Images (and, with ``num_classes``, labels) to one logit: real or fake.

    Two strided convolutions; the one-hot label joins the image features before
    the last dense layers, so the output judges the (image, label) pair.

    Args:
        dropout: the dropout rate on the convolutions' features.
        hidden: the units of a dense layer (with a leaky ReLU) between the
            features and the logit. With ``num_classes`` it is always there
            (128 units unless given), where the label joins in; without,
            None (the default) leaves it out.
    """
    _check_sizes(1, image_shape, num_classes)
    if hidden is not None and (
        isinstance(hidden, bool) or not isinstance(hidden, int) or hidden < 1
    ):
        raise ValueError(f"hidden must be None or a positive int. Received: hidden={hidden!r}")
    if isinstance(dropout, bool) or not isinstance(dropout, int | float) or not 0 <= dropout < 1:
        raise ValueError(f"dropout must be a rate in [0, 1). Received: dropout={dropout!r}")
    images = keras.Input(shape=image_shape, name="images")
    inputs = [images]
    x = layers.Conv2D(width, 4, strides=2, padding="same")(images)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.Conv2D(2 * width, 4, strides=2, padding="same")(x)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.Flatten()(x)
    x = layers.Dropout(dropout)(x)
    if num_classes:
        label = keras.Input(shape=(1,), dtype="int32", name="label")
        inputs.append(label)
        x = layers.Concatenate()([x, OneHot(num_classes)(label)])
        hidden = hidden or 128
    if hidden:
        x = layers.Dense(hidden)(x)
        x = layers.LeakyReLU(0.2)(x)
    logit = layers.Dense(1, name="logit")(x)
    name = "conditional_discriminator" if num_classes else "discriminator"
    return keras.Model(inputs if num_classes else images, logit, name=name)


def build_toy_generator(latent_dim=2, data_dim=1, hidden=32):
    """A small MLP generator for toy 1-D or 2-D data."""
    noise = keras.Input(shape=(latent_dim,))
    x = layers.Dense(hidden, activation="relu")(noise)
    x = layers.Dense(hidden, activation="relu")(x)
    return keras.Model(noise, layers.Dense(data_dim)(x), name="toy_generator")


def build_toy_discriminator(data_dim=1, hidden=32):
    """A small MLP discriminator (one logit) for toy 1-D or 2-D data."""
    points = keras.Input(shape=(data_dim,))
    x = layers.Dense(hidden, activation="relu")(points)
    x = layers.Dense(hidden, activation="relu")(x)
    return keras.Model(points, layers.Dense(1)(x), name="toy_discriminator")


# --- models -----------------------------------------------------------------------


class _Holder:
    """A plain box for a model that Keras must not track."""

    model = None


@keras.saving.register_keras_serializable(package="gencourse")
class GAN(keras.Model):
    """A generator and a discriminator trained against each other.

    Args:
        generator: a Keras model from noise (N, latent_dim) to samples.
        discriminator: a Keras model from samples to one logit each.
        latent_dim: the noise size.
        train_generator: False freezes the generator (the discriminator alone
            learns), used to measure the optimal discriminator D*.
        seed: an int for reproducible noise, or None.
        ema: None, or a decay d in [0, 1): after every training step an
            exponential moving average of the generator's weights is updated,
            ``average = d * average + (1 - d) * weights`` (starting from the
            initial weights), and :meth:`generate` samples with the averaged
            weights. The average smooths out the last steps' back-and-forth of
            the game; it is never trained on and changes nothing in training.
        real_target: the discriminator's target for real images (1 by default).
            A value a little below 1, such as 0.9, is one-sided label
            smoothing: the discriminator is never pushed to be fully sure that
            an image is real, which keeps its gradients for the generator
            useful. Fakes keep the target 0.

    Example:
        >>> gan = GAN(build_generator(64), build_discriminator(), latent_dim=64, seed=0)
        >>> gan.compile(d_optimizer=keras.optimizers.Adam(1e-3, beta_1=0.5),
        ...             g_optimizer=keras.optimizers.Adam(1e-3, beta_1=0.5))
        >>> gan.fit(images, epochs=10, batch_size=64)
    """

    def __init__(
        self,
        generator,
        discriminator,
        latent_dim,
        train_generator=True,
        seed=None,
        ema=None,
        real_target=1.0,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if isinstance(real_target, bool) or not 0.5 < float(real_target) <= 1.0:
            raise ValueError(
                f"real_target must lie in (0.5, 1]. Received: real_target={real_target!r}"
            )
        self.real_target = float(real_target)
        if ema is not None and (
            not isinstance(ema, int | float) or isinstance(ema, bool) or not 0.0 <= ema < 1.0
        ):
            raise ValueError(f"ema must be None or a decay in [0, 1). Received: ema={ema!r}")
        if not isinstance(latent_dim, int) or latent_dim < 1:
            raise ValueError(
                f"latent_dim must be a positive int. Received: latent_dim={latent_dim!r}"
            )
        if seed is not None and not isinstance(seed, int):
            raise ValueError(f"seed must be an int or None. Received: seed={seed!r}")
        self.generator = generator
        self.discriminator = discriminator
        self.latent_dim = latent_dim
        self.train_generator = bool(train_generator)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)
        self.ema = None if ema is None else float(ema)
        # The moving average, one variable per generator weight (also the batch
        # statistics of any normalisation layer), starting from the weights now.
        # ONLY_FIRST_REPLICA: under a tf.distribute strategy every replica holds
        # the same generator weights, so the first one's average is kept.
        self.ema_weights = [
            keras.Variable(  # a copy: a variable given a variable would share it
                ops.convert_to_numpy(w),
                dtype=w.dtype,
                trainable=False,
                aggregation="only_first_replica",
                name=f"ema_{i}",
            )
            for i, w in enumerate(generator.weights if ema is not None else [])
        ]
        # A copy of the generator that holds the average, made on demand (kept in a
        # plain holder so that Keras does not count its weights as the GAN's).
        self._sampler = _Holder()
        self.trackers = {
            name: keras.metrics.Mean(name=name)
            for name in ("d_loss", "g_loss", "d_real", "d_fake", *self._extra_trackers())
        }
        self.built = True

    def _extra_trackers(self):
        return ()

    def compile(self, d_optimizer=None, g_optimizer=None, **kwargs):
        """Two optimizers, one per network (Adam(1e-3, beta_1=0.5) each by default)."""
        super().compile(**kwargs)
        self.d_optimizer = d_optimizer or keras.optimizers.Adam(1e-3, beta_1=0.5)
        self.g_optimizer = g_optimizer or keras.optimizers.Adam(1e-3, beta_1=0.5)
        # Create the optimizers' slots now: under a tf.distribute strategy they
        # cannot be created lazily inside the replicated training step.
        self.d_optimizer.build(self.discriminator.trainable_variables)
        self.g_optimizer.build(self.generator.trainable_variables)

    @property
    def metrics(self):
        return list(self.trackers.values())

    def call(self, noise, training=False):
        return self.generator(noise, training=training)

    def _noise(self, n):
        return keras.random.normal((n, self.latent_dim), seed=self.seed_generator)

    def _step(self, network, optimizer, loss_fn):
        """One gradient step on ``network``'s weights only; returns the loss."""
        import tensorflow as tf  # the training step needs a gradient tape

        with tf.GradientTape() as tape:
            loss = loss_fn()
            # Under a tf.distribute strategy the replicas' gradients are summed.
            scaled = distribute.scale_loss(loss)
        weights = network.trainable_weights
        optimizer.apply_gradients(zip(tape.gradient(scaled, weights), weights, strict=True))
        return loss

    def discriminator_batch(self, real, noise=None):
        """The mixed batch of one discriminator step: (images, targets).

        ``noise`` (N, latent_dim) gives the N fakes; by default it is drawn.
        """
        n = ops.shape(real)[0]
        noise = self._noise(n) if noise is None else noise
        fake = self.generator(noise, training=False)  # 1. N fakes
        return mixed_batch(real, fake)  # 2. N real (1) then N fake (0)

    def _train_discriminator(self, inputs, targets):
        """One step of the discriminator on a mixed batch; returns (loss, D's probabilities)."""
        logits = []
        if self.real_target != 1.0:  # real images' targets 1 -> real_target; fakes stay 0
            targets = targets * self.real_target

        def loss_fn():
            logits.append(self.discriminator(inputs, training=True))
            return ops.mean(_bce(targets, ops.reshape(logits[-1], (-1, 1)), True))

        loss = self._step(self.discriminator, self.d_optimizer, loss_fn)
        return loss, ops.sigmoid(ops.reshape(logits[-1], (-1,)))

    def _train_generator(self, loss_fn):
        """One step of the generator on ``loss_fn`` (only measured when it is frozen)."""
        if not self.train_generator:
            return loss_fn()
        return self._step(self.generator, self.g_optimizer, loss_fn)

    def discriminator_step(self, real, noise=None):
        """One step of the discriminator only; returns (loss, D's probabilities on the batch)."""
        return self._train_discriminator(*self.discriminator_batch(real, noise))

    def generator_step(self, n, noise=None):
        """One step of the generator only, on fresh noise; returns the loss."""
        noise = self._noise(n) if noise is None else noise
        return self._train_generator(
            lambda: generator_loss(self.discriminator(self.generator(noise, training=True)))
        )

    def train_step(self, data):
        real = data[0] if isinstance(data, tuple | list) else data
        n = ops.shape(real)[0]
        d_loss, d_prob = self.discriminator_step(real)
        g_loss = self.generator_step(n)  # 3. fresh noise; only the generator learns
        self.update_ema()
        return self._update(d_loss, g_loss, d_prob[:n], d_prob[n:])

    def update_ema(self):
        """One step of the moving average (``train_step`` calls it; nothing without ``ema``)."""
        if self.ema is None or not self.train_generator:
            return
        for average, weight in zip(self.ema_weights, self.generator.weights, strict=True):
            average.assign(self.ema * average + (1.0 - self.ema) * ops.cast(weight, average.dtype))

    @property
    def ema_generator(self):
        """A copy of the generator that holds the averaged weights (None without ``ema``).

        The copy is refreshed from the average at every access, so it always
        shows the average as it is now; training never changes the copy itself.
        """
        if self.ema is None:
            return None
        if self._sampler.model is None:
            self._sampler.model = keras.models.clone_model(self.generator)
        self._sampler.model.set_weights([ops.convert_to_numpy(v) for v in self.ema_weights])
        return self._sampler.model

    def _update(self, d_loss, g_loss, d_real, d_fake, **extra):
        values = {"d_loss": d_loss, "g_loss": g_loss, "d_real": d_real, "d_fake": d_fake, **extra}
        for name, value in values.items():
            self.trackers[name].update_state(value)
        return {name: tracker.result() for name, tracker in self.trackers.items()}

    def noise(self, n, seed=None):
        """The (n, latent_dim) noise vectors behind ``generate(n, seed=seed)``.

        ``generate`` and the widgets both draw their noise here, so a seed names
        the same vectors everywhere. Unlike the training step's noise (Keras'
        seed generator, a fresh draw every step), the same seed always gives the
        same vectors; None gives fresh ones.

        Raises:
            ValueError: for an ``n`` or a ``seed`` that is not an int >= 0.

        Example:
            >>> images = gan.generator(gan.noise(4, seed=1))  # = gan.generate(4, seed=1)
        """
        if not isinstance(n, int | np.integer) or n < 0:
            raise ValueError(f"n must be an int >= 0. Received: n={n!r}")
        if seed is not None and (not isinstance(seed, int | np.integer) or seed < 0):
            raise ValueError(f"seed must be None or an int >= 0. Received: seed={seed!r}")
        return np.random.default_rng(seed).normal(size=(int(n), self.latent_dim)).astype("float32")

    def generate(self, n, seed=None, batch_size=512, use_ema=True):
        """``n`` generated samples as a NumPy array; the same ``seed`` gives the same samples.

        With ``ema`` set, the averaged weights make them, unless ``use_ema=False``
        (the generator's own weights after the last step, as without ``ema``).
        """
        network = self.ema_generator if use_ema and self.ema is not None else self.generator
        return network.predict(self.noise(n, seed), batch_size=batch_size, verbose=0)

    def get_config(self):
        return {
            **super().get_config(),
            "generator": keras.saving.serialize_keras_object(self.generator),
            "discriminator": keras.saving.serialize_keras_object(self.discriminator),
            "latent_dim": self.latent_dim,
            "train_generator": self.train_generator,
            "seed": self.seed,
            "ema": self.ema,
            "real_target": self.real_target,
        }

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        for key in ("generator", "discriminator"):
            config[key] = keras.saving.deserialize_keras_object(config[key])
        return cls(**config)


def make_gan(
    latent_dim=64,
    image_shape=(28, 28, 1),
    seed=None,
    strategy=None,
    ema=None,
    real_target=1.0,
    discriminator_width=32,
    generator_learning_rate=1e-3,
    discriminator_hidden=None,
    discriminator_dropout=0.3,
):
    """The lesson's digit GAN, compiled with Adam(beta_1=0.5) for both networks.

    The discriminator's learning rate is 1e-3; the generator's is
    ``generator_learning_rate`` (1e-3 by default).

    Args:
        strategy: a ``tf.distribute.Strategy`` to build and train under (e.g.
            ``tf.distribute.MirroredStrategy()`` for every visible GPU), or None
            for the default device. See :mod:`gencourse.models.distribute`.
        ema, real_target: as in :class:`GAN` (the defaults leave both out).
        discriminator_width: the filters of the discriminator's first
            convolution (the second has twice as many).
        discriminator_hidden, discriminator_dropout: ``hidden`` and
            ``dropout`` of :func:`build_discriminator` (None and 0.3 by default).
    """
    if seed is not None:
        keras.utils.set_random_seed(seed)
    with distribute.scope(strategy):
        gan = GAN(
            build_generator(latent_dim, image_shape),
            build_discriminator(
                image_shape,
                width=discriminator_width,
                dropout=discriminator_dropout,
                hidden=discriminator_hidden,
            ),
            latent_dim=latent_dim,
            seed=seed,
            ema=ema,
            real_target=real_target,
        )
        gan.compile(
            d_optimizer=keras.optimizers.Adam(1e-3, beta_1=0.5),
            g_optimizer=keras.optimizers.Adam(generator_learning_rate, beta_1=0.5),
        )
    return gan


def load_gan(path):
    """Loads a saved GAN or ConditionalGAN (compile it again to go on training)."""
    return keras.models.load_model(path, compile=False)
