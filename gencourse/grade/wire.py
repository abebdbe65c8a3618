"""The one-way message stream from the sandboxed learner process to the grader.

A message is a JSON header and an optional binary payload (an ``.npz`` of
plain float64 arrays), each preceded by its length. The grader reads it with
size limits and never unpickles anything, so a garbled or hostile stream can
only end the run of that one submission.
"""

from __future__ import annotations

import io
import json
import os
import struct

import numpy as np

MAX_HEADER = 1 << 20
MAX_PAYLOAD = 64 << 20
_LEN = struct.Struct(">Q")


class WireError(Exception):
    """The stream broke off or does not follow the format."""


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def send(fd: int, header: dict, payload: bytes = b"") -> None:
    head = json.dumps(header).encode("utf-8")
    _write_all(fd, _LEN.pack(len(head)) + head + _LEN.pack(len(payload)) + payload)


def _read_exact(stream, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise WireError("end of stream")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def receive(stream) -> tuple[dict, bytes]:
    """Reads one message from a binary stream; raises WireError at the end or on garbage."""
    head_len = _LEN.unpack(_read_exact(stream, _LEN.size))[0]
    if head_len > MAX_HEADER:
        raise WireError(f"header of {head_len} bytes")
    try:
        header = json.loads(_read_exact(stream, head_len).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WireError(f"bad header: {exc}") from None
    if not isinstance(header, dict):
        raise WireError("header is not an object")
    size = _LEN.unpack(_read_exact(stream, _LEN.size))[0]
    if size > MAX_PAYLOAD:
        raise WireError(f"payload of {size} bytes")
    return header, _read_exact(stream, size)


def pack_arrays(arrays: dict[str, np.ndarray]) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def unpack_arrays(payload: bytes) -> dict[str, np.ndarray]:
    """Plain arrays from an ``.npz`` payload; objects (pickles) are refused."""
    if not payload:
        return {}
    try:
        with np.load(io.BytesIO(payload), allow_pickle=False) as npz:
            return {key: np.array(npz[key]) for key in npz.files}
    except Exception as exc:
        raise WireError(f"bad arrays: {type(exc).__name__}") from None
