"""Does `gencourse grade` give every submission the score it deserves, hostile ones included?

The end-to-end test of the grader (each step has its own tests on small
inputs in tests/test_grade_<step>.py). The corpus is made here from the
released student notebook of lesson 02: correct answers (the masters' code),
stubs, plausible wrong answers, and hostile notebooks (endless loops, memory
bombs, os._exit, sys.exit, objects that equal everything, patched NumPy and
checks, deleted, edited, duplicated and moved cells, broken files, an output
flood). It is graded once, as one batch with two workers, and every test
below reads that one gradebook. The expected points of ordinary submissions
come from `check.evaluate`, the notebooks' own check, run here on the same
code. The other lessons (01, 03, 04, 05) are graded on a few submissions each.
"""

from __future__ import annotations

import copy
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest
from sandbox_guard import require_sandbox

from gencourse import check, i18n, release
from gencourse.grade import book
from gencourse.grade.batch import grade_batch
from gencourse.grade.sandbox import Limits

ROOT = Path(__file__).resolve().parent.parent
LESSON = "02_vae"
NAMES = ["reparameterize", "kl_divergence", "vae_loss"]
CELL_TIMEOUT = 10


def student_nb(lang="en"):
    return release.read(ROOT / "notebooks" / lang / f"{LESSON}.ipynb")


def solution(name, lang="en"):
    master = release.read(ROOT / "solutions" / lang / f"{LESSON}.ipynb")
    return master.cells[release.exercises(master)[name]["solution"]].source


def cell_of(nb, name, role="stub"):
    return next(c for c in nb.cells if release.gc_meta(c) == {"exercise": name, "role": role})


def with_code(sources: dict, lang="en"):
    """The student notebook with the given exercise cells' code (others stay stubs)."""
    nb = student_nb(lang)
    for name, source in sources.items():
        cell_of(nb, name).source = source
    return nb


CORRECT = {name: solution(name) for name in NAMES}

WRONG_REPARAM_VARIANCE = """def reparameterize(z_mean, z_log_var, eps):
    return z_mean + np.exp(z_log_var) * eps
"""
WRONG_KL_SIGN = """def kl_divergence(z_mean, z_log_var):
    return 0.5 * np.sum(1.0 + z_log_var - np.square(z_mean) - np.exp(z_log_var), axis=-1)
"""
WRONG_LOSS_NO_CLIP = """def vae_loss(x, x_recon, z_mean, z_log_var, beta=1.0):
    bce = -(x * np.log(x_recon) + (1 - x) * np.log(1 - x_recon))
    return np.mean(np.sum(bce.reshape(len(x), -1), axis=1)) + beta * np.mean(kl_divergence(z_mean, z_log_var))
"""
WRONG_LOSS_PIXEL_MEAN = """def vae_loss(x, x_recon, z_mean, z_log_var, beta=1.0):
    x_recon = np.clip(x_recon, 1e-7, 1 - 1e-7)
    bce = -(x * np.log(x_recon) + (1 - x) * np.log(1 - x_recon))
    return np.mean(bce) + beta * np.mean(kl_divergence(z_mean, z_log_var))
"""
KL_ZEROS = """def kl_divergence(z_mean, z_log_var):
    return np.zeros(len(z_mean))
"""
PATCHES = """import numpy.testing
import gencourse.check.core as core
np.testing.assert_allclose = lambda *a, **k: None
np.testing.assert_array_equal = lambda *a, **k: None
np.allclose = lambda *a, **k: True
np.isclose = lambda a, b, *r, **k: np.ones(np.shape(a), bool)
np.array_equal = lambda *a, **k: True
core._close = lambda *a, **k: True
core.evaluate = lambda ex, fn: None
check.evaluate = lambda *a, **k: None
check.kl_divergence = lambda fn: print("passed")
"""
ALWAYS_EQUAL = """class AlwaysEqual:
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    __hash__ = object.__hash__


def reparameterize(z_mean, z_log_var, eps):
    return AlwaysEqual()
"""
LIBRARY_HELPER = "from gencourse.models.vae import vae_loss as _lib_loss\n"
LIBRARY_KL = """def kl_divergence(z_mean, z_log_var):
    return vae_lib.kl_divergence(z_mean, z_log_var)
"""
LIBRARY_LOSS = """def vae_loss(x, x_recon, z_mean, z_log_var, beta=1.0):
    return _lib_loss(x, x_recon, z_mean, z_log_var, beta)
"""


# --- the threat model (issue 13): one notebook per capability, each attacking reparameterize --
# Each falls back to the stub's honest code (NotImplementedError): 0 points, whatever it tries.
MARKER = f"gencourse-hostile-survivor-{os.getpid()}"  # this run's, not a concurrent one's
PWNED = "gencourse-pwned"
STUB = "    raise NotImplementedError\n"
SURVIVOR = f"""
import glob, os, time
os.setsid()
if os.fork():
    os._exit(0)
for _ in range(300):
    time.sleep(1)
    for path in glob.glob("/tmp/**/gradebook.csv", recursive=True) + glob.glob("/tmp/**/results/*.json", recursive=True):
        try:
            open(path, "w").write("{PWNED}")
        except OSError:
            pass
# {MARKER}
"""
#: Learner code that kills every other process whose command line names gencourse (the
#: grader, sibling grading processes); it needs ``os`` and ``signal`` imported.
KILL_GENCOURSE = """for pid in os.listdir("/proc"):
    if pid.isdigit() and int(pid) != os.getpid():
        try:
            if b"gencourse" in open(f"/proc/{pid}/cmdline", "rb").read():
                os.kill(int(pid), signal.SIGKILL)
        except OSError:
            pass
"""

