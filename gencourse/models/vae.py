"""The variational autoencoder of lesson 02.

The encoder maps an image to the mean and log-variance of a Gaussian over the
latent space; :class:`Sampling` draws z = mu + exp(0.5 * log_var) * eps with a
seeded generator (the reparameterisation trick, so gradients reach mu and
log_var); the decoder maps z back to pixel probabilities. The loss is the
reconstruction loss (binary cross-entropy summed over pixels) plus ``beta``
times the KL divergence to N(0, I), both averaged over the batch.

Dense layers are used on purpose: on a laptop CPU they train many times faster
than the convolutional VAE of the Keras examples and, with a 16-dimensional
latent space, give recognisable digits from z ~ N(0, I).
"""

from __future__ import annotations

import keras
import numpy as np
from keras import layers, ops

from gencourse.models import distribute

_EPS = 1e-7


def kl_divergence(z_mean, z_log_var):
    """KL(N(mu, diag(exp(log_var))) || N(0, I)) per sample, in closed form.

    KL = -0.5 * sum_j (1 + log_var_j - mu_j^2 - exp(log_var_j)).

    Args:
        z_mean: (batch, latent_dim).
        z_log_var: (batch, latent_dim).

    Returns:
        (batch,) tensor of non-negative values.
    """
    return -0.5 * ops.sum(1.0 + z_log_var - ops.square(z_mean) - ops.exp(z_log_var), axis=-1)


def reconstruction_loss(x, x_recon):
    """Binary cross-entropy summed over all pixels of each image, averaged over the batch.

    Args:
        x: (batch, ...) targets in [0, 1].
        x_recon: (batch, ...) predicted pixel probabilities, same shape.

    Returns:
        A scalar tensor.
    """
    p = ops.clip(x_recon, _EPS, 1.0 - _EPS)
    bce = -(x * ops.log(p) + (1.0 - x) * ops.log(1.0 - p))
    per_image = ops.sum(ops.reshape(bce, (ops.shape(bce)[0], -1)), axis=-1)
    return ops.mean(per_image)


def vae_loss(x, x_recon, z_mean, z_log_var, beta=1.0):
    """Reconstruction loss plus ``beta`` times the batch-mean KL divergence (a scalar)."""
    return reconstruction_loss(x, x_recon) + beta * ops.mean(kl_divergence(z_mean, z_log_var))


@keras.saving.register_keras_serializable(package="gencourse")
class Sampling(layers.Layer):
    """Draws z = z_mean + exp(0.5 * z_log_var) * eps with eps ~ N(0, I).

    Args:
        seed: an int for reproducible draws, or None.

    Example:
        >>> z = Sampling(seed=1)([ops.zeros((4, 2)), ops.zeros((4, 2))])
    """

    def __init__(self, seed=None, **kwargs):
        super().__init__(**kwargs)
        if seed is not None and not isinstance(seed, int):
            raise ValueError(f"seed must be an int or None. Received: seed={seed!r}")
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, inputs):
        z_mean, z_log_var = inputs
        eps = keras.random.normal(ops.shape(z_mean), seed=self.seed_generator)
        return z_mean + ops.exp(0.5 * z_log_var) * eps

    def compute_output_shape(self, input_shape):
        return input_shape[0]

    def get_config(self):
        return {**super().get_config(), "seed": self.seed}


