"""Korean for Sphinx's offline search: words without their particles.

Sphinx has no Korean search language, and Korean writes a noun and its
particle as one word: a page says "판별자는" and a reader searches "판별자".
:class:`SearchKorean` strips one common trailing particle (longest first), in
Python when the index is built and in JavaScript (:data:`JS_STEMMER`) when a
query is typed, by the same rule. A particle is never stripped when fewer
than two characters would remain, so "차이" and "정도" stay whole.

Nouns may end in a syllable that is also a particle ("정확도"): the query
"정확도" becomes "정확", while the page's "정확도는" becomes "정확도". So the
index holds every form a word reaches by stripping again and again (the
splitter emits them), and the query's single stripped form is always among them.
"""

from __future__ import annotations

import json
import re

from sphinx.search import SearchLanguage

#: Trailing particles and copula endings, longest first (the order they are tried in).
PARTICLES = tuple(
    sorted(
        {
            "에서부터",
            "으로부터",
            "으로서는",
            "으로써는",
            "에게서는",
            "이라고는",
            "에서는",
            "에서도",
            "에서의",
            "으로는",
            "으로도",
            "으로의",
            "으로서",
            "으로써",
            "에게서",
            "에게는",
            "까지는",
            "부터는",
            "처럼은",
            "보다는",
            "이라는",
            "이라고",
            "입니다",
            "에서",
            "으로",
            "이었다",
            "이며",
            "이고",
            "이다",
            "이라",
            "에는",
            "에도",
            "에의",
            "로는",
            "로도",
            "로서",
            "로써",
            "와는",
            "과는",
            "에게",
            "한테",
            "께서",
            "까지",
            "부터",
            "처럼",
            "보다",
            "마다",
            "이나",
            "이랑",
            "만큼",
            "은",
            "는",
            "이",
            "가",
            "을",
            "를",
            "의",
            "에",
            "로",
            "와",
            "과",
            "도",
            "만",
            "나",
            "랑",
            "요",
        },
        key=lambda p: (-len(p), p),
    )
)
#: Fewest characters a stripped word keeps.
MIN_KEPT = 2
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def strip_particle(word: str) -> str:
    """``word`` without its longest trailing particle, keeping at least two characters.

    Example:
        >>> strip_particle("판별자는"), strip_particle("데이터에서"), strip_particle("차이")
        ('판별자', '데이터', '차이')
    """
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= MIN_KEPT:
            return word[: -len(particle)]
    return word


def forms(word: str) -> list[str]:
    """``word`` and each form that stripping a particle again and again reaches."""
    out = [word]
    while (shorter := strip_particle(out[-1])) != out[-1]:
        out.append(shorter)
    return out


JS_STEMMER = (
    "/* gencourse.site.korean_search: one trailing Korean particle stripped. */\n"
    "var Stemmer = function () {\n"
    f"  const particles = {json.dumps(list(PARTICLES), ensure_ascii=False)};\n"
    "  this.stemWord = function (w) {\n"
    "    for (const p of particles) {\n"
    f"      if (w.endsWith(p) && w.length - p.length >= {MIN_KEPT}) return w.slice(0, -p.length);\n"
    "    }\n"
    "    return w;\n"
    "  };\n"
    "};\n"
)


class SearchKorean(SearchLanguage):
    """Sphinx's search language ``ko``: Hangul words found without their particles."""

    lang = "ko"
    language_name = "Korean"
    js_stemmer_code = JS_STEMMER

    def split(self, input: str) -> list[str]:
        words = []
        for word in self._word_re.findall(input):
            words.extend(forms(word) if _HANGUL.search(word) else [word])
        return words

    def stem(self, word: str) -> str:
        return strip_particle(word)

    def word_filter(self, word: str) -> bool:
        return bool(word) and not word.isdigit()
