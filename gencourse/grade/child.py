"""The sandboxed process that runs one learner's notebook (started by :mod:`gencourse.grade.sandbox`).

It runs inside bubblewrap (:mod:`gencourse.grade.jail`), on the grading copy
of the package, which has no check module and no reference implementation.
Its job (the cells to run, the exercises to call and their inputs, drawn by
the grader from a secret seed) comes on a pipe it reads to the end. It
imports TensorFlow before any learner code runs, then caps its own memory
(address space) and the size of files it may write. It runs the planned
cells in an IPython shell, so magics and ``sys.exit`` behave as in Jupyter,
and reports each step on a pipe. Finally it calls each exercise's function
on its inputs and sends back what each call returned as a plain tree of
number arrays (:mod:`gencourse.grade.plain`); the grader packs and judges
them in its own process.

A function that runs out of memory on one case is not run on the others: they
count as the same ``MemoryError`` (each would fill the memory again).

Nothing is judged here, and nothing here could judge: neither the reference
answers nor the checks exist in this process. A message the learner's code
forges on the pipe would need the right outputs for inputs it has not seen.
While an exercise's function runs, a profiling hook notes any call into the
course's own implementations (``gencourse.models``, ``gencourse.check``,
``gencourse.metrics``, ``gencourse.augment``, or their stand-ins in the
grading copy), so that the feedback can say so; a call made from inside
another exercise's function is that other exercise's business.
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


def _limit(memory_bytes: int, file_bytes: int, processes: int = 0) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if processes > 0:  # counted per user: this run's user is its own (a root grader's)
        resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))
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
        self.calls: list[str] = []
        from gencourse.grade.stub import Placeholder

        self.stand_in = Placeholder.__call__.__code__

    def __call__(self, frame, event, arg):
        if event != "call":
            return
        code = frame.f_code
        if code is self.stand_in:
            name = str(getattr(frame.f_locals.get("self"), "_gencourse_name", "?"))
        else:
            filename = code.co_filename
            if not filename.startswith(self.prefixes) or filename == self.exempt:
                return
            if code.co_name in ("__getattr__", "<module>"):
                return  # a module's import or name lookup, not an implementation
            name = f"{frame.f_globals.get('__name__', '?')}.{code.co_name}"
        walker = frame
        while walker is not None:
            if walker.f_code in self.others:
                return  # inside another exercise's function: graded there
            walker = walker.f_back
        if name not in self.calls:
            self.calls.append(name)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # a learner may have replaced the stream
            pass


def _first_line(exc: BaseException) -> str:
    try:
        text = str(exc)
    except BaseException:  # a learner's exception whose __str__ fails
        return ""
    return text.splitlines()[0][:200] if text.strip() else ""


def _call(fn, args, kwargs, arrays: dict, prefix: str) -> dict:
    """Calls the learner's function once; what it returned as a plain tree, or why there is none."""
    import copy

    import numpy as np

    from gencourse.grade.plain import to_tree

    try:
        with np.errstate(all="ignore"):
            returned = fn(*copy.deepcopy(args), **copy.deepcopy(kwargs))
    except NotImplementedError:
        return {"status": "not_implemented", "detail": {}}
    except BaseException as exc:  # SystemExit, KeyboardInterrupt: the learner's doing
        return {
            "status": "error",
            "detail": {"error": type(exc).__name__, "text": _first_line(exc)},
        }
    tree = to_tree(returned, arrays, prefix)
    return {"status": "value", "tree": tree, "type": type(returned).__name__[:60], "detail": {}}


def _record_exercise(fn, cases, watch: _LibraryWatch):
    """Runs ``fn`` on every case; returns (records as dicts, arrays, tampered)."""
    records, arrays, tampered = [], {}, False
    for i, (_label, args, kwargs) in enumerate(cases):
        _setprofile(watch)
        try:
            item = _call(fn, args, kwargs, arrays, f"c{i}")
        except BaseException as exc:  # converting the answer raised (an odd __len__, say)
            item = {"status": "error", "detail": {"error": type(exc).__name__, "text": ""}}
        finally:
            tampered |= _getprofile() is not watch
            _setprofile(None)
        records.append(item)
        if item["status"] == "not_implemented":
            break
        if item["status"] == "error" and item["detail"].get("error") == "MemoryError":
            # Each further case would fill the memory again, slowly: they count as the same error.
            records += [item] * (len(cases) - len(records))
            break
    return records, arrays, tampered


def _read_job(job_fd: int) -> dict:
    chunks = []
    while True:
        chunk = os.read(job_fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(job_fd)
    return pickle.loads(b"".join(chunks))


def main(job_fd: int) -> None:
    job = _read_job(job_fd)
    fd = job["fd"]
    from gencourse.grade import wire
    from gencourse.quiet import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras  # noqa: F401  (as the lesson's first cell would)
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    config = Config()
    config.HistoryManager.enabled = False
    config.InteractiveShell.colors = "nocolor"
    shell = InteractiveShell.instance(config=config)
    from gencourse.grade.wire import pack_arrays

    # Local names: learner code that patches this module's globals changes nothing here.
    watch, send, record_exercise, flush = _LibraryWatch(), wire.send, _record_exercise, _flush
    _limit(job["memory_bytes"], job["file_bytes"], job.get("max_processes", 0))
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
        records, arrays, tampered = record_exercise(fn, job["cases"][name], watch)
        flush()
        header.update(state="ran", records=records, library=watch.calls, tampered=tampered)
        send(fd, header, pack_arrays(arrays))

    send(fd, {"event": "done"})
    flush()
    os._exit(0)  # no learner atexit handler, no slow TensorFlow teardown


if __name__ == "__main__":
    main(int(sys.argv[1]))
