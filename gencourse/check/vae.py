"""Checks for the exercises of lesson 02 (VAE).

The references are the library's own functions in :mod:`gencourse.models.vae`,
evaluated on plain arrays; each exercise lists plausible wrong answers so the
verdict can name the mistake.
"""

from __future__ import annotations

import numpy as np
from keras import ops

from gencourse.check.core import Case, Exercise, Mistake
from gencourse.i18n import register
from gencourse.models import vae as ref


def _np(fn):
    return lambda *a, **k: ops.convert_to_numpy(fn(*a, **k))


def _gauss_cases(seed: int) -> list[Case]:
    """Shared inputs (z_mean, z_log_var) for the reparameterisation and KL exercises."""
    rng = np.random.default_rng(seed)
    f32 = lambda *s: rng.normal(size=s).astype("float32")  # noqa: E731
    return [
        Case("case.standard_normal", (np.zeros((3, 2), "float32"), np.zeros((3, 2), "float32"))),
        Case("case.random_batch", (f32(8, 4), f32(8, 4))),
        Case("case.one_sample", (f32(1, 5), f32(1, 5))),
        Case("case.one_dim", (f32(6, 1), f32(6, 1))),
        Case("case.small_variance", (f32(4, 3), np.full((4, 3), -6.0, "float32"))),
        Case("case.large_mean", (3.0 + 2.0 * f32(5, 2), 0.5 * f32(5, 2))),
    ]


# --- reparameterize(z_mean, z_log_var, eps) -> z ---------------------------------


def _reparam_ref(z_mean, z_log_var, eps):
    return z_mean + np.exp(0.5 * z_log_var) * eps


def _reparam_cases() -> list[Case]:
    rng = np.random.default_rng(20)
    cases = []
    for case in _gauss_cases(2):
        z_mean, z_log_var = case.args
        eps = rng.normal(size=z_mean.shape).astype("float32")
        cases.append(Case(case.label, (z_mean, z_log_var, eps)))
    # Rare but legal noise far in the tails: a clipped eps is not eps.
    z_mean, z_log_var = rng.normal(size=(2, 4, 3)).astype("float32")
    eps = np.array([[4.5, -5.0, 0.3]] * 4, "float32")
    cases.append(Case("case.tail_noise", (z_mean, z_log_var, eps)))
    return cases


REPARAMETERIZE = Exercise(
    name="reparameterize",
    reference=_reparam_ref,
    make_cases=_reparam_cases,
    mistakes=[
        Mistake("hint.reparam.variance", lambda m, lv, e: m + np.exp(lv) * e),
        Mistake("hint.reparam.log_var_as_std", lambda m, lv, e: m + lv * e),
        Mistake("hint.reparam.sqrt_log_var", lambda m, lv, e: m + np.sqrt(np.abs(lv)) * e),
        Mistake("hint.reparam.no_mean", lambda m, lv, e: np.exp(0.5 * lv) * e),
        Mistake("hint.reparam.no_noise", lambda m, lv, e: m + np.exp(0.5 * lv)),
        Mistake("hint.reparam.noise_ignored", lambda m, lv, e: m),
        Mistake("hint.reparam.minus", lambda m, lv, e: m - np.exp(0.5 * lv) * e),
    ],
)

# --- kl_divergence(z_mean, z_log_var) -> (batch,) -------------------------------


def _kl_terms(m, lv):
    return 1.0 + lv - np.square(m) - np.exp(lv)


KL_DIVERGENCE = Exercise(
    name="kl_divergence",
    reference=_np(ref.kl_divergence),
    make_cases=lambda: _gauss_cases(1),
    mistakes=[
        Mistake("hint.kl.batch_reduced", lambda m, lv: -0.5 * np.sum(_kl_terms(m, lv))),
        Mistake(
            "hint.kl.batch_reduced", lambda m, lv: np.mean(-0.5 * np.sum(_kl_terms(m, lv), -1))
        ),
        Mistake("hint.kl.batch_reduced", lambda m, lv: -0.5 * np.mean(_kl_terms(m, lv))),
        Mistake("hint.kl.latent_not_summed", lambda m, lv: -0.5 * _kl_terms(m, lv)),
        Mistake("hint.kl.latent_mean", lambda m, lv: -0.5 * np.mean(_kl_terms(m, lv), -1)),
        Mistake("hint.kl.sign", lambda m, lv: 0.5 * np.sum(_kl_terms(m, lv), -1)),
        Mistake("hint.kl.half", lambda m, lv: -np.sum(_kl_terms(m, lv), -1)),
        Mistake(
            "hint.kl.exp",
            lambda m, lv: -0.5 * np.sum(1.0 + lv - np.square(m) - lv, -1),
        ),
        Mistake(
            "hint.kl.square",
            lambda m, lv: -0.5 * np.sum(1.0 + lv - m - np.exp(lv), -1),
        ),
        Mistake("hint.kl.one", lambda m, lv: -0.5 * np.sum(lv - np.square(m) - np.exp(lv), -1)),
    ],
)

