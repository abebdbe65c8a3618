"""Issue 18: can the lesson's GAN give clearer digits by how it is sampled, without training longer?

    .venv/bin/python bench/gan_sampling.py           # the lesson's recipe, 20 epochs (about 4 min)
    .venv/bin/python bench/gan_sampling.py --quick   # a smoke run (tiny sizes)

Trains lesson 03's digit GAN (its recipe, seed 0, batch 32) and measures
1,000 samples two ways that need no more training, each against plain
sampling of the same model:

- **truncation**: z ~ N(0, s^2 I) with s < 1, nearer the middle of the prior;
- **discriminator top-k**: draw 1,000 / keep samples and keep the 1,000 the
  trained discriminator scores highest (a simple form of discriminator
  rejection sampling, Azadi et al. 2019).

Both with the moving average of the weights and with the last weights.
Figures, with the shipped judge on the 1,000 held-out digits: the
judge-feature Frechet distance, the share read with >= 0.9 confidence, and
the rarest digit's share.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def figures(judge, images, held_out) -> str:
    from gencourse import metrics

    verdict = metrics.judge_images(judge, images)
    shares = verdict.counts / verdict.counts.sum()
    fd = metrics.frechet_distance(images, held_out, judge)
    return f"FD {fd:5.1f}  >= 0.9 sure {verdict.confident_share:6.1%}  rarest {shares.min():5.1%}"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    args = p.parse_args(argv)
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras
    import numpy as np
    from keras import ops

    from gencourse import data, metrics, pretrained
    from gencourse.models import make_gan

    digits = data.load("mnist5k")
    judge = metrics.load_judge()
    epochs, n, x = args.epochs, 1000, digits.x_train
    if args.quick:
        epochs, n, x = 1, 100, x[:256]
    print(f"load average at the start: {os.getloadavg()[0]:.1f}", flush=True)
    keras.utils.set_random_seed(0)
    recipe = pretrained.RECIPES["gan_mnist5k"]  # the lesson's settings; ships trained longer
    gan = make_gan(**recipe["build"])
    t0 = time.perf_counter()
    gan.fit(x, epochs=epochs, batch_size=recipe["batch_size"], verbose=0)
    print(f"trained {epochs} epochs in {time.perf_counter() - t0:.0f} s", flush=True)
    z = gan.noise(4 * n, seed=7)  # the same noise vectors for both sets of weights
    for use_ema in (True, False):
        weights = "moving average" if use_ema else "last weights"
        network = gan.ema_generator if use_ema else gan.generator
        for s in (1.0, 0.8, 0.6):
            images = network.predict(s * z[:n], batch_size=500, verbose=0)
            print(
                f"{weights:14s} truncation s = {s:.1f}:         {figures(judge, images, digits.x_test)}"
            )
        pool = network.predict(z, batch_size=500, verbose=0)
        score = ops.convert_to_numpy(gan.discriminator.predict(pool, batch_size=500, verbose=0))
        for keep in (1.0, 0.8, 0.6, 0.4):
            drawn = int(round(n / keep))
            best = np.argsort(-score[:drawn].ravel(), kind="stable")[:n]
            print(
                f"{weights:14s} discriminator top {keep:.0%} of {drawn:4d}: "
                f"{figures(judge, pool[:drawn][best], digits.x_test)}",
                flush=True,
            )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
