"""The website's settings: the repository its launch links point at, its size limit."""

#: GitHub "OWNER/REPO" of the course, for the Colab and Binder links. The README's
#: placeholder until the public address is settled; ``gencourse site --repo`` overrides it.
REPOSITORY = "OWNER/REPO"
#: The branch the launch links open.
BRANCH = "main"
#: Each language's name in itself, and the other language of each.
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}
OTHER = {"ko": "en", "en": "ko"}
#: A site larger than this fails the build (issue 32).
MAX_BYTES = 40 * 1024 * 1024
#: The fonts a page is drawn with, Korean-capable ones first (Hangul never falls back to boxes).
FONTS = (
    '"Noto Sans KR", "NanumGothic", "Nanum Gothic", "NanumBarunGothic", '
    '"Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", system-ui, sans-serif'
)
#: The English pages: Latin fonts first (Korean fonts draw a backslash as the won sign,
#: ₩), then the Korean ones for the Hangul the pages hold (the language switch).
FONTS_EN = (
    'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", "Noto Sans KR", '
    '"NanumGothic", "Nanum Gothic", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif'
)
MONO_FONTS = (
    '"SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "NanumGothicCoding", '
    '"D2Coding", "Noto Sans Mono CJK KR", "NanumGothic", "Malgun Gothic", monospace'
)


def repo_url(repository: str) -> str:
    return f"https://github.com/{repository}"


def colab_url(repository: str, lang: str, lesson: str) -> str:
    return (
        f"https://colab.research.google.com/github/{repository}/blob/{BRANCH}/"
        f"notebooks/{lang}/{lesson}.ipynb"
    )


def binder_url(repository: str, lang: str, lesson: str) -> str:
    return (
        f"https://mybinder.org/v2/gh/{repository}/{BRANCH}?labpath=notebooks/{lang}/{lesson}.ipynb"
    )
