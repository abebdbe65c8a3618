"""Checks for the exercises of lesson 06, ``06_semi`` (semi-supervised learning).

The references are the library's own functions in :mod:`gencourse.models.ssgan`
(the semi-supervised GAN's unsupervised discriminator loss and the generator's
feature matching loss) and :mod:`gencourse.models.pseudo` (the pseudo-labelling
control), on plain arrays; they live in ``gencourse.models`` so that the
grading copy never holds them.

The discriminator loss takes K class logits, as the discriminator gives them,
with ``D(x) = Z(x) / (Z(x) + 1)`` and ``Z(x) = sum_k exp(l_k)``. Its cases
include logits in the hundreds, of either sign, where ``exp`` overflows or
``D`` rounds to exactly 0 or 1: only log-sum-exp and softplus keep the loss
finite there. The pseudo-labels are judged in order (most confident first,
ties by lower index), with a probability exactly at the threshold (kept) and
per-class limits that keep the most confident of each class.

``isolating_pair`` is a choice: which two arms of the experiment
(:data:`gencourse.augment.sets.SEMI_ARMS`) have a paired difference that
measures what the GAN part adds. The answer is the ablation the conclusions
read (:data:`gencourse.semi.verdicts.ABLATION`), in either order; every other
pair is a known mistake with its own hint, made from what the two arms differ
in (:func:`_pair_hint`), and a name that is no arm is told the arms' names.
"""

from __future__ import annotations

import itertools

import numpy as np
from keras import ops
from scipy.special import logsumexp, softmax

from gencourse.augment.sets import SEMI_ARMS, SSGAN_ARMS
from gencourse.check.core import (
    Case,
    Exercise,
    Mistake,
    WrongForm,
    integer_array,
    packed_rows_shape,
    part_array,
)
from gencourse.models import pseudo as pseudo_ref
from gencourse.models import ssgan as ref
from gencourse.semi.verdicts import ABLATION

LESSON = "06_semi"

# --- unsupervised_discriminator_loss(real_logits, fake_logits) -> scalar -----------------


def _uloss_ref(real_logits, fake_logits):
    return ops.convert_to_numpy(ref.unsupervised_discriminator_loss(real_logits, fake_logits))


def _logits(rng, n, k, centre=0.0, spread=2.0):
    """``n`` rows of ``k`` class logits, float32 as a network gives them."""
    return rng.normal(centre, spread, size=(n, k)).astype("float32")


def _uloss_cases():
    rng = np.random.default_rng(71)
    big = {"hint": "hint.uloss.huge"}
    # One batch of rows in very different ranges: one maximum for the whole batch
    # (instead of each row's own) turns the rows near -600 into log(0).
    mixed = np.concatenate(
        [_logits(rng, 1, 10, 600.0, 50.0), _logits(rng, 2, 10, -600.0, 50.0), _logits(rng, 2, 10)]
    )
    return [
        Case("case.uloss.random", (_logits(rng, 8, 10), _logits(rng, 8, 10))),
        Case("case.uloss.uneven", (_logits(rng, 6, 10), _logits(rng, 3, 10))),
        Case("case.uloss.one_each", (_logits(rng, 1, 10), _logits(rng, 1, 10))),
        Case("case.uloss.two_classes", (_logits(rng, 5, 2, 1.0), _logits(rng, 7, 2, -1.0))),
        Case("case.uloss.one_class", (_logits(rng, 4, 1, 1.0), _logits(rng, 4, 1, -1.0))),
        Case("case.uloss.confident", (_logits(rng, 6, 10, 4.0), _logits(rng, 6, 10, -6.0))),
        # Logits in the hundreds: exp overflows (or gives 0), D is exactly 1 (or 0).
        Case(
            "case.uloss.huge_right",
            (_logits(rng, 5, 10, 800.0, 100.0), _logits(rng, 4, 10, -800.0, 100.0)),
            **big,
        ),
        Case(
            "case.uloss.huge_wrong",
            (_logits(rng, 4, 10, -300.0, 60.0), _logits(rng, 6, 10, 300.0, 60.0)),
            **big,
        ),
        Case("case.uloss.mixed_ranges", (mixed, mixed[::-1].copy()), **big),
    ]


