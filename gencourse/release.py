"""The course's notebooks: finding a lesson, generating student notebooks, ko/en parity.

A lesson is found by name (:func:`find_lesson`: ``"02_vae"``, ``"02"`` or
``"vae"``) in ``<root>/solutions/<lang>/`` or ``<root>/notebooks/<lang>/``.

A master (``solutions/<lang>/<lesson>.ipynb``) is a complete lesson. Code
between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` is the answer to an
exercise; :func:`make_student` replaces it with a stub that raises
``NotImplementedError`` and clears every output. Exercise cells carry
``metadata.gencourse = {"exercise": NAME, "role": "solution" | "check"}``, so
the grader finds an exercise by identity, not by position.

Generated notebooks record a hash of their cells; :func:`release` refuses to
overwrite one whose cells no longer match it (somebody edited it) unless
forced, so a learner's work is never lost to a re-release.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

import nbformat

from gencourse.files import atomic_write
from gencourse.i18n import LANGUAGES

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
STUB_COMMENT = {"ko": "# 여기에 코드를 작성하세요.", "en": "# Write your code here."}
LANGS = LANGUAGES
NBFORMAT_MINOR = 5


class NotebookError(ValueError):
    """A master notebook breaks the course's conventions."""


class LessonNotFound(LookupError):
    """No notebook of the course has the lesson name asked for."""


def available_lessons(root: Path, source: str = "solutions") -> list[str]:
    return sorted({p.stem for p in (Path(root) / source).glob("*/*.ipynb")})


def find_lesson(root: Path, lesson: str, lang: str, source: str = "solutions") -> Path:
    """Finds ``lesson`` ("02_vae", "02" or "vae") in ``<root>/<source>/<lang>/``."""
    folder = Path(root) / source / lang
    candidates = sorted(folder.glob("*.ipynb"))
    for path in candidates:
        stem = path.stem
        if lesson in (stem, stem.split("_", 1)[0], stem.split("_", 1)[-1]):
            return path
    names = ", ".join(available_lessons(root, source)) or "(none)"
    raise LessonNotFound(f"No lesson {lesson!r} in {folder}. Available lessons: {names}.")


def read(path) -> nbformat.NotebookNode:
    return nbformat.read(str(path), as_version=4)


def write(nb, path) -> None:
    """Writes ``nb`` atomically (a temporary file, then a rename)."""
    atomic_write(path, nbformat.writes(nb) + "\n")


def gc_meta(cell) -> dict:
    return cell.get("metadata", {}).get("gencourse", {})


def strip_solutions(source: str, lang: str) -> str:
    """Replaces each solution region with a stub at the marker's indentation.

    Raises:
        NotebookError: on an unclosed, unopened or nested marker.
    """
    out, inside = [], False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped == BEGIN:
            if inside:
                raise NotebookError(f"Nested {BEGIN!r} in:\n{source}")
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out += [indent + STUB_COMMENT[lang], indent + "raise NotImplementedError"]
        elif stripped == END:
            if not inside:
                raise NotebookError(f"{END!r} without {BEGIN!r} in:\n{source}")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise NotebookError(f"{BEGIN!r} is never closed in:\n{source}")
    return "\n".join(out)


def cells_hash(nb) -> str:
    """A hash of the cells' types, sources and course metadata (not outputs)."""
    items = [(c.cell_type, c.source, gc_meta(c)) for c in nb.cells]
    return hashlib.sha256(json.dumps(items, ensure_ascii=False).encode()).hexdigest()[:16]


def exercises(nb) -> dict[str, dict[str, int]]:
    """Maps exercise name -> {role: cell index}."""
    found: dict[str, dict[str, int]] = {}
    for i, cell in enumerate(nb.cells):
        meta = gc_meta(cell)
        if "exercise" in meta:
            found.setdefault(meta["exercise"], {})[meta.get("role", "?")] = i
    return found


def validate_master(nb, path="master") -> None:
    """Checks a master: language metadata and a solution and check cell per exercise."""
    lang = nb.metadata.get("gencourse", {}).get("lang")
    if lang not in LANGS:
        raise NotebookError(f"{path}: metadata.gencourse.lang must be one of {LANGS}.")
    for name, roles in exercises(nb).items():
        if set(roles) != {"solution", "check"}:
            raise NotebookError(f"{path}: exercise {name!r} needs one solution and one check cell.")
        source = nb.cells[roles["solution"]].source
        if BEGIN not in source or END not in source:
            raise NotebookError(f"{path}: the solution cell of {name!r} has no solution markers.")
        if f"check.{name}({name})" not in nb.cells[roles["check"]].source:
            raise NotebookError(
                f"{path}: the check cell of {name!r} must call check.{name}({name})."
            )
    for cell in nb.cells:
        if cell.cell_type == "code" and BEGIN in cell.source and "exercise" not in gc_meta(cell):
            raise NotebookError(f"{path}: a cell with solution markers has no exercise metadata.")


def make_student(master, master_path: str) -> nbformat.NotebookNode:
    """The student notebook for a master: stubs for solutions, no outputs."""
    validate_master(master, master_path)
    nb = copy.deepcopy(master)
    lang = nb.metadata["gencourse"]["lang"]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = strip_solutions(cell.source, lang)
            cell.outputs = []
            cell.execution_count = None
            if gc_meta(cell).get("role") == "solution":
                cell.metadata["gencourse"]["role"] = "stub"
    meta = nb.metadata["gencourse"]
    meta["generated_from"] = master_path
    meta["generated_by"] = "gencourse release (DO NOT EDIT in the repository; edit the master)"
    meta["cells_hash"] = cells_hash(nb)  # hashes cells only, so metadata may hold it
    return nb


