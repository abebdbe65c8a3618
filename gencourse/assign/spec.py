"""An assignment folder: its master notebook(s), its checks file, and what they declare.

::

    hw1/
      master.ipynb        the complete notebook, solutions between markers
                          (or master.ko.ipynb and master.en.ipynb, one per edition)
      checks.py           the exercises, in the form the course's own checks use
      secret              made by ``gencourse new-assignment``; draws students' values

``checks.py`` declares ``EXERCISES``, a dict (or list) of
:class:`~gencourse.check.Exercise` and :class:`~gencourse.check.Variant`,
exactly as each of the course's lesson modules (``gencourse/check/vae.py``, ...)
does. The master's exercises are its solution cells: a cell with solution
markers that defines a function of an exercise's name, and its check cell
``check.<name>(<name>)``; cells without the course's metadata get it here.

Everything that goes wrong in ``checks.py`` is a
:class:`~gencourse.assign.errors.ChecksError` naming its line; everything
wrong with the folder or the master is an :class:`AssignmentError`.
"""

from __future__ import annotations

import copy
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from gencourse import release
from gencourse.assign import secret as secrets_
from gencourse.assign.errors import ChecksError
from gencourse.check.core import Case, Exercise, _plain, drawn_cases
from gencourse.check.variant import Variant
from gencourse.grade.judging import JudgeError
from gencourse.i18n import has, t

CHECKS_FILE = "checks.py"
NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
_MASTER = re.compile(r"^master(?:\.(ko|en))?\.ipynb$")


class AssignmentError(ValueError, JudgeError):
    """The assignment folder or its master breaks a rule; ``key`` and ``values`` say which."""

    def __init__(self, key: str, **values):
        super().__init__(f"{key} {values}")
        self.key, self.values = key, values

    def stop_line(self, lang: str) -> str:
        """The console line that says it."""
        return t("assign.cli.error", lang, message=t(self.key, lang, **self.values))


def loader_line(name: str) -> str:
    """The line of the master that gives its check cells this assignment's checks."""
    return f'check = assign.checks("{name}")'


@dataclass
class Assignment:
    """A loaded assignment: its folder, masters by language and exercises in notebook order."""

    folder: Path
    name: str
    masters: dict[str, Path]
    entries: dict[str, Exercise | Variant]
    module: ModuleType

    @property
    def checks_path(self) -> Path:
        return self.folder / CHECKS_FILE

    @property
    def names(self) -> list[str]:
        return list(self.entries)

    @property
    def variants(self) -> list[Variant]:
        return [e for e in self.entries.values() if isinstance(e, Variant)]

    def secret(self) -> int:
        """The assignment's secret (see :func:`gencourse.assign.secret.read_secret`).

        Raises:
            AssignmentError: if its file exists but cannot be read (never replaced).
        """
        try:
            return secrets_.read_secret(self.folder)
        except secrets_.Unreadable as exc:
            raise AssignmentError("assign.error.secret", path=exc.path, error=exc.error) from None

    def values_for(self, student: str | None) -> dict:
        """A student's values of the parameters (None: the defaults; {} without variants)."""
        if not self.variants:
            return {}
        try:
            return secrets_.student_values(self.variants, self.secret(), student)
        except ValueError as exc:
            raise ChecksError(self.checks_path, "values", str(exc)) from None

    def exercises(self, values: dict | None = None) -> dict[str, Exercise]:
        """Every exercise, a variant's built for ``values`` (None: the defaults)."""
        values = self.values_for(None) if values is None else values
        built = {}
        for name, entry in self.entries.items():
            if isinstance(entry, Exercise):
                built[name] = entry
                continue
            own = {k: v for k, v in values.items() if k in entry.choices}
            try:
                built[name] = entry.exercise(own)
            except Exception as exc:
                raise ChecksError.from_exception(self.checks_path, "exercises", exc, name) from None
        return built

    def points(self) -> dict[str, float]:
        return {name: entry.points for name, entry in self.entries.items()}

    def read_master(self, lang: str):
        """The master of ``lang`` with every exercise cell's metadata filled in."""
        nb = release.read(self.masters[lang])
        mark_cells(nb, self.names)
        return nb


def _masters(folder: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("master*.ipynb")):
        match = _MASTER.match(path.name)
        if not match:
            continue
        try:
            nb = release.read(path)
        except Exception as exc:
            raise AssignmentError(
                "assign.error.unreadable", path=path, error=type(exc).__name__
            ) from None
        lang = nb.metadata.get("gencourse", {}).get("lang") or match.group(1)
        if lang not in release.LANGS or (match.group(1) and match.group(1) != lang):
            raise AssignmentError(
                "assign.error.master_lang", path=path, langs="/".join(release.LANGS)
            )
        if lang in found:
            raise AssignmentError("assign.error.two_masters", lang=lang, a=found[lang], b=path)
        found[lang] = path
    if not found:
        raise AssignmentError("assign.error.no_master", folder=folder)
    return found


