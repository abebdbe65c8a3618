"""Errors in an instructor's checks file, told as the instructor's, with the file and line.

The checks file is trusted (its author is the instructor) but may be buggy.
Whatever it raises, at import, while drawing its cases or while computing a
reference answer, becomes one :class:`ChecksError` that names the file, the
line of that file where it happened and what raised, so that the instructor
can fix it, and so that no student is marked down for it.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from gencourse.grade.judging import JudgeError
from gencourse.i18n import t

#: What the checks file was doing when it failed (``assign.stage.<stage>`` says it).
STAGES = ("load", "exercises", "cases", "reference", "messages", "master", "pack", "values")


class ChecksError(JudgeError):
    """The instructor's checks file failed.

    Attributes:
        path: the checks file.
        stage: one of :data:`STAGES`.
        exercise: the exercise concerned, where there is one.
        line: the line of the checks file (None where the error is not on a line of it).
        error: what went wrong, e.g. ``"ZeroDivisionError: division by zero"``.
    """

    def __init__(self, path, stage: str, error: str, *, exercise=None, line=None):
        if stage not in STAGES:
            raise ValueError(f"stage must be one of {STAGES}. Received: stage={stage!r}")
        self.path, self.stage, self.error = str(path), stage, error
        self.exercise, self.line = exercise, line
        super().__init__(self.message("en"))

    @classmethod
    def from_exception(cls, path, stage: str, exc: BaseException, exercise=None) -> ChecksError:
        """The error for ``exc``, raised by code of the checks file at ``path``."""
        return cls(path, stage, describe(exc), exercise=exercise, line=line_in(exc, path))

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def stop_line(self, lang: str) -> str:
        """The console line when it stops a batch before any student is graded."""
        return t("assign.cli.checks_stop", lang, message=self.message(lang))

    def message(self, lang: str) -> str:
        """One sentence (two where an exercise is named) in ``lang``."""
        text = t(
            "assign.error.checks",
            lang,
            where=self.where(),
            stage=t(f"assign.stage.{self.stage}", lang),
            error=self.error,
        )
        if self.exercise:
            text += " " + t("assign.error.exercise", lang, name=self.exercise)
        return text

    def as_dict(self) -> dict:
        """Plain data for a result file (see :func:`from_dict`)."""
        return {
            "path": self.path,
            "stage": self.stage,
            "error": self.error,
            "exercise": self.exercise,
            "line": self.line,
        }

    @classmethod
    def from_dict(cls, data: dict) -> ChecksError:
        return cls(
            data["path"],
            data["stage"],
            data["error"],
            exercise=data.get("exercise"),
            line=data.get("line"),
        )


def describe(exc: BaseException) -> str:
    """``"Type: first line of the message"`` (at most 300 characters)."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}"[:300] if text else type(exc).__name__


def line_in(exc: BaseException, path) -> int | None:
    """The last line of file ``path`` that ``exc`` went through (its own line for a SyntaxError)."""
    target = Path(path).resolve()
    if isinstance(exc, SyntaxError) and exc.filename and Path(exc.filename).resolve() == target:
        return exc.lineno
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        try:
            if Path(frame.filename).resolve() == target:
                line = frame.lineno
        except (OSError, ValueError):
            continue
    return line
