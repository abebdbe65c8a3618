"""Keras callbacks of the course: watch training as it runs, and measure it epoch by epoch.

    model.fit(..., callbacks=[callbacks.live_training()])       # lessons 02-04
    ring_gan.fit(..., callbacks=[callbacks.ModeCoverage(ring)])  # lesson 03

:func:`live_training` gives the widget view (:class:`LiveTraining`) where a
notebook front end shows widgets (:func:`has_front_end`), and a few lines of
plain text (:class:`TextProgress`) elsewhere: nbval, ``gencourse run``, a
terminal. Text comes from :mod:`gencourse.i18n`, in the notebook's language.

Modules, one per callback as in ``keras.callbacks``: :mod:`~.front_end`,
:mod:`~.text_progress`, :mod:`~.live` and :mod:`~.mode_coverage`.
"""

from gencourse.callbacks.front_end import has_front_end
from gencourse.callbacks.live import LiveTraining, live_training
from gencourse.callbacks.mode_coverage import ModeCoverage
from gencourse.callbacks.text_progress import TextProgress

__all__ = ["LiveTraining", "ModeCoverage", "TextProgress", "has_front_end", "live_training"]
