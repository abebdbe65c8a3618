"""A corpus of plausible answers to every exercise, wrong and right, for tests/test_check_hints.py.

Written from each exercise's instructions alone (the markdown before the stub
and the stub's docstring in ``solutions/en``), as a learner who misreads one
thing would write them, before looking at what the checks recognise (commit
dd30bfd); the checks' hints were then added for the ones that had none.
``VERDICTS`` records, for each wrong answer, the message key that names its
mistake: a hint, the body that states a wrong shape or count, or the
explanation of the exception it raises. ``ACCEPTED`` holds the three answers
written as wrong that the check accepts on purpose, with the reason. The
answers in ``RIGHT`` must pass.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.special import logsumexp


@dataclass(frozen=True)
class Wrong:
    """A wrong answer: an id (unique within its exercise) and the function."""

    id: str
    fn: Callable


def _a(x):
    return np.asarray(x, dtype="float64")


# --- 01 sample_gaussian(mean, cov_factor, eps) -------------------------------------------


def _sample_loop_over_k(mean, cov_factor, eps):
    # Loops over the k dimensions instead of the n samples.
    return np.stack([mean + cov_factor @ eps[i] for i in range(len(mean))])


SAMPLE_GAUSSIAN = [
    Wrong("no_transpose", lambda m, f, e: m + e @ f),
    Wrong("column_samples", lambda m, f, e: m[:, None] + f @ e.T),
    Wrong("diagonal_only", lambda m, f, e: m + e * np.diag(f)),
    Wrong("covariance_not_factor", lambda m, f, e: m + e @ (f @ f.T)),
    Wrong("elementwise_sqrt_cov", lambda m, f, e: m + e @ np.sqrt(np.abs(f @ f.T))),
    Wrong("no_mean", lambda m, f, e: e @ f.T),
    Wrong("no_factor", lambda m, f, e: m + e),
    Wrong("parentheses", lambda m, f, e: (m + e) @ f.T),
    Wrong("loop_over_k", _sample_loop_over_k),
    Wrong("cholesky_of_covariance", lambda m, f, e: m + e @ np.linalg.cholesky(f @ f.T + 0 * f).T),
    Wrong("transposed_result", lambda m, f, e: (m + e @ f.T).T),
    Wrong("factor_times_mean", lambda m, f, e: m * (e @ f.T)),
]

# --- 01 bayes_posterior(log_likelihoods, log_priors) -----------------------------------------


def _softmax_rows(a):
    a = a - a.max(axis=1, keepdims=True)
    w = np.exp(a)
    return w / w.sum(axis=1, keepdims=True)


BAYES_POSTERIOR = [
    Wrong(
        "naive_exp",
        lambda ll, lp: np.exp(_a(ll) + lp) / np.exp(_a(ll) + lp).sum(axis=1, keepdims=True),
    ),
    Wrong(
        "global_max",
        lambda ll, lp: (lambda j: np.exp(j) / np.exp(j).sum(1, keepdims=True))(
            _a(ll) + lp - (_a(ll) + lp).max()
        ),
    ),
    Wrong("no_prior", lambda ll, lp: _softmax_rows(_a(ll))),
    Wrong(
        "max_over_column",
        lambda ll, lp: (lambda j: np.exp(j) / np.exp(j).sum(1, keepdims=True))(
            _a(ll) + lp - (_a(ll) + lp).max(axis=0)
        ),
    ),
    Wrong(
        "normalised_over_column",
        lambda ll, lp: (lambda w: w / w.sum(axis=0, keepdims=True))(
            np.exp(_a(ll) + lp - (_a(ll) + lp).max(axis=1, keepdims=True))
        ),
    ),
    Wrong(
        "log_posterior",
        lambda ll, lp: (_a(ll) + lp) - logsumexp(_a(ll) + lp, axis=1, keepdims=True),
    ),
    Wrong("log_of_log_prior", lambda ll, lp: _softmax_rows(_a(ll) + np.log(lp))),
    Wrong(
        "sum_without_keepdims",
        lambda ll, lp: (lambda w: w / w.sum(axis=1))(
            np.exp(_a(ll) + lp - (_a(ll) + lp).max(axis=1, keepdims=True))
        ),
    ),
    Wrong(
        "not_normalised",
        lambda ll, lp: np.exp(_a(ll) + lp - (_a(ll) + lp).max(axis=1, keepdims=True)),
    ),
    Wrong("prior_subtracted", lambda ll, lp: _softmax_rows(_a(ll) - lp)),
    Wrong("labels", lambda ll, lp: np.argmax(_a(ll) + lp, axis=1)),
    Wrong(
        "divided_by_max",
        lambda ll, lp: (lambda w: w / w.max(axis=1, keepdims=True))(
            np.exp(_a(ll) + lp - (_a(ll) + lp).max(axis=1, keepdims=True))
        ),
    ),
    Wrong("prior_multiplied", lambda ll, lp: _softmax_rows(_a(ll) * np.exp(lp))),
]

# --- 01 log_marginal(log_likelihoods, log_priors) --------------------------------------------


def _lm(ll, lp):
    j = _a(ll) + lp
    return j, j.max(axis=1)


LOG_MARGINAL = [
    Wrong("naive", lambda ll, lp: np.log(np.sum(np.exp(_a(ll) + lp), axis=1))),
    Wrong(
        "m_not_added_back",
        lambda ll, lp: (lambda j, m: np.log(np.exp(j - m[:, None]).sum(1)))(*_lm(ll, lp)),
    ),
    Wrong("no_prior", lambda ll, lp: logsumexp(_a(ll), axis=1)),
    Wrong("max_only", lambda ll, lp: (_a(ll) + lp).max(axis=1)),
    Wrong(
        "mean_not_sum",
        lambda ll, lp: (lambda j, m: m + np.log(np.exp(j - m[:, None]).mean(1)))(*_lm(ll, lp)),
    ),
    Wrong(
        "global_max",
        lambda ll, lp: (lambda j: j.max() + np.log(np.exp(j - j.max()).sum(1)))(_a(ll) + lp),
    ),
    Wrong("over_column", lambda ll, lp: logsumexp(_a(ll) + lp, axis=0)),
    Wrong("keepdims", lambda ll, lp: logsumexp(_a(ll) + lp, axis=1, keepdims=True)),
    Wrong(
        "exp_forgotten",
        lambda ll, lp: (lambda j, m: m + np.log(np.sum(j - m[:, None], axis=1)))(*_lm(ll, lp)),
    ),
    Wrong("not_log", lambda ll, lp: np.exp(logsumexp(_a(ll) + lp, axis=1))),
    Wrong(
        "m_subtracted",
        lambda ll, lp: (lambda j, m: -m + np.log(np.exp(j - m[:, None]).sum(1)))(*_lm(ll, lp)),
    ),
    Wrong("sum_of_logs", lambda ll, lp: np.sum(_a(ll) + lp, axis=1)),
]

# --- 02 reparameterize(z_mean, z_log_var, eps) -----------------------------------------------


def _own_noise(m, lv, e):
    return m + np.exp(0.5 * lv) * np.random.default_rng().normal(size=np.shape(m))


REPARAMETERIZE = [
    Wrong("log_var_as_std", lambda m, lv, e: m + lv * e),
    Wrong("variance_as_std", lambda m, lv, e: m + np.exp(lv) * e),
    Wrong("sqrt_of_log_var", lambda m, lv, e: m + np.sqrt(lv) * e),
    Wrong("half_variance", lambda m, lv, e: m + 0.5 * np.exp(lv) * e),
    Wrong("no_noise", lambda m, lv, e: m + np.exp(0.5 * lv)),
    Wrong("parentheses", lambda m, lv, e: (m + np.exp(0.5 * lv)) * e),
    Wrong("own_noise", _own_noise),
    Wrong("minus", lambda m, lv, e: m - np.exp(0.5 * lv) * e),
    Wrong("no_mean", lambda m, lv, e: np.exp(0.5 * lv) * e),
    Wrong("inverse_std", lambda m, lv, e: m + np.exp(-0.5 * lv) * e),
    Wrong("mean_times_noise", lambda m, lv, e: m * e + np.exp(0.5 * lv)),
]

# --- 02 kl_divergence(z_mean, z_log_var) -----------------------------------------------------

KL_DIVERGENCE = [
    Wrong("not_summed", lambda m, lv: 0.5 * (m**2 + np.exp(lv) - lv - 1)),
    Wrong("mean_over_latent", lambda m, lv: 0.5 * np.mean(m**2 + np.exp(lv) - lv - 1, axis=1)),
    Wrong("no_half", lambda m, lv: np.sum(m**2 + np.exp(lv) - lv - 1, axis=1)),
    Wrong("sign", lambda m, lv: 0.5 * np.sum(1 + lv - m**2 - np.exp(lv), axis=1)),
    Wrong("log_var_as_var", lambda m, lv: 0.5 * np.sum(m**2 + lv - np.log(lv) - 1, axis=1)),
    Wrong("std_as_var", lambda m, lv: 0.5 * np.sum(m**2 + np.exp(0.5 * lv) - lv - 1, axis=1)),
    Wrong("no_minus_one", lambda m, lv: 0.5 * np.sum(m**2 + np.exp(lv) - lv, axis=1)),
    Wrong("over_batch", lambda m, lv: 0.5 * np.sum(m**2 + np.exp(lv) - lv - 1, axis=0)),
    Wrong("batch_mean", lambda m, lv: 0.5 * np.mean(np.sum(m**2 + np.exp(lv) - lv - 1, axis=1))),
    Wrong("mean_not_squared", lambda m, lv: 0.5 * np.sum(m + np.exp(lv) - lv - 1, axis=1)),
    Wrong("no_log_term", lambda m, lv: 0.5 * np.sum(m**2 + np.exp(lv) - 1, axis=1)),
    Wrong("exp_squared", lambda m, lv: 0.5 * np.sum(m**2 + np.exp(2 * lv) - lv - 1, axis=1)),
    Wrong("plus_one", lambda m, lv: 0.5 * np.sum(m**2 + np.exp(lv) - lv + 1, axis=1)),
]

# --- 02 vae_loss(x, x_recon, z_mean, z_log_var, beta=1.0) -----------------------------------


def _kl(m, lv):
    return 0.5 * np.sum(m**2 + np.exp(lv) - lv - 1, axis=1)


def _bce(x, r, clip=True):
    if clip:
        r = np.clip(r, 1e-7, 1 - 1e-7)
    return -(x * np.log(r) + (1 - x) * np.log(1 - r))


def _per_image(a, x):
    return a.reshape(len(x), -1).sum(axis=1)


def _vae_keras_bce(x, r, m, lv, beta=1.0):
    import keras

    per_pixel = keras.ops.convert_to_numpy(keras.losses.binary_crossentropy(x, r))
    return np.mean(per_pixel.reshape(len(x), -1).sum(axis=1)) + beta * np.mean(_kl(m, lv))


VAE_LOSS = [
    Wrong(
        "no_clip",
        lambda x, r, m, lv, beta=1.0: (
            np.mean(_per_image(_bce(x, r, clip=False), x)) + beta * np.mean(_kl(m, lv))
        ),
    ),
    Wrong(
        "pixel_mean", lambda x, r, m, lv, beta=1.0: np.mean(_bce(x, r)) + beta * np.mean(_kl(m, lv))
    ),
    Wrong(
        "no_beta",
        lambda x, r, m, lv, beta=1.0: np.mean(_per_image(_bce(x, r), x)) + np.mean(_kl(m, lv)),
    ),
    Wrong(
        "batch_sum", lambda x, r, m, lv, beta=1.0: np.sum(_bce(x, r)) + beta * np.sum(_kl(m, lv))
    ),
    Wrong(
        "kl_summed",
        lambda x, r, m, lv, beta=1.0: (
            np.mean(_per_image(_bce(x, r), x)) + beta * np.sum(_kl(m, lv))
        ),
    ),
    Wrong(
        "bce_sign",
        lambda x, r, m, lv, beta=1.0: (
            np.mean(_per_image(-_bce(x, r), x)) + beta * np.mean(_kl(m, lv))
        ),
    ),
    Wrong(
        "mnist_reshape",
        lambda x, r, m, lv, beta=1.0: (
            np.mean(_bce(x, r).reshape(len(x), 784).sum(1)) + beta * np.mean(_kl(m, lv))
        ),
    ),
    Wrong(
        "height_width_only",
        lambda x, r, m, lv, beta=1.0: (
            np.mean(_bce(x, r).sum(axis=(1, 2))) + beta * np.mean(_kl(m, lv))
        ),
    ),
    Wrong(
        "beta_on_reconstruction",
        lambda x, r, m, lv, beta=1.0: (
            beta * np.mean(_per_image(_bce(x, r), x)) + np.mean(_kl(m, lv))
        ),
    ),
    Wrong(
        "per_sample", lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r), x) + beta * _kl(m, lv)
    ),
    Wrong(
        "clip_to_unit",
        lambda x, r, m, lv, beta=1.0: (
            np.mean(_per_image(_bce(x, np.clip(r, 0, 1), clip=False), x))
            + beta * np.mean(_kl(m, lv))
        ),
    ),
    Wrong(
        "squared_error",
        lambda x, r, m, lv, beta=1.0: (
            np.mean(_per_image((x - r) ** 2, x)) + beta * np.mean(_kl(m, lv))
        ),
    ),
    Wrong(
        "one_sided_bce",
        lambda x, r, m, lv, beta=1.0: (
            np.mean(_per_image(-x * np.log(np.clip(r, 1e-7, 1 - 1e-7)), x))
            + beta * np.mean(_kl(m, lv))
        ),
    ),
    Wrong("keras_bce_channels", _vae_keras_bce),
    Wrong(
        "kl_minus",
        lambda x, r, m, lv, beta=1.0: (
            np.mean(_per_image(_bce(x, r), x)) - beta * np.mean(_kl(m, lv))
        ),
    ),
]

# --- 03 discriminator_loss(d_real, d_fake) ----------------------------------------------------


def _c(p):
    return np.clip(p, 1e-7, 1 - 1e-7)


DISCRIMINATOR_LOSS = [
    Wrong("no_clip", lambda r, f: -np.mean(np.r_[np.log(np.ravel(r)), np.log(1 - np.ravel(f))])),
    Wrong("sum", lambda r, f: -np.sum(np.r_[np.log(_c(np.ravel(r))), np.log(1 - _c(np.ravel(f)))])),
    Wrong(
        "no_minus",
        lambda r, f: np.mean(np.r_[np.log(_c(np.ravel(r))), np.log(1 - _c(np.ravel(f)))]),
    ),
    Wrong("sum_of_two_means", lambda r, f: -np.mean(np.log(_c(r))) - np.mean(np.log(1 - _c(f)))),
    Wrong(
        "targets_swapped",
        lambda r, f: -np.mean(np.r_[np.log(1 - _c(np.ravel(r))), np.log(_c(np.ravel(f)))]),
    ),
    Wrong(
        "fake_as_real",
        lambda r, f: -np.mean(np.r_[np.log(_c(np.ravel(r))), np.log(_c(np.ravel(f)))]),
    ),
    Wrong(
        "clip_to_unit",
        lambda r, f: (
            -np.mean(
                np.r_[np.log(np.clip(np.ravel(r), 0, 1)), np.log(1 - np.clip(np.ravel(f), 0, 1))]
            )
        ),
    ),
    Wrong(
        "clip_after_log",
        lambda r, f: (
            -np.mean(
                np.r_[
                    np.clip(np.log(np.ravel(r)), 1e-7, 1 - 1e-7),
                    np.clip(np.log(1 - np.ravel(f)), 1e-7, 1 - 1e-7),
                ]
            )
        ),
    ),
    Wrong("squared_error", lambda r, f: np.mean(np.r_[(np.ravel(r) - 1) ** 2, np.ravel(f) ** 2])),
    Wrong(
        "clip_below_only",
        lambda r, f: (
            -np.mean(
                np.r_[
                    np.log(np.clip(np.ravel(r), 1e-7, 1)), np.log(1 - np.clip(np.ravel(f), 1e-7, 1))
                ]
            )
        ),
    ),
    Wrong("per_sample", lambda r, f: -np.r_[np.log(_c(np.ravel(r))), np.log(1 - _c(np.ravel(f)))]),
    Wrong(
        "mixed_shapes_broadcast",
        lambda r, f: -np.mean(np.log(_c(np.reshape(r, (-1, 1)))) + np.log(1 - _c(np.ravel(f)))),
    ),
    Wrong(
        "half_of_it",
        lambda r, f: -0.5 * np.mean(np.r_[np.log(_c(np.ravel(r))), np.log(1 - _c(np.ravel(f)))]),
    ),
]

# --- 03 generator_loss(d_fake) ----------------------------------------------------------------

GENERATOR_LOSS = [
    Wrong("saturating", lambda f: np.mean(np.log(1 - _c(f)))),
    Wrong("no_minus", lambda f: np.mean(np.log(_c(f)))),
    Wrong("no_clip", lambda f: -np.mean(np.log(np.asarray(f, dtype="float64")))),
    Wrong("sum", lambda f: -np.sum(np.log(_c(f)))),
    Wrong("target_zero", lambda f: -np.mean(np.log(1 - _c(f)))),
    Wrong("per_sample", lambda f: -np.log(_c(f))),
    Wrong("log_of_mean", lambda f: -np.log(_c(np.mean(f)))),
    Wrong("half", lambda f: -0.5 * np.mean(np.log(_c(f)))),
    Wrong("clip_to_unit", lambda f: -np.mean(np.log(np.clip(f, 0, 1)))),
    Wrong("one_minus_d", lambda f: np.mean(1 - np.asarray(f))),
    Wrong("clip_after_log", lambda f: -np.mean(np.clip(np.log(f), 1e-7, 1 - 1e-7))),
]

# --- 03 mixed_batch(real_images, fake_images) ------------------------------------------------


def _targets(n, m):
    return np.concatenate([np.ones((n, 1)), np.zeros((m, 1))])


def _shuffled(r, f):
    images = np.concatenate([r, f])
    order = np.random.default_rng(0).permutation(len(images))
    return images[order], _targets(len(r), len(f))[order]


MIXED_BATCH = [
    Wrong("targets_swapped", lambda r, f: (np.concatenate([r, f]), 1 - _targets(len(r), len(f)))),
    Wrong("height_axis", lambda r, f: (np.concatenate([r, f], axis=1), _targets(len(r), len(f)))),
    Wrong("stacked", lambda r, f: (np.stack([r, f]), _targets(len(r), len(f)))),
    Wrong("n_for_both", lambda r, f: (np.concatenate([r, f]), _targets(len(r), len(r)))),
    Wrong("list_of_images", lambda r, f: ([r, f], _targets(len(r), len(f)))),
    Wrong("swapped_pair", lambda r, f: (_targets(len(r), len(f)), np.concatenate([r, f]))),
    Wrong(
        "image_shaped_targets",
        lambda r, f: (np.concatenate([r, f]), np.concatenate([np.ones_like(r), np.zeros_like(f)])),
    ),
    Wrong("images_only", lambda r, f: np.concatenate([r, f])),
    Wrong("real_targets_only", lambda r, f: (np.concatenate([r, f]), np.ones((len(r), 1)))),
    Wrong(
        "fakes_first_targets_kept", lambda r, f: (np.concatenate([f, r]), _targets(len(r), len(f)))
    ),
]

# --- 04 condition_input(noise, labels, num_classes) ------------------------------------------


def _one_hot_columns(noise, labels, k):
    # Fancy indexing on the column only: every row gets a 1 at every label.
    labels = np.reshape(labels, -1)
    one_hot = np.zeros((len(labels), k))
    one_hot[:, labels] = 1
    return np.concatenate([noise, one_hot], axis=1)


CONDITION_INPUT = [
    Wrong(
        "one_hot_first", lambda z, y, k: np.concatenate([np.eye(k)[np.reshape(y, -1)], z], axis=1)
    ),
    Wrong("raw_label", lambda z, y, k: np.concatenate([z, np.reshape(y, (-1, 1))], axis=1)),
    Wrong("no_reshape", lambda z, y, k: np.concatenate([z, np.eye(k)[y]], axis=1)),
    Wrong(
        "ten_classes", lambda z, y, k: np.concatenate([z, np.eye(10)[np.reshape(y, -1)]], axis=1)
    ),
    Wrong(
        "from_one", lambda z, y, k: np.concatenate([z, np.eye(k)[np.reshape(y, -1) - 1]], axis=1)
    ),
    Wrong("axis_zero", lambda z, y, k: np.concatenate([z, np.eye(k)[np.reshape(y, -1)]], axis=0)),
    Wrong("one_hot_only", lambda z, y, k: np.eye(k)[np.reshape(y, -1)]),
    Wrong(
        "extra_class", lambda z, y, k: np.concatenate([z, np.eye(k + 1)[np.reshape(y, -1)]], axis=1)
    ),
    Wrong("columns_indexed", _one_hot_columns),
    Wrong(
        "label_scaled",
        lambda z, y, k: np.concatenate([z, np.reshape(y, (-1, 1)) / (k - 1)], axis=1),
    ),
    Wrong("noise_only", lambda z, y, k: np.asarray(z)),
    Wrong(
        "eye_of_latent",
        lambda z, y, k: np.concatenate([z, np.eye(np.shape(z)[1], k)[np.reshape(y, -1)]], axis=1),
    ),
]

# --- 04 mismatched_labels(labels, offsets, num_classes) --------------------------------------

MISMATCHED_LABELS = [
    Wrong("no_plus_one", lambda y, r, k: (np.asarray(y) + r) % k),
    Wrong("no_wrap", lambda y, r, k: np.asarray(y) + 1 + r),
    Wrong("wrap_k_minus_one", lambda y, r, k: (np.asarray(y) + 1 + r) % (k - 1)),
    Wrong("backwards", lambda y, r, k: (np.asarray(y) - 1 - r) % k),
    Wrong("wrap_before_offset", lambda y, r, k: (np.asarray(y) + 1) % k + r),
    Wrong("floats", lambda y, r, k: ((np.asarray(y) + 1 + r) % k).astype("float32")),
    Wrong("labels_ignored", lambda y, r, k: (1 + np.asarray(r)) % k),
    Wrong("multiplied", lambda y, r, k: (np.asarray(y) * (1 + np.asarray(r))) % k),
    Wrong("integer_division", lambda y, r, k: (np.asarray(y) + 1 + r) // k),
    Wrong("precedence", lambda y, r, k: np.asarray(y) + 1 + np.asarray(r) % k),
    Wrong("offset_only", lambda y, r, k: np.asarray(r)),
    Wrong("column", lambda y, r, k: ((np.asarray(y) + 1 + r) % k)[:, None]),
]

# --- 04 conditional_discriminator_loss(d_real, d_mismatched, d_fake) -------------------------


def _logs(r, m, f):
    return np.log(_c(np.ravel(r))), np.log(1 - _c(np.ravel(m))), np.log(1 - _c(np.ravel(f)))


def _two_gan_losses(r, m, f):
    lr, lm, lf = _logs(r, m, f)
    return -np.mean(np.r_[lr, lf]) - np.mean(np.r_[lr, lm])


def _balanced(r, m, f):
    lr, lm, lf = _logs(r, m, f)
    return 0.5 * -np.mean(lr) + 0.5 * -np.mean(np.r_[lm, lf])


COND_D_LOSS = [
    Wrong(
        "mismatched_as_real",
        lambda r, m, f: (
            -np.mean(
                np.r_[np.log(_c(np.ravel(r))), np.log(_c(np.ravel(m))), np.log(1 - _c(np.ravel(f)))]
            )
        ),
    ),
    Wrong("sum_of_means", lambda r, m, f: -sum(np.mean(t) for t in _logs(r, m, f))),
    Wrong(
        "no_clip",
        lambda r, m, f: (
            -np.mean(np.r_[np.log(np.ravel(r)), np.log(1 - np.ravel(m)), np.log(1 - np.ravel(f))])
        ),
    ),
    Wrong("two_gan_losses", _two_gan_losses),
    Wrong(
        "mismatched_ignored", lambda r, m, f: -np.mean(np.r_[_logs(r, m, f)[0], _logs(r, m, f)[2]])
    ),
    Wrong("no_minus", lambda r, m, f: np.mean(np.concatenate(_logs(r, m, f)))),
    Wrong("over_two_n", lambda r, m, f: -np.sum(np.concatenate(_logs(r, m, f))) / (2 * np.size(r))),
    Wrong(
        "clip_real_only",
        lambda r, m, f: (
            -np.mean(
                np.r_[np.log(_c(np.ravel(r))), np.log(1 - np.ravel(m)), np.log(1 - np.ravel(f))]
            )
        ),
    ),
    Wrong("per_sample", lambda r, m, f: -np.concatenate(_logs(r, m, f))),
    Wrong("balanced_halves", _balanced),
    Wrong(
        "fake_as_real",
        lambda r, m, f: (
            -np.mean(np.r_[_logs(r, m, f)[0], _logs(r, m, f)[1], np.log(_c(np.ravel(f)))])
        ),
    ),
    Wrong("sum", lambda r, m, f: -np.sum(np.concatenate(_logs(r, m, f)))),
]

# --- 05 balanced_labels(per_class, num_classes) -------------------------------------------------

BALANCED_LABELS = [
    Wrong("swapped", lambda p, k: np.repeat(np.arange(p), k)),
    Wrong("modulo_per_class", lambda p, k: np.arange(p * k) % p),
    Wrong("from_one", lambda p, k: np.repeat(np.arange(1, k + 1), p)),
    Wrong("floats", lambda p, k: np.repeat(np.arange(k), p).astype("float64")),
    Wrong("ten_classes", lambda p, k: np.repeat(np.arange(10), p)),
    Wrong("class_times_count", lambda p, k: np.arange(k) * p),
    Wrong("last_class_missing", lambda p, k: np.repeat(np.arange(k - 1), p)),
    Wrong("random", lambda p, k: np.random.default_rng(0).integers(0, k, p * k)),
    Wrong("column", lambda p, k: np.repeat(np.arange(k), p)[:, None]),
    Wrong("linspace", lambda p, k: np.linspace(0, k - 1, p * k).astype("int64")),
    Wrong("one_each", lambda p, k: np.arange(k)),
    Wrong("per_class_extra", lambda p, k: np.repeat(np.arange(k), p + 1)),
]

# --- 05 augmented_training_set(real_images, real_labels, synthetic_images, synthetic_labels, ratio)


def _aug(x, y, sx, sy, k):
    labels = np.concatenate([np.reshape(y, -1), np.reshape(sy, -1)[:k]])
    return np.concatenate([x, sx[:k]]), labels


def _aug_shuffled_images_only(x, y, sx, sy, r):
    images, labels = _aug(x, y, sx, sy, round(r * len(x)))
    return images[np.random.default_rng(0).permutation(len(images))], labels


def _aug_random_pick(x, y, sx, sy, r):
    k = round(r * len(x))
    pick = np.random.default_rng(0).choice(len(sx), size=k, replace=False)
    return np.concatenate([x, sx[pick]]), np.concatenate(
        [np.reshape(y, -1), np.reshape(sy, -1)[pick]]
    )


def _aug_np_round(x, y, sx, sy, r):
    k = np.round(r * len(x))
    return np.concatenate([x, sx[:k]]), np.concatenate([np.reshape(y, -1), np.reshape(sy, -1)[:k]])


def _aug_half_up(x, y, sx, sy, r):
    # "반올림" as taught at school: halves go up.
    return _aug(x, y, sx, sy, math.floor(r * len(x) + 0.5))


AUGMENTED_TRAINING_SET = [
    Wrong("truncated", lambda x, y, sx, sy, r: _aug(x, y, sx, sy, int(r * len(x)))),
    Wrong("ceil", lambda x, y, sx, sy, r: _aug(x, y, sx, sy, math.ceil(r * len(x)))),
    Wrong("ratio_of_pool", lambda x, y, sx, sy, r: _aug(x, y, sx, sy, round(r * len(sx)))),
    Wrong("whole_pool", lambda x, y, sx, sy, r: _aug(x, y, sx, sy, len(sx))),
    Wrong(
        "labels_not_flattened",
        lambda x, y, sx, sy, r: (
            np.concatenate([x, sx[: round(r * len(x))]]),
            np.concatenate([y, sy[: round(r * len(x))]]),
        ),
    ),
    Wrong("images_shuffled_alone", _aug_shuffled_images_only),
    Wrong(
        "labels_from_the_end",
        lambda x, y, sx, sy, r: (
            np.concatenate([x, sx[: round(r * len(x))]]),
            np.concatenate([np.reshape(y, -1), np.reshape(sy, -1)[len(sy) - round(r * len(x)) :]]),
        ),
    ),
    Wrong("ratio_as_count", lambda x, y, sx, sy, r: _aug(x, y, sx, sy, int(r))),
    Wrong("random_pick", _aug_random_pick),
    Wrong(
        "real_labels_repeated",
        lambda x, y, sx, sy, r: (
            np.concatenate([x, sx[: round(r * len(x))]]),
            np.resize(np.reshape(y, -1), len(x) + round(r * len(x))),
        ),
    ),
    Wrong(
        "inverse_ratio", lambda x, y, sx, sy, r: _aug(x, y, sx, sy, round(len(x) / r) if r else 0)
    ),
    Wrong("images_only", lambda x, y, sx, sy, r: np.concatenate([x, sx[: round(r * len(x))]])),
    Wrong("stacked", lambda x, y, sx, sy, r: (np.stack([x, sx[: len(x)]]), np.reshape(y, -1))),
    Wrong("ratio_rounded_first", lambda x, y, sx, sy, r: _aug(x, y, sx, sy, round(r) * len(x))),
    Wrong(
        "labels_synthetic_first",
        lambda x, y, sx, sy, r: (
            np.concatenate([x, sx[: round(r * len(x))]]),
            np.concatenate([np.reshape(sy, -1)[: round(r * len(x))], np.reshape(y, -1)]),
        ),
    ),
    Wrong("np_round_index", _aug_np_round),
    Wrong("half_up", _aug_half_up),
    Wrong(
        "synthetic_only",
        lambda x, y, sx, sy, r: (sx[: round(r * len(x))], np.reshape(sy, -1)[: round(r * len(x))]),
    ),
]

# --- 05 shift_with_fill(images, dy, dx, fill) ----------------------------------------------------


def _shift_each(fn):
    def shifted(images, dy, dx, fill):
        return np.stack([fn(images[i], int(dy[i]), int(dx[i]), fill) for i in range(len(images))])

    return shifted


def _right(image, dy, dx, fill):
    h, w = image.shape[:2]
    out = np.full_like(image, fill)
    dy, dx = max(-h, min(h, dy)), max(-w, min(w, dx))
    out[max(dy, 0) : h + min(dy, 0), max(dx, 0) : w + min(dx, 0)] = image[
        max(-dy, 0) : h - max(dy, 0), max(-dx, 0) : w - max(dx, 0)
    ]
    return out


def _zero_then_where(image, dy, dx, fill):
    out = _right(image, dy, dx, 0.0)
    return np.where(out == 0, fill, out)


def _naive_slices(image, dy, dx, fill):
    # Right for shifts smaller than the image, broken beyond.
    h, w = image.shape[:2]
    out = np.full_like(image, fill)
    src = image
    rows = slice(dy, None) if dy >= 0 else slice(None, h + dy)
    src_rows = slice(None, h - dy) if dy >= 0 else slice(-dy, None)
    cols = slice(dx, None) if dx >= 0 else slice(None, w + dx)
    src_cols = slice(None, w - dx) if dx >= 0 else slice(-dx, None)
    out[rows, cols] = src[src_rows, src_cols]
    return out


def _roll_fill_rows_only(image, dy, dx, fill):
    out = np.roll(image, (dy, dx), axis=(0, 1))
    if dy > 0:
        out[:dy] = fill
    elif dy < 0:
        out[dy:] = fill
    return out


def _padded_off_by_one(image, dy, dx, fill):
    h, w = image.shape[:2]
    p = max(h, w)
    big = np.pad(image, ((p, p), (p, p), (0, 0)), constant_values=fill)
    return big[p - dy + 1 : p - dy + 1 + h, p - dx : p - dx + w]


SHIFT_WITH_FILL = [
    Wrong("roll", _shift_each(lambda im, dy, dx, f: np.roll(im, (dy, dx), axis=(0, 1)))),
    Wrong("zero_pad_then_where", _shift_each(_zero_then_where)),
    Wrong("direction", _shift_each(lambda im, dy, dx, f: _right(im, -dy, -dx, f))),
    Wrong("swapped_axes", _shift_each(lambda im, dy, dx, f: _right(im, dx, dy, f))),
    Wrong(
        "edge_pad",
        _shift_each(
            lambda im, dy, dx, f: np.pad(
                im, ((abs(dy), abs(dy)), (abs(dx), abs(dx)), (0, 0)), mode="edge"
            )[abs(dy) - dy : abs(dy) - dy + im.shape[0], abs(dx) - dx : abs(dx) - dx + im.shape[1]]
        ),
    ),
    Wrong(
        "first_shift_for_all",
        lambda x, dy, dx, f: _shift_each(_right)(
            x, np.full(len(x), dy[0]), np.full(len(x), dx[0]), f
        ),
    ),
    Wrong("fill_ignored", _shift_each(lambda im, dy, dx, f: _right(im, dy, dx, 0.0))),
    Wrong("naive_slices", _shift_each(_naive_slices)),
    Wrong("roll_rows_filled_only", _shift_each(_roll_fill_rows_only)),
    Wrong(
        "modulo_shift",
        _shift_each(lambda im, dy, dx, f: _right(im, dy % im.shape[0], dx % im.shape[1], f)),
    ),
    Wrong("padded_off_by_one", _shift_each(_padded_off_by_one)),
    Wrong("fill_added", _shift_each(lambda im, dy, dx, f: _right(im, dy, dx, 0.0) + f)),
]

# --- 06 unsupervised_discriminator_loss(real_logits, fake_logits) -----------------------------


def _s(logits):
    return logsumexp(_a(logits), axis=1)


def _float32_clipped(real, fake):
    def d_of(logits):
        z = np.exp(np.clip(_a(logits), -80, 80)).sum(axis=1).astype("float32")
        return np.clip(z / (z + 1), 1e-7, 1 - 1e-7)

    return 0.5 * (-np.mean(np.log(d_of(real))) - np.mean(np.log(1 - d_of(fake))))


UNSUP_D_LOSS = [
    Wrong(
        "naive_log_z",
        lambda r, f: (
            0.5
            * (
                -np.mean((lambda s: s - np.logaddexp(0, s))(np.log(np.exp(_a(r)).sum(1))))
                - np.mean(-np.logaddexp(0, np.log(np.exp(_a(f)).sum(1))))
            )
        ),
    ),
    Wrong(
        "no_half",
        lambda r, f: -np.mean(_s(r) - np.logaddexp(0, _s(r))) + np.mean(np.logaddexp(0, _s(f))),
    ),
    Wrong(
        "max_not_logsumexp",
        lambda r, f: (
            0.5
            * (
                -np.mean(_a(r).max(1) - np.logaddexp(0, _a(r).max(1)))
                + np.mean(np.logaddexp(0, _a(f).max(1)))
            )
        ),
    ),
    Wrong(
        "fake_sign",
        lambda r, f: (
            0.5 * (-np.mean(_s(r) - np.logaddexp(0, _s(r))) - np.mean(np.logaddexp(0, _s(f))))
        ),
    ),
    Wrong(
        "formulas_swapped",
        lambda r, f: (
            0.5 * (np.mean(np.logaddexp(0, _s(r))) - np.mean(_s(f) - np.logaddexp(0, _s(f))))
        ),
    ),
    Wrong(
        "one_mean_over_both",
        lambda r, f: 0.5 * -np.mean(np.r_[_s(r) - np.logaddexp(0, _s(r)), -np.logaddexp(0, _s(f))]),
    ),
    Wrong(
        "logsumexp_over_batch",
        lambda r, f: (
            0.5
            * (
                -np.mean((lambda s: s - np.logaddexp(0, s))(logsumexp(_a(r), axis=0)))
                + np.mean(np.logaddexp(0, logsumexp(_a(f), axis=0)))
            )
        ),
    ),
    Wrong("float32_clipped_d", _float32_clipped),
    Wrong(
        "naive_softplus",
        lambda r, f: (
            0.5 * (-np.mean(_s(r) - np.log1p(np.exp(_s(r)))) + np.mean(np.log1p(np.exp(_s(f)))))
        ),
    ),
    Wrong(
        "sum_not_mean",
        lambda r, f: (
            0.5 * (-np.sum(_s(r) - np.logaddexp(0, _s(r))) + np.sum(np.logaddexp(0, _s(f))))
        ),
    ),
    Wrong(
        "global_max",
        lambda r, f: (
            lambda g: (
                0.5 * (-np.mean(g(r) - np.logaddexp(0, g(r))) + np.mean(np.logaddexp(0, g(f))))
            )
        )(lambda v: _a(v).max() + np.log(np.exp(_a(v) - _a(v).max()).sum(1))),
    ),
    Wrong("real_half_only", lambda r, f: 0.5 * -np.mean(_s(r) - np.logaddexp(0, _s(r)))),
    Wrong(
        "sigmoid_of_mean_logit",
        lambda r, f: (
            0.5
            * (-np.mean(-np.logaddexp(0, -_a(r).mean(1))) + np.mean(np.logaddexp(0, _a(f).mean(1))))
        ),
    ),
]

# --- 06 feature_matching_loss(real_features, fake_features) -----------------------------------

FEATURE_MATCHING = [
    Wrong("per_sample_pairs", lambda r, f: np.mean((_a(r) - _a(f)) ** 2)),
    Wrong("sum_over_features", lambda r, f: np.sum((_a(r).mean(0) - _a(f).mean(0)) ** 2)),
    Wrong("not_squared", lambda r, f: np.mean(_a(r).mean(0) - _a(f).mean(0))),
    Wrong("absolute", lambda r, f: np.mean(np.abs(_a(r).mean(0) - _a(f).mean(0)))),
    Wrong("norm", lambda r, f: np.linalg.norm(_a(r).mean(0) - _a(f).mean(0))),
    Wrong(
        "per_image_means", lambda r, f: np.mean((_a(r).mean(1).mean() - _a(f).mean(1).mean()) ** 2)
    ),
    Wrong("means_of_squares", lambda r, f: np.mean((_a(r) ** 2).mean(0) - (_a(f) ** 2).mean(0))),
    Wrong("overall_means", lambda r, f: (_a(r).mean() - _a(f).mean()) ** 2),
    Wrong("per_feature", lambda r, f: (_a(r).mean(0) - _a(f).mean(0)) ** 2),
    Wrong("square_of_mean_gap", lambda r, f: np.mean(_a(r).mean(0) - _a(f).mean(0)) ** 2),
    Wrong(
        "difference_of_squared_means", lambda r, f: np.mean(_a(r).mean(0) ** 2 - _a(f).mean(0) ** 2)
    ),
    Wrong("half_squared", lambda r, f: 0.5 * np.mean((_a(r).mean(0) - _a(f).mean(0)) ** 2)),
    Wrong("means_over_axis_one", lambda r, f: np.mean((_a(r).mean(1) - _a(f).mean(1)) ** 2)),
]

# --- 06 confident_pseudo_labels(probabilities, threshold=0.95, per_class=None) ----------------


def _cpl(
    p,
    threshold,
    per_class,
    *,
    strict=False,
    order="desc",
    cap=None,
    labels_unsorted=False,
    swap=False,
    as_float=False,
    per_class_first=False,
    stable=True,
):
    p = _a(p)
    conf, lab = p.max(1), p.argmax(1)
    keep = conf > threshold if strict else conf >= threshold
    idx = np.flatnonzero(keep)
    if per_class_first and per_class is not None:
        taken, kept = {}, []
        for i in idx:
            taken[lab[i]] = taken.get(lab[i], 0) + 1
            if taken[lab[i]] <= per_class:
                kept.append(i)
        idx = np.array(kept, dtype="int64")
    if order == "desc":
        idx = idx[np.argsort(-conf[idx], kind="stable" if stable else "quicksort")]
    elif order == "asc":
        idx = idx[np.argsort(conf[idx], kind="stable")]
    elif order == "ties_high_first":
        idx = idx[np.lexsort((-idx, -conf[idx]))]
    elif order == "by_label":
        idx = idx[np.lexsort((-conf[idx], lab[idx]))]
    if per_class is not None and not per_class_first and cap is not False:
        limit = per_class if cap is None else per_class + cap
        taken, kept = {}, []
        for i in idx:
            taken[lab[i]] = taken.get(lab[i], 0) + 1
            if taken[lab[i]] <= limit:
                kept.append(i)
        idx = np.array(kept, dtype="int64")
    labels = lab[np.sort(idx)] if labels_unsorted else lab[idx]
    idx, labels = idx.astype("int64"), labels.astype("int64")
    if as_float:
        idx = idx.astype("float64")
    return (labels, idx) if swap else (idx, labels)


def _global_cap(p, threshold=0.95, per_class=None):
    idx, lab = _cpl(p, threshold, None)
    return (idx, lab) if per_class is None else (idx[:per_class], lab[:per_class])


def _mask(p, threshold=0.95, per_class=None):
    p = _a(p)
    return p.max(1) >= threshold, p.argmax(1)


CONFIDENT_PSEUDO_LABELS = [
    Wrong(
        "strictly_above",
        lambda p, threshold=0.95, per_class=None: _cpl(p, threshold, per_class, strict=True),
    ),
    Wrong(
        "index_order",
        lambda p, threshold=0.95, per_class=None: _cpl(p, threshold, per_class, order="none"),
    ),
    Wrong(
        "least_confident_first",
        lambda p, threshold=0.95, per_class=None: _cpl(p, threshold, per_class, order="asc"),
    ),
    Wrong(
        "ties_higher_index_first",
        lambda p, threshold=0.95, per_class=None: _cpl(
            p, threshold, per_class, order="ties_high_first"
        ),
    ),
    Wrong(
        "per_class_ignored",
        lambda p, threshold=0.95, per_class=None: _cpl(p, threshold, per_class, cap=False),
    ),
    Wrong(
        "per_class_in_index_order",
        lambda p, threshold=0.95, per_class=None: _cpl(
            p, threshold, per_class, per_class_first=True
        ),
    ),
    Wrong(
        "labels_in_index_order",
        lambda p, threshold=0.95, per_class=None: _cpl(
            p, threshold, per_class, labels_unsorted=True
        ),
    ),
    Wrong("boolean_mask", _mask),
    Wrong(
        "float_indices",
        lambda p, threshold=0.95, per_class=None: _cpl(p, threshold, per_class, as_float=True),
    ),
    Wrong(
        "one_too_many_per_class",
        lambda p, threshold=0.95, per_class=None: _cpl(p, threshold, per_class, cap=1),
    ),
    Wrong(
        "swapped_pair",
        lambda p, threshold=0.95, per_class=None: _cpl(p, threshold, per_class, swap=True),
    ),
    Wrong(
        "sorted_by_label",
        lambda p, threshold=0.95, per_class=None: _cpl(p, threshold, per_class, order="by_label"),
    ),
    Wrong("global_cap", _global_cap),
]

# --- 05 paired_claim(differences) ----------------------------------------------------------
# Written from the exercise's text (lesson 05, exercise 4) by the author of its check, so not
# independent of it: each is a misreading of one sentence of the text.


def _claim_from(mean, spread, at_least=False):
    if at_least:
        return "gain" if mean >= spread else "loss" if mean <= -spread else "none"
    return "gain" if mean > spread else "loss" if mean < -spread else "none"


def _claim_one_seed_std_zero(d):
    # "With fewer than 2 seeds": forgotten; one seed gets a spread of 0.
    std = np.std(d, ddof=1) if len(d) > 1 else 0.0
    return _claim_from(np.mean(d), std)


def _claim_guarded(rule):
    """The text's guard for fewer than 2 seeds, then ``rule(d)``."""
    return lambda d: "none" if len(d) < 2 else rule(np.asarray(d, dtype="float64"))


