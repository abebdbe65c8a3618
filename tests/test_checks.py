"""Do the exercise checks pass the reference, and catch stubs and plausible mistakes?"""

import importlib
import inspect
import re
import types
from pathlib import Path

import nbformat
import numpy as np
import pytest
import scipy.special

from gencourse import check, i18n, release
from gencourse.check.core import Exercise, _plain


def reparam_ok(m, lv, e):
    return m + np.exp(0.5 * lv) * e


def kl_ok(m, lv):
    return -0.5 * np.sum(1 + lv - m**2 - np.exp(lv), axis=-1)


def bce(x, r):
    r = np.clip(r, 1e-7, 1 - 1e-7)
    return -(x * np.log(r) + (1 - x) * np.log(1 - r))


def loss_ok(x, r, m, lv, beta=1.0):
    return bce(x, r).reshape(len(x), -1).sum(1).mean() + beta * kl_ok(m, lv).mean()


def loss_keras(x, r, m, lv, beta=1.0):
    import keras

    per_pixel = keras.losses.binary_crossentropy(x[..., None], r[..., None])
    per_image = keras.ops.sum(keras.ops.reshape(per_pixel, (len(x), -1)), axis=1)
    return keras.ops.mean(per_image) + beta * keras.ops.mean(kl_ok(m, lv))


def stub(*args, **kwargs):
    raise NotImplementedError


CORRECT = {
    "reparameterize": [reparam_ok, lambda m, lv, e: m + np.sqrt(np.exp(lv)) * e],
    "kl_divergence": [kl_ok, lambda m, lv: 0.5 * np.sum(m**2 + np.exp(lv) - lv - 1, axis=1)],
    "vae_loss": [loss_ok, loss_keras],
}

# Plausible wrong answers and the hint each must earn.
WRONG = {
    "reparameterize": [
        (lambda m, lv, e: m + np.exp(lv) * e, "hint.reparam.variance"),
        (lambda m, lv, e: m + lv * e, "hint.reparam.log_var_as_std"),
        (lambda m, lv, e: np.exp(0.5 * lv) * e, "hint.reparam.no_mean"),
        (lambda m, lv, e: m, "hint.reparam.noise_ignored"),
        (lambda m, lv, e: m - np.exp(0.5 * lv) * e, "hint.reparam.minus"),
    ],
    "kl_divergence": [
        (lambda m, lv: 0.5 * np.sum(1 + lv - m**2 - np.exp(lv), axis=-1), "hint.kl.sign"),
        (lambda m, lv: -np.sum(1 + lv - m**2 - np.exp(lv), axis=-1), "hint.kl.half"),
        (lambda m, lv: -0.5 * np.sum(1 + lv - m**2 - np.exp(lv)), "hint.kl.batch_reduced"),
        (lambda m, lv: -0.5 * np.mean(1 + lv - m**2 - np.exp(lv), axis=-1), "hint.kl.latent_mean"),
        (lambda m, lv: -0.5 * (1 + lv - m**2 - np.exp(lv)), "hint.kl.latent_not_summed"),
        (lambda m, lv: -0.5 * np.sum(1 + lv - m - np.exp(lv), axis=-1), "hint.kl.square"),
    ],
    "vae_loss": [
        (
            lambda x, r, m, lv, beta=1.0: (
                bce(x, r).reshape(len(x), -1).sum(1).mean() + beta * kl_ok(m, lv).sum()
            ),
            "hint.loss.kl_summed",
        ),
        (
            lambda x, r, m, lv, beta=1.0: bce(x, r).mean() + beta * kl_ok(m, lv).mean(),
            "hint.loss.pixel_mean",
        ),
        (
            lambda x, r, m, lv, beta=1.0: (
                bce(x, r).reshape(len(x), -1).sum(1).mean() + kl_ok(m, lv).mean()
            ),
            "hint.loss.no_beta",
        ),
        (
            lambda x, r, m, lv, beta=1.0: (
                bce(x, r).reshape(len(x), -1).sum(1).mean() - beta * kl_ok(m, lv).mean()
            ),
            "hint.loss.kl_sign",
        ),
        (
            lambda x, r, m, lv, beta=1.0: (
                bce(x, r).reshape(len(x), -1).sum(1) + beta * kl_ok(m, lv)
            ),
            "hint.loss.per_sample",
        ),
        (
            lambda x, r, m, lv, beta=1.0: bce(x, r).reshape(len(x), -1).sum(1).mean(),
            "hint.loss.no_kl",
        ),
        (
            lambda x, r, m, lv, beta=1.0: (
                (-(x * np.log(r) + (1 - x) * np.log(1 - r))).reshape(len(x), -1).sum(1).mean()
                + beta * kl_ok(m, lv).mean()
            ),
            "hint.loss.no_clip",
        ),
        (
            lambda x, r, m, lv, beta=1.0: (
                bce(x, r).mean(-1).reshape(len(x), -1).sum(1).mean() + beta * kl_ok(m, lv).mean()
            ),
            "hint.loss.channel_mean",
        ),
    ],
}


# --- lessons 03 and 04 (GAN, conditional GAN) --------------------------------------


def _p(x):
    return np.clip(np.asarray(x, "float64"), 1e-7, 1 - 1e-7)


def d_loss_ok(r, f):
    terms = np.concatenate([np.log(_p(r)).ravel(), np.log(1 - _p(f)).ravel()])
    return -terms.mean()


def d_loss_keras(r, f):
    import keras

    outputs = np.concatenate([np.ravel(r), np.ravel(f)])[:, None]
    targets = np.r_[np.ones(np.size(r)), np.zeros(np.size(f))][:, None]
    return keras.losses.BinaryCrossentropy()(targets, outputs)


def g_loss_ok(f):
    return -np.log(_p(f)).mean()


def batch_ok(real, fake):
    return np.concatenate([real, fake]), np.r_[np.ones(len(real)), np.zeros(len(fake))]


def batch_shuffled(real, fake):
    images, targets = batch_ok(real, fake)
    order = np.random.default_rng(0).permutation(len(images))
    return images[order], targets[order][:, None]


def cond_ok(z, y, k):
    return np.concatenate([z, np.eye(k)[np.ravel(y)]], axis=1)


def cond_keras(z, y, k):
    import keras

    return keras.ops.concatenate([z, keras.ops.one_hot(np.ravel(y), k)], axis=-1)


def mis_ok(y, o, k):
    return (y + 1 + o) % k


def closs_ok(r, w, f):
    terms = [np.log(_p(r)).ravel(), np.log(1 - _p(w)).ravel(), np.log(1 - _p(f)).ravel()]
    return -np.concatenate(terms).mean()


CORRECT.update(
    {
        "discriminator_loss": [d_loss_ok, d_loss_keras],
        "generator_loss": [g_loss_ok, lambda f: -np.mean(np.log(np.clip(f, 1e-7, 1)))],
        "mixed_batch": [batch_ok, batch_shuffled],
        "condition_input": [cond_ok, cond_keras],
        "mismatched_labels": [mis_ok, lambda y, o, k: np.remainder(np.add(y, o) + 1, k)],
        "conditional_discriminator_loss": [closs_ok],
    }
)


def _lg(x):
    return np.log(_p(x))


WRONG.update(
    {
        "discriminator_loss": [
            (
                lambda r, f: -np.r_[_lg(1 - _p(r)).ravel(), _lg(f).ravel()].mean(),
                "hint.dloss.swapped",
            ),
            (lambda r, f: -_lg(r).mean() - _lg(1 - _p(f)).mean(), "hint.dloss.sum_of_means"),
            (lambda r, f: -_lg(r).mean(), "hint.dloss.only_real"),
            (lambda r, f: -(_lg(r).sum() + _lg(1 - _p(f)).sum()), "hint.dloss.summed"),
            (
                lambda r, f: -np.r_[np.log(np.ravel(r)), np.log(1 - np.ravel(f))].mean(),
                "hint.no_clip",
            ),
        ],
        "generator_loss": [
            (lambda f: np.log(1 - _p(f)).mean(), "hint.gloss.saturating"),
            (lambda f: -np.log(1 - _p(f)).mean(), "hint.gloss.fake_target"),
            (lambda f: np.log(_p(f)).mean(), "hint.gloss.sign"),
            (lambda f: -np.log(np.asarray(f, "float64")).mean(), "hint.no_clip"),
        ],
        "mixed_batch": [
            (
                lambda r, f: (np.concatenate([r, f]), np.r_[np.zeros(len(r)), np.ones(len(f))]),
                "hint.batch.swapped",
            ),
            (
                lambda r, f: (np.concatenate([f, r]), np.r_[np.ones(len(r)), np.zeros(len(f))]),
                "hint.batch.order",
            ),
            (
                lambda r, f: (np.concatenate([r, f]), np.ones(len(r) + len(f))),
                "hint.batch.all_real",
            ),
            (lambda r, f: np.concatenate([r, f]), "hint.batch.pair"),
            (
                lambda r, f: (np.concatenate([r, f]).reshape(len(r) + len(f), -1), np.ones(1)),
                "hint.batch.image_rank",
            ),
        ],
        "condition_input": [
            (lambda z, y, k: np.c_[z, np.ravel(y)], "hint.cond.raw_label"),
            (lambda z, y, k: np.c_[np.eye(k)[np.ravel(y)], z], "hint.cond.order"),
            (lambda z, y, k: np.c_[z, np.eye(10)[np.ravel(y)]], "hint.cond.fixed_ten"),
            (lambda z, y, k: z + np.reshape(y, (-1, 1)), "hint.cond.added"),
        ],
        "mismatched_labels": [
            (lambda y, o, k: (y + o) % k, "hint.mis.no_plus_one"),
            (lambda y, o, k: y + 1 + o, "hint.mis.no_mod"),
            (lambda y, o, k: (y + 1) % k, "hint.mis.ignores_offsets"),
            (lambda y, o, k: o, "hint.mis.offsets_only"),
        ],
        "conditional_discriminator_loss": [
            (
                lambda r, w, f: (
                    -np.r_[_lg(r).ravel(), _lg(w).ravel(), _lg(1 - _p(f)).ravel()].mean()
                ),
                "hint.closs.mismatched_real",
            ),
            (
                lambda r, w, f: -np.r_[_lg(r).ravel(), _lg(1 - _p(f)).ravel()].mean(),
                "hint.closs.no_mismatched",
            ),
            (
                lambda r, w, f: -(_lg(r).mean() + _lg(1 - _p(w)).mean() + _lg(1 - _p(f)).mean()),
                "hint.closs.sum_of_means",
            ),
        ],
    }
)


