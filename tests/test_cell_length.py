"""Does every code cell of every lesson show one idea and a call (at most 20 non-blank lines)?

Measuring, tables and outcome sentences belong in the library (``gencourse.reports`` and
the lessons' verdict modules), plotting in ``gencourse.viz``; the cell keeps what the
learner should read. Exercise solutions too: none is exempt.
"""

from pathlib import Path

import nbformat
import pytest

from gencourse import release

ROOT = Path(__file__).resolve().parent.parent
MASTERS = release.masters(ROOT)

LIMIT = 20

# Lessons being rewritten, with why (strict: once they pass, the entry must go). None now.
PENDING: dict = {}

NOTEBOOKS = []
for master in MASTERS:
    for path in (master, release.student_path(ROOT, master)):
        marks = [
            pytest.mark.xfail(reason=why, strict=True)
            for lesson, why in PENDING.items()
            if path.stem == lesson
        ]
        NOTEBOOKS.append(pytest.param(path, id=path.relative_to(ROOT).as_posix(), marks=marks))


def non_blank_lines(source: str) -> int:
    return sum(1 for line in source.splitlines() if line.strip())


def long_cells(nb) -> list[str]:
    """'cell i: n lines' for each code cell over the limit."""
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        n = non_blank_lines(cell.source)
        if n > LIMIT:
            found.append(f"cell {i}: {n} lines")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_is_every_code_cell_at_most_20_non_blank_lines(path):
    assert long_cells(release.read(path)) == []


def test_does_the_limit_catch_a_long_code_cell_only():
    nb = nbformat.v4.new_notebook()
    long_source = "\n\n".join(f"x{i} = {i}" for i in range(LIMIT + 1))
    nb.cells = [nbformat.v4.new_code_cell(long_source), nbformat.v4.new_markdown_cell(long_source)]
    assert long_cells(nb) == [f"cell 0: {LIMIT + 1} lines"]
    nb.cells[0].metadata["gencourse"] = {"exercise": "confident_pseudo_labels", "role": "solution"}
    assert long_cells(nb) == [f"cell 0: {LIMIT + 1} lines"]  # an exercise's solution too
    nb.cells[0].source = "\n".join(
        long_source.splitlines()[: 2 * LIMIT - 1]
    )  # 20 lines, blanks between
    assert long_cells(nb) == []
