"""Does the sandbox run a submission within its limits and bring back only plain arrays and problems?

gencourse.grade.sandbox. One real run of made-up cells and exercises (not a
lesson's): a cell that fails, one that never ends, one that floods the
output, and functions that are right, missing, not callable, unfinished,
calling the library, switching the profiler off, or killing their process.
It costs two child processes (the endless cell costs a restart). The rest
reads what a child would send, made here, with no process at all.
"""

from __future__ import annotations

import os
import signal

import numpy as np
import pytest
from sandbox_guard import require_sandbox

from gencourse.grade import jail, wire
from gencourse.grade.sandbox import Limits, Problem, Sandbox, _child_env, _Output, _signal_name
from gencourse.grade.submission import Cell

CELL_TIMEOUT = 5
CELLS = [
    Cell(
        0, "import os\n\nimport numpy as np\n\ndef double(x):\n    return 2 * x", "double", "stub"
    ),
    Cell(1, "raise ValueError('no')"),
    Cell(2, "while True:\n    pass"),
    Cell(3, "number = 3\nprint('x' * 5000)"),
    Cell(4, "def stub(x):\n    raise NotImplementedError"),
    Cell(
        5, "def lib(x):\n    from gencourse.models import vae\n    return vae.kl_divergence(x, x)"
    ),
    Cell(6, "def tamper(x):\n    import sys\n    sys.setprofile(None)\n    return x"),
    Cell(
        7,
        "def whoami(x):\n    import resource\n"
        "    return np.array([os.getuid(), resource.getrlimit(resource.RLIMIT_NPROC)[0]], float)",
    ),
    Cell(8, "def dies(x):\n    import os\n    os._exit(3)"),  # last: its restart has nothing left
]
ONE = [("case.none", (np.array([0.5]),), {})]
CASES = {
    "double": [("case.none", (np.array([1.0, 2.0]),), {}), ("case.none", (np.array([[3.0]]),), {})],
    **{name: ONE for name in ("absent", "number", "stub", "lib", "tamper", "whoami", "dies")},
}
EXERCISES = list(CASES)


@pytest.fixture(scope="module")
def report():
    require_sandbox()
    limits = Limits(cell_timeout=CELL_TIMEOUT, total_timeout=300, output_cap=1000)
    return Sandbox(limits, "en").run(CELLS, EXERCISES, CASES)


def test_does_a_right_function_bring_back_its_values_as_float64_arrays(report):
    run = report.exercises["double"]
    assert run.state == "ran" and [r.status for r in run.records] == ["value", "value"]
    np.testing.assert_array_equal(run.records[0].value, [2.0, 4.0])
    np.testing.assert_array_equal(run.records[1].value, [[6.0]])
    assert run.records[0].value.dtype == np.float64
    assert run.library == [] and not run.tampered


def test_is_a_failing_cell_reported_and_the_run_going_on(report):
    assert report.cell_errors == {1: "ValueError"}


def test_does_an_endless_cell_cost_one_restart_without_that_cell(report):
    assert report.starts == 2
    assert Problem("timeout", cell=2, detail={"seconds": CELL_TIMEOUT}) in report.problems


def test_are_missing_and_uncallable_names_told_apart(report):
    assert report.exercises["absent"].state == "missing"
    number = report.exercises["number"]
    assert number.state == "not_callable" and number.type_name == "int"


def test_does_an_unfinished_function_stop_at_not_implemented(report):
    run = report.exercises["stub"]
    assert run.state == "ran" and [r.status for r in run.records] == ["not_implemented"]


def test_are_library_calls_and_a_switched_off_profiler_noted(report):
    assert report.exercises["lib"].library == ["gencourse.models.vae.kl_divergence"]
    # The grading copy has stand-ins only: the call fails there, and is noted.
    lib = report.exercises["lib"].records[0]
    assert lib.status == "error" and lib.detail["error"] == "LibraryUnavailable"
    assert report.exercises["tamper"].tampered


def test_does_a_function_that_kills_its_process_fail_alone(report):
    run = report.exercises["dies"]
    assert run.state == "failed"
    assert run.problem == Problem("crash", exercise="dies", detail={"code": "3"})
    assert report.exercises["double"].state == "ran"


