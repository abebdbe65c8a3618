"""gencourse: tested building blocks for a course on generative models.

The notebooks import everything they run from here. Heavy modules (TensorFlow,
matplotlib) load only when first used, so the command line starts quickly.
"""

from __future__ import annotations

import importlib
import os
import time

from gencourse.config import pick, quick_mode
from gencourse.i18n import get_language, set_language

# Keep TensorFlow's start-up chatter out of notebooks; set before anything imports it.
# 3: TensorFlow's native code keeps quiet even about harmless graph-optimiser
# errors (a "remapper failed" line on every GAN); real failures still raise.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

__version__ = "0.1.0"
__all__ = [
    "setup",
    "pick",
    "quick_mode",
    "set_language",
    "get_language",
    "timer",
    "report_time",
]

_LAZY = {
    "data", "models", "viz", "check", "metrics", "release", "runner", "cli", "pretrained",
    "widgets", "callbacks",
}  # fmt: skip
_started = {"t": time.perf_counter()}


def __getattr__(name):
    if name in _LAZY:
        return importlib.import_module(f"gencourse.{name}")
    raise AttributeError(f"module 'gencourse' has no attribute {name!r}")


def setup(lang: str = "en", seed: int = 0) -> None:
    """Prepares a notebook: language, Hangul-capable fonts, seeds and quiet logs.

    Args:
        lang: ``"ko"`` or ``"en"``; the language of check verdicts and figures.
        seed: seeds Python, NumPy and Keras so that a run can be repeated.
    """
    from gencourse.quiet import import_tensorflow_quietly

    set_language(lang)
    import_tensorflow_quietly()
    import keras

    from gencourse import alt_text, viz

    viz.use_hangul_font()
    alt_text.register()  # each figure's output carries its alternative text (the website's)
    keras.utils.set_random_seed(seed)
    _started["t"] = time.perf_counter()
    from gencourse.i18n import t

    mode = t("mode.quick") if quick_mode() else t("mode.full")
    print(t("setup.ready", mode=mode, backend=keras.backend.backend()))


def timer() -> float:
    """Seconds since :func:`setup` was called (the notebook's own run time)."""
    return time.perf_counter() - _started["t"]


def report_time() -> None:
    """Prints how long the notebook has run since :func:`setup`."""
    from gencourse.i18n import t

    minutes = timer() / 60
    mode = t("mode.quick") if quick_mode() else t("mode.full")
    print(t("setup.elapsed", minutes=minutes, mode=mode))
