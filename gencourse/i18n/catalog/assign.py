"""Instructors' own assignments: errors, the public check cells, templates, commands (gencourse.assign)."""

# The worked example of `gencourse new-assignment`: its checks file's code.
_EXAMPLE_CODE = """
import numpy as np

from gencourse.check import Case, Exercise, Mistake


def _standardize(x):
    return (x - x.mean(axis=0)) / x.std(axis=0)


def _cases():
    rng = np.random.default_rng(0)
    return [
        Case({{"ko": "무작위 5x3 행렬", "en": "a random 5x3 matrix"}}, (rng.normal(size=(5, 3)),)),
        Case({{"ko": "열 하나", "en": "one column"}}, (rng.normal(size=(6, 1)),)),
        Case({{"ko": "큰 평균", "en": "a large mean"}}, (100 + 5 * rng.normal(size=(8, 2)),)),
        Case(
            {{"ko": "행이 많은 행렬", "en": "many rows"}},
            (rng.normal(size=(200, 4)),),
            hidden=True,
        ),
        Case(
            {{"ko": "척도가 아주 다른 열", "en": "columns of very different scales"}},
            (rng.normal(size=(10, 3)) * np.array([0.01, 1.0, 100.0]),),
            hidden=True,
        ),
    ]


EXERCISES = {{
    "standardize": Exercise(
        name="standardize",
        signature="standardize(x)",
        reference=_standardize,
        make_cases=_cases,
        rtol=1e-5,
        atol=1e-6,
        mistakes=[
            Mistake(
                {{
                    "ko": "n-1로 나누는 표본 표준편차를 썼습니다. np.std의 기본값(n으로 나눔)을 쓰세요.",
                    "en": "It divides by n-1 (the sample standard deviation); use np.std's default, which divides by n.",
                }},
                lambda x: (x - x.mean(axis=0)) / x.std(axis=0, ddof=1),
            ),
            Mistake(
                {{"ko": "열이 아니라 행마다 표준화했습니다(axis).", "en": "It standardises each row, not each column (axis)."}},
                lambda x: (x - x.mean(axis=1, keepdims=True)) / x.std(axis=1, keepdims=True),
            ),
            Mistake(
                {{"ko": "평균을 빼지 않았습니다.", "en": "It does not subtract the mean."}},
                lambda x: x / x.std(axis=0),
            ),
            Mistake(
                {{"ko": "표준편차가 아니라 분산으로 나누었습니다.", "en": "It divides by the variance, not the standard deviation."}},
                lambda x: (x - x.mean(axis=0)) / x.var(axis=0),
            ),
        ],
    ),
}}

"""

