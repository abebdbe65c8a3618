"""Does a release hand students their notebook and public checks, and nothing private?

gencourse.assign.release (and its commands) on the worked example of
``new-assignment``, ko and en, with a distinctive hidden case added and, for
the per-student part, a Variant. The released files are searched byte for
byte for every line of the solutions, every hidden case's numbers and texts,
the checks file's code and the secret.
"""

from __future__ import annotations

import re
import stat

import numpy as np
import pytest

from gencourse import cli, release
from gencourse.assign import public, spec, template
from gencourse.assign import release as assign_release
from gencourse.assign.spec import AssignmentError
from gencourse.grade import submission
from gencourse.i18n import texts

ROOT = release.Path(__file__).resolve().parent.parent

HIDDEN_CASE = """        Case(
            {"ko": "비밀 행렬 7x5", "en": "the secret 7x5 matrix"},
            (np.random.default_rng(424242).normal(size=(7, 5)) * 3.0 + 11.0,),
            hidden=True,
        ),
"""
VARIANT = """

from gencourse.check import Variant

_fixed = EXERCISES["standardize"]


def _build(scale):
    import dataclasses

    return dataclasses.replace(_fixed, reference=lambda x: scale * _standardize(x))


EXERCISES["standardize"] = Variant(_build, scale=[1.0, 2.0, 3.0])
"""


@pytest.fixture
def folder(tmp_path):
    template.new_assignment(tmp_path / "hw1", langs=("ko", "en"))
    path = tmp_path / "hw1" / "checks.py"
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace("    ]\n\n\nEXERCISES", HIDDEN_CASE + "    ]\n\n\nEXERCISES"))
    return tmp_path / "hw1"


def _released_bytes(out) -> dict:
    return {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _private_needles(folder) -> dict[str, bytes]:
    """What must not be in a released file: solution lines, hidden cases, the checks file, the secret."""
    assignment = spec.load(folder)
    needles = {}
    for lang in assignment.masters:
        nb = assignment.read_master(lang)
        for cell in nb.cells:
            inside = False
            for line in cell.source.splitlines():
                if line.strip() in (release.BEGIN, release.END):
                    inside = line.strip() == release.BEGIN
                elif inside and line.strip():
                    needles[f"solution line {line.strip()!r}"] = line.strip().encode()
    for case in assignment.exercises()["standardize"].make_cases():
        if case.hidden:
            needles[f"hidden case {case.label}"] = np.ascontiguousarray(case.args[0]).tobytes()
            for lang, text in texts(case.label).items():
                needles[f"hidden label ({lang})"] = text.encode()
    for line in (folder / "checks.py").read_text(encoding="utf-8").splitlines():
        code = line.strip()
        if re.search(r"lambda|return|rng\.|default_rng", code):
            needles[f"checks.py line {code!r}"] = code.encode()
    needles["secret"] = (folder / "secret").read_text().strip().encode()
    return needles


def test_do_the_released_files_hold_no_solution_no_hidden_case_and_no_line_of_the_checks(
    folder, tmp_path
):
    done = assign_release.release(folder, tmp_path / "out")
    assert sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in done.notebooks + done.checks
    ) == [
        "en/hw1.checks.npz",
        "en/hw1.ipynb",
        "ko/hw1.checks.npz",
        "ko/hw1.ipynb",
    ]
    files = _released_bytes(tmp_path / "out")
    assert set(files) == set(done.notebooks + done.checks)  # nothing else was written
    needles = _private_needles(folder)
    assert len([n for n in needles if n.startswith("solution")]) == 1
    assert len([n for n in needles if n.startswith("hidden case")]) == 3
    leaks = [
        (name, path.name)
        for name, needle in needles.items()
        for path, data in files.items()
        if needle in data
    ]
    assert leaks == []


def test_would_the_search_find_a_leak_if_there_were_one(folder, tmp_path):
    # The same search on the public cases: their numbers are in the file, so it can find arrays.
    assign_release.release(folder, tmp_path / "out")
    data = (tmp_path / "out" / "en" / "hw1.checks.npz").read_bytes()
    assignment = spec.load(folder)
    public_cases = [c for c in assignment.exercises()["standardize"].make_cases() if not c.hidden]
    assert all(np.ascontiguousarray(c.args[0]).tobytes() in data for c in public_cases)
    master = (folder / "master.en.ipynb").read_bytes()
    solution = [n for n in _private_needles(folder).values() if b"x.std(axis=0)" in n][0]
    assert solution in master


def test_is_the_student_notebook_the_courses_own_release_of_the_master(folder, tmp_path):
    assign_release.release(folder, tmp_path / "out")
    for lang in ("ko", "en"):
        nb = release.read(tmp_path / "out" / lang / "hw1.ipynb")
        meta = nb.metadata["gencourse"]
        assert (meta["lang"], meta["lesson"], meta["assignment"]) == (lang, "hw1", "hw1")
        assert meta["generated_from"] == f"hw1/master.{lang}.ipynb" and "student" not in meta
        assert meta["generated_by"] == "gencourse release hw1"  # no "DO NOT EDIT": it is theirs
        assert release.exercises(nb) == {"standardize": {"stub": 4, "check": 5}}
        stub = nb.cells[4].source
        assert "raise NotImplementedError" in stub and release.BEGIN not in stub
        assert all(c.get("outputs", []) == [] for c in nb.cells if c.cell_type == "code")
        path = tmp_path / "out" / lang / "hw1.ipynb"
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        assert submission.load(path, "hw1").lang == lang  # the grader takes it as hw1's
    lesson = ROOT / "notebooks" / "en" / "02_vae.ipynb"
    with pytest.raises(submission.Rejected) as info:
        submission.load(lesson, "hw1")
    assert info.value.key == "grade.reject.lesson"


