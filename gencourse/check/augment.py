"""Checks for the exercises of lesson 05, ``05_augment`` (augmenting a scarce data set).

The references are the library's own functions in :mod:`gencourse.augment`.
Both answers are judged without regard to order: a training set is right when
every image carries its own label and the counts are right, whether or not it
was shuffled. The contracts the lesson states are enforced: labels are 1-D
(``balanced_labels``' are integers too), and the number of synthetic images
is ``round(ratio * N)`` with Python's ``round``, which takes a half to the
even neighbour (2.5 to 2, 3.5 to 4), with cases where ``ratio * N`` is not
whole and one where it is exactly 2.5. ``shift_with_fill``'s images hold
exact zeros inside, with a fill that is not 0: an answer that shifts in zeros
and then replaces every 0 by the fill is caught.

``paired_claim`` asks what per-seed paired differences allow one to claim,
by the rule the lesson's conclusions use (:func:`gencourse.augment.paired.paired_claim`):
an answer is one of the words ``"gain"``, ``"loss"``, ``"none"``, judged as -1, 0
or 1 (:func:`_pack_claim`). Its cases tell apart the tempting rules: a claim
from one seed, the population standard deviation (ddof=0), the standard error,
two standard deviations, the variance, the median, no spread at all, the sign
ignored or flipped, no "loss" ever or "none" always, and ``>=`` at a mean exactly
one standard deviation.
"""

from __future__ import annotations

import math

import numpy as np

from gencourse import augment as ref
from gencourse.augment.paired import paired_claim
from gencourse.check.core import (
    Case,
    Exercise,
    Mistake,
    WrongForm,
    integer_array,
    packed_rows_shape,
    part_array,
)

LESSON = "05_augment"

# --- augmented_training_set(real_images, real_labels, synthetic_images,
#                           synthetic_labels, ratio) -> (images, labels) ----------------


def _pack_set(value):
    """(images, labels) as rows [pixels..., label], sorted, so any row order passes.

    The labels must be 1-D, as the lesson asks: an (N, 1) column is refused.
    """
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise WrongForm("hint.aug.pair")
    images = part_array(value[0], "hint.aug.images_not_numbers")
    labels = part_array(value[1], "hint.aug.labels_not_numbers")
    if labels.ndim == 2 and labels.shape == (len(images), 1):
        raise WrongForm("hint.aug.labels_flat")
    if images.ndim > 4:
        raise WrongForm("hint.aug.stacked")
    if images.ndim != 4:
        raise WrongForm("hint.aug.image_rank")
    if labels.shape != (len(images),):
        raise WrongForm("hint.aug.one_label_each")
    rows = np.concatenate([images.reshape(len(images), -1), labels[:, None]], axis=1)
    return rows[np.lexsort(rows.T[::-1])]


def _set_cases():
    rng = np.random.default_rng(51)

    def case(label, n_real, n_synthetic, ratio, size=4, column=False, hint=None):
        real = rng.uniform(size=(n_real, size, size, 1)).astype("float32")
        synthetic = rng.uniform(size=(n_synthetic, size, size, 1)).astype("float32")
        real_labels = rng.integers(0, 10, n_real)
        synthetic_labels = rng.integers(0, 10, n_synthetic)
        if column:
            real_labels, synthetic_labels = real_labels[:, None], synthetic_labels[:, None]
        return Case(label, (real, real_labels, synthetic, synthetic_labels, ratio), hint=hint)

    return [
        case("case.aug.one_to_one", 6, 10, 1.0, size=28),
        case("case.aug.half", 8, 8, 0.5),
        case("case.aug.three", 3, 11, 3.0),
        case("case.aug.zero", 5, 6, 0.0),
        case("case.aug.column_labels", 4, 9, 2.0, column=True),
        case("case.aug.one_real", 1, 4, 4.0),
        # ratio * N not whole: 2.8 rounds up to 3 and 2.1 down to 2 (int() and ceil() each miss one).
        case("case.aug.round_up", 7, 6, 0.4, hint="hint.aug.round"),
        case("case.aug.round_down", 7, 5, 0.3, hint="hint.aug.round"),
        # Exactly 2.5: Python's round() gives 2 (a half goes to the even neighbour), not 3.
        case("case.aug.round_half", 5, 6, 0.5, hint="hint.aug.round_half"),
    ]


