"""A conditional VAE (CVAE): lesson 02's VAE with the digit's label in the encoder and the decoder.

The encoder reads the image together with its one-hot label and returns the
mean and log-variance of q(z | x, y); the decoder maps (z, y) back to pixel
probabilities. Because the decoder is told the label, the latent code need
not carry it: after training, z ~ N(0, I) with any label y gives a digit of
class y, which is what lesson 05 needs from a data maker. The loss is lesson
02's own (:func:`gencourse.models.vae.reconstruction_loss` plus ``beta``
times :func:`gencourse.models.vae.kl_divergence`), with the same
reparameterisation (:class:`gencourse.models.vae.Sampling`).

Dense layers, as in lesson 02: on a CPU they train many times faster than
convolutional ones.
"""

from __future__ import annotations

import keras
import numpy as np
from keras import layers, ops

from gencourse.models.gan import OneHot
from gencourse.models.vae import Sampling, kl_divergence, reconstruction_loss


def _check(latent_dim, image_shape, num_classes, hidden_units):
    if not isinstance(latent_dim, int) or latent_dim < 1:
        raise ValueError(f"latent_dim must be a positive int. Received: latent_dim={latent_dim!r}")
    if len(image_shape) != 3 or min(image_shape) < 1:
        raise ValueError(
            f"image_shape must be (height, width, channels). Received: image_shape={image_shape!r}"
        )
    if not isinstance(num_classes, int) or num_classes < 2:
        raise ValueError(f"num_classes must be an int >= 2. Received: num_classes={num_classes!r}")
    if not hidden_units or any(int(u) < 1 for u in hidden_units):
        raise ValueError(
            "hidden_units must be a non-empty list of positive ints. "
            f"Received: hidden_units={hidden_units!r}"
        )


def build_conditional_encoder(
    latent_dim=16, image_shape=(28, 28, 1), num_classes=10, hidden_units=(512, 256)
):
    """[image, label] -> (z_mean, z_log_var), each (batch, latent_dim)."""
    _check(latent_dim, image_shape, num_classes, hidden_units)
    images = keras.Input(shape=image_shape, name="images")
    label = keras.Input(shape=(1,), dtype="int32", name="label")
    h = layers.Concatenate()([layers.Flatten()(images), OneHot(num_classes)(label)])
    for units in hidden_units:
        h = layers.Dense(int(units), activation="relu")(h)
    z_mean = layers.Dense(latent_dim, name="z_mean")(h)
    z_log_var = layers.Dense(latent_dim, name="z_log_var")(h)
    return keras.Model([images, label], [z_mean, z_log_var], name="conditional_encoder")


def build_conditional_decoder(
    latent_dim=16, image_shape=(28, 28, 1), num_classes=10, hidden_units=(256, 512)
):
    """[z, label] -> pixel probabilities (batch, *image_shape)."""
    _check(latent_dim, image_shape, num_classes, hidden_units)
    z = keras.Input(shape=(latent_dim,), name="z")
    label = keras.Input(shape=(1,), dtype="int32", name="label")
    h = layers.Concatenate()([z, OneHot(num_classes)(label)])
    for units in hidden_units:
        h = layers.Dense(int(units), activation="relu")(h)
    h = layers.Dense(int(np.prod(image_shape)), activation="sigmoid")(h)
    images = layers.Reshape(image_shape, name="images")(h)
    return keras.Model([z, label], images, name="conditional_decoder")


def _labels(labels):
    return ops.reshape(ops.cast(labels, "int32"), (-1, 1))


