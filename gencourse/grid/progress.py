"""One progress bar for a whole grid: cells done of the total, and the time left.

The runners report through four calls (:class:`Progress`): ``start`` with the
total and the cells already finished (a resumed grid), ``model`` after each
trained model inside a cell (serial runs only), ``cell`` after each finished
cell, and ``close``. :class:`GridBar` draws them as a tqdm bar, or as plain
lines where tqdm is missing; the time left is estimated from the cells this
run finished, never from the ones it found done.
"""

from __future__ import annotations

import sys
import time


class Progress:
    """What a runner reports; this base class ignores it all."""

    def start(self, total: int, finished: int) -> None:
        """The grid's cell count, and how many cells were already done."""

    def model(self, text: str) -> None:
        """A model inside the running cell finished (serial runs only)."""

    def cell(self, result) -> None:
        """A cell finished (a :class:`~gencourse.grid.cells.CellResult`)."""

    def close(self) -> None:
        """The grid stopped (finished, interrupted or failed)."""


def time_left(done: int, total: int, elapsed: float) -> float | None:
    """Seconds left at the mean rate so far (``done`` cells in ``elapsed`` s); None before one."""
    if done <= 0 or elapsed <= 0:
        return None
    return (total - done) * elapsed / done


class GridBar(Progress):
    """A tqdm bar of cells (plain lines on ``stream`` without tqdm, or with ``plain=True``).

    Args:
        description: the bar's label (e.g. the catalogue's ``augment.progress``).
        stream: where to draw (default: standard error).
        plain: one line per event instead of a bar.
    """

    def __init__(self, description: str, stream=None, plain: bool = False):
        self.description = description
        self.stream = stream or sys.stderr
        self.bar = None
        self.plain = plain
        if not plain:
            try:
                import tqdm  # noqa: F401
            except ImportError:
                self.plain = True
        self.total = self.done = self.resumed = 0
        self.started = time.perf_counter()

    def start(self, total: int, finished: int) -> None:
        self.total, self.done, self.resumed = total, finished, finished
        self.started = time.perf_counter()
        if self.plain:
            self._line(f"{finished} of {total} cells already finished" if finished else "")
        else:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total,
                initial=finished,
                desc=self.description,
                unit="cell",
                file=self.stream,
                smoothing=0,  # the mean rate of this run's cells: they cost about the same
            )

    def model(self, text: str) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(text)
        elif self.plain:
            self._line(text)

    def cell(self, result) -> None:
        self.done += 1
        text = f"n={result.n} seed={result.seed} {result.seconds:.0f} s"
        if self.bar is not None:
            self.bar.set_postfix_str(text, refresh=False)
            self.bar.update(1)
        else:
            self._line(text)

    def _line(self, text: str) -> None:
        elapsed = time.perf_counter() - self.started
        left = time_left(self.done - self.resumed, self.total - self.resumed, elapsed)
        eta = f", about {left:.0f} s left" if left is not None else ""
        print(
            f"{self.description}: [{self.done}/{self.total} cells] {text} ({elapsed:.0f} s{eta})",
            file=self.stream,
            flush=True,
        )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class ModelCounter(Progress):
    """The grids' older callback, ``callback(done, total, text)``, counted in trained models.

    Serial runs call it after each model; worker processes and Dask after each
    cell, with ``done`` moved on by the cell's ``per_cell`` models. It is first
    called with ``done`` at the models of the cells already finished (0 for a
    new grid), so that a bar can start its clock.
    """

    def __init__(self, callback, per_cell: int):
        self.callback, self.per_cell = callback, per_cell
        self.total = self.done = self.in_cell = 0

    def start(self, total: int, finished: int) -> None:
        self.total, self.done = total * self.per_cell, finished * self.per_cell
        self.callback(self.done, self.total, "")

    def model(self, text: str) -> None:
        self.in_cell += 1
        self.callback(self.done + self.in_cell, self.total, text)

    def cell(self, result) -> None:
        self.done += self.per_cell
        if self.in_cell == 0:  # a worker's cell: its models were not reported one by one
            self.callback(self.done, self.total, f"n={result.n} seed={result.seed}")
        self.in_cell = 0


def as_progress(progress, per_cell: int) -> Progress | None:
    """A :class:`Progress` as is; an older ``callback(done, total, text)`` wrapped; None as None."""
    if progress is None or isinstance(progress, Progress):
        return progress
    return ModelCounter(progress, per_cell)
