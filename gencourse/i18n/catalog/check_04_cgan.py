"""Lesson 04's exercise checks (gencourse.check.cgan): cases and hints."""

MESSAGES = {
    "case.cond.digits": {"ko": "클래스 10개, 노이즈 8차원", "en": "10 classes, 8-D noise"},
    "case.cond.three_classes": {"ko": "클래스가 3개뿐인 경우", "en": "only 3 classes"},
    "case.cond.one": {"ko": "샘플이 하나뿐인 배치", "en": "a batch of one sample"},
    "case.cond.column_labels": {
        "ko": "레이블이 (N, 1) 모양으로 들어오는 경우",
        "en": "labels shaped (N, 1)",
    },
    "case.cond.every_class": {
        "ko": "노이즈가 모두 0이고 클래스마다 하나씩",
        "en": "zero noise and one sample per class",
    },
    "case.mis.digits": {"ko": "클래스 10개짜리 레이블 12개", "en": "12 labels of 10 classes"},
    "case.mis.three_classes": {"ko": "클래스가 3개뿐인 경우", "en": "only 3 classes"},
    "case.mis.two_classes": {
        "ko": "클래스가 2개뿐인 경우(틀린 레이블이 하나로 정해짐)",
        "en": "only 2 classes (a single wrong label each)",
    },
    "case.mis.wraps": {
        "ko": "레이블 + 1 + 오프셋이 클래스 수 이상이 되는 경우",
        "en": "label + 1 + offset past the last class",
    },
    "case.mis.zero_offsets": {"ko": "오프셋이 모두 0인 경우", "en": "all offsets 0"},
    "case.cgan.fooled_by_labels": {
        "ko": "판별자가 틀린 레이블 쌍에 속는 경우",
        "en": "a discriminator fooled by mismatched pairs",
    },
    "hint.cond.raw_label": {
        "ko": "힌트: 레이블 숫자를 그대로 붙였습니다. 원-핫 벡터로 바꾸어 붙이세요.",
        "en": "Hint: you appended the label number itself; append its one-hot vector.",
    },
    "hint.cond.order": {
        "ko": "힌트: 순서가 반대입니다. 노이즈 뒤에 원-핫 레이블을 붙이세요.",
        "en": "Hint: the order is reversed; the one-hot label goes after the noise.",
    },
    "hint.cond.fixed_ten": {
        "ko": "힌트: 클래스 수를 10으로 고정했습니다. num_classes 인수를 쓰세요.",
        "en": "Hint: you fixed the number of classes at 10; use the num_classes argument.",
    },
    "hint.cond.no_noise": {
        "ko": "힌트: 노이즈를 넣지 않았습니다. 노이즈가 없으면 클래스마다 같은 이미지만 나옵니다.",
        "en": "Hint: the noise is missing; without it every class gives one fixed image.",
    },
    "hint.cond.added": {
        "ko": "힌트: 레이블을 노이즈에 더했습니다. 더하지 말고 이어 붙이세요(concatenate).",
        "en": "Hint: you added the label to the noise; concatenate it instead.",
    },
    "hint.cond.shifted": {
        "ko": "힌트: 원-핫 벡터의 1을 한 칸 옆에 놓았습니다. 레이블 k는 k번 칸(0번부터 셈)이 1입니다.",
        "en": "Hint: the 1 of the one-hot vector is one place off; label k puts its 1 at index k (counting from 0).",
    },
    "hint.mis.no_plus_one": {
        "ko": "힌트: 오프셋이 0이면 원래 레이블이 그대로 남습니다. 1을 더해서 원래 레이블을 건너뛰세요.",
        "en": "Hint: an offset of 0 keeps the true label; add 1 so the true label is skipped.",
    },
    "hint.mis.no_mod": {
        "ko": "힌트: 결과가 클래스 수 이상이 될 수 있습니다. 나머지 연산(%)으로 0..num_classes-1 안에 되돌리세요.",
        "en": "Hint: the result can run past the last class; wrap it with the remainder (%) into 0..num_classes-1.",
    },
    "hint.mis.ignores_offsets": {
        "ko": "힌트: 오프셋을 쓰지 않아 틀린 레이블이 늘 같은 클래스입니다. 다른 모든 클래스가 골고루 나와야 합니다.",
        "en": "Hint: the offsets are unused, so the wrong label is always the same class; every other class should appear.",
    },
    "hint.mis.offsets_only": {
        "ko": "힌트: 원래 레이블을 쓰지 않아 틀린 레이블이 원래 레이블과 같아질 수 있습니다.",
        "en": "Hint: the true label is unused, so the 'wrong' label can equal it.",
    },
    "hint.mis.minus": {
        "ko": "힌트: 이것도 원래 레이블을 피하지만, 이 연습은 (레이블 + 1 + 오프셋) % 클래스 수를 요구합니다.",
        "en": "Hint: this also avoids the true label, but the exercise asks for (label + 1 + offset) % num_classes.",
    },
    "hint.mis.integers": {
        "ko": "힌트: 레이블은 정수인데 실수(float)나 불리언 배열을 돌려주었습니다. 정수끼리 계산하세요. 정수 배열의 +와 %는 정수를 줍니다.",
        "en": "Hint: labels are integers, but you returned floats (or booleans); compute with integers: + and % on integer arrays give integers.",
    },
    "hint.closs.mismatched_real": {
        "ko": "힌트: 틀린 레이블과 짝지은 진짜 이미지를 진짜(1)로 두었습니다. 이 쌍은 가짜(0)로 배워야 판별자가 레이블을 봅니다.",
        "en": "Hint: real images with a wrong label are treated as real (1); they must count as fake (0), or D never looks at the label.",
    },
    "hint.closs.no_mismatched": {
        "ko": "힌트: 틀린 레이블 쌍의 항을 넣지 않았습니다.",
        "en": "Hint: the term for the mismatched pairs is missing.",
    },
    "hint.closs.swapped": {
        "ko": "힌트: 정답을 모두 뒤바꾸었습니다. 맞는 레이블의 진짜 이미지만 1입니다.",
        "en": "Hint: all targets are swapped; only real images with their own labels get 1.",
    },
    "hint.closs.sum_of_means": {
        "ko": "힌트: 세 무리의 평균을 더했습니다. 섞은 배치 전체(3N개)에 대한 평균을 내세요.",
        "en": "Hint: you added the three groups' means; average over the whole mixed batch (3N outputs).",
    },
    "hint.closs.summed": {
        "ko": "힌트: 합을 돌려주었습니다. 섞은 배치에 대한 평균을 내세요.",
        "en": "Hint: you returned a sum; average over the mixed batch.",
    },
    "hint.closs.sign": {
        "ko": "힌트: 부호가 반대입니다. 교차 엔트로피 손실은 0 이상입니다.",
        "en": "Hint: the sign is flipped; a cross-entropy loss is never negative.",
    },
    "hint.cond.column_labels": {
        "ko": "힌트: 레이블이 (N, 1) 모양일 때 np.eye(num_classes)[labels]는 (N, 1, num_classes)가 됩니다. 먼저 레이블을 1차원으로 펴세요(np.reshape(labels, -1)).",
        "en": "Hint: with labels shaped (N, 1), np.eye(num_classes)[labels] is (N, 1, num_classes); flatten the labels first (np.reshape(labels, -1)).",
    },
    "hint.cond.axis": {
        "ko": "힌트: 노이즈와 원-핫 레이블은 열 방향(axis=1)으로 이어 붙입니다. 각 행이 한 샘플의 노이즈 다음에 그 레이블입니다.",
        "en": "Hint: join the noise and the one-hot labels along the columns (axis=1); each row is one sample's noise followed by its label.",
    },
    "hint.cond.eye_size": {
        "ko": "힌트: 원-핫 벡터의 길이는 클래스 수입니다. np.eye(num_classes)를 쓰세요.",
        "en": "Hint: a one-hot vector is as long as the number of classes; use np.eye(num_classes).",
    },
    "hint.cond.fancy_index": {
        "ko": "힌트: one_hot[:, labels] = 1은 모든 행의, 배치에 나온 모든 레이블 열에 1을 씁니다. 행마다 자기 레이블 하나에만 1을 두세요: one_hot[np.arange(N), labels] = 1 또는 np.eye(num_classes)[labels].",
        "en": "Hint: one_hot[:, labels] = 1 puts a 1 in every row at every label of the batch; each row needs a 1 at its own label only: one_hot[np.arange(N), labels] = 1, or np.eye(num_classes)[labels].",
    },
    "hint.mis.mod_k": {
        "ko": "힌트: num_classes - 1로 나눈 나머지를 썼습니다. 클래스 0..num_classes-1 전체를 도는 시계이므로 % num_classes입니다.",
        "en": "Hint: you wrapped with % (num_classes - 1); the clock has all the classes 0..num_classes-1, so wrap with % num_classes.",
    },
    "hint.mis.multiplied": {
        "ko": "힌트: 레이블에 곱했습니다. 시계 바늘을 앞으로 옮기듯 1 + r을 더한 뒤 나머지(%)를 취하세요.",
        "en": "Hint: you multiplied the label; move it forward like a clock hand: add 1 + r, then take the remainder (%).",
    },
    "hint.mis.floor_division": {
        "ko": "힌트: //는 몫입니다. 한 바퀴 돌아 0으로 돌아오게 하는 것은 나머지 %입니다.",
        "en": "Hint: // is the quotient; the remainder % is what wraps round to 0.",
    },
    "hint.closs.two_losses": {
        "ko": "힌트: 수업 03의 손실을 (진짜, 가짜)와 (진짜, 틀린 레이블)에 따로 구해 더했습니다. 진짜 쌍을 두 번 셉니다. 3N개 쌍 전체에 대한 평균 하나를 구하세요.",
        "en": "Hint: you added lesson 03's loss on (real, fake) and on (real, mismatched), which counts the real pairs twice; take one mean over all 3N pairs.",
    },
    "hint.closs.weighted": {
        "ko": "힌트: 진짜 쌍과 가짜 쌍(틀린 레이블 + 생성)에 절반씩 가중치를 주었습니다. 3N개 쌍 하나하나가 같은 무게인 평균 하나를 구하세요.",
        "en": "Hint: you gave half the weight to the real pairs and half to the 2N fake ones; take one mean in which each of the 3N pairs weighs the same.",
    },
    "hint.closs.fake_real": {
        "ko": "힌트: 생성된 이미지를 진짜(1)로 다루었습니다. 생성된 이미지의 정답은 0입니다: log(1 - D(G(z), y)).",
        "en": "Hint: the generated images are treated as real (1); their target is 0: log(1 - D(G(z), y)).",
    },
}
