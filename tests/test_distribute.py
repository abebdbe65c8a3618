"""Do the VAE and the conditional GAN train the same under tf.distribute as on one device?

MirroredStrategy needs two logical CPU devices, which TensorFlow only allows
configuring before it initialises, so each comparison runs in a fresh Python
process (the script below) that prints its results as JSON.

Both runs start from the same weights and see the same batches and the same
random draws (noise, wrong-label offsets, the VAE's eps), which the data
carries so that each replica gets its own half. Plain SGD is used because
Adam divides by the gradient's size and would hide a gradient that is twice
too big, the mistake that custom training steps make under a strategy when
they do not divide each replica's loss by the number of replicas.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

SCRIPT = r"""
import json, os, sys
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow as tf

cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(
    cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()]
)
import keras
import numpy as np
from keras import ops

from gencourse.models import distribute
from gencourse.models.cgan import ConditionalGAN
from gencourse.models.gan import build_discriminator, build_generator
from gencourse.models.vae import VAE

STEPS, BATCH, LATENT, LR = 4, 64, 8, 0.05
rng = np.random.default_rng(0)
n = STEPS * BATCH
images = rng.uniform(size=(n, 28, 28, 1)).astype("float32")
labels = rng.integers(0, 10, size=(n, 1)).astype("int32")


class FixedDrawsVAE(VAE):
    def train_step(self, data):
        images, eps = data
        return self.vae_step(images, eps)


class FixedDrawsCGAN(ConditionalGAN):
    def train_step(self, data):
        real, labels, draws = data
        labels = ops.reshape(ops.cast(labels, "int32"), (-1, 1))
        noise_d, noise_g = draws[:, :LATENT], draws[:, LATENT : 2 * LATENT]
        offsets = ops.cast(draws[:, 2 * LATENT], "int32")
        n = ops.shape(real)[0]
        d_loss, d_prob = self.discriminator_step(real, labels, noise_d, offsets)
        g_loss = self.generator_step(labels, noise_g)
        return self._update(
            d_loss, g_loss, d_prob[:n], d_prob[n : 2 * n], d_mismatched=d_prob[2 * n :]
        )


def build(kind, strategy):
    keras.utils.set_random_seed(0)
    with distribute.scope(strategy):
        if kind == "vae":
            model = FixedDrawsVAE(latent_dim=LATENT, hidden_units=(64, 32), seed=0)
            model.compile(optimizer=keras.optimizers.SGD(LR))
        else:
            model = FixedDrawsCGAN(
                build_generator(LATENT, num_classes=10, width=16),
                build_discriminator(num_classes=10, width=8, dropout=0.0),
                latent_dim=LATENT, num_classes=10, seed=0,
            )
            model.compile(
                d_optimizer=keras.optimizers.SGD(LR), g_optimizer=keras.optimizers.SGD(LR)
            )
    return model


# One strategy for the whole process: two strategies over the same devices
# number their all-reduces alike, and the second model's clash with the first's.
MIRRORED = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
from gencourse.models import make_conditional_gan, make_gan, make_vae


def compare(kind):
    if kind == "vae":
        eps = rng.normal(size=(n, LATENT)).astype("float32")
        dataset = tf.data.Dataset.from_tensor_slices((images, eps)).batch(BATCH)
    else:
        noise = rng.normal(size=(n, 2 * LATENT)).astype("float32")
        offsets = rng.integers(0, 9, size=(n, 1)).astype("float32")
        dataset = tf.data.Dataset.from_tensor_slices(
            (images, labels, np.concatenate([noise, offsets], axis=1))
        ).batch(BATCH)

    results = {}
    for name, strategy in [("one", None), ("mirrored", MIRRORED)]:
        model = build(kind, strategy)
        start = [w.numpy().tolist() for w in model.trainable_weights]
        history = model.fit(dataset, epochs=1, verbose=0, shuffle=False)
        results[name] = {
            "replicas": 1 if strategy is None else strategy.num_replicas_in_sync,
            "start": start,
            "end": [w.numpy().tolist() for w in model.trainable_weights],
            "history": {k: float(v[-1]) for k, v in history.history.items()},
        }
    # The lessons' own constructors under the strategy, with their random draws.
    if kind == "vae":
        made = {"make_vae": make_vae(LATENT, hidden_units=(64, 32), seed=0, strategy=MIRRORED)}
        fits = {"make_vae": made["make_vae"].fit(images, epochs=1, batch_size=BATCH, verbose=0)}
    else:
        made = {
            "make_gan": make_gan(LATENT, seed=0, strategy=MIRRORED),
            "make_conditional_gan": make_conditional_gan(LATENT, seed=0, strategy=MIRRORED),
        }
        fits = {
            "make_gan": made["make_gan"].fit(images, epochs=1, batch_size=BATCH, verbose=0),
            "make_conditional_gan": made["make_conditional_gan"].fit(
                images, labels, epochs=1, batch_size=BATCH, verbose=0
            ),
        }
    results["made"] = {
        name: {
            "strategy": type(model.distribute_strategy).__name__,
            "history": {k: float(v[-1]) for k, v in fits[name].history.items()},
        }
        for name, model in made.items()
    }
    return results


print("RESULT " + json.dumps({kind: compare(kind) for kind in ("vae", "cgan")}))
"""


@pytest.fixture(scope="module")
def runs():
    """Both comparisons, in one fresh process (one TensorFlow start)."""
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": ""}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line[len("RESULT ") :])


@pytest.mark.parametrize("kind", ["vae", "cgan"])
def test_does_mirrored_training_over_two_cpus_match_one_device(kind, runs):
    results = runs[kind]
    one, mirrored = results["one"], results["mirrored"]
    assert (one["replicas"], mirrored["replicas"]) == (1, 2)
    # Same start: the comparison is about the training steps, not the initialisation.
    for a, b in zip(one["start"], mirrored["start"], strict=True):
        np.testing.assert_array_equal(a, b)
    # Tolerance: the two runs add the same numbers in a different order (two
    # half-batch sums, then an all-reduce), so float32 rounding (about 1e-7
    # relative) grows over 4 steps to well under 1e-4 of the weights' change;
    # a wrongly scaled loss would change every update by 100%.
    moved = max(
        np.max(np.abs(np.subtract(e, s))) for e, s in zip(one["end"], one["start"], strict=True)
    )
    assert moved > 1e-3, "the weights hardly moved; the comparison would prove nothing"
    for a, b in zip(one["end"], mirrored["end"], strict=True):
        np.testing.assert_allclose(b, a, rtol=0, atol=1e-4 * moved)
    # The reported losses are means over the whole batch in both runs.
    assert one["history"].keys() == mirrored["history"].keys()
    for key, value in one["history"].items():
        assert mirrored["history"][key] == pytest.approx(value, rel=1e-4, abs=1e-6), key
    # The make_* functions build under the strategy they are given, and train there.
    for name, made in results["made"].items():
        assert made["strategy"] == "MirroredStrategy", name
        assert made["history"] and all(np.isfinite(v) for v in made["history"].values()), name


def test_does_scope_reject_something_that_is_not_a_strategy():
    from gencourse.models import distribute

    with pytest.raises(TypeError, match="tf.distribute.MirroredStrategy"):
        distribute.scope("mirrored")


def test_does_scale_loss_leave_a_one_device_loss_alone():
    from gencourse.models import distribute

    assert distribute.replicas_in_sync() == 1
    assert float(distribute.scale_loss(np.float32(3.5))) == 3.5
