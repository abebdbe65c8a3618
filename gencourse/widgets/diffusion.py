"""The diffusion model's view (lesson 07): pick a digit and a guidance scale, see samples.

Seed s, digit k and scale g show ``model.sample([k] * n, steps=steps,
guidance=g, seed=s)``: the same starting noise for every scale, so moving the
slider shows what guidance alone changes.
"""

from __future__ import annotations

import numpy as np

from gencourse.i18n import t
from gencourse.widgets.images import ipywidgets, to_png


class GuidancePicker:
    """Choose a digit, a guidance scale and a seed; see ``n`` samples of that digit.

    Attributes:
        label: ``ToggleButtons`` with the digits 0..num_classes-1.
        guidance: ``FloatSlider`` from 0 to ``max_guidance``.
        seed: ``BoundedIntText``; ``reroll`` (a ``Button``) draws a new seed.
        image: one row of ``n`` samples (PNG).
        widget: the whole view (a ``VBox``).
    """

    def __init__(
        self, model, label=0, guidance=2.0, seed=0, n=8, steps=20, max_guidance=6.0, scale=3
    ):
        num_classes = getattr(model, "num_classes", None)
        if num_classes is None or not hasattr(model, "sample"):
            raise ValueError(
                "model must be a diffusion model (with .num_classes and .sample), e.g. from "
                f"make_diffusion. Received: {type(model).__name__}"
            )
        if not 0 <= int(label) < num_classes:
            raise ValueError(f"label must lie in 0..{num_classes - 1}. Received: label={label!r}")
        if not isinstance(n, int) or n < 1:
            raise ValueError(f"n must be an int >= 1. Received: n={n!r}")
        if not 0.0 <= float(guidance) <= float(max_guidance):
            raise ValueError(
                f"guidance must lie in [0, {max_guidance}]. Received: guidance={guidance!r}"
            )
        self.model, self.n, self.steps, self.scale = model, n, int(steps), int(scale)
        self._rng = np.random.default_rng(seed)
        w = ipywidgets()
        self.label = w.ToggleButtons(
            options=[(str(k), k) for k in range(num_classes)],
            value=int(label),
            description=t("widget.class"),
            style={"button_width": "2.6em"},
        )
        self.guidance = w.FloatSlider(
            value=float(guidance),
            min=0.0,
            max=float(max_guidance),
            step=0.5,
            description=t("widget.guidance"),
            continuous_update=False,
        )
        self.seed = w.BoundedIntText(value=seed, min=0, max=2**31 - 1, description=t("widget.seed"))
        self.reroll = w.Button(description=t("widget.reroll"), icon="refresh")
        self.caption = w.HTML()
        self.image = w.Image(format="png")
        self.widget = w.VBox(
            [self.label, self.guidance, w.HBox([self.seed, self.reroll]), self.caption, self.image]
        )
        self.widget.add_class("gencourse-guidance-picker")
        for control in (self.label, self.guidance, self.seed):
            control.observe(self._update, names="value")
        self.reroll.on_click(self._reroll)
        self._update()

    def generated(self) -> np.ndarray:
        """The row of samples for the current digit, scale and seed, (n, height, width, channels)."""
        return self.model.sample(
            [self.label.value] * self.n,
            steps=self.steps,
            guidance=self.guidance.value,
            seed=self.seed.value,
        )

    def _reroll(self, button=None):
        self.seed.value = int(self._rng.integers(0, 1_000_000))

    def _update(self, change=None):
        from gencourse import viz

        self.image.value = to_png(viz.tile(self.generated(), self.n), self.scale)
        self.caption.value = t(
            "widget.diffusion_caption",
            label=self.label.value,
            guidance=self.guidance.value,
            steps=self.steps,
            seed=self.seed.value,
        )

    def _ipython_display_(self):
        # Displays the widget itself: ipywidgets 7 (Colab's) has no _repr_mimebundle_.
        from IPython.display import display

        display(self.widget)


def guidance_picker(model, label=0, guidance=2.0, seed=0, n=8, steps=20) -> GuidancePicker:
    """Pick a digit, a guidance scale and a seed; see ``n`` samples the diffusion model makes.

    Example:
        >>> widgets.guidance_picker(diffusion)
    """
    return GuidancePicker(model, label=label, guidance=guidance, seed=seed, n=n, steps=steps)