# --- lesson 01 (discriminative vs generative) ----------------------------------------


def stable_posterior(ll, lp):
    joint = np.asarray(ll) + lp
    return np.exp(joint - np.logaddexp.reduce(joint, axis=1, keepdims=True))


# --- lesson 05 (augmenting a scarce data set) --------------------------------------


def aug_ok(x, y, sx, sy, ratio):
    k = round(ratio * len(x))
    return np.concatenate([x, sx[:k]]), np.r_[np.ravel(y), np.ravel(sy)[:k]]


def aug_shuffled(x, y, sx, sy, ratio):
    images, labels = aug_ok(x, y, sx, sy, ratio)
    order = np.random.default_rng(1).permutation(len(images))
    return images[order], labels[order]


def bal_ok(p, k):
    return np.repeat(np.arange(k), p)


CORRECT.update(
    {
        "sample_gaussian": [
            lambda m, f, e: m + np.einsum("ij,nj->ni", f, e),
            lambda m, f, e: (m[:, None] + f @ e.T).T,
        ],
        "bayes_posterior": [
            stable_posterior,
            lambda ll, lp: scipy.special.softmax(ll + lp, axis=-1),
        ],
        "log_marginal": [
            lambda ll, lp: np.logaddexp.reduce(ll + lp, axis=1),
            lambda ll, lp: scipy.special.logsumexp(ll, b=np.exp(lp), axis=1),
        ],
        "augmented_training_set": [aug_ok, aug_shuffled],
        "balanced_labels": [bal_ok, lambda p, k: np.tile(np.arange(k), p)],
    }
)


def shift_pad(x, dy, dx, fill):
    """Pad by the largest shift with the fill, then crop each image's window."""
    h, w = x.shape[1:3]
    p = int(max(h, w) + np.abs(np.r_[dy, dx]).max())
    big = np.pad(x, ((0, 0), (p, p), (p, p), (0, 0)), constant_values=fill)
    return np.stack(
        [
            big[i, p - a : p - a + h, p - b : p - b + w]
            for i, (a, b) in enumerate(zip(dy, dx, strict=True))
        ]
    )


def shift_roll_mask(x, dy, dx, fill):
    """np.roll, then the wrapped-in rows and columns set to the fill."""
    out = []
    h, w = x.shape[1:3]
    for im, a, b in zip(x, dy, dx, strict=True):
        rolled = np.roll(im, (int(a), int(b)), axis=(0, 1)).astype("float64")
        rows, cols = np.arange(h) - a, np.arange(w) - b
        inside = ((rows >= 0) & (rows < h))[:, None] & ((cols >= 0) & (cols < w))[None, :]
        out.append(np.where(inside[..., None], rolled, fill))
    return np.stack(out)


def shift_tf(x, dy, dx, fill):
    from gencourse.models.diffaugment import shift_images

    return np.asarray(shift_images(x, dy, dx, fill))


CORRECT["shift_with_fill"] = [shift_pad, shift_roll_mask, shift_tf]


def _shift_each(fn):
    return lambda x, dy, dx, f: np.stack(
        [fn(x[i], int(dy[i]), int(dx[i]), f) for i in range(len(x))]
    )


def _edge_shift(im, a, b, f):
    h, w = im.shape[:2]
    pa, pb = min(abs(a), h), min(abs(b), w)
    big = np.pad(im, ((pa, pa), (pb, pb), (0, 0)), mode="edge")
    return big[pa - a : pa - a + h, pb - b : pb - b + w]


WRONG["shift_with_fill"] = [
    (_shift_each(lambda im, a, b, f: np.roll(im, (a, b), axis=(0, 1))), "hint.shift.wrap"),
    (lambda x, dy, dx, f: shift_pad(x, dy, dx, 0.0), "hint.shift.fill_zero"),
    (lambda x, dy, dx, f: shift_pad(x, -dy, -dx, f), "hint.shift.direction"),
    (lambda x, dy, dx, f: shift_pad(x, dx, dy, f), "hint.shift.swapped"),
    (_shift_each(_edge_shift), "hint.shift.edge"),
    (
        lambda x, dy, dx, f: shift_pad(x, [dy[0]] * len(x), [dx[0]] * len(x), f),
        "hint.shift.per_image",
    ),
]


def naive_softmax(a):
    return np.exp(a) / np.exp(a).sum(axis=1, keepdims=True)


def _aug(x, y, sx, sy, k):
    return np.concatenate([x, sx[:k]]), np.r_[np.ravel(y), np.ravel(sy)[:k]]


WRONG.update(
    {
        "sample_gaussian": [
            (lambda m, f, e: m + e @ f, "hint.sample.transposed"),
            (lambda m, f, e: m + e, "hint.sample.no_factor"),
            (lambda m, f, e: np.einsum("ij,nj->ni", f, e), "hint.sample.no_mean"),
            (lambda m, f, e: m + e * np.diagonal(f), "hint.sample.diagonal"),
            (lambda m, f, e: m + e @ (f @ f.T).T, "hint.sample.covariance"),
        ],
        "bayes_posterior": [
            (lambda ll, lp: stable_posterior(ll, 0 * lp), "hint.bayes.no_prior"),
            (lambda ll, lp: naive_softmax(ll + lp), "hint.bayes.unstable"),
            (lambda ll, lp: stable_posterior(ll, np.exp(lp)), "hint.bayes.prior_not_log"),
            (lambda ll, lp: np.log(stable_posterior(ll, lp)), "hint.bayes.log"),
            (lambda ll, lp: (ll + lp).argmax(1), "hint.bayes.labels"),
            (lambda ll, lp: stable_posterior((ll + lp).T, np.zeros(len(ll))).T, "hint.bayes.axis"),
        ],
        "log_marginal": [
            (lambda ll, lp: np.logaddexp.reduce(ll, axis=1), "hint.marg.no_prior"),
            (lambda ll, lp: np.log(np.exp(ll + lp).sum(1)), "hint.marg.unstable"),
            (lambda ll, lp: (ll + lp).max(1), "hint.marg.max_only"),
            (lambda ll, lp: (ll + lp).sum(1), "hint.marg.sum_of_logs"),
            (lambda ll, lp: np.logaddexp.reduce(ll + lp, axis=0), "hint.marg.axis"),
            (lambda ll, lp: np.log(np.exp(ll).mean(1)), "hint.marg.uniform"),
        ],
        "augmented_training_set": [
            (lambda x, y, sx, sy, r: _aug(x, y, sx, sy, len(sx)), "hint.aug.whole_pool"),
            (
                lambda x, y, sx, sy, r: _aug(x, y, sx, sy, round(r * len(sx))),
                "hint.aug.ratio_of_pool",
            ),
            (
                lambda x, y, sx, sy, r: (
                    sx[: round(r * len(x))],
                    np.ravel(sy)[: round(r * len(x))],
                ),
                "hint.aug.synthetic_only",
            ),
            (
                lambda x, y, sx, sy, r: (
                    np.concatenate(
                        [x, sx[: round(r * len(x))][::-1]]
                    ),  # images reversed, labels not
                    np.r_[np.ravel(y), np.ravel(sy)[: round(r * len(x))]],
                ),
                "hint.aug.pairing",
            ),
            (lambda x, y, sx, sy, r: np.concatenate([x, sx]), "hint.aug.pair"),
            (
                lambda x, y, sx, sy, r: (
                    np.concatenate([x, sx[: round(r * len(x))]]),
                    np.resize(np.ravel(y), len(x) + round(r * len(x))),
                ),
                "hint.aug.real_labels",
            ),
        ],
        "balanced_labels": [
            (lambda p, k: np.arange(p) % k, "hint.bal.total"),
            (lambda p, k: np.repeat(np.arange(p), k), "hint.bal.swapped"),
            (lambda p, k: np.repeat(np.arange(1, k + 1), p), "hint.bal.from_one"),
            (lambda p, k: np.repeat(np.arange(10), p), "hint.bal.fixed_ten"),
            (lambda p, k: np.repeat(np.arange(k), p).reshape(k, p), "hint.bal.flat"),
        ],
    }
)


# --- issue 15: fair to right answers, hard on wrong ones -----------------------------
# Answers written as a learner would write them, each for one class of problem.


