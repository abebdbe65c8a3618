"""Per-student versions of an exercise: each student's own values of its parameters.

An instructor's checks file may give an exercise as a :class:`Variant`
instead of an :class:`~gencourse.check.core.Exercise`: a function that builds
the exercise for given values, and the values to choose from. Each student
gets one choice per parameter, drawn from the assignment's secret and the
student's identifier (see :mod:`gencourse.assign.secret`), so two students'
answers are not interchangeable, and the release writes each student's
values into their own notebook.

Example:
    >>> def scaled_sum(scale):
    ...     return Exercise("scaled_sum", "scaled_sum(x)", lambda x: scale * x.sum(), cases)
    >>> EXERCISES = {"scaled_sum": Variant(scaled_sum, scale=[2, 3, 5])}
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from gencourse.check.core import Exercise

_PLAIN = (bool, int, float, str)


def _plain_value(name: str, value):
    """A choice as a plain Python value that a notebook cell can hold as a literal."""
    if isinstance(value, np.generic):
        value = value.item()
    if not isinstance(value, _PLAIN) or (isinstance(value, float) and not np.isfinite(value)):
        raise ValueError(
            f"A variant's values must be plain numbers, booleans or strings "
            f"(they are written into each student's notebook). Received: {name}={value!r}"
        )
    return value


class Variant:
    """An exercise whose parameters differ from student to student.

    Args:
        build: ``build(**values)`` returns the :class:`Exercise` for one
            student's values (its reference, cases and mistakes may use them).
        **choices: for each parameter, the values to choose from, e.g.
            ``scale=[2, 3, 5]``. The first of each is the default: the values
            of the master notebook and of a release without a roster.

    Raises:
        ValueError: on a parameter without choices, a value that is not a
            plain number, boolean or string, or a ``build`` whose exercises
            do not share one name, signature and number of points.
    """

    def __init__(self, build: Callable[..., Exercise], **choices: Sequence):
        if not choices:
            raise ValueError(
                "A Variant needs at least one parameter, e.g. Variant(build, scale=[2, 3])."
            )
        self.build = build
        self.choices: dict[str, tuple] = {}
        for name, values in sorted(choices.items()):
            if isinstance(values, str | bytes) or not isinstance(values, Sequence) or not values:
                raise ValueError(
                    "Each parameter needs a list of values to choose from. "
                    f"Received: {name}={values!r}"
                )
            self.choices[name] = tuple(_plain_value(name, v) for v in values)
        self.default = self.exercise(self.default_values())
        self.name = self.default.name
        self.signature = self.default.signature
        self.points = self.default.points

    def default_values(self) -> dict:
        """The first choice of every parameter."""
        return {name: values[0] for name, values in self.choices.items()}

    def exercise(self, values: dict) -> Exercise:
        """The exercise for ``values`` (one value per parameter).

        Raises:
            ValueError: if ``values`` names other parameters, or the exercise
                built differs from the default in name, signature or points.
        """
        if set(values) != set(self.choices):
            raise ValueError(
                f"Values for {sorted(self.choices)} expected. Received: {sorted(values)}"
            )
        ex = self.build(**values)
        if not isinstance(ex, Exercise):
            raise ValueError(
                f"A Variant's build must return an Exercise. Received: {type(ex).__name__}"
            )
        default = getattr(self, "default", None)
        if default is not None and (ex.name, ex.signature, ex.points) != (
            default.name,
            default.signature,
            default.points,
        ):
            raise ValueError(
                f"Every version of {default.name!r} needs the same name, signature and points. "
                f"Received: {(ex.name, ex.signature, ex.points)}"
            )
        return ex

    def __repr__(self) -> str:
        choices = ", ".join(f"{k}={list(v)}" for k, v in self.choices.items())
        return f"Variant({self.name}, {choices})"
