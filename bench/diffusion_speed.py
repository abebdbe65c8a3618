"""Issue 33: how fast lesson 07's diffusion model trains and samples on this machine.

Prints, for the lesson's network (:func:`gencourse.models.make_diffusion`, the
U-Net of :func:`gencourse.models.unet.build_unet`) and batch:

- its parameters and its multiply-adds per image for one forward pass,
  counted from its layers (convolutions, dense layers); a training step is
  taken as three forward passes (the backward pass costs about two: the
  gradients with respect to each layer's input and to its weights);
- training: ms per step and images per second through ``fit`` (traced
  first, then timed), the GFLOP per step and the rate it reaches, and that
  rate's share of a 2048 x 2048 float32 matrix product's (about the most
  arithmetic this CPU does per second);
- sampling: seconds per 1,000 images for DDIM with 10, 25, 50 and 100 steps
  and DDPM with all T = 1,000 steps, with guidance (one batched pass of the
  conditional and the null label: twice the network's work) and without.
  Every step costs one pass of the network over the batch, so the time per
  step is measured on one batch of ``--sample-batch`` images (the best of 5
  one-step runs) and multiplied out; one direct DDIM run of 1,000 images
  checks that multiplication.

``--quality SECONDS`` also trains the lesson's model on the 4,000 mnist5k
training digits for about that long and reads 500 samples (DDIM 25 steps,
guidance 2) with the shipped judge: label agreement, share read with >= 0.9
confidence, Frechet distance to the held-out digits.

    .venv/bin/python bench/diffusion_speed.py             # a few minutes
    .venv/bin/python bench/diffusion_speed.py --quick     # a smoke run
    .venv/bin/python bench/diffusion_speed.py --quality 240
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np
from augment_grid import layer_macs  # bench/ is on the path when a script here runs


def matmul_rate(size: int = 2048, bursts: int = 5, repeats: int = 4) -> float:
    """FLOP per second of a float32 ``size`` x ``size`` matrix product (compiled, warm).

    The best of ``bursts`` timings of ``repeats`` products: on a shared machine
    the best burst is the nearest to what the CPU does when it is not shared.
    """
    import tensorflow as tf

    a = tf.random.normal((size, size), seed=1)
    product = tf.function(lambda: tf.linalg.matmul(a, a))
    product().numpy()
    best = float("inf")
    for _ in range(bursts):
        t0 = time.perf_counter()
        for _ in range(repeats):
            product().numpy()
        best = min(best, time.perf_counter() - t0)
    return 2 * size**3 * repeats / best


def time_training(model, x, y, batch: int, steps: int, blocks: int = 3) -> float:
    """Seconds per training step through ``fit``: the best of ``blocks`` timed calls, after a traced one."""
    n = batch * steps
    model.fit(x[: batch * 2], y[: batch * 2], epochs=1, batch_size=batch, verbose=0)  # traced
    best = float("inf")
    for _ in range(blocks):
        t0 = time.perf_counter()
        model.fit(x[:n], y[:n], epochs=1, batch_size=batch, verbose=0, shuffle=False)
        best = min(best, (time.perf_counter() - t0) / steps)
    return best


def time_sampling_step(model, method: str, guidance: float, batch: int, repeats: int) -> float:
    """Seconds per reverse step on one batch of ``batch`` images: the best of ``repeats`` steps.

    Each timing is a one-step ``sample`` (the start noise drawn, one network
    pass over the batch, one update), after a traced, warm one.
    """
    labels = np.arange(batch) % model.num_classes
    best = float("inf")
    for i in range(repeats + 1):  # the first one traces
        t0 = time.perf_counter()
        model.sample(labels, steps=1, method=method, guidance=guidance, seed=i, batch_size=batch)
        if i:
            best = min(best, time.perf_counter() - t0)
    return best


def quality(model, data, seconds: float, batch: int) -> None:
    """Trains for about ``seconds`` (whole epochs) and prints the judge's reading of 500 samples."""
    from gencourse import metrics, pretrained

    judge = pretrained.load("judge_mnist5k")
    spent, epochs = 0.0, 0
    while spent < seconds:
        t0 = time.perf_counter()
        history = model.fit(data.x_train, data.y_train, epochs=1, batch_size=batch, verbose=0)
        spent += time.perf_counter() - t0
        epochs += 1
        print(f"epoch {epochs}: {spent:.0f} s, loss {history.history['loss'][-1]:.4f}", flush=True)
    labels = np.repeat(np.arange(10), 50)
    images = model.sample(labels, steps=25, guidance=2.0, seed=0)
    agreement = metrics.label_agreement(judge, images, labels)
    confident = metrics.confident_share(judge, images)
    fd = metrics.frechet_distance(images, data.x_test, judge)
    print(
        f"after {epochs} epochs ({spent:.0f} s, {epochs * -(-len(data.x_train) // batch)} steps): "
        f"500 samples (DDIM 25, guidance 2): label agreement {100 * agreement.overall:.1f}%, "
        f"read with >= 0.9 confidence {100 * confident:.1f}%, Frechet distance {fd:.1f}",
        flush=True,
    )


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--batch", type=int, default=64, help="training batch (the lesson's: 64)")
    p.add_argument("--sample-batch", type=int, default=500, help="images denoised at once")
    p.add_argument("--quality", type=float, default=0.0, help="also train this many seconds")
    p.add_argument("--quick", action="store_true", help="tiny sizes (a smoke run)")
    args = p.parse_args(argv)

    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    from gencourse.data import load
    from gencourse.models import make_diffusion

    print(f"load average at the start: {os.getloadavg()[0]:.1f}", flush=True)
    data = load("mnist5k")
    x, y = data.x_train, data.y_train.astype("int32")
    train_steps, sample_repeats = (3, 2) if args.quick else (20, 5)
    sample_batch = 8 if args.quick else args.sample_batch
    size = 512 if args.quick else 2048
    rate = matmul_rate(size)
    print(
        f"a {size} x {size} float32 matrix product: {rate / 1e9:.0f} GFLOP/s (best of 5 bursts)",
        flush=True,
    )

    model = make_diffusion(seed=0, width=8 if args.quick else None)
    macs = layer_macs(model.network)
    print(
        f"U-Net: {model.network.count_params():,} parameters; {macs / 1e6:.1f} M multiply-adds "
        f"per image per forward pass ({2 * macs / 1e9:.3f} GFLOP), counted from its layers",
        flush=True,
    )
    seconds = time_training(model, x, y, args.batch, train_steps)
    rate = max(rate, matmul_rate(size))  # again after training: the best of both
    flop = 3 * 2 * macs * args.batch
    print(
        f"training, batch {args.batch}: {1000 * seconds:.0f} ms per step, "
        f"{args.batch / seconds:.0f} images/s (best of 3 blocks of {train_steps} steps); "
        f"{flop / 1e9:.1f} GFLOP per step (3 forward passes), {flop / seconds / 1e9:.1f} "
        f"GFLOP/s = {100 * flop / seconds / rate:.0f}% of the matrix product's best rate "
        f"({rate / 1e9:.0f} GFLOP/s)",
        flush=True,
    )

    per_step = {}
    for method, guidance in (("ddim", 2.0), ("ddim", 1.0), ("ddpm", 2.0), ("ddpm", 1.0)):
        per_step[method, guidance] = time_sampling_step(
            model, method, guidance, sample_batch, sample_repeats
        )
        passes = sample_batch * (2 if guidance != 1.0 else 1)
        print(
            f"{method.upper()} step, {sample_batch} images, guidance {guidance:g}, best of "
            f"{sample_repeats}: "
            f"{1000 * per_step[method, guidance]:.0f} ms ({passes} network passes, "
            f"{2 * macs * passes / per_step[method, guidance] / 1e9:.1f} GFLOP/s)",
            flush=True,
        )
    print("seconds per 1,000 images (best time per step x steps x batches):")
    print("| sampler | steps | guided (scale != 1) | conditional only (scale 1) |")
    print("| --- | ---: | ---: | ---: |")
    rows = [("DDIM", "ddim", s) for s in (10, 25, 50, 100)] + [("DDPM", "ddpm", 1000)]
    for name, method, steps in rows:
        cells = [f"{per_step[method, g] * steps * 1000 / sample_batch:,.0f}" for g in (2.0, 1.0)]
        print(f"| {name} | {steps:,} | {cells[0]} | {cells[1]} |", flush=True)
    if not args.quick:
        t0 = time.perf_counter()
        model.sample(np.arange(1000) % 10, steps=10, guidance=2.0, seed=1, batch_size=sample_batch)
        direct = time.perf_counter() - t0
        print(
            f"check: DDIM 10 steps, 1,000 images, guided, run directly: {direct:.0f} s "
            f"(multiplied out: {per_step['ddim', 2.0] * 10 * 1000 / sample_batch:.0f} s)",
            flush=True,
        )
    if args.quality > 0:
        quality(make_diffusion(seed=0), data, args.quality, args.batch)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
