"""Lesson 03's exercise checks (gencourse.check.gan): cases and hints.

The cases that lesson 04 uses too (``case.gan.random``, ``one_each``, ``flat``,
``saturated``) are in ``check_core``, beside the hints the two lessons share.
"""

MESSAGES = {
    "case.gan.confident_d": {
        "ko": "판별자가 진짜와 가짜를 잘 가려내는 경우",
        "en": "a discriminator that tells real from fake well",
    },
    "case.gan.fooled_d": {
        "ko": "판별자가 완전히 속은 경우(진짜를 가짜로, 가짜를 진짜로 봄)",
        "en": "a fooled discriminator (calls real fake and fake real)",
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
    "hint.dloss.swapped": {
        "ko": "힌트: 진짜와 가짜의 정답을 뒤바꾸었습니다. 진짜 이미지의 정답은 1, 가짜 이미지의 정답은 0입니다.",
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
        "ko": "힌트: 가치 함수의 식 log(1 - D(G(z)))를 그대로 최소화하는 포화 손실입니다. D = sigmoid(a)이므로 로짓 a에 대한 기울기는 -D(G(z))이고, 판별자가 가짜를 쉽게 알아보는 훈련 초반(D(G(z)) ≈ 0)에는 사라집니다. -log D(G(z))를 쓰세요.",
        "en": "Hint: this is the saturating loss log(1 - D(G(z))). With D = sigmoid(a), its gradient with respect to the logit a is -D(G(z)), which vanishes early on, when D(G(z)) is near 0; use -log D(G(z)).",
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
    "hint.batch.images_not_numbers": {
        "ko": "힌트: 튜플의 첫 번째 값(images)이 숫자 배열이 아닙니다. 이미지를 하나의 배열로 쌓으세요(np.concatenate).",
        "en": "Hint: the first item of the tuple (images) is not an array of numbers; stack the images into one array (np.concatenate).",
    },
    "hint.batch.targets_not_numbers": {
        "ko": "힌트: 튜플의 두 번째 값(targets)이 숫자 배열이 아닙니다. 정답을 1과 0으로 된 배열 하나로 만드세요.",
        "en": "Hint: the second item of the tuple (targets) is not an array of numbers; make the targets one array of 1s and 0s.",
    },
    "hint.batch.image_rank": {
        "ko": "힌트: 튜플의 첫 번째 값(images)은 (개수, 높이, 너비, 채널)의 4차원 배열이어야 합니다. 이미지를 펼쳤거나, 튜플의 두 값 순서가 바뀌지 않았는지 확인하세요.",
        "en": "Hint: the first item of the tuple (images) must be a 4-D array (count, height, width, channels); were the images flattened, or are the tuple's two items in the wrong order?",
    },
    "hint.batch.one_target_each": {
        "ko": "힌트: 이미지마다 정답이 하나씩 있어야 합니다. targets의 모양은 (N + M, 1) 또는 (N + M,)입니다.",
        "en": "Hint: every image needs exactly one target; targets should be shaped (N + M, 1) or (N + M,).",
    },
    "hint.batch.swapped": {
        "ko": "힌트: 정답을 뒤바꾸었습니다. 진짜 이미지는 1, 가짜 이미지는 0입니다.",
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
    "hint.dloss.squared": {
        "ko": "힌트: 제곱 오차를 썼습니다. 이 수업의 판별자 손실은 이진 교차 엔트로피입니다: -[log D(x) + log(1 - D(G(z)))]의 평균.",
        "en": "Hint: that is a squared error; this lesson's discriminator loss is the binary cross-entropy, the mean of -[log D(x) + log(1 - D(G(z)))].",
    },
    "hint.gloss.log_of_mean": {
        "ko": "힌트: 평균의 log를 구했습니다. 손실은 log의 평균입니다: -mean(log D(G(z))).",
        "en": "Hint: you took the log of the mean; the loss is the mean of the logs: -mean(log D(G(z))).",
    },
    "hint.batch.stacked": {
        "ko": "힌트: images가 5차원입니다. np.stack은 새 축을 만듭니다. 진짜와 가짜를 이미지 개수 축(axis=0)을 따라 np.concatenate로 이어 붙이세요.",
        "en": "Hint: images has 5 dimensions; np.stack adds a new axis. Join real and fake along the axis that counts the images (axis=0) with np.concatenate.",
    },
    "hint.batch.counts_differ": {
        "ko": "힌트: images의 이미지 수와 targets의 개수가 다릅니다. 이미지는 개수를 세는 첫 번째 축(axis=0)을 따라 이어 붙이고(높이나 너비 축이 아니라), 정답은 진짜 len(real_images)개의 1과 가짜 len(fake_images)개의 0이어야 합니다.",
        "en": "Hint: images and targets differ in count. Join the images along the first axis (axis=0), the one that counts them (not height or width), and give len(real_images) ones and len(fake_images) zeros.",
    },
}
