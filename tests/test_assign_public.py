"""Does a student's check cell say offline, from the public checks file alone, what the course's checks say?

gencourse.assign.public and .codec: the file's format, then its verdicts
compared with the real checks' on every exercise of the course (the right
answer, each known mistake, a wrong type, an error), then an instructor's
own exercise with hidden cases, and the ``check`` object of the notebooks.
"""

from __future__ import annotations

import copy

import nbformat
import numpy as np
import pytest

from gencourse import check, i18n, release
from gencourse.assign import codec, public, spec, template
from gencourse.assign.errors import ChecksError
from gencourse.check import core

# --- the format ---------------------------------------------------------------------------


def test_does_a_value_come_back_as_it_went_in_types_and_dtypes_included():
    value = (
        np.arange(6, dtype="int16").reshape(2, 3),
        [1.5, True, None, "x", 7],
        {"beta": 0.5, "n": np.float32(2.5), "inf": float("inf"), "big": np.float64(np.inf)},
        np.array([True, False]),
    )
    enc = codec.Encoder()
    node = enc.encode(value)
    doc, arrays = codec.read(codec.write({"node": node}, enc.arrays))
    back = codec.decode(doc["node"], arrays)
    assert isinstance(back, tuple) and isinstance(back[1], list)
    assert back[0].dtype == np.int16 and back[0].tolist() == [[0, 1, 2], [3, 4, 5]]
    assert back[1] == [1.5, True, None, "x", 7] and type(back[1][0]) is float
    assert type(back[2]["n"]) is np.float32 and back[2]["inf"] == np.inf
    assert type(back[2]["inf"]) is float and type(back[2]["big"]) is np.float64
    assert codec.digest(back) == codec.digest(copy.deepcopy(value))
    assert codec.digest((np.zeros(2),)) != codec.digest((np.zeros(2, "float32"),))
    assert codec.digest((np.zeros(2),)) != codec.digest((np.zeros((1, 2)),))


@pytest.mark.parametrize("value", [object(), np.array(["a"]), {1: 2}, 1j])
def test_is_a_value_the_format_cannot_hold_refused(value):
    with pytest.raises(codec.CodecError):
        codec.Encoder().encode(value)


# --- every exercise of the course, checked from a public file ----------------------------


@pytest.fixture(scope="module")
def every_exercise(tmp_path_factory):
    """An assignment whose checks file takes all of the course's exercises, and its public file."""
    folder = tmp_path_factory.mktemp("all") / "all"
    template.new_assignment(folder)
    (folder / "checks.py").write_text(
        "from gencourse import check\n\nEXERCISES = dict(check.EXERCISES)\n", encoding="utf-8"
    )
    nb = release.read(folder / "master.ipynb")
    nb.cells = nb.cells[:3]
    for name, ex in check.EXERCISES.items():
        solution = f"def {ex.signature}:\n    ### BEGIN SOLUTION\n    pass\n    ### END SOLUTION"
        nb.cells += [
            nbformat.v4.new_code_cell(solution),
            nbformat.v4.new_code_cell(f"check.{name}({name})"),
        ]
    release.write(nb, folder / "master.ipynb")
    path = folder.parent / "all.checks.npz"
    path.write_bytes(public.build(spec.load(folder), {}))
    return public.read_file(path)[1]


@pytest.mark.parametrize("name", sorted(check.EXERCISES))
def test_is_every_verdict_offline_the_same_as_the_courses_own_check(every_exercise, name):
    real, offline = check.EXERCISES[name], every_exercise[name]
    answers = [
        real.reference,
        *(m.fn for m in real.mistakes),
        lambda *a, **k: None,
        lambda *a, **k: 1 / 0,
    ]
    for fn in answers:
        for lang in i18n.LANGUAGES:
            assert core.evaluate(offline, fn).message(lang) == core.evaluate(real, fn).message(lang)
    assert core.evaluate(offline, real.reference).passed


# --- an instructor's own exercise ---------------------------------------------------------


