"""Does every particle after a number or a counter take the form Korean needs?

"1,000장로" should be "1,000장으로", "400장는" "400장은", "1,000번로" "1,000번으로"; but
"10일로" and "1,000줄로" are right (ㄹ takes 로). The counters and the particle pairs are
tables in ``gencourse/i18n/particles.py``; a new counter is one line there. Searched: every
Korean master and student notebook (prose, and the text its code prints), the README's
Korean half and every catalogue message, rendered with sample numbers for its placeholders;
a placeholder may not be followed by a particle whose form would depend on its value.
"""

import importlib
import json
from pathlib import Path

import pytest

from gencourse import i18n
from gencourse.i18n import particles

ROOT = Path(__file__).resolve().parent.parent

# Lessons being rewritten, with why (strict: once fixed, the entry must go). None now.
PENDING: dict = {}


def _pending(name):
    for lesson, reason in PENDING.items():
        if lesson in name:
            return pytest.mark.xfail(reason=reason, strict=True)
    return ()


NOTEBOOKS = [
    pytest.param(path, id=path.relative_to(ROOT).as_posix(), marks=_pending(path.name))
    for folder in ("solutions/ko", "notebooks/ko")
    for path in sorted((ROOT / folder).glob("*.ipynb"))
]
CATALOGUES = [pytest.param(name, id=name.rsplit(".", 1)[1]) for name in i18n.catalog_modules()]


def _hits(where, text):
    return [f"{where}: {hit}" for hit in particles.wrong_particles(text)]


# --- the rules, on made-up text ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("1,000장로 훈련", ["장 + 로"]),
        ("4,000장로 훈련된", ["장 + 로"]),
        ("100장라는 적은", ["장 + 라는"]),
        ("400장는", ["장 + 는"]),
        ("1,000장를", ["장 + 를"]),
        ("1,000번로", ["번 + 로"]),
        ("3개을", ["개 + 을"]),
        ("2단계으로", ["단계 + 으로"]),
        ("30 에포크을", ["에포크 + 을"]),
        ("10줄으로", ["줄 + 으로"]),
        ("5점와", ["점 + 와"]),
        ("1000로", ["1000 + 로"]),  # 천: ㄴ
        ("7으로", ["7 + 으로"]),  # 칠: ㄹ takes 로
        ("10%을", ["% + 을"]),  # 퍼센트
        ("0.5을", ["0.5 + 을"]),  # 영점오
    ],
)
def test_is_a_particle_of_the_wrong_form_found(text, wrong):
    assert [f"{h.word} + {h.particle}" for h in particles.wrong_particles(text)] == wrong


@pytest.mark.parametrize(
    "text",
    [
        "1,000장으로 훈련",
        "10일로",
        "1,000줄로",
        "1,000번으로",
        "3개를",
        "2단계로",
        "30 에포크를",
        "20으로",
        "7로",
        "100점가량",
        "2 분포를 봅니다",  # a one-syllable counter written apart is a word
        "10%를",
        "100장이라는",
        "2단계이다",  # the copula's full form is standard after a vowel
        "3분의 1을",
        "mnist5k로",
        "2을(를) 찾을 수 없습니다",  # both forms written out
        "28x28로",
    ],
)
def test_is_a_right_particle_left_alone(text):
    assert particles.wrong_particles(text) == []


@pytest.mark.parametrize(
    ("number", "last"),
    [
        ("1", "일"),
        ("2", "이"),
        ("10", "십"),
        ("20", "십"),
        ("100", "백"),
        ("1,000", "천"),
        ("10,000", "만"),
        ("50,000", "만"),
        ("0", "영"),
        ("0.25", "오"),
        ("1.0", "영"),
        ("16", "육"),
    ],
)
def test_is_a_number_read_the_sino_korean_way(number, last):
    assert particles.read_number(number) == last


def test_does_final_tell_vowel_rieul_and_other_consonants_apart():
    assert [particles.final(s) for s in "개줄장"] == ["vowel", "rieul", "consonant"]
    with pytest.raises(ValueError, match="Received: syllable='a'"):
        particles.final("a")


def test_is_every_counter_and_particle_form_hangul_or_read_as_hangul():
    for counter in particles.COUNTERS:
        particles.final(particles.READ_AS.get(counter, counter)[-1])
    for pair in particles.PARTICLES:
        assert all("가" <= ch <= "힣" for form in pair for ch in form), pair


@pytest.mark.parametrize(
    ("template", "found"),
    [
        ("{n}장으로 훈련", []),
        ("{n}(으)로", []),
        ("{name}이(가) 없습니다", []),
        ("{share:.1%}로", []),  # 퍼센트: fixed
        ("{n}로 나눕니다", ["{n}로"]),
        ("{name}을 찾을 수 없습니다", ["{name}을"]),
        ("{defaults}와 다릅니다", ["{defaults}와"]),
        ("{k}로써", ["{k}로"]),
    ],
)
def test_is_a_placeholder_before_a_value_dependent_particle_found(template, found):
    assert particles.variable_particles(template) == found


def test_are_placeholders_rendered_with_every_sample_number():
    rendered = particles.renderings("{n:,}번, {share:.0%}")
    assert "1,000번, 100000%" in rendered and "2번, 200%" in rendered
    assert len(rendered) == len(particles.SAMPLE_VALUES)
    assert particles.renderings("a { b") == ["a { b"]


# --- the course's Korean text ----------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_does_the_korean_notebook_use_the_right_particles(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for i, cell in enumerate(nb["cells"]):
        source = "".join(cell["source"])
        found += _hits(f"cell {i}", source)
        if cell["cell_type"] == "code":  # f-strings the cell prints
            found += [f"cell {i}: {p}" for p in particles.variable_particles(source)]
    assert not found, "\n".join(found)


def test_does_the_korean_readme_use_the_right_particles():
    korean = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## English", 1)[0]
    found = _hits("README.md", korean)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", CATALOGUES)
def test_does_every_korean_message_use_the_right_particles_for_any_value(name):
    found = []
    for key, texts in importlib.import_module(name).MESSAGES.items():
        found += [f"{key}: {p}" for p in particles.variable_particles(texts["ko"])]
        for text in particles.renderings(texts["ko"]):
            found += _hits(key, text)
    assert not found, "\n".join(sorted(set(found)))
