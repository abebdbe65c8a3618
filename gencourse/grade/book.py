"""The gradebook (CSV, JSON), the exports and one feedback file per student, as text (batch.py writes them).

The exports are the two forms instructors upload most: :func:`scores_csv`
(one plain row per student: id, each exercise's points, total; a script
turns it into any LMS import) and :func:`gradescope_json` (Gradescope's
autograder ``results.json``, one per submission).

Rows are sorted by submission and hold no timestamps, so grading the same
folder twice gives the same files byte for byte. Feedback says which
exercises passed and names the kind of mistake of the others (the checks'
own hints); it never shows a reference answer.

Submission names are the students' own file names, so they are untrusted:
on the console their control characters are escaped, and every text cell of
every CSV this package writes goes through :func:`csv_cell`: no control
character survives (CR, LF, tab, NUL, the other C0 and C1 controls and
Unicode's line and paragraph separators become a space), and a cell that a
spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@`` first, also
in any part after a ``;``, which a spreadsheet may split on) gets a leading
apostrophe in that part.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

from gencourse.grade.fallback import USER
from gencourse.i18n import t


def safe_name(submission: str) -> str:
    """A file name for a submission id (``a/b.ipynb`` -> ``a__b``)."""
    stem = submission[:-6] if submission.endswith(".ipynb") else submission
    return re.sub(r"[^\w.-]+", "_", stem.replace("/", "__")).strip(".") or "submission"


def console_name(text: str) -> str:
    """A name for the console: control and format characters (ANSI escapes, RTL marks) escaped."""
    out = []
    for char in str(text):
        if unicodedata.category(char)[0] == "C" or char == "\\":
            code = ord(char)
            out.append(
                f"\\x{code:02x}"
                if code < 0x100
                else f"\\u{code:04x}"
                if code < 0x10000
                else f"\\U{code:08x}"
            )
        else:
            out.append(char)
    return "".join(out)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")
# Every control and separator a CSV reader or a spreadsheet could split a row or a cell on.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def csv_cell(text: str) -> str:
    """A text cell a spreadsheet shows as one text cell (see the module's docstring)."""
    text = _CONTROL.sub(" ", str(text))
    return ";".join(
        "'" + part if part.lstrip(" ").startswith(_FORMULA) else part for part in text.split(";")
    )


def _num(x: float) -> str:
    return f"{round(float(x), 4):g}"


def error_text(result: dict, lang: str) -> str:
    return "; ".join(t(p["key"], lang, **p["values"]) for p in result["problems"])


def gradebook_csv(results: list[dict], exercises: list[str], lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # Rows graded without bubblewrap (--no-sandbox, or a user of their own) say so in a column.
    unsandboxed = any(r.get("sandboxed") is False or r.get("boundary") == USER for r in results)
    header = ["submission", "lang", *exercises, "total", "possible", "percent", "status", "error"]
    writer.writerow(header + (["sandbox"] if unsandboxed else []))
    for r in results:
        points = {e["name"]: e["points"] for e in r["exercises"]}
        row = [
            csv_cell(r["submission"]),
            csv_cell(r["lang"] or ""),
            *(_num(points.get(n, 0.0)) for n in exercises),
            _num(r["total"]),
            _num(r["possible"]),
            f"{r['percent']:.1f}",
            csv_cell(r["status"]),
            csv_cell(error_text(r, lang)),
        ]
        if unsandboxed:
            kept = "no" if r.get("sandboxed") is False else "yes"
            row.append("user" if r.get("boundary") == USER else kept)
        writer.writerow(row)
    return buffer.getvalue()


def student_id(submission: str, lesson: str) -> str:
    """The student a submission id names: ``alice.ipynb`` and ``alice/hw1.ipynb`` are ``alice``.

    The id without ``.ipynb`` and without a last part named after the lesson
    or assignment (a folder per student holding the released file's name).
    """
    stem = submission[:-6] if submission.endswith(".ipynb") else submission
    parts = stem.split("/")
    if len(parts) > 1 and parts[-1] == lesson:
        parts = parts[:-1]
    return "/".join(parts)


def scores_csv(results: list[dict], exercises: list[str], lesson: str) -> str:
    """One row per student: ``student``, each exercise's points, ``total`` (numbers only)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", *exercises, "total"])
    for r in results:
        points = {e["name"]: e["points"] for e in r["exercises"]}
        writer.writerow(
            [
                csv_cell(student_id(r["submission"], lesson)),
                *(_num(points.get(n, 0.0)) for n in exercises),
                _num(r["total"]),
            ]
        )
    return buffer.getvalue()


def gradescope_json(result: dict, lang: str) -> str:
    """Gradescope's autograder ``results.json`` for one submission, its texts in ``lang``.

    One test per exercise (its points, ``passed`` or ``failed``, the verdict
    as its output); the whole submission's problems, if any, as the output.
    """
    tests = []
    for number, e in enumerate(result["exercises"], start=1):
        tests.append(
            {
                "name": e["name"],
                "number": str(number),
                "score": e["points"],
                "max_score": e["possible"],
                "status": "passed" if e["points"] >= e["possible"] else "failed",
                "output": (e.get("message") or {}).get(lang, ""),
                "visibility": "visible",
            }
        )
    data = {
        "score": result["total"],
        "output": error_text(result, lang),
        "visibility": "visible",
        "tests": tests,
        "extra_data": {"submission": result["submission"], "status": result["status"]},
    }
    if result.get("boundary"):  # which sandbox boundary held (gencourse.grade.fallback)
        data["extra_data"]["boundary"] = result["boundary"]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def gradebook_json(
    results: list[dict], lesson: str, exercises: list[dict], lang: str, promises: dict | None = None
) -> str:
    """The JSON gradebook; ``promises`` (sandboxed, cells) says what the grading guaranteed."""
    rows = []
    for r in results:
        rows.append(
            {
                "submission": r["submission"],
                "lang": r["lang"],
                "exercises": {
                    e["name"]: {
                        "points": e["points"],
                        "possible": e["possible"],
                        "status": e["status"],
                        "cases_passed": e["cases_passed"],
                        "cases": e["cases"],
                        "hint": e["hint"],
                    }
                    for e in r["exercises"]
                },
                "total": r["total"],
                "possible": r["possible"],
                "percent": r["percent"],
                "status": r["status"],
                "error": error_text(r, lang),
                "problems": r["problems"],
                "sandboxed": r.get("sandboxed", True),
                "boundary": r.get("boundary"),
            }
        )
    book = {"lesson": lesson, "exercises": exercises}
    if promises is not None:
        book["grading"] = {
            **promises,
            "notes": [t(key, lang) for key in _promise_notes(promises)],
        }
    book["submissions"] = rows
    return json.dumps(book, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _promise_notes(promises: dict) -> list[str]:
    """Message keys for what this grading could not promise (no sandbox, the library inside)."""
    notes = []
    if not promises.get("sandboxed", True):
        notes.append("grade.note.unsandboxed")
    if promises.get("boundary") == USER:
        notes.append("grade.note.user_boundary")
    if promises.get("cells") == "all":
        notes.append("grade.note.cells_all")
    held = promises.get("limits") or {}  # which limits held (gencourse.grade.limits.held)
    if promises.get("sandboxed", True):
        if held.get("memory") == "per-process":
            notes.append("grade.note.memory_per_process")
        if held.get("processes") == "shared":
            notes.append("grade.note.processes_shared")
        if held.get("files") == "host disk":
            notes.append("grade.note.files_host")
    return notes


def feedback(result: dict, lesson: str, lang: str) -> str:
    """The Markdown feedback for one student, in ``lang``."""
    lines = [
        t("grade.fb.title", lang, submission=result["submission"], lesson=lesson),
        "",
    ]
    if result["status"] in ("rejected",):
        reason = error_text(result, lang)
        lines += [t("grade.fb.rejected", lang, reason=reason), ""]
        return "\n".join(lines)
    if result["status"] == "error" and not any(e.get("message") for e in result["exercises"]):
        lines += [t("grade.fb.error", lang), ""]
        return "\n".join(lines)
    lines += [
        t(
            "grade.fb.score",
            lang,
            total=result["total"],
            possible=result["possible"],
            percent=result["percent"],
        ),
        "",
        f"| {t('grade.fb.col.exercise', lang)} | {t('grade.fb.col.points', lang)} | {t('grade.fb.col.result', lang)} |",
        "| --- | --- | --- |",
    ]
    for e in result["exercises"]:
        if e.get("status") == "checks_error":
            verdict = t("assign.fb.pending", lang)
        elif e["points"] >= e["possible"]:
            verdict = t("grade.fb.passed", lang)
        elif e["points"] > 0:
            verdict = t("grade.fb.partial", lang)
        else:
            verdict = t("grade.fb.failed", lang)
        lines.append(f"| `{e['name']}` | {_num(e['points'])} / {_num(e['possible'])} | {verdict} |")
    lines += ["", t("grade.fb.details", lang), ""]
    for e in result["exercises"]:
        message = (e.get("message") or {}).get(lang, "")
        lines += [f"### `{e['name']}`", "", "```text", message, "```", ""]
    notes = [t(p["key"], lang, **p["values"]) for p in result["problems"]]
    notes += [
        t(
            "grade.fb.cell_error",
            lang,
            cell=c["cell"],
            first_line=f"`{c['first_line']}`",
            error=c["error"],
        )
        for c in result["cell_errors"]
    ]
    if notes:
        lines += [t("grade.fb.problems", lang), ""]
        lines += [f"- {note}" for note in notes]
        lines.append("")
    lines += ["---", "", t("grade.fb.how", lang), ""]
    return "\n".join(lines)
