"""The public checks file released beside a student notebook, and the check cells that read it.

The student's check cell runs offline, in the student's own kernel, without
the checks file or the reference answers: it reads ``<name>.checks.npz``
(written by the release next to the notebook), which holds each exercise's
*public* cases only, with the answers to them computed in advance: the
reference's, the other right answers' and each known mistake's (so the
verdict names a mistake exactly as the course's own checks do). Hidden cases,
the checks file and the reference code never enter it. An exercise's
``pack``, where it has one, must be a function of the ``gencourse`` package,
which every student has; a ``describe_shape`` not made by
:func:`~gencourse.check.core.packed_rows_shape` stays behind (the check cell
then tells a wrong shape plainly, as arrays' shapes).

The verdicts are the harness' own (:mod:`gencourse.check.core`): the file's
answers stand in for the reference, looked up by the inputs they belong to.
"""

from __future__ import annotations

import copy
import importlib
from pathlib import Path

import numpy as np

from gencourse.assign import codec
from gencourse.assign.errors import ChecksError
from gencourse.check import core
from gencourse.config import strict_checks
from gencourse.i18n import OWN_PREFIX, get_language, has, own_text, t, texts

FORMAT = 1


def file_name(assignment: str) -> str:
    return f"{assignment}.checks.npz"


def _function_ref(fn) -> str | None:
    """``"module:qualname"`` for a function of the gencourse package a student can import."""
    module, qualname = getattr(fn, "__module__", ""), getattr(fn, "__qualname__", "")
    if not module.startswith("gencourse.") or "<" in qualname:
        return None
    try:
        found = importlib.import_module(module)
        for part in qualname.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError):
        return None
    return f"{module}:{qualname}" if found is fn else None


def _resolve(ref: str | None):
    """The function a ``"module:qualname"`` names: one of the gencourse package only."""
    if ref is None:
        return None
    module, qualname = ref.split(":")
    if not module.startswith("gencourse."):  # a file passed around may have been edited
        raise ValueError(f"A pack must be a function of gencourse. Received: {ref!r}")
    found = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found


def _course_key(key) -> str:
    """A message key of the course's catalogue, as a file gives it (refused otherwise)."""
    if not isinstance(key, str) or not has(key) or key.startswith(OWN_PREFIX):
        raise ValueError(f"Unknown message key in the checks file. Received: {key!r}")
    return key


def _own_texts(keys, into: dict) -> None:
    for key in keys:
        if key is not None and key.startswith(OWN_PREFIX):
            into[key] = texts(key)


def _answer(fn, case):
    with np.errstate(all="ignore"):  # a known mistake may divide by zero: that is its answer
        return fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))


def _exercise_doc(assignment, ex: core.Exercise, enc: codec.Encoder, own: dict) -> dict:
    """One exercise's public part: its settings and its public cases with their answers."""
    from gencourse.assign.spec import checked_cases

    path = assignment.checks_path
    public = [c for c in checked_cases(assignment, ex) if not c.hidden]
    if not public:
        raise ChecksError(
            path, "cases", "no public case: the check cell would test nothing", exercise=ex.name
        )
    pack = _function_ref(ex.pack) if ex.pack is not None else None
    if ex.pack is not None and pack is None:
        raise ChecksError(
            path,
            "pack",
            "its pack is not a function of the gencourse package, so the students' check "
            "cell cannot run it (use one of gencourse.check, or return one array)",
            exercise=ex.name,
        )
    shape = getattr(ex.describe_shape, "made_by", None)
    cases = []
    for case in public:
        try:
            inputs = {"args": enc.encode(tuple(case.args)), "kwargs": enc.encode(dict(case.kwargs))}
        except codec.CodecError as exc:
            raise ChecksError(path, "cases", f"a case holds {exc}", exercise=ex.name) from None
        mistakes = []
        for mistake in ex.mistakes:
            try:
                mistakes.append(enc.encode(_answer(mistake.fn, case)))
            except Exception:  # a mistake that cannot be computed here is not named here
                mistakes.append(None)
        try:
            answers = {
                "reference": enc.encode(_answer(ex.reference, case)),
                "also_right": [enc.encode(_answer(f, case)) for f in ex.also_right],
            }
        except codec.CodecError as exc:
            raise ChecksError(path, "reference", f"an answer is {exc}", exercise=ex.name) from None
        cases.append(
            {
                **inputs,
                **answers,
                "mistakes": mistakes,
                "label": case.label,
                "hint": case.hint,
                "rtol": case.rtol,
                "atol": case.atol,
            }
        )
        _own_texts([case.label, case.hint], own)
    _own_texts([m.hint for m in ex.mistakes], own)
    return {
        "name": ex.name,
        "signature": ex.signature,
        "points": ex.points,
        "rtol": ex.rtol,
        "atol": ex.atol,
        "pack": pack,
        "wrong_value": ex.wrong_value,
        "describe_shape": list(shape) if shape else None,
        "mistake_hints": [m.hint for m in ex.mistakes],
        "cases": cases,
    }


