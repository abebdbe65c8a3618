"""The course's website built once per test session (quick mode, every lesson, ko and en).

A test module that needs the built site defines its fixture from :func:`build_once`::

    sys.path.insert(0, str(Path(__file__).parent))
    import site_build

    @pytest.fixture(scope="session")
    def built_site():
        return site_build.build_once()  # site/index.html, site/<lang>/lessons/<lesson>.html, ...

pytest-xdist runs modules in two processes: the first one to need the site builds
it under ``runs/site-test/`` while holding that folder's lock
(:mod:`gencourse.grade.outlock`); the other waits, then finds the build stamped
with the same test run's id and reuses it.

Every build executes every master afresh, in quick mode with strict checks (the
suite's environment, inherited by the kernels): its cache, :data:`CACHE`, is
emptied first, because a cached run would hide a library change that breaks a
lesson. ``tests/test_masters.py`` reads these executions: they are the suite's
run of the solution notebooks.
"""

import os
import shutil
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "runs" / "site-test"
SITE = BASE / "site"
STAMP = BASE / "built-by-run"
CACHE = BASE / "cache"
WAIT_S = 3600
_RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"local-{uuid.uuid4().hex}"


def build_once() -> Path:
    """The site of this test run: built here, or by another process of the same run."""
    from gencourse.grade import outlock
    from gencourse.site.build import build_site

    deadline = time.monotonic() + WAIT_S
    while True:
        try:
            with outlock.hold(BASE):
                if STAMP.is_file() and STAMP.read_text() == _RUN_ID and SITE.is_dir():
                    return SITE
                STAMP.unlink(missing_ok=True)
                shutil.rmtree(CACHE, ignore_errors=True)
                # Two kernels at once: a quick lesson mostly keeps one core busy, and the
                # other test process may be waiting for this build.
                report = build_site(
                    ROOT, SITE, mode="quick", cache_dir=CACHE, build_dir=BASE / "build", jobs=2
                )
                STAMP.write_text(_RUN_ID)
                print(
                    f"site built in {report.seconds:.0f} s, {report.bytes:,} bytes, "
                    f"{len(report.executed)} lessons executed"
                )
                return SITE
        except outlock.Locked:
            if time.monotonic() > deadline:
                raise
            time.sleep(5)
