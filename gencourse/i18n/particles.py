"""Korean particles after numbers and counters: which form does each one need?

A Korean particle has two forms, chosen by how the word before it ends when read
aloud: after a final consonant (받침) 으로, 이라는, 은, 을, 이, 과, 이나, 이에요 …;
after a vowel 로, 라는, 는, 를, 가, 와, 나, 예요 …. One exception: after ㄹ the
particle is 로 (1,000번으로 but 10일로, 1,000줄로).

The word before is either a counter the course uses (장, 개, 단계, 번 …; the table
:data:`COUNTERS`, one line each) or a bare number, read the Sino-Korean way
(1 일, 3 삼, 10 십, 100 백, 1,000 천, 10,000 만, 0.5 영점오).

:func:`wrong_particles` finds a number or counter followed by the wrong form;
:func:`variable_particles` finds a format placeholder (``{n}``) followed by a
particle whose form depends on the value (write ``{n}(으)로``, ``{name}이(가)`` or put
a counter between them). Used by ``tests/test_korean_particles.py``.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

# Counters the course writes after a number. ``spaced``: the counter may also be written
# after a space (30 에포크, 2 단계); one-syllable counters must touch the number, or the
# search would read words such as "2 분포" as a counter.
COUNTERS = {
    "장": False,
    "개": False,
    "단계": True,
    "번": False,
    "점": False,
    "명": False,
    "에포크": True,
    "초": False,
    "분": False,
    "줄": False,
    "칸": False,
    "일": False,
    "배": False,
    "층": False,
    "차원": True,
    "시간": True,
    "가지": True,
    "자리": False,
    "회": False,
    "쪽": False,
    "퍼센트포인트": True,
    "%p": False,
    "%": False,
}

# How a counter that is not Hangul is read aloud (its last syllable decides the particle).
READ_AS = {"%": "퍼센트", "%p": "퍼센트포인트"}

# Particle pairs: (form after a final consonant, form after a vowel). 으로/로 also covers
# 으로서, 으로부터 … (matched as a prefix). The copula's 이다, 이어야, 입니다 are left out:
# their full forms are standard after a vowel too.
PARTICLES = [
    ("으로", "로"),
    ("이라는", "라는"),
    ("이라고", "라고"),
    ("이라면", "라면"),
    ("이라서", "라서"),
    ("은", "는"),
    ("을", "를"),
    ("이", "가"),
    ("과", "와"),
    ("이나", "나"),
    ("이에요", "예요"),
    ("이랑", "랑"),
]

# After a vowel, 이, 이나 and 이든 can also be the copula (2단계이다, 100장이나 …), so only
# these batchim forms are wrong there for certain.
_WRONG_AFTER_VOWEL = (
    "으로",
    "이라는",
    "이라고",
    "이라면",
    "이라서",
    "은",
    "을",
    "과",
    "이에요",
    "이랑",
)

# Words that begin like a particle but are not one (100점가량: about 100 points).
_NOT_PARTICLES = ("가량", "가운데", "나머지", "나누")

_DIGITS = {
    "0": "영",
    "1": "일",
    "2": "이",
    "3": "삼",
    "4": "사",
    "5": "오",
    "6": "육",
    "7": "칠",
    "8": "팔",
    "9": "구",
}
# 10, 100, 1,000, 10,000 … 10^8: the unit read last when a number ends in zeros.
_UNITS = ["", "십", "백", "천", "만", "만", "만", "만", "억"]

_RIEUL = 8  # the index of ㄹ among the final consonants of a Hangul syllable


def final(syllable: str) -> str:
    """How a Hangul syllable ends: ``"vowel"``, ``"rieul"`` (ㄹ) or ``"consonant"``.

    Raises:
        ValueError: if ``syllable`` is not one precomposed Hangul syllable.
    """
    if len(syllable) != 1 or not "가" <= syllable <= "힣":
        raise ValueError(f"Expected one Hangul syllable. Received: syllable={syllable!r}")
    tail = (ord(syllable) - ord("가")) % 28
    if tail == 0:
        return "vowel"
    return "rieul" if tail == _RIEUL else "consonant"


def read_number(number: str) -> str:
    """The last syllable of a number read the Sino-Korean way (``"1,000"`` -> ``"천"``).

    Decimals are read digit by digit after the point (0.25 -> 영점이오).
    """
    number = number.replace(",", "")
    if "." in number:
        return _DIGITS[number[-1]]
    stripped = number.rstrip("0")
    if not stripped:
        return "영"
    zeros = len(number) - len(stripped)
    if zeros == 0:
        return _DIGITS[stripped[-1]]
    return _UNITS[min(zeros, len(_UNITS) - 1)]


def _wrong(ending: str, after: str) -> str | None:
    """The particle at the start of ``after`` when it has the wrong form for ``ending``."""
    if ending == "vowel":
        for batchim_form in _WRONG_AFTER_VOWEL:
            if after.startswith(batchim_form):
                return batchim_form
        return None
    if ending == "rieul" and after.startswith("으로"):
        return "으로"
    for batchim_form, vowel_form in PARTICLES:
        if vowel_form == "로" and ending == "rieul":
            continue
        # 라는 after a consonant is wrong, but 이라는 starts with 이 as well: test the
        # longer, right form first.
        if after.startswith(batchim_form):
            return None
        if after.startswith(vowel_form) and not after.startswith(_NOT_PARTICLES):
            return vowel_form
    return None


@dataclass(frozen=True)
class Hit:
    """A number or counter followed by a particle of the wrong form."""

    text: str  # e.g. "1,000장로"
    word: str  # the counter or number
    particle: str
    start: int

    def __str__(self) -> str:
        return f"{self.text!r} ({self.word} + {self.particle})"


_NUMBER = r"(?<![\w.])\d[\d,]*(?:\.\d+)?"
_COUNTER = "|".join(sorted((re.escape(c) for c in COUNTERS), key=len, reverse=True))
_PATTERN = re.compile(rf"({_NUMBER})(?:( ?)({_COUNTER}))?(?=[가-힣])")


def wrong_particles(text: str) -> list[Hit]:
    """Every number or counter in ``text`` that is followed by a particle of the wrong form.

    Example:

    >>> [str(h) for h in wrong_particles("1,000장로 훈련하고 100번를 반복")]
    ["'1,000장로' (장 + 로)", "'100번를' (번 + 를)"]
    """
    hits = []
    for match in _PATTERN.finditer(text):
        number, space, counter = match.groups()
        if counter and space and not COUNTERS[counter]:
            counter = None  # "2 분포": a one-syllable counter written apart is a word
            end = match.start(2)
        else:
            end = match.end()
        if counter:
            word, last = counter, READ_AS.get(counter, counter)[-1]
        else:
            if space:
                continue  # a number, a space and a Hangul word: no particle here
            word, last = number, read_number(number)
        after = text[end : end + 4]
        particle = _wrong(final(last), after)
        # 을(를), 이(가): both forms written out, for a value the writer cannot know.
        if particle and text[end + len(particle) : end + len(particle) + 1] != "(":
            hits.append(
                Hit(text[match.start() : end + len(particle)], word, particle, match.start())
            )
    return hits


def _all_forms():
    forms = {f for pair in PARTICLES for f in pair}
    return sorted(forms, key=len, reverse=True)


_PLACEHOLDER = re.compile(r"\{[^{}\n]*\}(" + "|".join(_all_forms()) + r")(?![(가-힣])")
_PLACEHOLDER_PREFIX = re.compile(r"\{[^{}\n]*\}(으로|로)(?!\()")


def variable_particles(template: str) -> list[str]:
    """Placeholders followed by a particle whose form would depend on the value.

    ``"{n}장으로"`` is fine (the counter fixes the form), as are ``"{n}(으)로"`` and
    ``"{name}이(가)"``; ``"{n}로"``, ``"{name}을"`` and ``"{x}와 같습니다"`` are not. 으로/로 is
    matched also when a longer word follows (``"{n}로써"``).

    Example:

    >>> variable_particles("{n}장으로 {k}를 고릅니다")
    ['{k}를']
    """
    found = []
    for pattern in (_PLACEHOLDER, _PLACEHOLDER_PREFIX):
        for m in pattern.finditer(template):
            # A percentage is read with its sign, 퍼센트, whatever the number: a fixed form.
            if m.group(0).rsplit("}", 1)[0].endswith("%") or m.group(0) in found:
                continue
            found.append(m.group(0))
    return found


SAMPLE_VALUES = (0, 1, 2, 3, 6, 10, 100, 1000, 0.5, 2.25)


class _Sample(string.Formatter):
    """Formats every field with one number; a field whose spec refuses it gets the number itself."""

    def __init__(self, value):
        self.value = value

    def get_field(self, field_name, args, kwargs):
        return self.value, field_name

    def format_field(self, value, format_spec):
        try:
            return format(value, format_spec)
        except (ValueError, TypeError):
            return str(value)

    def convert_field(self, value, conversion):
        return value


def renderings(template: str) -> list[str]:
    """``template`` with every placeholder set to each of :data:`SAMPLE_VALUES` in turn."""
    out = []
    for value in SAMPLE_VALUES:
        try:
            out.append(_Sample(value).format(template))
        except (ValueError, IndexError, KeyError):
            return [template]  # not a format string (e.g. stray braces): checked as it is
    return out