def _claim_pstdev(d):
    import statistics

    if len(d) < 2:
        return "none"
    return _claim_from(statistics.mean(d), statistics.pstdev(d))


def _claim_tie(mean, spread):
    # The library's own word for "no clear difference" ("tie"), not the exercise's "none".
    return {"none": "tie"}.get(_claim_from(mean, spread), _claim_from(mean, spread))


def _claim_no_loss_branch(d):
    if len(d) < 2:
        return "none"
    if np.mean(d) > np.std(d, ddof=1):
        return "gain"
    return "none"


PAIRED_CLAIM = [
    Wrong("one_seed_std_zero", _claim_one_seed_std_zero),
    Wrong("population_std", _claim_guarded(lambda d: _claim_from(d.mean(), d.std()))),
    Wrong("pstdev", _claim_pstdev),
    Wrong(
        "standard_error",
        _claim_guarded(lambda d: _claim_from(d.mean(), d.std(ddof=1) / np.sqrt(len(d)))),
    ),
    Wrong("two_sigma", _claim_guarded(lambda d: _claim_from(d.mean(), 2 * d.std(ddof=1)))),
    Wrong("variance", _claim_guarded(lambda d: _claim_from(d.mean(), d.var(ddof=1)))),
    Wrong(
        "absolute_mean",
        _claim_guarded(lambda d: "gain" if abs(d.mean()) > d.std(ddof=1) else "none"),
    ),
    Wrong("b_minus_a", _claim_guarded(lambda d: _claim_from(-d.mean(), d.std(ddof=1)))),
    Wrong(
        "at_least", _claim_guarded(lambda d: _claim_from(d.mean(), d.std(ddof=1), at_least=True))
    ),
    Wrong("mean_sign_only", _claim_guarded(lambda d: _claim_from(d.mean(), 0.0))),
    Wrong("no_loss_branch", _claim_no_loss_branch),
    Wrong("returns_bool", lambda d: len(d) > 1 and abs(np.mean(d)) > np.std(d, ddof=1)),
    Wrong(
        "returns_sign",
        _claim_guarded(lambda d: np.sign(d.mean()) * float(abs(d.mean()) > d.std(ddof=1))),
    ),
    Wrong("tie_not_none", _claim_guarded(lambda d: _claim_tie(d.mean(), d.std(ddof=1)))),
    Wrong(
        "capitalised",
        _claim_guarded(lambda d: _claim_from(d.mean(), d.std(ddof=1)).capitalize()),
    ),
    Wrong(
        "python_none",
        lambda d: (
            None
            if len(d) < 2 or _claim_from(np.mean(d), np.std(d, ddof=1)) == "none"
            else _claim_from(np.mean(d), np.std(d, ddof=1))
        ),
    ),
]

