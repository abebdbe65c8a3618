"""The website's notebook of a lesson: the student notebook with the reference's outputs.

:func:`site_notebook` takes :func:`gencourse.release.make_student` of the master
(exercise stubs, the student's structure) and grafts onto it, cell by cell,
the outputs of the executed master. An exercise's solution cell therefore
shows its stub and the outputs the reference produced; the reference code
itself never appears. Outputs that would show a solution line are dropped,
and an error output stops the build (a page never shows a traceback).
"""

from __future__ import annotations

import base64
import copy
import hashlib

import nbformat

from gencourse import release
from gencourse.site.execute import SiteBuildError
from gencourse.site.leaks import leaks, notebook_solution_lines

_TEXT_TYPES = ("text/plain", "text/html", "text/markdown", "text/latex", "application/javascript")
# Widgets need a live kernel: a static page shows their text form instead.
_WIDGET = "application/vnd.jupyter.widget-view+json"


def lesson_title(nb) -> str:
    """The text of the notebook's first ``# `` heading (the lesson's title)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return nb.metadata.get("gencourse", {}).get("lesson", "")


def _output_text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return "\n".join(str(data[key]) for key in _TEXT_TYPES if key in data)


def _clean_output(output, lines):
    """The output without solution lines, or None when nothing of it may be shown."""
    if output.get("output_type") == "stream":
        kept = [t for t in output.get("text", "").splitlines(True) if not leaks(t, lines)]
        if not kept:
            return None
        out = copy.deepcopy(output)
        out["text"] = "".join(kept)
        return out
    if leaks(_output_text(output), lines):
        return None
    out = copy.deepcopy(output)
    data = out.get("data", {})
    if _WIDGET in data:
        del data[_WIDGET]
        if not data:
            return None
    return out


def graft(master, executed, master_path: str = "master"):
    """The student notebook of ``master`` carrying the outputs of ``executed``.

    Args:
        master: the master notebook (solutions between markers).
        executed: the same master, executed.
        master_path: the master's path, for messages and the student's metadata.

    Returns:
        ``(notebook, dropped)``: the site's notebook and how many outputs were
        dropped because they showed a solution line.

    Raises:
        SiteBuildError: the executed notebook does not have the master's cells
            (cell count, types or sources differ), or one of its outputs is an error.
    """
    student = release.make_student(master, master_path)
    if len(executed.cells) != len(master.cells):
        raise SiteBuildError(
            f"{master_path}: the executed notebook has {len(executed.cells)} cells and the "
            f"master {len(master.cells)}; execute the master again (delete its cached run)."
        )
    lines = notebook_solution_lines(master)
    dropped = 0
    for index, (cell, ran, source) in enumerate(
        zip(student.cells, executed.cells, master.cells, strict=True)
    ):
        if cell.cell_type != ran.cell_type or ran.source != source.source:
            raise SiteBuildError(
                f"{master_path}: cell {index} of the executed notebook is not the master's; "
                "execute the master again (delete its cached run)."
            )
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in ran.get("outputs", []):
            if output.get("output_type") == "error":
                raise SiteBuildError(
                    f"{master_path}: cell {index} shows an error "
                    f"({output.get('ename')}: {output.get('evalue')}); it is never published."
                )
            clean = _clean_output(output, lines)
            if clean is None:
                dropped += 1
            else:
                outputs.append(clean)
        cell.outputs = outputs
        cell.execution_count = ran.get("execution_count")
    return student, dropped


def image_alts(nb, fallback) -> dict[str, str]:
    """Maps the sha256 of each PNG output's bytes to its alternative text.

    The text is ``output.metadata["image/png"]["alt"]`` (written by
    :mod:`gencourse.alt_text` when the lesson ran), else ``fallback(n)`` for the
    n-th figure of the notebook (counted from 1).
    """
    alts, count = {}, 0
    for cell in nb.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            png = output.get("data", {}).get("image/png")
            if png is None:
                continue
            count += 1
            raw = base64.b64decode(png if isinstance(png, str) else "".join(png))
            alt = str(output.get("metadata", {}).get("image/png", {}).get("alt", "")).strip()
            alts.setdefault(hashlib.sha256(raw).hexdigest(), alt or fallback(count))
    return alts


def add_header(nb, markdown: str):
    """A copy of ``nb`` with a markdown cell inserted after its first cell (the title)."""
    nb = copy.deepcopy(nb)
    cell = nbformat.v4.new_markdown_cell(markdown)
    nb.cells.insert(1 if nb.cells else 0, cell)
    return nb
