"""Test-wide settings: every notebook runs in quick mode, and a failing exercise
check in a solution notebook fails its nbval test (strict checks)."""

import os

os.environ["GENCOURSE_QUICK"] = "1"
os.environ["GENCOURSE_STRICT_CHECKS"] = "1"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("MPLBACKEND", "Agg")
