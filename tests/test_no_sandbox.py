"""Does the test suite pass on a machine without bubblewrap, skipping only what needs it?

The grading tests run once more here in a child pytest whose PATH has every program of
this machine's PATH except ``bwrap`` (CI installs bubblewrap, so without this test CI
would never see a machine that lacks it). Expected: the tests that need the sandbox skip
with a reason, the command's option and exit-code tests run and pass, nothing fails, and
the run ends with the summary that says how to enable the skipped tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gencourse.grade import jail

ROOT = Path(__file__).resolve().parent.parent
GRADING_TESTS = [
    "tests/test_grade_cli.py",
    "tests/test_grade_sandbox.py",
    "tests/test_grade_corpus.py",
]


def _path_without(tmp_path: Path, hidden: str) -> str:
    """A folder of links to every program on PATH except ``hidden``, first found first."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        if not directory or not Path(directory).is_dir():
            continue
        for entry in Path(directory).iterdir():
            if entry.name == hidden or (folder / entry.name).exists():
                continue
            if entry.is_file() and os.access(entry, os.X_OK):
                (folder / entry.name).symlink_to(entry.resolve())
    return str(folder)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PATH links: Linux only")
def test_do_the_grading_tests_skip_without_bubblewrap_instead_of_failing(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GENCOURSE_", "PYTEST_"))}
    env.update(PATH=_path_without(tmp_path, "bwrap"), GENCOURSE_LANG="en")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", *GRADING_TESTS, "-p", "no:xdist", "-p", "no:cacheprovider",
         "-q", "-rs", "--basetemp", str(tmp_path / "t")],
        cwd=ROOT, capture_output=True, text=True, timeout=900, env=env,
    )  # fmt: skip
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-4000:]
    last = out.strip().splitlines()[-1]
    assert "failed" not in last and "error" not in last and "skipped" in last, last
    assert "the grading sandbox cannot run here: grade.sandbox.no_bwrap" in out
    # The option and exit-code tests with a stand-in batch ran, and passed.
    assert int(last.split(" passed")[0].split()[-1]) >= 8, last
    assert "grading-sandbox tests: bubblewrap (command bwrap) is missing" in out
    assert "sudo apt-get install bubblewrap" in out


def test_does_the_sandbox_probe_look_again_when_bubblewrap_appears(monkeypatch, tmp_path):
    """A process that probed before bubblewrap was installed does not keep refusing."""
    monkeypatch.setattr(jail, "_probe", {})
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(jail, "bwrap_path", lambda: None)
    with pytest.raises(jail.Unavailable, match="no_bwrap"):
        jail.check_available()
    fake = tmp_path / "bwrap"  # a "bwrap" that starts and fails: probed, not the old answer
    fake.write_text("#!/bin/sh\necho 'no namespaces here' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(jail, "bwrap_path", lambda: str(fake))
    with pytest.raises(jail.Unavailable, match="cannot_start"):
        jail.check_available()
    assert jail.probe_detail() == "no namespaces here"
    fake.write_text("#!/bin/sh\nexit 0\n")  # same path: the kept answer, no new probe
    with pytest.raises(jail.Unavailable, match="cannot_start"):
        jail.check_available()
