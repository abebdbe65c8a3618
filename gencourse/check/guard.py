"""What keeps a check standing: a time limit per case, and settings the learner cannot reach.

**Time limit.** A learner's function that never returns (a ``while`` loop
whose condition never turns false) would hang the check cell. Each case
therefore runs under :func:`case_time_limit`: after ``seconds`` the function
is interrupted with :class:`CaseTimeout`, which the harness turns into a
verdict naming the case and the limit. How it interrupts:

- on Linux and macOS, in the main thread (a Jupyter kernel runs cells there),
  with ``SIGALRM`` from ``setitimer``. The previous handler and any timer
  armed before (pytest-timeout's, say) are put back afterwards, with the time
  that timer had left: no alarm stays armed after a case;
- elsewhere (Windows, which has no ``SIGALRM``, or a thread that is not the
  main one), a watchdog thread raises the exception in the checking thread
  with ``PyThreadState_SetAsyncExc``, and clears it if the case ended first.

Either way the exception reaches Python code only between bytecodes: one
long call into compiled code (a huge matrix product) ends before it is
interrupted, as with the notebook's stop button. The stop button itself
(``KeyboardInterrupt``) keeps working: nothing here touches ``SIGINT``.
``CaseTimeout`` derives from ``BaseException``, so a learner's ``except
Exception`` does not swallow it; it is raised again every second until the
function lets it through (a loop that catches ``BaseException`` itself may
never let it through: only the stop button ends that one).

``GENCOURSE_CHECK_SECONDS`` sets the limit (default 15 seconds; ``0`` or
``off`` turns it off, e.g. under a grader that has its own limits).

**Settings.** The reference, the known mistakes and the comparisons run
under :func:`neutral_settings`: NumPy's error state and print options, Keras'
float type, epsilon and dtype policy, and TensorFlow's TF32 and eager
switches as a fresh session has them, whatever an earlier cell set
(``np.seterr(all="raise")``, ``keras.config.set_floatx("float16")``, ...);
each is put back afterwards.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time

#: The default time limit of one case, in seconds.
DEFAULT_SECONDS = 15.0
_ENV = "GENCOURSE_CHECK_SECONDS"
_OFF = {"0", "off", "none", "no", "false"}
# After the first interruption, how often to interrupt again a function that swallowed it.
_REPEAT = 1.0


class CaseTimeout(BaseException):
    """Raised inside a learner's function that ran past a case's time limit.

    A ``BaseException``, like ``KeyboardInterrupt``, so that ``except Exception``
    in the learner's code does not swallow it.
    """

    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.seconds = seconds


def case_seconds() -> float | None:
    """The time limit of one case from ``GENCOURSE_CHECK_SECONDS``, or None when it is off.

    Raises:
        ValueError: if the variable is neither a number of seconds nor ``off``.
    """
    raw = os.environ.get(_ENV, "").strip().lower()
    if not raw:
        return DEFAULT_SECONDS
    if raw in _OFF:
        return None
    try:
        seconds = float(raw)
    except ValueError:
        raise ValueError(
            f"{_ENV} must be a number of seconds, or 0/off for no limit. Received: {raw!r}"
        ) from None
    if not seconds > 0 or seconds == float("inf"):
        return None
    return seconds


def _alarm_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def case_time_limit(seconds: float | None):
    """Raises :class:`CaseTimeout` in the body once it has run ``seconds`` (None: no limit).

    Example:
        >>> with case_time_limit(2.0):
        ...     answer = fn(*args)
    """
    if seconds is None:
        yield
    elif _alarm_usable():
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextlib.contextmanager
def _alarm(seconds: float):
    previous = signal.getsignal(signal.SIGALRM)
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    start = time.monotonic()
    outer_due = start + outer_delay if outer_delay > 0 else None
    state = {"active": True, "outer_fired": False}

    def on_alarm(signum, frame):
        now = time.monotonic()
        if outer_due is not None and not state["outer_fired"] and now >= outer_due - 1e-3:
            # The timer armed before ours came due: its handler's turn.
            state["outer_fired"] = True
            if now < start + seconds:
                signal.setitimer(signal.ITIMER_REAL, start + seconds - now, _REPEAT)
            if callable(previous):
                previous(signum, frame)
            elif previous == signal.SIG_DFL:
                signal.signal(signal.SIGALRM, signal.SIG_DFL)
                signal.raise_signal(signal.SIGALRM)
            return
        if not state["active"]:
            return
        if _in_this_module(frame):
            # Setting up or taking down the limit: raising here could leave it armed. Try again soon.
            signal.setitimer(signal.ITIMER_REAL, 0.01, _REPEAT)
            return
        raise CaseTimeout(seconds)

    signal.signal(signal.SIGALRM, on_alarm)
    first = seconds if outer_due is None else min(seconds, outer_delay)
    signal.setitimer(signal.ITIMER_REAL, first, _REPEAT)
    try:
        yield
    finally:
        state["active"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_due is not None and not state["outer_fired"]:
            # Put the earlier timer back with the time it had left.
            left = max(outer_due - time.monotonic(), 1e-3)
            signal.setitimer(signal.ITIMER_REAL, left, outer_interval)


def _set_async_exc(thread_id: int, exc_type) -> int:
    return ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc_type) if exc_type else None
    )


@contextlib.contextmanager
def _watchdog(seconds: float):
    target = threading.get_ident()
    lock = threading.Lock()
    done = threading.Event()
    state = {"running": True, "posted": 0, "raised": 0}

    class Timeout(CaseTimeout):
        # Raised by type, without arguments: the limit is this class's own. Counting each
        # raise tells the watchdog whether a timeout it posted is still on its way.
        def __init__(self):
            super().__init__(seconds)
            state["raised"] += 1

    def watch():
        wait = seconds
        while not done.wait(wait):
            with lock:
                if not state["running"]:
                    return
                if _in_this_module(sys._current_frames().get(target)):
                    wait = 0.01  # taking down the limit: raising there could leave it armed
                    continue
                if state["posted"] == state["raised"]:  # at most one on its way
                    state["posted"] += 1
                    _set_async_exc(target, Timeout)
            wait = _REPEAT

    thread = threading.Thread(target=watch, name="gencourse-case-limit", daemon=True)
    thread.start()
    try:
        yield
    finally:
        try:
            with lock:
                state["running"] = False
                done.set()
            thread.join()
        except Timeout:  # posted just as the body ended: the case is over, drop it
            pass
        _take_pending(state, Timeout)


def _take_pending(state, timeout_class) -> None:
    """Catches here a timeout the watchdog posted that has not been raised yet.

    It is raised at one of this thread's next instructions, so a short loop takes it.
    (Clearing it with ``PyThreadState_SetAsyncExc(thread, NULL)`` instead would leave
    CPython 3.11's interpreter-wide "asynchronous exception pending" flag set for good:
    every later instruction of every thread then checks for it, and a later
    ``sys.setprofile`` hook never gets past its first call.)
    """
    deadline = time.monotonic() + 5.0
    while state["raised"] < state["posted"] and time.monotonic() < deadline:
        try:
            for _ in range(100):
                pass
        except timeout_class:
            pass


def _in_this_module(frame) -> bool:
    """Whether ``frame`` (where a signal or a thread's exception would land) is this module's or contextlib's."""
    while frame is not None:
        name = frame.f_code.co_filename
        if name == __file__ or name == contextlib.__file__:
            return True
        if frame.f_code.co_name == "record":
            return False  # the harness around the learner's call: raising there is caught
        frame = frame.f_back
    return False


# --- settings a learner's earlier cell may have changed -------------------------------------

_PRINT_DEFAULTS = {
    "edgeitems": 3,
    "threshold": 1000,
    "floatmode": "maxprec",
    "precision": 8,
    "suppress": False,
    "linewidth": 75,
    "nanstr": "nan",
    "infstr": "inf",
    "sign": "-",
    "formatter": None,
    "legacy": False,
}


@contextlib.contextmanager
def neutral_settings():
    """NumPy, Keras and TensorFlow as a fresh session has them, put back on exit.

    NumPy's floating-point errors are ignored (the verdict reports NaN and
    infinity itself), and Keras and TensorFlow are only reset where they have
    already been imported.
    """
    import numpy as np

    with contextlib.ExitStack() as stack:
        stack.enter_context(np.errstate(all="ignore"))
        stack.enter_context(np.printoptions(**_PRINT_DEFAULTS))
        if "keras" in sys.modules:
            stack.enter_context(_keras_defaults())
        if "tensorflow" in sys.modules:
            stack.enter_context(_tensorflow_defaults())
        yield


@contextlib.contextmanager
def _keras_defaults():
    import keras

    config = keras.config
    saved = (config.floatx(), config.epsilon(), config.dtype_policy())
    config.set_floatx("float32")
    config.set_epsilon(1e-7)
    config.set_dtype_policy("float32")
    try:
        yield
    finally:
        config.set_floatx(saved[0])
        config.set_epsilon(saved[1])
        config.set_dtype_policy(saved[2])


@contextlib.contextmanager
def _tensorflow_defaults():
    import tensorflow as tf

    experimental = tf.config.experimental
    saved = (experimental.tensor_float_32_execution_enabled(), tf.config.functions_run_eagerly())
    experimental.enable_tensor_float_32_execution(False)
    tf.config.run_functions_eagerly(False)
    try:
        yield
    finally:
        experimental.enable_tensor_float_32_execution(saved[0])
        tf.config.run_functions_eagerly(saved[1])