def _log_d(logits, s=None):
    """``(log D, log(1 - D))`` per row from ``s`` (default: each row's log-sum-exp), in float64."""
    s = logsumexp(np.asarray(logits, "float64"), axis=-1) if s is None else s
    return s - np.logaddexp(0.0, s), -np.logaddexp(0.0, s)


def _uloss_from(s_real, s_fake):
    """The loss with ``s`` given per row: 0.5 * (-mean log D(real) - mean log(1 - D(fake)))."""
    return 0.5 * (-np.mean(_log_d(None, s_real)[0]) - np.mean(_log_d(None, s_fake)[1]))


def _naive_uloss(r, f):
    """exp, sum, divide, log, in the inputs' own precision: overflows for large logits."""
    z_real, z_fake = np.sum(np.exp(r), axis=-1), np.sum(np.exp(f), axis=-1)
    d_real, d_fake = z_real / (z_real + 1), z_fake / (z_fake + 1)
    return 0.5 * (-np.mean(np.log(d_real)) - np.mean(np.log(1 - d_fake)))


def _clipped_d(logits):
    s = logsumexp(np.asarray(logits, "float64"), axis=-1)
    return np.clip(1 / (1 + np.exp(-s)), 1e-7, 1 - 1e-7)


def _clipped_uloss(r, f, dtype="float64"):
    """D = sigmoid(log-sum-exp), clipped to [1e-7, 1 - 1e-7] before the log, as in lesson 03.

    In float32, 1 - 1e-7 rounds to 0.99999988: the clipped D differs from float64's.
    """
    d_real, d_fake = _clipped_d(r).astype(dtype), _clipped_d(f).astype(dtype)
    d_real = np.clip(d_real, np.asarray(1e-7, dtype), np.asarray(1 - 1e-7, dtype))
    d_fake = np.clip(d_fake, np.asarray(1e-7, dtype), np.asarray(1 - 1e-7, dtype))
    return 0.5 * (-np.mean(np.log(d_real)) - np.mean(np.log(1 - d_fake)))


def _z_clipped_uloss(r, f):
    """D = Z / (Z + 1) from exp of logits clipped to +-80, in float32, then D clipped: finite, wrong."""

    def d_of(logits):
        z = np.exp(np.clip(np.asarray(logits, "float64"), -80, 80)).sum(axis=1).astype("float32")
        return np.clip(z / (z + 1), np.float32(1e-7), np.float32(1 - 1e-7))

    return 0.5 * (-np.mean(np.log(d_of(r))) - np.mean(np.log(1 - d_of(f))))


def _top_softmax_uloss(r, f, dtype="float64"):
    """D taken as the largest class probability, softmax(l).max() (1 - D loses digits in float32)."""
    d_real = softmax(np.asarray(r, dtype), axis=-1).max(axis=-1)
    d_fake = softmax(np.asarray(f, dtype), axis=-1).max(axis=-1)
    return 0.5 * (-np.mean(np.log(d_real)) - np.mean(np.log(1 - d_fake)))


def _pooled_uloss(r, f):
    """One mean over all N + M terms (lesson 03's form): the halves weigh N and M, not 1/2 each."""
    terms = np.concatenate([_log_d(r)[0], _log_d(f)[1]])
    return -np.mean(terms)


