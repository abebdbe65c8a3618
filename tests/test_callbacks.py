"""Do the callbacks show and measure what ``fit`` does? The live view in text and
as widgets (driven from Python, as a front end would), the front-end guess, and
the mode count of lesson 03's ring."""

import warnings

import keras
import numpy as np
import pytest

from gencourse import callbacks, i18n, toy
from gencourse.callbacks import front_end
from gencourse.models import VAE
from gencourse.models import gan as gan_lib
from gencourse.widgets import from_png


def _tiny_fit(model, callback, epochs=3):
    x = np.random.default_rng(0).random((64, 28, 28, 1)).astype("float32")
    model.compile(optimizer=keras.optimizers.Adam(1e-3))
    return model.fit(x, epochs=epochs, batch_size=32, verbose=0, callbacks=[callback])


def test_does_the_text_progress_print_a_few_lines_with_the_losses(capsys):
    before = i18n.get_language()
    i18n.set_language("ko")
    try:
        progress = callbacks.live_training(front_end=False)
        assert isinstance(progress, callbacks.TextProgress)
        progress.lines = 2
        _tiny_fit(VAE(latent_dim=2, hidden_units=(8,), seed=0), progress, epochs=5)
    finally:
        i18n.set_language(before)
    lines = capsys.readouterr().out.strip().splitlines()
    # The first epoch, every third (ceil(5 / 2)) and the last.
    assert [line.split(" · ")[0] for line in lines] == ["에포크 1/5", "에포크 3/5", "에포크 5/5"]
    assert "KL 발산" in lines[-1]


def test_does_the_widget_view_show_progress_curves_and_samples(vae):
    shown = []
    live = callbacks.LiveTraining(samples=8, display=shown.append)
    _tiny_fit(VAE(latent_dim=2, hidden_units=(8,), seed=0), live, epochs=2)
    assert shown == [live.view]
    assert live.progress.value == live.progress.max == 2 * 2  # 2 epochs of 2 batches
    assert sorted(live.history) == ["kl_loss", "loss", "reconstruction_loss"]
    assert len(live.history["loss"]) == 2
    assert live.plot.value[:4] == b"\x89PNG" and live.samples.value[:4] == b"\x89PNG"
    assert from_png(live.samples.value, 2).shape == (28, 8 * 28)
    assert "2" in live.status.value
    assert live.samples_caption.value == i18n.t("live.samples", epoch=2)


def test_are_epochs_skipped_while_drawing_would_cost_too_much_but_the_last_drawn(vae):
    live = callbacks.LiveTraining(display=lambda view: None)
    live.set_model(vae)
    live.set_params({"epochs": 5, "steps": 1})
    live.on_train_begin()
    live.on_epoch_end(0, {"loss": 3.0})
    assert live.drawn_epochs == [1]  # the first epoch is always drawn
    live._draw_seconds = 1e6  # as if a drawing took longer than any training
    for epoch in range(1, 5):
        live.on_epoch_end(epoch, {"loss": 3.0 - epoch * 0.1})
    assert live.drawn_epochs == [1] and live.progress.value == 5
    live.on_train_end()
    assert live.drawn_epochs == [1, 5] and "5" in live.samples_caption.value
    assert len(live.history["loss"]) == 5


def test_does_the_conditional_gan_view_show_one_column_per_class(cgan):
    live = callbacks.LiveTraining(display=lambda view: None)
    images = np.random.default_rng(0).random((40, 28, 28, 1)).astype("float32")
    cgan.compile()
    cgan.fit(images, np.arange(40) % 10, epochs=1, batch_size=20, verbose=0, callbacks=[live])
    assert from_png(live.samples.value, 2).shape == (2 * 28, 10 * 28)
    assert {"d_loss", "g_loss"} <= set(live.history)
    # A GAN's samples come from noise vectors; a VAE's from latent vectors (glossary).
    assert live.samples_caption.value == i18n.t("live.samples_noise", epoch=1)
    assert "noise" in i18n.t("live.samples_noise", epoch=1, lang="en")


