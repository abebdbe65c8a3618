"""Does an assignment folder load as its master and checks file declare it, and are its errors the instructor's?

gencourse.assign.spec (and .errors) on folders made here: the worked example
of ``new-assignment``, then checks files written to break one rule each.
"""

from __future__ import annotations

import nbformat
import pytest

from gencourse import check, release
from gencourse.assign import spec, template
from gencourse.assign.errors import ChecksError
from gencourse.assign.spec import AssignmentError
from gencourse.check import Exercise, Variant

GOOD = """import numpy as np

from gencourse.check import Case, Exercise


def _cases():
    rng = np.random.default_rng(1)
    return [Case({"ko": "행렬", "en": "a matrix"}, (rng.normal(size=(3, 2)),))]


EXERCISES = {
    "standardize": Exercise("standardize", "standardize(x)", lambda x: x, _cases),
}
"""


@pytest.fixture
def folder(tmp_path):
    template.new_assignment(tmp_path / "hw1")
    return tmp_path / "hw1"


def _checks(folder, source):
    (folder / "checks.py").write_text(source, encoding="utf-8")


def test_does_the_worked_example_load_with_its_exercise_and_master(folder):
    assignment = spec.load(folder)
    assert assignment.name == "hw1" and assignment.names == ["standardize"]
    assert set(assignment.masters) == {"en"}
    assert isinstance(assignment.entries["standardize"], Exercise)
    cases = spec.checked_cases(assignment, assignment.exercises()["standardize"])
    assert [c.hidden for c in cases] == [False, False, False, True, True]


def test_are_the_course_s_own_exercises_declared_in_the_same_form(folder):
    # The built-in lesson modules are the form's first users: a checks file may take them as they are.
    _checks(folder, "from gencourse.check import vae\n\nEXERCISES = dict(vae.EXERCISES)\n")
    nb = release.read(folder / "master.ipynb")
    nb.cells = [c for c in nb.cells if "standardize" not in c.source]
    nb.cells += [
        nbformat.v4.new_code_cell(
            "def kl_divergence(z_mean, z_log_var):\n    ### BEGIN SOLUTION\n    return 0\n"
            "    ### END SOLUTION"
        )
        for _ in range(1)
    ]
    nb.cells.append(nbformat.v4.new_code_cell("check.kl_divergence(kl_divergence)"))
    release.write(nb, folder / "master.ipynb")
    with pytest.raises(ChecksError, match=r"no cell of the master defines \['reparameterize'"):
        spec.load(folder)  # the lesson has three; the master keeps one
    _checks(folder, "from gencourse.check import vae\n\nEXERCISES = [vae.KL_DIVERGENCE]\n")
    assignment = spec.load(folder)
    assert assignment.entries["kl_divergence"] is check.EXERCISES["kl_divergence"]


def test_does_an_error_at_import_name_the_checks_file_and_its_line(folder):
    _checks(folder, "import numpy as np\n\n\nx = 1 / 0\n")
    with pytest.raises(ChecksError) as info:
        spec.load(folder)
    error = info.value
    assert (error.stage, error.line, error.error) == (
        "load",
        4,
        "ZeroDivisionError: division by zero",
    )
    assert error.message("en") == (
        f"Error in the instructor's checks file ({folder / 'checks.py'}:4, while importing it): "
        "ZeroDivisionError: division by zero"
    )
    assert "4" in error.message("ko") and "불러오는 중" in error.message("ko")
    _checks(folder, "def broken(:\n    pass\n")
    with pytest.raises(ChecksError) as info:
        spec.load(folder)
    assert (info.value.line, info.value.error.split(":")[0]) == (1, "SyntaxError")


@pytest.mark.parametrize(
    "source, match",
    [
        ("X = 1\n", "EXERCISES is missing"),
        ("EXERCISES = {}\n", "EXERCISES is empty"),
        ("EXERCISES = {'standardize': 3}\n", "is a int, not an Exercise"),
        (
            GOOD.replace('"standardize": Exercise', '"other": Exercise'),
            "holds exercise 'standardize'",
        ),
    ],
)
def test_is_a_malformed_exercises_declaration_refused(folder, source, match):
    _checks(folder, source)
    with pytest.raises(ChecksError, match=match) as info:
        spec.load(folder)
    assert info.value.stage == "exercises"


