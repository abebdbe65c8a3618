"""Cells on this machine: one after another in this process, or in worker processes.

Worker processes are started with the ``spawn`` method (TensorFlow does not
survive a ``fork``) and each sizes TensorFlow's thread pools before
TensorFlow starts, so that ``workers`` processes share the cores instead of
each taking all of them (:func:`threads_per_worker`). Workers ignore Ctrl-C:
the parent catches it, stops them and keeps the cells that finished.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from gencourse.grid.cells import Cell, CellResult, execute


def cores() -> int:
    """The cores this process may use (its CPU affinity where the system says)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def threads_per_worker(workers: int, available: int | None = None) -> int:
    """TensorFlow threads for each of ``workers`` processes: ``max(1, cores // workers)``."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1. Received: workers={workers}")
    return max(1, (available or cores()) // workers)


def set_threads(threads: int) -> bool:
    """Sizes TensorFlow's intra-op and inter-op pools; True if TensorFlow will use them.

    Sets ``TF_NUM_INTRAOP_THREADS`` and ``TF_NUM_INTEROP_THREADS`` (read when
    TensorFlow starts) and, if TensorFlow is imported but not yet started, its
    ``tf.config.threading``. False when TensorFlow already started with other pools.
    """
    os.environ["TF_NUM_INTRAOP_THREADS"] = str(threads)
    os.environ["TF_NUM_INTEROP_THREADS"] = str(threads)
    tf = sys.modules.get("tensorflow")
    if tf is None:
        return True
    try:
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(threads)
    except RuntimeError:  # TensorFlow has started: its pools are fixed
        return (
            tf.config.threading.get_intra_op_parallelism_threads() == threads
            and tf.config.threading.get_inter_op_parallelism_threads() == threads
        )
    return True


def run_serial(
    function: Callable,
    cells: Sequence[Cell],
    params: dict,
    data,
    on_model: Callable[[str], None],
    on_cell: Callable[[CellResult], None],
) -> None:
    """Runs ``cells`` one after another in this process; ``on_cell`` after each."""
    for cell in cells:
        on_cell(execute(function, cell, params, data, on_model))


# --- worker processes ------------------------------------------------------------------

_worker_data = None


def watch_parent(period: float = 0.5) -> threading.Thread:
    """Ends this process as soon as its parent is gone (killed, or ended without cleaning up).

    A worker whose parent died would otherwise finish its cell, minutes of CPU
    for a result nobody reads. When a process's parent dies, the system gives
    it a new parent (``os.getppid()`` changes); a daemon thread looks every
    ``period`` seconds and then exits at once. (Linux's ``PR_SET_PDEATHSIG``
    is not used: it fires when the *thread* that started the process ends,
    and a pool may start workers from a thread that ends before the pool.)
    """
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(period)
        os._exit(70)  # EX_SOFTWARE: nothing to clean up that the parent would read

    thread = threading.Thread(target=watch, name="gencourse-parent-watch", daemon=True)
    thread.start()
    return thread


def _start_worker(threads: int, data) -> None:
    """A worker's first call: its thread pools, its data set, Ctrl-C left to the parent,
    and an exit of its own when the parent is gone (:func:`watch_parent`)."""
    global _worker_data
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_parent()
    set_threads(threads)
    _worker_data = data


def _run_in_worker(function, cell: Cell, params: dict) -> CellResult:
    return execute(function, cell, params, _worker_data)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Kills the pool's processes now (their running cells are lost) and lets it go."""
    kill = getattr(pool, "kill_workers", None)  # Python 3.14
    if kill is not None:
        kill()
    else:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def run_processes(
    function: Callable,
    cells: Sequence[Cell],
    params: dict,
    data,
    workers: int,
    threads: int,
    on_cell: Callable[[CellResult], None],
) -> None:
    """Runs ``cells`` in ``workers`` spawned processes of ``threads`` TensorFlow threads each.

    ``on_cell`` is called here, in this process, as each cell finishes (in any
    order). Ctrl-C (``KeyboardInterrupt``) or a failed cell stops the workers
    at once and is raised again.
    """
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(cells)) or 1,
        mp_context=context,
        initializer=_start_worker,
        initargs=(threads, data),
    )
    try:
        pending = {pool.submit(_run_in_worker, function, cell, params) for cell in cells}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                on_cell(future.result())
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
