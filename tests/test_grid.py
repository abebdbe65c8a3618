"""The grids at scale (gencourse.grid): resumable, in worker processes, and on a Dask cluster.

The toy cell function below checks the runner's bookkeeping in milliseconds;
the real grids (lesson 05's at quick budgets, lesson 06's once) check that a
resumed, parallel or clustered grid gives exactly the serial run's table.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gencourse import augment, data, grid
from gencourse.augment.cli import chosen_arms
from gencourse.grid import local, progress

ROOT = Path(__file__).resolve().parent.parent


# --- the bookkeeping, on a toy cell function ------------------------------------------


def toy_cell(n, seed, data=None, progress=None, scale=1.0):
    """A cell function without TensorFlow: one row whose value depends on every input."""
    if progress:
        progress(f"n={n} seed={seed} toy")
    return {"rows": [{"n": n, "seed": seed, "value": scale * n + seed / 10}]}


def toy_grid(scale=1.0, n_values=(2, 3), seeds=(0, 1)):
    return grid.Grid("toy", toy_cell, grid.grid_cells(n_values, seeds), {"scale": scale})


class StopAfter(grid.Progress):
    """Presses Ctrl-C (raises KeyboardInterrupt) once ``cells`` cells have finished."""

    def __init__(self, cells):
        self.cells, self.seen = cells, 0

    def cell(self, result):
        self.seen += 1
        if self.seen == self.cells:
            raise KeyboardInterrupt


def test_does_a_stopped_grid_keep_its_finished_cells_and_resume_to_the_same_table(tmp_path):
    whole = grid.run(toy_grid())
    with pytest.raises(grid.GridInterrupted) as stop:
        grid.run(toy_grid(), out=tmp_path, progress=StopAfter(3))
    assert (stop.value.finished, stop.value.total) == (3, 4)
    saved = sorted(p.name for p in (tmp_path / "cells").glob("n*_s*.json"))
    assert saved == ["n2_s0.json", "n2_s1.json", "n3_s0.json"]
    again = grid.run(toy_grid(), out=tmp_path)
    assert again.resumed == 3
    assert again.table("rows") == whole.table("rows")
    assert [(r.n, r.seed) for r in again.results] == [(2, 0), (2, 1), (3, 0), (3, 1)]
    manifest = json.loads((tmp_path / "cells" / "manifest.json").read_text())
    assert manifest["params"] == {"scale": 1.0} and manifest["seeds"] == [0, 1]


def test_is_a_finished_cell_of_other_parameters_refused_and_fresh_starts_over(tmp_path):
    grid.run(toy_grid(scale=1.0), out=tmp_path)
    with pytest.raises(grid.GridConflict, match=r"params\.scale: 1\.0 -> 2\.0.*--fresh"):
        grid.run(toy_grid(scale=2.0), out=tmp_path)
    fresh = grid.run(toy_grid(scale=2.0, n_values=(5,), seeds=(0,)), out=tmp_path, fresh=True)
    assert fresh.table("rows") == [{"n": 5, "seed": 0, "value": 10.0}]
    assert [p.name for p in (tmp_path / "cells").glob("n*_s*.json")] == ["n5_s0.json"]


def test_does_a_failed_write_leave_the_earlier_cell_file_whole(tmp_path, monkeypatch):
    store = grid.CellStore(tmp_path, {"grid": "toy"})
    first = grid.execute(toy_cell, grid.Cell(2, 0), {"scale": 1.0})
    store.write(first)

    def full_disk(*args):
        raise OSError("No space left on device")

    monkeypatch.setattr(grid.cells.os, "replace", full_disk)
    second = grid.execute(toy_cell, grid.Cell(2, 0), {"scale": 9.0})
    with pytest.raises(OSError):
        store.write(second)
    monkeypatch.undo()
    assert grid.CellStore(tmp_path, {"grid": "toy"}).finished[grid.Cell(2, 0)] == first


def test_are_the_threads_per_worker_the_cores_shared_out():
    assert local.threads_per_worker(2, available=16) == 8
    assert local.threads_per_worker(3, available=16) == 5
    assert local.threads_per_worker(4, available=2) == 1  # never zero
    with pytest.raises(ValueError, match="workers must be at least 1"):
        local.threads_per_worker(0, available=4)


def test_does_the_bar_count_cells_and_estimate_the_time_left_from_this_runs_cells(capsys):
    assert progress.time_left(2, 6, 10.0) == 20.0  # 5 s a cell, 4 cells to go
    assert progress.time_left(0, 6, 10.0) is None
    bar = grid.GridBar("grid", stream=sys.stdout, plain=True)
    bar.start(total=4, finished=2)  # two cells found done: not counted in the rate
    bar.cell(grid.execute(toy_cell, grid.Cell(3, 0), {}))
    bar.close()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("grid: [2/4 cells] 2 of 4 cells already finished")
    assert lines[1].startswith("grid: [3/4 cells] n=3 seed=0") and "s left)" in lines[1]


def test_does_the_model_callback_count_models_serially_and_whole_cells_from_workers():
    seen = []
    counter = grid.ModelCounter(lambda done, total, text: seen.append((done, total, text)), 2)
    counter.start(total=3, finished=1)
    counter.model("a")
    counter.model("b")
    counter.cell(grid.execute(toy_cell, grid.Cell(2, 0), {}))  # serial: already counted
    counter.cell(grid.execute(toy_cell, grid.Cell(2, 1), {}))  # a worker's whole cell
    assert seen == [(2, 6, ""), (3, 6, "a"), (4, 6, "b"), (6, 6, "n=2 seed=1")]


# --- the real grids, at quick budgets -------------------------------------------------

N_VALUES, SEEDS, SYNTHETIC = (2, 3), (0, 1), 2
ARMS = tuple(chosen_arms(["real_classic", "real_cgan"], augment.ARMS))
CLI_GRID = ["--quick", "--n", "2,3", "--seeds", "2", "--synthetic", "2",
            "--arms", "real_classic,real_cgan", "--lang", "en"]  # fmt: skip


@pytest.fixture(scope="module")
def digits():
    return data.load("mnist5k")


def lesson05(digits, **how):
    return augment.run_grid(
        N_VALUES, SEEDS, SYNTHETIC, augment.QUICK, ARMS, data=digits, quality=True, **how
    )


@pytest.fixture(scope="module")
def serial(digits):
    """Lesson 05's small grid, run in this process without an output folder."""
    return lesson05(digits)