# --- vae_loss(x, x_recon, z_mean, z_log_var, beta=1.0) -> scalar ---------------


def _bce(x, p):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return -(x * np.log(p) + (1 - x) * np.log(1 - p))


def _per_image(a):
    return a.reshape(len(a), -1).sum(-1)


def _kl(m, lv):
    return -0.5 * np.sum(_kl_terms(m, lv), -1)


def _vae_loss_cases() -> list[Case]:
    rng = np.random.default_rng(3)

    def case(label, n, shape, latent, beta=None, binary=False):
        x = rng.uniform(size=(n, *shape)).astype("float32")
        if binary:
            x = (x > 0.5).astype("float32")
        x_recon = rng.uniform(0.05, 0.95, size=(n, *shape)).astype("float32")
        m = rng.normal(size=(n, latent)).astype("float32")
        lv = rng.normal(size=(n, latent)).astype("float32")
        return Case(label, (x, x_recon, m, lv), {} if beta is None else {"beta": beta})

    saturated = case("case.saturated", 3, (8, 8, 1), 2, 1.0, binary=True)
    x, x_recon = saturated.args[0], saturated.args[1]
    # A float32 sigmoid returns exact 0s and 1s: mostly right, a few confidently wrong.
    x_recon[...] = x
    x_recon[:, 0, 0, 0] = 1.0 - x[:, 0, 0, 0]
    return [
        case("case.beta_one", 4, (28, 28, 1), 2, 1.0),
        case("case.beta_half", 6, (8, 8, 1), 3, 0.5),
        case("case.beta_zero", 3, (8, 8, 1), 2, 0.0),
        case("case.beta_four", 5, (6, 6, 1), 4, 4.0, binary=True),
        case("case.one_sample", 1, (28, 28, 1), 16, 1.0),
        case("case.default_beta", 3, (8, 8, 1), 2),
        case("case.colour_non_square", 4, (10, 7, 3), 3, 1.5),
        saturated,
    ]


VAE_LOSS = Exercise(
    name="vae_loss",
    reference=_np(ref.vae_loss),
    make_cases=_vae_loss_cases,
    rtol=1e-4,
    atol=1e-3,
    mistakes=[
        Mistake(
            "hint.loss.kl_summed",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)).mean() + beta * _kl(m, lv).sum(),
        ),
        Mistake(
            "hint.loss.summed",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)).sum() + beta * _kl(m, lv).sum(),
        ),
        Mistake(
            "hint.loss.pixel_mean",
            lambda x, r, m, lv, beta=1.0: _bce(x, r).mean() + beta * _kl(m, lv).mean(),
        ),
        Mistake(
            "hint.loss.no_beta",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)).mean() + _kl(m, lv).mean(),
        ),
        Mistake(
            "hint.loss.beta_on_recon",
            lambda x, r, m, lv, beta=1.0: beta * _per_image(_bce(x, r)).mean() + _kl(m, lv).mean(),
        ),
        Mistake(
            "hint.loss.kl_sign",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)).mean() - beta * _kl(m, lv).mean(),
        ),
        Mistake(
            "hint.loss.bce_sign",
            lambda x, r, m, lv, beta=1.0: -_per_image(_bce(x, r)).mean() + beta * _kl(m, lv).mean(),
        ),
        Mistake(
            "hint.loss.per_sample",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)) + beta * _kl(m, lv),
        ),
        Mistake(
            "hint.loss.no_kl",
            lambda x, r, m, lv, beta=1.0: _per_image(_bce(x, r)).mean(),
        ),
        Mistake(
            "hint.loss.no_clip",
            lambda x, r, m, lv, beta=1.0: (
                _per_image(-(x * np.log(r) + (1 - x) * np.log(1 - r))).mean()
                + beta * _kl(m, lv).mean()
            ),
        ),
        Mistake(
            "hint.loss.channel_mean",
            lambda x, r, m, lv, beta=1.0: (
                _per_image(_bce(x, r).mean(-1)).mean() + beta * _kl(m, lv).mean()
            ),
        ),
        Mistake(
            "hint.loss.mse",
            lambda x, r, m, lv, beta=1.0: (
                _per_image((x - r) ** 2).mean() + beta * _kl(m, lv).mean()
            ),
        ),
    ],
)

