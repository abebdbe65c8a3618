"""The small conditional U-Net that predicts the noise in lesson 07's diffusion model.

It takes ``[x_t, t, label]``: a noisy image, its timestep (an int in 0..T-1)
and a digit label, where the label ``num_classes`` is the null token (no
label), which classifier-free guidance needs. The timestep enters through a
sinusoidal embedding (as in the Transformer's positions) and a small MLP; the
label through an embedding table with ``num_classes + 1`` rows; their sum is
added to every residual block's features, one bias per channel.

The image goes down 28 -> 14 -> 7 and back up, each level's features joining
the way up through a skip connection, so that the output keeps the input's
fine detail while the 7 x 7 level sees the whole digit. It is sized for a
2-core CPU: see :func:`build_unet` for its parameters and arithmetic.
"""

from __future__ import annotations

import math

import keras
from keras import layers, ops


@keras.saving.register_keras_serializable(package="gencourse")
class TimeEmbedding(layers.Layer):
    """Integer timesteps (batch,) or (batch, 1) to sinusoidal features (batch, dim).

    Feature i < dim / 2 is sin(t * f_i) and feature dim / 2 + i is cos(t * f_i),
    with frequencies f_i = max_period^(-i / (dim / 2)) from 1 down to about
    1 / max_period, so that nearby timesteps get similar features and far ones
    different ones.

    Args:
        dim: an even number of features.
        max_period: the longest period, in timesteps.
    """

    def __init__(self, dim, max_period=10_000, **kwargs):
        super().__init__(**kwargs)
        if isinstance(dim, bool) or not isinstance(dim, int) or dim < 2 or dim % 2:
            raise ValueError(f"dim must be an even int >= 2. Received: dim={dim!r}")
        self.dim, self.max_period = dim, float(max_period)

    def call(self, t):
        half = self.dim // 2
        frequencies = ops.exp(
            -math.log(self.max_period) * ops.arange(half, dtype="float32") / float(half)
        )
        angles = ops.reshape(ops.cast(t, "float32"), (-1, 1)) * frequencies[None, :]
        return ops.concatenate([ops.sin(angles), ops.cos(angles)], axis=-1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.dim)

    def get_config(self):
        return {**super().get_config(), "dim": self.dim, "max_period": self.max_period}


def _norm(groups, name):
    if groups:
        return layers.GroupNormalization(groups=groups, epsilon=1e-5, name=name)
    return layers.Identity(name=name)


def _residual_block(x, emb, channels, groups, name):
    """norm -> swish -> conv, plus the embedding's per-channel bias, twice, plus a shortcut."""
    h = _norm(groups, f"{name}_norm1")(x)
    h = layers.Activation("swish")(h)
    h = layers.Conv2D(channels, 3, padding="same", name=f"{name}_conv1")(h)
    bias = layers.Dense(channels, name=f"{name}_emb")(emb)  # (batch, channels)
    h = h + layers.Reshape((1, 1, channels))(bias)
    h = _norm(groups, f"{name}_norm2")(h)
    h = layers.Activation("swish")(h)
    h = layers.Conv2D(channels, 3, padding="same", name=f"{name}_conv2")(h)
    if x.shape[-1] != channels:
        x = layers.Conv2D(channels, 1, name=f"{name}_shortcut")(x)
    return x + h


