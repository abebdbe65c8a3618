"""Unit tests of the course's website builder (gencourse.site), on tiny synthetic notebooks.

The build of the real site (every lesson, both languages, quick mode) is tested in
tests/test_site_built.py through the shared fixture of tests/site_build.py.
"""

import base64
import os
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from gencourse import release
from gencourse.site import korean_search, readme
from gencourse.site.build import find_leaks, readme_lead
from gencourse.site.execute import SiteBuildError, cache_path, execute
from gencourse.site.leaks import leaks, notebook_solution_lines, solution_lines
from gencourse.site.notebooks import add_header, graft, image_alts, lesson_title

ROOT = Path(__file__).resolve().parent.parent
SOLUTION = "    scaled = x * secret_factor + 7"
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n not really an image").decode()


def _master(lang="en", body="x = 1\nprint(x)"):
    nb = nbformat.v4.new_notebook()
    nb.metadata["gencourse"] = {"lang": lang, "lesson": "01_x"}
    solution = nbformat.v4.new_code_cell(
        f"def f(x):\n    ### BEGIN SOLUTION\n{SOLUTION}\n    return scaled\n    ### END SOLUTION"
    )
    solution.metadata["gencourse"] = {"exercise": "f", "role": "solution"}
    checker = nbformat.v4.new_code_cell("check.f(f)")
    checker.metadata["gencourse"] = {"exercise": "f", "role": "check"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Lesson x\n\nThe goal."),
        solution,
        checker,
        nbformat.v4.new_code_cell(body),
    ]
    return nb


def _executed(master):
    nb = nbformat.reads(nbformat.writes(master), as_version=4)
    nb.cells[1].outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="defined f\n"),
        # A solution line printed into an output: it must never reach the site.
        nbformat.v4.new_output("stream", name="stdout", text=SOLUTION.strip() + "\n"),
    ]
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", name="stdout", text="3 of 3 passed\n")]
    nb.cells[3].outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"image/png": PNG, "text/plain": "<Figure>"},
            metadata={"image/png": {"alt": "Figure: the loss"}},
        ),
        nbformat.v4.new_output("execute_result", data={"text/plain": SOLUTION.strip()}),
    ]
    return nb


# Grafting: the student's cells, the reference's outputs, no solution line.


def test_does_the_site_notebook_show_the_stub_with_the_references_outputs():
    master = _master()
    site, dropped = graft(master, _executed(master), "solutions/en/01_x.ipynb")
    assert "raise NotImplementedError" in site.cells[1].source
    assert "secret_factor" not in site.cells[1].source
    assert [o["text"] for o in site.cells[1].outputs] == ["defined f\n"]
    assert site.cells[2].outputs[0]["text"] == "3 of 3 passed\n"
    assert site.cells[3].outputs[0]["data"]["image/png"] == PNG
    assert dropped == 2  # the printed line and the execute_result that shows it
    text = nbformat.writes(site)
    assert leaks(text, notebook_solution_lines(master)) == []


def test_would_the_leak_search_see_the_printed_solution_line_without_the_graft():
    master = _master()
    assert leaks(nbformat.writes(_executed(master)), notebook_solution_lines(master)) != []


def test_does_an_error_output_stop_the_build_naming_the_cell():
    master = _master()
    executed = _executed(master)
    executed.cells[3].outputs = [
        nbformat.v4.new_output("error", ename="ValueError", evalue="bad", traceback=["..."])
    ]
    with pytest.raises(SiteBuildError, match=r"cell 3 shows an error \(ValueError: bad\)"):
        graft(master, executed, "solutions/en/01_x.ipynb")


def test_is_an_executed_notebook_of_another_master_refused():
    master = _master()
    executed = _executed(master)
    executed.cells.pop()
    with pytest.raises(SiteBuildError, match="has 3 cells and the master 4"):
        graft(master, executed)
    executed = _executed(master)
    executed.cells[3].source = "x = 2"
    with pytest.raises(SiteBuildError, match="cell 3 of the executed notebook"):
        graft(master, executed)


def test_do_figures_get_their_recorded_alt_text_else_a_numbered_fallback():
    master = _master()
    site, _ = graft(master, _executed(master))
    bare = nbformat.v4.new_output(
        "display_data", data={"image/png": base64.b64encode(b"2").decode()}
    )
    site.cells[3].outputs.append(bare)
    alts = image_alts(site, lambda n: f"Figure {n} of {lesson_title(site)}")
    assert sorted(alts.values()) == ["Figure 2 of Lesson x", "Figure: the loss"]


def test_is_the_launch_header_inserted_after_the_title_cell():
    site = add_header(_master(), "links")
    assert [c.source for c in site.cells[:2]] == ["# Lesson x\n\nThe goal.", "links"]
    nbformat.validate(site)


# Solution lines and the leak search.


