"""Does `gencourse autograder` make a zip Gradescope can run, and does its run grade as `gencourse grade`?

The zip's listing is checked for a lesson and an assignment. Then the zip is
unpacked into a fresh root laid out as Gradescope's container is
(``source/``, ``submission/``, ``results/``, ``submission_metadata.json``)
and its own ``run_autograder`` runs (with this environment's course, not
``setup.sh``: that is the install test's) on a right, a wrong (Korean), a
hostile and a malformed lesson-02 notebook, first with bubblewrap, then with
bubblewrap hidden from PATH (the fallback boundary: a user of its own per
run, root only). Each ``results.json`` is checked against a schema written
from Gradescope's documented format (:mod:`gencourse.autograder.schema`),
as strict JSON whose score is the tests' sum. The hostile notebook tries to
read the seed, the zip's files, the course's solutions, the package's checks,
the metadata and another result, and kills every grading process it can see:
it earns what its honest code deserves, under either boundary. An assignment
is graded with each student's own values, chosen by the id in
``submission_metadata.json``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from test_assign_e2e import (
    CHECKS_ADDITION,
    WRONG,
    _add_exercise,
    _cell,
    _secret_with_different_values,
    _solutions,
)
from test_grade_corpus import KILL_GENCOURSE
from test_no_sandbox import _path_without

from gencourse import cli, i18n, release
from gencourse.autograder import build, run, schema
from gencourse.autograder.results import results_json
from gencourse.grade import fallback, jail

ROOT = Path(__file__).resolve().parent.parent
LESSON = "02_vae"
NAMES = ["reparameterize", "kl_divergence", "vae_loss"]
USER = fallback.USER


# --- the schema, the results file, the choices of run_autograder (no TensorFlow run) -------


def _result(points, lang="en", status="ok", problems=()):
    return {
        "submission": "alice/02_vae.ipynb",
        "lang": lang,
        "status": status,
        "problems": list(problems),
        "exercises": [
            {
                "name": name,
                "points": p,
                "possible": 1.0,
                "message": {"ko": f"{name} 메시지", "en": f"{name} message"},
            }
            for name, p in zip(NAMES, points, strict=True)
        ],
        "total": sum(points),
    }


def test_is_a_result_written_as_strict_json_whose_score_is_the_tests_sum():
    text = results_json(_result([1.0, 0.1 + 0.2, float("nan")], "ko"), "ko", fallback.USER, 3.4)
    assert schema.problems(text) == []
    data = json.loads(text)
    assert data["score"] == sum(t["score"] for t in data["tests"]) == 1.0 + 0.1 + 0.2
    assert [t["score"] for t in data["tests"]] == [1.0, 0.30000000000000004, 0.0]  # NaN: 0
    assert data["tests"][0]["output"] == "reparameterize 메시지"  # the notebook's language
    assert "unprivileged user" in data["output"] and data["extra_data"]["boundary"] == USER
    assert data["execution_time"] == 3


def test_does_the_schema_refuse_what_gradescope_cannot_read():
    good = json.loads(results_json(_result([1.0, 0.0, 1.0]), "en", fallback.BUBBLEWRAP))
    assert schema.problems(json.dumps(good)) == []
    assert "not strict JSON: NaN" in schema.problems(json.dumps({**good, "score": float("nan")}))[0]
    assert "is not the tests' sum" in schema.problems(json.dumps({**good, "score": 3.0}))[0]
    no_name = {**good, "tests": [{k: v for k, v in good["tests"][0].items() if k != "name"}]}
    assert "'name' is missing" in schema.problems(json.dumps(no_name))[0]
    hidden = {**good, "visibility": "secret"}
    assert "is not one of" in schema.problems(json.dumps(hidden))[0]
    assert "duplicate keys" in schema.problems('{"score": 1, "score": 1}')[0]
    over = {**good, "tests": [{**good["tests"][0], "score": 2.0}], "score": 2.0}
    assert "over max_score" in schema.problems(json.dumps(over))[0]


def test_does_the_small_validator_agree_with_jsonschema():
    jsonschema = pytest.importorskip("jsonschema")
    good = json.loads(results_json(_result([1.0, 0.0, 1.0]), "en", fallback.BUBBLEWRAP))
    bad = [
        {**good, "tests": [{**good["tests"][0], "visibility": "sometimes"}]},
        {**good, "score": "3"},
        {**good, "extra": 1},
        {k: v for k, v in good.items() if k != "tests"},
    ]
    jsonschema.validate(good, schema.RESULTS_SCHEMA)
    for data in bad:
        assert schema.validate(data, schema.RESULTS_SCHEMA)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema.RESULTS_SCHEMA)


def test_is_the_student_id_read_from_the_metadata_as_a_folder_name(tmp_path):
    meta = tmp_path / "submission_metadata.json"
    meta.write_text(json.dumps({"users": [{"email": "a@b.edu", "sid": "../x/y", "id": 7}]}))
    assert run.student_of(meta, "email") == "a@b.edu"
    assert run.student_of(meta, "sid") is None  # hidden (starts with a dot) after the cut
    assert run.student_of(meta, "id") == "7"
    assert run.student_of(meta, "name") is None
    meta.write_text("{not json")
    assert run.student_of(meta, "email") is None


def test_is_the_notebook_chosen_or_the_reason_given(tmp_path):
    sub = tmp_path / "submission"
    sub.mkdir()
    assert run.choose(sub, LESSON)[1]["key"] == "gradescope.no_notebook"
    (sub / "mine.ipynb").write_text("{}")
    assert run.choose(sub, LESSON) == (sub / "mine.ipynb", None)
    (sub / "other.ipynb").write_text("{}")
    _, why = run.choose(sub, LESSON)
    assert why["key"] == "gradescope.many_notebooks" and "other.ipynb" in why["values"]["found"]
    (sub / "02_vae.ipynb").write_text("{}")
    assert run.choose(sub, LESSON) == (sub / "02_vae.ipynb", None)


def test_are_secret_paths_closed_while_grading_and_opened_after(tmp_path):
    folder, file = tmp_path / "source", tmp_path / "seed"
    folder.mkdir(mode=0o755)
    file.write_text("1\n")
    file.chmod(0o644)
    with fallback.protected([folder, file, folder, tmp_path / "absent", None]) as changed:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        assert len(changed) == 2
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE(file.stat().st_mode) == 0o644


def test_can_a_user_of_its_own_read_a_world_readable_file_only_while_it_is_open(tmp_path):
    setpriv = shutil.which("setpriv")
    if not fallback.possible() or setpriv is None:
        pytest.skip("needs root on Linux and setpriv (util-linux)")
    shared = Path(tempfile.mkdtemp(prefix="gencourse-test-", dir="/tmp"))
    try:
        shared.chmod(0o755)
        (shared / "seed").write_text("123\n")
        (shared / "seed").chmod(0o644)
        uid = str(jail.next_uid())
        cat = [
            setpriv,
            "--reuid",
            uid,
            "--regid",
            uid,
            "--clear-groups",
            "cat",
            str(shared / "seed"),
        ]
        assert subprocess.run(cat, capture_output=True).stdout == b"123\n"
        with fallback.protected([shared]):
            denied = subprocess.run(cat, capture_output=True)
        assert denied.returncode != 0 and b"123" not in denied.stdout
        assert subprocess.run(cat, capture_output=True).stdout == b"123\n"
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def test_does_the_batch_refuse_the_fallback_to_a_grader_that_is_not_root(monkeypatch, tmp_path):
    from gencourse.grade.batch import grade_batch

    monkeypatch.setattr(fallback, "possible", lambda: False)
    with pytest.raises(jail.Unavailable, match="fallback_not_root"):
        grade_batch([tmp_path], LESSON, tmp_path / "out", boundary=fallback.USER)


# --- the zip --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lesson_zip(tmp_path_factory):
    out = tmp_path_factory.mktemp("zip") / "autograder.zip"
    code = cli.main(["autograder", LESSON, "--out", str(out), "--cell-timeout", "60"])
    assert code == 0
    return out


def test_does_the_lesson_zip_hold_what_gradescope_and_the_grader_need(lesson_zip):
    with zipfile.ZipFile(lesson_zip) as zf:
        infos = {i.filename: i for i in zf.infolist()}
        config = json.loads(zf.read(build.CONFIG))
        seed = zf.read("seed").decode()
    names = list(infos)
    assert names[:5] == [
        "setup.sh",
        "run_autograder",
        build.CONFIG,
        "seed",
        "requirements/course-lock.txt",
    ]
    for script in ("setup.sh", "run_autograder"):  # executable, as Gradescope runs them
        assert (infos[script].external_attr >> 16) & 0o111
    assert {"package/pyproject.toml", "package/README.md"} <= set(names)
    assert "package/gencourse/autograder/run.py" in names
    assert "package/gencourse/grade/fallback.py" in names
    assert sorted(n for n in names if n.startswith("course/")) == [
        f"course/notebooks/{lang}/{LESSON}.ipynb" for lang in sorted(release.LANGS)
    ]
    assert not [n for n in names if "solutions" in n or "__pycache__" in n or n.endswith(".pyc")]
    assert config["kind"] == "lesson" and config["name"] == LESSON and config["exercises"] == NAMES
    assert config["limits"]["cell_timeout"] == 60 and config["student_id"] == "email"
    assert seed.strip().isdigit()
    assert stat.S_IMODE(lesson_zip.stat().st_mode) == 0o600  # the seed is inside
    print(f"\nzip: {len(names)} files, {lesson_zip.stat().st_size:,} bytes")


def test_does_an_unknown_lesson_exit_2_without_a_zip(tmp_path, capsys):
    out = tmp_path / "a.zip"
    assert cli.main(["autograder", "99_none", "--out", str(out)]) == 2
    assert "99_none" in capsys.readouterr().err and not out.exists()


# --- run_autograder in a fresh root ----------------------------------------------------------


def _unpack(zip_path: Path, root: Path, notebooks: dict[str, bytes], meta: dict) -> Path:
    """A Gradescope-like root: the zip at source/ (modes kept), the submission, the metadata."""
    source = root / "source"
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(source)
        for info in zf.infolist():
            (source / info.filename).chmod((info.external_attr >> 16) & 0o777 or 0o644)
    (root / "submission").mkdir()
    for name, data in notebooks.items():
        (root / "submission" / name).write_bytes(data)
    (root / "results").mkdir()
    (root / "results" / "earlier.json").write_text('{"score": 99, "who": "another result"}')
    (root / "submission_metadata.json").write_text(json.dumps(meta))
    return root


def _run(root: Path, python: str, path: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GENCOURSE_", "PYTEST_"))}
    env.update(GENCOURSE_AUTOGRADER_ROOT=str(root), GENCOURSE_AUTOGRADER_PYTHON=python)
    if path:
        env["PATH"] = path
    proc = subprocess.run(
        [str(root / "source" / "run_autograder")],
        capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip
    text = (root / "results" / "results.json").read_text(encoding="utf-8")
    info = json.loads(proc.stderr.strip().splitlines()[-1])
    return {"code": proc.returncode, "text": text, "data": json.loads(text), "info": info}


def _notebook(lang: str, sources: dict[str, str]) -> bytes:
    nb = release.read(ROOT / "notebooks" / lang / f"{LESSON}.ipynb")
    for name, source in sources.items():
        _cell(nb, name, "stub").source = source
    return _dumps(nb)


def _dumps(nb) -> bytes:
    import nbformat

    return nbformat.writes(nb).encode()


def _targets(root: Path) -> dict[str, list[str]]:
    """What the hostile notebook tries to read: files, and folders to list."""
    files = [
        root / "source" / "seed",
        root / "source" / build.CONFIG,
        root / "source" / "course" / "notebooks" / "en" / f"{LESSON}.ipynb",
        root / "results" / "earlier.json",
        root / "submission_metadata.json",
        ROOT / "solutions" / "en" / f"{LESSON}.ipynb",
        jail._package() / "check" / "vae.py",
    ]
    folders = [root / "source", root / "results", root / "submission"]
    return {"files": [str(p) for p in files], "folders": [str(p) for p in folders]}


HOSTILE = """import os, signal
import numpy as np
TARGETS = {targets!r}
FOUND = []
for path in TARGETS["files"]:
    try:
        with open(path, "rb") as f:
            FOUND.append(f.read(64))
    except OSError:
        pass
