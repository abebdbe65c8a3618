"""Experiment grids at scale: resumable, parallel on one machine, or on a Dask cluster.

Lessons 05 and 06 each run a grid of independent cells, one per (n, seed)
(:func:`gencourse.augment.run_grid`, :func:`gencourse.semi.run_grid`). This
package runs such cells and keeps their results; one idea per module:

- :mod:`~gencourse.grid.cells`: a cell, a grid, and the folder that keeps each
  finished cell (written atomically, checked against the grid's parameters);
- :mod:`~gencourse.grid.local`: cells one after another in this process, or in
  spawned worker processes with TensorFlow's thread pools sized per worker;
- :mod:`~gencourse.grid.cluster`: cells on an existing Dask distributed cluster;
- :mod:`~gencourse.grid.progress`: one progress bar for the whole grid;
- :mod:`~gencourse.grid.runner`: :func:`run`, which puts them together.
"""

from gencourse.grid.cells import (
    Cell,
    CellResult,
    CellStore,
    Grid,
    GridConflict,
    execute,
    grid_cells,
    jsonable,
)
from gencourse.grid.progress import GridBar, ModelCounter, Progress, as_progress, time_left
from gencourse.grid.runner import GridInterrupted, GridRun, run

__all__ = [
    "Cell",
    "CellResult",
    "CellStore",
    "Grid",
    "GridBar",
    "GridConflict",
    "GridInterrupted",
    "GridRun",
    "ModelCounter",
    "Progress",
    "as_progress",
    "execute",
    "grid_cells",
    "jsonable",
    "run",
    "time_left",
]