# --- 06 isolating_pair() --------------------------------------------------------------------
# Written from the exercise's text (lesson 06, exercise 4, /work/briefs/ex31_06_cells.json until
# the notebook has it) by the author of its check: the tempting choices it names, and slips of form.

ISOLATING_PAIR = [
    Wrong("against_pseudo", lambda: ("ssgan_classic", "pseudo")),
    Wrong("against_real_classic", lambda: ("ssgan_classic", "real_classic")),
    Wrong("with_and_without_copies", lambda: ("ssgan_classic", "ssgan")),
    Wrong("against_m1", lambda: ("ssgan", "m1")),
    Wrong("against_real", lambda: ("ssgan", "real")),
    Wrong("copies_and_loss_at_once", lambda: ("ssgan", "ssgan_supervised")),
    Wrong("pseudo_against_classic", lambda: ("pseudo", "real_classic")),
    Wrong(
        "table_names",
        lambda: ("semi-supervised GAN + classic", "same discriminator, no unsupervised loss"),
    ),
    Wrong("capitalised", lambda: ("SSGAN_classic", "ssgan_supervised")),
    Wrong("one_name", lambda: "ssgan_classic"),
    Wrong("difference_as_text", lambda: "ssgan_classic - ssgan_supervised"),
    Wrong("same_twice", lambda: ("ssgan_classic", "ssgan_classic")),
    Wrong("a_set", lambda: {"ssgan_classic", "ssgan_supervised"}),
]

