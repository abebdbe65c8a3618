"""Does an instructor's own assignment go from a template to an exact gradebook?

The whole workflow, through the command line (``gencourse.cli.main``, in this
process): ``new-assignment hw1 --from 02_vae`` (the lesson's own exercises are
the checks file's first entries), a new exercise ``scaled_kl`` added to the
master and to ``checks.py`` (a per-student ``beta``, public and hidden cases,
named mistakes with ko/en hints), ``release`` with a roster of four students,
four submissions made from each student's own released notebook (right,
wrong, hostile, and one copied from another student), and ``grade
--assignment`` in the sandbox, as one batch. Every test reads that one
gradebook and asserts it exactly.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from test_grade_sandbox import require_sandbox

from gencourse import cli, i18n, release
from gencourse.assign import public, secret

ROOT = Path(__file__).resolve().parent.parent
ROSTER = ["alice", "bob", "mallory", "dave"]
CHOICES = [0.5, 2.0, 3.0]

CHECKS_ADDITION = """

import numpy as np


def _kl(m, lv):
    return -0.5 * np.sum(1.0 + lv - np.square(m) - np.exp(lv), axis=-1)


def _scaled_kl_cases():
    rng = np.random.default_rng(7)

    def f32(*shape):
        return rng.normal(size=shape).astype("float32")

    return [
        Case({"ko": "무작위 배치", "en": "a random batch"}, (f32(6, 3), f32(6, 3))),
        Case({"ko": "표본 하나", "en": "one sample"}, (f32(1, 4), f32(1, 4))),
        Case({"ko": "큰 잠재 차원", "en": "a large latent size"}, (f32(3, 64), f32(3, 64)), hidden=True),
        Case(
            {"ko": "아주 작은 분산", "en": "a tiny variance"},
            (f32(4, 2), np.full((4, 2), -8.0, "float32")),
            hidden=True,
        ),
    ]


def scaled_kl(beta):
    return Exercise(
        name="scaled_kl",
        signature="scaled_kl(z_mean, z_log_var)",
        reference=lambda m, lv: beta * _kl(m, lv),
        make_cases=_scaled_kl_cases,
        atol=1e-3,
        mistakes=[
            Mistake(
                {"ko": "beta를 곱하지 않았습니다.", "en": "It does not multiply by beta."},
                lambda m, lv: _kl(m, lv),
            ),
        ],
    )


EXERCISES["scaled_kl"] = Variant(scaled_kl, beta=[0.5, 2.0, 3.0])
"""

SCALED_KL_SOLUTION = '''def scaled_kl(z_mean, z_log_var):
    """beta times the KL divergence of each sample (beta: your own value above)."""
    ### BEGIN SOLUTION
    return beta * kl_divergence(z_mean, z_log_var)
    ### END SOLUTION'''

# bob: right, missing the 0.5, not done, forgets beta.
WRONG = {
    "kl_divergence": "def kl_divergence(z_mean, z_log_var):\n"
    "    return -np.sum(1.0 + z_log_var - np.square(z_mean) - np.exp(z_log_var), axis=-1)",
    "scaled_kl": "def scaled_kl(z_mean, z_log_var):\n"
    "    return -0.5 * np.sum(1.0 + z_log_var - np.square(z_mean) - np.exp(z_log_var), axis=-1)",
}
# mallory: reads the private checks file, returns an object equal to everything,
# kills its process, and answers with the public answers it was given.
HOSTILE = {
    "reparameterize": "def reparameterize(z_mean, z_log_var, eps):\n"
    "    import pathlib\n"
    "    pathlib.Path({checks!r}).read_text()  # the instructor's private file\n"
    "    return z_mean + np.exp(0.5 * z_log_var) * eps",
    "kl_divergence": "class AlwaysEqual:\n"
    "    def __eq__(self, other):\n        return True\n"
    "    __hash__ = object.__hash__\n\n\n"
    "def kl_divergence(z_mean, z_log_var):\n    return AlwaysEqual()",
    "vae_loss": "def vae_loss(x, x_recon, z_mean, z_log_var, beta=1.0):\n"
    "    import os\n    os._exit(3)",
    "scaled_kl": "PUBLIC = {public!r}\n\n\n"
    "def scaled_kl(z_mean, z_log_var):\n"
    "    return np.array(PUBLIC.get(str(z_mean.shape), np.zeros(len(z_mean))))",
}


def _secret_with_different_values():
    """A secret under which alice, bob and dave have different betas (found, not hoped for)."""
    from gencourse.check import Variant

    variant = Variant(lambda beta: _fake_exercise(), beta=CHOICES)
    for value in range(1000):
        betas = [secret.student_values([variant], value, s)["beta"] for s in ("alice", "dave")]
        if len(set(betas)) == 2:
            return value
    raise AssertionError("no secret gives alice and dave different values")


def _fake_exercise():
    from gencourse.check import Case, Exercise

    return Exercise(
        "scaled_kl",
        "scaled_kl(z_mean, z_log_var)",
        lambda m, lv: m,
        lambda: [Case("case.none", (1,))],
    )


def _cell(nb, name, role):
    return next(c for c in nb.cells if release.gc_meta(c) == {"exercise": name, "role": role})


def _add_exercise(master_path: Path):
    """The instructor's edit: a values cell, the new exercise and its check cell, after kl_divergence."""
    import nbformat

    nb = release.read(master_path)
    after = nb.cells.index(_cell(nb, "kl_divergence", "check")) + 1
    nb.cells[after:after] = [
        nbformat.v4.new_markdown_cell(
            "## Your own beta\n\nScale the KL divergence by your `beta`."
        ),
        nbformat.v4.new_code_cell("### BEGIN VALUES\nbeta = 0.5\n### END VALUES"),
        nbformat.v4.new_code_cell(SCALED_KL_SOLUTION),  # no metadata: the release infers it
        nbformat.v4.new_code_cell("check.scaled_kl(scaled_kl)"),
    ]
    release.write(nb, master_path)


