"""Is there a notebook front end that would show widgets?"""

from __future__ import annotations

import os
import sys


def _kernel():
    """The running IPython kernel's shell, or None (plain Python, a terminal)."""
    if "IPython" not in sys.modules:
        return None
    shell = sys.modules["IPython"].get_ipython()
    return shell if getattr(shell, "kernel", None) is not None else None


def has_front_end() -> bool:
    """True when widgets would be seen: a kernel that a notebook front end opened.

    A Jupyter server (JupyterLab, Notebook, JupyterHub) names the notebook of a
    kernel it starts in ``JPY_SESSION_NAME``; nbclient, nbval and
    ``gencourse run`` start kernels without it, and a terminal has no kernel.
    ``GENCOURSE_LIVE=text`` or ``=widgets`` overrides the guess (e.g. for
    another front end that shows widgets).
    """
    choice = os.environ.get("GENCOURSE_LIVE", "auto").strip().lower()
    if choice == "text" or _kernel() is None:
        return False
    return choice == "widgets" or bool(os.environ.get("JPY_SESSION_NAME"))