def tf_():
    import tensorflow as tf

    return tf


def kops():
    from keras import ops

    return ops


def _joint(ll, lp):
    return np.asarray(ll) + np.asarray(lp)


def posterior_shifted_by(shift):
    """A posterior that subtracts ``shift(joint)`` before exp (stable only for each row's max)."""

    def posterior(ll, lp):
        joint = _joint(ll, lp)
        weights = np.exp(joint - shift(joint))
        return weights / weights.sum(axis=1, keepdims=True)

    return posterior


def marginal_shifted_by(shift):
    def marginal(ll, lp):
        joint = _joint(ll, lp)
        m = shift(joint)
        return np.ravel(m + np.log(np.sum(np.exp(joint - m), axis=1, keepdims=True)))

    return marginal


def posterior_tf32(ll, lp):
    tf = tf_()
    return tf.nn.softmax(tf.cast(ll, tf.float32) + tf.cast(lp, tf.float32), axis=-1)


def posterior_np32(ll, lp):
    joint = _joint(ll, lp).astype(np.float32)
    weights = np.exp(joint - joint.max(axis=1, keepdims=True))
    return weights / weights.sum(axis=1, keepdims=True)


def marginal_tf32(ll, lp):
    tf = tf_()
    return tf.reduce_logsumexp(tf.constant(ll, tf.float32) + tf.constant(lp, tf.float32), axis=1)


def marginal_np32(ll, lp):
    joint = _joint(ll, lp).astype(np.float32)
    m = joint.max(axis=1)
    return m + np.log(np.sum(np.exp(joint - m[:, None]), axis=1))


def sample_tf32(m, f, e):
    tf = tf_()
    eps, factor = tf.constant(e, tf.float32), tf.constant(f, tf.float32)
    return tf.constant(m, tf.float32) + tf.matmul(eps, factor, transpose_b=True)


def loss_float64(x, r, m, lv, beta=1.0):
    """Right, in float64: the clip at 1 - 1e-7 is 0.9999999, not float32's 0.99999988."""
    x, r, m, lv = (np.asarray(a, dtype=np.float64) for a in (x, r, m, lv))
    return loss_ok(x, r, m, lv, beta)


def loss_tf(x, r, m, lv, beta=1.0):
    tf = tf_()
    r = tf.clip_by_value(r, 1e-7, 1 - 1e-7)
    bce = -(x * tf.math.log(r) + (1 - x) * tf.math.log(1 - r))
    per_image = tf.reduce_sum(tf.reshape(bce, (tf.shape(x)[0], -1)), axis=1)
    kl = -0.5 * tf.reduce_sum(1 + lv - tf.square(m) - tf.exp(lv), axis=-1)
    return tf.reduce_mean(per_image) + beta * tf.reduce_mean(kl)


def d_loss_tf32(r, f):
    tf = tf_()
    r = tf.clip_by_value(tf.reshape(tf.cast(r, tf.float32), [-1]), 1e-7, 1 - 1e-7)
    f = tf.clip_by_value(tf.reshape(tf.cast(f, tf.float32), [-1]), 1e-7, 1 - 1e-7)
    return -tf.reduce_mean(tf.concat([tf.math.log(r), tf.math.log(1 - f)], axis=0))


def d_loss_fake_first(r, f):
    terms = np.concatenate([np.log(1 - _p(f)).ravel(), np.log(_p(r)).ravel()])
    return -np.mean(terms)


def g_loss_keras(f):
    import keras

    f = np.reshape(f, (-1, 1))
    return keras.losses.BinaryCrossentropy()(np.ones_like(f), f)


def g_loss_tf(f):
    tf = tf_()
    return -tf.reduce_mean(tf.math.log(tf.clip_by_value(tf.cast(f, tf.float32), 1e-7, 1.0)))


def batch_tf(real, fake):
    tf = tf_()
    targets = tf.concat([tf.ones((len(real), 1)), tf.zeros((len(fake), 1))], axis=0)
    return tf.concat([real, fake], axis=0), targets


def batch_fake_first(real, fake):
    return np.concatenate([fake, real]), np.r_[np.zeros(len(fake)), np.ones(len(real))]


def cond_tf(z, y, k):
    tf = tf_()
    one_hot = tf.one_hot(tf.reshape(y, [-1]), k, dtype=tf.float32)
    return tf.concat([z, one_hot], axis=1)


def cond_float64(z, y, k):
    return np.hstack([np.asarray(z, np.float64), np.eye(k)[np.asarray(y).reshape(-1)]])


def mis_tf(y, o, k):
    return tf_().math.floormod(y + 1 + o, k)


def mis_keras(y, o, k):
    ops = kops()
    return ops.mod(ops.add(ops.add(y, 1), o), k)


def closs_keras(r, w, f):
    import keras

    outputs = np.concatenate([np.ravel(r), np.ravel(w), np.ravel(f)])[:, None]
    targets = np.r_[np.ones(np.size(r)), np.zeros(np.size(w) + np.size(f))][:, None]
    return keras.losses.BinaryCrossentropy()(targets, outputs)


def closs_tf32(r, w, f):
    tf = tf_()
    p = [
        tf.clip_by_value(tf.reshape(tf.cast(d, tf.float32), [-1]), 1e-7, 1 - 1e-7)
        for d in (r, w, f)
    ]
    terms = tf.concat([tf.math.log(p[0]), tf.math.log(1 - p[1]), tf.math.log(1 - p[2])], axis=0)
    return -tf.reduce_mean(terms)


def bal_shuffled(p, k):
    return np.random.default_rng(2).permutation(np.repeat(np.arange(k), p))


def bal_list(p, k):
    return [label for label in range(k) for _ in range(p)]  # [] when p == 0


def aug_tf(x, y, sx, sy, ratio):
    tf = tf_()
    k = round(ratio * len(x))
    labels = tf.concat([tf.reshape(y, [-1]), tf.reshape(sy, [-1])[:k]], axis=0)
    return tf.concat([x, sx[:k]], axis=0), labels


def aug_half_up(x, y, sx, sy, ratio):
    k = int(ratio * len(x) + 0.5)  # a half goes up: 2.5 gives 3 where Python's round() gives 2
    return np.concatenate([x, sx[:k]]), np.concatenate([np.ravel(y), np.ravel(sy)[:k]])


def aug_prefilled(x, y, sx, sy, ratio):
    """Labels filled into a float array: the lesson asks for 1-D labels, not for integers."""
    k = round(ratio * len(x))
    labels = np.zeros(len(x) + k)
    labels[: len(x)] = np.ravel(y)
    labels[len(x) :] = np.ravel(sy)[:k]
    return np.concatenate([x, sx[:k]]), labels


for _name, _more in {
    "sample_gaussian": [
        lambda m, f, e: (m + e @ f.T).astype(np.float32),
        sample_tf32,
        lambda m, f, e: kops().add(m, kops().einsum("nj,ij->ni", e, f)),
    ],
    "bayes_posterior": [
        posterior_tf32,
        posterior_np32,
        lambda ll, lp: kops().softmax(kops().add(ll, lp), axis=-1),
    ],
    "log_marginal": [
        marginal_tf32,
        marginal_np32,
        lambda ll, lp: kops().logsumexp(kops().add(ll, lp), axis=1),
    ],
    "reparameterize": [
        lambda m, lv, e: kops().add(m, kops().exp(0.5 * lv) * e),
        lambda m, lv, e: tf_().cast(m, "float64") + tf_().exp(0.5 * tf_().cast(lv, "float64")) * e,
    ],
    "kl_divergence": [
        lambda m, lv: -0.5 * tf_().reduce_sum(1 + lv - tf_().square(m) - tf_().exp(lv), axis=-1),
        lambda m, lv: kl_ok(np.asarray(m, np.float64), np.asarray(lv, np.float64)),
    ],
    "vae_loss": [loss_float64, loss_tf],
    "discriminator_loss": [d_loss_tf32, d_loss_fake_first],
    "generator_loss": [g_loss_keras, g_loss_tf],
    "mixed_batch": [batch_tf, batch_fake_first],
    "condition_input": [cond_tf, cond_float64],
    "mismatched_labels": [mis_tf, mis_keras, lambda y, o, k: ((y + 1 + o) % k).astype(np.int32)],
    "conditional_discriminator_loss": [closs_keras, closs_tf32],
    "balanced_labels": [
        bal_shuffled,
        bal_list,
        lambda p, k: tf_().repeat(tf_().range(k), p),
    ],
    "augmented_training_set": [aug_tf, aug_prefilled],
}.items():
    CORRECT[_name] = CORRECT[_name] + _more


def _col(x):
    return np.reshape(x, (-1, 1))