def test_are_loss_curves_below_one_drawn_without_a_missing_glyph(caplog):
    # Losses under 1 on a log axis gave mathtext labels (10^-1) whose minus sign
    # the Hangul font lacks; matplotlib then logs "does not have a glyph".
    before = i18n.get_language()
    i18n.set_language("ko")
    try:
        live = callbacks.LiveTraining(display=lambda view: None)
        live.epochs, live._fig = 4, None
        live.history = {"d_loss": [], "g_loss": []}
        with caplog.at_level("WARNING", logger="matplotlib"), warnings.catch_warnings():
            warnings.simplefilter("error")  # matplotlib's missing-glyph warning for text
            for d, g in [(0.69, 0.75), (0.62, 0.9), (0.05, 1.6)]:  # narrow, then wide
                live.history["d_loss"].append(d)
                live.history["g_loss"].append(g)
                assert live._plot_png()[:4] == b"\x89PNG"
    finally:
        i18n.set_language(before)
    assert not [r for r in caplog.records if "glyph" in r.getMessage()]


@pytest.mark.parametrize(
    "kernel, session, choice, expected",
    [
        (False, "02_vae.ipynb", "auto", False),  # a terminal
        (True, None, "auto", False),  # nbval, nbclient, gencourse run
        (True, "02_vae.ipynb", "auto", True),  # JupyterLab
        (True, "02_vae.ipynb", "text", False),
        (True, None, "widgets", True),
    ],
)
def test_is_a_front_end_detected_only_for_a_kernel_a_jupyter_server_started(
    monkeypatch, kernel, session, choice, expected
):
    monkeypatch.setattr(front_end, "_kernel", lambda: object() if kernel else None)
    monkeypatch.setenv("GENCOURSE_LIVE", choice)
    if session:
        monkeypatch.setenv("JPY_SESSION_NAME", session)
    else:
        monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    assert callbacks.has_front_end() is expected
    assert isinstance(
        callbacks.live_training(), callbacks.LiveTraining if expected else callbacks.TextProgress
    )


def test_is_a_wrong_number_of_text_lines_refused():
    with pytest.raises(ValueError, match="lines must be an int >= 1"):
        callbacks.TextProgress(lines=0)


# --- the mode count of lesson 03 ---------------------------------------------------------


class _Points:
    """A stand-in generator whose samples are given points, whatever the seed."""

    def __init__(self, points):
        self.points, self.calls = np.asarray(points, "float32"), []

    def generate(self, n, seed=None):
        self.calls.append((n, seed))
        return np.resize(self.points, (n, self.points.shape[1]))


@pytest.mark.parametrize("modes, expected", [(range(8), 8), ([2], 1), ([0, 4, 6], 3)])
def test_does_mode_coverage_count_the_modes_the_samples_sit_on(modes, expected):
    ring = toy.ring(k=8)
    coverage = callbacks.ModeCoverage(ring, n=80, seed=3)
    coverage.set_model(_Points(ring.means[list(modes)]))
    coverage.on_train_begin()
    logs = {"d_loss": 0.7}
    coverage.on_epoch_end(0, logs)
    assert coverage.found == [expected] and logs["modes_covered"] == expected
    assert coverage.model.calls == [(80, 3)] and coverage.samples.shape == (80, 2)


def test_does_mode_coverage_record_every_epoch_of_a_ring_gan_in_the_history():
    ring = toy.ring(k=8)
    keras.utils.set_random_seed(0)
    ring_gan = gan_lib.GAN(
        gan_lib.build_toy_generator(latent_dim=2, data_dim=2, hidden=8),
        gan_lib.build_toy_discriminator(data_dim=2, hidden=8),
        latent_dim=2,
        seed=0,
    )
    ring_gan.compile()
    coverage = callbacks.ModeCoverage(ring, n=500, seed=1)
    history = ring_gan.fit(
        ring.sample(512, seed=0), epochs=3, batch_size=256, verbose=0, callbacks=[coverage]
    )
    assert len(coverage.found) == 3
    assert history.history["modes_covered"] == coverage.found
    # The last count is the one the trained generator's samples give, computed again here.
    again = toy.mode_coverage(ring_gan.generate(500, seed=1), ring)
    assert coverage.found[-1] == again.modes_covered
    np.testing.assert_allclose(coverage.samples, ring_gan.generate(500, seed=1))


def test_is_a_mode_coverage_without_samples_refused():
    with pytest.raises(ValueError, match="n must be an int >= 1. Received: n=0"):
        callbacks.ModeCoverage(toy.ring(), n=0)