def _count(real, ratio):
    return round(ratio * len(real))


def _flat(labels):
    return np.reshape(labels, -1)


def _half_up(value):
    """Rounding as taught at school: a half goes up (2.5 to 3)."""
    return math.floor(value + 0.5)


def _explain_set(case, got, expected):
    """What is wrong with a training set of the right size: its pairs, its labels or its images.

    ``got`` and ``expected`` are the packed rows ``[pixels..., label]``.
    """
    images_same = np.array_equal(_sorted_rows(got[:, :-1]), _sorted_rows(expected[:, :-1]))
    labels_same = np.array_equal(np.sort(got[:, -1]), np.sort(expected[:, -1]))
    if images_same and labels_same:
        return "hint.aug.pairing"
    if images_same:
        return "hint.aug.labels_wrong"
    return "hint.aug.which_images"


def _sorted_rows(rows):
    return rows[np.lexsort(rows.T[::-1])] if rows.size else rows


def _first(x, y, sx, sy, k):
    """The real set plus the first ``k`` synthetic images, with their labels."""
    return np.concatenate([x, sx[:k]]), np.r_[_flat(y), _flat(sy)[:k]]


AUGMENTED_TRAINING_SET = Exercise(
    name="augmented_training_set",
    signature=(
        "augmented_training_set(real_images, real_labels, synthetic_images, synthetic_labels, ratio)"
    ),
    reference=ref.augmented_training_set,
    make_cases=_set_cases,
    pack=_pack_set,
    describe_shape=packed_rows_shape("check.count.images", "check.count.image_size"),
    explain=_explain_set,
    error_hints=((r"slice indices must be integers", "hint.aug.int_count"),),
    not_finite="check.not_finite.plain",
    mistakes=[
        Mistake(
            "hint.aug.whole_pool",
            lambda x, y, sx, sy, r: (np.concatenate([x, sx]), np.r_[_flat(y), _flat(sy)]),
        ),
        Mistake(
            "hint.aug.ratio_of_pool",
            lambda x, y, sx, sy, r: (
                np.concatenate([x, sx[: _count(sx, r)]]),
                np.r_[_flat(y), _flat(sy)[: _count(sx, r)]],
            ),
        ),
        Mistake(
            "hint.aug.synthetic_only",
            lambda x, y, sx, sy, r: (sx[: _count(x, r)], _flat(sy)[: _count(x, r)]),
        ),
        Mistake(
            "hint.aug.pairing",
            lambda x, y, sx, sy, r: (
                np.concatenate([x, sx[: _count(x, r)][::-1]]),
                np.r_[_flat(y), _flat(sy)[: _count(x, r)]],
            ),
        ),
        Mistake(
            "hint.aug.real_labels",
            lambda x, y, sx, sy, r: (
                np.concatenate([x, sx[: _count(x, r)]]),
                np.resize(_flat(y), len(x) + _count(x, r)),
            ),
        ),
        Mistake("hint.aug.round", lambda x, y, sx, sy, r: _first(x, y, sx, sy, int(r * len(x)))),
        Mistake(
            "hint.aug.round",
            lambda x, y, sx, sy, r: _first(x, y, sx, sy, math.ceil(r * len(x))),
        ),
        Mistake(
            "hint.aug.round_half",
            lambda x, y, sx, sy, r: _first(x, y, sx, sy, _half_up(r * len(x))),
        ),
        Mistake(
            "hint.aug.inverse_ratio",
            lambda x, y, sx, sy, r: (
                np.concatenate([x, sx[: round(len(x) / r)]]),
                np.r_[_flat(y), _flat(sy)[: round(len(x) / r)]],
            ),
        ),
    ],
)

# --- balanced_labels(per_class, num_classes) -> (per_class * num_classes,) ------------


def _pack_labels(value):
    """The labels as a sorted flat array, so any order passes.

    As the lesson asks, they must be a 1-D array of integers: an (N, 1) column
    or floats are refused.
    """
    labels = integer_array(value, "hint.bal.integers")
    if labels.ndim != 1:
        raise WrongForm("hint.bal.flat")
    return np.sort(labels)


