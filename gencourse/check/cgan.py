"""Checks for the exercises of lesson 04, ``04_cgan`` (conditional GAN).

The references are the library's own functions in :mod:`gencourse.models.cgan`
on plain arrays. The conditional loss takes probabilities D(x, y) in (0, 1),
built and clipped as in lesson 03's checks (:mod:`gencourse.check.gan`); each
exercise lists plausible wrong answers so the verdict can name the mistake.
"""

from __future__ import annotations

import numpy as np
from keras import ops

from gencourse.check.core import Case, Exercise, Mistake, integer_array
from gencourse.check.gan import _log, _probs
from gencourse.models import cgan as ref

LESSON = "04_cgan"

# --- condition_input(noise, labels, num_classes) -> (N, latent + classes) --


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


def _every_row_every_label(z, y, k):
    """``one_hot[:, labels] = 1``: every row gets a 1 at every label of the batch."""
    one_hot = np.zeros((len(z), k))
    one_hot[:, np.asarray(y).reshape(-1)] = 1.0
    return np.concatenate([z, one_hot], 1)


CONDITION_INPUT = Exercise(
    name="condition_input",
    signature="condition_input(noise, labels, num_classes)",
    reference=_condition_ref,
    make_cases=_condition_cases,
    error_hints=(
        (r"same number of dimensions", "hint.cond.column_labels"),
        (r"except for the concatenation axis", "hint.cond.axis"),
        (r"out of bounds", "hint.cond.eye_size"),
    ),
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
        Mistake(
            "hint.cond.shifted",
            lambda z, y, k: np.concatenate([z, _one_hot((np.asarray(y) - 1) % k, k)], 1),
        ),
        Mistake("hint.cond.fancy_index", _every_row_every_label),
    ],
)

# --- mismatched_labels(labels, offsets, num_classes) -> (N,) ---------------


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


def _pack_labels(value):
    """The wrong labels as a float64 array, refused unless they are integers, as labels are."""
    return integer_array(value, "hint.mis.integers")


MISMATCHED_LABELS = Exercise(
    name="mismatched_labels",
    signature="mismatched_labels(labels, offsets, num_classes)",
    reference=_mismatch_ref,
    make_cases=_mismatch_cases,
    pack=_pack_labels,
    mistakes=[
        Mistake("hint.mis.no_plus_one", lambda y, o, k: (y + o) % k),
        Mistake("hint.mis.no_mod", lambda y, o, k: y + 1 + o),
        Mistake("hint.mis.ignores_offsets", lambda y, o, k: (y + 1) % k),
        Mistake("hint.mis.offsets_only", lambda y, o, k: o),
        Mistake("hint.mis.offsets_only", lambda y, o, k: (o + 1) % k),
        Mistake("hint.mis.minus", lambda y, o, k: (y - 1 - o) % k),
        Mistake("hint.mis.mod_k", lambda y, o, k: (y + 1 + o) % (k - 1)),
        Mistake("hint.mis.no_mod", lambda y, o, k: (y + 1) % k + o),
        Mistake("hint.mis.multiplied", lambda y, o, k: (y * (1 + o)) % k),
        Mistake("hint.mis.floor_division", lambda y, o, k: (y + 1 + o) // k),
    ],
)

# --- conditional_discriminator_loss(d_real, d_mismatched, d_fake) -> scalar --


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


def _two_gan_losses(r, w, f):
    """Lesson 03's loss twice: on (real, fake) and on (real, mismatched), added."""
    real, wrong, fake = _sum3(r, w, f)
    return -np.concatenate([real, fake]).mean() - np.concatenate([real, wrong]).mean()


def _halves(r, w, f):
    """Half for the real pairs, half for the 2N pairs that are fake: weighted groups, not one mean."""
    real, wrong, fake = _sum3(r, w, f)
    return -0.5 * real.mean() - 0.5 * np.concatenate([wrong, fake]).mean()


CONDITIONAL_DISCRIMINATOR_LOSS = Exercise(
    name="conditional_discriminator_loss",
    signature="conditional_discriminator_loss(d_real, d_mismatched, d_fake)",
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
        Mistake("hint.closs.two_losses", _two_gan_losses),
        Mistake("hint.closs.weighted", _halves),
        Mistake(
            "hint.closs.fake_real",
            lambda r, w, f: (
                -np.concatenate(
                    [_log(r).ravel(), _log(1 - np.asarray(w)).ravel(), _log(f).ravel()]
                ).mean()
            ),
        ),
    ],
)

EXERCISES = {
    ex.name: ex for ex in (CONDITION_INPUT, MISMATCHED_LABELS, CONDITIONAL_DISCRIMINATOR_LOSS)
}
