"""Runs a lesson notebook headless and saves the executed copy beside a log.

Used by instructors who pre-render lessons and by CI. A missing lesson
(:class:`gencourse.release.LessonNotFound`) or a failing cell gives a clear
message and a non-zero exit code; the executed notebook is saved even when a
cell fails, so the error can be read in it.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from gencourse import release


@dataclass
class RunResult:
    lesson: str
    lang: str
    mode: str
    notebook: Path
    log: Path
    seconds: float
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def run_lesson(
    root,
    lesson: str,
    lang: str = "ko",
    mode: str = "quick",
    source: str = "solutions",
    out_dir=None,
    cell_timeout: int = 900,
) -> RunResult:
    """Executes a lesson top to bottom in a fresh kernel.

    Writes ``<out_dir>/<lesson>.<lang>.<mode>.ipynb`` and ``.log`` (per-cell
    times and the error, if any).
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    if mode not in ("quick", "full"):
        raise ValueError(f"mode must be 'quick' or 'full'. Received: mode={mode!r}")
    root = Path(root)
    path = release.find_lesson(root, lesson, lang, source)
    out_dir = Path(out_dir or root / "runs")
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{path.stem}.{lang}.{mode}"
    out_nb, out_log = out_dir / f"{stem}.ipynb", out_dir / f"{stem}.log"
    nb = release.read(path)

    lines = [f"lesson {path.relative_to(root)} mode={mode}"]
    # The kernel's environment: the run mode, and figures shown as in JupyterLab (a test
    # process's MPLBACKEND=Agg would otherwise leave the executed notebook without images).
    kernel_env = {
        "GENCOURSE_QUICK": "1" if mode == "quick" else "0",
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    }
    # Given to the kernel alone: this process's environment stays as it is, so that several
    # lessons can run at once from threads (the site's build does).
    env = {**os.environ, **kernel_env}
    client = NotebookClient(
        nb,
        timeout=cell_timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    error = None
    start = time.perf_counter()
    try:
        with client.setup_kernel(env=env):
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                t0 = time.perf_counter()
                try:
                    client.execute_cell(cell, index)
                finally:
                    lines.append(f"cell {index:3d} {time.perf_counter() - t0:8.2f} s")
    except CellTimeoutError as exc:
        error = f"cell {index} ran longer than {cell_timeout} s: {str(exc).splitlines()[0]}"
    except CellExecutionError as exc:
        error = f"cell {index} failed: {exc.ename}: {exc.evalue}"
    except Exception as exc:  # a dead kernel, for example
        error = f"the kernel stopped: {type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - start
    lines.append(f"total {seconds:.1f} s")
    lines.append(f"error: {error}" if error else "ok")
    release.write(nb, out_nb)
    out_log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return RunResult(path.stem, lang, mode, out_nb, out_log, seconds, error)
