"""Does every pin of the lock have a wheel on each supported platform and Python?

    .venv/bin/python requirements/wheels.py [--lock LOCK] [--python 3.12] [PLATFORM ...]

For each platform x Python cell this keeps the lock's lines whose markers hold
there, and asks pip to resolve them (`pip install --dry-run --only-binary=:all:
--platform ... --python-version ... --no-deps`): only the package index is read,
nothing is installed. Prints one line per cell and the TensorFlow wheel chosen;
exits 1 when a cell has a pin without a wheel. Run it after `make lock`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
PYTHONS = ["3.11", "3.12", "3.13"]  # each as its late release x.y.9
# pip does not widen a manylinux tag given with --platform: every glibc from 2.17 to 2.28
# (RHEL 8, Debian 10, Ubuntu 20.04 and newer have at least 2.28).
GLIBC = [f"manylinux_2_{minor}" for minor in range(28, 16, -1)] + ["manylinux2014"]
# name: (marker environment, pip's --platform tags)
PLATFORMS = {
    "Linux x86-64": (
        {"sys_platform": "linux", "platform_machine": "x86_64", "os_name": "posix"},
        [f"{tag}_x86_64" for tag in GLIBC],
    ),
    "Linux aarch64": (
        {"sys_platform": "linux", "platform_machine": "aarch64", "os_name": "posix"},
        [f"{tag}_aarch64" for tag in GLIBC],
    ),
    "macOS arm64": (
        {"sys_platform": "darwin", "platform_machine": "arm64", "os_name": "posix"},
        ["macosx_14_0_arm64"],
    ),
    "Windows x64": (
        {"sys_platform": "win32", "platform_machine": "AMD64", "os_name": "nt"},
        ["win_amd64"],
    ),
}


def environment(platform: str, python: str) -> dict[str, str]:
    """The marker environment of CPython ``python`` ("3.12", as its late release x.y.9) on
    ``platform``."""
    env = dict(PLATFORMS[platform][0])
    system = {"linux": "Linux", "darwin": "Darwin", "win32": "Windows"}[env["sys_platform"]]
    env |= {"python_version": python, "python_full_version": f"{python}.9"}
    env |= {"platform_system": system, "implementation_name": "cpython"}
    env |= {"platform_python_implementation": "CPython"}
    return env


def pins(lock: Path, env: dict[str, str] | None = None) -> dict[str, Requirement]:
    """The lock's requirements whose markers hold in ``env`` (default: here), by name.

    Raises:
        ValueError: when a package is pinned twice for ``env``.
    """
    found: dict[str, Requirement] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith(("#", "-")):
            continue
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(env):
            name = canonicalize_name(requirement.name)
            if name in found:
                raise ValueError(f"{lock.name} pins {name} twice for {env}")
            found[name] = requirement
    return found


def resolve(wanted: list[str], platforms: list[str], python: str) -> tuple[bool, str, dict]:
    """pip's dry run of ``wanted`` for one cell (Python x.y.9, as in :func:`environment`).

    Returns: (ok, pip's last lines, {name: wheel file}).
    """
    abi = "cp" + python.replace(".", "")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--no-deps"]
        command += ["--ignore-installed", "--only-binary=:all:", "--target", tmp]
        command += ["--python-version", f"{python}.9", "--implementation", "cp"]
        command += [f"--abi={a}" for a in (abi, "abi3", "none")]
        command += [f"--platform={p}" for p in platforms]
        command += ["--report", str(report), *wanted]
        done = subprocess.run(command, capture_output=True, text=True)
        files = {}
        if report.exists():
            for item in json.loads(report.read_text())["install"]:
                name = item["metadata"]["name"]
                files[canonicalize_name(name)] = item["download_info"]["url"].rsplit("/", 1)[-1]
    tail = " | ".join(done.stderr.strip().splitlines()[-2:])
    return done.returncode == 0, tail, files


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lock", type=Path, default=HERE / "course-lock.txt")
    parser.add_argument("--python", action="append", choices=PYTHONS, help="only these")
    parser.add_argument("platforms", nargs="*", help=f"some of {list(PLATFORMS)}")
    args = parser.parse_args(argv)
    lock, failed = args.lock, 0
    for platform, (_, tags) in PLATFORMS.items():
        if args.platforms and platform not in args.platforms:
            continue
        for python in args.python or PYTHONS:
            wanted = [
                f"{r.name}{r.specifier}" for r in pins(lock, environment(platform, python)).values()
            ]
            ok, tail, files = resolve(wanted, tags, python)
            tf = files.get("tensorflow") or files.get("tensorflow-cpu") or "-"
            verdict = f"{len(wanted)} pins, all with wheels" if ok else f"FAILED: {tail}"
            print(f"{platform:14} Python {python}: {verdict}; TensorFlow: {tf}", flush=True)
            failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