def _label_cases():
    return [
        Case("case.bal.digits", (4, 10)),
        Case("case.bal.one_each", (1, 3)),
        Case("case.bal.two_classes", (5, 2)),
        Case("case.bal.more_classes", (3, 7)),
        Case("case.bal.none", (0, 4)),
    ]


BALANCED_LABELS = Exercise(
    name="balanced_labels",
    signature="balanced_labels(per_class, num_classes)",
    reference=ref.balanced_labels,
    make_cases=_label_cases,
    pack=_pack_labels,
    describe_shape=packed_rows_shape("check.count.labels"),
    # The right number of labels with the wrong values: some label is there too often.
    explain=lambda case, got, expected: "hint.bal.counts",
    not_finite="check.not_finite.plain",
    mistakes=[
        Mistake("hint.bal.total", lambda p, k: np.arange(p) % k),
        Mistake("hint.bal.swapped", lambda p, k: np.repeat(np.arange(p), k)),
        Mistake("hint.bal.from_one", lambda p, k: np.repeat(np.arange(1, k + 1), p)),
        Mistake("hint.bal.fixed_ten", lambda p, k: np.repeat(np.arange(10), p)),
        Mistake("hint.bal.last_missing", lambda p, k: np.repeat(np.arange(k - 1), p)),
    ],
)

# --- shift_with_fill(images, dy, dx, fill) -> images ------------------------------------


def _shift_cases():
    def case(label, n, h, w, c, dy, dx, fill, seed, hint=None, zeros=0):
        rng = np.random.default_rng(seed)
        images = rng.uniform(size=(n, h, w, c)).astype("float32")
        # Exact zeros inside the images (dark pixels of a digit): pixels, not background.
        flat = images.reshape(-1)
        flat[rng.choice(flat.size, size=zeros, replace=False)] = 0.0
        return Case(label, (images, np.array(dy), np.array(dx), fill), hint=hint)

    return [
        case("case.shift.one_image", 1, 6, 6, 1, [1], [2], 0.0, 61),
        case("case.shift.batch", 4, 5, 5, 1, [1, -2, 0, 3], [-1, 2, 1, 0], 0.5, 62, zeros=6),
        case("case.shift.none", 2, 4, 4, 1, [0, 0], [0, 0], 0.3, 63),
        case("case.shift.not_square", 3, 4, 7, 1, [1, 0, -1], [2, -3, 1], 0.2, 64),
        case("case.shift.channels", 2, 5, 5, 3, [-1, 2], [1, -2], 1.0, 65),
        # A third of the pixels exactly 0, and a fill that is not 0.
        case("case.shift.zero_pixels", 3, 6, 6, 1, [1, -1, 0], [0, 2, -2], 0.4, 67, zeros=36),
        case("case.shift.too_far", 2, 4, 4, 1, [4, 0], [0, -5], 0.7, 66, hint="hint.shift.too_far"),
    ]


def _each(fn):
    """``fn(image, dy, dx, fill)`` applied image by image."""
    return lambda x, dy, dx, f: np.stack(
        [fn(x[i], int(dy[i]), int(dx[i]), f) for i in range(len(x))]
    )


def _padded(mode):
    def one(image, dy, dx, fill):
        h, w = image.shape[:2]
        py, px = min(abs(dy), h), min(abs(dx), w)
        kwargs = {"constant_values": fill} if mode == "constant" else {}
        big = np.pad(image, ((py, py), (px, px), (0, 0)), mode=mode, **kwargs)
        return big[py - dy : py - dy + h, px - dx : px - dx + w]

    return one


def _zeros_become_fill(x, dy, dx, f):
    """Shifted with zeros coming in, then every 0 replaced by ``fill``: dark pixels too."""
    out = ref.shift_with_fill(x, dy, dx, 0.0)
    return np.where(out == 0, f, out)


def _entering(images, dy, dx):
    """Where the pixels enter from outside: True on the strips a shift leaves behind."""
    n, h, w, c = images.shape
    mask = np.zeros((n, h, w, c), bool)
    for i in range(n):
        down, right = int(np.clip(dy[i], -h, h)), int(np.clip(dx[i], -w, w))
        mask[i, : max(down, 0)] = True
        mask[i, h + min(down, 0) :] = True
        mask[i, :, : max(right, 0)] = True
        mask[i, :, w + min(right, 0) :] = True
    return mask


