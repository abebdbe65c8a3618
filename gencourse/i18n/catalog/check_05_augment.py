"""Lesson 05's exercise checks (gencourse.check.augment): cases and hints."""

MESSAGES = {
    "case.aug.one_to_one": {
        "ko": "실제 6장, 비율 1 (28x28 이미지)",
        "en": "6 real images, ratio 1 (28x28 images)",
    },
    "case.aug.half": {"ko": "실제 8장, 비율 0.5", "en": "8 real images, ratio 0.5"},
    "case.aug.three": {
        "ko": "실제 3장, 비율 3 (합성 이미지가 남는 경우)",
        "en": "3 real images, ratio 3 (synthetic images left over)",
    },
    "case.aug.zero": {
        "ko": "비율 0 (합성 이미지를 하나도 쓰지 않음)",
        "en": "ratio 0 (no synthetic image at all)",
    },
    "case.aug.column_labels": {
        "ko": "레이블이 (N, 1) 모양으로 들어오는 경우",
        "en": "labels shaped (N, 1)",
    },
    "case.aug.one_real": {"ko": "실제 이미지가 1장뿐인 경우", "en": "a single real image"},
    "hint.aug.pair": {
        "ko": "힌트: (images, labels) 두 값을 튜플 하나로 돌려주세요.",
        "en": "Hint: return two things, as a tuple (images, labels).",
    },
    "hint.aug.image_rank": {
        "ko": "힌트: 튜플의 첫 번째 값(images)은 (개수, 높이, 너비, 채널)의 4차원 배열이어야 합니다. 이미지를 펼쳤거나, 튜플의 두 값 순서가 바뀌지 않았는지 확인하세요.",
        "en": "Hint: the first item of the tuple (images) must be a 4-D array (count, height, width, channels); were the images flattened, or are the tuple's two items in the wrong order?",
    },
    "hint.aug.one_label_each": {
        "ko": "힌트: 이미지 수와 레이블 수가 다릅니다. 이미지마다 레이블이 정확히 하나씩 있어야 합니다.",
        "en": "Hint: every image needs exactly one label; the numbers of images and labels differ.",
    },
    "hint.aug.whole_pool": {
        "ko": "힌트: 합성 이미지를 모두 넣었습니다. ratio가 정하는 개수만큼만 넣어야 합니다.",
        "en": "Hint: you added the whole synthetic pool; add only as many as the ratio asks for.",
    },
    "hint.aug.ratio_of_pool": {
        "ko": "힌트: 합성 이미지 개수를 합성 이미지 풀의 크기를 기준으로 계산했습니다. ratio는 실제 이미지 한 장당 합성 이미지 수입니다.",
        "en": "Hint: you computed the count from the size of the synthetic pool; the ratio is synthetic images per real image.",
    },
    "hint.aug.synthetic_only": {
        "ko": "힌트: 실제 이미지를 넣지 않았습니다. 증강된 훈련 세트에는 실제 이미지가 모두 들어가야 합니다.",
        "en": "Hint: the real images are missing; the augmented training set keeps every real image.",
    },
    "hint.aug.pairing": {
        "ko": "힌트: 개수는 맞지만 합성 이미지와 레이블의 짝이 어긋났습니다. 섞으려면 이미지와 레이블을 같은 순서로 섞으세요.",
        "en": "Hint: the counts are right, but synthetic images and their labels no longer match; if you shuffle, shuffle images and labels with the same order.",
    },
    "hint.aug.real_labels": {
        "ko": "힌트: 합성 이미지에 실제 이미지의 레이블을 붙였습니다. 합성 이미지는 생성할 때 요청한 자기 레이블(synthetic_labels)을 가져야 합니다.",
        "en": "Hint: the synthetic images got the real images' labels; each must keep the label it was generated for (synthetic_labels).",
    },
    "hint.aug.inverse_ratio": {
        "ko": "힌트: 비율을 거꾸로 적용했습니다. ratio가 클수록 합성 이미지가 많아져야 합니다.",
        "en": "Hint: the ratio is upside down; a larger ratio must mean more synthetic images.",
    },
    "case.aug.round_up": {
        "ko": "실제 7장, 비율 0.4 (0.4 × 7 = 2.8을 round()로 반올림하면 3)",
        "en": "7 real images, ratio 0.4 (0.4 × 7 = 2.8, which round() takes to 3)",
    },
    "case.aug.round_down": {
        "ko": "실제 7장, 비율 0.3 (0.3 × 7 = 2.1을 round()로 반올림하면 2)",
        "en": "7 real images, ratio 0.3 (0.3 × 7 = 2.1, which round() takes to 2)",
    },
    "hint.aug.images_not_numbers": {
        "ko": "힌트: 튜플의 첫 번째 값(images)이 숫자 배열이 아닙니다. 이미지를 하나의 배열로 쌓으세요(np.concatenate).",
        "en": "Hint: the first item of the tuple (images) is not an array of numbers; stack the images into one array (np.concatenate).",
    },
    "hint.aug.labels_not_numbers": {
        "ko": "힌트: 튜플의 두 번째 값(labels)이 숫자 배열이 아닙니다. 레이블을 배열 하나로 이어 붙이세요.",
        "en": "Hint: the second item of the tuple (labels) is not an array of numbers; join the labels into one array.",
    },
    "hint.aug.labels_flat": {
        "ko": "힌트: 레이블을 (N + K, 1) 모양의 열로 돌려주었습니다. 레이블은 1차원 배열(모양 (N + K,))이어야 합니다. np.reshape(labels, -1)로 펴세요.",
        "en": "Hint: you returned the labels as an (N + K, 1) column; they must be a 1-D array, shape (N + K,). Flatten them with np.reshape(labels, -1).",
    },
    "hint.aug.round": {
        "ko": "힌트: 합성 이미지 수를 반올림하지 않았습니다. K = round(ratio * len(real_images))처럼 파이썬의 round()로 가장 가까운 정수를 구하세요. int()는 내리고 math.ceil()은 올립니다.",
        "en": "Hint: the number of synthetic images is not rounded: K = round(ratio * len(real_images)), the nearest whole number by Python's round(). int() rounds down and math.ceil() rounds up.",
    },
    "case.bal.digits": {"ko": "10개 클래스에 클래스당 4개", "en": "4 per class, 10 classes"},
    "case.bal.one_each": {"ko": "3개 클래스에 하나씩", "en": "one each of 3 classes"},
    "case.bal.two_classes": {"ko": "2개 클래스에 5개씩", "en": "5 each of 2 classes"},
    "case.bal.more_classes": {"ko": "7개 클래스에 3개씩", "en": "3 each of 7 classes"},
    "case.bal.none": {
        "ko": "클래스당 0개인 경우",
        "en": "0 per class",
    },
    "hint.bal.flat": {
        "ko": "힌트: 레이블은 1차원 배열 하나로 돌려주세요.",
        "en": "Hint: return the labels as one flat (1-D) array.",
    },
    "hint.bal.integers": {
        "ko": "힌트: 레이블은 정수 배열이어야 하는데 실수(float)나 불리언 배열을 돌려주었습니다. np.arange처럼 정수를 만드는 함수로 만들거나 .astype(int)로 바꾸세요.",
        "en": "Hint: the labels must be an integer array, but you returned floats (or booleans); build them from integers (np.arange) or convert them with .astype(int).",
    },
    "hint.bal.total": {
        "ko": "힌트: per_class는 전체 개수가 아니라 클래스 하나당 개수입니다.",
        "en": "Hint: per_class is the count for each class, not the total.",
    },
    "hint.bal.swapped": {
        "ko": "힌트: 두 인수의 역할이 바뀌었습니다. 레이블 값은 0부터 num_classes - 1까지이고, 각 값이 per_class번 나와야 합니다.",
        "en": "Hint: the two arguments swapped roles; the label values run over 0..num_classes-1, each appearing per_class times.",
    },
    "hint.bal.from_one": {
        "ko": "힌트: 레이블은 1이 아니라 0부터 시작합니다.",
        "en": "Hint: labels start at 0, not 1.",
    },
    "hint.bal.fixed_ten": {
        "ko": "힌트: 클래스 수를 10으로 고정했습니다. num_classes 인수를 쓰세요.",
        "en": "Hint: you fixed the number of classes at 10; use the num_classes argument.",
    },
    "hint.bal.last_missing": {
        "ko": "힌트: 마지막 클래스를 빠뜨렸습니다. 레이블은 0부터 num_classes - 1까지 모두 나와야 합니다.",
        "en": "Hint: the last class is missing; every label from 0 to num_classes - 1 must appear.",
    },
    "case.shift.one_image": {
        "ko": "6x6 이미지 1장, 아래로 1, 오른쪽으로 2",
        "en": "one 6x6 image, down 1 and right 2",
    },
    "case.shift.batch": {
        "ko": "이미지 4장, 이미지마다 다른 이동량, fill = 0.5",
        "en": "4 images, each with its own shift, fill = 0.5",
    },
    "case.shift.none": {"ko": "이동하지 않는 경우", "en": "no shift at all"},
    "case.shift.not_square": {
        "ko": "정사각형이 아닌 4x7 이미지",
        "en": "4x7 images (not square)",
    },
    "case.shift.channels": {"ko": "채널이 3개인 이미지", "en": "images with 3 channels"},
    "case.shift.too_far": {
        "ko": "이미지 크기 이상으로 이동하는 경우 (fill만 남음)",
        "en": "a shift of the whole size or more (only fill is left)",
    },
    "hint.shift.wrap": {
        "ko": "힌트: 한쪽으로 밀려난 픽셀이 반대쪽에서 다시 나타났습니다(np.roll은 감아 돌립니다). 바깥에서 들어오는 픽셀은 배경값 `fill`이어야 합니다.",
        "en": "Hint: pixels that left one side came back on the other (np.roll wraps around). Pixels that enter from outside must take the background value `fill`.",
    },
    "hint.shift.fill_zero": {
        "ko": "힌트: `fill`이 0이 아닌데도 새로 들어온 픽셀이 0입니다. `fill` 값을 쓰세요.",
        "en": "Hint: the pixels that entered are 0 even where `fill` is not 0: use the `fill` value.",
    },
    "hint.shift.direction": {
        "ko": "힌트: 이미지가 반대 방향으로 움직였습니다. `dy`가 양수이면 아래로(행 번호가 커지는 쪽), `dx`가 양수이면 오른쪽으로 움직여야 합니다.",
        "en": "Hint: the image moved the wrong way: a positive `dy` moves it down (towards larger row numbers), a positive `dx` to the right.",
    },
    "hint.shift.swapped": {
        "ko": "힌트: `dy`와 `dx`가 바뀌었습니다. `dy`는 행(축 1)을, `dx`는 열(축 2)을 움직입니다.",
        "en": "Hint: `dy` and `dx` are swapped: `dy` moves rows (axis 1), `dx` moves columns (axis 2).",
    },
    "hint.shift.edge": {
        "ko": "힌트: 빈 곳을 가장자리 픽셀의 복사본으로 채웠습니다(np.pad의 mode='edge'). 상수 `fill`로 채우세요.",
        "en": "Hint: the gap was filled with copies of the edge pixels (np.pad's mode='edge'): fill it with the constant `fill`.",
    },
    "hint.shift.per_image": {
        "ko": "힌트: 모든 이미지가 첫 이미지의 이동량으로 움직였습니다. 이미지 i는 자기 `dy[i]`, `dx[i]`만큼 움직입니다.",
        "en": "Hint: every image got the first image's shift: image i moves by its own `dy[i]` and `dx[i]`.",
    },
    "hint.shift.too_far": {
        "ko": "힌트: 이미지의 높이나 너비 이상으로 이동하면 원래 픽셀은 하나도 남지 않고 `fill`만 남습니다. 슬라이스 범위가 음수가 되지 않게 이동량을 잘라 두세요.",
        "en": "Hint: a shift of the whole height or width or more leaves none of the original pixels, only `fill`. Clip the shift so that no slice bound turns negative.",
    },
    "case.aug.round_half": {
        "ko": "실제 5장, 비율 0.5 (0.5 × 5 = 2.5: 파이썬의 round()는 .5를 가까운 짝수로 보내 2)",
        "en": "5 real images, ratio 0.5 (0.5 × 5 = 2.5: Python's round() takes a half to the even neighbour, 2)",
    },
    "hint.aug.round_half": {
        "ko": "힌트: 2.5를 3으로 올렸습니다. 이 연습의 규칙은 파이썬의 round()입니다. 정확히 .5일 때는 가까운 짝수로 갑니다(round(2.5) = 2, round(3.5) = 4). math.floor(x + 0.5)가 아니라 round(ratio * len(real_images))를 쓰세요.",
        "en": "Hint: 2.5 went up to 3. The rule of this exercise is Python's round(), which takes an exact half to the even neighbour (round(2.5) = 2, round(3.5) = 4); use round(ratio * len(real_images)), not math.floor(x + 0.5).",
    },
    "hint.aug.int_count": {
        "ko": "힌트: 합성 이미지 수가 정수가 아닙니다. np.round는 float를 돌려주므로 슬라이스에 쓸 수 없습니다. 파이썬의 round(ratio * len(real_images))는 int를 돌려줍니다.",
        "en": "Hint: the number of synthetic images is not an integer; np.round returns a float, which cannot bound a slice. Python's round(ratio * len(real_images)) returns an int.",
    },
    "hint.aug.stacked": {
        "ko": "힌트: images가 5차원입니다. np.stack은 새 축을 만듭니다. 실제와 합성 이미지를 이미지 개수 축(axis=0)을 따라 np.concatenate로 이어 붙이세요.",
        "en": "Hint: images has 5 dimensions; np.stack adds a new axis. Join real and synthetic images along the axis that counts them (axis=0) with np.concatenate.",
    },
    "hint.aug.labels_wrong": {
        "ko": "힌트: 이미지는 맞지만 레이블이 그 이미지들의 것이 아닙니다. 합성 이미지의 레이블은 synthetic_labels의 같은 위치(앞에서부터 K개)에서 가져오세요.",
        "en": "Hint: the images are right, but the labels are not theirs; a synthetic image's label sits at the same place in synthetic_labels (the first K).",
    },
    "hint.aug.which_images": {
        "ko": "힌트: 개수는 맞지만 들어간 이미지가 다릅니다. 실제 이미지는 모두, 합성 이미지는 풀의 앞에서부터 K장을 넣으세요(무작위로 고르지 말고).",
        "en": "Hint: the count is right, but not the images: every real image, and the first K synthetic images of the pool (not a random choice).",
    },
    "hint.bal.counts": {
        "ko": "힌트: 레이블 개수는 맞지만 어떤 레이블은 너무 많고 어떤 것은 모자랍니다. 0부터 num_classes - 1까지 각 레이블이 정확히 per_class번씩 나와야 합니다(np.bincount로 세어 보세요).",
        "en": "Hint: the number of labels is right, but some labels come too often and others too rarely; each label 0..num_classes-1 must appear exactly per_class times (count them with np.bincount).",
    },
    "case.shift.zero_pixels": {
        "ko": "이미지 안에 값이 정확히 0인 픽셀이 많고, fill = 0.4인 경우",
        "en": "images with many pixels of exactly 0 inside, and fill = 0.4",
    },
    "hint.shift.zero_is_background": {
        "ko": "힌트: 0으로 밀어 넣은 뒤 0인 곳을 모두 fill로 바꾼 것 같습니다. 이미지 안의 0도 픽셀입니다(숫자의 어두운 부분). 바깥에서 들어오는 자리만 fill로 채우세요(np.full로 fill 배열을 만들고 옮긴 픽셀을 복사).",
        "en": "Hint: it looks as if zeros were shifted in and then every 0 was replaced by fill. A 0 inside the image is a pixel too (a dark part of the digit); fill only the places that enter from outside (start from np.full(..., fill) and copy the moved pixels in).",
    },
    "hint.shift.fill_added": {
        "ko": "힌트: 모든 픽셀에 fill을 더했습니다. fill은 바깥에서 들어오는 픽셀의 값일 뿐, 옮긴 픽셀은 값이 그대로입니다.",
        "en": "Hint: fill was added to every pixel; it is only the value of the pixels that enter, and the moved pixels keep theirs.",
    },
    "hint.shift.modulo": {
        "ko": "힌트: 이동량을 이미지 크기로 나눈 나머지(%)로 바꾸었습니다. 음수는 위쪽·왼쪽으로 움직이고, 크기 이상으로 움직이면 fill만 남습니다. 나머지가 아니라 [-크기, 크기]로 잘라 내세요(np.clip).",
        "en": "Hint: the shift was taken modulo the image size; a negative shift moves up or left, and one of the whole size or more leaves only fill. Clip it to [-size, size] (np.clip) instead.",
    },
    "hint.shift.off_by_one": {
        "ko": "힌트: 이미지가 한 픽셀 덜 또는 더 움직였습니다. 슬라이스의 시작과 끝을 확인하세요: dy = 1이면 행 0이 행 1로 갑니다.",
        "en": "Hint: the image moved one pixel too few or too many; check the slices' bounds: with dy = 1, row 0 goes to row 1.",
    },
    "hint.shift.entering": {
        "ko": "힌트: 옮긴 픽셀은 맞지만 바깥에서 들어오는 자리(이동으로 비는 줄과 열)의 일부가 fill이 아닙니다. 행과 열 양쪽 방향에서 비는 자리를 모두 fill로 채우세요.",
        "en": "Hint: the moved pixels are right, but some of the places that enter from outside (the rows and columns a shift leaves empty) are not fill; fill the gaps of both directions, rows and columns.",
    },
    "hint.shift.moved": {
        "ko": "힌트: 바깥에서 들어오는 자리(fill)는 맞지만 옮긴 픽셀이 틀렸습니다. 픽셀 (r, c)는 (r + dy, c + dx)로 가야 합니다.",
        "en": "Hint: the places that enter (fill) are right, but the moved pixels are not; pixel (r, c) must go to (r + dy, c + dx).",
    },
    # --- paired_claim: what the per-seed paired differences allow one to claim ---
    "case.claim.positive": {
        "ko": "시드 5개, 차이가 모두 양수",
        "en": "5 seeds, every difference positive",
    },
    "case.claim.negative": {
        "ko": "시드 5개, 차이가 모두 음수",
        "en": "5 seeds, every difference negative",
    },
    "case.claim.mixed": {
        "ko": "시드 5개, 양수와 음수 차이가 섞임",
        "en": "5 seeds, differences of both signs",
    },
    "case.claim.wide": {
        "ko": "시드 5개, 평균도 크고 퍼짐도 큼",
        "en": "5 seeds, a large mean and a wide spread",
    },
    "case.claim.narrow": {
        "ko": "시드 5개, 평균도 작고 퍼짐도 좁음(1점 미만)",
        "en": "5 seeds, a small mean and a narrow spread (under 1 point)",
    },
    "case.claim.mostly_positive": {
        "ko": "시드 5개, 셋은 양수이고 둘은 음수",
        "en": "5 seeds, three positive and two negative",
    },
    "case.claim.moderate": {
        "ko": "시드 5개, 차이가 모두 양수이고 고르지 않음",
        "en": "5 seeds, every difference positive, unevenly",
    },
    "case.claim.two_seeds": {"ko": "시드 2개", "en": "2 seeds"},
    "case.claim.boundary": {
        "ko": "시드 3개, 평균이 표준편차와 정확히 같음",
        "en": "3 seeds, the mean exactly equal to the standard deviation",
    },
    "case.claim.one_seed": {"ko": "시드 1개", "en": "1 seed"},
    "hint.claim.word": {
        "ko": "힌트: 'gain', 'loss', 'none' 세 문자열 가운데 하나를 그대로(소문자로) 돌려주세요.",
        "en": "Hint: return exactly one of the three strings 'gain', 'loss' or 'none' (lower case).",
    },
    "hint.claim.none_value": {
        "ko": "힌트: 파이썬의 None을 돌려주었습니다. 주장할 수 없을 때는 문자열 'none'을 돌려주세요. return 문을 빠뜨리지 않았는지도 확인하세요.",
        "en": "Hint: it returned Python's None; when nothing can be claimed, return the string 'none' (and check that no return statement is missing).",
    },
    "hint.claim.bool": {
        "ko": "힌트: True나 False를 돌려주었습니다. 참/거짓으로는 이득, 손해, 주장 없음의 세 경우를 나눌 수 없습니다. 'gain', 'loss', 'none' 가운데 하나를 돌려주세요.",
        "en": "Hint: it returned True or False, which cannot tell three outcomes apart (a gain, a loss, no claim); return 'gain', 'loss' or 'none'.",
    },
    "hint.claim.number": {
        "ko": "힌트: 숫자를 돌려주었습니다(부호나 평균, 표준편차 같은). 숫자를 읽고 내린 결론을 'gain', 'loss', 'none' 가운데 하나로 돌려주세요.",
        "en": "Hint: it returned a number (a sign, a mean, a standard deviation ...); return the conclusion you draw from the numbers: 'gain', 'loss' or 'none'.",
    },
    "hint.claim.one_seed": {
        "ko": "힌트: 시드 하나로 주장을 내렸습니다. 시드가 하나면 차이가 시드마다 얼마나 흔들리는지 잴 수 없으므로, 시드가 2개 미만이면 'none'입니다.",
        "en": "Hint: it made a claim from one seed. One seed measures no spread (how much the difference moves from seed to seed), so with fewer than 2 seeds the answer is 'none'.",
    },
    "hint.claim.ddof": {
        "ko": "힌트: 모집단 표준편차(np.std의 기본값, ddof=0)를 썼습니다. 시드 몇 개로 추정하는 것이므로 표본 표준편차 np.std(differences, ddof=1)를 쓰세요.",
        "en": "Hint: it used the population standard deviation (np.std's default, ddof=0); a few seeds estimate the spread, so use the sample standard deviation, np.std(differences, ddof=1).",
    },
    "hint.claim.standard_error": {
        "ko": "힌트: 평균을 표준오차(표준편차 / √시드 수)와 비교했습니다. 이 수업의 규칙은 평균을 차이들의 표준편차 자체와 비교합니다. 표준오차는 시드가 늘수록 줄어들어, 같은 퍼짐에서도 더 쉽게 분명하다고 말하게 됩니다.",
        "en": "Hint: it compared the mean with the standard error (standard deviation / √seeds); the lesson's rule compares it with the standard deviation of the differences itself. The standard error shrinks as seeds are added, so the same spread would pass more easily.",
    },
    "hint.claim.two_std": {
        "ko": "힌트: 평균을 표준편차의 두 배와 비교했습니다. 이 수업의 규칙은 평균이 표준편차 하나를 넘을 때 분명한 차이라고 합니다.",
        "en": "Hint: it compared the mean with two standard deviations; the lesson's rule calls a difference clear when its mean lies beyond one standard deviation.",
    },
    "hint.claim.variance": {
        "ko": "힌트: 평균을 분산(표준편차의 제곱)과 비교했습니다. 분산은 단위가 점의 제곱이라 평균과 비교할 수 없습니다. 표준편차와 비교하세요.",
        "en": "Hint: it compared the mean with the variance (the standard deviation squared), which is in squared points and cannot be set against the mean; compare with the standard deviation.",
    },
    "hint.claim.median": {
        "ko": "힌트: 차이들의 중앙값을 썼습니다. 이 수업의 규칙은 차이들의 평균을 표준편차와 비교합니다.",
        "en": "Hint: it used the median of the differences; the lesson's rule compares their mean with the standard deviation.",
    },
    "hint.claim.no_spread": {
        "ko": "힌트: 평균의 부호만 보았습니다. 평균이 0보다 크다고 이득이라고 할 수는 없습니다. 평균이 시드 간 퍼짐(표준편차)보다 클 때만 분명한 차이입니다.",
        "en": "Hint: it looked at the mean's sign alone; a mean above 0 is no gain by itself. A difference is clear only when its mean exceeds the spread between seeds (the standard deviation).",
    },
    "hint.claim.sign_ignored": {
        "ko": "힌트: 분명한 손해도 'gain'이라고 했습니다. 절댓값만 보지 말고 평균의 부호로 'gain'과 'loss'를 나누세요(A − B가 음수이면 A가 손해).",
        "en": "Hint: a clear loss was called 'gain'; after comparing the size of the mean with the spread, its sign decides between 'gain' and 'loss' (A − B below 0 is a loss for A).",
    },
    "hint.claim.flipped": {
        "ko": "힌트: 이득과 손해가 뒤바뀌었습니다. 차이는 A − B이므로, 평균이 양수로 분명하면 A가 이득('gain')입니다.",
        "en": "Hint: gain and loss are swapped; the differences are A − B, so a clearly positive mean is a gain for A ('gain').",
    },
    "hint.claim.boundary": {
        "ko": "힌트: 평균이 표준편차와 정확히 같을 때 차이를 주장했습니다. 규칙은 '넘을 때'(>)이므로 같으면 'none'입니다.",
        "en": "Hint: it claimed a difference when the mean exactly equals the standard deviation; the rule asks for the mean to exceed it (>), so equal means 'none'.",
    },
    "hint.claim.no_loss": {
        "ko": "힌트: 분명한 손해를 'loss'라고 하지 않았습니다. 평균이 −(표준편차)보다 작으면(mean < −std) 'loss'입니다.",
        "en": "Hint: a clear loss was not called 'loss'; when the mean lies below minus the standard deviation (mean < −std), the answer is 'loss'.",
    },
    "hint.claim.always_none": {
        "ko": "힌트: 모든 테스트에서 'none'을 돌려주었습니다. 평균이 표준편차보다 분명히 크거나 작은 경우에는 'gain'이나 'loss'를 주장할 수 있습니다.",
        "en": "Hint: it answered 'none' every time; where the mean lies clearly beyond the standard deviation, a 'gain' or a 'loss' can be claimed.",
    },
}
