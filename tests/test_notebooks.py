"""Are the student notebooks what the release command generates, and do the
ko and en editions carry the same code? Do the student notebooks run, with
every check saying "not implemented yet"?"""

import json
from pathlib import Path

import nbformat
import pytest

from gencourse import release, runner

ROOT = Path(__file__).resolve().parent.parent
MASTERS = release.masters(ROOT)
LESSONS = sorted({p.stem for p in MASTERS})


def test_is_there_at_least_one_lesson_in_each_language():
    assert LESSONS
    for lesson in LESSONS:
        for lang in release.LANGS:
            assert (ROOT / "solutions" / lang / f"{lesson}.ipynb").is_file(), (lesson, lang)


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_is_the_committed_student_notebook_exactly_what_release_generates(master):
    rel = master.relative_to(ROOT).as_posix()
    expected = nbformat.writes(release.make_student(release.read(master), rel)) + "\n"
    student = release.student_path(ROOT, master)
    assert student.is_file(), f"{student} is missing: run `gencourse release`"
    assert student.read_text(encoding="utf-8") == expected, (
        f"{student.relative_to(ROOT)} differs from its master: run `gencourse release` and commit"
    )


@pytest.mark.parametrize("lesson", LESSONS)
def test_do_the_ko_and_en_masters_carry_the_same_code(lesson):
    ko = release.read(ROOT / "solutions" / "ko" / f"{lesson}.ipynb")
    en = release.read(ROOT / "solutions" / "en" / f"{lesson}.ipynb")
    assert release.parity_problems(ko, en) == []
    assert ko.metadata["gencourse"]["lang"] == "ko" and en.metadata["gencourse"]["lang"] == "en"
    assert [c.cell_type for c in ko.cells] == [c.cell_type for c in en.cells]


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_are_masters_committed_without_outputs(master):
    for cell in release.read(master).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_does_parity_catch_a_changed_number_but_allow_translated_text():
    assert release.same_code('plt.title("제목")  # 설명', 'plt.title("Title")  # note')
    assert release.same_code('gc.setup(lang="ko")', 'gc.setup(lang="en")')
    assert not release.same_code("epochs = 30", "epochs = 3")
    assert not release.same_code('data.load("mnist5k")', 'data.load("digits8x8")')
    assert not release.same_code('f"{x:<18}"', 'f"{x:<24}"')


def test_is_an_f_string_one_string_token_on_every_python():
    # Python 3.12+ tokenizes f-strings piecewise (PEP 701); parity must not compare their
    # translated text as code, on any Python.
    source = 'print(f"손실 {loss:.3f}, {f\'{n}\'}개", end="")  # 설명\n'
    assert release.code_tokens(source) == [
        ("code", "print"),
        ("code", "("),
        ("str", "f\"손실 {loss:.3f}, {f'{n}'}개\""),
        ("code", ","),
        ("code", "end"),
        ("code", "="),
        ("str", '""'),
        ("code", ")"),
    ]
    assert release.same_code(
        'print(f"에포크 {epoch}: 손실 {loss:.3f}")\nx = f"""\n{a}\n여러 줄"""',
        'print(f"epoch {epoch}: loss {loss:.3f}")\nx = f"""\n{a}\nlines"""',
    )
    assert not release.same_code('print(f"{loss:.3f}")', 'print(f"{loss:.4f}")')
    assert not release.same_code('name = f"{n}.png"', 'name = f"{n}.jpg"')


# --- the release step on synthetic cells -----------------------------------------


def test_are_solution_regions_replaced_by_a_stub_at_the_same_indentation():
    source = (
        "def f(x):\n    '''doc'''\n    ### BEGIN SOLUTION\n    return x + 1\n    ### END SOLUTION\n"
    )
    stub = release.strip_solutions(source, "en")
    assert "return x + 1" not in stub
    assert "    raise NotImplementedError" in stub and "    # Write your code here." in stub
    assert "'''doc'''" in stub
    assert "여기에 코드를" in release.strip_solutions(source, "ko")


