"""The one guard for tests that need the grader's real sandbox (bubblewrap).

Without bubblewrap (macOS, Windows, a Linux machine without the package) such a test
skips with a reason that names the missing part; the summary at the end of
``course.py test`` (conftest.py) counts these skips and says how to enable them. In CI
(``GENCOURSE_REQUIRE_SANDBOX=1``) a sandbox that cannot start fails the test instead.
"""

from __future__ import annotations

import os

import pytest

#: The start of every skip reason this guard gives (conftest.py's summary looks for it).
SKIP_REASON = "the grading sandbox cannot run here"


def require_sandbox() -> None:
    """Skips the calling test (or fixture) when bubblewrap cannot start a sandbox here."""
    from gencourse.grade import jail

    try:
        jail.check_available()
    except jail.Unavailable as exc:
        if os.environ.get("GENCOURSE_REQUIRE_SANDBOX") == "1":
            pytest.fail(f"{SKIP_REASON}: {exc} {jail.probe_detail()}")
        pytest.skip(f"{SKIP_REASON}: {exc}")