UNSUPERVISED_DISCRIMINATOR_LOSS = Exercise(
    name="unsupervised_discriminator_loss",
    signature="unsupervised_discriminator_loss(real_logits, fake_logits)",
    reference=_uloss_ref,
    make_cases=_uloss_cases,
    # Listed first: where exp overflows, the verdict on NaN or infinity names the
    # first mistake that breaks down there too.
    mistakes=[
        Mistake("hint.uloss.unstable", _naive_uloss),
        Mistake("hint.uloss.max_logit", lambda r, f: _uloss_from(np.max(r, -1), np.max(f, -1))),
        Mistake("hint.uloss.sum_logits", lambda r, f: _uloss_from(np.sum(r, -1), np.sum(f, -1))),
        Mistake("hint.uloss.top_class", _top_softmax_uloss),
        Mistake("hint.uloss.top_class", lambda r, f: _top_softmax_uloss(r, f, "float32")),
        Mistake("hint.uloss.swapped", lambda r, f: _uloss_ref(f, r)),
        Mistake(
            "hint.uloss.fake_as_real",
            lambda r, f: 0.5 * (-np.mean(_log_d(r)[0]) - np.mean(_log_d(f)[0])),
        ),
        Mistake("hint.sign", lambda r, f: -_uloss_ref(r, f)),
        Mistake("hint.uloss.no_half", lambda r, f: -np.mean(_log_d(r)[0]) - np.mean(_log_d(f)[1])),
        Mistake("hint.uloss.pooled", _pooled_uloss),
        Mistake(
            "hint.uloss.summed",
            lambda r, f: 0.5 * (-np.sum(_log_d(r)[0]) - np.sum(_log_d(f)[1])),
        ),
        Mistake("hint.uloss.only_real", lambda r, f: -0.5 * np.mean(_log_d(r)[0])),
        Mistake("hint.uloss.only_real", lambda r, f: -np.mean(_log_d(r)[0])),
        Mistake("hint.uloss.only_fake", lambda r, f: -0.5 * np.mean(_log_d(f)[1])),
        Mistake("hint.uloss.only_fake", lambda r, f: -np.mean(_log_d(f)[1])),
        Mistake("hint.uloss.clipped", _clipped_uloss),
        Mistake("hint.uloss.clipped", lambda r, f: _clipped_uloss(r, f, "float32")),
        Mistake("hint.uloss.clipped", _z_clipped_uloss),
        Mistake(
            "hint.uloss.fake_sign",
            lambda r, f: 0.5 * (-np.mean(_log_d(r)[0]) + np.mean(_log_d(f)[1])),
        ),
        Mistake("hint.uloss.pooled", lambda r, f: 0.5 * _pooled_uloss(r, f)),
        Mistake(
            "hint.uloss.axis",
            lambda r, f: _uloss_from(
                logsumexp(np.asarray(r, "float64"), axis=0),
                logsumexp(np.asarray(f, "float64"), axis=0),
            ),
        ),
        Mistake(
            "hint.uloss.mean_logit",
            lambda r, f: _uloss_from(
                np.mean(r, -1).astype("float64"), np.mean(f, -1).astype("float64")
            ),
        ),
        Mistake(
            "hint.per_sample",
            lambda r, f: -0.5 * np.concatenate([_log_d(r)[0], _log_d(f)[1]]),
        ),
    ],
)

# --- feature_matching_loss(real_features, fake_features) -> scalar -----------------------


def _fm_ref(real_features, fake_features):
    return ops.convert_to_numpy(ref.feature_matching_loss(real_features, fake_features))


def _fm_cases():
    rng = np.random.default_rng(72)

    def features(n, f, centre=0.0, spread=1.0):
        return rng.normal(centre, spread, size=(n, f)).astype("float32")

    same = features(6, 4)
    # The fake features move every real one by its own offset: the means differ by it.
    shifted = (same + rng.normal(0.0, 0.5, size=(1, 4))).astype("float32")
    # Per-feature means that already agree, while each generated sample differs from the
    # real one beside it: only the batch means count.
    real_pairs = features(4, 3)
    fake_pairs = real_pairs[::-1].copy()
    return [
        # Equal batch sizes first: a per-pair difference can only be computed there.
        Case("case.fm.random", (features(8, 6), features(8, 6, 0.3))),
        Case("case.fm.many_features", (features(16, 32, 0.5, 2.0), features(16, 32))),
        Case("case.fm.same_means", (real_pairs, fake_pairs)),
        Case("case.fm.shifted", (same, shifted)),
        Case("case.fm.identical", (same, same.copy())),
        Case("case.fm.one_feature", (features(5, 1), features(5, 1, 1.0))),
        Case("case.fm.uneven", (features(10, 5), features(4, 5, -0.5))),
        Case("case.fm.one_fake", (features(7, 8, 1.0), features(1, 8))),
    ]


def _gap(r, f):
    return np.mean(np.asarray(r, "float64"), axis=0) - np.mean(np.asarray(f, "float64"), axis=0)


