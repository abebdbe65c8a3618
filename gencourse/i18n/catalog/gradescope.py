"""The fallback boundary and the Gradescope autograder (gencourse.grade.fallback, .gradescope)."""

MESSAGES = {
    "grade.cli.fallback": {
        "ko": (
            "bubblewrap 샌드박스를 쓸 수 없어({reason}) 더 약한 경계로 채점합니다: 학생 코드는 실행마다 "
            "따로 받는 권한 없는 사용자로 돌고, 정답·시드·확인 파일·출력 폴더는 채점하는 동안 root만 "
            "읽을 수 있습니다. 네트워크와 다른 공개 파일은 막지 못합니다. 성적표에 이 경계가 기록됩니다."
        ),
        "en": (
            "The bubblewrap sandbox cannot run here ({reason}); grading with a weaker boundary: student "
            "code runs as an unprivileged user of its own for each run, and the answers, seed, checks "
            "file and output folder are readable by root only while grading. The network and other "
            "world-readable files stay reachable. The gradebook records this boundary."
        ),
    },
    "grade.sandbox.fallback_not_root": {
        "ko": (
            "권한 없는 사용자 경계는 채점기를 root로 실행할 때만 쓸 수 있습니다(리눅스). bubblewrap을 "
            "설치하거나, root로 실행하거나, 위험을 알고 --no-sandbox를 붙이세요.{detail}"
        ),
        "en": (
            "The unprivileged-user boundary needs a grader running as root (Linux). Install "
            "bubblewrap, run as root, or add --no-sandbox knowing the risk.{detail}"
        ),
    },
    "grade.sandbox.fallback_python": {
        "ko": (
            "bubblewrap을 쓸 수 없고, 권한 없는 사용자 경계도 쓸 수 없습니다: 이 파이썬의 일부({detail})를 "
            "다른 사용자가 읽을 수 없습니다(예: root 홈 폴더의 pyenv). 누구나 읽을 수 있는 곳(/opt, /usr)에 "
            "파이썬 환경을 만들어 채점하세요."
        ),
        "en": (
            "bubblewrap cannot run here, and the unprivileged-user boundary cannot either: part of this "
            "Python ({detail}) is not readable by other users (pyenv under root's home, say). Grade "
            "with a Python environment that everybody can read (under /opt or /usr)."
        ),
    },
    "grade.note.user_boundary": {
        "ko": (
            "bubblewrap 대신 권한 없는 사용자 경계로 채점했습니다: 학생 코드는 실행마다 따로 받는 사용자로 "
            "돌았고, 비밀 자료(정답, 시드, 확인 파일, 출력 폴더, 제출물 폴더)는 root만 읽을 수 있었습니다. "
            "그래도 네트워크와 누구나 읽을 수 있는 호스트 파일, 프로세스 목록은 보였습니다."
        ),
        "en": (
            "Graded with the unprivileged-user boundary instead of bubblewrap: student code ran as a "
            "user of its own for each run, and the secret material (answers, seed, checks file, "
            "output folder, submissions folder) was readable by root only. The network, the host's "
            "world-readable files and the process list were still visible."
        ),
    },
    # The autograder inside Gradescope's container (gencourse.grade.gradescope).
    "gradescope.no_notebook": {
        "ko": "제출물에 노트북(.ipynb)이 없습니다. {expected} 파일을 올려 주세요.",
        "en": "The submission holds no notebook (.ipynb). Upload {expected}.",
    },
    "gradescope.many_notebooks": {
        "ko": "노트북이 여러 개입니다({found}). {expected} 하나만 올려 주세요.",
        "en": "The submission holds several notebooks ({found}). Upload {expected} only.",
    },
    "gradescope.no_student": {
        "ko": (
            "제출자의 {field} 값을 submission_metadata.json에서 찾지 못해 학생별 값을 정할 수 없습니다. "
            "강사에게 알려 주세요."
        ),
        "en": (
            "The submitter's {field} is not in submission_metadata.json, so your own values cannot "
            "be chosen. Tell your instructor."
        ),
    },
    "gradescope.boundary": {
        "ko": "채점 경계: {boundary}",
        "en": "Grading boundary: {boundary}",
    },
    "gradescope.grader_error": {
        "ko": "채점기 쪽 오류로 채점하지 못했습니다. 강사에게 알려 주세요. ({error})",
        "en": "The grader failed on its side; tell your instructor. ({error})",
    },
    "gradescope.written": {
        "ko": "{out}을(를) 만들었습니다({size:,}바이트, 파일 {files}개). Gradescope의 autograder로 올리세요.",
        "en": "Wrote {out} ({size:,} bytes, {files} files). Upload it as the Gradescope autograder.",
    },
}
