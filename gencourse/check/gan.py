"""Checks for the exercises of lesson 03, ``03_gan`` (generative adversarial network).

The references are the library's own functions in :mod:`gencourse.models.gan`
on plain arrays. The loss exercises take probabilities D(x) in (0, 1), as the
lesson writes them; each exercise lists plausible wrong answers so the verdict
can name the mistake. Lesson 04's checks (:mod:`gencourse.check.cgan`) build
their inputs and wrong answers with this module's ``_probs`` and ``_log``.
"""

from __future__ import annotations

import numpy as np
from keras import ops

from gencourse.check.core import (
    Case,
    Exercise,
    Mistake,
    WrongForm,
    packed_rows_shape,
    part_array,
)
from gencourse.models import gan as ref

LESSON = "03_gan"

_EPS = 1e-7


def _log(p):
    """log(p) with p clipped to [1e-7, 1 - 1e-7], as the library's losses clip it."""
    return np.log(np.clip(np.asarray(p, "float64"), _EPS, 1 - _EPS))


def _probs(rng, n, low=0.02, high=0.98, column=True):
    """``n`` probabilities D(x) drawn uniformly from [low, high], as (n, 1) or (n,)."""
    return rng.uniform(low, high, size=(n, 1) if column else (n,)).astype("float32")


# --- discriminator_loss(d_real, d_fake) -> scalar ------------------------


def _d_loss_ref(d_real, d_fake):
    return ops.convert_to_numpy(ref.discriminator_loss(d_real, d_fake, from_logits=False))


def _two_sets(seed):
    rng = np.random.default_rng(seed)
    saturated_real = np.array([[1.0], [0.0], [0.9]], "float32")
    saturated_fake = np.array([[0.0], [1.0], [0.2]], "float32")
    return [
        Case("case.gan.random", (_probs(rng, 8), _probs(rng, 8))),
        Case("case.gan.one_each", (_probs(rng, 1), _probs(rng, 1))),
        Case("case.gan.confident_d", (_probs(rng, 5, 0.9, 0.99), _probs(rng, 5, 0.01, 0.1))),
        Case("case.gan.fooled_d", (_probs(rng, 6, 0.01, 0.2), _probs(rng, 6, 0.8, 0.99))),
        Case("case.gan.flat", (_probs(rng, 7, column=False), _probs(rng, 7, column=False))),
        # float32 and float64 clipping at 1 - 1e-7 differ by about 1% here.
        Case("case.gan.saturated", (saturated_real, saturated_fake), rtol=2e-2),
    ]


def _clipped_logs(p):
    """log(p) clipped to [1e-7, 1 - 1e-7] after the log (the clip meant for p)."""
    with np.errstate(divide="ignore"):
        return np.clip(np.log(np.asarray(p, "float64")), _EPS, 1 - _EPS)


def _d_sum_of_means(r, f):
    return -_log(r).mean() - _log(1 - np.asarray(f)).mean()


DISCRIMINATOR_LOSS = Exercise(
    name="discriminator_loss",
    signature="discriminator_loss(d_real, d_fake)",
    reference=_d_loss_ref,
    make_cases=lambda: _two_sets(31),
    mistakes=[
        Mistake(
            "hint.dloss.swapped",
            lambda r, f: -(np.sum(_log(1 - np.asarray(r))) + np.sum(_log(f))) / (r.size + f.size),
        ),
        Mistake(
            "hint.dloss.sign",
            lambda r, f: (np.sum(_log(r)) + np.sum(_log(1 - np.asarray(f)))) / (r.size + f.size),
        ),
        Mistake("hint.dloss.sum_of_means", _d_sum_of_means),
        Mistake("hint.dloss.only_real", lambda r, f: -_log(r).mean()),
        Mistake("hint.dloss.only_fake", lambda r, f: -_log(1 - np.asarray(f)).mean()),
        Mistake(
            "hint.dloss.summed",
            lambda r, f: -(np.sum(_log(r)) + np.sum(_log(1 - np.asarray(f)))),
        ),
        Mistake(
            "hint.dloss.fake_log_d",
            lambda r, f: -(np.sum(_log(r)) - np.sum(_log(f))) / (r.size + f.size),
        ),
        Mistake(
            "hint.no_clip",
            lambda r, f: (
                -(
                    np.sum(np.log(np.asarray(r, "float64")))
                    + np.sum(np.log(1 - np.asarray(f, "float64")))
                )
                / (r.size + f.size)
            ),
        ),
        Mistake(
            "hint.per_sample",
            lambda r, f: -np.concatenate([_log(r).ravel(), _log(1 - np.asarray(f)).ravel()]),
        ),
        Mistake(
            "hint.dloss.fake_log_d",
            lambda r, f: -np.concatenate([_log(r).ravel(), _log(f).ravel()]).mean(),
        ),
        Mistake(
            "hint.clip_after_log",
            lambda r, f: (
                -np.concatenate(
                    [_clipped_logs(r).ravel(), _clipped_logs(1 - np.asarray(f, "float64")).ravel()]
                ).mean()
            ),
        ),
        Mistake(
            "hint.dloss.squared",
            lambda r, f: np.concatenate(
                [(np.ravel(r) - 1.0) ** 2, np.ravel(f).astype("float64") ** 2]
            ).mean(),
        ),
    ],
)