HOSTILE = {
    # Read any file the grading account can: solutions/ through the package, sys.path, the cwd.
    "hostile_reads_solutions": f"""import gencourse, json, os, sys, pathlib
def _find():
    places = [pathlib.Path(gencourse.__file__).resolve().parents[1], pathlib.Path.cwd(), pathlib.Path({str(ROOT)!r})]
    places += [pathlib.Path(p) for p in sys.path if p]
    for place in places:
        for parent in [place, *place.parents]:
            path = parent / "solutions" / "en" / "02_vae.ipynb"
            try:
                nb = json.loads(path.read_text())
            except Exception:
                continue
            for cell in nb["cells"]:
                if cell.get("metadata", {{}}).get("gencourse") == {{"exercise": "reparameterize", "role": "solution"}}:
                    return "".join(cell["source"])
_source = _find()
if _source:
    exec(_source)
else:
    def reparameterize(z_mean, z_log_var, eps):
        raise NotImplementedError
""",
    # Read other students' submissions and the output folder (the processes' command lines and cwd).
    "hostile_reads_classmates": """import glob, json, os
def _steal():
    places = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                places += [a.decode(errors="ignore") for a in open(f"/proc/{pid}/cmdline", "rb").read().split(bytes(1))]
                places.append(os.readlink(f"/proc/{pid}/cwd"))
            except OSError:
                pass
    for place in [p for p in places if p.startswith("/")] + ["/tmp"]:
        for path in glob.glob(os.path.join(place, "**", "correct_en.ipynb"), recursive=True):
            for cell in json.load(open(path))["cells"]:
                if cell.get("metadata", {}).get("gencourse", {}).get("exercise") == "reparameterize":
                    if "NotImplementedError" not in "".join(cell["source"]):
                        return "".join(cell["source"])
_source = _steal()
if _source:
    exec(_source)
else:
    def reparameterize(z_mean, z_log_var, eps):
        raise NotImplementedError
""",
    # Use the inherited results channel: well-formed messages of its own, full marks claimed.
    "hostile_forges_results": f"""import io, json, os, struct
import numpy as np
def _forge(fd, header, payload=b""):
    head = json.dumps(header).encode()
    os.write(fd, struct.pack(">Q", len(head)) + head + struct.pack(">Q", len(payload)) + payload)
def reparameterize(z_mean, z_log_var, eps):
    buffer = io.BytesIO()
    np.savez(buffer, **{{f"c{{i}}_1": np.zeros(z_mean.shape) for i in range(20)}})
    records = [{{"status": "value", "tree": {{"a": f"c{{i}}_1"}}, "type": "ndarray"}} for i in range(7)]
    for fd in range(3, 64):
        try:
            os.fstat(fd)
            _forge(fd, {{"event": "exercise_done", "name": "reparameterize", "state": "ran", "records": records}}, buffer.getvalue())
            _forge(fd, {{"event": "done"}})
        except OSError:
            pass
{STUB}""",
    # See, signal and kill other processes: the grader and the sibling grading processes.
    "hostile_kills_grader": f"""import os, signal
{KILL_GENCOURSE}try:
    os.kill(os.getppid(), signal.SIGKILL)
except OSError:
    pass
def reparameterize(z_mean, z_log_var, eps):
{STUB}""",
    # Fork a process that leaves its session, outlives the batch and rewrites the gradebook;
    # and write files outside its own folder.
    "hostile_leaves_a_survivor": f"""import os, subprocess, sys
subprocess.Popen([sys.executable, "-c", {SURVIVOR!r}], start_new_session=True)
for target in [{str(ROOT / "solutions" / PWNED)!r}, "/tmp/{PWNED}", os.path.expanduser("~/{PWNED}")]:
    try:
        open(target, "w").write("x")
    except OSError:
        pass
def reparameterize(z_mean, z_log_var, eps):
{STUB}""",
    # Copy the library's reference without calling it by name: a copied code object, exec of
    # its source, a call from another thread with the profiler off, the grader's helpers patched.
    "hostile_copies_the_reference": """import inspect, sys, threading, types
def _copies():
    from gencourse.check import vae as cv
    ref = cv.REPARAMETERIZE.reference
    yield types.FunctionType(ref.__code__, ref.__globals__)
    namespace = dict(ref.__globals__)
    exec(inspect.getsource(cv._reparam_ref), namespace)
    yield namespace["_reparam_ref"]
_found = None
try:
    for candidate in _copies():
        try:
            candidate(*[__import__("numpy").zeros((1, 1))] * 3)
            _found = candidate
            break
        except Exception:
            pass
except Exception:
    pass
try:
    child = sys.modules["gencourse.grade.child"]
    child._record_exercise = lambda *a, **k: ([], {}, False)
    child._LibraryWatch.__call__ = lambda *a, **k: None
except Exception:
    pass
def reparameterize(z_mean, z_log_var, eps):
    if _found is None:
        raise NotImplementedError
    profiler = sys.getprofile()
    sys.setprofile(None)
    out = []
    thread = threading.Thread(target=lambda: out.append(_found(z_mean, z_log_var, eps)))
    thread.start()
    thread.join()
    sys.setprofile(profiler)
    return out[0]
""",
}


