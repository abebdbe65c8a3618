"""Prints how fast the course's models train on this machine, against the Keras examples.

    .venv/bin/python bench/speed.py                 # the full table (25-30 min on 2 idle cores)
    .venv/bin/python bench/speed.py --no-lessons    # without the lessons' run times (about 20 min)
    .venv/bin/python bench/speed.py --quick         # a smoke run in well under a minute
    .venv/bin/python bench/speed.py --explore       # what speeds training up: XLA, threads, ...

For the VAE, the GAN and the conditional GAN it measures, on the 4,000
``mnist5k`` training digits: training throughput (real images per second),
wall time to a quality target (the clock runs only while training; the
quality is measured after every epoch and that time is not counted), and the
peak memory (resident set) of the process. Each model trains in its own
process so that the peak memory is its own. Beside each of ours it trains the
architecture of the matching official Keras example (see ``bench/baselines.py``)
the same way, and prints our figures as ratios to it.

Quality targets: the VAE's held-out reconstruction loss (binary cross-entropy
summed over the pixels, mean over the 1,000 held-out digits); the GAN's
Frechet distance on the judge's features between 1,000 generated and the
1,000 held-out digits; the cGAN's label agreement (the share of 1,000 samples,
100 per class, that the shipped judge reads as their label) at 90% and 95%.
A baseline that does not reach a target within its cap (``--cap``) is
reported as "not reached" and the ratio as a lower bound (">=").

The figures are wall-clock time on this machine: the load average printed at
the start and end says how busy it was. Compare alternatives in alternating
runs, as ratios (``--explore`` does that); timings of one setup drift 25-50%
between runs on a shared 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# Ours and the matching Keras example; batch sizes are the lessons' and the examples'.
MODELS = {
    "vae": {"label": "VAE, 2-D latent (ours)", "batch": 64, "kind": "vae"},
    "vae_keras": {"label": "VAE, 2-D latent (Keras example)", "batch": 128, "kind": "vae"},
    "gan": {"label": "GAN (ours)", "batch": 64, "kind": "gan"},
    "gan_keras": {"label": "GAN (Keras example)", "batch": 64, "kind": "gan"},
    "cgan": {"label": "cGAN (ours)", "batch": 64, "kind": "cgan"},
    "cgan_keras": {"label": "cGAN (Keras example)", "batch": 64, "kind": "cgan"},
}
PAIRS = [("vae", "vae_keras"), ("gan", "gan_keras"), ("cgan", "cgan_keras")]
# (metric, direction, threshold): "<=" lower is better.
TARGETS = {
    "vae": [("reconstruction_loss", "<=", 160.0)],
    "gan": [("frechet_distance", "<=", 60.0)],
    "cgan": [("label_agreement", ">=", 0.90), ("label_agreement", ">=", 0.95)],
}
CAPS = {"ours": 400.0, "baseline": 150.0}  # seconds of training per model
# The aim: our cGAN reaches 90% label agreement at least AIM times sooner than
# the baseline. The baseline cGAN's cap is raised to a little over AIM times our time,
# so that a baseline that is still short of 90% at its cap settles the aim.
AIM = 10.0


# --- one model, in a child process ---------------------------------------------------


def _configure(variant):
    """Settings that must precede TensorFlow's first use."""
    import tensorflow as tf

    if variant.get("threads"):
        intra, inter = variant["threads"]
        tf.config.threading.set_intra_op_parallelism_threads(intra)
        tf.config.threading.set_inter_op_parallelism_threads(inter)
    if variant.get("bf16"):
        import keras

        keras.mixed_precision.set_global_policy("mixed_bfloat16")


def _build(name, variant):
    import keras

    from gencourse.models import VAE, make_conditional_gan, make_gan

    jit = bool(variant.get("jit"))
    if name == "vae":
        keras.utils.set_random_seed(0)
        model = VAE(latent_dim=2, seed=1)
        model.compile(optimizer=keras.optimizers.Adam(1e-3), jit_compile=jit)
    elif name == "gan":
        model = make_gan(latent_dim=64, seed=0)
        model.compile(jit_compile=jit)
    elif name == "cgan":
        model = make_conditional_gan(latent_dim=64, num_classes=10, seed=0)
        model.compile(jit_compile=jit)
    else:
        from baselines import KerasExampleGAN, KerasExampleVAE

        keras.utils.set_random_seed(0)
        if name == "vae_keras":
            model = KerasExampleVAE(latent_dim=2, seed=1)
            model.compile(optimizer=keras.optimizers.Adam(), jit_compile=jit)
        else:
            classes = 10 if name == "cgan_keras" else 0
            model = KerasExampleGAN(latent_dim=128, num_classes=classes, seed=0)
            model.compile(jit_compile=jit)
    return model


