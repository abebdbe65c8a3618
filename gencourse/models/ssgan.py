"""The semi-supervised GAN of lesson 06 (Salimans et al. 2016, "Improved techniques for training GANs").

The discriminator has K class outputs and no separate "real" output. Its K logits
``l_1, ..., l_K`` say which digit an image is, ``p(y = k | x) = softmax(l)_k``, and
also how real it is: with ``Z(x) = sum_k exp(l_k)`` the probability of "real" is

    D(x) = Z(x) / (Z(x) + 1),

as if a (K+1)-th "fake" class had its logit fixed at 0. In logs, with
``s = logsumexp(l)``: ``log D(x) = s - softplus(s)`` and ``log(1 - D(x)) = -softplus(s)``,
which stay finite for any logits.

It trains on three losses:

- supervised: cross-entropy of the class logits on the few labelled images;
- unsupervised: ``-E log D(x)`` on unlabelled real images plus ``-E log(1 - D(G(z)))``
  on generated ones (each half weighted 1/2);
- feature matching for the generator: the squared distance between the mean of an
  intermediate discriminator layer's features on real and on generated images.

The discriminator is the recogniser: after training, ``classify`` is the argmax of
its logits.
"""

from __future__ import annotations

import keras
import numpy as np
import tensorflow as tf
from keras import layers, ops

# --- losses, written once and used by the model and the checks -------------------------


def real_log_probability(logits):
    """``log D(x)`` and ``log(1 - D(x))`` from K class logits, ``D = Z / (Z + 1)``.

    Args:
        logits: (N, K) class logits.

    Returns:
        ``(log_real, log_fake)``, each of shape (N,).
    """
    s = ops.logsumexp(logits, axis=-1)
    return s - ops.softplus(s), -ops.softplus(s)


def unsupervised_discriminator_loss(real_logits, fake_logits):
    """``0.5 * (-mean log D(x_real) - mean log(1 - D(x_fake)))`` through log-sum-exp.

    Args:
        real_logits: (N, K) class logits on unlabelled real images.
        fake_logits: (M, K) class logits on generated images.

    Returns:
        A scalar tensor.
    """
    log_real, _ = real_log_probability(real_logits)
    _, log_fake = real_log_probability(fake_logits)
    return 0.5 * (-ops.mean(log_real) - ops.mean(log_fake))


def supervised_loss(logits, labels):
    """The mean cross-entropy of the class logits against integer labels."""
    labels = ops.reshape(ops.cast(labels, "int32"), (-1,))
    return ops.mean(keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))


def feature_matching_loss(real_features, fake_features):
    """The mean squared difference between the batch means of real and generated features.

    Args:
        real_features: (N, F) discriminator features on real images.
        fake_features: (M, F) features on generated images.

    Returns:
        A scalar tensor: ``mean_f (mean_i real[i, f] - mean_j fake[j, f])**2``.
    """
    gap = ops.mean(real_features, axis=0) - ops.mean(fake_features, axis=0)
    return ops.mean(ops.square(gap))


# --- networks ----------------------------------------------------------------------------


def build_ssgan_discriminator(
    image_shape=(28, 28, 1), num_classes=10, hidden=(500, 250, 250), noise=(0.3, 0.5)
):
    """Images to ``(class logits, features)``: a dense network with Gaussian noise layers.

    The features are the last hidden layer's activations (what feature matching compares).
    ``noise`` is the standard deviation of the Gaussian noise added, in training only, to
    the input and to each hidden layer's input (Salimans et al. use 0.3 and 0.5).
    """
    images = keras.Input(shape=image_shape, name="images")
    x = layers.Flatten()(images)
    x = layers.GaussianNoise(noise[0])(x)
    for i, units in enumerate(hidden):
        if i:
            x = layers.GaussianNoise(noise[1])(x)
        x = layers.Dense(units)(x)
        x = layers.LeakyReLU(0.2)(x)
    features = x
    logits = layers.Dense(num_classes, name="class_logits")(layers.GaussianNoise(noise[1])(x))
    return keras.Model(images, [logits, features], name="ssgan_discriminator")


