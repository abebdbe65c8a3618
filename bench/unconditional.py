"""Before and after issue 18: the unconditional GAN (lesson 03) and the VAE (lesson 02).

    .venv/bin/python bench/unconditional.py                # both models, the lessons' sizes
    .venv/bin/python bench/unconditional.py --models gan   # one model
    .venv/bin/python bench/unconditional.py --quick        # a smoke run (tiny sizes)

Both recipes train in one run on this machine, with the same seeds, and are
measured with the course's own yardsticks (the shipped judge, 1,000 samples,
the 1,000 held-out digits):

- GAN, 20 epochs: before, ``make_gan(64, seed=0)`` with batch 64; after, the
  lesson's recipe, which adds a moving average of the generator's weights for
  sampling (``ema``), one-sided label smoothing, a discriminator twice as wide,
  a generator learning rate twice the discriminator's, a dense layer of 128
  units before the discriminator's logit with dropout 0.7 before it, and batch
  32. Figures: the judge-feature Frechet distance, the share read with >= 0.9
  confidence and the rarest digit's share.
- VAE, 16-D latent, 60 epochs: before, samples decoded from z ~ N(0, I); after,
  from the mixture of 10 Gaussians fitted to the training images' codes
  (``fit_code_density``), the same trained model.

Every ``--every`` epochs the samples are measured; the time to each target is
the wall time spent in ``fit`` until a measurement meets it (measuring is not
counted). The load average at the start and the end says how busy the machine was.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GAN_AFTER = {
    "ema": 0.98,
    "real_target": 0.9,
    "discriminator_width": 64,
    "generator_learning_rate": 2e-3,
    "discriminator_hidden": 128,
    "discriminator_dropout": 0.7,
}
GAN_AFTER_BATCH = 32  # twice the steps per epoch
TARGETS = {
    "gan": {"fd": ("<=", 25.0), "sure": (">=", 0.80), "rarest": (">=", 0.05)},
    "vae": {"sure": (">=", 0.75)},
}


class Clock:
    """Wall time inside ``fit``, without the time spent measuring between epochs."""

    def __init__(self):
        self.training = 0.0
        self._start = None

    def start(self):
        self._start = time.perf_counter()

    def stop(self):
        self.training += time.perf_counter() - self._start


def measured_fit(model, x, epochs, every, measure, batch_size=64):
    """Fits ``model`` ``every`` epochs at a time; returns [(epoch, seconds, figures)]."""
    clock, rows, done = Clock(), [], 0
    while done < epochs:
        step = min(every, epochs - done)
        clock.start()
        model.fit(x, epochs=step, batch_size=batch_size, verbose=0)
        clock.stop()
        done += step
        rows.append((done, clock.training, measure()))
    return rows


def met(figures, targets):
    return all(
        figures[key] <= bound if op == "<=" else figures[key] >= bound
        for key, (op, bound) in targets.items()
    )


def time_to(rows, targets):
    for epoch, seconds, figures in rows:
        if met(figures, targets):
            return f"{seconds:.0f} s ({epoch} ep)"
    return "not reached"


def run_gan(digits, judge, epochs, every, n):
    import keras

    from gencourse import metrics
    from gencourse.models import make_gan

    def measure_with(gan, use_ema):
        def measure():
            samples = gan.generate(n, seed=0, use_ema=use_ema)
            verdict = metrics.judge_images(judge, samples)
            return {
                "fd": metrics.frechet_distance(samples, digits.x_test, judge),
                "sure": verdict.confident_share,
                "rarest": float(verdict.shares.min()),
                "shares": verdict.shares,
            }

        return measure

    results = {}
    for label, options, batch in (("before", {}, 64), ("after", GAN_AFTER, GAN_AFTER_BATCH)):
        keras.utils.set_random_seed(0)
        gan = make_gan(64, seed=0, **options)
        rows = measured_fit(gan, digits.x_train, epochs, every, measure_with(gan, True), batch)
        results[label] = rows
        if options.get("ema"):  # the same trained model, sampled without the average
            results["after, without the average"] = [
                (epochs, rows[-1][1], measure_with(gan, False)())
            ]
    return results


def run_vae(digits, judge, epochs, every, n):
    import keras

    from gencourse import metrics
    from gencourse.models import VAE

    keras.utils.set_random_seed(1)
    vae = VAE(latent_dim=16, seed=1)
    vae.compile(optimizer=keras.optimizers.Adam(1e-3))
    both = []

    def measure():
        vae.fit_code_density(digits.x_train, seed=0)
        figures = {}
        for from_codes in (False, True):
            samples = vae.sample(n, seed=7, from_codes=from_codes)
            verdict = metrics.judge_images(judge, samples)
            figures[from_codes] = {
                "fd": metrics.frechet_distance(samples, digits.x_test, judge),
                "sure": verdict.confident_share,
                "rarest": float(verdict.shares.min()),
                "shares": verdict.shares,
            }
        both.append(figures)
        return figures[True]

    rows = measured_fit(vae, digits.x_train, epochs, every, measure)
    before = [(e, s, f[False]) for (e, s, _), f in zip(rows, both, strict=True)]
    after = [(e, s, f[True]) for (e, s, _), f in zip(rows, both, strict=True)]
    return {"before": before, "after": after}


def table(model, results, targets):
    print(f"\n{model}: the last measurement of each recipe, and the time to the targets")
    goal = ", ".join(f"{k} {op} {b}" for k, (op, b) in targets.items())
    print(
        "| recipe | epochs | training s | FD (judge features) | >= 0.9 sure | rarest digit | "
        f"time to {goal} |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for label, rows in results.items():
        epoch, seconds, f = rows[-1]
        reach = time_to(rows, targets) if len(rows) > 1 else ""
        print(
            f"| {label} | {epoch} | {seconds:.0f} | {f['fd']:.1f} | {f['sure']:.1%} | "
            f"{f['rarest']:.1%} (digit {int(f['shares'].argmin())}) | {reach} |"
        )
    for label, rows in results.items():
        shares = " ".join(f"{s:.3f}" for s in rows[-1][2]["shares"])
        print(f"  {label}: digit shares 0-9: {shares}")
    for label, rows in results.items():
        if len(rows) > 1:
            trace = ", ".join(f"{e}: {f['fd']:.0f}/{f['sure']:.0%}" for e, _, f in rows)
            print(f"  {label}, epoch: FD/sure: {trace}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="+", choices=["gan", "vae"], default=["gan", "vae"])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, a smoke run")
    args = parser.parse_args()

    import gencourse as gc

    gc.setup(lang="en")
    from gencourse import data, metrics

    digits = data.load("mnist5k", seed=0)
    judge = metrics.load_judge()
    if args.quick:
        import dataclasses

        digits = dataclasses.replace(digits, x_train=digits.x_train[:256])
    n = 200 if args.quick else 1000
    print(f"cpu cores: {os.cpu_count()}, load average at the start: {os.getloadavg()[0]:.1f}")
    if "gan" in args.models:
        epochs, every = (2, 1) if args.quick else (20, 2)
        table("GAN (lesson 03)", run_gan(digits, judge, epochs, every, n), TARGETS["gan"])
    if "vae" in args.models:
        epochs, every = (2, 1) if args.quick else (60, 10)
        table(
            "VAE (lesson 02, 16-D, batch 64)",
            run_vae(digits, judge, epochs, every, n),
            TARGETS["vae"],
        )
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
