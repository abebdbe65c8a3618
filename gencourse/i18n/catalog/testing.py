"""The summary that ``course.py test`` ends with: tests skipped for a missing optional part."""

MESSAGES = {
    "tests.optional.header": {
        "ko": "선택 구성 요소가 없어 건너뛴 테스트가 있습니다(실패가 아닙니다):",
        "en": "Some tests were skipped because an optional part is missing (not failures):",
    },
    "tests.optional.sandbox": {
        "ko": (
            "채점 샌드박스 테스트 {count}개: bubblewrap(명령 bwrap)이 없거나 시작되지 않습니다. "
            "Linux에서 sudo apt-get install bubblewrap (Fedora: sudo dnf install bubblewrap)로 "
            "설치하면 실행됩니다. macOS와 Windows에는 bubblewrap이 없습니다."
        ),
        "en": (
            "{count} grading-sandbox tests: bubblewrap (command bwrap) is missing or cannot "
            "start. On Linux, sudo apt-get install bubblewrap (Fedora: sudo dnf install "
            "bubblewrap) enables them; macOS and Windows have no bubblewrap."
        ),
    },
    "tests.optional.browser": {
        "ko": (
            "실제 브라우저 테스트 {count}개: Chromium이나 한글 글꼴이 없습니다. Debian/Ubuntu에서 "
            "sudo apt-get install chromium fonts-nanum으로 설치하면 실행됩니다."
        ),
        "en": (
            "{count} real-browser tests: Chromium or a Hangul font is missing. On Debian or "
            "Ubuntu, sudo apt-get install chromium fonts-nanum enables them."
        ),
    },
}
