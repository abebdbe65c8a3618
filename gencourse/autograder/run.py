"""``run_autograder``: grades one Gradescope submission with the course's grader, writes ``results.json``.

Inside Gradescope's container (or any folder laid out like it: the root is
``--root``, else ``$GENCOURSE_AUTOGRADER_ROOT``, else ``/autograder``)::

    source/                    the unpacked zip (gencourse.autograder.build)
    submission/                what the student uploaded
    submission_metadata.json   who submitted (users[0]), when, for which assignment
    results/results.json       written here

The submission's notebook is graded by
:func:`gencourse.grade.batch.grade_batch`, as ``gencourse grade`` grades
it: the same limits, plan, sandbox, checks and messages. Before anything
of the learner's runs, the zip's folder (seed, checks, secret), the
results folder, the metadata and the submission folder are closed to
everybody but root. The boundary is bubblewrap where it can start; else,
for a root grader, a user of its own per run
(:mod:`gencourse.grade.fallback`); a grader that has neither refuses,
unless ``GENCOURSE_AUTOGRADER_NO_SANDBOX=1`` says to grade without one.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from gencourse.autograder.build import CONFIG
from gencourse.autograder.results import failure_json, results_json
from gencourse.grade import fallback, jail, secretfile
from gencourse.grade.limits import Limits
from gencourse.i18n import t

DEFAULT_ROOT = "/autograder"


def autograder_root(given: str | None = None) -> Path:
    return Path(given or os.environ.get("GENCOURSE_AUTOGRADER_ROOT") or DEFAULT_ROOT)


def boundary() -> str | None:
    """The strongest boundary this container allows (None: none, and no leave to grade without)."""
    try:
        jail.check_available()
        return fallback.BUBBLEWRAP
    except jail.Unavailable:
        pass
    if fallback.possible() and not fallback.unreachable():
        return fallback.USER
    if os.environ.get("GENCOURSE_AUTOGRADER_NO_SANDBOX") == "1":
        return fallback.NONE
    return None


def student_of(metadata: Path, field: str) -> str | None:
    """The first user's ``field`` in ``submission_metadata.json``, as a folder name (None: none)."""
    try:
        users = json.loads(metadata.read_text(encoding="utf-8")).get("users") or []
        value = users[0].get(field) if isinstance(users[0], dict) else None
    except (OSError, ValueError, AttributeError, IndexError):
        return None
    if value is None or isinstance(value, bool | dict | list):
        return None
    # A folder name of the student's own: no separator, not hidden, printable.
    text = re.sub(r"[\x00-\x1f/\\]", "_", str(value)).strip()
    if not text or text.startswith("."):
        return None
    return text[:200]


def choose(submission: Path, name: str) -> tuple[Path | None, dict | None]:
    """The notebook to grade: the only one, else the one named ``<name>.ipynb``; or why none."""
    from gencourse.grade.batch import find_entries

    entries = [(sub_id, path) for sub_id, path, kind in find_entries([submission])]
    expected = f"{name}.ipynb"
    if len(entries) == 1:
        return entries[0][1], None
    named = [path for sub_id, path in entries if Path(sub_id).name == expected]
    if len(named) == 1:
        return named[0], None
    if not entries:
        return None, {"key": "gradescope.no_notebook", "values": {"expected": expected}}
    found = ", ".join(sub_id for sub_id, _ in entries)[:300]
    return None, {
        "key": "gradescope.many_notebooks",
        "values": {"expected": expected, "found": found},
    }


def _place(path: Path, dest: Path) -> None:
    """``path`` copied to ``dest``; a file over the grader's bound keeps its size, not its bytes."""
    from gencourse.grade import submission

    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        info = os.lstat(path)
    except OSError:
        dest.write_bytes(b"")
        return
    if path.is_symlink() or not path.is_file():  # graded as the grader would: rejected
        dest.symlink_to(os.readlink(path) if path.is_symlink() else "/dev/null")
    elif info.st_size > submission.MAX_BYTES:  # refused by its size, never read: no need to copy
        with open(dest, "wb") as f:
            f.truncate(info.st_size)
    else:
        shutil.copyfile(path, dest)


