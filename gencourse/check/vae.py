"""Checks for the exercises of lesson 02, ``02_vae`` (variational autoencoder).

The references are the library's own functions in :mod:`gencourse.models.vae`,
evaluated on plain arrays; each exercise lists plausible wrong answers so the
verdict can name the mistake.

Precision: the inputs are float32, as a network's outputs are. An answer in
float32 or in float64 is right. Where the two differ by more than rounding,
``vae_loss`` on reconstructions of exactly 0 or 1 (float32 clips at
1 - 1e-7 = 0.99999988, float64 at 0.9999999), both are accepted.
"""

from __future__ import annotations

import numpy as np
from keras import ops

from gencourse.check.core import Case, Exercise, Mistake
from gencourse.models import vae as ref

LESSON = "02_vae"


def _np(fn):
    return lambda *a, **k: ops.convert_to_numpy(fn(*a, **k))


def _gauss_cases(seed: int) -> list[Case]:
    """Shared inputs (z_mean, z_log_var) for the reparameterisation and KL exercises."""
    rng = np.random.default_rng(seed)
    f32 = lambda *s: rng.normal(size=s).astype("float32")  # noqa: E731
    return [
        Case("case.standard_normal", (np.zeros((3, 2), "float32"), np.zeros((3, 2), "float32"))),
        Case("case.random_batch", (f32(8, 4), f32(8, 4))),
        Case("case.one_sample", (f32(1, 5), f32(1, 5))),
        Case("case.one_dim", (f32(6, 1), f32(6, 1))),
        Case("case.small_variance", (f32(4, 3), np.full((4, 3), -6.0, "float32"))),
        Case("case.large_mean", (3.0 + 2.0 * f32(5, 2), 0.5 * f32(5, 2))),
    ]


# --- reparameterize(z_mean, z_log_var, eps) -> z ---------------------------------


def _reparam_ref(z_mean, z_log_var, eps):
    return z_mean + np.exp(0.5 * z_log_var) * eps


def _reparam_cases() -> list[Case]:
    rng = np.random.default_rng(20)
    cases = []
    for case in _gauss_cases(2):
        z_mean, z_log_var = case.args
        eps = rng.normal(size=z_mean.shape).astype("float32")
        cases.append(Case(case.label, (z_mean, z_log_var, eps)))
    # Rare but legal noise far in the tails: a clipped eps is not eps.
    z_mean, z_log_var = rng.normal(size=(2, 4, 3)).astype("float32")
    eps = np.array([[4.5, -5.0, 0.3]] * 4, "float32")
    cases.append(
        Case("case.tail_noise", (z_mean, z_log_var, eps), hint="hint.reparam.noise_changed")
    )
    return cases


def _standardised(e):
    return (e - e.mean(axis=0)) / e.std(axis=0)


REPARAMETERIZE = Exercise(
    name="reparameterize",
    signature="reparameterize(z_mean, z_log_var, eps)",
    reference=_reparam_ref,
    make_cases=_reparam_cases,
    mistakes=[
        Mistake("hint.reparam.variance", lambda m, lv, e: m + np.exp(lv) * e),
        Mistake("hint.reparam.log_var_as_std", lambda m, lv, e: m + lv * e),
        Mistake("hint.reparam.sqrt_log_var", lambda m, lv, e: m + np.sqrt(np.abs(lv)) * e),
        Mistake("hint.reparam.no_mean", lambda m, lv, e: np.exp(0.5 * lv) * e),
        Mistake("hint.reparam.no_noise", lambda m, lv, e: m + np.exp(0.5 * lv)),
        Mistake("hint.reparam.noise_ignored", lambda m, lv, e: m),
        Mistake("hint.reparam.minus", lambda m, lv, e: m - np.exp(0.5 * lv) * e),
        Mistake(
            "hint.reparam.noise_changed", lambda m, lv, e: m + np.exp(0.5 * lv) * np.clip(e, -3, 3)
        ),
        Mistake("hint.reparam.noise_changed", lambda m, lv, e: m + np.exp(0.5 * lv) * np.tanh(e)),
        Mistake("hint.reparam.noise_changed", lambda m, lv, e: m + np.exp(0.5 * lv) * np.abs(e)),
        Mistake(
            "hint.reparam.noise_changed", lambda m, lv, e: m + np.exp(0.5 * lv) * _standardised(e)
        ),
        Mistake("hint.reparam.half_outside", lambda m, lv, e: m + 0.5 * np.exp(lv) * e),
        Mistake("hint.reparam.parentheses", lambda m, lv, e: (m + np.exp(0.5 * lv)) * e),
        Mistake("hint.reparam.inverse_std", lambda m, lv, e: m + np.exp(-0.5 * lv) * e),
        Mistake("hint.reparam.roles", lambda m, lv, e: m * e + np.exp(0.5 * lv)),
    ],
)

