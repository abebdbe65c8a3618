"""Does the grader's own process stay bounded and honest with hostile files, messages and names?

Issue 30's measured failures, one test (or more) each, on small crafted
inputs: a 2 GB sparse notebook, a JSON header 300,000 levels deep, a cell of
1.5 million statements, a chain of cells for the planner, forged and broken
child messages, a zip bomb, links and control characters in the submissions
folder, two submissions of one student, concurrent first reads of the seed,
two runs on one output folder, Ctrl-C while parsing and writing, error texts
that carry the grading inputs, and a cell that writes a helper module.
No test here uses gigabytes: the large files are sparse, the bombs declare
sizes they do not hold. The last tests run real sandboxes (bubblewrap).
"""

from __future__ import annotations

import csv
import io
import json
import os
import queue
import re
import resource
import signal
import struct
import threading
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from lessons import new_lesson

from gencourse import check
from gencourse.check.core import Case, Exercise, Recorded, drawn_cases
from gencourse.grade import batch, book, grader, outlock, plan, secretfile, submission, wire
from gencourse.grade.batch import find_entries, grade_batch
from gencourse.grade.grader import Context, Judging, rejected_result
from gencourse.grade.redact import without_values
from gencourse.grade.sandbox import ExerciseRun, Interrupted
from gencourse.grade.submission import Cell, Rejected
from gencourse.i18n import t

ROOT = Path(__file__).resolve().parent.parent


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _notebook(cells: list[str], **meta) -> bytes:
    nb = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"gencourse": meta},
        "cells": [
            {"cell_type": "code", "metadata": {}, "source": src, "outputs": []} for src in cells
        ],
    }
    return json.dumps(nb).encode()


def _rejected(data: bytes, tmp_path) -> Rejected:
    path = tmp_path / "x.ipynb"
    path.write_bytes(data)
    with pytest.raises(Rejected) as info:
        submission.load(path)
    return info.value


# --- notebooks: every bound before the work it bounds ------------------------------------


def test_is_a_2gb_sparse_notebook_rejected_without_being_read(tmp_path):
    path = tmp_path / "sparse.ipynb"
    with open(path, "wb") as f:
        f.truncate(2 * 1024**3)  # 2 GB, a few KB on disk
    before = _peak_mb()
    start = time.monotonic()
    with pytest.raises(Rejected) as info:
        submission.load(path)
    assert info.value.key == "grade.reject.too_large" and info.value.values["mb"] == 2048
    assert batch._sha(path) is None  # nor read to compare it with an earlier result
    assert time.monotonic() - start < 1.0
    assert _peak_mb() - before < 50


def test_is_a_300000_deep_notebook_a_verdict_naming_the_bound(tmp_path):
    rejected = _rejected(b"[" * 300_000 + b"]" * 300_000, tmp_path)
    assert rejected.key == "grade.reject.too_deep"
    assert rejected.values == {"max_depth": submission.MAX_DEPTH}
    # Deep, but below Python's recursion limit: the bound still holds.
    deep = b'{"cells": [], "nbformat": 4, "metadata": ' + b"[" * 200 + b"]" * 200 + b"}"
    assert _rejected(deep, tmp_path).key == "grade.reject.too_deep"


def test_is_a_cell_of_a_million_statements_rejected_before_it_is_parsed(tmp_path):
    before = _peak_mb()
    start = time.monotonic()
    rejected = _rejected(_notebook(["a;" * 1_500_000]), tmp_path)
    assert rejected.key == "grade.reject.cell_too_long"
    assert rejected.values["max_chars"] == submission.MAX_CELL_CHARS
    assert time.monotonic() - start < 2.0 and _peak_mb() - before < 200


