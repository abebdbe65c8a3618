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
    "semi.fig.title": {
        "ko": "레이블이 적고 레이블 없는 데이터가 많을 때",
        "en": "Few labels and many unlabelled digits",
    },
    "semi.progress": {"ko": "준지도 학습 실험", "en": "semi-supervised grid"},
    # --- the conclusions: every difference is paired by seed (gencourse.augment.paired) ---
    "semi.c.vs_classic.above": {
        "ko": "n = {n}: 레이블 없는 데이터를 쓴 방법 가운데 평균이 가장 높은 방법은 '{arm}'입니다({mean:.1f}%). '실제 + 고전적 증강'({classic:.1f}%)보다 시드 {seeds}개에서 {gap} ± {spread}%p 높아, 차이가 시드 간 퍼짐보다 큽니다.",
        "en": "n = {n}: of the methods that use the unlabelled digits, '{arm}' had the highest mean ({mean:.1f}%): {gap} ± {spread} points above 'real + classic' ({classic:.1f}%) over {seeds} seeds, more than the spread between seeds.",
    },
    "semi.c.vs_classic.tie": {
        "ko": "n = {n}: 레이블 없는 데이터를 쓴 방법 가운데 평균이 가장 높은 방법은 '{arm}'입니다({mean:.1f}%). 하지만 '실제 + 고전적 증강'({classic:.1f}%) 대비 차이는 시드 {seeds}개에서 {gap} ± {spread}%p로 시드 간 퍼짐 안에 있어, 분명히 낫다고 할 수 없습니다.",
        "en": "n = {n}: of the methods that use the unlabelled digits, '{arm}' had the highest mean ({mean:.1f}%), but its difference from 'real + classic' ({classic:.1f}%), {gap} ± {spread} points over {seeds} seeds, lies within the spread between seeds: not a clear gain.",
    },
    "semi.c.vs_classic.below": {
        "ko": "n = {n}: 레이블 없는 데이터를 쓴 방법 가운데 평균이 가장 높은 '{arm}'({mean:.1f}%)도 '실제 + 고전적 증강'({classic:.1f}%)에 못 미쳤습니다. 차이는 시드 {seeds}개에서 {gap} ± {spread}%p로, 시드 간 퍼짐보다 큽니다.",
        "en": "n = {n}: even the best method that uses the unlabelled digits, '{arm}' ({mean:.1f}%), fell short of 'real + classic' ({classic:.1f}%) by more than the spread between seeds: {gap} ± {spread} points over {seeds} seeds.",
    },
    "semi.c.gan_adds.above": {
        "ko": "n = {n}: 생성 모델의 몫: 같은 판별자를 같은 고전적 증강 사본과 같은 단계 수로 훈련하되 비지도 손실만 켜고 끈 두 방법을 비교하면('{arm}' − '{other}') 시드 {seeds}개에서 {gap} ± {spread}%p로, 차이가 시드 간 퍼짐보다 큽니다. 이만큼이 레이블 없는 데이터와 생성자가 만든 가짜 이미지로 배우는 비지도 손실, 곧 GAN 부분이 보탠 몫입니다.",
        "en": "n = {n}: what the GAN adds: the same discriminator, trained with the same classic copies and steps, with the unsupervised loss on against off ('{arm}' − '{other}'): {gap} ± {spread} points over {seeds} seeds, more than the spread between seeds. That much is the GAN part's share: what the unsupervised loss, on the unlabelled digits and the generator's fakes, adds.",
    },
    "semi.c.gan_adds.tie": {
        "ko": "n = {n}: 생성 모델의 몫: 같은 판별자를 같은 고전적 증강 사본과 같은 단계 수로 훈련하되 비지도 손실만 켜고 끈 두 방법의 차이('{arm}' − '{other}')는 시드 {seeds}개에서 {gap} ± {spread}%p로 시드 간 퍼짐 안에 있습니다. GAN 부분이 분명히 보탠 것은 없습니다.",
        "en": "n = {n}: what the GAN adds: the same discriminator, trained with the same classic copies and steps, with the unsupervised loss on against off ('{arm}' − '{other}'): {gap} ± {spread} points over {seeds} seeds, within the spread between seeds. The GAN part adds nothing clear.",
    },
    "semi.c.gan_adds.below": {
        "ko": "n = {n}: 생성 모델의 몫: 같은 판별자를 같은 고전적 증강 사본과 같은 단계 수로 훈련할 때 비지도 손실을 켜자 오히려 정확도가 떨어졌습니다('{arm}' − '{other}': 시드 {seeds}개에서 {gap} ± {spread}%p, 시드 간 퍼짐보다 큼). 이 예산에서는 GAN 부분이 인식에 방해가 됩니다.",
        "en": "n = {n}: what the GAN adds: with the same discriminator, classic copies and steps, turning the unsupervised loss on made the recogniser worse ('{arm}' − '{other}': {gap} ± {spread} points over {seeds} seeds, more than the spread between seeds). At this budget the GAN part gets in the way.",
    },
    "semi.c.vs_control.above": {
        "ko": "n = {n}: 생성 모델을 쓰는 방법 가운데 평균이 가장 높은 '{arm}'({mean:.1f}%)에서 의사 레이블 대조군({control:.1f}%)을 빼면 시드 {seeds}개에서 {gap} ± {spread}%p로, 시드 간 퍼짐보다 큽니다. 의사 레이블은 같은 레이블 없는 데이터를 쓰는 또 다른 방법이지만, 신경망(수업 05의 인식기)과 훈련 예산이 다릅니다. 그러니 이 차이는 두 방법 전체를 비교한 것이고, GAN 부분이 보탠 만큼은 같은 판별자에서 비지도 손실만 끈 비교로 잽니다.",
        "en": "n = {n}: of the methods with a generative model, '{arm}' had the highest mean ({mean:.1f}%); minus the pseudo-label control ({control:.1f}%) that is {gap} ± {spread} points over {seeds} seeds, more than the spread between seeds. Pseudo-labelling is another way to use the same unlabelled digits, with a different network (lesson 05's recogniser) and training budget, so this gap compares two whole recipes; what the GAN part adds is measured against the same discriminator with the unsupervised loss off.",
    },
    "semi.c.vs_control.tie": {
        "ko": "n = {n}: 생성 모델을 쓰는 방법 가운데 평균이 가장 높은 '{arm}'({mean:.1f}%)에서 의사 레이블 대조군({control:.1f}%)을 빼면 시드 {seeds}개에서 {gap} ± {spread}%p로, 시드 간 퍼짐 안에 있습니다. 의사 레이블은 같은 레이블 없는 데이터를 쓰는 또 다른 방법이지만, 신경망(수업 05의 인식기)과 훈련 예산이 다릅니다. 그러니 이 차이는 두 방법 전체를 비교한 것이고, GAN 부분이 보탠 만큼은 같은 판별자에서 비지도 손실만 끈 비교로 잽니다.",
        "en": "n = {n}: of the methods with a generative model, '{arm}' had the highest mean ({mean:.1f}%); minus the pseudo-label control ({control:.1f}%) that is {gap} ± {spread} points over {seeds} seeds, within the spread between seeds. Pseudo-labelling is another way to use the same unlabelled digits, with a different network (lesson 05's recogniser) and training budget, so this gap compares two whole recipes; what the GAN part adds is measured against the same discriminator with the unsupervised loss off.",
    },
    "semi.c.vs_control.below": {
        "ko": "n = {n}: 생성 모델을 쓰는 방법 가운데 평균이 가장 높은 '{arm}'({mean:.1f}%)에서 의사 레이블 대조군({control:.1f}%)을 빼면 시드 {seeds}개에서 {gap} ± {spread}%p로, 대조군이 시드 간 퍼짐보다 큰 차이로 앞섭니다. 의사 레이블은 같은 레이블 없는 데이터를 쓰는 또 다른 방법이지만, 신경망(수업 05의 인식기)과 훈련 예산이 다릅니다. 그러니 이 차이는 두 방법 전체를 비교한 것이고, GAN 부분이 보탠 만큼은 같은 판별자에서 비지도 손실만 끈 비교로 잽니다.",
        "en": "n = {n}: of the methods with a generative model, '{arm}' had the highest mean ({mean:.1f}%); minus the pseudo-label control ({control:.1f}%) that is {gap} ± {spread} points over {seeds} seeds: the control leads by more than the spread between seeds. Pseudo-labelling is another way to use the same unlabelled digits, with a different network (lesson 05's recogniser) and training budget, so this gap compares two whole recipes; what the GAN part adds is measured against the same discriminator with the unsupervised loss off.",
    },
    "semi.c.classic": {
        "ko": "레이블이 붙은 숫자에 수업 05의 고전적 증강 사본을 더했을 때 준지도 GAN의 정확도가 바뀐 만큼('{arm}' − '{other}'): {parts}.",
        "en": "What lesson 05's classic copies of the labelled digits changed for the semi-supervised GAN ('{arm}' − '{other}'): {parts}.",
    },
    # --- the images each arm trained on (gencourse.semi.labelled_images) -------------------
    "semi.labelled.title": {
        "ko": "n = {n}일 때 방법마다 훈련에 쓴 이미지:",
        "en": "The images each arm trained on at n = {n}:",
    },
    "semi.labelled.unlabelled_count": {
        "ko": "레이블 없는 숫자 {count:,}장",
        "en": "{count:,} unlabelled digits",
    },
    "semi.labelled.unlabelled_rest": {
        "ko": "나머지 훈련 숫자(레이블 없이)",
        "en": "the other training digits, without their labels",
    },
    "semi.labelled.real": {
        "ko": "'{arm}': 레이블이 붙은 숫자 {labelled:,}장(클래스당 {n}장).",
        "en": "'{arm}': {labelled:,} labelled digits ({n} per class).",
    },
    "semi.labelled.real_classic": {
        "ko": "'{arm}': 레이블이 붙은 숫자 {labelled:,}장과 그 고전적 증강 사본 {copies:,}장(레이블이 붙은 숫자를 옮기고 살짝 돌린 것으로, 새 레이블은 없음).",
        "en": "'{arm}': the {labelled:,} labelled digits and {copies:,} classic copies of them (shifted and rotated; no new labels).",
    },
    "semi.labelled.pseudo": {
        "ko": "'{arm}': 레이블이 붙은 숫자 {labelled:,}장, 고전적 증강 사본 {copies:,}장, 그리고 레이블 없는 숫자 가운데 인식기가 {threshold:.0%} 이상 확신한 것에 스스로 붙인 의사 레이블 최대 {pseudo:,}장(클래스당 최대 {per_class:,}장).",
        "en": "'{arm}': the {labelled:,} labelled digits, {copies:,} classic copies, and at most {pseudo:,} unlabelled digits with the pseudo-labels its recogniser gave them at {threshold:.0%} confidence or more (at most {per_class:,} per class).",
    },
    "semi.labelled.pseudo_uncapped": {
        "ko": "'{arm}': 레이블이 붙은 숫자 {labelled:,}장, 고전적 증강 사본 {copies:,}장, 그리고 레이블 없는 숫자 가운데 인식기가 {threshold:.0%} 이상 확신한 것 전부(스스로 붙인 의사 레이블과 함께).",
        "en": "'{arm}': the {labelled:,} labelled digits, {copies:,} classic copies, and every unlabelled digit its recogniser was at least {threshold:.0%} sure of, with the pseudo-label it gave.",
    },
    "semi.labelled.m1": {
        "ko": "'{arm}': 레이블이 붙은 숫자 {labelled:,}장. 특징을 뽑는 VAE는 훈련 숫자를 레이블 없이 써서 미리 훈련했습니다.",
        "en": "'{arm}': the {labelled:,} labelled digits; the VAE whose features it reads was trained beforehand on the training digits without their labels.",
    },
    "semi.labelled.ssgan": {
        "ko": "'{arm}': 레이블이 붙은 숫자 {labelled:,}장, 그리고 비지도 손실에 쓰는 {unlabelled}.",
        "en": "'{arm}': the {labelled:,} labelled digits, and {unlabelled} for the unsupervised loss.",
    },
    "semi.labelled.ssgan_classic": {
        "ko": "'{arm}': 레이블이 붙은 숫자 {labelled:,}장, 고전적 증강 사본 {copies:,}장, 그리고 비지도 손실에 쓰는 {unlabelled}.",
        "en": "'{arm}': the {labelled:,} labelled digits, {copies:,} classic copies, and {unlabelled} for the unsupervised loss.",
    },
    "semi.labelled.ssgan_supervised": {
        "ko": "'{arm}': 레이블이 붙은 숫자 {labelled:,}장과 고전적 증강 사본 {copies:,}장. 비지도 손실을 껐으므로 레이블 없는 숫자는 쓰지 않습니다.",
        "en": "'{arm}': the {labelled:,} labelled digits and {copies:,} classic copies; with the unsupervised loss off it uses no unlabelled digit.",
    },
}
