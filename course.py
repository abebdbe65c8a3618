#!/usr/bin/env python3
"""The course's two commands; each sets up what it needs first.

    python3 course.py lab    open the course in JupyterLab
    python3 course.py test   run the whole test suite (lint, unit tests, notebooks)

(`python3 course.py setup` only creates or updates the environment; CI uses it.)

On first use this creates a virtual environment in .venv and installs the
exact versions of requirements/course-lock.txt into it, then the course's
package itself (from the package index only; about 1 GB on disk). Later runs
reuse it, and reinstall only when pyproject.toml or the lock changes. Needs
Python 3.11, 3.12 or 3.13 with pip and venv, on Linux (x86-64 or ARM, glibc),
Windows x64 or macOS on Apple silicon: where TensorFlow has no wheel, it says
so before installing anything. Extra arguments are passed on: to JupyterLab
(e.g. --no-browser --port 8890) or to pytest (e.g. -k vae -x).
GENCOURSE_VENV names another folder for the environment (CI keeps one per Python).
"""

from __future__ import annotations

import hashlib
import os
import platform
import struct
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent
LOCK = ROOT / "requirements" / "course-lock.txt"
OLDEST, NEWEST = (3, 11), (3, 13)
VENV = ROOT / os.environ.get("GENCOURSE_VENV", ".venv")
STAMP = VENV / ".gencourse-stamp"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
LINTED = ["gencourse", "tests", "course.py", "solutions", "requirements"]
COLAB = "Google Colab (see 'Colab' in README.md) runs every lesson in a browser"


def say(text: str) -> None:
    print(f"[course] {text}", flush=True)


def supported_pythons() -> str:
    minors = [f"3.{minor}" for minor in range(OLDEST[1], NEWEST[1] + 1)]
    return ", ".join(minors[:-1]) + " or " + minors[-1]


def python_problem(version: tuple[int, int]) -> str | None:
    """Why this Python cannot run the course, or None when it can."""
    if OLDEST <= tuple(version[:2]) <= NEWEST:
        return None
    found = ".".join(map(str, version[:2]))
    return (
        f"The course runs on Python {supported_pythons()}; this is Python {found}. "
        f"Install one of them and run it, e.g.: python3.{NEWEST[1]} course.py ..."
    )


class Platform(NamedTuple):
    system: str  # platform.system(): Linux, Darwin, Windows
    machine: str  # platform.machine(), lower case: x86_64, amd64, arm64, aarch64
    libc: str  # on Linux: glibc or musl
    bits: int  # of this Python
    apple_silicon: bool  # a Mac with an Apple chip, even when this Python runs under Rosetta


def platform_problem(here: Platform) -> str | None:
    """Why TensorFlow (so the course) cannot be installed here, with what to do instead.

    TensorFlow publishes wheels for Linux x86-64 and aarch64 (glibc), Windows x64
    and macOS on Apple silicon, all 64-bit.
    """
    machine = here.machine.lower()
    if here.bits != 64:
        return (
            f"This Python is a {here.bits}-bit build and TensorFlow has 64-bit wheels only: "
            "install the 64-bit Python and run course.py with it."
        )
    if here.system == "Darwin":
        if machine == "arm64":
            return None
        if here.apple_silicon:
            return (
                "This Python is an Intel build running under Rosetta on an Apple-silicon Mac. "
                "Install a native (arm64) Python, e.g. python.org's installer or Homebrew's "
                "(/opt/homebrew/bin/python3), and run course.py with it."
            )
        return (
            "TensorFlow has no wheels for Intel Macs since 2.16, and the course needs 2.19 or "
            f"newer. {COLAB}; or use a Linux or Windows x64 machine."
        )
    if here.system == "Windows":
        if machine in ("amd64", "x86_64"):
            return None
        return (
            "TensorFlow has no wheels for Windows on ARM. Run the course in WSL 2 "
            "(`wsl --install` gives Ubuntu, where the Linux ARM wheels install) and course.py "
            f"there; or {COLAB}."
        )
    if here.system == "Linux" and machine in ("x86_64", "aarch64", "arm64"):
        if here.libc == "musl":
            return (
                "TensorFlow has no wheels for musl-based Linux such as Alpine. Use a glibc-based "
                "distribution or container image (Debian, Ubuntu, python:3.12-slim); "
                f"or {COLAB}."
            )
        return None
    return (
        f"TensorFlow has no wheels for {here.system} on {here.machine}: it has them for Linux "
        f"(x86-64, ARM), Windows x64 and macOS on Apple silicon. {COLAB}."
    )


