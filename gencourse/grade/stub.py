"""Stand-ins for the course's implementations in the grading copy of the package.

The grading copy (see :mod:`gencourse.grade.jail`) replaces every module that
holds an exercise's answer or its check cases (``gencourse.check``,
``gencourse.models``, ``gencourse.metrics``, ``gencourse.augment``) with a
module of stand-ins: importing any name works, so a lesson's import cell runs
as in the notebook, but calling one raises :class:`LibraryUnavailable` naming
it. The child's profiling watch reports such a call as a library call.
"""

from __future__ import annotations

#: The source of each stand-in module in the grading copy.
MODULE_SOURCE = (
    "from gencourse.grade.stub import attribute as _attribute\n\n\n"
    "def __getattr__(name):\n"
    "    return _attribute(__name__, name)\n"
)


class LibraryUnavailable(RuntimeError):
    """A course implementation was called inside the sandbox, where it does not exist."""


class Placeholder:
    """A name of the course library that does not exist in the grading copy."""

    def __init__(self, dotted: str):
        self._gencourse_name = dotted

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return Placeholder(f"{self._gencourse_name}.{name}")

    def __call__(self, *args, **kwargs):
        raise LibraryUnavailable(self._gencourse_name)

    def __repr__(self) -> str:
        return f"<{self._gencourse_name}: not in the grading copy>"


def attribute(module: str, name: str):
    """A stand-in module's attribute ``name`` (dunder names stay missing, as Python expects)."""
    if name.startswith("__") and name.endswith("__"):
        raise AttributeError(name)
    return Placeholder(f"{module}.{name}")
