"""The conditional GAN of lesson 04: both networks receive the digit class.

The generator gets the noise and the class (one-hot); the discriminator judges
(image, label) pairs. Besides generated images, real images paired with a
wrong label are trained as fake, unless ``mismatched=False``, so that the
lesson can measure what they add.

Everything else is the plain GAN's (:mod:`gencourse.models.gan`): the training
step's order, the non-saturating generator loss, the moving average of the
generator's weights, and the builders, which take ``num_classes`` to make the
conditional networks. This module builds on that one, never the other way round.
"""

from __future__ import annotations

import keras
import numpy as np
from keras import ops

from gencourse.models import distribute
from gencourse.models.gan import (
    GAN,
    OneHot,
    _bce,
    build_discriminator,
    build_generator,
    generator_loss,
)

__all__ = [
    "conditional_discriminator_loss",
    "condition_input",
    "mismatched_labels",
    "OneHot",
    "ConditionalGAN",
    "make_conditional_gan",
]

# --- losses and batches, written once and used by the model and the checks ---------


def conditional_discriminator_loss(real_output, mismatched_output, fake_output, from_logits=True):
    """Binary cross-entropy over the conditional GAN's mixed batch.

    Real images with their own labels count as real (1); real images with a
    wrong label and generated images count as fake (0). The mean runs over all
    outputs of the mixed batch.
    """
    parts = [
        ops.reshape(ops.convert_to_tensor(o, "float32"), (-1,))
        for o in (real_output, mismatched_output, fake_output)
    ]
    outputs = ops.concatenate(parts)
    targets = ops.concatenate(
        [ops.ones_like(parts[0]), ops.zeros_like(parts[1]), ops.zeros_like(parts[2])]
    )
    return ops.mean(_bce(targets, outputs, from_logits))


def condition_input(noise, labels, num_classes):
    """The generator's input: the noise followed by the one-hot label, (N, latent + classes)."""
    noise = ops.convert_to_tensor(noise, "float32")
    one_hot = ops.one_hot(ops.cast(ops.reshape(labels, (-1,)), "int32"), num_classes)
    return ops.concatenate([noise, ops.cast(one_hot, "float32")], axis=-1)


def mismatched_labels(labels, offsets, num_classes):
    """A wrong label for every image: (label + 1 + offset) mod num_classes.

    With ``offsets`` drawn uniformly from {0, ..., num_classes - 2}, the wrong
    label is uniform over the other classes and never equals the true one.
    """
    labels = ops.cast(ops.reshape(labels, (-1,)), "int32")
    offsets = ops.cast(ops.reshape(offsets, (-1,)), "int32")
    return ops.mod(labels + 1 + offsets, num_classes)


# --- the model --------------------------------------------------------------------