def _precomputed():
    """A lookup table of the notebooks' own (fixed, importable) cases and their answers."""
    import hashlib

    ex = check.EXERCISES["reparameterize"]
    table = {}
    for case in ex.make_cases():
        key = hashlib.sha256(b"".join(np.asarray(a).tobytes() for a in case.args)).hexdigest()
        table[key] = np.asarray(ex.reference(*case.args)).tolist()
    return f"""import hashlib
import numpy as np
_TABLE = {table!r}
def reparameterize(z_mean, z_log_var, eps):
    key = hashlib.sha256(b"".join(np.asarray(a).tobytes() for a in (z_mean, z_log_var, eps))).hexdigest()
    if key not in _TABLE:
        raise ValueError("no precomputed answer")
    return np.asarray(_TABLE[key])
"""


def expected_points(sources: dict) -> dict:
    """What the notebooks' own checks give the same code, run in this process."""
    import keras
    from keras import ops

    namespace = {"np": np, "keras": keras, "ops": ops}
    for name in NAMES:
        exec(sources.get(name, cell_of(student_nb(), name).source), namespace)
    return {name: check.evaluate(name, namespace[name]).points for name in NAMES}


def dup(cell):
    """A copy of a cell with a fresh id, as JupyterLab's copy and paste makes."""
    twin = copy.deepcopy(cell)
    twin["id"] = nbformat.v4.new_code_cell().id
    return twin


def _insert_after(nb, name, source, role="stub"):
    index = nb.cells.index(cell_of(nb, name, role))
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(source))


