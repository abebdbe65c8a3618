"""Lesson 06's experiment (gencourse augment --setting unlabelled): arms, plot and conclusions."""

MESSAGES = {
    "augment.arm.pseudo": {"ko": "의사 레이블 (대조군)", "en": "pseudo-labels (control)"},
    "augment.arm.m1": {"ko": "VAE 특징 (M1)", "en": "VAE features (M1)"},
    "augment.arm.ssgan": {"ko": "준지도 GAN", "en": "semi-supervised GAN"},
    "augment.arm.ssgan_classic": {
        "ko": "준지도 GAN + 고전적 증강",
        "en": "semi-supervised GAN + classic",
    },
    "augment.arm.ssgan_supervised": {
        "ko": "같은 판별자, 비지도 손실 없이",
        "en": "same discriminator, no unsupervised loss",
    },
    "semi.c.gan_part": {
        "ko": "준지도 GAN의 GAN 부분이 보탠 정확도: 같은 판별자, 같은 사본과 단계 수에서 비지도 손실만 켰을 때와 껐을 때의 차이(%p): {parts}.",
        "en": "What the GAN part added: the same discriminator, copies and steps with the unsupervised loss on against off (points): {parts}.",
    },
    "semi.fig.title": {
        "ko": "레이블이 적고 레이블 없는 데이터가 많을 때",
        "en": "Few labels and many unlabelled digits",
    },
    "semi.progress": {"ko": "준지도 학습 실험", "en": "semi-supervised grid"},
    "semi.c.vs_classic.above": {
        "ko": "n = {n}: 레이블 없는 데이터를 쓴 방법 가운데 가장 좋은 '{arm}'({mean:.1f}%)이 '실제 + 고전적 증강'({classic:.1f}%)보다 {gap}%p 높았고, 이 차이는 시드 간 퍼짐(±{spread:.1f}%p)보다 큽니다.",
        "en": "n = {n}: the best method that uses the unlabelled digits, '{arm}' ({mean:.1f}%), beat 'real + classic' ({classic:.1f}%) by {gap} points, more than the spread between seeds (±{spread:.1f} points).",
    },
    "semi.c.vs_classic.tie": {
        "ko": "n = {n}: 레이블 없는 데이터를 쓴 방법 가운데 가장 좋은 '{arm}'({mean:.1f}%)과 '실제 + 고전적 증강'({classic:.1f}%)의 차이({gap}%p)는 시드 간 퍼짐(±{spread:.1f}%p) 안에 있습니다. 분명히 낫다고 할 수 없습니다.",
        "en": "n = {n}: the best method that uses the unlabelled digits, '{arm}' ({mean:.1f}%), differs from 'real + classic' ({classic:.1f}%) by {gap} points, within the spread between seeds (±{spread:.1f} points): not a clear gain.",
    },
    "semi.c.vs_classic.below": {
        "ko": "n = {n}: 레이블 없는 데이터를 쓴 방법 가운데 가장 좋은 '{arm}'({mean:.1f}%)도 '실제 + 고전적 증강'({classic:.1f}%)에 못 미쳤습니다(차이 {gap}%p, 시드 간 퍼짐 ±{spread:.1f}%p보다 큼).",
        "en": "n = {n}: even the best method that uses the unlabelled digits, '{arm}' ({mean:.1f}%), fell short of 'real + classic' ({classic:.1f}%) by more than the spread between seeds: {gap} points (±{spread:.1f}).",
    },
    "semi.c.vs_classic.mean": {
        "ko": "n = {n}: 레이블 없는 데이터를 쓴 방법 가운데 평균이 가장 높은 '{arm}'({mean:.1f}%)과 '실제 + 고전적 증강'({classic:.1f}%)의 차이는 {gap}%p입니다.",
        "en": "n = {n}: of the methods that use the unlabelled digits, '{arm}' had the highest mean ({mean:.1f}%), {gap} points from 'real + classic' ({classic:.1f}%).",
    },
    "semi.c.generative.above": {
        "ko": "n = {n}: 생성 모델의 몫: 가장 좋은 생성 모델 방법 '{arm}'이 같은 레이블 없는 데이터를 쓰는 의사 레이블 대조군보다 {gap}%p 높았습니다(퍼짐 ±{spread:.1f}%p보다 큼). 이만큼은 레이블 없는 데이터만으로 얻는 것을 넘어선 생성 모델의 몫입니다.",
        "en": "n = {n}: the generative model's part: the best generative method, '{arm}', beat the pseudo-labelling control, which uses the same unlabelled digits, by {gap} points (more than the spread, ±{spread:.1f}). That much is the generative model's, beyond what the unlabelled digits give alone.",
    },
    "semi.c.generative.tie": {
        "ko": "n = {n}: 생성 모델의 몫: 가장 좋은 생성 모델 방법 '{arm}'과 의사 레이블 대조군의 차이({gap}%p)가 퍼짐(±{spread:.1f}%p) 안에 있습니다. 레이블 없는 데이터가 준 효과에 생성 모델이 분명히 더한 것은 없습니다.",
        "en": "n = {n}: the generative model's part: the best generative method, '{arm}', and the pseudo-labelling control differ by {gap} points, within the spread (±{spread:.1f}). Whatever the unlabelled digits gave, the generative model added nothing clear on top.",
    },
    "semi.c.generative.below": {
        "ko": "n = {n}: 생성 모델의 몫: 가장 좋은 생성 모델 방법 '{arm}'이 의사 레이블 대조군에 못 미쳤습니다(차이 {gap}%p, 퍼짐 ±{spread:.1f}%p보다 큼). 이 예산에서는 생성 모델 없이 레이블 없는 데이터를 쓰는 편이 낫습니다.",
        "en": "n = {n}: the generative model's part: the best generative method, '{arm}', trailed the pseudo-labelling control by more than the spread ({gap} points, ±{spread:.1f}). At this budget the unlabelled digits are better used without a generative model.",
    },
    "semi.c.generative.mean": {
        "ko": "n = {n}: 생성 모델의 몫: 가장 좋은 생성 모델 방법 '{arm}'의 평균은 같은 레이블 없는 데이터를 쓰는 의사 레이블 대조군과 {gap}%p 차이 납니다.",
        "en": "n = {n}: the generative model's part: the best generative method, '{arm}', is {gap} points from the pseudo-labelling control, which uses the same unlabelled digits.",
    },
    "semi.c.classic": {
        "ko": "레이블이 붙은 숫자에 수업 05의 고전적 증강 사본을 더했을 때 준지도 GAN의 정확도가 바뀐 만큼(%p): {parts}.",
        "en": "What lesson 05's classic copies of the labelled digits changed for the semi-supervised GAN (points): {parts}.",
    },
}