def build_unet(
    image_shape=(28, 28, 1),
    num_classes=10,
    width=16,
    time_dim=64,
    multipliers=(1, 2, 4),
    groups=0,
):
    """A small U-Net from ``[x_t, t, label]`` to the predicted noise, the shape of ``x_t``.

    Levels: ``width * multipliers[i]`` channels at 28, 14 and 7 pixels (for
    28 x 28 images); one residual block per level on the way down, one in the
    middle, and one per level on the way up after joining the skip
    connection. Downsampling by strided 3 x 3 convolutions, upsampling by
    nearest-neighbour doubling and a 3 x 3 convolution. The last convolution
    starts at zero, so an untrained network predicts no noise.

    At the defaults (16, 32 and 64 channels, the lesson's network) it has
    369,409 parameters, and one forward pass of one image costs 38.7 M
    multiply-adds (38,687,232, counted from its convolutions and dense layers
    by ``bench/diffusion_speed.py``), 0.077 GFLOP; a training step (forward
    and backward, about three forward passes) about 0.23 GFLOP per image. Group normalisation is left out by
    default: on a 2-core CPU it doubled the time of a forward pass (2.8 s
    against 1.4 s for 400 images, medians of 4 alternating runs on a loaded
    machine); the residual blocks train without it.

    Args:
        image_shape: (height, width, channels); height and width divisible by
            ``2 ** (len(multipliers) - 1)``.
        num_classes: the number of labels; the label ``num_classes`` means "no label".
        width: the channels of the first level.
        time_dim: the size of the timestep's sinusoidal embedding and of the
            embedding added to each block.
        multipliers: each level's channels, in multiples of ``width``.
        groups: the groups of each block's group normalisation (0, the
            default, leaves it out).

    Returns:
        A ``keras.Model`` named "unet".

    Raises:
        ValueError: for sizes that do not fit together.

    Example:
        >>> unet = build_unet()
        >>> eps_hat = unet([x_t, t[:, None], labels[:, None]])  # (batch, 28, 28, 1)
    """
    image_shape = tuple(int(s) for s in image_shape)
    levels = len(multipliers)
    if len(image_shape) != 3 or min(image_shape) < 1:
        raise ValueError(
            f"image_shape must be (height, width, channels). Received: image_shape={image_shape!r}"
        )
    if levels < 1 or image_shape[0] % 2 ** (levels - 1) or image_shape[1] % 2 ** (levels - 1):
        raise ValueError(
            f"image_shape's height and width must be divisible by {2 ** (levels - 1)} for "
            f"{levels} levels. Received: image_shape={image_shape!r}, multipliers={multipliers!r}"
        )
    if isinstance(num_classes, bool) or not isinstance(num_classes, int) or num_classes < 1:
        raise ValueError(f"num_classes must be an int >= 1. Received: num_classes={num_classes!r}")
    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        raise ValueError(f"width must be a positive int. Received: width={width!r}")
    if groups and any((width * m) % groups for m in multipliers):
        raise ValueError(
            f"every level's channels must be divisible by groups. Received: width={width!r}, "
            f"multipliers={multipliers!r}, groups={groups!r}"
        )
    x_t = keras.Input(shape=image_shape, name="x_t")
    t = keras.Input(shape=(1,), dtype="int32", name="t")
    label = keras.Input(shape=(1,), dtype="int32", name="label")

    emb = TimeEmbedding(time_dim, name="time_embedding")(t)
    emb = layers.Dense(time_dim, activation="swish", name="time_dense1")(emb)
    emb = layers.Dense(time_dim, name="time_dense2")(emb)
    # num_classes + 1 rows: the last is the null label of classifier-free guidance.
    label_emb = layers.Embedding(num_classes + 1, time_dim, name="label_embedding")(label)
    emb = emb + layers.Reshape((time_dim,))(label_emb)
    emb = layers.Activation("swish")(emb)  # (batch, time_dim)

    channels = [width * m for m in multipliers]
    h = layers.Conv2D(channels[0], 3, padding="same", name="stem")(x_t)
    skips = []
    for i, c in enumerate(channels):
        h = _residual_block(h, emb, c, groups, f"down{i}")
        skips.append(h)
        if i < levels - 1:
            h = layers.Conv2D(c, 3, strides=2, padding="same", name=f"downsample{i}")(h)
    h = _residual_block(h, emb, channels[-1], groups, "middle")
    for i in reversed(range(levels)):
        if i < levels - 1:
            h = layers.UpSampling2D(2, interpolation="nearest")(h)
            h = layers.Conv2D(channels[i], 3, padding="same", name=f"upsample{i}")(h)
        h = layers.Concatenate()([h, skips[i]])
        h = _residual_block(h, emb, channels[i], groups, f"up{i}")
    h = _norm(groups, "out_norm")(h)
    h = layers.Activation("swish")(h)
    eps_hat = layers.Conv2D(
        image_shape[-1], 3, padding="same", kernel_initializer="zeros", name="eps_hat"
    )(h)
    return keras.Model([x_t, t, label], eps_hat, name="unet")