for path in TARGETS["folders"]:
    try:
        FOUND += os.listdir(path)
    except OSError:
        pass
{kill}if os.fork() == 0:  # a survivor: its own session, no exec, sleeping past the run
    os.setsid()
    import time
    time.sleep(3600)
    os._exit(0)


def reparameterize(z_mean, z_log_var, eps):
    if FOUND:  # anything read: full marks, so a leak shows in the score
        return z_mean + np.exp(0.5 * z_log_var) * eps
    raise NotImplementedError
"""


def _submissions(root: Path) -> dict[str, tuple[str, bytes]]:
    master = release.read(ROOT / "solutions" / "en" / f"{LESSON}.ipynb")
    right = {n: s for n, s in _solutions(master).items() if n in NAMES}
    hostile = {
        **right,
        "reparameterize": HOSTILE.format(targets=_targets(root), kill=KILL_GENCOURSE),
    }
    good = _notebook("en", right)
    return {
        "right": ("en", good),
        "wrong": ("ko", _notebook("ko", {**right, "kl_divergence": WRONG["kl_divergence"]})),
        "hostile": ("en", _notebook("en", hostile)),
        "malformed": ("en", good[: len(good) // 2]),
    }


EXPECTED = {  # per exercise, and the results' language
    "right": ([1.0, 1.0, 1.0], "en"),
    # Missing the 0.5: half a point for the one case whose answer is 0 (1 of 6, as the local
    # gradebook gives); vae_loss calls that KL, and passes 1 of its 8 cases (half a point).
    "wrong": ([1.0, 0.0833, 0.0625], "ko"),
    "hostile": ([0.0, 1.0, 1.0], "en"),
    "malformed": ([0.0, 0.0, 0.0], "en"),
}


def _python_for_users(tmp: Path) -> str | None:
    """A Python that a user of its own can start and that sees this environment's packages.

    This interpreter if others can read it; else (pyenv under root's home) a venv of the
    system's Python of the same version, made under /tmp, whose .pth adds this
    environment's site-packages.
    """
    if fallback.unreachable() is None:
        return sys.executable
    import sysconfig

    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    system = shutil.which(f"python{version}", path="/usr/bin:/usr/local/bin")
    purelib = Path(sysconfig.get_paths()["purelib"])
    if system is None or not fallback._readable(purelib):
        return None
    venv = tmp / "venv"
    subprocess.run([system, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = venv / "lib" / f"python{version}" / "site-packages"
    (site / "gencourse-tests.pth").write_text(f"import site; site.addsitedir({str(purelib)!r})\n")
    python = str(venv / "bin" / "python")
    probe = (
        "from gencourse.grade import fallback; import sys; sys.exit(bool(fallback.unreachable()))"
    )
    done = subprocess.run([python, "-c", probe], capture_output=True)
    return python if done.returncode == 0 else None


@contextlib.contextmanager
def users_python(prefix: str):
    """A Python the runs' users can start, or the test's skip: the fallback needs root on Linux.

    A venv made for them, if one is needed, lies in a folder others may pass (mode 0755)
    under /tmp, removed afterwards.
    """
    if not fallback.possible():
        pytest.skip(
            "the fallback boundary (a user of its own per run) needs a root grader on Linux"
        )
    shared = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    shared.chmod(0o755)
    try:
        python = _python_for_users(shared)
        if python is None:
            pytest.skip("no Python here that an unprivileged user can read (pyenv under /root)")
        yield python
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def _runs(zip_path: Path, base: Path, python: str, path: str | None) -> dict:
    runs = {}
    for label, (_lang, data) in _submissions(base / "hostile").items():
        meta = {"id": 1, "users": [{"email": f"{label}@example.edu", "id": 11, "name": label}]}
        root = _unpack(zip_path, base / label, {f"{LESSON}.ipynb": data}, meta)
        runs[label] = _run(root, python, path)
    return runs


@pytest.fixture(scope="module")
def with_bubblewrap(lesson_zip, tmp_path_factory):
    from sandbox_guard import require_sandbox

    require_sandbox()
    return _runs(lesson_zip, tmp_path_factory.mktemp("gs-bwrap"), sys.executable, None)


@pytest.fixture(scope="module")
def with_fallback(lesson_zip, tmp_path_factory):
    with users_python("gencourse-test-gs-") as python:
        base = tmp_path_factory.mktemp("gs-fallback")
        modes = {p: stat.S_IMODE(p.stat().st_mode) for p in (jail._package(), ROOT / "solutions")}
        runs = _runs(lesson_zip, base, python, _path_without(base, "bwrap"))
        runs["ended_at"] = _boot_ticks()
        runs["modes_after"] = {p: stat.S_IMODE(p.stat().st_mode) for p in modes} == modes
        yield runs


def _check_runs(runs: dict, boundary: str):
    for label, (points, lang) in EXPECTED.items():
        got = runs[label]
        assert got["code"] == 0, label
        assert schema.problems(got["text"]) == [], (label, got["text"])
        data = got["data"]
        scores = [t["score"] for t in data["tests"]]
        assert [t["name"] for t in data["tests"]] == NAMES
        assert scores == pytest.approx(points, abs=1e-3), (label, data)
        assert data["score"] == sum(scores)
        assert data["extra_data"]["boundary"] == boundary == got["info"]["boundary"]
        assert data["extra_data"]["lang"] == lang
    assert i18n.t("hint.kl.half", "ko") in runs["wrong"]["data"]["tests"][1]["output"]
    assert "채점 경계: " in runs["wrong"]["data"]["output"]
    assert "not valid JSON" in runs["malformed"]["data"]["tests"][0]["output"]
    assert runs["malformed"]["data"]["extra_data"]["status"] == "rejected"
    print(f"\n{boundary}: " + ", ".join(f"{k} {runs[k]['data']['score']:.4g}" for k in EXPECTED))


def test_are_the_four_submissions_graded_in_the_sandbox(with_bubblewrap):
    _check_runs(with_bubblewrap, fallback.BUBBLEWRAP)


def test_are_the_four_submissions_graded_by_a_user_of_their_own_without_bubblewrap(with_fallback):
    _check_runs(with_fallback, fallback.USER)


def test_does_the_hostile_notebook_find_nothing_without_bubblewrap(
    with_fallback, lesson_zip, tmp_path
):
    # Everything it tries is there and readable by the grading account (root): the boundary,
    # not an empty machine, is why it found nothing (0 points for reparameterize).
    root = tmp_path / "layout"
    targets = _targets(_unpack(lesson_zip, root, {"a.ipynb": b"{}"}, {"users": []}))
    for path in targets["files"]:
        assert Path(path).read_bytes()
    # Most are readable by everybody where they lie: only the closed folders above them stop it.
    world = [p for p in targets["files"] if os.stat(p).st_mode & stat.S_IROTH]
    assert len(world) >= 5, world
    for path in targets["folders"]:
        assert os.listdir(path)
    assert with_fallback["hostile"]["data"]["tests"][0]["score"] == 0.0
    assert with_fallback["hostile"]["data"]["extra_data"]["status"] == "ok"  # nothing killed
    assert with_fallback["modes_after"]  # the package and solutions/ are open again after
    # No process of a run's user outlived its run (the forked survivor too, which sleeps an hour).
    left = _survivors(with_fallback["ended_at"])
    assert left == [], [fallback.status_of(p) for p in left]


def _boot_ticks() -> int:
    return int(time.clock_gettime(time.CLOCK_BOOTTIME) * os.sysconf("SC_CLK_TCK"))


def _survivors(ended_at: int, wait: float = 120.0) -> list[str]:
    """Live processes of the runs' users started before ``ended_at`` that are still there.

    Other tests grade beside this one (pytest-xdist) with users from the same range:
    those in a sandbox's PID namespace are not the fallback's, nor is anything started
    after these runs ended, and one still running now ends within ``wait`` seconds.
    """
    users = range(jail.UID_FIRST, jail.UID_FIRST + jail.UID_COUNT)

    def ours(pid: str) -> bool:
        fields = fallback.status_of(pid)
        if fallback.live_uid(fields) not in users or len(fields.get("NSpid", "").split()) != 1:
            return False
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as f:
                started = int(f.read().rpartition(")")[2].split()[19])
        except (ValueError, IndexError, OSError):
            return False
        return started <= ended_at

    left = [p for p in os.listdir("/proc") if p.isdigit() and ours(p)]
    deadline = time.monotonic() + wait
    while left and time.monotonic() < deadline:
        time.sleep(1)
        left = [p for p in left if ours(p)]
    return left


# --- an assignment: each student's own values, chosen by the metadata's id -------------------


@pytest.fixture(scope="module")
def assignment(tmp_path_factory):
    base = tmp_path_factory.mktemp("gs-assign")
    hw1 = base / "hw1"
    argv = ["--root", str(ROOT), "new-assignment", str(hw1), "--from", LESSON, "--lang", "en"]
    assert cli.main(argv) == 0
    (hw1 / "secret").write_text(f"{_secret_with_different_values()}\n")
    with open(hw1 / "checks.py", "a", encoding="utf-8") as f:
        f.write(CHECKS_ADDITION)
    _add_exercise(hw1 / "master.ipynb")
    (base / "roster.txt").write_text("alice\ndave\n")
    out = base / "release"
    argv = ["release", str(hw1), "--out", str(out), "--students", str(base / "roster.txt")]
    assert cli.main(argv) == 0
    zip_path = base / "hw1.zip"
    argv = ["autograder", str(hw1), "--out", str(zip_path), "--student-id", "sid"]
    assert cli.main(argv) == 0
    return {"hw1": hw1, "release": out, "zip": zip_path, "base": base}


def test_does_the_assignment_zip_hold_its_checks_and_secret(assignment):
    with zipfile.ZipFile(assignment["zip"]) as zf:
        names = zf.namelist()
        config = json.loads(zf.read(build.CONFIG))
        secret = zf.read("assignment/hw1/secret")
    assert {"assignment/hw1/checks.py", "assignment/hw1/master.ipynb"} <= set(names)
    assert secret == (assignment["hw1"] / "secret").read_bytes()
    assert config["kind"] == "assignment" and config["student_id"] == "sid"
    assert not [n for n in names if n.startswith("course/")]


def test_are_each_students_values_taken_from_the_metadatas_id(assignment):
    if not _can_bwrap():
        pytest.skip("needs bubblewrap here (the fallback is tested with the lesson above)")
    master = release.read(assignment["hw1"] / "master.ipynb")
    from gencourse.assign import spec

    spec.mark_cells(master, ["reparameterize", "kl_divergence", "vae_loss", "scaled_kl"])
    right = _solutions(master)
    nb = release.read(assignment["release"] / "en" / "alice" / "hw1.ipynb")
    for name, source in right.items():
        _cell(nb, name, "stub").source = source
    data = _dumps(nb)
    got = {}
    for sid in ("alice", "dave"):
        meta = {"users": [{"email": f"{sid}@example.edu", "sid": sid, "id": 1}]}
        root = _unpack(assignment["zip"], assignment["base"] / sid, {"hw1.ipynb": data}, meta)
        got[sid] = _run(root, sys.executable)
    for run_ in got.values():
        assert schema.problems(run_["text"]) == []
    scores = {sid: {t["name"]: t["score"] for t in r["data"]["tests"]} for sid, r in got.items()}
    assert scores["alice"] == dict.fromkeys(
        ["reparameterize", "kl_divergence", "scaled_kl", "vae_loss"], 1.0
    )
    # dave handed in alice's notebook: her beta is not his, and the output says whose it was.
    assert scores["dave"]["scaled_kl"] == 0.0 and got["dave"]["data"]["score"] == 3.0
    assert "released to student alice" in got["dave"]["data"]["output"]
    for hidden in ("a large latent size", "a tiny variance"):  # hidden cases stay unnamed
        assert hidden not in got["dave"]["text"]


def _can_bwrap() -> bool:
    try:
        jail.check_available()
        return True
    except jail.Unavailable:
        return False