def _quality(name, model, digits, judge, n_eval):
    from gencourse import metrics

    kind = MODELS[name]["kind"]
    if kind == "vae":
        result = model.evaluate(digits.x_test[:n_eval], verbose=0, return_dict=True)
        return {"reconstruction_loss": float(result["reconstruction_loss"])}
    if kind == "gan":
        images = model.generate(n=n_eval, seed=123)
        return {"frechet_distance": metrics.frechet_distance(images, digits.x_test[:n_eval], judge)}
    labels = np.repeat(np.arange(10), n_eval // 10)
    images = model.generate(labels, seed=123)
    return {"label_agreement": metrics.label_agreement(judge, images, labels).overall}


def _met(kind, quality):
    return [(quality[m] <= t) if d == "<=" else (quality[m] >= t) for m, d, t in TARGETS[kind]]


def _fit_args(name, digits, n_train, variant, batch):
    """What ``fit`` gets: the arrays as the lessons pass them, or a prefetching tf.data pipeline."""
    x, y = digits.x_train[:n_train], digits.y_train[:n_train]
    conditional = MODELS[name]["kind"] == "cgan"
    if variant.get("prefetch"):
        import tensorflow as tf

        parts = (x, y) if conditional else x
        ds = tf.data.Dataset.from_tensor_slices(parts).cache().shuffle(len(x), seed=0)
        ds = ds.batch(batch).prefetch(tf.data.AUTOTUNE)
        return (ds,), {}
    return ((x, y) if conditional else (x,)), {"batch_size": batch, "shuffle": True}


def train_one(spec):
    """Trains one model epoch by epoch until its targets, its cap or its epoch limit."""
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()  # also keeps retracing warnings out of the table
    _configure(spec.get("variant", {}))
    from gencourse import data, metrics

    name, variant = spec["model"], spec.get("variant", {})
    digits = data.load("mnist5k", seed=0)
    judge = metrics.load_judge()
    model = _build(name, variant)
    batch = variant.get("batch") or MODELS[name]["batch"]
    n_train = spec.get("n_train") or len(digits.x_train)
    args, kwargs = _fit_args(name, digits, n_train, variant, batch)
    kind = MODELS[name]["kind"]
    clock, epoch_times, reached, curve = 0.0, [], [None] * len(TARGETS[kind]), []
    while True:
        t0 = time.perf_counter()
        model.fit(*args, epochs=1, verbose=0, **kwargs)
        epoch_times.append(time.perf_counter() - t0)
        clock += epoch_times[-1]
        quality = _quality(name, model, digits, judge, spec.get("n_eval", 1000))
        curve.append({"epoch": len(epoch_times), "seconds": round(clock, 2), **quality})
        for i, ok in enumerate(_met(kind, quality)):
            if ok and reached[i] is None:
                reached[i] = {"seconds": clock, "epochs": len(epoch_times)}
        done_targets = all(r is not None for r in reached) and not spec.get("epochs")
        if done_targets or clock >= spec["cap"] or len(epoch_times) >= spec["max_epochs"]:
            break
    steady = epoch_times[1:] or epoch_times
    return {
        "model": name,
        "variant": variant,
        "batch": batch,
        "epochs": len(epoch_times),
        "train_seconds": clock,
        "first_epoch_seconds": epoch_times[0],
        "images_per_second": n_train * len(steady) / sum(steady),
        "reached": reached,
        "final": curve[-1],
        "curve": curve,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "cap": spec["cap"],
    }


def run_child(spec):
    """Runs :func:`train_one` in a fresh Python process and returns its result."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(spec)],
        capture_output=True,
        text=True,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"},
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    return {"model": spec["model"], "error": (done.stderr or done.stdout)[-1500:]}


# --- the table -------------------------------------------------------------------------


def _target_text(kind, i):
    metric, direction, threshold = TARGETS[kind][i]
    shown = f"{threshold:.0%}" if metric == "label_agreement" else f"{threshold:g}"
    return f"{metric.replace('_', ' ')} {direction} {shown}"


def _reached(result, kind):
    """When each target was first met, from the curve (so targets can be changed afterwards)."""
    reached = [None] * len(TARGETS[kind])
    for point in result["curve"]:
        for i, ok in enumerate(_met(kind, point)):
            if ok and reached[i] is None:
                reached[i] = {"seconds": point["seconds"], "epochs": point["epoch"]}
    return reached


def _time_text(result, i):
    hit = result["reached"][i]
    if hit is None:
        return f"not reached in {result['train_seconds']:.0f} s"
    return f"{hit['seconds']:.1f} s ({hit['epochs']} ep)"


def _ratio_text(ours, base, i):
    """How many times sooner we reach target ``i`` (a lower bound when the baseline did not)."""
    mine, theirs = ours["reached"][i], base["reached"][i]
    if mine is None:
        return "n/a (ours not reached)"
    if theirs is None:
        return f">= {base['train_seconds'] / mine['seconds']:.1f}x sooner (baseline capped)"
    return f"{theirs['seconds'] / mine['seconds']:.1f}x sooner"


def print_training_table(results):
    print(
        f"\n{'model':<34}{'batch':>6}{'img/s':>8}{'epochs':>7}{'peak MB':>9}  "
        f"{'target':<30}{'time to target':<26}{'final quality'}"
    )
    for name, result in results.items():
        label = MODELS[name]["label"]
        if "error" in result:
            print(f"{label:<34}  failed: {result['error'].splitlines()[-1]}")
            continue
        kind = MODELS[name]["kind"]
        result["reached"] = _reached(result, kind)
        final = {k: v for k, v in result["final"].items() if k not in ("epoch", "seconds")}
        final_text = ", ".join(f"{k} {v:.3g}" for k, v in final.items())
        for i in range(len(TARGETS[kind])):
            head = (
                f"{label:<34}{result['batch']:>6}{result['images_per_second']:>8.0f}"
                f"{result['epochs']:>7}{result['peak_rss_mb']:>9.0f}"
                if i == 0
                else " " * 64
            )
            print(
                f"{head}  {_target_text(kind, i):<30}{_time_text(result, i):<26}"
                f"{final_text if i == 0 else ''}"
            )
    print("\nours against the Keras example (higher is better for ours):")
    for ours_name, base_name in PAIRS:
        ours, base = results.get(ours_name), results.get(base_name)
        if not ours or not base or "error" in ours or "error" in base:
            continue
        kind = MODELS[ours_name]["kind"]
        parts = [
            f"throughput x{ours['images_per_second'] / base['images_per_second']:.2f}",
            *(
                f"{_target_text(kind, i)}: {_ratio_text(ours, base, i)}"
                for i in range(len(TARGETS[kind]))
            ),
            f"peak memory ours/baseline {ours['peak_rss_mb'] / base['peak_rss_mb']:.2f}",
        ]
        print(f"  {kind:<5} " + "; ".join(parts))


def lesson_times(quick):
    from gencourse import release, runner

    modes = ["quick"] if quick else ["quick", "full"]
    print(f"\n{'lesson':<12}{'lang':<6}{'mode':<7}{'seconds':>9}  status")
    out = ROOT / "runs" / "bench"
    for lesson in release.available_lessons(ROOT):
        for mode in modes:
            result = runner.run_lesson(ROOT, lesson, "ko", mode, "solutions", out)
            status = "ok" if result.ok else result.error
            print(
                f"{result.lesson:<12}{'ko':<6}{mode:<7}{result.seconds:>9.1f}  {status}", flush=True
            )


VARIANTS = {
    "default": {},
    "xla": {"jit": True},
    "threads-2-1": {"threads": [2, 1]},
    "threads-1-1": {"threads": [1, 1]},
    "prefetch": {"prefetch": True},
    "batch-128": {"batch": 128},
    "bfloat16": {"bf16": True},
}


def explore(models, rounds, epochs, names):
    """Alternating runs of each setting; prints throughput ratios to the default setting."""
    variants = {name: VARIANTS[name] for name in ["default", *names] if name in VARIANTS}
    speeds = {(m, v): [] for m in models for v in variants}
    for r in range(rounds):
        order = list(variants) if r % 2 == 0 else list(variants)[::-1]
        for model in models:
            for v in order:
                spec = {
                    "model": model, "variant": variants[v], "cap": 1e9,
                    "max_epochs": epochs, "epochs": epochs,
                }  # fmt: skip
                result = run_child(spec)
                speed = result.get("images_per_second")
                speeds[(model, v)].append(speed)
                final = result.get("final", {})
                print(f"  round {r + 1} {model:<6} {v:<18} img/s {speed}  {final}", flush=True)
    print(f"\n{'model':<8}{'setting':<20}{'img/s (runs)':<28}{'vs default':>10}")
    for model in models:
        base = [s for s in speeds[(model, "default")] if s]
        for v in variants:
            runs = speeds[(model, v)]
            ok = [s for s in runs if s]
            text = " ".join(f"{s:.0f}" if s else "fail" for s in runs)
            ratio = f"x{np.mean(ok) / np.mean(base):.2f}" if ok and base else "-"
            print(f"{model:<8}{v:<20}{text:<28}{ratio:>10}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: tiny sizes")
    parser.add_argument("--no-lessons", action="store_true", help="skip the lessons' run times")
    parser.add_argument("--models", nargs="+", choices=list(MODELS),
                        help="default: all (--quick: the two cGANs)")  # fmt: skip
    parser.add_argument("--cap", type=float, default=CAPS["baseline"],
                        help="seconds of training for each baseline (ours: 400); the cGAN "
                        "baseline's is raised to 10.5x our time to 90%%")  # fmt: skip
    parser.add_argument("--max-cap", type=float, default=1200.0,
                        help="the most seconds of training the cGAN baseline gets")  # fmt: skip
    parser.add_argument("--explore", action="store_true", help="compare speed-up settings")
    parser.add_argument("--rounds", type=int, default=2, help="--explore: alternating rounds")
    parser.add_argument("--variants", nargs="+", choices=list(VARIANTS)[1:], default=list(VARIANTS)[1:],
                        help="--explore: settings to compare with the default")  # fmt: skip
    parser.add_argument("--epochs", type=int, default=3, help="--explore: epochs per run")
    parser.add_argument("--json", type=Path, help="also write every result (with curves) here")
    parser.add_argument("--merge", type=Path, nargs="+", metavar="JSON",
                        help="print the table of results saved by earlier --json runs")  # fmt: skip
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.merge:
        results = {}
        for path in args.merge:
            results.update(json.loads(path.read_text("utf-8")))
        print_training_table({name: results[name] for name in MODELS if name in results})
        return 0

    if args.child:
        print("RESULT " + json.dumps(train_one(json.loads(args.child))), flush=True)
        return 0
    print(f"cpu cores: {os.cpu_count()}; load average at start: {os.getloadavg()[0]:.1f}")
    if args.explore:
        chosen = [m for m in (args.models or ["vae", "gan", "cgan"]) if m in ("vae", "gan", "cgan")]
        explore(chosen, args.rounds, args.epochs, args.variants)
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
        return 0
    models = args.models or (["cgan", "cgan_keras"] if args.quick else list(MODELS))
    results = {}
    for name in models:
        spec = {
            "model": name,
            "cap": args.cap if name.endswith("_keras") else CAPS["ours"],
            "max_epochs": 200,
        }
        if name == "cgan_keras" and "cgan" in results and "curve" in results["cgan"]:
            hit = _reached(results["cgan"], "cgan")[0]
            if hit and not args.quick:
                spec["cap"] = min(max(spec["cap"], 1.05 * AIM * hit["seconds"]), args.max_cap)
                print(f"  baseline cGAN capped at {spec['cap']:.0f} s of training", flush=True)
        if args.quick:  # one process, tiny sizes: the same code path, not a measurement
            spec.update(cap=1.0, max_epochs=1, n_train=128, n_eval=100)
            result = train_one(spec)
        else:
            result = run_child(spec)
        results[name] = result
        summary = result.get("final") or result.get("error", "")[-300:]
        print(f"  trained {name}: {summary}", flush=True)
    print_training_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", "utf-8")
    if not args.no_lessons:
        lesson_times(args.quick)
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")
    return 0 if all("error" not in r for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