def test_are_trivial_lines_of_a_solution_left_out_of_the_search():
    source = (
        "### BEGIN SOLUTION\nreturn\n]\n\nx = 1\nkeep.append(i)\npass\n### END SOLUTION\nnot_me()"
    )
    assert solution_lines(source) == ["keep.append(i)"]


def test_does_the_leak_search_see_a_line_behind_html_highlighting_and_json_escapes(tmp_path):
    line = 'return np.mean(gap**2, axis="rows")'
    highlighted = (
        '<span class="k">return</span> <span class="n">np</span><span class="o">.</span>'
        '<span class="n">mean</span>(gap**2, axis=&quot;rows&quot;)'
    )
    (tmp_path / "a.html").write_text(f"<pre>{highlighted}</pre>")
    (tmp_path / "b.ipynb").write_text('{"source": "return np.mean(gap**2, axis=\\"rows\\")"}')
    (tmp_path / "c.html").write_text("<p>nothing here</p>")
    found = find_leaks(tmp_path, {"m": [line]})
    assert found == [f"a.html: {line}", f"b.ipynb: {line}"]


# The cache of executed masters.


def test_is_the_cache_name_the_lesson_mode_and_the_masters_hash(tmp_path):
    master = tmp_path / "solutions" / "ko" / "02_vae.ipynb"
    master.parent.mkdir(parents=True)
    master.write_bytes(b"one")
    first = cache_path(tmp_path / "c", master, "ko", "full")
    assert first.parent == tmp_path / "c" / "ko"
    assert first.name == "02_vae.full.7692c3ad3540bb80.ipynb"  # sha256(b"one")[:16]
    master.write_bytes(b"two")
    assert cache_path(tmp_path / "c", master, "ko", "full") != first
    with pytest.raises(ValueError, match="mode must be one of"):
        cache_path(tmp_path / "c", master, "ko", "fast")


def _course(tmp_path, names):
    for name in names:
        release.write(
            _master(body=f"print('{name}')"), tmp_path / "solutions" / "en" / f"{name}.ipynb"
        )
    return tmp_path


class CountingRun:
    """gencourse.runner.run_lesson, counting which lessons it executed."""

    def __init__(self):
        self.lessons = []

    def __call__(self, root, lesson, lang, mode, **kwargs):
        from gencourse.runner import run_lesson

        self.lessons.append(lesson)
        return run_lesson(root, lesson, lang, mode, **kwargs)


def _execute_all(root, cache, run):
    return [
        execute(root, path, "en", "quick", cache, run=run)
        for path in sorted((root / "solutions" / "en").glob("*.ipynb"))
    ]


def test_does_a_rebuild_execute_only_the_lesson_whose_master_changed(tmp_path):
    # Real kernels (gencourse.runner) on tiny masters; their check cell only prints.
    root = _course(tmp_path, ["01_a", "02_b"])
    for path in (root / "solutions" / "en").glob("*.ipynb"):
        nb = release.read(path)
        nb.cells[2].source = "print('checked')"
        release.write(nb, path)
    cache, run = tmp_path / "cache", CountingRun()
    first = _execute_all(root, cache, run)
    assert run.lessons == ["01_a", "02_b"] and not any(e.cached for e in first)
    executed = release.read(first[0].notebook)
    assert executed.cells[2].outputs[0]["text"] == "checked\n"
    run.lessons.clear()
    again = _execute_all(root, cache, run)
    assert run.lessons == [] and all(e.cached for e in again)
    path = root / "solutions" / "en" / "02_b.ipynb"
    nb = release.read(path)
    nb.cells[3].source = "print('changed')"
    release.write(nb, path)
    third = _execute_all(root, cache, run)
    assert run.lessons == ["02_b"] and [e.cached for e in third] == [True, False]
    assert sorted(p.name.split(".")[0] for p in (cache / "en").glob("*.ipynb")) == ["01_a", "02_b"]


def test_do_lessons_run_at_once_from_threads_each_get_their_own_mode(tmp_path, monkeypatch):
    # The site's build runs lessons from threads: each kernel gets its mode in its own
    # environment, and the building process's environment is left as it was.
    from concurrent.futures import ThreadPoolExecutor

    from gencourse.runner import run_lesson

    root = _course(tmp_path, ["01_a", "02_b"])
    for path in (root / "solutions" / "en").glob("*.ipynb"):
        nb = release.read(path)
        nb.cells[2].source = "import os; print(os.environ['GENCOURSE_QUICK'])"
        release.write(nb, path)
    monkeypatch.setenv("GENCOURSE_QUICK", "parent")
    jobs = [("01_a", "quick"), ("02_b", "full")] * 2
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(
            pool.map(
                lambda job: run_lesson(root, job[0], "en", job[1], out_dir=tmp_path / job[1]),
                jobs,
            )
        )
    printed = [release.read(r.notebook).cells[2].outputs[0]["text"] for r in results]
    assert printed == ["1\n", "0\n", "1\n", "0\n"]
    assert os.environ["GENCOURSE_QUICK"] == "parent"


