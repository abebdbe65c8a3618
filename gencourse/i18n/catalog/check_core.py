"""Verdicts shared by every exercise check (gencourse.check.core).

Also the hints and cases that two lessons' checks share (lessons 03 and 04).
"""

MESSAGES = {
    "check.pass": {
        "ko": "✅ {name}: 통과했습니다! 테스트 {n}개를 모두 맞혔습니다.",
        "en": "✅ {name}: passed! All {n} tests are right.",
    },
    "check.not_implemented": {
        "ko": "⏳ {name}: 아직 구현되지 않았습니다(NotImplementedError). 함수를 완성한 뒤 이 셀을 다시 실행하세요.",
        "en": "⏳ {name}: not implemented yet (NotImplementedError). Complete the function, then run this cell again.",
    },
    "check.not_callable": {
        "ko": "❌ {name}: 함수 자체를 넘겨야 합니다(괄호 없이 이름만). 받은 것의 종류: {type}.",
        "en": "❌ {name}: pass the function itself (its name, without parentheses). Received a {type}.",
    },
    "check.fail": {
        "ko": "❌ {name}: 테스트 {n}개 중 {passed}개 통과. 처음 실패한 테스트: {case}",
        "en": "❌ {name}: {passed} of {n} tests passed. First failing test: {case}",
    },
    "check.error": {
        "ko": "함수 실행 중 {error} 오류가 났습니다: {text}",
        "en": "Your function raised {error}: {text}",
    },
    "check.wrong_type": {
        "ko": "숫자 배열을 돌려줘야 하는데 {type} 값을 돌려주었습니다. return 문을 확인하세요.",
        "en": "It must return an array of numbers, but returned a {type}. Check the return statement.",
    },
    "check.wrong_form": {
        "ko": "돌려준 값의 구성이 요구한 것과 다릅니다.",
        "en": "What it returned is not built the way the exercise asks.",
    },
    "check.wrong_shape": {
        "ko": "결과의 모양(shape)이 {expected}이어야 하는데 {got}입니다.",
        "en": "The result should have shape {expected}, but has shape {got}.",
    },
    "check.count.images": {
        "ko": "이미지가 {expected}장이어야 하는데 {got}장을 돌려주었습니다.",
        "en": "{expected} images expected, {got} received.",
    },
    "check.count.image_size": {
        "ko": "이미지마다 크기(높이 × 너비 × 채널, 값 {expected}개)가 그대로여야 하는데 값이 {got}개입니다.",
        "en": "Each image should keep its size ({expected} values: height × width × channels), but has {got}.",
    },
    "check.count.labels": {
        "ko": "레이블이 {expected}개여야 하는데 {got}개를 돌려주었습니다.",
        "en": "{expected} labels expected, {got} received.",
    },
    "check.not_finite": {
        "ko": "결과에 NaN 또는 무한대가 들어 있습니다. log나 exp의 입력과 0으로 나누기를 확인하세요.",
        "en": "The result contains NaN or infinity. Check what goes into log or exp, and divisions by zero.",
    },
    "check.wrong_value": {
        "ko": "모양은 맞지만 값이 다릅니다.",
        "en": "The shape is right, but the values differ.",
    },
    "hint.sign": {
        "ko": "힌트: 부호가 반대인 것 같습니다.",
        "en": "Hint: the sign looks flipped.",
    },
    "hint.factor": {
        "ko": "힌트: 모든 값이 같은 비율로 어긋납니다. 곱해야 할 상수(계수)를 빠뜨렸거나 필요 없는 상수를 더 곱했는지 확인하세요.",
        "en": "Hint: every value is off by the same ratio. Look for a constant factor that is missing or extra.",
    },
    "case.none": {"ko": "(실행하지 않음)", "en": "(not run)"},
    "hint.no_clip": {
        "ko": "힌트: 확률이 정확히 0이나 1이면 log(0)이 됩니다. log를 취하기 전에 확률을 [1e-7, 1 - 1e-7] 범위로 잘라 내세요(np.clip).",
        "en": "Hint: a probability of exactly 0 or 1 gives log(0); clip it to [1e-7, 1 - 1e-7] before the log (np.clip).",
    },
    "hint.per_sample": {
        "ko": "힌트: 샘플마다 손실을 돌려주었습니다. 평균을 내서 숫자 하나를 돌려주세요.",
        "en": "Hint: you returned one loss per output; average them into a single number.",
    },
    # Inputs of the loss exercises of lessons 03 and 04: probabilities D(x).
    "case.gan.random": {
        "ko": "무작위 확률값으로 된 배치",
        "en": "a batch of random probabilities",
    },
    "case.gan.one_each": {
        "ko": "진짜와 가짜가 하나씩뿐인 배치",
        "en": "a batch with a single output of each kind",
    },
    "case.gan.flat": {
        "ko": "출력이 (N, 1)이 아니라 (N,) 모양인 경우",
        "en": "outputs shaped (N,) instead of (N, 1)",
    },
    "case.gan.saturated": {
        "ko": "출력이 정확히 0 또는 1인 경우",
        "en": "outputs of exactly 0 or 1",
    },
}