def import_checks(path: Path, name: str) -> ModuleType:
    """Imports the checks file as a module of its own (its folder on ``sys.path`` meanwhile).

    Raises:
        ChecksError: with the line that raised, when importing it fails.
    """
    module_name = f"gencourse_assignment_{re.sub(r'[^A-Za-z0-9_]', '_', name)}_checks"
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    except BaseException as exc:
        sys.modules.pop(module_name, None)
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise ChecksError.from_exception(path, "load", exc) from None
    finally:
        try:
            sys.path.remove(str(path.parent))
        except ValueError:
            pass
    return module


def _declared(module: ModuleType, path: Path) -> dict[str, Exercise | Variant]:
    declared = getattr(module, "EXERCISES", None)
    if isinstance(declared, dict):
        items = list(declared.items())
    elif isinstance(declared, list | tuple):
        items = [(getattr(e, "name", None), e) for e in declared]
    else:
        raise ChecksError(path, "exercises", "EXERCISES is missing: declare a dict of exercises")
    entries: dict[str, Exercise | Variant] = {}
    for key, entry in items:
        if not isinstance(entry, Exercise | Variant):
            raise ChecksError(
                path,
                "exercises",
                f"EXERCISES[{key!r}] is a {type(entry).__name__}, not an Exercise",
            )
        if key != entry.name or entry.name in entries:
            raise ChecksError(
                path, "exercises", f"EXERCISES[{key!r}] holds exercise {entry.name!r}", exercise=key
            )
        entries[entry.name] = entry
    if not entries:
        raise ChecksError(path, "exercises", "EXERCISES is empty")
    return entries


def mark_cells(nb, names) -> None:
    """Fills in the course's metadata of exercise cells the author left without it.

    A code cell with solution markers that defines ``def <name>(`` is the
    solution of exercise ``name``; a cell that calls ``check.<name>(<name>)``
    is its check cell. Cells that already carry metadata keep it.
    """
    for cell in nb.cells:
        if cell.cell_type != "code" or "exercise" in release.gc_meta(cell):
            continue
        for name in names:
            role = None
            if release.BEGIN in cell.source and re.search(
                rf"^def {re.escape(name)}\(", cell.source, re.M
            ):
                role = "solution"
            elif cell.source.strip() == f"check.{name}({name})":
                role = "check"
            if role:
                cell.metadata.setdefault("gencourse", {}).update(exercise=name, role=role)
                break


def load(folder) -> Assignment:
    """Reads an assignment folder and imports its checks file.

    Raises:
        AssignmentError: a missing folder, master or checks file, a bad name,
            a master that breaks the course's conventions.
        ChecksError: the checks file fails or declares exercises that do not
            match the master's.
    """
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise AssignmentError("assign.error.no_folder", folder=folder)
    name = folder.name
    if not NAME.match(name):
        raise AssignmentError("assign.error.name", name=name)
    masters = _masters(folder)
    path = folder / CHECKS_FILE
    if not path.is_file():
        raise AssignmentError("assign.error.no_checks", path=path)
    module = import_checks(path, name)
    declared = _declared(module, path)
    order: list[str] | None = None
    for master in masters.values():
        nb = release.read(master)
        mark_cells(nb, list(declared))
        try:
            release.validate_master(nb, str(master))
        except release.NotebookError as exc:
            raise AssignmentError("assign.error.master", error=str(exc)) from None
        if loader_line(name) not in "\n".join(c.source for c in nb.cells if c.cell_type == "code"):
            raise AssignmentError("assign.error.no_loader", path=master, line=loader_line(name))
        names = list(release.exercises(nb))
        missing = [n for n in names if n not in declared]
        if missing:
            raise ChecksError(
                path,
                "master",
                f"{master.name} has exercises {missing} that EXERCISES does not declare",
                exercise=missing[0],
            )
        if order is not None and names != order:
            raise AssignmentError("assign.error.editions", a=order, b=names)
        order = names
    unused = [n for n in declared if n not in order]
    if unused:
        raise ChecksError(
            path, "master", f"no cell of the master defines {unused}", exercise=unused[0]
        )
    entries = {n: declared[n] for n in order}
    return Assignment(folder, name, masters, entries, module)


def checked_cases(assignment: Assignment, ex: Exercise, seed: int | None = None) -> list[Case]:
    """The exercise's cases drawn from ``seed``, each reference answer computed once to be sure.

    Raises:
        ChecksError: where the checks file's cases, reference, ``also_right``
            or ``pack`` raise, or a case names a message that does not exist.
    """
    path = assignment.checks_path
    try:
        cases = drawn_cases(ex, seed)
        if not cases or not all(isinstance(c, Case) for c in cases):
            raise TypeError("make_cases must return a non-empty list of Case")
    except Exception as exc:
        raise ChecksError.from_exception(path, "cases", exc, ex.name) from None
    for case in cases:
        for key in (case.label, case.hint, *(m.hint for m in ex.mistakes)):
            if key is not None and not has(key):
                raise ChecksError(path, "messages", f"no message {key!r}", exercise=ex.name)
        for stage, fn in [("reference", ex.reference), *(("reference", f) for f in ex.also_right)]:
            try:
                returned = fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
            except Exception as exc:
                raise ChecksError.from_exception(path, stage, exc, ex.name) from None
            try:
                _plain(ex, returned)
            except Exception as exc:
                raise ChecksError.from_exception(path, "pack", exc, ex.name) from None
    return cases
