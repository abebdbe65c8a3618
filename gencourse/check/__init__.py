"""Exercise checks: ``check.kl_divergence(kl_divergence)`` in a notebook cell.

Each check runs the learner's function on several inputs, compares it with
the library's reference on plain arrays, and prints a verdict in the
notebook's language (see :func:`gencourse.setup`). ``evaluate(name, fn)``
returns the result without printing, for pytest and the grader.

The exercises live in one module per lesson, so that a notebook maps to one
file: :mod:`~gencourse.check.generative` (01), :mod:`~gencourse.check.vae`
(02), :mod:`~gencourse.check.gan` (03), :mod:`~gencourse.check.cgan` (04),
:mod:`~gencourse.check.augment` (05), :mod:`~gencourse.check.semi` (06) and
:mod:`~gencourse.check.diffusion` (07).
Each declares its ``LESSON`` and its ``EXERCISES``; the notebook functions
here (``check.<exercise>(fn)``) are generated from them, one per exercise.

The same form is the public API for an instructor's own exercises: a
``checks.py`` beside an assignment's master declares ``EXERCISES`` with
:class:`Exercise`, :class:`Case` (``hidden=True`` for cases only grading
sees), :class:`Mistake` (hints as ``{"ko": ..., "en": ...}``) and, for
per-student versions, :class:`Variant` (see :mod:`gencourse.assign`).
"""

from __future__ import annotations

from gencourse.check import augment, cgan, diffusion, gan, generative, semi, vae
from gencourse.check.core import (
    Case,
    CheckFailed,
    CheckResult,
    Exercise,
    Mistake,
    WrongForm,
    integer_array,
    packed_rows_shape,
    part_array,
)
from gencourse.check.core import evaluate as _evaluate
from gencourse.check.core import report as _report
from gencourse.check.variant import Variant

#: The lesson modules, in lesson order.
MODULES = (generative, vae, gan, cgan, augment, semi, diffusion)


def _registry(modules) -> tuple[dict[str, Exercise], dict[str, tuple[str, ...]]]:
    """The exercises by name, and each lesson's exercise names, in lesson and notebook order."""
    exercises: dict[str, Exercise] = {}
    lessons: dict[str, tuple[str, ...]] = {}
    for module in modules:
        if module.LESSON in lessons:
            raise ValueError(f"Two check modules for lesson {module.LESSON!r}.")
        for name in module.EXERCISES:
            if name in exercises:
                raise ValueError(f"Exercise {name!r} is checked by two lesson modules.")
        exercises.update(module.EXERCISES)
        lessons[module.LESSON] = tuple(module.EXERCISES)
    return exercises, lessons


#: Every exercise, by name: ``{"kl_divergence": Exercise(...), ...}``.
#: ``LESSONS`` maps each lesson to its exercises' names: ``{"02_vae": ("reparameterize", ...)}``.
EXERCISES, LESSONS = _registry(MODULES)


def lesson_of(name: str) -> str:
    """The lesson whose module checks exercise ``name``, e.g. ``"02_vae"``.

    Raises:
        ValueError: if no lesson has an exercise ``name``.
    """
    for lesson, names in LESSONS.items():
        if name in names:
            return lesson
    raise ValueError(f"Unknown exercise. Choose one of {sorted(EXERCISES)}. Received: {name!r}")


def evaluate(name: str, fn) -> CheckResult:
    """Checks ``fn`` against exercise ``name`` and returns the result (prints nothing)."""
    if name not in EXERCISES:
        raise ValueError(f"Unknown exercise. Choose one of {sorted(EXERCISES)}. Received: {name!r}")
    return _evaluate(EXERCISES[name], fn)


def _notebook_check(ex: Exercise):
    """The notebook function ``check.<name>(fn)``: prints the verdict, returns nothing."""
    name = ex.name

    def notebook_check(fn) -> None:
        # Looked up on each call, as a hand-written wrapper would.
        _report(EXERCISES[name], fn)

    notebook_check.__name__ = notebook_check.__qualname__ = name
    notebook_check.__module__ = __name__
    notebook_check.__doc__ = (
        f"Checks ``{ex.signature}`` and prints the verdict.\n\n"
        f"Exercise of lesson {lesson_of(name)}. Runs ``fn`` on the exercise's cases, compares\n"
        "each answer with the reference and names the mistake where it can. With\n"
        "``GENCOURSE_STRICT_CHECKS=1`` a failure raises :class:`CheckFailed`.\n\n"
        "Args:\n"
        f"    fn: the learner's function, as in ``check.{name}({name})``.\n"
    )
    return notebook_check


for _name, _ex in EXERCISES.items():
    if _name in globals():
        raise ValueError(f"Exercise {_name!r} would hide gencourse.check.{_name}.")
    globals()[_name] = _notebook_check(_ex)
del _name, _ex

__all__ = [
    "EXERCISES",
    "LESSONS",
    "MODULES",
    "Case",
    "CheckFailed",
    "CheckResult",
    "Exercise",
    "Mistake",
    "Variant",
    "WrongForm",
    "evaluate",
    "integer_array",
    "lesson_of",
    "packed_rows_shape",
    "part_array",
    *EXERCISES,
]