def _solutions(master) -> dict:
    """Each exercise's master code, markers dropped: the right answers."""
    markers = (release.BEGIN, release.END)
    return {
        name: "\n".join(
            line
            for line in master.cells[roles["solution"]].source.splitlines()
            if line.strip() not in markers
        )
        for name, roles in release.exercises(master).items()
    }


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    require_sandbox()
    base = tmp_path_factory.mktemp("assign")
    hw1 = base / "hw1"
    assert (
        cli.main(
            ["--root", str(ROOT), "new-assignment", str(hw1), "--from", "02_vae", "--lang", "en"]
        )
        == 0
    )
    (hw1 / "secret").write_text(f"{_secret_with_different_values()}\n")
    with open(hw1 / "checks.py", "a", encoding="utf-8") as f:
        f.write(CHECKS_ADDITION)
    _add_exercise(hw1 / "master.ipynb")
    (base / "roster.txt").write_text("# hw1\n" + "\n".join(ROSTER) + "\n")
    out = base / "release"
    assert (
        cli.main(["release", str(hw1), "--out", str(out), "--students", str(base / "roster.txt")])
        == 0
    )

    subs = base / "submissions"
    master = release.read(hw1 / "master.ipynb")
    from gencourse.assign import spec

    spec.mark_cells(master, ["reparameterize", "kl_divergence", "vae_loss", "scaled_kl"])
    right = _solutions(master)

    def submit(student, given, sources):
        nb = release.read(out / "en" / given / "hw1.ipynb")
        for name, source in sources.items():
            _cell(nb, name, "stub").source = source
        release.write(nb, subs / student / "hw1.ipynb")

    submit("alice", "alice", right)
    submit("bob", "bob", {"reparameterize": right["reparameterize"], **WRONG})
    doc, arrays = public.codec.read((out / "en" / "mallory" / "hw1.checks.npz").read_bytes())
    entry = next(e for e in doc["exercises"] if e["name"] == "scaled_kl")
    answers = {
        str(tuple(arrays[c["args"]["t"][0]["a"]].shape)): arrays[c["reference"]["a"]].tolist()
        for c in entry["cases"]
    }
    hostile = {
        k: v.format(checks=str(hw1 / "checks.py"), public=answers) for k, v in HOSTILE.items()
    }
    submit("mallory", "mallory", hostile)
    submit("dave", "alice", right)  # alice's own notebook, handed in by dave
    results = base / "results"
    code = cli.main(
        ["grade", str(subs), "--assignment", str(hw1), "--out", str(results),
         "--workers", "2", "--cell-timeout", "30", "--lang", "en"]
    )  # fmt: skip
    return {"hw1": hw1, "out": out, "results": results, "code": code, "answers": answers}


def _rows(path):
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def test_does_the_batch_finish_with_every_submission_graded(course):
    assert course["code"] == 0


