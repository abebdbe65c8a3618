"""The lines of the masters' solutions, which no file of the website may contain.

One helper for the builder (it drops any output that shows a solution line)
and for the tests (they search every built file for every line).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from gencourse import release

#: Lines with fewer letters and digits than this are too common to mean a leak
#: (``]``, ``return x``); every longer line of a solution is searched for.
MIN_CHARS = 6
_ALNUM = re.compile(r"[0-9A-Za-z_]")
_TRIVIAL = {"return", "pass", "break", "continue", "else:", "try:", "finally:", "return None"}


def solution_lines(source: str) -> list[str]:
    """The non-trivial lines between ``### BEGIN SOLUTION`` and ``### END SOLUTION``, stripped.

    Args:
        source: a cell's source.

    Returns:
        The lines in order, without blank lines, bare keywords, brackets and
        lines of fewer than :data:`MIN_CHARS` letters and digits.
    """
    found, inside = [], False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped in (release.BEGIN, release.END):
            inside = stripped == release.BEGIN
        elif inside and stripped not in _TRIVIAL and len(_ALNUM.findall(stripped)) >= MIN_CHARS:
            found.append(stripped)
    return found


def notebook_solution_lines(nb) -> list[str]:
    """Every solution line of a master notebook (see :func:`solution_lines`), once each."""
    lines: dict[str, None] = {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines.update(dict.fromkeys(solution_lines(cell.source)))
    return list(lines)


def course_solution_lines(root) -> dict[str, list[str]]:
    """Maps each master (``solutions/<lang>/<lesson>.ipynb``, relative) to its solution lines."""
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): notebook_solution_lines(release.read(path))
        for path in release.masters(root)
    }


def readable_forms(text: str) -> list[str]:
    """``text`` as written and as read: HTML entities and JSON string escapes undone.

    A solution line can hide in a built file behind ``&quot;`` (HTML), ``\\"``
    (JSON, a notebook) or between the ``<span>`` tags of highlighted code; the
    search looks at each form.
    """
    forms = [text]
    untagged = html.unescape(re.sub(r"<[^>]*>", "", text))
    forms.append(untagged)
    for form in (text, untagged):
        unjson = form.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
        forms.append(unjson)
    return forms


def leaks(text: str, lines) -> list[str]:
    """The solution ``lines`` found in ``text`` in any of its :func:`readable_forms`."""
    forms = readable_forms(text)
    return [line for line in lines if any(line in form for form in forms)]