def test_does_a_stopped_lesson_05_grid_resume_to_the_uninterrupted_table(digits, serial, tmp_path):
    with pytest.raises(grid.GridInterrupted):
        lesson05(digits, out=tmp_path, progress=StopAfter(2))
    assert len(list((tmp_path / "cells").glob("n*_s*.json"))) == 2
    resumed = lesson05(digits, out=tmp_path)
    assert resumed.rows == serial.rows
    assert resumed.quality == serial.quality
    assert [r["arm"] for r in serial.rows[:3]] == list(ARMS)


def test_do_two_worker_processes_give_the_serial_table(digits, serial, tmp_path):
    parallel = lesson05(digits, out=tmp_path, workers=2)
    assert parallel.rows == serial.rows
    assert parallel.quality == serial.quality
    workers = {json.loads(p.read_text())["result"]["worker"] for p in tmp_path.glob("cells/n*")}
    assert workers and f"pid {os.getpid()}" not in workers  # none ran in this process


def test_does_lesson_06s_grid_resume_to_the_uninterrupted_table(digits, tmp_path):
    from gencourse import semi

    def lesson06(**how):
        return semi.run_grid((2,), SEEDS, semi.QUICK, ("real", "pseudo"), data=digits, **how)

    whole = lesson06()
    with pytest.raises(grid.GridInterrupted):
        lesson06(out=tmp_path, progress=StopAfter(1))
    resumed = lesson06(out=tmp_path)
    assert (resumed.rows, resumed.pseudo) == (whole.rows, whole.pseudo)
    assert [p["seed"] for p in resumed.pseudo] == [0, 1]


# --- the command line -----------------------------------------------------------------


def _command(*args):
    return [sys.executable, "-m", "gencourse", "augment", *args]


