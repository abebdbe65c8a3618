"""Case inputs and answers as JSON plus plain arrays: the public checks file's format.

A value becomes a node: ``{"p": x}`` for ``None``, booleans, integers, finite
floats and strings (kept as the Python values they are; ``{"f": "inf"}`` for
a float JSON cannot hold), ``{"a": key}`` for
a NumPy array (``{"s": key}`` for a NumPy scalar) stored under ``key``, and
``{"t": [...]}``, ``{"l": [...]}``, ``{"d": {...}}`` for tuples, lists and
dicts with string keys. Tensors become arrays. Nothing is pickled: the file
is read with ``allow_pickle=False``, so it holds data only.

:func:`digest` names the same value with the same short hash, however it was
copied, so that an answer can be looked up by the inputs it was computed on.
"""

from __future__ import annotations

import hashlib
import io
import json
import math

import numpy as np

DOC = "__doc__"
_NUMBER_KINDS = "biuf"


class CodecError(ValueError):
    """A value that the format cannot hold (an object, a complex number, ...)."""


class Encoder:
    """Encodes values into nodes, keeping their arrays (write them with :func:`write`)."""

    def __init__(self):
        self.arrays: dict[str, np.ndarray] = {}

    def _array(self, value: np.ndarray, kind: str) -> dict:
        if value.dtype.kind not in _NUMBER_KINDS:
            raise CodecError(f"an array of {value.dtype} (only numbers and booleans)")
        key = f"a{len(self.arrays)}"
        self.arrays[key] = np.array(value, copy=True)
        return {kind: key}

    def encode(self, value, depth: int = 0) -> dict:
        if depth > 8:
            raise CodecError("values nested more than 8 levels deep")
        if isinstance(value, np.generic):  # first: np.float64 is a float too
            return self._array(np.asarray(value), "s")
        if value is None or isinstance(value, bool | str | int):
            return {"p": value}
        if isinstance(value, float):
            return {"p": value} if math.isfinite(value) else {"f": repr(value)}
        if isinstance(value, np.ndarray):
            return self._array(value, "a")
        if hasattr(value, "numpy") and callable(value.numpy):  # a tensor
            return self._array(np.asarray(value.numpy()), "a")
        if isinstance(value, tuple):
            return {"t": [self.encode(v, depth + 1) for v in value]}
        if isinstance(value, list):
            return {"l": [self.encode(v, depth + 1) for v in value]}
        if isinstance(value, dict) and all(isinstance(k, str) for k in value):
            return {"d": {k: self.encode(v, depth + 1) for k, v in value.items()}}
        raise CodecError(f"a value of type {type(value).__name__}")


def decode(node, arrays: dict[str, np.ndarray]):
    """The value a node stands for (fresh arrays each time)."""
    ((kind, content),) = node.items()
    if kind == "p":
        return content
    if kind == "f":
        return float(content)  # inf, -inf, nan: no JSON number
    if kind == "a":
        return np.array(arrays[content], copy=True)
    if kind == "s":
        return arrays[content][()]
    if kind == "t":
        return tuple(decode(n, arrays) for n in content)
    if kind == "l":
        return [decode(n, arrays) for n in content]
    if kind == "d":
        return {k: decode(n, arrays) for k, n in content.items()}
    raise CodecError(f"unknown node {kind!r}")


def digest(value) -> str:
    """A short hash of a value's content (types, dtypes, shapes and numbers)."""
    h = hashlib.sha256()

    def walk(v):
        if isinstance(v, np.ndarray | np.generic):
            a = np.asarray(v)
            h.update(f"A{a.dtype.str}{a.shape}".encode())
            h.update(np.ascontiguousarray(a).tobytes())
        elif hasattr(v, "numpy") and callable(v.numpy):
            walk(np.asarray(v.numpy()))
        elif isinstance(v, tuple | list):
            h.update(f"{'T' if isinstance(v, tuple) else 'L'}{len(v)}".encode())
            for item in v:
                walk(item)
        elif isinstance(v, dict):
            h.update(f"D{len(v)}".encode())
            for k in sorted(v):
                h.update(repr(k).encode())
                walk(v[k])
        else:
            h.update(f"P{type(v).__name__}:{v!r}".encode())

    walk(value)
    return h.hexdigest()[:24]


def write(doc: dict, arrays: dict[str, np.ndarray]) -> bytes:
    """The file's bytes: an uncompressed ``.npz`` of the arrays and the JSON document."""
    buffer = io.BytesIO()
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")
    np.savez(buffer, **arrays, **{DOC: np.frombuffer(text, dtype=np.uint8)})
    return buffer.getvalue()


def read(data: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    """The document and arrays of a file :func:`write` made (nothing is unpickled)."""
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        arrays = {key: np.array(npz[key]) for key in npz.files}
    doc = json.loads(arrays.pop(DOC).tobytes().decode("utf-8"))
    return doc, arrays
