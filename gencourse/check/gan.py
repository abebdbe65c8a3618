"""Checks for the exercises of lessons 03 (GAN) and 04 (conditional GAN).

The references are the library's own functions in :mod:`gencourse.models.gan`
on plain arrays. The loss exercises take probabilities D(x) in (0, 1), as the
lessons write them; each exercise lists plausible wrong answers so the verdict
can name the mistake.
"""

from __future__ import annotations

import numpy as np
from keras import ops

from gencourse.check.core import Case, Exercise, Mistake, WrongForm, to_plain_array
from gencourse.models import gan as ref

_EPS = 1e-7


def _log(p):
    return np.log(np.clip(np.asarray(p, "float64"), _EPS, 1 - _EPS))


def _probs(rng, n, low=0.02, high=0.98, column=True):
    return rng.uniform(low, high, size=(n, 1) if column else (n,)).astype("float32")


# --- lesson 03: discriminator_loss(d_real, d_fake) -> scalar ------------------------


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


def _d_sum_of_means(r, f):
    return -_log(r).mean() - _log(1 - np.asarray(f)).mean()


DISCRIMINATOR_LOSS = Exercise(
    name="discriminator_loss",
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
    ],
)

# --- lesson 03: generator_loss(d_fake) -> scalar ----------------------------------


def _g_loss_ref(d_fake):
    return ops.convert_to_numpy(ref.generator_loss(d_fake, from_logits=False))


GENERATOR_LOSS = Exercise(
    name="generator_loss",
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
    ],
)

# --- lesson 03: mixed_batch(real_images, fake_images) -> (images, targets) -----------


def _pack_batch(value):
    """(images, targets) as rows [pixels..., target], sorted, so any row order passes.

    What is checked is that every image keeps the target it should have; the
    lesson stacks real then fake, but a shuffled batch is just as right.
    """
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise WrongForm("hint.batch.pair")
    images, targets = to_plain_array(value[0]), to_plain_array(value[1])
    if targets.ndim == 2 and targets.shape[1] == 1:
        targets = targets[:, 0]
    if images.ndim != 4:
        raise WrongForm("hint.batch.image_rank")
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
    reference=_batch_ref,
    make_cases=_batch_cases,
    pack=_pack_batch,
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

# --- lesson 04: condition_input(noise, labels, num_classes) -> (N, latent + classes) --


def _condition_ref(noise, labels, num_classes):
    return ops.convert_to_numpy(ref.condition_input(noise, labels, num_classes))


def _condition_cases():
    rng = np.random.default_rng(41)

    def case(label, n, latent, k, column=False):
        labels = rng.integers(0, k, size=(n, 1) if column else (n,))
        return Case(label, (rng.normal(size=(n, latent)).astype("float32"), labels, k))

    return [
        case("case.cond.digits", 6, 8, 10),
        case("case.cond.three_classes", 5, 4, 3),
        case("case.cond.one", 1, 16, 10),
        case("case.cond.column_labels", 4, 2, 5, column=True),
        Case(
            "case.cond.every_class",
            (np.zeros((7, 3), "float32"), np.arange(7), 7),
        ),
    ]


def _one_hot(labels, k):
    return np.eye(k)[np.asarray(labels).reshape(-1)]


CONDITION_INPUT = Exercise(
    name="condition_input",
    reference=_condition_ref,
    make_cases=_condition_cases,
    mistakes=[
        Mistake(
            "hint.cond.raw_label",
            lambda z, y, k: np.concatenate([z, np.asarray(y, "float32").reshape(-1, 1)], 1),
        ),
        Mistake("hint.cond.order", lambda z, y, k: np.concatenate([_one_hot(y, k), z], 1)),
        Mistake(
            "hint.cond.fixed_ten",
            lambda z, y, k: np.concatenate([z, _one_hot(y, 10)], 1),
        ),
        Mistake("hint.cond.no_noise", lambda z, y, k: _one_hot(y, k)),
        Mistake(
            "hint.cond.added",
            lambda z, y, k: z + np.asarray(y, "float32").reshape(-1, 1),
        ),
        Mistake(
            "hint.cond.shifted",
            lambda z, y, k: np.concatenate([z, _one_hot((np.asarray(y) + 1) % k, k)], 1),
        ),
    ],
)

# --- lesson 04: mismatched_labels(labels, offsets, num_classes) -> (N,) ---------------


def _mismatch_ref(labels, offsets, num_classes):
    return ops.convert_to_numpy(ref.mismatched_labels(labels, offsets, num_classes))


