"""The sandboxed process that runs one learner's notebook (started by :mod:`gencourse.grade.sandbox`).

It reads its job (the cells to run, the exercises to record and their case
inputs) from a file it deletes at once, imports TensorFlow and the course
before any learner code runs, then caps its own memory (address space) and
the size of files it may write. It runs the planned cells in an IPython shell,
so magics and ``sys.exit`` behave as in Jupyter, and reports each step on a
private pipe. Finally it calls each exercise's function on the case inputs,
turns every result into a plain float64 array and sends the arrays back.

A function that runs out of memory on one case is not run on the others: they
count as the same ``MemoryError`` (each would fill the memory again).

Nothing is judged here: the reference answers never exist in this process.
While an exercise's function runs, a profiling hook notes any call into the
course's own implementations (``gencourse.models``, ``gencourse.check``,
``gencourse.metrics``, ``gencourse.augment``), so that an answer that merely calls the library earns
nothing; a call made from inside another exercise's function is that other
exercise's business.
"""

from __future__ import annotations

import os
import pickle
import sys

# Taken before any learner code runs, which may replace the names in ``sys``.
_setprofile, _getprofile = sys.setprofile, sys.getprofile


def _vm_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _limit(memory_bytes: int, file_bytes: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if file_bytes > 0:
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    if memory_bytes > 0:
        cap = _vm_bytes() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


class _LibraryWatch:
    """A profiling hook that notes calls into the course's own implementations."""

    def __init__(self):
        import gencourse

        pkg = os.path.dirname(gencourse.__file__)
        self.prefixes = (
            os.path.join(pkg, "models") + os.sep,
            os.path.join(pkg, "check") + os.sep,
            os.path.join(pkg, "metrics.py"),
            # Lesson 05's references (augment.py): its answers are library functions too.
            os.path.join(pkg, "augment"),
        )
        self.exempt = os.path.join(pkg, "check", "core.py")
        self.others: set = set()
        self.packs: set = set()  # the checks' own packing of tuple answers
        self.calls: list[str] = []

    def __call__(self, frame, event, arg):
        if event != "call":
            return
        filename = frame.f_code.co_filename
        if not filename.startswith(self.prefixes) or filename == self.exempt:
            return
        walker = frame
        while walker is not None:
            if walker.f_code in self.others:
                return  # inside another exercise's function: graded there
            if walker.f_code in self.packs:
                return  # the check packing an answer, not the learner's code
            walker = walker.f_back
        name = f"{frame.f_globals.get('__name__', '?')}.{frame.f_code.co_name}"
        if name not in self.calls:
            self.calls.append(name)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # a learner may have replaced the stream
            pass


def _record_exercise(fn, cases, watch: _LibraryWatch, pack=None):
    """Runs ``fn`` on every case; returns (records as dicts, arrays, tampered).

    ``pack`` is the exercise's own, for answers that are not one array (a tuple).
    """
    from gencourse.check.core import Case, Recorded, record

    records, arrays, tampered = [], {}, False
    for i, (label, args, kwargs) in enumerate(cases):
        _setprofile(watch)
        try:
            rec = record(fn, Case(label, args, kwargs), pack)
        except BaseException as exc:  # SystemExit, KeyboardInterrupt: the learner's doing
            text = str(exc).splitlines()[0][:200] if str(exc) else ""
            rec = Recorded("error", detail={"error": type(exc).__name__, "text": text})
        finally:
            tampered |= _getprofile() is not watch
            _setprofile(None)
        item = {"status": rec.status, "detail": _plain(rec.detail)}
        if rec.status == "value":
            arrays[f"c{i}"] = rec.value
        records.append(item)
        if rec.status == "not_implemented":
            break
        if rec.status == "error" and rec.detail.get("error") == "MemoryError":
            # Each further case would fill the memory again, slowly: they count as the same error.
            records += [item] * (len(cases) - len(records))
            break
    return records, arrays, tampered


def _plain(detail: dict) -> dict:
    return {str(k): v if isinstance(v, int | float | str) else str(v) for k, v in detail.items()}


def main(job_path: str) -> None:
    with open(job_path, "rb") as f:
        job = pickle.load(f)
    os.unlink(job_path)
    fd = job["fd"]
    from gencourse.grade import wire
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    import gencourse.check  # noqa: F401  (imports Keras, as the lesson's first cell would)

    config = Config()
    config.HistoryManager.enabled = False
    config.InteractiveShell.colors = "nocolor"
    shell = InteractiveShell.instance(config=config)
    from gencourse.grade.wire import pack_arrays

    # Local names: learner code that patches this module's globals changes nothing here.
    watch, send, record_exercise, flush = _LibraryWatch(), wire.send, _record_exercise, _flush
    from gencourse.check import EXERCISES

    packs = {name: ex.pack for name, ex in EXERCISES.items() if ex.pack is not None}
    watch.packs = {pack.__code__ for pack in packs.values()}
    _limit(job["memory_bytes"], job["file_bytes"])
    sys.path.append(os.getcwd())  # as in Jupyter, a learner may import a module of theirs
    send(fd, {"event": "ready"})

    for index, source in job["cells"]:
        send(fd, {"event": "cell", "index": index})
        result = shell.run_cell(source, store_history=False)
        error = result.error_before_exec or result.error_in_exec
        flush()
        header = {"event": "cell_done", "index": index, "error": None}
        if error is not None:
            header["error"] = type(error).__name__
        send(fd, header)

    for name in job["exercises"]:
        send(fd, {"event": "exercise", "name": name})
        fn = shell.user_ns.get(name)
        header = {"event": "exercise_done", "name": name}
        if name not in shell.user_ns:
            send(fd, {**header, "state": "missing"})
            continue
        if not callable(fn):
            send(fd, {**header, "state": "not_callable", "type": type(fn).__name__})
            continue
        watch.others = set()
        for other in job["all_exercises"]:
            code = getattr(shell.user_ns.get(other), "__code__", None)
            if other != name and code is not None and code is not getattr(fn, "__code__", None):
                watch.others.add(code)
        watch.calls = []
        records, arrays, tampered = record_exercise(fn, job["cases"][name], watch, packs.get(name))
        flush()
        header.update(state="ran", records=records, library=watch.calls, tampered=tampered)
        send(fd, header, pack_arrays(arrays))

    send(fd, {"event": "done"})
    flush()
    os._exit(0)  # no learner atexit handler, no slow TensorFlow teardown


if __name__ == "__main__":
    main(sys.argv[1])
