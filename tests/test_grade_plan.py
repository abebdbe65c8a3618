"""Does the plan run what the exercise functions need, and nothing the grade does not depend on?

gencourse.grade.plan, on cells written here; nothing runs.
"""

from __future__ import annotations

import pytest

from gencourse.grade import plan
from gencourse.grade.submission import Cell


def _cells(*specs):
    return [Cell(i, src, ex, role) for i, (src, ex, role) in enumerate(specs)]


def _planned(cells, exercises, mode="needed"):
    return [c.index for c in plan.plan(cells, exercises, mode)]


def test_does_the_plan_keep_what_the_exercises_need_and_skip_the_rest():
    cells = _cells(
        ("import numpy as np\nimport keras", None, None),
        ("model = keras.Sequential()\nmodel.fit(x)", None, None),  # training: not needed
        ("def helper(a):\n    return np.square(a)", None, None),
        ("def f(a):\n    return helper(a) + SCALE", "f", "stub"),
        ("check.f(f)", "f", "check"),
        ("SCALE = 2\nnp.allclose = lambda *a: True", None, None),
        ("%time y = 1", None, None),  # a magic: names unknown, so it runs
        ("def broken(:", None, None),  # a syntax error defines nothing
        ("plt.plot(model.predict(x))", None, None),
    )
    assert [c.index for c in plan.plan(cells, ["f"])] == [0, 2, 3, 5, 6]
    assert [c.index for c in plan.plan(cells, ["f"], "all")] == [0, 1, 2, 3, 5, 6, 7, 8]


def test_does_a_cell_patching_a_needed_module_count_as_defining_it():
    names = plan.names("np.testing.assert_allclose = None\nx[0] = 1")
    assert {"np", "x"} <= names.defines
    assert plan.names("from numpy import *").opaque
    assert not plan.names("def f(z_mean):\n    return z_mean").uses & {"z_mean"}


def test_does_a_check_cell_never_run_even_when_it_defines_a_needed_name():
    cells = _cells(
        ("def f(a):\n    return a * K", "f", "stub"),
        ("K = 2\ncheck.f(f)", "f", "check"),
    )
    assert _planned(cells, ["f"]) == [0]
    assert _planned(cells, ["f"], "all") == [0]


def test_are_cells_whose_names_cannot_be_known_always_run():
    for source in ("exec('z = 1')", "globals()['z'] = 1", "get_ipython().run_line_magic('x', '')"):
        cells = _cells(("def f(a):\n    return a", "f", "stub"), (source, None, None))
        assert _planned(cells, ["f"]) == [0, 1], source


def test_does_the_plan_follow_needs_through_a_chain_of_cells_in_notebook_order():
    cells = _cells(
        ("def f(a):\n    return g(a)", "f", "stub"),  # g is defined below: run all, in order
        ("def g(a):\n    return h(a) + 1", None, None),
        ("def h(a):\n    return a", None, None),
        ("unrelated = 5", None, None),
    )
    assert _planned(cells, ["f"]) == [0, 1, 2]


def test_does_a_global_declared_in_a_function_count_as_defined_by_its_cell():
    names = plan.names("def setup():\n    global SCALE\n    SCALE = 3\nsetup()")
    assert "SCALE" in names.defines
    assert {"setup"} <= names.defines and "setup" in names.uses


def test_are_magics_read_as_python_calls():
    assert "get_ipython" in plan.python_source("%time y = 1")
    assert plan.python_source("x = 1") == "x = 1"
    assert not plan.names("def f(:").parsed


def test_are_an_exercises_defining_cells_those_with_its_metadata_or_its_name():
    cells = _cells(
        ("def f(a):\n    return a", "f", "stub"),
        ("check.f(f)", "f", "check"),
        ("f = lambda a: a", None, None),
        ("g = 1", None, None),
    )
    assert plan.defining_cells(cells, "f") == [0, 2]


def test_does_an_unknown_mode_raise():
    with pytest.raises(ValueError, match="mode must be 'needed' or 'all'"):
        plan.plan([], ["f"], "some")
