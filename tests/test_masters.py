"""The solution notebooks (the masters), every cell run in quick mode with strict checks.

The suite's build of the website (tests/site_build.py) executes every master once, in
a kernel whose environment is this test session's: quick mode, and a failing exercise
check raises. A cell that fails stops that build with the lesson and the cell named
(:class:`gencourse.site.execute.SiteBuildError`), so every test here fails with that
message. Each test then reads its master's execution: every code cell ran, none left
an error. (``pytest solutions/`` still runs a master under nbval, cell by cell.)
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import site_build  # noqa: E402

from gencourse import release  # noqa: E402
from gencourse.site.execute import cache_path, error_outputs  # noqa: E402

ROOT = site_build.ROOT
MASTERS = sorted((ROOT / "solutions").glob("*/*.ipynb"))


@pytest.fixture(scope="module")
def built_site():
    return site_build.build_once()


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_does_every_cell_of_the_master_run_without_error(built_site, master):
    executed = cache_path(site_build.CACHE, master, master.parent.name, "quick")
    assert executed.is_file(), f"{master.relative_to(ROOT)} was not executed by this run"
    nb = release.read(executed)
    source = release.read(master)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) == sum(c.cell_type == "code" for c in source.cells)
    assert all(c.execution_count is not None for c in code), "a code cell did not run"
    assert error_outputs(nb) == []


def test_are_there_masters_in_both_languages():
    assert {p.parent.name for p in MASTERS} == {"ko", "en"}
    assert len(MASTERS) >= 14
