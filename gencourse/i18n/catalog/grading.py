"""The grader: gradebook reasons, feedback, console lines (gencourse.grade)."""

MESSAGES = {
    # Why a file cannot be graded.
    "grade.reject.unreadable": {
        "ko": "파일을 읽을 수 없습니다({error})",
        "en": "the file cannot be read ({error})",
    },
    "grade.reject.empty": {
        "ko": "빈 파일입니다",
        "en": "the file is empty",
    },
    "grade.reject.too_large": {
        "ko": "파일이 너무 큽니다({mb}MB, 최대 {max_mb}MB). 출력을 지우고(Edit > Clear Outputs of All Cells) 다시 저장하세요",
        "en": "the file is too large ({mb} MB, at most {max_mb} MB); clear all outputs (Edit > Clear Outputs of All Cells) and save again",
    },
    "grade.reject.encoding": {
        "ko": "UTF-8 텍스트가 아닙니다({position}번째 바이트). 노트북은 JupyterLab에서 저장한 그대로 제출하세요",
        "en": "the file is not UTF-8 text (byte {position}); submit the notebook as JupyterLab saved it",
    },
    "grade.reject.json": {
        "ko": "JSON 형식이 깨져 있습니다({line}행 {column}열). 노트북이 저장 도중 잘렸거나 다른 프로그램으로 편집된 것 같습니다",
        "en": "the file is not valid JSON (line {line}, column {column}); the notebook was cut off while saving or edited with another program",
    },
    "grade.reject.not_notebook": {
        "ko": "주피터 노트북(.ipynb) 형식이 아닙니다",
        "en": "the file is not a Jupyter notebook (.ipynb)",
    },
    "grade.reject.nbformat": {
        "ko": "노트북 형식 버전 {version}은(는) 지원하지 않습니다(버전 4만 가능). JupyterLab에서 열어 다시 저장하세요",
        "en": "notebook format version {version} is not supported (only version 4); open it in JupyterLab and save it again",
    },
    "grade.reject.lesson": {
        "ko": "다른 수업의 노트북입니다({found}). 채점하는 수업은 {lesson}입니다",
        "en": "this notebook belongs to another lesson ({found}); the lesson being graded is {lesson}",
    },
    "grade.reject.too_deep": {
        "ko": "JSON이 너무 깊게 중첩되어 있습니다(최대 {max_depth}단계). JupyterLab에서 저장한 노트북을 그대로 제출하세요",
        "en": "the file's JSON is nested too deep (at most {max_depth} levels); submit the notebook as JupyterLab saved it",
    },
    "grade.reject.too_many_cells": {
        "ko": "셀이 너무 많습니다({n}개, 최대 {max_cells}개)",
        "en": "the notebook has too many cells ({n}, at most {max_cells})",
    },
    "grade.reject.cell_too_long": {
        "ko": "{cell}번 셀의 코드가 너무 깁니다({chars:,}자, 최대 {max_chars:,}자)",
        "en": "cell {cell} holds too much code ({chars:,} characters, at most {max_chars:,})",
    },
    "grade.reject.code_too_long": {
        "ko": "코드 셀을 모두 합한 길이가 너무 깁니다(최대 {max_chars:,}자)",
        "en": "the code cells together hold too much code (at most {max_chars:,} characters)",
    },
    "grade.reject.link": {
        "ko": "심볼릭 링크라서 채점하지 않았습니다({target}). 노트북 파일 자체를 제출하세요",
        "en": "a symbolic link, not graded ({target}); submit the notebook file itself",
    },
    "grade.reject.not_file": {
        "ko": "일반 파일이 아니라서 채점하지 않았습니다",
        "en": "not a regular file, not graded",
    },
    "grade.problem.same_student": {
        "ko": "같은 학생({student})의 제출물이 여럿입니다: {others}. 모두 채점했으니 어느 것을 쓸지 정하세요",
        "en": "more than one submission for student {student}: {others}; all were graded, choose which counts",
    },
    "grade.reject.no_code": {
        "ko": "코드 셀이 하나도 없습니다",
        "en": "the notebook has no code cells",
    },
    # What cut a run short (gradebook "error" column and feedback).
    "grade.problem.cell.timeout": {
        "ko": "{cell}번째 셀: 시간 제한({seconds:g}초)을 넘겨 중단됨",
        "en": "cell {cell}: stopped at the time limit ({seconds:g} s)",
    },
    "grade.problem.cell.memory": {
        "ko": "{cell}번째 셀: 메모리 제한({mb}MB)을 넘김",
        "en": "cell {cell}: went over the memory limit ({mb} MB)",
    },
    "grade.problem.cell.crash": {
        "ko": "{cell}번째 셀: 파이썬 프로세스가 종료됨(종료 코드 {code})",
        "en": "cell {cell}: the Python process ended (exit code {code})",
    },
    "grade.problem.exercise.timeout": {
        "ko": "{name}: 함수 실행이 시간 제한({seconds:g}초)을 넘겨 중단됨",
        "en": "{name}: the function was stopped at the time limit ({seconds:g} s)",
    },
    "grade.problem.exercise.memory": {
        "ko": "{name}: 함수가 메모리 제한({mb}MB)을 넘김",
        "en": "{name}: the function went over the memory limit ({mb} MB)",
    },
    "grade.problem.exercise.crash": {
        "ko": "{name}: 함수 실행 중 파이썬 프로세스가 종료됨(종료 코드 {code})",
        "en": "{name}: the Python process ended while the function ran (exit code {code})",
    },
    "grade.problem.total_timeout": {
        "ko": "제출물 전체의 시간 제한({seconds:g}초)을 넘김",
        "en": "the whole submission went over its time limit ({seconds:g} s)",
    },
    "grade.problem.output": {
        "ko": "출력이 {cap_mb:g}MB를 넘어 나머지는 버림(점수에는 영향 없음)",
        "en": "output over {cap_mb:g} MB was discarded (no effect on the score)",
    },
    "grade.problem.startup": {
        "ko": "채점용 파이썬 프로세스를 시작하지 못함(채점기 쪽 문제)",
        "en": "the grader could not start its Python process (a problem on the grader's side)",
    },
    "grade.problem.library": {
        "ko": "{name}: 강좌 라이브러리의 구현을 호출함({calls}), 점수 없음",
        "en": "{name}: calls the course library's own implementation ({calls}); no points",
    },
    "grade.problem.tampered": {
        "ko": "{name}: 채점기의 감시(sys.setprofile)를 끔, 점수 없음",
        "en": "{name}: switched off the grader's monitoring (sys.setprofile); no points",
    },
    "grade.problem.internal": {
        "ko": "채점기 내부 오류: {error}",
        "en": "internal grader error: {error}",
    },
    # Verdicts for exercises the checks could not run.
    "grade.ex.missing": {
        "ko": "❌ {name}: 노트북을 실행한 뒤에도 이름이 {name}인 함수가 없습니다. 연습 문제 셀에 주어진 함수 이름을 바꾸지 마세요.",
        "en": "❌ {name}: after running your notebook there is no function named {name}. Keep the name the exercise cell gives it.",
    },
    "grade.ex.not_defined": {
        "ko": "❌ {name}: {name}을(를) 정의하는 셀이 끝까지 실행되지 못해 함수가 만들어지지 않았습니다.",
        "en": "❌ {name}: the cell that defines {name} did not run to its end, so the function does not exist.",
    },
    "grade.ex.timeout": {
        "ko": "❌ {name}: 채점용 입력으로 함수를 실행했더니 {seconds:g}초 안에 끝나지 않아 중단했습니다. 끝나지 않는 반복문이 있는지 확인하세요.",
        "en": "❌ {name}: on the grader's inputs your function did not finish within {seconds:g} s and was stopped. Look for a loop that never ends.",
    },
    "grade.ex.memory": {
        "ko": "❌ {name}: 함수가 메모리를 {mb}MB 넘게 써서 중단했습니다.",
        "en": "❌ {name}: your function used more than {mb} MB of memory and was stopped.",
    },
    "grade.ex.crash": {
        "ko": "❌ {name}: 함수를 실행하는 중에 파이썬 프로세스가 끝나 버렸습니다(종료 코드 {code}). os._exit 같은 호출이 있는지 확인하세요.",
        "en": "❌ {name}: the Python process ended while your function ran (exit code {code}). Look for a call such as os._exit.",
    },
    "grade.ex.total_timeout": {
        "ko": "❌ {name}: 제출물 전체의 시간 제한({seconds:g}초)을 넘겨 채점하지 못했습니다.",
        "en": "❌ {name}: not graded: the whole submission went over its time limit ({seconds:g} s).",
    },
    "grade.ex.startup": {
        "ko": "❌ {name}: 채점기 쪽 문제로 채점하지 못했습니다. 담당 강사가 다시 채점할 것입니다.",
        "en": "❌ {name}: not graded because of a problem on the grader's side; your instructor will grade it again.",
    },
    "grade.ex.library": {
        "ko": "❌ {name}: 직접 계산하지 않고 강좌 라이브러리의 구현({calls})을 불러 썼습니다. 이 연습 문제는 식을 직접 코드로 옮기는 것이 목표이므로 점수를 드릴 수 없습니다.",
        "en": "❌ {name}: your answer calls the course library's own implementation ({calls}) instead of computing it. The exercise is to write the computation yourself, so it earns no points.",
    },
    "grade.ex.tampered": {
        "ko": "❌ {name}: 함수가 채점기의 감시(sys.setprofile)를 껐기 때문에 점수를 드릴 수 없습니다.",
        "en": "❌ {name}: your function switched off the grader's monitoring (sys.setprofile), so it earns no points.",
    },
    # Feedback file.
    "grade.fb.title": {
        "ko": "# 채점 결과: {submission} ({lesson})",
        "en": "# Feedback: {submission} ({lesson})",
    },
    "grade.fb.score": {
        "ko": "**점수: {total:g} / {possible:g} ({percent:.1f}%)**",
        "en": "**Score: {total:g} / {possible:g} ({percent:.1f}%)**",
    },
    "grade.fb.col.exercise": {"ko": "연습 문제", "en": "exercise"},
    "grade.fb.col.points": {"ko": "점수", "en": "points"},
    "grade.fb.col.result": {"ko": "결과", "en": "result"},
    "grade.fb.passed": {"ko": "✅ 통과", "en": "✅ passed"},
    "grade.fb.partial": {"ko": "🔶 부분 점수", "en": "🔶 partly right"},
    "grade.fb.failed": {"ko": "❌ 통과하지 못함", "en": "❌ not passed"},
    "grade.fb.details": {"ko": "## 연습 문제별 설명", "en": "## Each exercise"},
    "grade.fb.problems": {
        "ko": "## 노트북을 실행하면서 생긴 일",
        "en": "## What happened while your notebook ran",
    },
    "grade.fb.cell_error": {
        "ko": "{cell}번째 셀({first_line})에서 {error} 오류가 났습니다.",
        "en": "Cell {cell} ({first_line}) raised {error}.",
    },
    "grade.fb.rejected": {
        "ko": "제출한 파일을 채점할 수 없었습니다: {reason}. JupyterLab에서 저장한 노트북(.ipynb)을 다시 제출하세요.",
        "en": "Your file could not be graded: {reason}. Submit the notebook (.ipynb) as saved from JupyterLab again.",
    },
    "grade.fb.error": {
        "ko": "채점기 쪽 문제로 채점하지 못했습니다. 담당 강사가 다시 채점할 것입니다.",
        "en": "Your notebook could not be graded because of a problem on the grader's side; your instructor will grade it again.",
    },
    "grade.fb.how": {
        "ko": (
            "채점 방식: 채점기는 연습 문제 함수에 필요한 셀만(확인 셀은 제외) 노트북 순서대로 실행한 뒤, "
            "여러분의 함수를 채점용 입력으로 호출하고 그 결과를 정답과 따로 비교합니다. "
            "같은 함수가 여러 번 정의되어 있으면 노트북에서 가장 아래에 있는 정의로 채점합니다. "
            "모든 테스트를 통과하면 만점, 일부만 통과하면 통과한 비율의 절반을 받습니다."
        ),
        "en": (
            "How grading works: the grader runs, in notebook order, the cells your exercise functions "
            "need (never the check cells), then calls your functions on its own inputs and compares the "
            "results with the answers on its side. If a function is defined more than once, the "
            "definition lowest in the notebook counts. All cases right gives full points; some right "
            "gives half the share of cases passed."
        ),
    },
    # Console.
    "grade.cli.line": {
        "ko": "{submission}: {total:g} / {possible:g} ({status})",
        "en": "{submission}: {total:g} / {possible:g} ({status})",
    },
    "grade.cli.reused": {
        "ko": "이전 채점 결과 {n}개를 다시 썼습니다(파일과 설정이 같음).",
        "en": "Reused {n} results of an earlier run (same files, same settings).",
    },
    "grade.cli.summary": {
        "ko": "제출물 {count}개 중 {graded}개를 채점했습니다. 성적표: {csv}, {json}; 학생별 피드백: {feedback}",
        "en": "Graded {graded} of {count} submissions. Gradebook: {csv}, {json}; feedback per student: {feedback}",
    },
    "grade.cli.not_graded": {
        "ko": "채점하지 못한 제출물({n}개):",
        "en": "Submissions that could not be graded ({n}):",
    },
    "grade.cli.no_submissions": {
        "ko": "채점할 노트북이 없습니다: {paths}",
        "en": "No notebooks to grade in: {paths}",
    },
    "grade.cli.no_lesson": {
        "ko": "수업 '{lesson}'을(를) 찾을 수 없습니다. 있는 수업: {available}",
        "en": "No lesson '{lesson}'. Available lessons: {available}",
    },
    "grade.cli.no_exercises": {
        "ko": "수업 {lesson}에는 채점할 연습 문제가 없습니다.",
        "en": "Lesson {lesson} has no exercises to grade.",
    },
    # The sandbox (bubblewrap) and what a gradebook promises.
    "grade.sandbox.not_linux": {
        "ko": (
            "채점 샌드박스(bubblewrap)는 Linux에서만 동작하므로 채점하지 않습니다. Linux 컴퓨터"
            "(또는 사용자 네임스페이스를 허용하는 Linux 컨테이너)에서 채점하거나, 학생 코드가 이 계정으로 "
            "실행되는 것을 감수한다면 --no-sandbox를 붙이세요."
        ),
        "en": (
            "Not grading: the grading sandbox (bubblewrap) runs on Linux only. Grade on a Linux "
            "machine (or a Linux container that allows user namespaces), or add --no-sandbox if "
            "you accept that the students' code runs as this account."
        ),
    },
    "grade.sandbox.no_bwrap": {
        "ko": (
            "채점 샌드박스 bubblewrap(명령 bwrap)이 설치되어 있지 않아 채점하지 않습니다. "
            "설치: sudo apt-get install bubblewrap (Fedora: sudo dnf install bubblewrap). "
            "샌드박스 없이 채점하려면 --no-sandbox를 붙이세요(학생 코드가 이 계정으로 실행됩니다)."
        ),
        "en": (
            "Not grading: the grading sandbox bubblewrap (command bwrap) is not installed. "
            "Install it: sudo apt-get install bubblewrap (Fedora: sudo dnf install bubblewrap). "
            "To grade without it, add --no-sandbox (the students' code then runs as this account)."
        ),
    },
    "grade.sandbox.cannot_start": {
        "ko": (
            "bwrap이 샌드박스를 시작하지 못해 채점하지 않습니다({detail}). 이 시스템(또는 컨테이너)이 "
            "사용자 네임스페이스를 막고 있을 수 있습니다: sysctl kernel.unprivileged_userns_clone=1, "
            "Ubuntu 24.04 이상은 kernel.apparmor_restrict_unprivileged_userns=0, Docker는 "
            "--security-opt seccomp=unconfined 또는 root로 실행하세요. 샌드박스 없이 채점하려면 "
            "--no-sandbox를 붙이세요."
        ),
        "en": (
            "Not grading: bwrap could not start a sandbox ({detail}). This system (or container) "
            "may forbid user namespaces: set sysctl kernel.unprivileged_userns_clone=1, on Ubuntu "
            "24.04 and later kernel.apparmor_restrict_unprivileged_userns=0, or in Docker run with "
            "--security-opt seccomp=unconfined or as root. To grade without it, add --no-sandbox."
        ),
    },
    "grade.note.unsandboxed": {
        "ko": (
            "--no-sandbox로 채점했습니다: 학생 코드가 채점 계정으로 실행되어 그 계정이 읽을 수 있는 파일과 "
            "프로세스에 닿을 수 있었습니다. 점수는 정직한 제출물에만 믿을 수 있습니다."
        ),
        "en": (
            "Graded with --no-sandbox: the students' code ran as the grading account and could "
            "reach the files and processes that account can. Trust the scores of honest "
            "submissions only."
        ),
    },
    "grade.note.memory_per_process": {
        "ko": (
            "이 채점기는 cgroup을 만들 수 없어 메모리 제한을 프로세스마다 따로 적용했습니다(RLIMIT_AS). "
            "한 제출물이 프로세스를 여럿 띄우면 합계가 제한을 넘을 수 있고, 샌드박스의 tmpfs에 쓴 파일은 "
            "그 크기(/submission과 /tmp 각각)로만 막았습니다. root로 채점하거나 위임된 cgroup v2 "
            "(예: systemd-run --user --scope) 안에서 채점하면 모두 합쳐 셉니다."
        ),
        "en": (
            "This grader could not make a cgroup, so the memory limit held for each process "
            "apart (RLIMIT_AS): a submission's processes together could hold more, and the files "
            "it wrote on the sandbox's tmpfs were bounded only by its size (/submission and /tmp "
            "each). Grading as root, or inside a delegated cgroup v2 (for example systemd-run "
            "--user --scope), counts them all together."
        ),
    },
    "grade.note.processes_shared": {
        "ko": (
            "제출물의 프로세스 수를 채점 계정의 모든 프로세스와 함께 셌습니다(cgroup도, 샌드박스마다의 "
            "사용자도 없고, 5.14보다 오래된 커널은 사용자 네임스페이스마다 따로 세지 않습니다). 포크 "
            "폭탄이 다른 제출물의 시작을 막았을 수 있으니, 시작하지 못한 제출물은 다시 채점하세요."
        ),
        "en": (
            "The submissions' processes were counted with every process of the grading account "
            "(no cgroup, no user per sandbox, and a kernel before 5.14 does not count per user "
            "namespace): a fork bomb may have kept others from starting; grade again those that "
            "did not start."
        ),
    },
    "grade.note.files_host": {
        "ko": (
            "이 bubblewrap은 tmpfs 크기를 정할 수 없어(0.7 이상은 가능) 제출물 폴더가 호스트 디스크에 "
            "있었고, 파일 하나의 크기만 제한했습니다."
        ),
        "en": (
            "This bubblewrap cannot size a tmpfs (0.7 and later can): each submission's folder "
            "was on the host's disk, limited per file only."
        ),
    },
    "grade.note.cells_all": {
        "ko": (
            "--cells all로 채점했습니다: 훈련 셀에 필요한 라이브러리 모델(gencourse.models, metrics, "
            "augment)이 샌드박스 안에 있으므로, 그 안의 정답 구현을 베낀 코드를 막지 못할 수 있습니다. "
            "입력은 여전히 비밀 시드로 뽑고 비교는 채점기에서 합니다."
        ),
        "en": (
            "Graded with --cells all: the library's models that the training cells need "
            "(gencourse.models, metrics, augment) are inside the sandbox, so code that copies "
            "their reference implementations may go unnoticed. Inputs are still drawn from the "
            "secret seed and compared on the grader's side."
        ),
    },
    "grade.cli.interrupted": {
        "ko": (
            "중단했습니다(Ctrl-C): 끝난 {graded}개는 {csv}에 기록했고, {left}개는 채점하지 않았습니다. "
            "같은 명령을 다시 실행하면 이어서 채점합니다."
        ),
        "en": (
            "Interrupted (Ctrl-C): the {graded} finished are in {csv}; {left} were not graded. "
            "Run the same command again to go on."
        ),
    },
    "grade.cli.locked": {
        "ko": "다른 채점이 이미 {out}에 쓰고 있습니다({detail}). 그 채점이 끝난 뒤 다시 실행하거나 다른 --out을 쓰세요",
        "en": "another grading run is writing to {out} ({detail}); run again when it ends, or use another --out",
    },
    "grade.cli.lock_unsupported": {
        "ko": "이 운영체제에서는 출력 폴더를 잠글 수 없습니다. 같은 --out으로 채점을 동시에 두 번 실행하지 마세요",
        "en": "this system cannot lock the output folder; do not run two gradings on one --out at once",
    },
    "grade.cli.bad_seed": {
        "ko": "비밀 시드 파일 {path}을(를) 읽을 수 없습니다({error}). 새 시드를 만들면 이전 채점과 결과가 달라지므로 만들지 않았습니다. 백업에서 되살리거나, 처음부터 다시 채점하려면 파일을 지우세요",
        "en": "the secret seed file {path} cannot be read ({error}); a new seed would change earlier results, so none was made. Restore it from a backup, or delete it to grade everything afresh",
    },
    "grade.cli.same_student": {
        "ko": "학생 한 명에게 제출물이 여럿입니다(성적부의 error 열 참고): {students}",
        "en": "some students handed in more than one submission (see the gradebook's error column): {students}",
    },
    "grade.case.hidden": {
        "ko": "숨겨진 테스트",
        "en": "a hidden case",
    },
    "grade.cli.interrupted_early": {
        "ko": "중단했습니다(Ctrl-C). 같은 명령을 다시 실행하면 이어서 채점합니다.",
        "en": "Interrupted (Ctrl-C). Run the same command again to go on.",
    },
}
