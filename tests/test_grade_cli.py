"""Does `gencourse grade` pass its options on and answer with the right exit code and lines?

gencourse.grade.cli: run as a command for the exit codes of a wrong lesson,
and called here with a stand-in for the batch for the rest.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lessons import new_lesson

from gencourse import cli
from gencourse.grade import batch as batch_module
from gencourse.grade import cli as grade_cli
from gencourse.grade import jail
from gencourse.grade.batch import BatchResult

ROOT = Path(__file__).resolve().parent.parent


def test_does_grade_exit_2_for_an_unknown_lesson(tmp_path):
    (tmp_path / "a.ipynb").write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "gencourse", "grade", str(tmp_path), "--lesson", "99_x", "--out", str(tmp_path / "o")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "No lesson '99_x'" in proc.stderr and "02_vae" in proc.stderr


def test_does_grade_exit_2_for_a_lesson_without_exercises(tmp_path):
    # --no-sandbox: the answer must not depend on whether bubblewrap is installed.
    root = new_lesson(tmp_path / "course", ["not_checked_yet"])
    (tmp_path / "a.ipynb").write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "gencourse", "--root", str(root), "grade", str(tmp_path / "a.ipynb"),
         "--lesson", "07_new", "--out", str(tmp_path / "o"), "--no-sandbox"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "Lesson 07_new has no exercises to grade." in proc.stderr


# --- called here, with a stand-in for the batch -----------------------------------------
# These tests are about the command's options and exit codes: the stand-in batch starts no
# sandbox, so the probe for bubblewrap is stood in for too, and they run on machines
# without it (macOS, Windows, Linux without the package).


def _stand_ins(monkeypatch):
    monkeypatch.setattr("gencourse.quiet.import_tensorflow_quietly", lambda: None)
    monkeypatch.setattr(jail, "check_available", lambda: None)


def _grade(monkeypatch, tmp_path, *extra, not_graded=()):
    """Runs ``gencourse grade`` in this process; returns (exit code, what grade_batch got)."""
    _stand_ins(monkeypatch)
    got = {}

    def grade_batch(paths, lesson, out, **options):
        got.update(paths=paths, lesson=lesson, out=out, **options)
        results = [
            {"submission": "a.ipynb", "problems": []},
            {"submission": "b.ipynb", "problems": [{"key": "grade.reject.empty", "values": {}}]},
        ]
        out = Path(out)
        return BatchResult(
            results, list(not_graded), 0, out / "g.csv", out / "g.json", out / "feedback"
        )

    monkeypatch.setattr(batch_module, "grade_batch", grade_batch)
    subs = tmp_path / "subs"
    subs.mkdir(exist_ok=True)
    (subs / "a.ipynb").write_bytes(b"{}")
    argv = ["grade", str(subs), "--lesson", "02", "--out", str(tmp_path / "o"), *extra]
    return cli.main(argv), got


def test_are_the_limits_and_choices_passed_to_the_batch(monkeypatch, tmp_path, capsys):
    code, got = _grade(
        monkeypatch, tmp_path,
        "--cell-timeout", "7", "--total-timeout", "70", "--memory-mb", "512",
        "--output-mb", "0.5", "--workers", "3", "--cells", "all", "--lang", "ko",
        "--feedback-lang", "en", "--fresh",
    )  # fmt: skip
    assert code == 0
    limits = got["limits"]
    assert (limits.cell_timeout, limits.total_timeout, limits.memory_mb) == (7, 70, 512)
    assert limits.output_cap == 2**19
    assert (got["workers"], got["cells"], got["lang"], got["feedback_lang"]) == (
        3,
        "all",
        "ko",
        "en",
    )
    assert got["fresh"] is True and got["lesson"] == "02" and got["root"] == ROOT
    assert "제출물 2개 중 2개를 채점했습니다" in capsys.readouterr().out  # in the language asked


def test_does_grade_exit_1_and_list_what_could_not_be_graded(monkeypatch, tmp_path, capsys):
    code, _ = _grade(monkeypatch, tmp_path, "--lang", "en", not_graded=["b.ipynb"])
    out = capsys.readouterr().out
    assert code == 1 and "Graded 1 of 2 submissions" in out
    listed = out.split("could not be graded")[1].splitlines()
    assert [line for line in listed if line.startswith("  ")] == ["  b.ipynb: the file is empty"]


def test_does_grade_exit_2_when_no_notebook_is_found(monkeypatch, tmp_path, capsys):
    _stand_ins(monkeypatch)
    (tmp_path / "empty").mkdir()
    code = grade_cli.run_grade(
        cli.build_parser().parse_args(
            ["grade", str(tmp_path / "empty"), "--lesson", "02", "--out", str(tmp_path / "o")]
        ),
        ROOT,
    )
    assert code == 2 and str(tmp_path / "empty") in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_does_grade_refuse_without_bubblewrap_and_say_how_to_get_it(tmp_path):
    from gencourse.grade import fallback

    if fallback.possible() and not fallback.unreachable():
        pytest.skip("a root grader falls back to a user of its own: tests/test_grade_fallback.py")
    (tmp_path / "a.ipynb").write_bytes(b"")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    proc = subprocess.run(
        [sys.executable, "-m", "gencourse", "grade", str(tmp_path / "a.ipynb"), "--lesson", "02",
         "--out", str(tmp_path / "o"), "--lang", "en"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={"PATH": str(bin_dir)},
    )  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert "bubblewrap" in proc.stderr and "apt-get install bubblewrap" in proc.stderr
    assert "--no-sandbox" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "o").exists()


def test_does_no_sandbox_reach_the_batch(monkeypatch, tmp_path):
    _, got = _grade(monkeypatch, tmp_path, "--no-sandbox")
    assert got["sandbox"] is False
    _, got = _grade(monkeypatch, tmp_path)
    assert got["sandbox"] is True


def test_does_ctrl_c_exit_130_with_one_line(monkeypatch, tmp_path, capsys):
    _stand_ins(monkeypatch)
    out = tmp_path / "o"

    def grade_batch(paths, lesson, out_dir, **options):
        done = BatchResult([{"submission": "a.ipynb"}], [], 0, out / "g.csv", out / "g.json", out)
        done.not_finished = ["b.ipynb"]
        raise batch_module.Interrupted(done)

    monkeypatch.setattr(batch_module, "grade_batch", grade_batch)
    (tmp_path / "a.ipynb").write_bytes(b"{}")
    code = cli.main(
        ["grade", str(tmp_path / "a.ipynb"), "--lesson", "02", "--out", str(out), "--lang", "en"]
    )
    err = capsys.readouterr().err
    assert code == 130 and len(err.strip().splitlines()) == 1
    assert "Interrupted (Ctrl-C): the 1 finished" in err and "1 were not graded" in err
