"""Lesson 05's experiment (gencourse augment): progress, tables, plots and conclusions."""

MESSAGES = {
    "augment.arm.real": {"ko": "실제 데이터만", "en": "real only"},
    "augment.arm.real_classic": {"ko": "실제 + 고전적 증강", "en": "real + classic"},
    "augment.arm.real_cgan": {"ko": "실제 + cGAN 샘플", "en": "real + cGAN"},
    "augment.arm.real_both": {"ko": "실제 + 둘 다", "en": "real + both"},
    "augment.arm.synthetic": {"ko": "cGAN 샘플만 (CAS)", "en": "cGAN samples only (CAS)"},
    "augment.arm.real_cvae": {"ko": "실제 + CVAE 샘플", "en": "real + CVAE"},
    "augment.arm.synthetic_cvae": {"ko": "CVAE 샘플만 (CAS)", "en": "CVAE samples only (CAS)"},
    "augment.arm.real_diffaug": {"ko": "실제 + DiffAugment cGAN", "en": "real + DiffAugment cGAN"},
    "augment.arm.real_filtered": {"ko": "실제 + 걸러 낸 cGAN 샘플", "en": "real + filtered cGAN"},
    "augment.arm.real_diffusion": {"ko": "실제 + 확산 모델 샘플", "en": "real + diffusion"},
    "augment.arm.synthetic_diffusion": {
        "ko": "확산 모델 샘플만 (CAS)",
        "en": "diffusion samples only (CAS)",
    },
    "augment.fig.makers": {
        "ko": "데이터를 만드는 모델: cGAN, CVAE, 확산 모델",
        "en": "Data makers: cGAN, CVAE and diffusion",
    },
    "augment.fig.fixes": {
        "ko": "cGAN을 고치는 방법: DiffAugment와 걸러 내기",
        "en": "Fixes to the cGAN: DiffAugment and filtering",
    },
    "augment.col.maker": {"ko": "생성 모델", "en": "data maker"},
    "augment.col.agreement": {"ko": "레이블 일치율 (%)", "en": "label agreement (%)"},
    "augment.col.nearest": {
        "ko": "가장 가까운 훈련 이미지까지 거리 (중앙값)",
        "en": "distance to the nearest training image (median)",
    },
    "augment.maker.cgan": {"ko": "cGAN", "en": "cGAN"},
    "augment.maker.cvae": {"ko": "CVAE", "en": "CVAE"},
    "augment.maker.diffaug": {"ko": "DiffAugment cGAN", "en": "DiffAugment cGAN"},
    "augment.maker.filtered": {"ko": "걸러 낸 cGAN", "en": "filtered cGAN"},
    "augment.maker.diffusion": {"ko": "확산 모델", "en": "diffusion model"},
    "augment.col.n": {"ko": "클래스당 n", "en": "n per class"},
    "augment.table_title": {
        "ko": "테스트 숫자 1,000장에 대한 정확도(%): 시드별 정확도의 평균 ± 표준편차 (칸마다 시드 {runs}개)",
        "en": "Accuracy (%) on the 1,000 held-out real digits: mean ± standard deviation over seeds (seeds per cell: {runs})",
    },
    "augment.table_title_one": {
        "ko": "테스트 숫자 1,000장에 대한 정확도(%): 칸마다 시드가 하나뿐이라 시드 간 퍼짐은 잴 수 없습니다",
        "en": "Accuracy (%) on the 1,000 held-out real digits: one seed per cell, so no spread between seeds is measured",
    },
    "augment.fig.title": {
        "ko": "레이블이 붙은 숫자가 적을 때 데이터 증강의 효과",
        "en": "Data augmentation when labelled digits are scarce",
    },
    "augment.fig.x": {
        "ko": "클래스당 레이블이 붙은 실제 숫자 수 n (로그 눈금)",
        "en": "labelled real digits per class, n (log scale)",
    },
    "augment.fig.y": {
        "ko": "테스트 정확도 (%, 평균 ± 표준편차)",
        "en": "held-out accuracy (%, mean ± std)",
    },
    "augment.fig.y_one": {
        "ko": "테스트 정확도 (%, 시드 하나)",
        "en": "held-out accuracy (%, one seed)",
    },
    # --- the conclusions: every difference is paired by seed (gencourse.augment.paired) ---
    "augment.c.one_seed": {
        "ko": "시드가 하나뿐이라 방법끼리 비교할 수 없습니다. 레이블이 붙은 숫자를 다시 뽑으면 차이가 얼마나 달라질지 잴 수 없기 때문입니다. 표에는 방법마다 이번 시드의 정확도만 있습니다. 비교하려면 시드를 두 개 이상(되도록 세 개 이상) 돌리세요.",
        "en": "With one seed no arm can be compared with another: nothing measures how much a difference would change with another draw of the labelled digits. The table gives each arm's accuracy for this seed only; run at least two seeds (better, three or more) to compare arms.",
    },
    "augment.c.paired": {
        "ko": "아래 차이는 모두 시드별로 짝지어 계산했습니다. 같은 시드에서는 모든 방법이 같은 레이블이 붙은 숫자에서 시작하므로, 시드마다 두 방법의 정확도 차이를 구한 뒤 두 방법이 함께 돌린 시드들에서 그 차이의 평균 ± 표준편차를 냈습니다. 차이의 평균이 이 표준편차보다 클 때만 분명한 차이라고 합니다.",
        "en": "Every difference below is paired by seed: with the same seed every arm starts from the same labelled digits, so each seed's difference between two arms comes first, then the mean ± standard deviation of those differences over the seeds both arms ran. A difference counts as clear only when its mean is larger than that standard deviation.",
    },
    "augment.c.left_out": {
        "ko": "'실제 데이터만'과 함께 돌린 시드가 두 개보다 적어 아래 비교에서 뺀 칸: {cells}.",
        "en": "Left out of the comparisons below, for sharing fewer than two seeds with 'real only': {cells}.",
    },
    "augment.c.part": {
        "ko": "n = {n}: 시드 {seeds}개에서 {gap} ± {spread}%p",
        "en": "n = {n}: {gap} ± {spread} points over {seeds} seeds",
    },
    "augment.c.arm_part": {
        "ko": "n = {n}: '{arm}' 시드 {seeds}개에서 {gap} ± {spread}%p",
        "en": "n = {n}: '{arm}' {gap} ± {spread} points over {seeds} seeds",
    },
    "augment.c.alone_part": {
        "ko": "n = {n}: {synthetic:.1f}% 대 {real:.1f}%, 차이는 시드 {seeds}개에서 {gap} ± {spread}%p",
        "en": "n = {n}: {synthetic:.1f}% against {real:.1f}%, a difference of {gap} ± {spread} points over {seeds} seeds",
    },
    "augment.c.real_only": {
        "ko": "n = {n}: 실제 데이터만 쓴 방법 하나만 돌렸습니다({mean:.1f}%). 비교할 방법이 없습니다.",
        "en": "n = {n}: only real digits alone were run ({mean:.1f}%); there is nothing to compare.",
    },
    "augment.c.real_wins": {
        "ko": "n = {n}: 실제 데이터만 쓴 경우의 평균이 가장 높았습니다({mean:.1f}%). 어떤 증강도 평균을 올리지 못했고, 그다음으로 높은 방법('{arm}')과의 차이는 시드 {seeds}개에서 {gap} ± {spread}%p입니다.",
        "en": "n = {n}: real digits alone had the highest mean ({mean:.1f}%); no augmentation raised it. The next best, '{arm}', differs from it by {gap} ± {spread} points over {seeds} seeds.",
    },
    "augment.c.winner_clear": {
        "ko": "n = {n}: 평균이 가장 높은 방법은 '{arm}'입니다({mean:.1f}%). 실제 데이터만 쓴 경우보다 시드 {seeds}개에서 {gap} ± {spread}%p 높아, 차이가 시드 간 퍼짐보다 큽니다.",
        "en": "n = {n}: '{arm}' did best ({mean:.1f}%): {gap} ± {spread} points above real only over {seeds} seeds, more than the spread between seeds.",
    },
    "augment.c.winner_tie": {
        "ko": "n = {n}: 평균이 가장 높은 방법은 '{arm}'({mean:.1f}%)이지만, 실제 데이터만 쓴 경우와의 차이(시드 {seeds}개에서 {gap} ± {spread}%p)가 시드 간 퍼짐 안에 있어 분명한 우위라고 할 수 없습니다.",
        "en": "n = {n}: '{arm}' had the highest mean ({mean:.1f}%), but its lead over real only ({gap} ± {spread} points over {seeds} seeds) lies within the spread between seeds: not a clear win.",
    },
    "augment.c.best_maker": {
        "ko": "n = {n}: 데이터를 만드는 모델끼리 비교하면(실제 숫자에 한 모델의 샘플만 더한 방법들) 평균이 가장 높은 것은 '{arm}'입니다({mean:.1f}%, 실제 데이터만 쓴 경우 대비 시드 {seeds}개에서 {gap} ± {spread}%p).",
        "en": "n = {n}: of the data makers (the real digits plus one maker's samples, nothing else), '{arm}' had the highest mean ({mean:.1f}%; {gap} ± {spread} points from real only over {seeds} seeds).",
    },
    "augment.c.cgan_helps": {
        "ko": "cGAN 샘플을 더하니 n = {ns}에서 시드 간 퍼짐보다 큰 차이로 정확도가 올랐습니다('실제 + cGAN 샘플' − '실제 데이터만': {parts}).",
        "en": "Adding cGAN samples raised the accuracy by more than the spread between seeds at n = {ns} ('real + cGAN' − 'real only': {parts}).",
    },
    "augment.c.cgan_tie": {
        "ko": "n = {ns}에서는 cGAN 샘플이 도움이 되었다고 할 수 없습니다. 실제 데이터만 쓴 경우와의 차이가 시드 간 퍼짐 안에 있습니다('실제 + cGAN 샘플' − '실제 데이터만': {parts}).",
        "en": "At n = {ns} the cGAN samples made no clear difference: their differences from real only lie within the spread between seeds ('real + cGAN' − 'real only': {parts}).",
    },
    "augment.c.cgan_hurts": {
        "ko": "n = {ns}에서는 cGAN 샘플을 더하자 오히려 정확도가 떨어졌고, 그 차이가 시드 간 퍼짐보다 큽니다('실제 + cGAN 샘플' − '실제 데이터만': {parts}).",
        "en": "At n = {ns} the cGAN samples made the recogniser worse, by more than the spread between seeds ('real + cGAN' − 'real only': {parts}).",
    },
    "augment.c.why_weak": {
        "ko": "가능한 이유(n = {ns}): cGAN 샘플만으로 훈련한 인식기는 실제 숫자만으로 훈련한 경우에 시드 간 퍼짐보다 큰 차이로 못 미칩니다(샘플만 대 실제 숫자만: {parts}). 샘플에 담긴 정보가 cGAN이 배운 실제 숫자보다 적다는 뜻입니다. 게다가 훈련 단계 수가 고정되어 있으므로, 샘플이 배치의 자리를 차지하는 만큼 인식기가 실제 숫자를 보는 횟수가 줄어듭니다. 이 점은 고전적 증강의 사본에도 똑같이 해당하므로, '실제 + 고전적 증강'과 비교하면 추가 이미지 자체가 얼마나 쓸모 있는지 가늠할 수 있습니다.",
        "en": "A likely reason (n = {ns}): trained on cGAN samples alone the recogniser falls short of the real digits alone by more than the spread between seeds (samples alone against real alone: {parts}): the samples carry less than the real digits the cGAN learned from. And with the number of steps fixed, every place a sample takes in a batch is a place a real digit does not get. The same holds for the copies of classic augmentation, so comparing with 'real + classic' shows how useful the extra images themselves are.",
    },
    "augment.c.why_redundant": {
        "ko": "가능한 이유(n = {ns}): cGAN 샘플만으로 훈련한 인식기가 실제 숫자만으로 훈련한 경우에 시드 간 퍼짐보다 크게 뒤지지 않으므로(샘플만 대 실제 숫자만: {parts}) 샘플 자체는 쓸 만합니다. 하지만 cGAN은 바로 그 실제 숫자들에서 배웠기 때문에, 샘플은 실제 숫자가 이미 보여 준 변화를 되풀이할 뿐 새로운 정보를 거의 더하지 못하는 것으로 보입니다.",
        "en": "A likely reason (n = {ns}): trained on the samples alone the recogniser falls short of the real digits alone by no more than the spread between seeds (samples alone against real alone: {parts}), so the samples are usable; but the cGAN learned from those very digits, so its samples probably repeat the variation the real digits already show and add little new information.",
    },
    "augment.c.classic_better": {
        "ko": "n = {ns}에서는 고전적 증강(이동과 회전)이 cGAN 샘플을 시드 간 퍼짐보다 큰 차이로 앞섰습니다('실제 + 고전적 증강' − '실제 + cGAN 샘플': {parts}).",
        "en": "At n = {ns} classic augmentation (shifts and rotations) beat the cGAN samples by more than the spread between seeds ('real + classic' − 'real + cGAN': {parts}).",
    },
    "augment.c.on_top_clear": {
        "ko": "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강'): {parts}. 시드 간 퍼짐보다 큰 이득은 n = {ns}에서 나왔습니다.",
        "en": "cGAN samples on top of classic augmentation ('real + both' − 'real + classic'): {parts}. The gain exceeds the spread between seeds at n = {ns}.",
    },
    "augment.c.on_top_none": {
        "ko": "고전적 증강에 더해 cGAN 샘플까지 넣은 효과('실제 + 둘 다' − '실제 + 고전적 증강'): {parts}. 어느 n에서도 시드 간 퍼짐보다 큰 이득은 없었습니다.",
        "en": "cGAN samples on top of classic augmentation ('real + both' − 'real + classic'): {parts}. At no n does the gain exceed the spread between seeds.",
    },
    "augment.c.beats_classic": {
        "ko": "생성된 데이터를 더한 방법이 '실제 + 고전적 증강'을 시드 간 퍼짐보다 큰 차이로 앞선 경우(그 방법 − 고전적 증강): {parts}.",
        "en": "Generated data beat 'real + classic' by more than the spread between seeds (the arm − classic): {parts}.",
    },
    "augment.c.no_beats_classic": {
        "ko": "어느 n에서도 생성된 데이터를 더한 방법이 '실제 + 고전적 증강'을 시드 간 퍼짐보다 큰 차이로 앞서지 못했습니다(n마다 차이가 가장 큰 생성 데이터 방법 − 고전적 증강: {parts}).",
        "en": "At no n did an arm with generated data beat 'real + classic' by more than the spread between seeds (at each n the generated-data arm with the largest difference, minus classic: {parts}).",
    },
    "augment.c.maker_vs_real": {
        "ko": "'{arm}' 방법이 '실제 데이터만' 대비 바꾼 정확도: {parts}.",
        "en": "What '{arm}' changed against 'real only': {parts}.",
    },
    "augment.c.fix_change": {
        "ko": "'{arm}' 방법이 일반 cGAN('실제 + cGAN 샘플') 대비 바꾼 정확도: {parts}.",
        "en": "What '{arm}' changed against the plain cGAN ('real + cGAN'): {parts}.",
    },
    "augment.progress": {"ko": "증강 실험", "en": "augmentation grid"},
    "augment.copies.distances": {
        "ko": (
            "가장 가까운 훈련 이미지까지의 거리(중앙값): 샘플 {samples:.3f}, "
            "새 실제 숫자 {real:.3f}"
        ),
        "en": (
            "distance to the nearest training image (median): samples {samples:.3f}, "
            "new real digits {real:.3f}"
        ),
    },
    "augment.copies.share": {
        "ko": (
            "새 실제 숫자의 90%보다 훈련 이미지에 더 가까운 샘플의 비율: {share:.1f}% "
            "(샘플 {count}장; 베끼지 않는다면 10%, 표준오차 ±{se:.1f}%p)"
        ),
        "en": (
            "share of samples nearer to a training image than 90% of new real digits: "
            "{share:.1f}% ({count} samples; 10% if nothing is copied, standard error "
            "±{se:.1f} points)"
        ),
    },
    "augment.copies.high": {
        "ko": (
            "10%보다 표준오차의 {z:.0f}배 넘게 높습니다. 샘플이 본 이미지 가까이에 몰려 있습니다. "
            "베낀 것일 수도 있고, 여러 숫자를 평균한 듯 흐릿해서일 수도 있습니다(아래 선명도를 보세요)"
        ),
        "en": (
            "More than {z:.0f} standard errors above 10%: the samples crowd near the images "
            "the maker saw. That can be copying, or blur (an average of several digits also "
            "lies near many of them): see the sharpness below"
        ),
    },
    "augment.copies.low": {
        "ko": (
            "10%보다 표준오차의 {z:.0f}배 넘게 낮습니다. 샘플이 실제 숫자보다 그 이미지들에서 "
            "더 멀리 떨어져 있습니다"
        ),
        "en": (
            "More than {z:.0f} standard errors below 10%: the samples lie farther from those "
            "images than real digits do"
        ),
    },
    "augment.copies.usual": {
        "ko": (
            "10%에서 표준오차의 {z:.0f}배 안에 있습니다. 이 측정으로는 베낀 흔적이 보이지 않습니다"
        ),
        "en": ("Within {z:.0f} standard errors of 10%: this measure shows no sign of copying"),
    },
    "augment.copies.sharp": {
        "ko": (
            "선명도(이웃 픽셀 차이의 제곱 평균)는 새 실제 숫자의 {sharp:.2f}배입니다. 1보다 "
            "한참 작으면 샘플이 흐릿하다는 뜻이고, 흐릿한 샘플은 베끼지 않아도 훈련 이미지에 "
            "가깝게 나옵니다"
        ),
        "en": (
            "Sharpness (mean squared difference of neighbouring pixels): {sharp:.2f} times "
            "that of new real digits. Well below 1 means blurry samples, and blurry samples "
            "lie near training images without copying them"
        ),
    },
    "augment.shipped.provenance": {
        "ko": (
            "함께 배포된 전체 격자: n = {ns}, 시드 {seeds}개, 방법 수 {arms}. "
            "{date}에 {cpu}({cores}코어)에서 {minutes:.0f}분 걸려 계산했습니다(커밋 {commit}). "
            "레시피 해시 {hash}. 다시 만드는 명령: {command}"
        ),
        "en": (
            "The shipped full grid: n = {ns}, {seeds} seeds, {arms} arms. Computed on {date} "
            "on {cpu} ({cores} cores) in {minutes:.0f} min (commit {commit}); recipe hash "
            "{hash}. The command that reproduces it: {command}"
        ),
    },
}
