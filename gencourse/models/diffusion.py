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

import keras
import numpy as np
from keras import layers, ops

from gencourse import config
from gencourse.models import distribute

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
    return any(ops.is_tensor(v) for v in values)


def _np(value):
    return np.asarray(value, dtype="float64")


def _per_example(values, t, ndim):
    """``values[t]`` shaped to broadcast over an image batch of ``ndim`` axes.

    An int ``t`` gives a scalar; a (batch,) ``t`` gives (batch, 1, ..., 1).
    """
    if _is_tensor(t):
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
        if len(coefficient.shape) == 0:
            return coefficient
        return ops.reshape(coefficient, (-1,) + (1,) * (ndim - 1))
    coefficient = _np(coefficient)
    if coefficient.ndim == 0:
        return coefficient
    return coefficient.reshape((-1,) + (1,) * (ndim - 1))


def _sqrt(value):
    if _is_tensor(value):
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
    alpha_bar = _per_example(schedule.alpha_bars, t, ndim)
    if _is_tensor(t):
        later = ops.reshape(ops.cast(t > 0, "float32"), (-1,) + (1,) * (ndim - 1))
    else:
        later = _broadcast((np.asarray(t) > 0).astype("float64"), ndim)
    return _ancestral(x_t, eps_hat, beta, alpha_bar, later, noise)


def _ancestral(x_t, eps_hat, beta, alpha_bar, later, noise):
    """The DDPM update: the posterior mean from eps_hat, plus sqrt(beta) noise where ``later`` is 1."""
    mean = (x_t - beta / _sqrt(1.0 - alpha_bar) * eps_hat) / _sqrt(1.0 - beta)
    return mean + later * _sqrt(beta) * noise


def clipped_noise(x_t, eps_hat, alpha_bar_t):
    """The noise that the clean image :func:`predict_x0` implies, clipped to [-1, 1], implies in turn.

    A step (DDIM or DDPM) taken with it heads for an image in [-1, 1], the range
    the network was trained on: ``predict_x0(x_t, clipped_noise(...))`` equals
    ``clip(predict_x0(x_t, eps_hat), -1, 1)``.
    """
    if not _is_tensor(x_t, eps_hat, alpha_bar_t):
        x_t, eps_hat = _np(x_t), _np(eps_hat)
    x0_hat = predict_x0(x_t, eps_hat, alpha_bar_t)
    x0_hat = ops.clip(x0_hat, -1.0, 1.0) if _is_tensor(x0_hat) else np.clip(x0_hat, -1.0, 1.0)
    alpha_bar_t = _broadcast(alpha_bar_t, len(x_t.shape))
    return (x_t - _sqrt(alpha_bar_t) * x0_hat) / _sqrt(1.0 - alpha_bar_t)


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


def respace(schedule, timesteps) -> Schedule:
    """The schedule seen at a subset of its timesteps (for DDPM with fewer steps).

    Keeps alpha_bar at ``timesteps`` (ascending or descending, each in
    0..T-1) and sets beta_i = 1 - alpha_bar_i / alpha_bar_{i-1} between
    consecutive kept steps, so that q(x_t | x_0) is unchanged at every kept
    step (Nichol & Dhariwal 2021). Index i of the result is the i-th smallest
    kept timestep.
    """
    kept = np.sort(np.asarray(timesteps, dtype="int64"))
    if kept.size == 0 or kept[0] < 0 or kept[-1] >= schedule.steps or np.any(np.diff(kept) == 0):
        raise ValueError(
            f"timesteps must be distinct ints in 0..{schedule.steps - 1}. Received: {timesteps!r}"
        )
    alpha_bars = schedule.alpha_bars[kept]
    return _from_betas(1.0 - alpha_bars / np.concatenate([[1.0], alpha_bars[:-1]]))


# --- the Keras model -------------------------------------------------------------------


SCHEDULES = {"linear": linear_schedule, "cosine": cosine_schedule}


def make_schedule(name="linear", steps=1000) -> Schedule:
    """The schedule called ``name`` ("linear" or "cosine") with ``steps`` steps."""
    if name not in SCHEDULES:
        raise ValueError(f"schedule must be one of {sorted(SCHEDULES)}. Received: {name!r}")
    return SCHEDULES[name](steps)