#: Every exercise's wrong answers, by exercise name.
WRONG = {
    "sample_gaussian": SAMPLE_GAUSSIAN,
    "bayes_posterior": BAYES_POSTERIOR,
    "log_marginal": LOG_MARGINAL,
    "reparameterize": REPARAMETERIZE,
    "kl_divergence": KL_DIVERGENCE,
    "vae_loss": VAE_LOSS,
    "discriminator_loss": DISCRIMINATOR_LOSS,
    "generator_loss": GENERATOR_LOSS,
    "mixed_batch": MIXED_BATCH,
    "condition_input": CONDITION_INPUT,
    "mismatched_labels": MISMATCHED_LABELS,
    "conditional_discriminator_loss": COND_D_LOSS,
    "balanced_labels": BALANCED_LABELS,
    "augmented_training_set": AUGMENTED_TRAINING_SET,
    "shift_with_fill": SHIFT_WITH_FILL,
    "unsupervised_discriminator_loss": UNSUP_D_LOSS,
    "feature_matching_loss": FEATURE_MATCHING,
    "confident_pseudo_labels": CONFIDENT_PSEUDO_LABELS,
    "paired_claim": PAIRED_CLAIM,
    "isolating_pair": ISOLATING_PAIR,
}

#: For each wrong answer, the message key that names its mistake in the verdict.
VERDICTS = {
    "sample_gaussian": {
        "no_transpose": "hint.sample.transposed",
        "column_samples": "check.wrong_shape",
        "diagonal_only": "hint.sample.diagonal",
        "covariance_not_factor": "hint.sample.covariance",
        "elementwise_sqrt_cov": "hint.sample.sqrt_covariance",
        "no_mean": "hint.sample.no_mean",
        "no_factor": "hint.sample.no_factor",
        "parentheses": "hint.sample.parentheses",
        "loop_over_k": "check.wrong_shape",
        "cholesky_of_covariance": "hint.sample.other_factor",
        "transposed_result": "check.wrong_shape",
        "factor_times_mean": "hint.sample.times_mean",
    },
    "bayes_posterior": {
        "naive_exp": "hint.bayes.unstable",
        "global_max": "hint.bayes.batch_max",
        "no_prior": "hint.bayes.no_prior",
        "max_over_column": "hint.bayes.column_max",
        "normalised_over_column": "hint.bayes.axis",
        "log_posterior": "hint.bayes.log",
        "log_of_log_prior": "hint.bayes.prior_already_log",
        "sum_without_keepdims": "error.keepdims",
        "not_normalised": "hint.bayes.not_normalised",
        "prior_subtracted": "hint.bayes.prior_subtracted",
        "labels": "hint.bayes.labels",
        "divided_by_max": "hint.bayes.not_normalised",
        "prior_multiplied": "hint.bayes.prior_multiplied",
    },
    "log_marginal": {
        "naive": "hint.marg.unstable",
        "m_not_added_back": "hint.marg.m_not_added",
        "no_prior": "hint.marg.no_prior",
        "max_only": "hint.marg.max_only",
        "mean_not_sum": "hint.marg.mean",
        "global_max": "hint.marg.batch_max",
        "over_column": "hint.marg.axis",
        "keepdims": "check.wrong_shape",
        "exp_forgotten": "hint.marg.no_exp",
        "not_log": "hint.marg.not_log",
        "m_subtracted": "hint.marg.m_not_added",
        "sum_of_logs": "hint.marg.sum_of_logs",
    },
    "reparameterize": {
        "log_var_as_std": "hint.reparam.log_var_as_std",
        "variance_as_std": "hint.reparam.variance",
        "sqrt_of_log_var": "hint.reparam.log_var_as_std",
        "half_variance": "hint.reparam.half_outside",
        "no_noise": "hint.reparam.no_noise",
        "parentheses": "hint.reparam.parentheses",
        "own_noise": "hint.random_answer",
        "minus": "hint.reparam.minus",
        "no_mean": "hint.reparam.no_mean",
        "inverse_std": "hint.reparam.inverse_std",
        "mean_times_noise": "hint.reparam.roles",
    },
    "kl_divergence": {
        "not_summed": "hint.kl.latent_not_summed",
        "mean_over_latent": "hint.kl.latent_mean",
        "no_half": "hint.kl.half",
        "sign": "hint.kl.sign",
        "log_var_as_var": "hint.kl.log_var_as_var",
        "std_as_var": "hint.kl.variance",
        "no_minus_one": "hint.kl.one",
        "over_batch": "check.wrong_shape",
        "batch_mean": "hint.kl.batch_reduced",
        "mean_not_squared": "hint.kl.square",
        "no_log_term": "hint.kl.no_log",
        "exp_squared": "hint.kl.variance",
        "plus_one": "hint.kl.one_sign",
    },
    "vae_loss": {
        "no_clip": "hint.loss.no_clip",
        "pixel_mean": "hint.loss.pixel_mean",
        "no_beta": "hint.loss.no_beta",
        "batch_sum": "hint.loss.summed",
        "kl_summed": "hint.loss.kl_summed",
        "bce_sign": "hint.loss.bce_sign",
        "mnist_reshape": "hint.loss.fixed_size",
        "height_width_only": "hint.loss.channel_mean",
        "beta_on_reconstruction": "hint.loss.beta_on_recon",
        "per_sample": "hint.loss.per_sample",
        "clip_to_unit": "hint.loss.no_clip",
        "squared_error": "hint.loss.mse",
        "one_sided_bce": "hint.loss.one_sided",
        "keras_bce_channels": "hint.loss.channel_mean",
        "kl_minus": "hint.loss.kl_sign",
    },
    "discriminator_loss": {
        "no_clip": "hint.no_clip",
        "sum": "hint.dloss.summed",
        "no_minus": "hint.dloss.sign",
        "sum_of_two_means": "hint.dloss.sum_of_means",
        "targets_swapped": "hint.dloss.swapped",
        "fake_as_real": "hint.dloss.fake_log_d",
        "clip_to_unit": "hint.no_clip",
        "clip_after_log": "hint.clip_after_log",
        "squared_error": "hint.dloss.squared",
        "clip_below_only": "hint.no_clip",
        "per_sample": "hint.per_sample",
        "mixed_shapes_broadcast": "hint.dloss.sum_of_means",
        "half_of_it": "hint.factor",
    },
    "generator_loss": {
        "saturating": "hint.gloss.saturating",
        "no_minus": "hint.gloss.sign",
        "no_clip": "hint.no_clip",
        "sum": "hint.gloss.summed",
        "target_zero": "hint.gloss.fake_target",
        "per_sample": "check.wrong_shape",
        "log_of_mean": "hint.gloss.log_of_mean",
        "half": "hint.factor",
        "clip_to_unit": "hint.no_clip",
        "one_minus_d": "hint.gloss.no_log",
        "clip_after_log": "hint.clip_after_log",
    },
    "mixed_batch": {
        "targets_swapped": "hint.batch.swapped",
        "height_axis": "hint.batch.counts_differ",
        "stacked": "hint.batch.stacked",
        "n_for_both": "hint.batch.counts_differ",
        "list_of_images": "hint.batch.stacked",
        "swapped_pair": "hint.batch.image_rank",
        "image_shaped_targets": "hint.batch.one_target_each",
        "images_only": "hint.batch.pair",
        "real_targets_only": "hint.batch.counts_differ",
        "fakes_first_targets_kept": "hint.batch.order",
    },
    "condition_input": {
        "one_hot_first": "hint.cond.order",
        "raw_label": "hint.cond.raw_label",
        "no_reshape": "hint.cond.column_labels",
        "ten_classes": "hint.cond.fixed_ten",
        "from_one": "hint.cond.shifted",
        "axis_zero": "hint.cond.axis",
        "one_hot_only": "hint.cond.no_noise",
        "extra_class": "check.wrong_shape",
        "columns_indexed": "hint.cond.fancy_index",
        "label_scaled": "check.wrong_shape",
        "noise_only": "check.wrong_shape",
        "eye_of_latent": "hint.cond.eye_size",
    },
    "mismatched_labels": {
        "no_plus_one": "hint.mis.no_plus_one",
        "no_wrap": "hint.mis.no_mod",
        "wrap_k_minus_one": "hint.mis.mod_k",
        "backwards": "hint.mis.minus",
        "wrap_before_offset": "hint.mis.no_mod",
        "floats": "hint.mis.integers",
        "labels_ignored": "hint.mis.offsets_only",
        "multiplied": "hint.mis.multiplied",
        "integer_division": "hint.mis.floor_division",
        "precedence": "hint.mis.no_mod",
        "offset_only": "hint.mis.offsets_only",
        "column": "check.wrong_shape",
    },
    "conditional_discriminator_loss": {
        "mismatched_as_real": "hint.closs.mismatched_real",
        "sum_of_means": "hint.closs.sum_of_means",
        "no_clip": "hint.no_clip",
        "two_gan_losses": "hint.closs.two_losses",
        "mismatched_ignored": "hint.closs.no_mismatched",
        "no_minus": "hint.closs.sign",
        "over_two_n": "hint.factor",
        "clip_real_only": "hint.no_clip",
        "per_sample": "check.wrong_shape",
        "balanced_halves": "hint.closs.weighted",
        "fake_as_real": "hint.closs.fake_real",
        "sum": "hint.closs.summed",
    },
    "balanced_labels": {
        "swapped": "hint.bal.swapped",
        "modulo_per_class": "hint.bal.swapped",
        "from_one": "hint.bal.from_one",
        "floats": "hint.bal.integers",
        "ten_classes": "hint.bal.fixed_ten",
        "class_times_count": "check.count.labels",
        "last_class_missing": "hint.bal.last_missing",
        "random": "hint.bal.counts",
        "column": "hint.bal.flat",
        "linspace": "hint.bal.counts",
        "one_each": "check.count.labels",
        "per_class_extra": "check.count.labels",
    },
    "augmented_training_set": {
        "truncated": "hint.aug.round",
        "ceil": "hint.aug.round",
        "ratio_of_pool": "hint.aug.ratio_of_pool",
        "whole_pool": "hint.aug.whole_pool",
        "labels_not_flattened": "hint.aug.labels_flat",
        "images_shuffled_alone": "hint.aug.pairing",
        "labels_from_the_end": "hint.aug.labels_wrong",
        "ratio_as_count": "check.count.images",
        "random_pick": "hint.aug.which_images",
        "real_labels_repeated": "hint.aug.real_labels",
        "inverse_ratio": "hint.aug.inverse_ratio",
        "images_only": "hint.aug.pair",
        "stacked": "hint.aug.stacked",
        "ratio_rounded_first": "check.count.images",
        "labels_synthetic_first": "hint.aug.pairing",
        "np_round_index": "hint.aug.int_count",
        "half_up": "hint.aug.round_half",
        "synthetic_only": "hint.aug.synthetic_only",
    },
    "shift_with_fill": {
        "roll": "hint.shift.wrap",
        "zero_pad_then_where": "hint.shift.zero_is_background",
        "direction": "hint.shift.direction",
        "swapped_axes": "hint.shift.swapped",
        "edge_pad": "hint.shift.edge",
        "first_shift_for_all": "hint.shift.per_image",
        "fill_ignored": "hint.shift.fill_zero",
        "naive_slices": "hint.shift.too_far",
        "roll_rows_filled_only": "hint.shift.entering",
        "modulo_shift": "hint.shift.modulo",
        "padded_off_by_one": "hint.shift.off_by_one",
        "fill_added": "hint.shift.fill_added",
    },
    "unsupervised_discriminator_loss": {
        "naive_log_z": "hint.uloss.unstable",
        "no_half": "hint.uloss.no_half",
        "max_not_logsumexp": "hint.uloss.max_logit",
        "fake_sign": "hint.uloss.fake_sign",
        "formulas_swapped": "hint.uloss.swapped",
        "one_mean_over_both": "hint.uloss.pooled",
        "logsumexp_over_batch": "hint.uloss.axis",
        "float32_clipped_d": "hint.uloss.clipped",
        "naive_softplus": "hint.uloss.unstable",
        "sum_not_mean": "hint.uloss.summed",
        "global_max": "hint.uloss.unstable",
        "real_half_only": "hint.uloss.only_real",
        "sigmoid_of_mean_logit": "hint.uloss.mean_logit",
    },
    "feature_matching_loss": {
        "per_sample_pairs": "hint.fm.pairs",
        "sum_over_features": "hint.fm.feature_sum",
        "not_squared": "hint.fm.not_squared",
        "absolute": "hint.fm.absolute",
        "norm": "hint.fm.norm",
        "per_image_means": "hint.fm.all_mean",
        "means_of_squares": "hint.fm.squares_first",
        "overall_means": "hint.fm.all_mean",
        "per_feature": "hint.fm.per_feature",
        "square_of_mean_gap": "hint.fm.all_mean",
        "difference_of_squared_means": "hint.fm.squares_first",
        "half_squared": "hint.factor",
        "means_over_axis_one": "hint.fm.feature_axis",
    },
    "confident_pseudo_labels": {
        "strictly_above": "hint.pseudo.inclusive",
        "index_order": "hint.pseudo.index_order",
        "least_confident_first": "hint.pseudo.ascending",
        "ties_higher_index_first": "hint.pseudo.ties",
        "per_class_ignored": "hint.pseudo.per_class_ignored",
        "per_class_in_index_order": "hint.pseudo.per_class_first",
        "labels_in_index_order": "hint.pseudo.pairing",
        "boolean_mask": "hint.pseudo.integers",
        "float_indices": "hint.pseudo.integers",
        "one_too_many_per_class": "check.count.images",
        "swapped_pair": "hint.pseudo.swapped",
        "sorted_by_label": "hint.pseudo.by_label",
        "global_cap": "hint.pseudo.per_class_total",
    },
    "paired_claim": {
        "one_seed_std_zero": "hint.claim.one_seed",
        "population_std": "hint.claim.ddof",
        "pstdev": "hint.claim.ddof",
        "standard_error": "hint.claim.standard_error",
        "two_sigma": "hint.claim.two_std",
        "variance": "hint.claim.variance",
        "absolute_mean": "hint.claim.sign_ignored",
        "b_minus_a": "hint.claim.flipped",
        "at_least": "hint.claim.boundary",
        "mean_sign_only": "hint.claim.no_spread",
        "no_loss_branch": "hint.claim.no_loss",
        "returns_bool": "hint.claim.bool",
        "returns_sign": "hint.claim.number",
        "tie_not_none": "hint.claim.word",
        "capitalised": "hint.claim.word",
        "python_none": "hint.claim.none_value",
    },
    "isolating_pair": {
        "against_pseudo": "hint.pair.pseudo",
        "against_real_classic": "hint.pair.real_classic",
        "with_and_without_copies": "hint.pair.copies",
        "against_m1": "hint.pair.m1",
        "against_real": "hint.pair.real",
        "copies_and_loss_at_once": "hint.pair.two_changes",
        "pseudo_against_classic": "hint.pair.no_gan",
        "table_names": "hint.pair.unknown",
        "capitalised": "hint.pair.unknown",
        "one_name": "hint.pair.single",
        "difference_as_text": "hint.pair.single",
        "same_twice": "hint.pair.same",
        "a_set": "hint.pair.two_names",
    },
}