def _lang(config: dict) -> str:
    return config.get("lang") if config.get("lang") in ("ko", "en") else "en"


def grade(root: Path, say=print) -> tuple[str, dict]:
    """Grades the submission under ``root``; returns the ``results.json`` text and what it graded.

    Never raises for what a submission holds: every outcome is a results file.
    """
    source = root / "source"
    config = json.loads((source / CONFIG).read_text(encoding="utf-8"))
    lang, name = _lang(config), config["name"]
    exercises = config.get("exercises") or []
    held = boundary()
    info = {"boundary": held, "name": name, "kind": config["kind"]}
    metadata = root / "submission_metadata.json"
    closed = [source, root / "results", metadata, root / "submission"]
    with fallback.protected(closed if held == fallback.USER else []):
        return _grade(root, config, lang, name, exercises, held, info, say)


def _points(config: dict, source: Path) -> list[float]:
    """Each exercise's points, for a result that says why nothing was graded."""
    if config["kind"] == "assignment":
        from gencourse.assign import spec

        entries = spec.load(source / "assignment" / config["name"]).entries
        return [entries[n].points for n in config["exercises"]]
    from gencourse import check

    return [check.EXERCISES[n].points for n in config["exercises"]]


def _grade(root, config, lang, name, exercises, held, info, say):
    source = root / "source"

    def fail(key: str, values: dict, text: str | None = None) -> tuple[str, dict]:
        message = text or t(key, lang, **values)
        points = _points(config, source)
        return failure_json(message, lang, held, exercises, points), info

    if held is None:
        return fail("grade.sandbox.fallback_not_root", {"detail": ""})
    chosen, why = choose(root / "submission", name)
    if chosen is None:
        return fail(why["key"], why["values"])
    field = config.get("student_id", "email")
    student = student_of(root / "submission_metadata.json", field)
    if student is None:
        if config["kind"] == "assignment":
            return fail("gradescope.no_student", {"field": field})
        student = "student"
    info["student"] = student
    seed = secretfile.read_or_make(source / "seed", create=False)
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()  # the judge's references use Keras; keep its log lines out
    from gencourse.grade.batch import grade_batch

    judge = None
    if config["kind"] == "assignment":
        from gencourse.assign.grading import judge as assignment_judge

        judge = assignment_judge(source / "assignment" / name)
    limits = Limits(**config.get("limits", {}))
    base = fallback.temp_base() if held == fallback.USER else None
    with tempfile.TemporaryDirectory(prefix="gencourse-autograder-", dir=base) as tmp:
        subs = Path(tmp) / "submissions"
        _place(chosen, subs / student / f"{name}.ipynb")
        start = time.monotonic()
        try:
            batch = grade_batch(
                [subs],
                name,
                Path(tmp) / "out",
                root=source / "course",
                limits=limits,
                workers=1,
                lang=lang,
                feedback_lang="auto",
                fresh=True,
                sandbox=held == fallback.BUBBLEWRAP,
                boundary=held,
                seed=seed,
                judge=judge,
                say=say,
            )
        except Exception as exc:  # the checks' or the grader's own error: said, not hidden
            text = getattr(exc, "stop_line", None)
            message = text(lang) if callable(text) else f"{type(exc).__name__}: {str(exc)[:200]}"
            return fail("gradescope.grader_error", {"error": message}, None)
        result = batch.results[0]
        seconds = time.monotonic() - start
    info["status"] = result["status"]
    return results_json(result, result["lang"] or lang, held, seconds), info


def main(argv=None) -> int:
    """Grades and writes ``results/results.json``; 0 when it wrote the file."""
    parser = argparse.ArgumentParser(prog="python -m gencourse.autograder")
    parser.add_argument("command", choices=["run"])
    parser.add_argument("--root", help=f"the autograder's folder (default: {DEFAULT_ROOT})")
    args = parser.parse_args(argv)
    root = autograder_root(args.root)
    text, info = grade(root)
    results = root / "results"
    results.mkdir(parents=True, exist_ok=True)
    path = results / "results.json"
    tmp = path.with_name("results.json.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    print(json.dumps(info, ensure_ascii=False), file=sys.stderr)
    return 0
