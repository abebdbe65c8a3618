"""Checks for the exercises of lesson 07, ``07_diffusion`` (diffusion model).

The references are the library's own functions in
:mod:`gencourse.models.diffusion`, on plain arrays; they live in
``gencourse.models`` so that the grading copy never holds them. Each exercise
lists plausible wrong answers so the verdict can name the mistake.

Inputs are float32, as a network's outputs are; an answer in float32 or in
float64 is right. Images are ``(batch, height, width, channels)``, non-square
and colour ones among them, and a batch of one.

- ``q_sample(x0, t, noise, alpha_bars)``: ``x_t = sqrt(ᾱ_t)·x0 + sqrt(1 − ᾱ_t)·noise``
  with ``ᾱ_t = alpha_bars[t]`` taken per example (``t`` is an integer array of
  shape ``(batch,)``). The cases give each example its own step, and include the
  first step (``t = 0``, where ``alpha_bars[t - 1]`` wraps around to the last
  entry) and the last (``t = T - 1``, where ``alpha_bars[t + 1]`` is out of range).
- ``diffusion_loss(noise, predicted)``: the mean squared error over every value
  of the batch, one number; a perfect prediction is among the cases.
- ``ddim_step(x_t, eps_hat, alpha_bar_t, alpha_bar_prev)``: the deterministic
  DDIM step (η = 0), ``sqrt(ᾱ_prev)·x̂0 + sqrt(1 − ᾱ_prev)·ε̂`` with
  ``x̂0 = (x_t − sqrt(1 − ᾱ_t)·ε̂) / sqrt(ᾱ_t)``, unclipped. The ᾱ's are float32
  scalars or, in one case, arrays of shape ``(batch,)``, one per example; the
  last step (``ᾱ_prev = 1``, which returns x̂0) is among the cases.
- ``guided_noise(eps_cond, eps_uncond, scale)``: classifier-free guidance in the
  lesson's convention, ``eps_uncond + scale·(eps_cond − eps_uncond)``: scale 0
  gives the unconditional prediction, scale 1 the conditional one, and a scale
  above 1 goes past it. Ho and Salimans (2022) write the same combination as
  ``(1 + w)·eps_cond − w·eps_uncond``, with ``w = scale − 1``. The check accepts
  only the lesson's convention, because the function's ``scale`` is the lesson's
  (the guidance widget and the measured table use it); the other convention with
  ``w = scale`` guides one unit harder, and its hint says so.
"""

from __future__ import annotations

import numpy as np

from gencourse.check.core import Case, Exercise, Mistake
from gencourse.models import diffusion as ref

LESSON = "07_diffusion"


def _f32(a) -> np.ndarray:
    return np.asarray(a, dtype="float32")


def _per_example(a, x) -> np.ndarray:
    """``a`` (a scalar or one value per example) shaped to broadcast over ``x``'s image axes."""
    a = np.asarray(a, dtype="float64")
    return a.reshape(a.shape + (1,) * (np.ndim(x) - a.ndim))


def _schedule(steps: int, beta_start: float, beta_end: float) -> np.ndarray:
    """The ᾱ_t of the library's linear schedule, as float32 (``steps``,)."""
    return _f32(ref.linear_schedule(steps, beta_start, beta_end).alpha_bars)


# A short schedule whose ᾱ changes clearly from one step to the next (off-by-one
# indexing shows), and the 1,000-step schedule of Ho et al. (2020).
_SHORT = (40, 1e-3, 0.12)
_DDPM = (1000, 1e-4, 0.02)

# The exception text of one value per example, shaped (batch,) or (batch, 1), multiplied
# with images (batch, height, width, channels) in either order: NumPy's and TensorFlow's.
_IMAGES, _PER_IMAGE = r"\(\d+, ?\d+, ?\d+, ?\d+\)", r"\(\d+,(?: ?1,?)?\)"
_TF_IMAGES, _TF_PER_IMAGE = r"\[\d+,\d+,\d+,\d+\]", r"\[\d+(?:,1)?\]"
_PER_EXAMPLE_SHAPES = (
    rf"broadcast together with shapes (?:{_IMAGES} {_PER_IMAGE}|{_PER_IMAGE} {_IMAGES})"
    rf"|Incompatible shapes: (?:{_TF_IMAGES} vs\. {_TF_PER_IMAGE}|{_TF_PER_IMAGE} vs\. {_TF_IMAGES})"
)