#: Written as wrong, accepted by the check on purpose: (answer, the reason).
ACCEPTED = {
    "mixed_batch": [
        (
            Wrong(
                "flat_targets",
                lambda r, f: (np.concatenate([r, f]), np.r_[np.ones(len(r)), np.zeros(len(f))]),
            ),
            "targets shaped (N + M,): the check takes (N + M, 1) or (N + M,), as its hint says",
        ),
        (
            Wrong(
                "fakes_first",
                lambda r, f: (
                    np.concatenate([f, r]),
                    np.concatenate([np.zeros((len(f), 1)), np.ones((len(r), 1))]),
                ),
            ),
            "fakes first, each with its own target: the check judges pairs, not their order",
        ),
        (
            Wrong("shuffled", _shuffled),
            "images and targets shuffled together: a shuffled batch is as right as a stacked one",
        ),
    ],
}


# --- Right answers written other ways: each must pass ------------------------------------------


def _keras_ops():
    import keras

    return keras.ops


def _kl_keras(m, lv):
    ops = _keras_ops()
    return -0.5 * ops.sum(1 + lv - ops.square(m) - ops.exp(lv), axis=-1)


def _unsup_keras(r, f):
    ops = _keras_ops()
    s_r, s_f = ops.logsumexp(r, axis=1), ops.logsumexp(f, axis=1)
    return 0.5 * (-ops.mean(s_r - ops.softplus(s_r)) + ops.mean(ops.softplus(s_f)))


