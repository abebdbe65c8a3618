"""Does a batch find every submission, write each result as it comes, and resume where it stopped?

gencourse.grade.batch, on folders and small courses made here. The grading of
one submission is a stand-in (or a file rejected before anything runs), so no
learner process starts; test_grade_corpus runs real ones.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from lessons import new_lesson

from gencourse import check
from gencourse.check.core import Case, Exercise
from gencourse.grade import batch, submission
from gencourse.grade.batch import (
    LessonMissing,
    NoExercises,
    find_submissions,
    grade_batch,
    lesson_exercises,
)
from gencourse.grade.grader import rejected_result
from gencourse.grade.sandbox import Limits

ROOT = Path(__file__).resolve().parent.parent
LESSON = "02_vae"


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def _quick_batch(folder, out):
    return grade_batch(
        [folder], LESSON, out, root=ROOT, limits=Limits(), workers=1, say=lambda s: None
    )


def test_does_a_finished_result_survive_and_get_reused_until_its_file_changes(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.ipynb").write_bytes(b"")
    (folder / "b.ipynb").write_bytes(b"[]")
    first = _quick_batch(folder, out)
    assert [r["status"] for r in first.results] == ["rejected", "rejected"]
    result_file = out / "results" / "a.json"
    result = json.loads(result_file.read_text(encoding="utf-8"))
    # Mark the stored result: if it is reused, the mark reaches the gradebook.
    result["problems"] = [{"key": "grade.reject.no_code", "values": {}}]
    result_file.write_text(json.dumps(result), encoding="utf-8")
    (out / "gradebook.csv").unlink()  # as if the batch had died before writing it
    again = _quick_batch(folder, out)
    assert again.reused == 2
    assert "no code cells" in (out / "gradebook.csv").read_text(encoding="utf-8")
    (folder / "a.ipynb").write_bytes(b"{")  # the student resubmits: grade it again
    third = _quick_batch(folder, out)
    assert third.reused == 1
    assert "not valid JSON" in (out / "gradebook.csv").read_text(encoding="utf-8")


def test_is_a_result_graded_under_other_settings_graded_again(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.ipynb").write_bytes(b"")
    _quick_batch(folder, out)
    assert _quick_batch(folder, out).reused == 1
    other = grade_batch(
        [folder], LESSON, out, root=ROOT, limits=Limits(cell_timeout=5), say=lambda s: None
    )
    assert other.reused == 0
    assert grade_batch([folder], LESSON, out, root=ROOT, fresh=True, say=lambda s: None).reused == 0


def test_are_a_new_lessons_exercises_taken_from_its_metadata_when_checks_know_them(tmp_path):
    root = new_lesson(tmp_path, ["vae_loss", "not_checked_yet", "reparameterize"])
    assert lesson_exercises(root, "07") == ("07_new", ["vae_loss", "reparameterize"])


def test_does_an_unknown_lesson_or_one_without_exercises_raise_before_anything_is_written(
    tmp_path,
):
    root = new_lesson(tmp_path / "course", ["not_checked_yet"])
    with pytest.raises(LessonMissing) as info:
        grade_batch([tmp_path], "99_x", tmp_path / "o1", root=root)
    assert info.value.lesson == "99_x"
    with pytest.raises(NoExercises, match="07_new"):
        grade_batch([tmp_path], "07_new", tmp_path / "o2", root=root)
    assert not (tmp_path / "o1").exists() and not (tmp_path / "o2").exists()


# --- finding submissions ----------------------------------------------------------------


def test_are_submissions_found_recursively_with_ids_relative_to_the_folder_given(tmp_path):
    for rel in ["b.ipynb", "class1/a.ipynb", "class1/.ipynb_checkpoints/a-checkpoint.ipynb"]:
        (tmp_path / "in" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / rel).write_bytes(b"{}")
    (tmp_path / "in" / "notes.txt").write_text("not a notebook")
    (tmp_path / "in" / "dir.ipynb").mkdir()  # a folder with a notebook's name
    found = find_submissions([tmp_path / "in"])
    assert [sub_id for sub_id, _ in found] == ["b.ipynb", "class1/a.ipynb"]


def test_does_a_file_named_twice_count_once_and_a_clash_of_ids_get_a_suffix(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.ipynb").write_bytes(b"{}")
    a = tmp_path / "x" / "a.ipynb"
    found = find_submissions([a, tmp_path / "x", tmp_path / "y"])
    assert found == [("a.ipynb", a), ("a.ipynb#2", tmp_path / "y" / "a.ipynb")]


def test_do_ids_that_make_the_same_file_name_get_their_own_result_file():
    names = batch._unique_names(["a/b.ipynb", "a__b.ipynb", "c.ipynb"])
    assert names == {"a/b.ipynb": "a__b", "a__b.ipynb": "a__b-2", "c.ipynb": "c"}


# --- a whole batch, one submission's grading stood in for -------------------------------


def _double_cases():
    return [Case("case.none", (1.0,))]


@pytest.fixture
def fake_course(tmp_path, monkeypatch):
    """A lesson 07_new with one made-up exercise, and a stand-in for grading one submission."""
    exercise = Exercise("double", "double(x)", lambda x: 2 * x, _double_cases)
    monkeypatch.setitem(check.EXERCISES, "double", exercise)
    root = new_lesson(tmp_path / "course", ["double"])
    graded = []

    def grade_one(path, sub_id, ctx):
        graded.append(sub_id)
        if "boom" in sub_id:
            raise RuntimeError("the grader's own bug")
        sha = submission.sha256_of(Path(path).read_bytes())
        result = rejected_result(sub_id, sha, ctx, "grade.reject.empty", {}, status="ok")
        result.update(lang="ko" if "ko" in sub_id else "en", problems=[])
        result["exercises"][0].update(points=1.0, message={"ko": "맞음", "en": "right"})
        result.update(total=1.0, percent=100.0)
        return result, b"printed" if "talks" in sub_id else b""

    monkeypatch.setattr(batch, "grade_one", grade_one)
    subs = tmp_path / "subs"
    subs.mkdir()
    for name in ("b_ko", "a_talks", "c_boom"):
        (subs / f"{name}.ipynb").write_bytes(b"{}")
    return root, subs, graded


def test_does_a_batch_write_a_result_feedback_and_log_per_submission_and_sorted_gradebooks(
    fake_course, tmp_path
):
    root, subs, graded = fake_course
    said = []
    out = tmp_path / "out"
    result = grade_batch([subs], "07", out, root=root, workers=2, say=said.append)
    assert sorted(graded) == ["a_talks.ipynb", "b_ko.ipynb", "c_boom.ipynb"]
    assert [r["submission"] for r in result.results] == sorted(graded)
    assert sorted(p.name for p in (out / "results").iterdir()) == [
        "a_talks.json",
        "b_ko.json",
        "c_boom.json",
    ]
    assert [p.name for p in (out / "logs").iterdir()] == ["a_talks.log"]
    assert (out / "logs" / "a_talks.log").read_bytes() == b"printed"
    # Feedback in each notebook's own language (auto).
    assert "맞음" in (out / "feedback" / "b_ko.md").read_text("utf-8")
    assert "right" in (out / "feedback" / "a_talks.md").read_text("utf-8")
    rows = list(csv.DictReader(_lines(out / "gradebook.csv")))
    assert [(r["submission"], r["double"], r["status"]) for r in rows] == [
        ("a_talks.ipynb", "1", "ok"),
        ("b_ko.ipynb", "1", "ok"),
        ("c_boom.ipynb", "0", "error"),  # the grader's bug costs this submission only
    ]
    assert "internal grader error: RuntimeError: the grader's own bug" in rows[2]["error"]
    assert result.not_graded == ["c_boom.ipynb"]
    assert len(said) == 3 and all("/ 1" in line for line in said)
    book = json.loads((out / "gradebook.json").read_text("utf-8"))
    assert book["lesson"] == "07_new" and book["exercises"] == [{"name": "double", "points": 1.0}]


def test_does_a_later_run_rewrite_reused_feedback_in_the_language_asked_now(fake_course, tmp_path):
    root, subs, graded = fake_course
    out = tmp_path / "out"
    grade_batch([subs], "07", out, root=root, say=lambda s: None)
    graded.clear()
    again = grade_batch([subs], "07", out, root=root, feedback_lang="ko", say=lambda s: None)
    # The grader's own failure is graded again; the others are reused.
    assert again.reused == 2 and graded == ["c_boom.ipynb"]
    assert "맞음" in (out / "feedback" / "a_talks.md").read_text("utf-8")


# --- issue 13: the grader survives its submissions ---------------------------------------


def test_is_a_result_that_failed_on_the_graders_side_graded_again_never_reused(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.ipynb").write_bytes(b"")
    _quick_batch(folder, out)
    result_file = out / "results" / "a.json"
    result = json.loads(result_file.read_text(encoding="utf-8"))
    result["status"] = "error"  # as if its process had been killed from outside
    result_file.write_text(json.dumps(result), encoding="utf-8")
    again = _quick_batch(folder, out)
    assert again.reused == 0 and again.results[0]["status"] == "rejected"


def test_is_the_secret_seed_kept_in_the_output_folder_and_the_same_on_resume(tmp_path):
    seed = batch.read_seed(tmp_path / "out")
    assert batch.read_seed(tmp_path / "out") == seed
    assert oct((tmp_path / "out" / "seed").stat().st_mode & 0o777) == "0o600"
    ex = check.EXERCISES["kl_divergence"]
    from gencourse.check.core import drawn_cases

    same = [c.args[0] for c in drawn_cases(ex, seed)], [c.args[0] for c in drawn_cases(ex, seed)]
    assert all((a == b).all() for a, b in zip(*same, strict=True))
    fixed = [c.args[0] for c in ex.make_cases()]
    other = [c.args[0] for c in drawn_cases(ex, seed)]
    assert any(a.shape == b.shape and not (a == b).all() for a, b in zip(fixed, other, strict=True))
    assert [c.label for c in drawn_cases(ex, seed)] == [c.label for c in ex.make_cases()]


def test_does_a_batch_without_the_sandbox_mark_every_row(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.ipynb").write_bytes(b"")
    (folder / "b.ipynb").write_bytes(b"[]")
    grade_batch([folder], LESSON, out, root=ROOT, sandbox=False, say=lambda s: None)
    rows = list(csv.DictReader(_lines(out / "gradebook.csv")))
    assert [r["sandbox"] for r in rows] == ["no", "no"]
    book_json = json.loads((out / "gradebook.json").read_text(encoding="utf-8"))
    assert book_json["grading"]["sandboxed"] is False and book_json["grading"]["notes"]
    # Graded with the sandbox, the rows are not reused: the settings differ.
    assert _quick_batch(folder, out).reused == 0


def test_does_ctrl_c_keep_finished_results_and_write_the_gradebook_of_what_finished(
    tmp_path, monkeypatch
):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.ipynb").write_bytes(b"")
    real = batch.grade_one

    def grade_one(path, sub_id, ctx):
        if sub_id != "a.ipynb":
            raise KeyboardInterrupt  # stands in for Ctrl-C reaching the batch
        return real(path, sub_id, ctx)

    said = []
    monkeypatch.setattr(batch, "grade_one", grade_one)
    monkeypatch.setattr(batch, "as_completed", _interrupt_after_first(batch.as_completed))
    with pytest.raises(batch.Interrupted) as info:
        grade_batch([folder], LESSON, out, root=ROOT, workers=1, say=said.append)
    done = info.value.batch
    assert [r["submission"] for r in done.results] == ["a.ipynb"]
    assert done.not_finished == ["b.ipynb", "c.ipynb"]
    rows = list(csv.DictReader(_lines(out / "gradebook.csv")))
    assert [r["submission"] for r in rows] == ["a.ipynb"]
    assert sorted(p.name for p in (out / "results").iterdir()) == ["a.json"]


def _interrupt_after_first(as_completed):
    def wrapped(futures):
        for i, future in enumerate(as_completed(futures)):
            if i == 1:
                raise KeyboardInterrupt
            yield future

    return wrapped