def build(assignment, values: dict, student: str | None = None) -> bytes:
    """The public checks file of ``assignment`` for one student's ``values`` (bytes).

    Raises:
        ChecksError: where the checks file fails, or an exercise cannot be
            checked offline (no public case, a pack students cannot import).
    """
    enc, own = codec.Encoder(), {}
    exercises = [
        _exercise_doc(assignment, ex, enc, own) for ex in assignment.exercises(values).values()
    ]
    doc = {
        "format": FORMAT,
        "assignment": assignment.name,
        "student": student,
        "values": values,
        "texts": own,
        "exercises": exercises,
    }
    return codec.write(doc, enc.arrays)


# --- in the student's kernel -------------------------------------------------------------


def _table(cases, answers, arrays):
    """A function that answers each case's inputs with the stored answer (None: cannot)."""
    table = {}
    for case, node in zip(cases, answers, strict=True):
        table[codec.digest((tuple(case.args), dict(case.kwargs)))] = node

    def lookup(*args, **kwargs):
        node = table.get(codec.digest((args, kwargs)))
        if node is None:
            raise LookupError("no stored answer for these inputs")
        return codec.decode(node, arrays)

    return lookup


def exercise_from(entry: dict, arrays) -> core.Exercise:
    """The exercise one entry of the file describes, its answers looked up in the file."""
    cases = [
        core.Case(
            c["label"],
            codec.decode(c["args"], arrays),
            codec.decode(c["kwargs"], arrays),
            rtol=c["rtol"],
            atol=c["atol"],
            hint=c["hint"],
        )
        for c in entry["cases"]
    ]
    raw = entry["cases"]
    shape = entry.get("describe_shape")
    if shape and shape[0] != "packed_rows_shape":
        raise ValueError(f"Unknown describe_shape. Received: {shape[0]!r}")
    describe = core.packed_rows_shape(*shape[1]) if shape else None
    mistakes = [
        core.Mistake(hint, _table(cases, [c["mistakes"][i] for c in raw], arrays))
        for i, hint in enumerate(entry["mistake_hints"])
    ]
    n_also = len(raw[0]["also_right"]) if raw else 0
    return core.Exercise(
        name=entry["name"],
        signature=entry["signature"],
        reference=_table(cases, [c["reference"] for c in raw], arrays),
        make_cases=lambda: [copy.deepcopy(c) for c in cases],
        mistakes=mistakes,
        rtol=entry["rtol"],
        atol=entry["atol"],
        points=entry["points"],
        pack=_resolve(entry["pack"]),
        wrong_value=_course_key(entry.get("wrong_value", "check.wrong_value")),
        also_right=tuple(
            _table(cases, [c["also_right"][i] for c in raw], arrays) for i in range(n_also)
        ),
        describe_shape=describe,
    )


def read_file(path) -> tuple[dict, dict[str, core.Exercise]]:
    """The document and the exercises of a public checks file (its own texts registered)."""
    doc, arrays = codec.read(Path(path).read_bytes())
    if doc.get("format") != FORMAT:
        raise ValueError(f"Unknown public checks format. Received: {doc.get('format')!r}")
    for key, text in doc["texts"].items():
        if own_text(text) != key:
            raise ValueError(f"The checks file's text {key!r} does not match its key.")
    exercises = {e["name"]: exercise_from(e, arrays) for e in doc["exercises"]}
    return doc, exercises


class Checks:
    """An assignment's check cells: ``check = assign.checks("hw1")``, then ``check.<exercise>(fn)``.

    Nothing is read until a check runs, so the line costs nothing where no
    check runs (the grader's sandbox). Beside the notebook, the public checks
    file ``<name>.checks.npz`` gives the public cases (a student's copy); in
    the assignment's own folder, where ``checks.py`` is, the instructor's
    master runs every case, hidden ones too, against the real references.
    """

    def __init__(self, name: str, folder=None):
        self._name = name
        self._folder = Path(folder) if folder is not None else None
        self._exercises: dict[str, core.Exercise] | None = None
        self._instructor = False

    def _load(self) -> dict[str, core.Exercise]:
        if self._exercises is not None:
            return self._exercises
        folder = self._folder or Path.cwd()
        public = folder / file_name(self._name)
        if public.is_file():
            _, self._exercises = read_file(public)
        elif (folder / "checks.py").is_file():
            from gencourse.assign import spec

            assignment = spec.load(folder)
            self._exercises = assignment.exercises()
            self._instructor = True
            print(t("assign.public.instructor", name=self._name))
        else:
            raise FileNotFoundError(t("assign.public.missing", file=file_name(self._name)))
        return self._exercises

    def __getattr__(self, attr: str):
        if attr.startswith("_"):
            raise AttributeError(attr)

        def check(fn) -> None:
            from gencourse.assign.spec import AssignmentError

            try:
                exercises = self._load()
            except ChecksError as exc:
                return _cannot(exc.message(get_language()))
            except AssignmentError as exc:
                return _cannot(t(exc.key, **exc.values))
            except FileNotFoundError as exc:
                return _cannot(str(exc))
            if attr not in exercises:
                return _cannot(t("assign.public.unknown", name=attr, known=", ".join(exercises)))
            result = core.report(exercises[attr], fn)
            if result.passed and not self._instructor:
                print(t("assign.public.note"))

        check.__name__ = attr
        return check

    def __dir__(self):
        try:
            return sorted(self._load())
        except Exception:
            return []


def _cannot(message: str) -> None:
    """Says why no check could run (and, in strict mode, fails as a failed check would)."""
    print(message)
    if strict_checks():
        raise core.CheckFailed(message)