def _gencourse(*args, timeout=600):
    return subprocess.run(
        _command(*args), cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def _cells(out):
    """The saved cells of ``out``: {(n, seed): result dict}."""
    found = {}
    for path in (Path(out) / "cells").glob("n*_s*.json"):
        result = json.loads(path.read_text())["result"]
        found[result["n"], result["seed"]] = result
    return found


@pytest.mark.parametrize(
    "args, message",
    [
        (["--workers", "0"], "--workers must be at least 1"),
        (["--threads", "0"], "--threads must be at least 1"),
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:1"], "not both"),
    ],
)
def test_are_bad_grid_options_refused_with_a_clear_message(tmp_path, args, message):
    proc = _gencourse("--quick", "--out", str(tmp_path / "x"), *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert not (tmp_path / "x").exists()


def test_is_scheduler_refused_without_dask_with_how_to_install_it(monkeypatch):
    import importlib.util

    from gencourse.augment.cli import add_arguments, grid_errors

    parser = __import__("argparse").ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--scheduler", "tcp://127.0.0.1:8786"])
    assert grid_errors(args) is None  # dask is part of the course's lock
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "distributed" else real(name)
    )
    assert "pip install 'gencourse[cluster]'" in grid_errors(args)


def test_does_ctrl_c_exit_130_keep_the_cells_and_the_same_command_resume(serial, tmp_path):
    out = tmp_path / "results"
    args = [*CLI_GRID, "--out", str(out)]
    # A pytest-xdist worker ignores SIGINT and a child inherits that: give the command the
    # default disposition a terminal's Ctrl-C meets (Python then raises KeyboardInterrupt).
    proc = subprocess.Popen(
        _command(*args), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    deadline = time.monotonic() + 300
    while not _cells(out) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=600)  # a loaded machine is slow
    assert proc.returncode == 130, stdout + stderr
    kept = len(_cells(out))
    assert 1 <= kept < 4
    (line,) = [line for line in stderr.splitlines() if line.startswith("Stopped:")]
    assert f"{kept} of 4 cells finished" in line and "run the same command again" in line
    assert "Traceback" not in stderr

    again = _gencourse(*args)
    assert again.returncode == 0, again.stdout + again.stderr
    assert augment.read_rows(out / "augment.csv") == serial.rows

    # Other parameters in the same folder: refused, unless --fresh.
    other = ["--quick", "--n", "2", "--seeds", "1", *CLI_GRID[5:], "--out", str(out)]
    refused = _gencourse(*other, "--steps", "5")
    assert refused.returncode == 2
    assert "recogniser_steps: 4 -> 5" in refused.stderr and "--fresh" in refused.stderr
    fresh = _gencourse(*other, "--steps", "5", "--fresh")
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert list(_cells(out)) == [(2, 0)]


def _children(pid):
    """The pids of the processes whose parent is ``pid`` (Linux's /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads Linux's /proc")
def test_do_worker_processes_end_soon_after_their_parent_is_killed(tmp_path):
    # Cells long enough (20,000 recogniser steps each) that a worker left alone would run on
    # for minutes after its parent died; watch_parent ends it within a second or so.
    args = ["--quick", "--n", "2,3", "--seeds", "1", "--arms", "real", "--steps", "20000",
            "--workers", "2", "--out", str(tmp_path / "x"), "--lang", "en"]  # fmt: skip
    proc = subprocess.Popen(
        _command(*args), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 300
        workers = []
        while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = [
                pid
                for pid in _children(proc.pid)
                if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
            ]
        assert len(workers) == 2, "the grid did not start two worker processes"
        time.sleep(3)  # into their first cells (or still starting TensorFlow)
        proc.kill()  # SIGKILL: the parent cleans nothing up
        proc.wait(timeout=60)
        deadline = time.monotonic() + 60
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = [pid for pid in workers if _alive(pid)]
    finally:
        proc.kill()
        for pid in _children(proc.pid) + workers:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    assert not left, f"worker processes still running a minute after their parent died: {left}"


# --- a real Dask cluster: a scheduler and two workers on this machine -----------------


@pytest.fixture
def cluster(tmp_path):
    """A Dask scheduler and two one-thread workers, as processes: (address, {name: Popen})."""
    pytest.importorskip("distributed")
    file = tmp_path / "scheduler.json"
    python = [sys.executable, "-m"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": ROOT}
    scheduler = subprocess.Popen(
        [*python, "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
         "--no-dashboard", "--scheduler-file", str(file)], **quiet,
    )  # fmt: skip
    workers = {
        name: subprocess.Popen(
            [
                *python,
                "distributed.cli.dask_worker",
                "--scheduler-file",
                str(file),
                "--name",
                name,
                "--nthreads",
                "1",
                "--no-nanny",
                "--no-dashboard",
                "--host",
                "127.0.0.1",
            ],
            **quiet,
        )  # fmt: skip
        for name in ("w0", "w1")
    }
    try:
        deadline = time.monotonic() + 600  # minutes on a loaded 2-core machine
        while not file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(file.read_text())["address"]
        from distributed import Client

        with Client(address, timeout=300) as client:
            client.wait_for_workers(2, timeout=600)
        yield address, workers
    finally:
        for process in (*workers.values(), scheduler):
            process.kill()
            process.wait(timeout=60)


def test_does_a_dask_cluster_give_the_serial_table_after_losing_a_worker(serial, cluster, tmp_path):
    from distributed import Client

    address, workers = cluster
    out = tmp_path / "results"
    proc = subprocess.Popen(
        _command(*CLI_GRID, "--out", str(out), "--scheduler", address),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def names(dask_scheduler):  # runs on the scheduler: its workers now, by address
        return {addr: state.name for addr, state in dask_scheduler.workers.items()}

    try:
        with Client(address, timeout=300) as client:
            # Kill the first worker seen holding a cell (its first: TensorFlow is starting).
            deadline, victim = time.monotonic() + 300, None
            while victim is None and proc.poll() is None and time.monotonic() < deadline:
                for worker, keys in client.processing().items():
                    if any(str(key).startswith("gencourse-") for key in keys):
                        victim = worker
                        break
                time.sleep(0.05)
            assert victim is not None, "no worker took a cell"
            named = client.run_on_scheduler(names)
            workers[named[victim]].kill()  # SIGKILL: no goodbye to the scheduler
            (survivor,) = [w for w in named if w != victim]
        stdout, stderr = proc.communicate(timeout=600)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0, stdout + stderr
    assert augment.read_rows(out / "augment.csv") == serial.rows
    cells = _cells(out)
    assert len(cells) == 4
    # Every cell, the killed worker's included, was finished by the survivor.
    assert {cell["worker"] for cell in cells.values()} == {survivor}


# --- bench/grid_scale.py's projection onto more cores ----------------------------------


def _grid_scale():
    import importlib.util

    spec = importlib.util.spec_from_file_location("grid_scale", ROOT / "bench" / "grid_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_does_the_projection_list_schedule_the_cells_longest_first():
    bench = _grid_scale()
    assert bench.makespan([3, 3, 2, 2, 2], 2) == 7  # 3+2+2 | 3+2
    assert bench.makespan([3, 3, 2, 2, 2], 1) == 12
    assert bench.makespan([5, 1, 1], 8) == 5  # more workers than cells: the longest cell
    twelve = [60.0] * 12  # the default grid: 4 n x 3 seeds
    assert bench.projected_seconds(twelve, cores=2) == 360.0
    assert bench.projected_seconds(twelve, cores=16) == 60.0
    assert bench.projected_seconds(twelve, cores=16, cores_per_cell=4) == 180.0  # 4 workers
    with pytest.raises(ValueError, match="workers must be at least 1"):
        bench.makespan([1.0], 0)


def test_does_the_comparison_count_the_differing_accuracies_and_their_size():
    bench = _grid_scale()

    def rows(*accuracies):
        return [
            {"n": "10", "arm": "real", "seed": str(i), "accuracy": str(a)}
            for i, a in enumerate(accuracies)
        ]

    assert bench.differences(rows(0.5, 0.7), rows(0.5, 0.7)) == "0 of 2 accuracies differ"
    text = bench.differences(rows(0.52, 0.7, 0.6), rows(0.5, 0.7, 0.61))
    # differences +2, 0, -1 points: mean +0.33, std 1.53, largest 2
    assert text.startswith("2 of 3 accuracies differ")
    assert "+0.33 (mean), 1.53 (std), 2.00 at most" in text
    assert bench.differences(rows(0.5), rows(0.5, 0.6)).startswith("different cells")