def _mismatch_cases():
    rng = np.random.default_rng(42)

    def case(label, n, k):
        labels = rng.integers(0, k, size=n)
        offsets = rng.integers(0, k - 1, size=n)
        return Case(label, (labels, offsets, k))

    top = np.array([9, 9, 8, 0])
    return [
        case("case.mis.digits", 12, 10),
        case("case.mis.three_classes", 9, 3),
        case("case.mis.two_classes", 4, 2),
        Case("case.mis.wraps", (top, np.array([0, 8, 1, 8]), 10)),
        Case("case.mis.zero_offsets", (np.arange(5), np.zeros(5, "int64"), 5)),
    ]


MISMATCHED_LABELS = Exercise(
    name="mismatched_labels",
    reference=_mismatch_ref,
    make_cases=_mismatch_cases,
    mistakes=[
        Mistake("hint.mis.no_plus_one", lambda y, o, k: (y + o) % k),
        Mistake("hint.mis.no_mod", lambda y, o, k: y + 1 + o),
        Mistake("hint.mis.ignores_offsets", lambda y, o, k: (y + 1) % k),
        Mistake("hint.mis.offsets_only", lambda y, o, k: o),
        Mistake("hint.mis.offsets_only", lambda y, o, k: (o + 1) % k),
        Mistake("hint.mis.minus", lambda y, o, k: (y - 1 - o) % k),
    ],
)

# --- lesson 04: conditional_discriminator_loss(d_real, d_mismatched, d_fake) -> scalar --


def _cond_loss_ref(d_real, d_mismatched, d_fake):
    loss = ref.conditional_discriminator_loss(d_real, d_mismatched, d_fake, from_logits=False)
    return ops.convert_to_numpy(loss)


def _three_sets():
    rng = np.random.default_rng(43)
    cases = []
    for label, n in (("case.gan.random", 6), ("case.gan.one_each", 1)):
        cases.append(Case(label, (_probs(rng, n), _probs(rng, n), _probs(rng, n))))
    cases.append(
        Case(
            "case.cgan.fooled_by_labels",
            (_probs(rng, 5, 0.8, 0.99), _probs(rng, 5, 0.7, 0.95), _probs(rng, 5, 0.01, 0.2)),
        )
    )
    cases.append(
        Case(
            "case.gan.flat",
            tuple(_probs(rng, 4, column=False) for _ in range(3)),
        )
    )
    sat = np.array([[1.0], [0.0]], "float32")
    cases.append(Case("case.gan.saturated", (sat, 1 - sat, 1 - sat), rtol=2e-2))
    return cases


def _sum3(r, w, f, target_w=0.0):
    w_term = _log(w) if target_w else _log(1 - np.asarray(w))
    parts = [_log(r).ravel(), w_term.ravel(), _log(1 - np.asarray(f)).ravel()]
    return parts


CONDITIONAL_DISCRIMINATOR_LOSS = Exercise(
    name="conditional_discriminator_loss",
    reference=_cond_loss_ref,
    make_cases=_three_sets,
    mistakes=[
        Mistake(
            "hint.closs.mismatched_real",
            lambda r, w, f: -np.concatenate(_sum3(r, w, f, target_w=1.0)).mean(),
        ),
        Mistake(
            "hint.closs.no_mismatched",
            lambda r, w, f: -np.concatenate([_log(r).ravel(), _log(1 - f).ravel()]).mean(),
        ),
        Mistake(
            "hint.closs.swapped",
            lambda r, w, f: (
                -np.concatenate([_log(1 - r).ravel(), _log(w).ravel(), _log(f).ravel()]).mean()
            ),
        ),
        Mistake(
            "hint.closs.sum_of_means",
            lambda r, w, f: -sum(p.mean() for p in _sum3(r, w, f)),
        ),
        Mistake("hint.closs.summed", lambda r, w, f: -np.concatenate(_sum3(r, w, f)).sum()),
        Mistake("hint.closs.sign", lambda r, w, f: np.concatenate(_sum3(r, w, f)).mean()),
        Mistake(
            "hint.no_clip",
            lambda r, w, f: (
                -np.mean(
                    np.concatenate(
                        [
                            np.log(np.asarray(r, "float64")).ravel(),
                            np.log(1 - np.asarray(w, "float64")).ravel(),
                            np.log(1 - np.asarray(f, "float64")).ravel(),
                        ]
                    )
                )
            ),
        ),
    ],
)

EXERCISES = {
    ex.name: ex
    for ex in (
        DISCRIMINATOR_LOSS,
        GENERATOR_LOSS,
        MIXED_BATCH,
        CONDITION_INPUT,
        MISMATCHED_LABELS,
        CONDITIONAL_DISCRIMINATOR_LOSS,
    )
}

