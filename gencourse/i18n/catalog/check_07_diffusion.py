"""Lesson 07's exercise checks (gencourse.check.diffusion): cases and hints."""

MESSAGES = {
    # --- q_sample ---------------------------------------------------------------------
    "case.qsample.digits": {
        "ko": "28x28 이미지 4장, 이미지마다 단계 t가 다른 배치",
        "en": "4 images of 28x28, each at its own step t",
    },
    "case.qsample.one_image": {"ko": "이미지가 한 장뿐인 배치", "en": "a batch of one image"},
    "case.qsample.non_square": {
        "ko": "정사각형이 아닌 이미지 (7x5)",
        "en": "non-square images (7x5)",
    },
    "case.qsample.first_step": {
        "ko": "모든 이미지가 t = 0 (첫 단계)",
        "en": "t = 0 (the first step) for every image",
    },
    "case.qsample.last_step": {
        "ko": "모든 이미지가 t = T - 1 (마지막 단계)",
        "en": "t = T - 1 (the last step) for every image",
    },
    "case.qsample.colour": {
        "ko": "정사각형이 아닌 3채널(컬러) 이미지",
        "en": "non-square images with 3 (colour) channels",
    },
    "case.qsample.ddpm_schedule": {
        "ko": "Ho 등(2020)의 1,000단계 스케줄, t는 처음부터 끝까지 여러 단계",
        "en": "the 1,000-step schedule of Ho et al. (2020), steps t from first to last",
    },
    "hint.qsample.no_sqrt": {
        "ko": "힌트: ᾱ_t와 1 - ᾱ_t는 분산입니다. 곱할 것은 그 제곱근입니다: x0에는 √ᾱ_t를, noise에는 √(1 - ᾱ_t)를 곱하세요.",
        "en": "Hint: ᾱ_t and 1 - ᾱ_t are variances; the factors are their square roots: √ᾱ_t for x0 and √(1 - ᾱ_t) for the noise.",
    },
    "hint.qsample.noise_not_sqrt": {
        "ko": "힌트: noise에 곱할 값은 1 - ᾱ_t가 아니라 √(1 - ᾱ_t)입니다. 두 분산 ᾱ_t와 1 - ᾱ_t를 더하면 1이므로 x_t의 분산이 1로 유지됩니다.",
        "en": "Hint: the noise is scaled by √(1 - ᾱ_t), not by 1 - ᾱ_t; the two variances ᾱ_t and 1 - ᾱ_t add up to 1, which keeps the variance of x_t at 1.",
    },
    "hint.qsample.signal_not_sqrt": {
        "ko": "힌트: x0에 곱할 값은 ᾱ_t가 아니라 √ᾱ_t입니다.",
        "en": "Hint: x0 is scaled by √ᾱ_t, not by ᾱ_t.",
    },
    "hint.qsample.one_minus_sqrt": {
        "ko": "힌트: noise의 계수는 1 - √ᾱ_t가 아니라 1 - ᾱ_t 전체의 제곱근, √(1 - ᾱ_t)입니다.",
        "en": "Hint: the noise's factor is the square root of the whole 1 - ᾱ_t, √(1 - ᾱ_t), not 1 - √ᾱ_t.",
    },
    "hint.qsample.swapped": {
        "ko": "힌트: x0의 계수와 noise의 계수가 서로 바뀌었습니다(alpha_bars를 노이즈의 몫 β처럼 썼습니다). 첫 단계에서 1에 가까운 √ᾱ_t는 x0에, √(1 - ᾱ_t)는 noise에 곱합니다.",
        "en": "Hint: x0 and the noise have swapped factors (as if alpha_bars held the noise's share, β): √ᾱ_t, near 1 at the first steps, scales x0, and √(1 - ᾱ_t) scales the noise.",
    },
    "hint.qsample.off_by_one": {
        "ko": "힌트: 단계가 하나 어긋났습니다. 단계는 0부터 세므로 ᾱ_t는 alpha_bars[t]입니다(alpha_bars[t - 1]도, alpha_bars[t + 1]도 아닙니다).",
        "en": "Hint: the step is off by one; steps count from 0, so ᾱ_t is alpha_bars[t] (neither alpha_bars[t - 1] nor alpha_bars[t + 1]).",
    },
    "hint.qsample.one_step": {
        "ko": "힌트: 한 단계의 계수인 α_t = ᾱ_t / ᾱ_(t-1)로 계산했습니다. 이것은 x_(t-1)에 노이즈를 한 단계 더 입히는 식입니다. x0에서 한 번에 t단계까지 가려면 t까지 모든 α를 곱한 ᾱ_t = alpha_bars[t]를 씁니다.",
        "en": "Hint: you used one step's factor α_t = ᾱ_t / ᾱ_(t-1), which noises x_(t-1) by one more step; to go from x0 to step t in one jump, use the product of every α up to t, ᾱ_t = alpha_bars[t].",
    },
    "hint.qsample.recomputed": {
        "ko": "힌트: alpha_bars에는 이미 누적곱 ᾱ_t가 들어 있습니다. 다시 곱해 나가지(np.cumprod) 말고 alpha_bars[t]를 그대로 쓰세요.",
        "en": "Hint: alpha_bars already holds ᾱ_t, the running product; do not multiply it up again (np.cumprod): use alpha_bars[t] as it is.",
    },
    "hint.qsample.minus": {
        "ko": "힌트: 노이즈는 빼지 말고 더합니다: x_t = √ᾱ_t·x0 + √(1 - ᾱ_t)·noise. 주어진 noise를 그대로 쓰세요.",
        "en": "Hint: the noise is added, not subtracted: x_t = √ᾱ_t·x0 + √(1 - ᾱ_t)·noise; use the given noise as it is.",
    },
    "hint.qsample.no_noise": {
        "ko": "힌트: 노이즈 항이 빠졌습니다: x_t = √ᾱ_t·x0 + √(1 - ᾱ_t)·noise.",
        "en": "Hint: the noise term is missing: x_t = √ᾱ_t·x0 + √(1 - ᾱ_t)·noise.",
    },
    "hint.qsample.per_example": {
        "ko": "힌트: alpha_bars[t]는 이미지마다 값이 하나씩인 (batch,) 모양입니다. (batch, 높이, 너비, 채널) 모양의 이미지에 그대로 곱하면 마지막 축에 맞춰집니다. 먼저 (batch, 1, 1, 1) 모양으로 바꾸세요(예: a.reshape(-1, 1, 1, 1)).",
        "en": "Hint: alpha_bars[t] holds one value per image, shape (batch,); multiplied as it is with images of shape (batch, height, width, channels), it lines up with the last axis. Reshape it to (batch, 1, 1, 1) first, e.g. a.reshape(-1, 1, 1, 1).",
    },
    "hint.qsample.first_step": {
        "ko": "힌트: 이 테스트는 t = 0, 첫 단계입니다. ᾱ_0은 alpha_bars[0]입니다. alpha_bars를 어떻게 인덱싱했는지 확인하세요.",
        "en": "Hint: this test has t = 0, the first step, whose ᾱ_0 is alpha_bars[0]; check how your function indexes alpha_bars.",
    },
    "hint.qsample.last_step": {
        "ko": "힌트: 이 테스트는 t = T - 1, 마지막 단계입니다. ᾱ_t는 alpha_bars[t]이고, 마지막 인덱스는 len(alpha_bars) - 1입니다.",
        "en": "Hint: this test has t = T - 1, the last step; ᾱ_t is alpha_bars[t], and the last index is len(alpha_bars) - 1.",
    },
    # --- diffusion_loss ---------------------------------------------------------------
    "case.mse.digits": {"ko": "28x28 이미지 8장짜리 배치", "en": "a batch of 8 images of 28x28"},
    "case.mse.one_image": {"ko": "이미지가 한 장뿐인 배치", "en": "a batch of one image"},
    "case.mse.non_square": {"ko": "정사각형이 아닌 이미지 (7x5)", "en": "non-square images (7x5)"},
    "case.mse.colour": {"ko": "3채널(컬러) 이미지", "en": "images with 3 (colour) channels"},
    "case.mse.perfect": {
        "ko": "예측이 노이즈와 똑같은 경우",
        "en": "a prediction equal to the noise",
    },
    "case.mse.zero_prediction": {"ko": "예측이 모두 0인 경우", "en": "a prediction of all zeros"},
    "case.mse.far_off": {"ko": "노이즈와 크게 다른 예측", "en": "a prediction far from the noise"},
    "hint.mse.summed": {
        "ko": "힌트: 제곱 오차를 더했습니다. 손실은 배치, 높이, 너비, 채널의 모든 값에 대한 평균이어서 이미지 크기나 배치 크기가 달라져도 커지지 않습니다.",
        "en": "Hint: you summed the squared errors; the loss is their mean over every value (batch, height, width and channels), so that it does not grow with the image or batch size.",
    },
    "hint.mse.absolute": {
        "ko": "힌트: 절댓값 오차의 평균(MAE)을 계산했습니다. 이 손실은 차이를 제곱한 뒤 평균을 냅니다.",
        "en": "Hint: this is the mean absolute error; the loss squares each difference before averaging.",
    },
    "hint.mse.rmse": {
        "ko": "힌트: 평균에 제곱근을 씌웠습니다(RMSE). 손실은 평균 제곱 오차 그 자체입니다.",
        "en": "Hint: you took the square root of the mean (the RMSE); the loss is the mean squared error itself.",
    },
    "hint.mse.half": {
        "ko": "힌트: 값이 절반입니다. 손실은 앞에 ½을 곱하지 않은, 제곱 차이의 평균 그대로입니다.",
        "en": "Hint: the value is half of what it should be; the loss is the plain mean of the squared differences, with no ½ in front.",
    },
    "hint.mse.per_example": {
        "ko": "힌트: 이미지마다 손실 하나씩을 돌려주었습니다. 배치에 대해서도 평균을 내서 숫자 하나를 돌려주세요.",
        "en": "Hint: you returned one loss per image; average over the batch too, to a single number.",
    },
    "hint.mse.batch_only": {
        "ko": "힌트: 배치 축에 대해서만 평균을 내서 픽셀별 값이 남았습니다. 모든 축에 대해 평균을 내서 숫자 하나를 돌려주세요.",
        "en": "Hint: you averaged over the batch axis only, which leaves a value per pixel; average over every axis, to a single number.",
    },
    "hint.mse.last_axis": {
        "ko": "힌트: 마지막 축에 대해서만 평균을 냈습니다(keras.losses.mean_squared_error가 그렇게 합니다). 모든 축에 대해 평균을 내서 숫자 하나를 돌려주세요(np.mean 또는 keras.losses.MeanSquaredError()).",
        "en": "Hint: you averaged over the last axis only (keras.losses.mean_squared_error does that); average over every axis, to a single number (np.mean, or keras.losses.MeanSquaredError()).",
    },
    "hint.mse.image_sum": {
        "ko": "힌트: 이미지마다 픽셀에 대해 더한 뒤 배치 평균을 냈습니다(수업 02의 재구성 손실이 그렇습니다). 이 손실은 픽셀까지 포함한 모든 값의 평균입니다.",
        "en": "Hint: you summed over each image's pixels and averaged over the batch (as lesson 02's reconstruction loss does); this loss is the mean over every value, pixels included.",
    },
    "hint.mse.not_squared": {
        "ko": "힌트: 차이를 제곱하지 않았습니다. 이러면 양수 오차와 음수 오차가 서로 상쇄됩니다.",
        "en": "Hint: the differences are not squared, so positive and negative errors cancel out.",
    },
    "hint.mse.square_of_mean": {
        "ko": "힌트: 차이의 평균을 제곱했습니다. 차이를 하나하나 먼저 제곱한 다음 평균을 내세요.",
        "en": "Hint: you squared the mean difference; square each difference first, then average.",
    },
    "hint.mse.squares_subtracted": {
        "ko": "힌트: 제곱끼리 뺐습니다(noise² - predicted²). 차이를 제곱해야 합니다: (noise - predicted)².",
        "en": "Hint: you subtracted the squares (noise² - predicted²); square the difference instead: (noise - predicted)².",
    },
    # --- ddim_step --------------------------------------------------------------------
    "case.ddim.digits": {
        "ko": "28x28 이미지 4장, 배치 전체에 ᾱ_t와 ᾱ_prev가 하나씩",
        "en": "4 images of 28x28, one ᾱ_t and one ᾱ_prev for the whole batch",
    },
    "case.ddim.one_image": {"ko": "이미지가 한 장뿐인 배치", "en": "a batch of one image"},
    "case.ddim.non_square": {"ko": "정사각형이 아닌 이미지 (7x5)", "en": "non-square images (7x5)"},
    "case.ddim.noisy_start": {
        "ko": "노이즈가 아주 많은 단계 (ᾱ_t가 0에 가까움)",
        "en": "a very noisy step (ᾱ_t near 0)",
    },
    "case.ddim.last_step": {
        "ko": "마지막 단계 (ᾱ_prev = 1)",
        "en": "the last step (ᾱ_prev = 1)",
    },
    "case.ddim.big_jump": {
        "ko": "적은 단계로 샘플링할 때처럼 크게 건너뛰는 단계 (ᾱ_t는 0 근처, ᾱ_prev는 1 근처)",
        "en": "a big jump, as sampling in few steps makes (ᾱ_t near 0, ᾱ_prev near 1)",
    },
    "case.ddim.per_example": {
        "ko": "이미지마다 ᾱ_t와 ᾱ_prev가 다른 경우 ((batch,) 모양의 배열)",
        "en": "one ᾱ_t and one ᾱ_prev per image (arrays of shape (batch,))",
    },
    "case.ddim.colour": {"ko": "3채널(컬러) 이미지", "en": "images with 3 (colour) channels"},
    "hint.ddim.swapped": {
        "ko": "힌트: ᾱ_t와 ᾱ_prev가 서로 바뀌었습니다. x̂0은 지금 단계(노이즈가 더 많은 단계)의 ᾱ_t로 구하고, 노이즈는 ᾱ_prev의 수준으로 다시 입힙니다.",
        "en": "Hint: ᾱ_t and ᾱ_prev are swapped; x̂0 comes from ᾱ_t (the current, noisier step) and the noise is put back at the level of ᾱ_prev.",
    },
    "hint.ddim.no_division": {
        "ko": "힌트: x_t 안의 x0에는 √ᾱ_t가 곱해져 있으므로, 노이즈를 뺀 뒤 √ᾱ_t로 나누어야 x̂0이 됩니다: x̂0 = (x_t - √(1 - ᾱ_t)·ε̂) / √ᾱ_t.",
        "en": "Hint: x_t holds √ᾱ_t·x0, so after taking the noise out, divide by √ᾱ_t: x̂0 = (x_t - √(1 - ᾱ_t)·ε̂) / √ᾱ_t.",
    },
    "hint.ddim.divided_by_alpha_bar": {
        "ko": "힌트: x̂0을 구할 때는 ᾱ_t가 아니라 √ᾱ_t로 나눕니다.",
        "en": "Hint: to get x̂0, divide by √ᾱ_t, not by ᾱ_t.",
    },
    "hint.ddim.multiplied": {
        "ko": "힌트: x_t 안의 x0에는 이미 √ᾱ_t가 곱해져 있습니다. x̂0을 되찾으려면 √ᾱ_t를 곱하지 말고 나누세요.",
        "en": "Hint: x_t already holds x0 scaled by √ᾱ_t; to get x̂0 back, divide by √ᾱ_t instead of multiplying.",
    },
    "hint.ddim.eps_coefficient": {
        "ko": "힌트: ε̂에 곱할 값은 √ᾱ_prev가 아니라 √(1 - ᾱ_prev)입니다. q_sample과 같은 두 계수를 ᾱ_prev 단계에서 씁니다.",
        "en": "Hint: ε̂ is scaled by √(1 - ᾱ_prev), not by √ᾱ_prev: the same two factors as in q_sample, at the step of ᾱ_prev.",
    },
    "hint.ddim.eps_not_sqrt": {
        "ko": "힌트: ε̂에 곱할 값은 1 - ᾱ_prev가 아니라 √(1 - ᾱ_prev)입니다.",
        "en": "Hint: ε̂ is scaled by √(1 - ᾱ_prev), not by 1 - ᾱ_prev.",
    },
    "hint.ddim.x0_not_sqrt": {
        "ko": "힌트: x̂0에 곱할 값은 ᾱ_prev가 아니라 √ᾱ_prev입니다.",
        "en": "Hint: x̂0 is scaled by √ᾱ_prev, not by ᾱ_prev.",
    },
    "hint.ddim.same_noise_level": {
        "ko": "힌트: 노이즈는 이전 단계의 수준으로 다시 입힙니다: √(1 - ᾱ_t)·ε̂가 아니라 √(1 - ᾱ_prev)·ε̂입니다.",
        "en": "Hint: the noise is put back at the previous step's level: √(1 - ᾱ_prev)·ε̂, not √(1 - ᾱ_t)·ε̂.",
    },
    "hint.ddim.returns_x0": {
        "ko": "힌트: 깨끗한 이미지의 추정값 x̂0을 돌려주었습니다. DDIM 한 단계는 이전 단계까지만 갑니다: √ᾱ_prev·x̂0 + √(1 - ᾱ_prev)·ε̂.",
        "en": "Hint: you returned x̂0, the estimate of the clean image; one DDIM step goes only to the previous step: √ᾱ_prev·x̂0 + √(1 - ᾱ_prev)·ε̂.",
    },
    "hint.ddim.minus": {
        "ko": "힌트: ε̂ 항은 빼지 말고 더합니다: √ᾱ_prev·x̂0 + √(1 - ᾱ_prev)·ε̂.",
        "en": "Hint: the ε̂ term is added back, not subtracted: √ᾱ_prev·x̂0 + √(1 - ᾱ_prev)·ε̂.",
    },
    "hint.ddim.clipped": {
        "ko": "힌트: x̂0을 [-1, 1] 범위로 잘라 냈습니다. 이 수업의 DDIM 단계는 노이즈가 많을 때에도 x̂0을 자르지 않고 그대로 씁니다.",
        "en": "Hint: you clipped x̂0 to [-1, 1]; this lesson's DDIM step uses x̂0 as it is, unclipped, even where the noise is large.",
    },
    "hint.ddim.ddpm_mean": {
        "ko": "힌트: DDPM 단계의 평균(α_t = ᾱ_t / ᾱ_prev)을 계산했습니다. DDIM 단계는 x̂0을 거쳐 갑니다: √ᾱ_prev·x̂0 + √(1 - ᾱ_prev)·ε̂.",
        "en": "Hint: this is the DDPM step's mean (with α_t = ᾱ_t / ᾱ_prev); the DDIM step goes through x̂0: √ᾱ_prev·x̂0 + √(1 - ᾱ_prev)·ε̂.",
    },
    "hint.ddim.per_example": {
        "ko": "힌트: 여기서 ᾱ_t와 ᾱ_prev는 이미지마다 값이 하나씩인 (batch,) 모양의 배열입니다. (batch, 높이, 너비, 채널) 모양의 이미지에 그대로 곱하면 마지막 축에 맞춰집니다. 먼저 (batch, 1, 1, 1) 모양으로 바꾸세요(스칼라를 reshape(-1, 1, 1, 1)로 바꿔도 결과는 같습니다).",
        "en": "Hint: here ᾱ_t and ᾱ_prev are arrays of one value per image, shape (batch,); multiplied as they are with images of shape (batch, height, width, channels), they line up with the last axis. Reshape them to (batch, 1, 1, 1) first (a scalar reshaped with reshape(-1, 1, 1, 1) still works).",
    },
    "hint.ddim.scalar": {
        "ko": "힌트: ᾱ_t와 ᾱ_prev는 배치 전체에 하나인 스칼라일 수도 있고, 이미지마다 하나씩인 배열일 수도 있습니다. a[:, None, None, None]이나 a.reshape(len(x_t), 1, 1, 1)은 스칼라에서 실패합니다. 둘 다에 맞는 np.reshape(a, (-1, 1, 1, 1))을 쓰세요.",
        "en": "Hint: ᾱ_t and ᾱ_prev may be scalars, one for the whole batch, or arrays of one value per image; a[:, None, None, None] and a.reshape(len(x_t), 1, 1, 1) fail on a scalar. Use np.reshape(a, (-1, 1, 1, 1)), which fits both.",
    },
    "hint.ddim.last_step": {
        "ko": "힌트: 마지막 단계에서는 ᾱ_prev = 1이므로 결과가 x̂0 그 자체여야 합니다(√(1 - 1) = 0).",
        "en": "Hint: at the last step ᾱ_prev = 1, so the step must return x̂0 itself (√(1 - 1) = 0).",
    },
    # --- guided_noise -----------------------------------------------------------------
    "case.guide.scale_three": {
        "ko": "scale = 3, 28x28 이미지 4장",
        "en": "scale = 3, 4 images of 28x28",
    },
    "case.guide.scale_zero": {"ko": "scale = 0 (가이던스 없음)", "en": "scale = 0 (no guidance)"},
    "case.guide.scale_one": {"ko": "scale = 1", "en": "scale = 1"},
    "case.guide.one_image": {"ko": "이미지가 한 장뿐인 배치", "en": "a batch of one image"},
    "case.guide.non_square": {
        "ko": "정사각형이 아닌 이미지 (7x5), 큰 scale",
        "en": "non-square images (7x5) and a large scale",
    },
    "case.guide.scale_half": {"ko": "0과 1 사이의 scale", "en": "a scale between 0 and 1"},
    "case.guide.colour": {"ko": "3채널(컬러) 이미지", "en": "images with 3 (colour) channels"},
    "hint.guide.cond_only": {
        "ko": "힌트: eps_cond에만 scale을 곱했습니다. 가이던스는 무조건부 예측에서 출발해 두 예측의 차이 방향으로 움직입니다: eps_uncond + scale·(eps_cond - eps_uncond).",
        "en": "Hint: you scaled eps_cond alone; guidance starts from the unconditional prediction and moves along the difference: eps_uncond + scale·(eps_cond - eps_uncond).",
    },
    "hint.guide.no_difference": {
        "ko": "힌트: scale은 eps_cond 하나가 아니라 차이 eps_cond - eps_uncond에 곱합니다.",
        "en": "Hint: scale multiplies the difference eps_cond - eps_uncond, not eps_cond alone.",
    },
    "hint.guide.swapped": {
        "ko": "힌트: eps_cond와 eps_uncond의 역할이 바뀌었습니다. scale이 0이면 무조건부 예측이, 1이면 조건부 예측이 나와야 합니다.",
        "en": "Hint: eps_cond and eps_uncond have swapped roles; scale 0 must give the unconditional prediction and scale 1 the conditional one.",
    },
    "hint.guide.other_convention": {
        "ko": "힌트: Ho와 Salimans의 식 (1 + w)·eps_cond - w·eps_uncond에 w = scale을 넣었습니다. 이 수업의 scale은 그 w에 1을 더한 값입니다: eps_uncond + scale·(eps_cond - eps_uncond). 그래서 scale 1은 조건부 예측 그대로, scale 0은 무조건부 예측입니다. w = scale로 쓰면 모든 샘플이 수업의 표와 위젯이 말하는 것보다 한 단위 더 세게 이끌립니다.",
        "en": "Hint: you wrote Ho and Salimans' form (1 + w)·eps_cond - w·eps_uncond with w = scale. This lesson's scale is their w plus one: eps_uncond + scale·(eps_cond - eps_uncond), so that scale 1 is the conditional prediction itself and scale 0 the unconditional one; with w = scale, every sample would be guided one unit harder than the lesson's tables and widget say.",
    },
    "hint.guide.average": {
        "ko": "힌트: 두 예측의 평균은 scale을 쓰지 않습니다. 가이던스는 eps_uncond + scale·(eps_cond - eps_uncond)입니다.",
        "en": "Hint: the average of the two predictions does not use scale; guidance is eps_uncond + scale·(eps_cond - eps_uncond).",
    },
    "hint.guide.no_base": {
        "ko": "힌트: 출발점인 무조건부 예측 eps_uncond가 빠졌습니다: eps_uncond + scale·(eps_cond - eps_uncond).",
        "en": "Hint: the unconditional prediction to start from, eps_uncond, is missing: eps_uncond + scale·(eps_cond - eps_uncond).",
    },
    "hint.guide.sign": {
        "ko": "힌트: 부호가 반대입니다. 가이던스는 무조건부 예측에서 조건부 예측 쪽으로 움직입니다: + scale·(eps_cond - eps_uncond).",
        "en": "Hint: the sign is flipped; guidance moves from the unconditional prediction toward the conditional one: + scale·(eps_cond - eps_uncond).",
    },
    "hint.guide.normalised": {
        "ko": "힌트: 1 + scale로 나누지 마세요. 가이던스는 가중 평균이 아니라서, scale이 1보다 크면 일부러 조건부 예측을 지나쳐 갑니다.",
        "en": "Hint: do not divide by 1 + scale; guidance is no weighted mean, and with a scale above 1 it goes past the conditional prediction on purpose.",
    },
}
