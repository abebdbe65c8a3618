"""Do the exports say what the gradebook says, in the forms an LMS and Gradescope take?

gencourse.grade.book's scores_csv and gradescope_json, on result dictionaries
in the grader's form made here: one ordinary, one rejected, one held up by
the instructor's checks, one whose file name a spreadsheet would run.
"""

from __future__ import annotations

import csv
import io
import json

from gencourse import i18n
from gencourse.grade import book

EXERCISES = ["double", "half"]


def entry(name, points, possible=1.0, status="pass", message="verdict"):
    return {
        "name": name,
        "points": points,
        "possible": possible,
        "status": status,
        "cases_passed": 0,
        "cases": 2,
        "hint": None,
        "message": {"ko": f"{message} (ko)", "en": f"{message} (en)"},
    }


def result(submission, entries, status="ok", problems=()):
    return {
        "submission": submission,
        "lang": "en",
        "status": status,
        "problems": list(problems),
        "cell_errors": [],
        "exercises": entries,
        "total": round(sum(e["points"] for e in entries), 4),
        "possible": sum(e["possible"] for e in entries),
        "percent": 0.0,
    }


RESULTS = [
    result("alice/hw1.ipynb", [entry("double", 1.0), entry("half", 0.25, 2.0, "wrong_value")]),
    result(
        "bob.ipynb",
        [entry("double", 0.0, status="rejected"), entry("half", 0.0, 2.0, "rejected")],
        "rejected",
        [{"key": "grade.reject.empty", "values": {}}],
    ),
    result("=cmd|calc.ipynb", [entry("double", 1.0), entry("half", 2.0, 2.0)]),
]


def test_is_the_scores_file_one_plain_row_per_student():
    text = book.scores_csv(RESULTS, EXERCISES, "hw1")
    assert text == (
        "student,double,half,total\n"
        "alice,1,0.25,1.25\n"
        "bob,0,0,0\n"
        "'=cmd|calc,1,2,3\n"  # a spreadsheet shows it as text, never runs it
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [float(r["total"]) for r in rows] == [1.25, 0.0, 3.0]


def test_is_the_gradescope_file_one_test_per_exercise_with_the_verdict():
    data = json.loads(book.gradescope_json(RESULTS[0], "ko"))
    assert data["score"] == 1.25 and data["output"] == "" and data["visibility"] == "visible"
    assert data["tests"] == [
        {"name": "double", "number": "1", "score": 1.0, "max_score": 1.0, "status": "passed",
         "output": "verdict (ko)", "visibility": "visible"},
        {"name": "half", "number": "2", "score": 0.25, "max_score": 2.0, "status": "failed",
         "output": "verdict (ko)", "visibility": "visible"},
    ]  # fmt: skip
    assert data["extra_data"] == {"submission": "alice/hw1.ipynb", "status": "ok"}


def test_does_a_rejected_submission_say_why_in_gradescopes_output():
    data = json.loads(book.gradescope_json(RESULTS[1], "en"))
    assert data["score"] == 0 and data["output"] == i18n.t("grade.reject.empty", "en")
    assert [t["status"] for t in data["tests"]] == ["failed", "failed"]


def test_does_the_feedback_say_not_graded_yet_where_the_checks_failed():
    held = result(
        "cho.ipynb",
        [entry("double", 1.0), entry("half", 0.0, 2.0, "checks_error", "pending")],
        "checks_error",
        [{"key": "assign.problem.checks", "values": {"where": "checks.py:3", "error": "E: x"}}],
    )
    text = book.feedback(held, "hw1", "en")
    assert f"| `half` | 0 / 2 | {i18n.t('assign.fb.pending', 'en')} |" in text
    assert "error in the instructor's checks file (checks.py:3): E: x" in text
    assert (
        book.gradebook_csv([held], EXERCISES, "en").splitlines()[1].split(",")[-2] == "checks_error"
    )
