"""Issue 18: more levers on lesson 03's GAN, one run per combination of levers.

    .venv/bin/python bench/gan_levers.py base dhead dhead+mbstd   # 20 epochs each
    .venv/bin/python bench/gan_levers.py --quick base dhead       # a smoke run (tiny sizes)
    GAN_LEVERS_THREADS=2 .venv/bin/python bench/gan_levers.py base  # more TensorFlow threads

Each argument names one run: ``base`` (the lesson's recipe: discriminator
width 64, generator learning rate 2e-3, real target 0.9, EMA 0.98, batch 32,
seed 0) or levers joined by ``+``, each added to it:

- ``dhead``: a dense layer of 128 units (leaky ReLU) between the
  discriminator's convolutions and its logit, as the conditional GAN's
  discriminator has (``head256``: 256 units instead);
- ``mbstd``: a minibatch standard deviation feature map for the
  discriminator (groups of 4 images of the same kind, Karras et al. 2018);
- ``drop0``: no dropout in the discriminator (the lesson's: 0.3); ``drop5``, ``drop7``: 0.5, 0.7;
- ``beta2``: Adam's beta_2 0.99 for both networks (the lesson's: 0.999);
- ``glr3``: generator learning rate 3e-3;
- ``latent128``: 128 numbers of noise instead of 64;
- ``decay``: both learning rates fall linearly from epoch 10 to 5% at the end.

The networks come from the course's ``build_generator`` and
``build_discriminator``; only ``mbstd`` writes its discriminator out, to put
the extra map after the convolutions. Every 5 epochs it prints the
figures of 1,000 samples from seed 7 (the lesson's), sampled with the moving
average; at the end also with the last weights and from seed 0. Figures,
with the shipped judge against the 1,000 held-out digits: the judge-feature
Frechet distance, the share read with >= 0.9 confidence, the rarest digit's
share and each digit's share. Runs go one after the other, on one
TensorFlow thread by default, so that two processes can share a 2-core
machine; the seconds printed are training only.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LEVERS = (
    "dhead",
    "head256",
    "mbstd",
    "drop0",
    "drop5",
    "drop7",
    "beta2",
    "glr3",
    "latent128",
    "decay",
)


def networks(levers: set, latent: int):
    """The lesson's generator and discriminator (the course's builders), with ``levers``."""
    from gencourse.models.gan import build_discriminator, build_generator

    dropout = (
        0.0
        if "drop0" in levers
        else 0.7
        if "drop7" in levers
        else 0.5
        if "drop5" in levers
        else 0.3
    )
    hidden = 256 if "head256" in levers else 128 if "dhead" in levers else None
    generator = build_generator(latent)
    if "mbstd" not in levers:
        return generator, build_discriminator(width=64, dropout=dropout, hidden=hidden)
    return generator, minibatch_std_discriminator(dropout, hidden)


def minibatch_std_discriminator(dropout: float, hidden):
    """``build_discriminator(width=64, ...)`` with a minibatch standard deviation map after
    its convolutions (the builder has no place for it)."""
    import keras
    from keras import layers, ops

    class MinibatchStd(layers.Layer):
        """Appends one map: the mean standard deviation over each group of 4 images."""

        def call(self, x):
            shape = ops.shape(x)
            groups = ops.reshape(x, (-1, 4, shape[1], shape[2], shape[3]))
            spread = ops.mean(ops.sqrt(ops.var(groups, axis=1) + 1e-8), axis=(1, 2, 3))
            spread = ops.reshape(ops.repeat(spread, 4, axis=0), (-1, 1, 1, 1))
            return ops.concatenate(
                [x, ops.broadcast_to(spread, (shape[0], shape[1], shape[2], 1))], axis=-1
            )

    seen = keras.Input(shape=(28, 28, 1))
    x = layers.LeakyReLU(0.2)(layers.Conv2D(64, 4, strides=2, padding="same")(seen))
    x = layers.LeakyReLU(0.2)(layers.Conv2D(128, 4, strides=2, padding="same")(x))
    # The mixed batch holds N real then N fake: groups of 4 in a row stay of one kind.
    x = layers.Flatten()(MinibatchStd()(x))
    if dropout:
        x = layers.Dropout(dropout)(x)
    if hidden:
        x = layers.LeakyReLU(0.2)(layers.Dense(hidden)(x))
    return keras.Model(seen, layers.Dense(1)(x))


def run(spec: str, digits, judge, epochs: int, n: int, batch_size: int = 32) -> None:
    import keras

    from gencourse import metrics
    from gencourse.models.gan import GAN

    levers = set() if spec == "base" else set(spec.split("+"))
    latent = 128 if "latent128" in levers else 64
    keras.utils.set_random_seed(0)
    generator, discriminator = networks(levers, latent)
    gan = GAN(generator, discriminator, latent_dim=latent, seed=0, ema=0.98, real_target=0.9)
    beta_2 = 0.99 if "beta2" in levers else 0.999
    g_rate, d_rate = (3e-3 if "glr3" in levers else 2e-3), 1e-3
    gan.compile(
        d_optimizer=keras.optimizers.Adam(d_rate, beta_1=0.5, beta_2=beta_2),
        g_optimizer=keras.optimizers.Adam(g_rate, beta_1=0.5, beta_2=beta_2),
    )

    def figures(seed=7, use_ema=True) -> str:
        images = gan.generate(n, seed=seed, use_ema=use_ema)
        verdict = metrics.judge_images(judge, images)
        fd = metrics.frechet_distance(images, digits.x_test, judge)
        shares = " ".join(f"{s:.3f}" for s in verdict.shares)
        return (
            f"FD {fd:5.1f}  >= 0.9 sure {verdict.confident_share:6.1%}  "
            f"rarest {verdict.shares.min():5.1%} (digit {int(verdict.shares.argmin())})  "
            f"shares 0-9: {shares}"
        )

    training = 0.0
    for epoch in range(1, epochs + 1):
        if "decay" in levers and epoch > 10:
            factor = max(0.05, 1 - (epoch - 10) / max(1, epochs - 10))
            gan.d_optimizer.learning_rate.assign(d_rate * factor)
            gan.g_optimizer.learning_rate.assign(g_rate * factor)
        start = time.perf_counter()
        gan.fit(digits.x_train, epochs=1, batch_size=batch_size, verbose=0)
        training += time.perf_counter() - start
        if epoch % 5 == 0 or epoch == epochs:
            print(
                f"{spec}, epoch {epoch} ({training:.0f} s): average, seed 7: {figures()}",
                flush=True,
            )
    print(f"{spec}, epoch {epochs}: last weights, seed 7: {figures(use_ema=False)}")
    print(f"{spec}, epoch {epochs}: average, seed 0: {figures(seed=0)}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", help="base, or levers joined by + (see above)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, a smoke run")
    args = parser.parse_args()
    for spec in args.runs:  # before TensorFlow loads, so that a typo costs nothing
        unknown = (set() if spec == "base" else set(spec.split("+"))) - set(LEVERS)
        if unknown:
            parser.error(f"unknown levers {sorted(unknown)} in {spec!r}: "
                         f"choose from base, {', '.join(LEVERS)}")  # fmt: skip
    threads = int(os.environ.get("GAN_LEVERS_THREADS", "1"))

    import tensorflow as tf

    try:
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError:  # TensorFlow already started in this process (e.g. a test's)
        threads = tf.config.threading.get_intra_op_parallelism_threads() or os.cpu_count()

    import dataclasses

    import gencourse as gc

    gc.setup(lang="en")
    from gencourse import data, metrics

    digits = data.load("mnist5k", seed=0)
    if args.quick:
        digits = dataclasses.replace(digits, x_train=digits.x_train[:256])
    judge = metrics.load_judge()
    print(f"cpu cores: {os.cpu_count()}, TensorFlow threads: {threads}, "
          f"load average at the start: {os.getloadavg()[0]:.1f}")  # fmt: skip
    for spec in args.runs:
        run(spec, digits, judge, epochs=1 if args.quick else 20, n=200 if args.quick else 1000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
