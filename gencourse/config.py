"""Run modes: full (for people) and quick (for CI), chosen by ``GENCOURSE_QUICK``.

Quick mode runs the same code with tiny sizes, so that CI checks every cell in
seconds. Nothing else changes between the modes.
"""

from __future__ import annotations

import os

_TRUE = {"1", "true", "yes", "on"}


def quick_mode() -> bool:
    """True when ``GENCOURSE_QUICK`` is set to 1/true/yes/on."""
    return os.environ.get("GENCOURSE_QUICK", "").strip().lower() in _TRUE


def strict_checks() -> bool:
    """True when a failing exercise check must raise (used by the solution tests)."""
    return os.environ.get("GENCOURSE_STRICT_CHECKS", "").strip().lower() in _TRUE


def pick(*, full, quick):
    """Returns ``quick`` in quick mode, else ``full``.

    Example:
        >>> epochs = pick(full=30, quick=1)
    """
    return quick if quick_mode() else full
