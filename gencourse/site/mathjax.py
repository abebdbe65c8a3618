"""MathJax served from the site itself, so formulas render offline.

The course's environment holds ``jupyter-server-mathjax`` (Jupyter's own copy of
MathJax 2.7 with its STIX web fonts). :func:`copy_mathjax` copies the part a page
needs (no SVG output, no accessibility explorer, Korean and English messages only)
into ``<site>/_mathjax/``, one copy for both languages. Without that package the
pages load MathJax from the web (Sphinx's default).
"""

from __future__ import annotations

import shutil
from pathlib import Path

FOLDER = "_mathjax"
CONFIG = "TeX-AMS-MML_HTMLorMML-full"
#: ``mathjax_path`` relative to a language's ``_static`` folder (Sphinx's rule).
MATHJAX_PATH = f"../../{FOLDER}/MathJax.js?config={CONFIG}"
#: MathJax 2's settings: the web fonts this copy has, math only where Sphinx put it.
MATHJAX2_CONFIG = {
    "HTML-CSS": {
        "availableFonts": [],
        "preferredFont": None,
        "webFont": "STIX-Web",
        "imageFont": None,
    },
    "tex2jax": {"processClass": "math", "ignoreClass": "document|highlight|output"},
    "menuSettings": {"zoom": "None"},
}
_SKIP = ("a11y", "SVG", "*.map")


def source() -> Path | None:
    """The installed MathJax folder, or None when jupyter-server-mathjax is missing."""
    try:
        import jupyter_server_mathjax
    except ImportError:
        return None
    folder = Path(jupyter_server_mathjax.__file__).parent / "static"
    return folder if (folder / "MathJax.js").is_file() else None


def copy_mathjax(site: Path) -> Path | None:
    """Copies MathJax into ``site/_mathjax``; returns the folder, or None without MathJax."""
    folder = source()
    if folder is None:
        return None
    target = site / FOLDER

    def skip(directory, names):
        skipped = set(shutil.ignore_patterns(*_SKIP)(directory, names))
        if Path(directory).name == "localization":
            skipped |= {name for name in names if name not in ("ko", "en")}
        return skipped

    shutil.copytree(folder, target, ignore=skip)
    return target