# The exception text of a scalar indexed or reshaped as if it held one value per example.
_SCALAR_INDEXED = (
    r"array is 0-dimensional|Attempting to slice scalar input"
    r"|cannot reshape array of size 1 into shape \(\d+, ?1, ?1, ?1\)"
)

# --- q_sample(x0, t, noise, alpha_bars) -> x_t ---------------------------------


def _q_cases() -> list[Case]:
    rng = np.random.default_rng(71)
    short, ddpm = _schedule(*_SHORT), _schedule(*_DDPM)

    def case(label, steps, shape, schedule=short, hint=None):
        n = len(steps)
        x0 = _f32(rng.uniform(-1.0, 1.0, size=(n, *shape)))
        noise = _f32(rng.normal(size=(n, *shape)))
        t = np.asarray(steps, dtype="int64")
        return Case(label, (x0, t, noise, schedule), hint=hint)

    last = len(short) - 1
    return [
        # A different step for each example: ᾱ must be taken per example.
        case("case.qsample.digits", rng.choice(np.arange(1, last), 4, replace=False), (28, 28, 1)),
        case("case.qsample.one_image", [last // 2], (8, 8, 1)),
        case(
            "case.qsample.non_square", rng.choice(np.arange(1, last), 3, replace=False), (7, 5, 1)
        ),
        case("case.qsample.first_step", [0, 0, 0], (6, 6, 1), hint="hint.qsample.first_step"),
        case("case.qsample.last_step", [last, last], (6, 6, 1), hint="hint.qsample.last_step"),
        case("case.qsample.colour", rng.choice(np.arange(1, last), 2, replace=False), (5, 4, 3)),
        case("case.qsample.ddpm_schedule", [0, 1, 250, 500, 999], (8, 8, 1), schedule=ddpm),
    ]


def _alpha_bar(x0, t, alpha_bars) -> np.ndarray:
    """ᾱ_t per example, shaped to broadcast over the images."""
    return _per_example(np.asarray(alpha_bars, "float64")[np.asarray(t)], x0)


def _one_step_alpha(x0, t, alpha_bars) -> np.ndarray:
    """α_t = ᾱ_t / ᾱ_{t−1} (one step's own factor, α_0 = ᾱ_0), per example."""
    ab = np.asarray(alpha_bars, "float64")
    before = np.concatenate([[1.0], ab[:-1]])
    t = np.asarray(t)
    return _per_example(ab[t] / before[t], x0)


def _noised(x0, noise, a) -> np.ndarray:
    return np.sqrt(a) * x0 + np.sqrt(1.0 - a) * noise


Q_SAMPLE = Exercise(
    name="q_sample",
    signature="q_sample(x0, t, noise, alpha_bars)",
    reference=ref.q_sample,
    make_cases=_q_cases,
    mistakes=[
        Mistake(
            "hint.qsample.no_sqrt",
            lambda x0, t, e, ab: _alpha_bar(x0, t, ab) * x0 + (1.0 - _alpha_bar(x0, t, ab)) * e,
        ),
        Mistake(
            "hint.qsample.noise_not_sqrt",
            lambda x0, t, e, ab: (
                np.sqrt(_alpha_bar(x0, t, ab)) * x0 + (1.0 - _alpha_bar(x0, t, ab)) * e
            ),
        ),
        Mistake(
            "hint.qsample.signal_not_sqrt",
            lambda x0, t, e, ab: (
                _alpha_bar(x0, t, ab) * x0 + np.sqrt(1.0 - _alpha_bar(x0, t, ab)) * e
            ),
        ),
        Mistake(
            "hint.qsample.one_minus_sqrt",
            lambda x0, t, e, ab: (
                np.sqrt(_alpha_bar(x0, t, ab)) * x0 + (1.0 - np.sqrt(_alpha_bar(x0, t, ab))) * e
            ),
        ),
        Mistake("hint.qsample.swapped", lambda x0, t, e, ab: _noised(e, x0, _alpha_bar(x0, t, ab))),
        Mistake(
            "hint.qsample.off_by_one",
            lambda x0, t, e, ab: _noised(x0, e, _alpha_bar(x0, np.asarray(t) - 1, ab)),
        ),
        # Raises on the last step (t + 1 = T): that case then tells nothing, the others do.
        Mistake(
            "hint.qsample.off_by_one",
            lambda x0, t, e, ab: _noised(x0, e, _alpha_bar(x0, np.asarray(t) + 1, ab)),
        ),
        Mistake(
            "hint.qsample.one_step", lambda x0, t, e, ab: _noised(x0, e, _one_step_alpha(x0, t, ab))
        ),
        Mistake(
            "hint.qsample.recomputed",
            lambda x0, t, e, ab: _noised(x0, e, _alpha_bar(x0, t, np.cumprod(_f32(ab)))),
        ),
        Mistake(
            "hint.qsample.recomputed",
            lambda x0, t, e, ab: _noised(x0, e, _alpha_bar(x0, t, np.cumprod(1.0 - _f32(ab)))),
        ),
        Mistake(
            "hint.qsample.minus",
            lambda x0, t, e, ab: (
                np.sqrt(_alpha_bar(x0, t, ab)) * x0 - np.sqrt(1.0 - _alpha_bar(x0, t, ab)) * e
            ),
        ),
        Mistake(
            "hint.qsample.no_noise",
            lambda x0, t, e, ab: np.sqrt(_alpha_bar(x0, t, ab)) * x0,
        ),
        # ᾱ_t of shape (batch,) multiplied in as it is: it lines up with the last axis.
        Mistake(
            "hint.qsample.per_example",
            lambda x0, t, e, ab: (
                np.sqrt(_f32(ab)[t]) * _f32(x0) + np.sqrt(1.0 - _f32(ab)[t]) * _f32(e)
            ),
        ),
    ],
    # ᾱ_t of shape (batch,) or (batch, 1) against images of shape (batch, h, w, c).
    error_hints=((_PER_EXAMPLE_SHAPES, "hint.qsample.per_example"),),
)

# --- diffusion_loss(noise, predicted) -> scalar --------------------------------


def _loss_cases() -> list[Case]:
    rng = np.random.default_rng(72)

    def case(label, shape, predicted=None):
        noise = _f32(rng.normal(size=shape))
        if predicted is None:
            predicted = _f32(noise + rng.normal(scale=0.7, size=shape))
        return Case(label, (noise, predicted(noise) if callable(predicted) else predicted))

    return [
        case("case.mse.digits", (8, 28, 28, 1)),
        case("case.mse.one_image", (1, 6, 6, 1)),
        case("case.mse.non_square", (3, 7, 5, 1)),
        case("case.mse.colour", (2, 4, 4, 3)),
        case("case.mse.perfect", (4, 6, 6, 1), predicted=lambda noise: noise.copy()),
        case(
            "case.mse.zero_prediction", (5, 8, 8, 1), predicted=lambda noise: np.zeros_like(noise)
        ),
        case(
            "case.mse.far_off",
            (3, 6, 6, 1),
            predicted=lambda noise: _f32(-2.0 * noise + rng.normal(size=noise.shape)),
        ),
    ]


def _sq(n, p) -> np.ndarray:
    return np.square(np.asarray(n, "float64") - np.asarray(p, "float64"))


def _image_axes(a) -> tuple[int, ...]:
    return tuple(range(1, np.ndim(a)))


DIFFUSION_LOSS = Exercise(
    name="diffusion_loss",
    signature="diffusion_loss(noise, predicted)",
    reference=ref.diffusion_loss,
    make_cases=_loss_cases,
    mistakes=[
        Mistake("hint.mse.summed", lambda n, p: _sq(n, p).sum()),
        Mistake("hint.mse.absolute", lambda n, p: np.abs(_f32(n) - _f32(p)).mean()),
        Mistake("hint.mse.rmse", lambda n, p: np.sqrt(_sq(n, p).mean())),
        Mistake("hint.mse.half", lambda n, p: 0.5 * _sq(n, p).mean()),
        Mistake("hint.mse.per_example", lambda n, p: _sq(n, p).mean(axis=_image_axes(n))),
        Mistake("hint.mse.batch_only", lambda n, p: _sq(n, p).mean(axis=0)),
        Mistake("hint.mse.last_axis", lambda n, p: _sq(n, p).mean(axis=-1)),
        Mistake("hint.mse.image_sum", lambda n, p: _sq(n, p).sum(axis=_image_axes(n)).mean()),
        Mistake("hint.mse.not_squared", lambda n, p: (_f32(n) - _f32(p)).mean()),
        Mistake("hint.mse.square_of_mean", lambda n, p: np.square((_f32(n) - _f32(p)).mean())),
        Mistake(
            "hint.mse.squares_subtracted",
            lambda n, p: (np.square(_f32(n)) - np.square(_f32(p))).mean(),
        ),
    ],
)

# --- ddim_step(x_t, eps_hat, alpha_bar_t, alpha_bar_prev) -> x_prev ---------------------


def _ddim_cases() -> list[Case]:
    rng = np.random.default_rng(73)

    def case(label, shape, a_t, a_prev, hint=None):
        x_t = _f32(rng.normal(size=shape))
        eps_hat = _f32(rng.normal(size=shape))
        return Case(label, (x_t, eps_hat, _f32(a_t), _f32(a_prev)), hint=hint)

    return [
        case("case.ddim.digits", (4, 28, 28, 1), 0.3, 0.45),
        case("case.ddim.one_image", (1, 8, 8, 1), 0.6, 0.8),
        case("case.ddim.non_square", (3, 7, 5, 1), 0.45, 0.5),
        case("case.ddim.noisy_start", (3, 6, 6, 1), 0.02, 0.05),
        case("case.ddim.last_step", (3, 6, 6, 1), 0.9, 1.0, hint="hint.ddim.last_step"),
        case("case.ddim.big_jump", (2, 5, 5, 1), 0.01, 0.9),
        case(
            "case.ddim.per_example",
            (4, 6, 5, 1),
            [0.1, 0.3, 0.5, 0.7],
            [0.2, 0.35, 0.8, 0.95],
            hint="hint.ddim.per_example",
        ),
        case("case.ddim.colour", (2, 4, 4, 3), 0.25, 0.4),
    ]


def _x0_hat(x, e, a_t):
    a_t = _per_example(a_t, x)
    return (np.asarray(x, "float64") - np.sqrt(1.0 - a_t) * e) / np.sqrt(a_t)


def _step(x0, e, a_prev, x):
    """sqrt(ᾱ_prev)·x̂0 + sqrt(1 − ᾱ_prev)·ε̂, with ``a_prev`` per example where it is an array."""
    a_prev = _per_example(a_prev, x)
    return np.sqrt(a_prev) * x0 + np.sqrt(1.0 - a_prev) * e


def _ddpm_mean(x, e, a_t, a_prev):
    """The DDPM step's mean: (x_t − β_t / sqrt(1 − ᾱ_t)·ε̂) / sqrt(α_t), with α_t = ᾱ_t / ᾱ_prev."""
    a_t, a_prev = _per_example(a_t, x), _per_example(a_prev, x)
    alpha = a_t / a_prev
    return (x - (1.0 - alpha) / np.sqrt(1.0 - a_t) * e) / np.sqrt(alpha)


def _ddim_with(a_prev_x0=None, a_prev_eps=None, x0=_x0_hat):
    """A DDIM step whose coefficients on x̂0 and on ε̂ can be replaced: ``(a_prev) -> factor``."""

    def step(x, e, a_t, a_prev):
        a = _per_example(a_prev, x)
        on_x0 = np.sqrt(a) if a_prev_x0 is None else a_prev_x0(a, _per_example(a_t, x))
        on_eps = np.sqrt(1.0 - a) if a_prev_eps is None else a_prev_eps(a, _per_example(a_t, x))
        return on_x0 * x0(x, e, a_t) + on_eps * e

    return step


def _no_division(x, e, a_t):
    return np.asarray(x, "float64") - np.sqrt(1.0 - _per_example(a_t, x)) * e


def _divided_by_alpha_bar(x, e, a_t):
    a_t = _per_example(a_t, x)
    return (np.asarray(x, "float64") - np.sqrt(1.0 - a_t) * e) / a_t


def _times_sqrt(x, e, a_t):
    a_t = _per_example(a_t, x)
    return (np.asarray(x, "float64") - np.sqrt(1.0 - a_t) * e) * np.sqrt(a_t)


def _not_per_example(x, e, a_t, a_prev):
    """The step with the ᾱ's multiplied in as they are: shape (batch,) lines up with the last axis."""
    x, e, a_t, a_prev = _f32(x), _f32(e), _f32(a_t), _f32(a_prev)
    x0 = (x - np.sqrt(1.0 - a_t) * e) / np.sqrt(a_t)
    return np.sqrt(a_prev) * x0 + np.sqrt(1.0 - a_prev) * e


DDIM_STEP = Exercise(
    name="ddim_step",
    signature="ddim_step(x_t, eps_hat, alpha_bar_t, alpha_bar_prev)",
    reference=ref.ddim_step,
    make_cases=_ddim_cases,
    mistakes=[
        Mistake("hint.ddim.swapped", lambda x, e, at, ap: _ddim_with()(x, e, ap, at)),
        Mistake("hint.ddim.no_division", _ddim_with(x0=_no_division)),
        Mistake("hint.ddim.divided_by_alpha_bar", _ddim_with(x0=_divided_by_alpha_bar)),
        Mistake("hint.ddim.multiplied", _ddim_with(x0=_times_sqrt)),
        Mistake("hint.ddim.eps_coefficient", _ddim_with(a_prev_eps=lambda a, at: np.sqrt(a))),
        Mistake("hint.ddim.eps_not_sqrt", _ddim_with(a_prev_eps=lambda a, at: 1.0 - a)),
        Mistake("hint.ddim.x0_not_sqrt", _ddim_with(a_prev_x0=lambda a, at: a)),
        Mistake(
            "hint.ddim.same_noise_level", _ddim_with(a_prev_eps=lambda a, at: np.sqrt(1.0 - at))
        ),
        Mistake("hint.ddim.returns_x0", lambda x, e, at, ap: _x0_hat(x, e, at)),
        Mistake("hint.ddim.minus", _ddim_with(a_prev_eps=lambda a, at: -np.sqrt(1.0 - a))),
        Mistake(
            "hint.ddim.clipped",
            lambda x, e, at, ap: _step(np.clip(_x0_hat(x, e, at), -1.0, 1.0), e, ap, x),
        ),
        Mistake("hint.ddim.ddpm_mean", _ddpm_mean),
        Mistake("hint.ddim.per_example", _not_per_example),
    ],
    # ᾱ's of shape (batch,) or (batch, 1) against images of shape (batch, h, w, c).
    error_hints=(
        (_PER_EXAMPLE_SHAPES, "hint.ddim.per_example"),
        # a[:, None, None, None] or a.reshape(len(x_t), 1, 1, 1) on a scalar ᾱ.
        (_SCALAR_INDEXED, "hint.ddim.scalar"),
    ),
)

# --- guided_noise(eps_cond, eps_uncond, scale) -> eps ---------------------------------


def _guide_cases() -> list[Case]:
    rng = np.random.default_rng(74)

    def case(label, shape, scale):
        eps_cond = _f32(rng.normal(size=shape))
        eps_uncond = _f32(rng.normal(size=shape))
        return Case(label, (eps_cond, eps_uncond, scale))

    return [
        case("case.guide.scale_three", (4, 28, 28, 1), 3.0),
        case("case.guide.scale_zero", (3, 6, 6, 1), 0.0),
        case("case.guide.scale_one", (3, 6, 6, 1), 1.0),
        case("case.guide.one_image", (1, 8, 8, 1), 2.0),
        case("case.guide.non_square", (3, 7, 5, 1), 7.5),
        case("case.guide.scale_half", (2, 6, 6, 1), 0.5),
        case("case.guide.colour", (2, 4, 4, 3), 1.5),
    ]


def _c(a) -> np.ndarray:
    return np.asarray(a, "float64")


GUIDED_NOISE = Exercise(
    name="guided_noise",
    signature="guided_noise(eps_cond, eps_uncond, scale)",
    reference=ref.guided_noise,
    make_cases=_guide_cases,
    mistakes=[
        Mistake("hint.guide.cond_only", lambda c, u, s: s * _c(c)),
        Mistake("hint.guide.no_difference", lambda c, u, s: _c(u) + s * _c(c)),
        Mistake("hint.guide.swapped", lambda c, u, s: _c(c) + s * (_c(u) - _c(c))),
        Mistake("hint.guide.other_convention", lambda c, u, s: (1.0 + s) * _c(c) - s * _c(u)),
        Mistake("hint.guide.average", lambda c, u, s: 0.5 * (_c(c) + _c(u))),
        Mistake("hint.guide.no_base", lambda c, u, s: s * (_c(c) - _c(u))),
        Mistake("hint.guide.sign", lambda c, u, s: _c(u) - s * (_c(c) - _c(u))),
        Mistake("hint.guide.normalised", lambda c, u, s: (_c(u) + s * _c(c)) / (1.0 + s)),
    ],
)

EXERCISES = {ex.name: ex for ex in (Q_SAMPLE, DIFFUSION_LOSS, DDIM_STEP, GUIDED_NOISE)}