@pytest.fixture
def example(tmp_path):
    template.new_assignment(tmp_path / "hw1", langs=("ko", "en"))
    return spec.load(tmp_path / "hw1")


def test_does_the_public_file_hold_the_public_cases_only(example):
    doc, arrays = codec.read(public.build(example, {}))
    (entry,) = doc["exercises"]
    assert len(entry["cases"]) == 3  # of five: two are hidden
    hidden = [c for c in example.exercises()["standardize"].make_cases() if c.hidden]
    assert len(hidden) == 2
    shapes = {arrays[c["args"]["t"][0]["a"]].shape for c in entry["cases"]}
    assert shapes == {(5, 3), (6, 1), (8, 2)}
    assert set(doc["texts"]) == {c["label"] for c in entry["cases"]} | set(entry["mistake_hints"])


def test_does_the_offline_check_name_the_instructors_mistakes_in_each_language(example, tmp_path):
    path = tmp_path / "hw1.checks.npz"
    path.write_bytes(public.build(example, {}))
    offline = public.read_file(path)[1]["standardize"]
    sample_std = core.evaluate(offline, lambda x: (x - x.mean(0)) / x.std(0, ddof=1))
    assert "n-1" in sample_std.message("en") and "표본 표준편차" in sample_std.message("ko")
    right = core.evaluate(offline, lambda x: (x - x.mean(0)) / x.std(0))
    assert right.passed and len(right.outcomes) == 3


def test_is_a_pack_students_cannot_import_refused_at_release(example):
    ex = example.exercises()["standardize"]
    example.exercises = lambda values=None: {
        "standardize": core.dataclasses.replace(ex, pack=lambda v: v)
    }
    with pytest.raises(ChecksError, match="not a function of the gencourse package") as info:
        public.build(example, {})
    assert info.value.stage == "pack"


def test_is_a_pack_of_the_course_carried_by_name():
    assert public._function_ref(core.part_array) == "gencourse.check.core:part_array"
    assert public._resolve("gencourse.check.core:part_array") is core.part_array
    assert public._function_ref(lambda v: v) is None
    with pytest.raises(ValueError, match="a function of gencourse"):
        public._resolve("os:system")  # an edited file cannot make a check cell run anything


# --- the check object of the notebooks -------------------------------------------------


def test_does_a_check_cell_run_from_the_public_file_beside_the_notebook(example, tmp_path, capsys):
    folder = tmp_path / "student"
    folder.mkdir()
    (folder / "hw1.checks.npz").write_bytes(public.build(example, {}))
    checks = public.Checks("hw1", folder)
    checks.standardize(lambda x: (x - x.mean(0)) / x.std(0))
    out = capsys.readouterr().out
    assert "3" in out and i18n.t("assign.public.note") in out
    with pytest.raises(core.CheckFailed):  # strict mode (the test suite's) fails as a check does
        checks.standardize(lambda x: x)
    assert sorted(dir(checks)) == ["standardize"]


def test_does_a_missing_public_file_say_where_to_put_it(tmp_path, capsys):
    checks = public.Checks("hw1", tmp_path)
    with pytest.raises(core.CheckFailed):
        checks.standardize(lambda x: x)
    assert "hw1.checks.npz" in capsys.readouterr().out


def test_does_the_instructors_master_run_every_case_hidden_ones_too(example, capsys):
    checks = public.Checks("hw1", example.folder)
    checks.standardize(lambda x: (x - x.mean(0)) / x.std(0))
    out = capsys.readouterr().out
    assert i18n.t("assign.public.instructor", name="hw1") in out
    assert i18n.t("check.pass", name="standardize", n=5) in out


@pytest.mark.parametrize("key", ["own.0123456789ab", "check.no_such_key", 3])
def test_is_a_verdict_key_the_course_does_not_have_refused_from_a_file(key):
    entry = {"name": "x", "signature": "x()", "rtol": 0, "atol": 0, "points": 1.0}
    entry.update(pack=None, mistake_hints=[], cases=[], wrong_value=key)
    with pytest.raises(ValueError, match="Unknown message key"):
        public.exercise_from(entry, {})
