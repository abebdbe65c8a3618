"""Are the glossary's Korean terms used everywhere a Korean reader looks?

The glossary (``gencourse/i18n/glossary.md``, a copy of the course design's) lists
forbidden variants, each with a scope and an example; these tests search the Korean
masters and student notebooks, every Korean message in the catalogue and the README.
"""

import importlib
import json
import re
from pathlib import Path

import pytest

from gencourse import i18n

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = Path(i18n.__file__).resolve().parent / "glossary.md"
DESIGN = ROOT.parent / "shared" / "DESIGN.md"
GAN_LESSONS = ("03_gan", "04_cgan")
GAN_CATALOGS = ("check_03_gan", "check_04_cgan")


def _rows(text: str, heading: str) -> list[list[str]]:
    """The body rows (without header and separator) of the first table after ``heading``."""
    lines = text.split(heading, 1)[1].splitlines()
    table = []
    for line in lines:
        if line.startswith("|"):
            table.append(line.strip())
        elif table:
            break
    rows = []
    for line in table[2:]:
        cells = re.split(r"(?<!\\)\|", line)[1:-1]
        rows.append([c.strip().replace("\\|", "|") for c in cells])
    return rows


def _terms(path=GLOSSARY, heading="## Terms"):
    return _rows(path.read_text(encoding="utf-8"), heading)


def _rules():
    rows = _rows(GLOSSARY.read_text(encoding="utf-8"), "## Forbidden variants")
    return [
        (re.compile(p.strip("`"), re.MULTILINE), instead, where, example)
        for p, instead, where, example in rows
    ]


def _korean_texts():
    """(where, scope, text) for every Korean text a reader sees."""
    for folder in ("solutions/ko", "notebooks/ko"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            nb = json.loads(path.read_text(encoding="utf-8"))
            scope = "gan" if path.stem in GAN_LESSONS else "other"
            for i, cell in enumerate(nb["cells"]):
                yield f"{folder}/{path.name} cell {i}", scope, "".join(cell["source"])
    for name in i18n.catalog_modules():
        short = name.rsplit(".", 1)[1]
        scope = "gan" if short in GAN_CATALOGS else "other"
        for key, texts in importlib.import_module(name).MESSAGES.items():
            yield f"{short}.py {key}", scope, texts["ko"]
    # The README's English half holds no Hangul, and every pattern is Hangul.
    yield "README.md", "other", (ROOT / "README.md").read_text(encoding="utf-8")


def test_does_the_glossary_copy_match_the_course_design():
    if not DESIGN.exists():
        pytest.skip("the course design (../shared/DESIGN.md) is not beside this checkout")
    assert _terms() == _terms(DESIGN, "## Glossary")


def test_does_every_rule_catch_its_example_and_only_korean_text():
    for rule, instead, where, example in _rules():
        assert rule.search(example), (rule.pattern, example)
        assert not rule.search(instead), (rule.pattern, instead)
        assert where in ("all", "gan"), where
        assert re.search("[가-힣]", rule.pattern), rule.pattern


def test_has_every_never_or_not_in_the_glossary_a_rule():
    examples = [example for _, _, _, example in _rules()]
    variants = []
    for _, ko in _terms() + _terms(heading="## Terms chosen since the design"):
        variants += re.findall(r"(?:never|not) ([가-힣]+(?: [가-힣]+)?)", ko)
    assert variants  # the parsing found the glossary's "never 학습된 모델", "not 복원", ...
    for variant in variants:
        assert any(variant in example for example in examples), variant


# Lessons being rewritten, whose terms are pending (strict: the mark must go once they
# pass). None now.
PENDING: tuple = ()


def _sources():
    groups = {}
    for where, scope, text in _korean_texts():
        groups.setdefault(where.split(" ", 1)[0], []).append((where, scope, text))
    for source, texts in groups.items():
        pending = source.rsplit("/", 1)[-1] in PENDING
        marks = (
            pytest.mark.xfail(reason="pending the lesson's rewrite", strict=True) if pending else ()
        )
        yield pytest.param(texts, id=source, marks=marks)


@pytest.mark.parametrize("texts", list(_sources()))
def test_does_no_korean_text_use_a_forbidden_variant(texts):
    found = []
    rules = _rules()
    for where, scope, text in texts:
        for rule, instead, applies, _ in rules:
            if applies == "gan" and scope != "gan":
                continue
            for match in rule.finditer(text):
                around = text[max(0, match.start() - 20) : match.end() + 20]
                found.append(f"{where}: {match.group(0)!r} -> {instead}: …{around}…")
    assert not found, "\n".join(found)


def test_is_a_laptop_always_named_notebook_laptop_in_korean():
    # "노트북(랩톱)" wherever the English twin says laptop, so that 노트북 alone means a notebook file.
    found = []
    for name in i18n.catalog_modules():
        for key, texts in importlib.import_module(name).MESSAGES.items():
            if "laptop" in texts["en"].lower() and "랩톱" not in texts["ko"]:
                found.append(key)
    for path in sorted((ROOT / "solutions/en").glob("*.ipynb")):
        en = json.loads(path.read_text(encoding="utf-8"))["cells"]
        ko = json.loads((ROOT / "solutions/ko" / path.name).read_text(encoding="utf-8"))["cells"]
        for i, (a, b) in enumerate(zip(en, ko, strict=True)):
            if "laptop" in "".join(a["source"]).lower() and "랩톱" not in "".join(b["source"]):
                found.append(f"{path.name} cell {i}")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    korean, english = readme.split("\n## English", 1)
    if "laptop" in english.lower() and "랩톱" not in korean:
        found.append("README.md")
    assert not found
