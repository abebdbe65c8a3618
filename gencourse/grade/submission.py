"""Reading a submitted notebook: refuse what is not one, with a reason a person can act on.

A submission is read as bytes and checked step by step (too large, empty,
not UTF-8, not JSON or nested too deep, not a notebook, another lesson, too
many cells, a cell or all the code too long); the first failing step is the
reason. Every bound is checked before the work it bounds: the file's size
before it is read (at most :data:`MAX_BYTES` plus one byte), the depth while
the JSON is parsed, the cells' count and sizes before any of their code is
analysed (:mod:`gencourse.grade.plan` parses each planned cell). Nothing
here runs the learner's code.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from gencourse.grade import bounded
from gencourse.i18n import known_language

#: The largest notebook file read (outputs included), in bytes.
MAX_BYTES = 50 * 1024 * 1024
#: The deepest nesting of the notebook's JSON (a lesson's is 5).
MAX_DEPTH = 64
#: The most cells a notebook may have (a lesson has at most 43).
MAX_CELLS = 2000
#: The longest code cell, in characters (a lesson's longest has 1,137). Analysing a
#: cell costs about 1 KB of memory per statement: 50,000 characters, at most ~60 MB.
MAX_CELL_CHARS = 50_000
#: All code cells together, in characters (a lesson has at most 8,269).
MAX_CODE_CHARS = 500_000


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
        data = bounded.read_file(path, MAX_BYTES)
    except bounded.TooLarge as exc:
        raise _too_large(exc.size) from None
    except OSError as exc:
        raise Rejected("grade.reject.unreadable", error=type(exc).__name__) from None
    return parse(data, path, lesson)


def _too_large(size: int) -> Rejected:
    mb = 1024 * 1024
    return Rejected("grade.reject.too_large", mb=size // mb, max_mb=MAX_BYTES // mb)


def _source(cell: dict, index: int) -> str | None:
    """A code cell's source as one string (None: not text), its length checked before it is joined.

    Raises:
        Rejected: if it is longer than :data:`MAX_CELL_CHARS`.
    """
    source = cell.get("source", "")
    parts = source if isinstance(source, list) else [source]
    if not all(isinstance(part, str) for part in parts):
        return None
    chars = sum(len(part) for part in parts)
    if chars > MAX_CELL_CHARS:
        raise Rejected(
            "grade.reject.cell_too_long", cell=index + 1, chars=chars, max_chars=MAX_CELL_CHARS
        )
    return "".join(parts)


def parse(data: bytes, path: Path, lesson: str | None = None) -> Submission:
    """Checks the bytes of a submission (see :func:`load`)."""
    if len(data) > MAX_BYTES:
        raise _too_large(len(data))
    if not data.strip():
        raise Rejected("grade.reject.empty")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected("grade.reject.encoding", position=exc.start) from None
    try:
        raw = bounded.loads(data, MAX_DEPTH)
    except bounded.TooDeep:
        raise Rejected("grade.reject.too_deep", max_depth=MAX_DEPTH) from None
    except json.JSONDecodeError as exc:
        raise Rejected("grade.reject.json", line=exc.lineno, column=exc.colno) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list):
        raise Rejected("grade.reject.not_notebook")
    if raw.get("nbformat") != 4:
        raise Rejected("grade.reject.nbformat", version=str(raw.get("nbformat"))[:20])
    metadata = raw.get("metadata")
    meta = metadata.get("gencourse", {}) if isinstance(metadata, dict) else {}
    meta = meta if isinstance(meta, dict) else {}
    found_lesson = meta.get("lesson") if isinstance(meta.get("lesson"), str) else None
    if found_lesson is not None:
        found_lesson = re.sub(r"[^\w.-]", "_", found_lesson)[:64]
    if lesson and found_lesson and found_lesson != lesson:
        raise Rejected("grade.reject.lesson", found=found_lesson, lesson=lesson)
    lang = known_language(meta.get("lang"))
    if len(raw["cells"]) > MAX_CELLS:
        raise Rejected("grade.reject.too_many_cells", n=len(raw["cells"]), max_cells=MAX_CELLS)
    cells, code_chars = [], 0
    for index, cell in enumerate(raw["cells"]):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = _source(cell, index)
        if source is None:
            continue
        code_chars += len(source)
        if code_chars > MAX_CODE_CHARS:
            raise Rejected("grade.reject.code_too_long", max_chars=MAX_CODE_CHARS)
        cell_meta = cell.get("metadata")
        gc_meta = cell_meta.get("gencourse", {}) if isinstance(cell_meta, dict) else {}
        gc_meta = gc_meta if isinstance(gc_meta, dict) else {}
        exercise = gc_meta.get("exercise") if isinstance(gc_meta.get("exercise"), str) else None
        role = gc_meta.get("role") if isinstance(gc_meta.get("role"), str) else None
        cells.append(Cell(index, source, exercise, role))
    if not cells:
        raise Rejected("grade.reject.no_code")
    student = meta.get("student") if isinstance(meta.get("student"), str) else None
    if student is not None:  # shown to people: the characters of a roster's ids only
        student = re.sub(r"[^\w.@+/-]", "_", student)[:64]
    return Submission(path, sha256_of(data), lang, found_lesson, cells, len(raw["cells"]), student)