@pytest.mark.parametrize(
    "source",
    [
        "### BEGIN SOLUTION\nx = 1\n",
        "x = 1\n### END SOLUTION\n",
        "### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION\n",
    ],
)
def test_are_broken_markers_refused(source):
    with pytest.raises(release.NotebookError):
        release.strip_solutions(source, "en")


def _tiny_course(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["gencourse"] = {"lang": "en", "lesson": "01_x"}
    solution = nbformat.v4.new_code_cell(
        "def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION"
    )
    solution.metadata["gencourse"] = {"exercise": "f", "role": "solution"}
    checker = nbformat.v4.new_code_cell("check.f(f)")
    checker.metadata["gencourse"] = {"exercise": "f", "role": "check"}
    nb.cells = [nbformat.v4.new_markdown_cell("# x"), solution, checker]
    release.write(nb, tmp_path / "solutions" / "en" / "01_x.ipynb")
    return tmp_path


def _edit_cell(path, index, source):
    nb = release.read(path)
    nb.cells[index].source = source
    release.write(nb, path)


def test_does_release_write_then_report_the_notebook_unchanged(tmp_path):
    root = _tiny_course(tmp_path)
    first = release.release(root)
    assert [p.name for p in first.written] == ["01_x.ipynb"]
    student = release.read(root / "notebooks" / "en" / "01_x.ipynb")
    assert student.cells[1].metadata["gencourse"] == {"exercise": "f", "role": "stub"}
    assert "raise NotImplementedError" in student.cells[1].source
    assert student.metadata["gencourse"]["generated_from"] == "solutions/en/01_x.ipynb"
    assert release.release(root, check=True).drifted == []


def test_does_check_mode_report_a_master_that_changed(tmp_path):
    root = _tiny_course(tmp_path)
    release.release(root)
    _edit_cell(root / "solutions" / "en" / "01_x.ipynb", 0, "# changed")
    assert len(release.release(root, check=True).drifted) == 1


def test_is_a_notebook_a_student_edited_never_overwritten_without_force(tmp_path):
    root = _tiny_course(tmp_path)
    release.release(root)
    target = root / "notebooks" / "en" / "01_x.ipynb"
    _edit_cell(target, 1, "def f(x):\n    return x  # my answer")
    _edit_cell(root / "solutions" / "en" / "01_x.ipynb", 0, "# new text")
    report = release.release(root)
    assert report.kept == [target] and report.written == []
    assert "my answer" in target.read_text(encoding="utf-8")
    assert release.release(root, force=True).written == [target]


def test_does_a_master_without_a_check_cell_fail_validation(tmp_path):
    root = _tiny_course(tmp_path)
    master = root / "solutions" / "en" / "01_x.ipynb"
    nb = release.read(master)
    del nb.cells[2]
    with pytest.raises(release.NotebookError, match="one solution and one check"):
        release.make_student(nb, "x")


# --- the student notebooks run, and every check reports "not implemented" --------


# One language per lesson, the two taking turns: the editions' code is the same (the
# parity test), and every message of the checks has the same placeholders in both languages
# (tests/test_i18n.py), so a second run of the same lesson in the other language would repeat
# the same code for about a minute of CI. Each language still runs three whole lessons.
STUDENT_RUNS = [(lesson, release.LANGS[i % len(release.LANGS)]) for i, lesson in enumerate(LESSONS)]


@pytest.mark.parametrize(("lesson", "lang"), STUDENT_RUNS)
def test_does_the_student_notebook_run_with_every_check_failing_on_stubs(
    lesson, lang, tmp_path, monkeypatch
):
    monkeypatch.delenv("GENCOURSE_STRICT_CHECKS", raising=False)
    result = runner.run_lesson(ROOT, lesson, lang, "quick", "notebooks", tmp_path)
    assert result.ok, result.error
    nb = json.loads(result.notebook.read_text(encoding="utf-8"))
    checks = [c for c in nb["cells"] if c["metadata"].get("gencourse", {}).get("role") == "check"]
    assert len(checks) >= 2  # every lesson has at least two exercises
    for cell in checks:
        text = "".join("".join(o.get("text", "")) for o in cell["outputs"])
        assert text.startswith("⏳"), text
        assert "NotImplementedError" in text
