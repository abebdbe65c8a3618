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
        "ko": "함수를 실행하다가 오류({error})가 났습니다. {what}\n   원래 메시지: {text}",
        "en": "Your function raised {error}: {text}\n   {what}",
    },
    "check.error_no_text": {
        "ko": "함수를 실행하다가 오류({error})가 났습니다(메시지 없음). {what}",
        "en": "Your function raised {error} (without a message). {what}",
    },
    "check.timeout": {
        "ko": "이 테스트가 제한 시간 {seconds}초 안에 끝나지 않아 멈췄습니다(나머지 테스트는 실행하지 않았습니다). 끝나지 않는 반복문(조건이 바뀌지 않는 while 등)이 있는지 확인하세요.",
        "en": "This test did not finish within its time limit of {seconds} s and was stopped (the tests after it were not run). Look for a loop that never ends (a while whose condition never changes).",
    },
    "check.not_run": {
        "ko": "(앞 테스트가 시간 제한에 걸려 실행하지 않음)",
        "en": "(not run: an earlier test ran out of time)",
    },
    "check.wrong_type": {
        "ko": "숫자 배열을 돌려줘야 하는데 {type} 종류의 값을 돌려주었습니다. return 문을 확인하세요.",
        "en": "It must return an array of numbers, but returned a value of type {type}. Check the return statement.",
    },
    "check.wrong_type.none": {
        "ko": "함수가 아무것도 돌려주지 않았습니다(None). return 문이 빠졌거나, 값을 돌려주지 않는 함수(리스트의 .append, 배열의 .sort 등)의 결과를 돌려주었는지 확인하세요.",
        "en": "Your function returned None. Is the return statement missing, or does it return the result of something that returns nothing (list.append, ndarray.sort)?",
    },
    "check.wrong_type.complex": {
        "ko": "돌려준 값({type})에 복소수가 들어 있습니다. 답은 실수여야 합니다. 음수의 제곱근(** 0.5, np.emath.sqrt)처럼 복소수를 만드는 연산을 확인하세요.",
        "en": "The {type} it returned holds complex numbers; the answer is real. Look for an operation that makes complex numbers, such as the square root of a negative number.",
    },
    "check.wrong_type.object": {
        "ko": "돌려준 값({type})에 숫자가 아닌 파이썬 객체가 들어 있습니다. 길이가 다른 리스트를 섞었거나 배열 안에 배열이나 None을 넣었는지 확인하세요.",
        "en": "The {type} it returned holds Python objects, not numbers: lists of different lengths, or arrays or None inside an array?",
    },
    "check.wrong_type.text": {
        "ko": "돌려준 값({type})에 숫자 대신 문자열이 들어 있습니다. 숫자 배열을 돌려주세요.",
        "en": "The {type} it returned holds text (strings), not numbers; return an array of numbers.",
    },
    "check.wrong_choice": {
        "ko": "고른 답이 맞지 않습니다.",
        "en": "It chose another answer.",
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
    "check.not_finite.plain": {
        "ko": "결과에 NaN 또는 무한대가 들어 있습니다. 입력에는 없던 값입니다. 새로 만든 배열(np.empty는 값을 채우지 않습니다)과 채워 넣는 값을 확인하세요.",
        "en": "The result contains NaN or infinity, which the inputs do not. Check the arrays you create (np.empty leaves them unfilled) and the values you fill in.",
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
    "hint.random_answer": {
        "ko": "힌트: 같은 입력에 다시 실행하니 다른 답이 나왔습니다. 함수가 스스로 난수를 뽑고 있습니다. 무작위성은 입력으로 받은 값(예: eps, offsets)에서만 와야 합니다.",
        "en": "Hint: run again on the same inputs, your function gave another answer: it draws random numbers of its own. The randomness must come only from the inputs it is given (eps, offsets, ...).",
    },
    "hint.clip_after_log": {
        "ko": "힌트: log를 취한 뒤에 잘랐습니다. log(0)이 되지 않도록 log에 넣기 전의 확률을 [1e-7, 1 - 1e-7]로 자르세요.",
        "en": "Hint: you clipped after the log; clip the probabilities to [1e-7, 1 - 1e-7] before they go into the log.",
    },
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
    # What an exception means (gencourse.check.errors), after "check.error".
    "error.keepdims": {
        "ko": "(n, k) 배열과 (n,) 배열은 원소별로 계산할 수 없습니다. 행마다 합이나 최댓값을 구할 때 keepdims=True를 주면 (n, 1)이 되어 각 행에 맞춰집니다.",
        "en": "An (n, k) array and an (n,) array cannot be combined element by element; a row-wise sum or maximum with keepdims=True stays (n, 1) and lines up with each row.",
    },
    "error.broadcast": {
        "ko": "모양이 맞지 않는 두 배열을 원소별로 계산하려 했습니다(브로드캐스팅 불가). 두 배열의 shape를 출력해 비교해 보세요.",
        "en": "Two arrays whose shapes do not fit were combined element by element (they cannot broadcast); print both shapes and compare them.",
    },
    "error.assign_shape": {
        "ko": "배열의 한 구역에 모양이 다른 배열을 넣으려 했습니다. 왼쪽과 오른쪽 슬라이스의 크기를 비교해 보세요.",
        "en": "An array was assigned into a slice of another shape; compare the sizes of the slices on both sides.",
    },
    "error.reshape": {
        "ko": "원소 개수가 다른 모양으로 reshape하려 했습니다. 특정 크기(예: 784)를 가정하지 말고 -1을 쓰세요(reshape(len(x), -1)).",
        "en": "A reshape asked for a shape with another number of values; do not assume a size (784, say): let -1 work it out (reshape(len(x), -1)).",
    },
    "error.concat_ndim": {
        "ko": "차원 수가 다른 배열들을 이어 붙이려 했습니다(np.concatenate). 각 배열의 shape를 확인하세요.",
        "en": "Arrays with different numbers of dimensions were joined (np.concatenate); check each one's shape.",
    },
    "error.concat_shape": {
        "ko": "이어 붙이는 축이 아닌 다른 축의 크기가 서로 다릅니다. 어느 축(axis)을 따라 붙이는지 확인하세요.",
        "en": "The arrays differ in size along an axis other than the one they are joined on; check the axis you join along.",
    },
    "error.float_index": {
        "ko": "정수가 아닌 값(float 등)을 인덱스나 슬라이스 경계로 썼습니다. int(...)나 파이썬의 round(...)로 정수를 만드세요(np.round는 float를 돌려줍니다).",
        "en": "A value that is not an integer (a float, say) was used as an index or slice bound; make it an int with int(...) or Python's round(...) (np.round returns a float).",
    },
    "error.out_of_bounds": {
        "ko": "배열의 범위를 벗어난 인덱스를 썼습니다. 인덱스가 0부터 길이 - 1까지인지 확인하세요.",
        "en": "An index lies outside the array; indices run from 0 to length - 1.",
    },
    "error.matmul": {
        "ko": "행렬 곱의 두 모양이 맞지 않습니다. (a, b) @ (b, c)처럼 안쪽 크기가 같아야 합니다. 전치(.T)가 필요한지 확인하세요.",
        "en": "The shapes of a matrix product do not fit; the inner sizes must agree, as in (a, b) @ (b, c). Is a transpose (.T) missing?",
    },
    "error.truth_value": {
        "ko": "배열 전체를 if나 and/or의 조건으로 썼습니다. 원소별 조건은 np.where나 불리언 마스크로 처리하세요.",
        "en": "A whole array was used as the condition of an if or and/or; use np.where or a boolean mask for element-wise conditions.",
    },
    "error.operand_type": {
        "ko": "이 연산을 할 수 없는 종류의 값들을 계산했습니다(예: 리스트와 숫자). np.asarray로 배열로 바꾸었는지 확인하세요.",
        "en": "An operation was applied to values of types it does not support (a list and a number, say); did you turn them into arrays with np.asarray?",
    },
    "error.attribute": {
        "ko": "그 값에 없는 속성이나 메서드를 불렀습니다. 값의 종류(type)와 이름의 철자를 확인하세요.",
        "en": "An attribute or method was used that the value does not have; check the value's type and the name's spelling.",
    },
    "error.name": {
        "ko": "정의되지 않은 이름을 썼습니다. 철자와, 그 이름을 정의하는 셀을 먼저 실행했는지 확인하세요.",
        "en": "A name was used that is not defined; check its spelling, and that the cell defining it has run.",
    },
    "error.convert": {
        "ko": "값을 숫자나 텐서로 바꿀 수 없었습니다. 넘긴 값의 종류와 모양을 확인하세요.",
        "en": "A value could not be converted to numbers or a tensor; check the type and shape of what you passed.",
    },
    "error.memory": {
        "ko": "메모리가 부족합니다. 입력보다 훨씬 큰 배열을 만들고 있지 않은지(예: (n, n) 모양의 중간 결과나 끝없이 늘어나는 리스트) 확인하세요.",
        "en": "It ran out of memory. Look for an array much larger than the inputs (an (n, n) intermediate, say) or a list that never stops growing.",
    },
    "error.recursion": {
        "ko": "함수가 자기 자신을 끝없이 불렀습니다. 멈추는 조건이 있는지, 또는 같은 이름의 다른 함수를 부르려 했는지 확인하세요.",
        "en": "The function called itself without end; is there a stopping condition, or did you mean to call another function of the same name?",
    },
    "error.zero_division": {
        "ko": "0으로 나누었습니다. 나누는 값(개수, 합)이 0이 될 수 있는 경우를 확인하세요.",
        "en": "A division by zero; check where the divisor (a count, a sum) can be 0.",
    },
    "error.floating_point": {
        "ko": "NumPy가 부동소수점 오류(넘침, 0으로 나누기 등)를 예외로 바꾸었습니다(np.seterr나 np.errstate의 'raise'). 계산이 넘치지 않게 하거나 그 설정을 되돌리세요.",
        "en": "NumPy turned a floating-point problem (an overflow, a division by zero) into an exception ('raise' in np.seterr or np.errstate); keep the computation from overflowing, or undo that setting.",
    },
    "error.overflow": {
        "ko": "수가 표현할 수 있는 범위를 넘었습니다. exp에 큰 값이 들어가지 않는지 확인하세요.",
        "en": "A number outgrew its type's range; check for exp of a large value.",
    },
    "error.exit": {
        "ko": "함수가 프로그램을 끝내려 했습니다(sys.exit 또는 exit). 함수 안에서는 return으로 값을 돌려주세요.",
        "en": "The function tried to end the program (sys.exit or exit); return a value instead.",
    },
    "error.key": {
        "ko": "사전(dict)에 없는 키를 찾았습니다.",
        "en": "A key was looked up that the dictionary does not have.",
    },
    "error.index": {
        "ko": "범위를 벗어난 인덱스나 잘못된 인덱스를 썼습니다.",
        "en": "An index was out of range or of the wrong kind.",
    },
    "error.type": {
        "ko": "함수나 연산에 맞지 않는 종류(type)의 값을 넘겼습니다.",
        "en": "A function or operation got a value of a type it does not accept.",
    },
    "error.value": {
        "ko": "함수나 연산에 맞지 않는 값(모양이나 크기 등)을 넘겼습니다.",
        "en": "A function or operation got a value (a shape, a size) it does not accept.",
    },
    "error.assertion": {
        "ko": "함수 안의 assert 조건이 거짓이었습니다.",
        "en": "An assert in your function failed.",
    },
    "error.linalg": {
        "ko": "선형대수 계산이 실패했습니다(예: 특이 행렬의 역행렬, 양의 정부호가 아닌 행렬의 촐레스키 분해).",
        "en": "A linear-algebra routine failed (the inverse of a singular matrix, a Cholesky factor of a matrix that is not positive definite, ...).",
    },
    "error.tensorflow": {
        "ko": "TensorFlow 연산이 입력을 받아들이지 않았습니다. 보통 모양이나 자료형(dtype)이 맞지 않을 때입니다.",
        "en": "A TensorFlow operation refused its inputs, usually for a shape or dtype that does not fit.",
    },
    "error.unbound": {
        "ko": "값을 넣기 전에 지역 변수를 읽었습니다. if 문의 한쪽 갈래에서만 값을 정하지 않았는지 확인하세요.",
        "en": "A local variable was read before it was given a value; is it set in one branch of an if only?",
    },
    "error.other": {
        "ko": "함수의 줄을 하나씩 따로 실행해 보며 어디에서 나는지 찾아 보세요.",
        "en": "Run the function's lines one at a time to find where it happens.",
    },
}
