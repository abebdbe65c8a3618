"""The command line, tested by running it and looking at files and exit codes."""

import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent


def gencourse(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "gencourse", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_does_release_check_pass_on_the_committed_course():
    proc = gencourse("release", "--check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "match their masters" in proc.stdout


def test_does_lessons_list_lesson_02():
    proc = gencourse("lessons")
    assert proc.returncode == 0 and "02_vae" in proc.stdout.split()


def test_does_a_missing_lesson_exit_2_and_name_the_available_ones(tmp_path):
    proc = gencourse("run", "99_nothing", "--mode", "quick", "--out", str(tmp_path))
    assert proc.returncode == 2
    assert "No lesson '99_nothing'" in proc.stderr and "02_vae" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def _course_with(tmp_path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.metadata["gencourse"] = {"lang": "en", "lesson": "01_demo"}
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    path = tmp_path / "course" / "solutions" / "en" / "01_demo.ipynb"
    path.parent.mkdir(parents=True)
    nbformat.write(nb, str(path))
    return tmp_path / "course"


def test_does_a_failing_cell_exit_1_and_keep_the_notebook_and_log(tmp_path):
    root = _course_with(tmp_path, "x = 1", "raise RuntimeError('boom')", "y = 2")
    out = tmp_path / "out"
    proc = gencourse(
        "--root", str(root), "run", "01", "--lang", "en", "--mode", "quick", "--out", str(out)
    )
    assert proc.returncode == 1
    assert "cell 1 failed: RuntimeError: boom" in proc.stdout
    log = (out / "01_demo.en.quick.log").read_text()
    assert "error: cell 1 failed" in log
    executed = nbformat.read(str(out / "01_demo.en.quick.ipynb"), 4)
    assert executed.cells[1].outputs[0]["ename"] == "RuntimeError"


def test_does_a_lesson_run_in_the_mode_asked_for(tmp_path):
    root = _course_with(tmp_path, "import os\nprint('QUICK=' + os.environ['GENCOURSE_QUICK'])")
    out = tmp_path / "out"
    proc = gencourse(
        "--root", str(root), "run", "demo", "--lang", "en", "--mode", "full", "--out", str(out)
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    executed = nbformat.read(str(out / "01_demo.en.full.ipynb"), 4)
    assert executed.cells[0].outputs[0]["text"].strip() == "QUICK=0"
    assert "ok" in (out / "01_demo.en.full.log").read_text()


# --- one name for one idea: the options every command shares ---------------------------


def test_do_run_and_grade_name_the_per_cell_limit_alike_and_know_no_other_name():
    from gencourse import cli

    parser = cli.build_parser()
    assert parser.parse_args(["run", "02", "--cell-timeout", "5"]).cell_timeout == 5
    grade = ["grade", "x.ipynb", "--lesson", "02", "--out", "o", "--cell-timeout", "5"]
    assert parser.parse_args(grade).cell_timeout == 5
    proc = gencourse("run", "02", "--timeout", "5")
    assert proc.returncode == 2 and "unrecognized arguments: --timeout" in proc.stderr


def _parsed_lang(*argv):
    from gencourse import cli

    return cli.build_parser().parse_args(list(argv)).lang


def test_does_every_command_default_to_gencourse_lang_else_english(monkeypatch):
    from gencourse.i18n import default_language

    commands = [("run", "02"), ("grade", "x.ipynb", "--lesson", "02", "--out", "o"), ("augment",)]
    monkeypatch.delenv("GENCOURSE_LANG", raising=False)
    assert default_language() == "en"
    assert [_parsed_lang(*c) for c in commands] == ["en", "en", "en"]
    monkeypatch.setenv("GENCOURSE_LANG", "ko")
    assert [_parsed_lang(*c) for c in commands] == ["ko", "ko", "ko"]
    monkeypatch.setenv("GENCOURSE_LANG", "fr")  # not a language of the course
    assert [_parsed_lang(*c) for c in commands] == ["en", "en", "en"]


# --- gencourse rebuild: wired to the trainers (which are not run here: they take minutes) --


def test_does_rebuild_name_its_two_targets_and_exit_2_without_one():
    proc = gencourse("rebuild", "--help")
    assert proc.returncode == 0 and "judge" in proc.stdout and "pretrained" in proc.stdout
    proc = gencourse("rebuild")
    assert proc.returncode == 2 and "judge" in proc.stderr


def test_does_rebuild_refuse_an_unknown_model_with_exit_2_naming_the_known_ones(tmp_path):
    proc = gencourse("rebuild", "pretrained", "vae_mnist", "--out", str(tmp_path))
    assert proc.returncode == 2
    assert "vae_mnist" in proc.stderr and "vae_mnist5k, gan_mnist5k, cgan_mnist5k" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_does_rebuild_pass_its_names_and_folder_to_the_trainers(tmp_path, monkeypatch, capsys):
    from gencourse import cli, pretrained, quiet
    from gencourse.models import judge

    calls = []
    monkeypatch.setattr(quiet, "import_tensorflow_quietly", lambda: None)
    monkeypatch.setattr(pretrained, "rebuild", lambda which, folder: calls.append((which, folder)))
    monkeypatch.setattr(
        judge, "rebuild_judge", lambda out, epochs: calls.append((out, epochs)) or 0.5
    )
    assert cli.main(["rebuild", "pretrained", "gan_mnist5k", "--out", str(tmp_path)]) == 0
    assert cli.main(["rebuild", "pretrained"]) == 0
    assert cli.main(["rebuild", "judge", "--epochs", "2", "--out", str(tmp_path)]) == 0
    assert calls == [(["gan_mnist5k"], tmp_path), (None, pretrained.WEIGHTS), (tmp_path, 2)]
    assert "held-out accuracy 50.00%" in capsys.readouterr().out


def test_are_the_old_rebuild_entry_points_gone():
    import ast

    for module in ("metrics", "pretrained"):
        tree = ast.parse((ROOT / "gencourse" / f"{module}.py").read_text(encoding="utf-8"))
        mains = [
            n for n in tree.body if isinstance(n, ast.If) and "__main__" in ast.unparse(n.test)
        ]
        assert mains == [], f"gencourse/{module}.py still runs as a script"
