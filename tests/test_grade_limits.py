"""Do a submission's limits hold however it tries to get around them?

gencourse.grade.limits, gencourse.grade.cgroup, and the sandbox that applies
them. Each test is a way around a limit that once worked: files on the
sandbox's tmpfs held beside the memory limit, forked processes each under
it, a folder on the host's disk, a cell that re-sends its start message to
win more time, and (for a grader that is not root) a fork bomb that took the
processes of the grader's whole user. Small numbers: a 200 MB limit, 300 MB of
files at most. The runs need bubblewrap (tests/sandbox_guard.py); the memory
tests need a cgroup the grader can make (root, or a delegated cgroup v2), else
they check the fallback. The rest reads the mechanics with no process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from sandbox_guard import require_sandbox

from gencourse.grade import cgroup, jail, limits
from gencourse.grade.limits import Limits, Problem, Steps
from gencourse.grade.sandbox import Sandbox
from gencourse.grade.submission import Cell

ONE = [("case.none", (np.array([0.5]),), {})]
MB = 2**20

# Each writes files of 40 MB (under the per-file cap) until it cannot; returns the MB written.
FILL = textwrap.dedent(
    """
    import os

    import numpy as np

    def fill(folder, mb):
        done = 0
        block = b"x" * (1 << 20)
        while done < mb:
            try:
                with open(os.path.join(folder, f"f{done}"), "wb") as f:
                    for _ in range(40):
                        f.write(block)
                        done += 1
            except OSError:
                break
        return done

    def files(x):
        return np.array([fill("/tmp", 140) + fill("/submission", 140)], float)

    def disk(x):
        return np.array([fill("/submission", 300)], float)

    def forks(x):
        import time
        children = []
        for _ in range(4):
            pid = os.fork()
            if pid == 0:
                held = b"y" * (80 << 20)
                time.sleep(30 + len(held) * 0)
                os._exit(0)
            children.append(pid)
        time.sleep(8)
        return np.array([len(children)], float)

    def honest(x):
        return 2 * x
    """
)


def _memory_run(**overrides):
    settings = dict(cell_timeout=60, total_timeout=400, output_cap=10_000, memory_mb=200)
    settings.update(overrides)
    cells = [Cell(0, FILL, "files", "stub")]
    names = ["files", "forks", "disk", "honest"]
    return Sandbox(Limits(**settings), "en").run(cells, names, {n: ONE for n in names})


@pytest.fixture(scope="module")
def with_cgroup():
    require_sandbox()
    if cgroup.place()[0] is None or cgroup.place()[0].memory is None:
        pytest.skip("this grader cannot make a memory cgroup here (the fallback test covers it)")
    return _memory_run(disk_mb=150)


def test_do_files_on_the_sandboxs_tmpfs_count_against_the_memory_limit(with_cgroup):
    """280 MB of files under a 200 MB limit (once 720 MB were held beside a 300 MB one)."""
    assert with_cgroup.limits["memory"].startswith("cgroup")
    run = with_cgroup.exercises["files"]
    assert run.state == "failed" and run.problem == Problem(
        "memory", exercise="files", detail={"mb": 200}
    )


def test_do_forked_processes_count_together_against_the_memory_limit(with_cgroup):
    """Four processes of 80 MB under a 200 MB limit (once four of 250 MB held 1 GB)."""
    run = with_cgroup.exercises["forks"]
    assert run.state == "failed" and run.problem.kind == "memory", run


def test_is_the_submission_folder_a_tmpfs_of_its_own_size(with_cgroup):
    """Writing 300 MB into /submission stops at its 150 MB: the host's disk is not touched."""
    run = with_cgroup.exercises["disk"]
    assert run.state == "ran", run
    written = run.records[0].value[0]
    assert 100 <= written <= 150
    assert with_cgroup.exercises["honest"].records[0].status == "value"
    # Everything the run held at once, its imports and files included, stayed under the cap.
    assert with_cgroup.memory_peak <= (200 + limits.STARTUP_MB) * MB


