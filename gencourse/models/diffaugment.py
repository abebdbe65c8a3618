"""DiffAugment for digits, and a data-efficient conditional GAN that uses it.

With few training images a GAN's discriminator soon memorises them, and its
verdicts stop teaching the generator anything. DiffAugment (Zhao et al.,
"Differentiable Augmentation for Data-Efficient GAN Training", NeurIPS 2020)
shows the discriminator every image, real and fake alike, through the same
random, differentiable augmentation, in the discriminator's step and in the
generator's: the discriminator can no longer memorise exact pixels, and the
generator's gradient passes through the augmentation, so it is not taught
to make augmented-looking digits.

Two of the paper's augmentations, adapted to digits:

- :func:`translate`: a random whole-pixel shift of up to ``max_shift``
  pixels each way; the pixels shifted in take the background value ``fill``
  (0, black, for MNIST), never a wrapped-around edge or a grey border;
- :func:`cutout`: one ``size`` x ``size`` square set to the background. The
  paper cuts half the image's side; that can erase most of a thin digit
  such as a 1, so the default here is a quarter of the side.

Both are written as products with 0/1 matrices and masks, so gradients flow
to every pixel that stays visible. :class:`DiffAugmentCGAN` is
:class:`gencourse.models.cgan.ConditionalGAN` with :func:`diff_augment`
applied to every image its discriminator sees.
"""

from __future__ import annotations

import keras
from keras import ops

from gencourse.models.cgan import ConditionalGAN
from gencourse.models.gan import build_discriminator, build_generator, generator_loss


def _check_images(images):
    if len(images.shape) != 4:
        raise ValueError(
            f"images must have shape (batch, height, width, channels). Received: {images.shape}"
        )


def _shift_matrix(shifts, size, dtype):
    """(batch, size, size) 0/1: row i of the output reads row ``i - shift`` of the input."""
    i = ops.arange(size)[None, :, None]
    j = ops.arange(size)[None, None, :]
    return ops.cast(ops.equal(j, i - ops.reshape(shifts, (-1, 1, 1))), dtype)


def shift_images(images, dy, dx, fill=0.0):
    """``images`` moved down by ``dy`` and right by ``dx`` pixels (ints per image), ``fill`` shifted in.

    Args:
        images: (batch, height, width, channels).
        dy, dx: (batch,) integer shifts (negative: up, left).
        fill: the value of the pixels that enter from outside (the background).
    """
    images = ops.convert_to_tensor(images, "float32")
    _check_images(images)
    h, w = images.shape[1], images.shape[2]
    rows = _shift_matrix(ops.cast(dy, "int32"), h, images.dtype)  # (batch, h, h)
    cols = _shift_matrix(ops.cast(dx, "int32"), w, images.dtype)  # (batch, w, w)
    moved = ops.einsum("bih,bhwc,bjw->bijc", rows, images, cols)
    # Where no input pixel lands (shifted in from outside) the coverage is 0.
    covered = ops.sum(rows, axis=2)[:, :, None] * ops.sum(cols, axis=2)[:, None, :]
    return moved + fill * (1.0 - covered)[..., None]


def translate(images, max_shift=3, fill=0.0, seed=None):
    """Each image shifted by a random whole number of pixels in -max_shift..max_shift each way.

    ``seed``: an int, a ``keras.random.SeedGenerator`` or None.
    """
    if not isinstance(max_shift, int) or max_shift < 0:
        raise ValueError(f"max_shift must be an int >= 0. Received: max_shift={max_shift!r}")
    images = ops.convert_to_tensor(images, "float32")
    n = ops.shape(images)[0]
    dy = keras.random.randint((n,), -max_shift, max_shift + 1, seed=seed)
    dx = keras.random.randint((n,), -max_shift, max_shift + 1, seed=seed)
    return shift_images(images, dy, dx, fill)