def _unsup_k_plus_one(r, f):
    def log_d(logits):
        logits = _a(logits)
        padded = np.concatenate([logits, np.zeros((len(logits), 1))], axis=1)
        return logsumexp(logits, axis=1) - logsumexp(padded, axis=1)

    def log_not_d(logits):
        logits = _a(logits)
        padded = np.concatenate([logits, np.zeros((len(logits), 1))], axis=1)
        return -logsumexp(padded, axis=1)

    return 0.5 * (-np.mean(log_d(r)) - np.mean(log_not_d(f)))


def _cpl_loop(p, threshold=0.95, per_class=None):
    p = np.asarray(p)
    rows = [(-p[i].max(), i) for i in range(len(p)) if p[i].max() >= threshold]
    rows.sort()
    counts, idx, lab = {}, [], []
    for _, i in rows:
        label = int(p[i].argmax())
        if per_class is not None and counts.get(label, 0) >= per_class:
            continue
        counts[label] = counts.get(label, 0) + 1
        idx.append(i)
        lab.append(label)
    return np.array(idx, dtype=int), np.array(lab, dtype=int)


def _shift_scipy(images, dy, dx, fill):
    from scipy import ndimage

    return np.stack(
        [
            ndimage.shift(
                images[i], (int(dy[i]), int(dx[i]), 0), order=0, mode="constant", cval=fill
            )
            for i in range(len(images))
        ]
    )


def _claim_statistics(d):
    import statistics

    if len(d) < 2:
        return "none"
    mean, std = statistics.mean(d), statistics.stdev(d)
    return "gain" if mean > std else "loss" if mean < -std else "none"


def _claim_by_hand(d):
    n = len(d)
    if n < 2:
        return "none"
    mean = sum(d) / n
    std = math.sqrt(sum((x - mean) ** 2 for x in d) / (n - 1))
    if mean > std:
        return "gain"
    if -mean > std:
        return "loss"
    return "none"


def _claim_sign_table(d):
    if len(d) < 2:
        return "none"
    mean = np.mean(d)
    clear = abs(mean) > np.std(d, ddof=1)
    return {1: "gain", -1: "loss", 0: "none"}[int(np.sign(mean)) if clear else 0]