# --- kl_divergence(z_mean, z_log_var) -> (batch,) -------------------------------


def _kl_terms(m, lv):
    return 1.0 + lv - np.square(m) - np.exp(lv)


KL_DIVERGENCE = Exercise(
    name="kl_divergence",
    signature="kl_divergence(z_mean, z_log_var)",
    reference=_np(ref.kl_divergence),
    make_cases=lambda: _gauss_cases(1),
    mistakes=[
        Mistake("hint.kl.batch_reduced", lambda m, lv: -0.5 * np.sum(_kl_terms(m, lv))),
        Mistake(
            "hint.kl.batch_reduced", lambda m, lv: np.mean(-0.5 * np.sum(_kl_terms(m, lv), -1))
        ),
        Mistake("hint.kl.batch_reduced", lambda m, lv: -0.5 * np.mean(_kl_terms(m, lv))),
        Mistake("hint.kl.latent_not_summed", lambda m, lv: -0.5 * _kl_terms(m, lv)),
        Mistake("hint.kl.latent_mean", lambda m, lv: -0.5 * np.mean(_kl_terms(m, lv), -1)),
        Mistake("hint.kl.sign", lambda m, lv: 0.5 * np.sum(_kl_terms(m, lv), -1)),
        Mistake("hint.kl.half", lambda m, lv: -np.sum(_kl_terms(m, lv), -1)),
        Mistake(
            "hint.kl.exp",
            lambda m, lv: -0.5 * np.sum(1.0 + lv - np.square(m) - lv, -1),
        ),
        Mistake(
            "hint.kl.square",
            lambda m, lv: -0.5 * np.sum(1.0 + lv - m - np.exp(lv), -1),
        ),
        Mistake("hint.kl.one", lambda m, lv: -0.5 * np.sum(lv - np.square(m) - np.exp(lv), -1)),
        Mistake(
            "hint.kl.one_sign",
            lambda m, lv: -0.5 * np.sum(-1.0 + lv - np.square(m) - np.exp(lv), -1),
        ),
        Mistake(
            "hint.kl.log_var_as_var",
            lambda m, lv: 0.5 * np.sum(np.square(m) + lv - np.log(lv) - 1.0, -1),
        ),
        Mistake(
            "hint.kl.variance",
            lambda m, lv: 0.5 * np.sum(np.square(m) + np.exp(0.5 * lv) - lv - 1.0, -1),
        ),
        Mistake(
            "hint.kl.variance",
            lambda m, lv: 0.5 * np.sum(np.square(m) + np.exp(2.0 * lv) - lv - 1.0, -1),
        ),
        Mistake("hint.kl.no_log", lambda m, lv: 0.5 * np.sum(np.square(m) + np.exp(lv) - 1.0, -1)),
    ],
)

# --- vae_loss(x, x_recon, z_mean, z_log_var, beta=1.0) -> scalar ---------------


def _bce(x, p):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return -(x * np.log(p) + (1 - x) * np.log(1 - p))


def _per_image(a):
    return a.reshape(len(a), -1).sum(-1)


def _kl(m, lv):
    return -0.5 * np.sum(_kl_terms(m, lv), -1)


