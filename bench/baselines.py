"""Baselines for the speed benchmark: the official Keras examples' architectures.

Re-implemented here from the examples' published descriptions (no code copied),
trained on the same data and measured the same way as the course's models. They
are yardsticks, not course code.

- :class:`KerasExampleGAN` with ``num_classes=10``: the Keras "Conditional GAN"
  example (keras.io/examples/generative/conditional_gan). Latent size 128; the
  one-hot label is concatenated to the noise for the generator and tiled over
  the image as 10 extra channels for the discriminator. Generator: Dense to
  7x7x(latent + classes), LeakyReLU(0.2), two Conv2DTranspose(128, 4, stride 2)
  with LeakyReLU(0.2), Conv2D(1, 7) with a sigmoid. Discriminator: Conv2D(64, 3,
  stride 2), LeakyReLU(0.2), Conv2D(128, 3, stride 2), LeakyReLU(0.2), global max
  pooling, Dense(1). Adam(3e-4) for both, batch 64. Its discriminator is
  trained with fakes labelled 1 and real images 0, its generator towards 0.
- :class:`KerasExampleGAN` with ``num_classes=0``: the same networks without
  labels, the Keras "GAN overriding Model.train_step" MNIST example.
- :class:`KerasExampleVAE`: the Keras "Variational AutoEncoder" example: a
  2-D latent space, encoder Conv2D(32, 3, stride 2) and Conv2D(64, 3, stride 2)
  (ReLU), Dense(16); decoder Dense(7x7x64), Conv2DTranspose(64, 3, stride 2),
  Conv2DTranspose(32, 3, stride 2), Conv2DTranspose(1, 3) with a sigmoid; the
  loss is the summed binary cross-entropy plus the KL term; Adam, batch 128.
"""

from __future__ import annotations

import keras
import numpy as np
from keras import layers, ops

from gencourse.models.vae import Sampling, kl_divergence, reconstruction_loss


def keras_example_generator(latent_dim=128, num_classes=10):
    channels = latent_dim + num_classes
    inputs = keras.Input(shape=(channels,))
    x = layers.Dense(7 * 7 * channels)(inputs)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.Reshape((7, 7, channels))(x)
    for _ in range(2):
        x = layers.Conv2DTranspose(128, 4, strides=2, padding="same")(x)
        x = layers.LeakyReLU(0.2)(x)
    images = layers.Conv2D(1, 7, padding="same", activation="sigmoid")(x)
    return keras.Model(inputs, images, name="keras_example_generator")


def keras_example_discriminator(num_classes=10):
    inputs = keras.Input(shape=(28, 28, 1 + num_classes))
    x = layers.Conv2D(64, 3, strides=2, padding="same")(inputs)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.Conv2D(128, 3, strides=2, padding="same")(x)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.GlobalMaxPooling2D()(x)
    return keras.Model(inputs, layers.Dense(1)(x), name="keras_example_discriminator")


def _bce_logits(targets, logits):
    return ops.mean(ops.softplus(-ops.abs(logits)) + ops.relu(logits) - logits * targets)