def _corpus():
    """name -> (bytes, expected points per exercise, status, text expected in the error)."""
    corpus = {}

    def add(name, nb, points, status="ok", error=""):
        data = nb if isinstance(nb, bytes) else (nbformat.writes(nb) + "\n").encode("utf-8")
        corpus[name] = (data, points, status, error)

    full = dict.fromkeys(NAMES, 1.0)
    add("correct_en", with_code(CORRECT), full)
    ko = {name: solution(name, "ko") for name in NAMES}
    add("correct_ko", with_code(ko, "ko"), full)
    add("stubs", student_nb(), dict.fromkeys(NAMES, 0.0))
    for label, name, source in [
        ("wrong_reparam_variance", "reparameterize", WRONG_REPARAM_VARIANCE),
        ("wrong_kl_sign", "kl_divergence", WRONG_KL_SIGN),
        ("wrong_loss_no_clip", "vae_loss", WRONG_LOSS_NO_CLIP),
        ("wrong_loss_pixel_mean", "vae_loss", WRONG_LOSS_PIXEL_MEAN),
    ]:
        sources = {**CORRECT, name: source}
        add(label, with_code(sources), expected_points(sources))

    # An endless loop in a cell costs what that cell defines (and what needs it).
    add(
        "loop_in_cell",
        with_code(
            {**CORRECT, "kl_divergence": "while True:\n    pass\n" + CORRECT["kl_divergence"]}
        ),
        {"reparameterize": 1.0, "kl_divergence": 0.0, "vae_loss": 0.0},
        "incomplete",
        "cell 14: stopped at the time limit",
    )
    loop_fn = "def reparameterize(z_mean, z_log_var, eps):\n    while True:\n        pass\n"
    add(
        "loop_in_function",
        with_code({**CORRECT, "reparameterize": loop_fn}),
        {"reparameterize": 0.0, "kl_divergence": 1.0, "vae_loss": 1.0},
        "incomplete",
        "reparameterize: the function was stopped at the time limit",
    )
    bomb_cell = "hog = []\nwhile True:\n    hog.append(bytearray(50_000_000))\n"
    bomb_fn = (
        "def reparameterize(z_mean, z_log_var, eps):\n    hog = []\n    while True:\n"
        "        hog.append(bytearray(50_000_000))\n"
    )
    add(
        "memory_bombs",
        with_code(
            {**CORRECT, "vae_loss": bomb_cell + CORRECT["vae_loss"], "reparameterize": bomb_fn}
        ),
        {"reparameterize": 0.0, "kl_divergence": 1.0, "vae_loss": 0.0},
        "incomplete",
        "cell 19: went over the memory limit",
    )
    add(
        "os_exit_in_cell",
        with_code(
            {**CORRECT, "reparameterize": CORRECT["reparameterize"] + "\nimport os\nos._exit(3)\n"}
        ),
        {"reparameterize": 0.0, "kl_divergence": 1.0, "vae_loss": 1.0},
        "incomplete",
        "cell 9: the Python process ended (exit code 3)",
    )
    exit_fn = (
        "def vae_loss(x, x_recon, z_mean, z_log_var, beta=1.0):\n    import os\n    os._exit(1)\n"
    )
    add(
        "os_exit_in_function",
        with_code({**CORRECT, "vae_loss": exit_fn}),
        {"reparameterize": 1.0, "kl_divergence": 1.0, "vae_loss": 0.0},
        "incomplete",
        "vae_loss: the Python process ended while the function ran (exit code 1)",
    )
    sys_exit_fn = "def reparameterize(z_mean, z_log_var, eps):\n    import sys\n    sys.exit(0)\n"
    add(
        "sys_exit",
        with_code(
            {
                **CORRECT,
                "kl_divergence": CORRECT["kl_divergence"] + "\nimport sys\nsys.exit('bye')\n",
                "reparameterize": sys_exit_fn,
            }
        ),
        {"reparameterize": 0.0, "kl_divergence": 1.0, "vae_loss": 1.0},
    )
    add(
        "always_equal",
        with_code({**CORRECT, "reparameterize": ALWAYS_EQUAL}),
        {"reparameterize": 0.0, "kl_divergence": 1.0, "vae_loss": 1.0},
    )
    # Patched NumPy comparisons and checks change nothing: judged as the plain wrong answer.
    add(
        "patched_numpy_and_checks",
        with_code({**CORRECT, "kl_divergence": PATCHES + KL_ZEROS}),
        expected_points({**CORRECT, "kl_divergence": KL_ZEROS}),
    )
    nb = with_code(CORRECT)
    nb.cells = [c for c in nb.cells if release.gc_meta(c).get("role") != "check"]
    add("check_cells_deleted", nb, full)
    nb = student_nb()
    for c in list(nb.cells):
        if release.gc_meta(c).get("role") == "check":
            c.source = (
                f"check.{release.gc_meta(c)['exercise']} = lambda fn: print('✅ passed')\n"
                + c.source
            )
            nb.cells.insert(nb.cells.index(c), dup(c))
    add("check_cells_edited_and_duplicated", nb, dict.fromkeys(NAMES, 0.0))
    nb = with_code(CORRECT)
    moved = [c for c in nb.cells if release.gc_meta(c).get("role") == "stub"] + [nb.cells[1]]
    nb.cells = [c for c in nb.cells if c not in moved] + moved[::-1]
    add("cells_moved", nb, full)
    nb = with_code(CORRECT)
    nb.cells = nb.cells[::-1]
    add("reordered", nb, full)
    # Duplicates: the definition lowest in the notebook counts.
    nb = with_code({**CORRECT, "reparameterize": CORRECT["reparameterize"]})
    stub = dup(cell_of(student_nb(), "reparameterize"))
    nb.cells.insert(nb.cells.index(cell_of(nb, "reparameterize")) + 1, stub)
    good_kl = dup(cell_of(nb, "kl_divergence"))
    cell_of(nb, "kl_divergence").source = cell_of(student_nb(), "kl_divergence").source
    nb.cells.insert(nb.cells.index(cell_of(nb, "kl_divergence", "check")), good_kl)
    add(
        "duplicated_exercise_cells",
        nb,
        {"reparameterize": 0.0, "kl_divergence": 1.0, "vae_loss": 1.0},
    )
    nb = with_code({**CORRECT, "kl_divergence": LIBRARY_KL, "vae_loss": LIBRARY_LOSS})
    _insert_after(nb, "reparameterize", LIBRARY_HELPER)
    add(
        "library_calls",
        nb,
        {"reparameterize": 1.0, "kl_divergence": 0.0, "vae_loss": 0.0},
        "ok",
        "kl_divergence: calls the course library's own implementation (gencourse.models.vae.kl_divergence)",
    )
    add(
        "syntax_error",
        with_code(
            {**CORRECT, "kl_divergence": "def kl_divergence(z_mean, z_log_var:\n    return 0\n"}
        ),
        {"reparameterize": 1.0, "kl_divergence": 0.0, "vae_loss": 0.0},
    )
    add(
        "output_flood",
        with_code(
            {
                **CORRECT,
                "reparameterize": CORRECT["reparameterize"] + "\nprint('x' * 100_000_000)\n",
            }
        ),
        full,
        "ok",
        "output over 1 MB was discarded",
    )
    # The threat model: each earns what its honest code (a stub) deserves.
    hostile = {"reparameterize": 0.0, "kl_divergence": 1.0, "vae_loss": 1.0}
    for label, source in HOSTILE.items():
        add(label, with_code({**CORRECT, "reparameterize": source}), hostile, None)
    add("hostile_precomputes", with_code({**CORRECT, "reparameterize": _precomputed()}), hostile)
    # Names are untrusted: a control character for the console, a formula for the spreadsheet.
    add("=HYPERLINK(1)\x1b[2J", with_code(CORRECT), full)
    # Files that are not notebooks at all.
    zero = dict.fromkeys(NAMES, 0.0)
    text = nbformat.writes(with_code(CORRECT))
    add("invalid_json", text[: len(text) // 2].encode(), zero, "rejected", "not valid JSON")
    ko_text = nbformat.writes(with_code(ko, "ko"))
    add("utf16_bytes", ko_text.encode("utf-16"), zero, "rejected", "not UTF-8")
    add("empty", b"", zero, "rejected", "the file is empty")
    add("json_not_notebook", b'{"hello": "world"}', zero, "rejected", "not a Jupyter notebook")
    nb = with_code(CORRECT)
    nb.metadata["gencourse"]["lesson"] = "03_gan"
    add("other_lesson", nb, zero, "rejected", "another lesson (03_gan)")
    return corpus


CORPUS = _corpus()
REJECTED = sorted(f"{n}.ipynb" for n, v in CORPUS.items() if v[2] == "rejected")


def _grade_cli(folder, out, *extra, tmpdir=None):
    # The grader's temporary folders (the grading copy, each sandbox's own folder) go under
    # ``tmpdir``, so this batch's processes can be told from those of any other run.
    env = {**os.environ, "TMPDIR": str(tmpdir)} if tmpdir else None
    return subprocess.run(
        [
            sys.executable, "-m", "gencourse", "grade", str(folder), "--lesson", LESSON,
            "--out", str(out), "--workers", "2", "--cell-timeout", str(CELL_TIMEOUT),
            "--total-timeout", "200", "--memory-mb", "1024", *extra,
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=1200, env=env,
    )  # fmt: skip


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    require_sandbox()
    folder = tmp_path_factory.mktemp("submissions")
    for name, (data, *_rest) in CORPUS.items():
        (folder / f"{name}.ipynb").write_bytes(data)
    out = tmp_path_factory.mktemp("graded")
    tmpdir = tmp_path_factory.mktemp("grader-tmp")
    proc = _grade_cli(folder, out, tmpdir=tmpdir)
    # A name a spreadsheet would read as a formula is quoted in the CSV: read it back unquoted.
    # Its control characters become spaces: read it back under the name it was saved as.
    by_csv_name = {book.csv_cell(f"{n}.ipynb").removeprefix("'"): f"{n}.ipynb" for n in CORPUS}
    rows = {
        by_csv_name.get(r["submission"].removeprefix("'"), r["submission"]): r
        for r in csv.DictReader(_lines(out / "gradebook.csv"))
    }
    book_json = json.loads((out / "gradebook.json").read_text(encoding="utf-8"))
    return {
        "proc": proc, "out": out, "folder": folder, "rows": rows, "json": book_json, "tmp": tmpdir,
    }  # fmt: skip


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_does_each_submission_get_the_score_it_deserves(graded, name):
    _, points, status, error = CORPUS[name]
    row = graded["rows"][f"{name}.ipynb"]
    got = {n: float(row[n]) for n in NAMES}
    assert got == {n: round(p, 4) for n, p in points.items()}, row
    assert float(row["total"]) == round(sum(points.values()), 4)
    assert status is None or row["status"] == status, row
    assert error in row["error"], row


def test_does_the_batch_finish_and_exit_1_listing_what_could_not_be_graded(graded):
    proc = graded["proc"]
    assert proc.returncode == 1, proc.stdout + proc.stderr
    listed = proc.stdout.split("could not be graded")[1].splitlines()
    assert (
        sorted(line.split(":")[0].strip() for line in listed if line.startswith("  ")) == REJECTED
    )
    assert len(graded["rows"]) == len(CORPUS)
    assert list(graded["rows"]) == sorted(graded["rows"])  # deterministic order


def test_do_wrong_answers_get_the_hint_their_mistake_deserves(graded):
    subs = {s["submission"]: s for s in graded["json"]["submissions"]}
    hints = {
        "wrong_reparam_variance": ("reparameterize", "hint.reparam.variance"),
        "wrong_kl_sign": ("kl_divergence", "hint.kl.sign"),
        "wrong_loss_no_clip": ("vae_loss", "hint.loss.no_clip"),
        "wrong_loss_pixel_mean": ("vae_loss", "hint.loss.pixel_mean"),
    }
    for name, (exercise, hint) in hints.items():
        assert subs[f"{name}.ipynb"]["exercises"][exercise]["hint"] == hint
        feedback = (graded["out"] / "feedback" / f"{name}.md").read_text(encoding="utf-8")
        assert i18n.t(hint, "en") in feedback


def test_is_feedback_written_per_student_in_their_language_without_the_answer(graded):
    feedback = graded["out"] / "feedback"
    assert sorted(p.stem for p in feedback.glob("*.md")) == sorted(
        book.safe_name(f"{name}.ipynb") for name in CORPUS
    )  # file names made safe: "=HYPERLINK(1)\x1b[2J" -> "_HYPERLINK_1_2J"
    ko = (feedback / "correct_ko.md").read_text(encoding="utf-8")
    assert "채점 결과" in ko and "통과" in ko and "3 / 3" in ko
    wrong = (feedback / "wrong_kl_sign.md").read_text(encoding="utf-8")
    total = round(sum(CORPUS["wrong_kl_sign"][1].values()), 4)
    assert f"Score: {total:g} / 3" in wrong and "❌ kl_divergence" in wrong
    for path in feedback.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "np.exp(0.5 * z_log_var)" not in text and "-0.5 * np.sum" not in text
    rejected = (feedback / "utf16_bytes.md").read_text(encoding="utf-8")
    assert "채점할 수 없었습니다" not in rejected and "not UTF-8" in rejected


def test_are_cell_failures_named_in_the_feedback(graded):
    text = (graded["out"] / "feedback" / "syntax_error.md").read_text(encoding="utf-8")
    assert "SyntaxError" in text and "the cell that defines kl_divergence did not run" in text
    text = (graded["out"] / "feedback" / "loop_in_cell.md").read_text(encoding="utf-8")
    assert "cell 14: stopped at the time limit (10 s)" in text


def test_is_a_memory_bomb_in_a_function_that_exercises_error_not_a_timeout(graded):
    subs = {s["submission"]: s for s in graded["json"]["submissions"]}
    bombs = subs["memory_bombs.ipynb"]
    assert bombs["exercises"]["reparameterize"]["status"] == "error"
    assert "reparameterize" not in bombs["error"]
    text = (graded["out"] / "feedback" / "memory_bombs.md").read_text(encoding="utf-8")
    assert "Your function raised MemoryError" in text


def test_does_regrading_reuse_results_and_give_the_same_gradebook(graded, tmp_path):
    out = graded["out"]
    before = (out / "gradebook.csv").read_bytes(), (out / "gradebook.json").read_bytes()
    proc = _grade_cli(graded["folder"], out)
    assert proc.returncode == 1
    assert f"Reused {len(CORPUS)} results" in proc.stdout
    assert ((out / "gradebook.csv").read_bytes(), (out / "gradebook.json").read_bytes()) == before


def test_does_grading_afresh_give_the_same_rows(graded, tmp_path):
    """A clean batch (no hostile notebook) with the same seed gives the same rows."""
    folder = tmp_path / "again"
    folder.mkdir()
    picked = ["correct_en", "wrong_kl_sign", "wrong_loss_pixel_mean", "stubs", "invalid_json"]
    for name in picked:
        (folder / f"{name}.ipynb").write_bytes(CORPUS[name][0])
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "seed").write_bytes((graded["out"] / "seed").read_bytes())
    proc = _grade_cli(folder, tmp_path / "out", "--fresh")
    assert proc.returncode == 1
    rows = list(csv.reader(_lines(tmp_path / "out" / "gradebook.csv")))
    main = list(csv.reader(_lines(graded["out"] / "gradebook.csv")))
    assert rows[1:] == [r for r in main if r[0] in {f"{n}.ipynb" for n in picked}]


def test_are_names_escaped_on_the_console_and_formulas_quoted_in_the_csv(graded):
    stdout = graded["proc"].stdout
    assert "\x1b" not in stdout and "=HYPERLINK(1)\\x1b[2J.ipynb: 3 / 3" in stdout
    cells = [r[0] for r in csv.reader(_lines(graded["out"] / "gradebook.csv"))]
    assert "'=HYPERLINK(1) [2J.ipynb" in cells  # quoted, the escape character a space


def _processes() -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                found.append(f.read().replace(b"\0", b" ").decode("utf-8", "replace"))
        except OSError:
            pass
    return found


def test_is_no_process_of_a_submission_left_after_the_batch(graded):
    left = [p for p in _processes() if MARKER in p or str(graded["tmp"]) in p]
    assert left == []
    # The grading copy and the sandboxes' folders are gone.
    assert [p.name for p in graded["tmp"].iterdir() if p.name.startswith("gencourse-")] == []


def test_is_no_file_written_outside_each_submissions_sandbox(graded):
    for path in (ROOT / "solutions" / PWNED, Path("/tmp") / PWNED, Path.home() / PWNED):
        assert not path.exists(), path
    folder, out = graded["folder"], graded["out"]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        f"{name}.ipynb": data for name, (data, *_rest) in CORPUS.items()
    }
    # .lock: the output folder's lock (one grading run at a time), left for the next run.
    assert sorted(p.name for p in out.iterdir()) == [
        ".lock", "feedback", "gradebook.csv", "gradebook.json", "gradescope", "logs", "results",
        "scores.csv", "seed",
    ]  # fmt: skip
    for path in out.rglob("*"):
        if path.is_file():
            assert PWNED.encode() not in path.read_bytes(), path
    assert oct((out / "seed").stat().st_mode & 0o777) == "0o600"


def test_does_the_gradebook_say_what_the_grading_promised(graded):
    from gencourse.grade import book
    from gencourse.grade.limits import held

    grading = graded["json"]["grading"]
    limits = held(True)  # which limits hold on this machine: a note for each that does not
    notes = grading["notes"]
    assert grading == {
        "sandboxed": True, "boundary": "bubblewrap", "cells": "needed", "limits": limits,
        "notes": notes,
    }  # fmt: skip
    assert all(s["boundary"] == "bubblewrap" for s in graded["json"]["submissions"])
    assert len(notes) == len(book._promise_notes({"sandboxed": True, "limits": limits}))
    assert all(s["sandboxed"] for s in graded["json"]["submissions"])


# --- the other lessons with exercises -----------------------------------------------------


def _with_cells(lesson, lang, sources):
    """Lesson ``lesson``'s student notebook with some exercise cells replaced."""
    nb = release.read(ROOT / "notebooks" / lang / f"{lesson}.ipynb")
    for name, source in sources.items():
        next(
            c for c in nb.cells if release.gc_meta(c) == {"exercise": name, "role": "stub"}
        ).source = source
    return nb


def _solutions(lesson, lang="en"):
    master = release.read(ROOT / "solutions" / lang / f"{lesson}.ipynb")
    return {
        name: master.cells[where["solution"]].source
        for name, where in release.exercises(master).items()
    }


def test_are_the_gan_lessons_graded_with_tuple_answers_and_library_calls(tmp_path):
    require_sandbox()
    right3, right4 = _solutions("03_gan"), _solutions("04_cgan")
    wrong_form = "def mixed_batch(real_images, fake_images):\n    return np.concatenate([real_images, fake_images])\n"
    library = (
        "def mismatched_labels(labels, offsets, num_classes):\n"
        "    from gencourse.models import cgan\n"
        "    return np.asarray(cgan.mismatched_labels(labels, offsets, num_classes))\n"
    )
    shuffled = (
        "def mixed_batch(real_images, fake_images):\n"
        "    x = np.concatenate([real_images, fake_images])\n"
        "    y = np.r_[np.ones(len(real_images)), np.zeros(len(fake_images))]\n"
        "    order = np.random.default_rng(0).permutation(len(x))\n"
        "    return x[order], y[order]\n"
    )  # any row order is right, as long as each image keeps its target
    submissions = {
        "g3_correct_ko": ("03_gan", "ko", _solutions("03_gan", "ko")),
        "g3_shuffled": ("03_gan", "en", {**right3, "mixed_batch": shuffled}),
        "g3_wrong_form": ("03_gan", "en", {**right3, "mixed_batch": wrong_form}),
        "g4_correct": ("04_cgan", "en", right4),
        "g4_library": ("04_cgan", "en", {**right4, "mismatched_labels": library}),
    }
    for lesson in ("03_gan", "04_cgan"):
        (tmp_path / lesson).mkdir()
    for name, (lesson, lang, sources) in submissions.items():
        release.write(_with_cells(lesson, lang, sources), tmp_path / lesson / f"{name}.ipynb")
    rows = {}
    for lesson in ("03_gan", "04_cgan"):
        out = tmp_path / f"out_{lesson}"
        grade_batch(
            [tmp_path / lesson], lesson, out, root=ROOT, limits=Limits(), workers=2,
            say=lambda s: None,
        )  # fmt: skip
        for row in csv.DictReader(_lines(out / "gradebook.csv")):
            rows[row["submission"].removesuffix(".ipynb")] = row
    assert rows["g3_correct_ko"]["total"] == "3" and rows["g3_shuffled"]["total"] == "3"
    assert rows["g3_wrong_form"]["mixed_batch"] == "0"
    assert rows["g4_correct"]["total"] == "3"
    assert rows["g4_library"]["mismatched_labels"] == "0"
    assert "gencourse.models.cgan.mismatched_labels" in rows["g4_library"]["error"]
    feedback = (tmp_path / "out_03_gan" / "feedback" / "g3_wrong_form.md").read_text("utf-8")
    assert i18n.t("hint.batch.pair", "en") in feedback


def test_is_lesson_01_graded_with_its_hints_and_library_calls_refused(tmp_path):
    require_sandbox()
    right = _solutions("01_generative")
    no_prior = (
        "def log_marginal(log_likelihoods, log_priors):\n"
        "    from scipy.special import logsumexp\n"
        "    return logsumexp(log_likelihoods, axis=1)\n"
    )
    library = (
        "def bayes_posterior(log_likelihoods, log_priors):\n"
        "    from gencourse.models import gaussian\n"
        "    return gaussian.bayes_posterior(log_likelihoods, log_priors)\n"
    )
    submissions = {
        "g1_correct_ko": ("ko", _solutions("01_generative", "ko")),
        "g1_two_wrong": ("en", {**right, "log_marginal": no_prior, "bayes_posterior": library}),
    }  # two submissions only: each one starts a TensorFlow process
    (tmp_path / "in").mkdir()
    for name, (lang, sources) in submissions.items():
        nb = _with_cells("01_generative", lang, sources)
        release.write(nb, tmp_path / "in" / f"{name}.ipynb")
    out = tmp_path / "out"
    grade_batch(
        [tmp_path / "in"], "01_generative", out, root=ROOT, limits=Limits(), workers=2,
        say=lambda s: None,
    )  # fmt: skip
    rows = {
        r["submission"].removesuffix(".ipynb"): r
        for r in csv.DictReader(_lines(out / "gradebook.csv"))
    }
    assert rows["g1_correct_ko"]["total"] == "3"
    wrong = rows["g1_two_wrong"]
    assert wrong["log_marginal"] == "0"  # it fails every case
    assert wrong["sample_gaussian"] == "1" and wrong["total"] == "1"
    assert wrong["bayes_posterior"] == "0"
    assert "gencourse.models.gaussian.bayes_posterior" in wrong["error"]
    feedback = (out / "feedback" / "g1_two_wrong.md").read_text("utf-8")
    assert i18n.t("hint.marg.no_prior", "en") in feedback


def test_is_the_augmentation_lesson_graded_with_tuple_answers_and_library_calls(tmp_path):
    require_sandbox()
    right = _solutions("05_augment")
    shuffled = (
        "def augmented_training_set(real_images, real_labels, synthetic_images, synthetic_labels, ratio):\n"
        "    k = round(ratio * len(real_images))\n"
        "    x = np.concatenate([real_images, synthetic_images[:k]])\n"
        "    y = np.concatenate([np.ravel(real_labels), np.ravel(synthetic_labels)[:k]])\n"
        "    order = np.random.default_rng(0).permutation(len(x))\n"
        "    return x[order], y[order]\n"
    )  # any row order is right, as long as each image keeps its label
    images_only = (
        "def augmented_training_set(real_images, real_labels, synthetic_images, synthetic_labels, ratio):\n"
        "    return np.concatenate([real_images, synthetic_images])\n"
    )
    library = (
        "def balanced_labels(per_class, num_classes):\n"
        "    from gencourse import augment\n"
        "    return augment.balanced_labels(per_class, num_classes)\n"
    )
    tie = (  # the words travel out of the sandbox as words: "tie" is not one of the three
        "def paired_claim(differences):\n"
        "    if len(differences) > 1 and abs(np.mean(differences)) > np.std(differences, ddof=1):\n"
        "        return 'gain' if np.mean(differences) > 0 else 'loss'\n"
        "    return 'tie'\n"
    )
    submissions = {
        "a_correct_ko": ("ko", _solutions("05_augment", "ko")),
        "a_shuffled": ("en", {**right, "augmented_training_set": shuffled}),
        "a_images_only": ("en", {**right, "augmented_training_set": images_only}),
        "a_library": ("en", {**right, "balanced_labels": library}),
        "a_tie": ("en", {**right, "paired_claim": tie}),
    }
    (tmp_path / "in").mkdir()
    for name, (lang, sources) in submissions.items():
        release.write(_with_cells("05_augment", lang, sources), tmp_path / "in" / f"{name}.ipynb")
    out = tmp_path / "out"
    grade_batch(
        [tmp_path / "in"], "05_augment", out, root=ROOT, limits=Limits(), workers=2,
        say=lambda s: None,
    )  # fmt: skip
    rows = {
        row["submission"].removesuffix(".ipynb"): row
        for row in csv.DictReader(_lines(out / "gradebook.csv"))
    }
    assert rows["a_correct_ko"]["total"] == "4" and rows["a_shuffled"]["total"] == "4"
    assert rows["a_correct_ko"]["paired_claim"] == "1"
    assert rows["a_images_only"]["augmented_training_set"] == "0"
    assert rows["a_library"]["balanced_labels"] == "0"
    assert "gencourse.augment.balanced_labels" in rows["a_library"]["error"]
    feedback = (out / "feedback" / "a_images_only.md").read_text("utf-8")
    assert i18n.t("hint.aug.pair", "en") in feedback
    assert float(rows["a_tie"]["paired_claim"]) < 0.5 and rows["a_tie"]["total"] != "4"
    feedback = (out / "feedback" / "a_tie.md").read_text("utf-8")
    assert i18n.t("hint.claim.word", "en") in feedback


def test_is_the_semi_supervised_lesson_graded_with_its_stable_loss_and_library_calls(tmp_path):
    require_sandbox()
    right = _solutions("06_semi")
    naive = (
        "def unsupervised_discriminator_loss(real_logits, fake_logits):\n"
        "    z_real = np.exp(real_logits).sum(axis=1)\n"
        "    z_fake = np.exp(fake_logits).sum(axis=1)\n"
        "    return 0.5 * (-np.log(z_real / (z_real + 1)).mean() + np.log(z_fake + 1).mean())\n"
    )  # right for small logits, inf or nan for logits in the hundreds
    pairs = (
        "def feature_matching_loss(real_features, fake_features):\n"
        "    return np.mean((real_features - fake_features) ** 2)\n"
    )
    library = (
        "def confident_pseudo_labels(probabilities, threshold=0.95, per_class=None):\n"
        "    from gencourse.models import pseudo\n"
        "    return pseudo.confident_pseudo_labels(probabilities, threshold, per_class)\n"
    )
    submissions = {
        "s_correct_ko": ("ko", _solutions("06_semi", "ko")),
        "s_naive": ("en", {**right, "unsupervised_discriminator_loss": naive}),
        "s_pairs": ("en", {**right, "feature_matching_loss": pairs}),
        "s_library": ("en", {**right, "confident_pseudo_labels": library}),
    }
    (tmp_path / "in").mkdir()
    for name, (lang, sources) in submissions.items():
        release.write(_with_cells("06_semi", lang, sources), tmp_path / "in" / f"{name}.ipynb")
    out = tmp_path / "out"
    grade_batch(
        [tmp_path / "in"], "06_semi", out, root=ROOT, limits=Limits(), workers=2,
        say=lambda s: None,
    )  # fmt: skip
    rows = {
        row["submission"].removesuffix(".ipynb"): row
        for row in csv.DictReader(_lines(out / "gradebook.csv"))
    }
    assert rows["s_correct_ko"]["total"] == "4"
    naive_points = float(rows["s_naive"]["unsupervised_discriminator_loss"])
    assert 0 < naive_points < 1  # the small-logit cases pass, the large ones do not
    assert float(rows["s_pairs"]["feature_matching_loss"]) < 1
    assert rows["s_library"]["confident_pseudo_labels"] == "0"
    assert "gencourse.models.pseudo.confident_pseudo_labels" in rows["s_library"]["error"]
    feedback = (out / "feedback" / "s_naive.md").read_text("utf-8")
    assert i18n.t("hint.uloss.unstable", "en") in feedback
    assert i18n.t("hint.fm.pairs", "en") in (out / "feedback" / "s_pairs.md").read_text("utf-8")