def test_without_a_cgroup_do_the_tmpfs_sizes_bound_the_files_and_the_run_say_so(monkeypatch):
    """The fallback (no cgroup the grader may make): files stop at each tmpfs's size."""
    require_sandbox()
    if not jail.sizes_tmpfs():
        pytest.skip("this bwrap cannot size a tmpfs (bubblewrap 0.7 or later can)")
    monkeypatch.setattr(cgroup, "place", lambda: (None, "none"))
    settings = dict(cell_timeout=60, total_timeout=300, output_cap=10_000, disk_mb=60)
    cells = [Cell(0, FILL, "files", "stub")]
    report = Sandbox(Limits(**settings), "en").run(
        cells, ["files", "disk"], {"files": ONE, "disk": ONE}
    )
    assert report.limits["memory"] == "per-process" and report.limits["files"] == "tmpfs"
    assert report.memory_peak is None
    assert report.exercises["files"].records[0].value[0] <= 2 * 60  # /tmp and /submission
    assert report.exercises["disk"].records[0].value[0] <= 60


# A cell that sends its own start message again and again, as if each were a new cell.
FORGE = textwrap.dedent(
    """
    import os, time
    from gencourse.grade import wire

    def _pipes():
        found = []
        for name in os.listdir("/proc/self/fd"):
            try:
                if int(name) > 2 and os.readlink(f"/proc/self/fd/{name}").startswith("pipe:"):
                    found.append(int(name))
            except (OSError, ValueError):
                pass
        return found

    end = time.monotonic() + 300
    while time.monotonic() < end:
        for fd in _pipes():
            try:
                wire.send(fd, {"event": "cell", "index": 1})
            except OSError:
                pass
        time.sleep(0.5)
    """
)


def test_does_the_cell_time_limit_hold_whatever_the_cell_sends():
    """A cell re-sending its start message is stopped at the limit (it once ran 160 s of 60)."""
    require_sandbox()
    cells = [Cell(0, "import numpy as np\n\ndef honest(x):\n    return 2 * x", "honest", "stub")]
    cells.append(Cell(1, FORGE))
    limits = Limits(cell_timeout=5, total_timeout=600, output_cap=10_000)
    began = time.monotonic()
    report = Sandbox(limits, "en").run(cells, ["honest"], {"honest": ONE})
    took = time.monotonic() - began
    assert Problem("timeout", cell=1, detail={"seconds": 5}) in report.problems
    assert report.exercises["honest"].records[0].status == "value"
    assert report.starts == 2 and took < 150, took  # the forging cell alone would take 300 s


FORKS = (
    "import os, time\nmade = 0\nwhile made < 5000:\n    try:\n        pid = os.fork()\n"
    "    except OSError:\n        break\n    if pid == 0:\n        os.closerange(0, 3)\n"
    "        time.sleep(60)\n        os._exit(0)\n    made += 1\nprint(made)"
)

# It holds its processes while its classmate starts (a TensorFlow process needs tens of threads).
BOMB = (
    "import os, subprocess, sys, time\nimport numpy as np\n\ndef bomb(x):\n"
    f"    p = subprocess.Popen([sys.executable, '-c', {FORKS!r}], stdout=subprocess.PIPE)\n"
    "    time.sleep(25)\n"
    "    return np.array([int(p.communicate()[0])], float)"
)

# Run by an unprivileged user whose processes (threads included) may number 600 more, with
# a budget of 300 per sandbox (smaller than the grader's, to fork less): a bomb that could
# take them all would leave its classmate no thread to start.
UNPRIVILEGED = textwrap.dedent(
    f"""
    import os, resource, sys, threading
    def tasks():  # this user's processes and threads now (CI's user has others)
        count = 0
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                status = open(f"/proc/{{pid}}/status").read().splitlines()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status if ":" in line)
            if int(fields.get("Uid", "-1").split()[0]) == os.getuid():
                count += int(fields.get("Threads", "1"))
        return count
    resource.setrlimit(resource.RLIMIT_NPROC, (tasks() + 600, tasks() + 600))
    import numpy as np
    from gencourse.grade import jail
    jail.MAX_PROCESSES = 300
    from gencourse.grade.sandbox import Limits, Sandbox
    from gencourse.grade.submission import Cell
    ONE = [("case.none", (np.array([0.5]),), {{}})]
    bomb = Cell(0, {BOMB!r}, "bomb", "stub")
    honest = Cell(0, "import numpy as np\\n\\ndef honest(x):\\n    return 2 * x", "honest", "stub")
    limits = Limits(cell_timeout=120, total_timeout=300, output_cap=10_000)
    found = {{}}
    def run(cell, name, delay):
        import time
        time.sleep(delay)
        found[name] = Sandbox(limits, "en").run([cell], [name], {{name: ONE}})
    threads = [threading.Thread(target=run, args=(bomb, "bomb", 0)),
               threading.Thread(target=run, args=(honest, "honest", 12))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    bombed = found["bomb"].exercises["bomb"]
    made = bombed.records[0] if bombed.records else bombed.problem
    print("BOMB", getattr(made, "status", made), made.value[0] if bombed.records else None)
    print("HONEST", [r.status for r in found["honest"].exercises["honest"].records])
    print("LIMITS", found["honest"].limits)
    """
)


