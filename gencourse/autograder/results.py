"""One graded submission as Gradescope's ``results.json`` (strict JSON; the score is the tests' sum)."""

from __future__ import annotations

import json
import math

from gencourse.grade.book import error_text
from gencourse.i18n import t


def _finite(x) -> float:
    """A number Gradescope can read (a NaN or an infinity would make the file unreadable: 0)."""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return 0.0
    return x if math.isfinite(x) else 0.0


def results_json(result: dict, lang: str, boundary: str, seconds: float | None = None) -> str:
    """The ``results.json`` text for one grader result (:func:`gencourse.grade.grader.grade_one`).

    One test per exercise, in the notebook's order: its points, ``passed`` or
    ``failed``, and the verdict the local feedback gives, in ``lang`` (the
    student's notebook language): the same messages, so no hidden input and no
    hidden case's label. A submission that could not be graded (rejected, the
    grader's error) says why in each test and in the top-level output. The
    boundary the run had is said in the output and kept in ``extra_data``.

    Args:
        result: the grader's result dict.
        lang: ``"ko"`` or ``"en"``.
        boundary: one of :data:`gencourse.grade.fallback.BOUNDARIES`.
        seconds: the grading's wall time, if known.
    """
    why = error_text(result, lang)
    tests = []
    for number, e in enumerate(result["exercises"], start=1):
        score, possible = _finite(e["points"]), _finite(e["possible"])
        message = (e.get("message") or {}).get(lang, "") or why
        tests.append(
            {
                "name": e["name"],
                "number": str(number),
                "score": score,
                "max_score": possible,
                "status": "passed" if score >= possible else "failed",
                "output": message,
                "output_format": "text",
                "visibility": "visible",
            }
        )
    lines = [why] if why else []
    lines.append(t("gradescope.boundary", lang, boundary=boundary))
    return dump(tests, "\n".join(lines), result["status"], boundary, lang, seconds)


def failure_json(message: str, lang: str, boundary: str | None, names: list, points: list) -> str:
    """A ``results.json`` for a submission the grader could not grade: every exercise 0, and why."""
    tests = [
        {
            "name": name,
            "number": str(i),
            "score": 0.0,
            "max_score": _finite(p),
            "status": "failed",
            "output": message,
            "output_format": "text",
            "visibility": "visible",
        }
        for i, (name, p) in enumerate(zip(names, points, strict=True), start=1)
    ]
    return dump(tests, message, "rejected", boundary, lang, None)


def dump(tests, output, status, boundary, lang, seconds) -> str:
    """The file's text: the top-level score is the sum of the tests' scores, computed here."""
    data = {
        "score": sum(test["score"] for test in tests),
        "output": output,
        "output_format": "text",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
        "extra_data": {"status": status, "boundary": boundary, "lang": lang},
    }
    if seconds is not None:
        data["execution_time"] = int(round(_finite(seconds)))
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