FEATURE_MATCHING_LOSS = Exercise(
    name="feature_matching_loss",
    signature="feature_matching_loss(real_features, fake_features)",
    reference=_fm_ref,
    make_cases=_fm_cases,
    mistakes=[
        Mistake(
            "hint.fm.pairs",
            lambda r, f: np.mean((np.asarray(r, "float64") - np.asarray(f, "float64")) ** 2),
        ),
        Mistake("hint.fm.feature_sum", lambda r, f: np.sum(_gap(r, f) ** 2)),
        Mistake("hint.fm.norm", lambda r, f: np.sqrt(np.sum(_gap(r, f) ** 2))),
        Mistake("hint.fm.norm", lambda r, f: np.sqrt(np.mean(_gap(r, f) ** 2))),
        Mistake("hint.fm.absolute", lambda r, f: np.mean(np.abs(_gap(r, f)))),
        Mistake("hint.fm.not_squared", lambda r, f: np.mean(_gap(r, f))),
        Mistake("hint.fm.not_squared", lambda r, f: np.abs(np.mean(_gap(r, f)))),
        Mistake("hint.fm.all_mean", lambda r, f: np.mean(_gap(r, f)) ** 2),
        Mistake(
            "hint.fm.feature_axis",
            lambda r, f: np.mean((np.mean(r, axis=1) - np.mean(f, axis=1)) ** 2),
        ),
        Mistake("hint.fm.per_feature", lambda r, f: _gap(r, f) ** 2),
        Mistake("hint.fm.squares_first", lambda r, f: np.mean(_gap(np.square(r), np.square(f)))),
        Mistake(
            "hint.fm.squares_first",
            lambda r, f: np.mean(
                np.mean(r, axis=0).astype("float64") ** 2
                - np.mean(f, axis=0).astype("float64") ** 2
            ),
        ),
    ],
)

# --- confident_pseudo_labels(probabilities, threshold=0.95, per_class=None) ---------------


def _pack_pseudo(value):
    """(indices, labels) as rows [index, label], in the order returned: the order is judged.

    Both must be 1-D integer arrays of one length; confidences returned where the
    labels belong are named as such.
    """
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise WrongForm("hint.pseudo.pair")
    part_array(value[0], "hint.pseudo.indices_not_numbers")
    labels = part_array(value[1], "hint.pseudo.labels_not_numbers")
    if labels.size and np.any((labels > 0) & (labels < 1)):
        raise WrongForm("hint.pseudo.confidences")
    indices = integer_array(value[0], "hint.pseudo.integers")
    labels = integer_array(value[1], "hint.pseudo.integers")
    if indices.ndim != 1 or labels.ndim != 1:
        raise WrongForm("hint.pseudo.flat")
    if len(indices) != len(labels):
        raise WrongForm("hint.pseudo.one_label_each")
    return np.stack([indices, labels], axis=1)


def _rows(rng, n, k, sharpness):
    """``n`` float32 softmax rows of ``k`` classes; a larger ``sharpness`` gives surer rows."""
    p = softmax(rng.normal(0.0, sharpness, size=(n, k)), axis=1).astype("float32")
    return p / p.sum(axis=1, keepdims=True)


