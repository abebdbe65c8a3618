"""Is an assignment graded by the course's grader, each student on their own cases, and is a buggy checks file the instructor's error?

gencourse.assign.grading with gencourse.grade.batch. The sandbox is stood in
for by running the planned cells in this process (the real one runs in
test_assign_e2e); everything else is the grader's own: the plan, the judging,
the gradebook, the feedback, the resume and the command's console lines.
"""

from __future__ import annotations

import csv
import json

import nbformat
import numpy as np
import pytest

from gencourse import cli, release
from gencourse.assign import grading, secret, spec, template
from gencourse.assign.errors import ChecksError
from gencourse.check import core
from gencourse.grade import batch, grader
from gencourse.grade.sandbox import ExerciseRun, RunReport

CHECKS = """import numpy as np

from gencourse.check import Case, Exercise, Variant


def _cases():
    rng = np.random.default_rng(3)
    return [
        Case({{"ko": "벡터", "en": "a vector"}}, (rng.normal(size=4),)),
        Case({{"ko": "행렬", "en": "a matrix"}}, (rng.normal(size=(2, 3)),), hidden=True),
    ]


def build(scale):
    return Exercise(
        "scaled",
        "scaled(x)",
        lambda x: x * {reference},
        _cases,
        describe_shape={describe},
    )


EXERCISES = {{"scaled": Variant(build, scale=[1.0, {second}])}}
"""
RIGHT = "def scaled(x):\n    return x * SCALE"


class InProcess:
    """Stands in for the sandbox: runs the planned cells here and records each function's answers."""

    def __init__(self, limits, lang, **options):
        pass

    def run(self, cells, exercises, cases, all_exercises, packs=None):
        namespace = {}
        for cell in cells:
            exec(cell.source, namespace)
        runs = {}
        for name in exercises:
            fn = namespace[name]
            records = [
                core.record(fn, core.Case(label, args, kwargs))
                for label, args, kwargs in cases[name]
            ]
            runs[name] = ExerciseRun(name, "ran", records)
        return RunReport(runs, {}, [], b"", 0, 1, 0.0)


def _folder(tmp_path, reference="scale", second="2.0", describe="None"):
    folder = tmp_path / "hw1"
    if not folder.exists():
        template.new_assignment(folder)
        nb = release.read(folder / "master.ipynb")
        nb.cells = nb.cells[:3] + [
            nbformat.v4.new_code_cell("### BEGIN VALUES\nscale = 1.0\n### END VALUES"),
            nbformat.v4.new_code_cell(
                "def scaled(x):\n    ### BEGIN SOLUTION\n    return x * scale\n    ### END SOLUTION"
            ),
            nbformat.v4.new_code_cell("check.scaled(scaled)"),
        ]
        release.write(nb, folder / "master.ipynb")
    (folder / "checks.py").write_text(
        CHECKS.format(reference=reference, second=second, describe=describe), encoding="utf-8"
    )
    return folder


def _submissions(tmp_path, answers: dict):
    """One notebook per student: ``SCALE = <their value>`` and their ``scaled``."""
    subs = tmp_path / "subs"
    for student, (scale, code) in answers.items():
        nb = nbformat.v4.new_notebook()
        nb.metadata["gencourse"] = {"lang": "en", "lesson": "hw1"}
        stub = nbformat.v4.new_code_cell(code)
        stub.metadata["gencourse"] = {"exercise": "scaled", "role": "stub"}
        nb.cells = [nbformat.v4.new_code_cell(f"SCALE = {scale!r}"), stub]
        release.write(nb, subs / f"{student}.ipynb")
    return subs


def _secret_where(folder, wanted: dict) -> None:
    """Writes a secret under which each student in ``wanted`` gets the scale given (found by trying)."""
    variants = spec.load(folder).variants
    for value in range(5000):
        if all(secret.student_values(variants, value, s)["scale"] == v for s, v in wanted.items()):
            (folder / "secret").write_text(f"{value}\n")
            return
    raise AssertionError(f"no secret gives {wanted}")


@pytest.fixture(autouse=True)
def in_process(monkeypatch):
    monkeypatch.setattr(grader, "Sandbox", InProcess)


def _grade(folder, subs, out, **options):
    return batch.grade_batch(
        [subs],
        None,
        out,
        judge=grading.judge(folder),
        sandbox=False,
        workers=1,
        say=lambda s: None,
        **options,
    )


def _command(subs, folder, out) -> int:
    """``gencourse grade SUBS --assignment FOLDER --out OUT`` (without bubblewrap: stood in for)."""
    argv = ["grade", str(subs), "--assignment", str(folder), "--out", str(out)]
    return cli.main([*argv, "--no-sandbox", "--lang", "en"])


def _rows(out):
    return list(csv.DictReader((out / "gradebook.csv").read_text(encoding="utf-8").splitlines()))