def this_platform() -> Platform:
    system = platform.system()
    libc = ""
    if system == "Linux":
        tags = sysconfig.get_config_var("HOST_GNU_TYPE") or ""
        tags += getattr(sys.implementation, "_multiarch", "")
        musl = "musl" in tags or (
            platform.libc_ver()[0] != "glibc" and any(Path("/lib").glob("ld-musl-*"))
        )
        libc = "musl" if musl else "glibc"
    apple_silicon = False
    if system == "Darwin":
        # hw.optional.arm64 is 1 on Apple silicon, also for a process under Rosetta.
        probe = subprocess.run(
            ["sysctl", "-n", "hw.optional.arm64"], capture_output=True, text=True, check=False
        )
        apple_silicon = probe.stdout.strip() == "1"
    return Platform(system, platform.machine(), libc, struct.calcsize("P") * 8, apple_silicon)


def wanted_stamp() -> str:
    """The Python version and a hash of what is installed: pyproject.toml and the lock."""
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCK):
        digest.update(path.read_bytes())
    return "{}.{} {}".format(*running_python(), digest.hexdigest()[:16])


def venv_python_version() -> str | None:
    """The major.minor of the environment's Python (pyvenv.cfg), None when unknown."""
    config = VENV / "pyvenv.cfg"
    if not config.exists():
        return None
    for line in config.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key.strip() in ("version", "version_info"):
            return ".".join(value.strip().split(".")[:2])
    return None


PIP = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check"]


def install_commands() -> list[list[str]]:
    """The lock first, then the course's package on top of it without its dependencies.

    The package asks for `tensorflow`; the lock may have chosen `tensorflow-cpu`, which
    pip would not count as `tensorflow`, so pip does not resolve the package's own ranges.
    """
    return [
        [*PIP, "--progress-bar", "off", "-r", str(LOCK)],
        [*PIP, "--progress-bar", "off", "--no-deps", "-e", str(ROOT)],
    ]


def running_python() -> tuple[int, int]:
    return sys.version_info[0], sys.version_info[1]


def ensure_environment() -> None:
    """Creates the environment and installs the course into it when missing or outdated."""
    for problem in (python_problem(running_python()), platform_problem(this_platform())):
        if problem:
            sys.exit(f"[course] {problem}")
    running = "{}.{}".format(*running_python())
    built_with = venv_python_version()
    if PYTHON.exists() and built_with not in (None, running):
        say(f"{VENV.name} was made with Python {built_with}; making it anew for {running} ...")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    if not PYTHON.exists():
        say(f"creating the virtual environment {VENV.name} (Python {running}) ...")
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text().strip() == wanted_stamp():
        return
    say(
        f"installing the pinned packages of {LOCK.relative_to(ROOT).as_posix()} (a few minutes) ..."
    )
    if subprocess.call([*PIP, "--quiet", "--upgrade", "pip"]) != 0:
        say("could not upgrade pip; going on with the one the venv has")
    for command in install_commands():
        if subprocess.call(command) != 0:
            sys.exit(
                "[course] pip could not install the course's packages; see the messages above."
            )
    STAMP.write_text(wanted_stamp() + "\n")
    say("environment ready")


def setup(args: list[str]) -> int:
    ensure_environment()
    return 0


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


def parallel(args: list[str], cores: int | None = None) -> list[str]:
    """pytest-xdist's options: two processes where there are two cores, unless told otherwise.

    Most of the suite's time is one core's (a notebook kernel, a grading child), so two
    processes nearly halve it; more would mostly add memory (each loads TensorFlow).
    --dist loadscope keeps a notebook's cells (and a module's fixtures) on one process.
    Passing -n, --numprocesses, --dist or -p no:xdist leaves the choice to you.
    """
    cores = (os.cpu_count() or 1) if cores is None else cores
    told = any(a in ("-n", "--numprocesses", "--dist", "no:xdist") for a in args) or any(
        a.startswith(("-n=", "--numprocesses=", "--dist="))
        or (a.startswith("-n") and a[2:].isdigit())
        for a in args
    )
    if told or cores < 2:
        return []
    return ["-n", "2", "--dist", "loadscope"]


def test(args: list[str]) -> int:
    ensure_environment()
    say(f"Python {sys.version.split()[0]}, environment {VENV.name}")
    say("lint: ruff check")
    lint = subprocess.call(
        [str(PYTHON), "-m", "ruff", "check", *LINTED],
        cwd=ROOT,
    )
    say("tests: pytest (unit tests, notebooks in quick mode)")
    code = subprocess.call([str(PYTHON), "-m", "pytest", *parallel(args), *args], cwd=ROOT)
    if lint != 0:
        say("ruff found problems (see above)")
        return lint if code == 0 else code
    return code


def main() -> int:
    commands = {"lab": lab, "test": test, "setup": setup}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
