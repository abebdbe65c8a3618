"""Reading what a running child sends back: its output (capped) and its messages.

Each runs on a thread of its own for one start of the child, so that a child
that floods its output or stops talking cannot block the grader.
"""

from __future__ import annotations

import os
import queue
import threading

from gencourse.grade import wire


class _Output:
    """Drains the child's stdout/stderr, keeping the first ``cap`` bytes."""

    def __init__(self, cap: int):
        self.cap = cap
        self.kept = bytearray()
        self.dropped = 0
        self.lock = threading.Lock()

    def drain(self, fd: int) -> None:
        try:
            while True:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    break
                with self.lock:
                    room = self.cap - len(self.kept)
                    if room > 0:
                        self.kept += chunk[:room]
                    self.dropped += max(0, len(chunk) - max(room, 0))
        except OSError:
            pass
        finally:
            try:
                os.close(fd)
            except OSError:
                pass


def _read_messages(stream, inbox: queue.Queue, expected: wire.Expected | None = None) -> None:
    """Puts each checked message of ``stream`` in ``inbox``; ``("eof", why)`` when it ends or breaks.

    A message that breaks the protocol (:class:`wire.Violation`) is passed on as
    an event the grader does not know, which ends that run as a protocol crash.
    """
    try:
        while True:
            inbox.put(wire.receive(stream, expected))
    except wire.Violation as exc:
        inbox.put(({"event": "violation", "reason": str(exc)[:200]}, b""))
    except Exception as exc:  # the end of the stream, or anything the grader did not foresee
        inbox.put(("eof", f"{type(exc).__name__}: {str(exc)[:200]}"))
    finally:
        try:
            stream.close()
        except OSError:
            pass


def _write_job(fd: int, data: bytes) -> None:
    """Writes the child's job on its pipe, then closes it (the child reads to the end)."""
    try:
        wire._write_all(fd, data)
    except OSError:
        pass
    finally:
        try:
            os.close(fd)
        except OSError:
            pass