def test_is_each_student_graded_on_their_own_values_and_cases(tmp_path):
    folder = _folder(tmp_path)
    _secret_where(folder, {"ann": 1.0, "ben": 2.0, "cho_copied_ann": 2.0})
    subs = _submissions(
        tmp_path, {"ann": (1.0, RIGHT), "ben": (2.0, RIGHT), "cho_copied_ann": (1.0, RIGHT)}
    )
    copied = release.read(subs / "cho_copied_ann.ipynb")
    copied.metadata["gencourse"]["student"] = "ann"  # as ann's own release wrote it
    release.write(copied, subs / "cho_copied_ann.ipynb")
    done = _grade(folder, subs, tmp_path / "out")
    rows = _rows(tmp_path / "out")
    got = {r["submission"]: (r["scaled"], r["status"], r["error"]) for r in rows}
    assert got["ann.ipynb"] == ("1", "ok", "") and got["ben.ipynb"] == ("1", "ok", "")
    # cho handed in ann's notebook, SCALE = 1.0 and all: cho's own scale is 2.0.
    assert got["cho_copied_ann.ipynb"] == (
        "0",
        "ok",
        "this notebook was released to student ann but handed in as cho_copied_ann's",
    )
    assert done.checks_errors == []
    own = grading.Grading(folder, 99)
    ann, ann_in_a_folder = own.judging("ann.ipynb"), own.judging("ann/hw1.ipynb")
    first = ann.cases["scaled"][0].args[0]
    assert np.array_equal(first, ann_in_a_folder.cases["scaled"][0].args[0])  # one student
    other = own.judging("ben.ipynb").cases["scaled"][0].args[0]
    assert not np.array_equal(first, other)
    assert len(ann.cases["scaled"]) == 2  # the hidden case too


def test_does_an_error_on_the_batchs_cases_stop_grading_before_any_student(
    tmp_path, capsys, monkeypatch
):
    folder = _folder(tmp_path, reference="scale * (1 / 0)")
    subs = _submissions(tmp_path, {"ann": (1.0, RIGHT)})
    with pytest.raises(ChecksError) as info:
        _grade(folder, subs, tmp_path / "out")
    assert (info.value.stage, info.value.line) == ("reference", 18)  # the lambda's line
    assert list((tmp_path / "out" / "results").iterdir()) == []
    folder = _folder(tmp_path, reference="scale + x[7]")
    monkeypatch.setenv("GENCOURSE_LANG", "en")
    code = _command(subs, folder, tmp_path / "o2")
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(
        "Grading did not start; fix the instructor's checks file first:"
    )
    assert f"{folder / 'checks.py'}:18, while computing a reference answer): IndexError" in err
    assert not (tmp_path / "o2" / "gradebook.csv").exists()


def test_is_an_error_for_some_students_values_theirs_pending_and_told_once(tmp_path, capsys):
    folder = _folder(tmp_path, reference="(1 / scale)", second="0.0")  # 1 / 0 for scale 0
    _secret_where(folder, {"ann": 1.0, "ben": 0.0, "cho": 0.0})
    subs = _submissions(
        tmp_path,
        {
            "ann": (1.0, "def scaled(x):\n    return x / SCALE"),
            "ben": (0.0, RIGHT),
            "cho": (0.0, RIGHT),
        },
    )
    out = tmp_path / "out"
    code = _command(subs, folder, out)
    said = capsys.readouterr().out
    assert code == 1 and said.count("An error in the instructor's checks file") == 1
    assert "kept 2 submissions from being graded" in said
    assert f"{folder / 'checks.py'}:18" in said and "ZeroDivisionError" in said
    got = {r["submission"]: (r["scaled"], r["status"]) for r in _rows(out)}
    assert got == {
        "ann.ipynb": ("1", "ok"),
        "ben.ipynb": ("0", "checks_error"),
        "cho.ipynb": ("0", "checks_error"),
    }
    feedback = (out / "feedback" / "ben.md").read_text(encoding="utf-8")
    assert "not graded yet" in feedback and "❌" not in feedback
    result = json.loads((out / "results" / "ben.json").read_text(encoding="utf-8"))
    assert result["exercises"][0]["checks_error"]["stage"] == "reference"
    again = _grade(folder, subs, out)
    assert again.reused == 1 and len(again.checks_errors) == 1  # the pending ones are graded again
    _folder(tmp_path, reference="(1 / scale)", second="0.5")  # the instructor's fix
    fixed = _grade(folder, subs, out)
    assert fixed.reused == 0 and fixed.checks_errors == []  # a changed checks file: all again
    assert {r["status"] for r in _rows(out)} == {"ok"}


def test_does_an_error_while_judging_an_answer_blame_the_checks_not_the_student(tmp_path):
    folder = _folder(tmp_path, describe="lambda expected, got: 1 / 0")
    _secret_where(folder, {"ann": 1.0, "ben": 1.0})
    wrong_shape = "def scaled(x):\n    return np.zeros(99)\n\nimport numpy as np"
    subs = _submissions(tmp_path, {"ann": (1.0, RIGHT), "ben": (1.0, wrong_shape)})
    done = _grade(folder, subs, tmp_path / "out")
    rows = {r["submission"]: r for r in _rows(tmp_path / "out")}
    assert (rows["ann.ipynb"]["status"], rows["ben.ipynb"]["status"]) == ("ok", "checks_error")
    assert "error in the instructor's checks file" in rows["ben.ipynb"]["error"]
    ((item),) = done.checks_errors
    assert item["submissions"] == ["ben.ipynb"] and item["error"]["line"] == 20


def test_does_the_fingerprint_follow_the_checks_file(tmp_path):
    folder = _folder(tmp_path)
    first = grading.Grading(folder, 1).fingerprint()
    assert grading.Grading(folder, 1).fingerprint() == first
    _folder(tmp_path, second="3.0")
    assert grading.Grading(folder, 1).fingerprint() != first