MESSAGES = {
    # The instructor's checks file failed (gencourse.assign.errors).
    "assign.error.checks": {
        "ko": "강사의 확인 파일 오류({where}, {stage}): {error}",
        "en": "Error in the instructor's checks file ({where}, {stage}): {error}",
    },
    "assign.error.exercise": {
        "ko": "해당 연습 문제: {name}.",
        "en": "Exercise: {name}.",
    },
    "assign.stage.load": {
        "ko": "파일을 불러오는 중",
        "en": "while importing it",
    },
    "assign.stage.exercises": {
        "ko": "EXERCISES를 읽는 중",
        "en": "while reading EXERCISES",
    },
    "assign.stage.cases": {
        "ko": "테스트 입력을 만드는 중",
        "en": "while making the cases",
    },
    "assign.stage.reference": {
        "ko": "정답을 계산하는 중",
        "en": "while computing a reference answer",
    },
    "assign.stage.messages": {
        "ko": "테스트 이름과 힌트를 찾는 중",
        "en": "while looking up a case's label or a hint",
    },
    "assign.stage.master": {
        "ko": "원본 노트북의 연습 문제와 맞춰 보는 중",
        "en": "while matching the master's exercises",
    },
    "assign.stage.pack": {
        "ko": "답을 배열 하나로 바꾸는 중(pack)",
        "en": "while packing an answer into one array (pack)",
    },
    "assign.stage.values": {
        "ko": "학생별 값을 정하는 중",
        "en": "while choosing a student's values",
    },
    # The assignment folder or its master breaks a rule (gencourse.assign.spec).
    "assign.error.no_folder": {
        "ko": "과제 폴더 {folder}이(가) 없습니다. `gencourse new-assignment`로 만드세요.",
        "en": "There is no assignment folder {folder}; make one with `gencourse new-assignment`.",
    },
    "assign.error.secret": {
        "ko": "과제의 비밀 값 파일 {path}을(를) 읽을 수 없습니다({error}). 새로 만들면 학생마다 배포된 값과 달라지므로 만들지 않았습니다. 백업에서 되살리세요.",
        "en": "The assignment's secret file {path} cannot be read ({error}); a new secret would change every student's released values, so none was made. Restore it from a backup.",
    },
    "assign.error.name": {
        "ko": "과제 이름 {name!r}은(는) 쓸 수 없습니다. 영문자로 시작하고 영문자, 숫자, _, -만 쓰세요(최대 64자).",
        "en": "The assignment name {name!r} cannot be used: start with a letter and use letters, digits, _ and - only (at most 64).",
    },
    "assign.error.no_master": {
        "ko": "{folder}에 원본 노트북(master.ipynb 또는 master.ko.ipynb, master.en.ipynb)이 없습니다.",
        "en": "{folder} holds no master notebook (master.ipynb, or master.ko.ipynb and master.en.ipynb).",
    },
    "assign.error.unreadable": {
        "ko": "원본 노트북 {path}을(를) 읽을 수 없습니다({error}).",
        "en": "The master {path} cannot be read ({error}).",
    },
    "assign.error.master_lang": {
        "ko": "{path}: metadata.gencourse.lang이 {langs} 중 하나여야 하고 파일 이름의 언어와 같아야 합니다.",
        "en": "{path}: metadata.gencourse.lang must be one of {langs} and match the file name's language.",
    },
    "assign.error.two_masters": {
        "ko": "{lang} 원본 노트북이 둘입니다: {a}, {b}.",
        "en": "Two {lang} masters: {a} and {b}.",
    },
    "assign.error.no_checks": {
        "ko": "확인 파일 {path}이(가) 없습니다. 연습 문제마다 정답과 테스트를 선언하는 파일입니다.",
        "en": "There is no checks file {path}: the file that declares each exercise's reference and cases.",
    },
    "assign.error.master": {
        "ko": "원본 노트북이 규칙에 맞지 않습니다: {error}",
        "en": "The master breaks a rule: {error}",
    },
    "assign.error.no_loader": {
        "ko": "{path}의 확인 셀이 이 과제의 확인을 쓰려면 코드 셀에 다음 줄이 있어야 합니다: {line}",
        "en": "For its check cells to use this assignment's checks, {path} needs this line in a code cell: {line}",
    },
    "assign.error.editions": {
        "ko": "ko와 en 원본 노트북의 연습 문제가 다릅니다: {a}, {b}.",
        "en": "The ko and en masters have different exercises: {a} and {b}.",
    },
    "assign.error.exists": {
        "ko": "{folder}이(가) 이미 있고 비어 있지 않습니다. 다른 이름을 고르세요.",
        "en": "{folder} exists and is not empty; choose another name.",
    },
    "assign.error.no_lesson": {
        "ko": "수업 {lesson}이(가) 없습니다. 있는 수업: {available}.",
        "en": "No lesson {lesson}. Lessons: {available}.",
    },
    "assign.error.no_lesson_checks": {
        "ko": "수업 {lesson}에는 확인 모듈이 없어 과제의 시작점으로 쓸 수 없습니다.",
        "en": "Lesson {lesson} has no check module, so an assignment cannot start from it.",
    },
    # Releasing (gencourse.assign.release).
    "assign.error.student_id": {
        "ko": "학생 식별자 {student!r}은(는) 폴더 이름으로 쓸 수 없습니다(영문자, 숫자, . _ - @ + 와 /만).",
        "en": "The student id {student!r} cannot name a folder (letters, digits, . _ - @ + and / only).",
    },
    "assign.error.student_twice": {
        "ko": "학생 식별자 {student}이(가) 명단에 두 번 있습니다.",
        "en": "The student id {student} is in the roster twice.",
    },
    "assign.error.needs_roster": {
        "ko": "{name}에는 학생별 값(Variant)이 있으므로 명단과 함께 배포하세요: --students 명단.txt(한 줄에 학생 한 명).",
        "en": "{name} has per-student values (a Variant): release it with a roster, --students roster.txt (one student per line).",
    },
    "assign.error.values_open": {
        "ko": "원본 노트북의 '### BEGIN VALUES'가 '### END VALUES'로 닫히지 않았습니다.",
        "en": "The master's '### BEGIN VALUES' is never closed by '### END VALUES'.",
    },
    "assign.error.values_form": {
        "ko": "값 영역(### BEGIN VALUES ... ### END VALUES)에는 `이름 = 값` 줄만 쓸 수 있습니다.",
        "en": "The values region (### BEGIN VALUES ... ### END VALUES) holds `name = value` lines only.",
    },
    "assign.error.values_missing": {
        "ko": "확인 파일에 학생별 값({names})이 있으니 원본 노트북의 코드 셀에 값 영역을 두세요: ### BEGIN VALUES, 첫 번째 선택지의 `이름 = 값` 줄, ### END VALUES.",
        "en": "The checks have per-student values ({names}): give the master a values region in a code cell: ### BEGIN VALUES, `name = value` lines with the first choices, ### END VALUES.",
    },
    "assign.error.values_master": {
        "ko": "원본 노트북의 값 {master}이(가) Variant의 첫 번째 선택지 {defaults}와(과) 다릅니다.",
        "en": "The master's values {master} differ from the variants' first choices {defaults}.",
    },
    "assign.error.values_unused": {
        "ko": "원본 노트북에 값 영역이 있지만 확인 파일에는 Variant가 없습니다.",
        "en": "The master has a values region, but the checks file declares no Variant.",
    },
    "assign.values.comment": {
        "ko": "나만의 값(학생 {student}). 답에 이 값을 쓰세요. 채점도 같은 값을 씁니다.",
        "en": "Your own values (student {student}). Use them in your answers; grading uses the same.",
    },
    # The check cells of a released notebook (gencourse.assign.public).
    "assign.public.missing": {
        "ko": "이 과제의 확인 파일 {file}이(가) 노트북과 같은 폴더에 없습니다. 강사에게 받은 파일을 노트북 옆에 두세요(Colab에서는 /content에 올리세요).",
        "en": "This assignment's checks file {file} is not in the notebook's folder. Put the file your instructor gave you beside the notebook (in Colab, upload it to /content).",
    },
    "assign.public.unknown": {
        "ko": "이 과제에는 {name} 확인이 없습니다. 있는 확인: {known}.",
        "en": "This assignment has no check {name}. Checks: {known}.",
    },
    "assign.public.note": {
        "ko": "   (공개 테스트입니다. 채점할 때는 새 입력으로 다시 뽑고 숨은 테스트도 더합니다.)",
        "en": "   (These are the public tests; grading draws new inputs and adds hidden tests.)",
    },
    "assign.public.instructor": {
        "ko": "강사용 사본: {name}의 checks.py를 찾았습니다. 확인 셀이 숨은 테스트까지 모두 실행합니다.",
        "en": "Instructor's copy: found {name}'s checks.py, so the check cells run every case, hidden ones too.",
    },
    # Grading (gencourse.grade with an assignment).
    "assign.ex.checks_error": {
        "ko": "⚠️ {name}: 아직 채점하지 못했습니다. 강사의 확인 파일에 오류가 있었습니다(학생의 잘못이 아닙니다). 고친 뒤 다시 채점합니다.",
        "en": "⚠️ {name}: not graded yet. The instructor's checks had an error (not yours); it will be graded again once it is fixed.",
    },
    "assign.problem.checks": {
        "ko": "강사의 확인 파일 오류({where}): {error}",
        "en": "error in the instructor's checks file ({where}): {error}",
    },
    "assign.problem.other_student": {
        "ko": "이 노트북은 학생 {released_to}에게 배포된 것인데 {student}의 제출물로 들어왔습니다",
        "en": "this notebook was released to student {released_to} but handed in as {student}'s",
    },
    "assign.fb.pending": {
        "ko": "⚠️ 채점 대기",
        "en": "⚠️ not graded yet",
    },
    "assign.cli.checks_error": {
        "ko": "강사의 확인 파일에 오류가 있어 제출물 {n}개의 일부 연습 문제를 채점하지 못했습니다(학생들의 잘못이 아닙니다):\n  {message}\n확인 파일을 고친 뒤 같은 명령을 다시 실행하면 그 제출물만 다시 채점합니다.",
        "en": "An error in the instructor's checks file kept {n} submissions from being graded on some exercises (not the students' fault):\n  {message}\nFix the checks file and run the same command again: those submissions are graded again.",
    },
    "assign.cli.checks_stop": {
        "ko": "채점을 시작하지 않았습니다. 강사의 확인 파일을 먼저 고치세요:\n  {message}",
        "en": "Grading did not start; fix the instructor's checks file first:\n  {message}",
    },
    "assign.cli.created": {
        "ko": "과제 {name}을(를) 만들었습니다:\n{files}\n다음 단계: 원본 노트북에 풀이 표시(### BEGIN SOLUTION / ### END SOLUTION)를 달고, checks.py에 연습 문제를 선언한 뒤 `gencourse release {folder} --out 배포/`를 실행하세요. checks.py와 secret은 학생에게 주지 마세요.",
        "en": "Made assignment {name}:\n{files}\nNext: mark the solutions in the master (### BEGIN SOLUTION / ### END SOLUTION), declare the exercises in checks.py, then run `gencourse release {folder} --out release/`. Never hand out checks.py or secret.",
    },
    "assign.cli.released": {
        "ko": "학생용 노트북 {notebooks}개와 공개 확인 파일 {checks}개를 {out}에 썼습니다. 노트북과 그 옆의 {file}을(를) 함께 나눠 주세요.",
        "en": "Wrote {notebooks} student notebooks and {checks} public checks files to {out}. Hand out each notebook with the {file} beside it.",
    },
    "assign.cli.error": {
        "ko": "오류: {message}",
        "en": "error: {message}",
    },
    # Templates (gencourse.assign.template). Code stays English in both editions.
    "assign.template.loader_comment": {
        "ko": "이 과제의 확인: 여기서는 공개 테스트, 채점에서는 숨은 테스트도",
        "en": "this assignment's checks: public tests here, hidden ones too at grading",
    },
    "assign.template.intro": {
        "ko": "# 과제 {name}\n\n아래 함수를 완성하세요. 각 함수 바로 아래의 확인 셀이 공개 테스트로 함수를 확인하고, 무엇이 틀렸는지 알려 줍니다. 채점할 때는 새 입력과 숨은 테스트로 다시 확인합니다.",
        "en": "# Assignment {name}\n\nComplete the functions below. The check cell right after each function tests it on public tests and says what is wrong. Grading tests it again on new inputs and hidden tests.",
    },
    "assign.template.exercise": {
        "ko": "## 1. 열 표준화\n\n행렬 `x`(모양 `(n, d)`)의 각 열을 평균 0, 표준편차 1로 바꾼 행렬을 돌려주세요. 표준편차는 `n`으로 나누는 것(`np.std`의 기본값)을 씁니다.",
        "en": "## 1. Standardising columns\n\nReturn the matrix `x` (shape `(n, d)`) with each column shifted to mean 0 and scaled to standard deviation 1. Use the standard deviation that divides by `n` (`np.std`'s default).",
    },
    "assign.template.docstring": {
        "ko": "각 열을 평균 0, 표준편차 1로 표준화합니다.\n\n    Args:\n        x: 행렬, 모양 (n, d).\n\n    Returns:\n        표준화한 행렬, 모양 (n, d).\n    ",
        "en": "Standardises each column to mean 0 and standard deviation 1.\n\n    Args:\n        x: a matrix, shape (n, d).\n\n    Returns:\n        The standardised matrix, shape (n, d).\n    ",
    },
    "assign.template.checks": {
        "ko": '''"""과제 {name}의 확인 파일. 비공개입니다: 학생에게 절대 주지 마세요.

연습 문제는 강좌의 확인 모듈(gencourse/check/vae.py 등)과 같은 형식으로 선언합니다.
정답(reference), 테스트를 만드는 함수(make_cases), 허용 오차(rtol, atol), 그리고
언어별 힌트가 달린 알려진 실수(Mistake)입니다. hidden=True인 테스트는 채점할 때만
쓰이고, 학생의 확인 셀에는 나머지(공개 테스트)만 갑니다. 채점할 때는 모든 테스트의
숫자를 비밀 시드로 새로 뽑습니다(np.random.default_rng(n)이 시드가 섞인 것으로 바뀝니다).
"""
''',
        "en": '''"""The checks of assignment {name}. Private: never hand this file to students.

Each exercise is declared in the form of the course's own check modules
(gencourse/check/vae.py, ...): its reference answer, a function that makes its
cases, tolerances (rtol, atol) and known mistakes with a hint in each language.
Cases with hidden=True are used only when grading; the students' check cells
get the others (the public cases). Grading draws every case's numbers anew
from a secret seed (np.random.default_rng(n) becomes a seeded one).
"""
''',
    },
    # The worked example's code, the same in both editions (code is English in both).
    "assign.template.checks_code": {"ko": _EXAMPLE_CODE, "en": _EXAMPLE_CODE},
    "assign.template.checks_note": {
        "ko": """# 학생별 값: 연습 문제를 Variant(build, scale=[2, 3, 5])로 선언합니다. build(scale)은
# 학생 한 명의 값으로 Exercise를 돌려주는 함수입니다. 원본 노트북의 코드 셀에
#     ### BEGIN VALUES
#     scale = 2
#     ### END VALUES
# 를 두고(각 값의 첫 번째 선택지), `gencourse release {name} --students 명단.txt`로
# 배포하면 학생마다 자기 값이 적힌 노트북을 받습니다. 채점도 같은 값을 씁니다.
""",
        "en": """# Per-student values: declare an exercise as Variant(build, scale=[2, 3, 5]),
# where build(scale) returns the Exercise for one student's value; put
#     ### BEGIN VALUES
#     scale = 2
#     ### END VALUES
# in a code cell of the master (each value's first choice) and release with
# `gencourse release {name} --students roster.txt`: each student's notebook
# holds their own value, and grading uses the same.
""",
    },
    "assign.template.checks_from": {
        "ko": '''"""과제 {name}의 확인 파일. 비공개입니다: 학생에게 절대 주지 마세요.

수업 {lesson}의 연습 문제로 시작합니다. 강좌 안의 gencourse/check/{module}.py가
바로 이 형식(EXERCISES에 Exercise를 선언)으로 그 연습 문제들을 선언합니다.
지우거나 바꾸거나 더하세요. 새 연습 문제의 예와 숨은 테스트(hidden=True),
언어별 힌트, 학생별 값(Variant)은 README의 강사용 안내를 보세요.
"""

from gencourse.check import Case, Exercise, Mistake, Variant  # noqa: F401
from gencourse.check import {module}

EXERCISES = dict({module}.EXERCISES)
''',
        "en": '''"""The checks of assignment {name}. Private: never hand this file to students.

It starts with lesson {lesson}'s exercises. The course's own
gencourse/check/{module}.py declares them in exactly this form (Exercise
objects in EXERCISES): remove, change or add. For a new exercise, hidden
cases (hidden=True), hints in each language and per-student values
(Variant), see the instructor guide in the README.
"""

from gencourse.check import Case, Exercise, Mistake, Variant  # noqa: F401
from gencourse.check import {module}

EXERCISES = dict({module}.EXERCISES)
''',
    },
}