class KerasExampleGAN(keras.Model):
    """The Keras examples' (conditional) GAN; ``fit(images, labels)`` or ``fit(images)``."""

    def __init__(self, latent_dim=128, num_classes=10, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.latent_dim, self.num_classes = latent_dim, num_classes
        self.generator = keras_example_generator(latent_dim, num_classes)
        self.discriminator = keras_example_discriminator(num_classes)
        self.seed_generator = keras.random.SeedGenerator(seed)
        self.d_tracker = keras.metrics.Mean(name="d_loss")
        self.g_tracker = keras.metrics.Mean(name="g_loss")
        self.built = True

    @property
    def metrics(self):
        return [self.d_tracker, self.g_tracker]

    def compile(self, learning_rate=3e-4, **kwargs):
        super().compile(**kwargs)
        self.d_optimizer = keras.optimizers.Adam(learning_rate)
        self.g_optimizer = keras.optimizers.Adam(learning_rate)
        self.d_optimizer.build(self.discriminator.trainable_variables)
        self.g_optimizer.build(self.generator.trainable_variables)

    def _conditions(self, labels, n):
        """(one-hot (n, classes), tiled one-hot (n, 28, 28, classes)); empty without classes."""
        one_hot = ops.one_hot(ops.reshape(ops.cast(labels, "int32"), (-1,)), self.num_classes)
        tiled = ops.broadcast_to(
            ops.reshape(one_hot, (n, 1, 1, self.num_classes)), (n, 28, 28, self.num_classes)
        )
        return one_hot, tiled

    def _fake(self, noise, one_hot, training):
        inputs = ops.concatenate([noise, one_hot], -1) if self.num_classes else noise
        return self.generator(inputs, training=training)

    def _pair(self, images, tiled):
        return ops.concatenate([images, tiled], -1) if self.num_classes else images

    def train_step(self, data):
        import tensorflow as tf

        if self.num_classes:
            real, labels = data[0], data[1]
        else:
            real, labels = (data[0] if isinstance(data, tuple) else data), None
        n = ops.shape(real)[0]
        one_hot, tiled = self._conditions(labels, n) if self.num_classes else (None, None)
        noise = keras.random.normal((n, self.latent_dim), seed=self.seed_generator)
        fake = self._fake(noise, one_hot, training=False)
        pairs = ops.concatenate([self._pair(fake, tiled), self._pair(real, tiled)], 0)
        targets = ops.concatenate([ops.ones((n, 1)), ops.zeros((n, 1))], 0)
        with tf.GradientTape() as tape:
            d_loss = _bce_logits(targets, self.discriminator(pairs, training=True))
        weights = self.discriminator.trainable_weights
        self.d_optimizer.apply(tape.gradient(d_loss, weights), weights)

        noise = keras.random.normal((n, self.latent_dim), seed=self.seed_generator)
        with tf.GradientTape() as tape:
            fake = self._fake(noise, one_hot, training=True)
            logits = self.discriminator(self._pair(fake, tiled), training=False)
            g_loss = _bce_logits(ops.zeros((n, 1)), logits)
        weights = self.generator.trainable_weights
        self.g_optimizer.apply(tape.gradient(g_loss, weights), weights)
        self.d_tracker.update_state(d_loss)
        self.g_tracker.update_state(g_loss)
        return {"d_loss": self.d_tracker.result(), "g_loss": self.g_tracker.result()}

    def generate(self, labels=None, n=None, seed=None, batch_size=512):
        """Images for ``labels`` (conditional) or ``n`` images (unconditional)."""
        count = len(labels) if labels is not None else n
        noise = np.random.default_rng(seed).normal(size=(count, self.latent_dim))
        inputs = noise.astype("float32")
        if self.num_classes:
            one_hot = np.eye(self.num_classes, dtype="float32")[np.asarray(labels).reshape(-1)]
            inputs = np.concatenate([inputs, one_hot], axis=1)
        return self.generator.predict(inputs, batch_size=batch_size, verbose=0)


class KerasExampleVAE(keras.Model):
    """The Keras example's convolutional VAE with a 2-D latent space."""

    def __init__(self, latent_dim=2, seed=None, **kwargs):
        super().__init__(**kwargs)
        images = keras.Input(shape=(28, 28, 1))
        x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(images)
        x = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(x)
        x = layers.Dense(16, activation="relu")(layers.Flatten()(x))
        self.encoder = keras.Model(
            images, [layers.Dense(latent_dim)(x), layers.Dense(latent_dim)(x)], name="encoder"
        )
        z = keras.Input(shape=(latent_dim,))
        x = layers.Reshape((7, 7, 64))(layers.Dense(7 * 7 * 64, activation="relu")(z))
        x = layers.Conv2DTranspose(64, 3, strides=2, padding="same", activation="relu")(x)
        x = layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu")(x)
        out = layers.Conv2DTranspose(1, 3, padding="same", activation="sigmoid")(x)
        self.decoder = keras.Model(z, out, name="decoder")
        self.sampling = Sampling(seed=seed)
        self.trackers = [
            keras.metrics.Mean(name=k) for k in ("loss", "reconstruction_loss", "kl_loss")
        ]
        self.built = True

    @property
    def metrics(self):
        return self.trackers

    def _vae_terms(self, images, training):
        z_mean, z_log_var = self.encoder(images, training=training)
        reconstructions = self.decoder(self.sampling([z_mean, z_log_var]), training=training)
        rec = reconstruction_loss(images, reconstructions)
        kl = ops.mean(kl_divergence(z_mean, z_log_var))
        return rec + kl, rec, kl

    def _update(self, values):
        for tracker, value in zip(self.trackers, values, strict=True):
            tracker.update_state(value)
        return {t.name: t.result() for t in self.trackers}

    def train_step(self, data):
        import tensorflow as tf

        images = data[0] if isinstance(data, tuple) else data
        with tf.GradientTape() as tape:
            values = self._vae_terms(images, training=True)
        grads = tape.gradient(values[0], self.trainable_weights)
        self.optimizer.apply(grads, self.trainable_weights)
        return self._update(values)

    def test_step(self, data):
        images = data[0] if isinstance(data, tuple) else data
        return self._update(self._vae_terms(images, training=False))
