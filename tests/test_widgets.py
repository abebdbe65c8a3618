"""Do the widgets show what the models make? Driven from Python, as a learner's
front end would drive them: set a slider, read the image back. (The live view
of training is a callback: tests/test_callbacks.py.)"""

import numpy as np
import pytest

from gencourse import widgets
from gencourse.models import VAE

# One grey level of a PNG, plus float32 noise between two code paths.
TOL = 1 / 255 + 1e-4


def _red_centre(png):
    """The centre (column, row) of the marker's pure red pixels in an RGBA PNG."""
    import io

    from PIL import Image

    rgba = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)
    rows, cols = np.nonzero(
        (abs(rgba[..., 0] - 220) < 3) & (rgba[..., 1] < 30) & (rgba[..., 2] < 30)
    )
    assert len(rows), "no marker drawn"
    return cols.mean(), rows.mean()


# --- images and the arc between noise vectors ---------------------------------------------------------


def test_does_a_png_round_trip_keep_the_pixels_with_dark_strokes_on_white():
    image = np.array([[0.0, 1.0], [0.5, 0.25]], dtype="float32")
    png = widgets.to_png(image, scale=3)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    import io

    from PIL import Image

    raw = np.asarray(Image.open(io.BytesIO(png)))
    assert raw.shape == (6, 6) and raw[0, 0] == 255 and raw[0, 3] == 0  # 0 white, 1 black
    np.testing.assert_allclose(widgets.from_png(png, 3), image, atol=TOL)


@pytest.mark.parametrize(
    "image, match", [(np.zeros((2, 3, 4)), "shape"), (np.full((2, 2), np.nan), "NaN")]
)
def test_is_an_image_that_cannot_be_shown_refused(image, match):
    with pytest.raises(ValueError, match=match):
        widgets.to_png(image)


def test_does_slerp_follow_the_arc_between_its_endpoints():
    a, b = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    np.testing.assert_allclose(widgets.slerp(a, b, 0.5), [0.5**0.5, 0.5**0.5])
    np.testing.assert_allclose(widgets.slerp(a, b, 0.0), a)
    np.testing.assert_allclose(widgets.slerp(a, b, 1.0), b)
    np.testing.assert_allclose(widgets.slerp(a, 2 * a, 0.5), 1.5 * a)  # same direction
    with pytest.raises(ValueError, match="fraction must lie in"):
        widgets.slerp(a, b, 1.5)


# --- the latent explorer ---------------------------------------------------------------


def test_does_moving_a_slider_show_the_decoders_image_for_that_z(vae):
    explorer = widgets.latent_explorer(vae)
    assert len(explorer.sliders) == 2 and explorer.widget.children
    before, map_before = explorer.image.value, explorer.map.value
    explorer.sliders[0].value = 2.0
    explorer.sliders[1].value = -1.5
    assert explorer.image.value != before and explorer.map.value != map_before
    # The reference goes through Keras' predict, not the widget's eager call.
    expected = vae.decoder.predict(np.array([[2.0, -1.5]], "float32"), verbose=0)[0, ..., 0]
    np.testing.assert_allclose(widgets.from_png(explorer.image.value, 6), expected, atol=TOL)
    assert "2.00" in explorer.caption.value and "-1.50" in explorer.caption.value


def test_does_the_map_marker_move_with_the_sliders(vae):
    z_mean = np.random.default_rng(0).normal(size=(50, 2))
    explorer = widgets.latent_explorer(vae, z_mean=z_mean, labels=np.arange(50) % 10)
    x0, y0 = _red_centre(explorer.map.value)
    explorer.sliders[0].value = 2.0  # right
    explorer.sliders[1].value = 2.0  # up: a smaller row index
    x1, y1 = _red_centre(explorer.map.value)
    assert x1 > x0 + 20 and y1 < y0 - 20


def test_is_a_vae_with_a_larger_latent_space_refused_with_what_to_pass():
    with pytest.raises(ValueError, match="latent_dim=2 \\(vae_2d in lesson 02\\)"):
        widgets.latent_explorer(VAE(latent_dim=3, hidden_units=(8,)))


# --- GAN interpolation and the class picker --------------------------------------------


def test_do_the_interpolation_ends_show_the_two_seeds_images(gan):
    view = widgets.gan_interpolation(gan, seed_a=3, seed_b=4, steps=5)
    np.testing.assert_allclose(
        widgets.from_png(view.image.value, 6), gan.generate(1, seed=3)[0, ..., 0], atol=TOL
    )
    path = view.path.value
    view.slider.value = 1.0
    np.testing.assert_allclose(
        widgets.from_png(view.image.value, 6), gan.generate(1, seed=4)[0, ..., 0], atol=TOL
    )
    view.seed_a.value = 9
    assert view.path.value != path
    assert "9" in view.path_caption.value


def test_is_a_conditional_gan_interpolated_for_a_label_and_refused_without_one(cgan):
    view = widgets.gan_interpolation(cgan, seed_a=3, seed_b=4, label=5)
    np.testing.assert_allclose(
        widgets.from_png(view.image.value, 6), cgan.generate([5], seed=3)[0, ..., 0], atol=TOL
    )
    with pytest.raises(ValueError, match="pass label="):
        widgets.gan_interpolation(cgan)


def test_does_the_class_picker_show_the_row_generate_makes(cgan):
    picker = widgets.class_picker(cgan, label=7, seed=2, n=4)
    expected = cgan.generate([7] * 4, seed=2)[..., 0]  # (4, 28, 28)
    shown = widgets.from_png(picker.image.value, 3)  # (28, 4 * 28)
    np.testing.assert_allclose(shown, np.concatenate(list(expected), axis=1), atol=TOL)
    before = picker.image.value
    picker.label.value = 3
    assert picker.image.value != before
    seed = picker.seed.value
    picker.reroll.click()
    assert picker.seed.value != seed
    with pytest.raises(ValueError, match="label must lie in 0..9"):
        widgets.class_picker(cgan, label=10)
