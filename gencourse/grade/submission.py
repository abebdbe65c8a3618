"""Reading a submitted notebook: refuse what is not one, with a reason a person can act on.

A submission is read as bytes and checked step by step (empty, too large,
not UTF-8, not JSON, not a notebook, another lesson); the first failing step
is the reason. Nothing here runs the learner's code.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from gencourse.i18n import known_language

MAX_BYTES = 50 * 1024 * 1024


class Rejected(ValueError):
    """The file cannot be graded; ``key`` and ``values`` name the reason (an i18n message)."""

    def __init__(self, key: str, **values):
        super().__init__(f"{key} {values}")
        self.key = key
        self.values = values


@dataclass
class Cell:
    """A code cell of a submission: its position (0-based), source and course metadata."""

    index: int
    source: str
    exercise: str | None = None
    role: str | None = None


@dataclass
class Submission:
    """A submitted notebook that passed the checks of :func:`load`."""

    path: Path
    sha256: str
    lang: str | None
    lesson: str | None
    cells: list[Cell] = field(default_factory=list)
    n_cells: int = 0
    #: Whom an assignment's release made this notebook for (its metadata: a claim, not a proof).
    student: str | None = None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load(path, lesson: str | None = None) -> Submission:
    """Reads and checks a submission.

    Args:
        path: the notebook file.
        lesson: the lesson being graded; a notebook whose metadata names
            another lesson is refused.

    Raises:
        Rejected: with the reason the file cannot be graded.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Rejected("grade.reject.unreadable", error=type(exc).__name__) from None
    return parse(data, path, lesson)


def parse(data: bytes, path: Path, lesson: str | None = None) -> Submission:
    """Checks the bytes of a submission (see :func:`load`)."""
    if not data.strip():
        raise Rejected("grade.reject.empty")
    if len(data) > MAX_BYTES:
        raise Rejected(
            "grade.reject.too_large",
            mb=len(data) // (1024 * 1024),
            max_mb=MAX_BYTES // (1024 * 1024),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected("grade.reject.encoding", position=exc.start) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Rejected("grade.reject.json", line=exc.lineno, column=exc.colno) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list):
        raise Rejected("grade.reject.not_notebook")
    if raw.get("nbformat") != 4:
        raise Rejected("grade.reject.nbformat", version=str(raw.get("nbformat")))
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception:
        raise Rejected("grade.reject.not_notebook") from None
    meta = nb.metadata.get("gencourse", {}) if isinstance(nb.metadata, dict) else {}
    meta = meta if isinstance(meta, dict) else {}
    found_lesson = meta.get("lesson") if isinstance(meta.get("lesson"), str) else None
    if lesson and found_lesson and found_lesson != lesson:
        raise Rejected("grade.reject.lesson", found=found_lesson, lesson=lesson)
    lang = known_language(meta.get("lang"))
    cells = []
    for index, cell in enumerate(nb.cells):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(str(s) for s in source)
        if not isinstance(source, str):
            continue
        gc_meta = cell.get("metadata", {}).get("gencourse", {})
        gc_meta = gc_meta if isinstance(gc_meta, dict) else {}
        exercise = gc_meta.get("exercise") if isinstance(gc_meta.get("exercise"), str) else None
        role = gc_meta.get("role") if isinstance(gc_meta.get("role"), str) else None
        cells.append(Cell(index, source, exercise, role))
    if not cells:
        raise Rejected("grade.reject.no_code")
    student = meta.get("student") if isinstance(meta.get("student"), str) else None
    if student is not None:  # shown to people: the characters of a roster's ids only
        student = re.sub(r"[^\w.@+/-]", "_", student)[:64]
    return Submission(path, sha256_of(data), lang, found_lesson, cells, len(nb.cells), student)