def _pseudo_cases():
    rng = np.random.default_rng(73)
    # Probabilities exactly at the threshold (0.75, 0.875 and 0.5 are exact in binary).
    at = np.array(
        [
            [0.5, 0.5, 0.0],
            [0.125, 0.875, 0.0],
            [0.75, 0.25, 0.0],
            [0.2, 0.05, 0.75],
            [0.7, 0.1, 0.2],
        ],
        "float32",
    )
    # Equal confidences in different rows: the lower index comes first.
    ties = np.array(
        [[0.125, 0.875], [0.9375, 0.0625], [0.875, 0.125], [0.5, 0.5], [0.0625, 0.9375]],
        "float32",
    )
    # Many sure rows of each class, the surest not the first: a limit per class must keep
    # each class's most confident rows.
    many = _rows(rng, 30, 3, 4.0)
    many[0] = [0.85, 0.1, 0.05]
    many[1] = [0.05, 0.88, 0.07]
    return [
        Case("case.pseudo.random", (_rows(rng, 12, 4, 3.0),), {"threshold": 0.8}),
        Case("case.pseudo.default", (_rows(rng, 20, 10, 5.0),)),
        Case("case.pseudo.ties", (ties,), {"threshold": 0.8}, hint="hint.pseudo.ties"),
        Case("case.pseudo.at_threshold", (at,), {"threshold": 0.75}, hint="hint.pseudo.inclusive"),
        Case("case.pseudo.per_class", (many,), {"threshold": 0.8, "per_class": 3}),
        Case("case.pseudo.one_per_class", (many,), {"threshold": 0.6, "per_class": 1}),
        Case("case.pseudo.none", (_rows(rng, 6, 5, 0.5),), {"threshold": 0.99}),
        Case("case.pseudo.all", (_rows(rng, 7, 3, 1.0),), {"threshold": 0.3}),
        Case("case.pseudo.one_row", (np.array([[0.03, 0.96, 0.01]], "float32"),)),
    ]


def _pseudo_ref(probabilities, threshold=0.95, per_class=None):
    return pseudo_ref.confident_pseudo_labels(probabilities, threshold, per_class)


def _select(p, threshold, per_class, order, keep=None):
    """The rows of ``order`` at or above ``threshold`` (or where ``keep`` says), per class limited.

    ``order`` is a permutation of the rows; the per-class limit keeps each class's
    first ``per_class`` rows in that order.
    """
    p = np.asarray(p, "float64")
    confidence, labels = p.max(axis=1), p.argmax(axis=1)
    kept = keep(confidence) if keep is not None else confidence >= threshold
    order = np.asarray([i for i in order if kept[i]], dtype=int)
    if per_class is not None:
        counts: dict[int, int] = {}
        chosen = []
        for i in order:
            c = int(labels[i])
            if counts.get(c, 0) < per_class:
                chosen.append(i)
                counts[c] = counts.get(c, 0) + 1
        order = np.asarray(chosen, dtype=int)
    return order, labels[order]


def _surest_first(p):
    confidence = np.asarray(p, "float64").max(axis=1)
    return np.lexsort((np.arange(len(confidence)), -confidence))


def _strict(p, threshold=0.95, per_class=None):
    return _select(p, threshold, per_class, _surest_first(p), keep=lambda c: c > threshold)


def _index_order(p, threshold=0.95, per_class=None):
    indices, labels = _pseudo_ref(p, threshold, per_class)
    order = np.argsort(indices, kind="stable")
    return indices[order], labels[order]


def _first_by_index(p, threshold=0.95, per_class=None):
    """Each class's first rows by index, then put in order of confidence."""
    indices, _ = _select(p, threshold, per_class, np.arange(len(p)))
    confidence = np.asarray(p, "float64").max(axis=1)[indices]
    order = indices[np.lexsort((indices, -confidence))]
    return order, np.asarray(p).argmax(axis=1)[order]


def _least_first(p, threshold=0.95, per_class=None):
    confidence = np.asarray(p, "float64").max(axis=1)
    return _select(p, threshold, per_class, np.lexsort((np.arange(len(p)), confidence)))


def _ties_reversed(p, threshold=0.95, per_class=None):
    """``np.argsort(confidence)[::-1]``: equal confidences come higher index first."""
    confidence = np.asarray(p, "float64").max(axis=1)
    return _select(p, threshold, per_class, np.argsort(confidence, kind="stable")[::-1])


def _labels_in_index_order(p, threshold=0.95, per_class=None):
    indices, _ = _pseudo_ref(p, threshold, per_class)
    return indices, np.asarray(p).argmax(axis=1)[np.sort(indices)]


def _by_label(p, threshold=0.95, per_class=None):
    """Sorted by label first, the most confident first within each label."""
    p = np.asarray(p, "float64")
    confidence, labels = p.max(axis=1), p.argmax(axis=1)
    return _select(p, threshold, per_class, np.lexsort((np.arange(len(p)), -confidence, labels)))


