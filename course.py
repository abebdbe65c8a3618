#!/usr/bin/env python3
"""The course's two commands; each sets up what it needs first.

    python3 course.py lab    open the course in JupyterLab
    python3 course.py test   run the whole test suite (lint, unit tests, notebooks)

On first use this creates a virtual environment in .venv and installs the
pinned packages from pyproject.toml into it (from the package index only;
about 1 GB on disk). Later runs reuse it, and reinstall only when
pyproject.toml changes. Needs Python 3.11 with pip and venv. Extra arguments
are passed on: to JupyterLab (e.g. --no-browser --port 8890) or to pytest
(e.g. -k vae -x).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".gencourse-stamp"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def say(text: str) -> None:
    print(f"[course] {text}", flush=True)


def wanted_stamp() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    return f"{sys.version_info[0]}.{sys.version_info[1]} {digest}"


def ensure_environment() -> None:
    """Creates .venv and installs the course into it when missing or outdated."""
    if sys.version_info[:2] != (3, 11):
        sys.exit(
            f"[course] This course is tested with Python 3.11; you ran Python "
            f"{sys.version.split()[0]}. Install Python 3.11 and run: python3.11 course.py ..."
        )
    if not PYTHON.exists():
        say(f"creating the virtual environment {VENV.relative_to(ROOT)} ...")
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text().strip() == wanted_stamp():
        return
    say("installing the pinned packages (first time only; a few minutes) ...")
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check"]
    if subprocess.call([*pip, "--quiet", "--upgrade", "pip"]) != 0:
        say("could not upgrade pip; going on with the one the venv has")
    if subprocess.call([*pip, "--progress-bar", "off", "-e", f"{ROOT}[dev]"]) != 0:
        sys.exit("[course] pip could not install the course's packages; see the messages above.")
    STAMP.write_text(wanted_stamp() + "\n")
    say("environment ready")


def lab(args: list[str]) -> int:
    ensure_environment()
    say("opening JupyterLab: start with notebooks/ko or notebooks/en (solutions/ has the answers)")
    command = [str(PYTHON), "-m", "jupyter", "lab", f"--ServerApp.root_dir={ROOT}", *args]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in args:
        # In containers people often run as root; JupyterLab refuses that unless told.
        command.append("--allow-root")
    try:
        return subprocess.call(command, cwd=ROOT)
    except KeyboardInterrupt:
        return 0


def test(args: list[str]) -> int:
    ensure_environment()
    say("lint: ruff check")
    lint = subprocess.call(
        [str(PYTHON), "-m", "ruff", "check", "gencourse", "tests", "course.py", "solutions"],
        cwd=ROOT,
    )
    say("tests: pytest (unit tests, notebooks in quick mode)")
    code = subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT)
    if lint != 0:
        say("ruff found problems (see above)")
        return lint if code == 0 else code
    return code


def main() -> int:
    commands = {"lab": lab, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