def test_is_the_gradebook_exactly_what_each_submission_deserves(course):
    rows = {r["submission"]: r for r in _rows(course["results"] / "gradebook.csv")}
    got = {
        sub: (
            r["reparameterize"],
            r["kl_divergence"],
            r["vae_loss"],
            r["scaled_kl"],
            r["total"],
            r["status"],
        )
        for sub, r in rows.items()
    }
    assert got == {
        "alice/hw1.ipynb": ("1", "1", "1", "1", "4", "ok"),
        # kl_divergence: only the case whose answer is 0 (N(0, I)) passes: 0.5 * 1/6.
        "bob/hw1.ipynb": ("1", "0.0833", "0", "0", "1.0833", "ok"),
        # dave handed in alice's notebook: her beta is not his.
        "dave/hw1.ipynb": ("1", "1", "1", "0", "3", "ok"),
        "mallory/hw1.ipynb": ("0", "0", "0", "0", "0", "incomplete"),
    }
    assert {sub: r["error"] for sub, r in rows.items()} == {
        "alice/hw1.ipynb": "",
        "bob/hw1.ipynb": "",
        "dave/hw1.ipynb": "this notebook was released to student alice but handed in as dave's",
        "mallory/hw1.ipynb": "vae_loss: the Python process ended while the function ran (exit code 3)",
    }
    assert list(rows["alice/hw1.ipynb"]) == [
        "submission", "lang", "reparameterize", "kl_divergence", "scaled_kl", "vae_loss",
        "total", "possible", "percent", "status", "error",
    ]  # fmt: skip


def test_does_each_exercise_say_why_in_the_json_gradebook(course):
    book = json.loads((course["results"] / "gradebook.json").read_text(encoding="utf-8"))
    assert book["lesson"] == "hw1"
    assert [e["name"] for e in book["exercises"]] == [
        "reparameterize", "kl_divergence", "scaled_kl", "vae_loss",
    ]  # fmt: skip
    rows = {r["submission"]: r["exercises"] for r in book["submissions"]}
    bob, mallory = rows["bob/hw1.ipynb"], rows["mallory/hw1.ipynb"]
    assert (bob["kl_divergence"]["status"], bob["kl_divergence"]["hint"]) == (
        "wrong_value",
        "hint.kl.half",
    )
    assert bob["vae_loss"]["status"] == "not_implemented"
    assert bob["scaled_kl"]["status"] == "wrong_value"
    assert i18n.t(bob["scaled_kl"]["hint"], "en") == "It does not multiply by beta."
    # Grading runs the hidden cases too: 4 of them, where the students' check cell runs 2.
    assert bob["scaled_kl"]["cases"] == 4
    assert {k: v["status"] for k, v in mallory.items()} == {
        "reparameterize": "error",  # FileNotFoundError: the checks file is not in the sandbox
        "kl_divergence": "wrong_type",
        "vae_loss": "crash",
        "scaled_kl": "wrong_value",  # the public answers do not answer the grading's inputs
    }
    assert rows["dave/hw1.ipynb"]["scaled_kl"]["status"] == "wrong_value"


def test_are_the_exports_one_row_per_student_and_one_gradescope_file_each(course):
    scores = (course["results"] / "scores.csv").read_text(encoding="utf-8")
    assert scores == (
        "student,reparameterize,kl_divergence,scaled_kl,vae_loss,total\n"
        "alice,1,1,1,1,4\n"
        "bob,1,0.0833,0,0,1.0833\n"
        "dave,1,1,0,1,3\n"
        "mallory,0,0,0,0,0\n"
    )
    gs = json.loads(
        (course["results"] / "gradescope" / "bob__hw1.json").read_text(encoding="utf-8")
    )
    assert gs["score"] == 1.0833
    assert [(t["name"], t["score"], t["max_score"], t["status"]) for t in gs["tests"]] == [
        ("reparameterize", 1.0, 1.0, "passed"),
        ("kl_divergence", 0.0833, 1.0, "failed"),
        ("scaled_kl", 0.0, 1.0, "failed"),
        ("vae_loss", 0.0, 1.0, "failed"),
    ]
    assert "It does not multiply by beta." in gs["tests"][2]["output"]


def test_does_the_feedback_name_the_mistakes_in_the_students_language(course):
    text = (course["results"] / "feedback" / "bob__hw1.md").read_text(encoding="utf-8")
    assert i18n.t("hint.kl.half", "en") in text
    assert "It does not multiply by beta." in text
    assert "4 tests" in text or "of 4 tests" in text


def test_did_each_student_get_their_own_values_in_their_own_notebook(course):
    from gencourse.assign import spec

    assignment = spec.load(course["hw1"])
    for student in ROSTER:
        nb = release.read(course["out"] / "en" / student / "hw1.ipynb")
        beta = assignment.values_for(student)["beta"]
        values = next(
            c.source for c in nb.cells if "beta = " in c.source and "Your own values" in c.source
        )
        assert f"beta = {beta!r}" in values and "BEGIN VALUES" not in values
        assert nb.metadata["gencourse"]["student"] == student
    assert assignment.values_for("alice") != assignment.values_for("dave")
    assert np.isin([assignment.values_for(s)["beta"] for s in ROSTER], CHOICES).all()
