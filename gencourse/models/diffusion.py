"""The diffusion model of lesson 07: the noising process, its loss and its samplers.

The forward process adds Gaussian noise in ``T`` small steps,
x_t = sqrt(1 - beta_t) x_{t-1} + sqrt(beta_t) eps, so that in closed form
x_t = sqrt(alpha_bar_t) x_0 + sqrt(1 - alpha_bar_t) eps with
alpha_bar_t = prod_{s <= t} (1 - beta_s) (:func:`q_sample`). A network learns
to predict the noise eps from (x_t, t, label) by the mean squared error
(:func:`diffusion_loss`, the "simple" loss of Ho et al. 2020); sampling runs
the process backwards, either by the ancestral DDPM step (:func:`ddpm_step`)
or by the deterministic DDIM step (:func:`ddim_step`, Song et al. 2021),
which can skip timesteps. Classifier-free guidance (Ho & Salimans 2022)
mixes the network's conditional and unconditional predictions
(:func:`guided_noise`).

Timesteps are indexed from 0 to ``T - 1``: ``alpha_bars[0]`` is the first
noising step's (the paper's t = 1), and the step before t = 0 is the data
itself (alpha_bar = 1).

The functions of the process take NumPy arrays (computed in float64) and
return NumPy arrays; they are the references the lesson's exercise checks
compare with. Given TensorFlow tensors they compute the same formula with
tensor operations, which is how :class:`DiffusionModel` trains and samples:
one home for each formula.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# --- the schedule -------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Schedule:
    """The noise schedule: beta_t, alpha_t = 1 - beta_t and alpha_bar_t = prod_{s<=t} alpha_s.

    Args:
        betas: (T,) float64, each in (0, 1).
        alphas: (T,) float64, ``1 - betas``.
        alpha_bars: (T,) float64, the cumulative product of ``alphas``.

    Build one with :func:`linear_schedule` or :func:`cosine_schedule`.
    """

    betas: np.ndarray
    alphas: np.ndarray
    alpha_bars: np.ndarray

    def __post_init__(self):
        for name in ("betas", "alphas", "alpha_bars"):
            value = np.asarray(getattr(self, name), dtype="float64")
            if value.ndim != 1 or len(value) < 1:
                raise ValueError(
                    f"{name} must be a non-empty 1-D array. Received: shape {value.shape}"
                )
            value.setflags(write=False)
            object.__setattr__(self, name, value)
        if not len(self.betas) == len(self.alphas) == len(self.alpha_bars):
            raise ValueError(
                "betas, alphas and alpha_bars must have one length. Received: "
                f"{len(self.betas)}, {len(self.alphas)}, {len(self.alpha_bars)}"
            )
        if not np.all((self.betas > 0) & (self.betas < 1)):
            raise ValueError(
                "every beta must lie in (0, 1). Received betas from "
                f"{self.betas.min()} to {self.betas.max()}"
            )

    @property
    def steps(self) -> int:
        """T, the number of noising steps."""
        return len(self.betas)

    @property
    def alpha_bars_prev(self) -> np.ndarray:
        """alpha_bar_{t-1} for t = 0..T-1, with 1 (the data itself) before the first step."""
        return np.concatenate([[1.0], self.alpha_bars[:-1]])


def _from_betas(betas) -> Schedule:
    betas = np.asarray(betas, dtype="float64")
    alphas = 1.0 - betas
    return Schedule(betas=betas, alphas=alphas, alpha_bars=np.cumprod(alphas))


def _check_steps(steps):
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer) or steps < 1:
        raise ValueError(f"steps must be an int >= 1. Received: steps={steps!r}")


def linear_schedule(steps=1000, beta_start=1e-4, beta_end=0.02) -> Schedule:
    """The DDPM schedule (Ho et al. 2020): betas evenly spaced from ``beta_start`` to ``beta_end``.

    Example:
        >>> schedule = linear_schedule(1000)
        >>> schedule.alpha_bars[-1]  # about 4e-5: x_T is almost pure noise
    """
    _check_steps(steps)
    if not 0 < beta_start <= beta_end < 1:
        raise ValueError(
            "betas must satisfy 0 < beta_start <= beta_end < 1. "
            f"Received: beta_start={beta_start!r}, beta_end={beta_end!r}"
        )
    return _from_betas(np.linspace(beta_start, beta_end, int(steps), dtype="float64"))


def cosine_schedule(steps=1000, s=0.008) -> Schedule:
    """The cosine schedule (Nichol & Dhariwal 2021), betas clipped at 0.999.

    alpha_bar(t) = f(t) / f(0) with f(t) = cos((t / T + s) / (1 + s) * pi / 2)^2,
    and beta_t = 1 - alpha_bar(t) / alpha_bar(t - 1) for t = 1..T (index 0..T-1
    here). It destroys information more evenly over the steps than the linear
    schedule, which leaves its last steps almost pure noise.
    """
    _check_steps(steps)
    if not s >= 0:
        raise ValueError(f"s must be >= 0. Received: s={s!r}")
    t = np.arange(int(steps) + 1, dtype="float64") / int(steps)
    f = np.cos((t + s) / (1.0 + s) * np.pi / 2.0) ** 2
    alpha_bar = f / f[0]
    betas = np.clip(1.0 - alpha_bar[1:] / alpha_bar[:-1], 0.0, 0.999)
    return _from_betas(betas)


# --- the process, in NumPy (the references) or in tensor operations -------------------


def _is_tensor(*values) -> bool:
    """True when any value is a backend tensor (then the formula runs in tensor operations)."""
    from keras import ops

    return any(ops.is_tensor(v) for v in values)


def _np(value):
    return np.asarray(value, dtype="float64")


def _per_example(values, t, ndim):
    """``values[t]`` shaped to broadcast over an image batch of ``ndim`` axes.

    An int ``t`` gives a scalar; a (batch,) ``t`` gives (batch, 1, ..., 1).
    """
    if _is_tensor(t):
        from keras import ops

        taken = ops.take(ops.convert_to_tensor(np.asarray(values), "float32"), t)
        return ops.reshape(taken, (-1,) + (1,) * (ndim - 1))
    t = np.asarray(t)
    if not np.issubdtype(t.dtype, np.integer):
        raise ValueError(f"t must hold ints (timesteps). Received: dtype {t.dtype}")
    if t.size and (t.min() < 0 or t.max() >= len(values)):
        raise ValueError(
            f"t must lie in 0..{len(values) - 1}. Received t from {t.min()} to {t.max()}"
        )
    taken = np.asarray(values, dtype="float64")[t]
    if t.ndim == 0:
        return taken
    return taken.reshape((-1,) + (1,) * (ndim - 1))


def _broadcast(coefficient, ndim):
    """A scalar stays a scalar; a (batch,) array becomes (batch, 1, ..., 1)."""
    if _is_tensor(coefficient):
        from keras import ops

        if len(coefficient.shape) == 0:
            return coefficient
        return ops.reshape(coefficient, (-1,) + (1,) * (ndim - 1))
    coefficient = _np(coefficient)
    if coefficient.ndim == 0:
        return coefficient
    return coefficient.reshape((-1,) + (1,) * (ndim - 1))


def _sqrt(value):
    if _is_tensor(value):
        from keras import ops

        return ops.sqrt(value)
    return np.sqrt(value)


def q_sample(x0, t, noise, alpha_bars):
    """x_t drawn from q(x_t | x_0) in closed form: sqrt(alpha_bar_t) x_0 + sqrt(1 - alpha_bar_t) eps.

    Args:
        x0: (batch, ...) clean data.
        t: an int, or (batch,) ints in 0..T-1: each example's timestep.
        noise: eps ~ N(0, I), the shape of ``x0``.
        alpha_bars: (T,) the schedule's alpha_bar.

    Returns:
        x_t, the shape of ``x0`` (a NumPy float64 array for NumPy inputs).

    Example:
        >>> s = linear_schedule(1000)
        >>> x_t = q_sample(x0, np.array([0, 999]), rng.standard_normal(x0.shape), s.alpha_bars)
    """
    if not _is_tensor(x0, noise, t):
        x0, noise = _np(x0), _np(noise)
        if x0.shape != noise.shape:
            raise ValueError(
                f"noise must have the shape of x0. Received: {noise.shape} and {x0.shape}"
            )
    alpha_bar = _per_example(alpha_bars, t, len(x0.shape))
    return _sqrt(alpha_bar) * x0 + _sqrt(1.0 - alpha_bar) * noise


def diffusion_loss(noise, predicted):
    """The "simple" loss of Ho et al.: the mean squared error over every element (a scalar)."""
    if _is_tensor(noise, predicted):
        from keras import ops

        return ops.mean(ops.square(ops.cast(predicted, "float32") - ops.cast(noise, "float32")))
    noise, predicted = _np(noise), _np(predicted)
    if noise.shape != predicted.shape:
        raise ValueError(
            f"predicted must have the shape of noise. Received: {predicted.shape} and {noise.shape}"
        )
    return float(np.mean((predicted - noise) ** 2))


def predict_x0(x_t, eps_hat, alpha_bar_t):
    """The clean image implied by a noise prediction: (x_t - sqrt(1 - alpha_bar_t) eps_hat) / sqrt(alpha_bar_t).

    Args:
        x_t: (batch, ...) noisy data.
        eps_hat: the predicted noise, the shape of ``x_t``.
        alpha_bar_t: a scalar or (batch,) alpha_bar of each example's timestep.
    """
    if not _is_tensor(x_t, eps_hat, alpha_bar_t):
        x_t, eps_hat = _np(x_t), _np(eps_hat)
    alpha_bar_t = _broadcast(alpha_bar_t, len(x_t.shape))
    return (x_t - _sqrt(1.0 - alpha_bar_t) * eps_hat) / _sqrt(alpha_bar_t)


def ddim_step(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
    """One deterministic DDIM step (eta = 0) from x_t to the earlier timestep.

    x_prev = sqrt(alpha_bar_prev) x0_hat + sqrt(1 - alpha_bar_prev) eps_hat, where
    x0_hat = :func:`predict_x0` (x_t, eps_hat, alpha_bar_t). The earlier timestep
    need not be t - 1: DDIM skips steps. ``alpha_bar_prev`` = 1 at the last step
    gives x0_hat itself.

    Args:
        x_t: (batch, ...).
        eps_hat: the predicted noise, the shape of ``x_t``.
        alpha_bar_t, alpha_bar_prev: scalars or (batch,) arrays.
    """
    if not _is_tensor(x_t, eps_hat, alpha_bar_t, alpha_bar_prev):
        x_t, eps_hat = _np(x_t), _np(eps_hat)
    x0_hat = predict_x0(x_t, eps_hat, alpha_bar_t)
    alpha_bar_prev = _broadcast(alpha_bar_prev, len(x_t.shape))
    return _sqrt(alpha_bar_prev) * x0_hat + _sqrt(1.0 - alpha_bar_prev) * eps_hat


def ddpm_step(x_t, t, eps_hat, schedule, noise):
    """One ancestral DDPM step from x_t to x_{t-1}, with variance sigma_t^2 = beta_t.

    x_{t-1} = (x_t - beta_t / sqrt(1 - alpha_bar_t) eps_hat) / sqrt(alpha_t) + sqrt(beta_t) z,
    the mean being the posterior mean of q(x_{t-1} | x_t, x_0) at the x_0 that
    eps_hat implies; no noise is added at t = 0 (the last step).

    Args:
        x_t: (batch, ...).
        t: an int, or (batch,) ints: each example's timestep.
        eps_hat: the predicted noise, the shape of ``x_t``.
        schedule: a :class:`Schedule`.
        noise: z ~ N(0, I), the shape of ``x_t`` (ignored where t = 0).
    """
    ndim = len(x_t.shape)
    if not _is_tensor(x_t, eps_hat, noise, t):
        x_t, eps_hat, noise = _np(x_t), _np(eps_hat), _np(noise)
    beta = _per_example(schedule.betas, t, ndim)
    alpha = _per_example(schedule.alphas, t, ndim)
    alpha_bar = _per_example(schedule.alpha_bars, t, ndim)
    mean = (x_t - beta / _sqrt(1.0 - alpha_bar) * eps_hat) / _sqrt(alpha)
    if _is_tensor(t):
        from keras import ops

        later = ops.reshape(ops.cast(t > 0, "float32"), (-1,) + (1,) * (ndim - 1))
    else:
        later = _broadcast((np.asarray(t) > 0).astype("float64"), ndim)
    return mean + later * _sqrt(beta) * noise


def guided_noise(eps_cond, eps_uncond, scale):
    """Classifier-free guidance: eps_uncond + scale * (eps_cond - eps_uncond).

    ``scale`` 1 gives the conditional prediction, 0 the unconditional one, and
    more than 1 pushes further towards the label (at the cost of diversity).
    """
    if not _is_tensor(eps_cond, eps_uncond, scale):
        eps_cond, eps_uncond = _np(eps_cond), _np(eps_uncond)
        if eps_cond.shape != eps_uncond.shape:
            raise ValueError(
                "eps_cond and eps_uncond must have one shape. "
                f"Received: {eps_cond.shape} and {eps_uncond.shape}"
            )
    return eps_uncond + scale * (eps_cond - eps_uncond)


def posterior_mean_variance(x0, x_t, t, schedule):
    """The mean and variance of q(x_{t-1} | x_t, x_0), a Gaussian (Ho et al. 2020, eq. 7).

    mean = beta_t sqrt(alpha_bar_{t-1}) / (1 - alpha_bar_t) x_0
           + (1 - alpha_bar_{t-1}) sqrt(alpha_t) / (1 - alpha_bar_t) x_t,
    variance = (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t) beta_t
    (alpha_bar_{t-1} = 1 before the first step, where the variance is 0).

    Returns:
        ``(mean, variance)``: the mean has the shape of ``x_t``; the variance
        is a scalar for an int ``t`` and (batch, 1, ..., 1) for a (batch,) one.
    """
    x0, x_t = _np(x0), _np(x_t)
    ndim = x_t.ndim
    beta = _per_example(schedule.betas, t, ndim)
    alpha = _per_example(schedule.alphas, t, ndim)
    alpha_bar = _per_example(schedule.alpha_bars, t, ndim)
    alpha_bar_prev = _per_example(schedule.alpha_bars_prev, t, ndim)
    mean = (
        beta * np.sqrt(alpha_bar_prev) / (1.0 - alpha_bar) * x0
        + (1.0 - alpha_bar_prev) * np.sqrt(alpha) / (1.0 - alpha_bar) * x_t
    )
    variance = (1.0 - alpha_bar_prev) / (1.0 - alpha_bar) * beta
    return mean, variance


def ddim_timesteps(steps, total):
    """``steps`` timesteps evenly spaced over 0..total-1, from the noisiest down to 0.

    Example:
        >>> ddim_timesteps(5, 1000)
        array([999, 749, 500, 250,   0])
    """
    _check_steps(steps)
    if steps > total:
        raise ValueError(f"steps must be at most {total}. Received: steps={steps!r}")
    if steps == 1:
        return np.array([total - 1])
    return np.round(np.linspace(total - 1, 0, int(steps))).astype("int64")
