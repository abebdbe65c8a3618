"""Test-wide settings: every notebook runs in quick mode, and a failing exercise
check in a solution notebook fails its nbval test (strict checks).

At the end of a run, one short summary says which tests were skipped because an
optional part of the machine is missing (bubblewrap, Chromium) and how to enable
them, in the user's language (``GENCOURSE_LANG``, else a Korean locale, else English).
"""

import os

# CI (.ci/run) asks every test process for its threads' stacks with SIGUSR1 before it stops
# a run that went on too long: each process writes them to a file of its own there.
if os.environ.get("GENCOURSE_STACKS_DIR"):
    import faulthandler
    import signal

    _stacks = open(  # noqa: SIM115 (open for the life of the process)
        os.path.join(os.environ["GENCOURSE_STACKS_DIR"], f"stacks-{os.getpid()}.txt"), "w"
    )
    faulthandler.register(signal.SIGUSR1, file=_stacks, all_threads=True)

os.environ["GENCOURSE_QUICK"] = "1"
os.environ["GENCOURSE_STRICT_CHECKS"] = "1"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("MPLBACKEND", "Agg")

# The start of the skip reasons of each optional part (tests/sandbox_guard.py,
# tests/test_browser.py), and the catalogue message that says how to enable it.
OPTIONAL_PARTS = {
    "the grading sandbox cannot run here": "tests.optional.sandbox",
    "browser test skipped": "tests.optional.browser",
}


def _user_language() -> str:
    chosen = os.environ.get("GENCOURSE_LANG")
    if chosen in ("ko", "en"):
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return "ko" if os.environ[name].lower().startswith("ko") else "en"
    return "en"


def _skip_reason(report) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def pytest_terminal_summary(terminalreporter):
    counts = dict.fromkeys(OPTIONAL_PARTS.values(), 0)
    for report in terminalreporter.stats.get("skipped", []):
        reason = _skip_reason(report)
        for start, key in OPTIONAL_PARTS.items():
            if reason.startswith(start):
                counts[key] += 1
    if not any(counts.values()):
        return
    from gencourse.i18n import t

    lang = _user_language()
    terminalreporter.write_sep("-", "optional parts")
    terminalreporter.write_line(t("tests.optional.header", lang))
    for key, count in counts.items():
        if count:
            terminalreporter.write_line("  - " + t(key, lang, count=count))
