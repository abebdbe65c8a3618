"""Does the message stream bring back what was sent, and nothing but an error from garbage?

gencourse.grade.wire, through a real pipe and through bytes made here.
"""

from __future__ import annotations

import io
import json
import os
import struct
import threading

import numpy as np
import pytest

from gencourse.grade import wire


def _through_a_pipe(*messages):
    """Sends ``(header, payload)`` messages down a pipe; returns the read end as a stream."""
    r, w = os.pipe()
    for header, payload in messages:
        wire.send(w, header, payload)
    os.close(w)
    return os.fdopen(r, "rb")


def _frame(head: bytes, payload: bytes = b"") -> bytes:
    return struct.pack(">Q", len(head)) + head + struct.pack(">Q", len(payload)) + payload


def test_do_messages_come_back_in_order_with_their_payloads():
    arrays = {"c0": np.arange(3.0), "c1": np.eye(2)}
    stream = _through_a_pipe(
        ({"event": "ready"}, b""),
        (
            {"event": "exercise_done", "name": "f", "state": "ran", "records": []},
            wire.pack_arrays(arrays),
        ),
    )
    with stream:
        assert wire.receive(stream) == ({"event": "ready"}, b"")
        header, payload = wire.receive(stream)
        with pytest.raises(wire.WireError, match="end of stream"):
            wire.receive(stream)
    assert header["name"] == "f" and header["records"] == []
    back = wire.unpack_arrays(payload)
    assert sorted(back) == ["c0", "c1"]
    np.testing.assert_array_equal(back["c1"], np.eye(2))


def test_does_a_stream_cut_short_raise_wire_error():
    whole = _frame(b'{"event": "cell"}', b"12345")
    for cut in (3, 10, len(whole) - 2):
        with pytest.raises(wire.WireError, match="end of stream"):
            wire.receive(io.BytesIO(whole[:cut]))


@pytest.mark.parametrize(
    "data, match",
    [
        (_frame(b"\xff\xfe"), "bad header"),
        (_frame(b"{not json"), "bad header"),
        (_frame(b"[1, 2]"), "header is not an object"),
        (struct.pack(">Q", wire.MAX_HEADER + 1), "header of"),
        (_frame(b"{}")[:-8] + struct.pack(">Q", wire.MAX_PAYLOAD + 1), "payload of"),
    ],
)
def test_does_a_garbled_message_raise_wire_error_without_reading_on(data, match):
    with pytest.raises(wire.WireError, match=match):
        wire.receive(io.BytesIO(data))


def test_are_object_arrays_refused_so_nothing_is_ever_unpickled():
    buffer = io.BytesIO()
    np.savez(buffer, c0=np.array([{"a": 1}], dtype=object))
    with pytest.raises(wire.WireError, match="bad arrays"):
        wire.unpack_arrays(buffer.getvalue())
    with pytest.raises(wire.WireError, match="bad arrays"):
        wire.unpack_arrays(b"not an npz file")
    assert wire.unpack_arrays(b"") == {}


def test_does_a_large_message_pass_a_pipe_whole():
    big = {"c0": np.random.default_rng(0).normal(size=200_000)}  # 1.6 MB: many pipe buffers
    r, w = os.pipe()
    writer = threading.Thread(
        target=lambda: (wire.send(w, {"event": "ready"}, wire.pack_arrays(big)), os.close(w))
    )
    writer.start()
    with os.fdopen(r, "rb") as stream:
        header, payload = wire.receive(stream)
    writer.join()
    assert header == {"event": "ready"}
    np.testing.assert_array_equal(wire.unpack_arrays(payload)["c0"], big["c0"])


def test_is_the_header_plain_json():
    stream = _through_a_pipe(({"event": "cell", "index": 3}, b""))
    with stream:
        raw = stream.read()
    (n,) = struct.unpack(">Q", raw[:8])
    assert json.loads(raw[8 : 8 + n]) == {"event": "cell", "index": 3}