RIGHT = {
    "sample_gaussian": [
        lambda m, f, e: np.stack([m + f @ row for row in e]),
        lambda m, f, e: (np.asarray(m)[:, None] + np.asarray(f) @ np.asarray(e).T).T,
        lambda m, f, e: m + np.einsum("ij,nj->ni", f, e),
    ],
    "bayes_posterior": [
        lambda ll, lp: _softmax_rows(_a(ll) + lp),
        lambda ll, lp: _softmax_rows(_a(ll) - _a(ll).max(1, keepdims=True) + lp),
        lambda ll, lp: np.exp((_a(ll) + lp) - logsumexp(_a(ll) + lp, axis=1, keepdims=True)),
    ],
    "log_marginal": [
        lambda ll, lp: logsumexp(_a(ll) + lp, axis=1),
        lambda ll, lp: (lambda m: m + np.log(np.exp(_a(ll) + lp - m[:, None]).sum(1)))(
            _a(ll).max(1)
        ),
        lambda ll, lp: np.array([logsumexp(row + lp) for row in _a(ll)]),
    ],
    "reparameterize": [
        lambda m, lv, e: m + np.sqrt(np.exp(lv)) * e,
        lambda m, lv, e: m + np.exp(lv / 2) * e,
        lambda m, lv, e: _keras_ops().add(m, _keras_ops().exp(0.5 * lv) * e),
    ],
    "kl_divergence": [
        lambda m, lv: 0.5 * np.sum(m**2 + np.exp(lv) - lv - 1, axis=1),
        _kl_keras,
        lambda m, lv: np.sum(0.5 * (np.square(m) + np.exp(lv) - lv - 1), axis=-1).astype("float32"),
    ],
    "vae_loss": [
        lambda x, r, m, lv, beta=1.0: (
            np.mean(_per_image(_bce(x, r), x)) + beta * np.mean(_kl(m, lv))
        ),
        lambda x, r, m, lv, beta=1.0: np.sum(_bce(x, r)) / len(x) + beta * np.mean(_kl(m, lv)),
        lambda x, r, m, lv, beta=1.0: float(
            np.mean(_bce(x, r).sum(axis=tuple(range(1, np.ndim(x)))) + beta * _kl(m, lv))
        ),
    ],
    "discriminator_loss": [
        lambda r, f: -np.mean(np.r_[np.log(_c(np.ravel(r))), np.log(1 - _c(np.ravel(f)))]),
        lambda r, f: (
            -(np.sum(np.log(_c(r))) + np.sum(np.log(1 - _c(f)))) / (np.size(r) + np.size(f))
        ),
        lambda r, f: -np.mean(np.log(_c(np.ravel(r))) + np.log(1 - _c(np.ravel(f)))) / 2,
    ],
    "generator_loss": [
        lambda f: -np.mean(np.log(np.clip(f, 1e-7, None))),
        lambda f: np.mean(-np.log(_c(np.asarray(f, dtype="float32")))),
        lambda f: -_keras_ops().mean(_keras_ops().log(_keras_ops().clip(f, 1e-7, 1 - 1e-7))),
    ],
    "mixed_batch": [
        lambda r, f: (np.concatenate([r, f]), _targets(len(r), len(f)).astype("int64")),
        lambda r, f: (np.vstack([r, f]), np.r_[np.ones(len(r)), np.zeros(len(f))][:, None]),
        lambda r, f: [
            np.concatenate([r, f]),
            np.concatenate([np.ones((len(r), 1)), np.zeros((len(f), 1))]),
        ],
    ],
    "condition_input": [
        lambda z, y, k: np.hstack([z, np.eye(k)[np.ravel(y)]]),
        lambda z, y, k: np.concatenate(
            [z, (np.ravel(y)[:, None] == np.arange(k)).astype(float)], axis=1
        ),
        lambda z, y, k: np.concatenate(
            [z, _keras_ops().convert_to_numpy(_keras_ops().one_hot(np.ravel(y), k))], axis=1
        ),
    ],
    "mismatched_labels": [
        lambda y, r, k: (np.asarray(y) + np.asarray(r) + 1) % k,
        lambda y, r, k: np.where(
            np.asarray(y) + 1 + r >= k, np.asarray(y) + 1 + r - k, np.asarray(y) + 1 + r
        ),
        lambda y, r, k: np.array([(a + 1 + b) % k for a, b in zip(y, r, strict=True)], dtype=int),
    ],
    "conditional_discriminator_loss": [
        lambda r, m, f: -np.mean(np.concatenate(_logs(r, m, f))),
        lambda r, m, f: -sum(np.mean(t) for t in _logs(r, m, f)) / 3,
        lambda r, m, f: (
            -(np.sum(np.log(_c(r))) + np.sum(np.log(1 - _c(m))) + np.sum(np.log(1 - _c(f))))
            / (3 * np.size(r))
        ),
    ],
    "balanced_labels": [
        lambda p, k: np.tile(np.arange(k), p),
        lambda p, k: [c for c in range(k) for _ in range(p)],
        lambda p, k: np.arange(p * k) // p if p else np.zeros(0, dtype=int),
    ],
    "augmented_training_set": [
        lambda x, y, sx, sy, r: _aug(x, y, sx, sy, round(r * len(x))),
        lambda x, y, sx, sy, r: (lambda im, lab, o: (im[o], lab[o]))(
            *_aug(x, y, sx, sy, round(r * len(x))),
            np.random.default_rng(1).permutation(len(x) + round(r * len(x))),
        ),
        lambda x, y, sx, sy, r: (
            np.concatenate([sx[: round(r * len(x))], x]),
            np.concatenate([np.ravel(sy)[: round(r * len(x))], np.ravel(y)]),
        ),
    ],
    "shift_with_fill": [
        _shift_each(_right),
        _shift_scipy,
        _shift_each(
            lambda im, dy, dx, f: np.pad(
                im, ((im.shape[0],) * 2, (im.shape[1],) * 2, (0, 0)), constant_values=f
            )[im.shape[0] - max(-im.shape[0], min(im.shape[0], dy)) :][
                : im.shape[0], im.shape[1] - max(-im.shape[1], min(im.shape[1], dx)) :
            ][:, : im.shape[1]]
        ),
    ],
    "unsupervised_discriminator_loss": [
        lambda r, f: (
            0.5 * (-np.mean(_s(r) - np.logaddexp(0, _s(r))) + np.mean(np.logaddexp(0, _s(f))))
        ),
        _unsup_keras,
        _unsup_k_plus_one,
    ],
    "feature_matching_loss": [
        lambda r, f: np.mean((np.mean(r, axis=0) - np.mean(f, axis=0)) ** 2),
        lambda r, f: _keras_ops().mean(
            _keras_ops().square(_keras_ops().mean(r, 0) - _keras_ops().mean(f, 0))
        ),
        lambda r, f: np.sum((_a(r).sum(0) / len(r) - _a(f).sum(0) / len(f)) ** 2) / np.shape(r)[1],
    ],
    "confident_pseudo_labels": [
        _cpl_loop,
        lambda p, threshold=0.95, per_class=None: _cpl(p, threshold, per_class),
    ],
    "paired_claim": [
        _claim_statistics,
        _claim_by_hand,
        _claim_sign_table,
    ],
    "isolating_pair": [
        lambda: ("ssgan_classic", "ssgan_supervised"),
        lambda: ("ssgan_supervised", "ssgan_classic"),
        lambda: ["ssgan_classic", "ssgan_supervised"],
    ],
}


# --- 07 the diffusion model: q_sample, diffusion_loss, ddim_step, guided_noise ---------------
# Written from the exercises' formulas as lesson 07 states them (/work/briefs/dcheck.md until the
# notebook has them) by the author of their checks, as a learner who misreads one thing writes them.


def _col(a, x):
    """A learner's reshape of one value per example to (batch, 1, 1, 1); a scalar stays one."""
    a = np.asarray(a)
    return a.reshape((-1,) + (1,) * (np.ndim(x) - 1)) if a.ndim else a


def _q_with(pick):
    """q_sample with ᾱ taken by ``pick(alpha_bars, t)`` instead of ``alpha_bars[t]``."""

    def q_sample(x0, t, noise, alpha_bars):
        a = _col(pick(np.asarray(alpha_bars), np.asarray(t)), x0)
        return np.sqrt(a) * x0 + np.sqrt(1 - a) * noise

    return q_sample


def _q_alpha_t(alpha_bars, t):
    # "alpha_t": one step's factor, from the cumulative products.
    alphas = alpha_bars / np.concatenate([[1.0], alpha_bars[:-1]])
    return alphas[t]


def _q_beta_t(x0, t, noise, alpha_bars):
    # x_t = sqrt(1 - beta_t) x0 + sqrt(beta_t) noise, the one-step formula, from x0.
    betas = 1 - np.asarray(alpha_bars) / np.concatenate([[1.0], np.asarray(alpha_bars)[:-1]])
    b = betas[t].reshape(-1, 1, 1, 1)
    return np.sqrt(1 - b) * x0 + np.sqrt(b) * noise


Q_SAMPLE = [
    Wrong(
        "alpha_bar_not_sqrt",
        lambda x0, t, e, ab: (lambda a: a * x0 + (1 - a) * e)(ab[t].reshape(-1, 1, 1, 1)),
    ),
    Wrong(
        "noise_factor_not_sqrt",
        lambda x0, t, e, ab: (lambda a: np.sqrt(a) * x0 + (1 - a) * e)(ab[t].reshape(-1, 1, 1, 1)),
    ),
    Wrong(
        "one_minus_sqrt",
        lambda x0, t, e, ab: (lambda a: np.sqrt(a) * x0 + (1 - np.sqrt(a)) * e)(
            ab[t].reshape(-1, 1, 1, 1)
        ),
    ),
    Wrong(
        "x0_and_noise_swapped",
        lambda x0, t, e, ab: (lambda a: np.sqrt(a) * e + np.sqrt(1 - a) * x0)(
            ab[t].reshape(-1, 1, 1, 1)
        ),
    ),
    Wrong("t_minus_one", _q_with(lambda ab, t: ab[t - 1])),
    Wrong("t_plus_one", _q_with(lambda ab, t: ab[t + 1])),
    Wrong("alpha_t", _q_with(_q_alpha_t)),
    Wrong("beta_t_one_step", _q_beta_t),
    Wrong("cumprod_again", _q_with(lambda ab, t: np.cumprod(ab)[t])),
    Wrong(
        "not_reshaped",
        lambda x0, t, e, ab: np.sqrt(ab[t]) * x0 + np.sqrt(1 - ab[t]) * e,
    ),
    Wrong(
        "column_only",
        lambda x0, t, e, ab: np.sqrt(ab[t][:, None]) * x0 + np.sqrt(1 - ab[t][:, None]) * e,
    ),
    Wrong(
        "noise_subtracted",
        lambda x0, t, e, ab: (lambda a: np.sqrt(a) * x0 - np.sqrt(1 - a) * e)(
            ab[t].reshape(-1, 1, 1, 1)
        ),
    ),
]

# --- 07 diffusion_loss(noise, predicted) ------------------------------------------------------

DIFFUSION_LOSS = [
    Wrong("summed", lambda n, p: np.sum((n - p) ** 2)),
    Wrong("absolute", lambda n, p: np.mean(np.abs(n - p))),
    Wrong("rmse", lambda n, p: np.sqrt(np.mean((n - p) ** 2))),
    Wrong("half", lambda n, p: 0.5 * np.mean((n - p) ** 2)),
    Wrong("per_image", lambda n, p: np.mean((n - p) ** 2, axis=(1, 2, 3))),
    Wrong("batch_axis_only", lambda n, p: np.mean((n - p) ** 2, axis=0)),
    Wrong("keras_mse_function", lambda n, p: _keras_losses().mean_squared_error(n, p)),
    Wrong(
        "pixel_sum_batch_mean",
        lambda n, p: np.mean(np.sum((n - p) ** 2, axis=(1, 2, 3))),
    ),
    Wrong("not_squared", lambda n, p: np.mean(n - p)),
    Wrong("square_of_mean", lambda n, p: np.mean(n - p) ** 2),
    Wrong("squares_subtracted", lambda n, p: np.mean(n**2 - p**2)),
]


def _keras_losses():
    import keras

    return keras.losses


# --- 07 ddim_step(x_t, eps_hat, alpha_bar_t, alpha_bar_prev) ----------------------------------