def cutout_mask(top, left, size, height, width):
    """(batch, height, width, 1): 0 inside each image's ``size`` square at (top, left), else 1."""
    i = ops.arange(height)[None, :]
    j = ops.arange(width)[None, :]
    top, left = ops.reshape(top, (-1, 1)), ops.reshape(left, (-1, 1))
    in_rows = ops.cast(ops.logical_and(i >= top, i < top + size), "float32")
    in_cols = ops.cast(ops.logical_and(j >= left, j < left + size), "float32")
    return (1.0 - in_rows[:, :, None] * in_cols[:, None, :])[..., None]


def cutout(images, size=7, fill=0.0, seed=None):
    """Each image with one ``size`` x ``size`` square, at a random place, set to ``fill``.

    The square's centre is uniform over the image, so near an edge only part
    of it falls inside (as in DiffAugment).
    """
    images = ops.convert_to_tensor(images, "float32")
    _check_images(images)
    h, w = images.shape[1], images.shape[2]
    if not isinstance(size, int) or not 0 <= size <= min(h, w):
        raise ValueError(f"size must be an int in 0..{min(h, w)}. Received: size={size!r}")
    n = ops.shape(images)[0]
    top = keras.random.randint((n,), 0, h, seed=seed) - size // 2
    left = keras.random.randint((n,), 0, w, seed=seed) - size // 2
    mask = cutout_mask(top, left, size, h, w)
    return images * mask + fill * (1.0 - mask)


def diff_augment(images, max_shift=3, cutout_size=7, fill=0.0, seed=None):
    """:func:`translate`, then :func:`cutout`: what the discriminator sees of every image."""
    return cutout(translate(images, max_shift, fill, seed), cutout_size, fill, seed)


@keras.saving.register_keras_serializable(package="gencourse")
class DiffAugmentCGAN(ConditionalGAN):
    """A conditional GAN whose discriminator sees every image through :func:`diff_augment`.

    The same random augmentation family is applied to the real images, the
    fakes and the real images with wrong labels in the discriminator's step,
    and to the fakes in the generator's step, where the generator's gradient
    flows through it.

    Args:
        max_shift, cutout_size, fill: as in :func:`diff_augment`.
        generator, discriminator, latent_dim, num_classes, mismatched, ...:
            as in :class:`~gencourse.models.cgan.ConditionalGAN`.
    """

    def __init__(self, *args, max_shift=3, cutout_size=7, fill=0.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_shift, self.cutout_size, self.fill = int(max_shift), int(cutout_size), float(fill)

    def augment(self, images):
        """One random DiffAugment draw per image (from the model's seed generator)."""
        return diff_augment(
            images, self.max_shift, self.cutout_size, self.fill, seed=self.seed_generator
        )

    def discriminator_step(self, real, labels, noise=None, offsets=None):
        images, conditions, targets = self.discriminator_batch(real, labels, noise, offsets)
        return self._train_discriminator([self.augment(images), conditions], targets)

    def generator_step(self, labels, noise=None):
        labels = ops.reshape(ops.cast(labels, "int32"), (-1, 1))
        noise = self._noise(ops.shape(labels)[0]) if noise is None else noise

        def loss_fn():
            generated = self.generator([noise, labels], training=True)
            return generator_loss(self.discriminator([self.augment(generated), labels]))

        return self._train_generator(loss_fn)

    def get_config(self):
        return {
            **super().get_config(),
            "max_shift": self.max_shift,
            "cutout_size": self.cutout_size,
            "fill": self.fill,
        }


def make_diffaugment_cgan(
    latent_dim=64, image_shape=(28, 28, 1), num_classes=10, seed=None, width=64, **augment
):
    """The lesson's conditional GAN (the same networks and optimizers) with DiffAugment.

    ``width`` as in :func:`gencourse.models.cgan.make_conditional_gan`.
    """
    if seed is not None:
        keras.utils.set_random_seed(seed)
    gan = DiffAugmentCGAN(
        build_generator(latent_dim, image_shape, num_classes, width=width),
        build_discriminator(image_shape, num_classes, width=width // 2),
        latent_dim=latent_dim,
        num_classes=num_classes,
        seed=seed,
        **augment,
    )
    gan.compile()
    return gan
