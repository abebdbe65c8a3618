"""The one-way message stream from the sandboxed learner process to the grader.

A message is a JSON header and an optional binary payload (an ``.npz`` of
plain number arrays), each preceded by its length. The grader reads it with
size limits and never unpickles anything, so a garbled or hostile stream can
only end the run of that one submission.

The learner's code runs in the process that writes this stream and can write
on it too, so every message is checked before the grader uses it
(:func:`receive`): the header's size and nesting depth, its event and each
field's type, a cell index that belongs to the plan, an exercise name the
grader asked for, records that are objects with the fields of their status.
The payload's archive is checked from its directory and each array's header
before anything is decompressed (:func:`unpack_arrays`): a zip bomb is
refused without allocating. A message that breaks a rule raises
:class:`Violation`, which the grader counts as that submission's protocol
crash.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import struct
import zipfile
from dataclasses import dataclass

import numpy as np

from gencourse.grade import bounded

MAX_HEADER = 1 << 20
MAX_PAYLOAD = 64 << 20
#: The deepest header (records hold plain trees, at most 3 sequences deep).
MAX_DEPTH = 16
#: The most arrays in one payload, and the most values in one array.
MAX_MEMBERS = 4096
MAX_ARRAY_VALUES = 1 << 22
#: The most bytes a payload's arrays may hold together once decompressed.
MAX_UNPACKED = MAX_PAYLOAD
#: The most records (one per case) in one exercise's message.
MAX_RECORDS = 256
_LEN = struct.Struct(">Q")
_EVENTS = ("ready", "cell", "cell_done", "exercise", "exercise_done", "done")
_RECORD_STATUSES = ("value", "not_implemented", "error", "wrong_type", "wrong_form")
_STATES = ("missing", "not_callable", "ran")
# What a type's or an exception's name may look like when shown to people.
_TYPE_NAME = re.compile(r"[A-Za-z_][\w.]{0,59}")
_NUMBER_KINDS = "biuf"


class WireError(Exception):
    """The stream broke off or does not follow the format."""


class Violation(WireError):
    """A message arrived whole but breaks the protocol (the learner's forgery, say)."""


@dataclass(frozen=True)
class Expected:
    """What the grader asked this start of the child to do: the messages it may answer with."""

    cells: frozenset
    exercises: frozenset


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


def receive(stream, expected: Expected | None = None) -> tuple[dict, bytes]:
    """Reads one message from a binary stream and checks it (see :func:`message`).

    Raises:
        WireError: at the end of the stream; :class:`Violation` on a message
            that breaks the format or the protocol.
    """
    head_len = _LEN.unpack(_read_exact(stream, _LEN.size))[0]
    if head_len > MAX_HEADER:
        raise Violation(f"header of {head_len} bytes")
    head = _read_exact(stream, head_len)
    size = _LEN.unpack(_read_exact(stream, _LEN.size))[0]
    if size > MAX_PAYLOAD:
        raise Violation(f"payload of {size} bytes")
    payload = _read_exact(stream, size)
    return message(head, expected), payload


def message(head: bytes, expected: Expected | None = None) -> dict:
    """A header's bytes as a checked message, or :class:`Violation`.

    Args:
        head: the header as sent (JSON).
        expected: the planned cells and the exercises asked for (None: any
            cell index and exercise name of the right type).

    Returns:
        The header, its fields of the types the grader relies on: ``index``
        an int, ``name`` a str, ``error`` and ``type`` short names,
        ``records`` a list of objects with a known ``status`` and a ``detail``
        of strings, ``library`` a list of strings, ``tampered`` a bool.
    """
    try:
        header = bounded.loads(head, MAX_DEPTH)
    except bounded.TooDeep as exc:
        raise Violation(f"bad header: {exc}") from None
    except ValueError as exc:
        raise Violation(f"bad header: {type(exc).__name__}") from None
    if not isinstance(header, dict):
        raise Violation("header is not an object")
    event = header.get("event")
    if event not in _EVENTS:
        raise Violation(f"unknown event {str(event)[:40]!r}")
    if event in ("cell", "cell_done"):
        index = header.get("index")
        if type(index) is not int or index < 0:
            raise Violation("cell index is not a number of a cell")
        if expected is not None and index not in expected.cells:
            raise Violation(f"cell {index} is not in the plan")
        if event == "cell_done":
            header["error"] = _error_name(header.get("error"))
    if event in ("exercise", "exercise_done"):
        name = header.get("name")
        if not isinstance(name, str) or (expected is not None and name not in expected.exercises):
            raise Violation("not an exercise the grader asked for")
    if event == "exercise_done":
        _check_exercise_done(header)
    return header


def _error_name(error) -> str | None:
    """A cell's error as the exception's name only (None: no error)."""
    if error is None:
        return None
    if not isinstance(error, str):
        raise Violation("cell error is not a name")
    return type_name(error)


def type_name(text) -> str:
    """A type's or an exception's name as sent by the child, or ``"?"`` if it is not one."""
    text = str(text)
    return text if _TYPE_NAME.fullmatch(text) else "?"


def _check_exercise_done(header: dict) -> None:
    state = header.get("state")
    if state not in _STATES:
        raise Violation("unknown exercise state")
    if state == "not_callable":
        header["type"] = type_name(header.get("type"))
    if state != "ran":
        return
    records = header.get("records")
    if not isinstance(records, list) or len(records) > MAX_RECORDS:
        raise Violation(f"records are not a list of at most {MAX_RECORDS}")
    for item in records:
        if not isinstance(item, dict) or item.get("status") not in _RECORD_STATUSES:
            raise Violation("a record is not an object with a known status")
        detail = item.get("detail", {})
        if not isinstance(detail, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in detail.items()
        ):
            raise Violation("a record's detail is not an object of texts")
        item["detail"] = {k[:40]: v[:200] for k, v in list(detail.items())[:8]}
        if "error" in item["detail"]:
            item["detail"]["error"] = type_name(item["detail"]["error"])
        if "type" in item["detail"]:
            item["detail"]["type"] = type_name(item["detail"]["type"])
        if "type" in item:
            item["type"] = type_name(item["type"])
    library = header.get("library", [])
    if not isinstance(library, list) or not all(isinstance(x, str) for x in library):
        raise Violation("library calls are not a list of names")
    header["library"] = [x[:120] for x in library[:10]]
    if not isinstance(header.get("tampered", False), bool):
        raise Violation("tampered is not true or false")


def pack_arrays(arrays: dict[str, np.ndarray]) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def unpack_arrays(payload: bytes, max_values: int = MAX_ARRAY_VALUES) -> dict[str, np.ndarray]:
    """Plain number arrays from an ``.npz`` payload, every size checked before it is read.

    The archive's directory bounds the members' count and their declared
    sizes (each and together); each member's ``.npy`` header bounds its array
    (a number dtype, ``shape`` times ``itemsize`` within the member's declared
    size and at most ``max_values`` values) before its data is read. Objects
    (pickles) are refused.

    Raises:
        Violation: on anything else (named in its message).
    """
    if not payload:
        return {}
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise Violation(f"bad arrays: {len(members)} members")
            if sum(m.file_size for m in members) > MAX_UNPACKED:
                raise Violation("bad arrays: too large once decompressed")
            arrays = {}
            for member in members:
                if not member.filename.endswith(".npy") or member.filename[:-4] in arrays:
                    raise Violation("bad arrays: member")
                with archive.open(member) as f:
                    arrays[member.filename[:-4]] = _read_npy(f, member.file_size, max_values)
            return arrays
    except Violation:
        raise
    except Exception as exc:
        raise Violation(f"bad arrays: {type(exc).__name__}") from None


def _read_npy(f, declared: int, max_values: int) -> np.ndarray:
    """One ``.npy`` member, its header checked against its declared size before its data is read."""
    fmt = np.lib.format
    version = fmt.read_magic(f)
    if version == (1, 0):
        shape, fortran, dtype = fmt.read_array_header_1_0(f)
    elif version == (2, 0):
        shape, fortran, dtype = fmt.read_array_header_2_0(f)
    else:
        raise Violation("bad arrays: npy version")
    if dtype.kind not in _NUMBER_KINDS or dtype.hasobject:
        raise Violation("bad arrays: not numbers")
    count = math.prod(shape)
    if count > max_values or count * dtype.itemsize > declared:
        raise Violation("bad arrays: shape larger than its data")
    data = f.read(count * dtype.itemsize)
    if len(data) != count * dtype.itemsize:
        raise Violation("bad arrays: data cut short")
    array = np.frombuffer(data, dtype=dtype).copy()
    return array.reshape(shape[::-1]).T if fortran else array.reshape(shape)
