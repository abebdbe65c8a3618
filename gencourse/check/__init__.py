"""Exercise checks: ``check.kl_divergence(kl_divergence)`` in a notebook cell.

Each check runs the learner's function on several inputs, compares it with
the library's reference on plain arrays, and prints a verdict in the
notebook's language (see :func:`gencourse.setup`). ``evaluate(name, fn)``
returns the result without printing, for pytest and the grader.
"""

from __future__ import annotations

from gencourse.check import augment as _augment
from gencourse.check import gan as _gan
from gencourse.check import gaussian as _gaussian
from gencourse.check import vae as _vae
from gencourse.check.core import CheckFailed, CheckResult
from gencourse.check.core import evaluate as _evaluate
from gencourse.check.core import report as _report

EXERCISES = {**_vae.EXERCISES, **_gan.EXERCISES, **_gaussian.EXERCISES, **_augment.EXERCISES}

__all__ = [
    "EXERCISES",
    "CheckFailed",
    "CheckResult",
    "evaluate",
    "reparameterize",
    "kl_divergence",
    "vae_loss",
    "discriminator_loss",
    "generator_loss",
    "mixed_batch",
    "condition_input",
    "mismatched_labels",
    "conditional_discriminator_loss",
    "sample_gaussian",
    "bayes_posterior",
    "log_marginal",
    "augmented_training_set",
    "balanced_labels",
]


def evaluate(name: str, fn) -> CheckResult:
    """Checks ``fn`` against exercise ``name`` and returns the result (prints nothing)."""
    if name not in EXERCISES:
        raise ValueError(f"Unknown exercise. Choose one of {sorted(EXERCISES)}. Received: {name!r}")
    return _evaluate(EXERCISES[name], fn)


def reparameterize(fn) -> None:
    """Checks ``reparameterize(z_mean, z_log_var, eps)`` and prints the verdict."""
    _report(EXERCISES["reparameterize"], fn)


def kl_divergence(fn) -> None:
    """Checks ``kl_divergence(z_mean, z_log_var)`` and prints the verdict."""
    _report(EXERCISES["kl_divergence"], fn)


def vae_loss(fn) -> None:
    """Checks ``vae_loss(x, x_recon, z_mean, z_log_var, beta=1.0)`` and prints the verdict."""
    _report(EXERCISES["vae_loss"], fn)


def discriminator_loss(fn) -> None:
    """Checks ``discriminator_loss(d_real, d_fake)`` and prints the verdict."""
    _report(EXERCISES["discriminator_loss"], fn)


def generator_loss(fn) -> None:
    """Checks ``generator_loss(d_fake)`` and prints the verdict."""
    _report(EXERCISES["generator_loss"], fn)


def mixed_batch(fn) -> None:
    """Checks ``mixed_batch(real_images, fake_images) -> (images, targets)``; prints the verdict."""
    _report(EXERCISES["mixed_batch"], fn)


def condition_input(fn) -> None:
    """Checks ``condition_input(noise, labels, num_classes)`` and prints the verdict."""
    _report(EXERCISES["condition_input"], fn)


def mismatched_labels(fn) -> None:
    """Checks ``mismatched_labels(labels, offsets, num_classes)`` and prints the verdict."""
    _report(EXERCISES["mismatched_labels"], fn)


def conditional_discriminator_loss(fn) -> None:
    """Checks ``conditional_discriminator_loss(d_real, d_mismatched, d_fake)``; prints the verdict."""
    _report(EXERCISES["conditional_discriminator_loss"], fn)


def sample_gaussian(fn) -> None:
    """Checks ``sample_gaussian(mean, cov_factor, eps)`` and prints the verdict."""
    _report(EXERCISES["sample_gaussian"], fn)


def bayes_posterior(fn) -> None:
    """Checks ``bayes_posterior(log_likelihoods, log_priors)`` and prints the verdict."""
    _report(EXERCISES["bayes_posterior"], fn)


def log_marginal(fn) -> None:
    """Checks ``log_marginal(log_likelihoods, log_priors)`` and prints the verdict."""
    _report(EXERCISES["log_marginal"], fn)


def augmented_training_set(fn) -> None:
    """Checks ``augmented_training_set(real_images, real_labels, synthetic_images,
    synthetic_labels, ratio) -> (images, labels)`` and prints the verdict."""
    _report(EXERCISES["augmented_training_set"], fn)


def balanced_labels(fn) -> None:
    """Checks ``balanced_labels(per_class, num_classes)`` and prints the verdict."""
    _report(EXERCISES["balanced_labels"], fn)
