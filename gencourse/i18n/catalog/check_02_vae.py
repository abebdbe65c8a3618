"""Lesson 02's exercise checks (gencourse.check.vae): cases and hints."""

MESSAGES = {
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
        "ko": "힌트: 분포의 중심(평균)을 더하지 않았습니다.",
        "en": "Hint: the centre of the distribution (the mean) is missing.",
    },
    "hint.reparam.no_noise": {
        "ko": "힌트: 주어진 노이즈 eps를 곱하지 않았습니다.",
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
    "hint.reparam.noise_changed": {
        "ko": "힌트: 노이즈 eps를 그대로 쓰지 않고 바꾸었습니다(잘라 내기, tanh, 절댓값, 표준화 등). eps는 이미 표준정규분포의 노이즈이고, 드물게 나오는 큰 값도 그 분포의 일부입니다. 주어진 eps를 그대로 쓰세요.",
        "en": "Hint: you changed the noise eps before using it (clipped, squashed, made positive or standardised). eps already is standard normal noise, and its rare large values belong to that distribution; use the given eps as it is.",
    },
    "hint.kl.batch_reduced": {
        "ko": "힌트: 배치 전체를 하나의 숫자로 줄였습니다. 샘플마다 KL 값 하나씩, 즉 배치 크기만큼의 값을 돌려주세요.",
        "en": "Hint: you reduced the whole batch to one number; return one KL value per sample.",
    },
    "hint.kl.latent_not_summed": {
        "ko": "힌트: 잠재 벡터의 차원별 항을 더하지 않았습니다. 마지막 축을 따라 모두 더하세요.",
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
        "ko": "힌트: 차원마다 더하는 상수 1을 빠뜨렸습니다.",
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
        "ko": "힌트: beta를 쓰지 않았습니다. KL 항에 beta를 곱하세요.",
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
        "ko": "힌트: KL 항을 더하지 않았습니다. 이대로면 평범한 오토인코더의 손실입니다.",
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
    "hint.reparam.half_outside": {
        "ko": "힌트: 0.5를 exp 밖에서 곱했습니다. 표준편차는 σ = exp(0.5 · log σ²)로, 0.5는 exp 안에 들어갑니다.",
        "en": "Hint: the 0.5 multiplies outside the exp; the standard deviation is σ = exp(0.5 · log σ²), with the 0.5 inside.",
    },
    "hint.reparam.parentheses": {
        "ko": "힌트: eps가 평균까지 곱해졌습니다. eps에는 표준편차만 곱하고 평균은 그 뒤에 더합니다: z = μ + σ · eps.",
        "en": "Hint: eps multiplies the mean too; it scales only the standard deviation, and the mean is added: z = μ + σ · eps.",
    },
    "hint.reparam.inverse_std": {
        "ko": "힌트: exp(-0.5 · log σ²)는 1/σ입니다. 부호를 확인하세요: σ = exp(+0.5 · log σ²).",
        "en": "Hint: exp(-0.5 · log σ²) is 1/σ; check the sign: σ = exp(+0.5 · log σ²).",
    },
    "hint.reparam.roles": {
        "ko": "힌트: eps를 평균에 곱하고 표준편차를 더했습니다. 역할이 바뀌었습니다: z = μ + σ · eps.",
        "en": "Hint: eps multiplies the mean and the standard deviation is added; the roles are swapped: z = μ + σ · eps.",
    },
    "hint.kl.one_sign": {
        "ko": "힌트: 차원마다 들어가는 상수 1의 부호가 반대입니다. ½(μ² + σ² - log σ² - 1)입니다.",
        "en": "Hint: the constant 1 of each dimension has the wrong sign; it is ½(μ² + σ² - log σ² - 1).",
    },
    "hint.kl.log_var_as_var": {
        "ko": "힌트: z_log_var를 분산 σ²로 썼습니다(음수의 log는 NaN). z_log_var는 ℓ = log σ²이므로 σ² = exp(ℓ), log σ² = ℓ입니다.",
        "en": "Hint: z_log_var was used as the variance σ² (the log of a negative number is NaN); it is ℓ = log σ², so σ² = exp(ℓ) and log σ² = ℓ.",
    },
    "hint.kl.variance": {
        "ko": "힌트: 분산은 σ² = exp(ℓ)입니다. exp(ℓ/2)는 표준편차 σ이고, exp(2ℓ)는 σ⁴입니다.",
        "en": "Hint: the variance is σ² = exp(ℓ); exp(ℓ/2) is the standard deviation σ, and exp(2ℓ) is σ⁴.",
    },
    "hint.kl.no_log": {
        "ko": "힌트: -log σ² 항(= -z_log_var)이 빠졌습니다.",
        "en": "Hint: the -log σ² term (= -z_log_var) is missing.",
    },
    "hint.loss.one_sided": {
        "ko": "힌트: 이진 교차 엔트로피의 항이 하나뿐입니다. -[x log x̂ + (1 - x) log(1 - x̂)]의 두 번째 항도 더하세요.",
        "en": "Hint: only one term of the binary cross-entropy is there; add the second one of -[x log x̂ + (1 - x) log(1 - x̂)].",
    },
    "hint.loss.fixed_size": {
        "ko": "힌트: 이미지가 28x28x1(784개 값)이라고 가정했습니다. 테스트에는 다른 크기(예: 8x8, 10x7x3)도 있습니다. reshape(len(x), -1)로 이미지마다 펼치세요.",
        "en": "Hint: you assumed 28x28x1 images (784 values); the tests have other sizes too (8x8, 10x7x3). Flatten each image with reshape(len(x), -1).",
    },
}
