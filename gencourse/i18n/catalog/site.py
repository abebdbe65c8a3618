"""Texts of the course's website (gencourse.site): page furniture, launch links, alt text."""

MESSAGES = {
    # Sphinx's Korean catalogue leaves this search message empty (the result count would
    # not be said); the site fills it. {count} becomes Sphinx's placeholder, ${resultCount}.
    "site.search_found": {
        "ko": "검색을 마쳤습니다. 검색어에 맞는 페이지를 {count}개 찾았습니다.",
        "en": "Search finished, found {count} page(s) matching the search query.",
    },
    "site.course_title": {
        "ko": "생성 모델로 더 크고 현실적인 데이터셋 만들기",
        "en": "Generative models for bigger, more realistic datasets",
    },
    "site.lessons": {"ko": "수업", "en": "Lessons"},
    "site.guide": {"ko": "안내", "en": "Guide"},
    "site.download": {"ko": "학생용 노트북 내려받기", "en": "Download the student notebook"},
    "site.colab": {"ko": "Colab에서 열기", "en": "Open in Colab"},
    "site.binder": {"ko": "Binder에서 실행하기", "en": "Launch on Binder"},
    "site.outputs_note": {
        "ko": (
            "이 쪽의 출력은 완성된 풀이로 {mode} 모드에서 실행한 결과입니다. 연습 문제 칸에는 "
            "여러분이 채울 빈 함수만 보입니다."
        ),
        "en": (
            "The outputs on this page come from running the reference solutions in {mode} mode. "
            "Exercise cells show only the empty function you will fill in."
        ),
    },
    "site.mode_full": {"ko": "전체", "en": "full"},
    "site.mode_quick": {"ko": "빠른", "en": "quick"},
    "site.figure_fallback": {"ko": "그림 {n}: {title}", "en": "Figure {n} of {title}"},
    "site.switch": {"ko": "이 쪽을 한국어로", "en": "This page in English"},
    "site.home": {"ko": "언어 선택", "en": "Choose a language"},
    "site.index_lead": {
        "ko": (
            "수업은 위에서 아래로 차례대로 읽도록 짜여 있습니다. 각 수업 쪽에서 학생용 "
            "노트북을 내려받거나 Colab, Binder에서 바로 실행할 수 있습니다."
        ),
        "en": (
            "The lessons are meant to be read in order. Each lesson's page lets you download "
            "the student notebook or run it at once in Colab or on Binder."
        ),
    },
}