@keras.saving.register_keras_serializable(package="gencourse")
class CodeDensity(layers.Layer):
    """A mixture of Gaussians over the latent space, to draw new codes from.

    Until :meth:`fit` is called it is N(0, I) itself (every component has mean
    0 and covariance I), so drawing from it is drawing from the prior.

    Args:
        latent_dim: the size of the codes.
        components: the number of Gaussians in the mixture.
    """

    def __init__(self, latent_dim, components=10, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(components, int) or components < 1:
            raise ValueError(f"components must be an int >= 1. Received: {components!r}")
        self.latent_dim, self.components = int(latent_dim), components
        k, d = components, self.latent_dim
        self.mixture_weights = self.add_weight(
            shape=(k,), initializer=keras.initializers.Constant(1.0 / k), trainable=False,
            name="mixture_weights",
        )  # fmt: skip
        self.means = self.add_weight(
            shape=(k, d), initializer="zeros", trainable=False, name="means"
        )
        # The Cholesky factor L of each covariance (L L^T): a draw is mean + L eps.
        eye = np.broadcast_to(np.eye(d, dtype="float32"), (k, d, d))
        self.cholesky = self.add_weight(
            shape=(k, d, d), initializer=keras.initializers.Constant(eye), trainable=False,
            name="cholesky",
        )  # fmt: skip
        self.built = True

    def fit(self, codes, seed=0):
        """Fits the mixture to ``codes`` (n, latent_dim) by expectation-maximisation."""
        from sklearn.mixture import GaussianMixture

        codes = np.asarray(codes, "float64")
        mixture = GaussianMixture(self.components, covariance_type="full", random_state=seed)
        mixture.fit(codes)
        self.mixture_weights.assign(mixture.weights_.astype("float32"))
        self.means.assign(mixture.means_.astype("float32"))
        self.cholesky.assign(np.linalg.cholesky(mixture.covariances_).astype("float32"))
        return self

    def sample(self, n, seed=None):
        """``n`` codes drawn from the mixture, (n, latent_dim) float32."""
        rng = np.random.default_rng(seed)
        weights = np.asarray(ops.convert_to_numpy(self.mixture_weights), "float64")
        weights = np.clip(weights, 0, None) / np.clip(weights, 0, None).sum()
        which = rng.choice(self.components, size=n, p=weights)
        eps = rng.standard_normal((n, self.latent_dim))
        means = ops.convert_to_numpy(self.means)[which]
        cholesky = ops.convert_to_numpy(self.cholesky)[which]
        return (means + np.einsum("nij,nj->ni", cholesky, eps)).astype("float32")

    def call(self, inputs):
        return inputs

    def get_config(self):
        return {
            **super().get_config(),
            "latent_dim": self.latent_dim,
            "components": self.components,
        }


def _check_sizes(latent_dim, image_shape, hidden_units):
    if not isinstance(latent_dim, int) or latent_dim < 1:
        raise ValueError(f"latent_dim must be a positive int. Received: latent_dim={latent_dim!r}")
    if len(image_shape) != 3 or min(image_shape) < 1:
        raise ValueError(
            f"image_shape must be (height, width, channels). Received: image_shape={image_shape!r}"
        )
    if not hidden_units or any(int(u) < 1 for u in hidden_units):
        raise ValueError(
            f"hidden_units must be a non-empty list of positive ints. "
            f"Received: hidden_units={hidden_units!r}"
        )


def build_encoder(latent_dim=2, image_shape=(28, 28, 1), hidden_units=(512, 256)):
    """Image -> (z_mean, z_log_var), each (batch, latent_dim)."""
    _check_sizes(latent_dim, image_shape, hidden_units)
    images = keras.Input(shape=image_shape, name="images")
    h = layers.Flatten()(images)
    for units in hidden_units:
        h = layers.Dense(int(units), activation="relu")(h)
    z_mean = layers.Dense(latent_dim, name="z_mean")(h)
    z_log_var = layers.Dense(latent_dim, name="z_log_var")(h)
    return keras.Model(images, [z_mean, z_log_var], name="encoder")


def build_decoder(latent_dim=2, image_shape=(28, 28, 1), hidden_units=(256, 512)):
    """z (batch, latent_dim) -> pixel probabilities (batch, *image_shape)."""
    _check_sizes(latent_dim, image_shape, hidden_units)
    z = keras.Input(shape=(latent_dim,), name="z")
    h = z
    for units in hidden_units:
        h = layers.Dense(int(units), activation="relu")(h)
    size = image_shape[0] * image_shape[1] * image_shape[2]
    h = layers.Dense(size, activation="sigmoid")(h)
    images = layers.Reshape(image_shape, name="images")(h)
    return keras.Model(z, images, name="decoder")


@keras.saving.register_keras_serializable(package="gencourse")
class VAE(keras.Model):
    """A variational autoencoder with a custom ``train_step``.

    Args:
        latent_dim: size of z.
        image_shape: (height, width, channels) of the images, pixels in [0, 1].
        hidden_units: widths of the encoder's hidden layers (mirrored in the decoder).
        beta: weight of the KL term (1 gives the standard VAE).
        seed: seed of the sampling layer's generator, for reproducible training.

    Example:
        >>> vae = VAE(latent_dim=2)
        >>> vae.compile(optimizer=keras.optimizers.Adam(1e-3))
        >>> history = vae.fit(x_train, epochs=10, batch_size=128)
    """

    def __init__(
        self,
        latent_dim=2,
        image_shape=(28, 28, 1),
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
        self.latent_dim = latent_dim
        self.image_shape = image_shape
        self.hidden_units = hidden_units
        self.beta = float(beta)
        self.seed = seed
        self.encoder = build_encoder(latent_dim, image_shape, hidden_units)
        self.decoder = build_decoder(latent_dim, image_shape, hidden_units[::-1])
        self.sampling = Sampling(seed=seed, name="sampling")
        self.code_density = CodeDensity(latent_dim, name="code_density")
        self.total_loss_tracker = keras.metrics.Mean(name="loss")
        self.reconstruction_loss_tracker = keras.metrics.Mean(name="reconstruction_loss")
        self.kl_loss_tracker = keras.metrics.Mean(name="kl_loss")
        # The encoder and decoder are functional models, already built.
        self.built = True

    @property
    def metrics(self):
        return [self.total_loss_tracker, self.reconstruction_loss_tracker, self.kl_loss_tracker]

    def call(self, images, training=False):
        """Reconstructs images from the encoder's mean (deterministic)."""
        z_mean, _ = self.encoder(images, training=training)
        return self.decoder(z_mean, training=training)

    def encode(self, images):
        """Returns ``(z_mean, z_log_var)`` as NumPy arrays."""
        z_mean, z_log_var = self.encoder(images, training=False)
        return ops.convert_to_numpy(z_mean), ops.convert_to_numpy(z_log_var)

    def decode(self, z):
        """Decodes a batch of latent vectors in one call, returning a NumPy array."""
        return ops.convert_to_numpy(self.decoder(ops.convert_to_tensor(z, "float32")))

    def sample(self, n, seed=None, from_codes=False):
        """Draws ``n`` new images from the decoder alone.

        By default z ~ N(0, I), the prior. With ``from_codes=True``, z comes from
        the mixture of Gaussians that :meth:`fit_code_density` fitted to where
        the encoder put the training images' codes (N(0, I) if never fitted).
        """
        if from_codes:
            return self.decode(self.code_density.sample(n, seed))
        z = keras.random.normal((n, self.latent_dim), seed=seed)
        return self.decode(z)

    def fit_code_density(self, images, seed=0):
        """Fits :attr:`code_density` (10 Gaussians) to the ``z_mean`` codes of ``images``.

        The KL term pulls the codes towards N(0, I) but does not make them fill
        it: regions of N(0, I) that no training image uses decode to blends of
        digits. Drawing z from where the codes really are avoids those regions.
        Returns the codes' mixture (:class:`CodeDensity`).
        """
        z_mean, _ = self.encode(images)
        return self.code_density.fit(z_mean, seed=seed)

    def _vae_losses(self, images, training, eps=None):
        z_mean, z_log_var = self.encoder(images, training=training)
        if eps is None:
            z = self.sampling([z_mean, z_log_var])
        else:  # given draws of N(0, I): reproducible runs, e.g. one device against several
            z = z_mean + ops.exp(0.5 * z_log_var) * eps
        reconstructions = self.decoder(z, training=training)
        rec = reconstruction_loss(images, reconstructions)
        kl = ops.mean(kl_divergence(z_mean, z_log_var))
        return rec + self.beta * kl, rec, kl

    def _update(self, total, rec, kl):
        self.total_loss_tracker.update_state(total)
        self.reconstruction_loss_tracker.update_state(rec)
        self.kl_loss_tracker.update_state(kl)
        return {m.name: m.result() for m in self.metrics}

    def vae_step(self, images, eps=None):
        """One gradient step on ``images``; ``eps`` (batch, latent_dim) fixes the draws of N(0, I)."""
        import tensorflow as tf

        with tf.GradientTape() as tape:
            total, rec, kl = self._vae_losses(images, training=True, eps=eps)
            # Under a tf.distribute strategy the replicas' gradients are summed.
            scaled = distribute.scale_loss(total)
        grads = tape.gradient(scaled, self.trainable_weights)
        self.optimizer.apply(grads, self.trainable_weights)
        return self._update(total, rec, kl)

    def train_step(self, data):
        images = data[0] if isinstance(data, tuple) else data
        return self.vae_step(images)

    def test_step(self, data):
        images = data[0] if isinstance(data, tuple) else data
        return self._update(*self._vae_losses(images, training=False))

    def get_config(self):
        return {
            **super().get_config(),
            "latent_dim": self.latent_dim,
            "image_shape": self.image_shape,
            "hidden_units": self.hidden_units,
            "beta": self.beta,
            "seed": self.seed,
        }


def make_vae(
    latent_dim=2,
    image_shape=(28, 28, 1),
    hidden_units=(512, 256),
    beta=1.0,
    seed=None,
    learning_rate=1e-3,
    strategy=None,
):
    """The lesson's VAE, compiled with Adam(``learning_rate``).

    Args:
        latent_dim, image_shape, hidden_units, beta, seed: as in :class:`VAE`.
        learning_rate: Adam's learning rate.
        strategy: a ``tf.distribute.Strategy`` to build and train under (e.g.
            ``tf.distribute.MirroredStrategy()`` for every visible GPU), or None
            for the default device. See :mod:`gencourse.models.distribute`.

    Example:
        >>> vae = make_vae(latent_dim=16, seed=1)
        >>> vae.fit(x_train, epochs=60, batch_size=64)
    """
    if seed is not None:
        keras.utils.set_random_seed(seed)
    with distribute.scope(strategy):
        vae = VAE(latent_dim, image_shape, hidden_units, beta=beta, seed=seed)
        vae.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate))
    return vae


def load_vae(path):
    """Loads a VAE saved with ``vae.save("file.keras")``."""
    return keras.models.load_model(path, custom_objects={"VAE": VAE, "Sampling": Sampling})
