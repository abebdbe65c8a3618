"""``gencourse new-assignment``: a private master and checks file to start an assignment from.

From a lesson (``--from 02_vae``) the master is a copy of the lesson's own
master and the checks file imports the lesson's exercises from the course,
where they are declared in the very form an instructor's checks file uses,
so the instructor edits, removes and adds. Without ``--from`` both are a small
worked example (one exercise, public and hidden cases, named mistakes with
hints in both languages).
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from gencourse import check, release
from gencourse.assign import secret, spec
from gencourse.assign.spec import AssignmentError
from gencourse.files import atomic_write
from gencourse.i18n import t


def master_name(lang: str, langs) -> str:
    return "master.ipynb" if len(langs) == 1 else f"master.{lang}.ipynb"


def loader_cell(name: str, lang: str):
    source = "from gencourse import assign\n\n" + spec.loader_line(name)
    source += "  # " + t("assign.template.loader_comment", lang)
    return nbformat.v4.new_code_cell(source)


def _code(source: str, exercise: str | None = None, role: str | None = None):
    cell = nbformat.v4.new_code_cell(source)
    if exercise:
        cell.metadata["gencourse"] = {"exercise": exercise, "role": role}
    return cell


def example_master(name: str, lang: str):
    """The worked example: one exercise, ``standardize(x)``, with its check cell."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["gencourse"] = {"lang": lang, "lesson": name, "assignment": name}
    doc = t("assign.template.docstring", lang)
    solution = (
        f'def standardize(x):\n    """{doc}"""\n'
        "    ### BEGIN SOLUTION\n"
        "    return (x - x.mean(axis=0)) / x.std(axis=0)\n"
        "    ### END SOLUTION"
    )
    nb.cells = [
        nbformat.v4.new_markdown_cell(t("assign.template.intro", lang, name=name)),
        _code(f'import gencourse as gc\n\ngc.setup(lang="{lang}")\n\nimport numpy as np'),
        loader_cell(name, lang),
        nbformat.v4.new_markdown_cell(t("assign.template.exercise", lang)),
        _code(solution, "standardize", "solution"),
        _code("check.standardize(standardize)", "standardize", "check"),
    ]
    return nb


def lesson_master(root: Path, lesson: str, name: str, lang: str):
    """A copy of a lesson's master, retitled as the assignment, with the loader cell added."""
    nb = release.read(release.find_lesson(root, lesson, lang, "solutions"))
    nb.metadata["gencourse"] = {"lang": lang, "lesson": name, "assignment": name}
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    nb.cells.insert(first + 1, loader_cell(name, lang))
    return nb


def _lesson_module(lesson: str) -> str | None:
    for module in check.MODULES:
        if module.LESSON == lesson:
            return module.__name__.rsplit(".", 1)[-1]
    return None


def new_assignment(folder, lesson: str | None = None, langs=("en",), root=None) -> list[Path]:
    """Makes the assignment folder: master(s), ``checks.py`` and ``secret``; returns what it wrote.

    Args:
        folder: the new folder; its name is the assignment's (``hw1``).
        lesson: a lesson to start from (``02_vae``, ``02`` or ``vae``); None: the worked example.
        langs: the editions to make (``("ko", "en")`` for both).
        root: the course folder holding ``solutions/`` (for ``lesson``).

    Raises:
        AssignmentError: a bad name, a folder that is not empty, an unknown lesson.
    """
    folder = Path(folder)
    if not spec.NAME.match(folder.name):
        raise AssignmentError("assign.error.name", name=folder.name)
    if folder.exists() and any(folder.iterdir()):
        raise AssignmentError("assign.error.exists", folder=folder)
    langs = list(langs)
    written = []
    if lesson is None:
        masters = {lang: example_master(folder.name, lang) for lang in langs}
        checks = "".join(
            t(f"assign.template.{part}", langs[0], name=folder.name)
            for part in ("checks", "checks_code", "checks_note")
        )
    else:
        try:
            full = release.find_lesson(Path(root), lesson, langs[0], "solutions").stem
            masters = {lang: lesson_master(Path(root), full, folder.name, lang) for lang in langs}
        except release.LessonNotFound:
            available = ", ".join(release.available_lessons(Path(root)))
            raise AssignmentError(
                "assign.error.no_lesson", lesson=lesson, available=available
            ) from None
        module = _lesson_module(full)
        if module is None:
            raise AssignmentError("assign.error.no_lesson_checks", lesson=full)
        checks = t(
            "assign.template.checks_from", langs[0], name=folder.name, lesson=full, module=module
        )
    folder.mkdir(parents=True, exist_ok=True)
    for lang, nb in masters.items():
        path = folder / master_name(lang, langs)
        release.write(nb, path)
        written.append(path)
    atomic_write(folder / spec.CHECKS_FILE, checks)
    written.append(folder / spec.CHECKS_FILE)
    secret.read_secret(folder)
    written.append(folder / secret.SECRET_FILE)
    return written