@keras.saving.register_keras_serializable(package="gencourse")
class ConditionalVAE(keras.Model):
    """A VAE whose encoder and decoder both receive the digit class.

    Args:
        latent_dim: size of z.
        image_shape: (height, width, channels), pixels in [0, 1].
        num_classes: the number of classes.
        hidden_units: the encoder's hidden widths (mirrored in the decoder).
        beta: weight of the KL term (1: the standard CVAE).
        seed: seed of the sampling layer's generator.

    ``fit`` takes ``(images, labels)``.

    Example:
        >>> cvae = make_cvae(seed=0)
        >>> cvae.fit(x_few, y_few, epochs=50, batch_size=64)
        >>> sevens = cvae.generate([7] * 16, seed=1)
    """

    def __init__(
        self,
        latent_dim=16,
        image_shape=(28, 28, 1),
        num_classes=10,
        hidden_units=(512, 256),
        beta=1.0,
        seed=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        image_shape = tuple(int(s) for s in image_shape)
        hidden_units = tuple(int(u) for u in hidden_units)
        if float(beta) < 0:
            raise ValueError(f"beta must be >= 0. Received: beta={beta!r}")
        if seed is not None and not isinstance(seed, int):
            raise ValueError(f"seed must be an int or None. Received: seed={seed!r}")
        self.latent_dim, self.image_shape, self.num_classes = latent_dim, image_shape, num_classes
        self.hidden_units, self.beta, self.seed = hidden_units, float(beta), seed
        self.encoder = build_conditional_encoder(latent_dim, image_shape, num_classes, hidden_units)
        self.decoder = build_conditional_decoder(
            latent_dim, image_shape, num_classes, hidden_units[::-1]
        )
        self.sampling = Sampling(seed=seed, name="sampling")
        self.trackers = {
            name: keras.metrics.Mean(name=name)
            for name in ("loss", "reconstruction_loss", "kl_loss")
        }
        self.built = True

    @property
    def metrics(self):
        return list(self.trackers.values())

    def call(self, inputs, training=False):
        """Reconstructs ``[images, labels]`` from the encoder's mean (deterministic)."""
        images, labels = ops.convert_to_tensor(inputs[0], "float32"), inputs[1]
        z_mean, _ = self.encoder([images, _labels(labels)], training=training)
        return self.decoder([z_mean, _labels(labels)], training=training)

    def losses_of(self, images, labels, training=False):
        """``(loss, reconstruction, kl)`` of one batch, the reparameterised z drawn once."""
        images, labels = ops.convert_to_tensor(images, "float32"), _labels(labels)
        z_mean, z_log_var = self.encoder([images, labels], training=training)
        z = self.sampling([z_mean, z_log_var])
        recon = self.decoder([z, labels], training=training)
        reconstruction = reconstruction_loss(images, recon)
        kl = ops.mean(kl_divergence(z_mean, z_log_var))
        return reconstruction + self.beta * kl, reconstruction, kl

    def train_step(self, data):
        import tensorflow as tf  # the training step needs a gradient tape

        if not isinstance(data, tuple | list) or len(data) < 2:
            raise ValueError("ConditionalVAE.fit needs (images, labels).")
        images, labels = data[0], data[1]
        with tf.GradientTape() as tape:
            loss, reconstruction, kl = self.losses_of(images, labels, training=True)
        weights = self.trainable_weights
        self.optimizer.apply_gradients(zip(tape.gradient(loss, weights), weights, strict=True))
        values = {"loss": loss, "reconstruction_loss": reconstruction, "kl_loss": kl}
        for name, value in values.items():
            self.trackers[name].update_state(value)
        return {name: tracker.result() for name, tracker in self.trackers.items()}

    def noise(self, n, seed=None):
        """The (n, latent_dim) codes z ~ N(0, I) behind ``generate``; a seed names the same ones."""
        if not isinstance(n, int | np.integer) or n < 0:
            raise ValueError(f"n must be an int >= 0. Received: n={n!r}")
        return np.random.default_rng(seed).normal(size=(int(n), self.latent_dim)).astype("float32")

    def generate(self, labels, seed=None, batch_size=512):
        """One new image per entry of ``labels``, decoded from z ~ N(0, I) with that label."""
        labels = np.asarray(labels).reshape(-1, 1).astype("int32")
        if labels.size and (labels.min() < 0 or labels.max() >= self.num_classes):
            raise ValueError(
                f"labels must lie in 0..{self.num_classes - 1}. "
                f"Received labels from {labels.min()} to {labels.max()}"
            )
        z = self.noise(len(labels), seed)
        return self.decoder.predict([z, labels], batch_size=batch_size, verbose=0)

    def get_config(self):
        return {
            **super().get_config(),
            "latent_dim": self.latent_dim,
            "image_shape": self.image_shape,
            "num_classes": self.num_classes,
            "hidden_units": self.hidden_units,
            "beta": self.beta,
            "seed": self.seed,
        }


def make_cvae(latent_dim=16, image_shape=(28, 28, 1), num_classes=10, seed=None):
    """The course's conditional VAE, compiled with Adam(1e-3) (its slots built)."""
    if seed is not None:
        keras.utils.set_random_seed(seed)
    cvae = ConditionalVAE(latent_dim, image_shape, num_classes, seed=seed)
    cvae.compile(optimizer=keras.optimizers.Adam(1e-3))
    cvae.optimizer.build(cvae.trainable_variables)
    return cvae
