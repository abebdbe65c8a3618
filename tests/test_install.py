"""Does `pip install` of the course from a git URL, into an environment that already has
an older TensorFlow (as Colab has), keep that TensorFlow and every other package there,
and do the lessons pass in quick mode on that older stack?

The environment: a fresh virtual environment of Python 3.12 (Colab's) with
requirements/lowest.txt installed first: every direct dependency at the lower bound
pyproject.toml declares (TensorFlow 2.19 as the full `tensorflow` package, Keras 3.10,
numpy 2.0, ipywidgets 7.7, ...). Then `pip install "gencourse[dev] @ git+file://<repo>"`
(the repository's last commit, as a learner would install it from its git URL).

Takes minutes and reads the package index, so it runs only with GENCOURSE_INSTALL_TEST=1.
GENCOURSE_INSTALL_PYTHON names the interpreter (default: python3.12 on PATH or pyenv's).
GENCOURSE_INSTALL_VENV names the folder (default: a temporary one); one that already
holds requirements/lowest.txt (its stamp says so) is reused, so CI can make it ahead.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOWEST = ROOT / "requirements" / "lowest.txt"
STAMP = ".gencourse-lowest-stamp"

pytestmark = pytest.mark.skipif(
    os.environ.get("GENCOURSE_INSTALL_TEST") != "1",
    reason="the install test runs only with GENCOURSE_INSTALL_TEST=1 (minutes; reads PyPI)",
)


def _python312() -> str | None:
    named = os.environ.get("GENCOURSE_INSTALL_PYTHON")
    if named:
        return named
    found = shutil.which("python3.12")
    pyenv = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.12*/bin/python3.12")))
    return found or (pyenv[-1] if pyenv else None)


def _bin(venv: Path, name: str) -> str:
    folder = venv / ("Scripts" if os.name == "nt" else "bin")
    return str(folder / (f"{name}.exe" if os.name == "nt" else name))


def _run(command, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def _installed(python: str) -> dict[str, str]:
    listing = _run([python, "-m", "pip", "list", "--format=json", "--disable-pip-version-check"])
    return {
        item["name"].lower().replace("_", "-"): item["version"]
        for item in json.loads(listing.stdout)
    }


def prepare(venv: Path, interpreter: str) -> str:
    """Makes ``venv`` with requirements/lowest.txt unless it already has exactly that.

    Returns the environment's python.
    """
    wanted = hashlib.sha256(LOWEST.read_bytes()).hexdigest()[:16]
    python = _bin(venv, "python")
    stamp = venv / STAMP
    if not (stamp.exists() and stamp.read_text().strip() == wanted):
        _run([interpreter, "-m", "venv", "--clear", str(venv)])
        pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "--progress-bar=off"]
        _run([*pip, "--upgrade", "pip"])
        _run([*pip, "-r", str(LOWEST)])
        stamp.write_text(wanted + "\n")
    # A course installed by an earlier run of this test is not part of "what was there".
    subprocess.run([python, "-m", "pip", "uninstall", "--yes", "gencourse"], capture_output=True)
    return python


@pytest.fixture(scope="module")
def colab_like(tmp_path_factory):
    interpreter = _python312()
    if interpreter is None:
        pytest.fail("GENCOURSE_INSTALL_TEST=1 needs Python 3.12 (set GENCOURSE_INSTALL_PYTHON)")
    named = os.environ.get("GENCOURSE_INSTALL_VENV")
    venv = Path(named) if named else tmp_path_factory.mktemp("colab-like") / "venv"
    python = prepare(venv, interpreter)
    before = _installed(python)
    url = f"gencourse[dev] @ git+{ROOT.as_uri()}"
    install = _run([python, "-m", "pip", "install", "--disable-pip-version-check", url])
    return python, before, _installed(python), install.stdout


def test_is_the_preinstalled_tensorflow_kept_and_no_cpu_wheel_added(colab_like):
    _, before, after, _ = colab_like
    assert before["tensorflow"].startswith("2.19.")
    assert after["tensorflow"] == before["tensorflow"]
    assert "tensorflow-cpu" not in after


def test_does_the_install_add_the_course_and_change_nothing_else(colab_like):
    _, before, after, log = colab_like
    assert after.pop("gencourse") == "0.1.0"
    assert after == before, log[-3000:]


def _pytest(python: str, *paths: str) -> str:
    """Runs pytest on ``paths`` of this checkout with ``python``; returns its summary line."""
    env = {**os.environ, "GENCOURSE_QUICK": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONPATH", None)
    command = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *paths]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    lines = done.stdout.strip().splitlines()
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    return lines[-1]


def test_do_the_lessons_pass_in_quick_mode_on_the_older_stack(colab_like, tmp_path):
    python, *_ = colab_like
    # The lessons' kernels start in solutions/en and import the installed package.
    where = _run([python, "-c", "import gencourse; print(gencourse.__file__)"], cwd=tmp_path)
    assert "site-packages" in where.stdout and str(ROOT) not in where.stdout
    summary = _pytest(python, "solutions/en")
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed.group(1)) >= 5, summary
    print(f"[install test] lessons (en, quick mode) on the lower bounds: {summary}")


def test_do_the_widgets_and_live_view_work_with_ipywidgets_7(colab_like):
    """The unit tests of the widgets and callbacks (this checkout's code) on the older stack."""
    python, *_ = colab_like
    summary = _pytest(python, "tests/test_widgets.py", "tests/test_callbacks.py")
    assert re.search(r"\d+ passed", summary) and "failed" not in summary, summary
    print(f"[install test] widgets and callbacks on ipywidgets 7.7: {summary}")


def test_does_the_gradescope_setup_install_a_grader_that_grades(tmp_path):
    """The autograder zip's setup.sh into a fresh venv (apt left out), then one run_autograder."""
    import time
    import zipfile

    from gencourse.autograder import build, schema

    interpreter = _python312()
    if interpreter is None:
        pytest.fail("GENCOURSE_INSTALL_TEST=1 needs Python 3.12 (set GENCOURSE_INSTALL_PYTHON)")
    root = tmp_path / "autograder"
    zip_path = build.build("02_vae", tmp_path / "autograder.zip", ROOT).path
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(root / "source")
    for name in ("setup.sh", "run_autograder"):
        (root / "source" / name).chmod(0o755)
    venv = tmp_path / "venv"
    env = {
        **os.environ,
        "GENCOURSE_AUTOGRADER_ROOT": str(root),
        "GENCOURSE_AUTOGRADER_VENV": str(venv),
        "GENCOURSE_AUTOGRADER_BASE_PYTHON": interpreter,
        "GENCOURSE_AUTOGRADER_APT": "0",
    }
    start = time.monotonic()
    _run(["bash", str(root / "source" / "setup.sh")], env=env)
    seconds = time.monotonic() - start
    import nbformat

    from gencourse import release

    master = release.read(ROOT / "solutions" / "en" / "02_vae.ipynb")
    (root / "submission").mkdir()
    nbformat.write(master, root / "submission" / "02_vae.ipynb")
    (root / "results").mkdir()
    (root / "submission_metadata.json").write_text('{"users": [{"email": "a@b.edu"}]}')
    env["GENCOURSE_AUTOGRADER_PYTHON"] = str(venv / "bin" / "python")
    _run([str(root / "source" / "run_autograder")], env=env)
    text = (root / "results" / "results.json").read_text(encoding="utf-8")
    assert schema.problems(text) == [] and json.loads(text)["score"] == 3.0, text
    print(f"[install test] autograder setup.sh: {seconds:.0f} s; the solution graded 3 of 3")
