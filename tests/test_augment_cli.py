"""``gencourse augment`` (gencourse.augment.cli), tested by running it."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from gencourse import augment, i18n

ROOT = Path(__file__).resolve().parent.parent


def _gencourse(*args):
    return subprocess.run(
        [sys.executable, "-m", "gencourse", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_does_gencourse_augment_quick_write_the_tables_and_the_plot(tmp_path):
    out = tmp_path / "results"
    proc = _gencourse("augment", "--quick", "--n", "2", "--seeds", "1", "--synthetic", "2",
                      "--arms", "real_cgan,real_cvae,real_filtered",
                      "--out", str(out), "--lang", "ko")  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with (out / "augment.csv").open() as f:
        rows = list(csv.DictReader(f))
    # The arms asked for, and 'real' (every comparison's reference), in table order.
    assert [r["arm"] for r in rows] == ["real", "real_cgan", "real_cvae", "real_filtered"]
    with (out / "quality.csv").open() as f:
        assert [r["maker"] for r in csv.DictReader(f)] == ["cgan", "cvae", "filtered"]
    assert list(rows[0]) == ["n", "arm", "seed", "accuracy"]
    assert augment.read_rows(out / "augment.csv")[0]["n"] == 2
    assert (out / "summary.csv").read_text().startswith("n,arm,mean,std,runs")
    assert (out / "augment.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert i18n.t("augment.arm.real_cgan", "ko") in proc.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--n", "10,201"], "every --n must lie in 1..200"),
        (["--n", "ten"], "expected whole numbers separated by commas"),
        (["--seeds", "0"], "--seeds must be at least 1"),
        (["--synthetic", "0"], "--synthetic must be at least 1"),
        (["--arms", "real,gan"], "arms must come from real,real_classic"),
        (["--ssgan-steps", "5"], "--ssgan-steps belongs to --setting unlabelled"),
    ],
)
def test_are_bad_options_refused_with_a_clear_message(tmp_path, args, message):
    proc = _gencourse("augment", "--quick", "--out", str(tmp_path / "x"), *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert not (tmp_path / "x").exists()