WRONG["bayes_posterior"] += [
    # 1. one maximum for the whole batch, or the rows' means: unsafe where rows differ in range
    (posterior_shifted_by(np.max), "hint.bayes.batch_max"),
    (posterior_shifted_by(lambda j: j.mean(axis=1, keepdims=True)), "hint.bayes.row_mean"),
    (posterior_shifted_by(lambda j: j.max(axis=0)), "hint.bayes.column_max"),
    (posterior_shifted_by(lambda j: j.min(axis=1, keepdims=True)), "hint.bayes.unstable"),
]
WRONG["log_marginal"] += [
    (marginal_shifted_by(np.max), "hint.marg.batch_max"),
    (marginal_shifted_by(lambda j: j.mean(axis=1, keepdims=True)), "hint.marg.row_mean"),
    (
        lambda ll, lp: np.max(ll + lp) + np.log(np.sum(np.exp(ll + lp - np.max(ll + lp)), axis=1)),
        "hint.marg.batch_max",
    ),
]
WRONG["sample_gaussian"] += [
    # 2. noise distorted before use
    (lambda m, f, e: m + np.clip(e, -3, 3) @ f.T, "hint.sample.noise_changed"),
    (lambda m, f, e: m + np.clip(e, -5, 5) @ f.T, "hint.sample.noise_changed"),
    (lambda m, f, e: m + np.where(np.abs(e) > 4, 0.0, e) @ f.T, "hint.sample.noise_changed"),
    (lambda m, f, e: m + np.tanh(e) @ f.T, "hint.sample.noise_changed"),
    (lambda m, f, e: m + np.abs(e) @ f.T, "hint.sample.noise_changed"),
]
WRONG["reparameterize"] += [
    (lambda m, lv, e: m + np.exp(0.5 * lv) * np.clip(e, -4, 4), "hint.reparam.noise_changed"),
    (lambda m, lv, e: m + np.exp(0.5 * lv) * np.tanh(e), "hint.reparam.noise_changed"),
]
WRONG["balanced_labels"] += [
    # 3. the contract: a 1-D integer array
    (lambda p, k: np.repeat(np.arange(k), p).astype(float), "hint.bal.integers"),
    (lambda p, k: np.repeat(np.arange(k, dtype=np.float32), p), "hint.bal.integers"),
    (lambda p, k: _col(np.repeat(np.arange(k), p)), "hint.bal.flat"),
]
WRONG["mismatched_labels"] += [
    (lambda y, o, k: np.mod(y + 1.0 + o, k), "hint.mis.integers"),
    (lambda y, o, k: tf_().cast((y + 1 + o) % k, tf_().float32), "hint.mis.integers"),
]


def _aug_count(count):
    def wrong(x, y, sx, sy, r):
        k = count(r * len(x))
        return np.concatenate([x, sx[:k]]), np.r_[np.ravel(y), np.ravel(sy)[:k]]

    return wrong


def aug_column_labels(x, y, sx, sy, ratio):
    images, labels = aug_ok(x, y, sx, sy, ratio)
    return images, _col(labels)


def aug_shuffled_in_place(x, y, sx, sy, ratio):
    images, labels = aug_ok(x, y, sx, sy, ratio)
    order = np.random.default_rng(0).permutation(len(images))
    labels = np.random.default_rng(0).shuffle(labels)  # shuffle works in place: returns None
    return images[order], labels


def batch_shuffled_in_place(real, fake):
    images, targets = batch_ok(real, fake)
    images = np.random.default_rng(0).shuffle(images)  # returns None
    return images, targets


WRONG["augmented_training_set"] += [
    (_aug_count(int), "hint.aug.round"),
    (_aug_count(lambda v: int(np.ceil(v))), "hint.aug.round"),
    (aug_column_labels, "hint.aug.labels_flat"),
    # The rule is Python's round(): 2.5 gives 2 (issue 31: 반올림 vs round()).
    (aug_half_up, "hint.aug.round_half"),
    # 5. a tuple whose items are not arrays of numbers is not "the wrong type"
    (aug_shuffled_in_place, "hint.aug.labels_not_numbers"),
]
WRONG["mixed_batch"] += [
    (batch_shuffled_in_place, "hint.batch.images_not_numbers"),
    (
        lambda r, f: (np.concatenate([r, f]), [1] * len(r) + [[0]] * len(f)),
        "hint.batch.targets_not_numbers",
    ),
]


def claim_ok(d):
    if len(d) < 2:
        return "none"
    mean, std = float(np.mean(d)), float(np.std(d, ddof=1))
    return "gain" if mean > std else "loss" if mean < -std else "none"


def claim_against(d, spread):
    mean = float(np.mean(d))
    return "gain" if mean > spread else "loss" if mean < -spread else "none"


def claim_sign(d):
    clear = len(d) > 1 and abs(np.mean(d)) > np.std(d, ddof=1)
    return ("loss", "none", "gain")[int(np.sign(np.mean(d))) + 1] if clear else "none"


def claim_statistics(d):
    import statistics

    values = [float(x) for x in d]
    if len(values) < 2:
        return "none"
    return claim_against(values, statistics.stdev(values))


CORRECT["paired_claim"] = [
    claim_ok,
    claim_sign,
    claim_statistics,
    lambda d: claim_ok(np.asarray(d, np.float32)),  # float32: the boundary stays exact
]
WRONG["paired_claim"] = [
    (lambda d: claim_ok(d) if len(d) > 1 else claim_against(d, 0.0), "hint.claim.one_seed"),
    (
        lambda d: claim_against(d, np.std(d, ddof=1) / np.sqrt(len(d))) if len(d) > 1 else "none",
        "hint.claim.standard_error",
    ),
    (lambda d: {"gain": "loss", "loss": "gain"}.get(claim_ok(d), "none"), "hint.claim.flipped"),
    (lambda d: {"loss": "gain"}.get(claim_ok(d), claim_ok(d)), "hint.claim.sign_ignored"),
    (lambda d: claim_ok(d) == "gain", "hint.claim.bool"),
    (lambda d: claim_ok(d).upper(), "hint.claim.word"),
]


# --- lesson 06 (semi-supervised learning) ------------------------------------------

# isolating_pair: a choice (issue 31).
CORRECT["isolating_pair"] = [
    lambda: ("ssgan_classic", "ssgan_supervised"),
    lambda: ("ssgan_supervised", "ssgan_classic"),
    lambda: ["ssgan_classic", "ssgan_supervised"],
]
WRONG["isolating_pair"] = [
    (lambda: ("ssgan_classic", "pseudo"), "hint.pair.pseudo"),
    (lambda: ("ssgan", "ssgan_classic"), "hint.pair.copies"),
    (lambda: ("ssgan_supervised", "ssgan"), "hint.pair.two_changes"),
    (lambda: ("real_classic", "ssgan_classic"), "hint.pair.real_classic"),
    (lambda: "ssgan_classic", "hint.pair.single"),
    (lambda: ("ssgan_classic", "ssgan_classic"), "hint.pair.same"),
]

# --- lesson 07 (diffusion model) ----------------------------------------------------------
# Written from the lesson's formulas, not from gencourse.models.diffusion.


def _col4(a):
    """A scalar or one value per example, shaped (-1, 1, 1, 1)."""
    return np.reshape(np.asarray(a, dtype="float64"), (-1, 1, 1, 1))


def _q(x0, t, e, ab):
    a = _col4(np.asarray(ab)[np.asarray(t)])
    return np.sqrt(a) * x0 + np.sqrt(1 - a) * e


def _q_loop(x0, t, e, ab):
    out = np.empty(np.shape(x0))
    for i, step in enumerate(np.asarray(t)):
        out[i] = np.sqrt(ab[step]) * x0[i] + np.sqrt(1 - ab[step]) * e[i]
    return out


def _ddim(x, e, at, ap):
    at, ap = _col4(at), _col4(ap)
    x0 = (x - np.sqrt(1 - at) * e) / np.sqrt(at)
    return np.sqrt(ap) * x0 + np.sqrt(1 - ap) * e


CORRECT.update(
    {
        "q_sample": [
            _q,
            _q_loop,
            lambda x0, t, e, ab: (
                np.sqrt(np.asarray(ab)[t])[:, None, None, None] * x0
                + np.sqrt(1 - np.asarray(ab)[t])[:, None, None, None] * e
            ),
        ],
        "diffusion_loss": [
            lambda n, p: np.mean((np.asarray(n) - np.asarray(p)) ** 2),
            lambda n, p: np.square(np.subtract(p, n)).mean(),
            lambda n, p: np.sum((np.asarray(n) - p) ** 2) / np.size(n),
        ],
        "ddim_step": [
            _ddim,
            lambda x, e, at, ap: (
                np.sqrt(_col4(ap) / _col4(at)) * (x - np.sqrt(1 - _col4(at)) * e)
                + np.sqrt(1 - _col4(ap)) * e
            ),
            lambda x, e, at, ap: (
                np.sqrt(_col4(ap)) * (x / np.sqrt(_col4(at)) - np.sqrt(1 / _col4(at) - 1) * e)
                + np.sqrt(1 - _col4(ap)) * e
            ),
        ],
        "guided_noise": [
            lambda c, u, s: u + s * (c - u),
            lambda c, u, s: s * np.asarray(c) + (1 - s) * np.asarray(u),
            lambda c, u, s: np.add(u, np.multiply(s, np.subtract(c, u))),
        ],
    }
)
WRONG.update(
    {
        "q_sample": [
            (
                lambda x0, t, e, ab: (
                    _col4(np.asarray(ab)[t]) * x0 + (1 - _col4(np.asarray(ab)[t])) * e
                ),
                "hint.qsample.no_sqrt",
            ),
            (
                lambda x0, t, e, ab: _q(x0, np.asarray(t) - 1, e, ab),
                "hint.qsample.off_by_one",
            ),
            (
                lambda x0, t, e, ab: (
                    np.sqrt(_col4(np.asarray(ab)[t])) * e
                    + np.sqrt(1 - _col4(np.asarray(ab)[t])) * x0
                ),
                "hint.qsample.swapped",
            ),
        ],
        "diffusion_loss": [
            (lambda n, p: np.sum((np.asarray(n) - p) ** 2), "hint.mse.summed"),
            (lambda n, p: np.mean(np.abs(np.asarray(n) - p)), "hint.mse.absolute"),
            (
                lambda n, p: np.mean((np.asarray(n) - p) ** 2, axis=(1, 2, 3)),
                "hint.mse.per_example",
            ),
        ],
        "ddim_step": [
            (lambda x, e, at, ap: _ddim(x, e, ap, at), "hint.ddim.swapped"),
            (
                lambda x, e, at, ap: (
                    np.sqrt(_col4(ap)) * (x - np.sqrt(1 - _col4(at)) * e)
                    + np.sqrt(1 - _col4(ap)) * e
                ),
                "hint.ddim.no_division",
            ),
            (
                lambda x, e, at, ap: (
                    np.sqrt(_col4(ap))
                    * np.clip((x - np.sqrt(1 - _col4(at)) * e) / np.sqrt(_col4(at)), -1, 1)
                    + np.sqrt(1 - _col4(ap)) * e
                ),
                "hint.ddim.clipped",
            ),
        ],
        "guided_noise": [
            (lambda c, u, s: s * np.asarray(c), "hint.guide.cond_only"),
            (lambda c, u, s: c + s * (u - c), "hint.guide.swapped"),
            (
                lambda c, u, s: (1 + s) * np.asarray(c) - s * np.asarray(u),
                "hint.guide.other_convention",
            ),
        ],
    }
)

