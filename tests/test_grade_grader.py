"""Does the grader judge what the sandbox brought back, in its own process, fairly and plainly?

gencourse.grade.grader, with two made-up exercises (``double``, 1 point, and
``half``, 2 points) registered for the test, answers recorded here as the
child would record them, and a stand-in for the sandbox: no learner process.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import numpy as np
import pytest

from gencourse import check, i18n
from gencourse.check.core import Case, Exercise, Mistake, Recorded, record
from gencourse.grade import grader
from gencourse.grade.grader import Context
from gencourse.grade.sandbox import ExerciseRun, Limits, Problem, RunReport
from gencourse.grade.submission import Cell, Submission

LESSON = "07_fake"


def _cases():
    return [
        Case("case.none", (np.array([1.0, 2.0]),)),
        Case("case.none", (np.array([[3.0, -1.0]]),)),
    ]


DOUBLE = Exercise(
    "double",
    "double(x)",
    lambda x: 2.0 * np.asarray(x),
    _cases,
    mistakes=[Mistake("hint.factor", lambda x: 3.0 * np.asarray(x))],
)
HALF = Exercise("half", "half(x)", lambda x: np.asarray(x) / 2.0, _cases, points=2.0)


@pytest.fixture(autouse=True)
def fake_exercises(monkeypatch):
    monkeypatch.setitem(check.EXERCISES, "double", DOUBLE)
    monkeypatch.setitem(check.EXERCISES, "half", HALF)


@pytest.fixture
def ctx():
    return Context(LESSON, ["double", "half"], Limits(cell_timeout=7))


def ran(ctx, name, fn, **extra):
    """The sandbox's record of ``fn`` on the exercise's cases, as the child makes it."""
    return ExerciseRun(name, "ran", [record(fn, c) for c in ctx.cases[name]], **extra)


def judged(ctx, name, run, cells=(), problems=(), cell_errors=None):
    sub = Submission(Path("x.ipynb"), "0" * 64, "en", LESSON, list(cells))
    report = RunReport({name: run}, cell_errors or {}, list(problems), b"", 0, 1, 0.0)
    return grader._exercise(name, run, ctx, sub, report)


def test_does_a_right_answer_earn_the_exercises_points_with_a_verdict_in_both_languages(ctx):
    entry, extra = judged(ctx, "half", ran(ctx, "half", lambda x: x / 2))
    assert (entry["points"], entry["possible"], entry["status"]) == (2.0, 2.0, "pass")
    assert (entry["cases_passed"], entry["cases"], entry["hint"]) == (2, 2, None)
    assert set(entry["message"]) == set(i18n.LANGUAGES) and extra == []


def test_does_a_known_mistake_earn_nothing_and_its_hint(ctx):
    entry, _ = judged(ctx, "double", ran(ctx, "double", lambda x: 3 * x))
    assert (entry["points"], entry["status"], entry["hint"]) == (0.0, "wrong_value", "hint.factor")
    assert i18n.t("hint.factor", "ko") in entry["message"]["ko"]


def test_does_a_function_right_on_one_case_of_two_earn_a_quarter(ctx):
    def first_only(x):
        return 2 * x if x.ndim == 1 else x

    entry, _ = judged(ctx, "double", ran(ctx, "double", first_only))
    assert (entry["points"], entry["cases_passed"]) == (0.25, 1)


@pytest.mark.parametrize(
    "extra, status, key",
    [
        ({"library": ["gencourse.models.vae.kl_divergence"]}, "library_call", "library"),
        ({"tampered": True}, "tampered", "tampered"),
    ],
)
def test_does_a_right_answer_that_calls_the_library_or_stops_the_watch_earn_nothing(
    ctx, extra, status, key
):
    entry, problems = judged(ctx, "double", ran(ctx, "double", lambda x: 2 * x, **extra))
    assert (entry["points"], entry["status"]) == (0.0, status)
    calls = extra.get("library", ["sys.setprofile"])[0]
    assert problems == [
        {"key": f"grade.problem.{key}", "values": {"name": "double", "calls": calls}}
    ]
    assert calls in entry["message"]["en"]


def test_is_a_record_list_that_does_not_fit_the_cases_a_crash_not_a_score(ctx):
    too_many = ExerciseRun("double", "ran", [Recorded("value", np.zeros(2))] * 3)
    entry, _ = judged(ctx, "double", too_many)
    assert (entry["points"], entry["status"]) == (0.0, "crash")


def test_does_an_uncallable_name_say_what_it_is(ctx):
    entry, _ = judged(ctx, "double", ExerciseRun("double", "not_callable", type_name="int"))
    assert entry["status"] == "not_callable" and "int" in entry["message"]["en"]


def test_does_a_missing_function_name_the_cells_that_should_have_defined_it(ctx):
    cells = [
        Cell(3, "def double(x):\n    while True: pass", "double", "stub"),
        Cell(5, "double = make_it()", None, None),
        Cell(6, "unrelated = 1", None, None),
    ]
    entry, _ = judged(
        ctx,
        "double",
        ExerciseRun("double", "missing"),
        cells,
        problems=[Problem("timeout", cell=3, detail={"seconds": 7})],
        cell_errors={5: "NameError", 6: "ValueError"},
    )
    text = entry["message"]["en"]
    assert text.startswith(i18n.t("grade.ex.not_defined", "en", name="double"))
    assert "cell 4: stopped at the time limit (7 s)" in text
    assert "Cell 6 (double = make_it()) raised NameError" in text and "ValueError" not in text
    alone, _ = judged(ctx, "double", ExerciseRun("double", "missing"))
    assert alone["message"]["en"] == i18n.t("grade.ex.missing", "en", name="double")


@pytest.mark.parametrize(
    "problem, status",
    [
        (Problem("timeout", exercise="double", detail={"seconds": 7}), "timeout"),
        (Problem("crash", exercise="double", detail={"code": "3"}), "crash"),
        (None, "startup"),
    ],
)
def test_does_a_function_cut_short_earn_nothing_and_say_why(ctx, problem, status):
    run = None if problem is None else ExerciseRun("double", "failed", problem=problem)
    entry, _ = judged(ctx, "double", run)
    assert (entry["points"], entry["status"]) == (0.0, status)
    assert entry["message"]["en"].startswith("❌ double")


# --- one submission, with a stand-in for the sandbox ------------------------------------


class FakeSandbox:
    """Returns ``REPORT`` and notes what it was asked to run."""

    report: RunReport
    asked: dict = {}

    def __init__(self, limits, lang, **options):
        FakeSandbox.asked = {"limits": limits, "lang": lang, **options}

    def run(self, cells, exercises, cases, all_exercises, packs=None):
        FakeSandbox.asked.update(cells=[c.index for c in cells], exercises=exercises, cases=cases)
        return FakeSandbox.report


def _submission(tmp_path, lang="ko"):
    nb = nbformat.v4.new_notebook()
    nb.metadata["gencourse"] = {"lang": lang, "lesson": LESSON}
    sources = [
        ("import numpy as np", None),
        ("def double(x):\n    return 2 * x", {"exercise": "double", "role": "stub"}),
        ("check.double(double)", {"exercise": "double", "role": "check"}),
        ("model.fit(x, epochs=30)", None),
        ("def half(x):\n    return np.asarray(x) / 2", {"exercise": "half", "role": "stub"}),
    ]
    nb.cells.append(nbformat.v4.new_markdown_cell("# A made-up lesson"))
    for source, meta in sources:
        cell = nbformat.v4.new_code_cell(source)
        if meta:
            cell.metadata["gencourse"] = meta
        nb.cells.append(cell)
    path = tmp_path / "student.ipynb"
    path.write_text(nbformat.writes(nb), encoding="utf-8")
    return path


def test_does_grade_one_run_only_the_planned_cells_and_total_the_points(ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(grader, "Sandbox", FakeSandbox)
    FakeSandbox.report = RunReport(
        {
            "double": ran(ctx, "double", lambda x: 2 * x),
            "half": ExerciseRun(
                "half", "failed", problem=Problem("memory", exercise="half", detail={"mb": 64})
            ),
        },
        {1: "ImportError", 4: "KeyError"},
        [
            Problem("memory", exercise="half", detail={"mb": 64}),
            Problem("timeout", cell=4, detail={"seconds": 7}),
        ],
        b"printed",
        0,
        2,
        1.0,
    )
    result, output = grader.grade_one(_submission(tmp_path), "student.ipynb", ctx)
    assert FakeSandbox.asked["cells"] == [1, 2, 5]  # no check cell, no training cell
    assert FakeSandbox.asked["lang"] == "ko" and FakeSandbox.asked["limits"] is ctx.limits
    assert FakeSandbox.asked["cases"] == ctx.case_inputs
    assert output == b"printed"
    assert (result["total"], result["possible"], result["percent"]) == (1.0, 3.0, 33.3)
    assert result["status"] == "incomplete" and result["lang"] == "ko"
    assert [p["key"] for p in result["problems"]] == [
        "grade.problem.cell.timeout",  # cells first, then exercises
        "grade.problem.exercise.memory",
    ]
    assert result["problems"][0]["values"] == {"cell": 5, "seconds": 7}
    # Cell errors are numbered from 1; a cell that a problem already names is not repeated.
    assert result["cell_errors"] == [
        {"cell": 2, "error": "ImportError", "first_line": "import numpy as np"}
    ]
    assert result["fingerprint"] == ctx.fingerprint()
    json.dumps(result)  # plain data, ready for results/


def test_is_a_submission_whose_process_never_started_an_error(ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(grader, "Sandbox", FakeSandbox)
    startup = Problem("startup", detail={"seconds": 180})
    FakeSandbox.report = RunReport({}, {}, [startup], b"", 0, 2, 1.0)
    result, _ = grader.grade_one(_submission(tmp_path, "en"), "student.ipynb", ctx)
    assert result["status"] == "error" and result["total"] == 0.0
    assert FakeSandbox.asked["lang"] == "en"


def test_is_an_unreadable_file_rejected_without_starting_a_sandbox(ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(grader, "Sandbox", None)  # calling it would fail the test
    path = tmp_path / "empty.ipynb"
    path.write_bytes(b"")
    result, output = grader.grade_one(path, "empty.ipynb", ctx)
    assert result["status"] == "rejected" and output == b""
    assert result["problems"] == [{"key": "grade.reject.empty", "values": {}}]
    assert result["sha256"] == grader.submission.sha256_of(b"")
    assert [(e["name"], e["points"], e["possible"]) for e in result["exercises"]] == [
        ("double", 0.0, 1.0),
        ("half", 0.0, 2.0),
    ]


# --- the batch's context and the small helpers ------------------------------------------


def test_does_the_fingerprint_change_with_what_decides_a_score_and_only_that():
    def fingerprint(**changes):
        settings = {"lesson": LESSON, "exercises": ["double"], "limits": Limits(), **changes}
        return Context(**settings).fingerprint()

    base = fingerprint()
    assert fingerprint() == base
    assert fingerprint(limits=Limits(startup_timeout=5)) == base  # how long a start may take
    assert fingerprint(limits=Limits(cell_timeout=5)) != base
    assert fingerprint(cells="all") != base
    assert fingerprint(exercises=["double", "half"]) != base
    assert fingerprint(lang="ko") == base  # the language of messages decides no score


def test_does_a_context_refuse_an_exercise_no_check_knows():
    with pytest.raises(ValueError, match="Unknown exercises \\['triple'\\]"):
        Context(LESSON, ["double", "triple"])


def test_are_problems_numbered_as_people_count_cells():
    entries = [
        grader.problem_entry(Problem("crash", cell=0, detail={"code": "SIGSEGV"})),
        grader.problem_entry(Problem("memory", exercise="half", detail={"mb": 64})),
        grader.problem_entry(Problem("output", detail={"cap_mb": 1.0})),
    ]
    assert entries == [
        {"key": "grade.problem.cell.crash", "values": {"cell": 1, "code": "SIGSEGV"}},
        {"key": "grade.problem.exercise.memory", "values": {"name": "half", "mb": 64}},
        {"key": "grade.problem.output", "values": {"cap_mb": 1.0}},
    ]
    for entry in entries:  # each reads as a sentence in both languages
        assert all(i18n.t(entry["key"], lang, **entry["values"]) for lang in i18n.LANGUAGES)


def test_is_a_cells_first_line_short_and_free_of_backticks():
    assert grader.first_line("\n\n  x = `1`  \ny = 2") == "x = '1'"
    long = grader.first_line("z = " + "1" * 100, width=20)
    assert len(long) == 20 and long.endswith("…")
    assert grader.first_line("   \n") == ""
