"""The command line, tested by running it and looking at files and exit codes."""

import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent


def gencourse(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "gencourse", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_does_release_check_pass_on_the_committed_course():
    proc = gencourse("release", "--check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "match their masters" in proc.stdout


def test_does_lessons_list_lesson_02():
    proc = gencourse("lessons")
    assert proc.returncode == 0 and "02_vae" in proc.stdout.split()


def test_does_a_missing_lesson_exit_2_and_name_the_available_ones(tmp_path):
    proc = gencourse("run", "99_nothing", "--mode", "quick", "--out", str(tmp_path))
    assert proc.returncode == 2
    assert "No lesson '99_nothing'" in proc.stderr and "02_vae" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def _course_with(tmp_path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.metadata["gencourse"] = {"lang": "en", "lesson": "01_demo"}
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    path = tmp_path / "course" / "solutions" / "en" / "01_demo.ipynb"
    path.parent.mkdir(parents=True)
    nbformat.write(nb, str(path))
    return tmp_path / "course"


def test_does_a_failing_cell_exit_1_and_keep_the_notebook_and_log(tmp_path):
    root = _course_with(tmp_path, "x = 1", "raise RuntimeError('boom')", "y = 2")
    out = tmp_path / "out"
    proc = gencourse(
        "--root", str(root), "run", "01", "--lang", "en", "--mode", "quick", "--out", str(out)
    )
    assert proc.returncode == 1
    assert "cell 1 failed: RuntimeError: boom" in proc.stdout
    log = (out / "01_demo.en.quick.log").read_text()
    assert "error: cell 1 failed" in log
    executed = nbformat.read(str(out / "01_demo.en.quick.ipynb"), 4)
    assert executed.cells[1].outputs[0]["ename"] == "RuntimeError"


def test_does_a_lesson_run_in_the_mode_asked_for(tmp_path):
    root = _course_with(tmp_path, "import os\nprint('QUICK=' + os.environ['GENCOURSE_QUICK'])")
    out = tmp_path / "out"
    proc = gencourse(
        "--root", str(root), "run", "demo", "--lang", "en", "--mode", "full", "--out", str(out)
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    executed = nbformat.read(str(out / "01_demo.en.full.ipynb"), 4)
    assert executed.cells[0].outputs[0]["text"].strip() == "QUICK=0"
    assert "ok" in (out / "01_demo.en.full.log").read_text()