def test_does_an_unprivileged_graders_fork_bomb_starve_no_classmate():
    """As a user that is not root: a bomb's processes count in its own user namespace."""
    require_sandbox()
    if not limits.user_namespace_counts():
        pytest.skip("this kernel counts processes per user, not per user namespace (before 5.14)")
    root = Path(__file__).resolve().parent.parent
    argv = [sys.executable, "-c", UNPRIVILEGED]
    if jail.is_root():
        if not os.access("/usr/bin/setpriv", os.X_OK):
            pytest.skip("setpriv is needed to grade as an unprivileged user")
        argv = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *argv]
    with tempfile.TemporaryDirectory(prefix="gencourse-nobody-") as home:
        os.chmod(home, 0o777)  # the unprivileged user's home and temporary folder
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TMPDIR": home}
        env.update(PYTHONPATH=str(root), GENCOURSE_GRADE_CGROUP="0", MPLCONFIGDIR=home)
        done = subprocess.run(argv, cwd=home, env=env, capture_output=True, text=True, timeout=300)
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines.get("HONEST") == "['value']", done.stdout + done.stderr[-3000:]
    status, made = lines["BOMB"].split()
    assert status == "value" and 0 < float(made) < 300, done.stdout
    assert "'processes': 'user namespace'" in lines["LIMITS"]


# --- without a process: the grader's clock, the cgroup files, the bwrap line ----------------


