"""A made-up course folder for the grading tests: one new lesson of stub exercises."""

import nbformat

from gencourse import release


def new_lesson(root, exercises):
    """Writes notebooks/en/07_new.ipynb (a stub cell per exercise) and solutions/ under root."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["gencourse"] = {"lang": "en", "lesson": "07_new"}
    for name in exercises:
        stub = nbformat.v4.new_code_cell(f"def {name}(*args):\n    raise NotImplementedError")
        stub.metadata["gencourse"] = {"exercise": name, "role": "stub"}
        nb.cells.append(stub)
    release.write(nb, root / "notebooks" / "en" / "07_new.ipynb")
    (root / "solutions").mkdir()
    return root
