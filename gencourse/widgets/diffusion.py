"""The diffusion model's view (lesson 07): pick a digit and a guidance scale, see samples.

Seed s, digit k and scale g show ``model.sample([k] * n, steps=steps,
guidance=g, seed=s)``: the same starting noise for every scale, so moving the
slider shows what guidance alone changes.
"""

from __future__ import annotations

import numpy as np

from gencourse.i18n import t
from gencourse.widgets.images import ipywidgets
from gencourse.widgets.picker import RowPicker


class GuidancePicker(RowPicker):
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
        if not 0.0 <= float(guidance) <= float(max_guidance):
            raise ValueError(
                f"guidance must lie in [0, {max_guidance}]. Received: guidance={guidance!r}"
            )
        self.model, self.steps = model, int(steps)
        self.guidance = ipywidgets().FloatSlider(
            value=float(guidance),
            min=0.0,
            max=float(max_guidance),
            step=0.5,
            description=t("widget.guidance"),
            continuous_update=False,
        )
        self._build(
            num_classes, label, seed, n, scale,
            controls=[self.guidance], css_class="gencourse-guidance-picker",
        )  # fmt: skip

    def generated(self) -> np.ndarray:
        """The row of samples for the current digit, scale and seed, (n, height, width, channels)."""
        return self.model.sample(
            [self.label.value] * self.n,
            steps=self.steps,
            guidance=self.guidance.value,
            seed=self.seed.value,
        )

    def caption_text(self) -> str:
        return t(
            "widget.diffusion_caption",
            label=self.label.value,
            guidance=self.guidance.value,
            steps=self.steps,
            seed=self.seed.value,
        )


def guidance_picker(model, label=0, guidance=2.0, seed=0, n=8, steps=20) -> GuidancePicker:
    """Pick a digit, a guidance scale and a seed; see ``n`` samples the diffusion model makes.

    Example:
        >>> widgets.guidance_picker(diffusion)
    """
    return GuidancePicker(model, label=label, guidance=guidance, seed=seed, n=n, steps=steps)
