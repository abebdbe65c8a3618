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