EXERCISES = {ex.name: ex for ex in (REPARAMETERIZE, KL_DIVERGENCE, VAE_LOSS)}

register(
    {
        "case.standard_normal": {
            "ko": "평균 0, 로그 분산 0 (표준정규분포 그 자체)",
            "en": "mean 0 and log-variance 0 (the standard normal itself)",
        },
        "case.random_batch": {
            "ko": "무작위 값으로 된 샘플 8개짜리 배치",
            "en": "a random batch of 8",
        },
        "case.one_sample": {"ko": "샘플이 하나뿐인 배치", "en": "a batch of one sample"},
        "case.one_dim": {"ko": "잠재 공간이 1차원인 경우", "en": "a one-dimensional latent space"},
        "case.small_variance": {
            "ko": "분산이 아주 작은 경우 (로그 분산 -6)",
            "en": "a very small variance (log-variance -6)",
        },
        "case.large_mean": {"ko": "평균이 0에서 먼 경우", "en": "means far from 0"},
        "case.tail_noise": {
            "ko": "노이즈 eps가 분포의 꼬리에 있는 값(±5 근처)인 경우",
            "en": "noise eps far in the tails (near ±5)",
        },
        "case.default_beta": {
            "ko": "beta를 넘기지 않은 호출 (기본값 1)",
            "en": "a call without beta (its default is 1)",
        },
        "case.colour_non_square": {
            "ko": "정사각형이 아닌 3채널(컬러) 이미지",
            "en": "non-square images with 3 (colour) channels",
        },
        "case.saturated": {
            "ko": "재구성 값이 정확히 0 또는 1인 픽셀이 있는 경우",
            "en": "reconstructions with pixels of exactly 0 or 1",
        },
        "case.beta_one": {"ko": "beta = 1, 28x28 이미지", "en": "beta = 1, 28x28 images"},
        "case.beta_half": {"ko": "beta = 0.5", "en": "beta = 0.5"},
        "case.beta_zero": {"ko": "beta = 0 (KL 항 없음)", "en": "beta = 0 (no KL term)"},
        "case.beta_four": {
            "ko": "beta = 4, 0과 1로만 된 이미지",
            "en": "beta = 4, images of only 0s and 1s",
        },
        "hint.reparam.variance": {
            "ko": "힌트: exp(z_log_var)는 분산입니다. eps에 곱할 것은 표준편차입니다.",
            "en": "Hint: exp(z_log_var) is the variance; eps must be scaled by the standard deviation.",
        },
        "hint.reparam.log_var_as_std": {
            "ko": "힌트: z_log_var는 로그 분산이지 표준편차가 아닙니다. 표준편차로 바꾸어 쓰세요.",
            "en": "Hint: z_log_var is a log-variance, not a standard deviation; convert it first.",
        },
        "hint.reparam.sqrt_log_var": {
            "ko": "힌트: 로그 분산의 제곱근은 표준편차가 아닙니다. 먼저 로그를 풀어야 합니다.",
            "en": "Hint: the square root of a log-variance is not a standard deviation; undo the log first.",
        },
        "hint.reparam.no_mean": {
            "ko": "힌트: 분포의 중심(평균)이 빠졌습니다.",
            "en": "Hint: the centre of the distribution (the mean) is missing.",
        },
        "hint.reparam.no_noise": {
            "ko": "힌트: 주어진 노이즈 eps가 곱해지지 않았습니다.",
            "en": "Hint: the given noise eps is not multiplied in.",
        },
        "hint.reparam.noise_ignored": {
            "ko": "힌트: 노이즈 eps와 분산을 전혀 쓰지 않았습니다. 이러면 샘플링이 아닙니다.",
            "en": "Hint: neither eps nor the variance is used; that is not sampling.",
        },
        "hint.reparam.minus": {
            "ko": "힌트: 분포는 같아 보여도, 표준편차 × eps를 평균에서 빼지 말고 더해야 합니다.",
            "en": "Hint: the distribution looks the same, but use the given eps as it is, added.",
        },
        "hint.kl.batch_reduced": {
            "ko": "힌트: 배치 전체를 하나의 숫자로 줄였습니다. 샘플마다 KL 값 하나씩, 즉 배치 크기만큼의 값을 돌려주세요.",
            "en": "Hint: you reduced the whole batch to one number; return one KL value per sample.",
        },
        "hint.kl.latent_not_summed": {
            "ko": "힌트: 잠재 벡터의 차원별 항을 마지막 축을 따라 모두 더해야 합니다.",
            "en": "Hint: the per-dimension terms must be added up along the last axis.",
        },
        "hint.kl.latent_mean": {
            "ko": "힌트: 잠재 차원에 대해 평균을 냈습니다. 독립인 차원의 KL은 평균이 아니라 합입니다.",
            "en": "Hint: you averaged over the latent dimensions; KL over independent dimensions is a sum.",
        },
        "hint.kl.sign": {
            "ko": "힌트: 부호가 반대입니다. KL 발산은 0 이상이어야 합니다.",
            "en": "Hint: the sign is flipped; a KL divergence is never negative.",
        },
        "hint.kl.half": {
            "ko": "힌트: 값이 두 배입니다. 식 앞의 계수를 확인하세요.",
            "en": "Hint: the values are twice too large; check the factor in front of the sum.",
        },
        "hint.kl.exp": {
            "ko": "힌트: 분산은 exp(z_log_var)입니다. 로그 분산을 그대로 빼지 마세요.",
            "en": "Hint: the variance is exp(z_log_var); do not subtract the log-variance itself.",
        },
        "hint.kl.square": {
            "ko": "힌트: 평균은 제곱해서 빼야 합니다.",
            "en": "Hint: the mean enters squared.",
        },
        "hint.kl.one": {
            "ko": "힌트: 차원마다 더해지는 상수 1이 빠졌습니다.",
            "en": "Hint: the constant 1 added for each dimension is missing.",
        },
        "hint.loss.kl_summed": {
            "ko": "힌트: KL 항을 배치에 대해 더했습니다. 재구성 손실처럼 배치 평균을 내세요.",
            "en": "Hint: the KL term is summed over the batch; average it over the batch like the reconstruction term.",
        },
        "hint.loss.summed": {
            "ko": "힌트: 배치에 대해 더했습니다. 두 항 모두 배치 평균이어야 합니다.",
            "en": "Hint: you summed over the batch; both terms must be batch averages.",
        },
        "hint.loss.pixel_mean": {
            "ko": "힌트: 재구성 손실을 픽셀에 대해 평균 냈습니다. 이미지 하나의 재구성 손실은 모든 픽셀의 합입니다.",
            "en": "Hint: you averaged the reconstruction loss over pixels; per image it is the sum over all pixels.",
        },
        "hint.loss.no_beta": {
            "ko": "힌트: beta가 쓰이지 않았습니다. KL 항에 beta를 곱하세요.",
            "en": "Hint: beta is not used; it weights the KL term.",
        },
        "hint.loss.beta_on_recon": {
            "ko": "힌트: beta를 엉뚱한 항에 곱했습니다.",
            "en": "Hint: beta multiplies the wrong term.",
        },
        "hint.loss.kl_sign": {
            "ko": "힌트: KL 항의 부호를 확인하세요. 손실은 KL이 클수록 커져야 합니다.",
            "en": "Hint: check the sign of the KL term; the loss must grow with the KL divergence.",
        },
        "hint.loss.bce_sign": {
            "ko": "힌트: 이진 교차 엔트로피의 부호를 확인하세요. 재구성 손실은 0 이상입니다.",
            "en": "Hint: check the sign of the binary cross-entropy; a reconstruction loss is never negative.",
        },
        "hint.loss.per_sample": {
            "ko": "힌트: 샘플별 손실을 돌려주었습니다. 배치 평균을 내서 숫자 하나를 돌려주세요.",
            "en": "Hint: you returned one loss per sample; average over the batch to return a single number.",
        },
        "hint.loss.no_kl": {
            "ko": "힌트: KL 항이 빠졌습니다. 이대로면 평범한 오토인코더의 손실입니다.",
            "en": "Hint: the KL term is missing; this is a plain autoencoder's loss.",
        },
        "hint.loss.no_clip": {
            "ko": "힌트: 재구성 값이 정확히 0이나 1이면 log(0)이 됩니다. log를 취하기 전에 x_recon을 [1e-7, 1 - 1e-7] 범위로 잘라 내세요(np.clip).",
            "en": "Hint: a reconstruction of exactly 0 or 1 gives log(0); clip x_recon to [1e-7, 1 - 1e-7] before the log (np.clip).",
        },
        "hint.loss.channel_mean": {
            "ko": "힌트: 채널 축에 대해 평균을 냈습니다. 이미지 하나의 재구성 손실은 높이, 너비, 채널의 모든 값에 대한 합입니다.",
            "en": "Hint: you averaged over the channel axis; per image the reconstruction loss is the sum over height, width and channels.",
        },
        "hint.loss.mse": {
            "ko": "힌트: 이 수업의 재구성 손실은 제곱 오차가 아니라 이진 교차 엔트로피입니다.",
            "en": "Hint: this lesson's reconstruction loss is binary cross-entropy, not squared error.",
        },
    }
)
