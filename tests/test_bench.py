"""Does the speed benchmark run and print its table? (A smoke run: no timings are checked.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_does_the_quick_benchmark_print_its_table():
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "speed.py"), "--quick", "--no-lessons"],
        capture_output=True,
        text=True,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    for expected in ("img/s", "time to target", "cGAN (ours)", "cGAN (Keras example)"):
        assert expected in out, out
    assert "label agreement >= 90%" in out and "throughput x" in out, out


def test_does_the_augment_grid_benchmark_time_both_ways_with_equal_accuracies():
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "augment_grid.py"), "--quick", "--rounds", "1"],
        capture_output=True,
        text=True,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith("round 0")]
    assert len(lines) == 2 and "fresh" in lines[0] and "reused" in lines[1], lines
    # The same batches and initial weights: the same accuracies either way.
    assert lines[0].rsplit(";", 1)[1] == lines[1].rsplit(";", 1)[1], lines