def test_is_a_bad_number_of_jobs_refused_before_anything_is_built(tmp_path):
    from gencourse.site.build import build_site

    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match=rf"jobs must be an int >= 1. Received: jobs={bad!r}"):
            build_site(tmp_path, tmp_path / "site", mode="quick", jobs=bad)
    assert not (tmp_path / "site").exists() and not (tmp_path / "runs").exists()


def test_does_a_failing_cell_stop_the_build_and_cache_nothing(tmp_path):
    root = _course(tmp_path, ["01_a"])
    path = root / "solutions" / "en" / "01_a.ipynb"
    nb = release.read(path)
    nb.cells[2].source = "print('checked')"
    nb.cells[3].source = "raise RuntimeError('boom')"
    release.write(nb, path)
    with pytest.raises(
        SiteBuildError, match=r"Lesson 01_a \(en, quick mode\) failed: cell 3 .*boom"
    ):
        execute(root, path, "en", "quick", tmp_path / "cache")
    assert not list((tmp_path / "cache" / "en").glob("*.ipynb"))


# Korean search.


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("판별자는", "판별자"),
        ("판별자", "판별자"),
        ("데이터에서", "데이터"),
        ("생성자가", "생성자"),
        ("모델의", "모델"),
        ("잠재 공간으로", "잠재 공간"),
        ("GAN을", "GAN"),
        ("차이", "차이"),  # never down to one syllable
        ("은", "은"),
        ("정확도는", "정확도"),
    ],
)
def test_does_the_korean_stemmer_strip_one_trailing_particle(word, stem):
    assert korean_search.strip_particle(word) == stem


def test_does_the_index_hold_every_form_a_query_can_reach():
    search = korean_search.SearchKorean({})
    indexed = {search.stem(w) for w in search.split("정확도는 판별자는 sample")}
    for query in ("정확도", "정확도는", "판별자", "판별자는", "sample"):
        assert search.stem(query) in indexed, query
    assert search.stem("생성자") not in indexed


def test_are_particles_tried_longest_first():
    lengths = [len(p) for p in korean_search.PARTICLES]
    assert lengths == sorted(lengths, reverse=True)
    assert korean_search.strip_particle("데이터에서는") == "데이터"


@pytest.mark.skipif(shutil.which("node") is None, reason="no node to run the JavaScript stemmer")
def test_does_the_javascript_stemmer_strip_what_python_strips():
    words = ["판별자는", "데이터에서", "차이", "GAN을", "정확도", "잠재공간으로는", "sample"]
    script = korean_search.JS_STEMMER + (
        f"const s = new Stemmer(); console.log(JSON.stringify({words!r}.map(w => s.stemWord(w))));"
    )
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert eval(out.stdout) == [korean_search.strip_particle(w) for w in words]


# The README's guide parts.

TEXT = """# Title
## One
intro
### Setup
run this
```bash
# not a heading
```
#### Detail
more
### Next
other
"""


def test_does_a_section_end_at_the_next_heading_of_its_level_outside_code():
    assert readme.section(TEXT, "Setup") == (
        "# Setup\nrun this\n```bash\n# not a heading\n```\n## Detail\nmore\n"
    )
    with pytest.raises(readme.SectionNotFound, match="no heading 'Missing'"):
        readme.section(TEXT, "Missing")


def test_does_the_readme_have_every_guide_section_in_both_languages():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for lang in ("ko", "en"):
        pages = readme.guide_pages(text, lang, "https://github.com/OWNER/REPO")
        assert set(pages) == {"setup", "colab", "instructors"}
        assert all(len(page) > 200 for page in pages.values())
        assert readme_lead(text, lang)
    assert "course.py lab" in readme.guide_pages(text, "en", "u")["setup"]


def test_are_the_readmes_relative_links_pointed_at_the_repository():
    text = "[a](requirements/README.md) [b](https://x.org/y) [c](#here)"
    assert readme.absolute_links(text, "https://github.com/O/R") == (
        "[a](https://github.com/O/R/blob/main/requirements/README.md) "
        "[b](https://x.org/y) [c](#here)"
    )


def test_does_the_korean_search_get_its_result_count_message():
    """Sphinx's Korean catalogue leaves the count message empty; the site fills it."""
    from types import SimpleNamespace

    from gencourse.site import sphinx_ext

    added = []
    for lang in ("ko", "en"):
        app = SimpleNamespace(
            config=SimpleNamespace(language=lang),
            add_js_file=lambda name, _lang=lang, **kw: added.append((_lang, name, kw)),
        )
        sphinx_ext.fill_search_messages(app)
    (ko_lang, ko_name, ko_kw), (en_lang, _, en_kw) = added
    assert (ko_lang, ko_name, en_lang) == ("ko", None, "en")
    assert "페이지를 ${resultCount}개 찾았습니다" in ko_kw["body"]
    assert "found ${resultCount} page(s)" in en_kw["body"]
    assert ko_kw["priority"] > 200  # after Sphinx's translations.js
