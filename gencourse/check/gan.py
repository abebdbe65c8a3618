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
from gencourse.i18n import register
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

register(
    {
        "case.gan.random": {
            "ko": "무작위 확률값으로 된 배치",
            "en": "a batch of random probabilities",
        },
        "case.gan.one_each": {
            "ko": "진짜와 가짜가 하나씩뿐인 배치",
            "en": "a batch with a single output of each kind",
        },
        "case.gan.confident_d": {
            "ko": "판별자가 진짜와 가짜를 잘 가려내는 경우",
            "en": "a discriminator that tells real from fake well",
        },
        "case.gan.fooled_d": {
            "ko": "판별자가 완전히 속은 경우(진짜를 가짜로, 가짜를 진짜로 봄)",
            "en": "a fooled discriminator (calls real fake and fake real)",
        },
        "case.gan.flat": {
            "ko": "출력이 (N, 1)이 아니라 (N,) 모양인 경우",
            "en": "outputs shaped (N,) instead of (N, 1)",
        },
        "case.gan.saturated": {
            "ko": "출력이 정확히 0 또는 1인 경우",
            "en": "outputs of exactly 0 or 1",
        },
        "case.batch.digits": {
            "ko": "28x28 숫자 이미지 4장씩",
            "en": "four 28x28 digit images of each kind",
        },
        "case.batch.one_each": {"ko": "진짜와 가짜가 한 장씩", "en": "one image of each kind"},
        "case.batch.colour": {
            "ko": "정사각형이 아닌 3채널(컬러) 이미지",
            "en": "non-square images with 3 (colour) channels",
        },
        "case.batch.uneven": {
            "ko": "진짜 5장, 가짜 2장처럼 개수가 다른 경우",
            "en": "different counts: 5 real and 2 fake images",
        },
        "case.cond.digits": {"ko": "클래스 10개, 노이즈 8차원", "en": "10 classes, 8-D noise"},
        "case.cond.three_classes": {"ko": "클래스가 3개뿐인 경우", "en": "only 3 classes"},
        "case.cond.one": {"ko": "샘플이 하나뿐인 배치", "en": "a batch of one sample"},
        "case.cond.column_labels": {
            "ko": "레이블이 (N, 1) 모양으로 들어오는 경우",
            "en": "labels shaped (N, 1)",
        },
        "case.cond.every_class": {
            "ko": "노이즈가 모두 0이고 클래스마다 하나씩",
            "en": "zero noise and one sample per class",
        },
        "case.mis.digits": {"ko": "클래스 10개짜리 레이블 12개", "en": "12 labels of 10 classes"},
        "case.mis.three_classes": {"ko": "클래스가 3개뿐인 경우", "en": "only 3 classes"},
        "case.mis.two_classes": {
            "ko": "클래스가 2개뿐인 경우(틀린 레이블이 하나로 정해짐)",
            "en": "only 2 classes (a single wrong label each)",
        },
        "case.mis.wraps": {
            "ko": "레이블 + 1 + 오프셋이 클래스 수 이상이 되는 경우",
            "en": "label + 1 + offset past the last class",
        },
        "case.mis.zero_offsets": {"ko": "오프셋이 모두 0인 경우", "en": "all offsets 0"},
        "case.cgan.fooled_by_labels": {
            "ko": "판별자가 틀린 레이블 쌍에 속는 경우",
            "en": "a discriminator fooled by mismatched pairs",
        },
        "hint.no_clip": {
            "ko": "힌트: 확률이 정확히 0이나 1이면 log(0)이 됩니다. log를 취하기 전에 확률을 [1e-7, 1 - 1e-7] 범위로 잘라 내세요(np.clip).",
            "en": "Hint: a probability of exactly 0 or 1 gives log(0); clip it to [1e-7, 1 - 1e-7] before the log (np.clip).",
        },
        "hint.per_sample": {
            "ko": "힌트: 샘플마다 손실을 돌려주었습니다. 평균을 내서 숫자 하나를 돌려주세요.",
            "en": "Hint: you returned one loss per output; average them into a single number.",
        },
        "hint.dloss.swapped": {
            "ko": "힌트: 진짜와 가짜의 정답이 뒤바뀌었습니다. 진짜 이미지의 정답은 1, 가짜 이미지의 정답은 0입니다.",
            "en": "Hint: the targets are swapped; real images are labelled 1 and fake ones 0.",
        },
        "hint.dloss.sign": {
            "ko": "힌트: 부호가 반대입니다. 교차 엔트로피 손실은 0 이상입니다.",
            "en": "Hint: the sign is flipped; a cross-entropy loss is never negative.",
        },
        "hint.dloss.sum_of_means": {
            "ko": "힌트: 진짜 항의 평균과 가짜 항의 평균을 더했습니다. 이 수업에서는 진짜와 가짜를 섞은 배치 전체(2N개)에 대한 평균을 씁니다. 개수가 같으면 두 평균을 더한 값의 절반입니다.",
            "en": "Hint: you added the mean over real and the mean over fake; this lesson averages over the whole mixed batch (2N outputs), which with equal counts is half that sum.",
        },
        "hint.dloss.only_real": {
            "ko": "힌트: 진짜 이미지 항만 있습니다. 가짜 이미지를 0으로 판정하는 항도 필요합니다.",
            "en": "Hint: only the real term is there; the term that labels fake images 0 is missing.",
        },
        "hint.dloss.only_fake": {
            "ko": "힌트: 가짜 이미지 항만 있습니다. 진짜 이미지를 1로 판정하는 항도 필요합니다.",
            "en": "Hint: only the fake term is there; the term that labels real images 1 is missing.",
        },
        "hint.dloss.summed": {
            "ko": "힌트: 합을 돌려주었습니다. 섞은 배치에 대한 평균을 내세요.",
            "en": "Hint: you returned a sum; average over the mixed batch.",
        },
        "hint.dloss.fake_log_d": {
            "ko": "힌트: 가짜 항에는 log D(G(z))가 아니라 log(1 - D(G(z)))가 들어갑니다.",
            "en": "Hint: the fake term uses log(1 - D(G(z))), not log D(G(z)).",
        },
        "hint.gloss.saturating": {
            "ko": "힌트: 가치 함수의 식 log(1 - D(G(z)))를 그대로 최소화하는 포화 손실입니다. 훈련 초반에는 기울기가 거의 없으므로 -log D(G(z))를 쓰세요.",
            "en": "Hint: this is the saturating loss log(1 - D(G(z))); it has almost no gradient early on, so use -log D(G(z)).",
        },
        "hint.gloss.fake_target": {
            "ko": "힌트: 생성자는 판별자가 자신이 만든 이미지를 진짜(1)로 판정하기를 원합니다. 정답을 0으로 두었습니다.",
            "en": "Hint: the generator wants its images called real (1); you used the target 0.",
        },
        "hint.gloss.sign": {
            "ko": "힌트: 부호가 반대입니다. 손실은 D(G(z))가 1에 가까울수록 작아져야 합니다.",
            "en": "Hint: the sign is flipped; the loss must shrink as D(G(z)) approaches 1.",
        },
        "hint.gloss.summed": {
            "ko": "힌트: 합을 돌려주었습니다. 배치 평균을 내세요.",
            "en": "Hint: you returned a sum; average over the batch.",
        },
        "hint.gloss.no_log": {
            "ko": "힌트: 확률에 log를 취해야 합니다(교차 엔트로피).",
            "en": "Hint: take the log of the probabilities (cross-entropy).",
        },
        "hint.batch.pair": {
            "ko": "힌트: (images, targets) 두 개를 튜플로 돌려주세요.",
            "en": "Hint: return two things, as a tuple (images, targets).",
        },
        "hint.batch.image_rank": {
            "ko": "힌트: 이미지는 (개수, 높이, 너비, 채널)의 4차원 배열로 그대로 쌓아야 합니다. 펼치지 마세요.",
            "en": "Hint: stack the images as a 4-D array (count, height, width, channels); do not flatten them.",
        },
        "hint.batch.one_target_each": {
            "ko": "힌트: 이미지마다 정답이 하나씩 있어야 합니다. targets의 모양은 (N + M, 1) 또는 (N + M,)입니다.",
            "en": "Hint: every image needs exactly one target; targets should be shaped (N + M, 1) or (N + M,).",
        },
        "hint.batch.swapped": {
            "ko": "힌트: 정답이 뒤바뀌었습니다. 진짜 이미지는 1, 가짜 이미지는 0입니다.",
            "en": "Hint: the targets are swapped; real images get 1 and fake ones 0.",
        },
        "hint.batch.order": {
            "ko": "힌트: 이미지는 가짜를 먼저 쌓았는데 정답은 진짜가 먼저인 순서로 붙였습니다. 이미지와 정답의 짝이 어긋났습니다.",
            "en": "Hint: you stacked the fakes first but gave the targets in real-first order; images and targets no longer match.",
        },
        "hint.batch.all_real": {
            "ko": "힌트: 모든 이미지에 1을 붙였습니다. 가짜 이미지의 정답은 0입니다.",
            "en": "Hint: every image got the target 1; fake images get 0.",
        },
        "hint.batch.real_twice": {
            "ko": "힌트: 진짜 이미지를 두 번 넣었습니다. 두 번째 자리에는 가짜 이미지가 들어가야 합니다.",
            "en": "Hint: the real images appear twice; the second half must be the fake images.",
        },
        "hint.batch.fake_only": {
            "ko": "힌트: 가짜 이미지를 두 번 넣었습니다. 진짜 이미지도 들어가야 합니다.",
            "en": "Hint: the fake images appear twice; the real images are missing.",
        },
        "hint.cond.raw_label": {
            "ko": "힌트: 레이블 숫자를 그대로 붙였습니다. 원-핫 벡터로 바꾸어 붙이세요.",
            "en": "Hint: you appended the label number itself; append its one-hot vector.",
        },
        "hint.cond.order": {
            "ko": "힌트: 순서가 반대입니다. 노이즈 뒤에 원-핫 레이블을 붙이세요.",
            "en": "Hint: the order is reversed; the one-hot label goes after the noise.",
        },
        "hint.cond.fixed_ten": {
            "ko": "힌트: 클래스 수를 10으로 고정했습니다. num_classes 인수를 쓰세요.",
            "en": "Hint: you fixed the number of classes at 10; use the num_classes argument.",
        },
        "hint.cond.no_noise": {
            "ko": "힌트: 노이즈가 빠졌습니다. 노이즈가 없으면 클래스마다 같은 이미지만 나옵니다.",
            "en": "Hint: the noise is missing; without it every class gives one fixed image.",
        },
        "hint.cond.added": {
            "ko": "힌트: 레이블을 노이즈에 더했습니다. 더하지 말고 이어 붙이세요(concatenate).",
            "en": "Hint: you added the label to the noise; concatenate it instead.",
        },
        "hint.cond.shifted": {
            "ko": "힌트: 원-핫 벡터의 1이 한 칸 밀려 있습니다. 레이블 k는 k번 칸(0번부터 셈)이 1입니다.",
            "en": "Hint: the 1 of the one-hot vector is one place off; label k puts its 1 at index k (counting from 0).",
        },
        "hint.mis.no_plus_one": {
            "ko": "힌트: 오프셋이 0이면 원래 레이블이 그대로 남습니다. 1을 더해서 원래 레이블을 건너뛰세요.",
            "en": "Hint: an offset of 0 keeps the true label; add 1 so the true label is skipped.",
        },
        "hint.mis.no_mod": {
            "ko": "힌트: 결과가 클래스 수 이상이 될 수 있습니다. 나머지 연산(%)으로 0..num_classes-1 안에 되돌리세요.",
            "en": "Hint: the result can run past the last class; wrap it with the remainder (%) into 0..num_classes-1.",
        },
        "hint.mis.ignores_offsets": {
            "ko": "힌트: 오프셋을 쓰지 않아 틀린 레이블이 늘 같은 클래스입니다. 다른 모든 클래스가 골고루 나와야 합니다.",
            "en": "Hint: the offsets are unused, so the wrong label is always the same class; every other class should appear.",
        },
        "hint.mis.offsets_only": {
            "ko": "힌트: 원래 레이블을 쓰지 않아 틀린 레이블이 원래 레이블과 같아질 수 있습니다.",
            "en": "Hint: the true label is unused, so the 'wrong' label can equal it.",
        },
        "hint.mis.minus": {
            "ko": "힌트: 이것도 원래 레이블을 피하지만, 이 연습은 (레이블 + 1 + 오프셋) % 클래스 수를 요구합니다.",
            "en": "Hint: this also avoids the true label, but the exercise asks for (label + 1 + offset) % num_classes.",
        },
        "hint.closs.mismatched_real": {
            "ko": "힌트: 틀린 레이블과 짝지은 진짜 이미지를 진짜(1)로 두었습니다. 이 쌍은 가짜(0)로 배워야 판별자가 레이블을 봅니다.",
            "en": "Hint: real images with a wrong label are treated as real (1); they must count as fake (0), or D never looks at the label.",
        },
        "hint.closs.no_mismatched": {
            "ko": "힌트: 틀린 레이블 쌍의 항이 빠졌습니다.",
            "en": "Hint: the term for the mismatched pairs is missing.",
        },
        "hint.closs.swapped": {
            "ko": "힌트: 정답이 모두 뒤바뀌었습니다. 맞는 레이블의 진짜 이미지만 1입니다.",
            "en": "Hint: all targets are swapped; only real images with their own labels get 1.",
        },
        "hint.closs.sum_of_means": {
            "ko": "힌트: 세 무리의 평균을 더했습니다. 섞은 배치 전체(3N개)에 대한 평균을 내세요.",
            "en": "Hint: you added the three groups' means; average over the whole mixed batch (3N outputs).",
        },
        "hint.closs.summed": {
            "ko": "힌트: 합을 돌려주었습니다. 섞은 배치에 대한 평균을 내세요.",
            "en": "Hint: you returned a sum; average over the mixed batch.",
        },
        "hint.closs.sign": {
            "ko": "힌트: 부호가 반대입니다. 교차 엔트로피 손실은 0 이상입니다.",
            "en": "Hint: the sign is flipped; a cross-entropy loss is never negative.",
        },
    }
)
