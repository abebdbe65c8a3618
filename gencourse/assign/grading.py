"""Grading an assignment with the course's grader: what the assignment adds to its context.

The grader, its limits, sandbox, gradebook and feedback are the course's own
(:mod:`gencourse.grade`); an assignment gives it

- its exercises (the checks file's, a variant's built with its defaults),
  every case drawn once from the batch's secret seed and every reference
  computed before any submission runs, so that an error in the checks file
  stops the batch at once, told once, before any student is graded;
- each student's own judging: their values of the variants' parameters and
  their cases, drawn from the secret seed mixed with their identifier, so
  neither inputs nor answers carry over from one student to another;
- a fingerprint of the checks file and the assignment's secret, so that a
  result is graded again when either changes;
- the error hook: whatever the checks file raises while judging is the
  instructor's error, with its line;
- whose submission each is, so that a notebook released to one student and
  handed in by another is pointed out in the gradebook.

Nothing of this enters a sandbox: the checks file stays in the grader's
process, and the sandbox sees the grading copy of the package and the
case inputs only.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from gencourse.assign import secret, spec
from gencourse.assign.errors import ChecksError
from gencourse.grade.judging import Judging


def judge(folder):
    """``judge(seed) -> Grading`` for :func:`gencourse.grade.batch.grade_batch`'s ``judge``.

    Its ``folder`` is the assignment's (closed to others under the fallback boundary).
    """

    def make(seed):
        return Grading(folder, seed)

    make.folder = Path(folder)
    return make


class Grading:
    """An assignment, ready to grade with the batch's secret ``seed`` (a :class:`~gencourse.grade.judging.Judge`).

    Raises:
        gencourse.assign.spec.AssignmentError: a broken folder or master.
        ChecksError: the checks file fails on the batch's cases.
    """

    def __init__(self, folder, seed: int):
        self.assignment = spec.load(folder)
        self.seed = seed
        self.registry = self.assignment.exercises()
        for ex in self.registry.values():  # every reference, once, before any student
            spec.checked_cases(self.assignment, ex, seed)

    @property
    def name(self) -> str:
        return self.assignment.name

    @property
    def names(self) -> list[str]:
        return self.assignment.names

    def student(self, sub_id: str) -> str:
        return secret.student_id(sub_id, self.name)

    def judging(self, sub_id: str) -> Judging:
        """The student's exercises (their values) and cases (their own draw of the secret seed)."""
        student = self.student(sub_id)
        exercises = self.assignment.exercises(self.assignment.values_for(student))
        seed = secret.mixed_seed(self.seed, student)
        cases = {n: spec.checked_cases(self.assignment, ex, seed) for n, ex in exercises.items()}
        return Judging(exercises, cases)

    def checks_error(self, exc: BaseException, exercise: str | None) -> dict:
        """``exc``, raised while judging, as the checks file's error (with its line)."""
        if not isinstance(exc, ChecksError):
            exc = ChecksError.from_exception(
                self.assignment.checks_path, "reference", exc, exercise
            )
        return exc.as_dict()

    def checks_error_text(self, error: dict, lang: str) -> str:
        """A checks error (as :meth:`checks_error` made it), said in ``lang``."""
        return ChecksError.from_dict(error).message(lang)

    def fingerprint(self) -> str:
        """A hash of what decides this assignment's results besides the course's code."""
        h = hashlib.sha256()
        h.update(self.assignment.checks_path.read_bytes())
        h.update(str(self.assignment.secret()).encode() if self.assignment.variants else b"-")
        for path in sorted(Path(__file__).parent.glob("*.py")):
            h.update(path.name.encode() + b"\0" + path.read_bytes())
        return h.hexdigest()[:20]

    def context_options(self) -> dict:
        """The grader context's options for this assignment (see gencourse.grade.grader.Context)."""
        return {
            "registry": self.registry,
            "per_student": self.judging,
            "checks_error": self.checks_error,
            "extra_fingerprint": self.fingerprint(),
            "student_of": self.student,
        }