def test_must_the_masters_exercises_and_the_checks_files_be_the_same(folder):
    renamed = GOOD.replace(
        '"standardize": Exercise("standardize", "standardize(x)"',
        '"scale": Exercise("scale", "scale(x)"',
    )
    _checks(folder, renamed)
    with pytest.raises(ChecksError, match=r"\['standardize'\] that EXERCISES does not") as info:
        spec.load(folder)
    assert (info.value.stage, info.value.exercise) == ("master", "standardize")
    nb = release.read(folder / "master.ipynb")
    nb.cells = [c for c in nb.cells if "standardize" not in c.source]
    release.write(nb, folder / "master.ipynb")
    with pytest.raises(ChecksError, match=r"no cell of the master defines \['scale'\]") as info:
        spec.load(folder)
    assert (info.value.stage, info.value.exercise) == ("master", "scale")


def test_does_a_master_without_the_loader_line_say_which_line_it_needs(folder):
    nb = release.read(folder / "master.ipynb")
    nb.cells = [c for c in nb.cells if "assign.checks" not in c.source]
    release.write(nb, folder / "master.ipynb")
    with pytest.raises(AssignmentError) as info:
        spec.load(folder)
    assert info.value.key == "assign.error.no_loader"
    assert info.value.values["line"] == 'check = assign.checks("hw1")'


@pytest.mark.parametrize(
    "setup, key",
    [
        (lambda f: (f / "checks.py").unlink(), "assign.error.no_checks"),
        (lambda f: (f / "master.ipynb").unlink(), "assign.error.no_master"),
        (lambda f: (f / "master.ipynb").rename(f / "master.ko.ipynb"), "assign.error.master_lang"),
    ],
)
def test_is_a_folder_missing_a_part_refused_with_the_rule_it_breaks(folder, setup, key):
    setup(folder)
    with pytest.raises(AssignmentError) as info:
        spec.load(folder)
    assert info.value.key == key


def test_are_exercise_cells_without_metadata_found_by_their_markers_and_calls():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION"
        ),
        nbformat.v4.new_code_cell("check.f(f)"),
        nbformat.v4.new_code_cell("def f(x):\n    return x"),  # no markers: the learner's own
        nbformat.v4.new_code_cell(
            "def g(x):\n    ### BEGIN SOLUTION\n    pass\n    ### END SOLUTION"
        ),
    ]
    nb.cells[3].metadata["gencourse"] = {"exercise": "g", "role": "solution"}
    spec.mark_cells(nb, ["f", "g"])
    assert [release.gc_meta(c) for c in nb.cells] == [
        {"exercise": "f", "role": "solution"},
        {"exercise": "f", "role": "check"},
        {},
        {"exercise": "g", "role": "solution"},
    ]


def test_does_a_reference_that_fails_on_a_case_name_its_line(folder):
    _checks(
        folder,
        GOOD.replace("lambda x: x,", "lambda x: x / 0 if x.shape[0] == 3 else x,").replace(
            "lambda x: x / 0", "lambda x: x[9]"
        ),
    )
    assignment = spec.load(folder)
    with pytest.raises(ChecksError) as info:
        spec.checked_cases(assignment, assignment.exercises()["standardize"])
    error = info.value
    assert (error.stage, error.exercise, error.line) == ("reference", "standardize", 12)
    assert error.error.startswith("IndexError")


def test_does_a_case_naming_an_unknown_message_fail_before_any_verdict(folder):
    _checks(folder, GOOD.replace('{"ko": "행렬", "en": "a matrix"}', '"case.no_such_case"'))
    assignment = spec.load(folder)
    with pytest.raises(ChecksError, match="no message 'case.no_such_case'") as info:
        spec.checked_cases(assignment, assignment.exercises()["standardize"])
    assert info.value.stage == "messages"


def test_does_a_variant_give_each_student_their_values_and_build_their_exercise(folder):
    _checks(
        folder,
        GOOD.replace(
            'EXERCISES = {\n    "standardize": Exercise("standardize", "standardize(x)", lambda x: x, _cases),\n}',
            "from gencourse.check import Variant\n\n\ndef build(scale):\n"
            '    return Exercise("standardize", "standardize(x)", lambda x: scale * x, _cases)\n\n\n'
            'EXERCISES = {"standardize": Variant(build, scale=[2, 3, 5, 7])}',
        ),
    )
    assignment = spec.load(folder)
    assert isinstance(assignment.entries["standardize"], Variant)
    assert assignment.values_for(None) == {"scale": 2}
    drawn = {s: assignment.values_for(s)["scale"] for s in ("ann", "ben", "cho", "dan", "eve")}
    assert set(drawn.values()) <= {2, 3, 5, 7} and len(set(drawn.values())) > 1
    assert drawn == {s: assignment.values_for(s)["scale"] for s in drawn}  # the same each time
    x = __import__("numpy").ones(2)
    ex = assignment.exercises({"scale": 5})["standardize"]
    assert ex.reference(x).tolist() == [5.0, 5.0]