def _explain_shift(case, got, expected):
    """Whether the wrong pixels are only those that enter (the fill) or only moved ones."""
    images, dy, dx, _ = case.args
    wrong = ~np.isclose(got, expected, rtol=1e-4, atol=1e-4)
    entering = _entering(np.asarray(images), np.asarray(dy), np.asarray(dx))
    if not wrong[~entering].any():
        return "hint.shift.entering"
    if not wrong[entering].any():
        return "hint.shift.moved"
    return None


SHIFT_WITH_FILL = Exercise(
    name="shift_with_fill",
    signature="shift_with_fill(images, dy, dx, fill)",
    reference=ref.shift_with_fill,
    make_cases=_shift_cases,
    explain=_explain_shift,
    not_finite="check.not_finite.plain",
    mistakes=[
        Mistake(
            "hint.shift.wrap",
            _each(lambda im, dy, dx, f: np.roll(im, (dy, dx), axis=(0, 1))),
        ),
        Mistake("hint.shift.fill_zero", lambda x, dy, dx, f: ref.shift_with_fill(x, dy, dx, 0.0)),
        Mistake("hint.shift.direction", lambda x, dy, dx, f: ref.shift_with_fill(x, -dy, -dx, f)),
        Mistake("hint.shift.swapped", lambda x, dy, dx, f: ref.shift_with_fill(x, dx, dy, f)),
        Mistake("hint.shift.edge", _each(_padded("edge"))),
        Mistake(
            "hint.shift.per_image",
            lambda x, dy, dx, f: ref.shift_with_fill(
                x, np.full_like(dy, dy[0]), np.full_like(dx, dx[0]), f
            ),
        ),
        Mistake("hint.shift.zero_is_background", _zeros_become_fill),
        Mistake(
            "hint.shift.fill_added", lambda x, dy, dx, f: ref.shift_with_fill(x, dy, dx, 0.0) + f
        ),
        Mistake(
            "hint.shift.modulo",
            lambda x, dy, dx, f: ref.shift_with_fill(x, dy % x.shape[1], dx % x.shape[2], f),
        ),
        Mistake(
            "hint.shift.off_by_one", lambda x, dy, dx, f: ref.shift_with_fill(x, dy - 1, dx, f)
        ),
        Mistake(
            "hint.shift.off_by_one", lambda x, dy, dx, f: ref.shift_with_fill(x, dy + 1, dx, f)
        ),
        Mistake(
            "hint.shift.off_by_one", lambda x, dy, dx, f: ref.shift_with_fill(x, dy, dx - 1, f)
        ),
        Mistake(
            "hint.shift.off_by_one", lambda x, dy, dx, f: ref.shift_with_fill(x, dy, dx + 1, f)
        ),
    ],
)

# --- paired_claim(differences) -> "gain", "loss" or "none" ----------------------------------

#: The three answers, as the numbers the harness compares.
CLAIM_VALUES = {"loss": -1.0, "none": 0.0, "gain": 1.0}


def _pack_claim(value):
    """One of the three words as a 1-element array; anything else is named.

    Raises:
        WrongForm: for True or False, None, a number (the sign, say), or a
            text that is none of the three words.
    """
    if isinstance(value, str):
        if value not in CLAIM_VALUES:
            raise WrongForm("hint.claim.word")
        return np.array([CLAIM_VALUES[value]])
    if value is None:
        raise WrongForm("hint.claim.none_value")
    try:
        raw = np.asarray(value)
    except Exception:  # an object whose __array__ raises
        raise WrongForm("hint.claim.word") from None
    if raw.dtype.kind == "b":
        raise WrongForm("hint.claim.bool")
    if raw.dtype.kind in "iuf":
        raise WrongForm("hint.claim.number")
    raise WrongForm("hint.claim.word")