def test_does_a_root_graders_child_run_as_a_user_of_its_own_with_a_process_limit(report):
    uid, nproc = report.exercises["whoami"].records[0].value
    if not jail.is_root():  # an unprivileged grader's child keeps its user and limits
        assert uid == os.getuid()
        return
    assert jail.UID_FIRST <= uid < jail.UID_FIRST + jail.UID_COUNT
    assert nproc == jail.MAX_PROCESSES
    # The next run gets another user: two sandboxes never share one (nor its process count).
    assert jail.next_uid() != uid


def test_does_a_fork_bomb_stop_at_its_own_limit_and_leave_nothing(tmp_path):
    """A function forks until it cannot: as root, its own user's limit stops it, and a
    sibling run started after it still works; no forked process outlives its sandbox."""
    require_sandbox()
    if not jail.is_root():
        pytest.skip("the per-sandbox process limit is a root grader's (a user of its own)")
    # A small fresh Python forks fast (a fork of the TensorFlow-loaded child takes ~75 ms).
    forks = (
        "import os, time\nmade = 0\nwhile made < 5000:\n    try:\n        pid = os.fork()\n"
        "    except OSError:\n        break\n    if pid == 0:\n        os.closerange(0, 3)\n        time.sleep(600)\n"
        "        os._exit(0)\n    made += 1\nprint(made)"
    )
    bomb = Cell(
        1,
        "import subprocess, sys\n\ndef bomb(x):\n"
        f"    out = subprocess.run([sys.executable, '-c', {forks!r}], capture_output=True)\n"
        "    return np.array([int(out.stdout), os.getuid()], float)",
        "bomb",
        "stub",
    )
    cells = [Cell(0, "import os\n\nimport numpy as np"), bomb]
    limits = Limits(cell_timeout=60, total_timeout=300, output_cap=1000)
    report = Sandbox(limits, "en").run(cells, ["bomb"], {"bomb": ONE})
    made, uid = report.exercises["bomb"].records[0].value
    assert 0 < made < jail.MAX_PROCESSES
    sibling = Sandbox(limits, "en").run(CELLS[:1], ["double"], {"double": CASES["double"]})
    assert [r.status for r in sibling.exercises["double"].records] == ["value", "value"]
    left = [p for p in os.listdir("/proc") if p.isdigit() and _uid_of(p) == uid]
    assert left == []


def _uid_of(pid: str) -> int | None:
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return None


def test_is_the_output_capped_and_the_cap_reported(report):
    assert len(report.output) == 1000 and report.output_dropped > 0
    # The failing cell's traceback comes first (it is the log's), then the flood, cut.
    assert b"ValueError" in report.output and report.output.endswith(b"x" * 100)
    assert Problem("output", detail={"cap_mb": 1000 / 2**20}) in report.problems


# --- without a process: what the grader keeps of what a child sends --------------------


def _exercise_run(header, arrays=None):
    payload = wire.pack_arrays(arrays) if arrays else b""
    return Sandbox._exercise_run("f", {"state": "ran", **header}, payload)


def test_is_only_a_plain_float64_array_taken_as_a_value():
    records = [{"status": "value"}] * 4
    arrays = {
        "c0": np.array([1.0]),
        "c1": np.array([1], dtype=np.int64),  # another type: a child that lies
        # c2 missing
        "c3": np.zeros(10),
    }
    run = _exercise_run({"records": records}, arrays)
    assert [r.status for r in run.records] == ["value", "wrong_type", "wrong_type", "value"]


def test_is_an_oversized_array_refused(monkeypatch):
    monkeypatch.setattr("gencourse.grade.sandbox.MAX_ARRAY_VALUES", 5)
    run = _exercise_run({"records": [{"status": "value"}]}, {"c0": np.zeros(6)})
    assert run.records[0].status == "wrong_type"


def test_are_a_childs_details_cut_to_what_each_status_may_say():
    records = [
        {"status": "error", "detail": {"error": "E", "text": "t", "extra": "x" * 500}},
        {"status": "wrong_form", "detail": {"hint": "hint.sign"}},
        {"status": "wrong_form", "detail": {"hint": "made up by the learner"}},
        {"status": "wrong_type", "detail": {"type": "x" * 500}},
        {"status": "pass"},  # not a status a child may send
    ]
    run = _exercise_run({"records": records, "library": [f"m.f{i}" for i in range(20)]})
    assert [r.status for r in run.records] == [
        "error",
        "wrong_form",
        "wrong_form",
        "wrong_type",
        "error",
    ]
    assert run.records[0].detail == {"error": "E", "text": "t"}
    assert run.records[1].detail == {"hint": "hint.sign"}
    assert run.records[2].detail == {}
    assert len(run.records[3].detail["type"]) == 200
    assert len(run.library) == 10