@keras.saving.register_keras_serializable(package="gencourse")
class DiffusionModel(keras.Model):
    """A denoising diffusion model: a noise-predicting network and its noise schedule.

    Training (``fit(images, labels)``, images in [0, 1]): each step rescales
    the images to [-1, 1], draws a timestep t uniformly from 0..T-1 and noise
    eps ~ N(0, I) per image, noises them with :func:`q_sample`, replaces the
    label by the null label (``num_classes``) with probability
    ``label_dropout`` (so that one network also learns the unconditional
    prediction classifier-free guidance needs), and takes one step on
    :func:`diffusion_loss` between eps and the network's prediction.
    ``fit(images)`` without labels trains an unconditional model (every label
    null).

    Args:
        network: a Keras model from ``[x_t, t, label]`` ((batch, *shape),
            (batch, 1) int32, (batch, 1) int32) to predicted noise shaped like
            ``x_t``, e.g. :func:`gencourse.models.unet.build_unet`.
        num_classes: the number of labels; ``num_classes`` itself is the null label.
        schedule: "linear" (Ho et al. 2020) or "cosine" (Nichol & Dhariwal 2021).
        timesteps: T, the number of noising steps.
        label_dropout: the probability of training a step's label as null.
        sample_steps, guidance: what :meth:`generate` uses (:meth:`sample`'s
            ``steps`` and ``guidance``).
        seed: an int for reproducible training draws, or None.

    Example:
        >>> model = make_diffusion(seed=0)
        >>> model.fit(x_train, y_train, epochs=5, batch_size=64)
        >>> sevens = model.sample([7] * 16, steps=50, guidance=2.0, seed=1)  # (16, 28, 28, 1)
    """

    def __init__(
        self,
        network,
        num_classes=10,
        schedule="linear",
        timesteps=1000,
        label_dropout=0.15,
        sample_steps=50,
        guidance=2.0,
        seed=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if isinstance(num_classes, bool) or not isinstance(num_classes, int) or num_classes < 1:
            raise ValueError(
                f"num_classes must be an int >= 1. Received: num_classes={num_classes!r}"
            )
        if isinstance(label_dropout, bool) or not 0.0 <= float(label_dropout) < 1.0:
            raise ValueError(
                f"label_dropout must lie in [0, 1). Received: label_dropout={label_dropout!r}"
            )
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise ValueError(f"seed must be an int or None. Received: seed={seed!r}")
        self.schedule = make_schedule(schedule, timesteps)
        _check_steps(sample_steps)
        self.network = network
        self.num_classes = num_classes
        self.schedule_name, self.timesteps = schedule, int(timesteps)
        self.label_dropout = float(label_dropout)
        self.sample_steps, self.guidance = int(sample_steps), float(guidance)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)
        self.image_shape = tuple(int(s) for s in network.inputs[0].shape[1:])
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self._sampling_steps = {}
        self.built = True

    @property
    def metrics(self):
        return [self.loss_tracker]

    @property
    def null_label(self) -> int:
        """The label that means "no label": ``num_classes``."""
        return self.num_classes

    def call(self, inputs, training=False):
        """The predicted noise for ``[x_t, t, labels]``."""
        x_t, t, labels = inputs
        return self.network([x_t, _column(t), _column(labels)], training=training)

    # --- training ---------------------------------------------------------------------

    def noisy_batch(self, images, labels=None):
        """One training step's inputs: ``(x_t, t, labels, noise)``, all drawn as ``train_step`` does.

        Images in [0, 1] are rescaled to [-1, 1]; ``labels`` None gives null labels.
        """
        import tensorflow as tf

        x0 = 2.0 * ops.cast(images, "float32") - 1.0
        n = ops.shape(x0)[0]
        t = keras.random.randint((n,), 0, self.timesteps, seed=self.seed_generator)
        noise = keras.random.normal(ops.shape(x0), seed=self.seed_generator)
        x_t = q_sample(x0, t, noise, self.schedule.alpha_bars)
        if labels is None:
            labels = tf.fill((n,), self.null_label)
        else:
            labels = ops.reshape(ops.cast(labels, "int32"), (-1,))
            drop = keras.random.uniform((n,), seed=self.seed_generator) < self.label_dropout
            labels = ops.where(drop, self.null_label, labels)
        return x_t, t, labels, noise

    def train_step(self, data):
        import tensorflow as tf  # the training step needs a gradient tape

        if isinstance(data, tuple | list):
            images = data[0]
            labels = data[1] if len(data) > 1 and data[1] is not None else None
        else:
            images, labels = data, None
        x_t, t, labels, noise = self.noisy_batch(images, labels)
        with tf.GradientTape() as tape:
            eps_hat = self([x_t, t, labels], training=True)
            loss = diffusion_loss(noise, eps_hat)
            # Under a tf.distribute strategy the replicas' gradients are summed.
            scaled = distribute.scale_loss(loss)
        weights = self.network.trainable_weights
        self.optimizer.apply(tape.gradient(scaled, weights), weights)
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}

    # --- sampling ---------------------------------------------------------------------

    def _step_function(self, method):
        """One compiled sampling step (built once per method): x_t -> x at the earlier step."""
        if method in self._sampling_steps:
            return self._sampling_steps[method]
        import tensorflow as tf

        network = self.network

        def eps(x, t, labels, alpha_bar_t, guidance, guided, clip):
            eps_hat = guided_eps(x, t, labels, guidance, guided)
            if not clip:
                return eps_hat
            return clipped_noise(x, eps_hat, alpha_bar_t)

        def guided_eps(x, t, labels, guidance, guided):
            n = tf.shape(x)[0]
            t_column = tf.fill((n, 1), t)
            if not guided:
                return network([x, t_column, labels[:, None]], training=False)
            # One batched forward pass: the conditional half, then the null-label half.
            both = network(
                [
                    tf.concat([x, x], 0),
                    tf.concat([t_column, t_column], 0),
                    tf.concat([labels, tf.fill((n,), self.null_label)], 0)[:, None],
                ],
                training=False,
            )
            return guided_noise(both[:n], both[n:], guidance)

        if method == "ddim":

            def step(x, t, labels, alpha_bar_t, alpha_bar_prev, guidance, guided, clip, seed):
                eps_hat = eps(x, t, labels, alpha_bar_t, guidance, guided, clip)
                return ddim_step(x, eps_hat, alpha_bar_t, alpha_bar_prev)

        else:

            def step(x, t, labels, alpha_bar_t, alpha_bar_prev, guidance, guided, clip, seed):
                eps_hat = eps(x, t, labels, alpha_bar_t, guidance, guided, clip)
                # The respaced schedule's beta between the two kept timesteps (:func:`respace`).
                beta = 1.0 - alpha_bar_t / alpha_bar_prev
                # No noise at the last step, where alpha_bar_prev = 1 (the data itself).
                later = tf.cast(alpha_bar_prev < 1.0, "float32")
                z = tf.random.stateless_normal(tf.shape(x), seed)
                return _ancestral(x, eps_hat, beta, alpha_bar_t, later, z)

        compiled = tf.function(step, reduce_retracing=True)
        self._sampling_steps[method] = compiled
        return compiled

    def sample(
        self, labels, steps=None, method="ddim", guidance=None, seed=None, batch_size=500, clip=True
    ):
        """One new image per entry of ``labels``, in [0, 1]; the same ``seed``, the same images.

        Starts from x_T ~ N(0, I) and runs ``steps`` reverse steps at timesteps
        evenly spaced from T - 1 down to 0 (:func:`ddim_timesteps`). "ddim":
        the deterministic DDIM step. "ddpm": the ancestral DDPM step on the
        schedule seen at those timesteps (:func:`respace`; with ``steps`` = T it
        is the original DDPM sampler, whose step is :func:`ddpm_step`).

        Args:
            labels: ints in 0..num_classes; ``num_classes`` (the null label)
                asks for an unconditional sample.
            steps: the number of reverse steps; None: ``sample_steps`` for
                DDIM and T for DDPM.
            method: "ddim" or "ddpm".
            guidance: the classifier-free guidance scale (None:
                ``self.guidance``). 1 uses the conditional prediction alone
                (one forward pass per step); any other scale runs the
                conditional and the null label in one batched pass and mixes
                them with :func:`guided_noise`. Null labels are never guided.
            seed: an int, or None for fresh noise.
            batch_size: images denoised at once.
            clip: True clips each step's predicted clean image x0_hat
                (:func:`predict_x0`) to [-1, 1] and continues from the noise
                it implies (Ho et al. 2020 clip the same way); False uses the
                network's prediction as it is.

        Returns:
            A NumPy float32 array (n, *image_shape), clipped to [0, 1].
        """
        import tensorflow as tf

        if method not in ("ddim", "ddpm"):
            raise ValueError(f"method must be 'ddim' or 'ddpm'. Received: method={method!r}")
        labels = np.asarray(labels).reshape(-1).astype("int32")
        if labels.size and (labels.min() < 0 or labels.max() > self.num_classes):
            raise ValueError(
                f"labels must lie in 0..{self.num_classes} ({self.num_classes}: no label). "
                f"Received labels from {labels.min()} to {labels.max()}"
            )
        if steps is None:
            steps = self.sample_steps if method == "ddim" else self.timesteps
        timesteps = ddim_timesteps(steps, self.timesteps)  # from T - 1 down to 0
        guidance = self.guidance if guidance is None else float(guidance)
        alpha_bars = self.schedule.alpha_bars[timesteps]
        alpha_bars_prev = np.concatenate([alpha_bars[1:], [1.0]])
        step = self._step_function(method)
        rng = np.random.default_rng(seed)
        x_all = rng.standard_normal((len(labels), *self.image_shape)).astype("float32")
        # Each chunk's DDPM noise comes from its own stateless seed, drawn from ``seed``.
        noise_seeds = rng.integers(0, 2**31 - 1, size=(max(1, -(-len(labels) // batch_size)),))
        out = []
        for k, start in enumerate(range(0, len(labels), batch_size)):
            chunk = labels[start : start + batch_size]
            x = tf.constant(x_all[start : start + batch_size])
            y = tf.constant(chunk)
            # Guide only when it changes something: a scale other than 1, a real label.
            guided = guidance != 1.0 and bool(np.any(chunk != self.null_label))
            for i, t in enumerate(timesteps):
                x = step(
                    x,
                    tf.constant(int(t), "int32"),
                    y,
                    tf.constant(alpha_bars[i], "float32"),
                    tf.constant(alpha_bars_prev[i], "float32"),
                    tf.constant(guidance, "float32"),
                    guided,
                    bool(clip),
                    tf.constant([int(noise_seeds[k]), i], "int32"),
                )
            out.append(np.clip((x.numpy() + 1.0) / 2.0, 0.0, 1.0))
        if not out:
            return np.zeros((0, *self.image_shape), "float32")
        return np.concatenate(out).astype("float32")

    def generate(self, labels, seed=None, batch_size=500):
        """:meth:`sample` with the model's ``sample_steps`` and ``guidance`` (DDIM), like the other makers."""
        labels = np.asarray(labels).reshape(-1)
        if labels.size and (labels.min() < 0 or labels.max() >= self.num_classes):
            raise ValueError(
                f"labels must lie in 0..{self.num_classes - 1}. "
                f"Received labels from {labels.min()} to {labels.max()}"
            )
        return self.sample(labels, seed=seed, batch_size=batch_size)

    def get_config(self):
        return {
            **super().get_config(),
            "network": keras.saving.serialize_keras_object(self.network),
            "num_classes": self.num_classes,
            "schedule": self.schedule_name,
            "timesteps": self.timesteps,
            "label_dropout": self.label_dropout,
            "sample_steps": self.sample_steps,
            "guidance": self.guidance,
            "seed": self.seed,
        }

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["network"] = keras.saving.deserialize_keras_object(config["network"])
        return cls(**config)


def _column(values):
    return ops.reshape(ops.cast(values, "int32"), (-1, 1))


def make_diffusion(
    image_shape=(28, 28, 1),
    num_classes=10,
    width=None,
    schedule="linear",
    timesteps=1000,
    label_dropout=0.15,
    learning_rate=1e-3,
    seed=None,
    strategy=None,
    groups=0,
    sample_steps=50,
    guidance=2.0,
    ema_momentum=None,
    decay_steps=None,
):
    """The lesson's conditional diffusion model (a :func:`build_unet` network), compiled with Adam.

    Args:
        image_shape, num_classes: the images' shape and the number of labels.
        width: the U-Net's first level's channels; None: 16 in full mode, 8
            in quick mode (:func:`gencourse.config.pick`).
        schedule, timesteps, label_dropout, sample_steps, guidance, seed: as in
            :class:`DiffusionModel`.
        learning_rate: Adam's learning rate.
        groups: the U-Net's group normalisation (0, the default, leaves it
            out: on a 2-core CPU it doubled the time of a forward pass).
        strategy: a ``tf.distribute.Strategy`` to build and train under, or None
            (see :mod:`gencourse.models.distribute`).
        ema_momentum: None, or a momentum in (0, 1) (e.g. 0.999): Adam then keeps
            an exponential moving average of the weights, and each ``fit`` ends
            by putting that average into the network (Keras' ``use_ema``). The
            average of the last few thousand steps denoises better than the
            last step's weights (Ho et al. 2020 sample from such an average).
        decay_steps: None for a fixed learning rate, or the number of steps
            over which it falls to zero along a cosine.

    Example:
        >>> model = make_diffusion(seed=0)
        >>> model.fit(x_train, y_train, epochs=5, batch_size=64)
    """
    from gencourse.models.unet import build_unet

    if width is None:
        width = config.pick(full=16, quick=8)
    if seed is not None:
        keras.utils.set_random_seed(seed)
    with distribute.scope(strategy):
        model = DiffusionModel(
            build_unet(image_shape, num_classes, width=width, groups=groups),
            num_classes=num_classes,
            schedule=schedule,
            timesteps=timesteps,
            label_dropout=label_dropout,
            sample_steps=sample_steps,
            guidance=guidance,
            seed=seed,
        )
        model.compile(optimizer=_adam(learning_rate, ema_momentum, decay_steps))
    return model


def _adam(learning_rate, ema_momentum, decay_steps):
    if ema_momentum is not None and (
        isinstance(ema_momentum, bool) or not 0.0 < float(ema_momentum) < 1.0
    ):
        raise ValueError(
            f"ema_momentum must be None or lie in (0, 1). Received: ema_momentum={ema_momentum!r}"
        )
    if decay_steps is not None and (
        isinstance(decay_steps, bool) or not isinstance(decay_steps, int) or decay_steps < 1
    ):
        raise ValueError(
            f"decay_steps must be None or a positive int. Received: decay_steps={decay_steps!r}"
        )
    rate = learning_rate
    if decay_steps is not None:
        rate = keras.optimizers.schedules.CosineDecay(learning_rate, decay_steps)
    if ema_momentum is None:
        return keras.optimizers.Adam(rate)
    return keras.optimizers.Adam(rate, use_ema=True, ema_momentum=float(ema_momentum))


def load_diffusion(path):
    """Loads a DiffusionModel saved with ``model.save("file.keras")`` (compile it to train on)."""
    from gencourse.models import unet  # noqa: F401  (registers the U-Net's layers)

    return keras.models.load_model(path, compile=False)


def build_toy_denoiser(data_dim=1, num_classes=1, time_dim=16, hidden=64):
    """A small MLP noise predictor ``[x_t, t, label] -> eps_hat`` for toy 1-D or 2-D data."""
    from gencourse.models.unet import TimeEmbedding

    x_t = keras.Input(shape=(data_dim,), name="x_t")
    t = keras.Input(shape=(1,), dtype="int32", name="t")
    label = keras.Input(shape=(1,), dtype="int32", name="label")
    emb = TimeEmbedding(time_dim)(t)
    label_emb = layers.Reshape((time_dim,))(layers.Embedding(num_classes + 1, time_dim)(label))
    h = layers.Concatenate()([x_t, emb, label_emb])
    h = layers.Dense(hidden, activation="swish")(h)
    h = layers.Dense(hidden, activation="swish")(h)
    return keras.Model([x_t, t, label], layers.Dense(data_dim)(h), name="toy_denoiser")
