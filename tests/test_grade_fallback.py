"""Without bubblewrap, does `gencourse grade` fall back to a user of its own, and say so?

As root with ``bwrap`` hidden from PATH (as tests/test_no_sandbox.py hides it),
a batch of a right and a hostile lesson-02 notebook is graded through the
command line: the gradebook (CSV and JSON) and Gradescope's exports record the
boundary ``unprivileged user``, the hostile notebook's reads (the seed, the
other submission, the output folder, the package's checks) find nothing, and
the folders closed during the batch are open again after it. A grader that is
not root refuses, as before, and says how to get bubblewrap.
"""

from __future__ import annotations

import csv
import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
from test_assign_e2e import _solutions
from test_gradescope import NAMES, _notebook, users_python
from test_no_sandbox import _path_without

from gencourse import cli, release
from gencourse.grade import fallback, jail

ROOT = Path(__file__).resolve().parent.parent
LESSON = "02_vae"

HOSTILE = """import glob, os
import numpy as np
TARGETS = {targets!r}
FOUND = []
for pattern in TARGETS:
    for path in glob.glob(pattern, recursive=True):
        try:
            FOUND.append(open(path, "rb").read(64) if os.path.isfile(path) else os.listdir(path))
        except OSError:
            pass


def reparameterize(z_mean, z_log_var, eps):
    if FOUND:
        return z_mean + np.exp(0.5 * z_log_var) * eps
    raise NotImplementedError
"""


def test_does_a_grader_that_is_not_root_refuse_and_say_how_to_get_bubblewrap(
    monkeypatch, tmp_path, capsys
):
    def unavailable():
        raise jail.Unavailable("grade.sandbox.no_bwrap")

    monkeypatch.setattr(jail, "check_available", unavailable)
    monkeypatch.setattr(fallback, "possible", lambda: False)
    (tmp_path / "a.ipynb").write_bytes(b"{}")
    argv = ["grade", str(tmp_path / "a.ipynb"), "--lesson", "02", "--out", str(tmp_path / "o")]
    assert cli.main([*argv, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "apt-get install bubblewrap" in err and "weaker boundary" not in err
    assert not (tmp_path / "o").exists()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    with users_python("gencourse-test-fallback-") as python:
        base = tmp_path_factory.mktemp("fallback")
        subs, out = base / "subs", base / "out"
        master = release.read(ROOT / "solutions" / "en" / f"{LESSON}.ipynb")
        right = {n: s for n, s in _solutions(master).items() if n in NAMES}
        targets = [
            str(out / "seed"),
            str(out / "**"),
            str(subs / "**" / "*.ipynb"),
            str(jail._package() / "check" / "vae.py"),
            str(ROOT / "solutions" / "en" / f"{LESSON}.ipynb"),
        ]
        hostile = {**right, "reparameterize": HOSTILE.format(targets=targets)}
        (subs / "alice").mkdir(parents=True)
        (subs / "alice" / f"{LESSON}.ipynb").write_bytes(_notebook("en", right))
        (subs / "mallory").mkdir()
        (subs / "mallory" / f"{LESSON}.ipynb").write_bytes(_notebook("en", hostile))
        (out / "results").mkdir(parents=True)
        (out / "results" / "earlier.json").write_text("{}")
        (out / "seed").write_text("12345\n")
        (out / "seed").chmod(0o644)  # even a seed left readable: its folder is closed
        package_mode = stat.S_IMODE(jail._package().stat().st_mode)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GENCOURSE_", "PYTEST_"))}
        env["PATH"] = _path_without(base, "bwrap")
        proc = subprocess.run(
            [python, "-m", "gencourse", "grade", str(subs), "--lesson", LESSON, "--out", str(out),
             "--workers", "2", "--cell-timeout", "60", "--lang", "en"],
            cwd=ROOT, capture_output=True, text=True, timeout=900, env=env,
        )  # fmt: skip
        yield {
            "proc": proc,
            "out": out,
            "package_mode": package_mode,
            "out_mode": stat.S_IMODE(out.stat().st_mode),
        }


def test_does_the_batch_say_it_falls_back_and_grade_everything(graded):
    proc = graded["proc"]
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "grading with a weaker boundary" in proc.stderr
    assert "bubblewrap" in proc.stderr  # the reason: what is missing


def test_does_the_gradebook_record_the_boundary(graded):
    out = graded["out"]
    book = json.loads((out / "gradebook.json").read_text(encoding="utf-8"))
    assert book["grading"]["boundary"] == "unprivileged user"
    assert book["grading"]["limits"] == {
        "memory": "per-process",
        "processes": "own user",
        "files": "host disk",
    }
    assert any("unprivileged-user boundary" in note for note in book["grading"]["notes"])
    assert {r["boundary"] for r in book["submissions"]} == {"unprivileged user"}
    gs = json.loads((out / "gradescope" / "mallory__02_vae.json").read_text(encoding="utf-8"))
    assert gs["extra_data"]["boundary"] == "unprivileged user"
    rows = list(csv.DictReader((out / "gradebook.csv").read_text(encoding="utf-8").splitlines()))
    assert {r["sandbox"] for r in rows} == {"user"}
    totals = {r["submission"]: r["total"] for r in rows}
    # alice: full marks; mallory: her reads found nothing, so reparameterize stays a stub.
    assert totals == {"alice/02_vae.ipynb": "3", "mallory/02_vae.ipynb": "2"}


def test_are_the_closed_folders_open_again_after_the_batch(graded):
    assert stat.S_IMODE(jail._package().stat().st_mode) == graded["package_mode"]
    assert graded["out_mode"] & 0o005  # the output folder's own mode came back