@keras.saving.register_keras_serializable(package="gencourse")
class ConditionalGAN(GAN):
    """A GAN whose networks both receive the digit class.

    Args:
        generator: a model from [noise, label] to images.
        discriminator: a model from [images, label] to one logit.
        latent_dim: the noise size.
        num_classes: the number of classes.
        mismatched: True trains real images paired with a wrong label as fake.
        train_generator, seed: as in :class:`GAN`.

    ``fit`` takes ``(images, labels)``.
    """

    def __init__(
        self, generator, discriminator, latent_dim, num_classes=10, mismatched=True, **kwargs
    ):
        if not isinstance(num_classes, int) or num_classes < 2:
            raise ValueError(
                f"num_classes must be an int >= 2. Received: num_classes={num_classes!r}"
            )
        self.num_classes = num_classes
        self.mismatched = bool(mismatched)
        super().__init__(generator, discriminator, latent_dim, **kwargs)

    def _extra_trackers(self):
        return ("d_mismatched",)

    def call(self, inputs, training=False):
        noise, labels = inputs
        return self.generator([noise, labels], training=training)

    def discriminator_batch(self, real, labels, noise=None, offsets=None):
        """The mixed batch of one discriminator step: (images, conditions, targets).

        N real images with their labels (target 1), N fakes made for the same
        labels (target 0) and, with ``mismatched``, the N real images again with
        a wrong label each (target 0). ``noise`` and ``offsets`` (the draws
        behind the wrong labels, in 0..num_classes-2) are drawn by default.
        """
        labels = ops.reshape(ops.cast(labels, "int32"), (-1, 1))
        n = ops.shape(real)[0]
        noise = self._noise(n) if noise is None else noise
        fake = self.generator([noise, labels], training=False)
        images = [real, fake]
        conditions = [labels, labels]
        targets = [ops.ones((n, 1)), ops.zeros((n, 1))]
        if self.mismatched:
            images.append(real)
            conditions.append(self.wrong_labels(labels, offsets))
            targets.append(ops.zeros((n, 1)))
        return (
            ops.concatenate(images, axis=0),
            ops.concatenate(conditions, axis=0),
            ops.concatenate(targets, axis=0),
        )

    def wrong_labels(self, labels, offsets=None):
        """A wrong label for each label, uniform over the other classes, shape (N, 1)."""
        n = ops.shape(labels)[0]
        if offsets is None:
            offsets = keras.random.randint((n,), 0, self.num_classes - 1, seed=self.seed_generator)
        return ops.reshape(mismatched_labels(labels, offsets, self.num_classes), (-1, 1))

    def discriminator_step(self, real, labels, noise=None, offsets=None):
        """One step of the discriminator only; returns (loss, D's probabilities on the batch)."""
        images, conditions, targets = self.discriminator_batch(real, labels, noise, offsets)
        return self._train_discriminator([images, conditions], targets)

    def generator_step(self, labels, noise=None):
        """One step of the generator only, on fresh noise for ``labels``; returns the loss."""
        labels = ops.reshape(ops.cast(labels, "int32"), (-1, 1))
        noise = self._noise(ops.shape(labels)[0]) if noise is None else noise

        def loss_fn():
            generated = self.generator([noise, labels], training=True)
            return generator_loss(self.discriminator([generated, labels]))

        return self._train_generator(loss_fn)

    def train_step(self, data):
        if not isinstance(data, tuple | list) or len(data) < 2:
            raise ValueError("ConditionalGAN.fit needs (images, labels).")
        real, labels = data[0], ops.reshape(ops.cast(data[1], "int32"), (-1, 1))
        n = ops.shape(real)[0]
        d_loss, d_prob = self.discriminator_step(real, labels)
        if self.mismatched:
            d_wrong = d_prob[2 * n :]
        else:  # measured anyway, without training on it
            logits = self.discriminator([real, self.wrong_labels(labels)], training=False)
            d_wrong = ops.sigmoid(ops.reshape(logits, (-1,)))
        g_loss = self.generator_step(labels)
        self.update_ema()
        return self._update(d_loss, g_loss, d_prob[:n], d_prob[n : 2 * n], d_mismatched=d_wrong)

    def generate(self, labels, seed=None, batch_size=512, use_ema=True):
        """One generated image per entry of ``labels``; the same ``seed`` gives the same images.

        With ``ema`` set, the averaged weights make them unless ``use_ema=False``.
        """
        labels = np.asarray(labels).reshape(-1, 1).astype("int32")
        if labels.size and (labels.min() < 0 or labels.max() >= self.num_classes):
            raise ValueError(
                f"labels must lie in 0..{self.num_classes - 1}. "
                f"Received labels from {labels.min()} to {labels.max()}"
            )
        noise = self.noise(len(labels), seed)
        network = self.ema_generator if use_ema and self.ema is not None else self.generator
        return network.predict([noise, labels], batch_size=batch_size, verbose=0)

    def get_config(self):
        return {
            **super().get_config(),
            "num_classes": self.num_classes,
            "mismatched": self.mismatched,
        }


def make_conditional_gan(
    latent_dim=64,
    image_shape=(28, 28, 1),
    num_classes=10,
    mismatched=True,
    seed=None,
    strategy=None,
    width=64,
):
    """The lesson's conditional GAN, compiled with Adam(1e-3, beta_1=0.5) for both networks.

    Args:
        strategy: a ``tf.distribute.Strategy`` to build and train under, or None
            (see :func:`make_gan`).
        width: the generator's width (:func:`build_generator`); the discriminator's is
            half of it. 64 is lesson 04's; lesson 05's live slice uses a smaller one for
            its 100 training digits (``gencourse.augment.LESSON``).
    """
    if seed is not None:
        keras.utils.set_random_seed(seed)
    with distribute.scope(strategy):
        gan = ConditionalGAN(
            build_generator(latent_dim, image_shape, num_classes, width=width),
            build_discriminator(image_shape, num_classes, width=width // 2),
            latent_dim=latent_dim,
            num_classes=num_classes,
            mismatched=mismatched,
            seed=seed,
        )
        gan.compile()
    return gan
