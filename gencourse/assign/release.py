"""Releasing an assignment: student notebooks and their public checks, nothing private.

For each edition of the master (ko, en) the release writes the student
notebook, made exactly as the course's own (:func:`gencourse.release.make_student`:
stubs for solutions, no outputs, the exercise identity in cell metadata), and
beside it the public checks file (:mod:`gencourse.assign.public`). Neither
holds a solution, a hidden case or anything of the checks file but the
public cases and their answers.

Per-student variants: with a roster, each student gets a folder of their own
whose notebook holds their values, written in place of the master's values
region::

    ### BEGIN VALUES
    scale = 2
    ### END VALUES

An assignment with variants is released with a roster only, so that no
student is left with the defaults.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from gencourse import release as course_release
from gencourse.assign import public, spec
from gencourse.assign.spec import AssignmentError
from gencourse.files import atomic_write
from gencourse.i18n import t

BEGIN_VALUES = "### BEGIN VALUES"
END_VALUES = "### END VALUES"
_STUDENT = re.compile(r"^[\w.@+-]+(?:/[\w.@+-]+)*$")


@dataclass
class Released:
    """What a release wrote: student notebooks and public checks files."""

    notebooks: list[Path] = field(default_factory=list)
    checks: list[Path] = field(default_factory=list)


def read_roster(path) -> list[str]:
    """Student identifiers, one per line (the first column of a CSV; ``#`` starts a comment).

    Raises:
        AssignmentError: on an identifier that cannot name a folder, or one given twice.
    """
    students: list[str] = []
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        item = line.split("#", 1)[0].split(",", 1)[0].strip()
        if not item:
            continue
        if not _STUDENT.match(item) or any(part in (".", "..") for part in item.split("/")):
            raise AssignmentError("assign.error.student_id", student=item)
        if item in students:
            raise AssignmentError("assign.error.student_twice", student=item)
        students.append(item)
    return students


def _region(source: str) -> tuple[int, int] | None:
    lines = [line.strip() for line in source.splitlines()]
    if BEGIN_VALUES not in lines:
        return None
    start = lines.index(BEGIN_VALUES)
    if END_VALUES not in lines[start:]:
        raise AssignmentError("assign.error.values_open")
    return start, start + lines[start:].index(END_VALUES)


def master_values(nb) -> dict | None:
    """The names and values the master's values region assigns (None: it has none)."""
    for cell in nb.cells:
        if cell.cell_type != "code" or (span := _region(cell.source)) is None:
            continue
        body = "\n".join(cell.source.splitlines()[span[0] + 1 : span[1]])
        values = {}
        for node in ast.parse(body).body:
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
                raise AssignmentError("assign.error.values_form")
            target = node.targets[0]
            if not isinstance(target, ast.Name):
                raise AssignmentError("assign.error.values_form")
            values[target.id] = ast.literal_eval(node.value)
        return values
    return None


def write_values(nb, values: dict, lang: str, student: str | None) -> None:
    """Replaces the master's values region with the student's values."""
    comment = t("assign.values.comment", lang, student=student or "-")
    for cell in nb.cells:
        if cell.cell_type != "code" or (span := _region(cell.source)) is None:
            continue
        lines = cell.source.splitlines()
        indent = lines[span[0]][: len(lines[span[0]]) - len(lines[span[0]].lstrip())]
        body = [f"{indent}# {comment}"] + [
            f"{indent}{k} = {v!r}" for k, v in sorted(values.items())
        ]
        cell.source = "\n".join(lines[: span[0]] + body + lines[span[1] + 1 :])
        return


def student_notebook(assignment, lang: str, values: dict, student: str | None):
    """The student notebook of one edition, for one student's values."""
    master = assignment.read_master(lang)
    declared = master_values(master)
    if assignment.variants:
        defaults = assignment.values_for(None)
        if declared is None:
            raise AssignmentError("assign.error.values_missing", names=", ".join(defaults))
        if declared != defaults:
            raise AssignmentError("assign.error.values_master", master=declared, defaults=defaults)
        write_values(master, values, lang, student)
    elif declared is not None:
        raise AssignmentError("assign.error.values_unused")
    rel = f"{assignment.name}/{assignment.masters[lang].name}"
    nb = course_release.make_student(master, rel)
    meta = nb.metadata["gencourse"]
    meta.update(lesson=assignment.name, assignment=assignment.name)
    # A released assignment is the student's to edit: only the course's own notebooks carry
    # the repository's "DO NOT EDIT".
    meta["generated_by"] = f"gencourse release {assignment.name}"
    if student is not None:
        meta["student"] = student
    nb.metadata.pop("widgets", None)  # saved widget state may hold the master's outputs
    return nb


def release(folder, out, students: list[str] | None = None) -> Released:
    """Writes ``out/<lang>/[<student>/]<name>.ipynb`` and its ``<name>.checks.npz``.

    Args:
        folder: the assignment folder.
        out: where to write; hand out ``out/<lang>`` (or each student's folder).
        students: a roster; needed when the checks declare variants.

    Raises:
        AssignmentError: the folder, master or roster breaks a rule.
        gencourse.assign.errors.ChecksError: the checks file fails.
    """
    assignment = spec.load(folder)
    out = Path(out)
    if assignment.variants and not students:
        raise AssignmentError("assign.error.needs_roster", name=assignment.name)
    done = Released()
    for student in students or [None]:
        values = assignment.values_for(student) if assignment.variants else {}
        checks = public.build(assignment, values, student)
        for lang in sorted(assignment.masters):
            target = out / lang if student is None else out / lang / student
            nb = student_notebook(assignment, lang, values, student)
            notebook = target / f"{assignment.name}.ipynb"
            checks_file = target / public.file_name(assignment.name)
            course_release.write(nb, notebook)
            atomic_write(checks_file, checks)
            for path in (notebook, checks_file):
                path.chmod(0o644)  # to hand out: readable by everyone, unlike the master
            done.notebooks.append(notebook)
            done.checks.append(checks_file)
    return done