def _vae_loss_cases() -> list[Case]:
    rng = np.random.default_rng(3)

    def case(label, n, shape, latent, beta=None, binary=False):
        x = rng.uniform(size=(n, *shape)).astype("float32")
        if binary:
            x = (x > 0.5).astype("float32")
        x_recon = rng.uniform(0.05, 0.95, size=(n, *shape)).astype("float32")
        m = rng.normal(size=(n, latent)).astype("float32")
        lv = rng.normal(size=(n, latent)).astype("float32")
        return Case(label, (x, x_recon, m, lv), {} if beta is None else {"beta": beta})

    saturated = case("case.saturated", 3, (8, 8, 1), 2, 1.0, binary=True)
    x, x_recon = saturated.args[0], saturated.args[1]
    # A float32 sigmoid returns exact 0s and 1s: mostly right, a few confidently wrong.
    x_recon[...] = x
    x_recon[:, 0, 0, 0] = 1.0 - x[:, 0, 0, 0]
    return [
        case("case.beta_one", 4, (28, 28, 1), 2, 1.0),
        case("case.beta_half", 6, (8, 8, 1), 3, 0.5),
        case("case.beta_zero", 3, (8, 8, 1), 2, 0.0),
        case("case.beta_four", 5, (6, 6, 1), 4, 4.0, binary=True),
        case("case.one_sample", 1, (28, 28, 1), 16, 1.0),
        case("case.default_beta", 3, (8, 8, 1), 2),
        case("case.colour_non_square", 4, (10, 7, 3), 3, 1.5),
        saturated,
    ]


def _in_float64(fn):
    """``fn`` on its array arguments cast to float64: the same formula, computed in float64."""

    def in_float64(*args, **kwargs):
        return fn(*(np.asarray(a, "float64") for a in args), **kwargs)

    return in_float64


VAE_LOSS = Exercise(
    name="vae_loss",
    signature="vae_loss(x, x_recon, z_mean, z_log_var, beta=1.0)",
    reference=_np(ref.vae_loss),
    make_cases=_vae_loss_cases,
    # Clipping at 1 - 1e-7 in float64 is as right as in float32 (0.99999988).
    also_right=(_in_float64(_np(ref.vae_loss)),),
    rtol=1e-4,
    atol=1e-3,
    # A reshape to 784 values per image assumes 28x28x1 images.
    error_hints=((r"into shape \(\d+, ?784\)", "hint.loss.fixed_size"),),
    mistakes=[
        Mistake(
            "hint.loss.kl_summed",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)).mean() + beta * _kl(m, lv).sum(),
        ),
        Mistake(
            "hint.loss.summed",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)).sum() + beta * _kl(m, lv).sum(),
        ),
        Mistake(
            "hint.loss.pixel_mean",
            lambda x, r, m, lv, beta=1.0: _bce(x, r).mean() + beta * _kl(m, lv).mean(),
        ),
        Mistake(
            "hint.loss.no_beta",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)).mean() + _kl(m, lv).mean(),
        ),
        Mistake(
            "hint.loss.beta_on_recon",
            lambda x, r, m, lv, beta=1.0: beta * _per_image(_bce(x, r)).mean() + _kl(m, lv).mean(),
        ),
        Mistake(
            "hint.loss.kl_sign",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)).mean() - beta * _kl(m, lv).mean(),
        ),
        Mistake(
            "hint.loss.bce_sign",
            lambda x, r, m, lv, beta=1.0: -_per_image(_bce(x, r)).mean() + beta * _kl(m, lv).mean(),
        ),
        Mistake(
            "hint.loss.per_sample",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)) + beta * _kl(m, lv),
        ),
        Mistake(
            "hint.loss.no_kl",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)).mean(),
        ),
        Mistake(
            "hint.loss.no_clip",
            lambda x, r, m, lv, beta=1.0: (
                _per_image(-(x * np.log(r) + (1 - x) * np.log(1 - r))).mean()
                + beta * _kl(m, lv).mean()
            ),
        ),
        Mistake(
            "hint.loss.channel_mean",
            lambda x, r, m, lv, beta=1.0: (
                _per_image(_bce(x, r).mean(-1)).mean() + beta * _kl(m, lv).mean()
            ),
        ),
        Mistake(
            "hint.loss.one_sided",
            lambda x, r, m, lv, beta=1.0: (
                _per_image(-x * np.log(np.clip(r, 1e-7, 1 - 1e-7))).mean()
                + beta * _kl(m, lv).mean()
            ),
        ),
        Mistake(
            "hint.loss.mse",
            lambda x, r, m, lv, beta=1.0: (
                _per_image((x - r) ** 2).mean() + beta * _kl(m, lv).mean()
            ),
        ),
    ],
)

EXERCISES = {ex.name: ex for ex in (REPARAMETERIZE, KL_DIVERGENCE, VAE_LOSS)}