# Written independently of the references in gencourse.models.ssgan and .pseudo.


def _lse64(logits):
    return scipy.special.logsumexp(np.asarray(logits, np.float64), axis=-1)


def uloss_ok(r, f):
    """-log D = softplus(s) - s on real rows, -log(1 - D) = softplus(s) on fake ones."""
    s_real, s_fake = _lse64(r), _lse64(f)
    return 0.5 * (np.mean(np.logaddexp(0, s_real) - s_real) + np.mean(np.logaddexp(0, s_fake)))


def uloss_k_plus_one(r, f):
    """A (K+1)-class softmax with the fake class's logit at 0: D is the share of the K real ones."""

    def with_fake(x):
        x = np.asarray(x, np.float64)
        return np.concatenate([x, np.zeros((len(x), 1))], axis=1)

    log_real = _lse64(r) - _lse64(with_fake(r))
    log_fake = -_lse64(with_fake(f))
    return 0.5 * (-np.mean(log_real) - np.mean(log_fake))


def uloss_keras(r, f):
    import keras

    s_real = kops().logsumexp(r, axis=-1)[:, None]
    s_fake = kops().logsumexp(f, axis=-1)[:, None]
    bce = keras.losses.BinaryCrossentropy(from_logits=True)
    return 0.5 * (bce(np.ones((len(r), 1)), s_real) + bce(np.zeros((len(f), 1)), s_fake))


def uloss_tf32(r, f):
    tf = tf_()
    s_real = tf.reduce_logsumexp(tf.constant(r, tf.float32), axis=-1)
    s_fake = tf.reduce_logsumexp(tf.constant(f, tf.float32), axis=-1)
    log_d = -tf.nn.softplus(-s_real)  # log sigmoid(s)
    return 0.5 * (-tf.reduce_mean(log_d) + tf.reduce_mean(tf.nn.softplus(s_fake)))


def uloss_naive(r, f, dtype=np.float64):
    z_real = np.exp(np.asarray(r, dtype)).sum(axis=1)
    z_fake = np.exp(np.asarray(f, dtype)).sum(axis=1)
    d_real, d_fake = z_real / (z_real + 1), z_fake / (z_fake + 1)
    return 0.5 * (-np.mean(np.log(d_real)) - np.mean(np.log(1 - d_fake)))


def uloss_sigmoid_unclipped(r, f):
    """D = sigmoid(log-sum-exp): right where D is not 0 or 1, log(0) where it is."""
    d_real, d_fake = (1 / (1 + np.exp(-_lse64(x))) for x in (r, f))
    return 0.5 * (-np.mean(np.log(d_real)) - np.mean(np.log(1 - d_fake)))


def uloss_batch_max(r, f):
    """log-sum-exp shifted by the whole batch's largest logit, not each row's."""

    def lse(x):
        x = np.asarray(x, np.float64)
        return x.max() + np.log(np.exp(x - x.max()).sum(axis=1))

    s_real, s_fake = lse(r), lse(f)
    return 0.5 * (np.mean(np.logaddexp(0, s_real) - s_real) + np.mean(np.logaddexp(0, s_fake)))


def _uloss_with(s_real, s_fake):
    return 0.5 * (np.mean(np.logaddexp(0, s_real) - s_real) + np.mean(np.logaddexp(0, s_fake)))


def _ld(x):
    """(log D, log(1 - D)) per row."""
    s = _lse64(x)
    return s - np.logaddexp(0, s), -np.logaddexp(0, s)


def fm_ok(r, f):
    return np.mean((np.mean(r, axis=0) - np.mean(f, axis=0)) ** 2)


def fm_tf(r, f):
    tf = tf_()
    gap = tf.reduce_mean(r, axis=0) - tf.reduce_mean(f, axis=0)
    return tf.reduce_mean(tf.square(gap))


def fm_keras(r, f):
    ops = kops()
    return ops.mean(ops.square(ops.mean(r, axis=0) - ops.mean(f, axis=0)))


def fm_float64(r, f):
    r, f = np.asarray(r, np.float64), np.asarray(f, np.float64)
    gap = r.sum(axis=0) / len(r) - f.sum(axis=0) / len(f)
    return gap @ gap / gap.size


def _fm_gap(r, f):
    return np.mean(r, axis=0) - np.mean(f, axis=0)


def pseudo_loop(p, threshold=0.95, per_class=None):
    """A plain loop: the surest first (ties by index), kept from the threshold up, per class capped."""
    p = np.asarray(p, np.float64)
    rows = sorted(range(len(p)), key=lambda i: (-p[i].max(), i))
    kept, counts = [], {}
    for i in rows:
        c = int(p[i].argmax())
        if p[i].max() >= threshold and (per_class is None or counts.get(c, 0) < per_class):
            kept.append(i)
            counts[c] = counts.get(c, 0) + 1
    return kept, [int(p[i].argmax()) for i in kept]


def pseudo_argsort(p, threshold=0.95, per_class=None):
    confidence, labels = p.max(axis=1), p.argmax(axis=1)
    order = np.argsort(-confidence, kind="stable")
    order = order[confidence[order] >= threshold]
    if per_class is not None:
        seen = np.zeros(p.shape[1], int)
        keep = []
        for i in order:
            if seen[labels[i]] < per_class:
                keep.append(i)
                seen[labels[i]] += 1
        order = np.array(keep, dtype=int)
    return order, labels[order]


def pseudo_tf(p, threshold=0.95, per_class=None):
    tf = tf_()
    p = tf.constant(p)
    confidence, labels = tf.reduce_max(p, axis=1), tf.argmax(p, axis=1)
    order = tf.argsort(confidence, direction="DESCENDING", stable=True)
    order = tf.boolean_mask(order, tf.gather(confidence, order) >= threshold)
    if per_class is not None:
        ordered = tf.gather(labels, order).numpy()
        rank = np.array([np.sum(ordered[:i] == c) for i, c in enumerate(ordered)], dtype=int)
        order = tf.boolean_mask(order, rank < per_class)
    return order, tf.gather(labels, order)


def _pseudo_sel(p, threshold, per_class, order, keep):
    """Rows of ``order`` where ``keep(confidence)``, each class capped at ``per_class``."""
    p = np.asarray(p, np.float64)
    labels, kept, counts = p.argmax(axis=1), [], {}
    for i in order:
        c = int(labels[i])
        if keep(p[i].max()) and (per_class is None or counts.get(c, 0) < per_class):
            kept.append(int(i))
            counts[c] = counts.get(c, 0) + 1
    return np.array(kept, dtype=int), labels[np.array(kept, dtype=int)]


def _surest(p):
    return np.argsort(-np.asarray(p, np.float64).max(axis=1), kind="stable")


def pseudo_by_index_first(p, threshold=0.95, per_class=None):
    """Each class capped by index order, then sorted by confidence."""
    idx, _ = _pseudo_sel(p, threshold, per_class, range(len(p)), lambda c: c >= threshold)
    idx = idx[np.argsort(-np.asarray(p, np.float64).max(axis=1)[idx], kind="stable")]
    return idx, np.asarray(p).argmax(axis=1)[idx]


CORRECT.update(
    {
        "unsupervised_discriminator_loss": [uloss_ok, uloss_k_plus_one, uloss_keras, uloss_tf32],
        "feature_matching_loss": [fm_ok, fm_tf, fm_keras, fm_float64],
        "confident_pseudo_labels": [pseudo_loop, pseudo_argsort, pseudo_tf],
    }
)