def test_are_too_many_cells_and_too_much_code_rejected(tmp_path):
    many = _rejected(_notebook(["x = 1"] * (submission.MAX_CELLS + 1)), tmp_path)
    assert many.key == "grade.reject.too_many_cells"
    chunk = "x = 1\n" * (submission.MAX_CELL_CHARS // 7)
    n = submission.MAX_CODE_CHARS // len(chunk) + 1
    assert _rejected(_notebook([chunk] * n), tmp_path).key == "grade.reject.code_too_long"
    # The messages name the bound, in both languages.
    for lang in ("ko", "en"):
        assert f"{submission.MAX_CELLS:,}".replace(",", "") in t(many.key, lang, **many.values)


def _chain(n: int) -> list[Cell]:
    """Each cell uses the one before it; the exercise, last, uses the last: one per pass before."""
    cells = [Cell(i, f"def f{i}(x):\n    return f{i - 1}(x)\n") for i in range(1, n)]
    cells.append(Cell(n, f"def ex(z):\n    return f{n - 1}(z)\n", "ex", "stub"))
    return cells


def test_is_the_planner_linear_in_the_notebooks_size():
    def seconds(n):
        start = time.perf_counter()
        assert len(plan.plan(_chain(n), ["ex"])) == n
        return time.perf_counter() - start

    small, large = seconds(1000), seconds(8000)
    # 8 times the cells: linear takes ~8 times as long, the old quadratic planner ~64 (21 s).
    assert large < 25 * small + 0.5


def test_does_ctrl_c_stop_the_planner_and_the_parsing_of_a_submission(tmp_path):
    stopped = threading.Event()

    def check():
        if stopped.is_set():
            raise Interrupted()

    stopped.set()
    with pytest.raises(Interrupted):
        plan.plan(_chain(100), ["ex"], check=check)
    path = tmp_path / "a.ipynb"
    path.write_bytes(_notebook(["def kl_divergence(a, b):\n    return a\n"]))
    ctx = Context("02_vae", ["kl_divergence"], sandboxed=False)
    ctx.stopper.stop()
    with pytest.raises(Interrupted):
        grader.grade_one(path, "a.ipynb", ctx)


# --- the child's messages and arrays -------------------------------------------------------

EXPECTED = wire.Expected(frozenset({2, 5}), frozenset({"kl_divergence"}))


def _done(records, **more) -> dict:
    return {
        "event": "exercise_done",
        "name": "kl_divergence",
        "state": "ran",
        "records": records,
        **more,
    }


@pytest.mark.parametrize(
    "header, reason",
    [
        (_done([1, 2]), "record is not an object"),
        (_done(["x"]), "record is not an object"),
        (_done([{"status": "value", "detail": [1]}]), "detail"),
        (_done([{"status": "pwned"}]), "known status"),
        (_done([], tampered="no"), "tampered"),
        (_done([], library=[{"a": 1}]), "library"),
        (_done("records"), "records"),
        ({"event": "cell", "index": [1]}, "cell index"),
        ({"event": "cell", "index": True}, "cell index"),
        ({"event": "cell", "index": 99999}, "not in the plan"),
        ({"event": "cell_done", "index": 2, "error": ["x"]}, "cell error"),
        ({"event": "exercise", "name": "steal"}, "asked for"),
        ({"event": "exercise", "name": ["kl_divergence"]}, "asked for"),
        ({"event": "hello"}, "unknown event"),
    ],
)
def test_is_a_malformed_message_a_violation_not_a_grader_error(header, reason):
    with pytest.raises(wire.Violation, match=reason):
        wire.message(json.dumps(header).encode(), EXPECTED)


def test_is_a_300000_deep_header_a_violation_in_a_reader_thread():
    head = b"[" * 300_000 + b"]" * 300_000
    r, w = os.pipe()
    frame = struct.pack(">Q", len(head)) + head + struct.pack(">Q", 0)
    inbox = queue.Queue()
    from gencourse.grade.pumps import _read_messages

    writer = threading.Thread(target=lambda: (wire._write_all(w, frame), os.close(w)))
    writer.start()
    reader = threading.Thread(target=_read_messages, args=(os.fdopen(r, "rb"), inbox, EXPECTED))
    reader.start()
    reader.join(5)
    writer.join(5)
    header, _ = inbox.get(timeout=1)
    # An event the grader does not know: its run ends at once as a protocol crash.
    assert header["event"] == "violation" and "deep" in header["reason"]


def test_are_checked_texts_names_only():
    header = wire.message(
        json.dumps(
            _done(
                [{"status": "error", "detail": {"error": "Value Error\n=1+2", "text": "t"}}],
                library=["x"] * 50,
            )
        ).encode(),
        EXPECTED,
    )
    assert header["records"][0]["detail"]["error"] == "?"
    assert len(header["library"]) == 10


def _npz(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def test_is_a_zip_bomb_refused_from_its_directory_without_allocating():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("c0.npy", "w", force_zip64=True) as f:
            zeros = bytes(1 << 20)
            for _ in range(300):  # 300 MB of zeros, about 300 KB compressed
                f.write(zeros)
    bomb = buffer.getvalue()
    assert len(bomb) < 2 * 1024 * 1024
    before = _peak_mb()
    with pytest.raises(wire.Violation, match="too large once decompressed"):
        wire.unpack_arrays(bomb)
    assert _peak_mb() - before < 50


def test_is_an_npy_header_that_claims_more_than_its_data_refused_before_reading():
    good = _npz(c0=np.zeros(4))
    # Rewrite the header's shape: (4,) claims 32 bytes; (1000000000,) would claim 8 GB.
    forged = good.replace(b"(4,), }" + b" " * 8, b"(999999999,), }", 1)
    assert forged != good and len(forged) == len(good)
    with pytest.raises(wire.Violation):
        wire.unpack_arrays(forged)
    many = _npz(**{f"c{i}": np.zeros(1) for i in range(wire.MAX_MEMBERS + 1)})
    with pytest.raises(wire.Violation, match="members"):
        wire.unpack_arrays(many)
    np.testing.assert_array_equal(wire.unpack_arrays(good)["c0"], np.zeros(4))
    fortran = np.asfortranarray(np.arange(6.0).reshape(2, 3))
    np.testing.assert_array_equal(wire.unpack_arrays(_npz(c0=fortran))["c0"], fortran)


# --- the submissions folder: links, names, one student twice -------------------------------


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A lesson 07_new with one exercise; grading one submission is stood in for (its file's id)."""
    exercise = Exercise("double", "double(x)", lambda x: 2 * x, lambda: [Case("case.none", (1.0,))])
    monkeypatch.setitem(check.EXERCISES, "double", exercise)
    root = new_lesson(tmp_path / "course", ["double"])

    def grade_one(path, sub_id, ctx):
        data = Path(path).read_bytes()
        result = rejected_result(sub_id, submission.sha256_of(data), ctx, "x", {}, status="ok")
        points = float(data.decode().strip() or 0)  # the file holds the points it deserves
        result.update(lang="en", problems=[], total=points, percent=100.0 * points)
        result["exercises"][0].update(points=points, message={"ko": "-", "en": "-"})
        return result, b""

    monkeypatch.setattr(batch, "grade_one", grade_one)
    return root


def _run(root, subs, out, **options):
    return grade_batch(
        [subs], "07", out, root=root, sandbox=False, workers=1, say=lambda s: None, **options
    )


def test_is_a_link_reported_and_not_graded_and_no_classmates_row_lost(course, tmp_path):
    subs = tmp_path / "subs"
    (subs / "carol").mkdir(parents=True)
    (subs / "zed_alice.ipynb").write_text("1")
    (subs / "bob.ipynb").write_text("0")
    (subs / "aaron.ipynb").symlink_to(subs / "zed_alice.ipynb")  # aaron hands in alice's file
    (subs / "stolen.ipynb").symlink_to(ROOT / "solutions" / "en" / "02_vae.ipynb")
    (subs / "dave").symlink_to(subs / "carol")  # a link to a folder
    (subs / "carol" / "07_new.ipynb").write_text("1")
    os.mkfifo(subs / "pipe.ipynb")  # would block a reader
    kinds = {sub_id: kind for sub_id, _, kind in find_entries([subs])}
    assert kinds == {
        "aaron.ipynb": "link",
        "bob.ipynb": "file",
        "carol/07_new.ipynb": "file",
        "dave": "link",
        "pipe.ipynb": "other",
        "stolen.ipynb": "link",
        "zed_alice.ipynb": "file",
    }
    done = _run(course, subs, tmp_path / "out")
    rows = {
        r["submission"]: r
        for r in csv.DictReader(
            io.StringIO((tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8"))
        )
    }
    assert rows["zed_alice.ipynb"]["total"] == "1" and rows["carol/07_new.ipynb"]["total"] == "1"
    for linked in ("aaron.ipynb", "stolen.ipynb", "dave"):
        assert rows[linked]["total"] == "0" and rows[linked]["status"] == "rejected"
        assert "symbolic link" in rows[linked]["error"]
    assert "zed_alice.ipynb" in rows["aaron.ipynb"]["error"]
    assert "not a regular file" in rows["pipe.ipynb"]["error"]
    assert len(done.results) == 7


def test_are_two_submissions_of_one_student_both_reported(course, tmp_path):
    subs = tmp_path / "subs"
    (subs / "alice").mkdir(parents=True)
    (subs / "alice.ipynb").write_text("1")
    (subs / "alice" / "07_new.ipynb").write_text("0")
    said = []
    done = grade_batch([subs], "07", tmp_path / "out", root=course, sandbox=False, say=said.append)
    assert done.same_student == {"alice": ["alice.ipynb", "alice/07_new.ipynb"]}
    rows = list(
        csv.DictReader(
            io.StringIO((tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8"))
        )
    )
    assert [r["submission"] for r in rows] == ["alice.ipynb", "alice/07_new.ipynb"]
    assert "alice/07_new.ipynb" in rows[0]["error"] and "alice.ipynb" in rows[1]["error"]
    assert any("more than one submission" in line for line in said)


NASTY = [
    "a\rbob,=1+2.ipynb",
    "c\nd.ipynb",
    "e\tf.ipynb",
    "g\x00h",
    "i\u2028j\u2029k\x85l.ipynb",
    "=1+2.ipynb",
    "@SUM(A1).ipynb",
    "x;=cmd|' /C calc'!A0.ipynb",
    "+1;-2; @x.ipynb",
]


def test_does_no_control_character_or_formula_survive_in_any_csv():
    results = [
        {
            "submission": name,
            "lang": "en\r",
            "exercises": [{"name": "double", "points": 1.0}],
            "total": 1.0,
            "possible": 1.0,
            "percent": 100.0,
            "status": "ok",
            "problems": [{"key": "grade.problem.internal", "values": {"error": "x\r\n=2;+3"}}],
        }
        for name in NASTY
    ]
    for text in (
        book.gradebook_csv(results, ["double"], "en"),
        book.scores_csv(results, ["double"], "07_new"),
    ):
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) == 1 + len(NASTY)  # no row split, none added
        for row in rows[1:]:
            for cell in row:
                assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in cell)
                assert "\u2028" not in cell and "\u2029" not in cell
                for part in cell.split(";"):
                    assert not part.lstrip(" ").startswith(("=", "+", "-", "@")), cell
        try:
            import pandas
        except ImportError:
            continue
        frame = pandas.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        assert len(frame) == len(NASTY)


# --- the seed and the lock -----------------------------------------------------------------


def _first_read(folder: str) -> int:
    return secretfile.read_or_make(Path(folder) / "seed")


def test_do_many_concurrent_first_reads_get_one_seed(tmp_path):
    folder = tmp_path / "out"
    with ProcessPoolExecutor(4) as pool:
        futures = [pool.submit(_first_read, str(folder)) for _ in range(40)]
        threads_seen = []
        workers = [
            threading.Thread(target=lambda: threads_seen.append(_first_read(str(folder))))
            for _ in range(100)
        ]
        for worker in workers:
            worker.start()
        seeds = {f.result() for f in futures}
    for worker in workers:
        worker.join()
    assert len(seeds | set(threads_seen)) == 1
    assert sorted(p.name for p in folder.iterdir()) == ["seed"]  # no temporary file left
    assert (folder / "seed").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("content", [b"", b"12ab\n", b"\xff\xfe"])
def test_is_an_unreadable_seed_said_and_never_replaced(tmp_path, monkeypatch, content):
    monkeypatch.setattr(secretfile, "WAIT", 0.05)
    (tmp_path / "seed").write_bytes(content)
    with pytest.raises(batch.SeedUnreadable):
        batch.read_seed(tmp_path)
    assert (tmp_path / "seed").read_bytes() == content


def test_is_an_output_folder_locked_by_one_run_and_a_dead_runs_lock_taken_over(course, tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    subs.mkdir()
    (subs / "a.ipynb").write_text("1")
    with outlock.hold(out):
        with pytest.raises(outlock.Locked, match=f"pid {os.getpid()}"):
            _run(course, subs, out)
    # A lock file left by a process that died (its pid written, its lock gone with it).
    (out / outlock.LOCK_FILE).write_text("999999\n")
    assert _run(course, subs, out).results[0]["total"] == 1.0


# --- Ctrl-C while the folder is read and while the gradebook is written ---------------------


def test_does_ctrl_c_while_reading_the_folder_still_write_the_gradebook(
    course, tmp_path, monkeypatch
):
    subs, out = tmp_path / "subs", tmp_path / "out"
    subs.mkdir()
    for name in "abc":
        (subs / f"{name}.ipynb").write_text("1")
    _run(course, subs, out)
    real, calls = batch._sha, []

    def sha(path):
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(path)

    monkeypatch.setattr(batch, "_sha", sha)
    with pytest.raises(batch.Interrupted) as info:
        _run(course, subs, out)
    assert [r["submission"] for r in info.value.batch.results] == ["a.ipynb"]
    assert (
        len(list(csv.DictReader(io.StringIO((out / "gradebook.csv").read_text(encoding="utf-8")))))
        == 1
    )


def test_is_ctrl_c_while_the_gradebook_is_written_obeyed_after_it_is_written():
    late = []
    with batch._ctrl_c_deferred(late):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
        written = True
    assert written and late == [True]


# --- feedback never shows the inputs ---------------------------------------------------------


def test_does_feedback_show_no_input_values_nor_a_hidden_cases_label():
    name = "kl_divergence"
    ctx = Context("02_vae", [name], sandboxed=False, seed=1234)
    ex = check.EXERCISES[name]
    cases = drawn_cases(ex, 1234)
    cases = [replace(cases[0], hidden=True, hint="case.none"), *cases[1:]]
    # The learner's function raises with its arguments in the message.
    texts = [
        f"ValueError: bad {np.array2string(np.asarray(c.args[0]))} {float(np.ravel(c.args[0])[0])}"
        for c in cases
    ]
    records = [Recorded("error", detail={"error": "ValueError", "text": t[:200]}) for t in texts]
    run = ExerciseRun(name, "ran", records)
    entry, _ = grader._exercise(name, run, ctx, None, None, Judging({name: ex}, {name: cases}))
    for lang in ("ko", "en"):
        message = entry["message"][lang]
        assert "[array]" in message or "[number]" in message
        for case in cases:
            for value in np.ravel(np.asarray(case.args[0]))[:5]:
                assert f"{value:.4f}"[:-1] not in message
        assert t(drawn_cases(ex, 1234)[0].label, lang) not in message
        assert t("grade.case.hidden", lang) in message
    result = {
        **rejected_result("a.ipynb", None, ctx, "x", {}),
        "exercises": [entry],
        "problems": [],
    }
    assert "[array]" in book.gradescope_json(result, "en") or "[number]" in book.gradescope_json(
        result, "en"
    )


@pytest.mark.parametrize(
    "text, kept",
    [
        ("shapes (3,4) (5,) not aligned", "shapes (3,4) (5,) not aligned"),
        ("bad [[0.1234 0.5]\n [1.2 3.4]]", "bad [[array]]"),
        ("got 0.3745401188473625 and 12", "got [number] and 12"),
        ("values 1 2 3 4 5", "values [array]"),
        ("x=array([ 0.37454012, -0.95071431])", "x=array([array])"),
    ],
)
def test_are_values_taken_out_of_an_error_text(text, kept):
    assert without_values(text) == kept


# --- real sandboxes: forged messages, an error text with the inputs, a helper module ---------

_FORGE = """import io, json, os, struct, sys
def _forge(header, payload=b""):
    frame = sys._getframe()
    while frame is not None and "job" not in frame.f_locals:
        frame = frame.f_back
    fd = frame.f_locals["job"]["fd"]
    head = json.dumps(header).encode()
    os.write(fd, struct.pack(">Q", len(head)) + head + struct.pack(">Q", len(payload)) + payload)
"""
_RECORDS = '[{"status": "value", "tree": {"a": "c0_1"}, "type": "ndarray"}] * 7'
_DONE = '{"event": "exercise_done", "name": "reparameterize", "state": "ran", "records": %s}'
_BOMB = """
buffer = io.BytesIO()
import zipfile
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
    with archive.open("c0_1.npy", "w", force_zip64=True) as f:
        for _ in range(200):
            f.write(bytes(1 << 20))
"""
_HOSTILE_MESSAGES = {
    # Sent while a cell runs: the grader's run of that cell ends as a protocol crash.
    "records_not_dicts": _FORGE + f"_forge({_DONE % '[1, 2]'})\n",
    "list_as_index": _FORGE + '_forge({"event": "cell", "index": [1]})\n',
    "index_99999": _FORGE + '_forge({"event": "cell", "index": 99999})\n',
    "deep_header": _FORGE
    + '_forge({"event": "cell", "index": %s})\n' % ("[" * 20 + "0" + "]" * 20),
    # Sent while the exercise runs, with a zip bomb for the grader to unpack.
    "zip_bomb": _FORGE
    + "def reparameterize(z_mean, z_log_var, eps):\n"
    + "\n".join("    " + line for line in _BOMB.strip().splitlines())
    + f"\n    _forge({_DONE % _RECORDS}, buffer.getvalue())\n    return z_mean\n",
}


def _lesson_02(sources: dict, before: dict | None = None) -> bytes:
    """Lesson 02's student notebook with the masters' answers, ``sources`` in place of some,
    and ``before[name]`` as a new cell just before that exercise's cell."""
    import nbformat

    from gencourse import release

    nb = release.read(ROOT / "notebooks" / "en" / "02_vae.ipynb")
    master = release.read(ROOT / "solutions" / "en" / "02_vae.ipynb")
    found = release.exercises(master)
    for name in ("reparameterize", "kl_divergence", "vae_loss"):
        cell = next(
            c
            for c in nb.cells
            if release.gc_meta(c).get("exercise") == name
            and release.gc_meta(c).get("role") == "stub"
        )
        cell.source = sources.get(name, master.cells[found[name]["solution"]].source)
    for name, source in (before or {}).items():
        at = next(i for i, c in enumerate(nb.cells) if release.gc_meta(c).get("exercise") == name)
        nb.cells.insert(at, nbformat.v4.new_code_cell(source))
    return nbformat.writes(nb).encode()


@pytest.fixture(scope="module")
def sandboxed(tmp_path_factory):
    from sandbox_guard import require_sandbox

    require_sandbox()
    subs = tmp_path_factory.mktemp("subs")
    rep_answer = "def reparameterize(z_mean, z_log_var, eps):\n    return z_mean + np.exp(0.5 * z_log_var) * eps\n"
    for label, source in _HOSTILE_MESSAGES.items():
        # The forgery runs in the exercise's own cell (or its function): that cell crashes.
        code = source if label == "zip_bomb" else source + rep_answer
        (subs / f"{label}.ipynb").write_bytes(_lesson_02({"reparameterize": code}))
    (subs / "raises_with_inputs.ipynb").write_bytes(
        _lesson_02(
            {
                "kl_divergence": "def kl_divergence(z_mean, z_log_var):\n"
                "    raise ValueError(f'cannot use {z_mean} {float(z_log_var.ravel()[0])}')\n"
            }
        )
    )
    helper = "import numpy as np\n\ndef rep(z_mean, z_log_var, eps):\n    return z_mean + np.exp(0.5 * z_log_var) * eps\n"
    (subs / "helper_module.ipynb").write_bytes(
        _lesson_02(
            {
                "reparameterize": "import mymod\n\ndef reparameterize(z_mean, z_log_var, eps):\n"
                "    return mymod.rep(z_mean, z_log_var, eps)\n"
            },
            {
                "reparameterize": f"from pathlib import Path\nPath('mymod.py').write_text({helper!r})\n"
            },
        )
    )
    out = tmp_path_factory.mktemp("out")
    start = time.monotonic()
    done = grade_batch(
        [subs],
        "02_vae",
        out,
        root=ROOT,
        workers=2,
        limits=grader.Limits(
            cell_timeout=60, total_timeout=600, memory_mb=1024
        ),  # a loaded CI machine
        say=lambda s: None,
    )
    return {r["submission"]: r for r in done.results}, out, time.monotonic() - start


@pytest.mark.parametrize("label", sorted(_HOSTILE_MESSAGES))
def test_is_a_forged_or_malformed_message_that_submissions_protocol_crash(sandboxed, label):
    results, _, seconds = sandboxed
    result = results[f"{label}.ipynb"]
    points = {e["name"]: e["points"] for e in result["exercises"]}
    assert points == {"reparameterize": 0.0, "kl_divergence": 1.0, "vae_loss": 1.0}, result
    assert result["status"] == "incomplete"
    assert "protocol" in json.dumps(result["problems"])
    assert "internal" not in json.dumps(result["problems"])


def test_does_feedback_from_a_real_run_show_no_input_values(sandboxed):
    results, out, _ = sandboxed
    feedback = (out / "feedback" / "raises_with_inputs.md").read_text(encoding="utf-8")
    assert "ValueError: cannot use [[array]" in feedback
    assert not re.search(r"\d\.\d{3,}", feedback)  # no input value, not even one number
    assert results["raises_with_inputs.ipynb"]["exercises"][1]["points"] == 0.0


def test_is_a_helper_module_written_by_a_cell_before_the_exercise_graded(sandboxed):
    results, _, _ = sandboxed
    points = {e["name"]: e["points"] for e in results["helper_module.ipynb"]["exercises"]}
    assert points == {"reparameterize": 1.0, "kl_divergence": 1.0, "vae_loss": 1.0}


def test_is_an_assignments_unreadable_secret_an_error_never_replaced(tmp_path, monkeypatch):
    from gencourse.assign import secret

    monkeypatch.setattr(secretfile, "WAIT", 0.05)
    (tmp_path / "secret").write_text("")
    with pytest.raises(secret.Unreadable):
        secret.read_secret(tmp_path)
    assert (tmp_path / "secret").read_text() == ""
