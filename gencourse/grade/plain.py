"""What a learner's function returned, as plain data: the only answer form that leaves the sandbox.

The sandboxed child imports no check module (the grading copy of the package
has none), so it cannot apply an exercise's ``pack``. It turns the returned
value into a *plain tree* instead: tuples and lists stay tuples and lists
(a few levels deep), every other value becomes a NumPy array of numbers in
its own dtype (through ``.numpy()`` or ``np.asarray``, as the checks convert
it), a short ``str`` (at most :data:`MAX_TEXT` characters: the words a choice
exercise returns) and ``None`` stay what they are, and whatever else is no
array of numbers becomes an opaque leaf that names its type. The grader
rebuilds the tree in its own process, where the exercise's ``pack`` (or the
plain float64 conversion) turns it into the one array it judges. Nothing here
imports the course package.
"""

from __future__ import annotations

import numpy as np

MAX_DEPTH = 3
MAX_ITEMS = 64
MAX_LEAVES = 256
#: The longest text kept as text (a longer one becomes an opaque leaf).
MAX_TEXT = 64
NUMBER_KINDS = "biuf"


class TreeError(ValueError):
    """A tree a child sent does not follow the format."""


class Opaque:
    """A returned item that is no array of numbers; converting it fails as the original would."""

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __array__(self, *args, **kwargs):
        raise TypeError(self.type_name)


def _leaf(value, arrays: dict, key: str):
    if value is None:
        return {"n": None}
    if type(value) is str and len(value) <= MAX_TEXT:
        return {"s": value}
    if isinstance(value, str | bytes | dict | set):
        return {"x": type(value).__name__}
    try:
        if hasattr(value, "numpy") and callable(value.numpy):
            value = value.numpy()
        raw = np.asarray(value)
    except KeyboardInterrupt:
        raise
    except BaseException:  # an __array__ that raises, a ragged list
        return {"x": type(value).__name__[:60]}
    if raw.dtype.kind not in NUMBER_KINDS:
        return {"x": type(value).__name__[:60]}
    arrays[key] = np.array(raw, copy=True)
    return {"a": key}


def to_tree(value, arrays: dict, prefix: str) -> dict:
    """The tree of ``value``; its arrays go into ``arrays`` under keys starting with ``prefix``."""
    count = [0]

    def walk(item, depth):
        if isinstance(item, tuple | list) and depth < MAX_DEPTH and len(item) <= MAX_ITEMS:
            kind = "t" if isinstance(item, tuple) else "l"
            return {kind: [walk(part, depth + 1) for part in item]}
        count[0] += 1
        if count[0] > MAX_LEAVES:
            return {"x": type(item).__name__[:60]}
        return _leaf(item, arrays, f"{prefix}_{count[0]}")

    return walk(value, 0)


def from_tree(tree, arrays: dict, max_values: int):
    """Rebuilds a tree the child sent: tuples, lists, arrays and :class:`Opaque` leaves.

    Raises:
        TreeError: on anything but the format (an unknown node, a missing or
            oversized array, an array that is not of numbers, too many leaves).
    """
    count = [0]

    def walk(node, depth):
        if not isinstance(node, dict) or len(node) != 1 or depth > MAX_DEPTH:
            raise TreeError("node")
        ((kind, content),) = node.items()
        if kind in ("t", "l"):
            if not isinstance(content, list) or len(content) > MAX_ITEMS:
                raise TreeError("sequence")
            items = [walk(part, depth + 1) for part in content]
            return tuple(items) if kind == "t" else items
        count[0] += 1
        if count[0] > MAX_LEAVES:
            raise TreeError("leaves")
        if kind == "x":
            return Opaque(str(content)[:60])
        if kind == "n":
            if content is not None:
                raise TreeError("none")
            return None
        if kind == "s":
            if not isinstance(content, str) or len(content) > MAX_TEXT:
                raise TreeError("text")
            return content
        if kind == "a":
            value = arrays.get(content) if isinstance(content, str) else None
            if value is None or value.dtype.kind not in NUMBER_KINDS or value.size > max_values:
                raise TreeError("array")
            return value
        raise TreeError("kind")

    return walk(tree, 0)
