"""What the grader judges submissions on: the small interface the course's lessons and assignments implement.

The grader (:mod:`gencourse.grade`) owns this interface and knows nothing of
who implements it, so imports run one way: :mod:`gencourse.assign` uses the
grader, never the other way round. A :class:`Judge` names the exercises, may
give each student exercises and cases of their own, says what besides the
course's code decides a result (for the fingerprint), and tells an error of
its own (an instructor's checks file) from a student's failure. The course's
lessons are :class:`LessonJudge`: the exercises of :data:`gencourse.check.EXERCISES`,
the batch's cases for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the module stays light: the assignment's errors import it
    from gencourse.check.core import Exercise


@dataclass
class Judging:
    """The exercises one submission is judged on, and their cases (drawn already)."""

    exercises: dict[str, Exercise]
    cases: dict[str, list]

    @property
    def case_inputs(self) -> dict[str, list[tuple]]:
        """What the sandbox gets: ``(label, args, kwargs)`` per case, nothing else."""
        return {n: [(c.label, c.args, c.kwargs) for c in cases] for n, cases in self.cases.items()}

    @property
    def packs(self) -> dict:
        return {n: ex.pack for n, ex in self.exercises.items() if ex.pack}


class Judge(Protocol):
    """What a batch is graded on (see :class:`gencourse.grade.grader.Context` for the options)."""

    #: The name in the gradebook (a lesson's or an assignment's).
    name: str
    #: The graded exercises, in order.
    names: list[str]

    def context_options(self) -> dict:
        """The grader context's options: any of ``registry``, ``per_student``,
        ``checks_error``, ``extra_fingerprint``, ``student_of``."""

    def checks_error_text(self, error: dict, lang: str) -> str:
        """One error of the judge's own (as ``checks_error`` made it), said in ``lang``."""


class JudgeError(Exception):
    """An error of the judge's own that stops a batch before any submission is graded."""

    def stop_line(self, lang: str) -> str:
        """The console line that says it, in ``lang``."""
        return str(self)


@dataclass
class LessonJudge:
    """A lesson of the course: its exercises from :data:`gencourse.check.EXERCISES`."""

    name: str
    names: list[str]

    def context_options(self) -> dict:
        return {}

    def checks_error_text(self, error: dict, lang: str) -> str:
        return str(error)
