"""Does lesson 07's guidance picker show the samples the diffusion model makes for its settings?"""

import numpy as np
import pytest

from gencourse import widgets

# One grey level of a PNG.
TOL = 1 / 255 + 1e-4


@pytest.fixture(scope="module")
def diffusion():
    from gencourse.models.diffusion import make_diffusion

    return make_diffusion(width=8, seed=0)


def test_does_the_picker_show_the_row_sample_makes(diffusion):
    picker = widgets.guidance_picker(diffusion, label=7, guidance=3.0, seed=2, n=3, steps=2)
    expected = diffusion.sample([7] * 3, steps=2, guidance=3.0, seed=2)[..., 0]
    shown = widgets.from_png(picker.image.value, 3)  # (28, 3 * 28)
    np.testing.assert_allclose(shown, np.concatenate(list(expected), axis=1), atol=TOL)
    assert "3" in picker.caption.value and "7" in picker.caption.value


def test_do_the_controls_redraw_and_reroll_change_the_seed(diffusion):
    picker = widgets.guidance_picker(diffusion, label=1, seed=4, n=2, steps=2)
    before = picker.caption.value
    picker.guidance.value = 0.0
    assert picker.caption.value != before
    seed = picker.seed.value
    picker.reroll.click()
    assert picker.seed.value != seed


def test_are_bad_settings_refused(diffusion):
    with pytest.raises(ValueError, match="label must lie in 0..9"):
        widgets.guidance_picker(diffusion, label=10)
    with pytest.raises(ValueError, match="guidance must lie in"):
        widgets.guidance_picker(diffusion, guidance=-1.0)
    with pytest.raises(ValueError, match="must be a diffusion model"):
        widgets.guidance_picker(object())
