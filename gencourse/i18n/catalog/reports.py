"""Tables and outcome sentences that lessons 01-04 print (gencourse.reports)."""

MESSAGES = {
    # --- lesson 01 ----------------------------------------------------------------------
    "r01.sweep_headers": {
        "ko": "k|검증 정확도(베이즈 규칙)|샘플의 레이블 일치율",
        "en": "k|validation accuracy (Bayes' rule)|label agreement of samples",
    },
    "r01.sweep_best": {
        "ko": "검증 정확도가 가장 높은 k: {best} ({best_accuracy:.1%}), k = {k}: {accuracy:.1%}, 가장 높은 값보다 {gap:.1f}%p 낮음",
        "en": "highest validation accuracy: k = {best} ({best_accuracy:.1%}); k = {k}: {accuracy:.1%}, {gap:.1f} percentage points below the highest",
    },
    "r01.classifier_headers": {
        "ko": "분류기|배우는 것|테스트 정확도",
        "en": "classifier|learns|held-out accuracy",
    },
    "r01.classifier_bayes": {
        "ko": "가우시안 생성 모델 + 베이즈 규칙",
        "en": "Gaussian generative model + Bayes' rule",
    },
    "r01.classifier_logistic": {
        "ko": "로지스틱 회귀 (같은 PCA 좌표)",
        "en": "logistic regression (same PCA coordinates)",
    },
    "r01.classifier_judge": {"ko": "심판 CNN (픽셀)", "en": "judge CNN (pixels)"},
    "r01.generative_wins": {
        "ko": "같은 PCA 좌표에서는 생성 모델의 베이즈 규칙이 로지스틱 회귀보다 {points:.1f}%p 더 정확했습니다.",
        "en": "On the same PCA coordinates, the generative model's Bayes' rule was {points:.1f} percentage points more accurate than logistic regression.",
    },
    "r01.logistic_wins": {
        "ko": "같은 PCA 좌표에서는 로지스틱 회귀가 생성 모델보다 {points:.1f}%p 더 정확했습니다.",
        "en": "On the same PCA coordinates, logistic regression was {points:.1f} percentage points more accurate than the generative model.",
    },
    "r01.classifiers_tie": {
        "ko": "같은 PCA 좌표에서 두 분류기의 차이는 0.5%p 안쪽({points:+.1f}%p)이었습니다.",
        "en": "On the same PCA coordinates the two classifiers differed by less than half a percentage point ({points:+.1f}).",
    },
    "r01.log_prob_headers": {
        "ko": "이미지 종류|log p(x) 중앙값|log p(x) 최솟값|판별 모델의 평균 확신도",
        "en": "kind of image|median log p(x)|lowest log p(x)|discriminative model's mean confidence",
    },
    # --- lesson 02 ----------------------------------------------------------------------
    "r02.held_out_loss": {
        "ko": "잠재 차원 {latent_dim}, {epochs}번째 에포크의 테스트 손실: 전체 {total:.1f} = 재구성 {reconstruction:.1f} + KL {kl:.2f}",
        "en": "latent size {latent_dim}, held-out loss after epoch {epochs}: total {total:.1f} = reconstruction {reconstruction:.1f} + KL {kl:.2f}",
    },
    "r02.judge_headers": {
        "ko": "이미지 1,000장|찾은 숫자 종류|90% 이상 확신",
        "en": "1,000 images|digits found|>= 90% sure",
    },
    "r02.losses": {
        "ko": "테스트 손실(낮을수록 좋음): 잠재 차원 2 {loss_2d:.1f}, 잠재 차원 16 {loss_16d:.1f}",
        "en": "held-out loss (lower is better): latent size 2 {loss_2d:.1f}, latent size 16 {loss_16d:.1f}",
    },
    "r02.sure_2_to_16": {
        "ko": "90% 이상 확신, 2차원에서 16차원으로: {change:+.1%}p",
        "en": ">= 90% sure, from 2 to 16 dimensions: {change:+.1%} points",
    },
    "r02.sure_2_to_16_equal": {
        "ko": "90% 이상 확신, 2차원에서 16차원으로: {change:+.1%}p, 3%p 안쪽이므로 거의 같습니다",
        "en": ">= 90% sure, from 2 to 16 dimensions: {change:+.1%} points, within 3 points: about equal",
    },
    "r02.density_headers": {
        "ko": "이미지 1,000장|찾은 숫자 종류|90% 이상 확신|가장 드문 숫자|테스트 숫자와의 프레셰 거리",
        "en": "1,000 images|digits found|>= 90% sure|rarest digit|Fréchet distance to the held-out digits",
    },
    "r02.sure_prior_to_codes": {
        "ko": "90% 이상 확신, N(0, I)에서 맞춘 혼합으로: {prior:.1%} -> {codes:.1%} ({change:+.1%}p)",
        "en": ">= 90% sure, from N(0, I) to the fitted mixture: {prior:.1%} -> {codes:.1%} ({change:+.1%} points)",
    },
    "r02.about_equal": {"ko": "3%p 안쪽이므로 거의 같습니다", "en": "within 3 points: about equal"},
    # --- lesson 03 ----------------------------------------------------------------------
    "r03.d_error_mean": {
        "ko": "|D - D*|의 평균(샘플이 있는 곳 기준): {error:.3f}",
        "en": "mean |D - D*| (where the samples are): {error:.3f}",
    },
    "r03.d_error_max": {
        "ko": "|D - D*|의 최댓값(밀도 > 0.05인 구간): {error:.3f}",
        "en": "max |D - D*| (where the density > 0.05): {error:.3f}",
    },
    "r03.d_star_headers": {
        "ko": "x|D*(x)|훈련된 D(x)|판별자가 본 샘플의 밀도",
        "en": "x|D*(x)|trained D(x)|density of the samples seen",
    },
    "r03.last_epoch": {
        "ko": "마지막 에포크: 진짜에 대한 D(x) 평균 {d_real:.3f}, 가짜에 대한 D(G(z)) 평균 {d_fake:.3f}",
        "en": "last epoch: mean D(x) on real {d_real:.3f}, mean D(G(z)) on fake {d_fake:.3f}",
    },
    "r03.d_range": {
        "ko": "데이터가 있는 곳에서 D(x)의 범위: {low:.2f} ~ {high:.2f}",
        "en": "range of D(x) where the data is: {low:.2f} to {high:.2f}",
    },
    "r03.bump_headers": {
        "ko": "봉우리|샘플 비율 (데이터: {share:.1%})|퍼짐 (데이터: {std:.2f})",
        "en": "bump|share of samples (data: {share:.1%})|spread (data: {std:.2f})",
    },
    "r03.toy_half_but_different": {
        "ko": "두 평균이 모두 1/2에서 0.05 안쪽인데도 가장 높은 막대는 데이터 봉우리의 {tallest:.1f}배이고, 가장 좁은 봉우리의 퍼짐({narrowest:.2f})은 데이터의 {std:.2f}보다 좁습니다. D가 평균으로 1/2 근처라고 해서 p_g = p_data인 것은 아니었습니다.",
        "en": "Both means are within 0.05 of 1/2, yet the tallest bar is {tallest:.1f} times the data's peak and the narrowest bump spreads {narrowest:.2f} against the data's {std:.2f}: D near 1/2 on average did not mean p_g = p_data.",
    },
    "r03.toy_half_and_same": {
        "ko": "두 평균이 모두 1/2에서 0.05 안쪽이고, 봉우리의 높이와 폭도 데이터와 맞습니다.",
        "en": "Both means are within 0.05 of 1/2, and the bumps match the data's height and width.",
    },
    "r03.toy_not_half": {
        "ko": "두 평균이 모두 1/2에서 0.05 안쪽은 아닙니다. D는 아직 둘을 구별합니다.",
        "en": "The means are not both within 0.05 of 1/2: D still tells them apart.",
    },
    "r03.modes_per_epoch": {
        "ko": "{name}: 에포크별 찾은 모드 수 {found}\n  마지막 에포크 뒤: {k}개 중 {last}개",
        "en": "{name}: modes found after each epoch {found}\n  after the last epoch: {last} of {k}",
    },
    "r03.training_time": {
        "ko": "{epochs} 에포크 훈련: {seconds:.0f}초",
        "en": "{epochs} epochs of training: {seconds:.0f} s",
    },
    "r03.d_ahead": {
        "ko": "판별자가 아직 앞서 있습니다: 진짜 숫자에 가짜보다 {lead:.3f} 높은 값을 줍니다",
        "en": "the discriminator is still ahead: it scores real digits {lead:.3f} higher than fakes",
    },
    "r03.d_balanced": {
        "ko": "두 평균의 차이가 0.05 안쪽({lead:+.3f})입니다: 거의 균형입니다",
        "en": "the two means are within 0.05 of each other ({lead:+.3f}): a near balance",
    },
    "report.judge_accuracy": {
        "ko": "심판 분류기의 테스트 정확도: {accuracy:.1%}",
        "en": "the judge's held-out accuracy: {accuracy:.1%}",
    },
    "r03.judge_headers": {
        "ko": "이미지 1,000장|찾은 숫자 종류|90% 이상 확신|가장 흔한 숫자의 비율",
        "en": "1,000 images|digits found|>= 90% sure|share of the commonest digit",
    },
    "r03.real_digits": {"ko": "실제 테스트 숫자", "en": "real held-out digits"},
    "r03.gan_samples": {"ko": "GAN 샘플", "en": "GAN samples"},
    "r03.counts": {
        "ko": "GAN 샘플이 심판에게 읽힌 숫자별 이미지 수: {counts}",
        "en": "GAN samples per digit, as the judge reads them: {counts}",
    },
    "r03.commonest_rarest": {
        "ko": "가장 흔한 숫자 {common} ({common_share:.1%}), 가장 드문 숫자 {rare} ({rare_share:.1%}). 고르다면 모두 10%씩입니다.",
        "en": "commonest digit {common} ({common_share:.1%}), rarest digit {rare} ({rare_share:.1%}); an even share would be 10% each.",
    },
    "r03.effective_digits": {
        "ko": "유효 숫자 종류 수(비율의 엔트로피의 exp): 10 중 {effective:.1f}",
        "en": "effective number of digits (exp of the entropy of the shares): {effective:.1f} of 10",
    },
    "r03.ema_headers": {
        "ko": "샘플 1,000장|프레셰 거리|90% 이상 확신|가장 드문 숫자",
        "en": "1,000 samples|Fréchet distance|>= 90% sure|rarest digit",
    },
    "r03.ema_distances": {
        "ko": "테스트 숫자와의 프레셰 거리(낮을수록 좋음): 자신의 가중치 {own:.1f}, 이동 평균 {average:.1f}",
        "en": "Fréchet distance to the held-out digits (lower is better): own weights {own:.1f}, moving average {average:.1f}",
    },
    "r03.ema_same": {
        "ko": "차이가 {margin:g} 안쪽이므로 이번 실행에서는 거의 같습니다. 이 실행만으로는 이동 평균이 흔들림을 고르게 폈다고 말할 수 없습니다",
        "en": "within {margin:g} of each other: about equal in this run, which does not show the moving average smoothing anything out",
    },
    "r03.ema_closer": {
        "ko": "이번 실행에서는 이동 평균의 샘플이 실제 숫자에 더 가깝습니다: 평균이 마지막 단계들의 흔들림을 고르게 편 것과 맞는 결과입니다",
        "en": "in this run the moving average's samples are closer to the real digits, as smoothing out the last steps' wobble would make them",
    },
    "r03.ema_farther": {
        "ko": "이번 실행에서는 이동 평균의 샘플이 실제 숫자에서 더 멉니다: 이번에는 평균이 도움이 되지 않았습니다",
        "en": "in this run the moving average's samples are farther from the real digits: the average did not help this time",
    },
    "r03.budget_headers": {
        "ko": "샘플 1,000장|에포크|훈련 시간(초)|프레셰 거리|90% 이상 확신|가장 드문 숫자|유효 숫자 종류 수",
        "en": "1,000 samples|epochs|training (s)|Fréchet distance|>= 90% sure|rarest digit|effective digits",
    },
    "r03.budget_epochs": {
        "ko": "미리 훈련된 GAN은 이 수업과 같은 코드와 설정으로 {shipped} 에포크 동안 훈련했습니다. 이 수업의 {lesson} 에포크의 {ratio:.3g}배입니다. 두 훈련 시간은 서로 다른 기계나 부하에서 잰 값이니 대략만 비교하세요.",
        "en": "The pretrained GAN was trained with this lesson's code and settings for {shipped} epochs, {ratio:.3g} times this lesson's {lesson}; its training time was measured on another machine or load, so compare the times only roughly.",
    },
    "r03.budget_fd_down": {
        "ko": "프레셰 거리(낮을수록 좋음): 이 수업의 GAN {lesson:.1f}, 미리 훈련된 GAN {shipped:.1f}. 더 긴 훈련이 실제 숫자까지의 거리를 {change:.1f}만큼 줄였습니다.",
        "en": "Fréchet distance (lower is better): {lesson:.1f} for this lesson's GAN, {shipped:.1f} for the pretrained one: the longer training brought the samples {change:.1f} closer to the real digits.",
    },
    "r03.budget_fd_same": {
        "ko": "프레셰 거리(낮을수록 좋음): 이 수업의 GAN {lesson:.1f}, 미리 훈련된 GAN {shipped:.1f}. 차이가 {margin:g} 안쪽이므로 이 거리로는 더 긴 훈련이 얻은 것이 없습니다.",
        "en": "Fréchet distance (lower is better): {lesson:.1f} for this lesson's GAN, {shipped:.1f} for the pretrained one, within {margin:g} of each other: by this distance the longer training bought nothing.",
    },
    "r03.budget_fd_up": {
        "ko": "프레셰 거리(낮을수록 좋음): 이 수업의 GAN {lesson:.1f}, 미리 훈련된 GAN {shipped:.1f}. 미리 훈련된 GAN의 거리가 {change:.1f}만큼 더 큽니다. 이 거리로 보면 더 긴 훈련이 오히려 손해였습니다.",
        "en": "Fréchet distance (lower is better): {lesson:.1f} for this lesson's GAN, {shipped:.1f} for the pretrained one, {change:.1f} farther from the real digits: by this distance the longer training did harm.",
    },
    "r03.budget_sure_up": {
        "ko": "심판이 90% 이상 확신하며 읽은 샘플: 이 수업의 GAN {lesson:.1%}, 미리 훈련된 GAN {shipped:.1%}, 실제 테스트 숫자 {real:.1%}. 더 긴 훈련이 또렷한 숫자를 {change:.1f}%p 늘렸습니다.",
        "en": "Samples the judge reads with >= 90% confidence: {lesson:.1%} for this lesson's GAN, {shipped:.1%} for the pretrained one, {real:.1%} for the real held-out digits: the longer training made {change:.1f} percentage points more of them clear digits.",
    },
    "r03.budget_sure_same": {
        "ko": "심판이 90% 이상 확신하며 읽은 샘플: 이 수업의 GAN {lesson:.1%}, 미리 훈련된 GAN {shipped:.1%}, 실제 테스트 숫자 {real:.1%}. 차이가 {margin:g}%p 안쪽이므로 또렷함은 거의 같습니다.",
        "en": "Samples the judge reads with >= 90% confidence: {lesson:.1%} for this lesson's GAN, {shipped:.1%} for the pretrained one, {real:.1%} for the real held-out digits; within {margin:g} percentage points, about equally clear.",
    },
    "r03.budget_sure_down": {
        "ko": "심판이 90% 이상 확신하며 읽은 샘플: 이 수업의 GAN {lesson:.1%}, 미리 훈련된 GAN {shipped:.1%}, 실제 테스트 숫자 {real:.1%}. 더 긴 훈련 뒤에 또렷한 숫자가 오히려 {change:.1f}%p 줄었습니다.",
        "en": "Samples the judge reads with >= 90% confidence: {lesson:.1%} for this lesson's GAN, {shipped:.1%} for the pretrained one, {real:.1%} for the real held-out digits: after the longer training {change:.1f} percentage points fewer are clear digits.",
    },
    "r03.budget_gap_closed": {
        "ko": "이 수업의 GAN과 실제 테스트 숫자 사이에 벌어져 있던 이 비율의 차이 가운데 더 긴 훈련이 메운 몫: {closed:.0%}",
        "en": "The longer training closed {closed:.0%} of the gap in that share between this lesson's GAN and the real held-out digits.",
    },
    # --- lesson 04 ----------------------------------------------------------------------
    "r04.mismatch_headers": {
        "ko": "훈련 방식|레이블 일치율|틀린 레이블 쌍의 D (마지막 에포크)",
        "en": "training|label agreement|D on mismatched pairs (last epoch)",
    },
    "r04.with_mismatched": {
        "ko": "틀린 레이블 쌍을 가짜로 훈련",
        "en": "mismatched pairs trained as fake",
    },
    "r04.without_mismatched": {"ko": "틀린 레이블 쌍 없음", "en": "no mismatched pairs"},
    "r04.mismatch_helps": {
        "ko": "이번 측정에서는 틀린 레이블 쌍을 쓴 쪽의 레이블 일치율이 {gap:.1%}p 높았습니다.",
        "en": "In this measurement mismatched pairs raised the label agreement by {gap:.1%} points.",
    },
    "r04.mismatch_hurts": {
        "ko": "이번 측정에서는 틀린 레이블 쌍을 뺀 쪽이 오히려 {gap:.1%}p 높았습니다.",
        "en": "In this measurement it was {gap:.1%} points higher without mismatched pairs.",
    },
    "r04.mismatch_tie": {
        "ko": "이번 측정에서는 두 방식의 차이가 1%p 안쪽({gap:+.1%}p)이었습니다.",
        "en": "In this measurement the two differed by less than 1 point ({gap:+.1%} points).",
    },
    "r04.chance": {
        "ko": "틀린 레이블 쌍 없이도 레이블 일치율은 {agreement:.1%}로, 우연(10%, 열 클래스 중 하나)의 {times:.1f}배입니다.",
        "en": "Without mismatched pairs the label agreement is {agreement:.1%}, {times:.1f} times chance (10%, one class in ten).",
    },
}
