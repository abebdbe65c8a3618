"""Do the gradebook and the feedback say what the results hold, in the reader's language, and no more?

gencourse.grade.book, on result dictionaries made here (the grader's form).
"""

from __future__ import annotations

import csv
import io
import json

from gencourse import i18n
from gencourse.grade import book

EXERCISES = ["double", "half"]


def entry(name, points, possible=1.0, status="pass", hint=None, message="verdict"):
    return {
        "name": name,
        "points": points,
        "possible": possible,
        "status": status,
        "cases_passed": 2 if status == "pass" else 0,
        "cases": 2,
        "hint": hint,
        "message": {"ko": f"{message} (ko)", "en": f"{message} (en)"},
    }


def result(submission="a.ipynb", status="ok", entries=None, problems=(), cell_errors=()):
    entries = entries or [entry("double", 1.0), entry("half", 0.5, 2.0, "wrong_value")]
    total = sum(e["points"] for e in entries)
    possible = sum(e["possible"] for e in entries)
    return {
        "submission": submission,
        "sha256": "0" * 64,
        "fingerprint": "f",
        "lang": "ko",
        "status": status,
        "problems": list(problems),
        "cell_errors": list(cell_errors),
        "exercises": entries,
        "total": total,
        "possible": possible,
        "percent": round(100 * total / possible, 1),
    }


TIMEOUT = {"key": "grade.problem.cell.timeout", "values": {"cell": 4, "seconds": 10}}
OUTPUT = {"key": "grade.problem.output", "values": {"cap_mb": 1}}


def test_is_a_submission_id_made_a_safe_file_name():
    assert book.safe_name("a/b.ipynb") == "a__b"
    assert book.safe_name("../x y.ipynb") == "__x_y"
    assert book.safe_name("a\nb.ipynb") == "a_b"
    assert book.safe_name("학생.ipynb") == "학생"
    assert book.safe_name(".ipynb") == "submission"


def test_does_the_csv_hold_one_row_per_submission_with_points_total_and_reasons():
    rows = list(
        csv.reader(
            io.StringIO(
                book.gradebook_csv(
                    [result(problems=[TIMEOUT, OUTPUT]), result("b.ipynb", "rejected")],
                    EXERCISES,
                    "en",
                )
            )
        )
    )
    assert rows[0] == [
        "submission",
        "lang",
        "double",
        "half",
        "total",
        "possible",
        "percent",
        "status",
        "error",
    ]
    assert rows[1][:8] == ["a.ipynb", "ko", "1", "0.5", "1.5", "3", "50.0", "ok"]
    assert rows[1][8] == (
        "cell 4: stopped at the time limit (10 s); "
        "output over 1 MB was discarded (no effect on the score)"
    )
    assert rows[2][0] == "b.ipynb" and rows[2][7] == "rejected" and len(rows) == 3


def test_does_the_csv_give_the_reasons_in_the_language_asked():
    text = book.gradebook_csv([result(problems=[TIMEOUT])], EXERCISES, "ko")
    assert i18n.t(TIMEOUT["key"], "ko", **TIMEOUT["values"]) in text


def test_does_the_json_gradebook_hold_each_exercise_and_the_problems_as_keys():
    meta = [{"name": "double", "points": 1.0}, {"name": "half", "points": 2.0}]
    text = book.gradebook_json([result(problems=[TIMEOUT])], "07_fake", meta, "ko")
    data = json.loads(text)
    assert data["lesson"] == "07_fake" and data["exercises"] == meta
    (row,) = data["submissions"]
    assert row["exercises"]["half"] == {
        "points": 0.5,
        "possible": 2.0,
        "status": "wrong_value",
        "cases_passed": 0,
        "cases": 2,
        "hint": None,
    }
    assert row["problems"] == [TIMEOUT] and "초" in row["error"]
    assert "초" in text  # Korean kept as text, not escaped
    assert "message" not in json.dumps(row)  # verdicts go to the feedback, not the gradebook


def test_does_feedback_show_the_score_a_verdict_per_exercise_and_what_happened():
    cell_error = {"cell": 3, "error": "NameError", "first_line": "x = y"}
    entries = [entry("double", 1.0), entry("half", 0.5, 2.0, "wrong_value"), entry("z", 0.0)]
    text = book.feedback(
        result(entries=entries, problems=[TIMEOUT], cell_errors=[cell_error]), "07_fake", "en"
    )
    assert text.startswith(i18n.t("grade.fb.title", "en", submission="a.ipynb", lesson="07_fake"))
    assert "**Score: 1.5 / 4 (37.5%)**" in text
    assert "| `double` | 1 / 1 | ✅ passed |" in text
    assert "| `half` | 0.5 / 2 | 🔶 partly right |" in text
    assert "| `z` | 0 / 1 | ❌ not passed |" in text
    assert "verdict (en)" in text and "verdict (ko)" not in text
    assert "- cell 4: stopped at the time limit (10 s)" in text
    assert "- Cell 3 (`x = y`) raised NameError." in text
    assert text.rstrip().endswith(i18n.t("grade.fb.how", "en").rstrip())


def test_does_feedback_on_a_rejected_file_give_only_the_reason():
    rejected = result(status="rejected", problems=[{"key": "grade.reject.empty", "values": {}}])
    text = book.feedback(rejected, "07_fake", "ko")
    reason = i18n.t("grade.reject.empty", "ko")
    assert i18n.t("grade.fb.rejected", "ko", reason=reason) in text
    assert "|" not in text and "verdict" not in text


def test_does_feedback_on_a_graders_failure_say_it_will_be_graded_again():
    failed = result(status="error", entries=[{**entry("double", 0.0), "message": None}])
    text = book.feedback(failed, "07_fake", "en")
    assert i18n.t("grade.fb.error", "en") in text and "Score" not in text


def test_is_the_same_result_written_the_same_byte_for_byte():
    results = [result(problems=[TIMEOUT]), result("b.ipynb")]
    assert book.gradebook_csv(results, EXERCISES, "en") == book.gradebook_csv(
        results, EXERCISES, "en"
    )
    assert book.feedback(results[0], "x", "ko") == book.feedback(results[0], "x", "ko")


def test_are_the_graders_messages_registered_in_the_shared_catalogue():
    # Both languages and the same placeholders: tests/test_i18n.py checks every key.
    import gencourse.i18n.catalog.grading  # noqa: F401  (was gencourse.grade.messages)

    assert len([k for k in i18n.all_keys() if k.startswith("grade.")]) > 30