def test_are_missing_and_uncallable_states_read_without_records():
    assert Sandbox._exercise_run("f", {"state": "missing"}, b"").state == "missing"
    run = Sandbox._exercise_run("f", {"state": "not_callable", "type": "x" * 100}, b"")
    assert run.state == "not_callable" and len(run.type_name) == 60


def test_does_the_output_drain_keep_the_first_bytes_and_count_the_rest():
    r, w = os.pipe()
    os.write(w, b"a" * 700)
    os.write(w, b"b" * 700)
    os.close(w)
    output = _Output(1000)
    output.drain(r)
    assert bytes(output.kept) == b"a" * 700 + b"b" * 300
    assert output.dropped == 400


def test_does_the_child_get_no_variable_of_the_graders_environment_but_a_few(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_TOKEN", "hunter2")
    monkeypatch.setenv("PYTHONPATH", "/somewhere")
    env = _child_env(tmp_path, "ko")
    assert "SECRET_TOKEN" not in env and "PYTHONPATH" not in env
    assert env["GENCOURSE_LANG"] == "ko" and env["GENCOURSE_QUICK"] == "1"
    assert env["IPYTHONDIR"] == str(tmp_path / ".ipython")


def test_are_signals_named_for_people():
    assert _signal_name(-signal.SIGSEGV) == "SIGSEGV"
    assert _signal_name(-999) == "signal 999"


def test_does_the_sandbox_show_only_what_the_issue_lists(tmp_path):
    """The bwrap command line: new PID namespace, no network, own /tmp, read-only binds only."""
    copy_root, workdir = tmp_path / "copy", tmp_path / "work"
    args = jail.command(copy_root, workdir, ["python"])
    assert "--die-with-parent" in args and "--new-session" in args
    assert "--unshare-pid" in args or "--unshare-all" in args
    assert "--unshare-net" in args or "--unshare-all" in args
    assert args[args.index("--tmpfs") - 2 : args.index("--tmpfs") + 2] == [
        "--perms", "1777", "--tmpfs", "/tmp",
    ]  # fmt: skip
    writable = [args[i + 1] for i, a in enumerate(args) if a == "--bind"]
    assert writable == [str(workdir)]
    from pathlib import Path

    root = str(Path(__file__).resolve().parent.parent)
    shown = [args[i + 1] for i, a in enumerate(args) if a in ("--ro-bind", "--bind")]
    for path in shown:  # the course folder is never shown, only the environment inside it
        assert path in ("/usr", str(copy_root), str(workdir)) or not (root + "/").startswith(
            path.rstrip("/") + "/"
        ), path
    assert all(not p.startswith((root + "/solutions", root + "/notebooks")) for p in shown)


def test_has_the_grading_copy_no_reference_and_no_check_case(tmp_path):
    root = jail.build_copy(tmp_path / "copy")
    pkg = root / "gencourse"
    for place in (
        "check/vae.py",
        "check/core.py",
        "models/vae.py",
        "metrics.py",
        "augment/__init__.py",
    ):
        text = (pkg / place).read_text(encoding="utf-8")
        assert "def " in text and "_attribute(__name__, name)" in text and len(text) < 200, place
    assert not (pkg / "weights").exists() and (pkg / "grade" / "child.py").exists()
    everything = "".join(p.read_text("utf-8", "replace") for p in pkg.rglob("*.py"))
    assert "np.exp(0.5 * z_log_var)" not in everything and "default_rng(20)" not in everything


def test_does_a_python_environment_under_tmp_stay_visible_over_the_empty_tmp(tmp_path, monkeypatch):
    """The sandbox's own /tmp is mounted first, so an environment in /tmp is bound on top of it."""
    import sys

    for name in ("prefix", "exec_prefix"):
        monkeypatch.setattr(sys, name, "/tmp/course-env")
    args = jail.command(tmp_path / "copy", tmp_path / "work", ["python"])
    pairs = list(zip(args, args[1:], strict=False))
    empty_tmp = pairs.index(("--tmpfs", "/tmp"))
    environment = pairs.index(("--ro-bind", "/tmp/course-env"))
    assert empty_tmp < environment, args