# --- per-student values -------------------------------------------------------------------


def _with_variant(folder, region="### BEGIN VALUES\nscale = 1.0\n### END VALUES"):
    with open(folder / "checks.py", "a", encoding="utf-8") as f:
        f.write(VARIANT)
    for lang in ("ko", "en"):
        nb = release.read(folder / f"master.{lang}.ipynb")
        if region is not None:
            nb.cells[2].source += "\n\n" + region
        release.write(nb, folder / f"master.{lang}.ipynb")


def test_does_each_student_get_their_own_values_and_checks(folder, tmp_path):
    _with_variant(folder)
    done = assign_release.release(folder, tmp_path / "out", ["ann", "ben"])
    assert len(done.notebooks) == 4 and len(done.checks) == 4
    assignment = spec.load(folder)
    for student in ("ann", "ben"):
        scale = assignment.values_for(student)["scale"]
        nb = release.read(tmp_path / "out" / "ko" / student / "hw1.ipynb")
        assert nb.metadata["gencourse"]["student"] == student
        assert (
            f"scale = {scale!r}" in nb.cells[2].source and "BEGIN VALUES" not in nb.cells[2].source
        )
        assert "나만의 값(학생 " + student in nb.cells[2].source
        doc, _ = public.codec.read(
            (tmp_path / "out" / "ko" / student / "hw1.checks.npz").read_bytes()
        )
        assert (doc["student"], doc["values"]) == (student, {"scale": scale})


@pytest.mark.parametrize(
    "region, students, key",
    [
        ("### BEGIN VALUES\nscale = 1.0\n### END VALUES", None, "assign.error.needs_roster"),
        (None, ["ann"], "assign.error.values_missing"),
        ("### BEGIN VALUES\nscale = 2.0\n### END VALUES", ["ann"], "assign.error.values_master"),
        ("### BEGIN VALUES\nscale = 1.0", ["ann"], "assign.error.values_open"),
        ("### BEGIN VALUES\nscale += 1.0\n### END VALUES", ["ann"], "assign.error.values_form"),
    ],
)
def test_is_a_release_of_a_variant_refused_when_a_student_would_not_get_their_values(
    folder, tmp_path, region, students, key
):
    _with_variant(folder, region)
    with pytest.raises(AssignmentError) as info:
        assign_release.release(folder, tmp_path / "out", students)
    assert info.value.key == key
    assert not (tmp_path / "out").exists()


def test_is_a_values_region_without_a_variant_refused(folder, tmp_path):
    nb = release.read(folder / "master.en.ipynb")
    nb.cells[2].source += "\n### BEGIN VALUES\nscale = 1.0\n### END VALUES"
    release.write(nb, folder / "master.en.ipynb")
    with pytest.raises(AssignmentError) as info:
        assign_release.release(folder, tmp_path / "out")
    assert info.value.key == "assign.error.values_unused"


def test_is_a_roster_read_one_student_a_line_and_a_bad_one_refused(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("\ufeff# class 1\nann,Ann Lee\n\nben  # late\nclass2/cho\n", encoding="utf-8")
    assert assign_release.read_roster(roster) == ["ann", "ben", "class2/cho"]
    for bad, key in [("../etc\n", "assign.error.student_id"), ("a b\n", "assign.error.student_id"),
                     ("ann\nann\n", "assign.error.student_twice")]:  # fmt: skip
        roster.write_text(bad, encoding="utf-8")
        with pytest.raises(AssignmentError) as info:
            assign_release.read_roster(roster)
        assert info.value.key == key


# --- the commands ---------------------------------------------------------------------------


def test_do_the_commands_make_and_release_an_assignment_and_refuse_with_one_line(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("GENCOURSE_LANG", "en")
    assert cli.main(["new-assignment", str(tmp_path / "hw2"), "--lang", "all"]) == 0
    assert sorted(p.name for p in (tmp_path / "hw2").iterdir()) == [
        "checks.py", "master.en.ipynb", "master.ko.ipynb", "secret",
    ]  # fmt: skip
    assert "Never hand out checks.py or secret" in capsys.readouterr().out
    assert cli.main(["new-assignment", str(tmp_path / "hw2")]) == 2
    assert "exists and is not empty" in capsys.readouterr().err
    assert cli.main(["release", str(tmp_path / "hw2"), "--out", str(tmp_path / "out")]) == 0
    assert "Wrote 2 student notebooks and 2 public checks files" in capsys.readouterr().out
    assert cli.main(["release", "--out", str(tmp_path / "out")]) == 2  # --out needs an assignment
    assert "need an assignment folder" in capsys.readouterr().err
    (tmp_path / "hw2" / "checks.py").write_text("EXERCISES = {}\n")
    assert cli.main(["release", str(tmp_path / "hw2"), "--out", str(tmp_path / "o2")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "checks.py" in err and "EXERCISES is empty" in err
    assert cli.main(["new-assignment", str(tmp_path / "9bad")]) == 2