WRONG.update(
    {
        "unsupervised_discriminator_loss": [
            (uloss_naive, "hint.uloss.unstable"),
            (lambda r, f: uloss_naive(r, f, np.float32), "hint.uloss.unstable"),
            (uloss_sigmoid_unclipped, "hint.uloss.unstable"),
            (uloss_batch_max, "hint.uloss.unstable"),
            (
                lambda r, f: _uloss_with(np.max(r, axis=1), np.max(f, axis=1)),
                "hint.uloss.max_logit",
            ),
            (
                lambda r, f: _uloss_with(np.sum(r, axis=1), np.sum(f, axis=1)),
                "hint.uloss.sum_logits",
            ),
            (
                lambda r, f: (
                    0.5
                    * (
                        -np.mean(np.log(scipy.special.softmax(r, axis=1).max(axis=1)))
                        - np.mean(np.log(1 - scipy.special.softmax(f, axis=1).max(axis=1)))
                    )
                ),
                "hint.uloss.top_class",
            ),
            (lambda r, f: uloss_ok(f, r), "hint.uloss.swapped"),
            (lambda r, f: -uloss_ok(r, f), "hint.sign"),
            (lambda r, f: 2 * uloss_ok(r, f), "hint.uloss.no_half"),
            (
                lambda r, f: -np.concatenate([_ld(r)[0], _ld(f)[1]]).mean(),
                "hint.uloss.pooled",
            ),
            (lambda r, f: -0.5 * (_ld(r)[0].sum() + _ld(f)[1].sum()), "hint.uloss.summed"),
            (lambda r, f: -0.5 * (_ld(r)[0].mean() + _ld(f)[0].mean()), "hint.uloss.fake_as_real"),
            (lambda r, f: -_ld(r)[0].mean(), "hint.uloss.only_real"),
            (lambda r, f: -0.5 * _ld(f)[1].mean(), "hint.uloss.only_fake"),
            (
                lambda r, f: (
                    0.5
                    * (
                        -np.mean(np.log(np.clip(1 / (1 + np.exp(-_lse64(r))), 1e-7, 1 - 1e-7)))
                        - np.mean(np.log(1 - np.clip(1 / (1 + np.exp(-_lse64(f))), 1e-7, 1 - 1e-7)))
                    )
                ),
                "hint.uloss.clipped",
            ),
            (lambda r, f: -0.5 * np.r_[_ld(r)[0], _ld(f)[1]], "hint.per_sample"),
        ],
        "feature_matching_loss": [
            (lambda r, f: np.mean((r - f) ** 2), "hint.fm.pairs"),
            (lambda r, f: tf_().reduce_mean(tf_().square(r - f)), "hint.fm.pairs"),
            (lambda r, f: np.sum(_fm_gap(r, f) ** 2), "hint.fm.feature_sum"),
            (lambda r, f: np.linalg.norm(_fm_gap(r, f)), "hint.fm.norm"),
            (lambda r, f: np.sqrt(np.mean(_fm_gap(r, f) ** 2)), "hint.fm.norm"),
            (lambda r, f: np.mean(np.abs(_fm_gap(r, f))), "hint.fm.absolute"),
            (lambda r, f: np.mean(_fm_gap(r, f)), "hint.fm.not_squared"),
            (lambda r, f: (np.mean(r) - np.mean(f)) ** 2, "hint.fm.all_mean"),
            (lambda r, f: np.mean((r.mean(axis=1) - f.mean(axis=1)) ** 2), "hint.fm.feature_axis"),
            (lambda r, f: _fm_gap(r, f) ** 2, "hint.fm.per_feature"),
        ],
        "confident_pseudo_labels": [
            (
                lambda p, threshold=0.95, per_class=None: _pseudo_sel(
                    p, threshold, per_class, _surest(p), lambda c: c > threshold
                ),
                "hint.pseudo.inclusive",
            ),
            (
                lambda p, threshold=0.95, per_class=None: _pseudo_sel(
                    p, threshold, per_class, range(len(p)), lambda c: c >= threshold
                ),
                "hint.pseudo.index_order",
            ),
            (
                lambda p, threshold=0.95, per_class=None: _pseudo_sel(
                    p,
                    threshold,
                    per_class,
                    np.argsort(p.max(axis=1), kind="stable"),
                    lambda c: c >= threshold,
                ),
                "hint.pseudo.ascending",
            ),
            (
                lambda p, threshold=0.95, per_class=None: _pseudo_sel(
                    p,
                    threshold,
                    per_class,
                    np.argsort(p.max(axis=1), kind="stable")[::-1],
                    lambda c: c >= threshold,
                ),
                "hint.pseudo.ties",
            ),
            (
                lambda p, threshold=0.95, per_class=None: _pseudo_sel(
                    p, threshold, per_class, _surest(p), lambda c: True
                ),
                "hint.pseudo.no_threshold",
            ),
            (
                lambda p, threshold=0.95, per_class=None: pseudo_loop(p, threshold),
                "hint.pseudo.per_class_ignored",
            ),
            (pseudo_by_index_first, "hint.pseudo.per_class_first"),
            (
                lambda p, threshold=0.95, per_class=None: tuple(
                    np.array(a[:per_class], dtype=int) for a in pseudo_loop(p, threshold)
                ),
                "hint.pseudo.per_class_total",
            ),
            (
                lambda p, threshold=0.95, per_class=None: pseudo_loop(p, threshold, per_class)[
                    ::-1
                ],
                "hint.pseudo.swapped",
            ),
            (
                lambda p, threshold=0.95, per_class=None: (
                    pseudo_loop(p, threshold, per_class)[0],
                    p.argmax(axis=1)[np.sort(pseudo_loop(p, threshold, per_class)[0])],
                ),
                "hint.pseudo.pairing",
            ),
            (
                lambda p, threshold=0.95, per_class=None: (
                    pseudo_loop(p, threshold, per_class)[0],
                    p.max(axis=1)[pseudo_loop(p, threshold, per_class)[0]],
                ),
                "hint.pseudo.confidences",
            ),
            (
                lambda p, threshold=0.95, per_class=None: (
                    p.max(axis=1) >= threshold,
                    p.argmax(axis=1)[p.max(axis=1) >= threshold],
                ),
                "hint.pseudo.integers",
            ),
            (
                lambda p, threshold=0.95, per_class=None: (
                    pseudo_loop(p, threshold, per_class)[0],
                    p.argmax(axis=1),
                ),
                "hint.pseudo.one_label_each",
            ),
            (
                lambda p, threshold=0.95, per_class=None: pseudo_argsort(p, threshold, per_class)[
                    0
                ],
                "hint.pseudo.pair",
            ),
            (
                lambda p, threshold=0.95, per_class=None: tuple(
                    np.reshape(a, (-1, 1)) for a in pseudo_argsort(p, threshold, per_class)
                ),
                "hint.pseudo.flat",
            ),
        ],
    }
)


@pytest.mark.parametrize("name", sorted(CORRECT))
def test_do_correct_answers_pass_whatever_library_they_use(name):
    for fn in CORRECT[name]:
        result = check.evaluate(name, fn)
        assert result.passed, result.message("en")
        assert result.points == 1.0


@pytest.mark.parametrize("name", sorted(check.EXERCISES))
def test_does_a_stub_get_not_implemented_and_no_points(name):
    result = check.evaluate(name, stub)
    assert not result.passed and result.status == "not_implemented" and result.points == 0.0
    assert "NotImplementedError" in result.message("en")


@pytest.mark.parametrize(
    "name, index", [(n, i) for n in sorted(WRONG) for i in range(len(WRONG[n]))]
)
def test_does_each_plausible_mistake_fail_with_its_own_hint(name, index):
    fn, hint = WRONG[name][index]
    result = check.evaluate(name, fn)
    assert not result.passed
    assert result.points < 1.0
    assert result.first_failure().hint == hint, result.message("en")
    for lang in i18n.LANGUAGES:
        assert i18n.t(hint, lang) in result.message(lang)


def test_are_there_at_least_three_recognised_mistakes_per_exercise():
    for name, ex in check.EXERCISES.items():
        assert len({m.hint for m in ex.mistakes}) >= 3, name
        assert len(WRONG[name]) >= 3, name


@pytest.mark.parametrize("name", sorted(check.EXERCISES))
def test_does_the_verdict_never_reveal_the_expected_values(name):
    ex = check.EXERCISES[name]
    wrong_fn = WRONG[name][0][0]
    result = check.evaluate(name, wrong_fn)
    message = result.message("en") + result.message("ko")
    case = ex.make_cases()[0]
    expected = _plain(ex, ex.reference(*case.args, **case.kwargs)).ravel()
    numbers = {float(n) for n in re.findall(r"-?\d+\.\d+", message)}
    for value in expected[:50]:
        assert not any(abs(value - n) < 1e-2 for n in numbers)


class AlwaysEqual:
    def __eq__(self, other):
        return True

    __hash__ = None


@pytest.mark.parametrize(
    "returned, status",
    [
        (None, "wrong_type"),
        ("0.5", "wrong_type"),
        (AlwaysEqual(), "wrong_type"),
        ([["a"]], "wrong_type"),
        (np.zeros((2, 2, 2)), "wrong_shape"),
        (np.full(8, np.nan), "wrong_shape"),
    ],
)
def test_are_non_arrays_and_tricks_refused_with_a_clear_status(returned, status):
    result = check.evaluate("kl_divergence", lambda m, lv: returned)
    assert result.status == status
    assert result.points == 0.0


def test_are_nan_results_reported_as_such():
    result = check.evaluate("kl_divergence", lambda m, lv: np.full(len(m), np.nan))
    assert result.status == "not_finite" and "NaN" in result.message("en")


