"""Interactive views for the lessons: explore a latent space, interpolate, pick a class.

Each view is one line in a lesson:

    widgets.latent_explorer(vae_2d, z_mean=z_mean_test, labels=digits.y_test)  # lesson 02
    widgets.gan_interpolation(gan, seed_a=1, seed_b=2)                           # lesson 03
    widgets.class_picker(cgan)                                                   # lesson 04
    widgets.guidance_picker(diffusion)                                           # lesson 07

Images are ``ipywidgets.Image`` PNG bytes, so the browser shows them and a
test can read them back (:func:`from_png`). Text comes from
:mod:`gencourse.i18n`, in the notebook's language. The live view of training
is a callback: :func:`gencourse.callbacks.live_training`.

Modules: :mod:`~gencourse.widgets.images` (PNG bytes, off-screen figures),
:mod:`~gencourse.widgets.latent` (the VAE's latent explorer),
:mod:`~gencourse.widgets.gan` (the GANs' interpolation and class picker),
:mod:`~gencourse.widgets.diffusion` (the diffusion model's guidance picker) and
:mod:`~gencourse.widgets.picker` (what the two pickers share).
"""

from gencourse.widgets.diffusion import GuidancePicker, guidance_picker
from gencourse.widgets.gan import (
    ClassPicker,
    LatentInterpolation,
    class_picker,
    gan_interpolation,
    slerp,
)
from gencourse.widgets.images import from_png, to_png
from gencourse.widgets.latent import LatentExplorer, latent_explorer

__all__ = [
    "ClassPicker",
    "GuidancePicker",
    "LatentExplorer",
    "LatentInterpolation",
    "class_picker",
    "from_png",
    "gan_interpolation",
    "guidance_picker",
    "latent_explorer",
    "slerp",
    "to_png",
]
