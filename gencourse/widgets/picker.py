"""What the pickers of lessons 04 and 07 share: a digit, a seed and a row of samples.

A picker shows ``ToggleButtons`` for the digit, any controls of its own, a
seed with a re-roll button, a caption and one row of ``n`` images (PNG). A
subclass says what the row holds (``generated``) and what the caption says
(``caption_text``); every control redraws the row when it changes.
"""

from __future__ import annotations

import numpy as np

from gencourse.i18n import t
from gencourse.widgets.images import ipywidgets, to_png


class RowPicker:
    """The base of :class:`~gencourse.widgets.gan.ClassPicker` and
    :class:`~gencourse.widgets.diffusion.GuidancePicker`."""

    def _build(self, num_classes, label, seed, n, scale, controls=(), css_class="", row_class=""):
        if not 0 <= int(label) < num_classes:
            raise ValueError(f"label must lie in 0..{num_classes - 1}. Received: label={label!r}")
        if not isinstance(n, int) or n < 1:
            raise ValueError(f"n must be an int >= 1. Received: n={n!r}")
        self.n, self.scale = n, int(scale)
        self._rng = np.random.default_rng(seed)
        w = ipywidgets()
        self.label = w.ToggleButtons(
            options=[(str(k), k) for k in range(num_classes)],
            value=int(label),
            description=t("widget.class"),
            style={"button_width": "2.6em"},
        )
        self.seed = w.BoundedIntText(value=seed, min=0, max=2**31 - 1, description=t("widget.seed"))
        self.reroll = w.Button(description=t("widget.reroll"), icon="refresh")
        self.caption = w.HTML()
        self.image = w.Image(format="png")
        if row_class:
            self.image.add_class(row_class)
        self.widget = w.VBox(
            [self.label, *controls, w.HBox([self.seed, self.reroll]), self.caption, self.image]
        )
        if css_class:
            self.widget.add_class(css_class)
        for control in (self.label, *controls, self.seed):
            control.observe(self._update, names="value")
        self.reroll.on_click(self._reroll)
        self._update()

    def generated(self) -> np.ndarray:
        """The row of images for the current controls, (n, height, width, channels)."""
        raise NotImplementedError

    def caption_text(self) -> str:
        """The line under the controls, in the notebook's language."""
        raise NotImplementedError

    def _reroll(self, button=None):
        self.seed.value = int(self._rng.integers(0, 1_000_000))

    def _update(self, change=None):
        from gencourse import viz

        self.image.value = to_png(viz.tile(self.generated(), self.n), self.scale)
        self.caption.value = self.caption_text()

    def _ipython_display_(self):
        # Displays the widget itself: ipywidgets 7 (Colab's) has no _repr_mimebundle_.
        from IPython.display import display

        display(self.widget)
