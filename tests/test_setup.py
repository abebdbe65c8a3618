"""Does course.py take the Pythons and platforms TensorFlow has wheels for, and refuse
the others before pip runs? Does the course's lock pin, on every supported platform and
Python, one version of each package within pyproject.toml's ranges, with the CPU-only
TensorFlow wheel where one exists? Are the lower bounds what the install test installs?"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "course-lock.txt"
LOWEST = ROOT / "requirements" / "lowest.txt"


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


course = _load("course", ROOT / "course.py")
wheels = _load("wheels", ROOT / "requirements" / "wheels.py")
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
CELLS = [(platform, python) for platform in wheels.PLATFORMS for python in wheels.PYTHONS]


def _requirements(*extras: str) -> dict[str, Requirement]:
    lines = PROJECT["dependencies"] + [
        line for extra in extras for line in PROJECT["optional-dependencies"][extra]
    ]
    return {canonicalize_name(r.name): r for r in map(Requirement, lines)}


def _machine(system="Linux", machine="x86_64", libc="glibc", bits=64, apple_silicon=False):
    return course.Platform(system, machine, libc, bits, apple_silicon)


# --- Python versions -----------------------------------------------------------------


@pytest.mark.parametrize("version", [(3, 11), (3, 12), (3, 13)])
def test_are_python_3_11_to_3_13_accepted(version):
    assert course.python_problem(version) is None


@pytest.mark.parametrize("version", [(3, 10), (3, 14), (2, 7)])
def test_does_a_refusal_name_the_supported_range_and_the_python_found(version):
    problem = course.python_problem(version)
    assert "3.11, 3.12 or 3.13" in problem
    assert f"Python {version[0]}.{version[1]}" in problem


def test_do_course_py_and_pyproject_agree_on_the_pythons():
    assert PROJECT["requires-python"] == ">=3.11,<3.14"
    assert (course.OLDEST, course.NEWEST) == ((3, 11), (3, 13))
    assert wheels.PYTHONS == ["3.11", "3.12", "3.13"]


# --- platforms -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "here",
    [
        _machine("Linux", "x86_64"),
        _machine("Linux", "aarch64"),
        _machine("Windows", "AMD64", libc=""),
        _machine("Darwin", "arm64", libc="", apple_silicon=True),
    ],
    ids=["linux-x86_64", "linux-aarch64", "windows-x64", "macos-arm64"],
)
def test_are_the_platforms_with_tensorflow_wheels_accepted(here):
    assert course.platform_problem(here) is None


@pytest.mark.parametrize(
    ("here", "advice"),
    [
        (_machine("Darwin", "x86_64", libc=""), "Intel Macs"),
        (_machine("Darwin", "x86_64", libc="", apple_silicon=True), "Rosetta"),
        (_machine("Windows", "ARM64", libc=""), "WSL 2"),
        (_machine("Linux", "x86_64", libc="musl"), "Alpine"),
        (_machine("Linux", "aarch64", libc="musl"), "glibc-based"),
        (_machine("Windows", "AMD64", libc="", bits=32), "64-bit Python"),
        (_machine("Linux", "ppc64le"), "Linux on ppc64le"),
        (_machine("FreeBSD", "amd64", libc=""), "FreeBSD on amd64"),
    ],
    ids=["intel-mac", "rosetta", "windows-arm", "alpine", "alpine-arm", "32-bit", "ppc", "bsd"],
)
def test_is_a_platform_without_tensorflow_wheels_refused_with_what_to_do(here, advice):
    problem = course.platform_problem(here)
    assert problem is not None and advice in problem


def test_is_the_platform_running_these_tests_one_the_course_accepts():
    here = course.this_platform()
    assert here.bits == 64
    assert course.platform_problem(here) is None, here


def test_does_course_py_refuse_an_intel_mac_before_creating_or_installing_anything(
    tmp_path, monkeypatch
):
    calls = []
    monkeypatch.setattr(course, "this_platform", lambda: _machine("Darwin", "x86_64", libc=""))
    monkeypatch.setattr(course, "VENV", tmp_path / "venv")
    monkeypatch.setattr(course, "PYTHON", tmp_path / "venv" / "bin" / "python")
    monkeypatch.setattr(course.subprocess, "call", lambda *a, **k: calls.append(a) or 0)
    monkeypatch.setattr(course.venv, "EnvBuilder", lambda **k: calls.append(k))
    with pytest.raises(SystemExit, match="Intel Macs.*Colab"):
        course.ensure_environment()
    assert calls == [] and not (tmp_path / "venv").exists()


def test_does_course_py_refuse_python_3_14_before_anything(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(course, "running_python", lambda: (3, 14))
    monkeypatch.setattr(course.subprocess, "call", lambda *a, **k: calls.append(a) or 0)
    monkeypatch.setattr(course.venv, "EnvBuilder", lambda **k: calls.append(k))
    with pytest.raises(SystemExit, match=r"3\.11, 3\.12 or 3\.13; this is Python 3\.14"):
        course.ensure_environment()
    assert calls == []


# --- installing ------------------------------------------------------------------------


def test_does_the_stamp_change_with_the_lock_and_name_the_python(tmp_path, monkeypatch):
    (tmp_path / "requirements").mkdir()
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    lock = tmp_path / "requirements" / "course-lock.txt"
    lock.write_text("numpy==2.0.0\n")
    monkeypatch.setattr(course, "ROOT", tmp_path)
    monkeypatch.setattr(course, "LOCK", lock)
    first = course.wanted_stamp()
    assert first == course.wanted_stamp()
    assert first.split()[0] == f"{sys.version_info[0]}.{sys.version_info[1]}"
    lock.write_text("numpy==2.0.1\n")
    assert course.wanted_stamp() != first


def test_is_the_lock_installed_first_then_the_package_without_its_dependencies():
    first, second = course.install_commands()
    assert first[-2:] == ["-r", str(LOCK)]
    assert second[-3:] == ["--no-deps", "-e", str(ROOT)]


def test_is_an_environment_of_another_python_noticed(tmp_path, monkeypatch):
    monkeypatch.setattr(course, "VENV", tmp_path)
    assert course.venv_python_version() is None
    (tmp_path / "pyvenv.cfg").write_text("home = /usr/bin\nversion = 3.12.1\n")
    assert course.venv_python_version() == "3.12"


# --- the lock ---------------------------------------------------------------------------


def test_does_every_line_of_the_lock_pin_one_exact_version():
    for requirement in wheels.pins(LOCK, None).values():
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", requirement


@pytest.mark.parametrize(("platform", "python"), CELLS)
def test_does_the_lock_pick_the_tensorflow_wheel_for_the_platform(platform, python):
    pinned = wheels.pins(LOCK, wheels.environment(platform, python))
    cpu_wheel = platform in ("Linux x86-64", "Windows x64")
    assert ("tensorflow-cpu" in pinned) is cpu_wheel
    assert ("tensorflow" in pinned) is not cpu_wheel


@pytest.mark.parametrize(("platform", "python"), CELLS)
def test_does_every_pin_satisfy_the_ranges_of_pyproject(platform, python):
    pinned = wheels.pins(LOCK, wheels.environment(platform, python))
    # The package asks for `tensorflow`; where the lock has the CPU wheel, that one counts.
    tensorflow = pinned.get("tensorflow") or pinned["tensorflow-cpu"]
    for name, wanted in _requirements("dev", "lab", "site").items():
        requirement = tensorflow if name == "tensorflow" else pinned.get(name)
        assert requirement is not None, f"{name} is not in the lock for {platform} {python}"
        version = next(iter(requirement.specifier)).version
        assert wanted.specifier.contains(version, prereleases=False), (wanted, version)


def test_is_tensorflow_one_range_in_pyproject_course_in_and_the_override():
    wanted = _requirements()["tensorflow"].specifier
    for name in ("course.in", "tensorflow-override.txt"):
        lines = (ROOT / "requirements" / name).read_text(encoding="utf-8").splitlines()
        (line,) = [line for line in lines if line.startswith("tensorflow")]
        assert Requirement(line).specifier == wanted, name


def test_does_the_lowest_lock_install_each_declared_lower_bound():
    """tests/test_install.py installs requirements/lowest.txt: each direct dependency there
    is the lower bound pyproject.toml declares (that release exists), and TensorFlow is the
    full `tensorflow` package, as on Colab."""
    pinned = wheels.pins(LOWEST, wheels.environment("Linux x86-64", "3.12"))
    assert "tensorflow-cpu" not in pinned
    for name, wanted in _requirements("dev").items():
        (lower,) = [s for s in wanted.specifier if s.operator == ">="]
        version = next(iter(pinned[name].specifier)).version
        assert Version(version) == Version(lower.version), (name, version, lower)


def test_are_the_installed_packages_those_of_the_lock():
    """Only in an environment course.py made (its stamp is there)."""
    if not (Path(sys.prefix) / ".gencourse-stamp").exists():
        pytest.skip("not an environment made by course.py")
    wrong = {}
    for name, requirement in wheels.pins(LOCK, None).items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = None
        if installed is None or not requirement.specifier.contains(installed, prereleases=True):
            wrong[name] = (installed, str(requirement.specifier))
    assert wrong == {}, "installed vs locked; run `python3 course.py setup` to install the lock"


@pytest.mark.parametrize(
    "args, cores, expected",
    [
        ([], 2, ["-n", "2", "--dist", "loadscope"]),
        (["-k", "vae", "-x"], 8, ["-n", "2", "--dist", "loadscope"]),
        ([], 1, []),  # one core: one process
        (["-n", "4"], 8, []),
        (["-n4"], 8, []),
        (["--numprocesses=3"], 8, []),
        (["--dist", "load"], 8, []),
        (["-p", "no:xdist"], 8, []),
    ],
)
def test_does_the_test_command_run_two_processes_unless_told(args, cores, expected):
    assert course.parallel(args, cores) == expected
