"""What one start of a submission's child is given: its job, its environment, its command line."""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

from gencourse.grade import jail

# The child's first statement: a root grader's child drops to an unprivileged
# user before anything else runs (bwrap kept it the two capabilities for that).
# Then it puts Matplotlib's font cache in its (empty, tmpfs) home.
_BOOT = (
    "import os, sys\n"
    "uid = int(os.environ.pop('GENCOURSE_GRADE_UID', '-1'))\n"
    "if uid >= 0:\n"
    "    os.setgroups([]); os.setresgid(uid, uid, uid); os.setresuid(uid, uid, uid)\n"
    "import shutil\n"
    "shutil.copytree(os.path.join({root!r}, 'mpl'), os.environ['MPLCONFIGDIR'], "
    "dirs_exist_ok=True)\n"
    "sys.path.insert(0, {root!r})\n"
    "from gencourse.grade.child import main; main(int(sys.argv[1]))"
)


def job_bytes(cells, exercises, all_exercises, cases, limits, msg_fd: int, processes: int) -> bytes:
    """The pickled job the child reads on its pipe (the grader's own data: the child unpickles it).

    Args:
        cells: the cells to run, in order.
        exercises: the exercises to call, in order.
        all_exercises: every exercise of the lesson.
        cases: for each exercise, ``(label, args, kwargs)`` per case.
        limits: the submission's :class:`gencourse.grade.limits.Limits`.
        msg_fd: the child's end of the message pipe.
        processes: the child's ``RLIMIT_NPROC`` (0: leave it).
    """
    job = {
        "fd": msg_fd,
        "cells": [(c.index, c.source) for c in cells],
        "exercises": list(exercises),
        "all_exercises": list(all_exercises),
        "cases": {name: cases[name] for name in exercises},
        "memory_bytes": int(limits.memory_mb * 2**20),
        "file_bytes": int(limits.file_mb * 2**20),
        "max_processes": processes,
    }
    return pickle.dumps(job)


def _child_env(workdir: Path, lang: str, keras_home: str | None = None) -> dict:
    """The child's environment: a few variables, and homes inside its own folder ``workdir``."""
    keep = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(
        HOME=str(workdir),
        TMPDIR="/tmp" if sys.platform != "win32" else str(workdir),
        MPLCONFIGDIR=str(workdir / ".mpl"),
        KERAS_HOME=keras_home or str(workdir / ".keras"),
    )
    env.update(
        GENCOURSE_QUICK="1",
        GENCOURSE_LANG=lang,
        MPLBACKEND="Agg",
        TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONHASHSEED="0",
        PYTHONDONTWRITEBYTECODE="1",
        MALLOC_ARENA_MAX="2",
        OMP_NUM_THREADS="1",
        TF_NUM_INTRAOP_THREADS="1",
        TF_NUM_INTEROP_THREADS="1",
        IPYTHONDIR=str(workdir / ".ipython"),
    )
    return env


def _keras_datasets() -> Path:
    """The host's Keras data sets folder (shown read-only in ``--cells all`` mode only)."""
    return Path(os.environ.get("KERAS_HOME", Path.home() / ".keras")) / "datasets"


def child_command(
    copy_root: Path, workdir: Path, job_fd: int, *, sandboxed: bool, cells_mode: str, disk_mb=None
):
    """``(argv, folder the child sees as its own, KERAS_HOME or None)`` for one start."""
    if not sandboxed:
        argv = [sys.executable, "-I", "-c", _BOOT.format(root=str(copy_root)), str(job_fd)]
        return argv, workdir, None
    keras_home = jail.DATA_AT if cells_mode == "all" else None
    argv = [sys.executable, "-I", "-c", _BOOT.format(root=jail.COPY_AT), str(job_fd)]
    data = _keras_datasets() if cells_mode == "all" else None
    from gencourse.grade.limits import SHM_MB

    bwrap = jail.command(copy_root, workdir, argv, data, disk_mb=disk_mb, shm_mb=SHM_MB)
    return bwrap, Path(jail.WORK_AT), keras_home
