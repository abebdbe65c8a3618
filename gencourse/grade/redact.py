"""Texts a learner's code produced, made safe to show: no values of the grading inputs.

An exception raised by a learner's function may carry its arguments in its
message (``ValueError(f"bad input {x}")``), and those arguments are the
inputs drawn from the batch's secret seed. Shown in feedback, they would let
a student collect them and hand in a table of answers. So the feedback keeps
the exception's words and shapes but not its numbers: a bracketed run of
values becomes ``[array]``, a run of several numbers ``[array]``, and a
number with a fractional part of three digits or more (or an exponent)
``[number]``. Small integers (a shape, an axis, a count) stay.
"""

from __future__ import annotations

import re

_NUM = r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?"
# The innermost bracketed span holding a digit, or three dots (NumPy's summary).
_BRACKETS = re.compile(r"\[[^\[\]]*(?:\d|\.\.\.)[^\[\]]*\]")
_RUN = re.compile(rf"{_NUM}(?:[\s,;]+{_NUM}){{1,}}")
_LONG = re.compile(r"[-+]?(?:\d*\.\d{3,}|\d+(?:\.\d*)?[eE][-+]?\d+)")
_REPEATED = re.compile(r"\[array\](?:[\s,]*\[array\])+")


def without_values(text: str) -> str:
    """``text`` with every array and long number replaced (see the module's docstring)."""
    text = str(text)
    for _ in range(16):  # nested brackets, innermost first (a message is at most 200 characters)
        replaced = _BRACKETS.sub("[array]", text)
        if replaced == text:
            break
        text = replaced
    text = _REPEATED.sub("[array]", text)
    text = _RUN.sub(lambda m: m.group(0) if _shape_like(m.group(0)) else "[array]", text)
    return _LONG.sub("[number]", text)


def _shape_like(run: str) -> bool:
    """A run of small whole numbers separated by commas (a shape such as ``3, 4``) is kept."""
    parts = [p for p in re.split(r"[\s,;]+", run) if p]
    return all(p.isdigit() and len(p) <= 4 for p in parts) and "," in run