def test_is_an_exception_reported_without_a_traceback():
    def broken(m, lv):
        return m @ np.ones((7, 7))

    result = check.evaluate("kl_divergence", broken)
    message = result.message("en")
    assert result.status == "error" and "ValueError" in message and "Traceback" not in message


def test_is_passing_a_result_instead_of_a_function_explained():
    result = check.evaluate("kl_divergence", np.zeros(3))
    assert result.status == "not_callable"
    assert "without parentheses" in result.message("en") and "괄호" in result.message("ko")


def test_cannot_a_function_that_edits_its_inputs_corrupt_the_reference():
    def sneaky(m, lv):
        out = kl_ok(m, lv)
        m[...] = 0.0
        lv[...] = 0.0
        return out

    assert check.evaluate("kl_divergence", sneaky).passed


def test_does_a_right_answer_on_easy_cases_only_get_partial_credit():
    def only_standard_normal(m, lv):
        return np.zeros(len(m))

    result = check.evaluate("kl_divergence", only_standard_normal)
    assert 0.0 < result.points < 0.5


def test_does_the_notebook_check_print_in_the_current_language(capsys, monkeypatch):
    monkeypatch.delenv("GENCOURSE_STRICT_CHECKS", raising=False)
    i18n.set_language("ko")
    try:
        check.kl_divergence(kl_ok)
        check.kl_divergence(stub)
    finally:
        i18n.set_language("en")
    out = capsys.readouterr().out
    assert "통과했습니다" in out and "아직 구현되지 않았습니다" in out


def test_does_strict_mode_turn_a_failure_into_an_error(monkeypatch):
    monkeypatch.setenv("GENCOURSE_STRICT_CHECKS", "1")
    with pytest.raises(check.CheckFailed, match="kl_divergence"):
        check.kl_divergence(stub)
    check.kl_divergence(kl_ok)  # a pass never raises


def test_is_an_unknown_exercise_name_refused():
    with pytest.raises(ValueError, match="Unknown exercise"):
        check.evaluate("nope", kl_ok)


# --- one check module per lesson, and the notebook functions made from them -------

MASTERS = release.masters(Path(__file__).resolve().parents[1])


def _lesson(nb) -> str:
    return nb.metadata["gencourse"]["lesson"]


def _module(lesson: str):
    found = [m for m in check.MODULES if m.LESSON == lesson]
    assert len(found) == 1, f"{lesson}: {len(found)} check modules"
    return found[0]


def test_does_every_master_have_its_lessons_check_module():
    assert len(MASTERS) >= 12  # six lessons, in ko and en
    lessons = {_lesson(nbformat.read(path, as_version=4)) for path in MASTERS}
    assert lessons == set(check.LESSONS)
    assert set(check.LESSONS) == {m.LESSON for m in check.MODULES}
    assert list(check.LESSONS) == sorted(check.LESSONS)  # in lesson order


