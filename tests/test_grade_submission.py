"""Does the grader refuse what is not a notebook, with a reason, and read the rest faithfully?

gencourse.grade.submission, on bytes and small notebooks made here; nothing runs.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from gencourse import i18n, release
from gencourse.grade import submission
from gencourse.grade.submission import Rejected

ROOT = Path(__file__).resolve().parent.parent
LESSON = "02_vae"
NAMES = ["reparameterize", "kl_divergence", "vae_loss"]


def student_nb(lang="en"):
    return release.read(ROOT / "notebooks" / lang / f"{LESSON}.ipynb")


def notebook(*cells, lesson=LESSON, lang="en"):
    """A notebook of ``cells``: a source (a code cell), or ``(source, metadata)``, or a NotebookNode."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["gencourse"] = {"lang": lang, "lesson": lesson}
    for cell in cells:
        if isinstance(cell, str):
            cell = nbformat.v4.new_code_cell(cell)
        elif isinstance(cell, tuple):
            source, meta = cell
            cell = nbformat.v4.new_code_cell(source)
            cell.metadata["gencourse"] = meta
        nb.cells.append(cell)
    return nb


def parse(nb, lesson=LESSON):
    data = nb if isinstance(nb, bytes) else nbformat.writes(nb).encode("utf-8")
    return submission.parse(data, Path("x.ipynb"), lesson)


@pytest.mark.parametrize(
    "data, key",
    [
        (b"", "grade.reject.empty"),
        (b"  \n", "grade.reject.empty"),
        (b"\xff\xfe{\x00", "grade.reject.encoding"),
        ("{}".encode("utf-16"), "grade.reject.encoding"),
        (b'{"cells": [', "grade.reject.json"),
        (b"[1, 2]", "grade.reject.not_notebook"),
        (b'{"cells": "no"}', "grade.reject.not_notebook"),
        (b'{"cells": [], "nbformat": 3, "metadata": {}}', "grade.reject.nbformat"),
        (
            b'{"cells": [], "nbformat": 4, "nbformat_minor": 5, "metadata": {}}',
            "grade.reject.no_code",
        ),
    ],
)
def test_is_a_malformed_file_rejected_with_its_reason(data, key):
    with pytest.raises(Rejected) as info:
        submission.parse(data, Path("x.ipynb"), LESSON)
    assert info.value.key == key
    text = i18n.t(key, "ko", **info.value.values)
    assert text and "{" not in text


def test_is_a_notebook_of_another_lesson_rejected():
    nb = student_nb()
    nb.metadata["gencourse"]["lesson"] = "03_gan"
    with pytest.raises(Rejected, match="grade.reject.lesson"):
        submission.parse(nbformat.writes(nb).encode(), Path("x.ipynb"), LESSON)


def test_are_exercise_cells_found_by_metadata_not_position():
    nb = student_nb()
    nb.cells = nb.cells[::-1]
    sub = submission.parse(nbformat.writes(nb).encode(), Path("x.ipynb"), LESSON)
    tagged = {(c.exercise, c.role) for c in sub.cells if c.exercise}
    assert tagged == {(n, r) for n in NAMES for r in ("stub", "check")}
    assert sub.lang == "en" and sub.lesson == LESSON


def test_does_a_file_over_the_size_limit_get_rejected_before_it_is_read_as_json(monkeypatch):
    monkeypatch.setattr(submission, "MAX_BYTES", 2 * 1024 * 1024)
    with pytest.raises(Rejected) as info:
        parse(b"{" + b" " * (3 * 1024 * 1024))
    assert info.value.key == "grade.reject.too_large"
    assert info.value.values == {"mb": 3, "max_mb": 2}


def test_does_a_missing_file_get_rejected_as_unreadable(tmp_path):
    with pytest.raises(Rejected) as info:
        submission.load(tmp_path / "gone.ipynb", LESSON)
    assert info.value.key == "grade.reject.unreadable"
    assert info.value.values == {"error": "FileNotFoundError"}


def test_are_cells_numbered_by_their_place_among_all_cells_markdown_included():
    nb = notebook("x = 1", ("def f():\n    pass", {"exercise": "f", "role": "stub"}))
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("# prose"))
    sub = parse(nb)
    assert [(c.index, c.exercise, c.role) for c in sub.cells] == [
        (0, None, None),
        (2, "f", "stub"),
    ]
    assert sub.n_cells == 3


def test_is_a_notebook_without_lesson_metadata_graded_for_the_lesson_asked():
    nb = notebook("x = 1")
    del nb.metadata["gencourse"]
    sub = parse(nb)
    assert sub.lesson is None and sub.lang is None


def test_is_odd_metadata_read_as_absent_not_trusted():
    nb = notebook(("x = 1", {"exercise": 7, "role": ["stub"]}), lang="fr")
    sub = parse(nb)
    assert (sub.cells[0].exercise, sub.cells[0].role) == (None, None)
    assert sub.lang is None  # not a language of the course


def test_is_a_source_stored_as_a_list_of_lines_joined():
    data = (
        b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": ['
        b'{"cell_type": "code", "id": "c1", "metadata": {}, "outputs": [],'
        b' "execution_count": null,'
        b' "source": ["x = 1\\n", "y = 2\\n"]}]}'
    )
    assert parse(data).cells[0].source == "x = 1\ny = 2\n"


def test_is_the_hash_that_of_the_bytes_as_submitted(tmp_path):
    path = tmp_path / "a.ipynb"
    data = nbformat.writes(notebook("x = 1")).encode()
    path.write_bytes(data)
    assert submission.load(path, LESSON).sha256 == submission.sha256_of(data)
    assert submission.sha256_of(data) != submission.sha256_of(data + b"\n")
