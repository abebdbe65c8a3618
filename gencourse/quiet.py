"""Importing TensorFlow without its start-up chatter (a base module: imports nothing heavy).

Both the notebooks' :func:`gencourse.setup` and the sandboxed grading child
(:mod:`gencourse.grade.child`) import TensorFlow through here, so the child
never needs the notebook front door's functions.
"""

from __future__ import annotations

import os
import sys


def import_tensorflow_quietly() -> None:
    """Imports TensorFlow with its C++ start-up log lines kept out of the notebook.

    TensorFlow's native code writes INFO lines (oneDNN, absl) straight to file
    descriptor 2 before any Python setting can stop them; a learner reads them
    as errors. They are discarded for the import only.
    """
    if "tensorflow" in sys.modules:
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, AttributeError, ValueError):
        import tensorflow  # noqa: F401

        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        import tensorflow

        # Retracing warnings name Keras internals; they would only puzzle a learner.
        tensorflow.get_logger().setLevel("ERROR")
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
