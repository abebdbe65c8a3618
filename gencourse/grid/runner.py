"""Runs a grid's cells serially, in worker processes or on a Dask cluster, and resumes it.

:func:`run` is the one entry point both grids (lessons 05 and 06) use. With an
output folder, every finished cell is written there at once and a later run
with the same parameters skips it; the tables are put together in the grid's
cell order (n, then seed), whatever order the cells finished in, so a resumed,
parallel or clustered grid gives the same table as a serial one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from gencourse.grid.cells import Cell, CellResult, CellStore, Grid
from gencourse.grid.progress import Progress


class GridInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a grid; ``finished`` of ``total`` cells are done (and saved, with an out)."""

    def __init__(self, finished: int, total: int, out=None):
        super().__init__(f"{finished} of {total} cells finished")
        self.finished, self.total, self.out = finished, total, out


@dataclass
class GridRun:
    """A grid's finished cells in the grid's order, and how this run went.

    ``seconds``: this run's wall time; ``resumed``: cells found finished in the
    output folder; ``mode``: ``"serial"``, ``"workers"`` or ``"dask"``;
    ``threads``: TensorFlow threads per cell (None: this process's own).
    """

    results: list[CellResult]
    seconds: float
    resumed: int = 0
    mode: str = "serial"
    threads: int | None = None
    extra: dict = field(default_factory=dict)

    def table(self, name: str) -> list:
        """One table's rows of every cell, in cell order (n, then seed)."""
        return [row for result in self.results for row in result.tables.get(name, [])]


def run(
    grid: Grid,
    out=None,
    fresh: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
    data=None,
    progress: Progress | None = None,
    threads: int | None = None,
) -> GridRun:
    """Runs every cell of ``grid`` not yet finished in ``out`` and returns all of them.

    Args:
        grid: the cells, their function and shared parameters.
        out: a folder for the cells' results (``out/cells``); None keeps them in memory.
        fresh: discard the cells an earlier run left in ``out``.
        workers: run the cells in this many spawned processes (None: in this process).
        scheduler: a Dask scheduler's address (``tcp://host:8786``); overrides ``workers``.
        data: the data set (None: the cell function's default). Serial runs use it as
            is, worker processes receive a copy, Dask workers load it by its name and
            check that it is the same (a fingerprint of its arrays).
        progress: receives the grid's progress (:class:`~gencourse.grid.progress.Progress`).
        threads: TensorFlow threads per cell (default: the cores divided among the
            local workers; 1 on Dask; in this process, TensorFlow's own choice, and a
            number only before TensorFlow has started).

    Raises:
        GridConflict: ``out`` holds cells made with other parameters.
        GridInterrupted: Ctrl-C; the finished cells are kept in ``out``.
    """
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1. Received: workers={workers}")
    progress = progress or Progress()
    cells = list(dict.fromkeys(grid.cells))  # a repeated (n, seed) is one cell
    record = grid.record(data)
    store = CellStore(out, record, fresh) if out is not None else None
    done: dict[Cell, CellResult] = {}
    if store is not None:
        done = {c: store.finished[c] for c in cells if c in store.finished}
        store.write_manifest(cells)
    resumed = len(done)
    todo = [c for c in cells if c not in done]

    def finished(result: CellResult) -> None:
        if store is not None:
            store.write(result)
        done[result.cell] = result
        progress.cell(result)

    mode = "dask" if scheduler else "workers" if workers else "serial"
    if mode == "workers":
        from gencourse.grid.local import threads_per_worker

        threads = threads or threads_per_worker(workers)
    elif mode == "dask":
        threads = threads or 1
    elif threads:  # this process: only if TensorFlow has not started yet
        from gencourse.grid.local import set_threads

        if not set_threads(threads):
            raise RuntimeError(
                f"TensorFlow has started with other thread pools; threads={threads} cannot apply"
            )
    started = time.perf_counter()
    progress.start(len(cells), resumed)
    try:
        if not todo:
            pass
        elif mode == "dask":
            from gencourse.grid.cluster import run_dask

            run_dask(grid.function, todo, grid.params, data, scheduler, threads, finished)
        elif mode == "workers":
            from gencourse.grid.local import run_processes

            run_processes(grid.function, todo, grid.params, data, workers, threads, finished)
        else:
            from gencourse.grid.local import run_serial

            run_serial(grid.function, todo, grid.params, data, progress.model, finished)
    except KeyboardInterrupt:
        raise GridInterrupted(len(done), len(cells), out) from None
    finally:
        progress.close()
    return GridRun([done[c] for c in cells], time.perf_counter() - started, resumed, mode, threads)
