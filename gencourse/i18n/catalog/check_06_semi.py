"""Lesson 06's exercise checks (gencourse.check.semi): cases and hints."""

MESSAGES = {
    # --- unsupervised_discriminator_loss(real_logits, fake_logits) ---
    "case.uloss.random": {
        "ko": "진짜 8개, 가짜 8개, 클래스 10개의 무작위 로짓",
        "en": "random logits of 10 classes, 8 real and 8 fake",
    },
    "case.uloss.uneven": {
        "ko": "진짜 6개와 가짜 3개 (배치 크기가 다른 경우)",
        "en": "6 real and 3 fake (batches of different sizes)",
    },
    "case.uloss.one_each": {
        "ko": "진짜와 가짜가 하나씩뿐인 배치",
        "en": "a single real and a single fake image",
    },
    "case.uloss.two_classes": {"ko": "클래스가 2개인 경우", "en": "2 classes"},
    "case.uloss.one_class": {
        "ko": "클래스가 1개인 경우 (D는 로짓 하나의 시그모이드, 수업 03의 판별자)",
        "en": "a single class (D is the sigmoid of one logit, as in lesson 03)",
    },
    "case.uloss.confident": {
        "ko": "진짜와 가짜를 잘 구별하는 판별자 (로짓 크기는 몇 정도)",
        "en": "a discriminator that tells real from fake (logits of a few units)",
    },
    "case.uloss.huge_right": {
        "ko": "로짓이 수백인 경우: 진짜는 +800 근처, 가짜는 -800 근처",
        "en": "logits in the hundreds: real near +800, fake near -800",
    },
    "case.uloss.huge_wrong": {
        "ko": "로짓이 수백인 경우: 진짜는 -300 근처, 가짜는 +300 근처 (완전히 속은 판별자)",
        "en": "logits in the hundreds: real near -300, fake near +300 (a fooled discriminator)",
    },
    "case.uloss.mixed_ranges": {
        "ko": "한 배치에 +600 근처, -600 근처, 0 근처의 행이 섞인 경우",
        "en": "one batch mixing rows near +600, near -600 and near 0",
    },
    "hint.uloss.unstable": {
        "ko": "힌트: 수치 안정성 문제입니다. 로짓이 수백이면 exp가 넘치거나(무한대) 0이 되어 D가 정확히 1이나 0이 되고, log가 무한대나 NaN이 됩니다. Z를 직접 계산하지 말고, log Z를 log-sum-exp로(각 행의 가장 큰 로짓을 빼고) 구한 뒤 log D와 log(1 - D)를 softplus로 나타내세요.",
        "en": "Hint: a numerical stability problem. With logits in the hundreds exp overflows (or gives 0), D becomes exactly 1 (or 0) and the log gives infinity or NaN. Do not compute Z itself: get log Z by log-sum-exp (subtracting each row's largest logit), then write log D and log(1 - D) with softplus.",
    },
    "hint.uloss.max_logit": {
        "ko": "힌트: 가장 큰 로짓 하나만 썼습니다. Z(x)는 클래스 K개 모두의 exp(로짓)을 더한 값이므로, log Z는 최댓값이 아니라 log-sum-exp입니다.",
        "en": "Hint: you used only the largest logit. Z(x) adds exp(logit) over all K classes, so log Z is their log-sum-exp, not their maximum.",
    },
    "hint.uloss.sum_logits": {
        "ko": "힌트: 로짓 자체를 더했습니다. Z(x)는 로짓의 합이 아니라 exp(로짓)의 합입니다.",
        "en": "Hint: you added the logits themselves; Z(x) is the sum of exp(logit), not of the logits.",
    },
    "hint.uloss.top_class": {
        "ko": "힌트: 가장 큰 클래스 확률(softmax의 최댓값)을 D로 썼습니다. 그것은 어느 숫자인지에 대한 확률입니다. '진짜'일 확률은 D = Z / (Z + 1)이고, 가짜 클래스의 로짓을 0으로 둔 것과 같습니다.",
        "en": "Hint: you used the largest class probability (the softmax's maximum) as D; that is about which digit it is. The probability of 'real' is D = Z / (Z + 1), as if a fake class had its logit at 0.",
    },
    "hint.uloss.swapped": {
        "ko": "힌트: 진짜와 가짜가 바뀌었습니다. real_logits에는 log D를, fake_logits에는 log(1 - D)를 씁니다.",
        "en": "Hint: real and fake are swapped: log D goes with real_logits, log(1 - D) with fake_logits.",
    },
    "hint.uloss.fake_as_real": {
        "ko": "힌트: 생성된 이미지에도 log D를 썼습니다. 판별자는 생성된 이미지를 '가짜'로 판정해야 하므로 가짜 쪽 항은 log(1 - D)입니다.",
        "en": "Hint: you used log D for the generated images too; the discriminator must call them fake, so their term is log(1 - D).",
    },
    "hint.uloss.no_half": {
        "ko": "힌트: 두 평균을 더하기만 했습니다. 진짜 쪽과 가짜 쪽은 각각 1/2의 가중치를 받습니다.",
        "en": "Hint: you only added the two means; the real half and the fake half each weigh 1/2.",
    },
    "hint.uloss.pooled": {
        "ko": "힌트: N + M개 항 전체를 한꺼번에 평균했습니다(수업 03의 방식). 배치 크기가 다르면 결과가 달라집니다. 진짜 쪽 평균과 가짜 쪽 평균을 따로 구해 각각 1/2씩 더하세요.",
        "en": "Hint: you averaged all N + M terms at once (lesson 03's way), which differs when the batch sizes differ. Take the real mean and the fake mean separately and weigh each by 1/2.",
    },
    "hint.uloss.summed": {
        "ko": "힌트: 배치에 대해 더했습니다. 각 쪽은 합이 아니라 평균이어야 배치 크기에 따라 손실의 크기가 변하지 않습니다.",
        "en": "Hint: you summed over the batch; take each half's mean, so the loss does not grow with the batch size.",
    },
    "hint.uloss.only_real": {
        "ko": "힌트: 진짜 이미지 쪽 항만 있습니다. 생성된 이미지 쪽 항 -log(1 - D)도 넣으세요.",
        "en": "Hint: only the real images' term is there; add the generated images' term, -log(1 - D), too.",
    },
    "hint.uloss.only_fake": {
        "ko": "힌트: 생성된 이미지 쪽 항만 있습니다. 레이블 없는 진짜 이미지 쪽 항 -log D도 넣으세요.",
        "en": "Hint: only the generated images' term is there; add the unlabelled real images' term, -log D, too.",
    },
    "hint.uloss.clipped": {
        "ko": "힌트: D를 [1e-7, 1 - 1e-7]로 잘라 낸 것 같습니다. 로짓이 크면 잘라 낸 값 때문에 손실이 달라집니다. D를 거치지 말고 log-sum-exp와 softplus로 log D와 log(1 - D)를 바로 계산하면 잘라 낼 필요가 없습니다.",
        "en": "Hint: you seem to clip D to [1e-7, 1 - 1e-7]; with large logits the clip changes the loss. Compute log D and log(1 - D) directly with log-sum-exp and softplus, without D itself, and nothing needs clipping.",
    },
    # --- feature_matching_loss(real_features, fake_features) ---
    "case.fm.random": {
        "ko": "진짜 8개, 가짜 8개, 특징 6개",
        "en": "8 real and 8 fake, 6 features",
    },
    "case.fm.many_features": {
        "ko": "특징이 32개인 경우",
        "en": "32 features",
    },
    "case.fm.same_means": {
        "ko": "특징별 평균은 같고 샘플끼리는 다른 경우 (가짜 = 진짜의 순서를 뒤집은 것)",
        "en": "equal feature means but different samples (the fake batch is the real one reversed)",
    },
    "case.fm.shifted": {
        "ko": "가짜 특징이 진짜 특징을 특징마다 일정하게 옮긴 것인 경우",
        "en": "fake features that shift each real feature by a constant",
    },
    "case.fm.identical": {
        "ko": "진짜와 가짜 특징이 똑같은 경우",
        "en": "identical real and fake features",
    },
    "case.fm.one_feature": {"ko": "특징이 1개인 경우", "en": "a single feature"},
    "case.fm.uneven": {
        "ko": "진짜 10개와 가짜 4개 (배치 크기가 다른 경우)",
        "en": "10 real and 4 fake (batches of different sizes)",
    },
    "case.fm.one_fake": {
        "ko": "생성된 이미지가 1개뿐인 경우",
        "en": "a single generated image",
    },
    "hint.fm.pairs": {
        "ko": "힌트: 진짜와 가짜 샘플을 짝지어 차이를 구했습니다. 특징 매칭은 두 배치의 특징별 평균을 비교합니다. 샘플끼리의 짝은 의미가 없고, 배치 크기가 달라도 계산할 수 있어야 합니다.",
        "en": "Hint: you paired real and fake samples one by one. Feature matching compares the two batches' per-feature means; the samples have no partners, and the batch sizes may differ.",
    },
    "hint.fm.feature_sum": {
        "ko": "힌트: 특징에 대해 더했습니다. 특징마다 구한 제곱 차이는 더하지 말고 평균하세요.",
        "en": "Hint: you summed over the features; average the squared gaps over the features.",
    },
    "hint.fm.norm": {
        "ko": "힌트: 제곱근을 취해 거리(노름)를 돌려주었습니다. 특징 매칭 손실은 제곱한 그대로 두며 제곱근을 취하지 않습니다.",
        "en": "Hint: you took a square root and returned a distance (a norm); the feature matching loss stays squared, with no square root.",
    },
    "hint.fm.absolute": {
        "ko": "힌트: 평균의 차이를 절댓값으로 재었습니다. 특징마다 차이를 제곱하세요.",
        "en": "Hint: you measured the gap between the means by its absolute value; square each feature's gap.",
    },
    "hint.fm.not_squared": {
        "ko": "힌트: 평균의 차이를 제곱하지 않았습니다. 특징마다 차이를 제곱한 다음 평균하세요. 그러지 않으면 양수와 음수 차이가 서로 지워집니다.",
        "en": "Hint: the gaps between the means are not squared: square each feature's gap before averaging, or positive and negative gaps cancel out.",
    },
    "hint.fm.all_mean": {
        "ko": "힌트: 모든 특징을 한 숫자로 평균한 뒤 비교했습니다. 특징마다 따로 배치 평균을 내어 비교해야 합니다.",
        "en": "Hint: you averaged all the features into one number before comparing; compare each feature's batch mean separately.",
    },
    "hint.fm.feature_axis": {
        "ko": "힌트: 평균을 특징 축(axis=1)으로 냈습니다. 배치 평균은 샘플 축(axis=0)으로 내어 특징마다 하나씩 얻어야 합니다.",
        "en": "Hint: you took the means over the feature axis (axis=1); the batch means run over the samples (axis=0), one per feature.",
    },
    "hint.fm.per_feature": {
        "ko": "힌트: 특징마다 값을 하나씩 돌려주었습니다. 특징에 대해 평균을 내서 숫자 하나를 돌려주세요.",
        "en": "Hint: you returned one value per feature; average over the features into a single number.",
    },
    # --- confident_pseudo_labels(probabilities, threshold=0.95, per_class=None) ---
    "case.pseudo.random": {
        "ko": "이미지 12장, 클래스 4개, threshold = 0.8",
        "en": "12 images, 4 classes, threshold = 0.8",
    },
    "case.pseudo.default": {
        "ko": "이미지 20장, 클래스 10개, 기본 threshold (0.95)",
        "en": "20 images, 10 classes, the default threshold (0.95)",
    },
    "case.pseudo.at_threshold": {
        "ko": "가장 큰 확률이 threshold와 정확히 같은 이미지가 있는 경우",
        "en": "images whose largest probability equals the threshold exactly",
    },
    "case.pseudo.ties": {
        "ko": "확신도가 똑같은 이미지가 여럿인 경우",
        "en": "several images with the same confidence",
    },
    "case.pseudo.per_class": {
        "ko": "이미지 30장, 클래스 3개, 클래스당 최대 3장 (per_class = 3)",
        "en": "30 images, 3 classes, at most 3 per class (per_class = 3)",
    },
    "case.pseudo.one_per_class": {
        "ko": "클래스당 1장만 (per_class = 1)",
        "en": "one per class (per_class = 1)",
    },
    "case.pseudo.none": {
        "ko": "가장 큰 확률이 threshold 이상인 이미지가 하나도 없는 경우",
        "en": "no image reaches the threshold",
    },
    "case.pseudo.all": {
        "ko": "모든 이미지의 가장 큰 확률이 threshold 이상인 경우",
        "en": "every image reaches the threshold",
    },
    "case.pseudo.one_row": {"ko": "이미지가 1장뿐인 경우", "en": "a single image"},
    "hint.pseudo.pair": {
        "ko": "힌트: (indices, labels) 두 값을 튜플 하나로 돌려주세요.",
        "en": "Hint: return two things, as a tuple (indices, labels).",
    },
    "hint.pseudo.indices_not_numbers": {
        "ko": "힌트: 튜플의 첫 번째 값(indices)이 숫자 배열이 아닙니다. 고른 이미지의 번호를 배열 하나로 돌려주세요.",
        "en": "Hint: the first item of the tuple (indices) is not an array of numbers; return the chosen images' row numbers as one array.",
    },
    "hint.pseudo.labels_not_numbers": {
        "ko": "힌트: 튜플의 두 번째 값(labels)이 숫자 배열이 아닙니다. 고른 이미지의 의사 레이블을 배열 하나로 돌려주세요.",
        "en": "Hint: the second item of the tuple (labels) is not an array of numbers; return the chosen images' pseudo-labels as one array.",
    },
    "hint.pseudo.confidences": {
        "ko": "힌트: 두 번째 값에 확률(확신도)을 돌려준 것 같습니다. 의사 레이블은 가장 확률이 큰 클래스의 번호(argmax)입니다.",
        "en": "Hint: the second item seems to hold probabilities (the confidences); a pseudo-label is the number of the most probable class (the argmax).",
    },
    "hint.pseudo.integers": {
        "ko": "힌트: 번호와 레이블은 정수 배열이어야 하는데 실수(float)나 불리언 배열을 돌려주었습니다. .astype(int)로 바꾸거나, 불리언 마스크라면 np.flatnonzero로 번호를 구하세요.",
        "en": "Hint: the indices and labels must be integer arrays, but you returned floats (or booleans); convert them with .astype(int), or turn a boolean mask into row numbers with np.flatnonzero.",
    },
    "hint.pseudo.flat": {
        "ko": "힌트: indices와 labels는 각각 1차원 배열이어야 합니다.",
        "en": "Hint: indices and labels must each be a 1-D array.",
    },
    "hint.pseudo.one_label_each": {
        "ko": "힌트: indices와 labels의 길이가 다릅니다. 고른 이미지마다 레이블이 정확히 하나씩 있어야 합니다(모든 이미지의 레이블이 아니라).",
        "en": "Hint: indices and labels differ in length; every chosen image needs exactly one label (not every image).",
    },
    "hint.pseudo.inclusive": {
        "ko": "힌트: 가장 큰 확률이 threshold와 정확히 같은 이미지를 뺐습니다. threshold '이상'이면 남깁니다(> 가 아니라 >=).",
        "en": "Hint: you dropped images whose largest probability equals the threshold; keep an image when it is at least the threshold (>=, not >).",
    },
    "hint.pseudo.index_order": {
        "ko": "힌트: 고른 이미지가 번호 순서입니다. 확신도가 큰 것부터 차례로 돌려주세요.",
        "en": "Hint: the chosen images come in index order; return them most confident first.",
    },
    "hint.pseudo.ascending": {
        "ko": "힌트: 확신도가 작은 것부터 정렬했습니다. 가장 확신하는 이미지가 맨 앞에 와야 합니다(내림차순).",
        "en": "Hint: you sorted the least confident first; the most confident image must come first (descending order).",
    },
    "hint.pseudo.ties": {
        "ko": "힌트: 확신도가 같은 이미지의 순서가 다릅니다. 같으면 번호가 작은 이미지가 먼저입니다. np.argsort(...)[::-1]은 같은 값의 순서도 뒤집으니, 음수로 바꾼 확신도를 kind='stable'로 정렬하세요.",
        "en": "Hint: images of equal confidence are in the wrong order; on a tie, the lower index comes first. np.argsort(...)[::-1] reverses ties too: sort the negated confidences with kind='stable'.",
    },
    "hint.pseudo.no_threshold": {
        "ko": "힌트: threshold를 쓰지 않고 모든 이미지를 남겼습니다. 가장 큰 확률이 threshold 이상인 이미지만 고르세요.",
        "en": "Hint: you kept every image, ignoring the threshold; keep only those whose largest probability reaches it.",
    },
    "hint.pseudo.per_class_ignored": {
        "ko": "힌트: per_class를 무시했습니다. per_class가 주어지면 클래스마다 최대 그 개수만 남기세요.",
        "en": "Hint: per_class was ignored; when it is given, keep at most that many images of each class.",
    },
    "hint.pseudo.per_class_first": {
        "ko": "힌트: 클래스마다 번호가 앞선 이미지를 남겼습니다. 클래스마다 확신도가 가장 큰 이미지를 per_class개까지 남겨야 합니다.",
        "en": "Hint: for each class you kept the images that come first by index; keep each class's most confident images, up to per_class.",
    },
    "hint.pseudo.per_class_total": {
        "ko": "힌트: 전체에서 per_class개만 남겼습니다. per_class는 전체 개수가 아니라 클래스 하나당 최대 개수입니다.",
        "en": "Hint: you kept per_class images in all; per_class is the most for each class, not the total.",
    },
    "hint.pseudo.swapped": {
        "ko": "힌트: 두 값의 순서가 바뀌었습니다. (indices, labels) 순서로 돌려주세요.",
        "en": "Hint: the two items are swapped; return (indices, labels) in that order.",
    },
    "hint.pseudo.pairing": {
        "ko": "힌트: 이미지 번호와 레이블의 짝이 어긋났습니다. 레이블도 indices와 같은 순서(확신도 순)로 돌려주세요.",
        "en": "Hint: the row numbers and labels no longer match; give the labels in the same order as the indices (by confidence).",
    },
    "hint.uloss.huge": {
        "ko": "힌트: 이 테스트의 로짓은 수백입니다. exp가 넘치거나(inf) 0이 되고, D는 정확히 1이나 0으로 반올림되어 log D나 log(1 - D)가 무한대가 되거나(잘라 내면) 값을 잃습니다. Z나 D를 직접 만들지 말고, log-sum-exp로 s = log Z를 구한 뒤 log D = s - softplus(s), log(1 - D) = -softplus(s)로 쓰세요.",
        "en": "Hint: this test's logits are in the hundreds. exp overflows (inf) or gives 0, and D rounds to exactly 1 or 0, so log D or log(1 - D) becomes infinite or, clipped, loses its value. Do not build Z or D: get s = log Z by log-sum-exp, then log D = s - softplus(s) and log(1 - D) = -softplus(s).",
    },
    "hint.uloss.fake_sign": {
        "ko": "힌트: 생성된 이미지 항의 부호가 반대입니다. log(1 - D) = -softplus(s)이고, 손실에는 -log(1 - D) = +softplus(s)가 들어갑니다.",
        "en": "Hint: the generated images' term has the wrong sign; log(1 - D) = -softplus(s), so the loss gets -log(1 - D) = +softplus(s).",
    },
    "hint.uloss.axis": {
        "ko": "힌트: log-sum-exp를 배치 축(axis=0)으로 구했습니다. log Z는 이미지마다 K개 클래스에 대해(axis=1) 구합니다.",
        "en": "Hint: the log-sum-exp ran over the batch (axis=0); log Z is taken per image, over its K classes (axis=1).",
    },
    "hint.uloss.mean_logit": {
        "ko": "힌트: 로짓의 평균을 썼습니다. log Z는 K개 로짓의 log-sum-exp입니다(평균이나 최댓값이 아니라).",
        "en": "Hint: you used the logits' mean; log Z is the log-sum-exp of the K logits (not their mean or maximum).",
    },
    "hint.fm.squares_first": {
        "ko": "힌트: 제곱의 평균(또는 평균의 제곱)끼리 뺐습니다. 먼저 특징마다 두 배치 평균의 차이를 구하고, 그 차이를 제곱하세요.",
        "en": "Hint: you subtracted means of squares (or squared means); first take each feature's gap between the two batch means, then square that gap.",
    },
    "hint.pseudo.by_label": {
        "ko": "힌트: 레이블 순으로 정렬했습니다. 순서는 레이블과 상관없이 확신이 큰 것부터입니다(같으면 인덱스가 작은 것부터).",
        "en": "Hint: you sorted by label; the order is by confidence, most confident first whatever the label (ties: lower index first).",
    },
    # --- isolating_pair(): which two arms measure what the GAN part adds ---
    "case.pair.choice": {"ko": "고른 두 방법", "en": "the two arms chosen"},
    "hint.pair.single": {
        "ko": '힌트: 문자열 하나를 돌려주었습니다. 짝지은 차이는 두 방법 사이에서 구하므로, 방법 이름 두 개를 튜플로 돌려주세요. 예: ("real", "m1").',
        "en": 'Hint: it returned one text; a paired difference is taken between two arms, so return their two names as a tuple, e.g. ("real", "m1").',
    },
    "hint.pair.two_names": {
        "ko": '힌트: 방법 이름 두 개(문자열)를 튜플로 돌려주세요. 예: ("real", "m1").',
        "en": 'Hint: return two arm names (strings) as a tuple, e.g. ("real", "m1").',
    },
    "hint.pair.unknown": {
        "ko": "힌트: 수업 06의 방법 이름이 아닌 것이 있습니다. 방법 이름은 {arms}입니다(표에 나오는 설명이 아니라 이 이름을 쓰세요).",
        "en": "Hint: a name is not one of lesson 06's arms; the arms are {arms} (use these names, not the descriptions in the table).",
    },
    "hint.pair.same": {
        "ko": "힌트: 같은 방법을 두 번 골랐습니다. 한 방법에서 자기 자신을 빼면 아무것도 잴 수 없습니다.",
        "en": "Hint: both names are the same arm; an arm minus itself measures nothing.",
    },
    "hint.pair.copies": {
        "ko": "힌트: 'ssgan'과 'ssgan_classic'은 수업 05의 고전적 증강 사본만 다릅니다. 이 차이는 사본이 보탠 몫이지, 비지도 손실이 보탠 몫이 아닙니다.",
        "en": "Hint: 'ssgan' and 'ssgan_classic' differ only in lesson 05's classic copies of the labelled digits: their difference measures what the copies add, not what the unsupervised loss adds.",
    },
    "hint.pair.two_changes": {
        "ko": "힌트: 'ssgan'과 'ssgan_supervised'는 고전적 증강 사본과 비지도 손실, 두 가지가 한꺼번에 다릅니다. 다른 것은 모두 같고 비지도 손실만 켜고 끈 두 방법을 고르세요.",
        "en": "Hint: 'ssgan' and 'ssgan_supervised' differ in two things at once, the classic copies and the unsupervised loss; choose two arms that are the same in everything but the unsupervised loss, on and off.",
    },
    "hint.pair.no_gan": {
        "ko": "힌트: 고른 두 방법 모두 준지도 GAN을 훈련하지 않습니다. 이 차이로는 GAN 부분이 보탠 몫을 알 수 없습니다.",
        "en": "Hint: neither arm trains the semi-supervised GAN, so their difference cannot say what the GAN part adds.",
    },
    "hint.pair.pseudo": {
        "ko": "힌트: 의사 레이블('pseudo')은 생성 모델이 없다는 점 말고도 네트워크(수업 05의 작은 CNN과 노이즈 층이 있는 밀집층 판별자)와 훈련 예산이 다릅니다. 이 차이는 두 방법 전체를 비교하는 것이지, GAN 부분의 몫이 아닙니다.",
        "en": "Hint: pseudo-labelling ('pseudo') differs from the semi-supervised GAN in more than the generative model: its network (lesson 05's small CNN against a dense discriminator with noise layers) and its training budget differ too. The gap compares two whole recipes, not the GAN part's share.",
    },
    "hint.pair.m1": {
        "ko": "힌트: M1('m1')은 아예 다른 방법입니다. GAN의 판별자 대신 VAE의 잠재 평균에 서포트 벡터 머신을 씁니다. 이 차이는 두 방법 전체를 비교하는 것이지, GAN 부분의 몫이 아닙니다.",
        "en": "Hint: M1 ('m1') is another recipe altogether: a support vector machine on a VAE's latent means instead of the GAN's discriminator. The difference compares two whole recipes, not the GAN part's share.",
    },
    "hint.pair.real_classic": {
        "ko": "힌트: '실제 + 고전적 증강'('real_classic')은 수업 05의 작은 CNN을 다른 단계 수만큼 훈련하고, 레이블 없는 숫자는 보지 않습니다. 준지도 GAN 방법과 비교하면 네트워크와 단계 수가 함께 바뀌므로, 이 차이는 GAN 부분만의 몫이 아닙니다.",
        "en": "Hint: 'real + classic' ('real_classic') trains lesson 05's small CNN for another number of steps and never sees the unlabelled digits: against a semi-supervised GAN arm the network and the steps change too, so the difference is not the GAN part's alone.",
    },
    "hint.pair.real": {
        "ko": "힌트: '실제 데이터만'('real')은 레이블이 붙은 숫자만으로 수업 05의 작은 CNN을 훈련합니다. 준지도 GAN 방법과 비교하면 네트워크, 단계 수, 고전적 증강 사본이 함께 바뀌므로, 이 차이는 GAN 부분만의 몫이 아닙니다.",
        "en": "Hint: 'real only' ('real') trains lesson 05's small CNN on the labelled digits alone: against a semi-supervised GAN arm the network, the steps and the classic copies change too, so the difference is not the GAN part's alone.",
    },
}
