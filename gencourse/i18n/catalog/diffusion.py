"""Tables, figure text and outcome sentences of lesson 07 (gencourse.reports.diffusion)."""

MESSAGES = {
    # --- the forward process -------------------------------------------------------------
    "r07.schedule_linear": {"ko": "선형 스케줄", "en": "linear schedule"},
    "r07.schedule_cosine": {"ko": "코사인 스케줄", "en": "cosine schedule"},
    "r07.timestep": {"ko": "시간 단계 t", "en": "timestep t"},
    "r07.noising_title": {
        "ko": "한 숫자에 노이즈 더하기 $q(x_t | x_0)$, 그리고 두 스케줄의 $\\bar{{\\alpha}}_t$",
        "en": "Noising one digit, $q(x_t | x_0)$, and the two schedules' $\\bar{{\\alpha}}_t$",
    },
    # --- sampling steps --------------------------------------------------------------------
    "r07.steps_headers": {
        "ko": "방법|단계 수|1,000장당 초|레이블 일치율|확신 0.9 이상|프레셰 거리",
        "en": "method|steps|seconds per 1,000|label agreement|confidence ≥ 0.9|Fréchet distance",
    },
    "r07.steps": {"ko": "샘플링 단계 수", "en": "sampling steps"},
    "r07.frechet": {
        "ko": "프레셰 거리 (낮을수록 좋음)",
        "en": "Fréchet distance (lower is better)",
    },
    "r07.seconds_per_1000": {"ko": "1,000장당 초", "en": "seconds per 1,000 images"},
    "r07.steps_title": {
        "ko": "샘플링 단계 수에 따른 품질과 시간",
        "en": "Quality and time against the number of sampling steps",
    },
    "r07.steps_best": {
        "ko": "DDIM은 {steps}단계에서 가장 낮은 프레셰 거리({frechet:.1f})를 보였습니다. 그보다 적은 단계는 모두 10% 넘게 높았습니다.",
        "en": "DDIM reached its lowest Fréchet distance ({frechet:.1f}) at {steps} steps; every smaller number of steps was more than 10% higher.",
    },
    "r07.steps_fewest": {
        "ko": "DDIM은 측정한 단계 수 가운데 가장 적은 {steps}단계에서 이미 가장 낮은 프레셰 거리({frechet:.1f})를 보였습니다. 단계를 늘려도 더 낮아지지 않았습니다.",
        "en": "DDIM reached its lowest Fréchet distance ({frechet:.1f}) with the fewest steps measured, {steps}; more steps did not lower it.",
    },
    "r07.steps_enough": {
        "ko": "DDIM은 {steps}단계로 가장 낮은 프레셰 거리({best:.1f}, {best_steps}단계)의 10% 안쪽({frechet:.1f})에 들었고, 걸린 시간은 {best_steps}단계의 {share:.0%}였습니다.",
        "en": "DDIM came within 10% of its lowest Fréchet distance ({best:.1f} at {best_steps} steps) with {steps} steps ({frechet:.1f}), taking {share:.0%} of the time of {best_steps} steps.",
    },
    "r07.methods_tie": {
        "ko": "같은 {steps}단계에서 DDIM({ddim:.1f})과 DDPM({ddpm:.1f})의 프레셰 거리 차이는 10% 안쪽이었습니다.",
        "en": "At {steps} steps, DDIM ({ddim:.1f}) and DDPM ({ddpm:.1f}) were within 10% of each other in Fréchet distance.",
    },
    "r07.ddim_lower": {
        "ko": "같은 {steps}단계에서 DDIM의 프레셰 거리({ddim:.1f})가 DDPM({ddpm:.1f})보다 낮았습니다. 단계를 건너뛰면 DDPM의 무작위 단계가 더 손해를 봅니다.",
        "en": "At {steps} steps, DDIM's Fréchet distance ({ddim:.1f}) was lower than DDPM's ({ddpm:.1f}): with steps skipped, DDPM's random steps lose more.",
    },
    "r07.ddpm_lower": {
        "ko": "같은 {steps}단계에서 DDPM의 프레셰 거리({ddpm:.1f})가 DDIM({ddim:.1f})보다 낮았습니다.",
        "en": "At {steps} steps, DDPM's Fréchet distance ({ddpm:.1f}) was lower than DDIM's ({ddim:.1f}).",
    },
    # --- guidance --------------------------------------------------------------------------
    "r07.guidance_headers": {
        "ko": "가이던스 세기|레이블 일치율|확신 0.9 이상|프레셰 거리|같은 레이블 안의 다양성|가장 드문 숫자의 비율",
        "en": "guidance scale|label agreement|confidence ≥ 0.9|Fréchet distance|diversity within a label|rarest digit's share",
    },
    "r07.real_digits": {"ko": "실제 숫자", "en": "real digits"},
    "r07.scale": {"ko": "가이던스 세기", "en": "guidance scale"},
    "r07.agreement": {"ko": "레이블 일치율", "en": "label agreement"},
    "r07.diversity": {"ko": "같은 레이블 안의 다양성", "en": "diversity within a label"},
    "r07.guidance_title": {
        "ko": "가이던스 세기에 따른 품질과 다양성",
        "en": "Quality and diversity against the guidance scale",
    },
    "r07.trade": {
        "ko": "가이던스 세기를 {low:g}에서 {high:g}까지 올리자 레이블 일치율은 {agreement_low:.1%}에서 {agreement_high:.1%}까지 올랐고, 같은 레이블 안의 다양성은 {diversity_low:.3f}에서 {diversity_high:.3f}까지 줄었습니다(실제 숫자: {real:.3f}). 가이던스는 다양성을 내주고 레이블을 얻습니다.",
        "en": "From guidance scale {low:g} to {high:g}, the label agreement rose from {agreement_low:.1%} to {agreement_high:.1%} and the diversity within a label fell from {diversity_low:.3f} to {diversity_high:.3f} (real digits: {real:.3f}): guidance buys labels with diversity.",
    },
    "r07.no_trade": {
        "ko": "가이던스 세기를 {low:g}에서 {high:g}까지 올리는 동안 레이블 일치율은 {agreement_low:.1%}에서 {agreement_high:.1%}, 같은 레이블 안의 다양성은 {diversity_low:.3f}에서 {diversity_high:.3f}였습니다(실제 숫자: {real:.3f}). 여기서는 레이블을 얻으면서 다양성을 잃는 맞바꿈이 뚜렷하게 보이지 않았습니다.",
        "en": "From guidance scale {low:g} to {high:g}, the label agreement went from {agreement_low:.1%} to {agreement_high:.1%} and the diversity within a label from {diversity_low:.3f} to {diversity_high:.3f} (real digits: {real:.3f}): no clear trade of diversity for labels here.",
    },
    "r07.best_frechet": {
        "ko": "프레셰 거리는 가이던스 세기 {scale:g}에서 가장 낮았습니다({frechet:.1f}).",
        "en": "The Fréchet distance was lowest at guidance scale {scale:g} ({frechet:.1f}).",
    },
    "r07.coverage": {
        "ko": "가이던스 세기 0(레이블 없는 샘플)에서 가장 드문 숫자 {digit}의 비율은 {share:.1%}, 가장 흔한 숫자의 비율은 {most:.1%}였습니다(고르게 나오면 각각 10%).",
        "en": "At guidance scale 0 (unconditional samples) the rarest digit, {digit}, made up {share:.1%} of the samples and the most common one {most:.1%} (an even spread gives 10% each).",
    },
    # --- memorisation ----------------------------------------------------------------------
    "r07.memory_headers": {
        "ko": "이미지|가장 가까운 훈련 이미지까지 거리 (중앙값)|(최솟값)|선명도",
        "en": "images|distance to the nearest training image (median)|(smallest)|sharpness",
    },
    "r07.samples": {"ko": "생성한 샘플", "en": "generated samples"},
    "r07.held_out_digits": {"ko": "테스트 숫자 (실제)", "en": "held-out digits (real)"},
    "r07.copies": {
        "ko": "샘플의 {share:.0%}가 어떤 테스트 숫자보다도 훈련 이미지에 가까웠습니다(기준 거리 {threshold:.3f}). 새로 쓴 실제 숫자는 그만큼 가까워지지 않으므로, 이 모델은 훈련 이미지를 베끼고 있습니다.",
        "en": "{share:.0%} of the samples lie closer to a training image than any held-out real digit does (threshold {threshold:.3f}). New real digits never come that close: this model copies training images.",
    },
    "r07.no_copies": {
        "ko": "어떤 테스트 숫자보다도 훈련 이미지에 가까운 샘플은 {share:.0%}뿐이었습니다(기준 거리 {threshold:.3f}). 이 훈련량에서는 베끼는 모습이 보이지 않았습니다.",
        "en": "Only {share:.0%} of the samples lie closer to a training image than any held-out real digit does (threshold {threshold:.3f}): no sign of copying at this budget.",
    },
    "r07.no_copies_none": {
        "ko": "어떤 테스트 숫자보다도 훈련 이미지에 가까운 샘플은 하나도 없었습니다(기준 거리 {threshold:.3f}). 이 훈련량에서는 베끼는 모습이 보이지 않았습니다.",
        "en": "None of the samples lies closer to a training image than any held-out real digit does (threshold {threshold:.3f}): no sign of copying at this budget.",
    },
    "r07.blurred": {
        "ko": "샘플의 선명도는 훈련 이미지의 {ratio:.0%}였습니다. 흐린 샘플은 여러 훈련 이미지의 평균에 가까워서, 거리만으로는 베낀 것과 구별되지 않습니다.",
        "en": "The samples' sharpness was {ratio:.0%} of the training images': blurred samples sit near an average of several training images, which distance alone does not tell from a copy.",
    },
    "r07.noisy": {
        "ko": "샘플에서 이웃한 픽셀 사이의 차이는 훈련 이미지의 {ratio:.0%}였습니다. 실제 획보다 차이가 크다는 것은 베낀 것이 아니라 노이즈가 덜 걷혔다는 신호입니다.",
        "en": "Neighbouring pixels of the samples differed {ratio:.0%} as much as the training images': more than real strokes do, a sign of leftover noise rather than of copies.",
    },
    "r07.sharp": {
        "ko": "샘플의 선명도는 훈련 이미지의 {ratio:.0%}로 실제 숫자와 비슷했습니다. 흐릿한 평균이 아니므로, 가까운 거리는 베낀 것으로 읽어도 됩니다.",
        "en": "The samples' sharpness was {ratio:.0%} of the training images', close to real digits': they are not blurred averages, so a small distance can be read as copying.",
    },
    # --- the widget ------------------------------------------------------------------------
    "widget.guidance": {"ko": "가이던스", "en": "guidance"},
    "widget.diffusion_caption": {
        "ko": "숫자 {label}, 가이던스 세기 {guidance:g}, DDIM {steps}단계, 시드 {seed}",
        "en": "digit {label}, guidance scale {guidance:g}, DDIM {steps} steps, seed {seed}",
    },
}