def student_path(root: Path, master: Path) -> Path:
    rel = master.relative_to(root / "solutions")
    return root / "notebooks" / rel


def masters(root: Path) -> list[Path]:
    return sorted((root / "solutions").glob("*/*.ipynb"))


@dataclass
class ReleaseReport:
    written: list[Path]
    unchanged: list[Path]
    drifted: list[Path]  # check mode: would change
    kept: list[Path]  # edited by somebody; left alone


def _edited(nb) -> bool:
    recorded = nb.metadata.get("gencourse", {}).get("cells_hash")
    return recorded is not None and recorded != cells_hash(nb)


def release(root, check: bool = False, force: bool = False) -> ReleaseReport:
    """Generates ``notebooks/`` from ``solutions/``.

    Args:
        root: the course's top folder.
        check: write nothing; report notebooks that differ from what would be written.
        force: overwrite generated notebooks even when somebody edited them.
    """
    root = Path(root)
    report = ReleaseReport([], [], [], [])
    for master_path in masters(root):
        rel = master_path.relative_to(root).as_posix()
        student = make_student(read(master_path), rel)
        target = student_path(root, master_path)
        text = nbformat.writes(student) + "\n"
        if target.exists() and target.read_text(encoding="utf-8") == text:
            report.unchanged.append(target)
            continue
        if check:
            report.drifted.append(target)
            continue
        if target.exists() and not force:
            try:
                if _edited(read(target)):
                    report.kept.append(target)
                    continue
            except Exception:
                report.kept.append(target)
                continue
        write(student, target)
        report.written.append(target)
    return report


# Since Python 3.12 (PEP 701) an f-string is a run of tokens (FSTRING_START, its text as
# FSTRING_MIDDLE, its fields as code, FSTRING_END); before, it was one STRING token.
_STRING_STARTS = {
    getattr(tokenize, n) for n in ("FSTRING_START", "TSTRING_START") if hasattr(tokenize, n)
}
_STRING_ENDS = {
    getattr(tokenize, n) for n in ("FSTRING_END", "TSTRING_END") if hasattr(tokenize, n)
}

_SKIPPED = (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.ENCODING)


def code_tokens(source: str) -> list[tuple[str, str]]:
    """The cell's code as ("str" | "code", text) tokens, comments and blank lines dropped.

    An f-string is one "str" token holding its whole literal on every Python, as the
    tokenizer gave it before 3.12, so that its translated text is compared as text.
    IPython magics are not Python; such a cell is compared line by line.
    """
    lines = io.StringIO(source).readlines()  # the tokenizer's rows
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def at(position: tuple[int, int]) -> int:
        row, col = position
        return offsets[row - 1] + col if row <= len(lines) else offsets[-1]

    tokens: list[tuple[str, str]] = []
    depth, opened = 0, 0
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type in _STRING_STARTS:
                if depth == 0:
                    opened = at(tok.start)
                depth += 1
            elif tok.type in _STRING_ENDS:
                depth -= 1
                if depth == 0:
                    tokens.append(("str", source[opened : at(tok.end)]))
            elif depth or tok.type in _SKIPPED:
                continue
            elif tok.type == tokenize.STRING:
                tokens.append(("str", tok.string))
            elif tok.string.strip():
                tokens.append(("code", tok.string))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        tokens = [("code", re.sub(r"#.*", "", line).strip()) for line in source.splitlines()]
    return tokens


_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


def _translated(ko: str, en: str) -> bool:
    """May these two string literals differ between editions?

    Yes when the Korean one holds Hangul (prose, figure text, a docstring) or
    they are the language codes themselves; any other string (a data set's
    name, a file path, a key) must be the same in both.
    """
    return (
        ko == en or bool(_HANGUL.search(ko)) or {ko.strip("\"'"), en.strip("\"'")} == {"ko", "en"}
    )


def same_code(ko_source: str, en_source: str) -> bool:
    """True when two cells differ only in comments and translated strings."""
    a, b = code_tokens(ko_source), code_tokens(en_source)
    if len(a) != len(b):
        return False
    for (kind_a, text_a), (kind_b, text_b) in zip(a, b, strict=True):
        if kind_a != kind_b:
            return False
        if kind_a == "code" and text_a != text_b:
            return False
        if kind_a == "str" and not _translated(text_a, text_b):
            return False
    return True


def parity_problems(ko, en) -> list[str]:
    """Differences between the code of the ko and en editions of a lesson."""
    ko_code = [c for c in ko.cells if c.cell_type == "code"]
    en_code = [c for c in en.cells if c.cell_type == "code"]
    problems = []
    if len(ko_code) != len(en_code):
        problems.append(f"{len(ko_code)} code cells in ko, {len(en_code)} in en")
    for i, (a, b) in enumerate(zip(ko_code, en_code, strict=False)):
        if gc_meta(a) != gc_meta(b):
            problems.append(f"code cell {i}: metadata {gc_meta(a)} vs {gc_meta(b)}")
        if not same_code(a.source, b.source):
            problems.append(f"code cell {i} differs:\n--- ko\n{a.source}\n--- en\n{b.source}")
    return problems
