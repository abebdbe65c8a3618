"""What a learner's exception means, told in the verdict's language.

An exception's own text is English (NumPy's, TensorFlow's, Python's). The
verdict says in the notebook's language what happened, from the text's
well-known forms (two shapes that do not broadcast, a reshape to the wrong
size, a float used as an index, ...) or else from the exception's type, and
keeps the original text as a detail (see ``check.error`` in the catalogue).
"""

from __future__ import annotations

import re

# (pattern on the exception's text, message key). The first match wins.
_TEXT_FORMS = (
    # (n, k) and (n,): a row-wise sum or maximum that lost its axis.
    (r"could not be broadcast together with shapes \((\d+),\s*(\d+)\)\s*\(\1,\)", "error.keepdims"),
    (r"could not be broadcast together", "error.broadcast"),
    (r"could not broadcast input array from shape", "error.assign_shape"),
    (r"cannot reshape (array|tensor)", "error.reshape"),
    (r"must have same number of dimensions", "error.concat_ndim"),
    (r"dimensions except for the concatenation axis must match", "error.concat_shape"),
    (
        r"slice indices must be integers|only integers, slices|must be of integer",
        "error.float_index",
    ),
    (r"out of bounds|index out of range", "error.out_of_bounds"),
    (
        r"matmul: Input operand|not aligned|Incompatible shapes|Matrix size-incompatible",
        "error.matmul",
    ),
    (r"truth value of an array with more than one element is ambiguous", "error.truth_value"),
    (
        r"unsupported operand type|can't multiply sequence|can only concatenate",
        "error.operand_type",
    ),
    (r"has no attribute", "error.attribute"),
    (r"is not defined", "error.name"),
    (r"Cannot convert|could not convert", "error.convert"),
)

# Exception types by name, for texts of no known form.
_TYPES = {
    "MemoryError": "error.memory",
    "RecursionError": "error.recursion",
    "ZeroDivisionError": "error.zero_division",
    "FloatingPointError": "error.floating_point",
    "OverflowError": "error.overflow",
    "SystemExit": "error.exit",
    "KeyError": "error.key",
    "IndexError": "error.index",
    "TypeError": "error.type",
    "ValueError": "error.value",
    "AssertionError": "error.assertion",
    "LinAlgError": "error.linalg",
    "InvalidArgumentError": "error.tensorflow",
    "UnboundLocalError": "error.unbound",
    "NameError": "error.name",
    "AttributeError": "error.attribute",
}


def explain_error(error: str, text: str) -> str:
    """The message key that says what the exception ``error`` with ``text`` means.

    Example:
        >>> explain_error("ValueError", "cannot reshape array of size 384 into shape (6,784)")
        'error.reshape'
    """
    for pattern, key in _TEXT_FORMS:
        if re.search(pattern, text or ""):
            return key
    return _TYPES.get(error, "error.other")


def error_hint_key(hints, text: str) -> str | None:
    """The hint of the first ``(pattern, key)`` in ``hints`` whose pattern the text matches."""
    for pattern, key in hints:
        if re.search(pattern, text or ""):
            return key
    return None