@pytest.mark.parametrize("path", MASTERS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_is_every_exercise_of_a_master_checked_by_its_lessons_module(path):
    nb = nbformat.read(path, as_version=4)
    lesson = _lesson(nb)
    assert path.stem == lesson
    module = _module(lesson)
    # "02_vae" -> gencourse.check.vae: the notebook names the one file that checks it.
    assert module.__name__ == f"gencourse.check.{lesson.split('_', 1)[1]}"
    assert lesson in module.__doc__.splitlines()[0]
    found = release.exercises(nb)
    assert list(found) == list(module.EXERCISES)  # the same exercises, in notebook order
    assert check.LESSONS[lesson] == tuple(found)
    for name, roles in found.items():
        assert check.EXERCISES[name] is module.EXERCISES[name]
        assert check.lesson_of(name) == lesson
        # The signature is the stub's own definition line.
        stub_lines = nb.cells[roles["solution"]].source.splitlines()
        assert f"def {module.EXERCISES[name].signature}:" in stub_lines


@pytest.mark.parametrize("module", check.MODULES, ids=lambda m: m.LESSON)
def test_are_a_lesson_modules_messages_in_its_lessons_catalogue(module):
    here = catalog_of(f"check_{module.LESSON}")
    shared = catalog_of("check_core")
    used = set(re.findall(r'"((?:case|hint)\.[a-z0-9_.]+)"', inspect.getsource(module)))
    assert used, module.__name__
    assert sorted(used - here - shared) == []
    assert sorted(here - used) == []  # and the lesson's catalogue holds nothing else


def catalog_of(area: str) -> set[str]:
    return set(importlib.import_module(f"gencourse.i18n.catalog.{area}").MESSAGES)


@pytest.mark.parametrize("name", list(check.EXERCISES))
def test_is_there_a_documented_notebook_function_for_every_exercise(name, capsys, monkeypatch):
    monkeypatch.delenv("GENCOURSE_STRICT_CHECKS", raising=False)
    fn = getattr(check, name)
    assert callable(fn) and fn.__name__ == name and fn.__module__ == "gencourse.check"
    assert name in check.__all__ and name in dir(check)
    assert list(inspect.signature(fn).parameters) == ["fn"]
    assert fn.__doc__.startswith(f"Checks ``{check.EXERCISES[name].signature}``")
    assert check.lesson_of(name) in fn.__doc__
    assert fn(stub) is None  # a notebook cell shows the verdict, not a result object
    assert capsys.readouterr().out.strip() == check.evaluate(name, stub).message()


def test_are_the_module_level_names_all_defined():
    assert len(check.__all__) == len(set(check.__all__))
    for name in check.__all__:
        assert hasattr(check, name), name


def test_is_an_exercise_whose_signature_is_not_its_call_refused():
    with pytest.raises(ValueError, match="Received: signature='other"):
        Exercise(name="kl_divergence", signature="other(x)", reference=kl_ok, make_cases=list)


def test_is_an_exercise_checked_by_two_lesson_modules_refused():
    ex = check.EXERCISES["kl_divergence"]
    one = types.SimpleNamespace(LESSON="02_vae", EXERCISES={ex.name: ex})
    other = types.SimpleNamespace(LESSON="03_gan", EXERCISES={ex.name: ex})
    with pytest.raises(ValueError, match="two lesson modules"):
        check._registry([one, other])
    with pytest.raises(ValueError, match="Two check modules"):
        check._registry([one, one])
    with pytest.raises(ValueError, match="Unknown exercise"):
        check.lesson_of("nope")


# --- answers that tried to be clever (found by an adversarial review) ----------


class StackSnooper:
    """Returns whatever array named `expected` it finds in its callers' frames."""

    def __array__(self, dtype=None, copy=None):
        import sys

        frame = sys._getframe(1)
        while frame is not None:
            if isinstance(frame.f_locals.get("expected"), np.ndarray):
                return frame.f_locals["expected"]
            frame = frame.f_back
        return np.zeros(0)


def test_cannot_a_returned_object_find_the_expected_answer_in_the_stack():
    result = check.evaluate("kl_divergence", lambda m, lv: StackSnooper())
    assert not result.passed and result.points == 0.0


def test_cannot_the_function_loosen_the_tolerance_while_it_runs():
    def loosen(m, lv):
        check.EXERCISES["kl_divergence"].atol = float("inf")
        check.EXERCISES["kl_divergence"].rtol = float("inf")
        return np.zeros(len(m))

    try:
        assert not check.evaluate("kl_divergence", loosen).passed
    finally:
        check.EXERCISES["kl_divergence"].atol = 1e-4
        check.EXERCISES["kl_divergence"].rtol = 1e-4


def test_is_a_complex_result_refused_even_with_the_right_real_part():
    result = check.evaluate("kl_divergence", lambda m, lv: kl_ok(m, lv) + 123j)
    assert result.status == "wrong_type" and result.points == 0.0


@pytest.mark.parametrize(
    "wrong",
    [
        lambda m, lv, e: m + np.exp(0.5 * lv) * np.clip(e, -3, 3),  # clipped noise
    ],
)
def test_is_noise_far_in_the_tails_used_as_given(wrong):
    assert not check.evaluate("reparameterize", wrong).passed


@pytest.mark.parametrize(
    "wrong",
    [
        # a wrong default for beta
        lambda x, r, m, lv, beta=0.0: loss_ok(x, r, m, lv, beta),
        # square, single-channel images assumed
        lambda x, r, m, lv, beta=1.0: (
            bce(x, r).reshape(-1, x.shape[1] * x.shape[1]).sum(1).mean()
            + beta * kl_ok(m, lv).mean()
        ),
        lambda x, r, m, lv, beta=1.0: (
            bce(x, r).reshape(-1, x.shape[1] * x.shape[2]).sum(1).mean()
            + beta * kl_ok(m, lv).mean()
        ),
        # clipping far wider than the documented 1e-7
        lambda x, r, m, lv, beta=1.0: loss_ok(x, np.clip(r, 0.01, 0.99), m, lv, beta),
    ],
)
def test_do_shape_default_and_clipping_shortcuts_fail(wrong):
    assert not check.evaluate("vae_loss", wrong).passed


def test_does_a_single_wrong_number_not_get_a_constant_factor_hint():
    def wrong(x, r, m, lv, beta=1.0):
        return loss_ok(r, x, m, lv, beta)  # arguments swapped: no constant factor

    hint = check.evaluate("vae_loss", wrong).first_failure().hint
    assert hint != "hint.factor"


# --- issue 15: every class, beyond the lists above -----------------------------------


def test_has_every_exercise_right_answers_in_several_libraries_and_precisions():
    assert set(CORRECT) == set(check.EXERCISES)
    for name, answers in CORRECT.items():
        assert len(answers) >= 3, name


@pytest.mark.parametrize(
    "wrong",
    [
        lambda m, f, e: (
            m + (e / np.linalg.norm(e, axis=1, keepdims=True) * np.sqrt(e.shape[1])) @ f.T
        ),
        lambda m, f, e: m + ((e - e.mean(axis=0)) / (e.std(axis=0) + 1e-8)) @ f.T,
        lambda m, f, e: m + (e / np.abs(e).max()) @ f.T,
    ],
    ids=["renormalised", "standardised", "rescaled"],
)
def test_does_renormalised_noise_fail_sample_gaussian(wrong):
    assert not check.evaluate("sample_gaussian", wrong).passed


@pytest.mark.parametrize("name", ["bayes_posterior", "log_marginal"])
def test_does_the_mixed_ranges_case_hold_the_rows_it_promises(name):
    case = check.EXERCISES[name].make_cases()[-1]
    assert case.label == "case.bayes.mixed_ranges"
    joint = case.args[0] + case.args[1]
    assert joint[0].min() > 600 and joint[1:3].max() < -3000  # +800 and -5000 in one batch
    assert np.ptp(joint.max(axis=1)) > 5000  # one maximum for all underflows the others
    assert (joint.max(axis=1) - joint.mean(axis=1)).max() > 709  # a row mean overflows exp


def test_are_float32_answers_told_apart_from_missing_priors_in_the_large_cases():
    # The large cases accept float32, and still catch a prior left out.
    for name, wrong in [
        ("log_marginal", lambda ll, lp: scipy.special.logsumexp(ll, axis=1)),
        ("bayes_posterior", lambda ll, lp: scipy.special.softmax(ll, axis=1)),
    ]:
        ex = check.EXERCISES[name]
        case = ex.make_cases()[-1]
        assert not check.core._close(
            _plain(ex, wrong(*case.args)),
            _plain(ex, ex.reference(*case.args)),
            check.core._for_case(ex, case),
        ), name


def _message(name, fn):
    result = check.evaluate(name, fn)
    return result, result.message("en"), result.message("ko")


def test_are_image_counts_told_in_images_not_in_packed_shapes():
    def one_fake_too_many(real, fake):
        images = np.concatenate([real, fake, fake[:1]])
        return images, np.r_[np.ones(len(real)), np.zeros(len(fake) + 1)]

    result, en, ko = _message("mixed_batch", one_fake_too_many)
    assert result.status == "wrong_shape"
    assert "8 images expected, 9 received" in en and "이미지가 8장이어야 하는데 9장" in ko
    assert "785" not in en + ko and "(" not in en.splitlines()[1]

    _, en, ko = _message("augmented_training_set", WRONG["augmented_training_set"][0][0])
    assert "12 images expected, 16 received" in en and "16장" in ko
    assert "(12, 785)" not in en + ko


def test_is_a_wrong_image_size_told_in_values_per_image():
    def half_images(real, fake):
        images = np.concatenate([real, fake])[:, ::2]
        return images, np.r_[np.ones(len(real)), np.zeros(len(fake))]

    _, en, ko = _message("mixed_batch", half_images)
    assert "784 values" in en and "392" in en and "785" not in en + ko


def test_are_label_counts_told_in_labels():
    _, en, ko = _message("balanced_labels", lambda p, k: np.repeat(np.arange(k), p + 1))
    assert "40 labels expected, 50 received" in en and "레이블이 40개여야 하는데 50개" in ko


@pytest.mark.parametrize(
    "name, fn",
    [
        ("mixed_batch", batch_shuffled_in_place),
        ("mixed_batch", lambda r, f: ({"real": r, "fake": f}, np.ones(len(r) + len(f)))),
        ("augmented_training_set", aug_shuffled_in_place),
    ],
)
def test_is_a_returned_tuple_never_called_the_wrong_type(name, fn):
    result, en, ko = _message(name, fn)
    assert result.status == "wrong_form", en
    assert i18n.t("check.wrong_type", "en", type="tuple") not in en
    assert i18n.t("check.wrong_type", "ko", type="tuple") not in ko
    assert "returned a tuple" not in en and "tuple 값을" not in ko


def test_does_the_constant_factor_hint_need_the_same_ratio_in_every_case():
    def grows_with_the_batch(m, lv):
        return kl_ok(m, lv) * (1 + len(m))  # a different ratio in each case

    assert check.evaluate("kl_divergence", grows_with_the_batch).first_failure().hint is None

    def three_times(m, f, e):
        return 3 * (m + e @ f.T)

    assert check.evaluate("sample_gaussian", three_times).first_failure().hint == "hint.factor"

    def loss_weighted_by_beta(x, r, m, lv, beta=1.0):
        return (1 + beta) * loss_ok(x, r, m, lv, beta)

    hint = check.evaluate("vae_loss", loss_weighted_by_beta).first_failure().hint
    assert hint != "hint.factor"
    assert check.evaluate(
        "vae_loss", lambda *a, **k: 2 * loss_ok(*a, **k)
    ).first_failure().hint == ("hint.factor")


def test_is_a_flipped_sign_named_only_where_every_case_is_flipped():
    def flipped_on_big_batches(m, f, e):
        return (1 if len(e) < 5 else -1) * (m + e @ f.T)

    result = check.evaluate("sample_gaussian", flipped_on_big_batches)
    assert result.first_failure().hint not in ("hint.sign", "hint.factor")
    assert check.evaluate(
        "sample_gaussian", lambda m, f, e: -(m + e @ f.T)
    ).first_failure().hint == ("hint.sign")


class LearnersOwnStop(BaseException):
    pass


def _exit(*args, **kwargs):
    import sys

    sys.exit("done")


def _exit_zero(*args, **kwargs):
    raise SystemExit(0)


def _own_stop(*args, **kwargs):
    raise LearnersOwnStop("stop here")


def _generator_exit(*args, **kwargs):
    raise GeneratorExit


class ExitsWhenRead:
    def __array__(self, dtype=None, copy=None):
        raise SystemExit(1)


@pytest.mark.parametrize("name", sorted(check.EXERCISES))
@pytest.mark.parametrize(
    "fn, error",
    [
        (_exit, "SystemExit"),
        (_exit_zero, "SystemExit"),
        (_own_stop, "LearnersOwnStop"),
        (_generator_exit, "GeneratorExit"),
    ],
    ids=["sys_exit", "system_exit_0", "own_base_exception", "generator_exit"],
)
def test_does_a_base_exception_in_the_function_become_a_verdict(name, fn, error):
    result = check.evaluate(name, fn)
    assert result.status == "error" and result.points == 0.0
    assert error in result.message("en") and error in result.message("ko")


def test_does_an_object_that_exits_when_read_become_a_verdict():
    result = check.evaluate("kl_divergence", lambda m, lv: ExitsWhenRead())
    assert result.status == "wrong_type" and result.points == 0.0
    result = check.evaluate("mixed_batch", lambda r, f: (ExitsWhenRead(), np.ones(len(r) + len(f))))
    assert result.status == "wrong_form" and result.first_failure().hint == (
        "hint.batch.images_not_numbers"
    )


def test_does_a_notebook_check_print_a_verdict_for_sys_exit(capsys, monkeypatch):
    monkeypatch.delenv("GENCOURSE_STRICT_CHECKS", raising=False)
    check.kl_divergence(_exit)
    assert "SystemExit" in capsys.readouterr().out


def test_does_keyboard_interrupt_still_stop_the_check():
    def interrupted(m, lv):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        check.evaluate("kl_divergence", interrupted)


def test_does_the_grading_child_still_record_sys_exit_as_an_error():
    from gencourse.check.core import Case, record

    rec = record(_exit, Case("case.none", (np.zeros((1, 1)), np.zeros((1, 1)))))
    assert (rec.status, rec.detail) == ("error", {"error": "SystemExit", "text": "done"})


def test_are_verdicts_worded_with_the_glossarys_korean_term_for_a_case():
    _, _, ko = _message("kl_divergence", stub)
    _, _, ko_fail = _message("kl_divergence", WRONG["kl_divergence"][0][0])
    assert "테스트 6개 중 1개 통과. 처음 실패한 테스트:" in ko_fail
    assert "사례" not in ko + ko_fail + check.evaluate("kl_divergence", kl_ok).message("ko")


def test_does_a_choice_exercise_name_its_choices_and_say_another_was_chosen():
    from gencourse.check import Case, WrongForm, core

    def pack(value):
        if value not in ("left", "right"):
            raise WrongForm("hint.pair.unknown", {"arms": "left, right"})
        return np.array([("left", "right").index(value)], dtype="float64")

    ex = Exercise(
        name="side",
        signature="side()",
        reference=lambda: "left",
        make_cases=lambda: [Case("case.pair.choice", ())],
        pack=pack,
        wrong_value="check.wrong_choice",
    )
    unknown = core.evaluate(ex, lambda: "up")
    assert unknown.status == "wrong_form"
    assert "the arms are left, right" in unknown.message("en")
    assert "방법 이름은 left, right입니다" in unknown.message("ko")
    other = core.evaluate(ex, lambda: "right")
    assert other.status == "wrong_value" and "shape is right" not in other.message("en")
    assert i18n.t("check.wrong_choice", "en") in other.message("en")
    assert core.evaluate(ex, lambda: "left").passed