def test_may_each_step_start_once_in_order_and_a_repeat_buy_no_time(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    steps = Steps([("cell", 0), ("cell", 2), ("exercise", "f")], Limits(cell_timeout=5))
    assert steps.deadline == 100 + Limits().startup_timeout
    assert not steps.on_start(("cell", 0))  # not ready yet
    assert steps.on_ready() and not steps.on_ready()
    assert steps.on_start(("cell", 0)) and steps.deadline == 105
    now[0] = 104.0
    assert steps.on_start(("cell", 0)) and steps.deadline == 105  # a repeat changes nothing
    assert not steps.on_start(("cell", 2))  # cell 0 has not ended
    assert not steps.on_done(("cell", 2)) and steps.on_done(("cell", 0))
    assert steps.deadline == 109  # the time between steps is a step's
    assert not steps.on_start(("exercise", "f"))  # cell 2 comes first
    assert steps.on_start(("cell", 2)) and steps.on_done(("cell", 2))
    assert not steps.on_start(("cell", 0))  # never again
    assert steps.on_start(("exercise", "f")) and steps.on_done(("exercise", "f"))
    assert steps.finished and steps.where == ("exercise", "f")


MOUNTS = """\
tmpfs /sys/fs/cgroup tmpfs rw 0 0
cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0
cgroup /sys/fs/cgroup/pids cgroup rw,relatime,pids 0 0
cgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0
"""


def test_are_the_graders_own_cgroups_read_for_v1_and_v2():
    v2, v1 = cgroup._mounts(MOUNTS)
    assert v2 == [Path("/sys/fs/cgroup/unified")]
    assert v1 == {"memory": Path("/sys/fs/cgroup/memory"), "pids": Path("/sys/fs/cgroup/pids")}
    own2, own1 = cgroup._own("8:pids:/\n4:memory:/api/x\n0::/user.slice/a.scope\n")
    assert own2 == "/user.slice/a.scope" and own1 == {"pids": "/", "memory": "/api/x"}


def _fake_v2(tmp_path: Path, offered: str, given: str) -> Path:
    mount = tmp_path / "cg"
    own = mount / "user.slice" / "app.slice" / "grader.scope"
    own.mkdir(parents=True)
    for d in (mount, own.parent, own):
        for name in ("cgroup.procs", "cgroup.controllers", "cgroup.subtree_control"):
            (d / name).write_text("")
    (own.parent / "cgroup.controllers").write_text(offered)
    (own.parent / "cgroup.subtree_control").write_text(given)
    return mount


def test_does_an_unprivileged_grader_use_a_delegated_parent_with_memory_and_pids(
    tmp_path, monkeypatch
):
    """A grader in its own scope (v2) makes its groups beside it, where both controllers are."""
    mount = _fake_v2(tmp_path, "cpu memory pids", "memory pids")
    mounts = f"cgroup2 {mount} cgroup2 rw 0 0\n"
    place, why = cgroup.find(mounts, "0::/user.slice/app.slice/grader.scope\n")
    assert why == "v2" and place.memory == place.pids == mount / "user.slice" / "app.slice"
    monkeypatch.setattr(cgroup, "_write", lambda path, text: path.write_text(text) > 0)
    group = cgroup.make(place, 300 * MB, 64)
    assert (group.memory / "memory.max").read_text() == str(300 * MB)
    assert (group.pids / "pids.max").read_text() == "64"
    argv = group.wrap(["bwrap", "--", "python"])
    assert argv[:2] == ["/bin/sh", "-c"] and argv[-3:] == ["bwrap", "--", "python"]
    assert str(group.memory / "cgroup.procs") in argv


def test_is_a_v2_parent_without_the_memory_controller_refused(tmp_path):
    mount = _fake_v2(tmp_path, "cpu pids", "pids")
    place, why = cgroup.find(
        f"cgroup2 {mount} cgroup2 rw 0 0\n", "0::/user.slice/app.slice/grader.scope\n"
    )
    assert place is None and why == "none"


def test_does_a_group_read_its_oom_kills_and_refused_forks(tmp_path):
    memory, pids = tmp_path / "m", tmp_path / "p"
    memory.mkdir(), pids.mkdir()
    (memory / "memory.oom_control").write_text("oom_kill_disable 0\nunder_oom 0\noom_kill 2\n")
    (pids / "pids.events").write_text("max 7\n")
    group = cgroup.Group(1, memory, pids, [memory, pids])
    assert group.oom_kills() == 2 and group.pids_refused() == 7


def test_are_the_writable_folders_sized_tmpfs_when_bwrap_can_size_them(tmp_path, monkeypatch):
    monkeypatch.setattr(jail, "sizes_tmpfs", lambda: True)
    args = jail.command(tmp_path / "copy", tmp_path / "work", ["python"], disk_mb=100)
    sized = {args[i + 3]: int(args[i + 1]) for i, a in enumerate(args) if a == "--size"}
    assert sized == {"/tmp": 100 * MB, "/dev/shm": 64 * MB, jail.WORK_AT: 100 * MB}
    assert "--bind" not in args  # nothing of the host is writable
    monkeypatch.setattr(jail, "sizes_tmpfs", lambda: False)
    args = jail.command(tmp_path / "copy", tmp_path / "work", ["python"], disk_mb=100)
    assert "--size" not in args and args[args.index("--bind") + 2] == jail.WORK_AT


def test_does_the_gradebook_record_say_which_limits_held(monkeypatch):
    monkeypatch.setattr(jail, "sizes_tmpfs", lambda: True)
    assert limits.held(False) == {
        "memory": "per-process", "processes": "shared", "files": "host disk",
    }  # fmt: skip
    monkeypatch.setattr(cgroup, "place", lambda: (cgroup.Place(1, Path("/m"), Path("/p")), "v1"))
    assert limits.held(True) == {"memory": "cgroup v1", "processes": "cgroup", "files": "tmpfs"}
    monkeypatch.setattr(cgroup, "place", lambda: (None, "none"))
    monkeypatch.setattr(jail, "is_root", lambda: False)
    monkeypatch.setattr(limits, "user_namespace_counts", lambda: False)
    assert (
        limits.held(True)["processes"] == "shared" and limits.held(True)["memory"] == "per-process"
    )
