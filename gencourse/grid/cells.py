"""A grid's cells, and the folder that keeps each finished cell's result.

A grid (lesson 05's or lesson 06's) is a set of independent cells, one per
(n, seed); every cell trains all of the grid's arms for its n and seed. A
:class:`Grid` names the cell function (a module-level function, so that it
pickles by name for worker processes and Dask) and the parameters every cell
shares. A :class:`CellStore` writes each cell's result to
``<out>/cells/n{n}_s{seed}.json`` the moment it finishes (a temporary file,
then :func:`os.replace`), so an interrupted grid loses only its running cells
and the same command resumes it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import socket
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

#: Bumped when a cell file's layout changes; older files are then "other parameters".
FORMAT = 1


@dataclass(frozen=True)
class Cell:
    """One (n, seed) run of a grid: the unit a process, a worker or a cluster node runs."""

    n: int
    seed: int

    @property
    def name(self) -> str:
        """The cell's file name without ``.json``, e.g. ``n10_s0``."""
        return f"n{self.n}_s{self.seed}"


@dataclass
class CellResult:
    """What one cell produced, and where and how long it ran.

    ``tables``: the cell's rows by table (e.g. ``{"rows": [...], "quality": [...]}``),
    each row a dict of JSON values. ``seconds``: the cell's wall time.
    ``worker``: the process that ran it (``pid 1234`` or a Dask worker's address).
    """

    n: int
    seed: int
    tables: dict
    seconds: float
    worker: str
    host: str

    @property
    def cell(self) -> Cell:
        return Cell(self.n, self.seed)


@dataclass
class Grid:
    """A grid to run: its cell function, its cells, and the parameters every cell shares.

    Args:
        name: ``"augment"`` or ``"semi"``: written to the manifest and every cell file.
        function: ``function(n, seed, data=None, progress=None, **params)`` returning
            ``{table name: [row, ...]}``; defined at a module's top level.
        cells: the cells in table order (n, then seed).
        params: keyword arguments for ``function`` (budgets, arms, ...).
        data_name: what a worker loads when no data set is sent to it
            (:func:`gencourse.data.load`).
    """

    name: str
    function: Callable
    cells: Sequence[Cell]
    params: dict = field(default_factory=dict)
    data_name: str = "mnist5k"

    def record(self, data=None) -> dict:
        """The parameters as JSON values: what a finished cell must match to be reused."""
        return {
            "grid": self.name,
            "format": FORMAT,
            "data": data_fingerprint(data) if data is not None else {"name": self.data_name},
            "params": jsonable(self.params),
        }


def jsonable(value):
    """``value`` as plain JSON values: dataclasses become dicts, tuples lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def data_fingerprint(data) -> dict:
    """A data set's name and a short hash of its arrays (a changed data set is another grid)."""
    digest = hashlib.sha256()
    for array in (data.x_train, data.y_train, data.x_test, data.y_test):
        digest.update(np.ascontiguousarray(array))
    return {"name": data.name, "sha256": digest.hexdigest()[:16]}


def grid_cells(n_values, seeds) -> list[Cell]:
    """One cell per (n, seed), n first: the order of the tables."""
    return [Cell(int(n), int(seed)) for n in n_values for seed in seeds]


def worker_name() -> str:
    """The Dask worker's address inside a Dask worker, else this process's id."""
    distributed = sys.modules.get("distributed")
    if distributed is not None:
        try:
            return distributed.get_worker().address
        except ValueError:  # not inside a worker
            pass
    return f"pid {os.getpid()}"


def execute(function, cell: Cell, params: dict, data=None, progress=None) -> CellResult:
    """Runs one cell and times it (the call every executor makes, wherever it runs)."""
    started = time.perf_counter()
    tables = function(cell.n, cell.seed, data=data, progress=progress, **params)
    return CellResult(
        cell.n,
        cell.seed,
        jsonable(tables),
        time.perf_counter() - started,
        worker_name(),
        socket.gethostname(),
    )


class GridConflict(ValueError):
    """The output folder holds finished cells of a grid with other parameters."""


def _differences(mine, theirs, prefix="") -> list[str]:
    """Where two JSON records differ, as ``key: theirs -> mine`` strings."""
    if isinstance(mine, dict) and isinstance(theirs, dict):
        found = []
        for key in sorted(set(mine) | set(theirs)):
            found += _differences(mine.get(key), theirs.get(key), f"{prefix}{key}.")
        return found
    return [] if mine == theirs else [f"{prefix[:-1]}: {theirs!r} -> {mine!r}"]


class CellStore:
    """The cells folder of an output folder: finished cells, written as they finish.

    Args:
        out: the output folder; the cells go to ``out/cells``.
        record: the grid's :meth:`Grid.record`.
        fresh: delete the cells of an earlier run first.

    Raises:
        GridConflict: a finished cell was made with other parameters (and not ``fresh``).
    """

    def __init__(self, out, record: dict, fresh: bool = False):
        self.folder = Path(out) / "cells"
        self.record = record
        if fresh and self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.finished = self._read_finished()

    def _read_finished(self) -> dict:
        finished, conflicts = {}, []
        for path in sorted(self.folder.glob("n*_s*.json")):
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # unreadable (e.g. from a full disk): the cell runs again
            if stored.get("record") != self.record:
                conflicts.append((path.name, stored.get("record")))
                continue
            result = CellResult(**stored["result"])
            finished[result.cell] = result
        if conflicts:
            name, theirs = conflicts[0]
            changed = "; ".join(_differences(self.record, theirs or {})[:4])
            raise GridConflict(
                f"{self.folder} holds {len(conflicts)} finished cell(s) made with other "
                f"parameters (e.g. {name}: {changed}). Use a new --out folder, or --fresh "
                "to discard them."
            )
        return finished

    def write_manifest(self, cells: Sequence[Cell], **extra) -> None:
        """``manifest.json``: the grid's parameters and cells (for a reader; never matched)."""
        manifest = {
            **self.record,
            "n_values": sorted({c.n for c in cells}),
            "seeds": sorted({c.seed for c in cells}),
            **extra,
        }
        _write_json(self.folder / "manifest.json", manifest)

    def path(self, cell: Cell) -> Path:
        return self.folder / f"{cell.name}.json"

    def write(self, result: CellResult) -> None:
        """Writes one finished cell atomically (a crash leaves the old file or none)."""
        payload = {"record": self.record, "result": dataclasses.asdict(result)}
        _write_json(self.path(result.cell), payload)
        self.finished[result.cell] = result


def _write_json(path: Path, payload) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    os.replace(temporary, path)