def build_ssgan_conv_discriminator(image_shape=(28, 28, 1), num_classes=10, width=32, dropout=0.3):
    """Images to ``(class logits, features)``: a small convolutional network with dropout.

    Four 3x3 convolutions (two of them strided), then global average pooling; the pooled
    ``2 * width`` activations are the features that feature matching compares.
    """
    images = keras.Input(shape=image_shape, name="images")
    x = layers.GaussianNoise(0.15)(images)
    for filters, strides in ((width, 1), (width, 2), (2 * width, 1), (2 * width, 2)):
        x = layers.Conv2D(filters, 3, strides=strides, padding="same")(x)
        x = layers.LeakyReLU(0.2)(x)
        if strides == 2:
            x = layers.Dropout(dropout)(x)
    x = layers.Conv2D(2 * width, 3, padding="valid")(x)
    x = layers.LeakyReLU(0.2)(x)
    features = layers.GlobalAveragePooling2D()(x)
    logits = layers.Dense(num_classes, name="class_logits")(features)
    return keras.Model(images, [logits, features], name="ssgan_conv_discriminator")


def build_ssgan_generator(latent_dim=100, image_shape=(28, 28, 1), hidden=(500, 500)):
    """Noise to images in [0, 1]: dense layers with batch normalisation (as in the paper)."""
    noise = keras.Input(shape=(latent_dim,), name="noise")
    x = noise
    for units in hidden:
        x = layers.Dense(units, use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        x = layers.Activation("softplus")(x)
    x = layers.Dense(int(np.prod(image_shape)), activation="sigmoid")(x)
    return keras.Model(noise, layers.Reshape(image_shape)(x), name="ssgan_generator")


# --- the model ---------------------------------------------------------------------------


@keras.saving.register_keras_serializable(package="gencourse")
class SemiSupervisedGAN(keras.Model):
    """A K-class discriminator (the recogniser) and a generator trained by feature matching.

    ``fit`` takes batches ``(labelled_images, labels, unlabelled_images)``; see
    :func:`semi_supervised_batches`.

    Args:
        generator: noise (N, latent_dim) to images.
        discriminator: images to ``(logits (N, K), features (N, F))``.
        latent_dim: the noise size.
        unsupervised_weight: the weight of the unsupervised loss in the discriminator's loss.
        label_shift: 0, or classic augmentation of the labelled images: each is moved by a
            random whole number of pixels in ``-label_shift..label_shift`` each way, the
            background shifted in, at every step (the unlabelled ones are used as they are).
        seed: an int for reproducible noise, or None.
    """

    def __init__(
        self,
        generator,
        discriminator,
        latent_dim,
        unsupervised_weight=1.0,
        seed=None,
        label_shift=0,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if not isinstance(latent_dim, int) or latent_dim < 1:
            raise ValueError(
                f"latent_dim must be a positive int. Received: latent_dim={latent_dim!r}"
            )
        if not float(unsupervised_weight) >= 0.0:
            raise ValueError(
                "unsupervised_weight must be >= 0. "
                f"Received: unsupervised_weight={unsupervised_weight!r}"
            )
        if not isinstance(label_shift, int) or label_shift < 0:
            raise ValueError(
                f"label_shift must be an int >= 0. Received: label_shift={label_shift!r}"
            )
        self.generator = generator
        self.discriminator = discriminator
        self.label_shift = label_shift
        self.latent_dim = latent_dim
        self.unsupervised_weight = float(unsupervised_weight)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)
        self.trackers = {
            name: keras.metrics.Mean(name=name)
            for name in ("supervised_loss", "unsupervised_loss", "feature_loss", "train_accuracy")
        }

    def compile(self, d_optimizer=None, g_optimizer=None, **kwargs):
        super().compile(**kwargs)
        self.d_optimizer = d_optimizer or keras.optimizers.Adam(1e-3, beta_1=0.5)
        self.g_optimizer = g_optimizer or keras.optimizers.Adam(1e-3, beta_1=0.5)

    @property
    def metrics(self):
        return list(self.trackers.values())

    def call(self, images, training=False):
        return self.discriminator(images, training=training)[0]

    def _noise(self, n):
        return keras.random.normal((n, self.latent_dim), seed=self.seed_generator)

    def train_step(self, data):
        labelled, labels, unlabelled = data
        if self.label_shift:
            from gencourse.models.diffaugment import translate

            labelled = translate(labelled, self.label_shift, 0.0, self.seed_generator)
        if self.unsupervised_weight == 0.0:
            return self._supervised_step(labelled, labels)
        n = ops.shape(unlabelled)[0]
        d_weights = self.discriminator.trainable_weights
        with tf.GradientTape() as tape:
            fake = self.generator(self._noise(n), training=True)
            lab_logits, _ = self.discriminator(labelled, training=True)
            unl_logits, _ = self.discriminator(unlabelled, training=True)
            fake_logits, _ = self.discriminator(ops.stop_gradient(fake), training=True)
            sup = supervised_loss(lab_logits, labels)
            unsup = unsupervised_discriminator_loss(unl_logits, fake_logits)
            d_loss = sup + self.unsupervised_weight * unsup
        self.d_optimizer.apply(tape.gradient(d_loss, d_weights), d_weights)

        g_weights = self.generator.trainable_weights
        with tf.GradientTape() as tape:
            fake = self.generator(self._noise(n), training=True)
            _, fake_features = self.discriminator(fake, training=True)
            _, real_features = self.discriminator(unlabelled, training=True)
            g_loss = feature_matching_loss(ops.stop_gradient(real_features), fake_features)
        self.g_optimizer.apply(tape.gradient(g_loss, g_weights), g_weights)

        predicted = ops.cast(ops.argmax(lab_logits, axis=-1), "int32")
        right = ops.cast(predicted == ops.reshape(ops.cast(labels, "int32"), (-1,)), "float32")
        for name, value in (
            ("supervised_loss", sup),
            ("unsupervised_loss", unsup),
            ("feature_loss", g_loss),
            ("train_accuracy", ops.mean(right)),
        ):
            self.trackers[name].update_state(value)
        return {name: tracker.result() for name, tracker in self.trackers.items()}

    def _supervised_step(self, labelled, labels):
        """The ablation's step (``unsupervised_weight == 0``): the labelled loss alone.

        The unsupervised loss and the generator do not reach the discriminator's
        gradient then, so they are not computed (about a fifth of the full step's work).
        """
        d_weights = self.discriminator.trainable_weights
        with tf.GradientTape() as tape:
            lab_logits, _ = self.discriminator(labelled, training=True)
            sup = supervised_loss(lab_logits, labels)
        self.d_optimizer.apply(tape.gradient(sup, d_weights), d_weights)
        predicted = ops.cast(ops.argmax(lab_logits, axis=-1), "int32")
        right = ops.cast(predicted == ops.reshape(ops.cast(labels, "int32"), (-1,)), "float32")
        self.trackers["supervised_loss"].update_state(sup)
        self.trackers["train_accuracy"].update_state(ops.mean(right))
        return {name: tracker.result() for name, tracker in self.trackers.items()}

    def classify(self, images, batch_size=1000) -> np.ndarray:
        """The recogniser's digit for each image: the argmax of the class logits."""
        out = [
            np.argmax(
                ops.convert_to_numpy(self(np.asarray(images[i : i + batch_size], "float32"))),
                axis=-1,
            )
            for i in range(0, len(images), batch_size)
        ]
        return np.concatenate(out)

    def generate(self, n, seed=None) -> np.ndarray:
        """``n`` images from the generator (reproducible with ``seed``)."""
        noise = np.random.default_rng(seed).standard_normal((n, self.latent_dim)).astype("float32")
        return ops.convert_to_numpy(self.generator(noise, training=False))

    def get_config(self):
        config = super().get_config()
        config.update(
            generator=keras.saving.serialize_keras_object(self.generator),
            discriminator=keras.saving.serialize_keras_object(self.discriminator),
            latent_dim=self.latent_dim,
            unsupervised_weight=self.unsupervised_weight,
            seed=self.seed,
            label_shift=self.label_shift,
        )
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        for key in ("generator", "discriminator"):
            config[key] = keras.saving.deserialize_keras_object(config[key])
        return cls(**config)


def semi_supervised_batches(
    labelled, labels, unlabelled, batch_size=100, labelled_batch=None, seed=0
):
    """An endless ``tf.data`` stream of ``(labelled, labels, unlabelled)`` batches.

    The few labelled images are drawn again and again (shuffled each pass), the
    unlabelled ones in shuffled passes; ``labelled_batch`` defaults to ``batch_size``.
    """
    labelled = np.asarray(labelled, "float32")
    labels = np.asarray(labels).reshape(-1).astype("int32")
    unlabelled = np.asarray(unlabelled, "float32")
    if len(labelled) != len(labels):
        raise ValueError(
            f"Need one label per labelled image. Received: {len(labelled)} images and "
            f"{len(labels)} labels."
        )
    labelled_batch = labelled_batch or batch_size
    lab = (
        tf.data.Dataset.from_tensor_slices((labelled, labels))
        .repeat()
        .shuffle(len(labels), seed=seed)
        .batch(labelled_batch, drop_remainder=True)
    )
    unl = (
        tf.data.Dataset.from_tensor_slices(unlabelled)
        .shuffle(len(unlabelled), seed=seed + 1, reshuffle_each_iteration=True)
        .repeat()
        .batch(batch_size, drop_remainder=True)
    )
    return tf.data.Dataset.zip(lab, unl).map(lambda a, b: (a[0], a[1], b)).prefetch(2)


def make_ssgan(
    image_shape=(28, 28, 1),
    num_classes=10,
    latent_dim=100,
    seed=None,
    lr=1e-3,
    conv=False,
    label_shift=0,
    decay_steps=None,
    unsupervised_weight=1.0,
    hidden=(500, 250, 250),
):
    """The lesson's semi-supervised GAN, compiled (Adam, beta_1 = 0.5, for both networks).

    ``conv=True`` uses :func:`build_ssgan_conv_discriminator` instead of the dense one.
    ``label_shift`` as in :class:`SemiSupervisedGAN`. ``decay_steps``: None for a fixed
    learning rate, or the number of steps over which it falls linearly from ``lr`` to
    nearly 0 (a GAN's last steps then settle instead of jumping about).
    ``unsupervised_weight`` as in :class:`SemiSupervisedGAN` (0: labels only).
    ``hidden``: the dense discriminator's hidden layer sizes (not with ``conv``).
    """
    if decay_steps is not None and (not isinstance(decay_steps, int) or decay_steps < 1):
        raise ValueError(
            f"decay_steps must be None or a positive int. Received: decay_steps={decay_steps!r}"
        )
    if seed is not None:
        keras.utils.set_random_seed(seed)
    if conv:
        discriminator = build_ssgan_conv_discriminator(image_shape, num_classes)
    else:
        discriminator = build_ssgan_discriminator(image_shape, num_classes, tuple(hidden))
    model = SemiSupervisedGAN(
        build_ssgan_generator(latent_dim, image_shape),
        discriminator,
        latent_dim=latent_dim,
        seed=seed,
        label_shift=label_shift,
        unsupervised_weight=unsupervised_weight,
    )

    def rate():
        if decay_steps is None:
            return lr
        return keras.optimizers.schedules.PolynomialDecay(lr, decay_steps, lr * 1e-3)

    model.compile(
        d_optimizer=keras.optimizers.Adam(rate(), beta_1=0.5),
        g_optimizer=keras.optimizers.Adam(rate(), beta_1=0.5),
    )
    return model


def train_ssgan(model, labelled, labels, unlabelled, steps, batch_size=100, seed=0, chunk=500):
    """Exactly ``steps`` training steps of ``model`` in a compiled loop; returns the model.

    Each step draws ``batch_size`` labelled and ``batch_size`` unlabelled images at
    random (with replacement; the labelled ones repeat, as there are few). The loop
    runs ``chunk`` steps per call of one ``tf.function``, so that a 2-core CPU spends
    its time on the arithmetic rather than on Python (``fit`` on
    :func:`semi_supervised_batches` gives the same kind of training, more slowly).
    """
    for name, value in (("steps", steps), ("batch_size", batch_size), ("chunk", chunk)):
        if not isinstance(value, int | np.integer) or value < 1:
            raise ValueError(f"{name} must be a positive int. Received: {name}={value!r}")
    labelled = tf.constant(np.asarray(labelled, "float32"))
    labels = tf.constant(np.asarray(labels).reshape(-1).astype("int32"))
    unlabelled = tf.constant(np.asarray(unlabelled, "float32"))
    if labelled.shape[0] != labels.shape[0] or labelled.shape[0] == 0 or unlabelled.shape[0] == 0:
        raise ValueError(
            "Need at least one labelled image, one label per labelled image, and at least one "
            f"unlabelled image. Received: {labelled.shape[0]} labelled images, "
            f"{labels.shape[0]} labels, {unlabelled.shape[0]} unlabelled images."
        )

    @tf.function
    def run(lab_idx, unl_idx):
        for i in tf.range(tf.shape(lab_idx)[0]):
            model.train_step(
                (
                    tf.gather(labelled, lab_idx[i]),
                    tf.gather(labels, lab_idx[i]),
                    tf.gather(unlabelled, unl_idx[i]),
                )
            )

    rng = np.random.default_rng([int(seed), 17])
    for start in range(0, steps, chunk):
        k = min(chunk, steps - start)
        run(
            tf.constant(rng.integers(0, labelled.shape[0], (k, batch_size))),
            tf.constant(rng.integers(0, unlabelled.shape[0], (k, batch_size))),
        )
    return model