CONFIDENT_PSEUDO_LABELS = Exercise(
    name="confident_pseudo_labels",
    signature="confident_pseudo_labels(probabilities, threshold=0.95, per_class=None)",
    reference=_pseudo_ref,
    make_cases=_pseudo_cases,
    pack=_pack_pseudo,
    describe_shape=packed_rows_shape("check.count.images"),
    mistakes=[
        Mistake("hint.pseudo.inclusive", _strict),
        Mistake("hint.pseudo.index_order", _index_order),
        # Never sorted: the rows in index order, each class's first ones kept.
        Mistake(
            "hint.pseudo.index_order",
            lambda p, threshold=0.95, per_class=None: _select(
                p, threshold, per_class, np.arange(len(p))
            ),
        ),
        Mistake("hint.pseudo.ascending", _least_first),
        Mistake("hint.pseudo.ties", _ties_reversed),
        Mistake(
            "hint.pseudo.no_threshold",
            lambda p, threshold=0.95, per_class=None: _select(
                p, threshold, per_class, _surest_first(p), keep=lambda c: c >= 0
            ),
        ),
        Mistake(
            "hint.pseudo.per_class_ignored",
            lambda p, threshold=0.95, per_class=None: _pseudo_ref(p, threshold),
        ),
        Mistake("hint.pseudo.per_class_first", _first_by_index),
        Mistake(
            "hint.pseudo.per_class_total",
            lambda p, threshold=0.95, per_class=None: tuple(
                a[:per_class] for a in _pseudo_ref(p, threshold)
            ),
        ),
        Mistake(
            "hint.pseudo.swapped",
            lambda p, threshold=0.95, per_class=None: _pseudo_ref(p, threshold, per_class)[::-1],
        ),
        Mistake("hint.pseudo.pairing", _labels_in_index_order),
        Mistake("hint.pseudo.by_label", _by_label),
    ],
)

# --- isolating_pair() -> two arm names ---------------------------------------------------


def _pack_pair(value):
    """Two arm names as their sorted positions in ``SEMI_ARMS``, so either order passes.

    Raises:
        WrongForm: for one name, anything but a tuple or list of two texts, a
            name that is no arm (the message lists the arms), or one arm twice.
    """
    if isinstance(value, str):
        raise WrongForm("hint.pair.single")
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise WrongForm("hint.pair.two_names")
    if not all(isinstance(name, str) for name in value):
        raise WrongForm("hint.pair.two_names")
    if any(name not in SEMI_ARMS for name in value):
        raise WrongForm("hint.pair.unknown", {"arms": ", ".join(SEMI_ARMS)})
    if value[0] == value[1]:
        raise WrongForm("hint.pair.same")
    return np.array(sorted(SEMI_ARMS.index(name) for name in value), dtype="float64")


def _pair_hint(pair) -> str:
    """What a wrong pair's difference would measure instead, as a hint key."""
    arms = set(pair)
    if arms == {"ssgan", "ssgan_classic"}:
        return "hint.pair.copies"
    if arms == {"ssgan", "ssgan_supervised"}:
        return "hint.pair.two_changes"
    if not arms & set(SSGAN_ARMS):
        return "hint.pair.no_gan"
    if "pseudo" in arms:
        return "hint.pair.pseudo"
    if "m1" in arms:
        return "hint.pair.m1"
    if "real_classic" in arms:
        return "hint.pair.real_classic"
    return "hint.pair.real"


def _answer(pair):
    return lambda: pair


ISOLATING_PAIR = Exercise(
    name="isolating_pair",
    signature="isolating_pair()",
    reference=_answer(ABLATION),
    make_cases=lambda: [Case("case.pair.choice", ())],
    pack=_pack_pair,
    wrong_value="check.wrong_choice",
    mistakes=[
        Mistake(_pair_hint(pair), _answer(pair))
        for pair in itertools.combinations(SEMI_ARMS, 2)
        if set(pair) != set(ABLATION)
    ],
)

# In the order the notebook asks for them.
EXERCISES = {
    ex.name: ex
    for ex in (
        UNSUPERVISED_DISCRIMINATOR_LOSS,
        FEATURE_MATCHING_LOSS,
        CONFIDENT_PSEUDO_LABELS,
        ISOLATING_PAIR,
    )
}