# --- generator_loss(d_fake) -> scalar ----------------------------------


def _g_loss_ref(d_fake):
    return ops.convert_to_numpy(ref.generator_loss(d_fake, from_logits=False))


GENERATOR_LOSS = Exercise(
    name="generator_loss",
    signature="generator_loss(d_fake)",
    reference=_g_loss_ref,
    make_cases=lambda: [Case(c.label, (c.args[1],), rtol=c.rtol) for c in _two_sets(32)],
    mistakes=[
        Mistake("hint.gloss.saturating", lambda f: _log(1 - np.asarray(f)).mean()),
        Mistake("hint.gloss.fake_target", lambda f: -_log(1 - np.asarray(f)).mean()),
        Mistake("hint.gloss.sign", lambda f: _log(f).mean()),
        Mistake("hint.gloss.summed", lambda f: -_log(f).sum()),
        Mistake("hint.gloss.no_log", lambda f: -np.mean(f)),
        Mistake("hint.gloss.no_log", lambda f: np.mean(1 - np.asarray(f))),
        Mistake("hint.no_clip", lambda f: -np.log(np.asarray(f, "float64")).mean()),
        Mistake("hint.per_sample", lambda f: -_log(f).ravel()),
        Mistake("hint.gloss.log_of_mean", lambda f: -_log(np.mean(f))),
        Mistake("hint.clip_after_log", lambda f: -_clipped_logs(f).mean()),
    ],
)

# --- mixed_batch(real_images, fake_images) -> (images, targets) -----------


def _pack_batch(value):
    """(images, targets) as rows [pixels..., target], sorted, so any row order passes.

    What is checked is that every image keeps the target it should have; the
    lesson stacks real then fake, but a shuffled batch is just as right.
    """
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise WrongForm("hint.batch.pair")
    images = part_array(value[0], "hint.batch.images_not_numbers")
    targets = part_array(value[1], "hint.batch.targets_not_numbers")
    if targets.ndim == 2 and targets.shape[1] == 1:
        targets = targets[:, 0]
    if images.ndim > 4:
        raise WrongForm("hint.batch.stacked")
    if images.ndim != 4:
        raise WrongForm("hint.batch.image_rank")
    if targets.ndim >= 1 and len(targets) != len(images):
        # Not the targets' fault alone: images joined along another axis keep N images.
        raise WrongForm("hint.batch.counts_differ")
    if targets.shape != (len(images),):
        raise WrongForm("hint.batch.one_target_each")
    rows = np.concatenate([images.reshape(len(images), -1), targets[:, None]], axis=1)
    return rows[np.lexsort(rows.T[::-1])]


def _batch_ref(real, fake):
    images, targets = ref.mixed_batch(real, fake)
    return ops.convert_to_numpy(images), ops.convert_to_numpy(targets)


def _batch_cases():
    rng = np.random.default_rng(33)
    u = lambda *s: rng.uniform(size=s).astype("float32")  # noqa: E731
    return [
        Case("case.batch.digits", (u(4, 28, 28, 1), u(4, 28, 28, 1))),
        Case("case.batch.one_each", (u(1, 6, 6, 1), u(1, 6, 6, 1))),
        Case("case.batch.colour", (u(3, 4, 8, 3), u(3, 4, 8, 3))),
        Case("case.batch.uneven", (u(5, 4, 4, 1), u(2, 4, 4, 1))),
    ]


def _ones(n):
    return np.ones((n, 1), "float32")


def _zeros(n):
    return np.zeros((n, 1), "float32")


MIXED_BATCH = Exercise(
    name="mixed_batch",
    signature="mixed_batch(real_images, fake_images)",
    reference=_batch_ref,
    make_cases=_batch_cases,
    pack=_pack_batch,
    describe_shape=packed_rows_shape("check.count.images", "check.count.image_size"),
    mistakes=[
        Mistake(
            "hint.batch.swapped",
            lambda r, f: (np.concatenate([r, f]), np.r_[_zeros(len(r)), _ones(len(f))]),
        ),
        Mistake(
            "hint.batch.order",
            lambda r, f: (np.concatenate([f, r]), np.r_[_ones(len(r)), _zeros(len(f))]),
        ),
        Mistake(
            "hint.batch.all_real",
            lambda r, f: (np.concatenate([r, f]), _ones(len(r) + len(f))),
        ),
        Mistake(
            "hint.batch.real_twice",
            lambda r, f: (np.concatenate([r, r]), np.r_[_ones(len(r)), _zeros(len(r))]),
        ),
        Mistake(
            "hint.batch.fake_only",
            lambda r, f: (np.concatenate([f, f]), np.r_[_ones(len(f)), _zeros(len(f))]),
        ),
    ],
)

EXERCISES = {ex.name: ex for ex in (DISCRIMINATOR_LOSS, GENERATOR_LOSS, MIXED_BATCH)}