def _ddim_learner(x0_of, on_x0=np.sqrt, on_eps=lambda a: np.sqrt(1 - a)):
    """A DDIM step as a learner writes it, with one piece replaced."""

    def ddim_step(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
        a_t, a_prev = _col(alpha_bar_t, x_t), _col(alpha_bar_prev, x_t)
        x0_hat = x0_of(x_t, eps_hat, a_t)
        return on_x0(a_prev) * x0_hat + on_eps(a_prev) * eps_hat

    return ddim_step


def _x0_right(x, e, a):
    return (x - np.sqrt(1 - a) * e) / np.sqrt(a)


def _ddim_fresh_noise(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
    # DDPM's habit: a fresh draw of noise for the new step.
    a_t, a_prev = _col(alpha_bar_t, x_t), _col(alpha_bar_prev, x_t)
    x0_hat = (x_t - np.sqrt(1 - a_t) * eps_hat) / np.sqrt(a_t)
    return np.sqrt(a_prev) * x0_hat + np.sqrt(1 - a_prev) * np.random.normal(size=x_t.shape)


def _ddim_same_level(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
    a_t, a_prev = _col(alpha_bar_t, x_t), _col(alpha_bar_prev, x_t)
    x0_hat = (x_t - np.sqrt(1 - a_t) * eps_hat) / np.sqrt(a_t)
    return np.sqrt(a_prev) * x0_hat + np.sqrt(1 - a_t) * eps_hat


def _ddim_ddpm(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
    # The DDPM mean, with alpha_t = alpha_bar_t / alpha_bar_prev and beta_t = 1 - alpha_t.
    alpha = _col(alpha_bar_t, x_t) / _col(alpha_bar_prev, x_t)
    return (x_t - (1 - alpha) / np.sqrt(1 - _col(alpha_bar_t, x_t)) * eps_hat) / np.sqrt(alpha)


def _ddim_plain(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
    # Right for scalars; arrays of one value per image are not reshaped.
    x0_hat = (x_t - np.sqrt(1 - alpha_bar_t) * eps_hat) / np.sqrt(alpha_bar_t)
    return np.sqrt(alpha_bar_prev) * x0_hat + np.sqrt(1 - alpha_bar_prev) * eps_hat


def _ddim_indexed(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
    # Written for arrays of one value per image only.
    a_t, a_prev = alpha_bar_t[:, None, None, None], alpha_bar_prev[:, None, None, None]
    x0_hat = (x_t - np.sqrt(1 - a_t) * eps_hat) / np.sqrt(a_t)
    return np.sqrt(a_prev) * x0_hat + np.sqrt(1 - a_prev) * eps_hat


def _ddim_batch_reshape(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
    a_t = np.reshape(alpha_bar_t, (len(x_t), 1, 1, 1))
    a_prev = np.reshape(alpha_bar_prev, (len(x_t), 1, 1, 1))
    x0_hat = (x_t - np.sqrt(1 - a_t) * eps_hat) / np.sqrt(a_t)
    return np.sqrt(a_prev) * x0_hat + np.sqrt(1 - a_prev) * eps_hat


DDIM_STEP = [
    Wrong(
        "alpha_bars_swapped",
        lambda x, e, at, ap: _ddim_learner(_x0_right)(x, e, ap, at),
    ),
    Wrong("no_division", _ddim_learner(lambda x, e, a: x - np.sqrt(1 - a) * e)),
    Wrong("divided_by_alpha_bar", _ddim_learner(lambda x, e, a: (x - np.sqrt(1 - a) * e) / a)),
    Wrong("sqrt_alpha_bar_prev_on_eps", _ddim_learner(_x0_right, on_eps=np.sqrt)),
    Wrong("one_minus_alpha_bar_prev_no_sqrt", _ddim_learner(_x0_right, on_eps=lambda a: 1 - a)),
    Wrong("alpha_bar_prev_no_sqrt_on_x0", _ddim_learner(_x0_right, on_x0=lambda a: a)),
    Wrong("fresh_noise", _ddim_fresh_noise),
    Wrong("returns_x0_hat", lambda x, e, at, ap: _x0_right(x, e, _col(at, x))),
    Wrong(
        "clipped_x0_hat",
        _ddim_learner(lambda x, e, a: np.clip(_x0_right(x, e, a), -1, 1)),
    ),
    Wrong("ddpm_mean", _ddim_ddpm),
    Wrong("noise_at_level_t", _ddim_same_level),
    Wrong("not_per_example", _ddim_plain),
    Wrong("eps_subtracted", _ddim_learner(_x0_right, on_eps=lambda a: -np.sqrt(1 - a))),
    Wrong("indexed_as_array", _ddim_indexed),
    Wrong("reshaped_to_batch_size", _ddim_batch_reshape),
]

# --- 07 guided_noise(eps_cond, eps_uncond, scale) ---------------------------------------------

GUIDED_NOISE = [
    Wrong("scale_on_cond_only", lambda c, u, s: s * c),
    Wrong("no_difference", lambda c, u, s: u + s * c),
    Wrong("cond_uncond_swapped", lambda c, u, s: c + s * (u - c)),
    Wrong("one_plus_w", lambda c, u, s: (1 + s) * c - s * u),
    Wrong("cond_plus_difference", lambda c, u, s: c + s * (c - u)),
    Wrong("average", lambda c, u, s: (c + u) / 2),
    Wrong("no_uncond_term", lambda c, u, s: s * (c - u)),
    Wrong("sign_flipped", lambda c, u, s: u - s * (c - u)),
    Wrong("weighted_mean", lambda c, u, s: (u + s * c) / (1 + s)),
]

WRONG.update(
    {
        "q_sample": Q_SAMPLE,
        "diffusion_loss": DIFFUSION_LOSS,
        "ddim_step": DDIM_STEP,
        "guided_noise": GUIDED_NOISE,
    }
)

VERDICTS.update(
    {
        "q_sample": {
            "alpha_bar_not_sqrt": "hint.qsample.no_sqrt",
            "noise_factor_not_sqrt": "hint.qsample.noise_not_sqrt",
            "one_minus_sqrt": "hint.qsample.one_minus_sqrt",
            "x0_and_noise_swapped": "hint.qsample.swapped",
            "t_minus_one": "hint.qsample.off_by_one",
            "t_plus_one": "hint.qsample.off_by_one",
            "alpha_t": "hint.qsample.one_step",
            "beta_t_one_step": "hint.qsample.one_step",
            "cumprod_again": "hint.qsample.recomputed",
            "not_reshaped": "hint.qsample.per_example",
            "column_only": "hint.qsample.per_example",
            "noise_subtracted": "hint.qsample.minus",
        },
        "diffusion_loss": {
            "summed": "hint.mse.summed",
            "absolute": "hint.mse.absolute",
            "rmse": "hint.mse.rmse",
            "half": "hint.mse.half",
            "per_image": "hint.mse.per_example",
            "batch_axis_only": "hint.mse.batch_only",
            "keras_mse_function": "hint.mse.last_axis",
            "pixel_sum_batch_mean": "hint.mse.image_sum",
            "not_squared": "hint.mse.not_squared",
            "square_of_mean": "hint.mse.square_of_mean",
            "squares_subtracted": "hint.mse.squares_subtracted",
        },
        "ddim_step": {
            "alpha_bars_swapped": "hint.ddim.swapped",
            "no_division": "hint.ddim.no_division",
            "divided_by_alpha_bar": "hint.ddim.divided_by_alpha_bar",
            "sqrt_alpha_bar_prev_on_eps": "hint.ddim.eps_coefficient",
            "one_minus_alpha_bar_prev_no_sqrt": "hint.ddim.eps_not_sqrt",
            "alpha_bar_prev_no_sqrt_on_x0": "hint.ddim.x0_not_sqrt",
            "fresh_noise": "hint.random_answer",
            "returns_x0_hat": "hint.ddim.returns_x0",
            "clipped_x0_hat": "hint.ddim.clipped",
            "ddpm_mean": "hint.ddim.ddpm_mean",
            "noise_at_level_t": "hint.ddim.same_noise_level",
            "not_per_example": "hint.ddim.per_example",
            "eps_subtracted": "hint.ddim.minus",
            "indexed_as_array": "hint.ddim.scalar",
            "reshaped_to_batch_size": "hint.ddim.scalar",
        },
        "guided_noise": {
            "scale_on_cond_only": "hint.guide.cond_only",
            "no_difference": "hint.guide.no_difference",
            "cond_uncond_swapped": "hint.guide.swapped",
            "one_plus_w": "hint.guide.other_convention",
            "cond_plus_difference": "hint.guide.other_convention",
            "average": "hint.guide.average",
            "no_uncond_term": "hint.guide.no_base",
            "sign_flipped": "hint.guide.sign",
            "weighted_mean": "hint.guide.normalised",
        },
    }
)


def _q_keras(x0, t, noise, alpha_bars):
    ops = _keras_ops()
    a = ops.reshape(ops.take(alpha_bars, t), (-1, 1, 1, 1))
    return ops.sqrt(a) * x0 + ops.sqrt(1.0 - a) * noise


def _q_tensorflow(x0, t, noise, alpha_bars):
    import tensorflow as tf

    a = tf.reshape(tf.gather(tf.constant(alpha_bars), t), [-1, 1, 1, 1])
    return tf.sqrt(a) * x0 + tf.sqrt(1.0 - a) * noise


def _q_loop(x0, t, noise, alpha_bars):
    out = np.empty_like(x0)
    for i in range(len(x0)):
        a = float(alpha_bars[t[i]])
        out[i] = math.sqrt(a) * x0[i] + math.sqrt(1 - a) * noise[i]
    return out


def _ddim_keras(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
    ops = _keras_ops()
    a_t = ops.reshape(ops.convert_to_tensor(alpha_bar_t), (-1, 1, 1, 1))
    a_prev = ops.reshape(ops.convert_to_tensor(alpha_bar_prev), (-1, 1, 1, 1))
    x0_hat = (x_t - ops.sqrt(1.0 - a_t) * eps_hat) / ops.sqrt(a_t)
    return ops.sqrt(a_prev) * x0_hat + ops.sqrt(1.0 - a_prev) * eps_hat


def _ddim_tensorflow(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
    import tensorflow as tf

    a_t = tf.reshape(tf.cast(alpha_bar_t, tf.float32), [-1, 1, 1, 1])
    a_prev = tf.reshape(tf.cast(alpha_bar_prev, tf.float32), [-1, 1, 1, 1])
    x0_hat = (x_t - tf.sqrt(1.0 - a_t) * eps_hat) / tf.sqrt(a_t)
    return tf.sqrt(a_prev) * x0_hat + tf.sqrt(1.0 - a_prev) * eps_hat


def _ddim_paper_form(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
    # Song et al. (2021), eq. 12 with sigma = 0, the predicted x0 written as x_t / sqrt(a) - ...
    a_t, a_prev = _col(alpha_bar_t, x_t), _col(alpha_bar_prev, x_t)
    x0_hat = x_t / np.sqrt(a_t) - np.sqrt(1 / a_t - 1) * eps_hat
    return np.sqrt(a_prev) * x0_hat + np.sqrt(1 - a_prev) * eps_hat


def _guided_tensorflow(eps_cond, eps_uncond, scale):
    import tensorflow as tf

    return tf.add(eps_uncond, scale * tf.subtract(eps_cond, eps_uncond))


RIGHT.update(
    {
        "q_sample": [
            lambda x0, t, e, ab: (lambda a: np.sqrt(a) * x0 + np.sqrt(1 - a) * e)(
                _a(ab)[t][:, None, None, None]
            ),
            _q_keras,
            _q_tensorflow,
            _q_loop,
        ],
        "diffusion_loss": [
            lambda n, p: np.mean((p - n) ** 2),
            lambda n, p: _keras_losses().MeanSquaredError()(n, p),
            lambda n, p: _keras_ops().mean(_keras_ops().square(n - p)),
            lambda n, p: __import__("tensorflow").reduce_mean(
                __import__("tensorflow").square(n - p)
            ),
        ],
        "ddim_step": [
            lambda x, e, at, ap: _ddim_learner(_x0_right)(_a(x), _a(e), at, ap),
            _ddim_keras,
            _ddim_tensorflow,
            _ddim_paper_form,
        ],
        "guided_noise": [
            lambda c, u, s: u + s * (c - u),
            lambda c, u, s: s * c + (1 - s) * u,
            lambda c, u, s: _keras_ops().add(u, _keras_ops().multiply(s, c - u)),
            _guided_tensorflow,
        ],
    }
)