def _claim_cases():
    def case(label, differences, hint=None):
        return Case(label, (np.array(differences, dtype="float64"),), hint=hint)

    return [
        case("case.claim.positive", [2.1, 3.0, 1.2, 2.6, 1.9]),
        case("case.claim.negative", [-1.8, -2.9, -0.7, -2.2, -1.5]),
        case("case.claim.mixed", [3.0, -1.0, 2.5, -2.0, 0.5]),
        case("case.claim.wide", [5.0, 1.0, 3.5, 0.5, 5.0]),
        case("case.claim.narrow", [0.9, -0.1, 0.6, 0.0, 0.6]),
        # Mean 1.2: above the standard error (0.82) and below the standard deviation (1.82).
        case("case.claim.mostly_positive", [3.0, -0.5, 2.5, -1.0, 2.0]),
        # Mean 2.0: between one (1.17) and two standard deviations.
        case("case.claim.moderate", [1.0, 3.0, 0.5, 2.5, 3.0]),
        # Mean 1.75 below the sample standard deviation 1.77, above ddof=0's 1.25.
        case("case.claim.two_seeds", [0.5, 3.0]),
        # Mean 1.5 and standard deviation 1.5, both exact in floating point: not beyond it.
        case("case.claim.boundary", [1.5, 3.0, 0.0], hint="hint.claim.boundary"),
        case("case.claim.one_seed", [4.2], hint="hint.claim.one_seed"),
    ]


def _claim_rule(centre, spread, at_least=False, one_seed=False):
    """A claim by a rule of the lesson's form: ``centre(d)`` against ``spread(d)``.

    With fewer than 2 seeds it claims nothing, as the exercise says, unless
    ``one_seed`` (the mistake of claiming from one seed, its spread taken as 0).
    """

    def claim(differences):
        d = np.asarray(differences, dtype="float64")
        if len(d) < 2 and not (one_seed and len(d)):
            return "none"
        c, s = centre(d), spread(d) if len(d) > 1 else 0.0
        if c > s or (at_least and c >= s):
            return "gain"
        if c < -s or (at_least and c <= -s):
            return "loss"
        return "none"

    return claim


def _no_loss(differences):
    """The rule with its "loss" branch forgotten."""
    return "none" if paired_claim(differences) == "loss" else paired_claim(differences)


def _sample_std(d):
    return float(np.std(d, ddof=1))


PAIRED_CLAIM = Exercise(
    name="paired_claim",
    signature="paired_claim(differences)",
    reference=paired_claim,
    make_cases=_claim_cases,
    pack=_pack_claim,
    wrong_value="check.wrong_choice",
    mistakes=[
        Mistake("hint.claim.one_seed", _claim_rule(np.mean, _sample_std, one_seed=True)),
        Mistake("hint.claim.ddof", _claim_rule(np.mean, lambda d: float(np.std(d)))),
        # The population standard deviation, with one seed too (its spread is 0 there).
        Mistake("hint.claim.ddof", _claim_rule(np.mean, lambda d: float(np.std(d)), one_seed=True)),
        Mistake(
            "hint.claim.standard_error",
            _claim_rule(np.mean, lambda d: _sample_std(d) / np.sqrt(len(d))),
        ),
        Mistake("hint.claim.two_std", _claim_rule(np.mean, lambda d: 2 * _sample_std(d))),
        Mistake("hint.claim.variance", _claim_rule(np.mean, lambda d: _sample_std(d) ** 2)),
        Mistake("hint.claim.median", _claim_rule(np.median, _sample_std)),
        Mistake("hint.claim.no_spread", _claim_rule(np.mean, lambda d: 0.0)),
        Mistake("hint.claim.no_spread", _claim_rule(np.mean, lambda d: 0.0, one_seed=True)),
        Mistake(
            "hint.claim.sign_ignored",
            _claim_rule(lambda d: abs(float(np.mean(d))), _sample_std),
        ),
        Mistake("hint.claim.flipped", _claim_rule(lambda d: -float(np.mean(d)), _sample_std)),
        Mistake("hint.claim.boundary", _claim_rule(np.mean, _sample_std, at_least=True)),
        Mistake("hint.claim.no_loss", _no_loss),
        Mistake("hint.claim.always_none", lambda differences: "none"),
    ],
)

# In the order the notebook asks for them.
EXERCISES = {
    ex.name: ex for ex in (BALANCED_LABELS, AUGMENTED_TRAINING_SET, SHIFT_WITH_FILL, PAIRED_CLAIM)
}
